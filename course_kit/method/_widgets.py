"""Widgets of the method notebooks (09, 10, 12): thin ipywidgets layers over the logic.

The logic (checks, sources, the practice log) lives in ``course_kit.method``; this
module only lays it out. CSS classes for the browser tests: ``ck-main-widget`` /
``ck-main-output`` on the age slider, ``ck-exercise-input`` / ``ck-exercise-check``
/ ``ck-exercise-feedback`` on every self-check.
"""

from __future__ import annotations

import html

from course_kit.messages import text


def _check_row(widgets, exercise, read, inputs):
    """Check button and feedback area wired to ``exercise.check(read())``."""
    button = widgets.Button(
        description=text("exercises.check_button"),
        button_style="primary",
        layout=widgets.Layout(width="auto"),
    )
    button.add_class("ck-exercise-check")
    feedback = widgets.HTML(value="")
    feedback.add_class("ck-exercise-feedback")
    for w in inputs:
        w.add_class("ck-exercise-input")

    def on_click(_=None):
        feedback.value = exercise.check(read())._repr_html_()

    button.on_click(on_click)
    return button, feedback


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
        'color:#555"><span>0</span><span>1 y</span><span>2 y</span><span>3 y</span>'
        "<span>4 y</span><span>5 y</span><span>6 y</span><span>7 y</span><span>8 y</span></div>"
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
    slider.add_class("ck-main-widget")
    out = widgets.HTML(_age_html(age_months))
    out.add_class("ck-main-output")
    slider.observe(lambda change: setattr(out, "value", _age_html(change["new"])), "value")
    box = widgets.VBox([slider, out])
    box.slider, box.output = slider, out
    return box


def case_desk(start: str = "C1"):
    """Pick a case file, decide, tick up to three targets, check."""
    import ipywidgets as widgets

    from course_kit.method.cases import DECISIONS, TARGETS, CaseExercise, case, load_cases

    ids = list(load_cases()["id"])
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
    ticks = [
        widgets.Checkbox(
            value=False,
            description=text(f"method.target.{key}"),
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        for key in TARGETS
    ]
    for box, key in zip(ticks, TARGETS, strict=True):
        box.key = key
    state = {"exercise": CaseExercise(case(start))}

    def read():
        return decision.value, [t.key for t in ticks if t.value]

    class _Proxy:  # the check row calls the exercise of the case on screen
        def check(self, value):
            return state["exercise"].check(value)

    button, feedback = _check_row(widgets, _Proxy(), read, [decision, *ticks])

    def show(cid):
        state["exercise"] = CaseExercise(case(cid))
        shown.value = case(cid)._repr_html_()
        decision.value = None
        for t in ticks:
            t.value = False
        feedback.value = ""

    picker.observe(lambda change: show(change["new"]), "value")
    show(start)
    targets_label = widgets.HTML(f"<b>{html.escape(text('method.targets_prompt'))}</b>")
    box = widgets.VBox(
        [picker, shown, decision, targets_label, widgets.VBox(ticks), button, feedback]
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


def sorting_widget(exercise):
    """One dropdown per situation (universal / targeted / indicated) and a Check button."""
    import ipywidgets as widgets

    from course_kit.method.cases import LEVELS, SORTING

    rows, pickers = [], {}
    for key in SORTING:
        pick = widgets.Dropdown(
            options=[(text("method.choose_placeholder"), None)]
            + [(text(f"method.level.{level}"), level) for level in LEVELS],
            value=None,
            layout=widgets.Layout(width="14em"),
        )
        pickers[key] = pick
        label = widgets.HTML(html.escape(text(f"method.sort.item.{key}")))
        rows.append(widgets.HBox([pick, label]))

    button, feedback = _check_row(
        widgets, exercise, lambda: {k: p.value for k, p in pickers.items()}, list(pickers.values())
    )
    question = widgets.HTML(f"<b>{html.escape(exercise.question)}</b>")
    box = widgets.VBox([question, *rows, button, feedback])
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
    picker.add_class("ck-main-widget")
    out = widgets.HTML(_advice_html(parent))
    out.add_class("ck-main-output")
    picker.observe(lambda change: setattr(out, "value", _advice_html(change["new"])), "value")
    box = widgets.VBox([picker, out])
    box.picker, box.output = picker, out
    return box


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
    choice = widgets.Dropdown(layout=widgets.Layout(width="auto"))
    state = {}

    class _Proxy:
        def check(self, value):
            return state["exercise"].check(value)

    button, feedback = _check_row(widgets, _Proxy(), lambda: choice.value, [choice])

    def show(key):
        ex = PhrasingExercise(key)
        state["exercise"] = ex
        scene.value = f"<b>{html.escape(ex.question)}</b>"
        choice.options = [(text("method.choose_placeholder"), None)] + [
            (f"{letter}) {option}", option)
            for letter, option in zip("abcd", ex.options, strict=True)
        ]
        choice.value = None
        feedback.value = ""

    picker.observe(lambda change: show(change["new"]), "value")
    show(fragment)
    inner = widgets.VBox([scene, widgets.HBox([choice, button]), feedback])
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
    ticks = []
    for key in CHECKLIST:
        box = widgets.Checkbox(
            value=False,
            description=text(f"method.check.{key}"),
            indent=False,
            layout=widgets.Layout(width="auto"),
        )
        box.key = key
        ticks.append(box)
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
