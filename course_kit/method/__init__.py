"""The VIPP-SD method itself: suitability, intervention targets, feedback, practice.

==================================  ==============================================
``course_kit.method.cases``           the written case files of notebook 09 and the
                                      check of a participant's decision and targets
``course_kit.method.feedback_phrasing``  phrasing video feedback (notebook 10)
``course_kit.method.practice``        the practice-period log, fidelity checklist,
                                      supervision brief and ELAN import (notebook 12)
``course_kit.method.sources``         the public sources the method claims rest on
==================================  ==============================================

Submodules load on first use, so ``import course_kit`` stays light. The widgets
that lay this content out for the notebooks are in the teaching layer,
:mod:`course_kit.teaching.method_widgets`.

Examples
--------
>>> import course_kit as ck
>>> ck.method.cases.DECISIONS[0]
'start_now'
"""

from __future__ import annotations

import importlib

_SUBMODULES = ("cases", "feedback_phrasing", "practice", "sources")

__all__ = list(_SUBMODULES)


def __getattr__(name: str):
    # Lazy submodules (PEP 562), as in ``course_kit/__init__.py``.
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'course_kit.method' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
