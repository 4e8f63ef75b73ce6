"""The observation widgets change what is on screen and check the participant's marking."""

from __future__ import annotations

import pytest

from course_kit.teaching import observation


def _png(output) -> str:
    return output.outputs[0]["data"]["image/png"]


def test_marking_checks_against_the_reference_and_shows_it():
    box = observation.marking_self_check(start="S03")
    assert set(box.kinds) == set(range(1, 9))
    empty = _png(box.strip)
    box.kinds[4].value = "missed_signal"
    marked = _png(box.strip)
    assert marked != empty  # the mark appears on the strip at once
    box.kinds[8].value = "praise"
    box.theme.value = "signals"
    box.check_button.click()
    assert box.result.status == "correct"
    assert "2 of the 2 fragments" in box.feedback.value
    assert _png(box.strip) != marked  # the reference fragments are drawn after Check


def test_a_wrong_marking_gets_an_explanation_per_fragment():
    box = observation.marking_self_check(start="S01")
    box.kinds[3].value = "praise"  # the door bang: not a fragment
    box.check_button.click()
    text = box.feedback.value
    assert box.result.status == "incorrect"
    assert "not marked" in text and "your extra choice" in text
    assert "you did not choose one" in text  # no theme chosen
    # marking again clears the old verdict, so it cannot be mistaken for the new one
    box.kinds[5].value = "praise"
    assert box.feedback.value == "" and box.result is None


def test_choosing_another_scene_shows_its_transcript():
    box = observation.marking_self_check(start="S01")
    box.kinds[4].value = "speak_for_child"
    before = _png(box.strip)
    box.scene_choice.value = "S07"
    assert len(box.kinds) == 9 and not any(d.value for d in box.kinds.values())
    assert _png(box.strip) != before
    assert "Vera" in box.children[1].value


def test_limited_scene_list_and_unknown_scene():
    box = observation.marking_self_check(["S06", "S07", "S08"])
    assert [v for _, v in box.scene_choice.options] == ["S06", "S07", "S08"]
    with pytest.raises(ValueError, match="no scene called 'S42'"):
        observation.marking_self_check(["S42"])


def test_worked_example_steps_through_the_coding():
    box = observation.worked_example("S02")
    first = box.coding.value
    box.step.value = 3
    assert box.coding.value != first
    assert "a moment to speak for the child" in box.coding.value


def test_fragment_order_lists_strengths_first():
    box = observation.fragment_order("S04")
    listing = box.listing.value
    assert listing.index("a moment to praise") < listing.index("a missed signal")
    before = _png(box.strip)
    box.show("S08")
    assert _png(box.strip) != before and "Adam" in box.listing.value


def test_the_swedish_widgets_speak_swedish():
    from course_kit import i18n

    i18n.set_language("sv")
    try:
        box = observation.marking_self_check(start="S06")
        assert "Barnets ålder: 2 och ett halvt år. Situation: rör inte." in box.children[1].value
        labels = dict((v, k) for k, v in box.scene_choice.options)
        assert labels["S01"] == "S01: En hög smäll: Noor (8 månader) söker tröst"
        box.kinds[3].value = "praise"
        box.check_button.click()
        assert "Du hittade" in box.feedback.value and "lyhörd gränssättning" in box.feedback.value
        step = observation.worked_example("S02")
        step.step.value = 4
        assert "Förälderns bemötande:</b> lyhört" in step.coding.value
    finally:
        i18n.set_language(None)


def test_marks_and_theme_survive_a_scene_change_and_are_still_graded():
    box = observation.marking_self_check(start="S03")
    box.kinds[4].value = "missed_signal"
    box.kinds[8].value = "praise"
    box.theme.value = "signals"
    marked = _png(box.strip)
    box.scene_choice.value = "S01"
    assert box.theme.value == "" and not any(d.value for d in box.kinds.values())
    box.kinds[3].value = "praise"
    box.scene_choice.value = "S03"
    assert {e: d.value for e, d in box.kinds.items() if d.value} == {
        4: "missed_signal",
        8: "praise",
    }
    assert box.theme.value == "signals"
    assert _png(box.strip) == marked  # the strip shows the marks again
    box.check_button.click()
    assert box.result.status == "correct"
    box.scene_choice.value = "S01"  # and the other scene kept its own mark
    assert [d.value for d in box.kinds.values() if d.value] == ["praise"]


def test_a_long_marking_session_keeps_a_bounded_number_of_pictures(monkeypatch):
    monkeypatch.setattr(observation, "KEEP_PICTURES", 5)
    box = observation.marking_self_check(start="S03")
    unmarked = set(box.pictures)
    assert len(unmarked) == 8  # every scene's strip, drawn up front
    box.kinds[1].value = "praise"
    first = _png(box.strip)
    for event in range(2, 9):  # 14 more marked pictures, one after another
        for kind in ("missed_signal", "praise"):
            box.kinds[event].value = kind
    assert unmarked <= set(box.pictures)  # the unmarked strips are never dropped
    assert len(box.pictures) == 8 + 5  # and the latest five marked ones
    # a dropped picture is drawn again when its marks come back, the same as before
    for event in range(2, 9):
        box.kinds[event].value = ""
    assert _png(box.strip) == first
