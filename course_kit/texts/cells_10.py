"""Texts of the code cells of ``10-adapting-video-feedback.ipynb`` (see the package docstring)."""

EN: dict[str, str] = {
    # The table of which principles each option of fragment 1 meets. The English
    # edition prints the principles' names as the course kit spells them in its code;
    # the translations give the principles' names in words (as in the feedback).
    "cells_10.principle.positive_first": "positive_first",
    "cells_10.principle.speak_for_child": "speak_for_child",
    "cells_10.principle.no_blame": "no_blame",
}
