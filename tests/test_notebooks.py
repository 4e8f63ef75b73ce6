"""Every course notebook runs top to bottom in a fresh kernel, cleanly.

nbval (``pytest notebooks/``) checks that no cell fails and compares the key
numbers of cells tagged ``nbval-check-output``. This module adds what nbval's
lax mode does not look at: nothing is written to stderr (no warnings), the
course map matches, and the notebook standards hold. Run times are reported by
``benchmarks/bench_notebooks.py``, not asserted here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def execute(path: Path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=180,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return nb


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=lambda p: p.stem)
def executed(request):
    return request.param, execute(request.param)


def test_no_warnings_or_errors_in_output(executed):
    path, nb = executed
    problems = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append(f"cell {i}: error {out.get('ename')}: {out.get('evalue')}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                problems.append(f"cell {i}: stderr: {out.get('text', '')[:300]}")
            text = json.dumps(out.get("data", {}))
            if re.search(r"\b\w*Warning\b:", text):
                problems.append(f"cell {i}: a warning in the output")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


def test_a_first_figure_on_a_new_account_shows_no_font_cache_warning(tmp_path, monkeypatch):
    """A participant's first figure builds matplotlib's font cache (once per user, so once
    per participant on a course hub); when that takes over 5 s matplotlib logs an English
    warning, which the kernel shows as a pink output. The kit keeps it out of the notebook."""
    import nbformat

    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))  # a new account: no cache
    cells = [
        "import course_kit as ck\nck.style.use_course_style()",
        # what matplotlib logs when building the cache is slow (a busy hub, a slow laptop)
        "import logging\nimport matplotlib.pyplot as plt\n"
        "logging.getLogger('matplotlib.font_manager').warning("
        "'Matplotlib is building the font cache; this may take a moment.')\n"
        "fig, ax = plt.subplots()\nax.plot([0, 1])\nplt.show()",
    ]
    path = tmp_path / "first-figure.ipynb"
    nbformat.write(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), path
    )
    nb = execute(path)
    stderr = [
        o.get("text", "")
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("name") == "stderr" or o.get("output_type") == "error"
    ]
    assert not stderr, stderr
    assert (tmp_path / "mpl").is_dir()  # the cache was built for this account
    assert any("image/png" in o.get("data", {}) for o in nb.cells[1].outputs)


def _markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join(
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in nb["cells"]
        if c["cell_type"] == "markdown"
    )


def test_notebook_shows_a_main_widget(executed):
    """Every notebook displays a main widget and its output for the browser tests."""
    path, nb = executed
    if path.name == "index.ipynb":
        pytest.skip("the index has no widgets")
    state = json.dumps(nb.metadata.get("widgets", {}))
    assert "ck-main-widget" in state, f"{path.name}: no widget with class ck-main-widget"
    assert "ck-main-output" in state, f"{path.name}: no output with class ck-main-output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_opens_with_questions_and_time_and_ends_with_key_points(path):
    if path.name == "index.ipynb":
        pytest.skip("the index is a table of contents")
    text = _markdown(path)
    assert re.search(r"\bTime\b", text), f"{path.name}: no time budget"
    assert re.search(r"key points", text, flags=re.I), f"{path.name}: no key points"
    assert re.search(r"instructor note", text, flags=re.I), f"{path.name}: no instructor note"


# --- what a person sees (issue 16): figures, no raw reprs, no answers above exercises -------

# A cell that calls one of these draws a figure (widget cells draw into their own output).
_DRAWS = re.compile(
    r"figures\.draw\(|plt\.show\(\)|\.plot\([^()]*\)\s*;?\s*$|drawings\.\w+\(", flags=re.M
)
_WIDGET = "application/vnd.jupyter.widget-view+json"
_IMAGES = ("image/png", "image/svg+xml")
# What a front end shows as text when an object has no HTML or picture of its own.
_RAW_REPR = re.compile(
    r"object at 0x[0-9a-f]+|^<[\w.]+[ :]|^\w+(Result|Exercise|Feedback)\(|^\w+\(\w+=<", flags=re.M
)


def _code_cells(nb):
    return [(i, cell) for i, cell in enumerate(nb.cells) if cell.cell_type == "code"]


def test_every_cell_that_draws_a_figure_shows_an_image(executed):
    path, nb = executed
    missing = []
    for i, cell in _code_cells(nb):
        if not _DRAWS.search(cell.source):
            continue
        data = [out.get("data", {}) for out in cell.outputs]
        if any(_WIDGET in d for d in data):
            continue  # the picture is inside a widget: the browser tests look at it
        if not any(mime in d for d in data for mime in _IMAGES):
            missing.append(f"cell {i}: {cell.source.strip().splitlines()[-1][:70]}")
    assert not missing, f"{path.name}: cells that draw but show no image:\n" + "\n".join(missing)


def _visible_text(out) -> str:
    """The text a person sees for one output (HTML and pictures hide text/plain)."""
    if out.get("output_type") == "stream":
        return out.get("text", "")
    data = out.get("data", {})
    if "text/html" in data:
        return re.sub(r"<[^>]+>", " ", data["text/html"])
    if "text/markdown" in data:
        return data["text/markdown"]
    if set(data) - {"text/plain"}:
        return ""  # a widget, a picture or another rich output is shown instead
    return data.get("text/plain", "")


def test_no_cell_shows_a_raw_object_repr(executed):
    path, nb = executed
    found = []
    for i, cell in _code_cells(nb):
        for out in cell.outputs:
            match = _RAW_REPR.search(_visible_text(out))
            if match:
                found.append(f"cell {i}: {match.group(0)!r} from {cell.source.strip()[-60:]!r}")
    assert not found, f"{path.name} shows raw Python objects:\n" + "\n".join(found)


_CUT_CELL = re.compile(r"<td>[^<]*\.\.\.</td>")  # pandas' mark of a cell cut at max_colwidth


def test_no_table_cell_is_cut_short(executed):
    # pandas cuts a cell at 50 characters; participants' tables hold whole sentences
    path, nb = executed
    found = [
        f"cell {i}: {match.group(0)}"
        for i, cell in _code_cells(nb)
        for out in cell.outputs
        for match in _CUT_CELL.finditer(out.get("data", {}).get("text/html", ""))
    ]
    assert not found, f"{path.name} cuts table cells:\n" + "\n".join(found)


def test_raw_repr_pattern_finds_what_it_should():
    assert _RAW_REPR.search("InteractionResult(model=<statsmodels.Wrapper object at 0x7f59>")
    assert _RAW_REPR.search("<matplotlib.axes._axes.Axes at 0x7f>")
    assert _RAW_REPR.search("<Axes: title={'center': 'x'}>")
    assert not _RAW_REPR.search("Pooled g = 0.35 (95% CI 0.27 to 0.42)")


# Exercises whose task is to read a number from the output above them, on purpose.
_READING_EXERCISES = {"04.read_i2"}
_EXERCISE_CALL = re.compile(r"""(?:\bexercise|exercises\.course)\(\s*["']([\w.]+)["']""")


def _answer_spellings(spec: dict) -> list[str]:
    """How a numeric answer would be printed, at the precision the exercise accepts."""
    import math

    answer, tolerance = float(spec["answer"]), float(spec["tolerance"])
    first = max(0, math.ceil(-math.log10(2 * tolerance))) if tolerance > 0 else 2
    spellings = []
    for decimals in (first, first + 1):
        shown = f"{answer:.{decimals}f}"
        if abs(float(shown) - answer) <= tolerance + 1e-12:
            spellings.append(shown)
    return spellings


def test_answer_spellings():
    assert _answer_spellings({"answer": 0.568, "tolerance": 0.006}) == ["0.57", "0.568"]
    assert _answer_spellings({"answer": 130, "tolerance": 0.5}) == ["130", "130.0"]


def test_no_exercise_answer_is_shown_above_the_exercise(executed):
    from course_kit.teaching.bank import BANK

    path, nb = executed
    seen: list[str] = []  # markdown and outputs above the current cell
    exposed = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            for name in _EXERCISE_CALL.findall(cell.source):
                spec = BANK.get(name, {})
                if spec.get("kind") != "numeric" or name in _READING_EXERCISES:
                    continue
                above = "\n".join(seen)
                for shown in _answer_spellings(spec):
                    if re.search(rf"(?<![\d.,]){re.escape(shown)}(?!\d)", above):
                        exposed.append(f"cell {i}: {name} answer {shown} is shown above it")
            seen.extend(_visible_text(out) for out in cell.outputs)
        else:
            seen.append(cell.source)
    assert not exposed, f"{path.name}:\n" + "\n".join(exposed)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_reviewer_cells_are_labelled_and_folded(path):
    """Technical output stays available, folded, under a visible "For reviewers" label."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    for i, cell in enumerate(cells):
        if "for-reviewers" not in cell.get("metadata", {}).get("tags", []):
            continue
        folded = cell["metadata"].get("jupyter", {})
        assert folded.get("source_hidden") and folded.get("outputs_hidden"), cell["id"]
        label = "".join(cells[i - 1]["source"])
        assert cells[i - 1]["cell_type"] == "markdown" and "For reviewers" in label, cell["id"]
        assert "".join(cell["source"]).startswith("# For reviewers"), cell["id"]


def test_reviewer_output_stays_folded_after_running(executed):
    """JupyterLab unfolds a folded output when its cell runs (Run All), so a reviewer
    cell's output must fold itself: a closed <details> under a one-line summary."""
    path, nb = executed
    for _, cell in _code_cells(nb):
        if "for-reviewers" not in cell.metadata.get("tags", []):
            continue
        shown = [o for o in cell.outputs if o.get("output_type") != "stream"]
        assert cell.outputs and len(shown) == len(cell.outputs), (path.name, cell.id)
        for out in shown:
            page = "".join(out.get("data", {}).get("text/html", ""))
            assert re.match(r"<details(?![^>]*\bopen\b)[^>]*><summary>[^<]+</summary>", page), (
                path.name,
                cell.id,
                page[:200],
            )


def test_researcher_output_is_only_in_reviewer_cells():
    """R code, leave-one-out and model-comparison tables are for reviewers only."""
    researcher = re.compile(
        r"metafor_code\(|leave_one_out\(random\)\.round|models\.round|^fit$|folded\(", re.M
    )
    for path in NOTEBOOKS:
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code" and researcher.search(source):
                assert "for-reviewers" in cell["metadata"].get("tags", []), (path.name, source)
