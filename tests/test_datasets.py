"""Datasets: catalogue, metadata, schema validation, and the checks a reviewer runs."""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from course_kit import datasets
from course_kit.effect_sizes import smd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "datasets"
NAMES = [
    "rayce2017_relationship",
    "rayce2017_child_development",
    "vipp_trials",
    "vipp_sd_synthetic",
]
SCENE_DATA = ["observation_scenes", "observation_events"]  # tested in tests/test_scenes.py


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of datasets/ that a test may break."""
    folder = tmp_path / "datasets"
    shutil.copytree(DATA, folder)
    monkeypatch.setenv("COURSE_KIT_DATA", str(folder))
    return folder


# --- catalogue and metadata -------------------------------------------------------------


def test_catalogue_lists_every_dataset():
    cat = datasets.catalog()
    assert list(cat.columns) == ["name", "title", "rows", "source", "synthetic", "available"]
    assert set(NAMES) | {"evidence_table", "method_cases", *SCENE_DATA} == set(cat["name"])
    row = cat.set_index("name")
    assert row.loc["vipp_sd_synthetic", "synthetic"] == "yes"
    assert "SYNTHETIC" in row.loc["vipp_sd_synthetic", "title"]
    for name in NAMES:
        assert row.loc[name, "available"]
        assert row.loc[name, "rows"] == len(datasets.load(name))
        assert row.loc[name, "source"]
    assert (row.loc[NAMES[:3], "synthetic"] == "no").all()


@pytest.mark.parametrize("name", NAMES)
def test_load_carries_metadata(name):
    df = datasets.load(name)
    for key in ("source", "citation", "description", "title", "partial", "derived", "licence"):
        assert df.attrs[key], key
    assert df.attrs["synthetic"] is (name == "vipp_sd_synthetic")
    assert set(df.attrs["schema"]) == set(df.columns)


def test_datapackage_describes_every_field():
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in pkg["resources"]:
        assert {"name", "path", "title", "description", "sources", "licenses", "synthetic"} <= set(
            res
        )
        assert res["sources"][0]["title"]
        schema = res["schema"]
        if isinstance(schema, str):  # kept in a separate file (Frictionless allows a path)
            continue
        for field in schema["fields"]:
            assert field["type"] in {"string", "integer", "number", "boolean"}
            assert field["description"], (res["name"], field["name"])


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(ValueError) as info:
        datasets.load("rayce")
    for name in NAMES:
        assert name in str(info.value)


def test_types_are_as_the_schema_says():
    df = datasets.load("vipp_trials")
    assert str(df["n_total"].dtype) == "Int64"
    assert df["n_control"].isna().any()  # blanks stay missing, never 0
    assert df["effect_value"].dtype == float
    assert str(df["peer_reviewed"].dtype) == "boolean"


# --- validation -------------------------------------------------------------------------


def _edit_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    import csv

    path = folder / file
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("n_vipp", "many", "not a whole number"),
        ("n_vipp", "12.5", "not a whole number"),
        ("n_vipp", "5", "below the minimum 20"),
        ("sessions", "12", "above the maximum 8"),
        ("yi", "abc", "not a number"),
        ("sample_risk", "medium", "not one of"),
        ("synthetic", "maybe", "not true or false"),
        ("vi", "", "required"),
    ],
)
def test_violation_names_file_row_and_column(data_copy, column, value, problem):
    _edit_cell(data_copy, "vipp_sd_synthetic.csv", 3, column, value)
    with pytest.raises(ValueError) as info:
        datasets.load("vipp_sd_synthetic")
    msg = str(info.value)
    assert "vipp_sd_synthetic.csv" in msg
    assert "data row 3" in msg
    assert repr(column) in msg
    assert problem in msg


def test_missing_and_extra_columns(data_copy):
    path = data_copy / "vipp_trials.csv"
    text = path.read_text(encoding="utf-8").replace("peer_reviewed", "reviewed", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="'peer_reviewed' is missing"):
        datasets.load("vipp_trials")


def test_unique_constraint(data_copy):
    _edit_cell(data_copy, "vipp_trials.csv", 2, "study", "Van Zeijl et al.")
    with pytest.raises(ValueError, match=r"data row 2, column 'study'.*repeats row 1"):
        datasets.load("vipp_trials")


def test_schema_given_as_a_path(data_copy):
    """The evidence table's schema is a separate file; a missing file is 'not available'."""
    pkg = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    entry = next(r for r in pkg["resources"] if r["name"] == "evidence_table")
    assert entry["schema"] == "evidence_table.schema.json"
    for name in ("evidence_table.csv", "evidence_table.schema.json"):
        (data_copy / name).unlink(missing_ok=True)
    cat = datasets.catalog().set_index("name")
    assert not cat.loc["evidence_table", "available"]
    assert cat.loc["vipp_trials", "available"]
    with pytest.raises(ValueError, match="not available"):
        datasets.load("evidence_table")
    # once both files are there, the schema file is used
    schema = {
        "fields": [
            {
                "name": "fact",
                "type": "string",
                "description": "x",
                "constraints": {"required": True},
            },
            {"name": "value", "type": "number", "description": "y", "constraints": {"minimum": 0}},
        ]
    }
    (data_copy / "evidence_table.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    (data_copy / "evidence_table.csv").write_text("fact,value\na,1.5\nb,2\n", encoding="utf-8")
    df = datasets.load("evidence_table")
    assert list(df["value"]) == [1.5, 2.0]
    (data_copy / "evidence_table.csv").write_text("fact,value\na,1.5\nb,-2\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"evidence_table.csv, data row 2, column 'value'"):
        datasets.load("evidence_table")


def test_more_frictionless_types_and_constraints(data_copy):
    schema = {
        "primaryKey": "id",
        "fields": [
            {"name": "id", "type": "string", "constraints": {"pattern": "E[0-9]+"}},
            {"name": "year", "type": "year", "constraints": {"minimum": 1950}},
            {"name": "read_on", "type": "date"},
            {"name": "ok", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"]},
        ],
    }
    (data_copy / "evidence_table.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    csv_path = data_copy / "evidence_table.csv"
    csv_path.write_text("id,year,read_on,ok\nE1,2017,2026-11-20,Y\nE2,,,N\n", encoding="utf-8")
    df = datasets.load("evidence_table")
    assert list(df["ok"]) == [True, False] and df["year"][0] == 2017
    for body, column, problem in [
        ("E1,2017,2026-11-20,Y\nX2,2017,,N\n", "id", "does not match the pattern"),
        ("E1,2017,2026-11-20,Y\nE1,2017,,N\n", "id", "repeats row 1"),
        ("E1,2017,2026-11-20,Y\nE2,2017,20 Nov,N\n", "read_on", "not a date"),
        ("E1,2017,2026-11-20,Y\nE2,1900,,N\n", "year", "below the minimum"),
        ("E1,2017,2026-11-20,Y\nE2,2017,,yes\n", "ok", "not true or false"),
    ]:
        csv_path.write_text("id,year,read_on,ok\n" + body, encoding="utf-8")
        with pytest.raises(ValueError) as info:
            datasets.load("evidence_table")
        assert f"data row 2, column {column!r}" in str(info.value)
        assert problem in str(info.value)


def test_the_real_evidence_table_validates_when_present():
    if not (DATA / "evidence_table.csv").exists():
        pytest.skip("evidence_table.csv is written by the evidence module (not there yet)")
    assert len(datasets.load("evidence_table")) > 0


# --- the reviewer's checks ----------------------------------------------------------------


def _rows_with_means(name):
    df = datasets.load(name)
    return df[df["mean_int"].notna() & df["sd_int"].notna()].reset_index(drop=True)


# Rows whose printed d keeps the sign of (mean_int - mean_ctrl) although the measure
# carries a '*': Sierau CBCL Externalising (see the evidence sheet) and Høivik EAS*
# (higher EAS = more sensitive, so the unflipped sign already favours the intervention).
UNFLIPPED_STARRED = {("Sierau et al", "Externalising"), ("Høivik et al", "(not labelled in row)")}


@pytest.mark.parametrize("name", ["rayce2017_relationship", "rayce2017_child_development"])
def test_printed_d_is_uncorrected_cohens_d(name):
    df = _rows_with_means(name)
    assert len(df) >= 9
    n1, n2 = df["n_int"].astype(float), df["n_ctrl"].astype(float)
    sp = np.sqrt(((n1 - 1) * df["sd_int"] ** 2 + (n2 - 1) * df["sd_ctrl"] ** 2) / (n1 + n2 - 2))
    d = (df["mean_int"] - df["mean_ctrl"]) / sp
    flip = [
        ("*" in m and (s, o) not in UNFLIPPED_STARRED)
        for s, o, m in zip(df["study"], df["outcome"], df["measure"], strict=True)
    ]
    expected = np.where(flip, -d, d)
    for row, exp, printed in zip(df.itertuples(), expected, df["cohens_d"], strict=True):
        # to 2 decimals, as printed (0.005 plus float slack)
        assert abs(exp - printed) <= 0.005 + 1e-9, (row.study, row.outcome, exp, printed)
    # the engine's smd(correct=False) is the same uncorrected d
    es = smd(df["mean_int"], df["sd_int"], n1, df["mean_ctrl"], df["sd_ctrl"], n2, correct=False)
    np.testing.assert_allclose(es.yi, d, rtol=1e-12)


def test_hedges_g_is_slightly_smaller_than_printed_d():
    df = _rows_with_means("rayce2017_relationship")
    args = (df["mean_int"], df["sd_int"], df["n_int"], df["mean_ctrl"], df["sd_ctrl"], df["n_ctrl"])
    g = smd(*args, correct=True).yi
    d = smd(*args, correct=False).yi
    assert np.all(np.abs(g) < np.abs(d))
    assert np.all(np.abs(d) - np.abs(g) < 0.02)
    bridgeman = (df["study"] == "Bridgeman et al") & (df["outcome"] == "Sensitivity (M)")
    i = int(np.flatnonzero(bridgeman)[0])
    assert round(d[i], 2) == df["cohens_d"][i] == 0.57  # printed in Table 5
    assert round(g[i], 3) == 0.562  # what g would print instead


def test_ci_contains_d_in_published_rows():
    for name in ("rayce2017_relationship", "rayce2017_child_development", "vipp_trials"):
        df = datasets.load(name)
        col = "cohens_d" if "cohens_d" in df else "effect_value"
        sel = df[df["ci_low"].notna()]
        assert ((sel["ci_low"] <= sel[col]) & (sel[col] <= sel["ci_high"])).all(), name


# --- the SYNTHETIC literature --------------------------------------------------------------


def test_synthetic_generator_reproduces_the_csv_byte_for_byte(tmp_path):
    out = tmp_path / "again.csv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_vipp_sd_synthetic.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == (DATA / "vipp_sd_synthetic.csv").read_bytes()


def test_synthetic_is_labelled_and_realistic():
    df = datasets.load("vipp_sd_synthetic")
    assert df.attrs["synthetic"] is True
    assert "SYNTHETIC" in df.attrs["title"] and "SYNTHETIC" in df.attrs["description"]
    assert df["synthetic"].all()
    assert df["study"].str.match(r"^Synthetic trial \d\d$").all()
    assert df["study"].nunique() == 25
    trials = df.drop_duplicates("study")
    assert trials["n_vipp"].between(20, 150).all() and trials["n_control"].between(20, 150).all()
    # each trial keeps one sample size across its outcomes
    assert (df.groupby("study")[["n_vipp", "n_control"]].nunique() == 1).all().all()
    np.testing.assert_allclose(
        df["vi"],
        1 / df["n_vipp"]
        + 1 / df["n_control"]
        + df["yi"] ** 2 / (2 * (df["n_vipp"] + df["n_control"])),
        atol=1e-6,
    )


@pytest.mark.parametrize(
    ("outcome", "r"),
    [
        ("parenting behaviour", 0.18),
        ("parenting attitudes", 0.16),
        ("attachment security", 0.23),
        ("externalizing behaviour", 0.07),
    ],
)
def test_synthetic_is_calibrated_to_the_2023_pooled_r(outcome, r):
    from course_kit.meta import meta_analysis

    df = datasets.load("vipp_sd_synthetic")
    sel = df[df["outcome"] == outcome]
    target = 2 * r / math.sqrt(1 - r**2)
    assert sel["target_d"].iloc[0] == pytest.approx(target, abs=5e-5)
    assert len(sel) >= 10
    dl = meta_analysis(sel["yi"], sel["vi"], method="DL")
    assert abs(dl.estimate - target) <= 0.03 + 1e-9
    reml = meta_analysis(sel["yi"], sel["vi"], method="REML")
    assert abs(reml.estimate - target) < 0.05


# --- transcription check against the team's verified evidence files -------------------------

EVIDENCE = ROOT.parent / "shared" / "evidence"


@pytest.mark.parametrize(
    ("evidence_csv", "name"),
    [
        ("rayce2017_table5_studies.csv", "rayce2017_relationship"),
        ("rayce2017_table4_studies.csv", "rayce2017_child_development"),
        ("vipp_trials_studies.csv", "vipp_trials"),
    ],
)
def test_numbers_match_the_verified_evidence_files(evidence_csv, name):
    """Every number was transcribed from the verified evidence CSVs (not shipped in CI)."""
    import pandas as pd

    path = EVIDENCE / evidence_csv
    if not path.exists():
        pytest.skip(f"{path} is only on the course team's machine")
    ev = pd.read_csv(path, skiprows=1, dtype=str, keep_default_na=False)
    df = datasets.load(name)
    assert len(ev) == len(df)
    numeric = [
        c for c in df.columns if c in ev.columns and str(df[c].dtype) in ("Int64", "float64")
    ]
    assert len(numeric) >= 4
    for col in numeric:
        printed = pd.to_numeric(ev[col].str.lstrip("~").replace("", np.nan)).to_numpy(float)
        np.testing.assert_array_equal(printed, df[col].astype(float).to_numpy(), err_msg=col)
