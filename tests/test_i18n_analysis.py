"""The analysis code speaks the reader's language: forest plots, meta-analysis summaries, explorers.

Each test renders the real output (the Text artists of a figure, a printed summary,
a widget) in Swedish and Norwegian and checks the words and the decimal commas, and
that the English edition still reads as before.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pytest

from course_kit import figures, i18n, meta
from course_kit.teaching import explorers

# the words of each edition that the rendered output must contain
WORDS = {
    "sv": {
        "control_column": "n kontroll",
        "year_column": "År",
        "low_risk": "Urval med låg risk",
        "study": "Studie 1",
        "egger": "Eggers regressionstest",
        "p_word": "p-värde",
        "side": "vänstra sidan",
        "overall": "Totalt",
        "models": ("differentiell känslighet", "stress–sårbarhet", "fördelskänslighet"),
    },
    "nb": {
        "control_column": "n kontroll",
        "year_column": "År",
        "low_risk": "Utvalg med lav risiko",
        "study": "Studie 1",
        "egger": "Eggers regresjonstest",
        "p_word": "p-verdi",
        "side": "venstre side",
        "overall": "Samlet",
        "models": ("differensiell mottakelighet", "stress–sårbarhet", "fordelssensitivitet"),
    },
}
# an estimate with its CI in a forest plot: "0,47 [0,08; 0,87]" (minus sign U+2212)
CI_CELL = re.compile(r"^−?\d+,\d\d \[−?\d+,\d\d; −?\d+,\d\d\]$")
DECIMAL_POINT = re.compile(r"\d\.\d")

YI = [0.8, 0.5, 0.4, 0.2, 0.1, 0.3]
VI = [0.09, 0.05, 0.03, 0.01, 0.005, 0.02]


def _texts(ax):
    return [t.get_text() for t in ax.figure.findobj(lambda a: hasattr(a, "get_text"))]


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_forest_plot_headers_subgroups_and_cells_are_in_the_readers_language(lang):
    import matplotlib.pyplot as plt

    words = WORDS[lang]
    ax = figures.draw("forest_vipp_sd_synthetic_risk")
    texts = _texts(ax)
    plt.close(ax.figure)
    assert words["control_column"] in texts and "n control" not in texts
    assert words["low_risk"] in texts and "Low-risk samples" not in texts
    cells = [t for t in texts if re.fullmatch(r".*\[.*[;,] .*\]", t) and t[:1].isdigit()]
    assert cells and all(CI_CELL.match(c) for c in cells), cells
    weights = [t for t in texts if t.endswith("%") and t[:1].isdigit()]
    assert weights and all(re.fullmatch(r"\d+,\d\u00a0%", w) for w in weights), weights

    ax = figures.draw("forest_vipp_sd_synthetic_parenting_behaviour")
    texts = _texts(ax)
    plt.close(ax.figure)
    assert words["year_column"] in texts and "Year" not in texts


def test_forest_plot_in_english_is_unchanged():
    import matplotlib.pyplot as plt

    i18n.set_language("en")
    try:
        ax = figures.draw("forest_vipp_sd_synthetic_risk")
        texts = _texts(ax)
        plt.close(ax.figure)
    finally:
        i18n.set_language(None)
    assert {"n VIPP", "n control", "Low-risk samples", "High-risk samples"} <= set(texts)
    weights = [t for t in texts if t.endswith("%") and t[:1].isdigit()]
    assert weights and all(re.fullmatch(r"\d+\.\d%", w) for w in weights)


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_meta_analysis_summaries_are_translated_with_decimal_commas(lang):
    words = WORDS[lang]
    res = meta.meta_analysis(YI[:5], VI[:5])
    assert res.labels[0] == words["study"]
    summary = res.summary()
    # metafor's table keeps its abbreviations; its numbers have decimal commas
    table = summary.split("ci.ub\n", 1)[1].splitlines()[0]
    assert "zval" in summary and "ci.lb" in summary
    assert re.search(r"\d,\d{4}", table) and not DECIMAL_POINT.search(table)
    assert not DECIMAL_POINT.search(summary)

    egger = meta.egger_test(res).summary()
    assert egger.startswith(words["egger"]) and words["p_word"] in egger
    assert re.search(r"t = \d+,\d{4}", egger) and not DECIMAL_POINT.search(egger)
    trimfill = meta.trim_and_fill(res).summary()
    assert words["side"] in trimfill and "missing studies" not in trimfill
    assert not DECIMAL_POINT.search(html.unescape(res._repr_html_()))

    sub = meta.subgroup_analysis(YI, VI, ["a", "a", "a", "b", "b", "b"])
    assert words["overall"] in sub.summary() and "Overall" not in sub.summary()
    assert "subgroup differences" not in sub._repr_html_()


def test_meta_analysis_summaries_in_english_are_unchanged():
    i18n.set_language("en")
    try:
        res = meta.meta_analysis(YI[:5], VI[:5])
        egger = meta.egger_test(res)
        lines = egger.summary().splitlines()
        trimfill = meta.trim_and_fill(res).summary()
    finally:
        i18n.set_language(None)
    assert res.labels[:2] == ["Study 1", "Study 2"]
    assert lines[0] == "Egger's regression test for funnel plot asymmetry"
    assert lines[1].startswith(f"t = {egger.statistic:.4f}, df = 3, p-val = ")
    assert "estimated number of missing studies on the left side" in trimfill


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_pattern_explorer_labels_and_title_are_translated(lang):
    box = explorers.pattern_explorer(n=300, seed=3)
    chooser, image = box.children
    labels = [label for label, _ in chooser.options]
    # PATTERN_CHOICES follows the language chosen after import
    assert [label for label, _ in explorers.PATTERN_CHOICES] == labels
    if "concepts.differential_susceptibility" in i18n.po_translations(
        i18n.catalog_path(lang, "messages")
    ):  # the pattern names are in the core catalog, translated separately
        assert "Differential susceptibility" not in labels
    chooser.value = "differential_susceptibility"
    alt = html.unescape(re.search(r'alt="([^"]*)"', image.value).group(1))
    # the title names the model BIC prefers
    assert any(model in alt for model in WORDS[lang]["models"]), alt
    assert not re.search(r"susceptibility|diathesis|vantage", alt), alt


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_heterogeneity_explorer_title_has_decimal_commas(lang):
    import pandas as pd

    rng = np.random.default_rng(3)
    vi = rng.uniform(0.01, 0.08, 8)
    data = pd.DataFrame({"yi": rng.normal(0.35, np.sqrt(vi)), "vi": vi})
    _, image = explorers.heterogeneity_explorer(data, main=False).children
    alt = html.unescape(re.search(r'alt="([^"]*)"', image.value).group(1))
    assert re.search(r"g = −?\d,\d\d", alt) and not DECIMAL_POINT.search(alt), alt


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_result_tables_have_translated_headers_and_locale_numbers(lang):
    from course_kit.susceptibility import fit_interaction, simulate_gxe

    res = fit_interaction(simulate_gxe(200, seed=1), "outcome", "environment", "susceptible")
    cells = re.findall(r"<t[hd]>([^<]*)</t[hd]>", res._repr_html_())
    assert cells[:2] != ["quantity", "estimate"] and "crossover (delta)" not in cells
    assert not any(DECIMAL_POINT.search(c) for c in cells), cells
    regions = re.findall(r"<t[hd]>([^<]*)</t[hd]>", res.regions_of_significance()._repr_html_())
    assert "share_of_sample" not in regions and not {"True", "False"} & set(regions)

    reg = re.findall(
        r"<t[hd]>([^<]*)</t[hd]>", meta.subgroup_analysis(YI, VI, list("aaabbb"))._repr_html_()
    )
    assert "estimate" not in reg and "ci_low" not in reg
    assert not any(DECIMAL_POINT.search(c) for c in reg), reg


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_a_participants_own_data_problem_is_explained_in_the_readers_language(lang):
    import pandas as pd

    from course_kit.susceptibility import fit_interaction

    rng = np.random.default_rng(0)
    mine = pd.DataFrame(
        {
            "utfall": rng.normal(size=40),
            "miljo": rng.normal(size=40),
            "grupp": ["ja", "nej"] * 20,
        }
    )
    with pytest.raises(ValueError) as error:
        fit_interaction(mine, "utfall", "miljo", "grupp")
    message = str(error.value)
    assert "susceptible_level='nej'" in message  # what to type stays as typed
    assert "cannot know which one" not in message
    assert {"sv": "känsliga gruppen", "nb": "mottakelige gruppen"}[lang] in message
