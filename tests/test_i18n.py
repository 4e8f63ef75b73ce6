"""The Swedish and Norwegian editions: one source, complete catalogs, the reader's locale."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from course_kit import editions, formatting, i18n, messages

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EDITIONS = ("sv", "nb")


def _tool():
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
TEMPLATES = TOOL.templates()


@pytest.fixture(autouse=True)
def _no_chosen_language(monkeypatch):
    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    i18n.set_language(None)
    i18n._workspace_language.cache_clear()
    yield
    i18n.set_language(None)
    i18n._workspace_language.cache_clear()


# --- which language -------------------------------------------------------------


def test_the_language_comes_from_the_call_the_environment_the_workspace_or_english(
    tmp_path, monkeypatch
):
    inner = tmp_path / "ws" / "sub"
    inner.mkdir(parents=True)
    monkeypatch.chdir(inner)
    assert i18n.get_language() == "en"
    (tmp_path / "ws" / ".course-kit.json").write_text(json.dumps({"lang": "nb", "files": {}}))
    i18n._workspace_language.cache_clear()
    assert i18n.get_language() == "nb"  # found from a folder inside the workspace
    monkeypatch.setenv(i18n.ENV_LANG, "sv")
    assert i18n.get_language() == "sv"  # the hub's course language wins over the workspace
    i18n.set_language("en")
    assert i18n.get_language() == "en"


def test_a_wrong_language_is_refused_by_name_but_never_breaks_a_running_course(monkeypatch):
    with pytest.raises(ValueError, match=r"'de'.*en, sv, nb"):
        i18n.set_language("de")
    monkeypatch.setenv(i18n.ENV_LANG, "klingon")
    assert i18n.get_language() == "en"
    assert i18n.check_language("sv_SE") == "sv" and i18n.check_language("no") == "nb"


# --- numbers in the reader's locale ----------------------------------------------


@pytest.mark.parametrize("lang", EDITIONS)
def test_numbers_in_messages_are_written_the_local_way(lang):
    fmt = i18n.format_message
    assert fmt("{d:.2f}", {"d": -0.456}, lang) == "−0,46"
    assert fmt("{p:.0%}", {"p": 0.65}, lang) == "65\N{NO-BREAK SPACE}%"
    assert fmt("{n:,}", {"n": 12000}, lang) == "12\N{NO-BREAK SPACE}000"
    assert fmt("{year} ({n} infants)", {"year": 2005, "n": 130}, lang) == "2005 (130 infants)"
    assert fmt("{x}", {"x": 0.5}, lang) == "0,5"
    assert fmt("{name}", {"name": "0.5 typed"}, lang) == "0.5 typed"  # text stays as typed
    # the same digits as the English edition: rounding is Python's
    for value in (0.125, 2.675, 1.005, -0.0049):
        english = f"{value:.2f}"
        assert fmt("{v:.2f}", {"v": value}, lang).replace(",", ".").replace("−", "-") == english


def test_the_english_edition_formats_as_python_does():
    for spec in (".2f", ".0%", ",", "+.3f", "8.2f", ""):
        assert i18n.format_message("{v:" + spec + "}" if spec else "{v}", {"v": -1234.5678}) == (
            ("{v:" + spec + "}" if spec else "{v}").format(v=-1234.5678)
        )


@pytest.mark.parametrize("lang", EDITIONS)
def test_participant_tables_and_plot_ticks_use_a_decimal_comma(lang):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from course_kit import style

    shown = formatting.table(pd.DataFrame({"g": [0.456, -1.0], "n": [12, 30]}), 2, lang=lang)
    assert shown["g"].tolist() == ["0,46", "−1,00"] and shown["n"].tolist() == ["12", "30"]
    fig, ax = plt.subplots()
    ax.set_xlim(-1, 1)
    ax.set_ylim(0, 0.5)
    style.localise_ticks(fig, lang=lang)
    fig.canvas.draw()
    xs = [t.get_text() for t in ax.get_xticklabels()]
    ys = [t.get_text() for t in ax.get_yticklabels()]
    plt.close(fig)
    assert "−0,50" in xs and "0,00" in xs and "0,1" in ys
    assert not any("." in t for t in xs + ys)


def test_english_plots_keep_their_ticks():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from course_kit import style

    fig, ax = plt.subplots()
    ax.set_xlim(0, 1)
    before = type(ax.xaxis.get_major_formatter())
    style.localise_ticks(fig, lang="en")
    assert type(ax.xaxis.get_major_formatter()) is before
    plt.close(fig)


# --- catalogs --------------------------------------------------------------------


def test_a_translation_is_used_and_a_fuzzy_or_missing_one_falls_back_to_english(
    tmp_path, monkeypatch
):
    po = tmp_path / "sv" / "messages.po"
    po.parent.mkdir()
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgctxt "exercises.check_button"\nmsgid "Check"\nmsgstr "Kontrollera"\n\n'
        '#, fuzzy\nmsgctxt "exercises.hint"\nmsgid "Hint: {hint}"\nmsgstr "Tips: {hint}"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.set_language("sv")
    assert messages.text("exercises.check_button") == "Kontrollera"
    assert messages.text("exercises.hint", hint="x") == "Hint: x"  # fuzzy: not trusted
    assert messages.text("exercises.empty") == messages.EN["exercises.empty"]


def test_every_message_table_is_a_domain_and_every_key_has_one():
    assert set(messages.DOMAINS) == set(messages.EN)
    for key, domain in messages.DOMAINS.items():
        if domain.startswith("cells_") or domain in {"course", "plots", "results", "explorers"}:
            assert key.startswith(domain + "."), key


# --- notebooks: one set of code cells ----------------------------------------------


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_edition_has_the_english_code_cells_and_says_what_it_is(path, lang):
    english = json.loads(path.read_text(encoding="utf-8"))
    translated = editions.translate_notebook(english, lang, path.name)
    assert [c["id"] for c in translated["cells"]] == [c["id"] for c in english["cells"]]
    for mine, theirs in zip(translated["cells"], english["cells"], strict=True):
        assert mine["cell_type"] == theirs["cell_type"]
        assert mine["metadata"] == theirs["metadata"]
        if mine["cell_type"] == "code":
            assert editions.code_without_comments("".join(mine["source"])) == (
                editions.code_without_comments("".join(theirs["source"]))
            ), f"{path.name} cell {mine['id']}: the code differs from the English edition"
            assert mine["outputs"] == []  # stored outputs are English
    meta = translated["metadata"]["course_kit"]
    assert meta["language"] == lang
    assert meta["review_status"] in i18n.REVIEW_STATUS


def test_a_translated_comment_replaces_only_the_comment():
    code = 'x = "# not a comment"  # the slider\n# You do not need to read this\nprint(x)\n'
    assert [t for _, t in editions.comments(code)] == [
        "# the slider",
        "# You do not need to read this",
    ]
    assert editions.code_without_comments(code) == 'x = "# not a comment"\nprint(x)\n'


def test_the_english_notebooks_and_messages_are_the_reference_unchanged():
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        assert (
            "course_kit" not in nb["metadata"]
            or nb["metadata"]["course_kit"].get("language", "en") == "en"
        )
    i18n.set_language("en")
    assert all(messages.text(k) == v for k, v in messages.EN.items() if "{" not in v)


@pytest.mark.parametrize("module", ["i18n", "formatting", "editions", "style", "messages"])
def test_the_examples_in_the_docstrings_work(module, monkeypatch):
    import doctest
    import importlib

    import matplotlib

    matplotlib.use("Agg")
    result = doctest.testmod(importlib.import_module(f"course_kit.{module}"))
    assert result.attempted and not result.failed


def test_made_up_study_labels_follow_the_language_published_names_do_not():
    from course_kit import datasets

    english = datasets.load("vipp_sd_synthetic")
    with i18n.using("sv"):
        swedish = datasets.load("vipp_sd_synthetic")
        published = datasets.load("vipp_trials")
    assert english["study"].iloc[0] == "Synthetic trial 01"
    with i18n.using("sv"):
        assert swedish["study"].iloc[0] == messages.text("simulate.study_label", i="01")
    assert (swedish["study"] != english["study"]).all()  # every label is the message's
    assert (swedish.drop(columns="study") == english.drop(columns="study")).all().all()
    assert published["study"].tolist() == datasets.load("vipp_trials")["study"].tolist()


def test_exponent_notation_is_written_the_local_way_too():
    assert i18n.format_value(5.14e-21, ".3g", "sv") == "5,14e\N{MINUS SIGN}21"
    assert formatting.localise_numbers("p = 5.973e-05", lang="nb") == "p = 5,973e\N{MINUS SIGN}05"
    assert i18n.format_value(5.14e-21, ".3g", "en") == "5.14e-21"
