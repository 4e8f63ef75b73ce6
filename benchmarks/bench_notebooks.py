"""How long does each course notebook take to run top to bottom? (reported)

Target: every notebook well under 30 s in a fresh kernel on 2 cores.

    .venv/bin/python benchmarks/bench_notebooks.py [notebooks/NN-*.ipynb ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 30.0


def run(path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"{'notebook':45s} {'seconds':>8s}  target < {TARGET_S:.0f} s")
    worst = 0.0
    for path in paths:
        seconds = run(path)
        worst = max(worst, seconds)
        flag = "" if seconds < TARGET_S else "  MISSES TARGET"
        print(f"{path.name:45s} {seconds:8.1f}{flag}")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
