"""Texts of the code cells of ``02-social-learning-and-sensitive-discipline.ipynb``.

See the package docstring. The widgets' other words (slider labels, the comments
on the Maja scene) are in ``course_kit/method/_messages_social.py``.
"""

EN: dict[str, str] = {
    "cells_02.ready": "Ready.",
    # the teaching model at three settings (an nbval-checked cell)
    "cells_02.cycle_line": "rewards calm {calm:.1f}, gives in {gives:.1f}: escalates in "
    "{escalates:.0%} after 200 situations",
    "cells_02.trap_line": "equal rewards, parent learns: escalates in {escalates:.0%}, "
    "gives in {gives:.0%}",
    # the Maja scene: the parent's possible responses (comments: social.scene_<name>)
    "cells_02.response_harsh": "Shout 'Stop it!' and send Maja to her room for the evening",
    "cells_02.response_ignore": "Say nothing: they have to sort it out themselves",
    "cells_02.response_induction": "Take Maja's hand, say 'No hitting, that hurts Ali', "
    "then 'You are so angry, your tower fell'",
    "cells_02.response_give_in": "Give Maja a biscuit so she stops screaming",
    "cells_02.response_distraction": "Say 'Let us build a new one together, Ali can hand you "
    "the blocks'",
    "cells_02.choose_response": "<i>Choose a response above.</i>",
}
