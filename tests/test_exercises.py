"""Self-checking exercises: right, close, wrong and unreadable answers, and the widget."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course_kit import exercises as ex
from course_kit.messages import EN, text

BAD_INPUTS = [None, "", "   ", "abc", "1e999", "-1e999", "nan", "inf", True, [1, 2], {}, object()]


@pytest.fixture
def numeric():
    return ex.NumericExercise(
        "Hedges' g?",
        answer=0.56,
        tolerance=0.005,
        hint="Use smd().",
        solution="g = 0.56",
        mistakes={0.57: "That is d, not g."},
    )


# --- parsing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("0.5", 0.5),
        ("0,5", 0.5),
        (" 0,5 ", 0.5),
        ("-0,25", -0.25),
        ("\u22120.25", -0.25),  # typographic minus
        ("+3", 3.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("65%", 65.0),
        ("1 099", 1099.0),
        ("1,099.5", 1099.5),
        ("1.099,5", 1099.5),
        ("2e-3", 0.002),
        (7, 7.0),
        (0.25, 0.25),
    ],
)
def test_parse_number_reads_what_people_type(typed, number):
    assert ex.parse_number(typed) == pytest.approx(number)


@pytest.mark.parametrize("typed", [*BAD_INPUTS, "0,5,5", "1..2", "0.5.5", "--3"])
def test_parse_number_returns_none_for_unreadable_input(typed):
    assert ex.parse_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "expected", "numbers"),
    [
        ("5, 7, 3", None, [5, 7, 3]),
        ("5,7,3", None, [5, 7, 3]),
        ("5 7 3", None, [5, 7, 3]),
        ("5; 7,5; 3", None, [5, 7.5, 3]),
        ("5,5 7 3", 3, [5.5, 7, 3]),
        ("5, 7, 3,", 3, [5, 7, 3]),
        ([5, "7,5", 3], 3, [5, 7.5, 3]),
    ],
)
def test_parse_number_list(typed, expected, numbers):
    assert ex.parse_number_list(typed, expected=expected) == pytest.approx(numbers)


@pytest.mark.parametrize("typed", [None, "", " , ", "5, x, 3", "5 7"])
def test_parse_number_list_unreadable_or_wrong_length(typed):
    assert ex.parse_number_list(typed, expected=3) is None


# --- numeric exercise ----------------------------------------------------------------


@pytest.mark.parametrize("typed", ["0.56", "0,56", "0.5649", 0.556, " 0.56 "])
def test_numeric_correct(numeric, typed):
    fb = numeric.check(typed)
    assert fb.correct and fb.status == "correct"
    assert fb.hint == ""  # no hint needed when right


def test_numeric_close_and_incorrect_carry_the_hint(numeric):
    close = numeric.check("0.58")
    wrong = numeric.check("0.9")
    assert close.status == "close" and not close.correct
    assert wrong.status == "incorrect"
    assert close.hint == wrong.hint == "Use smd()."
    assert "Hint: Use smd()." in wrong.summary()


def test_numeric_typical_mistake_gets_its_own_message(numeric):
    fb = numeric.check("0,57")
    assert fb.status == "incorrect"
    assert fb.message == "That is d, not g."


def test_numeric_sign_slip_and_percentage_slip():
    assert ex.NumericExercise("q", 0.4, 0.01).check("-0.4").message == text(
        "exercises.wrong_sign", value="-0.4"
    )
    pct = ex.NumericExercise("q", 65, 0.5, unit="%")
    assert pct.check("65 %").correct
    assert pct.check("0,65").status == "close"
    assert "percentage" in pct.check("0.65").message
    # the typed number as typed: a share, without a percent sign
    assert pct.check("0.65").message == text("exercises.share_not_percent", value="0.65")


@pytest.mark.parametrize("typed", BAD_INPUTS)
def test_numeric_never_raises_on_bad_input(numeric, typed):
    fb = numeric.check(typed)
    assert fb.status == "invalid"
    assert fb.message and "Traceback" not in fb.message
    assert fb.hint == "Use smd()."


def test_numeric_messages_name_the_problem(numeric):
    assert numeric.check("").message == text("exercises.empty")
    assert "'abc'" in numeric.check("abc").message
    assert numeric.check("1e999").message == text("exercises.too_large", value="1e999")


@given(st.one_of(st.text(max_size=20), st.floats(allow_nan=True), st.integers(), st.none()))
def test_numeric_check_never_raises_for_any_input(value):
    fb = ex.NumericExercise("q", 1.0, 0.1).check(value)
    assert fb.status in ex.STATUSES


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_numeric_correct_exactly_within_tolerance(value):
    exercise = ex.NumericExercise("q", answer=2.5, tolerance=0.25)
    assert exercise.check(value).correct == (abs(value - 2.5) <= 0.25 + 1e-12)


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"answer": "x", "tolerance": 0.1}, TypeError, "answer"),
        ({"answer": math.inf, "tolerance": 0.1}, ValueError, "answer"),
        ({"answer": 1.0, "tolerance": -1}, ValueError, "tolerance"),
        ({"answer": 1.0, "tolerance": 0.1, "close": 0.01}, ValueError, "close"),
        ({"answer": 1.0, "tolerance": 0.1, "hint": 3}, TypeError, "hint"),
    ],
)
def test_numeric_bad_construction_names_the_argument(kwargs, error, name):
    with pytest.raises(error, match=name):
        ex.NumericExercise("q", **kwargs)


def test_empty_question_is_rejected():
    with pytest.raises(ValueError, match="question"):
        ex.NumericExercise("  ", 1.0, 0.1)


# --- choice and multi-select -----------------------------------------------------------


@pytest.fixture
def choice():
    return ex.ChoiceExercise(
        "Most common pattern in low-risk samples?",
        ["avoidant", "secure", "resistant"],
        answer="secure",
        hint="Think of the base rates.",
        explanations={"avoidant": "Avoidant is the second most common."},
    )


@pytest.mark.parametrize("typed", ["secure", " Secure ", "b", "B)", 1])
def test_choice_correct_by_text_letter_or_position(choice, typed):
    assert choice.check(typed).correct


def test_choice_wrong_option_gets_its_explanation_and_hint(choice):
    fb = choice.check("avoidant")
    assert fb.status == "incorrect"
    assert "second most common" in fb.message
    assert fb.hint == "Think of the base rates."


@pytest.mark.parametrize("typed", [None, "", "x", "disorganized", 7, -1, True, 2.5])
def test_choice_unreadable_is_invalid_not_an_error(choice, typed):
    assert choice.check(typed).status == "invalid"


def test_choice_construction_errors():
    with pytest.raises(ValueError, match="answer"):
        ex.ChoiceExercise("q", ["a1", "b1"], answer="c1")
    with pytest.raises(ValueError, match="options"):
        ex.ChoiceExercise("q", ["only"], answer="only")
    with pytest.raises(TypeError, match="options"):
        ex.ChoiceExercise("q", "ab", answer="a")
    with pytest.raises(ValueError, match="different"):
        ex.ChoiceExercise("q", ["Same", "same"], answer="Same")


def test_multiselect_right_partial_and_wrong():
    m = ex.MultiSelectExercise(
        "Which are insecure patterns?",
        ["secure", "avoidant", "resistant"],
        answers=["avoidant", "resistant"],
        hint="Two of them.",
    )
    assert m.check(["avoidant", "resistant"]).correct
    assert m.check("b, c").correct
    assert m.check("c b").correct
    assert m.check(["avoidant"]).status == "close"
    wrong = m.check(["secure", "avoidant"])
    assert wrong.status == "incorrect" and wrong.hint == "Two of them."
    for bad in [None, "", "zzz", 5, [None]]:
        assert m.check(bad).status == "invalid"
    with pytest.raises(ValueError, match="answers"):
        ex.MultiSelectExercise("q", ["a1", "b1"], answers=["c1"])
    with pytest.raises(ValueError, match="answers"):
        ex.MultiSelectExercise("q", ["a1", "b1"], answers=[])


# --- lists ------------------------------------------------------------------------------


def test_text_list_items_compared_with_tolerance():
    t = ex.TextListExercise("Rate", answers=[7, 3, 5, 2, 8, 6], tolerance=1, low=1, high=9)
    assert t.check("7, 4, 5, 2, 8, 6").correct
    assert t.check("7 3 5 2 8 6").correct
    one_off = t.check("7, 3, 5, 2, 8, 9")
    assert one_off.status == "close" and "6" in one_off.message
    assert t.check("1, 1, 1, 9, 1, 1").status == "incorrect"
    assert t.check("7, 3").status == "invalid"
    out = t.check("7, 3, 5, 2, 8, 12")
    assert out.status == "invalid" and "1 to 9" in out.message


def test_text_list_judge_replaces_the_comparison():
    seen = []

    def judge(values):
        seen.append(values)
        return ("correct", "certified") if values[0] > 4 else ("incorrect", "not yet")

    t = ex.TextListExercise("Rate", answers=[5, 5], judge=judge, low=1, high=9)
    assert t.check("6; 2").message == "certified"
    assert t.check("3 3").status == "incorrect"
    assert t.check("abc").status == "invalid"
    assert seen == [[6.0, 2.0], [3.0, 3.0]]  # the judge only sees readable, valid lists


def test_a_failing_judge_still_gives_friendly_feedback():
    t = ex.TextListExercise("Rate", answers=[5], judge=lambda v: 1 / 0)
    fb = t.check("5")
    assert fb.status == "invalid" and fb.message == text("exercises.unexpected")


# --- feedback, solutions, widget -------------------------------------------------------------


def test_feedback_html_escapes_what_was_typed(numeric):
    html = numeric.check("<b>")._repr_html_()
    assert "<b>" not in html
    assert "&lt;b&gt;" in html
    assert "ck-feedback-invalid" in html


def test_widget_has_the_css_classes_and_checks_on_click(numeric, monkeypatch):
    monkeypatch.delenv("COURSE_KIT_INSTRUCTOR", raising=False)
    box = numeric.widget()
    assert "ck-exercise-input" in box.answer._dom_classes
    assert "ck-exercise-check" in box.check_button._dom_classes
    assert "ck-exercise-feedback" in box.feedback._dom_classes
    box.answer.value = "0,56"
    box.check_button.click()
    assert "ck-feedback-correct" in box.feedback.value
    box.answer.value = "abc"
    box.check_button.click()
    assert "ck-feedback-invalid" in box.feedback.value


def _all_html(widget) -> str:
    parts = [getattr(widget, "value", "") if isinstance(getattr(widget, "value", ""), str) else ""]
    for child in getattr(widget, "children", ()):
        parts.append(_all_html(child))
    return " ".join(parts)


def test_solution_hidden_from_participants_shown_to_instructors(numeric, monkeypatch):
    monkeypatch.delenv("COURSE_KIT_INSTRUCTOR", raising=False)
    assert "g = 0.56" not in _all_html(numeric.widget())
    monkeypatch.setenv("COURSE_KIT_INSTRUCTOR", "1")
    assert ex.instructor_mode()
    assert "g = 0.56" in _all_html(numeric.widget())
    assert "g = 0.56" in numeric.show_solution().data


def test_check_safely_turns_unreadable_answers_and_surprises_into_feedback():
    def check(value):
        if value == "":
            raise ex.Unreadable("exercises.empty")
        return 1 / value

    assert ex.check_safely(check, "", hint="Look again.") == ex.Feedback(
        "invalid", text("exercises.empty"), "Look again."
    )
    assert ex.check_safely(check, 0).message == text("exercises.unexpected")


@pytest.mark.parametrize("value", BAD_INPUTS)
def test_the_method_self_checks_never_raise_like_every_exercise(value):
    from course_kit.method.cases import SortingExercise
    from course_kit.method.feedback_phrasing import PhrasingExercise

    for check in (SortingExercise(), PhrasingExercise("tower")):
        feedback = check.check(value)
        assert feedback.status == "invalid" and feedback.message, (check, value)


def test_every_check_button_hands_the_checked_answer_to_the_board(monkeypatch):
    # One plumbing for the kit's exercises and the method's self-checks; the board
    # client itself keeps what is not a course exercise off the board.
    from course_kit.method.cases import CaseExercise
    from course_kit.teaching import board_answers
    from course_kit.teaching import method_widgets as mw

    sent = []
    monkeypatch.setattr(board_answers, "hand_over", lambda *checked: sent.append(checked))
    course = ex.exercise("09.depression_first")
    box = course.widget()
    box.answer.value = course.options[1]
    box.check_button.click()
    assert sent == [(course, course.options[1], course.check(course.options[1]))]

    desk = mw.case_desk("C1")
    desk.picker.value = "C6"
    desk.decision.value = "start_now"
    desk.check_button.click()
    checked, value, feedback = sent[-1]
    assert isinstance(checked, CaseExercise) and checked.case.id == "C6"  # the case on screen
    assert value == ("start_now", []) and feedback.status == "invalid"
    assert feedback._repr_html_() == desk.feedback.value
    assert board_answers.from_widget(checked, value) is None  # not a course exercise: never sent


def test_choice_and_multiselect_widgets(choice):
    box = choice.widget()
    assert box.answer.value is None
    box.check_button.click()
    assert "ck-feedback-invalid" in box.feedback.value  # nothing chosen yet
    box.answer.value = "secure"
    box.check_button.click()
    assert "ck-feedback-correct" in box.feedback.value

    m = ex.MultiSelectExercise("q", ["x1", "y1", "z1"], answers=["y1"])
    mbox = m.widget()
    assert all("ck-exercise-input" in c._dom_classes for c in mbox.answer.children)
    mbox.answer.children[1].value = True
    mbox.check_button.click()
    assert "ck-feedback-correct" in mbox.feedback.value


def test_every_exercises_message_key_exists_and_formats():
    keys = [k for k in EN if k.startswith("exercises.")]
    assert len(keys) > 20
    sample = {
        "value": "x",
        "hint": "h",
        "missing": 1,
        "wrong": 1,
        "right": 1,
        "n": 6,
        "items": "2",
        "expected": 6,
        "found": 2,
        "low": "1",
        "high": "9",
        "options": "a)",
        "why": "w",
        "within": 5,
        "exact": 3,
        "diff": 1.0,
    }
    for key in keys:
        assert "{" not in text(key, **sample), key


def test_text_list_whole_numbers_only_when_asked():
    t = ex.TextListExercise("Rate", answers=[5, 6], integer=True, low=1, high=9)
    fb = t.check("5,5; 6")
    assert fb.status == "invalid" and "whole" in fb.message
    assert t.check("5 6").correct
    with pytest.raises(TypeError, match="integer"):
        ex.TextListExercise("Rate", answers=[5], integer="yes")


def test_course_certification_uses_the_reference_coder():
    from course_kit.teaching.bank import VIGNETTE_REFERENCE

    cert = ex.exercise("02.certification")
    perfect = cert.check(", ".join(map(str, VIGNETTE_REFERENCE)))
    assert perfect.correct and "6 of the 6 descriptions" in perfect.message
    lenient = cert.check([min(9, r + 2) for r in VIGNETTE_REFERENCE])
    assert lenient.status == "incorrect" and "higher" in lenient.message
    one_off = list(VIGNETTE_REFERENCE)
    one_off[1] += 4  # description 2 rated 6 instead of 2
    assert "description(s) 2" in cert.check(one_off).message
    for bad in ["", "8, 2, 5", "8 2 5 7 3 10", "8; 2; 5,5; 7; 3; 6", "a b c d e f", None]:
        assert cert.check(bad).status == "invalid"
    assert "Traceback" not in cert.check("9 9 9 9 9 9").message


def test_every_course_exercise_builds_and_rejects_rubbish():
    from course_kit.teaching.bank import BANK

    for name in BANK:
        exercise = ex.exercise(name)
        assert exercise.check("banana").status == "invalid", name
        assert exercise.check("-999").status in ex.STATUSES
    with pytest.raises(ValueError, match="name"):
        ex.exercise("99.nothing")


def test_docstring_examples_run():
    import doctest

    from course_kit import teaching

    for module in (ex, teaching):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        assert result.attempted > 0


# --- feedback a participant can act on (issue 16) -----------------------------------------


def test_vignette_feedback_is_plain_practice_never_certification():
    from course_kit._exercise_bank import VIGNETTE_REFERENCE

    cert = ex.exercise("02.certification")
    tries = [
        VIGNETTE_REFERENCE,
        [1, 9, 1, 9, 1, 9],
        [5] * 6,
        [min(9, r + 2) for r in VIGNETTE_REFERENCE],
    ]
    for ratings in tries:
        message = cert.check(list(ratings)).message
        assert "certified" not in message.lower(), message
        assert "video" not in message.lower(), message  # the moments are written descriptions
        assert "ICC" not in message and "kappa" not in message, message
        assert "coder-agreement practice" in message


def test_every_wrong_option_has_its_own_explanation():
    from course_kit._exercise_bank import BANK

    for name, spec in BANK.items():
        if spec["kind"] not in ("choice", "multi"):
            continue
        right = {spec["answer"]} if spec["kind"] == "choice" else set(spec["answers"])
        wrong = set(spec["options"]) - right
        explained = spec.get("explanations", {})
        assert wrong <= set(explained), (
            f"{name}: no explanation for {sorted(wrong - set(explained))}"
        )
        texts = [text(f"exercises.{name}.{explained[w]}") for w in wrong]
        assert len(set(texts)) == len(texts), f"{name}: each wrong option needs its own text"
        exercise = ex.exercise(name)
        for letter in wrong:  # and the participant sees it when choosing that option
            shown = exercise.check(letter).message
            assert text(f"exercises.{name}.{explained[letter]}") in shown, (name, letter)


def test_multiselect_says_which_ticked_option_is_wrong():
    m = ex.MultiSelectExercise(
        "Insecure patterns?",
        ["secure", "avoidant", "resistant"],
        answers=["avoidant", "resistant"],
        explanations={"secure": "Secure is the pattern we hope for."},
    )
    fb = m.check(["secure", "avoidant"])
    assert fb.status == "incorrect"
    assert "a)" in fb.message and "Secure is the pattern we hope for." in fb.message
    assert "b)" not in fb.message
    course = ex.exercise("01.definition").check("a, b, d, e")
    assert "d) and e)" in course.message and "stimulation" in course.message


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("130 infants", 130),
        ("about 130", 130),
        ("d = 0.57", 0.57),
        ("0,57 SD", 0.57),
        ("58 %", 58),
        ("1 099", 1099),
        ("0,45", 0.45),
        ("1e5", 1e5),
    ],
)
def test_numbers_with_words_around_them_are_read(typed, value):
    assert ex.parse_number(typed) == pytest.approx(value)


@pytest.mark.parametrize("typed", ["infants", "2 or 3", "1.2.3", "d = ", "abc 12 def 3"])
def test_text_without_one_clear_number_is_still_refused(typed):
    assert ex.parse_number(typed) is None


def test_course_secure_count_accepts_a_number_with_its_unit():
    assert ex.exercise("01.secure_count").check("130 infants").correct


def test_wrong_numbers_get_specific_feedback():
    d = ex.exercise("03.cohens_d")
    assert "pooled SD" in d.check("1.94").message  # the SD, not d
    assert "too large" in d.check("0.9").message
    assert "too small" in d.check("0.2").message
    assert "sign" in d.check("-0.568").message
    assert "percentage" in d.check("56.8").message
    for name in ("03.nnt", "04.r_to_d_behaviour", "01.r_squared"):
        message = ex.exercise(name).check("999").message
        assert "too large" in message, name
