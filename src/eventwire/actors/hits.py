"""Matches of knowledge-base aliases in a mention (``_Hit``) and the pure functions that read them: which
hits stand (other bearers of a surname, outlets named without capitals, surnames that are role words), the
head role, a role's or an organisation's sector, the office held on a day. Moved out of ``__init__`` so the
resolver's decisions and the reading of hits can each grow without either file passing 800 lines."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .kb import COMPILED_FILES, COMPILED_ORGS, Entry, Office
from .normalise import MAX_TOKENS, tokens_cased
from .towns import unexplained_name


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entry: Entry
    span: str = ""  # the normalised text that matched (named in the rule)


_KIND_RANK = {
    "person": 0, "org": 1, "news": 2, "breakaway": 3, "country": 4, "capital": 5,
    "region": 6, "demonym": 7, "city": 8, "role": 9,
}
_PLACE_KINDS = ("country", "demonym", "capital", "region", "breakaway", "city")


_OUTLET_FILLER = frozenset(
    ["the", "a", "state", "run", "owned", "official", "pro", "government", "semi", "news", "agency", "agencies", "newspaper", "daily", "broadcaster", "channel", "tv", "television", "radio", "outlet", "website", "reported", "reports", "according", "'s"]
)


def _possessed_role(toks: list[str], person: _Hit, head: list[_Hit]) -> _Hit | None:
    """The role noun right after "<person>'s", if any (modifiers may stand between)."""
    if person.end >= len(toks) or toks[person.end] != "'s":
        return None
    after = [h for h in head if h.entry.kind == "role" and h.start > person.end and h.entry.sector != "UNK"]
    return after[0] if after else None


# Words that may stand before a bare surname without making it somebody else's ("Mr. Brown",
# "Secretary Kerry").
_HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "sheikh", "madam", "mister", "prof", "secretary",
     "minister", "president", "premier", "chancellor", "senator", "sen", "rep", "representative", "governor",
     "gov", "mayor", "gen", "general", "col", "colonel", "lt", "maj", "capt", "adm", "admiral", "judge",
     "justice", "ambassador", "envoy", "king", "queen", "prince", "princess", "emir", "sultan", "chief",
     "commander", "speaker", "leader", "chairman", "chairwoman", "spokesman", "spokeswoman", "deputy",
     "vice", "former", "ex", "acting", "interim", "pope", "ayatollah", "imam", "rev", "father", "bishop"]
)


# Words that open a mention capitalised without being part of a name ("The DEA", "The PAN").
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])


def _drop_other_bearers(found: list[_Hit], toks: list[str], cased: list[str]) -> list[_Hit]:
    """A bare surname right after a given name the KB does not pair with it names someone else:
    "Adam Curtis Brown" is not Prime Minister Mark Brown, "Gordon Brown" neither."""
    if len(cased) != len(toks):
        return found
    starts = {h.start for h in found if h.entry.kind != "person"}
    ends = {h.end for h in found}
    covered = {i for h in found for i in range(h.start, h.end)}

    def bare_capital(i: int) -> bool:  # a capitalised word no entry explains ("The" opening a mention is none)
        return 0 <= i < len(toks) and cased[i][:1].isupper() and i not in covered and toks[i] not in _DETERMINERS

    out = []
    for h in found:
        if (h.entry.kind == "person" and h.end - h.start == 1 and h.start > 0 and " " in h.entry.name
                and cased[h.start - 1][:1].isupper() and toks[h.start - 1] not in _HONORIFICS
                and h.start not in ends and (h.start - 1) not in starts):
            continue
        if (h.entry.source in COMPILED_ORGS and h.end - h.start == 1
                and (bare_capital(h.start - 1) or bare_capital(h.end))):
            continue  # "Cooperation" inside "Japan International Cooperation Agency"
        out.append(h)
    return out


def _unexplained_run(text: str, toks: list[str], hits: list[_Hit]) -> tuple[str, int, int] | None:
    """The capitalised run of the mention that no KB hit explains (a town's or a region's name), with its
    token span; None when the mention has none or its cased tokens do not line up with ``toks``."""
    cased = tokens_cased(text, MAX_TOKENS)
    if len(cased) != len(toks):
        return None
    run = unexplained_name(cased, {i for h in hits for i in range(h.start, h.end)})
    if run is None:
        return None
    s, e = run
    return " ".join(cased[s:e]), s, e


def _thin_compiled(h: _Hit) -> bool:
    """A compiled entry matched by one word: an acronym ("IRA"), a one-word name ("Likud"), a surname
    ("Brown" is also a Cook Islands prime minister)."""
    return h.entry.source in COMPILED_FILES and h.end - h.start == 1


# Role words that are also surnames (data/surname_roles.tsv) and the words before one that leave it a title
# ("The King", "Our Bishop").
_SURNAME_ROLES = frozenset(
    w for line in (Path(__file__).with_name("data") / "surname_roles.tsv").read_text(encoding="utf-8").splitlines()
    if (w := line.strip()) and not w.startswith("#") and w != "word")  # comments and the header left out
_TITLE_OPENERS = frozenset({"the", "a", "an", "our", "his", "her", "their", "its", "my", "your", "former", "late",
                            "then", "new", "acting", "deputy", "vice", "chief", "grand", "supreme", "senior"})


def _surnames_not_roles(text: str, toks: list[str], hits: list[_Hit]) -> list[_Hit]:
    """A one-word role written with a capital right after a capitalised name the KB does not know is a
    surname, not a title: "Jaime King", "Larry King", "John Bishop" (a title comes before the name:
    "King Salman", "Saudi King Salman", whose "Saudi" the KB knows, "Anderson County Sheriff Greg Taylor",
    whose role word a capitalised name follows)."""
    if not any(h.entry.kind == "role" and h.end - h.start == 1 for h in hits):
        return hits
    cased = tokens_cased(text, MAX_TOKENS)
    if len(cased) != len(toks):
        return hits
    covered = {i for h in hits for i in range(h.start, h.end)}

    def surname(h: _Hit) -> bool:
        i = h.start
        if h.entry.kind != "role" or h.end - i != 1 or i == 0 or not cased[i][:1].isupper():
            return False
        if toks[i] not in _SURNAME_ROLES:
            return False
        nxt = cased[i + 1] if i + 1 < len(cased) else ""
        if nxt[:1].isupper() and nxt.isalpha() and i + 1 not in covered:
            return False  # a name follows: a title after a place ("Harris County Judge Lina Hidalgo")
        prev = cased[i - 1]
        return (prev[:1].isupper() and prev.isalpha() and i - 1 not in covered
                and prev.lower() not in _TITLE_OPENERS)

    return [h for h in hits if not surname(h)]


def _named_outlets_only(text: str, toks: list[str], hits: list[_Hit]) -> list[_Hit]:
    """An outlet is named with capitals: "the liberation of Sinjar" and "the times of war" name no newspaper."""
    if not any(h.entry.kind == "news" for h in hits):
        return hits
    cased = tokens_cased(text, MAX_TOKENS)
    if len(cased) != len(toks):
        return hits

    def named(h: _Hit) -> bool:
        words = [w for w in cased[h.start:h.end] if w.lower() not in {"the", "of", "and", "'s", "de", "al"}]
        return all(w[:1].isupper() or not w[:1].isalpha() for w in words)

    return [h for h in hits if h.entry.kind != "news" or named(h)]


def _first(hits: list[_Hit], kinds: tuple[str, ...]) -> _Hit | None:
    return next((h for h in hits if h.entry.kind in kinds), None)


def _head_role(hits: list[_Hit]) -> _Hit | None:
    """The role noun that heads the phrase: the rightmost full role, else a rank, else a person noun."""
    roles = [h for h in hits if h.entry.kind == "role"]
    if not roles:
        return None
    for tier in ("full", "weak", "inherit"):
        tiered = [h for h in roles if _tier(h.entry) == tier]
        if tiered:
            return tiered[-1]
    return roles[-1]


def _tier(e: Entry) -> str:
    if "inherit" in e.flags:
        return "inherit"
    if "weak" in e.flags or e.sector == "UNK":
        return "weak"
    return "full"


def _role_sector(role: _Hit, hits: list[_Hit]) -> tuple[str | None, str | None]:
    e = role.entry
    if "inherit" in e.flags:
        # "spokesman", "official": the sector of whoever they speak for, else their own default.
        for h in reversed(hits):
            if h.entry.kind in ("role", "org") and h is not role and "inherit" not in h.entry.flags:
                return h.entry.sector, h.entry.sector_2
    return e.sector, e.sector_2


def _org_sector(e: Entry, day: dt.date) -> str | None:
    sector = e.sector
    for start, changed in e.periods:
        if start <= day:
            sector = changed
    return sector


def _office_on(offices: tuple[Office, ...], day: dt.date) -> Office | None:
    current = [o for o in offices if o.covers(day)]
    if not current:
        return None
    # The latest-begun post is the one a reporter would name (a PM who also leads a party); a state
    # office outranks a party leadership begun later (a president who takes over the party).
    return max(current, key=lambda o: (o.sector != "PTY", o.start))


def _capital_in_name(text: str, toks: list[str], hits: list[_Hit]) -> bool:
    """A capital written next to a capitalised word no entry explains is part of a name ("Tokyo Electric
    Holdings", "Tehran Stock Exchange"), not the metonym for a government ("Ankara said")."""
    cased = tokens_cased(text, MAX_TOKENS)
    capital = next((h for h in hits if h.entry.kind == "capital"), None)
    if capital is None or len(cased) != len(toks):
        return False
    covered = {i for h in hits for i in range(h.start, h.end)}
    return any(0 <= i < len(toks) and i not in covered and cased[i][:1].isupper() and cased[i].isalpha()
               and toks[i] not in _DETERMINERS for i in (capital.start - 1, capital.end))
