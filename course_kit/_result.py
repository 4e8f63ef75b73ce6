"""The small base every result object of the kit shares.

A result says what it found in words (:meth:`Result.summary`) and as a table
(:meth:`Result.to_frame`); ``print(result)`` and Jupyter's display are derived
from these two, so each result class writes only what is its own.

HTML is written by one small template mechanism: Jinja2 templates in
``course_kit/templates/`` with autoescaping on (:func:`render_template`), and the
shared result views of ``templates/views.html.j2`` (:func:`html_view`). Words come
in already translated (``messages.text``) and numbers already formatted
(:func:`course_kit.i18n.format_value`, :func:`html_table`): the templates only lay them out.
"""

from __future__ import annotations

import functools
from pathlib import Path


class Result:
    """Base of the kit's result objects: ``summary()``, ``to_frame()``, ``str()``, HTML.

    Subclasses implement :meth:`summary` and :meth:`to_frame`; they override
    :meth:`_repr_html_` only for a richer view than the summary in a paragraph (its
    lines kept apart), built from the shared views of :func:`html_view`.

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
        return html_view("paragraph", text=self.summary())


@functools.cache
def _templates():
    # imported on first use: ``import course_kit`` stays light
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,  # every value is text unless a template marks it |safe
        undefined=jinja2.StrictUndefined,  # a misspelt name fails instead of showing nothing
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(name: str, **values) -> str:
    """Render the Jinja2 template ``course_kit/templates/<name>`` with autoescaping.

    Text values are HTML-escaped; a template marks an HTML fragment made by the kit
    (a table, a nested view, JSON for a script) with ``|safe``.

    Examples
    --------
    >>> render_template("views.html.j2")  # macros only: nothing to show by itself
    ''
    """
    return _templates().get_template(name).render(**values)


def html_view(name: str, **values) -> str:
    """One of the shared result views (a macro of ``templates/views.html.j2``).

    ``paragraph(text)``, ``paragraph_table(text, table_html)``, ``block(text, css_class)``
    (a ``<div>``), ``note_box(note, body_html, note_first=True)``,
    ``caption_table(caption, rows, css_class)`` and ``bullets(items)``. The lines of a
    multi-line text are kept apart by ``<br>``. Arguments ending in ``_html`` are HTML
    made by the kit; every other value is escaped.

    Examples
    --------
    >>> html_view("paragraph", text="I² < 50 %")
    '<p>I² &lt; 50 %</p>'
    >>> html_view("note_box", note="Q = 3.1", body_html="<table></table>", note_first=False)
    '<div><table></table><p>Q = 3.1</p></div>'
    """
    macro = getattr(_templates().get_template("views.html.j2").module, name)
    return str(macro(**values))


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
    return frame.to_html(float_format=lambda v: i18n.format_value(v, number_format), **options)
