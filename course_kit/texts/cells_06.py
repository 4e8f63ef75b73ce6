"""Texts of the code cells of ``06-effect-sizes.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    "cells_06.ready": "Ready.",
    # headers of Rayce et al.'s Table 5 (the values stay as published)
    "cells_06.column_study": "study",
    "cells_06.column_n_int": "n_int",
    "cells_06.column_mean_int": "mean_int",
    "cells_06.column_sd_int": "sd_int",
    "cells_06.column_n_ctrl": "n_ctrl",
    "cells_06.column_mean_ctrl": "mean_ctrl",
    "cells_06.column_sd_ctrl": "sd_ctrl",
    # d and g of the Bridgeman trial
    "cells_06.cohens_d": "Cohen's d = {d:.3f}   (Rayce et al. 2017 print 0.57)",
    "cells_06.hedges_g": "Hedges' g = {g:.3f}   variance = {variance:.4f}",
    # r and d: the outcomes of van IJzendoorn et al. (2023) and the table's headers
    "cells_06.parenting_behaviour": "parenting behaviour",
    "cells_06.parenting_attitudes": "parenting attitudes",
    "cells_06.attachment_security": "attachment security",
    "cells_06.externalizing_behaviour": "externalizing behaviour",
    "cells_06.column_r": "r (van IJzendoorn et al. 2023)",
    "cells_06.column_d": "d (our conversion)",
    "cells_06.column_back_to_r": "back to r",
    # what d looks like
    "cells_06.control": "control",
    "cells_06.intervention": "intervention",
    "cells_06.overlap": "overlap",
    "cells_06.curves_axis": "Sensitivity after the programme (in SDs of the control group)",
    "cells_06.curves_numbers": (
        "d = {d:.2f}\n"
        "overlap: {overlap:.0%}\n"
        "probability of superiority: {superiority:.0%}\n"
        "NNT: {nnt}"
    ),
    "cells_06.no_benefit": "no benefit",
    "cells_06.example_sensitivity": "sensitivity, d = 0.33 (2003)",
    "cells_06.example_attachment": "attachment, d = 0.20 (2003)",
    "cells_06.example_attachment_r": "attachment, r = .23 as d (2023)",
    "cells_06.example_line": (
        "{label:32s} overlap {overlap:.0%}, superiority {superiority:.0%}, NNT {nnt:.1f}"
    ),
    # sampling error
    "cells_06.n_slider": "n per arm",
    "cells_06.observed_d_axis": "Observed d in one trial",
    "cells_06.trials_axis": "Number of trials",
    "cells_06.spread_title": (
        "1,000 SYNTHETIC trials, true d = 0.4, {n} families per arm:\n"
        "95% of the trials found d between {low:.2f} and {high:.2f}"
    ),
    "cells_06.spread_line": (
        "{n:3d} families per arm: 95% of the SYNTHETIC trials found d between "
        "{low:.2f} and {high:.2f}"
    ),
}
