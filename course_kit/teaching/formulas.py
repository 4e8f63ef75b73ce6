"""Textbook formulas and small simulations behind the teaching widgets of the notebooks.

These are textbook formulas for normal distributions with equal SDs, used to
turn an effect size into pictures a clinician can read. They are written here
(rather than taken from a library) because no maintained package offers them
as a set with input checks; each is one line around :mod:`scipy.stats`.

==========================  ====================================================
:func:`cohen_u3`            share of the treated group above the control mean, Φ(d)
:func:`overlap`             overlapping area of the two distributions, 2Φ(−|d|/2)
:func:`prob_superiority`    chance that a random treated family scores higher than a
                            random control family (common-language effect size), Φ(d/√2)
:func:`nnt`                 number needed to treat, 1 / (2Φ(d/√2) − 1) (Kraemer & Kupfer, 2006)
:func:`attenuated_d`        the effect you observe with an unreliable measure, d·√reliability
:func:`chance_secure`       chance of a secure child, given the parent's rating (model)
:func:`security_by_sensitivity`  share of secure children among more and less sensitive parents
:func:`families`            a SYNTHETIC group of families with a chosen correlation
:func:`simulated_ds`        Cohen's d of many SYNTHETIC small trials (sampling error)
==========================  ====================================================

Examples
--------
>>> from course_kit.teaching import overlap, prob_superiority
>>> round(overlap(0.5), 3), round(prob_superiority(0.5), 3)
(0.803, 0.638)
"""

from __future__ import annotations

import math

import numpy as np

from course_kit._validation import as_float_array, check_number

__all__ = [
    "attenuated_d",
    "chance_secure",
    "cohen_u3",
    "families",
    "nnt",
    "overlap",
    "prob_superiority",
    "security_by_sensitivity",
    "simulated_ds",
]


# The teaching model's sensitivity ratings: mean 5, SD 1.6 on the 1-9 scale (a choice for
# the SYNTHETIC families, not a published norm).
_RATING_MEAN, _RATING_SD = 5.0, 1.6


def _phi(x):
    from scipy.stats import norm

    return norm.cdf(x)


def _d(d) -> float:
    return check_number(d, "d", low=-10, high=10)


def cohen_u3(d: float) -> float:
    """Cohen's U3: the share of the intervention group above the control group's mean.

    Parameters
    ----------
    d : float
        Standardised mean difference (positive = intervention higher).

    Examples
    --------
    >>> round(cohen_u3(0.0), 2), round(cohen_u3(1.0), 3)
    (0.5, 0.841)
    """
    return float(_phi(_d(d)))


def overlap(d: float) -> float:
    """Overlapping coefficient OVL = 2Φ(−|d|/2) of two normal curves with equal SDs.

    1 means the two groups look the same; 0 means they do not overlap at all.

    Examples
    --------
    >>> round(overlap(0.0), 2), round(overlap(1.0), 3)
    (1.0, 0.617)
    """
    return float(2 * _phi(-abs(_d(d)) / 2))


def prob_superiority(d: float) -> float:
    """Probability of superiority (common-language effect size), Φ(d/√2).

    The chance that a randomly chosen intervention family scores higher than a
    randomly chosen control family; 0.5 means no difference.

    Examples
    --------
    >>> round(prob_superiority(0.0), 2)
    0.5
    """
    return float(_phi(_d(d) / math.sqrt(2)))


def nnt(d: float) -> float:
    """Number needed to treat, 1 / (2Φ(d/√2) − 1) (Kraemer & Kupfer, 2006).

    How many families must receive the intervention, instead of the control
    condition, for one more family to have a better outcome. Returns ``math.inf``
    for d = 0 (no benefit) and a negative number for d < 0 (harm).

    Examples
    --------
    >>> round(nnt(0.5), 1)
    3.6
    """
    d = _d(d)
    benefit = 2 * prob_superiority(d) - 1
    return math.inf if benefit == 0 else 1 / benefit


def attenuated_d(d, reliability):
    """The effect size you expect to observe when the outcome is measured unreliably.

    Measurement error adds noise to every score, which inflates the SD and shrinks
    the standardised difference: ``d_observed = d_true · √reliability`` (Spearman's
    attenuation formula applied to the outcome only).

    Parameters
    ----------
    d : float or array-like
        The true effect (on an error-free measure).
    reliability : float or array-like
        Reliability of the outcome measure (e.g. an ICC), between 0 and 1.

    Examples
    --------
    >>> round(float(attenuated_d(0.5, 0.64)), 2)
    0.4
    """
    d = as_float_array(d, "d", ndim=None)
    rel = as_float_array(reliability, "reliability", ndim=None)
    if np.any((rel < 0) | (rel > 1)):
        raise ValueError("reliability must lie between 0 and 1 (e.g. an ICC of 0.75).")
    out = d * np.sqrt(rel)
    return float(out) if out.ndim == 0 else out


def _check_r(r) -> float:
    r = check_number(r, "r", low=-1, high=1)
    if abs(r) == 1:
        raise ValueError("r must lie strictly between -1 and 1 (got a perfect correlation).")
    return r


def security_by_sensitivity(r: float, secure_share: float = 0.65, high_share: float = 0.5):
    """Share of secure children among more and among less sensitive parents.

    A teaching model: sensitivity and an underlying "security" score are
    bivariate normal with correlation ``r``; the ``secure_share`` of children with
    the highest security scores are classified secure, and the ``high_share`` of
    parents with the highest sensitivity form the "more sensitive" group.

    Parameters
    ----------
    r : float
        Correlation between sensitivity and security, in (−1, 1).
    secure_share : float, default 0.65
        Share of secure children overall (the base rate).
    high_share : float, default 0.5
        Share of parents counted as "more sensitive" (0.5: split at the median).

    Returns
    -------
    (float, float)
        Share secure among the more sensitive and among the less sensitive parents.

    Examples
    --------
    >>> [round(p, 2) for p in security_by_sensitivity(0.0)]
    [0.65, 0.65]
    """
    from scipy.stats import multivariate_normal, norm

    r = _check_r(r)
    secure_share = check_number(
        secure_share, "secure_share", low=0, high=1, low_open=True, high_open=True
    )
    high_share = check_number(
        high_share, "high_share", low=0, high=1, low_open=True, high_open=True
    )
    # P(secure and more sensitive) = P(X > a, Y > b) = P(-X < -a, -Y < -b), corr unchanged
    a, b = norm.ppf(1 - high_share), norm.ppf(1 - secure_share)
    both = multivariate_normal(mean=[0, 0], cov=[[1, r], [r, 1]]).cdf([-a, -b])
    both = float(np.clip(both, 0, min(high_share, secure_share)))
    return both / high_share, (secure_share - both) / (1 - high_share)


def chance_secure(rating: float, r: float, secure_share: float = 0.65) -> float:
    """Chance that a child is secure, given the parent's sensitivity rating (teaching model).

    Same model as :func:`families`: a rating of 5 is the average parent and
    1.6 rating points are one standard deviation; security correlates ``r``
    with sensitivity, and the ``secure_share`` with the highest security are secure.

    Examples
    --------
    >>> round(chance_secure(5, r=0.0), 2), round(chance_secure(5, r=0.24), 2)
    (0.65, 0.65)
    """
    from scipy.stats import norm

    rating = check_number(rating, "rating", low=1, high=9)
    r = _check_r(r)
    secure_share = check_number(
        secure_share, "secure_share", low=0, high=1, low_open=True, high_open=True
    )
    z = (rating - _RATING_MEAN) / _RATING_SD
    threshold = norm.ppf(1 - secure_share)
    return float(norm.sf((threshold - r * z) / math.sqrt(1 - r * r)))


def families(r: float, n: int = 200, seed: int = 1, secure_share: float = 0.65):
    """A SYNTHETIC group of families whose sensitivity and security correlate ``r``.

    The same ``seed`` gives the same families for every ``r``, so a slider for
    ``r`` moves the dots smoothly instead of drawing new families each time.

    Returns
    -------
    pandas.DataFrame
        ``sensitivity`` (a rating 1-9, whole numbers), ``security`` (a standard
        score), ``secure`` (True for the ``secure_share`` with the highest scores).

    Examples
    --------
    >>> df = families(0.24, n=50)
    >>> list(df.columns), len(df), float(df["secure"].mean())
    (['sensitivity', 'security', 'secure'], 50, 0.64)
    """
    import pandas as pd

    r = _check_r(r)
    n = check_number(n, "n", low=10, high=1_000_000, integer=True)
    seed = check_number(seed, "seed", low=0, integer=True)
    secure_share = check_number(secure_share, "secure_share", low=0, high=1)
    rng = np.random.default_rng(seed)
    z_sens, z_other = rng.standard_normal((2, n))
    security = r * z_sens + math.sqrt(1 - r * r) * z_other
    # a 1-9 rating centred at 5, as observers use the middle of the scale most
    rating = np.clip(np.round(_RATING_MEAN + _RATING_SD * z_sens), 1, 9).astype(int)
    cut = np.quantile(security, 1 - secure_share)
    return pd.DataFrame({"sensitivity": rating, "security": security, "secure": security > cut})


def simulated_ds(d: float, n_per_arm: int, n_trials: int = 1000, seed: int = 1) -> np.ndarray:
    """Cohen's d of ``n_trials`` SYNTHETIC two-arm trials with a true effect ``d``.

    Each trial draws ``n_per_arm`` normal scores (SD 1) per arm and computes
    Cohen's d with the pooled SD, so the spread of the result is pure sampling error.

    Examples
    --------
    >>> ds = simulated_ds(0.4, n_per_arm=30, n_trials=2000, seed=3)
    >>> len(ds), bool(0.3 < ds.mean() < 0.5)
    (2000, True)
    """
    d = _d(d)
    n = check_number(n_per_arm, "n_per_arm", low=2, high=100_000, integer=True)
    k = check_number(n_trials, "n_trials", low=1, high=1_000_000, integer=True)
    seed = check_number(seed, "seed", low=0, integer=True)
    rng = np.random.default_rng(seed)
    treated = rng.standard_normal((k, n)) + d
    control = rng.standard_normal((k, n))
    pooled_var = (treated.var(axis=1, ddof=1) + control.var(axis=1, ddof=1)) / 2
    return (treated.mean(axis=1) - control.mean(axis=1)) / np.sqrt(pooled_var)
