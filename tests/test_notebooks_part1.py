"""Content checks of notebooks 01-03 (course part 1).

``tests/test_notebooks.py`` executes every notebook and nbval compares the cells
tagged ``nbval-check-output``. This module checks what a run cannot: the
notebook standards (objectives, time, key points, instructor note, widgets,
exercises), that published numbers sit next to their citation, that the
exercise answers agree with the kit's own computations, and that the committed
notebooks are clean.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from course_kit import exercises, teaching
from course_kit.teaching.bank import BANK

ROOT = Path(__file__).resolve().parents[1]
# Keys are the notebooks' exercise prefixes ("02.icc_meaning"), which stayed the same when
# the notebooks were renumbered (course_kit.course.RENAMED); the file names carry the new numbers.
NOTEBOOKS = {
    "01": ROOT / "notebooks" / "01-attachment-and-sensitivity.ipynb",
    "02": ROOT / "notebooks" / "05-scoring-sensitivity.ipynb",
    "03": ROOT / "notebooks" / "06-effect-sizes.ipynb",
}
CHECK = "nbval-check-output"
IGNORE = "nbval-ignore-output"


def _cells(number: str) -> list[dict]:
    nb = json.loads(NOTEBOOKS[number].read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return nb["cells"]


def _markdown(number: str) -> str:
    return "\n\n".join(c["source"] for c in _cells(number) if c["cell_type"] == "markdown")


def _code(number: str) -> list[str]:
    return [c["source"] for c in _cells(number) if c["cell_type"] == "code"]


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _stored_text(number: str) -> str:
    parts = []
    for cell in _cells(number):
        for out in cell.get("outputs", []):
            text = out.get("text") or out.get("data", {}).get("text/plain", "")
            parts.append("".join(text) if isinstance(text, list) else text)
    return "\n".join(parts)


params = pytest.mark.parametrize("number", sorted(NOTEBOOKS))


@params
def test_opens_with_questions_objectives_and_time(number):
    first = _cells(number)[0]
    assert first["cell_type"] == "markdown"
    text = first["source"]
    shown = int(NOTEBOOKS[number].name[:2])
    assert text.startswith(f"# {shown}."), "title with the notebook number"
    assert re.search(r"answers \w+ questions", text)
    assert "Learning objectives" in text
    minutes = {"01": 45, "02": 60, "03": 45}[number]  # as in course_kit/course.py
    assert re.search(rf"\*\*Time:\*\* about {minutes} minutes", text)


@params
def test_ends_with_key_points_and_an_instructor_note(number):
    last = _cells(number)[-1]
    assert last["cell_type"] == "markdown"
    assert "## Key points" in last["source"]
    note = last["source"].split("### Instructor note", 1)
    assert len(note) == 2, "the instructor note is clearly marked"
    assert "Timing" in note[1] and "Discussion prompts" in note[1]
    assert "instructor edition" in note[1], "instructors learn where the solutions are"
    assert "show_solution" not in last["source"], "participants are never told how to reveal them"


@params
def test_at_least_two_widgets_with_a_main_slider(number):
    code = "\n".join(_code(number))
    sliders = re.findall(r"widgets\.\w*Slider\(", code)
    assert len(sliders) >= 2
    assert code.count('add_class("ck-main-widget")') == 1
    assert code.count('add_class("ck-main-output")') == 1


@params
def test_at_least_two_course_exercises_that_exist(number):
    names = re.findall(r'exercise\("([^"]+)"\)', "\n".join(_code(number)))
    assert len(names) >= 2
    for name in names:
        assert name.startswith(f"{number}."), name
        assert name in BANK
        built = exercises.exercise(name)
        assert built.solution and built.hint, f"{name} needs a hint and a solution"
        # the answer is not typed into the notebook, where participants would read it
        assert "answer=" not in "\n".join(_code(number))
    assert len(set(names)) == len(names), "each exercise is used once"


@params
def test_live_cells_are_marked_and_outputs_are_stripped(number):
    for source, cell in ((c["source"], c) for c in _cells(number) if c["cell_type"] == "code"):
        live = "widgets." in source or re.search(r"^exercise\(", source, flags=re.M)
        if live:
            assert IGNORE in _tags(cell), f"live widget cell not tagged:\n{source[:80]}"
        if "# You do not need to read this code" in source:
            assert cell["metadata"]["jupyter"]["source_hidden"], "widget plumbing is folded away"
        if CHECK in _tags(cell):
            # nbval skips ("unrun reference cell has outputs") a check cell without a count
            assert cell["outputs"] and isinstance(cell["execution_count"], int)
        else:
            assert cell.get("outputs", []) == [], f"output not stripped:\n{source[:80]}"
            assert cell.get("execution_count") is None


@params
def test_key_numbers_are_checked_by_nbval(number):
    checked = [c for c in _cells(number) if CHECK in _tags(c)]
    assert len(checked) >= 2
    stored = _stored_text(number)
    expected = {
        "01": ["110 %", "72.2%", "57.8%"],
        "02": ["SYNTHETIC", "77% of the effect is kept", "95% of the effect is kept", "kappa"],
        "03": ["Cohen's d = 0.568", "Hedges' g = 0.562", "0.47", "NNT 5.4"],
    }[number]
    for value in expected:
        assert value in stored, f"{value!r} missing from the stored check outputs"


@params
def test_synthetic_data_are_labelled(number):
    assert "SYNTHETIC" in _markdown(number)


# Published numbers and the citation that must stand near every occurrence (VERIFIED
# rows of the evidence fact sheet).
CITED = {
    "01": [
        (r"r = \.24", "De Wolff"),
        (r"N = 1,099", "De Wolff"),
        (r"65% secure", "Zeanah"),
        (r"about 15%", "van IJzendoorn"),
        (r"d = 0\.33", "Bakermans-Kranenburg"),
    ],
    "02": [
        (r"1 = highly insensitive", "Ainsworth"),
        (r"reference ratings", "course examples"),
    ],
    "03": [
        (r"6\.29", "Rayce"),
        (r"d = 0\.57", "Rayce"),
        (r"\*\*\.18\*\*", "van IJzendoorn"),
        (r"\*\*\.23\*\*", "van IJzendoorn"),
        (r"d = 0\.33", "Bakermans-Kranenburg"),
    ],
}


def _near(text: str, pattern: str, author: str, window: int = 500) -> list[str]:
    """Occurrences of ``pattern`` with no ``author`` within ``window`` characters."""
    missing = []
    for match in re.finditer(pattern, text):
        around = text[max(0, match.start() - window) : match.end() + window]
        if author not in around:
            missing.append(text[max(0, match.start() - 60) : match.end() + 60])
    return missing


@params
def test_published_numbers_stand_next_to_their_citation(number):
    text = _markdown(number)
    for pattern, author in CITED[number]:
        assert re.search(pattern, text), f"{pattern} not found"
        assert not _near(text, pattern, author), f"{pattern} without {author}"


def test_near_finds_an_uncited_number():
    text = "Intro. " + "x" * 600 + " r = .24 in a study." + "y" * 600 + " De Wolff (1997)."
    assert _near(text, r"r = \.24", "De Wolff")
    assert not _near("De Wolff found r = .24.", r"r = \.24", "De Wolff")


# --- the exercise answers agree with the kit -----------------------------------------------


def test_notebook_01_answers():
    less = teaching.security_by_sensitivity(0.24)[1]
    assert exercises.exercise("01.less_sensitive_half").check(f"{100 * less:.1f}").correct
    assert exercises.exercise("01.r_squared").check(100 * 0.24**2).correct
    assert exercises.exercise("01.secure_count").check(0.65 * 200).correct


def test_notebook_03_answers():
    from course_kit.effect_sizes import r_to_d, smd

    bridgeman = dict(m1=6.29, sd1=1.62, n1=42, m2=5.19, sd2=2.30, n2=31)
    d = float(smd(**bridgeman, correct=False).yi[0])
    g = float(smd(**bridgeman, correct=True).yi[0])
    assert exercises.exercise("03.cohens_d").check(d).correct
    assert exercises.exercise("03.cohens_d").check("0,57").correct  # as printed by Rayce et al.
    assert exercises.exercise("03.hedges_g").check(round(g, 3)).correct
    assert not exercises.exercise("03.hedges_g").check(round(d, 3)).correct
    assert exercises.exercise("03.r_to_d").check(float(r_to_d(0.23)[0])).correct
    assert exercises.exercise("03.nnt").check(round(teaching.nnt(0.33), 1)).correct


# --- one set of code cells for every edition (issue 15): notebooks 00-02 and the index ---------

EDITION_NOTEBOOKS = [
    "00-start-here.ipynb",
    "01-attachment-and-sensitivity.ipynb",
    "02-social-learning-and-sensitive-discipline.ipynb",
    "index.ipynb",
]
# keyword arguments that put words on the screen (widgets, plots)
_LABELS = {"description", "xlabel", "ylabel", "title", "label", "placeholder", "tooltip"}
_WORDS = re.compile(r"[A-Za-z]{2,}[,.:;!?']?\s+[A-Za-z]{2,}")


def _english_in_code(source: str) -> list[str]:
    """String literals in a code cell that a participant would read (they belong in texts/)."""
    import ast

    found = []
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _WORDS.search(re.sub(r"<[^>]*>", " ", node.value)):  # words, not HTML markup
                found.append(node.value)
        elif isinstance(node, ast.keyword) and node.arg in _LABELS:
            if isinstance(node.value, ast.Constant | ast.JoinedStr) and re.search(
                r"[A-Za-z]{2,}", ast.unparse(node.value)
            ):
                found.append(ast.unparse(node.value))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
            found.append(ast.unparse(node))
    return found


def test_english_in_code_finds_printed_and_labelled_words():
    assert _english_in_code('print("Sum of the four estimates:", 110, "%")')
    assert _english_in_code('widgets.IntSlider(description="Rating")')
    assert _english_in_code('ax.set(xlabel=f"Rating {r}")')
    assert not _english_in_code('ck.say("cells_01.sum_of_estimates", total=110)')
    assert not _english_in_code('widgets.FloatSlider(description="r", readout_format=".2f")')
    assert not _english_in_code("html = \"<div style='border:4px solid #56B4E9'>\"")


@pytest.mark.parametrize("name", EDITION_NOTEBOOKS)
def test_code_cells_hold_no_participant_facing_english(name):
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            assert not _english_in_code(source), f"{name} [{cell['id']}]: use ck.text/ck.say"


@pytest.mark.parametrize("number", ["01", "02"])
def test_every_code_cell_text_is_used_and_exists(number):
    from course_kit.texts import cells_01, cells_02

    table = {"01": cells_01, "02": cells_02}[number].EN
    [path] = (ROOT / "notebooks").glob(f"{number}-*.ipynb")
    code = "\n".join(
        "".join(c["source"])
        for c in json.loads(path.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "code"
    )
    # a key may be built in a cell: f"cells_01.pattern_{name}" stands for cells_01.pattern_*
    used = [
        re.compile(re.sub(r"\\\{[^}]*\\\}", r"\\w+", re.escape(key)) + "$")
        for key in re.findall(rf"[\"'](cells_{number}\.[^\"']+)[\"']", code)
    ]
    assert used
    for pattern in used:
        assert any(pattern.match(key) for key in table), (
            f"{pattern.pattern} is not in cells_{number}"
        )
    for key in table:
        assert any(pattern.match(key) for pattern in used), f"{key} is not used in {path.name}"


# --- the widgets of notebook 02 (course_kit.teaching.social_widgets) ------------------------


def test_cycle_explorer_follows_its_controls():
    from course_kit.teaching import social_widgets

    box = social_widgets.cycle_explorer()
    calm = box.result.final_escalation
    box.praise.value, box.give_in.value = 0.2, 0.6  # escalation pays more often than calm
    assert box.result.final_escalation > calm
    assert box.result.settings["praise_calm"] == 0.2 and not box.result.settings["parent_learns"]
    box.praise.value = box.give_in.value = 0.5
    flat = box.result.final_escalation
    box.learns.value = True  # the parent learns from the relief: the trap
    assert box.result.final_escalation > flat
    assert box.summary.value == box.result._repr_html_()
    assert box.picture.outputs  # the picture is drawn


def test_cycle_explorer_redraws_the_lines_and_strip_it_shows():
    from course_kit.teaching import social_widgets

    box = social_widgets.cycle_explorer()

    def png():
        return box.picture.outputs[0]["data"]["image/png"]

    first = png()
    box.praise.value = 0.2  # another course and another simulated family
    assert png() != first
    box.learns.value = True  # the picture with the parent's line
    box.learns.value = False
    box.praise.value = 0.6  # back: nothing of the other runs is left over
    assert png() == first


def test_a_cycle_explorer_move_sets_the_data_plot_coercive_cycle_draws(monkeypatch):
    import numpy as np
    from matplotlib.figure import Figure

    from course_kit.method import social_learning as sl
    from course_kit.teaching import social_widgets

    box = social_widgets.cycle_explorer()
    box.learns.value = True  # both kept pictures exist: what follows are moves only
    box.learns.value = False
    plot, drawn = sl.plot_coercive_cycle, []
    monkeypatch.setattr(sl, "plot_coercive_cycle", lambda *a, **k: drawn.append(a))

    def data(ax):
        return [line.get_xydata() for line in ax.lines], [
            np.asarray(segments) for strip in ax.collections for segments in strip.get_segments()
        ]

    for control, value in ((box.praise, 0.2), (box.learns, True), (box.give_in, 0.8)):
        (shown,) = box.pictures.figure.axes  # one axes: no scratch drawing
        before = data(shown)
        control.value = value
        (shown,) = box.pictures.figure.axes
        fresh = plot(box.result, ax=Figure().add_subplot())
        assert len(shown.lines) == len(fresh.lines)
        assert [len(c.get_segments()) for c in shown.collections] == [
            len(c.get_segments()) for c in fresh.collections
        ]
        lines, ticks = data(shown)
        want_lines, want_ticks = data(fresh)
        assert not np.array_equal(lines[0], before[0][0])  # the move changed the picture
        for got, want in zip([*lines, *ticks], [*want_lines, *want_ticks], strict=True):
            np.testing.assert_array_equal(got, want)
        assert [t.get_text() for t in shown.get_legend().get_texts()] == [
            t.get_text() for t in fresh.get_legend().get_texts()
        ]
    assert drawn == []  # a move does not draw the plot again


def test_situation_explorer_counts_the_shown_situations():
    from course_kit.teaching import social_widgets

    box = social_widgets.situation_explorer()
    assert box.run.settings["parent_learns"] and len(box.run.family) == 200
    box.step.value = 0
    assert box.picture.outputs


def test_scene_chooser_comments_each_response_in_the_reader_language():
    from course_kit import i18n
    from course_kit.messages import text
    from course_kit.teaching import social_widgets

    for lang in ("en", "sv"):
        i18n.set_language(lang)
        try:
            box = social_widgets.scene_chooser()
            assert text("social.choose_response") in box.comment.value
            labels = [label for label, _ in box.choice.options]
            assert labels == [text(f"social.response_{n}") for n in social_widgets.RESPONSES]
            for name in social_widgets.RESPONSES:
                box.choice.value = name
                assert text(f"social.scene_{name}") in box.comment.value
        finally:
            i18n.set_language(None)
    # the Swedish labels are not the English ones
    assert text("social.response_harsh") != i18n.translate(
        "social.response_harsh", text("social.response_harsh"), "method_social", "sv"
    )
