"""Estimators of the between-study variance τ² (pure functions: arrays in, floats out).

Each ``tau2_<method>(yi, vi, X)`` takes the effect sizes ``yi``, their sampling
variances ``vi`` (all > 0) and a design matrix ``X`` (k × p; a column of ones for
an intercept-only model) and returns τ². The algorithms follow metafor's
``rma.uni`` (3.8-1), with tighter convergence than metafor's defaults:

* DL, HE: closed forms, truncated at 0.
* SJ: one step from ``var(yi)·(k − 1)/k`` (never negative).
* ML, REML, EB: Fisher scoring from the HE estimate (truncated at 0), step halving
  to stay ≥ 0, stopping when |Δτ²| < 1e-10; ML/REML then check, like metafor,
  that the (restricted) likelihood at τ² = 0 is not higher. If Fisher scoring
  oscillates (300 steps without converging; metafor stops with an error), the root
  of the score equation is found with brentq instead.
* PM: root of the generalised Q statistic Q(τ²) = k − p with :func:`scipy.optimize.brentq`
  (xtol 1e-12) on [0, max(100, 10·mad(yi)²)]; 0 when Q(0) < k − p.

These are written here rather than taken from statsmodels because statsmodels'
``combine_effects`` offers only DL/PM/FE and not the metafor conventions (HE start,
generalised Q with moderators, EB, SJ) that the course compares with R.
"""

from __future__ import annotations

import numpy as np

TOL = 1e-10
MAXITER = 300


def wls(yi: np.ndarray, w: np.ndarray, X: np.ndarray):
    """Weighted least squares: return ``beta``, ``A = (X'WX)⁻¹`` and residuals."""
    XtW = X.T * w
    A = np.linalg.inv(XtW @ X)
    beta = A @ (XtW @ yi)
    return beta, A, yi - X @ beta


def q_gen(tau2: float, yi: np.ndarray, vi: np.ndarray, X: np.ndarray) -> float:
    """Generalised Q statistic ``Y'P(τ²)Y`` with weights ``1/(vi + τ²)``."""
    w = 1.0 / (vi + tau2)
    _, _, r = wls(yi, w, X)
    return float(np.sum(w * r * r))


def trace_p(w: np.ndarray, X: np.ndarray, A: np.ndarray) -> float:
    """tr(P) for P = W − WX(X'WX)⁻¹X'W, without forming the k × k matrix."""
    return float(np.sum(w) - np.sum(A * ((X.T * w**2) @ X)))


def _fisher_parts(w, X, A, r):
    """Y'PPY, tr(P) and tr(PP) for the Fisher-scoring steps (all O(k·p²))."""
    pr = w * r  # = P Y
    B = (X.T * w**2) @ X
    C = (X.T * w**3) @ X
    AB = A @ B
    tr_p = np.sum(w) - np.trace(AB)
    tr_pp = np.sum(w**2) - 2.0 * np.sum(A * C) + np.sum(AB * AB.T)
    return float(pr @ pr), float(tr_p), float(tr_pp)


# --- closed forms ------------------------------------------------------------------


def tau2_fe(yi, vi, X) -> float:
    """Fixed (common/equal) effect: τ² = 0 by assumption."""
    return 0.0


def tau2_dl(yi, vi, X) -> float:
    """DerSimonian–Laird: (Q − (k − p)) / tr(P), truncated at 0."""
    k, p = X.shape
    w = 1.0 / vi
    _, A, r = wls(yi, w, X)
    q = float(np.sum(w * r * r))
    return max(0.0, (q - (k - p)) / trace_p(w, X, A))


def tau2_he(yi, vi, X) -> float:
    """Hedges (variance components): (RSS_OLS − tr(P_OLS V)) / (k − p), truncated at 0."""
    k, p = X.shape
    A = np.linalg.inv(X.T @ X)
    r = yi - X @ (A @ (X.T @ yi))
    tr_pv = np.sum(vi) - np.sum(A * ((X.T * vi) @ X))
    return max(0.0, float((r @ r - tr_pv) / (k - p)))


def tau2_sj(yi, vi, X) -> float:
    """Sidik–Jonkman: one step from τ²₀ = var(yi)·(k − 1)/k: τ²₀·Q(τ²₀)/(k − p)."""
    k, p = X.shape
    tau2_0 = float(np.var(yi))  # population variance = var(yi)·(k − 1)/k
    return tau2_0 * q_gen(tau2_0, yi, vi, X) / (k - p)


# --- iterative ---------------------------------------------------------------------


def _loglik(tau2, yi, vi, X, reml):
    w = 1.0 / (vi + tau2)
    _, A, r = wls(yi, w, X)
    k, p = X.shape
    ll = -0.5 * np.sum(np.log(vi + tau2)) - 0.5 * np.sum(w * r * r)
    if reml:
        ll += 0.5 * np.linalg.slogdet(A)[1] - 0.5 * (k - p) * np.log(2 * np.pi)
    else:
        ll -= 0.5 * k * np.log(2 * np.pi)
    return float(ll)


def score(tau2: float, yi, vi, X, kind: str) -> float:
    """The estimating equation that Fisher scoring solves (zero at the estimate)."""
    k, p = X.shape
    w = 1.0 / (vi + tau2)
    _, A, r = wls(yi, w, X)
    if kind == "EB":
        return float(np.sum(w * r * r)) * k / (k - p) - k
    ypppy, tr_p, _ = _fisher_parts(w, X, A, r)
    return ypppy - (float(np.sum(w)) if kind == "ML" else tr_p)


def _score_root(yi, vi, X, kind: str) -> float:
    """Fallback when Fisher scoring oscillates: the root of the score by brentq."""
    from scipy.optimize import brentq

    if score(0.0, yi, vi, X, kind) <= 0.0:
        return 0.0
    upper = max(100.0, 10.0 * _mad(yi) ** 2)
    while score(upper, yi, vi, X, kind) > 0.0:
        upper *= 10.0
    return float(brentq(score, 0.0, upper, args=(yi, vi, X, kind), xtol=1e-13, rtol=1e-15))


def _step_general(tau2, yi, vi, X, kind):
    k, p = X.shape
    w = 1.0 / (vi + tau2)
    _, A, r = wls(yi, w, X)
    if kind == "EB":
        q = float(np.sum(w * r * r))
        return (q * k / (k - p) - k) / np.sum(w)
    ypppy, tr_p, tr_pp = _fisher_parts(w, X, A, r)
    if kind == "ML":
        return (ypppy - np.sum(w)) / np.sum(w * w)
    return (ypppy - tr_p) / tr_pp


def _step_intercept(tau2, yi, vi, kind):
    # the same step for X = 1 with scalar sums: ~5x faster in loops of small fits
    k = len(yi)
    w = 1.0 / (vi + tau2)
    sw = w.sum()
    r = yi - (w @ yi) / sw
    wr = w * r
    if kind == "EB":
        return ((wr @ r) * k / (k - 1) - k) / sw
    w2 = w @ w
    if kind == "ML":
        return (wr @ wr - sw) / w2
    tr_p = sw - w2 / sw
    tr_pp = w2 - 2.0 * ((w * w) @ w) / sw + (w2 / sw) ** 2
    return (wr @ wr - tr_p) / tr_pp


def _fisher_scoring(yi, vi, X, kind: str, tol=TOL, maxiter=MAXITER) -> float:
    tau2 = tau2_he(yi, vi, X)
    intercept_only = X.shape[1] == 1 and bool(np.all(X == 1.0))
    for _ in range(maxiter):
        if intercept_only:
            adj = float(_step_intercept(tau2, yi, vi, kind))
        else:
            adj = float(_step_general(tau2, yi, vi, X, kind))
        if not np.isfinite(adj):
            adj = 0.0
        # halve the step until τ² stays ≥ 0 (at τ² = 0 a negative step becomes 0)
        while tau2 + adj < 0.0:
            if tau2 == 0.0:
                adj = 0.0
                break
            adj /= 2.0
        new = tau2 + adj
        if abs(new - tau2) < tol:
            tau2 = new
            break
        tau2 = new
    else:
        # Fisher scoring can oscillate without converging (metafor then stops with an
        # error); the estimate is still the root of the score, found by bracketing.
        tau2 = _score_root(yi, vi, X, kind)
    return _ll0check(float(tau2), yi, vi, X, kind, tol)


def _ll0check(tau2, yi, vi, X, kind, tol=TOL) -> float:
    """metafor's ll0check: Fisher scoring can stop at a local maximum above τ² = 0."""
    if kind in ("ML", "REML") and tau2 > tol:
        reml = kind == "REML"
        if _loglik(0.0, yi, vi, X, reml) - _loglik(tau2, yi, vi, X, reml) > tol:
            return 0.0
    return tau2


def tau2_ml(yi, vi, X) -> float:
    """Maximum likelihood (Fisher scoring)."""
    return _fisher_scoring(yi, vi, X, "ML")


def tau2_reml(yi, vi, X) -> float:
    """Restricted maximum likelihood (Fisher scoring)."""
    return _fisher_scoring(yi, vi, X, "REML")


def tau2_eb(yi, vi, X) -> float:
    """Empirical Bayes (Morris), Fisher-scoring form as in metafor."""
    return _fisher_scoring(yi, vi, X, "EB")


def _mad(x: np.ndarray) -> float:
    """R's ``mad``: median absolute deviation scaled by 1.4826."""
    return float(1.4826 * np.median(np.abs(x - np.median(x))))


def tau2_pm(yi, vi, X, xtol: float = 1e-12) -> float:
    """Paule–Mandel: the τ² at which the generalised Q equals its df, k − p."""
    from scipy.optimize import brentq

    k, p = X.shape
    target = k - p
    if q_gen(0.0, yi, vi, X) < target:
        return 0.0
    upper = max(100.0, 10.0 * _mad(yi) ** 2)
    # metafor stops if the bracket is too small; we widen it (Q is decreasing in τ²)
    while q_gen(upper, yi, vi, X) > target:
        upper *= 10.0
    return float(brentq(lambda t: q_gen(t, yi, vi, X) - target, 0.0, upper, xtol=xtol, rtol=1e-15))


ESTIMATORS = {
    "FE": tau2_fe,
    "EE": tau2_fe,
    "DL": tau2_dl,
    "HE": tau2_he,
    "SJ": tau2_sj,
    "ML": tau2_ml,
    "REML": tau2_reml,
    "EB": tau2_eb,
    "PM": tau2_pm,
}
FIXED_METHODS = ("FE", "EE")
