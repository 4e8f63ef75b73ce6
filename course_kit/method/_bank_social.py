"""Answers and settings of the social-learning exercises (notebook 02).

Texts live in ``course_kit/texts/method_social.py`` (keys ``exercises.social.*``).
"""

from __future__ import annotations

# The model answer is computed by course_kit.method.social_learning with these
# settings; tests/test_method.py recomputes it, so the two cannot drift apart.
MODEL_QUESTION = {"praise_calm": 0.5, "give_in": 0.5, "situations": 200, "parent_learns": True}

BANK: dict[str, dict] = {
    "social.negative_reinforcement": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
    "social.model_reading": {
        "kind": "numeric",
        "answer": 68.6,
        "tolerance": 1.0,
        "close": 4,
        "unit": "%",
        "mistakes": {30: "mistake_start"},
    },
    "social.checkout": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "c",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
    "social.time_out": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "a",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
}
