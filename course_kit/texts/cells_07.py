"""Texts of the code cells of ``07-meta-analysis-of-vipp-trials.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    # headers of the SYNTHETIC trials' table (study names stay as they are)
    "cells_07.column_study": "study",
    "cells_07.column_year": "year",
    "cells_07.column_n_vipp": "n_vipp",
    "cells_07.column_n_control": "n_control",
    "cells_07.column_yi": "yi",
    "cells_07.column_vi": "vi",
    # fixed and random effects
    "cells_07.fixed_line": "Fixed effect:   g = {g:.2f}  95% CI [{low:.2f}, {high:.2f}]",
    "cells_07.random_line": "Random effects: g = {g:.2f}  95% CI [{low:.2f}, {high:.2f}]",
    "cells_07.heterogeneity_line": "tau^2 = {tau2:.3f}, I^2 = {i2:.0f}%",
    # publication bias
    "cells_07.egger_line": "SYNTHETIC literature. Egger's test: p = {p:.2f}",
    "cells_07.trimfill_line": (
        "SYNTHETIC literature. Trim-and-fill: {k0} trial(s) imputed on the {side} side; "
        "adjusted g = {g:.2f}"
    ),
    "cells_07.side_left": "left",
    "cells_07.side_right": "right",
    # r and d: the outcomes of van IJzendoorn et al. (2023) and the table's headers
    "cells_07.parenting_behaviour": "parenting behaviour",
    "cells_07.parenting_attitudes": "parenting attitudes",
    "cells_07.attachment_security": "attachment security",
    "cells_07.externalizing_behaviour": "externalizing behaviour",
    "cells_07.column_r": "r (published)",
    "cells_07.column_d": "d (our conversion)",
    # leave one out
    "cells_07.all_trials": "All {k} trials: pooled g = {g:.2f}.",
    "cells_07.leave_one_out": (
        "Leaving out one trial at a time, the pooled g stays between {low:.2f} and {high:.2f}."
    ),
}
