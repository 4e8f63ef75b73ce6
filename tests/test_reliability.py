"""ICC, kappa and coder certification, checked against R psych, pingouin and by hand."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_kit.reliability import FORMS, certify_coder, cohen_kappa, icc

REFERENCE = json.loads(
    (Path(__file__).parent / "reference" / "reliability_reference.json").read_text()
)
WINE = np.array(REFERENCE["icc"]["shrout_fleiss"]["ratings"], dtype=float)
VIGNETTES = [8, 2, 5, 7, 3, 6]


def _long(wide: np.ndarray) -> pd.DataFrame:
    n, k = wide.shape
    return pd.DataFrame(
        {
            "target": np.repeat(np.arange(n), k),
            "rater": np.tile([f"r{j}" for j in range(k)], n),
            "score": wide.ravel(),
        }
    )


# --- ICC ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(REFERENCE["icc"]))
def test_icc_matches_r_psych(name):
    ref = REFERENCE["icc"][name]
    table = icc(np.array(ref["ratings"], dtype=float)).to_frame()
    assert list(table.index) == list(FORMS) == ref["type"]
    for ours, theirs in [
        ("icc", "icc"),
        ("F", "F"),
        ("df1", "df1"),
        ("df2", "df2"),
        ("pvalue", "p"),
        ("ci_low", "lower"),
        ("ci_high", "upper"),
    ]:
        np.testing.assert_allclose(table[ours], ref[theirs], rtol=1e-9, atol=1e-12)


def test_icc_matches_published_shrout_fleiss_values():
    # Shrout & Fleiss (1979), Table 4: ICCs of their 6 x 4 example.
    published = [0.17, 0.29, 0.71, 0.44, 0.62, 0.91]
    assert icc(WINE).to_frame()["icc"].round(2).tolist() == published


@pytest.mark.filterwarnings("ignore:The inplace keyword")
@pytest.mark.parametrize("wide", [WINE, np.array(REFERENCE["icc"]["synthetic_30x3"]["ratings"])])
def test_icc_matches_pingouin(wide):
    pg = pytest.importorskip("pingouin")
    theirs = pg.intraclass_corr(_long(wide), targets="target", raters="rater", ratings="score")
    ours = icc(_long(wide), targets="target", raters="rater", ratings="score").to_frame()
    np.testing.assert_allclose(ours["icc"], theirs["ICC"], atol=1e-6)
    np.testing.assert_allclose(ours["F"], theirs["F"], atol=1e-6)
    np.testing.assert_allclose(ours["pvalue"], theirs["pval"], atol=1e-6)
    # pingouin rounds its intervals to 2 decimals (they match R psych to 1e-9 above).
    ci = np.vstack(theirs["CI95"].to_numpy())
    np.testing.assert_allclose(ours["ci_low"], ci[:, 0], atol=0.005 + 1e-9)
    np.testing.assert_allclose(ours["ci_high"], ci[:, 1], atol=0.005 + 1e-9)


def test_icc_long_and_wide_agree_and_raters_are_columns():
    wide = icc(WINE).to_frame()
    long = icc(_long(WINE), targets="target", raters="rater", ratings="score").to_frame()
    pd.testing.assert_frame_equal(wide, long)
    # Swapping raters (columns) changes nothing; a rater's constant shift changes only ICC1/2.
    np.testing.assert_allclose(icc(WINE[:, ::-1]).to_frame()["icc"], wide["icc"], atol=1e-12)
    shifted = icc(WINE + np.array([0, 0, 0, 3])).to_frame()["icc"]
    assert shifted["ICC3"] == pytest.approx(wide.loc["ICC3", "icc"], abs=1e-12)
    assert shifted["ICC2"] < wide.loc["ICC2", "icc"]


def test_icc_without_error_variance_has_finite_limits():
    same = icc(np.array([[1, 1], [3, 3], [5, 5], [2, 2]])).to_frame()
    assert (same[["icc", "ci_low", "ci_high"]] == 1.0).all().all()
    # Raters differing only by a constant: MSE = 0. The agreement interval is the limit
    # of nearly-constant shifts, not NaN and not (1, 1).
    shift = np.array([[1.0, 2], [3, 4], [5, 6], [2, 3]])
    exact = icc(shift).to_frame()
    near = icc(shift + np.array([[0, 1e-4], [0, 0], [0, 0], [0, 0]])).to_frame()
    assert exact.loc["ICC3", "ci_low"] == 1.0
    np.testing.assert_allclose(exact["ci_low"], near["ci_low"], atol=1e-3)
    np.testing.assert_allclose(exact["ci_high"], near["ci_high"], atol=1e-3)
    assert exact.loc["ICC2", "ci_low"] < exact.loc["ICC2", "icc"] < exact.loc["ICC2", "ci_high"]


def test_icc_of_a_trial_needs_family_and_wave():
    from course_kit.simulate import vipp_trial

    df = vipp_trial(60, seed=3)
    with pytest.raises(ValueError, match="wave"):
        icc(df)
    res = icc(df, targets=["family", "wave"])
    assert res.n == 120 and res.k == 2
    assert 0 < res["ICC2"] < 1
    assert "ICC2" in res.summary() and "<table" in res._repr_html_()


def test_icc_rejects_bad_input():
    with pytest.raises(ValueError, match="2 raters"):
        icc(WINE[:, :1])
    with pytest.raises(ValueError, match="2 targets"):
        icc(WINE[:1])
    with pytest.raises(ValueError, match="no column"):
        icc(_long(WINE), targets="family", raters="rater", ratings="score")
    incomplete = _long(WINE).iloc[1:]
    with pytest.raises(ValueError, match="not rated by every rater"):
        icc(incomplete, targets="target", raters="rater", ratings="score")
    with pytest.raises(ValueError, match="same mean"):
        icc(np.ones((5, 2)))
    with pytest.raises(ValueError, match="missing"):
        icc(np.array([[1.0, 2.0], [np.nan, 3.0], [4.0, 5.0]]))
    with pytest.raises(ValueError, match="form"):
        icc(WINE)["ICC4"]
    with pytest.raises(ValueError, match="confidence"):
        icc(WINE, confidence=1.0)


# --- kappa ----------------------------------------------------------------------------


def _kappa_by_hand(r1, r2, power):
    """Weighted kappa from its definition on the full 9 x 9 table (power 0: unweighted)."""
    table = np.zeros((9, 9))
    for a, b in zip(r1, r2, strict=True):
        table[a - 1, b - 1] += 1
    p = table / table.sum()
    expected = np.outer(p.sum(axis=1), p.sum(axis=0))
    i, j = np.indices((9, 9))
    w = (i != j).astype(float) if power == 0 else (np.abs(i - j) / 8) ** power
    return 1 - (w * p).sum() / (w * expected).sum()


@pytest.mark.parametrize(("weights", "power"), [(None, 0), ("linear", 1), ("quadratic", 2)])
def test_kappa_equals_the_definition_on_a_small_example(weights, power):
    r1 = [5, 6, 7, 3, 4, 8, 2, 5]
    r2 = [5, 7, 7, 2, 4, 8, 3, 6]
    assert cohen_kappa(r1, r2, weights=weights).kappa == pytest.approx(
        _kappa_by_hand(r1, r2, power), abs=1e-12
    )


def test_linear_kappa_worked_by_hand():
    # Three items: (1,1), (2,3), (3,3). Observed weighted disagreement: (1/8)/3.
    # Expected: row margins (1/3, 1/3, 1/3 on 1..3), column margins (1/3 on 1, 2/3 on 3).
    # Sum of w * expected = 1/9 * [(0 + 2/8*2) + (1/8 + 1/8*2) + (2/8 + 0)] = 1/9 * 9/8 = 1/8.
    # kappa = 1 - (1/24) / (1/8) = 2/3.
    assert cohen_kappa([1, 2, 3], [1, 3, 3], weights="linear").kappa == pytest.approx(2 / 3)


@pytest.mark.parametrize("weights", [None, "linear", "quadratic"])
def test_kappa_matches_r_psych(weights):
    ref = REFERENCE["kappa"]["synthetic_40"]
    res = cohen_kappa(ref["r1"], ref["r2"], weights=weights)
    key = weights or "unweighted"
    assert res.kappa == pytest.approx(ref[key], abs=1e-12)
    assert res.kappa == pytest.approx(ref[f"{key}_by_definition"], abs=1e-12)
    if weights is None:  # psych's unweighted interval uses the same large-sample SE
        assert (res.ci_low, res.ci_high) == pytest.approx(ref["unweighted_ci"], abs=1e-10)


def test_kappa_keeps_unused_categories():
    # Only 3..6 used: with all nine categories the linear weights are |i - j| / 8, not / 3.
    r1, r2 = [3, 4, 5, 6, 4, 5], [3, 5, 5, 6, 3, 6]
    full = cohen_kappa(r1, r2, weights="linear")
    small = cohen_kappa(r1, r2, weights="linear", categories=range(3, 7))
    assert full.table.shape == (9, 9)
    assert full.kappa == pytest.approx(_kappa_by_hand(r1, r2, 1))
    assert small.table.shape == (4, 4)
    # Rescaling all weights by a constant leaves kappa unchanged: the same value.
    assert small.kappa == pytest.approx(full.kappa)


def test_kappa_result_and_validation():
    res = cohen_kappa([5, 5, 6, 7, 3], [5, 5, 6, 7, 3], weights="quadratic")
    assert res.kappa == 1 and res.ci_high == 1
    assert "weighted kappa = 1.00" in res.summary()
    assert set(res.to_frame().columns) >= {"kappa", "ci_low", "ci_high", "weights"}
    with pytest.raises(ValueError, match="r2"):
        cohen_kappa([1, 2, 3], [1, 2, 10])
    with pytest.raises(ValueError, match="r1"):
        cohen_kappa([1, 2.5, 3], [1, 2, 3])
    with pytest.raises(ValueError, match="same length"):
        cohen_kappa([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="weights"):
        cohen_kappa([1, 2, 3], [1, 2, 3], weights="cubic")


# --- certification --------------------------------------------------------------------


def test_certify_identical_ratings_pass():
    res = certify_coder(VIGNETTES, VIGNETTES)
    assert res.passed and res.certified and res.failed == []
    assert res.statistics["icc"] == pytest.approx(1.0)
    assert "Certified" in res.verdict
    assert "Certified" in res.summary()


def test_certify_close_ratings_pass():
    res = certify_coder([7, 3, 5, 6, 3, 6], VIGNETTES)
    assert res.passed
    assert res.statistics["within_one"] == 1.0
    assert res.statistics["exact"] == pytest.approx(0.5)


def test_certify_lenient_coder_fails_with_advice_to_be_stricter():
    res = certify_coder([min(v + 2, 9) for v in VIGNETTES], VIGNETTES)
    assert not res.passed
    assert res.statistics["mean_difference"] == pytest.approx(11 / 6)
    assert "within_one" in res.failed and "weighted_kappa" in res.failed
    assert "higher" in res.verdict and "stricter" in res.verdict
    # A constant shift keeps the order: no advice about ranking parents.
    assert "differences between parents" not in res.verdict


def test_certify_strict_coder_is_told_so():
    ref = [8, 2, 5, 7, 3, 6, 7, 4, 6, 5]
    res = certify_coder([r - 2 if r > 2 else 1 for r in ref], ref)
    assert not res.passed and "lower" in res.verdict


def test_certify_coder_who_misorders_parents_fails():
    res = certify_coder([3, 7, 5, 2, 8, 4], VIGNETTES)
    assert not res.passed
    assert "differences between parents" in res.verdict
    assert "1, 2, 4, 5, 6" in res.verdict


def test_certify_custom_criterion_and_frame():
    ratings = [8, 2, 5, 9, 3, 8]  # two ratings two points off
    assert not certify_coder(ratings, VIGNETTES).passed  # 4/6 within one < 80%
    lenient = certify_coder(ratings, VIGNETTES, criterion={"within_one": 0.6})
    assert lenient.passed and lenient.criterion == {"within_one": 0.6}
    frame = lenient.to_frame()
    assert frame.set_index("statistic").loc["within_one", "met"]
    assert "<table" in lenient._repr_html_()


@pytest.mark.parametrize(
    ("ratings", "reference", "kwargs", "match"),
    [
        ([1, 2, 3, 4, 5], [1, 2, 3, 4], {}, "same length"),
        ([1, 2, 3, 4, 10], [1, 2, 3, 4, 5], {}, "ratings"),
        ([1, 2, 3, 4, 5], [0, 2, 3, 4, 5], {}, "reference"),
        ([1, 2, 3, 4], [1, 2, 3, 4], {}, "at least 5"),
        ([1, 2, 3, 4, 5], [5, 5, 5, 5, 5], {}, "reference"),
        ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], {"criterion": {"alpha": 0.7}}, "criterion"),
        ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], {"criterion": {"icc": 1.5}}, "criterion"),
        ([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], {"kappa_weights": "none"}, "kappa_weights"),
    ],
)
def test_certify_validates_input(ratings, reference, kwargs, match):
    with pytest.raises(ValueError, match=match):
        certify_coder(ratings, reference, **kwargs)
