"""Texts of the code cells of ``05-scoring-sensitivity.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_05.ready": "Ready.",
    # the simulated trial's table: column headers and the labels of arms and waves
    "cells_05.column_family": "family",
    "cells_05.column_arm": "arm",
    "cells_05.column_wave": "wave",
    "cells_05.column_coder": "coder",
    "cells_05.column_sensitivity": "sensitivity",
    "cells_05.control": "control",
    "cells_05.pre": "pre",
    "cells_05.post": "post",
    # agreement of the two coders
    "cells_05.videos_rated": "SYNTHETIC trial, {n} videos rated by two coders:",
    "cells_05.icc_one_coder": "ICC (absolute agreement, one coder):      {icc:.2f}",
    "cells_05.icc_mean_of_both": "ICC (absolute agreement, mean of both):   {icc:.2f}",
    # the lenient coder
    "cells_05.lenient_slider": "lenient by",
    "cells_05.coder_1": "Coder 1",
    "cells_05.coder_2": "Coder 2",
    "cells_05.lenient_title": (
        "coder 2 rates {shift} point(s) higher (up to 9)\n"
        "r = {r:.2f}   ICC = {icc:.2f}   kappa = {kappa:.2f}"
    ),
    # attenuation
    "cells_05.icc_slider": "coder ICC",
    "cells_05.expected_label": "expected: 0.4 x sqrt(ICC)",
    "cells_05.true_effect": "true effect",
    "cells_05.one_trial_label": "one SYNTHETIC trial, 1,000 families",
    "cells_05.reliability_axis": "Reliability of the coding (ICC)",
    "cells_05.observed_d_axis": "Observed d",
    "cells_05.attenuation_title": (
        "ICC {icc:.2f}: expected d = {expected:.2f}\n"
        "this SYNTHETIC trial found d = {d:.2f} (95% CI {low:.2f} to {high:.2f})"
    ),
    "cells_05.attenuation_line": (
        "ICC {icc:.2f}: expected observed d = {expected:.3f} "
        "(true d = 0.4; {kept:.0%} of the effect is kept)"
    ),
    # pre/post change by arm
    "cells_05.mean_sensitivity_axis": "Mean sensitivity (1-9)",
    "cells_05.means_title": "SYNTHETIC trial: mean sensitivity by arm",
}
