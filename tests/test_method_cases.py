"""Notebook 09: the case files, the decision check, the age window and the sorting exercise."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import course_kit as ck
from course_kit.method import cases
from course_kit.method.sources import SOURCES, cite, cite_all
from course_kit.teaching import method_widgets as mw

ROOT = Path(__file__).resolve().parents[1]
NB09 = ROOT / "notebooks" / "09-suitability-and-targets.ipynb"
IDS = [f"C{i}" for i in range(1, 9)]


def test_eight_synthetic_cases_validate_against_their_schema():
    frame = cases.load_cases()
    assert list(frame["id"]) == IDS
    assert frame["synthetic"].all()
    assert frame.attrs["synthetic"] is True
    assert "SYNTHETIC" in frame.attrs["title"]


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_case_files_are_shown_in_the_language_of_the_edition(lang):
    from course_kit import i18n

    english, english_overview = cases.case("C1"), cases.overview()
    i18n.set_language(lang)
    try:
        shown, overview = cases.case("C1"), cases.overview()
        desk = mw.case_desk("C1")
    finally:
        i18n.set_language(None)
    # keys, ages and the reference answer are the same in every edition ...
    assert (shown.id, shown.child_age_months, shown.decision, shown.targets) == (
        english.id,
        english.child_age_months,
        english.decision,
        english.targets,
    )
    # ... the course-written free text is translated
    for field in ("title", "child", "caregivers", "case_file", "targets_reason"):
        assert getattr(shown, field) != getattr(english, field), field
    assert all(shown.why[d] != english.why[d] for d in cases.DECISIONS)
    assert html.escape(shown.case_file) in desk.children[1].value
    assert overview.iloc[0, 1] == shown.title
    assert list(overview.columns) != list(english_overview.columns)
    assert list(english_overview.columns) == ["id", "title", "child", "child_age_months"]


def test_a_wrong_case_number_gets_a_plain_message():
    with pytest.raises(ValueError, match="case_id must be one of"):
        mw.case_desk("C9")


def test_cases_cover_the_ages_and_contexts_the_course_asks_for():
    frame = cases.load_cases()
    assert frame["child_age_months"].min() < 12  # an infant (no discipline part)
    assert frame["child_age_months"].max() > 72  # a child outside the range
    assert frame["child_age_months"].nunique() >= 6
    files = " ".join(frame["case_file"]).lower()
    for context in (
        "low and tired",
        "father lost his job",
        "hit her",
        "drinking",
        "fire",
        "interpreter",
        "foster",
        "good life",
    ):
        assert context in files, context
    assert set(frame["decision"]) == set(cases.DECISIONS)


@pytest.mark.parametrize("case_id", IDS)
def test_every_case_explains_every_decision_and_cites_known_sources(case_id):
    c = cases.case(case_id)
    for decision in cases.DECISIONS:
        assert len(c.why[decision]) > 40, (case_id, decision)
    for keys in (c.decision_sources, c.target_sources):
        for key in keys.split(";"):
            assert key == "judgement" or key in SOURCES, (case_id, key)
    assert set(c.targets) <= set(cases.TARGETS)
    assert set(c.targets_also) <= set(cases.TARGETS)
    assert 1 <= len(c.targets) <= cases.MAX_TARGETS
    if c.child_age_months < 12:  # the discipline part is not used below 12 months
        assert not any(cases.TARGETS[t][1] for t in c.targets + c.targets_also)


def test_untreated_maternal_depression_is_treated_first_as_the_seminar_says():
    c = cases.case("C1")
    assert c.decision == "after_or_alongside"
    assert "seed001" in c.decision_sources
    feedback = cases.CaseExercise(c).check(("start_now", ["subtle_signals"]))
    assert feedback.status == "incorrect"
    assert "first" in feedback.summary() and "1000 dagar" in feedback.summary()


@pytest.mark.parametrize("case_id", IDS)
def test_the_reference_answer_is_correct_and_explains_each_target(case_id):
    c = cases.case(case_id)
    feedback = cases.CaseExercise(c).check((c.decision, list(c.targets)))
    assert feedback.status == "correct"
    # one line for the decision, one per target, one with the reasons
    assert len(feedback.lines) == 1 + len(c.targets) + 1
    assert c.targets_reason in feedback.summary()


def test_wrong_choices_get_specific_feedback_with_a_source_or_the_judgement_label():
    ex = cases.CaseExercise(cases.case("C1"))
    feedback = ex.check(("refer", ["limit_setting", "subtle_signals"]))
    assert feedback.status == "incorrect"
    text_ = feedback.summary()
    assert cases.case("C1").why["refer"] in text_
    assert "Below 12 months" in text_ and "vipp-sd-international.org" in text_
    feedback = cases.CaseExercise(cases.case("C7")).check(("start_now", ["sharing_emotions"]))
    assert "course authors' judgement" in feedback.summary()
    assert "main target(s) are still missing" in feedback.summary()


def test_an_acceptable_alternative_decision_is_close():
    c = cases.case("C8")
    assert c.decision_also == "refer"
    assert cases.CaseExercise(c).check(("refer", list(c.targets))).status == "close"


@pytest.mark.parametrize(
    "value, key",
    [
        ((None, ["empathy"]), "choose a decision"),
        (("start_now", []), "tick at least one"),
        (("start_now", list(cases.TARGETS)), "Pick at most 3"),
        (("banana", ["empathy"]), "not one of the choices"),
        ("-999", "choose a decision"),
        (None, "choose a decision"),
    ],
)
def test_incomplete_or_odd_answers_get_a_plain_message(value, key):
    feedback = cases.CaseExercise(cases.case("C2")).check(value)
    assert feedback.status == "invalid"
    assert key in feedback.message


def test_labels_are_accepted_as_well_as_keys():
    ex = cases.CaseExercise(cases.case("C7"))
    labels = [ck.messages.text(f"method.target.{t}") for t in ex.case.targets]
    assert ex.check((ck.messages.text("method.decision.start_now"), labels)).correct


@pytest.mark.parametrize(
    "age, zone, discipline",
    [
        (3, "too_young", False),
        (6, "infant", False),
        (11, "infant", False),
        (12, "full", True),
        (72, "full", True),
        (80, "older", False),
        (96, "outside", False),
    ],
)
def test_age_window(age, zone, discipline):
    info = cases.age_window(age)
    assert (info["zone"], info["discipline"]) == (zone, discipline)
    cite_all(info["sources"])  # every source key is known


def test_age_window_rejects_nonsense_with_the_argument_name():
    with pytest.raises((ValueError, TypeError), match="age_months"):
        cases.age_window(-3)


def test_sorting_exercise():
    ex = cases.SortingExercise()
    assert ex.check(dict(cases.SORTING)).correct
    wrong = dict(cases.SORTING, harsh="universal")
    feedback = ex.check(wrong)
    assert feedback.status == "close"
    assert ck.messages.text("method.sort.nudge.harsh") in feedback.summary()
    assert "1000 dagar" in feedback.summary()
    assert ex.check({}).status == "invalid"
    assert ex.check(["indicated"] * len(cases.SORTING)).status == "incorrect"


def test_cite_names_the_judgement_and_rejects_unknown_keys():
    assert "discuss with your supervisor" in cite("judgement")
    with pytest.raises(ValueError, match="key must be one of"):
        cite("nonsense")


# --- widgets: they change what is on screen ------------------------------------------------


def test_age_slider_changes_the_text():
    box = mw.age_explorer(9)
    before = box.output.value
    box.slider.value = 30
    assert box.output.value != before
    assert "both" in box.output.value and "1 to 6 years" in box.output.value


def test_case_desk_shows_the_chosen_case_and_checks_the_answer():
    from course_kit.teaching.method_widgets import case_desk

    desk = case_desk("C1")
    assert "low and tired" in desk.children[1].value
    desk.decision.value = "start_now"
    desk.ticks[0].value = True
    desk.check_button.click()
    assert "ck-feedback-incorrect" in desk.feedback.value
    desk.picker.value = "C6"
    assert "foster" in desk.children[1].value.lower()
    assert desk.feedback.value == "" and desk.decision.value is None  # a fresh start
    desk.check_button.click()
    assert "choose a decision" in desk.feedback.value


def test_sorting_widget_checks_the_choices():
    box = mw.sorting_exercise()
    for key, level in cases.SORTING.items():
        box.pickers[key].value = level
    box.check_button.click()
    assert "ck-feedback-correct" in box.feedback.value


# --- the notebook ------------------------------------------------------------------------------


def _cells():
    nb = json.loads(NB09.read_text(encoding="utf-8"))
    return [("".join(c["source"]), c["cell_type"]) for c in nb["cells"]]


def test_notebook_09_meets_the_notebook_standards():
    markdown = "\n".join(s for s, kind in _cells() if kind == "markdown")
    code = "\n".join(s for s, kind in _cells() if kind == "code")
    for heading in (
        "Questions this notebook answers",
        "Learning objectives",
        "Time:",
        "Key points",
        "Instructor note",
        "SYNTHETIC",
        "course authors'",
    ):
        assert heading in markdown, heading
    demos = re.findall(r"mw\.(age_explorer|case_desk)\(", code)
    checks = re.findall(r'exercises\.exercise\("(09\.[a-z_]+)"\)|mw\.sorting_exercise\(', code)
    assert len(set(demos)) >= 2 and len(checks) >= 3
    for name in re.findall(r'exercises\.exercise\("([^"]+)"\)', code):
        ex = ck.exercises.exercise(name)
        for option in ex.options:  # every option has its own explanation
            assert option in ex.explanations, (name, option)


def test_docstring_examples_of_the_method_package_run():
    import doctest
    import importlib

    for name in (
        "course_kit.method",
        "course_kit.method.cases",
        "course_kit.method.sources",
        "course_kit.teaching.method_widgets",
    ):
        result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
        assert result.failed == 0 and result.attempted > 0, name


def test_solutions_show_only_in_instructor_mode(monkeypatch):
    monkeypatch.delenv("COURSE_KIT_INSTRUCTOR", raising=False)
    desk = mw.case_desk("C3")
    assert "ck-exercise-solution" not in desk.children[-1].value
    monkeypatch.setenv("COURSE_KIT_INSTRUCTOR", "1")
    desk = mw.case_desk("C3")
    assert "Refer elsewhere instead" in desk.children[-1].value
    desk.picker.value = "C7"
    assert "Start VIPP-SD now" in desk.children[-1].value
    assert "ck-exercise-solution" in mw.sorting_exercise().children[-1].value
