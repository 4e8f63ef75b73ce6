"""WCAG 2.1 AA checks with axe-core, in Chromium, after Run All (issue 16, item 7).

axe-core comes from npm (``make`` installs it into ``.venv/node``, as it does
configurable-http-proxy; ``$AXE_CORE_JS`` may point at another copy). It is
injected into the page by Playwright and run over every notebook's output areas,
and over the static evidence page. No serious or critical violation may remain.
Every cell that draws a figure must show a visible picture of non-trivial size,
with alternative text.
"""

from __future__ import annotations

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
