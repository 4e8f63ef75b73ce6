"""``python run.py lab`` (the launcher for machines without make), tested like ``make lab``.

The launcher runs with the environment of the tests as its ``--venv`` and
``--skip-install`` (installing is not what this test is about; like ``make -o``),
a temporary workspace and a free port, on a machine whose every user-level Jupyter
configuration tries to switch the login token off. We check that the notebooks
are copied into the workspace and served, that JupyterLab listens on 127.0.0.1,
that a request without the token is refused, and that Ctrl+C stops the server.
"""

from __future__ import annotations

import contextlib
import json
import os
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
HOSTILE = 'c = get_config()\nc.IdentityProvider.token = ""\nc.ServerApp.token = ""\n'


def _get(url: str, token: str | None = None):
    headers = {"Authorization": f"token {token}"} if token else {}
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def _hostile_env(tmp_path: Path) -> dict:
    home = tmp_path / "home"
    for folder in (
        home / ".jupyter",
        home / ".local" / "etc" / "jupyter",
        tmp_path / "config-dir",
        tmp_path / "config-path",
    ):
        folder.mkdir(parents=True)
        for name in ("jupyter_server_config.py", "jupyter_lab_config.py"):
            (folder / name).write_text(HOSTILE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
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
        BROWSER="true",  # JupyterLab opens a browser; here it opens nothing
    )
    return env


def test_run_py_lab_serves_the_workspace_on_loopback_with_a_token(tmp_path):
    workspace = tmp_path / "vipp-course"
    port = free_port()
    env = _hostile_env(tmp_path)
    runtime = Path(env["JUPYTER_RUNTIME_DIR"])
    log_path = tmp_path / "run-py-lab.log"
    cmd = [sys.executable, str(ROOT / "run.py"), "lab", "--skip-install"]
    cmd += ["--venv", sys.prefix, "--workspace", str(workspace), "--port", str(port)]
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 90
        info = None
        while info is None:
            assert proc.poll() is None, f"run.py lab stopped:\n{log_path.read_text()}"
            assert time.monotonic() < deadline, f"no server in 90 s:\n{log_path.read_text()}"
            for path in runtime.glob("jpserver-*.json"):
                with contextlib.suppress(ValueError, OSError):
                    info = json.loads(path.read_text())
            time.sleep(0.3)
        url = f"http://127.0.0.1:{port}/"
        assert info["url"].startswith(url)
        assert Path(info["root_dir"]) == workspace
        token = info["token"]
        assert len(token) >= 32, "the server must have a login token"

        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        assert expected <= {p.name for p in workspace.glob("*.ipynb")}
        listed = {item["name"] for item in _get(url + "api/contents", token)["content"]}
        assert expected <= listed, f"not served: {expected - listed}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + "api/contents", timeout=5)
        assert refused.value.code == 403
    finally:
        # Ctrl+C in the terminal: the whole group gets SIGINT; JupyterLab asks to
        # confirm unless it gets a second one
        for _ in range(2):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            time.sleep(0.5)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            pytest.fail("run.py lab did not stop on Ctrl+C")
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=3)
