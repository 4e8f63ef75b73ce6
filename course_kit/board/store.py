"""Where the class board keeps the answers: SQLAlchemy, SQLite by default.

One row per checked answer (exercise, round, pseudonym, answer, status, time) and
one row per round an instructor started. SQLAlchemy Core is used because it comes
with JupyterHub and speaks SQLite and PostgreSQL alike; no ORM is needed for two
tables.

Examples
--------
>>> store = Store("sqlite://")
>>> store.add("02.certification", "p-1a2b", [8, 2, 5, 7, 3, 6], "correct")
1
>>> store.board()["02.certification"]["rounds"][0]["answered"]
1
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections import Counter

import sqlalchemy as sa

from course_kit import i18n
from course_kit.board import answers as _answers

STATUSES = ("correct", "close", "incorrect")

_meta = sa.MetaData()
answers_table = sa.Table(
    "board_answers",
    _meta,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("exercise", sa.String(64), nullable=False, index=True),
    sa.Column("round", sa.Integer, nullable=False),
    sa.Column("participant", sa.String(32), nullable=False),
    sa.Column("answer", sa.String(400), nullable=False),  # JSON of the closed form
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("at", sa.Float, nullable=False),
)
rounds_table = sa.Table(
    "board_rounds",
    _meta,
    sa.Column("exercise", sa.String(64), primary_key=True),
    sa.Column("round", sa.Integer, primary_key=True),
    sa.Column("started", sa.Float, nullable=False),
)
names_table = sa.Table(  # pseudonym -> hub user name, shown only when switched on
    "board_names",
    _meta,
    sa.Column("participant", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(255), nullable=False),
)


class Store:
    """The board's database.

    Parameters
    ----------
    url : str
        Any SQLAlchemy URL, e.g. ``sqlite:////var/lib/vipp-course-hub/board.sqlite``
        or ``postgresql://board@db/board``.
    keep_days : float, optional
        Answers older than this are deleted when the store opens (None: keep all).
    """

    def __init__(self, url: str, keep_days: float | None = None):
        self.engine = sa.create_engine(url)
        _meta.create_all(self.engine)
        if keep_days is not None:
            self.forget_before(time.time() - keep_days * 86400)

    def forget_before(self, when: float) -> None:
        """Delete answers (and the names of people with none left) older than ``when``."""
        with self.engine.begin() as db:
            db.execute(answers_table.delete().where(answers_table.c.at < when))
            kept = sa.select(answers_table.c.participant).distinct()
            db.execute(names_table.delete().where(names_table.c.participant.not_in(kept)))

    def current_round(self, exercise: str, db=None) -> int:
        query = sa.select(sa.func.max(rounds_table.c.round)).where(
            rounds_table.c.exercise == exercise
        )
        if db is None:
            with self.engine.connect() as db:
                return db.execute(query).scalar() or 1
        return db.execute(query).scalar() or 1

    def new_round(self, exercise: str) -> int:
        """Start a new round for ``exercise``; later answers count in it. Returns its number."""
        with self.engine.begin() as db:
            number = self.current_round(exercise, db) + 1
            if number == 2:  # round 1 is implicit until the first "new round"
                db.execute(rounds_table.insert().values(exercise=exercise, round=1, started=0.0))
            db.execute(
                rounds_table.insert().values(exercise=exercise, round=number, started=time.time())
            )
        return number

    def add(self, exercise, participant, answer, status, at=None, name=None) -> int:
        """Store one checked answer (already validated); returns its round."""
        if status not in STATUSES:
            raise ValueError(f"status must be one of {STATUSES} (got {status!r}).")
        with self.engine.begin() as db:
            number = self.current_round(exercise, db)
            db.execute(
                answers_table.insert().values(
                    exercise=exercise,
                    round=number,
                    participant=participant,
                    answer=json.dumps(answer),
                    status=status,
                    at=time.time() if at is None else at,
                )
            )
            if name is not None:
                known = db.execute(
                    sa.select(names_table.c.participant).where(
                        names_table.c.participant == participant
                    )
                ).first()
                if known is None:
                    db.execute(names_table.insert().values(participant=participant, name=name))
        return number

    # -- what the board shows --------------------------------------------------------
    def _latest(self):
        """The last answer of each participant per exercise and round."""
        with self.engine.connect() as db:
            rows = db.execute(
                sa.select(answers_table).order_by(answers_table.c.at, answers_table.c.id)
            ).all()
            names = dict(db.execute(sa.select(names_table)).all())
            rounds = db.execute(
                sa.select(rounds_table.c.exercise, sa.func.max(rounds_table.c.round)).group_by(
                    rounds_table.c.exercise
                )
            ).all()
        latest: dict[tuple, dict] = {}
        for row in rows:
            latest[(row.exercise, row.round, row.participant)] = {
                "participant": row.participant,
                "answer": json.loads(row.answer),
                "status": row.status,
                "at": row.at,
            }
        return latest, names, dict(rounds)

    def board(self, show_names: bool = False) -> dict:
        """Per exercise and round: counts, distribution, share right, common wrong answer.

        Questions, option texts, feedback and the ``*_text`` fields (numbers and
        percentages as the page shows them) are in the reader's language
        (:func:`course_kit.i18n.get_language`).
        """
        latest, names, rounds = self._latest()
        grouped: dict[str, dict[int, list]] = {}
        for (exercise, number, _), entry in latest.items():
            grouped.setdefault(exercise, {}).setdefault(number, []).append(entry)
        for exercise, last in rounds.items():
            for number in range(1, last + 1):
                grouped.setdefault(exercise, {}).setdefault(number, [])
        out = {}
        for exercise in sorted(grouped):
            if not _answers.known(exercise):
                continue
            info = _answers.describe(exercise)
            out[exercise] = {
                **info,
                "rounds": [
                    _summarise(info, number, grouped[exercise][number], names, show_names)
                    for number in sorted(grouped[exercise])
                ],
            }
        return out

    def csv(self) -> str:
        """The aggregated board as CSV: one row per exercise, round and answer value."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(
            ["exercise", "round", "item", "answer", "count", "reference", "answered", "share_right"]
        )
        for exercise, info in self.board().items():
            for rnd in info["rounds"]:
                for item in rnd["distribution"]:
                    for value, count in item["counts"].items():
                        writer.writerow(
                            [
                                exercise,
                                rnd["round"],
                                item["item"],
                                value,
                                count,
                                json.dumps(item["reference"]),
                                rnd["answered"],
                                rnd["share_right"],
                            ]
                        )
        return buffer.getvalue()


def _number_texts(values) -> dict:
    # the answer values as the page shows them: "0,57" in Swedish, "0.57" in English
    return {"texts": {str(v): _answers.number_text(v) for v in values}}


def _summarise(info: dict, number: int, entries: list, names: dict, show_names: bool) -> dict:
    answered = len(entries)
    right = sum(e["status"] == "correct" for e in entries)
    kind = info["kind"]
    distribution = []
    if kind == "list":  # one histogram per item (vignette) against its reference rating
        low, high = info.get("low"), info.get("high")
        for i, label in enumerate(info["labels"]):
            counts = Counter(e["answer"][i] for e in entries)
            values = range(int(low), int(high) + 1) if low is not None and high is not None else []
            shown = {str(v): counts.get(v, 0) for v in values}
            shown.update({str(v): c for v, c in counts.items() if str(v) not in shown})
            reference = info["reference"][i]
            distribution.append(
                {
                    "item": label,
                    "counts": shown,
                    "reference": reference,
                    **_number_texts([*values, *counts]),
                    "reference_text": _answers.number_text(reference),
                }
            )
    elif kind in ("choice", "multi"):
        counts = Counter()
        for e in entries:
            counts.update([e["answer"]] if kind == "choice" else e["answer"])
        distribution.append(
            {
                "item": "",
                "counts": {key: counts.get(key, 0) for key in info["options"]},
                "reference": info["reference"],
            }
        )
    else:
        counts = Counter(e["answer"] for e in entries)
        distribution.append(
            {
                "item": "",
                "counts": {str(v): c for v, c in sorted(counts.items())},
                "reference": info["reference"],
                **_number_texts(counts),
            }
        )
    wrong = Counter(json.dumps(e["answer"]) for e in entries if e["status"] != "correct")
    common_wrong = None
    if wrong:
        shown, count = wrong.most_common(1)[0]
        answer = json.loads(shown)
        common_wrong = {
            "answer": answer,
            "shown": _answers.to_value(info["id"], answer),
            "count": count,
            "feedback": _answers.feedback(info["id"], answer),
            "text": _answers.answer_text(info["id"], answer),  # as the page shows it
        }
    people = sorted(
        (names.get(e["participant"], e["participant"]) if show_names else e["participant"])
        for e in entries
    )
    return {
        "round": number,
        "answered": answered,
        "right": right,
        "share_right": round(right / answered, 3) if answered else None,
        "share_text": i18n.format_value(right / answered, ".0%") if answered else "–",
        "distribution": distribution,
        "common_wrong": common_wrong,
        "participants": people,
    }
