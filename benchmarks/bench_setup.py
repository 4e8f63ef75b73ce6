"""Time from nothing to JupyterLab answering: ``make lab`` / ``python run.py lab``.

For each way of starting (``make`` or ``run.py``) and installer (pip, or uv when it
is on PATH), the script clones the repository's committed HEAD into a temporary
folder (a clean clone: no ``.venv``), starts the command with a temporary
workspace, a free port and temporary Jupyter folders, and measures the wall-clock
time until JupyterLab's REST API answers with its token (``api/status``); then it
stops the server and starts the same command again in the same clone (the second
run: ``.venv`` exists, nothing is installed). The load average is printed with
each figure. pip's and uv's download caches are whatever this machine has (say so
when reporting: a first uv run on a machine fills uv's cache).

    .venv/bin/python benchmarks/bench_setup.py [--launcher make run.py] [--installer pip uv]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_S = 900  # per start; the script stops the command after this


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_and_wait(cmd, cwd: Path, env: dict, runtime: Path, log: Path) -> float:
    """Seconds from starting ``cmd`` until JupyterLab answers; the server is stopped."""
    start = time.monotonic()
    with log.open("ab") as out:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{cmd[0]} stopped; see {log}")
            if time.monotonic() - start > LIMIT_S:
                raise RuntimeError(f"no answer in {LIMIT_S} s; see {log}")
            for info_file in runtime.glob("jpserver-*.json"):
                with contextlib.suppress(ValueError, OSError):
                    info = json.loads(info_file.read_text())
                    request = urllib.request.Request(
                        info["url"] + "api/status",
                        headers={"Authorization": f"token {info['token']}"},
                    )
                    with contextlib.suppress(OSError):
                        with urllib.request.urlopen(request, timeout=2):
                            return time.monotonic() - start
            time.sleep(0.2)
    finally:
        for sig in (signal.SIGINT, signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, sig)
            try:
                proc.wait(timeout=10)
                break
            except subprocess.TimeoutExpired:
                continue
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for info_file in runtime.glob("jpserver-*"):
            info_file.unlink(missing_ok=True)


def measure(launcher: str, installer: str, uv: str | None) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="ck-setup-") as tmp:
        tmp = Path(tmp)
        clone = tmp / "kit"
        subprocess.run(["git", "clone", "--quiet", "--local", str(ROOT), str(clone)], check=True)
        runtime = tmp / "runtime"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "MAKE"))}
        env.pop("VIRTUAL_ENV", None)
        env.update(
            JUPYTER_RUNTIME_DIR=str(runtime),
            JUPYTER_DATA_DIR=str(tmp / "data"),
            IPYTHONDIR=str(tmp / "ipython"),
            BROWSER="true",
            WORKSPACE=str(tmp / "workspace"),
            PORT=str(free_port()),
        )
        if installer == "pip":  # hide uv
            env["PATH"] = os.pathsep.join(
                p for p in env["PATH"].split(os.pathsep) if not (Path(p) / "uv").exists()
            )
        python = shutil.which("python3", path=env["PATH"]) or sys.executable
        if launcher == "make":
            cmd = ["make", "lab", f"UV={uv or ''}" if installer == "uv" else "UV="]
        else:
            cmd = [python, "run.py", "lab"]
        log = tmp / "log.txt"
        first = start_and_wait(cmd, clone, env, runtime, log)
        env["PORT"] = str(free_port())
        second = start_and_wait(cmd, clone, env, runtime, log)
    return first, second


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launcher", nargs="+", default=["make", "run.py"])
    parser.add_argument("--installer", nargs="+", default=["pip", "uv"])
    args = parser.parse_args(argv)
    uv = shutil.which("uv")
    print(f"{os.cpu_count()} cores; clean clone of HEAD; uv: {uv or 'not installed'}")
    print(
        f"| {'command':<16} | {'installer':<9} | {'first run s':>11} | {'second run s':>12} | load |"
    )
    print(f"|{'-' * 18}|{'-' * 11}|{'-' * 13}|{'-' * 14}|------|")
    for installer in args.installer:
        if installer == "uv" and not uv:
            print("| (uv not installed: skipped) |")
            continue
        for launcher in args.launcher:
            first, second = measure(launcher, installer, uv)
            name = "make lab" if launcher == "make" else "python run.py lab"
            print(
                f"| {name:<16} | {installer:<9} | {first:>11.1f} | {second:>12.1f} "
                f"| {os.getloadavg()[0]:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
