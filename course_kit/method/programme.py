"""The VIPP-SD programme as the public sources describe it: visits, filming, themes.

Every row below carries the key of its source in
:data:`course_kit.method.sources.SOURCES` (the VERIFIED items of the course's
fact sheet on the method, the table the other method notebooks cite from too).
Where the public sources are silent (for example, which discipline theme comes
in which session), the tables say so instead of guessing; the notebooks label such points "ask your
trainer" or "course authors' judgement". The proprietary manual is not used.

Examples
--------
>>> from course_kit.method import programme
>>> programme.visits()["visit"].tolist()
[1, 2, 3, 4, 5, 6, 7]
>>> programme.themes(age_months=9)["strand"].unique().tolist()
['sensitivity']
"""

from __future__ import annotations

from course_kit._validation import check_number
from course_kit.messages import text

# The one table of the method's sources; kept importable here under its old name.
from course_kit.method.sources import SOURCES

__all__ = [
    "SOURCES",
    "THEME_KEYS",
    "display",
    "feedback_principles",
    "filmed_situations",
    "plot_programme",
    "themes",
    "visits",
]


def _frame(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows)
    unknown = set(frame["source"].str.split(", ").explode()) - set(SOURCES)
    if unknown:  # a programming error: every row must cite a known source
        raise KeyError(f"rows cite unknown sources {sorted(unknown)}")
    return frame


def visits():
    """The seven visits: what is filmed and what the feedback is about.

    Returns
    -------
    pandas.DataFrame
        ``visit`` (1-7), ``name``, ``films`` (bool: new film made at this
        visit), ``feedback_on`` (visit whose film is discussed; 0 = none),
        ``phase`` and ``source``.
    """
    rows = [
        {
            "visit": 1,
            "name": text("programme.visit_name.intro"),
            "films": True,
            "feedback_on": 0,
            "phase": "introduction",
            "source": "VSI-NL, HOMVEE-COMP",
        }
    ]
    for session in range(1, 7):
        rows.append(
            {
                "visit": session + 1,
                "name": text("programme.visit_name.session", n=session),
                "films": session < 6,  # no new film at the last visit (VSI-NL)
                "feedback_on": session,
                "phase": "themes" if session <= 4 else "review",
                "source": "VSI-NL, HOMVEE-COMP" if session <= 4 else "VSI-NL, NOPUNISH",
            }
        )
    return _frame(rows)


# The strands and themes. Sensitivity themes: the four of the infant version VIPP,
# one per visit (MVIJ); the first is confirmed for VIPP-SD (NOPUNISH). Discipline
# topics: HomVEE's list; their order per session is NOT public (session = None).
_THEMES = [
    ("exploration_attachment", "sensitivity", 1, "MVIJ, NOPUNISH"),
    ("signals", "sensitivity", 2, "MVIJ, HOMVEE-COMP"),
    ("responding", "sensitivity", 3, "MVIJ, HOMVEE-COMP"),
    ("sharing_emotions", "sensitivity", 4, "MVIJ, HOMVEE-COMP"),
    ("limit_setting", "discipline", None, "HOMVEE-COMP"),
    ("distraction", "discipline", None, "HOMVEE-COMP"),
    ("positive_reinforcement", "discipline", None, "HOMVEE-COMP"),
    ("time_out", "discipline", None, "HOMVEE-COMP"),
    ("empathy", "discipline", None, "HOMVEE-COMP"),
]
THEME_KEYS = [row[0] for row in _THEMES]


def themes(age_months: float | None = None):
    """The themes of the programme, optionally for a child of a given age.

    Parameters
    ----------
    age_months : float, optional
        The child's age in months (6-84). Under 12 months the programme can be
        used without the sensitive-discipline component (VSI-EN), so only the
        sensitivity themes are returned.

    Returns
    -------
    pandas.DataFrame
        ``key`` (short name, used by the scenes), ``strand`` ("sensitivity" or
        "discipline"), ``session`` (1-4 for the
        sensitivity themes as published for VIPP; missing for the discipline
        topics, whose order is not public), ``theme`` and ``source``.

    Examples
    --------
    >>> len(themes(age_months=30)), len(themes(age_months=8))
    (9, 4)
    """
    import pandas as pd

    frame = _frame(
        [
            {
                "key": k,
                "strand": s,
                "session": n,
                "theme": text(f"programme.theme.{k}"),
                "source": src,
            }
            for k, s, n, src in _THEMES
        ]
    )
    frame["session"] = frame["session"].astype("Int64")
    if age_months is not None:
        age = check_number(age_months, "age_months", low=6, high=84)
        if age < 12:
            frame = frame[frame["strand"] == "sensitivity"].reset_index(drop=True)
    return pd.DataFrame(frame)


# (key of the text in the message table, sources)
_SITUATIONS = [
    ("play", "TACT, LEIDEN-FAQ"),
    ("book", "TACT"),
    ("tidying", "TACT"),
    ("meal", "TACT"),
    ("routine", "LEIDEN-FAQ"),
    ("dont_touch", "LEIDEN-FAQ"),
    ("length", "NOPUNISH"),
]
_PRINCIPLES = [
    ("expert", "VSI-NL"),
    ("strengthen", "VSI-NL, MVIJ"),
    ("signals", "MVIJ"),
    ("speak", "MVIJ"),
    ("first_person", "LEIDEN-FAQ"),
    ("prepare", "NOPUNISH"),
    ("tips", "HSHS, HOMVEE-COMP"),
]


def filmed_situations():
    """Everyday situations that are filmed, with their sources."""
    return _frame(
        [{"situation": text(f"programme.filmed.{key}"), "source": src} for key, src in _SITUATIONS]
    )


def feedback_principles():
    """Principles of giving video feedback named in the public sources."""
    return _frame(
        [
            {"principle": text(f"programme.principle.{key}"), "source": src}
            for key, src in _PRINCIPLES
        ]
    )


# Columns whose values are codes: shown to participants as the words of these keys.
_CODED = {
    "films": "programme.films_value.{}",
    "phase": "programme.phase_name.{}",
    "strand": "programme.strand_name.{}",
}


def display(frame):
    """A table of this module as participants see it, in the reader's language.

    The column names and the coded values (``films``, ``phase``, ``strand``)
    are written in words of the message table; English shows them as they are
    stored, so the English table does not change.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table from :func:`visits`, :func:`themes`, :func:`filmed_situations`
        or :func:`feedback_principles` (or some of its columns).

    Returns
    -------
    pandas.DataFrame
        A copy for showing; compute with the original.

    Examples
    --------
    >>> display(visits())["phase"].tolist()[-1]
    'review'
    """
    out = frame.copy()
    for column, key in _CODED.items():
        if column in out:
            out[column] = out[column].map(lambda v, k=key: _word(v, k))
    return out.rename(columns={c: text(f"programme.column.{c}") for c in out.columns})


def _word(value, key: str):
    word = text(key.format(str(value).lower()))
    # the stored value itself when the words are the same (English), so that
    # pandas prints it exactly as before (a bool column is aligned differently)
    return value if word == str(value) else word


def plot_programme(age_months: float = 24, ax=None, *, highlight: int | None = None):
    """Draw the programme as a timeline: visits, films, feedback and themes.

    Each visit is a box on a line. A camera mark shows that new film is made;
    an arrow runs from each film to the visit where it is discussed. Under the
    four theme sessions the sensitivity theme is written; the discipline strand
    is drawn as a band over sessions 1-4 (its order per session is not public)
    and greyed out for a child under 12 months.

    Parameters
    ----------
    age_months : float, default 24
        The child's age in months (6-84).
    ax : matplotlib Axes, optional
    highlight : int, optional
        A visit (1-7) to draw in a stronger colour.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_programme(age_months=9)  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    from course_kit.style import PALETTE

    age = check_number(age_months, "age_months", low=6, high=84)
    if highlight is not None:
        highlight = check_number(highlight, "highlight", low=1, high=7, integer=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 4.8))
    table = visits()
    sens = themes()
    sens = sens[sens["strand"] == "sensitivity"].set_index("session")["theme"]
    step, half = 1.6, 0.7  # distance between visits and half a box width (data units)
    x = {v: step * (v - 1) for v in table["visit"]}
    colours = {
        "introduction": PALETTE["sky"],
        "themes": PALETTE["blue"],
        "review": PALETTE["purple"],
    }
    ax.plot([x[1] - half, x[7] + half], [0, 0], color="#999999", lw=1, zorder=0)
    for _, row in table.iterrows():
        v = row["visit"]
        strong = highlight is None or highlight == v
        face = colours[row["phase"]] if strong else "#d0d0d0"
        ax.add_patch(
            FancyBboxPatch(
                (x[v] - half, -0.35), 2 * half, 0.7, boxstyle="round,pad=0.02", fc=face, ec="white"
            )
        )
        label = (
            text("programme.intro_short") if v == 1 else text("programme.session_short", n=v - 1)
        )
        ink = "white" if strong else "#333333"
        ax.text(x[v], 0.1, label, ha="center", va="center", color=ink, fontsize=8.5, weight="bold")
        ax.text(
            x[v],
            -0.16,
            text("programme.visit_short", n=v),
            ha="center",
            va="center",
            color=ink,
            fontsize=7.5,
        )
        if row["films"]:
            ax.text(
                x[v], 0.45, text("programme.film_mark"), ha="center", fontsize=7.5, color="#333333"
            )
        if row["feedback_on"]:
            src = row["feedback_on"]
            ax.add_patch(
                FancyArrowPatch(
                    (x[src] + 0.15, 0.72),
                    (x[v] - 0.15, 0.72),
                    connectionstyle="arc3,rad=-0.4",
                    arrowstyle="-|>",
                    mutation_scale=9,
                    color="#333333" if strong else "#b0b0b0",
                    lw=1.2 if strong else 1,
                )
            )
    ax.text(
        (x[1] + x[7]) / 2,
        1.3,
        text("programme.arrow_note"),
        ha="center",
        fontsize=8,
        color="#555555",
    )
    # the sensitivity strand: VIPP's four themes, one per session (MVIJ)
    for session, theme in sens.items():
        ax.text(
            x[session + 1], -0.55, "\n".join(_wrap(theme, 17)), ha="center", va="top", fontsize=7.5
        )
    ax.text(
        (x[6] + x[7]) / 2, -0.55, text("programme.review_note"), ha="center", va="top", fontsize=7.5
    )
    left = x[1] - half - 0.15
    ax.text(
        left,
        -0.55,
        text("programme.strand_sensitivity"),
        ha="right",
        va="top",
        fontsize=8,
        weight="bold",
    )
    # the discipline strand: a band over sessions 1-4; its order is not public
    infant = age < 12
    ax.add_patch(
        FancyBboxPatch(
            (x[2] - half, -2.0),
            x[5] - x[2] + 2 * half,
            0.62,
            boxstyle="round,pad=0.02",
            fc="#eeeeee" if infant else "#fde9d9",
            ec="none",
        )
    )
    ax.text(
        left,
        -1.69,
        text("programme.strand_discipline"),
        ha="right",
        va="center",
        fontsize=8,
        weight="bold",
        color="#999999" if infant else "black",
    )
    band = text("programme.discipline_infant") if infant else text("programme.discipline_band")
    ax.text(
        (x[2] + x[5]) / 2,
        -1.69,
        "\n".join(_wrap(band, 78)),
        ha="center",
        va="center",
        fontsize=7.5,
        color="#777777" if infant else "#8a3b00",
    )
    ax.text(
        x[1] - 2.2,
        -2.2,
        "\n".join(_wrap(text("programme.sources_note"), 150)),
        ha="left",
        va="top",
        fontsize=6.8,
        color="#555555",
    )
    ax.set_xlim(x[1] - 2.2, x[7] + 1.0)
    ax.set_ylim(-2.75, 1.55)
    ax.axis("off")
    ax.set_title(text("programme.title", age=f"{age:g}"), fontsize=10.5)
    return ax


def _wrap(words: str, width: int) -> list[str]:
    import textwrap

    # a long compound word (Swedish, Norwegian) stays whole rather than split mid-word
    return textwrap.wrap(words, width=width, break_long_words=False)
