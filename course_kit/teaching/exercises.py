"""Self-checking exercises for the course notebooks.

An exercise holds a question, the right answer, a hint and a worked solution.
``exercise.check(value)`` is pure and never raises: it turns whatever a
participant typed (``"0,45"``, ``" 0.45 "``, ``"abc"``, ``""``, ``None``,
``"1e999"``) into a :class:`Feedback` with a friendly message. ``exercise.widget()``
wraps the same check in a small ipywidgets box for the notebooks.

Four kinds of exercise exist:

* :class:`NumericExercise` - one number, within a tolerance ("close" gives a nudge);
* :class:`ChoiceExercise` - pick one option;
* :class:`MultiSelectExercise` - tick all options that apply;
* :class:`TextListExercise` - several numbers typed in one box, e.g. six ratings.

Decimal commas are accepted everywhere (``"0,45"`` is 0.45), because Swedish and
Norwegian keyboards and habits use them.

Solutions are hidden from participants: the widget never shows ``solution``.
Instructors use the instructor edition of the notebooks
(``python scripts/make_editions.py``), which runs in instructor mode
(``COURSE_KIT_INSTRUCTOR=1``): every exercise widget then has a "Solution" panel,
and ``exercise.show_solution()`` returns the solution. Outside instructor mode
``show_solution()`` only points to the instructor edition.

Examples
--------
>>> from course_kit.exercises import NumericExercise
>>> ex = NumericExercise("What is 2 x 0.24?", answer=0.48, tolerance=0.005, hint="Multiply.")
>>> ex.check("0,48").correct
True
>>> ex.check("abc").status
'invalid'
"""

from __future__ import annotations

import functools
import html
import math
import numbers
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from course_kit import _board_client, i18n
from course_kit._result import Result, html_view
from course_kit._validation import check_number
from course_kit.messages import text
from course_kit.teaching import board_answers

__all__ = [
    "ChoiceExercise",
    "Feedback",
    "MultiSelectExercise",
    "NumericExercise",
    "TextListExercise",
    "Unreadable",
    "check_controls",
    "check_safely",
    "course",
    "instructor_mode",
    "parse_number",
    "parse_number_list",
    "solution_html",
]

STATUSES = ("correct", "close", "incorrect", "invalid")
_COLOURS = {  # colour-blind safe (Okabe-Ito), with a pale background
    "correct": ("#009E73", "#e6f5ef"),
    "close": ("#E69F00", "#fdf3e0"),
    "incorrect": ("#D55E00", "#fbece3"),
    "invalid": ("#0072B2", "#e5f0f8"),
}
_MINUS_SIGNS = "\u2212\u2013\u2012"  # typographic minus and dashes people paste in
_SPACES = " \u00a0\u202f\u2009'"  # thousands separators: space, nbsp, thin spaces, '
# Words before ("d =", "about") or after ("infants", "points") one number. Only letters
# count as words, so "1e5", "0,45" and "1 099" are left to the number parser.
_AROUND_NUMBER = re.compile(
    r"(?:[^\W\d_][^\W\d_'’ ]*(?:\s+[^\W\d_][^\W\d_'’]*)*\.?\s*[=:≈~]?\s*)?"
    r"(?P<number>[+-]?[\d.,\s\u00a0\u202f\u2009']*\d\s*%?)"
    r"(?:\s+[^\W\d_][^\W\d_'’]*(?:\s+[^\W\d_][^\W\d_'’.]*)*\.?)?"
)


def instructor_mode() -> bool:
    """True when ``COURSE_KIT_INSTRUCTOR`` is set to 1/true/yes (solutions are shown)."""
    return os.environ.get("COURSE_KIT_INSTRUCTOR", "").strip().lower() in {"1", "true", "yes"}


# --- parsing what people type ---------------------------------------------------------


class Unreadable(Exception):
    """An answer that cannot be checked (empty, not a number, no option chosen...).

    ``key`` names the message that tells the participant why, ``values`` fill it in.
    An exercise's ``_check`` raises it; :func:`check_safely` turns it into feedback.
    """

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key = key
        self.values = values


def _show(value, limit: int = 40) -> str:
    """A short, printable version of what the participant typed."""
    shown = str(value).strip()
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _parse_one(value) -> float:
    if value is None:
        raise Unreadable("exercises.empty")
    if isinstance(value, bool):
        raise Unreadable("exercises.not_a_number", value=_show(value))
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        s = value.strip()
        if not s:
            raise Unreadable("exercises.empty")
        for sign in _MINUS_SIGNS:
            s = s.replace(sign, "-")
        # "130 infants", "d = 0.57", "about 58 %": keep the number, drop the words around it
        words = _AROUND_NUMBER.fullmatch(s)
        if words:
            s = words.group("number")
        s = s.rstrip("%").strip()
        for space in _SPACES:
            s = s.replace(space, "")
        if "," in s and "." in s:
            # "1,099.5" (English) or "1.099,5" (Swedish): the last mark is the decimal one
            if s.rfind(",") > s.rfind("."):
                s = s.replace(".", "").replace(",", ".")
            else:
                s = s.replace(",", "")
        elif s.count(",") == 1:
            s = s.replace(",", ".")  # decimal comma: "0,45" means 0.45
        if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", s):
            raise Unreadable("exercises.not_a_number", value=_show(value))
        number = float(s)
    else:
        raise Unreadable("exercises.not_a_number", value=_show(value))
    if math.isnan(number):
        raise Unreadable("exercises.not_a_number", value=_show(value))
    if math.isinf(number) or abs(number) > 1e12:
        raise Unreadable("exercises.too_large", value=_show(value))
    return number


def parse_number(value) -> float | None:
    """Read one number the way a participant may type it; ``None`` if unreadable.

    Accepts ints and floats, and text such as ``"0.45"``, ``"0,45"`` (decimal
    comma), ``"−0.3"`` (typographic minus), ``"65%"`` (read as 65), ``"130 infants"``
    and ``"d = 0.57"`` (words around one number are dropped) and
    ``"1 099"`` or ``"1,099.5"`` (thousands separators). One comma alone is a
    decimal comma, so ``"1,099"`` is 1.099. Infinite, huge (> 1e12) and NaN
    values are rejected.

    Examples
    --------
    >>> parse_number("0,5"), parse_number("-1.5e-1"), parse_number("abc")
    (0.5, -0.15, None)
    """
    try:
        return _parse_one(value)
    except Unreadable:
        return None


def _split_list(value: str, expected: int | None) -> list[str]:
    s = value.strip().strip(",;").strip()
    if ";" in s:
        return [p for p in re.split(r"\s*;\s*", s) if p]
    # Commas separate numbers ("5, 7, 3" or "5,7,3"), unless the list is spaced and
    # the count only works with decimal commas ("5,5 7 3").
    by_comma = [p for p in re.split(r"[,\s]+", s) if p]
    by_space = [p for p in re.split(r"\s+", s) if p]
    if expected is not None and len(by_comma) != expected and len(by_space) == expected:
        return by_space
    return by_comma


def _parse_list(value, expected: int | None) -> list[float]:
    if value is None:
        raise Unreadable("exercises.empty")
    if isinstance(value, str):
        if not value.strip(" ,;\t\n"):
            raise Unreadable("exercises.empty")
        parts: Iterable = _split_list(value, expected)
    elif isinstance(value, Iterable):
        parts = list(value)
    else:
        parts = [value]
    numbers_, bad = [], []
    for i, part in enumerate(parts, start=1):
        try:
            numbers_.append(_parse_one(part))
        except Unreadable:
            bad.append(f"{i} ({_show(part, 12)})")
    if bad:
        raise Unreadable("exercises.list_unreadable", items=", ".join(bad))
    if not numbers_:
        raise Unreadable("exercises.empty")
    if expected is not None and len(numbers_) != expected:
        raise Unreadable("exercises.list_wrong_length", expected=expected, found=len(numbers_))
    return numbers_


def parse_number_list(value, expected: int | None = None) -> list[float] | None:
    """Read several numbers typed in one box; ``None`` if they cannot be read.

    Numbers may be separated by commas, spaces or semicolons. With semicolons,
    or when ``expected`` only fits that way, commas are read as decimal commas
    (``"5,5; 7; 3"`` and ``"5,5 7 3"`` are both 5.5, 7, 3). A list or array is
    accepted as it is.

    Examples
    --------
    >>> parse_number_list("5, 7, 3")
    [5.0, 7.0, 3.0]
    >>> parse_number_list("5,5 7 3", expected=3)
    [5.5, 7.0, 3.0]
    """
    try:
        return _parse_list(value, expected)
    except Unreadable:
        return None


# --- feedback ------------------------------------------------------------------------


@dataclass(frozen=True)
class Feedback(Result):
    """The result of checking one answer.

    Attributes
    ----------
    status : {"correct", "close", "incorrect", "invalid"}
        ``"invalid"`` means the answer could not be read (empty, text, ...).
    message : str
        A friendly sentence for the participant.
    hint : str
        The exercise's hint, given with every answer that is not correct ("" if none).

    Examples
    --------
    >>> print(Feedback("correct", "Well done."))
    Well done.
    """

    status: str
    message: str
    hint: str = ""

    @property
    def correct(self) -> bool:
        """True only for a correct answer."""
        return self.status == "correct"

    def summary(self) -> str:
        """Message and hint as plain text."""
        if self.hint and not self.correct:
            return f"{self.message}\n{text('exercises.hint', hint=self.hint)}"
        return self.message

    def to_frame(self):
        """One row: status, message, hint."""
        import pandas as pd

        return pd.DataFrame([{"status": self.status, "message": self.message, "hint": self.hint}])

    def _repr_html_(self) -> str:
        # a coloured box (richer than the base's paragraph): the status is seen at a glance
        return self._feedback_html(())

    def _feedback_html(self, lines) -> str:
        colour, background = _COLOURS[self.status]
        hint = text("exercises.hint", hint=self.hint) if self.hint and not self.correct else ""
        return html_view(
            "feedback",
            status=self.status,
            colour=colour,
            background=background,
            message=self.message,
            hint=hint,
            lines=lines,
        )


def _text_arg(value, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be text (got {type(value).__name__}).")
    return value


# --- checking, shown in a widget (shared with the method's self-checks) ----------------


def check_safely(check: Callable[[object], Feedback], value, hint: str = "") -> Feedback:
    """``check(value)``, with an unreadable answer or any surprise turned into feedback.

    Parameters
    ----------
    check : callable
        ``check(value) -> Feedback``; it may raise :class:`Unreadable`.
    value : object
        Whatever the participant typed or clicked.
    hint : str, optional
        Given with the "invalid" feedback.

    Returns
    -------
    Feedback
        Never raises: a participant must never see a traceback.

    Examples
    --------
    >>> def positive(value):
    ...     if value is None:
    ...         raise Unreadable("exercises.empty")
    ...     return Feedback("correct" if value > 0 else "incorrect", "")
    >>> check_safely(positive, None).status, check_safely(positive, "2").status
    ('invalid', 'invalid')
    """
    try:
        return check(value)
    except Unreadable as problem:
        return Feedback("invalid", text(problem.key, **problem.values), hint)
    except Exception:  # a participant must never see a traceback
        return Feedback("invalid", text("exercises.unexpected"), hint)


def solution_html(solution: str) -> str:
    """The worked solution as an HTML panel (callers show it in instructor mode only)."""
    body = html.escape(solution).replace("\n", "<br>")
    return (
        '<div class="ck-exercise-solution" style="border-left:4px solid #56B4E9;'
        f'padding:6px 10px;background:#eef7fc"><b>{html.escape(text("exercises.solution_title"))}'
        f"</b><br>{body}</div>"
    )


def check_controls(exercise, read: Callable[[], object], inputs: Iterable = ()):
    """A Check button and a feedback area wired to ``exercise.check(read())``.

    A click checks the answer, shows the feedback and hands the checked answer to
    the class board (:func:`course_kit.teaching.board_answers.hand_over`, which sends course
    exercises only, on a course hub only, and never raises).

    Parameters
    ----------
    exercise : exercise, or callable
        Anything with ``check(value) -> Feedback``, or a function that returns the
        exercise on screen (for widgets that switch between exercises).
    read : callable
        ``read()`` returns the answer from the widget's inputs.
    inputs : iterable of widgets, optional
        The answer inputs, marked ``ck-exercise-input`` for the browser tests.

    Returns
    -------
    button, feedback : ipywidgets.Button, ipywidgets.HTML
        With the CSS classes ``ck-exercise-check`` and ``ck-exercise-feedback``.
    """
    import ipywidgets as widgets

    current = exercise if callable(exercise) else lambda: exercise
    button = widgets.Button(
        description=text("exercises.check_button"),
        button_style="primary",
        # never shrink: beside a dropdown of long options the row would squeeze the
        # button to "K..." (Swedish "Kontrollera")
        layout=widgets.Layout(width="auto", flex="0 0 auto"),
    )
    button.add_class("ck-exercise-check")
    feedback = widgets.HTML(value="")
    feedback.add_class("ck-exercise-feedback")
    for box in inputs:
        box.add_class("ck-exercise-input")

    def on_click(_=None):
        shown, value = current(), read()
        result = shown.check(value)
        feedback.value = result._repr_html_()
        board_answers.hand_over(shown, value, result)  # on a course hub only; never raises

    button.on_click(on_click)
    return button, feedback


# --- the exercises -------------------------------------------------------------------


class _Exercise:
    """Shared behaviour: hint, hidden solution, widget plumbing."""

    question: str
    hint: str
    solution: str

    def __init__(self, question: str, hint: str = "", solution: str = ""):
        self.question = _text_arg(question, "question")
        if not question.strip():
            raise ValueError("question is empty: write the question the participant answers.")
        self.hint = _text_arg(hint, "hint")
        self.solution = _text_arg(solution, "solution")

    # subclasses implement _check(value) -> Feedback and may raise Unreadable
    def _check(self, value) -> Feedback:  # pragma: no cover - abstract
        raise NotImplementedError

    def check(self, value) -> Feedback:
        """Check an answer; never raises, whatever ``value`` is."""
        return check_safely(self._check, value, self.hint)

    def _feedback(self, status: str, message: str) -> Feedback:
        return Feedback(status, message, "" if status == "correct" else self.hint)

    def show_solution(self):
        """The worked solution as HTML, in instructor mode only.

        Outside instructor mode (the participant edition) it returns a short note
        that the solutions are in the instructor edition.
        """
        from IPython.display import HTML

        if not instructor_mode():
            return HTML(f"<p>{html.escape(text('exercises.solution_instructor_only'))}</p>")
        return HTML(self._solution_html())

    def _solution_html(self) -> str:
        return solution_html(self.solution or text("exercises.no_solution"))

    # -- widget ---------------------------------------------------------------------
    def _make_input(self, widgets):  # pragma: no cover - overridden
        raise NotImplementedError

    def _read_input(self, box):
        return box.value

    def widget(self):
        """An ipywidgets box: the question, an answer input, a Check button and feedback.

        CSS classes for browser tests: ``ck-exercise-input`` (input),
        ``ck-exercise-check`` (button), ``ck-exercise-feedback`` (feedback area).
        The solution is shown only in instructor mode (``COURSE_KIT_INSTRUCTOR=1``).
        """
        import ipywidgets as widgets

        question = widgets.HTML(f"<b>{html.escape(self.question)}</b>")
        answer = self._make_input(widgets)
        if not getattr(answer, "description", None) and not hasattr(answer, "children"):
            answer.tooltip = self.question  # the input's accessible name (see _widgets)
        button, feedback = check_controls(self, lambda: self._read_input(answer))
        # tick boxes stack vertically, so their button goes under them
        row = widgets.VBox if isinstance(self, MultiSelectExercise) else widgets.HBox
        children = [question, row([answer, button]), feedback]
        if _board_client.notice():
            children.append(widgets.HTML(f"<small>{html.escape(_board_client.notice())}</small>"))
        if instructor_mode():
            children.append(widgets.HTML(self._solution_html()))
        box = widgets.VBox(children)
        box.add_class("ck-exercise")
        # kept for tests and for instructors who script a demonstration
        box.answer, box.check_button, box.feedback = answer, button, feedback
        return box

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget())


class NumericExercise(_Exercise):
    """A question whose answer is one number.

    Parameters
    ----------
    question : str
        The question, in plain words.
    answer : float
        The right answer.
    tolerance : float
        Answers within ``tolerance`` of ``answer`` are correct (e.g. 0.005 for
        "two decimals").
    hint : str, optional
        Shown with every answer that is not correct.
    solution : str, optional
        The worked solution; hidden from participants (see the module docstring).
    unit : str, optional
        Shown after the number in the feedback, e.g. ``"%"``.
    close : float, optional
        Answers within ``close`` (but not ``tolerance``) get a "close" message;
        default ``5 * tolerance``.
    mistakes : dict, optional
        Typical wrong answers and a specific message for each, e.g.
        ``{0.24: "That is r, not d: convert it first."}``; matched with ``tolerance``.

    Examples
    --------
    >>> ex = NumericExercise("Share of secure infants, in %?", answer=65, tolerance=0.5, unit="%")
    >>> ex.check("65 %").status, ex.check("0,65").status
    ('correct', 'close')
    """

    def __init__(
        self,
        question: str,
        answer: float,
        tolerance: float,
        hint: str = "",
        solution: str = "",
        *,
        unit: str = "",
        close: float | None = None,
        mistakes: dict[float, str] | None = None,
    ):
        super().__init__(question, hint, solution)
        self.answer = check_number(answer, "answer")
        self.tolerance = check_number(tolerance, "tolerance", low=0)
        self.close = check_number(
            5 * self.tolerance if close is None else close, "close", low=self.tolerance
        )
        self.unit = _text_arg(unit, "unit")
        self.mistakes = {}
        for wrong, message in (mistakes or {}).items():
            self.mistakes[check_number(wrong, "mistakes (a wrong answer)")] = _text_arg(
                message, "mistakes (a message)"
            )

    def _fmt(self, value: float) -> str:
        # in the reader's locale: 0,4 and 5,76 % in sv/nb (English: 0.4 and 5.76%)
        shown = i18n.format_value(value, "g")
        if self.unit == "%":
            return shown + ("%" if i18n.get_language() == "en" else "\u00a0%")
        return f"{shown} {self.unit}".strip()

    def _check(self, value) -> Feedback:
        number = _parse_one(value)
        shown = self._fmt(number)
        error = abs(number - self.answer)
        if error <= self.tolerance + 1e-12:
            return self._feedback("correct", text("exercises.correct_value", value=shown))
        for wrong, message in self.mistakes.items():
            if abs(number - wrong) <= self.tolerance + 1e-12:
                return self._feedback("incorrect", message)
        # two slips worth a specific nudge: a flipped sign, and a share typed for a percentage
        if self.answer != 0 and abs(number + self.answer) <= self.tolerance + 1e-12:
            return self._feedback("close", text("exercises.wrong_sign", value=shown))
        if self.unit == "%" and abs(100 * number - self.answer) <= self.tolerance + 1e-12:
            # the number as typed, without "%": "0.0576 looks like a share", not "0.0576%"
            typed = i18n.format_value(number, "g")
            return self._feedback("close", text("exercises.share_not_percent", value=typed))
        if self.unit != "%" and abs(number / 100 - self.answer) <= self.tolerance + 1e-12:
            return self._feedback("close", text("exercises.percent_not_share", value=shown))
        if error <= self.close + 1e-12:
            return self._feedback("close", text("exercises.close", value=shown))
        direction = "exercises.too_high" if number > self.answer else "exercises.too_low"
        return self._feedback("incorrect", text(direction, value=shown))

    def _make_input(self, widgets):
        box = widgets.Text(
            placeholder=text("exercises.number_placeholder"),
            layout=widgets.Layout(width="14em"),
        )
        box.add_class("ck-exercise-input")
        return box


def _norm(option: str) -> str:
    return " ".join(str(option).split()).casefold()


def _and_list(items: list[str]) -> str:
    """``"a), b) and c)"`` in the reader's language (Babel's list pattern outside English)."""
    lang = i18n.get_language()
    if lang != "en":
        from babel.lists import format_list

        return format_list(items, locale=i18n.LOCALES[lang])
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _check_options(options) -> list[str]:
    if isinstance(options, str) or not isinstance(options, Sequence):
        raise TypeError("options must be a list of texts, e.g. ['secure', 'avoidant'].")
    options = [_text_arg(o, "options") for o in options]
    if len(options) < 2:
        raise ValueError("options must hold at least two choices.")
    if len({_norm(o) for o in options}) != len(options):
        raise ValueError("options must all be different.")
    return options


def _find_option(options: list[str], value) -> str:
    """The option meant by ``value``: its text, its letter ("b") or its position (1)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise Unreadable("exercises.choose")
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        if 0 <= int(value) < len(options):
            return options[int(value)]
    elif isinstance(value, str):
        wanted = _norm(value)
        for option in options:
            if _norm(option) == wanted:
                return option
        letter = wanted.rstrip(").")
        if len(letter) == 1 and "a" <= letter < chr(ord("a") + len(options)):
            return options[ord(letter) - ord("a")]
    raise Unreadable("exercises.unknown_option", value=_show(value))


class ChoiceExercise(_Exercise):
    """Pick the one right option.

    Parameters
    ----------
    question : str
    options : sequence of str
        The options, shown in this order.
    answer : str
        The right option (one of ``options``).
    hint, solution : str, optional
    explanations : dict, optional
        A message per (wrong or right) option, shown when it is chosen.

    ``check`` accepts the option text (case and spaces do not matter), its letter
    (``"a"``, ``"B"``) or its position as an int starting at 0.

    Examples
    --------
    >>> ex = ChoiceExercise("Which is most common?", ["avoidant", "secure"], answer="secure")
    >>> ex.check("Secure").correct, ex.check("a").correct
    (True, False)
    """

    def __init__(
        self,
        question: str,
        options: Sequence[str],
        answer: str,
        hint: str = "",
        solution: str = "",
        *,
        explanations: dict[str, str] | None = None,
    ):
        super().__init__(question, hint, solution)
        self.options = _check_options(options)
        if answer not in self.options:
            raise ValueError(f"answer must be one of options {self.options} (got {answer!r}).")
        self.answer = answer
        self.explanations = {}
        for option, message in (explanations or {}).items():
            if option not in self.options:
                raise ValueError(f"explanations names {option!r}, which is not one of options.")
            self.explanations[option] = _text_arg(message, "explanations")

    def _find(self, value) -> str:
        return _find_option(self.options, value)

    def _check(self, value) -> Feedback:
        chosen = self._find(value)
        extra = self.explanations.get(chosen, "")
        if chosen == self.answer:
            message = text("exercises.correct_choice")
            return self._feedback("correct", f"{message} {extra}".strip())
        message = text("exercises.incorrect_choice", value=chosen)
        return self._feedback("incorrect", f"{message} {extra}".strip())

    def _make_input(self, widgets):
        box = widgets.Dropdown(
            options=[(text("exercises.choose_placeholder"), None)]
            + [(f"{chr(ord('a') + i)}) {o}", o) for i, o in enumerate(self.options)],
            value=None,
            # may shrink below its longest option, so that the Check button beside it
            # keeps its place in the row
            layout=widgets.Layout(width="auto", min_width="0"),
        )
        box.add_class("ck-exercise-input")
        return box


class MultiSelectExercise(_Exercise):
    """Tick every option that applies.

    Parameters
    ----------
    question : str
    options : sequence of str
    answers : collection of str
        The right options (a non-empty subset of ``options``).
    hint, solution : str, optional
    explanations : dict, optional
        Why an option does not apply, shown when it is ticked.

    ``check`` accepts a list of option texts (or letters), or one text with
    letters separated by commas or spaces (``"a, c"``). When a ticked option does
    not apply, the feedback names it (by its letter) and gives its explanation.

    Examples
    --------
    >>> ex = MultiSelectExercise(
    ...     "Pick the insecure patterns",
    ...     ["secure", "avoidant", "resistant"],
    ...     answers=["avoidant", "resistant"],
    ... )
    >>> ex.check("b, c").correct, ex.check(["avoidant"]).status
    (True, 'close')
    """

    def __init__(
        self,
        question: str,
        options: Sequence[str],
        answers: Iterable[str],
        hint: str = "",
        solution: str = "",
        *,
        explanations: dict[str, str] | None = None,
    ):
        super().__init__(question, hint, solution)
        self.options = _check_options(options)
        self.explanations = {}
        for option, message in (explanations or {}).items():
            if option not in self.options:
                raise ValueError(f"explanations names {option!r}, which is not one of options.")
            self.explanations[option] = _text_arg(message, "explanations")
        if isinstance(answers, str):
            raise TypeError("answers must be a list of options, not one text.")
        self.answers = set(answers)
        if not self.answers:
            raise ValueError("answers is empty: at least one option must be right.")
        unknown = self.answers - set(self.options)
        if unknown:
            raise ValueError(f"answers holds {sorted(unknown)}, which are not among options.")

    def _check(self, value) -> Feedback:
        if value is None:
            raise Unreadable("exercises.choose_some")
        if isinstance(value, str):
            items = [p for p in re.split(r"[,;\s]+", value.strip()) if p]
            if len(items) == 1 and _norm(value) in {_norm(o) for o in self.options}:
                items = [value]
        elif isinstance(value, Iterable):
            items = list(value)
        else:
            items = [value]
        if not items:
            raise Unreadable("exercises.choose_some")
        chosen = {_find_option(self.options, item) for item in items}
        right = chosen & self.answers
        wrong = chosen - self.answers
        if chosen == self.answers:
            return self._feedback("correct", text("exercises.correct_multi"))
        if not wrong and right:
            missing = len(self.answers) - len(right)
            return self._feedback("close", text("exercises.multi_missing", missing=missing))
        ticked = [o for o in self.options if o in wrong]  # in the order shown
        letters = [f"{chr(ord('a') + self.options.index(o))})" for o in ticked]
        named = _and_list(letters)
        key = (
            "exercises.multi_wrong_named"
            if len(ticked) == 1
            else "exercises.multi_wrong_named_many"
        )
        why = " ".join(self.explanations.get(o, "") for o in ticked).strip()
        return self._feedback("incorrect", text(key, options=named, why=why).strip())

    def _make_input(self, widgets):
        boxes = []
        for i, option in enumerate(self.options):
            box = widgets.Checkbox(
                value=False,
                description=f"{chr(ord('a') + i)}) {option}",
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            box.add_class("ck-exercise-input")
            box.option = option
            boxes.append(box)
        return widgets.VBox(boxes)

    def _read_input(self, box):
        return [c.option for c in box.children if c.value]


JudgeResult = tuple[str, str]


class TextListExercise(_Exercise):
    """Several numbers typed in one text box (e.g. your ratings of six vignettes).

    Parameters
    ----------
    question : str
    answers : sequence of float
        The reference values, in order.
    tolerance : float, default 0
        An item is right when it is within ``tolerance`` of its reference value.
    hint, solution : str, optional
    labels : sequence of str, optional
        Names of the items for the feedback (default "1", "2", ...).
    judge : callable, optional
        ``judge(values) -> (status, message)`` replaces the item-by-item
        comparison, e.g. to call ``reliability.certify_coder``. ``values`` is
        the list of parsed numbers (already of the right length and within
        ``low``..``high``).
    low, high : float, optional
        The allowed range of each value (e.g. 1 and 9 for the Ainsworth scale).
    integer : bool, default False
        Accept whole numbers only (e.g. ratings on a 9-point scale).

    Examples
    --------
    >>> ex = TextListExercise(
    ...     "Rate the three clips (1-9)", answers=[7, 3, 5], tolerance=1, low=1, high=9
    ... )
    >>> ex.check("7, 4, 5").correct, ex.check("7 3").status
    (True, 'invalid')
    """

    def __init__(
        self,
        question: str,
        answers: Sequence[float],
        tolerance: float = 0.0,
        hint: str = "",
        solution: str = "",
        *,
        labels: Sequence[str] | None = None,
        judge: Callable[[list[float]], JudgeResult] | None = None,
        low: float | None = None,
        high: float | None = None,
        integer: bool = False,
    ):
        super().__init__(question, hint, solution)
        if not isinstance(integer, bool):
            raise TypeError(f"integer must be True or False (got {integer!r}).")
        self.integer = integer
        if isinstance(answers, str) or not isinstance(answers, Iterable):
            raise TypeError("answers must be a list of numbers.")
        self.answers = [check_number(a, "answers") for a in answers]
        if not self.answers:
            raise ValueError("answers is empty: give at least one reference value.")
        self.tolerance = check_number(tolerance, "tolerance", low=0)
        n = len(self.answers)
        self.labels = [str(i) for i in range(1, n + 1)] if labels is None else list(labels)
        if len(self.labels) != n:
            raise ValueError(f"labels must have {n} entries, one per answer.")
        if judge is not None and not callable(judge):
            raise TypeError("judge must be a function judge(values) -> (status, message).")
        self.judge = judge
        self.low = None if low is None else check_number(low, "low")
        self.high = None if high is None else check_number(high, "high")

    def _check(self, value) -> Feedback:
        values = _parse_list(value, expected=len(self.answers))
        outside = [
            self.labels[i]
            for i, v in enumerate(values)
            if (self.low is not None and v < self.low) or (self.high is not None and v > self.high)
        ]
        if outside:
            raise Unreadable(
                "exercises.list_out_of_range",
                items=", ".join(outside),
                low=i18n.format_value(self.low, "g"),
                high=i18n.format_value(self.high, "g"),
            )
        if self.integer:
            fractions = [self.labels[i] for i, v in enumerate(values) if v != int(v)]
            if fractions:
                raise Unreadable("exercises.list_not_whole", items=", ".join(fractions))
        if self.judge is not None:
            status, message = self.judge(values)
            if status not in STATUSES:
                raise ValueError(f"judge returned an unknown status {status!r}.")
            return self._feedback(status, message)
        off = [
            self.labels[i]
            for i, (v, a) in enumerate(zip(values, self.answers, strict=True))
            if abs(v - a) > self.tolerance + 1e-12
        ]
        if not off:
            return self._feedback("correct", text("exercises.correct_list", n=len(values)))
        status = "close" if len(off) <= max(1, len(values) // 3) else "incorrect"
        return self._feedback(
            status, text("exercises.list_items_off", items=", ".join(off), n=len(values))
        )

    def _make_input(self, widgets):
        box = widgets.Text(
            placeholder=text("exercises.list_placeholder", n=len(self.answers)),
            layout=widgets.Layout(width="22em"),
        )
        box.add_class("ck-exercise-input")
        return box


# --- the course's own exercises ------------------------------------------------------


def exercise(name: str):
    """The exercise ``name`` of a course notebook, e.g. ``exercise("01.secure_count")``.

    The question, hint, solution and options come from ``course_kit.messages``
    (keys ``exercises.<name>.*``); the answer from :mod:`course_kit.teaching.bank`.
    Notebooks call this instead of typing the answer into a cell that
    participants read.

    Examples
    --------
    >>> exercise("01.secure_count").check("130").correct
    True
    """
    from course_kit.teaching.bank import BANK

    if name not in BANK:
        raise ValueError(f"name must be one of the course exercises {sorted(BANK)} (got {name!r}).")
    spec = dict(BANK[name])
    kind = spec.pop("kind")
    judge = spec.pop("judge", None)

    def say(part: str) -> str:
        return text(f"exercises.{name}.{part}")

    common = {"question": say("question"), "hint": say("hint"), "solution": say("solution")}
    if kind == "numeric":
        mistakes = {wrong: say(key) for wrong, key in spec.pop("mistakes", {}).items()}
        return NumericExercise(**common, mistakes=mistakes, **spec)
    options = {key: say(f"option_{key}") for key in spec.pop("options", [])}
    if kind == "choice":
        explanations = {options[k]: say(v) for k, v in spec.pop("explanations", {}).items()}
        return ChoiceExercise(
            **common,
            options=list(options.values()),
            answer=options[spec.pop("answer")],
            explanations=explanations,
        )
    if kind == "multi":
        answers = [options[k] for k in spec.pop("answers")]
        explanations = {options[k]: say(v) for k, v in spec.pop("explanations", {}).items()}
        return MultiSelectExercise(
            **common, options=list(options.values()), answers=answers, explanations=explanations
        )
    if kind == "list":
        return TextListExercise(**common, judge=judge() if judge else None, **spec)
    raise ValueError(f"unknown exercise kind {kind!r} for {name!r}.")  # pragma: no cover


def course(name: str):
    """Deprecated: use :func:`exercise` (``course`` was easy to mistake for
    the :mod:`course_kit.course` module)."""
    import warnings

    warnings.warn(
        "course_kit.exercises.course() is now course_kit.exercises.exercise().",
        DeprecationWarning,
        stacklevel=2,
    )
    return exercise(name)


def _named(build):
    # The class board identifies an exercise by its bank name; only course exercises
    # carry one, so only they can ever be sent (see course_kit.teaching.board_answers).
    @functools.wraps(build)
    def exercise(name: str):
        built = build(name)
        built.board_id = name
        return built

    return exercise


exercise = _named(exercise)
