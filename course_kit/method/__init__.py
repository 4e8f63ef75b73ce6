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

Participant-facing strings live with the kit's other message tables, in
``course_kit/texts/method*.py`` (translation domains ``method``,
``method_programme``, ``method_scenes``, ``method_social``), which
``course_kit.messages`` merges; :func:`catalog` and :func:`catalogs` read them
back. Exercise answers live in this package's own ``_bank*.py`` files (a dict
``BANK``), so that work on the method does not edit the big shared bank;
:func:`bank` merges them and ``course_kit.teaching.bank`` picks them up.

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


#: The translation domains of the method notebooks' texts: modules of course_kit/texts/.
_DOMAINS = ("method", "method_programme", "method_scenes", "method_social")


def catalogs() -> dict[str, dict[str, str]]:
    """The English strings of the method notebooks, keyed by translation domain.

    Each domain is a module of :mod:`course_kit.texts` and names its ``.po``
    catalogs: ``method_scenes`` is ``course_kit/texts/method_scenes.py``,
    translated in ``course_kit/locale/sv/method_scenes.po``.
    """
    return {d: importlib.import_module(f"course_kit.texts.{d}").EN for d in _DOMAINS}


def catalog() -> dict[str, str]:
    """The English strings of the method notebooks, all domains merged."""
    merged: dict[str, str] = {}
    for table in catalogs().values():
        merged.update(table)  # no key is repeated: course_kit.messages refuses that
    return merged


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
