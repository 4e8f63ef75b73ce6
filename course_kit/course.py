"""The map of the course: which notebook belongs to which course day.

One source of truth for ``notebooks/00-start-here.ipynb``, ``notebooks/index.ipynb``
and the README's table (``scripts/make_index.py`` writes the last two; a test
checks they are in sync and that every notebook listed here exists).

The VIPP-SD intervener course has five course days (see the course plan); the
assignment of notebooks to days below is the kit's suggestion.
"""

from __future__ import annotations

COURSE_DAYS = {
    0: "Before the course",
    1: "Day 1 - Attachment and sensitivity: the theory behind VIPP-SD",
    2: "Day 2 - Observing and scoring sensitivity",
    3: "Day 3 - The evidence: effect sizes and meta-analysis",
    4: "Day 4 - For whom does it work? Differential susceptibility",
    5: "Day 5 - From evidence to practice",
}

NOTEBOOKS = [
    {
        "file": "00-start-here.ipynb",
        "day": 0,
        "title": "Start here",
        "minutes": 10,
        "objectives": "Check that the course environment works; learn to run a cell and move a slider.",
    },
    {
        "file": "01-attachment-and-sensitivity.ipynb",
        "day": 1,
        "title": "Attachment and sensitivity",
        "minutes": 45,
        "objectives": "Describe the attachment patterns and Ainsworth's sensitivity scale; "
        "explain what a correlation of .24 means for individual families.",
    },
    {
        "file": "02-scoring-sensitivity.ipynb",
        "day": 2,
        "title": "Scoring sensitivity",
        "minutes": 60,
        "objectives": "Judge agreement between coders (ICC, weighted kappa); see how unreliable "
        "coding hides a real effect; practise rating vignettes against a reference coder.",
    },
    {
        "file": "03-effect-sizes.ipynb",
        "day": 3,
        "title": "Effect sizes from the RCT literature",
        "minutes": 45,
        "objectives": "Compute Cohen's d and Hedges' g; convert between d and r; "
        "explain what d = 0.3-0.5 means and why small trials disagree.",
    },
    {
        "file": "04-meta-analysis-of-vipp-trials.ipynb",
        "day": 3,
        "title": "Meta-analysis of the VIPP trials",
        "minutes": 60,
        "objectives": "Read a forest plot; tell fixed from random effects; explain heterogeneity "
        "and the prediction interval; recognise publication bias.",
    },
    {
        "file": "05-differential-susceptibility.ipynb",
        "day": 4,
        "title": "Differential susceptibility",
        "minutes": 60,
        "objectives": "Tell diathesis-stress from differential susceptibility; read regions of "
        "significance and the crossover point; explain why such tests need large samples.",
    },
    {
        "file": "06-evidence-to-practice.ipynb",
        "day": 5,
        "title": "From evidence to practice",
        "minutes": 60,
        "objectives": "Find and weigh evidence with PICO and GRADE; compare interventions; "
        "combine evidence, clinical expertise and family values.",
    },
    {
        "file": "09-suitability-and-targets.ipynb",
        "day": 4,
        "title": "Is VIPP-SD right for this family? Suitability and targets",
        "minutes": 60,
        "objectives": "Assess a family's suitability for VIPP-SD (start now, after or alongside "
        "other help, refer, not suitable); pick the main intervention targets; sort support "
        "into universal, targeted and indicated.",
    },
    {
        "file": "10-adapting-video-feedback.ipynb",
        "day": 4,
        "title": "Adapting video feedback to the parent",
        "minutes": 60,
        "objectives": "Choose and explain phrasings of video feedback (positive first, speaking "
        "for the child, no blame); adapt feedback to depressed, defensive or anxious parents, "
        "limited language and fathers; the working alliance and one's own reactions.",
    },
    {
        "file": "12-the-practice-period.ipynb",
        "day": 5,
        "title": "The practice period: your practice family",
        "minutes": 45,
        "objectives": "Keep a pseudonymous session log (fragments with time stamps, the parent's "
        "reactions, reflection, fidelity checklist); import ELAN fragments; export a "
        "supervision brief and the reflection-report outline with the G/U rubric.",
    },
]


def course_map():
    """The course map as a DataFrame (day, notebook, title, minutes, objectives).

    Examples
    --------
    >>> import course_kit as ck
    >>> ck.course.course_map().shape[0] >= 7
    True
    """
    import pandas as pd

    rows = [
        {
            "day": COURSE_DAYS[nb["day"]],
            "notebook": nb["file"],
            "title": nb["title"],
            "minutes": nb["minutes"],
            "objectives": nb["objectives"],
        }
        for nb in NOTEBOOKS
    ]
    return pd.DataFrame(rows)
