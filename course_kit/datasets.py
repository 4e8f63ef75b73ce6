"""Datasets of the course, with their provenance.

The files live in the repository's ``datasets/`` folder, described by a
Frictionless Data Package (``datasets/datapackage.json``): for each CSV its
source (citation, DOI, table, URL), licence, what is partial or derived,
whether it is SYNTHETIC, and a schema (field types, units, allowed ranges).

:func:`load` checks every file against its schema before returning it. We
validate with a small checker of our own (types string, integer, number,
boolean, year, date; constraints required, minimum/maximum, enum, unique,
pattern, minLength/maxLength; a one-field primaryKey) instead of the ``frictionless`` package, which would add a large
dependency tree for five small CSV files.

Words in a dataset stay as written, with one exception: a column whose schema
names one of the kit's messages (``"message": "simulate.study_label"``) holds
labels the kit made up with that message (``"Synthetic trial 07"``), and
:func:`load` writes them in the reader's language. Free text written for the
course is translated where it is shown (:func:`translated_columns`).

Examples
--------
>>> from course_kit import datasets
>>> datasets.catalog()  # doctest: +SKIP
>>> df = datasets.load("rayce2017_relationship")  # doctest: +SKIP
>>> df.attrs["citation"]  # doctest: +SKIP
'Rayce SB, et al. Effects of parenting interventions ...'
"""

from __future__ import annotations

import builtins
import functools
import json
import math
import os
import re
import string
from pathlib import Path

from course_kit._paths import shipped
from course_kit.messages import EN, text

__all__ = [
    "catalog",
    "data_dir",
    "list",
    "load",
    "resource",
    "schema",
    "translated_columns",
    "validate",
]

_TRUE = {"true", "True", "TRUE", "1", "yes"}
_FALSE = {"false", "False", "FALSE", "0", "no"}


def data_dir() -> Path:
    """The folder with ``datapackage.json``.

    ``$COURSE_KIT_DATA`` if set; else the copy inside the installed package
    (``course_kit/_bundled/datasets``, made by a normal ``pip install .`` or a
    wheel); else the repository's ``datasets/`` folder (``pip install -e .``).
    """
    env = os.environ.get("COURSE_KIT_DATA")
    return Path(env) if env else shipped("datasets")


@functools.lru_cache(maxsize=4)
def _package(folder: str) -> dict:
    path = Path(folder) / "datapackage.json"
    if not path.is_file():
        raise ValueError(text("datasets.no_folder", path=path))
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def _resources() -> dict[str, dict]:
    return {r["name"]: r for r in _package(str(data_dir()))["resources"]}


def resource(name: str) -> dict:
    """The Data Package entry (metadata and schema) of dataset ``name``."""
    resources = _resources()
    if not isinstance(name, str) or name not in resources:
        raise ValueError(text("datasets.unknown", name=name, names=", ".join(resources)))
    return resources[name]


def _schema(res: dict) -> dict:
    """The resource's schema; Frictionless allows a path to a JSON file instead."""
    schema = res["schema"]
    if isinstance(schema, str):
        with open(data_dir() / schema, encoding="utf-8") as fh:
            schema = json.load(fh)
    return schema


def schema(name: str) -> dict:
    """The Table Schema of dataset ``name``: ``fields``, ``primaryKey``, ``missingValues``.

    Read from the dataset's own ``<name>.schema.json`` where the Data Package
    names one, else from the package itself.
    """
    return _schema(resource(name))


def translated_columns(name: str) -> tuple[str, ...]:
    """The columns of dataset ``name`` that the Swedish and Norwegian editions translate.

    Free text written for the course, marked ``"translate": true`` in the
    schema. Each value is an entry of ``course_kit/locale/<lang>/datasets/<name>.po``
    (context ``<row id>:<column>``), shown through :func:`course_kit.i18n.dataset_text`;
    ``scripts/i18n.py update`` writes the English text into those catalogs.

    Examples
    --------
    >>> translated_columns("evidence_table")[:2]
    ('intervention', 'population')
    >>> translated_columns("vipp_trials")
    ()
    """
    return _translated_columns(str(data_dir()), name)


@functools.lru_cache(maxsize=16)
def _translated_columns(folder: str, name: str) -> tuple[str, ...]:
    # per data folder (the cache key): the evidence navigator asks for every cell it shows
    return tuple(f["name"] for f in schema(name)["fields"] if f.get("translate"))


def _is_available(res: dict) -> bool:
    paths = [res["path"]] + ([res["schema"]] if isinstance(res.get("schema"), str) else [])
    return all((data_dir() / p).exists() for p in paths)


def _short_source(res: dict) -> str:
    src = (res.get("sources") or [{}])[0]
    title = src.get("title", "")
    doi = src.get("doi", "")
    return f"{title} doi:{doi}" if doi.startswith("10.") else title


def catalog():
    """Catalogue of the datasets.

    Returns
    -------
    pandas.DataFrame
        One row per dataset: ``name``, ``title``, ``rows`` (data rows; missing
        when the file is not there yet), ``source``, ``synthetic`` ("yes"/"no")
        and ``available``.
    """
    import pandas as pd

    out = []
    for name, res in _resources().items():
        available = _is_available(res)
        rows = None
        if available:
            with open(data_dir() / res["path"], encoding="utf-8") as fh:
                rows = max(sum(1 for line in fh if line.strip()) - 1, 0)
        out.append(
            {
                "name": name,
                "title": res.get("title", ""),
                "rows": rows,
                "source": _short_source(res),
                "synthetic": "yes" if res.get("synthetic") else "no",
                "available": available,
            }
        )
    frame = pd.DataFrame(out)
    frame["rows"] = frame["rows"].astype("Int64")
    return frame


def list():
    """Deprecated: use :func:`catalog` (``list`` hid Python's built-in ``list``)."""
    import warnings

    warnings.warn(
        "course_kit.datasets.list() is now course_kit.datasets.catalog().",
        DeprecationWarning,
        stacklevel=2,
    )
    return catalog()


def _convert(value: str, field: dict):
    """Parse one CSV cell by the field's type; raise ValueError with the problem."""
    kind = field.get("type", "string")
    if kind in ("string", "any"):
        return value
    if kind == "date":
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date (YYYY-MM-DD)") from None
        return value
    if kind in ("integer", "year"):
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a whole number") from None
        if not number.is_integer():
            raise ValueError(f"{value!r} is not a whole number")
        return int(number)
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
        if not math.isfinite(number):
            raise ValueError(f"{value!r} is not a finite number")
        return number
    if kind == "boolean":
        if value in field.get("trueValues", _TRUE):
            return True
        if value in field.get("falseValues", _FALSE):
            return False
        raise ValueError(f"{value!r} is not true or false")
    raise ValueError(f"the schema type {kind!r} is not supported")


def _check_constraints(value, field: dict) -> None:
    cons = field.get("constraints", {})
    if "minimum" in cons and value < cons["minimum"]:
        raise ValueError(f"{value!r} is below the minimum {cons['minimum']}")
    if "maximum" in cons and value > cons["maximum"]:
        raise ValueError(f"{value!r} is above the maximum {cons['maximum']}")
    if "enum" in cons and value not in cons["enum"]:
        raise ValueError(f"{value!r} is not one of {cons['enum']}")
    if isinstance(value, str):
        import re

        if "minLength" in cons and len(value) < cons["minLength"]:
            raise ValueError(f"{value!r} is shorter than {cons['minLength']} characters")
        if "maxLength" in cons and len(value) > cons["maxLength"]:
            raise ValueError(f"{value!r} is longer than {cons['maxLength']} characters")
        if "pattern" in cons and not re.fullmatch(cons["pattern"], value):
            raise ValueError(f"{value!r} does not match the pattern {cons['pattern']!r}")


def validate(name: str):
    """Read dataset ``name`` and check it against its schema.

    Returns the typed columns as a dict ``{column: list}``. A violation raises
    ValueError naming the file, the data row (1 = first row after the header)
    and the column.
    """
    import csv

    res = resource(name)
    path = data_dir() / res["path"]
    if not _is_available(res):
        missing = path if not path.exists() else data_dir() / res["schema"]
        raise ValueError(text("datasets.unavailable", name=name, path=missing))
    schema = _schema(res)
    fields = schema["fields"]
    missing_values = set(schema.get("missingValues", [""]))
    file = f"datasets/{res['path']}"
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        rows = [row for row in reader if row]
    names = [f["name"] for f in fields]
    for col in names:
        if col not in header:
            raise ValueError(text("datasets.missing_column", file=file, column=col))
    for col in header:
        if col not in names:
            raise ValueError(text("datasets.extra_column", file=file, column=col))
    index = {col: header.index(col) for col in names}
    columns: dict[str, builtins.list] = {col: [] for col in names}
    for r, row in enumerate(rows, start=1):
        if len(row) != len(header):
            raise ValueError(
                text(
                    "datasets.bad_value",
                    file=file,
                    row=r,
                    column=header[min(len(row), len(header)) - 1],
                    problem=f"the row has {len(row)} cells but the header has {len(header)}",
                )
            )
        for field in fields:
            col = field["name"]
            raw = row[index[col]]
            try:
                if raw in missing_values:
                    if field.get("constraints", {}).get("required"):
                        raise ValueError("a value is required but the cell is empty")
                    value = None
                else:
                    value = _convert(raw, field)
                    _check_constraints(value, field)
            except ValueError as exc:
                raise ValueError(
                    text("datasets.bad_value", file=file, row=r, column=col, problem=str(exc))
                ) from None
            columns[col].append(value)
    keys = schema.get("primaryKey", [])
    keys = [keys] if isinstance(keys, str) else keys
    for field in fields:
        if field.get("constraints", {}).get("unique") or keys == [field["name"]]:
            seen: dict = {}
            for r, value in enumerate(columns[field["name"]], start=1):
                if value is not None and value in seen:
                    problem = f"{value!r} repeats row {seen[value]} (values must be unique)"
                    raise ValueError(
                        text(
                            "datasets.bad_value",
                            file=file,
                            row=r,
                            column=field["name"],
                            problem=problem,
                        )
                    )
                seen[value] = r
    return columns, fields


_DTYPES = {
    "integer": "Int64",
    "year": "Int64",
    "number": "float64",
    "boolean": "boolean",
    "string": "str",
    "date": "str",
    "any": "str",
}


def load(name: str):
    """Load dataset ``name`` as a DataFrame, checked against its schema.

    Parameters
    ----------
    name : str
        One of the names in :func:`list` (e.g. ``"vipp_sd_synthetic"``).

    Returns
    -------
    pandas.DataFrame
        Typed columns (integers may be missing: pandas ``Int64``). The metadata
        is in ``df.attrs``: ``name``, ``title``, ``description``, ``source``
        (short), ``citation``, ``doi``, ``url``, ``table``, ``partial``,
        ``derived``, ``synthetic`` (bool), ``licence``, ``path`` and
        ``schema`` (field descriptions and units).

    Raises
    ------
    ValueError
        Unknown name (the message lists the valid names), a file that is not
        there yet, or a value that breaks the schema (file, row and column named).

    Examples
    --------
    >>> df = load("vipp_sd_synthetic")  # doctest: +SKIP
    >>> df.attrs["synthetic"]  # doctest: +SKIP
    True
    """
    import pandas as pd

    columns, fields = validate(name)
    res = resource(name)
    frame = pd.DataFrame(
        {
            f["name"]: pd.Series(columns[f["name"]], dtype=_DTYPES.get(f.get("type"), "object"))
            for f in fields
        }
    )
    src = (res.get("sources") or [{}])[0]
    frame.attrs.update(
        {
            "name": name,
            "title": res.get("title", ""),
            "description": res.get("description", ""),
            "source": _short_source(res),
            "citation": src.get("title", ""),
            "doi": src.get("doi", ""),
            "url": src.get("path", ""),
            "table": src.get("table", ""),
            "partial": res.get("partial", ""),
            "derived": res.get("derived", ""),
            "synthetic": bool(res.get("synthetic", False)),
            "licence": (res.get("licenses") or [{}])[0].get("name", ""),
            "path": str(data_dir() / res["path"]),
            "schema": {f["name"]: {k: v for k, v in f.items() if k != "name"} for f in fields},
        }
    )
    for field in fields:
        if field.get("message"):
            # labels the kit made up with one of its messages ("Synthetic trial 07"), not
            # published names: written again by that message, in the reader's language
            relabel = functools.partial(_relabel, field["message"])
            frame[field["name"]] = frame[field["name"]].map(relabel)
    return frame


def _relabel(key: str, label):
    """``label`` (message ``key`` filled in, in English) in the reader's language."""
    values = _filled_in(EN[key], label) if isinstance(label, str) else None
    return label if values is None else text(key, **values)


def _filled_in(template: str, filled: str) -> dict[str, str] | None:
    """The values of ``template``'s ``{fields}`` that give ``filled``; None if it does not fit.

    ``str.format`` in reverse, for plain fields: the standard library has none, and
    the ``parse`` package would be a dependency for one column.

    Examples
    --------
    >>> _filled_in("Synthetic trial {i}", "Synthetic trial 07")
    {'i': '07'}
    >>> _filled_in("Synthetic trial {i}", "Bakermans 2008") is None
    True
    """
    pattern = "".join(
        re.escape(literal) + (f"(?P<{name}>.+?)" if name else "")
        for literal, name, _, _ in string.Formatter().parse(template)
    )
    match = re.fullmatch(pattern, filled)
    return match.groupdict() if match else None
