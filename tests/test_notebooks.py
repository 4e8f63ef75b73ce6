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
