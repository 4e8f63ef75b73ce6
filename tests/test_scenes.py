"""The written observation scenes: data checks, the marking check, the timeline strip."""

from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

from course_kit import datasets
from course_kit.method import scenes
from course_kit.method.programme import THEME_KEYS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    shutil.copytree(ROOT / "datasets", folder)
    monkeypatch.setenv("COURSE_KIT_DATA", str(folder))
    scenes._load.cache_clear()
    yield folder
    scenes._load.cache_clear()


# --- what the issue asks of the scenes -----------------------------------------------------


def test_six_to_ten_scenes_from_infancy_to_five_years():
    table, events = scenes.load_scenes()
    assert 6 <= len(table) <= 10
    assert table["age_months"].min() <= 12 and table["age_months"].max() >= 48
    assert table["age_months"].max() <= 60
    assert table["limit_setting"].sum() >= 2
    assert "father" in set(table["caregiver"])
    # no discipline work for an infant under 12 months (the programme's rule for 6-12 months)
    for rec in table.itertuples():
        if rec.age_months < 12:
            assert not rec.limit_setting
            part = events[events["scene"] == rec.scene]
            assert not part["theme"].isin(["limit_setting", "time_out"]).any()


def test_scenes_are_labelled_as_written_for_the_kit():
    for name in ("observation_scenes", "observation_events"):
        res = datasets.resource(name)
        assert res["synthetic"] is True
        assert "written for the course kit" in res["title"]
        assert "course authors' judgement" in res["derived"]


def test_every_fragment_is_explained_and_every_theme_is_known():
    table, events = scenes.load_scenes()
    frags = events[events["fragment"].fillna("") != ""]
    assert set(frags["fragment"]) == set(scenes.FRAGMENT_KINDS)
    assert frags["note"].str.len().gt(40).all()
    assert set(table["main_theme"]) <= set(THEME_KEYS)
    assert set(events["theme"].dropna()) <= set(THEME_KEYS)
    for sid in table["scene"]:
        kinds = set(scenes.scene(sid).fragments()["fragment"])
        assert "praise" in kinds, f"{sid}: every scene has a moment to praise"


def test_transcript_hides_the_reference_coding():
    shown = scenes.scene("S04").transcript()
    assert list(shown.columns) == ["event", "time", "who", "what"]
    assert shown["time"].iloc[-1] == "0:52"
    html = scenes.scene("S04")._repr_html_()
    assert "written for the course kit" in html and "missed" not in html


# --- checking a marking ----------------------------------------------------------------------


def test_the_reference_marking_is_correct():
    for sid in scenes.scene_ids():
        sc = scenes.scene(sid)
        marks = {int(r.event): r.fragment for r in sc.fragments().itertuples()}
        result = scenes.check_marking(sid, marks, theme=sc.main_theme)
        assert result.status == "correct" and result.found == result.total


def test_wrong_markings_get_an_explanation_per_fragment():
    result = scenes.check_marking("S03", {4: "praise", 2: "praise"}, theme="empathy")
    verdicts = {r["event"]: r["verdict"] for r in result.rows}
    assert verdicts == {2: "extra", 4: "other_kind", 7: "missed"}
    assert result.status == "incorrect" and not result.theme_right
    text = result.summary()
    assert "0:31 - right moment, other kind" in text
    assert "Praise this first" in text  # the note of the missed fragment
    assert "the course authors chose noticing the child's (subtle) signals" in text
    assert list(result.to_frame().columns) == [
        "event",
        "time",
        "reference",
        "yours",
        "verdict",
        "note",
    ]
    assert "ck-marking-result" in result._repr_html_()


def test_a_mark_on_the_neighbouring_event_counts():
    # the mother's answer (event 8) is marked instead of the child's signal (event 7)
    result = scenes.check_marking("S03", {4: "missed_signal", 8: "praise"}, theme="signals")
    assert result.found == 2 and result.status == "correct"
    # but a neighbour never steals a mark from another reference fragment
    s01 = scenes.check_marking("S01", {4: "praise"})
    assert {r["event"]: r["verdict"] for r in s01.rows}[5] == "missed"


def test_empty_marking_is_not_an_error():
    result = scenes.check_marking("S02", {3: "", 4: None})
    assert result.found == 0 and result.status == "incorrect"
    assert "did not choose one" in result.summary()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("S99", {}), "no scene called 'S99'"),
        (("S01", {99: "praise"}), "Event 99 is not in scene S01"),
        (("S01", {4: "applause"}), "'applause' is not a kind"),
        (("S01", [4]), "marks must be a dictionary"),
    ],
)
def test_bad_marks_say_what_is_wrong(args, words):
    with pytest.raises((ValueError, TypeError), match=words):
        scenes.check_marking(*args)
    with pytest.raises(ValueError, match="'joy' is not a theme"):
        scenes.check_marking("S01", {}, theme="joy")


# --- the data checks can fail ---------------------------------------------------------------


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_scene_in_events_is_named(data_copy):
    _edit(data_copy, "observation_events.csv", "\nS08,1,", "\nS09,1,")
    with pytest.raises(ValueError, match=r"observation_events.csv, row \d+, column scene: 'S09'"):
        scenes.load_scenes()


def test_fragment_without_note_is_named(data_copy):
    import csv

    path = data_copy / "observation_events.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    first = next(i for i, row in enumerate(rows) if i and row[8])
    rows[first][9] = ""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    with pytest.raises(ValueError, match=f"row {first}, column note: every fragment needs"):
        scenes.load_scenes()


def test_schema_breaks_are_named(data_copy):
    _edit(
        data_copy,
        "observation_scenes.csv",
        "S03,Lunch: Ida (18 months) has had enough,18,",
        "S03,Lunch,3,",
    )
    with pytest.raises(ValueError, match="age_months"):
        scenes.load_scenes()


# --- the timeline strip ------------------------------------------------------------------------


def test_strip_shows_every_event_and_the_marks():
    fig, ax = plt.subplots()
    assert scenes.plot_scene("S07", ax=ax, marks={2: "speak_for_child"}, reference=True) is ax
    dots, ring, *squares = ax.collections
    assert len(dots.get_offsets()) == len(scenes.scene("S07").events)
    assert ring.get_offsets()[0][0] == 15  # the mark sits at 0:15
    assert len(squares) == len(scenes.scene("S07").fragments())  # the reference fragments
    assert "written for the course kit" in ax.get_title()
    plt.close(fig)


# --- the Swedish and Norwegian editions --------------------------------------------------


def test_every_event_has_a_row_id_for_its_translations():
    # the catalogs key an event's prose by "<scene>-<event>" (the composite primary key)
    _, events = scenes.load_scenes()
    ids = events["scene"] + "-" + events["event"].astype(str)
    assert ids.is_unique


def test_english_overview_shows_the_stored_table():
    table, _ = scenes.load_scenes()
    shown = scenes.overview()
    columns = ["scene", "title", "age_months", "caregiver", "situation", "limit_setting"]
    assert list(shown.columns) == columns
    assert shown.equals(table[columns])


def test_a_swedish_scene_reads_in_swedish_and_keeps_its_codes(swedish):
    english = scenes.load_scenes()[1].query("scene == 'S03'")
    sc = scenes.scene("S03")
    assert sc.title.startswith("Lunch: Ida") and "har fått nog" in sc.title
    assert "gröt" in sc.summary and "signaler" in sc.theme_note
    assert set(sc.events["what"]).isdisjoint(english["what"])  # every event translated
    assert sc.main_theme == "signals" and sc.situation == "meal"  # codes stay as stored
    assert list(sc.events["event"]) == list(english["event"])
    assert scenes.situation_words(sc.situation) == "måltid"
    assert scenes.response_words("partly sensitive") == "delvis lyhört"
    assert scenes.age_words(30) == "2 och ett halvt år"
    result = scenes.check_marking("S03", {4: "missed_signal"}, theme="signals")
    text = result.summary()
    assert "Du hittade 1 av de 2 fragment" in text and "kursförfattarna" in text
    assert "Signalen blir starkare" not in text  # event 6 is not a reference fragment
    assert "subtila 'nu räcker det'" in text  # the note of event 4, in Swedish


def test_swedish_overview_has_swedish_headers_and_words(swedish):
    shown = scenes.overview()
    assert list(shown.columns)[:2] == ["scen", "titel"]
    s06 = shown.set_index("scen").loc["S06"]
    assert s06["situation"] == "rör inte" and s06["omsorgsperson"] == "pappa"
    assert s06["gränssättning"] == "ja"
    assert "Omar" in s06["titel"] and "pappa" in s06["titel"]


def test_age_in_words():
    assert scenes.age_words(8) == "8 months"
    assert scenes.age_words(24) == "2 years"
    assert scenes.age_words(30) == "2 years and a half"
