"""Labels, column headers and small number formats of the kit's plots (forest plots, figures)."""

EN: dict[str, str] = {
    # --- forest plot cells -----------------------------------------------------
    "plots.interval": "[{low}, {high}]",
    "plots.weight_value": "{weight:.1f}%",
    # --- the course figures (course_kit.figures) ---------------------------------
    "plots.col_n_vipp": "n VIPP",
    "plots.col_n_control": "n control",
    "plots.col_measure": "Measure",
    "plots.col_n_int": "n int.",
    "plots.col_n_ctrl": "n ctrl.",
    "plots.col_year": "Year",
    "plots.outcome.parenting_behaviour": "parenting behaviour",
    "plots.outcome.parenting_attitudes": "parenting attitudes",
    "plots.outcome.attachment_security": "attachment security",
    "plots.outcome.externalizing_behaviour": "externalizing behaviour",
    "plots.risk_group.high": "High-risk samples",
    "plots.risk_group.low": "Low-risk samples",
    # --- the pre/post plot of a simulated trial (course_kit.trials) --------------
    "plots.trial_arm.control": "control (n = {n})",
    "plots.trial_arm.VIPP-SD": "VIPP-SD (n = {n})",
    "plots.trial_pre": "pre",
    "plots.trial_post": "post",
}
