"""Participant-facing strings of the programme material (notebook 03).

Translation domain ``method_programme`` (``course_kit/locale/<lang>/method_programme.po``).
"""

from __future__ import annotations

EN: dict[str, str] = {
    "programme.title": "The VIPP-SD programme for a child of {age} months (public sources)",
    "programme.intro_short": "Intro",
    "programme.session_short": "Session {n}",
    "programme.visit_short": "visit {n}",
    "programme.film_mark": "[film]",
    "programme.arrow_note": "arrows: each film is discussed at the next visit",
    "programme.strand_sensitivity": "Sensitivity\ntheme",
    "programme.strand_discipline": "Sensitive\ndiscipline",
    "programme.review_note": "Sessions 5-6: review\n(booster) sessions that\nbring the themes together",
    "programme.discipline_band": "a limit-setting theme in each session: limit setting, distraction, "
    "positive reinforcement, time-out, empathy (order not public: ask your trainer)",
    "programme.discipline_infant": "6-12 months: the programme can be used without the "
    "sensitive-discipline component",
    "programme.sources_note": "Sources: visits and filming VIPP-SD International, HomVEE; "
    "spacing and review sessions No Punish; sensitivity themes as published for VIPP "
    "(van IJzendoorn), theme 1 confirmed for VIPP-SD (No Punish); discipline topics HomVEE.",
}

EN.update(
    {
        "programme.visit_slider": "Visit",
        "programme.age_slider": "Age (months)",
        "programme.visit_1": "<b>Introductory visit (visit 1).</b> The intervener explains how video "
        "feedback works, and the first everyday situations are filmed (VIPP-SD International; "
        "HomVEE). No feedback yet: there is no film to discuss.",
        "programme.visit_n": "<b>Session {session} (visit {visit}).</b> {films}Then the intervener "
        "and the parent look at the fragments chosen from the film of visit {previous}, which the "
        "intervener prepared between the visits (HomVEE; No Punish). {phase}",
        "programme.films_yes": "The visit starts with new filming of everyday interaction. ",
        "programme.films_no": "No new film is made at this last visit (VIPP-SD International). ",
        "programme.phase_themes": "Sessions 1-4 work on the themes, one after the other in a set "
        "order (No Punish), and come every three to four weeks (No Punish).",
        "programme.phase_review": "Sessions 5-6 are review (booster) sessions that bring the "
        "themes together; they can be spread further apart (No Punish).",
        # the family finder (section 5)
        "programme.finder_age": "Child's age",
        "programme.finder_situation": "Situation",
        "programme.age.infant": "6-11 months",
        "programme.age.toddler": "1-3 years",
        "programme.age.preschool": "4-6 years",
        "programme.age.school": "7 years or older",
        "programme.age_text.infant": "For caregivers of infants aged 6-12 months the programme "
        "can be used without the sensitive-discipline component (VIPP-SD International; the "
        "course plan).",
        "programme.age_text.toddler": "Within the ages VIPP-SD was made for: children aged 1 to 6 "
        "(VIPP-SD International; Leiden VIPP centre, 'Method').",
        "programme.age_text.preschool": "Within the ages VIPP-SD was made for: children aged 1 to "
        "6 (VIPP-SD International; Leiden VIPP centre, 'Method').",
        "programme.age_text.school": "Older than the ages the programme was made for (1-6 years; "
        "one HomVEE page says 1 through 7, which is inconsistent with its other pages). The "
        "public sources do not describe VIPP-SD for school-age children. <i>Course authors' "
        "judgement: look for an intervention made for this age, and discuss with your "
        "supervisor.</i>",
        "programme.situation.behaviour": "Parent worried about tantrums, defiance or aggression",
        "programme.situation.low_risk": "Low-risk family that asks for help",
        "programme.situation.depression": "Mother with untreated depression",
        "programme.situation.foster": "Foster family",
        "programme.situation.autism": "Child with an autism diagnosis",
        "programme.situation.crisis": "Family in acute crisis (for example, just lost their home)",
        "programme.situation_text.behaviour": "This is the developers' target group: families "
        "with children aged 1-6 at (increased) risk of behaviour problems such as aggression, "
        "oppositional or overactive behaviour (Leiden VIPP centre, 'Method'). The Dutch youth "
        "health library describes caregivers with problems in sensitive parenting or limit "
        "setting (NCJ).",
        "programme.situation_text.low_risk": "The course plan states that VIPP-SD has been used "
        "with good results in families with both high and low psychosocial adversity (a claim of "
        "the course plan, not checked against the trials here).",
        "programme.situation_text.depression": "The seminar slides of the course's sources say "
        "that effective treatment of the mother's depression or PTSD should come first, with "
        "interaction treatment considered as an add-on, and that depression in the partner "
        "should be looked for too (the slides do not name the studies). A VIPP version for "
        "mothers with perinatal mental illness has only been piloted. Notebook 9 practises "
        "this decision with written cases.",
        "programme.situation_text.foster": "A foster-care version exists: VIPP-FC, six sessions "
        "that pair a VIPP-SD theme with a foster-care theme such as subtle or missing attachment "
        "signals (Schoemaker et al., 2018; VIPP-SD International, 'Research').",
        "programme.situation_text.autism": "An adapted version exists: VIPP-AUTI, six home visits "
        "(HomVEE). Note that some trials of other versions excluded children with an autism "
        "diagnosis; a trial's exclusion criteria are not a rule for practice.",
        "programme.situation_text.crisis": "The public sources give no official list of reasons "
        "not to start. <i>Course authors' judgement: filming everyday interaction and looking at "
        "it calmly needs some stability, so help the family through the crisis first and offer "
        "VIPP-SD when everyday life has settled. Discuss with your supervisor.</i>",
        # section 4: which fragment first
        "programme.choose_fragment": "Choose a fragment above.",
        "programme.opening.question": "Film written for this course: Sara (2 years) and her "
        "father. Three fragments stand out. Which do you show first?",
        "programme.opening.positive": "Sara brings a book; the father smiles, lifts her on his "
        "lap and names the pictures she points at",
        "programme.opening.missed": "Sara looks back at him twice from across the room; he is "
        "on his phone and does not see it",
        "programme.opening.conflict": "Sara throws a cup; the father shouts, and she cries",
        "programme.opening_text.positive": "<b>A good opening.</b> The sources emphasise positive "
        "interaction sequences and the parent's sensitive moments (van IJzendoorn's page on the "
        "intervention; VIPP-SD International). Starting with a moment that went well lets the "
        "father see himself as the expert on his child, and makes the harder fragments easier to "
        "look at later. <i>The order within a visit is the course authors' judgement; your "
        "training's script decides.</i>",
        "programme.opening_text.missed": "<b>Later, and carefully.</b> A missed signal can be a "
        "useful fragment (look at Sara's face together, 'speak for the child'), but as the first "
        "thing the father sees it can feel like criticism. The sources emphasise positive "
        "sequences first. <i>Course authors' judgement; discuss with your supervisor.</i>",
        "programme.opening_text.conflict": "<b>Not as an opener.</b> Showing the shouting first "
        "puts the father on the defensive. A conflict may still become material for the "
        "sensitive-discipline theme, after a positive fragment and with a tip for next time "
        "(feedback that highlights positive moments and gives tips: Healthy Start, Happy Start). "
        "<i>Course authors' judgement; discuss with your supervisor.</i>",
    }
)

EN.update(
    {
        "exercises.programme.visits.question": "How many home visits does VIPP-SD have in all, "
        "counting the introductory visit?",
        "exercises.programme.visits.hint": "A short introductory visit, then the video-feedback "
        "sessions. Count both.",
        "exercises.programme.visits.solution": "7: a short introductory visit followed by 6 "
        "sessions with video feedback, each of about 2 hours (VIPP-SD International). Trials "
        "and services have used other formats (for example six 90-minute visits in an NHS trial), "
        "so check the format of your own training.",
        "exercises.programme.visits.mistake_six": "Six is the number of video-feedback sessions. "
        "Add the short introductory visit.",
        "exercises.programme.visits.mistake_four": "Four is the number of theme sessions. There "
        "are also two review sessions and an introductory visit.",
        "exercises.programme.which_film.question": "You are at Session 3 (visit 4). Which film "
        "do you discuss with the parent?",
        "exercises.programme.which_film.hint": "Look at the arrows of the timeline, or move the "
        "Visit slider to 4.",
        "exercises.programme.which_film.solution": "b) The film made at the previous visit "
        "(Session 2). Each visit starts with new filming, then the fragments the intervener "
        "chose and prepared from the previous visit's film are discussed (HomVEE; VIPP-SD "
        "International).",
        "exercises.programme.which_film.option_a": "The film made earlier in the same visit",
        "exercises.programme.which_film.option_b": "Fragments of the film made at the previous "
        "visit",
        "exercises.programme.which_film.option_c": "All films made so far, from the beginning",
        "exercises.programme.which_film.option_d": "Only the film of the introductory visit",
        "exercises.programme.which_film.explain_a": "There is no time to choose fragments and "
        "prepare feedback on a film made an hour ago; the preparation happens between visits.",
        "exercises.programme.which_film.explain_b": "Film now, discuss at the next visit.",
        "exercises.programme.which_film.explain_c": "Each session discusses chosen fragments of "
        "the previous film. The review sessions bring the themes together, but the public "
        "sources do not describe replaying every film.",
        "exercises.programme.which_film.explain_d": "The introductory film is discussed at "
        "Session 1; later sessions use later films.",
        "exercises.programme.infant.question": "A mother asks for help with her 9-month-old "
        "daughter. What do the public sources say about VIPP-SD at this age?",
        "exercises.programme.infant.hint": "Move the age slider below 12 months and look at the "
        "lower band of the timeline.",
        "exercises.programme.infant.solution": "b) For caregivers of infants aged 6-12 months "
        "the programme can be used without the sensitive-discipline component (VIPP-SD "
        "International; the Swedish course plan says the same).",
        "exercises.programme.infant.option_a": "Use the full programme, discipline themes included",
        "exercises.programme.infant.option_b": "It can be used without the sensitive-discipline "
        "component",
        "exercises.programme.infant.option_c": "VIPP-SD cannot be used before 12 months",
        "exercises.programme.infant.option_d": "Use only the discipline themes",
        "exercises.programme.infant.explain_a": "Limit setting is not the task at 9 months; the "
        "sources say the discipline component can be left out for 6-12 months.",
        "exercises.programme.infant.explain_b": "At this age the work is about the sensitivity "
        "themes.",
        "exercises.programme.infant.explain_c": "The programme's main ages are 1-6, but the "
        "sources name 6-12 months as possible without the discipline component.",
        "exercises.programme.infant.explain_d": "It is the other way round: the sensitivity "
        "themes stay, the discipline component can be left out.",
        "exercises.programme.feedback_principles.question": "Which are principles of giving "
        "video feedback in VIPP-SD, according to the public sources? Tick all that apply.",
        "exercises.programme.feedback_principles.hint": "Three options are right. Look at the "
        "table of principles and its sources.",
        "exercises.programme.feedback_principles.solution": "a), b) and c). The parent is their "
        "own model and the expert on their child (VIPP-SD International); positive interaction "
        "sequences and the parent's sensitive moments are emphasised, and the intervener "
        "'speaks for the child' and invites the parent to add 'subtitles' (van IJzendoorn's "
        "page). Showing every mistake is the opposite of a strength-based approach, and the "
        "feedback is prepared with a script but tailored to each parent and child (No Punish).",
        "exercises.programme.feedback_principles.option_a": "The parent is treated as the expert "
        "on their own child",
        "exercises.programme.feedback_principles.option_b": "Positive interaction sequences get "
        "special emphasis",
        "exercises.programme.feedback_principles.option_c": "The intervener 'speaks for the "
        "child' and invites the parent to add 'subtitles'",
        "exercises.programme.feedback_principles.option_d": "Every mistake on the film is shown, "
        "so nothing is missed",
        "exercises.programme.feedback_principles.option_e": "The same words are used for every "
        "family, whatever the parent is like",
        "exercises.programme.feedback_principles.explain_d": "The sources describe a "
        "strength-based approach: the feedback emphasises what goes well, not every mistake.",
        "exercises.programme.feedback_principles.explain_e": "The feedback is prepared with a "
        "script, but the sources say it is tailored to each parent and child.",
        "exercises.programme.depressed_mother.question": "A mother of a 2-year-old has a "
        "depression that is not treated. What do the course's sources suggest?",
        "exercises.programme.depressed_mother.hint": "Use the family finder with the situation "
        "'Mother with untreated depression'.",
        "exercises.programme.depressed_mother.solution": "c) The course's seminar slides say "
        "that effective treatment of the mother's depression should come first, with interaction "
        "treatment considered as an add-on, and that the partner should be asked about too. "
        "This is the slides' statement (the studies are not named there), not a rule of the "
        "VIPP-SD manual. Notebook 9 practises such decisions with written cases.",
        "exercises.programme.depressed_mother.option_a": "Start VIPP-SD at once: better "
        "interaction will lift the depression",
        "exercises.programme.depressed_mother.option_b": "VIPP-SD is never possible when a parent "
        "is depressed",
        "exercises.programme.depressed_mother.option_c": "Make sure the depression is treated "
        "first; consider VIPP-SD as an add-on, and ask about the partner",
        "exercises.programme.depressed_mother.option_d": "Offer VIPP-SD to the partner instead, "
        "without talking about the depression",
        "exercises.programme.depressed_mother.explain_a": "The course's sources put effective "
        "treatment of the depression first; interaction work alone is not a treatment for it.",
        "exercises.programme.depressed_mother.explain_b": "The sources do not say 'never': "
        "interaction treatment can come as an add-on once the depression is treated.",
        "exercises.programme.depressed_mother.explain_c": "Treatment first, interaction work as "
        "an add-on, and an eye on the partner.",
        "exercises.programme.depressed_mother.explain_d": "Leaving the depression untreated "
        "is not what the sources suggest, and the partner may need asking about depression "
        "too.",
    }
)

# the tables of course_kit.method.programme (what they show; the codes stay English)
EN.update(
    {
        "programme.visit_name.intro": "Introductory visit",
        "programme.visit_name.session": "Session {n}",
        "programme.theme.exploration_attachment": "Exploration vs. attachment behaviour",
        "programme.theme.signals": "Noticing the child's (subtle) signals",
        "programme.theme.responding": "Responding promptly and adequately",
        "programme.theme.sharing_emotions": "Sharing emotions (affective attunement)",
        "programme.theme.limit_setting": "Consistent strategies and limit setting",
        "programme.theme.distraction": "Distraction and non-coercive responses",
        "programme.theme.positive_reinforcement": "Positive reinforcement (praise; ignore "
        "attention-seeking)",
        "programme.theme.time_out": "Time-out to de-escalate a temper tantrum",
        "programme.theme.empathy": "Empathy for the child",
        "programme.filmed.play": "Playing together",
        "programme.filmed.book": "Reading a picture book",
        "programme.filmed.tidying": "Tidying up",
        "programme.filmed.meal": "Having a meal",
        "programme.filmed.routine": "A routine such as bathing (routines and play both)",
        "programme.filmed.dont_touch": "A 'don't touch' episode",
        "programme.filmed.length": "Episodes of 10-30 minutes",
        "programme.principle.expert": "The parent is their own model and the expert on their child",
        "programme.principle.strengthen": "Strengthen what goes well: emphasise positive "
        "interaction sequences and the parent's sensitive moments",
        "programme.principle.signals": "Look at the child's signals and expressions together "
        "on the film",
        "programme.principle.speak": "'Speak for the child', and invite the parent to add "
        "'subtitles'",
        "programme.principle.first_person": "Speaking in the child's first person is optional: "
        "check with the parent, and mind cultural fit",
        "programme.principle.prepare": "Prepare the feedback between visits with the "
        "training's script, tailored to this parent and child",
        "programme.principle.tips": "Highlight positive moments; give tips for challenging "
        "behaviour",
        # column names and coded values as programme.display shows them; the English
        # words are the stored names, so the English tables stay as they were
        "programme.column.visit": "visit",
        "programme.column.name": "name",
        "programme.column.films": "films",
        "programme.column.feedback_on": "feedback_on",
        "programme.column.phase": "phase",
        "programme.column.source": "source",
        "programme.column.key": "key",
        "programme.column.strand": "strand",
        "programme.column.session": "session",
        "programme.column.theme": "theme",
        "programme.column.situation": "situation",
        "programme.column.principle": "principle",
        "programme.films_value.true": "True",
        "programme.films_value.false": "False",
        "programme.phase_name.introduction": "introduction",
        "programme.phase_name.themes": "themes",
        "programme.phase_name.review": "review",
        "programme.strand_name.sensitivity": "sensitivity",
        "programme.strand_name.discipline": "discipline",
    }
)

# descriptions of sources (course_kit.method.sources.DESCRIBED), as cite() writes them
EN.update(
    {
        "programme.source.seed000": "VIPP-SD course plan (Ericastiftelsen), course material",
        "programme.source.seed001": "Seminar 'Hur kan kunskap om barnets första 1000 dagar omsättas i praktik?' (Child health and parenting research group), course material",
        "programme.source.seed002": "RBUP, course description 'Fordypning i barnevernsarbeid med risikoutsatte sped- og småbarnsfamilier', course material",
        "programme.source.vsi_nl": "VIPP-SD International, 'VIPP-SD' (Dutch page)",
        "programme.source.homvee_comp": "HomVEE implementation profile of VIPP-SD, 'Model Components' (2019)",
        "programme.source.nopunish": "'No Punish' European best-practice database, entry on VIPP-SD",
        "programme.source.ncj": "Dutch youth-health intervention library (NCJ), entry on VIPP-SD",
        "programme.source.ukvipp": "Implementing THRIVE, case study of the UK VIPP Unit",
        "programme.source.clahrc": "NIHR CLAHRC, 'Healthy Start, Happy Start' project page",
        "programme.source.perinatal": "VIPP adapted for mothers with perinatal mental illness (2024), Journal of Reproductive and Infant Psychology, doi:10.1080/02646838.2024.2322636",
        "programme.source.hshs": "Healthy Start, Happy Start study (NHS trial of VIPP-SD), PEDAL summary",
        "programme.source.trial_excl": "Trial exclusion criteria: VIPP-FC protocol (Schoemaker et al. 2018) and HomVEE's summary of Van Zeijl et al. (2006)",
    }
)
