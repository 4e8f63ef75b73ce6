"""Phrasing video feedback for the individual parent (notebook 10).

Three short film fragments (SYNTHETIC, written for the course), each with four
ways an intervener might comment on it. :class:`PhrasingExercise` checks a
choice and then explains *every* option against three principles:

* **positive first** - begin with what goes well on the film (van IJzendoorn's
  description of VIPP; VIPP-SD International);
* **speaking for the child** - put the child's signals into words and invite
  the parent to add "subtitles" (van IJzendoorn; Leiden FAQ);
* **no blame** - the parent is the expert on their child (VIPP-SD International)
  and is not judged (the wording "no blame" is the course authors' judgement).

:data:`PARENTS` holds suggestions for adapting feedback to a depressed,
defensive or anxious parent, a parent with limited language, and fathers, each
with its source or the course-authors'-judgement label. :data:`CHECKLIST` is the
self-assessment list for the free-text exercise: free text is never graded,
stored or sent anywhere.

Examples
--------
>>> from course_kit.method.feedback_phrasing import PhrasingExercise
>>> ex = PhrasingExercise("tower")
>>> ex.check("b").status
'correct'
>>> len(ex.check("a").lines)  # four options explained, then the sources
5
"""

from __future__ import annotations

from course_kit.messages import text
from course_kit.method._base import Check, ExplainedFeedback, Invalid, find_choice
from course_kit.method.sources import cite_all

__all__ = [
    "CHECKLIST",
    "FRAGMENTS",
    "PARENTS",
    "PRINCIPLES",
    "PhrasingExercise",
    "checklist_summary",
    "parent_advice",
]

#: principle -> source keys
PRINCIPLES: dict[str, str] = {
    "positive_first": "MVIJ;VSI-NL",
    "speak_for_child": "MVIJ;LEIDEN-FAQ",
    "no_blame": "VSI-NL;judgement",
}

#: fragment -> (best option, {option: principles it meets}); texts in the message catalog.
FRAGMENTS: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "tower": (
        "b",
        {
            "a": (),
            "b": ("positive_first", "speak_for_child", "no_blame"),
            "c": ("positive_first", "no_blame"),
            "d": ("positive_first", "no_blame"),
        },
    ),
    "vase": (
        "b",
        {
            "a": (),
            "b": ("positive_first", "speak_for_child", "no_blame"),
            "c": ("no_blame",),
            "d": ("no_blame",),
        },
    ),
    "bottle": (
        "d",
        {
            "a": (),
            "b": ("speak_for_child", "no_blame"),
            "c": ("no_blame",),
            "d": ("positive_first", "speak_for_child", "no_blame"),
        },
    ),
}

#: parent -> [(advice key, source keys)]
PARENTS: dict[str, list[tuple[str, str]]] = {
    "depressed": [
        ("treatment", "seed001"),
        ("strengths", "MVIJ;judgement"),
        ("pace", "judgement"),
        ("perinatal", "PERINATAL"),
    ],
    "defensive": [
        ("alliance", "STOLK2008"),
        ("expert", "VSI-NL"),
        ("later", "judgement"),
    ],
    "anxious": [
        ("own_model", "VSI-NL;judgement"),
        ("calm_fragments", "judgement"),
        ("subtitles", "MVIJ"),
    ],
    "language": [
        ("interpreter", "judgement"),
        ("first_person", "LEIDEN-FAQ"),
        ("adapted", "VIPP-TM"),
    ],
    "father": [
        ("one_or_both", "CLAHRC"),
        ("flexible", "FATHERS"),
        ("own_relation", "judgement"),
    ],
}

#: self-assessment items for a free-text phrasing -> source keys
CHECKLIST: dict[str, str] = {
    "positive": "MVIJ;VSI-NL",
    "on_screen": "MVIJ",
    "child_words": "MVIJ",
    "confirm": "LEIDEN-FAQ",
    "no_blame": "VSI-NL;judgement",
    "short": "judgement",
}


def _fragment(key: str):
    if key not in FRAGMENTS:
        raise ValueError(text("method.error.fragment", keys=sorted(FRAGMENTS), value=repr(key)))
    return FRAGMENTS[key]


class PhrasingExercise(Check):
    """Choose the best of four phrasings for a film fragment.

    After every check the feedback explains all four options (which principles
    each meets), not only the one chosen.

    Parameters
    ----------
    fragment : str
        A key of :data:`FRAGMENTS` (``"tower"``, ``"vase"``, ``"bottle"``).

    Examples
    --------
    >>> PhrasingExercise("bottle").check("b").status
    'close'
    """

    def __init__(self, fragment: str):
        best, _ = _fragment(fragment)
        super().__init__(
            text(f"method.phrase.{fragment}.scene"),
            hint=text("method.phrase.hint"),
            solution=text(f"method.phrase.{fragment}.explain_{best}"),
        )
        self.fragment = fragment
        self.options = [text(f"method.phrase.{fragment}.option_{k}") for k in "abcd"]

    def _check(self, value) -> ExplainedFeedback:
        best, meets = FRAGMENTS[self.fragment]
        if value is None or (isinstance(value, str) and not value.strip()):
            raise Invalid("method.choose_phrasing")
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 4:
            value = "abcd"[value]
        letter = find_choice(value, dict(zip("abcd", self.options, strict=True)))
        order = [letter] + [k for k in "abcd" if k != letter]
        lines = []
        for k in order:
            principles = ", ".join(text(f"method.principle.{p}") for p in meets[k]) or text(
                "method.phrase.none"
            )
            lines.append(
                text(
                    "method.phrase.line",
                    letter=k,
                    mark=text("method.phrase.yours") if k == letter else "",
                    explain=text(f"method.phrase.{self.fragment}.explain_{k}"),
                    principles=principles,
                )
            )
        lines.append(
            text(
                "method.phrase.sources",
                sources="; ".join(
                    f"{text(f'method.principle.{p}')}: {cite_all(s)}" for p, s in PRINCIPLES.items()
                ),
            )
        )
        if letter == best:
            return ExplainedFeedback("correct", text("method.phrase.correct"), "", tuple(lines))
        status = "close" if len(meets[letter]) >= 2 else "incorrect"
        key = "method.phrase.close" if status == "close" else "method.phrase.incorrect"
        return ExplainedFeedback(status, text(key), self.hint, tuple(lines))


def parent_advice(parent: str) -> list[tuple[str, str]]:
    """Suggestions for adapting feedback to ``parent``, as (advice, source) pairs.

    Examples
    --------
    >>> advice = parent_advice("father")
    >>> "flexible" in advice[1][0].lower() or "time" in advice[1][0].lower()
    True
    """
    if parent not in PARENTS:
        raise ValueError(text("method.error.parent", keys=sorted(PARENTS), value=repr(parent)))
    return [
        (text(f"method.parent.{parent}.{key}"), cite_all(sources))
        for key, sources in PARENTS[parent]
    ]


def checklist_summary(ticked) -> str:
    """A plain summary of the self-assessment: what was ticked, what to look at again.

    This is not a grade: the participant ticks what they judge true of their own
    phrasing; the text they wrote is never read by the kit.

    Examples
    --------
    >>> "2 of 6" in checklist_summary(["positive", "short"])
    True
    """
    ticked = [k for k in CHECKLIST if k in set(ticked or [])]
    rest = [text(f"method.check.{k}") for k in CHECKLIST if k not in ticked]
    if not rest:
        return text("method.check.all", n=len(CHECKLIST))
    return text("method.check.some", ticked=len(ticked), n=len(CHECKLIST), rest="; ".join(rest))
