"""Which features of an event predict that it is right? Share correct per feature value, per gold source.

Prints the calibration table (as `eventwire eval calibration`) and, for every feature the confidence could
use, the share of judged events that are correct with and without it. Run:

    .venv/bin/python bench/calibration.py [--source case2021 --source gold --source re3d] [--limit N]

Figures feed the confidence proposal in docs/evaluation.md ("Confidence calibration").
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from eventwire.evaluate.calibration import SOURCES, evaluate_calibration, format_calibration


def _actors(ev: dict[str, Any], role: str) -> list[dict[str, Any]]:
    return [a for a in ev.get("actors") or [] if a.get("role") == role]


def _rule(ev: dict[str, Any]) -> str:
    return str((ev.get("explain") or {}).get("type") or "").split(":")[0] or "?"


def _acled_guess(ev: dict[str, Any]) -> Any:
    from eventwire.events.acled import classify_acled

    sent = str((ev.get("evidence") or {}).get("sentence") or "")
    return classify_acled(sent, ev.get("plover_type"), ev.get("plover_mode"))


def _acled_rule(ev: dict[str, Any]) -> str:
    g = _acled_guess(ev)
    return "none" if g is None else str(g.rule).split(":")[0]


def _acled_score(ev: dict[str, Any]) -> str:
    g = _acled_guess(ev)
    return "none" if g is None else ("<0.5" if g.score < 0.5 else "0.5-0.8" if g.score < 0.8 else ">=0.8")


FEATURES: dict[str, Callable[[dict[str, Any]], object]] = {
    "type rule": _rule,
    "plover type": lambda ev: ev.get("plover_type"),
    "actor present": lambda ev: bool(_actors(ev, "actor")),
    "actor country": lambda ev: any(a.get("country") for a in _actors(ev, "actor")),
    "recipient present": lambda ev: bool(_actors(ev, "recipient")),
    "recipient country": lambda ev: any(a.get("country") for a in _actors(ev, "recipient")),
    "location coords": lambda ev: (ev.get("location") or {}).get("lat") is not None,
    "date": lambda ev: ((ev.get("date") or {}).get("precision") or "none"),
    "dead stated": lambda ev: (ev.get("size") or {}).get("dead") is not None,
    "modality": lambda ev: ev.get("modality"),
    "claim source": lambda ev: bool(ev.get("claim_source")),
    "mode": lambda ev: ev.get("plover_mode") or "none",
    "acled rule (recomputed)": _acled_rule,
    "acled score (recomputed)": _acled_score,
}


def breakdown(judged: list[dict[str, Any]]) -> list[str]:
    lines = []
    for name, fn in FEATURES.items():
        cells: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for j in judged:
            ev = j["event"]
            k = str(fn(ev))
            cells[k][0] += j["correct"]
            cells[k][1] += 1
            cells[k][2] += round(100 * j["confidence"])
        parts = [
            f"{k}={ok}/{n} ({ok / n:.2f}, conf {c / n / 100:.2f})"
            for k, (ok, n, c) in sorted(cells.items(), key=lambda kv: -kv[1][1])
        ]
        lines.append(f"  {name:24s} " + "; ".join(parts))
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", action="append", choices=SOURCES)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    r = evaluate_calibration(args.source or list(SOURCES), limit=args.limit)
    print(format_calibration(r))
    for src in r["sources"]:
        judged = [j for j in r["judged"] if j["source"] == src]
        print(f"\n{src}: {len(judged)} judged events, share correct by feature (n, mean confidence)")
        print("\n".join(breakdown(judged)))
    print(f"\npooled: {len(r['judged'])} judged events")
    print("\n".join(breakdown(r["judged"])))


if __name__ == "__main__":
    main()
