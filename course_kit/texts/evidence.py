"""Texts of the evidence navigator (:mod:`course_kit.evidence`) and its table.

The column headers, the category words of the table (outcome groups, GRADE
certainty levels, effect measures) and the navigator's sort labels. The English
words are the table's own values and column names, so the English edition shows
what it always showed; the free text of each row (population, notes, ...) is
translated per row in ``locale/<lang>/datasets/evidence_table.po``.
"""

EN: dict[str, str] = {
    # column headers shown to participants (English: the column's name in the CSV file)
    "evidence.column.id": "id",
    "evidence.column.intervention": "intervention",
    "evidence.column.population": "population",
    "evidence.column.age_min_months": "age_min_months",
    "evidence.column.age_max_months": "age_max_months",
    "evidence.column.risk_group": "risk_group",
    "evidence.column.comparison": "comparison",
    "evidence.column.outcome": "outcome",
    "evidence.column.outcome_group": "outcome_group",
    "evidence.column.direction": "direction",
    "evidence.column.measure": "measure",
    "evidence.column.estimate": "estimate",
    "evidence.column.ci_low": "ci_low",
    "evidence.column.ci_high": "ci_high",
    "evidence.column.n_studies": "n_studies",
    "evidence.column.n_participants": "n_participants",
    "evidence.column.certainty": "certainty",
    "evidence.column.certainty_source": "certainty_source",
    "evidence.column.source": "source",
    "evidence.column.year": "year",
    "evidence.column.doi": "doi",
    "evidence.column.url": "url",
    "evidence.column.notes": "notes",
    # GRADE certainty of evidence, as the table writes it
    "evidence.level.high": "high",
    "evidence.level.moderate": "moderate",
    "evidence.level.low to moderate": "low to moderate",
    "evidence.level.low": "low",
    "evidence.level.very low": "very low",
    "evidence.level.not graded": "not graded",
    # outcome groups of the outcome filter
    "evidence.group.parenting": "parenting",
    "evidence.group.attachment": "attachment",
    "evidence.group.child behaviour": "child behaviour",
    "evidence.group.child development": "child development",
    "evidence.group.parent well-being": "parent well-being",
    "evidence.group.maltreatment": "maltreatment",
    "evidence.group.guideline": "guideline",
    # effect measures (abbreviations stay as published)
    "evidence.measure.SMD": "SMD",
    "evidence.measure.d": "d",
    "evidence.measure.r": "r",
    "evidence.measure.OR": "OR",
    "evidence.measure.ES": "ES",
    "evidence.measure.proportion difference": "proportion difference",
    # the chart: one row per result
    "evidence.chart_row": "{intervention} - {outcome}",
    "evidence.chart_item": "{intervention}, {outcome}: {estimate}",
}
