// Colours, labels and formatting of event records (the public record of SCHEMA.md).

export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

// ACLED's event types and their sub-types (the API takes them in any case).
export const ACLED_TYPES = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"],
};

// Cooperation in cool hues, verbal conflict in ambers, material conflict in reds and purples, so
// the map reads at a glance the way the PLOVER quad classes do.
const COLOURS = {
  AGREE: "#0e7490", CONSULT: "#0891b2", SUPPORT: "#0d9488", CONCEDE: "#14b8a6",
  COOPERATE: "#15803d", AID: "#22c55e", RETREAT: "#65a30d", REQUEST: "#ca8a04",
  ACCUSE: "#d97706", REJECT: "#ea580c", THREATEN: "#f97316", PROTEST: "#db2777",
  SANCTION: "#9333ea", MOBILIZE: "#4f46e5", COERCE: "#881337", ASSAULT: "#dc2626",
};

export function colour(type) {
  return COLOURS[type] || "#64748b";
}

// Radius, in metres, of the area a place of this precision stands for: a province centroid is
// not where the event happened, and the ring says so.
export function precisionRadius(precision) {
  return { admin2: 25000, admin1: 60000, country: 250000 }[precision] || 0;
}

export function fmtDate(date) {
  if (!date || !date.start) return "—";
  const range = date.end && date.end !== date.start ? `${date.start} – ${date.end}` : date.start;
  return date.precision && date.precision !== "day" ? `${range} (${date.precision})` : range;
}

export function fmtPlace(loc) {
  if (!loc) return "—";
  const name = loc.name || loc.text || "—";
  const parts = [name];
  if (loc.admin1 && loc.admin1 !== name) parts.push(loc.admin1);
  if (loc.country) parts.push(loc.country);
  return parts.join(", ");
}

export function actorsOf(ev, role) {
  return (ev.actors || []).filter((a) => a.role === role);
}

export function fmtActor(a) {
  const name = a.name || a.text;
  const codes = [a.country, a.sector].filter(Boolean).join(" ");
  return codes ? `${name} (${codes})` : name;
}

export function fmtActors(ev, role) {
  const list = actorsOf(ev, role);
  return list.length ? list.map(fmtActor).join("; ") : "—";
}

export function fmtSize(size) {
  if (!size) return "";
  const out = [];
  const n = (v, floor) => (floor ? `≥${v}` : `${v}`);
  if (size.dead !== null && size.dead !== undefined) out.push(`${n(size.dead, size.dead_lower_bound)} dead`);
  if (size.injured !== null && size.injured !== undefined) out.push(`${n(size.injured, size.injured_lower_bound)} injured`);
  if (size.arrested !== null && size.arrested !== undefined) out.push(`${size.arrested} arrested`);
  for (const v of size.vague || []) out.push(`“${v}”`);
  return out.join(", ");
}

export function fmtConfidence(c) {
  return typeof c === "number" ? c.toFixed(2) : "—";
}
