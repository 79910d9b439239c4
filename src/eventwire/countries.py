"""ISO 3166-1 codes and country names, shared by the stages (actors speak alpha-3, places alpha-2)
and by the filters: one resolver for codes, official, common and former names.

Names come from pycountry (name, official and common names) plus ``country_aliases.tsv``, a small
table of the names people actually write ("Turkey", "Russia", "Burma", "DRC") that ISO does not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import pycountry

ALIASES_FILE = Path(__file__).with_name("country_aliases.tsv")
# Codes in use that ISO has not assigned (user-assigned range), accepted as codes.
EXTRA_CODES = {"XK": "XKX"}


@lru_cache(maxsize=512)
def alpha2_to_3(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.alpha_3 if c else EXTRA_CODES.get(alpha2.upper())


@lru_cache(maxsize=512)
def alpha3_to_2(alpha3: str) -> str | None:
    c = pycountry.countries.get(alpha_3=alpha3.upper())
    if c:
        return str(c.alpha_2)
    return next((a2 for a2, a3 in EXTRA_CODES.items() if a3 == alpha3.upper()), None)


@lru_cache(maxsize=512)
def official_name(alpha2: str) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2.upper())
    return c.name if c else None


def _key(name: str) -> str:
    """Case, accents and punctuation folded: "Türkiye", "turkiye" and "TURKIYE" are one key."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@cache
def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                out.setdefault(_key(value), c.alpha_2)
    for line in ALIASES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name = line.split("\t", 1)
        out[_key(name)] = code.strip().upper()
    return out


@lru_cache(maxsize=4096)
def resolve_country(value: str) -> str | None:
    """ISO alpha-2 for an alpha-2 or alpha-3 code, an ISO, common or former name; None if unknown."""
    v = value.strip()
    if len(v) == 2 and v.isalpha():
        code = v.upper()
        if pycountry.countries.get(alpha_2=code) or code in EXTRA_CODES:
            return code
    if len(v) == 3 and v.isalpha():
        a2 = alpha3_to_2(v)
        if a2:
            return a2
    return _names().get(_key(v))


__all__ = ["alpha2_to_3", "alpha3_to_2", "official_name", "resolve_country"]
