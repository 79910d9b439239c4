"""Name normalisation shared by the gazetteer build and the resolver.

Both sides must produce the same key for "St. Louis", "Saint-Louis" and "saint louis", so the one
function lives here and nowhere else.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘`´ʼʻ"
# "Twp." is how US local news abbreviates township ("West Chester Twp."), so it keys like the full word
_TOKEN_ALIASES = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port", "twp": "township"}
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
MAX_NAME_CHARS = 120  # no real toponym is longer; longer input is garbage and is not looked up


def norm_key(name: str) -> str:
    """Accent-, case- and punctuation-insensitive key; scripts other than Latin are kept as they are."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name[: MAX_NAME_CHARS * 2])
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    # "U.S." and "U.K." are spelt with dots that carry no word boundary
    text = re.sub(r"(?<=\w)\.(?=\w)", "", text)
    tokens = [t for t in _NON_WORD.sub(" ", text).split() if t]
    tokens = [_TOKEN_ALIASES.get(t, t) for t in tokens]
    return " ".join(tokens)[:MAX_NAME_CHARS]


# Generic words that name the kind of an administrative unit. Stripping them gives the core name
# ("Basra Governorate" -> "basra") and tells the resolver which level the writer meant.
ADMIN1_WORDS = (
    "governorate",
    "province",
    "provinces",
    "state",
    "region",
    "oblast",
    "krai",
    "kray",
    "prefecture",
    "canton",
    "emirate",
    "wilayah",
    "wilayat",
    "vilayet",
    "muhafazat",
    "mayorality",
    "autonomous region",
    "autonomous republic",
    "republic",
    "territory",
    "department",
    "departement",
    "division",
    "voivodeship",
    "county",
    "counties",
    "parish",
    "district",
    "municipality",
    "borough",
    "regional unit",
    "raion",
    "rayon",
    "sub district",
    "subdistrict",
    "ilce",
)
ADMIN2_WORDS = frozenset(
    {
        "county",
        "counties",
        "parish",
        "district",
        "borough",
        "municipality",
        "raion",
        "rayon",
        "sub district",
        "subdistrict",
        "regional unit",
    }
)
TOWN_WORDS = ("city", "town", "village", "township", "hamlet", "municipality")

_ADMIN_PREFIX = re.compile(
    r"^(?:muhafazat|mayorality of|province of|provincia de(?: la| los| las)?|provincia di|departement(?: de| du|"
    r" des| d)?|region(?: de| du| des| d)?|state of|oblast|misto|wilayat|wilaya de|wilaya d|distrito de|"
    r"estado de|municipio de|county of|city of|governorate of|district of|ostan e|ostan-e|"
    # GeoNames names many British, Canadian and Philippine units "<kind> of <name>" ("Borough of Oldham",
    # "Regional District of Alberni-Clayoquot", "City and Borough of Leeds"); news writes the bare name
    r"(?:royal |metropolitan |london |county )?borough of|city and (?:borough|county) of|regional district of|"
    r"(?:regional |district )?municipality of|chartered city of|commune of|prefecture of|town of|township of)\s+"
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:" + "|".join(sorted(ADMIN1_WORDS, key=len, reverse=True)) + r"|skaya oblast|ska oblast|"
    r"ska|ka oblast|s ka|ska oblast|oblasti|shi|ken|sheng|qu|gov|prov)$"
)


def core_key(key: str) -> str:
    """The key with generic admin words removed ("basra governorate" -> "basra"); may equal key."""
    stripped = _ADMIN_PREFIX.sub("", key)
    stripped = _ADMIN_SUFFIX.sub("", stripped)
    return stripped.strip() or key


# Words of direction and position: a unit named by them alone ("West", "Far North", "South" in Cameroon,
# Iceland and New Caledonia) is a reading nobody means when a text names "the West" or "the South" (shared by
# the actor resolver, actors/towns.py, and the place resolver's rule "direction-unit").
_DIRECTION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center",
    "middle", "mid", "far", "upper", "lower", "northeast", "northwest", "southeast", "southwest", "northeastern",
    "northwestern", "southeastern", "southwestern",
})


def names_a_direction(name: str) -> bool:
    """Whether a name is only words of direction ("the West", "Far North", "North-West"): a direction names
    no country by itself, whatever unit of a gazetteer bears it."""
    words = [w for w in name.lower().replace("-", " ").split() if w != "the"]
    return bool(words) and all(w in _DIRECTION_WORDS for w in words)
