"""Small-study effects ("publication bias"): Egger's test, Begg's rank test, trim-and-fill.

Agrees with metafor 3.8-1 to 1e-6 on ``dat.bcg``, ``dat.normand1999`` and
``dat.molloy2014``: :func:`egger_test` with ``regtest(model = "lm")``,
:func:`rank_correlation_test` with ``ranktest()`` (exact and tied cases) and
:func:`trim_and_fill` with ``trimfill()`` (L0 and R0; FE, DL, REML and PM fits).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from course_kit._result import Result, html_view
from course_kit.formatting import p_metafor
from course_kit.messages import text
from course_kit.meta import _core
from course_kit.meta._model import MetaResult, fit_arrays, resolve_inputs

__all__ = [
    "EggerResult",
    "RankTestResult",
    "TrimFillResult",
    "egger_test",
    "rank_correlation_test",
    "trim_and_fill",
]


def _inputs(yi, vi, minimum: int, what: str):
    if isinstance(yi, MetaResult) and vi is None:
        yi, vi = yi.yi, yi.vi
    yi, vi, _ = resolve_inputs(yi, vi, None)
    if len(yi) < minimum:
        raise ValueError(f"yi: {what} needs at least {minimum} studies (got {len(yi)}).")
    return yi, vi


# --- Egger ---------------------------------------------------------------------------


@dataclass(frozen=True)
class EggerResult(Result):
    """Classic Egger regression test (metafor ``regtest(model = "lm")``).

    The weighted regression ``yi = intercept + slope·sei`` (weights 1/vi, residual
    variance estimated). ``slope`` measures funnel asymmetry (it equals the intercept
    of Egger's original regression of yi/sei on 1/sei); ``intercept`` is the effect
    expected in a study with SE → 0 (the "limit estimate").

    Attributes
    ----------
    statistic : float
        t statistic of the slope.
    pvalue : float
        Two-sided p-value, t with ``df = k − 2``.
    df : int
    intercept, intercept_se, slope, slope_se : float

    Examples
    --------
    >>> res = egger_test([0.8, 0.5, 0.4, 0.2, 0.1], [0.09, 0.05, 0.03, 0.01, 0.005])
    >>> res.to_frame()["df"].tolist()
    [3]
    """

    statistic: float
    pvalue: float
    df: int
    intercept: float
    intercept_se: float
    slope: float
    slope_se: float

    def to_frame(self):
        """One row: statistic, pvalue, df, intercept, intercept_se, slope, slope_se."""
        import pandas as pd

        return pd.DataFrame([dataclasses.asdict(self)])

    def summary(self) -> str:
        """The test and the limit estimate, in words."""
        return "\n".join(
            [
                text("results.egger_title"),
                text("results.egger_line", t=self.statistic, df=self.df, p=p_metafor(self.pvalue)),
                text("results.egger_limit", estimate=self.intercept, se=self.intercept_se),
            ]
        )


def egger_test(yi, vi=None) -> EggerResult:
    """Egger's regression test for funnel-plot asymmetry (classic version).

    Parameters
    ----------
    yi, vi : array_like
        Effect sizes and sampling variances; or a :class:`MetaResult` as ``yi``.

    Returns
    -------
    EggerResult

    Notes
    -----
    This is metafor's ``regtest(model = "lm")`` (weighted least squares with a
    multiplicative dispersion term), not metafor's default ``model = "rma"``.
    Computed directly (two-column WLS) to avoid importing statsmodels.

    Examples
    --------
    >>> res = egger_test([0.8, 0.5, 0.4, 0.2, 0.1], [0.09, 0.05, 0.03, 0.01, 0.005])
    >>> res.df
    3
    """
    yi, vi = _inputs(yi, vi, 3, "Egger's test")
    k = len(yi)
    sei = np.sqrt(vi)
    if np.ptp(sei) == 0:
        raise ValueError("vi: Egger's test needs studies with different sampling variances.")
    X = np.column_stack([np.ones(k), sei])
    w = 1.0 / vi
    XtW = X.T * w
    A = np.linalg.inv(XtW @ X)
    beta = A @ (XtW @ yi)
    r = yi - X @ beta
    rss = float(np.sum(w * r * r))
    s2 = rss / (k - 2)
    if np.ptp(yi) == 0 or rss <= 1e-24 * float(np.sum(w * yi * yi)):
        raise ValueError(
            "yi: the effect sizes lie exactly on a line in their standard errors "
            "(e.g. all equal), so Egger's test is undefined."
        )
    se = np.sqrt(np.diag(A) * s2)
    t = beta[1] / se[1]
    return EggerResult(
        statistic=float(t),
        pvalue=float(_core.two_sided_p(t, k - 2)),
        df=k - 2,
        intercept=float(beta[0]),
        intercept_se=float(se[0]),
        slope=float(beta[1]),
        slope_se=float(se[1]),
    )


# --- Begg and Mazumdar ------------------------------------------------------------


@dataclass(frozen=True)
class RankTestResult(Result):
    """Begg and Mazumdar's rank correlation test (metafor ``ranktest()``).

    Attributes
    ----------
    statistic : float
        Kendall's τ (τ-b) between standardised effects and sampling variances.
    pvalue : float
        Two-sided p-value: exact when there are no ties, otherwise the normal
        approximation with the tie-corrected variance (as R's ``cor.test``).
    exact : bool
        Whether the exact p-value was used.

    Examples
    --------
    >>> res = rank_correlation_test([0.8, 0.5, 0.4, 0.2, 0.1], [0.09, 0.05, 0.03, 0.01, 0.005])
    >>> print(res.summary().splitlines()[0])
    Rank correlation test for funnel plot asymmetry
    """

    statistic: float
    pvalue: float
    exact: bool

    def to_frame(self):
        """One row: statistic (Kendall's τ), pvalue, exact."""
        import pandas as pd

        return pd.DataFrame([dataclasses.asdict(self)])

    def summary(self) -> str:
        """The test in words."""
        return "\n".join(
            [
                text("results.rank_title"),
                text("results.rank_line", tau=self.statistic, p=p_metafor(self.pvalue)),
            ]
        )


def rank_correlation_test(yi, vi=None) -> RankTestResult:
    """Begg and Mazumdar's rank correlation test for funnel-plot asymmetry.

    ``(yi − μ̂_FE)/√(vi − 1/Σw)`` is correlated with ``vi`` by Kendall's τ.

    Needs at least 3 studies. **Deliberate departure from metafor:** with
    k = 2, metafor's ``ranktest()`` returns τ = −1 and p = 1 (two points always
    have a perfect rank correlation, which says nothing about asymmetry); this
    function raises a ValueError instead, so that no one reads "p = 1" as
    "no asymmetry".

    Examples
    --------
    >>> res = rank_correlation_test([0.8, 0.5, 0.4, 0.2, 0.1], [0.09, 0.05, 0.03, 0.01, 0.005])
    >>> round(res.statistic, 2)
    1.0
    """
    from scipy.stats import kendalltau

    yi, vi = _inputs(yi, vi, 3, "the rank correlation test")
    w = 1.0 / vi
    mu = np.sum(w * yi) / np.sum(w)
    y_star = (yi - mu) / np.sqrt(vi - 1.0 / np.sum(w))
    if np.ptp(y_star) == 0:
        raise ValueError("yi: all effect sizes are equal, so the rank test is undefined.")
    if np.ptp(vi) == 0:
        raise ValueError("vi: all sampling variances are equal, so the rank test is undefined.")
    ties = len(np.unique(y_star)) < len(y_star) or len(np.unique(vi)) < len(vi)
    # metafor: exact p for any k without ties (scipy's "auto" switches at n = 33)
    res = kendalltau(y_star, vi, method="asymptotic" if ties else "exact")
    return RankTestResult(float(res.statistic), float(res.pvalue), not ties)


# --- trim and fill -----------------------------------------------------------------


@dataclass(repr=False)
class TrimFillResult(Result):
    """The result of :func:`trim_and_fill`.

    Attributes
    ----------
    k0 : int
        Estimated number of missing studies.
    se_k0 : float
        Standard error of the k0 estimate.
    side : {"left", "right"}
        Side of the funnel on which studies were imputed.
    estimator : {"L0", "R0"}
    filled : MetaResult
        Fit to the observed plus imputed studies (labels "Filled 1", ...).
        Equals the original fit when ``k0 == 0``.
    imputed : numpy.ndarray of bool
        For each study of ``filled``: True if imputed.
    imputed_yi, imputed_vi : numpy.ndarray
        The imputed studies.
    original : MetaResult

    Examples
    --------
    >>> from course_kit.meta import meta_analysis
    >>> res = meta_analysis([0.8, 0.6, 0.5, 0.4, 0.35, 0.3], [0.09, 0.06, 0.04, 0.02, 0.01, 0.005])
    >>> filled = trim_and_fill(res)
    >>> len(filled.to_frame()) == res.k + filled.k0
    True
    """

    k0: int
    se_k0: float
    side: str
    estimator: str
    filled: MetaResult
    imputed: np.ndarray
    imputed_yi: np.ndarray
    imputed_vi: np.ndarray
    original: MetaResult

    def __repr__(self) -> str:
        return (
            f"TrimFillResult(k0={self.k0}, side={self.side!r}, "
            f"estimate={self.filled.estimate:.4f} (was {self.original.estimate:.4f}))"
        )

    def to_frame(self):
        """Studies of the filled analysis, with a boolean column ``imputed``."""
        return self.filled.to_frame().assign(imputed=self.imputed)

    def summary(self) -> str:
        head = text(
            "results.trimfill_summary",
            estimator=self.estimator,
            side=text(f"results.side.{self.side}"),
            k0=self.k0,
            se=self.se_k0,
        )
        return head + "\n\n" + self.filled.summary()

    def _repr_html_(self) -> str:
        # what was filled in, above the view of the filled analysis
        note = text(
            "results.trimfill_html",
            estimator=self.estimator,
            k0=self.k0,
            side=text(f"results.side.{self.side}"),
        )
        return html_view("note_box", note=note, body_html=self.filled._repr_html_())


def _estimate(yi, vi, method):
    return float(_core.fit(yi, vi, np.ones((len(yi), 1)), method, "z", 0.95)["beta"][0])


def trim_and_fill(result: MetaResult, estimator: str = "L0", side: str | None = None):
    """Duval and Tweedie's trim-and-fill method (metafor's ``trimfill()``).

    Parameters
    ----------
    result : MetaResult
        A fit from :func:`meta_analysis`; its τ² method is used in every step.
    estimator : {"L0", "R0"}, default "L0"
        Estimator of the number of missing studies.
    side : {"left", "right"}, optional
        Where studies are missing. By default chosen as in metafor: "right" if the
        slope of a meta-regression on √vi (same method) is negative, else "left".

    Returns
    -------
    TrimFillResult
        The filled model uses the same τ² method with ``test="z"`` and the level of
        ``result``.

    Examples
    --------
    >>> from course_kit.meta import meta_analysis
    >>> res = meta_analysis([0.8, 0.6, 0.5, 0.4, 0.35, 0.3], [0.09, 0.06, 0.04, 0.02, 0.01, 0.005])
    >>> trim_and_fill(res).k0 >= 0
    True
    """
    if not isinstance(result, MetaResult):
        raise TypeError("result must be a MetaResult from meta_analysis().")
    if not isinstance(estimator, str) or estimator.upper() not in ("L0", "R0"):
        raise ValueError(f"estimator must be 'L0' or 'R0' (got {estimator!r}).")
    estimator = estimator.upper()
    if side is not None and side not in ("left", "right"):
        raise ValueError(f"side must be 'left', 'right' or None (got {side!r}).")
    method = result.method
    yi0, vi0 = result.yi, result.vi
    k = len(yi0)
    if k < 3:
        raise ValueError(f"result: trim-and-fill needs at least 3 studies (got {k}).")
    if side is None:
        X = np.column_stack([np.ones(k), np.sqrt(vi0)])
        slope = _core.fit(yi0, vi0, X, method, "z", 0.95)["beta"][1]
        side = "right" if slope < 0 else "left"
    y = -yi0 if side == "right" else yi0.copy()
    order = np.argsort(y, kind="stable")
    y, v = y[order], vi0[order]
    k0, k0_prev, se_k0 = 0, -1, 0.0
    for _ in range(100):
        if k0 == k0_prev:
            break
        k0_prev = k0
        beta = _estimate(y[: k - k0], v[: k - k0], method if k - k0 > 1 else "FE")
        yc = y - beta
        ranks = np.empty(k)
        ranks[np.argsort(np.abs(yc), kind="stable")] = np.arange(1, k + 1)  # ties: "first"
        signed = np.sign(yc) * ranks
        if estimator == "R0":
            neg = -signed[signed < 0]
            k0f = (k - (neg.max() if neg.size else 0.0)) - 1
            se_k0 = float(np.sqrt(2 * max(0.0, k0f) + 2))
        else:
            sr = signed[signed > 0].sum()
            k0f = (4 * sr - k * (k + 1)) / (2 * k - 1)
            var_sr = (
                k * (k + 1) * (2 * k + 1)
                + 10 * k0f**3
                + 27 * k0f**2
                + 17 * k0f
                - 18 * k * k0f**2
                - 18 * k * k0f
                + 6 * k**2 * k0f
            ) / 24
            se_k0 = float(4 * np.sqrt(max(var_sr, 0.0)) / (2 * k - 1))
        k0 = int(max(0, np.round(k0f)))
        k0 = min(k0, k - 1)  # never trim every study (metafor would fail here)
    else:
        raise RuntimeError(
            "Trim-and-fill did not converge: the estimated number of missing studies keeps "
            "alternating (metafor stops here too). Try estimator='R0' or another method."
        )

    if k0 == 0:
        filled = result
        imputed = np.zeros(k, dtype=bool)
        imp_y = np.empty(0)
        imp_v = np.empty(0)
    else:
        # mirror the k0 most extreme studies around the trimmed estimate
        mirrored = 2 * beta - y[k - k0 :]
        imp_y = -mirrored if side == "right" else mirrored
        imp_v = v[k - k0 :].copy()
        labels = [*result.labels, *(text("meta.filled_label", i=i) for i in range(1, k0 + 1))]
        filled = fit_arrays(
            np.concatenate([yi0, imp_y]),
            np.concatenate([vi0, imp_v]),
            labels,
            method,
            "z",
            result.level,
        )
        imputed = np.r_[np.zeros(k, dtype=bool), np.ones(k0, dtype=bool)]
    return TrimFillResult(
        k0=k0,
        se_k0=se_k0,
        side=side,
        estimator=estimator,
        filled=filled,
        imputed=imputed,
        imputed_yi=imp_y,
        imputed_vi=imp_v,
        original=result,
    )
