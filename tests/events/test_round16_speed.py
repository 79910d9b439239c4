"""Round 16 (speed): what the pipeline keeps from one article to the next never changes the next one's events.

The actor resolver keeps its readings across articles (actors.ActorResolver.resolve) and the role patterns are
read at each trigger (role_patterns.Found); an article's events must be the same whether it is the first a
worker codes or comes after others that name the same parties in another country's context.
"""

from __future__ import annotations

import dataclasses

from eventwire.actors import ActorResolver
from eventwire.records import Article

# Written for this test: the same bare parties ("the army", "police", "the minister") in two countries.
FIRST = ("Israeli troops killed two Palestinians near Jenin on Monday, the army said. Police arrested three "
         "protesters in Jerusalem after clashes, and the defence minister threatened to strike Hamas again.")
SECOND = ("Nigerian troops killed 12 Boko Haram fighters near Maiduguri on Monday, the army said. Police "
          "arrested three protesters in Lagos after clashes, and the defence minister threatened to strike the "
          "group again.")


def _events(pipeline, actors: ActorResolver, *texts: str) -> list[list[dict]]:
    from eventwire import Pipeline

    pipe = Pipeline(nlp=pipeline.nlp, actors=actors, places=pipeline.coder.places)
    arts = [Article.from_text(t, published="2024-03-04") for t in texts]
    return [[dataclasses.asdict(e) for e in r.events] for r in pipe.process(arts)]


def test_an_article_codes_the_same_after_another_that_names_the_same_parties(pipeline):
    kb = pipeline.coder.actors.kb
    alone = _events(pipeline, ActorResolver(kb), SECOND)[0]
    after = _events(pipeline, ActorResolver(kb), FIRST, SECOND)[1]
    assert alone, "the article has events"
    assert {a["country"] for e in alone for a in e["actors"]} & {"NGA"}, "its parties are read in Nigeria"
    assert after == alone


def test_a_resolver_answers_a_mention_the_same_whatever_it_was_asked_before(pipeline):
    kb = pipeline.coder.actors.kb
    fresh, used = ActorResolver(kb), ActorResolver(kb)
    for context in ("Israel", "Nigeria", ""):
        used.resolve("the army", context=context)
    assert used.resolve("the army", context="Nigeria") == fresh.resolve("the army", context="Nigeria")
    assert fresh.resolve("the army", context="Nigeria") != fresh.resolve("the army", context="Israel")
