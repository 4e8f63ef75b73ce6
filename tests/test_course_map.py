"""The course map: days, notebooks and the learning objectives of the course plan.

Every learning objective of the course plan ("Lärandemål") must be taught by at
least one notebook section that has an interactive demonstration and a
self-check; the map must point at sections that exist.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_kit import course

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

# An interactive demonstration: a cell that builds ipywidgets controls or calls one of
# the kit's widgets (explorers, navigator, observation, case desk, phrasing chooser...).
DEMO = re.compile(
    r"widgets\.\w+\(|_explorer\(|navigator\(|_widget\(|\bobservation\.\w+\(|case_desk\("
    r"|sorting_exercise\(|_chooser\(|_adapter\("
)
# A self-check: a course exercise, or a widget that checks the participant's own answer.
SELF_CHECK = re.compile(
    r"\bexercise\(\"|exercises\.course\(\"|self_check\(|case_desk\(|_exercise\(|_chooser\("
)


def _sections(file: str) -> dict[int, list[dict]]:
    """The cells of each numbered section ("## N. Title") of a notebook."""
    nb = json.loads((NOTEBOOKS / file).read_text(encoding="utf-8"))
    sections: dict[int, list[dict]] = {}
    current = None
    for cell in nb["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            heading = re.search(r"^## (?:\S+ )?(\d+)\.", source, flags=re.M)
            if heading:
                current = int(heading.group(1))
                sections[current] = []
            elif re.search(r"^## ", source, flags=re.M):
                current = None  # "## Key points" and similar end the numbered sections
        if current is not None:
            sections[current].append({"type": cell["cell_type"], "source": source})
    return sections


def _teaches(file: str, number: int) -> tuple[bool, bool]:
    code = [c["source"] for c in _sections(file)[number] if c["type"] == "code"]
    return any(DEMO.search(c) for c in code), any(SELF_CHECK.search(c) for c in code)


def test_the_six_objectives_of_the_course_plan_are_listed():
    goals = course.LEARNING_OBJECTIVES
    assert [g["key"] for g in goals] == [
        "theory",
        "development",
        "evidence",
        "suitability",
        "targets",
        "adapting",
    ]
    plan = ROOT.parent / "shared" / "seeds" / "000-vipp-sd-course-plan-sv.txt"
    for goal in goals:
        assert goal["en"] and goal["sv"] and goal["sections"]
        if plan.exists():  # the seed is reference material outside the repository
            words = " ".join(plan.read_text(encoding="utf-8").split())
            assert goal["sv"].rstrip(".") in words, goal["sv"]


@pytest.mark.parametrize("goal", course.LEARNING_OBJECTIVES, ids=lambda g: g["key"])
def test_every_objective_is_taught_with_a_demonstration_and_a_self_check(goal):
    listed = {nb["file"] for nb in course.NOTEBOOKS}
    good = []
    for file, number, title in goal["sections"]:
        assert file in listed, f"{file} is not in the course map"
        sections = _sections(file)
        assert number in sections, f"{file} has no section '## {number}.' ({title})"
        demo, check = _teaches(file, number)
        if demo and check:
            good.append((file, number))
    assert good, f"no section for '{goal['key']}' has both a demonstration and a self-check"


def test_sections_finds_demonstrations_and_checks():
    # the helper must be able to fail: section 1 of notebook 02 has no widget
    demo, check = _teaches("02-social-learning-and-sensitive-discipline.ipynb", 1)
    assert check and not demo
    demo, check = _teaches("02-social-learning-and-sensitive-discipline.ipynb", 2)
    assert demo and check


def test_days_follow_the_course_plan():
    days = [nb["day"] for nb in course.NOTEBOOKS]
    assert days == sorted(days), "notebooks are listed in course order"
    assert set(days) >= {0, 1, 2, 3, 4}
    assert "social learning" in course.COURSE_DAYS[1]
    theory = [nb["file"] for nb in course.NOTEBOOKS if nb["day"] == 1]
    assert any("social-learning" in f for f in theory)


def test_objectives_map_has_a_row_per_section():
    frame = course.objectives_map()
    assert len(frame) == sum(len(g["sections"]) for g in course.LEARNING_OBJECTIVES)
    assert set(frame["key"]) == {g["key"] for g in course.LEARNING_OBJECTIVES}
    assert frame["swedish"].str.len().gt(10).all()


def test_renamed_notebooks_point_at_listed_notebooks():
    listed = {nb["file"] for nb in course.NOTEBOOKS}
    for old, new in course.RENAMED.items():
        assert new in listed, f"{old} was renamed to {new}, which is not in the course map"
        assert old not in listed
        assert not (NOTEBOOKS / old).exists(), f"{old} still exists beside its new name"


# --- the words of the course map and each edition's review status ------------------------


def test_course_map_words_follow_the_language():
    english = course.course_map(lang="en")
    assert list(english.columns) == ["day", "notebook", "title", "minutes", "objectives"]
    assert english["title"].tolist() == [nb["title"] for nb in course.NOTEBOOKS]
    for lang in ("sv", "nb"):
        frame = course.course_map(lang=lang)
        assert frame.iloc[:, 1].tolist() == english["notebook"].tolist()  # file names stay
        expected = [course.text(f"course.day.{nb['day']}", lang) for nb in course.NOTEBOOKS]
        assert frame.iloc[:, 0].tolist() == expected


def test_every_section_has_one_title():
    # a section named twice must carry the same title: it is one catalog entry
    seen = {}
    for goal in course.LEARNING_OBJECTIVES:
        for file, number, title in goal["sections"]:
            assert seen.setdefault((file, number), title) == title, (file, number)


def test_status_words_are_the_review_status_of_i18n():
    from course_kit import i18n

    for status, words in i18n.REVIEW_STATUS.items():
        assert course.text(f"course.status.{status}", "en") == words


def test_english_edition_is_the_reference():
    result = course.translation_status("en")
    frame = result.to_frame()
    assert result.waiting == 0 and "nothing to review" in str(result)
    assert len(frame) == len(course.NOTEBOOKS) + 1  # every notebook, then the kit's texts
    assert set(frame["status"]) == {"English reference edition"}
    assert frame["notebook"].tolist()[:-1] == [nb["title"] for nb in course.NOTEBOOKS]
    kit = frame["catalogs"].iloc[-1].split(", ")
    assert {"messages", "course", "method_social"} <= set(kit)
    assert not any(c.startswith(("cells_", "notebooks/")) for c in kit)


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_translation_status_shows_what_is_still_to_be_checked(lang, monkeypatch):
    from course_kit import i18n

    first = course.NOTEBOOKS[1]["file"]  # 01-...: a markdown catalog and a code-cell catalog
    second = course.NOTEBOOKS[2]["file"]
    reviewed = {f"notebooks/{first[:-6]}": "reviewed", "cells_01": "reviewed"}
    # half reviewed: the notebook still needs its code cells' texts checked
    reviewed[f"notebooks/{second[:-6]}"] = "reviewed"
    monkeypatch.setattr(i18n, "review_status", lambda code: reviewed if code == lang else {})
    result = course.translation_status(lang)
    frame = result.to_frame()
    assert result.waiting == len(frame) - 1
    assert f" {len(frame) - 1} " in result.summary()
    assert "..." not in result._repr_html_() and course.text("course.status.machine", lang) in (
        result._repr_html_()
    )
    status = dict(zip(frame.iloc[:, 1], frame.iloc[:, 2], strict=True))
    done = course.text("course.status.reviewed", lang)
    waiting = course.text("course.status.machine", lang)
    assert done != waiting
    assert status[f"notebooks/{first[:-6]}, cells_01"] == done
    assert status[f"notebooks/{second[:-6]}, cells_02"] == waiting
    assert list(frame.iloc[:, 2]).count(done) == 1
    assert frame.iloc[1, 0] == course.title(first, lang)


def test_review_json_marks_a_catalog_reviewed(tmp_path, monkeypatch):
    # the real file format: locale/<lang>/review.json, read by i18n.review_status
    from course_kit import i18n

    (tmp_path / "sv").mkdir()
    (tmp_path / "sv" / "review.json").write_text(
        '{"_comment": "x", "notebooks/00-start-here": "reviewed"}', encoding="utf-8"
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    frame = course.translation_status("sv").to_frame()
    assert frame.iloc[0, 2] == course.text("course.status.reviewed", "sv")
    assert frame.iloc[1, 2] == course.text("course.status.machine", "sv")


def test_index_shows_the_translation_status_in_one_code_cell():
    nb = json.loads((NOTEBOOKS / "index.ipynb").read_text(encoding="utf-8"))
    code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and "ck.course.translation_status()" in code[0]


def test_translated_index_is_rendered_from_the_course_catalog():
    # scripts/make_index.py writes the index's sv/nb catalog from the course map's words
    # (test_packaging checks that it is up to date); the Swedish edition shows the course
    # plan's own wording of each learning objective, the Norwegian one its translation.
    from course_kit import i18n

    for lang in ("sv", "nb"):
        index = i18n.po_translations(i18n.catalog_path(lang, "notebooks/index"))
        assert set(index) >= {"intro", "map", "objectives", "status"}
        for nb in course.NOTEBOOKS:
            assert f"[{course.title(nb['file'], lang)}]({nb['file']})" in index["map"]
        for goal in course.LEARNING_OBJECTIVES:
            assert goal["sv"] in index["objectives"]
            assert goal["en"] not in index["objectives"]
            if lang == "nb":
                assert course.text(f"course.goal.{goal['key']}", "nb") in index["objectives"]
