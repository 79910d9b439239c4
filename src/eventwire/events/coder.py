"""The event coder: a spaCy Doc of one article -> coded Events.

Rules over the dependency parse decide which clauses report events (lexicon.py), what kind, and
which phrases fill each role; the actors, places, times and numbers stages resolve those phrases.
Every decision is recorded in ``Event.rules`` so a user can see why a field holds what it holds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..countries import alpha2_to_3, alpha3_to_2, official_name
from ..numbers import VAGUE, count_with_context
from ..records import ActorRef, Article, Event, Evidence, Place, Size, When
from . import lexicon as lx
from .incidents import assign_incidents, drop_repeats

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..actors import ActorMatch, ActorResolver
    from ..places import PlaceResolver

_VERB_INDEX: dict[str, list[lx.Trigger]] = {}
for _tr in lx.VERB_TRIGGERS:
    _VERB_INDEX.setdefault(_tr.lemma, []).append(_tr)


def _inflections(lemma: str) -> set[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "d" if lemma.endswith("e") else lemma + "ed", stem + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


# The lemmatiser's misses ("raped" -> "rap") are caught by the trigger's own regular forms.
_FORMS = {form: lem for lem in _VERB_INDEX for form in _inflections(lem)}


def _trigger_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return lemma if lemma in _VERB_INDEX else _FORMS.get(tok.lower_, lemma)

PLACE_LABELS = {"GPE", "LOC", "FAC"}
FIRST_PERSON = {"we", "our", "us", "ours", "ourselves", "i", "me", "my", "mine", "myself"}
PRONOUNS = {"they", "them", "their", "it", "its", "he", "him", "his", "she", "her"}
PLACE_NOUNS = {"town", "city", "village", "province", "district", "region", "governorate", "area", "capital",
               "neighbourhood", "neighborhood", "county", "state", "municipality", "camp", "suburb", "port"}
LOCATIVE_PREPS = {"in", "at", "near", "across", "outside", "inside", "around", "into", "to", "from", "on",
                  "throughout", "within"}

BOILERPLATE = re.compile(
    r"^\s*(\d+\s+comments?|article written by|written by|reporting by|editing by|follow us|subscribe|"
    r"sign up|click here|read more|share this|copyright|all rights reserved|related:|advertisement|photo by|"
    r"photograph:|image:|credit:|file photo)",
    re.I,
)
EDITORIAL = re.compile(r"\b(we remind readers|we found that|as we reported|our readers|we noted)\b", re.I)
CONDITIONAL_THREAT = re.compile(
    r"\b(if|unless)\b[^.]*\b(we|our)\b[^.]*\b(have plans|will respond|will retaliate|will not hesitate|"
    r"will take|are ready|will strike|force us|plan [bB])",
    re.I,
)
FORCE_US = re.compile(r"\b(not to force us|force our hand|leave us no choice|will pay a heavy price)\b", re.I)
BLAME_PHRASE = re.compile(r"\b(could|would) have been avoided\b|\bis to blame\b|\bwas responsible for\b", re.I)
PROOF_PHRASE = re.compile(r"\b(proof|evidence)\s+of\b", re.I)
ONGOING = re.compile(r"\b(has|have) been \w+ing\b|\bcontinues? to\b|\bongoing\b", re.I)
LEFT_DEAD = re.compile(
    r"\b(?:left|leaving|killing|killed|that killed|which killed)\s+(?P<pre>at least\s+|more than\s+)?"
    r"(?P<n>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty)\b"
    r"(?:\s+\w+){0,3}?\s+(?:dead|killed)\b|\bkilling\s+(?P<pre2>at least\s+)?(?P<n2>\d[\d,]*)",
    re.I,
)
# The learned trigger model proposes an event only when it is at least this sure (dev split: see
# docs/evaluation.md); below it the hand-written lexicon alone decides.
MODEL_THRESHOLD = float(os.environ.get("EVENTWIRE_TRIGGER_THRESHOLD", "0.45"))
FOOTNOTE = re.compile(r"\.?\[\d*\]?$")  # "aircraft.[2]": a reference marker glued to the last word
TERROR_WORDS = re.compile(r"terror|jihad|al-qaeda|al qaeda|isis|isil|islamic state|daesh|qaeda", re.I)


@dataclass
class _Mention:
    """A resolved party as the coder keeps it while reading the article (for coreference)."""

    text: str
    country: str | None
    sector: str | None
    name: str | None
    plural: bool
    person: bool
    sent_i: int


@dataclass
class _Draft:
    trigger: Token
    triggers: list[Token]
    plover_type: str
    mode: str | None
    rules: dict[str, str] = field(default_factory=dict)
    nominal: bool = False


class EventCoder:
    def __init__(self, actors: ActorResolver, places: PlaceResolver, version: str) -> None:
        self.actors = actors
        self.places = places
        self.version = version
        self._acled: Any = None
        from .triggers import default_model

        self._triggers = default_model()
        try:  # the ACLED classifier is optional: without it the taxonomy default applies
            from . import acled as _acled_mod

            self._acled = getattr(_acled_mod, "classify_acled", None)
        except Exception:  # noqa: BLE001 - a broken optional module must not stop coding
            self._acled = None

    # ---------------------------------------------------------------- article level
    def code(self, doc: Doc, article: Article) -> list[Event]:
        sents = list(doc.sents)
        ctx = _ArticleContext(doc, article, sents)
        ctx.places = self._resolve_places(doc, ctx)
        drafts: list[tuple[int, _Draft]] = []
        for si, sent in enumerate(sents):
            if self._skip_sentence(sent):
                continue
            ctx.update_speaker(si, sent, self)
            for d in self._find_triggers(sent):
                drafts.append((si, d))
            for d in self._phrase_events(sent):
                drafts.append((si, d))
        events: list[Event] = []
        for si, d in drafts:
            ev = self._build(d, sents[si], si, ctx)
            if ev is not None:
                events.append(ev)
            ctx.note_event(si, ev)
        events = drop_restatements(drop_repeats(events))
        return assign_incidents(events)

    def _skip_sentence(self, sent: Span) -> bool:
        text = sent.text.strip()
        if not text or BOILERPLATE.search(text) or EDITORIAL.search(text) and len(text) < 200:
            return True
        return len([t for t in sent if t.is_alpha]) < 3

    # ---------------------------------------------------------------- places
    def _resolve_places(self, doc: Doc, ctx: _ArticleContext) -> list[Place]:
        mentions: list[tuple[int, int, str]] = []
        seen: set[tuple[int, int]] = set()
        for ent in doc.ents:
            if _acts_as_party(ent):
                continue
            if ent.label_ in PLACE_LABELS or self._place_by_frame(ent):
                key = (ent.start_char, ent.end_char)
                if key not in seen:
                    seen.add(key)
                    mentions.append((ent.start_char, ent.end_char, ent.label_))
        hints = tuple(ctx.country_hints(self))
        if hints:
            # the knowledge base fills a missing country ("the army", "rebels") only from this context
            ctx.context_text = official_name(hints[0]) or ""
        try:
            return [p for p in self.places.resolve_document(ctx.text, mentions, hint_countries=hints)]
        except Exception:  # noqa: BLE001 - a gazetteer failure leaves places as text, never drops events
            return [Place(text=ctx.text[s:e], start=s, end=e, reason="gazetteer error") for s, e, _ in mentions]

    @staticmethod
    def _place_by_frame(ent: Span) -> bool:
        """'the town of Saraqib', 'in X province': a place whatever label NER gave it."""
        head = ent.root.head
        if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
            return True
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.lemma_.lower() in {"province", "governorate", "district", "region"}:
            return True
        return bool(ent.label_ in {"ORG", "PERSON", "NORP"} and ent.root.dep_ == "pobj"
                    and head.lower_ in {"in", "near", "outside", "through", "across", "into"} and ent[0].is_title and len(ent) <= 3
                    and ent.label_ != "NORP")

    # ---------------------------------------------------------------- triggers
    def _find_triggers(self, sent: Span) -> Iterable[_Draft]:
        claimed: set[int] = set()
        for tok in sent:
            if tok.i in claimed:
                continue
            d = self._verb_trigger(tok) if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("VB") else None
            if d is None and tok.pos_ in {"NOUN", "PROPN"}:
                d = self._noun_trigger(tok)
            if d is None:
                d = self._model_trigger(tok)
            if d is None:
                continue
            if self._irrealis(tok):
                continue
            # coordinated triggers of one type are one event ("struck, neutralized and destroyed")
            for c in _clause_group(tok):
                if c.i != tok.i and c.i not in claimed:
                    cd = self._verb_trigger(c) if c.pos_ in {"VERB", "AUX"} else self._noun_trigger(c)
                    if cd is not None and cd.plover_type == d.plover_type:
                        d.triggers.append(c)
                        claimed.add(c.i)
            claimed.add(tok.i)
            yield d

    def _verb_trigger(self, tok: Token) -> _Draft | None:
        lemma = _trigger_lemma(tok)
        entries = _VERB_INDEX.get(lemma)
        if not entries or tok.dep_ in {"amod", "compound"}:
            return None
        particles = {c.lower_ for c in tok.children if c.dep_ in {"prt", "prep"}}
        for tr in entries:
            if tr.particle and tr.particle not in particles:
                continue
            if not tr.particle and lemma == "call":
                continue
            if tr.frame and not _FRAMES[tr.frame](tok):
                continue
            return _Draft(tok, [tok], tr.plover_type, tr.mode, {"type": f"verb:{lemma}" + (f" {tr.particle}" if tr.particle else "")})
        return None

    def _noun_trigger(self, tok: Token) -> _Draft | None:
        lemma = tok.lemma_.lower()
        if lemma == "strike" and any(c.lower_ in {"air", "drone", "missile"} for c in tok.children):
            lemma = "airstrike"
        elif lemma == "strike" and tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in {
            "conduct", "carry", "launch", "mount", "unleash", "execute"
        }:
            lemma = "attack"  # "conducted 12 strikes": military; "held a strike" (labour) is not
        entry = lx.NOUN_TRIGGERS.get(lemma)
        if entry is None:
            return None
        plover_type, mode = entry
        head = tok.head
        frame = None
        if tok.dep_ in {"dobj", "obj", "nsubjpass"} and head.lemma_.lower() in lx.LIGHT_VERBS:
            # "launched an investigation", "an investigation was opened"
            frame = f"light verb '{head.lemma_}'"
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
            return _Draft(tok, [tok], plover_type, mode, {"type": f"noun:{lemma} (judged incident)"}, nominal=True)
        # "Saturday's terror attack in London", "Russian airstrikes", "the May 22 concert bombing": a
        # nominal tied to a time, a place or a named side names one incident, not events in general
        anchor = _nominal_anchor(tok)
        if anchor is not None:
            frame = f"{frame}; {anchor}" if frame else anchor
        if frame is None:
            return None
        # a nominal inside a clause already coded by a verb trigger is that verb's argument
        anc = tok.head
        for _ in range(6):
            verb_types = {tr.plover_type for tr in _VERB_INDEX.get(anc.lemma_.lower(), ())}
            if anc.i != tok.i and verb_types and anc.pos_ == "VERB" and (anchor is None or plover_type in verb_types):
                # ...unless it is anchored and of another kind: "arrested two men in connection with
                # Saturday's bombing" reports the arrest and refers to the bombing, two incidents
                return None
            if anc.pos_ == "VERB" or anc == anc.head:
                break
            anc = anc.head
        d = _Draft(tok, [tok], plover_type, mode, {"type": f"noun:{lemma} ({frame})"}, nominal=True)
        return d

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

    def _model_trigger(self, tok: Token) -> _Draft | None:
        """A word the lexicon does not list, typed by the learned trigger model (triggers.py)."""
        if self._triggers is None or tok.pos_ not in {"VERB", "NOUN"} or tok.dep_ in {"compound", "amod"}:
            return None
        lemma = tok.lemma_.lower()
        if lemma in _VERB_INDEX or lemma in lx.NOUN_TRIGGERS or _FORMS.get(tok.lower_) in _VERB_INDEX:
            return None  # the lexicon knows this word, and its frame already said no
        plover_type, p = self._triggers.predict(tok)
        if plover_type == "NONE" or p < MODEL_THRESHOLD:
            return None
        if tok.pos_ == "NOUN":
            anchor = _nominal_anchor(tok)
            return _Draft(tok, [tok], plover_type, None,
                          {"type": f"model:{lemma} ({p:.2f}" + (f"; {anchor})" if anchor else ")")}, nominal=True)
        return _Draft(tok, [tok], plover_type, None, {"type": f"model:{lemma} ({p:.2f})"})

    def _irrealis(self, tok: Token) -> bool:
        """Intended, prevented, requested or background events are not reported events."""
        if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            # "gunmen who kidnapped six people", "Keating, who was killed yesterday": a relative clause in
            # the past reports an event; "a plan to strike", "forces that would attack" do not
            past = tok.tag_ in {"VBD", "VBN"} and not any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in {"would", "could", "will", "may", "might", "to", "should"}
                for c in tok.children)
            if not past or tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
                return True
        if tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True  # a purpose ("marched ... to demand justice") is intended, not reported
        cur = tok
        for _ in range(6):
            if cur.dep_ in {"xcomp", "ccomp", "advcl", "pcomp", "pobj", "acl", "dobj", "conj", "prep"}:
                head = cur.head
                hl = head.lemma_.lower()
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

    def _phrase_events(self, sent: Span) -> Iterable[_Draft]:
        """Events that no single trigger word carries: conditional threats, counterfactual blame."""
        text = sent.text
        m = CONDITIONAL_THREAT.search(text) or FORCE_US.search(text)
        if m:
            tok = _token_at(sent, sent.start_char + m.start())
            yield _Draft(tok, [tok], "THREATEN", "violence", {"type": "phrase:conditional threat"})
        m = BLAME_PHRASE.search(text)
        if m:
            tok = _token_at(sent, sent.start_char + m.start())
            yield _Draft(tok, [tok], "ACCUSE", "disapprove", {"type": "phrase:counterfactual blame"})
        m = PROOF_PHRASE.search(text)
        if m and any(t.lemma_ in lx.SPEECH_VERBS for t in sent) and TERROR_WORDS.search(text):
            tok = _token_at(sent, sent.start_char + m.start())
            yield _Draft(tok, [tok], "ACCUSE", "allege", {"type": "phrase:proof of support"})

    # ---------------------------------------------------------------- one event
    def _build(self, d: _Draft, sent: Span, si: int, ctx: _ArticleContext) -> Event | None:
        claim, claim_tok = self._claim_source(d.trigger, sent, ctx, si)
        if claim_tok is not None and _first_person(claim_tok):
            sp = ctx.speaker_for(si, None, self)
            claim = [sp.name or sp.text] if sp is not None else []
            claim_tok = None
        if claim_tok is not None and claim_tok.lower_ in PRONOUNS:
            m = ctx.antecedent(si, plural=claim_tok.lower_ == "they", person=claim_tok.lower_ in {"he", "she"})
            claim = [m.name or m.text] if m is not None else []
        speaker = ctx.speaker_for(si, claim_tok, self)
        modality = self._modality(d)
        actors, recips = self._arguments(d, sent, si, ctx, speaker)
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
        # an anchored nominal with no party stands alone only in a sentence that reports something: not
        # in a list of headlines or links ("* 2007 Bagram Airfield bombing")
        anchored = "judged incident" in d.rules.get("type", "") or (
            "anchored" in d.rules.get("type", "") and any(t.pos_ in {"VERB", "AUX"} for t in sent)
        )
        if not actors and not recips and d.nominal and not anchored:
            return None
        size = self._size(d, sent)
        if size.is_empty() and not (actors or recips) and not anchored:
            # a verb with no party at all and no casualties is not codable news ("fans demonstrate
            # their support"): an event without who is noise to analysts. A named party the KB cannot
            # place ("Nuiry was arrested") keeps the event, with its country left null.
            return None
        mode = d.mode
        if d.plover_type == "ASSAULT" and mode is None:
            mode = self._weapon_mode(sent)
        when = self._date(d, sent, si, ctx, modality)
        where = self._location(d, sent, si, ctx, actors, recips)
        actors = [self._operating_country(a, where) for a in actors]
        recips = [self._operating_country(a, where) for a in recips]
        span_toks = [t for t in d.triggers]
        for c in d.trigger.children:
            # "the May 22 concert bombing in the city killed 22 people": the event noun that is the verb's
            # subject names the same incident, so the evidence covers it
            if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in lx.NOUN_TRIGGERS and not d.nominal:
                span_toks.extend(t for t in _np_span(c) if sent.start <= t.i < sent.end)
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

    # ---------------------------------------------------------------- arguments
    def _arguments(
        self, d: _Draft, sent: Span, si: int, ctx: _ArticleContext, speaker: _Mention | None
    ) -> tuple[list[ActorRef], list[ActorRef]]:
        t = d.trigger
        actor_toks: list[Token] = []
        recip_toks: list[Token] = []
        rules: dict[str, str] = {}
        if d.nominal:
            for c in t.children:
                if c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"}):
                    actor_toks.append(c)
                if c.dep_ == "prep" and c.lower_ == "by":
                    actor_toks += [g for g in c.children if g.dep_ == "pobj"]
                if c.dep_ == "prep" and c.lower_ in {"on", "against", "with", "between", "of"}:
                    recip_toks += [g for g in c.children if g.dep_ == "pobj"]
            if t.dep_ in {"dobj", "obj"} and t.head.lemma_.lower() in lx.LIGHT_VERBS:
                actor_toks += _subjects(t.head)
        else:
            passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in t.children)
            if (passive or _reduced_passive(t)) and d.plover_type == "MOBILIZE":
                # "French soldiers were deployed": what is moved is the force that mobilises
                actor_toks += [c for c in t.children if c.dep_ in {"nsubjpass", "nsubj"}]
            elif passive or _reduced_passive(t):
                recip_toks += [c for c in t.children if c.dep_ in {"nsubjpass", "nsubj"}]
                for c in [c for tr in d.triggers for c in tr.children]:
                    if c.dep_ == "agent":
                        actor_toks += [g for g in c.children if g.dep_ == "pobj"]
            else:
                actor_toks += _subjects(t)
                recip_toks += [c for c in t.children if c.dep_ in {"dobj", "obj", "dative"}]
            # "killed ... in the shelling by the Syrian regime": the nominal names the agent
            for c in [c for tr in d.triggers for c in tr.children]:
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lemma_.lower() in lx.NOUN_TRIGGERS:
                            for gc in g.children:
                                if gc.dep_ == "prep" and gc.lower_ == "by" and not actor_toks:
                                    actor_toks += [x for x in gc.children if x.dep_ == "pobj"]
                                if gc.dep_ in {"poss", "amod", "compound"} and gc.ent_type_ in {"NORP", "GPE"} \
                                        and not actor_toks:
                                    actor_toks.append(gc)
                    if c.lower_ in {"on", "against", "with", "from"} and d.plover_type in {"ASSAULT", "CONSULT", "COERCE"}:
                        recip_toks += [g for g in c.children if g.dep_ == "pobj" and not _is_place_tok(g, ctx)]
                    if c.lower_ == "on" and d.plover_type in {"REQUEST", "ACCUSE"}:
                        recip_toks += [g for g in c.children if g.dep_ == "pobj"]
            if d.plover_type == "ASSAULT" and t.lemma_.lower() == "die":
                recip_toks, actor_toks = [c for c in t.children if c.dep_ == "nsubj"], []
        if d.plover_type == "ASSAULT" and d.rules["type"].startswith("verb:") and t.lemma_.lower() in {
            "capture", "seize", "recapture", "retake", "overrun"
        }:
            # the object is territory; the party it was taken from is the recipient
            recip_toks = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from"
                          for g in c.children if g.dep_ == "pobj"]
            rules["recipient"] = "captured from"
        actors = self._resolve_parties(actor_toks, "actor", sent, si, ctx, speaker, d)
        recips = self._resolve_parties(recip_toks, "recipient", sent, si, ctx, speaker, d)
        if not actors:
            actors = self._implicit_actor(d, sent, ctx, speaker, recips)
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

    def _implicit_actor(
        self, d: _Draft, sent: Span, ctx: _ArticleContext, speaker: _Mention | None, recips: list[ActorRef]
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

    def _resolve_parties(
        self, toks: Sequence[Token], role: str, sent: Span, si: int, ctx: _ArticleContext,
        speaker: _Mention | None, d: _Draft,
    ) -> list[ActorRef]:
        out: list[ActorRef] = []
        seen: set[tuple[str | None, str | None, str]] = set()
        for head in toks:
            if head.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"} and not any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children
            ):
                continue
            if role == "recipient" and d.plover_type == "MOBILIZE":
                continue  # troops are sent *to* places; the destination is the location
            for h in _conjuncts(head):
                for ref in self._resolve_np(h, role, sent, si, ctx, speaker):
                    key = (ref.country, ref.sector, ref.text)
                    if key not in seen:
                        seen.add(key)
                        out.append(ref)
        return out

    def _resolve_np(
        self, head: Token, role: str, sent: Span, si: int, ctx: _ArticleContext, speaker: _Mention | None
    ) -> list[ActorRef]:
        span = _np_span(head)
        text = FOOTNOTE.sub("", span.text.strip())
        if not text:
            return []
        low = head.lower_
        start, end = span.start_char, span.end_char
        if low in PRONOUNS and head.pos_ == "PRON":
            m = speaker if speaker is not None and speaker.sent_i == si and low in {"it", "its", "they", "their"} \
                else ctx.antecedent(si, plural=low in {"they", "them", "their"}, person=low in {"he", "him", "his", "she", "her"})
            if m is None:
                return []
            return [ActorRef(role, text, m.name, m.country, m.sector, start=start, end=end, rule=f"coreference: {m.text}")]
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
                    refs.append(ActorRef(role, text, m.name, m.country, m.sector, m.wikidata, start, end,
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
        if m is None:
            if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
                return [ActorRef(role, text, None, None, None, start=start, end=end, rule="unresolved name")]
            return []
        if m.country is None and m.sector is None:
            return []
        sector, rule = m.sector, m.rule or "kb"
        if sector is None:
            sector = _sector_from_head(head, span)
            if sector:
                rule += f"; sector from '{head.lemma_}'"
        return [ActorRef(role, text, m.name, m.country, sector, m.wikidata, start, end, rule=rule)]

    @staticmethod
    def _operating_country(a: ActorRef, where: Place | None) -> ActorRef:
        """A transnational armed group (al-Qaeda, ISIS) is coded to the country it fights in."""
        if a.country is None and where is not None and where.country and (
            a.sector in {"REB", "UAF", "UNK", "CRM", "CVL", "COP", None} and not a.name
        ):
            # unknown perpetrators ("gunmen"), victims ("three civilians") and unplaced persons take the
            # country where the event happened; a named actor the KB knows keeps its own (or none)
            a3 = alpha2_to_3(where.country)
            if a3:
                return replace(a, country=a3, rule=f"{a.rule}; country from the event's location")
        return a

    @staticmethod
    def _military_sector(a: ActorRef, plover_type: str) -> ActorRef:
        """A bare country acts through its government, or its armed forces when it fights or deploys."""
        bare = a.rule is not None and any(k in a.rule.lower() for k in ("country", "capital", "sector from 'gpe'"))
        if a.country and a.sector is None and bare:
            sector = "MIL" if plover_type in lx.MILITARY_TYPES else "GOV"
            return replace(a, sector=sector, rule=f"{a.rule}; a state acting in a {plover_type} event")
        if plover_type in lx.MILITARY_TYPES and a.sector == "GOV" and bare:
            return replace(a, sector="MIL", rule=f"{a.rule}; armed forces in a military event")
        return a

    # ---------------------------------------------------------------- attribution and modality
    def _claim_source(self, t: Token, sent: Span, ctx: _ArticleContext, si: int) -> tuple[list[str], Token | None]:
        cur = t
        for _ in range(8):
            if cur.lemma_.lower() in lx.SPEECH_VERBS and cur.i != t.i:
                subj = _subjects(cur) or _inherited_subjects(cur)
                if subj:
                    return [_claim_text(subj[0])], subj[0]
            if cur.head == cur:
                break
            cur = cur.head
        # "X did Y, Z said" / "as Bloomberg reports": a speech verb hanging off the event's clause
        for tok in sent:
            if tok.lemma_.lower() in lx.SPEECH_VERBS and tok.i != t.i and tok.dep_ in {"parataxis", "advcl", "ccomp", "conj", "ROOT"}:
                if tok.dep_ == "ROOT" and t not in list(tok.subtree):
                    continue
                subj = _subjects(tok) or _inherited_subjects(tok)
                if subj and not (subj[0].i <= t.i <= subj[0].i):
                    return [_claim_text(subj[0])], subj[0]
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                objs = [g for g in tok.doc[tok.i + 1].children if g.dep_ == "pobj"]
                if objs:
                    return [_claim_text(objs[0])], objs[0]
        src = ctx.list_source(si)
        if src:
            return [src], None
        return [], None

    @staticmethod
    def _modality(d: _Draft) -> str:
        if d.rules["type"].startswith("phrase"):
            return "asserted"  # the phrase itself is the asserted act (a threat, a blame)
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

    # ---------------------------------------------------------------- size
    def _size(self, d: _Draft, sent: Span) -> Size:
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
            kind = (
                "dead" if lemma in {"kill", "die", "neutralize", "neutralise", "murder", "execute", "massacre", "slay"}
                else "injured" if lemma in {"injure", "wound", "maim"}
                else "arrested" if lemma in {"arrest", "detain"}
                else None
            )
            victims = [c for c in t.children if c.dep_ in {"nsubjpass", "dobj", "obj"}] + (
                [c for c in t.children if c.dep_ == "nsubj"] if lemma == "die" or _reduced_passive(t) else []
            )
            total, lb = None, False
            for v in victims:
                for h in _conjuncts(v):
                    c = _count_np(h)
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
        if dead is None and d.nominal:
            tail = sent.text[d.trigger.idx - sent.start_char:]
            m = LEFT_DEAD.search(tail)
            if m:
                cnt = count_with_context(m.group("n") or m.group("n2"), m.group("pre") or m.group("pre2") or "")
                if cnt.value is not None:
                    dead, dead_lb = cnt.value, cnt.lower_bound
        return Size(dead, injured, arrested, dead_lb, inj_lb, tuple(vague), tuple(quantities))

    # ---------------------------------------------------------------- date
    def _date(self, d: _Draft, sent: Span, si: int, ctx: _ArticleContext, modality: str) -> When | None:
        times = ctx.times(si, future=modality in {"future", "hypothetical"})
        trig_ids = {t.i for t in d.triggers}
        if d.nominal and d.trigger.dep_ in {"dobj", "obj"}:
            trig_ids.add(d.trigger.head.i)  # "will hold talks next month": the light verb's clause
        clause: list[When] = []
        subtree: list[When] = []
        for w in times:
            tok = _token_at(sent, w.char_start if w.char_start is not None else sent.start_char)
            gov = _governing_verb(tok)
            if gov is not None and gov.i in trig_ids:
                clause.append(w)
            elif any(tok.i in {x.i for x in t.subtree} for t in d.triggers):
                subtree.append(w)
        realis = modality in {"asserted", "negated", "denied"}
        for pool, why in ((clause, "clause"), (subtree, "clause")):
            for w in pool:
                if w.start is not None and not _deadline(w, sent):
                    return replace(w, reason=why)
        if not realis:
            return None
        if d.trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"as", "because", "since"}
                                             for c in d.trigger.children):
            # "remained in prison as they were charged with ...": a reason clause gives the background of
            # its main clause; the dates around the main clause are not its date
            return None
        for w in times:
            if w.start is not None and not _deadline(w, sent):
                return replace(w, reason="sentence")
        # earlier in the paragraph, read from the article's text: sentences the pre-filter blanked
        # were not parsed, but their dates still govern the events after them
        para_start = ctx.text.rfind("\n", 0, sent.start_char) + 1
        if para_start < sent.start_char:
            from ..times import find_times

            before = _safe(lambda: find_times(ctx.text[para_start: sent.start_char], ctx.published, offset=para_start))
            for w in reversed(before or []):
                if w.start is not None and not _deadline_text(ctx.text, w):
                    return replace(w, reason="paragraph")
        if ctx.published is None or ONGOING.search(sent.text):
            return None
        return When(ctx.published, ctx.published, "reported", None, reason="publication date (no date in text)")

    # ---------------------------------------------------------------- location
    def _location(
        self, d: _Draft, sent: Span, si: int, ctx: _ArticleContext, actors: list[ActorRef], recips: list[ActorRef]
    ) -> Place | None:
        party_spans = [(a.start, a.end) for a in (*actors, *recips) if a.start is not None]

        def usable(p: Place) -> bool:
            if p.start is None:
                return False
            return not any(s is not None and e is not None and s <= p.start < e and not _captured(d) for s, e in party_spans)

        in_sent = [p for p in ctx.places if p.start is not None and sent.start_char <= p.start < sent.end_char and usable(p)]
        sub = {t.idx for t in d.trigger.subtree}
        clause = [p for p in in_sent if p.start in sub or any(p.start == t.idx for t in sent if t.idx in sub)]
        for pool, why in ((clause, "clause"), (in_sent, "sentence")):
            best = _best_place(pool)
            if best is not None:
                return replace(best, reason=f"{why}: {best.reason}" if best.reason else why)
        if d.plover_type in {"CONSULT", "REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE", "SUPPORT"}:
            focus = ctx.focus_place()
            if focus is not None and d.plover_type in {"ACCUSE"}:
                return replace(focus, reason="article focus")
            return None
        fallback: Place | None = None
        for pj in ctx.paragraph_before(si):
            best = _best_place([p for p in ctx.places if p.start is not None
                                and ctx.sents[pj].start_char <= p.start < ctx.sents[pj].end_char])
            if best is not None:
                fallback = replace(best, reason="paragraph")
                break
        if fallback is None:
            dl = ctx.dateline(self)
            focus = ctx.focus_place()
            fallback = (replace(dl, reason="dateline") if dl is not None
                        else replace(focus, reason="article focus (no place in the sentence)") if focus is not None
                        else None)
        # a place borrowed from elsewhere in the article must fit the parties: Colombian troops in a
        # Mogadishu-datelined round-up fought in Colombia, not in Somalia
        homes = {c for c in (alpha3_to_2(a.country) for a in (*actors, *recips) if a.country) if c}
        if fallback is not None and homes and fallback.country not in homes:
            if len(homes) == 1:
                country = _safe(lambda: self.places.country(next(iter(homes))))
                if country is not None:
                    return replace(country, reason="the parties' country (the article's place is elsewhere)")
            return None
        return fallback

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
        d: _Draft, actors: list[ActorRef], recips: list[ActorRef], when: When | None, where: Place | None,
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


# -------------------------------------------------------------------- article context
class _ArticleContext:
    """What the coder remembers while reading one article: places, speakers, parties, times."""

    def __init__(self, doc: Doc, article: Article, sents: list[Span]) -> None:
        self.doc = doc
        self.article = article
        self.text = article.text  # Doc.text rebuilds the string on every access: read it once
        self.sents = sents
        self.published: dt.date | None = article.published
        self.places: list[Place] = []
        self.mentions: list[_Mention] = []
        self._speakers: dict[int, _Mention] = {}
        self._times: dict[tuple[int, bool], list[When]] = {}
        self._events: list[tuple[int, Event]] = []
        newlines = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self._para = [bisect.bisect_left(newlines, s.start_char) for s in sents]  # paragraph index
        self.context_text = ""
        self._hints: list[str] | None = None
        self._focus: Place | None | bool = False

    def country_hints(self, coder: EventCoder) -> list[str]:
        if self._hints is None:
            counts: Counter[str] = Counter()
            for ent in self.doc.ents:
                if ent.label_ in {"GPE", "NORP"}:
                    m = _safe(lambda ent=ent: coder.actors.resolve(ent.text))
                    if m is not None and m.country:
                        a2 = alpha3_to_2(m.country)
                        if a2:
                            counts[a2] += 1
            self._hints = [c for c, _ in counts.most_common(5)]
        return self._hints

    def times(self, si: int, future: bool = False) -> list[When]:
        """A sentence's dates; for future and hypothetical events a bare weekday is the next one."""
        if (si, future) not in self._times:
            from ..times import find_times

            s = self.sents[si]
            self._times[si, future] = _safe(
                lambda: find_times(s.text, self.published, offset=s.start_char, future=future)) or []
        return self._times[si, future]

    def paragraph_before(self, si: int) -> list[int]:
        out = []
        j = si - 1
        while j >= 0 and self._para[j] == self._para[si]:
            out.append(j)
            j -= 1
        return out

    def focus_place(self) -> Place | None:
        """The article's main sub-national place: where unlocated material events most likely happened."""
        if self._focus is False:
            counts: Counter[tuple[str | None, str | None]] = Counter()
            best: dict[tuple[str | None, str | None], Place] = {}
            for p in self.places:
                if p.lat is None or p.precision not in {"admin1", "admin2", "town"}:
                    continue
                key = (p.country, p.admin1 or p.name)
                counts[key] += 1
                if key not in best or (p.precision == "admin1" and best[key].precision != "admin1"):
                    best[key] = p
            if counts:
                key, n = counts.most_common(1)[0]
                self._focus = best[key] if n >= 2 else None
            else:
                self._focus = None
        return self._focus if isinstance(self._focus, Place) else None

    def dateline(self, coder: EventCoder) -> Place | None:
        """'BEIRUT (AP) —': where the report was filed, the fallback before the article's focus."""
        if not hasattr(self, "_dateline"):
            self._dateline: Place | None = None
            m = DATELINE.match(self.text[:120])
            if m:
                name = m.group("place").strip().title()
                p = _safe(lambda: coder.places.resolve(name))
                if p is not None and p.lat is not None:
                    self._dateline = replace(p, start=m.start("place"), end=m.end("place"))
        return self._dateline

    def update_speaker(self, si: int, sent: Span, coder: EventCoder) -> None:
        for tok in sent:
            if tok.lemma_.lower() in lx.SPEECH_VERBS:
                subj = _subjects(tok) or _inherited_subjects(tok)
                if subj and not _first_person(subj[0]):
                    m = self._mention_for(subj[0], si, coder)
                    if m is not None:
                        self._speakers[si] = m
                        return

    def _mention_for(self, tok: Token, si: int, coder: EventCoder) -> _Mention | None:
        text = _np_span(tok).text.strip()
        if tok.lower_ in PRONOUNS:
            return self.antecedent(si, plural=tok.lower_ in {"they", "them"}, person=tok.lower_ in {"he", "she"})
        m = self.resolve(text, coder)
        if (m is None or not m.country) and coder.actors.is_news_source(text) if hasattr(coder.actors, "is_news_source") else False:
            # an outlet speaks for its country's side only through a possessive: "Turkey's Daily Sabah"
            for ent in _np_span(tok).ents:
                if ent.label_ in {"GPE", "NORP"}:
                    m2 = _safe(lambda ent=ent: coder.actors.resolve(ent.text))
                    if m2 is not None and m2.country:
                        return _Mention(text, m2.country, m2.sector, m2.name, False, False, si)
            return None
        if m is None or not m.country:
            return None
        return _Mention(text, m.country, m.sector, m.name, tok.tag_ in {"NNS", "NNPS"}, tok.ent_type_ == "PERSON", si)

    def speaker_for(self, si: int, claim_tok: Token | None, coder: EventCoder) -> _Mention | None:
        if claim_tok is not None:
            m = self._mention_for(claim_tok, si, coder)
            if m is not None:
                return m
        for j in (si, si - 1, si - 2):
            if j in self._speakers:
                return self._speakers[j]
        return self.publisher(coder)

    def publisher(self, coder: EventCoder) -> _Mention | None:
        """A statement's first person with no speaker in the text is its publisher ("I condemn ..." in a
        UK Government release), unless the publisher is a news outlet: outlets report, they are no party."""
        src = (self.article.source or "").strip()
        if not src or coder._is_outlet(src):
            return None
        m = self.resolve(src, coder)
        if m is None or not m.country:
            return None
        return _Mention(src, m.country, m.sector, m.name, False, False, -1)

    def list_source(self, si: int) -> str | None:
        """Bullet lines under a heading that names their source take that source."""
        line_start = self.text.rfind("\n", 0, self.sents[si].start_char) + 1
        if not self.text[line_start:line_start + 3].lstrip().startswith(("•", "-", "*", "·")):
            return None
        j = si - 1
        while j >= 0:
            s = self.sents[j]
            if s.text.strip().startswith(("•", "-", "*", "·")) or not s.text.strip():
                j -= 1
                continue
            if s.text.rstrip().endswith(":"):
                orgs = [e.text for e in s.ents if e.label_ in {"ORG", "PERSON", "GPE"}]
                return orgs[0] if orgs else None
            return None
        return None

    def note_event(self, si: int, ev: Event | None) -> None:
        if ev is None:
            return
        self._events.append((si, ev))
        for a in ev.actors:
            if a.country:
                self.mentions.append(_Mention(a.text, a.country, a.sector, a.name, a.text.lower().endswith("s"),
                                              False, si))

    def antecedent(self, si: int, *, plural: bool, person: bool) -> _Mention | None:
        for m in reversed(self.mentions):
            if m.sent_i < si - 2:
                break
            if person and m.person or plural and m.plural or not person and not plural and not m.person and not m.plural:
                return m
        return None

    def resolve(self, text: str, coder: EventCoder) -> ActorMatch | None:
        """The knowledge base's reading of a mention in this article (its context and date)."""
        return _safe(lambda: coder.actors.resolve(text, context=self.context_text, date=self.published))

    def antecedent_with(self, si: int, sectors: set[str]) -> _Mention | None:
        """'the group' names the armed group the article last spoke of (within five sentences)."""
        for m in reversed(self.mentions):
            if m.sent_i < si - 5:
                break
            if m.sector in sectors:
                return m
        return None

    def regime(self, coder: EventCoder) -> _Mention | None:
        """'the regime' names the government the article already called a regime."""
        if not hasattr(self, "_regime"):
            self._regime: _Mention | None = None
            for ent in self.doc.ents:
                nxt = self.doc[ent.end] if ent.end < len(self.doc) else None
                if ent.label_ in {"NORP", "GPE", "PERSON"} and nxt is not None and nxt.lower_ == "regime":
                    m = self.resolve(ent.text, coder)
                    self._regime = _Mention(f"{ent.text} regime", m.country if m else None, "GOV", None,
                                            False, False, 0)
                    break
        return self._regime

    def last_attacker_against(self, country: str | None) -> ActorRef | None:
        for _, ev in reversed(self._events):
            if ev.plover_type != "ASSAULT":
                continue
            recips = [a for a in ev.actors if a.role == "recipient"]
            if country and not any(r.country == country for r in recips):
                continue
            acts = [a for a in ev.actors if a.role == "actor" and a.country]
            if acts:
                return acts[0]
        return None


# -------------------------------------------------------------------- parse helpers
_SECTOR_NOUNS = {
    **dict.fromkeys(lx.MILITARY_NOUNS - {"equipment", "weapon", "munition", "tank", "vehicle", "carrier",
                                          "howitzer", "launcher", "missile", "drone", "ship", "jet", "aircraft",
                                          "helicopter", "warplane", "warship", "destroyer", "submarine", "gunboat",
                                          "police", "officer", "militia", "fighter"}, "MIL"),
    "target": "MIL", "position": "MIL", "outpost": "MIL", "base": "MIL",
    "government": "GOV", "ministry": "GOV", "minister": "GOV", "president": "GOV", "official": "GOV",
    "delegation": "GOV", "authority": "GOV", "diplomat": "GOV", "embassy": "GOV", "regime": "GOV",
    "police": "COP", "policeman": "COP", "officer": "COP",
    "rebel": "REB", "insurgent": "REB", "militant": "REB", "jihadist": "REB", "fighter": "REB", "militia": "UAF",
    "civilian": "CVL", "resident": "CVL", "villager": "CVL", "people": "CVL", "child": "CVL",
    "protester": "OPP", "demonstrator": "OPP", "journalist": "JRN", "reporter": "JRN", "doctor": "MED",
}


def _sector_from_head(head: Token, span: Span) -> str | None:
    """A PLOVER sector from the phrase's head noun when the knowledge base gave only a country."""
    if head.ent_type_ == "GPE" or head.pos_ == "PROPN" and any(e.label_ == "GPE" and e.root == head for e in span.ents):
        return None  # a bare state: decided by the event type (_military_sector)
    return _SECTOR_NOUNS.get(head.lemma_.lower())


DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{1,30}))?\s*"
    r"(?:\((?:AP|AFP|Reuters|UPI|IANS|PTI|dpa|Xinhua|TASS|Anadolu)\))?\s*(?:[\u2014\u2013\-:]|\ufffd)\s*"
)


_ARMED_GROUP_NOUNS = {"group", "militia", "movement", "organisation", "organization", "faction", "insurgency"}

_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def drop_restatements(events: list[Event]) -> list[Event]:
    """A party-less nominal ("the attack", "Saturday's bombing") after an event of its type already coded
    in the article refers back to it: it is a restatement, not a second incident, and is not counted."""
    seen: list[Event] = []
    drop: set[str] = set()
    for ev in sorted(events, key=lambda e: e.evidence.start if e.evidence.start is not None else 0):
        kind = dict(ev.rules).get("type", "")
        if ("anchored" in kind or "judged incident" in kind) and not ev.actors and any(
            o.plover_type == ev.plover_type for o in seen
        ):
            drop.add(ev.event_id)
            continue
        seen.append(ev)
    return [e for e in events if e.event_id not in drop]


ANCHOR_PLACE_PREPS = frozenset({"in", "at", "on", "near", "outside", "inside"})


def _nominal_anchor(tok: Token) -> str | None:
    """Why an event noun names one incident: a date or time in its phrase ("Saturday's attack", "the
    May 22 bombing"), a place it happened in ("the attack in the London Bridge district"), or a named
    side as its modifier ("Russian airstrikes"). None for bare or generic nominals ("drone strikes have
    risen", "an attack would be a mistake"), which event data does not code."""
    left = [t for c in tok.lefts for t in c.subtree]
    if any(t.ent_type_ in {"DATE", "TIME"} and t.lower_ not in {"today", "now"} for t in left):
        return "anchored in time"
    plural = tok.tag_ == "NNS"
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ANCHOR_PLACE_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in objs):
                return None if plural and not any(d.lower_ == "the" for d in tok.lefts) else "anchored in place"
            if any(o.ent_type_ in {"DATE", "TIME"} for o in objs):
                return "anchored in time"
    if any(c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in tok.lefts):
        return "anchored by its side"
    return None


def _territory_by_actor(
    acled: tuple[str, str, float | None] | None, actors: list[ActorRef]
) -> tuple[str, str, float | None] | None:
    """Who took the ground decides ACLED's territory sub-type, not the wording."""
    if acled is None or acled[1] not in _TERRITORY:
        return acled
    sectors = {a.sector for a in actors}
    if sectors & {"MIL", "GOV", "COP"} and not sectors & {"REB", "PRM", "UAF"}:
        return (acled[0], _TERRITORY[0], acled[2])
    if sectors & {"REB", "PRM", "UAF"}:
        return (acled[0], _TERRITORY[1], acled[2])
    return acled


def _claim_text(tok: Token) -> str:
    """The claimant's name: the noun phrase, stretched to the whole named entity it starts
    ('the Center for Human Rights in Iran', whose 'for ...' the noun phrase leaves out)."""
    span = _np_span(tok)
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end and e.label_ in {"ORG", "NORP", "GPE"}), None)
    end = max(span.end, ent.end) if ent is not None else span.end
    return _clean_claim(tok.doc[span.start: end].text)


def _clean_claim(text: str) -> str:
    """A claimant without the dateline the parser glued to it ('BEIRUT (AP) — A spokesman')."""
    return DATELINE.sub("", text.strip()).strip()


def _condition_subjects(d: _Draft, sent: Span) -> list[Token]:
    """Who a threat or blame is aimed at: the subject of its 'if'/'unless' clause, or what 'proof of' names."""
    out: list[Token] = []
    scope = list(d.trigger.subtree) if not d.rules["type"].startswith("phrase") else list(sent)
    for tok in scope:
        if tok.dep_ == "mark" and tok.lower_ in {"if", "unless"}:
            out += [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"} and not _first_person(c)
                    and (c.pos_ == "PROPN" or c.lemma_.lower() in _SECTOR_NOUNS)]
    if d.rules["type"] == "phrase:proof of support":
        out += [t for t in sent if t.ent_type_ in {"GPE", "ORG"} and t.dep_ in {"compound", "poss", "pobj", "amod"}
                and t.head.lemma_.lower() in {"support", "backing", "aid", "involvement", "help"}]
    return out


def _first_person(tok: Token) -> bool:
    """'we', 'our', 'us' as pronouns: 'US' the country is not 'us'."""
    return tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US"


def _acts_as_party(ent: Span) -> bool:
    """'Ankara said', 'Turkey's Daily Sabah', 'the Sochi agreements': a name doing or owning, not a place."""
    root = ent.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "between Syria and Turkey": the first conjunct carries the role
    if root.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() not in PLACE_NOUNS and root.head.ent_type_ not in PLACE_LABELS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ in {"by", "with", "between"} and ent.label_ == "GPE"


_VICTIM_VERBS = {"kill", "injure", "wound", "maim", "murder", "slay", "execute", "abduct", "kidnap", "arrest", "detain"}


def _reduced_passive(t: Token) -> bool:
    """'with 120 soldiers and a general killed': a participle whose 'subject' is the victim."""
    if t.tag_ != "VBN" or t.lemma_.lower() not in _VICTIM_VERBS:
        return False
    if any(c.dep_ in {"aux", "auxpass", "dobj", "obj"} for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj"]
    return bool(subj) and all(
        s.like_num or s.pos_ == "NUM" or s.lemma_.lower() in lx.VICTIM_NOUNS or any(
            c.dep_ == "nummod" for c in s.children) for s in subj
    )


def _clause_group(tok: Token) -> list[Token]:
    """A trigger and the clauses listed with it: 'A were struck, B neutralized and C destroyed'.

    The parser often hangs an asyndetic list item as a ccomp of the next item; coordinated and
    listed clauses of one type in one sentence report one event.
    """
    out = _conjuncts(tok)
    if tok.dep_ == "ccomp" and tok.i < tok.head.i and tok.head.pos_ == "VERB":
        out += _conjuncts(tok.head)
    # "... carried out airstrikes, killing dozens": the participle gives the same event's toll
    anchors = [tok, tok.head] if tok.dep_ in {"dobj", "obj"} and tok.pos_ == "NOUN" else [tok]
    out += [c for a in anchors for c in a.children
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in _VICTIM_VERBS]
    return out


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _subjects(tok: Token) -> list[Token]:
    subj = [c for c in tok.children if c.dep_ in {"nsubj", "csubj"}]
    if not subj and tok.dep_ in {"conj", "xcomp", "advcl"} and tok.head != tok:
        return _subjects(tok.head) if tok.dep_ != "advcl" or not any(
            c.dep_ == "mark" for c in tok.children) else []
    return subj


def _inherited_subjects(tok: Token) -> list[Token]:
    cur = tok
    for _ in range(3):
        if cur.head == cur:
            break
        cur = cur.head
        s = [c for c in cur.children if c.dep_ == "nsubj"]
        if s:
            return s
    return []


def _np_span(head: Token) -> Span:
    """The noun phrase of a head token, without relative clauses, appositions or conjuncts."""
    drop = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep"}
    toks = [head]
    stack = [c for c in head.children]
    while stack:
        c = stack.pop()
        if c.dep_ in drop and not (c.dep_ == "prep" and c.lower_ == "of" and c.head == head):
            continue
        toks.append(c)
        stack.extend(c.children)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks)
    return head.doc[lo: hi + 1]


def _count_np(head: Token) -> Any:
    """The stated count of a noun phrase: 'five Turkish soldiers' 5, 'a civilian' 1, 'Five of our troops' 5."""
    doc = head.doc
    if head.like_num or head.pos_ == "NUM":
        before = doc[max(0, head.i - 4): head.i].text
        return count_with_context(head.text, before)
    if head.lower_ in VAGUE:
        return count_with_context(head.lower_)
    for c in head.children:
        if c.dep_ == "nummod":
            # "at least 12": the modifiers before the number say whether it is a floor or a guess
            return count_with_context(c.text, doc[max(0, c.i - 4): c.i].text)
        if c.dep_ == "det" and c.lower_ in {"a", "an", "one"} and head.tag_ in {"NN", "NNP"}:
            return count_with_context("one")
        if c.dep_ == "amod" and c.lower_ in VAGUE:
            return count_with_context(c.lower_)
    for c in head.children:
        if c.dep_ == "quantmod" and c.lower_ in VAGUE:
            return count_with_context(c.lower_)
    return None


def _governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(8):
        if cur.pos_ in {"VERB", "AUX"} or (cur.pos_ == "NOUN" and cur.lemma_.lower() in lx.NOUN_TRIGGERS):
            return cur
        if cur.head == cur:
            return None
        cur = cur.head
    return None


def _token_at(sent: Span, char: int) -> Token:
    for t in sent:
        if t.idx <= char < t.idx + len(t.text_with_ws):
            return t
    return sent[0]


def _deadline_text(text: str, w: When) -> bool:
    if w.char_start is None:
        return False
    return bool(re.search(r"\b(before|by|until|till)\s*$", text[max(0, w.char_start - 12): w.char_start].lower()))


def _deadline(w: When, sent: Span) -> bool:
    """'before the end of February' sets a deadline, it does not date the event."""
    if w.char_start is None:
        return False
    before = sent.text[max(0, w.char_start - sent.start_char - 12): max(0, w.char_start - sent.start_char)].lower()
    return bool(re.search(r"\b(before|by|until|till)\s*$", before))


def _has_return_fire(d: _Draft) -> bool:
    return any(c.lower_ == "return" for t in d.triggers for c in t.subtree) and any(
        t.lemma_.lower() == "fire" or any(x.lemma_.lower() == "fire" for x in t.subtree) for t in d.triggers
    )


def _captured(d: _Draft) -> bool:
    """Verbs whose object is ground: the place taken or besieged is where the event is."""
    return _trigger_lemma(d.trigger) in {"capture", "seize", "recapture", "retake", "overrun", "besiege",
                                         "blockade", "encircle"}


def _denied(t: Token) -> bool:
    """'X denied targeting civilians': the event sits in the complement of a denial (not its conjunct:
    'denied ... and accused the army' asserts the accusation)."""
    cur = t
    for _ in range(4):
        if cur.dep_ not in {"ccomp", "xcomp", "pcomp", "pobj", "prep", "advcl"} or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in {"deny", "dismiss", "reject"}:
            return True
    return False


def _is_place_tok(tok: Token, ctx: _ArticleContext) -> bool:
    return any(p.start is not None and p.start <= tok.idx < (p.end or p.start) and p.lat is not None for p in ctx.places)


def _best_place(pool: list[Place]) -> Place | None:
    rank = {"town": 0, "admin2": 1, "admin1": 2, "country": 3}
    resolved = [p for p in pool if p.lat is not None]
    if resolved:
        return min(resolved, key=lambda p: rank.get(p.precision or "", 4))
    return None


def _as_match(m: _Mention) -> ActorMatch:
    from ..actors import ActorMatch

    return ActorMatch(m.name, m.country, m.sector, None, "speaker")


def _taxonomy() -> Any:
    from .. import taxonomy

    return taxonomy


def _cameo_root(plover_type: str, mode: str | None) -> str | None:
    r = _safe(lambda: _taxonomy().cameo_root(plover_type, mode))
    return r if isinstance(r, str) else None


def _safe(fn: Any) -> Any:
    try:
        return fn()
    except Exception:  # noqa: BLE001 - one resolver error must cost a field, not the article
        return None


# -------------------------------------------------------------------- frames
def _obj_lemmas(tok: Token) -> set[str]:
    out = set()
    for c in tok.children:
        if c.dep_ in {"dobj", "obj", "nsubjpass"}:
            for h in _conjuncts(c):
                out.add(h.lemma_.lower())
                out.update(x.lemma_.lower() for x in h.children if x.dep_ == "prep" and x.lower_ == "of"
                           for x in x.children)
                out.update(g.lemma_.lower() for x in h.children if x.dep_ == "prep" and x.lower_ == "of"
                           for g in x.children)
    return out


def _frame_victim(tok: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj", "nsubjpass", "nsubj"} for c in tok.children) or tok.dep_ in {"advcl", "conj"}


_SOFT_HOSTILE = {"hit", "strike", "pound", "target", "crush", "vanquish"}
_SPORT = re.compile(r"\b(points?|rebounds?|assists?|goals?|shots?|three-pointers?|free throws?|innings|touchdowns?|"
                    r"scored|score|game|season|league|coach|playoffs?|tournament|match|quarter|half-time|halftime)\b", re.I)


def _frame_hostile(tok: Token) -> bool:
    if tok.lemma_.lower() in _SOFT_HOSTILE:
        sent = tok.sent.text
        if _SPORT.search(sent) and not any(w in sent.lower() for w in ("killed", "wounded", "troops", "militants")):
            return False
    objs = [c for c in tok.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if not objs:
        return tok.lemma_.lower() in {"attack", "ambush", "raid", "storm"} and any(c.dep_ == "nsubj" for c in tok.children)
    low = {o.lemma_.lower() for o in objs}
    # "hit a record", "strike a deal", "target inflation": not violence
    return not low & {"record", "deal", "agreement", "note", "balance", "chord", "inflation", "market", "goal", "high", "low"}


def _frame_fire(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"at", "on", "into", "upon"} for c in tok.children) or any(
        c.lemma_.lower() in {"rocket", "missile", "shell", "mortar", "round", "shot", "bullet"} for c in tok.children)


def _frame_combat(tok: Token) -> bool:
    return tok.dep_ != "amod"


def _frame_capture(tok: Token) -> bool:
    objs = _obj_lemmas(tok)
    return bool(objs & (PLACE_NOUNS | {"territory", "village", "base", "position", "hill", "airport", "control", "outpost"})) or any(
        c.ent_type_ in {"GPE", "LOC", "FAC"} for c in tok.children if c.dep_ in {"dobj", "nsubjpass"})


def _frame_military_object(tok: Token) -> bool:
    objs = _obj_lemmas(tok)
    return bool(objs & lx.MILITARY_NOUNS)


def _frame_consult(tok: Token) -> bool:
    return tok.dep_ not in {"amod"}


def _frame_request_obj(tok: Token) -> bool:
    return any(c.dep_ in {"dobj", "dative"} for c in tok.children) and any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)


def _frame_threat_content(tok: Token) -> bool:
    return any(c.dep_ in {"xcomp", "ccomp"} for c in tok.children)


def _frame_agree(tok: Token) -> bool:
    objs = _obj_lemmas(tok)
    return tok.lemma_.lower() == "agree" or bool(objs & {"agreement", "deal", "accord", "treaty", "ceasefire", "truce", "memorandum"})


def _frame_support(tok: Token) -> bool:
    return any(c.dep_ in {"dobj", "obj"} for c in tok.children)


def _frame_retreat(tok: Token) -> bool:
    return tok.lemma_.lower() != "evacuate" or bool(_obj_lemmas(tok) & lx.MILITARY_NOUNS)


def _frame_release(tok: Token) -> bool:
    if any(c.dep_ == "prep" and c.lower_ == "from" and any(
            g.lemma_.lower() in CUSTODY_NOUNS for g in c.children) for c in tok.children):
        return True  # "was released from custody": whoever it was had been held
    return bool(_obj_lemmas(tok) & {"prisoner", "hostage", "detainee", "captive", "soldier", "journalist", "activist",
                                    "defendant", "suspect", "inmate"})


CUSTODY_NOUNS = frozenset({"custody", "prison", "jail", "detention", "captivity"})


def _frame_legal_charge(tok: Token) -> bool:
    """"charged with murder", "indicted him", "was prosecuted for": charges against someone. A bare
    "charge" is also a cavalry's or a battery's; it needs the offence ("with", "for", "over")."""
    if tok.lemma_.lower() == "charge":
        return any(c.dep_ == "prep" and c.lower_ in {"with", "for", "over"} for c in tok.children)
    return any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in tok.children)


def _frame_protest(tok: Token) -> bool:
    return any(c.dep_ == "nsubj" for c in tok.children)


def _frame_died_in_attack(tok: Token) -> bool:
    return any(c.dep_ == "prep" and any(g.lemma_.lower() in lx.NOUN_TRIGGERS for g in c.children) for c in tok.children)


_FRAMES = {
    "victim": _frame_victim,
    "hostile_object": _frame_hostile,
    "fire_at": _frame_fire,
    "combat": _frame_combat,
    "capture": _frame_capture,
    "military_object": _frame_military_object,
    "consult": _frame_consult,
    "request_obj": _frame_request_obj,
    "threat_content": _frame_threat_content,
    "agree": _frame_agree,
    "support": _frame_support,
    "retreat": _frame_retreat,
    "release": _frame_release,
    "legal_charge": _frame_legal_charge,
    "protest": _frame_protest,
    "died_in_attack": _frame_died_in_attack,
}
