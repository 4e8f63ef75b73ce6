"""Differential susceptibility: for whom does the environment matter most?

One topic, one folder (see ARCHITECTURE.md):

==================  ==========================================================
``patterns``        the one vocabulary of patterns (and the old spellings)
``data``            input checks (:func:`prepare`) and :func:`simulate_gxe`
``core``            numpy/scipy numerics on plain arrays (fast, for simulations)
``interaction``     :func:`fit_interaction` and :class:`InteractionResult`
``results``         small result objects (crossover, regions) and the verdict
``compare``         :func:`compare_models`: the competing models, by BIC
``plot``            the drawing of a fitted :class:`InteractionResult`
``power``           :func:`interaction_power`: power of the interaction test
==================  ==========================================================

Examples
--------
>>> from course_kit.susceptibility import fit_interaction, simulate_gxe
>>> res = fit_interaction(simulate_gxe(300, seed=2), "outcome", "environment", "susceptible")
>>> res.x_range[0] >= 1
True
"""

from __future__ import annotations

from course_kit.susceptibility.compare import compare_models, describe_comparison
from course_kit.susceptibility.data import simulate_gxe
from course_kit.susceptibility.interaction import InteractionResult, fit_interaction
from course_kit.susceptibility.patterns import PATTERNS, pattern_name
from course_kit.susceptibility.power import interaction_power
from course_kit.susceptibility.results import (
    POI_WINDOW,
    POI_WINDOW_BROAD,
    Crossover,
    RegionsOfSignificance,
)

__all__ = [
    "PATTERNS",
    "POI_WINDOW",
    "POI_WINDOW_BROAD",
    "Crossover",
    "InteractionResult",
    "RegionsOfSignificance",
    "compare_models",
    "describe_comparison",
    "fit_interaction",
    "interaction_power",
    "pattern_name",
    "simulate_gxe",
]
