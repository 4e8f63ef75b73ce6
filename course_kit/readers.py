"""Reading a participant's own CSV file the way Swedish and Norwegian Excel writes it.

Excel in Sweden and Norway saves "CSV" with ``;`` between the columns,
decimal commas (``2,1``), often a UTF-8 byte-order mark (BOM) at the start, or
Windows-1252 instead of UTF-8. Plain :func:`pandas.read_csv` then returns one
column, or text columns that later analyses silently treat as categories.
:func:`read_csv` is a thin wrapper over :func:`pandas.read_csv`: pandas does
the reading; this module adds only what pandas lacks, namely finding the
separator and the encoding, reading decimal commas column by column, and
errors that name the column, the row and the fix.

Examples
--------
>>> import course_kit as ck
>>> df = ck.read_csv("my_families.csv")  # doctest: +SKIP
>>> df.dtypes  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from course_kit.messages import text

__all__ = ["numbers_from_text", "read_csv"]

_SEPARATORS = (";", "\t", ",")  # in order of preference when several fit
# A number as people type it: optional sign, digits with an optional decimal
# comma or point, or thousands grouped by spaces (1 234,5), and an exponent.
_NUMBER = re.compile(
    r"^[+\-\u2212]?(\d+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:([.,])(\d+))?(?:[eE][+\-]?\d+)?$"
)
_MISSING = {"", "na", "n/a", "nan", "null", "none", "-", ".", "saknas", "mangler", "#n/a"}
_BOOLEANS = {
    "true": True,
    "false": False,
    "sant": True,
    "falskt": False,  # Swedish Excel
    "sann": True,
    "usann": False,  # Norwegian Excel
}


def _decode(raw: bytes, path, encoding: str | None) -> str:
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except (LookupError, UnicodeDecodeError) as exc:
            raise ValueError(text("readers.bad_encoding", path=path, encoding=encoding)) from exc
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")  # also removes a BOM
    except UnicodeDecodeError:
        # Older Excel "CSV (semicolon)" in Sweden/Norway is Windows-1252;
        # every byte decodes, so this never fails.
        return raw.decode("cp1252")


def _sniff_separator(content: str) -> str:
    """The separator that gives the same number (> 1) of columns on the first lines.

    ``csv.Sniffer`` guesses wrongly on short files with decimal commas (it
    often picks the comma), so we count columns per candidate with the csv
    module, which respects quotes, and prefer ``;`` then tab then ``,``.
    """
    lines = [line for line in content.splitlines() if line.strip()][:50]
    for sep in _SEPARATORS:
        counts = {len(row) for row in csv.reader(lines, delimiter=sep)}
        if len(counts) == 1 and counts.pop() > 1:
            return sep
    # Ragged lines: the separator that splits the header into the most columns.
    header = lines[0] if lines else ""
    return max(
        _SEPARATORS, key=lambda sep: (len(next(csv.reader([header], delimiter=sep))), sep == ",")
    )


def _parse_number(value: str):
    """``(float, decimal mark or None)`` for a number typed as text, else None."""
    match = _NUMBER.match(value)
    if not match:
        return None
    clean = re.sub(r"[ \u00a0\u202f]", "", value).replace("\u2212", "-").replace(",", ".")
    return float(clean), match.group(2)


def numbers_from_text(series, column: str, *, first_row: int = 1):
    """A text column's values as numbers, ``None`` if it is a text column.

    A column counts as numbers when more than half of its non-missing values
    are numbers (decimal comma or point). Then every other value must be
    missing, or a ValueError names the column, the row and the fix; a column
    mixing decimal commas and points is refused the same way.

    Parameters
    ----------
    series : pandas.Series
        Values as text (other values are converted with ``str``).
    column : str
        The column's name, for the messages.
    first_row : int, default 1
        Row number shown for the first value (2 for a file with a header row).

    Examples
    --------
    >>> import pandas as pd
    >>> numbers_from_text(pd.Series(["2,1", "3", ""]), "age").tolist()
    [2.1, 3.0, nan]
    """
    import numpy as np
    import pandas as pd

    values = ["" if pd.api.types.is_scalar(v) and pd.isna(v) else str(v).strip() for v in series]
    parsed, bad, marks = [], [], {}
    for pos, value in enumerate(values):
        if value.lower() in _MISSING:
            parsed.append(np.nan)
            continue
        number = _parse_number(value)
        if number is None:
            parsed.append(np.nan)
            bad.append((pos, value))
            continue
        parsed.append(number[0])
        if number[1]:
            marks.setdefault(number[1], (pos, value))
    n_numbers = sum(1 for v in parsed if not np.isnan(v))
    if n_numbers == 0 or n_numbers <= len(bad):
        return None  # a text column (e.g. group labels)
    if bad:
        pos, value = bad[0]
        raise ValueError(
            text("readers.not_a_number", column=column, row=pos + first_row, value=value)
        )
    if len(marks) > 1:
        (pc, vc), (pp, vp) = marks[","], marks["."]
        raise ValueError(
            text(
                "readers.mixed_decimals",
                column=column,
                row_comma=pc + first_row,
                comma=vc,
                row_point=pp + first_row,
                point=vp,
            )
        )
    result = pd.Series(parsed, index=series.index, name=series.name, dtype=float)
    whole = result.dropna()
    if not marks and len(whole) == len(result) and (whole == whole.round()).all():
        return result.astype("int64")
    return result


def read_csv(path, *, sep: str | None = None, encoding: str | None = None, **kwargs):
    """Read a CSV file from Excel (Swedish/Norwegian or English) into a DataFrame.

    Finds the separator (``;``, tab or ``,``) and the encoding (UTF-8 with or
    without BOM, UTF-16, Windows-1252), and turns columns of numbers written
    with decimal commas (``2,1``) or points into numbers. Columns of
    ``TRUE``/``FALSE`` (also Swedish ``SANT``/``FALSKT``, Norwegian
    ``SANN``/``USANN``) become True/False; other text stays text. Empty cells
    and ``NA`` are missing values.

    Parameters
    ----------
    path : str or path-like
        The CSV file.
    sep : str, optional
        The separator, if the guess is wrong.
    encoding : str, optional
        The encoding, if the guess is wrong (e.g. ``"cp1252"``).
    **kwargs
        Passed on to :func:`pandas.read_csv` (e.g. ``skiprows=2``).

    Returns
    -------
    pandas.DataFrame

    Raises
    ------
    ValueError
        If the file is missing, empty or an Excel workbook, or a column of
        numbers has a value that is not a number (the message names the
        column and the row as Excel shows it, the header being row 1).

    Examples
    --------
    >>> import course_kit as ck
    >>> df = ck.read_csv("families.csv")  # doctest: +SKIP
    """
    import pandas as pd

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(text("readers.path_type", kind=type(path).__name__))
    file = Path(path).expanduser()
    if not file.is_file():
        raise ValueError(text("readers.missing", path=file, cwd=Path.cwd()))
    raw = file.read_bytes()
    if raw.startswith(b"PK\x03\x04"):
        raise ValueError(text("readers.workbook", path=file))
    content = _decode(raw, file, encoding)
    if not content.strip():
        raise ValueError(text("readers.empty", path=file))
    if sep is None:
        sep = _sniff_separator(content)
    try:
        frame = pd.read_csv(
            io.StringIO(content),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=True,
            **kwargs,
        )
    except pd.errors.ParserError as exc:
        raise ValueError(text("readers.unreadable", path=file, reason=exc)) from None
    frame.columns = [str(c).strip() for c in frame.columns]
    first_row = 2 if kwargs.get("header", "infer") is not None else 1
    for column in frame.columns:
        numbers = numbers_from_text(frame[column], column, first_row=first_row)
        if numbers is not None:
            frame[column] = numbers
            continue
        stripped = frame[column].str.strip()
        lowered = stripped.str.lower()
        present = lowered[~lowered.isin(_MISSING)]
        if (
            len(present)
            and present.isin(_BOOLEANS.keys()).all()
            and not lowered.isin(_MISSING).any()
        ):
            frame[column] = lowered.map(_BOOLEANS).astype(bool)
        else:
            frame[column] = stripped.mask(lowered.isin(_MISSING))
    frame.attrs["source_file"] = str(file)
    frame.attrs["separator"] = sep
    return frame
