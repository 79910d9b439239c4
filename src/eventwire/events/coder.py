"""The event coder: a spaCy Doc of one article -> coded Events.

Rules over the dependency parse decide which clauses report events (lexicon.py), what kind, and
which phrases fill each role; the actors, places, times and numbers stages resolve those phrases.
Every decision is recorded in ``Event.rules`` so a user can see why a field holds what it holds.

The coder is split by what its parts do: this module finds triggers and builds events; arguments.py
fills their roles; context.py is what it remembers across one article; syntax.py and frames.py are
helpers over the parse; common.py holds what they share.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..countries import official_name
from ..records import ActorRef, Article, Event, Evidence, Place, When
from . import idioms, protest_modes, refused_acts, rejections, statements, verbal
from . import lexicon as lx
from . import roles as rl
from .accept import accept, accept_on
from .arguments import ArgumentsMixin
from .casualties import toll_anchor
from .common import (
    _FORMS,
    _MODEL_OPEN,
    _VERB_INDEX,
    BLAME_PHRASE,
    BOILERPLATE,
    CONDITIONAL_THREAT,
    EDITORIAL,
    FORCE_US,
    MODEL_THRESHOLD,
    PLACE_LABELS,
    PROOF_PHRASE,
    TERROR_WORDS,
    Draft,
    _governor_lemma,
    _trigger_lemma,
)
from .context import ArticleContext, party_place_mentions
from .everyday import everyday
from .frames import (
    _FRAMES,
    PROTEST_CUES_RE,
    _asks_an_act,
    _event_noun_lemma,
    _labour_strike,
    _pattern_objects,
    cameo_dyad,
    cameo_pattern_holds,
    crowd_purpose,
    existential_victims,
)
from .gates import fold_outcomes, one_sided, private_matter, shared_opinion, unrealised
from .incident_parties import share_parties
from .incidents import assign_incidents, drop_repeats
from .material import device_went_off, finite_clause, passive_patient, patient_ref
from .next_tolls import add_next_sentence_tolls
from .place_frames import no_place_name, place_by_frame, untagged_places
from .relevance import gate
from .syntax import (
    _acts_as_party,
    _cameo_root,
    _clause_group,
    _condition_subjects,
    _nominal_anchor,
    _np_span,
    _safe,
    _taxonomy,
    _territory_by_actor,
    _token_at,
    drop_restatements,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..actors import ActorResolver
    from ..places import PlaceResolver


class EventCoder(ArgumentsMixin):
    def __init__(self, actors: ActorResolver, places: PlaceResolver, version: str) -> None:
        self.actors = actors
        self.places = places
        self.version = version
        self._acled: Any = None
        from .triggers import default_model

        self._triggers = default_model()
        # the explain hook (rejections.py): a list to which every rejected lexicon word is noted, or None
        self.explain: list[dict[str, Any]] | None = None
        # the rules whose rejections become candidates for the acceptance step (rejections.RESCUE)
        self.rescue: frozenset[str] = rejections.rescue_rules()
        # keep rescued candidates when the acceptance step is off (train_accept learns from them)
        self.keep_rejected = False
        try:  # the ACLED classifier is optional: without it the taxonomy default applies
            from . import acled as _acled_mod

            self._acled = getattr(_acled_mod, "classify_acled", None)
        except Exception:  # noqa: BLE001 - a broken optional module must not stop coding
            self._acled = None

    # ---------------------------------------------------------------- article level
    def code(self, doc: Doc, article: Article) -> list[Event]:
        sents = list(doc.sents)
        ctx = ArticleContext(doc, article, sents)
        ctx.places = self._resolve_places(doc, ctx)
        ctx.read_names(self)
        drafts: list[tuple[int, Draft]] = []
        sports = _sports_report(article.text)
        for si, sent in enumerate(sents):
            if self._skip_sentence(sent) or sports and not lx.REAL_HARM_RE.search(sent.text):
                continue
            ctx.update_speaker(si, sent, self)
            for d in self._find_triggers(sent):
                drafts.append((si, d))
            for d in self._phrase_events(sent):
                drafts.append((si, d))
        built: list[tuple[Draft, Event]] = []
        rescued: list[Event] = []
        # the candidates a hand rule rejected (rejections.py) exist for the acceptance step to judge: without
        # the step they go as the rule had them go; they never shape the article's memory of its events
        judged = self.keep_rejected or accept_on()
        for si, d in drafts:
            ev = self._build(d, sents[si], si, ctx)
            if rejections.REJECTED_BY in d.rules:
                if ev is not None and judged:
                    rescued.append(ev)
                continue
            if ev is not None:
                built.append((d, ev))
            ctx.note_event(si, ev)
        events = drop_restatements(idioms.drop_echoes(drop_repeats(fold_outcomes(built))))
        events += rejections.new_reports(rescued, events)
        accepted = accept(assign_incidents(events, article.text), doc, article.text)  # the learned acceptance step
        # "... At least 17 were killed." (next_tolls.py); then the relevance gate (relevance.py)
        # an attack's side named only in another report of its incident (incident_parties.py)
        return gate(add_next_sentence_tolls(share_parties(accepted), sents), article.text)

    def _skip_sentence(self, sent: Span) -> bool:
        text = sent.text.strip()
        if not text or BOILERPLATE.search(text) or EDITORIAL.search(text) and len(text) < 200:
            return True
        return len([t for t in sent if t.is_alpha]) < 3

    # ---------------------------------------------------------------- places
    def _resolve_places(self, doc: Doc, ctx: ArticleContext) -> list[Place]:
        mentions: list[tuple[int, int, str]] = []
        seen: set[tuple[int, int]] = set()
        persons = _person_names(doc)
        named_in_party: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            if _acts_as_party(ent) or ent.label_ in {"ORG", "FAC"}:
                named_in_party.extend(party_place_mentions(ent, self.places))
            if _acts_as_party(ent) or no_place_name(ent.text):
                continue
            by_frame = place_by_frame(ent)
            if ent.label_ in PLACE_LABELS and not by_frame and persons[ent.text.lower()] > 0:
                # "investigate Sarmiento" where the article names "Angel Sarmiento": the tagger's label for
                # one mention loses to what the article calls that name elsewhere
                continue
            if ent.label_ in PLACE_LABELS or by_frame:
                key = (ent.start_char, ent.end_char)
                if key not in seen:
                    seen.add(key)
                    mentions.append((ent.start_char, ent.end_char, ent.label_))
        mentions += [m for m in untagged_places(doc, self.places) if m[:2] not in seen]  # "the town of Donetsk"
        hints = tuple(ctx.country_hints(self))
        if hints:
            # the knowledge base fills a missing country ("the army", "rebels") only from this context
            ctx.context_text = official_name(hints[0]) or ""
        try:
            # a town named in a party's name ("Paris police", "an Anderson County grand jury") is read with
            # the article's places: it settles which Paris the others are, and where local news happened
            found = list(self.places.resolve_document(ctx.text, mentions + named_in_party,
                                                      hint_countries=tuple(ctx.country_hints(self, places=True))))
            ctx.party_places = found[len(mentions):]
            ctx.settle_actor_context(self, found)  # the places read together settle the parties' context
            return found[:len(mentions)]
        except Exception:  # noqa: BLE001 - a gazetteer failure leaves places as text, never drops events
            return [Place(text=ctx.text[s:e], start=s, end=e, reason="gazetteer error") for s, e, _ in mentions]

    # ---------------------------------------------------------------- triggers
    def _find_triggers(self, sent: Span) -> Iterable[Draft]:
        claimed: set[int] = set()
        for tok in sent:
            if tok.i in claimed:
                continue
            verbish = tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB") or verbal.misparsed_verb(tok)
            why: list[tuple[str, str, str | None]] = []  # the hand lexicon's reading a rule rejected
            d = self._verb_trigger(tok, why=why) if verbish else None
            if d is None and tok.pos_ in {"NOUN", "PROPN"} and not verbish:
                d = self._noun_trigger(tok, why=why)
            if d is None and not verbish:
                d = verbal.noun_trigger(tok, self._verb_trigger)
            if d is None:
                d = self._model_trigger(tok)
            if d is None and tok.pos_ == "NOUN":
                d = self._cameo_nominal(tok)
            if d is None and verbish:
                # the CAMEO dictionary's patterns come last: the learned model already weighs those readings
                # with the parse, so they add events only where it proposes none; and a verb the
                # hand-written lexicon codes with the same type in the same clause group ("declared a
                # state and called on Muslims") carries the event with its own frame's parties
                d = self._verb_trigger(tok, cameo=True)
                if d is not None and any(
                    (cd := self._verb_trigger(c)) is not None and cd.plover_type == d.plover_type
                    for c in _clause_group(tok) if c.i != tok.i and c.pos_ in {"VERB", "AUX"}
                ):
                    d = None
            if d is None and why:
                d = rejections.first_rescued(self, tok, why)
            if d is None:
                continue
            if self._irrealis(tok):
                d = rejections.rejected(self, tok, d.plover_type, "irrealis", d.mode, d)
                if d is None:
                    continue
            if device_went_off(d):
                d.standalone = True  # "the bomb exploded": the device going off is the incident
            d = verbal.refusal(verbal.announced_threat(d))
            if rejections.REJECTED_BY in d.rules:
                yield d  # a rejected reading claims no other word: the coder's own events stay as they were
                continue
            # coordinated triggers of one type are one event ("struck, neutralized and destroyed")
            for c in _clause_group(tok):
                if c.i != tok.i and c.i not in claimed:
                    cd = self._verb_trigger(c) if c.pos_ in {"VERB", "AUX"} else self._noun_trigger(c)
                    if cd is not None and cd.plover_type == d.plover_type:
                        d.triggers.append(c)
                        claimed.add(c.i)
            claimed.add(tok.i)
            if d.rules["type"].startswith("cameo") and d.rules["type"].endswith("+object"):
                # the object a CAMEO pattern needs is part of its event ("extended the embargo", "the
                # lifting of the embargo", "issued an appeal"), not an event of its own; an event noun of
                # the hand lexicon of another type keeps its own frames ("escalated the offensive")
                claimed.update(o.i for o in _pattern_objects(tok)
                               if lx.NOUN_TRIGGERS.get(o.lemma_.lower(), (d.plover_type,))[0] == d.plover_type)
            yield d

    def _verb_trigger(self, tok: Token, cameo: bool = False,
                      why: list[tuple[str, str, str | None]] | None = None) -> Draft | None:
        """The hand-written lexicon's reading of a verb, or with ``cameo`` the CAMEO dictionary's; ``why``
        receives (type, rule, mode) of the first hand-lexicon reading a rule rejected (rejections.py)."""
        lemma = _trigger_lemma(tok)
        entries = _VERB_INDEX.get(lemma)
        if not entries:
            return None
        if tok.dep_ in {"amod", "compound"}:
            if why is not None and not cameo and (hand := [tr for tr in entries if tr.source != "cameo"]):
                why.append((hand[0].plover_type, "verb_modifier", hand[0].mode))
            return None
        # a phrase of time is no particle: "called the plan reckless on Tuesday" calls on no one
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt" or c.dep_ == "prep" and not _time_phrase(c)}
        # "called for Savchenko to be jailed": the parser makes 'for' the mark of the infinitive clause
        particles |= {g.lower_ for c in tok.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                      for g in c.children if g.dep_ == "mark" and g.lower_ == "for" and g.i == tok.i + 1}
        for tr in entries:
            if (tr.source == "cameo") != cameo:
                continue
            if tr.particle and tr.particle not in particles:
                continue
            if not tr.particle and not tr.frame and lemma == "call":
                continue
            if tr.frame and not _FRAMES[tr.frame](tok):
                if why is not None and not cameo:
                    why.append((tr.plover_type, f"frame_{tr.frame}", tr.mode))
                continue
            if cameo and not cameo_pattern_holds(tok, tr.particle, tr.objects):
                continue
            if cameo and tr.objects and self._object_carries(tok, tr.plover_type):
                continue  # "continues its trade sanctions against the EU": the nominal carries it, with its parties
            if tr.corroborate and not (tr.objects and cameo_dyad(tok)) and (
                    not self._model_backs(tok, tr.plover_type) or not tr.objects and _asks_an_act(tok)):
                if why is not None and not cameo:
                    why.append((tr.plover_type, "uncorroborated", tr.mode))
                continue
            # a crowd that gathers or takes to the streets is the protest itself, named or not
            return Draft(tok, [tok], tr.plover_type, tr.mode, {"type": ("cameo:" if tr.source == "cameo" else "verb:") + lemma
                                                                   + (f" {tr.particle}" if tr.particle else "")
                                                                   + (" +object" if tr.objects else "")},
                         standalone=tr.frame in STANDALONE_FRAMES)
        return None

    def _noun_trigger(self, tok: Token, why: list[tuple[str, str, str | None]] | None = None) -> Draft | None:
        lemma = _event_noun_lemma(tok)
        if lemma == "strike" and any(c.lower_ in {"air", "drone", "missile"} for c in tok.children):
            lemma = "airstrike"
        elif lemma == "strike" and (labour := _labour_strike(tok)) is not None:
            lemma = labour  # "went on strike", "a general strike", "a strike by nurses": a stoppage of work
        elif lemma == "strike" and tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in {
            "conduct", "carry", "launch", "mount", "unleash", "execute"
        }:
            lemma = "attack"  # "conducted 12 strikes": military; "held a strike" (labour) is not
        entry = lx.STOPPAGES.get(lemma) or lx.NOUN_TRIGGERS.get(lemma)
        if entry is None or lemma == "march" and tok.pos_ != "NOUN":
            return None  # "March" the month
        plover_type, mode = entry
        head = tok.head
        governor = _governor_lemma(head)
        if plover_type == "PROTEST" and tok.dep_ == "pobj" and head.lower_ in {"on", "in"} and (
                head.head.pos_ in {"VERB", "AUX"}) and (
                lemma in {"labour strike", "hunger strike"} and head.lower_ == "on" or lemma == "protest"
                and head.lower_ == "in" and any(c.dep_ == "nsubj" for c in head.head.children)):
            # "thousands of workers went on strike", "farmers blocked highways in protest against the
            # laws": the clause's act is the protest, and its subject protests
            return Draft(tok, [tok], plover_type, mode, {"type": f"noun:{lemma} ('{head.lower_} {tok.lower_}')"},
                         nominal=True, standalone=True)
        if lemma in lx.AGREEMENT_NOUNS:
            # "reached an agreement with the soldiers"; "the 2015 nuclear agreement" is background
            coded = self._verb_trigger(head) if head.pos_ == "VERB" else None
            if tok.dep_ in {"dobj", "obj", "nsubjpass"} and governor in lx.AGREEMENT_VERBS and coded is None:
                return Draft(tok, [tok], plover_type, mode, {"type": f"noun:{lemma} (reached: '{head.lemma_}')"},
                             nominal=True, standalone=True)
            if why is not None:
                why.append((plover_type, "noun_agreement_unreached", mode))
            return None
        frame = None
        # whether the frame itself says the incident happened, so that it stands without a named party
        happened = False
        if tok.dep_ in {"dobj", "obj", "nsubjpass"} and governor in lx.LIGHT_VERBS:
            # "launched an investigation"; "an investigation has been opened": a passive light verb
            # leaves its agent out, not the event
            frame = f"light verb '{governor}'"
            happened = plover_type == "PROTEST" or tok.dep_ == "nsubjpass"
        elif plover_type == "PROTEST" and tok.dep_ in {"dobj", "obj", "pobj"} and (
            collective := _governor_lemma(head if tok.dep_ != "pobj" else head.head)
        ) in lx.PROTEST_LIGHT_VERBS:
            # "joined the protests", "organised a rally", "took out a march", "participated in a sit-in"
            frame, happened = f"collective action '{collective}'", True
        elif tok.dep_ == "nsubj" and head.pos_ == "VERB" and (
            governor in lx.OCCURRENCE_VERBS and (governor != "break" or any(c.lower_ == "out" for c in head.children))
            or plover_type == "PROTEST" and governor in lx.ATTENDANCE_VERBS and any(
                c.dep_ in {"dobj", "obj"} for c in head.children)
        ):
            # "protests erupted in Tripoli", "fighting broke out": the verb says it happened
            frame, happened = f"occurred: '{governor}'", True
        elif plover_type == "ASSAULT" and tok.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_.lower() in {
                "come", "be", "remain"}:
            # "the convoy came under attack from a militant cell", "the town was under fire"
            frame, happened = "came under", True
        elif plover_type == "PROTEST" and tok.dep_ == "pobj" and head.lower_ in {"during", "amid", "amidst"} and (
                lemma not in {"vigil", "march", "rally"} or PROTEST_CUES_RE.search(tok.sent.text)):
            # (a vigil, a march or a rally may be a Mass, a parade or a campaign meeting: as a setting only
            # where the sentence says it protests)
            # "activists were detained during unsanctioned protests", "police chased demonstrators amid
            # protests": the protest is the setting of the other event, and it took place
            frame, happened = f"setting: '{head.lower_}'", True
        elif plover_type == "PROTEST" and tok.dep_ in {"dobj", "obj"} and governor in lx.SET_OFF_VERBS:
            # "the killing sparked protests in Minneapolis": what was set off took place
            frame, happened = f"set off: '{governor}'", True
        elif plover_type == "PROTEST" and tok.dep_ in {"dobj", "obj", "nsubjpass"} and governor in lx.POLICING_VERBS:
            # "suppressed a peaceful protest", "the rally was dispersed": it took place
            frame, happened = f"policed: '{governor}'", True
        elif any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children) or any(
            c.dep_ == "poss" for c in tok.children
        ):
            frame = "nominal with agent"
        elif lemma == "fire" and any(c.lower_ in {"return", "artillery", "mortar", "rocket"} for c in tok.children):
            frame = "fire with modifier"
        elif plover_type == "CONSULT" and any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children):
            frame = "talks with"
        elif plover_type == "ASSAULT" and tok.dep_ in {"dobj", "obj"} and head.lemma_.lower() in lx.JUDGED_EVENT_VERBS:
            # "condemns the attacks in Jabla": the attack is an incident of its own, not the verb's party
            return Draft(tok, [tok], plover_type, mode, {"type": f"noun:{lemma} (judged incident)"}, nominal=True,
                         standalone=True)
        # "Saturday's terror attack in London", "Russian airstrikes", "the May 22 concert bombing": a
        # nominal tied to a time, a place or a named side names one incident, not events in general
        anchor = _nominal_anchor(tok) or (toll_anchor(tok) if plover_type == "ASSAULT" else None)
        if anchor is not None:
            frame = f"{frame}; {anchor}" if frame else anchor
            happened = True
        if frame is None:
            if why is not None:
                why.append((plover_type, "noun_no_frame", mode))
            return None
        # a nominal inside a clause already coded by a verb trigger is that verb's argument
        anc = tok.head
        for _ in range(6):
            coded = self._verb_trigger(anc) if anc.i != tok.i and anc.pos_ == "VERB" else None
            if coded is not None and (anchor is None and not frame.startswith("setting")
                                      or coded.plover_type == plover_type):
                # ...unless it is anchored and of another kind: "arrested two men in connection with
                # Saturday's bombing" reports the arrest and refers to the bombing, two incidents
                if why is not None:
                    why.append((plover_type, "noun_in_coded_clause", mode))
                return None
            if anc.pos_ == "VERB" or anc == anc.head:
                break
            anc = anc.head
        return Draft(tok, [tok], plover_type, mode, {"type": f"noun:{lemma} ({frame})"}, nominal=True,
                     standalone=happened)

    def _object_carries(self, tok: Token, plover_type: str) -> bool:
        """Whether an object of this pattern is a nominal the trigger model types as the same event."""
        model = self._triggers
        if model is None:
            return False
        for o in _pattern_objects(tok):
            if o.pos_ == "NOUN":
                t, p = model.predict(o)
                if t == plover_type and p >= MODEL_THRESHOLD:
                    return True
        return False

    def _model_backs(self, tok: Token, plover_type: str) -> bool:
        """Whether the trigger model gives this word this type at least lexicon.CAMEO_SUPPORT probability."""
        from .triggers import token_features

        model = self._triggers
        if model is None or plover_type not in model.classes:
            return False
        return model.scores(token_features(tok))[model.classes.index(plover_type)] >= lx.CAMEO_SUPPORT

    def _cameo_nominal(self, tok: Token) -> Draft | None:
        """A noun that names the act of a CAMEO object pattern, with that object in its of-phrase: "the
        imposition of sanctions on Russia", "the expulsion of diplomats" (lexicon.CAMEO_NOMINALS)."""
        entries = lx.CAMEO_NOMINALS.get(tok.lemma_.lower())
        if not entries or tok.dep_ in {"compound", "amod"}:
            return None
        objs = {w for o in _pattern_objects(tok) for w in (o.lemma_.lower(), o.lower_)}
        for tr in entries:
            if not objs & tr.objects:
                continue
            if self._argument_of_coded_verb(tok, tr.plover_type):
                return None  # "imposed an extension of the embargo": the verb's event
            anchor = _nominal_anchor(tok) or _nominal_happened(tok)
            return Draft(tok, [tok], tr.plover_type, tr.mode,
                         {"type": f"cameo:{tok.lemma_.lower()} ({tr.lemma}" + (f"; {anchor})" if anchor else ")")
                          + " +object"}, nominal=True, standalone=anchor is not None)
        return None

    def _model_trigger(self, tok: Token) -> Draft | None:
        """A word the lexicon does not list, typed by the learned trigger model (triggers.py)."""
        if self._triggers is None or tok.pos_ not in {"VERB", "NOUN"} or tok.dep_ in {"compound", "amod"}:
            return None
        lemma = tok.lemma_.lower()
        if _lexicon_knows(tok, lemma) and lemma not in _MODEL_OPEN and _FORMS.get(tok.lower_) not in _MODEL_OPEN:
            return None  # the lexicon knows this word, and its frame already said no
        plover_type, p = self._triggers.predict(tok)
        if plover_type == "NONE" or p < MODEL_THRESHOLD:
            return None
        if tok.pos_ == "NOUN":
            if tok.dep_ in {"nsubj", "nsubjpass"} and any(
                    c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.head.children):
                return None  # "a battle between them could draw in outside groups": what might be, not news
            if self._argument_of_coded_verb(tok, plover_type):
                return None
            anchor = _nominal_anchor(tok) or _nominal_happened(tok)
            return Draft(tok, [tok], plover_type, None,
                         {"type": f"model:{lemma} ({p:.2f}" + (f"; {anchor})" if anchor else ")")}, nominal=True,
                         standalone=anchor is not None)
        return Draft(tok, [tok], plover_type, None, {"type": f"model:{lemma} ({p:.2f})"})

    def _argument_of_coded_verb(self, tok: Token, plover_type: str) -> bool:
        """A nominal inside a clause whose verb the lexicon codes with the same type is that verb's argument,
        as _noun_trigger has it for the lexicon's nouns: "a man was killed in a battle between troops and
        terrorists" is one attack, not a killing and a battle."""
        anc = tok.head
        for _ in range(6):
            if anc.i != tok.i and anc.pos_ == "VERB":
                coded = self._verb_trigger(anc)
                return coded is not None and coded.plover_type == plover_type
            if anc == anc.head:
                break
            anc = anc.head
        return False

    def _irrealis(self, tok: Token) -> bool:
        """Intended, prevented, requested or background events are not reported events."""
        if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            # "gunmen who kidnapped six people", "Keating, who was killed yesterday": a relative clause in
            # the past reports an event; "a plan to strike", "forces that would attack" do not
            past = tok.tag_ in {"VBD", "VBN"} and not any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in {"would", "could", "will", "may", "might", "to", "should"}
                for c in tok.children)
            if not past or tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(
                    c.dep_ == "agent" for c in tok.children) and not existential_victims(tok):
                return True
        if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not (
                tok.lemma_.lower() in lx.PROTEST_PURPOSE_VERBS and crowd_purpose(tok)):
            # a purpose ("marched ... to demand justice") is intended, not reported; but a crowd that acts
            # "to protest" protests by that act ("students blocked the highway to protest")
            return True
        cur = tok
        for _ in range(6):
            if cur.dep_ == "advcl" and finite_clause(cur):
                # "were never tried, as they were released in June": a finite clause with its own subject
                # asserts its own event; only what an intention governs non-finitely is intended
                break
            if cur.dep_ in {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "acl", "dobj", "conj", "prep"}:
                head = cur.head
                # a finite past conjunct is not governed by its head ("attempted to rob him and shot him")
                hl = "" if cur.dep_ == "conj" and cur.tag_ == "VBD" else head.lemma_.lower()
                if not hl and head.tag_ == "VB":
                    break
                if hl in lx.IRREALIS_GOVERNORS and head.i != tok.i:
                    return True
                if hl in {"threaten", "warn", "vow", "urge", "demand", "call", "ask", "request"} and cur.dep_ in {
                    "xcomp", "ccomp", "prep", "pcomp", "pobj"} and head.i != tok.i:
                    return True
                if cur == head:
                    break
                cur = head
            else:
                break
        return False

    def _phrase_events(self, sent: Span) -> Iterable[Draft]:
        """Events that no single trigger word carries: conditional threats, counterfactual blame."""
        text = sent.text
        m = CONDITIONAL_THREAT.search(text) or FORCE_US.search(text)
        if m:
            tok = _token_at(sent, sent.start_char + m.start())
            yield Draft(tok, [tok], "THREATEN", "violence", {"type": "phrase:conditional threat"})
        m = BLAME_PHRASE.search(text)
        if m and not statements.lays_blame(sent):  # a verb's blame frame codes it, with its parties
            tok = _token_at(sent, sent.start_char + m.start())
            yield Draft(tok, [tok], "ACCUSE", "disapprove", {"type": "phrase:counterfactual blame"})
        m = PROOF_PHRASE.search(text)
        if m and any(t.lemma_ in lx.SPEECH_VERBS for t in sent) and TERROR_WORDS.search(text):
            tok = _token_at(sent, sent.start_char + m.start())
            yield Draft(tok, [tok], "ACCUSE", "allege", {"type": "phrase:proof of support"})
        yield from idioms.drafts(sent)  # "pleaded guilty", "on trial", "pointed a gun at" (data/idiom_triggers.tsv)
        yield from refused_acts.drafts(sent)  # "said he would not provide support", "declined to send aid"

    # ---------------------------------------------------------------- one event
    def _build(self, d: Draft, sent: Span, si: int, ctx: ArticleContext) -> Event | None:
        if d.rules["type"].split(":")[0] in {"verb", "noun", "model"} and (
                gate := unrealised(d) or ("shared opinion" if shared_opinion(d) else None)):
            # an act intended, allowed or advised; an opinion agreed on (gates.py)
            return rejections.note(self, d, f"gate_unrealised {gate}")
        claim, claim_tok = self._attributed(d, sent, ctx, si)  # claims.py
        speaker = ctx.speaker_for(si, claim_tok, self)
        modality = self._modality(d)
        actors, recips = self._arguments(d, sent, si, ctx, speaker)
        if speaker is not None and speaker.sector == "JRN":
            # a newspaper or journalist a statement was given to ("told Hurriyet newspaper that ...") reports
            # it; the press is no speaker of a threat or a claim (outlets are never parties): the nearest
            # speaker before it who is not the press is
            speaker = ctx.recent_speaker(si, press=False)
        if d.plover_type == "THREATEN" and not actors and speaker is not None:
            actors = [ActorRef("actor", speaker.text, speaker.name, speaker.country, speaker.sector,
                               rule="speaker of the threat")]
        if d.plover_type in {"ACCUSE"} and d.rules["type"].startswith("phrase") and not actors:
            if claim_tok is not None:
                actors = self._resolve_parties([claim_tok], "actor", sent, si, ctx, speaker, d)
            if not actors and speaker is not None:
                actors = [ActorRef("actor", speaker.text, speaker.name, speaker.country, speaker.sector,
                                   rule="speaker of the claim")]
        if not recips and d.plover_type in {"THREATEN", "ACCUSE", "REQUEST"}:
            recips = self._resolve_parties(_condition_subjects(d, sent), "recipient", sent, si, ctx, speaker, d)
            if speaker is not None:
                recips = [r for r in recips if r.country != speaker.country or r.sector != speaker.sector]
        # an outlet reports events, it is never a party to them ("Reuters"); "Turkey's Daily Sabah" speaking
        # for its side makes Turkey the party, not the newspaper
        actors = [self._military_sector(a, d.plover_type) for a in self._no_outlets(actors)]
        recips = [self._military_sector(a, d.plover_type) for a in self._no_outlets(recips)]
        if parties := one_sided(d, actors, recips) or private_matter(d, actors, recips):
            # a body's own meeting, a state's with its own forces, companies' dealings (gates.py)
            return rejections.note(self, d, f"gate_parties {parties}")
        if kind := everyday(d, actors, recips, modality):
            # weather, accidents, occasions, worship, metaphors, press calls, advice to the reader (everyday.py)
            return rejections.note(self, d, f"gate_everyday {kind}")
        # an anchored nominal with no party stands alone only in a sentence that reports something: not
        # in a list of headlines or links ("* 2007 Bagram Airfield bombing")
        anchored = d.standalone and (d.rules["type"].endswith("(judged incident)")
                                     or any(t.pos_ in {"VERB", "AUX"} for t in sent))
        # the parties that let a draft stand: those the rules found (the role model only fills and corrects
        # the roles of an event that stands on its own evidence; roles.RESURRECT)
        own = any(rl.carries_event(a.rule) for a in (*actors, *recips)) or statements.pronoun_speaker_carries(d, actors)
        if not own and (patient := passive_patient(d)) is not None:
            # "leftists were arrested", "they were released": the passive names who underwent the act
            recips = recips or [patient_ref(patient)]
            own = True
        if not own and d.nominal and not anchored and not rejections.rescued(self, d, "nominal_no_party"):
            return rejections.note(self, d, "nominal_no_party")
        size = self._size(d, sent)
        if size.is_empty() and not own and not anchored and not rejections.rescued(self, d, "no_party_no_size"):
            # a verb with no party at all and no casualties is not codable news ("fans demonstrate
            # their support"): an event without who is noise to analysts. A named party the KB cannot
            # place ("Nuiry was arrested") keeps the event, with its country left null.
            return rejections.note(self, d, "no_party_no_size")
        mode = d.mode
        if d.plover_type == "ASSAULT" and mode is None:
            mode = self._weapon_mode(sent)
        if d.plover_type == "PROTEST":
            # "protesters marched ... and torched cars": the demonstrators' violence, not the trigger,
            # makes it a riot (ACLED's word sets, events/protest_modes.py)
            mode = protest_modes.plover_protest_mode(sent.text, mode)
        when = self._date(d, sent, si, ctx, modality)
        where = self._location(d, sent, si, ctx, actors, recips)
        actors = [self._operating_country(a, where, ctx) for a in actors or self._authority_actor(d, sent, si, ctx)]
        recips = [self._operating_country(a, where, ctx) for a in recips]
        span_toks = [t for t in d.triggers]
        for c in d.trigger.children:
            # "the May 22 concert bombing in the city killed 22 people": the event noun that is the verb's
            # subject names the same incident, so the evidence covers it
            if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lx.NOUN_TRIGGERS and not d.nominal:
                span_toks.extend(t for t in _np_span(c) if sent.start <= t.i < sent.end)
        if " +object" in d.rules["type"]:  # "opened a probe", "issued arrest warrants": the act is verb and object
            span_toks += [o for o in _pattern_objects(d.trigger) if sent.start <= o.i < sent.end]
        for a in (*actors, *recips):
            if a.start is not None and sent.start_char <= a.start < sent.end_char:
                span_toks.extend(t for t in sent if a.start <= t.idx < (a.end or a.start))
        start = min(t.idx for t in span_toks)
        end = max(t.idx + len(t.text) for t in span_toks)
        if d.rules["type"].startswith("phrase"):
            # the sentence's own words: blank runs left by the pre-filter are not part of it
            words = [t for t in sent if not t.is_space]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        start, end = max(start, sent.start_char), min(end, sent.end_char)
        while end > start and ctx.text[end - 1].isspace():
            end -= 1
        while start < end and ctx.text[start].isspace():
            start += 1
        acled = _territory_by_actor(self._acled_type(d.plover_type, mode, sent.text, actors, recips), actors)
        context = self._contexts(d.plover_type, sent.text, actors, recips)
        conf = self._confidence(d, actors, recips, when, where, modality, claim, mode, acled)
        rules = dict(d.rules)
        rules.update({f"actor:{a.text}": a.rule or "" for a in actors})
        rules.update({f"recipient:{a.text}": a.rule or "" for a in recips})
        if where is not None:
            rules["location"] = where.reason or "clause"
        if when is not None:
            rules["date"] = when.reason or "clause"
        trigger = d.trigger
        event_id = "e_" + hashlib.sha256(
            f"{ctx.article.article_id}|{self.version}|{trigger.idx}|{d.plover_type}".encode()
        ).hexdigest()[:20]
        return Event(
            event_id=event_id,
            article_id=ctx.article.article_id,
            plover_type=d.plover_type,
            plover_mode=mode,
            context=tuple(context),
            acled_event_type=acled[0] if acled else None,
            acled_sub_event_type=acled[1] if acled else None,
            cameo_root=_cameo_root(d.plover_type, mode),
            actors=tuple([*actors, *recips]),
            location=where,
            date=when,
            size=size,
            claim_source=tuple(claim),
            modality=modality,
            confidence=conf,
            evidence=Evidence(sentence=sent.text.strip(), start=start, end=end, trigger=trigger.text,
                              trigger_start=trigger.idx, trigger_end=trigger.idx + len(trigger.text)),
            extractor_version=self.version,
            rules=tuple(sorted(rules.items())),
            source=ctx.article.source,
            published=ctx.article.published,
        )

    # ---------------------------------------------------------------- codes
    def _acled_type(
        self, plover_type: str, mode: str | None, text: str, actors: list[ActorRef], recips: list[ActorRef]
    ) -> tuple[str, str, float | None] | None:
        base = _safe(lambda: _taxonomy().default_acled(plover_type, mode))
        if base is None:
            return None
        if self._acled is not None:
            g = _safe(lambda: self._acled(text, plover_type, mode))
            if g is not None and getattr(g, "sub_event_type", None):
                score = None if getattr(g, "rule", "") == "plover-default" else float(getattr(g, "score", 0.0))
                return (g.event_type, g.sub_event_type, score)
        if plover_type == "ASSAULT" and recips and all(r.sector == "CVL" for r in recips) and mode not in {
            "aerial", "drone", "heavy-weapons", "explosives"
        }:
            return ("Violence against civilians", "Attack", None)
        return (base[0], base[1], None)

    @staticmethod
    def _contexts(plover_type: str, text: str, actors: list[ActorRef], recips: list[ActorRef]) -> list[str]:
        out = []
        sectors = {a.sector for a in (*actors, *recips)}
        if plover_type in {"ASSAULT", "MOBILIZE"} or "MIL" in sectors or "REB" in sectors:
            out.append("military")
        if plover_type in {"CONSULT", "REQUEST", "AGREE", "REJECT"} and "GOV" in sectors:
            out.append("diplomatic")
        if re.search(r"\b(captur|seiz|recaptur|territor|town of|control of)", text, re.I) and plover_type == "ASSAULT":
            out.append("territory")
        if TERROR_WORDS.search(text):
            out.append("terrorism")
        if re.search(r"\b(refugee|humanitarian|aid)\b", text, re.I):
            out.append("human_security")
        return out

    @staticmethod
    def _confidence(
        d: Draft, actors: list[ActorRef], recips: list[ActorRef], when: When | None, where: Place | None,
        modality: str, claim: list[str], mode: str | None, acled: tuple[str, str, float | None] | None,
    ) -> float:
        """Evidence that the event is coded right, weighted by what predicted correctness on gold data.

        The weights follow the feature table of bench/calibration.py (docs/evaluation.md): a resolved
        actor and a confident ACLED typing predict a right event; a recipient or a place barely do.
        """
        c = 0.40
        if actors:
            c += 0.15 + (0.05 if any(a.country for a in actors) else 0.0)
            if all((a.rule or "").startswith(("return fire", "agentless", "speaker")) for a in actors):
                c -= 0.05
        if not d.nominal and not d.rules["type"].startswith("phrase"):
            c += 0.05
        if acled is not None:
            score = acled[2]
            c += -0.15 if score is None or score < 0.5 else (0.15 if score >= 0.8 else 0.05)
        elif d.plover_type not in {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"}:
            c += 0.1  # verbal events have no ACLED typing to vouch for them; the trigger does
        if d.plover_type == "ASSAULT":
            c += 0.05 if mode else -0.05
        if when is not None and when.precision not in {None, "reported"}:
            c += 0.05
        if any(r.country for r in recips):
            c += 0.03
        return max(0.05, min(0.97, c))

    @staticmethod
    def _weapon_mode(sent: Span) -> str | None:
        low = sent.text.lower()
        for word, mode in lx.MODE_WORDS:
            if re.search(rf"\b{re.escape(word)}", low):
                return mode
        return None


def _time_phrase(prep: Token) -> bool:
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in {"DATE", "TIME"} for g in objs)


# Frames whose clause is itself the event, with or without a named party: a crowd that gathers or takes
# to the streets; a state's guard raised on a place ("security has been enhanced in Lyon").
STANDALONE_FRAMES = frozenset({"protest_crowd", "to_the_streets", "security_raised"})
_SPORTS = re.compile(lx.SPORTS_CUES, re.I)


def _sports_report(text: str) -> bool:
    """Is this a sports report? Several distinct sports words ('league', 'striker', a 6-2 score)."""
    return len({m.group(0).lower() for m in _SPORTS.finditer(text)}) >= lx.SPORTS_REPORT_CUES


def _person_names(doc: Doc) -> Counter[str]:
    """How much more often the article tags a name (or a surname: the last word of a multi-word person)
    as a person than as a place; a name with a positive count reads as a person throughout the article."""
    votes: Counter[str] = Counter()
    for ent in doc.ents:
        key = ent.text.lower()
        if ent.label_ == "PERSON":
            votes[key] += 1
            words = key.split()
            if len(words) > 1 and words[-1][:1].isalpha():
                votes[words[-1]] += 1
        elif ent.label_ in PLACE_LABELS:
            votes[key] -= 1
    return votes


_MODALS = frozenset({"could", "would", "may", "might", "will", "should", "can", "must", "'ll", "wo"})


def _lexicon_knows(tok: Token, lemma: str) -> bool:
    """Whether a hand-written reading of this word as this part of speech has had its say.

    A noun is known by the noun lexicons only: the verb lexicon never reads nouns, so a noun that shares a
    verb trigger's lemma ("sanctions", "the slaughter", "the battle for Syria", "his capture") was typed by
    nobody; the learned model reads it as it reads any other noun (and a nominal still needs a party or
    an anchor to stand, coder._build). "strike" keeps its own noun reading (_noun_trigger: air, labour)."""
    if tok.pos_ == "NOUN":
        return lemma in lx.NOUN_TRIGGERS or lemma in verbal.VERBAL_NOUNS or lemma == "strike"
    return lemma in _VERB_INDEX or lemma in lx.NOUN_TRIGGERS or _FORMS.get(tok.lower_) in _VERB_INDEX


def _nominal_happened(tok: Token) -> str | None:
    """The frames that say a nominal the model typed took place, as they say it of the lexicon's nouns
    (_noun_trigger): "the embargo was instituted in 2014" (a passive light verb leaves its agent out, not
    the event), "clashes erupted" (an occurrence verb)."""
    if tok.dep_ not in {"nsubjpass", "nsubj"} or tok.head.pos_ != "VERB":
        return None
    governor = _governor_lemma(tok.head)
    if tok.dep_ == "nsubjpass" and governor in lx.LIGHT_VERBS:
        return f"light verb '{governor}'"
    if tok.dep_ == "nsubj" and governor in lx.OCCURRENCE_VERBS and (
            governor != "break" or any(c.lower_ == "out" for c in tok.head.children)):
        return f"occurred: '{governor}'"
    return None
