"""A throwaway JupyterHub on 127.0.0.1 with the course configuration.

Used by ``tests/test_hub.py`` and ``benchmarks/load_hub.py``; an instructor can also
try the course set-up on a laptop with::

    python deploy/localhub.py --minutes 10      # then open the printed address

The hub loads ``deploy/jupyterhub_config.py`` unchanged and adds only what a local
trial needs: loopback ports, a temporary folder for the database, cookie secret
and participants' homes (SimpleLocalProcessSpawner, everybody runs as the current
user), the built-in shared-password login, and an admin API token. It is stopped
by process id: the hub, configurable-http-proxy and every single-user server and
kernel it started.

Talking to a participant's server uses only the public Jupyter Server REST API and
the kernel websocket protocol (tornado, which Jupyter Server already depends on),
the way JupyterLab does: open a session for a notebook, then send each code cell as
an ``execute_request``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
COURSE_CONFIG = HERE / "jupyterhub_config.py"
CHP = "configurable-http-proxy"
# where `make test` installs configurable-http-proxy (npm), used if it is not on PATH
LOCAL_CHP_DIR = HERE.parent / ".venv" / "node" / "node_modules" / ".bin"

_OVERLAY = """\
# Written by deploy/localhub.py for a local trial: loopback only, temporary folder.
import os
c = get_config()
load_subconfig({course_config!r})

c.JupyterHub.bind_url = "http://127.0.0.1:{proxy_port}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{hub_port}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.pid_file = {pid_file!r}
c.JupyterHub.db_url = "sqlite:///" + {db!r}
c.JupyterHub.cookie_secret_file = {cookie_secret!r}
c.JupyterHub.pid_file = {hub_pid_file!r}

c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {home_template!r}
if os.getuid() == 0:  # CI and containers run as root
    c.Spawner.args = list(c.Spawner.args) + ["--allow-root"]
# the servers' temporary files (and so their runtime folder with the kernels' sockets,
# see the start command) in a short folder of this hub's own, removed when it stops
c.Spawner.environment = dict(c.Spawner.environment, TMPDIR={tmpdir!r})

c.JupyterHub.services = list(c.JupyterHub.services if "services" in c.JupyterHub else []) + [
    {{"name": "course-admin", "api_token": {token!r}}}
]
c.JupyterHub.load_roles = list(c.JupyterHub.load_roles if "load_roles" in c.JupyterHub else []) + [
    {{
        "name": "course-admin",
        "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"],
        "services": ["course-admin"],
    }}
]
"""


def free_port() -> int:
    """A currently free TCP port on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tool_path(extra_path: str = "") -> str:
    """PATH for the hub: this Python's bin folder first, so the hub finds
    jupyterhub-singleuser and course-kit from the same environment."""
    parts = [p for p in (extra_path, str(Path(sys.executable).parent)) if p]
    return os.pathsep.join([*parts, os.environ.get("PATH", "")])


def find_chp(extra_path: str = "") -> str | None:
    return shutil.which(CHP, path=tool_path(extra_path))


def run_sync(coro):
    """Run a coroutine to completion, also when the caller's thread has a running
    event loop (e.g. Playwright's sync API in the same test session): then the
    coroutine gets its own loop in a worker thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()


class HubError(RuntimeError):
    pass


@dataclass
class CellResult:
    index: int
    status: str
    seconds: float
    finished_at: float  # time.monotonic() when the reply came
    outputs: list[dict] = field(default_factory=list)

    @property
    def error(self) -> str | None:
        for out in self.outputs:
            if out["msg_type"] == "error":
                return f"{out['content']['ename']}: {out['content']['evalue']}"
        if self.status != "ok":
            return f"execute_reply status {self.status!r}"
        return None


@dataclass
class NotebookRun:
    path: str
    kernel_start_s: float
    cells: list[CellResult]
    kernel_events: list[str] = field(default_factory=list)  # see _KernelChannel

    @property
    def errors(self) -> list[str]:
        # a kernel that restarted or died is a failure even if the cells then ran
        return [f"cell {c.index}: {c.error}" for c in self.cells if c.error] + self.kernel_events


class LocalHub:
    """Start and stop a JupyterHub with the course configuration on loopback.

    Parameters
    ----------
    workdir : Path
        Empty folder for everything the hub writes (database, secrets, homes, log).
    password : str
        The shared password for the built-in ``shared-password`` login.
    env : dict, optional
        Extra environment for the hub, e.g. ``COURSE_HUB_CULL_TIMEOUT``.
    extra_path : str
        Folders to put first on PATH (e.g. where configurable-http-proxy is).
    """

    def __init__(self, workdir, *, password="course-day-test", env=None, extra_path=""):
        self.workdir = Path(workdir)
        self.password = password
        self.env = dict(env or {})
        # participants' server ports (see jupyterhub_config.py): a base of its own for
        # each local hub, so that hubs started side by side (tests) do not collide
        self.env.setdefault("COURSE_HUB_PORT_BASE", str(secrets.choice(range(20000, 32000, 100))))
        self.extra_path = extra_path
        self.token = secrets.token_hex(32)
        self.proxy_port = free_port()
        self.url = f"http://127.0.0.1:{self.proxy_port}"
        self.proc: subprocess.Popen | None = None
        self.log_path = self.workdir / "jupyterhub.log"
        self.tmpdir: Path | None = None  # the servers' TMPDIR, made by start()

    def home(self, user: str) -> Path:
        return self.workdir / "home" / user

    # -- lifecycle -----------------------------------------------------------------
    def start(self, timeout: float = 60) -> LocalHub:
        chp = find_chp(self.extra_path)
        if chp is None:
            raise HubError("configurable-http-proxy not found on PATH")
        self.workdir.mkdir(parents=True, exist_ok=True)
        (self.workdir / "home").mkdir(exist_ok=True)
        # Short (a Unix socket's path has at most 107 bytes, and the kernels' sockets
        # go in TMPDIR/jupyter-runtime-UID/), hence not inside workdir.
        self.tmpdir = Path(
            tempfile.mkdtemp(prefix="hub-", dir="/tmp" if os.path.isdir("/tmp") else None)
        )
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(
            _OVERLAY.format(
                tmpdir=str(self.tmpdir),
                course_config=str(COURSE_CONFIG),
                proxy_port=self.proxy_port,
                hub_port=free_port(),
                proxy_api_port=free_port(),
                chp=chp,
                pid_file=str(self.workdir / "proxy.pid"),
                db=str(self.workdir / "jupyterhub.sqlite"),
                cookie_secret=str(self.workdir / "cookie_secret"),
                hub_pid_file=str(self.workdir / "jupyterhub.pid"),
                home_template=str(self.workdir / "home" / "{username}"),
                token=self.token,
            )
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTERHUB_")}
        env.update(
            PATH=tool_path(self.extra_path),
            COURSE_HUB_AUTH="shared-password",
            COURSE_HUB_PASSWORD=self.password,
            COURSE_HUB_DATA_DIR=str(self.workdir),
        )
        env.update(self.env)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", str(config)],
                cwd=self.workdir,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, for the last-resort kill
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                code = self.proc.returncode
                self.stop()  # the proxy may already be running
                raise HubError(f"jupyterhub exited with {code}:\n{self.log_tail()}")
            try:
                run_sync(self.api("GET", "/"))
                return self
            except (OSError, HubError):
                time.sleep(0.3)
        self.stop()
        raise HubError(f"jupyterhub did not answer within {timeout} s:\n{self.log_tail()}")

    def descendants(self) -> list:
        import psutil

        if self.proc is None:
            return []
        try:
            return psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []

    def stop(self, timeout: float = 30) -> list[int]:
        """Stop the hub (it stops the proxy and user servers), then make sure.

        Returns the process ids that had to be killed because they outlived the hub.
        """
        import psutil

        if self.proc is None:
            self._remove_tmpdir()
            return []
        # psutil.Process objects remember their start time, so a process id reused by
        # an unrelated program meanwhile is never signalled.
        started = self.descendants()
        started_pids = {p.pid for p in started}
        with contextlib.suppress(OSError, ValueError, psutil.Error):
            # the proxy outlives a hub that crashed: find it by its pid file
            proxy = psutil.Process(int((self.workdir / "proxy.pid").read_text()))
            if proxy.pid not in started_pids and CHP in " ".join(proxy.cmdline()):
                started.append(proxy)
        with contextlib.suppress(ProcessLookupError):
            self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(10)
        survivors = []
        for proc in started:
            with contextlib.suppress(psutil.NoSuchProcess):
                if proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE:
                    survivors.append(proc)
        killed = []
        for proc in survivors:
            with contextlib.suppress(psutil.NoSuchProcess):
                proc.terminate()
                killed.append(proc.pid)
        _, alive = psutil.wait_procs(survivors, timeout=5)
        for proc in alive:  # last resort: the whole process group
            with contextlib.suppress(psutil.NoSuchProcess, ProcessLookupError, PermissionError):
                if proc.is_running():
                    os.killpg(os.getpgid(proc.pid), signal.SIGKILL)
        self.proc = None
        self._remove_tmpdir()
        return killed

    def _remove_tmpdir(self) -> None:
        if self.tmpdir is not None:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
            self.tmpdir = None

    def __enter__(self) -> LocalHub:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # -- hub REST API ----------------------------------------------------------------
    async def request(self, method, url, *, token=None, body=None, timeout=30.0, ok=(200,)):
        from tornado.httpclient import AsyncHTTPClient, HTTPClientError

        client = AsyncHTTPClient()
        data = None if body is None else json.dumps(body)
        if data is None and method in ("POST", "PUT", "PATCH"):
            data = ""
        try:
            resp = await client.fetch(
                url,
                method=method,
                body=data,
                headers={"Authorization": f"token {token or self.token}"},
                request_timeout=timeout,
                connect_timeout=timeout,
                follow_redirects=False,
                allow_nonstandard_methods=True,
            )
        except HTTPClientError as err:
            if err.response is None or err.code not in ok:
                detail = err.response.body[:500] if err.response is not None else b""
                raise HubError(f"{method} {url}: HTTP {err.code} {detail!r}") from None
            resp = err.response
        if resp.code not in ok:
            raise HubError(f"{method} {url}: HTTP {resp.code}")
        if not resp.body:
            return None
        try:
            return json.loads(resp.body)
        except ValueError:  # some error replies are plain text
            return resp.body.decode(errors="replace")

    async def api(self, method, path, body=None, **kw):
        return await self.request(method, f"{self.url}/hub/api{path}", body=body, **kw)

    async def add_user(self, name: str) -> str:
        """Create a participant and return an API token that acts as them."""
        await self.api("POST", f"/users/{name}", ok=(201, 409))
        reply = await self.api(
            "POST", f"/users/{name}/tokens", {"note": "localhub", "expires_in": 7200}, ok=(201,)
        )
        return reply["token"]

    async def start_server(self, name: str, timeout: float = 120) -> float:
        """Start ``name``'s server and wait until it is ready; return seconds taken."""
        t0 = time.monotonic()
        await self.api("POST", f"/users/{name}/server", ok=(201, 202, 400))
        while time.monotonic() - t0 < timeout:
            user = await self.api("GET", f"/users/{name}")
            server = user.get("servers", {}).get("")
            if server and server.get("ready"):
                return time.monotonic() - t0
            if not user.get("pending") and not server:
                raise HubError(f"{name}'s server stopped while starting:\n{self.log_tail()}")
            await asyncio.sleep(0.3)
        raise HubError(f"{name}'s server not ready within {timeout} s:\n{self.log_tail()}")

    async def stop_server(self, name: str, timeout: float = 60) -> None:
        t0 = time.monotonic()
        await self.api("DELETE", f"/users/{name}/server", ok=(202, 204))
        while time.monotonic() - t0 < timeout:
            user = await self.api("GET", f"/users/{name}")
            if not user.get("servers") and not user.get("pending"):
                return
            await asyncio.sleep(0.3)
        raise HubError(f"{name}'s server did not stop within {timeout} s")

    def server_processes(self) -> dict[str, object]:
        """user name -> psutil.Process of their single-user server (read from /proc)."""
        found = {}
        for proc in self.descendants():
            try:
                user = proc.environ().get("JUPYTERHUB_USER")
                if user and proc.parent() and proc.parent().pid == self.proc.pid:
                    found[user] = proc
            except Exception:  # the process ended meanwhile
                continue
        return found

    # -- a participant's server (Jupyter Server REST API) -------------------------------
    def user_url(self, name: str, path: str = "") -> str:
        return f"{self.url}/user/{quote(name)}/api{path}"

    async def contents(self, name, token, path, *, ok=(200,)):
        return await self.request(
            "GET", self.user_url(name, f"/contents/{path}"), token=token, ok=ok
        )

    async def save(self, name, token, path, model):
        return await self.request(
            "PUT", self.user_url(name, f"/contents/{path}"), token=token, body=model, ok=(200, 201)
        )

    async def run_notebook(
        self, name, token, path, *, cell_timeout=120.0, before_close=None
    ) -> NotebookRun:
        """Open ``path`` in a new kernel (as JupyterLab does) and run its code cells.

        ``before_close(results, kernel)``, if given, is awaited after the last cell while
        the kernel is still running (the load test moves widgets and measures memory then).
        """
        model = await self.contents(name, token, path)
        cells = [c for c in model["content"]["cells"] if c["cell_type"] == "code"]
        t0 = time.monotonic()
        session = await self.request(
            "POST",
            self.user_url(name, "/sessions"),
            token=token,
            body={"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}},
            ok=(201,),
            timeout=cell_timeout,
        )
        try:
            async with _KernelChannel(self, name, token, session["kernel"]["id"]) as kernel:
                await kernel.wait_ready(cell_timeout)
                kernel_start = time.monotonic() - t0
                results = []
                for i, cell in enumerate(cells):
                    source = cell["source"]
                    code = "".join(source) if isinstance(source, list) else source
                    results.append(await kernel.execute(i, code, cell_timeout))
                    if results[-1].error:
                        break
                if before_close is not None:
                    await before_close(results, kernel)
                events = kernel.event_notes(t0)
        finally:
            await self.request(
                "DELETE",
                self.user_url(name, f"/sessions/{session['id']}"),
                token=token,
                ok=(204,),
            )
        return NotebookRun(path, kernel_start, results, events)


class _KernelChannel:
    """The kernel websocket (``/api/kernels/ID/channels``), Jupyter's default protocol.

    Messages come as JSON text, or as binary frames when they carry buffers (widget
    pictures, for example); ``comms`` keeps the data of every comm the kernel opened
    (widget models and their state), so a widget can be moved as the browser does.

    When the server's restarter restarts the kernel (it died) or gives up, the server
    sends a ``status`` of ``restarting`` or ``dead`` (JupyterLab then tells the
    participant that the kernel restarts or has died). Each is kept in ``events`` (monotonic time, state), and
    a cell or widget move waiting for its reply fails at once: it will never come.
    """

    LIFECYCLE = ("restarting", "autorestarting", "dead")

    def __init__(self, hub: LocalHub, name: str, token: str, kernel_id: str):
        self.url = hub.user_url(name, f"/kernels/{kernel_id}/channels").replace("http", "ws", 1)
        self.token = token
        self.session = uuid.uuid4().hex
        self.ws = None
        self.comms: dict[str, dict] = {}
        self.events: list[tuple[float, str]] = []

    def event_notes(self, t0: float) -> list[str]:
        """The kernel's restarts and death, as "kernel restarting 12.3 s after start"."""
        return [f"kernel {state} {t - t0:.1f} s after start" for t, state in self.events]

    async def __aenter__(self):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        request = HTTPRequest(
            self.url + f"?session_id={self.session}",
            headers={"Authorization": f"token {self.token}"},
            connect_timeout=60,
            request_timeout=60,
        )
        self.ws = await websocket_connect(request, max_message_size=64 * 1024**2)
        return self

    async def __aexit__(self, *exc):
        self.ws.close()

    def _send(self, msg_type: str, content: dict, channel: str = "shell") -> str:
        msg_id = uuid.uuid4().hex
        self.ws.write_message(
            json.dumps(
                {
                    "header": {
                        "msg_id": msg_id,
                        "msg_type": msg_type,
                        "session": self.session,
                        "username": "participant",
                        "version": "5.3",
                        "date": "",
                    },
                    "parent_header": {},
                    "metadata": {},
                    "content": content,
                    "channel": channel,
                    "buffers": [],
                }
            )
        )
        return msg_id

    async def _read(self, deadline: float) -> dict:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise HubError("kernel did not answer in time")
        try:
            raw = await asyncio.wait_for(self.ws.read_message(), remaining)
        except TimeoutError:
            raise HubError("kernel did not answer in time") from None
        if raw is None:
            raise HubError("kernel websocket closed")
        if isinstance(raw, bytes):  # a message with buffers: offsets, JSON, buffers
            from jupyter_server.services.kernels.connection.base import (
                deserialize_binary_message,
            )

            msg = deserialize_binary_message(raw)
        else:
            msg = json.loads(raw)
        kind, content = msg.get("msg_type"), msg.get("content", {})
        if kind == "status" and content.get("execution_state") in self.LIFECYCLE:
            state = content["execution_state"]
            self.events.append((time.monotonic(), state))
            raise HubError(
                "kernel dead: it died and the server could not restart it"
                if state == "dead"
                else "kernel restarting: it died and the server restarts it"
            )
        if kind == "comm_open":
            self.comms[content["comm_id"]] = content.get("data", {})
        elif kind == "comm_msg" and content.get("data", {}).get("method") == "update":
            # later state changes, e.g. a CSS class added after the widget was made
            known = self.comms.setdefault(content["comm_id"], {}).setdefault("state", {})
            known.update(content["data"].get("state", {}))
        return msg

    async def comm_roundtrip(self, comm_id: str, data: dict, timeout: float) -> float:
        """Send ``data`` to a comm (a widget update, as when a slider moves) and return
        the seconds until the kernel has handled it and sent every reaction (idle)."""
        t0 = time.monotonic()
        msg_id = self._send("comm_msg", {"comm_id": comm_id, "data": data})
        while True:
            msg = await self._read(t0 + timeout)
            if (
                msg["parent_header"].get("msg_id") == msg_id
                and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"
            ):
                return time.monotonic() - t0

    async def wait_ready(self, timeout: float) -> None:
        """Ask for kernel_info until the kernel answers on shell *and* on IOPub.

        The reply alone is not enough: after a restart the server's IOPub socket
        reconnects on its own schedule, and a cell sent before it has would lose its
        output and its "idle" (jupyter_server's own ``nudge`` waits for both too).
        """
        deadline = time.monotonic() + timeout
        while True:
            msg_id = self._send("kernel_info_request", {})
            retry_at = min(deadline, time.monotonic() + 2.0)
            replied = published = False
            try:
                while not (replied and published):
                    msg = await self._read(retry_at)
                    if msg["parent_header"].get("msg_id") != msg_id:
                        continue
                    if msg["msg_type"] == "kernel_info_reply":
                        replied = True
                    elif msg.get("channel") == "iopub" or msg["msg_type"] == "status":
                        published = True
                return
            except (TimeoutError, HubError):
                if time.monotonic() >= deadline:
                    raise HubError(f"kernel not ready within {timeout} s") from None

    async def execute(self, index: int, code: str, timeout: float) -> CellResult:
        t0 = time.monotonic()
        deadline = t0 + timeout
        msg_id = self._send(
            "execute_request",
            {"code": code, "silent": False, "store_history": True, "allow_stdin": False},
        )
        status, idle, outputs = None, False, []
        while status is None or not idle:
            msg = await self._read(deadline)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "execute_reply":
                status = msg["content"]["status"]
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                idle = True
            elif kind in ("stream", "display_data", "execute_result", "error"):
                outputs.append({"msg_type": kind, "content": msg["content"]})
        now = time.monotonic()
        return CellResult(index, status, now - t0, now, outputs)


def _main() -> int:  # pragma: no cover - interactive trial for instructors
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10, help="stop after this long")
    parser.add_argument("--password", default="course-day-test")
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="course-hub-") as tmp,
        LocalHub(tmp, password=args.password, extra_path=str(LOCAL_CHP_DIR)) as hub,
    ):
        print(f"Hub at {hub.url} -- log in with any name and the password {args.password!r}.")
        print(f"It stops by itself after {args.minutes} minutes (or press Ctrl+C).")
        with contextlib.suppress(KeyboardInterrupt):
            time.sleep(args.minutes * 60)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_main())
