"""Per-article memory of the people an article introduced (``ArticleActors``)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .match import ActorMatch
from .normalise import tokens

if TYPE_CHECKING:
    from . import ActorResolver


class ArticleActors:
    """Per-article memory of people introduced with a title: "Colombian Defense Minister Diego Molano"
    early in an article makes a later "Molano" or "Diego Molano" resolve to COL GOV+MIL.

        memo = ArticleActors(resolver)
        memo.resolve("Colombian Defense Minister Diego Molano")   # remembers Diego Molano
        memo.resolve("Molano")                                    # COL GOV (rule 'article:...')
    """

    def __init__(self, resolver: ActorResolver, date: dt.date | None = None) -> None:
        self.resolver = resolver
        self.date = date
        self.known: dict[str, ActorMatch] = {}
        # head word of a remembered title -> (the title's role noun, the person): "the minister" later
        self.by_role: dict[str, list[tuple[str, ActorMatch]]] = {}

    def resolve(self, text: str, context: str = "") -> ActorMatch | None:
        titled = self.resolver.titled_person(text, self.date, context)
        if titled is not None:
            name, person = titled
            self.known[" ".join(tokens(name))] = person
            surname = " ".join(tokens(name.split()[-1]))
            # the surname alone only while it is unambiguous within the article
            if surname in self.known and self.known[surname].name != person.name:
                self.known[surname] = ActorMatch(None, None, None)
            else:
                self.known[surname] = person
            role = _role_span(person.rule)
            if role:
                same = self.by_role.setdefault(role.split()[-1], [])
                if all(p.name != person.name for _, p in same):
                    same.append((role, person))
        m = self.resolver.resolve(text, context=context, date=self.date)
        if m is not None:
            self._remember_person(m)
            return m
        return self.recall(text)

    def same_role(self, text: str, m: ActorMatch) -> ActorMatch | None:
        """"the minister" or "the defense minister" after "Colombian Defense Minister Diego Molano": the one
        person the article introduced with that title, when the mention is the bare title and the title
        itself named no place (None when two people of the article bear it)."""
        role = _role_span(m.rule, bare=True)
        toks = tokens(text)
        if not role or m.name or toks[:1] != ["the"] or " ".join(toks[1:]) != role:
            return None
        same = [(r, p) for r, p in self.by_role.get(role.split()[-1], []) if r.endswith(role)]
        if len(same) != 1:
            return None
        p = same[0][1]
        return ActorMatch(p.name, p.country, p.sector, None, f"article:same-role:{p.rule}", p.sector_2)

    def _remember_person(self, m: ActorMatch) -> None:
        """A person the knowledge base named in full ("Secretary of Defense Ash Carter") is who a later
        bare surname in the article is ("Carter said"), while no other person of that surname appears."""
        if not m.name or not (m.rule or "").startswith("person:") or " " not in m.name.strip():
            return
        full = " ".join(tokens(m.name))
        self.known.setdefault(full, m)
        surname = " ".join(tokens(m.name.split()[-1]))
        if surname in self.known and self.known[surname].name not in (None, m.name):
            self.known[surname] = ActorMatch(None, None, None)  # two bearers: the surname alone is nobody
        elif surname not in self.known:
            self.known[surname] = m

    def recall(self, text: str) -> ActorMatch | None:
        """What the article already said about a name the knowledge base cannot resolve on its own."""
        k = " ".join(t for t in tokens(text) if t not in ("'s", "mr", "mrs", "ms", "dr"))
        remembered = self.known.get(k)
        if remembered is None or remembered.sector is None or remembered.sector == "UNK" and not remembered.country:
            return None  # a memory that places nobody ("the theatre director ...": UNK, no country) says nothing
        return ActorMatch(remembered.name, remembered.country, remembered.sector, None,
                          f"article:{remembered.rule}", remembered.sector_2)


def _role_span(rule: str | None, bare: bool = False) -> str | None:
    """The role noun a rule names ("titled:demonym:Colombia+role:defense minister" -> "defense minister");
    with ``bare``, only for a rule of a role noun alone (the article's context may complete its country)."""
    rule = (rule or "").removeprefix("titled:").removesuffix("+context-country")
    if bare and not rule.startswith("role:"):
        return None
    for part in rule.split("+"):
        if part.startswith("role:"):
            return part[len("role:"):]
    return None
