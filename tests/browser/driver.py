"""Drive a course notebook in JupyterLab like a participant (Playwright, sync API).

Shared by ``test_notebooks_in_browser.py`` and ``benchmarks/bench_widget_latency.py``.
Widgets are found by the course's CSS classes (see CONTRIBUTING.md):
``ck-main-widget``/``ck-main-output`` for the main slider and what it updates,
``ck-exercise-input``/``ck-exercise-check``/``ck-exercise-feedback`` for
self-checking exercises.
"""

from __future__ import annotations

import time

MAIN_WIDGET = ".ck-main-widget"
MAIN_OUTPUT = ".ck-main-output"
EXERCISE_INPUT = ".ck-exercise-input"
EXERCISE_CHECK = ".ck-exercise-check"
EXERCISE_FEEDBACK = ".ck-exercise-feedback"
STDERR_OUTPUT = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'

# JavaScript run in the page. ``jupyterapp`` is exposed by
# --LabApp.expose_app_in_browser; the toolbar's idle dot shows before the
# kernel is connected, so we ask the kernel object itself.
_KERNEL_READY = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session
    && w.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

_FORGET_EXECUTION_COUNTS = """() => {
  const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type === 'code') { cell.executionCount = null; }
  }
}"""

# Done when the kernel is idle and every non-empty code cell has run, or when
# a cell failed (Run All stops there, so later cells never get a count).
_RUN_STATE = """() => {
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w.sessionContext.session && w.sessionContext.session.kernel;
  const cells = w.content.model.cells;
  let pending = 0, failed = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.get(i);
    if (cell.type !== 'code') continue;
    const outputs = cell.outputs.toJSON();
    if (outputs.some(o => o.output_type === 'error')) failed = true;
    if (cell.sharedModel.getSource().trim() && cell.executionCount === null) pending += 1;
  }
  const idle = !!kernel && kernel.status === 'idle';
  return {idle, pending, failed, done: idle && (pending === 0 || failed)};
}"""


def open_notebook(page, lab, name: str, timeout_ms: float = 60_000) -> None:
    """Open ``name`` in a fresh JupyterLab layout and wait for its kernel."""
    page.goto(lab.lab_url(name) + "&reset", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook", timeout=timeout_ms)
    page.wait_for_function(_KERNEL_READY, timeout=timeout_ms)


def run_new_notebook(page, lab, name: str, cells: list[str]) -> dict:
    """Write the code ``cells`` as notebook ``name`` in the server's folder, open it,
    watch its kernel (:func:`watch_kernel`) and run it all (returns :func:`run_all`'s state)."""
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbformat.write(nb, lab.root_dir / name)
    open_notebook(page, lab, name)
    watch_kernel(page)
    return run_all(page)


def next_frames(page) -> None:
    """Wait two animation frames: what the page's scripts left for the next frame is done."""
    page.evaluate(
        "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
    )


def count_while_typing(page, counter_js: str, text: str) -> int:
    """Type ``text`` with a counter installed in the page; return its count.

    ``counter_js`` sets ``window.__ckCount`` to 0, counts into it and defines
    ``window.__ckUncount()``, which removes the counter again.
    """
    page.evaluate(counter_js)
    try:
        page.keyboard.type(text)
        next_frames(page)
        return page.evaluate("() => window.__ckCount")
    finally:
        page.evaluate("() => window.__ckUncount()")


def run_all(page, timeout_ms: float = 120_000) -> dict:
    """Run every cell (Run → Run All Cells) and wait until the kernel is done.

    Returns the final run state: ``{"idle", "pending", "failed", "done"}``.
    """
    page.evaluate(_FORGET_EXECUTION_COUNTS)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    deadline = time.monotonic() + timeout_ms / 1000
    done_since = None
    while True:
        state = page.evaluate(_RUN_STATE)
        # Require 'done' twice, 0.3 s apart: the kernel can be idle for a moment
        # between two queued cells.
        if state["done"]:
            if done_since is not None and time.monotonic() - done_since > 0.3:
                return state
            done_since = done_since or time.monotonic()
        else:
            done_since = None
        if time.monotonic() > deadline:
            raise TimeoutError(f"Run All did not finish in {timeout_ms / 1000:.0f} s: {state}")
        time.sleep(0.1)


def wait_kernel_idle(page, timeout_ms: float = 30_000) -> None:
    page.wait_for_function(_KERNEL_READY, timeout=timeout_ms)


def error_outputs(page) -> list[str]:
    """Texts of error/stderr outputs that look like a failure."""
    texts = page.locator(STDERR_OUTPUT).all_inner_texts()
    return [t for t in texts if "Traceback" in t or "Error" in t]


def page_has_traceback(page) -> bool:
    return "Traceback" in page.locator(".jp-Notebook").inner_text()


# What an output shows: an <img> (ipywidgets.Image) by its src, anything else
# (Output, HTML) by its inner HTML, and '' while it shows no text and no picture
# (an empty Output still holds an empty output area). Shared with the benchmark.
OUTPUT_CONTENT_JS = """(el) => el.tagName === 'IMG' ? (el.getAttribute('src') || '')
  : (el.innerText.trim() !== '' || el.querySelector('img, svg, canvas, video')
     ? el.innerHTML : '')"""


def output_snapshot(page, selector: str = MAIN_OUTPUT) -> str:
    """What the first element matching ``selector`` shows ('' if none or empty)."""
    return page.evaluate(
        f"(sel) => {{ const el = document.querySelector(sel); "
        f"return el ? ({OUTPUT_CONTENT_JS})(el) : ''; }}",
        selector,
    )


def widget_kind(page) -> str | None:
    """How to move the main widget: 'slider', 'select', 'text', 'toggle' (None if absent)."""
    return page.evaluate(
        """(sel) => {
          const w = document.querySelector(sel);
          if (!w) return null;
          if (w.querySelector('.noUi-handle')) return 'slider';
          if (w.matches('select') || w.querySelector('select')) return 'select';
          if (w.querySelector('.widget-toggle-button, .jupyter-button')) return 'toggle';
          if (w.querySelector('input')) return 'text';
          return 'unknown';
        }""",
        MAIN_WIDGET,
    )


def move_main_widget(page, step: int = 0) -> None:
    """Change the main widget's value once, as a person would.

    A slider gets a key press on its handle (ArrowRight; ArrowLeft on odd
    ``step`` or at the maximum, so that every move changes the value); a dropdown
    picks another option; toggle buttons click one that is not selected.
    """
    widget = page.locator(MAIN_WIDGET).first
    kind = widget_kind(page)
    if kind == "slider":
        handle = widget.locator(".noUi-handle").first
        now, high = (
            float(handle.get_attribute(a) or 0) for a in ("aria-valuenow", "aria-valuemax")
        )
        handle.focus()
        handle.press("ArrowLeft" if step % 2 or now >= high else "ArrowRight")
    elif kind == "select":
        select = widget.locator("select").first if widget.locator("select").count() else widget
        options = select.locator("option")
        current = max(0, select.evaluate("(s) => s.selectedIndex"))  # -1: none shown
        select.select_option(index=(current + 1) % options.count())
    elif kind == "toggle":
        buttons = widget.locator(".widget-toggle-button, .jupyter-button")
        for i in range(buttons.count()):
            if "mod-active" not in (buttons.nth(i).get_attribute("class") or ""):
                buttons.nth(i).click()
                break
    elif kind == "text":
        box = widget.locator("input").first
        box.fill(str(step + 2))
        box.press("Enter")
    else:
        raise AssertionError(f"the main widget ({kind}) cannot be moved by the test driver")


def wait_for_change(page, before: str, selector: str = MAIN_OUTPUT, timeout_ms=15_000) -> str:
    """Wait until what ``selector`` shows differs from ``before`` and is not empty."""
    page.wait_for_function(
        f"""([sel, before]) => {{
          const el = document.querySelector(sel);
          if (!el) return false;
          const now = ({OUTPUT_CONTENT_JS})(el);
          return now !== '' && now !== before;
        }}""",
        arg=[selector, before],
        timeout=timeout_ms,
    )
    return output_snapshot(page, selector)


def wait_for_content(page, selector: str = MAIN_OUTPUT, timeout_ms=15_000) -> str:
    """Wait until ``selector`` shows something (widgets render after Run All ends)."""
    return wait_for_change(page, "", selector, timeout_ms)


# Counts busy states and collects every error the kernel reports, including
# those of widget callbacks: JupyterLab shows those only in its log console,
# never in a cell, so a test that looked at the page alone would miss them.
_HOOK_KERNEL = """() => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  if (!kernel.__ckHooked) {
    kernel.__ckHooked = true;
    window.__ckBusy = 0;
    window.__ckErrors = [];
    kernel.statusChanged.connect((_, status) => {
      if (status === 'busy') window.__ckBusy += 1;
    });
    kernel.iopubMessage.connect((_, msg) => {
      const c = msg.content;
      if (msg.header.msg_type === 'error') {
        window.__ckErrors.push(c.ename + ': ' + c.evalue);
      } else if (msg.header.msg_type === 'stream' && c.name === 'stderr'
                 && /Traceback|Error/.test(c.text)) {
        window.__ckErrors.push(c.text);
      }
    });
  }
  return window.__ckBusy;
}"""


def watch_kernel(page) -> None:
    """Start counting the kernel's busy states and collecting its errors."""
    page.evaluate(_HOOK_KERNEL)


def kernel_errors(page) -> list[str]:
    """Errors the kernel reported since :func:`watch_kernel` (cells and widget callbacks)."""
    return page.evaluate("() => window.__ckErrors || []")


_KERNEL_WAS_BUSY_NOW_IDLE = """(before) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  return window.__ckBusy > before && kernel.status === 'idle';
}"""


def click_and_wait_for_kernel(page, locator, timeout_ms: float = 15_000) -> None:
    """Click, then wait until the kernel has been busy (handling it) and is idle again."""
    before = page.evaluate(_HOOK_KERNEL)
    locator.click()
    page.wait_for_function(_KERNEL_WAS_BUSY_NOW_IDLE, arg=before, timeout=timeout_ms)


def exercise_count(page) -> int:
    """Number of self-checking exercises (one check button each)."""
    return page.locator(EXERCISE_CHECK).count()


def _mark_exercise(page, index: int) -> str:
    """Tag exercise ``index``'s input area and feedback; return the input kind."""
    kind = page.evaluate(
        """([i, inp, chk, fb]) => {
          document.querySelectorAll('[data-ck-current]').forEach(
            e => e.removeAttribute('data-ck-current'));
          const button = document.querySelectorAll(chk)[i];
          let box = button.parentElement;
          while (box && !(box.querySelector(inp) && box.querySelector(fb))) {
            box = box.parentElement;
          }
          if (!box) return null;
          box.setAttribute('data-ck-current', 'exercise');
          box.querySelector(fb).setAttribute('data-ck-current', 'feedback');
          button.setAttribute('data-ck-current', 'check');
          if (box.querySelector(inp + ' input[type=checkbox]')) return 'checkbox';
          if (box.querySelector('select')) return 'select';
          return 'text';
        }""",
        [index, EXERCISE_INPUT, EXERCISE_CHECK, EXERCISE_FEEDBACK],
    )
    assert kind, f"exercise {index + 1}: no input and feedback area around its check button"
    return kind


def try_exercise(page, index: int, attempt: int, answer: str | None = None) -> tuple[str, str]:
    """Give exercise ``index`` a wrong or empty answer, press Check, return (answer, feedback).

    ``attempt`` 0 and 1 are two different answers: for a text box ``"-999"``
    and ``"banana"``; for a dropdown no choice and then the last option; for
    tick boxes none ticked and then all ticked. ``answer`` replaces the text
    answer (e.g. a number with a decimal comma); other kinds ignore it.
    """
    kind = _mark_exercise(page, index)
    exercise = page.locator('[data-ck-current="exercise"]')
    if kind == "text":
        answer = answer if answer is not None else ("-999", "banana")[attempt % 2]
        box = exercise.locator(f"{EXERCISE_INPUT} input, input{EXERCISE_INPUT}").first
        box.fill(answer)
        box.press("Tab")  # some boxes send their value on change, not on each key
    elif kind == "select":
        select = exercise.locator("select").first
        last = select.locator("option").count() - 1
        option = 0 if attempt % 2 == 0 else last
        select.select_option(index=option)
        answer = f"option {option} of the dropdown"
    else:
        boxes = exercise.locator(f"{EXERCISE_INPUT} input[type=checkbox]")
        tick = attempt % 2 == 1
        for i in range(boxes.count()):
            boxes.nth(i).set_checked(tick)
        answer = "all boxes ticked" if tick else "no box ticked"
    # Blank the shown feedback first, so an answer the kernel ignores (or chokes
    # on) cannot pass by leaving the previous attempt's feedback on screen.
    # The two attempts get different feedback, so the widget re-renders.
    page.evaluate(
        """() => {
          const fb = document.querySelector('[data-ck-current="feedback"]');
          (fb.querySelector('.widget-html-content') || fb).innerHTML = '';
        }"""
    )
    check = page.locator('[data-ck-current="check"]')
    click_and_wait_for_kernel(page, check)
    feedback = page.locator('[data-ck-current="feedback"]')
    try:  # the feedback widget renders just after the kernel's reply
        page.wait_for_function(
            "() => document.querySelector('[data-ck-current=\"feedback\"]')"
            ".innerText.trim() !== ''",
            timeout=5_000,
        )
    except Exception:
        pass  # an empty feedback is reported by the caller
    return answer, feedback.inner_text()


def screenshot_notebook(page, path, max_height: int = 16_000) -> None:
    """Save the whole notebook as one image (JupyterLab scrolls inside a panel)."""
    notebook = page.locator(".jp-Notebook").first
    # The notebook scrolls inside an inner panel: grow the page by what is hidden.
    hidden = notebook.evaluate(
        """(e) => Math.max(0, ...[e, ...e.querySelectorAll('.jp-WindowedPanel-outer')].map(
             x => x.scrollHeight - x.clientHeight))"""
    )
    size = page.viewport_size or {"width": 1280, "height": 900}
    height = min(size["height"] + hidden + 50, max_height)
    page.set_viewport_size({"width": size["width"], "height": height})
    try:
        notebook.evaluate(
            """(e) => [e, ...e.querySelectorAll('.jp-WindowedPanel-outer')].forEach(
                 x => { x.scrollTop = 0; })"""
        )
        page.wait_for_timeout(300)  # let the layout settle at the new size
        notebook.screenshot(path=str(path))
    finally:
        page.set_viewport_size(size)
