"""meta_regression and subgroup_analysis against metafor 3.8-1."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_kit.meta import meta_analysis, meta_regression, subgroup_analysis

REF = json.loads((Path(__file__).parent / "reference" / "metafor_reference.json").read_text())
BCG = REF["bcg"]
YI, VI = np.array(BCG["yi"]), np.array(BCG["vi"])
FRAME = pd.DataFrame({"yi": YI, "vi": VI, "ablat": BCG["ablat"], "year": BCG["year"]})
RTOL = 1e-6


@pytest.mark.parametrize("key", list(BCG["metareg"]))
def test_meta_regression_matches_metafor(key):
    method, test = key.split("_")
    ref = BCG["metareg"][key]
    res = meta_regression("yi", "vi", ["ablat", "year"], method=method, test=test, data=FRAME)
    assert list(res.params.index) == ["intercept", "ablat", "year"]
    for name in ("params", "bse", "statistic", "pvalues", "ci_low", "ci_high"):
        np.testing.assert_allclose(
            getattr(res, name).to_numpy(), ref[name], rtol=RTOL, err_msg=name
        )
    for name in ("tau2", "qm", "qm_df", "qm_pvalue", "qe", "qe_df", "qe_pvalue", "r2", "i2", "h2"):
        assert getattr(res, name) == pytest.approx(ref[name], rel=RTOL, abs=1e-9), name


def test_single_moderator_array_matches_metafor():
    ref = BCG["metareg_ablat_REML_z"]
    res = meta_regression(YI, VI, np.array(BCG["ablat"]))
    np.testing.assert_allclose(res.params.to_numpy(), ref["params"], rtol=RTOL)
    np.testing.assert_allclose(res.bse.to_numpy(), ref["bse"], rtol=RTOL)
    assert res.tau2 == pytest.approx(ref["tau2"], rel=RTOL)
    assert res.qm == pytest.approx(ref["qm"], rel=RTOL)
    assert res.r2 == pytest.approx(ref["r2"], rel=RTOL)
    assert list(res.params.index) == ["intercept", "x1"]


def test_moderator_forms_give_the_same_fit():
    a = meta_regression(YI, VI, FRAME[["ablat", "year"]])
    b = meta_regression(YI, VI, FRAME[["ablat", "year"]].to_numpy())
    c = meta_regression(YI, VI, FRAME["ablat"])
    np.testing.assert_allclose(a.params.to_numpy(), b.params.to_numpy())
    assert list(b.params.index) == ["intercept", "x1", "x2"]
    assert list(c.params.index) == ["intercept", "ablat"]


def test_regression_outputs():
    res = meta_regression(YI, VI, FRAME[["ablat"]], test="knha")
    frame = res.to_frame()
    assert list(frame.columns) == [
        "term",
        "estimate",
        "se",
        "statistic",
        "pvalue",
        "ci_low",
        "ci_high",
    ]
    assert "F(df1 = 1, df2 = 11)" in res.summary()
    assert "<table" in res._repr_html_()
    assert res.df == 11


def test_regression_bad_input():
    with pytest.raises(ValueError, match="mods has 3 rows"):
        meta_regression(YI, VI, [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="mods: the moderators are collinear"):
        meta_regression(YI, VI, np.ones(13))
    with pytest.raises(ValueError, match="mods: column"):
        meta_regression("yi", "vi", ["latitude"], data=FRAME)
    with pytest.raises(TypeError, match="mods is required"):
        meta_regression(YI, VI)
    with pytest.raises(ValueError, match="mods contains missing"):
        meta_regression(YI, VI, np.r_[np.nan, np.arange(12.0)])
    with pytest.raises(ValueError, match="needs at least 3 studies"):
        meta_regression(YI[:2], VI[:2], [1.0, 2.0])


@pytest.mark.parametrize("method", ["REML", "DL", "FE"])
def test_subgroup_analysis_matches_separate_metafor_fits(method):
    ref = BCG["subgroups"][method]
    res = subgroup_analysis(YI, VI, BCG["alloc"], method=method, labels=BCG["labels"])
    assert list(res.subgroups) == ["random", "alternate", "systematic"]
    for name, sub in ref["groups"].items():
        fit = res.subgroups[name]
        assert fit.k == sub["k"]
        assert fit.estimate == pytest.approx(sub["estimate"], rel=RTOL)
        assert fit.se == pytest.approx(sub["se"], rel=RTOL)
        assert fit.tau2 == pytest.approx(sub["tau2"], rel=RTOL, abs=1e-9)
    assert res.q_between == pytest.approx(ref["q_between"], rel=RTOL)
    assert res.q_between_df == ref["q_between_df"]
    assert res.q_between_pvalue == pytest.approx(ref["q_between_pvalue"], rel=RTOL)
    assert res.overall.estimate == pytest.approx(BCG["fits"][f"{method}_z"]["estimate"], rel=RTOL)
    frame = res.to_frame()
    assert frame["subgroup"].tolist() == ["random", "alternate", "systematic", "Overall"]
    assert "subgroup differences" in res.summary()
    assert res.subgroups["random"].labels[0] == BCG["labels"][0]


def test_subgroup_with_one_study_uses_fixed_effect():
    res = subgroup_analysis([0.1, 0.3, 0.2, 0.8], [0.02, 0.03, 0.02, 0.05], ["a", "a", "a", "b"])
    single = res.subgroups["b"]
    assert single.k == 1 and single.tau2 == 0.0 and single.estimate == 0.8
    assert res.overall.k == 4


def test_subgroup_bad_input():
    with pytest.raises(ValueError, match="groups has 2 entries"):
        subgroup_analysis(YI, VI, ["a", "b"])
    with pytest.raises(ValueError, match="at least two different subgroups"):
        subgroup_analysis(YI, VI, ["a"] * 13)
    with pytest.raises(ValueError, match="method"):
        subgroup_analysis(YI, VI, BCG["alloc"], method="XYZ")


def test_binary_moderator_under_fe_reproduces_two_subgroup_means():
    # with one 0/1 moderator and FE, the intercept is the FE mean of group 0 and the
    # slope the difference of the two FE means (an independent, closed-form check)
    group = np.array([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1], dtype=float)
    res = meta_regression(YI, VI, group, method="FE")
    w = 1 / VI
    m0 = np.sum(w[group == 0] * YI[group == 0]) / np.sum(w[group == 0])
    m1 = np.sum(w[group == 1] * YI[group == 1]) / np.sum(w[group == 1])
    assert res.params["intercept"] == pytest.approx(m0, rel=1e-12)
    assert res.params["x1"] == pytest.approx(m1 - m0, rel=1e-12)
    se_diff = np.sqrt(1 / np.sum(w[group == 0]) + 1 / np.sum(w[group == 1]))
    assert res.bse["x1"] == pytest.approx(se_diff, rel=1e-12)
    assert res.qm == pytest.approx(((m1 - m0) / se_diff) ** 2, rel=1e-10)
    fe = meta_analysis(YI, VI, method="FE")
    assert res.qe + res.qm == pytest.approx(fe.q, rel=1e-10)  # Q splits into QM + QE
