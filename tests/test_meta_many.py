"""meta_analysis_many equals a loop of meta_analysis (which agrees with metafor)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from course_kit.meta import meta_analysis, meta_analysis_many

REF = json.loads((Path(__file__).parent / "reference" / "metafor_reference.json").read_text())
METHODS = ["FE", "DL", "HE", "SJ", "ML", "REML", "EB", "PM"]
COLUMNS = [
    "estimate",
    "se",
    "statistic",
    "pvalue",
    "ci_low",
    "ci_high",
    "pi_low",
    "pi_high",
    "tau2",
    "i2",
    "q",
    "q_pvalue",
]


def simulate(n=60, k=12, seed=7):
    rng = np.random.default_rng(seed)
    vi = rng.uniform(0.005, 0.2, size=(n, k))
    tau2 = rng.choice([0.0, 0.01, 0.1], size=(n, 1))
    yi = rng.normal(0.3, np.sqrt(vi + tau2))
    return yi, vi


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("test", ["z", "knha"])
def test_rows_equal_single_fits(method, test):
    yi, vi = simulate()
    frame = meta_analysis_many(yi, vi, method=method, test=test)
    assert len(frame) == len(yi)
    loop = [meta_analysis(y, v, method=method, test=test) for y, v in zip(yi, vi, strict=True)]
    for col in COLUMNS:
        expected = np.array([getattr(r, col) for r in loop])
        atol = {"tau2": 1e-9, "i2": 1e-6, "pvalue": 1e-12, "q_pvalue": 1e-12}.get(col, 1e-10)
        np.testing.assert_allclose(
            frame[col].to_numpy(), expected, rtol=1e-7, atol=atol, err_msg=col
        )


@pytest.mark.parametrize("key", ["REML_z", "PM_knha", "DL_z", "ML_z", "EB_z"])
def test_metafor_datasets_as_rows(key):
    method, test = key.split("_")
    # three datasets of different sizes in one call: absent studies are NaN
    rows = ("bcg", "normand", "molloy")
    k = max(len(REF[d]["yi"]) for d in rows)
    yi = np.full((3, k), np.nan)
    vi = np.full((3, k), np.nan)
    for i, d in enumerate(rows):
        yi[i, : len(REF[d]["yi"])] = REF[d]["yi"]
        vi[i, : len(REF[d]["vi"])] = REF[d]["vi"]
    frame = meta_analysis_many(yi, vi, method=method, test=test)
    for i, d in enumerate(rows):
        ref = REF[d]["fits"][key]
        assert frame["k"].iloc[i] == ref["k"]
        for col in ("estimate", "se", "pvalue", "ci_low", "ci_high", "pi_low", "pi_high", "i2"):
            assert frame[col].iloc[i] == pytest.approx(ref[col], rel=1e-6, abs=1e-9), (d, col)
        assert frame["tau2"].iloc[i] == pytest.approx(ref["tau2"], rel=1e-6, abs=1e-9)


def test_oscillating_fisher_scoring_falls_back_to_the_score_root():
    # a row where Fisher scoring for ML oscillates (metafor stops with an error there)
    rng = np.random.default_rng(0)
    vi = rng.uniform(0.01, 0.2, (300, 25))
    yi = rng.normal(0.3, np.sqrt(vi + rng.choice([0, 0.01, 0.05], size=(300, 1))))
    from course_kit.meta._estimators import score

    res = meta_analysis(yi[99], vi[99], method="ML")
    assert abs(score(res.tau2, yi[99], vi[99], np.ones((25, 1)), "ML")) < 1e-8
    many = meta_analysis_many(yi[95:100], vi[95:100], method="ML")
    assert many["tau2"].iloc[-1] == pytest.approx(res.tau2, rel=1e-8)


def test_many_bad_input():
    yi, vi = simulate(n=3, k=4)
    with pytest.raises(ValueError, match="same shape"):
        meta_analysis_many(yi, vi[:, :3])
    with pytest.raises(ValueError, match="yi must be 2-dimensional"):
        meta_analysis_many(yi[0], vi[0])
    bad = vi.copy()
    bad[0, 0] = -1
    with pytest.raises(ValueError, match="vi must be greater than 0"):
        meta_analysis_many(yi, bad)
    y2 = yi.copy()
    y2[1, 2] = np.nan
    with pytest.raises(ValueError, match="NaN in both"):
        meta_analysis_many(y2, vi)
    y3, v3 = yi.copy(), vi.copy()
    y3[2, 1:] = np.nan
    v3[2, 1:] = np.nan
    with pytest.raises(ValueError, match=r"row\(s\) \[2\]"):
        meta_analysis_many(y3, v3)
    assert meta_analysis_many(y3, v3, method="FE")["k"].tolist() == [4, 4, 1]
    with pytest.raises(ValueError, match="method"):
        meta_analysis_many(yi, vi, method="bayes")


def edge_rows(seed=11):
    """Rows that take every path of the batch: k = 2, identical effects (τ² = 0 and
    Q = 0), estimates on the boundary, large τ², ragged rows, and enough rows for the
    work set to be gathered and its last rows handed to the scalar steps."""
    rng = np.random.default_rng(seed)
    n, k = 240, 16
    vi = rng.uniform(0.005, 0.3, size=(n, k))
    tau2 = rng.choice([0.0, 0.0, 0.002, 0.05, 2.0], size=(n, 1))
    yi = rng.normal(0.2, np.sqrt(vi + tau2))
    yi[:10] = 0.4  # identical effects
    absent = rng.uniform(size=(n, k)) < 0.15
    absent[:, :2] = False
    absent[10:40, 2:] = True  # k = 2
    yi[absent] = np.nan
    vi[absent] = np.nan
    return yi, vi


@pytest.mark.parametrize("method", ["REML", "ML", "EB"])
@pytest.mark.parametrize("test", ["z", "knha"])
def test_edge_rows_equal_single_fits(method, test):
    yi, vi = edge_rows()
    frame = meta_analysis_many(yi, vi, method=method, test=test)
    assert not frame.isna().to_numpy().any()
    loop = [
        meta_analysis(y[np.isfinite(y)], v[np.isfinite(v)], method=method, test=test)
        for y, v in zip(yi, vi, strict=True)
    ]
    for col in COLUMNS:
        expected = np.array([getattr(r, col) for r in loop])
        np.testing.assert_allclose(
            frame[col].to_numpy(), expected, rtol=1e-10, atol=1e-12, err_msg=col
        )
    assert (frame["k"].iloc[10:40] == 2).all()
    assert (frame["tau2"].iloc[:10] == 0.0).all()


@pytest.mark.parametrize("method", ["REML", "ML"])
def test_estimates_are_roots_or_zero_where_the_score_is_negative(method):
    # τ² > 0 solves the score equation; τ² = 0 exactly (not ~1e-11, where step halving
    # towards the boundary used to stop) where the score at 0 is ≤ 0 or the
    # likelihood is higher at 0 (metafor's check)
    from course_kit.meta._estimators import _loglik1, score

    yi, vi = edge_rows(seed=3)
    frame = meta_analysis_many(yi, vi, method=method)
    reml = method == "REML"
    zeros = 0
    for (y, v), t in zip(zip(yi, vi, strict=True), frame["tau2"], strict=True):
        y, v = y[np.isfinite(y)], v[np.isfinite(v)]
        X = np.ones((len(y), 1))
        if t > 0:
            assert abs(score(t, y, v, X, method)) < 1e-6 * max(
                1.0, abs(score(0.0, y, v, X, method))
            )
        else:
            zeros += 1
            at0 = score(0.0, y, v, X, method) <= 0.0
            # where the score at 0 is > 0, the root has a lower likelihood than 0
            assert at0 or _loglik1(0.0, y, v, reml) >= _loglik1(1e-6, y, v, reml) - 1e-6
    assert zeros > 20
    assert frame["tau2"].min() == 0.0 and (frame["tau2"][frame["tau2"] < 1e-8] == 0.0).all()
