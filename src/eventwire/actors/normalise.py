"""Text normalisation shared by the knowledge base and the resolver.

Aliases and mentions go through the same function, so a lookup is a plain dict access: case,
diacritics, curly quotes, hyphens, dotted acronyms ("U.S.") and British spellings all collapse to
one key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Spelling variants that differ between outlets but never between actors.
_SPELLING = {
    "defence": "defense",
    "organisation": "organization",
    "organisations": "organizations",
    "labour": "labor",
    "programme": "program",
    "centre": "center",
    "offence": "offense",
    "kiev": "kyiv",
    # transliterations of the same Arabic given names (one person is "Mohamed" in one outlet and
    # "Mohammed" in the next; the sources here spell them all ways)
    "mohammed": "muhammad", "mohamed": "muhammad", "mohammad": "muhammad", "muhammed": "muhammad",
    "mohamad": "muhammad", "muhamad": "muhammad", "mohammat": "muhammad",
    "ahmed": "ahmad",
    # transliterations of the same Russian and Ukrainian given names (Andrei/Andrey, Sergei/Sergey,
    # Dmitry/Dmitriy: English-language outlets and the office-holder sources use both systems)
    "andrey": "andrei", "sergey": "sergei", "alexey": "alexei", "aleksey": "alexei", "aleksei": "alexei",
    "dmitriy": "dmitry", "dmitri": "dmitry", "yuriy": "yuri", "yury": "yuri", "vitaliy": "vitaly",
    "vitali": "vitaly", "anatoliy": "anatoly", "anatoli": "anatoly", "valeriy": "valery", "valeri": "valery",
    "gennadiy": "gennady", "gennadi": "gennady", "yevgeniy": "yevgeny", "evgeny": "yevgeny",
    "evgeniy": "yevgeny", "yevgeni": "yevgeny", "evgeni": "yevgeny", "nikolay": "nikolai",
    "timofey": "timofei", "matvey": "matvei", "arkadiy": "arkady", "arkadi": "arkady",
    "andriy": "andrii", "serhiy": "serhii", "oleksiy": "oleksii", "vasiliy": "vasily", "vasili": "vasily",
}

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"'})
# "Da'esh", "Qur'an": an apostrophe inside a word is a transliteration mark, not a possessive
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])(?!s\b)")
_ACRONYM = re.compile(r"\b((?:[^\W\d_]\.){2,})")
_TOKEN = re.compile(r"'s\b|[^\W_]+", re.UNICODE)

# A mention longer than this is not a mention; the rest is ignored so huge inputs stay cheap.
MAX_TOKENS = 64


def fold(text: str) -> str:
    """Strip diacritics and unify quotes, keeping case (used where case matters: acronyms)."""
    text = _INNER_APOSTROPHE.sub("", text.translate(_QUOTES))
    if not text.isascii():  # ASCII has no combining marks: skip the decomposition (most aliases)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    # "U.S." -> "US", "U.N." -> "UN": dotted acronyms are one token.
    return _ACRONYM.sub(lambda m: m.group(1).replace(".", ""), text)


def tokens_cased(text: str, limit: int = MAX_TOKENS) -> list[str]:
    """Tokens with their original case; possessive 's is its own token, hyphens split."""
    return list(_cased(text, limit))  # a fresh list: callers may change theirs


# The resolver tokenises the same mention again and again (each reading of a name, its context, the role
# model's features: ~19,000 calls on ~1,900 distinct texts per 60 bench articles), so the tuples are
# remembered; bounded, since the knowledge base's ~87,000 aliases pass through here once when it loads.
_TOKENS_CACHE = 16_384


@lru_cache(maxsize=_TOKENS_CACHE)
def _cased(text: str, limit: int) -> tuple[str, ...]:
    out: list[str] = []
    for m in _TOKEN.finditer(fold(text)):
        out.append(m.group(0))
        if len(out) >= limit:
            break
    return tuple(out)


def norm_token(tok: str) -> str:
    low = tok.lower()
    return _SPELLING.get(low, low)


def tokens(text: str, limit: int = MAX_TOKENS) -> list[str]:
    return list(_normed(text, limit))


@lru_cache(maxsize=_TOKENS_CACHE)
def _normed(text: str, limit: int) -> tuple[str, ...]:
    return tuple(norm_token(t) for t in _cased(text, limit))


def key(text: str) -> str:
    """The lookup key of an alias or a span."""
    return " ".join(tokens(text, limit=1000))
