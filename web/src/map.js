// The events map: offline country borders from world-atlas, an optional online tile layer,
// clustered markers coloured by PLOVER type and a ring where the place is only a province or country.
import L from "./leaflet-global.js";
import "leaflet.markercluster";
import { feature } from "topojson-client";
import { append, clear, h } from "./dom.js";
import { colour, fmtDate, fmtPlace, fmtActors, fmtSize, fmtConfidence, precisionRadius } from "./model.js";

// world-atlas cuts the polygons that cross the antimeridian (Russia's Chukotka near 70°N, Fiji
// near 17°S) at ±180°, so consecutive vertices of one ring jump from 180 to -180: Leaflet then
// draws an edge across the whole map, the stray horizontal lines. Unwrapping each ring (no step
// longer than 180°) keeps those parts next to their neighbours, past 180° where the map repeats.
export function unwrapRing(ring) {
  const out = [];
  let prev = null;
  for (const [lon, lat] of ring) {
    let x = lon;
    if (prev !== null) {
      while (x - prev > 180) x -= 360;
      while (x - prev < -180) x += 360;
    }
    out.push([x, lat]);
    prev = x;
  }
  return out;
}

function unwrapGeometry(geom) {
  if (!geom) return geom;
  if (geom.type === "Polygon") return { ...geom, coordinates: geom.coordinates.map(unwrapRing) };
  if (geom.type === "MultiPolygon") return { ...geom, coordinates: geom.coordinates.map((p) => p.map(unwrapRing)) };
  return geom;
}

function maxStep(fc) {
  let max = 0;
  const ring = (r) => { for (let i = 1; i < r.length; i++) max = Math.max(max, Math.abs(r[i][0] - r[i - 1][0])); };
  for (const f of fc.features) {
    const g = f.geometry;
    if (g?.type === "Polygon") g.coordinates.forEach(ring);
    if (g?.type === "MultiPolygon") g.coordinates.forEach((p) => p.forEach(ring));
  }
  return max;
}

let bordersPromise = null;
function loadBorders() {
  if (!bordersPromise) {
    bordersPromise = fetch("/static/countries-50m.json")
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`borders: ${r.status}`))))
      .then((topo) => {
        const fc = feature(topo, topo.objects.countries);
        return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })) };
      });
  }
  return bordersPromise;
}

export function eventCard(ev, { compact = false } = {}) {
  const size = fmtSize(ev.size);
  const evidence = ev.evidence?.sentence || "";
  const shown = compact && evidence.length > 260 ? `${evidence.slice(0, 257)}…` : evidence;
  return h(
    "div",
    { class: "event-card", dataset: { eventId: ev.event_id } },
    h("div", { class: "card-head" },
      h("span", { class: "type-badge", style: { background: colour(ev.plover_type) } }, ev.plover_type),
      ev.plover_mode ? h("span", { class: "mode" }, ev.plover_mode) : null,
      h("span", { class: "conf", title: "confidence" }, fmtConfidence(ev.confidence)),
    ),
    ev.acled_event_type
      ? h("div", { class: "acled" }, ev.acled_event_type, ev.acled_sub_event_type ? ` › ${ev.acled_sub_event_type}` : "")
      : null,
    h("dl", { class: "facts" },
      h("dt", null, "When"), h("dd", null, fmtDate(ev.date)),
      h("dt", null, "Where"), h("dd", null, fmtPlace(ev.location),
        ev.location?.precision ? h("span", { class: "precision" }, ev.location.precision) : null),
      h("dt", null, "Actor"), h("dd", null, fmtActors(ev, "actor")),
      h("dt", null, "Target"), h("dd", null, fmtActors(ev, "recipient")),
      size ? [h("dt", null, "Size"), h("dd", { class: "size" }, size)] : null,
      (ev.claim_source || []).length ? [h("dt", null, "Claimed by"), h("dd", null, ev.claim_source.join("; "))] : null,
      ev.modality && ev.modality !== "asserted" ? [h("dt", null, "Modality"), h("dd", { class: "modality" }, ev.modality)] : null,
    ),
    shown ? h("blockquote", { class: "evidence" }, shown) : null,
    h("div", { class: "card-links" },
      h("a", { href: `/articles/${encodeURIComponent(ev.article_id)}#event-${encodeURIComponent(ev.event_id)}`, class: "open-article" }, "Open article"),
      ev.incident_id ? h("a", { href: `/incidents/${encodeURIComponent(ev.incident_id)}`, class: "open-incident" }, "Incident") : null,
    ),
  );
}

function clusterIcon(cluster) {
  const counts = {};
  for (const m of cluster.getAllChildMarkers()) counts[m.options.ploverType] = (counts[m.options.ploverType] || 0) + 1;
  const total = cluster.getChildCount();
  let acc = 0;
  const stops = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => {
      const from = (acc / total) * 360;
      acc += n;
      return `${colour(type)} ${from}deg ${(acc / total) * 360}deg`;
    });
  const size = total < 10 ? 34 : total < 100 ? 42 : 50;
  const el = h("div", { class: "cluster", style: { background: `conic-gradient(${stops.join(", ")})`, width: `${size}px`, height: `${size}px` } },
    h("span", null, String(total)));
  return L.divIcon({ html: el, className: "cluster-wrap", iconSize: L.point(size, size) });
}

export class EventMap {
  // view: {zoom, lat, lon} to start from (kept instead of fitting the events); onView(view) is
  // called after the user pans or zooms, so the page can keep the view in its URL.
  constructor(container, { view = null, onView = null } = {}) {
    this.view = view;
    this.container = container;
    this.map = L.map(container, { preferCanvas: true, worldCopyJump: true, zoomSnap: 0.5, minZoom: 1, maxZoom: 14 })
      .setView(view ? [view.lat, view.lon] : [25, 20], view ? view.zoom : 2);
    this.map.on("moveend", () => {
      if (this.fitting || !onView) return;
      const c = this.map.getCenter().wrap();
      onView({ zoom: this.map.getZoom(), lat: c.lat, lon: c.lng });
    });
    this.markers = new Map();
    // Borders get their own pane and canvas below the overlay pane: drawn into the shared canvas
    // they would arrive after the precision rings (they load asynchronously) and paint over them.
    this.map.createPane("borders").style.zIndex = 250;
    const bordersRenderer = L.canvas({ pane: "borders" });
    const borders = L.layerGroup().addTo(this.map);
    const online = L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 18,
      attribution: "© OpenStreetMap contributors",
    });
    online.on("tileerror", () => this.notice("Online tiles are unreachable; the offline borders stay available."));
    L.control.layers({ "Borders (offline)": borders, "OpenStreetMap (online)": online }, null, { position: "topright" }).addTo(this.map);
    this.map.on("baselayerchange", (e) => container.classList.toggle("online", e.layer === online));
    loadBorders()
      .then((geo) => {
        // The longest east-west step of any border edge, for tests and curious readers: under
        // 180° no edge wraps across the map.
        container.dataset.bordersMaxStep = String(maxStep(geo));
        return L.geoJSON(geo, {
          style: { color: "#94a3b8", weight: 0.7, fillColor: "#f8fafc", fillOpacity: 1 },
          interactive: false,
          pane: "borders",
          renderer: bordersRenderer,
        }).addTo(borders);
      })
      .catch(() => this.notice("Offline borders failed to load."));
    this.rings = L.layerGroup().addTo(this.map);
    this.cluster = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    }).addTo(this.map);
    // The legend folds away (on a phone it would cover the clusters): a button toggles it, and it
    // starts folded when the map is narrow.
    this.legend = L.control({ position: "bottomleft" });
    this.legend.onAdd = () => {
      const folded = container.clientWidth < 600;
      this.legendBody = h("div", { class: "legend-body", id: "legend-body", hidden: folded });
      const toggle = h("button", { type: "button", class: "legend-toggle", "aria-expanded": String(!folded), "aria-controls": "legend-body",
        onclick: () => {
          this.legendBody.hidden = !this.legendBody.hidden;
          toggle.setAttribute("aria-expanded", String(!this.legendBody.hidden));
        } }, "Legend");
      this.legendEl = h("div", { class: "legend" }, toggle, this.legendBody);
      L.DomEvent.disableClickPropagation(this.legendEl);
      return this.legendEl;
    };
    this.legend.addTo(this.map);
    this.noticeEl = h("div", { class: "map-notice", hidden: true });
    container.append(this.noticeEl);
  }

  notice(text) {
    this.noticeEl.textContent = text;
    this.noticeEl.hidden = false;
  }

  setEvents(events) {
    this.cluster.clearLayers();
    this.rings.clearLayers();
    this.markers.clear();
    const types = new Map();
    const bounds = [];
    // One ring per place and precision: rings of many events at one province centroid, drawn
    // once each, stacked into a solid disc.
    const ringsAt = new Set();
    for (const ev of events) {
      const loc = ev.location;
      if (!loc || typeof loc.lat !== "number" || typeof loc.lon !== "number") continue;
      const latlng = L.latLng(loc.lat, loc.lon);
      const fill = colour(ev.plover_type);
      types.set(ev.plover_type, (types.get(ev.plover_type) || 0) + 1);
      const dot = h("div", { class: "dot", style: { background: fill }, dataset: { eventId: ev.event_id, type: ev.plover_type } });
      const marker = L.marker(latlng, {
        icon: L.divIcon({ html: dot, className: "dot-wrap", iconSize: L.point(16, 16) }),
        ploverType: ev.plover_type,
        keyboard: true,
        title: `${ev.plover_type} · ${fmtPlace(loc)}`,
      });
      marker.bindPopup(() => eventCard(ev, { compact: true }), { maxWidth: 360, minWidth: 260 });
      this.cluster.addLayer(marker);
      this.markers.set(ev.event_id, marker);
      const radius = precisionRadius(loc.precision);
      const ringKey = `${loc.lat},${loc.lon},${radius}`;
      if (radius && !ringsAt.has(ringKey)) {
        ringsAt.add(ringKey);
        L.circle(latlng, {
          radius, color: "#475569", weight: 1, opacity: 0.7, dashArray: "4 4", fill: false, interactive: false,
          className: "precision-ring",
        }).addTo(this.rings);
      }
      bounds.push(latlng);
    }
    this.container.dataset.rings = String(ringsAt.size);
    this.container.dataset.markers = String(bounds.length);
    if (bounds.length && !this.view) {
      this.fitting = true;  // a fit is not the user's view: keep it out of the URL
      this.map.fitBounds(L.latLngBounds(bounds).pad(0.6), { maxZoom: 7, animate: false });
      this.fitting = false;
    }
    this.renderLegend(types, events.length - bounds.length);
  }

  renderLegend(types, unplaced) {
    const el = this.legendBody;
    clear(el);
    append(el, [
      [...types.entries()].sort((a, b) => b[1] - a[1]).map(([type, n]) =>
        h("div", { class: "legend-row" }, h("span", { class: "swatch", style: { background: colour(type) } }), `${type} `, h("span", { class: "muted" }, String(n)))),
      h("div", { class: "legend-row" }, h("span", { class: "ring-swatch" }), "province / country-level place"),
      unplaced ? h("div", { class: "legend-row muted" }, `${unplaced} without coordinates`) : null,
    ]);
  }

  show(eventId) {
    const marker = this.markers.get(eventId);
    if (!marker) return false;
    this.cluster.zoomToShowLayer(marker, () => marker.openPopup());
    return true;
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
