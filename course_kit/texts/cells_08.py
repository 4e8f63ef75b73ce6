"""Texts of the code cells of ``08-differential-susceptibility.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    # the DRD4 table
    "cells_08.arm": "arm",
    "cells_08.control": "control",
    # names of the plot's axes and legend
    "cells_08.child_outcome": "child outcome",
    "cells_08.quality_of_parenting": "quality of parenting",
    "cells_08.children": "children",
    "cells_08.less_susceptible": "less susceptible",
    "cells_08.more_susceptible": "more susceptible",
    # the crossover point, PoI and PA
    "cells_08.crossover_line": (
        "Crossover: {estimate:.2f} (95% CI {low:.2f} to {high:.2f}); "
        "inside the observed range: {inside}"
    ),
    "cells_08.inside_True": "True",
    "cells_08.inside_False": "False",
    "cells_08.poi_line": "Proportion of interaction (PoI): {poi:.2f}",
    "cells_08.pa_line": "Proportion affected (PA): {pa:.2f}",
}
