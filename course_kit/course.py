"""The map of the course: days, notebooks, and the learning objectives they teach.

One source of truth for ``notebooks/00-start-here.ipynb``, ``notebooks/index.ipynb``
and the README's table (``scripts/make_index.py`` writes the last two; a test
checks they are in sync and that every notebook listed here exists).

The five course days follow the course plan (Ericastiftelsen's VIPP-SD course
plan, the kit's seed document): theory (attachment *and* social learning), the
method and observation, the evidence, for whom and how to adapt, and the
practice period. The assignment of notebooks to days is the kit's suggestion.

:data:`LEARNING_OBJECTIVES` lists the six learning objectives of the course
plan ("Lärandemål"), in English with the Swedish original, each with the
notebook sections that teach it. ``tests/test_course_map.py`` keeps every
objective mapped to at least one section that has an interactive demonstration
and a self-check.

:data:`RENAMED` records notebooks that got a new file name, so that
``course-kit workspace update`` moves a participant's copy (and their edits)
to the new name.
"""

from __future__ import annotations

from course_kit.i18n import REVIEW_STATUS as _REVIEW_STATUS

COURSE_DAYS = {
    0: "Before the course",
    1: "Day 1 - Theory: attachment and social learning",
    2: "Day 2 - The method and observation",
    3: "Day 3 - The evidence",
    4: "Day 4 - For whom, and how to adapt",
    5: "Day 5 - The practice period",
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
        "file": "02-social-learning-and-sensitive-discipline.ipynb",
        "day": 1,
        "title": "Social learning and sensitive discipline",
        "minutes": 45,
        "objectives": "Explain reinforcement and the coercive cycle (Patterson); tell sensitive "
        "discipline (limits, distraction, praise, time-out, empathy) from harsh control.",
    },
    {
        "file": "03-the-vipp-sd-programme.ipynb",
        "day": 2,
        "title": "The VIPP-SD programme",
        "minutes": 45,
        "objectives": "Describe the visits, what is filmed and when, the themes for infants and "
        "for 1-6-year-olds, and the principles of giving video feedback.",
    },
    {
        "file": "04-observing-interaction.ipynb",
        "day": 2,
        "title": "Observing interaction and choosing fragments",
        "minutes": 60,
        "objectives": "Read a scene of everyday interaction as signal, response and theme; "
        "choose the fragments to replay to the parent and say why.",
    },
    {
        "file": "05-scoring-sensitivity.ipynb",
        "day": 2,
        "title": "Scoring sensitivity",
        "minutes": 60,
        "objectives": "Judge agreement between coders (ICC, weighted kappa); see how unreliable "
        "coding hides a real effect; practise rating vignettes against a reference coder.",
    },
    {
        "file": "06-effect-sizes.ipynb",
        "day": 3,
        "title": "Effect sizes from the RCT literature",
        "minutes": 45,
        "objectives": "Compute Cohen's d and Hedges' g; convert between d and r; "
        "explain what d = 0.3-0.5 means and why small trials disagree.",
    },
    {
        "file": "07-meta-analysis-of-vipp-trials.ipynb",
        "day": 3,
        "title": "Meta-analysis of the VIPP trials",
        "minutes": 60,
        "objectives": "Read a forest plot; tell fixed from random effects; explain heterogeneity "
        "and the prediction interval; recognise publication bias.",
    },
    {
        "file": "11-evidence-to-practice.ipynb",
        "day": 3,
        "title": "From evidence to practice",
        "minutes": 60,
        "objectives": "Find and weigh evidence with PICO and GRADE; compare interventions; "
        "combine evidence, clinical expertise and family values.",
    },
    {
        "file": "08-differential-susceptibility.ipynb",
        "day": 4,
        "title": "Differential susceptibility",
        "minutes": 60,
        "objectives": "Tell diathesis-stress from differential susceptibility; read regions of "
        "significance and the crossover point; explain why such tests need large samples.",
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

# The six learning objectives of the course plan ("Lärandemål"), with the notebook
# sections that teach them: (notebook file, section number, section title). The
# section number is the "## N." heading of the notebook; the title is for people.
LEARNING_OBJECTIVES = [
    {
        "key": "theory",
        "kind": "knowledge and understanding",
        "sv": "Visa kunskap och förståelse för den teoretiska underbyggnaden till VIPP-SD.",
        "en": "Show knowledge and understanding of the theoretical basis of VIPP-SD "
        "(attachment and social learning).",
        "sections": [
            ("01-attachment-and-sensitivity.ipynb", 3, "Sensitivity and attachment security"),
            ("02-social-learning-and-sensitive-discipline.ipynb", 2, "The coercive cycle"),
            ("02-social-learning-and-sensitive-discipline.ipynb", 3, "Sensitive discipline"),
        ],
    },
    {
        "key": "development",
        "kind": "knowledge and understanding",
        "sv": "Visa förståelse för den utvecklingspsykologiska rationalen för VIPP-SD.",
        "en": "Show understanding of the developmental rationale of VIPP-SD.",
        "sections": [
            ("01-attachment-and-sensitivity.ipynb", 3, "Sensitivity and attachment security"),
            ("03-the-vipp-sd-programme.ipynb", 2, "Themes and the child's age"),
        ],
    },
    {
        "key": "evidence",
        "kind": "knowledge and understanding",
        "sv": "Ha fördjupade kunskaper om det empiriska stödet för VIPP-SD vad gäller att öka "
        "föräldrars lyhördhet och barns anknytningstrygghet.",
        "en": "Have in-depth knowledge of the empirical support for VIPP-SD in increasing "
        "parents' sensitivity and children's attachment security.",
        "sections": [
            ("06-effect-sizes.ipynb", 3, "What does d = 0.3 to 0.5 look like?"),
            ("06-effect-sizes.ipynb", 4, "Sampling error: why small trials disagree"),
            ("11-evidence-to-practice.ipynb", 4, "The evidence navigator"),
        ],
    },
    {
        "key": "suitability",
        "kind": "skills and abilities",
        "sv": "Kunna bedöma en familjs lämplighet för VIPP-SD.",
        "en": "Be able to assess a family's suitability for VIPP-SD.",
        "sections": [
            ("03-the-vipp-sd-programme.ipynb", 5, "For whom is VIPP-SD made?"),
            ("09-suitability-and-targets.ipynb", 1, "Who is VIPP-SD made for?"),
            ("09-suitability-and-targets.ipynb", 3, "The case files"),
        ],
    },
    {
        "key": "targets",
        "kind": "skills and abilities",
        "sv": "Kunna identifiera lämpliga områden för intervention i samspelet mellan förälder "
        "och barn, baserat på anknytningsteori och teori om social inlärning.",
        "en": "Be able to identify suitable targets for intervention in the interaction "
        "between parent and child, based on attachment theory and social-learning theory.",
        "sections": [
            ("04-observing-interaction.ipynb", 2, "Mark the fragments you would replay"),
            ("02-social-learning-and-sensitive-discipline.ipynb", 3, "Sensitive discipline"),
            ("09-suitability-and-targets.ipynb", 3, "The case files"),
        ],
    },
    {
        "key": "adapting",
        "kind": "skills and abilities",
        "sv": "Kunna anpassa videofeedback till den individuella förälderns fungerande och behov.",
        "en": "Be able to adapt video feedback to the individual parent's functioning and needs.",
        "sections": [
            ("03-the-vipp-sd-programme.ipynb", 4, "Giving video feedback"),
            ("04-observing-interaction.ipynb", 3, "What to show this parent"),
            ("10-adapting-video-feedback.ipynb", 1, "Three principles"),
            ("10-adapting-video-feedback.ipynb", 2, "Adapting to the parent"),
        ],
    },
]


def _stem(file: str) -> str:
    return file.removesuffix(".ipynb")


# The words around the map (index notebook, table headers, review status).
_FRAME_WORDS = {
    # the index notebook (scripts/make_index.py)
    "course.index_intro": "# VIPP-SD course: all notebooks\n\n"
    "Open a notebook by clicking its name. Start with **Start here** before the first "
    "course day.\n\n*Time:* this page takes a minute to read.",
    "course.index_objectives": "## Learning objectives",
    "course.index_status": "## Translation status\n\n"
    "Which texts of this edition a native-speaking clinician has checked. The course "
    "owner marks a checked catalog as `reviewed` in `course_kit/locale/<lang>/review.json`.",
    # table headers (index notebook, README, course_map())
    "course.col.day": "day",
    "course.col.notebook": "notebook",
    "course.col.title": "title",
    "course.col.minutes": "minutes",
    "course.col.objectives": "objectives",
    "course.col.able_to": "you will be able to",
    "course.col.goal": "learning objective of the course plan",
    "course.col.taught_in": "taught in",
    "course.col.catalogs": "catalogs",
    "course.col.status": "status",
    "course.taught_in": "section {number} ({title})",
    "course.status.kit": "Texts of the kit (feedback, widgets, result summaries)",
    "course.status_summary_source": "The English edition is the reference: there is nothing "
    "to review.",
    "course.status_summary": "Edition in {edition}: {waiting} of {total} parts are still to be "
    "checked by a native-speaking clinician.",
}


def _map_words() -> dict[str, str]:
    words = dict(_FRAME_WORDS)
    # the review status of an edition ("source", "machine", "reviewed")
    words.update({f"course.status.{k}": v for k, v in _REVIEW_STATUS.items()})
    words.update({f"course.day.{day}": name for day, name in COURSE_DAYS.items()})
    for nb in NOTEBOOKS:
        words[f"course.title.{_stem(nb['file'])}"] = nb["title"]
        words[f"course.objectives.{_stem(nb['file'])}"] = nb["objectives"]
    for goal in LEARNING_OBJECTIVES:
        words[f"course.goal.{goal['key']}"] = goal["en"]
        words[f"course.kind.{goal['kind'].replace(' ', '_')}"] = goal["kind"]
        for file, number, title in goal["sections"]:
            words[f"course.section.{_stem(file)}.{number}"] = title
    return words


#: Every word of the map that a participant reads, by catalog key (the domain
#: ``course``, registered by ``course_kit/texts/course.py``): the map above stays the
#: one English source, and the Swedish and Norwegian words come from the catalogs.
WORDS: dict[str, str] = _map_words()


# Notebooks that got a new file name: old name -> new name (see course_kit.workspace).
RENAMED: dict[str, str] = {
    "02-scoring-sensitivity.ipynb": "05-scoring-sensitivity.ipynb",
    "03-effect-sizes.ipynb": "06-effect-sizes.ipynb",
    "04-meta-analysis-of-vipp-trials.ipynb": "07-meta-analysis-of-vipp-trials.ipynb",
    "05-differential-susceptibility.ipynb": "08-differential-susceptibility.ipynb",
    "06-evidence-to-practice.ipynb": "11-evidence-to-practice.ipynb",
}


def text(key: str, lang: str | None = None, **values) -> str:
    """A word of the course map (``course.<...>`` in :mod:`course_kit.texts.course`) in ``lang``.

    Like :func:`course_kit.messages.text`, but for any edition, not only the
    reader's (``scripts/make_index.py`` writes the Swedish and Norwegian index).

    Examples
    --------
    >>> text("course.day.3", lang="en")
    'Day 3 - The evidence'
    """
    from course_kit import i18n

    lang = i18n.check_language(lang) if lang else i18n.get_language()
    return i18n.format_message(i18n.translate(key, WORDS[key], "course", lang), values, lang)


def title(file: str, lang: str | None = None) -> str:
    """The title of notebook ``file`` (e.g. ``"06-effect-sizes.ipynb"``) in ``lang``."""
    return text(f"course.title.{_stem(file)}", lang)


def course_map(lang: str | None = None):
    """The course map as a DataFrame (day, notebook, title, minutes, objectives).

    The words and column names are in the reader's language (or ``lang``).

    Examples
    --------
    >>> import course_kit as ck
    >>> ck.course.course_map(lang="en").shape[0] >= 7
    True
    """
    import pandas as pd

    columns = ("day", "notebook", "title", "minutes", "objectives")
    rows = [
        (
            text(f"course.day.{nb['day']}", lang),
            nb["file"],
            title(nb["file"], lang),
            nb["minutes"],
            text(f"course.objectives.{_stem(nb['file'])}", lang),
        )
        for nb in NOTEBOOKS
    ]
    return pd.DataFrame(rows, columns=[text(f"course.col.{c}", lang) for c in columns])


def objectives_map(lang: str | None = None):
    """The learning objectives of the course plan and the sections that teach them.

    Parameters
    ----------
    lang : str, optional
        The language of the words (default: the reader's); the column names
        stay as below, for code.

    Returns
    -------
    pandas.DataFrame
        One row per (objective, section): ``objective``, ``swedish`` (the course
        plan's wording), ``kind``, ``notebook``, ``section``.

    Examples
    --------
    >>> import course_kit as ck
    >>> sorted(ck.course.objectives_map()["key"].unique())[:2]
    ['adapting', 'development']
    """
    import pandas as pd

    rows = [
        {
            "key": goal["key"],
            "objective": text(f"course.goal.{goal['key']}", lang),
            "swedish": goal["sv"],
            "kind": text(f"course.kind.{goal['kind'].replace(' ', '_')}", lang),
            "notebook": title(file, lang),
            "file": file,
            "section": f"{number}. {text(f'course.section.{_stem(file)}.{number}', lang)}",
        }
        for goal in LEARNING_OBJECTIVES
        for file, number, _ in goal["sections"]
    ]
    return pd.DataFrame(rows)


def _catalog_names() -> set[str]:
    """The names of the translated catalogs (``.po`` files of the sv and nb editions)."""
    from course_kit import i18n

    return {
        po.relative_to(i18n.LOCALE_DIR / lang).with_suffix("").as_posix()
        for lang in i18n.LANGUAGES[1:]
        for po in (i18n.LOCALE_DIR / lang).rglob("*.po")
    }


def _catalogs_of(file: str, names: set[str]) -> list[str]:
    """The catalogs that translate notebook ``file``: its markdown, and its code cells' texts."""
    cells = f"cells_{file[:2]}"
    return [f"notebooks/{_stem(file)}"] + ([cells] if cells in names else [])


def _kit_catalogs(names: set[str]) -> list[str]:
    """The catalogs of the kit's own texts (everything not tied to one notebook)."""
    return sorted(n for n in names if not n.startswith(("cells_", "notebooks/")))


class TranslationStatus:
    """The review status of an edition, part by part (see :func:`translation_status`).

    Attributes
    ----------
    lang : str
        The edition.
    frame : pandas.DataFrame
        One row per part: its title, its catalogs, and the status in words.
    waiting : int
        How many parts still await review (0 in the English reference edition).
    """

    __slots__ = ("frame", "lang", "waiting")

    def __init__(self, lang: str, frame, waiting: int):
        self.lang, self.frame, self.waiting = lang, frame, waiting

    def summary(self) -> str:
        """One sentence: how much of the edition is still to be checked."""
        from course_kit import i18n

        if self.lang == "en":
            return text("course.status_summary_source", self.lang)
        return text(
            "course.status_summary",
            self.lang,
            edition=i18n.language_name(self.lang),
            waiting=self.waiting,
            total=len(self.frame),
        )

    def to_frame(self):
        """The table (a copy)."""
        return self.frame.copy()

    # like course_kit._result.Result (which sits above this module: it needs the messages)
    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        import html

        # the whole status in every cell: pandas' own display cuts long text short
        table = self.frame.to_html(index=False, escape=True, border=0)
        return f"<p>{html.escape(self.summary())}</p>{table}"


def translation_status(lang: str | None = None) -> TranslationStatus:
    """What a native-speaking clinician has still to check in an edition, notebook by notebook.

    The status of each catalog comes from :func:`course_kit.i18n.review_status`
    (``course_kit/locale/<lang>/review.json``); a notebook counts as reviewed
    when every catalog of it is (its markdown and its code cells' texts). The
    English edition is the reference, so it has nothing to check.

    Parameters
    ----------
    lang : {"sv", "nb", "en"}, optional
        The edition (default: the reader's); the result is in its language.

    Returns
    -------
    TranslationStatus
        A sentence and a table (``.to_frame()``): one row per notebook of the
        course map, and a last row for the texts of the kit, with the
        notebook's title, its catalogs, and the status in words.

    Examples
    --------
    >>> import course_kit as ck
    >>> ck.course.translation_status("en").to_frame().iloc[0, -1]
    'English reference edition'
    """
    import pandas as pd

    from course_kit import i18n

    lang = i18n.check_language(lang) if lang else i18n.get_language()
    checked = i18n.review_status(lang)

    def reviewed(catalogs: list[str]) -> bool:
        return all(checked.get(c, "machine") == "reviewed" for c in catalogs)

    names = _catalog_names()
    groups = [(title(nb["file"], lang), _catalogs_of(nb["file"], names)) for nb in NOTEBOOKS]
    groups.append((text("course.status.kit", lang), _kit_catalogs(names)))
    if lang == "en":
        status = ["source"] * len(groups)
    else:
        status = ["reviewed" if reviewed(catalogs) else "machine" for _, catalogs in groups]
    rows = [
        (name, ", ".join(catalogs), text(f"course.status.{s}", lang))
        for (name, catalogs), s in zip(groups, status, strict=True)
    ]
    columns = [text(f"course.col.{c}", lang) for c in ("notebook", "catalogs", "status")]
    return TranslationStatus(lang, pd.DataFrame(rows, columns=columns), status.count("machine"))
