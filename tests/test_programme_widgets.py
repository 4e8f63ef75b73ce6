"""The widgets of notebook 03 change what is on screen, in the reader's language."""

from __future__ import annotations

from course_kit.teaching import programme_widgets as pw


def _png(output) -> str:
    return output.outputs[0]["data"]["image/png"]


def test_visit_slider_says_what_happens_and_redraws():
    box = pw.visit_timeline()
    first, picture = box.what_happens.value, _png(box.picture)
    assert "Introductory visit (visit 1)" in first
    box.visit.value = 4
    assert "Session 3 (visit 4)" in box.what_happens.value
    assert "film of visit 3" in box.what_happens.value
    assert _png(box.picture) != picture
    box.visit.value = 7  # the last visit makes no new film
    assert "No new film" in box.what_happens.value
    box.visit.value = 1
    assert _png(box.picture) == picture


def test_age_slider_drops_the_discipline_strand_for_infants():
    box = pw.age_themes(age_months=30)
    assert box.themes.value.count("<tr>") == 9  # one row per theme (the header row is styled)
    box.age.value = 9
    assert box.themes.value.count("<tr>") == 4 and "discipline" not in box.themes.value


def test_first_fragment_explains_the_choice():
    box = pw.first_fragment()
    assert "Choose a fragment above." in box.comment.value
    positive = next(o for o in box.choice.options if "brings a book" in o)
    box.choice.value = positive
    assert "A good opening." in box.comment.value


def test_family_finder_answers_for_age_and_situation():
    box = pw.family_finder()
    box.age.value = next(o for o in box.age.options if o.startswith("7"))
    box.situation.value = next(o for o in box.situation.options if "depression" in o)
    assert "school-age" in box.answer.value and "PTSD" in box.answer.value


def test_the_swedish_widgets_speak_swedish(swedish):
    box = pw.visit_timeline()
    box.visit.value = 2
    assert box.visit.description == "Besök"
    assert "Session 1 (besök 2)" in box.what_happens.value
    themes = pw.age_themes(age_months=9)
    assert "lyhördhet" in themes.themes.value and "sensitivity" not in themes.themes.value
    assert "Välj ett fragment ovan." in pw.first_fragment().comment.value
    finder = pw.family_finder()
    assert finder.age.description == "Barnets ålder" and "1–6 år" in finder.answer.value
