"""The board page: plain HTML and JavaScript, no build step.

It polls ``api/board`` twice a second and redraws. Every chart is also a table
(the bars are decoration; the counts are text), so a screen reader and a
projector both work.

The page speaks the course's language (:func:`course_kit.i18n.get_language`,
``COURSE_KIT_LANG`` on the hub): :func:`render` writes its words from the
``board_page`` texts (:mod:`course_kit.texts.board_page`), escaped, and hands the
JavaScript the words it needs while redrawing as one JSON object. Numbers and
percentages come from ``api/board`` already written the local way.

Examples
--------
>>> page = render("/services/course-board/", "token", lang="sv")
>>> '<html lang="sv">' in page and "Klasstavla" in page
True
"""

from __future__ import annotations

import html
import json

from course_kit import i18n, messages

PAGE = r"""<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{board_page.title}}</title>
<style>
 body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
 h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
 .controls { display: flex; gap: 1.5rem; align-items: center; margin-bottom: 1rem; }
 section.exercise { border-top: 2px solid #0072B2; padding: .5rem 0 1rem; }
 .rounds { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
 .round { min-width: 16rem; }
 .items { display: flex; flex-wrap: wrap; gap: 0 1.2rem; }
 table { border-collapse: collapse; margin: .3rem 0 .6rem; }
 caption { text-align: left; font-weight: 600; }
 th, td { padding: 2px 8px; text-align: left; border-bottom: 1px solid #ddd; }
 td.count { text-align: right; font-variant-numeric: tabular-nums; }
 .bar { display: inline-block; height: .9em; background: #56B4E9; vertical-align: middle; }
 tr.reference th, tr.reference td { font-weight: 700; }
 tr.reference .bar { background: #009E73; }
 .wrong { background: #fbece3; border-left: 4px solid #D55E00; padding: 4px 8px; }
 button { font-size: 1rem; }
 #updated { color: #555; }
 .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
</style>
</head>
<body>
<h1>{{board_page.title}}</h1>
<p>{{board_page.intro}}</p>
<div class="controls">
 <label><input type="checkbox" id="names"> {{board_page.show_names}}</label>
 <a id="csv" href="{{prefix}}api/board.csv" download>{{board_page.download_csv}}</a>
 <span id="updated" role="status" aria-live="polite"></span>
</div>
<main id="board"><p>{{board_page.waiting}}</p></main>
<script>
"use strict";
const PREFIX = {{prefix_json}};
const XSRF = {{xsrf_json}};
const WORDS = {{words_json}};
const LOCALE = {{locale_json}};
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;",
  ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
// WORDS[key] with its {placeholders} filled in: as text, or as HTML (the template's
// own words escaped, the values already HTML)
const fill = (key, values) => WORDS[key].replace(/\{(\w+)\}/g, (m, name) => name in values ? values[name] : m);
const say = (key, values) => esc(WORDS[key]).replace(/\{(\w+)\}/g, (m, name) => name in values ? values[name] : m);

function label(ex, item, key) {  // numbers come written the local way (item.texts)
  return ex.options ? ex.options[key] : (item.texts && key in item.texts ? item.texts[key] : key);
}
function isReference(ex, item, key) {
  const ref = item.reference;
  if (Array.isArray(ref)) return ref.includes(key);
  return String(ref) === String(key);
}
function histogram(ex, rnd, item) {
  const max = Math.max(1, ...Object.values(item.counts));
  const name = item.item ? (ex.kind === "list" ? say("board_page.item", {item: esc(item.item)}) : esc(item.item))
    : say("board_page.answers", {});
  let rows = "";
  for (const [key, count] of Object.entries(item.counts)) {
    const ref = isReference(ex, item, key);
    rows += `<tr class="${ref ? "reference" : ""}" data-value="${esc(key)}">` +
      `<th scope="row">${esc(label(ex, item, key))}${ref ? " " + say("board_page.reference_mark", {}) : ""}</th>` +
      `<td class="count">${count}</td>` +
      `<td aria-hidden="true"><span class="bar" style="width:${(8 * count / max).toFixed(2)}em"></span></td></tr>`;
  }
  return `<table class="histogram" data-item="${esc(item.item)}"><caption>${name}` +
    (ex.kind === "list" ? " &mdash; " + say("board_page.item_reference", {reference: esc(item.reference_text)}) : "") +
    `</caption><thead><tr><th scope="col">${say("board_page.col_answer", {})}</th>` +
    `<th scope="col">${say("board_page.col_count", {})}</th>` +
    `<th scope="col"><span class="visually-hidden">${say("board_page.col_bar", {})}</span></th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`;
}
function roundHtml(ex, rnd) {
  let html = `<div class="round" data-round="${rnd.round}" data-answered="${rnd.answered}">` +
    `<h3>${say("board_page.round", {round: rnd.round})}</h3><p>` +
    say("board_page.answered_right", {answered: `<span class="answered">${rnd.answered}</span>`,
      share: `<span class="share">${esc(rnd.share_text)}</span>`}) + "</p>";
  html += `<div class="items">${rnd.distribution.map((item) => histogram(ex, rnd, item)).join("")}</div>`;
  if (rnd.common_wrong) {
    html += `<div class="wrong"><b>${say("board_page.common_wrong", {})}</b> (${rnd.common_wrong.count}): ` +
      `${esc(rnd.common_wrong.text)}<br><i>${say("board_page.feedback_seen", {})}</i> ` +
      `${esc(rnd.common_wrong.feedback)}</div>`;
  }
  if (rnd.participants.length) {
    html += `<p><small>${say("board_page.who", {names: rnd.participants.map(esc).join(", ")})}</small></p>`;
  }
  return html + "</div>";
}
function render(data) {
  if (!pending) document.getElementById("names").checked = data.show_names;
  const ids = Object.keys(data.exercises);
  if (!ids.length) return;
  let html = "";
  for (const id of ids) {
    const ex = data.exercises[id];
    html += `<section class="exercise" id="ex-${esc(id)}" data-exercise="${esc(id)}" aria-labelledby="h-${esc(id)}">` +
      `<h2 id="h-${esc(id)}">${esc(id)}: ${esc(ex.question)}</h2>` +
      `<button type="button" class="new-round" data-exercise="${esc(id)}">${say("board_page.start_round", {})}</button>` +
      `<div class="rounds">${ex.rounds.map((r) => roundHtml(ex, r)).join("")}</div></section>`;
  }
  document.getElementById("board").innerHTML = html;
}
let pending = 0;  // while a change is being sent, a poll must not undo the tick box
async function post(path, body) {
  pending += 1;
  let status = 0;
  try {
    const resp = await fetch(PREFIX + path, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-XSRFToken": XSRF}, body: JSON.stringify(body || {})});
    status = resp.ok ? 0 : resp.status;
  } catch (err) {
    status = fill("board_page.no_connection", {});
  } finally {
    pending -= 1;
  }
  if (status) alert(fill("board_page.action_failed", {problem: status}));
  await refresh();
}
async function refresh() {
  try {
    const resp = await fetch(PREFIX + "api/board", {credentials: "same-origin", cache: "no-store",
      headers: {"X-XSRFToken": XSRF}});  // the hub's xsrf check covers fetch() GETs too
    if (!resp.ok) throw new Error("HTTP " + resp.status);
    render(await resp.json());
    document.getElementById("updated").textContent =
      fill("board_page.updated", {time: new Date().toLocaleTimeString(LOCALE || undefined)});
  } catch (err) {
    document.getElementById("updated").textContent = fill("board_page.not_updated", {error: err.message});
  }
}
document.addEventListener("click", (ev) => {
  const button = ev.target.closest("button.new-round");
  if (button) post("api/rounds/" + encodeURIComponent(button.dataset.exercise));
});
document.getElementById("names").addEventListener("change", (ev) => post("api/names", {show: ev.target.checked}));
refresh();
setInterval(refresh, 500);  // twice a second: a new answer shows within a second
</script>
</body>
</html>
"""


# the words the server writes into the HTML; the JavaScript gets all of them
_HTML_WORDS = ("title", "intro", "show_names", "download_csv", "waiting")


def _script_json(value) -> str:
    # JSON inside <script>: "</script>" or "<!--" in a text must not end the script
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def words(lang: str | None = None) -> dict[str, str]:
    """Every ``board_page`` text in ``lang`` (default: the course's language), unfilled."""
    with i18n.using(lang or i18n.get_language()):
        return {key: messages.text(key) for key in messages.EN if key.startswith("board_page.")}


def render(prefix: str, xsrf: str, lang: str | None = None) -> str:
    """The board page for the service at ``prefix``, in ``lang`` (default: the course's language).

    Parameters
    ----------
    prefix : str
        The service's URL prefix, e.g. ``"/services/course-board/"``.
    xsrf : str
        The hub's XSRF token, sent back with the page's requests.
    lang : str, optional
        ``"en"``, ``"sv"`` or ``"nb"``; :func:`course_kit.i18n.get_language` if not given.
    """
    lang = i18n.check_language(lang or i18n.get_language())
    texts = words(lang)
    page = PAGE
    for name in _HTML_WORDS:
        key = f"board_page.{name}"
        page = page.replace("{{" + key + "}}", html.escape(texts[key]))
    # English keeps the browser's own clock format, as before
    locale = None if lang == "en" else i18n.LOCALES[lang].replace("_", "-")
    return (
        page.replace("{{lang}}", lang)
        .replace("{{prefix}}", html.escape(prefix))
        .replace("{{prefix_json}}", _script_json(prefix))
        .replace("{{xsrf_json}}", _script_json(xsrf))
        .replace("{{words_json}}", _script_json(texts))
        .replace("{{locale_json}}", _script_json(locale))
    )


def refused(lang: str | None = None) -> str:
    """The page for a hub user who is not an instructor of the course (HTTP 403).

    Examples
    --------
    >>> '<html lang="nb">' in refused("nb")
    True
    """
    lang = i18n.check_language(lang or i18n.get_language())
    texts = words(lang)
    return (
        f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(texts['board_page.title'])}</title>\n</head>\n"
        f'<body style="font-family: system-ui, sans-serif; margin: 1.5rem">\n'
        f"<h1>{html.escape(texts['board_page.title'])}</h1>\n"
        f"<p>{html.escape(texts['board_page.instructors_only'])}</p>\n</body>\n</html>\n"
    )
