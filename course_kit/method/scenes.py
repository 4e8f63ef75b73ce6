"""The course's written scenes of everyday interaction, and checking a participant's marking.

Real family video cannot ship with the kit, so the course authors wrote scenes:
time-stamped transcripts of ordinary moments (play, a meal, a picture book,
tidying up, a "don't touch" moment, a bid for comfort), for children from 8
months to 5 years. They are **SYNTHETIC, written for the course kit**: no real
family, invented names. Each event carries a *reference coding* (the child's
signal, the kind of parental response, the theme, and whether it is a fragment
worth replaying to the parent, with the course authors' note). The reference
coding is the course authors' judgement, not a published coding.

The data are the datasets ``observation_scenes`` and ``observation_events``
(``datasets/``), checked against their schemas by :mod:`course_kit.datasets`
and against each other by :func:`load_scenes`. Their prose (titles, summaries,
the transcript, the notes) is translated in ``locale/<lang>/datasets/``: a
:class:`Scene` holds it in the reader's language, :func:`load_scenes` as stored.

A participant marks the moments they would replay, each as one of three kinds
of fragment (:data:`FRAGMENT_KINDS`), and picks the theme they would work on.
:func:`check_marking` compares that with the reference. A mark counts for a
reference fragment when it is on the same event, or on the event just before or
after it when one is the child's and the other the parent's (a signal and its
answer belong to one moment); an exact mark is matched first.

Examples
--------
>>> from course_kit.method import scenes
>>> s = scenes.scene("S03")
>>> s.age_months, len(s.fragments())
(18, 2)
>>> result = scenes.check_marking("S03", {7: "praise"}, theme="signals")
>>> result.found, result.total
(1, 2)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from course_kit._result import Result, html_view
from course_kit.i18n import dataset_text
from course_kit.messages import text

__all__ = [
    "FRAGMENT_KINDS",
    "MarkingResult",
    "Scene",
    "age_words",
    "check_marking",
    "feedback_order",
    "load_scenes",
    "overview",
    "plot_scene",
    "response_words",
    "scene",
    "scene_ids",
    "situation_words",
]

FRAGMENT_KINDS = ("praise", "speak_for_child", "missed_signal")


@functools.lru_cache(maxsize=2)
def _load(folder: str):
    from course_kit import datasets

    del folder  # part of the cache key only: COURSE_KIT_DATA may point elsewhere
    scenes = datasets.load("observation_scenes")
    events = datasets.load("observation_events")
    _check_together(scenes, events)
    return scenes, events


def _check_together(scenes, events) -> None:
    """Checks across the two tables that a per-file schema cannot make."""
    file = "datasets/observation_events.csv"
    known = set(scenes["scene"])
    for row, rec in enumerate(events.itertuples(index=False), start=1):
        where = {"file": file, "row": row}
        if rec.scene not in known:
            raise ValueError(text("scenes.unknown_scene_row", scene=rec.scene, **where))
        if (
            isinstance(rec.fragment, str)
            and rec.fragment
            and not (isinstance(rec.note, str) and rec.note.strip())
        ):
            raise ValueError(text("scenes.fragment_without_note", **where))
        if rec.who != "parent" and isinstance(rec.parent_response, str) and rec.parent_response:
            raise ValueError(text("scenes.response_not_parent", **where))
    for sid, part in events.groupby("scene", sort=False):
        if list(part["event"]) != list(range(1, len(part) + 1)):
            raise ValueError(text("scenes.events_not_numbered", file=file, scene=sid))
        if not part["time_s"].is_monotonic_increasing:
            raise ValueError(text("scenes.times_not_in_order", file=file, scene=sid))
        if part["fragment"].fillna("").eq("").all():
            raise ValueError(text("scenes.no_fragment", file=file, scene=sid))
    missing = known - set(events["scene"])
    if missing:
        raise ValueError(text("scenes.scene_without_events", file=file, scene=sorted(missing)[0]))


def load_scenes():
    """The scenes and their events, checked.

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        ``observation_scenes`` and ``observation_events`` (see the datasets'
        schemas for the columns), in English as stored; :func:`scene` and
        :func:`overview` give the reader's language.

    Raises
    ------
    ValueError
        A value breaks a schema, an event names an unknown scene, events are out
        of order, a fragment has no note, or a scene has no fragment (the
        message names the file, row or scene).
    """
    from course_kit import datasets

    scenes, events = _load(str(datasets.data_dir()))
    return scenes.copy(), events.copy()


def scene_ids() -> list[str]:
    """The identifiers of the scenes, in order (``["S01", "S02", ...]``)."""
    return list(load_scenes()[0]["scene"])


@dataclass
class Scene:
    """One written scene: its description and its time-stamped events.

    Attributes
    ----------
    id, title, summary, theme_note : str
        The identifier and the course authors' prose, in the reader's language.
    situation, caregiver, main_theme : str
        Codes, as in the dataset (``"free play"``, ``"mother"``, ``"signals"``);
        see :func:`situation_words` for the words.
    age_months : int
    limit_setting : bool
    events : pandas.DataFrame
        One row per event (``event``, ``time_s``, ``who``, ``what`` and the
        reference coding); ``what``, ``child_signal`` and ``note`` in the
        reader's language.
    """

    id: str
    title: str
    age_months: int
    caregiver: str
    situation: str
    limit_setting: bool
    main_theme: str
    theme_note: str
    summary: str
    events: object = field(repr=False)

    def fragments(self):
        """The reference fragments: events with a ``fragment`` kind."""
        ev = self.events
        return ev[ev["fragment"].fillna("") != ""]

    def transcript(self):
        """What a participant sees: time (m:ss), who and what; no reference coding."""
        out = self.events[["event", "time_s", "who", "what"]].copy()
        out.insert(1, "time", out["time_s"].map(clock))
        return out.drop(columns="time_s")

    def _repr_html_(self) -> str:
        rows = [
            (r.event, r.time, text(f"scenes.who.{r.who}"), r.what)
            for r in self.transcript().itertuples(index=False)
        ]
        label = text("scenes.label")
        return html_view("scene", title=self.title, label=label, summary=self.summary, rows=rows)


def clock(seconds: int) -> str:
    """Seconds as m:ss, the way a video player shows them (``75`` -> ``"1:15"``)."""
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


def scene(scene_id: str) -> Scene:
    """The scene ``scene_id`` (e.g. ``"S01"``).

    Raises
    ------
    ValueError
        If there is no such scene (the message lists the valid ones).
    """
    scenes, events = load_scenes()
    match = scenes[scenes["scene"] == scene_id] if isinstance(scene_id, str) else scenes.iloc[:0]
    if match.empty:
        raise ValueError(text("scenes.unknown", value=scene_id, names=", ".join(scenes["scene"])))
    info = match.iloc[0]
    part = events[events["scene"] == scene_id].reset_index(drop=True)
    from course_kit import datasets

    # an event's row id in its catalog is ``<scene>-<event>``, its primary key
    for column in datasets.translated_columns("observation_events"):
        part[column] = [
            dataset_text("observation_events", f"{scene_id}-{n}", column, value)
            if isinstance(value, str) and value
            else value
            for n, value in zip(part["event"], part[column], strict=True)
        ]

    def prose(column: str) -> str:
        return dataset_text("observation_scenes", scene_id, column, str(info[column]))

    return Scene(
        id=scene_id,
        title=prose("title"),
        age_months=int(info["age_months"]),
        caregiver=str(info["caregiver"]),
        situation=str(info["situation"]),
        limit_setting=bool(info["limit_setting"]),
        main_theme=str(info["main_theme"]),
        theme_note=prose("theme_note"),
        summary=prose("summary"),
        events=part,
    )


# Codes of the datasets -> the last part of their key in the message table.
_SITUATION_KEYS = {
    "free play": "free_play",
    "routine": "routine",
    "meal": "meal",
    "picture book": "picture_book",
    "tidying up": "tidying_up",
    "don't touch": "dont_touch",
}


def situation_words(code: str) -> str:
    """The everyday situation of a scene (a code such as ``"free play"``) in words."""
    return text(f"scenes.situation.{_SITUATION_KEYS[code]}")


def response_words(code: str) -> str:
    """A kind of parental response (a code such as ``"partly sensitive"``) in words."""
    return text(f"scenes.response.{code.replace(' ', '_')}")


def age_words(months: int) -> str:
    """A child's age as people say it: ``"18 months"``, ``"2 years and a half"``."""
    if months < 24:
        return text("scenes.age_months", n=months)
    years, rest = divmod(months, 12)
    return text("scenes.age_years_half" if rest == 6 else "scenes.age_years", n=years)


def overview():
    """The scenes as participants see them in a table, in the reader's language.

    Returns
    -------
    pandas.DataFrame
        One row per scene: ``scene``, ``title``, ``age_months``, ``caregiver``,
        ``situation`` and ``limit_setting``, with the column names and words of
        the reader's language (English: as stored).
    """
    table, _ = load_scenes()
    out = table[["scene", "title", "age_months", "caregiver", "situation", "limit_setting"]].copy()
    out["title"] = out["scene"].map(lambda sid: scene(sid).title)
    words = {
        "caregiver": lambda c: text(f"scenes.caregiver.{c}"),
        "situation": situation_words,
        "limit_setting": lambda b: text(f"scenes.limit_value.{str(b).lower()}"),
    }
    for column, say in words.items():
        if any(str(v) != say(v) for v in out[column]):  # English: keep the stored column
            out[column] = out[column].map(say)
    return out.rename(columns={c: text(f"scenes.column.{c}") for c in out.columns})


# --- checking a participant's marking ---------------------------------------------------


@dataclass
class MarkingResult(Result):
    """How a participant's marking of one scene compares with the reference.

    Attributes
    ----------
    scene : Scene
    rows : list of dict
        One row per reference fragment and per extra mark: ``event``, ``time``,
        ``reference`` (kind or ""), ``yours`` (kind or ""), ``verdict``
        ("found", "other_kind", "missed", "extra") and ``note`` (the
        explanation).
    theme, theme_right : str, bool or None
        The theme the participant chose (None if none) and whether it is the
        reference theme.

    Examples
    --------
    >>> res = check_marking("S03", {4: "praise"}, theme="empathy")
    >>> str(res) == res.summary()
    True
    """

    scene: Scene
    rows: list
    theme: str | None
    theme_right: bool | None

    @property
    def total(self) -> int:
        """Number of reference fragments."""
        return sum(1 for r in self.rows if r["reference"])

    @property
    def found(self) -> int:
        """Reference fragments the participant marked with the right kind."""
        return sum(1 for r in self.rows if r["verdict"] == "found")

    @property
    def status(self) -> str:
        """'correct' (all found, nothing extra, theme right), 'close' or 'incorrect'."""
        extra = sum(1 for r in self.rows if r["verdict"] == "extra")
        if self.found == self.total and not extra and self.theme_right:
            return "correct"
        return "close" if 2 * self.found >= self.total else "incorrect"

    def summary(self) -> str:
        """The verdict per fragment and for the theme, in plain words."""
        lines = [text("scenes.score", found=self.found, total=self.total)]
        for r in self.rows:
            lines.append(
                text(
                    f"scenes.verdict.{r['verdict']}",
                    time=r["time"],
                    reference=_kind(r["reference"]),
                    yours=_kind(r["yours"]),
                )
                + " "
                + r["note"]
            )
        lines.append(self._theme_line())
        return "\n".join(lines)

    def _theme_line(self) -> str:
        right = _theme(self.scene.main_theme)
        if self.theme is None:
            return text("scenes.theme_none", theme=right) + " " + self.scene.theme_note
        key = "scenes.theme_right" if self.theme_right else "scenes.theme_other"
        return text(key, theme=right, yours=_theme(self.theme)) + " " + self.scene.theme_note

    def to_frame(self):
        """The rows as a DataFrame (event, time, reference, yours, verdict, note)."""
        import pandas as pd

        return pd.DataFrame(
            self.rows, columns=["event", "time", "reference", "yours", "verdict", "note"]
        )

    def _repr_html_(self) -> str:
        from course_kit.exercises import Feedback

        colours = {
            "found": "#009E73",
            "other_kind": "#E69F00",
            "missed": "#D55E00",
            "extra": "#0072B2",
        }

        def verdict(r: dict) -> str:
            return text(
                f"scenes.verdict.{r['verdict']}",
                time=r["time"],
                reference=_kind(r["reference"]),
                yours=_kind(r["yours"]),
            )

        # the score as exercise feedback, then each fragment's verdict in its colour
        head = Feedback(self.status, text("scenes.score", found=self.found, total=self.total))
        return html_view(
            "marking",
            head_html=head._repr_html_(),
            items=[(colours[r["verdict"]], verdict(r), r["note"]) for r in self.rows],
            theme_line=self._theme_line(),
            judgement=text("scenes.judgement"),
        )


def _kind(kind: str) -> str:
    return text(f"scenes.kind.{kind}") if kind else ""


def _theme(key: str) -> str:
    return text(f"scenes.theme.{key}")


def check_marking(scene_id: str, marks, theme: str | None = None) -> MarkingResult:
    """Compare a participant's marking of a scene with the reference coding.

    Parameters
    ----------
    scene_id : str
        The scene, e.g. ``"S01"``.
    marks : dict
        ``{event number: kind}``, kind one of :data:`FRAGMENT_KINDS`. Events
        marked ``""`` or ``None`` count as not marked.
    theme : str, optional
        The theme the participant would work on: a key of
        ``course_kit.method.programme.THEME_KEYS``.

    Returns
    -------
    MarkingResult

    Raises
    ------
    ValueError
        An unknown scene, event number, kind or theme (the message says which).

    Examples
    --------
    >>> r = check_marking("S03", {4: "missed_signal", 7: "praise"}, theme="signals")
    >>> r.status
    'correct'
    """
    from course_kit.method.programme import THEME_KEYS

    sc = scene(scene_id)
    numbers = set(sc.events["event"])
    if not isinstance(marks, dict):
        raise TypeError(text("scenes.marks_not_dict"))
    chosen: dict[int, str] = {}
    for event, kind in marks.items():
        if kind in ("", None):
            continue
        if event not in numbers:
            raise ValueError(
                text("scenes.unknown_event", event=event, scene=scene_id, n=len(numbers))
            )
        if kind not in FRAGMENT_KINDS:
            raise ValueError(
                text("scenes.unknown_kind", kind=kind, kinds=", ".join(FRAGMENT_KINDS))
            )
        chosen[int(event)] = kind
    if theme is not None and theme not in THEME_KEYS:
        raise ValueError(text("scenes.unknown_theme", theme=theme, themes=", ".join(THEME_KEYS)))

    reference = {int(r.event): r for r in sc.fragments().itertuples(index=False)}
    matched: dict[int, int] = {}  # reference event -> marked event
    used: set[int] = set()
    for ref in reference:  # exact marks first
        if ref in chosen:
            matched[ref] = ref
            used.add(ref)
    who = dict(zip(sc.events["event"], sc.events["who"], strict=True))
    for ref in reference:  # then a mark on the partner's event just before or after
        if ref in matched:
            continue
        for near in (ref - 1, ref + 1):
            partner = {who.get(near), who[ref]} == {"child", "parent"}
            if near in chosen and near not in used and near not in reference and partner:
                matched[ref] = near
                used.add(near)
                break
    events = sc.events.set_index("event")
    rows = []
    for ref, rec in reference.items():
        yours = chosen.get(matched[ref], "") if ref in matched else ""
        verdict = "missed" if not yours else ("found" if yours == rec.fragment else "other_kind")
        rows.append(
            {
                "event": ref,
                "time": clock(rec.time_s),
                "reference": rec.fragment,
                "yours": yours,
                "verdict": verdict,
                "note": rec.note,
            }
        )
    for event in sorted(set(chosen) - used):
        note = events.loc[event, "note"]
        note = note if isinstance(note, str) and note.strip() else text("scenes.extra_default")
        rows.append(
            {
                "event": event,
                "time": clock(events.loc[event, "time_s"]),
                "reference": "",
                "yours": chosen[event],
                "verdict": "extra",
                "note": note,
            }
        )
    rows.sort(key=lambda r: r["event"])
    right = None if theme is None else theme == sc.main_theme
    return MarkingResult(scene=sc, rows=rows, theme=theme, theme_right=right)


def feedback_order(scene_id: str):
    """The reference fragments in the order the course authors would show them.

    Moments to praise first, then moments to speak for the child, then missed
    signals; within a kind, in the order of the film. This order is the course
    authors' judgement, resting on the sources' emphasis on positive sequences
    (see ``course_kit.method.programme.feedback_principles``); it is not a rule
    of the VIPP-SD manual.

    Returns
    -------
    pandas.DataFrame
        The fragment events with an added ``order`` column (1, 2, ...).

    Examples
    --------
    >>> feedback_order("S04")["fragment"].tolist()
    ['praise', 'speak_for_child', 'missed_signal']
    """
    frags = scene(scene_id).fragments().copy()
    frags["_rank"] = frags["fragment"].map({k: i for i, k in enumerate(FRAGMENT_KINDS)})
    frags = frags.sort_values(["_rank", "time_s"], kind="stable").drop(columns="_rank")
    frags.insert(0, "order", range(1, len(frags) + 1))
    return frags.reset_index(drop=True)


# --- drawing ------------------------------------------------------------------------------


def plot_scene(
    scene_id: str, ax=None, *, marks=None, reference: bool = False, current: int | None = None
):
    """Draw a scene as a timeline strip: who acts when, and the marked fragments.

    Each event is a dot on the child's, the parent's or the "other" row at its
    time, numbered as in the transcript. The participant's marks (``marks``,
    as for :func:`check_marking`) are drawn as coloured rings; with
    ``reference=True`` the reference fragments are drawn as coloured squares
    above the strip.

    Parameters
    ----------
    scene_id : str
    ax : matplotlib Axes, optional
    marks : dict, optional
    reference : bool, default False
    current : int, optional
        An event to point at (a grey arrow under it), e.g. in a step-through.

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> ax = plot_scene("S01", marks={5: "praise"})  # doctest: +SKIP
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from course_kit.style import PALETTE

    sc = scene(scene_id)
    ev = sc.events
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 2.6))
    rows = {"child": 2, "parent": 1, "other": 0}
    colours = {
        "praise": PALETTE["green"],
        "speak_for_child": PALETTE["blue"],
        "missed_signal": PALETTE["vermillion"],
    }
    end = max(int(ev["time_s"].max()) + 8, 30)
    for y in rows.values():
        ax.plot([0, end], [y, y], color="#dddddd", lw=1, zorder=0)
    ax.scatter(ev["time_s"], ev["who"].map(rows), s=70, color="#555555", zorder=2)
    for r in ev.itertuples(index=False):
        ax.text(r.time_s, rows[r.who] - 0.32, str(r.event), ha="center", va="top", fontsize=7.5)
    for event, kind in (marks or {}).items():
        if kind in colours and event in set(ev["event"]):
            r = ev[ev["event"] == event].iloc[0]
            ax.scatter(
                r["time_s"],
                rows[r["who"]],
                s=260,
                facecolors="none",
                edgecolors=colours[kind],
                linewidths=2.2,
                zorder=3,
            )
    if current is not None and current in set(ev["event"]):
        r = ev[ev["event"] == current].iloc[0]
        ax.annotate(
            "",
            xy=(r["time_s"], rows[r["who"]] - 0.62),
            xytext=(r["time_s"], rows[r["who"]] - 1.02),
            arrowprops={"arrowstyle": "-|>", "color": "#444444", "lw": 1.5},
        )
    if reference:
        for r in sc.fragments().itertuples(index=False):
            ax.scatter(r.time_s, 2.65, marker="s", s=70, color=colours[r.fragment], zorder=3)
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            markerfacecolor="none",
            markeredgecolor=c,
            markeredgewidth=2,
            markersize=10,
            label=_kind(k),
        )
        for k, c in colours.items()
    ]
    if reference:
        handles.append(
            Line2D(
                [],
                [],
                marker="s",
                ls="",
                color="#777777",
                markersize=7,
                label=text("scenes.reference_mark"),
            )
        )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.28),
        ncol=len(handles),
        fontsize=8,
        frameon=False,
    )
    ax.set_yticks(list(rows.values()), [text(f"scenes.who.{w}") for w in rows])
    ax.set_ylim(-1.1 if current is not None else -0.7, 2.95)
    ax.set_xlim(-3, end)
    ticks = list(range(0, end + 1, 15))
    ax.set_xticks(ticks, [clock(t) for t in ticks])
    ax.set_xlabel(text("scenes.time_axis"))
    ax.set_title(f"{sc.title} ({text('scenes.label')})", fontsize=10)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return ax
