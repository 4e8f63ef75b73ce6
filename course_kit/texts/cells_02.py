"""Texts of the code cells of ``02-social-learning-and-sensitive-discipline.ipynb``.

See the package docstring. The widgets' other words (slider labels, the comments
on the Maja scene) are in ``course_kit/texts/method_social.py``.
"""

EN: dict[str, str] = {
    "cells_02.ready": "Ready.",
    # the teaching model at three settings (an nbval-checked cell)
    "cells_02.cycle_line": "rewards calm {calm:.1f}, gives in {gives:.1f}: escalates in "
    "{escalates:.0%} after 200 situations",
    "cells_02.trap_line": "equal rewards, parent learns: escalates in {escalates:.0%}, "
    "gives in {gives:.0%}",
}
