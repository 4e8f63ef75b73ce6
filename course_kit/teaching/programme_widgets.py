"""Widgets of notebook 03 (the VIPP-SD programme): thin layers over the programme tables.

The content (visits, themes, sources, the plain-words texts) lives in
:mod:`course_kit.method.programme` and its message table; this module only lays
it out for the notebook, so that its code cells are one line each:

=========================  ======================================================
:func:`visit_timeline`     the Visit slider over the timeline (main widget)
:func:`age_themes`         the age slider: timeline and the themes for that age
:func:`first_fragment`     "which fragment first?": choose one, read why
:func:`family_finder`      age and situation: what the public sources say
=========================  ======================================================

Examples
--------
>>> from course_kit.teaching import programme_widgets as pw
>>> box = pw.visit_timeline()
>>> box.visit.value = 4
>>> "Session 3 (visit 4)" in box.what_happens.value
True
"""

from __future__ import annotations

from course_kit.messages import text
from course_kit.method import programme

__all__ = ["age_themes", "family_finder", "first_fragment", "visit_timeline"]

# the comment boxes of this notebook (the course's sky blue)
_BOX = "<div style='border-left:4px solid #56B4E9;padding:6px 10px;background:#eef7fc'>"


def _figure(age_months: int, highlight: int | None = None, layout=None):
    """The timeline as a closed Figure; ``layout`` (a SubplotParams) skips ``tight_layout``."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(10, 4.8))
    programme.plot_programme(age_months=age_months, ax=ax, highlight=highlight)
    if layout is None:
        fig.tight_layout()
    else:
        fig.subplots_adjust(
            left=layout.left, right=layout.right, bottom=layout.bottom, top=layout.top
        )
    plt.close(fig)  # shown only inside the output area
    return fig


def _draw(output, age_months: int, highlight: int | None = None) -> None:
    from course_kit import teaching

    teaching.show_figure(_figure(age_months, highlight), output)


def visit_timeline():
    """The Visit slider: the timeline marks the visit, and a text says what happens there.

    Returns
    -------
    ipywidgets.VBox
        With ``visit`` (IntSlider, 1-7), ``what_happens`` (HTML) and
        ``picture`` (Output with the timeline).
    """
    import ipywidgets as widgets

    from course_kit.teaching._widgets import show_figure

    visit = widgets.IntSlider(
        value=1, min=1, max=7, description=text("programme.visit_slider"), continuous_update=False
    )
    picture = widgets.Output()
    what_happens = widgets.HTML()
    table = programme.visits().set_index("visit")
    # The notebook's main widget: the seven pictures are drawn here, so that a move
    # only swaps one in (a new figure per move took over 200 ms). They differ only
    # in colours, so they share the first one's layout (tight_layout is a third of
    # the drawing time).
    first = _figure(age_months=24, highlight=1)
    pictures = {v: _figure(24, v, layout=first.subplotpars) for v in range(2, 8)}
    pictures[1] = first
    for v, fig in pictures.items():  # kept as show_figure shows them
        show_figure(fig, picture)
        pictures[v] = picture.outputs

    def show(change=None) -> None:
        v = visit.value
        picture.outputs = pictures[v]
        if v == 1:
            what_happens.value = text("programme.visit_1")
            return
        row = table.loc[v]
        what_happens.value = text(
            "programme.visit_n",
            session=v - 1,
            visit=v,
            previous=row["feedback_on"],
            films=text("programme.films_yes" if row["films"] else "programme.films_no"),
            phase=text(f"programme.phase_{row['phase']}"),
        )

    visit.observe(show, names="value")
    show()
    box = widgets.VBox([visit, what_happens, picture])
    box.visit, box.what_happens, box.picture = visit, what_happens, picture
    return box


def age_themes(age_months: int = 30):
    """The age slider: the timeline for a child of that age, and the themes that apply.

    Returns
    -------
    ipywidgets.VBox
        With ``age`` (IntSlider, 6-72 months), ``picture`` (Output) and
        ``themes`` (HTML table of strand, theme and source).
    """
    import ipywidgets as widgets

    age = widgets.IntSlider(
        value=age_months,
        min=6,
        max=72,
        step=1,
        description=text("programme.age_slider"),
        continuous_update=False,
        style={"description_width": "initial"},  # "Alder (måneder)" whole
    )
    picture = widgets.Output()
    themes = widgets.HTML()

    def show(change=None) -> None:
        _draw(picture, age_months=age.value)
        rows = programme.themes(age_months=age.value)
        themes.value = programme.display(rows[["strand", "theme", "source"]]).to_html(index=False)

    age.observe(show, names="value")
    show()
    box = widgets.VBox([age, picture, themes])
    box.age, box.picture, box.themes = age, picture, themes
    return box


def first_fragment():
    """Which fragment of a film written for the course would you show first?

    Returns
    -------
    ipywidgets.VBox
        With ``choice`` (RadioButtons, nothing chosen at first) and ``comment``
        (HTML: why that fragment is, or is not, a good opening).
    """
    import ipywidgets as widgets

    fragments = {text(f"programme.opening.{k}"): k for k in ("missed", "positive", "conflict")}
    choice = widgets.RadioButtons(
        options=list(fragments), value=None, layout=widgets.Layout(width="auto")
    )
    comment = widgets.HTML()

    def show(change=None) -> None:
        if choice.value is None:
            comment.value = "<i>" + text("programme.choose_fragment") + "</i>"
            return
        key = fragments[choice.value]
        comment.value = _BOX + text(f"programme.opening_text.{key}") + "</div>"

    choice.observe(show, names="value")
    show()
    box = widgets.VBox(
        [widgets.HTML("<b>" + text("programme.opening.question") + "</b>"), choice, comment]
    )
    box.choice, box.comment = choice, comment
    return box


_AGES = ("infant", "toddler", "preschool", "school")
_SITUATIONS = ("behaviour", "low_risk", "depression", "foster", "autism", "crisis")


def family_finder():
    """The family finder: a child's age and the family's situation, and what the sources say.

    Returns
    -------
    ipywidgets.VBox
        With ``age`` and ``situation`` (Dropdowns) and ``answer`` (HTML).
    """
    import ipywidgets as widgets

    ages = {text(f"programme.age.{k}"): k for k in _AGES}
    situations = {text(f"programme.situation.{k}"): k for k in _SITUATIONS}
    age = widgets.Dropdown(
        options=list(ages),
        value=text("programme.age.toddler"),
        description=text("programme.finder_age"),
        style={"description_width": "8em"},  # "Barnets ålder" whole, not "Barnets ål..."
    )
    situation = widgets.Dropdown(
        options=list(situations),
        description=text("programme.finder_situation"),
        style={"description_width": "8em"},
        layout=widgets.Layout(width="40em"),
    )
    answer = widgets.HTML()

    def show(change=None) -> None:
        answer.value = (
            _BOX
            + "<p>"
            + text(f"programme.age_text.{ages[age.value]}")
            + "</p><p>"
            + text(f"programme.situation_text.{situations[situation.value]}")
            + "</p></div>"
        )

    age.observe(show, names="value")
    situation.observe(show, names="value")
    show()
    box = widgets.VBox([age, situation, answer])
    box.age, box.situation, box.answer = age, situation, answer
    return box
