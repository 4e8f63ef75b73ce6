"""Texts that ``scripts/make_editions.py`` adds to the instructor edition of each notebook."""

EN: dict[str, str] = {
    "editions.instructor_banner": "**Instructor edition.** Every exercise shows its worked "
    "solution, and the instructor notes are visible. Give participants the participant edition.",
}
