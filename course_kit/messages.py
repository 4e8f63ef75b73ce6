"""Every participant-facing string of ``course_kit`` in one place.

Feedback texts, labels, plot annotations and verdicts live here, keyed by a
short dotted name, so that a Swedish (or Norwegian) edition only needs a new
table with the same keys. Code asks for a string with :func:`text`::

    >>> from course_kit.messages import text
    >>> text("start.all_set", version="0.1.0")  # doctest: +SKIP
    'All set: course_kit 0.1.0 works.'

Rules for this file: plain English a second-language reader follows, short
sentences, no jargon without an explanation. Keep each area in its own section;
keys start with the area's name.
"""

from __future__ import annotations

from course_kit import i18n

EN: dict[str, str] = {
    # --- start (00-start-here, environment check) ---------------------------
    "start.all_set": "All set: course_kit {version} works, and so do the packages it needs.",
    "start.missing": "Something is missing on this computer: {names}.",
    "start.too_old": "{name} {found} is older than the version the course was tested with "
    "({needed}).",
    # what a participant can do when the check fails (no terminal commands)
    "start.participant_advice": "Your own work is safe. What to do: 1. In the menu, choose "
    "Kernel, then Restart Kernel and Run All Cells. 2. If this message is still here, show it "
    "to your instructor, or open the online version of the course with the link your "
    "instructor gave you.",
    "start.instructor_title": "For the instructor",
    # the table of installed packages under the check
    "start.col_package": "package",
    "start.col_version": "version",
    "start.col_missing": "missing",
    "start.instructor_advice": "Reinstall the course's packages on this computer: in a "
    "terminal, in the course kit's folder, run 'make lab' (or: python -m pip install -e "
    "'.[lab]'). Or give the participant the course's JupyterHub or Binder link "
    "(see docs/hosting.md).",
    # --- exercises ------------------------------------------------------------
    # names that screen readers announce on the notebook page (teaching._widgets' page script)
    "page.slider_name": "slider",
    "page.scrolling_output_name": "Output (scrolls; use the arrow keys)",
    # the line under which technical output stays folded (teaching.folded)
    "page.reviewers_summary": "For reviewers: show the output",
    "exercises.check_button": "Check",
    "exercises.number_placeholder": "Type a number, e.g. 0.45",
    "exercises.list_placeholder": "Type {n} numbers, e.g. 5, 7, 3",
    "exercises.choose_placeholder": "- choose an answer -",
    "exercises.hint": "Hint: {hint}",
    "exercises.correct_value": "Correct: {value} is right. Well done!",
    "exercises.too_high": "Not yet: {value} is too large. Go through your calculation step by step.",
    "exercises.too_low": "Not yet: {value} is too small. Go through your calculation step by step.",
    "exercises.percent_not_share": "Nearly: {value} looks like a percentage. Type it as a decimal number instead (divide by 100).",
    "exercises.multi_wrong_named": "Not yet: {options} does not apply. {why}",
    "exercises.multi_wrong_named_many": "Not yet: {options} do not apply. {why}",
    "exercises.close": "Close: {value} is near the answer, but not quite. "
    "Check your rounding and try again.",
    "exercises.wrong_sign": "Nearly: the size of {value} is right, but the sign is not. "
    "Which direction is the effect?",
    "exercises.share_not_percent": "Nearly: {value} looks like a share between 0 and 1. "
    "Please type it as a percentage (multiply by 100).",
    "exercises.correct_choice": "Correct. Well done!",
    "exercises.incorrect_choice": "Not quite: '{value}' is not the best answer. Try again.",
    "exercises.correct_multi": "Correct: you ticked exactly the right options. Well done!",
    "exercises.multi_missing": "Good so far: everything you ticked is right, "
    "but {missing} more option(s) also apply.",
    "exercises.correct_list": "Correct: all {n} values are right. Well done!",
    "exercises.list_items_off": "Not yet: item(s) {items} of {n} differ from the reference. "
    "Look at them again.",
    "exercises.empty": "Please type an answer first, then press Check.",
    "exercises.choose": "Please choose an answer first, then press Check.",
    "exercises.choose_some": "Please tick at least one option, then press Check.",
    "exercises.not_a_number": "'{value}' is not a number I can read. Type a number such as "
    "0.45 (a decimal comma, 0,45, works too).",
    "exercises.too_large": "'{value}' is far too large to be the answer. "
    "Type an ordinary number such as 0.45.",
    "exercises.unknown_option": "'{value}' is not one of the options. "
    "Type the option or its letter (a, b, ...).",
    "exercises.list_unreadable": "I could not read item(s) {items} as numbers. "
    "Separate the numbers with commas or spaces, e.g. 5, 7, 3.",
    "exercises.list_wrong_length": "Please type {expected} numbers (I found {found}). "
    "Separate them with commas or spaces.",
    "exercises.list_out_of_range": "Item(s) {items} are outside the scale: "
    "use numbers from {low} to {high}.",
    "exercises.list_not_whole": "Item(s) {items} are not whole numbers: "
    "the scale has whole points only (1, 2, 3, ... 9).",
    "exercises.unexpected": "Something went wrong while checking this answer. "
    "Please type it again, or ask your instructor.",
    "exercises.solution_title": "Solution (instructor view)",
    "exercises.solution_instructor_only": "Solutions are in the instructor edition of the "
    "notebooks. Try the hint, or ask your instructor.",
    "board.notice": "The class board is on: when you check an answer, it is sent to your "
    "instructor's class board, so the class can discuss the answers together. Only the choice "
    "or numbers you checked are sent. The board shows a code name, not your name, unless your "
    "instructor switches names on.",
    "exercises.no_solution": "No written solution for this exercise.",
    # exercises of notebook 01 (attachment and sensitivity)
    "exercises.01.secure_count.question": "A child health nurse follows 200 infants from "
    "low-risk families. Using the estimate of Zeanah, Berlin & Boris (2011), about how many of "
    "these infants would you expect to be classified secure?",
    "exercises.01.secure_count.hint": "About 65% of infants in low-risk samples are secure. "
    "What is 65% of 200?",
    "exercises.01.secure_count.solution": "0.65 x 200 = 130 infants (Zeanah, Berlin & Boris "
    "2011, Table 2: secure about 65% in low-risk samples). The same table gives about 40 "
    "avoidant (20%) and 20 resistant (10%) infants: 60 of the other 70, because the rounded "
    "estimates add up to 95%, not 100%. About 30 infants (15%) also get a disorganized "
    "classification.",
    "exercises.01.secure_count.mistake_percent": "65 is the percentage, not the number of "
    "infants. How many infants are 65% of 200?",
    "exercises.01.secure_count.mistake_insecure": "70 is the number of infants who are NOT secure. How many are secure?",
    "exercises.01.why_110.question": "The four estimates (65% + 20% + 10% + 15%) add up to "
    "110%. Why?",
    "exercises.01.why_110.hint": "Look again at how disorganization is coded in the "
    "Strange Situation.",
    "exercises.01.why_110.solution": "Disorganization is coded on top of the main "
    "classification: a disorganized infant also gets a secure, avoidant or resistant "
    "classification. So the disorganized infants are counted twice, and the sum is over 100%.",
    "exercises.01.why_110.option_a": "It is a mistake in the table.",
    "exercises.01.why_110.option_b": "Disorganization is coded in addition to the secure, "
    "avoidant or resistant classification, so some infants are counted twice.",
    "exercises.01.why_110.option_c": "The percentages come from different countries.",
    "exercises.01.why_110.option_d": "Infants change their pattern during the procedure.",
    "exercises.01.why_110.explain_a": "The table is right: the percentages are estimates "
    "that overlap on purpose.",
    "exercises.01.why_110.explain_c": "Where the studies were done cannot make shares add up to more than 100%. Look at how disorganization is coded.",
    "exercises.01.why_110.explain_d": "Each infant gets one main classification for the whole procedure. The extra 10% comes from how disorganization is coded.",
    "exercises.01.definition.question": "Which parts belong to Ainsworth's definition of "
    "sensitivity? Tick all that apply.",
    "exercises.01.definition.hint": "The definition follows the child's signal step by step: "
    "from the signal to the parent's answer. Three options are right.",
    "exercises.01.definition.solution": "Noticing the signals, reading them correctly and "
    "responding in a fitting way (Ainsworth, Bell & Stayton, 1974). Preventing all distress "
    "or giving as much stimulation as possible are not part of it; a sensitive parent "
    "follows the child's signals.",
    "exercises.01.definition.option_a": "noticing the child's signals",
    "exercises.01.definition.option_b": "interpreting the signals correctly",
    "exercises.01.definition.option_c": "responding to the signals appropriately",
    "exercises.01.definition.option_d": "making sure the child never cries",
    "exercises.01.definition.option_e": "giving the child as much stimulation as possible",
    "exercises.01.definition.explain_d": "A sensitive parent responds to crying; preventing all crying is not part of Ainsworth's definition (and it is not possible).",
    "exercises.01.definition.explain_e": "More is not better: a sensitive parent follows the child's signals, and that can mean less stimulation when the child is tired.",
    "exercises.01.r_squared.question": "De Wolff & van IJzendoorn (1997) found r = .24. "
    "In the statistical sense, what percentage of the differences in attachment security "
    "does sensitivity 'explain' (r squared, in %)?",
    "exercises.01.r_squared.hint": "Square r: 0.24 x 0.24, then write the result as a "
    "percentage (multiply by 100).",
    "exercises.01.r_squared.solution": "0.24 x 0.24 = 0.0576, so about 5.8%. This sounds "
    "small, but in the simulation the more sensitive half of the parents still has clearly "
    "more secure children than the less sensitive half.",
    "exercises.01.r_squared.mistake_r": "24% is r written as a percentage. Square r first: "
    "0.24 x 0.24.",
    "exercises.01.less_sensitive_half.question": "Set the slider to r = 0.24. In this "
    "teaching model, what percentage of the children of the LESS sensitive half of the "
    "parents are secure?",
    "exercises.01.less_sensitive_half.hint": "Read the right-hand bar chart under the slider "
    "(the orange bar), with the slider at 0.24.",
    "exercises.01.less_sensitive_half.solution": "About 58% (57.8%). In the more sensitive "
    "half about 72% are secure. So most children of less sensitive parents are still secure, "
    "and more than a quarter of the children of more sensitive parents are not.",
    "exercises.01.less_sensitive_half.mistake_other_half": "That is the MORE sensitive half. "
    "Look at the other bar.",
    "exercises.01.less_sensitive_half.mistake_base_rate": "65% is the share of secure children "
    "in all families together. Look at the less sensitive half only.",
    "exercises.01.transmission_gap.question": "What does the 'transmission gap' mean?",
    "exercises.01.transmission_gap.hint": "Think of the path from the parent's own attachment, "
    "through the parent's sensitivity, to the child's attachment.",
    "exercises.01.transmission_gap.solution": "Parents' and children's attachment are linked, "
    "and sensitivity carries part of that link. But only part: much of the link is not "
    "explained by sensitivity as we measure it. That unexplained part is the transmission gap.",
    "exercises.01.transmission_gap.option_a": "Sensitivity fully explains why a child's "
    "attachment resembles the parent's attachment.",
    "exercises.01.transmission_gap.option_b": "Sensitivity explains only part of the link "
    "between a parent's attachment and the child's attachment; the rest is still unexplained.",
    "exercises.01.transmission_gap.option_c": "Attachment is never passed on from parents to "
    "children.",
    "exercises.01.transmission_gap.option_d": "Children of less sensitive parents are always "
    "insecure.",
    "exercises.01.transmission_gap.explain_a": "If sensitivity explained all of the link, there would be no gap. Studies find that it explains only part of it.",
    "exercises.01.transmission_gap.explain_c": "Parents' and children's attachment are linked. The gap is about how much of that link sensitivity explains.",
    "exercises.01.transmission_gap.explain_d": "No: with r = .24 many children of less sensitive parents are secure (section 3). And the gap is about the passing-on between generations.",
    # exercises "02.*" of notebook 05 (scoring sensitivity; renumbered, names kept)
    "exercises.02.icc_meaning.question": "Two coders rate the same 40 videos and reach an "
    "ICC of .60 for sensitivity. What does this mean?",
    "exercises.02.icc_meaning.hint": "The ICC compares two kinds of differences between "
    "ratings: real differences between parents, and differences caused by the coders.",
    "exercises.02.icc_meaning.solution": "About 60% of the variation in the ratings reflects "
    "real differences between the parents; about 40% is noise from the coders (disagreement "
    "and error). The ICC is not a percentage of identical ratings.",
    "exercises.02.icc_meaning.option_a": "The coders gave exactly the same rating to 60% of "
    "the videos.",
    "exercises.02.icc_meaning.option_b": "About 60% of the variation in the ratings reflects "
    "real differences between parents; the rest is coder noise.",
    "exercises.02.icc_meaning.option_c": "The coders are right 60% of the time.",
    "exercises.02.icc_meaning.option_d": "Coder 2 rates 0.60 points higher than coder 1 "
    "on average.",
    "exercises.02.icc_meaning.explain_a": "That would be the percentage of exact agreement, "
    "a different (and cruder) number.",
    "exercises.02.icc_meaning.explain_c": "The ICC does not say who is right. It compares real differences between parents with the noise that the coders add.",
    "exercises.02.icc_meaning.explain_d": "A difference in average ratings shows a lenient coder. The ICC is a share of the variation, between 0 and 1, not a number of scale points.",
    "exercises.02.lenient_coder.question": "Coder 2 rates every parent 2 points higher "
    "than coder 1. Which number does NOT show this problem?",
    "exercises.02.lenient_coder.hint": "Move the 'lenient by' slider to 2 and compare the "
    "three numbers with the values at 0.",
    "exercises.02.lenient_coder.solution": "The correlation (Pearson r) stays the same: it "
    "only asks whether the coders put the parents in the same order. The ICC for absolute "
    "agreement and the weighted kappa both drop, because the ratings themselves differ.",
    "exercises.02.lenient_coder.option_a": "the correlation between the two coders (Pearson r)",
    "exercises.02.lenient_coder.option_b": "the ICC for absolute agreement",
    "exercises.02.lenient_coder.option_c": "the weighted kappa",
    "exercises.02.lenient_coder.explain_b": "The ICC for absolute agreement does show it: it drops when one coder rates everyone higher, because the ratings themselves differ.",
    "exercises.02.lenient_coder.explain_c": "The weighted kappa does show it: the coders now give different ratings to the same parent, so their agreement falls.",
    "exercises.02.attenuation.question": "Suppose VIPP-SD truly improves sensitivity by "
    "d = 0.50, and the ratings have a reliability (ICC) of .64. Which d do you expect to "
    "observe in the trial (2 decimals)?",
    "exercises.02.attenuation.hint": "Observed d = true d x the square root of the reliability.",
    "exercises.02.attenuation.solution": "0.50 x sqrt(0.64) = 0.50 x 0.8 = 0.40. A fifth of "
    "the effect is hidden by measurement error.",
    "exercises.02.attenuation.mistake_no_root": "You multiplied by the ICC itself. "
    "Multiply by its square root: sqrt(0.64) = 0.8.",
    "exercises.02.attenuation.mistake_no_change": "Measurement error does change the observed "
    "effect: noisy ratings make it smaller. Use the formula in the hint.",
    "exercises.02.attenuation.mistake_reliability": "0.64 is the reliability itself. Multiply the true d, 0.50, by the square root of the reliability.",
    "exercises.02.certification.question": "Rate the six moments above on the 1-9 scale. "
    "Type six numbers in the order 1 to 6, e.g. 5, 6, 4, 7, 3, 5.",
    "exercises.02.certification.hint": "Go through the three steps for each moment: does the "
    "parent notice the signal, read it correctly, and respond in time and in a fitting way? "
    "Use the anchors 1, 5, 7 and 9.",
    "exercises.02.certification.solution": "Reference ratings of the course's master coder "
    "(course examples): 1 = 8, 2 = 2, 3 = 5, 4 = 7, 5 = 3, 6 = 6.",
    # feedback of the six-description exercise, in plain words (no statistics, and never
    # "certified": this is practice, not the VIPP-SD intervener certification)
    "exercises.02.certification.agree": "Well done: your ratings are close to the reference "
    "ratings. {within} of the 6 descriptions are within one point of the reference, "
    "{exact} exactly the same.",
    "exercises.02.certification.not_yet": "Not yet close to the reference ratings: {within} "
    "of the 6 descriptions are within one point of the reference.",
    "exercises.02.certification.far": "Look again at description(s) {items}: your rating is "
    "more than one point away from the reference.",
    "exercises.02.certification.higher": "On average you rated {diff:.1f} points higher than the "
    "reference. Look again at what the high points of the scale ask for.",
    "exercises.02.certification.lower": "On average you rated {diff:.1f} points lower than the "
    "reference. Look again at what the middle and high points of the scale describe.",
    "exercises.02.certification.order": "Your ratings do not follow the differences between the "
    "parents well. Compare two descriptions at a time: which parent notices, reads and "
    "answers the child's signals better?",
    "exercises.02.certification.practice": "This is coder-agreement practice with six course "
    "examples, not a certification.",
    # exercises "03.*" of notebook 06 (effect sizes)
    "exercises.03.cohens_d.question": "Bridgeman et al. (in Rayce et al. 2017, Table 5): "
    "intervention mean 6.29, control mean 5.19, pooled SD 1.94. What is Cohen's d "
    "(2 decimals)?",
    "exercises.03.cohens_d.hint": "d = (mean of the intervention group - mean of the control "
    "group) / pooled SD.",
    "exercises.03.cohens_d.solution": "(6.29 - 5.19) / 1.94 = 1.10 / 1.94 = 0.57. "
    "Rayce et al. (2017) print d = 0.57 for this row.",
    "exercises.03.cohens_d.mistake_raw": "1.10 is the difference in scale points. "
    "Divide it by the pooled SD to get d.",
    "exercises.03.cohens_d.mistake_sd_ctrl": "You divided by the SD of the control group "
    "(2.30). Use the pooled SD, 1.94.",
    "exercises.03.cohens_d.mistake_sd_int": "You divided by the SD of the intervention group "
    "(1.62). Use the pooled SD, 1.94.",
    "exercises.03.cohens_d.mistake_pooled_sd": "1.94 is the pooled SD, not d. d is the difference in means divided by the pooled SD.",
    "exercises.03.hedges_g.question": "Use the formula above with your d and the group sizes "
    "(42 and 31 families). What is Hedges' g for the Bridgeman sensitivity row (3 decimals)?",
    "exercises.03.hedges_g.hint": "The factor is 1 - 3 / (4 x 73 - 9) = 1 - 3/283, about "
    "0.989. Multiply your d by it: g is a little smaller than d.",
    "exercises.03.hedges_g.solution": "g = 0.562. The correction multiplies d = 0.568 by a "
    "factor just below 1 (about 0.989 with 73 families).",
    "exercises.03.hedges_g.mistake_d": "That is Cohen's d, without the small-sample "
    "correction. Hedges' g is a little smaller.",
    "exercises.03.r_to_d.question": "van IJzendoorn et al. (2023) report r = .23 for the "
    "effect of VIPP-SD on child attachment security. Convert it to d (2 decimals).",
    "exercises.03.r_to_d.hint": "d = 2r / square root of (1 - r squared). "
    "Or use ck.effect_sizes.r_to_d(0.23).",
    "exercises.03.r_to_d.solution": "2 x 0.23 / sqrt(1 - 0.0529) = 0.46 / 0.973 = 0.47. "
    "This d is our conversion (equal groups assumed), not a number printed in the paper.",
    "exercises.03.r_to_d.mistake_r": "0.23 is r. Convert it to d with d = 2r / sqrt(1 - r^2).",
    "exercises.03.r_to_d.mistake_no_root": "You computed 2r but did not divide by "
    "sqrt(1 - r^2). Divide 0.46 by sqrt(1 - 0.23^2).",
    "exercises.03.nnt.question": "Bakermans-Kranenburg et al. (2003) found d = 0.33 for "
    "randomized interventions on parental sensitivity. Set the slider to 0.33: what is the "
    "number needed to treat (1 decimal)?",
    "exercises.03.nnt.hint": "Move the d slider to 0.33 and read the NNT line under the picture.",
    "exercises.03.nnt.solution": "NNT = 1 / (2 x 0.592 - 1) = 5.4. Out of about 5 or 6 "
    "families who receive the intervention instead of the control condition, one more family "
    "has the better outcome.",
    "exercises.03.nnt.mistake_rate": "That is the difference in the share of families with the better outcome. The NNT is 1 divided by that difference.",
    "exercises.03.nnt.mistake_superiority": "That is the probability of superiority, not the NNT. Read the NNT line under the picture.",
    "exercises.03.small_trials.question": "Two trials of the same programme, each with 20 "
    "families per arm, find d = 0.1 and d = 0.7. What is the most likely explanation?",
    "exercises.03.small_trials.hint": "Move the n slider to 20 and look at how wide the "
    "spread of d is, even though the true effect is the same in every simulated trial.",
    "exercises.03.small_trials.solution": "Sampling error. With 20 families per arm, the "
    "observed d of trials with the same true effect often lies anywhere between about -0.2 and "
    "1.0. The difference alone does not show that the programmes or families differ.",
    "exercises.03.small_trials.option_a": "One of the two trials must have made an error.",
    "exercises.03.small_trials.option_b": "The programme works only in the second country.",
    "exercises.03.small_trials.option_c": "Chance (sampling error): small trials of the same "
    "programme often disagree this much.",
    "exercises.03.small_trials.option_d": "The first trial used a different scale.",
    "exercises.03.small_trials.explain_a": "Not necessarily: with 20 families per arm, two well-run trials of the same programme often differ this much by chance.",
    "exercises.03.small_trials.explain_b": "Two small trials cannot show that: chance alone often gives differences this large.",
    "exercises.03.small_trials.explain_d": "d is in standard deviations, so trials on different scales can be compared. The difference is within what chance gives with 20 families per arm.",
    # exercises "04.*" of notebook 07 (meta-analysis)
    "exercises.04.which_interval.question": "If we start VIPP-SD in our municipality, how large "
    "might the effect be for us? Which interval answers this best?",
    "exercises.04.which_interval.hint": "One interval is about the average effect of all "
    "settings; the other is about the true effect in one new setting.",
    "exercises.04.which_interval.solution": "The prediction interval: it adds the differences "
    "between settings (tau^2) to the uncertainty about the average.",
    "exercises.04.which_interval.option_a": "The 95% confidence interval of the pooled estimate",
    "exercises.04.which_interval.option_b": "The 95% prediction interval",
    "exercises.04.which_interval.option_c": "The confidence interval of the largest trial",
    "exercises.04.which_interval.option_d": "The range from the smallest to the largest trial",
    "exercises.04.which_interval.explain_a": "The confidence interval is about the average "
    "effect over all settings, not about the effect in one new setting.",
    "exercises.04.which_interval.explain_c": "One trial, however large, comes from one setting. The question is about a new setting, given all the trials.",
    "exercises.04.which_interval.explain_d": "The range of the trials mixes true differences with chance. The prediction interval separates the two and says where a new setting's true effect probably lies.",
    "exercises.04.read_i2.question": "What is I^2 of the random-effects model for parenting "
    "behaviour, in percent (a whole number)?",
    "exercises.04.read_i2.hint": "Look at the printed result above, on the line that starts "
    "with 'tau^2 = ...'.",
    "exercises.04.read_i2.solution": "I^2 is about 8%: only a small part of the differences "
    "between these synthetic trials is more than chance.",
    "exercises.04.r_to_d_behaviour.question": "Convert the pooled correlation for parenting "
    "behaviour, r = .18 (van IJzendoorn et al. 2023), to d. Give two decimals.",
    "exercises.04.r_to_d_behaviour.hint": "Use d = 2r / square root of (1 - r^2).",
    "exercises.04.r_to_d_behaviour.solution": "d = 2 x 0.18 / sqrt(1 - 0.0324) = 0.36 / 0.984 "
    "= 0.37 (our conversion of the published r).",
    "exercises.04.r_to_d_behaviour.mistake_r": "That is r itself. Convert it to d first.",
    "exercises.04.r_to_d_behaviour.mistake_no_root": "Close: you doubled r. Now divide by the "
    "square root of (1 - r^2).",
    "exercises.04.r_to_d_behaviour.mistake_r_squared": "That is r squared. Use d = 2r / square root of (1 - r squared).",
    # exercises "05.*" of notebook 08 (differential susceptibility)
    "exercises.05.pattern.question": "More susceptible children did worse than others when "
    "parenting was harsh and better than others when it was sensitive; the lines cross in the "
    "middle of the observed range. Which pattern is this?",
    "exercises.05.pattern.hint": "Did the more susceptible children do better somewhere, or "
    "only worse?",
    "exercises.05.pattern.solution": "Differential susceptibility: 'for better and for worse', "
    "with the crossover inside the observed range.",
    "exercises.05.pattern.option_a": "Diathesis-stress",
    "exercises.05.pattern.option_b": "Differential susceptibility",
    "exercises.05.pattern.option_c": "Vantage sensitivity",
    "exercises.05.pattern.option_d": "No interaction",
    "exercises.05.pattern.explain_a": "In diathesis-stress the more susceptible children are "
    "never better off than the others; here they are, with sensitive parenting.",
    "exercises.05.pattern.explain_c": "In vantage sensitivity the more susceptible children are "
    "not worse off in harsh environments; here they are.",
    "exercises.05.pattern.explain_d": "The two groups react differently to parenting (worse with harsh, better with sensitive parenting): that difference is an interaction.",
    "exercises.05.careful_words.question": "A parent asks: 'Does this gene mean my child is "
    "difficult?' Which answer fits the research best?",
    "exercises.05.careful_words.hint": "Think of 'for better and for worse'.",
    "exercises.05.careful_words.solution": "Children with such a marker may react more strongly "
    "to their environment, to harsh and to sensitive care alike. It is not a diagnosis and says "
    "nothing about who the child is.",
    "exercises.05.careful_words.option_a": "Yes: carriers are more difficult children.",
    "exercises.05.careful_words.option_b": "No: such children may react more strongly to their "
    "environment, both to harsh and to sensitive care. It says nothing about who your child is.",
    "exercises.05.careful_words.option_c": "The gene decides how your child will turn out.",
    "exercises.05.careful_words.option_d": "Yes, and carriers should not get VIPP-SD.",
    "exercises.05.careful_words.explain_a": "The research says such children may react more strongly to their environment, for better and for worse; not that they are difficult.",
    "exercises.05.careful_words.explain_c": "A marker may change how strongly a child reacts to the environment. The environment, including the parents' care, still matters.",
    "exercises.05.careful_words.explain_d": "In the 2008 trial, VIPP-SD reduced behaviour problems in carriers (Bakermans-Kranenburg et al. 2008). Nothing here supports leaving them out.",
    # exercises "06.*" of notebook 11 (evidence to practice)
    "exercises.06.sensitivity_infants.question": "Which interventions have at least "
    "moderate-certainty evidence for parental sensitivity in infants under 12 months? "
    "Tick all that apply.",
    "exercises.06.sensitivity_infants.hint": "In the navigator choose the outcome 'parental "
    "sensitivity', a child age under 12 months and certainty at least 'moderate'.",
    "exercises.06.sensitivity_infants.solution": "Filter the evidence table: outcome parental "
    "sensitivity, age range that includes infants under 12 months, certainty moderate or high. "
    "Results that were never graded do not count, however large their effect.",
    "exercises.06.grade_two_concerns.question": "Randomised trials found that an intervention "
    "improves parental sensitivity. The reviewers had serious concerns about risk of bias and "
    "about imprecision, and no other concerns. What is the certainty of the evidence?",
    "exercises.06.grade_two_concerns.hint": "Randomised trials start at high. Each serious "
    "concern lowers the certainty by one level.",
    "exercises.06.grade_two_concerns.solution": "Low: high minus one level (risk of bias) minus "
    "one level (imprecision).",
    "exercises.06.grade_two_concerns.option_a": "High",
    "exercises.06.grade_two_concerns.option_b": "Moderate",
    "exercises.06.grade_two_concerns.option_c": "Low",
    "exercises.06.grade_two_concerns.option_d": "Very low",
    "exercises.06.grade_two_concerns.explain_b": "There are two serious concerns: each lowers "
    "the certainty by one level.",
    "exercises.06.grade_two_concerns.explain_a": "Randomised trials start at high, but each serious concern lowers the certainty by one level, and here there are two.",
    "exercises.06.grade_two_concerns.explain_d": "Very low would need three steps down. Here there are two serious concerns, one level each.",
    # --- reliability and trials -----------------------------------------------
    "simulate.study_label": "Synthetic trial {i}",
    "simulate.dict.family": "Family number.",
    "simulate.dict.arm": "Group the family was randomised to: VIPP-SD or control.",
    "simulate.dict.wave": "When the video was made: before (pre) or after (post) the "
    "intervention period.",
    "simulate.dict.coder": "The coder who rated this video.",
    "simulate.dict.sensitivity": "The coder's rating of the parent's sensitivity on "
    "Ainsworth's 9-point scale (1 = very insensitive, 9 = very sensitive).",
    "simulate.dict.drd4_7r": "True if the child carries the DRD4 7-repeat allele.",
    "simulate.dict.externalizing": "Child behaviour problems (acting out), as a CBCL-like "
    "T-score: mean 50, SD 10; higher = more problems.",
    "simulate.dict.child_age_months": "Age of the child at this video, in months.",
    "simulate.dict.intervener": "The intervener who visited the family (empty for control "
    "families).",
    "reliability.icc_title": "Intraclass correlations: {n} targets rated by {k} raters",
    "reliability.icc_note": "Single = the reliability of one rater's score; average = of the "
    "mean of all {k} raters. Absolute agreement also counts differences in severity between "
    "raters; consistency ignores them.",
    "reliability.form.ICC1": "one-way random, single rater",
    "reliability.form.ICC2": "two-way random, absolute agreement, single rater",
    "reliability.form.ICC3": "two-way mixed, consistency, single rater",
    "reliability.form.ICC1k": "one-way random, average of raters",
    "reliability.form.ICC2k": "two-way random, absolute agreement, average of raters",
    "reliability.form.ICC3k": "two-way mixed, consistency, average of raters",
    "reliability.kappa_summary": "{kind} kappa = {kappa:.2f} (95% CI {low:.2f} to {high:.2f}), "
    "{n} items rated by both coders.",
    "reliability.kappa_kind.none": "Cohen's",
    "reliability.kappa_kind.linear": "Linearly weighted",
    "reliability.kappa_kind.quadratic": "Quadratically weighted",
    "reliability.certified": "Certified: your ratings agree well enough with the reference "
    "coder on all {n} videos.",
    "reliability.not_certified": "Not yet certified. Below the criterion: {failed}.",
    "reliability.criterion.icc": "ICC (absolute agreement) {value:.2f}, needed {needed:.2f}",
    "reliability.criterion.weighted_kappa": "weighted kappa {value:.2f}, needed {needed:.2f}",
    "reliability.criterion.within_one": "{value:.0%} of ratings within 1 point, needed "
    "{needed:.0%}",
    "reliability.certify_numbers": "Your numbers: ICC {icc:.2f}, weighted kappa {kappa:.2f}, "
    "{within_one:.0%} within 1 point, {exact:.0%} exactly the same, on average {bias:+.1f} "
    "points compared with the reference coder.",
    "reliability.advice.too_high": "On average you rate {diff:.1f} points higher than the "
    "reference coder. Look again at what the high points of the scale ask for, and be "
    "stricter.",
    "reliability.advice.too_low": "On average you rate {diff:.1f} points lower than the "
    "reference coder. Look again at what the middle and high points of the scale describe: "
    "you may be too strict.",
    "reliability.advice.order": "Your ratings do not follow the differences between parents "
    "well. Practise comparing two videos: which parent notices, reads and answers the "
    "child's signals better?",
    "reliability.advice.far": "Video(s) {items} are more than 1 point away from the reference. "
    "Watch them again and compare them with the descriptions of the scale points.",
    "reliability.advice.small_sample": "With only {n} videos these numbers are rough; a real "
    "certification uses more videos.",
    "trials.title": "SYNTHETIC VIPP-SD trial: post-test sensitivity adjusted for pre-test (ANCOVA)",
    "trials.n_line": "Families analysed: {n_vipp} VIPP-SD, {n_control} control "
    "({n_missing} without a post-test left out).",
    "trials.effect_line": "Effect of VIPP-SD: {diff:+.2f} scale points (95% CI {low:.2f} to "
    "{high:.2f}), p = {p:.3g}; d = {d:.2f} (95% CI {d_low:.2f} to {d_high:.2f}).",
    "trials.raw_line": "Without adjusting for the pre-test: {diff:+.2f} points, d = {d:.2f}.",
    "trials.icc_line": "Agreement of the coders: ICC(2,1) = {icc:.2f}. Reliability of the "
    "score used ({coders}): {rel:.2f}.",
    "trials.corrected_line": "Corrected for coder unreliability: d = {d:.2f} (the observed d "
    "divided by the square root of the reliability).",
    "trials.no_reliability": "Only one coder: the reliability cannot be estimated, so there "
    "is no corrected d.",
    "trials.power_progress": "Simulating",
    "trials.power_summary": "Power = {power:.0%} (95% CI {low:.0%} to {high:.0%}): share of "
    "{n_sims} SYNTHETIC trials of {n} families with p < {alpha}, when the true d is {d}.",
    "trials.plot_ylabel": "Mean sensitivity (1-9)",
    "trials.plot_title": "Sensitivity before and after, by group (mean and 95% CI)",
    # --- susceptibility -------------------------------------------------------
    "susceptibility.group": "{name} = {level}",
    "susceptibility.plot_title": "{outcome} by {environment}, for each level of {susceptibility}",
    "susceptibility.ros_label_groups": "Groups differ here (p < {alpha})",
    "susceptibility.ros_label_score": "Effect of the marker is significant here (p < {alpha})",
    "susceptibility.crossover_label": "Crossover point ({level}% CI)",
    "susceptibility.crossover_outside": "Crossover at {c} (outside the plot)",
    "susceptibility.inside": "inside the observed range",
    "susceptibility.outside": "outside the observed range",
    "susceptibility.ros_everywhere": (
        "Regions of significance: the groups differ (alpha = {alpha}) at every value "
        "of the environment."
    ),
    "susceptibility.ros_nowhere": (
        "Regions of significance: the groups do not differ (alpha = {alpha}) at any value "
        "of the environment."
    ),
    "susceptibility.ros_bounds": (
        "Regions of significance (alpha = {alpha}): bounds on {environment} at {bounds}; "
        "{share}% of the sample lies where the groups differ."
    ),
    "susceptibility.summary_head": (
        "Interaction model: {outcome} ~ {environment} x {susceptibility} (n = {n})"
    ),
    "susceptibility.summary_slopes": "Slope of the outcome on the environment, by group [CI]:",
    "susceptibility.summary_interaction": "Difference between the slopes (interaction): p = {p}",
    "susceptibility.summary_crossover": (
        "Crossover point: {c} [{lo}, {hi}] ({level}% CI; SE {se}, delta-method SE {se_delta}); "
        "observed range {xmin} to {xmax}."
    ),
    "susceptibility.summary_poi": "PoI = {poi}, PA = {pa}",
    "susceptibility.slope_criterion_true": (
        "Slope criterion met: the steeper slope differs from zero and from the other slope."
    ),
    "susceptibility.slope_criterion_false": (
        "Slope criterion not met: the steeper slope does not differ clearly from zero, "
        "or not clearly from the other slope."
    ),
    "susceptibility.html_table": "Numbers",
    "susceptibility.verdict_no_interaction": (
        "No clear interaction: the effect of {environment} does not differ clearly between "
        "the groups (p = {p}). These data cannot tell who is more susceptible."
    ),
    "susceptibility.verdict_ds": (
        "The pattern looks like differential susceptibility: the lines cross inside the "
        "observed range of {environment} (at {c}), and the groups differ significantly on "
        "both sides: in more adverse and in more supportive environments."
    ),
    "susceptibility.verdict_inside_adverse_only": (
        "The lines cross inside the observed range of {environment} (at {c}), but the groups "
        "differ significantly only in more adverse environments. This is closer to "
        "diathesis-stress than to differential susceptibility."
    ),
    "susceptibility.verdict_inside_supportive_only": (
        "The lines cross inside the observed range of {environment} (at {c}), but the groups "
        "differ significantly only in more supportive environments. This is closer to "
        "vantage sensitivity than to differential susceptibility."
    ),
    "susceptibility.verdict_inside_no_region": (
        "The lines cross inside the observed range of {environment} (at {c}), but the groups "
        "do not differ significantly at any observed value."
    ),
    "susceptibility.verdict_outside_supportive": (
        "The lines would cross beyond the supportive end of the observed range (at {c}): the "
        "groups differ mainly in adverse environments. This looks like diathesis-stress."
    ),
    "susceptibility.verdict_outside_adverse": (
        "The lines would cross beyond the adverse end of the observed range (at {c}): the "
        "groups differ mainly in supportive environments. This looks like vantage sensitivity."
    ),
    "susceptibility.verdict_ci_inside": (
        "The {level}% CI of the crossover ({lo} to {hi}) lies inside the observed range "
        "({xmin} to {xmax})."
    ),
    "susceptibility.verdict_ci_wide": (
        "But the uncertainty is large: the {level}% CI of the crossover ({lo} to {hi}) "
        "reaches beyond the observed range ({xmin} to {xmax})."
    ),
    "susceptibility.verdict_ci": (
        "The {level}% CI of the crossover is {lo} to {hi}; the observed range is {xmin} to {xmax}."
    ),
    "susceptibility.verdict_poi_narrow": (
        "PoI = {poi}: the difference between the lines is split about evenly between the two "
        "sides of the crossover (inside the .40 to .60 window used for differential "
        "susceptibility)."
    ),
    "susceptibility.verdict_poi_broad": (
        "PoI = {poi}: outside the .40 to .60 window, but inside the broader .20 to .80 "
        "window that has been proposed."
    ),
    "susceptibility.verdict_poi_outside": (
        "PoI = {poi}: most of the difference between the lines lies on one side of the crossover."
    ),
    "susceptibility.verdict_no_region": (
        "Note: the groups do not differ significantly at any observed environment value."
    ),
    "susceptibility.model_differential_susceptibility_strong": "strong differential susceptibility",
    "susceptibility.model_differential_susceptibility_weak": "weak differential susceptibility",
    "susceptibility.model_diathesis_stress_strong": "strong diathesis-stress",
    "susceptibility.model_diathesis_stress_weak": "weak diathesis-stress",
    "susceptibility.model_vantage_sensitivity_strong": "strong vantage sensitivity",
    "susceptibility.model_vantage_sensitivity_weak": "weak vantage sensitivity",
    "susceptibility.compare_best": (
        "Best supported: {model} (BIC weight {weight}; the weights share the support among "
        "the six models and add up to 1)."
    ),
    "susceptibility.compare_next": "Next: {model} (BIC {delta} points higher).",
    "susceptibility.compare_clear": "The best model is clearly ahead of the others.",
    "susceptibility.compare_close": (
        "The best model is not clearly ahead: the data fit more than one pattern."
    ),
    "susceptibility.compare_crossover": (
        "Its estimated crossover point is {c} ({level}% CI {lo} to {hi})."
    ),
    "susceptibility.verdict_confirm": (
        "This is a description, not a test: compare_models() tests the competing patterns."
    ),
    # --- meta-analysis and plots ----------------------------------------------
    "meta.summary_title_fixed": "Fixed-effect model (k = {k})",
    "meta.summary_title_random": "Random-effects model (k = {k}; tau^2 estimator: {method})",
    "meta.summary_title_mixed": "Mixed-effects model (k = {k}; tau^2 estimator: {method})",
    "meta.summary_tau2": "tau^2 (estimated between-study variance):      {value}",
    "meta.summary_tau": "tau (square root of tau^2):                     {value}",
    "meta.summary_i2": "I^2 (share of variability due to heterogeneity): {value}%",
    "meta.summary_h2": "H^2 (total variability / sampling variability):  {value}",
    "meta.summary_r2": "R^2 (share of heterogeneity explained):          {value}%",
    "meta.summary_q": "Test for heterogeneity: Q(df = {df}) = {q}, p-val = {p}",
    "meta.summary_qe": "Test for residual heterogeneity: QE(df = {df}) = {q}, p-val = {p}",
    "meta.summary_qm": "Test of moderators: {stat}, p-val = {p}",
    "meta.summary_model": "Model results ({level}% confidence intervals):",
    "meta.summary_pi": "Prediction interval for a new study: [{low}, {high}]",
    "meta.summary_knha": "Knapp-Hartung adjustment: t tests with {df} degrees of freedom.",
    "meta.summary_subgroups": "Subgroup analysis ({k} studies in {m} subgroups; tau^2 estimator: {method})",
    "meta.summary_between": "Test for subgroup differences: Q(df = {df}) = {q}, p-val = {p}",
    "meta.html_title": "Meta-analysis of {k} studies ({method}, test = {test})",
    "meta.html_estimate": "Pooled effect",
    "meta.html_ci": "{level}% confidence interval",
    "meta.html_pi": "Prediction interval",
    "meta.filled_label": "Filled {i}",
    "plots.study": "Study",
    "plots.weight": "Weight",
    "plots.estimate_ci": "{measure} [{level}% CI]",
    "plots.estimate": "Estimate",
    "plots.effect_size": "Effect size",
    "plots.alt_generic": "Figure: {what}.",
    "plots.alt_untitled": "a chart without a title",
    "plots.alt_x": "horizontal axis: {label}",
    "plots.alt_y": "vertical axis: {label}",
    "plots.alt_forest": "Forest plot{title}: {k} studies, each a square with its {level}% "
    "confidence interval. Pooled estimate {estimate} ({level}% CI {low} to {high}){pi}.",
    "plots.alt_forest_pi": "; prediction interval {low} to {high}",
    "plots.alt_funnel": "Funnel plot{title}: {k} studies, effect size against standard error, "
    "around the pooled estimate {estimate}{filled}.",
    "plots.alt_funnel_filled": "; trim-and-fill imputes {k0} studies, estimate after filling {estimate}",
    "plots.favours_control": "Favours control",
    "plots.favours_intervention": "Favours intervention",
    "plots.model_random": "Random-effects model ({method})",
    "plots.model_common": "Common-effect model",
    "plots.subtotal": "Subtotal (k = {k})",
    "plots.prediction_interval": "Prediction interval",
    "plots.heterogeneity": "Heterogeneity: τ² = {tau2}; Q = {q}, df = {df} ({p}); I² = {i2}%",
    "plots.heterogeneity_fixed": "Heterogeneity: Q = {q}, df = {df} ({p}); I² = {i2}%",
    "plots.heterogeneity_short": "Heterogeneity: τ² = {tau2}; I² = {i2}%",
    "plots.overall_test": "Test for overall effect: {stat} = {value} ({p})",
    "plots.subgroup_test": "Test for subgroup differences: Q = {q}, df = {df} ({p})",
    "plots.funnel_ylabel": "Standard error",
    "plots.funnel_studies": "Studies",
    "plots.funnel_imputed": "Imputed by trim-and-fill ({k0})",
    "plots.funnel_pooled": "Pooled estimate",
    "plots.funnel_filled": "Estimate after trim-and-fill",
    "plots.funnel_pseudo_ci": "Pseudo {level}% confidence region",
    "plots.funnel_band": "{high} > p > {low}",
    "plots.funnel_band_last": "p < {low}",
    "plots.synthetic_title": "SYNTHETIC data: {what}",
    "plots.hedges_g": "Hedges' g",
    "plots.fig_vipp_sens_title": "VIPP / VIPP-SD trials: maternal sensitivity",
    "plots.fig_vipp_sens_xlabel": "Cohen's d (positive = more sensitive after VIPP)",
    "plots.fig_vipp_sens_favours": "Favours VIPP / VIPP-SD",
    "plots.fig_vipp_sens_note1": "Cohen's d as reported by each trial; variances from d and "
    "the group sizes.",
    "plots.fig_vipp_sens_note2": "ᵃ Group sizes not reported: equal arms assumed. "
    "Juffer et al. (2005, three arms) left out.",
    "plots.fig_vipp_sens_note3": "The pooled estimate is this course kit's own pooling (REML) "
    "of these trials, not a published result.",
    "plots.fig_rayce_title": "Rayce et al. (2017), Table 5: maternal sensitivity",
    "plots.fig_rayce_xlabel": "Cohen's d (positive = more sensitive after the intervention)",
    # Table 5 pools several home-visiting and interaction interventions, not VIPP-SD
    "plots.fig_rayce_favours": "Favours the parenting interventions",
    "plots.fig_rayce_note1": "d and 95% CI as printed in Table 5; variances recovered from the CIs.",
    "plots.fig_rayce_note2": "Rayce et al. report a pooled d = 0.46 (95% CI 0.26 to 0.65) "
    "for maternal sensitivity.",
    "plots.fig_synthetic_outcome": "VIPP-SD and {outcome}",
    "plots.fig_synthetic_favours": "Favours VIPP-SD",
    "plots.fig_synthetic_risk": "{outcome} by sample risk",
    "plots.fig_synthetic_funnel": "{outcome}, funnel plot",
    "plots.fig_synthetic_trimfill": "{outcome}, trim-and-fill",
    # --- datasets -------------------------------------------------------------
    "datasets.unknown": "There is no dataset called {name!r}. Choose one of: {names}.",
    "datasets.unavailable": "The dataset {name!r} is not available yet: {path} is missing.",
    "datasets.no_folder": (
        "The course datasets were not found ({path} is missing). Reinstall the kit "
        "(pip install vipp-course-kit, or make lab in its folder), or set COURSE_KIT_DATA "
        "to the folder that holds datapackage.json."
    ),
    "datasets.bad_value": "{file}, data row {row}, column {column!r}: {problem}.",
    "datasets.missing_column": "{file}: column {column!r} is missing (the schema lists it).",
    "datasets.extra_column": "{file}: column {column!r} is not in the schema.",
    # --- evidence ---------------------------------------------------------------
    "evidence.all": "(all)",
    "evidence.intervention": "Intervention",
    "evidence.outcome": "Outcome",
    "evidence.age": "Child age (months)",
    "evidence.certainty": "Certainty at least",
    "evidence.search": "Search",
    "evidence.sort": "Sort by",
    "evidence.count": "{n} of {total} results",
    "evidence.no_rows": "No result matches these filters. Try fewer filters.",
    "evidence.chart_title": "{measure} of the results shown ({n} with a number)",
    "evidence.chart_alt": "Chart of {n} results measured as {measure}, each a point with its "
    "confidence interval where published: {items}.",
    "evidence.chart_alt_none": "No chart: fewer than two results share a measure with a number.",
    "evidence.chart_none": "No two or more results with the same measure and a number to draw.",
    "evidence.page_title": "VIPP-SD course: evidence navigator",
    "evidence.page_intro": "Filter the course's evidence table. Every row names its source. "
    "Certainty is a GRADE level, and the column 'certainty rated by' says whose rating it is: "
    "the review's authors, a Norwegian handbook GRADE table or Bufdir's evidence summary. "
    "'not graded' means we found no published rating for that result.",
    "evidence.rated_by": "certainty rated by",
    # --- readers (a participant's own CSV file) ------------------------------
    "readers.path_type": "path must be the name of a file (text), not {kind}.",
    "readers.missing": (
        "The file {path} was not found. Check the name, and upload the file next to the "
        "notebook (the notebook looks in {cwd})."
    ),
    "readers.workbook": (
        "{path} is an Excel workbook, not a CSV file. In Excel choose File > Save As and "
        "the type 'CSV (semicolon separated)' (Swedish: CSV (semikolonavgränsad)), then "
        "read that file."
    ),
    "readers.empty": "The file {path} is empty.",
    "readers.bad_encoding": (
        "{path} cannot be read as {encoding}. Leave out encoding= and the kit will find it."
    ),
    "readers.unreadable": (
        "{path} could not be read as a table ({reason}). Check that every row has the same "
        "number of columns, or give the separator, e.g. sep=';'."
    ),
    "readers.not_a_number": (
        "Column {column!r} holds numbers, but row {row} has {value!r}, which is not a "
        "number. Correct that cell (a decimal comma like 2,1 is fine) or leave it empty "
        "for a missing value."
    ),
    "readers.mixed_decimals": (
        "Column {column!r} mixes decimal commas (row {row_comma}: {comma!r}) and decimal "
        "points (row {row_point}: {point!r}). Use one of them in the whole column."
    ),
    # --- workspace --------------------------------------------------------------
    "workspace.summary": "Your workspace: {path}",
    "workspace.nothing_new": "Everything is up to date. Nothing was changed.",
    "workspace.added": "New notebook copied: {name}",
    "workspace.updated": "Updated to the newest version (you had not changed it): {name}",
    "workspace.restored": "The original version is back in place: {name}",
    "workspace.beside": (
        "You have changed {name}, so it was NOT replaced. The newer version is next to it: {new}"
    ),
    "workspace.kept": "Your changes to {name} are kept.",
    "workspace.renamed": "The notebook {name} has a new name in this course version: your copy, "
    "with your changes, is now {new}.",
    "workspace.rename_blocked": "The notebook {name} is called {new} in this course version, "
    "but both files are in your workspace, so both were left as they are.",
    "workspace.backup": "Your old copy is saved as {name}",
    "workspace.problem": "course-kit workspace: {message}",
    "workspace.no_source": (
        "The original notebooks were not found in {path}. "
        "Give their folder with --source, or set the variable {env}."
    ),
    "workspace.empty_source": "The folder {path} has no notebooks (.ipynb files) to copy.",
    "workspace.missing": (
        "The workspace folder {path} does not exist. Make it first with: course-kit workspace init"
    ),
    "workspace.no_manifest": (
        "The folder {path} is not a course workspace yet. "
        "Make it one with: course-kit workspace init"
    ),
    "workspace.not_a_folder": "{path} is a file, not a folder. Choose a folder for your workspace.",
    "workspace.read_only": (
        "The folder {path} cannot be written ({reason}). Nothing was changed. "
        "Choose a folder you can write to, e.g. in your home folder."
    ),
    "workspace.unknown_notebook": "There is no course notebook called {name!r}. Choose one of: {names}.",
    "workspace.outside": "{name} is not inside your workspace {path}.",
    "workspace.is_source": (
        "{path} holds the kit's original notebooks. Choose another folder for your own copy."
    ),
    "workspace.empty_name": (
        "No workspace folder was given (the name is empty), so nothing was done. "
        "Give a folder, e.g. course-kit workspace init {default}, "
        "or leave WORKSPACE= out of 'make lab' to use {default}."
    ),
    "workspace.manifest_damaged": (
        "The workspace record {name} was damaged, so it was set aside as {aside} "
        "and rebuilt from your files. Nothing of yours was changed."
    ),
    "workspace.manifest_rebuilt": (
        "{n} notebook(s) differ from the course version; they count as your work and are "
        "never replaced. To get the course version of one, run "
        "'course-kit workspace reset NAME' (your copy goes to backups/)."
    ),
    "workspace.folder_in_the_way": (
        "{name} was skipped: there is a folder of that name where the course file belongs. "
        "Rename or move the folder, then run 'course-kit workspace update' again."
    ),
    "workspace.stopped": "The work stopped at {name}: {reason}.",
    "workspace.reason_disk_full": "the disk is full (or your storage quota is used up)",
    "workspace.reason_read_only": "the folder cannot be written",
    "workspace.reason_is_folder": "it is a folder, but a file belongs there",
    "workspace.state_nothing": "Nothing was changed in your workspace.",
    "workspace.state_partial": (
        "Already done: {done}. Not done: {pending}. Your own work is safe, and the "
        "workspace record matches the files."
    ),
    "workspace.fix_disk_full": (
        "Free some space (for example delete large files such as videos), then run "
        "'course-kit workspace update' again."
    ),
    "workspace.fix_read_only": "Ask your instructor to make the folder writable, then try again.",
    "workspace.fix_is_folder": "Rename or move that folder, then try again.",
    "workspace.fix_other": "Try again; if it happens again, show this message to your instructor.",
    "workspace.open_in_jupyter": (
        "{name} is open in JupyterLab (its kernel is running), so it was not reset: "
        "JupyterLab would save the old version over it again. Nothing was changed. "
        "Close it first with File > Close and Shut Down Notebook, then run the reset again."
    ),
    "workspace.problem_file": (
        "Your course workspace {path} could not be set up or updated:\n\n{message}\n\n"
        "Show this file to your instructor if you do not know what to do. It disappears "
        "by itself when the workspace works again."
    ),
    # --- explorers (interactive teaching widgets, lead) -----------------------
    "explore.families_slider": "Families",
    "explore.rating_axis": "Sensitivity rating (1-9)",
    "explore.share_axis": "Share of families (%)",
    "explore.ratings_title": "{n} synthetic families, mean {mean:.1f}",
    "explore.tau_slider": "Extra spread (tau)",
    "explore.ci": "95% confidence interval (average effect)",
    "explore.pi": "95% prediction interval (a new setting)",
    "explore.effect_axis": "Effect size (Hedges' g)",
    "explore.heterogeneity_title": "Pooled g = {estimate:.2f}; tau^2 = {tau2:.3f}; I^2 = {i2:.0f}%",
    "explore.drawer_slider": "File drawer",
    "explore.drawer_title": "Published: {k} trials (of {tried} done). Pooled g = {estimate:.2f}; true d = {true_d:.2f}",
    "explore.truth": "true effect",
    "explore.sample_slider": "Families",
    "explore.gxe_outcome": "child outcome",
    "explore.gxe_environment": "quality of parenting",
    "explore.gxe_group": "children",
    "explore.gxe_more": "more susceptible",
    "explore.gxe_less": "less susceptible",
    "explore.pattern_title": "SYNTHETIC data. Model preferred by BIC: {model}",
    "explore.pattern_dropdown": "True pattern",
    # --- concept drawings (lead) ----------------------------------------------
    "grade.level.high": "High: we are very confident that the true effect is close to the estimate.",
    "grade.level.moderate": "Moderate: the true effect is probably close to the estimate, but it may be substantially different.",
    "grade.level.low": "Low: the true effect may be substantially different from the estimate.",
    "grade.level.very low": "Very low: the true effect is likely to be substantially different from the estimate.",
    "grade.domain.risk_of_bias": "Risk of bias (e.g. unclear randomisation, coders who knew the group)",
    "grade.domain.inconsistency": "Inconsistency (studies disagree more than chance explains)",
    "grade.domain.indirectness": "Indirectness (other families, intervention or outcome than your question)",
    "grade.domain.imprecision": "Imprecision (few families, wide confidence interval)",
    "grade.domain.publication_bias": "Publication bias (small negative studies seem to be missing)",
    "grade.result": "Certainty of the evidence: {level}.",
    "grade.steps": "Start: {start}. Down: {down} level(s). Up: {up} level(s).",
    "concepts.environment_axis": "Quality of the environment (e.g. parenting)",
    "concepts.outcome_axis": "Child outcome (higher = better)",
    "concepts.susceptible": "More susceptible children",
    "concepts.less_susceptible": "Less susceptible children",
    "concepts.diathesis_stress": "Diathesis-stress",
    "concepts.differential_susceptibility": "Differential susceptibility",
    "concepts.vantage_sensitivity": "Vantage sensitivity",
    "concepts.none": "No interaction",
    "concepts.adverse": "adverse",
    "concepts.supportive": "supportive",
}


#: Which catalog (``course_kit/locale/<lang>/<domain>.po``) translates each key.
DOMAINS: dict[str, str] = dict.fromkeys(EN, "messages")


def _add_table(table: dict[str, str], domain: str) -> None:
    clash = sorted(set(table) & set(EN))
    if clash:  # two tables claiming one key is a programming error
        raise KeyError(f"the {domain!r} messages repeat the keys {clash[:5]}")
    EN.update(table)
    DOMAINS.update(dict.fromkeys(table, domain))


def _add_topic_catalogs() -> None:
    # Areas, the method notebooks and the notebooks' code cells keep their strings in
    # course_kit/texts/, so that work on one of them does not collide with edits here.
    # Each file is its own translation domain (one .po file per language).
    import importlib
    import pkgutil

    from course_kit import texts

    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{texts.__name__}.{info.name}")
        _add_table(module.EN, info.name)


_add_topic_catalogs()


def text(key: str, /, **values) -> str:
    """Return the participant-facing string ``key`` in the reader's language, filled in.

    The language is :func:`course_kit.i18n.get_language` (the workspace's edition,
    ``COURSE_KIT_LANG``, or English); numbers in ``values`` are written in that
    language's locale (``{d:.2f}`` is ``0,45`` in Swedish).

    Parameters
    ----------
    key : str
        Dotted key, e.g. ``"exercises.correct"``.
    **values
        Values for the ``{placeholders}`` of the string.

    Raises
    ------
    KeyError
        If the key is unknown (a programming error, caught by the tests).

    Examples
    --------
    >>> text("exercises.check_button")
    'Check'
    """
    try:
        english = EN[key]
    except KeyError:
        raise KeyError(f"No message with key {key!r}.") from None
    lang = i18n.get_language()
    template = i18n.translate(key, english, DOMAINS[key], lang)
    return i18n.format_message(template, values, lang) if values else template


def say(key: str, /, **values) -> None:
    """Print the message ``key`` (see :func:`text`): for the notebooks' code cells.

    Examples
    --------
    >>> say("exercises.check_button")
    Check
    """
    print(text(key, **values))
