"""Texts of the GRADE calculator (:mod:`course_kit.grade`, ``grade_widget``).

What the levels *mean* and the five concerns are in :mod:`course_kit.messages`
(keys ``grade.level.*`` and ``grade.domain.*``); here are the level names as they
appear inside a sentence and the calculator's own buttons and choices.
"""

EN: dict[str, str] = {
    # a GRADE level inside a sentence ("Certainty of the evidence: {level}.")
    "grade.name.high": "high",
    "grade.name.moderate": "moderate",
    "grade.name.low": "low",
    "grade.name.very low": "very low",
    # the calculator
    "grade.widget.design": "Design",
    "grade.widget.rct": "Randomised trials",
    "grade.widget.observational": "Observational studies",
    "grade.widget.no_concern": "no concern",
    "grade.widget.serious": "serious (-1)",
    "grade.widget.very_serious": "very serious (-2)",
}
