// The dashboard reads only the public HTTP API, so every view has a JSON twin a script can use.

// Dashboard filters, as they appear in the page's URL. Most are the API's own parameters; the
// dates and the actor role are spelled for a form and translated by apiParams.
export const FILTER_KEYS = [
  "country", "admin1", "event_type", "sub_event_type", "plover_type", "from", "to", "date_match",
  "actor", "actor_role", "q", "evidence", "outlet", "claim_source", "min_fatalities", "max_fatalities",
  "pub_from", "pub_to", "min_confidence",
];
const PASSED_AS_IS = [
  "country", "admin1", "event_type", "sub_event_type", "plover_type", "q", "evidence", "outlet",
  "claim_source", "min_fatalities", "max_fatalities", "min_confidence",
];
export const ACTOR_ROLES = { "": "either side", actor1: "actor (actor1)", actor2: "target (actor2)" };
const PAGE_SIZE = 500;
export const MAX_EVENTS = 5000;

export function readFilters(search = window.location.search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTER_KEYS) {
    const v = params.get(key);
    if (v !== null && v.trim() !== "") filters[key] = v.trim();
  }
  return filters;
}

// The map's view (zoom/lat/lon) travels in the URL beside the filters, as `map=`.
export function readView(search = window.location.search) {
  const m = (new URLSearchParams(search).get("map") || "").match(/^(\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/);
  return m ? { zoom: Number(m[1]), lat: Number(m[2]), lon: Number(m[3]) } : null;
}

export function filtersToQuery(filters, view = null) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  if (view) params.set("map", `${view.zoom}/${view.lat.toFixed(4)}/${view.lon.toFixed(4)}`);
  return params;
}

// Dashboard filter names -> the API's query parameters.
export function apiParams(filters) {
  const params = new URLSearchParams();
  for (const key of PASSED_AS_IS) if (filters[key]) params.set(key, filters[key]);
  if (filters.actor) params.set(ACTOR_ROLES[filters.actor_role] && filters.actor_role ? filters.actor_role : "actor", filters.actor);
  if (filters.from || filters.to) {
    params.set("event_date", `${filters.from || "0001-01-01"}|${filters.to || "9999-12-31"}`);
    params.set("event_date_where", "BETWEEN");
    if (filters.date_match === "within") params.set("event_date_match", "within");
  }
  if (filters.pub_from || filters.pub_to) {
    params.set("published", `${filters.pub_from || "0001-01-01"}|${filters.pub_to || "9999-12-31"}`);
    params.set("published_where", "BETWEEN");
  }
  return params;
}

// The download bar: every format streams the whole selection (no page limit).
export const EXPORTS = [
  ["csv", "CSV", "/api/export.csv"],
  ["geojson", "GeoJSON", "/api/export.geojson"],
  ["jsonl", "JSON Lines", "/api/export.jsonl"],
  ["acled", "ACLED CSV", "/api/export.acled.csv"],
  ["parquet", "Parquet", "/api/export.parquet"],
];

export function exportLinks(filters) {
  const qs = apiParams(filters).toString();
  const suffix = qs ? `?${qs}` : "";
  const links = { json: `/api/events${suffix}`, stats: `/api/stats${suffix}` };
  for (const [key, , path] of EXPORTS) links[key] = `${path}${suffix}`;
  return links;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = await res.json();
      detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail ?? body);
    } catch (_) {
      /* not JSON */
    }
    throw new ApiError(res.status, `${res.status} ${detail}`);
  }
  return res.json();
}

// Follows the API's paging up to MAX_EVENTS so the map, timeline and table agree on one set.
export async function fetchEvents(filters, onProgress) {
  const params = apiParams(filters);
  params.set("limit", String(PAGE_SIZE));
  params.set("format", "json");
  let url = `/api/events?${params}`;
  let page = 1;
  const events = [];
  let count = null;
  while (url && events.length < MAX_EVENTS) {
    const body = await getJSON(url);
    if (count === null) count = body.count ?? null;
    events.push(...(body.events || []));
    if (onProgress) onProgress(events.length, count);
    const next = body.next;
    if (!next || !(body.events || []).length) break;
    if (typeof next === "number") {
      params.set("page", String(next));
      url = `/api/events?${params}`;
    } else if (typeof next === "string") {
      // The API may answer with an absolute URL built from what it saw (a proxy can change the
      // scheme or host); only its path and query are followed, so requests stay same-origin.
      const u = new URL(next, window.location.href);
      url = u.pathname + u.search;
    } else {
      params.set("page", String(++page));
      url = `/api/events?${params}`;
    }
  }
  return { events, count: count ?? events.length };
}
