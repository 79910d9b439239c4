// The dashboard: filters kept in the URL, map, timeline, type breakdown and table of one selection.
import { ACTOR_ROLES, EXPORTS, exportLinks, fetchEvents, filtersToQuery, getJSON, MAX_EVENTS, readFilters, readView } from "./api.js";
import { clear, h } from "./dom.js";
import { EventMap } from "./map.js";
import { ACLED_TYPES, colour, PLOVER_TYPES } from "./model.js";
import { EventTable } from "./table.js";
import { renderTimeline } from "./timeline.js";

function field(label, input, extra = "") {
  return h("label", { class: `field ${extra}`.trim() }, h("span", null, label), input);
}

function select(name, value, options, anyLabel) {
  return h("select", { name }, h("option", { value: "" }, anyLabel),
    options.map(([v, label]) => h("option", { value: v, selected: value === v }, label)));
}

function input(name, filters, attrs = {}) {
  return h("input", { name, value: filters[name] || "", ...attrs });
}

function filterForm(filters, onApply) {
  const subTypes = Object.values(ACLED_TYPES).flat();
  const conf = h("input", { name: "min_confidence", type: "range", min: 0, max: 1, step: 0.05, value: filters.min_confidence || 0 });
  const confOut = h("output", null, Number(filters.min_confidence || 0).toFixed(2));
  conf.addEventListener("input", () => { confOut.textContent = Number(conf.value).toFixed(2); });
  const more = ["admin1", "sub_event_type", "evidence", "outlet", "claim_source", "min_fatalities", "max_fatalities",
    "pub_from", "pub_to", "date_match", "actor_role"].some((k) => filters[k]);
  const form = h("form", { class: "filters", id: "filters" },
    h("div", { class: "filter-row" },
      field("Country", input("country", filters, { placeholder: "Syria, Turkey, SY, SYR", size: 12 })),
      field("ACLED type", select("event_type", filters.event_type, Object.keys(ACLED_TYPES).map((t) => [t, t]), "Any ACLED type")),
      field("PLOVER type", select("plover_type", filters.plover_type, PLOVER_TYPES.map((t) => [t, t]), "Any type")),
      field("From", input("from", filters, { type: "date" })),
      field("To", input("to", filters, { type: "date" })),
      field("Actor", input("actor", filters, { placeholder: "name or code, e.g. TUR/MIL" })),
      field("Words in the article", input("q", filters, { type: "search", placeholder: "anywhere in the text" })),
      h("label", { class: "field field-conf" }, h("span", null, "Min. confidence"), h("div", { class: "range" }, conf, confOut))),
    h("details", { class: "more-filters", open: more },
      h("summary", null, "More filters"),
      h("div", { class: "filter-row" },
        field("Actor's side", select("actor_role", filters.actor_role, Object.entries(ACTOR_ROLES).filter(([k]) => k), "either side")),
        field("Dates", select("date_match", filters.date_match, [["within", "events within From–To"]], "events overlapping From–To")),
        field("Region (admin1)", input("admin1", filters, { placeholder: "e.g. Idlib" })),
        field("ACLED sub-type", select("sub_event_type", filters.sub_event_type, subTypes.map((t) => [t, t]), "Any sub-type")),
        field("Words in the evidence", input("evidence", filters, { type: "search", placeholder: "in the event's sentence" })),
        field("Outlet", input("outlet", filters, { placeholder: "e.g. Reuters" })),
        field("Claimed by", input("claim_source", filters, { placeholder: "e.g. ministry" })),
        field("Deaths at least", input("min_fatalities", filters, { type: "number", min: 0, step: 1, inputmode: "numeric" }), "field-num"),
        field("Deaths at most", input("max_fatalities", filters, { type: "number", min: 0, step: 1, inputmode: "numeric" }), "field-num"),
        field("Published from", input("pub_from", filters, { type: "date" })),
        field("Published to", input("pub_to", filters, { type: "date" })))),
    h("div", { class: "actions" },
      h("button", { type: "submit", class: "primary" }, "Apply"),
      h("button", { type: "button", onclick: () => onApply({}) }, "Reset")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => String(v).trim() !== ""));
    if (Number(data.min_confidence) === 0) delete data.min_confidence;
    onApply(data);
  });
  return form;
}

export function exportBar(links, label = "Download the whole selection") {
  return h("div", { class: "exports" }, h("span", { class: "muted" }, label),
    EXPORTS.map(([key, name]) => h("a", { href: links[key], class: "export", download: "", "data-format": key }, name)),
    h("a", { href: links.json, class: "export", "data-format": "json", title: "one page of the API's JSON" }, "JSON"));
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

// One marker per incident: the report placed most precisely stands for its incident (reports of one
// incident across articles share its incident_id, docs/incidents.md).
const PLACE_RANK = { town: 0, admin2: 1, admin1: 2, country: 3 };
export function onePerIncident(events) {
  const rank = (e) => (typeof e.location?.lat !== "number" ? 9 : (PLACE_RANK[e.location.precision] ?? 4));
  const best = new Map();
  for (const ev of events) {
    const key = ev.incident_id || ev.event_id;
    const cur = best.get(key);
    if (!cur || rank(ev) < rank(cur)) best.set(key, ev);
  }
  return [...best.values()];
}

export async function renderDashboard(root, setTwin) {
  const filters = readFilters();
  let view = readView();
  const apply = (next) => {
    const qs = filtersToQuery(next, view).toString();
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
  const statsEl = h("div", { class: "stats", id: "stats" });
  let measure = "events";
  let drawTimeline = () => {};  // set once the events are in
  const measureBtns = h("div", { class: "measure", role: "group", "aria-label": "Timeline measure" },
    [["events", "Events"], ["deaths", "Deaths"]].map(([m, label]) => h("button", { type: "button", class: `chip${m === measure ? " on" : ""}`,
      dataset: { measure: m }, "aria-pressed": String(m === measure), onclick: () => { measure = m; drawTimeline(); } }, label)));
  let mapMode = "reports";
  let drawMap = () => {};  // set once the events are in
  const modeBtns = h("div", { class: "measure map-mode", role: "group", "aria-label": "Map markers" },
    [["reports", "Reports"], ["incidents", "Incidents"]].map(([m, label]) => h("button", { type: "button", class: `chip${m === mapMode ? " on" : ""}`,
      dataset: { mode: m }, "aria-pressed": String(m === mapMode), onclick: () => { mapMode = m; drawMap(); } }, label)));
  clear(root).append(
    h("section", { class: "panel filters-panel" }, filterForm(filters, apply), exportBar(links)),
    statsEl,
    h("section", { class: "grid" },
      h("div", { class: "panel map-panel" }, modeBtns, mapEl),
      h("aside", { class: "panel" }, h("h2", null, "By type"), sideEl)),
    h("section", { class: "panel" }, h("div", { class: "panel-head" }, h("h2", null, "Timeline"), measureBtns), timelineEl),
    h("section", { class: "panel" }, h("h2", null, "Events"), tableEl),
  );

  const map = new EventMap(mapEl, {
    view,
    onView: (v) => {
      view = v;
      const qs = filtersToQuery(filters, view).toString();
      window.history.replaceState(null, "", qs ? `/?${qs}` : "/");
    },
  });
  const table = new EventTable(tableEl, {
    onRow: (ev) => {
      if (map.show(ev.event_id)) mapEl.scrollIntoView({ behavior: "smooth", block: "center" });
    },
  });
  let result;
  let stats;
  try {
    [result, stats] = await Promise.all([fetchEvents(filters), getJSON(links.stats)]);
  } catch (err) {
    clear(sideEl).append(h("p", { class: "error" }, `Could not load events: ${err.message}`));
    root.dataset.ready = "true";
    return;
  }
  const { events, count } = result;
  const articles = new Set(events.map((e) => e.article_id));
  const incidents = new Set(events.map((e) => e.incident_id).filter(Boolean));
  const countries = new Set(events.map((e) => e.location?.country).filter(Boolean));
  const dates = events.map((e) => e.date?.start).filter(Boolean).sort();
  statsEl.append(
    h("div", { class: "stat", id: "stat-events" }, h("div", { class: "stat-v" }, String(stats.count)), h("div", { class: "stat-l" }, "events")),
    h("div", { class: "stat", id: "stat-deaths", title: `${stats.events_with_fatalities} events state a death toll` },
      h("div", { class: "stat-v" }, String(stats.fatalities)), h("div", { class: "stat-l" }, "deaths stated")),
    stat("articles", articles.size),
    stat("incidents", incidents.size),
    stat("countries", countries.size),
    stat("event dates", dates.length ? `${dates[0]} → ${dates[dates.length - 1]}` : "—"),
  );
  if (count > events.length) {
    statsEl.append(h("p", { class: "warn" }, `The map, timeline and table show the first ${events.length} of ${count} events (limit ${MAX_EVENTS}); the downloads hold all ${count}.`));
  }
  drawMap = () => {
    for (const b of modeBtns.querySelectorAll("button")) {
      b.classList.toggle("on", b.dataset.mode === mapMode);
      b.setAttribute("aria-pressed", String(b.dataset.mode === mapMode));
    }
    mapEl.dataset.mode = mapMode;
    map.setEvents(mapMode === "incidents" ? onePerIncident(events) : events);
  };
  drawMap();
  clear(sideEl).append(events.length ? typeBreakdown(events, (type) => apply({ ...filters, plover_type: type }))
    : h("p", { class: "empty" }, "No events match these filters."));
  // A bar is a day (or week, month): clicking it shows the events that lie within it, not every
  // event whose range merely touches it.
  drawTimeline = () => {
    for (const b of measureBtns.querySelectorAll("button")) {
      b.classList.toggle("on", b.dataset.measure === measure);
      b.setAttribute("aria-pressed", String(b.dataset.measure === measure));
    }
    renderTimeline(timelineEl, events, (from, to) => apply({ ...filters, from, to, date_match: "within" }), measure);
  };
  drawTimeline();
  table.setEvents(events);
  root.dataset.ready = "true";
}
