"""Class board: N participants send a checked answer at the same moment.

A local hub (``deploy/localhub.py``) with ``COURSE_BOARD=on``; N participants (30
by default) each POST one vignette-rating answer to the board with their own hub
token, all at once, exactly as ``course_kit.board.client`` does from a notebook.
Reported:

* the time until every answer was accepted (HTTP 201), and the slowest single reply;
* the time until the instructor's board (``api/board``, what the board page polls)
  shows all N. The page polls twice a second, so add at most 0.5 s for the screen;
* the machine load (``os.getloadavg``) before and after, since figures from a busy
  machine are not comparable with a quiet one.

Usage::

    python benchmarks/board_load.py               # 30 participants
    python benchmarks/board_load.py --users 60 --repeat 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))
from localhub import LOCAL_CHP_DIR, LocalHub, free_port, run_sync  # noqa: E402

RATINGS = [8, 2, 5, 7, 3, 6]


async def one_round(hub: LocalHub, tokens: dict, instructor: str, exercise: str) -> dict:
    board = f"{hub.url}/services/course-board/"
    t0 = time.monotonic()

    async def send(token):
        start = time.monotonic()
        await hub.request(
            "POST",
            board + "api/answers",
            token=token,
            body={"exercise": exercise, "answer": RATINGS, "status": "correct"},
            ok=(201,),
        )
        return time.monotonic() - start

    replies = await asyncio.gather(*(send(t) for t in tokens.values()))
    accepted = time.monotonic() - t0
    while True:
        shown = await hub.request("GET", board + "api/board", token=tokens[instructor])
        rounds = shown["exercises"].get(exercise, {}).get("rounds", [])
        if rounds and rounds[-1]["answered"] >= len(tokens) - 1:  # all but the instructor
            break
        if time.monotonic() - t0 > 120:
            raise RuntimeError("the board did not show every answer within 120 s")
        await asyncio.sleep(0.02)
    return {
        "all_accepted_s": round(accepted, 3),
        "slowest_reply_s": round(max(replies), 3),
        "board_shows_all_s": round(time.monotonic() - t0, 3),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    users = [f"p{i:02d}" for i in range(args.users)]
    instructor = "teacher"
    with tempfile.TemporaryDirectory(prefix="board-load-") as tmp:
        hub = LocalHub(
            tmp,
            extra_path=str(LOCAL_CHP_DIR),
            env={
                "COURSE_BOARD": "on",
                "COURSE_BOARD_INSTRUCTORS": instructor,
                "COURSE_BOARD_PORT": str(free_port()),
                "COURSE_BOARD_RATE": "100",
                "COURSE_HUB_CULL_TIMEOUT": "0",
            },
        )
        with hub:

            async def tokens():
                return {u: await hub.add_user(u) for u in [*users, instructor]}

            all_tokens = run_sync(tokens())
            participants = {u: all_tokens[u] for u in users}
            participants[instructor] = all_tokens[instructor]
            results = []
            for i in range(args.repeat):
                load_before = os.getloadavg()
                # a new round each time, so every repeat starts from an empty board
                run_sync(
                    hub.request(
                        "POST",
                        f"{hub.url}/services/course-board/api/rounds/02.certification",
                        token=all_tokens[instructor],
                    )
                )
                result = run_sync(one_round(hub, participants, instructor, "02.certification"))
                result["load_before"] = [round(x, 2) for x in load_before]
                result["load_after"] = [round(x, 2) for x in os.getloadavg()]
                result["repeat"] = i + 1
                results.append(result)
                print(json.dumps(result))
    print(
        f"{args.users} participants, {os.cpu_count()} cores: the board showed every answer "
        f"after {min(r['board_shows_all_s'] for r in results):.2f}-"
        f"{max(r['board_shows_all_s'] for r in results):.2f} s "
        "(plus up to 0.5 s until the page's next poll)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
