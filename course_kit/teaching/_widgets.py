"""The teaching layer's one widget toolkit (private to :mod:`course_kit.teaching`).

Pictures for widgets: a figure as PNG bytes (:func:`figure_png`), a figure whose
changing parts a slider redraws fast (:class:`LiveFigure`) and a slider that
swaps precomputed pictures (:func:`image_slider`). The progress bar of long
simulations is :class:`course_kit._progress.Progress` (no widget, so the
analysis modules that use it stay free of ipywidgets).

Accessibility (WCAG 2.1 AA, as Swedish and Norwegian public services require):
every picture carries alternative text (:func:`course_kit.style.alt_text`):
``<img alt>`` in outputs and widgets (:func:`img_html`, :func:`figure_html`,
:func:`image_widget`).
ipywidgets names no slider handle (and no select without a description), and a
wide output scrolls without keyboard access; :func:`publish_page_script` sends a
small script that fixes these in the page (see ``_A11Y_JS``). A control without a
visible description gets a ``tooltip``: the script names it after that.
"""

from __future__ import annotations

import numpy as np

from course_kit._result import html_view
from course_kit._validation import check_number
from course_kit.messages import text
from course_kit.style import alt_text, localise_ticks

__all__ = [
    "Folded",
    "LiveFigure",
    "figure_html",
    "figure_png",
    "folded",
    "image_slider",
    "img_html",
    "publish_page_script",
    "set_image",
    "show_figure",
]


def figure_png(fig, dpi: int = 85) -> bytes:
    """The figure as PNG bytes, rendered for speed (fast compression, modest dpi).

    Widget callbacks redraw a figure many times; the default PNG compression takes
    longer than drawing the figure itself, so a light compression keeps a callback
    fast at the cost of a slightly larger image.
    """
    import io

    dpi = check_number(dpi, "dpi", low=20, high=600, integer=True)
    localise_ticks(fig)  # decimal commas on the axes of the sv/nb editions
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def show_figure(fig, output, dpi: int = 85) -> None:
    """Replace what ``output`` (an ``ipywidgets.Output``) shows with ``fig``, quickly.

    Use in slider callbacks: draw the figure once, update its artists in the
    callback, then call ``show_figure(fig, output)``. The figure should be closed
    with ``plt.close(fig)`` after it is made, so that Jupyter does not show it a
    second time under the cell.
    """
    import base64

    png = base64.b64encode(figure_png(fig, dpi=dpi)).decode("ascii")
    # Setting ``outputs`` swaps the picture in one message (no flicker, no capture
    # context), and works the same inside and outside a running kernel.
    output.outputs = (_picture_output(png, alt_text(fig)),)


class LiveFigure:
    """A matplotlib figure that a slider redraws fast inside an ``ipywidgets.Output``.

    Drawing axes, ticks and labels takes most of the time of a redraw, and they do
    not change when a slider moves. So the static part is drawn once and kept as
    a picture; each :meth:`show` draws only the ``dynamic`` artists on top of it
    (matplotlib's "blitting") and sends one PNG to the output (:meth:`png` returns
    that PNG instead, e.g. for the pictures of :func:`image_slider`).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure, fully laid out (call ``fig.tight_layout()`` before).
    output : ipywidgets.Output or None
        Where the picture appears (None if only :meth:`png` is used).
    dynamic : sequence of matplotlib artists
        The artists the callback changes (points, bars, lines, titles). Change
        them in place (``set_data``, ``set_height``, ``set_text``, ...). They are
        drawn in this order, over everything else.

    Notes
    -----
    A slider has a few values, and each value always gives the same picture. Pass
    the value as ``key`` (``live.show(key=value)``): the picture and its alt text
    are drawn the first time a key is shown and kept, so moving back to a value
    costs only a dictionary look-up. Call ``live.png(key=value)`` for every value
    when the widget is made to draw them all up front (a notebook's main widget).

    Examples
    --------
    >>> import matplotlib.pyplot as plt, ipywidgets as widgets  # doctest: +SKIP
    >>> fig, ax = plt.subplots()  # doctest: +SKIP
    >>> (line,) = ax.plot([0, 1], [0, 1])  # doctest: +SKIP
    >>> live = LiveFigure(fig, widgets.Output(), dynamic=[line])  # doctest: +SKIP
    >>> line.set_ydata([1, 0])
    ... live.show(key="down")  # doctest: +SKIP
    """

    def __init__(self, fig, output, dynamic=()):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        if not isinstance(fig.canvas, FigureCanvasAgg):
            FigureCanvasAgg(fig)  # attaches itself as fig.canvas
        localise_ticks(fig)  # decimal commas on the axes of the sv/nb editions
        self.fig = fig
        self.output = output
        self.dynamic = list(dynamic)
        for artist in self.dynamic:
            artist.set_animated(True)  # left out of the static picture
        self._background = None
        self._pictures = {}  # key -> (PNG bytes, alt text)

    def show(self, key=None) -> None:
        """Draw the dynamic artists over the static picture and show the result.

        Parameters
        ----------
        key : hashable, optional
            What the picture shows, usually the widget's value. The first picture
            shown (or made by :meth:`png`) for a key is kept with its alt text and
            shown again for that key without drawing. None (the default) draws
            every time.
        """
        import base64

        png = base64.b64encode(self.png(key)).decode("ascii")
        alt = self._pictures[key][1] if key is not None else alt_text(self.fig)
        self.output.outputs = (_picture_output(png, alt),)

    def png(self, key=None) -> bytes:
        """The static picture with the dynamic artists drawn over it, as PNG bytes.

        Parameters
        ----------
        key : hashable, optional
            As for :meth:`show`: the picture kept for ``key`` if there is one;
            otherwise the picture is drawn (and kept for ``key`` unless it is None).
        """
        if key is not None and key in self._pictures:
            return self._pictures[key][0]
        png = self._draw()
        if key is not None:
            self._pictures[key] = (png, alt_text(self.fig))
        return png

    def _draw(self) -> bytes:
        import io

        from PIL import Image

        canvas = self.fig.canvas
        if self._background is None:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self.dynamic:
            self.fig.draw_artist(artist)
        width, height = canvas.get_width_height(physical=True)
        image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        # Level 1: 30 % faster than PIL's default (6) for a 9 % larger file (a 7 x 3.4 in
        # figure); level 0 (no compression) makes the file 30 times larger.
        image.convert("RGB").save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


#: Resolution of the pictures of :func:`image_slider` (screen resolution).
PICTURE_DPI = 90


def _png(fig) -> bytes:
    """The figure as PNG bytes for a widget, then closed (Jupyter must not show it twice)."""
    import matplotlib.pyplot as plt

    try:
        return figure_png(fig, dpi=PICTURE_DPI)
    finally:
        plt.close(fig)


def image_slider(slider, values, render, main: bool):
    """A slider (or dropdown) over ``values`` that swaps pictures.

    ``render(value)`` returns a matplotlib Figure, or a picture it has drawn itself as
    ``(PNG bytes, alt text)`` (e.g. with :meth:`LiveFigure.png`). For the notebook's main widget
    (``main=True``) every picture is drawn when the widget is made, so a move costs
    only a dictionary look-up (well under the 100 ms a widget callback may take).
    Another widget draws the picture it shows first, and every other picture the
    first time it is chosen (about 0.1 s), then keeps it: "Run All" does not wait for
    pictures that nobody may look at.
    """
    import ipywidgets as widgets

    by_key = {_key(v): v for v in values}
    pictures = {}  # value -> ready <img alt> element

    def picture(key):
        if key not in pictures:
            drawn = render(by_key[key])
            if isinstance(drawn, tuple):  # (PNG bytes, alt text)
                pictures[key] = img_html(*drawn)
            else:
                alt = alt_text(drawn)
                pictures[key] = img_html(_png(drawn), alt)
        return pictures[key]

    if main:
        for key in by_key:
            picture(key)
    image = image_widget(b"", "")
    set_image(image, picture(_key(slider.value)), "")
    if main:
        slider.add_class("ck-main-widget")
        image.add_class("ck-main-output")

    def update(change):
        set_image(image, picture(_key(change["new"])), "")

    slider.observe(update, names="value")
    return widgets.VBox([slider, image])


def _key(value):
    """Slider values as dictionary keys: numbers rounded (0.1 + 0.2 == 0.3), others as they are."""
    return round(float(value), 6) if isinstance(value, (int, float, np.number)) else value


# --- accessibility -------------------------------------------------------------------


def img_html(png, alt: str) -> str:
    """An ``<img>`` element with alternative text for PNG bytes (or their base64 text)."""
    import base64
    import html

    if isinstance(png, bytes | bytearray):
        png = base64.b64encode(png).decode("ascii")
    return (
        f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt, quote=True)}" '
        'style="max-width: 100%; height: auto;">'
    )


def _picture_output(png_b64: str, alt: str) -> dict:
    # JupyterLab shows the richest type: text/html (with alt) before image/png.
    # image/png stays for tools that look for the picture itself (nbval, nbconvert).
    return {
        "output_type": "display_data",
        "data": {"text/html": img_html(png_b64, alt), "image/png": png_b64, "text/plain": alt},
        "metadata": {},
    }


def figure_html(fig) -> str:
    """A Figure as ``<img alt>``, drawn like the inline backend draws it (IPython formatter).

    ``course_kit`` registers this as the ``text/html`` form of matplotlib Figures in
    a notebook, so every figure a cell shows carries its alt text.
    """
    from IPython.core.pylabtools import print_figure

    _last_png.clear()
    localise_ticks(fig)  # decimal commas on the axes of the sv/nb editions
    try:
        png = print_figure(fig, fmt="png", bbox_inches="tight", base64=True)
    except Exception:  # then JupyterLab shows the plain image/png form
        return None
    if not png:  # an empty figure: nothing to show
        return None
    _share_png(fig, png)
    return img_html(png, alt_text(fig))


# The PNG that figure_html has just drawn, as [(figure, base64 text)]: IPython asks for a
# figure's text/html form and then, in the same display, for its image/png form, which
# would draw the whole figure a second time (half of a notebook's figure time).
_last_png: list = []


def _share_png(fig, png: str) -> None:
    """Let the image/png form of this display reuse ``png`` instead of drawing ``fig`` again."""
    from IPython import get_ipython
    from matplotlib.figure import Figure

    shell = get_ipython()
    formatters = getattr(getattr(shell, "display_formatter", None), "formatters", {})
    formatter = formatters.get("image/png")
    if formatter is None:
        return
    try:
        draw = formatter.lookup_by_type(Figure)
    except KeyError:  # no image/png form of figures in this kernel
        return
    if not getattr(draw, "_course_kit_shared", False):
        # Wrapped here, not at import: the inline backend registers its own formatter
        # when pyplot is imported (and removes others').
        def png_form(figure, _draw=draw):
            if _last_png and _last_png[0][0] is figure:
                return _last_png.pop()[1]
            return _draw(figure)

        png_form._course_kit_shared = True
        formatter.for_type(Figure, png_form)
    _last_png.append((fig, png))


def image_widget(png: bytes, alt: str):
    """A widget showing PNG bytes as ``<img alt>`` (change it with :func:`set_image`).

    An ``ipywidgets.HTML`` rather than ``ipywidgets.Image``: the Image widget
    offers no alt attribute (and in ipywidgets 8.1 its ``tooltip`` breaks the view).
    """
    import ipywidgets as widgets

    widget = widgets.HTML(value=img_html(png, alt))
    widget.add_class("ck-picture")
    return widget


def set_image(widget, png, alt: str) -> None:
    """Show other PNG bytes (or a ready ``<img>`` from :func:`img_html`) in ``widget``."""
    widget.value = png if isinstance(png, str) else img_html(png, alt)


# Runs in the page (JupyterLab executes it: the outputs of an Output widget are
# trusted). ipywidgets 8 gives a slider's handle (role=slider) no name and a
# select or text box without description none either; a wide table makes its
# output scroll sideways with nothing to focus. Installed once per page, it names
# each control after its description (or placeholder) and makes each scrolling
# output focusable, as WCAG 2.1 (4.1.2, 2.1.1) asks.
# Only what is added to the page is looked at (an observer of added elements; the
# fixes in the next animation frame, when the widget has its label), so that typing
# in a cell or moving a slider costs no scan of the page; an editor holds only text
# and is skipped. (ipywidgets labels its own controls; an HTML widget makes its
# content anew when its description or tooltip changes, so a control added unnamed
# is looked at again when it can get a name.) Whether an output scrolls changes
# with its size (window or panel resized, picture loaded), which a ResizeObserver
# reports, and with what is added inside it (with overlay scrollbars its size may
# not change).
_A11Y_JS = r"""
(function () {
  if (window.__ckA11y) return;
  window.__ckA11y = true;
  const HANDLE = '.noUi-handle[role=slider]';
  const CONTROL = '.jupyter-widgets select, .jupyter-widgets input';
  const OUTPUT = '.jp-OutputArea-output, .widget-html-content';
  const ANY = [HANDLE, CONTROL, OUTPUT].join(', ');
  function name(el) {
    const box = el.closest('.jupyter-widgets');
    const label = box && box.querySelector(':scope > .widget-label, :scope > label');
    const text = label && label.textContent.trim();
    return text || el.getAttribute('placeholder') || (box && box.getAttribute('title')) || '';
  }
  function nameHandle(h) {
    if (h.getAttribute('aria-label')) return;
    const slider = h.closest('.widget-slider, .jupyter-widgets');
    const label = slider && slider.querySelector('.widget-label');
    h.setAttribute('aria-label', (label && label.textContent.trim()) || __SLIDER_NAME__);
  }
  function nameControl(el) {
    if (el.getAttribute('aria-label') || el.labels?.length) return;
    const text = name(el);
    if (text) el.setAttribute('aria-label', text);
  }
  function focusable(el) {  // true once a scrolling output can take the focus
    if (el.hasAttribute('tabindex')) return true;
    const wide = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    const style = getComputedStyle(el);
    const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
    if (!wide || !scrolls) return false;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', __SCROLLING_OUTPUT_NAME__);
    return true;
  }
  const resized = new ResizeObserver(entries => entries.forEach(e => queue(e.target)));
  const queued = new Set();
  function fix(el) {
    if (el.matches(HANDLE)) nameHandle(el);
    else if (el.matches(CONTROL)) nameControl(el);
    else if (!el.isConnected || focusable(el)) resized.unobserve(el);
  }
  function queue(el) {
    if (!queued.size) requestAnimationFrame(() => { queued.forEach(fix); queued.clear(); });
    queued.add(el);
  }
  function see(el) {
    if (el.matches(OUTPUT)) {
      if (el.hasAttribute('tabindex')) return;
      resized.observe(el);
    }
    queue(el);
  }
  function added(node) {
    if (node.nodeType !== 1) return;
    if (node.matches(ANY)) see(node);
    if (node.firstElementChild) node.querySelectorAll(ANY).forEach(see);
  }
  new MutationObserver(records => records.forEach(r => {
    if (!r.addedNodes.length || r.target.closest('.cm-editor')) return;
    r.addedNodes.forEach(added);
    // what is added inside an output can make it scroll
    for (let el = r.target.closest(OUTPUT); el; el = el.parentElement?.closest(OUTPUT)) {
      if (!el.hasAttribute('tabindex')) queue(el);
    }
  })).observe(document.body, {childList: true, subtree: true});
  document.querySelectorAll(ANY).forEach(see);
})();
"""


# ipywidgets writes a slider's readout in the browser with d3-format, which knows
# only the decimal point, and reads a typed readout back with parseFloat. In the
# Swedish and Norwegian editions the readout shows a decimal comma; when the
# participant edits it, the comma becomes a point again before ipywidgets reads it
# (capture phase: this runs before the widget's own handlers).
# Only the readouts are watched: an observer of each readout's own text, attached
# when the readout appears (the page observer looks only at added elements), so that
# typing in a cell or any other change of the page costs no scan of the readouts.
# A changed readout gets its comma in the next animation frame, not at once: a
# mutation callback runs between two event listeners, and ipywidgets' own keydown or
# blur handler must still read the point that the capture listener has just written.
_DECIMAL_COMMA_JS = r"""
(function () {
  if (window.__ckComma) return;
  window.__ckComma = true;
  const SEL = '.widget-readout';
  const toComma = el => {
    if (document.activeElement === el) return;
    const t = el.textContent;
    if (/^[-\u2212]?\d+\.\d+$/.test(t.trim())) el.textContent = t.replace('.', ',');
  };
  const toPoint = el => { el.textContent = el.textContent.replace(',', '.').replace('\u2212', '-'); };
  const changed = new Set();
  const queue = el => {
    if (!changed.size) requestAnimationFrame(() => {
      changed.forEach(toComma);
      changed.clear();
      ownText.takeRecords();  // the commas just written: nothing more to do
    });
    changed.add(el);
  };
  const ownText = new MutationObserver(records => records.forEach(r => {
    const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const readout = node && node.closest(SEL);
    if (readout) queue(readout);
  }));
  const watched = new WeakSet();
  const watch = el => {
    if (watched.has(el)) return;
    watched.add(el);
    ownText.observe(el, {childList: true, subtree: true, characterData: true});
    queue(el);
  };
  const added = node => {
    if (node.nodeType !== 1) return;
    if (node.matches(SEL)) watch(node);
    else if (node.firstElementChild) node.querySelectorAll(SEL).forEach(watch);
  };
  new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(added)))
    .observe(document.body, {childList: true, subtree: true});
  document.addEventListener('focusin', e => { if (e.target.matches?.(SEL)) toPoint(e.target); }, true);
  for (const type of ['blur', 'keydown', 'focusout']) {
    document.addEventListener(type, e => {
      if (!e.target.matches?.(SEL)) return;
      if (type === 'keydown' && e.key !== 'Enter') return;
      toPoint(e.target);
    }, true);
  }
  document.querySelectorAll(SEL).forEach(watch);
})();
"""


def publish_page_script() -> None:
    """Send ``_A11Y_JS`` to the page once, as an invisible output of the current cell.

    ``course_kit`` calls this after the first cell that imports it has run: the
    script then covers every widget of the notebook, the kit's and the notebook's own.
    """
    import json

    from IPython.display import display

    from course_kit import i18n
    from course_kit.messages import text

    # the names a screen reader announces, in the reader's language (JSON: a JS string)
    script = _A11Y_JS.replace("__SLIDER_NAME__", json.dumps(text("page.slider_name")))
    script = script.replace(
        "__SCROLLING_OUTPUT_NAME__", json.dumps(text("page.scrolling_output_name"))
    )
    display({"application/javascript": script}, raw=True)
    if i18n.get_language() != "en":
        display({"application/javascript": _DECIMAL_COMMA_JS}, raw=True)


class Folded:
    """An output that stays folded: a closed ``<details>`` under a one-line summary.

    JupyterLab unfolds a cell's folded output every time the cell runs (Run All
    does), so a cell's ``outputs_hidden`` cannot keep technical output (R code, a
    full model table) out of a participant's way; a closed ``<details>`` in the
    output itself stays closed until someone clicks it. Plain-text displays get
    the object's own text.
    """

    def __init__(self, obj, summary: str):
        self.obj, self.summary = obj, summary

    def _repr_html_(self) -> str:
        inner = getattr(self.obj, "_repr_html_", None)
        body = inner() if callable(inner) else None
        if body is None:
            shown = self.obj if isinstance(self.obj, str) else repr(self.obj)
            body = html_view("preformatted", text=shown)
        return html_view("folded", summary=self.summary, body_html=body)

    def __repr__(self) -> str:
        return self.obj if isinstance(self.obj, str) else repr(self.obj)


def folded(obj, summary: str | None = None) -> Folded:
    """Show ``obj`` (a table, a result, a text) folded away under ``summary``.

    Parameters
    ----------
    obj : object
        Anything with an HTML view (``_repr_html_``), or text (shown as it is).
    summary : str, optional
        The line a reader clicks to unfold it; default: "For reviewers: show the
        output", in the reader's language.

    Examples
    --------
    >>> html = folded("rma(yi, vi)")._repr_html_()
    >>> html.startswith("<details") and "<pre>rma(yi, vi)</pre>" in html
    True
    """
    return Folded(obj, text("page.reviewers_summary") if summary is None else summary)
