"""The class board on a real local hub: three participants, one instructor.

The hub runs ``deploy/jupyterhub_config.py`` with ``COURSE_BOARD=on`` (see
``deploy/localhub.py``). Participants answer in their own kernels by clicking
the exercise widget's Check button, exactly the code path of a notebook; the
instructor's board is opened in headless Chromium after logging in on the hub.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import time
import uuid

import nbformat
import pytest
from test_hub import (  # deploy/localhub.py, as test_hub imports it
    EXTRA_PATH,
    WORKSPACE,
    HubError,
    LocalHub,
    _preconditions,
    free_port,
    live_hub,
    run,
)

PARTICIPANTS = ("ada", "ben", "cy")
INSTRUCTOR = "teacher"
BOARD = "/services/course-board/"
ROUTES = [
    ("GET", ""),
    ("GET", "api/board"),
    ("GET", "api/board.csv"),
    ("POST", "api/rounds/09.depression_first"),
    ("POST", "api/names"),
]
# What each participant answers: six vignette ratings, and option a/b/... of case C1.
REF = [8, 2, 5, 7, 3, 6]
RATINGS = {"ada": REF, "ben": [8, 3, 5, 7, 3, 6], "cy": [5, 5, 5, 5, 5, 5]}
CASE = {"ada": 1, "ben": 0, "cy": 0}  # index into the options: b is right, a is wrong

_CELL = """
import json, time
from course_kit.exercises import exercise as course
from course_kit.board import client
report = {{"enabled": client.enabled()}}
for name, value in {answers!r}:
    ex = course(name)
    box = ex.widget()
    box.answer.value = ex.options[value] if isinstance(value, int) else value
    t0 = time.monotonic()
    box.check_button.click()
    report[name] = {{"took": time.monotonic() - t0, "feedback": box.feedback.value,
                    "notice": box.children[-1].value}}
client.wait()
print("REPORT" + json.dumps(report))
"""


@pytest.fixture(scope="module")
def board_hub(tmp_path_factory):
    _preconditions()
    hub = LocalHub(
        tmp_path_factory.mktemp("boardhub"),
        extra_path=EXTRA_PATH,
        env={
            "COURSE_BOARD": "on",
            "COURSE_BOARD_INSTRUCTORS": INSTRUCTOR,
            "COURSE_BOARD_PORT": str(free_port()),
            "COURSE_HUB_CULL_TIMEOUT": "0",
        },
    )
    hub.start()
    try:
        hub.tokens = {}

        async def setup():
            for user in (*PARTICIPANTS, INSTRUCTOR, "dan"):
                hub.tokens[user] = await hub.add_user(user)
            await asyncio.gather(*(hub.start_server(u) for u in PARTICIPANTS))

        run(setup())
        yield hub
    finally:
        hub.stop()


def board_url(hub, path: str = "") -> str:
    return hub.url + BOARD + path


async def _status(hub, method, path, token, body=None) -> int:
    from tornado.httpclient import AsyncHTTPClient

    resp = await AsyncHTTPClient().fetch(
        board_url(hub, path),
        method=method,
        body=json.dumps(body or {}) if method == "POST" else None,
        headers={"Authorization": f"token {token}"} if token else {},
        follow_redirects=False,
        raise_error=False,
    )
    return resp.code


def answer_in_kernel(hub, user, answers) -> dict:
    """Click Check in ``user``'s own kernel for each (exercise, value); the report."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(_CELL.format(answers=answers))]
    path = f"{WORKSPACE}/board-{uuid.uuid4().hex[:6]}.ipynb"
    model = {"type": "notebook", "content": json.loads(nbformat.writes(nb))}
    run(hub.save(user, hub.tokens[user], path, model))
    result = run(hub.run_notebook(user, hub.tokens[user], path))
    assert not result.errors, result.errors
    text = "".join(o["content"].get("text", "") for c in result.cells for o in c.outputs)
    return json.loads(text.split("REPORT", 1)[1])


def class_board(hub) -> dict:
    return run(hub.request("GET", board_url(hub, "api/board"), token=hub.tokens[INSTRUCTOR]))


@live_hub
def test_three_participants_answer_two_exercises(board_hub):
    hub = board_hub

    async def everyone():
        loop = asyncio.get_running_loop()
        return await asyncio.gather(
            *(
                loop.run_in_executor(
                    None,
                    answer_in_kernel,
                    hub,
                    user,
                    [
                        ("02.certification", ", ".join(map(str, RATINGS[user]))),
                        ("09.depression_first", CASE[user]),
                    ],
                )
                for user in PARTICIPANTS
            )
        )

    reports = dict(zip(PARTICIPANTS, run(everyone()), strict=True))
    for user, report in reports.items():
        assert report["enabled"], f"{user}'s kernel does not know the board is on"
        for name in ("02.certification", "09.depression_first"):
            assert "ck-feedback" in report[name]["feedback"]
            assert "class board is on" in report[name]["notice"]
    assert "ck-feedback-correct" in reports["ada"]["09.depression_first"]["feedback"]

    board = class_board(hub)["exercises"]
    ratings = board["02.certification"]["rounds"][0]
    assert ratings["answered"] == 3
    first = ratings["distribution"][0]
    assert first["reference"] == 8 and first["counts"]["8"] == 2 and first["counts"]["5"] == 1
    second = ratings["distribution"][1]
    assert (second["counts"]["2"], second["counts"]["3"], second["counts"]["5"]) == (1, 1, 1)
    case = board["09.depression_first"]["rounds"][0]
    assert case["answered"] == 3
    assert case["distribution"][0]["counts"] == {"a": 2, "b": 1, "c": 0, "d": 0}
    assert case["share_right"] == pytest.approx(1 / 3, abs=0.001)
    assert case["common_wrong"]["answer"] == "a" and case["common_wrong"]["count"] == 2
    assert case["common_wrong"]["feedback"]  # the explanation those two saw
    # pseudonyms only, never the user names
    shown = json.dumps(board)
    assert not any(f'"{u}"' in shown for u in PARTICIPANTS)


@live_hub
def test_instructor_board_in_the_browser_is_live(board_hub, chromium_browser, artifacts_dir):
    hub = board_hub
    page = chromium_browser.new_page(viewport={"width": 1400, "height": 2400})
    try:
        page.goto(hub.url + "/hub/login")
        page.fill("#username_input", INSTRUCTOR)
        page.fill("#password_input", hub.password)
        page.click("#login_submit")
        page.wait_for_url("**/hub/**")
        page.goto(board_url(hub))
        page.locator("#updated", has_text="Updated").wait_for(timeout=20000)
        ratings = page.locator('section[data-exercise="02.certification"]')
        ratings.locator('.round[data-round="1"][data-answered="3"]').wait_for(timeout=10000)
        item1 = ratings.locator('.round[data-round="1"] table[data-item="1"]')
        assert item1.locator('tr[data-value="8"] td.count').inner_text() == "2"
        assert item1.locator('tr[data-value="5"] td.count').inner_text() == "1"
        assert "reference" in item1.locator('tr[data-value="8"]').inner_text()
        case = page.locator('section[data-exercise="09.depression_first"]')
        assert "Most common wrong answer (2)" in case.locator(".wrong").inner_text()

        # a new answer shows without reloading the page. The one-second goal is a
        # reported figure (benchmarks/board_load.py), not a timed assertion: a busy
        # CI machine must not turn a working board into a failure.
        before = time.monotonic()
        run(
            hub.request(
                "POST",
                board_url(hub, "api/answers"),
                token=hub.tokens["dan"],
                body={"exercise": "02.certification", "answer": REF, "status": "correct"},
                ok=(201,),
            )
        )
        ratings.locator('.round[data-round="1"][data-answered="4"]').wait_for(timeout=15000)
        print(f"board updated {time.monotonic() - before:.2f} s after the answer")
        assert item1.locator('tr[data-value="8"] td.count').inner_text() == "3"

        # a new round for the group discussion: round 2 beside round 1
        case.locator("button.new-round").click()
        case.locator('.round[data-round="2"][data-answered="0"]').wait_for(timeout=5000)
        assert case.locator('.round[data-round="1"][data-answered="3"]').count() == 1
        # names appear only when switched on
        # as a whole word: a pseudonym is hex and may hold "ada" ("p-9adaadb920")
        assert not re.search(r"\bada\b", page.locator("#board").inner_text())
        page.get_by_label("Show real user names").check()
        page.wait_for_function(r"/\bada\b/.test(document.getElementById('board').innerText)")
        page.screenshot(path=str(artifacts_dir / "class-board.png"), full_page=True)
        page.get_by_label("Show real user names").uncheck()
        page.wait_for_function(r"!/\bada\b/.test(document.getElementById('board').innerText)")
    finally:
        page.close()


@live_hub
@pytest.mark.parametrize("user", ["ada", "dan", None])
def test_participants_get_403_on_every_board_route(board_hub, user):
    token = board_hub.tokens[user] if user else None
    for method, path in ROUTES:
        code = run(_status(board_hub, method, path, token))
        if user is None and method == "GET" and path == "":
            assert code == 302, "the page sends someone not logged in to the hub login"
        else:
            assert code == 403, f"{method} {path} as {user}: HTTP {code}"
    assert run(_status(board_hub, "GET", "api/board", board_hub.tokens[INSTRUCTOR])) == 200


@live_hub
def test_answers_cannot_be_sent_in_another_name_nor_as_free_text(board_hub):
    hub = board_hub
    before = class_board(hub)["exercises"]["09.depression_first"]["rounds"]
    for forged in ({"participant": "ben"}, {"user": "ben"}, {"name": "ben"}):
        body = {"exercise": "09.depression_first", "answer": "a", **forged}
        assert run(_status(hub, "POST", "api/answers", hub.tokens["ada"], body)) == 403
    free = {"exercise": "02.certification", "answer": "She seemed tired, I gave 5"}
    assert run(_status(hub, "POST", "api/answers", hub.tokens["ada"], free)) == 400
    assert run(_status(hub, "POST", "api/answers", None, free)) == 403
    assert class_board(hub)["exercises"]["09.depression_first"]["rounds"] == before


def _board_process(hub):
    for proc in hub.descendants():
        try:
            if "course_kit.board" in " ".join(proc.cmdline()):
                return proc
        except Exception:
            continue
    raise HubError("the class board service is not running")


@live_hub
@pytest.mark.parametrize("how", ["hangs", "stops"])
def test_feedback_works_when_the_board_hangs_or_stops(board_hub, how):
    hub = board_hub
    service = _board_process(hub)
    os.kill(service.pid, signal.SIGSTOP if how == "hangs" else signal.SIGKILL)
    try:
        report = answer_in_kernel(hub, "ben", [("09.depression_first", 1)])
    finally:
        if how == "hangs":
            os.kill(service.pid, signal.SIGCONT)
    assert "ck-feedback-correct" in report["09.depression_first"]["feedback"]
    assert report["09.depression_first"]["took"] < 0.5
