"""The language of the course: which edition a participant reads, and its catalogs.

English is the reference edition; Swedish (``"sv"``) and Norwegian bokmål
(``"nb"``) come from gettext catalogs (``.po`` files, managed with Babel), one per
message table, in ``course_kit/locale/<lang>/<domain>.po``. Each entry has the
message key as its context (``msgctxt``) and the English text as its ``msgid``,
so a changed English text shows up as an out-of-date translation.

The language is, in this order: :func:`set_language`; the ``COURSE_KIT_LANG``
environment variable (the hub sets it for a whole course); the ``lang`` of the
participant's workspace (``course-kit workspace init --lang sv``, or
``make lab LANG=sv``), found from the current folder upwards; English.

Numbers in a message follow the language too: ``{d:.2f}`` prints ``0.45`` in
English and ``0,45`` in Swedish and Norwegian (Babel's CLDR number formats).

Examples
--------
>>> from course_kit import i18n
>>> i18n.format_message("d = {d:.2f}", {"d": -0.456}, lang="sv")
'd = −0,46'
>>> i18n.format_message("{share:.0%} of {n}", {"share": 0.65, "n": 200}, lang="nb")
'65\\xa0% of 200'
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import string
from decimal import Decimal
from pathlib import Path

from course_kit._paths import MANIFEST

__all__ = [
    "ENV_LANG",
    "LANGUAGES",
    "LOCALES",
    "REVIEW_STATUS",
    "catalog_path",
    "check_language",
    "dataset_text",
    "format_message",
    "format_value",
    "get_language",
    "language_name",
    "po_translations",
    "review_status",
    "set_language",
    "translate",
    "using",
    "workspace_language",
]

#: The editions of the course, English first (the reference).
LANGUAGES = ("en", "sv", "nb")
#: CLDR locale of each edition (numbers, dates).
LOCALES = {"en": "en_GB", "sv": "sv_SE", "nb": "nb_NO"}
ENV_LANG = "COURSE_KIT_LANG"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
_chosen: str | None = None


def check_language(lang) -> str:
    """``lang`` as an edition code (``"sv"``, ``"nb"``, ``"en"``; ``"no"`` and ``"sv_SE"`` too).

    Raises
    ------
    ValueError
        If ``lang`` is not an edition of the course.
    """
    code = str(lang).strip().lower().replace("_", "-")
    code = {"no": "nb", "nb-no": "nb", "sv-se": "sv", "en-gb": "en", "en-us": "en"}.get(code, code)
    if code not in LANGUAGES:
        raise ValueError(
            f"language {lang!r} is not an edition of the course: use one of {', '.join(LANGUAGES)}"
        )
    return code


def set_language(lang: str | None) -> None:
    """Use ``lang`` (``"en"``, ``"sv"`` or ``"nb"``) from now on; ``None`` goes back to the default.

    Examples
    --------
    >>> from course_kit import i18n
    >>> i18n.set_language("sv")
    >>> i18n.get_language()
    'sv'
    >>> i18n.set_language(None)
    """
    global _chosen
    _chosen = None if lang is None else check_language(lang)


@contextlib.contextmanager
def using(lang: str | None):
    """Use ``lang`` inside a ``with`` block, then go back to what was chosen before.

    Examples
    --------
    >>> from course_kit import i18n, messages
    >>> with i18n.using("en"):
    ...     messages.text("exercises.check_button")
    'Check'
    """
    global _chosen
    before = _chosen
    _chosen = None if lang is None else check_language(lang)
    try:
        yield
    finally:
        _chosen = before


def workspace_language(folder) -> str | None:
    """The edition of the participant's workspace that holds ``folder``, if any.

    The ``lang`` of the first workspace manifest (``.course-kit.json``) found in
    ``folder`` or a folder above it.

    Parameters
    ----------
    folder : path-like
        A workspace, or a folder inside one.

    Returns
    -------
    str or None
        ``"en"``, ``"sv"`` or ``"nb"``; None when there is no manifest or its
        ``lang`` is missing or not an edition of the course.
    """
    here = Path(folder).expanduser().absolute()
    for candidate in (here, *here.parents):
        try:
            data = json.loads((candidate / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        lang = data.get("lang") if isinstance(data, dict) else None
        try:
            return check_language(lang) if lang else None
        except ValueError:
            return None
    return None


# get_language asks for every message a cell prints: one look per folder
_workspace_language = functools.lru_cache(maxsize=64)(workspace_language)


def get_language() -> str:
    """The language of the current edition (see the module docstring for the order)."""
    if _chosen:
        return _chosen
    env = os.environ.get(ENV_LANG, "").strip()
    if env:
        try:
            return check_language(env)
        except ValueError:
            pass  # a wrong setting must not break the course: fall back to the workspace
    try:
        cwd = os.getcwd()
    except OSError:
        return "en"
    return _workspace_language(cwd) or "en"


def language_name(lang: str) -> str:
    """The name of an edition in its own language, e.g. ``'svenska'``."""
    return {"en": "English", "sv": "svenska", "nb": "norsk bokmål"}[check_language(lang)]


def catalog_path(lang: str, domain: str, root: Path | None = None) -> Path:
    """Where the ``.po`` catalog of ``domain`` in ``lang`` lives."""
    return (root or LOCALE_DIR) / lang / f"{domain}.po"


@functools.cache
def po_translations(path: Path) -> dict[str, str]:
    """``{msgctxt: msgstr}`` of a ``.po`` file: translated, not fuzzy entries only.

    A missing file is an empty catalog (everything stays English).
    """
    path = Path(path)
    if not path.is_file():
        return {}
    from babel.messages.pofile import read_po  # only the sv/nb editions need Babel

    with path.open("rb") as fh:
        catalog = read_po(fh, abort_invalid=False)
    return {
        m.context: m.string
        for m in catalog
        if m.id and m.context and isinstance(m.string, str) and m.string and not m.fuzzy
    }


def _translations(lang: str, domain: str) -> dict[str, str]:
    return {} if lang == "en" else po_translations(catalog_path(lang, domain))


def translate(key: str, english: str, domain: str, lang: str | None = None) -> str:
    """The translation of ``english`` (message ``key`` of ``domain``), or the English text.

    A message with no translation yet falls back to English; the tests make sure
    no catalog ships with one missing.
    """
    lang = lang or get_language()
    if lang == "en":
        return english
    return _translations(lang, domain).get(key, english)


def dataset_text(dataset: str, row_id, column: str, english: str, lang: str | None = None) -> str:
    """A free-text value of a dataset written for the course, in the reader's language.

    Only columns marked ``"translate": true`` in ``datasets/<dataset>.schema.json``
    have translations (published values, such as study names, stay as published).

    Examples
    --------
    >>> dataset_text("method_cases", "C1", "title", "A tired father", lang="en")
    'A tired father'
    """
    return translate(f"{row_id}:{column}", english, f"datasets/{dataset}", lang)


#: What the course owner still has to have checked (``locale/<lang>/review.json``).
REVIEW_STATUS = {
    "source": "English reference edition",
    "machine": "translated; awaiting review by a native-speaking clinician",
    "reviewed": "reviewed by a native-speaking clinician",
}


def review_status(lang: str) -> dict[str, str]:
    """``{catalog: status}`` of an edition, e.g. ``{"notebooks/07-...": "machine"}``.

    A status is a key of :data:`REVIEW_STATUS`. The course owner sets
    ``"reviewed"`` in ``course_kit/locale/<lang>/review.json`` when a
    native-speaking clinician has checked a catalog; anything not listed is
    ``"machine"``. English is the reference edition (an empty dict).
    """
    if check_language(lang) == "en":
        return {}
    try:
        data = json.loads((LOCALE_DIR / lang / "review.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if v in REVIEW_STATUS}


# ---------------------------------------------------------------------------
# numbers in the reader's locale

_SPEC = re.compile(
    r"^(?P<align>.?[<>=^])?(?P<sign>[+\- ])?(?P<z>z)?(?P<alt>#)?(?P<zero>0)?(?P<width>\d+)?"
    r"(?P<group>[,_])?(?:\.(?P<prec>\d+))?(?P<type>[eEfFgGn%d])?$"
)


def _is_number(value) -> bool:
    import numbers

    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def format_value(value, spec: str = "", lang: str | None = None) -> str:
    """``format(value, spec)`` in the reader's locale (Babel), for ``f``, ``%``, ``d`` and ``g`` specs.

    The number is rounded exactly as Python rounds it, so every edition shows the
    same digits; only the decimal mark, the grouping, the minus sign and the
    percent sign follow the locale. Anything else is formatted as Python does.

    Examples
    --------
    >>> format_value(1234.5, ",.1f", lang="sv"), format_value(0.071, ".1%", lang="nb")
    ('1\\xa0234,5', '7,1\\xa0%')
    >>> format_value(5.14e-21, ".3g", lang="sv")
    '5,14e−21'

    """
    lang = lang or get_language()
    english = format(value, spec)
    if lang == "en" or not _is_number(value):
        return english
    return _localised(english, spec, lang, isinstance(value, int))


# Cached because a figure asks for the same few tick labels on every draw and layout pass
# (thousands of calls per notebook), and each call would look up Babel's locale data anew.
# The key is Python's English text of the number, so -0.0 and 0.0 never share a result.
@functools.lru_cache(maxsize=4096)
def _localised(english: str, spec: str, lang: str, integer: bool) -> str:
    """The locale's form of ``english`` (``format(value, spec)``): see :func:`format_value`."""
    match = _SPEC.match(spec)
    if not match:
        return english
    kind = match["type"] or ("d" if integer and not match["prec"] else "g")
    exponent = re.fullmatch(r"\s*([-+ ]?\d+(?:\.(\d+))?)[eE]([-+]\d+)\s*", english)
    if exponent:  # 5.14e-21 -> 5,14e−21: the mantissa the local way, the exponent's minus too
        mantissa = format_value(float(exponent[1]), f".{len(exponent[2] or '')}f", lang)
        text = mantissa + "e" + exponent[3].replace("-", "\N{MINUS SIGN}")
        return format(text, f"{match['align'] or '>'}{match['width']}") if match["width"] else text
    if kind in "eEgGn" and not re.fullmatch(r"[-+ ]?\d+(\.\d+)?%?", english.strip()):
        return english  # nan, inf: leave as Python writes it
    if kind == "d" and not match["group"]:
        return english.replace("-", "\N{MINUS SIGN}")  # years, counts: 2005, not 2 005
    import babel.numbers as bn
    from babel import Locale

    locale = Locale.parse(LOCALES[lang])
    raw = english.strip().lstrip("+ ").rstrip("%").replace(",", "").replace("_", "")
    digits = len(raw.partition(".")[2])
    number = Decimal(raw) / (100 if kind == "%" else 1)
    # The locale's own pattern (e.g. "#,##0 %" in Swedish) with Python's digits.
    formats = locale.percent_formats if kind == "%" else locale.decimal_formats
    pattern = bn.parse_pattern(formats[None].pattern)
    pattern.frac_prec = (digits, digits)
    if not match["group"]:
        pattern.grouping = (99, 99)  # "{n:.1f}" of 1234.5 stays 1234,5, as in English
    text = pattern.apply(number, locale, decimal_quantization=False)
    text = text.replace("-", bn.get_minus_sign_symbol(locale))
    if match["sign"] == "+" and not text.startswith(("-", "\N{MINUS SIGN}")):
        text = "+" + text
    if match["width"]:
        align = match["align"] or ">"
        text = format(text, f"{align}{match['width']}")
    return text


class _LocaleFormatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, format_spec):
        return format_value(value, format_spec, self.lang)


def format_message(template: str, values: dict, lang: str | None = None) -> str:
    """``template.format(**values)`` with numbers in the locale of ``lang``."""
    lang = lang or get_language()
    if lang == "en":
        return template.format(**values)
    return _LocaleFormatter(lang).vformat(template, (), values)
