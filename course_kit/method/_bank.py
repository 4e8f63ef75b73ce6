"""Answers of the method notebooks' self-checks (merged into the course's exercise bank).

Texts are in ``course_kit/texts/method.py`` under ``exercises.<name>.*``.
"""

from __future__ import annotations

_ALL = {"a": "explain_a", "b": "explain_b", "c": "explain_c", "d": "explain_d"}


def _choice(answer: str) -> dict:
    return {
        "kind": "choice",
        "options": ["a", "b", "c", "d"],
        "answer": answer,
        "explanations": _ALL,
    }


BANK: dict[str, dict] = {
    # --- 09 suitability and targets ------------------------------------------------------
    "09.depression_first": _choice("b"),
    "09.contraindications": _choice("b"),
    # --- 10 adapting video feedback -------------------------------------------------------
    "10.first_person": _choice("b"),
    "10.alliance": _choice("c"),
    # --- 12 the practice period -------------------------------------------------------------
    "12.what_goes_in": _choice("b"),
    "12.judgement_item": _choice("c"),
}
