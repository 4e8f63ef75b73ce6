"""course_kit: the teaching and analysis kit for the VIPP-SD intervener course.

The package is split into small modules, one idea each:

========================  ===================================================
``course_kit.effect_sizes``  Hedges' g, r, log odds ratios and conversions
``course_kit.meta``          meta-analysis engine (agrees with R's metafor),
                             forest and funnel plots
``course_kit.datasets``      published and synthetic datasets with provenance
``course_kit.simulate``      synthetic VIPP-SD trials and literatures
``course_kit.reliability``   ICC, Cohen's kappa, coder certification
``course_kit.trials``        ANCOVA effect of a (simulated) trial, power
``course_kit.susceptibility``  differential susceptibility: regions of
                             significance, crossover point, model comparison,
                             power of the interaction test
``course_kit.evidence``      the course's evidence table and navigator
``course_kit.teaching``      the classroom: exercises, explorers (sliders),
                             concept drawings, textbook formulas
``course_kit.workspace``     a participant's own copy of the notebooks
``course_kit.readers``       ``ck.read_csv``: a participant's own Excel CSV file
========================  ===================================================

See ARCHITECTURE.md for the layers and the import rules. Modules that moved
into a subpackage keep their old import path (``course_kit.exercises`` is
``course_kit.teaching.exercises``; see ``_MOVED``).

``import course_kit`` is deliberately light: submodules (and with them pandas,
statsmodels, matplotlib and ipywidgets) load on first use.

Examples
--------
>>> import course_kit as ck
>>> ck.__version__  # doctest: +SKIP
'0.1.0'
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import logging
import sys

__version__ = "0.1.0"

# Old import path -> where the module lives now. Notebooks, tests and users keep
# importing the old paths; both names give the very same module object.
_MOVED = {
    "exercises": "teaching.exercises",
    "explorers": "teaching.explorers",
    "drawings": "teaching.drawings",
    "_exercise_bank": "teaching.bank",
    "_susceptibility_core": "susceptibility.core",
    "_susceptibility_data": "susceptibility.data",
    "_susceptibility_results": "susceptibility.results",
    "_susceptibility_compare": "susceptibility.compare",
    "_susceptibility_plot": "susceptibility.plot",
}

_SUBMODULES = (
    "datasets",
    "drawings",
    "environment",
    "effect_sizes",
    "course",
    "editions",
    "evidence",
    "exercises",
    "explorers",
    "figures",
    "formatting",
    "grade",
    "i18n",
    "meta",
    "messages",
    "method",
    "readers",
    "reliability",
    "simulate",
    "style",
    "susceptibility",
    "teaching",
    "trials",
    "workspace",
)

__all__ = ["__version__", "read_csv", "say", "text", *_SUBMODULES]


def __getattr__(name: str):
    # Lazy submodules (PEP 562) keep ``import course_kit`` well under 0.5 s.
    if name == "read_csv":  # ck.read_csv: a participant's own (Excel) CSV file
        from course_kit.readers import read_csv

        return read_csv
    if name in ("text", "say"):  # ck.text(key) / ck.say(key): a message in the reader's language
        from course_kit import messages

        return getattr(messages, name)
    if name in _SUBMODULES or name in _MOVED:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'course_kit' has no attribute {name!r}")


def __dir__():
    return sorted(__all__)


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Import ``course_kit.<old path>`` as the module it moved to (see ``_MOVED``).

    A finder rather than stub files at the old paths: no file is left behind
    for each move, and ``import course_kit`` stays light (nothing loads early).
    """

    def find_spec(self, fullname, path=None, target=None):
        prefix, _, old = fullname.partition(".")
        if prefix == __name__ and old in _MOVED:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        module = importlib.import_module(f"{__name__}.{_MOVED[spec.name.partition('.')[2]]}")
        spec.loader_state = module.__spec__  # the import system overwrites __spec__ next
        return module

    def exec_module(self, module):
        module.__spec__ = module.__spec__.loader_state


if not any(isinstance(finder, _MovedModules) for finder in sys.meta_path):
    sys.meta_path.insert(0, _MovedModules())


def _figure_html(fig):
    from course_kit.teaching._widgets import figure_html

    return figure_html(fig)


def _frame_html(frame):
    import pandas as pd

    with pd.option_context("display.max_colwidth", None):
        return frame._repr_html_()


def _register_figure_alt_text() -> None:
    """In a notebook: every matplotlib Figure as ``<img alt>``; named controls (WCAG 2.1 AA);
    table cells shown whole.

    JupyterLab renders a figure's ``image/png`` as an image without alternative
    text; a ``text/html`` form, which it prefers, carries the alt text of
    :func:`course_kit.style.alt_text`. Registered by name, so that nothing is
    imported now (``import course_kit`` stays light).
    """
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is None or not hasattr(shell, "display_formatter"):
        return
    formatter = shell.display_formatter.formatters.get("text/html")
    if formatter is None or getattr(shell, "_course_kit_alt", False):
        return

    # Registered for FigureBase, not Figure: the inline backend removes every
    # formatter of Figure when pyplot is imported, and a Figure finds this one
    # through its base class.
    formatter.for_type_by_name("matplotlib.figure", "FigureBase", _figure_html)
    # pandas cuts every cell at 50 characters ("Jag började med att filma nytt
    # vardagligt sams..."): participants' tables hold sentences (checklists,
    # themes, sources), which must be read whole. Rows are still limited as usual.
    for module in ("pandas", "pandas.core.frame"):  # DataFrame.__module__ of pandas 3, 2
        formatter.for_type_by_name(module, "DataFrame", _frame_html)

    def send_page_script(*_):
        # once, after the first cell: the script that names widget controls
        if not getattr(shell, "_course_kit_page_script", False):
            shell._course_kit_page_script = True
            from course_kit.teaching._widgets import publish_page_script

            publish_page_script()

    shell.events.register("post_execute", send_page_script)
    shell._course_kit_alt = True


class _NoFontCacheNotice(logging.Filter):
    """Drops matplotlib's English "building the font cache" notice (nothing is wrong)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Matplotlib is building the font cache")


def _quiet_font_cache_notice() -> None:
    """In a notebook: no pink warning on a participant's first figure.

    matplotlib builds its font cache once per user (on a course hub: once per
    participant) and, when that takes over 5 s, logs an English warning that the
    kernel shows as an error-coloured output. Set by logger name: nothing is imported.
    """
    ipython = sys.modules.get("IPython")
    if ipython is None or ipython.get_ipython() is None:
        return
    logger = logging.getLogger("matplotlib.font_manager")
    if not any(isinstance(f, _NoFontCacheNotice) for f in logger.filters):
        logger.addFilter(_NoFontCacheNotice())


_register_figure_alt_text()
_quiet_font_cache_notice()
