"""Participants' own tables (Swedish/Norwegian Excel) never give a silent wrong answer (issue 17)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import course_kit as ck
from course_kit import simulate, susceptibility
from course_kit.meta import meta_regression


@pytest.fixture
def gxe():
    df = susceptibility.simulate_gxe(300, seed=11)
    rng = np.random.default_rng(2)
    df["age"] = np.round(rng.uniform(1, 6, len(df)), 1)
    return df


def _swedish(values) -> list[str]:
    return [f"{v:.1f}".replace(".", ",") for v in values]


def test_a_covariate_with_decimal_commas_is_read_as_numbers(gxe):
    reference = susceptibility.fit_interaction(gxe, "outcome", "environment", "susceptible", "age")
    typed = gxe.assign(age=_swedish(gxe["age"]))
    res = susceptibility.fit_interaction(typed, "outcome", "environment", "susceptible", "age")
    assert len(res.model.params) == len(reference.model.params) == 5
    np.testing.assert_allclose(res.model.params, reference.model.params, rtol=1e-12)


def test_a_word_among_the_numbers_names_the_column_and_the_row(gxe):
    typed = gxe.assign(age=_swedish(gxe["age"]))
    typed.loc[6, "age"] = "okänd"
    with pytest.raises(ValueError, match=r"covariates: Column 'age'.*row 7 has 'okänd'"):
        susceptibility.fit_interaction(typed, "outcome", "environment", "susceptible", "age")
    env = gxe.assign(environment=_swedish(gxe["environment"]))
    fit = susceptibility.fit_interaction(env, "outcome", "environment", "susceptible")
    assert fit.model.params.size == 4


@pytest.mark.parametrize("labels", [("nej", "ja"), ("ej bärare", "bärare"), (1, 2)])
def test_the_susceptible_group_is_never_picked_silently(gxe, labels):
    other, carrier = labels
    df = gxe.assign(marker=np.where(gxe["susceptible"] == 1, carrier, other))
    with pytest.raises(
        ValueError, match=r"which one is the more susceptible group.*susceptible_level="
    ):
        susceptibility.fit_interaction(df, "outcome", "environment", "marker")
    with pytest.raises(ValueError, match="susceptible_level="):
        susceptibility.compare_models(df, "outcome", "environment", "marker")
    res = susceptibility.fit_interaction(
        df, "outcome", "environment", "marker", susceptible_level=carrier
    )
    base = susceptibility.fit_interaction(gxe, "outcome", "environment", "susceptible")
    np.testing.assert_allclose(res.model.params, base.model.params, rtol=1e-12)


def test_zero_one_and_true_false_markers_need_no_choice(gxe):
    as_bool = gxe.assign(susceptible=gxe["susceptible"].astype(bool))
    a = susceptibility.fit_interaction(as_bool, "outcome", "environment", "susceptible")
    b = susceptibility.fit_interaction(gxe, "outcome", "environment", "susceptible")
    np.testing.assert_allclose(a.model.params, b.model.params, rtol=1e-12)


def test_an_environment_identical_to_the_marker_is_refused(gxe):
    df = gxe.assign(environment=gxe["susceptible"] * 3.0 + 1)
    with pytest.raises(ValueError, match="hold the same information"):
        susceptibility.fit_interaction(df, "outcome", "environment", "susceptible")


def test_a_swedish_csv_file_end_to_end(tmp_path, gxe):
    table = gxe.assign(bärare=np.where(gxe["susceptible"] == 1, "bärare", "ej bärare"))
    text = table.to_csv(sep=";", decimal=",", index=False)
    path = tmp_path / "mina_familjer.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    df = ck.read_csv(path)
    assert df["environment"].dtype == float and df["age"].dtype == float
    res = susceptibility.fit_interaction(
        df, "outcome", "environment", "bärare", "age", susceptible_level="bärare"
    )
    ref = susceptibility.fit_interaction(gxe, "outcome", "environment", "susceptible", "age")
    np.testing.assert_allclose(res.model.params, ref.model.params, rtol=1e-9)


def test_meta_regression_errors_name_the_column_and_the_row():
    data = pd.DataFrame(
        {
            "yi": [0.1, 0.3, 0.35, 0.6, 0.7, 0.2],
            "vi": [0.02, 0.03, 0.02, 0.04, 0.03, 0.02],
            "year": ["1999", "2004", "2008", "n/a?", "2015", "2019"],
        }
    )
    with pytest.raises(ValueError, match=r"mods: Column 'year'.*row 4 has 'n/a\?'"):
        meta_regression("yi", "vi", mods="year", data=data)
    data["year"] = [1999, 2004, np.nan, 2012, 2015, 2019]
    with pytest.raises(ValueError, match=r"mods: column 'year' has a missing .* in row 3"):
        meta_regression("yi", "vi", mods="year", data=data)
    data["year"] = ["1999,5", "2004", "2008", "2012", "2015", "2019"]  # decimal comma: read
    assert meta_regression("yi", "vi", mods="year", data=data).params.size == 2
    data["vi"] = data["vi"].astype(object)
    data.loc[5, "vi"] = "x"
    with pytest.raises(ValueError, match=r"vi: Column 'vi'.*row 6 has 'x'"):
        meta_regression("yi", "vi", mods="year", data=data)


def test_total_attrition_is_refused():
    with pytest.raises(ValueError, match="every family drops out"):
        simulate.vipp_trial(50, attrition=1.0, seed=1)


def test_a_trial_too_large_for_the_memory_limit_is_refused(monkeypatch):
    monkeypatch.setenv("MEM_LIMIT", str(512 * 1024**2))  # a 512 MB hub server
    with pytest.raises(
        ValueError, match=r"more than fit in the memory.*at most about [\d,]+ families"
    ):
        simulate.vipp_trial(n_families=2_000_000, n_coders=2, seed=1)
    assert len(simulate.vipp_trial(n_families=100, n_coders=2, seed=1)) == 400


def test_icc_reads_a_coders_spreadsheet_with_decimal_commas():
    from course_kit import reliability

    ratings = pd.DataFrame(
        {
            "family": [1, 1, 2, 2, 3, 3, 4, 4],
            "coder": ["A", "B"] * 4,
            "sensitivity": [5, 6, 3, 3, 7, 8, 2, 3],
        }
    )
    reference = reliability.icc(ratings)
    typed = ratings.assign(sensitivity=ratings["sensitivity"].astype(str))
    typed.loc[2, "sensitivity"] = "3,0"
    assert reliability.icc(typed).to_frame().equals(reference.to_frame())
    typed.loc[5, "sensitivity"] = "åtta"
    with pytest.raises(ValueError, match=r"ratings: Column 'sensitivity'.*row 6 has 'åtta'"):
        reliability.icc(typed)
