"""Set up and start the course kit without ``make`` (standard library only).

    python run.py lab     # = make lab: set up, copy the notebooks, open JupyterLab
    python run.py lab --lang sv   # = make lab LANG=sv: the Swedish edition (nb: Norwegian)
    python run.py test    # = make test: set up and run every test
    py run.py lab         # the same on Windows

What it does is what the Makefile does: create ``.venv`` once; install the kit with
the extra the command needs ("lab" or "test") only when ``pyproject.toml`` is newer
than the stamp ``.venv/.installed-<extra>`` (the same stamps as ``make``, so the two
can be mixed); ``lab`` then copies the course notebooks into your workspace
(``course-kit workspace init``, never overwriting your edits) and starts JupyterLab
on 127.0.0.1 with a login token, reading Jupyter settings only from the kit's own
folder so that no user setting can switch the token off. When ``uv`` is installed
it creates the environment and installs with it (several times faster); otherwise
it uses ``venv`` and pip.

Settings, as for ``make``: environment variables ``WORKSPACE`` (default
``~/vipp-course``), ``PORT`` (8888), ``VENV`` (``.venv``), ``PYTEST_ARGS``; or the
options below (``python run.py --help``).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
WINDOWS = os.name == "nt"
# Jupyter settings that could switch the login off or point at other config files;
# the course server never inherits them (see the Makefile's lab recipe).
JUPYTER_UNSET = (
    "JUPYTER_CONFIG_PATH",
    "JUPYTER_PREFER_ENV_PATH",
    "JUPYTER_NO_CONFIG",
    "JUPYTER_TOKEN",
    "JUPYTER_TOKEN_FILE",
)
# The locale (LANG) of each edition, as the Makefile's `make lab LANG=...` sets it.
LOCALES = {"en": "C.UTF-8", "sv": "sv_SE.UTF-8", "nb": "nb_NO.UTF-8"}


def say(message: str) -> None:
    print(f"[run.py] {message}", flush=True)


def fail(message: str) -> None:
    print(f"[run.py] {message}", file=sys.stderr, flush=True)
    raise SystemExit(1)


def run(cmd, **kwargs) -> None:
    say(" ".join(shlex.quote(str(c)) for c in cmd))
    result = subprocess.run([str(c) for c in cmd], check=False, **kwargs)
    if result.returncode != 0:
        fail(f"this step failed (exit code {result.returncode}); see the messages above.")


def call(cmd, **kwargs) -> int:
    """Run the program the command is for (JupyterLab, pytest) to its end; its exit code.

    Ctrl+C reaches the program too: JupyterLab asks to confirm and a second Ctrl+C
    shuts it and its kernels down; pytest prints what it found. Wait for that, as make
    does (``subprocess.call`` would kill the program a quarter of a second later).
    """
    say(" ".join(shlex.quote(str(c)) for c in cmd))
    process = subprocess.Popen([str(c) for c in cmd], **kwargs)
    while True:
        try:
            code = process.wait()
        except KeyboardInterrupt:
            continue
        return code if code >= 0 else 128 - code  # killed by signal N: 128 + N, as a shell says


def bin_dir(venv: Path) -> Path:
    return venv / ("Scripts" if WINDOWS else "bin")


def tool(venv: Path, name: str) -> Path:
    return bin_dir(venv) / (name + (".exe" if WINDOWS else ""))


def ensure_venv(venv: Path, uv: str | None) -> Path:
    """Create the environment once (as the Makefile's ``$(BIN)/python`` target)."""
    if sys.version_info < (3, 11):  # noqa: UP036 (run.py runs on whatever Python is there)
        fail(f"Python 3.11 or newer is needed (found {sys.version.split()[0]}).")
    python = tool(venv, "python")
    if python.exists():
        return python
    if uv:
        # --seed puts pip into the environment too, so `make` can use it later
        run([uv, "venv", "--quiet", "--seed", "--python", sys.executable, venv])
    else:
        run([sys.executable, "-m", "venv", venv])
        run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    return python


def ensure_installed(venv: Path, extra: str, uv: str | None, skip: bool = False) -> None:
    """Install the kit with ``extra`` when pyproject.toml is newer than the stamp."""
    if skip:  # --skip-install (tests): like `make -o $(VENV)/.installed-lab`
        return
    python = ensure_venv(venv, uv)
    stamp = venv / f".installed-{extra}"
    pyproject = ROOT / "pyproject.toml"
    if stamp.exists() and stamp.stat().st_mtime >= pyproject.stat().st_mtime:
        return
    target = f"{ROOT}[{extra}]"
    if uv:
        # No --compile-bytecode (uv's default): compiling every module up front made the
        # first start 4-5 times longer for 1-2 s saved later (benchmarks/README.md); the
        # modules a course uses are compiled on first import and kept in .venv.
        run([uv, "pip", "install", "--quiet", "--python", python, "-e", target])
    else:
        run([python, "-m", "pip", "install", "--quiet", "-e", target])
    stamp.touch()


def lab_env(venv: Path, base: dict) -> dict:
    """The environment JupyterLab runs in: the kit's own Jupyter config folder only."""
    env = {k: v for k, v in base.items() if k not in JUPYTER_UNSET}
    config = venv.resolve() / "jupyter-config"
    config.mkdir(parents=True, exist_ok=True)
    env["JUPYTER_CONFIG_DIR"] = str(config)
    env["PYTHONNOUSERSITE"] = "1"
    return env


def lab(args, uv: str | None) -> int:
    venv = args.venv
    ensure_installed(venv, "lab", uv, args.skip_install)
    workspace = Path(args.workspace).expanduser()
    lang = ["--lang", args.lang] if args.lang else []
    env = dict(os.environ)
    if args.lang:  # as `make lab LANG=sv`: the steps below get the edition's locale name
        env["LANG"] = LOCALES[args.lang]
    run([tool(venv, "course-kit"), "workspace", "init", workspace, *lang], env=env)
    run([tool(venv, "course-kit"), "lab-language", "--workspace", workspace], env=env)
    cmd = [
        tool(venv, "jupyter"),
        "lab",
        "--ip=127.0.0.1",
        f"--port={args.port}",
        f"--ServerApp.root_dir={workspace}",
    ]
    if not WINDOWS and os.geteuid() == 0:
        cmd.insert(2, "--allow-root")  # JupyterLab refuses root unless told (CI, containers)
    return call(cmd, env=lab_env(venv, env))


def test(args, uv: str | None) -> int:
    venv = args.venv
    ensure_installed(venv, "test", uv, args.skip_install)
    node_bin = venv / "node" / "node_modules" / ".bin"
    npm = shutil.which("npm")
    if not (node_bin / "configurable-http-proxy").exists():
        if npm:  # configurable-http-proxy (Node) for the JupyterHub tests, inside .venv
            node = venv / "node"
            run(
                [
                    npm,
                    "install",
                    "--silent",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    node,
                    "configurable-http-proxy@4",
                ]
            )
        else:
            say("npm not found: the JupyterHub tests will be skipped (they fail in CI)")
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join(
        [str(node_bin.resolve()), str(bin_dir(venv).resolve()), env.get("PATH", "")]
    )
    pytest_args = args.pytest_args or shlex.split(os.environ.get("PYTEST_ARGS", ""))
    return call([tool(venv, "python"), "-m", "pytest", *pytest_args], env=env, cwd=ROOT)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="run.py",
        description="Set up and start the course kit (what `make` does).",
        allow_abbrev=False,
    )
    parser.add_argument("command", choices=["lab", "test"])
    parser.add_argument(
        "--workspace",
        default=os.environ.get("WORKSPACE") or str(Path.home() / "vipp-course"),
        help="your notebook folder (default ~/vipp-course)",
    )
    parser.add_argument(
        "--lang",
        choices=["en", "sv", "nb"],
        default=None,
        help="the course's language: en, sv (svenska) or nb (norsk bokmål); "
        "default: the workspace's, else English (= make lab LANG=sv)",
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8888))
    parser.add_argument("--venv", type=Path, default=Path(os.environ.get("VENV") or ROOT / ".venv"))
    parser.add_argument(
        "--no-uv", action="store_true", help="use venv and pip even when uv is installed"
    )
    parser.add_argument(
        "--skip-install", action="store_true", help="take the environment as set up (tests)"
    )
    # anything else after `test` goes to pytest, e.g. `python run.py test tests/test_meta_model.py -x`
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "test":
        parser.error(f"unknown option(s) for lab: {' '.join(rest)}")
    args.pytest_args = [a for a in rest if a != "--"] if rest else []
    if not args.venv.is_absolute():
        args.venv = ROOT / args.venv
    uv = None if args.no_uv else shutil.which("uv")
    return lab(args, uv) if args.command == "lab" else test(args, uv)


if __name__ == "__main__":
    sys.exit(main())
