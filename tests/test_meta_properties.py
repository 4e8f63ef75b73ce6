"""Invariances of meta_analysis that must hold for any data (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from course_kit.meta import meta_analysis

METHODS = ["FE", "DL", "HE", "SJ", "ML", "REML", "EB", "PM"]
SETTINGS = settings(max_examples=50, deadline=None)


@st.composite
def studies(draw, min_k=2, max_k=15):
    k = draw(st.integers(min_k, max_k))
    yi = draw(st.lists(st.floats(-2, 2, allow_nan=False), min_size=k, max_size=k))
    vi = draw(st.lists(st.floats(0.005, 0.5, allow_nan=False), min_size=k, max_size=k))
    return np.array(yi), np.array(vi)


def close(a, b, rel=1e-6, abs_=1e-8):
    return a == pytest.approx(b, rel=rel, abs=abs_)


@SETTINGS
@given(studies(), st.sampled_from(METHODS), st.sampled_from(["z", "knha"]), st.randoms())
def test_permutation_invariance(data, method, test, rnd):
    yi, vi = data
    perm = np.array(rnd.sample(range(len(yi)), len(yi)))
    a = meta_analysis(yi, vi, method=method, test=test)
    b = meta_analysis(yi[perm], vi[perm], method=method, test=test)
    for name in ("estimate", "se", "tau2", "q", "i2", "ci_low", "pi_high"):
        assert close(getattr(a, name), getattr(b, name)), name


@SETTINGS
@given(
    st.floats(-2, 2),
    st.lists(st.floats(0.005, 0.5), min_size=2, max_size=15),
    st.sampled_from(METHODS[1:]),
)
def test_every_method_equals_fe_when_studies_agree(value, vi, method):
    vi = np.array(vi)
    yi = np.full(len(vi), value)
    fe = meta_analysis(yi, vi, method="FE")
    re = meta_analysis(yi, vi, method=method)
    assert re.tau2 == pytest.approx(0.0, abs=1e-12)
    for name in ("estimate", "se", "ci_low", "ci_high", "pi_low", "pi_high"):
        assert close(getattr(re, name), getattr(fe, name), abs_=1e-10), name


@SETTINGS
@given(studies(), st.floats(-5, 5), st.sampled_from(METHODS), st.sampled_from(["z", "knha"]))
def test_shift_moves_location_only(data, shift, method, test):
    yi, vi = data
    a = meta_analysis(yi, vi, method=method, test=test)
    b = meta_analysis(yi + shift, vi, method=method, test=test)
    for name in ("estimate", "ci_low", "ci_high", "pi_low", "pi_high"):
        assert close(getattr(b, name), getattr(a, name) + shift, abs_=1e-7), name
    for name in ("se", "tau2", "q", "i2", "h2"):
        assert close(getattr(b, name), getattr(a, name), abs_=1e-7), name


@SETTINGS
@given(studies(), st.floats(0.1, 10), st.sampled_from(METHODS), st.sampled_from(["z", "knha"]))
def test_scaling_is_equivariant(data, c, method, test):
    yi, vi = data
    a = meta_analysis(yi, vi, method=method, test=test)
    b = meta_analysis(c * yi, c**2 * vi, method=method, test=test)
    assert close(b.estimate, c * a.estimate, abs_=1e-7)
    assert close(b.se, c * a.se, abs_=1e-7)
    assert close(b.tau2, c**2 * a.tau2, abs_=1e-8 * max(1.0, c**2))
    assert close(b.q, a.q, abs_=1e-7)
    assert close(b.pvalue, a.pvalue, abs_=1e-7)
