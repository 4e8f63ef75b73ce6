"""Time from nothing to JupyterLab answering: ``make lab`` / ``python run.py lab``.

For each way of starting (``make`` or ``run.py``) and installer (pip, or uv when it
is on PATH), the script clones the repository's committed HEAD into a temporary
folder (a clean clone: no ``.venv``), starts the command with a temporary
workspace, a free port and temporary Jupyter folders, and measures the wall-clock
time until JupyterLab's REST API answers with its token (``api/status``); then it
stops the server, times what the first code cell of a course notebook imports (in
a fresh Python of the new environment, as a kernel would), and starts the same
command again in the same clone (the second run: ``.venv`` exists, nothing is
installed). Each step is printed as wall clock / CPU seconds (user + system of all
its processes: comparable under load) with the 1-minute load average when it ended.
``--installer uv-compile`` is uv compiling every module up front, as the kit installed
for a while (uv's own ``UV_COMPILE_BYTECODE=1``; its default is not to compile). pip's and uv's download
caches are whatever this machine has (say so when reporting: a first uv run on a
machine fills uv's cache).

    .venv/bin/python benchmarks/bench_setup.py [--launcher make run.py] [--installer pip uv uv-compile]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
LIMIT_S = 900  # per start; the script stops the command after this
# What the first code cell of a course notebook imports, in a fresh Python of the new
# environment (as a kernel would): fast when the install compiled the bytecode.
FIRST_CELL = (
    "import ipykernel.kernelapp, course_kit as ck, matplotlib.pyplot\n"
    "from course_kit import teaching\n"
    "from course_kit.exercises import exercise\n"
    "ck.style.use_course_style()"
)


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # user + system seconds of every process of the step
    load: float  # 1-minute load average when the step ended


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


def cpu_of_children() -> float:
    """User + system CPU seconds of this script's finished child processes (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(step) -> Run:
    cpu, start = cpu_of_children(), time.monotonic()
    step()
    return Run(time.monotonic() - start, cpu_of_children() - cpu, os.getloadavg()[0])


def measure(launcher: str, installer: str, uv: str | None) -> list[Run]:
    """The first start, the first notebook's imports, and the second start."""
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
        if installer == "uv-compile":  # uv reads this as --compile-bytecode, in both launchers
            env["UV_COMPILE_BYTECODE"] = "1"
        else:
            env.pop("UV_COMPILE_BYTECODE", None)
        if installer == "pip":  # hide uv
            env["PATH"] = os.pathsep.join(
                p for p in env["PATH"].split(os.pathsep) if not (Path(p) / "uv").exists()
            )
        python = shutil.which("python3", path=env["PATH"]) or sys.executable
        if launcher == "make":
            cmd = ["make", "lab", "UV=" if installer == "pip" else f"UV={uv}"]
        else:
            cmd = [python, "run.py", "lab"]
        log = tmp / "log.txt"
        first = timed(lambda: start_and_wait(cmd, clone, env, runtime, log))
        imports = [str(clone / ".venv" / "bin" / "python"), "-c", FIRST_CELL]
        first_cell = timed(lambda: subprocess.run(imports, cwd=tmp, env=env, check=True))
        env["PORT"] = str(free_port())
        second = timed(lambda: start_and_wait(cmd, clone, env, runtime, log))
    return [first, first_cell, second]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--launcher", nargs="+", default=["make", "run.py"])
    parser.add_argument(
        "--installer", nargs="+", default=["pip", "uv"], choices=["pip", "uv", "uv-compile"]
    )
    args = parser.parse_args(argv)
    uv = shutil.which("uv")
    print(f"{os.cpu_count()} cores; clean clone of HEAD; uv: {uv or 'not installed'}")
    print("seconds wall clock / CPU (1-minute load average at the end)")
    print("| command | installer | first run | first notebook's imports | second run | UTC |")
    print("|---|---|---|---|---|---|")
    for installer in args.installer:
        if installer != "pip" and not uv:
            print(f"| (uv not installed: {installer} skipped) |")
            continue
        for launcher in args.launcher:
            runs = measure(launcher, installer, uv)
            name = "make lab" if launcher == "make" else "python run.py lab"
            cells = " | ".join(f"{r.wall:.1f} / {r.cpu:.1f} ({r.load:.1f})" for r in runs)
            print(
                f"| {name} | {installer} | {cells} | {time.strftime('%H:%M', time.gmtime())} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
