// Incident view: every report of one incident side by side. Differing figures are shown with who
// claims them; nothing is averaged or merged away.
import { getJSON } from "./api.js";
import { clear, h } from "./dom.js";
import { eventCard } from "./map.js";
import { colour, fmtActors, fmtDate, fmtPlace } from "./model.js";

const ROWS = [
  { label: "Type", value: (e) => e.plover_type },
  { label: "ACLED", value: (e) => e.acled_sub_event_type || e.acled_event_type },
  { label: "Date", value: (e) => (e.date?.start ? fmtDate(e.date) : null) },
  { label: "Place", value: (e) => (e.location ? fmtPlace(e.location) : null) },
  { label: "Actor", value: (e) => (fmtActors(e, "actor") === "—" ? null : fmtActors(e, "actor")) },
  { label: "Target", value: (e) => (fmtActors(e, "recipient") === "—" ? null : fmtActors(e, "recipient")) },
  { label: "Dead", figure: true, value: (e) => num(e.size?.dead, e.size?.dead_lower_bound) },
  { label: "Injured", figure: true, value: (e) => num(e.size?.injured, e.size?.injured_lower_bound) },
  { label: "Arrested", figure: true, value: (e) => num(e.size?.arrested, false) },
  { label: "Modality", value: (e) => e.modality },
];

function num(v, floor) {
  return v === null || v === undefined ? null : `${floor ? "≥" : ""}${v}`;
}

function claimant(ev, article) {
  if ((ev.claim_source || []).length) return ev.claim_source.join("; ");
  return article?.source ? `${article.source} (outlet)` : "the outlet";
}

// The incident record (across articles): outlets, stories (copies count once), first and last
// report, and the figures as low / best / high over what the reports state.
function incidentFacts(inc) {
  if (!inc) return null;
  const range = (f) => (f && f.best !== null && f.best !== undefined
    ? (f.low === f.high ? `${f.best}` : `${f.low}–${f.high} (best ${f.best})`) : null);
  const facts = [
    ["Outlets", `${(inc.outlets || []).join(", ") || "—"} (${inc.n_stories} ${inc.n_stories === 1 ? "story" : "stories"})`],
    ["Reported", [inc.first_report, inc.last_report].filter(Boolean).join(" to ") || null],
    ["Dead", range(inc.dead)],
    ["Injured", range(inc.injured)],
  ].filter(([, v]) => v);
  return h("dl", { class: "incident-facts small", dataset: { testid: "incident-facts" } },
    facts.map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

export async function renderIncident(root, incidentId, setTwin) {
  const api = `/api/incidents/${encodeURIComponent(incidentId)}`;
  setTwin(api);
  clear(root).append(h("p", { class: "loading" }, "Loading incident…"));
  let body;
  try {
    body = await getJSON(api);
  } catch (err) {
    clear(root).append(h("div", { class: "panel" }, h("h1", null, "Incident not available"), h("p", { class: "error" }, err.message),
      h("p", null, h("a", { href: "/" }, "Back to the events"))));
    return;
  }
  const events = body.events || [];
  const articles = new Map((body.articles || []).map((a) => [a.article_id, a]));
  for (const ev of events) {
    if (!articles.has(ev.article_id)) articles.set(ev.article_id, { article_id: ev.article_id, source: ev.source, published: ev.published });
  }
  document.title = `Incident ${incidentId} · eventwire`;

  const conflicts = [];
  const head = h("tr", null, h("th", null, ""), events.map((ev, i) => {
    const art = articles.get(ev.article_id);
    return h("th", { class: "report-head" },
      h("div", null, h("span", { class: "type-badge", style: { background: colour(ev.plover_type) } }, `Report ${i + 1}`)),
      h("div", { class: "small" }, h("a", { href: `/articles/${encodeURIComponent(ev.article_id)}#event-${encodeURIComponent(ev.event_id)}` },
        art?.title || art?.source || ev.article_id)),
      h("div", { class: "small muted" }, [art?.source, art?.published].filter(Boolean).join(" · ")),
      h("div", { class: "small claimant" }, "claimed by ", claimant(ev, art)));
  }));
  const rows = ROWS.map((row) => {
    const values = events.map(row.value);
    const distinct = new Set(values.filter((v) => v !== null && v !== undefined));
    const conflict = distinct.size > 1;
    if (conflict && row.figure) {
      conflicts.push({ label: row.label, values: events.map((ev, i) => ({ v: values[i], who: claimant(ev, articles.get(ev.article_id)) })).filter((x) => x.v !== null) });
    }
    return h("tr", { class: conflict ? "conflict" : null, dataset: { field: row.label.toLowerCase() } },
      h("th", null, row.label, conflict ? h("span", { class: "conflict-tag" }, "differs") : null),
      values.map((v) => h("td", { class: v === null || v === undefined ? "muted" : null }, v ?? "not stated")));
  });

  const summary = conflicts.length
    ? h("div", { class: "panel conflicts" }, h("h2", null, "Reports disagree"),
      conflicts.map((c) => h("p", { class: "conflict-line", dataset: { field: c.label.toLowerCase() } },
        h("strong", null, `${c.label}: `),
        c.values.map((x, i) => [i ? " vs " : "", h("span", { class: "figure" }, x.v), h("span", { class: "muted" }, ` (${x.who})`)]))),
      h("p", { class: "muted small" }, "Figures are kept as each source stated them; eventwire does not average or pick one."))
    : h("div", { class: "panel" }, h("p", { class: "muted" }, events.length > 1 ? "The reports agree on every figure they state." : "Only one report of this incident is stored."));

  clear(root).append(
    h("div", { class: "panel" }, h("h1", null, "Incident ", h("code", null, incidentId)),
      h("p", { class: "muted" }, `${events.length} reports in ${articles.size} article${articles.size === 1 ? "" : "s"}`),
      incidentFacts(body.incident)),
    summary,
    h("section", { class: "panel" }, h("h2", null, "Side by side"),
      h("div", { class: "table-scroll" }, h("table", { class: "compare" }, h("thead", null, head), h("tbody", null, rows)))),
    h("section", { class: "report-cols" }, events.map((ev) => h("div", { class: "panel" }, eventCard(ev)))),
  );
  root.dataset.ready = "true";
}
