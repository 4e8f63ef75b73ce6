"""Every forest and funnel plot of the course, rebuilt from ``datasets/``.

``python -m course_kit figures --out DIR`` (or ``make figures``) writes each
figure as PNG (200 dpi), SVG and PDF, and ``DIR/summary.csv`` with every pooled
estimate shown (estimate, CI, prediction interval, τ², I², k, method). SVG and
PDF files are byte-identical from run to run (fixed fonts, hash salt and no
dates in the metadata), so a reviewer can check a rebuild with ``cmp``.

Notebooks draw the same figures by name::

    from course_kit import figures

    ax = figures.draw("forest_vipp_sd_synthetic_parenting_behaviour")

Figure names (``FIGURES``)
--------------------------
forest_vipp_sensitivity
    VIPP/VIPP-SD trials whose own abstracts report d for maternal sensitivity
    (dataset ``vipp_trials``), random-effects (REML).
forest_rayce_sensitivity
    Maternal sensitivity rows of Rayce et al. (2017) Table 5
    (dataset ``rayce2017_relationship``); variances recovered from the printed CIs.
forest_vipp_sd_synthetic_parenting_behaviour, forest_vipp_sd_synthetic_parenting_attitudes,
forest_vipp_sd_synthetic_attachment_security, forest_vipp_sd_synthetic_externalizing_behaviour
    The SYNTHETIC 25-trial literature (dataset ``vipp_sd_synthetic``), one outcome each.
forest_vipp_sd_synthetic_risk
    SYNTHETIC parenting behaviour, subgroups by sample risk (subtotals and the
    test for subgroup differences).
funnel_vipp_sd_synthetic
    Contour-enhanced funnel plot of the SYNTHETIC parenting-behaviour trials.
funnel_vipp_sd_synthetic_trimfill
    The same with trim-and-fill: imputed studies hollow, filled estimate dashed.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np

from course_kit.effect_sizes import smd_variance, variance_from_ci
from course_kit.messages import text

__all__ = [
    "FIGURES",
    "PreparedFigure",
    "add_arguments",
    "build",
    "draw",
    "names",
    "prepare",
    "run",
    "summary",
]

SYNTHETIC_OUTCOMES = (
    "parenting behaviour",
    "parenting attitudes",
    "attachment security",
    "externalizing behaviour",
)


@dataclass
class PreparedFigure:
    """What a figure shows: the fit(s) and the keyword arguments of the plot."""

    kind: str  # "forest" or "funnel"
    dataset: str
    outcome: str
    result: object
    plot_kwargs: dict
    synthetic: bool
    measure: str
    subgroups: object = None  # SubgroupResult, for the summary
    filled: object = None  # TrimFillResult, for the summary


def _synthetic_favours() -> tuple[str, str]:
    # The synthetic literature stands for VIPP-SD trials only, so it may name VIPP-SD.
    return text("plots.favours_control"), text("plots.fig_synthetic_favours")


def _outcome(outcome: str) -> str:
    """An outcome of the SYNTHETIC literature in the reader's language (a title word)."""
    return text(f"plots.outcome.{outcome.replace(' ', '_')}")


def _synthetic_title(what: str) -> str:
    return text("plots.synthetic_title", what=what)


def _vipp_sensitivity() -> PreparedFigure:
    from course_kit import datasets
    from course_kit.meta import meta_analysis

    df = datasets.load("vipp_trials")
    sel = df[(df["effect_outcome"] == "maternal sensitivity") & df["effect_value"].notna()]
    # Juffer et al. (2005) has three arms and no per-arm n: its variance cannot be
    # recovered without guessing, so it is left out (and the footnote says so).
    sel = sel[sel["n_intervention"].notna() | ~sel["variant"].str.contains("book", regex=False)]
    n1 = sel["n_intervention"].astype("float").to_numpy()
    n0 = sel["n_control"].astype("float").to_numpy()
    total = sel["n_total"].astype("float").to_numpy()
    assumed = np.isnan(n1)
    n1 = np.where(assumed, np.floor(total / 2), n1)
    n0 = np.where(assumed, total - np.floor(total / 2), n0)
    d = sel["effect_value"].to_numpy(float)
    # "A, B & C" -> "A et al." so that labels stay short
    short = [s.split(",")[0] + " et al." if "," in s else s for s in sel["study"]]
    labels = [
        f"{s} ({int(y)})" + (" ᵃ" if a else "")
        for s, y, a in zip(short, sel["year"], assumed, strict=True)
    ]
    res = meta_analysis(d, smd_variance(d, n1, n0), method="REML", labels=labels)
    notes = [
        text("plots.fig_vipp_sens_note1"),
        text("plots.fig_vipp_sens_note2"),
        text("plots.fig_vipp_sens_note3"),
    ]
    return PreparedFigure(
        "forest",
        "vipp_trials",
        "maternal sensitivity",
        res,
        {
            "columns": {
                text("plots.col_n_vipp"): n1.astype(int),
                text("plots.col_n_control"): n0.astype(int),
            },
            "title": text("plots.fig_vipp_sens_title"),
            "measure": "d",
            "xlabel": text("plots.fig_vipp_sens_xlabel"),
            "favours": (text("plots.favours_control"), text("plots.fig_vipp_sens_favours")),
            "notes": notes,
        },
        False,
        "d",
    )


def _rayce_sensitivity() -> PreparedFigure:
    from course_kit import datasets
    from course_kit.meta import meta_analysis

    df = datasets.load("rayce2017_relationship")
    sel = df[df["outcome"] == "Sensitivity (M)"]
    vi = variance_from_ci(sel["ci_low"].to_numpy(float), sel["ci_high"].to_numpy(float))
    res = meta_analysis(
        sel["cohens_d"].to_numpy(float), vi, method="REML", labels=list(sel["study"])
    )
    return PreparedFigure(
        "forest",
        "rayce2017_relationship",
        "maternal sensitivity",
        res,
        {
            "columns": {
                text("plots.col_measure"): sel["measure"].to_numpy(),
                text("plots.col_n_int"): sel["n_int"].astype(int).to_numpy(),
                text("plots.col_n_ctrl"): sel["n_ctrl"].astype(int).to_numpy(),
            },
            "title": text("plots.fig_rayce_title"),
            "measure": "d",
            "xlabel": text("plots.fig_rayce_xlabel"),
            "favours": (text("plots.favours_control"), text("plots.fig_rayce_favours")),
            "notes": [
                text("plots.fig_rayce_note1"),
                # published pooled value (Rayce et al. 2017 abstract; evidence sheet section 9)
                text("plots.fig_rayce_note2"),
            ],
        },
        False,
        "d",
    )


def _synthetic(outcome: str):
    from course_kit import datasets

    df = datasets.load("vipp_sd_synthetic")
    return df[df["outcome"] == outcome].reset_index(drop=True)


def _synthetic_forest(outcome: str) -> PreparedFigure:
    from course_kit.meta import meta_analysis

    sel = _synthetic(outcome)
    res = meta_analysis(sel["yi"], sel["vi"], method="REML", labels=list(sel["study"]))
    return PreparedFigure(
        "forest",
        "vipp_sd_synthetic",
        outcome,
        res,
        {
            "columns": {
                text("plots.col_year"): sel["year"].to_numpy(),
                text("plots.col_n_vipp"): sel["n_vipp"].to_numpy(),
                text("plots.col_n_control"): sel["n_control"].to_numpy(),
            },
            "title": _synthetic_title(
                text("plots.fig_synthetic_outcome", outcome=_outcome(outcome))
            ),
            "measure": "g",
            "xlabel": text("plots.hedges_g"),
            "favours": _synthetic_favours(),
        },
        True,
        "g",
    )


def _synthetic_risk() -> PreparedFigure:
    from course_kit.meta import meta_analysis, subgroup_analysis

    outcome = "parenting behaviour"
    sel = _synthetic(outcome)
    risk = [text(f"plots.risk_group.{r}") for r in sel["sample_risk"]]
    res = meta_analysis(sel["yi"], sel["vi"], method="REML", labels=list(sel["study"]))
    sub = subgroup_analysis(sel["yi"], sel["vi"], risk, method="REML", labels=list(sel["study"]))
    return PreparedFigure(
        "forest",
        "vipp_sd_synthetic",
        outcome,
        res,
        {
            "columns": {
                text("plots.col_n_vipp"): sel["n_vipp"].to_numpy(),
                text("plots.col_n_control"): sel["n_control"].to_numpy(),
            },
            "subgroups": sub,  # drawn, not refitted
            "title": _synthetic_title(text("plots.fig_synthetic_risk", outcome=_outcome(outcome))),
            "measure": "g",
            "xlabel": text("plots.hedges_g"),
            "favours": _synthetic_favours(),
        },
        True,
        "g",
        subgroups=sub,
    )


def _synthetic_funnel(trimfill: bool) -> PreparedFigure:
    from course_kit.meta import meta_analysis, trim_and_fill

    outcome = "parenting behaviour"
    sel = _synthetic(outcome)
    res = meta_analysis(sel["yi"], sel["vi"], method="REML", labels=list(sel["study"]))
    filled = trim_and_fill(res) if trimfill else None
    what = text(
        "plots.fig_synthetic_trimfill" if trimfill else "plots.fig_synthetic_funnel",
        outcome=_outcome(outcome),
    )
    return PreparedFigure(
        "funnel",
        "vipp_sd_synthetic",
        outcome,
        res,
        {"filled": filled, "title": _synthetic_title(what), "xlabel": text("plots.hedges_g")},
        True,
        "g",
        filled=filled,
    )


_PREPARE: dict[str, Callable[[], PreparedFigure]] = {
    "forest_vipp_sensitivity": _vipp_sensitivity,
    "forest_rayce_sensitivity": _rayce_sensitivity,
    **{
        f"forest_vipp_sd_synthetic_{o.replace(' ', '_')}": partial(_synthetic_forest, o)
        for o in SYNTHETIC_OUTCOMES
    },
    "forest_vipp_sd_synthetic_risk": _synthetic_risk,
    "funnel_vipp_sd_synthetic": partial(_synthetic_funnel, False),
    "funnel_vipp_sd_synthetic_trimfill": partial(_synthetic_funnel, True),
}


def names() -> list[str]:
    """Names of all figures, in the order they are built."""
    return list(_PREPARE)


def _check_name(name: str) -> str:
    if not isinstance(name, str) or name not in _PREPARE:
        raise ValueError(f"name must be one of {names()} (got {name!r}).")
    return name


def prepare(name: str) -> PreparedFigure:
    """The analysis behind figure ``name`` (fits and plot settings), without drawing."""
    return _PREPARE[_check_name(name)]()


def fit(name: str) -> PreparedFigure:
    """Deprecated: use :func:`prepare` (it returns the prepared figure, not one fit)."""
    import warnings

    warnings.warn(
        "course_kit.figures.fit() is now course_kit.figures.prepare().",
        DeprecationWarning,
        stacklevel=2,
    )
    return prepare(name)


def draw(name: str, ax=None, *, course_style: bool = True):
    """Draw figure ``name`` (into ``ax`` if given) and return the Axes.

    With ``course_style=True`` (default) the figure is drawn in the course style,
    so a notebook shows exactly what ``python -m course_kit figures`` writes.

    Examples
    --------
    >>> ax = draw("funnel_vipp_sd_synthetic")  # doctest: +SKIP
    """
    from contextlib import nullcontext

    from course_kit.meta import forest_plot, funnel_plot
    from course_kit.style import use_course_style

    prep = prepare(name)
    plot = forest_plot if prep.kind == "forest" else funnel_plot
    # Not matplotlib.rc_context: see use_course_style for why it hides later figures.
    with use_course_style() if course_style else nullcontext():
        return plot(prep.result, ax=ax, **prep.plot_kwargs)


# name -> function(ax=None) -> Axes, for notebooks that want a callable
FIGURES: dict[str, Callable] = {name: partial(draw, name) for name in _PREPARE}


def _row(name, prep, result, subset, method):
    return {
        "figure": name,
        "dataset": prep.dataset,
        "synthetic": "yes" if prep.synthetic else "no",
        "outcome": prep.outcome,
        "subset": subset,
        "measure": prep.measure,
        "method": method,
        "test": result.test,
        "k": int(result.k),
        "estimate": result.estimate,
        "ci_low": result.ci_low,
        "ci_high": result.ci_high,
        "pi_low": result.pi_low if not result.is_fixed else math.nan,
        "pi_high": result.pi_high if not result.is_fixed else math.nan,
        "tau2": result.tau2,
        "i2": result.i2,
    }


def summary(selected: list[str] | None = None):
    """Every pooled estimate the figures show, as a tidy DataFrame.

    One row per pooled estimate: the overall fit, each subgroup, and the fit
    after trim-and-fill, with dataset, outcome, method, k, estimate, CI, PI, τ², I².
    """
    import pandas as pd

    rows = []
    for name in selected or names():
        prep = prepare(name)
        rows.append(_row(name, prep, prep.result, "all", prep.result.method))
        if prep.subgroups is not None:
            for group, res in prep.subgroups.subgroups.items():
                rows.append(_row(name, prep, res, str(group), res.method))
        if prep.filled is not None:
            f = prep.filled
            label = f"{prep.result.method} + trim-and-fill ({f.estimator}, k0 = {f.k0}, {f.side})"
            rows.append(_row(name, prep, f.filled, "observed + imputed", label))
    return pd.DataFrame(rows)


# --- writing files ---------------------------------------------------------------------

FORMATS = ("png", "svg", "pdf")
_METADATA = {
    # no dates, so that two runs give identical files
    "svg": {"Date": None, "Creator": "course_kit"},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": "course_kit"},
    "png": {"Software": "course_kit"},
}


def build(name: str, out_dir, formats=FORMATS) -> list[Path]:
    """Draw figure ``name`` in the course style and save it to ``out_dir``.

    Returns the paths written (``out_dir/name.png`` etc.).
    """
    import matplotlib.pyplot as plt

    from course_kit.style import use_course_style

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"formats must be among {list(FORMATS)} (got {bad}).")
    written = []
    with use_course_style():  # also for savefig (svg.hashsalt etc.)
        ax = draw(name)
        fig = ax.figure
        try:
            for fmt in formats:
                path = out_dir / f"{name}.{fmt}"
                fig.savefig(path, format=fmt, dpi=200, metadata=_METADATA[fmt], facecolor="white")
                written.append(path)
        finally:
            plt.close(fig)
    return written


def add_arguments(parser) -> None:
    """Options of ``python -m course_kit figures``."""
    parser.add_argument("--out", default="figures", help="output folder (default: figures)")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="build only this figure (repeatable)"
    )
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help="comma-separated formats (png,svg,pdf)"
    )
    parser.add_argument("--list", action="store_true", help="list the figure names and stop")


def run(args) -> int:
    """Build the figures and ``summary.csv``; print one line per file."""
    import os

    import matplotlib

    # No window is needed to write files. Chosen in this process only: setting
    # MPLBACKEND would reach every kernel started later from it (e.g. by the
    # notebook tests), and a kernel with the Agg backend shows no figures.
    if "MPLBACKEND" not in os.environ:
        matplotlib.use("Agg")
    if getattr(args, "list", False):
        print("\n".join(names()))
        return 0
    selected = args.only or names()
    for name in selected:
        _check_name(name)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    out = Path(args.out)
    for name in selected:
        for path in build(name, out, formats):
            print(path)
    table = summary(selected)
    path = out / "summary.csv"
    table.to_csv(path, index=False, float_format="%.6f", lineterminator="\n")
    print(path)
    return 0
