"""Keep the Swedish and Norwegian catalogs in step with the English source.

Three kinds of English text are translated, each into ``.po`` catalogs under
``course_kit/locale/<lang>/`` (Babel reads and writes them):

* the kit's messages (``course_kit/messages.py``, ``course_kit/texts/*.py``):
  one catalog per file, ``msgctxt`` = key;
* the notebooks' markdown cells and code comments: ``notebooks/<stem>.po``,
  ``msgctxt`` = cell id (``"<cell id>#<n>"`` for the n-th comment of a code cell);
* the free-text columns of datasets written for the course (marked ``"translate": true``
  in their schema): ``datasets/<name>.po``, ``msgctxt`` = ``"<row id>:<column>"``;
  code shows such a value with :func:`course_kit.i18n.dataset_text`.

Usage::

    python scripts/i18n.py update          # add new English text, mark changed text fuzzy
    python scripts/i18n.py check           # what is missing, fuzzy or broken (exit 1 if any)
    python scripts/i18n.py check --lang sv --domain notebooks/07-meta-analysis-of-vipp-trials
    python scripts/i18n.py build --lang sv --out build/sv   # the Swedish notebooks
    python scripts/i18n.py fill --lang sv --domain method --from sv-method.json
        # {context: translation} from a JSON file into the catalog (clears "fuzzy")

A translator fills in ``msgstr`` (any PO editor works: Poedit, Lokalize, VS Code)
and removes the ``#, fuzzy`` flag once a changed entry is checked.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from course_kit import datasets, editions, i18n, messages  # noqa: E402

LANGS = [lang for lang in i18n.LANGUAGES if lang != "en"]
LANG_TEAM = {"sv": "Swedish", "nb": "Norwegian Bokmål"}


def templates() -> dict[str, list[tuple[str, str]]]:
    """``{domain: [(context, english), ...]}`` for every catalog, in source order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for key, english in messages.EN.items():
        out.setdefault(messages.DOMAINS[key], []).append((key, english))
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        out[f"notebooks/{path.stem}"] = editions.notebook_entries(nb)
    out.update(dataset_entries())
    return out


def dataset_entries() -> dict[str, list[tuple[str, str]]]:
    """``{"datasets/<name>": [(context, english), ...]}`` for datasets with translated columns."""
    out = {}
    found = datasets.catalog()
    for name in found.loc[found["available"], "name"]:
        columns = datasets.translated_columns(name)
        if not columns:
            continue
        schema = datasets.schema(name)
        key = schema.get("primaryKey") or schema["fields"][0]["name"]
        keys = [key] if isinstance(key, str) else key  # a composite key: "S01-4"
        entries = out.setdefault(f"datasets/{name}", [])
        path = datasets.data_dir() / datasets.resource(name)["path"]
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for column in columns:
                    if row[column].strip():
                        row_id = "-".join(row[k] for k in keys)
                        entries.append((f"{row_id}:{column}", row[column]))
    return out


def _read(path: Path, lang: str) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, abort_invalid=True)


def _write(path: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, ignore_obsolete=True, include_previous=True)
    data = re.sub(rb'"POT-Creation-Date: [^"]*"\n', b"", buffer.getvalue())
    data = re.sub(rb'"PO-Revision-Date: [^"]*"\n', b"", data)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def _template(lang: str, domain: str, entries) -> Catalog:
    catalog = Catalog(
        locale=lang,
        project="VIPP-SD course kit",
        language_team=LANG_TEAM[lang],
        fuzzy=False,
        header_comment=(
            f"# {LANG_TEAM[lang]} translation of the VIPP-SD course kit: {domain}.\n"
            "# Made from the English source by scripts/i18n.py; see CONTRIBUTING.md (Translations)."
        ),
    )
    for context, english in entries:
        catalog.add(english, context=context)
    return catalog


def update(langs, domains=None) -> None:
    for lang in langs:
        for domain, entries in templates().items():
            if domains and domain not in domains:
                continue
            path = i18n.catalog_path(lang, domain, ROOT / "course_kit" / "locale")
            template = _template(lang, domain, entries)
            if path.is_file():
                catalog = _read(path, lang)
                catalog.update(template, no_fuzzy_matching=False)
                # keep the template's order: the order of the source, for translators
                ordered = _template(lang, domain, [])
                for context, english in entries:
                    ordered[english] = catalog.get(english, context=context)
                catalog = ordered
            else:
                catalog = template
            _write(path, catalog)


def fill(lang: str, domain: str, source: Path) -> int:
    """Put ``{context: translation}`` from the JSON file ``source`` into one catalog."""
    path = i18n.catalog_path(lang, domain, ROOT / "course_kit" / "locale")
    catalog = _read(path, lang)
    wanted = json.loads(Path(source).read_text(encoding="utf-8"))
    by_context = {m.context: m for m in catalog if m.id and m.context}
    unknown = sorted(set(wanted) - set(by_context))
    if unknown:
        raise SystemExit(f"{path.name}: no entries with the contexts {unknown[:10]}")
    for context, translation in wanted.items():
        message = by_context[context]
        message.string = translation
        message.flags.discard("fuzzy")
        message.previous_id = ()
    _write(path, catalog)
    return len(wanted)


def catalog_entries(lang: str, domain: str) -> dict[str, tuple[str, str]]:
    """``{context: (english, translation)}`` of one catalog (translation ``""`` if missing or fuzzy)."""
    path = i18n.catalog_path(lang, domain, ROOT / "course_kit" / "locale")
    if not path.is_file():
        return {}
    return {
        m.context: (m.id, "" if m.fuzzy else m.string)
        for m in _read(path, lang)
        if m.id and m.context
    }


def fields(text: str) -> set[str]:
    """The ``{placeholders}`` of a message (their names and format specs)."""
    try:
        return {f"{n}:{s}" for _, n, s, _ in string.Formatter().parse(text) if n is not None}
    except ValueError:
        return {"<unbalanced braces>"}


URL = re.compile(r"\]\(([^)\s]+)\)|https?://\S+")


def problems(lang: str, domain: str, entries) -> list[str]:
    """What is wrong with one catalog: missing, fuzzy, or a translation that breaks."""
    path = i18n.catalog_path(lang, domain, ROOT / "course_kit" / "locale")
    if not path.is_file():
        return [f"{path.relative_to(ROOT)}: missing (run: python scripts/i18n.py update)"]
    catalog = _read(path, lang)
    found = []
    is_message = not domain.startswith(("notebooks/", "datasets/"))
    for context, english in entries:
        where = f"{path.relative_to(ROOT)} [{context}]"
        message = catalog.get(english, context=context)
        if message is None:
            found.append(f"{where}: not in the catalog (run: python scripts/i18n.py update)")
        elif not message.string:
            found.append(f"{where}: not translated")
        elif message.fuzzy:
            found.append(f"{where}: fuzzy (the English changed; check and remove the flag)")
        elif is_message and fields(message.string) != fields(english):
            found.append(
                f"{where}: placeholders {sorted(fields(message.string))} "
                f"differ from the English {sorted(fields(english))}"
            )
        elif not is_message and sorted(URL.findall(message.string)) != sorted(URL.findall(english)):
            found.append(f"{where}: the links differ from the English")
        elif not is_message and english.count("$") != message.string.count("$"):
            found.append(f"{where}: the formulas ($...$) differ from the English")
    return found


def check(langs, domains=None) -> list[str]:
    found = []
    for lang in langs:
        for domain, entries in templates().items():
            if not domains or domain in domains:
                found += problems(lang, domain, entries)
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["update", "check", "build", "stats", "fill"])
    parser.add_argument("--lang", choices=LANGS, action="append", help="default: sv and nb")
    parser.add_argument("--domain", action="append", help="only this catalog (repeatable)")
    parser.add_argument("--out", type=Path, help="build: the folder for the notebooks")
    parser.add_argument("--from", dest="source", type=Path, help="fill: a JSON file")
    args = parser.parse_args(argv)
    langs = args.lang or LANGS
    if args.command == "update":
        update(langs, args.domain)
        return 0
    if args.command == "fill":
        if not (args.lang and len(args.lang) == 1 and args.domain and len(args.domain) == 1):
            parser.error("fill needs one --lang, one --domain and --from")
        n = fill(args.lang[0], args.domain[0], args.source)
        print(f"{n} entries filled")
        return 0
    if args.command == "build":
        for lang in langs:
            out = args.out or ROOT / "build" / "editions" / lang
            paths = editions.build(lang, out, ROOT / "notebooks")
            print(f"{lang}: {len(paths)} files in {out}")
        return 0
    if args.command == "stats":
        for lang in langs:
            for domain, entries in templates().items():
                words = sum(len(e.split()) for _, e in entries)
                n = len(problems(lang, domain, entries))
                print(f"{lang}  {domain:55s} {len(entries):4d} entries {words:6d} words  {n} open")
        return 0
    found = check(langs, args.domain)
    print("\n".join(found) if found else "Every catalog is complete.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
