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
