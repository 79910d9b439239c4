// Article view: the stored text with every evidence span highlighted at its offsets and the
// extracted fields beside it; clicking a highlight selects its event.
import { getJSON } from "./api.js";
import { append, clear, h } from "./dom.js";
import { eventCard } from "./map.js";
import { colour } from "./model.js";

function validSpan(ev, len) {
  const s = ev.evidence?.start;
  const e = ev.evidence?.end;
  return Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e > s && e <= len;
}

// Splits the text at every span boundary so overlapping evidence (two events coded from one
// sentence) stays visible as a darker, shared highlight instead of one span hiding another.
export function highlightText(text, events, onPick) {
  const spans = events.filter((ev) => validSpan(ev, text.length));
  const cuts = new Set([0, text.length]);
  for (const ev of spans) {
    cuts.add(ev.evidence.start);
    cuts.add(ev.evidence.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const endsAt = new Map();
  for (const ev of spans) {
    if (!endsAt.has(ev.evidence.end)) endsAt.set(ev.evidence.end, []);
    endsAt.get(ev.evidence.end).push(ev);
  }
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((ev) => ev.evidence.start <= a && ev.evidence.end >= b);
    if (!covering.length) {
      out.push(document.createTextNode(piece));
    } else {
      const first = covering[0];
      out.push(h("mark", {
        class: `ev${covering.length > 1 ? " multi" : ""}`,
        style: { "--c": colour(first.plover_type) },
        dataset: { events: covering.map((ev) => ev.event_id).join(" ") },
        title: covering.map((ev) => ev.plover_type).join(", "),
        tabindex: 0,
        onclick: () => onPick(covering),
        onkeydown: (e) => { if (e.key === "Enter") onPick(covering); },
      }, piece));
    }
    for (const ev of endsAt.get(b) || []) {
      out.push(h("span", { class: "ev-tag", style: { background: colour(ev.plover_type) }, dataset: { event: ev.event_id },
        onclick: () => onPick([ev]) }, ev.plover_type));
    }
  }
  return { nodes: out, shown: spans.length };
}

// An article stored without a title is named by its first sentence, cut to a headline's length.
export function headlineOf(text) {
  const first = (text || "").trim().split(/(?<=[.!?])\s|\n/)[0] || "";
  return first.length > 90 ? `${first.slice(0, 89).trimEnd()}…` : first || "(empty article)";
}

// displaCy-style rendering of one event's evidence: actor, recipient, place and trigger labelled.
function annotatedEvidence(text, ev) {
  const base = ev.evidence.start;
  const sentence = text.slice(base, ev.evidence.end);
  const ents = [];
  for (const a of ev.actors || []) {
    if (Number.isInteger(a.start) && Number.isInteger(a.end)) ents.push({ s: a.start - base, e: a.end - base, label: a.role === "actor" ? "ACTOR" : "TARGET" });
  }
  const loc = ev.location;
  if (loc && Number.isInteger(loc.start) && Number.isInteger(loc.end)) ents.push({ s: loc.start - base, e: loc.end - base, label: "PLACE" });
  const trig = ev.evidence.trigger;
  if (trig) {
    const at = sentence.indexOf(trig);
    if (at >= 0) ents.push({ s: at, e: at + trig.length, label: "TRIGGER" });
  }
  const kept = [];
  for (const ent of ents.filter((x) => x.s >= 0 && x.e <= sentence.length && x.e > x.s).sort((x, y) => x.s - y.s)) {
    if (!kept.length || ent.s >= kept[kept.length - 1].e) kept.push(ent);
  }
  const out = [];
  let pos = 0;
  for (const ent of kept) {
    out.push(sentence.slice(pos, ent.s));
    out.push(h("mark", { class: `ent ent-${ent.label.toLowerCase()}` }, sentence.slice(ent.s, ent.e), h("span", { class: "ent-label" }, ent.label)));
    pos = ent.e;
  }
  out.push(sentence.slice(pos));
  return h("p", { class: "annotated" }, out);
}

function explain(ev) {
  const entries = Object.entries(ev.explain || {});
  if (!entries.length) return null;
  return h("details", { class: "explain" }, h("summary", null, "Why these codes"),
    h("dl", null, entries.map(([k, v]) => [h("dt", null, k), h("dd", null, String(v))])));
}

export async function renderArticle(root, articleId, setTwin) {
  const api = `/api/articles/${encodeURIComponent(articleId)}`;
  setTwin(api);
  clear(root).append(h("p", { class: "loading" }, "Loading article…"));
  let body;
  try {
    body = await getJSON(api);
  } catch (err) {
    clear(root).append(h("div", { class: "panel" }, h("h1", null, "Article not available"), h("p", { class: "error" }, err.message),
      h("p", null, h("a", { href: "/" }, "Back to the events"))));
    return;
  }
  const art = body.article || {};
  const text = art.text || "";
  const events = body.events || [];
  document.title = `${art.title || art.source || "Article"} · eventwire`;

  const detail = h("div", { class: "detail", id: "detail" });
  const list = h("div", { class: "event-list" });
  const textEl = h("div", { class: "article-text", id: "article-text" });
  const select = (evs, scroll = false) => {
    const ev = evs[0];
    for (const m of textEl.querySelectorAll("mark.ev.selected")) m.classList.remove("selected");
    const marks = [...textEl.querySelectorAll("mark.ev")].filter((m) => m.dataset.events.split(" ").includes(ev.event_id));
    for (const m of marks) m.classList.add("selected");
    if (scroll && marks.length) marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    for (const item of list.querySelectorAll(".ev-item")) item.classList.toggle("active", item.dataset.eventId === ev.event_id);
    append(clear(detail), [
      evs.length > 1 ? h("p", { class: "muted" }, `${evs.length} events share this text: `,
        evs.map((other, i) => h("button", { type: "button", class: `chip${i === 0 ? " on" : ""}`, onclick: () => select([other, ...evs.filter((x) => x !== other)]) }, other.plover_type))) : null,
      eventCard(ev),
      validSpan(ev, text.length) ? annotatedEvidence(text, ev) : h("p", { class: "warn" }, "This event's evidence offsets fall outside the stored text."),
      explain(ev),
    ]);
    window.history.replaceState(null, "", `#event-${encodeURIComponent(ev.event_id)}`);
  };
  const { nodes, shown } = highlightText(text, events, (evs) => select(evs));
  textEl.append(...nodes);
  for (const ev of events) {
    list.append(h("button", { type: "button", class: "ev-item", dataset: { eventId: ev.event_id }, onclick: () => select([ev], true) },
      h("span", { class: "swatch", style: { background: colour(ev.plover_type) } }), ev.plover_type,
      h("span", { class: "muted" }, ` ${ev.location?.name || ev.location?.text || ""} ${ev.date?.start || ""}`)));
  }
  const meta = [art.source, art.published].filter(Boolean).join(" · ");
  clear(root).append(
    h("div", { class: "article-layout" },
      h("article", { class: "panel article" },
        h("header", { class: "article-head" },
          h("h1", null, art.title || headlineOf(text)),
          art.title ? null : h("p", { class: "muted small" }, "No headline was stored (ingest --title sets one): the first words of the text stand in."),
          h("p", { class: "muted" }, meta || "source unknown",
            art.url ? [" · ", h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
          h("p", { class: "muted small" }, `${events.length} events · ${shown} highlighted · id ${art.article_id || articleId}`)),
        textEl),
      h("aside", { class: "panel article-side" },
        h("h2", null, "Extracted events"),
        events.length ? list : h("p", { class: "empty" }, "No events were extracted from this article."),
        detail)),
  );
  const wanted = decodeURIComponent((window.location.hash || "").replace(/^#event-/, ""));
  const initial = events.find((ev) => ev.event_id === wanted) || events[0];
  if (initial) select([initial], Boolean(wanted));
  root.dataset.ready = "true";
}
