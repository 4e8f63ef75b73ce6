"""Funnel plot: image baseline (pytest-mpl) and checks of what is drawn."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest
from scipy import stats

from course_kit.meta import funnel_plot, meta_analysis, trim_and_fill
from course_kit.style import use_course_style


def _asymmetric(k: int = 20, seed: int = 4):
    """Made-up studies where small studies show larger effects (not real data)."""
    rng = np.random.default_rng(seed)
    vi = rng.uniform(0.005, 0.09, k)
    yi = 0.25 + 1.5 * (np.sqrt(vi) - np.sqrt(vi).mean()) + rng.normal(0, np.sqrt(vi))
    return meta_analysis(np.round(yi, 4), np.round(vi, 5))


@pytest.fixture
def res():
    return _asymmetric()


@pytest.fixture
def filled(res):
    tf = trim_and_fill(res)
    assert tf.k0 > 0  # the fixture must show imputed studies
    return tf


def _gid(ax, gid):
    return [a for a in (*ax.collections, *ax.lines) if a.get_gid() == gid]


@pytest.mark.mpl_image_compare(
    filename="funnel_trim_and_fill.png", tolerance=2, style="default", savefig_kwargs={"dpi": 80}
)
def test_image_funnel_with_trim_and_fill(res, filled):
    with use_course_style():
        ax = funnel_plot(res, filled=filled, title="Funnel with trim-and-fill", xlabel="Hedges' g")
    return ax.figure


def test_points_axes_and_lines(res):
    ax = funnel_plot(res)
    (pts,) = _gid(ax, "funnel-studies")
    np.testing.assert_allclose(pts.get_offsets()[:, 0], res.yi)
    np.testing.assert_allclose(pts.get_offsets()[:, 1], np.sqrt(res.vi))
    assert ax.yaxis_inverted()
    assert ax.get_ylim()[1] == 0
    (pooled,) = _gid(ax, "funnel-pooled")
    assert set(pooled.get_xdata()) == {res.estimate}
    (ci,) = _gid(ax, "funnel-pseudo-ci")
    x, y = ci.get_xdata(), ci.get_ydata()
    z = stats.norm.ppf(0.975)
    np.testing.assert_allclose(x[[0, 2]], [res.estimate - z * y[0], res.estimate + z * y[2]])


def test_imputed_studies_are_hollow(res, filled):
    ax = funnel_plot(res, filled=filled)
    (imp,) = _gid(ax, "funnel-imputed")
    assert len(imp.get_offsets()) == filled.k0
    np.testing.assert_allclose(imp.get_offsets()[:, 0], filled.imputed_yi)
    face = imp.get_facecolors()
    np.testing.assert_allclose(face[:, :3], 1.0)  # white inside: hollow
    (line,) = _gid(ax, "funnel-filled")
    assert set(line.get_xdata()) == {filled.filled.estimate}
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(f"({filled.k0})" in t for t in texts)


def test_contour_bands_sit_at_the_critical_values(res):
    ax = funnel_plot(res, contours=(0.90, 0.95, 0.99))
    se = 0.2
    z90, z95, z99 = (stats.norm.ppf(0.5 + c / 2) for c in (0.90, 0.95, 0.99))
    cases = {
        "funnel-contour-0.9": [(z90 + z95) / 2, -(z90 + z95) / 2],
        "funnel-contour-0.95": [(z95 + z99) / 2],
        "funnel-contour-0.99": [z99 + 0.3],
    }
    for gid, zs in cases.items():
        bands = _gid(ax, gid)
        assert len(bands) == 2  # left and right of zero
        for z in zs:
            inside = [b.get_paths()[0].contains_point((z * se, se)) for b in bands]
            assert any(inside), (gid, z)
    # a non-significant point (|z| < z90) is in no band
    for c in ax.collections:
        if str(c.get_gid()).startswith("funnel-contour"):
            assert not c.get_paths()[0].contains_point((0.5 * se, se))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "0.10 > p > 0.05" in labels and "p < 0.01" in labels


def test_no_contours(res):
    ax = funnel_plot(res, contours=None)
    assert not [c for c in ax.collections if str(c.get_gid()).startswith("funnel-contour")]


def test_given_ax_is_used_and_returned(res):
    _fig, ax = plt.subplots()
    assert funnel_plot(res, ax=ax, legend=False) is ax
    assert ax.get_legend() is None


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"result": "not a fit"}, TypeError, "MetaResult"),
        ({"contours": (0.9, 1.5)}, ValueError, "contours"),
        ({"contours": ("a",)}, TypeError, "contours"),
        ({"filled": 3}, TypeError, "trim_and_fill"),
    ],
)
def test_bad_input_is_named(res, kwargs, error, words):
    kwargs = dict(kwargs)
    result = kwargs.pop("result", res)
    with pytest.raises(error) as info:
        funnel_plot(result, **kwargs)
    assert words in str(info.value)
