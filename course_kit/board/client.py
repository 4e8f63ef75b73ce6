"""Sending a checked answer to the class board, from a participant's notebook.

Kept for its old import path: the transport is :mod:`course_kit._board_client`
(standard library only, in the foundation layer so the exercises can use it),
and turning an exercise's answer into the board's closed form is
:func:`course_kit.teaching.board_answers.hand_over`, which is :func:`send` here.

Only on a course hub that turned the board on (``COURSE_BOARD_URL`` and
``JUPYTERHUB_API_TOKEN`` set); anywhere else :func:`enabled` is False and
nothing is sent. Sending never raises and never makes the feedback wait.

Examples
--------
>>> enabled({})
False
"""

from __future__ import annotations

from course_kit._board_client import TIMEOUT, enabled, notice, wait
from course_kit.teaching.board_answers import hand_over as send

__all__ = ["TIMEOUT", "enabled", "notice", "send", "wait"]
