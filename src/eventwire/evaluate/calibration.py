"""Is the event confidence calibrated? (confidence, correct) pairs from every gold source, by band.

Sources and what "correct" means for each (docs/evaluation.md, "Confidence calibration"):

- ``gold``: gold articles (eventwire-gold/1). A system event is correct when it matches a gold event
  (required or optional) by the articles rule: evidence spans overlap and the PLOVER type is the gold
  type or one of its alt_types, one-to-one, largest overlap first (as evaluate.articles.score_article).
- ``case2021``: CASE 2021 Task 2 snippets. Every event with an ACLED sub-event type (or non-ACLED
  kind) is judged: correct when LABEL_OF of that type is the snippet's label.
- ``re3d``: every ASSAULT/COERCE event with an actor pair (evaluate.relations) is judged: correct
  when it states one of the document's gold FightingAgainst pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

from ..errors import EventwireError, InputError

Band = tuple[float, float]
DEFAULT_BANDS: Final[tuple[Band, ...]] = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.01))
SOURCES: Final = ("gold", "case2021", "re3d")

Extract = Callable[[str], list[dict[str, Any]]]
Judged = list[dict[str, Any]]  # {"source", "confidence", "correct", ...}


def calibration_table(
    pairs: Iterable[tuple[float, bool]], bands: Sequence[Band] = DEFAULT_BANDS
) -> list[dict[str, Any]]:
    """One row per band [lo, hi): {"band", "lo", "hi", "n", "correct", "share", "mean_confidence"}.

    ``share`` (the fraction correct) and ``mean_confidence`` are None for an empty band; a
    confidence outside every band is not counted.
    """
    rows = []
    pairs = list(pairs)
    for lo, hi in bands:
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        n = len(inside)
        right = sum(1 for _, ok in inside if ok)
        rows.append({
            "band": f"{lo:.2f}-{min(hi, 1.0):.2f}",
            "lo": lo,
            "hi": hi,
            "n": n,
            "correct": right,
            "share": right / n if n else None,
            "mean_confidence": sum(c for c, _ in inside) / n if n else None,
        })
    return rows


# ------------------------------------------------------------------ gathering

def _default_extract() -> Extract:
    import eventwire

    return lambda text: eventwire.extract(text)


def matched_system_events(gold: Any, events: list[dict[str, Any]]) -> set[int]:
    """Indices of system events matched to a gold event, by the rule of evaluate.articles.score_article."""
    pairs = []
    for si, ev in enumerate(events):
        e = ev.get("evidence") or {}
        if e.get("start") is None or e.get("end") is None:
            continue
        for gi, ge in enumerate(gold.events):
            ov = max(0, min(e["end"], ge["_span"][1]) - max(e["start"], ge["_span"][0]))
            if ov and ev.get("plover_type") in {ge["plover"]["type"], *ge["plover"].get("alt_types", [])}:
                pairs.append((ov, si, gi))
    pairs.sort(reverse=True)
    used: set[int] = set()
    taken: set[int] = set()
    for _, si, gi in pairs:
        if si not in used and gi not in taken:
            used.add(si)
            taken.add(gi)
    return used


def judge_gold(paths: Iterable[str | Path], pipeline: Any = None) -> tuple[Judged, list[str]]:
    from .gold import load_gold

    paths = list(paths)
    if pipeline is None and paths:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
    out: Judged = []
    errors: list[str] = []
    for path in paths:
        try:
            g = load_gold(path)
            events = [e.to_dict() for e in pipeline.extract_article(g.article(check_language=False))]
        except (EventwireError, ValueError, OSError, KeyError) as exc:
            errors.append(f"{path}: {exc}")
            continue
        ok = matched_system_events(g, events)
        out.extend(
            {"source": "gold", "confidence": float(ev.get("confidence") or 0.0), "correct": i in ok,
             "plover_type": ev.get("plover_type"), "doc": Path(path).name, "event": ev}
            for i, ev in enumerate(events)
        )
    return out, errors


def judge_snippets(path: str | Path, extract: Extract | None = None, limit: int | None = None) -> tuple[Judged, list[str]]:
    from .snippets import LABEL_OF, read_snippets

    fn = extract or _default_extract()
    out: Judged = []
    errors: list[str] = []
    rows = read_snippets(path)
    for row in rows[:limit] if limit else rows:
        try:
            events = fn(row["text"])
        except InputError as exc:
            errors.append(f"{row['id']}: {exc}")
            continue
        for ev in events:
            kind = ev.get("acled_sub_event_type")
            if not kind:
                continue
            out.append({"source": "case2021", "confidence": float(ev.get("confidence") or 0.0),
                        "correct": LABEL_OF.get(kind) == row["label"], "plover_type": ev.get("plover_type"),
                        "doc": row["id"], "event": ev})
    return out, errors


def judge_re3d(path: str | Path, extract: Extract | None = None, limit: int | None = None) -> tuple[Judged, list[str]]:
    from .relations import evaluate_relations

    r = evaluate_relations(path, extract=extract, limit=limit)
    out: Judged = [
        {"source": "re3d", "confidence": j["confidence"], "correct": j["correct"],
         "plover_type": j["plover_type"], "doc": d["id"], "event": j["event"]}
        for d in r["per_doc"] for j in d["judged"]
    ]
    return out, list(r["errors"])


def default_paths(shared: Path | None = None) -> dict[str, Any]:
    """Where each source lives under the shared folder ($EVENTWIRE_SHARED or ../shared)."""
    from .gold import shared_dir

    root = shared or shared_dir()
    if root is None:
        return {"gold": [], "case2021": None, "re3d": None}
    snippets, re3d = root / "data" / "case2021_task2" / "dev.jsonl", root / "data" / "re3d" / "dev.jsonl"
    return {
        "gold": sorted((root / "gold").glob("*/*.gold.json")),
        "case2021": snippets if snippets.is_file() else None,
        "re3d": re3d if re3d.is_file() else None,
    }


def evaluate_calibration(
    sources: Sequence[str] = SOURCES,
    bands: Sequence[Band] = DEFAULT_BANDS,
    paths: dict[str, Any] | None = None,
    extract: Extract | None = None,
    pipeline: Any = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Gather judged events from ``sources`` and tabulate them per source and pooled.

    Returns {"bands", "sources": {name: {"n", "table", "errors"}}, "pooled": {"n", "table"}, "judged"}.
    ``limit`` caps the documents/snippets read per file (for quick looks).
    """
    where = paths or default_paths()
    per: dict[str, dict[str, Any]] = {}
    judged: Judged = []
    for name in sources:
        if name == "gold":
            got, errs = judge_gold(where.get("gold") or [], pipeline)
        elif name == "case2021":
            got, errs = judge_snippets(where["case2021"], extract, limit) if where.get("case2021") else ([], [])
        elif name == "re3d":
            got, errs = judge_re3d(where["re3d"], extract, limit) if where.get("re3d") else ([], [])
        else:
            raise ValueError(f"unknown calibration source {name!r}; choose from {', '.join(SOURCES)}")
        per[name] = {"n": len(got), "table": calibration_table(((j["confidence"], j["correct"]) for j in got), bands),
                     "errors": errs}
        judged.extend(got)
    pooled = calibration_table(((j["confidence"], j["correct"]) for j in judged), bands)
    return {
        "bands": [list(b) for b in bands],
        "sources": per,
        "pooled": {"n": len(judged), "table": pooled},
        "judged": judged,
    }


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def format_calibration(r: dict[str, Any]) -> str:
    lines = [f"{'source':<10} {'band':<10} {'n':>5} {'correct':>8} {'share':>7} {'mean_conf':>9}"]
    blocks = [*r["sources"].items(), ("pooled", r["pooled"])]
    for name, block in blocks:
        for row in block["table"]:
            lines.append(
                f"{name:<10} {row['band']:<10} {row['n']:>5} {row['correct']:>8} {_fmt(row['share']):>7} "
                f"{_fmt(row['mean_confidence']):>9}"
            )
        for e in block.get("errors", [])[:5]:
            lines.append(f"  skipped {e}")
        if len(block.get("errors", [])) > 5:
            lines.append(f"  ... {len(block['errors']) - 5} more skipped")
    table = r["pooled"]["table"]
    low, high = table[0], table[-1]
    lines.append(
        f"calibration pooled n={r['pooled']['n']}: share correct {_fmt(low['share'])} in {low['band']} "
        f"(n={low['n']}), {_fmt(high['share'])} in {high['band']} (n={high['n']})"
    )
    return "\n".join(lines)
