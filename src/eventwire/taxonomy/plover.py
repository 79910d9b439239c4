"""PLOVER: the 16 event types, their modes, the contexts and the quad classes.

Source: the PLOVER manual and CAMEO2PLOVER table (openeventdata/PLOVER, CC BY-SA 4.0), as summarised in
shared/reference/README.md. Modes are the ones the manual lists per type; a few older spellings found in
the 2021 conversion table (``assassinate``, ``massacre``, ``ease``) are not PLOVER modes and are left out.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

VERBAL_COOPERATION: Final = 1
MATERIAL_COOPERATION: Final = 2
VERBAL_CONFLICT: Final = 3
MATERIAL_CONFLICT: Final = 4

QUAD_CLASS_NAMES: Final = MappingProxyType(
    {
        VERBAL_COOPERATION: "verbal cooperation",
        MATERIAL_COOPERATION: "material cooperation",
        VERBAL_CONFLICT: "verbal conflict",
        MATERIAL_CONFLICT: "material conflict",
    }
)

# type -> (quad class, modes). Order follows the manual so listings read like it.
_TYPES: Final[dict[str, tuple[int, tuple[str, ...]]]] = {
    "AGREE": (VERBAL_COOPERATION, ()),
    "CONSULT": (VERBAL_COOPERATION, ("visit", "third-party", "multilateral", "phone")),
    "SUPPORT": (VERBAL_COOPERATION, ()),
    "CONCEDE": (VERBAL_COOPERATION, ()),
    "COOPERATE": (MATERIAL_COOPERATION, ()),
    "AID": (MATERIAL_COOPERATION, ()),
    "RETREAT": (MATERIAL_COOPERATION, ("withdraw", "release", "disarm", "ceasefire", "access", "resign")),
    "REQUEST": (VERBAL_CONFLICT, ("assist", "change", "yield", "meet")),
    "ACCUSE": (VERBAL_CONFLICT, ("disapprove", "investigate", "allege")),
    "REJECT": (VERBAL_CONFLICT, ("assist", "change", "yield", "meet")),
    "THREATEN": (
        VERBAL_CONFLICT,
        ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    ),
    "PROTEST": (
        MATERIAL_CONFLICT,
        ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    ),
    "SANCTION": (MATERIAL_CONFLICT, ("convict", "expel", "withdraw", "discontinue")),
    "MOBILIZE": (MATERIAL_CONFLICT, ("troops", "weapons", "police", "militia")),
    "COERCE": (
        MATERIAL_CONFLICT,
        (
            "seize",
            "restrict",
            "censor",
            "curfew",
            "martial-law",
            "arrest",
            "deport",
            "withhold",
            "misinformation",
            "cyber",
        ),
    ),
    "ASSAULT": (
        MATERIAL_CONFLICT,
        (
            "abduct",
            "beat",
            "torture",
            "sexual",
            "targeted",
            "destroy",
            "primitive",
            "firearms",
            "explosives",
            "suicide-attack",
            "aerial",
            "drone",
            "heavy-weapons",
            "crowd-control",
            "unconventional",
        ),
    ),
}

PLOVER_TYPES: Final[tuple[str, ...]] = tuple(_TYPES)

# Types whose events need a recipient to be codable (manual: "needs a recipient").
NEEDS_RECIPIENT: Final = frozenset({"COOPERATE", "AID", "SANCTION"})
# the statements a side makes against another (PLOVER quad class 3): REQUEST, ACCUSE, REJECT, THREATEN
VERBAL_CONFLICT_TYPES: Final = frozenset(t for t, (quad, _) in _TYPES.items() if quad == VERBAL_CONFLICT)

PLOVER_CONTEXTS: Final[tuple[str, ...]] = (
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights",
    "rights_freedoms", "repression", "human_security", "gender", "lgbt", "religion_ethnicity",
    "inequality", "diplomatic", "territory", "peacekeeping", "health", "asylum", "migration",
    "disasters", "natural_resource", "environment", "technology", "terrorism", "cbrn", "cyber",
    "misinformation", "crime", "corruption", "illegal_drugs", "trafficking",
)  # fmt: skip

PLOVER_SECTORS: Final[tuple[str, ...]] = (
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
)  # fmt: skip


def is_plover_type(name: str | None) -> bool:
    """True for one of the 16 PLOVER event types (upper case, as the manual spells them)."""
    return name in _TYPES


def plover_modes(plover_type: str) -> tuple[str, ...]:
    """The modes PLOVER defines for a type; empty for types without modes, KeyError for unknown types."""
    return _TYPES[plover_type][1]


def is_plover_mode(plover_type: str, mode: str | None) -> bool:
    """True when ``mode`` is None (no mode) or one of the type's modes."""
    return is_plover_type(plover_type) and (mode is None or mode in _TYPES[plover_type][1])


def is_plover_context(name: str) -> bool:
    return name in PLOVER_CONTEXTS


def quad_class(plover_type: str) -> int:
    """Quad class 1..4 (verbal/material cooperation/conflict) of a PLOVER type; KeyError if unknown."""
    return _TYPES[plover_type][0]
