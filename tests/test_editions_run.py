"""Every notebook of the Swedish and the Norwegian edition, run as a participant runs it.

A workspace is made with ``course-kit workspace init --lang sv`` (what
``make lab LANG=sv`` does) and each notebook is executed there, its kernel in the
workspace (so the kit takes the workspace's language, as in JupyterLab). What the
cells show (printed text, tables, HTML, figures' alt text, and every widget's
labels, options and contents) must hold no English sentence of the kit's message
tables and no English number format in the kit's messages: the issue's "nothing
English shows except names, citations and R code for reviewers".
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from course_kit import i18n, messages, workspace

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["sv", "nb"])
def edition(request, tmp_path_factory):
    lang = request.param
    ws = tmp_path_factory.mktemp(f"edition-{lang}") / "kurs"
    workspace.init(ws, source=ROOT / "notebooks", lang=lang)
    with i18n.using(lang):
        english = sorted(
            {
                english
                for key, english in messages.EN.items()
                if "{" not in english and len(english) >= 25 and messages.text(key) != english
            },
            key=len,
            reverse=True,
        )
    return lang, ws, english


WIDGET = "application/vnd.jupyter.widget-view+json"


def _seen(out) -> str:
    """What JupyterLab shows of one output: a widget (its state is read separately), the
    HTML form if there is one, else the plain text."""
    if out.get("output_type") == "stream":
        return "" if out.get("name") == "stderr" else out.get("text", "")
    data = out.get("data", {})
    if WIDGET in data:
        return ""
    for mime in ("text/html", "text/markdown", "text/plain"):
        if mime in data:
            value = data[mime]
            value = "".join(value) if isinstance(value, list) else value
            if mime == "text/html":
                # <code> is code or a version number (3.11.7, 1.71): written as it is
                value = re.sub(r"<code>.*?</code>", " ", value, flags=re.S)
                value = html.unescape(
                    re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", value, flags=re.S)
                )
            return value
    return ""


def _widget_texts(nb) -> list[str]:
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    parts = []
    for model in state.get("state", {}).values():
        st = model.get("state", {})
        for key in ("description", "value", "placeholder", "tooltip", "_options_labels"):
            value = st.get(key)
            if isinstance(value, str):
                parts.append(html.unescape(re.sub(r"<[^>]+>", " ", value)))
            elif isinstance(value, list):
                parts += [v for v in value if isinstance(v, str)]
    return parts


def _shown(nb) -> str:
    """Everything a participant can read in the executed notebook's outputs and widgets."""
    parts = [_seen(o) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    return "\n".join(parts + _widget_texts(nb))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_notebook_of_the_edition_runs_and_shows_no_english(edition, name):
    import nbformat
    from nbclient import NotebookClient

    lang, ws, english = edition
    nb = nbformat.read(ws / name, as_version=4)
    assert nb.metadata["course_kit"]["language"] == lang
    NotebookClient(
        nb,
        timeout=240,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(ws)}},
    ).execute()
    stderr = [
        "".join(o.get("text", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if o.get("name") == "stderr" and "for-reviewers" not in c.metadata.get("tags", [])
    ]
    assert not stderr, f"{lang} {name}: warnings or errors:\n" + "\n".join(stderr)
    shown = _shown(nb)
    left = [s for s in english if s in shown]
    assert not left, f"{lang} {name}: English on screen:\n" + "\n".join(left[:10])
    # numbers the kit writes: no decimal point ("0.45" -> "0,45"); reviewer cells (R code,
    # full model output) are exempt, and so is a number the cell's own code holds (an
    # example of what a participant may type, e.g. "1:23.5")
    decimal = re.compile(r"(?<![\w.:])\d+\.\d+(?![\w.])")
    for cell in nb.cells:
        if cell.cell_type != "code" or "for-reviewers" in cell.metadata.get("tags", []):
            continue
        for out in cell.get("outputs", []):
            for number in decimal.findall(_seen(out)):
                assert number in cell.source, (
                    f"{lang} {name} cell {cell.id}: a decimal point in {_seen(out)[:300]!r}"
                )
