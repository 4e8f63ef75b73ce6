import numpy as np
import pytest

from course_kit.drawings import susceptibility_patterns


def _lines(ax):
    return [line.get_ydata() for line in ax.get_lines()]


def test_three_panels_with_two_groups_each():
    axes = susceptibility_patterns()
    assert len(axes) == 3
    assert all(len(ax.get_lines()) == 2 for ax in axes)


def test_patterns_meet_where_the_theories_say():
    ds, diff, vantage = (_lines(ax) for ax in susceptibility_patterns())
    # diathesis-stress: groups equal in the most supportive environment only
    assert ds[0][-1] == pytest.approx(ds[1][-1]) and ds[0][0] < ds[1][0]
    # vantage sensitivity: groups equal in the most adverse environment only
    assert vantage[0][0] == pytest.approx(vantage[1][0]) and vantage[0][-1] > vantage[1][-1]
    # differential susceptibility: the lines cross inside the range
    sign = np.sign(diff[0] - diff[1])
    assert sign[0] < 0 < sign[-1]


def test_wrong_number_of_axes_is_a_clear_error():
    import matplotlib.pyplot as plt

    _, axes = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="axes must hold 3"):
        susceptibility_patterns(axes)
