"""Input checks and synthetic data for :mod:`course_kit.susceptibility`.

:func:`prepare` turns a participant's DataFrame into clean
arrays (or raises a ValueError that names the column), and :func:`simulate_gxe`
makes SYNTHETIC person x environment data with a known pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from course_kit._validation import check_choice, check_number
from course_kit.messages import text
from course_kit.susceptibility.patterns import PATTERNS, pattern_name

DIRECTIONS = ("higher_is_better", "higher_is_worse")
__all__ = ["DIRECTIONS", "PATTERNS", "Prepared", "covariate_matrix", "prepare", "simulate_gxe"]
_ROLES = ("outcome", "environment", "susceptibility")


@dataclass(frozen=True)
class Prepared:
    """Clean inputs: the rows used, the 0/1 (or continuous) marker and its levels."""

    frame: object  # pandas DataFrame with the marker recoded to 0/1 when binary
    outcome: str
    environment: str
    susceptibility: str
    covariates: tuple[str, ...]
    binary: bool
    levels: tuple | None  # (level coded 0, level coded 1) for a binary marker
    direction: str

    @property
    def x(self) -> np.ndarray:
        return self.frame[self.environment].to_numpy(dtype=float)

    @property
    def g(self) -> np.ndarray:
        return self.frame[self.susceptibility].to_numpy(dtype=float)

    @property
    def y(self) -> np.ndarray:
        return self.frame[self.outcome].to_numpy(dtype=float)


def covariate_matrix(prep: Prepared) -> np.ndarray:
    """Covariates as numbers: numeric as is, categories as 0/1 (first level dropped)."""
    import pandas as pd

    if not prep.covariates:
        return np.empty((len(prep.frame), 0))
    cov = pd.get_dummies(prep.frame[list(prep.covariates)], drop_first=True, dtype=float)
    return cov.to_numpy(dtype=float)


def _check_name(name, role: str, columns) -> str:
    if not isinstance(name, str):
        raise TypeError(text("data_errors.not_a_name", role=role, name=name))
    if name not in columns:
        shown = ", ".join(repr(c) for c in list(columns)[:12])
        raise ValueError(text("data_errors.no_column", role=role, name=name, shown=shown))
    if '"' in name and "'" in name:
        raise ValueError(text("data_errors.quotes", role=role, name=name))
    return name


def _is_numeric(series) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _binary_levels(series, column: str, susceptible_level):
    """Return (level for 0, level for 1) of a two-level marker, or None if continuous."""
    import pandas as pd

    values = series.unique()
    if len(values) < 2:
        raise ValueError(text("data_errors.one_group", column=column, value=values[0]))
    if pd.api.types.is_bool_dtype(series):
        levels = [False, True]
    elif isinstance(series.dtype, pd.CategoricalDtype):
        levels = [c for c in series.cat.categories if c in set(values)]
    elif _is_numeric(series):
        if len(values) > 2:
            return None  # a continuous marker
        levels = sorted(values.tolist())
    else:
        levels = sorted(values.tolist(), key=str)
    if len(levels) > 2:
        raise ValueError(text("data_errors.many_levels", column=column, n=len(levels)))
    if susceptible_level is not None:
        if susceptible_level not in levels:
            raise ValueError(
                text(
                    "data_errors.not_a_level",
                    level=susceptible_level,
                    column=column,
                    levels=levels,
                )
            )
        levels = [lv for lv in levels if lv != susceptible_level] + [susceptible_level]
    elif not (pd.api.types.is_bool_dtype(series) or _is_zero_one(levels)):
        # Sort order would pick the group (e.g. 'nej' after 'ja'), and with it
        # the sign of every slope: the participant must say which group it is.
        a, b = levels
        raise ValueError(text("data_errors.which_group", column=column, a=a, b=b))
    return tuple(levels)


def _is_zero_one(levels) -> bool:
    return all(
        isinstance(lv, (int, float, np.integer, np.floating)) and not isinstance(lv, str)
        for lv in levels
    ) and sorted(float(lv) for lv in levels) == [0.0, 1.0]


def _text_numbers(frame, name: str, role: str) -> None:
    """Read a text column of numbers (e.g. ``"2,1"`` from Swedish Excel) as numbers, in place.

    Without this, a covariate typed with decimal commas would be dummy-coded
    (one parameter per distinct value). A column of real text stays text.
    """
    import pandas as pd

    from course_kit.readers import numbers_from_text

    column = frame[name]
    if isinstance(column.dtype, pd.CategoricalDtype) or not (
        column.dtype == object or pd.api.types.is_string_dtype(column.dtype)
    ):
        return
    try:
        numbers = numbers_from_text(column, name)
    except ValueError as exc:
        raise ValueError(text("data_errors.text_numbers", role=role, problem=exc)) from None
    if numbers is not None:
        frame[name] = numbers


def prepare(
    data,
    outcome,
    environment,
    susceptibility,
    covariates=None,
    *,
    susceptible_level=None,
    environment_direction="higher_is_better",
) -> Prepared:
    """Check the inputs of the public functions and return :class:`Prepared`."""
    import pandas as pd

    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, got {type(data).__name__}.")
    check_choice(environment_direction, "environment_direction", DIRECTIONS)
    cols = data.columns
    outcome = _check_name(outcome, "outcome", cols)
    environment = _check_name(environment, "environment", cols)
    susceptibility = _check_name(susceptibility, "susceptibility", cols)
    if covariates is None:
        covariates = ()
    elif isinstance(covariates, str):
        covariates = (covariates,)
    covariates = tuple(_check_name(c, "covariates", cols) for c in covariates)
    roles = [outcome, environment, susceptibility, *covariates]
    if len(set(roles)) != len(roles):
        raise ValueError(text("data_errors.one_role", roles=roles))

    frame = data[roles].copy()
    frame.attrs = {}  # pandas deep-copies attrs on every operation: slow, and not needed
    for role, name in zip(_ROLES, roles[:3], strict=False):
        _text_numbers(frame, name, role)
    for name in covariates:
        _text_numbers(frame, name, "covariates")
    named = [*zip(_ROLES, roles[:3], strict=False), *(("covariates", c) for c in covariates)]
    for role, name in named:
        missing = np.flatnonzero(frame[name].isna().to_numpy())
        if missing.size:
            raise ValueError(
                text(
                    "data_errors.missing",
                    role=role,
                    name=name,
                    n=int(missing.size),
                    row=int(missing[0] + 1),
                )
            )
    if pd.api.types.is_bool_dtype(frame[environment]):
        # a randomised arm (e.g. VIPP-SD = True) is a two-valued environment: 0/1
        frame[environment] = frame[environment].astype(float)
    for role, name in (("outcome", outcome), ("environment", environment)):
        if not _is_numeric(frame[name]):
            raise ValueError(
                text("data_errors.not_numbers", role=role, name=name, dtype=frame[name].dtype)
            )
        if not np.all(np.isfinite(frame[name].to_numpy(dtype=float))):
            raise ValueError(text("data_errors.infinite", role=role, name=name))
    if frame[environment].nunique() < 2:
        raise ValueError(text("data_errors.constant", name=environment))
    levels = _binary_levels(frame[susceptibility], susceptibility, susceptible_level)
    if levels is None:
        frame[susceptibility] = frame[susceptibility].astype(float)
    else:
        frame[susceptibility] = (frame[susceptibility] == levels[1]).astype(float)
        counts = frame[susceptibility].value_counts()
        if counts.min() < 2:
            raise ValueError(text("data_errors.small_group", name=susceptibility))
    x, g = frame[environment].to_numpy(dtype=float), frame[susceptibility].to_numpy(dtype=float)
    if np.ptp(g) > 0 and abs(np.corrcoef(x, g)[0, 1]) > 1 - 1e-9:
        raise ValueError(
            text(
                "data_errors.same_information",
                environment=environment,
                susceptibility=susceptibility,
            )
        )
    n_min = 6 + len(covariates)
    if len(frame) < n_min:
        raise ValueError(text("data_errors.too_few_rows", n=len(frame), needed=n_min))
    return Prepared(
        frame=frame.reset_index(drop=True),
        outcome=outcome,
        environment=environment,
        susceptibility=susceptibility,
        covariates=covariates,
        binary=levels is not None,
        levels=levels,
        direction=environment_direction,
    )


def simulate_gxe(
    n: int = 500,
    pattern: str = "differential_susceptibility",
    *,
    strength: str = "strong",
    slope: float = 0.4,
    noise_sd: float = 1.0,
    share_susceptible: float = 0.5,
    seed=None,
):
    """Simulate SYNTHETIC person x environment data with a known pattern.

    The environment is a 1-7 score (higher = more supportive, e.g. observed
    parenting quality), drawn uniformly. The marker ``susceptible`` is 1 for a
    more susceptible child (share ``share_susceptible``), 0 otherwise. The true
    lines of the two groups cross at

    * 4 (the middle) for ``"differential_susceptibility"``,
    * 7 (the supportive end) for ``"diathesis_stress"``,
    * 1 (the adverse end) for ``"vantage_sensitivity"``;

    ``"none"`` gives both groups the same slope (no interaction).

    Parameters
    ----------
    n : int, default 500
        Number of children.
    pattern : {"differential_susceptibility", "diathesis_stress", \
"vantage_sensitivity", "none"}
        The true pattern (see :mod:`course_kit.susceptibility.patterns`; the
        old spellings ``"differential"``, ``"diathesis-stress"`` and
        ``"vantage"`` are accepted too).
    strength : {"strong", "weak"}, default "strong"
        "strong": the less susceptible group's slope is 0; "weak": it is a
        quarter of the more susceptible group's slope.
    slope : float, default 0.4
        Slope of the outcome (in SD of the noise) per point of environment for
        the more susceptible group.
    noise_sd : float, default 1.0
        Residual standard deviation.
    share_susceptible : float, default 0.5
        Expected share of more susceptible children.
    seed : int or numpy.random.Generator, optional
        For reproducible data.

    Returns
    -------
    pandas.DataFrame
        Columns ``environment``, ``susceptible`` (0/1) and ``outcome``. The true
        values are in ``.attrs`` (``pattern``, ``strength``, ``crossover``,
        ``slopes``) and ``.attrs["synthetic"]`` is True.

    Examples
    --------
    >>> from course_kit.susceptibility import simulate_gxe
    >>> df = simulate_gxe(200, "diathesis_stress", seed=1)
    >>> df.attrs["crossover"], df.shape
    (7.0, (200, 3))
    """
    import pandas as pd

    n = check_number(n, "n", low=10, integer=True)
    pattern = pattern_name(pattern)
    check_choice(strength, "strength", ("strong", "weak"))
    slope = check_number(slope, "slope")
    noise_sd = check_number(noise_sd, "noise_sd", low=0, low_open=True)
    share = check_number(
        share_susceptible, "share_susceptible", low=0, high=1, low_open=True, high_open=True
    )
    rng = np.random.default_rng(seed)
    low, high = 1.0, 7.0
    crossover = {
        "differential_susceptibility": 4.0,
        "diathesis_stress": high,
        "vantage_sensitivity": low,
        "none": float("nan"),
    }[pattern]
    weak_slope = slope / 4 if strength == "weak" else 0.0
    x = rng.uniform(low, high, n)
    g = (rng.random(n) < share).astype(int)
    if pattern == "none":
        slopes = (slope, slope)
        mean = 5.0 + slope * (x - 4.0)
    else:
        slopes = (weak_slope, slope)
        mean = 5.0 + np.where(g == 1, slope, weak_slope) * (x - crossover)
    y = mean + rng.normal(0.0, noise_sd, n)
    df = pd.DataFrame({"environment": x, "susceptible": g, "outcome": y})
    df.attrs.update(
        synthetic=True,
        pattern=pattern,
        strength=strength,
        crossover=crossover,
        slopes={"less susceptible": slopes[0], "more susceptible": slopes[1]},
        environment_range=(low, high),
    )
    return df
