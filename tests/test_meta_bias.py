"""egger_test, rank_correlation_test and trim_and_fill against metafor 3.8-1."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from course_kit.meta import egger_test, meta_analysis, rank_correlation_test, trim_and_fill

REF = json.loads((Path(__file__).parent / "reference" / "metafor_reference.json").read_text())
DATASETS = ("bcg", "normand", "molloy")
RTOL = 1e-6


def data(ds):
    return np.array(REF[ds]["yi"]), np.array(REF[ds]["vi"])


@pytest.mark.parametrize("ds", DATASETS)
def test_egger_matches_regtest_lm(ds):
    ref = REF[ds]["bias"]["egger"]
    res = egger_test(*data(ds))
    for name in ("statistic", "pvalue", "df", "intercept", "intercept_se", "slope", "slope_se"):
        assert getattr(res, name) == pytest.approx(ref[name], rel=RTOL), name
    assert "Egger" in res.summary()


@pytest.mark.parametrize("ds", DATASETS)
def test_rank_test_matches_ranktest(ds):
    ref = REF[ds]["bias"]["ranktest"]
    res = rank_correlation_test(*data(ds))
    assert res.statistic == pytest.approx(ref["statistic"], rel=RTOL, abs=1e-12)
    assert res.pvalue == pytest.approx(ref["pvalue"], rel=RTOL)


def test_rank_test_uses_exact_p_without_ties_and_normal_with_ties():
    assert rank_correlation_test(*data("bcg")).exact  # k = 13, no ties
    assert not rank_correlation_test(*data("molloy")).exact  # tied sample sizes
    # no ties and k > 33: still exact (scipy's default would switch to the normal approximation)
    rng = np.random.default_rng(3)
    vi = rng.uniform(0.01, 0.2, 40)
    yi = rng.normal(0, np.sqrt(vi))
    assert rank_correlation_test(yi, vi).exact


@pytest.mark.parametrize("ds", DATASETS)
@pytest.mark.parametrize("method", ["FE", "DL", "REML", "PM"])
@pytest.mark.parametrize("estimator", ["L0", "R0"])
def test_trim_and_fill_matches_trimfill(ds, method, estimator):
    ref = REF[ds]["bias"][f"trimfill_{method}_{estimator}"]
    yi, vi = data(ds)
    res = trim_and_fill(meta_analysis(yi, vi, method=method), estimator=estimator)
    assert res.k0 == ref["k0"]
    assert res.side == ref["side"]
    f = res.filled
    assert f.k == ref["k"]
    np.testing.assert_allclose(f.yi, ref["yi"], rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(f.vi, ref["vi"], rtol=1e-12)
    np.testing.assert_array_equal(res.imputed, ref["fill"])
    for name in ("estimate", "se", "ci_low", "ci_high", "pvalue", "q"):
        assert getattr(f, name) == pytest.approx(ref[name], rel=RTOL), name
    assert f.tau2 == pytest.approx(ref["tau2"], rel=RTOL, abs=1e-9)
    assert len(res.imputed_yi) == res.k0 == res.imputed.sum()
    if res.k0:
        assert f.labels[-1] == f"Filled {res.k0}"
        assert f.test == "z"


def test_trim_and_fill_explicit_side_and_outputs():
    yi, vi = data("bcg")
    res = trim_and_fill(meta_analysis(yi, vi), side="left")
    assert res.side == "left"
    frame = res.to_frame()
    assert "imputed" in frame.columns and len(frame) == res.filled.k
    assert "Trim-and-fill" in res.summary()
    assert "<table" in res._repr_html_()


def test_bias_bad_input():
    with pytest.raises(ValueError, match="at least 3 studies"):
        egger_test([0.1, 0.2], [0.01, 0.02])
    with pytest.raises(ValueError, match="vi"):
        egger_test([0.1, 0.2, 0.3], [0.01, 0.0, 0.02])
    with pytest.raises(ValueError, match="yi"):
        rank_correlation_test([0.1, np.nan, 0.3], [0.01, 0.02, 0.02])
    with pytest.raises(TypeError, match="result"):
        trim_and_fill([0.1, 0.2, 0.3])
    res = meta_analysis(*data("bcg"))
    with pytest.raises(ValueError, match="estimator"):
        trim_and_fill(res, estimator="Q9")
    with pytest.raises(ValueError, match="side"):
        trim_and_fill(res, side="up")


def test_egger_accepts_a_result():
    res = meta_analysis(*data("normand"))
    assert egger_test(res).statistic == egger_test(*data("normand")).statistic


def test_degenerate_inputs_raise_clear_errors():
    with pytest.raises(ValueError, match="yi: the effect sizes lie exactly on a line"):
        egger_test([0.3, 0.3, 0.3, 0.3], [0.01, 0.02, 0.03, 0.04])
    with pytest.raises(ValueError, match="yi: all effect sizes are equal"):
        rank_correlation_test([0.3, 0.3, 0.3, 0.3], [0.01, 0.02, 0.03, 0.04])
    with pytest.raises(ValueError, match="vi: all sampling variances are equal"):
        rank_correlation_test([0.1, 0.3, 0.2, 0.5], [0.02] * 4)


def test_trim_and_fill_oscillation_is_reported():
    # metafor 3.8-1's trimfill() alternates between 0 and 2 missing studies here too
    yi = [-0.22098512, -0.01242604, -2.84080072, -0.57589457, 1.13711524, -1.01945389,
          1.3009381, 1.97376789, -0.16300555, -0.74334823, 0.05804387, -1.45299534,
          1.28142931, 0.49570698, -1.42704632, -0.80226209, -0.32412943, 1.08885264,
          0.83616998, -0.65276671, 0.17185263, -0.44802283]  # fmt: skip
    vi = [1.03767106e-03, 3.50890335e-01, 1.15511293, 1.43465355, 1.74304859, 9.54155801e-01,
          7.34218216e-02, 1.11215830, 1.70558364, 9.41374877e-01, 1.98695468, 1.74245126,
          5.11414068e-01, 1.80919736, 2.70607109e-01, 1.46872873, 3.83724082e-01,
          1.63326582e-01, 4.26063340e-01, 1.20708659, 1.91886620, 4.46088540e-01]  # fmt: skip
    with pytest.raises(RuntimeError, match="did not converge"):
        trim_and_fill(meta_analysis(yi, vi, method="HE"))
