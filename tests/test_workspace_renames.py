"""``course-kit workspace update`` follows notebooks that got a new name (course.RENAMED)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from course_kit import course, workspace

OLD, NEW = "02-scoring-sensitivity.ipynb", "05-scoring-sensitivity.ipynb"


def _nb(title: str) -> bytes:
    nb = {
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": [f"# {title}"]}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(nb).encode("utf-8")


@pytest.fixture
def kit(tmp_path, monkeypatch):
    """A kit folder at the old names, a workspace made from it, and a rename to come."""
    src = tmp_path / "kit"
    src.mkdir()
    (src / OLD).write_bytes(_nb("Scoring sensitivity v1"))
    (src / "01-attachment.ipynb").write_bytes(_nb("Attachment"))
    folder = tmp_path / "ws"
    workspace.init(folder, source=src)
    monkeypatch.setattr(course, "RENAMED", {OLD: NEW})
    return src, folder


def _rename_in_kit(src: Path, content: bytes) -> None:
    (src / OLD).unlink()
    (src / NEW).write_bytes(content)


def test_an_edited_notebook_keeps_its_edits_under_the_new_name(kit):
    src, folder = kit
    edited = _nb("Scoring sensitivity v1 + MY NOTES")
    (folder / OLD).write_bytes(edited)
    _rename_in_kit(src, _nb("Scoring sensitivity v2"))

    report = workspace.update(folder, source=src)

    assert report.renamed == [(OLD, NEW)]
    assert not (folder / OLD).exists()
    assert (folder / NEW).read_bytes() == edited  # the participant's work, untouched
    ((_, beside),) = report.beside  # the new version is placed beside it
    assert beside.startswith("05-scoring-sensitivity.v") and beside.endswith(".ipynb")
    assert (folder / beside).read_bytes() == _nb("Scoring sensitivity v2")
    assert "now 05-scoring-sensitivity.ipynb" in report.summary()
    manifest = workspace.read_manifest(folder)["files"]
    assert OLD not in manifest and NEW in manifest
    assert ("05-scoring-sensitivity.ipynb", "renamed", OLD) in set(
        map(tuple, report.to_frame()[["file", "action", "note"]].values)
    )


def test_an_untouched_notebook_is_renamed_and_updated(kit):
    src, folder = kit
    _rename_in_kit(src, _nb("Scoring sensitivity v2"))
    report = workspace.update(folder, source=src)
    assert report.renamed == [(OLD, NEW)] and report.updated == [NEW]
    assert (folder / NEW).read_bytes() == _nb("Scoring sensitivity v2")
    assert not report.beside
    # a second update has nothing more to do
    again = workspace.update(folder, source=src)
    assert not again.renamed and NEW in again.unchanged


def test_nothing_is_moved_when_the_new_name_is_taken(kit):
    src, folder = kit
    mine_old, mine_new = _nb("old, edited"), _nb("a file I made myself")
    (folder / OLD).write_bytes(mine_old)
    (folder / NEW).write_bytes(mine_new)
    _rename_in_kit(src, _nb("Scoring sensitivity v2"))
    report = workspace.update(folder, source=src)
    assert not report.renamed
    assert (folder / OLD).read_bytes() == mine_old
    assert (folder / NEW).read_bytes() == mine_new
    assert any("both files are in your workspace" in note for note in report.notes)


def test_a_notebook_the_participant_deleted_is_simply_copied(kit):
    src, folder = kit
    (folder / OLD).unlink()
    _rename_in_kit(src, _nb("Scoring sensitivity v2"))
    report = workspace.update(folder, source=src)
    assert not report.renamed and NEW in report.added
    assert not (folder / OLD).exists()


def test_the_course_map_renames_point_at_real_notebooks():
    # the kit's own map: every new name is a notebook of the course
    listed = {nb["file"] for nb in course.NOTEBOOKS}
    assert set(course.RENAMED.values()) <= listed


def test_a_workspace_of_the_old_numbering_keeps_its_edits(tmp_path):
    """The kit's real renumbering: an edited 02-scoring-sensitivity.ipynb becomes 05-..."""
    import shutil

    kit = Path(__file__).resolve().parents[1] / "notebooks"
    old_kit = tmp_path / "old-kit"
    shutil.copytree(kit, old_kit)
    for old, new in course.RENAMED.items():  # the kit as it was before the renumbering
        (old_kit / new).rename(old_kit / old)
    folder = tmp_path / "ws"
    workspace.init(folder, source=old_kit)
    mine = (folder / OLD).read_bytes().replace(b"sensitivity", b"sensitivity (MY NOTES)", 1)
    assert mine != (folder / OLD).read_bytes()
    (folder / OLD).write_bytes(mine)

    report = workspace.update(folder, source=kit)

    assert sorted(report.renamed) == sorted(course.RENAMED.items())
    assert (folder / NEW).read_bytes() == mine
    assert not any((folder / old).exists() for old in course.RENAMED)
    # the notebooks' content did not change with the renumbering: nothing to place beside
    assert NEW in report.kept and not report.beside
