"""course_kit.effect_sizes against metafor's escalc (fixtures from make_reference.R)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from course_kit import effect_sizes as es

REF = json.loads((Path(__file__).parent / "reference" / "metafor_reference.json").read_text())
RTOL = 1e-10


def test_smd_matches_escalc():
    n = REF["normand"]
    res = es.smd(n["m1"], n["sd1"], n["n1"], n["m2"], n["sd2"], n["n2"])
    np.testing.assert_allclose(res.yi, n["yi"], rtol=RTOL)
    np.testing.assert_allclose(res.vi, n["vi"], rtol=RTOL)
    assert res.measure == "SMD"


def test_smd_uncorrected_is_corrected_divided_by_j():
    # metafor 3.8-1 has no uncorrected SMD; check against J from plain gamma functions
    from scipy.special import gamma

    n = REF["normand"]
    res = es.smd(n["m1"], n["sd1"], n["n1"], n["m2"], n["sd2"], n["n2"], correct=False)
    m = np.array(n["n1"]) + np.array(n["n2"]) - 2
    j = gamma(m / 2) / (np.sqrt(m / 2) * gamma((m - 1) / 2))
    np.testing.assert_allclose(res.yi, np.array(n["yi"]) / j, rtol=1e-10)
    total = np.array(n["n1"]) + np.array(n["n2"])
    expected_vi = 1 / np.array(n["n1"]) + 1 / np.array(n["n2"]) + res.yi**2 / (2 * total)
    np.testing.assert_allclose(res.vi, expected_vi, rtol=1e-12)


def test_smd_from_t_equals_smd_from_means():
    m1, sd1, n1, m2, sd2, n2 = 12.0, 3.0, 25, 10.0, 3.5, 30
    sp = np.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / (n1 + n2 - 2))
    t = (m1 - m2) / (sp * np.sqrt(1 / n1 + 1 / n2))
    a = es.smd(m1, sd1, n1, m2, sd2, n2)
    b = es.smd_from_t(t, n1, n2)
    np.testing.assert_allclose(b.yi, a.yi, rtol=1e-12)
    np.testing.assert_allclose(b.vi, a.vi, rtol=1e-12)


@pytest.mark.parametrize(
    ("func", "measure"),
    [(es.log_odds_ratio, "OR"), (es.log_risk_ratio, "RR"), (es.risk_difference, "RD")],
)
def test_two_by_two_tables_match_escalc_including_zero_cells(func, measure):
    t = REF["tables"]
    res = func(t["a"], t["b"], t["c"], t["d"])
    np.testing.assert_allclose(res.yi, t[measure]["yi"], rtol=RTOL, atol=1e-14)
    np.testing.assert_allclose(res.vi, t[measure]["vi"], rtol=RTOL)


def test_log_risk_ratio_reproduces_bcg_inputs():
    t = REF["tables"]
    res = es.log_risk_ratio(t["a"][:13], t["b"][:13], t["c"][:13], t["d"][:13])
    np.testing.assert_allclose(res.yi, REF["bcg"]["yi"], rtol=RTOL)
    np.testing.assert_allclose(res.vi, REF["bcg"]["vi"], rtol=RTOL)


def test_correlations_match_escalc():
    m = REF["molloy"]
    z = es.zcor(m["ri"], m["ni"])
    np.testing.assert_allclose(z.yi, m["yi"], rtol=RTOL, atol=1e-15)
    np.testing.assert_allclose(z.vi, m["vi"], rtol=RTOL)
    c = es.cor(m["ri"], m["ni"])
    np.testing.assert_allclose(c.yi, m["cor_yi"], rtol=RTOL)
    np.testing.assert_allclose(c.vi, m["cor_vi"], rtol=RTOL)


def test_conversions_and_round_trips():
    c = REF["conversions"]
    np.testing.assert_allclose(es.r_to_d(c["r"]), c["d_from_r"], rtol=1e-12)
    r = np.array([-0.6, -0.1, 0.0, 0.25, 0.7])
    np.testing.assert_allclose(es.d_to_r(es.r_to_d(r)), r, atol=1e-14)
    np.testing.assert_allclose(es.d_to_r(es.r_to_d(r, 20, 40), 20, 40), r, atol=1e-14)
    # equal groups: the general formula reduces to 2r/sqrt(1 - r^2)
    np.testing.assert_allclose(es.r_to_d(r, 30, 30), es.r_to_d(r), rtol=1e-14)
    lor = np.array([-1.2, 0.0, 0.5, 2.0])
    np.testing.assert_allclose(es.log_or_to_d(lor), lor * np.sqrt(3) / np.pi, rtol=1e-14)
    np.testing.assert_allclose(es.d_to_log_or(es.log_or_to_d(lor)), lor, rtol=1e-14)


def test_vectorised_over_scalars_lists_and_series_keeps_index():
    one = es.smd(10.0, 2.0, 20, 9.0, 2.0, 20)
    assert one.yi.shape == (1,)
    idx = pd.Index(["a", "b"], name="study")
    m1 = pd.Series([10.0, 12.0], index=idx)
    res = es.smd(m1, 2.0, 20, [9.0, 11.0], 2.0, 20)
    assert res.yi.shape == (2,)
    frame = res.to_frame()
    assert list(frame.index) == ["a", "b"]
    assert list(frame.columns) == ["yi", "vi", "se", "measure"]
    np.testing.assert_allclose(frame["se"], np.sqrt(res.vi))
    assert res.yi[0] == pytest.approx(one.yi[0])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n1": 1}, "n1"),
        ({"n2": [20, 1]}, "n2"),
        ({"sd1": 0.0}, "sd1"),
        ({"sd2": -1.0}, "sd2"),
        ({"m1": np.nan}, "m1"),
        ({"m2": np.inf}, "m2"),
    ],
)
def test_smd_rejects_bad_input(kwargs, match):
    args = {"m1": 10.0, "sd1": 2.0, "n1": 20, "m2": 9.0, "sd2": 2.0, "n2": 20, **kwargs}
    with pytest.raises(ValueError, match=match):
        es.smd(**args)


def test_bad_input_messages_name_the_argument():
    with pytest.raises(TypeError, match="m1"):
        es.smd("ten", 2.0, 20, 9.0, 2.0, 20)
    with pytest.raises(ValueError, match="same length"):
        es.smd([1.0, 2.0, 3.0], 2.0, 20, [1.0, 2.0], 2.0, 20)
    with pytest.raises(ValueError, match="r must lie strictly between"):
        es.zcor(1.0, 30)
    with pytest.raises(ValueError, match="r must lie strictly between"):
        es.r_to_d(-1.2)
    with pytest.raises(ValueError, match="n must be at least"):
        es.zcor(0.3, 3)
    with pytest.raises(ValueError, match="c must be a count"):
        es.log_odds_ratio(1, 2, -1, 4)
    with pytest.raises(ValueError, match="n1 and n2"):
        es.r_to_d(0.3, n1=10)
