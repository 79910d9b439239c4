"""A learned trigger model: which words of a parsed sentence report which PLOVER event.

The hand-written lexicon (lexicon.py) covers the verbs the coder was written around; news uses many
more ("retook", "firefight", "took to the streets", "repelled"). This model types every verb and noun
from features of the parse and from the CAMEO verb dictionary of PETRARCH2 compiled into PLOVER types
(data/cameo_lexicon.tsv, built by training/build_cameo_lexicon.py). It is a multinomial logistic
regression trained by ``python -m eventwire.events.train_triggers`` on public event data (WikiEvents,
RAMS, the team corpus's dev split; see data/triggers_model.md), stored as sparse JSON weights so that
it loads in milliseconds and needs no scikit-learn at run time.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .sparse import SparseSoftmax

if TYPE_CHECKING:
    from spacy.tokens import Token

DATA = Path(__file__).resolve().parent / "data"
MODEL_FILE = DATA / "triggers_model.json"
CANDIDATE_POS = {"VERB", "NOUN"}
NONE = "NONE"


@dataclass(frozen=True)
class CameoLexicon:
    default: dict[str, tuple[str, ...]]  # verb -> PLOVER types of its default codes
    with_object: dict[tuple[str, str], tuple[str, ...]]  # (verb, object word) -> PLOVER types


@lru_cache(maxsize=1)
def cameo_lexicon() -> CameoLexicon:
    default: dict[str, Counter[str]] = {}
    with_obj: dict[tuple[str, str], Counter[str]] = {}
    path = DATA / "cameo_lexicon.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for r in rows:
            n = int(r["patterns"])
            if r["object"]:
                with_obj.setdefault((r["verb"], r["object"]), Counter())[r["plover_type"]] += n
            else:
                default.setdefault(r["verb"], Counter())[r["plover_type"]] += n
    return CameoLexicon(
        {k: tuple(t for t, _ in c.most_common(2)) for k, c in default.items()},
        {k: tuple(t for t, _ in c.most_common(1)) for k, c in with_obj.items()},
    )


def _objects(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in {"dobj", "obj", "prt", "attr", "oprd"}:
            out.append(c)
        elif c.dep_ in {"prep", "agent"}:
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def token_features(tok: Token) -> dict[str, float]:
    """Features of one candidate trigger: the word, its place in the parse, its CAMEO readings."""
    lemma = tok.lemma_.lower()
    head = tok.head
    f: dict[str, float] = {
        f"lemma={lemma}": 1.0,
        f"pos={tok.pos_}": 1.0,
        f"lemma_pos={lemma}|{tok.pos_}": 1.0,
        f"dep={tok.dep_}": 1.0,
        f"tag={tok.tag_}": 1.0,
        f"head={head.lemma_.lower()}|{tok.dep_}": 1.0,
        f"head_pos={head.pos_}": 1.0,
    }
    if tok.i > 0:
        f[f"prev={tok.doc[tok.i - 1].lower_}"] = 1.0
    if tok.i + 1 < len(tok.doc):
        f[f"next={tok.doc[tok.i + 1].lower_}"] = 1.0
    for c in tok.children:
        f[f"child_dep={c.dep_}"] = 1.0
        if c.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "amod", "prt", "agent"}:
            f[f"child={c.dep_}:{c.lemma_.lower()}"] = 1.0
            if c.ent_type_:
                f[f"child_ent={c.dep_}:{c.ent_type_}"] = 1.0
        if c.dep_ == "prep":
            f[f"prep={c.lower_}"] = 1.0
    lex = cameo_lexicon()
    for t in lex.default.get(lemma, ()):
        f[f"cameo={t}"] = 1.0
        f[f"cameo_pos={t}|{tok.pos_}"] = 1.0
    for o in _objects(tok):
        for t in lex.with_object.get((lemma, o.lemma_.lower()), ()) or lex.with_object.get((lemma, o.lower_), ()):
            f[f"cameo_obj={t}"] = 1.0
    if tok.pos_ == "NOUN" and head.pos_ == "VERB":
        for t in lex.default.get(head.lemma_.lower(), ()):
            f[f"head_cameo={t}|{tok.dep_}"] = 1.0
    for e in _sentence_entity_labels(tok) & {"GPE", "NORP", "ORG", "PERSON"}:
        f[f"sent_ent={e}"] = 1.0
    return f


def _sentence_entity_labels(tok: Token) -> set[str]:
    """Entity labels of the token's sentence (the entities wholly inside it, as ``Span.ents`` gives).

    Built for the whole doc on first use, then a bisect per token: walking back to the sentence start
    token by token (Token objects made one at a time) cost ~10% of the coder's time on news articles.
    """
    doc = tok.doc
    if not doc.has_annotation("SENT_START"):
        return set()
    table = doc.user_data.get("eventwire_sent_ent_labels")
    if table is None:
        bounds = [(s.start, s.end) for s in doc.sents]
        starts = [b[0] for b in bounds]
        labels: list[set[str]] = [set() for _ in bounds]
        for e in doc.ents:
            k = bisect_right(starts, e.start) - 1
            if k >= 0 and e.end <= bounds[k][1]:
                labels[k].add(e.label_)
        table = doc.user_data["eventwire_sent_ent_labels"] = (starts, labels)
    starts, labels = table
    return labels[bisect_right(starts, tok.i) - 1]


class TriggerModel(SparseSoftmax):
    """Sparse multinomial logistic regression over ``token_features``."""

    def __init__(self, classes: list[str], weights: dict[str, list[float]], bias: list[float],
                 about: str = "") -> None:
        super().__init__(classes, weights, bias, about)
        # A cheap gate before the features: words the model has seen lean towards an event, or that the
        # CAMEO dictionary lists. Scoring every noun and verb costs as much as parsing; most never fire.
        self.gate = set(cameo_lexicon().default) | self.event_lemmas()

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> TriggerModel:
        d = cls.read(path)
        return cls(d["classes"], d["weights"], d["bias"], d.get("about", ""))

    def event_lemmas(self, margin: float = 0.0) -> set[str]:
        """Lemmas whose own weight leans towards some event type rather than NONE (by ``margin``)."""
        none = self.classes.index(NONE) if NONE in self.classes else -1
        out = set()
        for name, w in self.weights.items():
            if name.startswith("lemma=") and none >= 0 and max(x for k, x in enumerate(w) if k != none) > w[none] + margin:
                out.add(name[6:])
        return out

    def scores(self, feats: dict[str, float]) -> list[float]:
        return self.probabilities(feats)

    def predict(self, tok: Token) -> tuple[str, float]:
        """The most likely PLOVER type of this token ('NONE' when it reports no event) and its probability."""
        if tok.pos_ not in CANDIDATE_POS or not tok.is_alpha or tok.lemma_.lower() not in self.gate:
            return NONE, 1.0
        p = self.scores(token_features(tok))
        k = max(range(len(p)), key=p.__getitem__)
        return self.classes[k], p[k]


@lru_cache(maxsize=1)
def default_model() -> TriggerModel | None:
    """The shipped model, or None when the package was built without it."""
    return TriggerModel.load() if MODEL_FILE.exists() else None
