"""Agreement between coders: intraclass correlations, Cohen's kappa, coder certification.

=========================  ===========================================================
:func:`icc`                the six Shrout & Fleiss (1979) ICCs with F tests and CIs
:func:`cohen_kappa`        Cohen's kappa, unweighted or weighted, on the 9-point scale
:func:`certify_coder`      does a trainee reach the agreement criterion against a
                           reference (master) coder? With a plain-language verdict
=========================  ===========================================================

The ICCs come from a two-way ANOVA computed here with numpy: statsmodels has no
ICC. The formulas (estimates, F tests and the F-based 95% confidence intervals,
including the Satterthwaite-type interval for absolute agreement) are those of
Shrout & Fleiss (1979) and McGraw & Wong (1996), the ones pingouin's
``intraclass_corr`` and R's ``psych::ICC`` use; ``tests/test_reliability.py``
checks them against both. Kappa comes from
``statsmodels.stats.inter_rater.cohens_kappa``.

Examples
--------
>>> from course_kit.reliability import icc
>>> wine = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
>>> icc(wine).to_frame()["icc"].round(2).tolist()
[0.17, 0.29, 0.71, 0.44, 0.62, 0.91]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from course_kit._result import Result, html_table, html_view
from course_kit._validation import as_float_array, check_choice, check_number, column_as_numbers
from course_kit.formatting import no_negative_zero
from course_kit.i18n import format_value

__all__ = ["CertificationResult", "ICCResult", "KappaResult", "certify_coder", "cohen_kappa", "icc"]

FORMS = ("ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k")
DEFAULT_CRITERION = {"icc": 0.70, "weighted_kappa": 0.60, "within_one": 0.80}
MIN_ITEMS = 5


# --- ICC ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ICCResult(Result):
    """The six Shrout & Fleiss intraclass correlations of one set of ratings.

    Attributes
    ----------
    n, k : int
        Number of targets (e.g. videos) and of raters.
    table : pandas.DataFrame
        One row per form (``ICC1`` .. ``ICC3k``) with ``description``, ``icc``, ``F``,
        ``df1``, ``df2``, ``pvalue``, ``ci_low``, ``ci_high``.
    mean_squares : dict
        ``MSR`` (targets), ``MSC`` (raters), ``MSE`` (residual), ``MSW`` (within targets).
    """

    n: int
    k: int
    table: object
    mean_squares: dict = field(repr=False)

    def __getitem__(self, form: str) -> float:
        """The ICC of one form, e.g. ``result["ICC2"]``."""
        check_choice(form, "form", FORMS)
        return float(self.table.loc[form, "icc"])

    def to_frame(self):
        """Tidy table of the six forms (a copy)."""
        return self.table.copy()

    def summary(self) -> str:
        from course_kit.messages import text

        t = self.table
        lines = [text("reliability.icc_title", n=self.n, k=self.k)]
        for form, row in t.iterrows():
            lines.append(
                text(
                    "results.icc_line",
                    form=form,
                    icc=row["icc"],
                    low=row["ci_low"],
                    high=row["ci_high"],
                    df1=row["df1"],
                    df2=row["df2"],
                    F=row["F"],
                    p=format_value(row["pvalue"], ".3g"),
                    description=row["description"],
                )
            )
        lines.append(text("reliability.icc_note", k=self.k))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        # all six ICC forms in a table, with a note on which one to report
        from course_kit.messages import text

        return html_view(
            "heading_table",
            title=text("reliability.icc_title", n=self.n, k=self.k),
            table_html=html_table(self.table, ".3f"),
            note=text("reliability.icc_note", k=self.k),
        )


def _wide_ratings(data, targets, raters, ratings) -> np.ndarray:
    """Ratings as a complete targets × raters array, from a tidy frame or a 2-D array."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        target_cols = [targets] if isinstance(targets, str) else list(targets)
        missing = [c for c in [*target_cols, raters, ratings] if c not in data.columns]
        if missing:
            raise ValueError(f"data has no column(s) {missing}; it has {list(data.columns)}.")
        # a coder's own spreadsheet: decimal commas are read, errors name the row
        values = column_as_numbers(data[ratings], "ratings")
        keys = data[[*target_cols, raters]]
        if keys.duplicated().any():
            raise ValueError(
                f"data has several ratings for the same target and rater ({target_cols} × "
                f"{raters!r}). If the data have pre- and post-test videos, use "
                "targets=['family', 'wave'] or select one wave."
            )
        frame = keys.assign(_y=values)
        wide = frame.pivot_table(
            index=target_cols, columns=raters, values="_y", aggfunc="first", observed=True
        )
        if wide.isna().any().any():
            n_bad = int(wide.isna().any(axis=1).sum())
            raise ValueError(
                f"data: {n_bad} target(s) were not rated by every rater; the ICC needs "
                "complete ratings (drop those targets first)."
            )
        y = wide.to_numpy(dtype=float)
    else:
        y = as_float_array(data, "data", ndim=2)
    if y.shape[0] < 2:
        raise ValueError(f"data must have at least 2 targets (got {y.shape[0]}).")
    if y.shape[1] < 2:
        raise ValueError(f"data must have at least 2 raters (got {y.shape[1]}).")
    return y


def _mean_squares(y: np.ndarray) -> dict:
    """Two-way ANOVA without replication (targets × raters): the four mean squares."""
    n, k = y.shape
    grand = y.mean()
    ss_total = ((y - grand) ** 2).sum()
    ss_rows = k * ((y.mean(axis=1) - grand) ** 2).sum()
    ss_cols = n * ((y.mean(axis=0) - grand) ** 2).sum()
    ss_error = max(ss_total - ss_rows - ss_cols, 0.0)
    return {
        "MSR": ss_rows / (n - 1),
        "MSC": ss_cols / (k - 1),
        "MSE": ss_error / ((n - 1) * (k - 1)),
        "MSW": (ss_total - ss_rows) / (n * (k - 1)),
    }


def _icc_table(y: np.ndarray, confidence: float = 0.95):
    import pandas as pd
    from scipy.stats import f as f_dist

    from course_kit.messages import text

    n, k = y.shape
    ms = _mean_squares(y)
    msr, msc, mse, msw = ms["MSR"], ms["MSC"], ms["MSE"], ms["MSW"]
    q = 1 - (1 - confidence) / 2
    df1, df_w, df_e = n - 1, n * (k - 1), (n - 1) * (k - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        icc1 = (msr - msw) / (msr + (k - 1) * msw)
        icc2 = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n)
        icc3 = (msr - mse) / (msr + (k - 1) * mse)
        f1 = msr / msw if msw > 0 else math.inf
        f3 = msr / mse if mse > 0 else math.inf
        # One-way and consistency forms: exact F intervals (Shrout & Fleiss 1979).
        # An infinite F (no error variance) gives the limit 1 for both bounds.
        f1_low = f1 / f_dist.ppf(q, df1, df_w)
        f1_high = f1 * f_dist.ppf(q, df_w, df1)
        f3_low = f3 / f_dist.ppf(q, df1, df_e)
        f3_high = f3 * f_dist.ppf(q, df_e, df1)

        def single(fv):
            return 1.0 if math.isinf(fv) else (fv - 1) / (fv + k - 1)

        def average(fv):
            return 1.0 if math.isinf(fv) else 1 - 1 / fv

        ci1 = (single(f1_low), single(f1_high))
        ci3 = (single(f3_low), single(f3_high))
        ci1k = (average(f1_low), average(f1_high))
        ci3k = (average(f3_low), average(f3_high))
        # Absolute agreement: approximate F with Satterthwaite degrees of freedom v
        # (McGraw & Wong 1996, case 2A), written without dividing by MSE so that the
        # limit MSE -> 0 (raters differ only by a constant) stays finite.
        a = n * (1 + (k - 1) * icc2) - k * icc2
        num = df_e * (k * icc2 * msc + a * mse) ** 2
        den = df1 * (k * icc2 * msc) ** 2 + (a * mse) ** 2
        if den == 0:  # identical ratings: perfect agreement
            ci2 = (1.0, 1.0)
        else:
            v = num / den
            f2_high = f_dist.ppf(q, df1, v)
            f2_low = f_dist.ppf(q, v, df1)
            c = k * msc + (k * n - k - n) * mse
            ci2 = (
                n * (msr - f2_high * mse) / (f2_high * c + n * msr),
                n * (f2_low * msr - mse) / (c + n * f2_low * msr),
            )
        ci2k = tuple(x * k / (1 + x * (k - 1)) for x in ci2)
    p1 = float(f_dist.sf(f1, df1, df_w))
    p3 = float(f_dist.sf(f3, df1, df_e))
    rows = {
        "ICC1": (icc1, f1, df1, df_w, p1, *ci1),
        "ICC2": (icc2, f3, df1, df_e, p3, *ci2),
        "ICC3": (icc3, f3, df1, df_e, p3, *ci3),
        "ICC1k": ((msr - msw) / msr, f1, df1, df_w, p1, *ci1k),
        "ICC2k": ((msr - mse) / (msr + (msc - mse) / n), f3, df1, df_e, p3, *ci2k),
        "ICC3k": ((msr - mse) / msr, f3, df1, df_e, p3, *ci3k),
    }
    table = pd.DataFrame.from_dict(
        rows,
        orient="index",
        columns=["icc", "F", "df1", "df2", "pvalue", "ci_low", "ci_high"],
    ).astype(float)
    table.insert(0, "description", [text(f"reliability.form.{f}") for f in FORMS])
    table.index.name = "form"
    return table, ms


def icc(data, targets="family", raters="coder", ratings="sensitivity", *, confidence=0.95):
    """Intraclass correlations in the six Shrout & Fleiss (1979) forms.

    Parameters
    ----------
    data : pandas.DataFrame or array_like
        A tidy frame with one row per target × rater, or a 2-D array with one row per
        target (e.g. video) and one column per rater. Every target needs a rating from
        every rater.
    targets : str or list of str, default "family"
        Column(s) naming the rated target. For a trial with pre- and post-test videos
        use ``["family", "wave"]``.
    raters, ratings : str, default "coder" and "sensitivity"
        Columns with the rater and the rating.
    confidence : float, default 0.95
        Level of the confidence intervals.

    Returns
    -------
    ICCResult
        ``ICC1`` (one-way random), ``ICC2`` (two-way random, absolute agreement),
        ``ICC3`` (two-way mixed, consistency), each for a single rater and (``...k``)
        for the mean of the ``k`` raters; with F, df1, df2, p and confidence limits.

    Raises
    ------
    ValueError
        Missing columns, incomplete ratings, fewer than 2 targets or raters, or all
        targets rated alike (no variance between targets).

    Examples
    --------
    >>> from course_kit.simulate import vipp_trial
    >>> df = vipp_trial(200, seed=1, icc=0.7)
    >>> res = icc(df, targets=["family", "wave"])
    >>> 0.6 < res["ICC2"] < 0.8
    True
    """
    confidence = check_number(confidence, "confidence", low=0, high=1, low_open=True)
    if confidence >= 1:
        raise ValueError(f"confidence must be below 1 (got {confidence}).")
    y = _wide_ratings(data, targets, raters, ratings)
    if np.ptp(y.mean(axis=1)) == 0:
        raise ValueError(
            "data: every target has the same mean rating, so the ICC is not defined "
            "(it needs differences between targets)."
        )
    table, ms = _icc_table(y, confidence)
    return ICCResult(n=y.shape[0], k=y.shape[1], table=table, mean_squares=ms)


# --- kappa ----------------------------------------------------------------------------


@dataclass(frozen=True)
class KappaResult(Result):
    """Cohen's kappa of two coders with a 95% confidence interval.

    Attributes
    ----------
    kappa, se, ci_low, ci_high : float
        Estimate, asymptotic standard error and normal-theory 95% interval (clipped to
        [-1, 1]), from statsmodels.
    weights : str or None
        ``None`` (unweighted), ``"linear"`` or ``"quadratic"``.
    n : int
        Number of items rated by both coders.
    table : numpy.ndarray
        The categories × categories table of counts (rows: first coder).
    """

    kappa: float
    se: float
    ci_low: float
    ci_high: float
    weights: str | None
    n: int
    table: np.ndarray = field(repr=False)

    def summary(self) -> str:
        from course_kit.messages import text

        kind = text(f"reliability.kappa_kind.{self.weights or 'none'}")
        return text(
            "reliability.kappa_summary",
            kind=kind,
            kappa=no_negative_zero(self.kappa),
            low=no_negative_zero(self.ci_low),
            high=no_negative_zero(self.ci_high),
            n=self.n,
        )

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "weights": self.weights or "none",
                    "kappa": self.kappa,
                    "se": self.se,
                    "ci_low": self.ci_low,
                    "ci_high": self.ci_high,
                    "n": self.n,
                }
            ]
        )


def _check_ratings(values, name, categories: np.ndarray) -> np.ndarray:
    arr = as_float_array(values, name)
    bad = ~np.isin(arr, categories)
    if bad.any():
        pos = np.flatnonzero(bad)[:5].tolist()
        raise ValueError(
            f"{name} must use the categories {categories.tolist()}; "
            f"value(s) {arr[bad][:5].tolist()} at position(s) {pos} are not among them."
        )
    return arr


def cohen_kappa(r1, r2, weights=None, categories=range(1, 10)) -> KappaResult:
    """Cohen's kappa for two coders, unweighted or weighted, with a 95% CI.

    Parameters
    ----------
    r1, r2 : array_like
        Ratings of the same items by two coders (same length).
    weights : {None, "linear", "quadratic"}
        Disagreement weights: ``|i − j| / (m − 1)`` (linear) or its square (quadratic),
        where ``m`` is the number of categories; ``None`` counts only exact agreement.
    categories : sequence of numbers, default 1 .. 9
        All categories of the scale, in order. Every category is in the table, even
        when nobody used it (this matters for the weights).

    Returns
    -------
    KappaResult

    Notes
    -----
    Computed with ``statsmodels.stats.inter_rater.cohens_kappa`` (``wt="linear"`` or
    ``"quadratic"``, equally spaced category scores). Its standard error is the
    large-sample one (Fleiss, Cohen & Everitt 1969); with few items the interval is rough.

    Examples
    --------
    >>> res = cohen_kappa([5, 6, 7, 3, 4, 8], [5, 7, 7, 2, 4, 8], weights="linear")
    >>> round(res.kappa, 3)
    0.846
    """
    from statsmodels.stats.inter_rater import cohens_kappa as sm_kappa

    check_choice(weights, "weights", (None, "linear", "quadratic"))
    cats = as_float_array(list(categories), "categories")
    if len(np.unique(cats)) != len(cats) or len(cats) < 2:
        raise ValueError("categories must hold at least 2 different values, each once.")
    a = _check_ratings(r1, "r1", cats)
    b = _check_ratings(r2, "r2", cats)
    if len(a) != len(b):
        raise ValueError(f"r1 and r2 must have the same length (got {len(a)} and {len(b)}).")
    if len(a) < 2:
        raise ValueError(f"r1 and r2 need at least 2 items (got {len(a)}).")
    m = len(cats)
    ia = np.searchsorted(np.sort(cats), a)
    ib = np.searchsorted(np.sort(cats), b)
    order = np.argsort(cats)
    rank = np.empty(m, dtype=int)
    rank[order] = np.arange(m)
    table = np.zeros((m, m))
    np.add.at(table, (rank[order][ia], rank[order][ib]), 1)
    with np.errstate(divide="ignore", invalid="ignore"):  # perfect agreement: SE 0
        res = sm_kappa(table, wt=weights, return_results=True)
    kappa = float(res.kappa) + 0.0  # no "-0.00"
    var_kappa = float(res.var_kappa)
    if not np.isfinite(kappa):
        raise ValueError(
            "r1 and r2: kappa is not defined when both coders use a single, identical "
            "category for every item."
        )
    # Rounding can leave a tiny negative variance when agreement is perfect.
    se = math.sqrt(max(var_kappa, 0.0))
    z = 1.959963984540054
    return KappaResult(
        kappa=kappa,
        se=se,
        ci_low=max(kappa - z * se, -1.0),
        ci_high=min(kappa + z * se, 1.0),
        weights=weights,
        n=len(a),
        table=table,
    )


# --- certification --------------------------------------------------------------------


@dataclass(frozen=True)
class CertificationResult(Result):
    """Agreement of a trainee coder with a reference coder, and the verdict.

    Attributes
    ----------
    passed : bool
        True when every criterion is met (``certified`` is the same).
    statistics : dict
        ``icc`` (ICC(2,1), absolute agreement), ``icc_ci`` (its 95% CI),
        ``weighted_kappa``, ``within_one`` and ``exact`` (proportions), ``mean_difference``
        (trainee − reference, scale points), ``n``.
    criterion : dict
        The thresholds used.
    failed : list of str
        Names of the criteria not met.
    verdict : str
        Plain-language verdict with what to practise.
    """

    passed: bool
    statistics: dict
    criterion: dict
    failed: list
    verdict: str

    @property
    def certified(self) -> bool:
        return self.passed

    def summary(self) -> str:
        from course_kit.messages import text

        s = self.statistics
        numbers = text(
            "reliability.certify_numbers",
            icc=no_negative_zero(s["icc"]),
            kappa=no_negative_zero(s["weighted_kappa"]),
            within_one=s["within_one"],
            exact=s["exact"],
            bias=round(s["mean_difference"], 1) + 0.0,  # no "-0.0"
        )
        return f"{self.verdict} {numbers}"

    def to_frame(self):
        import pandas as pd

        rows = []
        for name in ("icc", "weighted_kappa", "within_one", "exact", "mean_difference"):
            needed = self.criterion.get(name)
            rows.append(
                {
                    "statistic": name,
                    "value": self.statistics[name],
                    "criterion": np.nan if needed is None else needed,
                    "met": None if needed is None else name not in self.failed,
                }
            )
        return pd.DataFrame(rows)

    def _repr_html_(self) -> str:
        # passed or not at a glance, then the criterion per coder
        colour = "#1b7837" if self.passed else "#b2182b"
        table = html_table(self.to_frame(), ".2f", index=False)
        return html_view("verdict_table", verdict=self.verdict, colour=colour, table_html=table)


def _check_criterion(criterion) -> dict:
    if criterion is None:
        return dict(DEFAULT_CRITERION)
    if not isinstance(criterion, dict) or not criterion:
        raise TypeError(
            "criterion must be a dict with one or more of "
            f"{list(DEFAULT_CRITERION)}, e.g. {{'icc': 0.7}} (got {criterion!r})."
        )
    out = {}
    for key, value in criterion.items():
        check_choice(key, "criterion key", list(DEFAULT_CRITERION))
        out[key] = check_number(value, f"criterion[{key!r}]", low=-1, high=1)
    return out


def certify_coder(
    ratings,
    reference,
    criterion: dict | None = None,
    *,
    kappa_weights: str = "linear",
    categories=range(1, 10),
) -> CertificationResult:
    """Does a trainee coder agree well enough with the reference (master) coder?

    Parameters
    ----------
    ratings, reference : array_like
        The trainee's and the reference coder's ratings of the same videos, in the
        same order (at least 5 videos), on the scale given by ``categories``.
    criterion : dict, optional
        Thresholds that must all be met. Keys: ``"icc"`` (ICC(2,1): two-way, absolute
        agreement, single rater), ``"weighted_kappa"`` and ``"within_one"`` (share of
        ratings at most one point from the reference). Default
        ``{"icc": 0.70, "weighted_kappa": 0.60, "within_one": 0.80}``: the course's
        teaching criterion, not a published standard.
    kappa_weights : {"linear", "quadratic"}, default "linear"
        Weights of the kappa.
    categories : sequence of int, default 1 .. 9
        The points of the scale.

    Returns
    -------
    CertificationResult
        With ``passed``, the statistics and a plain-language ``verdict`` that says
        what to practise.

    Examples
    --------
    >>> ok = certify_coder([8, 2, 5, 7, 3, 6], [8, 2, 5, 7, 3, 6])
    >>> ok.passed
    True
    >>> lenient = certify_coder([9, 4, 7, 9, 5, 8], [8, 2, 5, 7, 3, 6])
    >>> lenient.passed, lenient.failed
    (False, ['weighted_kappa', 'within_one'])
    """
    from course_kit.messages import text

    crit = _check_criterion(criterion)
    check_choice(kappa_weights, "kappa_weights", ("linear", "quadratic"))
    cats = as_float_array(list(categories), "categories")
    x = _check_ratings(ratings, "ratings", cats)
    ref = _check_ratings(reference, "reference", cats)
    if len(x) != len(ref):
        raise ValueError(
            f"ratings and reference must have the same length (got {len(x)} and {len(ref)})."
        )
    if len(x) < MIN_ITEMS:
        raise ValueError(f"ratings: at least {MIN_ITEMS} videos are needed (got {len(x)}).")
    if np.ptp(ref) == 0:
        raise ValueError("reference must contain different ratings (all videos rated alike).")

    icc_res = icc(np.column_stack([x, ref]))
    diff = x - ref
    kappa = cohen_kappa(x, ref, weights=kappa_weights, categories=categories)
    stats = {
        "icc": icc_res["ICC2"],
        "icc_ci": (
            float(icc_res.table.loc["ICC2", "ci_low"]),
            float(icc_res.table.loc["ICC2", "ci_high"]),
        ),
        "weighted_kappa": kappa.kappa,
        "within_one": float(np.mean(np.abs(diff) <= 1)),
        "exact": float(np.mean(diff == 0)),
        "mean_difference": float(diff.mean()),
        "n": len(x),
    }
    failed = [name for name, needed in crit.items() if stats[name] < needed]
    passed = not failed
    if passed:
        parts = [text("reliability.certified", n=len(x))]
    else:
        labels = [
            text(
                f"reliability.criterion.{name}",
                value=no_negative_zero(stats[name]),
                needed=crit[name],
            )
            for name in failed
        ]
        parts = [text("reliability.not_certified", failed="; ".join(labels))]
        bias = stats["mean_difference"]
        if bias >= 0.5:
            parts.append(text("reliability.advice.too_high", diff=bias))
        elif bias <= -0.5:
            parts.append(text("reliability.advice.too_low", diff=-bias))
        # Consistency (ICC(3,1)) ignores a constant shift: low means the ordering is off.
        if icc_res["ICC3"] < crit.get("icc", DEFAULT_CRITERION["icc"]):
            parts.append(text("reliability.advice.order"))
        far = np.flatnonzero(np.abs(diff) > 1) + 1
        if far.size:
            parts.append(text("reliability.advice.far", items=", ".join(map(str, far))))
    if len(x) < 10:
        parts.append(text("reliability.advice.small_sample", n=len(x)))
    return CertificationResult(
        passed=passed,
        statistics=stats,
        criterion=crit,
        failed=failed,
        verdict=" ".join(parts),
    )
