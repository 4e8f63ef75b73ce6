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

The editions are generated, never committed (``build/`` is ignored); see
CONTRIBUTING.md ("Participant and instructor editions").
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
TAG = "instructor"
NOTE_HEADING = re.compile(r"^(?:---\s*\n)?\s*#{2,4}\s*Instructor note", re.MULTILINE)
NOTE_PARAGRAPH = re.compile(r"^(?:---\s*\n)?\*Instructor note\*")
REVEALS = re.compile(r"show_solution|COURSE_KIT_INSTRUCTOR|reveal (?:the )?solutions?", re.I)

INSTRUCTOR_BANNER = (
    "**Instructor edition.** Every exercise shows its worked solution, and the instructor "
    "notes are visible. Give participants the participant edition."
)
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


def _clean_outputs(nb) -> None:
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)


def participant(nb):
    """The participant edition of notebook ``nb`` (a new notebook; ``nb`` is unchanged)."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        if TAG in cell.get("metadata", {}).get("tags", []):
            continue
        if cell.cell_type == "markdown":
            cell.source = _participant_markdown(cell.source)
            if not cell.source.strip():
                continue
        cells.append(cell)
    nb.cells = cells
    _clean_outputs(nb)
    return nb


def instructor(nb):
    """The instructor edition of notebook ``nb``: everything, in instructor mode."""
    nb = copy.deepcopy(nb)
    banner = nbformat.v4.new_markdown_cell(INSTRUCTOR_BANNER, id="instructor-banner")
    setup = nbformat.v4.new_code_cell(INSTRUCTOR_SETUP, id="instructor-setup")
    for cell in (banner, setup):
        cell.metadata["tags"] = [TAG]
    nb.cells = [banner, setup, *nb.cells]
    _clean_outputs(nb)
    return nb


def build(out: Path, sources: list[Path] | None = None) -> dict[str, list[Path]]:
    """Write both editions of each notebook under ``out``; return the paths by edition."""
    sources = sources or sorted((ROOT / "notebooks").glob("*.ipynb"))
    written: dict[str, list[Path]] = {"participant": [], "instructor": []}
    for edition, make in (("participant", participant), ("instructor", instructor)):
        folder = out / edition
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources:
            nb = nbformat.read(source, as_version=4)
            path = folder / source.name
            nbformat.write(make(nb), path)
            written[edition].append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "editions")
    args = parser.parse_args(argv)
    written = build(args.out)
    for edition, paths in written.items():
        print(f"{edition}: {len(paths)} notebooks in {args.out / edition}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
