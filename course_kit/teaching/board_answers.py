"""The closed form in which a checked answer may leave a notebook for the class board.

The board only takes answers to the course's own exercises
(:data:`course_kit.teaching.bank.BANK`) and only in a closed form: an option key
(``"start_now"``), a list of option keys, one number or a list of numbers, checked
against the exercise. Free text can therefore never reach the board.

The exercises' Check buttons call :func:`hand_over`; the transport is
:mod:`course_kit._board_client` (standard library only). The board service
(:mod:`course_kit.board`, which knows this module as :mod:`course_kit.board.answers`)
checks what arrives with the same :func:`normalise`, marks it with the exercise's own
check (:func:`status`, :func:`feedback`) and shows it in the course language
(:func:`describe`, :func:`answer_text`).

Examples
--------
>>> from course_kit.teaching.board_answers import normalise
>>> normalise("02.certification", [8, 2, 5, 7, 3, 6])
[8, 2, 5, 7, 3, 6]
>>> normalise("02.certification", "my notes")
Traceback (most recent call last):
...
ValueError: answer must be a list of 6 numbers for 02.certification.
"""

from __future__ import annotations

import math
import numbers
from functools import lru_cache

from course_kit import _board_client, i18n

__all__ = [
    "MAX_ITEMS",
    "answer_text",
    "describe",
    "feedback",
    "from_widget",
    "hand_over",
    "known",
    "normalise",
    "number_text",
    "status",
    "to_value",
]

MAX_ITEMS = 20  # no course exercise has more items; caps what one request can store


def _bank() -> dict:
    from course_kit.teaching.bank import BANK

    return BANK


def known(exercise_id) -> bool:
    """True if ``exercise_id`` names a course exercise.

    Parameters
    ----------
    exercise_id : object
        Anything; only a bank name gives True.

    Returns
    -------
    bool
    """
    return isinstance(exercise_id, str) and exercise_id in _bank()


def _number(value, exercise_id: str) -> float | int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"answer must be a number for {exercise_id}.")
    value = float(value)
    if not math.isfinite(value) or abs(value) > 1e12:
        raise ValueError(f"answer must be a finite number for {exercise_id}.")
    return int(value) if value.is_integer() else round(value, 6)


def normalise(exercise_id: str, answer):
    """The answer in the board's closed form, or ``ValueError`` naming what is wrong.

    Parameters
    ----------
    exercise_id : str
        A course exercise's bank name.
    answer : object
        An option key, a list of option keys, a number or a list of numbers.

    Returns
    -------
    str, int, float or list
        Option keys sorted and without repeats; numbers as int when whole.

    Raises
    ------
    ValueError
        If the exercise is unknown or the answer is not of its closed form.
    """
    if not known(exercise_id):
        raise ValueError("exercise must name one of the course exercises.")
    spec = _bank()[exercise_id]
    kind = spec["kind"]
    if kind == "choice":
        if not isinstance(answer, str) or answer not in spec["options"]:
            raise ValueError(f"answer must be one of the option keys of {exercise_id}.")
        return answer
    if kind == "multi":
        if (
            not isinstance(answer, list)
            or not answer
            or len(answer) > MAX_ITEMS
            or any(not isinstance(a, str) or a not in spec["options"] for a in answer)
        ):
            raise ValueError(f"answer must be a list of option keys of {exercise_id}.")
        return sorted(set(answer))
    if kind == "numeric":
        return _number(answer, exercise_id)
    if kind == "list":
        n = len(spec["answers"])
        if not isinstance(answer, list) or len(answer) != n:
            raise ValueError(f"answer must be a list of {n} numbers for {exercise_id}.")
        return [_number(a, exercise_id) for a in answer]
    raise ValueError(f"{exercise_id} cannot be shown on the board.")  # pragma: no cover


def from_widget(exercise, value):
    """The closed form of what a participant entered in an exercise widget, or None.

    Parameters
    ----------
    exercise : exercise
        Must come from :func:`course_kit.exercises.exercise` (it carries
        ``board_id``); anything else gives None.
    value : object
        What the widget read (an option text, a list of them, typed text).

    Returns
    -------
    str, int, float, list or None
        None for anything unreadable or not a course exercise.
    """
    exercise_id = getattr(exercise, "board_id", None)
    if not known(exercise_id):
        return None
    spec = _bank()[exercise_id]
    try:
        # the widgets give the option texts themselves (dropdown, tick boxes)
        keys = list(spec["options"]) if "options" in spec else []
        if spec["kind"] == "choice":
            answer = keys[exercise.options.index(value)]
        elif spec["kind"] == "multi":
            items = value if isinstance(value, list) else [value]
            answer = [keys[exercise.options.index(v)] for v in items]
        elif spec["kind"] == "numeric":
            from course_kit.teaching.exercises import parse_number

            answer = parse_number(value)
        else:
            from course_kit.teaching.exercises import parse_number_list

            answer = parse_number_list(value, expected=len(spec["answers"]))
        return normalise(exercise_id, answer)
    except Exception:  # unreadable input is not sent: the participant sees "invalid"
        return None


def hand_over(exercise, value, feedback):
    """Send a checked answer to the class board in the background. Never raises.

    Nothing is sent when the board is off, for unreadable answers, or for exercises
    that are not course exercises.

    Parameters
    ----------
    exercise : exercise
        The exercise that was checked.
    value : object
        What the participant entered.
    feedback : Feedback
        The feedback the check gave.

    Returns
    -------
    threading.Thread or None
        The sending thread; None if nothing is sent.
    """
    try:
        if not _board_client.enabled() or feedback.status == "invalid":
            return None
        answer = from_widget(exercise, value)
        if answer is None:
            return None
        return _board_client.send(exercise.board_id, answer, feedback.status)
    except Exception:  # pragma: no cover - belt and braces: feedback must never break
        return None


# ---------------------------------------------------------------------------
# the board's side: an answer shown back, in the course language


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
