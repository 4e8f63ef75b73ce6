"""Small result objects and the verdict of :mod:`course_kit.susceptibility`."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from course_kit._result import Result, html_table, html_view
from course_kit.i18n import format_value
from course_kit.messages import text

# PoI windows for differential susceptibility: .40-.60 (the existing criterion,
# citing Roisman et al. 2012) and the broader .20-.80 proposed by a later
# simulation paper (author attribution UNVERIFIED); see facts.md section 12.
POI_WINDOW = (0.40, 0.60)
POI_WINDOW_BROAD = (0.20, 0.80)


@dataclass(frozen=True)
class Crossover:
    """The cross-over point C of the two regression lines, with its CI.

    Attributes
    ----------
    estimate, se, ci_low, ci_high : float
        C on the environment scale, its standard error and confidence interval
        (t distribution with ``df`` degrees of freedom).
    level : float
        Confidence level.
    df : int
        Residual degrees of freedom.
    in_range : bool
        Whether C lies within the observed range of the environment.
    ci_in_range : bool
        Whether the whole CI lies within the observed range.
    method : str
        ``"nonlinear"`` (Widaman et al.'s re-parameterised model) or ``"delta"``.
    """

    estimate: float
    se: float
    ci_low: float
    ci_high: float
    level: float
    df: int
    in_range: bool
    ci_in_range: bool
    method: str

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame([self.__dict__])


@dataclass(frozen=True)
class RegionsOfSignificance(Result):
    """Johnson-Neyman regions of significance on the environment.

    The effect of the marker at environment value X (for two groups: the
    difference group 1 minus group 0) is ``B2 + B3 X``, with variance
    ``V22 + 2 X V23 + X^2 V33``. It is significant where
    ``(B2 + B3 X)^2 > t^2 var``; the bounds solve the quadratic equality.

    Attributes
    ----------
    alpha : float
        Significance level.
    bounds : list of float
        The Johnson-Neyman bounds (0, 1 or 2 values; none when the effect is
        significant everywhere or nowhere).
    bounds_in_range : list of bool
        Whether each bound lies within the observed range of the environment.
    segments : list of (low, high, significant)
        Pieces of the whole real line between the bounds.
    share_significant : float
        Share of the sample whose environment lies in a significant region.
    """

    alpha: float
    bounds: list
    bounds_in_range: list
    segments: list
    share_significant: float
    environment: str
    label_key: str
    _frame: object = field(repr=False)

    @property
    def whole_range_significant(self) -> bool:
        """True when the effect is significant for every observed environment value."""
        return self.share_significant == 1.0

    def to_frame(self):
        """One row per region: from, to, significant, effect_sign, share_of_sample, n.

        ``effect_sign`` is +1 where the group coded 1 (or a higher marker) has
        the higher outcome, -1 where it has the lower one, 0 where not significant.
        """
        return self._frame.copy()

    def _repr_html_(self) -> str:
        # the sentence above the table of regions
        table = html_table(self._frame, ".3f", index=False)
        return html_view("paragraph_table", text=self.summary(), table_html=table)

    def summary(self) -> str:
        """One plain-language sentence about the bounds."""
        if not self.bounds:
            key = "everywhere" if self.segments[0][2] else "nowhere"
            return text(f"susceptibility.ros_{key}", alpha=self.alpha)
        bounds = text("results.list_separator").join(
            f"{format_value(b, '.3g')} ({text('susceptibility.inside' if ok else 'susceptibility.outside')})"
            for b, ok in zip(self.bounds, self.bounds_in_range, strict=True)
        )
        return text(
            "susceptibility.ros_bounds",
            environment=self.environment,
            bounds=bounds,
            share=format_value(100 * self.share_significant, ".0f"),
            alpha=self.alpha,
        )


def verdict(res) -> str:
    """Plain-language reading of an InteractionResult, with its uncertainty."""
    prep = res.prepared
    alpha = 1 - res.level
    if res.interaction_p >= alpha:
        return text(
            "susceptibility.verdict_no_interaction",
            environment=prep.environment,
            p=format_value(res.interaction_p, ".2g"),
        )
    cross = res.crossover
    c = cross.estimate
    lo_x, hi_x = res.x_range
    ros = res.regions_of_significance(alpha)
    x = prep.x
    effect, se = res.effect_at(x)
    sig = effect**2 > res.critical_t() ** 2 * se**2
    supportive = x > c if res.higher_is_supportive else x < c
    sig_adverse, sig_supportive = bool(np.any(sig & ~supportive)), bool(np.any(sig & supportive))
    values = {"c": format_value(c, ".3g"), "environment": prep.environment}
    if cross.in_range:
        key = {
            (True, True): "ds",
            (True, False): "inside_adverse_only",
            (False, True): "inside_supportive_only",
            (False, False): "inside_no_region",
        }[(sig_adverse, sig_supportive)]
    else:
        beyond_supportive = (c > hi_x) == res.higher_is_supportive
        key = "outside_supportive" if beyond_supportive else "outside_adverse"
    parts = [text(f"susceptibility.verdict_{key}", **values)]
    ci = {
        "lo": format_value(cross.ci_low, ".3g"),
        "hi": format_value(cross.ci_high, ".3g"),
        "level": round(100 * res.level),
        "xmin": format_value(lo_x, ".3g"),
        "xmax": format_value(hi_x, ".3g"),
    }
    if cross.in_range:
        unc = "ci_inside" if cross.ci_in_range else "ci_wide"
        parts.append(text(f"susceptibility.verdict_{unc}", **ci))
    else:
        parts.append(text("susceptibility.verdict_ci", **ci))
    poi = res.poi
    window = (
        "poi_narrow"
        if POI_WINDOW[0] <= poi <= POI_WINDOW[1]
        else "poi_broad"
        if POI_WINDOW_BROAD[0] <= poi <= POI_WINDOW_BROAD[1]
        else "poi_outside"
    )
    parts.append(text(f"susceptibility.verdict_{window}", poi=format_value(poi, ".2f")))
    if ros.share_significant == 0:
        parts.append(text("susceptibility.verdict_no_region"))
    parts.append(text("susceptibility.verdict_confirm"))
    return " ".join(parts)
