"""Answers and settings of the observation exercises (notebook 04).

Texts live in ``course_kit/texts/method_scenes.py`` (keys ``exercises.observing.*``).
"""

from __future__ import annotations

BANK: dict[str, dict] = {
    "observing.which_kind": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
    "observing.depressed_opening": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "c",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
    "observing.tidy_up": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "d",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
}
