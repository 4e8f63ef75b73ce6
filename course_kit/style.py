"""The course's plotting style: colour-blind-safe, readable on a projector.

The palette is Okabe & Ito's eight colours (distinguishable with the common
forms of colour blindness). The style only sets matplotlib ``rcParams``, so any
matplotlib figure drawn inside it follows it.

Examples
--------
>>> from course_kit.style import use_course_style, PALETTE
>>> import matplotlib.pyplot as plt
>>> with use_course_style():  # doctest: +SKIP
...     fig, ax = plt.subplots()
>>> PALETTE["blue"]
'#0072B2'
"""

from __future__ import annotations

import functools

from cycler import cycler

# Okabe & Ito (2008), "Color Universal Design"; order chosen so that the first
# colours contrast well with each other and with black text.
PALETTE: dict[str, str] = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}

# Roles used by the forest and funnel plots.
COLORS: dict[str, str] = {
    "study": PALETTE["blue"],
    "whisker": "#222222",
    "pooled": "#000000",
    "subtotal": "#555555",
    "prediction": PALETTE["vermillion"],
    "imputed": PALETTE["vermillion"],
    "null": "#444444",
    "rule": "#999999",
    "muted": "#555555",
}

FONT_FAMILY = "DejaVu Sans"  # shipped with matplotlib: same glyphs on every machine


def course_rc(font_scale: float = 1.0) -> dict:
    """Return the course's matplotlib ``rcParams`` as a dict.

    Parameters
    ----------
    font_scale : float, default 1.0
        Multiplies every font size (e.g. 1.3 for a large lecture hall).
    """
    base = 12.0 * font_scale
    return {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY],
        "font.size": base,
        "axes.titlesize": base * 1.15,
        "axes.labelsize": base,
        "xtick.labelsize": base * 0.92,
        "ytick.labelsize": base * 0.92,
        "legend.fontsize": base * 0.92,
        "figure.titlesize": base * 1.25,
        "axes.prop_cycle": cycler(color=list(PALETTE.values())),
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.linewidth": 1.0,
        "axes.edgecolor": "#333333",
        "axes.titleweight": "bold",
        "lines.linewidth": 1.6,
        "legend.frameon": False,
        "figure.dpi": 100,
        "savefig.dpi": 200,
        "savefig.bbox": None,
        "image.cmap": "viridis",
        "mathtext.default": "regular",
        # Reproducible files: fixed hash salt for SVG ids, text kept as paths.
        "svg.hashsalt": "course-kit",
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
    }


class use_course_style:
    """Apply the course style.

    Works both as a call (the style stays on, e.g. at the top of a notebook)
    and as a context manager (the previous settings come back on exit).

    Only the course's own keys are restored on exit. ``matplotlib.rc_context``
    restores *every* parameter, including ``interactive``: when the first figure
    of a Jupyter kernel is drawn inside it, the inline backend switches
    interactive mode on inside the context, the exit switches it off again, and
    from then on the kernel shows no figure that a cell draws (matplotlib issue
    24351). The course's figures therefore use this class, never ``rc_context``.

    Parameters
    ----------
    font_scale : float, default 1.0
        Multiplies every font size.

    Examples
    --------
    >>> use_course_style()  # doctest: +SKIP
    >>> with use_course_style(font_scale=1.3):  # doctest: +SKIP
    ...     fig, ax = plt.subplots()
    """

    def __init__(self, font_scale: float = 1.0):
        import matplotlib as mpl

        from course_kit._validation import check_number

        check_number(font_scale, "font_scale", low=0, low_open=True)
        params = course_rc(font_scale)
        self._saved = {key: mpl.rcParams[key] for key in params}
        mpl.rcParams.update(params)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        import matplotlib as mpl

        mpl.rcParams.update(self._saved)
        return False


# --- alternative text ----------------------------------------------------------------
# A figure's alt text travels with the figure, so that whoever shows it (the
# notebook's inline display, a widget, the figure builder) can give it to the
# <img> element (WCAG 2.1, 1.1.1). Plots that know what they show (forest and
# funnel plots) set it; any other figure gets one composed from its titles.
_ALT_ATTRIBUTE = "_course_kit_alt"


def set_alt_text(fig, alt: str):
    """Attach alternative text to a matplotlib Figure (returns the figure).

    Examples
    --------
    >>> import matplotlib.pyplot as plt  # doctest: +SKIP
    >>> fig = set_alt_text(plt.figure(), "Bar chart of ...")  # doctest: +SKIP
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty text saying what the figure shows.")
    setattr(fig, _ALT_ATTRIBUTE, " ".join(alt.split()))
    return fig


def alt_text(fig) -> str:
    """What a figure shows, in words: its own alt text, or one made from its titles and axes.

    Examples
    --------
    >>> import matplotlib.pyplot as plt  # doctest: +SKIP
    >>> fig, ax = plt.subplots()  # doctest: +SKIP
    >>> ax.set(title="Mean sensitivity", xlabel="wave", ylabel="rating")  # doctest: +SKIP
    >>> alt_text(fig)  # doctest: +SKIP
    'Figure: Mean sensitivity (horizontal axis: wave; vertical axis: rating).'
    """
    from course_kit.messages import text

    own = getattr(fig, _ALT_ATTRIBUTE, None)
    if own:
        return own
    parts = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        parts.append(suptitle.get_text())
    for ax in fig.get_axes():
        title = " ".join(
            t.get_text() for t in (ax.title, ax._left_title, ax._right_title) if t.get_text()
        )
        axes = [
            text(f"plots.alt_{side}", label=label.get_text())
            for side, label in (("x", ax.xaxis.label), ("y", ax.yaxis.label))
            if label.get_text().strip()
        ]
        if title or axes:
            parts.append(title + (f" ({'; '.join(axes)})" if axes else ""))
    what = ". ".join(" ".join(p.split()) for p in parts if p.strip()) or text("plots.alt_untitled")
    return text("plots.alt_generic", what=what)


def localise_ticks(fig, lang: str | None = None):
    """Write the tick labels of every axes of ``fig`` in the reader's locale; return ``fig``.

    matplotlib writes ``0.5``; the Swedish and Norwegian editions want ``0,5``.
    matplotlib's own ``axes.formatter.use_locale`` depends on the operating
    system's locales (often not installed, and not the course's language), so
    each axis keeps its formatter and only the numbers in its labels are
    rewritten through :mod:`course_kit.formatting` (Babel). Called wherever the
    kit renders a figure for a participant; English figures are left alone.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_xlim(0, 1)
    >>> _ = localise_ticks(fig, lang="sv")
    >>> fig.canvas.draw()
    >>> [t.get_text() for t in ax.get_xticklabels()][:3]
    ['0,0', '0,2', '0,4']
    >>> plt.close(fig)
    """
    from course_kit import i18n

    lang = i18n.check_language(lang) if lang else i18n.get_language()
    if lang == "en":
        return fig
    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            for major in (True, False):
                current = axis.get_major_formatter() if major else axis.get_minor_formatter()
                cls = _locale_ticks_class()
                if isinstance(current, cls):
                    current.lang = lang
                    continue
                wrapped = cls(current, lang)
                if major:
                    axis.set_major_formatter(wrapped)
                else:
                    axis.set_minor_formatter(wrapped)
    return fig


@functools.cache
def _locale_ticks_class():
    # Made on first use: importing course_kit.style must not import matplotlib.
    from matplotlib.ticker import Formatter

    class LocaleTicks(Formatter):
        """Asks the axis' own formatter, then rewrites the numbers of its labels."""

        def __init__(self, inner, lang):
            self.inner, self.lang = inner, lang

        def _loc(self, s: str) -> str:
            from course_kit import formatting

            return formatting.localise_numbers(s, lang=self.lang) if s else s

        def set_axis(self, axis):
            self.axis = axis
            self.inner.set_axis(axis)

        def set_locs(self, locs):
            self.locs = locs
            self.inner.set_locs(locs)

        def __call__(self, x, pos=None):
            return self._loc(self.inner(x, pos))

        def format_ticks(self, values):
            return [self._loc(s) for s in self.inner.format_ticks(values)]

        def format_data_short(self, value):
            return self._loc(self.inner.format_data_short(value))

        def get_offset(self):
            return self._loc(self.inner.get_offset())

    return LocaleTicks
