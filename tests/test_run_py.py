"""``python run.py lab`` (the launcher for machines without make), tested like ``make lab``.

The launcher runs with the environment of the tests as its ``--venv`` and
``--skip-install`` (installing is not what this test is about; like ``make -o``),
a temporary workspace and a free port, on a machine whose every user-level Jupyter
configuration tries to switch the login token off (the ``launch_lab`` fixture of
``conftest.py``). We check that the notebooks are copied into the workspace and
served, that JupyterLab listens on 127.0.0.1, that a request without the token is
refused, and that Ctrl+C in a terminal stops the server as with ``make lab``: the
first asks to confirm, the second shuts JupyterLab down (its runtime file removed).
The last tests compare what the two launchers run.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pty
import shlex
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
    # in a terminal (JupyterLab asks before it stops) on a machine whose config turns the token off
    terminal, stdin = pty.openpty()
    lab = launch_lab(cmd, "run.py lab", port, stdin=stdin)
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

        # Ctrl+C in the terminal: the whole group gets SIGINT. As with make lab,
        # JupyterLab only asks to confirm and runs on...
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(1.5)
        assert proc.poll() is None and "started" in lab.get("api/status", token)
    finally:
        # ...until a second Ctrl+C, which shuts it down
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            pytest.fail("run.py lab did not stop on Ctrl+C")
        finally:
            os.close(terminal)
            os.close(stdin)
    assert not list(lab.runtime.glob(f"jpserver-{info['pid']}*")), "JupyterLab did not shut down"
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=3)


def _load_run_py():
    spec = importlib.util.spec_from_file_location("run_py", ROOT / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _python_token(token: str) -> str:
    # the Python that sets up: make's $(PYTHON) (or its sys.executable), run.py's own
    return "<python>" if token in {"python3", sys.executable} or token.startswith("$(") else token


@pytest.mark.parametrize("uv", ["/opt/uv/bin/uv", ""], ids=["uv", "pip"])
def test_run_py_sets_up_with_the_same_commands_as_make(tmp_path, monkeypatch, uv):
    venv = tmp_path / "venv"
    venv.mkdir()
    # `make -n` prints the setup recipes (environment, then install) without running them
    printed = subprocess.run(
        [
            "make",
            "-n",
            "--no-print-directory",
            f"VENV={venv}",
            f"UV={uv}",
            "PYTHON=python3",
            f"{venv}/.installed-lab",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    by_make = [
        [_python_token(t.replace(".[", f"{ROOT}[", 1) if t.startswith(".[") else t) for t in cmd]
        for cmd in map(shlex.split, printed.splitlines())
        if cmd[0] != "touch" and "sys.exit" not in " ".join(cmd)
    ]
    run_py = _load_run_py()
    by_run_py = []
    monkeypatch.setattr(run_py, "run", lambda cmd: by_run_py.append([str(c) for c in cmd]))
    run_py.ensure_installed(venv, "lab", uv or None)
    assert [[_python_token(t) for t in cmd] for cmd in by_run_py] == by_make
    installs = [cmd for cmd in by_make if "install" in cmd and "-e" in cmd]
    # Neither compiles every module up front with uv (4-5 times longer first start for
    # 1-2 s saved later, benchmarks/README.md); pip compiles by default and is left so.
    assert len(installs) == 1 and "--compile-bytecode" not in installs[0]
    assert "--no-compile" not in installs[0]
    assert (venv / ".installed-lab").exists()


@pytest.mark.parametrize("lang", [None, "sv", "nb", "en"])
def test_run_py_starts_jupyterlab_as_make_lab_does(tmp_path, lang):
    # Both launchers run on a stand-in environment whose tools write down how they were
    # called (arguments, and the variables that decide the login and the language).
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    log = tmp_path / "calls.txt"
    seen = " ".join(
        f"{v}=${{{v}-unset}}" for v in ("LANG", "JUPYTER_CONFIG_DIR", "PYTHONNOUSERSITE")
    )
    seen += " " + " ".join(f"{v}=${{{v}-unset}}" for v in _load_run_py().JUPYTER_UNSET)
    for name in ("course-kit", "jupyter"):
        script = venv / "bin" / name
        script.write_text(f'#!/bin/sh\necho "{name} $* | {seen}" >> "{log}"\n')
        script.chmod(0o755)
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "LANG": "de_DE.UTF-8"}
    env.update(dict.fromkeys(_load_run_py().JUPYTER_UNSET, "set-by-the-user"))
    common = [f"{tmp_path}/ws", "8899"]
    make = ["make", "-C", str(ROOT), "-o", f"{venv}/.installed-lab", "lab", f"VENV={venv}"]
    make += [f"WORKSPACE={common[0]}", f"PORT={common[1]}"] + ([f"LANG={lang}"] if lang else [])
    run_py = [sys.executable, str(ROOT / "run.py"), "lab", "--skip-install", "--venv", str(venv)]
    run_py += ["--workspace", common[0], "--port", common[1]] + (["--lang", lang] if lang else [])
    calls = []
    for cmd in (make, run_py):
        log.unlink(missing_ok=True)
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        # the same calls; the order of JupyterLab's options does not matter
        calls.append([sorted(line.split()) for line in log.read_text().splitlines()])
    assert calls[0] == calls[1]
    assert len(calls[0]) == 3  # workspace init, lab-language, jupyter lab
    jupyter = " ".join(calls[0][2])
    expected_lang = {None: "de_DE.UTF-8", "sv": "sv_SE.UTF-8", "nb": "nb_NO.UTF-8"}
    assert f"LANG={expected_lang.get(lang, 'C.UTF-8')}" in jupyter
    assert "JUPYTER_TOKEN=unset" in jupyter and "PYTHONNOUSERSITE=1" in jupyter
