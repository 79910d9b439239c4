"""ACLED: the 6 event types and 25 sub-event types (ACLED codebook, as in shared/reference/README.md)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

BATTLES: Final = "Battles"
EXPLOSIONS: Final = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS: Final = "Violence against civilians"
PROTESTS: Final = "Protests"
RIOTS: Final = "Riots"
STRATEGIC_DEVELOPMENTS: Final = "Strategic developments"

_TREE: Final[dict[str, tuple[str, ...]]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC_DEVELOPMENTS: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

ACLED_EVENT_TYPES: Final[tuple[str, ...]] = tuple(_TREE)
ACLED_SUB_EVENT_TYPES: Final[tuple[str, ...]] = tuple(s for subs in _TREE.values() for s in subs)
ACLED_TREE: Final = MappingProxyType(_TREE)
_PARENT: Final = MappingProxyType({s: t for t, subs in _TREE.items() for s in subs})

# ACLED's disorder types group event types; "Strategic developments" stands apart.
DISORDER_TYPE: Final = MappingProxyType(
    {
        BATTLES: "Political violence",
        EXPLOSIONS: "Political violence",
        VIOLENCE_AGAINST_CIVILIANS: "Political violence",
        RIOTS: "Political violence; Demonstrations",
        PROTESTS: "Demonstrations",
        STRATEGIC_DEVELOPMENTS: "Strategic developments",
    }
)


def is_acled_event_type(name: str | None) -> bool:
    return name in _TREE


def is_acled_sub_event_type(name: str | None) -> bool:
    return name in _PARENT


def acled_event_type(sub_event_type: str) -> str:
    """The event type a sub-event type belongs to, e.g. "Air/drone strike" -> "Explosions/Remote violence".

    Raises KeyError for a name that is not one of the 25 sub-event types.
    """
    return _PARENT[sub_event_type]
