"""Content checks of the method notebooks (social learning, programme, observation).

``tests/test_notebooks.py`` executes every notebook; this module checks the
notebook standards a run cannot see: questions, objectives, time budget (as in
the course map), key points, instructor note, at least two interactive
demonstrations and two self-checks, folded widget plumbing, stripped outputs,
labels on taught models and written scenes, and that method claims stand next
to their source.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_kit import course, exercises, method

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {
    "social": "02-social-learning-and-sensitive-discipline.ipynb",
    "programme": "03-the-vipp-sd-programme.ipynb",
    "observing": "04-observing-interaction.ipynb",
}
CHECK = "nbval-check-output"
IGNORE = "nbval-ignore-output"
params = pytest.mark.parametrize("key", sorted(NOTEBOOKS))


def _cells(key: str) -> list[dict]:
    nb = json.loads((ROOT / "notebooks" / NOTEBOOKS[key]).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return nb["cells"]


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _markdown(key: str) -> str:
    return "\n\n".join(c["source"] for c in _cells(key) if c["cell_type"] == "markdown")


def _code(key: str) -> str:
    return "\n".join(c["source"] for c in _cells(key) if c["cell_type"] == "code")


@params
def test_opens_with_questions_objectives_and_time(key):
    first = _cells(key)[0]["source"]
    number = int(NOTEBOOKS[key][:2])
    assert first.startswith(f"# {number}.")
    assert re.search(r"answers \w+ questions", first)
    assert "Learning objectives" in first
    minutes = {nb["file"]: nb["minutes"] for nb in course.NOTEBOOKS}[NOTEBOOKS[key]]
    assert re.search(rf"\*\*Time:\*\* about {minutes} minutes", first)


@params
def test_ends_with_key_points_and_an_instructor_note(key):
    last = _cells(key)[-1]["source"]
    assert "## Key points" in last
    note = last.split("### Instructor note", 1)
    assert len(note) == 2
    assert "Timing" in note[1] and "Discussion prompts" in note[1]
    assert "COURSE_KIT_INSTRUCTOR=1" in note[1]


@params
def test_two_demonstrations_one_main_widget(key):
    code = _code(key)
    demos = [
        c
        for c in _cells(key)
        if c["cell_type"] == "code"
        and re.search(
            r"widgets\.VBox\(|(observation|programme_widgets|social_widgets)\.\w+\(", c["source"]
        )
    ]
    demos = [c for c in demos if not c["source"].startswith(f"{IGNORE}\nexercise(")]
    assert len(demos) >= 2
    assert code.count('add_class("ck-main-widget")') == 1
    assert code.count('add_class("ck-main-output")') == 1


@params
def test_at_least_two_self_checks_that_exist(key):
    names = re.findall(r'^exercise\("([^"]+)"\)', _code(key), flags=re.M)
    assert len(names) >= 2 and len(set(names)) == len(names)
    for name in names:
        assert name.startswith(f"{key}.") and name in method.bank()
        built = exercises.exercise(name)
        assert built.hint and built.solution
    assert "answer=" not in _code(key)


@params
def test_live_cells_are_tagged_and_outputs_are_stripped(key):
    for cell in (c for c in _cells(key) if c["cell_type"] == "code"):
        source = cell["source"]
        assert not source.startswith("# NBVAL"), "nbval markers are cell tags now"
        if "widgets." in source or re.search(r"^exercise\(|observation\.", source, flags=re.M):
            assert IGNORE in _tags(cell), source[:80]
        if "# You do not need to read this code" in source:
            assert cell["metadata"]["jupyter"]["source_hidden"]
        if CHECK in _tags(cell):
            assert cell["outputs"] and isinstance(cell["execution_count"], int)
        else:
            assert cell.get("outputs", []) == [] and cell.get("execution_count") is None


@params
def test_models_and_scenes_are_labelled(key):
    text = _markdown(key)
    assert "written for this course" in text
    assert "course authors' judgement" in text
    if key == "social":
        assert "TEACHING MODEL" in text
    if key == "observing":
        assert "SYNTHETIC" in text


# Method claims and the source that must stand near every occurrence.
CITED = {
    "social": [
        (r"Patterson", r"1982|VIPP-SD International"),
        (r"6 to 12 months|6–12 months", r"VIPP-SD International"),
        (r"empathic, clear and consistent", r"No Punish"),
        (r"time-outs? to de-escalate", r"HomVEE"),
        (r"Hoffman", r"2000"),
    ],
    "programme": [
        (r"7 visits of about 2 hours", r"VIPP-SD International"),
        (r"three to four weeks", r"No Punish"),
        (r"10–30 minutes", r"No Punish"),
        (r"don't touch", r"FAQ"),
        (r"subtitles", r"van IJzendoorn"),
        (r"first person", r"FAQ"),
        (r"aged \*\*1 to 6\*\*", r"Leiden"),
        (r"90 minutes", r"Ramchandani"),
    ],
    "observing": [
        (r"speaking for the child", r"van IJzendoorn"),
        (r"Ainsworth", r"1974"),
        (r"expert on the(ir)? child", r"VIPP-SD International"),
        (r"scripted but tailored|adjusted to each parent", r"No Punish"),
        (r"\"don't touch\" moment", r"FAQ"),
    ],
}


def _uncited(text: str, pattern: str, source: str, window: int = 500) -> list[str]:
    missing = []
    for match in re.finditer(pattern, text):
        around = text[max(0, match.start() - window) : match.end() + window]
        if not re.search(source, around):
            missing.append(text[max(0, match.start() - 60) : match.end() + 60])
    return missing


@params
def test_method_claims_stand_next_to_their_source(key):
    text = _markdown(key)
    for pattern, source in CITED[key]:
        assert re.search(pattern, text), f"{pattern} not found"
        assert not _uncited(text, pattern, source), f"{pattern} without {source}"


def test_uncited_finds_a_claim_without_source():
    text = "x" * 600 + " 7 visits of about 2 hours " + "y" * 600
    assert _uncited(text, r"7 visits", r"VIPP-SD International")


def test_programme_tables_in_english_are_unchanged_and_swedish_in_sv():
    from course_kit import i18n
    from course_kit.method import programme

    visits = programme.visits()
    assert programme.display(visits).equals(visits)  # English: the stored table itself
    i18n.set_language("sv")
    try:
        shown = programme.display(programme.visits())
        assert list(shown.columns) == ["besök", "namn", "filmas", "film från besök", "fas", "källa"]
        assert shown["filmas"].tolist() == ["ja"] * 6 + ["nej"]
        assert shown["namn"].iloc[0] == "Introduktionsbesök"
        assert shown["källa"].tolist() == visits["source"].tolist()  # citations as published
        themes = programme.display(programme.themes(age_months=9))
        assert set(themes["del"]) == {"lyhördhet"}
    finally:
        i18n.set_language(None)


def test_described_sources_follow_the_reader_and_keep_their_url():
    from course_kit import i18n
    from course_kit.messages import EN
    from course_kit.method import sources

    for key in sources.DESCRIBED:  # the English description is the one in SOURCES
        assert EN[sources.message_key(key)] == sources.SOURCES[key][0]
    english = sources.cite("NOPUNISH")
    i18n.set_language("sv")
    try:
        swedish = sources.cite("NOPUNISH")
        assert "beskrivning av VIPP-SD" in swedish and swedish != english
        assert swedish.endswith(f"({sources.SOURCES['NOPUNISH'][1]})")
        assert sources.cite("MVIJ") == "M. H. van IJzendoorn, 'Video-feedback Intervention' (" + (
            sources.SOURCES["MVIJ"][1] + ")"
        )  # a title as published stays
    finally:
        i18n.set_language(None)


def test_the_order_demonstration_shows_no_scene_an_exercise_below_asks_about():
    # The demonstration lists a scene's reference fragments in order, praise first: for a
    # scene that an exercise below asks "which fragment first?" about, it is the answer.
    cells = _cells("observing")
    at = next(i for i, c in enumerate(cells) if "fragment_order(" in c["source"])
    shown = set(re.findall(r"S0\d", cells[at]["source"]))
    asked = set()
    for cell in cells[at + 1 :]:
        for key in re.findall(r'exercise\("([\w.]+)"\)', cell["source"]):
            asked |= set(re.findall(r"S0\d", exercises.exercise(key).question))
    assert shown and asked, "the demonstration or the exercises below it were not found"
    assert not shown & asked, f"the demonstration shows the answer for {sorted(shown & asked)}"
