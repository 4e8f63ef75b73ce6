"""Check that the course environment works (``course-kit check``).

Used by ``notebooks/00-start-here.ipynb`` and the command line. The minimum
versions are those in ``pyproject.toml``; they are read from the installed
package metadata so there is one source of truth.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass, field
from importlib import metadata

from course_kit import __version__
from course_kit._result import Result, html_view
from course_kit.messages import text

# import name -> distribution name, for the packages the notebooks use
_PACKAGES = {
    "numpy": "numpy",
    "scipy": "scipy",
    "pandas": "pandas",
    "statsmodels": "statsmodels",
    "matplotlib": "matplotlib",
    "ipywidgets": "ipywidgets",
    "fpdf": "fpdf2",
    "pympi": "pympi-ling",
    "babel": "babel",
    "jinja2": "jinja2",  # the result views and the evidence page (course_kit/templates)
}


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version)[:3])


def _required_minimums() -> dict[str, str]:
    """Minimum versions from the installed kit's metadata (i.e. pyproject.toml)."""
    try:
        requires = metadata.requires("vipp-course-kit") or []
    except metadata.PackageNotFoundError:  # running from a source tree
        return {}
    minimums = {}
    for req in requires:
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", req)
        if match and "extra ==" not in req:
            minimums[match.group(1).lower()] = match.group(2)
    return minimums


@dataclass
class EnvironmentReport(Result):
    """What :func:`check` found: versions, problems and a friendly message.

    Examples
    --------
    >>> report = EnvironmentReport("3.12.1", {"numpy": "2.4.0"})
    >>> report.ok, report.to_frame()["package"].tolist()
    (True, ['python', 'numpy'])
    """

    python: str
    versions: dict[str, str | None] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        """What a participant reads: the problem and what they can do about it."""
        if self.ok:
            return text("start.all_set", version=__version__)
        return " ".join([*self.problems, text("start.participant_advice")])

    @property
    def instructor_advice(self) -> str:
        """How an instructor repairs the installation ("" when everything works)."""
        return "" if self.ok else text("start.instructor_advice")

    def to_frame(self):
        import pandas as pd

        rows = [{"package": "python", "version": self.python}]
        rows += [{"package": k, "version": v or "missing"} for k, v in self.versions.items()]
        return pd.DataFrame(rows)

    def _repr_html_(self) -> str:
        # richer than the summary: the advice for instructors folded away, versions as a table.
        # A version number is not a decimal number: <code>, as written, in every edition.
        return html_view(
            "environment",
            ok=self.ok,
            colour="#1b7837" if self.ok else "#b2182b",
            message=self.message,
            advice_title=text("start.instructor_title"),
            advice=self.instructor_advice,
            col_package=text("start.col_package"),
            col_version=text("start.col_version"),
            versions=[("python", self.python), *self.versions.items()],
            missing=text("start.col_missing"),
        )

    def summary(self) -> str:
        """Message, advice and versions as lines (what ``course-kit check`` prints)."""
        # the command line is an instructor's tool: both pieces of advice
        lines = [self.message, *filter(None, [self.instructor_advice]), f"python {self.python}"]
        lines += [f"{k} {v or 'missing'}" for k, v in self.versions.items()]
        return "\n".join(lines)


def check() -> EnvironmentReport:
    """Check Python and the packages the course needs.

    Returns
    -------
    EnvironmentReport
        ``.ok`` is True when everything is installed in a tested version;
        ``.message`` says so in plain words.

    Examples
    --------
    >>> from course_kit.environment import check
    >>> report = check()
    >>> report.ok  # doctest: +SKIP
    True
    """
    report = EnvironmentReport(python=platform.python_version())
    minimums = _required_minimums()
    missing = []
    for import_name, dist in _PACKAGES.items():
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = None
            missing.append(import_name)
        report.versions[import_name] = version
        needed = minimums.get(dist)
        if version and needed and _version_tuple(version) < _version_tuple(needed):
            report.problems.append(text("start.too_old", name=dist, found=version, needed=needed))
    if missing:
        report.problems.insert(0, text("start.missing", names=", ".join(missing)))
    return report


def add_arguments(parser) -> None:  # pragma: no cover - trivial
    """No options: ``course-kit check``."""


def run(args) -> int:
    report = check()
    print(report)
    return 0 if report.ok else 1
