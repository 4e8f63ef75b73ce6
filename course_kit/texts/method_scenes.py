"""Participant-facing strings of the observation material (notebook 04).

Translation domain ``method_scenes`` (``course_kit/locale/<lang>/method_scenes.po``).
"""

from __future__ import annotations

EN: dict[str, str] = {
    "scenes.label": "written for the course kit, not a real family",
    "scenes.unknown": "There is no scene called {value!r}. Choose one of: {names}.",
    "scenes.unknown_scene_row": "{file}, row {row}, column scene: {scene!r} is not one of the "
    "scenes in observation_scenes.csv. Add the scene there, or correct the name.",
    "scenes.fragment_without_note": "{file}, row {row}, column note: every fragment needs the "
    "course authors' note explaining it. Write the note, or clear the fragment column.",
    "scenes.response_not_parent": "{file}, row {row}, column parent_response: only the parent's "
    "events get a parent_response. Clear it, or set who to 'parent'.",
    "scenes.events_not_numbered": "{file}, scene {scene}: the events must be numbered 1, 2, 3, "
    "... in order. Renumber the event column.",
    "scenes.times_not_in_order": "{file}, scene {scene}: the times (time_s) must not go "
    "backwards. Check the order of the rows.",
    "scenes.no_fragment": "{file}, scene {scene}: no event is marked as a fragment. Mark at "
    "least one fragment worth replaying.",
    "scenes.scene_without_events": "{file}: scene {scene} has no events. Add its transcript, or "
    "remove the scene from observation_scenes.csv.",
    "scenes.marks_not_dict": "marks must be a dictionary {event number: kind}, for example "
    "{5: 'praise'}.",
    "scenes.unknown_event": "Event {event} is not in scene {scene}, which has events 1 to {n}.",
    "scenes.unknown_kind": "{kind!r} is not a kind of fragment. Use one of: {kinds}.",
    "scenes.unknown_theme": "{theme!r} is not a theme. Use one of: {themes}.",
    "scenes.extra_default": "The course authors did not choose this moment; ask yourself what "
    "the parent would learn from seeing it.",
    "scenes.score": "You found {found} of the {total} fragments the course authors chose "
    "(with the right kind).",
    "scenes.verdict.found": "{time} - found: {reference}.",
    "scenes.verdict.other_kind": "{time} - right moment, other kind: you chose {yours}; the "
    "reference is {reference}.",
    "scenes.verdict.missed": "{time} - not marked: the reference chose this as {reference}.",
    "scenes.verdict.extra": "{time} - your extra choice ({yours}):",
    "scenes.theme_right": "Theme: {theme} - the same as the course authors.",
    "scenes.theme_other": "Theme: you chose {yours}; the course authors chose {theme}.",
    "scenes.theme_none": "Theme: you did not choose one; the course authors chose {theme}.",
    "scenes.judgement": "The reference coding is the course authors' judgement, not a rule of "
    "the VIPP-SD manual: where you disagree, bring the scene to your supervisor.",
    "scenes.kind.praise": "a moment to praise",
    "scenes.kind.speak_for_child": "a moment to speak for the child",
    "scenes.kind.missed_signal": "a missed signal",
    "scenes.theme.exploration_attachment": "exploration vs. attachment behaviour",
    "scenes.theme.signals": "noticing the child's (subtle) signals",
    "scenes.theme.responding": "responding promptly and adequately",
    "scenes.theme.sharing_emotions": "sharing emotions",
    "scenes.theme.limit_setting": "consistent limit setting",
    "scenes.theme.distraction": "distraction and non-coercive responses",
    "scenes.theme.positive_reinforcement": "positive reinforcement",
    "scenes.theme.time_out": "time-out to de-escalate",
    "scenes.theme.empathy": "empathy for the child",
    "scenes.who.child": "child",
    "scenes.who.parent": "parent",
    "scenes.who.other": "other",
    "scenes.time_axis": "Time in the scene (m:ss)",
    "scenes.reference_mark": "course authors' fragment (after Check)",
}

EN.update(
    {
        # the marking widget
        "scenes.choose_scene": "Scene",
        "scenes.choose_kind": "-",
        "scenes.choose_theme": "- the theme you would work on -",
        "scenes.theme_label": "Theme",
        "scenes.check_button": "Check my marking",
        "scenes.reset_button": "Clear my marks",
        "scenes.scene_intro": "<b>{title}</b> ({label}). Child's age: {age}. Situation: "
        "{situation}.<br>{summary}",
        "scenes.how_to": "Read the transcript. For each moment you would replay to the parent, "
        "choose what kind of fragment it is. Then choose the theme and press 'Check my marking'.",
        "scenes.marks_none": "No moment marked yet.",
        "scenes.marks_count": "{n} moment(s) marked.",
        "scenes.step_slider": "Event",
        "scenes.step_text": "<b>{time} - {who}:</b> {what}<br><b>Child's signal:</b> {signal}<br>"
        "<b>Parent's response:</b> {response}<br><b>Theme:</b> {theme}<br><b>Fragment:</b> "
        "{fragment}<br><i>{note}</i>",
        "scenes.none": "-",
        "scenes.order_judgement": "The order (strengths first, then the child's signals in words, "
        "then a missed signal if the working alliance allows it) is the course authors' judgement, "
        "resting on the sources' emphasis on positive sequences. Discuss it with your supervisor.",
        # exercise: which kind of fragment
        "exercises.observing.which_kind.question": "Scene S06 (written for the course): Omar, "
        "2½, looks at the glass jar and then at his father before he reaches for it. As what "
        "kind of fragment would you replay this look?",
        "exercises.observing.which_kind.hint": "Is the father doing something to praise, or is "
        "it the child's signal that needs words?",
        "exercises.observing.which_kind.solution": "b) A moment to speak for the child. The look "
        "asks 'may I?'. Putting it into words shows the father that Omar checks with him; the "
        "father's calm limit two seconds later is the moment to praise. (The reference coding "
        "is the course authors' judgement.)",
        "exercises.observing.which_kind.option_a": "A moment to praise the father",
        "exercises.observing.which_kind.option_b": "A moment to speak for the child",
        "exercises.observing.which_kind.option_c": "A missed signal",
        "exercises.observing.which_kind.option_d": "Not worth showing: nothing happens",
        "exercises.observing.which_kind.explain_a": "The father has not acted yet; the praise "
        "moment is his answer at 0:16.",
        "exercises.observing.which_kind.explain_b": "The look is Omar's signal, and giving it "
        "words is what 'speaking for the child' does (van IJzendoorn's page on the "
        "intervention).",
        "exercises.observing.which_kind.explain_c": "The father did not miss it: he answers "
        "with a calm limit two seconds later.",
        "exercises.observing.which_kind.explain_d": "A look is a small but clear signal. "
        "Noticing small signals is exactly what the films are for.",
        # exercise: the depressed mother
        "exercises.observing.depressed_opening.question": "Scene S04: Sami's mother feels low "
        "and answers him flatly. Which fragment would you show her FIRST?",
        "exercises.observing.depressed_opening.hint": "The sources emphasise positive "
        "interaction sequences. Is there one in this scene?",
        "exercises.observing.depressed_opening.solution": "c) Her small smile and 'Brum brum' at "
        "0:36, and Sami's face lighting up at 0:37. The sources emphasise positive sequences and "
        "the parent's sensitive moments (van IJzendoorn's page; VIPP-SD International). With a "
        "parent who feels low this matters even more: she sees that her attention makes her son "
        "happy. How much of the flat moments to show later is the course authors' judgement to "
        "discuss in supervision, and the depression itself needs its own help (see notebook 3).",
        "exercises.observing.depressed_opening.option_a": "0:14 - her flat 'Mm', so that she "
        "sees the problem",
        "exercises.observing.depressed_opening.option_b": "0:52 - she looks out of the window "
        "again",
        "exercises.observing.depressed_opening.option_c": "0:36-0:37 - her small smile and "
        "'Brum brum', and Sami's face lighting up",
        "exercises.observing.depressed_opening.option_d": "None: do not show a depressed parent "
        "any film",
        "exercises.observing.depressed_opening.explain_a": "Opening with a flat moment can feel "
        "like blame to a parent who already feels low; the sources put positive sequences first.",
        "exercises.observing.depressed_opening.explain_b": "This shows nothing she can build on, "
        "and the sources emphasise positive sequences.",
        "exercises.observing.depressed_opening.explain_c": "A real strength on her own film, "
        "and the child's reaction makes it convincing.",
        "exercises.observing.depressed_opening.explain_d": "The public sources do not say this. "
        "Whether to start now is a question of suitability (treat the depression first, "
        "notebook 3); once you work with the film, start from what goes well.",
        # exercise: tidying up
        "exercises.observing.tidy_up.question": "Scene S08: Adam's mother first threatens to "
        "bin the train, then turns tidying into a race. Which fragment best shows her her own "
        "effective sensitive discipline?",
        "exercises.observing.tidy_up.hint": "Which moment shows her rewarding what she wants "
        "more of?",
        "exercises.observing.tidy_up.solution": "d) The praise at 0:37 for the first two "
        "carriages: positive reinforcement of the behaviour she wants, on her own film (HomVEE "
        "lists positive reinforcement among the topics). The threat can be discussed later, as "
        "the contrast, if the alliance allows it (course authors' judgement).",
        "exercises.observing.tidy_up.option_a": "0:20 - the threat, so that she sees it does "
        "not work",
        "exercises.observing.tidy_up.option_b": "0:08 - Adam ignoring her first request",
        "exercises.observing.tidy_up.option_c": "1:00 - Adam's 'I won!'",
        "exercises.observing.tidy_up.option_d": "0:37 - 'Two carriages already. You are fast!'",
        "exercises.observing.tidy_up.explain_a": "Starting with the threat puts her on the "
        "defensive; the film also shows what worked, so start there.",
        "exercises.observing.tidy_up.explain_b": "A child absorbed in play is not doing "
        "anything wrong, and this shows nothing of her own skill.",
        "exercises.observing.tidy_up.explain_c": "A lovely moment, but it shows Adam's pride "
        "more than her discipline; the praise at 0:37 is what made it happen.",
        "exercises.observing.tidy_up.explain_d": "Praise for the first small step: what she "
        "wants more of gets rewarded.",
    }
)

# words for the codes of the datasets, and the overview table (scenes.overview); the
# English words of columns and values are the stored ones, so English stays as it was
EN.update(
    {
        "scenes.situation.free_play": "free play",
        "scenes.situation.routine": "routine",
        "scenes.situation.meal": "meal",
        "scenes.situation.picture_book": "picture book",
        "scenes.situation.tidying_up": "tidying up",
        "scenes.situation.dont_touch": "don't touch",
        "scenes.caregiver.mother": "mother",
        "scenes.caregiver.father": "father",
        "scenes.response.sensitive": "sensitive",
        "scenes.response.partly_sensitive": "partly sensitive",
        "scenes.response.missed": "missed",
        "scenes.response.intrusive": "intrusive",
        "scenes.response.flat": "flat",
        "scenes.response.harsh": "harsh",
        "scenes.age_months": "{n} months",
        "scenes.age_years": "{n} years",
        "scenes.age_years_half": "{n} years and a half",
        "scenes.column.scene": "scene",
        "scenes.column.title": "title",
        "scenes.column.age_months": "age_months",
        "scenes.column.caregiver": "caregiver",
        "scenes.column.situation": "situation",
        "scenes.column.limit_setting": "limit_setting",
        "scenes.limit_value.true": "True",
        "scenes.limit_value.false": "False",
    }
)
