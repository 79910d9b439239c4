"""A cheap pre-filter: parse only the sentences that can hold an event.

The parser and the entity recogniser are most of spaCy's cost. A sentence with no trigger word
(lexicon.py) and no trigger phrase cannot yield an event, so its characters are blanked before
spaCy sees the text: every character but line breaks becomes a space. Offsets stay those of the
article (the text keeps its length), spaCy folds each blank run into one whitespace token, and the
coder reads dates and datelines from the article's own text, not from the blanked copy.

Kept besides trigger sentences: the sentence before each (speakers of quotes that run on, and the
antecedents of pronouns), headings that introduce a list, and the article's first sentence (its
dateline and main place).
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon as lx

# Irregular and doubled forms a stem prefix would miss.
_IRREGULAR = ["struck", "shot", "fought", "sent", "met", "slain", "slew", "hit", "beat", "stabbed", "shelled", "bombed", "withdrew", "withdrawn", "froze", "seized", "kidnapped", "captured", "overran", "overrun", "arrested", "detained", "protested", "rallied", "stormed", "raided", "fired", "clashed", "battled", "threw", "dead", "killing", "wounded", "injured", "died", "casualties", "toll", "strikes", "airstrikes", "drone", "drones", "rocket", "rockets", "missile", "missiles", "explosion", "blast", "gunmen", "troops", "forces", "ceasefire", "cease-fire", "truce", "talks", "sanctions", "sanctioned", "expelled", "convicted"]

# Trigger phrases the coder recognises without a single trigger word (coder.CONDITIONAL_THREAT ...).
_PHRASES = re.compile(
    r"\b(if|unless)\b|force us|could have been avoided|would have been avoided|is to blame|"
    r"was responsible for|proof of|evidence of|leave us no choice|heavy price",
    re.I,
)
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9•])|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _stem(lemma: str) -> str:
    # "capture" -> "captur" matches captured/capturing; short stems stay whole to avoid noise
    return lemma[:-1] if lemma.endswith("e") and len(lemma) > 4 else lemma


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    words = {w.lower() for w in _IRREGULAR}
    # the hand-written lexicon's verbs only: the CAMEO dictionary's ~500 verbs ("bar", "tax", "force") would
    # keep 97% of the text instead of 78% (dev and GWN/LGL/re3d dev articles); its patterns are read in the
    # sentences kept for other words
    stems = {_stem(t.lemma) for t in lx.VERB_TRIGGERS if t.source == "lexicon" and t.frame != SPEECH_FRAME}
    stems |= {_stem(n) for n in lx.NOUN_TRIGGERS}
    # words the trigger model has learned to read as events ("charge", "retake", "firefight"): a
    # sentence holding one must reach the parser, or the model never sees it
    from .triggers import default_model

    model = default_model()
    if model is not None:
        # only words that lean clearly to an event: every sentence parsed costs as much as the coder
        stems |= {_stem(lemma) for lemma in model.event_lemmas(margin=1.0) if len(lemma) >= 4}
    return frozenset(words), tuple(sorted(s for s in stems if len(s) >= 3))


# Statements are accusations only when their words are hostile (verbal.py 'negative_content'): a sentence
# with a verb of saying reaches the parser only when it also holds a clearly negative word, so that the
# many neutral "said" sentences of news stay unparsed.
SPEECH_FRAME = "negative_content"


@lru_cache(maxsize=1)
def _speech() -> tuple[frozenset[str], frozenset[str]]:
    from .valence import lexicon
    from .verbal import NEGATIVE_WORD

    lemmas = {t.lemma for t in lx.VERB_TRIGGERS if t.frame == SPEECH_FRAME}
    forms = set(lemmas) | {w + s for w in lemmas for s in ("s", "ed", "d", "ing")} | {"said", "told", "wrote", "written"}
    return frozenset(forms), frozenset(w for w, v in lexicon().items() if v <= NEGATIVE_WORD)


def is_candidate(sentence: str) -> bool:
    """Could this sentence hold an event? True on any trigger-like word or phrase."""
    words, stems = _vocabulary()
    speech, hostile = _speech()
    said = bad = False
    for w in _WORD.findall(sentence):
        low = w.lower()
        if low in words or low.startswith(stems):
            return True
        said = said or low in speech
        bad = bad or low in hostile
    return bool(_PHRASES.search(sentence)) or (said and bad)


def _spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def sparse_text(text: str) -> tuple[str, float]:
    """The text with non-candidate sentences blanked, and the share of characters kept."""
    spans = _spans(text)
    if not spans:
        return text, 1.0
    cand = [is_candidate(text[s:e]) for s, e in spans]
    keep = [
        cand[i] or i == 0 or text[s:e].rstrip().endswith(":") or (i + 1 < len(spans) and cand[i + 1])
        for i, (s, e) in enumerate(spans)
    ]
    chars = list(text)
    kept = 0
    for (s, e), k in zip(spans, keep, strict=True):
        if k:
            kept += e - s
            continue
        for j in range(s, e):
            if chars[j] != "\n":
                chars[j] = " "
    return "".join(chars), kept / max(1, sum(e - s for s, e in spans))
