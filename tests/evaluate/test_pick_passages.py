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


def _record(rid: str, url: str, words: str) -> str:
    return json.dumps({"id": rid, "source_url": url, "text": words})


def test_picked_passages_are_new_skipped_never_and_of_dev_side_outlets(tmp_path):
    """A corpus of its own (RAMS dev is used up since round 13): annotated, skipped and test-side records are never
    offered, nor a passage that repeats an annotated one; the order is fixed by the salt."""
    tool = _tool()
    corpus = tmp_path / "corpus"
    (corpus / "raw" / "a1").mkdir(parents=True)
    (corpus / "splits.tsv").write_text("# stem\tsplit\tgroup\nx-1\ttest\tedition.cnn.com\nx-2\tdev\tnpr.org\n")
    dataset = tmp_path / "dev.jsonl"
    lines = [_record("nw_annotated01", "http://www.npr.org/a", "one two three four five six seven eight nine ten"),
             _record("nw_skipped0123456789", "http://www.npr.org/b", "alpha beta gamma delta epsilon zeta eta"),
             _record("nw_cnn000001", "http://money.cnn.com/c", "red green blue cyan magenta yellow black white"),
             _record("nw_copy000001", "http://www.npr.org/d", "one two three four five six seven eight nine ten x"),
             *[_record(f"nw_new{k:06d}", f"http://www.bbc.co.uk/{k}", f"story {k} about {k * 7} things in town {k}")
               for k in range(6)]]
    dataset.write_text("\n".join(lines) + "\n")
    gold = {"article": {"text_ref": {"file": "../../dev.jsonl", "id": "nw_annotated01", "field": "text"}}, "events": []}
    (corpus / "raw" / "a1" / "x-2.gold.json").write_text(json.dumps(gold))
    (corpus / "raw" / "a1" / "SKIPPED.txt").write_text("nw_skipped01 BBC, no date: about a test-side topic\n"
                                                        "None else skipped.\n")
    picked = tool.pick(dataset, "test-order:", 20, None, 0.2, corpus)
    ids = {rid for rid, _ in picked}
    assert ids == {f"nw_new{k:06d}" for k in range(6)}
    assert {outlet for _, outlet in picked} == {"bbc.co.uk"}
    assert tool.pick(dataset, "test-order:", 20, None, 0.2, corpus) == picked
    assert [r for r, _ in tool.pick(dataset, "other-order:", 20, None, 0.2, corpus)] != [r for r, _ in picked]


def test_the_real_corpus_offers_no_passage_it_holds_or_skipped(shared):
    tool = _tool()
    dataset = shared / "data" / "rams" / "dev.jsonl"
    picked = {rid for rid, _ in tool.pick(dataset, "test-order:", 400, None, 0.2)}
    taken = {rid for name, rid in annotated_records(CORPUS) if name == "dev.jsonl"}
    skipped = tool.skipped_records(CORPUS)
    assert "cnn.com" in tool.test_outlets()
    assert len(skipped) >= 20
    assert not picked & taken
    assert not {rid for rid in picked if any(rid.startswith(s) for s in skipped)}
