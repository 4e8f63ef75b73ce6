"""The competing-model comparison of :mod:`course_kit.susceptibility`."""

from __future__ import annotations

import numpy as np

from course_kit._validation import check_number
from course_kit.i18n import format_value
from course_kit.susceptibility.core import compare_core
from course_kit.susceptibility.data import covariate_matrix, prepare


def compare_models(
    data,
    outcome: str,
    environment: str,
    susceptibility: str,
    covariates=None,
    *,
    environment_direction: str = "higher_is_better",
    environment_range=None,
    susceptible_level=None,
    level: float = 0.95,
):
    """Compare differential susceptibility, diathesis-stress and vantage sensitivity.

    The confirmatory, competitive approach of Belsky, Pluess & Widaman (2013),
    as in LEGIT's ``GxE_interaction_test``, with Widaman et al.'s
    re-parameterised model ``Y = A0 + B1 (X - C) + B3 (X - C) G (+ covariates)``:

    ========================================  ========================  ==========
    model                                      cross-over C              B1 (slope
                                                                         of G = 0)
    ========================================  ========================  ==========
    ``differential_susceptibility_strong``     estimated                 0
    ``differential_susceptibility_weak``       estimated                 free
    ``diathesis_stress_strong``                supportive end of X       0
    ``diathesis_stress_weak``                  supportive end of X       free
    ``vantage_sensitivity_strong``             adverse end of X          0
    ``vantage_sensitivity_weak``               adverse end of X          free
    ========================================  ========================  ==========

    Diathesis-stress: the lines meet at the supportive end, so the groups
    differ only in adverse environments. Vantage sensitivity: they meet at
    the adverse end. With ``environment_direction="higher_is_better"`` the
    supportive end is max(X) and the adverse end min(X); with
    ``"higher_is_worse"`` the other way round. "Strong" models assume the
    group coded 0 (less susceptible) does not respond to the environment at
    all; for a continuous marker that means no response at G = 0.

    The preferred model has the lowest BIC (LEGIT's default criterion too).

    Parameters
    ----------
    data, outcome, environment, susceptibility, covariates, susceptible_level
        As in :func:`fit_interaction`.
    environment_direction : {"higher_is_better", "higher_is_worse"}
    environment_range : (low, high), optional
        The ends of the environment scale used as fixed cross-over points
        (e.g. the possible range of a questionnaire). Default: observed min and max.
    level : float, default 0.95
        Confidence level of the crossover CIs.

    Returns
    -------
    pandas.DataFrame
        One row per model: model, pattern, strength, n_params (regression
        parameters including C when estimated), rss, r2, aic, bic (Gaussian,
        counting sigma, as R's AIC/BIC), crossover, crossover_fixed,
        crossover_ci_low/high (NaN when C is fixed), crossover_in_range,
        pct_below_crossover (% of people with X < C), delta_bic, bic_weight,
        preferred. Sorted by BIC.

    Examples
    --------
    >>> from course_kit.susceptibility import compare_models, simulate_gxe
    >>> df = simulate_gxe(500, "diathesis_stress", seed=4)  # SYNTHETIC
    >>> table = compare_models(df, "outcome", "environment", "susceptible")
    >>> table.iloc[0]["model"]
    'diathesis_stress_strong'
    """
    import pandas as pd

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
    x = prep.x
    if environment_range is None:
        low, high = float(x.min()), float(x.max())
    else:
        if len(environment_range) != 2:
            raise ValueError("environment_range must be (low, high).")
        low = check_number(environment_range[0], "environment_range[0]")
        high = check_number(environment_range[1], "environment_range[1]")
        if not (low <= x.min() and x.max() <= high):
            raise ValueError(
                f"environment_range ({low}, {high}) must contain all values of column "
                f"{environment!r} ({x.min():.3g} to {x.max():.3g})."
            )
    adverse, supportive = (
        (low, high) if environment_direction == "higher_is_better" else (high, low)
    )
    rows = compare_core(prep.y, x, prep.g, covariate_matrix(prep), adverse, supportive, level)
    table = pd.DataFrame(rows)
    table["delta_bic"] = table.bic - table.bic.min()
    weights = np.exp(-0.5 * table.delta_bic)
    table["bic_weight"] = weights / weights.sum()
    table["preferred"] = table.delta_bic == 0
    table = table.sort_values("bic", kind="stable").reset_index(drop=True)
    table.attrs["criterion"] = "BIC"
    table.attrs["level"] = level
    return table


def describe_comparison(table) -> str:
    """Say in plain words which model :func:`compare_models` prefers, and how clearly.

    Parameters
    ----------
    table : pandas.DataFrame
        The result of :func:`compare_models`.

    Returns
    -------
    str

    Examples
    --------
    >>> from course_kit.susceptibility import compare_models, describe_comparison, simulate_gxe
    >>> df = simulate_gxe(500, "diathesis_stress", seed=4)  # SYNTHETIC
    >>> describe_comparison(compare_models(df, "outcome", "environment", "susceptible"))[:40]
    'Best supported: strong diathesis-stress '
    """
    from course_kit.messages import text

    needed = {"model", "delta_bic", "bic_weight", "crossover", "crossover_fixed"}
    if not needed <= set(getattr(table, "columns", ())):
        raise ValueError("table must be the DataFrame returned by compare_models().")
    ranked = table.sort_values("delta_bic", kind="stable").reset_index(drop=True)
    best, runner = ranked.iloc[0], ranked.iloc[1]
    parts = [
        text(
            "susceptibility.compare_best",
            model=text(f"susceptibility.model_{best.model}"),
            weight=format_value(best.bic_weight, ".2f"),
        ),
        text(
            "susceptibility.compare_next",
            model=text(f"susceptibility.model_{runner.model}"),
            delta=format_value(runner.delta_bic, ".1f"),
        ),
    ]
    # Our own rule of thumb (not a published cut-off): below 0.75 of the total
    # weight, the best model is not clearly ahead of the others.
    key = "compare_clear" if best.bic_weight >= 0.75 else "compare_close"
    parts.append(text(f"susceptibility.{key}"))
    if not best.crossover_fixed:
        parts.append(
            text(
                "susceptibility.compare_crossover",
                c=format_value(best.crossover, ".3g"),
                lo=format_value(best.crossover_ci_low, ".3g"),
                hi=format_value(best.crossover_ci_high, ".3g"),
                level=round(100 * table.attrs.get("level", 0.95)),
            )
        )
    return " ".join(parts)
