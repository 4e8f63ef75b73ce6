"""Widgets for practising observation on the course's written scenes (notebook 04).

The logic (scenes, reference coding, the check) is in
:mod:`course_kit.method.scenes`; this module only builds what people click.

* :func:`marking_self_check` - choose a scene, read it as a timeline strip beside
  its transcript, mark the moments you would replay (a moment to praise, to speak
  for the child, a missed signal) and the theme, then check against the
  reference with an explanation per fragment.
* :func:`worked_example` - step through one scene event by event with its
  reference coding shown (the worked example before the exercise).

CSS classes for browser tests: ``ck-scene-kind`` (the per-event choices),
``ck-scene-theme``, ``ck-scene-check`` (button) and ``ck-scene-feedback``.
"""

from __future__ import annotations

import html

from course_kit.messages import text
from course_kit.method import scenes as _scenes

__all__ = ["fragment_order", "marking_self_check", "worked_example"]


def _figure(scene_id: str, marks=None, reference: bool = False, current=None):
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 2.9))
    _scenes.plot_scene(scene_id, ax=ax, marks=marks, reference=reference, current=current)
    fig.tight_layout()
    # tight_layout leaves a placeholder layout engine, which makes savefig lay the
    # figure out a second time; the layout is done, so drop it (same pixels).
    fig.set_layout_engine("none")
    plt.close(fig)  # shown only inside a widget output
    return fig


KEEP_PICTURES = 64  # marked pictures kept by marking_self_check besides the unmarked ones


def marking_self_check(scene_ids=None, start: str | None = None):
    """The marking exercise: a scene chooser, strip, transcript with marks, theme and check.

    Parameters
    ----------
    scene_ids : list of str, optional
        The scenes to offer (default: all).
    start : str, optional
        The scene shown first (default: the first one).

    Returns
    -------
    ipywidgets.VBox
        With attributes for instructors and tests: ``scene_choice`` (Dropdown),
        ``strip`` (Output with the timeline strip), ``kinds`` (dict event ->
        Dropdown, of the scene shown; each scene keeps its own, with the marks and
        theme chosen in it), ``theme`` (Dropdown), ``check_button``,
        ``feedback`` (HTML), ``result`` (the last MarkingResult or None) and
        ``pictures`` (the strips kept for a quick redraw, by scene, marks and
        whether the reference is shown).

    Examples
    --------
    >>> box = marking_self_check(start="S03")  # doctest: +SKIP
    >>> box.kinds[7].value = "praise"  # doctest: +SKIP
    >>> box.check_button.click()  # doctest: +SKIP
    """
    import ipywidgets as widgets

    from course_kit import teaching
    from course_kit.method.programme import THEME_KEYS

    table, _ = _scenes.load_scenes()
    ids = list(table["scene"]) if scene_ids is None else list(scene_ids)
    for sid in ids:
        _scenes.scene(sid)  # a clear error for an unknown scene, before any widget
    scene_choice = widgets.Dropdown(
        options=[(f"{sid}: {_scenes.scene(sid).title}", sid) for sid in ids],
        value=start or ids[0],
        description=text("scenes.choose_scene"),
        layout=widgets.Layout(width="44em"),
    )
    intro = widgets.HTML()
    strip = widgets.Output()
    rows_box = widgets.VBox()
    theme = widgets.Dropdown(
        options=[(text("scenes.choose_theme"), "")]
        + [(text(f"scenes.theme.{k}"), k) for k in THEME_KEYS],
        value="",  # a None value would show an empty box instead of the prompt
        description=text("scenes.theme_label"),
        layout=widgets.Layout(width="36em"),
    )
    theme.add_class("ck-scene-theme")
    check_button = widgets.Button(
        description=text("scenes.check_button"),
        button_style="primary",
        layout=widgets.Layout(width="auto"),
    )
    check_button.add_class("ck-scene-check")
    clear_button = widgets.Button(
        description=text("scenes.reset_button"), layout=widgets.Layout(width="auto")
    )
    feedback = widgets.HTML()
    feedback.add_class("ck-scene-feedback")
    kind_options = [(text("scenes.choose_kind"), "")] + [
        (text(f"scenes.kind.{k}"), k) for k in _scenes.FRAGMENT_KINDS
    ]
    box = widgets.VBox()
    # One layout per column, shared by the rows of every scene (fewer widgets to make).
    label_layout, what_layout = widgets.Layout(width="9em"), widgets.Layout(width="34em")
    kind_layout = widgets.Layout(width="15em")

    def marks() -> dict:
        return {event: d.value for event, d in box.kinds.items() if d.value}

    # A scene change is the notebook's main move: it must cost a look-up, not a new
    # figure (~0.1 s) and ~90 new widgets. So each scene's transcript rows are made
    # once and kept (they also keep the participant's marks and theme when the scene
    # changes and back), and pictures are kept, keyed by what they show: each scene's
    # unmarked strip always, and the latest KEEP_PICTURES others (a PNG of some 20 kB
    # each: marking for a whole course day must not grow the kernel without end).
    sheets = {}  # scene -> {"rows": [HBox], "kinds": {event: Dropdown}, "theme": str}
    pictures = {}  # (scene, marks, reference) -> the strip's outputs, oldest first
    unmarked = set()  # keys of the pictures drawn up front, never dropped

    def redraw(reference: bool = False) -> None:
        key = (scene_choice.value, tuple(sorted(marks().items())), reference)
        if key in pictures:
            strip.outputs = pictures[key] = pictures.pop(key)  # now the latest
            return
        teaching.show_figure(_figure(scene_choice.value, dict(key[1]), reference), strip)
        pictures[key] = strip.outputs
        others = [k for k in pictures if k not in unmarked]
        for old in others[: max(0, len(others) - KEEP_PICTURES)]:
            del pictures[old]

    def on_mark(change=None) -> None:
        feedback.value = ""
        box.result = None
        redraw()

    def sheet(sid: str) -> dict:
        kinds, rows = {}, []
        for r in _scenes.scene(sid).transcript().itertuples(index=False):
            kind = widgets.Dropdown(
                options=kind_options,
                value="",
                # accessible name: the event it marks (see teaching._widgets)
                tooltip=f"{r.event} {r.time}: {r.what}",
                layout=kind_layout,
            )
            kind.add_class("ck-scene-kind")
            kind.observe(on_mark, names="value")
            kinds[int(r.event)] = kind
            label = widgets.HTML(
                f"<b>{r.event}</b>&nbsp; {r.time} &nbsp;<i>{html.escape(text(f'scenes.who.{r.who}'))}</i>",
                layout=label_layout,
            )
            what = widgets.HTML(html.escape(r.what), layout=what_layout)
            rows.append(widgets.HBox([label, what, kind]))
        return {"rows": rows, "kinds": kinds, "theme": ""}

    def keep_theme(change) -> None:
        sheets[scene_choice.value]["theme"] = change["new"]

    def build(change=None) -> None:
        sid = scene_choice.value
        sc = _scenes.scene(sid)
        box.kinds = sheets[sid]["kinds"]
        redraw()  # the picture first: it is what the participant waits for
        intro.value = text(
            "scenes.scene_intro",
            title=html.escape(sc.title),
            label=text("scenes.label"),
            age=_scenes.age_words(sc.age_months),
            situation=html.escape(_scenes.situation_words(sc.situation)),
            summary=html.escape(sc.summary),
        )
        rows_box.children = sheets[sid]["rows"]
        theme.value = sheets[sid]["theme"]
        feedback.value = ""
        box.result = None

    def check(_=None) -> None:
        result = _scenes.check_marking(scene_choice.value, marks(), theme=theme.value or None)
        box.result = result
        feedback.value = result._repr_html_()
        redraw(reference=True)

    def clear(_=None) -> None:
        for d in box.kinds.values():
            d.unobserve(on_mark, names="value")
            d.value = ""
            d.observe(on_mark, names="value")
        on_mark()

    for sid in ids:  # up front, so that a scene change costs no drawing
        sheets[sid] = sheet(sid)
        scene_choice.value = sid  # scene_choice is not observed yet
        box.kinds = sheets[sid]["kinds"]
        unmarked.add((sid, (), False))
        redraw()
    scene_choice.value = start or ids[0]
    scene_choice.observe(build, names="value")
    theme.observe(keep_theme, names="value")
    check_button.on_click(check)
    clear_button.on_click(clear)
    box.children = [
        scene_choice,
        intro,
        strip,
        widgets.HTML(f"<i>{text('scenes.how_to')}</i>"),
        rows_box,
        theme,
        widgets.HBox([check_button, clear_button]),
        feedback,
    ]
    box.scene_choice, box.strip, box.theme = scene_choice, strip, theme
    box.pictures = pictures
    box.check_button, box.feedback, box.result = check_button, feedback, None
    build()
    return box


def worked_example(scene_id: str = "S02"):
    """Step through a scene event by event, with the reference coding shown.

    Returns
    -------
    ipywidgets.VBox
        With ``step`` (IntSlider), ``strip`` (Output) and ``coding`` (HTML).
    """
    import ipywidgets as widgets

    from course_kit import teaching

    sc = _scenes.scene(scene_id)
    ev = sc.events
    step = widgets.IntSlider(
        value=1, min=1, max=len(ev), description=text("scenes.step_slider"), continuous_update=False
    )
    strip = widgets.Output()
    coding = widgets.HTML()
    none = text("scenes.none")

    def show(change=None) -> None:
        r = ev.iloc[step.value - 1]
        fragment = r["fragment"] if isinstance(r["fragment"], str) and r["fragment"] else ""
        marks = {int(r["event"]): fragment} if fragment else None
        teaching.show_figure(_figure(scene_id, marks=marks, current=int(r["event"])), strip)
        coding.value = text(
            "scenes.step_text",
            time=_scenes.clock(r["time_s"]),
            who=html.escape(text(f"scenes.who.{r['who']}")),
            what=html.escape(r["what"]),
            signal=html.escape(r["child_signal"])
            if isinstance(r["child_signal"], str) and r["child_signal"]
            else none,
            response=html.escape(_scenes.response_words(r["parent_response"]))
            if isinstance(r["parent_response"], str) and r["parent_response"]
            else none,
            theme=text(f"scenes.theme.{r['theme']}")
            if isinstance(r["theme"], str) and r["theme"]
            else none,
            fragment=text(f"scenes.kind.{fragment}") if fragment else none,
            note=html.escape(r["note"]) if isinstance(r["note"], str) else "",
        )

    step.observe(show, names="value")
    show()
    box = widgets.VBox(
        [
            widgets.HTML(
                f"<b>{html.escape(sc.title)}</b> ({text('scenes.label')}). {html.escape(sc.summary)}"
            ),
            step,
            coding,
            strip,
        ]
    )
    box.step, box.strip, box.coding = step, strip, coding
    return box


def fragment_order(scene_id: str = "S04"):
    """Show a scene's reference fragments in the course authors' order of showing.

    Returns
    -------
    ipywidgets.VBox
        With ``strip`` (Output), ``listing`` (HTML) and ``show(scene_id)`` to
        switch to another scene.
    """
    import ipywidgets as widgets

    from course_kit import teaching

    strip = widgets.Output()
    listing = widgets.HTML()
    box = widgets.VBox([strip, listing])

    def show(sid: str) -> None:
        sc = _scenes.scene(sid)
        teaching.show_figure(_figure(sid, reference=True), strip)
        items = "".join(
            f"<li><b>{_scenes.clock(r.time_s)} - {html.escape(text(f'scenes.kind.{r.fragment}'))}</b>: "
            f"{html.escape(r.what)}<br><i>{html.escape(r.note)}</i></li>"
            for r in _scenes.feedback_order(sid).itertuples(index=False)
        )
        listing.value = (
            f"<p>{html.escape(sc.summary)}</p><ol>{items}</ol>"
            f"<p><i>{html.escape(text('scenes.order_judgement'))}</i></p>"
        )

    box.strip, box.listing, box.show = strip, listing, show
    show(scene_id)
    return box
