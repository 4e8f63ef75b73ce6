"""The Swedish and the Norwegian edition in JupyterLab, as a new participant meets them.

A workspace made with ``course-kit workspace init --lang sv`` (what ``make lab
LANG=sv`` runs), JupyterLab set to the edition's interface language: every notebook
of each edition is run top to bottom, its main slider moved and its exercises
answered wrong and with a decimal comma. Nothing English may show: no English sentence of
the kit's message tables, no English notebook prose, no English Check button; the
Norwegian edition also gets JupyterLab's own menus in Norwegian. A small notebook of its
own checks the slider readouts: a decimal comma after every move, a typed comma read back
as a decimal, and no readout read by the page script while someone types in a cell.
"""

from __future__ import annotations

import json
import re

import pytest

from course_kit import editions, i18n, messages, workspace

from . import driver
from .lab import course_notebooks_dir, start_lab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NOTEBOOKS = sorted(p.name for p in course_notebooks_dir().glob("*.ipynb"))
NO_WIDGET = {"index.ipynb"}  # the course map: no slider, no exercise
# JupyterLab's Norwegian language pack is small (about 60 texts; the menu bar stays
# English), but it has an entry of the Settings menu: Autosave Documents.
LAB_MENU = {"nb": ("Settings", "Automatisk lagring av dokumenter", "Autosave Documents")}


@pytest.fixture(scope="module", params=["nb", "sv"])
def edition_lab(request, tmp_path_factory, chromium_browser):
    lang = request.param
    ws = tmp_path_factory.mktemp(f"ws-{lang}") / "kurs"
    workspace.init(ws, source=course_notebooks_dir(), lang=lang)
    locale = editions.LAB_LOCALES[lang] or "en"
    overrides = {"@jupyterlab/translation-extension:plugin": {"locale": locale}}
    with start_lab(ws, overrides=overrides) as lab:
        yield lang, lab


@pytest.fixture
def edition_page(chromium_browser, edition_lab):
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()


def _english_sentences(lang: str) -> list[str]:
    """English texts a participant must not meet in this edition: the kit's translated
    messages and the first line of every translated notebook paragraph."""
    i18n.set_language(lang)
    try:
        found = [
            english
            for key, english in messages.EN.items()
            if "{" not in english and len(english) >= 25 and messages.text(key) != english
        ]
    finally:
        i18n.set_language(None)
    return found


def _visible_text(page) -> str:
    return page.locator(".jp-NotebookPanel").first.inner_text()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_participant_meets_only_their_own_language(
    name, edition_lab, edition_page, artifacts_dir
):
    lang, lab = edition_lab
    page = edition_page
    driver.open_notebook(page, lab, name)
    driver.watch_kernel(page)
    state = driver.run_all(page)
    try:
        assert not state["failed"] and not driver.error_outputs(page), f"{lang}: a cell failed"
        assert not driver.page_has_traceback(page)

        # the notebook is the edition's: its first heading is the translated one
        nb = json.loads((lab.root_dir / name).read_text(encoding="utf-8"))
        assert nb["metadata"]["course_kit"]["language"] == lang
        heading = "".join(nb["cells"][0]["source"]).splitlines()[0].lstrip("# ").strip()
        english = json.loads((course_notebooks_dir() / name).read_text(encoding="utf-8"))
        english_heading = "".join(english["cells"][0]["source"]).splitlines()[0].lstrip("# ")
        assert heading != english_heading.strip()
        shown = page.locator(".jp-NotebookPanel .jp-RenderedMarkdown h1").first
        shown.wait_for(state="visible")
        assert heading in shown.inner_text()

        # the slider redraws, and its figure's numbers use a decimal comma
        if name not in NO_WIDGET:
            page.wait_for_selector(driver.MAIN_WIDGET, state="visible", timeout=15_000)
            before = driver.wait_for_content(page)
            driver.move_main_widget(page)
            driver.wait_for_change(page, before)
        readouts = [t.strip() for t in page.locator(".widget-readout").all_inner_texts()]
        decimals = [t for t in readouts if re.fullmatch(r"[-−]?\d+[.,]\d+", t)]
        assert all("," in t for t in decimals), f"{lang}: slider readouts {decimals}"

        # exercises: Check buttons and feedback in the edition's language
        i18n.set_language(lang)
        check_label = messages.text("exercises.check_button")
        i18n.set_language(None)
        buttons = page.locator(driver.EXERCISE_CHECK)
        labels = {buttons.nth(i).inner_text().strip() for i in range(buttons.count())}
        assert labels <= {check_label}, f"{lang}: Check buttons {labels}"
        # the whole label shows, beside a dropdown of long options too ("Kontrollera",
        # not "Kon..."), and the button stays inside its cell
        cut = page.evaluate(
            """(sel) => [...document.querySelectorAll(sel)].filter(b => {
                 const cell = b.closest('.jp-OutputArea-output').getBoundingClientRect();
                 return b.scrollWidth > b.clientWidth + 1
                   || b.getBoundingClientRect().right > cell.right + 1;
               }).map(b => b.innerText)""",
            driver.EXERCISE_CHECK,
        )
        assert not cut, f"{lang}: Check buttons cut short or pushed out: {cut}"
        # no widget's own words cut short either ("Barnets ål...", "... (lättnad när ett u...")
        cut = page.evaluate(
            """() => [...document.querySelectorAll(
             '.jp-OutputArea .widget-label, .jp-OutputArea .widget-label-basic span, '
             + '.jp-OutputArea .widget-toggle-button')]
           .filter(l => l.offsetParent && l.scrollWidth > l.clientWidth + 1)
           .map(l => l.innerText)"""
        )
        assert not cut, f"{lang}: widget labels cut short: {cut}"
        i18n.set_language(lang)
        unreadable = messages.text("exercises.not_a_number", value="0,5")
        i18n.set_language(None)
        for index in range(driver.exercise_count(page)):
            for attempt, typed in ((0, None), (1, None), (2, "0,5")):
                answer, feedback = driver.try_exercise(page, index, attempt, typed)
                assert feedback.strip(), f"exercise {index + 1}: no feedback to {answer!r}"
                assert unreadable not in feedback, f"a decimal comma was not read: {feedback!r}"
                assert not re.search(r"\b(Not yet|Correct|Please|Try again)\b", feedback), (
                    f"exercise {index + 1}: English feedback to {answer!r}: {feedback!r}"
                )

        text = _visible_text(page)
        left = [s for s in _english_sentences(lang) if s in text]
        assert not left, f"{lang}: English on the page:\n" + "\n".join(left[:10])
        for cell in english["cells"]:
            if cell["cell_type"] == "markdown":
                first = "".join(cell["source"]).strip().splitlines()[0].lstrip("#* ").strip()
                if len(first) >= 30:
                    assert first not in text, f"{lang}: English notebook text: {first!r}"
        if lang in LAB_MENU and name == NOTEBOOKS[0]:
            menu, local, original = LAB_MENU[lang]
            page.locator(".lm-MenuBar-itemLabel", has_text=menu).first.click()
            entries = page.locator(".lm-Menu .lm-Menu-itemLabel").all_inner_texts()
            page.keyboard.press("Escape")
            assert local in entries and original not in entries, entries
        assert not driver.kernel_errors(page)
    finally:
        shots = artifacts_dir / "screenshots"
        shots.mkdir(exist_ok=True)
        driver.screenshot_notebook(page, shots / f"{lang}-{name.removesuffix('.ipynb')}.png")


# A float slider made after course_kit's page script, with what the kernel holds beside
# it (a traitlets link in the kernel: the label changes only when the kernel has the value).
_READOUT_CELLS = [
    "import course_kit",
    "import ipywidgets as widgets\n\n"
    "share = widgets.FloatSlider(0.5, min=0, max=1, step=0.05, description='share')\n"
    "held = widgets.Label()\n"
    "held.add_class('ck-held')\n"
    "widgets.dlink((share, 'value'), (held, 'value'), transform=repr)\n"
    "widgets.VBox([share, held])",
    "",
]
# Counts reads of a readout's text (every scan of the readouts reads it), in the page.
_COUNT_READOUT_READS = """() => {
  const own = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent');
  window.__ckCount = 0;
  window.__ckUncount = () => Object.defineProperty(Node.prototype, 'textContent', own);
  Object.defineProperty(Node.prototype, 'textContent', {
    configurable: true,
    get() {
      if (this.classList && this.classList.contains('widget-readout')) window.__ckCount += 1;
      return own.get.call(this);
    },
    set(value) { own.set.call(this, value); },
  });
}"""


def _readouts(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('.widget-readout')].map(e => e.textContent.trim())"
    )


def _wait_readout(page, index: int, pattern: str) -> str:
    page.wait_for_function(
        """([i, pattern]) => {
          const el = document.querySelectorAll('.widget-readout')[i];
          return !!el && new RegExp(pattern).test(el.textContent.trim());
        }""",
        arg=[index, pattern],
        timeout=10_000,
    )
    return _readouts(page)[index]


def test_slider_readouts_show_a_decimal_comma_and_read_one_back(edition_lab, edition_page):
    """After every move the readout shows a decimal comma; a comma typed into it is read
    as a decimal; typing in a cell makes the page script read no readout."""
    from playwright.sync_api import expect

    lang, lab = edition_lab
    page = edition_page
    assert not driver.run_new_notebook(page, lab, "ck-readouts.ipynb", _READOUT_CELLS)["failed"]
    shown = _wait_readout(page, 0, r"^0,50$")
    held = page.locator(".ck-held")  # the kernel's value

    handle = page.locator(".noUi-handle").first
    handle.focus()
    for key in ["ArrowRight", "ArrowRight", "ArrowLeft", "ArrowRight"]:
        handle.press(key)
        page.wait_for_function(
            "(before) => document.querySelector('.widget-readout').textContent.trim() !== before",
            arg=shown,
        )
        driver.next_frames(page)
        shown = _readouts(page)[0]
        assert re.fullmatch(r"\d,\d\d", shown), f"{lang}: readout {shown!r} after {key}"

    readout = page.locator(".widget-readout").first
    readout.click()
    assert _readouts(page)[0] == shown.replace(",", "."), "editing shows the point"
    readout.evaluate("(el) => getSelection().selectAllChildren(el)")
    page.keyboard.type("0,3")
    page.keyboard.press("Enter")
    expect(held).to_have_text("0.3")  # read as 0.3, not as 0 (parseFloat stops at a comma)
    page.locator(".jp-Cell").last.locator(".cm-content").click()  # leave the readout
    assert _wait_readout(page, 0, r"^0,30$") == "0,30"

    typed = "widgets.FloatSlider(0.4, description='later')"
    reads = driver.count_while_typing(page, _COUNT_READOUT_READS, typed)
    assert reads == 0, f"typing in a cell made the page script read the readouts {reads} times"
    page.keyboard.press("Shift+Enter")  # a readout made now gets its comma too
    assert _wait_readout(page, 1, r"^0,40$") == "0,40"
    assert not driver.kernel_errors(page)
