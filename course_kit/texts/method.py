"""Participant-facing texts of the method notebooks (09, 10, 12).

Merged into :data:`course_kit.messages.EN` when that module loads; translation
domain ``method`` (``course_kit/locale/<lang>/method.po``).
Same rules as ``messages.py``: plain English, short sentences. A claim
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
    # wrong arguments in a notebook cell (e.g. an edited case number)
    "method.error.case_id": "case_id must be one of {ids} (got {value}).",
    "method.error.not_a_case": "the_case must be a Case, e.g. cases.case('C1').",
    "method.error.fragment": "fragment must be one of {keys} (got {value}).",
    "method.error.parent": "parent must be one of {keys} (got {value}).",
    # --- notebook 09: case files -----------------------------------------------------
    "method.case_child": "Child",
    "method.case_caregivers": "Caregivers",
    "method.case_picker": "Case file",
    # the overview table of the case files (English: the dataset's column names)
    "method.overview.id": "id",
    "method.overview.title": "title",
    "method.overview.child": "child",
    "method.overview.child_age_months": "child_age_months",
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
    "method.choose_phrasing": "Please choose a phrasing first, then press Check.",
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
    "method.age.tick": "{years} y",
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
    "Watch for depression in the partner too. (Seminar on the first 1000 days; the studies behind the slide "
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
    # --- notebook 10: phrasing video feedback ---------------------------------------
    "method.principle.positive_first": "positive first",
    "method.principle.speak_for_child": "speaking for the child",
    "method.principle.no_blame": "no blame",
    "method.phrase.none": "none of the three",
    "method.phrase.hint": "Which option starts with what goes well, puts the child's signal "
    "into words, and leaves the parent room to answer?",
    "method.phrase.line": "{letter}){mark} {explain} Meets: {principles}.",
    "method.phrase.yours": " (your choice)",
    "method.phrase.sources": "Sources for the principles - {sources}",
    "method.phrase.correct": "Yes: this phrasing meets all three principles. Every option is "
    "explained below.",
    "method.phrase.close": "Close: this phrasing does part of the job. Compare it with the "
    "others below.",
    "method.phrase.incorrect": "Not this one: read why below, and compare the options.",
    "method.phrase.picker": "Film fragment",
    "method.phrase.tower.scene": "Fragment 1 (SYNTHETIC; boy, 2 years; play). The boy builds a "
    "tower of four blocks. When it stands he looks up at his mother and smiles. She has been "
    "looking at her phone; she looks up a moment later, smiles and says 'clever'. He laughs "
    "and starts a new tower. Which comment would you make when you show this fragment?",
    "method.phrase.tower.option_a": "'Here you were looking at your phone again. He needed "
    "you to look at him.'",
    "method.phrase.tower.option_b": "'Look at his face when the tower stands: he looks up at "
    "you. What do you think he wants to tell you? ... And here you smile back - see how he "
    "laughs.'",
    "method.phrase.tower.option_c": "'I did it, Mummy! Look at me!' (said in the boy's voice, "
    "then on to the next fragment)",
    "method.phrase.tower.option_d": "'That was a nice moment. Good job.'",
    "method.phrase.tower.explain_a": "Starts with a failure and tells her what she did wrong. "
    "A parent who feels judged is less open to the next fragment.",
    "method.phrase.tower.explain_b": "Shows the child's signal (he looks up), invites the "
    "mother to put it into words, and ends on her sensitive answer and his joy.",
    "method.phrase.tower.explain_c": "Positive and warm, but speaks for the boy in the first "
    "person without asking the mother if it fits. The developers say the first person is "
    "optional and makes confirmation harder.",
    "method.phrase.tower.explain_d": "Positive, but vague: it does not show the mother what "
    "the boy did or what her smile meant to him.",
    "method.phrase.vase.scene": "Fragment 2 (SYNTHETIC; boy, 3 years 6 months; a 'don't touch' "
    "moment). The boy reaches for a glass vase. His father says 'no' three times, louder each "
    "time. Then he holds out a ball and says 'catch!'. The boy turns, catches the ball and "
    "laughs. Which comment would you make?",
    "method.phrase.vase.option_a": "'You got louder and louder here. That frightens him.'",
    "method.phrase.vase.option_b": "'Watch what happens when you hold out the ball: his "
    "whole body turns to you and he laughs. What do you think he felt when he could not touch "
    "the vase?'",
    "method.phrase.vase.option_c": "'Next time, just put the vase away before he comes in.'",
    "method.phrase.vase.option_d": "'He is testing you here. Children his age want to see "
    "who is the boss.'",
    "method.phrase.vase.explain_a": "Blames the father and starts with the hardest moment. It "
    "may be true, but he is unlikely to hear it this way.",
    "method.phrase.vase.explain_b": "Starts with the distraction that worked (a sensitive way "
    "to set a limit), and invites the father to see the moment from the boy's side.",
    "method.phrase.vase.explain_c": "A practical tip without blame, but it skips what went "
    "well and what the boy felt. Tips fit better after the positive moment.",
    "method.phrase.vase.explain_d": "Reads the boy's behaviour as a power struggle instead of "
    "from his feelings (curiosity, frustration), and gives the father nothing to build on.",
    "method.phrase.bottle.scene": "Fragment 3 (SYNTHETIC; girl, 8 months; a feed). The baby "
    "turns her head away from the bottle and fusses. Her mother offers the bottle twice more, "
    "then stops, holds her upright against her shoulder, and the baby calms at once. Which "
    "comment would you make?",
    "method.phrase.bottle.option_a": "'You keep pushing the bottle; she clearly does not want it.'",
    "method.phrase.bottle.option_b": "'She turns her head away here - maybe she is saying "
    '"enough for now". Does that fit what you saw?\'',
    "method.phrase.bottle.option_c": "'Many babies refuse the bottle at 8 months; it is a phase.'",
    "method.phrase.bottle.option_d": "'Look what happens when you hold her up: she calms at "
    "once - you read her well there. Just before, she turns her head away: what do you "
    "think she was telling you?'",
    "method.phrase.bottle.explain_a": "Blames the mother and only shows the difficult part.",
    "method.phrase.bottle.explain_b": "Speaks for the baby and asks the mother to confirm - "
    "good - but starts with the difficult moment and misses her sensitive answer.",
    "method.phrase.bottle.explain_c": "General knowledge about development can help, but this "
    "says nothing about this baby's signal or this mother's answer.",
    "method.phrase.bottle.explain_d": "Starts with the mother's sensitive answer, then goes "
    "back to the baby's signal and lets the mother put it into words.",
    # adapting to the parent
    "method.parent.picker": "The parent",
    "method.parent.label.depressed": "A depressed parent",
    "method.parent.label.defensive": "A defensive parent",
    "method.parent.label.anxious": "An anxious parent",
    "method.parent.label.language": "A parent with limited language",
    "method.parent.label.father": "A father",
    "method.parent.title": "Adapting the feedback: {parent}",
    "method.parent.depressed.treatment": "Check that her depression is being treated: "
    "interaction work is an add-on to effective treatment, not a replacement.",
    "method.parent.depressed.strengths": "Lead with moments where the child turns to her and "
    "she answers; a depressed parent easily sees only her failures.",
    "method.parent.depressed.pace": "Keep the pace slow and the visit predictable: fewer, "
    "shorter fragments.",
    "method.parent.depressed.perinatal": "A VIPP version for mothers with moderate to severe "
    "perinatal mental illness added psychoeducation on emotion regulation (a pilot with 14 "
    "mothers).",
    "method.parent.defensive.alliance": "Build the working alliance first: in a VIPP-SD trial "
    "sample, only the mother-intervener alliance predicted change in positive parenting.",
    "method.parent.defensive.expert": "Treat the parent as the expert on their child: ask "
    "what they see before you say what you see.",
    "method.parent.defensive.later": "Keep the difficult fragment for later in the visit, or "
    "for a later visit, once the parent has seen their strengths on the film.",
    "method.parent.anxious.own_model": "Say what the visit and the film are for: the parent "
    "is their own model on the film, not a person being tested.",
    "method.parent.anxious.calm_fragments": "Choose fragments where the child is calm and "
    "content with the parent, so the parent sees what goes well.",
    "method.parent.anxious.subtitles": "Invite the parent to add 'subtitles' to the child's "
    "behaviour, and build on their reading rather than correct it.",
    "method.parent.language.interpreter": "Use a trained interpreter, not a relative, and "
    "tell them before the visit how you speak for the child.",
    "method.parent.language.first_person": "Speaking for the child in the first person is "
    "optional: it makes confirmation harder and can be culturally unsuitable. Involve the "
    "parent.",
    "method.parent.language.adapted": "VIPP-SD has been adapted for Turkish-Dutch mothers "
    "(VIPP-TM) after a pilot with feedback from mothers of that group.",
    "method.parent.father.one_or_both": "VIPP-SD can be offered to one or both caregivers, as "
    "the family prefers.",
    "method.parent.father.flexible": "In a pilot with fathers, flexible timing and visits at "
    "home or at the father's workplace were key.",
    "method.parent.father.own_relation": "Work with the father's own interaction with the "
    "child, not with him as the mother's helper.",
    # free-text exercise
    "method.free.placeholder": "Write what you would say to the parent about this fragment...",
    "method.free.note": "Your text stays in this box only: it is not graded, saved or sent "
    "anywhere. Copy it to your own notes if you want to keep it.",
    "method.free.checklist": "Now read your text and tick what is true of it:",
    "method.check.positive": "I begin with something that goes well on the film",
    "method.check.on_screen": "I point to something the child does that the parent can see",
    "method.check.child_words": "I put the child's possible feelings or wishes into words",
    "method.check.confirm": "I ask the parent whether my reading fits",
    "method.check.no_blame": "There is no blame in it (no 'you always', 'you should have')",
    "method.check.short": "It is short enough for the parent to take in while watching",
    "method.check.all": "You ticked all {n}. Compare with a colleague: would they tick the same?",
    "method.check.some": "You ticked {ticked} of {n}. Look again at: {rest}. (This is your own "
    "assessment, not a grade.)",
    # self-checks of notebook 10
    "exercises.10.first_person.question": "You speak for the child. What do the developers "
    "say about doing it in the first person ('I am tired, Mummy')?",
    "exercises.10.first_person.hint": "Think of asking the parent whether your reading fits.",
    "exercises.10.first_person.solution": "It is optional. In the first person it is harder "
    "to ask the parent for confirmation, and it can be culturally unsuitable; involve the "
    "parent (Leiden FAQ).",
    "exercises.10.first_person.option_a": "It is required: always speak as the child.",
    "exercises.10.first_person.option_b": "It is optional: it makes confirmation harder and "
    "can be culturally unsuitable.",
    "exercises.10.first_person.option_c": "It is forbidden in VIPP-SD.",
    "exercises.10.first_person.option_d": "Only for children over three, who can talk.",
    "exercises.10.first_person.explain_a": "The developers call it optional, not required.",
    "exercises.10.first_person.explain_b": "Right (Leiden FAQ).",
    "exercises.10.first_person.explain_c": "It is not forbidden; it is one way among others, "
    "with drawbacks the developers name.",
    "exercises.10.first_person.explain_d": "Speaking for the child is used with babies too "
    "(parents add 'subtitles' to an infant's behaviour).",
    "exercises.10.alliance.question": "In a VIPP-SD trial sample (Stolk et al. 2008), which of "
    "these predicted change in positive parenting?",
    "exercises.10.alliance.hint": "Think of the relationship between the mother and the "
    "intervener.",
    "exercises.10.alliance.solution": "Only the alliance between mother and intervener "
    "predicted change; skills implementation and father involvement did not (Stolk et al. "
    "2008).",
    "exercises.10.alliance.option_a": "How many of the programme's skills the intervener "
    "implemented",
    "exercises.10.alliance.option_b": "Whether the father took part",
    "exercises.10.alliance.option_c": "The alliance between mother and intervener",
    "exercises.10.alliance.option_d": "None: nothing predicted change",
    "exercises.10.alliance.explain_a": "Skills implementation did not predict change in that "
    "sample.",
    "exercises.10.alliance.explain_b": "Father involvement did not predict change in that sample.",
    "exercises.10.alliance.explain_c": "Right: only the alliance predicted change.",
    "exercises.10.alliance.explain_d": "One factor did predict change: which one?",
    # --- notebook 12: the practice period ------------------------------------------
    "practice.fidelity_col_item": "Checklist item",
    "practice.fidelity_col_source": "Source",
    "exercises.12.what_goes_in.question": "You want to note who took part in session 1. "
    "Which entry belongs in the practice log?",
    "exercises.12.what_goes_in.hint": "Could a stranger who reads the log find the family?",
    "exercises.12.what_goes_in.solution": "Only 'the mother and the boy (2 years)': the log is "
    "pseudonymous by design - no names, identity numbers, contact details or pictures.",
    "exercises.12.what_goes_in.option_a": "The mother's name and personal identity number",
    "exercises.12.what_goes_in.option_b": "'The mother and the boy (2 years)'",
    "exercises.12.what_goes_in.option_c": "A still picture from the film, to remember the moment",
    "exercises.12.what_goes_in.option_d": "The mother's phone number, for the next appointment",
    "exercises.12.what_goes_in.explain_a": "A name and an identity number identify the family; "
    "the log refuses identity numbers for that reason.",
    "exercises.12.what_goes_in.explain_b": "Right: it says who took part without saying who "
    "they are.",
    "exercises.12.what_goes_in.explain_c": "A picture from the film identifies the family; "
    "film stays where your workplace's rules say.",
    "exercises.12.what_goes_in.explain_d": "Contact details belong in your workplace's record "
    "system, not in a course log.",
    "exercises.12.judgement_item.question": "Which item of the fidelity checklist rests on the "
    "course authors' judgement, not on a public source about VIPP-SD?",
    "exercises.12.judgement_item.hint": "Look at the table of checklist items and their "
    "sources above.",
    "exercises.12.judgement_item.solution": "'Nothing identifying left the family's home or my "
    "workplace's approved storage' is the course authors' judgement. Filming first "
    "(VIPP-SD International; HomVEE), supervision before every visit (VIPP-SD International) "
    "and positive moments first (van IJzendoorn) rest on public sources.",
    "exercises.12.judgement_item.option_a": "I began by filming new everyday interaction",
    "exercises.12.judgement_item.option_b": "I had supervision before this visit",
    "exercises.12.judgement_item.option_c": "Nothing identifying left the family's home or my "
    "workplace's approved storage",
    "exercises.12.judgement_item.option_d": "I began with, and stressed, positive moments",
    "exercises.12.judgement_item.explain_a": "Documented: each visit starts with new filming, "
    "except the last (VIPP-SD International; HomVEE).",
    "exercises.12.judgement_item.explain_b": "Documented: VIPP-SD International's "
    "certification asks for individual supervision before every home visit of the practice "
    "case.",
    "exercises.12.judgement_item.explain_c": "Right: sensible and important, but no public "
    "VIPP-SD source states it; it is labelled the course authors' judgement.",
    "exercises.12.judgement_item.explain_d": "Documented: special emphasis on positive "
    "interaction sequences (van IJzendoorn's description of VIPP).",
    "practice.reminder": "Pseudonymous by design: no names, no personal identity numbers, no "
    "addresses and no video in this log. Film stays where your workplace's rules say it must "
    "stay; the log holds only time stamps and your own notes.",
    "practice.bad_time": "{field}: '{value}' is not a time stamp I can read. Write minutes and "
    "seconds such as 01:23 or 1:23.5 (hours too: 1:02:03), or plain seconds such as 83.",
    "practice.not_text": "{field}: please type text here.",
    "practice.too_long": "{field} is longer than {limit} characters. Keep notes short; write "
    "the longer thoughts in your reflection report.",
    "practice.identifying": "{field}: this looks like a personal identity number "
    "(personnummer, samordningsnummer, fødselsnummer, D-nummer) or an e-mail address. The log "
    "is pseudonymous by design: please remove it and write, for example, 'the mother' or "
    "'Family A' instead. Nothing was saved.",
    "practice.bad_fragment": "{where}: a fragment needs at least a start time, e.g. 01:23.",
    "practice.end_before_start": "{where}: the end time is not after the start time. Check "
    "the order, e.g. 01:23-01:35.",
    "practice.bad_kind": "{where}: '{value}' is not a kind of fragment. Use one of: {kinds}.",
    "practice.fragment_line": "fragments, line {n}",
    "practice.fragment_n": "{where}, fragment {n}",
    "practice.bad_entry": "{where}: this entry is not in the log's format.",
    "practice.bad_session": "{where}: session '{value}' is not a session number. Use 0 for the "
    "introductory visit and 1 to 6 for the sessions.",
    "practice.bad_theme": "{where}: theme '{value}' is not one of the themes: {themes}.",
    "practice.bad_rating": "{where}: the sensitivity rating '{value}' must be a whole number "
    "from 1 to 9 (or empty).",
    "practice.bad_fidelity": "{where}: fidelity items {value} are not on the checklist.",
    "practice.new_entry": "this session",
    "practice.entry_n": "entry {n} of the log file",
    "practice.not_json": "The log file '{path}' must end in .json, e.g. my-practice-log.json.",
    "practice.bad_family": "family: write a short code of at most 30 characters, e.g. "
    "'Family A' - never a name.",
    "practice.unreadable": "The log file '{path}' cannot be read as a practice log. It was "
    "left untouched. Ask your instructor, or open a log with another file name.",
    "practice.newer_version": "The log file '{path}' was written by a newer course kit. Update "
    "the kit ('make lab' again) before writing to it.",
    "practice.cannot_save": "Could not save to '{path}': the folder may be read-only or the "
    "disk full. Nothing was lost; the log file is as it was before.",
    "practice.no_sessions": "The log '{path}' has no sessions yet: save a session first.",
    "practice.no_session": "Session {session} is not in the log yet.",
    "practice.summary": "Practice log of {family}: {n} session(s) logged, in {path}.",
    "practice.kind.praise": "praise",
    "practice.kind.speak_for_child": "speak for the child",
    "practice.kind.missed_signal": "missed signal",
    "practice.kind.limit_setting": "limit setting",
    "practice.kind.other": "other",
    "practice.theme.introduction": "Introductory visit",
    "practice.theme.exploration_attachment": "Exploration and attachment behaviour",
    "practice.theme.subtle_signals": "Noticing small signals",
    "practice.theme.prompt_response": "Answering signals promptly and fittingly",
    "practice.theme.sharing_emotions": "Sharing feelings",
    "practice.theme.child_perspective": "The child's perspective (speaking for the child)",
    "practice.theme.limit_setting": "Sensitive limit setting",
    "practice.theme.positive_reinforcement": "Praising positive behaviour",
    "practice.theme.time_out": "Sensitive time-out",
    "practice.theme.empathy": "Empathy for the child",
    "practice.theme.integration": "Booster session: all themes together",
    "practice.fidelity.filmed_first": "I began by filming new everyday interaction (not in "
    "the last visit)",
    "practice.fidelity.prepared_fragments": "I showed fragments of the previous film that I "
    "had prepared beforehand",
    "practice.fidelity.positive_first": "I began with, and stressed, positive moments",
    "practice.fidelity.subtitles": "I invited the parent to put the child's signals into "
    "words ('subtitles')",
    "practice.fidelity.parent_expert": "I treated the parent as the expert on their child",
    "practice.fidelity.theme": "I kept to the theme(s) planned for this visit",
    "practice.fidelity.tips_after": "Tips for difficult moments came after the positive feedback",
    "practice.fidelity.supervision": "I had supervision before this visit",
    "practice.fidelity.no_identifying": "Nothing identifying left the family's home or my "
    "workplace's approved storage",
    "practice.fidelity.own_reactions": "I noted my own reactions during the visit",
    "practice.brief.title": "Supervision brief: {family}",
    "practice.brief.session": "Session {n}",
    "practice.brief.theme": "Theme",
    "practice.brief.rating": "My rating of the parent's sensitivity",
    "practice.brief.none": "(none)",
    "practice.brief.fragments": "Fragments I chose",
    "practice.brief.reactions": "The parent's reactions",
    "practice.brief.reflection": "My reflection",
    "practice.brief.fidelity": "Fidelity checklist",
    "practice.brief.questions": "My questions for supervision",
    "practice.brief.questions_hint": "(Write two or three questions here before the "
    "supervision session.)",
    "practice.brief.fidelity_sources": "Where the checklist items come from (a source, or the "
    "course authors' judgement):",
    "practice.outline.title": "Reflection report: outline",
    "practice.outline.family": "Practice family: {family}; {n} session(s) in the log.",
    "practice.outline.rubric": "What the course plan requires (G/U)",
    "practice.outline.rubric_intro": "The course is graded Pass (G) or Fail (U). To be "
    "certified you need all of the following ({source}):",
    "practice.outline.col_req": "Requirement (course plan)",
    "practice.outline.col_evidence": "My evidence",
    "practice.rubric.participation": "Active participation in the teaching",
    "practice.rubric.treatment": "A VIPP-SD treatment carried out and approved (the practice "
    "family, with supervision)",
    "practice.rubric.filmed_session": "One of my video-feedback sessions filmed and assessed "
    "by the supervisor",
    "practice.rubric.report": "A short written reflection report, approved",
    "practice.outline.objectives_intro": "The course plan's learning objectives - after the "
    "course you can:",
    "practice.objective.theory": "show knowledge and understanding of the theoretical basis of "
    "VIPP-SD (attachment and social learning)",
    "practice.objective.development": "show understanding of the developmental rationale of "
    "VIPP-SD",
    "practice.objective.evidence": "show in-depth knowledge of the empirical support for "
    "VIPP-SD on parents' sensitivity and children's attachment security",
    "practice.objective.suitability": "assess a family's suitability for VIPP-SD",
    "practice.objective.targets": "identify suitable targets for intervention in the "
    "parent-child interaction, based on attachment and social learning theory",
    "practice.objective.adapting": "adapt video feedback to the individual parent's "
    "functioning and needs",
    "practice.outline.no_criteria": "The course plan gives no detailed criteria for the "
    "report beyond G/U and the requirements above. Agree with your supervisor how the report "
    "is judged.",
    "practice.outline.sections": "Suggested sections",
    "practice.outline.objectives": "(objectives {numbers})",
    "practice.section.family": "The family and why VIPP-SD",
    "practice.section.family.prompt": "Who the family is (pseudonymous), why VIPP-SD fitted, "
    "and what you weighed.",
    "practice.section.targets": "Intervention targets",
    "practice.section.targets.prompt": "The main targets you chose, and how they changed over "
    "the sessions.",
    "practice.section.fragments": "Fragments and themes",
    "practice.section.fragments.prompt": "Two or three fragments you chose, and why (use your "
    "log's time stamps).",
    "practice.section.adapting": "Adapting the feedback to this parent",
    "practice.section.adapting.prompt": "What you changed for this parent, and what happened.",
    "practice.section.theory": "Theory in practice",
    "practice.section.theory.prompt": "Where attachment theory and social learning helped you "
    "understand what you saw.",
    "practice.section.evidence": "What the evidence led you to expect",
    "practice.section.evidence.prompt": "What the research lets you expect for one family, "
    "and what it does not.",
    "practice.section.alliance": "The alliance, your own reactions and supervision",
    "practice.section.alliance.prompt": "Moments that were hard for you, and what supervision "
    "changed.",
    "practice.section.next": "What you will do differently",
    "practice.section.next.prompt": "Two or three concrete changes for your next family.",
    "practice.eaf.not_eaf": "'{path}' is not an ELAN file: choose the .eaf file that ELAN saved.",
    "practice.eaf.missing": "There is no file '{path}'. Check the name, and put the .eaf file "
    "in your course folder (the video itself is not needed).",
    "practice.eaf.unreadable": "'{path}' cannot be read as an ELAN file. Save it again in ELAN "
    "and try once more.",
    "practice.eaf.empty": "'{path}' has no annotations. Mark your fragments on a tier in ELAN "
    "and save.",
    "practice.eaf.which_tier": "'{path}' has annotations on several tiers ({tiers}). Name the "
    "one with your fragments, e.g. tier='{tiers}'.",
    "practice.eaf.no_tier": "'{path}' has no tier '{tier}'. Its tiers are: {tiers}.",
    "practice.eaf.annotation": "annotation {n} on tier '{tier}'",
    "practice.chart.title": "Your own ratings of the parent's sensitivity (not a research measure)",
    "practice.chart.x": "Session (0 = introductory visit)",
    "practice.chart.y": "Your rating (1-9)",
    "practice.chart.empty": "No ratings in the log yet",
    "practice.example.1.fragments": "00:42-00:58 praise: she follows his gaze to the ball\n"
    "03:10-03:25 missed: he holds up the book, she is tidying",
    "practice.example.1.reactions": "Smiled at the first fragment; said 'I did not see that "
    "he wanted the book'.",
    "practice.example.1.reflection": "I talked too long before showing the film. Next time: "
    "show first, then ask.",
    "practice.example.2.fragments": "01:05-01:20 speak: he looks back at her before climbing\n"
    "02:40-02:52 praise: she comforts him when he bumps his head",
    "practice.example.2.reactions": "Added her own 'subtitles' to the second fragment.",
    "practice.example.2.reflection": "I felt rushed when the older sibling came home; bring "
    "this to supervision.",
    "practice.example.eaf.1": "praise: he looks up when the tower stands and she smiles back",
    "practice.example.eaf.2": "missed: he reaches for the book, no answer",
    "practice.example.eaf.3": "speak: he wants her to watch",
    "practice.form.session": "Session",
    "practice.form.theme": "Theme",
    "practice.form.fragments": "Fragments, one per line: 01:23-01:35 praise: what happens",
    "practice.form.eaf": ".eaf file",
    "practice.form.eaf_placeholder": "my-session-1.eaf",
    "practice.form.eaf_button": "Import fragments from ELAN",
    "practice.form.eaf_none": "First type the name of your .eaf file in the box (for example "
    "{example}), then import.",
    "practice.form.reactions": "The parent's reactions",
    "practice.form.reflection": "Your own reflection",
    "practice.form.rating": "Your rating of the parent's sensitivity (1-9)",
    "practice.form.fidelity": "Fidelity checklist for this session:",
    "practice.form.save": "Save this session",
    "practice.form.saved": "Saved session {n} to {path}.",
    "practice.form.imported": "Imported {n} fragment(s) from {path}: check them below, then save.",
    "practice.form.export_brief": "Export supervision brief (Markdown + PDF)",
    "practice.form.export_outline": "Export reflection-report outline (Markdown + PDF)",
    "practice.form.exported": "Written: {md} and {pdf}.",
    "practice.form.preview": "Session",
}
