"""What the resolver answers: ``ActorMatch`` (kept apart so the modules that read matches can share it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ActorMatch:
    name: str | None
    country: str | None
    sector: str | None
    wikidata: str | None = None
    rule: str | None = None
    sector_2: str | None = None  # a secondary sector (Defense Minister: GOV + MIL), as NGEC's code_2
