"""Notebook 12: the practice log - format, pseudonymity, time stamps, ELAN, exports, chart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

import course_kit as ck
from course_kit.method import practice
from course_kit.method.practice import PracticeLog, PracticeLogError
from course_kit.teaching import method_widgets as mw

ROOT = Path(__file__).resolve().parents[1]
NB12 = ROOT / "notebooks" / "12-the-practice-period.ipynb"
EAF = ROOT / "tests" / "fixtures" / "practice" / "two_tiers.eaf"


@pytest.fixture
def log(tmp_path):
    return PracticeLog(tmp_path / "log.json")


def _two_sessions(log):
    log.add(
        1,
        "exploration_attachment",
        "00:42-00:58 praise: follows his gaze",
        "smiled",
        "talked too long",
        4,
        {"filmed_first": True},
    )
    log.add(2, "subtle_signals", "1:05 speak: he looks back", sensitivity=6)


# --- time stamps -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed, seconds",
    [
        ("83", 83.0),
        ("01:23", 83.0),
        ("1:23", 83.0),
        ("1:23.5", 83.5),
        ("1:23,5", 83.5),
        ("1:02:03", 3723.0),
        (" 0:07 ", 7.0),
        (12, 12.0),
        (2.5, 2.5),
    ],
)
def test_typed_time_stamps(typed, seconds):
    assert practice.parse_time(typed) == seconds


@pytest.mark.parametrize(
    "typed",
    [
        "1:75",
        "1:60:00",
        "abc",
        "-3",
        "",
        None,
        "1::2",
        "1:23:45:6",
        True,
        -1,
        float("nan"),
        "99:99:99",
    ],
)
def test_unreadable_time_stamps_name_the_field(typed):
    with pytest.raises(PracticeLogError, match=r"^fragment 2, end: .*01:23"):
        practice.parse_time(typed, "fragment 2, end")


def test_format_time_round_trips():
    for seconds in (0, 7, 83, 83.5, 3723):
        assert practice.parse_time(practice.format_time(seconds)) == seconds


def test_fragment_lines_with_kinds_and_errors_naming_the_line():
    found = practice.parse_fragments(
        "01:23-01:35 praise: he looks up\n\n2:10 missed: no answer\n3:00 x"
    )
    assert [(f.start, f.end, f.kind) for f in found] == [
        (83.0, 95.0, "praise"),
        (130.0, None, "missed_signal"),
        (180.0, None, "other"),
    ]
    with pytest.raises(PracticeLogError, match="fragments, line 2: the end time is not after"):
        practice.parse_fragments("1:00 ok\n1:30-1:10 praise: backwards")


# --- the log file ------------------------------------------------------------------------------


def test_opening_a_log_creates_no_file(tmp_path):
    PracticeLog(tmp_path / "log.json")
    assert list(tmp_path.iterdir()) == []


def test_the_file_has_the_documented_format(log):
    _two_sessions(log)
    data = json.loads(log.path.read_text(encoding="utf-8"))
    assert data["format"] == practice.FORMAT and data["version"] == 1
    assert data["family"] == "Family A"
    first = data["entries"][0]
    assert first["fragments"] == [
        {"start": 42.0, "end": 58.0, "kind": "praise", "note": "follows his gaze"}
    ]
    assert first["sensitivity"] == 4 and first["fidelity"] == {"filmed_first": True}
    assert PracticeLog(log.path).sessions() == log.sessions()


def test_entries_are_never_lost(log):
    _two_sessions(log)
    log.add(1, "exploration_attachment", reflection="second thoughts")
    again = PracticeLog(log.path)
    assert len(again.entries) == 3  # the older entry of session 1 is kept
    assert [e.session for e in again.sessions()] == [1, 2]
    assert again.sessions()[0].reflection == "second thoughts"
    other_tab = PracticeLog(log.path)  # a second view of the same file adds an entry
    other_tab.add(3, "sharing_emotions")
    log.add(4, "child_perspective")  # this one must not overwrite session 3
    assert [e.session for e in PracticeLog(log.path).sessions()] == [1, 2, 3, 4]


def test_a_rejected_entry_changes_nothing(log):
    _two_sessions(log)
    before = log.path.read_bytes()
    with pytest.raises(PracticeLogError):
        log.add(3, "sharing_emotions", reflection="mother 850101-1234")
    assert log.path.read_bytes() == before and len(log.entries) == 2


def test_a_failed_write_leaves_the_file_as_it_was(log, monkeypatch):
    _two_sessions(log)
    before = log.path.read_bytes()

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(practice.os, "replace", full_disk)
    with pytest.raises(PracticeLogError, match="Nothing was lost"):
        log.add(3, "sharing_emotions")
    assert log.path.read_bytes() == before
    assert len(log.entries) == 2
    assert [p.name for p in log.path.parent.iterdir()] == ["log.json"]  # no temp file left


def test_a_broken_file_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / "log.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(PracticeLogError, match="left untouched"):
        PracticeLog(path)
    assert path.read_text(encoding="utf-8") == "{not json"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"session": 8}, "session '8' is not a session number"),
        ({"theme": "tantrums"}, "theme 'tantrums' is not one of the themes"),
        ({"sensitivity": 10}, "must be a whole number from 1 to 9"),
        ({"sensitivity": 4.5}, "must be a whole number from 1 to 9"),
        ({"fidelity": {"magic": True}}, "fidelity items"),
        ({"fragments": "1:00 praise: ok\nbanana"}, "fragments, line 2, start: 'banana'"),
        ({"reflection": 42}, "reflection: please type text"),
        ({"reflection": "x" * 5000}, "longer than 4000 characters"),
    ],
)
def test_bad_input_gets_a_message_naming_the_field(log, kwargs, message):
    args = {"session": 1, "theme": "empathy", **kwargs}
    with pytest.raises(PracticeLogError, match=re.escape(message)):
        log.add(**args)
    assert not log.path.exists()


@pytest.mark.parametrize(
    "identifying",
    [
        "19850101-1234",
        "850101-1234",
        "8501011234",
        "850161+1234",
        "198501011234",
        "01018512345",
        "010185 12345",
        "410185 12345",
        "mamma@example.se",
    ],
)
def test_identifying_input_is_refused_in_every_text_field(log, identifying):
    for field in ("parent_reactions", "reflection"):
        with pytest.raises(PracticeLogError, match=f"{field}: this looks like a personal identity"):
            log.add(1, "empathy", **{field: f"notes {identifying} more"})
    with pytest.raises(PracticeLogError, match="fragments, line 1, note"):
        log.add(1, "empathy", fragments=f"01:00 praise: {identifying}")
    assert not log.path.exists()


@pytest.mark.parametrize(
    "harmless",
    [
        "01:23-01:35 at 14:05",
        "rated 5 of 9",
        "session 2 on 2026-03-01",
        "3 min 20 s",
        "page 123456",
    ],
)
def test_ordinary_notes_are_not_taken_for_identity_numbers(log, harmless):
    log.add(1, "empathy", reflection=harmless)


def test_family_code_must_not_be_a_name_with_a_number(tmp_path):
    with pytest.raises(PracticeLogError, match="personal identity"):
        PracticeLog(tmp_path / "log.json", family="Anna 850101-1234")
    with pytest.raises(PracticeLogError, match=r"must end in \.json"):
        PracticeLog(tmp_path / "log.csv")


# --- ELAN --------------------------------------------------------------------------------------


def test_eaf_fragments_are_read_with_kinds_and_sorted(tmp_path):
    found = practice.fragments_from_eaf(EAF)
    assert [(f.start, f.end, f.kind) for f in found] == [
        (12.0, 18.0, "speak_for_child"),
        (83.0, 95.5, "praise"),
        (141.2, 150.0, "missed_signal"),
    ]
    log = PracticeLog(tmp_path / "log.json")
    log.add(1, "subtle_signals", fragments=found)
    assert len(PracticeLog(log.path).sessions()[0].fragments) == 3


def test_eaf_problems_are_explained(tmp_path):
    with pytest.raises(PracticeLogError, match=r"no tier 'codes'.*fragments, notes"):
        practice.fragments_from_eaf(EAF, tier="codes")
    with pytest.raises(PracticeLogError, match="has no annotations"):
        _empty_eaf(tmp_path)
    with pytest.raises(PracticeLogError, match="There is no file"):
        practice.fragments_from_eaf(tmp_path / "missing.eaf")
    with pytest.raises(PracticeLogError, match="not an ELAN file"):
        practice.fragments_from_eaf(tmp_path / "film.mp4")
    broken = tmp_path / "broken.eaf"
    broken.write_text("<ANNOTATION_DOCUMENT", encoding="utf-8")
    with pytest.raises(PracticeLogError, match="cannot be read as an ELAN file"):
        practice.fragments_from_eaf(broken)


def _empty_eaf(tmp_path):
    from pympi import Eaf

    eaf = Eaf()
    eaf.add_tier("fragments")
    path = tmp_path / "empty.eaf"
    eaf.to_file(str(path))
    return practice.fragments_from_eaf(path)


def test_eaf_with_several_filled_tiers_asks_which(tmp_path):
    from pympi import Eaf

    eaf = Eaf()
    for tier in ("mine", "colleague"):
        eaf.add_tier(tier)
        eaf.add_annotation(tier, 1000, 2000, "praise: ok")
    path = tmp_path / "two.eaf"
    eaf.to_file(str(path))
    with pytest.raises(PracticeLogError, match="several tiers"):
        practice.fragments_from_eaf(path)
    assert len(practice.fragments_from_eaf(path, tier="mine")) == 1
    eaf.add_annotation("mine", 3000, 4000, "praise: 850101-1234")
    eaf.to_file(str(path))
    with pytest.raises(PracticeLogError, match="annotation 2 on tier 'mine', note"):
        practice.fragments_from_eaf(path, tier="mine")


# --- exports and chart --------------------------------------------------------------------------


def test_supervision_brief_in_markdown_and_pdf(log):
    _two_sessions(log)
    brief = log.supervision_brief()
    assert "## Session 1" in brief and "## Session 2" in brief
    assert "00:42-00:58 praise: follows his gaze" in brief
    assert "- [x] " + ck.messages.text("practice.fidelity.filmed_first") in brief
    assert ck.messages.text("practice.reminder") in brief
    assert "course authors' judgement" in brief and "vipp-sd-international.org" in brief
    md, pdf = log.export_brief()
    assert md.parent == log.path.parent / "practice-exports"
    assert md.read_text(encoding="utf-8") == brief
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    with pytest.raises(PracticeLogError, match="Session 5 is not in the log"):
        log.supervision_brief(5)


def test_pdf_export_survives_characters_outside_latin1(tmp_path):
    path = practice.export_pdf("# Åsa – “quotes” … ø æ ✓ 漢\n\n- item", tmp_path / "x.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_an_empty_log_has_nothing_to_export(log):
    with pytest.raises(PracticeLogError, match="no sessions yet"):
        log.export_brief()


def test_reflection_outline_rubric_holds_only_the_course_plans_requirements(log):
    _two_sessions(log)
    outline = practice.reflection_outline(log)
    rows = [
        line for line in outline.splitlines() if line.startswith("| ") and "Requirement" not in line
    ]
    assert len(rows) == len(practice.RUBRIC) == 4
    assert "VIPP-SD course plan" in outline and "G/U" in outline
    assert "no detailed criteria" in outline
    assert "course authors' judgement" in outline  # the sections are labelled
    for key in practice.OBJECTIVES:
        assert ck.messages.text(f"practice.objective.{key}") in outline
    md, pdf = log.export_reflection_outline()
    assert md.name == "reflection-outline.md" and pdf.read_bytes().startswith(b"%PDF")


def test_fidelity_items_have_sources_or_the_judgement_label():
    table = practice.fidelity_table()
    assert len(table) == len(practice.FIDELITY)
    for source in table.iloc[:, 1]:
        assert "http" in source or "judgement" in source or "course material" in source


def test_chart_draws_the_ratings_and_returns_the_axes(log):
    import matplotlib.pyplot as plt

    ax = practice.plot_sensitivity(log)
    assert "No ratings" in ax.texts[0].get_text()
    _two_sessions(log)
    _, ax = plt.subplots()
    assert practice.plot_sensitivity(log, ax=ax) is ax
    xs, ys = ax.lines[0].get_data()
    assert list(xs) == [1, 2] and list(ys) == [4, 6]
    assert "not a research measure" in ax.get_title()
    plt.close("all")
    with pytest.raises(TypeError, match="log must be a PracticeLog"):
        practice.plot_sensitivity("log.json")


# --- widgets ------------------------------------------------------------------------------------


def test_log_form_saves_imports_and_exports(tmp_path):
    log = PracticeLog(tmp_path / "log.json")
    form = mw.log_form(log)
    chart_before = form.chart.value
    form.fields["fragments"].value = "01:00 praise: he smiles"
    form.fields["ticks"][0].value = True
    form.buttons["save"].click()
    assert "Saved session 1" in form.status.value
    assert form.chart.value != chart_before and "Family A" in form.table.value
    form.fields["reflection"].value = "her number 850101-1234"
    form.buttons["save"].click()
    assert "personal identity number" in form.status.value and len(log.entries) == 1
    form.buttons["import"].click()  # nothing typed yet: say what to type, name no file
    assert "type the name of your .eaf file" in form.status.value and "?" not in form.status.value
    form.fields["eaf_path"].value = str(EAF)
    form.buttons["import"].click()
    assert "Imported 3 fragment(s)" in form.status.value
    assert "praise: he looks up" in form.fields["fragments"].value
    form.buttons["brief"].click()
    assert (tmp_path / "practice-exports" / "supervision-brief.pdf").exists()
    form.buttons["outline"].click()
    assert (tmp_path / "practice-exports" / "reflection-outline.md").exists()


def test_brief_preview_changes_with_the_session():
    box = mw.brief_preview(practice.example_log())
    before = box.output.value
    box.picker.value = 2
    assert box.output.value != before and "Session 2" in box.output.value


# --- the notebook ------------------------------------------------------------------------------


def test_notebook_12_meets_the_notebook_standards():
    nb = json.loads(NB12.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    for heading in (
        "Questions this notebook answers",
        "Learning objectives",
        "Time:",
        "Key points",
        "Instructor note",
        "SYNTHETIC",
        "Pseudonymous by design",
    ):
        assert heading in markdown, heading
    assert "mw.brief_preview(" in code and "mw.log_form(" in code and "plot_sensitivity(" in code
    names = re.findall(r'exercises\.exercise\("([^"]+)"\)', code)
    assert len(names) >= 2
    for name in names:
        ex = ck.exercises.exercise(name)
        assert set(ex.explanations) == set(ex.options), name


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(practice, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


# --- the Swedish and Norwegian editions ------------------------------------------------------


def _pdf_text(path) -> bytes:
    """The page content streams of a PDF written by fpdf2 (zlib-compressed), as bytes."""
    import zlib

    data = Path(path).read_bytes()
    parts = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            parts.append(match.group(1))
    return b"\n".join(parts)


@pytest.mark.parametrize(
    ("lang", "family", "note"),
    [
        ("sv", "Exempelfamilj", "Mamman såg att han ville ha boken; d = \u22120,46 och 95\u00a0%"),
        ("nb", "Eksempelfamilie", "Mor så at han ville ha boka; blå øyne, særlig glad, 1\u202f757"),
    ],
)
def test_a_swedish_and_a_norwegian_brief_export_with_their_letters(
    tmp_path, edition, lang, family, note
):
    edition(lang)
    log = practice.example_log(tmp_path)
    assert log.family == family  # the example family is named in the reader's language
    log.add(3, "sharing_emotions", fragments="00:10 other: x", reflection=note, sensitivity=6)
    md, pdf = log.export_brief()
    markdown = md.read_text(encoding="utf-8")
    title = ck.text("practice.brief.title", family=family)
    assert title in markdown and note in markdown
    content = _pdf_text(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    # the title and the note in the PDF's Latin-1 text: å ä ö ø æ as themselves; the minus
    # sign and the no-break spaces of sv/nb numbers as their plain forms
    assert title.encode("latin-1") in content
    plain = note.replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    assert plain.encode("latin-1") in content
    assert b"?" not in plain.encode("latin-1")
    _, pdf2 = log.export_reflection_outline()
    assert ck.text("practice.outline.title").encode("latin-1") in _pdf_text(pdf2)


def test_fragment_kinds_typed_in_swedish_and_in_english(edition):
    edition("sv")
    kinds = [
        f.kind
        for f in practice.parse_fragments(
            "00:10 beröm: hon ler\n00:20 missad: inget svar\n00:30 tala: han vill\n"
            "00:40 praise: he looks up\n00:50 gränssättning: nej"
        )
    ]
    assert kinds == ["praise", "missed_signal", "speak_for_child", "praise", "limit_setting"]


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_translated_example_fragments_keep_their_kinds(edition, lang):
    # the example texts are translated in the method catalog, the kind words in texts/practice
    # (practice.words.*): both must agree, or the example would show every fragment as "other"
    def kinds():
        log = practice.example_log()
        eaf = practice.fragments_from_eaf(practice.example_eaf())
        return [f.kind for e in log.sessions() for f in e.fragments] + [f.kind for f in eaf]

    edition("en")
    english = kinds()
    assert "other" not in english
    edition(lang)
    assert kinds() == english


def test_the_log_table_has_headers_in_the_readers_language(tmp_path, edition):
    edition("nb")
    log = practice.example_log(tmp_path)
    page = log._repr_html_()
    assert "<th>programtroskap</th>" in page and "<th>fidelity</th>" not in page
    assert log.to_frame().columns[0] == "session"  # the data keep their names
