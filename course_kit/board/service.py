"""The class board as a JupyterHub service (tornado + the hub's OAuth).

Started by the hub (``deploy/jupyterhub_config.py`` adds it when ``COURSE_BOARD=on``)
as ``python -m course_kit.board``. Routes, under the service prefix
(``/services/course-board/``):

==========================  ============  ==============================================
route                       who           what
==========================  ============  ==============================================
``POST api/answers``        any user      one checked answer (token of the user's server)
``GET  ``                   instructors   the board page
``GET  api/board``          instructors   the board as JSON (the page polls it)
``GET  api/board.csv``      instructors   the aggregated table as CSV
``POST api/rounds/<ex>``    instructors   start a new round for exercise ``<ex>``
``POST api/names``          instructors   ``{"show": true}`` shows real user names
==========================  ============  ==============================================

Every instructor route answers 403 to anyone else. The participant is never taken
from the request body: it is the hub user the token or cookie belongs to, stored as
a keyed pseudonym (HMAC-SHA256 with a secret kept next to the database).

Settings (environment of the service process; the hub config sets them):
``COURSE_BOARD_INSTRUCTORS`` (comma-separated hub user names),
``COURSE_BOARD_DB_URL`` (SQLAlchemy URL), ``COURSE_BOARD_SECRET_FILE``,
``COURSE_BOARD_KEEP_DAYS`` (default 14), ``COURSE_BOARD_RATE`` (answers per user
per minute, default 30), ``COURSE_KIT_LANG`` (the language of the page, the
exercises' questions and options and the feedback it shows: ``en``, ``sv`` or ``nb``).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections import defaultdict, deque

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from tornado import web

from course_kit.board import answers as _answers
from course_kit.board.page import refused, render
from course_kit.board.store import STATUSES, Store

MAX_BODY = 4096  # bytes: the largest answer (six ratings) is far below
_IDENTITY_FIELDS = {"participant", "user", "username", "name", "pseudonym", "user_id"}
_ACCEPTED_FIELDS = {"exercise", "answer", "status", "at"}


def pseudonym(secret: bytes, user: str) -> str:
    """A stable pseudonym for ``user`` that nobody without ``secret`` can reverse.

    Examples
    --------
    >>> pseudonym(b"k", "ada") == pseudonym(b"k", "ada") != pseudonym(b"k", "ben")
    True
    """
    return "p-" + hmac.new(secret, user.encode(), hashlib.sha256).hexdigest()[:10]


def load_secret(path: str) -> bytes:
    """The pseudonym key from ``path``; made (readable by the hub's user only) if missing."""
    try:
        with open(path, "rb") as fh:
            secret = fh.read().strip()
        if secret:
            return secret
    except FileNotFoundError:
        pass
    secret = secrets.token_hex(32).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secret)
    return secret


class RateLimit:
    """At most ``per_minute`` events per key in any 60 s (a sliding window).

    Written here because tornado has none and one small deque per user is enough.

    Examples
    --------
    >>> limit = RateLimit(2)
    >>> [limit.allow("ada", now=t) for t in (0, 1, 2, 61)]
    [True, True, False, True]
    """

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self.events: dict[str, deque] = defaultdict(deque)

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        events = self.events[key]
        while events and events[0] <= now - 60:
            events.popleft()
        if len(events) >= self.per_minute:
            return False
        events.append(now)
        return True


class _Base(HubOAuthenticated, web.RequestHandler):
    @property
    def board(self):
        return self.settings["board"]

    def write_error(self, status_code, **kwargs):
        self.set_header("Content-Type", "application/json")
        reason = self._reason
        if "exc_info" in kwargs and isinstance(kwargs["exc_info"][1], web.HTTPError):
            reason = kwargs["exc_info"][1].log_message or reason
        self.finish(json.dumps({"status": status_code, "message": reason}))

    def instructor(self) -> dict:
        user = self.current_user
        if user is None:
            raise web.HTTPError(403, "log in on the hub first")
        if user.get("kind", "user") != "user" or user["name"] not in self.board["instructors"]:
            raise web.HTTPError(403, "only the course's instructors can open the board")
        return user


class AnswerHandler(_Base):
    @web.authenticated
    def post(self):
        user = self.current_user
        if user.get("kind", "user") != "user":
            raise web.HTTPError(403, "answers come from participants' servers only")
        if len(self.request.body) > MAX_BODY:
            raise web.HTTPError(413, "answer too long")
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "the body must be JSON") from None
        if not isinstance(body, dict):
            raise web.HTTPError(400, "the body must be a JSON object")
        if _IDENTITY_FIELDS & body.keys():
            # the participant is whoever logged in; a name in the body is never trusted
            raise web.HTTPError(403, "answers are stored under your own login only")
        unknown = body.keys() - _ACCEPTED_FIELDS
        if unknown:
            raise web.HTTPError(400, f"fields not accepted: {sorted(unknown)}")
        exercise = body.get("exercise")
        try:
            answer = _answers.normalise(exercise, body.get("answer"))
        except ValueError as err:
            raise web.HTTPError(400, str(err)) from None
        if body.get("status") not in (None, *STATUSES):
            raise web.HTTPError(400, f"status must be one of {list(STATUSES)}")
        status = _answers.status(exercise, answer)  # the board's own check decides
        if status not in STATUSES:
            raise web.HTTPError(400, "the answer cannot be read for this exercise")
        if not self.board["limit"].allow(user["name"]):
            raise web.HTTPError(429, "too many answers in a minute; wait a moment")
        participant = pseudonym(self.board["secret"], user["name"])
        number = self.board["store"].add(exercise, participant, answer, status, name=user["name"])
        self.set_status(201)
        self.finish({"round": number})


class PageHandler(_Base):
    @web.authenticated
    def get(self):
        try:
            self.instructor()
        except web.HTTPError as err:
            # a participant who follows the board's link reads why, in their language
            self.set_status(err.status_code)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(refused())
            return
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        # in the course's language (COURSE_KIT_LANG, which the hub config sets)
        self.finish(render(self.board["prefix"], self.xsrf_token.decode()))


class BoardHandler(_Base):
    def get(self):  # no login redirect for the API: 403
        self.instructor()
        self.set_header("Cache-Control", "no-store")
        show = self.board["show_names"]
        self.finish({"show_names": show, "exercises": self.board["store"].board(show)})


class CsvHandler(_Base):
    def get(self):  # no login redirect for the API: 403
        self.instructor()
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", 'attachment; filename="class-board.csv"')
        self.finish(self.board["store"].csv())


class RoundHandler(_Base):
    @web.authenticated
    def post(self, exercise):
        self.instructor()
        if not _answers.known(exercise):
            raise web.HTTPError(404, "no such exercise")
        self.finish({"round": self.board["store"].new_round(exercise)})


class NamesHandler(_Base):
    @web.authenticated
    def post(self):
        self.instructor()
        try:
            show = json.loads(self.request.body or b"{}").get("show")
        except (ValueError, AttributeError):
            show = None
        if not isinstance(show, bool):
            raise web.HTTPError(400, 'send {"show": true} or {"show": false}')
        self.board["show_names"] = show
        self.finish({"show_names": show})


def make_app(
    store: Store,
    *,
    instructors,
    secret: bytes,
    prefix: str = "/services/course-board/",
    per_minute: int = 30,
) -> web.Application:
    """The tornado application (the hub's OAuth settings come from the environment)."""
    board = {
        "store": store,
        "instructors": frozenset(instructors),
        "secret": secret,
        "limit": RateLimit(per_minute),
        "show_names": False,
        "prefix": prefix,
    }
    return web.Application(
        [
            (prefix, PageHandler),
            (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
            (url_path_join(prefix, "api/answers"), AnswerHandler),
            (url_path_join(prefix, "api/board"), BoardHandler),
            (url_path_join(prefix, r"api/board\.csv"), CsvHandler),
            (url_path_join(prefix, r"api/rounds/([0-9A-Za-z._-]+)"), RoundHandler),
            (url_path_join(prefix, "api/names"), NamesHandler),
        ],
        board=board,
        cookie_secret=secrets.token_bytes(32),
    )


def _warm_up() -> None:
    """Build every course exercise once, so the first answers of a course day do not
    wait for the imports behind their checks (e.g. the certification's ICC)."""
    from course_kit.teaching.bank import BANK

    for name, spec in BANK.items():
        try:
            _answers.describe(name)
            if spec["kind"] in ("list", "numeric"):
                _answers.status(name, spec.get("answers", spec.get("answer")))
        except Exception:  # a broken exercise must not stop the board
            continue


def main() -> None:  # pragma: no cover - run by the hub, tested live in tests/test_board_hub.py
    import asyncio
    from urllib.parse import urlparse

    data_dir = os.environ.get("COURSE_BOARD_DATA_DIR", ".")
    url = os.environ.get("COURSE_BOARD_DB_URL") or "sqlite:///" + os.path.join(
        data_dir, "course-board.sqlite"
    )
    keep = float(os.environ.get("COURSE_BOARD_KEEP_DAYS", "14"))
    store = Store(url, keep_days=keep if keep > 0 else None)
    secret = load_secret(
        os.environ.get("COURSE_BOARD_SECRET_FILE") or os.path.join(data_dir, "course-board-secret")
    )
    instructors = {
        n.strip() for n in os.environ.get("COURSE_BOARD_INSTRUCTORS", "").split(",") if n.strip()
    }
    app = make_app(
        store,
        instructors=instructors,
        secret=secret,
        prefix=os.environ["JUPYTERHUB_SERVICE_PREFIX"],
        per_minute=int(os.environ.get("COURSE_BOARD_RATE", "30")),
    )
    where = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    _warm_up()

    async def serve():
        app.listen(where.port, where.hostname)
        await asyncio.Event().wait()

    asyncio.run(serve())
