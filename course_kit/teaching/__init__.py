"""The classroom: what participants click, read and answer in the notebooks.

=====================  ==========================================================
``exercises``          self-checking exercises (:func:`exercises.exercise` looks
                       one up in the bank)
``bank``               the notebooks' exercises, with their answers and reasons
``board_answers``      the closed form in which a checked answer goes to the
                       class board, and the hand-over of the Check buttons
``explorers``          sliders and dropdowns over precomputed SYNTHETIC results
``drawings``           concept drawings (the shapes of ideas; no estimates)
``formulas``           textbook formulas behind the pictures (U3, overlap, NNT...)
``observation``        marking the fragments of the course's written scenes
``programme_widgets``  notebook 03: the programme's timeline, themes by age,
                       the first fragment to show, the family finder
``social_widgets``     notebook 02: the coercive cycle under sliders, one
                       simulated family step by step, the Maja scene
``_widgets``           the one widget toolkit: figure to PNG, live figures,
                       image sliders, alt text and accessible names (private to
                       this package; ``image_widget``, ``set_image`` and
                       ``folded``, output that stays folded, are public)
=====================  ==========================================================

The teaching layer draws on the analysis layer (``meta``, ``susceptibility``,
``trials``...), neve   r the other way round: see ARCHITECTURE.md.

Examples
--------
>>> from course_kit import teaching
>>> round(teaching.cohen_u3(0.5), 3)
0.691
"""

from __future__ import annotations

import importlib

from course_kit.teaching._widgets import (
    LiveFigure,
    figure_png,
    folded,
    image_widget,
    set_image,
    show_figure,
)
from course_kit.teaching.formulas import (
    attenuated_d,
    chance_secure,
    cohen_u3,
    families,
    nnt,
    overlap,
    prob_superiority,
    security_by_sensitivity,
    simulated_ds,
)

_SUBMODULES = (
    "bank",
    "board_answers",
    "drawings",
    "exercises",
    "explorers",
    "formulas",
    "observation",
    "programme_widgets",
    "social_widgets",
)

__all__ = [
    "LiveFigure",
    "attenuated_d",
    "chance_secure",
    "cohen_u3",
    "families",
    "figure_png",
    "folded",
    "image_widget",
    "nnt",
    "overlap",
    "prob_superiority",
    "security_by_sensitivity",
    "set_image",
    "show_figure",
    "simulated_ds",
    *_SUBMODULES,
]


def __getattr__(name: str):
    # Lazy submodules: exercises and explorers pull in ipywidgets and matplotlib.
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
