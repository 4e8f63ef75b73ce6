"""The layout of an interaction plot, without drawing a pixel.

:func:`interaction_layout` decides everything the plot of an
:class:`~course_kit.susceptibility.InteractionResult` shows: the simple-slope
lines with their confidence bands, the shaded regions of significance, the
crossover marker (or a note when it lies far outside), the rugs and optional raw
points, the texts, the legend entries and the axis limits. It asks the result
only through its public surface (``prepared``, ``lines``, ``fitted_line``,
``regions_of_significance``, ``crossover``, ...).
:func:`course_kit.susceptibility.plot.plot_interaction` then only draws it, so
the layout is tested directly (``tests/test_interaction_layout.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_kit import formatting as fmt
from course_kit.messages import text

__all__ = [
    "CrossoverMark",
    "InteractionLayout",
    "Note",
    "Observed",
    "Region",
    "SlopeLine",
    "interaction_layout",
    "line_styles",
]

FIGSIZE = (7, 4.5)  # inches, when the plot makes its own figure
GRID_POINTS = 200  # environment values along each fitted line
PAD = 0.04  # x padding on each side, as a share of the observed range
RUG_ROOM = 0.08  # extra room under the bands for the rug, as a share of the y range
GREY_POINTS, GREY_RUG = "#555555", "#333333"  # a continuous marker has no group colours


@dataclass(frozen=True)
class SlopeLine:
    """One simple slope: the fitted mean and its confidence band at one marker value."""

    value: float  # marker value (0/1 for two groups)
    label: str  # legend entry
    colour: str
    style: str  # matplotlib line style
    x: np.ndarray
    fit: np.ndarray
    low: np.ndarray
    high: np.ndarray


@dataclass(frozen=True)
class Region:
    """A shaded stretch of the environment where the marker's effect is significant."""

    low: float
    high: float
    label: str | None  # only the first region has a legend entry


@dataclass(frozen=True)
class Observed:
    """The observed data of one group (or of everyone, for a continuous marker).

    Drawn as rug ticks under the bands (``rug_height``: axes fraction) and,
    when ``points_alpha`` is set (``show_points=True``), as faint points.
    """

    x: np.ndarray
    y: np.ndarray
    rug_colour: str
    rug_height: float
    points_colour: str
    points_alpha: float | None


@dataclass(frozen=True)
class CrossoverMark:
    """The crossover point with its CI (``note`` set instead when it lies far outside)."""

    x: float
    y: float
    ci_low: float
    ci_high: float
    label: str


@dataclass(frozen=True)
class Note:
    """Where a far crossover lies, written in a top corner of the axes."""

    text: str
    x: float  # axes fraction
    ha: str


@dataclass(frozen=True)
class InteractionLayout:
    """Everything :func:`~course_kit.susceptibility.plot.plot_interaction` draws."""

    regions: list[Region]
    lines: list[SlopeLine]
    observed: list[Observed]
    observed_by_group: bool  # True: observed[i] belongs to lines[i] (two groups)
    crossover: CrossoverMark | None
    note: Note | None
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    xlabel: str
    ylabel: str
    title: str
    figsize: tuple[float, float] = FIGSIZE

    @property
    def legend(self) -> list[str]:
        """The legend entries in the order shown (regions, lines, crossover)."""
        labels = [r.label for r in self.regions if r.label]
        labels += [line.label for line in self.lines]
        return labels + ([self.crossover.label] if self.crossover else [])


def line_styles(k: int) -> list[tuple[str, str]]:
    """(colour, line style) of ``k`` simple-slope lines, told apart without colour too.

    Examples
    --------
    >>> line_styles(2)  # less (coded 0) and more susceptible (coded 1)
    [('#0072B2', '--'), ('#D55E00', '-')]
    """
    from course_kit.style import PALETTE

    if k == 2:  # less (coded 0) and more susceptible (coded 1), as in teaching.drawings
        return [(PALETTE["blue"], "--"), (PALETTE["vermillion"], "-")]
    cycle = [PALETTE["blue"], PALETTE["green"], PALETTE["vermillion"], PALETTE["purple"]]
    styles = ["--", "-.", "-", ":"]
    return [(cycle[i % 4], styles[i % 4]) for i in range(k)]


def _regions(result, alpha: float, x_low: float, x_high: float) -> list[Region]:
    """The significant stretches, clipped to the observed range; the first one is labelled."""
    ros = result.regions_of_significance(alpha)
    regions = []
    for lo, hi, significant in ros.segments:
        lo, hi = max(lo, x_low), min(hi, x_high)
        if significant and hi > lo:
            label = None if regions else text(ros.label_key, alpha=fmt.alpha(alpha))
            regions.append(Region(lo, hi, label))
    return regions


def _observed(result, lines, show_points: bool) -> list[Observed]:
    """Each group's data in its line's colour (two groups), else one grey set."""
    prep = result.prepared
    x, g, y = prep.x, prep.g, prep.y
    if not prep.binary:
        return [Observed(x, y, GREY_RUG, 0.02, GREY_POINTS, 0.3 if show_points else None)]
    observed = []
    for line in lines:
        members = g == line.value
        # the two rugs one above the other, group 0 lowest
        height = 0.015 + 0.03 * line.value
        alpha = 0.35 if show_points else None
        observed.append(Observed(x[members], y[members], line.colour, height, line.colour, alpha))
    return observed


def _crossover(result, x_low: float, x_high: float, pad: float):
    """The crossover marker when it lies within the padded range, else a note (or nothing)."""
    cross = result.crossover
    c = cross.estimate
    if x_low - pad <= c <= x_high + pad:
        y_c = float(result.fitted_line(np.array([c]), result.at[0])[0][0])
        label = text("susceptibility.crossover_label", level=round(100 * result.level))
        return CrossoverMark(c, y_c, cross.ci_low, cross.ci_high, label), None
    if np.isfinite(c):  # far outside: say where, keep the axes readable
        note = text("susceptibility.crossover_outside", c=fmt.significant(c))
        return None, Note(note, 0.99 if c > x_high else 0.01, "right" if c > x_high else "left")
    return None, None


def _ylim(lines, observed, crossover) -> tuple[float, float]:
    """matplotlib's automatic y limits of what is drawn, plus room below for the rug.

    The rug and the regions sit on axes fractions and do not count. The margin
    is the style's ``axes.ymargin``, as matplotlib's autoscaling adds it.
    """
    import matplotlib as mpl

    values = [np.concatenate([ln.fit, ln.low, ln.high]) for ln in lines]
    values += [o.y for o in observed if o.points_alpha is not None]
    values += [np.array([crossover.y])] if crossover else []
    finite = np.concatenate(values)
    finite = finite[np.isfinite(finite)]
    low, high = float(finite.min()), float(finite.max())
    margin = (high - low) * mpl.rcParams["axes.ymargin"]
    low, high = low - margin, high + margin
    return low - RUG_ROOM * (high - low), high


def interaction_layout(result, *, alpha: float = 0.05, show_points: bool = False):
    """Lay out the plot of a fitted interaction: what to draw, where, with which words.

    Parameters
    ----------
    result : InteractionResult
        From :func:`course_kit.susceptibility.fit_interaction` (it is not refitted).
    alpha : float, default 0.05
        Significance level of the shaded regions.
    show_points : bool, default False
        Also lay out the observed data as faint points.

    Returns
    -------
    InteractionLayout

    Examples
    --------
    >>> from course_kit.susceptibility import fit_interaction, simulate_gxe
    >>> df = simulate_gxe(500, "differential_susceptibility", seed=7)  # SYNTHETIC
    >>> layout = interaction_layout(fit_interaction(df, "outcome", "environment", "susceptible"))
    >>> [line.style for line in layout.lines], len(layout.regions)
    (['--', '-'], 2)
    """
    prep = result.prepared
    x_low, x_high = result.x_range
    pad = PAD * (x_high - x_low)
    grid = np.linspace(x_low, x_high, GRID_POINTS)
    lines = []
    for (value, label), (colour, style) in zip(
        result.lines, line_styles(len(result.at)), strict=True
    ):
        fit, low, high = result.fitted_line(grid, value)
        lines.append(SlopeLine(value, label, colour, style, grid, fit, low, high))
    observed = _observed(result, lines, show_points)
    crossover, note = _crossover(result, x_low, x_high, pad)
    title = text(
        "susceptibility.plot_title",
        outcome=prep.outcome,
        environment=prep.environment,
        susceptibility=prep.susceptibility,
    )
    return InteractionLayout(
        regions=_regions(result, alpha, x_low, x_high),
        lines=lines,
        observed=observed,
        observed_by_group=bool(prep.binary),
        crossover=crossover,
        note=note,
        xlim=(x_low - pad, x_high + pad),
        ylim=_ylim(lines, observed, crossover),
        xlabel=prep.environment,
        ylabel=prep.outcome,
        title=title,
    )
