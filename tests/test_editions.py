"""Participant and instructor editions built from the same notebooks (scripts/make_editions.py).

The participant edition must not reveal solutions by any documented call and
hides the instructor notes; the instructor edition shows both.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from course_kit.teaching import exercises

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "notebooks").glob("*.ipynb"))
REVEALING = re.compile(r"show_solution|COURSE_KIT_INSTRUCTOR|Instructor note", re.I)


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "make_editions", ROOT / "scripts" / "make_editions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    written = _load_script().build(out)
    return out, written


def _text(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"])


def test_both_editions_have_every_notebook(editions):
    _, written = editions
    for edition in ("participant", "instructor"):
        assert sorted(p.name for p in written[edition]) == [p.name for p in SOURCES]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_participant_edition_never_tells_how_to_reveal_solutions(editions, source):
    out, _ = editions
    text = _text(out / "participant" / source.name)
    assert not REVEALING.search(text), REVEALING.search(text)
    # nothing else was lost: every exercise and every code cell of the source is there
    source_nb = json.loads(source.read_text(encoding="utf-8"))
    participant_nb = json.loads((out / "participant" / source.name).read_text(encoding="utf-8"))
    code = lambda nb: ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]  # noqa: E731
    assert code(participant_nb) == code(source_nb)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_instructor_edition_keeps_the_notes_and_switches_solutions_on(editions, source):
    out, _ = editions
    nb = json.loads((out / "instructor" / source.name).read_text(encoding="utf-8"))
    setup = "".join(nb["cells"][1]["source"])
    assert 'os.environ["COURSE_KIT_INSTRUCTOR"] = "1"' in setup
    if "Instructor note" in _text(source):
        assert "Instructor note" in _text(out / "instructor" / source.name)


def test_show_solution_is_for_instructors_only(monkeypatch):
    ex = exercises.exercise("03.nnt")
    monkeypatch.delenv("COURSE_KIT_INSTRUCTOR", raising=False)
    assert ex.solution not in ex.show_solution().data
    assert "instructor edition" in ex.show_solution().data
    assert "ck-exercise-solution" not in str(ex.widget().children)
    monkeypatch.setenv("COURSE_KIT_INSTRUCTOR", "1")
    assert "ck-exercise-solution" in ex.show_solution().data


@pytest.mark.slow
def test_run_editions_show_solutions_only_to_instructors(editions):
    """Run notebook 11 (evidence to practice) in both editions: only the instructor's widgets hold a solution."""
    import nbformat
    from nbclient import NotebookClient

    out, _ = editions
    shown = {}
    for edition in ("participant", "instructor"):
        path = out / edition / "11-evidence-to-practice.ipynb"
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb,
            timeout=180,
            kernel_name="python3",
            store_widget_state=True,
            resources={"metadata": {"path": str(ROOT / "notebooks")}},
        ).execute()
        state = json.dumps(nb.metadata.get("widgets", {}))
        shown[edition] = "ck-exercise-solution" in state
    assert shown == {"participant": False, "instructor": True}


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_swedish_and_norwegian_editions_leave_out_what_the_english_one_leaves_out(
    editions, tmp_path, lang
):
    import course_kit.editions as ck_editions

    english_out, _ = editions
    script = _load_script()
    written = script.build(tmp_path, lang=lang)
    assert sorted(p.name for p in written["participant"]) == [p.name for p in SOURCES]
    for source in SOURCES:
        english = json.loads((english_out / "participant" / source.name).read_text("utf-8"))
        mine = json.loads((tmp_path / "participant" / source.name).read_text("utf-8"))
        assert [c["id"] for c in mine["cells"]] == [c["id"] for c in english["cells"]]
        full = ck_editions.translate_notebook(
            json.loads(source.read_text("utf-8")), lang, source.name
        )
        full_text = {c["id"]: "".join(c["source"]) for c in full["cells"]}
        original = {
            c["id"]: "".join(c["source"]) for c in json.loads(source.read_text("utf-8"))["cells"]
        }
        for en_cell, cell in zip(english["cells"], mine["cells"], strict=True):
            shortened = "".join(en_cell["source"]).strip() != original[en_cell["id"]].strip()
            if cell["cell_type"] == "markdown" and shortened:
                # an instructor note was cut from this cell: from the translation too
                assert len("".join(cell["source"])) < len(full_text[cell["id"]])
        instructor = json.loads((tmp_path / "instructor" / source.name).read_text("utf-8"))
        assert instructor["metadata"]["course_kit"]["language"] == lang
        assert "COURSE_KIT_INSTRUCTOR" in "".join(instructor["cells"][1]["source"])


def _controls(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _controls(child)


@pytest.mark.slow
def test_no_control_label_is_cut_short():
    """ipywidgets cuts a control's label at 80 px and a toggle button's text at its fixed
    width ("Sant mön…", "Observationsstud…"): a label of more than about ten characters
    must be given its full width. The English edition here; the Swedish and Norwegian
    ones are measured on the rendered page (tests/browser/test_editions_in_browser.py)."""
    lang = "en"
    from course_kit import datasets, evidence, grade, i18n
    from course_kit.teaching import explorers

    trials = datasets.load("vipp_sd_synthetic")
    with i18n.using(lang):
        panels = {
            "heterogeneity": explorers.heterogeneity_explorer(trials),
            "file drawer": explorers.file_drawer_explorer(true_d=0.30, k=25, seed=4),
            "susceptibility": explorers.susceptibility_explorer(sizes=(60, 157), seed=7),
            "pattern": explorers.pattern_explorer(n=200, seed=3),
            "navigator": evidence.navigator(),
            "grade": grade.grade_widget(),
        }
    cut = []
    for name, panel in panels.items():
        for control in _controls(panel):
            style = getattr(control, "style", None)
            label = getattr(control, "description", "")
            if label and len(label) > 10 and not getattr(style, "description_width", ""):
                cut.append(f"{name}: {label!r}")
            if hasattr(style, "button_width") and not style.button_width:
                long = [o for o in getattr(control, "_options_labels", ()) if len(o) > 14]
                cut += [f"{name}: button {o!r}" for o in long]
    assert not cut, f"{lang}: labels cut short:\n" + "\n".join(cut)
