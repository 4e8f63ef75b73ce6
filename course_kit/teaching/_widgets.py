"""The teaching layer's one widget toolkit (private to :mod:`course_kit.teaching`).

Pictures for widgets: a figure as PNG bytes (:func:`figure_png`), a figure whose
changing parts a slider redraws fast (:class:`LiveFigure`) and a slider that
swaps precomputed pictures (:func:`image_slider`). The progress bar of long
simulations is :class:`course_kit._progress.Progress` (no widget, so the
analysis modules that use it stay free of ipywidgets).
"""

from __future__ import annotations

import numpy as np

from course_kit._validation import check_number

__all__ = ["LiveFigure", "figure_png", "image_slider", "show_figure"]


def figure_png(fig, dpi: int = 85) -> bytes:
    """The figure as PNG bytes, rendered for speed (fast compression, modest dpi).

    Widget callbacks redraw a figure many times; the default PNG compression takes
    longer than drawing the figure itself, so a light compression keeps a callback
    fast at the cost of a slightly larger image.
    """
    import io

    dpi = check_number(dpi, "dpi", low=20, high=600, integer=True)
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
    output.outputs = (
        {
            "output_type": "display_data",
            "data": {"image/png": png, "text/plain": "<Figure>"},
            "metadata": {},
        },
    )


class LiveFigure:
    """A matplotlib figure that a slider redraws fast inside an ``ipywidgets.Output``.

    Drawing axes, ticks and labels takes most of the time of a redraw, and they do
    not change when a slider moves. So the static part is drawn once and kept as
    a picture; each :meth:`show` draws only the ``dynamic`` artists on top of it
    (matplotlib's "blitting") and sends one PNG to the output.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure, fully laid out (call ``fig.tight_layout()`` before).
    output : ipywidgets.Output
        Where the picture appears.
    dynamic : sequence of matplotlib artists
        The artists the callback changes (points, bars, lines, titles). Change
        them in place (``set_data``, ``set_height``, ``set_text``, ...).

    Examples
    --------
    >>> import matplotlib.pyplot as plt, ipywidgets as widgets  # doctest: +SKIP
    >>> fig, ax = plt.subplots()  # doctest: +SKIP
    >>> (line,) = ax.plot([0, 1], [0, 1])  # doctest: +SKIP
    >>> live = LiveFigure(fig, widgets.Output(), dynamic=[line])  # doctest: +SKIP
    >>> line.set_ydata([1, 0])
    ... live.show()  # doctest: +SKIP
    """

    def __init__(self, fig, output, dynamic=()):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        if not isinstance(fig.canvas, FigureCanvasAgg):
            FigureCanvasAgg(fig)  # attaches itself as fig.canvas
        self.fig = fig
        self.output = output
        self.dynamic = list(dynamic)
        for artist in self.dynamic:
            artist.set_animated(True)  # left out of the static picture
        self._background = None

    def show(self) -> None:
        """Draw the dynamic artists over the static picture and show the result."""
        import base64
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
        image.convert("RGB").save(buffer, format="png", compress_level=1)
        png = base64.b64encode(buffer.getvalue()).decode("ascii")
        self.output.outputs = (
            {
                "output_type": "display_data",
                "data": {"image/png": png, "text/plain": "<Figure>"},
                "metadata": {},
            },
        )


def _png(fig) -> bytes:
    """The figure as PNG bytes for a widget, then closed (Jupyter must not show it twice)."""
    import matplotlib.pyplot as plt

    try:
        return figure_png(fig, dpi=90)
    finally:
        plt.close(fig)


def image_slider(slider, values, render, main: bool):
    """A slider (or dropdown) over ``values`` that swaps precomputed pictures.

    ``render(value)`` returns a matplotlib Figure; every picture is drawn once,
    when the widget is made, so a slider move costs only a dictionary look-up
    (well under the 100 ms a widget callback may take).
    """
    import ipywidgets as widgets

    pictures = {_key(v): _png(render(v)) for v in values}
    image = widgets.Image(value=pictures[_key(slider.value)], format="png")
    if main:
        slider.add_class("ck-main-widget")
        image.add_class("ck-main-output")

    def update(change):
        image.value = pictures[_key(change["new"])]

    slider.observe(update, names="value")
    return widgets.VBox([slider, image])


def _key(value):
    """Slider values as dictionary keys: numbers rounded (0.1 + 0.2 == 0.3), others as they are."""
    return round(float(value), 6) if isinstance(value, (int, float, np.number)) else value
