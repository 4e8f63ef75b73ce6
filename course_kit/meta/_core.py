"""The shared numerical core: fit a (mixed-effects) meta-analytic model.

Pure functions on validated numpy arrays, used by :func:`meta_analysis`,
:func:`meta_regression`, trim-and-fill and the sensitivity analyses. Follows
metafor's ``rma.uni`` (3.8-1); see ``/tests/reference/make_reference.R``.
"""

from __future__ import annotations

import functools
import math

import numpy as np
from scipy import special

from course_kit.meta._estimators import (
    ESTIMATORS,
    FIXED_METHODS,
    INTERCEPT_ESTIMATORS,
    trace_p,
    wls,
)

METHODS = ("FE", "EE", "DL", "HE", "SJ", "ML", "REML", "EB", "PM")
TESTS = ("z", "knha")
_EPS = float(np.finfo(float).eps)
_SQRT2 = math.sqrt(2.0)


def crit_value(level: float, df: float | None) -> float:
    """Two-sided critical value: normal (df None) or t(df)."""
    q = 1.0 - (1.0 - level) / 2.0
    return float(special.ndtri(q) if df is None else special.stdtrit(df, q))


def two_sided_p(stat, df: float | None):
    """Two-sided p-value of a z (df None) or t(df) statistic."""
    a = -np.abs(stat)
    return 2.0 * (special.ndtr(a) if df is None else special.stdtr(df, a))


def ratio(est, se):
    """est/se, with the limits 0 (est = 0) and ±inf where se = 0.

    se = 0 happens with ``test="knha"`` when every study has the same effect (no
    residual variation); metafor then reports NaN, we report the limiting values.
    """
    est = np.asarray(est, dtype=float)
    se = np.asarray(se, dtype=float)
    safe = np.where(se > 0, se, 1.0)
    limit = np.where(est > 0, np.inf, np.where(est < 0, -np.inf, 0.0))
    return np.where(se > 0, est / safe, limit)


def heterogeneity(yi, vi, X, tau2: float, fixed: bool):
    """Q (fixed-effect weights), its p-value, I² (percent), H² and ṽ, as metafor."""
    k, p = X.shape
    df = k - p
    if df <= 0:
        return 0.0, 1.0, 0.0, 1.0, 0.0
    w = 1.0 / vi
    _, A, r = wls(yi, w, X)
    q = max(0.0, float(np.sum(w * r * r)))
    q_p = float(special.chdtrc(df, q))
    vt = df / trace_p(w, X, A)
    if fixed:
        i2 = max(0.0, 100.0 * (q - df) / q) if q > 0 else 0.0
        h2 = q / df
    else:
        i2 = 100.0 * tau2 / (vt + tau2)
        h2 = 1.0 + tau2 / vt
    return q, q_p, i2, h2, vt


def fit(yi: np.ndarray, vi: np.ndarray, X: np.ndarray, method: str, test: str, level: float):
    """Fit the model; return a dict of the quantities metafor reports.

    Keys: tau2, beta, vb (covariance), se, stat, pvalue, ci_low, ci_high, df
    (None for z tests), crit, weights (1/(vi+τ²)), q, q_df, q_pvalue, i2, h2, vt.
    """
    k, p = X.shape
    fixed = method in FIXED_METHODS
    tau2 = 0.0 if fixed else ESTIMATORS[method](yi, vi, X)
    w = 1.0 / (vi + tau2)
    beta, A, r = wls(yi, w, X)
    if test == "knha":
        # Knapp–Hartung: scale the covariance by the weighted residual variance
        # (not truncated at 1; that is metafor's separate "adhoc" variant)
        rss = float(np.sum(w * r * r))
        # as metafor: a residual sum of squares at rounding level counts as 0
        s2 = 0.0 if rss <= np.finfo(float).eps else rss / (k - p)
        vb = A * s2
        df = k - p
    else:
        vb = A
        df = None
    se = np.sqrt(np.diag(vb))
    stat = ratio(beta, se)
    crit = crit_value(level, df)
    q, q_p, i2, h2, vt = heterogeneity(yi, vi, X, tau2, fixed)
    return {
        "tau2": float(tau2),
        "beta": beta,
        "vb": vb,
        "se": se,
        "stat": stat,
        "pvalue": two_sided_p(stat, df),
        "ci_low": beta - crit * se,
        "ci_high": beta + crit * se,
        "df": df,
        "crit": crit,
        "w": w,
        "q": q,
        "q_df": k - p,
        "q_pvalue": q_p,
        "i2": i2,
        "h2": h2,
        "vt": vt,
    }


def qprofile_bounds(yi, vi, X, level: float, xtol: float = 1e-12):
    """Q-profile confidence bounds for τ² (metafor's ``confint``), truncated at 0."""
    from scipy.optimize import brentq

    from course_kit.meta._estimators import q_gen

    k, p = X.shape
    df = k - p
    alpha = 1.0 - level
    q0 = q_gen(0.0, yi, vi, X)

    def solve(target: float) -> float:
        if q0 < target:
            return 0.0
        upper = max(100.0, 10.0 * float(np.var(yi)))
        while q_gen(upper, yi, vi, X) > target:
            upper *= 10.0
        return float(
            brentq(lambda t: q_gen(t, yi, vi, X) - target, 0.0, upper, xtol=xtol, rtol=1e-15)
        )

    lower = solve(float(special.chdtri(df, alpha / 2)))  # upper χ² quantile
    upper = solve(float(special.chdtri(df, 1 - alpha / 2)))  # lower χ² quantile
    return lower, upper


@functools.lru_cache(maxsize=256)
def _crit(level: float, df: int | None) -> float:
    return crit_value(level, df)


def fit_intercept(yi: np.ndarray, vi: np.ndarray, method: str, test: str, level: float):
    """:func:`fit` for the intercept-only model of :func:`meta_analysis`, with scalars.

    The same quantities as :func:`fit` (``beta``, ``se``, ``stat``, ``pvalue``,
    ``ci_low`` and ``ci_high`` as floats, no ``vb``), from sums instead of matrix
    algebra: a fit in a loop costs a few dozen small numpy calls.
    """
    k = len(yi)
    fixed = method in FIXED_METHODS
    # heterogeneity (Q, I², H², ṽ) uses the fixed-effect weights, as metafor
    w0 = 1.0 / vi
    sw0 = float(w0.sum())
    mu0 = float(w0 @ yi) / sw0
    tau2 = 0.0 if fixed else INTERCEPT_ESTIMATORS[method](yi, vi)
    if tau2 == 0.0:
        w, sw, est = w0, sw0, mu0  # 1/(vi + 0) is 1/vi exactly
    else:
        w = 1.0 / (vi + tau2)
        sw = float(w.sum())
        est = float(w @ yi) / sw
    if test == "knha":
        r = yi - est
        rss = float((w * r) @ r)
        s2 = 0.0 if rss <= _EPS else rss / (k - 1)
        var = s2 / sw
        df = k - 1
    else:
        var = 1.0 / sw
        df = None
    se = math.sqrt(var)
    if se > 0:
        stat = est / se
    else:  # see ratio()
        stat = math.inf if est > 0 else (-math.inf if est < 0 else 0.0)
    crit = _crit(level, df)
    if df is None:
        pvalue = math.erfc(abs(stat) / _SQRT2)  # = 2·Φ(−|z|)
    else:
        pvalue = 2.0 * float(special.stdtr(df, -abs(stat)))
    if k > 1:
        r0 = yi - mu0
        q = max(0.0, float((w0 * r0) @ r0))
        q_p = float(special.chdtrc(k - 1, q))
        vt = (k - 1) / (sw0 - float(w0 @ w0) / sw0)
        if fixed:
            i2 = max(0.0, 100.0 * (q - (k - 1)) / q) if q > 0 else 0.0
            h2 = q / (k - 1)
        else:
            i2 = 100.0 * tau2 / (vt + tau2)
            h2 = 1.0 + tau2 / vt
    else:
        q, q_p, i2, h2, vt = 0.0, 1.0, 0.0, 1.0, 0.0
    return {
        "tau2": float(tau2),
        "beta": est,
        "se": se,
        "stat": stat,
        "pvalue": pvalue,
        "ci_low": est - crit * se,
        "ci_high": est + crit * se,
        "df": df,
        "crit": crit,
        "w": w,
        "sw": sw,
        "q": q,
        "q_df": k - 1,
        "q_pvalue": q_p,
        "i2": i2,
        "h2": h2,
        "vt": vt,
    }
