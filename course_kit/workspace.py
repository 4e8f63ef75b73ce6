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
    Refused while the notebook is open in a running Jupyter server (its
    kernel is running): JupyterLab would save the old version over it again.

Where the original notebooks come from, first match wins: the ``--source DIR``
option (``source=`` in Python), the environment variable
``COURSE_KIT_NOTEBOOKS``, then the copy inside the installed package (a normal
``pip install .`` or a wheel), then the ``notebooks/`` folder of the repository
checkout the kit is installed from (``pip install -e .``).

Every write goes to a temporary file in the same folder, is flushed to disk
and then renamed over the target (``os.replace``), so an interrupted copy never
leaves a half-written notebook. A file the kit cannot classify as untouched (no
manifest entry, or a hash that differs) is treated as the participant's work.

A participant may save while ``update`` or ``reset`` runs. JupyterLab saves a
notebook by writing into the existing file, so before a file is replaced the
kit keeps a hard link to it, checks its hash again just before the rename and
once more after it: a save that landed in between is put back in place (the
newer version goes beside it). A damaged manifest is set aside and rebuilt
from the files themselves. If a problem (e.g. a full disk) stops the work half
way, the error names the file and says what was already done; the manifest
always matches the files.

On failure the command line writes ``COURSE-KIT-PROBLEM.txt`` into the
workspace (when it can) with the same message and exits with code 2, so a
JupyterHub that runs ``course-kit workspace init`` at server start shows the
problem to the participant; the next successful run removes the file.

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
import secrets
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from course_kit._paths import MANIFEST, shipped
from course_kit._result import Result, html_view
from course_kit.i18n import LANGUAGES
from course_kit.i18n import using as i18n_using
from course_kit.messages import text

BACKUPS = "backups"
DEFAULT_DIR = "~/vipp-course"
ENV_SOURCE = "COURSE_KIT_NOTEBOOKS"
# Folders and files in the source that are never part of a workspace.
_SKIP_NAMES = {"__pycache__", ".ipynb_checkpoints", BACKUPS}
_SKIP_SUFFIXES = {".pyc", ".tmp"}
_READONLY_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
PROBLEM_FILE = "COURSE-KIT-PROBLEM.txt"


# ---------------------------------------------------------------------------
# result object and error


class WorkspaceError(OSError):
    """A file of the workspace could not be written (the message says which, and the state).

    An ``OSError`` so that code catching disk problems keeps working; ``str()``
    is the plain message, without ``[Errno N]``.
    """


@dataclass
class WorkspaceReport(Result):
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
    renamed : list of (str, str)
        The participant's copies moved to a notebook's new name (old, new),
        edits and all (see ``course_kit.course.RENAMED``).
    unchanged : list of str
        Files already up to date.
    backups : list of str
        Backups written by ``reset``.
    notes : list of str
        Explanations, e.g. that a damaged manifest was rebuilt.
    problems : list of str
        Files that were skipped, and why (e.g. a folder where a notebook belongs).
    """

    path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    backups: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One plain sentence per thing that happened."""
        out = list(self.notes) + list(self.problems)
        out += [text("workspace.backup", name=n) for n in self.backups]
        out += [text("workspace.renamed", name=n, new=new) for n, new in self.renamed]
        out += [text("workspace.added", name=n) for n in self.added]
        out += [text("workspace.updated", name=n) for n in self.updated]
        out += [text("workspace.restored", name=n) for n in self.restored]
        out += [text("workspace.beside", name=n, new=new) for n, new in self.beside]
        out += [text("workspace.kept", name=n) for n in self.kept]
        return out

    def done(self) -> list[str]:
        """Files that were written (copied, replaced, restored, placed beside, backed up)."""
        return [
            *self.backups,
            *(new for _, new in self.renamed),
            *self.added,
            *self.updated,
            *self.restored,
            *(new for _, new in self.beside),
        ]

    def summary(self) -> str:
        """A short text for the participant."""
        head = text("workspace.summary", path=self.path)
        body = self.lines() or [text("workspace.nothing_new")]
        return "\n".join([head, *("  " + line for line in body)])

    def to_frame(self):
        """One row per file: ``file``, ``action`` and ``note`` (a tidy DataFrame)."""
        import pandas as pd

        rows = [(new, "renamed", n) for n, new in self.renamed]
        rows += [(n, "added", "") for n in self.added]
        rows += [(n, "updated", "") for n in self.updated]
        rows += [(n, "restored", "") for n in self.restored]
        rows += [(n, "kept, new version beside", new) for n, new in self.beside]
        rows += [(n, "kept", "") for n in self.kept]
        rows += [(n, "unchanged", "") for n in self.unchanged]
        rows += [(n, "backup", "") for n in self.backups]
        rows += [("", "problem", n) for n in self.problems]
        return pd.DataFrame(rows, columns=["file", "action", "note"])

    def _repr_html_(self) -> str:
        # one list item per file, so that a "NOT replaced" line stands out
        head = text("workspace.summary", path=self.path)
        items = self.lines() or [text("workspace.nothing_new")]
        return html_view("heading_list", title=head, items=items)


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
    error = PermissionError(text("workspace.read_only", path=folder, reason=exc.strerror or exc))
    error.errno = exc.errno
    return error


def _new_file_mode() -> int:
    # mkstemp creates files readable by their owner only (0600); a notebook
    # should get the permissions any new file gets (0666 minus the umask).
    # os.umask can only be read by setting it, so set it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _write_temp(path: Path, data: bytes) -> str:
    """Write ``data`` to a new, flushed temp file next to ``path``; return its name."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _new_file_mode())
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return tmp_name


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temp file in the same folder and a rename.

    Either the old file or the complete new one is there afterwards, never a
    half-written notebook, and no temp file is left behind.
    """
    tmp_name = _write_temp(path, data)
    try:
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _link(src, dst) -> bool:
    """Hard-link ``src`` as ``dst``; False if the file system has no hard links.

    Raises FileExistsError if ``dst`` exists (the link never overwrites).
    """
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except NotImplementedError:
        return False
    except OSError as exc:
        if exc.errno in _DISK_FULL_ERRNOS:
            raise
        return False
    return True


def _create_new(path: Path, data: bytes) -> bool:
    """Write ``data`` as ``path`` only if no file is there yet; False if one is.

    The complete temp file is *linked* into place, which fails if a file
    appeared meanwhile (e.g. the participant saved a notebook of that name),
    so that file is never overwritten.
    """
    tmp_name = _write_temp(path, data)
    try:
        if not _link(tmp_name, path):
            # No hard links here (some network drives): check, then rename.
            if path.exists():
                return False
            os.replace(tmp_name, path)
    except FileExistsError:
        return False
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
    _fsync_dir(path.parent)
    return True


def _before_replace(path: Path) -> None:
    """Called between the last check of ``path`` and its replacement.

    Does nothing; the tests use it to simulate a save that lands in that gap.
    """


def _replace_if_unchanged(path: Path, data: bytes, expected: str, backup_dir: Path) -> bool:
    """Replace ``path`` by ``data`` if its hash is still ``expected``.

    Returns False, and leaves the participant's file in place, if the file
    changed before the replacement (a save landed during the update).
    JupyterLab saves by writing into the existing file, so a hard link to it
    (``keep``) holds any save that lands between the last check and the
    rename, and the file is put back if that happened.
    """
    tmp_name = _write_temp(path, data)
    keep = path.with_name(f".{path.name}.{secrets.token_hex(4)}.keep.tmp")
    try:
        linked = _link(path, keep)
        if _file_sha256(keep if linked else path) != expected:
            return False  # changed since it was classified: the participant's work
        _before_replace(path)
        os.replace(tmp_name, path)
        _fsync_dir(path.parent)
        if linked and _file_sha256(keep) != expected:
            # A save landed in the last gap: it is in `keep`, put it back.
            if _file_sha256(path) == _sha256(data):
                os.replace(keep, path)
            else:  # saved again since: keep both
                _keep_as_backup(keep, backup_dir, path.name)
            return False
        return True
    finally:
        for name in (tmp_name, keep):
            with contextlib.suppress(OSError):
                os.unlink(name)


def _keep_as_backup(src: Path, backup_dir: Path, name: str) -> Path:
    """Link (or move) ``src`` to ``backup_dir/NAME.YYYYmmdd-HHMMSS.ipynb``; never overwrite."""
    _make_dir(backup_dir)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    stem, suffix = _split_name(name)
    while True:
        backup = _free_name(backup_dir, f"{stem}.{stamp}", suffix)
        try:
            if not _link(src, backup):
                os.replace(src, backup)  # no hard links here
        except FileExistsError:
            continue  # taken meanwhile: try the next name
        _fsync_dir(backup_dir)
        return backup


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
        notebooks inside the installed package, otherwise the ``notebooks/``
        folder of the repository the kit is installed from.

    Raises
    ------
    ValueError
        If the folder does not exist or holds no notebook.
    """
    if source is None:
        source = os.environ.get(ENV_SOURCE) or None
    if source is None:
        source = shipped("notebooks")
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
    if directory is not None and not str(os.fspath(directory)).strip():
        # `make lab WORKSPACE=` passes "": that would make the current folder a workspace.
        raise ValueError(text("workspace.empty_name", default=DEFAULT_DIR))
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
        # e.g. no space for even an empty file: say so plainly
        raise _stopped(exc, folder, WorkspaceReport(path=folder), []) from None
    os.close(fd)
    os.unlink(name)


def read_manifest(directory) -> dict:
    """The workspace manifest (``{}`` entries if it is missing or unreadable).

    An unreadable manifest is not an error: every file then counts as the
    participant's own work, which is the safe assumption. ``update`` goes
    further: it sets a damaged manifest aside and rebuilds it from the files.
    """
    data, _ = _parse_manifest(Path(directory).expanduser() / MANIFEST)
    return data


def _parse_manifest(path: Path) -> tuple[dict, bool]:
    """``(manifest, damaged)``; a missing file is empty, not damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"files": {}}, False
    except (OSError, ValueError):
        return {"files": {}}, True
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict) or not all(
        isinstance(e, dict) and isinstance(e.get("sha256"), str) for e in files.values()
    ):
        return {"files": {}}, True
    return data, False


def _load_manifest(folder: Path, report: WorkspaceReport) -> tuple[dict, bool]:
    """The manifest; a damaged one is kept aside (for the instructor) and explained."""
    path = folder / MANIFEST
    manifest, damaged = _parse_manifest(path)
    if damaged:
        aside = _free_name(folder, f"{MANIFEST}.damaged", "")
        with contextlib.suppress(OSError):
            os.replace(path, aside)
        report.notes.append(text("workspace.manifest_damaged", name=MANIFEST, aside=aside.name))
    return manifest, damaged


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


def init(directory=None, *, source=None, lang=None) -> WorkspaceReport:
    """Create a personal workspace, or bring an existing one up to date.

    Parameters
    ----------
    directory : path-like, optional
        The workspace folder (default ``~/vipp-course``). Created if needed.
    source : path-like, optional
        Folder with the original notebooks (see :func:`source_dir`).
    lang : {"en", "sv", "nb"}, optional
        The edition: English, Swedish or Norwegian bokmål. Default: the course's
        language (``$COURSE_KIT_LANG``), else the workspace's, else English. The
        kit then speaks that language in every notebook of the workspace. A new
        language on an existing workspace brings that edition's notebooks; a
        notebook the participant edited is kept, the new one is put beside it.

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
    return _sync(folder, src, _language(folder, lang))


def update(directory=None, *, source=None, lang=None) -> WorkspaceReport:
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
    lang : {"en", "sv", "nb"}, optional
        The edition (see :func:`init`); default: the one the workspace has.

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
    [('05-scoring-sensitivity.ipynb', '05-scoring-sensitivity.v0.2.0.ipynb')]
    """
    src = source_dir(source)
    folder = _workspace_dir(directory, must_exist=True)
    return _sync(folder, src, _language(folder, lang))


def _language(folder: Path, lang: str | None) -> str:
    """The edition of a workspace: ``lang`` if given, else the course's (``COURSE_KIT_LANG``,
    set by the hub), else the one the workspace already has, else English."""
    from course_kit import i18n

    if lang:
        return i18n.check_language(lang)
    env = os.environ.get(i18n.ENV_LANG, "").strip()
    if env:
        return i18n.check_language(env)
    current = read_manifest(folder).get("lang") if (folder / MANIFEST).is_file() else None
    try:
        return i18n.check_language(current) if current else "en"
    except ValueError:
        return "en"


@contextlib.contextmanager
def _edition(src: Path, lang: str):
    """The folder with the notebooks of edition ``lang``: ``src`` itself for English,
    else the translated notebooks, made into a temporary folder (never kept)."""
    if lang == "en":
        yield src
        return
    from course_kit import editions

    with tempfile.TemporaryDirectory(prefix=f"course-kit-{lang}-") as tmp:
        editions.build(lang, Path(tmp), src)
        yield Path(tmp)


def _check_not_source(folder: Path, src: Path) -> None:
    # Working in the pristine notebooks (or a folder inside them) would make
    # the originals the participant's copy: refuse.
    here, there = folder.resolve(), src.resolve()
    if here == there or there in here.parents:
        raise ValueError(text("workspace.is_source", path=folder))


def _sync(folder: Path, src: Path, lang: str = "en") -> WorkspaceReport:
    _check_not_source(folder, src)
    _check_writable(folder)
    with _edition(src, lang) as edition:
        return _sync_edition(folder, src, edition, lang)


def _sync_edition(folder: Path, src: Path, edition: Path, lang: str) -> WorkspaceReport:
    report = WorkspaceReport(path=folder)
    manifest, recovering = _load_manifest(folder, report)
    manifest["lang"] = lang
    _apply_renames(folder, manifest, report)
    files = list(source_files(edition).items())
    for index, (rel, original) in enumerate(files):
        try:
            _sync_file(folder, rel, original, manifest, report, recovering=recovering)
        except OSError as exc:
            # Keep the manifest true to the files already written, then say
            # which file failed and what is done and not done.
            with contextlib.suppress(OSError):
                _write_manifest(folder, manifest, src)
            pending = [name for name, _ in files[index:]]
            raise _stopped(exc, folder / rel, report, pending) from None
    if recovering:
        n_mine = len(report.kept) + len(report.beside)
        report.notes.append(text("workspace.manifest_rebuilt", n=n_mine))
    try:
        _write_manifest(folder, manifest, src)
    except OSError as exc:
        raise _stopped(exc, folder / MANIFEST, report, [MANIFEST]) from None
    return report


def _apply_renames(folder: Path, manifest: dict, report) -> None:
    """Move the participant's copy of each renamed notebook to its new name.

    The copy keeps its content (edits and all) and its manifest entry, so the
    usual rules then apply under the new name: an untouched copy is updated, an
    edited one is kept and the newer version is placed beside it. Nothing is
    moved when the new name is already taken: both files are the participant's.
    """
    from course_kit.course import RENAMED

    for old, new in RENAMED.items():
        source, target = folder / old, folder / new
        if not source.is_file():
            continue
        if target.exists():
            report.notes.append(text("workspace.rename_blocked", name=old, new=new))
            continue
        try:
            # a hard link never replaces a file that appeared at the new name meanwhile
            linked = _link(source, target)
        except FileExistsError:
            linked = None
        if linked is False:  # no hard links here (some network drives): copy instead
            linked = _create_new(target, source.read_bytes()) or None
        if linked is None:
            report.notes.append(text("workspace.rename_blocked", name=old, new=new))
            continue
        if _file_sha256(source) != _file_sha256(target):
            # the participant saved the old notebook just now: keep both files
            report.notes.append(text("workspace.rename_blocked", name=old, new=new))
            continue
        os.unlink(source)
        entry = manifest["files"].pop(old, None)
        if isinstance(entry, dict):
            manifest["files"][new] = entry
        report.renamed.append((old, new))


def _sync_file(
    folder: Path, rel: str, original: Path, manifest: dict, report, *, recovering: bool = False
) -> None:
    """Bring one file of the kit into the workspace (see :func:`update`)."""
    data = original.read_bytes()
    new_hash = _sha256(data)
    target = folder / rel
    known = manifest["files"].get(rel)
    entry = known if isinstance(known, dict) else None
    if target.is_dir():
        report.problems.append(text("workspace.folder_in_the_way", name=rel))
        return
    if not target.exists():
        _make_dir(target.parent)
        if _create_new(target, data):
            (report.restored if entry else report.added).append(rel)
            _record(manifest, rel, new_hash)
            return
        # The participant saved a file of that name meanwhile: classify it.
    current = _file_sha256(target)
    if current == new_hash:
        report.unchanged.append(rel)
        _record(manifest, rel, new_hash)
    elif (
        entry
        and current == entry.get("sha256")
        and _replace_if_unchanged(target, data, current, folder / BACKUPS)
    ):
        report.updated.append(rel)  # untouched by the participant
        _record(manifest, rel, new_hash)
    elif entry and new_hash == entry.get("latest"):
        report.kept.append(rel)  # edited, and nothing newer to offer
    else:
        stem, suffix = _split_name(rel)
        beside = _existing_copy(folder, stem, suffix, new_hash)
        if beside is None:
            beside = _place_beside(folder, f"{stem}.v{_kit_version()}", suffix, data)
            report.beside.append((rel, beside.relative_to(folder).as_posix()))
        else:  # this version is already there (e.g. after the manifest was rebuilt)
            report.kept.append(rel)
        base = entry.get("sha256", "") if entry and not recovering else ""
        _record(manifest, rel, base, latest=new_hash)


def _existing_copy(folder: Path, stem: str, suffix: str, sha: str) -> Path | None:
    """A ``STEM.v*`` copy beside the file that already holds the version ``sha``."""
    stem_path = folder / stem
    for candidate in sorted(stem_path.parent.glob(f"{stem_path.name}.v*{suffix}")):
        if candidate.is_file() and _file_sha256(candidate) == sha:
            return candidate
    return None


def _place_beside(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` under the first free name ``stem``, ``stem-2``, ... (never overwriting)."""
    while True:
        candidate = _free_name(folder, stem, suffix)
        if _create_new(candidate, data):
            return candidate


def _stopped(exc: OSError, path: Path, report: WorkspaceReport, pending: list[str]) -> OSError:
    """The error for a problem that stopped the work: which file, why, what is done, the fix."""
    folder = report.path
    try:
        name = path.relative_to(folder).as_posix() if path != folder else str(folder)
    except ValueError:
        name = str(path)
    if exc.errno in _DISK_FULL_ERRNOS:
        reason, fix = text("workspace.reason_disk_full"), text("workspace.fix_disk_full")
    elif exc.errno in _READONLY_ERRNOS:
        reason, fix = text("workspace.reason_read_only"), text("workspace.fix_read_only")
    elif exc.errno == errno.EISDIR:
        reason, fix = text("workspace.reason_is_folder"), text("workspace.fix_is_folder")
    else:
        reason, fix = (exc.strerror or str(exc)), text("workspace.fix_other")
    done = report.done()
    state = (
        text("workspace.state_partial", done=", ".join(done), pending=", ".join(pending))
        if done
        else text("workspace.state_nothing")
    )
    message = " ".join([text("workspace.stopped", name=name, reason=reason), state, fix])
    error_class = PermissionError if exc.errno in _READONLY_ERRNOS else WorkspaceError
    error = error_class(message)
    error.errno = exc.errno
    return error


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


def reset(notebook, directory=None, *, source=None, lang=None) -> WorkspaceReport:
    """Restore the original of one notebook, keeping a backup of the participant's copy.

    Parameters
    ----------
    notebook : str or path-like
        The notebook's name, with or without ``.ipynb`` (e.g.
        ``"06-effect-sizes"``), or its path inside the workspace.
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
    >>> report = workspace.reset("06-effect-sizes", "~/vipp-course")  # doctest: +SKIP
    >>> report.backups  # doctest: +SKIP
    ['backups/06-effect-sizes.20260124-101500.ipynb']
    """
    src = source_dir(source)
    folder = _workspace_dir(directory, must_exist=True)
    _check_not_source(folder, src)
    lang = _language(folder, lang)
    with _edition(src, lang) as edition:
        files = source_files(edition)
        rel = _resolve_notebook(notebook, folder, files)
        _check_writable(folder)
        data = files[rel].read_bytes()
    target = folder / rel
    report = WorkspaceReport(path=folder)
    if target.is_dir():
        raise ValueError(text("workspace.folder_in_the_way", name=rel))
    manifest, _ = _load_manifest(folder, report)
    manifest["lang"] = lang
    try:
        if target.exists() and _file_sha256(target) == _sha256(data):
            report.unchanged.append(rel)
        else:
            if target.exists():
                _check_not_open(target, rel)
                # A hard link, not a copy: if JupyterLab is still writing a save
                # into the file, the rest of it lands in the backup too.
                backup = _keep_as_backup(target, folder / BACKUPS, Path(rel).name)
                report.backups.append(backup.relative_to(folder).as_posix())
            _make_dir(target.parent)
            _atomic_write(target, data)
            report.restored.append(rel)
        _record(manifest, rel, _sha256(data))
        _write_manifest(folder, manifest, src)
    except WorkspaceError:
        raise
    except OSError as exc:
        raise _stopped(exc, target, report, [rel]) from None
    return report


def _running_servers() -> list[dict]:
    """Connection files of the Jupyter servers this user runs (``jpserver-*.json``)."""
    try:
        from jupyter_core.paths import jupyter_runtime_dir

        runtime = Path(jupyter_runtime_dir())
    except ImportError:  # no Jupyter installed: nothing can have the notebook open
        return []
    servers = []
    for info_file in runtime.glob("jpserver-*.json"):
        try:
            info = json.loads(info_file.read_text(encoding="utf-8"))
            os.kill(int(info["pid"]), 0)  # a stale file of a server that has ended
        except (OSError, ValueError, KeyError, TypeError):
            continue
        servers.append(info)
    return servers


def open_notebooks() -> set[Path]:
    """Notebooks with a running kernel in one of this user's Jupyter servers.

    Asks each running server (found via the Jupyter runtime folder) for its
    sessions; a server that does not answer within 2 seconds is skipped.
    """
    import urllib.request

    found = set()
    for info in _running_servers():
        url = str(info.get("url", "")).rstrip("/") + "/api/sessions"
        token = info.get("token") or os.environ.get("JUPYTERHUB_API_TOKEN", "")
        request = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                sessions = json.load(response)
        except (OSError, ValueError):
            continue
        root = Path(info.get("root_dir") or info.get("notebook_dir") or "~").expanduser()
        for session in sessions if isinstance(sessions, list) else []:
            rel = session.get("path") if isinstance(session, dict) else None
            if isinstance(rel, str) and rel:
                found.add((root / rel).resolve())
    return found


def _check_not_open(target: Path, rel: str) -> None:
    # Resetting an open notebook is useless at best: JupyterLab saves the
    # version on screen over the restored one a minute later.
    if target.resolve() in open_notebooks():
        raise ValueError(text("workspace.open_in_jupyter", name=rel))


# ---------------------------------------------------------------------------
# command line: course-kit workspace {init,update,reset}


def add_arguments(parser) -> None:
    """Sub-commands ``init``, ``update`` and ``reset``."""
    sub = parser.add_subparsers(dest="action", metavar="ACTION")
    sub.required = True
    source_help = f"folder with the original notebooks (default: ${ENV_SOURCE} or the kit's own)"
    lang_help = (
        "edition: en (English), sv (svenska), nb (norsk bokmål); "
        "default: $COURSE_KIT_LANG, else the workspace's, else en"
    )
    for name, help_text in (
        ("init", "make your workspace (or update it if it exists)"),
        ("update", "bring new notebooks into your workspace; your edits are kept"),
    ):
        sp = sub.add_parser(name, help=help_text)
        sp.add_argument("dir", nargs="?", default=None, help=f"workspace (default {DEFAULT_DIR})")
        sp.add_argument("--source", default=None, help=source_help)
        sp.add_argument("--lang", default=None, choices=LANGUAGES, help=lang_help)
    sp = sub.add_parser("reset", help="restore one notebook (your copy is saved in backups/)")
    sp.add_argument("notebook", help="notebook name, e.g. 06-effect-sizes.ipynb")
    sp.add_argument("--dir", default=None, help=f"workspace (default {DEFAULT_DIR})")
    sp.add_argument("--source", default=None, help=source_help)
    sp.add_argument("--lang", default=None, choices=LANGUAGES, help=lang_help)


def run(args) -> int:
    """Run a workspace sub-command; problems give a message and exit code 2.

    The message also goes into ``COURSE-KIT-PROBLEM.txt`` in the workspace (if
    it can be written), so a participant whose workspace a JupyterHub made at
    server start sees it in the file browser; a successful run removes it.
    Files that were skipped (``report.problems``) give exit code 1.
    """
    with i18n_using(_command_language(args)):
        return _run(args)


def _run(args) -> int:
    directory = args.dir
    try:
        if args.action == "init":
            report = init(directory, source=args.source, lang=args.lang)
        elif args.action == "update":
            report = update(directory, source=args.source, lang=args.lang)
        else:
            report = reset(args.notebook, directory, source=args.source, lang=args.lang)
    except (ValueError, OSError) as exc:  # e.g. disk full: still no traceback
        message = str(exc) if isinstance(exc, (ValueError, WorkspaceError)) else _plain(exc)
        print(text("workspace.problem", message=message), file=sys.stderr)
        if args.action != "reset":
            _write_problem_file(directory, message)
        return 2
    _remove_problem_file(report.path)
    _remove_problem_file(report.path.parent)
    print(report.summary())
    return 1 if report.problems else 0


def _command_language(args) -> str | None:
    # The command's own messages in the edition being set up (--lang), else the
    # workspace's: a Swedish participant reads "make lab LANG=sv" output in Swedish.
    try:
        folder = Path(DEFAULT_DIR if args.dir is None else args.dir).expanduser()
        return getattr(args, "lang", None) or _language(folder, None)
    except (ValueError, OSError):
        return None


def _plain(exc: OSError) -> str:
    # An OSError nobody explained yet: its reason and file, without "[Errno N]".
    reason = exc.strerror or str(exc)
    return f"{reason}: {exc.filename}" if exc.filename else reason


def _write_problem_file(directory, message: str) -> None:
    if directory is not None and not str(os.fspath(directory)).strip():
        return  # refused: an empty name is not a folder to write into
    folder = Path(DEFAULT_DIR if directory is None else directory).expanduser()
    body = text("workspace.problem_file", message=message, path=folder) + "\n"
    # The workspace itself, or (if it could not be made) the folder it belongs in,
    # e.g. the home folder a JupyterHub participant sees.
    for place in (folder, folder.parent):
        with contextlib.suppress(OSError, ValueError):
            if place.is_dir():
                _atomic_write(place / PROBLEM_FILE, body.encode("utf-8"))
                return


def _remove_problem_file(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (folder / PROBLEM_FILE).unlink()
