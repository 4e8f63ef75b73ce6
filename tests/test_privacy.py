"""The privacy guidance exists, says what it must, and the places people read point to it.

docs/privacy.md is for participants and instructors; notebook 00 carries a short
notice (the first thing a participant opens), and the README and the hosting guide
link to it. Every relative link and #anchor must resolve, as GitHub renders them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRIVACY = ROOT / "docs" / "privacy.md"
START = ROOT / "notebooks" / "00-start-here.ipynb"
PRACTICE = ROOT / "notebooks" / "12-the-practice-period.ipynb"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    return {_slug(m) for m in re.findall(r"^#+ (.+)$", path.read_text(), flags=re.M)}


def _privacy_links(text: str, base: Path) -> list[tuple[Path, str]]:
    found = []
    for target in LINK.findall(text):
        file, _, anchor = target.partition("#")
        if file.endswith("privacy.md"):
            found.append(((base / file).resolve(), anchor))
    return found


def _start_notice() -> str:
    nb = json.loads(START.read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    notices = [c for c in cells if "privacy.md" in c]
    assert len(notices) == 1, "notebook 00 needs exactly one privacy notice"
    return notices[0]


def test_privacy_guide_covers_what_the_issue_asks():
    text = PRIVACY.read_text()
    lowered = text.lower()
    for must in (
        "family",  # the rule: no identifiable family data
        "video",
        "names",
        "user name",  # what the hub stores
        "home folder",
        "logs",
        "ip address",
        "within 30 days",  # for how long
        "userdel --remove",  # a deleted TLJH user keeps the home folder
        "does **not** delete their files",
        "can open every participant's",  # admins can see participants' work
        "data processing agreement",  # GDPR, hosted course day
        "eu/eea",
        "binder is public",
    ):
        assert must in lowered, f"docs/privacy.md does not say: {must!r}"


def test_start_here_notebook_has_a_short_plain_notice():
    notice = _start_notice()
    assert len(notice.split()) < 90, "the notice should be short"
    for must in ("family", "video", "Binder", "instructor can open your files"):
        assert must in notice
    links = _privacy_links(notice, START.parent)
    assert links and all(path == PRIVACY for path, _ in links)


@pytest.mark.parametrize(
    "doc", [ROOT / "README.md", ROOT / "docs" / "hosting.md"], ids=lambda p: p.name
)
def test_readme_and_hosting_guide_link_to_the_privacy_guide(doc):
    links = _privacy_links(doc.read_text(), doc.parent)
    assert links, f"{doc.name} does not link to docs/privacy.md"
    anchors = _anchors(PRIVACY)
    for path, anchor in links:
        assert path == PRIVACY, f"{doc.name}: broken link to {path}"
        assert not anchor or anchor in anchors, f"{doc.name}: no heading for #{anchor}"


def test_practice_period_log_keeps_real_notes_off_the_hub():
    nb = json.loads(PRACTICE.read_text(encoding="utf-8"))
    cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    notice = [c for c in cells if "privacy.md" in c]
    assert notice, "the practice-period notebook does not point to docs/privacy.md"
    assert "course hub" in notice[0] and "made-up" in notice[0]
    assert all(path == PRIVACY for path, _ in _privacy_links(notice[0], PRACTICE.parent))
