"""Rules of the place resolver that can be switched off by name, for ablations and cross-validation
(``scripts/cv_eval.py``, ``scripts/places_halves.py --disable RULE``).

Names: "article-anchor", "natural-feature", "shared-admin1" (round 4); "container-admin2", "demonym-led",
"kind-list", "town-admin1", "preceding-place", "either-admin", "major-city-inside", "inner-best" (round 5);
"national-markers", "town-in-county", "eponym", "county-abbrev", "following-place",
"state-homonym" (round 6); "inner-foreign" (round 7); "demonym-kind" (round 10); "demonym-hints" (round 12); "street-inner" (round 13); "direction-unit",
"title-case-word", "far-alternate" (round 15, places/doubtful.py); "us-local-places", "same-name-echo", "us-local-country" (round 17). docs/places.md says what each does.

The environment switches of the event-place rules act here too: ``EVENTWIRE_PLACE_RULES_OFF=far-alternate,...``
switches a resolver rule off for a whole run (``eventwire eval articles``), ``EVENTWIRE_PLACE_RULES_ON`` one on.
"""

from __future__ import annotations

import os


def env_rules(name: str) -> frozenset[str]:
    """The rule names of a comma-separated environment variable (EVENTWIRE_PLACE_RULES_OFF / _ON); the event-place
    rules (events/context.py) read the same two variables with it."""
    return frozenset(r.strip() for r in os.environ.get(name, "").split(",") if r.strip())


# "shared-admin1" was added after reading LGL dev documents and is off by default: on dev it gains 9 LGL
# mentions (0.8526 -> 0.8565) and none on GWN, but cross-validated over documents (scripts/cv_eval.py) it
# gains nothing, so it stays an opt-in (remove it from this set).
DISABLED_RULES: set[str] = set(({"shared-admin1"} - env_rules("EVENTWIRE_PLACE_RULES_ON")) | env_rules("EVENTWIRE_PLACE_RULES_OFF"))
