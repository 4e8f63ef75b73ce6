"""A participant's own copy of the course notebooks (``course-kit workspace``).

Participants work in a personal *workspace* folder (default ``~/vipp-course``),
never in the pristine notebooks of the kit. Three commands look after it:

``init [DIR]``
    Copy the notebooks into ``DIR`` and write a manifest ``.course-kit.json``
    (kit version and the SHA-256 of every file as it was copied). If ``DIR``
    already holds a workspace, ``init`` behaves exactly like ``update``, so
    ``make lab`` can call it every time.
``update [DIR]``
    Bring in new and changed notebooks from a newer kit:

    * a new notebook is copied;
    * a notebook the participant has not edited (its hash still equals the
      manifest's) is replaced by the newer version;
    * an edited notebook is **never** overwritten: the newer version is placed
      beside it as ``NAME.vX.Y.Z.ipynb`` (``NAME.vX.Y.Z-2.ipynb`` and so on if
      that name is taken) and the participant is told;
    * a notebook the participant deleted is copied again (as nbgitpuller does):
      deleting is the way to ask for a fresh copy, and nothing is lost by it.
``reset NOTEBOOK [--dir DIR]``
    Restore the original notebook after saving the participant's copy as
    ``backups/NAME.YYYYmmdd-HHMMSS.ipynb`` (never overwriting a backup).

Where the original notebooks come from, first match wins: the ``--source DIR``
option (``source=`` in Python), the environment variable
``COURSE_KIT_NOTEBOOKS``, then the ``notebooks/`` folder of the repository
checkout the kit is installed from (``pip install -e .``).

Every write goes to a temporary file in the same folder, is flushed to disk
and then renamed over the target (``os.replace``), so an interrupted copy never
leaves a half-written notebook. A file the kit cannot classify as untouched (no
manifest entry, or a hash that differs) is treated as the participant's work.

Examples
--------
>>> from course_kit import workspace
>>> report = workspace.init("~/vipp-course")  # doctest: +SKIP
>>> print(report.summary())  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from course_kit.messages import text

MANIFEST = ".course-kit.json"
BACKUPS = "backups"
DEFAULT_DIR = "~/vipp-course"
ENV_SOURCE = "COURSE_KIT_NOTEBOOKS"
# Folders and files in the source that are never part of a workspace.
_SKIP_NAMES = {"__pycache__", ".ipynb_checkpoints", BACKUPS}
_SKIP_SUFFIXES = {".pyc", ".tmp"}
_READONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


# ---------------------------------------------------------------------------
# result object


@dataclass
class WorkspaceReport:
    """What ``init``, ``update`` or ``reset`` did, file by file.

    Attributes
    ----------
    path : Path
        The workspace folder.
    added, updated, restored : list of str
        Files copied for the first time, replaced by a newer version (they
        were not edited), or copied again after the participant deleted them.
    beside : list of (str, str)
        Edited files that were kept, and the name of the newer version that
        was placed beside each.
    kept : list of str
        Edited files with no newer version in the kit (left as they are).
    unchanged : list of str
        Files already up to date.
    backups : list of str
        Backups written by ``reset``.
    """

    path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    backups: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One plain sentence per thing that happened."""
        out = [text("workspace.backup", name=n) for n in self.backups]
        out += [text("workspace.added", name=n) for n in self.added]
        out += [text("workspace.updated", name=n) for n in self.updated]
        out += [text("workspace.restored", name=n) for n in self.restored]
        out += [text("workspace.beside", name=n, new=new) for n, new in self.beside]
        out += [text("workspace.kept", name=n) for n in self.kept]
        return out

    def summary(self) -> str:
        """A short text for the participant."""
        head = text("workspace.summary", path=self.path)
        body = self.lines() or [text("workspace.nothing_new")]
        return "\n".join([head, *("  " + line for line in body)])

    def to_frame(self):
        """One row per file: ``file``, ``action`` and ``note`` (a tidy DataFrame)."""
        import pandas as pd

        rows = [(n, "added", "") for n in self.added]
        rows += [(n, "updated", "") for n in self.updated]
        rows += [(n, "restored", "") for n in self.restored]
        rows += [(n, "kept, new version beside", new) for n, new in self.beside]
        rows += [(n, "kept", "") for n in self.kept]
        rows += [(n, "unchanged", "") for n in self.unchanged]
        rows += [(n, "backup", "") for n in self.backups]
        return pd.DataFrame(rows, columns=["file", "action", "note"])

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(f"<li>{escape(line)}</li>" for line in self.lines())
        if not items:
            items = f"<li>{escape(text('workspace.nothing_new'))}</li>"
        head = escape(text("workspace.summary", path=self.path))
        return f"<p><b>{head}</b></p><ul>{items}</ul>"

    def __str__(self) -> str:
        return self.summary()


# ---------------------------------------------------------------------------
# small file helpers


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    return _sha256(path.read_bytes())


def _write_all(fh, data: bytes) -> None:
    # A separate function so the tests can simulate a failure half way through.
    fh.write(data)


def _readonly_error(folder: Path, exc: OSError) -> PermissionError:
    return PermissionError(text("workspace.read_only", path=folder, reason=exc.strerror or exc))


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder and a rename.

    Either the old file or the complete new one is there afterwards, never a
    half-written notebook, and no temp file is left behind.
    """
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        if exc.errno in _READONLY_ERRNOS:
            raise _readonly_error(folder, exc) from None
        raise
    try:
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    # Make the rename itself durable; not possible on every platform.
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-2``, ``stem-3``... if that is taken."""
    candidate = folder / f"{stem}{suffix}"
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    return candidate


def _split_name(rel: str) -> tuple[str, str]:
    """``'a/02-x.ipynb'`` -> ``('a/02-x', '.ipynb')``."""
    path = Path(rel)
    return str(path.with_suffix("")), path.suffix


# ---------------------------------------------------------------------------
# source, workspace folder and manifest


def _kit_version() -> str:
    from course_kit import __version__

    return __version__


def source_dir(source: str | os.PathLike | None = None) -> Path:
    """Return the folder with the original notebooks.

    Parameters
    ----------
    source : path-like, optional
        Use this folder. Otherwise ``$COURSE_KIT_NOTEBOOKS``, otherwise the
        ``notebooks/`` folder of the repository the kit is installed from.

    Raises
    ------
    ValueError
        If the folder does not exist or holds no notebook.
    """
    if source is None:
        source = os.environ.get(ENV_SOURCE) or None
    if source is None:
        import course_kit

        source = Path(course_kit.__file__).resolve().parents[1] / "notebooks"
    folder = Path(source).expanduser()
    if not folder.is_dir():
        raise ValueError(text("workspace.no_source", path=folder, env=ENV_SOURCE))
    if not any(folder.glob("*.ipynb")):
        raise ValueError(text("workspace.empty_source", path=folder))
    return folder


def source_files(source: Path) -> dict[str, Path]:
    """Every file the workspace receives, keyed by its path relative to ``source``.

    All notebooks, and any data files next to them (in sub-folders too), except
    caches, checkpoints, backups and hidden files.
    """
    files = {}
    for path in sorted(source.rglob("*")):
        rel = path.relative_to(source)
        if any(part in _SKIP_NAMES or part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix not in _SKIP_SUFFIXES:
            files[rel.as_posix()] = path
    return files


def _workspace_dir(directory, *, must_exist: bool) -> Path:
    folder = Path(DEFAULT_DIR if directory is None else directory).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ValueError(text("workspace.not_a_folder", path=folder))
    if must_exist and not (folder / MANIFEST).is_file():
        if not folder.is_dir():
            raise ValueError(text("workspace.missing", path=folder))
        raise ValueError(text("workspace.no_manifest", path=folder))
    return folder


def _make_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in _READONLY_ERRNOS:
            # Name the folder that could not be written, not the one we wanted.
            parent = folder
            while not parent.exists() and parent != parent.parent:
                parent = parent.parent
            raise _readonly_error(parent, exc) from None
        raise


def _check_writable(folder: Path) -> None:
    """Fail early, with a friendly message, if ``folder`` cannot be written.

    ``os.access`` is not enough (it says yes to root on a read-only mount), so
    this creates and removes a small probe file.
    """
    try:
        fd, name = tempfile.mkstemp(dir=folder, prefix=".course-kit-probe.", suffix=".tmp")
    except OSError as exc:
        if exc.errno in _READONLY_ERRNOS:
            raise _readonly_error(folder, exc) from None
        raise
    os.close(fd)
    os.unlink(name)


def read_manifest(directory) -> dict:
    """The workspace manifest (``{}`` entries if it is missing or unreadable).

    An unreadable manifest is not an error: every file then counts as the
    participant's own work, which is the safe assumption.
    """
    path = Path(directory).expanduser() / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        data = {"files": {}}
    return data


def _write_manifest(folder: Path, manifest: dict, source: Path) -> None:
    manifest["kit_version"] = _kit_version()
    manifest["source"] = str(source)
    manifest["updated"] = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
    data = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    _atomic_write(folder / MANIFEST, data.encode("utf-8"))


def _record(manifest: dict, rel: str, base: str, latest: str | None = None) -> None:
    # base: hash of the kit version the participant's file started from;
    # latest: hash of the newest kit version offered (in place or beside).
    manifest["files"][rel] = {
        "sha256": base,
        "latest": latest or base,
        "version": _kit_version(),
    }


# ---------------------------------------------------------------------------
# public API


def init(directory=None, *, source=None) -> WorkspaceReport:
    """Create a personal workspace, or bring an existing one up to date.

    Parameters
    ----------
    directory : path-like, optional
        The workspace folder (default ``~/vipp-course``). Created if needed.
    source : path-like, optional
        Folder with the original notebooks (see :func:`source_dir`).

    Returns
    -------
    WorkspaceReport
        What was copied; ``print(report)`` tells the participant.

    Raises
    ------
    ValueError
        If the source folder is missing, or ``directory`` is a file.
    PermissionError
        If the workspace folder cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from course_kit import workspace
    >>> folder = tempfile.mkdtemp()
    >>> report = workspace.init(folder)
    >>> "00-start-here.ipynb" in report.added
    True
    """
    src = source_dir(source)
    folder = _workspace_dir(directory, must_exist=False)
    _check_not_source(folder, src)
    _make_dir(folder)
    return _sync(folder, src)


def update(directory=None, *, source=None) -> WorkspaceReport:
    """Bring new and changed notebooks into an existing workspace.

    Untouched files are replaced by their newer version; edited files are
    never overwritten (the newer version is placed beside them as
    ``NAME.vX.Y.Z.ipynb``); deleted files are copied again.

    Parameters
    ----------
    directory : path-like, optional
        The workspace folder (default ``~/vipp-course``); it must exist.
    source : path-like, optional
        Folder with the original notebooks (see :func:`source_dir`).

    Returns
    -------
    WorkspaceReport

    Raises
    ------
    ValueError
        If the workspace or the source folder is missing.
    PermissionError
        If the workspace folder cannot be written.

    Examples
    --------
    >>> from course_kit import workspace
    >>> report = workspace.update("~/vipp-course")  # doctest: +SKIP
    >>> report.beside  # doctest: +SKIP
    [('02-scoring-sensitivity.ipynb', '02-scoring-sensitivity.v0.2.0.ipynb')]
    """
    src = source_dir(source)
    folder = _workspace_dir(directory, must_exist=True)
    return _sync(folder, src)


def _check_not_source(folder: Path, src: Path) -> None:
    # Working in the pristine notebooks (or a folder inside them) would make
    # the originals the participant's copy: refuse.
    here, there = folder.resolve(), src.resolve()
    if here == there or there in here.parents:
        raise ValueError(text("workspace.is_source", path=folder))


def _sync(folder: Path, src: Path) -> WorkspaceReport:
    _check_not_source(folder, src)
    _check_writable(folder)
    manifest = read_manifest(folder)
    known = manifest["files"]
    report = WorkspaceReport(path=folder)
    version = _kit_version()
    for rel, original in source_files(src).items():
        data = original.read_bytes()
        new_hash = _sha256(data)
        target = folder / rel
        entry = known.get(rel) if isinstance(known.get(rel), dict) else None
        if not target.exists():
            _make_dir(target.parent)
            _atomic_write(target, data)
            (report.restored if entry else report.added).append(rel)
            _record(manifest, rel, new_hash)
            continue
        current = _file_sha256(target)
        if current == new_hash:
            report.unchanged.append(rel)
            _record(manifest, rel, new_hash)
        elif entry and current == entry.get("sha256"):
            _atomic_write(target, data)  # untouched by the participant
            report.updated.append(rel)
            _record(manifest, rel, new_hash)
        elif entry and new_hash == entry.get("latest"):
            report.kept.append(rel)  # edited, and nothing newer to offer
        else:
            stem, suffix = _split_name(rel)
            beside = _free_name(folder, f"{stem}.v{version}", suffix)
            _atomic_write(beside, data)
            report.beside.append((rel, beside.relative_to(folder).as_posix()))
            base = entry.get("sha256", "") if entry else ""
            _record(manifest, rel, base, latest=new_hash)
    _write_manifest(folder, manifest, src)
    return report


def _resolve_notebook(name, folder: Path, files: dict[str, Path]) -> str:
    raw = Path(os.fspath(name)).expanduser()
    if raw.is_absolute():
        try:
            raw = raw.resolve().relative_to(folder.resolve())
        except ValueError:
            raise ValueError(text("workspace.outside", name=name, path=folder)) from None
    rel = raw.as_posix()
    for candidate in (rel, rel + ".ipynb"):
        if candidate in files:
            return candidate
    choices = ", ".join(n for n in files if n.endswith(".ipynb"))
    raise ValueError(text("workspace.unknown_notebook", name=name, names=choices))


def reset(notebook, directory=None, *, source=None) -> WorkspaceReport:
    """Restore the original of one notebook, keeping a backup of the participant's copy.

    Parameters
    ----------
    notebook : str or path-like
        The notebook's name, with or without ``.ipynb`` (e.g.
        ``"03-effect-sizes"``), or its path inside the workspace.
    directory : path-like, optional
        The workspace folder (default ``~/vipp-course``); it must exist.
    source : path-like, optional
        Folder with the original notebooks (see :func:`source_dir`).

    Returns
    -------
    WorkspaceReport
        ``report.backups`` names the backup, ``report.restored`` the notebook.

    Raises
    ------
    ValueError
        If the notebook is not part of the course, or a folder is missing.
    PermissionError
        If the workspace folder cannot be written.

    Examples
    --------
    >>> from course_kit import workspace
    >>> report = workspace.reset("03-effect-sizes", "~/vipp-course")  # doctest: +SKIP
    >>> report.backups  # doctest: +SKIP
    ['backups/03-effect-sizes.20260124-101500.ipynb']
    """
    src = source_dir(source)
    folder = _workspace_dir(directory, must_exist=True)
    _check_not_source(folder, src)
    files = source_files(src)
    rel = _resolve_notebook(notebook, folder, files)
    _check_writable(folder)
    data = files[rel].read_bytes()
    target = folder / rel
    report = WorkspaceReport(path=folder)
    if target.exists():
        mine = target.read_bytes()
        if mine == data:
            report.unchanged.append(rel)
        else:
            backup_dir = folder / BACKUPS
            _make_dir(backup_dir)
            stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            stem, suffix = _split_name(Path(rel).name)
            backup = _free_name(backup_dir, f"{stem}.{stamp}", suffix)
            _atomic_write(backup, mine)  # the backup is complete before we touch the original
            report.backups.append(backup.relative_to(folder).as_posix())
    if rel not in report.unchanged:
        _make_dir(target.parent)
        _atomic_write(target, data)
        report.restored.append(rel)
    manifest = read_manifest(folder)
    _record(manifest, rel, _sha256(data))
    _write_manifest(folder, manifest, src)
    return report


# ---------------------------------------------------------------------------
# command line: course-kit workspace {init,update,reset}


def add_arguments(parser) -> None:
    """Sub-commands ``init``, ``update`` and ``reset``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    source_help = f"folder with the original notebooks (default: ${ENV_SOURCE} or the kit's own)"
    for name, help_text in (
        ("init", "make your workspace (or update it if it exists)"),
        ("update", "bring new notebooks into your workspace; your edits are kept"),
    ):
        sp = sub.add_parser(name, help=help_text)
        sp.add_argument("dir", nargs="?", default=None, help=f"workspace (default {DEFAULT_DIR})")
        sp.add_argument("--source", default=None, help=source_help)
    sp = sub.add_parser("reset", help="restore one notebook (your copy is saved in backups/)")
    sp.add_argument("notebook", help="notebook name, e.g. 03-effect-sizes.ipynb")
    sp.add_argument("--dir", default=None, help=f"workspace (default {DEFAULT_DIR})")
    sp.add_argument("--source", default=None, help=source_help)


def run(args) -> int:
    """Run a workspace sub-command; problems give a message and exit code 2."""
    try:
        if args.action == "init":
            report = init(args.dir, source=args.source)
        elif args.action == "update":
            report = update(args.dir, source=args.source)
        else:
            report = reset(args.notebook, args.dir, source=args.source)
    except (ValueError, PermissionError) as exc:
        print(text("workspace.problem", message=exc), file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. disk full: still no traceback for a participant
        print(text("workspace.problem", message=exc), file=sys.stderr)
        return 2
    print(report.summary())
    return 0
