"""How hostile what someone says is: word valence from the VADER lexicon (Hutto & Gilbert 2014, MIT licence,
shipped by the `vaderSentiment` package on PyPI and read from it at run time, never copied here).

PLOVER's ACCUSE/disapprove is a statement that criticises, condemns or blames another party. News tells
many of them without a verb of accusation: "Cruz said Trump will betray his supporters", "the White House
says the Republicans have no business obstructing a nominee". The coder reads such a statement as an
accusation when its content names another party and its words are clearly negative (events/verbal.py's
frame 'negative_content'); VADER gives the breadth (7,500 rated words) that a hand list would not.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

_NEGATORS = frozenset({"not", "n't", "never", "no", "without", "nor", "hardly"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """word -> mean valence (-4 .. +4); empty when the package is not installed (the frame then never holds)."""
    try:
        text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


# derivational suffixes that keep a word's polarity: "disrespectful" is as hostile as "disrespect",
# "dishonestly" as "dishonest", "ruthlessness" as "ruthless" (VADER lists the base, not every derivation)
_SUFFIXES = ("fully", "ful", "ness", "ly")


def word_valence(low: str, lemma: str) -> float:
    """A word's VADER valence, by its form, its lemma, or the base of a polarity-keeping derivation."""
    lex = lexicon()
    v = lex.get(low, lex.get(lemma, 0.0))
    if v:
        return v
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 4:
            v = lex.get(low[: -len(suf)], 0.0)
            if v:
                return v
    return 0.0


def valence(toks: Iterable[Token]) -> tuple[float, float]:
    """(sum, most negative) of the words' valences; a word under a negation counts with its sign turned
    and halved ("not good" is mildly bad, VADER's own damping)."""
    total, worst = 0.0, 0.0
    for t in toks:
        v = word_valence(t.lower_, t.lemma_.lower())
        if not v:
            continue
        if any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in (*t.children, *t.head.children)
               if c.i < t.i):
            v = -0.5 * v
        total += v
        worst = min(worst, v)
    return total, worst
