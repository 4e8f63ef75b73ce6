"""One-command reproduction of every figure (``python -m course_kit figures``)."""

from __future__ import annotations

import math
import os

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from course_kit import datasets, figures
from course_kit.__main__ import main
from course_kit.meta import meta_analysis, subgroup_analysis, trim_and_fill

EXPECTED = {
    "forest_vipp_sensitivity",
    "forest_rayce_sensitivity",
    "forest_vipp_sd_synthetic_parenting_behaviour",
    "forest_vipp_sd_synthetic_parenting_attitudes",
    "forest_vipp_sd_synthetic_attachment_security",
    "forest_vipp_sd_synthetic_externalizing_behaviour",
    "forest_vipp_sd_synthetic_risk",
    "funnel_vipp_sd_synthetic",
    "funnel_vipp_sd_synthetic_trimfill",
}


def test_registry_names():
    assert set(figures.names()) == EXPECTED
    assert set(figures.FIGURES) == EXPECTED
    for name in EXPECTED:  # documented for the notebooks
        assert name in figures.__doc__


def test_unknown_name_is_named():
    with pytest.raises(ValueError, match="forest_vipp_sensitivity"):
        figures.draw("forest_nope")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_figure_draws_and_synthetic_ones_say_so(name):
    fig, ax = plt.subplots(figsize=(12, 9))
    fig.subplots_adjust(left=0.35, right=0.65, bottom=0.3)
    assert figures.FIGURES[name](ax=ax) is ax
    shown = " ".join(t.get_text() for t in ax.texts) + " " + ax.get_title(loc="left")
    if "synthetic" in name:
        assert "SYNTHETIC" in shown
    else:
        assert "SYNTHETIC" not in shown


def _summary_row(table, name, subset="all"):
    rows = table[(table["figure"] == name) & (table["subset"] == subset)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_summary_agrees_with_an_independent_fit():
    table = figures.summary()
    syn = datasets.load("vipp_sd_synthetic")
    for outcome in figures.SYNTHETIC_OUTCOMES:
        sel = syn[syn["outcome"] == outcome]
        res = meta_analysis(sel["yi"], sel["vi"], method="REML")
        row = _summary_row(table, f"forest_vipp_sd_synthetic_{outcome.replace(' ', '_')}")
        assert row["synthetic"] == "yes" and row["k"] == len(sel) and row["outcome"] == outcome
        for col in ("estimate", "ci_low", "ci_high", "pi_low", "pi_high", "tau2", "i2"):
            assert row[col] == pytest.approx(getattr(res, col), rel=1e-12, abs=1e-12), col
    # subgroups by sample risk
    sel = syn[syn["outcome"] == "parenting behaviour"]
    groups = [f"{r.capitalize()}-risk samples" for r in sel["sample_risk"]]
    sub = subgroup_analysis(sel["yi"], sel["vi"], groups)
    for group, fit in sub.subgroups.items():
        row = _summary_row(table, "forest_vipp_sd_synthetic_risk", group)
        assert row["estimate"] == pytest.approx(fit.estimate, rel=1e-12)
        assert row["k"] == fit.k
    # trim-and-fill
    tf = trim_and_fill(meta_analysis(sel["yi"], sel["vi"]))
    assert tf.k0 > 0  # the synthetic small-study effect gives the funnel something to show
    row = _summary_row(table, "funnel_vipp_sd_synthetic_trimfill", "observed + imputed")
    assert row["k"] == len(sel) + tf.k0
    assert row["estimate"] == pytest.approx(tf.filled.estimate, rel=1e-12)
    assert f"k0 = {tf.k0}" in row["method"]


def test_rayce_sensitivity_reproduces_the_published_pooled_d():
    """Rayce et al. (2017) report d = 0.46 (95% CI 0.26 to 0.65) for maternal sensitivity."""
    row = _summary_row(figures.summary(["forest_rayce_sensitivity"]), "forest_rayce_sensitivity")
    assert row["k"] == 5
    assert (round(row["estimate"], 2), round(row["ci_low"], 2), round(row["ci_high"], 2)) == (
        0.46,
        0.26,
        0.65,
    )


def test_vipp_sensitivity_uses_reported_d_and_group_sizes():
    prep = figures.prepare("forest_vipp_sensitivity")
    df = datasets.load("vipp_trials")
    reported = df.loc[df["effect_outcome"] == "maternal sensitivity", "effect_value"]
    assert set(prep.result.yi) <= set(reported)
    assert prep.result.k == 3  # Juffer 2005 (three arms, no per-arm n) is left out
    n1 = np.array(prep.plot_kwargs["columns"]["n VIPP"], float)
    n0 = np.array(prep.plot_kwargs["columns"]["n control"], float)
    d = prep.result.yi
    np.testing.assert_allclose(prep.result.vi, 1 / n1 + 1 / n0 + d**2 / (2 * (n1 + n0)))


@pytest.mark.slow
def test_two_runs_give_identical_files(tmp_path):
    """A reviewer can compare a rebuild with the shipped figures byte for byte."""
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert main(["figures", "--out", str(out)]) == 0
    files_a = sorted(p.name for p in outs[0].iterdir())
    files_b = sorted(p.name for p in outs[1].iterdir())
    assert files_a == files_b
    assert "summary.csv" in files_a
    for fmt in ("png", "svg", "pdf"):
        assert sum(f.endswith(f".{fmt}") for f in files_a) == len(EXPECTED)
    for name in files_a:
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    svg = (outs[0] / "forest_vipp_sensitivity.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    pdf = (outs[0] / "forest_vipp_sensitivity.pdf").read_bytes()
    assert b"/CreationDate" not in pdf


def test_cli_only_and_summary_columns(tmp_path, capsys):
    out = tmp_path / "figs"
    code = main(
        ["figures", "--out", str(out), "--only", "forest_rayce_sensitivity", "--formats", "svg"]
    )
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["forest_rayce_sensitivity.svg", "summary.csv"]
    table = pd.read_csv(out / "summary.csv")
    for col in (
        "dataset",
        "outcome",
        "method",
        "k",
        "estimate",
        "ci_low",
        "ci_high",
        "pi_low",
        "pi_high",
        "tau2",
        "i2",
    ):
        assert col in table.columns
    assert table.loc[0, "dataset"] == "rayce2017_relationship"
    assert not math.isnan(table.loc[0, "estimate"])
    assert "summary.csv" in capsys.readouterr().out


def test_cli_rejects_unknown_figure(tmp_path):
    with pytest.raises(ValueError, match="name must be one of"):
        main(["figures", "--out", str(tmp_path), "--only", "forest_nope"])


def test_cli_list(capsys):
    assert main(["figures", "--list"]) == 0
    assert set(capsys.readouterr().out.split()) == EXPECTED


# --- the course style ----------------------------------------------------------------------


def test_course_style_as_context_restores_settings():
    from course_kit.style import PALETTE, use_course_style

    before = dict(matplotlib.rcParams)
    with use_course_style(font_scale=1.5):
        assert matplotlib.rcParams["font.size"] == 18
        assert matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
        cycle = [c["color"] for c in matplotlib.rcParams["axes.prop_cycle"]]
        assert cycle[:3] == [PALETTE["blue"], PALETTE["orange"], PALETTE["green"]]
    assert matplotlib.rcParams["font.size"] == before["font.size"]
    assert matplotlib.rcParams["axes.prop_cycle"] == before["axes.prop_cycle"]


def test_course_palette_is_okabe_ito():
    from course_kit.style import PALETTE

    okabe_ito = {
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#000000",
    }
    assert set(PALETTE.values()) == okabe_ito


@pytest.mark.parametrize(("value", "error"), [(0, ValueError), ("big", TypeError)])
def test_course_style_rejects_bad_font_scale(value, error):
    from course_kit.style import use_course_style

    with pytest.raises(error, match="font_scale"):
        use_course_style(font_scale=value)


def test_course_style_keeps_settings_changed_inside_it():
    """A backend that switches interactive mode on inside the style keeps it on.

    The inline backend of a Jupyter kernel does this when the first figure is
    drawn; ``matplotlib.rc_context`` undid it and later figures were not shown.
    """
    from course_kit.style import use_course_style

    before = matplotlib.is_interactive()
    try:
        matplotlib.interactive(False)
        with use_course_style():
            matplotlib.interactive(True)  # what the inline backend does on first use
        assert matplotlib.is_interactive()
    finally:
        matplotlib.interactive(before)


@pytest.mark.slow
def test_every_drawn_figure_is_shown_in_a_fresh_kernel():
    """Four figures.draw cells in a new kernel show four images (notebook 04's bug)."""
    import nbformat
    from nbclient import NotebookClient

    names = [
        "forest_vipp_sd_synthetic_parenting_behaviour",
        "forest_rayce_sensitivity",
        "forest_vipp_sd_synthetic_risk",
        "funnel_vipp_sd_synthetic_trimfill",
    ]
    cells = [nbformat.v4.new_code_cell("from course_kit import figures")]
    cells += [nbformat.v4.new_code_cell(f'figures.draw("{name}");') for name in names]
    nb = nbformat.v4.new_notebook(cells=cells)
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    shown = [
        any("image/png" in out.get("data", {}) for out in cell.outputs) for cell in nb.cells[1:]
    ]
    assert shown == [True] * len(names), dict(zip(names, shown, strict=True))


def test_cli_leaves_no_backend_setting_for_later_kernels(tmp_path, monkeypatch):
    """``figures`` must not set MPLBACKEND: kernels started later would inherit Agg."""
    monkeypatch.delenv("MPLBACKEND", raising=False)
    assert main(["figures", "--out", str(tmp_path), "--only", "funnel_vipp_sd_synthetic"]) == 0
    assert "MPLBACKEND" not in os.environ


# What each forest plot compared, and so what its "favours" label may name.
_COMPARED = {
    "vipp_trials": "VIPP / VIPP-SD",  # VIPP and VIPP-SD trials' own abstracts
    "rayce2017_relationship": "parenting interventions",  # various programmes, not VIPP-SD
    "vipp_sd_synthetic": "VIPP-SD",  # the synthetic VIPP-SD literature
}


@pytest.mark.parametrize("name", [n for n in sorted(EXPECTED) if n.startswith("forest_")])
def test_favours_label_names_what_was_compared(name):
    ax = figures.draw(name)
    (right,) = [t.get_text() for t in ax.texts if t.get_gid() == "forest-favours-right"]
    dataset = figures.prepare(name).dataset
    assert _COMPARED[dataset] in right, f"{name}: {right!r}"
    if dataset == "rayce2017_relationship":
        assert "VIPP" not in right, "Rayce et al. (2017) pooled other interventions, not VIPP-SD"


def test_default_favours_label_names_no_programme():
    from course_kit.meta import forest_plot

    ax = forest_plot(meta_analysis([0.3, 0.5, 0.1], [0.04, 0.02, 0.05]))
    (right,) = [t.get_text() for t in ax.texts if t.get_gid() == "forest-favours-right"]
    assert "VIPP" not in right and "intervention" in right
