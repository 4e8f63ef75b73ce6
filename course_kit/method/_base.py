"""What the method's self-checks share: a check that never raises, and explained feedback.

The method notebooks' checks (a case decision, a sorting, a phrasing) explain every
part of an answer with its source, so their feedback carries a list of lines. The
result type is the course's public :class:`course_kit.exercises.Feedback`, so the
checks look and behave like every other exercise of the kit.
"""

from __future__ import annotations

from dataclasses import dataclass

from course_kit.teaching.exercises import Feedback, Unreadable, check_safely


class Invalid(Unreadable):
    """The answer cannot be checked yet (empty, unknown choice...); ``key`` names the message."""


@dataclass(frozen=True)
class ExplainedFeedback(Feedback):
    """Feedback with one explained line per part of the answer (decision, target, option)."""

    lines: tuple = ()

    def summary(self) -> str:
        """Message, hint and every line as plain text."""
        return "\n".join([super().summary(), *self.lines])

    def _repr_html_(self) -> str:
        # the feedback box with the explained lines as a list inside it
        return self._feedback_html(self.lines)


class Check:
    """Base of the method's self-checks: question, hint, hidden solution, ``check``.

    Subclasses implement ``_check(value) -> Feedback`` and may raise :class:`Invalid`;
    :meth:`check` turns that (and any surprise) into friendly feedback, as every
    exercise of the kit does (:func:`course_kit.teaching.exercises.check_safely`).
    """

    def __init__(self, question: str, hint: str = "", solution: str = ""):
        self.question, self.hint, self.solution = question, hint, solution

    def _check(self, value) -> Feedback:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, value) -> Feedback:
        """Check an answer; never raises, whatever ``value`` is."""
        return check_safely(self._check, value, self.hint)


def find_choice(value, choices: dict[str, str]) -> str:
    """The key meant by ``value``: a key, its label (any case), or a letter a, b, c...

    ``choices`` maps keys to labels. Raises :class:`Invalid` when nothing matches.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise Invalid("method.choose_decision")
    wanted = " ".join(str(value).split()).casefold()
    for key, label in choices.items():
        if wanted in (key.casefold(), " ".join(label.split()).casefold()):
            return key
    raise Invalid("method.unknown_choice", value=str(value)[:40])
