"""The evidence table and its navigator: schema, sources, filters, static page."""

from __future__ import annotations

import itertools
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from course_kit import datasets, evidence
from course_kit.messages import text

ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "fixtures" / "evidence_small.csv"


@pytest.fixture(scope="module")
def table():
    return evidence.load()


@pytest.fixture
def small():
    frame = pd.read_csv(SMALL, dtype={"doi": "string", "notes": "string"})
    for col in ("age_min_months", "age_max_months"):
        frame[col] = frame[col].astype("Int64")
    return frame


def test_table_validates_and_has_the_schema_columns(table):
    schema = json.loads((ROOT / "datasets" / "evidence_table.schema.json").read_text())
    assert list(table.columns) == [f["name"] for f in schema["fields"]]
    assert len(table) >= 30
    assert table["id"].is_unique


def test_every_row_has_a_source_a_year_and_a_link(table):
    assert table["source"].str.len().gt(3).all()
    assert table["url"].str.match(r"https?://").all()
    assert table["year"].between(1990, 2030).all()


def test_certainty_is_a_grade_level_or_not_graded(table):
    assert set(table["certainty"]) <= set(evidence.CERTAINTY_LEVELS)


def test_numbers_have_a_measure_and_intervals_contain_their_estimate(table):
    numbered = table[table["estimate"].notna()]
    assert numbered["measure"].notna().all()
    both = numbered.dropna(subset=["ci_low", "ci_high"])
    assert (both["ci_low"] <= both["estimate"]).all() and (
        both["estimate"] <= both["ci_high"]
    ).all()


def test_published_numbers_match_the_fact_sheet(table):
    """A few rows against the verified facts (O'Hara 2019; Rayce 2017; 2023 MA)."""
    row = table.set_index("id")
    assert tuple(row.loc["ohara2019-sensitivity", ["estimate", "ci_low", "ci_high"]]) == (
        0.34,
        0.20,
        0.49,
    )
    assert row.loc["ohara2019-sensitivity", "certainty"] == "moderate"
    assert row.loc["rayce2017-sensitivity", "estimate"] == 0.46
    assert row.loc["vanijzendoorn2023-attachment", "estimate"] == 0.23


def test_a_broken_copy_names_file_row_and_column(tmp_path, monkeypatch):
    data = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", data)
    csv = data / "evidence_table.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    header = lines[0].split(",")
    cells[header.index("age_min_months")] = "-5"
    lines[3] = ",".join(cells)
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("COURSE_KIT_DATA", str(data))
    with pytest.raises(ValueError, match=r"evidence_table\.csv.*row 3.*age_min_months"):
        datasets.load("evidence_table")


def test_filters_return_exactly_the_expected_rows(small):
    ids = lambda frame: list(frame["id"])  # noqa: E731
    assert ids(evidence.filter_evidence(small, intervention="Alpha")) == ["a1", "a2"]
    assert ids(evidence.filter_evidence(small, outcome="parental sensitivity")) == [
        "a1",
        "b1",
        "c1",
    ]
    assert ids(evidence.filter_evidence(small, outcome="Parenting")) == ["a1", "b1", "c1"]
    assert ids(evidence.filter_evidence(small, age_months=20)) == ["b1"]
    assert ids(evidence.filter_evidence(small, age_months=(0, 12))) == ["a1", "a2", "c1"]
    assert ids(evidence.filter_evidence(small, certainty_at_least="moderate")) == ["a1", "b1"]
    assert ids(evidence.filter_evidence(small, certainty_at_least="very low")) == [
        "a1",
        "a2",
        "b1",
        "d1",
    ]
    assert ids(evidence.filter_evidence(small, text="NEEDLE")) == ["d1"]
    assert ids(
        evidence.filter_evidence(
            small, outcome="parental sensitivity", age_months=(0, 12), certainty_at_least="moderate"
        )
    ) == ["a1"]


def test_filters_reject_bad_settings_clearly(small):
    with pytest.raises(ValueError, match="certainty_at_least"):
        evidence.filter_evidence(small, certainty_at_least="good")
    with pytest.raises(ValueError, match="age_months"):
        evidence.filter_evidence(small, age_months=-3)
    with pytest.raises(TypeError, match="outcome"):
        evidence.filter_evidence(small, outcome=3)


def test_exercise_answer_is_computed_from_the_table(small, table):
    assert evidence.sensitivity_infants_answer(small) == ["Alpha"]
    exercise = evidence.sensitivity_infants_exercise(small)
    assert exercise.check(["Alpha"]).correct
    assert not exercise.check(["Alpha", "Gamma"]).correct  # Gamma is not graded
    assert exercise.check("banana").status == "invalid"
    assert evidence.sensitivity_infants_answer(table) == ["Video feedback (general)"]


def test_navigator_filters_update_the_count_and_the_table(small):
    panel = evidence.navigator(small)
    filters, count, picture, results = panel.children
    assert "5 of 5" in count.value
    intervention = filters.children[0]
    assert "ck-main-widget" in intervention._dom_classes
    assert "ck-main-output" in results._dom_classes
    before = picture.value
    intervention.value = "Beta"
    assert "1 of 5" in count.value and "Review B" in results.value
    assert picture.value != before
    assert "<b>html</b>" not in results.value  # text is escaped


def test_chart_uses_the_commonest_measure(small):
    ax = evidence.chart(small)
    assert "SMD" in ax.get_title()
    assert len(ax.get_yticks()) == 2


@pytest.mark.parametrize("lang", ["en", "sv", "nb"], indirect=True)
def test_chart_rows_show_their_whole_label(lang):
    # cut labels of one intervention read alike: every row names intervention and outcome
    from course_kit.teaching import figure_png

    rows = evidence.load()
    ax = evidence._chart_figure(rows).axes[0]  # the navigator's picture
    shown = [t.get_text() for t in ax.get_yticklabels()]
    charted = rows[(rows["measure"] == evidence.common_measure(rows)) & rows["estimate"].notna()]
    words = evidence.localise(charted, ["intervention", "outcome"])
    # rows read alike only when they are about the same intervention and outcome
    assert len(set(shown)) == len(set(zip(words["intervention"], words["outcome"], strict=True)))
    for label in shown:
        assert "..." not in label and "…" not in label
        assert max(map(len, label.splitlines())) <= evidence.LABEL_WIDTH
        one_line = " ".join(label.split())
        assert any(
            " ".join(i.split()) in one_line and " ".join(o.split()) in one_line
            for i, o in zip(words["intervention"], words["outcome"], strict=True)
        ), label
    # and the labels fit in the picture: none overlaps its neighbour
    figure_png(ax.figure)  # drawn: the labels have their places
    boxes = [t.get_window_extent() for t in ax.get_yticklabels()]
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(boxes))


def test_static_page_is_self_contained_and_escaped(tmp_path, small):
    page = evidence.to_html(tmp_path / "evidence.html", table=small)
    source = page.read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']https?:""", source)
    assert "<b>html</b>" not in source
    with pytest.raises(ValueError, match="exists already"):
        evidence.to_html(page, table=small)


@pytest.mark.browser
def test_static_page_filters_work_in_chromium(tmp_path, chromium_browser, artifacts_dir, small):
    page_path = evidence.to_html(tmp_path / "evidence.html", table=small)
    page = chromium_browser.new_page()
    try:
        page.goto(page_path.as_uri())
        rows = page.locator("#results tbody tr")
        assert rows.count() == 5
        page.select_option("#f-intervention", "Alpha")
        assert rows.count() == 2
        page.select_option("#f-intervention", "")
        page.select_option("#f-certainty", "moderate")
        assert rows.count() == 2
        page.select_option("#f-certainty", "")
        page.fill("#f-search", "needle")
        assert rows.count() == 1
        page.fill("#f-search", "")
        page.click("th[data-column=estimate]")
        first = rows.first.locator("td").nth(5).text_content()
        assert first == "0.4"
        page.click("th[data-column=estimate]")
        assert rows.first.locator("td").nth(5).text_content() == "2"  # descending: OR 2.0
        page.screenshot(path=str(artifacts_dir / "evidence_page.png"))
    finally:
        page.close()


# --- the Swedish and Norwegian editions ------------------------------------------------------


def test_the_columns_the_schema_marks_are_shown_from_the_catalog(table, edition):
    from course_kit import i18n

    marked = datasets.translated_columns("evidence_table")
    # published values are never marked: study names, measures, numbers, links
    assert marked and not {"source", "measure", "estimate", "doi", "url", "year"} & set(marked)
    catalog = i18n.po_translations(i18n.catalog_path("sv", "datasets/evidence_table"))
    edition("sv")
    shown = evidence.localise(table, [*marked, "source"])
    for column in marked:
        for row_id, english, swedish in zip(table["id"], table[column], shown[column], strict=True):
            assert swedish == (catalog[f"{row_id}:{column}"] if isinstance(english, str) else "")
    assert shown["source"].tolist() == table["source"].tolist()  # as published


def test_english_show_is_the_table_itself(table):
    columns = ["intervention", "estimate", "certainty"]
    assert evidence.show(table.head(3), columns).equals(table.head(3)[columns])


@pytest.mark.parametrize(
    ("lang", "moderate", "header", "intervention"),
    [
        ("sv", "måttlig", "tillförlitlighet", "Videofeedback (allmänt)"),
        ("nb", "middels", "tillit til estimatet", "Videofeedback (generelt)"),
    ],
)
def test_show_translates_words_and_keeps_published_values(
    table, edition, lang, moderate, header, intervention
):
    edition(lang)
    row = table[table["id"] == "ohara2019-sensitivity"]
    shown = evidence.show(row, ["intervention", "estimate", "certainty", "source", "measure"])
    assert list(shown.columns)[2] == header
    values = shown.iloc[0].tolist()
    assert values == [intervention, "0,34", moderate, row["source"].iloc[0], "SMD"]


def test_navigator_in_swedish_filters_on_the_tables_values(small, edition):
    edition("sv")
    panel = evidence.navigator(small)
    filters, count, _, results = panel.children
    certainty = filters.children[3]
    assert [label for label, _ in certainty.options][1:] == ["hög", "måttlig", "låg", "mycket låg"]
    certainty.value = "moderate"  # the value stays English: the filter works on the table
    assert count.value == text("evidence.count", n=2, total=5)
    assert "måttlig" in results.value and "<th>moderate</th>" not in results.value
    assert "<th>tillförlitlighet</th>" in results.value


def test_swedish_search_finds_the_translated_text(table, edition):
    edition("sv")
    found = evidence.filter_evidence(table, text="lyhördhet")
    assert "ohara2019-sensitivity" in set(found["id"])
    edition("en")
    assert evidence.filter_evidence(table, text="lyhördhet").empty


def test_exercise_options_are_named_as_the_navigator_names_them(table, edition):
    edition("nb")
    exercise = evidence.sensitivity_infants_exercise(table)
    assert "Videofeedback (generelt)" in exercise.options
    assert exercise.check(["Videofeedback (generelt)"]).correct


def test_static_page_in_norwegian(tmp_path, small, edition):
    edition("nb")
    source = evidence.to_html(tmp_path / "evidence.html", table=small).read_text(encoding="utf-8")
    assert '<html lang="nb">' in source
    assert '<option value="moderate">middels</option>' in source
    assert "<b>html</b>" not in source  # the shown texts are escaped too


@pytest.mark.browser
def test_swedish_static_page_filters_and_shows_decimal_commas(
    tmp_path, chromium_browser, small, edition
):
    edition("sv")
    page_path = evidence.to_html(tmp_path / "evidence.html", table=small)
    page = chromium_browser.new_page()
    try:
        page.goto(page_path.as_uri())
        rows = page.locator("#results tbody tr")
        page.select_option("#f-certainty", "moderate")
        assert rows.count() == 2
        assert page.locator("#f-certainty option:checked").text_content() == "måttlig"
        page.select_option("#f-certainty", "")
        page.click("th[data-column=estimate]")
        assert rows.first.locator("td").nth(5).text_content() == "0,4"
        assert page.locator("th[data-column=certainty]").text_content() == "tillförlitlighet"
    finally:
        page.close()
