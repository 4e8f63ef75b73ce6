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
from course_kit.meta._estimators import NEWTON_AFTER, NEWTON_FROM, score_root
from course_kit.meta._model import check_method_test

__all__ = ["meta_analysis_many"]

_TOL = 1e-10
_MAXITER = 300


# Row sums and row dot products: `a @ ones` and einsum are 2-3x faster than
# `.sum(axis=1)` on short rows, and every n × k temporary costs more than the
# arithmetic on it (page faults), so the loops below reuse work arrays.


def _rowsum(a):
    return a @ np.ones(a.shape[1])


def _rowdot(a, b):
    return np.einsum("ij,ij->i", a, b)


def _weights(v, tau2, out=None):
    """1/(v + τ²) per row; absent studies have v = inf, so their weight is 0."""
    w = np.add(v, tau2[:, None], out=out)
    return np.divide(1.0, w, out=w)


def _q(y, v, present, tau2):
    """Per row: generalised Q, weights, weighted mean and Σw."""
    w = _weights(v, tau2)
    sw = _rowsum(w)
    mu = _rowdot(w, y) / sw
    r = np.subtract(y, mu[:, None])
    np.multiply(r, r, out=r)
    return _rowdot(w, r), w, mu, sw


def _tau2_he(y, v, present, k):
    ybar = _rowsum(y) / k  # absent y are 0
    r = np.where(present, y - ybar[:, None], 0.0)
    vv = _rowsum(np.where(present, v, 0.0))
    return np.maximum(0.0, (_rowdot(r, r) - vv * (k - 1) / k) / (k - 1))


def _tau2_dl(y, v, present, k):
    q, w, _, sw = _q(y, v, present, np.zeros(len(y)))
    tr_p = sw - _rowdot(w, w) / sw
    return np.maximum(0.0, (q - (k - 1)) / tr_p)


def _tau2_sj(y, v, present, k):
    ybar = _rowsum(y) / k
    r = np.where(present, y - ybar[:, None], 0.0)
    tau0 = _rowdot(r, r) / k
    q = _q(y, v, present, tau0)[0]
    return tau0 * q / (k - 1)


def _halve(t, adj):
    """adj/2^m with the least m ≥ 0 that keeps t + adj/2^m ≥ 0 (t ≥ 0), per row.

    The same result as halving adj until τ² stays ≥ 0 (halving is exact in binary
    floating point), without one pass over the rows per halving.
    """
    neg = t + adj < 0.0
    if not neg.any():
        return adj
    with np.errstate(divide="ignore", invalid="ignore"):
        m = np.where(neg, np.ceil(np.log2(-adj / t)), 0.0)
    m = np.clip(np.nan_to_num(m, nan=0.0, posinf=1100.0), 0.0, 1100.0).astype(int)
    for _ in range(1100):  # the estimate is off by one at most; make it exact
        more = t + np.ldexp(adj, -m) < 0.0
        if not more.any():
            break
        m += more
    for _ in range(1100):
        fewer = (m > 0) & (t + np.ldexp(adj, -(m - 1)) >= 0.0)
        if not fewer.any():
            break
        m -= fewer
    return np.ldexp(adj, -m)


def _tau2_fisher(y, v, present, k, kind):
    """Fisher scoring on all rows at once, as :func:`_estimators._fisher1` row by row.

    Per row: the HE start, step halving, Newton steps once the Fisher steps are
    small, alternate in sign or after NEWTON_AFTER steps, the same stopping rule and
    fallback. The rows still iterating are gathered into smaller work arrays when
    they are fewer than 3/4 of those computed.
    """
    n = len(y)
    tau2 = _tau2_he(y, v, present, k)
    # centred y (see _fisher1); absent studies have weight 0 through v = inf
    yc = np.where(present, y - (_rowsum(y) / k)[:, None], 0.0)
    buf = np.empty((3, *y.shape))
    active = np.ones(n, dtype=bool)
    newton = np.zeros(n, dtype=bool)
    last = np.zeros(n)
    rows = np.arange(n)  # the rows in the work arrays
    a1, a2, vv, kk = yc, yc * yc, v, k
    for it in range(_MAXITER):
        act = active[rows]
        if act.sum() < 0.75 * len(rows):
            keep = np.flatnonzero(act)
            rows, a1, a2, vv, kk = rows[keep], a1[keep], a2[keep], vv[keep], kk[keep]
            act = act[keep]
        m = len(rows)
        t, nw, prev = tau2[rows], newton[rows] & act, last[rows]
        w = _weights(vv, t, out=buf[0, :m])
        w2 = np.multiply(w, w, out=buf[1, :m])
        s0, t0 = _rowsum(w), _rowsum(w2)
        s1, t1, t2 = _rowdot(w, a1), _rowdot(w2, a1), _rowdot(w2, a2)
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
                w3 = np.multiply(w2, w, out=buf[2, :m])
                u1, u2 = _rowdot(w3, a1), _rowdot(w3, a2)
                wr = t1 - mu * t0
                ds = -2.0 * ((u2 - 2.0 * mu * u1 + mu * mu * u0) - wr * wr / s0) + info
        if ds is not None:
            ok = nw & (ds < 0.0)
            nadj = -score / np.where(ok, ds, -1.0)  # no division by 0 where unused
            adj = np.where(ok & (t + nadj >= 0.0), nadj, adj)
        adj = np.where(np.isfinite(adj), adj, 0.0)
        # step halving keeps τ² ≥ 0; at τ² = 0 a negative step is dropped
        adj = np.where((t == 0.0) & (adj < 0.0), 0.0, adj)
        adj = _halve(t, adj)
        new = t + adj
        step = np.abs(new - t)
        upd = rows[act]  # rows that converged earlier keep their value
        tau2[upd] = new[act]
        last[upd] = adj[act]
        newton[upd] = (nw | (step < NEWTON_FROM) | (adj * prev < 0.0) | (it >= NEWTON_AFTER))[act]
        active[upd] = step[act] >= _TOL
        if not active[upd].any():
            break
    # rows that never converged: solve the score equation row by row
    for i in np.flatnonzero(active):
        sel = present[i]
        tau2[i] = score_root(y[i, sel], v[i, sel], np.ones((int(sel.sum()), 1)), kind)
    if kind in ("ML", "REML"):
        # metafor's check that the likelihood is not higher at τ² = 0, with the
        # difference ll(0) − ll(τ²) formed directly: ½·Σlog(1 + τ²/v) − ½·(Q(0) − Q(τ²))
        # [− ½·log(Σw(0)/Σw(τ²)) for REML]; absent studies (v = inf) add log1p(0) = 0
        check = np.flatnonzero(tau2 > _TOL)
        if check.size:
            yy, vv, t = y[check], v[check], tau2[check]
            q0, _, _, sw0 = _q(yy, vv, None, np.zeros_like(t))
            qt, _, _, swt = _q(yy, vv, None, t)
            ratio = np.divide(t[:, None], vv)
            worse = 0.5 * _rowsum(np.log1p(ratio, out=ratio)) - 0.5 * (q0 - qt)
            if kind == "REML":
                worse -= 0.5 * np.log(sw0 / swt)
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
    k = _rowsum(present.astype(float))
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
    q_re, _, mu, sw = _q(y, v, present, tau2)
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
    q, w_fe, _, sw_fe = _q(y, v, present, np.zeros(len(y)))
    with np.errstate(divide="ignore", invalid="ignore"):
        vt = df / (sw_fe - _rowdot(w_fe, w_fe) / sw_fe)
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
