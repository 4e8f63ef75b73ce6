"""Where the meta-analysis engine departs from R's metafor on purpose (README, docstrings).

metafor 3.8-1 reports ``tau2.max = 100`` as the Q-profile upper bound when the root lies
beyond it, and ``ranktest()`` returns tau = -1, p = 1 for two studies. We return the root,
and refuse the rank test for k = 2. These tests pin that behaviour.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from course_kit import meta
from course_kit.meta import _bias, _model


def _two_studies():
    yi, vi = np.array([0.1, 0.9]), np.array([0.02, 0.03])
    return yi, vi, meta.meta_analysis(yi, vi, method="REML")


def test_k2_upper_tau2_bound_is_the_root_beyond_metafors_cap():
    yi, vi, res = _two_studies()
    ci = meta.tau2_confint(res)
    q = stats.chi2.ppf(0.025, df=1)
    root = ((yi[0] - yi[1]) ** 2 / q - vi.sum()) / 2  # Q(t) = (y1 - y2)^2 / (v1 + v2 + 2t)
    assert root > 100  # metafor would report its cap, tau2.max = 100
    assert ci.loc["tau2", "ci_high"] == pytest.approx(root, rel=1e-9)
    assert ci.loc["h2", "ci_high"] == pytest.approx(1 + root / res._vt, rel=1e-9)
    lower = ((yi[0] - yi[1]) ** 2 / stats.chi2.ppf(0.975, df=1) - vi.sum()) / 2
    assert ci.loc["tau2", "ci_low"] == pytest.approx(lower, rel=1e-9)


def test_bounds_below_the_cap_are_unchanged():
    """With more studies the bound is well below 100, where metafor and we agree."""
    yi = np.array([0.1, 0.6, -0.2, 0.9, 0.3])
    vi = np.array([0.02, 0.03, 0.02, 0.04, 0.03])
    ci = meta.tau2_confint(meta.meta_analysis(yi, vi))
    assert ci.loc["tau2", "ci_high"] < 100


def test_rank_test_refuses_two_studies_where_metafor_returns_tau_minus_one():
    yi, vi, res = _two_studies()
    with pytest.raises(ValueError, match="at least 3 studies"):
        meta.rank_correlation_test(yi, vi)
    with pytest.raises(ValueError, match="at least 3 studies"):
        meta.rank_correlation_test(res)
    assert meta.rank_correlation_test([0.8, 0.5, 0.1], [0.09, 0.05, 0.01]).pvalue == pytest.approx(
        1 / 3
    )


def test_the_departures_are_documented_where_a_reviewer_looks():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "tau2.max = 100" in readme and "ranktest()" in readme
    assert "tau2.max = 100" in _model.tau2_confint.__doc__
    assert "metafor" in _bias.rank_correlation_test.__doc__
    assert "k = 2" in _bias.rank_correlation_test.__doc__
