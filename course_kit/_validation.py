"""Input checks shared by every public function.

Validation happens once, at the public boundary, and every message names the
argument and the problem, so a participant never meets a NaN or a traceback
from deep inside numpy.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import numpy as np


def as_float_array(
    values,
    name: str,
    *,
    ndim: int | None = 1,
    allow_empty: bool = False,
    allow_nan: bool = False,
) -> np.ndarray:
    """Return ``values`` as a float array, or raise a clear error.

    Scalars are accepted and become 1-element arrays when ``ndim == 1``.
    Strings, booleans given as text, objects and non-finite numbers are rejected.
    """
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{name} must be numbers, not text ({values!r}).")
    try:
        arr = np.asarray(values)
    except Exception as exc:  # pragma: no cover - exotic containers
        raise TypeError(f"{name} could not be read as numbers: {exc}") from None
    if arr.dtype.kind in "OUSV" or arr.dtype.kind == "M":
        # object arrays may still hold numbers (e.g. a pandas Series with None)
        try:
            arr = arr.astype(float)
        except (TypeError, ValueError):
            raise TypeError(
                f"{name} must contain only numbers; found non-numeric values."
            ) from None
    elif arr.dtype.kind not in "biuf":
        raise TypeError(f"{name} must contain only real numbers (got dtype {arr.dtype}).")
    arr = arr.astype(float, copy=True)
    if ndim == 1 and arr.ndim == 0:
        arr = arr.reshape(1)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be {ndim}-dimensional (got shape {arr.shape}).")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} is empty: at least one value is needed.")
    # one reduction: the sum is finite unless a value is NaN/inf (or the sum overflows,
    # which the exact check below then clears)
    if not allow_nan and not math.isfinite(float(arr.sum())):
        bad = np.flatnonzero(~np.isfinite(arr.ravel()))
        if bad.size:
            raise ValueError(
                f"{name} contains missing or infinite values (at position(s) {bad[:5].tolist()})."
            )
    return arr


def check_positive(arr: np.ndarray, name: str, *, strict: bool = True) -> np.ndarray:
    """Raise ValueError if any value of ``arr`` is <= 0 (or < 0 if not strict)."""
    if arr.size == 0:
        return arr
    low = arr.min()  # one reduction in the usual case that all values pass
    if low > 0 or (not strict and low == 0):
        return arr
    bad = arr <= 0 if strict else arr < 0
    if np.any(bad):
        sign = "greater than 0" if strict else "0 or more"
        idx = np.flatnonzero(np.ravel(bad))[:5].tolist()
        raise ValueError(f"{name} must be {sign} (problem at position(s) {idx}).")
    return arr


def check_number(
    value,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    integer: bool = False,
) -> float:
    """Check one finite number (optionally an integer) within [low, high].

    Returns the value as ``float`` (or ``int`` when ``integer=True``).
    """
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.integer, np.floating)):
        kind = "a whole number" if integer else "a number"
        raise TypeError(f"{name} must be {kind} (got {value!r}).")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number (got {value!r}).")
    if integer and int(value) != value:
        raise TypeError(f"{name} must be a whole number (got {value!r}).")
    if low is not None and (value <= low if low_open else value < low):
        op = ">" if low_open else ">="
        raise ValueError(f"{name} must be {op} {low} (got {value!r}).")
    if high is not None and (value >= high if high_open else value > high):
        op = "<" if high_open else "<="
        raise ValueError(f"{name} must be {op} {high} (got {value!r}).")
    return int(value) if integer else float(value)


def check_choice(value, name: str, options: Iterable[str]):
    """Raise ValueError unless ``value`` is one of ``options`` (listed in the message)."""
    options = list(options)
    if value not in options:
        raise ValueError(f"{name} must be one of {options} (got {value!r}).")
    return value


def column_as_numbers(series, role: str, *, allow_nan: bool = False) -> np.ndarray:
    """A data column as floats; errors name the role, the column and the row.

    Text columns of numbers (e.g. ``"2,1"`` with a decimal comma, as Swedish
    Excel writes them) are read as numbers; a text value among numbers, or a
    column of text, stops with a message that names the row (1 = first row
    of the table) and the fix.
    """
    import pandas as pd

    from course_kit.readers import numbers_from_text

    column = series.name
    values = series
    if not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series)):
        try:
            values = numbers_from_text(series, str(column))
        except ValueError as exc:
            raise ValueError(f"{role}: {exc}") from None
        if values is None:
            first = next((v for v in series if isinstance(v, str) and v.strip()), series.iloc[0])
            row = int(np.flatnonzero(series.to_numpy(dtype=object) == first)[0]) + 1
            raise ValueError(
                f"{role}: column {column!r} holds text ({first!r} in row {row}), not numbers. "
                "Use a column of numbers, or code the groups as 0 and 1."
            )
    arr = np.asarray(values, dtype=float)
    if not allow_nan:
        bad = np.flatnonzero(~np.isfinite(arr))
        if bad.size:
            raise ValueError(
                f"{role}: column {column!r} has a missing or infinite value in row "
                f"{bad[0] + 1} ({bad.size} row(s) in all). Fill it in, or drop that row first."
            )
    return arr
