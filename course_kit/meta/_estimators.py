"""Estimators of the between-study variance τ² (pure functions: arrays in, floats out).

Each ``tau2_<method>(yi, vi, X)`` takes the effect sizes ``yi``, their sampling
variances ``vi`` (all > 0) and a design matrix ``X`` (k × p; a column of ones for
an intercept-only model) and returns τ². The algorithms follow metafor's
``rma.uni`` (3.8-1), with tighter convergence than metafor's defaults:

* DL, HE: closed forms, truncated at 0.
* SJ: one step from ``var(yi)·(k − 1)/k`` (never negative).
* ML, REML, EB: Fisher scoring from the HE estimate (truncated at 0), step halving
  to stay ≥ 0 (for an intercept-only model, τ² = 0 is tried first: see
  :func:`fisher1_steps`), stopping when |Δτ²| < 1e-10; ML/REML then check, like metafor,
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

import math

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


def score_root(yi, vi, X, kind: str) -> float:
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
        tau2 = score_root(yi, vi, X, kind)
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


# --- intercept-only fast path ------------------------------------------------------
# meta_analysis() always fits X = 1 (one pooled effect). For that model every matrix
# above reduces to a handful of sums, so these versions use scalar arithmetic and a
# few numpy reductions per step instead of k × p matrix algebra and inverses: the
# same estimators, bracket and stopping rules, results equal to ~1e-13.

# Fisher scoring converges linearly; once its steps are this small, or alternate in
# sign (it oscillates around the root), Newton steps on the same score (exact
# derivative) finish in two or three steps instead of ~10 (or never, when it
# oscillates: metafor then stops with an error).
NEWTON_FROM = 1e-2
NEWTON_AFTER = 30


def q_gen1(tau2: float, yi: np.ndarray, vi: np.ndarray) -> float:
    """:func:`q_gen` for an intercept-only model."""
    w = 1.0 / (vi + tau2)
    r = yi - float(w @ yi) / float(w.sum())
    return float((w * r) @ r)


def tau2_dl1(yi, vi) -> float:
    """:func:`tau2_dl` for an intercept-only model."""
    k = len(yi)
    w = 1.0 / vi
    sw = float(w.sum())
    r = yi - float(w @ yi) / sw
    q = float((w * r) @ r)
    return max(0.0, (q - (k - 1)) / (sw - float(w @ w) / sw))


def tau2_he1(yi, vi) -> float:
    """:func:`tau2_he` for an intercept-only model."""
    k = len(yi)
    r = yi - float(yi.sum()) / k
    return max(0.0, (float(r @ r) - float(vi.sum()) * (k - 1) / k) / (k - 1))


def tau2_sj1(yi, vi) -> float:
    """:func:`tau2_sj` for an intercept-only model."""
    tau2_0 = float(np.var(yi))
    return tau2_0 * q_gen1(tau2_0, yi, vi) / (len(yi) - 1)


def _loglik1(tau2, yi, vi, reml):
    # the constants in 2π cancel in the only use (a difference at equal k)
    w = 1.0 / (vi + tau2)
    sw = float(w.sum())
    r = yi - float(w @ yi) / sw
    ll = -0.5 * float(np.log(vi + tau2).sum()) - 0.5 * float((w * r) @ r)
    return ll - 0.5 * math.log(sw) if reml else ll


def _fisher1(yi, vi, kind: str, tol=TOL, maxiter=MAXITER) -> float:
    """:func:`_fisher_scoring` for an intercept-only model, finished by Newton steps.

    From the HE estimate, as metafor; see :func:`fisher1_steps`.
    """
    tau2 = fisher1_steps(yi, vi, kind, tau2_he1(yi, vi), tol=tol, maxiter=maxiter)
    if tau2 is None:
        tau2 = score_root(yi, vi, np.ones((len(yi), 1)), kind)
    if kind in ("ML", "REML") and tau2 > tol:
        reml = kind == "REML"
        if _loglik1(0.0, yi, vi, reml) - _loglik1(tau2, yi, vi, reml) > tol:
            return 0.0
    return float(tau2)


def fisher1_steps(
    yi, vi, kind, tau2, newton=False, last=0.0, resume=None, first=0, tol=TOL, maxiter=MAXITER
):
    """The steps of :func:`_fisher1` from ``tau2``: the estimate, or None after ``maxiter``.

    Each step needs only the weighted moments Σwʲ·yⁱ (j = 1..3, i = 0..2), which
    one 3 × k by k × 3 product gives; y is centred first so that the residual sums
    formed from them lose no precision. ``newton``, ``last`` (the previous step),
    ``resume`` (the τ² and step put off while τ² = 0 is probed, see below) and
    ``first`` (the number of the first step) let
    :func:`course_kit.meta._many.meta_analysis_many` hand over a fit under way.
    """
    k = len(yi)
    yc = yi - float(yi.sum()) / k
    Y = np.empty((k, 3))
    Y[:, 0] = 1.0
    Y[:, 1] = yc
    Y[:, 2] = yc * yc
    P = np.empty((3, k))
    w, w2v, w3v = P
    for it in range(first, maxiter):
        np.add(vi, tau2, out=w)
        np.divide(1.0, w, out=w)
        np.multiply(w, w, out=w2v)
        np.multiply(w2v, w, out=w3v)
        (s0, s1, s2), (t0, t1, t2), (u0, u1, u2) = (P @ Y).tolist()
        # s = Σw·(1, y, y²), t = Σw²·(…), u = Σw³·(…); r = y − μ
        mu = s1 / s0
        ypy = s2 - mu * s1  # Σw·r² = y'Py
        ypppy = t2 - 2.0 * mu * t1 + mu * mu * t0  # Σw²·r² = y'PPy
        if kind == "EB":
            s = ypy * k / (k - 1) - k
            adj = s / s0
            ds = -ypppy * k / (k - 1)
        else:
            if kind == "ML":
                s = ypppy - s0
                adj = s / t0
            else:
                tr_pp = t0 - 2.0 * u0 / s0 + (t0 / s0) ** 2
                s = ypppy - (s0 - t0 / s0)
                adj = s / tr_pp
            if newton:
                # d/dτ² of y'PPy is −2·y'PPPy, of tr(P) is −tr(PP), of Σw is −Σw²
                wr = t1 - mu * t0  # Σw²·r
                ypppy3 = (u2 - 2.0 * mu * u1 + mu * mu * u0) - wr * wr / s0
                ds = -2.0 * ypppy3 + (t0 if kind == "ML" else tr_pp)
        if newton and ds < 0.0 and tau2 - s / ds >= 0.0:
            adj = -s / ds
        if not math.isfinite(adj):
            adj = 0.0
        if resume is not None:
            # τ² = 0 was probed (below): 0 is the estimate if the score there is ≤ 0;
            # otherwise the fit takes the step it had put off, halved as before
            if adj <= 0.0:
                return 0.0
            (tau2, adj), resume = resume, None
        elif tau2 + adj < 0.0 and tau2 > 0.0:
            # A step that would leave τ² ≥ 0 is halved until it does not: such steps
            # head for the boundary, which halving again and again approaches only
            # geometrically (10-20 more steps, ending at ~1e-11). One evaluation at
            # τ² = 0 first settles it: the estimate is 0 when the score there is ≤ 0.
            resume = (tau2, adj)
            tau2 = 0.0
            continue
        while tau2 + adj < 0.0:
            if tau2 == 0.0:
                adj = 0.0
                break
            adj /= 2.0
        new = tau2 + adj
        if abs(new - tau2) < tol:
            return new
        # Newton steps also end an oscillating Fisher scoring (steps alternate in sign)
        newton = newton or abs(new - tau2) < NEWTON_FROM or adj * last < 0.0 or it >= NEWTON_AFTER
        last = adj
        tau2 = new
    return None


def tau2_pm1(yi, vi, xtol: float = 1e-12) -> float:
    """:func:`tau2_pm` for an intercept-only model, by safeguarded Newton steps.

    Q(τ²) decreases strictly, so its root is unique: Newton steps with the exact
    derivative dQ/dτ² = −y'PPy, kept inside a bracket [lo, hi] that always holds the
    root (bisection when a step leaves it), reach the same root as brentq in about
    five evaluations instead of fifteen, to the same tolerance.
    """
    k = len(yi)
    target = k - 1
    yc = yi - float(yi.sum()) / k  # centred, as in _fisher1
    Y = np.empty((k, 3))
    Y[:, 0] = 1.0
    Y[:, 1] = yc
    Y[:, 2] = yc * yc
    W = np.empty((2, k))
    w, w2v = W

    def q_and_slope(t):
        np.add(vi, t, out=w)
        np.divide(1.0, w, out=w)
        np.multiply(w, w, out=w2v)
        (s0, s1, s2), (t0, t1, t2) = (W @ Y).tolist()
        mu = s1 / s0
        return s2 - mu * s1, -(t2 - 2.0 * mu * t1 + mu * mu * t0)

    q, slope = q_and_slope(0.0)
    if q < target:
        return 0.0
    lo, hi, t = 0.0, math.inf, 0.0
    for _ in range(MAXITER):
        if q > target:
            lo = t
        elif q < target:
            hi = t
        else:
            return float(t)
        new = t - (q - target) / slope if slope < 0.0 else math.inf
        if not lo < new < hi:
            new = 0.5 * (lo + hi) if math.isfinite(hi) else 2.0 * max(t, 1.0)
        if abs(new - t) <= xtol + 1e-15 * abs(new) or hi - lo <= xtol:
            return float(new)
        t = new
        q, slope = q_and_slope(t)
    return float(t)


INTERCEPT_ESTIMATORS = {
    "FE": lambda yi, vi: 0.0,
    "EE": lambda yi, vi: 0.0,
    "DL": tau2_dl1,
    "HE": tau2_he1,
    "SJ": tau2_sj1,
    "ML": lambda yi, vi: _fisher1(yi, vi, "ML"),
    "REML": lambda yi, vi: _fisher1(yi, vi, "REML"),
    "EB": lambda yi, vi: _fisher1(yi, vi, "EB"),
    "PM": tau2_pm1,
}
