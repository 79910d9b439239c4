"""A learned relevance gate after the acceptance step: events in texts and sentences that report none.

The coder and its acceptance step (accept.py) judge one event at a time; on news nobody tuned them to,
many false events sit in texts that report no codable political or conflict event at all (a match
report, company results, a council meeting, a crime brief) or in sentences that report none (a figure of
speech, a generic statement, background). Two small linear models read only the text:

- the **article** score, P(the text reports any codable event), over the article's words, its
  headline's words and its length;
- the **sentence** score, P(this sentence reports one), over the sentence's words and word pairs, its
  place in the article, its length, digits and quotation marks.

An article scoring under ``article_threshold`` loses every event when it has at least ``MIN_SENTENCES``
sentences (a short snippet says too little to judge it as a whole); an event whose sentence scores under
``sentence_threshold`` is dropped. Every kept event carries both scores in ``explain['relevance']``
(``Event.rules``). The thresholds are the model's own, chosen out of fold on the trainable dev articles by
``python -m eventwire.events.train_relevance`` (data/relevance_model.md). ``EVENTWIRE_RELEVANCE=0``
(0 / false / no / off, read by settings.switch_on as every switch) turns the gate off. The sentences are read from the article's own text, not from
the parse, so that the gate decides the same with and without the pre-filter (as accept.ArticleSignals).
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..settings import switch_on
from .accept import SENTENCE_END  # the sentences the acceptance step reads

if TYPE_CHECKING:
    from ..records import Event

MODEL_FILE = Path(__file__).resolve().parent / "data" / "relevance_model.json"
ENV = "EVENTWIRE_RELEVANCE"
MIN_SENTENCES = 4
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
DIGIT = re.compile(r"\d")
QUOTE = re.compile(r"[\"“”]")


def _bucket(n: float, edges: tuple[float, ...]) -> int:
    return sum(1 for e in edges if n >= e)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence of ``text``."""
    starts = [0, *(m.end() for m in SENTENCE_END.finditer(text) if m.end() < len(text))]
    ends = [*starts[1:], len(text)]
    return [(a, b) for a, b in zip(starts, ends, strict=True) if text[a:b].strip()]


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def sentence_features(sentence: str, index: int, count: int) -> dict[str, float]:
    """Features of the ``index``-th of ``count`` sentences of a text."""
    low = _words(sentence)
    f: dict[str, float] = {f"w:{w}": 1.0 for w in low}
    f.update({f"b:{a}_{b}": 1.0 for a, b in zip(low, low[1:], strict=False)})
    f[f"pos:{min(index, 5)}"] = 1.0
    f[f"rel:{min(3, 4 * index // max(1, count))}"] = 1.0
    f[f"len:{_bucket(len(low), (4, 8, 15, 25, 40))}"] = 1.0
    f[f"count:{_bucket(count, (2, 4, 8, 16, 32))}"] = 1.0
    if DIGIT.search(sentence):
        f["digit"] = 1.0
    if QUOTE.search(sentence):
        f["quote"] = 1.0
    return f


def article_features(text: str, spans: list[tuple[int, int]] | None = None) -> dict[str, float]:
    """Features of a whole text: its words (once each), its headline's words, its length in sentences
    and words."""
    spans = sentence_spans(text) if spans is None else spans
    words = _words(text)
    f: dict[str, float] = {f"a:{w}": 1.0 for w in set(words)}
    if spans:
        a, b = spans[0]
        f.update({f"h:{w}": 1.0 for w in set(_words(text[a:b]))})
    f[f"sents:{_bucket(len(spans), (2, 4, 8, 16, 32, 64))}"] = 1.0
    f[f"words:{_bucket(len(words), (50, 150, 300, 600, 1200))}"] = 1.0
    return f


@dataclass
class Linear:
    """A binary logistic regression as sparse JSON weights (no scikit-learn at run time)."""

    weights: dict[str, float]
    bias: float

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class RelevanceModel:
    article: Linear
    sentence: Linear
    article_threshold: float = 0.2
    sentence_threshold: float = 0.05
    about: str = ""
    data: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"about": self.about, "data": self.data, "article_threshold": self.article_threshold,
                "sentence_threshold": self.sentence_threshold,
                "article": {"bias": self.article.bias, "weights": self.article.weights},
                "sentence": {"bias": self.sentence.bias, "weights": self.sentence.weights}}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> RelevanceModel:
        return cls(Linear(d["article"]["weights"], float(d["article"]["bias"])),
                   Linear(d["sentence"]["weights"], float(d["sentence"]["bias"])),
                   float(d.get("article_threshold", 0.2)), float(d.get("sentence_threshold", 0.05)),
                   d.get("about", ""), list(d.get("data", [])))

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> RelevanceModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))

    def save(self, path: Path = MODEL_FILE) -> str:
        path.write_text(json.dumps(self.to_json(), sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
        return f"wrote {path} ({path.stat().st_size // 1024} kB)"

    def scores(self, text: str) -> tuple[float, list[tuple[int, int]], list[float]]:
        """The article's score, its sentences and each sentence's score."""
        spans = sentence_spans(text)
        art = self.article.probability(article_features(text, spans))
        sent = [self.sentence.probability(sentence_features(text[a:b], i, len(spans)))
                for i, (a, b) in enumerate(spans)]
        return art, spans, sent


@lru_cache(maxsize=1)
def default_model() -> RelevanceModel | None:
    return RelevanceModel.load(MODEL_FILE) if MODEL_FILE.exists() else None


def relevance_on() -> bool:
    """Whether the gate runs: a model ships and $EVENTWIRE_RELEVANCE is not 0 / false / no / off (settings.switch_on:
    1 / true / yes / on or unset keep it on; any other value is error E406 naming the variable)."""
    return switch_on("EVENTWIRE_RELEVANCE", True) and default_model() is not None


def sentence_index(spans: list[tuple[int, int]], char: int) -> int:
    """The sentence holding character ``char`` (the last one starting at or before it)."""
    return max(0, bisect_right([a for a, _ in spans], char) - 1)


def event_anchor(ev: Event) -> int:
    e = ev.evidence
    return e.trigger_start if e.trigger_start is not None else e.start


def keep(art: float, n_sentences: int, sent: float, model: RelevanceModel,
         article_threshold: float | None = None, sentence_threshold: float | None = None) -> bool:
    """Whether an event stays, given its article's score, the article's sentence count and its sentence's."""
    at = model.article_threshold if article_threshold is None else article_threshold
    st = model.sentence_threshold if sentence_threshold is None else sentence_threshold
    if n_sentences >= MIN_SENTENCES and art < at:
        return False
    return sent >= st


def gate(events: list[Event], text: str, model: RelevanceModel | None = None) -> list[Event]:
    """The events the gate keeps, each with its article and sentence scores in ``explain['relevance']``;
    all of them, untouched, when the gate is off (no model file, or $EVENTWIRE_RELEVANCE=0)."""
    if not events or (model is None and not relevance_on()):
        return events
    model = model or default_model()
    if model is None:
        return events
    art, spans, sent = model.scores(text)
    out = []
    for ev in events:
        p = sent[sentence_index(spans, event_anchor(ev))] if spans else 1.0
        if keep(art, len(spans), p, model):
            out.append(replace(ev, rules=(*ev.rules, ("relevance", f"article={art:.3f}; sentence={p:.3f}"))))
    return out
