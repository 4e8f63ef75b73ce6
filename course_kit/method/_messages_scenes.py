"""Participant-facing strings of the observation material (notebook 04)."""

from __future__ import annotations

EN: dict[str, str] = {
    "scenes.label": "written for the course kit, not a real family",
    "scenes.unknown": "There is no scene called {value!r}. Choose one of: {names}.",
    "scenes.unknown_scene_row": "{file}, row {row}, column scene: {scene!r} is not one of the "
    "scenes in observation_scenes.csv. Add the scene there, or correct the name.",
    "scenes.fragment_without_note": "{file}, row {row}, column note: every fragment needs the "
    "course authors' note explaining it. Write the note, or clear the fragment column.",
    "scenes.response_not_parent": "{file}, row {row}, column parent_response: only the parent's "
    "events get a parent_response. Clear it, or set who to 'parent'.",
    "scenes.events_not_numbered": "{file}, scene {scene}: the events must be numbered 1, 2, 3, "
    "... in order. Renumber the event column.",
    "scenes.times_not_in_order": "{file}, scene {scene}: the times (time_s) must not go "
    "backwards. Check the order of the rows.",
    "scenes.no_fragment": "{file}, scene {scene}: no event is marked as a fragment. Mark at "
    "least one fragment worth replaying.",
    "scenes.scene_without_events": "{file}: scene {scene} has no events. Add its transcript, or "
    "remove the scene from observation_scenes.csv.",
    "scenes.marks_not_dict": "marks must be a dictionary {event number: kind}, for example "
    "{5: 'praise'}.",
    "scenes.unknown_event": "Event {event} is not in scene {scene}, which has events 1 to {n}.",
    "scenes.unknown_kind": "{kind!r} is not a kind of fragment. Use one of: {kinds}.",
    "scenes.unknown_theme": "{theme!r} is not a theme. Use one of: {themes}.",
    "scenes.extra_default": "The course authors did not choose this moment; ask yourself what "
    "the parent would learn from seeing it.",
    "scenes.score": "You found {found} of the {total} fragments the course authors chose "
    "(with the right kind).",
    "scenes.verdict.found": "{time} - found: {reference}.",
    "scenes.verdict.other_kind": "{time} - right moment, other kind: you chose {yours}; the "
    "reference is {reference}.",
    "scenes.verdict.missed": "{time} - not marked: the reference chose this as {reference}.",
    "scenes.verdict.extra": "{time} - your extra choice ({yours}):",
    "scenes.theme_right": "Theme: {theme} - the same as the course authors.",
    "scenes.theme_other": "Theme: you chose {yours}; the course authors chose {theme}.",
    "scenes.theme_none": "Theme: you did not choose one; the course authors chose {theme}.",
    "scenes.judgement": "The reference coding is the course authors' judgement, not a rule of "
    "the VIPP-SD manual: where you disagree, bring the scene to your supervisor.",
    "scenes.kind.praise": "a moment to praise",
    "scenes.kind.speak_for_child": "a moment to speak for the child",
    "scenes.kind.missed_signal": "a missed signal",
    "scenes.theme.exploration_attachment": "exploration vs. attachment behaviour",
    "scenes.theme.signals": "noticing the child's (subtle) signals",
    "scenes.theme.responding": "responding promptly and adequately",
    "scenes.theme.sharing_emotions": "sharing emotions",
    "scenes.theme.limit_setting": "consistent limit setting",
    "scenes.theme.distraction": "distraction and non-coercive responses",
    "scenes.theme.positive_reinforcement": "positive reinforcement",
    "scenes.theme.time_out": "time-out to de-escalate",
    "scenes.theme.empathy": "empathy for the child",
    "scenes.who.child": "child",
    "scenes.who.parent": "parent",
    "scenes.who.other": "other",
    "scenes.time_axis": "Time in the scene (m:ss)",
}
