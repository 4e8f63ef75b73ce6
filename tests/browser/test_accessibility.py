"""WCAG 2.1 AA checks with axe-core, in Chromium, after Run All (issue 16, item 7).

axe-core comes from npm (``make`` installs it into ``.venv/node``, as it does
configurable-http-proxy; ``$AXE_CORE_JS`` may point at another copy). It is
injected into the page by Playwright and run over every notebook's output areas,
and over the static evidence page. No serious or critical violation may remain.
Every cell that draws a figure must show a visible picture of non-trivial size,
with alternative text.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, require_or_skip  # tests/conftest.py

from course_kit import evidence

from . import driver
from .lab import course_notebooks_dir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = sorted(p.name for p in course_notebooks_dir().glob("*.ipynb"))
AXE_JS = Path(
    os.environ.get(
        "AXE_CORE_JS", ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
    )
)
SERIOUS = ("serious", "critical")
# WCAG 2.0/2.1 A and AA rules only: the standard Swedish and Norwegian public services use.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
MIN_SIDE = 120  # px: a figure smaller than this is not a figure a person can read


@pytest.fixture(scope="session")
def axe_source() -> str:
    require_or_skip(AXE_JS.exists(), f"axe-core not found at {AXE_JS} (run make test)")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, axe_source: str, include: str | None) -> list[dict]:
    """Serious or critical violations inside ``include`` (a CSS selector), or the whole page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async ([include, options]) => {
          const context = include ? {include: [...document.querySelectorAll(include)]} : document;
          if (include && context.include.length === 0) return [];
          const r = await window.axe.run(context, options);
          return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 160))}));
        }""",
        [include, AXE_OPTIONS],
    )
    return [v for v in result if v["impact"] in SERIOUS]


def _report(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:4])
        for v in violations
    )


# Code cells whose source promises a figure: a course figure, plt.show(), a forest or
# funnel plot, a kit plot function, or a picture explorer / the evidence navigator.
FIGURE_CELLS_JS = r"""() => {
  const draws = /figures\.draw\(|plt\.show\(|forest_plot\(|funnel_plot\(|\.plot_\w+\(|(?<!age)_explorer\(|navigator\(/;
  const notebook = window.jupyterapp.shell.currentWidget.content;
  return notebook.widgets.map((cell, i) => {
    if (cell.model.type !== 'code') return null;
    const source = cell.model.sharedModel.getSource();
    if (!draws.test(source)) return null;
    const pictures = [...cell.node.querySelectorAll('.jp-OutputArea img')].map(img => {
      const r = img.getBoundingClientRect();
      const style = getComputedStyle(img);
      return {w: r.width, h: r.height,
              visible: style.visibility !== 'hidden' && style.display !== 'none',
              loaded: img.complete && img.naturalWidth > 0,
              alt: img.getAttribute('alt') || ''};
    });
    return {index: i, source: source.slice(0, 80), pictures};
  }).filter(x => x);
}"""


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_outputs_pass_axe_and_show_their_figures(
    name, lab_server, lab_page, axe_source, artifacts_dir
):
    page = lab_page
    driver.open_notebook(page, lab_server, name)
    state = driver.run_all(page)
    assert not state["failed"], f"{name}: a cell failed"
    driver.wait_kernel_idle(page)
    page.wait_for_timeout(1500)  # widgets render just after the kernel's replies
    violations = run_axe(page, axe_source, ".jp-OutputArea-output")
    (artifacts_dir / "axe").mkdir(exist_ok=True)
    (artifacts_dir / "axe" / f"{name}.json").write_text(json.dumps(violations, indent=1))
    assert not violations, f"{name}: axe-core found serious/critical violations:\n" + _report(
        violations
    )
    cells = page.evaluate(FIGURE_CELLS_JS)
    for cell in cells:
        where = f"{name}, cell {cell['index'] + 1} ({cell['source']!r})"
        shown = [p for p in cell["pictures"] if p["visible"] and p["loaded"]]
        assert shown, f"{where}: promises a figure but shows no picture"
        big = [p for p in shown if p["w"] >= MIN_SIDE and p["h"] >= MIN_SIDE]
        assert big, f"{where}: its picture is tiny: {shown}"
        assert all(len(p["alt"]) > 10 for p in big), f"{where}: a figure without alt text"


def test_static_evidence_page_passes_axe(tmp_path, chromium_browser, axe_source):
    path = evidence.to_html(tmp_path / "evidence.html")
    page = chromium_browser.new_page()
    try:
        page.goto(path.as_uri())
        violations = run_axe(page, axe_source, None)
        assert not violations, "static evidence page:\n" + _report(violations)
    finally:
        page.close()


# The page script on widgets shown before it and after it: a slider shown before
# course_kit is imported, then a slider, a text field named by its placeholder only, a
# select with no name yet (it gets one later), a narrow HTML widget made wide later,
# a wide table and a table that scrolls only in a narrower window. The empty last cell
# is where we type.
_PAGE_SCRIPT_CELLS = [
    "import ipywidgets as widgets\n\nwidgets.FloatSlider(0.5, description='share')",
    "import course_kit",
    "from IPython.display import HTML, display\n\n"
    "wide = '<table data-ck=wide><tr>' + '<td>a_wide_column</td>' * 80 + '</tr></table>'\n"
    "medium = '<table data-ck=medium style=\"width: 700px\"><tr><td>700 px</td></tr></table>'\n"
    "after = widgets.IntSlider(3, description='sessions')\n"
    "typed = widgets.HTML('<input placeholder=\"your answer\">')\n"
    "unnamed = widgets.HTML('<select><option>a</option></select>')\n"
    "box = widgets.HTML('<p>narrow</p>')\n"
    "box.add_class('ck-late-wide')\n"
    "display(widgets.VBox([after, typed, unnamed]), box, HTML(wide), HTML(medium))",
    "",
]
# What the script fixes: each slider handle's name, each control's name, and which
# outputs are focusable scrolling regions.
_FIXES = """() => ({
  handles: [...document.querySelectorAll('.noUi-handle')].map(h => h.getAttribute('aria-label')),
  controls: [...document.querySelectorAll('.widget-html-content :is(input, select)')]
    .map(el => el.getAttribute('aria-label')),
  regions: [...document.querySelectorAll('[role=region][tabindex="0"]')].map(el =>
    el.querySelector('.ck-late-wide') ? 'box' : el.querySelector('[data-ck]')?.dataset.ck || el.innerText.slice(0, 60)),
})"""
# Counts the page's searches with the script's selectors, in the page: a scan of the
# page or of an added element is one.
_COUNT_SCANS = """() => {
  const own = [Document.prototype, Element.prototype].map(p => [p, p.querySelectorAll]);
  window.__ckCount = 0;
  window.__ckUncount = () => own.forEach(([p, f]) => { p.querySelectorAll = f; });
  own.forEach(([p, f]) => {
    p.querySelectorAll = function (sel) {
      if (/noUi-handle|jupyter-widgets|jp-OutputArea-output/.test(sel)) window.__ckCount += 1;
      return f.call(this, sel);
    };
  });
}"""


def _wait_fixes(page, expected: dict) -> dict:
    """The script's fixes once they equal ``expected`` (or after 10 s)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            f"(expected) => JSON.stringify(({_FIXES})()) === JSON.stringify(expected)",
            arg=expected,
            timeout=10_000,
        )
    return page.evaluate(_FIXES)


def test_page_script_fixes_what_is_added_and_scans_nothing_while_typing(lab_server, lab_page):
    """Slider handles and controls get names and wide outputs the focus, on widgets shown
    before the script and after it, when a name or a width comes later, and when the window
    narrows; typing in a cell makes the script search the page for nothing."""
    page = lab_page
    state = driver.run_new_notebook(page, lab_server, "ck-page-script.ipynb", _PAGE_SCRIPT_CELLS)
    assert not state["failed"]
    first = {
        "handles": ["share", "sessions"],
        "controls": ["your answer", None],
        "regions": ["wide"],
    }
    assert _wait_fixes(page, first) == first

    page.locator(".jp-Cell").last.locator(".cm-content").click()
    typed = "unnamed.description = 'pick'; box.value = wide; widgets.IntSlider()"
    scans = driver.count_while_typing(page, _COUNT_SCANS, typed)
    assert scans == 0, f"typing in a cell made the page script search the page {scans} times"

    page.keyboard.press("Shift+Enter")  # a name and a width that come later, a new slider
    later = {
        "handles": ["share", "sessions", "slider"],
        "controls": ["your answer", "pick"],
        "regions": ["box", "wide"],
    }
    assert _wait_fixes(page, later) == later
    page.set_viewport_size({"width": 1000, "height": 1000})
    narrow = {**later, "regions": ["box", "wide", "medium"]}
    assert _wait_fixes(page, narrow) == narrow
    assert not driver.kernel_errors(page)
