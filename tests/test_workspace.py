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
    with pytest.raises(OSError, match="No space left"):
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
