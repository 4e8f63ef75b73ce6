"""Meta-regression and subgroup analysis.

:func:`meta_regression` agrees with metafor 3.8-1 ``rma(yi, vi, mods = ~ ...)`` to 1e-6
(coefficients, SEs, tests, CIs, τ², QM, QE, R², I², H²) for every τ² method and
both tests on ``dat.bcg`` with latitude and year as moderators.
:func:`subgroup_analysis` agrees with separate ``rma()`` fits per subgroup followed by
``rma(estimates, sei = se, method = "FE")`` for the test of subgroup differences.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from course_kit._result import Result, html_table, html_view
from course_kit._validation import as_float_array, column_as_numbers
from course_kit.formatting import p_metafor
from course_kit.i18n import format_value
from course_kit.messages import text
from course_kit.meta import _core
from course_kit.meta._estimators import ESTIMATORS, FIXED_METHODS
from course_kit.meta._model import (
    MetaResult,
    check_k,
    check_labels,
    check_method_test,
    fit_arrays,
    method_name,
    resolve_inputs,
)

__all__ = ["MetaRegressionResult", "SubgroupResult", "meta_regression", "subgroup_analysis"]


@dataclass(repr=False)
class MetaRegressionResult(Result):
    """The result of :func:`meta_regression`.

    Attributes
    ----------
    params, bse, statistic, pvalues, ci_low, ci_high : pandas.Series
        Coefficients (first ``"intercept"``), standard errors, z (or t) statistics,
        two-sided p-values and confidence limits, indexed by term.
    cov : pandas.DataFrame
        Covariance matrix of the coefficients.
    tau2 : float
        Residual between-study variance (0 for FE).
    i2, h2 : float
        Residual I² (percent) and H².
    qm, qm_df, qm_pvalue : float
        Omnibus test of the moderators: Wald χ²(m), or F(m, k − p) with ``test="knha"``.
    qe, qe_df, qe_pvalue : float
        Test for residual heterogeneity.
    r2 : float
        Percent of heterogeneity explained (see Notes of :func:`meta_regression`).
    k : int
    method, test : str
    level : float
    df : int or None
        Denominator degrees of freedom with ``test="knha"``.

    Examples
    --------
    >>> res = meta_regression([0.8, 0.5, 0.4, 0.2, 0.1], [0.05] * 5, mods=[1, 2, 3, 4, 5])
    >>> res.to_frame()["term"].tolist()
    ['intercept', 'x1']
    """

    params: object
    bse: object
    statistic: object
    pvalues: object
    ci_low: object
    ci_high: object
    cov: object
    tau2: float
    i2: float
    h2: float
    qm: float
    qm_df: int
    qm_pvalue: float
    qe: float
    qe_df: int
    qe_pvalue: float
    r2: float
    k: int
    method: str
    test: str
    level: float
    df: int | None

    @property
    def tau(self) -> float:
        return float(np.sqrt(self.tau2))

    def __repr__(self) -> str:
        terms = ", ".join(f"{n}={v:.4g}" for n, v in self.params.items())
        return (
            f"MetaRegressionResult(method={self.method!r}, test={self.test!r}, k={self.k}, "
            f"{terms}, tau2={self.tau2:.4g}, r2={self.r2:.1f})"
        )

    def to_frame(self):
        """Coefficient table: term, estimate, se, statistic, pvalue, ci_low, ci_high."""
        import pandas as pd

        return pd.DataFrame(
            {
                "term": list(self.params.index),
                "estimate": self.params.to_numpy(),
                "se": self.bse.to_numpy(),
                "statistic": self.statistic.to_numpy(),
                "pvalue": self.pvalues.to_numpy(),
                "ci_low": self.ci_low.to_numpy(),
                "ci_high": self.ci_high.to_numpy(),
            }
        )

    def summary(self) -> str:
        """A text summary laid out like metafor's ``print(rma(..., mods = ...))``."""
        fixed = self.method in FIXED_METHODS
        lines = []
        if fixed:
            lines.append(text("meta.summary_title_fixed", k=self.k))
        else:
            lines.append(
                text("meta.summary_title_mixed", k=self.k, method=method_name(self.method))
            )
            lines.append("")
            lines.append(text("meta.summary_tau2", value=format_value(self.tau2, ".4f")))
            lines.append(text("meta.summary_tau", value=format_value(self.tau, ".4f")))
            lines.append(text("meta.summary_i2", value=format_value(self.i2, ".2f")))
            lines.append(text("meta.summary_h2", value=format_value(self.h2, ".2f")))
        lines.append(text("meta.summary_r2", value=format_value(self.r2, ".2f")))
        lines.append("")
        lines.append(
            text(
                "meta.summary_qe",
                df=self.qe_df,
                q=format_value(self.qe, ".4f"),
                p=p_metafor(self.qe_pvalue),
            )
        )
        if self.test == "knha":
            stat = f"F(df1 = {self.qm_df}, df2 = {self.df}) = {format_value(self.qm, '.4f')}"
        else:
            stat = f"QM(df = {self.qm_df}) = {format_value(self.qm, '.4f')}"
        lines.append(text("meta.summary_qm", stat=stat, p=p_metafor(self.qm_pvalue)))
        lines.append("")
        lines.append(text("meta.summary_model", level=format_value(100 * self.level, "g")))
        name = "tval" if self.test == "knha" else "zval"
        width = max(9, *(len(t) for t in self.params.index))
        lines.append(
            f"{'':<{width}} {'estimate':>9} {'se':>8} {name:>8} {'pval':>8} {'ci.lb':>8} {'ci.ub':>8}"
        )
        for term in self.params.index:
            lines.append(
                f"{term:<{width}} {format_value(self.params[term], '>9.4f')} "
                f"{format_value(self.bse[term], '>8.4f')} {format_value(self.statistic[term], '>8.4f')} "
                f"{p_metafor(self.pvalues[term]):>8} {format_value(self.ci_low[term], '>8.4f')} "
                f"{format_value(self.ci_high[term], '>8.4f')}"
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        # the coefficient table under a one-line caption (the base shows the summary only)
        caption = text(
            "results.regression_caption",
            k=self.k,
            method=self.method,
            test=self.test,
            tau2=self.tau2,
            r2=self.r2,
            qm=self.qm,
            p=p_metafor(self.qm_pvalue),
        )
        table = html_table(self.to_frame(), ".4g", index=False)
        return html_view("note_box", note=caption, body_html=table)


def _design(mods, data, k):
    """Return (moderator matrix, names) from an array, Series, DataFrame or column names."""
    if data is not None and (
        isinstance(mods, str)
        or (isinstance(mods, list | tuple) and all(isinstance(m, str) for m in mods))
    ):
        cols = [mods] if isinstance(mods, str) else list(mods)
        missing = [c for c in cols if c not in data]
        if missing:
            raise ValueError(f"mods: column(s) {missing} not in data.")
        mods = data[cols]
    if hasattr(mods, "columns"):  # DataFrame: errors name the column and the row
        names = [str(c) for c in mods.columns]
        cols = [column_as_numbers(mods.iloc[:, j], "mods") for j in range(mods.shape[1])]
        values = as_float_array(np.column_stack(cols) if cols else mods.to_numpy(), "mods", ndim=2)
    elif hasattr(mods, "to_numpy"):  # Series
        names = [str(mods.name) if mods.name is not None else "x1"]
        if mods.name is not None:
            mods = column_as_numbers(mods, "mods")
        values = as_float_array(np.asarray(mods), "mods").reshape(-1, 1)
    else:
        if isinstance(mods, str):
            raise TypeError("mods must be numbers (or column names together with data=).")
        arr = np.asarray(mods)
        ndim = 2 if arr.ndim == 2 else 1
        values = as_float_array(mods, "mods", ndim=ndim)
        if values.ndim == 1:
            values = values.reshape(-1, 1)
        names = [f"x{j}" for j in range(1, values.shape[1] + 1)]
    if values.shape[0] != k:
        raise ValueError(f"mods has {values.shape[0]} rows but there are {k} studies.")
    if "intercept" in names:
        raise ValueError("mods must not contain a column named 'intercept' (it is added).")
    X = np.column_stack([np.ones(k), values])
    if np.linalg.matrix_rank(X) < X.shape[1]:
        raise ValueError(
            "mods: the moderators are collinear (or constant), so their effects cannot be separated."
        )
    return X, ["intercept", *names]


def meta_regression(
    yi,
    vi=None,
    mods=None,
    *,
    method: str = "REML",
    test: str = "z",
    level: float = 0.95,
    data=None,
) -> MetaRegressionResult:
    """Mixed-effects meta-regression of effect sizes on study-level moderators.

    Parameters
    ----------
    yi, vi : array_like or str
        Effect sizes and sampling variances (column names with ``data``).
    mods : array_like, pandas.Series/DataFrame, or str / list of str
        Moderators (k values, or k × m); column names when ``data`` is given.
        An intercept is always added.
    method : str, default "REML"
        τ² estimator, as in :func:`meta_analysis`; "FE" fits a fixed-effects model.
    test : {"z", "knha"}, default "z"
        With "knha", t tests with k − p df and an F test for the moderators.
    level : float, default 0.95
    data : pandas.DataFrame, optional

    Returns
    -------
    MetaRegressionResult

    Notes
    -----
    R² follows metafor: for random-effects methods
    ``max(0, 100·(τ²_RE − τ²_ME)/τ²_RE)`` with τ²_RE from an intercept-only fit with the
    same method (0 when τ²_RE = 0); for FE the adjusted R² of the weighted regression.
    Agrees with metafor 3.8-1 to 1e-6.

    Examples
    --------
    >>> import numpy as np
    >>> yi = np.array([0.1, 0.3, 0.35, 0.6, 0.7])
    >>> vi = np.array([0.02, 0.03, 0.02, 0.04, 0.03])
    >>> res = meta_regression(yi, vi, mods=[1, 2, 3, 4, 5])
    >>> list(res.params.index)
    ['intercept', 'x1']
    """
    import pandas as pd

    method, test, level = check_method_test(method, test, level)
    if mods is None:
        raise TypeError("mods is required: give the moderator values (or column names with data=).")
    yi, vi, _ = resolve_inputs(yi, vi, data)
    k = len(yi)
    X, names = _design(mods, data, k)
    p = X.shape[1]
    check_k(k, p, method, test)
    f = _core.fit(yi, vi, X, method, test, level)
    # omnibus Wald test of all coefficients except the intercept
    b = f["beta"][1:]
    vb = f["vb"][1:, 1:]
    m = p - 1
    if np.all(np.diag(vb) == 0):
        # knha with no residual variation (SEs of 0): the Wald statistic's limit
        qm = 0.0 if np.all(b == 0) else np.inf
    else:
        qm = float(b @ np.linalg.solve(vb, b))
    if test == "knha":
        qm /= m
        qm_p = float(special.fdtrc(m, k - p, qm))
    else:
        qm_p = float(special.chdtrc(m, qm))
    r2 = _r_squared(yi, vi, method, f)
    idx = pd.Index(names)
    return MetaRegressionResult(
        params=pd.Series(f["beta"], index=idx, name="estimate"),
        bse=pd.Series(f["se"], index=idx, name="se"),
        statistic=pd.Series(f["stat"], index=idx, name="statistic"),
        pvalues=pd.Series(f["pvalue"], index=idx, name="pvalue"),
        ci_low=pd.Series(f["ci_low"], index=idx, name="ci_low"),
        ci_high=pd.Series(f["ci_high"], index=idx, name="ci_high"),
        cov=pd.DataFrame(f["vb"], index=idx, columns=idx),
        tau2=f["tau2"],
        i2=f["i2"],
        h2=f["h2"],
        qm=qm,
        qm_df=m,
        qm_pvalue=qm_p,
        qe=f["q"],
        qe_df=k - p,
        qe_pvalue=f["q_pvalue"],
        r2=r2,
        k=k,
        method=method,
        test=test,
        level=level,
        df=f["df"],
    )


def _r_squared(yi, vi, method, f) -> float:
    k, p = len(yi), len(f["beta"])
    X0 = np.ones((k, 1))
    if method in FIXED_METHODS:
        # metafor: adjusted R² of the weighted least-squares regression
        q0 = _core.heterogeneity(yi, vi, X0, 0.0, True)[0]
        if q0 <= 0:
            return 0.0
        return max(0.0, 100.0 * (1.0 - (f["q"] / (k - p)) / (q0 / (k - 1))))
    tau2_re = ESTIMATORS[method](yi, vi, X0)
    if tau2_re <= 0:
        return 0.0
    return max(0.0, 100.0 * (tau2_re - f["tau2"]) / tau2_re)


# --- subgroups ---------------------------------------------------------------------


@dataclass(repr=False)
class SubgroupResult(Result):
    """The result of :func:`subgroup_analysis`.

    Attributes
    ----------
    subgroups : dict of str to MetaResult
        One fit per subgroup, in order of first appearance.
    overall : MetaResult
        The fit of all studies together.
    q_between, q_between_df, q_between_pvalue : float
        Test for subgroup differences: Cochran's Q of a fixed-effect meta-analysis of
        the subgroup estimates (with their squared SEs as variances).
    groups : list of str
        The subgroup of each study.
    method, test : str
    level : float

    Examples
    --------
    >>> res = subgroup_analysis([0.8, 0.5, 0.4, 0.2], [0.05] * 4, ["a", "a", "b", "b"])
    >>> res.to_frame()["subgroup"].tolist()
    ['a', 'b', 'Overall']
    """

    subgroups: dict
    overall: MetaResult
    q_between: float
    q_between_df: int
    q_between_pvalue: float
    groups: list
    method: str
    test: str
    level: float

    def __repr__(self) -> str:
        return (
            f"SubgroupResult({len(self.subgroups)} subgroups, method={self.method!r}, "
            f"q_between={self.q_between:.3f}, p={self.q_between_pvalue:.3g})"
        )

    def to_frame(self):
        """One row per subgroup plus an "Overall" row."""
        import pandas as pd

        rows = []
        overall = text("results.subgroup_overall")
        for name, r in [*self.subgroups.items(), (overall, self.overall)]:
            rows.append(
                {
                    "subgroup": name,
                    "k": r.k,
                    "estimate": r.estimate,
                    "se": r.se,
                    "ci_low": r.ci_low,
                    "ci_high": r.ci_high,
                    "pvalue": r.pvalue,
                    "tau2": r.tau2,
                    "i2": r.i2,
                    "q": r.q,
                }
            )
        return pd.DataFrame(rows)

    def summary(self) -> str:
        k = sum(r.k for r in self.subgroups.values())
        lines = [
            text(
                "meta.summary_subgroups",
                k=k,
                m=len(self.subgroups),
                method=method_name(self.method),
            ),
            "",
            self.to_frame().to_string(index=False, float_format=lambda v: format_value(v, ".4f")),
            "",
            text(
                "meta.summary_between",
                df=self.q_between_df,
                q=format_value(self.q_between, ".4f"),
                p=p_metafor(self.q_between_pvalue),
            ),
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        # the subgroup table, then the test of subgroup differences below it
        note = text(
            "results.subgroup_note",
            df=self.q_between_df,
            q=self.q_between,
            p=p_metafor(self.q_between_pvalue),
        )
        table = html_table(self.to_frame(), ".4g", index=False)
        return html_view("note_box", note=note, body_html=table, note_first=False)


def subgroup_analysis(
    yi,
    vi=None,
    groups=None,
    *,
    method: str = "REML",
    test: str = "z",
    level: float = 0.95,
    labels=None,
    data=None,
) -> SubgroupResult:
    """Separate meta-analyses per subgroup and a test for subgroup differences.

    Each subgroup gets its own fit (its own τ²), as in separate ``rma()`` calls in
    metafor; the test for differences is Cochran's Q of a fixed-effect meta-analysis
    of the subgroup estimates, ``rma(estimates, sei = se, method = "FE")``.
    A subgroup with a single study is fitted with FE (τ² cannot be estimated from one
    study).

    Parameters
    ----------
    yi, vi : array_like or str
    groups : array_like or str
        Subgroup of each study (a column name with ``data``).
    method, test, level, labels, data
        As in :func:`meta_analysis`.

    Returns
    -------
    SubgroupResult

    Examples
    --------
    >>> res = subgroup_analysis(
    ...     [0.1, 0.2, 0.15, 0.6, 0.5, 0.7], [0.02] * 6, ["a", "a", "a", "b", "b", "b"]
    ... )
    >>> list(res.subgroups)
    ['a', 'b']
    """
    method, test, level = check_method_test(method, test, level)
    if data is not None and isinstance(groups, str):
        if groups not in data:
            raise ValueError(f"groups: column {groups!r} is not in data.")
        groups = data[groups]
    yi, vi, labels = resolve_inputs(yi, vi, data, labels)
    k = len(yi)
    if groups is None:
        raise TypeError("groups is required: one subgroup name per study.")
    if isinstance(groups, str):
        raise TypeError("groups must be one subgroup name per study, not a single string.")
    groups = [str(g) for g in groups]
    if len(groups) != k:
        raise ValueError(f"groups has {len(groups)} entries but there are {k} studies.")
    order = list(dict.fromkeys(groups))
    if len(order) < 2:
        raise ValueError("groups: at least two different subgroups are needed.")
    check_k(k, 1, method, test)
    labels = check_labels(labels, k)
    g = np.array(groups, dtype=object)
    subgroups = {}
    for name in order:
        sel = g == name
        m = method if sel.sum() > 1 else "FE"
        t = test if sel.sum() > 1 else "z"
        subgroups[name] = fit_arrays(
            yi[sel], vi[sel], [lab for lab, s in zip(labels, sel, strict=True) if s], m, t, level
        )
    est = np.array([r.estimate for r in subgroups.values()])
    var = np.array([r.se**2 for r in subgroups.values()])
    if np.any(var <= 0):
        raise ValueError(
            "test='knha' gives a subgroup a standard error of 0 (its studies all have the "
            "same effect), so subgroups cannot be compared; use test='z'."
        )
    between = _core.heterogeneity(est, var, np.ones((len(est), 1)), 0.0, True)
    overall = fit_arrays(yi, vi, labels, method, test, level)
    return SubgroupResult(
        subgroups=subgroups,
        overall=overall,
        q_between=between[0],
        q_between_df=len(est) - 1,
        q_between_pvalue=between[1],
        groups=groups,
        method=method,
        test=test,
        level=level,
    )
