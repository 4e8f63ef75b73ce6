"""One JupyterLab server and one browser context for the whole browser session.

The server runs on a temporary copy of the course notebooks (``notebooks/``,
or ``$COURSE_KIT_NOTEBOOKS`` if set), so running them never touches the
originals. See ``lab.py`` for how the server is made hermetic.
"""

from __future__ import annotations

import contextlib
import importlib.util
import shutil
from pathlib import Path

import pytest
from conftest import require_or_skip  # tests/conftest.py (the lead's)

from .lab import course_notebooks_dir, start_lab


@pytest.fixture(scope="session")
def lab_root(tmp_path_factory) -> Path:
    """A temporary copy of the notebooks (and any data files beside them)."""
    root = tmp_path_factory.mktemp("lab-root") / "notebooks"
    shutil.copytree(
        course_notebooks_dir(),
        root,
        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
    )
    return root


@pytest.fixture(scope="session")
def lab_server(lab_root, chromium_browser):
    # chromium_browser first: without Chromium the test is skipped (or fails in
    # CI) before a server is started for nothing.
    require_or_skip(importlib.util.find_spec("jupyterlab") is not None, "JupyterLab is missing")
    with start_lab(lab_root) as lab:
        yield lab


@pytest.fixture(scope="session")
def lab_context(chromium_browser, lab_server):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    yield context
    context.close()


@pytest.fixture
def lab_page(lab_context, lab_server):
    """A new tab; afterwards its kernels are shut down so memory stays flat."""
    page = lab_context.new_page()
    yield page
    page.close()
    with contextlib.suppress(Exception):
        for session in lab_server.api("api/sessions"):
            lab_server.api(f"api/sessions/{session['id']}", method="DELETE")
