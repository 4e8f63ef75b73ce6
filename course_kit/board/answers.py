"""Which answers the class board accepts, and how it describes them.

The board only takes answers to the course's own exercises
(:data:`course_kit.teaching.bank.BANK`) and only in a closed form: an option key
(``"start_now"``), a list of option keys, one number or a list of numbers, checked
against the exercise. Free text can therefore never reach the store.

Examples
--------
>>> from course_kit.board.answers import normalise
>>> normalise("02.certification", [8, 2, 5, 7, 3, 6])
[8, 2, 5, 7, 3, 6]
>>> normalise("02.certification", "my notes")
Traceback (most recent call last):
...
ValueError: answer must be a list of 6 numbers for 02.certification.
"""

from __future__ import annotations

from functools import lru_cache

from course_kit import i18n

# The closed forms themselves live with the exercises, whose Check buttons hand
# answers over (layer 2); the service checks what arrives with the same code.
from course_kit.teaching.board_answers import MAX_ITEMS, from_widget, known, normalise

__all__ = [
    "MAX_ITEMS",
    "answer_text",
    "describe",
    "feedback",
    "from_widget",
    "known",
    "normalise",
    "number_text",
    "status",
    "to_value",
]


def _bank() -> dict:
    from course_kit.teaching.bank import BANK

    return BANK


@lru_cache(maxsize=128)
def _built(exercise_id: str, lang: str):
    from course_kit.teaching.exercises import exercise

    with i18n.using(lang):
        return exercise(exercise_id)


def _exercise(exercise_id: str):
    # built once per language: the question, options and feedback are the
    # exercise's messages in the reader's language
    return _built(exercise_id, i18n.get_language())


def describe(exercise_id: str) -> dict:
    """Kind, question, options (key -> label) and reference answer of an exercise."""
    spec = _bank()[exercise_id]
    ex = _exercise(exercise_id)
    info = {"id": exercise_id, "kind": spec["kind"], "question": ex.question}
    if spec["kind"] in ("choice", "multi"):
        info["options"] = dict(zip(spec["options"], ex.options, strict=True))
        info["reference"] = spec.get("answer", spec.get("answers"))
    elif spec["kind"] == "list":
        info["reference"] = list(spec["answers"])
        info["labels"] = list(ex.labels)
        info["low"], info["high"] = spec.get("low"), spec.get("high")
    else:
        info["reference"] = spec["answer"]
    return info


def to_value(exercise_id: str, answer):
    """Turn a stored answer back into what a participant would have typed."""
    spec = _bank()[exercise_id]
    if spec["kind"] in ("choice", "multi"):
        labels = describe(exercise_id)["options"]
        return labels[answer] if spec["kind"] == "choice" else [labels[a] for a in answer]
    return answer


def number_text(value, lang: str | None = None) -> str:
    """A number of an answer written the reader's way (``0,57`` in Swedish).

    Examples
    --------
    >>> number_text(0.57, lang="en"), number_text(0.57, lang="sv"), number_text(130, lang="nb")
    ('0.57', '0,57', '130')
    """
    return i18n.format_value(value, "", lang)


def answer_text(exercise_id: str, answer) -> str:
    """A stored answer as the board shows it: option texts, or numbers written the local way."""
    value = to_value(exercise_id, answer)
    if not isinstance(value, list):
        return value if isinstance(value, str) else number_text(value)
    shown = [v if isinstance(v, str) else number_text(v) for v in value]
    # "5,5, 7" would be ambiguous: numbers with a decimal comma are set apart by ";"
    numbers_with_comma = any(
        "," in v for v, raw in zip(shown, value, strict=True) if not isinstance(raw, str)
    )
    return ("; " if numbers_with_comma else ", ").join(shown)


def status(exercise_id: str, answer) -> str:
    """The status (correct/close/incorrect) the exercise gives ``answer``; the board
    uses its own check, so a client cannot mark a wrong answer right."""
    return _exercise(exercise_id).check(to_value(exercise_id, answer)).status


def feedback(exercise_id: str, answer) -> str:
    """The feedback message a participant saw for ``answer``."""
    return _exercise(exercise_id).check(to_value(exercise_id, answer)).message
