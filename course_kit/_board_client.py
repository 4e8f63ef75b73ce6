"""Sending a checked answer to the class board: the transport, standard library only.

Only on a course hub that turned the board on: the hub gives each participant's
server ``COURSE_BOARD_URL`` (the board's address) and ``JUPYTERHUB_API_TOKEN``
(the server's own token, which the board accepts). Anywhere else -- ``make lab``,
Binder, a laptop -- :func:`enabled` is False and nothing is sent.

Sending happens in a background thread with a short timeout and never raises:
the participant's feedback never waits for the board and never breaks with it.

This module sits in the foundation layer so that the exercises (layer 2) can
reach the board without importing the board service's package (layer 3). It
sends an answer only in the board's closed form; turning what a participant
entered into that form is :func:`course_kit.teaching.board_answers.hand_over`.

Examples
--------
>>> enabled({})
False
>>> enabled(
...     {
...         "COURSE_BOARD_URL": "http://127.0.0.1:10101/services/course-board/",
...         "JUPYTERHUB_API_TOKEN": "abc",
...     }
... )
True
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.request

__all__ = ["TIMEOUT", "enabled", "notice", "send", "wait"]

TIMEOUT = 3.0  # seconds; the thread gives up after this, the notebook never waits
_sent: list[threading.Thread] = []  # the last threads, so tests can wait for them


def enabled(environ=None) -> bool:
    """True when this server runs on a course hub with the class board on.

    Parameters
    ----------
    environ : mapping, optional
        The environment to read (default ``os.environ``).

    Returns
    -------
    bool
    """
    env = os.environ if environ is None else environ
    return bool(env.get("COURSE_BOARD_URL") and env.get("JUPYTERHUB_API_TOKEN"))


def _post(url: str, token: str, body: dict) -> None:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as reply:
            reply.read()
    except Exception:  # the board is down, slow or refuses: the notebook carries on
        pass


def send(exercise_id: str, answer, status: str) -> threading.Thread | None:
    """Send an answer in the board's closed form, in the background. Never raises.

    Parameters
    ----------
    exercise_id : str
        The course exercise's bank name, e.g. ``"09.depression_first"``.
    answer : str, float or list
        The answer in the board's closed form (option keys or numbers, see
        :mod:`course_kit.board.answers`); never free text.
    status : str
        The status the participant's feedback gave (``"correct"``, ...).

    Returns
    -------
    threading.Thread or None
        The sending thread; None when the board is off.
    """
    try:
        if not enabled():
            return None
        body = {"exercise": exercise_id, "answer": answer, "status": status, "at": time.time()}
        url = os.environ["COURSE_BOARD_URL"].rstrip("/") + "/api/answers"
        thread = threading.Thread(
            target=_post, args=(url, os.environ["JUPYTERHUB_API_TOKEN"], body), daemon=True
        )
        thread.start()
        del _sent[:-50]
        _sent.append(thread)
        return thread
    except Exception:  # pragma: no cover - belt and braces: feedback must never break
        return None


def wait(timeout: float = TIMEOUT + 1) -> None:
    """Wait for answers still being sent (for tests and demonstrations).

    Parameters
    ----------
    timeout : float, optional
        Seconds to wait for each thread.
    """
    for thread in list(_sent):
        thread.join(timeout)


def notice() -> str | None:
    """The line shown under each exercise when the board is on (None when off)."""
    if not enabled():
        return None
    from course_kit.messages import text

    return text("board.notice")
