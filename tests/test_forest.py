"""Forest plot: image baselines (pytest-mpl) and checks of what is drawn."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from course_kit.effect_sizes import log_risk_ratio
from course_kit.formatting import ci as fmt_ci
from course_kit.formatting import number as fmt_num
from course_kit.meta import forest_plot, meta_analysis, subgroup_analysis
from course_kit.style import use_course_style


def image(filename: str):
    """pytest-mpl comparison; file names start with forest_ (one shared baseline folder)."""
    return pytest.mark.mpl_image_compare(
        filename=filename, tolerance=2, style="default", savefig_kwargs={"dpi": 80}
    )


def _studies(k: int, seed: int = 7, tau: float = 0.15):
    """Made-up SMDs with realistic variances (not a real literature)."""
    rng = np.random.default_rng(seed)
    n = rng.integers(20, 150, size=(k, 2))
    vi = 1 / n[:, 0] + 1 / n[:, 1] + 0.3**2 / (2 * n.sum(axis=1))
    yi = 0.3 + rng.normal(0, tau, k) + rng.normal(0, np.sqrt(vi))
    labels = [
        f"Author {chr(65 + i % 26)}{i // 26 or ''} et al. ({2000 + i % 22})" for i in range(k)
    ]
    return np.round(yi, 4), np.round(vi, 5), labels, n


@pytest.fixture
def res8():
    yi, vi, labels, _ = _studies(8)
    return meta_analysis(yi, vi, labels=labels)


def _texts(ax, gid):
    return [t for t in ax.texts if t.get_gid() == gid]


def _artist(ax, gid):
    found = [a for a in (*ax.collections, *ax.patches, *ax.lines) if a.get_gid() == gid]
    assert found, f"no artist with gid {gid!r}"
    return found


# --- image baselines ------------------------------------------------------------------


@image("forest_plain.png")
def test_image_plain(res8):
    with use_course_style():
        ax = forest_plot(res8, show_pi=False, title="Plain forest plot", xlabel="Hedges' g")
    return ax.figure


@image("forest_prediction_interval_and_columns.png")
def test_image_prediction_interval_and_columns():
    yi, vi, labels, n = _studies(10, seed=3, tau=0.3)
    res = meta_analysis(yi, vi, labels=labels)
    with use_course_style():
        ax = forest_plot(
            res,
            columns={"n VIPP": n[:, 0], "n control": n[:, 1]},
            sort="estimate",
            title="With prediction interval",
            xlabel="Hedges' g",
        )
    return ax.figure


@image("forest_subgroups.png")
def test_image_subgroups():
    yi, vi, labels, _ = _studies(12, seed=11)
    groups = ["High risk" if i % 3 else "Low risk" for i in range(12)]
    sub = subgroup_analysis(yi, vi, groups, labels=labels)
    with use_course_style():
        ax = forest_plot(sub, title="Subgroups", xlabel="Hedges' g")
    return ax.figure


def _ratio_data():
    """dat.bcg-like 2x2 tables (made-up counts): log risk ratios."""
    events_t = np.array([4, 6, 3, 62, 33, 180, 8, 505, 29])
    n_t = np.array([123, 306, 231, 13598, 5069, 1541, 2545, 88391, 7499])
    events_c = np.array([11, 29, 11, 248, 47, 372, 10, 499, 45])
    n_c = np.array([139, 303, 220, 12867, 5808, 1451, 629, 88391, 7277])
    es = log_risk_ratio(events_t, n_t - events_t, events_c, n_c - events_c)
    labels = [f"Trial {i + 1}" for i in range(len(n_t))]
    return meta_analysis(es.yi, es.vi, labels=labels)


@image("forest_log_scale.png")
def test_image_log_scale():
    res = _ratio_data()
    with use_course_style():
        ax = forest_plot(
            res,
            transform=np.exp,
            measure="RR",
            xlabel="Risk ratio (log scale)",
            favours=("Favours vaccine", "Favours control"),
            title="Ratio measure",
        )
    return ax.figure


@image("forest_three_studies.png")
def test_image_three_studies():
    res = meta_analysis([0.48, 0.78, 0.51], [0.056, 0.080, 0.062], labels=["One", "Two", "Three"])
    with use_course_style():
        ax = forest_plot(res, title="Three studies")
    return ax.figure


@image("forest_forty_studies.png")
def test_image_forty_studies():
    yi, vi, labels, _ = _studies(40, seed=5)
    labels[7] = "A study with a very long name that would run into the next column (2009)"
    res = meta_analysis(yi, vi, labels=labels)
    with use_course_style():
        ax = forest_plot(res, sort="precision", title="Forty studies", xlim=(-0.5, 1.0))
    return ax.figure


# --- what is drawn --------------------------------------------------------------------


def test_one_square_per_study_and_area_follows_weight(res8):
    ax = forest_plot(res8)
    (squares,) = _artist(ax, "forest-studies")
    assert len(squares.get_offsets()) == res8.k
    # square area (points^2) proportional to the weight
    sizes = squares.get_sizes()
    order = np.argsort(res8.weights)
    assert np.all(np.diff(sizes[order]) >= 0)
    np.testing.assert_allclose(sizes / sizes.max(), res8.weights / res8.weights.max(), rtol=1e-9)


def test_diamond_vertices_are_estimate_and_ci(res8):
    ax = forest_plot(res8)
    (diamond,) = _artist(ax, "forest-diamond-overall")
    xy = diamond.get_xy()
    xs = sorted(set(np.round(xy[:, 0], 12)))
    np.testing.assert_allclose(xs, sorted([res8.ci_low, res8.estimate, res8.ci_high]), atol=1e-12)


def test_text_columns_show_the_numbers(res8):
    ax = forest_plot(res8)
    frame = res8.to_frame()
    shown = [t.get_text() for t in _texts(ax, "forest-estimate-study")]
    expected = [fmt_ci(r.yi, r.ci_low, r.ci_high) for r in frame.itertuples()]
    assert shown == expected
    weights = [t.get_text() for t in _texts(ax, "forest-weight-study")]
    assert weights == [f"{w:.1f}%" for w in frame["weight"]]
    (overall,) = _texts(ax, "forest-estimate-overall")
    assert overall.get_text() == fmt_ci(res8.estimate, res8.ci_low, res8.ci_high)
    labels = [t.get_text() for t in _texts(ax, "forest-label-study")]
    assert labels == list(res8.labels)


def test_footer_has_heterogeneity_and_overall_test(res8):
    ax = forest_plot(res8)
    footer = " | ".join(t.get_text() for t in _texts(ax, "forest-footer"))
    assert f"τ² = {fmt_num(res8.tau2, 3)}" in footer
    assert f"Q = {fmt_num(res8.q, 2)}, df = {res8.q_df}" in footer
    assert f"I² = {fmt_num(res8.i2, 0)}%" in footer
    assert f"z = {fmt_num(res8.statistic, 2)}" in footer


def test_knha_footer_shows_t_with_df(res8):
    res = meta_analysis(res8.yi, res8.vi, test="knha")
    ax = forest_plot(res)
    footer = " ".join(t.get_text() for t in _texts(ax, "forest-footer"))
    assert f"t({res.df}) = {fmt_num(res.statistic, 2)}" in footer


def test_common_effect_footer_has_no_tau2(res8):
    fe = meta_analysis(res8.yi, res8.vi, method="FE")
    ax = forest_plot(fe)
    footer = " ".join(t.get_text() for t in _texts(ax, "forest-footer"))
    assert "τ²" not in footer and f"Q = {fmt_num(fe.q, 2)}" in footer
    labels = [t.get_text() for t in _texts(ax, "forest-label-overall")]
    assert labels == ["Common-effect model"]


def test_dollar_signs_in_labels_stay_text():
    res = meta_analysis([0.1, 0.4], [0.04, 0.05], labels=["$5 voucher arm", "$x$ trial"])
    ax = forest_plot(res)
    ax.figure.canvas.draw()  # would fail or render math if parsed
    assert [t.get_text() for t in _texts(ax, "forest-label-study")] == [
        "$5 voucher arm",
        "$x$ trial",
    ]
    assert all(not t.get_parse_math() for t in _texts(ax, "forest-label-study"))


def test_negative_numbers_use_a_minus_sign():
    assert fmt_ci(-0.5, -1.0, 0.0) == "−0.50 [−1.00, 0.00]"
    assert fmt_num(-0.0001) == "0.00"


def test_arrows_where_clipped(res8):
    xlim = (0.1, 0.5)
    frame = res8.to_frame()
    ax = forest_plot(res8, xlim=xlim, show_pi=False)
    n_left = int(np.sum((frame.ci_low < xlim[0]) & (frame.ci_high > xlim[0])))
    n_right = int(np.sum((frame.ci_high > xlim[1]) & (frame.ci_low < xlim[1])))
    assert n_left > 0 and n_right > 0
    (left,) = _artist(ax, "forest-arrow-left")
    (right,) = _artist(ax, "forest-arrow-right")
    assert len(left.get_xdata()) == n_left and np.all(left.get_xdata() == xlim[0])
    assert len(right.get_xdata()) == n_right and np.all(right.get_xdata() == xlim[1])
    # whiskers stop at the axis limits
    for line in _artist(ax, "forest-whisker"):
        assert xlim[0] <= min(line.get_xdata()) and max(line.get_xdata()) <= xlim[1]


def test_no_arrows_when_nothing_is_clipped(res8):
    ax = forest_plot(res8)
    assert not [ln for ln in ax.lines if str(ln.get_gid()).startswith("forest-arrow")]


def test_height_grows_with_k():
    heights = []
    for k in (5, 20, 40):
        yi, vi, labels, _ = _studies(k)
        ax = forest_plot(meta_analysis(yi, vi, labels=labels))
        heights.append(ax.figure.get_figheight())
        plt.close(ax.figure)
    assert heights[0] < heights[1] < heights[2]


def test_given_ax_is_used_and_returned(res8):
    fig, ax = plt.subplots(figsize=(10, 6))
    fig.subplots_adjust(left=0.35, right=0.65, bottom=0.3)
    out = forest_plot(res8, ax=ax)
    assert out is ax
    assert len(fig.axes) == 1


def test_long_labels_are_shortened_and_do_not_overlap():
    yi, vi, labels, n = _studies(6)
    labels[2] = "An extremely long study label that would certainly collide with the next column"
    res = meta_analysis(yi, vi, labels=labels)
    ax = forest_plot(res, columns={"n": n[:, 0]})
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    label_texts = _texts(ax, "forest-label-study")
    assert label_texts[2].get_text().endswith("…")
    first_col = min(t.get_window_extent(renderer).x0 for t in _texts(ax, "forest-extra"))
    for t in label_texts:
        assert t.get_window_extent(renderer).x1 < first_col
    # nothing on the right overlaps the graph part
    axes_right = ax.get_window_extent(renderer).x1
    for t in _texts(ax, "forest-weight-study"):
        assert t.get_window_extent(renderer).x0 > axes_right


def test_weights_column_can_be_hidden(res8):
    ax = forest_plot(res8, show_weights=False)
    assert not [t for t in ax.texts if "weight" in str(t.get_gid())]
    assert [t.get_text() for t in _texts(ax, "forest-header")] == ["Study", "Estimate [95% CI]"]


def test_subgroup_lines_do_not_reach_the_graph():
    res = meta_analysis(
        [0.1, 0.3, 0.5, 0.2], [0.02, 0.03, 0.04, 0.05], method="FE", labels=list("ABCD")
    )
    sub = subgroup_analysis(res.yi, res.vi, ["a", "a", "b", "b"], method="FE", labels=res.labels)
    ax = forest_plot(res, subgroups=sub)
    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    left = ax.get_window_extent(renderer).x0
    for t in ax.texts:
        if t.get_gid() in ("forest-subhet", "forest-label-study", "forest-label-subtotal"):
            assert t.get_window_extent(renderer).x1 < left, t.get_text()


def test_sort_orders_rows(res8):
    ax = forest_plot(res8, sort="estimate")
    shown = [t.get_text() for t in _texts(ax, "forest-label-study")]
    expected = [res8.labels[i] for i in np.argsort(res8.yi, kind="stable")]
    assert shown == expected
    ax = forest_plot(res8, sort="weight")
    shown = [t.get_text() for t in _texts(ax, "forest-label-study")]
    assert shown[0] == res8.labels[int(np.argmax(res8.weights))]


def test_subgroups_draw_subtotals_and_the_test():
    yi, vi, labels, _ = _studies(12, seed=11)
    res = meta_analysis(yi, vi, labels=labels)
    groups = ["High risk" if i % 3 else "Low risk" for i in range(12)]
    sub = subgroup_analysis(yi, vi, groups, labels=labels)
    ax = forest_plot(sub)
    for name, fit in sub.subgroups.items():
        (diamond,) = _artist(ax, f"forest-diamond-subtotal-{name}")
        xs = sorted(set(np.round(diamond.get_xy()[:, 0], 12)))
        np.testing.assert_allclose(xs, sorted([fit.ci_low, fit.estimate, fit.ci_high]), atol=1e-12)
    heads = [t.get_text() for t in _texts(ax, "forest-label-group")]
    assert heads == list(sub.subgroups)
    footer = " ".join(t.get_text() for t in _texts(ax, "forest-footer"))
    assert f"Test for subgroup differences: Q = {fmt_num(sub.q_between, 2)}" in footer
    (squares,) = _artist(ax, "forest-studies")
    assert len(squares.get_offsets()) == 12
    # the same picture from the pooled fit plus its subgroups, and (deprecated) from labels
    same = forest_plot(res, subgroups=sub)
    with pytest.warns(DeprecationWarning, match="subgroup_analysis"):
        old = forest_plot(res, subgroups=groups)
    for other in (same, old):
        assert [t.get_text() for t in other.texts] == [t.get_text() for t in ax.texts]


def test_prediction_interval_only_for_random_effects(res8):
    ax = forest_plot(res8)
    (pi,) = _artist(ax, "forest-pi")
    np.testing.assert_allclose(sorted(pi.get_xdata()), [res8.pi_low, res8.pi_high])
    fe = meta_analysis(res8.yi, res8.vi, method="FE")
    ax = forest_plot(fe)
    assert not [ln for ln in ax.lines if ln.get_gid() == "forest-pi"]


def test_ratio_transform_labels_in_ratio_units():
    res = _ratio_data()
    ax = forest_plot(res, transform=np.exp, measure="RR")
    (overall,) = _texts(ax, "forest-estimate-overall")
    rr = np.exp([res.estimate, res.ci_low, res.ci_high])
    assert overall.get_text() == fmt_ci(*rr)
    ticks = ax.get_xticks()
    assert np.any(np.isclose(ticks, 0.0))  # ratio 1 is on the axis
    labels = [ax.xaxis.get_major_formatter()(v, i) for i, v in enumerate(ticks)]
    assert labels[list(np.isclose(ticks, 0.0)).index(True)] == "1"


def test_favours_labels_configurable(res8):
    ax = forest_plot(res8, favours=("Better", "Worse"))
    (left,) = _texts(ax, "forest-favours-left")
    (right,) = _texts(ax, "forest-favours-right")
    assert "Better" in left.get_text() and "Worse" in right.get_text()
    ax = forest_plot(res8, favours=("", ""))
    assert not _texts(ax, "forest-favours-left")


def test_columns_from_dataframe(res8):
    import pandas as pd

    frame = pd.DataFrame({"Year": range(2001, 2009), "N": [40.0] * 8})
    ax = forest_plot(res8, columns=frame)
    cells = [t.get_text() for t in _texts(ax, "forest-extra")]
    assert "2001" in cells and "40" in cells


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"result": [0.1, 0.2]}, TypeError, "MetaResult"),
        ({"subgroups": ["a", "b"]}, ValueError, "subgroups has 2 labels"),
        ({"subgroups": "a"}, TypeError, "subgroups"),
        ({"sort": "size"}, ValueError, "sort"),
        ({"columns": {"n": [1, 2]}}, ValueError, "columns['n']"),
        ({"columns": [1, 2]}, TypeError, "columns"),
        ({"favours": ("only one",)}, ValueError, "favours"),
        ({"xlim": (1, 0)}, ValueError, "xlim"),
        ({"transform": "exp"}, TypeError, "transform"),
        ({"colour": "red"}, TypeError, "forest_plot() got an unexpected keyword argument 'colour'"),
    ],
)
def test_bad_input_is_named(res8, kwargs, error, words):
    kwargs = dict(kwargs)
    result = kwargs.pop("result", res8)
    with pytest.raises(error) as info:
        forest_plot(result, **kwargs)
    assert words in str(info.value)


def test_signature_shows_every_keyword_with_its_default():
    # The keywords are listed once (ForestOptions); help() and the notebook's tooltip
    # must still show them one by one, as a plain signature would.
    import inspect

    params = inspect.signature(forest_plot).parameters
    assert list(params)[:3] == ["result", "ax", "subgroups"]
    assert params["digits"].default == 2 and params["show_pi"].default is True
    assert {"columns", "sort", "favours", "transform", "xlim", "title", "notes"} <= set(params)
    assert all(
        p.kind is p.KEYWORD_ONLY for name, p in params.items() if name not in ("result", "ax")
    )
