"""A learned pair scorer: a logistic regression over the rules' own parts, fitted on ECB+ half A.

``features.score`` uses it in place of the hand-set weights when ``$EVENTWIRE_LINK_SCORER`` is
``learned`` (the rules stay the default: see docs/incidents.md, "Round 15: learned links"). The
weights are a small JSON file (``pair_weights.json``: numbers only, no text of ECB+), read with
the standard library; ``bench/ecbplus_pair_model.py`` writes it and says how it was trained.
The hard constraints and the loose-date gate stay rules either way.
"""

from __future__ import annotations

import functools
import json
import math
import os
from pathlib import Path
from typing import Any

ENV = "EVENTWIRE_LINK_SCORER"
FEATURES = ("date", "place", "parties", "text", "context", "same_type", "same_dead", "precise", "loose_context")
_WEIGHTS = Path(__file__).with_name("pair_weights.json")


SCORERS = ("rules", "learned")


_READ: dict[str | None, bool] = {}  # the variable's value -> its meaning (features.score asks per pair)


def enabled() -> bool:
    """$EVENTWIRE_LINK_SCORER is ``learned`` (unset or empty: ``rules``); a typo is a numbered
    configuration error naming the variable, never a silent fall back to the rules."""
    value = os.environ.get(ENV)
    got = _READ.get(value)
    if got is None:
        raw = (value or "").strip().lower() or "rules"
        if raw not in SCORERS:
            from ..errors import ConfigError

            raise ConfigError("E406", f"{ENV}={raw!r}: expected one of {', '.join(SCORERS)}")
        got = _READ[value] = raw == "learned"
    return got


def vector(a: dict[str, Any], b: dict[str, Any], context: float, parts: Any) -> list[float]:
    """The features of a pair (``parts``: its ``features.PairScore``, for the rules' parts)."""
    da, db = (a.get("size") or {}).get("dead"), (b.get("size") or {}).get("dead")
    precise = 1.0 if parts.date >= 1.0 else 0.0
    return [parts.date, parts.place, parts.parties, parts.text, context,
            float(a.get("plover_type") == b.get("plover_type")), float(da is not None and da == db),
            precise, context * (1.0 - precise)]


@functools.cache
def model() -> tuple[tuple[float, ...], float, float]:
    """(weights in FEATURES order, intercept, the probability at which a pair links)."""
    raw = json.loads(_WEIGHTS.read_text(encoding="utf-8"))
    if list(raw["features"]) != list(FEATURES):
        raise ValueError(f"{_WEIGHTS.name}: features {raw['features']} are not {list(FEATURES)}")
    return tuple(float(w) for w in raw["weights"]), float(raw["intercept"]), float(raw["threshold"])


def probability(x: list[float]) -> float:
    w, b, _cut = model()
    z = b + sum(wi * xi for wi, xi in zip(w, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def score(x: list[float], link_threshold: float) -> float:
    """The pair's probability moved so that the model's cut lands on ``link_threshold``: the linker
    compares every scorer's output with one threshold."""
    return round(link_threshold + probability(x) - model()[2], 4)
