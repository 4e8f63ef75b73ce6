"""Answers and settings of the programme exercises (notebook 03).

Texts live in ``course_kit/texts/method_programme.py`` (keys ``exercises.programme.*``).
"""

from __future__ import annotations

BANK: dict[str, dict] = {
    # 7 visits: a short introductory visit + 6 video-feedback sessions (VIPP-SD International)
    "programme.visits": {
        "kind": "numeric",
        "answer": 7,
        "tolerance": 0,
        "close": 0,
        "mistakes": {6: "mistake_six", 4: "mistake_four"},
    },
    "programme.which_film": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
    "programme.infant": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "b",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
    "programme.feedback_principles": {
        "kind": "multi",
        "options": ["a", "b", "c", "d", "e"],
        "answers": ["a", "b", "c"],
        "explanations": {"d": "explain_d", "e": "explain_e"},
    },
    "programme.depressed_mother": {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": "c",
        "explanations": {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"},
    },
}
