"""Is VIPP-SD right for this family, and what do we work on? (notebook 09)

The eight written case files are a dataset (``datasets/method_cases.csv``,
SYNTHETIC, written for the course). For each case the participant decides

* ``start_now`` - start VIPP-SD now;
* ``after_or_alongside`` - start after, or alongside, other help;
* ``refer`` - refer elsewhere instead;
* ``not_suitable`` - VIPP-SD is not suitable,

and picks up to three main intervention targets. :class:`CaseExercise` checks
the choice and explains every part of it with its source; where the public
sources are silent (there is no official contraindication list for VIPP-SD),
the explanation carries the label "the course authors' judgement".

The module also holds the age window of the programme (:func:`age_window`) and
the universal / targeted / indicated sorting exercise (:class:`SortingExercise`).

Examples
--------
>>> from course_kit.method import cases
>>> ex = cases.CaseExercise(cases.case("C7"))
>>> ex.check(("start_now", ["limit_setting", "positive_reinforcement", "empathy"])).status
'correct'
>>> ex.check((None, [])).status
'invalid'
"""

from __future__ import annotations

from dataclasses import dataclass

from course_kit._result import html_view
from course_kit.i18n import dataset_text
from course_kit.messages import text
from course_kit.method._base import Check, ExplainedFeedback, Invalid, find_choice
from course_kit.method.sources import JUDGEMENT, cite_all

__all__ = [
    "DECISIONS",
    "LEVELS",
    "SORTING",
    "TARGETS",
    "Case",
    "CaseExercise",
    "SortingExercise",
    "age_window",
    "case",
    "load_cases",
    "overview",
]

DECISIONS = ("start_now", "after_or_alongside", "refer", "not_suitable")

#: Target key -> (source keys, belongs to the sensitive-discipline strand).
#: The topics are the publicly listed themes of VIPP/VIPP-SD (HomVEE, van IJzendoorn's
#: site, the course plan); their order is not the manual's session order.
TARGETS: dict[str, tuple[str, bool]] = {
    "exploration_attachment": ("NOPUNISH;MVIJ", False),
    "subtle_signals": ("HOMVEE-COMP;MVIJ", False),
    "prompt_response": ("HOMVEE-COMP;MVIJ", False),
    "sharing_emotions": ("HOMVEE-COMP;MVIJ", False),
    "child_perspective": ("seed000;MVIJ", False),
    "limit_setting": ("HOMVEE-COMP", True),
    "positive_reinforcement": ("HOMVEE-COMP", True),
    "time_out": ("HOMVEE-COMP", True),
    "empathy": ("HOMVEE-COMP", True),
}
MAX_TARGETS = 3

#: The levels of support of the course's seminar material (seed 001).
LEVELS = ("universal", "targeted", "indicated")

#: Sorting exercise: situation key -> the level the seminar material (seed 001) puts it at.
SORTING: dict[str, str] = {
    "skin_to_skin": "universal",
    "father_video": "universal",
    "proportionate": "universal",
    "teenage": "targeted",
    "preterm": "targeted",
    "harsh": "indicated",
    "irritable": "indicated",
}


def _split(value) -> list[str]:
    if value is None or (isinstance(value, float) and value != value):
        return []
    return [p.strip() for p in str(value).split(";") if p.strip()]


@dataclass(frozen=True)
class Case:
    """One written case file (SYNTHETIC, written for the course).

    Build it with :func:`case`; the fields are the columns of the dataset
    ``method_cases`` (see ``datasets/method_cases.schema.json``).
    """

    id: str
    title: str
    child_age_months: int
    child: str
    caregivers: str
    case_file: str
    decision: str
    decision_also: str
    why: dict
    decision_sources: str
    targets: tuple
    targets_also: tuple
    targets_reason: str
    target_sources: str

    def _repr_html_(self) -> str:
        return html_view(
            "case",
            id=self.id,
            title=self.title,
            synthetic=text("method.synthetic_label"),
            child_label=text("method.case_child"),
            child=self.child,
            caregivers_label=text("method.case_caregivers"),
            caregivers=self.caregivers,
            case_file=self.case_file,
        )


def load_cases():
    """The eight case files as a DataFrame (validated against their schema).

    Examples
    --------
    >>> load_cases().shape[0]
    8
    """
    from course_kit import datasets

    return datasets.load("method_cases")


def case(case_id: str) -> Case:
    """The case file ``case_id`` ("C1" ... "C8") as a :class:`Case`, in the reader's language.

    The free text (title, child, caregivers, case file, the reasons) comes from the
    dataset's catalogs in Swedish and Norwegian; keys and ages are the same in
    every edition.

    Examples
    --------
    >>> case("C1").child_age_months
    10
    """
    frame = load_cases()
    ids = list(frame["id"])
    if case_id not in ids:
        raise ValueError(text("method.error.case_id", ids=ids, value=repr(case_id)))
    row = frame.loc[frame["id"] == case_id].iloc[0]

    def shown(column: str) -> str:
        return dataset_text("method_cases", case_id, column, row[column])

    return Case(
        id=row["id"],
        title=shown("title"),
        child_age_months=int(row["child_age_months"]),
        child=shown("child"),
        caregivers=shown("caregivers"),
        case_file=shown("case_file"),
        decision=row["decision"],
        decision_also=row["decision_also"] if isinstance(row["decision_also"], str) else "",
        why={d: shown(f"why_{d}") for d in DECISIONS},
        decision_sources=row["decision_sources"],
        targets=tuple(_split(row["targets"])),
        targets_also=tuple(_split(row["targets_also"])),
        targets_reason=shown("targets_reason"),
        target_sources=row["target_sources"],
    )


def overview():
    """The case files at a glance (id, title, child, age in months), in the reader's language.

    The column names and the titles and children follow the edition; in English
    the columns keep the dataset's own names.

    Examples
    --------
    >>> list(overview().columns)
    ['id', 'title', 'child', 'child_age_months']
    """
    columns = ["id", "title", "child", "child_age_months"]
    frame = load_cases()[columns].copy()
    for column in ("title", "child"):
        frame[column] = [
            dataset_text("method_cases", cid, column, value)
            for cid, value in zip(frame["id"], frame[column], strict=True)
        ]
    frame.columns = [text(f"method.overview.{column}") for column in columns]
    return frame


# --- checking a decision ---------------------------------------------------------------


def _target_label(key: str) -> str:
    return text(f"method.target.{key}")


def _decision_label(key: str) -> str:
    return text(f"method.decision.{key}")


class CaseExercise(Check):
    """Decide about one case file: a decision and up to three main targets.

    ``check((decision, targets))`` accepts a decision key (or its label) and a
    list of target keys (or labels); it never raises. The feedback explains the
    decision and every target picked, each with its source or the
    course-authors'-judgement label.

    Parameters
    ----------
    the_case : Case
        From :func:`case`.

    Examples
    --------
    >>> ex = CaseExercise(case("C1"))
    >>> ex.check(("start_now", ["subtle_signals"])).status
    'incorrect'
    """

    def __init__(self, the_case: Case):
        if not isinstance(the_case, Case):
            raise TypeError(text("method.error.not_a_case"))
        super().__init__(
            text("method.case_question", id=the_case.id),
            hint=text("method.case_hint"),
            solution=text(
                "method.case_solution",
                decision=_decision_label(the_case.decision),
                targets=", ".join(_target_label(t) for t in the_case.targets),
                reason=the_case.targets_reason,
            ),
        )
        self.case = the_case

    @staticmethod
    def _find(value, keys, kind: str) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise Invalid(f"method.choose_{kind}")
        labels = {
            key: _decision_label(key) if kind == "decision" else _target_label(key) for key in keys
        }
        return find_choice(value, labels)

    def _check(self, value) -> ExplainedFeedback:
        c = self.case
        if isinstance(value, dict):
            decision, targets = value.get("decision"), value.get("targets")
        elif isinstance(value, (tuple, list)) and len(value) == 2:
            decision, targets = value
        else:
            raise Invalid("method.choose_decision")
        if isinstance(targets, str):
            targets = _split(targets)
        chosen = list(dict.fromkeys(self._find(t, TARGETS, "target") for t in (targets or [])))
        if len(chosen) > MAX_TARGETS:  # first, so that a second attempt gets a new message
            raise Invalid("method.too_many_targets", n=len(chosen), most=MAX_TARGETS)
        decision = self._find(decision, DECISIONS, "decision")
        if not chosen:
            raise Invalid("method.choose_target")

        lines = [
            text(
                "method.decision_line",
                label=_decision_label(decision),
                why=c.why[decision],
                sources=cite_all(c.decision_sources),
            )
        ]
        right = wrong = 0
        for key in chosen:
            label = _target_label(key)
            sources, discipline = TARGETS[key]
            if key in c.targets:
                right += 1
                lines.append(text("method.target_main", label=label, sources=cite_all(sources)))
            elif discipline and c.child_age_months < 12:
                wrong += 1
                lines.append(
                    text("method.target_infant", label=label, sources=cite_all("VSI-EN;seed000"))
                )
            elif key in c.targets_also:
                lines.append(text("method.target_also", label=label))
            else:
                wrong += 1
                lines.append(text("method.target_wrong", label=label, sources=cite_all(JUDGEMENT)))
        missing = len(c.targets) - right
        decision_ok = decision == c.decision
        if decision_ok and missing == 0 and wrong == 0:
            lines.append(
                text(
                    "method.targets_reason",
                    reason=c.targets_reason,
                    sources=cite_all(c.target_sources),
                )
            )
            return ExplainedFeedback("correct", text("method.case_correct"), "", tuple(lines))
        if missing and right + missing <= MAX_TARGETS:
            lines.append(text("method.targets_missing", missing=missing))
        close = (decision_ok or decision == c.decision_also) and wrong == 0
        status = "close" if close else "incorrect"
        message = text("method.case_close" if close else "method.case_incorrect")
        return ExplainedFeedback(status, message, self.hint, tuple(lines))


# --- the age window --------------------------------------------------------------------


def age_window(age_months: int) -> dict:
    """Which part of the programme fits a child of ``age_months``, with its sources.

    Returns a dict with ``zone`` (``"too_young"``, ``"infant"``, ``"full"``,
    ``"older"``, ``"outside"``), ``discipline`` (is the sensitive-discipline part
    used?) and ``sources`` (keys of :mod:`course_kit.method.sources`).

    Examples
    --------
    >>> age_window(9)["zone"], age_window(9)["discipline"]
    ('infant', False)
    >>> age_window(30)["zone"]
    'full'
    """
    from course_kit._validation import check_number

    age = check_number(age_months, "age_months", low=0, high=240)
    if age < 6:
        return {"zone": "too_young", "discipline": False, "sources": "VSI-EN;UKVIPP;PERINATAL"}
    if age < 12:
        return {"zone": "infant", "discipline": False, "sources": "VSI-EN;seed000"}
    if age <= 72:
        return {"zone": "full", "discipline": True, "sources": "VSI-EN;seed000;LEIDEN-METHOD"}
    if age < 96:
        return {"zone": "older", "discipline": False, "sources": "VSI-EN;judgement"}
    return {"zone": "outside", "discipline": False, "sources": "VSI-EN"}


# --- universal, targeted, indicated -----------------------------------------------------


class SortingExercise(Check):
    """Sort situations into universal, targeted and indicated support (seed 001).

    ``check`` takes a dict ``{situation: level}`` (keys of :data:`SORTING`; levels
    from :data:`LEVELS`) or a list of levels in the order of :data:`SORTING`.

    Examples
    --------
    >>> ex = SortingExercise()
    >>> ex.check(dict(SORTING)).status
    'correct'
    >>> ex.check({"harsh": "universal"}).status
    'invalid'
    """

    def __init__(self):
        super().__init__(
            text("method.sort.question"),
            hint=text("method.sort.hint"),
            solution=text("method.sort.solution"),
        )

    def _check(self, value) -> ExplainedFeedback:
        keys = list(SORTING)
        if isinstance(value, (list, tuple)):
            value = dict(zip(keys, value, strict=False))
        if not isinstance(value, dict):
            raise Invalid("method.sort.choose_all", open=len(keys))
        answers = {k: value.get(k) for k in keys}
        open_ = [k for k, v in answers.items() if v in (None, "")]
        if open_:
            raise Invalid("method.sort.choose_all", open=len(open_))
        unknown = [str(v) for v in answers.values() if v not in LEVELS]
        if unknown:
            raise Invalid("method.unknown_choice", value=unknown[0][:40])
        lines, right = [], 0
        for key in keys:
            ok = answers[key] == SORTING[key]
            right += ok
            lines.append(
                text(
                    "method.sort.line_right" if ok else "method.sort.line_wrong",
                    situation=text(f"method.sort.item.{key}"),
                    level=text(f"method.level.{answers[key]}"),
                    why=text(f"method.sort.why.{key}") if ok else text(f"method.sort.nudge.{key}"),
                )
            )
        lines.append(text("method.sort.source", sources=cite_all("seed001")))
        if right == len(keys):
            return ExplainedFeedback("correct", text("method.sort.correct"), "", tuple(lines))
        status = "close" if right >= len(keys) - 2 else "incorrect"
        message = text("method.sort.some_wrong", right=right, n=len(keys))
        return ExplainedFeedback(status, message, self.hint, tuple(lines))
