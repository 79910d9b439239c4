// The dashboard: filters kept in the URL, map, timeline, type breakdown and table of one selection.
import { exportLinks, fetchEvents, filtersToQuery, MAX_EVENTS, readFilters } from "./api.js";
import { clear, h } from "./dom.js";
import { EventMap } from "./map.js";
import { colour, PLOVER_TYPES } from "./model.js";
import { EventTable } from "./table.js";
import { renderTimeline } from "./timeline.js";

function field(label, input) {
  return h("label", { class: "field" }, h("span", null, label), input);
}

function filterForm(filters, onApply) {
  const type = h("select", { name: "plover_type" }, h("option", { value: "" }, "Any type"),
    PLOVER_TYPES.map((t) => h("option", { value: t, selected: filters.plover_type === t }, t)));
  const country = h("input", { name: "country", value: filters.country || "", placeholder: "ISO code, e.g. SY", size: 10 });
  const from = h("input", { name: "from", type: "date", value: filters.from || "" });
  const to = h("input", { name: "to", type: "date", value: filters.to || "" });
  const actor = h("input", { name: "actor", value: filters.actor || "", placeholder: "name or code" });
  const q = h("input", { name: "q", type: "search", value: filters.q || "", placeholder: "words in the evidence" });
  const conf = h("input", { name: "min_confidence", type: "range", min: 0, max: 1, step: 0.05, value: filters.min_confidence || 0 });
  const confOut = h("output", null, Number(filters.min_confidence || 0).toFixed(2));
  conf.addEventListener("input", () => { confOut.textContent = Number(conf.value).toFixed(2); });
  const form = h("form", { class: "filters", id: "filters" },
    field("Type", type), field("Country", country), field("From", from), field("To", to),
    field("Actor", actor), field("Text", q),
    h("label", { class: "field field-conf" }, h("span", null, "Min. confidence"), h("div", { class: "range" }, conf, confOut)),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, "Apply"),
      h("button", { type: "button", onclick: () => onApply({}) }, "Reset")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    if (Number(data.min_confidence) === 0) delete data.min_confidence;
    onApply(data);
  });
  return form;
}

export function exportBar(links, label = "Download this selection") {
  return h("div", { class: "exports" }, h("span", { class: "muted" }, label),
    h("a", { href: links.csv, class: "export", download: "", "data-format": "csv" }, "CSV"),
    h("a", { href: links.geojson, class: "export", "data-format": "geojson" }, "GeoJSON"),
    h("a", { href: links.json, class: "export", "data-format": "json" }, "JSON"));
}

function typeBreakdown(events, onPick) {
  const counts = new Map();
  for (const e of events) counts.set(e.plover_type, (counts.get(e.plover_type) || 0) + 1);
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const max = rows.length ? rows[0][1] : 1;
  return h("div", { class: "breakdown" }, rows.map(([type, n]) =>
    h("button", { type: "button", class: "bd-row", title: `Filter to ${type}`, onclick: () => onPick(type) },
      h("span", { class: "bd-label" }, type),
      h("span", { class: "bd-bar" }, h("span", { style: { width: `${(100 * n) / max}%`, background: colour(type) } })),
      h("span", { class: "bd-n" }, String(n)))));
}

function stat(label, value) {
  return h("div", { class: "stat" }, h("div", { class: "stat-v" }, String(value)), h("div", { class: "stat-l" }, label));
}

export async function renderDashboard(root, setTwin) {
  const filters = readFilters();
  const apply = (next) => {
    const qs = filtersToQuery(next).toString();
    window.history.pushState(null, "", qs ? `/?${qs}` : "/");
    renderDashboard(root, setTwin);
  };
  const links = exportLinks(filters);
  setTwin(links.json);
  document.title = "Events · eventwire";

  const mapEl = h("div", { class: "map", id: "map" });
  const timelineEl = h("div", { class: "timeline", id: "timeline" });
  const tableEl = h("div", { id: "table" });
  const sideEl = h("div", { class: "side" }, h("p", { class: "loading" }, "Loading events…"));
  const statsEl = h("div", { class: "stats" });
  clear(root).append(
    h("section", { class: "panel filters-panel" }, filterForm(filters, apply), exportBar(links)),
    statsEl,
    h("section", { class: "grid" },
      h("div", { class: "panel map-panel" }, mapEl),
      h("aside", { class: "panel" }, h("h2", null, "By type"), sideEl)),
    h("section", { class: "panel" }, h("h2", null, "Timeline"), timelineEl),
    h("section", { class: "panel" }, h("h2", null, "Events"), tableEl),
  );

  const map = new EventMap(mapEl);
  const table = new EventTable(tableEl, {
    onRow: (ev) => {
      if (map.show(ev.event_id)) mapEl.scrollIntoView({ behavior: "smooth", block: "center" });
    },
  });
  let result;
  try {
    result = await fetchEvents(filters);
  } catch (err) {
    clear(sideEl).append(h("p", { class: "error" }, `Could not load events: ${err.message}`));
    return;
  }
  const { events, count } = result;
  const articles = new Set(events.map((e) => e.article_id));
  const incidents = new Set(events.map((e) => e.incident_id).filter(Boolean));
  const countries = new Set(events.map((e) => e.location?.country).filter(Boolean));
  const dates = events.map((e) => e.date?.start).filter(Boolean).sort();
  statsEl.append(
    stat("events", count),
    stat("articles", articles.size),
    stat("incidents", incidents.size),
    stat("countries", countries.size),
    stat("event dates", dates.length ? `${dates[0]} → ${dates[dates.length - 1]}` : "—"),
  );
  if (count > events.length) {
    statsEl.append(h("p", { class: "warn" }, `Showing the first ${events.length} of ${count} events (limit ${MAX_EVENTS}); narrow the filters or download the full selection.`));
  }
  map.setEvents(events);
  clear(sideEl).append(events.length ? typeBreakdown(events, (type) => apply({ ...filters, plover_type: type }))
    : h("p", { class: "empty" }, "No events match these filters."));
  renderTimeline(timelineEl, events, (from, to) => apply({ ...filters, from, to }));
  table.setEvents(events);
  root.dataset.ready = "true";
}
