"""The course's evidence table: PICO fields, GRADE certainty, filters.

One row of ``datasets/evidence_table.csv`` is one published result: who it is
about (population, child age), the intervention and comparison, the outcome,
the effect (measure, estimate, 95% CI where published), how many studies and
participants, the certainty of evidence (GRADE) with *who* rated it
(``certainty_source``: the review's authors, the Norwegian handbook's GRADE table
or Bufdir's evidence summary) or "not graded", and the source with its DOI and
URL. A result published without a
number is a direction ("may reduce", "no effect found") with empty numbers.

In the Swedish and Norwegian editions the navigator's labels, the column
headers, the category words (outcome groups, certainty levels) and the free text
written for the course (the columns marked ``"translate": true`` in the schema:
population, notes, ...) are translated; published values (study names, effect
measures, numbers) stay as published, with the numbers in the reader's locale.
The filters always work on the English values of the table.

* :func:`load` - the table, validated against its schema;
* :func:`filter_evidence` - the filters of the navigator, as a pure function;
* :func:`navigator` - an ipywidgets panel with filters, a sortable table and a
  small forest-style chart;
* :func:`to_html` - the same navigator as one self-contained HTML page (plain
  JavaScript, no network), for people who do not run Python;
* :func:`show` - rows of the table to show participants, in their language;
* :func:`sensitivity_infants_exercise` - the self-check of notebook 11 (evidence to practice).

Examples
--------
>>> from course_kit import evidence
>>> table = evidence.load()
>>> rows = evidence.filter_evidence(
...     table, outcome="parental sensitivity", certainty_at_least="moderate"
... )
>>> sorted(rows["intervention"].unique())  # doctest: +SKIP
['Video feedback (general)']
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np

from course_kit import datasets, i18n
from course_kit._result import html_view, render_template
from course_kit._validation import check_choice, check_number
from course_kit.grade import LEVELS
from course_kit.messages import text

# Bufdir rated the COS-P results "low to moderate" (one rating for several
# outcomes); it sits between the two GRADE levels, and a filter counts it as low.
BETWEEN = "low to moderate"
CERTAINTY_LEVELS = ("very low", "low", BETWEEN, "moderate", "high", "not graded")
RATERS = (
    "the review's authors",
    "Norwegian handbook (tiltakshandboka.no) GRADE table",
    "Bufdir evidence summary (Norway)",
)
TEXT_COLUMNS = (
    "intervention",
    "population",
    "risk_group",
    "comparison",
    "outcome",
    "direction",
    "source",
    "notes",
)
SHOWN_COLUMNS = (
    "intervention",
    "outcome",
    "population",
    "direction",
    "measure",
    "estimate",
    "ci_low",
    "ci_high",
    "n_studies",
    "n_participants",
    "certainty",
    "certainty_source",
    "source",
    "year",
)
_NUMBER_COLUMNS = (
    "age_min_months",
    "age_max_months",
    "estimate",
    "ci_low",
    "ci_high",
    "n_studies",
    "n_participants",
    "year",
)
_DATASET = "evidence_table"
# A filter's label at its full width: ipywidgets cuts a label at 80 px ("Barnets ål…"),
# and the Swedish and Norwegian labels are often longer than the English.
_FULL_LABEL = {"description_width": "initial"}


def load():
    """The evidence table as a DataFrame, validated against its schema.

    Raises ValueError naming the file, row and column if a row breaks the
    schema (see :func:`course_kit.datasets.load`).
    """
    return datasets.load(_DATASET)


def column_label(column: str) -> str:
    """The header of ``column`` in the reader's language (English: the column's name)."""
    return text(f"evidence.column.{column}")


def level_label(level: str) -> str:
    """A certainty level (``"moderate"``, ``"not graded"``, ...) in the reader's language."""
    return text(f"evidence.level.{level}")


def _word(value, prefix: str) -> str:
    # a category word of the table; an unknown value (a participant's own table) stays as it is
    key = f"evidence.{prefix}.{value}"
    from course_kit import messages

    return text(key) if key in messages.EN else value


def _cell(value, column: str, row_id, lang: str) -> str:
    """One value of the table as a participant reads it (text; empty when missing)."""
    import pandas as pd

    if not isinstance(value, str) and pd.isna(value):
        return ""
    if column in datasets.translated_columns(_DATASET):  # free text written for the course
        return i18n.dataset_text(_DATASET, row_id, column, str(value), lang)
    if column == "certainty":
        return _word(value, "level") if value in CERTAINTY_LEVELS else str(value)
    if column == "outcome_group":
        return _word(value, "group")
    if column == "measure":
        return _word(value, "measure")
    if column in _NUMBER_COLUMNS:
        number = value.item() if hasattr(value, "item") else value
        whole = isinstance(number, int) and not isinstance(number, bool)
        return i18n.format_value(number, "d" if whole else "g", lang)
    return str(value)


def localise(rows, columns=None):
    """The values of ``rows`` as text in the reader's language (same index and columns).

    Free text written for the course is translated, category words too; published
    values stay as published; numbers are written in the reader's locale (``0,34``).
    """
    lang = i18n.get_language()
    columns = list(rows.columns if columns is None else columns)
    ids = rows["id"] if "id" in rows else rows.index.to_series()
    out = rows.loc[:, columns].astype(object).copy()
    for column in columns:
        out[column] = [_cell(v, column, i, lang) for v, i in zip(rows[column], ids, strict=True)]
    return out


def show(rows, columns=None):
    """Rows of the evidence table to show participants: their language, their locale.

    Parameters
    ----------
    rows : DataFrame
        Rows of the table, e.g. ``load().head(10)``.
    columns : list of str, optional
        The columns to show (default: all).

    Returns
    -------
    DataFrame
        English: the rows themselves. Swedish and Norwegian: translated headers,
        translated free text and category words, numbers with a decimal comma.
    """
    columns = list(rows.columns if columns is None else columns)
    if i18n.get_language() == "en":
        return rows.loc[:, columns]
    shown = localise(rows, columns)
    return shown.rename(columns={c: column_label(c) for c in columns})


def _label(rows, column: str, value) -> str:
    """The label of ``value`` of ``column``, from the first row that has it."""
    first = rows.index[rows[column] == value][0]
    row_id = rows.loc[first, "id"] if "id" in rows else first
    return _cell(value, column, row_id, i18n.get_language())


def _age_overlaps(table, low: float, high: float):
    """Rows whose stated age range overlaps [low, high); unknown ages never do."""
    lo = table["age_min_months"].astype("Float64")
    hi = table["age_max_months"].astype("Float64")
    return ((lo < high) & (hi >= low)).fillna(False).astype(bool)


def filter_evidence(
    table=None,
    *,
    intervention=None,
    outcome=None,
    age_months=None,
    certainty_at_least: str | None = None,
    text: str | None = None,
):
    """Filter the evidence table the way the navigator does.

    Parameters
    ----------
    table : DataFrame, optional
        The evidence table (default: :func:`load`).
    intervention : str or list of str, optional
        Keep these interventions (exact names).
    outcome : str, optional
        Keep rows whose ``outcome`` or ``outcome_group`` equals this text
        (case does not matter).
    age_months : float or (low, high), optional
        Keep rows whose stated age range includes this age, or overlaps the
        interval [low, high). Rows without a stated age range are left out.
    certainty_at_least : {"very low", "low", "moderate", "high"}, optional
        Keep rows graded at this level or higher; "not graded" rows are left out.
        A "low to moderate" rating counts as low (its lower end).
    text : str, optional
        Case-insensitive search in the text columns.

    Returns
    -------
    DataFrame
        The matching rows, in the table's order.
    """
    table = load() if table is None else table
    keep = np.ones(len(table), dtype=bool)
    if intervention is not None:
        wanted = [intervention] if isinstance(intervention, str) else list(intervention)
        keep &= table["intervention"].isin(wanted).to_numpy()
    if outcome is not None:
        if not isinstance(outcome, str):
            raise TypeError(f"outcome must be text (got {outcome!r}).")
        low = outcome.strip().lower()
        keep &= (
            (table["outcome"].str.lower() == low) | (table["outcome_group"].str.lower() == low)
        ).to_numpy()
    if age_months is not None:
        if np.ndim(age_months) == 0:
            age = check_number(age_months, "age_months", low=0)
            keep &= _age_overlaps(table, age, age + 1e-9).to_numpy()
        else:
            if len(age_months) != 2:
                raise ValueError("age_months must be one age or a (low, high) pair.")
            a = check_number(age_months[0], "age_months (low)", low=0)
            b = check_number(age_months[1], "age_months (high)", low=a)
            keep &= _age_overlaps(table, a, b).to_numpy()
    if certainty_at_least is not None:
        check_choice(certainty_at_least, "certainty_at_least", LEVELS)
        allowed = LEVELS[LEVELS.index(certainty_at_least) :]
        if "low" in allowed:
            allowed = (*allowed, BETWEEN)
        keep &= table["certainty"].isin(allowed).to_numpy()
    if text:
        if not isinstance(text, str):
            raise TypeError(f"text must be text (got {text!r}).")
        needle = text.strip().lower()
        hits = np.zeros(len(table), dtype=bool)
        columns = [c for c in TEXT_COLUMNS if c in table]
        # a Swedish or Norwegian reader searches the words they read, too
        shown = localise(table, columns) if i18n.get_language() != "en" else None
        for column in columns:
            hits |= table[column].fillna("").str.lower().str.contains(needle, regex=False)
            if shown is not None:
                hits |= shown[column].str.lower().str.contains(needle, regex=False).to_numpy()
        keep &= hits
    return table[keep]


def common_measure(rows) -> str | None:
    """The effect measure shared by most rows with a number (None if fewer than 2)."""
    numbered = rows.dropna(subset=["estimate"])
    if numbered.empty:
        return None
    counts = numbered["measure"].value_counts()
    return counts.index[0] if counts.iloc[0] >= 2 else None


def _charted(rows, measure):
    """The rows :func:`chart` draws: those with a number in the commonest measure."""
    return rows[(rows["measure"] == measure) & rows["estimate"].notna()]


LABEL_WIDTH = 42  # characters a line of a chart row's label; longer labels wrap


def chart(rows, ax=None):
    """Forest-style chart of the filtered results that share the commonest measure.

    Returns the Axes (with a note instead of points when nothing can be drawn).
    """
    import matplotlib.pyplot as plt

    from course_kit.style import COLORS

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3), layout="constrained")
    measure = common_measure(rows)
    if measure is None:
        ax.text(0.5, 0.5, text("evidence.chart_none"), ha="center", va="center", wrap=True)
        ax.set_axis_off()
        return ax
    shown = _charted(rows, measure)
    y = np.arange(len(shown))[::-1]
    est = shown["estimate"].to_numpy(float)
    lo = shown["ci_low"].to_numpy(float)
    hi = shown["ci_high"].to_numpy(float)
    has_ci = ~np.isnan(lo) & ~np.isnan(hi)
    ax.hlines(y[has_ci], lo[has_ci], hi[has_ci], color=COLORS["whisker"], lw=1.5)
    ax.plot(est, y, "s", color=COLORS["study"], ms=7)
    ax.axvline(1.0 if measure == "OR" else 0.0, color=COLORS["null"], lw=1)
    if measure == "OR":
        ax.set_xscale("log")
    words = localise(shown, ["intervention", "outcome"])
    labels = [
        text("evidence.chart_row", intervention=a, outcome=b)
        for a, b in zip(words["intervention"], words["outcome"], strict=True)
    ]
    # wrapped, never cut: cut labels of one intervention read alike ("Insatser för
    # lyhördhet och anknytning (allmä…" three times), the outcome lost
    ax.set_yticks(
        y, [textwrap.fill(label, LABEL_WIDTH, break_on_hyphens=False) for label in labels]
    )
    ax.set_title(
        text("evidence.chart_title", measure=_word(measure, "measure"), n=len(shown)), fontsize=10
    )
    return ax


def chart_alt(rows) -> str:
    """What :func:`chart` shows for ``rows``, in words (the picture's alternative text)."""
    measure = common_measure(rows)
    if measure is None:
        return text("evidence.chart_alt_none")
    shown = rows[(rows["measure"] == measure) & rows["estimate"].notna()]
    words = localise(shown, ["intervention", "outcome", "estimate"])
    items = "; ".join(
        text("evidence.chart_item", intervention=a, outcome=o, estimate=e)
        for a, o, e in zip(words["intervention"], words["outcome"], words["estimate"], strict=True)
    )
    return text("evidence.chart_alt", measure=_word(measure, "measure"), n=len(shown), items=items)


def _choices(table, column: str):
    """(label, value) of every value of ``column``, sorted by what the reader sees."""
    pairs = [(_label(table, column, v), v) for v in table[column].unique()]
    return sorted(pairs)


def _options(table, column: str):
    return [(text("evidence.all"), None), *_choices(table, column)]


def _headers() -> dict[str, str]:
    """The navigator's column headers ('certainty rated by' for the rater's column)."""
    headers = {c: column_label(c) for c in SHOWN_COLUMNS}
    headers["certainty_source"] = text("evidence.rated_by")
    return headers


def _table_html(rows) -> str:
    if rows.empty:
        return html_view("paragraph", text=text("evidence.no_rows"))
    lang = i18n.get_language()
    key = ("html", lang, *rows["id"], *rows["estimate"].astype(str))
    if key not in _CHART_CACHE:  # pandas' to_html is slow; the same view is reused often
        shown = localise(rows, SHOWN_COLUMNS).rename(columns=_headers())
        _CHART_CACHE[key] = shown.to_html(index=False, na_rep="", escape=True)
    return _CHART_CACHE[key]


def chart_png(rows) -> bytes:
    """PNG of :func:`chart` for ``rows``, cached by the rows shown and their order."""
    import matplotlib.pyplot as plt

    from course_kit.teaching import figure_png

    key = ("png", i18n.get_language(), *rows["id"], *rows["estimate"].astype(str))  # NaN != NaN
    if key not in _CHART_CACHE:
        fig = _chart_figure(rows)
        _CHART_CACHE[key] = figure_png(fig, dpi=80)
        plt.close(fig)
    return _CHART_CACHE[key]


def _chart_figure(rows):
    """:func:`chart` on a figure as tall as its rows need (two lines a row: labels wrap)."""
    import matplotlib.pyplot as plt

    n = len(_charted(rows, common_measure(rows)))
    fig, ax = plt.subplots(figsize=(7, 0.6 + 0.4 * max(n, 3)), layout="constrained")
    chart(rows, ax=ax)
    return fig


_CHART_CACHE: dict[tuple, bytes | str] = {}  # pictures and tables of views shown


def navigator(table=None):
    """An ipywidgets panel to filter, sort and chart the evidence table.

    Filters: intervention, outcome, child age, minimum certainty and a free-text
    search. The results table can be sorted; the chart shows the filtered results
    that share the commonest effect measure. The intervention filter is the
    notebook's main widget (CSS class ``ck-main-widget``), the results area its
    main output (``ck-main-output``).
    """
    import ipywidgets as widgets

    from course_kit.teaching import image_widget, set_image

    table = load() if table is None else table
    intervention = widgets.Dropdown(
        options=_options(table, "intervention"),
        description=text("evidence.intervention"),
        style=_FULL_LABEL,
    )
    intervention.add_class("ck-main-widget")
    outcome = widgets.Dropdown(
        options=_options(table, "outcome_group") + _choices(table, "outcome"),
        description=text("evidence.outcome"),
        style=_FULL_LABEL,
    )
    age = widgets.Dropdown(
        options=[
            (text("evidence.all"), None),
            ("0-11", (0, 12)),
            ("12-35", (12, 36)),
            ("36-71", (36, 72)),
        ],
        description=text("evidence.age"),
        style=_FULL_LABEL,
    )
    certainty = widgets.Dropdown(
        options=[(text("evidence.all"), None), *[(level_label(lv), lv) for lv in reversed(LEVELS)]],
        description=text("evidence.certainty"),
        style=_FULL_LABEL,
    )
    search = widgets.Text(
        description=text("evidence.search"), continuous_update=False, style=_FULL_LABEL
    )
    sort = widgets.Dropdown(
        options=[
            (column_label(c), c)
            for c in ("intervention", "outcome", "year", "estimate", "certainty")
        ],
        description=text("evidence.sort"),
        style=_FULL_LABEL,
    )
    count = widgets.HTML()
    results = widgets.HTML()
    results.add_class("ck-main-output")
    picture = image_widget(b"", text("evidence.chart_alt_none"))

    def update(_=None):
        rows = filter_evidence(
            table,
            intervention=intervention.value,
            outcome=outcome.value,
            age_months=age.value,
            certainty_at_least=certainty.value,
            text=search.value or None,
        )
        key = sort.value
        if key == "certainty":
            order = {lv: i for i, lv in enumerate(reversed(CERTAINTY_LEVELS))}
            rows = rows.iloc[np.argsort(rows["certainty"].map(order).to_numpy(), kind="stable")]
        else:
            rows = rows.sort_values(key, kind="stable", na_position="last")
        count.value = text("evidence.count", n=len(rows), total=len(table))
        results.value = _table_html(rows)
        set_image(picture, chart_png(rows), chart_alt(rows))

    # Draw the chart of every single-intervention view now, so that the main
    # filter answers well within the 100 ms a widget callback may take.
    for name in table["intervention"].unique():
        rows = table[table["intervention"] == name]
        chart_png(rows)
        _table_html(rows)
    for w in (intervention, outcome, age, certainty, search, sort):
        w.observe(update, names="value")
    update()
    filters = widgets.VBox([intervention, outcome, age, certainty, search, sort])
    return widgets.VBox([filters, count, picture, results])


def _script_json(value) -> str:
    # JSON inside a <script>: "<", ">" and "&" escaped so that no text can break out of it
    data = json.dumps(value, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        data = data.replace(char, code)
    return data


def to_html(path, table=None) -> Path:
    """Write the navigator as one self-contained HTML page (no network).

    The data are embedded as JSON (with ``<``, ``>`` and ``&`` escaped so that no
    text in the table can break out of the script); filtering and sorting run in
    plain JavaScript. Links to the sources are ordinary links a reader may follow.

    Parameters
    ----------
    path : str or Path
        Where to write the page. An existing file is not overwritten.

    Returns
    -------
    Path
    """
    table = load() if table is None else table
    path = Path(path)
    if path.exists():
        raise ValueError(f"path {path} exists already: choose a new file name.")
    records = json.loads(table.to_json(orient="records", force_ascii=False))
    shown = localise(table, list(dict.fromkeys([*SHOWN_COLUMNS, *TEXT_COLUMNS])))
    for record, (_, words) in zip(records, shown.iterrows(), strict=True):
        record["_shown"] = words.to_dict()
    data = _script_json(records)
    # the page is templates/evidence_page.html.j2; Jinja2 escapes every word put into it
    page = render_template(
        "evidence_page.html.j2",
        title=text("evidence.page_title"),
        intro=text("evidence.page_intro"),
        l_intervention=text("evidence.intervention"),
        l_outcome=text("evidence.outcome"),
        l_age=text("evidence.age"),
        l_certainty=text("evidence.certainty"),
        l_search=text("evidence.search"),
        all=text("evidence.all"),
        all_json=json.dumps(text("evidence.all")),
        lang=i18n.get_language(),
        certainty_levels=[(lv, level_label(lv)) for lv in reversed(LEVELS)],
        headers_json=_script_json(_headers()),
        labels_json=_script_json(
            {
                c: {value: label for label, value in _choices(table, c)}
                for c in ("intervention", "outcome_group", "outcome")
            }
        ),
        data=data,
        columns=json.dumps(list(SHOWN_COLUMNS)),
        text_columns=json.dumps(list(TEXT_COLUMNS)),
    )
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(path)
    return path


def sensitivity_infants_answer(table=None) -> list[str]:
    """Interventions with at least moderate-certainty evidence for parental
    sensitivity covering infants under 12 months, computed from the table."""
    rows = filter_evidence(
        table,
        outcome="parental sensitivity",
        age_months=(0, 12),
        certainty_at_least="moderate",
    )
    return sorted(rows["intervention"].unique())


def sensitivity_infants_exercise(table=None):
    """The self-check of notebook 11 (evidence to practice), with its answer computed from the table.

    The options are every intervention with a parental-sensitivity result, so a
    participant has to use the certainty and age filters to find the answer.
    """
    from course_kit.teaching.exercises import MultiSelectExercise

    table = load() if table is None else table
    rows = filter_evidence(table, outcome="parental sensitivity")
    # the options as the navigator names the interventions (translated in sv/nb)
    label = {value: name for name, value in _choices(rows, "intervention")}
    key = "exercises.06.sensitivity_infants"
    return MultiSelectExercise(
        text(f"{key}.question"),
        options=sorted(label.values()),
        answers=[label[v] for v in sensitivity_infants_answer(table)],
        hint=text(f"{key}.hint"),
        solution=text(f"{key}.solution"),
    )
