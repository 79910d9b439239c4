"""Places: an offline GeoNames gazetteer and a context-aware toponym resolver.

CONTRACT (used by the events stage; keep these signatures):

    resolver = PlaceResolver.load()          # loads the compiled gazetteer once (cached on disk)
    places = resolver.resolve_document(text, mentions, hint_countries=("SY",))
        # mentions: list of (start, end, label) toponym candidates (spaCy GPE/LOC/FAC entities and
        # anything else the caller found), offsets into text. Returns one Place per mention, in
        # order, each with start/end set. Unresolvable mentions come back as Place(text=..., lat=None,
        # precision=None, reason="...") - never dropped, never raising.
    place = resolver.resolve(text, context=PlaceContext(countries=("SY",)))  # one toponym
    resolver.country(alpha2_or_name) -> Place | None   # a country as a Place (precision "country")

The gazetteer is compiled on first use from GeoNames data shipped in PyPI packages (see
``gazetteer``) into a SQLite file under the user cache directory; docs/places.md describes both.
"""

from __future__ import annotations

from .gazetteer import cache_dir, ensure_built, gazetteer_path
from .resolver import PlaceContext, PlaceResolver, haversine_km

__all__ = ["PlaceContext", "PlaceResolver", "cache_dir", "ensure_built", "gazetteer_path", "haversine_km"]
