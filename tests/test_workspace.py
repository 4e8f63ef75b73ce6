"""The participant workspace never loses work (``course_kit.workspace``)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from course_kit import __version__, workspace

ROOT = Path(__file__).resolve().parents[1]


def _nb(title: str) -> bytes:
    """A tiny but valid notebook whose bytes depend on ``title``."""
    nb = {
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": [f"# {title}"]}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return (json.dumps(nb, indent=1) + "\n").encode()


@pytest.fixture
def source(tmp_path):
    src = tmp_path / "kit-notebooks"
    src.mkdir()
    (src / "01-first.ipynb").write_bytes(_nb("first v1"))
    (src / "02-second.ipynb").write_bytes(_nb("second v1"))
    (src / ".ipynb_checkpoints").mkdir()
    (src / ".ipynb_checkpoints" / "01-first-checkpoint.ipynb").write_bytes(_nb("old"))
    return src


@pytest.fixture
def ws(tmp_path, source):
    folder = tmp_path / "my-course"
    workspace.init(folder, source=source)
    return folder


def _leftover_temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith(".tmp")]


def test_init_copies_notebooks_and_records_their_hashes(tmp_path, source):
    folder = tmp_path / "new" / "workspace"
    report = workspace.init(folder, source=source)
    assert report.added == ["01-first.ipynb", "02-second.ipynb"]
    assert (folder / "01-first.ipynb").read_bytes() == _nb("first v1")
    assert not (folder / ".ipynb_checkpoints").exists()
    manifest = json.loads((folder / workspace.MANIFEST).read_text())
    assert manifest["kit_version"] == __version__
    expected = hashlib.sha256(_nb("second v1")).hexdigest()
    assert manifest["files"]["02-second.ipynb"]["sha256"] == expected
    assert "01-first.ipynb" in report.summary()


def test_init_twice_is_idempotent_and_never_overwrites(ws, source):
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    before = sorted(p.name for p in ws.iterdir())
    report = workspace.init(ws, source=source)
    assert (ws / "01-first.ipynb").read_bytes() == b"my answers"
    assert report.kept == ["01-first.ipynb"]
    assert report.unchanged == ["02-second.ipynb"]
    assert not report.added and not report.updated and not report.beside
    assert sorted(p.name for p in ws.iterdir()) == before


def test_update_replaces_an_untouched_file(ws, source):
    (source / "02-second.ipynb").write_bytes(_nb("second v2"))
    report = workspace.update(ws, source=source)
    assert report.updated == ["02-second.ipynb"]
    assert (ws / "02-second.ipynb").read_bytes() == _nb("second v2")
    # ... and the next update knows the new version is the untouched one
    (source / "02-second.ipynb").write_bytes(_nb("second v3"))
    assert workspace.update(ws, source=source).updated == ["02-second.ipynb"]
    assert (ws / "02-second.ipynb").read_bytes() == _nb("second v3")


def test_update_keeps_an_edited_file_and_puts_the_new_version_beside_it(ws, source):
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    report = workspace.update(ws, source=source)
    beside = f"01-first.v{__version__}.ipynb"
    assert (ws / "01-first.ipynb").read_bytes() == b"my answers"
    assert report.beside == [("01-first.ipynb", beside)]
    assert (ws / beside).read_bytes() == _nb("first v2")
    assert "NOT replaced" in report.summary() and beside in report.summary()

    # The same update again offers nothing new: no second copy.
    again = workspace.update(ws, source=source)
    assert again.kept == ["01-first.ipynb"] and not again.beside

    # A still newer version never clobbers the earlier one beside it.
    (source / "01-first.ipynb").write_bytes(_nb("first v3"))
    third = workspace.update(ws, source=source)
    counter_name = f"01-first.v{__version__}-2.ipynb"
    assert third.beside == [("01-first.ipynb", counter_name)]
    assert (ws / beside).read_bytes() == _nb("first v2")
    assert (ws / counter_name).read_bytes() == _nb("first v3")
    assert (ws / "01-first.ipynb").read_bytes() == b"my answers"


def test_reverted_edit_counts_as_untouched_again(ws, source):
    original = (ws / "01-first.ipynb").read_bytes()
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    workspace.update(ws, source=source)
    (ws / "01-first.ipynb").write_bytes(original)  # participant undoes their edit
    (source / "01-first.ipynb").write_bytes(_nb("first v3"))
    assert workspace.update(ws, source=source).updated == ["01-first.ipynb"]


def test_update_copies_new_notebooks_and_their_data_files(ws, source):
    (source / "03-third.ipynb").write_bytes(_nb("third"))
    (source / "data").mkdir()
    (source / "data" / "ratings.csv").write_text("family,score\n1,5\n")
    report = workspace.update(ws, source=source)
    assert sorted(report.added) == ["03-third.ipynb", "data/ratings.csv"]
    assert (ws / "data" / "ratings.csv").read_text() == "family,score\n1,5\n"
    assert "data/ratings.csv" in workspace.read_manifest(ws)["files"]


def test_a_deleted_notebook_is_copied_again(ws, source):
    (ws / "02-second.ipynb").unlink()
    report = workspace.update(ws, source=source)
    assert report.restored == ["02-second.ipynb"]
    assert (ws / "02-second.ipynb").read_bytes() == _nb("second v1")


def test_files_in_a_folder_without_manifest_count_as_participant_work(tmp_path, source):
    folder = tmp_path / "old-folder"
    folder.mkdir()
    (folder / "01-first.ipynb").write_bytes(b"older notes of mine")
    report = workspace.init(folder, source=source)
    assert (folder / "01-first.ipynb").read_bytes() == b"older notes of mine"
    assert report.beside == [("01-first.ipynb", f"01-first.v{__version__}.ipynb")]
    assert report.added == ["02-second.ipynb"]


def test_reset_restores_the_original_and_keeps_a_timestamped_backup(ws, source):
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    report = workspace.reset("01-first", ws, source=source)
    assert (ws / "01-first.ipynb").read_bytes() == _nb("first v1")
    [backup] = report.backups
    assert backup.startswith("backups/01-first.") and backup.endswith(".ipynb")
    assert (ws / backup).read_bytes() == b"my answers"

    # A second reset in the same second never overwrites the first backup.
    (ws / "01-first.ipynb").write_bytes(b"second try")
    second = workspace.reset("01-first.ipynb", ws, source=source)
    assert (ws / backup).read_bytes() == b"my answers"
    assert (ws / second.backups[0]).read_bytes() == b"second try"
    assert len(list((ws / "backups").iterdir())) == 2


def test_reset_of_an_unedited_notebook_changes_nothing(ws, source):
    report = workspace.reset("02-second", ws, source=source)
    assert report.unchanged == ["02-second.ipynb"] and not report.backups
    assert not (ws / "backups").exists()


def test_reset_then_update_treats_the_file_as_untouched(ws, source):
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    workspace.reset("01-first", ws, source=source)
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    assert workspace.update(ws, source=source).updated == ["01-first.ipynb"]


def test_reset_of_an_unknown_notebook_lists_the_choices(ws, source):
    with pytest.raises(ValueError, match=r"no course notebook called 'nope'.*01-first.ipynb"):
        workspace.reset("nope", ws, source=source)


def test_interrupted_copy_leaves_no_half_written_notebook(ws, source, monkeypatch):
    (source / "02-second.ipynb").write_bytes(_nb("second v2"))
    (source / "03-third.ipynb").write_bytes(_nb("third"))
    before = (ws / "02-second.ipynb").read_bytes()

    def half_then_disk_full(fh, data):
        fh.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workspace, "_write_all", half_then_disk_full)
    with pytest.raises(OSError, match=r"02-second.ipynb: the disk is full"):
        workspace.update(ws, source=source)
    assert (ws / "02-second.ipynb").read_bytes() == before
    assert not _leftover_temp_files(ws)

    # The same for a brand-new file: it is absent, not half there.
    (source / "02-second.ipynb").write_bytes(before)
    with pytest.raises(OSError):
        workspace.update(ws, source=source)
    assert not (ws / "03-third.ipynb").exists()
    assert not _leftover_temp_files(ws)


def test_read_only_workspace_gives_a_clear_permission_error(ws, source, monkeypatch):
    (source / "02-second.ipynb").write_bytes(_nb("second v2"))
    before = (ws / "02-second.ipynb").read_bytes()
    if os.geteuid() == 0:
        # chmod does not stop root: simulate a read-only mount instead.
        def read_only(*args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(workspace.tempfile, "mkstemp", read_only)
    ws.chmod(0o555)
    try:
        with pytest.raises(PermissionError, match=r"cannot be written.*Nothing was changed"):
            workspace.update(ws, source=source)
    finally:
        ws.chmod(0o755)
    assert (ws / "02-second.ipynb").read_bytes() == before


def test_missing_folders_give_clear_value_errors(tmp_path, source):
    with pytest.raises(ValueError, match=r"original notebooks were not found.*--source"):
        workspace.init(tmp_path / "ws", source=tmp_path / "no-such-folder")
    with pytest.raises(ValueError, match=r"does not exist.*workspace init"):
        workspace.update(tmp_path / "no-such-workspace", source=source)
    (tmp_path / "plain").mkdir()
    with pytest.raises(ValueError, match="not a course workspace yet"):
        workspace.reset("01-first", tmp_path / "plain", source=source)
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(ValueError, match="is a file, not a folder"):
        workspace.init(tmp_path / "a-file", source=source)


def test_the_original_notebooks_are_never_a_workspace(tmp_path, source):
    with pytest.raises(ValueError, match="original notebooks"):
        workspace.init(source, source=source)
    with pytest.raises(ValueError, match="original notebooks"):
        workspace.init(source / "inside", source=source)
    assert not (source / workspace.MANIFEST).exists()
    assert not (source / "inside").exists()


def test_source_from_environment_variable(tmp_path, source, monkeypatch):
    monkeypatch.setenv(workspace.ENV_SOURCE, str(source))
    assert workspace.source_dir() == source
    monkeypatch.delenv(workspace.ENV_SOURCE)
    assert workspace.source_dir() == ROOT / "notebooks"


def test_report_as_table_and_html(ws, source):
    (ws / "01-first.ipynb").write_bytes(b"mine")
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    report = workspace.update(ws, source=source)
    frame = report.to_frame()
    assert list(frame.columns) == ["file", "action", "note"]
    row = frame.set_index("file").loc["01-first.ipynb"]
    assert row["action"] == "kept, new version beside"
    assert "NOT replaced" in report._repr_html_()


# --- command line ------------------------------------------------------------


def _cli(*args, env=None, **kwargs):
    return subprocess.run(
        [sys.executable, "-m", "course_kit", "workspace", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def test_cli_init_with_the_kit_notebooks(tmp_path):
    folder = tmp_path / "vipp-course"
    env = {"COURSE_KIT_NOTEBOOKS": ""}  # the default: the repository's notebooks/
    done = _cli("init", str(folder), env=env)
    assert done.returncode == 0, done.stderr
    shipped = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert shipped and sorted(p.name for p in folder.glob("*.ipynb")) == shipped
    assert "New notebook copied" in done.stdout
    again = _cli("init", str(folder), env=env)
    assert again.returncode == 0 and "up to date" in again.stdout


def test_cli_problems_exit_2_without_traceback(tmp_path, source):
    missing = _cli("update", str(tmp_path / "nowhere"), "--source", str(source))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    no_src = _cli("init", str(tmp_path / "ws"), "--source", str(tmp_path / "none"))
    assert no_src.returncode == 2
    assert "not found" in no_src.stderr and "Traceback" not in no_src.stderr
    bad_name = _cli("init", str(tmp_path / "ws"), "--source", str(source))
    assert bad_name.returncode == 0
    reset = _cli("reset", "banana", "--dir", str(tmp_path / "ws"), "--source", str(source))
    assert reset.returncode == 2 and "banana" in reset.stderr


def test_cli_read_only_folder_exits_2_with_a_message(tmp_path, source, monkeypatch, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        if os.geteuid() != 0:
            done = _cli("init", str(locked / "ws"), "--source", str(source))
            code, err = done.returncode, done.stderr
        else:
            # chmod does not stop root (and CI runs as root): simulate a
            # read-only mount and run the same command line in-process.
            def read_only(*args, **kwargs):
                raise OSError(errno.EROFS, "Read-only file system")

            monkeypatch.setattr(workspace.Path, "mkdir", read_only)
            from course_kit.__main__ import main

            code = main(["workspace", "init", str(locked / "ws"), "--source", str(source)])
            err = capsys.readouterr().err
    finally:
        locked.chmod(0o755)
    assert code == 2
    assert "cannot be written" in err and "Traceback" not in err
    assert str(locked) in err
    assert not (locked / "ws").exists()


# --- issue 17: races, a damaged manifest, partial failures --------------------


@pytest.fixture(autouse=True)
def _no_real_jupyter_servers(tmp_path, monkeypatch):
    # reset asks running Jupyter servers which notebooks are open; never ask
    # the servers other tests (or people) run on this machine.
    runtime = tmp_path / "jupyter-runtime"
    runtime.mkdir()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    return runtime


def _jupyterlab_save(path: Path, data: bytes) -> None:
    """Save the way JupyterLab does: write into the existing file (same inode)."""
    with open(path, "r+b") as fh:
        fh.truncate(0)
        fh.write(data)


@pytest.mark.parametrize("when", ["after the hash check", "just before the rename"])
def test_a_save_during_update_is_never_lost(ws, source, monkeypatch, when):
    target = ws / "02-second.ipynb"
    (source / "02-second.ipynb").write_bytes(_nb("second v2"))
    saved = _nb("second v1 with the participant's answers")
    done = []

    def save_once():
        if not done:
            done.append(True)
            _jupyterlab_save(target, saved)

    if when == "after the hash check":
        real_hash = workspace._file_sha256

        def hash_then_save(path):
            result = real_hash(path)
            if Path(path) == target:
                save_once()
            return result

        monkeypatch.setattr(workspace, "_file_sha256", hash_then_save)
    else:
        real_replace = os.replace

        def save_then_replace(src, dst, **kwargs):
            if Path(dst) == target:
                save_once()
            return real_replace(src, dst, **kwargs)

        monkeypatch.setattr(os, "replace", save_then_replace)

    report = workspace.update(ws, source=source)
    assert done, "the simulated save never happened"
    assert target.read_bytes() == saved
    assert "02-second.ipynb" not in report.updated
    assert "you had not changed it" not in report.summary()
    [(name, beside)] = report.beside
    assert name == "02-second.ipynb" and (ws / beside).read_bytes() == _nb("second v2")
    assert not _leftover_temp_files(ws)
    # The next update still treats the file as the participant's work.
    monkeypatch.undo()
    again = workspace.update(ws, source=source)
    assert again.kept == ["02-second.ipynb"] and target.read_bytes() == saved


def test_reset_keeps_a_save_that_is_still_being_written(ws, source, monkeypatch):
    target = ws / "01-first.ipynb"
    whole = _nb("first, with a long answer " + "x" * 2000)
    target.write_bytes(whole[: len(whole) // 2])  # JupyterLab is half way through a save
    real_replace = os.replace

    def finish_save_then_replace(src, dst, **kwargs):
        if Path(dst) == target:
            with open(target, "ab") as fh:  # the rest of the save, into the same file
                fh.write(whole[len(whole) // 2 :])
        return real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", finish_save_then_replace)
    report = workspace.reset("01-first", ws, source=source)
    [backup] = report.backups
    assert (ws / backup).read_bytes() == whole
    assert target.read_bytes() == _nb("first v1")


class _FakeJupyterServer:
    """A Jupyter server's sessions API, as reset sees it (token required)."""

    def __init__(self, sessions, token="secret-token"):
        import http.server
        import threading

        outer = self
        self.token = token
        self.sessions = sessions

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                ok = self.headers.get("Authorization") == f"token {outer.token}"
                body = json.dumps(outer.sessions if ok else {"message": "Forbidden"}).encode()
                self.send_response(200 if ok and self.path == "/api/sessions" else 403)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_reset_refuses_while_the_notebook_is_open_in_jupyterlab(
    ws, source, _no_real_jupyter_servers
):
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    server = _FakeJupyterServer([{"path": "01-first.ipynb", "kernel": {"id": "k1"}}])
    info = {"url": server.url, "token": server.token, "root_dir": str(ws), "pid": os.getpid()}
    (_no_real_jupyter_servers / "jpserver-1.json").write_text(json.dumps(info))
    try:
        with pytest.raises(ValueError, match=r"open in JupyterLab.*Close and Shut Down"):
            workspace.reset("01-first", ws, source=source)
        assert (ws / "01-first.ipynb").read_bytes() == b"my answers"
        assert not (ws / "backups").exists()
        # Another notebook is open, not this one: the reset goes ahead.
        server.sessions = [{"path": "02-second.ipynb"}]
        assert workspace.reset("01-first", ws, source=source).restored == ["01-first.ipynb"]
    finally:
        server.close()


def test_a_stale_jupyter_server_file_does_not_block_reset(ws, source, _no_real_jupyter_servers):
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    info = {"url": "http://127.0.0.1:9/", "token": "x", "root_dir": str(ws), "pid": 2**22 + 7}
    (_no_real_jupyter_servers / "jpserver-2.json").write_text(json.dumps(info))
    assert workspace.reset("01-first", ws, source=source).restored == ["01-first.ipynb"]


@pytest.mark.parametrize("damage", ["truncated JSON", "a folder"])
def test_a_damaged_manifest_is_explained_and_rebuilt_from_the_files(ws, source, damage):
    manifest = ws / workspace.MANIFEST
    (ws / "01-first.ipynb").write_bytes(b"my answers")
    if damage == "truncated JSON":
        manifest.write_text(manifest.read_text()[:40])
    else:
        manifest.unlink()
        manifest.mkdir()
        (manifest / "junk").write_text("?")
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    reports = [workspace.init(ws, source=source) for _ in range(3)]
    notes = " ".join(reports[0].notes)
    assert "was damaged" in notes and "rebuilt" in notes
    assert all(note in reports[0].summary() for note in reports[0].notes)
    assert list(ws.glob(f"{workspace.MANIFEST}.damaged*")), "the damaged manifest is kept aside"
    notebooks = sorted(p.name for p in ws.glob("*.ipynb"))
    assert notebooks == ["01-first.ipynb", f"01-first.v{__version__}.ipynb", "02-second.ipynb"]
    assert (ws / "01-first.ipynb").read_bytes() == b"my answers"
    assert not reports[1].notes
    assert reports[2].kept == ["01-first.ipynb"] and reports[2].unchanged == ["02-second.ipynb"]
    # Updates work again: the untouched notebook gets the next version.
    (source / "02-second.ipynb").write_bytes(_nb("second v2"))
    assert workspace.update(ws, source=source).updated == ["02-second.ipynb"]


def _fail_on_write(monkeypatch, number: int, err: int):
    """Let the ``number``-th file write fail with ``err`` (after half the bytes)."""
    calls = []

    def write(fh, data):
        calls.append(1)
        if len(calls) == number:
            fh.write(data[: len(data) // 2])
            raise OSError(err, os.strerror(err))
        fh.write(data)

    monkeypatch.setattr(workspace, "_write_all", write)


def test_a_full_disk_half_way_names_the_file_and_what_was_done(ws, source, monkeypatch):
    for name in ("01-first", "02-second"):
        (source / f"{name}.ipynb").write_bytes(_nb(f"{name} v2"))
    _fail_on_write(monkeypatch, 2, errno.ENOSPC)
    with pytest.raises(OSError) as info:
        workspace.update(ws, source=source)
    message = str(info.value)
    assert "[Errno" not in message and "Nothing was changed" not in message
    assert "02-second.ipynb" in message and "disk is full" in message
    assert "Already done: 01-first.ipynb" in message and "Not done: 02-second.ipynb" in message
    assert "Free some space" in message
    assert (ws / "02-second.ipynb").read_bytes() == _nb("second v1")
    assert not _leftover_temp_files(ws)
    # The manifest knows about the file already replaced: no copy beside it later.
    monkeypatch.undo()
    again = workspace.update(ws, source=source)
    assert again.unchanged == ["01-first.ipynb"] and again.updated == ["02-second.ipynb"]
    assert not again.beside


def test_a_read_only_folder_half_way_does_not_claim_nothing_changed(ws, source, monkeypatch):
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    (source / "data").mkdir()
    (source / "data" / "ratings.csv").write_text("a,b\n")
    real_mkdir = Path.mkdir

    def read_only_mkdir(self, *args, **kwargs):
        if self.name == "data":
            raise OSError(errno.EROFS, "Read-only file system")
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(workspace.Path, "mkdir", read_only_mkdir)
    with pytest.raises(PermissionError) as info:
        workspace.update(ws, source=source)
    message = str(info.value)
    assert "Nothing was changed" not in message
    assert "data/ratings.csv" in message and "Already done: 01-first.ipynb" in message


def test_a_folder_where_a_notebook_belongs_is_named_and_skipped(ws, source, capsys):
    (ws / "02-second.ipynb").unlink()
    (ws / "02-second.ipynb").mkdir()
    (source / "01-first.ipynb").write_bytes(_nb("first v2"))
    report = workspace.update(ws, source=source)
    assert report.updated == ["01-first.ipynb"]
    [problem] = report.problems
    assert "02-second.ipynb" in problem and "folder" in problem
    assert "Nothing was changed" not in report.summary()
    from course_kit.__main__ import main

    code = main(["workspace", "update", str(ws), "--source", str(source)])
    out = capsys.readouterr()
    assert code == 1 and "02-second.ipynb" in out.out and "Traceback" not in out.err


def test_an_empty_workspace_name_is_refused(tmp_path, source, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match="name is empty"):
        workspace.init("", source=source)
    with pytest.raises(ValueError, match="name is empty"):
        workspace.update("  ", source=source)
    done = _cli("init", "", "--source", str(source), cwd=tmp_path)
    assert done.returncode == 2 and "name is empty" in done.stderr
    assert not (tmp_path / workspace.MANIFEST).exists()
    assert not list(tmp_path.glob("*.ipynb"))


def test_written_files_get_ordinary_permissions(tmp_path, source):
    old = os.umask(0o022)
    try:
        folder = tmp_path / "ws"
        workspace.init(folder, source=source)
        (source / "02-second.ipynb").write_bytes(_nb("second v2"))
        workspace.update(folder, source=source)
    finally:
        os.umask(old)
    for path in [
        folder / "01-first.ipynb",
        folder / "02-second.ipynb",
        folder / workspace.MANIFEST,
    ]:
        assert path.stat().st_mode & 0o777 == 0o644, path


def test_cli_failure_leaves_a_problem_file_in_the_workspace(tmp_path, source, monkeypatch, capsys):
    from course_kit.__main__ import main

    folder = tmp_path / "home" / "vipp-course"
    folder.mkdir(parents=True)
    _fail_on_write(monkeypatch, 1, errno.ENOSPC)
    code = main(["workspace", "init", str(folder), "--source", str(source)])
    err = capsys.readouterr().err
    assert code == 2 and "disk is full" in err and "Traceback" not in err
    problem = folder / workspace.PROBLEM_FILE
    assert problem.exists() and "disk is full" in problem.read_text()
    monkeypatch.undo()
    assert main(["workspace", "init", str(folder), "--source", str(source)]) == 0
    assert not problem.exists()


def test_no_space_for_even_a_small_file_is_explained(ws, source, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(workspace.tempfile, "mkstemp", disk_full)
    with pytest.raises(
        OSError, match=r"disk is full.*Nothing was changed.*Free some space"
    ) as info:
        workspace.update(ws, source=source)
    assert "[Errno" not in str(info.value)
