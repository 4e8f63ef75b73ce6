"""Many meta-analyses at once (vectorised over rows), for simulations.

:func:`meta_analysis_many` fits one intercept-only model per row of 2-D arrays with
numpy operations on all rows together: Fisher scoring (ML, REML, EB) runs on every
row at once with a per-row convergence mask, PM uses a vectorised bisection, and the
closed forms (FE, DL, HE, SJ) need no iteration. The results equal a loop of
:func:`course_kit.meta.meta_analysis` (tests check agreement to 1e-8), and so agree
with metafor 3.8-1.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from course_kit._validation import as_float_array
from course_kit.meta._core import crit_value, ratio, two_sided_p
from course_kit.meta._estimators import NEWTON_AFTER, NEWTON_FROM, _score_root
from course_kit.meta._model import check_method_test

__all__ = ["meta_analysis_many"]

_TOL = 1e-10
_MAXITER = 300


def _weighted(y, w):
    """Per-row weighted mean, Σw and residuals (w = 0 marks a missing study)."""
    sw = w.sum(axis=1)
    mu = (w * y).sum(axis=1) / sw
    return mu, sw, y - mu[:, None]


def _q(y, v, present, tau2):
    # absent studies have v = inf (set in meta_analysis_many), so their weight is 0
    w = 1.0 / (v + tau2[:, None])
    mu, sw, r = _weighted(y, w)
    return (w * r * r).sum(axis=1), w, mu, sw, r


def _tau2_he(y, v, present, k):
    ybar = np.where(present, y, 0.0).sum(axis=1) / k
    r = np.where(present, y - ybar[:, None], 0.0)
    vv = np.where(present, v, 0.0).sum(axis=1)
    return np.maximum(0.0, ((r * r).sum(axis=1) - vv * (k - 1) / k) / (k - 1))


def _tau2_dl(y, v, present, k):
    q, w, _, sw, _ = _q(y, v, present, np.zeros(len(y)))
    tr_p = sw - (w * w).sum(axis=1) / sw
    return np.maximum(0.0, (q - (k - 1)) / tr_p)


def _tau2_sj(y, v, present, k):
    ybar = np.where(present, y, 0.0).sum(axis=1) / k
    tau0 = np.where(present, (y - ybar[:, None]) ** 2, 0.0).sum(axis=1) / k
    q = _q(y, v, present, tau0)[0]
    return tau0 * q / (k - 1)


def _loglik(y, v, present, tau2, reml):
    q, _, _, sw, _ = _q(y, v, present, tau2)
    ll = -0.5 * np.where(present, np.log(v + tau2[:, None]), 0.0).sum(axis=1) - 0.5 * q
    return ll - 0.5 * np.log(sw) if reml else ll


def _rowdot(a, b):
    return (a * b).sum(axis=1)


def _tau2_fisher(y, v, present, k, kind):
    """Fisher scoring on all rows at once, as :func:`_estimators._fisher1` row by row.

    Per row: the HE start, step halving, Newton steps once the Fisher steps are
    small (or after NEWTON_AFTER steps), the same stopping rule and fallback.
    """
    tau2 = _tau2_he(y, v, present, k)
    # centred y (see _fisher1); absent studies have weight 0 through v = inf
    yc = np.where(present, y - (y.sum(axis=1) / k)[:, None], 0.0)
    vinf = v
    yc2 = yc * yc
    active = np.ones(len(y), dtype=bool)
    newton = np.zeros(len(y), dtype=bool)
    last = np.zeros(len(y))
    idx = np.arange(len(y))
    for it in range(_MAXITER):
        if idx.size < len(y):
            t, kk, nw, prev = tau2[idx], k[idx], newton[idx], last[idx]
            a1, a2, vv = yc[idx], yc2[idx], vinf[idx]
        else:
            t, kk, nw, prev, a1, a2, vv = tau2, k, newton, last, yc, yc2, vinf
        w = 1.0 / (vv + t[:, None])
        w2 = w * w
        # row-wise Σw·y etc. in one pass each, without temporaries
        s0, t0 = w.sum(axis=1), w2.sum(axis=1)
        s1 = _rowdot(w, a1)
        t1, t2 = _rowdot(w2, a1), _rowdot(w2, a2)
        mu = s1 / s0
        ypppy = t2 - 2.0 * mu * t1 + mu * mu * t0
        ds = None
        if kind == "EB":
            score = (_rowdot(w, a2) - mu * s1) * kk / (kk - 1) - kk
            adj = score / s0
            ds = -ypppy * kk / (kk - 1)
        else:
            newton_rows = nw.any()
            if kind == "REML" or newton_rows:
                u0 = _rowdot(w2, w)
            if kind == "ML":
                score = ypppy - s0
                info = t0
            else:
                info = t0 - 2.0 * u0 / s0 + (t0 / s0) ** 2
                score = ypppy - (s0 - t0 / s0)
            adj = score / info
            if newton_rows:
                w3 = w2 * w
                u1, u2 = _rowdot(w3, a1), _rowdot(w3, a2)
                wr = t1 - mu * t0
                ds = -2.0 * ((u2 - 2.0 * mu * u1 + mu * mu * u0) - wr * wr / s0) + info
        if ds is not None:
            with np.errstate(divide="ignore", invalid="ignore"):
                nadj = -score / ds
            adj = np.where(nw & (ds < 0.0) & (t + nadj >= 0.0), nadj, adj)
        adj = np.where(np.isfinite(adj), adj, 0.0)
        # step halving keeps τ² ≥ 0; at τ² = 0 a negative step is dropped
        adj = np.where((t == 0.0) & (adj < 0.0), 0.0, adj)
        for _ in range(1100):
            neg = t + adj < 0.0
            if not neg.any():
                break
            adj = np.where(neg, adj / 2.0, adj)
        new = t + adj
        step = np.abs(new - t)
        tau2[idx] = new
        last[idx] = adj
        newton[idx] = nw | (step < NEWTON_FROM) | (adj * prev < 0.0) | (it >= NEWTON_AFTER)
        active[idx] = step >= _TOL
        idx = np.flatnonzero(active)
        if idx.size == 0:
            break
    # rows that never converged: solve the score equation row by row
    for i in np.flatnonzero(active):
        sel = present[i]
        tau2[i] = _score_root(y[i, sel], v[i, sel], np.ones((int(sel.sum()), 1)), kind)
    if kind in ("ML", "REML"):
        # metafor's check that the likelihood is not higher at τ² = 0
        reml = kind == "REML"
        check = np.flatnonzero(tau2 > _TOL)
        if check.size:
            yy, vv, pp, t = y[check], v[check], present[check], tau2[check]
            worse = _loglik(yy, vv, pp, np.zeros_like(t), reml) - _loglik(yy, vv, pp, t, reml)
            tau2[check] = np.where(worse > _TOL, 0.0, t)
    return tau2


def _tau2_pm(y, v, present, k):
    target = k - 1.0
    zero = np.zeros(len(y))
    q0 = _q(y, v, present, zero)[0]
    lo = zero.copy()
    hi = np.full(len(y), 100.0)
    ybar = np.where(present, y, 0.0).sum(axis=1) / k
    # any bracket containing the root works (Q is decreasing); widen it where needed
    hi = np.maximum(hi, 10.0 * np.where(present, (y - ybar[:, None]) ** 2, 0.0).sum(axis=1))
    while True:
        too_low = _q(y, v, present, hi)[0] > target
        if not too_low.any():
            break
        hi = np.where(too_low, hi * 10.0, hi)
    # bisection: Q(τ²) decreases in τ²; 200 halvings reach the float resolution
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        above = _q(y, v, present, mid)[0] > target
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
        if np.all(hi - lo <= 1e-12 * np.maximum(1.0, hi)):
            break
    return np.where(q0 < target, 0.0, 0.5 * (lo + hi))


_ESTIMATORS = {
    "DL": _tau2_dl,
    "HE": _tau2_he,
    "SJ": _tau2_sj,
    "PM": _tau2_pm,
    "ML": lambda y, v, p, k: _tau2_fisher(y, v, p, k, "ML"),
    "REML": lambda y, v, p, k: _tau2_fisher(y, v, p, k, "REML"),
    "EB": lambda y, v, p, k: _tau2_fisher(y, v, p, k, "EB"),
}


def meta_analysis_many(yi, vi, *, method: str = "REML", test: str = "z", level: float = 0.95):
    """Fit one meta-analysis per row of ``yi`` and ``vi`` (vectorised).

    Parameters
    ----------
    yi, vi : array_like, shape (n_analyses, k)
        Effect sizes and sampling variances, one meta-analysis per row. Rows may have
        different numbers of studies: mark absent studies with NaN in both arrays.
    method : str, default "REML"
        Any method of :func:`meta_analysis` ("FE", "DL", "HE", "SJ", "ML", "REML",
        "EB", "PM").
    test : {"z", "knha"}, default "z"
    level : float, default 0.95

    Returns
    -------
    pandas.DataFrame
        One row per meta-analysis: k, estimate, se, statistic, pvalue, ci_low, ci_high,
        pi_low, pi_high, tau2, i2, q, q_pvalue.

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> vi = rng.uniform(0.01, 0.1, size=(3, 10))
    >>> yi = rng.normal(0.3, np.sqrt(vi + 0.02))
    >>> meta_analysis_many(yi, vi).shape
    (3, 13)
    """
    import pandas as pd

    method, test, level = check_method_test(method, test, level)
    y = as_float_array(yi, "yi", ndim=2, allow_nan=True)
    v = as_float_array(vi, "vi", ndim=2, allow_nan=True)
    if y.shape != v.shape:
        raise ValueError(f"yi and vi must have the same shape: {y.shape} and {v.shape}.")
    present = np.isfinite(y)
    if np.any(present != np.isfinite(v)) or np.any(np.isinf(y)) or np.any(np.isinf(v)):
        raise ValueError(
            "yi and vi: missing studies must be NaN in both arrays (and no infinite values)."
        )
    if np.any(v[present] <= 0):
        raise ValueError("vi must be greater than 0.")
    k = present.sum(axis=1).astype(float)
    fixed = method in ("FE", "EE")
    min_k = 1 if fixed and test == "z" else 2
    if np.any(k < min_k):
        bad = np.flatnonzero(k < min_k)[:5].tolist()
        raise ValueError(
            f"yi: every row needs at least {min_k} studies for method={method!r}, "
            f"test={test!r} (problem in row(s) {bad})."
        )
    y = np.where(present, y, 0.0)
    v = np.where(present, v, np.inf)
    tau2 = np.zeros(len(y)) if fixed else _ESTIMATORS[method](y, v, present, k)
    q_re, _, mu, sw, _ = _q(y, v, present, tau2)
    var = 1.0 / sw
    df = k - 1
    if test == "knha":
        # as metafor: a residual sum of squares at rounding level counts as 0
        var = var * np.where(q_re <= np.finfo(float).eps, 0.0, q_re) / df
        crit = special.stdtrit(df, 1.0 - (1.0 - level) / 2.0)
        pfun_df = df
    else:
        crit = np.full(len(y), crit_value(level, None))
        pfun_df = None
    se = np.sqrt(var)
    stat = ratio(mu, se)
    pvalue = two_sided_p(stat, pfun_df)
    # heterogeneity with fixed-effect weights, as metafor
    q, w_fe, _, sw_fe, _ = _q(y, v, present, np.zeros(len(y)))
    with np.errstate(divide="ignore", invalid="ignore"):
        vt = df / (sw_fe - (w_fe * w_fe).sum(axis=1) / sw_fe)
        if fixed:
            i2 = np.where(q > 0, np.maximum(0.0, 100.0 * (q - df) / q), 0.0)
        else:
            i2 = 100.0 * tau2 / (vt + tau2)
    half_pi = crit * np.sqrt(var + tau2)
    return pd.DataFrame(
        {
            "k": k.astype(int),
            "estimate": mu,
            "se": se,
            "statistic": stat,
            "pvalue": pvalue,
            "ci_low": mu - crit * se,
            "ci_high": mu + crit * se,
            "pi_low": mu - half_pi,
            "pi_high": mu + half_pi,
            "tau2": tau2,
            "i2": np.where(df > 0, i2, 0.0),
            "q": q,
            "q_pvalue": np.where(df > 0, special.chdtrc(np.maximum(df, 1), q), 1.0),
        }
    )
