"""The evidence audit of issue 16 (item 9): sources, certainty raters, wording in the notebooks.

Each test guards one finding of the audit against ``shared/evidence/``.
"""

from __future__ import annotations

import ipaddress
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import pytest

from course_kit import datasets, evidence, figures
from course_kit.messages import text

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

# Publishers, registries, agencies and the authors' own institutions. A new host must be
# one of these kinds, never a document-mirror site or a bare IP address.
ALLOWED_HOSTS = {
    "doi.org",
    "pubmed.ncbi.nlm.nih.gov",
    "pmc.ncbi.nlm.nih.gov",
    "ncbi.nlm.nih.gov",
    "bmjopen.bmj.com",
    "www.cambridge.org",
    "dplp.cochrane.org",
    "tiltakshandboka.no",
    "research.vu.nl",
    "nyuscholars.nyu.edu",
    "homvee.acf.hhs.gov",
    "www.nice.org.uk",
    "journals.oslomet.no",
    "avesis.metu.edu.tr",
    "open.metu.edu.tr",
    "ada.atilim.edu.tr",
}


def _all_urls():
    for name in ("evidence_table", "vipp_trials"):
        frame = datasets.load(name)
        for row_id, url in zip(frame.iloc[:, 0], frame["url"], strict=True):
            yield name, row_id, url
    package = json.loads((ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    for found in re.findall(r"https?://[^\s\"')]+", json.dumps(package)):
        yield "datapackage.json", "", found


@pytest.mark.parametrize(("dataset", "row", "url"), list(_all_urls()))
def test_source_links_are_doi_pubmed_or_the_publishers_own_page(dataset, row, url):
    host = urlparse(url).hostname or ""
    try:
        ipaddress.ip_address(host)
        is_ip = True
    except ValueError:
        is_ip = False
    assert not is_ip, f"{dataset} {row}: bare IP address {url}"
    if dataset == "datapackage.json" and host == "specs.frictionlessdata.io":
        return
    assert host in ALLOWED_HOSTS, f"{dataset} {row}: {url} is not a DOI/PubMed/publisher link"
    assert url.startswith("https://"), f"{dataset} {row}: {url}"


def test_doi_links_match_the_doi_column():
    table = evidence.load()
    for _, row in table[table["url"].str.startswith("https://doi.org/")].iterrows():
        assert row["url"] == "https://doi.org/" + row["doi"], row["id"]


def test_sbu_rows_carry_no_age_bounds_that_no_source_states():
    """SBU 280 says "pre-school aged" (PCIT) and nothing about age for ABC: no numbers."""
    table = evidence.load()
    sbu = table[table["id"].str.startswith("sbu2018-")]
    assert len(sbu) == 3
    assert sbu["age_min_months"].isna().all() and sbu["age_max_months"].isna().all()
    # so the age filter never returns them
    assert (
        not evidence.filter_evidence(table, age_months=(0, 72))["id"]
        .str.startswith("sbu2018-")
        .any()
    )


def test_every_certainty_rating_says_whose_it_is():
    table = evidence.load()
    graded = table["certainty"] != "not graded"
    source = table["certainty_source"].fillna("")
    assert (source[graded].str.len() > 0).all(), table.loc[graded & (source == ""), "id"].tolist()
    assert (source[~graded] == "").all(), table.loc[~graded & (source != ""), "id"].tolist()
    assert source[graded].map(lambda s: s.startswith(evidence.RATERS)).all()
    row = table.set_index("id")
    for rid in (
        "rayce2017-attachment-norway",
        "wright2017-norway-disorganized",
        "macdonald2016-disorganized",
        "barlow2016-norway-externalizing",
    ):
        assert row.loc[rid, "certainty_source"].startswith("Norwegian handbook"), rid
    assert row.loc["ohara2019-sensitivity", "certainty_source"].startswith("the review's authors")
    cosp = row.loc["gerdtsandresen2021-cosp"]
    assert cosp["certainty"] == "low to moderate"
    assert cosp["certainty_source"].startswith("Bufdir")


def test_low_to_moderate_counts_as_low_in_the_filter():
    table = evidence.load()
    cosp = "Circle of Security-Parenting"
    low = evidence.filter_evidence(table, intervention=cosp, certainty_at_least="low")
    moderate = evidence.filter_evidence(table, intervention=cosp, certainty_at_least="moderate")
    assert "gerdtsandresen2021-cosp" in set(low["id"])
    assert "gerdtsandresen2021-cosp" not in set(moderate["id"])


def test_the_navigator_and_the_static_page_show_who_rated_the_certainty(tmp_path):
    panel = evidence.navigator()
    filters, _count, _picture, results = panel.children
    filters.children[0].value = "Parenting programmes (general)"
    assert text("evidence.rated_by") in results.value
    assert "Norwegian handbook" in results.value
    page = evidence.to_html(tmp_path / "evidence.html").read_text(encoding="utf-8")
    assert json.dumps(text("evidence.rated_by")) in page
    assert "certainty_source" in page and "Bufdir evidence summary" in page


def _cells(name):
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"]]


def test_notebook_04_labels_the_bias_tests_as_synthetic():
    cells = _cells("07-meta-analysis-of-vipp-trials.ipynb")
    printing = [c for c in cells if "egger_test(" in c or "trim_and_fill(" in c]
    assert printing
    for cell in printing:
        for line in cell.splitlines():
            if re.search(r"Egger|Trim-and-fill", line) and ('f"' in line or "print(" in line):
                assert "SYNTHETIC" in line, line


def test_notebook_06_says_whose_rating_and_treat_depression_first():
    prose = "\n".join(_cells("11-evidence-to-practice.ipynb"))
    assert "as the\nreview published it" not in prose and "as the review published it" not in prose
    for rater in ("review's authors", "Norwegian handbook", "Bufdir", "low to moderate"):
        assert rater in prose, rater
    assert "treat the depression **and** support" not in prose
    depression = next(c for c in _cells("11-evidence-to-practice.ipynb") if "depressed" in c)
    assert "first" in depression and "add-on" in depression


def test_notebook_01_solution_counts_add_up():
    solution = text("exercises.01.secure_count.solution")
    assert "other 70 are" not in solution
    numbers = [int(n) for n in re.findall(r"\b(\d+) (?:avoidant|resistant)", solution)]
    assert numbers == [40, 20]  # 20% and 10% of 200
    assert "60" in solution


def test_notebook_02_cites_the_icc_forms_and_ainsworths_scale():
    prose = "\n".join(_cells("05-scoring-sensitivity.ipynb"))
    for citation in (
        "Shrout & Fleiss (1979)",
        "McGraw & Wong (1996)",
        "Ainsworth, 1969",
        "Ainsworth, Bell & Stayton (1974)",
    ):
        assert citation in prose, citation


def test_vipp_sensitivity_footnote_says_the_pooling_is_the_kits_own():
    notes = " ".join(figures.prepare("forest_vipp_sensitivity").plot_kwargs["notes"])
    assert "own pooling" in notes and "not a published result" in notes


def test_evidence_table_still_validates_after_the_audit():
    table = evidence.load()
    assert isinstance(table, pd.DataFrame) and table["id"].is_unique
