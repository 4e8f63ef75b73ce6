"""Teaching formulas checked against direct numerical computation and simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate, stats

from course_kit import teaching as t

DS = [0.0, 0.2, 0.33, 0.5, 0.8, 1.5, -0.4]


@pytest.mark.parametrize("d", DS)
def test_overlap_equals_the_integral_of_the_smaller_density(d):
    area, _ = integrate.quad(
        lambda x: min(stats.norm.pdf(x), stats.norm.pdf(x, loc=d)), -12, 12, points=[d / 2]
    )
    assert t.overlap(d) == pytest.approx(area, abs=1e-7)


@pytest.mark.parametrize("d", DS)
def test_u3_is_the_share_of_treated_above_the_control_mean(d):
    assert t.cohen_u3(d) == pytest.approx(stats.norm.sf(0, loc=d))


@pytest.mark.parametrize("d", DS)
def test_prob_superiority_matches_the_difference_of_two_normals(d):
    # X_t - X_c ~ N(d, 2): P(X_t > X_c)
    assert t.prob_superiority(d) == pytest.approx(stats.norm.sf(0, loc=d, scale=math.sqrt(2)))


def test_prob_superiority_by_simulation():
    rng = np.random.default_rng(7)
    treated = rng.normal(0.5, 1, 400_000)
    control = rng.normal(0.0, 1, 400_000)
    assert np.mean(treated > control) == pytest.approx(t.prob_superiority(0.5), abs=0.003)


def test_nnt_is_the_inverse_of_the_success_rate_difference():
    for d in [0.2, 0.5, 1.0]:
        assert t.nnt(d) == pytest.approx(1 / (2 * t.prob_superiority(d) - 1))
        assert t.nnt(-d) == pytest.approx(-t.nnt(d))
    assert t.nnt(0.0) == math.inf
    assert t.nnt(0.2) > t.nnt(0.5) > t.nnt(1.0) > 1


@pytest.mark.parametrize("func", [t.cohen_u3, t.overlap, t.prob_superiority, t.nnt])
@pytest.mark.parametrize(("bad", "error"), [("0.5", TypeError), (math.nan, ValueError)])
def test_d_functions_name_d_on_bad_input(func, bad, error):
    with pytest.raises(error, match=r"\bd\b"):
        func(bad)


def test_attenuated_d_matches_a_simulated_unreliable_outcome():
    rng = np.random.default_rng(11)
    n, d, rel = 200_000, 0.5, 0.6
    true_t = rng.normal(d, 1, n)
    true_c = rng.normal(0, 1, n)
    # error variance chosen so that true variance / observed variance = rel
    err_sd = math.sqrt((1 - rel) / rel)
    obs_t = true_t + rng.normal(0, err_sd, n)
    obs_c = true_c + rng.normal(0, err_sd, n)
    observed = (obs_t.mean() - obs_c.mean()) / math.sqrt((obs_t.var() + obs_c.var()) / 2)
    assert observed == pytest.approx(t.attenuated_d(d, rel), abs=0.01)


def test_attenuated_d_vectorised_and_checked():
    out = t.attenuated_d(0.5, [0.36, 1.0])
    assert out == pytest.approx([0.3, 0.5])
    with pytest.raises(ValueError, match="reliability"):
        t.attenuated_d(0.5, 1.2)
    with pytest.raises(TypeError, match="reliability"):
        t.attenuated_d(0.5, "high")


@pytest.mark.parametrize("r", [0.0, 0.24, 0.5, -0.3])
def test_security_by_sensitivity_matches_a_large_simulation(r):
    rng = np.random.default_rng(5)
    x, e = rng.standard_normal((2, 1_000_000))
    y = r * x + math.sqrt(1 - r * r) * e
    secure = y > stats.norm.ppf(0.35)
    high = x > 0
    high_share, low_share = t.security_by_sensitivity(r)
    assert high_share == pytest.approx(secure[high].mean(), abs=0.003)
    assert low_share == pytest.approx(secure[~high].mean(), abs=0.003)
    # the base rate is kept: the two halves average to 65%
    assert (high_share + low_share) / 2 == pytest.approx(0.65)


def test_security_by_sensitivity_checks_r():
    with pytest.raises(ValueError, match="r must"):
        t.security_by_sensitivity(1.0)
    with pytest.raises(ValueError, match="secure_share"):
        t.security_by_sensitivity(0.2, secure_share=1.0)


def test_families_are_seeded_smooth_in_r_and_correlated():
    a = t.families(0.3, n=5000, seed=2)
    b = t.families(0.3, n=5000, seed=2)
    c = t.families(0.31, n=5000, seed=2)
    assert a.equals(b)
    assert (a["sensitivity"] == c["sensitivity"]).all()  # same parents, new r
    assert a["sensitivity"].between(1, 9).all()
    assert a["secure"].mean() == pytest.approx(0.65, abs=0.001)
    assert np.corrcoef(a["sensitivity"], a["security"])[0, 1] == pytest.approx(0.3, abs=0.04)
    with pytest.raises(TypeError, match="n"):
        t.families(0.3, n=10.5)


def test_simulated_ds_spread_matches_the_large_sample_standard_error():
    d, n = 0.4, 25
    ds = t.simulated_ds(d, n_per_arm=n, n_trials=4000, seed=1)
    se = math.sqrt(2 / n + d * d / (4 * n))
    assert ds.std() == pytest.approx(se, rel=0.08)
    assert ds.mean() == pytest.approx(d, abs=0.03)
    assert np.array_equal(ds, t.simulated_ds(d, n_per_arm=n, n_trials=4000, seed=1))
    with pytest.raises(ValueError, match="n_per_arm"):
        t.simulated_ds(0.4, n_per_arm=1)


def test_chance_secure_matches_the_conditional_share_in_a_large_simulation():
    df = t.families(0.4, n=400_000, seed=4)
    for rating in [3, 5, 7]:
        simulated = df.loc[df["sensitivity"] == rating, "secure"].mean()
        # ratings are rounded, so compare with the model averaged over the rounding interval
        model = np.mean(
            [t.chance_secure(x, 0.4) for x in np.linspace(rating - 0.5, rating + 0.5, 41)]
        )
        assert simulated == pytest.approx(model, abs=0.01)
    assert t.chance_secure(9, 0.24) > t.chance_secure(1, 0.24)
    with pytest.raises(ValueError, match="rating"):
        t.chance_secure(10, 0.24)


def test_figure_png_makes_a_png_and_checks_dpi():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(2, 2))
    ax.plot([0, 1], [0, 1])
    png = t.figure_png(fig, dpi=50)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(ValueError, match="dpi"):
        t.figure_png(fig, dpi=5)


def test_live_figure_redraws_only_what_changes_and_matches_a_full_draw():
    import base64
    import io

    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from PIL import Image

    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    (line,) = ax.plot([0.2, 0.8], [0.2, 0.8])  # inside the axes: no overlap with the spines
    title = ax.set_title("start")
    out = widgets.Output()
    live = t.LiveFigure(fig, out, dynamic=[line, title])

    def picture():
        data = base64.b64decode(out.outputs[0]["data"]["image/png"])
        return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))

    live.show()
    first = picture()
    line.set_ydata([0.8, 0.2])
    title.set_text("moved")
    live.show()
    second = picture()
    assert len(out.outputs) == 1
    assert not np.array_equal(first, second)
    # the blitted picture equals a full redraw of the same state
    for artist in (line, title):
        artist.set_animated(False)
    fig.canvas.draw()
    full = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    assert np.abs(full.astype(int) - second.astype(int)).max() <= 2


def test_live_figure_keeps_the_picture_of_a_key_and_draws_a_new_key_anew():
    import base64

    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    (line,) = ax.plot([0.2, 0.8], [0.2, 0.8])
    title = ax.set_title("up")
    out = widgets.Output()
    live = t.LiveFigure(fig, out, dynamic=[line, title])

    def shown():
        data = out.outputs[0]["data"]
        return base64.b64decode(data["image/png"]), data["text/plain"]

    def move(ys, words):
        line.set_ydata(ys)
        title.set_text(words)

    live.show(key="up")
    up = shown()
    assert live.png() == up[0]  # a fresh draw of the same state: the same bytes
    move([0.8, 0.2], "down")
    live.show(key="down")  # a new key: drawn anew
    down = shown()
    assert down[0] != up[0] and "down" in down[1]
    move([0.5, 0.5], "flat")  # the artists change, but "up" is already kept
    live.show(key="up")
    assert shown() == up and "up" in up[1]
    assert live.png(key="down") == down[0]
    assert live.png() != down[0]  # without a key: the artists as they are now
    plt.close(fig)


@pytest.mark.parametrize("lang, tick", [("sv", "0,5"), ("nb", "0,5"), ("en", "0.5")])
def test_live_figure_ticks_follow_the_edition(lang, tick):
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit import i18n

    i18n.set_language(lang)
    try:
        fig, ax = plt.subplots(figsize=(3, 2), dpi=50)
        ax.set(xlim=(0, 1), xticks=[0, 0.5, 1])
        t.LiveFigure(fig, widgets.Output()).show()
        labels = [label.get_text() for label in ax.get_xticklabels()]
        plt.close(fig)
    finally:
        i18n.set_language(None)
    assert tick in labels
