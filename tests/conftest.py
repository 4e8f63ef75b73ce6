"""Shared test configuration.

* ``browser`` tests need Debian's Chromium at /usr/bin/chromium (or
  $CHROMIUM) and Python Playwright. Locally they are skipped when Chromium is
  missing; with ``CI=true`` a missing Chromium is a failure, never a skip.
* ``chromium_browser`` is one headless Chromium per test session.
* Matplotlib uses the non-interactive Agg backend in the test process.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import matplotlib
import pytest

# Agg for the tests themselves, set in-process: an MPLBACKEND variable would
# also reach the notebook kernels started by the tests, and hide their plots.
matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def chromium_path() -> str | None:
    candidate = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if Path(candidate).exists():
        return candidate
    return shutil.which("chromium")


def require_or_skip(ok: bool, reason: str) -> None:
    """Skip locally, fail in CI: a missing tool must never pass CI silently."""
    if ok:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI=true: this is a failure, not a skip)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """A gitignored folder for screenshots and other test artifacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian Chromium for the whole session (Playwright)."""
    path = chromium_path()
    require_or_skip(path is not None, "Chromium not found at /usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        require_or_skip(False, "Python Playwright is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(autouse=True)
def _close_figures():
    """Close matplotlib figures after each test so memory stays flat."""
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")
