"""Filling an event's roles: parties, claim source and modality of a draft event (its size, date and place:
events/circumstances.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..countries import alpha2_to_3
from ..records import ActorRef, Place
from . import idioms, verbal
from . import lexicon as lx
from . import role_patterns as rp
from . import roles as rl
from .circumstances import CircumstancesMixin, _victims_of
from .claims import ClaimsMixin, _responsibility_claimant, _responsibility_claimed
from .common import (
    FOOTNOTE,
    NOMINAL_AGENT_VERBS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_PARTS,
    PRONOUNS,
    Draft,
    Mention,
    _governor_lemma,
)
from .context import EARLIER_ATTACK_WINDOW, ArticleContext
from .dating import DatingMixin
from .frames import (
    AIMED_PREPS,
    RECEIVING_PREPS,
    _protester_head,
    existential_victims,
    projectile_object,
    second_sides,
)
from .syntax import (
    _ARMED_GROUP_NOUNS,
    _as_match,
    _conjuncts,
    _denied,
    _first_person,
    _has_return_fire,
    _is_place_tok,
    _np_span,
    _passive_agents,
    _reduced_passive,
    _safe,
    _sector_from_head,
    _subjects,
    _takes_control,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..actors import ActorResolver
    from ..places import PlaceResolver

# the knowledge base's codes of international organisations in ActorRef.country (records.py)
IGO_CODES = frozenset({"IGO", "UNO"})
# sectors of parties that carry out attacks, raids and crackdowns: a noun modifier of an event noun in
# one of them is its agent ("police raid", "rebel attack"); civilians, victims and places are not
AGENT_SECTORS = frozenset({"MIL", "COP", "GOV", "REB", "PRM", "UAF", "SPY", "CRM"})


def _age_noun(tok: Token) -> bool:
    """"A 19-year-old was stabbed", "police arrested a 22-year-old": local news names a person by age alone;
    the tagger reads the age as a date, but a determined "N-year-old" with no noun after it is someone."""
    return tok.lower_ in {"old", "olds"} and tok.pos_ in {"ADJ", "NOUN"} and any(
        c.lemma_.lower() == "year" for c in tok.children) and any(c.dep_ == "det" for c in tok.children)


class ArgumentsMixin(CircumstancesMixin, DatingMixin, ClaimsMixin):
    """The role-filling half of EventCoder (events/coder.py), which inherits it; the size, date and place
    of a draft are CircumstancesMixin's (events/circumstances.py)."""

    actors: ActorResolver
    places: PlaceResolver
    # the learned role model (roles.py): False until first asked for; None when it is not shipped or
    # switched off (EVENTWIRE_ROLE_MODEL=0); train_roles.py sets a fold's model here for cross-validation
    _roles: rl.RoleModel | None | bool = False

    def _role_model(self) -> rl.RoleModel | None:
        if self._roles is False:
            self._roles = rl.default_role_model()
        return self._roles if isinstance(self._roles, rl.RoleModel) else None

    def _no_outlets(self, parties: list[ActorRef]) -> list[ActorRef]:
        out = []
        for a in parties:
            if not self._is_outlet(a.text):
                out.append(a)
                continue
            owner = re.split(r"[’']s\b", a.text, maxsplit=1)
            if len(owner) == 2 and a.country and owner[0].strip():
                out.append(replace(a, text=owner[0].strip(), name=None, rule=f"{a.rule}; the side an outlet speaks for"))
        return out

    def _is_outlet(self, text: str) -> bool:
        check = getattr(self.actors, "is_news_source", None)
        return bool(check and text and check(text))
    # ---------------------------------------------------------------- arguments
    def _arguments(
        self, d: Draft, sent: Span, si: int, ctx: ArticleContext, speaker: Mention | None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        t = d.trigger
        actor_toks: list[Token] = []
        recip_toks: list[Token] = []
        rules: dict[str, str] = {}
        if d.nominal:
            for c in t.children:
                if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}
                                        and not self._place_modifier(c, ctx)):
                    actor_toks.append(c)
                elif c.dep_ in {"amod", "compound"} and self._agent_modifier(c, ctx):
                    # "the police killing of ...", "a Taliban attack", "army shelling": a modifier naming
                    # a force or a group is who acts ("civilian deaths" names the victims: not a force)
                    actor_toks.append(c)
                if c.dep_ == "prep" and c.lower_ == "by":
                    actor_toks += [g for g in c.children if g.dep_ == "pobj"]
                if c.dep_ == "prep" and c.lower_ in {"on", "against", "with", "between", "of"}:
                    recip_toks += [g for g in c.children if g.dep_ == "pobj"]
            if t.dep_ in {"dobj", "obj"} and _governor_lemma(t.head) in NOMINAL_AGENT_VERBS:
                # "the rebels launched an attack", "supporters staged sit-ins", "they reached an agreement"
                actor_toks += _subjects(t.head)
            elif t.dep_ == "pobj" and d.plover_type == "PROTEST" and (
                    _governor_lemma(t.head.head) in NOMINAL_AGENT_VERBS or d.rules["type"].endswith(
                        (f"('on {t.lower_}')", f"('in {t.lower_}')"))):
                # "activists participated in a die-in", "teachers went on strike", "farmers blocked the
                # highway in protest"
                actor_toks += _subjects(t.head.head)
            elif t.dep_ == "pobj" and d.plover_type == "PROTEST" and "(setting: " in d.rules["type"]:
                # "police detained activists during the protests": the crowd the other event befell
                actor_toks += [c for c in t.head.head.children if c.dep_ in {"dobj", "obj", "nsubjpass"}
                               and _protester_head(c) is not None]
            elif t.dep_ == "pobj" and t.head.lower_ == "under":
                # "the convoy came under attack from a militant cell": the subject is the target
                verb = t.head.head
                recip_toks += _subjects(verb)
                actor_toks += [g for c in (*t.children, *verb.children) if c.dep_ == "prep" and c.lower_ in {"from", "by"}
                               for g in c.children if g.dep_ == "pobj"]
        else:
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in t.children)
            if (passive or _reduced_passive(t)) and d.plover_type == "MOBILIZE":
                # "French soldiers were deployed": what is moved is the force that mobilises
                actor_toks += [c for c in t.children if c.dep_ in {"nsubjpass", "nsubj"}]
            elif passive or _reduced_passive(t) or existential_victims(t):
                recip_toks += [c for c in t.children if c.dep_ in {"nsubjpass", "nsubj"}]
                if existential_victims(t):
                    recip_toks.append(t.head)  # "there were ten soldiers killed": the noun is who
                for c in {c.i: c for tr in d.triggers for c in (*tr.children, *_passive_agents(tr))}.values():
                    if c.dep_ == "agent":
                        actor_toks += [g for g in c.children if g.dep_ == "pobj"]
                if not actor_toks:
                    # "... were killed when government forces shelled their post": the attack's subject
                    actor_toks += [c for tr in d.triggers[1:] if tr.dep_ == "advcl" and tr.head in d.triggers
                                   for c in tr.children if c.dep_ == "nsubj"]
            elif d.plover_type == "ASSAULT" and projectile_object(t):
                # "fired rockets at the convoy", "launched missiles at the government": the projectile is
                # the object; whom it was aimed at is the recipient (a place it hit is the location)
                actor_toks += _subjects(t)
                recip_toks += [g for c in t.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
                               for g in c.children if g.dep_ == "pobj" and not _is_place_tok(g, ctx)]
            elif d.rules["type"].startswith("cameo:") and " +object" in d.rules["type"] and (
                    sides := second_sides(t, RECEIVING_PREPS)):
                # "supplied arms to Israel", "presented evidence against Russia": the pattern's object is
                # the act's, the party it passed to or against receives it
                actor_toks += _subjects(t)
                recip_toks += sides
            else:
                actor_toks += [verbal.medium_speaker(s) for s in _subjects(t)]
                recip_toks += [c for c in t.children if c.dep_ in {"dobj", "obj", "dative"}]
            # "killed ... in the shelling by the Syrian regime": the nominal names the agent; who 'died' is
            # no agent, so a death leaves the agent open to it too ("died after a shootout with police")
            died = d.plover_type == "ASSAULT" and t.lemma_.lower() == "die"
            for c in [c for tr in d.triggers for c in tr.children]:
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in FIGHT_NOUNS and (died or not actor_toks):
                            # "killed in a gun battle with police": the sides of the fight are its actors
                            actor_toks += [x for gc in g.children if gc.dep_ == "prep" and gc.lower_ in {"with", "between"}
                                           for x in gc.children if x.dep_ == "pobj" and not _is_place_tok(x, ctx)]
                        if g.dep_ == "pobj" and g.lemma_.lower() in lx.NOUN_TRIGGERS:
                            for gc in g.children:
                                if gc.dep_ == "prep" and gc.lower_ == "by" and (died or not actor_toks):
                                    actor_toks += [x for x in gc.children if x.dep_ == "pobj"]
                                if gc.dep_ in {"poss", "amod", "compound"} and (died or not actor_toks) and (
                                        gc.ent_type_ in {"NORP", "GPE"} and not self._place_modifier(gc, ctx)
                                        or self._agent_modifier(gc, ctx)):
                                    # "killed in IS attacks", "died in an army raid": the event noun's
                                    # modifier that names a state or a force carried it out
                                    actor_toks.append(gc)
                    if c.lower_ in {"on", "against", "with", "from"} and d.plover_type in {"ASSAULT", "CONSULT", "COERCE"}:
                        recip_toks += [g for g in c.children if g.dep_ == "pobj" and not _is_place_tok(g, ctx)]
                    if c.lower_ == "on" and d.plover_type in {"REQUEST", "ACCUSE"}:
                        recip_toks += [g for g in c.children if g.dep_ == "pobj"]
                    if c.lower_ == "to" and d.plover_type == "CONSULT":
                        recip_toks += [g for g in verbal.addressees(c.head) if g.head.i == c.i]  # "spoke to Wang Yi"
            if d.plover_type == "ASSAULT" and t.lemma_.lower() == "die":
                # who died underwent the attack; the agent of the event noun it died in ("died in shelling
                # by the regime") or the sides of a fight ("died after a gunfight with police") acted
                dead = [c for c in t.children if c.dep_ == "nsubj"]
                recip_toks, actor_toks = dead, [x for x in actor_toks if x.i not in {v.i for v in dead}
                                                and x.dep_ == "pobj"]
        if d.nominal:
            actor_toks, recip_toks = verbal.nominal_parties(d, actor_toks, recip_toks)
        if idioms.ROLES in d.rules:  # "pleaded guilty", "on trial", "pointed a gun at" (idioms.py)
            actor_toks, recip_toks = idioms.parties(d, actor_toks, recip_toks)
            rules["actor"] = rules["recipient"] = f"idiom ({d.rules[idioms.ROLES]})"
        if d.plover_type == "ASSAULT" and all(x.lower_ in REFLEXIVE for x in recip_toks):
            # "a suicide bomber blew himself up, killing six NATO service members", "an attack that wounded
            # three policemen": who the attack killed or wounded is whom it was directed at
            # (no entry in `rules`: the role model may still fill the actor this leaves open)
            recip_toks = [v for v in _harm_victims(d) if not _is_place_tok(v, ctx)] or recip_toks
        if d.plover_type == "ASSAULT" and d.mode != "abduct" and d.rules["type"].startswith("verb:") and (t.lemma_.lower() in {
            "capture", "seize", "recapture", "retake", "overrun"
        } or _takes_control(t)):
            # the object is territory; the party it was taken from is the recipient
            recip_toks = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj"]
            rules["recipient"] = "captured from"
        patterned: dict[str, str] = {}
        for role, toks in (("actor", actor_toks), ("recipient", recip_toks)):
            if toks or role in rules or (role == "recipient" and d.plover_type == "MOBILIZE"):
                continue
            # a party that is no dependent of the trigger ("demanded that the government ...", "accused
            # of stabbing ...", "fled and was apprehended"): the dependency patterns of data/role_patterns.json
            more, name = rp.parties(self._pattern_hits(ctx), t, d.plover_type, role)
            if more and name:
                toks += more
                patterned[role] = name
        actors = self._resolve_parties(actor_toks, "actor", sent, si, ctx, speaker, d)
        recips = self._resolve_parties(recip_toks, "recipient", sent, si, ctx, speaker, d)
        if patterned:
            actors = [replace(a, rule=f"{a.rule}{rl.PATTERN_MARK}{patterned['actor']}") for a in actors] \
                if "actor" in patterned else actors
            recips = [replace(a, rule=f"{a.rule}{rl.PATTERN_MARK}{patterned['recipient']}") for a in recips] \
                if "recipient" in patterned else recips
        if (not actors or not recips) and not rules and d.rules["type"].split(":")[0] in {"verb", "noun", "model"}:
            # a rule's phrase that resolves to no party ("the COAS", a misparse) leaves the role open; with
            # both roles filled the model is not asked (it costs as much as the rest of the coder, and
            # its veto of a rule's choice changed no dev figure out of fold)
            failed = {t.i for toks, refs in ((actor_toks, actors), (recip_toks, recips)) if not refs for t in toks}
            new_a, new_r, learned = self._learned_roles(
                d, sent, ctx, actor_toks if actors else [], recip_toks if recips else [], failed)
            for role, toks in (("actor", new_a), ("recipient", new_r)):
                picked = [t for t in toks if t.i in learned]
                refs = [replace(a, rule=f"{learned[t.i]}; {a.rule}")
                        for t in picked for a in self._resolve_parties([t], role, sent, si, ctx, speaker, d)]
                if refs and role == "actor":
                    actors = refs
                elif refs:
                    recips = refs
        if not actors:
            actors = self._implicit_actor(d, sent, ctx, speaker, recips)
        if not actors and d.plover_type == "ASSAULT" and (
                claimant := _responsibility_claimant(t, sent) or _responsibility_claimed(sent)) is not None:
            # "an attack ..., for which Daesh has claimed responsibility": with no other attacker named,
            # who claims the attack is who the report says carried it out (and its claim source)
            actors = [replace(a, rule=f"claimed responsibility; {a.rule}")
                      for a in self._resolve_parties([claimant], "actor", sent, si, ctx, speaker, d)]
        if not actors and d.plover_type == "ASSAULT" and EARLIER_ATTACK_WINDOW > 0 and (
                prev_attacker := ctx.earlier_attacker(si)) is not None and not any(
                r.country == prev_attacker.country and r.sector == prev_attacker.sector for r in recips):
            # "four workers and two soldiers were killed", "the device detonated, killing the three": an
            # attack told without its agent, shortly after an attack by a named side, is that side's; it
            # fills the role of an event that stands on its own, and a victim of that side's own kind
            # rules it out (the report has turned to the other side's attack)
            actors = [replace(prev_attacker, start=None, end=None,
                              rule=f"the attacker of the report's attack before: {prev_attacker.rule}{rl.FILL_ONLY_MARK}")]
        if not recips and d.plover_type == "ASSAULT" and _has_return_fire(d):
            prev = ctx.last_attacker_against(actors[0].country if actors else None)
            if prev is not None:
                recips = [ActorRef("recipient", prev.text, prev.name, prev.country, "MIL",
                                   rule="return fire: directed at the last attacker")]
        # symmetric events: "X and Y may meet" -> first conjunct acts, the rest receive
        if d.plover_type == "CONSULT" and not recips and len(actors) > 1:
            recips = [replace(a, role="recipient") for a in actors[1:]]
            actors = actors[:1]
        if d.plover_type == "ASSAULT" and t.lemma_.lower() in {"clash", "fight", "battle"} and len(actors) > 1 and not recips:
            pass  # two-sided fighting lists all parties as actors (PLOVER)
        return actors, recips

    @staticmethod
    def _pattern_hits(ctx: ArticleContext) -> rp.Matches:
        """The role patterns' matches in the article (one run of the matcher per article)."""
        if ctx.role_pattern_hits is None:
            ctx.role_pattern_hits = rp.find(ctx.doc)
        return ctx.role_pattern_hits

    def _place_modifier(self, c: Token, ctx: ArticleContext) -> bool:
        """Does an event noun's modifier name the place of the event ("the Orlando attack", "the Kabul
        bombing"), not a state that acts ("US strikes", "Russian airstrikes")? A city, town or region
        compound is where; a country's name or a demonym is who (a possessive, "Moscow's strikes", is
        always who, and is not asked)."""
        if c.dep_ != "compound" or c.ent_type_ != "GPE":
            return False
        m = ctx.resolve(_np_span(c).text.strip(), self)
        return m is not None and (m.rule or "").startswith(PLACE_MODIFIER_READINGS)

    def _agent_modifier(self, c: Token, ctx: ArticleContext) -> bool:
        """Does a noun's modifier name an armed or state party (by the knowledge base's sector)?"""
        if c.pos_ not in {"NOUN", "PROPN", "ADJ"} or c.lower_ in PRONOUNS or self._place_modifier(c, ctx):
            return False
        m = ctx.resolve(_np_span(c).text, self)
        return m is not None and m.sector in AGENT_SECTORS

    def _learned_roles(
        self, d: Draft, sent: Span, ctx: ArticleContext, actor_toks: list[Token], recip_toks: list[Token],
        failed: set[int],
    ) -> tuple[list[Token], list[Token], dict[int, str]]:
        """The role model's reading of the trigger's sentence, where the rules are unsure: it fills a role
        the rules left empty, and replaces a rule's phrase that it finds very unlikely in that role when
        it is sure of another. Each phrase it chooses carries its probability as the reason."""
        model = self._role_model()
        if model is None:
            return actor_toks, recip_toks, {}
        kb = getattr(ctx, "_role_kb", None)
        if kb is None:
            kb = rl.kb_reader(self.actors.resolve, self._is_outlet)
            ctx._role_kb = kb  # type: ignore[attr-defined]  # one cache of KB readings per article
        t = d.trigger
        if d.nominal and t.dep_ in {"dobj", "obj"} and t.head.lemma_.lower() in (
                lx.JUDGED_EVENT_VERBS | lx.SPEECH_VERBS) - {"claim"}:
            # "the government condemned the attack": who judges or reports an incident did not carry it out
            # (who claims it did)
            failed = failed | {x.i for s in _subjects(t.head) for x in _np_span(s)}
        cands = rl.candidates(sent, {x.i for x in d.triggers} | failed)
        scores = {c.i: model.scores(rl.features(d.trigger, c, d.plover_type, kb)) for c in cands}
        prev = rl.earlier_mention(sent)  # a party named only in the sentences before
        if prev is not None and prev.i not in failed:
            cands.append(prev)
            scores[prev.i] = model.scores(rl.coref_features(d.trigger, prev, d.plover_type, kb))
        if not cands:
            return actor_toks, recip_toks, {}
        learned: dict[int, str] = {}

        def choose(role: str, current: list[Token], taken: set[int]) -> list[Token]:
            pool = [c for c in cands if c.i not in taken]
            if not pool:
                return current
            best = max(pool, key=lambda c: scores[c.i][role])
            p = scores[best.i][role]
            if p < rl.FILL_THRESHOLD or max(scores[best.i].values()) != p:
                return current
            if not current:
                where = (" (earlier mention)" if best.i < sent.start
                         else " (relative clause)" if best.i == t.head.i and t.dep_ in {"relcl", "acl"} else "")
                learned[best.i] = f"{rl.REASON}{p:.2f}{where}"
                return [best]
            judged = [t for t in current if t.i in scores]
            if judged and len(judged) == len(current) and all(scores[t.i][role] < rl.VETO_THRESHOLD for t in judged):
                learned[best.i] = f"{rl.REASON}{p:.2f} (over '{current[0].text}', p={scores[current[0].i][role]:.2f})"
                return [best]
            return current

        def span_ids(toks: list[Token]) -> set[int]:
            return {x.i for t in toks for c in _conjuncts(t) for x in _np_span(c)}

        actor_toks = choose("actor", actor_toks, span_ids(recip_toks))
        if d.plover_type != "MOBILIZE":  # troops are sent to places: the destination is no recipient
            recip_toks = choose("recipient", recip_toks, span_ids(actor_toks))
        return actor_toks, recip_toks, learned

    def _implicit_actor(
        self, d: Draft, sent: Span, ctx: ArticleContext, speaker: Mention | None, recips: list[ActorRef]
    ) -> list[ActorRef]:
        """No syntactic actor: the side that speaks acts in 'return fire' and in claimed strikes."""
        if d.plover_type != "ASSAULT" or speaker is None or not speaker.country:
            return []
        if _has_return_fire(d):
            return [ActorRef("actor", speaker.text, None, speaker.country, "MIL", rule="return fire by the speaker's side")]
        passive = any(c.dep_ == "nsubjpass" for c in d.trigger.children)
        lemma = d.trigger.lemma_.lower()
        claimed_strike = lemma in {"strike", "hit", "target", "neutralize", "neutralise", "destroy"}
        if passive and claimed_strike and recips and all(r.country and r.country != speaker.country for r in recips):
            return [ActorRef("actor", speaker.text, None, speaker.country, "MIL",
                             rule="agentless strike claimed by a party against the other side")]
        return []

    def _authority_actor(self, d: Draft, sent: Span, si: int, ctx: ArticleContext) -> list[ActorRef]:
        """An act only an authority does, told in the passive with no agent ("Bassett was arrested on
        Wednesday", "he was charged with murder"): the authority of that kind the article names nearest to
        it, in its sentence ("..., police said") or the five before (data/authority_verbs.tsv). None named:
        no actor (nothing is invented). The coder asks this after its gates and the event's place: the
        authority fills the actor of an event that stands on its own, it neither makes a draft an event
        nor moves its place."""
        t = d.trigger
        row = AUTHORITY_VERBS.get(t.lemma_.lower())
        if d.nominal or row is None or d.plover_type not in row[0]:
            return []
        if not (any(c.dep_ in {"nsubjpass", "auxpass"} for c in t.children) or _reduced_passive(t)) or any(
                c.dep_ == "agent" for c in t.children):
            return []
        undergo = {x.i for c in t.children if c.dep_ in {"nsubjpass", "nsubj"} for x in c.subtree}
        lo = ctx.sents[max(0, si - 5)].start
        # the trigger's own sentence first, nearest to the trigger, then the sentences before, latest first
        own = sorted((x for x in sent if x.i not in undergo), key=lambda x: abs(x.i - t.i))
        pool = own + [x for x in reversed(sent.doc[lo: sent.start])]
        for x in pool:
            if x.pos_ not in {"NOUN", "PROPN"} or x.dep_ in {"compound", "flat", "nmod", "amod"} or (
                    x.dep_ == "pobj" and x.head.lower_ in PLACE_PREPS):
                continue  # a word inside a name, or a place ("released from prison", "held in custody")
            span = _np_span(x)
            text = span.text.strip()
            m = ctx.resolve(text, self) if text else None
            if m is None or m.sector not in row[1] or self._is_outlet(text) or m.country in IGO_CODES \
                    or "fuzzy" in (m.rule or ""):
                # a near-miss reading of a common word ("two counts of assault" as 'courts') is no body; an
                # international body does not arrest or charge in a country
                continue
            return [ActorRef("actor", text, m.name, m.country, m.sector, m.wikidata, span.start_char, span.end_char,
                             rule=f"{m.rule or 'kb'}; the authority that {t.lemma_.lower()}s (agentless passive)")]
        return []

    def _resolve_parties(
        self, toks: Sequence[Token], role: str, sent: Span, si: int, ctx: ArticleContext,
        speaker: Mention | None, d: Draft,
    ) -> list[ActorRef]:
        out: list[ActorRef] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        for head in toks:
            noun = head.head.head
            if head.tag_ in {"WP", "WDT"} and head.head.dep_ == "relcl" and noun.pos_ in {"NOUN", "PROPN"}:
                # "gunmen who kidnapped six people", "Keating, who was killed yesterday": the relative
                # pronoun stands for the noun its clause hangs off; a place it hangs off ("the area of
                # Baghdad which ...") is where, never who
                if noun.ent_type_ in PLACE_LABELS - {"GPE"} or noun.lemma_.lower() in PLACE_NOUNS | PLACE_PARTS:
                    # "ISIL's attacks in the town of Tel Tamer, which killed ...": a clause the parser hung
                    # off the place of an event noun tells of the event; the event noun's agent is who
                    event_noun = _event_noun_above(noun)
                    if event_noun is None:
                        continue
                    noun = event_noun
                head = noun
            if head.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"} and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children
            ) and not _age_noun(head):
                if role == "actor" and d.plover_type == "PROTEST" and head.ent_type_ == "CARDINAL":
                    out += self._crowd(head, sent, si, ctx)  # "thousands demonstrated": the crowd protests
                continue
            if role == "recipient" and d.plover_type == "MOBILIZE":
                continue  # troops are sent *to* places; the destination is the location
            if any(c.dep_ == "det" and c.lower_ in {"no", "neither"} for c in head.children):
                continue  # "No civilian was hurt": nobody is the party
            for h in [c for s in (verbal.speakers_of(head) or [head]) for c in _conjuncts(s)]:
                refs = self._resolve_np(h, role, sent, si, ctx, speaker, d.plover_type)
                if not refs and role == "actor" and d.plover_type == "PROTEST" and _protester_head(h) is not None:
                    refs = self._crowd(h, sent, si, ctx)  # "tens of thousands of opponents of the coup"
                if not refs:
                    # "One of them, Mr William Craig, leader of Ulster Vanguard, called for ...": the
                    # apposition names whom a pronoun or quantifier stands for
                    refs = [r for c in h.children if c.dep_ == "appos"
                            for r in self._resolve_np(c, role, sent, si, ctx, speaker, d.plover_type)][:1]
                if not refs:
                    # "denigrated McCain's status", "blamed the massacre on the Obama administration's
                    # political correctness", "attacked the minister's convoy": a thing that is no party
                    # stands for its named owner (a pronoun owner is left alone: "their homes")
                    refs = [r for c in h.children if c.dep_ == "poss" and c.pos_ != "PRON"
                            for r in self._resolve_np(c, role, sent, si, ctx, speaker, d.plover_type)][:1]
                refs = [self._described(ref, h, role, sent, si, ctx, speaker, d.plover_type) for ref in refs]
                for ref in refs:
                    key = (ref.country, ref.sector, ref.text)
                    if key not in seen:
                        seen.add(key)
                        out.append(ref)
        return out

    def _described(
        self, ref: ActorRef, h: Token, role: str, sent: Span, si: int, ctx: ArticleContext,
        speaker: Mention | None, plover_type: str,
    ) -> ActorRef:
        """A party the knowledge base read without a sector or a country, completed from how the sentence
        describes it: its apposition ("Konstantin Kosachyov, chairman of the Duma's International Relations
        Committee", "Yuri Chaika, Russia's prosecutor general") gives the sector (and a missing country);
        a named person "of" a place ("Spafford, 24, of Elkhart") is of that place's country. An apposition
        read as another country describes someone else's side and is left alone."""
        guessed = ref.country is None or (ref.rule or "").endswith("+context-country")
        if ref.sector is not None and not guessed:
            return ref
        for c in h.children:
            if (ref.sector is not None and ref.country is not None) or c.dep_ != "appos" or c.pos_ not in {"NOUN", "PROPN"}:
                continue
            for r in self._resolve_np(c, role, sent, si, ctx, speaker, plover_type):
                if r.country and ref.country and r.country != ref.country:
                    continue
                sector, country = ref.sector or r.sector, ref.country or r.country
                if (sector, country) != (ref.sector, ref.country):
                    return replace(ref, sector=sector, country=country, rule=f"{ref.rule}; described as '{r.text}'")
        if guessed and (h.ent_type_ == "PERSON" or ref.rule == "unresolved name" or h.pos_ == "NOUN"):
            # "exiled dissidents from Myanmar", "fighters from Chad": a place a group comes from is its
            # country, over the article's guess; "of" only for names ("the mayor of X" is X's office)
            preps = {"of", "from"} if h.pos_ != "NOUN" else {"from"}
            for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in preps):
                for g in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"):
                    m = ctx.resolve(_np_span(g).text.strip(), self)
                    if m is not None and m.country and (not m.sector or (m.rule or "").startswith(PLACE_READINGS)):
                        return replace(ref, country=m.country, rule=f"{ref.rule}; of {g.text}")
        return ref

    def _crowd(self, head: Token, sent: Span, si: int, ctx: ArticleContext) -> list[ActorRef]:
        """A demonstration's crowd given only by its size ("thousands", "about 2,000", "tens of thousands"):
        civilians of the country the article places them in, as the KB reads "people" there."""
        span = _np_span(head)
        m = ctx.resolve("people", self)
        if m is None:
            return []
        return [ActorRef("actor", span.text.strip(), None, m.country, m.sector or "CVL", start=span.start_char,
                         end=span.end_char, rule=f"crowd of demonstrators: {m.rule}")]

    def _resolve_np(
        self, head: Token, role: str, sent: Span, si: int, ctx: ArticleContext, speaker: Mention | None,
        plover_type: str | None = None,
    ) -> list[ActorRef]:
        span = _np_span(head)
        text = FOOTNOTE.sub("", span.text.strip())
        if not text:
            return []
        low = head.lower_
        start, end = span.start_char, span.end_char
        if low in PRONOUNS and head.pos_ == "PRON":
            mention = speaker if speaker is not None and speaker.sent_i == si and low in {"it", "its", "they", "their"} \
                else ctx.antecedent(si, plural=low in {"they", "them", "their"},
                                    person=low in {"he", "him", "his", "she", "her"}, before=head.idx, role=role,
                                    unplaced=_clause_subject_names(head))
            if mention is None:
                return []
            # a person the knowledge base does not place, or a kind of party named by a common noun ("the
            # local tribal elders ... urged them"), fills the role of an event that stands on its own
            # evidence; it is no reason for a draft to become one (roles.carries_event)
            only = rl.FILL_ONLY_MARK if mention.country is None or mention.start in ctx.common_noun_starts() else ""
            return [ActorRef(role, text, mention.name, mention.country, mention.sector, start=start, end=end,
                             rule=f"coreference: {mention.text}{only}")]
        words = {t.lower_ for t in span}
        if any(_first_person(t) for t in span) and speaker is not None:
            m = _safe(lambda: self.actors.resolve_speaker_pronoun(text, _as_match(speaker)))
            if m is not None:
                return [ActorRef(role, text, m.name, m.country, m.sector, m.wikidata, start, end,
                                 rule=m.rule or "first person: the speaker's side")]
        # "the Syrian and Russian governments": one actor per coordinated adjective
        adjs = [c for c in head.children if c.dep_ in {"amod", "compound"} and any(x.dep_ == "conj" for x in c.children)]
        if adjs:
            refs = []
            for a in [adjs[0], *[x for x in adjs[0].children if x.dep_ == "conj"]]:
                m = ctx.resolve(f"{a.text} {head.text}", self)
                if m is not None:
                    # "the Russian and Venezuelan delegations": each country's delegation, a sector the
                    # head noun gives where the knowledge base read only the adjective's country
                    own = m.sector or (_sector_from_head(head, span, plover_type) if m.country else None)
                    refs.append(ActorRef(role, text, m.name, m.country, own, m.wikidata, start, end,
                                         rule=f"{m.rule or 'kb'} (coordinated adjective)"))
            if refs:
                return refs
        m = ctx.resolve(text, self)
        if m is None and head.ent_type_ and head.ent_type_ not in {"CARDINAL", "DATE", "TIME", "ORDINAL", "QUANTITY"}:
            ent = next((e for e in sent.ents if e.start <= head.i < e.end), None)
            if ent is not None:
                m = ctx.resolve(ent.text, self)
        if (m is None or not m.country) and head.lemma_.lower() in _ARMED_GROUP_NOUNS and any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children
        ):
            g = ctx.antecedent_with(si, {"REB", "PRM", "UAF"})
            if g is not None:
                return [ActorRef(role, text, g.name, g.country, g.sector, start=start, end=end,
                                 rule=f"coreference: {g.text}")]
        if (m is None or not m.country) and "regime" in words:
            r = ctx.regime(self)
            if r is not None:  # a regime that is a party to an event acts through its forces
                return [ActorRef(role, text, r.name, r.country, "MIL", start=start, end=end,
                                 rule=f"coreference: {r.text}")]
        if (m is None or not m.country) and (ref := self._definite_place(head, role, si, ctx, plover_type)):
            return [replace(ref, text=text, start=start, end=end)]
        if m is None:
            if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
                return [ActorRef(role, text, None, None, None, start=start, end=end, rule="unresolved name")]
            if _age_noun(head):  # someone named by age: a party, placed by nothing the text says
                return [ActorRef(role, text, None, None, None, start=start, end=end, rule="a person named by age")]
            return []
        if m.country is None and m.sector is None:
            return []
        if head.lemma_.lower() in lx.NOUN_TRIGGERS and (m.rule or "").startswith(PLACE_MODIFIER_READINGS):
            return []  # "the Manchester bombing killed 22": the event's place names no party to it
        sector, rule = m.sector, m.rule or "kb"
        if m.country and rule.startswith(TOWN_IN_NAME) and "+" in rule:
            # "A Paris man", "Paris police" in a report from Paris, Tennessee: the town in the party's name is
            # the one the article's places settled, not the capital the name alone reads as
            settled = ctx.settled_town_country(start, end)
            if settled and settled != m.country:
                m = replace(m, country=settled)
                rule += "; the town as the article's places settled it"
        if sector is None:
            sector = _sector_from_head(head, span, plover_type)
            if sector:
                rule += f"; sector from '{head.lemma_}'"
        return [ActorRef(role, text, m.name, m.country, sector, m.wikidata, start, end, rule=rule)]

    @staticmethod
    def _definite_place(head: Token, role: str, si: int, ctx: ArticleContext, plover_type: str | None) -> ActorRef | None:
        """A bare definite description of a place as a party (data/definite_places.tsv): "the country" is the
        state the text named last (its sector from the event type, as a bare country's); "the city" an
        attack falls on is its people, whose country is the event's (_operating_country). Read from the
        context, it fills a role and carries no draft (roles.FILL_ONLY_MARK)."""
        reading = DEFINITE_PLACES.get(head.lemma_.lower())
        if reading is None or head.pos_ != "NOUN" or not any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children) or any(
                c.dep_ in {"amod", "compound", "poss", "nummod", "nmod"} for c in head.children):
            return None
        if reading == "state":
            c = ctx.country_before(si, head.idx)
            if c is None:
                return None
            return ActorRef(role, head.text, c.name, c.country, None,
                            rule=f"the country named before: {c.text}{rl.FILL_ONLY_MARK}")
        if reading == "people" and role == "recipient" and plover_type == "ASSAULT":
            # the town named before, else the event's own place gives their country (_operating_country)
            town = ctx.country_before(si, head.idx, PLACE_MODIFIER_READINGS)
            return ActorRef(role, head.text, None, town.country if town else None, "CVL",
                            rule=f"the people of the {head.lower_} attacked" + (f" ({town.text})" if town else "")
                            + rl.FILL_ONLY_MARK)
        return None

    def _operating_country(self, a: ActorRef, where: Place | None, ctx: ArticleContext | None = None) -> ActorRef:
        """A transnational armed group (al-Qaeda, ISIS) is coded to the country it fights in; a person known
        only by name, in an event with no place, to the country the article is about (``ctx.context_text``)."""
        if a.country is None and where is not None and where.country and (
            a.sector in {"REB", "UAF", "UNK", "CRM", "CVL", "COP", None} and not a.name
        ):
            # unknown perpetrators ("gunmen"), victims ("three civilians") and unplaced persons take the
            # country where the event happened; a named actor the KB knows keeps its own (or none)
            a3 = alpha2_to_3(where.country)
            if a3:
                return replace(a, country=a3, rule=f"{a.rule}; country from the event's location")
        if (where is not None and where.country and a.sector in LOCAL_SECTORS and not a.name and a.rule
                and a.rule.endswith("+context-country") and where.precision != "country"):
            # "the US military said more civilians may have been killed ... around Manbij": civilians whose
            # country was guessed from another party the sentence names are the people of where it happened;
            # so are the unknown attackers, criminals, rebels, police and courts of a place (round 15: "the
            # terrorist bombings in Istanbul" in a statement about Iraq)
            a3 = alpha2_to_3(where.country)
            if a3 and a3 != a.country:
                return replace(a, country=a3, rule=f"{a.rule}; country from the event's location")
        if (a.country is None and a.sector is None and not a.name and ctx is not None and ctx.context_text
                and (a.rule == "unresolved name" or (a.rule or "").startswith("coreference:"))):
            # a person named only by name ("Fumo"), or a pronoun standing for one, in an event with no place:
            # of the country the article is about, as the knowledge base completes a role noun there
            m = ctx.resolve(ctx.context_text, self)
            if m is not None and m.country:
                return replace(a, country=m.country, rule=f"{a.rule}; the article's country")
        return a

    @staticmethod
    def _military_sector(a: ActorRef, plover_type: str) -> ActorRef:
        """A bare country acts through its government, or its armed forces when it fights or deploys; an
        international organisation (the knowledge base's IGO codes, records.ActorRef) acts as one."""
        if a.country in IGO_CODES and a.sector is None:
            return replace(a, sector="IGO", rule=f"{a.rule}; an international organisation")
        # a country, its capital, or a demonym standing alone: the adjective of an event noun ("Russian
        # airstrikes", "a Turkish raid") names the state that acts, as the country's name would
        bare = a.rule is not None and (any(k in a.rule.lower() for k in ("country", "capital", "sector from 'gpe'"))
                                       or a.rule.startswith("demonym:") and len(a.text.split()) == 1
                                       and not a.text.lower().endswith("s"))  # "Russians" are people
        if a.country and a.sector is None and bare:
            sector = "MIL" if plover_type in lx.MILITARY_TYPES else "GOV"
            return replace(a, sector=sector, rule=f"{a.rule}; a state acting in a {plover_type} event")
        if plover_type in lx.MILITARY_TYPES and a.sector == "GOV" and bare:
            return replace(a, sector="MIL", rule=f"{a.rule}; armed forces in a military event")
        return a

    # ---------------------------------------------------------------- attribution and modality
    @staticmethod
    def _modality(d: Draft) -> str:
        if d.rules["type"].startswith("phrase") or d.rules["type"].endswith(("(announced)", "(refused)")):
            return "asserted"  # the phrase itself, or the announcement of violence or refusal, is asserted
        t = d.trigger
        if d.nominal and t.dep_ in {"dobj", "obj"}:
            t = t.head  # "will hold talks": the light verb carries tense and mood
        toks = [t, *[c for c in t.children if c.dep_ in {"aux", "auxpass", "neg", "mark"}]]
        words = {c.lower_ for c in toks}
        if _denied(t):
            return "denied"
        if words & {"not", "n't", "never"} or any(c.dep_ == "neg" for c in t.children):
            return "negated"
        modal = words & {"may", "might", "could", "should", "must", "ought", "if", "unless"}
        if modal and d.plover_type != "ACCUSE":  # "could have been avoided" is the blame itself
            return "hypothetical"
        if words & {"will", "shall", "'ll", "would"}:
            return "future"
        return "asserted"


def _read_authority_verbs() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    return {r["lemma"]: (frozenset(r["plover_types"].split(",")), tuple(r["sectors"].split(",")))
            for r in lx._rows(lx.DATA / "authority_verbs.tsv")}


# the knowledge base's readings of a name as a place (actors/): a person "of" such a name is of its country
PLACE_READINGS = ("place-as-party:", "city:", "town:", "region:", "capital", "country:")
# sectors of a party that belongs where the event happened more than to the country the article is mostly about:
# a guessed (context) country yields to the event's town or region (_operating_country)
LOCAL_SECTORS = frozenset({"CVL", "UNK", "CRM", "REB", "UAF", "COP", "JUD"})
# the knowledge base's readings of a town named inside a party ("capital:France+role:man" for "a Paris man")
TOWN_IN_NAME = ("capital:", "city:", "town:")
# the knowledge base's readings of a city, town or region (actors/): as an event noun's compound, the place
PLACE_MODIFIER_READINGS = ("place-as-party:", "capital-metonym:", "city:", "town:", "region:")
# prepositions whose object is where something is or happens, not who does it
PLACE_PREPS = frozenset({"in", "at", "from", "into", "to", "of", "on", "inside", "outside", "near"})
# acts only an authority does: lemma -> (PLOVER types, sectors of who does them) (data/authority_verbs.tsv)
AUTHORITY_VERBS = _read_authority_verbs()
# "the country", "the city": lemma -> how the description reads as a party (data/definite_places.tsv)
DEFINITE_PLACES = {r["lemma"]: r["reading"] for r in lx._rows(lx.DATA / "definite_places.tsv")}
# nouns of two-sided fighting whose 'with'/'between' objects are the fight's sides (data/fight_nouns.tsv)
FIGHT_NOUNS = frozenset(r["lemma"] for r in lx._rows(lx.DATA / "fight_nouns.tsv"))
# "blew himself up": the bomber is no victim of his own attack
REFLEXIVE = frozenset({"himself", "herself", "themselves", "itself"})
# verbs whose object is a victim of the attack they are part of (their counts are the event's size)
HARM_VERBS = frozenset({"kill", "injure", "wound", "maim", "murder", "execute", "massacre", "slay", "die"})


def _event_noun_above(place: Token) -> Token | None:
    """The event noun a place phrase hangs off through prepositions ("attacks in the town of X"), if any."""
    x = place
    for _ in range(4):
        if x.dep_ != "pobj" or x.head.dep_ != "prep" or x.head.head.i == x.head.i:
            return None
        x = x.head.head
        if x.pos_ == "NOUN" and x.lemma_.lower() in lx.NOUN_TRIGGERS:
            return x
    return None


def _harm_victims(d: Draft) -> list[Token]:
    """The people an attack's killing or wounding verb names as its victims: the verbs of the draft other
    than its trigger and the clauses hanging off it ("blew himself up, killing six soldiers") or, for a
    nominal trigger, in its subtree ("an attack that killed five soldiers"), as ``_victims_of`` reads them."""
    verbs = [x for x in d.triggers if x.i != d.trigger.i] + (
        [x for x in d.trigger.subtree if x.i != d.trigger.i and x.pos_ == "VERB"] if d.nominal
        else [c for c in d.trigger.children if c.dep_ in {"advcl", "xcomp", "conj"} and c.pos_ == "VERB"])
    out: list[Token] = []
    for v in verbs:
        lemma = v.lemma_.lower()
        if lemma not in HARM_VERBS:
            continue
        out += [c for c in _victims_of(v) if c.pos_ in {"NOUN", "PROPN", "NUM"} and c.i not in {o.i for o in out}]
    return out


def _clause_subject_names(pronoun: Token) -> frozenset[str]:
    """The words of the names a pronoun object cannot stand for: the subject of its own clause ("Boken
    murdered her": her is neither Boken nor the "Karl Boken" named before; a reflexive would say so)."""
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    if pronoun.dep_ not in {"dobj", "obj", "dative", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return frozenset()
    return frozenset(x.lower_ for s in _subjects(verb) for x in _np_span(s) if x.pos_ == "PROPN")
