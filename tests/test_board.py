"""The class board without a hub: store, aggregation, pseudonyms, rate limit, client."""

from __future__ import annotations

import csv
import html
import io
import re
import socket
import time

import pytest

from course_kit.board import answers, client
from course_kit.board.service import RateLimit, load_secret, pseudonym
from course_kit.board.store import Store
from course_kit.exercises import exercise
from course_kit.teaching.bank import VIGNETTE_REFERENCE

REF = list(VIGNETTE_REFERENCE)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def store(tmp_path):
    return Store("sqlite:///" + str(tmp_path / "board.sqlite"))


def test_vignette_histogram_counts_each_rating_against_the_reference(store):
    store.add("02.certification", "p-a", REF, "correct")
    store.add("02.certification", "p-b", [9, 2, 5, 7, 3, 6], "correct")
    store.add("02.certification", "p-c", [5, 5, 5, 5, 5, 5], "incorrect")
    rnd = store.board()["02.certification"]["rounds"][0]
    assert rnd["answered"] == 3 and rnd["right"] == 2
    first = rnd["distribution"][0]
    assert first["reference"] == REF[0] == 8
    assert first["counts"]["8"] == 1 and first["counts"]["9"] == 1 and first["counts"]["5"] == 1
    assert sum(first["counts"].values()) == 3
    assert list(first["counts"]) == [str(v) for v in range(1, 10)]  # the whole 1-9 scale
    wrong = rnd["common_wrong"]
    assert wrong["answer"] == [5] * 6 and wrong["count"] == 1
    assert wrong["feedback"] == exercise("02.certification").check([5] * 6).message


def test_choice_counts_per_option_and_most_common_wrong_with_its_feedback(store):
    for person, key in [("p-a", "a"), ("p-b", "a"), ("p-c", "b"), ("p-d", "c")]:
        store.add("09.depression_first", person, key, answers.status("09.depression_first", key))
    rnd = store.board()["09.depression_first"]["rounds"][0]
    assert rnd["distribution"][0]["counts"] == {"a": 2, "b": 1, "c": 1, "d": 0}
    assert rnd["share_right"] == 0.25
    ex = exercise("09.depression_first")
    assert rnd["common_wrong"]["shown"] == ex.options[0]
    assert rnd["common_wrong"]["feedback"] == ex.check("a").message


def test_only_the_latest_answer_of_a_person_counts_and_rounds_are_kept_apart(store):
    store.add("09.depression_first", "p-a", "a", "incorrect", at=1.0)
    store.add("09.depression_first", "p-a", "b", "correct", at=2.0)
    assert store.board()["09.depression_first"]["rounds"][0]["answered"] == 1
    assert store.new_round("09.depression_first") == 2
    store.add("09.depression_first", "p-a", "c", "incorrect")
    rounds = store.board()["09.depression_first"]["rounds"]
    assert [r["round"] for r in rounds] == [1, 2]
    assert rounds[0]["distribution"][0]["counts"]["b"] == 1
    assert rounds[1]["distribution"][0]["counts"] == {"a": 0, "b": 0, "c": 1, "d": 0}
    # a round with no answers yet still shows (empty), so the instructor sees it started
    store.new_round("09.depression_first")
    assert store.board()["09.depression_first"]["rounds"][2]["answered"] == 0


def test_names_are_hidden_unless_switched_on(store):
    store.add("09.depression_first", "p-a", "b", "correct", name="ada")
    assert store.board()["09.depression_first"]["rounds"][0]["participants"] == ["p-a"]
    assert store.board(show_names=True)["09.depression_first"]["rounds"][0]["participants"] == [
        "ada"
    ]


def test_csv_holds_the_aggregated_table_and_no_names(store):
    store.add("09.depression_first", "p-a", "b", "correct", name="ada")
    table = list(csv.DictReader(io.StringIO(store.csv())))
    assert {r["answer"]: int(r["count"]) for r in table} == {"a": 0, "b": 1, "c": 0, "d": 0}
    assert "ada" not in store.csv() and "p-a" not in store.csv()


def test_old_answers_are_forgotten(tmp_path):
    url = "sqlite:///" + str(tmp_path / "b.sqlite")
    Store(url).add("09.depression_first", "p-a", "b", "correct", at=time.time() - 20 * 86400)
    Store(url).add("09.depression_first", "p-b", "b", "correct")
    kept = Store(url, keep_days=14).board()["09.depression_first"]["rounds"][0]
    assert kept["participants"] == ["p-b"]


@pytest.mark.parametrize(
    ("exercise", "answer"),
    [
        ("02.certification", "I think the mother was tired"),  # free text
        ("02.certification", [8, 2, 5]),  # wrong length
        ("02.certification", [8, 2, 5, 7, 3, "six"]),
        ("02.certification", [8, 2, 5, 7, 3, float("inf")]),
        ("09.depression_first", "Treat the depression first"),  # option text, not a key
        ("09.depression_first", "z"),
        ("09.depression_first", ["b"]),
        ("no.such_exercise", "b"),
        (None, "b"),
    ],
)
def test_only_closed_answers_to_course_exercises_are_accepted(exercise, answer):
    with pytest.raises(ValueError, match=r"answer|exercise"):
        answers.normalise(exercise, answer)


def test_store_refuses_an_unknown_status(store):
    with pytest.raises(ValueError, match="status"):
        store.add("09.depression_first", "p-a", "b", "invalid")


def test_pseudonyms_are_stable_keyed_and_do_not_show_the_name(tmp_path):
    secret = load_secret(str(tmp_path / "secret"))
    assert load_secret(str(tmp_path / "secret")) == secret  # made once, then kept
    assert (tmp_path / "secret").stat().st_mode & 0o077 == 0
    ada = pseudonym(secret, "ada")
    assert ada == pseudonym(secret, "ada") != pseudonym(secret, "ben")
    assert ada != pseudonym(b"another course", "ada")
    assert not re.search(r"\bada\b", ada)  # as a word: hex digits may spell "ada"


def test_rate_limit_is_per_user_and_recovers():
    limit = RateLimit(3)
    assert [limit.allow("ada", now=0) for _ in range(4)] == [True, True, True, False]
    assert limit.allow("ben", now=0)  # another participant is not affected
    assert limit.allow("ada", now=60.5)


def test_widget_answers_become_closed_forms():
    ex = exercise("09.depression_first")
    assert ex.board_id == "09.depression_first"
    assert answers.from_widget(ex, ex.options[1]) == "b"
    assert answers.from_widget(exercise("02.certification"), "8, 2, 5, 7, 3, 6") == REF
    assert answers.from_widget(exercise("02.certification"), "lovely mother") is None
    assert answers.from_widget(exercise("01.secure_count"), "130") == 130


def test_nothing_is_sent_outside_a_hub(monkeypatch):
    monkeypatch.delenv("COURSE_BOARD_URL", raising=False)
    monkeypatch.delenv("JUPYTERHUB_API_TOKEN", raising=False)
    ex = exercise("09.depression_first")
    assert client.send(ex, ex.options[1], ex.check(ex.options[1])) is None
    assert client.notice() is None
    box = ex.widget()
    assert len(box.children) == 3  # question, input row, feedback: as before


def test_a_dead_board_neither_delays_nor_breaks_the_feedback(monkeypatch):
    monkeypatch.setenv("COURSE_BOARD_URL", f"http://127.0.0.1:{_free_port()}/services/board/")
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "not-a-real-token")
    ex = exercise("09.depression_first")
    box = ex.widget()
    assert html.escape(client.notice()) in box.children[-1].value  # the notice under it
    box.answer.value = ex.options[1]
    t0 = time.monotonic()
    box.check_button.click()
    assert "ck-feedback-correct" in box.feedback.value
    assert time.monotonic() - t0 < 0.5  # sending is in the background
    client.wait()
    # an unreadable answer is never sent
    assert (
        client.send(exercise("01.secure_count"), "abc", exercise("01.secure_count").check("abc"))
        is None
    )


def test_hub_config_adds_the_board_only_when_turned_on(monkeypatch, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from test_hub import _load_course_config

    off = _load_course_config({}, {}, monkeypatch, data_dir=tmp_path)
    assert "course-board" not in [s["name"] for s in off.JupyterHub.get("services", [])]
    assert "COURSE_BOARD_URL" not in off.Spawner.get("environment", {})
    with pytest.raises(SystemExit, match="COURSE_BOARD_INSTRUCTORS"):
        _load_course_config({}, {"COURSE_BOARD": "on"}, monkeypatch)
    on = _load_course_config(
        {},
        {"COURSE_BOARD": "on", "COURSE_BOARD_INSTRUCTORS": "anna, erik"},
        monkeypatch,
        data_dir=tmp_path,
    )
    board = next(s for s in on.JupyterHub.services if s["name"] == "course-board")
    assert board["environment"]["COURSE_BOARD_INSTRUCTORS"] == "anna,erik"
    assert board["environment"]["COURSE_BOARD_DATA_DIR"] == str(tmp_path)
    assert on.Spawner.environment["COURSE_BOARD_URL"].endswith("/services/course-board/")
    assert "access:services!service=course-board" in on.Spawner.server_token_scopes


# --- the page and the board in the course's language ----------------------------------

INSTRUCTOR = "teacher"
PREFIX = "/services/course-board/"


@pytest.fixture
def board_service(store, monkeypatch):
    """The board service in this process, the instructor logged in (the hub's OAuth
    is tested live in tests/test_board_hub.py); yields ``fetch(path) -> (code, body)``."""
    import asyncio
    import threading
    import urllib.error
    import urllib.request

    from course_kit.board import service

    monkeypatch.setattr(
        service._Base, "get_current_user", lambda self: {"name": INSTRUCTOR, "kind": "user"}
    )
    app = service.make_app(store, instructors=[INSTRUCTOR], secret=b"k", prefix=PREFIX)
    port = _free_port()
    started = threading.Event()
    loop = asyncio.new_event_loop()

    def serve():
        asyncio.set_event_loop(loop)

        async def listen():
            app.listen(port, "127.0.0.1")
            started.set()

        loop.run_until_complete(listen())
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(10)
    url = f"http://127.0.0.1:{port}{PREFIX}"

    def fetch(path=""):
        try:
            with urllib.request.urlopen(url + path, timeout=30) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    fetch.url = url
    try:
        yield fetch
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)


def _page_words(lang: str) -> dict[str, str]:
    from course_kit import i18n, messages

    with i18n.using(lang):
        return {k: messages.text(k) for k in messages.EN if k.startswith("board_page.")}


def _has(text: str, part: str) -> bool:
    """``part`` in ``text`` as whole words ("Bar" is not in "Bara")."""
    import re

    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text) is not None


def _fixed_parts(template: str) -> list[str]:
    """The words of a text around its {placeholders}: what must (not) show."""
    import re

    parts = (p.strip() for p in re.split(r"\{\w+\}", template))
    return [p for p in parts if re.search(r"[^\W\d_]", p)]  # words, not punctuation


@pytest.mark.parametrize("lang", ["sv", "nb"])
def test_the_page_is_served_in_the_course_language(board_service, monkeypatch, lang):
    import json
    import re

    monkeypatch.setenv("COURSE_KIT_LANG", lang)
    code, page = board_service()
    assert code == 200
    assert f'<html lang="{lang}">' in page
    words, english = _page_words(lang), _page_words("en")
    assert f"<title>{html.escape(words['board_page.title'])}</title>" in page
    for key in ("title", "intro", "show_names", "download_csv", "waiting"):
        assert html.escape(words[f"board_page.{key}"]) in page, key
    # the JavaScript's words: the same texts, in the page as one JSON object
    served = json.loads(re.search(r"const WORDS = (\{.*\});", page)[1])
    assert served == words
    # what a reader sees: the HTML outside style and script, and the script's words
    shown = [re.sub(r"<style>.*?</style>|<script>.*?</script>", "", page, flags=re.S)]
    shown += [" ".join(_fixed_parts(text)) for text in served.values()]
    for key, text in english.items():
        for part in _fixed_parts(text):
            assert not any(_has(s, part) for s in shown), f"English {key!r} on the page: {part!r}"


@pytest.mark.parametrize("lang", ["sv", "nb", "en"])
def test_a_participant_at_the_board_address_is_told_why_in_the_course_language(
    board_service, monkeypatch, lang
):
    from course_kit.board import service

    monkeypatch.setenv("COURSE_KIT_LANG", lang)
    monkeypatch.setattr(
        service._Base, "get_current_user", lambda self: {"name": "ada", "kind": "user"}
    )
    code, page = board_service()
    assert code == 403
    assert f'<html lang="{lang}">' in page
    assert html.escape(_page_words(lang)["board_page.instructors_only"]) in page
    if lang != "en":
        assert html.escape(_page_words("en")["board_page.instructors_only"]) not in page
    assert board_service("api/board")[0] == 403  # the data stays closed


def test_the_english_page_is_unchanged(board_service, monkeypatch, tmp_path):
    monkeypatch.delenv("COURSE_KIT_LANG", raising=False)
    monkeypatch.chdir(tmp_path)  # no workspace with a language of its own
    code, page = board_service()
    assert code == 200 and '<html lang="en">' in page
    words = _page_words("en")
    assert f"<title>{words['board_page.title']}</title>" in page
    assert f"<h1>{words['board_page.title']}</h1>" in page
    assert f'id="names"> {words["board_page.show_names"]}</label>' in page
    assert words["board_page.waiting"] in page


def test_the_board_shows_questions_options_numbers_and_feedback_in_the_course_language(
    board_service, store, monkeypatch
):
    import json

    from course_kit import i18n

    store.add("09.depression_first", "p-a", "a", "incorrect")
    store.add("09.depression_first", "p-b", "b", "correct")
    store.add("09.depression_first", "p-c", "a", "incorrect")
    for person, value in [("p-a", 0.568), ("p-b", 0.45), ("p-c", 0.45)]:
        store.add("03.cohens_d", person, value, answers.status("03.cohens_d", value))
    boards = {}
    for lang in ("en", "sv"):  # one service process: the exercises are built per language
        monkeypatch.setenv("COURSE_KIT_LANG", lang)
        code, body = board_service("api/board")
        assert code == 200
        boards[lang] = json.loads(body)["exercises"]
        with i18n.using(lang):
            case, d = exercise("09.depression_first"), exercise("03.cohens_d")
            board = boards[lang]
            assert board["09.depression_first"]["question"] == case.question
            assert list(board["09.depression_first"]["options"].values()) == case.options
            rnd = board["09.depression_first"]["rounds"][0]
            assert rnd["common_wrong"]["text"] == case.options[0]
            assert rnd["common_wrong"]["feedback"] == case.check(case.options[0]).message
            assert rnd["share_text"] == i18n.format_value(1 / 3, ".0%")
            cohen = board["03.cohens_d"]["rounds"][0]
            assert cohen["distribution"][0]["texts"] == {
                "0.45": i18n.format_value(0.45),
                "0.568": i18n.format_value(0.568),
            }
            assert cohen["common_wrong"]["text"] == i18n.format_value(0.45)
            assert cohen["common_wrong"]["feedback"] == d.check(0.45).message
    assert (
        boards["sv"]["09.depression_first"]["question"]
        != (boards["en"]["09.depression_first"]["question"])
    )
    sv_rounds = boards["sv"]["03.cohens_d"]["rounds"][0]
    assert sv_rounds["common_wrong"]["text"] == "0,45"  # a decimal comma, not a point
    assert boards["en"]["03.cohens_d"]["rounds"][0]["common_wrong"]["text"] == "0.45"
    assert boards["sv"]["09.depression_first"]["rounds"][0]["share_text"].endswith("\u00a0%")


@pytest.mark.browser
def test_the_swedish_board_in_the_browser_has_no_english_word(
    board_service, store, monkeypatch, chromium_browser, artifacts_dir
):
    from course_kit import i18n

    monkeypatch.setenv("COURSE_KIT_LANG", "sv")
    store.add("02.certification", "p-a", REF, "correct")
    store.add("02.certification", "p-b", [5, 5, 5, 5, 5, 5], "incorrect")
    store.add("03.cohens_d", "p-a", 0.45, answers.status("03.cohens_d", 0.45))
    store.add("09.depression_first", "p-a", "a", "incorrect")
    page = chromium_browser.new_page()
    try:
        errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(board_service.url)
        page.locator('section[data-exercise="09.depression_first"] .round').wait_for(timeout=10000)
        updated = _fixed_parts(_page_words("sv")["board_page.updated"])[0]
        page.locator("#updated", has_text=updated).wait_for()
        shown = page.locator("body").inner_text()
        page.screenshot(path=str(artifacts_dir / "class-board-sv.png"), full_page=True)
    finally:
        page.close()
    assert not errors
    words = _page_words("sv")
    with i18n.using("sv"):
        case = exercise("09.depression_first")
        expected = [
            words["board_page.round"].format(round=1),
            words["board_page.common_wrong"],
            words["board_page.start_round"],
            case.question,
            *case.options,
            case.check(case.options[0]).message,
            words["board_page.item"].format(item=1),
            i18n.format_value(0.45),
            i18n.format_value(0.5, ".0%"),  # one of two raters agreed
        ]
    for text in expected:
        assert text in shown, text
    for key, text in _page_words("en").items():
        for part in _fixed_parts(text):
            assert not _has(shown, part), f"English {key!r} on the Swedish board: {part!r}"


def test_hub_config_gives_the_board_the_course_language(monkeypatch, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from test_hub import _load_course_config

    env = {"COURSE_BOARD": "on", "COURSE_BOARD_INSTRUCTORS": "anna"}
    for hub_lang, board_lang in [(None, "en"), ("sv", "sv"), ("nb", "nb")]:
        config = _load_course_config(
            {},
            {**env, **({"COURSE_HUB_LANG": hub_lang} if hub_lang else {})},
            monkeypatch,
            data_dir=tmp_path,
        )
        board = next(s for s in config.JupyterHub.services if s["name"] == "course-board")
        assert board["environment"]["COURSE_KIT_LANG"] == board_lang
        assert config.Spawner.environment["COURSE_KIT_LANG"] == board_lang
