"""Benchmark the SYNTHETIC trial simulations, the analysis and power by simulation.

Targets (from the issue; reported here, never as timed tests):

==============================================  ==========
``simulate.vipp_trial`` with 100,000 families   < 2 s
``simulate.meta_analytic_sample`` with k = 30   < 50 ms
``trials.power``: 200 trials of 160 families    a few s
==============================================  ==========

Each case runs ``--repeat`` times after one warm-up call (imports and caches); the
table shows the median and the worst time. Run on demand::

    .venv/bin/python benchmarks/bench_simulate.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time


def _time(fn, repeat: int) -> tuple[float, float]:
    fn()  # warm-up: imports, first-call caches
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from course_kit.simulate import meta_analytic_sample, vipp_trial
    from course_kit.trials import analyze, power

    big = dict(n_families=100_000, seed=1)
    cases = [
        ("vipp_trial, 100,000 families, 2 coders", lambda: vipp_trial(**big), 2.0),
        (
            "vipp_trial, 100,000 families, attrition + G x E",
            lambda: vipp_trial(
                **big, attrition=0.2, attrition_mode="pretest", susceptibility="differential"
            ),
            2.0,
        ),
        (
            "meta_analytic_sample, k = 30, file drawer 0.8",
            lambda: meta_analytic_sample(30, 0.3, 0.02, publication_bias=0.8, seed=2),
            0.05,
        ),
        ("analyze, 160 families (statsmodels)", lambda: analyze(vipp_trial(160, seed=3)), None),
        (
            "power, 200 trials of 160 families",
            lambda: power(160, 0.4, n_sims=200, seed=4, progress=False),
            5.0,
        ),
        (
            "power, 1000 trials of 400 families, 3 coders",
            lambda: power(400, 0.3, n_sims=1000, seed=5, progress=False, n_coders=3),
            None,
        ),
    ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}, load average (1 min): {load:.2f}, repeat: {args.repeat}")
    print(f"{'case':<50} {'median':>10} {'worst':>10} {'target':>8}  ok")
    missed = 0
    for name, fn, target in cases:
        median, worst = _time(fn, args.repeat)
        ok = target is None or median < target
        missed += not ok
        shown = "-" if target is None else f"{target:g} s"
        print(f"{name:<50} {median:>9.3f}s {worst:>9.3f}s {shown:>8}  {'yes' if ok else 'NO'}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
