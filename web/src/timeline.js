// Events (or stated deaths) per day, stacked by PLOVER type, in plain SVG (no chart library needed).
import { clear, h, svg } from "./dom.js";
import { colour } from "./model.js";

const DAY = 86400000;

function toDay(s) {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isNaN(t) ? null : Math.floor(t / DAY);
}
function dayLabel(d) {
  return new Date(d * DAY).toISOString().slice(0, 10);
}

// Long spans are binned by week or month so bars stay wide enough to read and to click.
function binning(span) {
  if (span <= 120) return { size: 1, name: "day" };
  if (span <= 900) return { size: 7, name: "week" };
  return { size: 30, name: "month" };
}

// measure: "events" counts events; "deaths" sums their stated death tolls.
export function renderTimeline(container, events, onPick, measure = "events") {
  clear(container);
  const value = measure === "deaths" ? (e) => e.size?.dead || 0 : () => 1;
  const unit = measure === "deaths" ? "deaths" : "events";
  const dated = events.filter((e) => e.date && e.date.start && toDay(e.date.start) !== null && value(e) > 0);
  if (!dated.length) {
    container.append(h("p", { class: "empty" }, measure === "deaths" ? "No stated deaths in this selection." : "No dated events in this selection."));
    return;
  }
  const days = dated.map((e) => toDay(e.date.start));
  const first = Math.min(...days);
  const last = Math.max(...days);
  const bin = binning(last - first + 1);
  const nBins = Math.floor((last - first) / bin.size) + 1;
  const bins = Array.from({ length: nBins }, () => new Map());
  const types = new Map();
  for (const e of dated) {
    const i = Math.floor((toDay(e.date.start) - first) / bin.size);
    bins[i].set(e.plover_type, (bins[i].get(e.plover_type) || 0) + value(e));
    types.set(e.plover_type, (types.get(e.plover_type) || 0) + value(e));
  }
  const order = [...types.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  const max = Math.max(...bins.map((b) => [...b.values()].reduce((x, y) => x + y, 0)));

  const width = Math.max(container.clientWidth || 900, 320);
  const height = 150;
  const m = { top: 10, right: 12, bottom: 24, left: 34 };
  const innerW = width - m.left - m.right;
  const innerH = height - m.top - m.bottom;
  const bw = innerW / nBins;
  const y = (v) => innerH - (v / max) * innerH;

  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "timeline-svg", role: "img", "aria-label": `${unit} per ${bin.name} by type` });
  const g = svg("g", { transform: `translate(${m.left},${m.top})` });
  root.append(g);
  const ticks = max <= 5 ? max : 4;
  for (let i = 0; i <= ticks; i++) {
    const v = Math.round((max * i) / ticks);
    g.append(svg("line", { x1: 0, x2: innerW, y1: y(v), y2: y(v), class: "grid" }));
    g.append(svg("text", { x: -6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, String(v)));
  }
  bins.forEach((counts, i) => {
    const start = first + i * bin.size;
    const end = Math.min(start + bin.size - 1, last);
    let acc = 0;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const label = bin.size === 1 ? dayLabel(start) : `${dayLabel(start)} – ${dayLabel(end)}`;
    const pick = () => total && onPick && onPick(dayLabel(start), dayLabel(end));
    const col = svg("g", { class: "bar", tabindex: total ? 0 : null, role: total ? "button" : null, "data-date": dayLabel(start),
      "data-value": total, onclick: pick, onkeydown: (ev) => { if (ev.key === "Enter") pick(); } });
    for (const type of order) {
      const n = counts.get(type) || 0;
      if (!n) continue;
      col.append(svg("rect", { x: i * bw + 1, width: Math.max(bw - 2, 1), y: y(acc + n), height: y(acc) - y(acc + n), fill: colour(type) },
        svg("title", null, `${label}: ${n} ${unit}, ${type}`)));
      acc += n;
    }
    if (total) col.append(svg("title", null, `${label}: ${total} ${unit}`));
    g.append(col);
  });
  const labelEvery = Math.max(1, Math.ceil(nBins / Math.max(2, Math.floor(innerW / 90))));
  for (let i = 0; i < nBins; i += labelEvery) {
    g.append(svg("text", { x: i * bw + bw / 2, y: innerH + 16, class: "axis", "text-anchor": "middle" }, dayLabel(first + i * bin.size)));
  }
  g.append(svg("line", { x1: 0, x2: innerW, y1: innerH, y2: innerH, class: "baseline" }));
  container.append(root, h("p", { class: "hint" }, `${unit === "deaths" ? "Stated deaths" : "Events"} per ${bin.name} by date of the event (not of the report). Click a bar to show the events within it.`));
}
