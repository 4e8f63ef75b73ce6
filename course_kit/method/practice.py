"""The practice period: a session log for the practice family (notebook 12).

During the practice period each participant works with a practice family under
supervision (course plan; VIPP-SD International's certification steps). This
module keeps a small log of that work in the participant's own workspace and
turns it into what supervision needs.

**Pseudonymous by design.** The log holds no names, no dates of birth, no
addresses and never video: only session numbers, themes, time stamps of
fragments and the participant's own notes. Text that looks like a Swedish
personnummer / samordningsnummer, a Norwegian fødselsnummer / D-nummer or an
e-mail address is refused with a plain message naming the field.

**The file format** (``*.json``, UTF-8), kept small so it can be read by hand::

    {"format": "vipp-course-kit practice log", "version": 1,
     "family": "Family A",
     "entries": [{"session": 1, "theme": "subtle_signals",
                  "fragments": [{"start": 83.0, "end": 95.5, "kind": "praise",
                                 "note": "..."}],
                  "parent_reactions": "...", "reflection": "...",
                  "sensitivity": 5, "fidelity": {"filmed_first": true, ...},
                  "written": "2026-03-01T10:00:00+00:00"}]}

Entries are only ever appended: writing session 2 again adds a new entry, and
the newest entry for a session is the one shown; the older one stays in the
file. Every save re-reads the file first (another tab may have added an entry)
and replaces it atomically (a temporary file, flushed to disk, then renamed),
so a crash or a full disk never leaves half a log.

Time stamps may be typed as ``"83"``, ``"01:23"``, ``"1:23.5"``, ``"1:23,5"`` or
``"1:02:03"``; fragments marked in ELAN (free, runs locally, so the video never
leaves the participant's computer) are read from the ``.eaf`` file with
pympi-ling (:func:`fragments_from_eaf`).

Examples
--------
>>> import tempfile, pathlib
>>> from course_kit.method import practice
>>> log = practice.PracticeLog(pathlib.Path(tempfile.mkdtemp()) / "log.json")
>>> entry = log.add(1, "subtle_signals", fragments="01:23-01:35 praise: he looks up", sensitivity=5)
>>> entry.fragments[0].start, log.sessions()[0].session
(83.0, 1)
>>> practice.parse_time("1:23,5")
83.5
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from course_kit._result import html_view
from course_kit.messages import text
from course_kit.method.sources import cite_all

__all__ = [
    "FIDELITY",
    "FORMAT",
    "FRAGMENT_KINDS",
    "RUBRIC",
    "SESSIONS",
    "THEMES",
    "Fragment",
    "PracticeLog",
    "PracticeLogError",
    "SessionEntry",
    "example_eaf",
    "example_log",
    "export_pdf",
    "fidelity_table",
    "format_time",
    "fragments_from_eaf",
    "parse_fragments",
    "parse_time",
    "plot_sensitivity",
    "reflection_outline",
]

FORMAT = "vipp-course-kit practice log"
VERSION = 1
#: 0 is the short introductory visit; 1-6 are the video-feedback sessions (course plan).
SESSIONS = tuple(range(7))
#: what a session mainly worked on: the public themes (see course_kit.method.cases.TARGETS),
#: plus the introductory visit and the booster sessions that integrate the themes.
THEMES = (
    "introduction",
    "exploration_attachment",
    "subtle_signals",
    "prompt_response",
    "sharing_emotions",
    "child_perspective",
    "limit_setting",
    "positive_reinforcement",
    "time_out",
    "empathy",
    "integration",
)
FRAGMENT_KINDS = ("praise", "speak_for_child", "missed_signal", "limit_setting", "other")

#: fidelity checklist item -> source keys ("judgement" = the course authors' judgement)
FIDELITY: dict[str, str] = {
    "filmed_first": "VSI-NL;HOMVEE-COMP",
    "prepared_fragments": "HOMVEE-COMP;NOPUNISH",
    "positive_first": "MVIJ",
    "subtitles": "MVIJ",
    "parent_expert": "VSI-NL",
    "theme": "NOPUNISH",
    "tips_after": "HSHS;judgement",
    "supervision": "VSI-CERT",
    "no_identifying": "judgement",
    "own_reactions": "seed002;judgement",
}

#: G/U rubric rows of the reflection report: (key, source keys). Only what the course
#: plan (seed 000) states; the outline's sections are labelled the course authors' judgement.
RUBRIC = (
    ("participation", "seed000"),
    ("treatment", "seed000"),
    ("filmed_session", "seed000"),
    ("report", "seed000"),
)
OBJECTIVES = ("theory", "development", "evidence", "suitability", "targets", "adapting")
OUTLINE = (
    ("family", "suitability"),
    ("targets", "targets"),
    ("fragments", "targets;adapting"),
    ("adapting", "adapting"),
    ("theory", "theory;development"),
    ("evidence", "evidence"),
    ("alliance", ""),
    ("next", ""),
)

_TEXT_LIMIT = 4000  # characters per free-text field: notes, not essays


class PracticeLogError(ValueError):
    """A plain-language problem with the practice log or what was typed into it."""


# --- time stamps ----------------------------------------------------------------------------

_TIME = re.compile(r"^(?:(\d+):)?(?:(\d+):)?(\d+(?:[.,]\d+)?)$")


def parse_time(value, field_name: str | None = None) -> float:
    """Seconds from a typed time stamp: ``83``, ``"01:23"``, ``"1:23.5"``, ``"1:02:03"``.

    A decimal comma works too (``"1:23,5"``). Minutes and seconds after a colon
    must be below 60.

    Raises
    ------
    PracticeLogError
        Naming ``field_name`` and showing how to write a time stamp.

    Examples
    --------
    >>> parse_time("01:23"), parse_time("1:02:03"), parse_time(7.5)
    (83.0, 3723.0, 7.5)
    """
    if field_name is None:
        field_name = text("practice.field.time")
    if isinstance(value, bool) or value is None:
        raise PracticeLogError(text("practice.bad_time", field=field_name, value=value))
    if isinstance(value, (int, float)):
        if value != value or value < 0 or value > 24 * 3600:
            raise PracticeLogError(text("practice.bad_time", field=field_name, value=value))
        return float(value)
    s = str(value).strip()
    match = _TIME.match(s)
    if not match:
        raise PracticeLogError(text("practice.bad_time", field=field_name, value=s))
    first, second, last = match.groups()
    seconds = float(last.replace(",", "."))
    parts = [int(p) for p in (first, second) if p is not None]
    if parts and seconds >= 60:
        raise PracticeLogError(text("practice.bad_time", field=field_name, value=s))
    if len(parts) == 2 and parts[1] >= 60:
        raise PracticeLogError(text("practice.bad_time", field=field_name, value=s))
    total = seconds
    for i, p in enumerate(reversed(parts), start=1):
        total += p * 60**i
    if total > 24 * 3600:
        raise PracticeLogError(text("practice.bad_time", field=field_name, value=s))
    return float(total)


def format_time(seconds: float) -> str:
    """``83.5`` -> ``"01:23.5"``; whole seconds without decimals (``"01:23"``).

    Examples
    --------
    >>> format_time(83), format_time(3723)
    ('01:23', '1:02:03')
    """
    seconds = round(float(seconds), 1)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    secs_text = f"{secs:04.1f}" if secs != int(secs) else f"{int(secs):02d}"
    if hours:
        return f"{int(hours)}:{int(minutes):02d}:{secs_text}"
    return f"{int(minutes):02d}:{secs_text}"


# --- pseudonymity ------------------------------------------------------------------------------

# Swedish personnummer / samordningsnummer: (CC)YYMMDD[-+ ]NNNN, day 01-31 or 61-91.
_SE_ID = re.compile(r"(?<!\d)(?:\d{2})?\d{2}(0[1-9]|1[0-2])([0-9]{2})[-+ ]?\d{4}(?!\d)")
# Norwegian fødselsnummer / D-nummer: DDMMYY NNNNN (day 01-31 or 41-71).
_NO_ID = re.compile(r"(?<!\d)([0-7]\d)(0[1-9]|1[0-2])\d{2} ?\d{5}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def _looks_identifying(value: str) -> bool:
    for match in _SE_ID.finditer(value):
        day = int(match.group(2))
        if 1 <= day <= 31 or 61 <= day <= 91:
            return True
    for match in _NO_ID.finditer(value):
        day = int(match.group(1))
        if 1 <= day <= 31 or 41 <= day <= 71:
            return True
    return bool(_EMAIL.search(value))


def _field(where: str, name: str) -> str:
    """Where a problem is, for a message: "fragments, line 2, start" (in the reader's language)."""
    return text("practice.field.at", where=where, field=text(f"practice.field.{name}"))


def _free_text(value, field_name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PracticeLogError(text("practice.not_text", field=field_name))
    value = value.strip()
    if len(value) > _TEXT_LIMIT:
        raise PracticeLogError(text("practice.too_long", field=field_name, limit=_TEXT_LIMIT))
    if _looks_identifying(value):
        raise PracticeLogError(text("practice.identifying", field=field_name))
    return value


# --- entries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fragment:
    """A fragment of the film chosen for feedback: start and end in seconds, kind, note."""

    start: float
    end: float | None = None
    kind: str = "other"
    note: str = ""

    def label(self) -> str:
        """``"01:23-01:35 praise: note"``."""
        span = format_time(self.start) + (f"-{format_time(self.end)}" if self.end else "")
        kind = text(f"practice.kind.{self.kind}")
        return f"{span} {kind}" + (f": {self.note}" if self.note else "")


def _fragment(value, where: str) -> Fragment:
    if isinstance(value, Fragment):
        value = asdict(value)
    if not isinstance(value, dict):
        raise PracticeLogError(text("practice.bad_fragment", where=where))
    start = parse_time(value.get("start"), _field(where, "start"))
    end = value.get("end")
    end = None if end in (None, "") else parse_time(end, _field(where, "end"))
    if end is not None and end <= start:
        raise PracticeLogError(text("practice.end_before_start", where=where))
    kind = value.get("kind") or "other"
    if kind not in FRAGMENT_KINDS:
        raise PracticeLogError(
            text("practice.bad_kind", where=where, value=kind, kinds=", ".join(FRAGMENT_KINDS))
        )
    return Fragment(start, end, kind, _free_text(value.get("note", ""), _field(where, "note")))


_KIND_WORDS = {
    "praise": "praise",
    "positive": "praise",
    "speak": "speak_for_child",
    "speak_for_child": "speak_for_child",
    "speaking": "speak_for_child",
    "missed": "missed_signal",
    "missed_signal": "missed_signal",
    "limit": "limit_setting",
    "limit_setting": "limit_setting",
    "other": "other",
}


def _kind_words() -> list[tuple[str, str]]:
    """(word, kind) a participant may write before a note: English, and their own language."""
    pairs = list(_KIND_WORDS.items())
    for kind in FRAGMENT_KINDS:
        # the kind's label as the log prints it ("missed signal"), and the words of the edition
        own = [text(f"practice.kind.{kind}"), *text(f"practice.words.{kind}").split(",")]
        pairs += [(w.strip().lower().replace(" ", "_"), kind) for w in own if w.strip()]
    return pairs


def _kind_from(words: str) -> tuple[str, str]:
    """('praise', 'rest of the text') from 'praise: rest' (the kind word is optional)."""
    head, sep, rest = words.partition(":")
    key = head.strip().lower().replace(" ", "_")
    for word, kind in _kind_words():
        if sep and (key == word or key.startswith(word)):
            return kind, rest.strip()
    return "other", words.strip()


def parse_fragments(lines: str) -> list[Fragment]:
    """Fragments typed one per line: ``START[-END] [KIND:] NOTE``.

    Examples
    --------
    >>> [
    ...     f.kind
    ...     for f in parse_fragments("01:23-01:35 praise: he looks up\\n2:10 missed: no answer")
    ... ]
    ['praise', 'missed_signal']
    """
    if not isinstance(lines, str):
        raise PracticeLogError(text("practice.not_text", field=text("practice.field.fragments")))
    out = []
    for number, raw in enumerate(lines.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        where = text("practice.fragment_line", n=number)
        stamp, _, rest = line.partition(" ")
        start, _, end = stamp.partition("-")
        kind, note = _kind_from(rest)
        out.append(
            _fragment({"start": start, "end": end or None, "kind": kind, "note": note}, where)
        )
    return out


@dataclass(frozen=True)
class SessionEntry:
    """One entry of the log: what happened in one session with the practice family."""

    session: int
    theme: str
    fragments: tuple = ()
    parent_reactions: str = ""
    reflection: str = ""
    sensitivity: int | None = None
    fidelity: dict = field(default_factory=dict)
    written: str = ""

    def to_json(self) -> dict:
        data = asdict(self)
        data["fragments"] = [asdict(f) for f in self.fragments]
        return data


def _entry(data: dict, where: str) -> SessionEntry:
    if not isinstance(data, dict):
        raise PracticeLogError(text("practice.bad_entry", where=where))
    session = data.get("session")
    if isinstance(session, str) and session.strip().isdigit():
        session = int(session)
    if isinstance(session, bool) or session not in SESSIONS:
        raise PracticeLogError(text("practice.bad_session", where=where, value=session))
    theme = data.get("theme")
    if theme not in THEMES:
        raise PracticeLogError(
            text("practice.bad_theme", where=where, value=theme, themes=", ".join(THEMES))
        )
    fragments = data.get("fragments") or ()
    if isinstance(fragments, str):
        fragments = parse_fragments(fragments)
    fragments = tuple(
        _fragment(f, text("practice.fragment_n", where=where, n=i))
        for i, f in enumerate(fragments, start=1)
    )
    rating = data.get("sensitivity")
    if rating in ("", None):
        rating = None
    else:
        try:
            ok = float(rating) == int(float(rating)) and 1 <= float(rating) <= 9
        except (TypeError, ValueError):
            ok = False
        if not ok or isinstance(rating, bool):
            raise PracticeLogError(text("practice.bad_rating", where=where, value=rating))
        rating = int(float(rating))
    fidelity = data.get("fidelity") or {}
    if not isinstance(fidelity, dict) or set(fidelity) - set(FIDELITY):
        unknown = sorted(set(fidelity) - set(FIDELITY)) if isinstance(fidelity, dict) else fidelity
        raise PracticeLogError(text("practice.bad_fidelity", where=where, value=unknown))
    return SessionEntry(
        session=int(session),
        theme=theme,
        fragments=fragments,
        parent_reactions=_free_text(
            data.get("parent_reactions"), _field(where, "parent_reactions")
        ),
        reflection=_free_text(data.get("reflection"), _field(where, "reflection")),
        sensitivity=rating,
        fidelity={k: bool(v) for k, v in fidelity.items()},
        written=str(data.get("written") or ""),
    )


# --- the log file ----------------------------------------------------------------------------


def _atomic_write(path: Path, data: bytes) -> None:
    # Written here (not shared with workspace.py) so the log's durability does not depend on
    # another module's internals: temp file in the same folder, fsync, then rename.
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class PracticeLog:
    """The session log of one practice family, kept in a JSON file.

    Opening a log does not create the file: the first :meth:`add` does.

    Parameters
    ----------
    path : str or Path
        The log file, e.g. ``"my-practice-log.json"`` in your workspace.
    family : str, optional
        A code for the family - never a name. Default: "Family A" (in the
        reader's language, e.g. "Familj A").

    Examples
    --------
    >>> import tempfile, pathlib
    >>> log = PracticeLog(pathlib.Path(tempfile.mkdtemp()) / "log.json")
    >>> log.add(0, "introduction").session
    0
    >>> len(PracticeLog(log.path).entries)
    1
    """

    def __init__(self, path, family: str | None = None):
        self.path = Path(path)
        if family is None:
            family = text("practice.family.default")
        if self.path.suffix.lower() != ".json":
            raise PracticeLogError(text("practice.not_json", path=self.path.name))
        family = _free_text(family, text("practice.field.family"))
        if not family or len(family) > 30:
            raise PracticeLogError(text("practice.bad_family"))
        self.family = family
        self.entries: list[SessionEntry] = []
        if self.path.exists():
            self._load()

    def _read(self) -> tuple[str, list[SessionEntry]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PracticeLogError(text("practice.unreadable", path=self.path.name)) from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise PracticeLogError(text("practice.unreadable", path=self.path.name))
        if data.get("version", 0) > VERSION:
            raise PracticeLogError(text("practice.newer_version", path=self.path.name))
        entries = [
            _entry(e, text("practice.entry_n", n=i))
            for i, e in enumerate(data.get("entries", []), start=1)
        ]
        return str(data.get("family") or self.family), entries

    def _load(self) -> None:
        self.family, self.entries = self._read()

    def _save(self) -> None:
        payload = {
            "format": FORMAT,
            "version": VERSION,
            "family": self.family,
            "entries": [e.to_json() for e in self.entries],
        }
        data = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
        _atomic_write(self.path, data)

    def add(
        self,
        session: int,
        theme: str,
        fragments=(),
        parent_reactions: str = "",
        reflection: str = "",
        sensitivity: int | None = None,
        fidelity: dict | None = None,
    ) -> SessionEntry:
        """Check one session's notes and append them to the log (saved at once).

        ``fragments`` may be a list of :class:`Fragment` or dicts, or text with
        one fragment per line (see :func:`parse_fragments`). Writing a session
        again adds a newer entry; the older one stays in the file.

        Raises
        ------
        PracticeLogError
            With a plain message naming the field to fix; nothing is saved then.
        """
        entry = _entry(
            {
                "session": session,
                "theme": theme,
                "fragments": fragments,
                "parent_reactions": parent_reactions,
                "reflection": reflection,
                "sensitivity": sensitivity,
                "fidelity": fidelity or {},
                "written": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
            },
            text("practice.new_entry"),
        )
        if self.path.exists():  # another tab or kernel may have added entries meanwhile
            self._load()
        self.entries.append(entry)
        try:
            self._save()
        except OSError as exc:
            self.entries.pop()
            raise PracticeLogError(text("practice.cannot_save", path=str(self.path))) from exc
        return entry

    def sessions(self) -> list[SessionEntry]:
        """The newest entry of each session, in session order."""
        latest = {}
        for entry in self.entries:
            latest[entry.session] = entry
        return [latest[s] for s in sorted(latest)]

    def to_frame(self):
        """One row per session (newest entry): session, theme, fragments, rating, fidelity."""
        import pandas as pd

        rows = [
            {
                "session": e.session,
                "theme": text(f"practice.theme.{e.theme}"),
                "fragments": len(e.fragments),
                "sensitivity": e.sensitivity,
                "fidelity": f"{sum(e.fidelity.values())}/{len(FIDELITY)}",
            }
            for e in self.sessions()
        ]
        columns = ["session", "theme", "fragments", "sensitivity", "fidelity"]
        frame = pd.DataFrame(rows, columns=columns)
        frame["sensitivity"] = frame["sensitivity"].astype("Int64")
        return frame

    def summary(self) -> str:
        """One line: the family code, sessions logged, the file."""
        return text(
            "practice.summary", family=self.family, n=len(self.sessions()), path=self.path.name
        )

    def _repr_html_(self) -> str:
        table = ""
        if self.entries:
            frame = self.to_frame()
            headers = {c: text(f"practice.column.{c}") for c in frame.columns}
            table = frame.rename(columns=headers).to_html(index=False)
        return html_view("paragraph_table", text=self.summary(), table_html=table)

    # -- exports ------------------------------------------------------------------------------
    def supervision_brief(self, session: int | None = None) -> str:
        """A Markdown brief for supervision: one session, or all of them.

        Examples
        --------
        >>> log = example_log()
        >>> "## Session 2" in log.supervision_brief(2)
        True
        """
        entries = self.sessions()
        if not entries:
            raise PracticeLogError(text("practice.no_sessions", path=self.path.name))
        if session is not None:
            entries = [e for e in entries if e.session == session]
            if not entries:
                raise PracticeLogError(text("practice.no_session", session=session))
        lines = [
            f"# {text('practice.brief.title', family=self.family)}",
            "",
            f"*{text('practice.reminder')}*",
            "",
        ]
        for e in entries:
            lines += [
                f"## {text('practice.brief.session', n=e.session)}",
                "",
                f"- **{text('practice.brief.theme')}:** {text(f'practice.theme.{e.theme}')}",
                f"- **{text('practice.brief.rating')}:** "
                + (f"{e.sensitivity} / 9" if e.sensitivity else text("practice.brief.none")),
                "",
                f"### {text('practice.brief.fragments')}",
                "",
            ]
            lines += [f"- {f.label()}" for f in e.fragments] or [f"- {text('practice.brief.none')}"]
            lines += [
                "",
                f"### {text('practice.brief.reactions')}",
                "",
                e.parent_reactions or text("practice.brief.none"),
                "",
                f"### {text('practice.brief.reflection')}",
                "",
                e.reflection or text("practice.brief.none"),
                "",
                f"### {text('practice.brief.fidelity')}",
                "",
            ]
            for key in FIDELITY:
                mark = "x" if e.fidelity.get(key) else " "
                lines.append(f"- [{mark}] {text(f'practice.fidelity.{key}')}")
            lines.append("")
        lines += [
            f"### {text('practice.brief.questions')}",
            "",
            text("practice.brief.questions_hint"),
            "",
            f"*{text('practice.brief.fidelity_sources')}*",
            "",
        ]
        for key, sources in FIDELITY.items():
            lines.append(f"- {text(f'practice.fidelity.{key}')}: {cite_all(sources)}")
        return "\n".join(lines) + "\n"

    def export_brief(self, folder=None, session: int | None = None) -> tuple[Path, Path]:
        """Write the supervision brief as Markdown and PDF; return both paths.

        ``folder`` defaults to ``practice-exports`` next to the log file.
        """
        markdown = self.supervision_brief(session)
        stem = "supervision-brief" + (f"-session-{session}" if session is not None else "")
        return _export(markdown, self._export_folder(folder), stem)

    def export_reflection_outline(self, folder=None) -> tuple[Path, Path]:
        """Write the reflection-report outline with the G/U rubric (Markdown and PDF)."""
        return _export(reflection_outline(self), self._export_folder(folder), "reflection-outline")

    def _export_folder(self, folder) -> Path:
        return Path(folder) if folder is not None else self.path.parent / "practice-exports"


# --- the reflection report ------------------------------------------------------------------


def reflection_outline(log: PracticeLog | None = None) -> str:
    """The outline of the written reflection report, with the course plan's G/U rubric.

    Only the requirements the course plan (seed 000) states are rubric rows; the
    outline's sections are the course authors' suggestion and say so.

    Examples
    --------
    >>> "G/U" in reflection_outline()
    True
    """
    lines = [f"# {text('practice.outline.title')}", ""]
    if log is not None:
        lines += [text("practice.outline.family", family=log.family, n=len(log.sessions())), ""]
    lines += [
        f"*{text('practice.reminder')}*",
        "",
        f"## {text('practice.outline.rubric')}",
        "",
        text("practice.outline.rubric_intro", source=cite_all("seed000")),
        "",
        f"| {text('practice.outline.col_req')} | {text('practice.outline.col_evidence')} | G/U |",
        "|---|---|---|",
    ]
    for key, _source in RUBRIC:
        lines.append(f"| {text(f'practice.rubric.{key}')} | | |")
    lines += [
        "",
        text("practice.outline.objectives_intro"),
        "",
    ]
    for i, key in enumerate(OBJECTIVES, start=1):
        lines.append(f"{i}. {text(f'practice.objective.{key}')}")
    lines += [
        "",
        text("practice.outline.no_criteria"),
        "",
        f"## {text('practice.outline.sections')}",
        "",
        f"*{text('method.judgement')}.*",
        "",
    ]
    for i, (key, objectives) in enumerate(OUTLINE, start=1):
        linked = [OBJECTIVES.index(o) + 1 for o in objectives.split(";") if o]
        tail = (
            " " + text("practice.outline.objectives", numbers=", ".join(map(str, linked)))
            if linked
            else ""
        )
        lines.append(f"{i}. **{text(f'practice.section.{key}')}**{tail}")
        lines.append(f"    - {text(f'practice.section.{key}.prompt')}")
    return "\n".join(lines) + "\n"


# --- Markdown and PDF export ------------------------------------------------------------------

# fpdf2's built-in fonts cover Latin-1 (all of Swedish and Norwegian: å ä ö ø æ); other
# typographic characters are replaced so that an export never fails on a pasted dash or
# quote, or on the minus sign and the (narrow) no-break spaces of Swedish and Norwegian numbers.
_PDF_REPLACE = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u2022": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2011": "-",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2192": "->",
}


def _latin1(value: str) -> str:
    for char, plain in _PDF_REPLACE.items():
        value = value.replace(char, plain)
    return value.encode("latin-1", "replace").decode("latin-1")


def export_pdf(markdown: str, path) -> Path:
    """Render the simple Markdown of the exports (headings, lists, tables) as a PDF.

    Uses fpdf2 (pure Python). Only the few Markdown elements the exports use are
    understood; everything else is printed as plain text.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_creation_date(_dt.datetime(2026, 1, 1, tzinfo=_dt.UTC))  # reproducible files
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    rows: list[list[str]] = []

    def flush_table():
        if rows:
            pdf.set_font("Helvetica", size=9.5)
            with pdf.table(col_widths=(60, 30, 10), line_height=5.5) as table:
                for cells in rows:
                    row = table.row()
                    for cell in cells:
                        row.cell(cell)
            rows.clear()

    for raw in markdown.splitlines():
        line = _latin1(raw.rstrip())
        if line.startswith("|"):
            if not line.startswith("|---"):
                rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        flush_table()
        if not line.strip():
            pdf.ln(3)
            continue
        size, style = 10, ""
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            size, style = {1: (15, "B"), 2: (12.5, "B")}.get(level, (11, "B"))
            line = line.lstrip("#").strip()
        line = line.replace("**", "")
        if line.startswith("*") and line.endswith("*") and len(line) > 2:
            style, line = "I", line.strip("*")
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.multi_cell(width, size * 0.5, line, align="L", new_x="LMARGIN", new_y="NEXT")
    flush_table()
    path = Path(path)
    _atomic_write(path, bytes(pdf.output()))
    return path


def _export(markdown: str, folder: Path, stem: str) -> tuple[Path, Path]:
    folder = Path(folder)
    md_path = folder / f"{stem}.md"
    try:
        _atomic_write(md_path, markdown.encode("utf-8"))
        pdf_path = export_pdf(markdown, folder / f"{stem}.pdf")
    except OSError as exc:
        raise PracticeLogError(text("practice.cannot_save", path=str(folder))) from exc
    return md_path, pdf_path


# --- ELAN import -------------------------------------------------------------------------------


def fragments_from_eaf(path, tier: str | None = None) -> list[Fragment]:
    """Fragments marked in ELAN: one per annotation of ``tier``, sorted by time.

    An annotation's text may start with a kind (``"praise: ..."``, ``"missed: ..."``,
    ``"speak: ..."``, ``"limit: ..."``); otherwise its kind is ``"other"``. Only the
    annotations are read: the ``.eaf`` file points to the video but never holds it.

    Parameters
    ----------
    path : str or Path
        The ``.eaf`` file saved by ELAN.
    tier : str, optional
        The tier with your fragments. Needed only when several tiers hold
        annotations.

    Examples
    --------
    >>> from pathlib import Path
    >>> fixture = Path(__file__).parents[2] / "tests/fixtures/practice/two_tiers.eaf"
    >>> [f.kind for f in fragments_from_eaf(fixture)]  # doctest: +SKIP
    ['speak_for_child', 'praise', 'missed_signal']
    """
    from pympi import Eaf

    path = Path(path)
    if path.suffix.lower() != ".eaf":
        raise PracticeLogError(text("practice.eaf.not_eaf", path=path.name))
    if not path.exists():
        raise PracticeLogError(text("practice.eaf.missing", path=str(path)))
    try:
        eaf = Eaf(str(path))
    except Exception as exc:  # pympi raises several kinds on a broken file
        raise PracticeLogError(text("practice.eaf.unreadable", path=path.name)) from exc
    names = list(eaf.get_tier_names())
    if tier is None:
        filled = [n for n in names if eaf.get_annotation_data_for_tier(n)]
        if not filled:
            raise PracticeLogError(text("practice.eaf.empty", path=path.name))
        if len(filled) > 1:
            raise PracticeLogError(
                text("practice.eaf.which_tier", path=path.name, tiers=", ".join(filled))
            )
        tier = filled[0]
    elif tier not in names:
        raise PracticeLogError(
            text("practice.eaf.no_tier", tier=tier, path=path.name, tiers=", ".join(names))
        )
    out = []
    for i, data in enumerate(sorted(eaf.get_annotation_data_for_tier(tier)), start=1):
        start_ms, end_ms, value = data[0], data[1], data[2]
        kind, note = _kind_from(str(value))
        where = text("practice.eaf.annotation", n=i, tier=tier)
        out.append(
            _fragment(
                {
                    "start": start_ms / 1000,
                    "end": end_ms / 1000 or None,
                    "kind": kind,
                    "note": note,
                },
                where,
            )
        )
    return out


# --- the chart -------------------------------------------------------------------------------


def plot_sensitivity(log: PracticeLog, ax=None):
    """Your own ratings of the parent's sensitivity (1-9) across the sessions.

    A participant's own impression, not a research measurement. Draws what is
    in the log (no fitting); sessions without a rating are left out.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    if not isinstance(log, PracticeLog):
        raise TypeError(text("practice.not_a_log"))
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.2), layout="constrained")
    rated = [(e.session, e.sensitivity) for e in log.sessions() if e.sensitivity is not None]
    if rated:
        xs, ys = zip(*rated, strict=True)
        ax.plot(xs, ys, marker="o", color="#0072B2", linewidth=2)
        for x, y in rated:
            ax.annotate(str(y), (x, y), textcoords="offset points", xytext=(0, 7), ha="center")
    else:
        ax.text(3, 5, text("practice.chart.empty"), ha="center", va="center", color="#555")
    ax.set_xlim(-0.5, 6.5)
    ax.set_ylim(0.5, 9.5)
    ax.set_xticks(list(SESSIONS))
    ax.set_yticks(range(1, 10))
    ax.set_xlabel(text("practice.chart.x"))
    ax.set_ylabel(text("practice.chart.y"))
    ax.set_title(text("practice.chart.title"), fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    return ax


# --- examples and widgets ------------------------------------------------------------------------


def example_log(folder=None) -> PracticeLog:
    """A SYNTHETIC log with two sessions, in a temporary folder (for the notebook's demo).

    Examples
    --------
    >>> [e.session for e in example_log().sessions()]
    [1, 2]
    """
    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="ck-practice-"))
    log = PracticeLog(folder / "example-practice-log.json", family=text("practice.family.example"))
    # SYNTHETIC: a theme and the participant's own rating per session, chosen for the demo
    for session, theme, rating in ((1, "exploration_attachment", 4), (2, "subtle_signals", 5)):
        log.add(
            session,
            theme,
            fragments=text(f"practice.example.{session}.fragments"),
            parent_reactions=text(f"practice.example.{session}.reactions"),
            reflection=text(f"practice.example.{session}.reflection"),
            sensitivity=rating,
            fidelity={k: True for k in list(FIDELITY)[: 6 + session]},
        )
    return log


def fidelity_table():
    """The fidelity checklist with the source of each item (or the judgement label).

    Examples
    --------
    >>> fidelity_table().shape
    (10, 2)
    """
    import pandas as pd

    return pd.DataFrame(
        {
            text("practice.fidelity_col_item"): [text(f"practice.fidelity.{k}") for k in FIDELITY],
            text("practice.fidelity_col_source"): [cite_all(v) for v in FIDELITY.values()],
        }
    )


def example_eaf(folder=None) -> Path:
    """A tiny SYNTHETIC ELAN file with three marked fragments (for the notebook's demo).

    Written with pympi-ling, as ELAN would save it; it points to no video.

    Examples
    --------
    >>> [f.kind for f in fragments_from_eaf(example_eaf())]
    ['speak_for_child', 'praise', 'missed_signal']
    """
    from pympi import Eaf

    folder = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="ck-elan-"))
    eaf = Eaf(author="VIPP-SD course kit (SYNTHETIC example)")
    eaf.add_tier("fragments")
    for start, end, key in ((83000, 95500, "1"), (141200, 150000, "2"), (12000, 18000, "3")):
        eaf.add_annotation("fragments", start, end, text(f"practice.example.eaf.{key}"))
    path = folder / "example-session.eaf"
    eaf.to_file(str(path))
    return path
