"""Towns naming where a party's people are ("Bakhmut residents", "villagers in Sderot"): the country
comes from the places gazetteer (GeoNames, every place down to 500 inhabitants), which knows far more
towns than the actor index (cities of 150,000 and more).

Only a name the actor index leaves unexplained is looked up, only by the place's own name (an
alternate name makes "Google" a Californian locality and "Hamas" a German one), and only when one
country's place clearly outweighs every other country's place of that name: otherwise None, never a
guess. The gazetteer is opened on first use (an SQLite file; the events stage opens it anyway).
"""

from __future__ import annotations

from functools import lru_cache

from ..places.names import names_a_direction

# A modifier of a role noun ("Bakhmut residents") must name a place of this many people.
MODIFIER_MIN_POP = 10_000
# The chosen place must outnumber any other country's place of the same name this many times over.
DOMINANCE = 5
# A first-level region (state, province, oblast) named alone or before any role noun ("Abkhazia",
# "Sindh police") must hold this many people: large units are rarely another thing's name.
REGION_MIN_POP = 100_000
# Capitalised words that open a mention without naming anything.
_NOT_NAMES = frozenset(["the", "a", "an", "mr", "mrs", "ms", "dr", "some", "several", "many", "two", "three",
                        "local", "angry", "armed", "unknown", "unidentified", "suspected", "alleged"])


@lru_cache(maxsize=1)
def _places() -> object | None:
    try:
        from ..places import PlaceResolver

        return PlaceResolver.load()
    except Exception:  # noqa: BLE001 - no gazetteer (a bare install): the rule simply does not apply
        return None


@lru_cache(maxsize=4096)
def town_country(name: str, min_pop: int = MODIFIER_MIN_POP, region_only: bool = False) -> str | None:
    """ISO alpha-3 of the one country whose town, district or region of that own name has ``min_pop``
    people and outnumbers the other countries' places of the name ``DOMINANCE`` times; else None.
    ``region_only``: the dominant place must be a first-level region (state, province, oblast)."""
    import pycountry

    from ..places.gazetteer import ADMIN1, ADMIN2, CORE, MAIN, TOWN
    from ..places.names import norm_key

    resolver = _places()
    if resolver is None or not name.strip() or names_a_direction(name):
        return None
    # the place's own name, or that name without its generic word ("Tarlac" for "Province of Tarlac" and
    # "Tarlac City"): never an alternate name, which makes "Google" a Californian locality
    candidates = [c for c in resolver._lookup(norm_key(name))  # type: ignore[attr-defined]
                  if c.how in (MAIN, CORE) and c.kind in (TOWN, ADMIN1, ADMIN2)]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.pop)
    rival = max((c.pop for c in candidates if c.cc != best.cc), default=0)
    if best.pop < min_pop or best.pop < DOMINANCE * rival or (region_only and best.kind != ADMIN1):
        return None
    country = pycountry.countries.get(alpha_2=best.cc)
    return None if country is None else country.alpha_3


def unexplained_name(cased: list[str], covered: set[int]) -> tuple[int, int] | None:
    """The one run (1-3 tokens) of capitalised words no match covers, as (start, end); None when
    there is no such run or more than one."""
    runs: list[list[int]] = []
    for i, t in enumerate(cased):
        if i in covered or not t[:1].isupper() or not t.isalpha() or t.lower() in _NOT_NAMES:
            continue
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    if len(runs) != 1 or len(runs[0]) > 3:
        return None
    return runs[0][0], runs[0][-1] + 1


def _town_and_state(text: str) -> tuple[str, str] | None:
    """("Palestine, Texas", "police") for "Palestine, Texas police", ("Lebanon, Ohio", "") for "Lebanon, Ohio":
    a US town named for a country, with its state (one or two capitalised words), and what follows the state.
    None when the text does not open with such a town and its state."""
    from ..places.homonyms import us_town_with_state

    resolver = _places()
    head, sep, rest = text.strip().partition(",")
    words = rest.split()
    if resolver is None or not sep or "," in rest or not words:
        return None
    for n in (2, 1):  # "New Mexico", "Texas"
        state, after = words[:n], words[n:]
        if len(state) < n or not all(w[:1].isupper() and w.isalpha() for w in state):
            continue
        town = f"{head.strip()}, {' '.join(state)}"
        if us_town_with_state(town, resolver):  # type: ignore[arg-type]
            return town, " ".join(after)
    return None


def us_town_prefix(text: str) -> tuple[str, str] | None:
    """("Palestine, Texas", "police") for "Palestine, Texas police": a party named after a US town named for
    a country, with its state (the town's police, council, residents), is the town's and so US, never the
    country's. None when the text does not open with such a town and its state, or nothing follows it."""
    found = _town_and_state(text)
    return found if found and found[1] else None


def us_town_party(text: str) -> str | None:
    """The town of "Palestine, Texas" or "Lebanon, Ohio" named as a party: a US town named for a country,
    with its state, is the town (its people: US, civilian), never the country. The name, or None (also for
    a party named after the town, "Palestine, Texas police": us_town_prefix)."""
    found = _town_and_state(text)
    return text.strip() if found and not found[1] else None
