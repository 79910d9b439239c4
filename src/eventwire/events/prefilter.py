"""A cheap pre-filter: parse only the sentences that can hold an event.

The parser and the entity recogniser are most of spaCy's cost. A sentence with no trigger word
(lexicon.py) and no trigger phrase cannot yield an event, so its characters are blanked before
spaCy sees the text: every character but line breaks becomes a space. Offsets stay those of the
article (the text keeps its length), spaCy folds each blank run into one whitespace token, and the
coder reads dates and datelines from the article's own text, not from the blanked copy.

Kept besides trigger sentences: the sentence before each one that refers back to it (a pronoun's
antecedent, the speaker of a quote that runs on; ``context="always"`` keeps every sentence before a
trigger sentence, as before, ``"none"`` none), headings that introduce a list, and the article's first
sentence (its dateline and main place).

By default (``Settings.prefilter_learned``; ``EVENTWIRE_SENTENCE_FILTER=0`` turns it off) a learned sentence
filter (sentence_filter.py) also blanks the trigger-word sentences it scores as giving no event, before the
context rules above are applied to the sentences it keeps. ``sparse_text`` itself applies it only when asked
(``learned=True``): the pipeline asks per its settings.
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
_NOT_NEWLINE = re.compile(r"[^\n]")


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
    # a stem is a prefix of the regular forms, but not of a consonant + y verb's: "deny" is no prefix of
    # "denied", "occupy" of "occupies"; those forms are listed whole (common._inflections)
    from .common import _inflections

    words |= {f for t in lx.VERB_TRIGGERS if t.source == "lexicon" and t.frame != SPEECH_FRAME
              and t.lemma.endswith("y") and t.lemma[-2:-1] not in "aeiou" for f in _inflections(t.lemma)}
    stems |= {_stem(n) for n in lx.NOUN_TRIGGERS}
    # words the trigger model has learned to read as events ("charge", "retake", "firefight"): a
    # sentence holding one must reach the parser, or the model never sees it
    from .triggers import default_model

    model = default_model()
    if model is not None:
        # only words that lean clearly to an event: every sentence parsed costs as much as the coder
        stems |= {_stem(lemma) for lemma in model.event_lemmas(margin=1.0) if len(lemma) >= 4}
    # an idiom's telling words ("guilty", "trial", a weapon, a wound: idioms.py), not its common verb
    from .idioms import telling_words

    stems |= {_stem(w) for w in telling_words()}
    return frozenset(words), tuple(sorted(s for s in stems if len(s) >= 3))


# Statements are accusations only when their words are hostile (verbal.py 'negative_content'): a sentence
# with a verb of saying reaches the parser only when it also holds a clearly negative word, so that the
# many neutral "said" sentences of news stay unparsed.
SPEECH_FRAME = "negative_content"


@lru_cache(maxsize=1)
def _speech() -> tuple[frozenset[str], frozenset[str]]:
    from .common import _inflections
    from .valence import lexicon
    from .verbal import NEGATIVE_WORD

    lemmas = {t.lemma for t in lx.VERB_TRIGGERS if t.frame == SPEECH_FRAME}
    forms = {f for w in lemmas for f in _inflections(w)} | {"said", "told", "wrote", "written"}
    return frozenset(forms), frozenset(w for w, v in lexicon().items() if v <= NEGATIVE_WORD)


@lru_cache(maxsize=1)
def _matcher() -> tuple[frozenset[str], tuple[tuple[int, frozenset[str]], ...]]:
    """The vocabulary with its stems grouped by length: "starts with one of ~300 stems" is then a few
    set look-ups of the word's prefixes instead of a scan of every stem (the pre-filter's cost was mostly
    that scan: sparse_text 0.07 -> 0.04-0.06 s CPU per 60 bench articles, same answers)."""
    words, stems = _vocabulary()
    by_length: dict[int, set[str]] = {}
    for stem in stems:
        by_length.setdefault(len(stem), set()).add(stem)
    return words, tuple((n, frozenset(group)) for n, group in sorted(by_length.items()))


_WORD_ANSWERS: dict[str, bool] = {}  # lower-cased word -> trigger-like? (news repeats its words)
_WORD_ANSWERS_MAX = 200_000


def _trigger_like(low: str) -> bool:
    known = _WORD_ANSWERS.get(low)
    if known is not None:
        return known
    words, by_length = _matcher()
    answer = low in words or any(low[:n] in group for n, group in by_length if n <= len(low))
    if len(_WORD_ANSWERS) >= _WORD_ANSWERS_MAX:  # a long-running worker: bounded memory
        _WORD_ANSWERS.clear()
    _WORD_ANSWERS[low] = answer
    return answer


def _reading(words: list[str], sentence: str) -> tuple[list[str], bool, bool]:
    """The trigger-like words of a sentence (lower-cased), whether a verb of saying meets a hostile word,
    and whether a trigger phrase is there: what makes it a candidate, and what the learned filter reads."""
    speech, hostile = _speech()
    said = bad = False
    found = []
    for w in words:
        low = w.lower()
        if _trigger_like(low):
            found.append(low)
        said = said or low in speech
        bad = bad or low in hostile
    return found, said and bad, bool(_PHRASES.search(sentence))


# The CAMEO dictionary's object patterns the coder reads as triggers (lexicon._cameo_verbs: "recovered 86
# firearms", "dispersed the demonstration", "imposed a curfew"). Its ~500 verbs alone would keep nearly all
# the text (see _vocabulary), so a sentence is kept for a pattern only when the verb and one of the pattern's
# object words are both in it; the coder then checks that the word is the verb's object.
@lru_cache(maxsize=1)
def _cameo_patterns() -> dict[str, frozenset[str]]:
    from .common import _inflections

    objects: dict[str, set[str]] = {}
    for t in lx.VERB_TRIGGERS:
        # corroborated types too: their patterns hold without the model where both sides are named
        # (frames.cameo_dyad)
        if t.source == "cameo" and t.objects:
            words = {w for o in t.objects for w in (o, o + "s", o + "es") if len(o) >= 3}
            for form in _inflections(t.lemma) | ({"seized", "froze", "frozen"} & {t.lemma}):
                objects.setdefault(form, set()).update(words)
    return {form: frozenset(words) for form, words in objects.items()}


def _cameo_pattern_in(lows: list[str]) -> bool:
    patterns = _cameo_patterns()
    present = set(lows)
    return any(low in patterns and not patterns[low].isdisjoint(present) for low in lows)


def is_candidate(sentence: str) -> bool:
    """Could this sentence hold an event? True on any trigger-like word or phrase, or a CAMEO object
    pattern's verb with one of its objects."""
    speech, hostile = _speech()
    said = bad = False
    lows = []
    for w in _WORD.findall(sentence):
        low = w.lower()
        if _trigger_like(low):
            return True
        said = said or low in speech
        bad = bad or low in hostile
        lows.append(low)
    return bool(_PHRASES.search(sentence)) or (said and bad) or _cameo_pattern_in(lows)


def readings(text: str, spans: list[tuple[int, int]]) -> list[list[str] | None]:
    """Per sentence: None when it is no candidate of the lexicon pre-filter, else the learned filter's
    features of it (sentence_filter.features)."""
    from .sentence_filter import features

    read = []
    for s, e in spans:
        words = _WORD.findall(text[s:e])
        read.append((words, *_reading(words, text[s:e])))
    return [features(words, text[s:e], i, len(spans), found, sh, ph)
            if found or sh or ph else None
            for i, ((s, e), (words, found, sh, ph)) in enumerate(zip(spans, read, strict=True))]


def _learned_candidates(text: str, spans: list[tuple[int, int]]) -> list[bool] | None:
    """Candidates the learned sentence filter keeps (sentence_filter.py), None when it has no model."""
    from .sentence_filter import default_filter

    model = default_filter()
    if model is None:
        return None
    return [f is not None and model.keeps(f) for f in readings(text, spans)]


def _spans(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


# Words by which a sentence leans on the one before: pronouns (their antecedent) and quotation marks
# (a quote that runs on from a speaker named before). A trigger sentence with none of them names its own
# parties, so the sentence before it need not be parsed (docs/scale.md has what this changes).
_BACK_REFERENCES = frozenset(["he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "him",
                              "them", "us"])
_QUOTES = ('"', "“", "”")
# The sentence splitter (_SENT_END) also cuts after initials, titles and dotted abbreviations ("Gen.
# Stephen Townsend", "Charles H. Keating", "the U.S. Attorney's Office"): a span ending in a capital
# letter, a capitalised word of up to four letters or a dotted abbreviation may run on into the next one,
# so it is kept before a trigger sentence whatever that sentence says (a real sentence end such as
# "in Iraq." is kept too: that costs only time).
_RUNS_ON = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z])\.[\"'”’)\]]*\s*$")
CONTEXTS = ("references", "always", "none")


@lru_cache(maxsize=8)
def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of a text, by the pre-filter's split (the same with or without it)."""
    return [s for s, _ in _spans(text)]


def refers_back(sentence: str) -> bool:
    """Does this sentence lean on the one before (a pronoun, a quotation mark)?"""
    if any(q in sentence for q in _QUOTES):
        return True
    return any(w.lower() in _BACK_REFERENCES for w in _WORD.findall(sentence))


def sparse_text(text: str, context: str = "references", learned: bool = False) -> tuple[str, float]:
    """The text with non-candidate sentences blanked, and the share of characters kept.

    ``context``: which sentences before a trigger sentence stay ("references": those the trigger sentence
    refers back to, see ``refers_back``; "always"; "none"). ``learned``: also blank the candidates the
    learned sentence filter scores as giving no event (sentence_filter.py; Settings.prefilter_learned),
    when its model is there."""
    if context not in CONTEXTS:
        raise ValueError(f"prefilter context {context!r}: expected one of {', '.join(CONTEXTS)}")
    spans = _spans(text)
    if not spans:
        return text, 1.0
    cand = _learned_candidates(text, spans) if learned else None
    if cand is None:
        cand = [is_candidate(text[s:e]) for s, e in spans]

    def needed_before(i: int) -> bool:  # is span i the context of a trigger sentence after it?
        if i + 1 >= len(spans) or not cand[i + 1] or context == "none":
            return False
        if context == "always" or _RUNS_ON.search(text[spans[i][0]: spans[i][1]]):
            return True
        return refers_back(text[spans[i + 1][0]: spans[i + 1][1]])

    keep = [
        cand[i] or i == 0 or text[s:e].rstrip().endswith(":") or needed_before(i)
        for i, (s, e) in enumerate(spans)
    ]
    pieces: list[str] = []
    kept = done = 0
    for (s, e), k in zip(spans, keep, strict=True):
        if k:
            kept += e - s
            continue
        pieces += [text[done:s], _NOT_NEWLINE.sub(" ", text[s:e])]
        done = e
    pieces.append(text[done:])
    return "".join(pieces), kept / max(1, sum(e - s for s, e in spans))
