"""A course day on a real JupyterHub: two participants, their own workspaces.

Starts JupyterHub with ``deploy/jupyterhub_config.py`` on 127.0.0.1 (proxy:
configurable-http-proxy from npm, found on PATH; ``make test`` puts it there), with
everything in a temporary folder, and talks to it only through its public REST APIs
and the kernel websocket, as JupyterLab would. Locally the tests are skipped when
configurable-http-proxy is missing; with CI=true that is a failure.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))
from localhub import (  # noqa: E402
    LOCAL_CHP_DIR,
    HubError,
    LocalHub,
    find_chp,
    free_port,
    run_sync,
    tool_path,
)


def live_hub(test):
    """Marks for the tests that start a hub (``make test-fast`` leaves them out)."""
    return pytest.mark.hub(pytest.mark.slow(test))


USERS = ("ada", "ben")
WORKSPACE = "vipp-course"
PROBLEM_FILE = "COURSE-KIT-PROBLEM.txt"  # what a participant sees when init fails
CONFIG = ROOT / "deploy" / "jupyterhub_config.py"
# `make test` puts configurable-http-proxy on PATH; a plain pytest run finds it in .venv.
EXTRA_PATH = str(LOCAL_CHP_DIR)


def run(coro, timeout: float = 240):
    """Run one step of a test with a hard time limit."""
    return run_sync(asyncio.wait_for(coro, timeout))


def _preconditions() -> None:
    require_or_skip(importlib.util.find_spec("jupyterhub") is not None, "jupyterhub missing")
    require_or_skip(
        find_chp(EXTRA_PATH) is not None,
        "configurable-http-proxy not found (npm install configurable-http-proxy@4)",
    )


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """The hub with two participants whose servers are running."""
    _preconditions()
    hub = LocalHub(tmp_path_factory.mktemp("hub"), extra_path=EXTRA_PATH)
    hub.start()
    try:
        hub.tokens = {}

        async def setup():
            for user in USERS:
                hub.tokens[user] = await hub.add_user(user)
            # Both log in at the same time, as at the start of a course day.
            await asyncio.gather(*(hub.start_server(u) for u in USERS))

        run(setup())
        yield hub
    finally:
        pids = [p.pid for p in hub.descendants()]
        killed = hub.stop()
        leftover = [pid for pid in pids if _alive(pid)]
    assert not leftover, f"processes left after stopping the hub: {leftover}"
    assert not killed, f"the hub did not stop these itself: {killed}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def _notebook_to_run(hub, user) -> str:
    """00-start-here if the workspace has it, else the first notebook there."""
    listing = run(hub.contents(user, hub.tokens[user], WORKSPACE))
    names = sorted(i["name"] for i in listing["content"] if i["name"].endswith(".ipynb"))
    assert names, f"{user}'s workspace has no notebooks: init did not run"
    name = "00-start-here.ipynb" if "00-start-here.ipynb" in names else names[0]
    return f"{WORKSPACE}/{name}"


@live_hub
@pytest.mark.parametrize("user", USERS)
def test_participant_runs_a_course_notebook(hub, user):
    path = _notebook_to_run(hub, user)
    result = run(hub.run_notebook(user, hub.tokens[user], path))
    assert result.cells, f"{path} has no code cells"
    assert result.errors == []
    assert all(c.status == "ok" for c in result.cells)
    assert any(c.outputs for c in result.cells), "no cell produced any output"


# Printed by a cell: how this kernel talks to its server (ipykernel's public API).
_TRANSPORT_PROBE = """
import json, os
from ipykernel.connect import get_connection_file, get_connection_info
print(json.dumps({**get_connection_info(unpack=True), "file": get_connection_file(),
                  "pid": os.getpid()}, default=str))
"""


def _probe_notebook() -> dict:
    cell = {
        "cell_type": "code",
        "id": "probe",
        "metadata": {},
        "outputs": [],
        "execution_count": None,
        "source": _TRANSPORT_PROBE,
    }
    return {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}


def _save_probe(hub, user: str) -> tuple[str, str]:
    """Save a new notebook with the probe cell in ``user``'s workspace: (token, path)."""
    token = hub.tokens[user]
    path = f"{WORKSPACE}/probe-{uuid.uuid4().hex[:8]}.ipynb"
    run(hub.save(user, token, path, {"type": "notebook", "content": _probe_notebook()}))
    return token, path


@live_hub
def test_kernels_talk_to_their_server_over_private_unix_sockets(hub):
    # No TCP ports between server and kernel, so servers starting kernels at the same
    # moment cannot race for them ("Address already in use" at N = 30 before).
    import json
    import stat

    user = USERS[1]
    token, path = _save_probe(hub, user)
    seen = {}

    async def restart_and_probe_again(cells, kernel):
        seen["first"] = json.loads(cells[0].outputs[0]["content"]["text"])
        sessions = await hub.request("GET", hub.user_url(user, "/sessions"), token=token)
        kernel_id = next(s["kernel"]["id"] for s in sessions if s["path"] == path)
        # as "Restart Kernel" in JupyterLab: the new kernel binds the same socket files
        await hub.request("POST", hub.user_url(user, f"/kernels/{kernel_id}/restart"), token=token)
        await kernel.wait_ready(60)
        again = await kernel.execute(1, _TRANSPORT_PROBE, 60)
        seen["restarted"] = probe = json.loads(again.outputs[0]["content"]["text"])
        # the restarted kernel is listening on its socket files now
        seen["listening"] = [
            stat.S_ISSOCK(os.stat(f"{probe['ip']}-{probe[f'{ch}_port']}").st_mode)
            for ch in _CHANNELS
        ]

    result = run(hub.run_notebook(user, token, path, before_close=restart_and_probe_again))
    assert result.errors == []
    first, restarted = seen["first"], seen["restarted"]
    assert restarted["pid"] != first["pid"], "the kernel was not restarted"

    runtime = Path(hub.server_processes()[user].environ()["JUPYTER_RUNTIME_DIR"])
    # the start command's private folder, made in the server's TMPDIR (localhub's)
    assert runtime == hub.tmpdir / f"jupyter-runtime-{os.getuid()}"
    info = runtime.stat()
    # only its owner can enter it (Jupyter adds the sticky bit against /tmp cleaners)
    assert (info.st_mode & 0o777, info.st_uid) == (0o700, os.getuid())
    for probe in (first, restarted):
        assert probe["transport"] == "ipc"
        assert Path(probe["file"]).parent == runtime
        sockets = [f"{probe['ip']}-{probe[f'{ch}_port']}" for ch in _CHANNELS]
        assert Path(sockets[0]).parent == runtime
        assert len(set(sockets)) == 5
        # a Unix socket's path must fit in 107 bytes, else the kernel cannot bind it
        assert max(len(s.encode()) for s in sockets) <= 107
    assert seen["listening"] == [True] * 5
    # closing the notebook shut the kernel down, and it removed its socket files
    assert not any(Path(sock).exists() for sock in sockets)


_CHANNELS = ("shell", "iopub", "stdin", "control", "hb")


@live_hub
def test_a_kernel_that_died_is_reported_not_passed_over(hub):
    # benchmarks/load_hub.py counts such a participant as failed, even if their
    # notebook then runs in the restarted kernel.
    user = USERS[1]
    token, path = _save_probe(hub, user)
    seen = {}

    async def die_then_go_on(cells, kernel):
        with pytest.raises(HubError, match="kernel restarting"):
            await kernel.execute(1, "import os; os._exit(1)", 60)
        await kernel.wait_ready(60)  # the server's restarter brought it back
        seen["after"] = await kernel.execute(2, "print(6 * 7)", 60)

    result = run(hub.run_notebook(user, token, path, before_close=die_then_go_on))
    assert seen["after"].outputs[0]["content"]["text"] == "42\n"
    assert result.cells[0].error is None
    assert len(result.errors) == 1 and result.errors[0].startswith("kernel restarting")


@live_hub
def test_each_participant_has_an_own_copy_of_the_notebooks(hub):
    copies = [hub.home(u) / _notebook_to_run(hub, u) for u in USERS]
    for copy in copies:
        assert copy.is_file() and not copy.is_symlink()
    assert copies[0].stat().st_ino != copies[1].stat().st_ino


@live_hub
def test_a_file_of_one_participant_is_invisible_to_the_other(hub):
    ada, ben = USERS
    path = f"{WORKSPACE}/notes-{uuid.uuid4().hex[:8]}.txt"
    model = {"type": "file", "format": "text", "content": "ada's private notes"}
    run(hub.save(ada, hub.tokens[ada], path, model))
    assert run(hub.contents(ada, hub.tokens[ada], path))["content"] == "ada's private notes"
    run(hub.contents(ben, hub.tokens[ben], path, ok=(404,)))
    assert (hub.home(ada) / path).is_file()
    assert not (hub.home(ben) / path).exists()
    # ben's token does not open ada's server at all
    with pytest.raises(HubError, match="HTTP 403"):
        run(hub.contents(ada, hub.tokens[ben], WORKSPACE))


@live_hub
def test_an_edit_survives_a_server_restart(hub):
    user = USERS[0]
    token = hub.tokens[user]
    path = _notebook_to_run(hub, user)
    model = run(hub.contents(user, token, path))
    marker = f"My own note {uuid.uuid4().hex}"
    model["content"]["cells"].append(
        {"cell_type": "markdown", "metadata": {}, "source": marker, "id": uuid.uuid4().hex[:8]}
    )
    run(hub.save(user, token, path, {"type": "notebook", "content": model["content"]}))
    pid_before = hub.server_processes()[user].pid

    run(hub.stop_server(user))
    assert user not in hub.server_processes()
    run(hub.start_server(user))  # the start command runs `workspace init` again

    assert hub.server_processes()[user].pid != pid_before
    sources = [
        "".join(c["source"]) for c in run(hub.contents(user, token, path))["content"]["cells"]
    ]
    assert marker in sources, "workspace init overwrote the participant's edit"
    assert (hub.home(user) / WORKSPACE).is_dir()


@live_hub
def test_resource_limits_reach_each_server(hub):
    # Local spawners only announce the limits (enforced by SystemdSpawner/KubeSpawner).
    for user, proc in hub.server_processes().items():
        env = proc.environ()
        assert env["MEM_LIMIT"] == str(2 * 1024**3), user
        assert float(env["CPU_LIMIT"]) == 1.0, user
        assert env["HOME"] == str(hub.home(user))


async def _login(hub, username: str, password: str) -> int:
    """Log in on the hub's login page as a browser does; return the HTTP status
    (302: logged in and sent on; 403: refused)."""
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    client = AsyncHTTPClient()
    page = await client.fetch(f"{hub.url}/hub/login", request_timeout=30)
    cookies = "; ".join(
        c.split(";")[0] for c in page.headers.get_list("Set-Cookie") if "_xsrf" in c
    )
    xsrf = cookies.split("=", 1)[1]
    body = f"username={username}&password={password}&_xsrf={xsrf}"
    try:
        resp = await client.fetch(
            f"{hub.url}/hub/login",
            method="POST",
            body=body,
            headers={"Cookie": cookies},
            follow_redirects=False,
            request_timeout=30,
        )
    except HTTPClientError as err:
        return err.code
    return resp.code


@live_hub
def test_shared_password_login(hub):
    assert run(_login(hub, "carla", "not-the-password")) == 403
    assert run(_login(hub, "carla", hub.password)) == 302


@live_hub
def test_firstuse_login_admits_only_the_names_the_instructor_added(tmp_path):
    """COURSE_HUB_AUTH=firstuse: a stranger cannot invent a user name and get a server."""
    _preconditions()
    require_or_skip(
        importlib.util.find_spec("firstuseauthenticator") is not None,
        "jupyterhub-firstuseauthenticator is not installed",
    )
    env = {"COURSE_HUB_AUTH": "firstuse"}
    with LocalHub(tmp_path, env=env, extra_path=EXTRA_PATH) as hub:

        async def scenario():
            stranger = await _login(hub, "mallory", "a-long-enough-password")
            await hub.api("POST", "/users/ada", ok=(201,))  # the instructor adds ada
            first = await _login(hub, "ada", "adas-own-password")
            guess = await _login(hub, "ada", "somebody-elses-guess")
            again = await _login(hub, "ada", "adas-own-password")
            names = {u["name"] for u in await hub.api("GET", "/users")}
            return stranger, first, guess, again, names

        stranger, first, guess, again, names = run(scenario(), timeout=120)
    assert stranger == 403, "a name nobody added could log in"
    assert "mallory" not in names
    assert (first, guess, again) == (302, 403, 302)


@live_hub
def test_no_problem_note_after_a_successful_start(hub):
    for user in USERS:
        run(hub.contents(user, hub.tokens[user], PROBLEM_FILE, ok=(404,)))


@live_hub
def test_a_failed_workspace_init_is_shown_to_the_participant(tmp_path):
    """The server still starts, and JupyterLab opens a note with init's message."""
    _preconditions()
    missing = tmp_path / "no-such-notebooks"
    env = {"COURSE_KIT_NOTEBOOKS": str(missing)}
    with LocalHub(tmp_path / "hub", env=env, extra_path=EXTRA_PATH) as hub:

        async def scenario():
            from tornado.httpclient import AsyncHTTPClient, HTTPClientError

            token = await hub.add_user("carla")
            await hub.start_server("carla")
            note = await hub.contents("carla", token, PROBLEM_FILE)
            try:  # where the participant lands: the server's start page
                await AsyncHTTPClient().fetch(
                    f"{hub.url}/user/carla/",
                    headers={"Authorization": f"token {token}"},
                    follow_redirects=False,
                    request_timeout=30,
                )
                location = None
            except HTTPClientError as err:
                location = err.response.headers.get("Location") if err.response else None
            return note, location

        note, location = run(scenario(), timeout=180)
        log = hub.log_path.read_text(errors="replace")
    assert "could not be set up" in note["content"]
    assert str(missing) in note["content"], "the note does not give init's own message"
    assert location is not None, "the server did not send the participant anywhere"
    assert urlparse(location).path == f"/user/carla/lab/tree/{PROBLEM_FILE}"
    assert "course-kit workspace init failed" in log


@pytest.fixture()
def culling_hub(tmp_path):
    _preconditions()
    require_or_skip(
        importlib.util.find_spec("jupyterhub_idle_culler") is not None,
        "jupyterhub-idle-culler is not installed",
    )
    env = {"COURSE_HUB_CULL_TIMEOUT": "3", "COURSE_HUB_CULL_EVERY": "2"}
    with LocalHub(tmp_path, env=env, extra_path=EXTRA_PATH) as hub:
        yield hub


@live_hub
def test_idle_servers_are_stopped(culling_hub):
    hub = culling_hub

    async def scenario():
        await hub.add_user("idle")
        await hub.start_server("idle")
        t0 = time.monotonic()
        while time.monotonic() - t0 < 60:
            user = await hub.api("GET", "/users/idle")
            if not user.get("servers"):
                return time.monotonic() - t0
            await asyncio.sleep(1)
        raise AssertionError("the idle server was not stopped within 60 s")

    assert run(scenario(), timeout=120) < 60
    assert "idle" not in hub.server_processes()


_COURSE_VARIABLES = (
    "COURSE_HUB_MEM_LIMIT",
    "COURSE_HUB_CPU_LIMIT",
    "COURSE_HUB_AUTH",
    "COURSE_HUB_PASSWORD",
    "COURSE_HUB_BIND_URL",
    "COURSE_HUB_SSL_CERT",
    "COURSE_HUB_SSL_KEY",
    "COURSE_HUB_ALLOWED_USERS",
    "COURSE_HUB_ADMIN_USERS",
    "COURSE_HUB_LANG",
    "TLJH_INSTALL_PREFIX",
)


def _start_script(tmp_path, course_kit: str, monkeypatch) -> dict:
    """Run the participant's start command from the course config with a stand-in
    ``course-kit`` (shell code) and a ``jupyterhub-singleuser`` that only reports
    the page it would open; return what happened in the home folder."""
    config = _load_course_config({}, {}, monkeypatch)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir(parents=True)
    (fake_bin / "course-kit").write_text(f"#!/bin/sh\n{course_kit}\n")
    (fake_bin / "jupyterhub-singleuser").write_text(
        '#!/bin/sh\necho "opens ${JUPYTERHUB_DEFAULT_URL:-the workspace}"\n'
    )
    for exe in fake_bin.iterdir():
        exe.chmod(0o755)
    home = tmp_path / "home"
    (home / WORKSPACE).mkdir(parents=True, exist_ok=True)
    (home / PROBLEM_FILE).write_text("an old problem")  # from an earlier start
    # TMPDIR: the start command makes the runtime folder there, not in /tmp
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(tmp_path)}
    proc = subprocess.run(
        [*config.Spawner.cmd, "--some-arg"], env=env, capture_output=True, text=True, timeout=30
    )
    files = {p.relative_to(home).as_posix(): p.read_text() for p in home.rglob(PROBLEM_FILE)}
    return {"opens": proc.stdout.strip(), "log": proc.stderr, "files": files}


def test_start_command_opens_the_problem_only_when_init_fails(tmp_path, monkeypatch):
    ok = _start_script(tmp_path / "ok", "echo 'Your workspace is ready.'", monkeypatch)
    assert ok["opens"] == "opens the workspace"
    assert ok["files"] == {}, "a stale problem page was left behind"
    assert "Your workspace is ready." in ok["log"]

    # init explained the problem in the workspace: that page opens
    wrote = (
        'echo "course-kit workspace: disk full" >&2; '
        'echo "The disk is full." > "$HOME/vipp-course/COURSE-KIT-PROBLEM.txt"; exit 2'
    )
    told = _start_script(tmp_path / "told", wrote, monkeypatch)
    assert told["opens"] == f"opens /lab/tree/{WORKSPACE}/{PROBLEM_FILE}"
    assert told["files"] == {f"{WORKSPACE}/{PROBLEM_FILE}": "The disk is full.\n"}
    assert "disk full" in told["log"] and "workspace init failed (exit 2)" in told["log"]

    # init could not run at all: the start command writes the page with its output
    crashed = _start_script(
        tmp_path / "crash", "echo 'ImportError: numpy' >&2; exit 1", monkeypatch
    )
    assert crashed["opens"] == f"opens /lab/tree/{PROBLEM_FILE}"
    page = crashed["files"][PROBLEM_FILE]
    assert page.startswith("Your course notebooks could not be set up")
    assert "    ImportError: numpy" in page


def _load_course_config(preset: dict, env: dict, monkeypatch, data_dir=None):
    """Apply deploy/jupyterhub_config.py on top of ``preset`` (as TLJH does with its
    jupyterhub_config.d drop-ins) and return the resulting config."""
    import tempfile

    from traitlets.config import Config

    for name in _COURSE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COURSE_HUB_DATA_DIR", str(data_dir or tempfile.mkdtemp()))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config(preset)
    code = CONFIG.read_text()
    exec(compile(code, "jupyterhub_config.py", "exec"), {"get_config": lambda: config})
    return config


def test_config_fills_in_limits_but_keeps_the_instructors(monkeypatch):
    assert _load_course_config({}, {}, monkeypatch).Spawner.mem_limit == "2G"
    tljh = {"Spawner": {"mem_limit": "4G", "cpu_limit": 2.0}}
    kept = _load_course_config(tljh, {}, monkeypatch).Spawner
    assert (kept.mem_limit, kept.cpu_limit) == ("4G", 2.0)
    unset = _load_course_config({"Spawner": {"mem_limit": None}}, {}, monkeypatch)
    assert unset.Spawner.mem_limit == "2G"
    forced = _load_course_config(tljh, {"COURSE_HUB_MEM_LIMIT": "1G"}, monkeypatch)
    assert forced.Spawner.mem_limit == "1G"


@pytest.mark.parametrize(("setting", "lang"), [(None, "en"), ("sv", "sv"), ("NB", "nb")])
def test_the_course_language_is_set_once_for_every_participant(monkeypatch, setting, lang):
    env = {} if setting is None else {"COURSE_HUB_LANG": setting}
    config = _load_course_config({}, env, monkeypatch)
    # the participants' servers (workspace init, kernels) get the edition
    assert config.Spawner.environment["COURSE_KIT_LANG"] == lang
    # and the start command sets JupyterLab's menu language for each participant
    start = config.Spawner.cmd[2]
    assert "lab-language --user" in start and "workspace init" in start


def test_config_rejects_a_language_the_course_has_not(monkeypatch):
    with pytest.raises(SystemExit, match=r"COURSE_HUB_LANG='de'.*en, sv .*nb"):
        _load_course_config({}, {"COURSE_HUB_LANG": "de"}, monkeypatch)


def test_config_does_not_add_a_second_culler_to_tljh(monkeypatch):
    tljh = {"JupyterHub": {"services": [{"name": "cull-idle", "command": ["cull"]}]}}
    config = _load_course_config(tljh, {}, monkeypatch)
    assert [s["name"] for s in config.JupyterHub.services] == ["cull-idle"]


def test_config_rejects_an_unknown_login_method(monkeypatch):
    with pytest.raises(SystemExit, match="COURSE_HUB_AUTH='magic'"):
        _load_course_config({}, {"COURSE_HUB_AUTH": "magic"}, monkeypatch)


def test_firstuse_config_has_no_open_sign_up(monkeypatch):
    config = _load_course_config({}, {"COURSE_HUB_AUTH": "firstuse"}, monkeypatch)
    assert config.FirstUseAuthenticator.create_users is False
    assert config.Authenticator.allow_all is False
    assert config.Authenticator.allow_existing_users is True
    listed = _load_course_config(
        {}, {"COURSE_HUB_AUTH": "firstuse", "COURSE_HUB_ALLOWED_USERS": "ada, ben"}, monkeypatch
    )
    assert listed.Authenticator.allowed_users == {"ada", "ben"}


def test_plain_jupyterhub_listens_on_loopback_and_keeps_state_in_a_data_dir(monkeypatch, tmp_path):
    state = tmp_path / "state"
    config = _load_course_config({}, {}, monkeypatch, data_dir=state)
    assert config.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert config.JupyterHub.cookie_secret_file == str(state / "jupyterhub_cookie_secret")
    assert config.JupyterHub.db_url == f"sqlite:///{state / 'jupyterhub.sqlite'}"
    assert config.ConfigurableHTTPProxy.pid_file == str(state / "jupyterhub-proxy.pid")
    assert config.FirstUseAuthenticator.dbm_path == str(state / "passwords.dbm")
    assert state.stat().st_mode & 0o777 == 0o700  # the cookie secret's folder is private
    # an instructor's own setting is kept
    own = _load_course_config({"JupyterHub": {"db_url": "sqlite:///x.db"}}, {}, monkeypatch)
    assert own.JupyterHub.db_url == "sqlite:///x.db"
    # with TLS, JupyterHub may listen on every interface
    tls = {"COURSE_HUB_SSL_CERT": "/etc/ssl/hub.crt", "COURSE_HUB_SSL_KEY": "/etc/ssl/hub.key"}
    with_tls = _load_course_config({}, tls, monkeypatch)
    assert "bind_url" not in with_tls.JupyterHub
    assert with_tls.JupyterHub.ssl_cert == "/etc/ssl/hub.crt"
    # an explicit loopback address is fine; a public one without TLS is refused
    local = {"COURSE_HUB_BIND_URL": "http://localhost:9000"}
    assert _load_course_config({}, local, monkeypatch).JupyterHub.bind_url.endswith(":9000")
    with pytest.raises(SystemExit, match="without encryption"):
        _load_course_config({}, {"COURSE_HUB_BIND_URL": "http://0.0.0.0:8000"}, monkeypatch)
    with pytest.raises(SystemExit, match="COURSE_HUB_SSL_KEY is not set"):
        _load_course_config({}, {"COURSE_HUB_SSL_CERT": "/etc/ssl/hub.crt"}, monkeypatch)
    # TLJH keeps its own state folder and proxy
    tljh = _load_course_config({}, {"TLJH_INSTALL_PREFIX": "/opt/tljh"}, monkeypatch)
    assert not {"bind_url", "db_url", "cookie_secret_file"} & set(tljh.JupyterHub)


def _plain_hub_env(tmp_path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COURSE_", "JUPYTERHUB_"))}
    env.pop("TLJH_INSTALL_PREFIX", None)
    env.update(PATH=tool_path(EXTRA_PATH), COURSE_HUB_DATA_DIR=str(tmp_path / "state"), **extra)
    return env


def test_plain_jupyterhub_names_a_missing_setting(tmp_path):
    """`jupyterhub -f deploy/jupyterhub_config.py` without the password: a message, no
    traceback, nothing written into the folder it was started from."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    proc = subprocess.run(
        [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
        cwd=cwd,
        env=_plain_hub_env(tmp_path, COURSE_HUB_AUTH="shared-password"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "COURSE_HUB_PASSWORD is not set" in output
    assert "Traceback" not in output and "KeyError" not in output
    assert list(cwd.iterdir()) == []


@live_hub
def test_plain_jupyterhub_keeps_its_state_out_of_the_current_folder(tmp_path):
    import urllib.request

    import psutil

    _preconditions()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    port = free_port()
    # Only the ports are given on the command line (free ones, so that tests can run
    # side by side); everything else comes from the course config's defaults.
    cmd = [
        sys.executable,
        "-m",
        "jupyterhub",
        "-f",
        str(CONFIG),
        f"--JupyterHub.bind_url=http://127.0.0.1:{port}",
        f"--JupyterHub.hub_bind_url=http://127.0.0.1:{free_port()}",
        f"--ConfigurableHTTPProxy.api_url=http://127.0.0.1:{free_port()}",
    ]
    log = (tmp_path / "hub.log").open("wb")
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=_plain_hub_env(tmp_path),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    state = tmp_path / "state"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, (tmp_path / "hub.log").read_text()
            # urllib, not tornado's blocking HTTPClient: that one needs its own event
            # loop and fails whenever an earlier test left one running in this thread.
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/hub/api/", timeout=5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the hub did not answer within 60 s"
                time.sleep(0.3)
        written = {p.name for p in state.iterdir()} if state.is_dir() else set()
        leftovers = sorted(p.name for p in cwd.iterdir())
    finally:
        children = psutil.Process(proc.pid).children(recursive=True)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
        for child in children:
            if child.is_running():
                child.terminate()
        psutil.wait_procs(children, timeout=10)
        log.close()
    assert {"jupyterhub.sqlite", "jupyterhub_cookie_secret", "jupyterhub-proxy.pid"} <= written
    assert leftovers == [], f"written into the folder the hub was started from: {leftovers}"


def test_z2jh_start_hook_shows_a_failed_init_and_never_fails_the_pod(tmp_path):
    import yaml

    values = yaml.safe_load((ROOT / "deploy" / "z2jh-config.yaml").read_text())
    single = values["singleuser"]
    volume = single["storage"]["homeMountPath"]
    command = single["lifecycleHooks"]["postStart"]["exec"]["command"]
    work = tmp_path / "work"
    (work / WORKSPACE).mkdir(parents=True)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    script = [part.replace(volume, str(work)) for part in command]
    for stand_in, expected in (
        ("echo 'ImportError: numpy' >&2; exit 1", "ImportError: numpy"),
        ('echo "The disk is full." > "$3/COURSE-KIT-PROBLEM.txt"; exit 2', "The disk is full."),
    ):
        (fake_bin / "course-kit").write_text(f"#!/bin/sh\n{stand_in}\n")
        (fake_bin / "course-kit").chmod(0o755)
        env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(tmp_path)}
        proc = subprocess.run(script, env=env, capture_output=True, text=True, timeout=30)
        assert proc.returncode == 0, "a failing hook would stop the participant's pod"
        pages = [p.read_text() for p in work.rglob(PROBLEM_FILE)]
        assert len(pages) == 1 and expected in pages[0]


def test_z2jh_example_keeps_work_on_the_volume_and_secrets_out_of_the_file():
    import yaml

    values = yaml.safe_load((ROOT / "deploy" / "z2jh-config.yaml").read_text())
    single = values["singleuser"]
    volume = single["storage"]["homeMountPath"]
    # JupyterLab's file browser starts on the persistent volume, so a notebook saved
    # anywhere a participant can reach survives the pod being stopped.
    storage_config = values["hub"]["extraConfig"]["course-storage"]
    assert f'c.Spawner.notebook_dir = "{volume}"' in storage_config
    assert single["defaultUrl"] == f"/lab/tree/{WORKSPACE}"
    hook = " ".join(single["lifecycleHooks"]["postStart"]["exec"]["command"])
    assert f"{volume}/{WORKSPACE}" in hook
    assert "|| true" not in hook
    assert single["storage"]["capacity"]  # one volume each: a per-participant disk limit

    def leaves(node, path=()):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from leaves(value, (*path, str(key)))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from leaves(value, (*path, str(i)))
        else:
            yield path, node

    secret_words = ("secret", "password", "token")
    inline = [
        ".".join(path)
        for path, value in leaves(values)
        if any(w in path[-1].lower() for w in secret_words) and "secretKeyRef" not in path
    ]
    assert inline == [], f"secrets written into the file: {inline}"
    env = values["hub"]["extraEnv"]
    assert all("secretKeyRef" in spec.get("valueFrom", {}) for spec in env.values())


def test_kernels_use_unix_sockets_not_tcp_ports(monkeypatch):
    from jupyter_server.services.kernels.kernelmanager import ServerKernelManager
    from traitlets.config.loader import KVArgParseConfigLoader

    args = _load_course_config({}, {}, monkeypatch).Spawner.args
    assert args == ["--KernelManager.transport=ipc"]
    # the kernel manager jupyter-singleuser uses reads it, and caches no TCP ports then
    manager = ServerKernelManager(config=KVArgParseConfigLoader(argv=args).load_config())
    assert (manager.transport, manager.cache_ports) == ("ipc", False)
    # arguments set before (TLJH, an instructor) are kept, and a transport chosen wins
    kept = _load_course_config({"Spawner": {"args": ["--debug"]}}, {}, monkeypatch)
    assert kept.Spawner.args == ["--debug", "--KernelManager.transport=ipc"]
    chosen = {"Spawner": {"args": ["--KernelManager.transport=tcp"]}}
    assert _load_course_config(chosen, {}, monkeypatch).Spawner.args == chosen["Spawner"]["args"]


def _runtime_dir_at_start(tmp_path, monkeypatch, **env) -> str:
    """Run the start command with stand-ins; return the JUPYTER_RUNTIME_DIR the
    server would get."""
    config = _load_course_config({}, {}, monkeypatch)
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir(exist_ok=True)
    (fake_bin / "course-kit").write_text("#!/bin/sh\nexit 0\n")
    (fake_bin / "jupyterhub-singleuser").write_text('#!/bin/sh\necho "$JUPYTER_RUNTIME_DIR"\n')
    for exe in fake_bin.iterdir():
        exe.chmod(0o755)
    home = tmp_path / ("a-long-home-folder-name-" * 4)  # longer than a socket path allows
    home.mkdir(exist_ok=True)
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(home), **env}
    proc = subprocess.run(config.Spawner.cmd, env=env, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_start_command_gives_kernels_a_short_private_runtime_folder(tmp_path, monkeypatch):
    import stat

    tmp = tmp_path / "t"
    tmp.mkdir()
    runtime = _runtime_dir_at_start(tmp_path, monkeypatch, TMPDIR=str(tmp))
    # short whatever the home folder, the participant's own, and the same at each start
    assert runtime == f"{tmp}/jupyter-runtime-{os.getuid()}"
    info = Path(runtime).stat()
    assert (stat.S_IMODE(info.st_mode), info.st_uid) == (0o700, os.getuid())
    Path(runtime).chmod(0o755)  # loosened meanwhile: made private again
    assert _runtime_dir_at_start(tmp_path, monkeypatch, TMPDIR=str(tmp)) == runtime
    assert stat.S_IMODE(Path(runtime).stat().st_mode) == 0o700

    # somebody put a symbolic link under that name: a new private folder instead
    squat = tmp_path / "squat"
    squat.mkdir()
    Path(runtime).rmdir()
    Path(runtime).symlink_to(squat)
    other = _runtime_dir_at_start(tmp_path, monkeypatch, TMPDIR=str(tmp))
    assert other != runtime and Path(other).parent == tmp
    assert not Path(other).is_symlink()
    assert stat.S_IMODE(Path(other).stat().st_mode) == 0o700
    assert list(squat.iterdir()) == []

    # a runtime folder set by the administrator is kept
    own = str(tmp_path / "own")
    assert _runtime_dir_at_start(tmp_path, monkeypatch, JUPYTER_RUNTIME_DIR=own) == own


def test_start_command_runs_init_then_the_server(monkeypatch):
    cmd = _load_course_config({}, {}, monkeypatch).Spawner.cmd
    assert cmd[:2] == ["/bin/sh", "-c"]
    script = cmd[2]
    assert script.index("workspace init") < script.index("exec jupyterhub-singleuser")
    assert '"$HOME"/vipp-course' in script


def test_binder_environment_has_lab_and_the_kit():
    # Binder (repo2docker) builds from environment.yml in the repository root; the
    # badge opens JupyterLab (urlpath=lab), and the notebooks import course_kit.
    import yaml

    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    names = {str(d).split(">")[0].split("=")[0].strip() for d in deps if isinstance(d, str)}
    assert {"python", "pip", "jupyterlab", "ipykernel"} <= names
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip
    assert "prefix" not in env  # a machine-specific path would break the build
    assert not (ROOT / "binder").exists() or (ROOT / "binder" / "environment.yml").exists()
