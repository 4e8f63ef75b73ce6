"""The closed forms of answers the class board accepts: see :mod:`course_kit.teaching.board_answers`."""

from __future__ import annotations

from course_kit.teaching.board_answers import *  # noqa: F403 - this old path is that module
from course_kit.teaching.board_answers import __all__  # noqa: F401
