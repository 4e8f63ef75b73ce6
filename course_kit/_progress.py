"""A progress bar for long simulations: shown inside Jupyter, silent elsewhere.

An HTML ``<progress>`` element updated in place through an IPython display
handle, not a widget: the analysis modules that run simulations
(:mod:`course_kit.trials`, :mod:`course_kit.susceptibility.power`) stay free of
ipywidgets, and the bar needs no kernel-side widget state. tqdm is no
dependency; this is the little of it the course needs.
"""

from __future__ import annotations

import html


def in_jupyter() -> bool:
    """True inside a Jupyter kernel (not in a terminal IPython or plain Python)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


class Progress:
    """A bar from 0 to ``total``; does nothing unless ``enabled`` and inside Jupyter.

    Parameters
    ----------
    total : int
        Number of steps.
    enabled : bool
        The caller's ``progress`` argument.
    label : str
        Text before the bar (participant-facing: from the message catalog).

    Examples
    --------
    >>> bar = Progress(10, enabled=False, label="Simulating")
    >>> for i in range(10):
    ...     bar.update(i + 1)
    >>> bar.close()
    """

    def __init__(self, total: int, enabled: bool, label: str):
        self.total = max(1, int(total))
        self.label = label
        self.value = 0
        self.done = False
        # Updating the page costs a message to the browser: about 50 updates in all.
        self.step = max(1, self.total // 50)
        self.handle = None
        if enabled and in_jupyter():
            from IPython.display import DisplayHandle

            self.handle = DisplayHandle()
            self.handle.display(self._html())

    def _html(self):
        from IPython.display import HTML

        mark = " &#10003;" if self.done else ""
        return HTML(
            f'<div class="ck-progress"><label>{html.escape(self.label)} '
            f'<progress value="{self.value}" max="{self.total}"></progress>{mark}</label></div>'
        )

    def update(self, i: int) -> None:
        """Show that ``i`` of ``total`` steps are done."""
        if self.handle is not None and i % self.step == 0:
            self.value = i
            self.handle.update(self._html())

    def close(self) -> None:
        """Show the bar full and finished."""
        if self.handle is not None:
            self.value, self.done = self.total, True
            self.handle.update(self._html())
