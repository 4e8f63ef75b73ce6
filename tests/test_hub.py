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
import sys
import time
import uuid
from pathlib import Path

import pytest
from conftest import require_or_skip

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))
from localhub import LOCAL_CHP_DIR, HubError, LocalHub, find_chp, run_sync  # noqa: E402


def live_hub(test):
    """Marks for the tests that start a hub (``make test-fast`` leaves them out)."""
    return pytest.mark.hub(pytest.mark.slow(test))


USERS = ("ada", "ben")
WORKSPACE = "vipp-course"
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


@live_hub
def test_shared_password_login(hub):
    from tornado.httpclient import AsyncHTTPClient, HTTPClientError

    async def login(password: str) -> int:
        client = AsyncHTTPClient()
        page = await client.fetch(f"{hub.url}/hub/login", request_timeout=30)
        cookies = "; ".join(
            c.split(";")[0] for c in page.headers.get_list("Set-Cookie") if "_xsrf" in c
        )
        xsrf = cookies.split("=", 1)[1]
        body = f"username=carla&password={password}&_xsrf={xsrf}"
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

    assert run(login("not-the-password")) == 403
    assert run(login(hub.password)) == 302


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


def _load_course_config(preset: dict, env: dict, monkeypatch):
    """Apply deploy/jupyterhub_config.py on top of ``preset`` (as TLJH does with its
    jupyterhub_config.d drop-ins) and return the resulting config."""
    from traitlets.config import Config

    for name in ("COURSE_HUB_MEM_LIMIT", "COURSE_HUB_CPU_LIMIT", "COURSE_HUB_AUTH"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config(preset)
    code = (ROOT / "deploy" / "jupyterhub_config.py").read_text()
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


def test_config_does_not_add_a_second_culler_to_tljh(monkeypatch):
    tljh = {"JupyterHub": {"services": [{"name": "cull-idle", "command": ["cull"]}]}}
    config = _load_course_config(tljh, {}, monkeypatch)
    assert [s["name"] for s in config.JupyterHub.services] == ["cull-idle"]


def test_config_rejects_an_unknown_login_method(monkeypatch):
    with pytest.raises(ValueError, match="COURSE_HUB_AUTH='magic'"):
        _load_course_config({}, {"COURSE_HUB_AUTH": "magic"}, monkeypatch)


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
