"""Participant-facing strings of the social-learning material (notebook 02).

Translation domain ``method_social`` (``course_kit/locale/<lang>/method_social.po``).
"""

from __future__ import annotations

EN: dict[str, str] = {
    "social.model_label": "TEACHING MODEL, not data: the numbers show an idea, not a published estimate.",
    "social.summary_child": "After {n} situations the child escalates in about {end:.0f}% of "
    "situations (at the start: {start:.0f}%).",
    "social.summary_parent": "The parent now gives in to about {end:.0f}% of escalations "
    "(at the start: {start:.0f}%): giving in ended the tantrums, and that relief taught the parent.",
    "social.line_escalation": "child escalates (chance, %)",
    "social.line_give_in": "parent gives in (chance, %)",
    "social.strip_escalated": "one simulated family: escalation (tall tick = rewarded)",
    "social.strip_calm": "one simulated family: calm request (tall tick = rewarded)",
    "social.x_label": "Everyday situations (in order)",
    "social.y_label": "Chance (%)",
    "social.title": "Coercive cycle: TEACHING MODEL, not data",
}

EN.update(
    {
        # widget labels
        "social.slider_praise": "Rewards calm",
        "social.slider_give_in": "Gives in",
        "social.toggle_parent": "The parent learns too (relief when a tantrum stops)",
        "social.slider_situation": "Situation",
        "social.step_title": "One SIMULATED family, situations 1-{upto}: {esc} escalations, "
        "{paid} of them rewarded",
        # exercise: negative reinforcement
        "exercises.social.negative_reinforcement.question": "A 3-year-old whines for a biscuit. "
        "After a minute the father gives him one, and the whining stops at once. What does the "
        "father learn from this moment, in the terms of learning theory?",
        "exercises.social.negative_reinforcement.hint": "Something unpleasant stopped right after "
        "the father acted. What is it called when removing something unpleasant makes an action "
        "more likely?",
        "exercises.social.negative_reinforcement.solution": "Negative reinforcement: giving in "
        "removed something unpleasant (the whining), so giving in becomes more likely next time. "
        "At the same moment the child's whining was positively reinforced (it brought the "
        "biscuit). Both partners are rewarded for the coercive pattern; this is the core of "
        "Patterson's (1982) coercion theory.",
        "exercises.social.negative_reinforcement.option_a": "Positive reinforcement: he got "
        "something nice.",
        "exercises.social.negative_reinforcement.option_b": "Negative reinforcement: something "
        "unpleasant stopped, so giving in becomes more likely.",
        "exercises.social.negative_reinforcement.option_c": "Punishment: giving in will become "
        "less likely.",
        "exercises.social.negative_reinforcement.option_d": "Nothing: only children learn from "
        "consequences.",
        "exercises.social.negative_reinforcement.explain_a": "The father did not get anything "
        "nice; something unpleasant ended. The child is the one who got something nice (the "
        "biscuit).",
        "exercises.social.negative_reinforcement.explain_b": "The relief rewards the father's "
        "giving in, just as the biscuit rewards the child's whining.",
        "exercises.social.negative_reinforcement.explain_c": "Punishment makes an action less "
        "likely. Here the father's action (giving in) was followed by relief, so it becomes more "
        "likely.",
        "exercises.social.negative_reinforcement.explain_d": "Parents learn from consequences "
        "too. That the parent is also trained by the child is exactly what makes the cycle hard "
        "to break.",
        # exercise: reading the model
        "exercises.social.model_reading.question": "In the coercive-cycle model, set 'Rewards "
        "calm' and 'Gives in' both to 0.50 and tick 'The parent learns too'. After the 200 "
        "situations, how often does the child escalate (in %)? Read the summary under the "
        "picture.",
        "exercises.social.model_reading.hint": "Set the two sliders to 0.50, tick the box, and "
        "read the first sentence of the summary under the picture.",
        "exercises.social.model_reading.solution": "About 69%. The parent starts by rewarding "
        "calm and escalated behaviour equally often, so without the parent's learning nothing "
        "would change (30% stays 30%). But every give-in that ends a tantrum brings relief, so "
        "the parent gives in more and more often, and the child's escalations pay off more and "
        "more. This is a TEACHING MODEL with the course authors' settings, not data.",
        "exercises.social.model_reading.mistake_start": "30% is where the child starts. With the "
        "box ticked the parent learns too: look at the summary after 200 situations.",
        # exercise: checkout scene
        "exercises.social.checkout.question": "Scene written for the course: at the supermarket "
        "checkout, a 4-year-old demands sweets, is told no, and starts to scream. Which response "
        "fits sensitive discipline best?",
        "exercises.social.checkout.hint": "Sensitive discipline is empathic, clear and consistent "
        "(see section 3). Which option holds the limit AND shows that the parent understands the "
        "child?",
        "exercises.social.checkout.solution": "c) The parent names the child's feeling "
        "(empathy), keeps the limit (clear and consistent) and offers something else to do "
        "(distraction). Sensitive discipline is described as empathic, clear and consistent "
        "(No Punish best-practice entry), and HomVEE lists limit setting, distraction and "
        "empathy among the topics. The exact words are the course authors' example.",
        "exercises.social.checkout.option_a": "Give the sweets this time, so that the other "
        "customers are not disturbed.",
        "exercises.social.checkout.option_b": "Say sharply that there will be no TV tonight if "
        "the screaming goes on.",
        "exercises.social.checkout.option_c": "Crouch down, say 'You really wanted those, it is "
        "hard to hear no', keep the no, and ask the child to help put the shopping on the belt.",
        "exercises.social.checkout.option_d": "Explain at length why sweets are bad for the "
        "teeth until the child understands.",
        "exercises.social.checkout.explain_a": "Giving in ends the screaming now, but it rewards "
        "screaming (positive reinforcement for the child) and the relief rewards giving in "
        "(negative reinforcement for the parent): the coercive cycle.",
        "exercises.social.checkout.explain_b": "A threat may stop the screaming, but it is harsh "
        "control: the parent escalates too, and the child sees escalation used to settle a "
        "conflict. It also shows no understanding of the child's feeling.",
        "exercises.social.checkout.explain_c": "It holds the limit calmly, names the feeling, "
        "and gives the child a way out.",
        "exercises.social.checkout.explain_d": "A short reason helps (that is the idea of "
        "inductive discipline), but a long lecture in the middle of a tantrum does not reach a "
        "4-year-old, and the child's feeling is not acknowledged.",
        # exercise: time-out
        "exercises.social.time_out.question": "In the public descriptions of VIPP-SD, what is "
        "a sensitive time-out for?",
        "exercises.social.time_out.hint": "The HomVEE summary of VIPP-SD gives time-outs one "
        "purpose. Which option is about calming down, not about hurting?",
        "exercises.social.time_out.solution": "a) HomVEE lists time-outs as a way to de-escalate "
        "temper tantrums. The point is to let the child (and the parent) calm down, not to "
        "punish or shame. How long a time-out lasts and where it happens are not in the public "
        "sources: discuss them with your supervisor.",
        "exercises.social.time_out.option_a": "To de-escalate a temper tantrum, so that child "
        "and parent can calm down.",
        "exercises.social.time_out.option_b": "To punish the child by being alone for as long as "
        "possible.",
        "exercises.social.time_out.option_c": "To make the child feel ashamed, so it will not do "
        "it again.",
        "exercises.social.time_out.option_d": "To replace praise, which spoils children.",
        "exercises.social.time_out.explain_a": "Time-out is a pause that takes the heat out of "
        "the moment.",
        "exercises.social.time_out.explain_b": "A long isolation is harsh control, not sensitive "
        "discipline; the public sources speak of de-escalation.",
        "exercises.social.time_out.explain_c": "Shame is not a goal of sensitive discipline, "
        "which is described as empathic.",
        "exercises.social.time_out.explain_d": "Praise of positive behaviour (positive "
        "reinforcement) is itself one of the VIPP-SD topics (HomVEE); time-out does not replace "
        "it.",
    }
)

EN.update(
    {
        # the Maja scene (teaching/social_widgets.scene_chooser): the parent's possible
        # responses, then the comments on them (course authors' judgement, with the theory)
        "social.response_harsh": "Shout 'Stop it!' and send Maja to her room for the evening",
        "social.response_ignore": "Say nothing: they have to sort it out themselves",
        "social.response_induction": "Take Maja's hand, say 'No hitting, that hurts Ali', "
        "then 'You are so angry, your tower fell'",
        "social.response_give_in": "Give Maja a biscuit so she stops screaming",
        "social.response_distraction": "Say 'Let us build a new one together, Ali can hand you "
        "the blocks'",
        "social.choose_response": "Choose a response above.",
        "social.scene_harsh": "<b>Harsh control.</b> It may stop the screaming now, but the parent "
        "escalates too, and a long banishment is not the short, calming pause that a time-out is "
        "meant to be (HomVEE: time-outs to de-escalate tantrums). Maja learns by watching that "
        "shouting settles conflicts (Bandura, 1977). <i>Course authors' judgement; discuss with "
        "your supervisor.</i>",
        "social.scene_ignore": "<b>No limit.</b> Hitting a toddler is a moment where a clear "
        "limit is needed; ignoring is meant for mild attention-seeking, not for hurting someone "
        "(HomVEE lists 'ignore attention-seeking' under positive reinforcement). Ali also needs "
        "protection and comfort. <i>Course authors' judgement; discuss with your supervisor.</i>",
        "social.scene_induction": "<b>Sensitive discipline.</b> A clear limit with a short reason "
        "that points to Ali (induction, Hoffman 2000), and empathy for Maja's anger, which is "
        "real: her tower fell. Empathic, clear and consistent (No Punish entry on VIPP-SD). "
        "Next, Ali may need comfort too. <i>Course authors' judgement; discuss with your "
        "supervisor.</i>",
        "social.scene_give_in": "<b>Giving in.</b> The screaming stops, so the parent is rewarded "
        "(negative reinforcement) and Maja learns that screaming and hitting bring a biscuit "
        "(positive reinforcement): the coercive cycle (Patterson, 1982). <i>Course authors' "
        "judgement; discuss with your supervisor.</i>",
        "social.scene_distraction": "<b>Distraction, a good second step.</b> Offering a new "
        "activity is a non-coercive response (HomVEE), and it gives Maja a way out. But the "
        "hitting has not been named yet: first a short, clear limit, then the new tower. "
        "<i>Course authors' judgement; discuss with your supervisor.</i>",
    }
)
