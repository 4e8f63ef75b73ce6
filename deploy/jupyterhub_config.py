"""JupyterHub configuration for a VIPP-SD course day.

Two ways to use this file:

* The Littlest JupyterHub (TLJH, one cloud VM; see docs/hosting.md): copy it to
  ``/opt/tljh/config/jupyterhub_config.d/vipp-course.py`` and run
  ``sudo tljh-config reload``. TLJH keeps its own authenticator, spawner
  (SystemdSpawner), idle culler and limits (``tljh-config set limits.memory 2G``);
  this file adds the course workspace and the timeouts, and fills in the limits
  below only where TLJH has none.
* Plain JupyterHub: ``jupyterhub -f deploy/jupyterhub_config.py``. Safe by default:
  it listens on 127.0.0.1 only unless a TLS certificate is configured, and keeps its
  state (database, cookie secret, proxy pid file, FirstUse passwords) in a data folder,
  never in the current folder: ``$COURSE_HUB_DATA_DIR``, else ``/var/lib/vipp-course-hub``
  when run as root, else ``~/.local/share/vipp-course-hub``. A missing required setting
  stops the hub with a message naming it. The tests and the load test
  (``tests/test_hub.py``, ``benchmarks/load_hub.py``) load this file from a small
  overlay that only adds loopback ports, temporary folders and a test login.

Settings that differ between course days are read from environment variables,
so this file itself never needs editing:

=========================  ================  ==========================================
variable                   default           meaning
=========================  ================  ==========================================
COURSE_HUB_WORKSPACE       vipp-course       workspace folder, relative to the home dir
COURSE_HUB_LANG            en                the course's language: en, sv (svenska) or
                                             nb (norsk bokmål): notebooks, exercises,
                                             plots; JupyterLab's menus in Norwegian
                                             (no Swedish JupyterLab pack exists)
COURSE_HUB_MEM_LIMIT       2G (*)            memory limit per participant
COURSE_HUB_CPU_LIMIT       1 (*)             cores per participant (may be fractional)
COURSE_HUB_START_TIMEOUT   120               seconds a server may take to start
COURSE_HUB_PORT_BASE       20000             participant N's server listens on BASE + N
COURSE_HUB_CULL_TIMEOUT    3600              stop servers idle this many seconds (0: off)
COURSE_HUB_CULL_EVERY      300               how often the idle culler looks (seconds)
COURSE_HUB_AUTH            (keep)            ``shared-password``, ``firstuse``, ``github``
COURSE_HUB_PASSWORD        --                shared password (``shared-password`` only)
COURSE_HUB_ALLOWED_USERS   --                names that may log in, comma-separated
                                             (``firstuse``: besides those added on the
                                             admin page; ``github``: GitHub names)
COURSE_HUB_ADMIN_USERS     --                admins, comma-separated
COURSE_HUB_DATA_DIR        (see below)       hub database, cookie secret, proxy pid file
                                             and passwords (plain JupyterHub only)
COURSE_HUB_BIND_URL        http://127.0.0.1  where participants connect (plain JupyterHub
                           :8000             only); another address needs TLS
COURSE_HUB_SSL_CERT/_KEY   --                TLS certificate and key (plain JupyterHub)
COURSE_HUB_BIN_DIR         (PATH)            folder with ``course-kit`` and
                                             ``jupyterhub-singleuser``
COURSE_KIT_NOTEBOOKS       (kit's checkout)  original notebooks, passed on to ``init``
=========================  ================  ==========================================

(*) only if no limit is configured yet; a COURSE_HUB_* value always wins.

Authenticator (who may log in) -- pick one for a real course:

* TLJH's default ``firstuseauthenticator``: the password typed at a name's first
  login becomes its password. Only names the instructor added may log in
  (``create_users`` off; ``COURSE_HUB_AUTH=firstuse`` sets that for plain JupyterHub).
  A name nobody has logged in with yet can be claimed by whoever types it first, so
  docs/hosting.md has the instructor set each password before handing it out.
* ``oauthenticator`` (GitHub, Google, or your university's OpenID Connect): no
  passwords to hand out; needs an OAuth app registered with the provider.
* ``ltiauthenticator``: log in from the learning platform (Canvas, Moodle).
* ``shared-password`` (built into JupyterHub >= 5.3): one password for everybody.
  Anybody with the password can log in under any name, so use it only for a short
  course with synthetic data. The tests use it.

Resource limits: ``mem_limit`` and ``cpu_limit`` are ENFORCED only by spawners that
run servers in a cgroup or container: SystemdSpawner (TLJH), KubeSpawner (Zero to
JupyterHub) and DockerSpawner. LocalProcessSpawner and SimpleLocalProcessSpawner
(used in the tests) only pass them on as the MEM_LIMIT / CPU_LIMIT environment
variables, which the jupyter-resource-usage indicator shows to the participant.
"""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import shlex
import sys
from urllib.parse import urlparse

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - provided by JupyterHub

WORKSPACE = os.environ.get("COURSE_HUB_WORKSPACE", "vipp-course")
_tljh_bin = "/opt/tljh/user/bin"
BIN_DIR = os.environ.get("COURSE_HUB_BIN_DIR") or (_tljh_bin if os.path.isdir(_tljh_bin) else "")


def _exe(name: str) -> str:
    return os.path.join(BIN_DIR, name) if BIN_DIR else name


class CourseConfigError(SystemExit):
    """A setting is missing or unsafe: JupyterHub stops with this message, no traceback."""

    def __init__(self, message: str):
        super().__init__(f"course config (deploy/jupyterhub_config.py): {message}")


def _require(variable: str, meaning: str) -> str:
    value = os.environ.get(variable, "")
    if not value:
        raise CourseConfigError(
            f"{variable} is not set. It is {meaning}; set it in the hub's environment "
            "and start the hub again."
        )
    return value


# --- plain JupyterHub: safe defaults --------------------------------------------------
# TLJH (its systemd unit sets TLJH_INSTALL_PREFIX) keeps its state in its own folder and
# puts its own HTTPS proxy in front, so none of this applies there.
def _default_data_dir() -> str:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return "/var/lib/vipp-course-hub"
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return os.path.join(base, "vipp-course-hub")


def _is_loopback(url: str) -> bool:
    host = urlparse(url).hostname or ""  # "" = every interface
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if not os.environ.get("TLJH_INSTALL_PREFIX"):
    # State (database, cookie secret, proxy pid file, FirstUse passwords) goes into one
    # private folder, never into whatever folder the hub was started from.
    DATA_DIR = os.path.abspath(os.environ.get("COURSE_HUB_DATA_DIR") or _default_data_dir())
    os.makedirs(DATA_DIR, mode=0o700, exist_ok=True)
    for _section, _trait, _value in (
        (c.JupyterHub, "cookie_secret_file", os.path.join(DATA_DIR, "jupyterhub_cookie_secret")),
        (c.JupyterHub, "db_url", "sqlite:///" + os.path.join(DATA_DIR, "jupyterhub.sqlite")),
        (c.ConfigurableHTTPProxy, "pid_file", os.path.join(DATA_DIR, "jupyterhub-proxy.pid")),
        (c.FirstUseAuthenticator, "dbm_path", os.path.join(DATA_DIR, "passwords.dbm")),
    ):
        if _trait not in _section:  # a value set before this file wins
            setattr(_section, _trait, _value)

    # Listen on 127.0.0.1 unless TLS is configured: passwords must never cross a
    # network unencrypted. Behind an HTTPS reverse proxy on the same machine, keep the
    # loopback address and let the proxy face the network.
    _cert = os.environ.get("COURSE_HUB_SSL_CERT", "")
    _key = os.environ.get("COURSE_HUB_SSL_KEY", "")
    if _cert or _key:
        c.JupyterHub.ssl_cert = _require("COURSE_HUB_SSL_CERT", "the TLS certificate file")
        c.JupyterHub.ssl_key = _require("COURSE_HUB_SSL_KEY", "the TLS key file")
    _has_tls = bool(c.JupyterHub.get("ssl_cert"))
    _bind = os.environ.get("COURSE_HUB_BIND_URL", "")
    if _bind:
        if not _has_tls and not _is_loopback(_bind):
            raise CourseConfigError(
                f"COURSE_HUB_BIND_URL={_bind} would let other computers connect without "
                "encryption, so passwords would cross the network readable. Set "
                "COURSE_HUB_SSL_CERT and COURSE_HUB_SSL_KEY, or keep the default "
                "(127.0.0.1) and put an HTTPS reverse proxy in front."
            )
        c.JupyterHub.bind_url = _bind
    elif not _has_tls and not any(t in c.JupyterHub for t in ("bind_url", "ip", "port")):
        c.JupyterHub.bind_url = "http://127.0.0.1:8000"


# --- each participant's workspace -------------------------------------------------
# The workspace is made by ``course-kit workspace init`` as part of the server's own
# start command, not in a hub-side pre_spawn_hook: the command then runs AS the
# participant, in their home folder, with every spawner (local, systemd, Kubernetes).
# ``init`` copies only missing notebooks, so it runs on every login and never
# overwrites a participant's edits.
#
# If ``init`` fails, the server still starts (the participant keeps whatever they had),
# but the failure is not swallowed: init's output goes to the server log, and
# JupyterLab opens COURSE-KIT-PROBLEM.txt instead of the workspace
# (JUPYTERHUB_DEFAULT_URL is the page jupyterhub-singleuser opens first). ``init``
# itself writes that file (in the workspace, or in the home folder if the workspace
# could not be made) and removes it once it works again. When init could not even
# run, or stopped without writing it, this script writes it, with init's output.
# Those few words are here, not in course_kit.messages, because they must appear
# even when course_kit cannot be imported.
PROBLEM_FILE = "COURSE-KIT-PROBLEM.txt"
_FALLBACK_TEXT = [
    "Your course notebooks could not be set up when your server started.",
    "",
    "Show this page to your instructor. You can keep working in the files you have.",
    "When the problem is fixed, choose File > Hub Control Panel > Stop My Server,",
    "then Start My Server; this page then goes away.",
    "",
    "What the course kit said:",
    "",
]
_ws = f'"$HOME"/{shlex.quote(WORKSPACE)}'
# The kernels talk to their server over Unix sockets in Jupyter's runtime folder
# (``transport = "ipc"``, see "kernels without TCP ports" below). A socket's path may
# be at most 107 bytes long, and ~/.local/share/jupyter/runtime/kernel-<36-character
# id>-ipc-N leaves only 28 of them for the home folder (/home/jupyter-NAME on TLJH), so
# the runtime folder is a short one of the participant's own: $TMPDIR (else /tmp)
# /jupyter-runtime-UID, private (0700). If somebody else's folder or a symbolic link
# sits under that name, a new private folder is made instead (mktemp -d).
_runtime = """
if [ -z "${JUPYTER_RUNTIME_DIR:-}" ]; then
  rt="${TMPDIR:-/tmp}/jupyter-runtime-$(id -u)"
  mkdir -m 700 "$rt" 2>/dev/null
  if [ -L "$rt" ] || [ ! -d "$rt" ] || [ ! -O "$rt" ] || ! chmod 700 "$rt"; then
    rt="$(mktemp -d "${TMPDIR:-/tmp}/jupyter-runtime-XXXXXXXX")"
  fi
  export JUPYTER_RUNTIME_DIR="$rt"
fi
"""
_start = f"""{_runtime}
problem={PROBLEM_FILE}
rm -f {_ws}/"$problem" "$HOME/$problem"
out="$(mktemp)"
{shlex.quote(_exe("course-kit"))} workspace init {_ws} >"$out" 2>&1
status=$?
{shlex.quote(_exe("course-kit"))} lab-language --user >/dev/null 2>&1
cat "$out" >&2
if [ "$status" -ne 0 ]; then
  echo "course-kit workspace init failed (exit $status); $problem opens first" >&2
  if [ -f {_ws}/"$problem" ]; then
    page={shlex.quote(WORKSPACE)}/"$problem"
  elif [ -f "$HOME/$problem" ]; then
    page="$problem"
  else
    {{ printf '%s\\n' {" ".join(shlex.quote(line) for line in _FALLBACK_TEXT)}
      sed 's/^/    /' "$out"; }} >"$HOME/$problem"
    page="$problem"
  fi
  export JUPYTERHUB_DEFAULT_URL="/lab/tree/$page"
fi
rm -f "$out"
exec {shlex.quote(_exe("jupyterhub-singleuser"))} "$@"
"""
# sh -c SCRIPT NAME ARGS...: JupyterHub appends its arguments, which become "$@".
c.Spawner.cmd = ["/bin/sh", "-c", _start, "course-kit-start"]
c.Spawner.notebook_dir = "~"
# Where `init` finds the original notebooks: by default the repository checkout the
# kit is installed from (pip install -e); COURSE_KIT_NOTEBOOKS overrides it.
_spawn_env = {}
if os.environ.get("COURSE_KIT_NOTEBOOKS"):
    _spawn_env["COURSE_KIT_NOTEBOOKS"] = os.environ["COURSE_KIT_NOTEBOOKS"]
# The course's language, set once here by the instructor: `workspace init` copies that
# edition, the kit speaks it in every kernel, and JupyterLab's menus follow where a
# language pack exists. Changing it later brings the other edition's notebooks at the
# next login; a notebook the participant edited is kept, the new one put beside it.
COURSE_LANG = os.environ.get("COURSE_HUB_LANG", "en").strip().lower() or "en"
if COURSE_LANG not in ("en", "sv", "nb"):
    raise SystemExit(
        f"COURSE_HUB_LANG={COURSE_LANG!r} is not a language of the course: "
        "set it to en, sv (svenska) or nb (norsk bokmål)."
    )
_spawn_env["COURSE_KIT_LANG"] = COURSE_LANG
c.Spawner.environment = _spawn_env
c.Spawner.default_url = f"/lab/tree/{WORKSPACE}"

# --- one port per participant ------------------------------------------------------
# Local spawners give each server a "random free port" by binding port 0 and closing
# it again. With a whole class starting at once, that port can be handed out again
# (to another server, or to a kernel) before the server binds it; the hub then finds
# *another* participant's server answering on it, takes that for this participant's
# server, and their notebook is "not found" (measured: 1 of 30 participants starting
# together, benchmarks/load_hub.py). Ports below Linux's ephemeral range
# (32768-60999) are never handed out that way, so each user gets its own fixed port:
# COURSE_HUB_PORT_BASE + the user's id. Spawners with a fixed port of their own
# (e.g. Kubernetes, 8888 in each pod) are left alone.
PORT_BASE = int(os.environ.get("COURSE_HUB_PORT_BASE", "20000"))
_earlier_pre_spawn_hook = c.Spawner.pre_spawn_hook if "pre_spawn_hook" in c.Spawner else None


def _own_port(spawner):
    if spawner.port == 0 and not spawner.name:
        spawner.port = PORT_BASE + spawner.user.id
    if _earlier_pre_spawn_hook is not None:
        return _earlier_pre_spawn_hook(spawner)
    return None


c.Spawner.pre_spawn_hook = _own_port

# --- kernels without TCP ports -----------------------------------------------------
# A kernel listens on five ZMQ ports, which its server picks the same way: bind port 0,
# note the number, close it, and let the kernel bind that number seconds later.
# jupyter_client's LocalPortCache keeps one server from handing out a port twice, but
# 30 servers starting their kernels at the same moment on one machine can pick the
# same free port; the later kernel then stops with "Address already in use" (measured:
# 1 of 30 participants, benchmarks/load_hub.py). The restarter does not rescue it: a
# restart reuses the cached ports (jupyter_client 8), so it fails again until its
# limit, and the participant's kernel is dead. Over Unix sockets ("ipc") a kernel binds
# files named after its own kernel id in the participant's private runtime folder (the
# start command above), so there is no port to race for; other users cannot even reach
# a participant's kernel. JupyterLab is unaffected: it talks to the server over
# HTTP/websocket, and only the server talks to the kernel. Linux and macOS only, as
# every spawner here. Not needed on Kubernetes (each pod has its own network).
_args = list(c.Spawner.args) if "args" in c.Spawner else []
if not any(a.startswith("--KernelManager.transport") for a in _args):
    _args.append("--KernelManager.transport=ipc")
c.Spawner.args = _args


# --- resources per participant -----------------------------------------------------
# An explicit COURSE_HUB_* value wins; otherwise a limit already set (e.g. with
# `sudo tljh-config set limits.memory 2G`) is kept, and only a missing one is filled in.
def _limit(trait: str, variable: str, default: str) -> str | None:
    if os.environ.get(variable):
        return os.environ[variable]
    if trait in c.Spawner and c.Spawner[trait] not in (None, ""):
        return None
    return default


_mem = _limit("mem_limit", "COURSE_HUB_MEM_LIMIT", "2G")
if _mem is not None:
    c.Spawner.mem_limit = _mem
_cpu = _limit("cpu_limit", "COURSE_HUB_CPU_LIMIT", "1")
if _cpu is not None:
    c.Spawner.cpu_limit = float(_cpu)
# 30 participants logging in at 9:00 start their servers at once: allow time.
c.Spawner.start_timeout = int(os.environ.get("COURSE_HUB_START_TIMEOUT", "120"))
c.Spawner.http_timeout = c.Spawner.start_timeout

# --- stop idle servers (frees memory for the others) -------------------------------
# jupyterhub-idle-culler (PyPI) runs as a hub-managed service. TLJH already runs
# one (``sudo tljh-config set services.cull.timeout 3600``), so do not add a second.
_cull_timeout = int(os.environ.get("COURSE_HUB_CULL_TIMEOUT", "3600"))
_tljh_has_culler = "services" in c.JupyterHub and any(
    "cull" in s.get("name", "") for s in c.JupyterHub.services
)
if _cull_timeout > 0 and not _tljh_has_culler:
    if importlib.util.find_spec("jupyterhub_idle_culler") is None:
        print(
            "course config: jupyterhub-idle-culler is not installed; idle servers "
            "will not be stopped (pip install jupyterhub-idle-culler)",
            file=sys.stderr,
        )
    else:
        _every = int(os.environ.get("COURSE_HUB_CULL_EVERY", "300"))
        services = list(c.JupyterHub.services) if "services" in c.JupyterHub else []
        services.append(
            {
                "name": "idle-culler",
                "command": [
                    sys.executable,
                    "-m",
                    "jupyterhub_idle_culler",
                    f"--timeout={_cull_timeout}",
                    f"--cull-every={_every}",
                ],
            }
        )
        c.JupyterHub.services = services
        roles = list(c.JupyterHub.load_roles) if "load_roles" in c.JupyterHub else []
        roles.append(
            {
                "name": "idle-culler",
                # the scopes jupyterhub-idle-culler documents for culling servers only
                "scopes": [
                    "list:users",
                    "read:users:activity",
                    "read:servers",
                    "delete:servers",
                ],
                "services": ["idle-culler"],
            }
        )
        c.JupyterHub.load_roles = roles


# --- who may log in -----------------------------------------------------------------
def _names(variable: str) -> set[str]:
    return {n.strip() for n in os.environ.get(variable, "").split(",") if n.strip()}


_auth = os.environ.get("COURSE_HUB_AUTH", "")
if _auth == "shared-password":
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = _require(
        "COURSE_HUB_PASSWORD", "the password everybody logs in with (8 characters or more)"
    )
    c.Authenticator.allow_all = True
elif _auth == "firstuse":  # pip install jupyterhub-firstuseauthenticator
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    # Only the names the instructor added may log in: no sign-up by typing a new name.
    # FirstUse refuses a name that is not in the hub's database (create_users off);
    # allow_existing_users admits the names added on the admin page or the API, and
    # COURSE_HUB_ALLOWED_USERS (comma-separated) adds names at start-up.
    c.FirstUseAuthenticator.create_users = False
    c.Authenticator.allow_all = False
    c.Authenticator.allow_existing_users = True
    if _names("COURSE_HUB_ALLOWED_USERS"):
        c.Authenticator.allowed_users = _names("COURSE_HUB_ALLOWED_USERS")
elif _auth == "github":  # pip install oauthenticator; register an OAuth app first
    c.JupyterHub.authenticator_class = "github"
    c.GitHubOAuthenticator.oauth_callback_url = _require(
        "COURSE_HUB_OAUTH_CALLBACK", "https://HUB-ADDRESS/hub/oauth_callback"
    )
    c.GitHubOAuthenticator.client_id = _require(
        "COURSE_HUB_OAUTH_CLIENT_ID", "the client ID of your GitHub OAuth app"
    )
    c.GitHubOAuthenticator.client_secret = _require(
        "COURSE_HUB_OAUTH_CLIENT_SECRET", "the client secret of your GitHub OAuth app"
    )
    # the participants' GitHub user names, comma-separated
    c.GitHubOAuthenticator.allowed_users = _names("COURSE_HUB_ALLOWED_USERS")
elif _auth:
    raise CourseConfigError(
        f"COURSE_HUB_AUTH={_auth!r} is not known; use shared-password, firstuse or github"
    )
if _names("COURSE_HUB_ADMIN_USERS"):
    c.Authenticator.admin_users = _names("COURSE_HUB_ADMIN_USERS")


# --- the class board (optional) ------------------------------------------------------
# course_kit.board runs as a hub-managed service, like the idle culler, only when the
# course turns it on. Participants' servers get COURSE_BOARD_URL, so a checked
# exercise answer is sent (course_kit.board.client); without it nothing is sent.
# Settings: COURSE_BOARD=on, COURSE_BOARD_INSTRUCTORS (hub user names, comma-separated,
# the only ones who can open the board), COURSE_BOARD_PORT (default 10101),
# COURSE_BOARD_DB_URL (default: SQLite file course-board.sqlite in the data folder),
# COURSE_BOARD_KEEP_DAYS (default 14), COURSE_BOARD_URL (the address participants'
# servers reach the board at; default http://127.0.0.1:PORT/services/course-board/,
# right when they run on the hub's machine, as with TLJH; on Kubernetes use the
# hub's internal proxy address, e.g. http://proxy-public/services/course-board/).
BOARD = "course-board"
if os.environ.get("COURSE_BOARD", "off").strip().lower() in {"on", "1", "true", "yes"}:
    _instructors = _names("COURSE_BOARD_INSTRUCTORS")
    if not _instructors:
        raise CourseConfigError(
            "COURSE_BOARD=on but COURSE_BOARD_INSTRUCTORS is empty. Name the hub users "
            "who may open the class board (comma-separated), or set COURSE_BOARD=off."
        )
    _board_port = int(os.environ.get("COURSE_BOARD_PORT", "10101"))
    # the hub's data folder; TLJH keeps its state in $TLJH_INSTALL_PREFIX/state
    _tljh = os.environ.get("TLJH_INSTALL_PREFIX")
    _board_env = {
        "COURSE_BOARD_INSTRUCTORS": ",".join(sorted(_instructors)),
        "COURSE_BOARD_DATA_DIR": os.path.join(_tljh, "state") if _tljh else DATA_DIR,
        # the board speaks the course's language, as the participants' servers do
        "COURSE_KIT_LANG": COURSE_LANG,
    }
    for _var in ("COURSE_BOARD_DB_URL", "COURSE_BOARD_KEEP_DAYS", "COURSE_BOARD_RATE"):
        if os.environ.get(_var):
            _board_env[_var] = os.environ[_var]
    services = list(c.JupyterHub.services) if "services" in c.JupyterHub else []
    services.append(
        {
            "name": BOARD,
            "url": f"http://127.0.0.1:{_board_port}",
            # the Python the kit is installed in (TLJH: the user environment, which
            # also has jupyterhub); else the hub's own
            "command": [_exe("python") if BIN_DIR else sys.executable, "-m", "course_kit.board"],
            "environment": _board_env,
            "oauth_no_confirm": True,
            "display": False,  # only instructors can use it; they get the address
        }
    )
    c.JupyterHub.services = services
    # Participants (and their servers' tokens) may call the board: the board itself
    # decides who sees what (answers from everyone, the board for instructors only).
    roles = list(c.JupyterHub.load_roles) if "load_roles" in c.JupyterHub else []
    roles.append({"name": "user", "scopes": ["self", f"access:services!service={BOARD}"]})
    c.JupyterHub.load_roles = roles
    c.Spawner.server_token_scopes = [
        "users:activity!user",
        "access:servers!server",
        f"access:services!service={BOARD}",
    ]
    _env = dict(c.Spawner.environment) if "environment" in c.Spawner else {}
    _env["COURSE_BOARD_URL"] = os.environ.get(
        "COURSE_BOARD_URL", f"http://127.0.0.1:{_board_port}/services/{BOARD}/"
    )
    c.Spawner.environment = _env
