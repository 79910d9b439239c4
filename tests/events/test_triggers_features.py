"""Trigger features: the sentence-level entity labels a token gets are those of its own sentence."""

from __future__ import annotations

from eventwire.events import triggers


def test_sentence_entity_labels_are_those_of_the_tokens_sentence(pipeline) -> None:
    doc = pipeline.nlp(
        "Turkish troops shelled positions near Afrin on Monday. Protesters gathered in Paris. "
        "The talks ended without agreement. Reuters reported that Vladimir Putin met Recep Tayyip Erdogan "
        "in Sochi, where the two leaders agreed a ceasefire. Nothing else happened."
    )
    assert len(list(doc.sents)) >= 4
    for tok in doc:
        assert triggers._sentence_entity_labels(tok) == {e.label_ for e in tok.sent.ents}, tok.text


def test_sentence_entity_labels_without_sentence_boundaries(pipeline) -> None:
    doc = pipeline.nlp.make_doc("Troops shelled Afrin.")  # tokenised only: no sentences, no entities
    assert triggers._sentence_entity_labels(doc[0]) == set()
