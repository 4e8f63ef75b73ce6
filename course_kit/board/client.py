"""Sending a checked answer to the class board, from a participant's notebook.

Only on a course hub that turned the board on: the hub gives each participant's
server ``COURSE_BOARD_URL`` (the board's address) and ``JUPYTERHUB_API_TOKEN``
(the server's own token, which the board accepts). Anywhere else -- ``make lab``,
Binder, a laptop -- :func:`enabled` is False and nothing is sent.

Sending happens in a background thread with a short timeout and never raises:
the participant's feedback never waits for the board and never breaks with it.

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

TIMEOUT = 3.0  # seconds; the thread gives up after this, the notebook never waits
_sent: list[threading.Thread] = []  # the last threads, so tests can wait for them


def enabled(environ=None) -> bool:
    """True when this server runs on a course hub with the class board on."""
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


def send(exercise, value, feedback) -> threading.Thread | None:
    """Send a checked answer in the background; returns the thread (None if not sent).

    Nothing is sent when the board is off, for unreadable answers, or for exercises
    that are not course exercises. Never raises.
    """
    try:
        if not enabled() or feedback.status == "invalid":
            return None
        from course_kit.board.answers import from_widget

        answer = from_widget(exercise, value)
        if answer is None:
            return None
        body = {
            "exercise": exercise.board_id,
            "answer": answer,
            "status": feedback.status,
            "at": time.time(),
        }
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
    """Wait for answers still being sent (for tests and demonstrations)."""
    for thread in list(_sent):
        thread.join(timeout)


def notice():
    """The line shown under each exercise when the board is on (None when off)."""
    if not enabled():
        return None
    from course_kit.messages import text

    return text("board.notice")
