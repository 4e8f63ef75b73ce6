"""``make lab`` end to end, without a browser: workspace init, then JupyterLab.

The test runs the Makefile's own ``lab`` recipe (``make lab`` with a temporary
WORKSPACE and a free PORT; the install step is taken as done), on a machine whose
Jupyter configuration tries to switch the login off: ``c.IdentityProvider.token = ""``
in ``~/.jupyter``, in ``$JUPYTER_CONFIG_DIR`` and in ``$JUPYTER_CONFIG_PATH`` (the
``launch_lab`` fixture of ``conftest.py``). We check that the REST API answers with the
server's token, the course notebooks are listed, a request without the token is
refused, and the server is gone after shutdown.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser.lab import free_port

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(sys.prefix)  # the environment running the tests: make's $(VENV)


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


def test_make_lab_serves_the_workspace_on_loopback_with_a_token(tmp_path, launch_lab):
    make = shutil.which("make")
    assert make, "make is needed for `make lab`"
    workspace = tmp_path / "vipp-course"
    port = free_port()
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
    lab = launch_lab(cmd, "make lab", port)  # on a machine whose config turns the token off
    proc, url = lab.proc, lab.url
    try:
        info = lab.server_info()
        token = info["token"]
        assert info["url"].startswith(f"http://127.0.0.1:{port}/")
        assert Path(info["root_dir"]) == workspace

        assert token, "the server runs without a login token"
        status = lab.get("api/status", token)
        assert {"started", "kernels"} <= set(status)
        expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
        listed = {item["name"] for item in lab.get("api/contents", token)["content"]}
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
