"""Benchmark the meta-analysis engine against R's metafor.

2,000 simulated meta-analyses with k = 25 studies each are fitted with REML:

* a Python loop of :func:`course_kit.meta.meta_analysis`,
* one call of :func:`course_kit.meta.meta_analysis_many` (vectorised),
* when ``Rscript`` with metafor is available, a loop of metafor's ``rma()`` on the
  same data (written to a temporary CSV), timed inside R.

Prints per-fit times, speed ratios and the largest absolute differences from
metafor. Run on demand (never part of the test suite)::

    .venv/bin/python benchmarks/bench_meta.py [--n 2000] [--k 25]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import numpy as np

R_SCRIPT = r"""
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
ids <- unique(d$id)
split_yi <- split(d$yi, d$id)
split_vi <- split(d$vi, d$id)
tight <- list(threshold = 1e-12, tol = 1e-12, maxiter = 1000)
est <- tau2 <- rep(NA_real_, length(ids))
fails <- 0
t0 <- proc.time()[["elapsed"]]
for (i in seq_along(ids)) {
  fit <- tryCatch(rma(split_yi[[i]], split_vi[[i]], method = "REML", control = tight),
                  error = function(e) NULL)
  if (is.null(fit)) {
    # Fisher scoring oscillates: metafor's remedy is a smaller step
    fails <- fails + 1
    fit <- tryCatch(rma(split_yi[[i]], split_vi[[i]], method = "REML",
                        control = list(threshold = 1e-12, tol = 1e-12, maxiter = 10000,
                                       stepadj = 0.5)),
                    error = function(e) NULL)
  }
  if (!is.null(fit)) { est[i] <- fit$beta[1]; tau2[i] <- fit$tau2 }
}
elapsed <- proc.time()[["elapsed"]] - t0
# the same loop with metafor's default (looser) convergence control
t0 <- proc.time()[["elapsed"]]
for (i in seq_along(ids)) {
  fit <- tryCatch(rma(split_yi[[i]], split_vi[[i]], method = "REML"), error = function(e) NULL)
}
elapsed_default <- proc.time()[["elapsed"]] - t0
write.csv(data.frame(estimate = est, tau2 = tau2), args[2], row.names = FALSE)
cat(sprintf("%.6f %.6f %d %s\n", elapsed, elapsed_default, fails,
            as.character(packageVersion("metafor"))))
"""


def simulate(n: int, k: int, seed: int = 2026):
    """SYNTHETIC meta-analyses: true effect 0.3, τ² drawn per analysis, vi uniform."""
    rng = np.random.default_rng(seed)
    vi = rng.uniform(0.01, 0.2, size=(n, k))
    tau2 = rng.choice([0.0, 0.01, 0.05, 0.1], size=(n, 1))
    yi = rng.normal(0.3, np.sqrt(vi + tau2))
    return yi, vi


def run_metafor(yi, vi):
    """Return (seconds, estimates, tau2, n_failed_tight, version, seconds_default_control).

    None when Rscript or metafor is missing.
    """
    if shutil.which("Rscript") is None:
        return None
    check = subprocess.run(
        ["Rscript", "-e", "library(metafor)"], capture_output=True, text=True, check=False
    )
    if check.returncode != 0:
        return None
    import pandas as pd

    n, k = yi.shape
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.csv"
        out = Path(tmp) / "out.csv"
        script = Path(tmp) / "bench.R"
        script.write_text(R_SCRIPT)
        pd.DataFrame({"id": np.repeat(np.arange(n), k), "yi": yi.ravel(), "vi": vi.ravel()}).to_csv(
            data, index=False, float_format="%.17g"
        )
        proc = subprocess.run(
            ["Rscript", str(script), str(data), str(out)],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, seconds_default, fails, version = proc.stdout.split()[-4:]
        res = pd.read_csv(out)
    return (
        float(seconds),
        res["estimate"].to_numpy(),
        res["tau2"].to_numpy(),
        int(fails),
        version,
        float(seconds_default),
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of meta-analyses")
    parser.add_argument("--k", type=int, default=25, help="studies per meta-analysis")
    args = parser.parse_args(argv)

    from course_kit.meta import meta_analysis, meta_analysis_many

    yi, vi = simulate(args.n, args.k)
    meta_analysis(yi[0], vi[0])  # warm up imports
    meta_analysis_many(yi[:2], vi[:2])

    t0 = time.perf_counter()
    loop = [meta_analysis(y, v, method="REML") for y, v in zip(yi, vi, strict=True)]
    t_loop = time.perf_counter() - t0
    t0 = time.perf_counter()
    many = meta_analysis_many(yi, vi, method="REML")
    t_many = time.perf_counter() - t0

    est_loop = np.array([r.estimate for r in loop])
    tau2_loop = np.array([r.tau2 for r in loop])
    n = args.n
    import os

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{n} meta-analyses, k = {args.k}, REML; {os.cpu_count()} cores, load average {load}\n")
    r = run_metafor(yi, vi)
    # speed-ups are relative to metafor with its default control (the faster R loop)
    t_r = r[5] if r else None
    print(f"| {'engine':<45} | {'total (s)':>9} | {'per fit (ms)':>12} | {'speed-up':>8} |")
    print(f"|{'-' * 47}|{'-' * 11}|{'-' * 14}|{'-' * 10}|")

    def row(name, t):
        ratio = f"{t_r / t:.1f}x" if t_r else "n/a"
        print(f"| {name:<45} | {t:>9.3f} | {1000 * t / n:>12.4f} | {ratio:>8} |")

    if r:
        row(f"metafor {r[4]} rma() loop, tight control", r[0])
        row(f"metafor {r[4]} rma() loop, default control", r[5])
    row("course_kit meta_analysis() loop", t_loop)
    row("course_kit meta_analysis_many()", t_many)
    print()
    print(
        "max |loop - many|: estimate "
        f"{np.max(np.abs(est_loop - many['estimate'].to_numpy())):.2e}, tau2 "
        f"{np.max(np.abs(tau2_loop - many['tau2'].to_numpy())):.2e}"
    )
    if r:
        ok = np.isfinite(r[1])
        print(
            f"max |course_kit - metafor| over {ok.sum()} fits metafor finished: estimate "
            f"{np.max(np.abs(est_loop[ok] - r[1][ok])):.2e}, tau2 "
            f"{np.max(np.abs(tau2_loop[ok] - r[2][ok])):.2e}"
        )
        print(
            f"metafor's Fisher scoring failed with tight control in {r[3]} fits "
            "(refitted with stepadj = 0.5)"
        )
    else:
        print("Rscript with metafor not found: metafor timings skipped.")


if __name__ == "__main__":
    main()
