"""The one vocabulary of person x environment patterns.

Simulations (:func:`~course_kit.susceptibility.simulate_gxe`,
:func:`course_kit.simulate.vipp_trial`), the concept drawings and the explorers
all name a pattern with one of :data:`PATTERNS`. Older spellings are accepted
as aliases, so code written for an earlier version keeps working.

Examples
--------
>>> from course_kit.susceptibility.patterns import pattern_name
>>> pattern_name("vantage")
'vantage_sensitivity'
"""

from __future__ import annotations

from course_kit._validation import check_choice
from course_kit.messages import text

PATTERNS = ("differential_susceptibility", "diathesis_stress", "vantage_sensitivity", "none")

# Old spellings (simulate.vipp_trial used these before one vocabulary existed).
ALIASES = {
    None: "none",
    "differential": "differential_susceptibility",
    "diathesis-stress": "diathesis_stress",
    "vantage": "vantage_sensitivity",
}


def pattern_name(value, argument: str = "pattern") -> str:
    """The canonical name of a pattern, or a ValueError naming ``argument``.

    Parameters
    ----------
    value : str or None
        One of :data:`PATTERNS` or an old spelling in :data:`ALIASES`
        (``None`` means ``"none"``, no interaction).
    argument : str
        The argument name the error message shows.

    Returns
    -------
    str
        One of :data:`PATTERNS`.

    Examples
    --------
    >>> pattern_name("diathesis-stress")
    'diathesis_stress'
    """
    if isinstance(value, str) or value is None:
        value = ALIASES.get(value, value)
    return check_choice(value, argument, PATTERNS)


def pattern_label(pattern: str) -> str:
    """The plain-language name of a pattern (from the message catalog).

    Examples
    --------
    >>> pattern_label("none")
    'No interaction'
    """
    return text(f"concepts.{pattern_name(pattern)}")


def pattern_choices() -> tuple[tuple[str, str], ...]:
    """(label, name) pairs of every pattern, for a dropdown."""
    return tuple((pattern_label(p), p) for p in PATTERNS)
