"""Bad input to meta_analysis and tau2_confint gives errors that name the argument."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from course_kit.meta import meta_analysis, tau2_confint

YI = [0.2, 0.5, 0.1, 0.4]
VI = [0.04, 0.02, 0.05, 0.03]


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"yi": [0.2, np.nan, 0.1, 0.4]}, ValueError, "yi contains missing"),
        ({"yi": [0.2, np.inf, 0.1, 0.4]}, ValueError, "yi contains missing"),
        ({"vi": [0.04, 0.02, np.nan, 0.03]}, ValueError, "vi contains missing"),
        ({"vi": [0.04, 0.0, 0.05, 0.03]}, ValueError, "vi must be greater than 0"),
        ({"vi": [0.04, -0.1, 0.05, 0.03]}, ValueError, "vi must be greater than 0"),
        ({"yi": [], "vi": []}, ValueError, "yi is empty"),
        ({"vi": [0.04, 0.02, 0.05]}, ValueError, "yi and vi must have the same length"),
        ({"yi": "0.2, 0.5"}, TypeError, "yi must be numbers"),
        ({"yi": ["a", "b", "c", "d"]}, TypeError, "yi must contain only numbers"),
        ({"yi": [0.3], "vi": [0.1]}, ValueError, "method='REML'.*at least 2 studies"),
        ({"labels": ["a", "b"]}, ValueError, "labels has 2 entries"),
        ({"labels": "abcd"}, TypeError, "labels must be a list"),
        ({"method": "bayes"}, ValueError, "method must be one of"),
        ({"method": 3}, TypeError, "method must be a string"),
        ({"test": "t"}, ValueError, "test must be one of"),
        ({"level": 95}, ValueError, "level must be"),
        ({"level": "0.95"}, TypeError, "level must be a number"),
        ({"yi": None}, TypeError, "yi and vi are both required"),
        (
            {"yi": [[0.1, 0.2], [0.3, 0.4]], "vi": [[0.1, 0.2], [0.3, 0.4]]},
            ValueError,
            "yi must be 1-dimensional",
        ),
    ],
)
def test_bad_input_names_the_argument(kwargs, error, match):
    args = {"yi": YI, "vi": VI, **kwargs}
    with pytest.raises(error, match=match):
        meta_analysis(args.pop("yi"), args.pop("vi"), **args)


def test_single_study_with_knha_is_rejected():
    with pytest.raises(ValueError, match="test='knha'"):
        meta_analysis([0.3], [0.1], method="FE", test="knha")


def test_method_and_test_are_case_insensitive():
    a = meta_analysis(YI, VI, method="reml", test="KNHA")
    assert (a.method, a.test) == ("REML", "knha")


def test_missing_columns_are_named():
    df = pd.DataFrame({"g": YI, "v": VI})
    with pytest.raises(ValueError, match="yi: column 'yi' is not in data"):
        meta_analysis(data=df)
    with pytest.raises(ValueError, match="labels: column 'name'"):
        meta_analysis("g", "v", data=df, labels="name")


def test_tau2_confint_bad_input():
    with pytest.raises(TypeError, match="result"):
        tau2_confint({"tau2": 0.1})
    res = meta_analysis(YI, VI)
    with pytest.raises(ValueError, match="level"):
        tau2_confint(res, level=1.5)


def test_pandas_series_with_missing_value_is_rejected():
    with pytest.raises(ValueError, match="yi contains missing"):
        meta_analysis(pd.Series([0.1, None, 0.3]), [0.1, 0.1, 0.1])


@pytest.mark.parametrize("method", ["FE", "DL", "REML", "PM"])
def test_knha_with_identical_effects_gives_limits_not_nan(method):
    # no residual variation: the Knapp-Hartung SE is 0 (metafor reports NaN here)
    zero = meta_analysis([0.0, 0.0, 0.0], [0.01, 0.02, 0.03], method=method, test="knha")
    assert zero.se == 0.0 and zero.statistic == 0.0 and zero.pvalue == 1.0
    pos = meta_analysis([0.4, 0.4, 0.4], [0.01, 0.02, 0.03], method=method, test="knha")
    assert pos.statistic == np.inf and pos.pvalue == 0.0
    assert pos.ci_low == pytest.approx(0.4) and pos.ci_high == pytest.approx(0.4)
