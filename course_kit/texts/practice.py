"""Texts of the practice period's log (:mod:`course_kit.method.practice`) not in its message table.

The log's messages, labels and exports are in ``course_kit/texts/method.py``
(keys ``practice.*``, domain ``method``); here are the words a participant may
type before a fragment's note, the default family codes, the column headers of
the log's table and what a code cell of notebook 12 prints.
"""

EN: dict[str, str] = {
    # Words that mark the kind of a fragment ("praise: he looks up"), comma-separated.
    # A word also matches a longer one ("missed" matches "missed signal"). English
    # words and the kind's own label (practice.kind.*) are always understood too.
    "practice.words.praise": "praise, positive",
    "practice.words.speak_for_child": "speak, speaking",
    "practice.words.missed_signal": "missed",
    "practice.words.limit_setting": "limit",
    "practice.words.other": "other",
    # family codes (never a name)
    "practice.family.default": "Family A",
    "practice.family.example": "Example family",
    # the log's table (one row per session)
    "practice.column.session": "session",
    "practice.column.theme": "theme",
    "practice.column.fragments": "fragments",
    "practice.column.sensitivity": "sensitivity",
    "practice.column.fidelity": "fidelity",
    # the fields a message names when something typed cannot be used
    "practice.field.at": "{where}, {field}",
    "practice.field.time": "time",
    "practice.field.start": "start",
    "practice.field.end": "end",
    "practice.field.note": "note",
    "practice.field.parent_reactions": "parent_reactions",
    "practice.field.reflection": "reflection",
    "practice.field.family": "family",
    "practice.field.fragments": "fragments",
    "practice.not_a_log": "log must be a PracticeLog, e.g. practice.PracticeLog('my-log.json').",
}
