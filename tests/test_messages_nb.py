"""The Norwegian (bokmål) edition of the kit's messages, as a participant meets them.

A Norwegian participant types numbers with a decimal comma and reads feedback with a
decimal comma; the option words and letters of the course exercises work in bokmål.
The English edition stays as it was.
"""

from __future__ import annotations

import re

import pytest

from course_kit import i18n
from course_kit.messages import DOMAINS, EN, text
from course_kit.teaching.exercises import exercise

NBSP = "\u00a0"


@pytest.fixture
def nb(monkeypatch):
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    i18n.set_language("nb")
    yield
    i18n.set_language(None)


@pytest.fixture
def en(monkeypatch):
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    i18n.set_language("en")
    yield
    i18n.set_language(None)


@pytest.mark.parametrize(
    ("name", "typed", "status", "words", "shown"),
    [
        ("02.attenuation", "0,40", "correct", "Riktig", "0,4"),
        ("02.attenuation", "0,9", "incorrect", "for stort", "0,9"),
        ("02.attenuation", "0,42", "close", "Like ved", "0,42"),
        ("02.attenuation", "-0,40", "close", "fortegnet", "\u22120,4"),
        ("01.r_squared", "5,76 %", "correct", "Riktig", f"5,76{NBSP}%"),
        ("01.r_squared", "12", "incorrect", "for stort", f"12{NBSP}%"),
        ("01.secure_count", "ca. 130", "correct", "Riktig", "130"),
        ("01.secure_count", "ca. 125 spedbarn", "close", "Like ved", "125"),
    ],
)
def test_numeric_feedback_in_bokmal_shows_the_typed_number_with_a_decimal_comma(
    nb, name, typed, status, words, shown
):
    feedback = exercise(name).check(typed)
    assert feedback.status == status
    assert words in feedback.message
    assert shown in feedback.message
    assert not re.search(r"\d\.\d", feedback.message), feedback.message


def test_a_typical_mistake_gets_its_bokmal_explanation_with_published_numbers_in_comma_form(nb):
    feedback = exercise("03.cohens_d").check("0,48")  # divided by the control group's SD
    assert feedback.status == "incorrect"
    assert "kontrollgruppen (2,30)" in feedback.message
    assert "1,94" in feedback.message
    assert "Hint:" in str(feedback)


def test_choice_exercises_accept_the_letter_or_the_bokmal_option(nb):
    grade = exercise("06.grade_two_concerns")
    assert grade.check("c").correct
    assert grade.check("lav").correct  # the option's own word, any case
    wrong = grade.check("b")
    assert not wrong.correct
    assert "«Middels»" in wrong.message and "ett nivå" in wrong.message
    assert "alternativene" in grade.check("e").message  # unknown letter, in bokmål


def test_the_english_feedback_is_unchanged(en):
    assert exercise("02.attenuation").check("0,40").message == "Correct: 0.4 is right. Well done!"
    assert (
        exercise("01.r_squared").check("12").message
        == "Not yet: 12% is too large. Go through your calculation step by step."
    )


def test_bokmal_tells_participants_to_type_numbers_with_a_decimal_comma(nb):
    assert text("exercises.number_placeholder") == "Skriv et tall, f.eks. 0,45"
    assert "0,45" in text("exercises.too_large", value="1e99")


def test_bokmal_messages_fill_in_numbers_the_norwegian_way(nb):
    line = text(
        "trials.effect_line", diff=0.8, low=0.3, high=1.3, p=0.0012, d=0.5, d_low=-0.1, d_high=1.1
    )
    assert line.startswith("Effekt av VIPP-SD: +0,80 skalapoeng (95\u00a0% KI 0,30 til 1,30)")
    assert "d = 0,50 (95\u00a0% KI \u22120,10 til 1,10)" in line
    assert text("grade.level.moderate").startswith("Middels:")


# Names, a command and terms the glossary keeps in English: the same in both editions.
SAME_IN_BOKMAL = {
    "exercises.hint",  # "Hint: {hint}"
    "plots.hedges_g",
    "plots.fig_synthetic_funnel",  # "{outcome}, funnel plot"
    "plots.fig_synthetic_trimfill",  # "{outcome}, trim-and-fill"
    "workspace.problem",  # "course-kit workspace: {message}"
}


def test_every_message_is_shown_in_bokmal(nb):
    # a missing or fuzzy entry falls back to English: no message with words may read as its English
    same = [
        key
        for key in EN
        if DOMAINS[key] == "messages"
        and key not in SAME_IN_BOKMAL
        and text(key) == EN[key]
        and re.search(r"[a-z]{3,}", re.sub(r"\{[^}]*\}", "", EN[key]))
    ]
    assert not same, same[:10]
