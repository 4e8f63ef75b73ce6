"""The board page: plain HTML and JavaScript, no build step.

It polls ``api/board`` twice a second and redraws. Every chart is also a table
(the bars are decoration; the counts are text), so a screen reader and a
projector both work.
"""

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class board</title>
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
<h1>Class board</h1>
<p>How the class answered the exercises. Participants are shown by pseudonym unless you
switch names on. The page updates by itself.</p>
<div class="controls">
 <label><input type="checkbox" id="names"> Show real user names</label>
 <a id="csv" href="{{prefix}}api/board.csv" download>Download the table (CSV)</a>
 <span id="updated" role="status" aria-live="polite"></span>
</div>
<main id="board"><p>Waiting for the first answers&hellip;</p></main>
<script>
"use strict";
const PREFIX = "{{prefix}}";
const XSRF = "{{xsrf}}";
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;",
  ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const pct = (x) => x === null ? "–" : Math.round(100 * x) + "%";

function label(ex, key) {
  return ex.options ? ex.options[key] : key;
}
function isReference(ex, item, key) {
  const ref = item.reference;
  if (Array.isArray(ref)) return ref.includes(key);
  return String(ref) === String(key);
}
function histogram(ex, rnd, item) {
  const max = Math.max(1, ...Object.values(item.counts));
  const name = item.item ? (ex.kind === "list" ? "Item " + esc(item.item) : esc(item.item)) : "Answers";
  let rows = "";
  for (const [key, count] of Object.entries(item.counts)) {
    const ref = isReference(ex, item, key);
    rows += `<tr class="${ref ? "reference" : ""}" data-value="${esc(key)}">` +
      `<th scope="row">${esc(label(ex, key))}${ref ? " (reference)" : ""}</th>` +
      `<td class="count">${count}</td>` +
      `<td aria-hidden="true"><span class="bar" style="width:${(8 * count / max).toFixed(2)}em"></span></td></tr>`;
  }
  return `<table class="histogram" data-item="${esc(item.item)}"><caption>${name}` +
    (ex.kind === "list" ? ` &mdash; reference ${esc(item.reference)}` : "") +
    `</caption><thead><tr><th scope="col">Answer</th><th scope="col">Count</th>` +
    `<th scope="col"><span class="visually-hidden">Bar</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}
function roundHtml(ex, rnd) {
  let html = `<div class="round" data-round="${rnd.round}" data-answered="${rnd.answered}">` +
    `<h3>Round ${rnd.round}</h3><p><span class="answered">${rnd.answered}</span> answered; ` +
    `<span class="share">${pct(rnd.share_right)}</span> right</p>`;
  html += `<div class="items">${rnd.distribution.map((item) => histogram(ex, rnd, item)).join("")}</div>`;
  if (rnd.common_wrong) {
    const shown = Array.isArray(rnd.common_wrong.shown) ? rnd.common_wrong.shown.join(", ") : rnd.common_wrong.shown;
    html += `<div class="wrong"><b>Most common wrong answer</b> (${rnd.common_wrong.count}): ` +
      `${esc(shown)}<br><i>Feedback they saw:</i> ${esc(rnd.common_wrong.feedback)}</div>`;
  }
  if (rnd.participants.length) html += `<p><small>Who: ${rnd.participants.map(esc).join(", ")}</small></p>`;
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
      `<button type="button" class="new-round" data-exercise="${esc(id)}">Start a new round</button>` +
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
    status = "no connection";
  } finally {
    pending -= 1;
  }
  if (status) alert("The board could not do that (" + status + ").");
  await refresh();
}
async function refresh() {
  try {
    const resp = await fetch(PREFIX + "api/board", {credentials: "same-origin", cache: "no-store",
      headers: {"X-XSRFToken": XSRF}});  // the hub's xsrf check covers fetch() GETs too
    if (!resp.ok) throw new Error("HTTP " + resp.status);
    render(await resp.json());
    document.getElementById("updated").textContent = "Updated " + new Date().toLocaleTimeString();
  } catch (err) {
    document.getElementById("updated").textContent = "Not updated: " + err.message;
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
