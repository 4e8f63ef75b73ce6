"""Every course notebook works in JupyterLab in a real browser.

For each notebook: open it, Run All, wait for the kernel; no error output and
no traceback on the page; moving the main widget changes what it shows; a
wrong exercise answer gets friendly feedback, not a traceback. A screenshot of
each notebook is saved to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import re

import pytest

from . import driver
from .lab import course_notebooks_dir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = sorted(p.name for p in course_notebooks_dir().glob("*.ipynb"))
# The table of contents has no widgets; every other notebook must have a main one.
NO_WIDGET = {"index.ipynb"}
PYTHON_ERROR = re.compile(r"Traceback|\b[A-Z]\w*Error\b")  # ValueError, not "standard error"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_its_widgets_respond(name, lab_server, lab_page, artifacts_dir):
    page = lab_page
    driver.open_notebook(page, lab_server, name)
    driver.watch_kernel(page)
    state = driver.run_all(page)
    shots = artifacts_dir / "screenshots"
    shots.mkdir(exist_ok=True)
    try:
        errors = driver.error_outputs(page)
        assert not state["failed"] and not errors, f"{name}: a cell failed:\n" + "\n".join(errors)
        assert not driver.page_has_traceback(page), f"{name}: 'Traceback' on the page"
        assert state["pending"] == 0, f"{name}: {state['pending']} cells did not run"

        if name not in NO_WIDGET:
            _check_main_widget(page, name)
            _check_wrong_answers(page, name)
    finally:
        driver.screenshot_notebook(page, shots / f"{name.removesuffix('.ipynb')}.png")
    assert not driver.error_outputs(page), f"{name}: error output after using the widgets"
    errors = driver.kernel_errors(page)
    assert not errors, f"{name}: the kernel reported errors:\n" + "\n".join(errors)
    assert not driver.page_has_traceback(page), f"{name}: 'Traceback' after using the widgets"


def _check_main_widget(page, name: str) -> None:
    try:
        page.wait_for_selector(driver.MAIN_WIDGET, state="visible", timeout=15_000)
    except Exception:
        pytest.fail(
            f"{name} has no widget with the CSS class 'ck-main-widget' after Run All. "
            "Every course notebook needs one (widget.add_class('ck-main-widget')), "
            "and the output it updates needs 'ck-main-output'."
        )
    try:
        page.wait_for_selector(driver.MAIN_OUTPUT, state="attached", timeout=15_000)
        driver.wait_kernel_idle(page)
        before = driver.wait_for_content(page)
    except Exception:
        pytest.fail(f"{name}: the main widget's output ('ck-main-output') shows nothing")
    driver.move_main_widget(page, step=0)
    try:
        after = driver.wait_for_change(page, before)
    except Exception:
        pytest.fail(f"{name}: moving the main widget did not change '.ck-main-output'")
    assert after != before
    driver.wait_kernel_idle(page)


def _check_wrong_answers(page, name: str) -> None:
    for index in range(driver.exercise_count(page)):
        for attempt in (0, 1):
            answer, feedback = driver.try_exercise(page, index, attempt)
            where = f"{name}, exercise {index + 1}, answer {answer!r}"
            assert feedback.strip(), f"{where}: no feedback"
            assert not PYTHON_ERROR.search(feedback), f"{where}: unfriendly feedback: {feedback}"
            assert not driver.error_outputs(page), f"{where}: error output on the page"
            errors = driver.kernel_errors(page)
            assert not errors, f"{where}: the kernel reported errors:\n" + "\n".join(errors)
