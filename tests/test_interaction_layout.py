"""The interaction plot's layout, checked without drawing a pixel (all data SYNTHETIC)."""

from __future__ import annotations

import numpy as np
import pytest

from course_kit import susceptibility as sus
from course_kit.messages import text
from course_kit.susceptibility.plot_layout import RUG_ROOM, interaction_layout, line_styles


@pytest.fixture(scope="module")
def ds_fit():
    data = sus.simulate_gxe(500, "differential_susceptibility", seed=7)
    return sus.fit_interaction(data, "outcome", "environment", "susceptible")


@pytest.fixture(scope="module")
def far_fit():
    """No interaction: nearly parallel lines that cross far outside the data."""
    data = sus.simulate_gxe(500, "none", seed=3)
    return sus.fit_interaction(data, "outcome", "environment", "susceptible")


def test_lines_and_bands_are_the_fitted_lines_over_the_observed_range(ds_fit):
    layout = interaction_layout(ds_fit)
    x_low, x_high = ds_fit.x_range
    assert [(ln.value, ln.label) for ln in layout.lines] == ds_fit.lines
    # less susceptible dashed blue, more susceptible solid vermillion (as in the drawings)
    assert [(ln.colour, ln.style) for ln in layout.lines] == line_styles(2)
    for line in layout.lines:
        assert (line.x[0], line.x[-1]) == (x_low, x_high)
        fit, low, high = ds_fit.fitted_line(line.x, line.value)
        np.testing.assert_allclose(line.fit, fit)
        np.testing.assert_allclose((line.low, line.high), (low, high))
        assert np.all(line.low < line.fit) and np.all(line.fit < line.high)
    pad = 0.04 * (x_high - x_low)
    assert layout.xlim == pytest.approx((x_low - pad, x_high + pad))
    assert (layout.xlabel, layout.ylabel) == ("environment", "outcome")


def test_regions_are_the_significant_stretches_clipped_to_the_data(ds_fit):
    layout = interaction_layout(ds_fit)
    x_low, x_high = ds_fit.x_range
    low_bound, high_bound = sorted(ds_fit.regions_of_significance().bounds)
    # DS data: the groups differ below and above the crossover, not around it
    ends = [end for r in layout.regions for end in (r.low, r.high)]
    assert ends == pytest.approx([x_low, low_bound, high_bound, x_high])
    assert low_bound < ds_fit.crossover.estimate < high_bound
    assert [r.label for r in layout.regions] == [
        text("susceptibility.ros_label_groups", alpha=".05"),
        None,
    ]
    stricter = interaction_layout(ds_fit, alpha=0.001).regions
    assert stricter[0].high < layout.regions[0].high  # a stricter alpha: narrower regions
    assert stricter[-1].low > layout.regions[-1].low


def test_crossover_sits_where_the_two_lines_meet(ds_fit):
    layout = interaction_layout(ds_fit)
    mark, cross = layout.crossover, ds_fit.crossover
    assert layout.note is None
    assert (mark.x, mark.ci_low, mark.ci_high) == (cross.estimate, cross.ci_low, cross.ci_high)
    at_c = [ds_fit.fitted_line([mark.x], value)[0][0] for value, _ in ds_fit.lines]
    assert mark.y == pytest.approx(at_c[0]) and at_c[0] == pytest.approx(at_c[1], abs=1e-5)
    assert layout.legend == [
        layout.regions[0].label,
        *(label for _, label in ds_fit.lines),
        text("susceptibility.crossover_label", level=95),
    ]


def test_a_far_crossover_becomes_a_note_and_the_axes_stay_on_the_data(far_fit):
    layout = interaction_layout(far_fit)
    c = far_fit.crossover.estimate
    assert layout.crossover is None and not layout.regions
    assert c < far_fit.x_range[0]  # for this seed the lines meet far to the left
    assert (layout.note.x, layout.note.ha) == (0.01, "left")
    assert layout.note.text == text("susceptibility.crossover_outside", c=f"{c:.3g}")
    assert layout.legend == [label for _, label in far_fit.lines]
    low, high = layout.ylim
    assert high - low < 10 * far_fit.prepared.y.std()


def test_observed_data_per_group_and_points_only_when_asked(ds_fit):
    plain = interaction_layout(ds_fit)
    assert plain.observed_by_group
    assert [o.rug_height for o in plain.observed] == [0.015, 0.045]  # group 0 lowest
    assert [o.rug_colour for o in plain.observed] == [ln.colour for ln in plain.lines]
    assert sum(len(o.x) for o in plain.observed) == ds_fit.n
    g = ds_fit.prepared.g
    np.testing.assert_array_equal(plain.observed[1].x, ds_fit.prepared.x[g == 1])
    assert all(o.points_alpha is None for o in plain.observed)
    with_points = interaction_layout(ds_fit, show_points=True)
    assert all(o.points_alpha for o in with_points.observed)
    # the points widen the y range (raw outcomes spread far beyond the bands)
    assert with_points.ylim[1] > plain.ylim[1] and with_points.ylim[0] < plain.ylim[0]


def test_a_continuous_marker_has_three_lines_and_one_grey_data_set(ds_fit):
    data = sus.simulate_gxe(500, "differential_susceptibility", seed=7)
    data = data.assign(score=data.susceptible + np.random.default_rng(1).normal(0, 0.3, 500))
    res = sus.fit_interaction(data, "outcome", "environment", "score")
    layout = interaction_layout(res, show_points=True)
    assert [ln.style for ln in layout.lines] == ["--", "-.", "-"]
    assert not layout.observed_by_group and len(layout.observed) == 1
    assert len(layout.observed[0].x) == res.n and layout.observed[0].points_alpha == 0.3
    assert layout.regions[0].label == text("susceptibility.ros_label_score", alpha=".05")


@pytest.mark.parametrize("show_points", [False, True])
def test_y_limits_are_matplotlibs_own_plus_room_for_the_rug(ds_fit, show_points):
    """The layout predicts matplotlib's autoscaling, so the drawing only sets the limits."""
    import matplotlib.pyplot as plt

    layout = interaction_layout(ds_fit, show_points=show_points)
    _, ax = plt.subplots()
    for line in layout.lines:  # what autoscaling sees: bands, lines, points, crossover
        ax.fill_between(line.x, line.low, line.high)
        ax.plot(line.x, line.fit)
    for observed in layout.observed:
        if show_points:
            ax.scatter(observed.x, observed.y)
    ax.plot([layout.crossover.x], [layout.crossover.y], "D")
    low, high = ax.get_ylim()
    assert layout.ylim == pytest.approx((low - RUG_ROOM * (high - low), high), rel=1e-12)


def test_drawing_shows_exactly_the_layout(ds_fit):
    from course_kit.susceptibility.plot import draw_interaction

    layout = interaction_layout(ds_fit, show_points=True)
    ax = draw_interaction(layout)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == layout.legend
    assert ax.get_xlim() == pytest.approx(layout.xlim) and ax.get_ylim() == pytest.approx(
        layout.ylim
    )
    assert ax.get_title() == layout.title
    assert len([c for c in ax.collections if c.get_gid() == "raw-points"]) == 2
    assert len([p for p in ax.patches if p.get_gid() == "significance-region"]) == 2


@pytest.mark.parametrize("lang", ["sv", "nb"], indirect=True)
def test_words_and_numbers_in_the_readers_language(lang, ds_fit, far_fit):
    layout = interaction_layout(ds_fit)
    assert "0,05" in layout.regions[0].label and "0.05" not in layout.regions[0].label
    assert layout.regions[0].label == text("susceptibility.ros_label_groups", alpha="0,05")
    assert layout.legend[-1] == text("susceptibility.crossover_label", level=95)
    assert layout.title == text(
        "susceptibility.plot_title",
        outcome="outcome",
        environment="environment",
        susceptibility="susceptible",
    )
    assert "by" not in layout.title.split() and "Crossover" not in layout.legend[-1]
    c = far_fit.crossover.estimate
    note = interaction_layout(far_fit).note.text
    assert note == text("susceptibility.crossover_outside", c=f"−{abs(c):.3g}")  # true minus
    assert "outside" not in note
