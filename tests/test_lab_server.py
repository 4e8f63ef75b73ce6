"""``make lab`` end to end, without a browser: workspace init, then JupyterLab.

The test runs the Makefile's own ``lab`` recipe (``make lab`` with a temporary
WORKSPACE and a free PORT; the install step is taken as done), on a machine whose
Jupyter configuration tries to switch the login off: ``c.IdentityProvider.token = ""``
in ``~/.jupyter``, in ``$JUPYTER_CONFIG_DIR`` and in ``$JUPYTER_CONFIG_PATH``. We
check that the REST API answers with the server's token, the course notebooks are
listed, a request without the token is refused, and the server is gone after shutdown.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser.lab import free_port

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)  # the environment running the tests: make's $(VENV)
HOSTILE = 'c = get_config()\nc.IdentityProvider.token = ""\nc.ServerApp.token = ""\n'


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie that is not yet reaped still "exists"; look at its state
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def _get(url: str, token: str | None = None, timeout: float = 10):
    headers = {"Authorization": f"token {token}"} if token else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())


def _hostile_machine(tmp_path: Path) -> dict:
    """An environment whose every user-level Jupyter config turns the token off."""
    home = tmp_path / "home"
    places = [home / ".jupyter", tmp_path / "config-dir", tmp_path / "config-path"]
    places.append(home / ".local" / "etc" / "jupyter")
    for folder in places:
        folder.mkdir(parents=True)
        for name in ("jupyter_server_config.py", "jupyter_lab_config.py"):
            (folder / name).write_text(HOSTILE)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MAKE"))}
    env.pop("MPLBACKEND", None)
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(tmp_path / "config-dir"),
        JUPYTER_CONFIG_PATH=str(tmp_path / "config-path"),
        JUPYTER_TOKEN="",
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),
        IPYTHONDIR=str(tmp_path / "ipython"),
        MPLCONFIGDIR=str(tmp_path / "mpl"),
        BROWSER="true",  # the recipe opens a browser; here it opens nothing
    )
    return env


def test_make_lab_serves_the_workspace_on_loopback_with_a_token(tmp_path):
    make = shutil.which("make")
    assert make, "make is needed for `make lab`"
    workspace = tmp_path / "vipp-course"
    port = free_port()
    env = _hostile_machine(tmp_path)
    runtime = Path(env["JUPYTER_RUNTIME_DIR"])
    log_path = tmp_path / "make-lab.log"
    cmd = [
        make,
        "-C",
        str(ROOT),
        "-o",
        f"{VENV}/.installed-lab",  # installing is not what this test is about
        "lab",
        f"VENV={VENV}",
        f"WORKSPACE={workspace}",
        f"PORT={port}",
    ]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 90
        info = None
        while info is None:
            assert proc.poll() is None, f"make lab stopped:\n{log_path.read_text()}"
            assert time.monotonic() < deadline, f"no server in 90 s:\n{log_path.read_text()}"
            for path in runtime.glob("jpserver-*.json"):
                with contextlib.suppress(ValueError, OSError):
                    info = json.loads(path.read_text())
            time.sleep(0.3)
        token = info["token"]
        assert info["url"].startswith(f"http://127.0.0.1:{port}/")
        assert Path(info["root_dir"]) == workspace

        assert token, "the server runs without a login token"
        status = _get(url + "api/status", token)
        assert {"started", "kernels"} <= set(status)
        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        listed = {item["name"] for item in _get(url + "api/contents", token)["content"]}
        assert expected <= listed, f"not served: {expected - listed}"
        for without in (None, ""):
            with pytest.raises(urllib.error.HTTPError) as refused:
                target = url + "api/contents" + ("" if without is None else "?token=")
                urllib.request.urlopen(target, timeout=5)
            assert refused.value.code == 403

        shutdown = urllib.request.Request(
            url + "api/shutdown",
            method="POST",
            data=b"",
            headers={"Authorization": f"token {token}"},
        )
        urllib.request.urlopen(shutdown, timeout=10).close()
        proc.wait(30)
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # kernels live in the same group
    assert not _alive(info["pid"]), "JupyterLab still runs after shutdown"


@pytest.mark.slow
def test_reset_refuses_a_notebook_open_in_a_real_jupyterlab(tmp_path, monkeypatch):
    """``workspace reset`` asks the running server for its sessions (issue 17, item 2)."""
    import tempfile

    from browser.lab import start_lab

    from course_kit import workspace

    folder = tmp_path / "vipp-course"
    workspace.init(folder)
    name = sorted(p.name for p in folder.glob("0*.ipynb"))[1]  # any course notebook
    mine = (folder / name).read_bytes() + b"\n"  # edited: differs from the original
    (folder / name).write_bytes(mine)
    with start_lab(folder) as lab:
        port = lab.url.rstrip("/").rsplit(":", 1)[1]
        infos = [
            p
            for p in Path(tempfile.gettempdir()).glob("ck-lab-*/runtime/jpserver-*.json")
            if f":{port}/" in json.loads(p.read_text()).get("url", "")
        ]
        assert infos, "JupyterLab wrote no runtime file"
        monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(infos[0].parent))
        body = json.dumps(
            {"path": name, "type": "notebook", "name": name, "kernel": {"name": "python3"}}
        ).encode()
        request = urllib.request.Request(
            lab.url + "api/sessions",
            data=body,
            method="POST",
            headers={"Authorization": f"token {lab.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            session = json.load(response)
        with pytest.raises(ValueError, match="open in JupyterLab"):
            workspace.reset(name, folder)
        assert (folder / name).read_bytes() == mine
        lab.api(f"api/sessions/{session['id']}", method="DELETE")
        assert workspace.reset(name, folder).restored == [name]
