import pytest

from course_kit.grade import at_least, grade_widget, rate


@pytest.mark.parametrize(
    ("design", "downgrades", "expected"),
    [
        ("rct", {}, "high"),
        ("rct", {"risk_of_bias": 1}, "moderate"),
        ("rct", {"risk_of_bias": 1, "imprecision": 1}, "low"),
        ("rct", {"risk_of_bias": 2, "imprecision": 2}, "very low"),  # floor
        ("observational", {}, "low"),
        ("observational", {"indirectness": 1}, "very low"),
    ],
)
def test_levels_follow_the_grade_rules(design, downgrades, expected):
    assert rate(design, **downgrades).level == expected


def test_upgrades_raise_but_never_above_high():
    assert rate("observational", upgrades={"large_effect": 1}).level == "moderate"
    assert rate("rct", upgrades={"large_effect": 2}).level == "high"


def test_bad_input_names_the_problem():
    with pytest.raises(ValueError, match="design"):
        rate("cohort")
    with pytest.raises(ValueError, match="downgrade domain"):
        rate("rct", bias=1)
    with pytest.raises(ValueError, match="imprecision"):
        rate("rct", imprecision=3)


def test_at_least_orders_levels_and_excludes_not_graded():
    assert at_least("high", "moderate")
    assert not at_least("low", "moderate")
    assert not at_least("not graded", "very low")


def test_summary_and_widget_show_the_level():
    rating = rate("rct", inconsistency=1)
    assert "moderate" in rating.summary()
    box = grade_widget()
    result = box.children[-1]
    assert "high" in result.value
    box.children[1].children[0].value = 2  # risk of bias: very serious
    assert "low" in result.value


@pytest.mark.parametrize(
    ("lang", "high", "moderate", "serious"),
    [("sv", "hög", "måttlig", "allvarlig"), ("nb", "høy", "middels", "alvorlig")],
)
def test_the_calculator_speaks_the_readers_language(edition, lang, high, moderate, serious):
    edition(lang)
    rating = rate("rct", risk_of_bias=1)
    assert rating.level == "moderate"  # the level itself stays the rule's English key
    assert rating.name == moderate and moderate in rating.summary()
    panel = grade_widget()
    design, first_concern, result = panel.children[0], panel.children[1], panel.children[-1]
    labels = [label for label, _ in first_concern.children[0].options]
    assert serious in labels[1] and "no concern" not in labels
    assert design.description != "Design"
    assert high in result.value  # randomised trials, no concerns: high
    first_concern.children[0].value = 1
    assert moderate in result.value
