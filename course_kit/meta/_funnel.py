"""Contour-enhanced funnel plot (Peters et al. 2008 style), with trim-and-fill.

Each study is a point at (effect size, standard error); the y axis is inverted
so that the most precise studies are at the top. Shaded bands around zero mark
where a single study's result would be statistically significant at the given
levels: when studies are missing only from the unshaded (non-significant)
region, publication bias is a likely reason for the asymmetry.
"""

from __future__ import annotations

import numpy as np

from course_kit import formatting as fmt
from course_kit.formatting import p_level
from course_kit.messages import text

from ._forest_layout import check_result


def _check_levels(contours) -> list[float]:
    if contours is None:
        return []
    try:
        levels = sorted(float(c) for c in contours)
    except (TypeError, ValueError):
        raise TypeError(
            "contours must be a list of confidence levels, e.g. (0.90, 0.95, 0.99)."
        ) from None
    if any(not 0 < c < 1 for c in levels):
        raise ValueError("contours must be levels between 0 and 1, e.g. (0.90, 0.95, 0.99).")
    if len(set(levels)) != len(levels):
        raise ValueError("contours must not repeat a level.")
    return levels


def funnel_plot(
    result,
    ax=None,
    contours=(0.90, 0.95, 0.99),
    filled=None,
    *,
    title: str | None = None,
    xlabel: str | None = None,
    legend: bool = True,
):
    """Draw a (contour-enhanced) funnel plot of a meta-analysis.

    Parameters
    ----------
    result : MetaResult
        A fit from :func:`course_kit.meta.meta_analysis`.
    ax : matplotlib Axes, optional
        Axes to draw into; a new figure is made when None.
    contours : sequence of float or None, default (0.90, 0.95, 0.99)
        Confidence levels of the significance contours around zero. Each band
        between two levels is shaded; None or () draws a plain funnel.
    filled : trim-and-fill result, optional
        The result of :func:`course_kit.meta.trim_and_fill`. The imputed studies
        are drawn hollow, and the estimate after filling as a dashed line.
    title, xlabel : str, optional
        Title and x-axis label (default "Effect size").
    legend : bool, default True
        Draw a legend to the right of the plot.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from course_kit.meta import meta_analysis, trim_and_fill, funnel_plot
    >>> res = meta_analysis(yi, vi)  # doctest: +SKIP
    >>> ax = funnel_plot(res, filled=trim_and_fill(res))  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt

    from course_kit.style import set_alt_text

    check_result(result)
    levels = _check_levels(contours)
    if filled is not None and not all(
        hasattr(filled, a) for a in ("k0", "filled", "imputed_yi", "imputed_vi")
    ):
        raise TypeError(
            "filled must be the result of course_kit.meta.trim_and_fill "
            f"(got {type(filled).__name__})."
        )
    geo = _geometry(result, filled, levels)
    if ax is None:
        # constrained layout makes room for the legend outside the axes
        fig = plt.figure(figsize=(9.0, 5.2) if legend else (6.2, 5.2), layout="constrained")
        ax = fig.add_subplot()
    bands = _draw_contours(ax, levels, geo)
    items = _draw_studies(ax, result, filled, geo)
    ax.set_xlim(*geo["xlim"])
    ax.set_ylim(geo["se_max"], 0)
    ax.set_ylabel(text("plots.funnel_ylabel"))
    ax.set_xlabel(xlabel or text("plots.effect_size"))
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    if title:
        ax.set_title(title, loc="left", fontweight="bold")
    if legend:
        ax.legend(
            handles=items + bands,
            loc="upper left",
            bbox_to_anchor=(1.02, 1.0),
            frameon=False,
            borderaxespad=0.0,
        )
    set_alt_text(ax.figure, _alt_text(filled, geo, title))
    return ax


def _alt_text(filled, geo, title) -> str:
    """The figure in words, for screen readers (WCAG 2.1 AA)."""
    extra = ""
    if filled is not None:
        extra = text(
            "plots.alt_funnel_filled",
            k0=int(filled.k0),
            estimate=fmt.number(float(filled.filled.estimate)),
        )
    return text(
        "plots.alt_funnel",
        title=f" ({title})" if title else "",
        k=len(geo["yi"]),
        estimate=fmt.number(geo["est"]),
        filled=extra,
    )


def _geometry(result, filled, levels) -> dict:
    """Where everything goes: standard errors, the pooled estimate, the x range (no drawing)."""
    # Normal quantiles from scipy.special (what scipy.stats.norm.ppf calls): importing
    # scipy.stats costs a notebook about a second.
    from scipy.special import ndtri

    yi = np.asarray(result.yi, float)
    se = np.sqrt(np.asarray(result.vi, float))
    imp_yi = imp_se = np.array([])
    if filled is not None:
        imp_yi = np.asarray(filled.imputed_yi, float)
        imp_se = np.sqrt(np.asarray(filled.imputed_vi, float))
    se_max = float(np.max(np.r_[se, imp_se])) * 1.08
    est = float(result.estimate)
    level = float(result.level)
    crit = ndtri(0.5 + level / 2)
    all_x = np.r_[yi, imp_yi, est - crit * se_max, est + crit * se_max]
    if levels:
        z_top = ndtri(0.5 + levels[-1] / 2)
        all_x = np.r_[all_x, -z_top * se_max, z_top * se_max]
    span = float(np.max(all_x) - np.min(all_x))
    x0, x1 = float(np.min(all_x)) - 0.04 * span, float(np.max(all_x)) + 0.04 * span
    return {
        "yi": yi,
        "se": se,
        "imp_yi": imp_yi,
        "imp_se": imp_se,
        "se_max": se_max,
        "est": est,
        "level": level,
        "crit": crit,
        "xlim": (x0, x1),
    }


def _draw_contours(ax, levels, geo) -> list:
    """Shade |yi / se| beyond each critical value (outermost darkest); legend patches."""
    from matplotlib.patches import Patch
    from scipy.special import ndtri  # scipy.stats.norm.ppf, without importing scipy.stats

    handles = []
    if not levels:
        return handles
    x0, x1 = geo["xlim"]
    se_grid = np.linspace(0.0, geo["se_max"], 200)
    greys = ["#E8E8E8", "#CFCFCF", "#B4B4B4", "#9A9A9A", "#808080"]
    bounds = [*levels, None]
    for i, lev in enumerate(levels):
        z_in = ndtri(0.5 + lev / 2)
        z_out = ndtri(0.5 + bounds[i + 1] / 2) if bounds[i + 1] else None
        color = greys[min(i, len(greys) - 1)]
        for sign in (-1, 1):
            inner = sign * z_in * se_grid
            outer = (
                sign * z_out * se_grid if z_out else np.full_like(se_grid, x1 if sign > 0 else x0)
            )
            ax.fill_betweenx(
                se_grid, inner, outer, color=color, lw=0, zorder=0, gid=f"funnel-contour-{lev:g}"
            )
        p_hi, p_lo = 1 - lev, (1 - bounds[i + 1]) if bounds[i + 1] else None
        label = (
            text("plots.funnel_band", high=p_level(p_hi), low=p_level(p_lo))
            if p_lo is not None
            else text("plots.funnel_band_last", low=p_level(p_hi))
        )
        handles.append(Patch(facecolor=color, edgecolor="none", label=label))
    return handles


def _draw_studies(ax, result, filled, geo) -> list:
    """Pseudo confidence region, pooled line, studies (and imputed ones); legend items."""
    from course_kit.style import COLORS, PALETTE

    est, crit, se_max = geo["est"], geo["crit"], geo["se_max"]
    # pseudo confidence region around the pooled estimate
    (ci_line,) = ax.plot(
        np.r_[est - crit * se_max, est, est + crit * se_max],
        [se_max, 0.0, se_max],
        color=COLORS["null"],
        ls="--",
        lw=1.0,
        zorder=1,
        gid="funnel-pseudo-ci",
        label=text("plots.funnel_pseudo_ci", level=round(geo["level"] * 100)),
    )
    (pooled,) = ax.plot(
        [est, est],
        [0, se_max],
        color=COLORS["pooled"],
        lw=1.3,
        zorder=1,
        gid="funnel-pooled",
        label=text("plots.funnel_pooled"),
    )
    pts = ax.scatter(
        geo["yi"],
        geo["se"],
        s=42,
        color=PALETTE["blue"],
        edgecolor="white",
        lw=0.6,
        zorder=3,
        gid="funnel-studies",
        label=text("plots.funnel_studies"),
    )
    legend_items = [pts, pooled, ci_line]
    if filled is not None:
        imp = ax.scatter(
            geo["imp_yi"],
            geo["imp_se"],
            s=42,
            facecolor="white",
            edgecolor=COLORS["imputed"],
            lw=1.4,
            zorder=3,
            gid="funnel-imputed",
            label=text("plots.funnel_imputed", k0=int(filled.k0)),
        )
        (fline,) = ax.plot(
            [filled.filled.estimate] * 2,
            [0, se_max],
            color=COLORS["imputed"],
            ls=(0, (5, 3)),
            lw=1.3,
            zorder=2,
            gid="funnel-filled",
            label=text("plots.funnel_filled"),
        )
        legend_items += [imp, fline]
    return legend_items
