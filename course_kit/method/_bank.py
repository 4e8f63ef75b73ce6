"""Answers of the method notebooks' self-checks (merged into the course's exercise bank).

Texts are in ``course_kit/method/_messages.py`` under ``exercises.<name>.*``.
"""

from __future__ import annotations

_ALL = {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"}

BANK: dict[str, dict] = {
    # --- 09 suitability and targets ------------------------------------------------------
    "09.depression_first": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": _ALL,
    },
    "09.contraindications": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": _ALL,
    },
}
