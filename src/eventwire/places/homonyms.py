"""US towns named for a country ("Palestine, Texas", "Lebanon, Ohio", "Mexico, Mo."), read where a place name
stands in a party's context: named with its state right after it, the name is the town, not the country."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import ADMIN1, MAIN, TOWN
from .names import norm_key

if TYPE_CHECKING:
    from .resolver import PlaceResolver

# "Town, State" (the state one or two capitalised words; the comma is how US news names a town's state)
_TOWN_STATE = re.compile(r"^\s*([A-Za-z][\w.'\- ]*?),\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def us_town_with_state(text: str, places: PlaceResolver) -> bool:
    """``text`` opens with "Town, State" where State is a US state and Town a US town in it by its own name
    ("PALESTINE, Texas - ...", "Palestine, Texas"): a country's name there is the town's."""
    m = _TOWN_STATE.match(text)
    if m is None:
        return False
    try:
        states = {c.admin1 for c in places._lookup(norm_key(m.group(2)))
                  if c.cc == "US" and c.kind == ADMIN1 and c.how == MAIN}
        if not states:
            return False
        return any(c.cc == "US" and c.kind == TOWN and c.how == MAIN and c.admin1 in states
                   for c in places._lookup(norm_key(m.group(1))))
    except Exception:  # noqa: BLE001 - a gazetteer failure: no reading
        return False
