"""Picking passages for a new annotation round (eval/tools/pick_passages.py): round 12's selection matched
shortened file stems, so 129 of 159 passages handed to annotators were already annotated. The picker works by
record id and by outlet, and these tests hold it to that on the real corpus."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from eventwire.evaluate.gold import annotated_records, outlet_group

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "eval" / "corpus"


def _tool():
    spec = importlib.util.spec_from_file_location("pick_passages", ROOT / "eval" / "tools" / "pick_passages.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(("group", "outlet"), [("edition.cnn.com", "cnn.com"), ("bigstory.ap.org", "ap.org"),
                                               ("www.bbc.co.uk", "bbc.co.uk"), ("news.com.au", "news.com.au"),
                                               ("nytimes.com", "nytimes.com"), ("idlib-feb-2020", "idlib-feb-2020")])
def test_an_outlets_sub_domains_are_the_outlet(group, outlet):
    assert outlet_group(group) == outlet


def test_every_corpus_and_raw_file_counts_as_annotated():
    got = annotated_records(CORPUS)
    # round 12's second annotations are in raw/ only under the same record ids as their dev files
    for path in sorted(CORPUS.glob("raw/a23/rams-*.gold.json"))[:5]:
        ref = json.loads(path.read_text(encoding="utf-8"))["article"]["text_ref"]
        assert ("dev.jsonl", ref["id"]) in got


def test_picked_passages_are_new_and_of_dev_side_outlets(shared):
    tool = _tool()
    dataset = shared / "data" / "rams" / "dev.jsonl"
    picked = tool.pick(dataset, "test-order:", 15, "B", 0.2)
    assert len(picked) == 15
    taken = {rid for name, rid in annotated_records(CORPUS) if name == "dev.jsonl"}
    banned = tool.test_outlets()
    assert "cnn.com" in banned
    assert not {rid for rid, _ in picked} & taken
    assert not {outlet for _, outlet in picked} & banned
    # the same salt gives the same pick; another salt another one
    assert tool.pick(dataset, "test-order:", 15, "B", 0.2) == picked
    assert tool.pick(dataset, "other-order:", 15, "B", 0.2) != picked
