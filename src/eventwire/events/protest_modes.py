"""ACLED's protest and riot sub-event types, and PLOVER's protest mode, from the words of a sentence.

A protest's ACLED sub-event type is not in its trigger: "protesters marched" is the same trigger whether
the march stayed peaceful, was dispersed with tear gas, or was met with live fire, or whether the
marchers burned cars. ACLED's codebook tells the five apart by what the demonstrators did and what was
done to them; the word sets for each are data (data/acled_protest_words.tsv, with the definitions).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Final

DATA: Final = Path(__file__).with_name("data") / "acled_protest_words.tsv"
SETS: Final = ("protest", "riot", "mob", "excessive_force", "intervention", "clash", "destruction")

PEACEFUL: Final = "Peaceful protest"
INTERVENTION: Final = "Protest with intervention"
EXCESSIVE_FORCE: Final = "Excessive force against protesters"
VIOLENT: Final = "Violent demonstration"
MOB: Final = "Mob violence"
# The sub-event types of ACLED's Protests and Riots event types.
PROTEST_SUB_EVENTS: Final = frozenset({PEACEFUL, INTERVENTION, EXCESSIVE_FORCE, VIOLENT, MOB})


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """One compiled alternation per word set of the data file."""
    alternatives: dict[str, list[str]] = {name: [] for name in SETS}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("set\t"):
            continue
        name, pattern = line.split("\t", 1)
        if name not in alternatives:
            raise ValueError(f"{DATA.name}: unknown word set {name!r}")
        alternatives[name].append(pattern)
    return {name: re.compile(r"\b(?:" + "|".join(alts) + r")", re.IGNORECASE) for name, alts in alternatives.items()}


def has(name: str, text: str) -> bool:
    return patterns()[name].search(text) is not None


def protest_sub_event(text: str, *, is_protest: bool = False) -> tuple[str, float, str] | None:
    """(ACLED sub-event type, score, rule) of a protest or riot described by ``text``, else None.

    ``is_protest``: the caller already knows a demonstration took place (the event coder found a PROTEST
    trigger), so the demonstration words need not be in ``text`` for the intervention/force/riot words
    to apply. Precedence is the codebook's: lethal force against demonstrators first, then violence by
    the demonstrators, then an intervention, else a peaceful protest.
    """
    protest = is_protest or has("protest", text)
    riot, mob = has("riot", text), has("mob", text)
    if not (protest or riot or mob):
        return None
    if protest and has("excessive_force", text):
        return EXCESSIVE_FORCE, 0.8, "protest-excessive-force"
    if mob and not protest:
        return MOB, 0.75, "mob-violence"
    if riot or (protest and (has("clash", text) or has("destruction", text))):
        return VIOLENT, 0.75, "riot-violent-demonstration"
    if has("intervention", text):
        return INTERVENTION, 0.75, "protest-intervention"
    if mob:
        return MOB, 0.6, "mob-violence"
    return PEACEFUL, 0.7, "protest-peaceful"


def plover_protest_mode(text: str, mode: str | None) -> str | None:
    """PLOVER's PROTEST mode given the sentence: demonstrators' violence makes it a riot (PLOVER manual,
    PROTEST/riot), whatever word triggered the event; other modes (strike, hunger, boycott) stand.
    The caller knows the sentence reports a demonstration, so destruction words count here."""
    if mode in (None, "demo", "obstruct") and (has("riot", text) or has("destruction", text)):
        return "riot"
    return mode
