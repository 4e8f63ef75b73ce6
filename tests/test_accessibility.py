"""Alternative text and accessible names (issue 16, item 7; WCAG 2.1 AA).

The browser tests (tests/browser/test_accessibility.py) run axe-core over the
rendered notebooks; these tests pin the pieces that make them pass.
"""

from __future__ import annotations

import json
import re

import pytest

from course_kit import evidence, figures, grade, meta
from course_kit.style import alt_text, set_alt_text
from course_kit.teaching import _widgets, explorers
from course_kit.teaching.exercises import exercise


def _fit():
    return meta.meta_analysis(
        [0.3, 0.5, 0.1, 0.4], [0.04, 0.02, 0.05, 0.03], labels=["A", "B", "C", "D"]
    )


def test_forest_plot_alt_text_names_the_pooled_estimate():
    res = _fit()
    ax = meta.forest_plot(res, title="Four trials")
    alt = alt_text(ax.figure)
    assert alt.startswith("Forest plot (Four trials): 4 studies")
    assert f"Pooled estimate {res.estimate:.2f}" in alt
    assert f"{res.ci_low:.2f} to {res.ci_high:.2f}" in alt.replace("\u2212", "-")


def test_course_figures_carry_their_pooled_estimate_in_the_alt_text():
    ax = figures.draw("forest_rayce_sensitivity")
    prep = figures.prepare("forest_rayce_sensitivity")
    assert f"Pooled estimate {prep.result.estimate:.2f}" in alt_text(ax.figure)
    funnel = figures.draw("funnel_vipp_sd_synthetic_trimfill")
    assert re.search(r"Funnel plot .*trim-and-fill imputes \d+ studies", alt_text(funnel.figure))


def test_any_other_figure_gets_alt_text_from_its_titles():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set(title="Mean sensitivity by arm", xlabel="wave", ylabel="rating (1-9)")
    assert alt_text(fig) == (
        "Figure: Mean sensitivity by arm (horizontal axis: wave; vertical axis: rating (1-9))."
    )
    set_alt_text(fig, "Two lines: the VIPP-SD arm rises, the control arm stays flat.")
    assert alt_text(fig).startswith("Two lines")
    with pytest.raises(ValueError, match="alt"):
        set_alt_text(fig, "  ")


def test_inline_figures_and_widget_pictures_are_img_elements_with_alt():
    import ipywidgets as widgets
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title("A <title> & more")
    html = _widgets.figure_html(fig)
    assert html.startswith('<img src="data:image/png;base64,')
    assert 'alt="Figure: A &lt;title&gt; &amp; more."' in html
    out = widgets.Output()
    _widgets.show_figure(fig, out)
    data = out.outputs[0]["data"]
    assert "alt=" in data["text/html"] and data["image/png"]  # html for people, png for tools
    live = _widgets.LiveFigure(fig, out, dynamic=[ax.title])
    live.show()
    assert 'alt="Figure: A &lt;title&gt;' in out.outputs[0]["data"]["text/html"]


def test_an_inline_figure_is_drawn_once_for_its_html_and_png_forms(monkeypatch):
    # IPython asks for text/html (figure_html) and then image/png of the same figure:
    # the png form reuses the html's picture instead of drawing the figure again.
    import IPython
    import matplotlib.pyplot as plt
    from IPython.core.formatters import DisplayFormatter
    from IPython.core.pylabtools import print_figure
    from matplotlib.figure import Figure

    display = DisplayFormatter()
    drawn = []
    display.formatters["text/html"].for_type(Figure, _widgets.figure_html)
    display.formatters["image/png"].for_type(
        Figure, lambda fig: drawn.append(fig) or print_figure(fig, "png", base64=True)
    )
    monkeypatch.setattr(
        IPython, "get_ipython", lambda: type("Shell", (), {"display_formatter": display})
    )
    fig, ax = plt.subplots()
    for title in ("First", "Second"):
        ax.set_title(title)
        data, _ = display.format(fig)
        png = re.search(r'base64,([^"]+)"', data["text/html"]).group(1)
        assert data["image/png"] == png and f'alt="Figure: {title}.' in data["text/html"]
    assert drawn == []
    other, _ = plt.subplots()  # a figure the html form has not drawn: png drawn as before
    assert display.formatters["image/png"](other) and drawn == [other]
    plt.close("all")


def test_explorer_pictures_change_with_their_alt_text():
    box = explorers.file_drawer_explorer(k=10, seed=1, main=False)
    slider, image = box.children
    before = image.value
    assert re.search(r'<img [^>]*alt="Funnel plot[^"]+"', before)
    slider.value = slider.max
    assert image.value != before and 'alt="Funnel plot' in image.value


def test_navigator_chart_has_alt_text_that_lists_what_it_shows():
    panel = evidence.navigator()
    filters, _count, picture, _results = panel.children
    filters.children[0].value = "Video feedback (general)"
    assert 'alt="Chart of ' in picture.value and "Video feedback (general)" in picture.value


def test_controls_without_a_visible_label_get_an_accessible_name():
    for name in ("04.which_interval", "04.read_i2"):
        box = exercise(name).widget()
        assert box.answer.tooltip == exercise(name).question
    box = grade.grade_widget()
    pickers = [row.children[0] for row in box.children[1:-1]]
    assert pickers and all(p.tooltip for p in pickers)


def test_the_page_script_names_sliders_selects_and_scrolling_outputs():
    js = _widgets._A11Y_JS
    for selector in (".noUi-handle[role=slider]", "select", "tabindex", "aria-label"):
        assert selector in js


@pytest.mark.parametrize("lang", ["en", "sv", "nb"])
def test_the_page_script_names_things_in_the_readers_language(monkeypatch, lang):
    import IPython.display

    from course_kit import i18n
    from course_kit.messages import text

    sent = []
    monkeypatch.setattr(IPython.display, "display", lambda data, raw: sent.append(data))
    with i18n.using(lang):
        _widgets.publish_page_script()
        names = [text("page.slider_name"), text("page.scrolling_output_name")]
    script = sent[0]["application/javascript"]
    assert "__SLIDER_NAME__" not in script and "__SCROLLING_OUTPUT_NAME__" not in script
    assert all(json.dumps(name) in script for name in names)
    if lang != "en":  # what a screen reader announces is not the English
        assert "Output (scrolls" not in script and "'slider'" not in script
