"""Widgets of notebook 02 (social learning and sensitive discipline).

The teaching model itself is :mod:`course_kit.method.social_learning`; this module
only builds what people move and click, so that each notebook cell is one line.

* :func:`cycle_explorer` - sliders for how often the parent rewards calm and
  gives in, and whether the parent learns from the relief; the picture of the
  coercive cycle and its summary follow (a TEACHING MODEL, not data).
* :func:`situation_explorer` - step through the first situations of one
  SIMULATED family, to see how slowly a coercive pattern builds up.
* :func:`scene_chooser` - the Maja scene: choose what the parent does and read
  the course authors' comment with the theory behind it.

Every word comes from the message tables (``social.*`` in
``course_kit/texts/method_social.py``), in the reader's language.
"""

from __future__ import annotations

from course_kit.messages import text
from course_kit.method import social_learning as _sl

__all__ = ["RESPONSES", "cycle_explorer", "scene_chooser", "situation_explorer"]

#: The parent's possible responses in the Maja scene, in the order shown; each has a
#: label ``social.response_<name>`` and a comment ``social.scene_<name>``.
RESPONSES = ("harsh", "ignore", "induction", "give_in", "distraction")


def _chance_slider(value: float, key: str):
    import ipywidgets as widgets

    return widgets.FloatSlider(
        value=value,
        min=0,
        max=1,
        step=0.05,
        description=text(key),
        continuous_update=False,
        readout_format=".2f",
        style={"description_width": "8em"},
    )


def cycle_explorer(praise_calm: float = 0.6, give_in: float = 0.3, seed: int = 3):
    """The coercive-cycle teaching model under two sliders and a tick box.

    Parameters
    ----------
    praise_calm, give_in : float
        Where the sliders start (chances, 0-1).
    seed : int
        The simulated family drawn under the average course.

    Returns
    -------
    ipywidgets.VBox
        With attributes for the notebook and tests: ``praise``, ``give_in``
        (FloatSlider), ``learns`` (Checkbox), ``picture`` (Output), ``summary``
        (HTML), ``result`` (the last :class:`~course_kit.method.social_learning.CoerciveCycleResult`)
        and ``pictures`` (its kept figures; ``pictures.figure`` is the one shown).

    Examples
    --------
    >>> box = cycle_explorer()  # doctest: +SKIP
    >>> box.learns.value = True  # doctest: +SKIP
    """
    import ipywidgets as widgets

    praise = _chance_slider(praise_calm, "social.slider_praise")
    gives = _chance_slider(give_in, "social.slider_give_in")
    learns = widgets.Checkbox(
        value=False,
        description=text("social.toggle_parent"),
        indent=False,
        layout=widgets.Layout(width="auto"),  # the whole sentence, not "... (lättnad när ett u..."
    )
    picture, summary = widgets.Output(), widgets.HTML()
    box = widgets.VBox([praise, gives, learns, picture, summary])
    pictures = _CyclePictures(picture)

    def redraw(change=None):
        result = _sl.coercive_cycle(
            praise.value, gives.value, parent_learns=learns.value, seed=seed
        )
        pictures.show(result)
        summary.value = result._repr_html_()
        box.result = result

    for control in (praise, gives, learns):
        control.observe(redraw, names="value")
    box.praise, box.give_in, box.learns, box.picture, box.summary = (
        praise,
        gives,
        learns,
        picture,
        summary,
    )
    box.pictures = pictures
    redraw()
    return box


class _CyclePictures:
    """The picture of :func:`cycle_explorer`, redrawn fast when a control moves.

    A new figure per move took about 150 ms of CPU (layout, drawing every label,
    PNG). Axes, labels, title and legend do not change with the sliders, so each
    figure (one with and one without the parent's line, since the legend differs)
    is made once by :func:`~course_kit.method.social_learning.plot_coercive_cycle`,
    laid out and rendered once and kept by a
    :class:`~course_kit.teaching._widgets.LiveFigure`; a move draws only the lines
    and the family's strip over it. Their new data come from
    :func:`~course_kit.method.social_learning.cycle_lines` (the data that
    ``plot_coercive_cycle`` draws, in the order it draws them), set in place: the
    picture stays what that function draws, and nothing is drawn twice.
    """

    def __init__(self, output):
        self.output = output
        self.live = {}  # parent_learns -> (LiveFigure, its lines, its strips)
        self.figure = None  # the matplotlib figure shown last

    def show(self, result) -> None:
        """Show ``result`` (a :class:`~course_kit.method.social_learning.CoerciveCycleResult`)."""
        learns = result.settings["parent_learns"]
        if learns not in self.live:
            self.live[learns] = self._figure(result)
        else:
            _, lines, strips = self.live[learns]
            new_lines, new_strips = _sl.cycle_lines(result)
            for line, (x, y) in zip(lines, new_lines, strict=True):
                line.set_data(x, y)
            for strip, segments in zip(strips, new_strips, strict=True):
                strip.set_segments(segments)
        live = self.live[learns][0]
        live.show()
        self.figure = live.fig

    def _figure(self, result):
        import matplotlib.pyplot as plt

        from course_kit.teaching._widgets import LiveFigure

        fig, ax = plt.subplots(figsize=(7.5, 4.0))
        _sl.plot_coercive_cycle(result, ax=ax)
        lines, strips = list(ax.lines), list(ax.collections)  # cycle_lines' order
        fig.tight_layout()
        plt.close(fig)  # shown only inside the output area
        fig.set_dpi(85)  # show_figure's resolution, after the layout: the same picture
        return LiveFigure(fig, self.output, dynamic=[*lines, *strips]), lines, strips


def situation_explorer(praise_calm: float = 0.2, give_in: float = 0.6, seed: int = 11):
    """Step through one SIMULATED family whose parent learns from the relief.

    Returns
    -------
    ipywidgets.VBox
        With ``step`` (IntSlider: how many situations are shown), ``picture``
        (Output) and ``run`` (the model run, computed once).
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit.teaching._widgets import show_figure

    run = _sl.coercive_cycle(praise_calm, give_in, parent_learns=True, seed=seed)
    step = widgets.IntSlider(
        value=40, min=0, max=200, step=10, description=text("social.slider_situation")
    )
    picture = widgets.Output()

    def show_step(change=None):
        upto = step.value
        fam = run.family.iloc[:upto]
        fig, ax = plt.subplots(figsize=(7.5, 3.8))
        _sl.plot_coercive_cycle(run, ax=ax, upto=upto)
        ax.set_title(
            text(
                "social.step_title",
                upto=upto,
                esc=int(fam["escalated"].sum()),
                paid=int((fam["escalated"] & fam["rewarded"]).sum()),
            ),
            fontsize=10,
        )
        fig.tight_layout()
        plt.close(fig)
        show_figure(fig, picture)

    step.observe(show_step, names="value")
    show_step()
    box = widgets.VBox([step, picture])
    box.step, box.picture, box.run = step, picture, run
    return box


def scene_chooser():
    """The Maja scene: choose the parent's response, read the comment on it.

    Returns
    -------
    ipywidgets.VBox
        With ``choice`` (ToggleButtons; values are the names in :data:`RESPONSES`)
        and ``comment`` (HTML).
    """
    import ipywidgets as widgets

    choice = widgets.ToggleButtons(
        options=[(text(f"social.response_{name}"), name) for name in RESPONSES],
        value=None,
        style={"button_width": "auto"},
        layout=widgets.Layout(width="auto"),
    )
    comment = widgets.HTML()

    def show_comment(change=None):
        if choice.value is None:
            comment.value = "<i>" + text("social.choose_response") + "</i>"
            return
        comment.value = (
            "<div style='border-left:4px solid #56B4E9;padding:6px 10px;background:#eef7fc'>"
            + text(f"social.scene_{choice.value}")
            + "</div>"
        )

    choice.observe(show_comment, names="value")
    show_comment()
    box = widgets.VBox([choice, comment])
    box.choice, box.comment = choice, comment
    return box
