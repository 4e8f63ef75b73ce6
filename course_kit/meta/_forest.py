"""Forest plot in the style of metafor's ``forest()`` and Cochrane RevMan.

The layout (rows, texts, column widths, x range) is decided without drawing in
:mod:`course_kit.meta._forest_layout`; this module draws it in small steps.
One Axes holds the graph (effect sizes on x, one row per line of the table on
y, row 0 at the top). The text columns sit outside the Axes, placed with
blended transforms (x = Axes edge + an offset in inches, y = data row), so they
stay aligned with their rows whatever the figure size. The footer
(heterogeneity and tests) is placed below the x axis the same way.

matplotlib is imported inside the functions: ``import course_kit.meta`` stays light.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from course_kit import formatting as fmt
from course_kit.messages import text
from course_kit.meta._forest_layout import (
    STEPS,
    ForestLayout,
    ForestOptions,
    check_result,
    forest_layout,
    nice_ratio_ticks,
)

__all__ = ["check_result", "forest_plot"]


def _subgroup_fits(result, groups):
    """Deprecated path: one label per study, so the subgroups must be fitted here."""
    if isinstance(groups, (str, bytes)):
        raise TypeError("subgroups must be one group label per study, not a single string.")
    labels = [str(g) for g in np.asarray(groups, dtype=object).ravel()]
    if len(labels) != int(result.k):
        raise ValueError(
            f"subgroups has {len(labels)} labels, but the meta-analysis has {int(result.k)} "
            "studies: give one group label per study."
        )
    warnings.warn(
        "forest_plot(result, subgroups=labels) is deprecated: pass "
        "subgroup_analysis(yi, vi, labels, ...) instead (a plot draws fits, it does not fit).",
        DeprecationWarning,
        stacklevel=4,  # the caller of forest_plot
    )
    from course_kit.meta._regression import subgroup_analysis

    return subgroup_analysis(
        np.asarray(result.yi),
        np.asarray(result.vi),
        labels,
        method=result.method,
        test=result.test,
        level=result.level,
        labels=list(result.labels),
    )


def _split(result, subgroups):
    """(overall fit, subgroup fits or None) from what the caller passed."""
    if hasattr(result, "subgroups") and hasattr(result, "overall"):  # a SubgroupResult
        if subgroups is not None:
            raise TypeError("result is already a SubgroupResult: leave subgroups out.")
        return result.overall, result
    check_result(result)
    if subgroups is None or (hasattr(subgroups, "subgroups") and hasattr(subgroups, "q_between")):
        return result, subgroups
    return result, _subgroup_fits(result, subgroups)


def forest_plot(result, ax=None, *, subgroups=None, **options):
    """Draw a forest plot of a meta-analysis (Cochrane/metafor look).

    Parameters
    ----------
    result : MetaResult or SubgroupResult
        A fit from :func:`course_kit.meta.meta_analysis`, or one from
        :func:`course_kit.meta.subgroup_analysis` (then the studies are drawn
        in blocks by subgroup). The plot draws the fits it is given; it fits nothing.
    ax : matplotlib Axes, optional
        Axes for the graph part. The text columns are drawn outside it, to the
        left and right, and the footer below it: leave room (e.g.
        ``fig.subplots_adjust(left=0.4, right=0.7, bottom=0.25)``). When None, a
        figure of a fitting size is made; its height grows with the number of rows.
    columns : dict or DataFrame, optional
        Extra per-study columns shown after the study label, e.g.
        ``{"n VIPP": n1, "n control": n0}``; one value per study, in the
        order of ``result.labels``.
    sort : {"estimate", "weight", "precision"}, optional
        Order of the studies: by effect size (smallest first), by weight
        (largest first) or by precision (most precise first). None keeps the input order.
    subgroups : SubgroupResult, optional
        Subgroup fits of the same studies (from
        :func:`course_kit.meta.subgroup_analysis`): studies are drawn in blocks
        with a subtotal diamond per group and the test for subgroup differences
        in the footer. One group label per study still works but is deprecated
        (the plot would have to fit the subgroups itself).
    show_pi : bool, default True
        Draw the prediction interval as a bar under the pooled diamond
        (random-effects fits with at least 3 studies only).
    show_weights : bool, default True
        Show the column of study weights (percent).
    favours : (str, str) or None
        Labels for the left and right side of the line of no effect. Default:
        ``("Favours control", "Favours intervention")``: positive effects favour
        the intervention. Name what was actually compared (e.g. ``"Favours
        VIPP-SD"`` only when every study tested VIPP-SD); swap them when a
        negative effect is the good direction; pass ``("", "")`` to hide them.
    transform : callable, optional
        Back-transformation for the labels and text columns, e.g. ``np.exp``
        for log odds or log risk ratios: the axis is then a log axis labelled
        with ratios and the line of no effect is at ratio 1.
    xlim : (float, float), optional
        Limits of the x axis in the units of the analysis (e.g. log OR).
        Confidence intervals that leave this range end in an arrow.
    title : str, optional
        Title above the table.
    xlabel : str, optional
        Label of the x axis (default "Effect size").
    measure : str, optional
        Name of the effect measure in the column header (default "Estimate").
    digits : int, default 2
        Decimals in the text columns.
    fontsize : float, optional
        Font size in points (default: ``rcParams["font.size"]``, at most 11).
    notes : str or list of str, optional
        Extra footnote lines under the heterogeneity and test lines (e.g. how
        variances were derived).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes holding the graph part.

    Examples
    --------
    >>> from course_kit.meta import meta_analysis, forest_plot
    >>> res = meta_analysis([0.3, 0.5, 0.1], [0.04, 0.02, 0.05], labels=["A", "B", "C"])
    >>> ax = forest_plot(res, title="Three trials")  # doctest: +SKIP
    >>> from course_kit.meta import subgroup_analysis
    >>> sub = subgroup_analysis(
    ...     [0.3, 0.5, 0.1, 0.4], [0.04, 0.02, 0.05, 0.03], ["a", "a", "b", "b"]
    ... )
    >>> ax = forest_plot(sub)  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt

    from course_kit.style import set_alt_text

    ForestOptions.from_keywords(options, "forest_plot")  # an unknown keyword: this name
    overall, sub_fit = _split(result, subgroups)
    layout = forest_layout(overall, subgroups=sub_fit, **options)
    if ax is None:
        fig = plt.figure(figsize=layout.figsize)
        ax = fig.add_axes(layout.axes_rect)
    ax.set_xlim(*layout.xlim)
    ax.set_ylim(layout.n_rows - 0.5, -0.5)
    cols = _Columns(ax, layout)
    _draw_header(ax, layout, cols)
    _draw_rows(ax, layout, cols)
    _draw_axis(ax, layout)
    _draw_below(ax, layout)
    set_alt_text(ax.figure, layout.alt_text)
    return ax


def _signature():
    # The keywords are listed once, in ForestOptions; help(forest_plot), the notebook's
    # signature tooltip and inspect.signature show them one by one, with their defaults.
    import inspect

    fixed = [
        inspect.Parameter("result", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("ax", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
        inspect.Parameter("subgroups", inspect.Parameter.KEYWORD_ONLY, default=None),
    ]
    return inspect.Signature(fixed + ForestOptions.keyword_parameters())


forest_plot.__signature__ = _signature()


class _Columns:
    """Transforms that put text at (Axes edge + inches, data row) for each column."""

    def __init__(self, ax, layout: ForestLayout):
        self.ax, self.layout = ax, layout
        self.label = self.at(0, -layout.left_in)
        self.extra = []
        pos = -layout.left_in + layout.w_label + layout.gap
        for w in layout.w_extra:
            self.extra.append(self.at(0, pos + w))  # right-aligned numbers
            pos += w + layout.gap
        self.weight = self.at(1, layout.gap + layout.w_weight)
        self.est = self.at(1, layout.right_in)

    def at(self, edge: float, dx_in: float):
        """x = Axes edge (0 left, 1 right) + dx inches; y = data row."""
        from matplotlib import transforms

        ax = self.ax
        base = transforms.blended_transform_factory(ax.transAxes, ax.transData)
        shift = transforms.Affine2D().translate(edge, 0)  # texts are drawn at x = 0
        return shift + base + transforms.ScaledTranslation(dx_in, 0, ax.figure.dpi_scale_trans)

    def rule(self, y: float, lw: float = 0.8):
        """A horizontal line across the whole table at data row y."""
        from matplotlib import transforms
        from matplotlib.lines import Line2D

        from course_kit.style import COLORS

        ax, layout = self.ax, self.layout
        ax_w = ax.get_position().width * ax.figure.get_figwidth()
        x0, x1 = -layout.left_in / ax_w, 1 + layout.right_in / ax_w
        line = Line2D(
            [x0, x1],
            [y, y],
            transform=transforms.blended_transform_factory(ax.transAxes, ax.transData),
            color=COLORS["rule"],
            lw=lw,
            clip_on=False,
        )
        ax.add_line(line)


def _draw_header(ax, layout: ForestLayout, cols: _Columns):
    from matplotlib import transforms

    size = layout.size
    hdr = {"fontsize": size, "fontweight": "bold", "va": "center", "clip_on": False}
    ax.text(0, 0, text("plots.study"), transform=cols.label, ha="left", gid="forest-header", **hdr)
    for name, tr in zip(layout.columns, cols.extra, strict=True):
        ax.text(0, 0, name, transform=tr, ha="right", gid="forest-header", **hdr)
    if layout.show_weights:
        ax.text(
            0,
            0,
            layout.weight_header,
            transform=cols.weight,
            ha="right",
            gid="forest-header",
            **hdr,
        )
    ax.text(0, 0, layout.est_header, transform=cols.est, ha="right", gid="forest-header", **hdr)
    cols.rule(0.5)
    if layout.title:
        ax.text(
            0,
            -0.5,
            layout.title,
            transform=cols.at(0, -layout.left_in)
            + transforms.ScaledTranslation(0, layout.line_in * 0.5, ax.figure.dpi_scale_trans),
            ha="left",
            va="bottom",
            fontsize=size * 1.2,
            fontweight="bold",
            clip_on=False,
            gid="forest-title",
        )


def _draw_row_texts(ax, layout: ForestLayout, cols: _Columns, y: int, i: int):
    """The label, extra cells, weight and estimate of table row ``y`` (rows[i])."""
    from course_kit.style import COLORS

    r = layout.rows[i]
    # parse_math=False: a "$" in a study name is text, not the start of a formula
    txt = {"fontsize": layout.size, "va": "center", "clip_on": False, "parse_math": False}
    label = layout.label_texts[i]
    if r.kind == "subhet":
        style = {k_: v for k_, v in txt.items() if k_ != "fontsize"}
        ax.text(
            0,
            y,
            label,
            transform=cols.label,
            ha="left",
            fontsize=layout.small,
            color=COLORS["muted"],
            style="italic",
            gid="forest-subhet",
            **style,
        )
        return
    weight = "bold" if r.kind in ("group", "subtotal", "overall") else "normal"
    ax.text(
        0,
        y,
        label,
        transform=cols.label,
        ha="left",
        fontweight=weight,
        gid=f"forest-label-{r.kind}",
        **txt,
    )
    for vals, tr in zip(r.extra, cols.extra, strict=False):
        ax.text(0, y, vals, transform=tr, ha="right", gid="forest-extra", **txt)
    for value, tr, part in (
        (layout.est_texts[i], cols.est, "estimate"),
        (layout.weight_texts[i], cols.weight, "weight"),
    ):
        if value:
            ax.text(
                0,
                y,
                value,
                transform=tr,
                ha="right",
                fontweight=weight,
                gid=f"forest-{part}-{r.kind}",
                **txt,
            )


def _draw_rows(ax, layout: ForestLayout, cols: _Columns):
    """Every row: its texts, then whiskers and squares, diamonds, the PI, arrows, rules."""
    from course_kit.style import COLORS

    fig = ax.figure
    row_pt = ax.get_position().height * fig.get_figheight() * 72 / layout.n_rows
    max_side = 0.8 * row_pt
    wmax = max((r.weight for r in layout.rows if r.kind == "study"), default=1.0) or 1.0
    squares = ([], [], [])  # x, y, size
    arrows = {"left": [], "right": []}
    x0, x1 = layout.xlim
    last_model = None
    for y, r in enumerate(layout.rows, start=1):
        if r.kind in ("study", "subtotal", "overall", "pi"):
            last_model = y
        if r.kind == "blank":
            continue
        _draw_row_texts(ax, layout, cols, y, y - 1)
        if r.kind == "study":
            _draw_study(ax, r, y, (x0, x1), arrows)
            if x0 <= r.est <= x1:
                squares[0].append(r.est)
                squares[1].append(y)
                # area proportional to weight; a floor keeps tiny weights visible
                squares[2].append(max(max_side**2 * r.weight / wmax, 9.0))
        elif r.kind in ("subtotal", "overall"):
            _draw_diamond(ax, r, y)
        elif r.kind == "pi":
            _draw_prediction_interval(ax, r, y, (x0, x1), arrows)
    if squares[0]:
        ax.scatter(
            *squares[:2],
            s=squares[2],
            marker="s",
            color=COLORS["study"],
            edgecolor="none",
            zorder=4,
            gid="forest-studies",
        )
    for side, xe, mk in (("left", x0, "<"), ("right", x1, ">")):
        if arrows[side]:
            ax.plot(
                [xe] * len(arrows[side]),
                arrows[side],
                ls="none",
                marker=mk,
                markersize=layout.size * 0.55,
                color=COLORS["whisker"],
                clip_on=False,
                gid=f"forest-arrow-{side}",
                zorder=4,
            )
    # rule above the pooled rows, line of no effect
    cols.rule(layout.row_of("overall") - 0.5, lw=0.6)
    ax.plot(
        [layout.null, layout.null],
        [0.5, last_model + 0.5],
        color=COLORS["null"],
        lw=0.9,
        zorder=1,
        gid="forest-null",
    )


def _draw_study(ax, r, y, xlim, arrows):
    from course_kit.style import COLORS

    x0, x1 = xlim
    lo_c, hi_c = max(r.lo, x0), min(r.hi, x1)
    if lo_c < hi_c:
        ax.plot(
            [lo_c, hi_c],
            [y, y],
            color=COLORS["whisker"],
            lw=1.1,
            solid_capstyle="butt",
            gid="forest-whisker",
            zorder=2,
        )
    if r.lo < x0 and r.hi > x0:
        arrows["left"].append(y)
    if r.hi > x1 and r.lo < x1:
        arrows["right"].append(y)


def _draw_diamond(ax, r, y):
    from matplotlib.patches import Polygon

    from course_kit.style import COLORS

    h = 0.36
    color = COLORS["pooled"] if r.kind == "overall" else COLORS["subtotal"]
    poly = Polygon(
        [(r.lo, y), (r.est, y - h), (r.hi, y), (r.est, y + h)],
        closed=True,
        facecolor=color,
        edgecolor=color,
        lw=0.8,
        zorder=3,
        gid=f"forest-diamond-{r.kind}" + (f"-{r.group}" if r.group else ""),
    )
    ax.add_patch(poly)


def _draw_prediction_interval(ax, r, y, xlim, arrows):
    from course_kit.style import COLORS

    x0, x1 = xlim
    lo_c, hi_c = max(r.lo, x0), min(r.hi, x1)
    ax.plot(
        [lo_c, hi_c],
        [y, y],
        color=COLORS["prediction"],
        lw=2.2,
        solid_capstyle="butt",
        gid="forest-pi",
        zorder=3,
    )
    for xe, clipped in ((lo_c, r.lo < x0), (hi_c, r.hi > x1)):
        if not clipped:
            ax.plot(
                [xe, xe],
                [y - 0.22, y + 0.22],
                color=COLORS["prediction"],
                lw=2.2,
                gid="forest-pi-cap",
                zorder=3,
            )
    if r.lo < x0:
        arrows["left"].append(y)
    if r.hi > x1:
        arrows["right"].append(y)


def _draw_axis(ax, layout: ForestLayout):
    """The x axis alone: no frame, ticks that read well (ratios on a log axis)."""
    from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

    xlim, transform = layout.xlim, layout.transform
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_visible(True)
    ax.spines["bottom"].set_bounds(*xlim)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=layout.small, length=4)
    if transform is not None:
        if transform in (np.exp, math.exp):
            ax.xaxis.set_major_locator(FixedLocator(nice_ratio_ticks(*xlim)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{float(transform(v)):g}"))
    else:
        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=STEPS))
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos: f"{v:g}".replace("-", fmt.MINUS))
        )
    ax.set_xlim(*xlim)
    ax.patch.set_visible(False)


def _draw_below(ax, layout: ForestLayout):
    """Under the axis: the favours labels, the x label and the footer lines."""
    from matplotlib import transforms

    fig = ax.figure

    def below(dy_lines: float, dx_in: float = 0.0):
        return ax.transAxes + transforms.ScaledTranslation(
            dx_in, -dy_lines * layout.line_in, fig.dpi_scale_trans
        )

    x0, x1 = layout.xlim
    null_frac = (layout.null - x0) / (x1 - x0)
    small = layout.small
    left_fav, right_fav = layout.favours
    for label, dx, ha, side in (
        ("← " + left_fav if left_fav else "", -0.05, "right", "left"),
        (right_fav + " →" if right_fav else "", 0.05, "left", "right"),
    ):
        if label:
            ax.text(
                null_frac,
                0,
                label,
                transform=below(1.75, dx),
                ha=ha,
                va="top",
                fontsize=small,
                clip_on=False,
                gid=f"forest-favours-{side}",
            )
    ax.text(
        0.5,
        0,
        layout.xlabel,
        transform=below(3.0),
        ha="center",
        va="top",
        fontsize=layout.size,
        clip_on=False,
        gid="forest-xlabel",
    )
    for i, line in enumerate(layout.footer):
        ax.text(
            0,
            0,
            line,
            transform=below(layout.bottom_stack + i, -layout.left_in),
            ha="left",
            va="top",
            fontsize=small,
            clip_on=False,
            gid="forest-footer",
        )
