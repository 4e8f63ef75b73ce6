"""Trial analysis (ANCOVA, attenuation) and power by simulation."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest

from course_kit.simulate import vipp_trial
from course_kit.trials import _ancova_lstsq, analyze, power

matplotlib.use("Agg")


# --- recovery over many simulated trials ----------------------------------------------


@pytest.fixture(scope="module")
def many_trials():
    """200 SYNTHETIC trials of 400 families (true d = 0.4, ICC = .8)."""
    results = [analyze(vipp_trial(400, effect_size=0.4, icc=0.8, seed=s)) for s in range(200)]
    truth = vipp_trial(400, effect_size=0.4, icc=0.8, seed=0).attrs["truth"]
    return results, truth


def test_corrected_d_recovers_the_true_d(many_trials):
    # The corrected d estimates the effect on the error-free (latent) score.
    results, _ = many_trials
    assert np.mean([r.d_corrected for r in results]) == pytest.approx(0.4, abs=0.03)


def test_observed_d_is_attenuated_as_the_formula_says(many_trials):
    # The d of the coders' mean score estimates d * sqrt(reliability), not d itself.
    results, truth = many_trials
    mean_d = np.mean([r.d for r in results])
    assert mean_d == pytest.approx(truth["expected_observed_d"], abs=0.03)
    assert mean_d < np.mean([r.d_corrected for r in results])


def test_icc_and_reliability_are_recovered(many_trials):
    results, truth = many_trials
    assert np.mean([r.icc for r in results]) == pytest.approx(0.8, abs=0.05)
    assert np.mean([r.reliability for r in results]) == pytest.approx(
        truth["reliability_of_mean"], abs=0.02
    )


def test_low_reliability_hides_part_of_the_effect():
    results = [analyze(vipp_trial(400, effect_size=0.5, icc=0.5, seed=s)) for s in range(60)]
    d = np.mean([r.d for r in results])
    corrected = np.mean([r.d_corrected for r in results])
    assert d < 0.47 and corrected == pytest.approx(0.5, abs=0.05)


# --- one trial ------------------------------------------------------------------------


def test_analyze_one_trial_in_detail():
    df = vipp_trial(150, effect_size=0.5, attrition=0.2, seed=12)
    res = analyze(df)
    truth = df.attrs["truth"]
    assert res.n_missing == truth["n_dropped"]
    assert res.n_vipp + res.n_control == 150 - truth["n_dropped"]
    wide = df.pivot_table(
        index=["family", "arm"], columns="wave", values="sensitivity", observed=True
    ).reset_index()
    wide = wide.dropna()
    post = wide.groupby("arm", observed=True)["post"]
    raw = post.mean()["VIPP-SD"] - post.mean()["control"]
    assert res.raw_difference == pytest.approx(raw)
    assert res.d == pytest.approx(res.difference / res.sd_pooled)
    assert res.raw_d == pytest.approx(raw / res.sd_pooled)
    assert res.ci[0] < res.difference < res.ci[1]
    assert res.d_corrected == pytest.approx(res.d / np.sqrt(res.reliability))
    # statsmodels' fit is the one reported
    assert res.model.params["vipp"] == pytest.approx(res.difference)


def test_numpy_lstsq_equals_the_statsmodels_fit():
    res = analyze(vipp_trial(160, effect_size=0.3, seed=21))
    data = res.data.dropna()
    treated = (data["arm"] == "VIPP-SD").to_numpy()
    b, se, dof, sd_pooled = _ancova_lstsq(data["pre"].to_numpy(), data["post"].to_numpy(), treated)
    assert b == pytest.approx(res.difference, rel=1e-10)
    assert se == pytest.approx(res.se, rel=1e-10)
    assert dof == res.model.df_resid
    assert sd_pooled == pytest.approx(res.sd_pooled, rel=1e-12)


def test_one_coder_gives_no_reliability():
    df = vipp_trial(80, seed=3)
    one = analyze(df, coders="C2")
    only_c2 = analyze(df[df["coder"] == "C2"])
    assert one.difference == pytest.approx(only_c2.difference)
    assert only_c2.icc is None and only_c2.d_corrected is None
    assert "cannot be estimated" in only_c2.summary()
    # with both coders available, the reliability of one coder's score is lower
    assert one.reliability < analyze(df).reliability


def test_result_views():
    res = analyze(vipp_trial(100, seed=5))
    frame = res.to_frame()
    assert frame["quantity"].tolist() == [
        "adjusted_difference",
        "d",
        "raw_difference",
        "raw_d",
        "icc",
        "reliability",
        "d_corrected",
    ]
    assert "ANCOVA" in res.summary() and "<b>" in res._repr_html_()
    ax = res.plot()
    assert ax.get_xticklabels()[0].get_text() == "pre"
    assert len(ax.lines) >= 2
    matplotlib.pyplot.close("all")


def test_analyze_validates_input():
    df = vipp_trial(40, seed=1)
    with pytest.raises(ValueError, match="coders"):
        analyze(df, coders="C9")
    with pytest.raises(ValueError, match="sensitivity"):
        analyze(df.drop(columns="sensitivity"))
    with pytest.raises(TypeError, match="df"):
        analyze(df.to_numpy())
    tiny = df[df["family"].isin([1, 2, 3])]
    with pytest.raises(ValueError, match="at least 2 families"):
        analyze(tiny.assign(arm="control"))


# --- power ----------------------------------------------------------------------------


def test_power_is_deterministic_and_has_a_ci():
    a = power(120, 0.4, n_sims=100, seed=3, progress=False)
    b = power(120, 0.4, n_sims=100, seed=3, progress=False)
    assert a.power == b.power
    np.testing.assert_array_equal(a.d_estimates, b.d_estimates)
    assert a.ci_low < a.power < a.ci_high
    assert "Power" in a.summary()
    assert a.to_frame().loc[0, "n_sims"] == 100


def test_power_without_an_effect_is_alpha():
    res = power(100, 0.0, n_sims=1000, seed=4, progress=False)
    assert res.ci_low <= 0.05 <= res.ci_high
    assert res.mean_d == pytest.approx(0.0, abs=0.02)


def test_power_agrees_with_the_normal_theory_approximation():
    from statsmodels.stats.power import TTestIndPower

    res = power(160, 0.4, n_sims=1000, seed=5, progress=False)
    truth = vipp_trial(160, effect_size=0.4, seed=5).attrs["truth"]
    rel = truth["reliability_of_mean"]
    # ANCOVA on the coders' mean: observed d = d * sqrt(rel), and adjusting for the
    # pre-test (observed pre-post correlation r * rel) shrinks the residual SD.
    rho = 0.5 * rel
    effect = 0.4 * np.sqrt(rel) / np.sqrt(1 - rho**2)
    expected = TTestIndPower().power(effect_size=effect, nobs1=80, alpha=0.05)
    assert res.power == pytest.approx(expected, abs=0.045)
    assert res.mean_d == pytest.approx(truth["expected_observed_d"], abs=0.02)


def test_power_shows_a_progress_bar_in_jupyter(monkeypatch):
    import IPython.display

    import course_kit._progress as progress

    shown = []

    class Handle:  # records what the page would show
        def display(self, obj):
            shown.append(obj.data)

        def update(self, obj):
            shown.append(obj.data)

    monkeypatch.setattr(progress, "in_jupyter", lambda: True)
    monkeypatch.setattr(IPython.display, "DisplayHandle", Handle)
    power(80, 0.4, n_sims=30, seed=1, progress=True)
    assert '<progress value="0" max="30">' in shown[0]
    assert '<progress value="30" max="30">' in shown[-1] and "&#10003;" in shown[-1]
    shown.clear()
    power(80, 0.4, n_sims=30, seed=1, progress=False)
    assert shown == []


def test_power_grows_with_the_number_of_families():
    small = power(60, 0.4, n_sims=300, seed=6, progress=False)
    large = power(300, 0.4, n_sims=300, seed=6, progress=False)
    assert large.power > small.power + 0.3


def test_power_passes_trial_options_and_validates():
    noisy = power(160, 0.4, n_sims=300, seed=7, progress=False, icc=0.4, n_coders=1)
    clean = power(160, 0.4, n_sims=300, seed=7, progress=False, icc=0.95)
    assert noisy.power < clean.power
    with pytest.raises(ValueError, match="n_sims"):
        power(100, 0.4, n_sims=5)
    with pytest.raises(ValueError, match="alpha"):
        power(100, 0.4, n_sims=20, alpha=0.0)
    with pytest.raises(ValueError, match="icc"):
        power(100, 0.4, n_sims=20, icc=1.5)
    with pytest.raises(TypeError, match="colour"):
        power(100, 0.4, n_sims=20, colour="blue")
    with pytest.raises(ValueError, match="n_families"):
        power(1, 0.4, n_sims=20)
