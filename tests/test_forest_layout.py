"""The forest plot's layout, checked without drawing a pixel."""

from __future__ import annotations

import math

import numpy as np
import pytest

from course_kit import formatting as fmt
from course_kit.meta import meta_analysis, subgroup_analysis
from course_kit.meta._forest_layout import forest_layout

YI = [0.32, 0.11, 0.45, -0.05, 0.26, 0.51]
VI = [0.04, 0.02, 0.05, 0.03, 0.02, 0.06]
LABELS = ["Alpha 2001", "Beta 2004", "Gamma 2008", "Delta 2010", "Epsilon 2013", "Zeta 2019"]
GROUPS = ["low risk", "high risk", "low risk", "high risk", "low risk", "high risk"]


@pytest.fixture(scope="module")
def res():
    return meta_analysis(YI, VI, method="REML", labels=LABELS)


def test_rows_texts_and_weights_come_from_the_fit(res):
    layout = forest_layout(res)
    assert [r.kind for r in layout.rows] == ["study"] * 6 + ["overall", "pi"]
    assert layout.label_texts[:6] == LABELS
    frame = res.to_frame()
    assert layout.est_texts[:6] == [
        fmt.ci(y, lo, hi) for y, lo, hi in zip(YI, frame["ci_low"], frame["ci_high"], strict=True)
    ]
    assert layout.est_texts[6] == fmt.ci(res.estimate, res.ci_low, res.ci_high)
    assert layout.est_texts[7] == f"[{fmt.number(res.pi_low)}, {fmt.number(res.pi_high)}]"
    shares = [float(t.rstrip("%")) for t in layout.weight_texts[:6]]
    assert sum(shares) == pytest.approx(100, abs=0.3)
    assert layout.footer[-1].startswith("Test for overall effect")


def test_a_common_effect_fit_has_no_prediction_interval_row():
    layout = forest_layout(meta_analysis(YI, VI, method="FE", labels=LABELS))
    assert [r.kind for r in layout.rows][-1] == "overall"


def test_subgroups_give_blocks_with_subtotals_and_the_test_in_the_footer(res):
    sub = subgroup_analysis(YI, VI, GROUPS, labels=LABELS)
    layout = forest_layout(sub.overall, subgroups=sub)
    kinds = [r.kind for r in layout.rows]
    assert kinds == (["group", "study", "study", "study", "subtotal", "subhet", "blank"] * 2) + [
        "overall",
        "pi",
    ]
    groups = [r.label for r in layout.rows if r.kind == "group"]
    assert groups == list(sub.subgroups)
    subtotal = next(r for r in layout.rows if r.kind == "subtotal")
    assert subtotal.est == sub.subgroups["low risk"].estimate
    assert any(line.startswith("Test for subgroup differences") for line in layout.footer)
    with pytest.raises(ValueError, match="subgroups has 3 studies"):
        forest_layout(res, subgroups=subgroup_analysis(YI[:3], VI[:3], ["a", "b", "b"]))


def test_columns_widths_add_up_and_grow_with_the_text(res):
    layout = forest_layout(res, columns={"Year": [2001, 2004, 2008, 2010, 2013, 2019]})
    assert layout.left_in == pytest.approx(
        layout.w_label + sum(w + layout.gap for w in layout.w_extra) + layout.gap
    )
    assert layout.right_in == pytest.approx(
        layout.gap + layout.w_weight + layout.gap + layout.w_est
    )
    longer = meta_analysis(YI, VI, labels=[s + " and colleagues, Oslo site" for s in LABELS])
    assert forest_layout(longer).w_label > layout.w_label
    assert forest_layout(res, show_weights=False).w_weight == 0


def test_a_very_long_label_is_shortened_with_an_ellipsis():
    labels = [*LABELS[:5], "A study with a title much too long to fit the label column at all"]
    layout = forest_layout(meta_analysis(YI, VI, labels=labels))
    assert layout.label_texts[5].endswith("…") and len(layout.label_texts[5]) < len(labels[5])
    assert layout.w_label <= 3.0 + 1e-9


def test_x_range_holds_every_interval_and_the_null_line(res):
    layout = forest_layout(res)
    low, high = layout.xlim
    lows = [r.lo for r in layout.rows if np.isfinite(r.lo)]
    highs = [r.hi for r in layout.rows if np.isfinite(r.hi)]
    assert low <= min(*lows, 0) and high >= max(*highs, 0)
    assert forest_layout(res, xlim=(-1, 2)).xlim == (-1.0, 2.0)


def test_ratio_axes_end_on_round_ratios():
    rr = meta_analysis(np.log([0.5, 0.8, 0.3, 1.1]), [0.05, 0.04, 0.1, 0.02], labels=list("ABCD"))
    low, high = forest_layout(rr, transform=np.exp).xlim
    for end in (math.exp(low), math.exp(high)):
        assert f"{end:.3g}" in {"0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10"}


def test_the_figure_grows_with_the_rows(res):
    small = forest_layout(meta_analysis(YI[:3], VI[:3], labels=LABELS[:3]))
    large = forest_layout(res)
    assert large.figsize[1] > small.figsize[1]
    left, bottom, width, height = large.axes_rect
    assert 0 < left < left + width < 1 and 0 < bottom < bottom + height <= 1
