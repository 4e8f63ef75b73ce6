"""The Swedish and Norwegian catalogs: complete, current, and in the glossary's terms."""

from __future__ import annotations

import re

import pytest
from test_i18n import EDITIONS, TEMPLATES, TOOL

from course_kit import i18n

CATALOGS = [(lang, domain) for lang in EDITIONS for domain in TEMPLATES]


@pytest.mark.parametrize(
    ("lang", "domain"), CATALOGS, ids=[f"{lang}:{dom}" for lang, dom in CATALOGS]
)
def test_every_catalog_is_complete_current_and_keeps_placeholders_links_and_formulas(lang, domain):
    found = TOOL.problems(lang, domain, TEMPLATES[domain])
    assert not found, "\n".join(found[:20]) + f"\n({len(found)} problems in all)"


@pytest.mark.parametrize("lang", EDITIONS)
def test_no_catalog_holds_text_the_english_source_no_longer_has(lang):
    from babel.messages.pofile import read_po

    stale = []
    for path in sorted((i18n.LOCALE_DIR / lang).rglob("*.po")):
        domain = path.relative_to(i18n.LOCALE_DIR / lang).with_suffix("").as_posix()
        if domain not in TEMPLATES:
            stale.append(f"{path.name}: no English source (a removed table or notebook?)")
            continue
        wanted = set(TEMPLATES[domain])
        with path.open("rb") as fh:
            have = {(m.context, m.id) for m in read_po(fh) if m.id}
        stale += [f"{domain} [{c}]" for c, _ in sorted(have - wanted, key=str)]
    assert not stale, "out of date (run: python scripts/i18n.py update):\n" + "\n".join(stale)


# --- the glossary: established terms, not literal translations ---------------------

# (English pattern, Swedish must contain one of, Norwegian must contain one of);
# ../shared/i18n/glossary.md gives the sources. Only unambiguous core terms.
CORE_TERMS = [
    (r"(?<![\w-])attachment(?![\w-])", ("anknyt",), ("tilknyt",)),  # not in file names
    (r"\bStrange Situation\b", ("främmande",), ("fremmedsituasjon",)),
    (r"\blimit[- ]setting\b", ("gräns",), ("grense",)),
    (r"\bpractice family\b", ("övningsfamilj",), ("øvingsfamilie",)),
    (r"\bmeta-analys[ie]s\b", ("metaanalys",), ("metaanalyse",)),
    (r"\beffect sizes?\b", ("effektstorlek", "effektmått"), ("effektstørrelse", "effektmål")),
    (r"\bsupervis(?:or|ion)\b", ("handled",), ("veiled",)),
]
# Entries that keep an original text instead: the learning objectives are quoted
# verbatim from the Swedish course plan (../shared/seeds/000), which words them its own way.
# The Norwegian index quotes the Swedish original of each objective after its translation.
VERBATIM = {("sv", "course", "course.goal.theory"), ("nb", "notebooks/index", "objectives")}
# Words the glossary's "traps" section rules out.
FORBIDDEN = {
    "sv": [r"\btillknytning", r"konstiga situationen", r"\btuktan\b"],
    "nb": [
        r"\banknytning",
        r"\blydhør",
        r"\busikker tilknytning",
        r"\brefselse\b",
        r"den fremmede situasjonen",
    ],
}


def _entries(lang):
    for domain in TEMPLATES:
        for context, message in TOOL.catalog_entries(lang, domain).items():
            yield domain, context, message


@pytest.mark.parametrize("lang", EDITIONS)
def test_core_terms_follow_the_glossary_across_catalogs_and_notebooks(lang):
    wrong = []
    column = 1 if lang == "sv" else 2
    for domain, context, (english, translated) in _entries(lang):
        if not translated or (lang, domain, context) in VERBATIM:
            continue
        low = translated.lower()
        for term in CORE_TERMS:
            if re.search(term[0], english, re.I) and not any(w in low for w in term[column]):
                wrong.append(f"{domain} [{context}]: {term[0]!r} without {term[column]}")
        for bad in FORBIDDEN[lang]:
            if re.search(bad, low):
                wrong.append(f"{domain} [{context}]: {bad!r} (see the glossary's traps)")
    assert not wrong, "\n".join(wrong[:30]) + f"\n({len(wrong)} in all)"
