"""The method package: the coercive-cycle teaching model, the programme, the catalogs."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_kit import exercises, messages, method
from course_kit.method import programme, sources
from course_kit.method import social_learning as sl

# --- the coercive-cycle teaching model ----------------------------------------------------


def test_the_rewarded_behaviour_wins():
    assert sl.coercive_cycle(0.2, 0.6).final_escalation > 0.9
    assert sl.coercive_cycle(0.6, 0.2).final_escalation < 0.05
    flat = sl.coercive_cycle(0.5, 0.5)
    assert np.allclose(flat.escalation, 0.3)  # equal rewards: nothing changes


def test_the_parent_learning_from_relief_closes_the_trap():
    trap = sl.coercive_cycle(0.5, 0.5, parent_learns=True)
    assert trap.final_give_in > 0.8 and trap.final_escalation > 0.6
    assert np.all(np.diff(trap.give_in) >= 0)


def test_average_course_follows_the_documented_update():
    res = sl.coercive_cycle(0.3, 0.7, situations=3, start=0.4, child_rate=0.1)
    e = 0.4
    for t in range(3):
        e = e + 0.1 * e * (1 - e) * (0.7 - 0.3)
        assert res.escalation[t + 1] == pytest.approx(e)


def test_simulated_family_is_reproducible_and_labelled():
    a = sl.coercive_cycle(0.2, 0.6, seed=5)
    b = sl.coercive_cycle(0.2, 0.6, seed=5)
    assert a.family.equals(b.family) and len(a.family) == 200
    assert not (a.family["rewarded"] & ~a.family["escalated"]).all()
    assert "TEACHING MODEL" in a.summary()
    assert list(a.to_frame().columns) == ["situation", "escalation", "give_in"]
    assert "ck-result" in a._repr_html_()


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"praise_calm": 1.2, "give_in": 0.5}, "praise_calm"),
        ({"praise_calm": 0.5, "give_in": -0.1}, "give_in"),
        ({"praise_calm": 0.5, "give_in": 0.5, "situations": 0}, "situations"),
        ({"praise_calm": 0.5, "give_in": 0.5, "situations": 2.5}, "situations"),
        ({"praise_calm": "0.5", "give_in": 0.5}, "praise_calm"),
        ({"praise_calm": 0.5, "give_in": 0.5, "parent_learns": "yes"}, "parent_learns"),
    ],
)
def test_bad_settings_name_the_argument(kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        sl.coercive_cycle(**kwargs)


def test_plot_draws_the_result_without_refitting():
    res = sl.coercive_cycle(0.2, 0.6, parent_learns=True, seed=1)
    fig, ax = plt.subplots()
    out = sl.plot_coercive_cycle(res, ax=ax, upto=50)
    assert out is ax
    lines = ax.get_lines()
    assert np.allclose(lines[0].get_ydata(), 100 * res.escalation[:51])
    assert np.allclose(lines[1].get_ydata(), 100 * res.give_in[:51])
    assert "TEACHING MODEL" in ax.get_title()
    plt.close(fig)
    assert isinstance(sl.plot_coercive_cycle(res), plt.Axes)
    plt.close("all")
    with pytest.raises(TypeError, match="result"):
        sl.plot_coercive_cycle("not a result")


@pytest.mark.parametrize(
    ("kwargs", "upto"),
    [
        ({"parent_learns": True, "seed": 1}, 50),
        ({"seed": 4}, None),
        ({"seed": 4}, 0),
        ({"parent_learns": True}, None),
    ],
)
def test_cycle_lines_are_what_the_plot_draws(kwargs, upto):
    res = sl.coercive_cycle(0.3, 0.5, **kwargs)
    lines, strips = sl.cycle_lines(res, upto)
    fig, ax = plt.subplots()
    sl.plot_coercive_cycle(res, ax=ax, upto=upto)
    assert len(lines) == len(ax.lines) == (2 if kwargs.get("parent_learns") else 1)
    for (x, y), line in zip(lines, ax.lines, strict=True):
        assert np.array_equal(np.column_stack([x, y]), line.get_xydata())
    assert len(strips) == len(ax.collections)
    for segments, strip in zip(strips, ax.collections, strict=True):
        assert np.array_equal(
            segments.reshape(-1, 2, 2), np.reshape(strip.get_segments(), (-1, 2, 2))
        )
    plt.close(fig)
    shown = len(res.escalation) - 1 if upto is None else upto
    if res.family is None or not shown:
        assert strips == []
        return
    fam = res.family.iloc[:shown]
    # one tick per situation: escalations (top) and calm requests (bottom), rewarded or not
    counts = [len(s) for s in strips]
    for count, escalated, rewarded in zip(
        counts, [True, True, False, False], [True, False] * 2, strict=True
    ):
        assert count == ((fam["escalated"] == escalated) & (fam["rewarded"] == rewarded)).sum()
    assert (strips[0][:, :, 1] > 100).all() and (strips[3][:, :, 1] < 0).all()


# --- the programme ------------------------------------------------------------------------


def test_visits_film_now_and_discuss_next_time():
    v = programme.visits()
    assert v["visit"].tolist() == list(range(1, 8))
    assert v["films"].tolist() == [True] * 6 + [False]  # no new film at the last visit
    assert v["feedback_on"].tolist() == [0, 1, 2, 3, 4, 5, 6]
    assert v["phase"].tolist() == ["introduction"] + ["themes"] * 4 + ["review"] * 2


def test_infants_get_no_discipline_strand():
    assert set(programme.themes(age_months=11.9)["strand"]) == {"sensitivity"}
    assert set(programme.themes(age_months=12)["strand"]) == {"sensitivity", "discipline"}
    # the order of the discipline topics is not public, so it is not invented
    assert programme.themes().query("strand == 'discipline'")["session"].isna().all()
    with pytest.raises(ValueError, match="age_months"):
        programme.themes(age_months=3)


def test_every_row_cites_a_known_source():
    for table in (
        programme.visits(),
        programme.themes(),
        programme.filmed_situations(),
        programme.feedback_principles(),
    ):
        for cell in table["source"]:
            for key in cell.split(", "):
                assert key in sources.SOURCES


def test_programme_plot_marks_the_visit_and_the_infant_band():
    fig, ax = plt.subplots()
    assert programme.plot_programme(age_months=9, ax=ax, highlight=4) is ax
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "without the sensitive-discipline" in texts
    assert "Session 6" in texts and "Intro" in texts
    plt.close(fig)
    fig, ax = plt.subplots()
    programme.plot_programme(age_months=30, ax=ax)
    assert "order not public" in " ".join(t.get_text() for t in ax.texts)
    plt.close(fig)
    with pytest.raises(ValueError, match="highlight"):
        programme.plot_programme(highlight=8)


# --- catalogs and exercises ------------------------------------------------------------------


def test_method_strings_are_in_the_catalog_once():
    extra = method.catalog()
    assert extra and all(messages.EN[key] == value for key, value in extra.items())


@pytest.mark.parametrize("name", sorted(method.bank()))
def test_method_exercises_build_and_explain_every_choice(name):
    ex = exercises.exercise(name)
    assert ex.hint and ex.solution
    spec = method.bank()[name]
    if spec["kind"] == "choice":
        # every option gets its own explanation, right or wrong
        assert set(spec["explanations"]) == set(spec["options"])
        for option in ex.options:
            feedback = ex.check(option)
            assert feedback.correct is (option == ex.answer)
            assert ex.explanations[option] in feedback.message
    assert ex.check("").status == "invalid"


def test_model_exercise_answer_is_the_model_answer():
    from course_kit.method._bank_social import MODEL_QUESTION

    res = sl.coercive_cycle(**MODEL_QUESTION)
    assert (
        exercises.exercise("social.model_reading")
        .check(f"{100 * res.final_escalation:.1f}")
        .correct
    )
    assert exercises.exercise("social.model_reading").check("30").status == "incorrect"


def test_visits_exercise_agrees_with_the_table():
    assert exercises.exercise("programme.visits").check(len(programme.visits())).correct
