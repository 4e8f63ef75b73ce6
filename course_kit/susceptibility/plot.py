"""The plot of :class:`course_kit.susceptibility.InteractionResult`.

Artists carry a ``gid`` (``"simple-slope"``, ``"slope-band"``,
``"significance-region"``, ``"crossover"``, ``"rug"``) so tests and notebooks
can find them.
"""

from __future__ import annotations

import numpy as np

from course_kit import formatting as fmt
from course_kit.messages import text


def _colours(k: int) -> list[tuple[str, str]]:
    from course_kit.style import PALETTE

    if k == 2:  # less (coded 0) and more susceptible (coded 1), as in course_kit.drawings
        return [(PALETTE["blue"], "--"), (PALETTE["vermillion"], "-")]
    cycle = [PALETTE["blue"], PALETTE["green"], PALETTE["vermillion"], PALETTE["purple"]]
    styles = ["--", "-.", "-", ":"]
    return [(cycle[i % 4], styles[i % 4]) for i in range(k)]


def plot_interaction(result, ax=None, *, alpha: float = 0.05, show_points: bool = False):
    """Draw simple slopes with bands, regions of significance, crossover and rug."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4.5), layout="constrained")
    prep = result.prepared
    x, g, y = prep.x, prep.g, prep.y
    x_low, x_high = float(x.min()), float(x.max())
    pad = 0.04 * (x_high - x_low)
    grid = np.linspace(x_low, x_high, 200)
    pct = round(100 * result.level)
    colours = _colours(len(result.at))

    # regions of significance, clipped to the observed range
    ros = result.regions_of_significance(alpha)
    first = True
    for lo, hi, significant in ros.segments:
        lo, hi = max(lo, x_low), min(hi, x_high)
        if significant and hi > lo:
            label = text(ros.label_key, alpha=fmt.alpha(alpha)) if first else None
            ax.axvspan(
                lo, hi, color="#999999", alpha=0.18, lw=0, label=label, gid="significance-region"
            )
            first = False

    for (value, label), (colour, style) in zip(result.lines, colours, strict=True):
        fit, low, high = result.fitted_line(grid, value)
        ax.fill_between(grid, low, high, color=colour, alpha=0.2, lw=0, gid="slope-band")
        (line,) = ax.plot(grid, fit, style, color=colour, lw=2.2, label=label)
        line.set_gid("simple-slope")
        if prep.binary:
            members = g == value
            if show_points:
                ax.scatter(x[members], y[members], s=8, color=colour, alpha=0.35, lw=0)
            (rug,) = ax.plot(
                x[members],
                np.full(members.sum(), 0.015 + 0.03 * value),
                "|",
                color=colour,
                ms=6,
                alpha=0.6,
                scaley=False,
                transform=ax.get_xaxis_transform(),
            )
            rug.set_gid("rug")
    if not prep.binary:
        if show_points:
            ax.scatter(x, y, s=8, color="#555555", alpha=0.3, lw=0)
        (rug,) = ax.plot(
            x,
            np.full(len(x), 0.02),
            "|",
            color="#333333",
            ms=6,
            alpha=0.6,
            scaley=False,
            transform=ax.get_xaxis_transform(),
        )
        rug.set_gid("rug")

    cross = result.crossover
    if x_low - pad <= cross.estimate <= x_high + pad:
        c = cross.estimate
        y_c = result.fitted_line(np.array([c]), result.at[0])[0][0]
        label = text("susceptibility.crossover_label", level=pct)
        bar = ax.errorbar(
            [c],
            [y_c],
            xerr=[[c - cross.ci_low], [cross.ci_high - c]],
            fmt="D",
            color="#000000",
            ms=7,
            capsize=4,
            lw=1.4,
            label=label,
            zorder=5,
        )
        bar.lines[0].set_gid("crossover")
        for artist in bar.get_children():
            artist.set_clip_on(True)  # a CI reaching past the range must not leave the axes
    elif np.isfinite(cross.estimate):  # far outside: say where, keep the axes readable
        c = cross.estimate
        ax.annotate(
            text("susceptibility.crossover_outside", c=fmt.significant(c)),
            xy=(0.99 if c > x_high else 0.01, 0.95),
            xycoords="axes fraction",
            ha="right" if c > x_high else "left",
            va="top",
            fontsize="small",
            gid="crossover-note",
        )
    ax.set_xlim(x_low - pad, x_high + pad)
    y_low, y_high = ax.get_ylim()
    ax.set_ylim(y_low - 0.08 * (y_high - y_low), y_high)  # room for the rug under the bands
    ax.set_xlabel(prep.environment)
    ax.set_ylabel(prep.outcome)
    ax.set_title(
        text(
            "susceptibility.plot_title",
            outcome=prep.outcome,
            environment=prep.environment,
            susceptibility=prep.susceptibility,
        )
    )
    ax.legend(loc="best", fontsize="small")
    return ax
