"""Benchmark the meta-analysis engine against R's metafor, PyMARE and statsmodels.

The same SYNTHETIC meta-analyses (default 2,000 with k = 25 studies each) are fitted,
for each τ² method, by:

* a Python loop of :func:`course_kit.meta.meta_analysis` and one call of
  :func:`course_kit.meta.meta_analysis_many` (vectorised);
* when ``Rscript`` with metafor is installed, a loop of metafor's ``rma()`` on the
  same data (passed through a temporary CSV and timed inside R, so R's start-up is
  not counted), with metafor's default control; REML also with the tight control of
  the test fixtures (``threshold = 1e-12, tol = 1e-12``);
* when installed (test-only, optional: ``pip install pymare``), PyMARE's estimators,
  as a loop and as one call on all analyses ("parallel datasets");
* statsmodels' ``combine_effects`` (DL and PM, the τ² methods it has), as a loop.

Times are CPU seconds of the process (``time.process_time`` in Python, user + system
time in R), not wall-clock: on a shared machine they change much less with the load.
Each Python figure is the median of ``--repeat`` runs; R's loop runs once (it is long
enough to average out). The load average and core count are printed with the table.
Ratios are metafor's time divided by the engine's (higher is faster). Run on demand,
never part of the test suite::

    .venv/bin/python benchmarks/bench_meta.py [--n 2000] [--k 25] [--methods REML PM DL]
"""

from __future__ import annotations

import os

# one BLAS thread: CPU time then measures the work, not threads spinning
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

R_SCRIPT = r"""
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
methods <- strsplit(args[3], ",")[[1]]
split_yi <- split(d$yi, d$id)
split_vi <- split(d$vi, d$id)
n <- length(split_yi)
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
out <- data.frame(id = seq_len(n))
for (m in methods) {
  est <- tau2 <- rep(NA_real_, n)
  t0 <- cpu()
  for (i in seq_len(n)) {
    fit <- tryCatch(rma(split_yi[[i]], split_vi[[i]], method = m), error = function(e) NULL)
    if (!is.null(fit)) { est[i] <- fit$beta[1]; tau2[i] <- fit$tau2 }
  }
  cat(sprintf("TIME %s default %.6f %d\n", m, cpu() - t0, sum(is.na(tau2))))
  out[[paste0(m, "_default_est")]] <- est
  out[[paste0(m, "_default_tau2")]] <- tau2
}
if ("REML" %in% methods) {
  tight <- list(threshold = 1e-12, tol = 1e-12, maxiter = 1000)
  est <- tau2 <- rep(NA_real_, n)
  fails <- 0
  t0 <- cpu()
  for (i in seq_len(n)) {
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
  cat(sprintf("TIME REML tight %.6f %d\n", cpu() - t0, fails))
  out[["REML_tight_est"]] <- est
  out[["REML_tight_tau2"]] <- tau2
}
write.csv(out, args[2], row.names = FALSE)
cat(sprintf("VERSION %s %s\n", as.character(packageVersion("metafor")),
            paste(R.version$major, R.version$minor, sep = ".")))
"""

PYMARE_METHODS = {"REML", "ML", "DL", "HE"}
STATSMODELS_METHODS = {"DL": "chi2", "PM": "iterated"}


def simulate(n: int, k: int, seed: int = 2026):
    """SYNTHETIC meta-analyses: true effect 0.3, τ² drawn per analysis, vi uniform."""
    rng = np.random.default_rng(seed)
    vi = rng.uniform(0.01, 0.2, size=(n, k))
    tau2 = rng.choice([0.0, 0.01, 0.05, 0.1], size=(n, 1))
    yi = rng.normal(0.3, np.sqrt(vi + tau2))
    return yi, vi


def cpu_time(fn, repeat: int):
    """Median CPU seconds of ``repeat`` calls of ``fn`` and the last result."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def run_metafor(yi, vi, methods):
    """metafor's timings and estimates, or None when Rscript or metafor is missing."""
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
        data, out, script = Path(tmp) / "data.csv", Path(tmp) / "out.csv", Path(tmp) / "b.R"
        script.write_text(R_SCRIPT)
        pd.DataFrame({"id": np.repeat(np.arange(n), k), "yi": yi.ravel(), "vi": vi.ravel()}).to_csv(
            data, index=False, float_format="%.17g"
        )
        proc = subprocess.run(
            ["Rscript", str(script), str(data), str(out), ",".join(methods)],
            capture_output=True,
            text=True,
            check=True,
        )
        res = pd.read_csv(out)
    times, fails, version = {}, {}, ""
    for line in proc.stdout.splitlines():
        parts = line.split()
        if parts[:1] == ["TIME"]:
            times[(parts[1], parts[2])] = float(parts[3])
            fails[(parts[1], parts[2])] = int(parts[4])
        elif parts[:1] == ["VERSION"]:
            version = f"metafor {parts[1]} (R {parts[2]})"
    return {"times": times, "fails": fails, "version": version, "results": res}


def pymare_fits(method):
    """PyMARE loop and batch callables for ``method``, or None when not installed."""
    try:
        from pymare.estimators import DerSimonianLaird, Hedges, VarianceBasedLikelihoodEstimator
    except ImportError:
        return None
    if method not in PYMARE_METHODS:
        return None

    def make():
        if method in ("REML", "ML"):
            return VarianceBasedLikelihoodEstimator(method=method)
        return DerSimonianLaird() if method == "DL" else Hedges()

    def loop(yi, vi):
        X = np.ones((yi.shape[1], 1))
        return np.array(
            [
                make().fit(y=y[:, None], v=v[:, None], X=X).params_["tau2"].ravel()[0]
                for y, v in zip(yi, vi, strict=True)
            ]
        )

    def batch(yi, vi):
        X = np.ones((yi.shape[1], 1))
        return make().fit(y=yi.T, v=vi.T, X=X).params_["tau2"].ravel()

    return loop, batch


def statsmodels_loop(method):
    if method not in STATSMODELS_METHODS:
        return None
    from statsmodels.stats.meta_analysis import combine_effects

    def loop(yi, vi):
        return np.array(
            [
                combine_effects(y, v, method_re=STATSMODELS_METHODS[method]).tau2
                for y, v in zip(yi, vi, strict=True)
            ]
        )

    return loop


def time_python_engines(m, yi, vi, repeat):
    """Rows (method, engine, CPU seconds for all fits, τ² estimates or None)."""
    import statsmodels

    from course_kit.meta import meta_analysis, meta_analysis_many

    n = len(yi)
    rows = []

    def ours_loop():
        return np.array([meta_analysis(y, v, method=m).tau2 for y, v in zip(yi, vi, strict=True)])

    t, tau_loop = cpu_time(ours_loop, repeat)
    rows.append((m, "course_kit meta_analysis() loop", t, tau_loop))
    t, many = cpu_time(lambda: meta_analysis_many(yi, vi, method=m), repeat)
    rows.append((m, "course_kit meta_analysis_many()", t, many["tau2"].to_numpy()))
    pm = pymare_fits(m)
    if pm:
        loop, batch = pm
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            part = min(n, 500)  # PyMARE's loop is slow: time a part, report per fit
            t, _ = cpu_time(lambda: loop(yi[:part], vi[:part]), 1)
            rows.append((m, "PyMARE loop", t * n / part, None))
            t, tau = cpu_time(lambda: batch(yi, vi), repeat)
            rows.append((m, "PyMARE batch (parallel datasets)", t, tau))
    sm = statsmodels_loop(m)
    if sm:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its DL is not truncated at 0: sqrt of < 0
            t, tau = cpu_time(lambda: sm(yi, vi), repeat)
        rows.append((m, f"statsmodels {statsmodels.__version__} combine_effects loop", t, tau))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of meta-analyses")
    parser.add_argument("--k", type=int, default=25, help="studies per meta-analysis")
    parser.add_argument("--methods", nargs="+", default=["REML", "ML", "PM", "DL", "HE"])
    parser.add_argument("--repeat", type=int, default=3, help="runs per Python figure")
    parser.add_argument("--no-r", action="store_true", help="skip metafor")
    args = parser.parse_args(argv)
    methods = [m.upper() for m in args.methods]

    from scipy import optimize  # noqa: F401  (imported once, outside the timings)

    from course_kit.meta import meta_analysis, meta_analysis_many

    yi, vi = simulate(args.n, args.k)
    n = args.n
    for m in methods:  # warm up imports and caches
        meta_analysis(yi[0], vi[0], method=m)
        meta_analysis_many(yi[:2], vi[:2], method=m)

    load_before = os.getloadavg()
    rows = []  # (method, engine, seconds, tau2 estimates or None)
    for m in methods:
        rows += time_python_engines(m, yi, vi, args.repeat)

    r = None if args.no_r else run_metafor(yi, vi, methods)
    load_after = os.getloadavg()
    if r:
        for m in methods:
            res = r["results"]
            rows.append((m, f"{r['version']} rma() loop", r["times"][(m, "default")], None))
            if m == "REML":
                rows.append(
                    (m, f"{r['version']} rma() loop, tight control", r["times"][(m, "tight")], None)
                )
        ref = {m: r["times"][(m, "default")] for m in methods}
    else:
        ref = {}

    try:
        import pymare

        pymare_v = f"PyMARE {pymare.__version__}"
    except ImportError:
        pymare_v = "PyMARE not installed"
    print(
        f"{n} SYNTHETIC meta-analyses, k = {args.k}; CPU time per fit; {os.cpu_count()} cores; "
        f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after "
        f"(1-minute); {pymare_v}; numpy {np.__version__}\n"
    )
    print(
        f"| {'method':<6} | {'engine':<52} | {'µs per fit':>10} | {'× metafor':>9} "
        f"| {'max |Δτ²| vs loop':>17} |"
    )
    print(f"|{'-' * 8}|{'-' * 54}|{'-' * 12}|{'-' * 11}|{'-' * 19}|")
    taus = {m: tau for (m, e, _, tau) in rows if e.endswith("meta_analysis() loop")}
    for m, engine, t, tau in rows:
        ratio = f"{ref[m] / t:.1f}" if m in ref else "n/a"
        diff = f"{np.nanmax(np.abs(tau - taus[m])):.1e}" if tau is not None else ""
        print(f"| {m:<6} | {engine:<52} | {1e6 * t / n:>10.1f} | {ratio:>9} | {diff:>17} |")

    print("\nOurs against the fastest peer loop (peer CPU time / ours; > 1 means ours is faster):")
    for m in methods:
        ours = next(t for (mm, e, t, _) in rows if mm == m and e.endswith("() loop"))
        peers = [
            (t, e)
            for (mm, e, t, _) in rows
            if mm == m
            and "loop" in e
            and not e.startswith("course_kit")
            and "tight" not in e
            and not e.startswith("metafor")
        ]
        if peers:
            t, e = min(peers)
            print(f"  {m}: {t / ours:.1f}x ahead of {e}")
    if r:
        res = r["results"]
        print(
            "\nmax |course_kit − metafor| (REML, tight control, all fits): estimate "
            f"{np.nanmax(np.abs(res['REML_tight_est'].to_numpy() - _est(meta_analysis, yi, vi))):.1e}"
            if "REML" in methods
            else ""
        )
        if "REML" in methods:
            print(
                "                                                         tau2     "
                f"{np.nanmax(np.abs(res['REML_tight_tau2'].to_numpy() - taus['REML'])):.1e}"
            )
            print(
                f"metafor's Fisher scoring stopped without converging under the tight control in "
                f"{r['fails'][('REML', 'tight')]} fits (refitted with stepadj = 0.5)."
            )
        for m in methods:
            if r["fails"][(m, "default")]:
                print(f"metafor {m} (default control) failed in {r['fails'][(m, 'default')]} fits.")
    else:
        print("\nRscript with metafor not found: metafor timings skipped.")


def _est(meta_analysis, yi, vi):
    return np.array([meta_analysis(y, v).estimate for y, v in zip(yi, vi, strict=True)])


if __name__ == "__main__":
    main()
