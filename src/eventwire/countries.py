"""ISO 3166-1 code conversions shared by the stages (actors speak alpha-3, places alpha-2)."""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=512)
def alpha2_to_3(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.alpha_3 if c else None


@lru_cache(maxsize=512)
def alpha3_to_2(alpha3: str) -> str | None:
    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return c.alpha_2 if c else None


@lru_cache(maxsize=512)
def official_name(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.name if c else None
