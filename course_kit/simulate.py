"""SYNTHETIC VIPP-SD trials and literatures for the exercises.

Participants never see real family data. These simulations behave like a real
trial of Video-feedback Intervention to promote Positive Parenting and Sensitive
Discipline (VIPP-SD): videotaped sessions rated by coders on Ainsworth's 9-point
sensitivity scale, before and after the intervention, with coder severity,
rounding to whole points, a floor and a ceiling, drop-out and intervener
clustering. All numbers made here are SYNTHETIC; the default parameters are
teaching choices, not published estimates.

=================================  ==================================================
:func:`vipp_trial`                 one trial, tidy long (family × wave × coder)
:func:`data_dictionary`            the columns of :func:`vipp_trial` as a table
:func:`meta_analytic_sample`       a literature of trials, with a file drawer
=================================  ==================================================

Examples
--------
>>> from course_kit.simulate import vipp_trial
>>> df = vipp_trial(n_families=60, seed=1)
>>> df.shape
(240, 9)
>>> sorted(df["arm"].unique())
['VIPP-SD', 'control']
"""

from __future__ import annotations

import contextlib
import math
import numbers
import os
from pathlib import Path

import numpy as np

from course_kit._validation import check_choice, check_number

__all__ = ["data_dictionary", "meta_analytic_sample", "vipp_trial"]

ARMS = ("control", "VIPP-SD")
WAVES = ("pre", "post")
ATTRITION_MODES = ("mcar", "pretest")

# Fixed SYNTHETIC choices for the externalizing score (not published estimates):
# a modest negative link with sensitivity at pre-test, and a pre-post stability.
_EXT_SENSITIVITY_R = -0.2
_EXT_STABILITY_R = 0.6
_EXT_RANGE = (30, 100)
# Share of the coder error variance that is coder severity (bias) when not given.
_DEFAULT_BIAS_SHARE = 0.15
# Rounding a continuous rating to whole points adds error with variance 1/12.
_ROUNDING_VAR = 1 / 12

_COLUMNS = (
    # column, dtype, message key of its meaning, range
    ("family", "int64", "simulate.dict.family", "1 .. n_families"),
    ("arm", "category", "simulate.dict.arm", "'control', 'VIPP-SD'"),
    ("wave", "category (ordered)", "simulate.dict.wave", "'pre' < 'post'"),
    ("coder", "category", "simulate.dict.coder", "'C1' .. 'Ck'"),
    ("sensitivity", "int64", "simulate.dict.sensitivity", "floor .. ceiling (1 .. 9)"),
    ("drd4_7r", "bool", "simulate.dict.drd4_7r", "True / False"),
    ("externalizing", "int64", "simulate.dict.externalizing", "30 .. 100"),
    ("child_age_months", "int64", "simulate.dict.child_age_months", "child_age_range + follow-up"),
    ("intervener", "category", "simulate.dict.intervener", "'I1' .. 'In', missing in control"),
)


def data_dictionary():
    """The columns of :func:`vipp_trial`: name, type, meaning and range.

    Returns
    -------
    pandas.DataFrame
        Columns ``column``, ``type``, ``meaning``, ``range``.

    Examples
    --------
    >>> data_dictionary()["column"].tolist()[:4]
    ['family', 'arm', 'wave', 'coder']
    """
    import pandas as pd

    from course_kit.messages import text

    return pd.DataFrame(
        [(col, typ, text(key), rng) for col, typ, key, rng in _COLUMNS],
        columns=["column", "type", "meaning", "range"],
    )


def check_seed(seed):
    if seed is None or isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral) or seed < 0:
        raise ValueError(f"seed must be None or a whole number >= 0 (got {seed!r}).")
    return int(seed)


def _check_pair(values, name, *, low=None, integer=False):
    try:
        a, b = values
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be two numbers (low, high) (got {values!r}).") from None
    a = check_number(a, name, low=low, integer=integer)
    b = check_number(b, name, low=low, integer=integer)
    if a > b:
        raise ValueError(f"{name} must be (low, high) with low <= high (got {values!r}).")
    return a, b


def _gxe_pattern(susceptibility) -> str | None:
    """The pattern's name in the shared vocabulary; None for no pattern."""
    from course_kit.susceptibility.patterns import pattern_name

    name = pattern_name(susceptibility, "susceptibility")
    return None if name == "none" else name


def _check_attrition(attrition) -> float:
    value = check_number(attrition, "attrition", low=0, high=1)
    if value == 1:
        raise ValueError(
            "attrition=1 means that every family drops out, so no family is left to analyse. "
            "Use a share below 1, e.g. attrition=0.2 for 20% drop-out."
        )
    return value


# Peak memory of vipp_trial per row (family x wave x coder), measured with
# tracemalloc at 20,000 families: about 400 bytes; 500 leaves some room.
_BYTES_PER_ROW = 500


def memory_limit() -> int:
    """Bytes this Python may use: the hub's limit if there is one, else the machine's memory.

    JupyterHub passes a participant's limit as ``MEM_LIMIT`` (bytes); a cgroup
    limit (``/sys/fs/cgroup/memory.max``) counts too.
    """
    limits = []
    with contextlib.suppress(ValueError):
        limits.append(int(os.environ.get("MEM_LIMIT", "")))
    with contextlib.suppress(OSError, ValueError):
        limits.append(int(Path("/sys/fs/cgroup/memory.max").read_text().strip()))
    with contextlib.suppress(AttributeError, OSError, ValueError):
        limits.append(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    limits = [n for n in limits if n > 0]
    return min(limits) if limits else 2 * 1024**3


def _check_memory(n_families: int, n_coders: int) -> None:
    # A trial should use at most half of the memory: the kernel, the analysis
    # and the plots need the rest (above the limit the hub restarts the kernel).
    rows = n_families * 2 * n_coders
    budget = memory_limit() // 2
    if rows * _BYTES_PER_ROW > budget:
        most = max(budget // (_BYTES_PER_ROW * 2 * n_coders), 2)
        gib = budget * 2 / 1024**3
        raise ValueError(
            f"n_families={n_families:,} with n_coders={n_coders} makes {rows:,} rows, more "
            f"than fit in the memory of this server ({gib:.1f} GB). Use at most about "
            f"{most:,} families with {n_coders} coder(s)."
        )


def trial_params(
    n_families,
    effect_size,
    n_coders,
    *,
    pre_post_r,
    icc,
    coder_bias_sd,
    floor,
    ceiling,
    mean_pre,
    sd,
    drd4_prop,
    susceptibility,
    gxe_effect,
    externalizing_effect,
    attrition,
    attrition_mode,
    n_interveners,
    intervener_icc,
    child_age_range,
    followup_months,
) -> dict:
    """Validate the parameters of :func:`vipp_trial`; return them with derived values."""
    p = {
        "n_families": check_number(n_families, "n_families", low=2, integer=True),
        "effect_size": check_number(effect_size, "effect_size", low=-5, high=5),
        "n_coders": check_number(n_coders, "n_coders", low=1, high=50, integer=True),
        "pre_post_r": check_number(pre_post_r, "pre_post_r", low=-1, high=1),
        "icc": check_number(icc, "icc", low=0, high=1, low_open=True),
        "floor": check_number(floor, "floor", integer=True),
        "ceiling": check_number(ceiling, "ceiling", integer=True),
        "mean_pre": check_number(mean_pre, "mean_pre"),
        "sd": check_number(sd, "sd", low=0, low_open=True),
        "drd4_prop": check_number(drd4_prop, "drd4_prop", low=0, high=1),
        "susceptibility": _gxe_pattern(susceptibility),
        "gxe_effect": check_number(gxe_effect, "gxe_effect", low=-5, high=5),
        "externalizing_effect": check_number(
            externalizing_effect, "externalizing_effect", low=-5, high=5
        ),
        "attrition": _check_attrition(attrition),
        "attrition_mode": check_choice(attrition_mode, "attrition_mode", ATTRITION_MODES),
        "n_interveners": check_number(n_interveners, "n_interveners", low=1, integer=True),
        "intervener_icc": check_number(
            intervener_icc, "intervener_icc", low=0, high=1, high_open=True
        ),
        "child_age_range": _check_pair(child_age_range, "child_age_range", low=0, integer=True),
        "followup_months": check_number(followup_months, "followup_months", low=0, integer=True),
    }
    _check_memory(p["n_families"], p["n_coders"])
    if p["ceiling"] <= p["floor"]:
        raise ValueError(f"ceiling must be above floor (got floor={floor}, ceiling={ceiling}).")
    if not p["floor"] <= p["mean_pre"] <= p["ceiling"]:
        raise ValueError(f"mean_pre must lie between floor and ceiling (got {mean_pre}).")
    # Coder error: total error variance so that sd² / (sd² + error) = icc. Rounding to whole
    # points is part of that error (variance 1/12), so the ICC of the integer ratings stays
    # close to the target; the rest is coder severity (bias) and random noise.
    error_var = p["sd"] ** 2 * (1 / p["icc"] - 1)
    if coder_bias_sd is None:
        bias_var = _DEFAULT_BIAS_SHARE * error_var
    else:
        bias_sd = check_number(coder_bias_sd, "coder_bias_sd", low=0)
        bias_var = bias_sd**2
        if bias_var > error_var + 1e-12:
            raise ValueError(
                f"coder_bias_sd={coder_bias_sd} is too large for icc={icc}: with sd={sd} the "
                f"coder error may have an SD of at most {math.sqrt(error_var):.3f}."
            )
    p["coder_bias_sd"] = math.sqrt(bias_var)
    p["noise_sd"] = math.sqrt(max(error_var - bias_var - _ROUNDING_VAR, 0.0))
    p["error_var"] = error_var
    return p


def simulate_arrays(p: dict, rng: np.random.Generator) -> dict:
    """Draw one trial as numpy arrays (shared by :func:`vipp_trial` and trials.power).

    Every random draw happens in a fixed order whatever the options, so that e.g.
    switching attrition on keeps the same families, ratings and scores.
    """
    from scipy.special import ndtr, ndtri

    n, k = p["n_families"], p["n_coders"]
    sd, r = p["sd"], p["pre_post_r"]
    # Balanced 1:1 allocation in random order (n // 2 families get VIPP-SD).
    treated = rng.permutation(np.arange(n) < n // 2)
    z_pre = rng.standard_normal(n)
    z_post = r * z_pre + math.sqrt(1 - r**2) * rng.standard_normal(n)
    n_int = p["n_interveners"]
    intervener = rng.integers(0, n_int, size=n)
    # Intervener ICC: share of the VIPP-SD arm's post-test variance between interveners.
    icc_i = p["intervener_icc"]
    u = rng.standard_normal(n_int) * sd * math.sqrt(icc_i / (1 - icc_i))
    latent = np.empty((n, 2))
    latent[:, 0] = p["mean_pre"] + sd * z_pre
    latent[:, 1] = p["mean_pre"] + sd * z_post + treated * (p["effect_size"] * sd + u[intervener])
    bias = rng.standard_normal(k) * p["coder_bias_sd"]
    noise = rng.standard_normal((n, 2, k)) * p["noise_sd"]
    ratings = np.rint(latent[:, :, None] + bias + noise)
    np.clip(ratings, p["floor"], p["ceiling"], out=ratings)

    carrier = rng.random(n) < p["drd4_prop"]
    e_ext = rng.standard_normal((n, 2))
    rs, rx = _EXT_SENSITIVITY_R, _EXT_STABILITY_R
    ext_pre = rs * z_pre + math.sqrt(1 - rs**2) * e_ext[:, 0]
    ext_post = rx * ext_pre + math.sqrt(1 - rx**2) * e_ext[:, 1]
    ext_post -= p["externalizing_effect"] * treated
    g = p["gxe_effect"]
    pattern = p["susceptibility"]
    # Each pattern has the same gene x treatment interaction contrast g (in SD units):
    # carriers gain g more from VIPP-SD than non-carriers, relative to control.
    if pattern == "differential_susceptibility":  # worse without support, better with it
        ext_post += carrier * np.where(treated, -g / 2, g / 2)
    elif pattern == "diathesis_stress":  # only worse without support
        ext_post += carrier * np.where(treated, 0.0, g)
    elif pattern == "vantage_sensitivity":  # only better with support
        ext_post -= carrier * treated * g
    ext = np.rint(50 + 10 * np.column_stack([ext_pre, ext_post]))
    np.clip(ext, *_EXT_RANGE, out=ext)

    age_low, age_high = p["child_age_range"]
    age_pre = rng.integers(age_low, age_high + 1, size=n)
    # Drop-out of the post-test: probit model; for "pretest" a family with a lower true
    # pre-test sensitivity (z = -1) drops out more often. The intercept keeps the expected
    # rate equal to `attrition` (E Φ(a − z) = Φ(a / √2) for z ~ N(0, 1)).
    u_drop = rng.random(n)
    a = p["attrition"]
    if p["attrition_mode"] == "mcar" or a in (0.0, 1.0):
        p_drop = np.full(n, a)
    else:
        p_drop = ndtr(ndtri(a) * math.sqrt(2) - z_pre)
    dropped = u_drop < p_drop
    return {
        "treated": treated,
        "latent": latent,
        "ratings": ratings,
        "bias": bias,
        "carrier": carrier,
        "externalizing": ext,
        "age_pre": age_pre,
        "intervener": intervener,
        "dropped": dropped,
    }


def vipp_trial(
    n_families: int = 120,
    effect_size: float = 0.4,
    n_coders: int = 2,
    seed=None,
    *,
    pre_post_r: float = 0.5,
    icc: float = 0.8,
    coder_bias_sd: float | None = None,
    floor: int = 1,
    ceiling: int = 9,
    mean_pre: float = 5.0,
    sd: float = 1.5,
    drd4_prop: float = 0.35,
    susceptibility: str | None = None,
    gxe_effect: float = 0.5,
    externalizing_effect: float = 0.0,
    attrition: float = 0.0,
    attrition_mode: str = "mcar",
    n_interveners: int = 4,
    intervener_icc: float = 0.0,
    child_age_range=(12, 72),
    followup_months: int = 6,
):
    """Simulate one SYNTHETIC VIPP-SD trial, tidy: one row per family × wave × coder.

    Each family has a true (latent) sensitivity before and after the intervention
    period. Coders rate each video on Ainsworth's 9-point scale: the rating is the
    latent value plus the coder's severity (a fixed bias per coder) plus random
    noise, rounded to a whole point and clipped to ``floor`` .. ``ceiling``.

    Parameters
    ----------
    n_families : int, default 120
        Number of families (at least 2); half (rounded down) get VIPP-SD.
    effect_size : float, default 0.4
        True effect of VIPP-SD on latent sensitivity at post-test, as Cohen's d
        (mean difference divided by ``sd``). Control families do not change in
        expectation.
    n_coders : int, default 2
        Coders who each rate every video.
    seed : int, numpy Generator or None
        Same seed, same frame.
    pre_post_r : float, default 0.5
        Correlation of latent sensitivity between pre- and post-test within an arm.
    icc : float in (0, 1], default 0.8
        Target inter-rater ICC of single ratings: ``sd² / (sd² + coder error)``. The
        coder error includes the rounding to whole points (variance 1/12), so the
        ICC(2,1) of the integer ratings is close to ``icc``; clipping at the floor and
        the ceiling lowers it slightly, and a very high ``icc`` (error variance below
        1/12) cannot be reached exactly.
    coder_bias_sd : float, optional
        SD of the coders' severity (a constant shift per coder, in scale points).
        Default: 15% of the coder error variance. Must fit within the error that
        ``icc`` allows.
    floor, ceiling : int, default 1 and 9
        Ends of the rating scale.
    mean_pre : float, default 5.0
        Mean latent sensitivity at pre-test, in scale points.
    sd : float, default 1.5
        SD of latent sensitivity (the standardiser of ``effect_size``).
    drd4_prop : float in [0, 1], default 0.35
        Proportion of children carrying the DRD4 7-repeat allele (a SYNTHETIC choice).
    susceptibility : {None, "differential_susceptibility", "diathesis_stress", \
"vantage_sensitivity"}
        Gene × treatment pattern on post-test externalizing, named as in
        :mod:`course_kit.susceptibility.patterns` (the older spellings
        ``"differential"``, ``"diathesis-stress"`` and ``"vantage"`` still work).
        ``"differential_susceptibility"``: carriers do worse than non-carriers in the
        control arm and better with VIPP-SD; ``"diathesis_stress"``: carriers do worse
        in the control arm only; ``"vantage_sensitivity"``: carriers do better with
        VIPP-SD only. ``None`` (or ``"none"``): no pattern.
    gxe_effect : float, default 0.5
        Size of the gene × treatment interaction contrast on externalizing, in SD
        units (positive = carriers profit more from VIPP-SD). Used only with
        ``susceptibility``.
    externalizing_effect : float, default 0.0
        Reduction of externalizing by VIPP-SD for all children, in SD units.
    attrition : float in [0, 1], default 0.0
        Expected proportion of families without a post-test (all its rows are dropped).
    attrition_mode : {"mcar", "pretest"}, default "mcar"
        ``"mcar"``: drop-out completely at random; ``"pretest"``: families with a
        lower true pre-test sensitivity drop out more often (probit, slope 1 per SD).
    n_interveners : int, default 4
        Interveners who deliver VIPP-SD; each VIPP-SD family gets one at random.
    intervener_icc : float in [0, 1), default 0.0
        Share of the post-test latent variance in the VIPP-SD arm that lies between
        interveners (some deliver the programme better than others).
    child_age_range : (int, int), default (12, 72)
        Child age at pre-test in months (uniform).
    followup_months : int, default 6
        Months between pre- and post-test.

    Returns
    -------
    pandas.DataFrame
        Sorted by family, wave and coder. Data dictionary (also
        :func:`data_dictionary`):

        ================  ==========  ==============================================
        column            type        meaning (range)
        ================  ==========  ==============================================
        family            int         family id (1 .. n_families)
        arm               category    "control" or "VIPP-SD"
        wave              category    "pre" or "post" (ordered)
        coder             category    coder id "C1" .. "Ck"
        sensitivity       int         the coder's rating (floor .. ceiling)
        drd4_7r           bool        child carries the DRD4 7-repeat allele
        externalizing     int         CBCL-like T-score, mean 50, SD 10 (30 .. 100)
        child_age_months  int         child age at this wave in months
        intervener        category    "I1" .. "In"; missing for control families
        ================  ==========  ==============================================

        The true values stay hidden from the columns; ``df.attrs["truth"]`` holds the
        parameters and derived values: ``noise_sd``, the coders' realised biases, the
        approximate reliability of the coders' mean score (``reliability_of_mean``)
        and the d expected on that score (``expected_observed_d``).

    Examples
    --------
    >>> df = vipp_trial(n_families=100, effect_size=0.5, seed=3, attrition=0.1)
    >>> df.attrs["truth"]["effect_size"]
    0.5
    >>> df.groupby("wave", observed=True)["family"].nunique().loc["pre"]
    np.int64(100)
    """
    import pandas as pd

    p = trial_params(
        n_families,
        effect_size,
        n_coders,
        pre_post_r=pre_post_r,
        icc=icc,
        coder_bias_sd=coder_bias_sd,
        floor=floor,
        ceiling=ceiling,
        mean_pre=mean_pre,
        sd=sd,
        drd4_prop=drd4_prop,
        susceptibility=susceptibility,
        gxe_effect=gxe_effect,
        externalizing_effect=externalizing_effect,
        attrition=attrition,
        attrition_mode=attrition_mode,
        n_interveners=n_interveners,
        intervener_icc=intervener_icc,
        child_age_range=child_age_range,
        followup_months=followup_months,
    )
    rng = np.random.default_rng(check_seed(seed))
    sim = simulate_arrays(p, rng)
    n, k = p["n_families"], p["n_coders"]
    per_family = 2 * k
    wave = np.tile(np.repeat(np.array([0, 1], dtype=np.int8), k), n)
    keep = ~(np.repeat(sim["dropped"], per_family) & (wave == 1))

    def fam(values):  # one value per family -> one per row
        return np.repeat(values, per_family)[keep]

    def fam_wave(values):  # (n, 2) -> one per row
        return np.repeat(values.ravel(), k)[keep]

    coder_labels = [f"C{j + 1}" for j in range(k)]
    int_labels = [f"I{j + 1}" for j in range(p["n_interveners"])]
    age = np.column_stack([sim["age_pre"], sim["age_pre"] + p["followup_months"]])
    treated = sim["treated"]
    int_codes = np.where(treated, sim["intervener"], -1)
    df = pd.DataFrame(
        {
            "family": fam(np.arange(1, n + 1, dtype=np.int64)),
            "arm": pd.Categorical.from_codes(fam(treated.astype(np.int8)), categories=ARMS),
            "wave": pd.Categorical.from_codes(wave[keep], categories=WAVES, ordered=True),
            "coder": pd.Categorical.from_codes(
                np.tile(np.arange(k, dtype=np.int16), 2 * n)[keep], categories=coder_labels
            ),
            "sensitivity": sim["ratings"].ravel()[keep].astype(np.int64),
            "drd4_7r": fam(sim["carrier"]),
            "externalizing": fam_wave(sim["externalizing"]).astype(np.int64),
            "child_age_months": fam_wave(age).astype(np.int64),
            "intervener": pd.Categorical.from_codes(fam(int_codes), categories=int_labels),
        }
    )
    err_mean = (p["noise_sd"] ** 2 + _ROUNDING_VAR) / k
    reliability_of_mean = p["sd"] ** 2 / (p["sd"] ** 2 + err_mean)
    truth = {k_: v for k_, v in p.items() if k_ != "error_var"}
    truth["child_age_range"] = list(p["child_age_range"])
    truth["coder_bias"] = dict(zip(coder_labels, sim["bias"].round(6).tolist(), strict=True))
    truth["reliability_of_mean"] = reliability_of_mean
    truth["expected_observed_d"] = p["effect_size"] * math.sqrt(reliability_of_mean)
    truth["n_dropped"] = int(sim["dropped"].sum())
    truth["synthetic"] = True
    df.attrs["truth"] = truth
    return df


def _study_batch(rng, size, mean_d, tau, n_low, n_high):
    """Draw ``size`` candidate two-arm studies: group means and SDs, then g and its p."""
    # scipy.special, not scipy.stats (the same function: stats.t.sf is special.stdtr):
    # importing scipy.stats costs a notebook about a second.
    from scipy.special import stdtr

    from course_kit.effect_sizes import smd

    true_d = mean_d + tau * rng.standard_normal(size)
    n1 = rng.integers(n_low, n_high + 1, size=size)
    n2 = rng.integers(n_low, n_high + 1, size=size)
    # Exact sampling distributions of a normal sample's mean and SD (population SD 1).
    m1 = true_d + rng.standard_normal(size) / np.sqrt(n1)
    m2 = rng.standard_normal(size) / np.sqrt(n2)
    sd1 = np.sqrt(rng.chisquare(n1 - 1) / (n1 - 1))
    sd2 = np.sqrt(rng.chisquare(n2 - 1) / (n2 - 1))
    u = rng.random(size)
    es = smd(m1, sd1, n1, m2, sd2, n2)  # Hedges' g and metafor's variance
    sp = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / (n1 + n2 - 2))
    t = (m1 - m2) / (sp * np.sqrt(1 / n1 + 1 / n2))
    pvalue = 2 * stdtr(n1 + n2 - 2, -np.abs(t))
    return true_d, n1, n2, es.yi, es.vi, pvalue, u


def meta_analytic_sample(
    k: int,
    mean_d: float,
    tau2: float,
    n_range=(20, 150),
    publication_bias: float | None = None,
    seed=None,
    *,
    selection: str = "two-sided",
    include_unpublished: bool = False,
    max_studies: int = 200_000,
):
    """Simulate a SYNTHETIC literature of VIPP-SD-like trials, with an optional file drawer.

    Each candidate trial has a true effect ``d_i ~ N(mean_d, tau2)`` and per-arm sizes
    drawn uniformly from ``n_range``. Group means and SDs are drawn from their exact
    sampling distributions (normal outcome, SD 1), so the observed Hedges' g and its
    variance are computed as in metafor's ``escalc("SMD")``
    (:func:`course_kit.effect_sizes.smd`). The p value is that of the two-sample t test.

    Parameters
    ----------
    k : int
        Number of published trials wanted (at least 1).
    mean_d : float
        Mean true effect (Cohen's d).
    tau2 : float
        Between-trial variance of the true effects (0 or more).
    n_range : (int, int), default (20, 150)
        Smallest and largest number of families per arm (at least 2).
    publication_bias : float in [0, 1], optional
        Strength of the file drawer: a trial that is not significant is published
        with probability ``1 - publication_bias``. ``None`` or 0: every trial is
        published.
    seed : int, numpy Generator or None
        Same seed, same literature. The candidate trials do not depend on
        ``publication_bias``, so a stronger file drawer hides trials of the same stream.
    selection : {"two-sided", "positive"}, default "two-sided"
        Which trials count as "significant": two-sided p < .05, or p < .05 with a
        positive effect (favouring VIPP-SD).
    include_unpublished : bool, default False
        Also return the trials left in the file drawer (``published`` False).
    max_studies : int, default 200000
        Upper bound on candidate trials; reaching it raises ValueError.

    Returns
    -------
    pandas.DataFrame
        Columns ``study``, ``n_vipp``, ``n_control``, ``yi`` (Hedges' g), ``vi``,
        ``pvalue``, ``published``. ``attrs["n_simulated"]`` is the number of
        candidate trials needed for ``k`` published ones; ``attrs["truth"]`` holds the
        parameters and the true effect of every returned trial.

    Examples
    --------
    >>> lit = meta_analytic_sample(20, 0.3, 0.02, publication_bias=0.8, seed=2)
    >>> len(lit), bool(lit["published"].all())
    (20, True)
    >>> lit.attrs["n_simulated"] >= 20
    True
    """
    import pandas as pd

    from course_kit.messages import text

    k = check_number(k, "k", low=1, high=10_000, integer=True)
    mean_d = check_number(mean_d, "mean_d", low=-5, high=5)
    tau2 = check_number(tau2, "tau2", low=0, high=10)
    n_low, n_high = _check_pair(n_range, "n_range", low=2, integer=True)
    strength = 0.0
    if publication_bias is not None:
        strength = check_number(publication_bias, "publication_bias", low=0, high=1)
    check_choice(selection, "selection", ("two-sided", "positive"))
    max_studies = check_number(max_studies, "max_studies", low=1, integer=True)
    rng = np.random.default_rng(check_seed(seed))

    batch = max(2 * k, 64)  # depends on k only: the stream is the same for every strength
    parts, n_published, drawn = [], 0, 0
    while n_published < k:
        if drawn >= max_studies:
            raise ValueError(
                f"Only {n_published} of k={k} trials were published after {drawn} simulated "
                "trials (max_studies): lower publication_bias, or raise mean_d or n_range."
            )
        true_d, n1, n2, yi, vi, pvalue, u = _study_batch(
            rng, batch, mean_d, math.sqrt(tau2), n_low, n_high
        )
        significant = pvalue < 0.05
        if selection == "positive":
            significant &= yi > 0
        published = significant | (u >= strength)
        parts.append((true_d, n1, n2, yi, vi, pvalue, published))
        n_published += int(published.sum())
        drawn += batch
    cols = [np.concatenate(c) for c in zip(*parts, strict=True)]
    published = cols[-1]
    n_simulated = int(np.flatnonzero(published)[k - 1]) + 1
    rows = np.arange(n_simulated)
    if not include_unpublished:
        rows = rows[published[:n_simulated]]
    true_d, n1, n2, yi, vi, pvalue, published = (c[rows] for c in cols)
    df = pd.DataFrame(
        {
            "study": [text("simulate.study_label", i=i + 1) for i in range(len(rows))],
            "n_vipp": n1.astype(np.int64),
            "n_control": n2.astype(np.int64),
            "yi": yi,
            "vi": vi,
            "pvalue": pvalue,
            "published": published,
        }
    )
    df.attrs["n_simulated"] = n_simulated
    df.attrs["truth"] = {
        "mean_d": mean_d,
        "tau2": tau2,
        "publication_bias": strength,
        "selection": selection,
        "true_d": true_d.tolist(),
        "synthetic": True,
    }
    return df
