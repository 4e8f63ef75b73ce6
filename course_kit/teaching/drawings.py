"""Concept drawings for teaching (no data: the shapes of ideas).

These figures illustrate theories; they show no estimates. Plotting functions
take ``ax=None`` and return the Axes, like the rest of the kit.
"""

from __future__ import annotations

import numpy as np

from course_kit.messages import text
from course_kit.susceptibility.patterns import pattern_label

# The three classic patterns of person x environment interaction (named as in
# course_kit.susceptibility.patterns), as slopes of
# the outcome on environmental quality for the more and the less susceptible
# group (intercepts chosen so the lines meet where theory says they do).
_PATTERNS = {
    # susceptible worse in adverse environments, no better in supportive ones
    "diathesis_stress": {"susceptible": (1.0, 1.0), "less": (0.0, 1.0)},
    # worse in adverse AND better in supportive environments: lines cross
    "differential_susceptibility": {"susceptible": (1.0, 0.5), "less": (0.1, 0.5)},
    # better in supportive environments, no worse in adverse ones
    "vantage_sensitivity": {"susceptible": (1.0, 0.0), "less": (0.0, 0.0)},
}


def susceptibility_patterns(axes=None):
    """Draw diathesis-stress, differential susceptibility and vantage sensitivity.

    Parameters
    ----------
    axes : sequence of 3 matplotlib Axes, optional
        Where to draw; a new 1 x 3 figure is made when omitted.

    Returns
    -------
    numpy.ndarray of Axes

    Examples
    --------
    >>> from course_kit.teaching.drawings import susceptibility_patterns
    >>> axes = susceptibility_patterns()
    >>> len(axes)
    3
    """
    import matplotlib.pyplot as plt

    from course_kit.style import PALETTE

    if axes is None:
        _, axes = plt.subplots(1, 3, figsize=(12, 3.8), sharey=True, layout="constrained")
    axes = np.asarray(axes).ravel()
    if axes.size != 3:
        raise ValueError(f"axes must hold 3 Axes (got {axes.size}).")
    x = np.linspace(-1, 1, 50)
    for ax, (name, lines) in zip(axes, _PATTERNS.items(), strict=True):
        for group, colour, style in (
            ("susceptible", PALETTE["vermillion"], "-"),
            ("less", PALETTE["blue"], "--"),
        ):
            slope, anchor = lines[group]
            # each line passes through (x = +1 or -1 meeting point, anchor)
            meet = {"diathesis_stress": 1.0, "vantage_sensitivity": -1.0}.get(name, 0.0)
            y = anchor + slope * (x - meet)
            label = text(
                "concepts.susceptible" if group == "susceptible" else "concepts.less_susceptible"
            )
            ax.plot(x, y, style, color=colour, lw=3, label=label)
        ax.set_title(pattern_label(name))
        ax.set_xticks([-1, 1], [text("concepts.adverse"), text("concepts.supportive")])
        ax.set_yticks([])
        ax.set_xlabel(text("concepts.environment_axis"))
    axes[0].set_ylabel(text("concepts.outcome_axis"))
    axes[0].legend(loc="lower right", frameon=False)
    return axes
