"""Build the participant and the instructor edition of every course notebook.

Both editions come from the one source in ``notebooks/``:

* **participant edition**: instructor notes are left out (a markdown section that
  starts with ``### Instructor note``, a paragraph that starts with
  ``*Instructor note*``, and any cell tagged ``instructor``), and so is any line
  that tells how to show solutions. Exercise widgets never show solutions, and
  ``show_solution()`` answers with a pointer to the instructor edition.
* **instructor edition**: everything, plus a first cell (tagged ``instructor``)
  that switches the kit to instructor mode, so that every exercise shows its
  worked solution under the Check button.

Usage::

    python scripts/make_editions.py                 # into build/editions/{participant,instructor}
    python scripts/make_editions.py --out DIR
    python scripts/make_editions.py --lang sv       # the Swedish ones: build/editions/sv/...

A Swedish or Norwegian edition is made from the translated notebook
(``course_kit.editions``); what is an instructor note is decided on the English
cell, and the same heading or paragraph is left out of the translation (the
translations keep the English cell's markdown structure; a test checks that).

The editions are generated, never committed (``build/`` is ignored); see
CONTRIBUTING.md ("Participant and instructor editions").
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course_kit import editions, i18n, messages  # noqa: E402

TAG = "instructor"
NOTE_HEADING = re.compile(r"^(?:---\s*\n)?\s*#{2,4}\s*Instructor note", re.MULTILINE)
NOTE_PARAGRAPH = re.compile(r"^(?:---\s*\n)?\*Instructor note\*")
REVEALS = re.compile(r"show_solution|COURSE_KIT_INSTRUCTOR|reveal (?:the )?solutions?", re.I)
REVEALS_CODE = re.compile(r"show_solution|COURSE_KIT_INSTRUCTOR")  # the same in every language

INSTRUCTOR_SETUP = (
    "# Instructor edition: exercise widgets show their solutions.\n"
    "import os\n\n"
    'os.environ["COURSE_KIT_INSTRUCTOR"] = "1"'
)


def _participant_markdown(source: str) -> str:
    match = NOTE_HEADING.search(source)
    if match:
        source = source[: match.start()]
    paragraphs = [p for p in re.split(r"\n\s*\n", source) if not NOTE_PARAGRAPH.match(p.strip())]
    kept = "\n\n".join(paragraphs)
    kept = "\n".join(line for line in kept.splitlines() if not REVEALS.search(line))
    return kept.rstrip().removesuffix("---").rstrip()


def _headings(text: str) -> list[int]:
    """Character offsets of the markdown heading lines of ``text``."""
    return [m.start() for m in re.finditer(r"^#{1,6} ", text, re.MULTILINE)]


def _participant_translation(english: str, translated: str) -> str:
    """``translated`` with the parts left out that are instructor notes in ``english``."""
    kept = _participant_markdown(english)
    if kept.strip() == english.strip().removesuffix("---").rstrip():
        return translated
    if not kept.strip():
        return ""
    match = NOTE_HEADING.search(english)
    if match:
        k = sum(1 for start in _headings(english) if start < match.end() - 1) - 1
        starts = _headings(translated)
        if k >= len(starts):
            raise ValueError("the translation has fewer headings than the English cell")
        translated = translated[: starts[k]]
        english = english[: match.start()]
    paragraphs_en = re.split(r"\n\s*\n", english)
    paragraphs_tr = re.split(r"\n\s*\n", translated)
    notes = [i for i, p in enumerate(paragraphs_en) if NOTE_PARAGRAPH.match(p.strip())]
    if notes and len(paragraphs_en) != len(paragraphs_tr):
        raise ValueError("the translation has another number of paragraphs than the English cell")
    kept_tr = "\n\n".join(p for i, p in enumerate(paragraphs_tr) if i not in notes)
    kept_tr = "\n".join(line for line in kept_tr.splitlines() if not REVEALS_CODE.search(line))
    return kept_tr.rstrip().removesuffix("---").rstrip()


def participant_translated(english, translated):
    """The participant edition of a translated notebook, its notes found on the English one."""
    by_id = {cell.id: cell.source for cell in english.cells}
    return _participant_edition(
        translated, lambda cell: _participant_translation(by_id[cell.id], cell.source)
    )


def _clean_outputs(nb) -> None:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)


def participant(nb):
    """The participant edition of notebook ``nb`` (a new notebook; ``nb`` is unchanged)."""
    return _participant_edition(nb, lambda cell: _participant_markdown(cell.source))


def _participant_edition(nb, markdown):
    """A copy of ``nb`` for participants: no instructor cells, no outputs.

    ``markdown(cell)`` gives the participant's text of a markdown cell; a cell it
    leaves empty is dropped.
    """
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "markdown":
            cell.source = markdown(cell)
            if not cell.source.strip():
                continue
        cells.append(cell)
    nb.cells = cells
    _clean_outputs(nb)
    return nb


def instructor(nb, lang: str = "en"):
    """The instructor edition of notebook ``nb``: everything, in instructor mode."""
    nb = copy.deepcopy(nb)
    with i18n.using(lang):
        text = messages.text("editions.instructor_banner")
    banner = nbformat.v4.new_markdown_cell(text, id="instructor-banner")
    setup = nbformat.v4.new_code_cell(INSTRUCTOR_SETUP, id="instructor-setup")
    for cell in (banner, setup):
        cell.metadata["tags"] = [TAG]
    nb.cells = [banner, setup, *nb.cells]
    _clean_outputs(nb)
    return nb


def build(out: Path, sources: list[Path] | None = None, lang: str = "en") -> dict[str, list[Path]]:
    """Write both editions of each notebook under ``out``; return the paths by edition."""
    sources = sources or sorted((ROOT / "notebooks").glob("*.ipynb"))
    written: dict[str, list[Path]] = {"participant": [], "instructor": []}
    for edition in written:
        folder = out / edition
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources:
            english = nbformat.read(source, as_version=4)
            if lang == "en":
                nb = participant(english) if edition == "participant" else instructor(english)
            else:
                raw = editions.translate_notebook(_json(source), lang, source.name)
                translated = nbformat.from_dict(raw)
                for cell in translated.cells:  # as nbformat.read gives them: one string
                    if isinstance(cell.source, list):
                        cell.source = "".join(cell.source)
                nb = (
                    participant_translated(english, translated)
                    if edition == "participant"
                    else instructor(translated, lang)
                )
            path = folder / source.name
            nbformat.write(nb, path)
            written[edition].append(path)
    return written


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "editions")
    parser.add_argument(
        "--lang",
        choices=["en", "sv", "nb", "all"],
        default="all",
        help="English into OUT, Swedish/Norwegian into OUT/sv, OUT/nb (default: all three)",
    )
    args = parser.parse_args(argv)
    for lang in ("en", "sv", "nb") if args.lang == "all" else (args.lang,):
        out = args.out if lang == "en" else args.out / lang
        written = build(out, lang=lang)
        for edition, paths in written.items():
            print(f"{lang} {edition}: {len(paths)} notebooks in {out / edition}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
