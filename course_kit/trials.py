"""The treatment effect of a (SYNTHETIC) VIPP-SD trial, and power by simulation.

==================  ==================================================================
:func:`analyze`     average the coders, fit post ~ arm + pre (ANCOVA), report d with a
                    CI, the raw difference, the coders' ICC and the effect corrected
                    for coder unreliability
:func:`power`       share of simulated trials with p < alpha, with a CI and a progress
                    bar in Jupyter
==================  ==================================================================

Why a corrected effect? Coder error adds noise to every score. The noise does not
move the group means, but it widens the spread of the scores, so the standardised
effect shrinks: ``d_observed ≈ d_true · √reliability`` (attenuation). Dividing by
``√reliability`` undoes this on average.

Examples
--------
>>> from course_kit.simulate import vipp_trial
>>> from course_kit.trials import analyze
>>> res = analyze(vipp_trial(200, effect_size=0.5, seed=4))
>>> res.n_vipp, res.n_control
(100, 100)
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass, field

import numpy as np

from course_kit._result import Result, html_view
from course_kit._validation import check_number

__all__ = ["PowerResult", "TrialResult", "analyze", "power"]

_REQUIRED = ("family", "arm", "wave", "coder", "sensitivity")


@dataclass(frozen=True)
class TrialResult(Result):
    """ANCOVA of post-test sensitivity (post ~ arm + pre) in one trial.

    Attributes
    ----------
    n_vipp, n_control, n_missing : int
        Families analysed per arm, and families left out (no post- or pre-test).
    difference, se, ci, pvalue
        Adjusted mean difference VIPP-SD − control in scale points, its standard
        error, 95% CI (tuple) and two-sided p (statsmodels OLS).
    d, d_ci
        Standardised effect: ``difference / sd_pooled`` and its CI (the CI of the
        difference divided by ``sd_pooled``, treating the SD as known).
    sd_pooled : float
        Pooled within-arm SD of the post-test score (the standardiser of d).
    raw_difference, raw_d : float
        Post-test difference of the arm means without adjusting for the pre-test.
    icc : float or None
        ICC(2,1) of the coders over all videos (absolute agreement, single rater);
        None with one coder.
    reliability : float or None
        Reliability of the score analysed (the coders' mean, or one coder): a
        consistency ICC computed within arm × wave cells, so that the treatment
        effect does not count as "true" variance. Coder severity is left out
        because the same coders rate both arms, so it shifts both arms alike.
    d_corrected, d_corrected_ci
        ``d / √reliability`` and its CI, the effect on an error-free score (None when
        the reliability cannot be estimated or is not positive).
    coders : str
        ``"mean"`` or the coder analysed.
    data : pandas.DataFrame
        One row per family: ``family``, ``arm``, ``pre``, ``post``.
    """

    n_vipp: int
    n_control: int
    n_missing: int
    difference: float
    se: float
    ci: tuple
    pvalue: float
    d: float
    d_ci: tuple
    sd_pooled: float
    raw_difference: float
    raw_d: float
    icc: float | None
    reliability: float | None
    d_corrected: float | None
    d_corrected_ci: tuple | None
    coders: str
    data: object = field(repr=False)
    model: object = field(repr=False, default=None)

    def summary(self) -> str:
        from course_kit.messages import text

        lines = [
            text("trials.title"),
            text(
                "trials.n_line",
                n_vipp=self.n_vipp,
                n_control=self.n_control,
                n_missing=self.n_missing,
            ),
            text(
                "trials.effect_line",
                diff=self.difference,
                low=self.ci[0],
                high=self.ci[1],
                p=self.pvalue,
                d=self.d,
                d_low=self.d_ci[0],
                d_high=self.d_ci[1],
            ),
            text("trials.raw_line", diff=self.raw_difference, d=self.raw_d),
        ]
        if self.icc is None:
            lines.append(text("trials.no_reliability"))
        else:
            lines.append(
                text(
                    "trials.icc_line",
                    icc=self.icc,
                    rel=self.reliability,
                    # "mean" is the coders' mean: a word; a coder's name stays as it is
                    coders=text("results.coders.mean") if self.coders == "mean" else self.coders,
                )
            )
            if self.d_corrected is not None:
                lines.append(text("trials.corrected_line", d=self.d_corrected))
        return "\n".join(lines)

    def to_frame(self):
        """Tidy table: one row per quantity with estimate, se, ci_low, ci_high, pvalue."""
        import pandas as pd

        nan = math.nan
        rows = [
            ("adjusted_difference", self.difference, self.se, *self.ci, self.pvalue),
            ("d", self.d, self.se / self.sd_pooled, *self.d_ci, self.pvalue),
            ("raw_difference", self.raw_difference, nan, nan, nan, nan),
            ("raw_d", self.raw_d, nan, nan, nan, nan),
            ("icc", nan if self.icc is None else self.icc, nan, nan, nan, nan),
            ("reliability", nan if self.reliability is None else self.reliability, *[nan] * 4),
        ]
        if self.d_corrected is not None:
            se = self.se / self.sd_pooled / math.sqrt(self.reliability)
            rows.append(("d_corrected", self.d_corrected, se, *self.d_corrected_ci, self.pvalue))
        return pd.DataFrame(
            rows, columns=["quantity", "estimate", "se", "ci_low", "ci_high", "pvalue"]
        )

    def _repr_html_(self) -> str:
        # the summary's first line as a heading over the rest
        title, _, rest = self.summary().partition("\n")
        return html_view("heading_lines", title=title, text=rest)

    def plot(self, ax=None):
        """Mean sensitivity before and after, per arm, with 95% CIs. Returns the Axes."""
        import matplotlib.pyplot as plt
        from scipy import stats

        from course_kit.messages import text
        from course_kit.style import PALETTE

        if ax is None:
            _, ax = plt.subplots(figsize=(5, 3.5), layout="constrained")
        data = self.data.dropna(subset=["pre", "post"])
        arms = (("control", -0.03, PALETTE["orange"]), ("VIPP-SD", 0.03, PALETTE["blue"]))
        for arm, offset, colour in arms:
            part = data[data["arm"] == arm]
            means = part[["pre", "post"]].mean().to_numpy()
            half = stats.t.ppf(0.975, len(part) - 1) * part[["pre", "post"]].sem().to_numpy()
            ax.errorbar(
                np.array([0, 1]) + offset,
                means,
                yerr=half,
                marker="o",
                capsize=4,
                color=colour,
                label=text(f"plots.trial_arm.{arm}", n=len(part)),
            )
        ax.set_xticks([0, 1], [text("plots.trial_pre"), text("plots.trial_post")])
        ax.set_xlim(-0.4, 1.4)
        ax.set_ylabel(text("trials.plot_ylabel"))
        ax.set_title(text("trials.plot_title"), fontsize=10)
        ax.legend(frameon=False)
        return ax


def _family_scores(df, coders):
    """Wide per-family scores (pre, post) of the coders' mean or of one coder."""
    import pandas as pd

    from course_kit.simulate import ARMS

    if not isinstance(df, pd.DataFrame):
        raise TypeError(
            f"df must be a pandas DataFrame from simulate.vipp_trial (got {type(df).__name__})."
        )
    missing = [c for c in _REQUIRED if c not in df.columns]
    if missing:
        raise ValueError(f"df has no column(s) {missing}; it needs {list(_REQUIRED)}.")
    bad_arms = set(df["arm"].dropna().unique()) - set(ARMS)
    if bad_arms:
        raise ValueError(f"df['arm'] must be 'control' or 'VIPP-SD' (found {sorted(bad_arms)}).")
    bad_waves = set(df["wave"].dropna().unique()) - {"pre", "post"}
    if bad_waves:
        raise ValueError(f"df['wave'] must be 'pre' or 'post' (found {sorted(bad_waves)}).")
    if coders != "mean":
        labels = list(pd.unique(df["coder"]))
        if coders not in labels:
            raise ValueError(
                f"coders must be 'mean' or one of the coders {labels} (got {coders!r})."
            )
        df = df[df["coder"] == coders]
    from course_kit._validation import as_float_array

    as_float_array(df["sensitivity"].to_numpy(), "df['sensitivity']")
    scores = df.pivot_table(
        index="family", columns="wave", values="sensitivity", aggfunc="mean", observed=True
    )
    scores.columns = scores.columns.astype(str)
    scores = scores.reindex(columns=["pre", "post"])
    arm = df.groupby("family", observed=True)["arm"].first().astype(str)
    wide = pd.DataFrame(
        {
            "family": scores.index,
            "arm": arm.loc[scores.index].to_numpy(),
            "pre": scores["pre"].to_numpy(),
            "post": scores["post"].to_numpy(),
        }
    )
    return wide


def _ancova_lstsq(pre, post, treated):
    """OLS of post on [1, treated, pre] with numpy (the hot loop of :func:`power`).

    Returns the treatment coefficient, its standard error, the residual df and the
    pooled within-arm SD of ``post``. Equal to the statsmodels fit (tested).
    """
    n = len(post)
    x = np.column_stack([np.ones(n), treated, pre])
    coef, _, rank, _ = np.linalg.lstsq(x, post, rcond=None)
    dof = n - 3
    resid = post - x @ coef
    sigma2 = resid @ resid / dof
    with np.errstate(divide="ignore", invalid="ignore"):
        cov = sigma2 * np.linalg.pinv(x.T @ x)
    n1 = treated.sum()
    n0 = n - n1
    var1 = post[treated].var(ddof=1)
    var0 = post[~treated].var(ddof=1)
    sd_pooled = math.sqrt(((n1 - 1) * var1 + (n0 - 1) * var0) / (n - 2))
    se = math.sqrt(cov[1, 1]) if rank == 3 else math.nan
    return float(coef[1]), se, dof, sd_pooled


def _reliability_within_cells(y: np.ndarray, cells: np.ndarray, average: bool) -> float:
    """Consistency ICC of videos (rows) × coders (columns), with cell means removed.

    The targets' sum of squares is pooled within arm × wave cells (df: videos −
    cells), so the treatment effect and any change over time are not counted as
    true differences between families. The residual mean square is the usual one.
    """
    n, k = y.shape
    row_means = y.mean(axis=1)
    cell_ids, inverse = np.unique(cells, return_inverse=True)
    cell_means = np.bincount(inverse, weights=row_means) / np.bincount(inverse)
    ss_targets = k * ((row_means - cell_means[inverse]) ** 2).sum()
    ms_targets = ss_targets / (n - len(cell_ids))
    resid = y - row_means[:, None] - y.mean(axis=0) + y.mean()
    ms_error = (resid**2).sum() / ((n - 1) * (k - 1))
    if average:
        return float((ms_targets - ms_error) / ms_targets)
    return float((ms_targets - ms_error) / (ms_targets + (k - 1) * ms_error))


def _coder_matrix(df):
    """Videos rated by every coder, as a videos × coders array, with each video's cell."""
    wide = df.pivot_table(
        index=["family", "wave"],
        columns="coder",
        values="sensitivity",
        aggfunc="mean",
        observed=True,
    ).dropna()
    arm = df.groupby("family", observed=True)["arm"].first().astype(str)
    fam = wide.index.get_level_values("family")
    wave = wide.index.get_level_values("wave").astype(str)
    cells = np.asarray([f"{a}|{w}" for a, w in zip(arm.loc[fam], wave, strict=True)])
    return wide, cells


def analyze(df, coders="mean") -> TrialResult:
    """ANCOVA of a VIPP-SD trial: post-test sensitivity adjusted for pre-test.

    Parameters
    ----------
    df : pandas.DataFrame
        Tidy trial data as made by :func:`course_kit.simulate.vipp_trial` (columns
        ``family``, ``arm``, ``wave``, ``coder``, ``sensitivity``).
    coders : "mean" or a coder label, default "mean"
        Analyse the mean of all coders per video, or one coder's ratings.

    Returns
    -------
    TrialResult

    Notes
    -----
    The model is ``post ~ vipp + pre`` (statsmodels OLS; ``vipp`` is 1 for VIPP-SD).
    Its coefficient is the adjusted mean difference. d divides it by the pooled
    within-arm SD of the post-test score, so that d is on the same scale as the
    ``effect_size`` of :func:`~course_kit.simulate.vipp_trial`. The corrected d
    divides d by the square root of the reliability of the analysed score
    (correction for attenuation; the reliability is treated as known in its CI).
    Families without a pre- or post-test are left out (complete cases).

    Examples
    --------
    >>> from course_kit.simulate import vipp_trial
    >>> res = analyze(vipp_trial(300, effect_size=0.5, seed=2, icc=0.6))
    >>> res.d_corrected > res.d
    True
    """
    import statsmodels.formula.api as smf

    from course_kit.reliability import icc as icc_fn

    wide = _family_scores(df, coders)
    complete = wide.dropna(subset=["pre", "post"])
    n_missing = len(wide) - len(complete)
    treated = (complete["arm"] == "VIPP-SD").to_numpy()
    n1, n0 = int(treated.sum()), int((~treated).sum())
    if n1 < 2 or n0 < 2:
        raise ValueError(
            f"df: each arm needs at least 2 families with a pre- and a post-test "
            f"(VIPP-SD has {n1}, control has {n0})."
        )
    data = complete.assign(vipp=treated.astype(float))
    fit = smf.ols("post ~ vipp + pre", data=data).fit()
    b, se, p = float(fit.params["vipp"]), float(fit.bse["vipp"]), float(fit.pvalues["vipp"])
    low, high = (float(v) for v in fit.conf_int().loc["vipp"])
    post = complete["post"].to_numpy()
    var1, var0 = post[treated].var(ddof=1), post[~treated].var(ddof=1)
    sd_pooled = math.sqrt(((n1 - 1) * var1 + (n0 - 1) * var0) / (n1 + n0 - 2))
    if sd_pooled == 0:
        raise ValueError("df: every family has the same post-test score, so d is not defined.")
    raw = float(post[treated].mean() - post[~treated].mean())

    icc_value = reliability = d_corr = d_corr_ci = None
    used = df[df["family"].isin(complete["family"])]
    if used["coder"].nunique() >= 2:
        y, cells = _coder_matrix(used)
        if len(y) >= 3 and np.ptp(y.to_numpy().mean(axis=1)) > 0:
            icc_value = icc_fn(y.to_numpy())["ICC2"]
            reliability = _reliability_within_cells(y.to_numpy(), cells, average=coders == "mean")
            if reliability > 0:
                root = math.sqrt(reliability)
                d_corr = b / sd_pooled / root
                d_corr_ci = (low / sd_pooled / root, high / sd_pooled / root)
    return TrialResult(
        n_vipp=n1,
        n_control=n0,
        n_missing=n_missing,
        difference=b,
        se=se,
        ci=(low, high),
        pvalue=p,
        d=b / sd_pooled,
        d_ci=(low / sd_pooled, high / sd_pooled),
        sd_pooled=sd_pooled,
        raw_difference=raw,
        raw_d=raw / sd_pooled,
        icc=icc_value,
        reliability=reliability,
        d_corrected=d_corr,
        d_corrected_ci=d_corr_ci,
        coders=str(coders),
        data=wide,
        model=fit,
    )


# --- power ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PowerResult(Result):
    """Power of a VIPP-SD trial design, estimated by simulation.

    Attributes
    ----------
    power, ci_low, ci_high : float
        Share of simulated trials with p < alpha, and its 95% Wilson interval.
    n_significant, n_sims, n_families : int
    effect_size, alpha : float
    mean_d : float
        Mean estimated d over the simulated trials.
    d_estimates : numpy.ndarray
        The estimated d of every simulated trial.
    """

    power: float
    ci_low: float
    ci_high: float
    n_significant: int
    n_sims: int
    n_families: int
    effect_size: float
    alpha: float
    mean_d: float
    d_estimates: np.ndarray = field(repr=False)

    def summary(self) -> str:
        from course_kit.messages import text

        return text(
            "trials.power_summary",
            power=self.power,
            low=self.ci_low,
            high=self.ci_high,
            n_sims=self.n_sims,
            n=self.n_families,
            alpha=self.alpha,
            d=self.effect_size,
        )

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "n_families": self.n_families,
                    "effect_size": self.effect_size,
                    "alpha": self.alpha,
                    "n_sims": self.n_sims,
                    "power": self.power,
                    "ci_low": self.ci_low,
                    "ci_high": self.ci_high,
                    "mean_d": self.mean_d,
                }
            ]
        )


def power(
    n_families: int = 160,
    effect_size: float = 0.4,
    n_sims: int = 500,
    seed=None,
    progress: bool = True,
    alpha: float = 0.05,
    **trial_kwargs,
) -> PowerResult:
    """Power of a VIPP-SD trial by simulation: the share of trials with p < alpha.

    Each simulated trial is drawn as in :func:`course_kit.simulate.vipp_trial` (same
    model and options) and analysed with the ANCOVA of :func:`analyze` on the
    coders' mean score. To stay fast the loop skips the DataFrame and fits the model
    with ``numpy.linalg.lstsq`` (it equals the statsmodels fit; tested).

    Parameters
    ----------
    n_families : int, default 160
    effect_size : float, default 0.4
        True d on latent sensitivity.
    n_sims : int, default 500
        Number of simulated trials (at least 10).
    seed : int or None
        Same seed, same result.
    progress : bool, default True
        Show a progress bar when running inside Jupyter.
    alpha : float, default 0.05
        Two-sided significance level.
    **trial_kwargs
        Any other option of :func:`~course_kit.simulate.vipp_trial` (e.g. ``icc``,
        ``n_coders``, ``attrition``).

    Returns
    -------
    PowerResult
        A simulated trial that cannot be analysed (fewer than 2 families in an arm
        after drop-out) counts as not significant.

    Examples
    --------
    >>> res = power(100, effect_size=0.5, n_sims=50, seed=1, progress=False)
    >>> 0 <= res.power <= 1
    True
    """
    from scipy import stats
    from statsmodels.stats.proportion import proportion_confint

    from course_kit._progress import Progress
    from course_kit.messages import text
    from course_kit.simulate import check_seed, trial_params, vipp_trial

    n_sims = check_number(n_sims, "n_sims", low=10, high=1_000_000, integer=True)
    alpha = check_number(alpha, "alpha", low=0, high=0.5, low_open=True)
    options = {
        name: par.default
        for name, par in inspect.signature(vipp_trial).parameters.items()
        if par.kind is inspect.Parameter.KEYWORD_ONLY
    }
    options["n_coders"] = 2
    unknown = sorted(set(trial_kwargs) - set(options))
    if unknown:
        raise TypeError(f"power() got unknown trial option(s) {unknown}; see simulate.vipp_trial.")
    options.update(trial_kwargs)
    n_coders = options.pop("n_coders")
    p = trial_params(n_families, effect_size, n_coders, **options)
    rng = np.random.default_rng(check_seed(seed))

    from course_kit.simulate import simulate_arrays

    t_values = np.full(n_sims, np.nan)
    dofs = np.ones(n_sims)
    d_values = np.full(n_sims, np.nan)
    bar = Progress(n_sims, progress, text("trials.power_progress"))
    for i in range(n_sims):
        sim = simulate_arrays(p, rng)
        keep = ~sim["dropped"]
        scores = sim["ratings"][keep].mean(axis=2)
        treated = sim["treated"][keep]
        if treated.sum() >= 2 and (~treated).sum() >= 2:
            b, se, dof, sd_pooled = _ancova_lstsq(scores[:, 0], scores[:, 1], treated)
            if se > 0 and sd_pooled > 0:
                t_values[i], dofs[i], d_values[i] = b / se, dof, b / sd_pooled
        bar.update(i + 1)
    bar.close()
    pvalues = 2 * stats.t.sf(np.abs(t_values), dofs)
    significant = int(np.sum(pvalues < alpha))  # NaN (not analysable) counts as not
    low, high = proportion_confint(significant, n_sims, alpha=0.05, method="wilson")
    return PowerResult(
        power=significant / n_sims,
        ci_low=float(low),
        ci_high=float(high),
        n_significant=significant,
        n_sims=n_sims,
        n_families=p["n_families"],
        effect_size=p["effect_size"],
        alpha=alpha,
        mean_d=float(np.nanmean(d_values)) if np.isfinite(d_values).any() else math.nan,
        d_estimates=d_values,
    )
