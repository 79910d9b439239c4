"""The attribute ruler run as a table (eventwire.nlp.attribute_table) annotates exactly as spaCy's own
ruler does, for a fraction of its CPU; a ruler it cannot read that way is left alone."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from eventwire.events.prefilter import sparse_text
from eventwire.nlp import FALLBACK_MODELS, add_components, load_spacy
from eventwire.nlp.attribute_table import AttributeTable, use_attribute_table

# the ruler's word exceptions and its multi-token patterns ("gon na", "let 's", "ai n't", "There is")
TRICKY = (
    "We're gonna hit them again, let's go, y'all. There is no ceasefire and there are no talks; it ain't over. "
    "C'mon, they said. I'd've gotta leave.\n\n   Soldiers' families, who're waiting, haven't been told."
)


def _stock() -> Language:
    """The pipeline eventwire loads, with spaCy's own attribute ruler (a fresh copy per call)."""
    for name in FALLBACK_MODELS:
        try:
            return add_components(spacy.load(name))
        except OSError:
            continue
    pytest.skip("no spaCy pipeline installed")


@pytest.fixture(scope="module")
def texts(seed_text: Path) -> list[str]:
    seed = seed_text.read_text(encoding="utf-8")
    out = [TRICKY, seed, "", "   \n  "]
    return out + [sparse_text(t)[0] for t in out if t.strip()]  # the blanked text eventwire parses


def test_the_pipeline_runs_the_table_in_the_rulers_place() -> None:
    nlp = load_spacy()
    stock = _stock()
    rulers = [type(c) for _n, c in nlp.pipeline if _n == "attribute_ruler"]
    assert rulers == [AttributeTable]  # instead of the stock ruler, not beside it
    assert [n for n, _c in nlp._components] == [n for n, _c in stock._components]  # disabled ones kept
    assert nlp.disabled == stock.disabled


def test_same_annotations_as_spacys_ruler(texts: list[str]) -> None:
    stock, table = _stock(), _stock()
    assert use_attribute_table(table)
    assert not isinstance(stock.get_pipe("attribute_ruler"), AttributeTable)
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    for a, b in zip(stock.pipe(texts), table.pipe(texts), strict=True):
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
        assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [(t.pos_, str(t.morph), t.lemma_) for t in b]
    doc = table(TRICKY)
    assert [t.lemma_ for t in doc[2:4]] == ["go", "to"]  # "gon na": a two-token exception still applies


def test_it_costs_less_cpu(texts: list[str]) -> None:
    stock, table = _stock(), _stock()
    use_attribute_table(table)
    skip = ["attribute_ruler", "lemmatizer", "ner"]
    docs = list(stock.pipe(texts * 5, disable=skip))
    mine = list(table.pipe(texts * 5, disable=skip))
    ruler, fast = stock.get_pipe("attribute_ruler"), table.get_pipe("attribute_ruler")
    start = time.process_time()
    for d in docs:
        ruler(d)
    slow_s = time.process_time() - start
    start = time.process_time()
    for d in mine:
        fast(d)
    fast_s = time.process_time() - start
    assert fast_s * 2 < slow_s  # ~8x less on news text (docs/scale.md); 2x leaves room for a loaded machine


def test_a_ruler_it_cannot_read_is_left_alone() -> None:
    nlp = _stock()
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.add([[{"POS": "PROPN", "LOWER": "paris"}]], {"LEMMA": "Paris"})  # a condition on POS: not a table key
    assert not use_attribute_table(nlp)
    assert not isinstance(nlp.get_pipe("attribute_ruler"), AttributeTable)
