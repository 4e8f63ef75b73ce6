"""``python run.py lab`` (the launcher for machines without make), tested like ``make lab``.

The launcher runs with the environment of the tests as its ``--venv`` and
``--skip-install`` (installing is not what this test is about; like ``make -o``),
a temporary workspace and a free port, on a machine whose every user-level Jupyter
configuration tries to switch the login token off (the ``launch_lab`` fixture of
``conftest.py``). We check that the notebooks are copied into the workspace and
served, that JupyterLab listens on 127.0.0.1, that a request without the token is
refused, and that Ctrl+C stops the server.
"""

from __future__ import annotations

import contextlib
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


def test_run_py_lab_serves_the_workspace_on_loopback_with_a_token(tmp_path, launch_lab):
    workspace = tmp_path / "vipp-course"
    port = free_port()
    cmd = [sys.executable, str(ROOT / "run.py"), "lab", "--skip-install"]
    cmd += ["--venv", sys.prefix, "--workspace", str(workspace), "--port", str(port)]
    lab = launch_lab(cmd, "run.py lab", port)  # on a machine whose config turns the token off
    proc = lab.proc
    try:
        info = lab.server_info()
        url = lab.url
        assert info["url"].startswith(url)
        assert Path(info["root_dir"]) == workspace
        token = info["token"]
        assert len(token) >= 32, "the server must have a login token"

        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        assert expected <= {p.name for p in workspace.glob("*.ipynb")}
        listed = {item["name"] for item in lab.get("api/contents", token)["content"]}
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
