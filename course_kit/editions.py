"""The Swedish and Norwegian editions of the notebooks, made from the English source.

One set of code cells serves every edition. A translated notebook is the English
notebook with

* each markdown cell replaced by its translation (catalog entry ``msgctxt`` =
  the cell's id, ``msgid`` = the English cell),
* each code comment replaced by its translation (``msgctxt`` =
  ``"<cell id>#<n>"``, the n-th comment of the cell); the code itself is
  untouched, and what a code cell prints comes from :mod:`course_kit.messages`
  in the reader's language,
* no stored outputs (they are English), and
* ``metadata.course_kit`` telling its language and review status.

The catalogs are ``course_kit/locale/<lang>/notebooks/<notebook stem>.po``.
``scripts/i18n.py update`` writes new English text into them, ``check`` tells
what is missing; see CONTRIBUTING.md ("Translations").

Examples
--------
>>> from course_kit import editions
>>> nb = editions.translate_notebook(editions.source_notebook("00-start-here.ipynb"), "sv")
>>> nb["metadata"]["course_kit"]["language"]
'sv'
"""

from __future__ import annotations

import copy
import io
import json
import tokenize
from pathlib import Path

from course_kit import i18n

__all__ = [
    "REVIEW_STATUS",
    "build",
    "code_without_comments",
    "comments",
    "notebook_entries",
    "review_status",
    "source_notebook",
    "translate_notebook",
]

REVIEW_STATUS = i18n.REVIEW_STATUS
review_status = i18n.review_status


def _source_dir() -> Path:
    from course_kit.workspace import source_dir

    return source_dir()


def source_notebook(name: str, source: Path | None = None) -> dict:
    """The English notebook ``name`` as a JSON dict."""
    folder = Path(source) if source else _source_dir()
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _text(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def comments(code: str) -> list[tuple[tuple[int, int], str]]:
    """``[((row, col), text), ...]`` of every ``#`` comment in ``code`` (IPython magics skipped)."""
    found = []
    lines = [
        "" if line.lstrip().startswith(("%", "!")) else line
        for line in code.splitlines(keepends=True)
    ]
    try:
        for tok in tokenize.generate_tokens(io.StringIO("".join(lines)).readline):
            if tok.type == tokenize.COMMENT:
                found.append((tok.start, tok.string))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []
    return found


def code_without_comments(code: str) -> str:
    """``code`` with every comment removed (what must be the same in every edition)."""
    lines = code.splitlines(keepends=True)
    for (row, col), _ in reversed(comments(code)):
        line = lines[row - 1]
        lines[row - 1] = line[:col].rstrip() + ("\n" if line.endswith("\n") else "")
    return "".join(line for line in lines if line.strip())


def _comment_body(token: str) -> str:
    return token[1:].strip()


def notebook_entries(nb: dict) -> list[tuple[str, str]]:
    """``[(context, english), ...]``: what a translator translates in ``nb``, in order."""
    entries = []
    for cell in nb["cells"]:
        text = _text(cell)
        if not text.strip():
            continue
        if cell["cell_type"] == "markdown":
            entries.append((cell["id"], text))
        elif cell["cell_type"] == "code":
            for n, (_, token) in enumerate(comments(text)):
                body = _comment_body(token)
                if body and not body.startswith(("noqa", "type:", "fmt:")):
                    entries.append((f"{cell['id']}#{n}", body))
    return entries


def _split_source(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _catalog(lang: str, stem: str) -> dict[str, str]:
    return i18n.po_translations(i18n.catalog_path(lang, f"notebooks/{stem}"))


def translate_notebook(nb: dict, lang: str, name: str | None = None) -> dict:
    """The ``lang`` edition of the English notebook ``nb`` (a new dict).

    Parameters
    ----------
    nb : dict
        The English notebook (JSON, nbformat 4).
    lang : {"sv", "nb", "en"}
        The edition. ``"en"`` returns a copy with the language in its metadata.
    name : str, optional
        File name of the notebook (its catalog is named after it). Default: the
        ``metadata.course_kit.name`` of ``nb``, else the title.
    """
    out = copy.deepcopy(nb)
    stem = Path(name).stem if name else out.get("metadata", {}).get("course_kit", {}).get("name")
    table = _catalog(lang, stem) if lang != "en" and stem else {}
    for cell in out["cells"]:
        text = _text(cell)
        if cell["cell_type"] == "markdown" and cell.get("id") in table:
            cell["source"] = _split_source(table[cell["id"]])
        elif cell["cell_type"] == "code":
            lines = text.splitlines(keepends=True)
            for n, ((row, col), token) in reversed(list(enumerate(comments(text)))):
                body = _comment_body(token)
                translated = table.get(f"{cell['id']}#{n}")
                if translated and body:
                    line = lines[row - 1]
                    end = col + len(token)
                    lines[row - 1] = line[:col] + "# " + translated + line[end:]
            cell["source"] = lines
            if lang != "en":
                cell["outputs"] = []  # the stored outputs are the English edition's
                cell["execution_count"] = None
    status = "source" if lang == "en" else review_status(lang).get(f"notebooks/{stem}", "machine")
    meta = out.setdefault("metadata", {}).setdefault("course_kit", {})
    meta.update(
        {
            "language": lang,
            "review_status": status,
            "review_status_text": REVIEW_STATUS.get(status, status),
        }
    )
    return out


def dumps(nb: dict) -> str:
    """A notebook as Jupyter writes it (one-space indent, UTF-8, final newline)."""
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def build(lang: str, out: Path, source: Path | None = None) -> list[Path]:
    """Write the ``lang`` edition of every notebook in ``source`` to ``out``; return the paths.

    Files other than notebooks (data next to them) are copied as they are.
    """
    i18n.check_language(lang)
    folder = Path(source) if source else _source_dir()
    out = Path(out)
    written = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_file() or any(p.startswith(".") or p == "__pycache__" for p in rel.parts):
            continue
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".ipynb":
            nb = json.loads(path.read_text(encoding="utf-8"))
            target.write_text(dumps(translate_notebook(nb, lang, path.name)), encoding="utf-8")
        else:
            target.write_bytes(path.read_bytes())
        written.append(target)
    return written
