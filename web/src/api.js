// The dashboard reads only the public HTTP API, so every view has a JSON twin a script can use.

export const FILTER_KEYS = ["plover_type", "country", "from", "to", "actor", "q", "min_confidence"];
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

export function filtersToQuery(filters) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filters[key]) params.set(key, filters[key]);
  return params;
}

// Dashboard filter names -> the API's query parameters.
export function apiParams(filters) {
  const params = new URLSearchParams();
  for (const key of ["plover_type", "country", "actor", "q", "min_confidence"]) {
    if (filters[key]) params.set(key, filters[key]);
  }
  if (filters.from || filters.to) {
    params.set("event_date", `${filters.from || "0001-01-01"}|${filters.to || "9999-12-31"}`);
    params.set("event_date_where", "BETWEEN");
  }
  return params;
}

export function exportLinks(filters) {
  const qs = apiParams(filters).toString();
  const suffix = qs ? `?${qs}` : "";
  return {
    json: `/api/events${suffix}`,
    csv: `/api/events.csv${suffix}`,
    geojson: `/api/events.geojson${suffix}`,
  };
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
