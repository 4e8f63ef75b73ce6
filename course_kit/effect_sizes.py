"""Effect sizes and their sampling variances from summary data.

Every function is vectorised: it accepts scalars, lists, numpy arrays or pandas
Series and returns an :class:`EffectSize` with the estimates ``yi`` and the
sampling variances ``vi`` (the two inputs of :func:`course_kit.meta.meta_analysis`).
When a pandas Series is given, its index is kept in :meth:`EffectSize.to_frame`.

The formulas follow R's ``metafor::escalc`` and agree with metafor 3.8-1 to
1e-10 (relative) on ``dat.normand1999`` (SMD), ``dat.bcg`` plus a table with zero
cells (OR, RR, RD) and ``dat.molloy2014`` (COR, ZCOR); see
``tests/reference/make_reference.R``.

Examples
--------
>>> from course_kit.effect_sizes import smd
>>> es = smd(m1=10.0, sd1=2.0, n1=20, m2=9.0, sd2=2.0, n2=20)
>>> round(float(es.yi[0]), 4), round(float(es.vi[0]), 4)
(0.4901, 0.103)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_kit._validation import as_float_array

__all__ = [
    "EffectSize",
    "cor",
    "d_to_log_or",
    "d_to_r",
    "log_odds_ratio",
    "log_or_to_d",
    "log_risk_ratio",
    "r_to_d",
    "risk_difference",
    "smd",
    "smd_from_t",
    "smd_variance",
    "variance_from_ci",
    "zcor",
]


@dataclass(frozen=True)
class EffectSize:
    """Effect-size estimates ``yi`` with sampling variances ``vi``.

    Attributes
    ----------
    yi, vi : numpy.ndarray
        Estimates and their sampling variances (same length).
    measure : str
        metafor's name for the measure ("SMD", "OR", "RR", "RD", "COR", "ZCOR").
    index : pandas.Index or None
        The index of the pandas Series the inputs came from, if any.
    """

    yi: np.ndarray
    vi: np.ndarray
    measure: str
    index: object = None

    @property
    def se(self) -> np.ndarray:
        """Standard errors, ``sqrt(vi)``."""
        return np.sqrt(self.vi)

    def __len__(self) -> int:
        return len(self.yi)

    def to_frame(self):
        """Return a tidy DataFrame with columns ``yi``, ``vi`` and ``se``."""
        import pandas as pd

        return pd.DataFrame({"yi": self.yi, "vi": self.vi, "se": self.se}, index=self.index).assign(
            measure=self.measure
        )


# --- input helpers -----------------------------------------------------------------


def _index_of(*values):
    """The index of the first pandas Series among ``values`` (kept in to_frame)."""
    for v in values:
        if hasattr(v, "index") and hasattr(v, "to_numpy"):
            return v.index
    return None


def _arrays(**named):
    """Validate named inputs as finite float arrays broadcast to one common shape."""
    arrays = {name: as_float_array(v, name) for name, v in named.items()}
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays.values()))
    except ValueError:
        desc = ", ".join(f"{k} has {len(v)}" for k, v in arrays.items())
        raise ValueError(f"Inputs must have the same length (or length 1): {desc}.") from None
    return [np.broadcast_to(a, shape).astype(float) for a in arrays.values()]


def _check_n(n, name, minimum=2):
    if np.any(n < minimum):
        idx = np.flatnonzero(n < minimum)[:5].tolist()
        raise ValueError(f"{name} must be at least {minimum} (problem at position(s) {idx}).")


def _check_sd(sd, name):
    if np.any(sd <= 0):
        idx = np.flatnonzero(sd <= 0)[:5].tolist()
        raise ValueError(f"{name} must be greater than 0 (problem at position(s) {idx}).")


def _check_r(r, name="r"):
    if np.any(np.abs(r) >= 1):
        idx = np.flatnonzero(np.abs(r) >= 1)[:5].tolist()
        raise ValueError(
            f"{name} must lie strictly between -1 and 1 (problem at position(s) {idx})."
        )


# --- standardised mean difference ----------------------------------------------


def _hedges_j(m: np.ndarray) -> np.ndarray:
    """Exact small-sample correction J(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)), as in escalc."""
    from scipy.special import gammaln

    return np.exp(gammaln(m / 2) - 0.5 * np.log(m / 2) - gammaln((m - 1) / 2))


def smd(m1, sd1, n1, m2, sd2, n2, correct: bool = True) -> EffectSize:
    """Standardised mean difference (Hedges' g), metafor's ``escalc("SMD")``.

    Parameters
    ----------
    m1, sd1, n1 : array_like
        Mean, standard deviation and size of group 1 (e.g. the intervention group).
    m2, sd2, n2 : array_like
        The same for group 2 (e.g. the control group).
    correct : bool, default True
        Apply the exact small-sample correction J (Hedges' g); ``False`` gives Cohen's d.

    Returns
    -------
    EffectSize
        ``yi = J·(m1 − m2)/s_pooled`` and ``vi = 1/n1 + 1/n2 + yi²/(2(n1 + n2))``.

    Notes
    -----
    The pooled SD uses the denominator ``n1 + n2 − 2``; J is exact (gamma functions),
    not the approximation ``1 − 3/(4N − 9)``. Matches metafor 3.8-1 (vtype "LS").

    Examples
    --------
    >>> smd([10, 12], [2, 3], [20, 30], [9, 11], [2, 3], [20, 30]).yi.round(3)
    array([0.49 , 0.329])
    """
    index = _index_of(m1, sd1, n1, m2, sd2, n2)
    m1, sd1, n1, m2, sd2, n2 = _arrays(m1=m1, sd1=sd1, n1=n1, m2=m2, sd2=sd2, n2=n2)
    _check_sd(sd1, "sd1")
    _check_sd(sd2, "sd2")
    _check_n(n1, "n1")
    _check_n(n2, "n2")
    m = n1 + n2 - 2
    sp = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / m)
    d = (m1 - m2) / sp
    g = _hedges_j(m) * d if correct else d
    return EffectSize(g, _smd_vi(g, n1, n2), "SMD", index)


def _smd_vi(d, n1, n2):
    """metafor's large-sample variance of a standardised mean difference (vtype "LS")."""
    return 1 / n1 + 1 / n2 + d**2 / (2 * (n1 + n2))


def smd_variance(d, n1, n2) -> np.ndarray:
    """Sampling variance of a published d (or g) from the group sizes.

    ``vi = 1/n1 + 1/n2 + d²/(2(n1 + n2))``, the variance :func:`smd` gives
    (metafor's ``escalc("SMD")``, vtype "LS"), for papers that print d and the
    group sizes but not the means and SDs.

    Examples
    --------
    >>> smd_variance(0.5, 20, 20).round(4)
    array([0.1031])
    """
    d, n1, n2 = _arrays(d=d, n1=n1, n2=n2)
    _check_n(n1, "n1")
    _check_n(n2, "n2")
    return _smd_vi(d, n1, n2)


def variance_from_ci(ci_low, ci_high, level: float = 0.95) -> np.ndarray:
    """Sampling variance recovered from a printed symmetric confidence interval.

    ``se = (ci_high − ci_low) / (2 z)``, with ``z`` the normal quantile of
    ``level`` (1.96 for 95 %), as in the Cochrane Handbook (section 6.3.1).

    Examples
    --------
    >>> variance_from_ci(0.1, 0.5).round(5)
    array([0.01041])
    """
    # The normal quantile from scipy.special (what scipy.stats.norm.ppf calls): importing
    # scipy.stats costs a notebook about a second.
    from scipy.special import ndtri

    from course_kit._validation import check_number

    ci_low, ci_high = _arrays(ci_low=ci_low, ci_high=ci_high)
    level = check_number(level, "level", low=0, high=1, low_open=True, high_open=True)
    if np.any(ci_high <= ci_low):
        idx = np.flatnonzero(ci_high <= ci_low)[:5].tolist()
        raise ValueError(f"ci_high must be above ci_low (problem at position(s) {idx}).")
    se = (ci_high - ci_low) / (2 * ndtri(0.5 + level / 2))
    return se**2


def smd_from_t(t, n1, n2, correct: bool = True) -> EffectSize:
    """Hedges' g from an independent-samples t statistic and the group sizes.

    ``d = t·√(1/n1 + 1/n2)``, then the same correction and variance as :func:`smd`.

    Examples
    --------
    >>> round(float(smd_from_t(2.0, 20, 20).yi[0]), 4)
    0.6199
    """
    index = _index_of(t, n1, n2)
    t, n1, n2 = _arrays(t=t, n1=n1, n2=n2)
    _check_n(n1, "n1")
    _check_n(n2, "n2")
    d = t * np.sqrt(1 / n1 + 1 / n2)
    g = _hedges_j(n1 + n2 - 2) * d if correct else d
    return EffectSize(g, _smd_vi(g, n1, n2), "SMD", index)


# --- conversions -------------------------------------------------------------------


def r_to_d(r, n1=None, n2=None):
    """Convert a (point-biserial) correlation to a standardised mean difference.

    With equal groups ``d = 2r/√(1 − r²)``; with group sizes ``n1``, ``n2`` the general
    form ``d = √a · r/√(1 − r²)`` with ``a = (n1 + n2)²/(n1·n2)`` is used (the inverse of
    Borenstein et al., 2009, eq. 7.6; ``a = 4`` for equal groups).

    Examples
    --------
    >>> float(r_to_d(0.3).round(4)[0])
    0.629
    """
    r = as_float_array(r, "r")
    _check_r(r)
    if (n1 is None) != (n2 is None):
        raise ValueError("n1 and n2 must be given together (or both left out).")
    if n1 is None:
        return 2 * r / np.sqrt(1 - r**2)
    r, n1, n2 = _arrays(r=r, n1=n1, n2=n2)
    _check_n(n1, "n1", 1)
    _check_n(n2, "n2", 1)
    a = (n1 + n2) ** 2 / (n1 * n2)
    return np.sqrt(a) * r / np.sqrt(1 - r**2)


def d_to_r(d, n1=None, n2=None):
    """Convert a standardised mean difference to a correlation (inverse of :func:`r_to_d`).

    Equal groups: ``r = d/√(d² + 4)``; with group sizes ``a = N²/(n1·n2)`` replaces 4
    (Borenstein et al., 2009, eq. 7.6).

    Examples
    --------
    >>> float(d_to_r(r_to_d(0.3))[0])  # doctest: +ELLIPSIS
    0.3...
    """
    d = as_float_array(d, "d")
    if (n1 is None) != (n2 is None):
        raise ValueError("n1 and n2 must be given together (or both left out).")
    if n1 is None:
        return d / np.sqrt(d**2 + 4)
    d, n1, n2 = _arrays(d=d, n1=n1, n2=n2)
    _check_n(n1, "n1", 1)
    _check_n(n2, "n2", 1)
    a = (n1 + n2) ** 2 / (n1 * n2)
    return d / np.sqrt(d**2 + a)


def log_or_to_d(log_or):
    """Convert a log odds ratio to a standardised mean difference: ``d = log OR · √3/π``.

    Examples
    --------
    >>> float(log_or_to_d(1.0).round(4)[0])
    0.5513
    """
    return as_float_array(log_or, "log_or") * np.sqrt(3) / np.pi


def d_to_log_or(d):
    """Convert a standardised mean difference to a log odds ratio: ``log OR = d · π/√3``.

    Examples
    --------
    >>> float(d_to_log_or(log_or_to_d(0.7))[0])  # doctest: +ELLIPSIS
    0.7...
    """
    return as_float_array(d, "d") * np.pi / np.sqrt(3)


# --- correlations ------------------------------------------------------------------


def cor(r, n) -> EffectSize:
    """Raw correlation, metafor's ``escalc("COR")``: ``vi = (1 − r²)²/(n − 1)``.

    Examples
    --------
    >>> cor(0.3, 50).vi.round(5)
    array([0.0169])
    """
    index = _index_of(r, n)
    r, n = _arrays(r=r, n=n)
    _check_r(r)
    _check_n(n, "n", 2)
    return EffectSize(r.copy(), (1 - r**2) ** 2 / (n - 1), "COR", index)


def zcor(r, n) -> EffectSize:
    """Fisher's z of a correlation, ``escalc("ZCOR")``: ``yi = atanh(r)``, ``vi = 1/(n − 3)``.

    Examples
    --------
    >>> zcor(0.3, 50).yi.round(4)
    array([0.3095])
    """
    index = _index_of(r, n)
    r, n = _arrays(r=r, n=n)
    _check_r(r)
    _check_n(n, "n", 4)  # the variance 1/(n − 3) needs n > 3
    return EffectSize(np.arctanh(r), 1 / (n - 3), "ZCOR", index)


# --- 2x2 tables --------------------------------------------------------------------


def _table(a, b, c, d):
    """Validate counts and add ½ to all four cells of studies with a zero cell.

    This is escalc's default (``add = 1/2, to = "only0", drop00 = FALSE``) for
    OR, RR and RD alike (checked in metafor 3.8-1): studies with zero events in
    both groups are kept and corrected too.
    """
    index = _index_of(a, b, c, d)
    a, b, c, d = _arrays(a=a, b=b, c=c, d=d)
    for name, x in zip("abcd", (a, b, c, d), strict=True):
        if np.any(x < 0):
            idx = np.flatnonzero(x < 0)[:5].tolist()
            raise ValueError(f"{name} must be a count of 0 or more (problem at position(s) {idx}).")
    if np.any(a + b == 0) or np.any(c + d == 0):
        raise ValueError("Each group needs at least one participant: a + b and c + d must be > 0.")
    zero = (a == 0) | (b == 0) | (c == 0) | (d == 0)
    add = np.where(zero, 0.5, 0.0)
    return a + add, b + add, c + add, d + add, index


def log_odds_ratio(a, b, c, d) -> EffectSize:
    """Log odds ratio of 2×2 tables (``escalc("OR")``).

    ``a``/``b``: events/non-events in group 1; ``c``/``d``: events/non-events in group 2.
    ``vi = 1/a + 1/b + 1/c + 1/d`` after the zero-cell correction (½ added to all four
    cells, only in studies with a zero cell).

    Examples
    --------
    >>> log_odds_ratio(10, 40, 5, 45).yi.round(4)
    array([0.8109])
    """
    a, b, c, d, index = _table(a, b, c, d)
    return EffectSize(np.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d, "OR", index)


def log_risk_ratio(a, b, c, d) -> EffectSize:
    """Log risk ratio of 2×2 tables (``escalc("RR")``): ``vi = 1/a − 1/n1 + 1/c − 1/n2``.

    Examples
    --------
    >>> log_risk_ratio(10, 40, 5, 45).yi.round(4)
    array([0.6931])
    """
    a, b, c, d, index = _table(a, b, c, d)
    n1, n2 = a + b, c + d
    return EffectSize(np.log((a / n1) / (c / n2)), 1 / a - 1 / n1 + 1 / c - 1 / n2, "RR", index)


def risk_difference(a, b, c, d) -> EffectSize:
    """Risk difference of 2×2 tables (``escalc("RD")``): ``vi = p1(1−p1)/n1 + p2(1−p2)/n2``.

    Like metafor, the ½ zero-cell correction is applied to RD as well.

    Examples
    --------
    >>> risk_difference(10, 40, 5, 45).yi.round(4)
    array([0.1])
    """
    a, b, c, d, index = _table(a, b, c, d)
    n1, n2 = a + b, c + d
    p1, p2 = a / n1, c / n2
    return EffectSize(p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2, "RD", index)
