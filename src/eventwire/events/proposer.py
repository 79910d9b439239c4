"""A learned sentence-level proposer: events in sentences where the word-level coder found none.

The coder's triggers are words (the hand lexicon, the CAMEO dictionary, the trigger model of triggers.py),
each judged on its own: a sentence that reports an event in words none of them types ("Sinjar has been
liberated", "were found dead in their bed") yields nothing. This model reads the whole sentence instead:
one logistic regression per PLOVER type over the sentence's all-MiniLM-L6-v2 embedding
(eventwire.nlp.minilm) and its TF-IDF word 1-2-grams, trained by ``python -m eventwire.events.train_proposer``
on the team corpus's trainable dev articles (data/proposer_model.md). Where it is sure a quiet sentence
holds an event of type T, the trigger model's most likely word of type T becomes a draft, built like any
other (parties by the frames and the role model; a draft with no party and no anchor does not stand).

The pipeline's coder is ``ProposingCoder`` only where a model file is present (``coder_class``;
$EVENTWIRE_PROPOSER=0 turns it off), and none is shipped: out of fold (outlet-grouped) on the 383 trainable
dev articles it finds at most 7 more of 459 gold events, one per 6-8 proposals where F1 needs one per ~3 to
rise; at 0.9 it makes 3 proposals (data/proposer_model.md, docs/evaluation.md "Round 16: the learned
proposer"). ``train_proposer`` writes the file for anyone evaluating it.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..settings import switch_on
from .coder import EventCoder
from .common import Draft
from .triggers import CANDIDATE_POS, TriggerModel, token_features

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MODEL_FILE = Path(__file__).resolve().parent / "data" / "proposer_model.json"
# Only a sure sentence proposes: in grouped cross-validation on the team dev articles a lower bar added
# more false events than found ones (data/proposer_model.md).
# A model file may carry per-type thresholds (chosen by nested outlet-grouped cross-validation, train_proposer
# --thresholds); $EVENTWIRE_PROPOSER_THRESHOLD, when set, overrides them all.
THRESHOLD = float(os.environ.get("EVENTWIRE_PROPOSER_THRESHOLD") or "0.9")
THRESHOLD_SET = bool(os.environ.get("EVENTWIRE_PROPOSER_THRESHOLD"))
# The word that carries the proposed type must itself lean that way a little: the sentence model says
# what happened, the trigger model says which word says it.
WORD_FLOOR = float(os.environ.get("EVENTWIRE_PROPOSER_WORD_FLOOR", "0.05"))
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern, which trained the model


def ngrams(text: str) -> Counter[str]:
    """Word 1- and 2-grams as the training vectoriser counts them (lower case, words of 2+ characters)."""
    words = TOKEN.findall(text.lower())
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])


class SentenceProposer:
    """Per-type logistic regressions over [sentence embedding; l2-normalised sublinear TF-IDF n-grams]."""

    def __init__(self, types: list[str], idf: dict[str, float], sparse: dict[str, list[float]],
                 dense: list[list[float]], bias: list[float], about: str = "",
                 thresholds: dict[str, float] | None = None) -> None:
        self.types, self.idf, self.sparse, self.bias, self.about = types, idf, sparse, bias, about
        self.thresholds = dict(thresholds or {})  # type -> its own threshold (types not named: THRESHOLD)
        import numpy as np

        self.dense = np.asarray(dense, dtype=np.float32)  # one row per type

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> SentenceProposer:
        d = json.loads(path.read_text(encoding="utf-8"))
        return cls(d["types"], d["idf"], d["sparse"], d["dense"], d["bias"], d.get("about", ""),
                   d.get("thresholds"))

    def save(self, path: Path) -> str:
        path.write_text(json.dumps({"about": self.about, "types": self.types, "idf": self.idf,
                                    "sparse": self.sparse, "dense": self.dense.round(4).tolist(),
                                    "bias": self.bias, "thresholds": self.thresholds}), encoding="utf-8")
        return f"wrote {path} ({path.stat().st_size // 1024} KB): {self.about}"

    def probabilities(self, text: str, embedding: Any) -> list[float]:
        counts = {g: n for g, n in ngrams(text).items() if g in self.idf}
        vec = {g: (1.0 + math.log(n)) * self.idf[g] for g, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        scores = list(self.bias)
        for g, v in vec.items():
            for k, w in enumerate(self.sparse.get(g, ())):
                scores[k] += w * v / norm
        for k, s in enumerate((self.dense @ embedding).tolist()):
            scores[k] += s
        return [1.0 / (1.0 + math.exp(-s)) for s in scores]

    def propose(self, text: str, embedding: Any, threshold: float | None = None) -> tuple[str, float] | None:
        """The most probable type of the sentence and its probability, when it reaches the threshold (``threshold``,
        else $EVENTWIRE_PROPOSER_THRESHOLD when set, else the type's own in the model file, else THRESHOLD)."""
        p = self.probabilities(text, embedding)
        k = max(range(len(p)), key=p.__getitem__)
        return (self.types[k], p[k]) if p[k] >= self.threshold(self.types[k], threshold) else None

    def threshold(self, plover_type: str, given: float | None = None) -> float:
        if given is not None:
            return given
        return THRESHOLD if THRESHOLD_SET else self.thresholds.get(plover_type, THRESHOLD)


def best_word(sent: Span, plover_type: str, model: TriggerModel) -> tuple[Token, float] | None:
    """The verb or noun of the sentence the trigger model gives this type most probability, if any leans so."""
    if plover_type not in model.classes:
        return None
    k = model.classes.index(plover_type)
    best: tuple[Token, float] | None = None
    for tok in sent:
        if tok.pos_ not in CANDIDATE_POS or not tok.is_alpha or tok.dep_ in {"compound", "amod"}:
            continue
        p = model.scores(token_features(tok))[k]
        if p >= WORD_FLOOR and (best is None or p > best[1]):
            best = (tok, p)
    return best


def propose_draft(sent: Span, model: TriggerModel | None, proposer: SentenceProposer | None) -> Draft | None:
    """A draft for a quiet sentence (read by the coder, no trigger found) that the proposer is sure holds an
    event, carried by the trigger model's best word of the proposed type; None otherwise."""
    if proposer is None or model is None:
        return None
    from ..nlp import minilm

    text = sent.text.strip()
    vectors = minilm.embed([text])
    got = proposer.propose(text, vectors[0]) if vectors is not None else None
    word = best_word(sent, got[0], model) if got is not None else None
    if got is None or word is None:
        return None
    tok, p = word
    return Draft(tok, [tok], got[0], None, {"type": f"proposer:{tok.lemma_.lower()} ({got[1]:.2f}; word {p:.2f})"},
                 nominal=tok.pos_ == "NOUN")


class ProposingCoder(EventCoder):
    """The coder with the proposer reading the sentences where no word-level trigger and no phrase event
    fired: the shipped proposer (``default_proposer``) unless ``_proposer`` is set (``train_proposer --coder-cv``
    swaps it in per fold: ``coder.__class__ = ProposingCoder; coder._proposer = ...``)."""

    _proposer: SentenceProposer | None = None
    _fired = False

    def _find_triggers(self, sent: Span) -> Iterator[Draft]:
        # code() drains this generator before it asks _phrase_events about the same sentence
        self._fired = False
        for d in super()._find_triggers(sent):
            self._fired = True
            yield d

    def _phrase_events(self, sent: Span) -> Iterator[Draft]:
        fired = self._fired
        for d in super()._phrase_events(sent):
            fired = True
            yield d
        proposer = self._proposer if self._proposer is not None else default_proposer()
        if not fired and (proposed := propose_draft(sent, self._triggers, proposer)) is not None:
            yield proposed


@lru_cache(maxsize=1)
def default_proposer() -> SentenceProposer | None:
    """The shipped proposer, or None when the package has no model file or no sentence encoder."""
    from ..nlp import minilm

    if not switch_on("EVENTWIRE_PROPOSER", True):
        return None
    if not MODEL_FILE.exists() or not minilm.available():
        return None
    return SentenceProposer.load()


def coder_class() -> type[EventCoder]:
    """The pipeline's coder: ProposingCoder where a proposer is shipped, the encoder installed and
    $EVENTWIRE_PROPOSER is not 0; the word-level EventCoder otherwise."""
    return ProposingCoder if default_proposer() is not None else EventCoder
