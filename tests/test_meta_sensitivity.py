"""leave_one_out and cumulative against metafor 3.8-1's leave1out() and cumul()."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from course_kit.meta import cumulative, leave_one_out, meta_analysis

REF = json.loads((Path(__file__).parent / "reference" / "metafor_reference.json").read_text())
COLUMNS = {
    "estimate": "estimate",
    "se": "se",
    "statistic": "zval",
    "pvalue": "pval",
    "ci_low": "ci.lb",
    "ci_high": "ci.ub",
    "q": "Q",
    "q_pvalue": "Qp",
    "tau2": "tau2",
    "i2": "I2",
    "h2": "H2",
}
ATOL = {"tau2": 1e-9, "i2": 1e-6, "h2": 1e-8}
CASES = [
    (ds, m, t)
    for ds in ("bcg", "normand", "molloy")
    for m in ("FE", "DL", "REML")
    for t in ("z", "knha")
]


@pytest.mark.parametrize(("ds", "method", "test"), CASES)
@pytest.mark.parametrize(("name", "func"), [("leave1out", leave_one_out), ("cumul", cumulative)])
def test_matches_metafor(ds, method, test, name, func):
    ref = REF[ds]["bias"][f"{name}_{method}_{test}"]
    res = meta_analysis(REF[ds]["yi"], REF[ds]["vi"], method=method, test=test)
    frame = func(res)
    assert frame["study"].tolist() == res.labels
    for col, rcol in COLUMNS.items():
        np.testing.assert_allclose(
            frame[col].to_numpy(),
            np.array(ref[rcol], dtype=float),
            rtol=1e-6,
            atol=ATOL.get(col, 1e-12),
            err_msg=col,
        )


def test_cumulative_order():
    res = meta_analysis([0.2, 0.5, 0.1, 0.4], [0.04, 0.02, 0.05, 0.03], labels=list("abcd"))
    frame = cumulative(res, order=[2004, 2001, 2010, 2007])
    assert frame["study"].tolist() == ["b", "a", "d", "c"]
    assert frame["estimate"].iloc[0] == 0.5
    assert frame["estimate"].iloc[-1] == pytest.approx(res.estimate)
    with pytest.raises(ValueError, match="order has 2 values"):
        cumulative(res, order=[1, 2])


def test_sensitivity_needs_a_result():
    with pytest.raises(TypeError, match="result"):
        leave_one_out([0.1, 0.2])
    with pytest.raises(TypeError, match="result"):
        cumulative(None)
