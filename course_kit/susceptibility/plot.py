"""The plot of :class:`course_kit.susceptibility.InteractionResult`.

:func:`~course_kit.susceptibility.plot_layout.interaction_layout` decides what
is shown (lines, bands, regions, crossover, rugs, texts, limits); the small steps
here only draw it. Artists carry a ``gid`` (``"simple-slope"``, ``"slope-band"``,
``"significance-region"``, ``"crossover"``, ``"crossover-note"``, ``"rug"``,
``"raw-points"``) so tests and notebooks can find them.

Why the kit has no seaborn (issue 19): the raw points behind the lines were
its best candidate, but they are arrays the fitted result already holds, drawn in
their line's colour by one matplotlib ``scatter``; ``sns.scatterplot`` would
add a second legend to suppress, and ``regplot``/``lmplot`` would fit lines of
their own, which the kit's plots never do. No other figure participants see is a
distribution or relationship plot, so seaborn would be an unused dependency.
"""

from __future__ import annotations

import numpy as np

from course_kit.susceptibility.plot_layout import InteractionLayout, interaction_layout

__all__ = ["draw_interaction", "plot_interaction"]


def _draw_regions(ax, layout: InteractionLayout) -> list:
    return [
        ax.axvspan(
            r.low,
            r.high,
            color="#999999",
            alpha=0.18,
            lw=0,
            label=r.label,
            gid="significance-region",
        )
        for r in layout.regions
    ]


def _draw_lines_and_data(ax, layout: InteractionLayout) -> list:
    """Bands and lines; each group's data right after its line, a shared set at the end."""
    handles = []
    for i, line in enumerate(layout.lines):
        ax.fill_between(
            line.x, line.low, line.high, color=line.colour, alpha=0.2, lw=0, gid="slope-band"
        )
        (drawn,) = ax.plot(
            line.x, line.fit, line.style, color=line.colour, lw=2.2, label=line.label
        )
        drawn.set_gid("simple-slope")
        handles.append(drawn)
        if layout.observed_by_group:
            _draw_observed(ax, layout.observed[i])
    if not layout.observed_by_group:
        for observed in layout.observed:
            _draw_observed(ax, observed)
    return handles


def _draw_observed(ax, observed) -> None:
    if observed.points_alpha is not None:
        ax.scatter(
            observed.x,
            observed.y,
            s=8,
            color=observed.points_colour,
            alpha=observed.points_alpha,
            lw=0,
            gid="raw-points",
        )
    (rug,) = ax.plot(
        observed.x,
        np.full(len(observed.x), observed.rug_height),
        "|",
        color=observed.rug_colour,
        ms=6,
        alpha=0.6,
        scaley=False,
        transform=ax.get_xaxis_transform(),
    )
    rug.set_gid("rug")


def _draw_crossover(ax, layout: InteractionLayout) -> list:
    mark, note = layout.crossover, layout.note
    if note is not None:
        ax.annotate(
            note.text,
            xy=(note.x, 0.95),
            xycoords="axes fraction",
            ha=note.ha,
            va="top",
            fontsize="small",
            gid="crossover-note",
        )
    if mark is None:
        return []
    bar = ax.errorbar(
        [mark.x],
        [mark.y],
        xerr=[[mark.x - mark.ci_low], [mark.ci_high - mark.x]],
        fmt="D",
        color="#000000",
        ms=7,
        capsize=4,
        lw=1.4,
        label=mark.label,
        zorder=5,
    )
    bar.lines[0].set_gid("crossover")
    for artist in bar.get_children():
        artist.set_clip_on(True)  # a CI reaching past the range must not leave the axes
    return [bar]


def draw_interaction(layout: InteractionLayout, ax=None):
    """Draw an :class:`~course_kit.susceptibility.plot_layout.InteractionLayout`.

    Parameters
    ----------
    layout : InteractionLayout
        From :func:`~course_kit.susceptibility.plot_layout.interaction_layout`.
    ax : matplotlib Axes, optional
        Drawn into a new figure of ``layout.figsize`` when not given.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from course_kit.susceptibility import fit_interaction, simulate_gxe
    >>> from course_kit.susceptibility.plot_layout import interaction_layout
    >>> res = fit_interaction(simulate_gxe(200, seed=1), "outcome", "environment", "susceptible")
    >>> ax = draw_interaction(interaction_layout(res))
    >>> ax.get_xlabel()
    'environment'
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=layout.figsize, layout="constrained")
    handles = _draw_regions(ax, layout)[:1]  # one legend entry for all regions
    handles += _draw_lines_and_data(ax, layout)
    handles += _draw_crossover(ax, layout)
    ax.set_xlim(*layout.xlim)
    ax.set_ylim(*layout.ylim)
    ax.set_xlabel(layout.xlabel)
    ax.set_ylabel(layout.ylabel)
    # A title wider than the figure (the sv and nb ones often are) would run past its
    # edge: matplotlib wraps it at draw time to the room the figure leaves around the
    # title's centre, and the layout engine makes room for the extra line.
    ax.set_title(layout.title, wrap=True)
    ax.legend(handles, layout.legend, loc="best", fontsize="small")
    return ax


def plot_interaction(result, ax=None, *, alpha: float = 0.05, show_points: bool = False):
    """Draw simple slopes with bands, regions of significance, crossover and rug.

    Shaded: the regions of significance (at ``alpha``). Diamond with a bar: the
    cross-over point with its CI (a note in a top corner when it lies far outside).
    Ticks at the bottom (rug): the observed environment values of each group.
    A title wider than the figure wraps to fit it.

    Lays the plot out with
    :func:`~course_kit.susceptibility.plot_layout.interaction_layout` (the
    fitted result is not refitted) and draws it with :func:`draw_interaction`.

    Parameters
    ----------
    result : InteractionResult
        From :func:`course_kit.susceptibility.fit_interaction`.
    ax : matplotlib Axes, optional
        Drawn into a new figure when not given.
    alpha : float, default 0.05
        Significance level of the shaded regions.
    show_points : bool, default False
        Also draw the observed data as faint points.

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    course_kit.susceptibility.InteractionResult.plot : The same, as the result's method.

    Examples
    --------
    >>> from course_kit.susceptibility import fit_interaction, simulate_gxe
    >>> res = fit_interaction(simulate_gxe(200, seed=1), "outcome", "environment", "susceptible")
    >>> ax = plot_interaction(res)
    >>> len([line for line in ax.lines if line.get_gid() == "simple-slope"])
    2
    """
    return draw_interaction(interaction_layout(result, alpha=alpha, show_points=show_points), ax)
