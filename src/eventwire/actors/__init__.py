"""Actors: a knowledge base (data files in actors/data/) and a resolver to country + PLOVER sector.

CONTRACT (used by the events stage; keep these signatures):

    resolver = ActorResolver.load()
    m = resolver.resolve("the Turkish Defense Ministry", context="...", date=None)
        # -> ActorMatch(name, country (ISO alpha-3 / IGO code), sector (PLOVER), wikidata, rule) | None
    resolver.is_news_source("Bloomberg") -> bool     # outlets are claim sources, not actors
    resolver.resolve_speaker_pronoun("our troops", speaker=ActorMatch(...)) -> ActorMatch | None

How a mention is read (docs/actors.md has the long form): the mention is normalised and every
n-gram is looked up in one alias index (persons, organisations, outlets, countries, capitals,
regions, demonyms, cities, role nouns). Longest spans win. The mention is cut into segments at
prepositions and commas that no match covers; the first segment holding a match is the head
("Russia's ambassador | to Poland"). A known person decides by the office held on the date; else
an organisation in the head; else the head's role noun gives the sector and the first place word
the country. Nothing matched means None: the resolver never guesses.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from . import learned
from .article import ArticleActors
from .describe import learned_description
from .hits import (
    _KIND_RANK,
    _OUTLET_FILLER,
    _PLACE_KINDS,
    _capital_in_name,
    _drop_other_bearers,
    _first,
    _head_role,
    _Hit,
    _named_outlets_only,
    _office_on,
    _org_sector,
    _possessed_role,
    _role_sector,
    _surnames_not_roles,
    _thin_compiled,
    _tier,
    _unexplained_run,
)
from .kb import AGENTS_FILE, COMPILED_FILES, WORDNET_FILE, Entry, KnowledgeBase, load, read_rows
from .match import ActorMatch
from .names import compound_acronym_starts, named_body_reading
from .near import OneEditIndex, TwoEditIndex
from .normalise import MAX_TOKENS, norm_token, tokens, tokens_cased
from .towns import REGION_MIN_POP, town_country, us_town_party, us_town_prefix

__all__ = ["ActorMatch", "ActorResolver", "ArticleActors"]


# Tokens that end the head noun phrase when no match covers them.
_BOUNDARY = frozenset(["of", "to", "in", "at", "for", "from", "with", "against", "near", "on", "by", "under", "inside", "outside", "into", ",", ";", "(", ")"])
_FIRST_PERSON = frozenset(["our", "we", "us", "my", "i", "ours"])
_FORMER = frozenset(["former", "ex", "onetime", "erstwhile"])
# Sectors that "former" turns into ELI (people who held a post): not for civilians or rebels.
_OFFICE_SECTORS = frozenset(["GOV", "MIL", "SPY", "COP", "JUD", "LEG"])
# What a person who held a state post may be called later in a title before the name: in opposition, a
# party's, a rebel movement's, a business's or a civic body's (title-over-former)
_LATER_TITLES = frozenset(["OPP", "PTY", "REB", "BUS", "NGO", "LAB", "REL", "EDU", "MED", "JRN"])
# Sectors a country from the article context may complete: domestic actors only.
# ELI too: a former official the KB does not know ("ex-lawmaker Juan Requesens") served the state the
# article is about, as a lawmaker named without a country would.
# Not UNK (round 15, tried): "a man", "the men" with the context country gave one more right recipient on the
# untouched dev articles and lost a same-incident link on field half B.
_CONTEXT_SECTORS = frozenset(["GOV", "MIL", "REB", "COP", "JUD", "LEG", "PTY", "OPP", "SPY", "CVL", "PRM", "CRM", "UAF", "MED", "EDU", "JRN", "BUS", "LAB", "AGR", "REL", "ELI"])
_FUZZY_KINDS = ("person", "org", "country", "demonym", "role")
# Sectors of the people a town names when it modifies them ("Bakhmut residents", "Uvalde students").
_TOWN_PEOPLE = frozenset(["CVL", "UNK", "REF", "EDU", "LAB", "AGR", "OPP"])
# Organisation kinds whose following head noun decides the sector ("NATO troops", "EU legislators").
_COMPOSABLE_ORGS = frozenset(["igo", "agency", "party"])
# learned-sector: the rules whose reading (a place, no sector) the word model may complete; the probability
# it needs (chosen on the compiled entries out of fold: 0.96 of names read at 0.7 are right,
# scripts/build_sector_words.py); labels it never gives (a person's name, a former official's post).
_LEARNED_AFTER = frozenset(["country", "demonym", "capital", "region", "city", "region-as-party", "capital-in-name"])
_LEARNED_MIN_P = 0.7
_LEARNED_NEVER = frozenset([learned.PERSON, "ELI"])
_FUZZY_MAX_TOKENS = 8
_FUZZY_CACHE = 50_000
_ANSWERS_MAX = 50_000
_UNSEEN = object()
# Near misses are read against curated spellings only: not compiled names, not composed head nouns.
_NO_FUZZY = frozenset([*COMPILED_FILES, AGENTS_FILE, WORDNET_FILE, "head_nouns.tsv"])


def _today() -> dt.date:
    return dt.date.today()


class ActorResolver:
    """Resolves actor mentions against the curated knowledge base (see module docstring)."""

    def __init__(self, kb: KnowledgeBase, disabled: frozenset[str] = frozenset()) -> None:
        self.kb = kb
        # Rules switched off by name (cross-validation of rules added after reading dev cases:
        # scripts/cv_eval.py); empty in normal use.
        self.disabled = disabled
        self._by_surname: dict[str, list[Entry]] | None = None
        self._fuzzy_keys = sorted(
            k for k, entries in kb.index.items()
            if len(k) >= 6 and any(e.kind in _FUZZY_KINDS and e.cased is None and e.source not in _NO_FUZZY
                                   for e in entries)
        )
        # Nearest fuzzy key per span: news repeats its phrases ("security forces", "the government") across
        # sentences and articles.
        self._fuzzy_best: dict[str, str | None] = {}
        self._near: OneEditIndex | None = None  # near.py: one edit (spans under 12 letters)
        self._near2: TwoEditIndex | None = None  # two edits (longer spans)
        self._answers: dict[tuple[str, str, dt.date, bool], ActorMatch | None] = {}  # resolve()'s, kept

    @classmethod
    def load(cls) -> ActorResolver:
        return _shared_resolver()

    # ------------------------------------------------------------ matching

    def _hits(self, text: str, prefer: frozenset[str] = frozenset()) -> tuple[list[str], list[_Hit]]:
        """Matches, longest first; ``prefer``: countries named around the mention, whose entry wins among
        entries of the same spelling ("PRI" in an article about Mexico)."""
        toks = tokens(text, MAX_TOKENS)
        cased = tokens_cased(text, MAX_TOKENS)
        found: list[_Hit] = []
        n = len(toks)
        for i in range(n):
            for length in range(min(self.kb.max_len, n - i), 0, -1):
                k = " ".join(toks[i:i + length])
                for e in self.kb.lookup(k):
                    if e.cased is not None:
                        surface = " ".join(cased[i:i + length])
                        # Exact case, or the whole span in capitals (headlines, wire slugs).
                        if surface != e.cased and not (surface.isupper() and surface == e.cased.upper()):
                            continue
                    found.append(_Hit(i, i + length, e, k))
        if "other-bearer" not in self.disabled:
            found = _drop_other_bearers(found, toks, cased)
        # Longest span first, then the more specific kind; keep non-overlapping hits.
        found.sort(key=lambda h: (-(h.end - h.start), _KIND_RANK[h.entry.kind], h.start,
                                  h.entry.country not in prefer))
        taken: list[_Hit] = []
        covered: set[int] = set()
        for h in found:
            span = set(range(h.start, h.end))
            if span & covered:
                continue
            taken.append(h)
            covered |= span
        taken.sort(key=lambda h: h.start)
        return toks, taken

    def _fuzzy_hits(self, toks: list[str], cased: list[str] | None = None) -> list[_Hit]:
        """Near misses ("Kazahks", "supremicists"): one edit (two for long strings), no guessing below."""
        if not toks or len(toks) > _FUZZY_MAX_TOKENS:
            return []
        for length in range(min(3, len(toks)), 0, -1):
            for i in range(len(toks) - length + 1):
                span = " ".join(toks[i:i + length])
                if len(span) < 6 or not span.replace(" ", "").isalpha():
                    continue
                best = self._fuzzy_best.get(span, "")  # "" never a key (spans have 6+ letters): not seen yet
                if best == "":
                    if len(self._fuzzy_best) >= _FUZZY_CACHE:  # a long-running worker: bounded memory
                        self._fuzzy_best.clear()
                    if len(span) < 12:  # one edit: through the index of deletion variants (near.py)
                        best = self._one_edit().nearest(span)
                    else:
                        best = self._two_edits().nearest(span)
                    self._fuzzy_best[span] = best
                if best is None:
                    continue
                entries = [e for e in self.kb.lookup(best)
                           if e.kind in _FUZZY_KINDS and e.cased is None and e.source not in _NO_FUZZY]
                if cased and len(cased) == len(toks) and any(t[:1].isupper() for t in cased[i:i + length]):
                    # a capitalised name the KB lacks ("Carter") is somebody, not a misspelt role ("cartel")
                    entries = [e for e in entries if e.kind != "role"]
                elif cased and len(cased) == len(toks):
                    # and a word written in lower case is no misspelt name ("the case" is not The Base)
                    entries = [e for e in entries if e.kind not in ("person", "org")]
                if entries:
                    entries.sort(key=lambda e: _KIND_RANK[e.kind])
                    return [_Hit(i, i + length, entries[0], best)]
        return []

    def _one_edit(self) -> OneEditIndex:
        """The keys a span of under 12 letters may be one edit from (6 to 12 letters), built on first use."""
        if self._near is None:
            self._near = OneEditIndex([k for k in self._fuzzy_keys if len(k) <= 12])
        return self._near

    def _two_edits(self) -> TwoEditIndex:
        """The keys a span of 12 letters or more may be two edits from, built on first use."""
        if self._near2 is None:
            self._near2 = TwoEditIndex(self._fuzzy_keys)
        return self._near2

    # ------------------------------------------------------------ resolution

    def resolve(self, text: str, context: str = "", date: dt.date | None = None) -> ActorMatch | None:
        """The knowledge base's reading of a mention (``context``: text naming the countries around it;
        ``date``: the day of the report, today when None).

        Answers are kept per resolver (news names the same parties article after article: 27% of the
        calls over 60 bench articles repeat one from an earlier article, round 16): a reading depends on
        the arguments, today's date when none is given, and the resolver's fixed knowledge base and
        switched-off rules only, and ActorMatch is frozen, so a kept answer is the one a new call gives.
        """
        key = (text, context, date or _today(), date is None)
        known = self._answers.get(key, _UNSEEN)
        if known is not _UNSEEN:
            return known  # type: ignore[return-value]
        match = self._resolve(text, context, date)
        if len(self._answers) >= _ANSWERS_MAX:  # a long-running worker: bounded memory
            self._answers.clear()
        self._answers[key] = match
        return match

    def _resolve(self, text: str, context: str, date: dt.date | None) -> ActorMatch | None:
        if not text or not text.strip():
            return None
        if "town-as-party" not in self.disabled and "," in text:
            if (town := us_town_party(text)) is not None:
                return ActorMatch(town, "USA", "CVL", None, f"place-as-party:{town}")
            if (town_body := us_town_prefix(text)) is not None:
                # "Palestine, Texas police": the town's police, so US whatever the country of the town's name
                body = self.resolve(town_body[1], date=date)
                if body is not None and body.sector and not body.name:
                    return ActorMatch(None, "USA", body.sector, None, f"{body.rule}+us-town:{town_body[0]}",
                                      body.sector_2)
        toks, hits = self._hits(text)
        hits = _surnames_not_roles(text, toks, _named_outlets_only(text, toks, hits))
        if any(h.end - h.start == 1 and h.entry.kind in ("org", "news") for h in hits):
            cased = tokens_cased(text, MAX_TOKENS)
            if len(cased) == len(toks):
                compound = compound_acronym_starts(text, [(h.start, h.end, " ".join(cased[h.start:h.end])) for h in hits])
                hits = [h for h in hits if h.start not in compound or h.entry.kind not in ("org", "news")]
        if any(_thin_compiled(h) for h in hits):
            # A surname, acronym or one-word name compiled from the Factbook ("Brown" is also a Cook
            # Islands prime minister, an acronym may be a small party elsewhere) counts only when the
            # mention or its context names the entry's country; with no context at all, an acronym
            # (written in capitals) is still the best reading the KB has.
            named = self._context_countries(f"{text} ; {context}" if context else text)
            if named:
                toks, hits = self._hits(text, prefer=frozenset(named))
            if "shared-acronym" in self.disabled:  # cross-validation: acronyms of one country only
                hits = [h for h in hits if not _thin_compiled(h)
                        or len({e.country for e in self.kb.lookup(h.span) if e.kind == "org"}) == 1]
            hits = [h for h in hits if not _thin_compiled(h) or h.entry.country in named
                    or (not context and h.entry.kind == "org" and (h.entry.cased or "").isupper())]
        titled = self._titled_surname(text, toks, hits, date or _today())
        if titled is not None:
            hits = sorted([*hits, titled], key=lambda h: h.start)
        fuzzy = False
        region = None
        if not hits and "region-as-party" not in self.disabled:
            # a region the index lacks, named alone ("Abkhazia", "Bavaria"): an exact gazetteer name
            # is a better reading than a near-miss spelling of something else
            region = self._region(text, toks, hits, None)
        if not hits and region is None:
            hits = self._fuzzy_hits(toks, tokens_cased(text))
            fuzzy = bool(hits)
        match = self._decide(toks, hits, date or _today(), undated=date is None) if hits else region
        if (match is not None and (match.rule or "").startswith("capital-metonym:")
                and "capital-in-name" not in self.disabled and _capital_in_name(text, toks, hits)):
            # "Tokyo Electric Holdings", "Tehran Times": a name holding the capital, not its government
            match = ActorMatch(match.name, match.country, None, None, f"capital-in-name:{match.name}")
        if (match is None or not match.rule or match.rule.split(":")[0] not in ("person", "org", "news")) \
                and "named-body" not in self.disabled:
            match = self._named_body(text, toks, hits, match) or match
        if match is not None and match.country is None and "town-as-party" not in self.disabled:
            match = self._town(text, toks, hits, match) or match
        if match is not None and match.country is None and hits and "region-as-party" not in self.disabled:
            match = self._region(text, toks, hits, match) or match
        if (match is None or match.sector is None) and not fuzzy and "learned-sector" not in self.disabled:
            match = self._learned(text, toks, hits, match) or match
        if (match is None or match.sector is None) and not fuzzy and "learned-description" not in self.disabled:
            match = learned_description(text, toks, hits, match) or match
        if match is None:
            return None
        if titled is not None and match.name == titled.entry.name:
            match = ActorMatch(match.name, match.country, match.sector, match.wikidata,
                               f"titled-surname:{match.rule}", match.sector_2)
        if fuzzy:
            match = ActorMatch(match.name, match.country, match.sector, match.wikidata,
                               f"fuzzy:{match.rule}", match.sector_2)
        if match.country is None and context and (match.sector in _CONTEXT_SECTORS):
            country = self._context_country(context)
            if country is not None:
                match = ActorMatch(match.name, country, match.sector, match.wikidata,
                                   f"{match.rule}+context-country", match.sector_2)
        if match.country is None and match.sector is None:
            return None
        return match

    def _decide(self, toks: list[str], hits: list[_Hit], day: dt.date, undated: bool = False) -> ActorMatch | None:
        covered = {i for h in hits for i in range(h.start, h.end)}
        # Segment number of every token: a new segment starts at each uncovered boundary token.
        seg_of: list[int] = []
        seg = 0
        for i, t in enumerate(toks):
            if t in _BOUNDARY and i not in covered:
                seg += 1
            seg_of.append(seg)
        head_seg = min(seg_of[h.start] for h in hits)
        head = [h for h in hits if seg_of[h.start] == head_seg]
        rest = [h for h in hits if seg_of[h.start] != head_seg]
        former = any(t in _FORMER for i, t in enumerate(toks) if seg_of[i] == head_seg)

        persons = [h for h in hits if h.entry.kind == "person"]
        if persons:
            p = persons[0]
            owned = _possessed_role(toks, p, head)
            if owned is not None:
                # "Bashar al-Assad's forces": the people the person commands, in the person's country.
                office = _office_on(p.entry.offices, day)
                country = (office.country if office else None) or p.entry.country
                sector, sector_2 = _role_sector(owned, head)
                if "inherit" in owned.entry.flags and office is not None:
                    sector, sector_2 = office.sector, office.sector_2
                return ActorMatch(None, country, sector, None, f"person:{p.entry.name}'s+role:{owned.span}",
                                  sector_2)
            return self._person(p.entry, day, head, rest, former, undated)

        orgs = [h for h in head if h.entry.kind in ("org", "news")]
        role = _head_role(head) or _head_role(rest)
        place = _first(head, _PLACE_KINDS) or _first(rest, _PLACE_KINDS)

        if orgs:
            org = orgs[-1].entry
            sector, sector_2 = _org_sector(org, day), org.sector_2
            rule = f"{org.kind}:{org.name}"
            head_role = _head_role([h for h in head if h.entry.kind == "role" and h.start >= orgs[-1].end])
            if role is not None and "override" in role.entry.flags:
                sector, sector_2 = role.entry.sector, role.entry.sector_2
                rule += f"+role:{role.span}"
            elif (head_role is not None and _tier(head_role.entry) == "full" and head_role.entry.sector
                  and org.kind == "org" and org.flags & _COMPOSABLE_ORGS and "head-noun" not in self.disabled):
                # The head noun after a state body, IGO or party decides the sector, the body the
                # country: "EU legislators" LEG, "NATO troops" MIL, "ANC lawmakers" LEG.
                sector, sector_2 = head_role.entry.sector, head_role.entry.sector_2
                rule += f"+head:{head_role.span}"
            country = org.country or (place.entry.country if place else None)
            name: str | None = org.name
            wikidata = org.wikidata
            # the country named last before the party's name in the head ("Japan's Liberal Democratic Party")
            named = next((h for h in reversed(head) if h.end <= orgs[-1].start and h.entry.kind in ("country", "demonym")
                          and not any(o.start >= h.end and o.end <= orgs[-1].start for o in orgs[:-1])), None)
            if (named is not None and ("party" in org.flags or self._foreign_body(toks, orgs[-1], sector)) and org.country and named.entry.country
                    and named.entry.country != org.country and "named-country-party" not in self.disabled):
                # "Kenyan Democratic Party", "Irish Labour Party": a party is its own country's; a country named
                # before another country's party name of the same words is that country's party
                country, name, wikidata = named.entry.country, None, None
                rule += f"+{named.entry.kind}:{named.entry.name}"
                composed = self._composed_head(orgs[-1]) if "party" not in org.flags else None
                if composed is not None:
                    # Rule "composed-head" (round 17): that country's body is read by its head noun, not by the
                    # other country's body of the same words ("Chile's Department of Defense" GOV+MIL, not the
                    # Pentagon's MIL)
                    sector, sector_2 = composed.sector, composed.sector_2
                    rule += f"+role:{orgs[-1].span}"
            if former and (sector in _OFFICE_SECTORS or org.kind == "org"):
                sector, sector_2, rule = "ELI", None, rule + "+former"
            return ActorMatch(name, country, sector, wikidata, rule, sector_2)

        if role is not None:
            sector, sector_2 = _role_sector(role, head)
            of_body = ""
            alone = not any(h.entry.kind in ("role", "org") and h is not role and "inherit" not in h.entry.flags
                            for h in head)
            if alone and "inherit" in role.entry.flags and role in head and "head-noun" not in self.disabled:
                # "the head of Kenya's electoral commission", "a spokesman for the Ethiopian army": a post of
                # the body named after "of" or "for" takes that body's sector, as "the army's spokesman" would
                nxt = seg_of[role.start] + 1
                after = [h for h in rest if seg_of[h.start] == nxt and h.entry.kind in ("role", "org")]
                start = next((i for i, sg in enumerate(seg_of) if sg == nxt), None)
                body = next((h for h in reversed(after) if "inherit" not in h.entry.flags), None)
                if body is not None and start is not None and toks[start] in ("of", "for"):
                    sector, sector_2 = (_org_sector(body.entry, day) if body.entry.kind == "org"
                                        else body.entry.sector), body.entry.sector_2
                    of_body = f"+{toks[start]}:{body.span}" if sector else ""
            country = place.entry.country if place else None
            if country is None:
                other = _first(rest, ("org", "news"))
                country = other.entry.country if other else None
            rule = f"role:{role.span}{of_body}"
            if place is not None:
                rule = f"{place.entry.kind}:{place.entry.name}+{rule}"
            if former and sector in _OFFICE_SECTORS:
                sector, sector_2, rule = "ELI", None, rule + "+former"
            return ActorMatch(None, country, sector, None, rule, sector_2)

        if place is not None:
            e = place.entry
            alone = place in head and head_seg == 0 and all(
                h is place or h.entry.kind == "role" for h in head
            )
            if e.kind == "capital" and alone:
                return ActorMatch(e.name, e.country, "GOV", None, f"capital-metonym:{e.name}")
            if e.kind == "breakaway":
                return ActorMatch(e.name, e.country, "PRE", None, f"breakaway:{e.name}")
            bare = all(i in range(place.start, place.end) or t in ("the", "'s") for i, t in enumerate(toks))
            if e.kind == "city" and alone and bare and "place-as-party" not in self.disabled:
                # A town or region used as a party ("Kharkiv", "Idlib") stands for its people.
                return ActorMatch(e.name, e.country, "CVL", None, f"place-as-party:{e.name}")
            return ActorMatch(e.name, e.country, None, None, f"{e.kind}:{e.name}")

        other = _first(hits, ("org", "news"))
        if other is not None:
            e = other.entry
            return ActorMatch(e.name, e.country, e.sector, e.wikidata, f"{e.kind}:{e.name}", e.sector_2)
        return None

    def _composed_head(self, org: _Hit) -> Entry | None:
        """The head-noun role of the same words as another country's body (head_nouns.tsv, roles.tsv), if any."""
        if "composed-head" in self.disabled:
            return None
        found = next((e for e in self.kb.lookup(org.span) if e.kind == "role" and e.sector and _tier(e) == "full"), None)
        return found or self.kb.head_nouns.get(org.span)

    def _foreign_body(self, toks: list[str], org: _Hit, sector: str | None) -> bool:
        """Rule "named-country-body": a state body whose name holds no word of its own country ("Department
        of State", "Ministry of Defence") named after another country's possessive or demonym is that
        country's body ("Nigeria's Department of State Services", "the Kenyan Ministry of Defence")."""
        if "named-country-body" in self.disabled or org.entry.kind != "org" or sector not in _OFFICE_SECTORS:
            return False
        generic = False  # a descriptive name any state's body may bear, not a name of its own ("Pentagon")
        for i in range(org.start, org.end):
            for j in range(i + 1, org.end + 1):
                found = self.kb.lookup(" ".join(toks[i:j]))
                if any(e.kind in ("country", "demonym", "capital") for e in found):
                    return False
                generic = generic or toks[i] in _state_heads()
        return generic

    def _named_body(self, text: str, toks: list[str], hits: list[_Hit], match: ActorMatch | None) -> ActorMatch | None:
        """A capitalised name no entry explains, read by its head and marker words (names.py)."""
        cased = tokens_cased(text, MAX_TOKENS)
        if len(cased) != len(toks):
            return None
        spans = [(h.start, h.end, h.entry.kind, h.entry.country) for h in hits]
        found = named_body_reading(cased, spans, match.sector if match else None)
        if found is None:
            return None
        rule, name, country, sector = found
        return ActorMatch(name, country, sector, None, f"named-body:{rule.kind}:{name}")

    def _town(self, text: str, toks: list[str], hits: list[_Hit], match: ActorMatch | None) -> ActorMatch | None:
        """A town the actor index does not know, read in the places gazetteer, naming where a role
        noun's people are ("Bakhmut residents", "villagers in Sderot"): the role's sector with the
        town's country. A town alone is left to the index's cities (a bare name in an article is
        mostly a place, and a small town's name often another country's town too)."""
        if match is None or not (match.rule or "").startswith("role:") or match.sector not in _TOWN_PEOPLE:
            # a person or a body without a country keeps it so (transnational groups); the police or a
            # ministry of a town the index lacks may be another country's town of that name ("the Delft
            # police station" in Cape Town): only the town's own people take its country (the issue's
            # "X residents" class)
            return None
        found = _unexplained_run(text, toks, hits)
        if found is None:
            return None
        name, s, e = found
        before = any(h.entry.kind == "role" and (h.start == e or h.start == e + 1 and toks[e] == "'s") for h in hits)
        after = s > 0 and toks[s - 1] in ("of", "in", "from", "at", "near")
        code = town_country(name) if before or after else None
        if code is None:
            return None
        return ActorMatch(match.name, code, match.sector, match.wikidata, f"{match.rule}+town:{name}", match.sector_2)

    def _region(self, text: str, toks: list[str], hits: list[_Hit], match: ActorMatch | None) -> ActorMatch | None:
        """A first-level region the actor index lacks (state, province, oblast: GeoNames admin1 units of
        100,000+ people whose country's unit of that name outweighs any other five times), named alone
        ("Abkhazia": its country, no sector, as a region the index holds) or next to a role noun
        ("Sindh police", "militants in Helmand": the role with the region's country). Unlike a town, a
        unit that large is rarely another country's place or a person's name, so any role may take it."""
        if match is not None and not (match.rule or "").startswith("role:"):
            return None  # a person or a body keeps its own country (or none: transnational groups)
        found = _unexplained_run(text, toks, hits)
        if found is None:
            return None
        name, s, e = found
        if match is None:
            if any(t not in ("the", "'s") for i, t in enumerate(toks) if not s <= i < e):
                return None  # "Bavaria" alone, not a name among unexplained words
            code = town_country(name, REGION_MIN_POP, region_only=True)
            return None if code is None else ActorMatch(name, code, None, None, f"region-as-party:{name}")
        before = any(h.entry.kind == "role" and (h.start == e or h.start == e + 1 and toks[e] == "'s") for h in hits)
        after = s > 0 and toks[s - 1] in ("of", "in", "from", "at", "near")
        code = town_country(name, REGION_MIN_POP, region_only=True) if before or after else None
        if code is None:
            return None
        return ActorMatch(match.name, code, match.sector, match.wikidata, f"{match.rule}+region:{name}", match.sector_2)

    def _learned(self, text: str, toks: list[str], hits: list[_Hit], match: ActorMatch | None) -> ActorMatch | None:
        """A name whose head word no entry explains, read by the word model learned from the compiled
        entries (learned.py): "Aboriginal Medical Services Alliance" MED. Only where the rules found a place
        at most (a person's or a body's reading is never changed), and only for a name, its head written
        with a capital: the compiled names are names, and a lower-case description they do not hold
        ("the US-led coalition") is not read as the name it resembles (a party coalition)."""
        if match is not None and (match.rule or "").split(":")[0] not in _LEARNED_AFTER:
            return None
        m = learned.model()
        if m is None or any(h.entry.kind not in _PLACE_KINDS for h in hits):
            return None
        places = {i for h in hits for i in range(h.start, h.end)}
        feats = learned.features(toks, places)
        if not feats:
            return None
        head = feats[-1][2:]  # the last word no place covers (features() ends on its head feature)
        cased = tokens_cased(text, MAX_TOKENS)
        at = max((i for i, t in enumerate(toks) if t == head and i not in places), default=-1)
        if len(cased) != len(toks) or at < 0 or not cased[at][:1].isupper():
            return None
        if len(toks) == 1:
            return None  # one word opening a sentence ("We", "Coalition"): its capital says nothing of a name
        if not (m.known(f"h:{head}") or m.known(f"w:{head}")):
            return None  # a head word the compiled names never used: nothing learned about it
        label, p = m.predict(feats)
        if p < _LEARNED_MIN_P or label in _LEARNED_NEVER:
            return None
        if label.startswith("="):  # an intergovernmental body: its code is the country
            if match is not None:
                return None
            return ActorMatch(None, label[1:], None, None, f"learned-sector:{label}:{head}@{p:.2f}")
        rule = f"learned-sector:{label}:{head}@{p:.2f}"
        if match is None:
            return ActorMatch(None, None, label, None, rule)
        # a body in that place, not the place: no name of its own in the knowledge base
        return ActorMatch(None, match.country, label, None, f"{match.rule}+{rule}")

    def _person(self, e: Entry, day: dt.date, head: list[_Hit], rest: list[_Hit], former: bool,
                undated: bool = False) -> ActorMatch:
        office = _office_on(e.offices, day)
        if office is not None and not former:
            country = office.country or e.country
            role = _head_role(head)
            if office.sector == "PTY" and role is not None and "title-over-party" not in self.disabled and _tier(role.entry) == "full" and role.entry.sector:
                # "Chief Minister X" for a party leader: the title in the text is the post held now.
                return ActorMatch(e.name, country, role.entry.sector, e.wikidata,
                                  f"person:{e.name}+role:{role.span}", role.entry.sector_2)
            return ActorMatch(e.name, country, office.sector, e.wikidata,
                              f"person:{e.name}:{office.role}@{office.start.isoformat()}", office.sector_2)
        held_before = [o for o in e.offices if o.start <= day]
        if held_before and not former:
            # "Defense Secretary Ash Carter": a title in the text is the post held when it was written,
            # whatever today's date says; an undated article ("on Tuesday") cannot make anyone former
            role = _head_role(head)
            if role is not None and role.entry.sector and role.entry.sector in _OFFICE_SECTORS:
                return ActorMatch(e.name, e.country, role.entry.sector, e.wikidata,
                                  f"person:{e.name}+title:{role.span}")
            if (role is not None and role.entry.sector in _LATER_TITLES and _tier(role.entry) == "full"
                    and "title-over-former" not in self.disabled):
                # "opposition leader Nelson Chamisa": a minister the sources list until 2013 is what the
                # text calls him when it was written, not a former official
                return ActorMatch(e.name, e.country, role.entry.sector, e.wikidata,
                                  f"person:{e.name}+title:{role.span}", role.entry.sector_2)
            if undated:
                last = held_before[-1]
                return ActorMatch(e.name, last.country or e.country, last.sector, e.wikidata,
                                  f"person:{e.name}:{last.role} (last office: the article gives no date)",
                                  last.sector_2)
        if held_before:
            return ActorMatch(e.name, e.country, "ELI", e.wikidata,
                              f"person:{e.name}:former-{held_before[-1].role}")
        # Before any listed office: the person is known but holds no post we know of.
        role = _head_role(head) or _head_role(rest)
        sector = role.entry.sector if role is not None else None
        return ActorMatch(e.name, e.country, sector, e.wikidata, f"person:{e.name}:no-office")

    def _context_countries(self, context: str) -> set[str]:
        _, hits = self._hits(context)
        return {h.entry.country for h in hits if h.entry.kind in _PLACE_KINDS and h.entry.country}

    def _context_country(self, context: str) -> str | None:
        _, hits = self._hits(context)
        codes = {h.entry.country for h in hits if h.entry.kind in _PLACE_KINDS and h.entry.country}
        return codes.pop() if len(codes) == 1 else None

    # ------------------------------------------------------------ the other two questions

    def is_outlet(self, text: str) -> bool:
        """True when the mention names a news outlet or agency (news_sources.tsv): a source of claims,
        never an actor or a recipient. Same test as ``is_news_source``."""
        return self.is_news_source(text)

    def outlet(self, text: str) -> ActorMatch | None:
        """The outlet a mention names, with its country ("Turkey's Daily Sabah" -> TUR JRN), or None."""
        if not self.is_news_source(text):
            return None
        _, hits = self._hits(text)
        e = next(h.entry for h in hits if h.entry.kind == "news")
        return ActorMatch(e.name, e.country, e.sector, None, f"news:{e.name}", e.sector_2)

    # ------------------------------------------------------------ people named with a title

    def _titled_surname(self, text: str, toks: list[str], hits: list[_Hit], day: dt.date) -> _Hit | None:
        """A title right before a lone capitalised surname ("Deputy Secretary Hicks", "Foreign Minister
        Lavrov"), the form reporters use after the first mention: the one person of that surname who
        holds, on the day, an office of the title's sector (in the country the mention names, if it
        names one). A surname alone names nobody (it is no alias), so two candidates mean None."""
        if "titled-surname" in self.disabled or any(h.entry.kind == "person" for h in hits):
            return None
        cased = tokens_cased(text, MAX_TOKENS)
        if len(cased) != len(toks):
            return None
        covered = {i for h in hits for i in range(h.start, h.end)}
        bare = [i for i, t in enumerate(cased) if i not in covered and t[:1].isupper() and t.isalpha()]
        if len(bare) != 1 or len(toks[bare[0]]) < 3:
            return None
        i = bare[0]
        title = next((h for h in hits if h.end == i and h.entry.kind == "role" and _tier(h.entry) == "full"
                      and h.entry.sector in _OFFICE_SECTORS), None)
        if title is None:
            return None
        named = {h.entry.country for h in hits if h.entry.kind in _PLACE_KINDS and h.entry.country}
        found: dict[tuple[str | None, str], Entry] = {}
        for e in self._surnames().get(toks[i], ()):
            office = _office_on(e.offices, day)
            if office is None or office.sector != title.entry.sector:
                continue
            if named and (office.country or e.country) not in named:
                continue
            found.setdefault((e.country, " ".join(tokens(e.name))), e)
        if len(found) != 1:
            return None
        return _Hit(i, i + 1, next(iter(found.values())), toks[i])

    def prepare(self) -> None:
        """Build now the indexes otherwise built on first use (events/preload.py says why)."""
        self._surnames()
        self._one_edit()
        self._two_edits()

    def _surnames(self) -> dict[str, list[Entry]]:
        """Office holders by the last word of their name, built on first use."""
        if self._by_surname is None:
            by: dict[str, list[Entry]] = {}
            seen: set[int] = set()
            for entries in self.kb.index.values():
                for e in entries:
                    if e.kind == "person" and e.offices and " " in e.name and id(e) not in seen:
                        seen.add(id(e))
                        # the last of tokens(e.name), without normalising the words before it
                        by.setdefault(norm_token(tokens_cased(e.name)[-1]), []).append(e)
            self._by_surname = by
        return self._by_surname

    def titled_person(self, text: str, date: dt.date | None = None,
                      context: str = "") -> tuple[str, ActorMatch] | None:
        """An unknown person introduced with a title or apposition ("Colombian Defense Minister Diego
        Molano", "Diego Molano, Colombia's defense minister"): (their name, what the title says).

        The name is the run of capitalised words the knowledge base does not explain; None when the
        mention has no such name or the title resolves to nothing. Keep the pair for the article
        (``ArticleActors``) so that later bare mentions ("Molano said") resolve the same way. ``context``
        completes the title's country as for any role noun ("Sheriff Greg Taylor" in a US article).
        """
        cased = tokens_cased(text, MAX_TOKENS)
        toks, hits = self._hits(text)
        if len(cased) != len(toks) or any(h.entry.kind == "person" for h in hits):
            return None
        covered = {i for h in hits for i in range(h.start, h.end)}
        # the comma-separated part of the mention each token is in: a comma the tokens drop still ends a
        # name ("Patrolman Jamie James, Katrina L. Chappell" names two people)
        part = [ci for ci, c in enumerate(text.split(",")) for _ in tokens_cased(c, MAX_TOKENS)]
        if len(part) != len(cased):
            part = [0] * len(cased)
        runs: list[list[int]] = []
        for i, t in enumerate(cased):
            if i not in covered and t[:1].isupper() and t.replace("-", "").replace(".", "").isalpha():
                if runs and runs[-1][-1] == i - 1 and part[i] == part[i - 1]:
                    runs[-1].append(i)
                else:
                    runs.append([i])
        runs = [r for r in runs if len(r) >= 2]
        if len(runs) > 1:
            # a place or body named in the title too ("Anderson County sheriff's deputy Ronnie Howell",
            # "Wafula Chebukati, head of Kenya's Independent Electoral Commission"): the name is the run
            # right after the title's role noun, else the run that opens the mention before its title
            role_ends = {h.end for h in hits if h.entry.kind == "role"}
            after = [r for r in runs if r[0] in role_ends]
            first_role = min((h.start for h in hits if h.entry.kind == "role"), default=len(cased))
            runs = after if len(after) == 1 else [r for r in runs[:1] if r[0] == 0 and r[-1] < first_role]
        if len(runs) != 1:
            return None
        match = self.resolve(text, context=context, date=date)
        if match is None or match.sector is None or not (match.rule or "").count("role:"):
            return None
        name = " ".join(cased[i] for i in runs[0])
        return name, ActorMatch(name, match.country, match.sector, None, f"titled:{match.rule}", match.sector_2)

    def is_news_source(self, text: str) -> bool:
        """True when the mention names a news outlet ("Reuters", "state-run Anadolu Agency")."""
        toks, hits = self._hits(text)
        news = [h for h in hits if h.entry.kind == "news"]
        if not news:
            return False
        covered = {i for h in hits for i in range(h.start, h.end)}
        others = [h for h in hits if h.entry.kind not in ("news", "country", "demonym", "role")]
        roles_ok = all(h.entry.sector in (None, "JRN", "GOV") for h in hits if h.entry.kind == "role")
        leftover = [t for i, t in enumerate(toks) if i not in covered and t not in _OUTLET_FILLER]
        return not others and roles_ok and not leftover

    def resolve_speaker_pronoun(self, text: str, speaker: ActorMatch | None) -> ActorMatch | None:
        """First-person mentions ("five of our troops") take the speaker's country.

        The noun keeps its own sector ("troops" -> MIL); a bare "we"/"our country" is the speaker.
        """
        if speaker is None:
            return None
        toks = tokens(text, MAX_TOKENS)
        if not any(t in _FIRST_PERSON for t in toks):
            return None
        _, hits = self._hits(text)
        role = _head_role(hits)
        if role is not None:
            sector, sector_2 = _role_sector(role, hits)
            if sector is not None and sector != "UNK":
                return ActorMatch(None, speaker.country, sector, None,
                                  f"speaker-pronoun:{role.span}", sector_2)
        return ActorMatch(speaker.name, speaker.country, speaker.sector, speaker.wikidata,
                          "speaker-pronoun:self", speaker.sector_2)


@lru_cache(maxsize=1)
def _state_heads() -> frozenset[str]:
    """The one-word head nouns of head_nouns.tsv's government bodies ("ministry", "department", "agency"); not
    its military units or groups ("Mali's Wagner Group" is still Russia's)."""
    out: set[str] = set()
    for _, row in read_rows("head_nouns.tsv"):
        if row["sector"] == "GOV":
            out.update(h for h in row["heads"].split("|") if h and " " not in h)
    return frozenset(out)


@lru_cache(maxsize=1)
def _shared_resolver() -> ActorResolver:
    return ActorResolver(load())
