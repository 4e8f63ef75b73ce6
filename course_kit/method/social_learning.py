"""A small teaching model of the coercive cycle (Patterson's coercion theory).

THIS IS A TEACHING MODEL, NOT DATA. It shows one idea of social-learning
theory that VIPP-SD builds on: behaviour that pays off becomes more likely.
No number it produces is a published estimate, and its settings are the
course authors' choices for a clear picture.

The model
---------
A child meets many everyday *situations* in which it wants something (a toy,
attention, not to tidy up). In each situation the child either asks **calmly**
or **escalates** (whines, shouts, has a tantrum); ``escalation`` is the chance
that it escalates. The parent answers:

* a calm request is rewarded (attention, praise, a yes) with chance ``praise_calm``;
* an escalation makes the parent **give in** with chance ``give_in``.

The child learns by a linear-operator rule of the kind used in classic
stochastic learning models (Bush & Mosteller, 1955): a rewarded escalation
moves ``escalation`` a step ``child_rate`` towards 1, a rewarded calm request
moves it the same step towards 0; unrewarded behaviour leaves it unchanged. On
average this gives::

    escalation[t + 1] = escalation[t] + child_rate * e * (1 - e) * (give_in - praise_calm)

with ``e = escalation[t]``. So the direction depends only on which behaviour
pays off more often.

The *cycle* in coercion theory (Patterson, 1982) is that the parent learns too:
giving in ends the tantrum, a relief that rewards giving in (negative
reinforcement). With ``parent_learns=True`` every give-in that ends an
escalation moves ``give_in`` a step ``parent_rate`` towards 1, so, on average::

    give_in[t + 1] = give_in[t] + parent_rate * e * g * (1 - g)

with ``g = give_in[t]``. Both partners then reward each other into more
escalation, which is the trap the theory describes.

:func:`coercive_cycle` computes the average course (deterministic, so a slider
always gives the same picture) and, with a ``seed``, also one simulated family
drawn at random from the same rules. :func:`plot_coercive_cycle` draws a result
without recomputing it.

References (named, not quoted): Patterson, G. R. (1982). *Coercive Family
Process*. Eugene, OR: Castalia. Bush, R. R., & Mosteller, F. (1955).
*Stochastic Models for Learning*. New York: Wiley. That VIPP-SD builds on
Patterson's coercion theory: VIPP-SD International,
https://www.vipp-sd-international.org/vipp-sd-1 (course fact sheet item 19).

Examples
--------
>>> from course_kit.method.social_learning import coercive_cycle
>>> res = coercive_cycle(praise_calm=0.2, give_in=0.6, situations=200)
>>> round(res.final_escalation, 2) > res.settings["start"]
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from course_kit._result import Result, html_view
from course_kit._validation import check_number
from course_kit.messages import text

__all__ = ["CoerciveCycleResult", "coercive_cycle", "cycle_lines", "plot_coercive_cycle"]

# The course authors' choices for a clear picture (not estimates of anything).
DEFAULTS = {"start": 0.3, "child_rate": 0.05, "parent_rate": 0.02, "situations": 200}


@dataclass
class CoerciveCycleResult(Result):
    """The course of one run of the teaching model.

    Attributes
    ----------
    settings : dict
        The inputs (``praise_calm``, ``give_in``, ``start``, ``child_rate``,
        ``parent_learns``, ``parent_rate``, ``situations``, ``seed``).
    escalation : numpy.ndarray
        Average chance that the child escalates, before each situation
        (length ``situations + 1``: the start and after every situation).
    give_in : numpy.ndarray
        Average chance that the parent gives in to an escalation (same length).
    family : pandas.DataFrame or None
        One simulated family when a ``seed`` was given: ``situation``,
        ``escalated`` (bool) and ``rewarded`` (bool) per situation.

    Examples
    --------
    >>> res = coercive_cycle(0.5, 0.5, situations=10)
    >>> len(res.to_frame())
    11
    """

    settings: dict
    escalation: np.ndarray
    give_in: np.ndarray
    family: object = field(default=None, repr=False)

    @property
    def final_escalation(self) -> float:
        """Average chance of an escalation after the last situation."""
        return float(self.escalation[-1])

    @property
    def final_give_in(self) -> float:
        """Average chance that the parent gives in, after the last situation."""
        return float(self.give_in[-1])

    def summary(self) -> str:
        """Plain-language summary, labelled as a teaching model."""
        s = self.settings
        lines = [
            text("social.model_label"),
            text(
                "social.summary_child",
                n=s["situations"],
                start=100 * s["start"],
                end=100 * self.final_escalation,
            ),
        ]
        if s["parent_learns"]:
            lines.append(
                text(
                    "social.summary_parent", start=100 * s["give_in"], end=100 * self.final_give_in
                )
            )
        return "\n".join(lines)

    def to_frame(self):
        """The average course as a DataFrame: ``situation``, ``escalation``, ``give_in``."""
        import pandas as pd

        return pd.DataFrame(
            {
                "situation": np.arange(len(self.escalation)),
                "escalation": self.escalation,
                "give_in": self.give_in,
            }
        )

    def _repr_html_(self) -> str:
        # a block (not the base's paragraph): the method notebooks style .ck-result
        return html_view("block", text=self.summary(), css_class="ck-result")


def _chance(value, name: str) -> float:
    return check_number(value, name, low=0.0, high=1.0)


def coercive_cycle(
    praise_calm: float,
    give_in: float,
    situations: int = DEFAULTS["situations"],
    *,
    start: float = DEFAULTS["start"],
    child_rate: float = DEFAULTS["child_rate"],
    parent_learns: bool = False,
    parent_rate: float = DEFAULTS["parent_rate"],
    seed: int | None = None,
) -> CoerciveCycleResult:
    """Run the coercive-cycle teaching model (see the module docstring).

    Parameters
    ----------
    praise_calm : float
        Chance (0-1) that the parent rewards a calm request.
    give_in : float
        Chance (0-1) that the parent gives in to an escalation (at the start,
        when ``parent_learns``).
    situations : int, default 200
        Number of everyday situations (1-5000).
    start : float, default 0.3
        The child's chance of escalating at the start (0-1).
    child_rate, parent_rate : float
        Learning steps of child and parent (0-1); course authors' choices.
    parent_learns : bool, default False
        Whether giving in that ends an escalation makes giving in more likely.
    seed : int, optional
        Also simulate one family at random (reproducibly) from the same rules.

    Returns
    -------
    CoerciveCycleResult

    Raises
    ------
    ValueError, TypeError
        A chance outside 0-1, or a number of situations that is not a whole
        number from 1 to 5000 (the message names the argument).

    Examples
    --------
    >>> calm = coercive_cycle(praise_calm=0.7, give_in=0.1)
    >>> calm.final_escalation < 0.3
    True
    """
    r_calm = _chance(praise_calm, "praise_calm")
    g = _chance(give_in, "give_in")
    n = check_number(situations, "situations", low=1, high=5000, integer=True)
    e = _chance(start, "start")
    a = _chance(child_rate, "child_rate")
    b = _chance(parent_rate, "parent_rate")
    if not isinstance(parent_learns, bool):
        raise TypeError(f"parent_learns must be True or False (got {parent_learns!r}).")
    settings = {
        "praise_calm": r_calm,
        "give_in": g,
        "situations": n,
        "start": e,
        "child_rate": a,
        "parent_learns": parent_learns,
        "parent_rate": b,
        "seed": seed,
    }
    esc, gin = np.empty(n + 1), np.empty(n + 1)
    esc[0], gin[0] = e, g
    for t in range(n):  # the average course: a short loop, no library offers this model
        e, g = esc[t], gin[t]
        esc[t + 1] = e + a * e * (1 - e) * (g - r_calm)
        gin[t + 1] = g + b * e * g * (1 - g) if parent_learns else g
    family = None
    if seed is not None:
        family = _simulate_family(settings, check_number(seed, "seed", low=0, integer=True))
    return CoerciveCycleResult(settings, esc, gin, family)


def _simulate_family(s: dict, seed: int):
    import pandas as pd

    rng = np.random.default_rng(seed)
    e, g = s["start"], s["give_in"]
    escalated, rewarded = [], []
    for _ in range(s["situations"]):
        esc = bool(rng.random() < e)
        paid = bool(rng.random() < (g if esc else s["praise_calm"]))
        if paid and esc:
            e += s["child_rate"] * (1 - e)
            if s["parent_learns"]:
                g += s["parent_rate"] * (1 - g)
        elif paid:
            e -= s["child_rate"] * e
        escalated.append(esc)
        rewarded.append(paid)
    return pd.DataFrame(
        {
            "situation": np.arange(1, s["situations"] + 1),
            "escalated": escalated,
            "rewarded": rewarded,
        }
    )


def cycle_lines(result: CoerciveCycleResult, upto: int | None = None):
    """The data that :func:`plot_coercive_cycle` draws, in the order it draws them.

    A widget that keeps one figure and only moves its lines (the cycle explorer of
    notebook 02) takes its new data from here, so it shows what the plot shows.

    Parameters
    ----------
    result : CoerciveCycleResult
    upto : int, optional
        Only the first ``upto`` situations (default: all).

    Returns
    -------
    lines : list of (numpy.ndarray, numpy.ndarray)
        ``(x, y)`` of the escalation line, then of the give-in line when the
        parent learns; ``x`` is the situation, ``y`` the chance in percent.
    strips : list of numpy.ndarray
        The simulated family's ticks as segments (shape ``(k, 2, 2)``):
        escalations rewarded, escalations not rewarded, calm requests rewarded,
        calm requests not rewarded. Empty when there is no family or ``upto`` is 0.

    Examples
    --------
    >>> lines, strips = cycle_lines(coercive_cycle(0.2, 0.6, seed=1), upto=10)
    >>> len(lines), len(strips), sum(len(s) for s in strips)
    (1, 4, 10)
    """
    if not isinstance(result, CoerciveCycleResult):
        raise TypeError("result must be what coercive_cycle() returns.")
    n = result.settings["situations"]
    upto = n if upto is None else check_number(upto, "upto", low=0, high=n, integer=True)
    x = np.arange(upto + 1)
    lines = [(x, 100 * result.escalation[: upto + 1])]
    if result.settings["parent_learns"]:
        lines.append((x, 100 * result.give_in[: upto + 1]))
    strips = []
    if result.family is not None and upto:
        fam = result.family.iloc[:upto]
        # escalations at the top, calm requests at the bottom; a rewarded tick is longer
        for escalated, y in ((True, 106), (False, -6)):
            part = fam[fam["escalated"] == escalated]
            for rewarded, half in ((True, 3), (False, 1)):
                at = part.loc[part["rewarded"] == rewarded, "situation"].to_numpy(float)
                segments = np.empty((len(at), 2, 2))  # one vertical tick per situation
                segments[:, :, 0] = at[:, None]
                segments[:, 0, 1], segments[:, 1, 1] = y - half, y + half
                strips.append(segments)
    return lines, strips


def plot_coercive_cycle(result: CoerciveCycleResult, ax=None, *, upto: int | None = None):
    """Draw a :class:`CoerciveCycleResult` (it is not recomputed).

    The line is the average chance of an escalation; with ``parent_learns`` a
    dashed line shows the chance that the parent gives in. A simulated family
    (``seed``) appears as a strip of ticks: escalations at the top, calm
    requests at the bottom, long and strong when rewarded. :func:`cycle_lines`
    gives the data drawn.

    Parameters
    ----------
    result : CoerciveCycleResult
    ax : matplotlib Axes, optional
    upto : int, optional
        Draw only the first ``upto`` situations (for a step-through slider).

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_coercive_cycle(coercive_cycle(0.2, 0.6, seed=1))  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection

    from course_kit.style import PALETTE

    lines, strips = cycle_lines(result, upto)  # checks result and upto
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4.0))
    line_styles = [
        {"color": PALETTE["vermillion"], "lw": 2.5, "label": text("social.line_escalation")},
        {"color": PALETTE["blue"], "lw": 2, "ls": "--", "label": text("social.line_give_in")},
    ]
    for (x, y), style in zip(lines, line_styles, strict=False):
        ax.plot(x, y, **style)
    strip_styles = []  # in the order of cycle_lines' strips
    for colour, key in (("vermillion", "social.strip_escalated"), ("green", "social.strip_calm")):
        strip_styles += [
            {"colors": PALETTE[colour], "lw": 1.2, "label": text(key)},  # rewarded
            {"colors": PALETTE[colour], "lw": 0.6, "alpha": 0.5},  # not rewarded
        ]
    for segments, style in zip(strips, strip_styles, strict=False):
        ax.add_collection(LineCollection(segments, **style))
    n = result.settings["situations"]
    ax.set(
        xlim=(0, n), ylim=(-12, 112), xlabel=text("social.x_label"), ylabel=text("social.y_label")
    )
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.set_title(text("social.title"), fontsize=10)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=8, frameon=False)
    return ax
