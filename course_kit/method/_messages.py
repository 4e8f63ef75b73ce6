"""Participant-facing texts of the method notebooks (09, 10, 12).

Merged into :data:`course_kit.messages.EN` when that module loads; kept in their
own file so that the method work does not collide with edits to the big
catalog. Same rules as ``messages.py``: plain English, short sentences. A claim
about the method names its source; where the sources are silent it says it is
the course authors' judgement.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # --- shared ----------------------------------------------------------------------
    "method.judgement": "The course authors' judgement - discuss with your supervisor "
    "(the public sources on VIPP-SD do not settle this)",
    "method.synthetic_label": "SYNTHETIC case, written for the course; no real family",
    "method.sources_label": "Sources:",
    "method.choose_placeholder": "- choose -",
    "method.unknown_choice": "'{value}' is not one of the choices. Pick one from the list.",
    # --- notebook 09: case files -----------------------------------------------------
    "method.case_child": "Child",
    "method.case_caregivers": "Caregivers",
    "method.case_picker": "Case file",
    "method.decision_prompt": "Your decision",
    "method.targets_prompt": "Main intervention targets (tick one to three):",
    "method.decision.start_now": "Start VIPP-SD now",
    "method.decision.after_or_alongside": "Start after, or alongside, other help",
    "method.decision.refer": "Refer elsewhere instead",
    "method.decision.not_suitable": "VIPP-SD is not suitable",
    "method.target.exploration_attachment": "Exploration and attachment behaviour "
    "(play, or a need for comfort?)",
    "method.target.subtle_signals": "Noticing the child's small signals",
    "method.target.prompt_response": "Answering the child's signals promptly and fittingly",
    "method.target.sharing_emotions": "Sharing the child's positive and negative feelings",
    "method.target.child_perspective": "Seeing the situation from the child's side "
    "('speaking for the child')",
    "method.target.limit_setting": "Sensitive limit setting: explaining, distraction, no force",
    "method.target.positive_reinforcement": "Praising the child's positive behaviour",
    "method.target.time_out": "A calm, sensitive time-out to end a tantrum",
    "method.target.empathy": "Empathy for the child when limits are set",
    "method.case_question": "Case {id}: what do you decide, and what are the main targets?",
    "method.case_hint": "Read the case file again: how old is the child, what worries the "
    "family, and is anything more urgent than the interaction?",
    "method.case_solution": "Course authors' choice: {decision}. Main targets: {targets}. {reason}",
    "method.choose_decision": "Please choose a decision first, then press Check.",
    "method.choose_target": "Please tick at least one main target, then press Check.",
    "method.too_many_targets": "You ticked {n} targets. Pick at most {most}: which matter most "
    "for this family right now?",
    "method.decision_line": "Your decision - {label}: {why} (Sources: {sources})",
    "method.target_main": "{label}: yes, a main target in this case. (Sources for the theme: "
    "{sources})",
    "method.target_also": "{label}: reasonable, but not the first focus in this case.",
    "method.target_infant": "{label}: not at this age. Below 12 months the programme is used "
    "without the sensitive-discipline part. (Sources: {sources})",
    "method.target_wrong": "{label}: the case file does not point to this as a main target. "
    "({sources})",
    "method.targets_missing": "{missing} main target(s) are still missing. What does the case "
    "file describe most clearly?",
    "method.targets_reason": "Why these targets: {reason} (Sources: {sources})",
    "method.case_correct": "Well reasoned: this is the course authors' choice too.",
    "method.case_close": "Close: your choice is defensible, but read the notes below.",
    "method.case_incorrect": "Not yet: read the notes below, then try again.",
    # the age window
    "method.age.slider": "Child's age (months)",
    "method.age.child": "A child of {years} year(s) and {months} month(s)",
    "method.age.band_young": "under 6 months",
    "method.age.band_infant": "6-12 months: without the discipline part",
    "method.age.band_full": "1-6 years: the full programme",
    "method.age.band_older": "over 6 years",
    "method.age.too_young": "Younger than the programme's range. VIPP-SD is made for children "
    "aged 1 to 6; without the discipline part it fits from 6 months. (A VIPP version for 2- "
    "to 6-month-olds of mothers with perinatal mental illness has been piloted, but that is "
    "an adaptation, not VIPP-SD.)",
    "method.age.infant": "6 to 12 months: VIPP-SD can be used without the sensitive-discipline "
    "part. The sensitivity themes remain.",
    "method.age.full": "1 to 6 years: the age range the programme is made for, with both "
    "strands: sensitivity and sensitive discipline.",
    "method.age.older": "Older than the developer's range of 1 to 6 years (one US "
    "clearinghouse page says 'through 7'; its other pages say 6). Whether to use it here is "
    "the course authors' judgement - discuss with your supervisor.",
    "method.age.outside": "Outside the programme's age range: look for help made for "
    "school-age children.",
    # universal / targeted / indicated
    "method.level.universal": "Universal",
    "method.level.targeted": "Targeted",
    "method.level.indicated": "Indicated",
    "method.sort.question": "Sort each offer of support: universal (for everyone), targeted "
    "(for a group at risk) or indicated (for a family where problems are already seen)?",
    "method.sort.hint": "Ask: is the offer for everybody, for a group chosen by a risk, or "
    "for a family in which a problem has been seen?",
    "method.sort.solution": "Universal: skin-to-skin for fathers, video feedback for every "
    "father at 5-6 months, the parents' group for all (proportionate universalism). "
    "Targeted: teenage parents, parents of preterm infants. Indicated: harsh responses seen, "
    "a very irritable infant.",
    "method.sort.choose_all": "Please choose a level for every offer ({open} still open), "
    "then press Check.",
    "method.sort.line_right": "{situation} - {level}: right. {why}",
    "method.sort.line_wrong": "{situation} - {level}: not quite. {why}",
    "method.sort.source": "Source: {sources}",
    "method.sort.correct": "All sorted as in the seminar material. Well done!",
    "method.sort.some_wrong": "{right} of {n} sorted as in the seminar material. Look at the "
    "notes below.",
    "method.sort.item.skin_to_skin": "Skin-to-skin time for every father in the first days",
    "method.sort.item.father_video": "A home visit with video feedback for every father when "
    "the baby is 5-6 months old",
    "method.sort.item.proportionate": "A parents' group for all first-time parents, with "
    "extra visits where the need is greater",
    "method.sort.item.teenage": "A home-visiting programme for teenage parents",
    "method.sort.item.preterm": "A programme for parents of babies born preterm",
    "method.sort.item.harsh": "VIPP-SD for a mother whose nurse has seen repeated harsh "
    "responses to her toddler",
    "method.sort.item.irritable": "Interaction support for parents of an infant with a very "
    "irritable temperament",
    "method.sort.why.skin_to_skin": "It is offered to all fathers, whatever their risk.",
    "method.sort.why.father_video": "Every father is offered it; the seminar lists it as "
    "universal support for fathers' sensitivity.",
    "method.sort.why.proportionate": "Everyone gets it, more is given where needs are greater: "
    "'proportionate universalism'.",
    "method.sort.why.teenage": "The group is chosen by a risk (young parents), not by a "
    "problem seen in a family.",
    "method.sort.why.preterm": "The group is chosen by a risk (preterm birth).",
    "method.sort.why.harsh": "A problem has been seen in this family: negative parenting is "
    "among the reasons for indicated support, with VIPP named as an example.",
    "method.sort.why.irritable": "The seminar lists an irritable temperament among the "
    "reasons for indicated support.",
    "method.sort.nudge.skin_to_skin": "Who is it offered to: everyone, a risk group, or a "
    "family with a problem?",
    "method.sort.nudge.father_video": "It is offered to every father, not only some.",
    "method.sort.nudge.proportionate": "Everyone gets it; some get more. That is still a "
    "universal offer.",
    "method.sort.nudge.teenage": "No problem has been seen yet; the parents belong to a "
    "group at risk.",
    "method.sort.nudge.preterm": "No problem has been seen yet; the babies belong to a group "
    "at risk.",
    "method.sort.nudge.harsh": "Here a problem has already been seen in this family.",
    "method.sort.nudge.irritable": "Here a problem is already seen in this child and family.",
    # self-checks of notebook 09
    "exercises.09.depression_first.question": "Case C1: the mother's depression is untreated. "
    "What does the course's seminar material say about the order of help?",
    "exercises.09.depression_first.hint": "Which problem does the seminar say to treat first, "
    "and what is interaction treatment then?",
    "exercises.09.depression_first.solution": "Effective treatment of the mother's depression "
    "(or PTSD) should come first; interaction treatment is then considered as an add-on. "
    "Watch for depression in the partner too. (Course seed 001; the studies behind the slide "
    "are not named there.)",
    "exercises.09.depression_first.option_a": "Start VIPP-SD first: a better interaction will "
    "lift her mood.",
    "exercises.09.depression_first.option_b": "Treat the depression first; consider "
    "interaction treatment as an add-on.",
    "exercises.09.depression_first.option_c": "Depression is an official contraindication for "
    "VIPP-SD.",
    "exercises.09.depression_first.option_d": "Wait until the child is one year old, then "
    "start VIPP-SD.",
    "exercises.09.depression_first.explain_a": "The seminar material says the opposite: "
    "effective treatment of the depression comes first.",
    "exercises.09.depression_first.explain_b": "This is what the seminar slide says (course "
    "seed 001).",
    "exercises.09.depression_first.explain_c": "No official contraindication list for VIPP-SD "
    "was found in the public sources; the seminar speaks of order, not of exclusion.",
    "exercises.09.depression_first.explain_d": "Age is not the issue: from 6 months VIPP-SD "
    "can be used without the discipline part. The untreated depression is.",
    "exercises.09.contraindications.question": "A colleague says: 'VIPP-SD has an official "
    "list of families it must not be used with.' What do the public sources show?",
    "exercises.09.contraindications.hint": "Think of the difference between who a trial "
    "excluded and what the developers forbid.",
    "exercises.09.contraindications.solution": "No official contraindication list was found. "
    "Trials had exclusion criteria (e.g. the foster-care trial excluded short-term crisis "
    "placements; an early trial excluded serious medical conditions), but a trial's "
    "exclusions only say who was studied. Decisions about violence, crises or substance use "
    "are the course authors' judgement - discuss them with your supervisor.",
    "exercises.09.contraindications.option_a": "True: the developers list acute crisis, "
    "violence and substance use.",
    "exercises.09.contraindications.option_b": "No such list was found; trials had exclusion "
    "criteria, which only tell who was studied.",
    "exercises.09.contraindications.option_c": "Only the age range matters; every family in "
    "it is suitable.",
    "exercises.09.contraindications.option_d": "The trials' exclusion criteria are the "
    "official contraindications.",
    "exercises.09.contraindications.explain_a": "No such list was found in the public "
    "sources. Be careful not to present your own judgement as the developers' rule.",
    "exercises.09.contraindications.explain_b": "Right: exclusion criteria describe a study "
    "sample, not a rule for practice.",
    "exercises.09.contraindications.explain_c": "Age is one condition, but a family in acute "
    "crisis or with untreated depression may need other help first.",
    "exercises.09.contraindications.explain_d": "A trial excludes families to answer its "
    "question cleanly (e.g. crisis placements in the foster-care trial); that does not make "
    "the criteria rules for practice.",
}
