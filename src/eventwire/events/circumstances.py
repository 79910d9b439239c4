"""The circumstances of a draft event: its size (dead, injured, arrested) and place, read from the
trigger's clause, its sentence and the article around it (its date: events/dating.py). EventCoder (events/coder.py) inherits this through
ArgumentsMixin (events/arguments.py), which fills the event's parties."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from ..countries import alpha3_to_2
from ..numbers import count_with_context
from ..records import ActorRef, Place, Size
from . import casualties as cw
from . import place_anaphora as pa
from . import place_fallback as pf
from .common import LEFT_DEAD, Draft
from .context import FOCUS_RULES_OFF, SINGLE_PLACE, ArticleContext
from .syntax import (
    _best_place,
    _captured,
    _conjuncts,
    _count_np,
    _reduced_passive,
    _safe,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..places import PlaceResolver
    from .arguments import ArgumentsMixin

# PLOVER's verbal types: said, not done, and often told with no place of their own
VERBAL_TYPES = frozenset({"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "CONSULT", "THREATEN", "AGREE", "COOPERATE"})


class CircumstancesMixin:
    """The size and place part of EventCoder's reading of a draft (ArgumentsMixin inherits it)."""

    places: PlaceResolver

    # ---------------------------------------------------------------- size
    def _size(self, d: Draft, sent: Span) -> Size:
        dead = injured = arrested = None
        dead_lb = inj_lb = False
        vague: list[str] = []
        quantities: list[tuple[str, int]] = []
        seen_t: set[int] = set()
        for t in d.triggers:
            if t.i in seen_t:
                continue
            seen_t.add(t.i)
            lemma = t.lemma_.lower()
            # "fatally shot", "was shot dead", "stabbed to death": a wounding verb whose outcome is death
            fatal = lemma in {"shoot", "stab", "beat", "gun", "hack", "strike", "hit"} and any(
                (c.dep_ == "advmod" and c.lower_ == "fatally")
                or (c.dep_ in {"oprd", "acomp", "xcomp", "advmod"} and c.lower_ == "dead")
                or (c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children))
                for c in t.children
            )
            # the casualty words (data/casualty_words.tsv): "slaughtered 49 people", "the killing of three"
            harm = cw.verb_kind(lemma) if t.pos_ in {"VERB", "AUX"} else cw.NOUNS.get(lemma)
            kind = (
                "dead" if fatal else harm if harm in {"dead", "injured"}
                else "arrested" if lemma in {"arrest", "detain"}
                else None
            )
            victims = _victims_of(t)
            if kind in {"dead", "injured"}:
                victims = victims or cw.of_victims(t) or cw.fate_victims(t)
            count = cw.people_count if kind in {"dead", "injured"} else _count_np
            total, lb = None, False
            for v in victims:
                for h in _conjuncts(v):
                    c = count(h)
                    if c is None:
                        continue
                    if c.vague:
                        vague.append(c.vague)
                        continue
                    if c.value is not None:
                        total = (total or 0) + c.value
                        lb = lb or c.lower_bound
            if kind is None:
                if total is not None and victims:
                    quantities.append((f"{victims[0].lemma_.lower()}_{lemma}", total))
                continue
            if kind == "dead" and total is not None:
                dead, dead_lb = (dead or 0) + total, dead_lb or lb
            elif kind == "injured" and total is not None:
                injured, inj_lb = (injured or 0) + total, inj_lb or lb
            elif kind == "arrested" and total is not None:
                arrested = (arrested or 0) + total
        # "an attack that left 5 soldiers killed", "killing 6 civilians" hanging off a nominal
        if dead is None and d.nominal:
            for c in d.trigger.subtree:
                if c.lemma_.lower() in {"kill", "die"} and c.i != d.trigger.i:
                    for v in [x for x in c.children if x.dep_ in {"dobj", "nsubjpass", "nsubj"}]:
                        cnt = _count_np(v)
                        if cnt and cnt.value is not None:
                            dead, dead_lb = cnt.value, cnt.lower_bound
        if dead is None and not d.nominal:
            # "attacked a checkpoint, leaving seven soldiers dead": the attack's own clause of outcome
            dead, dead_lb = cw.left_dead(d.trigger) or (None, False)
            for v in cw.governing_victims(d.trigger):
                cnt = cw.people_count(v)
                if dead is None and cnt is not None and cnt.value is not None:
                    dead, dead_lb = cnt.value, cnt.lower_bound
        if dead is None and d.nominal:
            tail = sent.text[d.trigger.idx - sent.start_char:]
            m = LEFT_DEAD.search(tail)
            if m:
                cnt = count_with_context(m.group("n") or m.group("n2"), m.group("pre") or m.group("pre2") or "")
                if cnt.value is not None:
                    dead, dead_lb = cnt.value, cnt.lower_bound
        if d.plover_type == "ASSAULT" and (dead is None or injured is None):
            # "the agency reported at least 83 dead and 178 wounded": a toll the attack's sentence counts
            tolls = cw.counted_tolls(sent)
            if dead is None and "dead" in tolls:
                dead, dead_lb = tolls["dead"]
            if injured is None and "injured" in tolls:
                injured, inj_lb = tolls["injured"]
        return Size(dead, injured, arrested, dead_lb, inj_lb, tuple(vague), tuple(quantities))

    # ---------------------------------------------------------------- location
    def _location(
        self, d: Draft, sent: Span, si: int, ctx: ArticleContext, actors: list[ActorRef], recips: list[ActorRef]
    ) -> Place | None:
        """Where the event happened: the place its clause or sentence names, else the article's (paragraph,
        dateline, focus, an earlier sentence's), fitted to its parties; a bare country made as precise as
        the article's own place in that country (events/place_fallback.py)."""
        dl = ctx.dateline(cast("ArgumentsMixin", self))  # the coder, whose places read the dateline
        return pf.refine(self._place_of(d, sent, si, ctx, actors, recips, dl), si, ctx, dl)

    def _place_of(
        self, d: Draft, sent: Span, si: int, ctx: ArticleContext, actors: list[ActorRef], recips: list[ActorRef],
        dl: Place | None,
    ) -> Place | None:
        party_spans = [(a.start, a.end) for a in (*actors, *recips) if a.start is not None]
        # "Russian missiles struck Kharkiv", "troops besieged Homs": a target that is a place is where it happened
        target_places = {(r.start, r.end) for r in recips if r.start is not None and r.end is not None} if d.plover_type in {
            "ASSAULT", "COERCE"} else set()

        def usable(p: Place) -> bool:
            if p.start is None:
                return False
            start = p.start
            if any(s <= start < e for s, e in target_places):
                return True  # "liberated the Syrian town of Dabiq": the place inside the target's words
            return not any(s is not None and e is not None and s <= start < e and not _captured(d) for s, e in party_spans)

        in_sent = [p for p in ctx.event_places if p.start is not None and sent.start_char <= p.start < sent.end_char and usable(p)
                   and not _across_semicolon(ctx.text, p.start, d.trigger.idx)]
        sub = {t.idx for t in d.trigger.subtree}
        clause = [p for p in in_sent if p.start in sub or any(p.start == t.idx for t in sent if t.idx in sub)]
        # "A Paris man was arrested", "Ozark police cordoned off ...": in local news the town a party is named
        # after is where its event happened, when the sentence names no other place (not a capital standing
        # for its government, "Moscow-backed": no country names and no hyphenated modifiers, party_places)
        own = [p for p in ctx.party_places if p.start is not None and p.precision in {"town", "admin2"}
               and any(s is not None and e is not None and s <= p.start < e for s, e in party_spans)
               and ctx.text[p.end or p.start: (p.end or p.start) + 1] != "-"] if "party-place" not in FOCUS_RULES_OFF else []
        for pool, why in ((clause, "clause"), (in_sent, "sentence"), (own, "a party's town")):
            best = _best_place(pool)
            if best is not None:
                return replace(best, reason=f"{why}: {best.reason}" if best.reason else why)
        # "seized 40 rifles in the state", "requested asylum in the country": the place of that kind the
        # article names nearest (events/place_anaphora.py), before any borrowed place of another kind
        homes = {c for c in (_home(a, ctx) for a in (*actors, *recips)) if c}
        named = pa.anaphor_place(d, si, ctx)
        doers = {c for c in (_home(a, ctx) for a in actors) if c} if d.plover_type not in VERBAL_TYPES else set()
        if named is not None and (not doers or named.country in doers
                                  or named.start is not None and sent.start_char <= named.start < sent.end_char):
            # a material event's place named in another sentence must fit its actors, as a borrowed place does
            # (below): "Colombian troops recaptured the village" after a paragraph on Mogadishu is no Somali
            # village; a statement's need not ("a Belarusian journalist requested asylum in the country")
            return named
        # statements, talks and appeals without a place of their own take the article's place as material
        # events do (the paragraph's, the dateline's, the article's focus), checked against their parties:
        # an appeal to a parliament in a story datelined in the capital happened there, not nowhere
        fallback: Place | None = None
        for pj in ctx.paragraph_before(si):
            best = pf.sentence_place(ctx, pj, subnational=False)
            if best is not None:
                fallback = replace(best, reason="paragraph")
                break
        if fallback is None:
            focus = ctx.focus_place(homes)
            if (focus is not None and focus.reason == SINGLE_PLACE and d.plover_type not in VERBAL_TYPES
                    and "single-place-material" in FOCUS_RULES_OFF):
                focus = None
            fallback = (replace(dl, reason="dateline") if dl is not None
                        else replace(focus, reason="article focus (no place in the sentence)") if focus is not None
                        else pf.earlier_place(si, ctx) or pf.only_country(ctx))
        # a place borrowed from elsewhere in the article must fit the parties: Colombian troops in a
        # Mogadishu-datelined round-up fought in Colombia, not in Somalia
        if fallback is None and len(homes) == 1 and d.plover_type in VERBAL_TYPES:
            # an appeal or statement about one country's parties, in an article that names no place ("the
            # Security Council urges Iraq's Prime Minister-designate ..."): that country, at country precision;
            # but not where the article's places all lie in other countries: "a Belarusian journalist has applied
            # for asylum" in a story whose places are Moldova and Romania says whose, not where (rule
            # "parties-elsewhere"; no place rather than a wrong country)
            located = {p.country for p in ctx.event_places if p.lat is not None and p.country}
            if located and not located & homes and "parties-elsewhere" not in FOCUS_RULES_OFF:
                return None
            country = _safe(lambda: self.places.country(next(iter(homes))))
            if country is not None:
                return replace(country, reason="the parties' country (no place in the article)")
        if fallback is None and d.plover_type not in VERBAL_TYPES and "target-country" not in FOCUS_RULES_OFF:
            # an attack or arrest with no place of its own in an article whose places (if any) all lie in its
            # target's country ("the bombing of Syrian troops by the coalition"): that country (made as
            # precise as the article's own place there, place_fallback.refine); never the attacker's (a
            # foreign air force's strikes say who struck, not where)
            targets = {c for c in (_home(a, ctx) for a in recips) if c}
            if len(targets) == 1 and all(p.country in targets for p in ctx.event_places if p.lat is not None):
                country = _safe(lambda: self.places.country(next(iter(targets))))
                if country is not None:
                    return replace(country, reason="the target's country (no place of its own)")
        # a party whose country was only guessed from another name in the sentence ("A woman" beside
        # "Russia's Vladimir Putin", rule '+context-country') says nothing of where: it cannot move the
        # article's own place (dateline, paragraph, focus) to that country (rule "guessed-home")
        if "guessed-home" not in FOCUS_RULES_OFF:
            homes = {c for c in (_home(a, ctx) for a in (*actors, *recips) if not _guessed(a)) if c}
        if fallback is not None and homes and fallback.country not in homes:
            # where the article's place fits no party, a statement is placed in its parties' country, but an
            # attack or arrest only in its target's: a foreign air force's strikes ("prompting Russian
            # airstrikes" in a Syrian story) say who struck, not where
            targets = {c for c in (_home(a, ctx) for a in recips if "guessed-home" in FOCUS_RULES_OFF
                                   or not _guessed(a)) if c}
            if d.plover_type not in VERBAL_TYPES and not targets:
                return fallback
            where = homes if d.plover_type in VERBAL_TYPES else targets
            if len(where) == 1:
                country = _safe(lambda: self.places.country(next(iter(where))))
                if country is not None:
                    return replace(country, reason="the parties' country (the article's place is elsewhere)")
            return None
        return fallback


def _across_semicolon(text: str, a: int, b: int) -> bool:
    """A place and a trigger on either side of a semicolon (rule "semicolon-clause"): "A, a lawyer who teaches in
    Lyon; B, who was arrested last year ...": the clauses of a list tell separate facts, and a place in one says
    nothing of where another's event happened."""
    return "semicolon-clause" not in FOCUS_RULES_OFF and ";" in text[min(a, b):max(a, b)]


def _guessed(a: ActorRef) -> bool:
    """A party whose country the knowledge base only guessed from the sentence's other names."""
    return "+context-country" in (a.rule or "")


def _home(a: ActorRef, ctx: ArticleContext) -> str | None:
    """A party's country (alpha-2) for checking a borrowed place: the country of a town its own words name
    ("A Paris man": the Paris the article's places settled on, not the knowledge base's France), else its
    resolved country."""
    if a.start is not None and a.end is not None and "party-name-home" not in FOCUS_RULES_OFF:
        for p in ctx.party_places:
            if p.start is not None and a.start <= p.start < a.end and p.country and p.precision != "country":
                return p.country
    return alpha3_to_2(a.country) if a.country else None


def _victims_of(v: Token) -> list[Token]:
    """Whom a harming verb befell: its object or passive subject, and the subject of 'die' or of a reduced
    passive ('the soldiers killed in the blast'). The event's size counts them; an attack takes them as
    its recipients."""
    return [c for c in v.children if c.dep_ in {"nsubjpass", "dobj", "obj"}] + (
        [c for c in v.children if c.dep_ == "nsubj"] if v.lemma_.lower() == "die" or _reduced_passive(v) else [])
