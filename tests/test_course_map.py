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
