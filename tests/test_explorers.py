"""The interactive teaching widgets: correct numbers, real updates, clear errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_kit import explorers


@pytest.fixture(scope="module")
def trials():
    rng = np.random.default_rng(3)
    k = 12
    vi = rng.uniform(0.01, 0.08, k)
    return pd.DataFrame({"yi": rng.normal(0.35, np.sqrt(vi)), "vi": vi})


def test_heterogeneity_slider_swaps_pictures_and_is_marked_main(trials):
    box = explorers.heterogeneity_explorer(trials)
    slider, image = box.children
    assert "ck-main-widget" in slider._dom_classes
    assert "ck-main-output" in image._dom_classes
    first = image.value
    slider.value = 0.3
    assert image.value != first
    slider.value = 0.0
    assert image.value == first  # same setting, same picture


def test_heterogeneity_explorer_can_be_a_secondary_widget(trials):
    slider, _ = explorers.heterogeneity_explorer(trials, main=False).children
    assert "ck-main-widget" not in slider._dom_classes


def test_heterogeneity_pictures_do_not_depend_on_the_order_they_are_drawn():
    # One figure is reused for every value: each picture must be laid out afresh
    # (notebook 07's trials, whose interval labels move out of the axes as tau grows).
    from course_kit import datasets

    data = datasets.load("vipp_sd_synthetic")
    data = data[data["outcome"] == "parenting behaviour"]
    slider, image = explorers.heterogeneity_explorer(data, main=False).children
    for value in np.round(np.arange(0.02, 0.41, 0.02), 2):
        slider.value = value
    other_slider, other_image = explorers.heterogeneity_explorer(data, main=False).children
    other_slider.value = 0.4  # drawn right after the first picture
    assert image.value == other_image.value


def _slider_picture(image) -> np.ndarray:
    import base64
    import io
    import re

    from PIL import Image

    png = base64.b64decode(re.search(r'base64,([^"]+)"', image.value)[1])
    return np.asarray(Image.open(io.BytesIO(png)).convert("L"))


@pytest.mark.parametrize("lang", ["en", "sv", "nb"])
def test_heterogeneity_pictures_keep_their_axes_and_show_whole_labels(lang):
    # Laid out once for the widest picture: the axes (ticks, axis label) stay put as
    # tau grows, and the longest interval label still ends inside the picture.
    from course_kit import datasets, i18n

    data = datasets.load("vipp_sd_synthetic")
    data = data[data["outcome"] == "parenting behaviour"]
    with i18n.using(lang):
        slider, image = explorers.heterogeneity_explorer(data, main=False).children
        pictures = []
        for value in (0.0, 0.4):
            slider.value = value
            pictures.append(_slider_picture(image))
    first, last = pictures
    axis_strip = slice(int(first.shape[0] * 0.8), None)  # tick labels and axis label
    assert np.array_equal(first[axis_strip], last[axis_strip])
    assert not np.array_equal(first, last)
    for picture in pictures:
        assert (picture[:, -2:] == 255).all()  # nothing cut at the right edge


def test_batched_interaction_t_equals_statsmodels():
    import statsmodels.api as sm

    rng = np.random.default_rng(0)
    x = rng.uniform(1, 7, (3, 80))
    g = rng.integers(0, 2, (3, 80)).astype(float)
    y = 0.2 * x * g + rng.normal(size=(3, 80))
    from course_kit.susceptibility.power import _interaction_t

    t = _interaction_t(x, g, y)
    for s in range(3):
        design = np.column_stack([np.ones(80), x[s], g[s], x[s] * g[s]])
        expected = sm.OLS(y[s], design).fit().tvalues[3]
        assert t[s] == pytest.approx(expected, rel=1e-9)


def test_interaction_power_grows_with_sample_size_and_has_an_interval():
    table = explorers.interaction_power((60, 1500), n_sims=100, seed=2, progress=False)
    assert list(table["n"]) == [60, 1500]
    assert table["power"].iloc[0] < table["power"].iloc[1]
    assert (table["ci_low"] <= table["power"]).all() and (table["power"] <= table["ci_high"]).all()


def test_interaction_power_without_interaction_is_near_alpha():
    table = explorers.interaction_power((200,), n_sims=400, pattern="none", seed=5, progress=False)
    low, high = table.loc[0, ["ci_low", "ci_high"]]
    assert low <= 5.0 <= high


def test_power_interval_stays_inside_0_100_when_every_study_is_significant():
    table = explorers.interaction_power((3000,), n_sims=50, slope=0.4, seed=1, progress=False)
    assert table.loc[0, "power"] == 100.0
    assert table.loc[0, "ci_high"] == pytest.approx(100.0)
    assert 90.0 < table.loc[0, "ci_low"] < 100.0


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"n_sims": 2}, "n_sims"), ({"alpha": 1.5}, "alpha"), ({"sizes": (5,)}, "sizes")],
)
def test_interaction_power_rejects_bad_settings(kwargs, match):
    with pytest.raises(ValueError, match=match):
        explorers.interaction_power(progress=False, **kwargs)


def test_susceptibility_explorer_pictures_change_with_n():
    box = explorers.susceptibility_explorer(sizes=(60, 300), seed=1)
    slider, image = box.children
    first = image.value
    slider.value = 300
    assert image.value != first


def test_pattern_explorer_swaps_pictures_per_pattern():
    box = explorers.pattern_explorer(n=400, seed=3)
    chooser, image = box.children
    first = image.value
    chooser.value = "diathesis_stress"
    assert image.value != first
    assert "ck-main-widget" not in chooser._dom_classes


def test_ratings_explorer_redraws_for_a_new_number_of_families():
    box = explorers.ratings_explorer()
    slider, out = box.children
    assert "ck-main-widget" in slider._dom_classes and "ck-main-output" in out._dom_classes
    first = out.outputs
    slider.value = 300
    assert out.outputs and out.outputs != first


def test_gxe_explorers_label_axes_and_lines_in_plain_words():
    """Participants read "children = more susceptible", not "susceptible = 1"."""
    from course_kit.susceptibility import fit_interaction, simulate_gxe
    from course_kit.teaching.explorers import _plain_gxe

    data, args, options = _plain_gxe(simulate_gxe(200, seed=1))
    ax = fit_interaction(data, *args, **options).plot()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "children = more susceptible" in legend and "children = less susceptible" in legend
    assert not any(label.endswith(("= 0", "= 1")) for label in legend)
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("quality of parenting", "child outcome")


@pytest.mark.parametrize("main", [True, False])
def test_image_slider_draws_other_widgets_pictures_when_first_chosen(main):
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit.teaching._widgets import image_slider

    drawn = []

    def render(value):
        drawn.append(value)
        fig, ax = plt.subplots(figsize=(2, 1))
        ax.set_title(f"value {value}")
        return fig

    slider = widgets.IntSlider(value=1, min=1, max=4)
    box = image_slider(slider, [1, 2, 3, 4], render, main=main)
    image = box.children[1]
    # the main widget draws everything up front (a move is a look-up); others draw
    # only the picture shown, so Run All does not wait for the rest
    assert sorted(drawn) == ([1, 2, 3, 4] if main else [1])
    first = image.value
    slider.value = 3
    assert image.value != first
    slider.value = 1
    assert image.value == first
    assert sorted(drawn) == ([1, 2, 3, 4] if main else [1, 3])  # each drawn once
