"""A learned acceptance step over the coder's finished events: P(the event is one an analyst codes).

The coder's rules and trigger model propose events; on news nobody tuned them to, many are false in small
classes that no one rule covers (a figurative verb, company news, a statement, a plan, a crime story
restated twice). This step scores every finished event of an article with a binary logistic regression
over features of the event (type, mode, trigger word and its parse, modality, which fields were filled
and by which rule, confidence), of its sentence (headline, position, speech, future, negation) and of its
article (how many events, restatements of the same type, everyday-news and sport vocabulary), trained by
``python -m eventwire.events.train_accept`` on the coder's own output over the team corpus's trainable
dev articles, each event labelled by the shared scorer's matching rule (data/accept_model.md).

An event whose probability is below the threshold is dropped; every kept event carries its probability
in ``explain['accept']`` (``Event.rules``), so what the step did is visible. The threshold is the
model's own (chosen out of fold by the training script) unless ``EVENTWIRE_ACCEPT_THRESHOLD`` sets one;
``EVENTWIRE_ACCEPT_THRESHOLD=0`` turns the step off (every event kept, no probability computed).
The weights are JSON (sparse.SparseSoftmax with classes ["false", "true"]), read without scikit-learn.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .common import doc_text
from .everyday import NOUN_CLASS
from .lexicon import REAL_HARM_RE, SPEECH_VERBS, SPORTS_CUES
from .roles import FILL_ONLY_MARK
from .sparse import SparseSoftmax

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..records import ActorRef, Event

MODEL_FILE = Path(__file__).resolve().parent / "data" / "accept_model.json"
ENV = "EVENTWIRE_ACCEPT_THRESHOLD"
# a party phrase that names nobody: the coder resolved it from context, or not at all
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who", "which",
                      "that", "this", "those", "these", "someone", "somebody", "one", "his", "their", "its"})
RULE_TAIL = re.compile(r"[;:(']")
FUTURE = frozenset({"will", "would", "could", "might", "may", "should", "shall"})
SPORTS_RE = re.compile(SPORTS_CUES, re.I)
# a sentence ends at . ! ? (and any closing quote) before a space, or at a line break (headline, paragraphs)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
WORD = re.compile(r"[A-Za-z]+")


class AcceptModel(SparseSoftmax):
    """Binary logistic regression (classes ``["false", "true"]``) and the thresholds chosen out of fold: one
    for the coder's events, one (at least as high) for the candidates a hand rule rejected (rejections.py),
    which are mostly false and need more evidence to stand."""

    def __init__(self, classes: list[str], weights: dict[str, list[float]], bias: list[float],
                 about: str = "", threshold: float = 0.5, rescue_threshold: float | None = None) -> None:
        super().__init__(classes, weights, bias, about)
        self.threshold = threshold
        self.rescue_threshold = threshold if rescue_threshold is None else rescue_threshold

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "threshold": self.threshold, "rescue_threshold": self.rescue_threshold}

    @classmethod
    def load(cls, path: Path) -> AcceptModel:
        d = cls.read(path)
        rescue = d.get("rescue_threshold")
        return cls(d["classes"], d["weights"], d["bias"], d.get("about", ""), float(d.get("threshold", 0.5)),
                   None if rescue is None else float(rescue))

    def p_true(self, feats: dict[str, float]) -> float:
        return self.probabilities(feats)[self.classes.index("true")]


@lru_cache(maxsize=1)
def default_model() -> AcceptModel | None:
    return AcceptModel.load(MODEL_FILE) if MODEL_FILE.exists() else None


def threshold(model: AcceptModel | None) -> float:
    """The threshold in force: $EVENTWIRE_ACCEPT_THRESHOLD if set (0 = off), else the model's own."""
    env = os.environ.get(ENV)
    if env is not None and env.strip():
        return float(env)
    return model.threshold if model is not None else 0.0


def _bin(x: float, edges: tuple[float, ...]) -> str:
    return str(bisect_right(edges, x))


def _party_kind(a: ActorRef) -> str:
    text = (a.text or "").strip().lower()
    if text in PRONOUNS:
        return "pronoun"
    if a.country and a.sector:
        return "country_sector"
    if a.country:
        return "country"
    if a.sector:
        return "sector"
    return "bare"


def _entity_label(doc: Doc, a: ActorRef) -> str:
    """The named-entity label of a party's phrase (PERSON, ORG, GPE, NORP...), or its head's POS."""
    if a.start is None or a.end is None:
        return "none"
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return "none"
    root = span.root
    return root.ent_type_ or root.pos_


def _trigger_token(doc: Doc, ev: Event) -> Token | None:
    e = ev.evidence
    start = e.trigger_start if e.trigger_start is not None else e.start
    end = e.trigger_end if e.trigger_end is not None else start + 1
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


class ArticleSignals:
    """What every event of one article shares: its sentences and its vocabulary. Read from the article's
    own text, not from the parse: the parse may be of the pre-filtered text (sentences without a trigger
    blanked, events/prefilter.py), and the step must decide the same with and without the pre-filter."""

    def __init__(self, text: str, events: list[Event]) -> None:
        self.sent_starts = [0, *(m.end() for m in SENTENCE_END.finditer(text) if m.end() < len(text))]
        words = [w.lower() for w in WORD.findall(text)]
        self.n_words = len(words)
        self.classes = Counter(NOUN_CLASS.get(w) or NOUN_CLASS[w[:-1]] for w in words
                               if w in NOUN_CLASS or w.endswith("s") and w[:-1] in NOUN_CLASS)
        self.sports = len({m.group(0).lower() for m in SPORTS_RE.finditer(text)})
        ends = [*self.sent_starts[1:], len(text)]
        self.harm_sents = sum(1 for a, b in zip(self.sent_starts, ends, strict=True) if REAL_HARM_RE.search(text[a:b]))
        self.types = Counter(ev.plover_type for ev in events)
        self.event_sents = {self.sentence_of(ev.evidence.start) for ev in events}

    def sentence_of(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)


def features(ev: Event, i: int, events: list[Event], doc: Doc, art: ArticleSignals) -> dict[str, float]:
    """Features of the i-th event of an article's finished events."""
    t = ev.plover_type
    f: dict[str, float] = {"bias": 1.0, f"type={t}": 1.0, f"mode={ev.plover_mode}": 1.0,
                           f"type_mode={t}|{ev.plover_mode}": 1.0, f"modality={ev.modality}": 1.0,
                           f"type_modality={t}|{ev.modality}": 1.0}
    tok = _trigger_token(doc, ev)
    if tok is not None:
        lemma = tok.lemma_.lower()
        f[f"lemma={lemma}"] = 1.0
        f[f"type_lemma={t}|{lemma}"] = 1.0
        f[f"pos={tok.pos_}"] = 1.0
        f[f"type_pos={t}|{tok.pos_}"] = 1.0
        f[f"dep={tok.dep_}"] = 1.0
        f[f"head={tok.head.lemma_.lower()}"] = 1.0
        sent = tok.sent
        words = [w for w in sent if w.is_alpha]
        f["sent_len=" + _bin(len(words), (8, 15, 25, 40))] = 1.0
        if any(w.lemma_.lower() in SPEECH_VERBS for w in sent):
            f["sent_speech"] = 1.0
        if any(w.lower_ in FUTURE and w.head.i == tok.i for w in sent):
            f["trigger_future"] = 1.0
        if any(w.dep_ == "neg" for w in sent):
            f["sent_neg"] = 1.0
        if any(c in sent.text for c in "\"“”"):
            f["sent_quote"] = 1.0
        if sent.text.rstrip().endswith("?"):
            f["sent_question"] = 1.0
        if not REAL_HARM_RE.search(sent.text):
            f[f"no_harm_words|{t}"] = 1.0
    else:
        f["no_trigger_token"] = 1.0
    for field, rule in ev.rules:
        # which rule decided each part: a party's field name holds its phrase ("actor:the army") and some
        # rules a quoted word or an aside, dropped so that the feature names a kind of decision, not a text
        f[f"rule:{field.split(':')[0]}={RULE_TAIL.split(rule)[0].strip()[:40]}"] = 1.0
    for role in ("actor", "recipient"):
        # a party that only fills a role (roles.FILL_ONLY_MARK) is no evidence that the event happened:
        # the step judges the event as it stood without it, as it was trained
        parts = [a for a in ev.actors if a.role == role and FILL_ONLY_MARK not in (a.rule or "")]
        if not parts:
            f[f"{role}=none"] = 1.0
            f[f"type_{role}=none|{t}"] = 1.0
        for a in parts[:2]:
            kind = _party_kind(a)
            f[f"{role}={kind}"] = 1.0
            f[f"{role}_ent={_entity_label(doc, a)}"] = 1.0
            if a.sector:
                f[f"{role}_sector={a.sector}"] = 1.0
                f[f"type_{role}_sector={t}|{a.sector}"] = 1.0
    loc = ev.location
    f["location=" + ((loc.precision or "unresolved") if loc is not None else "none")] = 1.0
    f["date=" + ((ev.date.precision or "none") if ev.date is not None else "none")] = 1.0
    for k in ("dead", "injured", "arrested"):
        if getattr(ev.size, k) is not None:
            f[f"size_{k}"] = 1.0
    if ev.claim_source:
        f["claim_source"] = 1.0
    for c in ev.context[:4]:
        f[f"context={c}"] = 1.0
    f["confidence"] = ev.confidence
    f["confidence_bin=" + _bin(ev.confidence, (0.4, 0.55, 0.7, 0.85))] = 1.0
    # where it is: the headline (sentence 0) and the lead restate the story; later sentences add detail
    si = art.sentence_of(ev.evidence.start)
    f["sentence=" + _bin(si, (1, 2, 4, 8, 16))] = 1.0
    f["rel_position=" + _bin(si / max(1, len(art.sent_starts)), (0.25, 0.5, 0.75))] = 1.0
    # restatement: another event of the same type before it, in the same sentence, or in its incident
    same = [k for k, o in enumerate(events) if k != i and o.plover_type == t]
    if any(k < i for k in same):
        f["same_type_before"] = 1.0
    if any(art.sentence_of(events[k].evidence.start) == si for k in same):
        f["same_type_same_sentence"] = 1.0
    if ev.incident_id and any(events[k].incident_id == ev.incident_id for k in range(len(events)) if k != i):
        f["shares_incident"] = 1.0
    n = len(events)
    f["article_events=" + _bin(n, (2, 3, 5, 8, 13))] = 1.0
    f["type_share=" + _bin(art.types[t] / n, (0.2, 0.4, 0.6, 0.8))] = 1.0
    f["event_sentence_share=" + _bin(len(art.event_sents) / max(1, len(art.sent_starts)), (0.1, 0.2, 0.4))] = 1.0
    f["harm_sentences=" + _bin(art.harm_sents, (1, 2, 4))] = 1.0
    f["article_words=" + _bin(art.n_words, (150, 300, 600, 1200))] = 1.0
    if art.sports >= 2:
        f["sports_words"] = 1.0
    for cls, count in art.classes.items():
        f[f"everyday={cls}"] = 1.0
        f[f"type_everyday={t}|{cls}"] = 1.0
        if count >= 3:
            f[f"everyday_many={cls}"] = 1.0
    if rejected(ev):
        # a candidate a hand rule rejected (rejections.py) is weighed apart: its own copy of every feature, so
        # that the many false ones teach nothing about the coder's own events, and the rule that rejected it
        f = {f"rescued|{k}": v for k, v in f.items()}
        f["rescued"] = 1.0
    return f


def article_features(events: list[Event], doc: Doc, text: str | None = None) -> list[dict[str, float]]:
    """Features of each event; ``text`` is the article's text (default: the parsed text). The article's
    signals are those of the coder's own events: a rescued candidate (rejections.py) is read against them
    as if it were the last event, and never changes how the coder's own events are judged."""
    own = [ev for ev in events if not rejected(ev)]
    art = ArticleSignals(doc_text(doc) if text is None else text, own)
    index = {id(ev): i for i, ev in enumerate(own)}
    return [features(ev, index[id(ev)], own, doc, art) if id(ev) in index
            else features(ev, len(own), [*own, ev], doc, art) for ev in events]


def accept_on() -> bool:
    """Whether the step runs: a model ships and the threshold in force is above 0."""
    model = default_model()
    return model is not None and threshold(model) > 0


def accept(events: list[Event], doc: Doc, text: str | None = None, model: AcceptModel | None = None) -> list[Event]:
    """The events the model accepts, each with its probability in ``explain['accept']``; all of them,
    untouched, when the step is off (no model file, or threshold 0)."""
    model = model or default_model()
    cut = threshold(model)
    if model is None or cut <= 0 or not events:
        return events
    out = []
    for ev, f in zip(events, article_features(events, doc, text), strict=True):
        p = model.p_true(f)
        if p >= (max(cut, model.rescue_threshold) if rejected(ev) else cut):
            out.append(replace(ev, rules=(*ev.rules, ("accept", f"p={p:.3f}"))))
    return out


def rejected(ev: Event) -> bool:
    """Whether the event is a candidate a hand rule rejected (rejections.py), for the step to judge."""
    return any(k == "rejected_by" for k, _ in ev.rules)


def describe(path: Path = MODEL_FILE) -> str:
    d = json.loads(path.read_text(encoding="utf-8"))
    return f"{d.get('about', '')} threshold={d.get('threshold')} rescue_threshold={d.get('rescue_threshold')}"
