"""The VIPP-SD method itself: theory, programme, observation, suitability, feedback, practice.

=======================================  ============================================
``course_kit.method.social_learning``    a small teaching model of the coercive
                                         cycle (notebook 02)
``course_kit.method.programme``          the visits, filming, themes and feedback
                                         principles from public sources (notebook 03)
``course_kit.method.scenes``             the written observation scenes, their
                                         reference coding and the marking check
                                         (notebook 04)
``course_kit.method.cases``              the written case files of notebook 09 and
                                         the check of a participant's decision and
                                         targets
``course_kit.method.feedback_phrasing``  phrasing video feedback (notebook 10)
``course_kit.method.practice``           the practice-period log, fidelity
                                         checklist, supervision brief and ELAN
                                         import (notebook 12)
``course_kit.method.sources``            the public sources the method claims rest on
=======================================  ============================================

Every statement about the method rests on a VERIFIED public source or is
labelled as the course authors' judgement; the proprietary VIPP-SD manual is
not reproduced.

Participant-facing strings and exercise answers live in this package's own
files (``_messages*.py`` with a dict ``EN``, ``_bank*.py`` with a dict
``BANK``), so that work on the method does not edit the big shared catalog.
:func:`catalog` and :func:`bank` merge them; ``course_kit.messages`` and
``course_kit.teaching.bank`` pick them up.

Submodules load on first use, so ``import course_kit`` stays light. The widgets
that lay this content out for the notebooks are in the teaching layer,
:mod:`course_kit.teaching.method_widgets`.

Examples
--------
>>> import course_kit as ck
>>> ck.method.cases.DECISIONS[0]
'start_now'
>>> "social.model_label" in ck.method.catalog()
True
"""

from __future__ import annotations

import importlib
import pkgutil

_SUBMODULES = (
    "cases",
    "feedback_phrasing",
    "practice",
    "programme",
    "scenes",
    "social_learning",
    "sources",
)

__all__ = ["bank", "catalog", "catalogs", *_SUBMODULES]


def _merge(prefix: str, attribute: str) -> dict:
    merged: dict = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith(prefix):
            continue
        table = getattr(importlib.import_module(f"{__name__}.{info.name}"), attribute)
        clash = set(merged) & set(table)
        if clash:  # two files claiming one key is a programming error
            raise KeyError(f"{info.name} repeats the keys {sorted(clash)[:5]}")
        merged.update(table)
    return merged


def catalog() -> dict[str, str]:
    """The English strings of every ``_messages*.py`` file of this package."""
    return _merge("_messages", "EN")


def catalogs() -> dict[str, dict[str, str]]:
    """The English strings of each ``_messages*.py`` file, keyed by translation domain.

    The domain names the file's ``.po`` catalogs: ``_messages_scenes.py`` is
    ``method_scenes`` (``course_kit/locale/sv/method_scenes.po``).
    """
    tables = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_messages"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            tables["method" + info.name.removeprefix("_messages")] = module.EN
    return tables


def bank() -> dict[str, dict]:
    """The exercise settings (kind, answer, ...) of every ``_bank*.py`` file."""
    return _merge("_bank", "BANK")


def __getattr__(name: str):
    # Lazy submodules (PEP 562), as in ``course_kit/__init__.py``.
    if name in _SUBMODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'course_kit.method' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)
