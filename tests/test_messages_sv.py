"""The Swedish edition of the course exercises: decimal commas in, decimal commas out."""

from __future__ import annotations

import re

import pytest

from course_kit import exercises as ex
from course_kit import i18n, messages
from course_kit.teaching.bank import BANK

NUMERIC = sorted(name for name, spec in BANK.items() if spec["kind"] == "numeric")
DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.\d")  # "0.45", not "1. In the menu" or "docs/a.md"


@pytest.fixture(autouse=True)
def _swedish(monkeypatch):
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    i18n._workspace_language.cache_clear()
    i18n.set_language("sv")
    yield
    i18n.set_language(None)


def _typed_with_comma(x: float) -> str:
    return f"{x:g}".replace(".", ",").replace("-", "\N{MINUS SIGN}")


@pytest.mark.parametrize("name", NUMERIC)
def test_a_right_answer_typed_with_a_decimal_comma_is_right_and_echoed_with_a_comma(name):
    answer = BANK[name]["answer"]
    feedback = ex.exercise(name).check(_typed_with_comma(answer))
    assert feedback.correct, feedback.message
    assert i18n.format_value(answer, "g") in feedback.message
    assert not DECIMAL_POINT.search(feedback.message), feedback.message


@pytest.mark.parametrize("name", NUMERIC)
def test_a_wrong_answer_gets_swedish_feedback_with_decimal_commas(name):
    exercise = ex.exercise(name)
    wrong = 3 * BANK[name]["answer"] + 1.25  # far off, and not one of the known mistakes
    feedback = exercise.check(_typed_with_comma(wrong))
    assert feedback.status == "incorrect"
    assert i18n.format_value(wrong, "g") in feedback.message
    assert "," in i18n.format_value(wrong, "g")
    assert not DECIMAL_POINT.search(feedback.message), feedback.message
    english = messages.EN["exercises.too_high"].partition("{")[0]  # "Not yet: "
    assert not feedback.message.startswith(english)  # the Swedish catalog, not the fallback


def test_the_options_a_participant_got_wrong_are_named_in_swedish():
    name = next(
        n for n, s in BANK.items() if s["kind"] == "multi" and len(s.get("explanations", {})) >= 2
    )
    spec = BANK[name]
    wrong = sorted(spec["explanations"])[:2]
    feedback = ex.exercise(name).check([*spec["answers"], *wrong])
    assert feedback.status == "incorrect"
    assert all(f"{letter})" in feedback.message for letter in wrong)
    assert " and " not in feedback.message


def test_every_swedish_exercise_text_writes_decimals_with_a_comma():
    # Python code shown to participants keeps its decimal point; so does a message that
    # is about the two ways of writing a decimal (it names both).
    points = []
    for key, english in messages.EN.items():
        if messages.DOMAINS[key] != "messages" or not key.startswith("exercises."):
            continue
        if "decimal comma" in english:
            continue
        swedish = re.sub(r"ck\.[\w.]+\([^)]*\)", "", messages.text(key))
        points += [f"{key}: {m}" for m in DECIMAL_POINT.findall(swedish)]
    assert not points, "\n".join(points)
