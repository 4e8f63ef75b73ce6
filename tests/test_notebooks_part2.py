"""Content checks of notebooks 04-06 (course part 2).

Execution is covered by nbval and ``tests/test_notebooks.py``; here we check
what a run cannot: the exercise answers agree with the kit's own computations
on the shipped data, published numbers stand next to their citation, each
notebook has widgets and exercises, and every figure a notebook draws is one
that ``python -m course_kit figures`` rebuilds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import course_kit as ck
from course_kit.teaching.bank import BANK

ROOT = Path(__file__).resolve().parents[1]
PART2 = [
    ROOT / "notebooks" / name
    for name in (
        "07-meta-analysis-of-vipp-trials.ipynb",
        "08-differential-susceptibility.ipynb",
        "11-evidence-to-practice.ipynb",
    )
]  # by name: the method notebooks (e.g. 04-observing-interaction) share the numbers


def _sources(path: Path, kind: str) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == kind
    ]


def test_all_three_notebooks_exist():
    assert [p.name[:2] for p in PART2] == ["07", "08", "11"]
    assert all(p.exists() for p in PART2)


@pytest.mark.parametrize("path", PART2, ids=lambda p: p.stem)
def test_each_notebook_has_two_widgets_and_two_exercises(path):
    code = "\n".join(_sources(path, "code"))
    exercises = re.findall(r"exercises\.exercise\(|_exercise\(\)", code)
    widgets = re.findall(r"explorers\.\w+_explorer\(|grade_widget\(|navigator\(", code)
    assert len(exercises) >= 2, f"{path.name}: fewer than two exercises"
    assert len(widgets) >= 2 or "ck-main-widget" in code, f"{path.name}: fewer than two widgets"


@pytest.mark.parametrize("path", PART2, ids=lambda p: p.stem)
def test_every_exercise_named_in_a_notebook_exists(path):
    names = re.findall(r'exercises\.exercise\("([^"]+)"\)', "\n".join(_sources(path, "code")))
    assert names, path.name
    for name in names:
        assert name in BANK, f"{path.name} uses unknown exercise {name!r}"
        ck.exercises.exercise(name)  # builds without error


def test_figures_drawn_by_notebooks_are_rebuilt_by_the_reproduction_command():
    drawn = set()
    for path in PART2:
        drawn |= set(re.findall(r'figures\.draw\("([^"]+)"\)', "\n".join(_sources(path, "code"))))
    assert drawn, "notebook 04 draws registry figures"
    assert drawn <= set(ck.figures.FIGURES), drawn - set(ck.figures.FIGURES)


def test_read_i2_answer_matches_the_synthetic_data():
    trials = ck.datasets.load("vipp_sd_synthetic")
    behaviour = trials[trials["outcome"] == "parenting behaviour"]
    fit = ck.meta.meta_analysis(data=behaviour, yi="yi", vi="vi", method="REML")
    assert BANK["04.read_i2"]["answer"] == round(fit.i2)
    assert ck.exercises.exercise("04.read_i2").check(str(round(fit.i2))).correct


def test_r_to_d_answer_matches_the_conversion():
    d = float(ck.effect_sizes.r_to_d(0.18)[0])
    assert ck.exercises.exercise("04.r_to_d_behaviour").check(f"{d:.2f}").correct
    assert not ck.exercises.exercise("04.r_to_d_behaviour").check("0.18").correct


def test_grade_exercise_answer_follows_the_grade_rules():
    level = ck.grade.rate("rct", risk_of_bias=1, imprecision=1).level
    exercise = ck.exercises.exercise("06.grade_two_concerns")
    assert exercise.check(level.capitalize()).correct


@pytest.mark.parametrize(
    ("stem", "number", "citation"),
    [
        ("07", "d = 0.33", "2003"),
        ("07", "r = .18", "2023"),
        ("07", "0.46", "Rayce"),
        ("08", "157", "2008"),
        ("08", "r = .33", "2015"),
        ("08", "3,257", "2015"),
        ("11", "1,757", "O'Hara"),
        ("11", "0.61", "Wilson"),
        ("11", "n = 60", "Forman"),
    ],
)
def test_published_numbers_stand_next_to_their_citation(stem, number, citation):
    path = next(p for p in PART2 if p.name.startswith(stem))
    text = "\n".join(_sources(path, "markdown"))
    positions = [m.start() for m in re.finditer(re.escape(number), text)]
    assert positions, f"{number} not in {path.name}"
    for pos in positions:
        window = text[max(0, pos - 600) : pos + 300]
        assert citation in window, f"{number} in {path.name} without {citation} nearby"
