"""The one base of result objects and the one template mechanism for their HTML."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tomllib
from pathlib import Path

import jinja2
import pytest

import course_kit
from course_kit import evidence, meta
from course_kit._result import Result, html_view, render_template
from course_kit.method._base import ExplainedFeedback
from course_kit.teaching.exercises import Feedback

ROOT = Path(__file__).resolve().parents[1]
YI = [0.8, 0.5, 0.4, 0.2, 0.1, 0.35]
VI = [0.09, 0.05, 0.03, 0.01, 0.005, 0.02]

# Classes with a summary and an HTML view that are not results, and why.
NOT_RESULTS = {
    # layer 0 beside _result, and the message tables it needs import the course map
    "course_kit.course.TranslationStatus",
    # a participant's log that grows and is saved, not the answer of one computation
    "course_kit.method.practice.PracticeLog",
}


class _Said(Result):
    def __init__(self, words):
        self.words = words

    def summary(self):
        return self.words

    def to_frame(self):  # pragma: no cover - not needed here
        raise NotImplementedError


def _classes():
    for info in pkgutil.walk_packages(course_kit.__path__, "course_kit."):
        if info.name.startswith("course_kit.board."):
            continue  # the class board's service runs only inside JupyterHub; it has no results
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == info.name:
                yield cls


def test_every_class_with_a_summary_and_a_view_is_a_result():
    found = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in _classes()
        if callable(getattr(cls, "summary", None))
        and hasattr(cls, "_repr_html_")
        and not issubclass(cls, Result)
    ]
    assert sorted(found) == sorted(NOT_RESULTS)


def test_the_base_shows_the_summary_escaped_with_its_lines_kept():
    said = _Said("I² < 50 % & 'low'\nsecond line")
    assert str(said) == "I² < 50 % & 'low'\nsecond line"
    assert said._repr_html_() == "<p>I² &lt; 50 % &amp; &#39;low&#39;<br>second line</p>"
    assert _Said("one line")._repr_html_() == "<p>one line</p>"


def test_only_html_the_kit_made_is_left_unescaped():
    view = html_view("note_box", note="<b>note</b>", body_html="<table></table>")
    assert view == "<div><p>&lt;b&gt;note&lt;/b&gt;</p><table></table></div>"
    with pytest.raises(jinja2.UndefinedError, match="'text' was not provided"):
        html_view("paragraph")  # a forgotten value fails instead of showing nothing


def test_the_templates_ship_with_the_package():
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "templates/*" in package_data["package-data"]["course_kit"]
    shipped = {p.name for p in (ROOT / "course_kit" / "templates").iterdir()}
    assert {"views.html.j2", "evidence_page.html.j2"} <= shipped
    assert render_template("views.html.j2") == ""  # macros only


def test_meta_results_share_the_base_and_keep_their_views():
    res = meta.meta_analysis(YI, VI, labels=list("abcdef"))
    sub = meta.subgroup_analysis(YI, VI, list("aaabbb"))
    egger, rank = meta.egger_test(YI, VI), meta.rank_correlation_test(YI, VI)
    filled = meta.trim_and_fill(res)
    for result in (res, sub, egger, rank, filled):
        assert isinstance(result, Result)
        assert str(result) == result.summary()
    html = res._repr_html_()  # richer than a paragraph: a table of the pooled numbers
    assert html.startswith('<table class="ck-meta-result"><caption>') and "<th>I²</th>" in html
    assert filled._repr_html_().endswith(filled.filled._repr_html_() + "</div>")
    assert sub._repr_html_().startswith("<div><table") and sub._repr_html_().endswith("</p></div>")
    assert egger.to_frame().loc[0, "df"] == egger.df == len(YI) - 2
    assert rank.to_frame().loc[0, "statistic"] == rank.statistic
    assert egger._repr_html_().count("<br>") == 2  # title, test, limit estimate


def test_feedback_boxes_list_their_explained_lines_inside():
    plain = Feedback("close", "Nearly <there>", "look again")._repr_html_()
    assert "Nearly &lt;there&gt;<br><i>" in plain and plain.endswith("</i></div>")
    explained = ExplainedFeedback("incorrect", "No", "", ("a & b", "c"))._repr_html_()
    assert explained.endswith('No<ul style="margin:4px 0"><li>a &amp; b</li><li>c</li></ul></div>')
    assert str(Feedback("correct", "Yes", "hint")) == "Yes"


def test_the_evidence_page_escapes_every_word(tmp_path, monkeypatch):
    real = evidence.text
    monkeypatch.setattr(
        evidence,
        "text",
        lambda key, **v: "</script><b>x</b>" if key == "evidence.page_title" else real(key, **v),
    )
    source = evidence.to_html(tmp_path / "page.html").read_text(encoding="utf-8")
    assert "<b>x</b>" not in source
    assert "<title>&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</title>" in source
    assert source.endswith("</script></body></html>\n")
