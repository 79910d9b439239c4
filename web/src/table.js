// Sortable, paged table of the loaded events; on a phone the same page of events as cards.
// Keyboard: headers are buttons (Enter sorts), rows take focus (Enter shows the event on the map).
import { clear, h } from "./dom.js";
import { eventCard } from "./map.js";
import { colour, fmtActors, fmtConfidence, fmtDate, fmtPlace, fmtSize } from "./model.js";

const COLUMNS = [
  { key: "date", label: "Date", value: (e) => e.date?.start || "", render: (e) => fmtDate(e.date) },
  { key: "type", label: "Type", value: (e) => e.plover_type,
    render: (e) => h("span", { class: "type-badge", style: { background: colour(e.plover_type) } }, e.plover_type) },
  { key: "acled", label: "ACLED", value: (e) => e.acled_sub_event_type || e.acled_event_type || "",
    render: (e) => e.acled_sub_event_type || e.acled_event_type || "—" },
  { key: "actor", label: "Actor", value: (e) => fmtActors(e, "actor"), render: (e) => fmtActors(e, "actor") },
  { key: "target", label: "Target", value: (e) => fmtActors(e, "recipient"), render: (e) => fmtActors(e, "recipient") },
  { key: "place", label: "Place", value: (e) => fmtPlace(e.location), render: (e) => fmtPlace(e.location) },
  { key: "dead", label: "Dead", num: true, value: (e) => e.size?.dead ?? -1,
    render: (e) => (e.size?.dead ?? null) === null ? "" : `${e.size.dead_lower_bound ? "≥" : ""}${e.size.dead}` },
  { key: "size", label: "Other figures", value: (e) => fmtSize({ ...e.size, dead: null }),
    render: (e) => fmtSize({ ...e.size, dead: null }) },
  { key: "claim", label: "Claimed by", value: (e) => (e.claim_source || []).join("; "), render: (e) => (e.claim_source || []).join("; ") },
  { key: "conf", label: "Conf.", num: true, value: (e) => e.confidence ?? 0, render: (e) => fmtConfidence(e.confidence) },
  { key: "evidence", label: "Evidence", value: (e) => e.evidence?.sentence || "",
    render: (e) => h("a", { href: `/articles/${encodeURIComponent(e.article_id)}#event-${encodeURIComponent(e.event_id)}`, class: "evidence-link" },
      trim(e.evidence?.sentence || "", 110)) },
];

function trim(s, n) {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

export class EventTable {
  constructor(container, { onRow, pageSize = 25 } = {}) {
    this.container = container;
    this.onRow = onRow;
    this.pageSize = pageSize;
    this.sort = { key: "date", dir: -1 };
    this.page = 0;
    this.events = [];
  }

  setEvents(events) {
    this.events = events;
    this.page = 0;
    this.render();
  }

  sorted() {
    const col = COLUMNS.find((c) => c.key === this.sort.key);
    const dir = this.sort.dir;
    return [...this.events].sort((a, b) => {
      const x = col.value(a);
      const y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }

  render() {
    const rows = this.sorted();
    const pages = Math.max(1, Math.ceil(rows.length / this.pageSize));
    this.page = Math.min(this.page, pages - 1);
    const shown = rows.slice(this.page * this.pageSize, (this.page + 1) * this.pageSize);
    const head = h("tr", null, COLUMNS.map((c) => {
      const active = this.sort.key === c.key;
      return h("th", {
        class: [c.num ? "num" : "", active ? "sorted" : "", `col-${c.key}`].join(" ").trim(),
        "aria-sort": active ? (this.sort.dir > 0 ? "ascending" : "descending") : null,
      }, h("button", { type: "button", class: "sort", onclick: () => {
        this.sort = { key: c.key, dir: active ? -this.sort.dir : c.num ? -1 : 1 };
        this.render();
        this.container.querySelector(`th.col-${c.key} button`)?.focus();
      } }, c.label, active ? (this.sort.dir > 0 ? " ▲" : " ▼") : ""));
    }));
    const pick = (e) => { if (this.onRow) this.onRow(e); };
    const body = shown.map((e) => h("tr", {
      dataset: { eventId: e.event_id }, class: e.modality !== "asserted" ? "not-asserted" : null, tabindex: 0,
      "aria-label": `${e.plover_type} ${e.date?.start || ""}: show on the map`,
      onclick: (ev) => { if (!(ev.target instanceof HTMLAnchorElement)) pick(e); },
      onkeydown: (ev) => { if (ev.key === "Enter" && !(ev.target instanceof HTMLAnchorElement)) pick(e); },
    }, COLUMNS.map((c) => h("td", { class: [c.num ? "num" : "", `col-${c.key}`].join(" ").trim() }, c.render(e)))));
    clear(this.container);
    this.container.append(
      h("div", { class: "table-scroll" }, h("table", { class: "events" }, h("thead", null, head), h("tbody", null, body))),
      h("div", { class: "cards" }, shown.map((e) => eventCard(e, { compact: true }))),
      rows.length ? h("div", { class: "pager" },
        h("button", { type: "button", disabled: this.page === 0, onclick: () => { this.page--; this.render(); } }, "‹ Prev"),
        h("span", null, `Rows ${this.page * this.pageSize + 1}–${this.page * this.pageSize + shown.length} of ${rows.length}`),
        h("button", { type: "button", disabled: this.page >= pages - 1, onclick: () => { this.page++; this.render(); } }, "Next ›"),
      ) : h("p", { class: "empty" }, "No events match these filters."),
    );
  }
}
