"""Start a throw-away JupyterLab server: ``with start_lab(root_dir) as lab: ...``.

Used by the browser tests, the widget-latency benchmark and any test that needs
a real server. Everything is hermetic: loopback only, a free port, a random
token, and temporary config, runtime, data, IPython and matplotlib folders (so
no setting, kernel or extension of the person running the tests leaks in).
The server is stopped through its REST API and then by its PID.

Example::

    from browser.lab import start_lab  # tests/ is on sys.path under pytest

    with start_lab(folder) as lab:
        page.goto(lab.lab_url("00-start-here.ipynb"))
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

# JupyterLab settings for unattended use (see shared notes on browser testing):
# no news/update toast over the page, every cell rendered even when off-screen,
# no autosave into the notebooks under test, the notebook's kernel started
# without a "select kernel" dialog.
OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/notebook-extension:tracker": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
    },
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: its base ``url``, login ``token`` and process ``pid``."""

    url: str
    token: str
    pid: int
    root_dir: Path

    def lab_url(self, path: str = "") -> str:
        """The URL that opens ``path`` (relative to ``root_dir``) in JupyterLab."""
        tree = f"tree/{quote(path)}" if path else ""
        return f"{self.url}lab/{tree}?token={self.token}"

    def api(self, endpoint: str, method: str = "GET", timeout: float = 10):
        """Call the REST API (``endpoint`` like ``"api/status"``); returns parsed JSON."""
        request = urllib.request.Request(
            self.url + endpoint,
            method=method,
            headers={"Authorization": f"token {self.token}"},
            data=b"" if method != "GET" else None,
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
        return json.loads(body) if body else None


ROOT = Path(__file__).resolve().parents[2]


def course_notebooks_dir() -> Path:
    """The notebooks under test: ``$COURSE_KIT_NOTEBOOKS`` if set, else ``notebooks/``."""
    return Path(os.environ.get("COURSE_KIT_NOTEBOOKS") or ROOT / "notebooks")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _log_tail(log: Path, n: int = 40) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def start_lab(
    root_dir, *, timeout: float = 60.0, extra_args=(), overrides=None
) -> Iterator[LabServer]:
    """Run JupyterLab on ``root_dir`` for the duration of the ``with`` block.

    Parameters
    ----------
    root_dir : path-like
        The folder JupyterLab serves (use a temporary copy of the notebooks:
        running them may write files).
    timeout : float
        Seconds to wait for the server to answer ``/api/status``.
    extra_args : sequence of str
        More command-line options for ``jupyter lab``.
    overrides : dict, optional
        More JupyterLab default settings (``overrides.json``), e.g. the interface language.

    Yields
    ------
    LabServer
        ``url`` (ends with ``/``), ``token``, ``pid`` and ``root_dir``.
    """
    root = Path(root_dir).resolve()
    if not root.is_dir():
        raise ValueError(f"root_dir {root} is not a folder")
    tmp = Path(tempfile.mkdtemp(prefix="ck-lab-"))
    dirs = {
        name: tmp / name for name in ("config", "runtime", "data", "ipython", "mpl", "settings")
    }
    for folder in dirs.values():
        folder.mkdir()
    settings = {**OVERRIDES, **(overrides or {})}
    (dirs["settings"] / "overrides.json").write_text(json.dumps(settings, indent=1))

    env = dict(os.environ)
    # The test session sets MPLBACKEND=Agg; a kernel that inherits it shows no plots.
    env.pop("MPLBACKEND", None)
    env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),
        IPYTHONDIR=str(dirs["ipython"]),
        MPLCONFIGDIR=str(dirs["mpl"]),
        JUPYTER_PLATFORM_DIRS="1",
        PYTHONUNBUFFERED="1",
    )
    port = free_port()
    token = secrets.token_hex(24)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.app_settings_dir={dirs['settings']}",
        "--LabApp.expose_app_in_browser=True",
        *extra_args,
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # CI and containers run as root

    log_path = tmp / "jupyter-lab.log"
    log = log_path.open("wb")
    # A new session, so that a hung server and its kernels can be stopped together.
    proc = subprocess.Popen(
        cmd, env=env, cwd=root, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    server = LabServer(url=f"http://127.0.0.1:{port}/", token=token, pid=proc.pid, root_dir=root)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(
                    f"JupyterLab exited with code {proc.returncode}:\n{_log_tail(log_path)}"
                )
            try:
                server.api("api/status", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"JupyterLab did not answer within {timeout:.0f} s:\n{_log_tail(log_path)}"
                    ) from None
                time.sleep(0.2)
        yield server
    finally:
        _stop(server, proc)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


def _stop(server: LabServer, proc: subprocess.Popen) -> None:
    """Shut down politely (kernels too), then by PID if the server hangs."""
    if proc.poll() is None:
        with contextlib.suppress(Exception):
            server.api("api/shutdown", method="POST", timeout=5)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)
    # Kernels live in the server's process group; make sure none outlives it.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
