"""The layout of a forest plot, without drawing a pixel.

:func:`forest_layout` decides everything a forest plot shows: the rows (studies,
subgroup headings and subtotals, the pooled result, the prediction interval),
the text of every cell, the width of every column in inches (measured on the
glyph outlines), the footer lines, the x range and the figure size.
:func:`course_kit.meta.forest_plot` then only draws it, so the layout is tested
directly (``tests/test_forest_layout.py``) and the drawing steps stay small.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

import numpy as np

from course_kit import formatting as fmt
from course_kit._validation import as_float_array, check_choice
from course_kit.messages import text

__all__ = [
    "ForestLayout",
    "ForestOptions",
    "Row",
    "check_result",
    "forest_layout",
    "heterogeneity_text",
    "is_fixed",
    "nice_ratio_ticks",
    "overall_test_text",
]

_REQUIRED = ("estimate", "ci_low", "ci_high", "yi", "vi", "labels", "weights", "k", "level")
_REQUIRED += ("is_fixed",)

_SORTS = ("estimate", "weight", "precision")
_LABEL_MAX_IN = 3.0  # longest study label before it is shortened with an ellipsis
STEPS = [1, 2, 2.5, 5, 10]  # tick steps that read well (0.25, 0.5, 1, ...)
GAP_IN = 0.22  # space between two columns, inches
# round ratios for the ends of a log (ratio) axis
_NICE_RATIOS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1]
_NICE_RATIOS += [2, 5, 10, 20, 50, 100, 200, 500, 1000]


def check_result(result, name: str = "result"):
    missing = [a for a in _REQUIRED if not hasattr(result, a)]
    if missing:
        raise TypeError(
            f"{name} must be a MetaResult from course_kit.meta.meta_analysis "
            f"(got {type(result).__name__}, which lacks {', '.join(missing)})."
        )


def is_fixed(result) -> bool:
    """True for a common-effect (fixed-effect) fit (asks the result, as everywhere)."""
    return bool(result.is_fixed)


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
class Row:
    """One line of the forest table."""

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


def _build_rows(result, order, columns, groups, sub_fit, show_pi):
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
        return Row(
            "study", labels[i], yi[i], lo[i], hi[i], weights[i], [columns[c][i] for c in columns]
        )

    rows: list[Row] = []
    if groups is None:
        rows += [study_row(i) for i in order]
    else:
        for name, fit in sub_fit.subgroups.items():
            rows.append(Row("group", str(name)))
            members = [i for i in order if groups[i] == str(name)]
            rows += [study_row(i) for i in members]
            rows.append(
                Row(
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
                rows.append(Row("subhet", heterogeneity_text(fit, short=True)))
            rows.append(Row("blank"))
    model = (
        text("plots.model_common")
        if is_fixed(result)
        else text("plots.model_random", method=result.method)
    )
    rows.append(
        Row(
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
            Row("pi", text("plots.prediction_interval"), np.nan, result.pi_low, result.pi_high)
        )
    return rows


def nice_ratio_ticks(lo: float, hi: float) -> np.ndarray:
    """Tick positions (log scale) labelled with round ratios, always including 1."""
    steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
    ticks = [v for v in steps if lo - 1e-9 <= math.log(v) <= hi + 1e-9]
    if len(ticks) < 4:
        finer = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8]
        ticks = sorted({*ticks, *[v for v in finer if lo - 1e-9 <= math.log(v) <= hi + 1e-9]})
    return np.log(np.array(ticks, float))


@dataclass
class ForestLayout:
    """Everything a forest plot shows, decided before anything is drawn.

    Sizes are in points (``size``, ``small``) and inches (everything ending in
    ``_in``); row 0 is the header, the rows of :attr:`rows` are rows 1, 2, ...
    """

    rows: list
    label_texts: list
    est_texts: list
    weight_texts: list
    columns: dict
    est_header: str
    weight_header: str
    show_weights: bool
    footer: list
    size: float
    small: float
    line_in: float
    row_in: float
    w_label: float
    w_extra: list
    w_weight: float
    w_est: float
    left_in: float
    right_in: float
    top_in: float
    bottom_stack: float
    bottom_in: float
    xlim: tuple
    transform: object
    favours: tuple
    title: str | None
    xlabel: str
    alt_text: str = ""  # the figure in words, for screen readers (WCAG 2.1 AA)
    null: float = 0.0
    gap: float = GAP_IN
    figsize: tuple = field(default=(0.0, 0.0))
    axes_rect: tuple = field(default=(0.0, 0.0, 1.0, 1.0))

    @property
    def n_rows(self) -> int:
        """Rows of the table, the header included."""
        return len(self.rows) + 1

    def row_of(self, kind: str) -> int:
        """The table row (1 = first under the header) of the first row of ``kind``."""
        return next(y for y, r in enumerate(self.rows, start=1) if r.kind == kind)


def _order(result, sort):
    k = int(result.k)
    if sort is None:
        return list(range(k))
    if sort == "estimate":
        return list(np.argsort(np.asarray(result.yi, float), kind="stable"))
    if sort == "weight":
        return list(np.argsort(-np.asarray(result.weights, float), kind="stable"))
    return list(np.argsort(np.asarray(result.vi, float), kind="stable"))  # precision


def _cell_texts(rows, tfun, digits, show_weights, size):
    label_texts = [
        _shorten(r.label, size, _LABEL_MAX_IN) if r.kind == "study" else r.label for r in rows
    ]
    est_texts = []
    for r in rows:
        if r.kind in ("study", "subtotal", "overall"):
            est_texts.append(fmt.ci(tfun(r.est), tfun(r.lo), tfun(r.hi), digits))
        elif r.kind == "pi":
            est_texts.append(
                text(
                    "plots.interval",
                    low=fmt.number(tfun(r.lo), digits),
                    high=fmt.number(tfun(r.hi), digits),
                )
            )
        else:
            est_texts.append("")
    weight_texts = [
        text("plots.weight_value", weight=r.weight)
        if r.kind in ("study", "subtotal", "overall") and show_weights
        else ""
        for r in rows
    ]
    return label_texts, est_texts, weight_texts


def _widths(rows, label_texts, est_texts, weight_texts, cols, headers, show_weights, size):
    """Widths (inches) of the label column, the extra columns, the weights and the estimates."""
    est_header, weight_header = headers
    kinds = [r.kind for r in rows]
    w_label = max(
        _text_width_in(
            [t for k, t in zip(kinds, label_texts, strict=True) if k in ("study", "overall", "pi")],
            size,
        ),
        _text_width_in(
            [t for k, t in zip(kinds, label_texts, strict=True) if k in ("group", "subtotal")],
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
    bold_rows = [k in ("subtotal", "overall") for k in kinds]
    w_est = max(
        _text_width_in([t for t, b in zip(est_texts, bold_rows, strict=True) if not b], size),
        _text_width_in([t for t, b in zip(est_texts, bold_rows, strict=True) if b], size, "bold"),
        _text_width_in([est_header], size, "bold"),
    )
    return w_label, w_extra, w_weight, w_est


def _footer(result, sub_fit, notes) -> list[str]:
    k = int(result.k)
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
    return footer


def _x_limits(rows, transform, null: float = 0.0) -> tuple[float, float]:
    """The x range: every interval and the line of no effect, widened to round ticks."""
    vals = [r.lo for r in rows if np.isfinite(r.lo)] + [r.hi for r in rows if np.isfinite(r.hi)]
    lo_x, hi_x = min(min(vals), null), max(max(vals), null)
    pad = 0.05 * (hi_x - lo_x or 1.0)
    lo_x, hi_x = lo_x - pad, hi_x + pad
    if transform is None:
        from matplotlib.ticker import MaxNLocator

        ticks = MaxNLocator(nbins=6, steps=STEPS).tick_values(lo_x, hi_x)
        lo_x, hi_x = float(ticks[0]), float(ticks[-1])
    elif transform in (np.exp, math.exp):
        # widen to round ratios (e.g. 0.05 and 2) so the axis ends on a labelled tick
        nice = np.log(_NICE_RATIOS)
        lower, upper = nice[nice <= lo_x + pad], nice[nice >= hi_x - pad]
        lo_x = float(lower[-1]) if lower.size else lo_x
        hi_x = float(upper[0]) if upper.size else hi_x
    return lo_x, hi_x


def _check_options(sort, transform, favours, xlim):
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
    return tuple(favours), xlim


def _check_subgroups(result, sub_fit):
    """The subgroup of each study, from a SubgroupResult that matches ``result``."""
    if sub_fit is None:
        return None
    groups = [str(g) for g in sub_fit.groups]
    if len(groups) != int(result.k):
        raise ValueError(
            f"subgroups has {len(groups)} studies, but the meta-analysis has {int(result.k)}: "
            "fit both on the same studies."
        )
    return groups


@dataclass(frozen=True)
class ForestOptions:
    """The keywords of :func:`course_kit.meta.forest_plot` and their defaults (one list).

    :func:`forest_plot` and :func:`forest_layout` both take these keywords; what each
    one does is documented in :func:`~course_kit.meta.forest_plot`.
    """

    columns: object = None
    sort: str | None = None
    show_pi: bool = True
    show_weights: bool = True
    favours: tuple[str, str] | None = None
    transform: object = None
    xlim: tuple[float, float] | None = None
    title: str | None = None
    xlabel: str | None = None
    measure: str | None = None
    digits: int = 2
    fontsize: float | None = None
    notes: object = None

    @classmethod
    def from_keywords(cls, options: dict, caller: str) -> ForestOptions:
        """The options of a call of ``caller``; an unknown keyword is named in the error."""
        unknown = sorted(set(options) - {f.name for f in fields(cls)})
        if unknown:
            known = ", ".join(f.name for f in fields(cls))
            raise TypeError(
                f"{caller}() got an unexpected keyword argument {unknown[0]!r} "
                f"(its keywords: {known})."
            )
        return cls(**options)

    @classmethod
    def keyword_parameters(cls) -> list:
        """The keywords as ``inspect.Parameter`` objects (for the signature of forest_plot)."""
        import inspect

        kind = inspect.Parameter.KEYWORD_ONLY
        return [
            inspect.Parameter(f.name, kind, default=f.default, annotation=f.type)
            for f in fields(cls)
        ]


def forest_layout(result, *, subgroups=None, **options) -> ForestLayout:
    """Lay out the forest plot of ``result`` (see :func:`course_kit.meta.forest_plot`).

    Parameters
    ----------
    result : MetaResult
        The pooled fit of all studies.
    subgroups : SubgroupResult, optional
        Subgroup fits of the same studies (from :func:`course_kit.meta.subgroup_analysis`).
    **options
        The keywords of :func:`~course_kit.meta.forest_plot` (:class:`ForestOptions`):
        ``columns``, ``sort``, ``show_pi``, ``show_weights``, ``favours``,
        ``transform``, ``xlim``, ``title``, ``xlabel``, ``measure``, ``digits``,
        ``fontsize``, ``notes``.

    Returns
    -------
    ForestLayout

    Examples
    --------
    >>> from course_kit.meta import meta_analysis
    >>> res = meta_analysis([0.3, 0.5, 0.1], [0.04, 0.02, 0.05], labels=["A", "B", "C"])
    >>> layout = forest_layout(res)
    >>> [r.kind for r in layout.rows]
    ['study', 'study', 'study', 'overall', 'pi']
    >>> layout.est_texts[0]
    '0.30 [−0.09, 0.69]'
    """
    import matplotlib as mpl

    opts = ForestOptions.from_keywords(options, "forest_layout")
    check_result(result)
    favours, xlim = _check_options(opts.sort, opts.transform, opts.favours, opts.xlim)
    k = int(result.k)
    cols = _columns_table(opts.columns, k)
    groups = _check_subgroups(result, subgroups)
    transform, title, digits = opts.transform, opts.title, opts.digits
    show_weights = opts.show_weights
    show_pi = bool(
        opts.show_pi
        and not is_fixed(result)
        and k >= 3
        and np.isfinite(getattr(result, "pi_low", np.nan))
        and np.isfinite(getattr(result, "pi_high", np.nan))
    )
    rows = _build_rows(result, _order(result, opts.sort), cols, groups, subgroups, show_pi)

    size = opts.fontsize or min(float(mpl.rcParams["font.size"]), 11.0)
    small = size * 0.9
    line_in = size * 1.45 / 72  # one text line, in inches
    tfun = transform if transform is not None else (lambda x: x)
    level = round(float(result.level) * 100)
    label_texts, est_texts, weight_texts = _cell_texts(rows, tfun, digits, show_weights, size)
    measure = opts.measure or text("plots.estimate")
    est_header = text("plots.estimate_ci", measure=measure, level=level)
    weight_header = text("plots.weight")
    w_label, w_extra, w_weight, w_est = _widths(
        rows,
        label_texts,
        est_texts,
        weight_texts,
        cols,
        (est_header, weight_header),
        show_weights,
        size,
    )
    gap = GAP_IN
    left_in = w_label + sum(w + gap for w in w_extra) + gap
    right_in = gap + (w_weight + gap if show_weights else 0.0) + w_est
    footer = _footer(result, subgroups, opts.notes)
    w_footer = _text_width_in(footer, small)

    n_rows = len(rows) + 1  # + header row (row 0)
    row_in = size * 1.75 / 72
    top_in = 0.15 + (line_in * 1.6 if title else 0.0)
    bottom_stack = 1.7 + 1.25 + 1.25 + 0.6  # tick labels, favours, x label, gap (lines)
    bottom_in = line_in * (bottom_stack + len(footer)) + 0.12
    # the figure forest_plot makes when it is given no Axes
    plot_in = 3.0
    fig_w = 0.15 + max(left_in + plot_in + right_in, w_footer + 0.1) + 0.15
    fig_h = top_in + n_rows * row_in + bottom_in
    axes_rect = (
        (0.15 + left_in) / fig_w,
        bottom_in / fig_h,
        plot_in / fig_w,
        n_rows * row_in / fig_h,
    )
    pi = ""
    if show_pi:
        pi = text(
            "plots.alt_forest_pi",
            low=fmt.number(tfun(result.pi_low), digits),
            high=fmt.number(tfun(result.pi_high), digits),
        )
    alt_text = text(
        "plots.alt_forest",
        title=f" ({title})" if title else "",
        k=k,
        level=level,
        estimate=fmt.number(tfun(result.estimate), digits),
        low=fmt.number(tfun(result.ci_low), digits),
        high=fmt.number(tfun(result.ci_high), digits),
        pi=pi,
    )
    return ForestLayout(
        alt_text=alt_text,
        rows=rows,
        label_texts=label_texts,
        est_texts=est_texts,
        weight_texts=weight_texts,
        columns=cols,
        est_header=est_header,
        weight_header=weight_header,
        show_weights=show_weights,
        footer=footer,
        size=size,
        small=small,
        line_in=line_in,
        row_in=row_in,
        w_label=w_label,
        w_extra=w_extra,
        w_weight=w_weight,
        w_est=w_est,
        left_in=left_in,
        right_in=right_in,
        top_in=top_in,
        bottom_stack=bottom_stack,
        bottom_in=bottom_in,
        xlim=xlim if xlim is not None else _x_limits(rows, transform),
        transform=transform,
        favours=favours,
        title=title,
        xlabel=opts.xlabel or text("plots.effect_size"),
        figsize=(fig_w, fig_h),
        axes_rect=axes_rect,
    )
