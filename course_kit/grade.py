"""GRADE certainty of evidence, as a small calculator for teaching.

GRADE rates the certainty of a body of evidence for one outcome as high,
moderate, low or very low. Evidence from randomised trials starts at high and
from observational studies at low; each of five concerns can lower it by one or
two levels, and (mainly for observational evidence) a large effect, a
dose-response gradient or confounding that would reduce the effect can raise
it. This module encodes those rules (Guyatt et al., *BMJ* 2008; the GRADE
handbook) so a participant can see how a rating arises. It does not judge a
review for you: deciding whether a concern is "serious" is the reviewer's work.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from course_kit._result import Result, html_view
from course_kit._validation import check_choice, check_number
from course_kit.messages import text

LEVELS = ("very low", "low", "moderate", "high")
DOMAINS = ("risk_of_bias", "inconsistency", "indirectness", "imprecision", "publication_bias")
UPGRADES = ("large_effect", "dose_response", "plausible_confounding")


@dataclass(frozen=True)
class GradeRating(Result):
    """The outcome of :func:`rate`: the level and how it was reached.

    Examples
    --------
    >>> GradeRating("low", "high", 2, 0).to_frame()["level"].tolist()
    ['low']
    """

    level: str
    start: str
    downgraded: int
    upgraded: int
    reasons: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The level as a word in the reader's language (English: ``level`` itself)."""
        return level_name(self.level)

    @property
    def meaning(self) -> str:
        """What the level means, in plain words."""
        return text(f"grade.level.{self.level}")

    def to_frame(self):
        """One row: level, start, downgraded, upgraded (the reasons stay in ``reasons``)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "level": self.level,
                    "start": self.start,
                    "downgraded": self.downgraded,
                    "upgraded": self.upgraded,
                }
            ]
        )

    def summary(self) -> str:
        """The level, the steps from the start level, and what the level means."""
        steps = text(
            "grade.steps",
            start=level_name(self.start),
            down=self.downgraded,
            up=self.upgraded,
        )
        return f"{text('grade.result', level=self.name)} {steps}\n{self.meaning}"

    def _repr_html_(self) -> str:
        colours = {
            "high": "#1b7837",
            "moderate": "#5aae61",
            "low": "#e08214",
            "very low": "#b2182b",
        }
        # the level in its colour (the base would show the steps too)
        return html_view(
            "rating",
            result=text("grade.result", level=self.name),
            colour=colours[self.level],
            meaning=self.meaning,
        )


def level_name(level: str) -> str:
    """A GRADE level (``"very low"``, ...) as a word in the reader's language.

    Examples
    --------
    >>> level_name("moderate")
    'moderate'
    """
    check_choice(level, "level", LEVELS)
    return text(f"grade.name.{level}")


def rate(design: str = "rct", *, upgrades: dict | None = None, **downgrades: int) -> GradeRating:
    """Rate the certainty of evidence with GRADE's rules.

    Parameters
    ----------
    design : {"rct", "observational"}
        Randomised trials start at "high", observational studies at "low".
    upgrades : dict, optional
        Levels to raise for ``large_effect``, ``dose_response`` or
        ``plausible_confounding`` (0, 1 or 2 each).
    **downgrades : int
        Levels to lower (0, 1 = serious, 2 = very serious) for each of
        ``risk_of_bias``, ``inconsistency``, ``indirectness``, ``imprecision``
        and ``publication_bias``.

    Returns
    -------
    GradeRating

    Examples
    --------
    >>> from course_kit.grade import rate
    >>> rate("rct", risk_of_bias=1, imprecision=1).level
    'low'
    >>> rate("rct").level
    'high'
    """
    check_choice(design, "design", ("rct", "observational"))
    for name, value in downgrades.items():
        check_choice(name, "downgrade domain", DOMAINS)
        check_number(value, name, low=0, high=2, integer=True)
    upgrades = dict(upgrades or {})
    for name, value in upgrades.items():
        check_choice(name, "upgrade reason", UPGRADES)
        check_number(value, name, low=0, high=2, integer=True)
    start = LEVELS.index("high" if design == "rct" else "low")
    down = int(sum(downgrades.values()))
    up = int(sum(upgrades.values()))
    index = min(max(start - down + up, 0), len(LEVELS) - 1)
    return GradeRating(
        level=LEVELS[index],
        start=LEVELS[start],
        downgraded=down,
        upgraded=up,
        reasons={**downgrades, **upgrades},
    )


def at_least(level: str, minimum: str) -> bool:
    """True if a GRADE ``level`` is at least ``minimum`` ("not graded" never is).

    Examples
    --------
    >>> at_least("moderate", "low")
    True
    """
    check_choice(minimum, "minimum", LEVELS)
    if level not in LEVELS:
        return False
    return LEVELS.index(level) >= LEVELS.index(minimum)


def grade_widget():
    """An interactive GRADE calculator: pick the design and the concerns.

    The result line updates as soon as a choice changes.
    """
    import ipywidgets as widgets

    design = widgets.ToggleButtons(
        options=[
            (text("grade.widget.rct"), "rct"),
            (text("grade.widget.observational"), "observational"),
        ],
        description=text("grade.widget.design"),
        # whole words on the buttons and the label ("Observationsstud…" otherwise)
        style={"description_width": "initial", "button_width": "auto"},
    )
    pickers = {
        name: widgets.Dropdown(
            options=[
                (text("grade.widget.no_concern"), 0),
                (text("grade.widget.serious"), 1),
                (text("grade.widget.very_serious"), 2),
            ],
            value=0,
            description="",
            # its accessible name: the concern named in the label next to it
            tooltip=text(f"grade.domain.{name}"),
            layout=widgets.Layout(width="170px"),
        )
        for name in DOMAINS
    }
    result = widgets.HTML()

    def update(_=None):
        rating = rate(design.value, **{k: w.value for k, w in pickers.items()})
        result.value = rating._repr_html_()

    # the concern as text that wraps: a Label keeps one line and cuts a long one
    # ("Risiko for systematiske skjevheter (f.eks. uklar randomisering, kodere som...")
    rows = [
        widgets.HBox([w, widgets.HTML(html.escape(text(f"grade.domain.{name}")))])
        for name, w in pickers.items()
    ]
    for w in (design, *pickers.values()):
        w.observe(update, names="value")
    update()
    return widgets.VBox([design, *rows, result])
