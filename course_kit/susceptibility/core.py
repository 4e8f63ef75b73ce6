"""Numerical core of :mod:`course_kit.susceptibility` (numpy/scipy only).

Everything here works on plain arrays so that the simulation
tests can run thousands of fits quickly; the public module wraps it.

Notation (Widaman et al. 2012; Roisman et al. 2012): the outcome Y, the
environment X, the susceptibility marker G, and the ordinary interaction model
``Y = B0 + B1 X + B2 G + B3 X G (+ covariates)``. Its cross-over point is
``C = -B2 / B3``, the value of X where the lines for different G meet.
"""

from __future__ import annotations

import itertools

import numpy as np


def ols(design: np.ndarray, y: np.ndarray):
    """Least squares: (coefficients, covariance, rss, df_resid).

    numpy's lstsq is used instead of statsmodels where thousands of small fits
    are needed (simulations, model comparison): it is ~50x faster per fit.
    """
    n, p = design.shape
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    rss = float(resid @ resid)
    df = n - p
    return coef, unscaled_cov(design) * (rss / df), rss, df


def unscaled_cov(design: np.ndarray) -> np.ndarray:
    """(D'D)^-1 through a QR decomposition (stabler than inverting D'D)."""
    r = np.linalg.qr(design, mode="r")
    r_inv = np.linalg.inv(r)
    return r_inv @ r_inv.T


def crossover_delta(b2: float, b3: float, v22: float, v23: float, v33: float):
    """Cross-over point C = -B2/B3 and its delta-method standard error."""
    c = -b2 / b3
    grad = np.array([-1.0 / b3, b2 / b3**2])
    cov = np.array([[v22, v23], [v23, v33]])
    return c, float(np.sqrt(grad @ cov @ grad))


def crossover_nls(y, x, g, z, start):
    """Fit Widaman et al.'s re-parameterised model by non-linear least squares.

    ``Y = A0 + B1 (X - C) + B3 (X - C) G + Z gamma``, with C a parameter, so its
    standard error comes straight from the fit (Jacobian, OLS-style sigma^2).
    scipy has the optimiser; the model itself is not in statsmodels.

    Returns (params, cov, rss, df) with params ordered A0, B1, C, B3, gamma...
    """
    from scipy.optimize import least_squares

    k = z.shape[1]

    def resid(p):
        a0, b1, c, b3 = p[:4]
        return y - (a0 + b1 * (x - c) + b3 * (x - c) * g + z @ p[4:])

    def jac(p):
        _, b1, c, b3 = p[:4]
        cols = [np.ones_like(x), x - c, -(b1 + b3 * g), (x - c) * g]
        return -np.column_stack([*cols, z]) if k else -np.column_stack(cols)

    fit = least_squares(resid, start, jac=jac, method="lm", xtol=1e-14, ftol=1e-14, gtol=1e-14)
    p = fit.x
    j = -jac(p)
    rss = float(fit.fun @ fit.fun)
    df = len(y) - len(p)
    cov = unscaled_cov(j) * (rss / df)
    return p, cov, rss, df


def jn_segments(b2, b3, v22, v23, v33, t_crit):
    """Johnson-Neyman: where is the effect of G at X, B2 + B3 X, significant?

    Solves (B2 + B3 X)^2 = t^2 (V22 + 2 X V23 + X^2 V33), a quadratic in X.
    Returns (roots, segments): the sorted real roots and a list of
    (low, high, significant) pieces covering the whole real line.
    """
    t2 = t_crit**2
    a = b3**2 - t2 * v33
    b = 2.0 * (b2 * b3 - t2 * v23)
    c = b2**2 - t2 * v22

    def sig(xv):
        return (b2 + b3 * xv) ** 2 > t2 * (v22 + 2 * xv * v23 + xv**2 * v33)

    scale = max(abs(b3) ** 2, t2 * abs(v33), 1e-300)
    if abs(a) < 1e-12 * scale:  # degenerate: the quadratic is (almost) linear
        roots = [] if b == 0 else [-c / b]
    else:
        disc = b * b - 4 * a * c
        if disc < 0:
            roots = []
        else:
            # numerically stable pair of roots
            q = -0.5 * (b + np.copysign(np.sqrt(disc), b))
            r = sorted({q / a, c / q} if q != 0 else {0.0})
            roots = r
    edges = [-np.inf, *roots, np.inf]
    segments = []
    for lo, hi in itertools.pairwise(edges):
        if np.isinf(lo) and np.isinf(hi):
            probe = 0.0
        elif np.isinf(lo):
            probe = hi - 1.0 - abs(hi)
        elif np.isinf(hi):
            probe = lo + 1.0 + abs(lo)
        else:
            probe = 0.5 * (lo + hi)
        segments.append((float(lo), float(hi), bool(sig(probe))))
    return [float(r) for r in roots], segments


def interaction_areas(c: float, x_low: float, x_high: float):
    """Areas between the two lines left and right of C, over [x_low, x_high].

    The gap between the lines is proportional to |X - C|, so each area is the
    integral of |X - C| over its side (the constant |B3| cancels in PoI).
    """

    def integral_abs(a, b):  # integral of |x - c| over [a, b], a <= b, same side of c
        return abs((b - c) * abs(b - c) - (a - c) * abs(a - c)) / 2.0

    left_hi = min(max(c, x_low), x_high)
    right_lo = max(min(c, x_high), x_low)
    left = integral_abs(x_low, left_hi)
    right = integral_abs(right_lo, x_high)
    return left, right


def aic_bic(rss: float, n: int, n_params: int):
    """Gaussian AIC and BIC as R's AIC()/BIC() give them for lm (sigma counts)."""
    llf = -0.5 * n * (np.log(2 * np.pi * rss / n) + 1.0)
    k = n_params + 1
    return -2 * llf + 2 * k, -2 * llf + np.log(n) * k


def compare_core(y, x, g, z, c_adverse, c_supportive, t_level=0.95):
    """The six competing models of Belsky, Pluess & Widaman (2013); rows as dicts.

    Free-C models are fitted through their ordinary (linear) form, which is an
    exact re-parameterisation: weak DS is Y ~ X + G + XG, strong DS is
    Y ~ G + XG (no X slope in the G = 0 group); C = -b_G / b_XG with a
    delta-method SE (identical to the non-linear fit's SE, see the tests).
    Fixed-C models are linear in (X - C).
    """
    from scipy import stats

    n = len(y)
    one = np.ones(n)
    tss = float(((y - y.mean()) ** 2).sum())
    rows = []
    specs = [
        ("differential_susceptibility", "strong", None),
        ("differential_susceptibility", "weak", None),
        ("diathesis_stress", "strong", c_supportive),
        ("diathesis_stress", "weak", c_supportive),
        ("vantage_sensitivity", "strong", c_adverse),
        ("vantage_sensitivity", "weak", c_adverse),
    ]
    for pattern, strength, c_fixed in specs:
        if c_fixed is None:
            cols = [one, x, g, x * g] if strength == "weak" else [one, g, x * g]
        else:
            xc = x - c_fixed
            cols = [one, xc, xc * g] if strength == "weak" else [one, xc * g]
        design = np.column_stack([*cols, z]) if z.shape[1] else np.column_stack(cols)
        coef, cov, rss, df = ols(design, y)
        if c_fixed is None:
            ig, ixg = len(cols) - 2, len(cols) - 1
            c, se = crossover_delta(coef[ig], coef[ixg], cov[ig, ig], cov[ig, ixg], cov[ixg, ixg])
            half = stats.t.ppf(0.5 + t_level / 2, df) * se
            n_params = design.shape[1]  # C replaces the G main effect
            ci = (c - half, c + half)
        else:
            c, ci = c_fixed, (np.nan, np.nan)
            n_params = design.shape[1]  # C is fixed, not estimated
        aic, bic = aic_bic(rss, n, n_params)
        rows.append(
            {
                "model": f"{pattern}_{strength}",
                "pattern": pattern,
                "strength": strength,
                "n_params": n_params,
                "rss": rss,
                "r2": 1.0 - rss / tss,
                "aic": aic,
                "bic": bic,
                "crossover": float(c),
                "crossover_fixed": c_fixed is not None,
                "crossover_ci_low": float(ci[0]),
                "crossover_ci_high": float(ci[1]),
                "crossover_in_range": bool(x.min() <= c <= x.max()),
                "pct_below_crossover": 100.0 * float(np.mean(x < c)),
            }
        )
    return rows
