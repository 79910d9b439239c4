"""Rule ``learned-description`` (issue 11, round 16): the sector of a lower-case description that no entry
explains, read by the description model (``learned.description_model``, fitted on the compiled files' role
phrases and names by ``scripts/build_description_words.py``).

The rules read a description by a head noun some file holds; "an indigenous leader", "Congressional group",
"Brazilian environmental agency" or "occupiers" then get the country of their place words at most. The model
reads the head noun, its singular and ending, the word before it and the other words, as learned from ~21,000
public-source phrases. It only completes a reading that has no sector and names no person or body, only for a
head written in lower case (a capitalised head is a name: ``learned-sector`` reads those, and a person's name
must stay nobody), only when the compiled phrases used the head word (as a head or a word of a phrase), and
only at ``MIN_P`` or more (chosen on the compiled phrases out of fold: 0.96 of the role phrases read at 0.6
are right, ``scripts/build_description_words.py``).
"""

from __future__ import annotations

from . import learned
from .hits import _PLACE_KINDS, _Hit
from .match import ActorMatch
from .normalise import MAX_TOKENS, tokens_cased

MIN_P = 0.6
# Readings of a named person, body or outlet: their sector is theirs, not their words'.
_NAMED = frozenset(["person", "org", "news", "titled-surname", "fuzzy"])
# Sectors the model's reading of a description never gives: a former official is a person's past, not a word's;
# a political party is named by its name (capitalised: ``learned-sector`` reads those), and the words of party
# names the model learned PTY from ("Hope", "Agreement", "Unity") are everyday nouns in lower case ("were met by
# hope", "an agreement that called for"): read as a party they made false events of abstract nouns (round 16 review).
_NEVER = frozenset(["ELI", "HLH", "PTY"])
# Heads whose everyday sense is no actor's (as the composed plurals of round 9 leave "parties" out: the sides
# of a talk, "relevant parties").
_OTHER_SENSE = frozenset(["party"])
# A description is a noun phrase: a clause ("a cat named Frank who ...") or a long run of words is not one.
_CLAUSE_WORDS = frozenset(["who", "whom", "whose", "which", "that", "named", "called", "is", "are", "was", "were",
                           "has", "have", "had", "will", "would"])
_MAX_WORDS = 5


def _predict(m: learned.SectorModel, feats: list[str], text: str) -> tuple[str, float]:
    """The label and probability of the word model, averaged with the MiniLM model's where embeddings can
    be computed (the two read different things: the words the compiled phrases used, and what a phrase means)."""
    probs = dict(zip(m.labels, m.probabilities(feats), strict=True))
    emb = learned.embedding_model()
    other = emb.probabilities(text) if emb is not None and text else None
    if emb is not None and other is not None:
        theirs = dict(zip(emb.labels, other, strict=True))
        probs = {k: (v + theirs.get(k, 0.0)) / 2 for k, v in probs.items()}
    label = max(probs, key=probs.__getitem__)
    return label, probs[label]


def learned_description(text: str, toks: list[str], hits: list[_Hit], match: ActorMatch | None) -> ActorMatch | None:
    """The sector of a description by the model, or None (the reading stays as it was)."""
    if match is not None and (match.rule or "").split(":")[0] in _NAMED:
        return None
    if any(h.entry.kind not in _PLACE_KINDS for h in hits):
        return None
    m = learned.description_model()
    if m is None:
        return None
    places = {i for h in hits for i in range(h.start, h.end)}
    feats = learned.description_features(toks, places)
    heads = [f for f in feats if f.startswith("h:")]
    if not heads:
        return None
    head = heads[0][2:]
    if head in _OTHER_SENSE:
        return None
    text_words = learned.description_text(toks, places).split()
    if len(text_words) > _MAX_WORDS or any(t in _CLAUSE_WORDS for t in toks):
        return None
    cased = tokens_cased(text, MAX_TOKENS)
    at = max((i for i, t in enumerate(toks) if i not in places and learned.base_word(t) == head), default=-1)
    if len(cased) != len(toks) or at < 0 or not cased[at][:1].islower():
        return None
    label, p = _predict(m, feats, learned.description_text(toks, places))
    if p < MIN_P or label in _NEVER:
        return None
    rule = f"learned-description:{label}:{head}@{p:.2f}"
    if match is None:
        return ActorMatch(None, None, label, None, rule)
    return ActorMatch(None, match.country, label, None, f"{match.rule}+{rule}")
