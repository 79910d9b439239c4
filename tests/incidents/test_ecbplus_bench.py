"""bench/ecbplus_links.py reads ECB+'s CROMER XML: text, token offsets, action mentions and their
cross-document instances, on a hand-written document (no ECB+ text in the repository)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("ecbplus_links", ROOT / "bench" / "ecbplus_links.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["ecbplus_links"] = mod
    spec.loader.exec_module(mod)
    return mod


def _tokens(sentences: list[str]) -> str:
    out, t = [], 0
    for sid, sentence in enumerate(sentences):
        for n, word in enumerate(sentence.split(" ")):
            t += 1
            out.append(f'<token t_id="{t}" sentence="{sid}" number="{n}">{word}</token>')
    return "\n".join(out)


XML = f"""<Document doc_name="99_2ecbplus.xml" doc_id="DOC1">
{_tokens(["http : / / www . example . org / 2031 / 04 / 05 / mill - fire",
          "Rebels set fire to a grain - mill in Tarsk on Monday , police said .",
          "The blaze , `` a crime '' , did n't kill anyone at 8 : 15 p.m ."])}
<Markables>
<ACTION_OCCURRENCE m_id="1"  >
  <token_anchor t_id="21"/>
  <token_anchor t_id="22"/>
</ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="2"  >
  <token_anchor t_id="34"/>
</ACTION_REPORTING>
<ACTION_OCCURRENCE m_id="3"  >
  <token_anchor t_id="37"/>
</ACTION_OCCURRENCE>
<NEG_ACTION_OCCURRENCE m_id="4"  >
  <token_anchor t_id="46"/>
</NEG_ACTION_OCCURRENCE>
<LOC_GEO m_id="5"  >
  <token_anchor t_id="29"/>
</LOC_GEO>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t99_mill_fire" instance_id="ACT123" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="7" note="ACT123" >
  <source m_id="1" />
  <source m_id="3" />
  <target m_id="9" />
</CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="8" >
  <source m_id="2" />
  <target m_id="10" />
</INTRA_DOC_COREF>
</Relations>
</Document>"""


def test_cromer_text_is_detokenised_and_the_url_kept_apart_with_its_date() -> None:
    doc = _bench().parse_cromer(XML, "99_2ecbplus")
    assert doc.topic == "99" and doc.seminal == "ecbplus"
    assert doc.url == "http://www.example.org/2031/04/05/mill-fire"
    assert doc.published == dt.date(2031, 4, 5)
    assert doc.text.splitlines() == [
        "Rebels set fire to a grain-mill in Tarsk on Monday, police said.",
        'The blaze, "a crime", didn\'t kill anyone at 8:15 p.m.',
    ]


def test_cromer_action_mentions_point_at_their_words_with_their_instance() -> None:
    doc = _bench().parse_cromer(XML, "99_2ecbplus")
    by_id = {m.m_id: m for m in doc.mentions}
    assert set(by_id) == {"1", "2", "3", "4"}  # actions only: the place and the instance markable are not
    assert doc.text[by_id["1"].start:by_id["1"].end] == "set fire"
    assert doc.text[by_id["3"].start:by_id["3"].end] == "blaze"
    assert doc.text[by_id["4"].start:by_id["4"].end] == "kill"
    assert by_id["1"].instance == by_id["3"].instance == "ACT123" and by_id["1"].cross_doc
    assert by_id["2"].instance == "99_2ecbplus:intra8" and not by_id["2"].cross_doc
    assert by_id["4"].instance == "99_2ecbplus:m4"


def test_an_event_belongs_to_the_mentions_its_trigger_overlaps() -> None:
    bench = _bench()
    doc = bench.parse_cromer(XML, "99_2ecbplus")
    start = doc.text.index("fire")
    ev = {"evidence": {"start": 0, "end": 60, "trigger_start": start, "trigger_end": start + 4}}
    assert bench.instances_of(ev, doc) == {"ACT123"}
    said = doc.text.index("said")
    assert bench.instances_of({"evidence": {"start": said, "end": said + 4}}, doc) == {"99_2ecbplus:intra8"}


def test_a_url_without_a_whole_date_gives_none() -> None:
    bench = _bench()
    assert bench.url_date("http://x.com/2013/08/ellen-to-host/") is None
    assert bench.url_date("http://x.com/2005-05-24/news/1") == dt.date(2005, 5, 24)
    assert bench.url_date("http://x.com/2013/02/30/x") is None
