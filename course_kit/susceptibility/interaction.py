"""Differential susceptibility: for whom does the environment matter most?

Tools to probe a person x environment interaction: an outcome ``Y``, an
environment ``X`` (e.g. observed parenting, or trial arm intensity) and a
susceptibility marker ``G`` (two groups, e.g. a genotype, or a continuous score).

* :func:`fit_interaction` fits ``Y ~ X * G (+ covariates)`` by OLS and gives the
  simple slopes, the regions of significance (Johnson-Neyman), the cross-over
  point with its confidence interval, Roisman et al.'s PoI and PA indices, a
  plain-language verdict and a plot.
* :func:`compare_models` compares the competing models (strong and weak
  differential susceptibility, diathesis-stress and vantage sensitivity).
* :func:`simulate_gxe` makes SYNTHETIC data with a known pattern.

Sources
-------
* Widaman et al. (2012), "Distinguishing ordinal and disordinal interactions"
  (PMC3553243; the full author list and journal are UNVERIFIED in the course's
  fact sheet): the cross-over point ``C = -B2/B3`` and the re-parameterised model
  ``Y = A0 + B1 (X - C) + B3 (X - C) G``, fitted by non-linear regression, whose
  SE of ``C`` gives a confidence interval.
* Roisman, Newman, Fraley, Haltigan, Groh & Haydon (2012), *Development and
  Psychopathology* 24(2), 389-409: regions of significance (RoS) on the
  environment, the proportion of interaction (PoI) and the proportion affected
  (PA).
* Belsky, Pluess & Widaman (2013), *J Child Psychol Psychiatry* 54(10):
  confirmatory, competitive tests of strong vs weak differential
  susceptibility and diathesis-stress; also implemented in the R package LEGIT
  (``GxE_interaction_test``, which chooses by BIC by default).
* Belsky et al. (2009), "Vulnerability genes or plasticity genes?": the slope of
  the more susceptible group should differ from zero and be steeper than the
  slope of the less susceptible group.

Examples
--------
>>> from course_kit.susceptibility import simulate_gxe, fit_interaction, compare_models
>>> df = simulate_gxe(500, "differential_susceptibility", seed=3)  # SYNTHETIC
>>> res = fit_interaction(df, "outcome", "environment", "susceptible")
>>> bool(res.crossover.in_range)
True
>>> table = compare_models(df, "outcome", "environment", "susceptible")
>>> table.loc[table.preferred, "model"].item()
'differential_susceptibility_strong'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from course_kit._result import Result, html_table, html_view
from course_kit._validation import check_number
from course_kit.i18n import format_value
from course_kit.messages import text
from course_kit.susceptibility.core import (
    crossover_delta,
    crossover_nls,
    interaction_areas,
    jn_segments,
    ols,
)
from course_kit.susceptibility.data import Prepared, covariate_matrix, prepare
from course_kit.susceptibility.results import Crossover, RegionsOfSignificance, verdict

__all__ = ["InteractionResult", "fit_interaction"]


def _quote_column(name: str) -> str:
    """Quote a column name for a statsmodels formula."""
    return f"Q('{name}')" if '"' in name else f'Q("{name}")'


@dataclass
class InteractionResult(Result):
    """The fitted interaction model and everything derived from it.

    Made by :func:`fit_interaction`; see there for the definitions.
    """

    model: object
    prepared: Prepared
    at: tuple
    level: float
    names: dict

    # --- coefficients -------------------------------------------------------
    @cached_property
    def _coef_cov(self):
        """B0..B3 (intercept, environment, marker, interaction) and their covariance."""
        keys = ["intercept", "x", "g", "xg"]
        idx = [self.names[k] for k in keys]
        b = self.model.params[idx].to_numpy()
        v = self.model.cov_params().loc[idx, idx].to_numpy()
        return b, v

    @property
    def n(self) -> int:
        return int(self.model.nobs)

    @property
    def x_range(self) -> tuple[float, float]:
        """The observed range (min, max) of the environment."""
        x = self.prepared.x
        return float(x.min()), float(x.max())

    def critical_t(self, level: float | None = None) -> float:
        """Two-sided critical t value at confidence ``level`` (default: the fit's).

        Examples
        --------
        >>> from course_kit.susceptibility import fit_interaction, simulate_gxe
        >>> res = fit_interaction(
        ...     simulate_gxe(200, seed=1), "outcome", "environment", "susceptible"
        ... )
        >>> round(res.critical_t(), 2)
        1.97
        """
        level = self.level if level is None else level
        from scipy import stats

        return float(stats.t.ppf(0.5 + level / 2, self.model.df_resid))

    @property
    def lines(self) -> list[tuple[float, str]]:
        """(marker value, legend label) of each simple-slope line.

        Two groups: values 0 and 1; a continuous marker: the ``at`` values.
        """
        prep = self.prepared
        name = prep.susceptibility
        if prep.binary:
            return [
                (float(i), text("susceptibility.group", name=name, level=lv))
                for i, lv in enumerate(prep.levels)
            ]
        return [
            (v, text("susceptibility.group", name=name, level=format_value(v, ".3g")))
            for v in self.at
        ]

    def fitted_line(self, xs, g: float):
        """Fitted mean outcome along the environment values ``xs`` at marker value ``g``.

        Covariates are held at their means.

        Parameters
        ----------
        xs : array_like of float
            Environment values.
        g : float
            Marker value (0 or 1 for two groups).

        Returns
        -------
        (fit, ci_low, ci_high) : three numpy arrays
            The fitted mean and its confidence interval at ``level``.
        """
        xs = np.asarray(xs, dtype=float)
        exog = self.model.model.exog
        names = list(self.model.model.exog_names)
        rows = np.tile(exog.mean(axis=0), (len(xs), 1))
        rows[:, names.index(self.names["intercept"])] = 1.0
        rows[:, names.index(self.names["x"])] = xs
        rows[:, names.index(self.names["g"])] = g
        rows[:, names.index(self.names["xg"])] = xs * g
        fit = rows @ self.model.params.to_numpy()
        se = np.sqrt(np.einsum("ij,jk,ik->i", rows, self.model.cov_params().to_numpy(), rows))
        half = self.critical_t(self.level) * se
        return fit, fit - half, fit + half

    # --- simple slopes --------------------------------------------------------
    @cached_property
    def simple_slopes(self):
        """Slope of the outcome on the environment within each group (or at each value).

        Columns: group, value (marker value: 0/1 or the ``at`` value), slope, se,
        t, p, ci_low, ci_high.
        """
        import pandas as pd
        from scipy import stats

        b, v = self._coef_cov
        df = self.model.df_resid
        rows = []
        for value, label in self.lines:
            slope = b[1] + b[3] * value
            se = np.sqrt(v[1, 1] + 2 * value * v[1, 3] + value**2 * v[3, 3])
            t = slope / se
            half = self.critical_t(self.level) * se
            rows.append(
                {
                    "group": label,
                    "value": value,
                    "slope": slope,
                    "se": se,
                    "t": t,
                    "p": float(2 * stats.t.sf(abs(t), df)),
                    "ci_low": slope - half,
                    "ci_high": slope + half,
                }
            )
        return pd.DataFrame(rows)

    @property
    def interaction_p(self) -> float:
        """p value of the interaction term B3 (do the slopes differ?)."""
        return float(self.model.pvalues[self.names["xg"]])

    @property
    def slope_criterion(self) -> bool | None:
        """Belsky et al.'s (2009) slope criterion, for two groups (None otherwise).

        True when the steeper group's slope differs significantly from zero and
        the two slopes differ significantly (the interaction), both at
        ``1 - level``. A necessary sign of differential susceptibility, not a
        proof of it (the crossover's place matters too).
        """
        if not self.prepared.binary:
            return None
        alpha = 1 - self.level
        slopes = self.simple_slopes
        steeper = slopes.slope.abs().idxmax()
        return bool(slopes.p[steeper] < alpha and self.interaction_p < alpha)

    # --- regions of significance -------------------------------------------------
    def regions_of_significance(self, alpha: float = 0.05) -> RegionsOfSignificance:
        """Johnson-Neyman bounds on the environment where the groups differ.

        Parameters
        ----------
        alpha : float, default 0.05
            Two-sided significance level.

        Returns
        -------
        RegionsOfSignificance
        """
        import pandas as pd

        alpha = check_number(alpha, "alpha", low=0, high=1, low_open=True, high_open=True)
        b, v = self._coef_cov
        t_crit = self.critical_t(1 - alpha)
        roots, segments = jn_segments(b[2], b[3], v[2, 2], v[2, 3], v[3, 3], t_crit)
        x = self.prepared.x
        lo_x, hi_x = self.x_range
        rows = []
        for lo, hi, significant in segments:
            members = (x >= lo) & (x < hi) if np.isfinite(hi) else x >= lo
            probe = np.clip(0.5 * (max(lo, lo_x) + min(hi, hi_x)), lo, hi)
            rows.append(
                {
                    "from": lo,
                    "to": hi,
                    "significant": significant,
                    # +1 / -1: group coded 1 (or higher marker) higher / lower; 0: n.s.
                    "effect_sign": int(np.sign(b[2] + b[3] * probe)) if significant else 0,
                    "share_of_sample": float(members.mean()),
                    "n": int(members.sum()),
                }
            )
        frame = pd.DataFrame(rows)
        share = float(frame.loc[frame.significant, "share_of_sample"].sum())
        key = "ros_label_groups" if self.prepared.binary else "ros_label_score"
        return RegionsOfSignificance(
            alpha=alpha,
            bounds=roots,
            bounds_in_range=[bool(lo_x <= r <= hi_x) for r in roots],
            segments=segments,
            share_significant=share,
            environment=self.prepared.environment,
            label_key=f"susceptibility.{key}",
            _frame=frame,
        )

    # --- crossover -------------------------------------------------------------
    def _crossover(self, estimate, se, df, method) -> Crossover:
        half = self.critical_t(self.level) * se
        lo_x, hi_x = self.x_range
        lo, hi = estimate - half, estimate + half
        return Crossover(
            estimate=float(estimate),
            se=float(se),
            ci_low=float(lo),
            ci_high=float(hi),
            level=self.level,
            df=int(df),
            in_range=bool(lo_x <= estimate <= hi_x),
            ci_in_range=bool(lo_x <= lo and hi <= hi_x),
            method=method,
        )

    @cached_property
    def crossover(self) -> Crossover:
        """C from Widaman et al.'s re-parameterised model, fitted by non-linear LS.

        The model ``Y = A0 + B1 (X - C) + B3 (X - C) G (+ covariates)`` is fitted
        with :func:`scipy.optimize.least_squares`, started away from the answer
        (C at the mean of X); the SE comes from the Jacobian at the solution
        with sigma^2 = RSS / (n - p), and the CI from t(n - p).
        """
        prep = self.prepared
        x, g, y = prep.x, prep.g, prep.y
        z = covariate_matrix(prep)
        design = np.column_stack([np.ones_like(x), x, g, x * g, z])
        coef = ols(design, y)[0]
        start = np.r_[y.mean(), coef[1], x.mean(), coef[3], coef[4:]]
        params, cov, _, df = crossover_nls(y, x, g, z, start)
        exact = self.crossover_delta.estimate
        if not abs(params[2] - exact) <= 1e-6 * max(1.0, abs(exact)):
            # A flat likelihood (nearly parallel lines) can stall the optimiser far
            # from the optimum; restart at the exact solution of the linear model.
            b1, b2, b3 = coef[1], coef[2], coef[3]
            start = np.r_[coef[0] - b1 * b2 / b3, b1, exact, b3, coef[4:]]
            params, cov, _, df = crossover_nls(y, x, g, z, start)
        return self._crossover(params[2], np.sqrt(cov[2, 2]), df, "nonlinear")

    @cached_property
    def crossover_delta(self) -> Crossover:
        """C = -B2/B3 from the ordinary model, with a delta-method SE (a cross-check)."""
        b, v = self._coef_cov
        c, se = crossover_delta(b[2], b[3], v[2, 2], v[2, 3], v[3, 3])
        return self._crossover(c, se, self.model.df_resid, "delta")

    # --- Roisman et al. (2012) indices ---------------------------------------------
    @property
    def higher_is_supportive(self) -> bool:
        """True when higher environment values are the supportive ("for better") side."""
        return self.prepared.direction == "higher_is_better"

    def effect_at(self, x):
        """The marker's effect on the outcome at environment values ``x``.

        For two groups: the difference group 1 minus group 0; for a continuous
        marker: the change per unit of the marker. It is ``B2 + B3 x``, with
        variance ``V22 + 2 x V23 + x^2 V33`` (the basis of the regions of
        significance).

        Parameters
        ----------
        x : float or array_like of float
            Environment values.

        Returns
        -------
        (estimate, se) : two numpy arrays shaped like ``x``
        """
        x = np.asarray(x, dtype=float)
        b, v = self._coef_cov
        return b[2] + b[3] * x, np.sqrt(v[2, 2] + 2 * x * v[2, 3] + x**2 * v[3, 3])

    @cached_property
    def interaction_areas(self) -> dict:
        """Areas between the fitted lines below and above C over the observed range.

        Scaled so that they sum to 1 (only their shares matter).
        """
        below, above = interaction_areas(self.crossover_delta.estimate, *self.x_range)
        total = below + above
        return {"below": below / total, "above": above / total}

    @property
    def poi(self) -> float:
        """Proportion of interaction (PoI) on the supportive ("for better") side of C.

        Roisman et al. (2012) express how much of the total interaction lies on
        each side of the cross-over point (this reading of PoI is the one given
        by R. C. Fraley's online probing tool, yourpersonality.net). Our exact
        definition: the area between the two fitted lines from min(X) to C and
        from C to max(X) (each clipped to the observed range); PoI is the area on
        the supportive side of C (above C when
        ``environment_direction="higher_is_better"``, below C otherwise) divided
        by the total. Both side areas are in :attr:`interaction_areas`.

        About 0.5: the lines differ about equally for better and for worse;
        near 0: the difference lies in adverse environments
        (diathesis-stress-like); near 1: in supportive ones (vantage
        sensitivity-like). A later simulation paper reports that PoI values
        between .40 and .60 have served as the criterion for differential
        susceptibility (citing Roisman et al. 2012) and proposes a broader
        .20 to .80 window (the course's fact sheet names Del Giudice, 2017, as
        its author, but marks that attribution UNVERIFIED). See :data:`POI_WINDOW` and
        :data:`POI_WINDOW_BROAD`.
        """
        side = "above" if self.higher_is_supportive else "below"
        return float(self.interaction_areas[side])

    @property
    def pa(self) -> float:
        """Proportion affected (PA): share of the sample on the supportive side of C.

        As commonly described (Roisman et al.'s own wording is UNVERIFIED in the
        course's fact sheet; this wording is ours): the share of people whose
        environment lies beyond the cross-over point on the supportive ("for
        better") side, i.e. X > C when higher is better, X < C otherwise.
        """
        x, c = self.prepared.x, self.crossover_delta.estimate
        return float(np.mean(x > c) if self.higher_is_supportive else np.mean(x < c))

    # --- verdict and output --------------------------------------------------------
    @cached_property
    def verdict(self) -> str:
        """A plain-language reading of the pattern, with its uncertainty.

        Rules (ours; significance level = 1 - ``level``): no significant
        interaction -> no pattern claimed. Otherwise the crossover's place
        (inside the observed range, or beyond its supportive or adverse end),
        whether the groups differ significantly on each side of it within the
        observed range (Johnson-Neyman), whether its CI stays inside the range,
        and where PoI falls relative to the .40-.60 and .20-.80 windows. It
        describes; :func:`compare_models` is the confirmatory test.
        """
        return verdict(self)

    def _quantity_labels(self) -> list[str]:
        """The ``quantity`` column of :meth:`to_frame` in the reader's language (for display)."""
        slopes = [text("results.quantity.slope", group=g) for g in self.simple_slopes["group"]]
        others = ("interaction", "crossover", "crossover_delta", "poi", "pa")
        return [*slopes, *(text(f"results.quantity.{q}") for q in others)]

    def to_frame(self):
        """Key numbers as a tidy DataFrame: quantity, estimate, se, ci_low, ci_high, p."""
        import pandas as pd

        rows = [
            {
                "quantity": f"slope: {r.group}",
                "estimate": r.slope,
                "se": r.se,
                "ci_low": r.ci_low,
                "ci_high": r.ci_high,
                "p": r.p,
            }
            for r in self.simple_slopes.itertuples()
        ]
        b, v = self._coef_cov
        half = self.critical_t(self.level) * np.sqrt(v[3, 3])
        rows.append(
            {
                "quantity": "interaction (B3)",
                "estimate": b[3],
                "se": np.sqrt(v[3, 3]),
                "ci_low": b[3] - half,
                "ci_high": b[3] + half,
                "p": self.interaction_p,
            }
        )
        for name, c in (("crossover", self.crossover), ("crossover (delta)", self.crossover_delta)):
            rows.append(
                {
                    "quantity": name,
                    "estimate": c.estimate,
                    "se": c.se,
                    "ci_low": c.ci_low,
                    "ci_high": c.ci_high,
                    "p": np.nan,
                }
            )
        rows.append({"quantity": "PoI", "estimate": self.poi})
        rows.append({"quantity": "PA", "estimate": self.pa})
        return pd.DataFrame(rows)

    def summary(self) -> str:
        """A short text report."""
        prep = self.prepared
        c, cd = self.crossover, self.crossover_delta
        lo_x, hi_x = self.x_range
        pct = round(100 * self.level)
        lines = [
            text(
                "susceptibility.summary_head",
                outcome=prep.outcome,
                environment=prep.environment,
                susceptibility=prep.susceptibility,
                n=self.n,
            ),
            text("susceptibility.summary_slopes"),
        ]
        for r in self.simple_slopes.itertuples():
            lines.append(
                text(
                    "results.slope_line",
                    group=r.group,
                    slope=r.slope,
                    low=r.ci_low,
                    high=r.ci_high,
                    p=format_value(r.p, ".3g"),
                )
            )
        lines += [
            text("susceptibility.summary_interaction", p=format_value(self.interaction_p, ".3g")),
            *(
                [text(f"susceptibility.slope_criterion_{str(self.slope_criterion).lower()}")]
                if self.slope_criterion is not None
                else []
            ),
            self.regions_of_significance().summary(),
            text(
                "susceptibility.summary_crossover",
                c=format_value(c.estimate, ".3f"),
                lo=format_value(c.ci_low, ".3f"),
                hi=format_value(c.ci_high, ".3f"),
                level=pct,
                se=format_value(c.se, ".3f"),
                se_delta=format_value(cd.se, ".3f"),
                xmin=format_value(lo_x, ".3g"),
                xmax=format_value(hi_x, ".3g"),
            ),
            text(
                "susceptibility.summary_poi",
                poi=format_value(self.poi, ".2f"),
                pa=format_value(self.pa, ".2f"),
            ),
            "",
            self.verdict,
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        # the R-like summary as written, the table of every quantity folded below it
        frame = self.to_frame()
        frame["quantity"] = self._quantity_labels()
        table = html_table(frame, ".3f", index=False, na_rep="")
        label = text("susceptibility.html_table")
        return html_view("text_details", text=self.summary(), label=label, table_html=table)

    def plot(self, ax=None, *, alpha: float = 0.05, show_points: bool = False):
        """Plot the simple slopes with their confidence bands; returns the Axes.

        ``res.plot(ax, alpha=..., show_points=...)`` is
        ``plot_interaction(res, ax, alpha=..., show_points=...)``, where what is
        drawn and the parameters are described.

        See Also
        --------
        course_kit.susceptibility.plot.plot_interaction : The drawing, with its parameters.
        """
        from course_kit.susceptibility.plot import plot_interaction

        return plot_interaction(self, ax=ax, alpha=alpha, show_points=show_points)


def _model_names(prep: Prepared, exog_names) -> dict:
    x, g = _quote_column(prep.environment), _quote_column(prep.susceptibility)
    names = {"intercept": "Intercept", "x": x, "g": g, "xg": f"{x}:{g}"}
    missing = [v for v in names.values() if v not in exog_names]
    if missing:  # pragma: no cover - would mean the formula engine renamed terms
        raise RuntimeError(f"Unexpected model terms {list(exog_names)}; missing {missing}.")
    return names


def fit_interaction(
    data,
    outcome: str,
    environment: str,
    susceptibility: str,
    covariates=None,
    *,
    at=None,
    level: float = 0.95,
    susceptible_level=None,
    environment_direction: str = "higher_is_better",
) -> InteractionResult:
    """Fit ``outcome ~ environment * susceptibility (+ covariates)`` by OLS.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per person.
    outcome, environment : str
        Numeric columns: the outcome Y and the environment X.
    susceptibility : str
        The marker G: two groups (bool, 0/1, two numbers or two text levels;
        recoded to 0/1 with the level names kept) or a continuous score.
    covariates : str or list of str, optional
        Extra columns to adjust for (text columns become dummy variables).
    at : sequence of float, optional
        For a continuous marker: the values at which to show simple slopes
        (default: mean - 1 SD, mean, mean + 1 SD). Ignored for two groups.
    level : float, default 0.95
        Confidence level of the intervals.
    susceptible_level : optional
        For two groups: the level coded 1 (drawn as the "more susceptible"
        group). Default: True, the larger number, the last category, or the
        last text level in sorted order.
    environment_direction : {"higher_is_better", "higher_is_worse"}
        Whether higher environment values are more supportive (e.g.
        sensitive parenting) or more adverse (e.g. stress). Used to name the
        "for better" side of the crossover (PoI, PA, verdict).

    Returns
    -------
    InteractionResult
        ``.model``, ``.simple_slopes``, ``.regions_of_significance()``,
        ``.crossover`` (and ``.crossover_delta``), ``.poi``, ``.pa``,
        ``.verdict``, ``.plot()``, ``summary()``, ``to_frame()``.

    Raises
    ------
    ValueError
        Naming the column: unknown column, missing values, non-numeric outcome
        or environment, constant environment, a marker with one group only.

    Examples
    --------
    >>> from course_kit.susceptibility import simulate_gxe
    >>> df = simulate_gxe(300, "diathesis_stress", seed=2)  # SYNTHETIC
    >>> res = fit_interaction(df, "outcome", "environment", "susceptible")
    >>> list(res.simple_slopes.columns)[:3]
    ['group', 'value', 'slope']
    """
    import statsmodels.formula.api as smf

    level = check_number(level, "level", low=0, high=1, low_open=True, high_open=True)
    prep = prepare(
        data,
        outcome,
        environment,
        susceptibility,
        covariates,
        susceptible_level=susceptible_level,
        environment_direction=environment_direction,
    )
    terms = " + ".join(_quote_column(c) for c in prep.covariates)
    formula = (
        f"{_quote_column(outcome)} ~ {_quote_column(environment)} * {_quote_column(susceptibility)}"
    )
    formula += f" + {terms}" if terms else ""
    model = smf.ols(formula, data=prep.frame).fit()
    names = _model_names(prep, model.model.exog_names)
    if prep.binary:
        at = (0.0, 1.0)
    elif at is None:
        g = prep.g
        at = (g.mean() - g.std(ddof=1), g.mean(), g.mean() + g.std(ddof=1))
    else:
        at = tuple(check_number(a, "at") for a in np.atleast_1d(at))
    result = InteractionResult(model=model, prepared=prep, at=tuple(at), level=level, names=names)
    b, _ = result._coef_cov
    if not np.isfinite(b).all() or b[3] == 0:
        raise ValueError(
            f"The model cannot separate {environment!r} and {susceptibility!r} "
            "(the interaction is not estimable); check for collinear columns."
        )
    return result
