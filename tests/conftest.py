"""Shared test configuration.

* ``browser`` tests need Debian's Chromium at /usr/bin/chromium (or
  $CHROMIUM) and Python Playwright. Locally they are skipped when Chromium is
  missing; with ``CI=true`` a missing Chromium is a failure, never a skip.
* ``chromium_browser`` is one headless Chromium per test session.
* Matplotlib uses the non-interactive Agg backend in the test process.
* ``launch_lab`` starts JupyterLab the way a participant does (``make lab``,
  ``python run.py lab``) on a machine whose Jupyter configuration tries to switch
  the login token off (``hostile_jupyter_env``), and waits for the server.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import matplotlib
import pytest

# Agg for the tests themselves, set in-process: an MPLBACKEND variable would
# also reach the notebook kernels started by the tests, and hide their plots.
matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if Path(candidate).exists():
        return candidate
    return shutil.which("chromium")


def require_or_skip(ok: bool, reason: str) -> None:
    """Skip locally, fail in CI: a missing tool must never pass CI silently."""
    if ok:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: this is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """A gitignored folder for screenshots and other test artifacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian Chromium for the whole session (Playwright)."""
    path = chromium_path()
    require_or_skip(path is not None, "Chromium not found at /usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        require_or_skip(False, "Python Playwright is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def edition(monkeypatch):
    """Set the edition for one test (``edition("sv")``); the default comes back after.

    ``COURSE_KIT_LANG`` is cleared, so this machine's setting cannot change what a
    test sees.
    """
    from course_kit import i18n

    monkeypatch.delenv(i18n.ENV_LANG, raising=False)
    yield i18n.set_language
    i18n.set_language(None)


@pytest.fixture
def lang(request, edition):
    """The edition given by ``@pytest.mark.parametrize("lang", [...], indirect=True)``."""
    edition(request.param)
    return request.param


@pytest.fixture
def swedish(edition):
    """The Swedish edition for one test."""
    edition("sv")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close matplotlib figures after each test so memory stays flat."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


# --- JupyterLab started the way a participant starts it -------------------------------

HOSTILE_JUPYTER_CONFIG = 'c = get_config()\nc.IdentityProvider.token = ""\nc.ServerApp.token = ""\n'


@pytest.fixture
def hostile_jupyter_env(tmp_path) -> dict:
    """An environment whose every user-level Jupyter configuration turns the token off.

    ``~/.jupyter``, ``~/.local/etc/jupyter``, ``$JUPYTER_CONFIG_DIR`` and
    ``$JUPYTER_CONFIG_PATH`` all say ``token = ""``; the launcher must keep its
    login token all the same. Runtime, data, IPython and matplotlib folders are
    the test's own, and no browser is opened.
    """
    home = tmp_path / "home"
    for folder in (
        home / ".jupyter",
        home / ".local" / "etc" / "jupyter",
        tmp_path / "config-dir",
        tmp_path / "config-path",
    ):
        folder.mkdir(parents=True)
        for name in ("jupyter_server_config.py", "jupyter_lab_config.py"):
            (folder / name).write_text(HOSTILE_JUPYTER_CONFIG)
    # no Jupyter setting of the person running the tests, and no MAKEFLAGS of a make
    # that runs them, may reach the launcher
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
        BROWSER="true",  # the launcher opens a browser; here it opens nothing
    )
    return env


@dataclass(frozen=True)
class LaunchedLab:
    """A JupyterLab launcher running in its own process group (see ``launch_lab``)."""

    proc: subprocess.Popen
    name: str
    url: str
    log_path: Path
    runtime: Path

    def server_info(self, timeout: float = 90) -> dict:
        """The server's runtime file (``jpserver-*.json``) once it is written.

        Fails with the launcher's log when it stops or no server comes in ``timeout`` s.
        """
        deadline = time.monotonic() + timeout
        info = None
        while info is None:
            assert self.proc.poll() is None, f"{self.name} stopped:\n{self.log_path.read_text()}"
            assert time.monotonic() < deadline, (
                f"no server in {timeout:g} s:\n{self.log_path.read_text()}"
            )
            for path in self.runtime.glob("jpserver-*.json"):
                with contextlib.suppress(ValueError, OSError):  # half written
                    info = json.loads(path.read_text())
            time.sleep(0.3)
        return info

    def get(self, path: str, token: str | None = None):
        """The JSON the server answers at ``path`` (with the login token, if given)."""
        headers = {"Authorization": f"token {token}"} if token else {}
        request = urllib.request.Request(self.url + path, headers=headers)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())


@pytest.fixture
def launch_lab(tmp_path, hostile_jupyter_env):
    """``launch_lab(cmd, name, port, stdin=None)`` starts a launcher, returns a :class:`LaunchedLab`.

    It runs in the ``hostile_jupyter_env``, in a new session (so a test can stop the
    launcher and the server it starts as one process group), with its output in
    ``<name>.log``. Stopping it is the test's part: that is what each test checks.
    """

    def launch(cmd: list[str], name: str, port: int, stdin=None) -> LaunchedLab:
        log_path = tmp_path / (re.sub(r"\W+", "-", name) + ".log")  # make-lab.log
        with log_path.open("wb") as log:
            proc = subprocess.Popen(
                cmd,
                env=hostile_jupyter_env,
                stdin=stdin,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        runtime = Path(hostile_jupyter_env["JUPYTER_RUNTIME_DIR"])
        return LaunchedLab(proc, name, f"http://127.0.0.1:{port}/", log_path, runtime)

    return launch
