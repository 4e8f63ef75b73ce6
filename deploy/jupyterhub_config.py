"""JupyterHub configuration for a VIPP-SD course day.

Two ways to use this file:

* The Littlest JupyterHub (TLJH, one cloud VM; see docs/hosting.md): copy it to
  ``/opt/tljh/config/jupyterhub_config.d/vipp-course.py`` and run
  ``sudo tljh-config reload``. TLJH keeps its own authenticator, spawner
  (SystemdSpawner), idle culler and limits (``tljh-config set limits.memory 2G``);
  this file adds the course workspace and the timeouts, and fills in the limits
  below only where TLJH has none.
* Plain JupyterHub: ``jupyterhub -f deploy/jupyterhub_config.py``. The tests and the
  load test (``tests/test_hub.py``, ``benchmarks/load_hub.py``) load this file from a
  small overlay that only adds loopback ports, temporary folders and a test login.

Settings that differ between course days are read from environment variables,
so this file itself never needs editing:

=========================  ================  ==========================================
variable                   default           meaning
=========================  ================  ==========================================
COURSE_HUB_WORKSPACE       vipp-course       workspace folder, relative to the home dir
COURSE_HUB_MEM_LIMIT       2G (*)            memory limit per participant
COURSE_HUB_CPU_LIMIT       1 (*)             cores per participant (may be fractional)
COURSE_HUB_START_TIMEOUT   120               seconds a server may take to start
COURSE_HUB_CULL_TIMEOUT    3600              stop servers idle this many seconds (0: off)
COURSE_HUB_CULL_EVERY      300               how often the idle culler looks (seconds)
COURSE_HUB_AUTH            (keep)            ``shared-password``, ``firstuse``, ``github``
COURSE_HUB_PASSWORD        --                shared password (``shared-password`` only)
COURSE_HUB_BIN_DIR         (PATH)            folder with ``course-kit`` and
                                             ``jupyterhub-singleuser``
COURSE_KIT_NOTEBOOKS       (kit's checkout)  original notebooks, passed on to ``init``
=========================  ================  ==========================================

(*) only if no limit is configured yet; a COURSE_HUB_* value always wins.

Authenticator (who may log in) -- pick one for a real course:

* TLJH's default ``firstuseauthenticator``: each participant chooses a password on
  first login. Good when the instructor hands out user names. With TLJH:
  ``sudo tljh-config set auth.type firstuseauthenticator.FirstUseAuthenticator``.
* ``oauthenticator`` (GitHub, Google, or your university's OpenID Connect): no
  passwords to hand out; needs an OAuth app registered with the provider.
* ``ltiauthenticator``: log in from the learning platform (Canvas, Moodle).
* ``shared-password`` (built into JupyterHub >= 5.3): one password for everybody.
  Anybody with the password can log in as any participant, so use it only for a
  short course with synthetic data. The tests use it.

Resource limits: ``mem_limit`` and ``cpu_limit`` are ENFORCED only by spawners that
run servers in a cgroup or container: SystemdSpawner (TLJH), KubeSpawner (Zero to
JupyterHub) and DockerSpawner. LocalProcessSpawner and SimpleLocalProcessSpawner
(used in the tests) only pass them on as the MEM_LIMIT / CPU_LIMIT environment
variables, which the jupyter-resource-usage indicator shows to the participant.
"""

from __future__ import annotations

import importlib.util
import os
import shlex
import sys

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - provided by JupyterHub

WORKSPACE = os.environ.get("COURSE_HUB_WORKSPACE", "vipp-course")
_tljh_bin = "/opt/tljh/user/bin"
BIN_DIR = os.environ.get("COURSE_HUB_BIN_DIR") or (_tljh_bin if os.path.isdir(_tljh_bin) else "")


def _exe(name: str) -> str:
    return os.path.join(BIN_DIR, name) if BIN_DIR else name


# --- each participant's workspace -------------------------------------------------
# The workspace is made by ``course-kit workspace init`` as part of the server's own
# start command, not in a hub-side pre_spawn_hook: the command then runs AS the
# participant, in their home folder, with every spawner (local, systemd, Kubernetes).
# ``init`` copies only missing notebooks, so it runs on every login and never
# overwrites a participant's edits. If it fails, the server still starts (the
# participant keeps whatever they had) and the reason is in the server log.
_start = (
    f'{shlex.quote(_exe("course-kit"))} workspace init "$HOME"/{shlex.quote(WORKSPACE)} '
    '|| echo "course-kit workspace init failed; starting anyway" >&2; '
    f'exec {shlex.quote(_exe("jupyterhub-singleuser"))} "$@"'
)
# sh -c SCRIPT NAME ARGS...: JupyterHub appends its arguments, which become "$@".
c.Spawner.cmd = ["/bin/sh", "-c", _start, "course-kit-start"]
c.Spawner.notebook_dir = "~"
# Where `init` finds the original notebooks: by default the repository checkout the
# kit is installed from (pip install -e); COURSE_KIT_NOTEBOOKS overrides it.
if os.environ.get("COURSE_KIT_NOTEBOOKS"):
    c.Spawner.environment = {"COURSE_KIT_NOTEBOOKS": os.environ["COURSE_KIT_NOTEBOOKS"]}
c.Spawner.default_url = f"/lab/tree/{WORKSPACE}"


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
_auth = os.environ.get("COURSE_HUB_AUTH", "")
if _auth == "shared-password":
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = os.environ["COURSE_HUB_PASSWORD"]
    c.Authenticator.allow_all = True
elif _auth == "firstuse":  # pip install jupyterhub-firstuseauthenticator
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.create_users = True
    c.Authenticator.allow_all = True
elif _auth == "github":  # pip install oauthenticator; register an OAuth app first
    c.JupyterHub.authenticator_class = "github"
    c.GitHubOAuthenticator.oauth_callback_url = os.environ["COURSE_HUB_OAUTH_CALLBACK"]
    c.GitHubOAuthenticator.client_id = os.environ["COURSE_HUB_OAUTH_CLIENT_ID"]
    c.GitHubOAuthenticator.client_secret = os.environ["COURSE_HUB_OAUTH_CLIENT_SECRET"]
    # the participants' GitHub user names, comma-separated
    c.GitHubOAuthenticator.allowed_users = set(
        filter(None, os.environ.get("COURSE_HUB_ALLOWED_USERS", "").split(","))
    )
elif _auth:
    raise ValueError(
        f"COURSE_HUB_AUTH={_auth!r} is not known; use shared-password, firstuse or github"
    )
