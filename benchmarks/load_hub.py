"""Load test: N participants log in to one JupyterHub and run a course notebook at once.

What it measures, for each N (a fresh hub each time, so first logins are included):

* time to first output: from "start my server" to the first code cell's reply
  (server start + kernel start + first cell), per participant;
* time to run the whole notebook (Run All, from "start my server");
* widget round-trip: after Run All each participant moves the notebook's main
  widget (CSS class ``ck-main-widget``) once every ``--move-every`` seconds for
  ``--move-seconds``, over the kernel websocket as the browser does (a comm
  ``update`` message), and we time each move until the kernel has sent every
  reaction (new picture or output) and is idle again: median and 95th percentile
  over all moves of the round;
* memory per participant once everybody has run the notebook and still has the
  kernel open (as during a course day): RSS and PSS of the single-user server
  plus its kernel, read from /proc, and the machine's used memory (MemTotal -
  MemAvailable) above the idle hub, divided by N;
* CPU: seconds of CPU each participant's processes used, and the machine's
  average and peak CPU use during the round;
* failures: a participant fails if a cell raised, a step took longer than the round's
  time limit, or their kernel died or was restarted by the server at any moment (the
  server's ``restarting`` / ``dead`` status on the kernel websocket, which JupyterLab
  shows the participant), even if the notebook then ran. Each
  failure is named under the table, with why.

Loopback only; every round has a time limit (``--round-seconds``), N is capped at
40, and the hub, proxy, servers and kernels are stopped by process id at the end.

Usage::

    python benchmarks/load_hub.py --users 10 20 30      # notebook 07
    python benchmarks/load_hub.py --users 10 --notebook 07-meta-analysis-of-vipp-trials.ipynb \
        08-differential-susceptibility.ipynb
    python benchmarks/load_hub.py --write-docs docs/hosting.md   # update the sizing table

``--notebook`` is a file name in the participant's workspace: use the heaviest
course notebook. configurable-http-proxy must be on PATH (``make test`` installs it
into .venv/node; this script also looks there).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))
from localhub import LOCAL_CHP_DIR, LocalHub, find_chp  # noqa: E402

WORKSPACE = "vipp-course"
MAX_USERS = 40
MIB = 1024**2


@dataclass
class Participant:
    name: str
    spawn_s: float = math.nan
    first_result_s: float = math.nan
    notebook_s: float = math.nan
    rss_mib: float = math.nan
    pss_mib: float = math.nan
    cpu_s: float = math.nan
    moves_s: list[float] = field(default_factory=list)  # widget round-trips
    kernel_events: list[str] = field(default_factory=list)  # restarts, death
    error: str = ""


@dataclass
class Round:
    users: int
    notebook: str
    participants: list[Participant] = field(default_factory=list)
    hub_proxy_rss_mib: float = math.nan
    hub_proxy_cpu_s: float = math.nan
    machine_cpu_s: float = math.nan  # busy CPU-seconds of the whole machine in the round
    wall_s: float = math.nan
    timed_out: bool = False
    started: str = ""  # UTC time the round started
    load_before: float = math.nan  # 1-minute load average when it started (other programs)

    def ok(self) -> list[Participant]:
        return [p for p in self.participants if not p.error]

    def stat(self, attr: str, how=statistics.median) -> float:
        values = [getattr(p, attr) for p in self.ok() if not math.isnan(getattr(p, attr))]
        return how(values) if values else math.nan

    def moves_ms(self, q: float) -> float:
        """Quantile ``q`` of every widget round-trip of the round, in ms."""
        values = sorted(m for p in self.ok() for m in p.moves_s)
        if not values:
            return math.nan
        return 1000 * values[min(len(values) - 1, math.ceil(q * len(values)) - 1)]

    @property
    def n_moves(self) -> int:
        return sum(len(p.moves_s) for p in self.ok())

    @property
    def course_cpu_s(self) -> float:
        return self.hub_proxy_cpu_s + sum(
            p.cpu_s for p in self.participants if not math.isnan(p.cpu_s)
        )

    @property
    def course_cores(self) -> float:
        """Cores kept busy by the hub, proxy, servers and kernels (mean over the round)."""
        return self.course_cpu_s / self.wall_s

    @property
    def other_cores(self) -> float:
        """Cores used by other programs meanwhile (a busy machine slows the round)."""
        return max(0.0, self.machine_cpu_s - self.course_cpu_s) / self.wall_s


def machine_busy_s() -> float:
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def tree(proc: psutil.Process) -> list[psutil.Process]:
    with contextlib.suppress(psutil.NoSuchProcess):
        return [proc, *proc.children(recursive=True)]
    return []


def cpu_s(proc: psutil.Process) -> float:
    """CPU seconds of a process, including its finished children (e.g. workspace init)."""
    with contextlib.suppress(psutil.NoSuchProcess):
        t = proc.cpu_times()
        return t.user + t.system + t.children_user + t.children_system
    return 0.0


def measure_tree(proc: psutil.Process) -> tuple[float, float, float]:
    """RSS and PSS (MiB) and CPU seconds of a server and its kernel(s)."""
    rss = pss = cpu = 0.0
    for p in tree(proc):
        with contextlib.suppress(psutil.NoSuchProcess):
            full = p.memory_full_info()
            rss += full.rss / MIB
            pss += full.pss / MIB
            cpu += cpu_s(p)
    return rss, pss, cpu


def hub_and_proxy(hub, servers) -> list[psutil.Process]:
    server_pids = {k.pid for s in servers.values() for k in tree(s)}
    return [psutil.Process(hub.proc.pid)] + [
        c for c in hub.descendants() if c.pid not in server_pids
    ]


def main_widget(comms: dict) -> tuple[str, dict] | None:
    """The comm id and state of the notebook's main widget (CSS class ck-main-widget)."""
    for comm_id, data in comms.items():
        state = data.get("state", {})
        if "ck-main-widget" in state.get("_dom_classes", ()):
            return comm_id, state
    return None


def move(state: dict, rng: random.Random) -> dict:
    """A new value for a slider or dropdown, different from its current one."""
    if "index" in state and "_options_labels" in state:  # SelectionSlider, Dropdown
        n = len(state["_options_labels"])
        new = rng.choice([i for i in range(n) if i != state["index"]] or [0])
        state["index"] = new
        return {"index": new}
    lo, hi, step = state["min"], state["max"], state.get("step") or 1
    n = round((hi - lo) / step)
    current = round((state["value"] - lo) / step)
    k = rng.choice([i for i in range(n + 1) if i != current] or [0])
    value = round(lo + k * step, 10)
    state["value"] = value
    return {"value": value}


async def move_widget(p: Participant, kernel, seconds: float, every: float, timeout: float):
    """Move the main widget once every ``every`` seconds for ``seconds`` (random phase),
    over the kernel websocket as the browser does, timing each round-trip."""
    found = main_widget(kernel.comms)
    if found is None:
        raise RuntimeError("no main widget (ck-main-widget) found")
    comm_id, state = found
    rng = random.Random(p.name)
    await asyncio.sleep(rng.uniform(0, every))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        due = time.monotonic() + every
        data = {"method": "update", "state": move(state, rng), "buffer_paths": []}
        p.moves_s.append(await kernel.comm_roundtrip(comm_id, data, timeout))
        await asyncio.sleep(max(0.0, due - time.monotonic()))


def problem_note(hub, name: str) -> str:
    """What `course-kit workspace init` reported (its problem file), what the
    workspace holds and the hub log's last lines about this participant."""
    notes = []
    for folder in (hub.home(name) / WORKSPACE, hub.home(name)):
        path = folder / "COURSE-KIT-PROBLEM.txt"
        with contextlib.suppress(OSError):
            notes.append(f"workspace init: {path.read_text().strip()[:300]}")
    workspace = hub.home(name) / WORKSPACE
    files = sorted(p.name for p in workspace.iterdir()) if workspace.is_dir() else None
    notes.append(f"{workspace} holds {files}")
    with contextlib.suppress(OSError):
        lines = hub.log_path.read_text(errors="replace").splitlines()
        about = [ln[:200] for ln in lines if name in ln or "rror" in ln][-12:]
        notes.append("hub log: " + " | ".join(about))
    return " [" + "; ".join(notes) + "]"


async def participant(hub, p: Participant, notebook: str, all_done, release, timeout, widget):
    """One participant: log in (token), start the server, open and run the notebook,
    move its main widget for a while (``widget = (seconds, every)``), then keep the
    kernel open until everybody is done (so memory can be measured)."""

    async def wait_for_everybody(cells, kernel):
        p.first_result_s = cells[0].finished_at - t0 if cells else math.nan
        p.notebook_s = cells[-1].finished_at - t0 if cells else math.nan
        errors = [f"cell {c.index}: {c.error}" for c in cells if c.error]
        p.error = errors[0] if errors else ""
        if not p.error and widget[0] > 0:
            try:
                await move_widget(p, kernel, widget[0], widget[1], timeout)
            except Exception as err:
                p.error = f"widget: {type(err).__name__}: {err}"[:200]
        # A kernel that died and was restarted by the server (before or during the run)
        # is a failure even if the notebook then ran: the participant was told the kernel
        # restarted and lost what it held. (One that restarts in the middle of
        # a cell or a move fails that cell or move: run_notebook raises.)
        p.kernel_events = kernel.event_notes(t0)
        if p.kernel_events:
            p.error = "; ".join(p.kernel_events) + (f" ({p.error})" if p.error else "")
        all_done()
        await release.wait()

    try:
        token = await hub.add_user(p.name)
        t0 = time.monotonic()
        p.spawn_s = await hub.start_server(p.name, timeout=timeout)
        await hub.run_notebook(
            p.name,
            token,
            f"{WORKSPACE}/{notebook}",
            cell_timeout=timeout,
            before_close=wait_for_everybody,
        )
    except asyncio.CancelledError:
        raise
    except Exception as err:  # reported in the table, the round goes on
        p.error = p.error or f"{type(err).__name__}: {err}"[:200] + problem_note(hub, p.name)[:3000]
        all_done()


async def run_round(hub, n: int, notebook: str, round_seconds: float, widget) -> Round:
    rnd = Round(users=n, notebook=notebook)
    rnd.participants = [Participant(f"p{i:02d}") for i in range(1, n + 1)]
    await asyncio.sleep(2)  # let the freshly started hub settle
    rnd.started = time.strftime("%H:%M UTC", time.gmtime())
    rnd.load_before = psutil.getloadavg()[0]
    hub_cpu0 = sum(cpu_s(p) for p in hub_and_proxy(hub, {}))
    busy0 = machine_busy_s()
    release = asyncio.Event()
    done = asyncio.Semaphore(0)
    t0 = time.monotonic()
    tasks = [
        asyncio.ensure_future(
            participant(hub, p, notebook, done.release, release, round_seconds, widget)
        )
        for p in rnd.participants
    ]
    try:
        async with asyncio.timeout(round_seconds):
            for _ in range(n):
                await done.acquire()
    except TimeoutError:
        rnd.timed_out = True
    rnd.wall_s = time.monotonic() - t0
    rnd.machine_cpu_s = machine_busy_s() - busy0
    # Everybody has run the notebook and still has its kernel open: measure now.
    servers = hub.server_processes()
    for p in rnd.participants:
        if p.name in servers:
            p.rss_mib, p.pss_mib, p.cpu_s = measure_tree(servers[p.name])
        elif not p.error:
            p.error = "server process not found"
    others = hub_and_proxy(hub, servers)
    rnd.hub_proxy_cpu_s = sum(cpu_s(p) for p in others) - hub_cpu0
    rnd.hub_proxy_rss_mib = sum(p.memory_info().rss for p in others) / MIB
    release.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return rnd


def table(rounds: list[Round]) -> str:
    rows = [
        "| notebook | N | ok | started (load) | server start s | first output s (median / max) "
        "| Run All s (median / max) | widget round-trip ms (median / p95; moves) "
        "| PSS MiB per participant (median / max) | RSS MiB per participant "
        "| CPU s per participant | hub + proxy RSS MiB "
        "| cores busy: course / other programs |",
        "|" + "---|" * 13,
    ]
    for r in rounds:
        rows.append(
            f"| {r.notebook[:2]} | {r.users} "
            f"| {len(r.ok())}/{r.users}{' (time limit)' if r.timed_out else ''} "
            f"| {r.started} ({r.load_before:.1f}) "
            f"| {r.stat('spawn_s'):.1f} "
            f"| {r.stat('first_result_s'):.1f} / {r.stat('first_result_s', max):.1f} "
            f"| {r.stat('notebook_s'):.1f} / {r.stat('notebook_s', max):.1f} "
            f"| {r.moves_ms(0.5):.0f} / {r.moves_ms(0.95):.0f}; {r.n_moves} "
            f"| {r.stat('pss_mib'):.0f} / {r.stat('pss_mib', max):.0f} "
            f"| {r.stat('rss_mib'):.0f} | {r.stat('cpu_s'):.1f} | {r.hub_proxy_rss_mib:.0f} "
            f"| {r.course_cores:.2f} / {r.other_cores:.2f} |"
        )
    return "\n".join(rows)


def vm_size(n: int, mib_user: float, hub_mib: float, cpu_s_user: float, target_s: float):
    """Memory and cores for n participants: twice the measured memory (kernels grow
    as participants work, and a plot or a mistake can double a kernel), and enough
    cores that everybody's burst is done within target_s, each rounded up to a usual
    VM size. Returns (GiB measured, VM GiB, cores needed, VM cores)."""
    need_gib = (n * mib_user + hub_mib) / 1024
    gib = next(
        (g for g in (2, 4, 8, 16, 32, 64, 128) if g >= 2 * need_gib), math.ceil(2 * need_gib)
    )
    need_cores = n * cpu_s_user / target_s
    cores = next((k for k in (2, 4, 8, 16, 32, 64) if k >= need_cores), math.ceil(need_cores))
    return need_gib, gib, need_cores, cores


def _per_user(r: Round) -> tuple[float, float]:
    """Largest PSS (MiB) and CPU-seconds of one participant, with their share of the
    hub and proxy's CPU."""
    return r.stat("pss_mib", max), r.stat("cpu_s", max) + r.hub_proxy_cpu_s / r.users


def _worst(rs: list[Round]) -> tuple[float, float, float]:
    """The largest per-participant PSS (MiB) and CPU-seconds (see ``_per_user``) and
    hub + proxy RSS (MiB) over rounds ``rs`` (e.g. every notebook measured at one N)."""
    return (
        max(_per_user(r)[0] for r in rs),
        max(_per_user(r)[1] for r in rs),
        max(r.hub_proxy_rss_mib for r in rs),
    )


def sizing(rounds: list[Round], target_s: float, classes=(10, 20, 30)) -> str:
    """Memory and cores for classes of 10, 20 and 30: from the measured rounds of that
    size (the largest figure over the notebooks measured), and only where none was
    measured, extrapolated linearly from the largest measured N (said so in the row).
    The widget round-trip p95 is given per notebook: the slowest one is what the
    class waits for."""
    # a round counts if it finished and at most 1 in 10 participants failed (their
    # failure is named in the row); the others' figures are measured all the same
    good = [r for r in rounds if not r.timed_out and len(r.ok()) >= 0.9 * r.users]
    if not good:
        return "No complete round: no sizing can be derived.\n"
    by_n: dict[int, list[Round]] = {}
    for r in good:
        by_n.setdefault(r.users, []).append(r)
    largest = max(by_n)
    lines = [
        "| participants | from | memory measured (PSS) | VM memory (twice, rounded up) "
        f"| cores needed for everybody's first run in about {target_s:.0f} s | VM cores "
        "| widget round-trip p95 per notebook |",
        "|---|---|---|---|---|---|---|",
    ]
    extrapolated = []
    for n in sorted(set(classes) | set(by_n)):
        rs = by_n.get(n)
        if rs is not None:
            notebooks = list(dict.fromkeys(r.notebook[:2] for r in rs))
            failed = sum(r.users - len(r.ok()) for r in rs)
            source = f"measured, notebook{'s' * (len(notebooks) > 1)} {', '.join(notebooks)}" + (
                f" ({failed} participants failed, see above)" if failed else ""
            )
            worst_p95: dict[str, float] = {}
            for r in rs:
                worst_p95[r.notebook[:2]] = max(worst_p95.get(r.notebook[:2], 0), r.moves_ms(0.95))
            p95 = ", ".join(f"{nb}: {ms:.0f} ms" for nb, ms in worst_p95.items())
        else:
            rs = by_n[largest]
            source = f"**extrapolated** from N = {largest}"
            p95 = "not measured"
            extrapolated.append(n)
        mib, cpu, hub_mib = _worst(rs)
        need, gib, need_cores, cores = vm_size(n, mib, hub_mib, cpu, target_s)
        lines.append(
            f"| {n} | {source} | {need:.1f} GiB | {gib} GiB | {need_cores:.1f} | {cores} | {p95} |"
        )
    mib, cpu, _ = _worst(by_n[largest])
    lines += [
        "",
        "Memory is the largest participant's PSS (server + kernel; shared libraries "
        "counted once across processes) times N plus the hub and proxy; cores are the "
        "largest participant's CPU-seconds (login, server start, Run All and the widget "
        f"moves, with a share of the hub and proxy) times N, divided by {target_s:.0f} s; "
        "each the largest over the notebooks measured at that N.",
    ]
    if extrapolated:
        lines.append(
            f"Rows marked extrapolated (N = {', '.join(map(str, extrapolated))}) were not "
            f"measured: they scale the N = {largest} rounds' per-participant memory "
            f"({mib:.0f} MiB) and CPU ({cpu:.1f} s) linearly with N; the waiting times "
            "and widget round-trips of those sizes are unknown."
        )
    return "\n".join(lines) + "\n"


def machine() -> str:
    mem = psutil.virtual_memory().total / 1024**3
    cpu = platform.machine()
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as fh:
        cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    return (
        f"{psutil.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, "
        f"Linux {platform.release()}, Python {platform.python_version()}"
    )


def report(rounds, target_s, when: str, where: str) -> str:
    others = [r.other_cores for r in rounds]
    busy = (
        f" Other programs were using {min(others):.1f}–{max(others):.1f} cores of this "
        "machine meanwhile, so the waiting times are longer than on a machine of its own."
        if others and max(others) >= 0.2
        else ""
    )
    notebooks = ", ".join(f"`{nb}`" for nb in dict.fromkeys(r.notebook for r in rounds))
    return (
        f"Measured {when} with `benchmarks/load_hub.py` on {where}; notebooks {notebooks}; "
        "one JupyterHub with SimpleLocalProcessSpawner, all participants starting at the "
        "same moment, running all cells, then each moving the notebook's main widget once "
        f"every 5 s over the kernel websocket.{busy}\n\n"
        f"{table(rounds)}\n\n{failures(rounds)}Sizing (measured rows only, unless marked):\n\n"
        f"{sizing(rounds, target_s)}"
    )


def failures(rounds: list[Round]) -> str:
    """One line per participant who failed, with why (a kernel that restarted or died
    included); empty when everybody succeeded."""
    lines = [
        f"* notebook {r.notebook[:2]}, N = {r.users}, {p.name}: {p.error.split(' [')[0][:200]}"
        for r in rounds
        for p in r.participants
        if p.error
    ]
    if not lines:
        return (
            "Every participant of every round ran the notebook without an error, and no "
            "kernel restarted or died.\n\n"
        )
    return "Failed (not counted as ok above):\n\n" + "\n".join(lines) + "\n\n"


def load_json(paths: list[Path]) -> tuple[dict, list[Round]]:
    """Rounds of one or more saved runs (e.g. one per notebook), in order."""
    rounds, meta = [], {}
    for path in paths:
        data = json.loads(path.read_text())
        meta = meta or data
        for raw in data["rounds"]:
            people = [Participant(**p) for p in raw.pop("participants")]
            rounds.append(Round(**raw, participants=people))
    return meta, rounds


def write_docs(path: Path, text: str) -> None:
    start, end = "<!-- sizing:start -->", "<!-- sizing:end -->"
    doc = path.read_text()
    if start not in doc or end not in doc:
        raise SystemExit(f"{path} has no {start} ... {end} block to replace")
    new = re.sub(
        re.escape(start) + ".*?" + re.escape(end),
        lambda _m: f"{start}\n{text}{end}",
        doc,
        flags=re.S,
    )
    path.write_text(new)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[10, 20, 30])
    parser.add_argument("--notebook", nargs="+", default=["07-meta-analysis-of-vipp-trials.ipynb"])
    parser.add_argument("--round-seconds", type=float, default=600)
    parser.add_argument(
        "--move-seconds",
        type=float,
        default=60,
        help="after Run All, each participant moves the main widget this long (0: never)",
    )
    parser.add_argument("--move-every", type=float, default=5.0, help="seconds between moves")
    parser.add_argument(
        "--target-seconds",
        type=float,
        default=30,
        help="how long a whole class may wait when everybody runs the notebook at once",
    )
    parser.add_argument("--write-docs", type=Path, help="replace the sizing block in this file")
    parser.add_argument(
        "--from-json",
        type=Path,
        nargs="+",
        help="report saved runs (see --json) instead of measuring",
    )
    parser.add_argument(
        "--json", type=Path, default=ROOT / "benchmarks" / "results" / "load_hub.json"
    )
    args = parser.parse_args(argv)
    if any(not 1 <= n <= MAX_USERS for n in args.users):
        parser.error(f"--users: each N must be between 1 and {MAX_USERS}")
    if not args.from_json and find_chp(str(LOCAL_CHP_DIR)) is None:
        parser.error("configurable-http-proxy not found: npm install configurable-http-proxy@4")

    if args.from_json:
        meta, rounds = load_json(args.from_json)
        when, where = meta["when"], meta["machine"]
    else:
        rounds = []
        for notebook, n in [(nb, n) for nb in args.notebook for n in args.users]:
            with tempfile.TemporaryDirectory(prefix="load-hub-") as tmp:
                hub = LocalHub(
                    tmp, extra_path=str(LOCAL_CHP_DIR), env={"COURSE_HUB_CULL_TIMEOUT": "0"}
                )
                hub.start()
                try:
                    rnd = asyncio.run(
                        run_round(
                            hub,
                            n,
                            notebook,
                            args.round_seconds,
                            (args.move_seconds, args.move_every),
                        )
                    )
                finally:
                    hub.stop()
            rounds.append(rnd)
            print(f"{notebook} N={n}: {len(rnd.ok())}/{n} ok in {rnd.wall_s:.1f} s", flush=True)
            for p in rnd.participants:
                if p.error:
                    print(f"  {p.name}: {p.error}")
        when, where = time.strftime("%Y-%m-%d", time.gmtime()), machine()
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"when": when, "machine": where, "rounds": [asdict(r) for r in rounds]}, indent=1
            )
        )
    text = report(rounds, args.target_seconds, when, where)
    print()
    print(text)
    if args.write_docs:
        write_docs(args.write_docs, text)
        print(f"updated {args.write_docs}")
    return 0 if all(len(r.ok()) == r.users for r in rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
