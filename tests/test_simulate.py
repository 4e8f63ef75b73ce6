"""SYNTHETIC trials and literatures: structure, determinism, the model, validation."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from course_kit.reliability import icc
from course_kit.simulate import data_dictionary, meta_analytic_sample, vipp_trial

COLUMNS = [
    "family",
    "arm",
    "wave",
    "coder",
    "sensitivity",
    "drd4_7r",
    "externalizing",
    "child_age_months",
    "intervener",
]


# --- vipp_trial: structure ------------------------------------------------------------


def test_trial_layout_and_types():
    df = vipp_trial(n_families=51, n_coders=3, seed=1)
    assert list(df.columns) == COLUMNS == data_dictionary()["column"].tolist()
    assert len(df) == 51 * 2 * 3
    assert df["sensitivity"].dtype == np.int64
    assert df["drd4_7r"].dtype == bool
    assert set(df["coder"].cat.categories) == {"C1", "C2", "C3"}
    assert list(df["wave"].cat.categories) == ["pre", "post"] and df["wave"].cat.ordered
    # one arm per family, 25 of 51 families in VIPP-SD
    arms = df.groupby("family")["arm"].nunique()
    assert (arms == 1).all()
    per_family = df.drop_duplicates("family")
    assert (per_family["arm"] == "VIPP-SD").sum() == 25
    # sorted by family, wave, coder; one row per family x wave x coder
    assert not df.duplicated(["family", "wave", "coder"]).any()
    assert df["family"].is_monotonic_increasing
    # interveners only in the VIPP-SD arm
    assert df.loc[df["arm"] == "control", "intervener"].isna().all()
    assert df.loc[df["arm"] == "VIPP-SD", "intervener"].notna().all()
    # age grows by the follow-up between the waves; family-level values repeat over coders
    ages = df.pivot_table(index="family", columns="wave", values="child_age_months", observed=True)
    assert ((ages["post"] - ages["pre"]) == 6).all()
    assert ages["pre"].between(12, 72).all()
    first_gene = df.groupby("family")["drd4_7r"].transform("first")
    assert (df["drd4_7r"] == first_gene).all()
    by_video = df.groupby(["family", "wave"], observed=True)["externalizing"]
    assert (df["externalizing"] == by_video.transform("first")).all()


def test_ratings_are_whole_points_within_the_scale():
    df = vipp_trial(2000, effect_size=1.5, icc=0.5, seed=2)
    assert df["sensitivity"].between(1, 9).all()
    assert {1, 9} <= set(df["sensitivity"])  # floor and ceiling are reached
    short = vipp_trial(500, floor=1, ceiling=7, mean_pre=4, seed=2)
    assert short["sensitivity"].between(1, 7).all()
    assert df["externalizing"].between(30, 100).all()


def test_same_seed_same_frame_and_different_seeds_differ():
    kwargs = {"n_families": 80, "attrition": 0.2, "susceptibility": "differential"}
    a = vipp_trial(seed=7, **kwargs)
    b = vipp_trial(seed=7, **kwargs)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["truth"] == b.attrs["truth"]
    c = vipp_trial(seed=8, **kwargs)
    assert not a["sensitivity"].equals(c["sensitivity"])


def test_truth_is_kept_out_of_the_columns_but_in_attrs():
    df = vipp_trial(100, effect_size=0.3, seed=1)
    truth = df.attrs["truth"]
    assert not any("latent" in c for c in df.columns)
    assert truth["effect_size"] == 0.3 and truth["synthetic"] is True
    assert set(truth["coder_bias"]) == {"C1", "C2"}
    # the expected attenuated d follows the attenuation formula
    assert truth["expected_observed_d"] == pytest.approx(
        0.3 * np.sqrt(truth["reliability_of_mean"])
    )


# --- vipp_trial: the model ------------------------------------------------------------


def _wide_mean(df):
    return df.pivot_table(
        index=["family", "arm"], columns="wave", values="sensitivity", observed=True
    ).reset_index()


@pytest.mark.parametrize("target", [0.5, 0.7, 0.9])
def test_rating_icc_is_close_to_the_target(target):
    df = vipp_trial(3000, effect_size=0.0, icc=target, coder_bias_sd=0.0, seed=3)
    assert icc(df, targets=["family", "wave"])["ICC2"] == pytest.approx(target, abs=0.03)


def test_effect_pre_post_correlation_and_no_change_in_control():
    df = vipp_trial(20_000, effect_size=0.5, icc=1.0, pre_post_r=0.6, n_coders=1, seed=4)
    wide = _wide_mean(df)
    control = wide[wide["arm"] == "control"]
    vipp = wide[wide["arm"] == "VIPP-SD"]
    sd = 1.5  # ratings = rounded latent values: SD about sqrt(1.5^2 + 1/12)
    assert control["post"].mean() - control["pre"].mean() == pytest.approx(0, abs=0.05)
    assert (vipp["post"].mean() - control["post"].mean()) / sd == pytest.approx(0.5, abs=0.05)
    assert np.corrcoef(control["pre"], control["post"])[0, 1] == pytest.approx(0.6 * 0.96, abs=0.03)


def test_drd4_proportion_and_externalizing_scale():
    df = vipp_trial(20_000, drd4_prop=0.2, n_coders=1, seed=5)
    fam = df.drop_duplicates("family")
    assert fam["drd4_7r"].mean() == pytest.approx(0.2, abs=0.01)
    pre = df.loc[df["wave"] == "pre", "externalizing"]
    assert pre.mean() == pytest.approx(50, abs=0.3)
    assert pre.std() == pytest.approx(10, abs=0.3)


@pytest.mark.parametrize(
    ("pattern", "control_gap", "vipp_gap"),
    [
        ("differential", 0.25, -0.25),
        ("diathesis-stress", 0.5, 0.0),
        ("vantage", 0.0, -0.5),
        (None, 0.0, 0.0),
    ],
)
def test_gene_by_treatment_patterns(pattern, control_gap, vipp_gap):
    df = vipp_trial(
        30_000, n_coders=1, drd4_prop=0.5, susceptibility=pattern, gxe_effect=0.5, seed=6
    )
    post = df[df["wave"] == "post"]
    means = post.groupby(["arm", "drd4_7r"], observed=True)["externalizing"].mean()
    # carrier minus non-carrier, in SD units (T-score SD = 10). Tolerance: about 3 SE
    # (0.016 SD each) plus the clipping at T = 30, which pulls low means up by ~0.02 SD.
    assert (means["control", True] - means["control", False]) / 10 == pytest.approx(
        control_gap, abs=0.07
    )
    assert (means["VIPP-SD", True] - means["VIPP-SD", False]) / 10 == pytest.approx(
        vipp_gap, abs=0.07
    )


def test_attrition_completely_at_random_drops_whole_post_waves():
    df = vipp_trial(10_000, attrition=0.3, n_coders=2, seed=8)
    post_rows = df[df["wave"] == "post"].groupby("family").size()
    assert set(post_rows) == {2}  # a family keeps both coders' post rows or none
    kept = df.loc[df["wave"] == "post", "family"].nunique()
    assert 1 - kept / 10_000 == pytest.approx(0.3, abs=0.02)
    assert df.attrs["truth"]["n_dropped"] == 10_000 - kept
    # every family keeps its pre-test, and the same families and ratings as without drop-out
    full = vipp_trial(10_000, attrition=0.0, n_coders=2, seed=8)
    pre = df[df["wave"] == "pre"].reset_index(drop=True)
    pd.testing.assert_frame_equal(pre, full[full["wave"] == "pre"].reset_index(drop=True))


def test_attrition_depending_on_pretest_removes_low_scorers():
    df = vipp_trial(10_000, attrition=0.3, attrition_mode="pretest", n_coders=1, seed=9)
    pre = df[df["wave"] == "pre"].set_index("family")["sensitivity"]
    stayed = pre.index.isin(df.loc[df["wave"] == "post", "family"])
    assert 1 - stayed.mean() == pytest.approx(0.3, abs=0.02)
    assert pre[~stayed].mean() < pre[stayed].mean() - 0.5
    mcar = vipp_trial(10_000, attrition=0.3, n_coders=1, seed=9)
    pre_m = mcar[mcar["wave"] == "pre"].set_index("family")["sensitivity"]
    stayed_m = pre_m.index.isin(mcar.loc[mcar["wave"] == "post", "family"])
    assert abs(pre_m[~stayed_m].mean() - pre_m[stayed_m].mean()) < 0.1


def test_intervener_clustering():
    def between_share(intervener_icc):
        df = vipp_trial(
            4000,
            icc=1.0,
            n_coders=1,
            n_interveners=40,
            intervener_icc=intervener_icc,
            seed=10,
        )
        post = df[(df["wave"] == "post") & (df["arm"] == "VIPP-SD")]
        groups = [g["sensitivity"].to_numpy() for _, g in post.groupby("intervener", observed=True)]
        # one-way ANOVA estimate of the between-intervener variance share
        f, _ = stats.f_oneway(*groups)
        n0 = len(post) / len(groups)
        return (f - 1) / (f - 1 + n0)

    assert between_share(0.0) == pytest.approx(0.0, abs=0.03)
    assert between_share(0.3) == pytest.approx(0.3, abs=0.12)


def test_data_dictionary_has_meanings_and_ranges():
    dd = data_dictionary()
    assert list(dd.columns) == ["column", "type", "meaning", "range"]
    assert dd["meaning"].str.len().gt(10).all()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_families": 1}, "n_families"),
        ({"n_families": 0}, "n_families"),
        ({"effect_size": float("nan")}, "effect_size"),
        ({"effect_size": float("inf")}, "effect_size"),
        ({"n_coders": 0}, "n_coders"),
        ({"icc": 0.0}, "icc"),
        ({"icc": 1.2}, "icc"),
        ({"icc": -0.1}, "icc"),
        ({"icc": float("nan")}, "icc"),
        ({"pre_post_r": 1.5}, "pre_post_r"),
        ({"coder_bias_sd": -0.1}, "coder_bias_sd"),
        ({"icc": 0.9, "coder_bias_sd": 2.0}, "coder_bias_sd"),
        ({"floor": 9, "ceiling": 1}, "ceiling"),
        ({"mean_pre": 12.0}, "mean_pre"),
        ({"sd": 0.0}, "sd"),
        ({"drd4_prop": -0.1}, "drd4_prop"),
        ({"drd4_prop": 1.1}, "drd4_prop"),
        ({"susceptibility": "orchid"}, "susceptibility"),
        ({"gxe_effect": float("nan")}, "gxe_effect"),
        ({"externalizing_effect": float("inf")}, "externalizing_effect"),
        ({"attrition": 1.5}, "attrition"),
        ({"attrition": -0.5}, "attrition"),
        ({"attrition_mode": "mnar"}, "attrition_mode"),
        ({"n_interveners": 0}, "n_interveners"),
        ({"intervener_icc": 1.0}, "intervener_icc"),
        ({"intervener_icc": -0.2}, "intervener_icc"),
        ({"child_age_range": (72, 12)}, "child_age_range"),
        ({"child_age_range": (12,)}, "child_age_range"),
        ({"followup_months": -1}, "followup_months"),
        ({"seed": -3}, "seed"),
    ],
)
def test_every_parameter_is_validated(kwargs, match):
    with pytest.raises(ValueError, match=match):
        vipp_trial(**kwargs)


# --- meta_analytic_sample -------------------------------------------------------------


def test_literature_layout_and_determinism():
    a = meta_analytic_sample(30, 0.3, 0.02, seed=1)
    b = meta_analytic_sample(30, 0.3, 0.02, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert list(a.columns) == ["study", "n_vipp", "n_control", "yi", "vi", "pvalue", "published"]
    assert len(a) == 30 and a["published"].all()
    assert a.attrs["n_simulated"] == 30  # no file drawer: every trial is published
    assert a["n_vipp"].between(20, 150).all() and a["n_control"].between(20, 150).all()
    assert not a["yi"].equals(meta_analytic_sample(30, 0.3, 0.02, seed=2)["yi"])


def test_literature_variance_and_p_value_follow_the_smd_formulas():
    from scipy.special import gammaln

    lit = meta_analytic_sample(50, 0.4, 0.05, n_range=(10, 60), seed=3)
    n1, n2, g = lit["n_vipp"], lit["n_control"], lit["yi"]
    np.testing.assert_allclose(lit["vi"], 1 / n1 + 1 / n2 + g**2 / (2 * (n1 + n2)), rtol=1e-12)
    m = n1 + n2 - 2
    j = np.exp(gammaln(m / 2) - 0.5 * np.log(m / 2) - gammaln((m - 1) / 2))
    t = g / j * np.sqrt(n1 * n2 / (n1 + n2))
    np.testing.assert_allclose(lit["pvalue"], 2 * stats.t.sf(np.abs(t), m), rtol=1e-9)


def test_literature_recovers_mean_and_heterogeneity():
    lit = meta_analytic_sample(3000, 0.35, 0.04, n_range=(100, 200), seed=4)
    assert lit["yi"].mean() == pytest.approx(0.35, abs=0.015)
    # var(yi) = tau2 + mean sampling variance
    assert lit["yi"].var() - lit["vi"].mean() == pytest.approx(0.04, abs=0.006)


def test_file_drawer_hides_non_significant_trials():
    fair = meta_analytic_sample(40, 0.1, 0.0, n_range=(20, 40), seed=5)
    full = meta_analytic_sample(40, 0.1, 0.0, n_range=(20, 40), publication_bias=1.0, seed=5)
    assert (full["pvalue"] < 0.05).all()
    assert full.attrs["n_simulated"] > fair.attrs["n_simulated"]
    assert full["yi"].abs().mean() > fair["yi"].abs().mean()
    positive = meta_analytic_sample(
        20, 0.1, 0.0, publication_bias=1.0, selection="positive", seed=5
    )
    assert (positive["yi"] > 0).all() and (positive["pvalue"] < 0.05).all()
    # half strength: some non-significant trials still come out of the drawer
    half = meta_analytic_sample(200, 0.1, 0.0, publication_bias=0.5, seed=5)
    assert 0 < (half["pvalue"] >= 0.05).mean() < 1


def test_file_drawer_strength_filters_one_stream_of_trials():
    # The candidate trials do not depend on the strength (the explorer relies on this).
    weak = meta_analytic_sample(
        15, 0.2, 0.0, publication_bias=0.2, include_unpublished=True, seed=8
    )
    strong = meta_analytic_sample(
        15, 0.2, 0.0, publication_bias=0.9, include_unpublished=True, seed=8
    )
    n = min(len(weak), len(strong))
    np.testing.assert_array_equal(weak["yi"].iloc[:n], strong["yi"].iloc[:n])
    assert strong.attrs["n_simulated"] >= weak.attrs["n_simulated"]


def test_unpublished_trials_can_be_shown():
    lit = meta_analytic_sample(10, 0.0, 0.0, publication_bias=0.9, include_unpublished=True, seed=6)
    assert len(lit) == lit.attrs["n_simulated"]
    assert lit["published"].sum() == 10 and not lit["published"].all()
    assert lit["published"].iloc[-1]  # stops at the tenth published trial


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"k": 0}, "k"),
        ({"mean_d": float("nan")}, "mean_d"),
        ({"tau2": -0.1}, "tau2"),
        ({"n_range": (1, 10)}, "n_range"),
        ({"n_range": (50, 10)}, "n_range"),
        ({"publication_bias": 1.5}, "publication_bias"),
        ({"selection": "one-sided"}, "selection"),
        ({"seed": -1}, "seed"),
    ],
)
def test_literature_validates_parameters(kwargs, match):
    args = {"k": 5, "mean_d": 0.3, "tau2": 0.01, **kwargs}
    with pytest.raises(ValueError, match=match):
        meta_analytic_sample(**args)


def test_literature_loop_is_bounded():
    with pytest.raises(ValueError, match="max_studies"):
        meta_analytic_sample(
            50,
            -0.5,
            0.0,
            n_range=(100, 150),
            publication_bias=1.0,
            selection="positive",
            max_studies=500,
            seed=1,
        )
