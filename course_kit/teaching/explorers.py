"""Interactive teaching widgets for the meta-analysis and susceptibility notebooks.

Each explorer precomputes what it can when it is made, so that a slider move
only refits a small model and redraws one figure (well under 100 ms). The main
slider of each explorer carries the CSS class ``ck-main-widget`` and its output
``ck-main-output`` (the browser tests find them by these classes); pass
``main=False`` when an explorer is not the notebook's main widget.
"""

from __future__ import annotations

import numpy as np

from course_kit._validation import as_float_array, check_number
from course_kit.messages import text
from course_kit.susceptibility.patterns import pattern_choices
from course_kit.susceptibility.power import interaction_power
from course_kit.teaching._widgets import PICTURE_DPI, image_slider

# A control's label at its full width: ipywidgets cuts a label at 80 px ("Sant mön…" for
# "Sant mönster"), and the Swedish and Norwegian labels are often longer than the English.
FULL_LABEL = {"description_width": "initial"}

__all__ = [
    "PATTERN_CHOICES",  # noqa: F822 (made on access by __getattr__, in the reader's language)
    "file_drawer_explorer",
    "heterogeneity_explorer",
    "interaction_power",  # lives in course_kit.susceptibility.power; kept here for notebooks
    "pattern_explorer",
    "ratings_explorer",
    "susceptibility_explorer",
]


def ratings_explorer(*, seed: int = 2024, main: bool = True):
    """Slider: how many SYNTHETIC families are rated, and the share at each scale point.

    Ratings on Ainsworth's 9-point scale are drawn once (seeded); the slider shows
    the first ``n`` of them. Only the bars and the title are redrawn on a move
    (:class:`course_kit.teaching.LiveFigure`), so a move takes a few milliseconds.

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> from course_kit.explorers import ratings_explorer
    >>> box = ratings_explorer()  # doctest: +SKIP
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit.style import PALETTE
    from course_kit.teaching._widgets import LiveFigure

    rng = np.random.default_rng(seed)
    scores = np.clip(np.round(rng.normal(5.0, 1.6, size=2000)), 1, 9).astype(int)
    slider = widgets.IntSlider(
        value=20,
        min=5,
        max=500,
        step=5,
        description=text("explore.families_slider"),
        style=FULL_LABEL,
    )
    out = widgets.Output()
    if main:
        slider.add_class("ck-main-widget")
        out.add_class("ck-main-output")
    # Axes are drawn once, on a fixed 0-50 % scale; a move changes bars and title only.
    fig, ax = plt.subplots(figsize=(6, 3))
    bars = ax.bar(range(1, 10), np.zeros(9), color=PALETTE["blue"])
    ax.set_xticks(range(1, 10))
    ax.set_ylim(0, 50)
    ax.set_xlabel(text("explore.rating_axis"))
    ax.set_ylabel(text("explore.share_axis"))
    title = ax.set_title(" ")
    fig.tight_layout()
    plt.close(fig)  # shown through the widget's output only
    live = LiveFigure(fig, out, dynamic=[*bars, title])

    def draw(_=None):
        shown = scores[: slider.value]
        shares = 100 * np.bincount(shown, minlength=10)[1:] / shown.size
        for bar, share in zip(bars, shares, strict=True):
            bar.set_height(share)
        title.set_text(text("explore.ratings_title", n=slider.value, mean=shown.mean()))
        live.show()

    slider.observe(draw, names="value")
    draw()
    return widgets.VBox([slider, out])


def heterogeneity_explorer(data, *, yi: str = "yi", vi: str = "vi", seed: int = 1, main=True):
    """Slider: add true between-trial spread and watch the CI and the PI.

    Every trial's effect is shifted by ``tau * z_i`` with fixed standard-normal
    ``z_i`` (seeded), and the random-effects model (REML) is refitted. The
    confidence interval of the average grows a little; the prediction interval
    for a new setting grows a lot.

    Parameters
    ----------
    data : DataFrame
        One row per trial with columns ``yi`` (effect) and ``vi`` (variance).
    yi, vi : str
        Column names.
    seed : int
        Seed of the fixed shifts.
    main : bool
        Mark the slider as the notebook's main widget.

    Returns
    -------
    ipywidgets.VBox

    Examples
    --------
    >>> import course_kit as ck  # doctest: +SKIP
    >>> trials = ck.datasets.load("vipp_sd_synthetic")  # doctest: +SKIP
    >>> behaviour = trials[trials["outcome"] == "parenting behaviour"]  # doctest: +SKIP
    >>> ck.explorers.heterogeneity_explorer(behaviour)  # doctest: +SKIP
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from course_kit.meta import meta_analysis
    from course_kit.style import COLORS, PALETTE, alt_text, localise_ticks
    from course_kit.teaching._widgets import LiveFigure

    y0 = as_float_array(data[yi], "yi")
    v = as_float_array(data[vi], "vi")
    z = np.random.default_rng(seed).standard_normal(y0.size)
    z -= z.mean()  # shifts add spread, not a change of the average
    slider = widgets.FloatSlider(
        value=0.0,
        min=0.0,
        max=0.4,
        step=0.02,
        description=text("explore.tau_slider"),
        style=FULL_LABEL,
    )

    values = np.round(np.arange(0.0, 0.4 + 1e-9, 0.02), 2)
    fits = {tau: meta_analysis(y0 + tau * z, v, method="REML") for tau in values}
    titles = {
        tau: text("explore.heterogeneity_title", estimate=f.estimate, tau2=f.tau2, i2=f.i2)
        for tau, f in fits.items()
    }

    # One figure for every value: its axes, ticks and labels are drawn once and kept as
    # a picture, and each value draws only the intervals, their labels, the diamond and
    # the title over it (LiveFigure). A new figure per value spent most of "Run All"
    # making axes and ticks again (21 pictures are drawn up front).
    # At the pictures' resolution: text widths do not scale exactly with it.
    fig, ax = plt.subplots(figsize=(7, 2.4), dpi=PICTURE_DPI, layout="none")
    plt.close(fig)  # shown only as the slider's pictures
    bands = []
    for row, (colour, label) in enumerate(
        [(PALETTE["vermillion"], text("explore.pi")), (COLORS["pooled"], text("explore.ci"))]
    ):
        (line,) = ax.plot([0, 0], [row, row], color=colour, lw=6, solid_capstyle="butt")
        bands.append((line, ax.text(0, row, label, va="center", fontsize=10)))
    (diamond,) = ax.plot([0], [1], "D", color="white", mec="black", ms=9)
    null = ax.axvline(0, color=COLORS["null"], lw=1)
    ax.set_xlim(-0.6, 1.6)
    ax.set_ylim(-0.7, 1.7)
    ax.set_yticks([])
    ax.set_xlabel(text("explore.effect_axis"))
    title = ax.set_title(max(titles.values(), key=len))

    # Laid out once, for the widest picture (each interval's label at its right-most
    # place): the axes then keep their place and scale as the slider moves, so the
    # intervals of two pictures compare by eye, and the layout solve (half of each
    # picture's time) is not repeated.
    highs = [(f.pi_high for f in fits.values()), (f.ci_high for f in fits.values())]
    for (_, label), high in zip(bands, highs, strict=True):
        label.set_x(max(high) + 0.02)
    localise_ticks(fig)  # the tick labels of the pictures, for the layout
    for _ in range(2):  # the labels outside the axes need a second solve to fit
        ConstrainedLayoutEngine().execute(fig)
    # Drawn in the order a whole figure draws them (lines, then texts): the null line
    # stays over the intervals.
    (pi_line, pi_label), (ci_line, ci_label) = bands
    live = LiveFigure(
        fig, None, dynamic=[pi_line, ci_line, diamond, null, pi_label, ci_label, title]
    )

    def render(tau):
        fit = fits[tau]
        for (line, label), lo, hi in zip(
            bands, (fit.pi_low, fit.ci_low), (fit.pi_high, fit.ci_high), strict=True
        ):
            line.set_xdata([lo, hi])
            label.set_x(hi + 0.02)
        diamond.set_xdata([fit.estimate])
        title.set_text(titles[tau])
        return live.png(), alt_text(fig)

    return image_slider(slider, values, render, main)


def file_drawer_explorer(
    true_d: float = 0.3,
    k: int = 25,
    *,
    tau2: float = 0.01,
    n_range=(15, 150),
    seed: int = 4,
    main: bool = False,
):
    """Slider: how strong is the file drawer? Watch the funnel and the pooled estimate.

    For each strength 0, 0.1, ..., 1 a SYNTHETIC literature of ``k`` published
    trials is simulated once (with :func:`course_kit.simulate.meta_analytic_sample`,
    same seed) and fitted with REML when the explorer is made; the slider only
    redraws the funnel plot.

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit.meta import funnel_plot, meta_analysis
    from course_kit.simulate import meta_analytic_sample
    from course_kit.style import PALETTE

    true_d = check_number(true_d, "true_d", low=-3, high=3)
    strengths = np.round(np.linspace(0, 1, 11), 1)
    fits, tried = {}, {}
    for strength in strengths:
        sample = meta_analytic_sample(
            k, true_d, tau2, n_range=n_range, publication_bias=float(strength), seed=seed
        )
        tried[strength] = int(sample.attrs.get("n_simulated", k))
        fits[strength] = meta_analysis(sample["yi"], sample["vi"], method="REML")
    slider = widgets.FloatSlider(
        value=0.0,
        min=0.0,
        max=1.0,
        step=0.1,
        description=text("explore.drawer_slider"),
        style=FULL_LABEL,
    )

    def render(strength):
        fit = fits[strength]
        fig, ax = plt.subplots(figsize=(6.5, 4.2), layout="constrained")
        funnel_plot(fit, ax=ax)
        ax.axvline(true_d, color=PALETTE["green"], lw=2, ls=":", label=text("explore.truth"))
        ax.legend(loc="lower right", fontsize=8)
        ax.set_title(
            text(
                "explore.drawer_title",
                k=fit.k,
                tried=tried[strength],
                estimate=fit.estimate,
                true_d=true_d,
            ),
            fontsize=10,
        )
        return fig

    return image_slider(slider, strengths, render, main)


def susceptibility_explorer(
    sizes=(60, 100, 157, 250, 400, 600, 1000),
    *,
    pattern: str = "differential_susceptibility",
    seed: int = 7,
    main: bool = True,
):
    """Slider: the number of children in a G x E study, and what the plot shows.

    One SYNTHETIC population of ``max(sizes)`` children is simulated with
    :func:`course_kit.susceptibility.simulate_gxe`; the first ``n`` children form
    the study. All fits are made when the explorer is made; the slider redraws.

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit.susceptibility import fit_interaction, simulate_gxe

    sizes = sorted(int(check_number(n, "sizes", low=20, integer=True)) for n in sizes)
    population, args, options = _plain_gxe(simulate_gxe(sizes[-1], pattern, seed=seed))
    fits = {n: fit_interaction(population.iloc[:n], *args, **options) for n in sizes}
    slider = widgets.SelectionSlider(
        options=sizes,
        value=157 if 157 in sizes else sizes[0],
        description=text("explore.sample_slider"),
        style=FULL_LABEL,
    )

    def render(n):
        fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
        fits[n].plot(ax=ax)
        return fig

    return image_slider(slider, sizes, render, main)


def _plain_gxe(data):
    """simulate_gxe data with plain column names and group words, and the fit's arguments.

    The plot labels its axes and lines with the column names: "child outcome" and
    "children = more susceptible" read better than "outcome" and "susceptible = 1".
    """
    outcome, environment, group = (
        text("explore.gxe_outcome"),
        text("explore.gxe_environment"),
        text("explore.gxe_group"),
    )
    more, less = text("explore.gxe_more"), text("explore.gxe_less")
    plain = data.rename(columns={"outcome": outcome, "environment": environment})
    plain[group] = data["susceptible"].map({0: less, 1: more})
    return plain, (outcome, environment, group), {"susceptible_level": more}


def __getattr__(name: str):
    # PATTERN_CHOICES: (label, pattern) pairs of the pattern dropdown, in the one shared
    # vocabulary; made when asked for, so the labels follow the language chosen after import.
    if name == "PATTERN_CHOICES":
        return pattern_choices()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def pattern_explorer(n: int = 500, *, seed: int = 11, main: bool = False):
    """Dropdown: simulate each true pattern and see what the analysis shows.

    For every pattern a SYNTHETIC study of ``n`` children is drawn with
    :func:`course_kit.susceptibility.simulate_gxe` and fitted once, the first time
    the pattern is chosen (unless ``main=True``: then all when the explorer is made);
    choosing a pattern swaps the picture (simple slopes, regions of significance, the
    crossover) and the preferred model of :func:`compare_models`.

    Returns
    -------
    ipywidgets.VBox
    """
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    from course_kit.susceptibility import compare_models, fit_interaction, simulate_gxe

    n = check_number(n, "n", low=20, integer=True)
    chooser = widgets.Dropdown(
        options=pattern_choices(), description=text("explore.pattern_dropdown"), style=FULL_LABEL
    )

    def render(pattern):
        data, args, options = _plain_gxe(simulate_gxe(n, pattern, seed=seed))
        table = compare_models(data, *args, **options)
        preferred = table.loc[table["preferred"], "model"].item()
        fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
        fit_interaction(data, *args, **options).plot(ax=ax)
        ax.set_title(
            text("explore.pattern_title", model=text(f"explorers.model.{preferred}")), fontsize=10
        )
        return fig

    return image_slider(chooser, [value for _, value in pattern_choices()], render, main)
