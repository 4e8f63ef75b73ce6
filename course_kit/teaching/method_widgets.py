"""Widgets of the method notebooks (09, 10, 12): thin ipywidgets layers over the method.

The content and its checks (case files, phrasings, the practice log, sources) live
in :mod:`course_kit.method`; this module only lays them out for the notebooks:

==========================  =====================================================
:func:`age_explorer`        09: slider over the child's age (main widget)
:func:`case_desk`           09: read a case file, decide, pick targets, check
:func:`sorting_exercise`    09: universal / targeted / indicated
:func:`parent_adapter`      10: adapting feedback to a parent (main widget)
:func:`phrasing_chooser`    10: choose a phrasing; every option explained
:func:`free_text_phrasing`  10: own phrasing + self-assessment checklist (no grade)
:func:`brief_preview`       12: the supervision brief of a session (main widget)
:func:`log_form`            12: write, import (ELAN), export, chart
==========================  =====================================================

CSS classes for the browser tests: ``ck-main-widget`` / ``ck-main-output`` on each
notebook's main widget, ``ck-exercise-input`` / ``ck-exercise-check`` /
``ck-exercise-feedback`` on every self-check.

Examples
--------
>>> from course_kit.teaching import method_widgets as mw
>>> box = mw.age_explorer(9)
>>> box.slider.value = 30
>>> "1 to 6 years" in box.output.value
True
"""

from __future__ import annotations

import html

from course_kit.messages import text
from course_kit.teaching._widgets import image_widget, set_image
from course_kit.teaching.exercises import check_controls, instructor_mode, solution_html


def _solution(exercise) -> str:
    """The solution panel, shown only in instructor mode (as for every exercise of the kit)."""
    if not instructor_mode() or not exercise.solution:
        return ""
    return solution_html(exercise.solution)


def _main_widget(control, render, start, name: str):
    """A notebook's main widget: ``control`` above an HTML output that ``render`` redraws.

    ``render(value)`` is the output for the control's value; ``start`` is the first
    one. The control is kept on the box as ``name`` (``box.slider``, ``box.picker``)
    and the output as ``box.output``, for the tests.
    """
    import ipywidgets as widgets

    control.add_class("ck-main-widget")
    out = widgets.HTML(render(start))
    out.add_class("ck-main-output")
    control.observe(lambda change: setattr(out, "value", render(change["new"])), "value")
    box = widgets.VBox([control, out])
    setattr(box, name, control)
    box.output = out
    return box


def _ticks(keys, prefix: str) -> list:
    """One tick box a key, labelled by the message ``<prefix>.<key>``; ``box.key`` is the key."""
    import ipywidgets as widgets

    ticks = []
    for key in keys:
        box = widgets.Checkbox(
            value=False,
            description=text(f"{prefix}.{key}"),
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        box.key = key
        ticks.append(box)
    return ticks


# --- notebook 09 ------------------------------------------------------------------------


def _age_html(age: int) -> str:
    from course_kit.method.cases import age_window
    from course_kit.method.sources import cite_all

    info = age_window(age)
    zone = info["zone"]
    # the bar: 0-96 months, the programme's bands drawn to scale
    bands = [
        (0, 6, "#dddddd", text("method.age.band_young")),
        (6, 12, "#56B4E9", text("method.age.band_infant")),
        (12, 72, "#009E73", text("method.age.band_full")),
        (72, 96, "#dddddd", text("method.age.band_older")),
    ]
    cells = "".join(
        f'<div title="{html.escape(label)}" style="position:absolute;left:{lo / 96 * 100:.2f}%;'
        f"width:{(hi - lo) / 96 * 100:.2f}%;top:0;bottom:0;background:{colour};"
        f'border-right:1px solid #fff"></div>'
        for lo, hi, colour, label in bands
    )
    marker = min(age, 96) / 96 * 100
    bar = (
        '<div style="position:relative;height:22px;width:100%;max-width:40em;margin:6px 0">'
        f"{cells}"
        f'<div style="position:absolute;left:calc({marker:.2f}% - 2px);top:-4px;bottom:-4px;'
        'width:4px;background:#D55E00"></div></div>'
        '<div style="display:flex;justify-content:space-between;max-width:40em;font-size:90%;'
        'color:#555">'
        + "".join(f"<span>{html.escape(text('method.age.tick', years=y))}</span>" for y in range(9))
        + "</div>"
    )
    years, months = divmod(age, 12)
    return (
        f"<b>{html.escape(text('method.age.child', years=years, months=months))}</b>"
        f"{bar}<p>{html.escape(text(f'method.age.{zone}'))}</p>"
        f'<p style="font-size:90%;color:#555">{html.escape(text("method.sources_label"))} '
        f"{html.escape(cite_all(info['sources']))}</p>"
    )


def age_explorer(age_months: int = 9):
    """Slider over the child's age; shows which part of VIPP-SD fits (and why)."""
    import ipywidgets as widgets

    slider = widgets.IntSlider(
        value=age_months,
        min=0,
        max=96,
        step=1,
        description=text("method.age.slider"),
        continuous_update=False,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="32em"),
    )
    return _main_widget(slider, _age_html, age_months, "slider")


def case_desk(start: str = "C1"):
    """Pick a case file, decide, tick up to three targets, check."""
    import ipywidgets as widgets

    from course_kit.method.cases import DECISIONS, TARGETS, CaseExercise, case, load_cases

    ids = list(load_cases()["id"])
    if start not in ids:  # a plain message, not the dropdown's own error
        raise ValueError(text("method.error.case_id", ids=ids, value=repr(start)))
    titles = {cid: case(cid).title for cid in ids}
    picker = widgets.Dropdown(
        options=[(f"{cid}. {titles[cid]}", cid) for cid in ids],
        value=start,
        description=text("method.case_picker"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    shown = widgets.HTML()
    decision = widgets.Dropdown(
        options=[(text("method.choose_placeholder"), None)]
        + [(text(f"method.decision.{d}"), d) for d in DECISIONS],
        value=None,
        description=text("method.decision_prompt"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    ticks = _ticks(TARGETS, "method.target")
    state = {"exercise": CaseExercise(case(start))}

    def read():
        return decision.value, [t.key for t in ticks if t.value]

    # the button checks the exercise of the case on screen
    button, feedback = check_controls(lambda: state["exercise"], read, [decision, *ticks])

    solution = widgets.HTML()

    def show(cid):
        state["exercise"] = CaseExercise(case(cid))
        solution.value = _solution(state["exercise"])
        shown.value = case(cid)._repr_html_()
        decision.value = None
        for t in ticks:
            t.value = False
        feedback.value = ""

    picker.observe(lambda change: show(change["new"]), "value")
    show(start)
    targets_label = widgets.HTML(f"<b>{html.escape(text('method.targets_prompt'))}</b>")
    box = widgets.VBox(
        [
            picker,
            shown,
            decision,
            targets_label,
            widgets.VBox(ticks),
            widgets.HBox([button]),
            feedback,
            solution,
        ]
    )
    box.add_class("ck-case-desk")
    box.picker, box.decision, box.ticks, box.check_button, box.feedback = (
        picker,
        decision,
        ticks,
        button,
        feedback,
    )
    return box


def sorting_exercise():
    """One dropdown per situation (universal / targeted / indicated) and a Check button."""
    import ipywidgets as widgets

    from course_kit.method.cases import LEVELS, SORTING, SortingExercise

    exercise = SortingExercise()
    rows, pickers = [], {}
    for key in SORTING:
        pick = widgets.Dropdown(
            options=[(text("method.choose_placeholder"), None)]
            + [(text(f"method.level.{level}"), level) for level in LEVELS],
            value=None,
            tooltip=text(f"method.sort.item.{key}"),  # accessible name (see teaching._widgets)
            layout=widgets.Layout(width="14em"),
        )
        pickers[key] = pick
        label = widgets.HTML(html.escape(text(f"method.sort.item.{key}")))
        rows.append(widgets.HBox([pick, label]))

    button, feedback = check_controls(
        exercise, lambda: {k: p.value for k, p in pickers.items()}, pickers.values()
    )
    question = widgets.HTML(f"<b>{html.escape(exercise.question)}</b>")
    solution = widgets.HTML(_solution(exercise))
    box = widgets.VBox([question, *rows, widgets.HBox([button]), feedback, solution])
    box.pickers, box.check_button, box.feedback = pickers, button, feedback
    return box


# --- notebook 10 ------------------------------------------------------------------------


def _advice_html(parent: str) -> str:
    from course_kit.method.feedback_phrasing import parent_advice

    items = "".join(
        f"<li>{html.escape(advice)}<br><span style='font-size:90%;color:#555'>"
        f"{html.escape(text('method.sources_label'))} {html.escape(source)}</span></li>"
        for advice, source in parent_advice(parent)
    )
    title = text("method.parent.title", parent=text(f"method.parent.label.{parent}"))
    return f"<b>{html.escape(title)}</b><ul>{items}</ul>"


def parent_adapter(parent: str = "depressed"):
    """Dropdown of parents; shows how to adapt the feedback, each point with its source."""
    import ipywidgets as widgets

    from course_kit.method.feedback_phrasing import PARENTS

    picker = widgets.Dropdown(
        options=[(text(f"method.parent.label.{p}"), p) for p in PARENTS],
        value=parent,
        description=text("method.parent.picker"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    return _main_widget(picker, _advice_html, parent, "picker")


def phrasing_chooser(fragment: str = "tower"):
    """Pick a film fragment, choose one of four phrasings, see every option explained."""
    import ipywidgets as widgets

    from course_kit.method.feedback_phrasing import FRAGMENTS, PhrasingExercise

    picker = widgets.Dropdown(
        options=[
            (f"{i}. {text(f'method.phrase.{k}.scene')[:60]}...", k)
            for i, k in enumerate(FRAGMENTS, start=1)
        ],
        value=fragment,
        description=text("method.phrase.picker"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="auto"),
    )
    scene = widgets.HTML()
    # may shrink below its longest phrasing, so that the Check button beside it stays
    # whole and inside the cell (as the dropdowns of teaching.exercises)
    choice = widgets.Dropdown(layout=widgets.Layout(width="auto", min_width="0"))
    state = {}
    # the button checks the exercise of the fragment on screen
    button, feedback = check_controls(lambda: state["exercise"], lambda: choice.value, [choice])

    solution = widgets.HTML()

    def show(key):
        ex = PhrasingExercise(key)
        state["exercise"] = ex
        solution.value = _solution(ex)
        scene.value = f"<b>{html.escape(ex.question)}</b>"
        choice.tooltip = ex.question  # the dropdown's accessible name
        choice.options = [(text("method.choose_placeholder"), None)] + [
            (f"{letter}) {option}", option)
            for letter, option in zip("abcd", ex.options, strict=True)
        ]
        choice.value = None
        feedback.value = ""

    picker.observe(lambda change: show(change["new"]), "value")
    show(fragment)
    inner = widgets.VBox([scene, widgets.HBox([choice, button]), feedback, solution])
    box = widgets.VBox([picker, inner])
    box.picker, box.choice, box.check_button, box.feedback = picker, choice, button, feedback
    return box


def free_text_phrasing():
    """A text box for one's own phrasing and a self-assessment checklist (never graded)."""
    import ipywidgets as widgets

    from course_kit.method.feedback_phrasing import CHECKLIST, checklist_summary

    area = widgets.Textarea(
        placeholder=text("method.free.placeholder"),
        layout=widgets.Layout(width="40em", height="7em"),
    )
    note = widgets.HTML(f"<i>{html.escape(text('method.free.note'))}</i>")
    ticks = _ticks(CHECKLIST, "method.check")
    summary = widgets.HTML()

    def update(_=None):
        ticked = [t.key for t in ticks if t.value]
        summary.value = f"<p>{html.escape(checklist_summary(ticked))}</p>"

    for t in ticks:
        t.observe(update, "value")
    update()
    heading = widgets.HTML(f"<b>{html.escape(text('method.free.checklist'))}</b>")
    box = widgets.VBox([area, note, heading, *ticks, summary])
    box.area, box.ticks, box.summary = area, ticks, summary
    return box


# --- notebook 12 ------------------------------------------------------------------------


def _brief_html(log, session) -> str:
    return (
        '<pre style="white-space:pre-wrap;font-family:inherit;max-width:48em;'
        'background:#fafafa;border:1px solid #ddd;padding:8px">'
        f"{html.escape(log.supervision_brief(session))}</pre>"
    )


def brief_preview(log, session=None):
    """Dropdown of the logged sessions; shows the supervision brief of the one chosen."""
    import ipywidgets as widgets

    sessions = [e.session for e in log.sessions()]
    picker = widgets.Dropdown(
        options=[(text("practice.brief.session", n=s), s) for s in sessions],
        value=sessions[0] if session is None else session,
        description=text("practice.form.preview"),
        style={"description_width": "initial"},
    )
    return _main_widget(picker, lambda s: _brief_html(log, s), picker.value, "picker")


def _chart(log) -> tuple[bytes, str]:
    """The log's sensitivity chart as PNG bytes, and what it shows in words (alt text)."""
    from matplotlib.figure import Figure

    from course_kit.method.practice import plot_sensitivity
    from course_kit.style import alt_text
    from course_kit.teaching import figure_png

    fig = Figure(figsize=(6, 3.2), layout="constrained")
    plot_sensitivity(log, fig.subplots())
    return figure_png(fig), alt_text(fig)


def _message(kind: str, message: str) -> str:
    colour = {"ok": "#009E73", "problem": "#D55E00"}[kind]
    return (
        f'<div style="border-left:4px solid {colour};padding:4px 8px;margin:4px 0">'
        f"{html.escape(message)}</div>"
    )


def log_form(log):
    """Write one session into the log; import fragments from ELAN; export; see the chart."""
    import ipywidgets as widgets

    from course_kit.method.practice import (
        FIDELITY,
        SESSIONS,
        THEMES,
        PracticeLogError,
        fragments_from_eaf,
    )

    wide = widgets.Layout(width="44em")
    reminder = widgets.HTML(
        '<div style="border:2px solid #E69F00;background:#fdf3e0;padding:6px 10px;'
        f'max-width:44em"><b>{html.escape(text("practice.reminder"))}</b></div>'
    )
    session = widgets.Dropdown(
        options=[(str(s), s) for s in SESSIONS], value=1, description=text("practice.form.session")
    )
    theme = widgets.Dropdown(
        options=[(text(f"practice.theme.{t}"), t) for t in THEMES],
        value="exploration_attachment",
        description=text("practice.form.theme"),
        layout=widgets.Layout(width="32em"),
    )
    fragments = widgets.Textarea(placeholder=text("practice.form.fragments"), layout=wide)
    eaf_path = widgets.Text(
        placeholder=text("practice.form.eaf_placeholder"), description=text("practice.form.eaf")
    )
    eaf_button = widgets.Button(
        description=text("practice.form.eaf_button"), layout=widgets.Layout(width="auto")
    )
    reactions = widgets.Textarea(placeholder=text("practice.form.reactions"), layout=wide)
    reflection = widgets.Textarea(placeholder=text("practice.form.reflection"), layout=wide)
    rating = widgets.IntSlider(
        value=5,
        min=1,
        max=9,
        description=text("practice.form.rating"),
        style={"description_width": "initial"},
        layout=widgets.Layout(width="44em"),
    )
    ticks = _ticks(FIDELITY, "practice.fidelity")
    save = widgets.Button(
        description=text("practice.form.save"),
        button_style="primary",
        layout=widgets.Layout(width="auto"),
    )
    export_brief = widgets.Button(
        description=text("practice.form.export_brief"), layout=widgets.Layout(width="auto")
    )
    export_outline = widgets.Button(
        description=text("practice.form.export_outline"), layout=widgets.Layout(width="auto")
    )
    status = widgets.HTML()
    table = widgets.HTML()
    chart = image_widget(b"", "")

    def refresh():
        table.value = log._repr_html_()
        set_image(chart, *_chart(log))

    def attempt(action):
        try:
            status.value = _message("ok", action())
        except PracticeLogError as problem:
            status.value = _message("problem", str(problem))

    def do_import(_=None):
        def action():
            if not eaf_path.value.strip():
                example = text("practice.form.eaf_placeholder")
                raise PracticeLogError(text("practice.form.eaf_none", example=example))
            found = fragments_from_eaf(eaf_path.value.strip())
            lines = [f.label() for f in found]
            fragments.value = "\n".join([fragments.value.rstrip(), *lines]).strip()
            return text("practice.form.imported", n=len(found), path=eaf_path.value.strip())

        attempt(action)

    def do_save(_=None):
        def action():
            entry = log.add(
                session.value,
                theme.value,
                fragments=fragments.value,
                parent_reactions=reactions.value,
                reflection=reflection.value,
                sensitivity=rating.value,
                fidelity={t.key: t.value for t in ticks},
            )
            refresh()
            return text("practice.form.saved", n=entry.session, path=log.path.name)

        attempt(action)

    def do_export(kind):
        def action():
            md, pdf = log.export_brief() if kind == "brief" else log.export_reflection_outline()
            return text("practice.form.exported", md=md, pdf=pdf)

        attempt(action)

    eaf_button.on_click(do_import)
    save.on_click(do_save)
    export_brief.on_click(lambda _: do_export("brief"))
    export_outline.on_click(lambda _: do_export("outline"))
    refresh()
    box = widgets.VBox(
        [
            reminder,
            widgets.HBox([session, theme]),
            widgets.HTML(f"<b>{html.escape(text('practice.form.fragments'))}</b>"),
            fragments,
            widgets.HBox([eaf_path, eaf_button]),
            reactions,
            reflection,
            rating,
            widgets.HTML(f"<b>{html.escape(text('practice.form.fidelity'))}</b>"),
            *ticks,
            widgets.HBox([save, export_brief, export_outline]),
            status,
            table,
            chart,
        ]
    )
    box.fields = {
        "session": session,
        "theme": theme,
        "fragments": fragments,
        "eaf_path": eaf_path,
        "reactions": reactions,
        "reflection": reflection,
        "rating": rating,
        "ticks": ticks,
    }
    box.buttons = {
        "save": save,
        "import": eaf_button,
        "brief": export_brief,
        "outline": export_outline,
    }
    box.status, box.table, box.chart = status, table, chart
    return box
