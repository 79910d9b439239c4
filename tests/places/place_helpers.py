"""Shared by the places tests: resolve named spans of a text as the coder hands them to the resolver."""

from __future__ import annotations

from eventwire.places import PlaceResolver
from eventwire.records import Place


def resolve_named(resolver: PlaceResolver, text: str, names: list[str]) -> list[Place]:
    """Each name, found in order in ``text``, as a GPE mention of one document."""
    mentions, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        mentions.append((start, start + len(name), "GPE"))
        pos = start + len(name)
    return resolver.resolve_document(text, mentions)
