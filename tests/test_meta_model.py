"""meta_analysis and tau2_confint against metafor 3.8-1 (fixtures from make_reference.R)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_kit.meta import MetaResult, meta_analysis, meta_analysis_many, tau2_confint

REF = json.loads((Path(__file__).parent / "reference" / "metafor_reference.json").read_text())
DATASETS = ("bcg", "normand", "molloy")
FIT_KEYS = [(ds, key) for ds in DATASETS for key in REF[ds]["fits"]]
RTOL = 1e-6
# absolute tolerances for values that can be (nearly) 0
ATOL = {"tau2": 1e-9, "i2": 1e-6, "h2": 1e-8, "pvalue": 1e-12, "q_pvalue": 1e-12}
SCALARS = (
    "estimate se statistic pvalue ci_low ci_high pi_low pi_high tau2 i2 h2 q q_df q_pvalue k"
).split()


def data(ds):
    return np.array(REF[ds]["yi"]), np.array(REF[ds]["vi"])


@pytest.mark.parametrize(("ds", "key"), FIT_KEYS)
def test_meta_analysis_matches_metafor(ds, key):
    method, test = key.split("_")
    yi, vi = data(ds)
    ref = REF[ds]["fits"][key]
    res = meta_analysis(yi, vi, method=method, test=test)
    for name in SCALARS:
        assert getattr(res, name) == pytest.approx(
            ref[name], rel=RTOL, abs=ATOL.get(name, 1e-12)
        ), name
    np.testing.assert_allclose(res.weights, ref["weights"], rtol=RTOL)
    assert res.tau == pytest.approx(np.sqrt(ref["tau2"]), rel=RTOL, abs=1e-5)


# metafor ran with threshold = tol = 1e-12 and the fixtures keep 15 significant
# digits, so the fits can be held to 1e-10 (relative; 1e-12 absolute for values at 0
# and for p-values of order 1e-6 and below, whose last digits metafor's convergence sets)
TIGHT_RTOL, TIGHT_ATOL = 1e-10, 1e-12


@pytest.mark.parametrize(("ds", "key"), FIT_KEYS)
def test_meta_analysis_matches_metafor_to_1e10(ds, key):
    method, test = key.split("_")
    yi, vi = data(ds)
    ref = REF[ds]["fits"][key]
    res = meta_analysis(yi, vi, method=method, test=test)
    for name in SCALARS:
        assert getattr(res, name) == pytest.approx(ref[name], rel=TIGHT_RTOL, abs=TIGHT_ATOL), name
    np.testing.assert_allclose(res.weights, ref["weights"], rtol=TIGHT_RTOL)
    frame = meta_analysis_many(yi[None, :], vi[None, :], method=method, test=test)
    for name in ("estimate", "se", "pvalue", "ci_low", "ci_high", "pi_low", "pi_high", "tau2"):
        assert frame[name].iloc[0] == pytest.approx(ref[name], rel=TIGHT_RTOL, abs=TIGHT_ATOL), name


@pytest.mark.parametrize(
    ("ds", "key"), [fk for fk in FIT_KEYS if "confint" in REF[fk[0]]["fits"][fk[1]]]
)
def test_tau2_confint_matches_metafor(ds, key):
    method, test = key.split("_")
    yi, vi = data(ds)
    ref = REF[ds]["fits"][key]["confint"]
    ci = tau2_confint(meta_analysis(yi, vi, method=method, test=test))
    assert list(ci.index) == ["tau2", "tau", "i2", "h2"]
    assert list(ci.columns) == ["estimate", "ci_low", "ci_high"]
    for row in ci.index:
        np.testing.assert_allclose(ci.loc[row].to_numpy(), ref[row], rtol=RTOL, atol=1e-8)


@pytest.mark.parametrize("key", ["REML_z", "DL_knha"])
def test_other_confidence_level_matches_metafor(key):
    method, test = key.split("_")
    yi, vi = data("bcg")
    ref = REF["bcg"]["fits90"][key]
    res = meta_analysis(yi, vi, method=method, test=test, level=0.90)
    for name in ("ci_low", "ci_high", "pi_low", "pi_high"):
        assert getattr(res, name) == pytest.approx(ref[name], rel=RTOL)
    ci = tau2_confint(res, level=0.90)
    np.testing.assert_allclose(ci.loc["tau2"].to_numpy(), ref["confint"]["tau2"], rtol=RTOL)


def test_conventions_note_example():
    # the worked example in /work/shared/notes/metafor-conventions.md
    yi, vi = data("bcg")
    res = meta_analysis(yi, vi)
    assert res.tau2 == pytest.approx(0.3132432581, rel=1e-9)
    assert res.estimate == pytest.approx(-0.7145323422, rel=1e-9)
    assert res.se == pytest.approx(0.1797815161, rel=1e-9)
    assert res.i2 == pytest.approx(92.22138452, rel=1e-9)


def test_data_frame_interface_and_labels():
    yi, vi = data("bcg")
    df = pd.DataFrame({"yi": yi, "vi": vi, "study": REF["bcg"]["labels"]})
    res = meta_analysis(data=df, yi="yi", vi="vi", labels="study")
    direct = meta_analysis(yi, vi)
    assert res.estimate == direct.estimate
    assert res.labels == REF["bcg"]["labels"]
    assert meta_analysis(data=df).estimate == direct.estimate
    assert direct.labels[:2] == ["Study 1", "Study 2"]


def test_effect_size_object_is_accepted():
    from course_kit.effect_sizes import zcor

    m = REF["molloy"]
    res = meta_analysis(zcor(m["ri"], m["ni"]))
    assert res.estimate == pytest.approx(REF["molloy"]["fits"]["REML_z"]["estimate"], rel=RTOL)
    # a pandas index on the inputs becomes the study labels
    ri = pd.Series(m["ri"], index=m["labels"])
    assert meta_analysis(zcor(ri, m["ni"])).labels == m["labels"]


def test_to_frame_has_per_study_rows():
    yi, vi = data("normand")
    res = meta_analysis(yi, vi, labels=REF["normand"]["labels"])
    frame = res.to_frame()
    assert list(frame.columns) == ["study", "yi", "vi", "se", "ci_low", "ci_high", "weight"]
    assert len(frame) == res.k
    assert frame["weight"].sum() == pytest.approx(100.0)
    np.testing.assert_allclose(frame["ci_low"], yi - 1.959963984540054 * np.sqrt(vi))
    np.testing.assert_allclose(res.ci_high_study, frame["ci_high"])


def test_fixed_effect_has_no_prediction_interval_beyond_ci():
    yi, vi = data("bcg")
    res = meta_analysis(yi, vi, method="FE")
    assert res.tau2 == 0.0
    assert (res.pi_low, res.pi_high) == (res.ci_low, res.ci_high)
    assert meta_analysis(yi, vi, method="EE").estimate == res.estimate
    with pytest.raises(ValueError, match="result"):
        tau2_confint(res)


def test_single_study_is_allowed_with_fe():
    res = meta_analysis([0.3], [0.04], method="FE")
    assert res.estimate == 0.3
    assert res.se == pytest.approx(0.2)
    assert res.q == 0.0 and res.q_pvalue == 1.0 and res.i2 == 0.0


def test_summary_html_and_repr_show_key_numbers():
    yi, vi = data("bcg")
    res = meta_analysis(yi, vi, test="knha")
    text = res.summary()
    assert "-0.7145" in text and "tval" in text and "0.3132" in text
    html = res._repr_html_()
    assert html.startswith("<table") and "-0.715" in html
    assert "MetaResult" in repr(res)
    fe = meta_analysis(yi, vi, method="FE").summary()
    assert "Fixed-effect" in fe and "Prediction" not in fe


def test_metafor_code_round_trips_numbers():
    yi, vi = data("molloy")
    res = meta_analysis(yi, vi, method="PM", test="knha", level=0.9)
    code = res.metafor_code()
    assert code.startswith("library(metafor)")
    assert 'method = "PM"' in code and 'test = "knha"' in code and "level = 90" in code
    inside = code.split("yi = c(")[1].split(")")[0]
    np.testing.assert_array_equal(np.array([float(x) for x in inside.split(",")]), yi)


def test_result_is_a_metaresult_with_input_arrays():
    yi, vi = data("bcg")
    res = meta_analysis(list(yi), tuple(vi))
    assert isinstance(res, MetaResult)
    assert isinstance(res.yi, np.ndarray) and isinstance(res.vi, np.ndarray)
    assert res.k == 13 and res.q_df == 12 and res.df is None
    assert meta_analysis(yi, vi, test="knha").df == 12
