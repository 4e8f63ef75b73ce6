"""The small base every result object of the kit shares.

A result says what it found in words (:meth:`Result.summary`) and as a table
(:meth:`Result.to_frame`); ``print(result)`` and Jupyter's display are derived
from these two, so each result class writes only what is its own.
"""

from __future__ import annotations

import html


class Result:
    """Base of the kit's result objects: ``summary()``, ``to_frame()``, ``str()``, HTML.

    Subclasses implement :meth:`summary` and :meth:`to_frame`; they override
    :meth:`_repr_html_` only for a richer view than the summary in a paragraph.

    Examples
    --------
    >>> class Mean(Result):
    ...     def __init__(self, value):
    ...         self.value = value
    ...
    ...     def summary(self):
    ...         return f"Mean: {self.value:.2f}"
    >>> print(Mean(1.234))
    Mean: 1.23
    >>> Mean(1.234)._repr_html_()
    '<p>Mean: 1.23</p>'
    """

    __slots__ = ()

    def summary(self) -> str:  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def to_frame(self):  # pragma: no cover - every subclass has its own
        raise NotImplementedError

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary())}</p>"


def format_number(value, spec: str) -> str:
    """``format(value, spec)`` in the reader's locale, exponents included (``"5,14e−21"``).

    The result views' name for :func:`course_kit.i18n.format_value`. English is unchanged.

    Examples
    --------
    >>> format_number(5.14e-21, ".3g"), format_number(0.5, ".2f")
    ('5.14e-21', '0.50')
    """
    from course_kit import i18n

    return i18n.format_value(value, spec)


def html_table(frame, number_format: str, **options) -> str:
    """``frame.to_html(...)`` for participants, in the reader's language.

    Column headers with a ``results.col.<name>`` message and True/False cells are
    translated, and numbers are written in the reader's locale
    (``number_format`` is a format spec such as ``".3f"``). English keeps the
    frame as it is, so its table does not change.
    """
    import numpy as np

    from course_kit import i18n
    from course_kit.messages import EN, text

    if i18n.get_language() != "en":
        frame = frame.rename(
            columns={c: text(f"results.col.{c}") for c in frame.columns if f"results.col.{c}" in EN}
        )
        yes_no = {True: text("results.true"), False: text("results.false")}

        def cell(v):
            if isinstance(v, (bool, np.bool_)):
                return yes_no[bool(v)]
            if isinstance(v, (int, np.integer)):
                return i18n.format_value(int(v), "d")  # a minus sign: −1
            return v

        frame = frame.apply(lambda col: col.map(cell) if col.dtype.kind in "biuO" else col)
    return frame.to_html(float_format=lambda v: format_number(v, number_format), **options)
