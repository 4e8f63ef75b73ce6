"""``make lab`` end to end, without a browser: workspace init, then JupyterLab.

The server is started as ``make lab`` starts it (loopback, a token, the
participant's workspace as root), with a free port and temporary config
folders; we check the REST API answers, the course notebooks are listed, a
request without the token is refused, and the server is gone after shutdown.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser.lab import start_lab

ROOT = Path(__file__).resolve().parents[1]


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


def test_make_lab_serves_the_workspace_on_loopback_with_a_token(tmp_path):
    workspace = tmp_path / "vipp-course"
    init = subprocess.run(
        [sys.executable, "-m", "course_kit", "workspace", "init", str(workspace)],
        capture_output=True,
        text=True,
    )
    assert init.returncode == 0, init.stderr
    expected = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}

    with start_lab(workspace) as lab:
        assert lab.url.startswith("http://127.0.0.1:")
        status = lab.api("api/status")
        assert {"started", "kernels"} <= set(status)
        listed = {item["name"] for item in lab.api("api/contents")["content"]}
        assert expected <= listed, f"not served: {expected - listed}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(lab.url + "api/contents", timeout=5)
        assert refused.value.code == 403
        pid = lab.pid

    assert not _alive(pid), "JupyterLab still runs after shutdown"
