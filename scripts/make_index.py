"""Write the course map into ``notebooks/index.ipynb``, its translations, and the README.

The map itself lives in ``course_kit/course.py``; this script renders it. The
index's Swedish and Norwegian text is rendered the same way from the ``course``
catalog (``course_kit/locale/<lang>/course.po``, keys in ``course_kit/texts/course.py``)
and written into the index's notebook catalog (``locale/<lang>/notebooks/index.po``),
so that each word of the map is translated once. Until the ``course`` catalog of a
language is complete, the index's entries stay empty there (and ``scripts/i18n.py
check`` reports them). ``--check`` exits with 1 when a file is out of date (used by
the tests).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course_kit import i18n  # noqa: E402
from course_kit.course import LEARNING_OBJECTIVES, NOTEBOOKS, WORDS, text  # noqa: E402

START, END = "<!-- course-map:start", "<!-- course-map:end -->"
# scripts/i18n.py, for the catalog format (the same header and layout as its `update`)
_spec = importlib.util.spec_from_file_location("i18n_catalogs", ROOT / "scripts" / "i18n.py")
CATALOGS = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(CATALOGS)


def _stem(file: str) -> str:
    return file.removesuffix(".ipynb")


def table(link_prefix: str, lang: str = "en") -> str:
    head = [text(f"course.col.{c}", lang) for c in ("day", "notebook", "minutes", "able_to")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
    for nb in NOTEBOOKS:
        stem = _stem(nb["file"])
        link = f"[{text(f'course.title.{stem}', lang)}]({link_prefix}{nb['file']})"
        day = text(f"course.day.{nb['day']}", lang)
        objectives = text(f"course.objectives.{stem}", lang)
        lines.append(f"| {day} | {link} | {nb['minutes']} | {objectives} |")
    return "\n".join(lines)


def objectives_table(link_prefix: str, lang: str = "en") -> str:
    """The course plan's learning objectives and the notebook sections that teach them."""
    head = [text(f"course.col.{c}", lang) for c in ("goal", "taught_in")]
    lines = ["| " + " | ".join(head) + " |", "|---|---|"]
    for goal in LEARNING_OBJECTIVES:
        where = "; ".join(
            f"[{text(f'course.title.{_stem(file)}', lang)}]({link_prefix}{file}), "
            + text(
                "course.taught_in",
                lang,
                number=number,
                title=text(f"course.section.{_stem(file)}.{number}", lang),
            )
            for file, number, _ in goal["sections"]
        )
        # The Swedish edition shows the course plan's own words; the others add them.
        if lang == "sv":
            objective = goal["sv"]
        else:
            key = goal["key"]
            objective = f"{text(f'course.goal.{key}', lang)} (*{goal['sv']}*)"
        lines.append(f"| {objective} | {where} |")
    return "\n".join(lines)


def index_cells(lang: str = "en") -> dict[str, str]:
    """``{cell id: markdown}`` of the index notebook in ``lang``."""
    return {
        "intro": text("course.index_intro", lang),
        "map": table("", lang),
        "objectives": text("course.index_objectives", lang) + "\n\n" + objectives_table("", lang),
        "status": text("course.index_status", lang),
    }


def index_notebook() -> str:
    cells = [
        {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": source}
        for cell_id, source in index_cells().items()
    ]
    # the review status of the reader's edition, in the reader's language
    cells.append(
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "status-table",
            "metadata": {"tags": ["nbval-ignore-output"]},
            "outputs": [],
            "source": "import course_kit as ck\n\nck.course.translation_status()",
        }
    )
    nb = {
        "cells": cells,
        "metadata": {
            "kernelspec": {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            },
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def index_catalog(lang: str) -> bytes:
    """``locale/<lang>/notebooks/index.po``: the index's cells, rendered from the course catalog."""
    import io

    from babel.messages.pofile import write_po

    done = i18n.po_translations(i18n.catalog_path(lang, "course"))
    complete = set(WORDS) <= set(done)
    english, translated = index_cells("en"), index_cells(lang)
    catalog = CATALOGS._template(lang, "notebooks/index", english.items())
    for cell_id, source in english.items():
        catalog.get(source, context=cell_id).string = translated[cell_id] if complete else ""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, ignore_obsolete=True, include_previous=True)
    data = re.sub(rb'"POT-Creation-Date: [^"]*"\n', b"", buffer.getvalue())
    return re.sub(rb'"PO-Revision-Date: [^"]*"\n', b"", data)


def readme(source: str) -> str:
    block = f"{START} (generated by scripts/make_index.py from course_kit/course.py) -->\n"
    block += table("notebooks/") + "\n\n" + objectives_table("notebooks/") + "\n" + END
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), flags=re.S)
    if not pattern.search(source):
        raise SystemExit("README.md lacks the course-map markers")
    return pattern.sub(lambda _: block, source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    targets = {
        ROOT / "notebooks" / "index.ipynb": index_notebook().encode("utf-8"),
        ROOT / "README.md": readme((ROOT / "README.md").read_text(encoding="utf-8")).encode(),
    }
    for lang in CATALOGS.LANGS:
        targets[i18n.catalog_path(lang, "notebooks/index")] = index_catalog(lang)
    stale = [p for p, new in targets.items() if not p.exists() or p.read_bytes() != new]
    if args.check:
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)} (run python scripts/make_index.py)")
        return 1 if stale else 0
    for p in stale:
        p.write_bytes(targets[p])
    return 0


if __name__ == "__main__":
    sys.exit(main())
