"""course_kit: the teaching and analysis kit for the VIPP-SD intervener course.

The package is split into small modules, one idea each:

========================  ===================================================
``course_kit.effect_sizes``  Hedges' g, r, log odds ratios and conversions
``course_kit.meta``          meta-analysis engine (agrees with R's metafor),
                             forest and funnel plots
``course_kit.datasets``      published and synthetic datasets with provenance
``course_kit.simulate``      synthetic VIPP-SD trials and literatures
``course_kit.reliability``   ICC, Cohen's kappa, coder certification
``course_kit.trials``        ANCOVA effect of a (simulated) trial, power
``course_kit.susceptibility``  differential susceptibility: regions of
                             significance, crossover point, model comparison
``course_kit.evidence``      the course's evidence table and navigator
``course_kit.exercises``     self-checking exercises for the notebooks
``course_kit.workspace``     a participant's own copy of the notebooks
========================  ===================================================

``import course_kit`` is deliberately light: submodules (and with them pandas,
statsmodels, matplotlib and ipywidgets) load on first use.

Examples
--------
>>> import course_kit as ck
>>> ck.__version__  # doctest: +SKIP
'0.1.0'
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_SUBMODULES = (
    "datasets",
    "drawings",
    "environment",
    "effect_sizes",
    "course",
    "evidence",
    "exercises",
    "explorers",
    "figures",
    "grade",
    "meta",
    "messages",
    "reliability",
    "simulate",
    "style",
    "susceptibility",
    "teaching",
    "trials",
    "workspace",
)

__all__ = ["__version__", *_SUBMODULES]


def __getattr__(name: str):
    # Lazy submodules (PEP 562) keep ``import course_kit`` well under 0.5 s.
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'course_kit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
