"""``ck.read_csv`` reads participants' own CSV files as Swedish/Norwegian Excel writes them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import course_kit as ck
from course_kit.readers import numbers_from_text

SWEDISH = (
    "familj;ålder_mån;känslighet;bärare;vipp\r\n"
    "1;12,5;4,25;ja;SANT\r\n"
    "2;14;5;nej;FALSKT\r\n"
    "3;;3,5;ja;SANT\r\n"
    "4;1 234,5;6;nej;FALSKT\r\n"
)


def _write(tmp_path, content: str | bytes, name="data.csv", encoding="utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


def test_swedish_excel_semicolons_decimal_commas_and_bom(tmp_path):
    df = ck.read_csv(_write(tmp_path, SWEDISH))
    assert list(df.columns) == ["familj", "ålder_mån", "känslighet", "bärare", "vipp"]
    assert df["familj"].dtype == "int64"
    np.testing.assert_allclose(df["känslighet"], [4.25, 5.0, 3.5, 6.0])
    assert df["ålder_mån"].tolist()[:2] == [12.5, 14.0] and np.isnan(df["ålder_mån"][2])
    assert df["ålder_mån"][3] == 1234.5
    assert df["bärare"].tolist() == ["ja", "nej", "ja", "nej"]
    assert df["vipp"].tolist() == [True, False, True, False]
    assert df.attrs["separator"] == ";"


def test_windows_1252_and_tabs_and_plain_english_files(tmp_path):
    cp = ck.read_csv(_write(tmp_path, SWEDISH, "cp.csv", encoding="cp1252"))
    assert "ålder_mån" in cp.columns and cp["känslighet"][0] == 4.25
    tab = ck.read_csv(_write(tmp_path, "a\tb\n1,5\tx\n2\ty\n", "tab.csv", encoding="utf-16"))
    assert tab["a"].tolist() == [1.5, 2.0] and tab["b"].tolist() == ["x", "y"]
    english = ck.read_csv(_write(tmp_path, 'id,score,note\n1,2.5,"a; b"\n2,3.5,c\n', "en.csv"))
    assert english["score"].tolist() == [2.5, 3.5] and english["note"][0] == "a; b"
    quoted = ck.read_csv(_write(tmp_path, 'id,score\n1,"2,1"\n2,"3,4"\n', "q.csv"))
    assert quoted["score"].tolist() == [2.1, 3.4]


def test_a_word_in_a_column_of_numbers_names_the_column_and_the_row(tmp_path):
    path = _write(tmp_path, "id;age\n1;2,1\n2;3\n3;tre\n4;5\n")
    with pytest.raises(ValueError, match=r"Column 'age' holds numbers, but row 4 has 'tre'"):
        ck.read_csv(path)
    mixed = _write(tmp_path, "id;age\n1;2,1\n2;3.5\n3;4\n", "mixed.csv")
    with pytest.raises(ValueError, match=r"'age' mixes decimal commas \(row 2.*\(row 3"):
        ck.read_csv(mixed)


def test_files_that_are_not_csv_give_clear_errors(tmp_path):
    with pytest.raises(ValueError, match="was not found"):
        ck.read_csv(tmp_path / "nope.csv")
    with pytest.raises(ValueError, match="Excel workbook"):
        ck.read_csv(_write(tmp_path, b"PK\x03\x04rest-of-a-zip", "book.csv"))
    with pytest.raises(ValueError, match="is empty"):
        ck.read_csv(_write(tmp_path, b"", "empty.csv"))
    with pytest.raises(TypeError, match="name of a file"):
        ck.read_csv(42)


def test_numbers_from_text_leaves_text_columns_alone():
    assert numbers_from_text(pd.Series(["bärare", "ej bärare"]), "g") is None
    got = numbers_from_text(pd.Series(["2,1", "−0,5", "NA"]), "x")
    assert got[:2].tolist() == [2.1, -0.5] and np.isnan(got[2])
