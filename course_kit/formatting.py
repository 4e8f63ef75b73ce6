"""Every number the kit prints, formatted in one place.

Plots, summaries and verdicts format numbers, confidence intervals and p values
only through these functions, so the conventions are the same everywhere. The Swedish and Norwegian editions
write the same digits with the locale's decimal comma and minus sign (Babel's
CLDR number formats, through :func:`course_kit.i18n.format_value`), and separate
the bounds of an interval with a semicolon: ``"0,45 [0,12; 0,78]"``.
Every function takes ``lang`` (default: :func:`course_kit.i18n.get_language`).

Conventions
-----------
* Plots (metafor's ``forest()``, Cochrane RevMan): a typographic minus sign,
  a fixed number of decimals, ``"0.45 [0.12, 0.78]"`` for an estimate with its
  CI, ``"p = 0.034"`` or ``"p < 0.001"``, and ``"NA"`` for a missing number.
* Printed summaries (metafor's ``print.rma``): p values with 4 decimals and
  ``"<.0001"`` below that (:func:`p_metafor`).

Examples
--------
>>> from course_kit import formatting as fmt
>>> fmt.ci(-0.5, -1.0, 0.0)
'−0.50 [−1.00, 0.00]'
>>> fmt.p_text(0.0004), fmt.p_metafor(0.0342)
('p < 0.001', '0.0342')
"""

from __future__ import annotations

import math
import re

from course_kit import i18n

__all__ = [
    "MINUS",
    "alpha",
    "ci",
    "localise_numbers",
    "no_negative_zero",
    "number",
    "p_level",
    "p_metafor",
    "p_text",
    "significant",
    "table",
]

MINUS = "\N{MINUS SIGN}"

_NUMBER = re.compile(r"(?<![\w.+])[-\N{MINUS SIGN}]?\d+(?:\.(\d+))?(?:e([-+]?\d+))?(?![\w.])")


def _language(lang: str | None) -> str:
    return lang or i18n.get_language()


def _comma(lang: str | None) -> bool:
    return _language(lang) != "en"


def _localise(s: str, lang: str | None) -> str:
    """Every number in ``s`` (already rounded, English style) in the reader's locale."""
    lang = _language(lang)
    if lang == "en":
        return s

    def one(m: re.Match) -> str:
        digits, exponent = len(m.group(1) or ""), m.group(2)
        number = m.group(0).split("e")[0].replace("\N{MINUS SIGN}", "-")
        text = i18n.format_value(float(number), f".{digits}f", lang)
        if exponent is None:
            return text
        return text + "e" + exponent.replace("-", "\N{MINUS SIGN}")

    return _NUMBER.sub(one, s)


def localise_numbers(s: str, *, lang: str | None = None) -> str:
    """Every number in ``s`` (written the English way) in the reader's locale.

    For text made elsewhere, e.g. matplotlib's tick labels; the digits stay as they are.

    Examples
    --------
    >>> localise_numbers("−0.5 to 1.25 (n = 1200), p = 5.973e-05", lang="nb")
    '−0,5 to 1,25 (n = 1200), p = 5,973e−05'
    """
    return _localise(s, lang)


def _finite(x) -> bool:
    try:
        return x is not None and math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def number(x, digits: int = 2, *, lang: str | None = None) -> str:
    """A number with ``digits`` decimals and a typographic minus (as printed in journals).

    ``"NA"`` for a missing or infinite value; never ``"−0.00"``.

    Examples
    --------
    >>> number(-0.0001), number(-1.5), number(float("nan"))
    ('0.00', '−1.50', 'NA')
    """
    if not _finite(x):
        return "NA"
    s = f"{float(x):.{digits}f}"
    if s.startswith("-") and float(s) == 0:
        s = s[1:]
    return _localise(s.replace("-", MINUS), lang)


def ci(est, lo, hi, digits: int = 2, *, lang: str | None = None) -> str:
    """``"0.45 [0.12, 0.78]"``: an estimate with its confidence interval.

    Examples
    --------
    >>> ci(0.45, 0.12, 0.78)
    '0.45 [0.12, 0.78]'
    """
    n = [number(v, digits, lang=lang) for v in (est, lo, hi)]
    # A decimal comma needs another separator between the bounds (1,5; 2,5).
    sep = "; " if _comma(lang) else ", "
    return f"{n[0]} [{n[1]}{sep}{n[2]}]"


def p_text(p, *, lang: str | None = None) -> str:
    """``"p = 0.034"`` or ``"p < 0.001"`` (plots and verdicts).

    Examples
    --------
    >>> p_text(0.0342), p_text(0.0001), p_text(float("nan"))
    ('p = 0.034', 'p < 0.001', 'p = NA')
    """
    if not _finite(p):
        return "p = NA"
    p = float(p)
    return _localise("p < 0.001" if p < 0.001 else f"p = {p:.3f}", lang)


def p_metafor(p, *, lang: str | None = None) -> str:
    """A p value as metafor prints it in a model summary: 4 decimals, ``"<.0001"`` below.

    Examples
    --------
    >>> p_metafor(0.00001), p_metafor(0.5)
    ('<.0001', '0.5000')
    """
    p = float(p)
    if p < 1e-4:  # metafor's "<.0001"; a decimal comma needs its leading zero
        return "<.0001" if not _comma(lang) else "<" + _localise("0.0001", lang)
    return _localise(f"{p:.4f}", lang)


def p_level(p, *, lang: str | None = None) -> str:
    """A significance level (a contour of a funnel plot): two decimals unless more are needed.

    Examples
    --------
    >>> p_level(0.1), p_level(0.05), p_level(0.001)
    ('0.10', '0.05', '0.001')
    """
    p = float(p)
    return _localise(f"{p:.2f}" if round(p, 2) == round(p, 10) else f"{p:g}", lang)


def significant(x, digits: int = 3, *, lang: str | None = None) -> str:
    """A number with ``digits`` significant digits (values on a participant's own scale).

    Examples
    --------
    >>> significant(4.56789), significant(1234.5)
    ('4.57', '1.23e+03')
    """
    return _localise(f"{float(x):.{digits}g}", lang)


def alpha(a, *, lang: str | None = None) -> str:
    """A significance level as in "p < .05": no leading zero.

    Examples
    --------
    >>> alpha(0.05), alpha(0.1)
    ('.05', '.1')
    """
    a = float(a)
    if _comma(lang):  # ",05" is not written in Swedish or Norwegian: "0,05"
        return _localise(f"{a:g}", lang)
    return f"{a:g}".lstrip("0") if a < 1 else f"{a:g}"


def no_negative_zero(value: float, digits: int = 2) -> float:
    """``value``, or 0.0 when it would show as ``-0.00`` at ``digits`` decimals.

    For values passed on to a message template that formats them itself.

    Examples
    --------
    >>> no_negative_zero(-0.001), no_negative_zero(-0.3)
    (0.0, -0.3)
    """
    return 0.0 if abs(value) < 0.5 * 10**-digits else value


def table(frame, digits: int | None = None, *, lang: str | None = None, headers: bool = True):
    """A table to show participants, its numbers (and known headers) in the reader's language.

    pandas always prints a decimal point; the Swedish and Norwegian editions get
    a copy whose numbers are text with a decimal comma (``"0,45"``), whose
    True and False (in cells and row labels) are words (``"ja"``, ``"nej"``), and whose column headers are translated where the kit has a word for them (a
    ``results.col.<name>`` message, e.g. ``ci_low``). The English edition gets
    ``frame`` itself (rounded to ``digits`` if given), so what it shows does not change.

    Parameters
    ----------
    frame : pandas.DataFrame or pandas.Series
    digits : int, optional
        Decimals of every float; default: as pandas shows them.
    headers : bool
        Translate the column headers the kit knows (default). ``False`` keeps them.

    Examples
    --------
    >>> import pandas as pd
    >>> table(pd.DataFrame({"d": [0.456, -1.0]}), 2, lang="sv")["d"].tolist()
    ['0,46', '−1,00']
    """
    import numpy as np
    import pandas as pd

    from course_kit import messages

    lang = _language(lang)
    if lang == "en":
        return frame if digits is None else frame.round(digits)
    with i18n.using(lang):
        truth = {
            True: messages.text("results.true"),
            False: messages.text("results.false"),
        }

    def cell(x):
        if isinstance(x, float) and not math.isfinite(x):  # NaN, ±inf (NumPy's float64 too)
            return "NA"
        if isinstance(x, (bool, np.bool_)):  # "ja"/"nej", not pandas' English True/False
            return truth[bool(x)]
        if not _finite(x):  # words, None, pd.NA: as they are
            return x
        # a number
        if isinstance(x, int) or (hasattr(x, "dtype") and x.dtype.kind in "iu"):
            return _localise(str(x), lang)
        if digits is not None:
            return number(x, digits, lang=lang)
        return _localise(repr(float(x)), lang)

    def word(label):
        return truth[bool(label)] if isinstance(label, (bool, np.bool_)) else label

    # True/False as row labels too (a table grouped by a yes/no column)
    shown = frame.map(cell).rename(index=word)
    if headers and isinstance(shown, pd.DataFrame):

        def header(name):
            key = f"results.col.{name}"
            if key not in messages.EN:
                return name
            with i18n.using(lang):
                return messages.text(key)

        shown = shown.rename(columns=header)
    return shown
