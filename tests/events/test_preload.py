"""The pipeline reads the coder's models and indexes when it loads, not inside the first article.

A worker's first article (an API request, a short batch, bench/throughput.py) would otherwise pay
~1.5 s CPU of start-up; what the preload reads must be what the coder would have read itself.
"""

from __future__ import annotations

from eventwire.actors.normalise import tokens
from eventwire.events import acled, triggers
from eventwire.events import roles as rl


def test_loading_the_coder_reads_its_models_before_the_first_article(pipeline):
    from eventwire import Pipeline
    from eventwire.actors import ActorResolver

    # a resolver of its own and the ACLED model's cache emptied: nothing read by earlier tests counts
    actors = ActorResolver(pipeline.coder.actors.kb)
    acled.bundled_model.cache_clear()
    assert actors._by_surname is None
    coder = Pipeline(nlp=pipeline.nlp, actors=actors, places=pipeline.coder.places).coder
    assert coder.actors._by_surname, "the office holders' surname index is built with the coder"
    assert acled.bundled_model.cache_info().currsize == 1
    assert triggers.cameo_lexicon.cache_info().currsize == 1
    assert coder._roles is rl.default_role_model()


def test_the_surname_index_files_every_office_holder_under_their_last_word(pipeline):
    by = pipeline.coder.actors._surnames()
    holders = {id(e): e for entries in pipeline.coder.actors.kb.index.values() for e in entries
               if e.kind == "person" and e.offices and " " in e.name}
    assert holders, "the knowledge base ships office holders"
    filed = {id(e) for entries in by.values() for e in entries}
    assert filed == set(holders)
    for e in list(holders.values())[::97]:  # a sample: each is filed under tokens(name)[-1]
        assert any(x is e for x in by[tokens(e.name)[-1]])
