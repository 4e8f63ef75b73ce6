"""Participant-facing strings of the programme material (notebook 03)."""

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
