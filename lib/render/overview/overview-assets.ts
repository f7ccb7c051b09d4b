/** The overview page's inline style and script (no file or network request is needed to show the page). */

/** The page's stylesheet. */
export const OVERVIEW_STYLE = `
:root { --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; --card: #fff; --warn: #b45309; --bad: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
header, main { padding: 0 24px; max-width: 1800px; }
h1 { font-size: 22px; margin: 18px 0 4px; }
h1 code { font-size: inherit; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
pre { white-space: pre-wrap; margin: 0; }
a { color: #1d4ed8; text-decoration: none; }
a:hover { text-decoration: underline; }
nav { display: flex; gap: 14px; margin: 10px 0; }
.muted { color: var(--muted); }
.warn { color: var(--warn); font-weight: 600; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 20px; }
.card span { color: var(--muted); font-size: 12px; }
.card.bad b { color: var(--bad); }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: #e2e8f0; color: #334155; }
.badge.bad { background: #fee2e2; color: var(--bad); }
table.grid { border-collapse: collapse; width: 100%; background: var(--card); }
table.grid th, table.grid td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.grid th { background: #f1f5f9; font-weight: 600; }
table.rules { table-layout: fixed; }
table.rules th:nth-child(1) { width: 44%; }
tr.reach-no-one, tr.reach-discard { background: #fef2f2; }
details.alert summary { cursor: pointer; font-weight: 700; }
details.alert summary .badge { font-weight: 400; }
details.alert[open] { background: #eff6ff; margin: -4px -8px; padding: 4px 8px; }
table.detail { margin: 6px 0; border-collapse: collapse; font-size: 13px; }
table.detail th { text-align: left; vertical-align: top; padding: 2px 10px 2px 0; color: var(--muted); font-weight: 600; white-space: nowrap; }
table.detail td { padding: 2px 0; }
ul.receivers { margin: 0; padding-left: 18px; }
.diagram-scroll { overflow: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
svg.diagram { display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
svg .frame-box { fill: #f1f5f9; stroke: #94a3b8; stroke-dasharray: 6 4; }
svg .frame-title { font-size: 14px; font-weight: 700; fill: #1e293b; }
svg .muted { font-size: 11px; fill: var(--muted); }
svg .net-name { font-size: 12px; font-weight: 600; fill: #1e293b; }
svg .node-box { fill: #fff; stroke: #475569; stroke-width: 1.2; }
svg .node-managed .node-box { fill: #fff7ed; stroke: #c2410c; }
svg .node-service .node-box, svg .node-source .node-box { fill: #f8fafc; stroke-dasharray: 4 3; }
svg .node-receiver .node-box { fill: #fefce8; stroke: #a16207; }
svg .node-more .node-box { fill: #f1f5f9; stroke-dasharray: 2 3; }
svg .node-muted { opacity: 0.55; }
svg .node-title { font-size: 12px; font-weight: 700; fill: #0f172a; }
svg .node-line { font-size: 11px; fill: #475569; }
svg .node-port { font-size: 11px; fill: #0f766e; font-weight: 600; }
svg .chip-text { font-size: 10px; fill: #fff; font-weight: 600; }
svg .edge { fill: none; stroke-width: 1.6; opacity: 0.85; }
svg .edge:hover { stroke-width: 3; opacity: 1; }
svg .edge-metrics { stroke: #2563eb; }
svg .edge-probe { stroke: #0891b2; stroke-dasharray: 5 3; }
svg .edge-logs { stroke: #16a34a; stroke-dasharray: 7 4; }
svg .edge-alerts { stroke: #dc2626; stroke-width: 2; }
svg .edge-notify { stroke: #ea580c; stroke-width: 2; }
svg .edge-query { stroke: #6b7280; stroke-dasharray: 2 3; }
svg .arrow-metrics { fill: #2563eb; } svg .arrow-probe { fill: #0891b2; } svg .arrow-logs { fill: #16a34a; }
svg .arrow-alerts { fill: #dc2626; } svg .arrow-notify { fill: #ea580c; } svg .arrow-query { fill: #6b7280; }
`;

/**
 * Fills an alert's details from the page's alert data when it is opened (by a click, the keyboard, or a link to it),
 * and opens the alert a link points at (`#alert-…`), so a click on an alert name anywhere shows its receivers.
 */
export const OVERVIEW_SCRIPT = `
(function () {
  var data = null;
  function alertData() {
    if (!data) {
      var el = document.getElementById('alert-data');
      data = el ? JSON.parse(el.textContent) : { f: [], a: {} };
    }
    return data;
  }
  function fill(details) {
    if (details.getAttribute('data-filled')) return;
    var rows = alertData().a[details.id];
    if (!rows) return;
    var f = alertData().f;
    var html = rows.map(function (row) {
      return '<tr><th>' + f[row[0]] + '</th><td>' + row.slice(1).map(function (i) { return f[i]; }).join('') + '</td></tr>';
    }).join('');
    details.insertAdjacentHTML('beforeend', '<table class="detail">' + html + '</table>');
    details.setAttribute('data-filled', '1');
  }
  function alertOf(node) {
    while (node && !(node.tagName === 'DETAILS' && node.classList.contains('alert'))) node = node.parentNode;
    return node;
  }
  // Filled before the browser opens it, so the receivers show at once.
  document.addEventListener('click', function (event) {
    var details = alertOf(event.target);
    if (details) fill(details);
  }, true);
  document.addEventListener('toggle', function (event) {
    if (event.target.open && alertOf(event.target) === event.target) fill(event.target);
  }, true);
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && alertOf(el) === el) {
      fill(el);
      el.open = true;
      el.scrollIntoView({ block: 'center' });
    }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
})();
`;
