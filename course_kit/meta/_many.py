"""Many meta-analyses at once (vectorised over rows), for simulations.

:func:`meta_analysis_many` fits one intercept-only model per row of 2-D arrays with
numpy operations on all rows together: Fisher scoring (ML, REML, EB) runs on the rows
still iterating (gathered into smaller arrays as rows converge; the last few finish
row by row), PM uses a vectorised bisection, and the closed forms (FE, DL, HE, SJ)
need no iteration. The results equal a loop of :func:`course_kit.meta.meta_analysis`
(tests check agreement to 1e-10), and so agree with metafor 3.8-1.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from course_kit._validation import as_float_array
from course_kit.meta._core import crit_value, ratio, two_sided_p
from course_kit.meta._estimators import (
    MAXITER,
    NEWTON_AFTER,
    NEWTON_FROM,
    TOL,
    fisher1_steps,
    score_root,
)
from course_kit.meta._model import check_method_test

__all__ = ["meta_analysis_many"]

# Row sums and row dot products: `a @ ones` and einsum are 2-3x faster than
# `.sum(axis=1)` on short rows, and every n × k temporary costs more than the
# arithmetic on it (page faults), so the loops below reuse work arrays.
#
# The work set of Fisher scoring is gathered into smaller arrays once fewer than this
# share of its rows still iterate: gathering costs about three passes over the rows
# kept, iterating converged rows twelve passes over those
_COMPACT = 0.8
# ... and its last rows are handed to the scalar steps once this few are left: a step
# of the loop below costs ~60 numpy calls whatever the number of rows, a scalar step
# on one row ~10
_HAND_OVER = 6


class _Work:
    """One work array for a call, in regions of n × k values.

    ``block(region, count, m)`` is a contiguous (count, m, k) array from the start of
    ``region`` on, for the first m rows. One allocation rather than many: glibc keeps
    an array this large for the next call, while a series of smaller fresh arrays is
    returned to the system after each call and page-faulted in again by the next (a
    quarter of the time of a call on 2,000 rows).
    """

    def __init__(self, n, kmax, regions):
        self.kmax, self.size = kmax, n * kmax
        self.array = np.empty(regions * self.size)

    def block(self, region, count, m):
        start = region * self.size
        return self.array[start : start + count * m * self.kmax].reshape(count, m, self.kmax)


# the regions: the weights and residuals of _q, the centred y, then Fisher scoring's
_Q, _YC, _FISHER = 0, 2, 3
_FISHER_REGIONS = 9


def _rowsum(a):
    return a @ np.ones(a.shape[1])


def _rowdot(a, b):
    return np.einsum("ij,ij->i", a, b)


def _weights(v, tau2, out=None):
    """1/(v + τ²) per row (1/v where τ² is None); absent studies have v = inf: weight 0."""
    if tau2 is None:  # v + 0 is v exactly: the same weights, one pass fewer
        return np.divide(1.0, v, out=out)
    w = np.add(v, tau2[:, None], out=out)
    return np.divide(1.0, w, out=w)


def _q(y, v, tau2, work):
    """Per row: generalised Q, weights, weighted mean and Σw (τ² None: fixed effect).

    The weights are in ``work`` until the next call.
    """
    w, r = work.block(_Q, 2, len(y))
    _weights(v, tau2, out=w)
    sw = _rowsum(w)
    mu = _rowdot(w, y) / sw
    np.subtract(y, mu[:, None], out=r)
    np.multiply(r, r, out=r)
    return _rowdot(w, r), w, mu, sw


def _tau2_he(y, v, present, k, yc):
    # yc: y centred on its row mean, 0 for absent studies
    vv = _rowsum(v if present is None else np.where(present, v, 0.0))
    return np.maximum(0.0, (_rowdot(yc, yc) - vv * (k - 1) / k) / (k - 1))


def _tau2_dl(y, v, present, k, yc, fe, work):
    q, tr_p = fe[0], fe[4]
    return np.maximum(0.0, (q - (k - 1)) / tr_p)


def _tau2_sj(y, v, present, k, yc, fe, work):
    tau0 = _rowdot(yc, yc) / k
    q = _q(y, v, tau0, work)[0]
    return tau0 * q / (k - 1)


def _halve(t, adj):
    """adj/2^m with the least m ≥ 0 that keeps t + adj/2^m ≥ 0 (t > 0), per row.

    Only the few rows whose probe of τ² = 0 failed need it (see _tau2_fisher).

    The same result as halving adj until τ² stays ≥ 0 (halving is exact in binary
    floating point), without one pass over the rows per halving.
    """
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        m = np.ceil(np.log2(-adj / t))
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


def _tau2_fisher(y, v, present, k, yc, work, kind):
    """Fisher scoring on all rows at once, as :func:`_estimators._fisher1` row by row.

    Per row: the HE start, Newton steps once the Fisher steps are small, alternate in
    sign or after NEWTON_AFTER steps, the probe of τ² = 0 before a step is halved,
    the same stopping rule and fallback. Only the rows still iterating are computed
    (the work set, gathered into smaller arrays as rows converge), and the last few
    are handed to :func:`_estimators.fisher1_steps`: a step of numpy calls on a
    handful of rows costs as much as on thousands. metafor's check of τ² = 0 (ML,
    REML) follows in :func:`_ll0check`, with statistics the result needs anyway.
    """
    n, kmax = y.shape
    tau2 = _tau2_he(y, v, present, k, yc)
    ones = np.ones(kmax)
    # _FISHER_REGIONS regions of `work`, each used as a block of the m rows in the work
    # set: the weights w, w², w³ (one matrix-vector product sums them), and two
    # places each for the centred y and y² (ya) and for v (vv), between which the work
    # set is gathered as rows converge
    block = work.block
    ya_at, vv_at = _FISHER + 3, _FISHER + 7  # the other places: + 5 and + 8
    ya = block(ya_at, 2, n)
    np.copyto(ya[0], yc)
    np.multiply(yc, yc, out=ya[1])
    # the work set: rows[i] is the row of work row i; `done` marks work rows that
    # converged but are not yet gathered out (they iterate on, their results unused)
    rows = np.arange(n)
    t = tau2.copy()
    newton = np.zeros(n, dtype=bool)
    last = np.zeros(n)
    done = np.zeros(n, dtype=bool)
    probing = np.zeros(n, dtype=bool)  # τ² = 0 is probed, (put_t, put_adj) put off
    put_t = np.zeros(n)
    put_adj = np.zeros(n)
    vv, kk = v, k
    it = 0
    # non-finite steps become 0 below; Newton steps are formed for every row and
    # used only where allowed
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for it in range(MAXITER):
            m = len(rows)
            if m - np.count_nonzero(done) <= _HAND_OVER:
                break
            wk = block(_FISHER, 3, m)
            w, w2, w3 = wk
            np.add(vv, t[:, None], out=w)
            np.divide(1.0, w, out=w)
            np.multiply(w, w, out=w2)
            np.multiply(w2, w, out=w3)
            s0, t0, u0 = (wk.reshape(-1, kmax) @ ones).reshape(3, m)
            a1, a2 = ya
            s1, t1, t2 = _rowdot(w, a1), _rowdot(w2, a1), _rowdot(w2, a2)
            mu = s1 / s0
            ypppy = t2 - 2.0 * mu * t1 + mu * mu * t0
            if kind == "EB":
                score = (_rowdot(w, a2) - mu * s1) * kk / (kk - 1) - kk
                adj = score / s0
                ds = -ypppy * kk / (kk - 1)
            else:
                if kind == "ML":
                    score = ypppy - s0
                    info = t0
                else:
                    info = t0 - 2.0 * u0 / s0 + (t0 / s0) ** 2
                    score = ypppy - (s0 - t0 / s0)
                adj = score / info
                u1, u2 = _rowdot(w3, a1), _rowdot(w3, a2)
                wr = t1 - mu * t0
                ds = -2.0 * ((u2 - 2.0 * mu * u1 + mu * mu * u0) - wr * wr / s0) + info
            nadj = -score / ds
            adj = np.where(newton & (ds < 0.0) & (t + nadj >= 0.0), nadj, adj)
            finite = np.isfinite(adj)
            if not finite.all():
                adj = np.where(finite, adj, 0.0)
            # Rows where τ² = 0 was probed: 0 is the estimate where the step there is
            # ≤ 0 (dropped below, so they converge); elsewhere the step put off is
            # taken now, halved, as if never probed. Other rows probe after this.
            t_from = t
            if probing.any():
                probed = np.flatnonzero(probing)
                back = probed[adj[probed] > 0.0]
                if back.size:
                    t_from = t.copy()
                    t_from[back] = put_t[back]
                    adj[back] = _halve(put_t[back], put_adj[back])
                probing[probed] = False
            below = t_from + adj < 0.0
            if below.any():
                below = np.flatnonzero(below)
                at0 = t_from[below] == 0.0
                adj[below[at0]] = 0.0  # at τ² = 0 a negative step is dropped
                below = below[~at0]  # the rows that probe τ² = 0 next
            else:
                below = below[:0]
            new = t_from + adj
            step = np.abs(new - t_from)
            conv = step < TOL
            # Newton steps also end an oscillating Fisher scoring (alternating steps)
            if it >= NEWTON_AFTER:
                new_newton = np.ones(m, dtype=bool)
            else:
                new_newton = newton | (step < NEWTON_FROM) | (adj * last < 0.0)
            if below.size:  # their step is put off: no change of state yet
                put_t[below], put_adj[below] = t_from[below], adj[below]
                new[below], conv[below] = 0.0, False
                new_newton[below], adj[below] = newton[below], last[below]
                probing[below] = True
            t, newton, last = new, new_newton, adj
            conv &= ~done
            if conv.any():
                tau2[rows[conv]] = t[conv]
                done |= conv
                live = np.flatnonzero(~done)
                if not live.size:
                    return tau2
                if live.size < _COMPACT * m:
                    rows, t, newton, last, probing, put_t, put_adj = (
                        a[live] for a in (rows, t, newton, last, probing, put_t, put_adj)
                    )
                    done = np.zeros(live.size, dtype=bool)
                    # np.take copies whole rows, twice as fast as fancy indexing
                    # (mode="clip": the indices are valid, and "raise" would buffer)
                    ya_at, vv_at = 2 * _FISHER + 8 - ya_at, 2 * _FISHER + 15 - vv_at
                    ya = np.take(ya, live, axis=1, out=block(ya_at, 2, live.size), mode="clip")
                    vv = np.take(vv, live, axis=0, out=block(vv_at, 1, live.size)[0], mode="clip")
                    if kind == "EB":
                        kk = kk[live]
        else:
            it = MAXITER
    # the last few rows: on with the same steps row by row; rows that never converge
    # (Fisher scoring can oscillate) get the root of the score equation
    for i in np.flatnonzero(~done):
        row = rows[i]
        sel = np.isfinite(v[row])
        yi, vi = y[row, sel], v[row, sel]
        resume = (put_t[i], put_adj[i]) if probing[i] else None
        est = fisher1_steps(yi, vi, kind, t[i], bool(newton[i]), last[i], resume, it)
        if est is None:
            est = score_root(yi, vi, np.ones((len(yi), 1)), kind)
        tau2[row] = est
    return tau2


def _ll0check(tau2, v, k, fe, re, reml):
    """metafor's check that the (restricted) likelihood is not higher at τ² = 0.

    The difference ll(0) − ll(τ²) is formed directly: ½·Σlog(1 + τ²/v) −
    ½·(Q(0) − Q(τ²)) [− ½·log(Σw(0)/Σw(τ²)) for REML], from the fixed-effect and
    random-effects statistics the result needs anyway (``fe``, ``re``: Q, weights,
    μ, Σw); absent studies (v = inf) add log1p(0) = 0. Rows set to 0 take the
    fixed-effect statistics (1/(v + 0) is 1/v exactly). Changes ``tau2`` and ``re``
    in place.
    """
    # log is concave, so Σlog(1 + τ²/v) ≤ k·log(1 + τ²·Σ(1/v)/k) (Jensen), and with
    # this in place of the sum of logs the difference is bounded from above: where
    # the bound is < 0 (nearly every row: the likelihood at τ² is far higher) the
    # difference is too, and only the other rows need the n × k pass of logarithms
    bound = 0.5 * k * np.log1p(tau2 * fe[3] / k) - 0.5 * (fe[0] - re[0])
    if reml:
        bound -= 0.5 * np.log(fe[3] / re[3])
    check = np.flatnonzero((tau2 > TOL) & (bound >= 0.0))
    if not check.size:
        return
    t = tau2[check]
    ratio = np.divide(t[:, None], v[check])
    worse = 0.5 * _rowsum(np.log1p(ratio, out=ratio)) - 0.5 * (fe[0][check] - re[0][check])
    if reml:
        worse -= 0.5 * np.log(fe[3][check] / re[3][check])
    zero = check[worse > TOL]
    if zero.size:
        tau2[zero] = 0.0
        for i in (0, 2, 3):  # Q, μ and Σw; the weights are not used
            re[i][zero] = fe[i][zero]


def _tau2_pm(y, v, present, k, yc, fe, work):
    target = k - 1.0
    q0 = fe[0]
    lo = np.zeros(len(y))
    hi = np.full(len(y), 100.0)
    if present is None:
        ybar = y.sum(axis=1) / k
        spread = ((y - ybar[:, None]) ** 2).sum(axis=1)
    else:
        ybar = np.where(present, y, 0.0).sum(axis=1) / k
        spread = np.where(present, (y - ybar[:, None]) ** 2, 0.0).sum(axis=1)
    # any bracket containing the root works (Q is decreasing); widen it where needed
    hi = np.maximum(hi, 10.0 * spread)
    while True:
        too_low = _q(y, v, hi, work)[0] > target
        if not too_low.any():
            break
        hi = np.where(too_low, hi * 10.0, hi)
    # bisection: Q(τ²) decreases in τ²; 200 halvings reach the float resolution
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        above = _q(y, v, mid, work)[0] > target
        lo = np.where(above, mid, lo)
        hi = np.where(above, hi, mid)
        if np.all(hi - lo <= 1e-12 * np.maximum(1.0, hi)):
            break
    return np.where(q0 < target, 0.0, 0.5 * (lo + hi))


# each takes (y, v, present, k, yc, fe, work): see meta_analysis_many
_ESTIMATORS = {
    "DL": _tau2_dl,
    "HE": lambda y, v, present, k, yc, fe, work: _tau2_he(y, v, present, k, yc),
    "SJ": _tau2_sj,
    "PM": _tau2_pm,
    "ML": lambda y, v, present, k, yc, fe, work: _tau2_fisher(y, v, present, k, yc, work, "ML"),
    "REML": lambda y, v, present, k, yc, fe, work: _tau2_fisher(y, v, present, k, yc, work, "REML"),
    "EB": lambda y, v, present, k, yc, fe, work: _tau2_fisher(y, v, present, k, yc, work, "EB"),
}


def _checked(yi, vi, method, test):
    """The validated arrays: y (0 where absent), v (inf where absent), present, k.

    ``present`` is None when no study is absent (the common case: a simulation),
    which one sum per array tells; the full checks run only otherwise.
    """
    y = as_float_array(yi, "yi", ndim=2, allow_nan=True)  # copies: changed in place
    v = as_float_array(vi, "vi", ndim=2, allow_nan=True)
    if y.shape != v.shape:
        raise ValueError(f"yi and vi must have the same shape: {y.shape} and {v.shape}.")
    n, kmax = y.shape
    if np.isfinite(y.sum() + v.sum()):  # no NaN or inf anywhere (or the sum overflows)
        present = None
        if v.min() <= 0:
            raise ValueError("vi must be greater than 0.")
        k = np.full(n, float(kmax))
    else:
        present = np.isfinite(y)
        if np.any(present != np.isfinite(v)) or np.any(np.isinf(y)) or np.any(np.isinf(v)):
            raise ValueError(
                "yi and vi: missing studies must be NaN in both arrays (and no infinite values)."
            )
        if np.any(v[present] <= 0):
            raise ValueError("vi must be greater than 0.")
        k = _rowsum(present.astype(float))
        absent = ~present
        np.copyto(y, 0.0, where=absent)
        np.copyto(v, np.inf, where=absent)
    min_k = 1 if method in ("FE", "EE") and test == "z" else 2
    if np.any(k < min_k):
        bad = np.flatnonzero(k < min_k)[:5].tolist()
        raise ValueError(
            f"yi: every row needs at least {min_k} studies for method={method!r}, "
            f"test={test!r} (problem in row(s) {bad})."
        )
    return y, v, present, k


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
    y, v, present, k = _checked(yi, vi, method, test)
    n = len(y)
    df = k - 1
    # the fixed-effect statistics: heterogeneity uses them (as metafor), DL, PM and
    # the τ² = 0 check too; tr(P) at τ² = 0 gives DL's denominator and ṽ
    fixed = method in ("FE", "EE")
    fisher = method in ("ML", "REML", "EB")
    work = _Work(n, y.shape[1], _FISHER + _FISHER_REGIONS if fisher else _FISHER)
    fe = _q(y, v, None, work)
    with np.errstate(divide="ignore", invalid="ignore"):  # rows with k = 1 (FE, z)
        tr_p = fe[3] - _rowdot(fe[1], fe[1]) / fe[3]
    if fixed:
        tau2 = np.zeros(n)
        q_re, mu, sw = fe[0], fe[2], fe[3]
    else:
        # y centred on its row mean (0 where absent): the HE and SJ estimates use it,
        # and Fisher scoring forms its sums from it without loss of precision
        yc = np.subtract(y, (_rowsum(y) / k)[:, None], out=work.block(_YC, 1, n)[0])
        if present is not None:
            np.copyto(yc, 0.0, where=~present)
        tau2 = _ESTIMATORS[method](y, v, present, k, yc, (*fe, tr_p), work)
        re = list(_q(y, v, tau2, work))
        if method in ("ML", "REML"):
            _ll0check(tau2, v, k, fe, re, method == "REML")
        q_re, mu, sw = re[0], re[2], re[3]
    var = 1.0 / sw
    if test == "knha":
        # as metafor: a residual sum of squares at rounding level counts as 0
        var = var * np.where(q_re <= np.finfo(float).eps, 0.0, q_re) / df
        crit = special.stdtrit(df, 1.0 - (1.0 - level) / 2.0)
        pfun_df = df
    else:
        crit = np.full(n, crit_value(level, None))
        pfun_df = None
    se = np.sqrt(var)
    stat = ratio(mu, se)
    pvalue = two_sided_p(stat, pfun_df)
    # heterogeneity with fixed-effect weights, as metafor
    q = fe[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        vt = df / tr_p
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
