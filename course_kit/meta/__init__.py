"""Meta-analysis engine and plots (checked against R's metafor).

Public names are resolved lazily so that importing :mod:`course_kit.meta` does
not import matplotlib (plots) until a plot is drawn.
"""

from __future__ import annotations

import importlib

# public name -> private module that defines it
_EXPORTS = {
    # model fitting
    "meta_analysis": "_model",
    "MetaResult": "_model",
    "tau2_confint": "_model",
    "meta_analysis_many": "_many",
    "meta_regression": "_regression",
    "MetaRegressionResult": "_regression",
    "subgroup_analysis": "_regression",
    "SubgroupResult": "_regression",
    # bias and sensitivity
    "egger_test": "_bias",
    "rank_correlation_test": "_bias",
    "trim_and_fill": "_bias",
    "EggerResult": "_bias",
    "RankTestResult": "_bias",
    "TrimFillResult": "_bias",
    "leave_one_out": "_sensitivity",
    "cumulative": "_sensitivity",
    # plots
    "forest_plot": "_forest",
    "funnel_plot": "_funnel",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    try:
        module_name = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'course_kit.meta' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
