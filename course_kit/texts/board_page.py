"""The words of the class board's page (:mod:`course_kit.board.page`), which the
instructor projects in front of the group.

The page is rendered on the server in the course's language; the texts its
JavaScript writes while it redraws reach it as one JSON object, with their
``{placeholders}`` filled in by the page (counts, round numbers, times).
The notice participants see under an exercise is ``board.notice`` in
:mod:`course_kit.messages`.
"""

EN: dict[str, str] = {
    # --- written by the server -------------------------------------------------
    "board_page.title": "Class board",
    "board_page.intro": "How the class answered the exercises. Participants are shown by "
    "pseudonym unless you switch names on. The page updates by itself.",
    "board_page.show_names": "Show real user names",
    "board_page.download_csv": "Download the table (CSV)",
    "board_page.waiting": "Waiting for the first answers…",
    # what someone who is not an instructor of the course sees at the board's address
    "board_page.instructors_only": "Only the course's instructors can open the class board.",
    # --- written by the page's JavaScript --------------------------------------
    "board_page.start_round": "Start a new round",
    "board_page.round": "Round {round}",
    # {answered} is a count, {share} a percentage (both written by the page)
    "board_page.answered_right": "{answered} answered; {share} right",
    "board_page.answers": "Answers",
    "board_page.item": "Item {item}",
    "board_page.item_reference": "reference {reference}",
    "board_page.reference_mark": "(reference)",
    "board_page.col_answer": "Answer",
    "board_page.col_count": "Count",
    "board_page.col_bar": "Bar",
    "board_page.common_wrong": "Most common wrong answer",
    "board_page.feedback_seen": "Feedback they saw:",
    "board_page.who": "Who: {names}",
    "board_page.updated": "Updated {time}",
    "board_page.not_updated": "Not updated: {error}",
    "board_page.action_failed": "The board could not do that ({problem}).",
    "board_page.no_connection": "no connection",
}
