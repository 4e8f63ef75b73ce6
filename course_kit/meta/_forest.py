"""Forest plot in the style of metafor's ``forest()`` and Cochrane RevMan.

Layout: one Axes holds the graph (effect sizes on x, one row per line of the
table on y, row 0 at the top). The text columns sit outside the Axes, placed
with blended transforms (x = Axes edge + an offset in inches, y = data row),
so they stay aligned with their rows whatever the figure size. The footer
(heterogeneity and tests) is placed below the x axis the same way.

matplotlib is imported inside the functions: ``import course_kit.meta`` stays light.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from course_kit import formatting as fmt
from course_kit._validation import as_float_array, check_choice
from course_kit.messages import text

_REQUIRED = ("estimate", "ci_low", "ci_high", "yi", "vi", "labels", "weights", "k", "level")
_FIXED_METHODS = {"FE", "EE", "CE", "FIXED", "COMMON"}
_SORTS = ("estimate", "weight", "precision")
_LABEL_MAX_IN = 3.0  # longest study label before it is shortened with an ellipsis
_STEPS = [1, 2, 2.5, 5, 10]  # tick steps that read well (0.25, 0.5, 1, ...)


def check_result(result, name: str = "result"):
    missing = [a for a in _REQUIRED if not hasattr(result, a)]
    if missing:
        raise TypeError(
            f"{name} must be a MetaResult from course_kit.meta.meta_analysis "
            f"(got {type(result).__name__}, which lacks {', '.join(missing)})."
        )


def is_fixed(result) -> bool:
    """True for a common-effect (fixed-effect) fit."""
    return str(getattr(result, "method", "")).upper() in _FIXED_METHODS


def heterogeneity_text(result, short: bool = False) -> str:
    """The heterogeneity line of a forest plot for ``result``."""
    tau2 = fmt.number(float(getattr(result, "tau2", 0.0)), 3)
    i2 = fmt.number(float(getattr(result, "i2", 0.0)), 0)
    if short:
        return text("plots.heterogeneity_short", tau2=tau2, i2=i2)
    return text(
        "plots.heterogeneity_fixed" if is_fixed(result) else "plots.heterogeneity",
        tau2=tau2,
        q=fmt.number(float(result.q), 2),
        df=int(result.q_df),
        p=fmt.p_text(float(result.q_pvalue)),
        i2=i2,
    )


def overall_test_text(result) -> str:
    """The "test for overall effect" line (z, or t with its df)."""
    test = str(getattr(result, "test", "z")).lower()
    df = getattr(result, "df", None)
    df = int(result.k) - 1 if df is None else int(df)
    stat = "z" if test == "z" else f"t({df})"
    return text(
        "plots.overall_test",
        stat=stat,
        value=fmt.number(float(result.statistic), 2),
        p=fmt.p_text(float(result.pvalue)),
    )


def _text_width_in(strings, size: float, weight: str = "normal") -> float:
    """Width in inches of the widest string (measured on the glyph outlines)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    prop = FontProperties(family="DejaVu Sans", size=size, weight=weight)
    ttp = TextToPath()
    widths = [ttp.get_text_width_height_descent(s, prop, ismath=False)[0] for s in strings if s]
    return max(widths, default=0.0) / 72.0


def _shorten(label: str, size: float, max_in: float) -> str:
    """Cut ``label`` with an ellipsis so that it fits in ``max_in`` inches."""
    if _text_width_in([label], size) <= max_in:
        return label
    lo, hi = 0, len(label)
    while lo < hi:  # longest prefix that still fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if _text_width_in([label[:mid].rstrip() + "…"], size) <= max_in:
            lo = mid
        else:
            hi = mid - 1
    return label[:lo].rstrip() + "…"


@dataclass
class _Row:
    kind: str  # study, group, subtotal, subhet, overall, pi, blank
    label: str = ""
    est: float = np.nan
    lo: float = np.nan
    hi: float = np.nan
    weight: float = np.nan
    extra: list = field(default_factory=list)
    group: str = ""


def _columns_table(columns, k: int) -> dict[str, list[str]]:
    """Extra per-study columns as ``{header: [k strings]}``."""
    if columns is None:
        return {}
    if hasattr(columns, "columns") and hasattr(columns, "iloc"):  # a DataFrame
        columns = {str(c): list(columns[c]) for c in columns.columns}
    if not isinstance(columns, dict):
        raise TypeError("columns must be a dict {header: values} or a pandas DataFrame.")
    out = {}
    for name, values in columns.items():
        values = list(values)
        if len(values) != k:
            raise ValueError(
                f"columns[{name!r}] has {len(values)} values, but the meta-analysis has "
                f"{k} studies."
            )
        out[str(name)] = ["" if _is_missing(v) else _cell(v) for v in values]
    return out


def _is_missing(v) -> bool:
    try:
        return v is None or (isinstance(v, float) and math.isnan(v))
    except TypeError:  # pragma: no cover
        return False


def _cell(v) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return fmt.number(float(v), 2)
    return str(v)


def _subgroup_fits(result, groups):
    """Fit each subgroup with the engine (same method, test and level)."""
    if hasattr(groups, "subgroups") and hasattr(groups, "q_between"):
        raise TypeError(
            "subgroups must be the group label of each study (e.g. df['sample_risk']), "
            "not a subgroup_analysis result."
        )
    if isinstance(groups, (str, bytes)):
        raise TypeError("subgroups must be one group label per study, not a single string.")
    labels = [str(g) for g in np.asarray(groups, dtype=object).ravel()]
    if len(labels) != int(result.k):
        raise ValueError(
            f"subgroups has {len(labels)} labels, but the meta-analysis has {int(result.k)} "
            "studies: give one group label per study."
        )
    from course_kit.meta import subgroup_analysis

    fit = subgroup_analysis(
        np.asarray(result.yi),
        np.asarray(result.vi),
        labels,
        method=result.method,
        test=result.test,
        level=result.level,
        labels=list(result.labels),
    )
    return labels, fit


def _build_rows(result, order, columns, groups, sub_fit, show_pi, digits):
    yi = np.asarray(result.yi, float)
    se = np.sqrt(np.asarray(result.vi, float))
    frame = result.to_frame() if hasattr(result, "to_frame") else None
    if frame is not None and {"ci_low", "ci_high"} <= set(frame.columns):
        lo, hi = frame["ci_low"].to_numpy(float), frame["ci_high"].to_numpy(float)
    else:  # pragma: no cover - the engine always gives to_frame()
        from scipy import stats

        crit = stats.norm.ppf(0.5 + float(result.level) / 2)
        lo, hi = yi - crit * se, yi + crit * se
    weights = np.asarray(result.weights, float)
    labels = [str(x) for x in result.labels]
    extra_names = list(columns)

    def study_row(i):
        return _Row(
            "study", labels[i], yi[i], lo[i], hi[i], weights[i], [columns[c][i] for c in columns]
        )

    rows: list[_Row] = []
    if groups is None:
        rows += [study_row(i) for i in order]
    else:
        for name, fit in sub_fit.subgroups.items():
            rows.append(_Row("group", str(name)))
            members = [i for i in order if groups[i] == str(name)]
            rows += [study_row(i) for i in members]
            rows.append(
                _Row(
                    "subtotal",
                    text("plots.subtotal", k=len(members)),
                    fit.estimate,
                    fit.ci_low,
                    fit.ci_high,
                    float(np.sum(weights[members])),
                    [""] * len(extra_names),
                    str(name),
                )
            )
            if len(members) > 1:
                rows.append(_Row("subhet", heterogeneity_text(fit, short=True)))
            rows.append(_Row("blank"))
    model = (
        text("plots.model_common")
        if is_fixed(result)
        else text("plots.model_random", method=result.method)
    )
    rows.append(
        _Row(
            "overall",
            model,
            result.estimate,
            result.ci_low,
            result.ci_high,
            100.0,
            [""] * len(extra_names),
        )
    )
    if show_pi:
        rows.append(
            _Row("pi", text("plots.prediction_interval"), np.nan, result.pi_low, result.pi_high)
        )
    return rows


def _nice_ratio_ticks(lo: float, hi: float) -> np.ndarray:
    """Tick positions (log scale) labelled with round ratios, always including 1."""
    steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
    ticks = [v for v in steps if lo - 1e-9 <= math.log(v) <= hi + 1e-9]
    if len(ticks) < 4:
        finer = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8]
        ticks = sorted({*ticks, *[v for v in finer if lo - 1e-9 <= math.log(v) <= hi + 1e-9]})
    return np.log(np.array(ticks, float))


def forest_plot(
    result,
    ax=None,
    *,
    columns=None,
    sort: str | None = None,
    subgroups=None,
    show_pi: bool = True,
    show_weights: bool = True,
    favours: tuple[str, str] | None = None,
    transform=None,
    xlim: tuple[float, float] | None = None,
    title: str | None = None,
    xlabel: str | None = None,
    measure: str | None = None,
    digits: int = 2,
    fontsize: float | None = None,
    notes=None,
):
    """Draw a forest plot of a meta-analysis (Cochrane/metafor look).

    Parameters
    ----------
    result : MetaResult
        A fit from :func:`course_kit.meta.meta_analysis`.
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
    subgroups : array-like, optional
        One group label per study. Studies are drawn in blocks with a subtotal
        diamond per group and the test for subgroup differences in the footer.
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
    """
    import matplotlib as mpl
    import matplotlib.pyplot as plt
    from matplotlib import transforms
    from matplotlib.lines import Line2D
    from matplotlib.patches import Polygon

    from course_kit.style import COLORS, set_alt_text

    check_result(result)
    if sort is not None:
        check_choice(sort, "sort", _SORTS)
    if transform is not None and not callable(transform):
        raise TypeError("transform must be a function such as numpy.exp, or None.")
    if favours is None:
        favours = (text("plots.favours_control"), text("plots.favours_intervention"))
    if isinstance(favours, str) or len(favours) != 2:
        raise ValueError("favours must be a pair of labels (left side, right side).")
    if xlim is not None:
        xlim = tuple(as_float_array(xlim, "xlim"))
        if len(xlim) != 2 or not xlim[0] < xlim[1]:
            raise ValueError("xlim must be two numbers (low, high) with low < high.")
    k = int(result.k)
    yi = np.asarray(result.yi, float)
    vi = np.asarray(result.vi, float)
    cols = _columns_table(columns, k)

    groups = sub_fit = None
    if subgroups is not None:
        groups, sub_fit = _subgroup_fits(result, subgroups)

    if sort is None:
        order = list(range(k))
    elif sort == "estimate":
        order = list(np.argsort(yi, kind="stable"))
    elif sort == "weight":
        order = list(np.argsort(-np.asarray(result.weights, float), kind="stable"))
    else:  # precision
        order = list(np.argsort(vi, kind="stable"))

    show_pi = bool(
        show_pi
        and not is_fixed(result)
        and k >= 3
        and np.isfinite(getattr(result, "pi_low", np.nan))
        and np.isfinite(getattr(result, "pi_high", np.nan))
    )
    rows = _build_rows(result, order, cols, groups, sub_fit, show_pi, digits)

    size = fontsize or min(float(mpl.rcParams["font.size"]), 11.0)
    small = size * 0.9
    line_in = size * 1.45 / 72  # one text line, in inches
    tfun = transform if transform is not None else (lambda x: x)
    level = round(float(result.level) * 100)

    # --- text of each column ------------------------------------------------------
    label_texts = [
        _shorten(r.label, size, _LABEL_MAX_IN) if r.kind == "study" else r.label for r in rows
    ]
    est_texts = []
    for r in rows:
        if r.kind in ("study", "subtotal", "overall"):
            est_texts.append(fmt.ci(tfun(r.est), tfun(r.lo), tfun(r.hi), digits))
        elif r.kind == "pi":
            est_texts.append(
                f"[{fmt.number(tfun(r.lo), digits)}, {fmt.number(tfun(r.hi), digits)}]"
            )
        else:
            est_texts.append("")
    weight_texts = [
        f"{r.weight:.1f}%" if r.kind in ("study", "subtotal", "overall") and show_weights else ""
        for r in rows
    ]
    est_header = text("plots.estimate_ci", measure=measure or text("plots.estimate"), level=level)
    weight_header = text("plots.weight")

    # --- widths (inches) -----------------------------------------------------------
    gap = 0.22
    w_label = max(
        _text_width_in(
            [
                t
                for r, t in zip(rows, label_texts, strict=True)
                if r.kind in ("study", "overall", "pi")
            ],
            size,
        ),
        _text_width_in(
            [t for r, t in zip(rows, label_texts, strict=True) if r.kind in ("group", "subtotal")],
            size,
            "bold",
        ),
        _text_width_in([text("plots.study")], size, "bold"),
        # subgroup heterogeneity lines are small italic: +5% for the slant
        1.05 * _text_width_in([r.label for r in rows if r.kind == "subhet"], size * 0.9),
    )
    w_extra = [
        max(_text_width_in(vals, size), _text_width_in([name], size, "bold"))
        for name, vals in cols.items()
    ]
    w_weight = (
        max(
            _text_width_in(weight_texts, size, "bold"),
            _text_width_in([weight_header], size, "bold"),
        )
        if show_weights
        else 0.0
    )
    bold_rows = [r.kind in ("subtotal", "overall") for r in rows]
    w_est = max(
        _text_width_in([t for t, b in zip(est_texts, bold_rows, strict=True) if not b], size),
        _text_width_in([t for t, b in zip(est_texts, bold_rows, strict=True) if b], size, "bold"),
        _text_width_in([est_header], size, "bold"),
    )
    left_in = w_label + sum(w + gap for w in w_extra) + gap
    right_in = gap + (w_weight + gap if show_weights else 0.0) + w_est

    footer = [heterogeneity_text(result)] if not is_fixed(result) or k > 1 else []
    footer.append(overall_test_text(result))
    if sub_fit is not None:
        footer.append(
            text(
                "plots.subgroup_test",
                q=fmt.number(float(sub_fit.q_between), 2),
                df=int(sub_fit.q_between_df),
                p=fmt.p_text(float(sub_fit.q_between_pvalue)),
            )
        )
    if notes is not None:
        footer += [notes] if isinstance(notes, str) else [str(n) for n in notes]
    w_footer = _text_width_in(footer, small)

    n_rows = len(rows) + 1  # + header row (row 0)
    row_in = size * 1.75 / 72
    top_in = 0.15 + (line_in * 1.6 if title else 0.0)
    bottom_stack = 1.7 + 1.25 + 1.25 + 0.6  # tick labels, favours, x label, gap (lines)
    bottom_in = line_in * (bottom_stack + len(footer)) + 0.12

    if ax is None:
        plot_in = 3.0
        body_w = left_in + plot_in + right_in
        fig_w = 0.15 + max(body_w, w_footer + 0.1) + 0.15
        fig_h = top_in + n_rows * row_in + bottom_in
        fig = plt.figure(figsize=(fig_w, fig_h))
        ax = fig.add_axes(
            (
                (0.15 + left_in) / fig_w,
                bottom_in / fig_h,
                plot_in / fig_w,
                n_rows * row_in / fig_h,
            )
        )
    fig = ax.figure

    # --- x range -------------------------------------------------------------------
    null = 0.0
    if xlim is None:
        vals = [r.lo for r in rows if np.isfinite(r.lo)] + [r.hi for r in rows if np.isfinite(r.hi)]
        lo_x, hi_x = min(min(vals), null), max(max(vals), null)
        pad = 0.05 * (hi_x - lo_x or 1.0)
        lo_x, hi_x = lo_x - pad, hi_x + pad
        if transform is None:
            from matplotlib.ticker import MaxNLocator

            ticks = MaxNLocator(nbins=6, steps=_STEPS).tick_values(lo_x, hi_x)
            lo_x, hi_x = float(ticks[0]), float(ticks[-1])
        elif transform in (np.exp, math.exp):
            # widen to round ratios (e.g. 0.05 and 2) so the axis ends on a labelled tick
            nice = np.log(
                [
                    0.001,
                    0.002,
                    0.005,
                    0.01,
                    0.02,
                    0.05,
                    0.1,
                    0.2,
                    0.5,
                    1,
                    2,
                    5,
                    10,
                    20,
                    50,
                    100,
                    200,
                    500,
                    1000,
                ]
            )
            lower, upper = nice[nice <= lo_x + pad], nice[nice >= hi_x - pad]
            lo_x = float(lower[-1]) if lower.size else lo_x
            hi_x = float(upper[0]) if upper.size else hi_x
        xlim = (lo_x, hi_x)
    ax.set_xlim(*xlim)
    ax.set_ylim(n_rows - 0.5, -0.5)

    # --- transforms for the text columns -------------------------------------------
    def at(edge: float, dx_in: float):
        """x = Axes edge (0 left, 1 right) + dx inches; y = data row."""
        base = transforms.blended_transform_factory(ax.transAxes, ax.transData)
        shift = transforms.Affine2D().translate(edge, 0)  # texts are drawn at x = 0
        return shift + base + transforms.ScaledTranslation(dx_in, 0, fig.dpi_scale_trans)

    def rule(y: float, lw: float = 0.8):
        """A horizontal line across the whole table at data row y."""
        ax_w = ax.get_position().width * fig.get_figwidth()
        x0, x1 = -left_in / ax_w, 1 + right_in / ax_w
        line = Line2D(
            [x0, x1],
            [y, y],
            transform=transforms.blended_transform_factory(ax.transAxes, ax.transData),
            color=COLORS["rule"],
            lw=lw,
            clip_on=False,
        )
        ax.add_line(line)

    x_label = at(0, -left_in)
    x_extra = []
    pos = -left_in + w_label + gap
    for w in w_extra:
        x_extra.append(at(0, pos + w))  # right-aligned numbers
        pos += w + gap
    x_weight = at(1, gap + w_weight)
    x_est = at(1, right_in)

    # header
    hdr = {"fontsize": size, "fontweight": "bold", "va": "center", "clip_on": False}
    ax.text(0, 0, text("plots.study"), transform=x_label, ha="left", gid="forest-header", **hdr)
    for name, tr in zip(cols, x_extra, strict=True):
        ax.text(0, 0, name, transform=tr, ha="right", gid="forest-header", **hdr)
    if show_weights:
        ax.text(0, 0, weight_header, transform=x_weight, ha="right", gid="forest-header", **hdr)
    ax.text(0, 0, est_header, transform=x_est, ha="right", gid="forest-header", **hdr)
    rule(0.5)
    if title:
        ax.text(
            0,
            -0.5,
            title,
            transform=at(0, -left_in)
            + transforms.ScaledTranslation(0, line_in * 0.5, fig.dpi_scale_trans),
            ha="left",
            va="bottom",
            fontsize=size * 1.2,
            fontweight="bold",
            clip_on=False,
            gid="forest-title",
        )

    # --- rows ------------------------------------------------------------------------
    row_pt = ax.get_position().height * fig.get_figheight() * 72 / n_rows
    max_side = 0.8 * row_pt
    wmax = max((r.weight for r in rows if r.kind == "study"), default=1.0) or 1.0
    sq_x, sq_y, sq_s = [], [], []
    arrows_left, arrows_right = [], []
    x0, x1 = xlim
    # parse_math=False: a "$" in a study name is text, not the start of a formula
    txt = {"fontsize": size, "va": "center", "clip_on": False, "parse_math": False}
    first_study, last_model = None, None
    for y, (r, lab, est_t, w_t) in enumerate(
        zip(rows, label_texts, est_texts, weight_texts, strict=True), start=1
    ):
        if r.kind in ("study", "subtotal", "overall", "pi"):
            first_study = y if first_study is None else first_study
            last_model = y
        if r.kind == "blank":
            continue
        if r.kind == "subhet":
            ax.text(
                0,
                y,
                lab,
                transform=x_label,
                ha="left",
                fontsize=small,
                color=COLORS["muted"],
                style="italic",
                gid="forest-subhet",
                **{k_: v for k_, v in txt.items() if k_ != "fontsize"},
            )
            continue
        bold = r.kind in ("group", "subtotal", "overall")
        ax.text(
            0,
            y,
            lab,
            transform=x_label,
            ha="left",
            fontweight="bold" if bold else "normal",
            gid=f"forest-label-{r.kind}",
            **txt,
        )
        for vals, tr in zip(r.extra, x_extra, strict=False):
            ax.text(0, y, vals, transform=tr, ha="right", gid="forest-extra", **txt)
        if est_t:
            ax.text(
                0,
                y,
                est_t,
                transform=x_est,
                ha="right",
                fontweight="bold" if bold else "normal",
                gid=f"forest-estimate-{r.kind}",
                **txt,
            )
        if w_t:
            ax.text(
                0,
                y,
                w_t,
                transform=x_weight,
                ha="right",
                fontweight="bold" if bold else "normal",
                gid=f"forest-weight-{r.kind}",
                **txt,
            )
        if r.kind == "study":
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
                arrows_left.append(y)
            if r.hi > x1 and r.lo < x1:
                arrows_right.append(y)
            if x0 <= r.est <= x1:
                sq_x.append(r.est)
                sq_y.append(y)
                # area proportional to weight; a floor keeps tiny weights visible
                sq_s.append(max(max_side**2 * r.weight / wmax, 9.0))
        elif r.kind in ("subtotal", "overall"):
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
        elif r.kind == "pi":
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
                arrows_left.append(y)
            if r.hi > x1:
                arrows_right.append(y)
    if sq_x:
        ax.scatter(
            sq_x,
            sq_y,
            s=sq_s,
            marker="s",
            color=COLORS["study"],
            edgecolor="none",
            zorder=4,
            gid="forest-studies",
        )
    for ys, xe, mk, gid in (
        (arrows_left, x0, "<", "forest-arrow-left"),
        (arrows_right, x1, ">", "forest-arrow-right"),
    ):
        if ys:
            ax.plot(
                [xe] * len(ys),
                ys,
                ls="none",
                marker=mk,
                markersize=size * 0.55,
                color=COLORS["whisker"],
                clip_on=False,
                gid=gid,
                zorder=4,
            )

    # rule above the pooled rows, line of no effect
    overall_y = next(y for y, r in enumerate(rows, start=1) if r.kind == "overall")
    rule(overall_y - 0.5, lw=0.6)
    ax.plot(
        [null, null],
        [0.5, last_model + 0.5],
        color=COLORS["null"],
        lw=0.9,
        zorder=1,
        gid="forest-null",
    )

    # --- axes, ticks, favours, x label, footer --------------------------------------
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_visible(True)
    ax.spines["bottom"].set_bounds(*xlim)
    ax.set_yticks([])
    ax.tick_params(axis="x", labelsize=small, length=4)
    if transform is not None:
        from matplotlib.ticker import FixedLocator, FuncFormatter

        if transform in (np.exp, math.exp):
            ax.xaxis.set_major_locator(FixedLocator(_nice_ratio_ticks(*xlim)))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{float(tfun(v)):g}"))
    else:
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=6, steps=_STEPS))
        ax.xaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos: f"{v:g}".replace("-", fmt.MINUS))
        )
    ax.set_xlim(*xlim)
    ax.patch.set_visible(False)

    def below(dy_lines: float, dx_in: float = 0.0):
        return ax.transAxes + transforms.ScaledTranslation(
            dx_in, -dy_lines * line_in, fig.dpi_scale_trans
        )

    null_frac = (null - x0) / (x1 - x0)
    left_fav, right_fav = favours
    if left_fav:
        ax.text(
            null_frac,
            0,
            "← " + left_fav,
            transform=below(1.75, -0.05),
            ha="right",
            va="top",
            fontsize=small,
            clip_on=False,
            gid="forest-favours-left",
        )
    if right_fav:
        ax.text(
            null_frac,
            0,
            right_fav + " →",
            transform=below(1.75, 0.05),
            ha="left",
            va="top",
            fontsize=small,
            clip_on=False,
            gid="forest-favours-right",
        )
    ax.text(
        0.5,
        0,
        xlabel or text("plots.effect_size"),
        transform=below(3.0),
        ha="center",
        va="top",
        fontsize=size,
        clip_on=False,
        gid="forest-xlabel",
    )
    for i, line in enumerate(footer):
        ax.text(
            0,
            0,
            line,
            transform=below(bottom_stack + i, -left_in),
            ha="left",
            va="top",
            fontsize=small,
            clip_on=False,
            gid="forest-footer",
        )
    pi = ""
    if show_pi:
        pi = text(
            "plots.alt_forest_pi",
            low=fmt_num(tfun(result.pi_low), digits),
            high=fmt_num(tfun(result.pi_high), digits),
        )
    set_alt_text(
        ax.figure,
        text(
            "plots.alt_forest",
            title=f" ({title})" if title else "",
            k=k,
            level=level,
            estimate=fmt_num(tfun(result.estimate), digits),
            low=fmt_num(tfun(result.ci_low), digits),
            high=fmt_num(tfun(result.ci_high), digits),
            pi=pi,
        ),
    )
    return ax
