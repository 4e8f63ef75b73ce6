"""The method notebooks used as a participant would, in JupyterLab in a real browser.

Notebook 09: a case decided right, then wrong. Notebook 12: a practice-family log
filled for two sessions (one refused for an identity number), then exported as a
supervision brief (Markdown and PDF) into the participant's folder.
"""

from __future__ import annotations

import json

import pytest

from . import driver

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _open_and_run(page, lab, name):
    driver.open_notebook(page, lab, name)
    driver.watch_kernel(page)
    state = driver.run_all(page)
    assert not state["failed"] and not driver.error_outputs(page), f"{name}: a cell failed"
    driver.wait_kernel_idle(page)


def _click(page, locator):
    locator.scroll_into_view_if_needed()
    driver.click_and_wait_for_kernel(page, locator)


def test_a_case_decided_right_and_wrong(lab_server, lab_page):
    page = lab_page
    _open_and_run(page, lab_server, "09-suitability-and-targets.ipynb")
    desk = page.locator(".ck-case-desk").first
    desk.scroll_into_view_if_needed()
    decision = desk.locator(".widget-dropdown", has_text="Your decision").locator("select")
    decision.select_option(label="Start after, or alongside, other help")
    for target in (
        "Noticing the child's small signals",
        "Answering the child's signals promptly and fittingly",
        "Sharing the child's positive and negative feelings",
    ):
        desk.locator(".widget-checkbox", has_text=target).locator("input").check()
    feedback = desk.locator(".ck-exercise-feedback")
    _click(page, desk.locator(".ck-exercise-check"))
    page.wait_for_function(
        "(el) => el.innerText.includes('Well reasoned')", arg=feedback.element_handle()
    )
    decision.select_option(label="Start VIPP-SD now")
    _click(page, desk.locator(".ck-exercise-check"))
    page.wait_for_function(
        "(el) => el.innerText.includes('Not yet')", arg=feedback.element_handle()
    )
    assert "treatment of the mother's depression" in feedback.inner_text()
    assert not driver.kernel_errors(page)


def test_a_practice_log_for_two_sessions_is_saved_and_exported(lab_server, lab_page):
    page = lab_page
    _open_and_run(page, lab_server, "12-the-practice-period.ipynb")
    save_button = page.get_by_role("button", name="Save this session")
    form = page.locator(".widget-vbox").filter(has=save_button).last
    form.scroll_into_view_if_needed()
    fragments = form.locator('textarea[placeholder^="Fragments"]')
    reflection = form.locator('textarea[placeholder="Your own reflection"]')
    session = form.locator(".widget-dropdown", has_text="Session").locator("select").first

    def save(expected: str):
        _click(page, form.get_by_role("button", name="Save this session"))
        page.wait_for_function(
            "(t) => document.body.innerText.includes(t)", arg=expected, timeout=15_000
        )

    fragments.fill("00:42-00:58 praise: she follows his gaze to the ball")
    reflection.fill("I talked too long before showing the film.")
    save("Saved session 1")
    session.select_option(label="2")
    fragments.fill("1:05 speak: he looks back at her before climbing")
    reflection.fill("Her number is 850101-1234")  # must be refused, nothing saved
    save("looks like a personal identity number")
    reflection.fill("I felt rushed; bring this to supervision.")
    save("Saved session 2")
    _click(page, form.get_by_role("button", name="Export supervision brief (Markdown + PDF)"))
    page.wait_for_function(
        "() => document.body.innerText.includes('supervision-brief.pdf')", timeout=15_000
    )
    root = lab_server.root_dir
    log = json.loads((root / "my-practice-log.json").read_text(encoding="utf-8"))
    assert [e["session"] for e in log["entries"]] == [1, 2]
    assert "850101-1234" not in json.dumps(log)
    brief = (root / "practice-exports" / "supervision-brief.md").read_text(encoding="utf-8")
    assert "## Session 1" in brief and "## Session 2" in brief
    assert (root / "practice-exports" / "supervision-brief.pdf").read_bytes().startswith(b"%PDF")
    assert not driver.kernel_errors(page)
