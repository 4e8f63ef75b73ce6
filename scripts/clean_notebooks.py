"""Strip generated output from course notebooks before they are committed.

Keeps only the outputs of cells tagged ``nbval-check-output`` (key numbers
that nbval compares), and only their text parts. Execution counts, widget state
and other run-time metadata are removed everywhere, so the diff of a notebook
shows what a person wrote, not what a run produced.

nbval's instructions live in cell tags (``nbval-check-output``,
``nbval-ignore-output``), not in ``# NBVAL_...`` comments, so that participants
never see test-harness markers in the code. A leading marker comment is moved
into the cell's tags.

Usage::

    python scripts/clean_notebooks.py notebooks/*.ipynb     # rewrite in place
    python scripts/clean_notebooks.py --check notebooks/*.ipynb  # exit 1 if dirty
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

CHECK_TAG = "nbval-check-output"
# marker comment -> the nbval tag that replaces it
MARKER_TAGS = {
    "# NBVAL_CHECK_OUTPUT": CHECK_TAG,
    "# NBVAL_IGNORE_OUTPUT": "nbval-ignore-output",
    "# NBVAL_SKIP": "nbval-skip",
    "# NBVAL_RAISES_EXCEPTION": "raises-exception",
}
TEXT_MIME = ("text/plain",)


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _marker_to_tag(cell: dict) -> None:
    """Move a leading ``# NBVAL_...`` comment line into the cell's tags."""
    lines = _source(cell).splitlines(keepends=True)
    while lines and lines[0].strip() in MARKER_TAGS:
        tag = MARKER_TAGS[lines.pop(0).strip()]
        tags = cell.setdefault("metadata", {}).setdefault("tags", [])
        if tag not in tags:
            tags.append(tag)
    cell["source"] = lines


def tags(cell: dict) -> list[str]:
    """The cell's tags (an empty list when it has none)."""
    return cell.get("metadata", {}).get("tags", [])


def clean(nb: dict) -> dict:
    """Return a cleaned copy of a notebook given as a JSON dict."""
    nb = json.loads(json.dumps(nb))
    nb.get("metadata", {}).pop("widgets", None)
    # nbval refuses a checked cell with outputs but no execution count, so
    # checked cells are numbered 1, 2, ... (stable), all others get None.
    count = 0
    for cell in nb.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
        if cell.get("cell_type") != "code":
            continue
        if _source(cell).lstrip().startswith("# NBVAL_"):
            _marker_to_tag(cell)
        keep = CHECK_TAG in tags(cell)
        outputs = []
        if keep:
            count += 1
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream" and out.get("name") == "stdout":
                    outputs.append(out)
                elif out.get("output_type") in ("execute_result", "display_data"):
                    data = {k: v for k, v in out.get("data", {}).items() if k in TEXT_MIME}
                    if data:
                        outputs.append(
                            {
                                "output_type": "execute_result",
                                "data": data,
                                "metadata": {},
                                "execution_count": count,
                            }
                        )
        cell["outputs"] = outputs
        cell["execution_count"] = count if keep else None
    return nb


def _dump(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="only report dirty notebooks")
    args = parser.parse_args(argv)
    dirty = []
    for path in args.paths:
        original = path.read_text(encoding="utf-8")
        cleaned = _dump(clean(json.loads(original)))
        if cleaned != original:
            dirty.append(path)
            if not args.check:
                path.write_text(cleaned, encoding="utf-8")
    if args.check and dirty:
        print("Not clean (run scripts/clean_notebooks.py):", *map(str, dirty), sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
