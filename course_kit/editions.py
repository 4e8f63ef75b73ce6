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
from course_kit._paths import shipped

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


def source_notebook(name: str, source: Path | None = None) -> dict:
    """The English notebook ``name`` as a JSON dict."""
    folder = Path(source) if source else shipped("notebooks")
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
    folder = Path(source) if source else shipped("notebooks")
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


# ---------------------------------------------------------------------------
# JupyterLab's own interface language

#: JupyterLab language pack (PyPI) of each edition; none exists for Swedish, so the
#: Swedish edition shows JupyterLab's menus in English (the notebooks are Swedish).
LAB_LOCALES = {"en": "en", "nb": "no_NO", "sv": None}
_TRANSLATION_PLUGIN = "@jupyterlab/translation-extension:plugin"


def lab_overrides_path(prefix: str | None = None) -> Path:
    """JupyterLab's default-settings file of an environment (``overrides.json``).

    Settings there are the defaults for everyone who uses the environment (a
    participant can still change them in the Settings menu): the documented way
    for an administrator to preset JupyterLab, e.g. on the course's JupyterHub.
    """
    import sys

    return Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"


def lab_user_settings_path() -> Path:
    """This user's JupyterLab setting of the interface language (what the Settings menu writes)."""
    from jupyter_core.paths import jupyter_config_dir

    return (
        Path(jupyter_config_dir())
        / "lab"
        / "user-settings"
        / "@jupyterlab"
        / "translation-extension"
        / "plugin.jupyterlab-settings"
    )


def set_lab_language(lang: str, prefix: str | None = None, *, user: bool = False) -> str:
    """Make ``lang`` JupyterLab's default interface language where a language pack exists.

    Returns the JupyterLab locale written (``"en"`` when there is no pack, e.g. Swedish).
    Other settings in ``overrides.json`` are kept. With ``user=True`` the setting
    goes into this user's own settings instead, and only if the user has not
    chosen a language yet (on a hub, where the environment is not the user's).
    """
    import importlib.metadata

    lang = i18n.check_language(lang)
    wanted = LAB_LOCALES.get(lang) or "en"
    installed = {ep.name for ep in importlib.metadata.entry_points(group="jupyterlab.languagepack")}
    if wanted != "en" and wanted not in installed:
        wanted = "en"  # the pack is not installed here: English menus rather than a broken setting
    if user:
        path = lab_user_settings_path()
        if not path.exists():  # the participant's own choice in the Settings menu wins
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"locale": wanted}, indent=2) + "\n", encoding="utf-8")
        return wanted
    path = lab_overrides_path(prefix)
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        settings = {}
    if not isinstance(settings, dict):
        settings = {}
    plugin = settings.setdefault(_TRANSLATION_PLUGIN, {})
    if plugin.get("locale") != wanted:
        plugin["locale"] = wanted
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return wanted


def add_arguments(parser) -> None:
    """``course-kit lab-language [--lang L | --workspace DIR] [--prefix P]``."""
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None, help="en, sv or nb")
    parser.add_argument(
        "--workspace", default=None, help="take the language of this workspace (its manifest)"
    )
    parser.add_argument("--prefix", default=None, help="the environment (default: this one)")
    parser.add_argument(
        "--user",
        action="store_true",
        help="set this user's own default instead (kept if already chosen; for JupyterHub)",
    )


def run(args) -> int:
    """Set JupyterLab's interface language to the course's (see :func:`set_lab_language`)."""
    import os

    lang = args.lang or (args.workspace and i18n.workspace_language(args.workspace))
    lang = lang or os.environ.get(i18n.ENV_LANG) or "en"
    try:
        locale = set_lab_language(lang, args.prefix, user=args.user)
    except (ValueError, OSError) as exc:
        print(f"course-kit lab-language: {exc}", file=__import__("sys").stderr)
        return 2
    print(f"JupyterLab interface language: {locale}")
    return 0
