"""One formatting module: metafor's conventions, one hook for other languages."""

from __future__ import annotations

import math

import pytest

from course_kit import formatting as fmt


def test_numbers_cis_and_p_values_follow_the_kits_conventions():
    assert fmt.number(-1.234) == "−1.23"
    assert fmt.number(-0.0001) == "0.00"  # never a negative zero
    assert fmt.number(math.nan) == "NA" and fmt.number(None) == "NA"
    assert fmt.ci(0.45, 0.12, 0.78) == "0.45 [0.12, 0.78]"
    assert fmt.p_text(0.0342) == "p = 0.034" and fmt.p_text(0.0009) == "p < 0.001"
    assert fmt.p_metafor(0.00009) == "<.0001" and fmt.p_metafor(0.03421) == "0.0342"
    assert [fmt.p_level(p) for p in (0.1, 0.05, 0.01, 0.001)] == ["0.10", "0.05", "0.01", "0.001"]
    assert fmt.alpha(0.05) == ".05" and fmt.significant(4.56789) == "4.57"
    assert fmt.no_negative_zero(-0.004) == 0.0 and fmt.no_negative_zero(-0.006) == -0.006


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_swedish_and_norwegian_write_the_same_digits_with_a_decimal_comma(lang):
    assert fmt.number(-1.5, lang=lang) == "−1,50"
    assert fmt.ci(0.45, 0.12, 0.78, lang=lang) == "0,45 [0,12; 0,78]"
    assert fmt.p_text(0.0342, lang=lang) == "p = 0,034"
    assert fmt.p_text(0.0001, lang=lang) == "p < 0,001"
    assert fmt.p_metafor(0.00001, lang=lang) == "<0,0001"
    assert fmt.alpha(0.05, lang=lang) == "0,05"  # ",05" is not written in sv/nb
    assert fmt.number(-1.5) == "−1.50" and fmt.alpha(0.05) == ".05"  # English unchanged


@pytest.mark.parametrize(
    ("call", "new"),
    [
        (lambda: __import__("course_kit.datasets").datasets.list(), "catalog"),
        (
            lambda: __import__("course_kit.figures").figures.fit("funnel_vipp_sd_synthetic"),
            "prepare",
        ),
        (
            lambda: __import__("course_kit.exercises").exercises.course("01.secure_count"),
            "exercise",
        ),
    ],
)
def test_old_names_still_work_and_say_their_new_name(call, new):
    with pytest.warns(DeprecationWarning, match=new):
        assert call() is not None


def test_a_participant_table_writes_its_numbers_and_leaves_the_rest():
    import numpy as np
    import pandas as pd

    values = [True, None, math.nan, -math.inf, np.float64("nan"), -3, -0.456]
    values += [np.int64(-7), np.float32(2.5), "Ainsworth 1978"]
    frame = pd.DataFrame({"x": values}, dtype=object)
    assert fmt.table(frame, lang="en") is frame  # English: the frame itself
    assert fmt.table(frame, 2, lang="en")["x"].tolist()[5:7] == [-3, -0.456]  # not a float column
    shown = fmt.table(frame, 2, lang="sv")["x"].tolist()
    assert shown[0] == "ja" and pd.isna(shown[1])  # True in words; a missing cell stays missing
    assert shown[2:5] == ["NA", "NA", "NA"]  # NaN and ±inf, Python's and NumPy's
    assert shown[5:] == ["−3", "−0,46", "−7", "2,50", "Ainsworth 1978"]
    assert fmt.table(frame, lang="sv")["x"].tolist()[5:9] == ["−3", "−0,456", "−7", "2,5"]
    # a boolean column (NumPy's bool) in each edition's words
    flags = pd.DataFrame({"rewarded": [True, False]})
    assert fmt.table(flags, lang="en")["rewarded"].tolist() == [True, False]
    assert fmt.table(flags, lang="sv")["rewarded"].tolist() == ["ja", "nej"]
    assert fmt.table(flags, lang="nb")["rewarded"].tolist() == ["ja", "nei"]
    grouped = pd.DataFrame({"mean": [1.5, 2.5]}, index=pd.Index([False, True], name="carrier"))
    assert fmt.table(grouped, 1, lang="sv").index.tolist() == ["nej", "ja"]
    assert fmt.table(grouped, 1, lang="sv").index.name == "carrier"
    floats = pd.DataFrame({"g": [0.456, math.nan]})
    assert fmt.table(floats, 2, lang="en")["g"].tolist()[0] == 0.46
    assert fmt.table(floats, 2, lang="sv")["g"].tolist() == ["0,46", "NA"]
