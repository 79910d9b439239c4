#!/usr/bin/env python3
"""Cross-article incident links on ECB+ (Cybulska & Vossen 2014): a public benchmark for issue 12.

ECB+ is 982 news documents in 43 topics, each topic two seminal events of one kind (files
``N_Mecb.xml`` report one incident, ``N_Mecbplus.xml`` another of the same kind: two police shootings,
two bombings of refugee camps), with event mentions and their coreference within and across
documents annotated. The annotation is CC BY 3.0 (github.com/cltl/ecbPlus, LICENSEDATA.TXT); the
texts are news quoted for research and are not copied into this repository. Give the path of a
local copy of the XML files:

    git clone https://github.com/cltl/ECB-parser /tmp/ECB-parser         # holds ECB+/<topic>/*.xml
    .venv/bin/python bench/ecbplus_links.py /tmp/ECB-parser --half A [--errors] [--cache DIR] [--json]

(or unzip ECB+.zip of github.com/cltl/ecbPlus and give that folder). Topics are split in two fixed
halves by sha256("ecbplus-topic:" + topic): half A's errors may be read (``--errors``), half B is only
scored (``--errors`` refuses it). Without ``--half``: both halves, each into its own store.

Each half's documents (the topics of TOPICS, in file order) are detokenised, given the publication
date their URL holds (``/2013/05/03/``, ``2013-05-03``; ECB documents have no URL: undated), coded by
the pipeline and ingested into one fresh SQLite store the way ``eventwire ingest`` does
(``Store.add_result``, as bench/incidents_eval.py). Scoring, over events mapped to ECB+ action
mentions (an event belongs to the mentions its trigger overlaps, or its evidence span if it has no
trigger): two events of different documents are a gold link when their mentions share a
CROSS_DOC_COREF instance, a gold non-link when both map to annotated action mentions and share none
(precision also given counting as false only the links between two seminal events or two topics:
ECB+ keeps the shooting and the killing, the arrest and the charge apart, an incident need not).
Document level: do two documents of one seminal event share any incident (recall-like), do two of
the two seminal events of one topic (false merges), or of two topics.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import importlib.util
import itertools
import json
import re
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# Topics whose seminal events are of kinds event data code, chosen by the topics' first documents
# (the description of each topic's two seminal events); the conflict kinds are scored, the
# negatives are topics of other kinds whose events should link to nothing conflict-like.
TOPICS: dict[str, tuple[str, str]] = {
    "3": ("conflict", "a killer's sentence after a courthouse escape / an inmate takes guards at gunpoint"),
    "8": ("conflict", "a bomb at a US bank kills two officers / rioters firebomb a Greek bank"),
    "12": ("conflict", "the Indian Navy foils pirates in the Gulf of Aden (two captures)"),
    "13": ("conflict", "arson at Sarah Palin's church / another arson in Alaska"),
    "16": ("conflict", "gang members arrested / charged for murdering a sheriff's deputy"),
    "18": ("conflict", "shootings at office parties and offices (Vancouver / Michigan)"),
    "19": ("conflict", "riots after police shoot a teenager (Athens / Brooklyn)"),
    "22": ("conflict", "shootings of women at work, a suspect accused (Staunton 1967 / 2010)"),
    "24": ("conflict", "armed robbers' jewellery heists in Paris"),
    "32": ("conflict", "a man kills his mother and another woman, arrested (New Bedford / UK)"),
    "33": ("conflict", "trials over bystanders killed by stray bullets (Albany / Brooklyn)"),
    "36": ("conflict", "polygamist leaders arrested / Warren Jeffs found guilty"),
    "41": ("conflict", "bombings of refugee shelters (UN schools in Gaza / Yida camp, South Sudan)"),
    "45": ("conflict", "murder trials end in guilty verdicts (Scott Peterson / Simpson)"),
    "7": ("negative", "sports: Klitschko retains his heavyweight titles"),
    "29": ("negative", "sports: the Colts beat a rival in the NFL"),
    "40": ("negative", "product launch: Apple unveils a MacBook Pro"),
    "42": ("negative", "product launch: T-Mobile adds a BlackBerry"),
}


def half_of(topic: str) -> str:
    return "A" if int(hashlib.sha256(f"ecbplus-topic:{topic}".encode()).hexdigest(), 16) % 2 == 0 else "B"


# -- the CROMER format ----------------------------------------------------------------------------
@dataclass
class Mention:
    m_id: str
    tag: str
    start: int  # character offsets into Doc.text; -1 when its tokens are not in the text (the URL)
    end: int
    instance: str  # the CROSS_DOC_COREF note, else the document's chain or the mention itself
    cross_doc: bool


@dataclass
class Doc:
    name: str  # e.g. "41_1ecbplus"
    topic: str
    seminal: str  # "ecb" or "ecbplus": which of the topic's two incidents the document reports
    text: str
    url: str | None
    published: dt.date | None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def event_key(self) -> str:
        return f"{self.topic}/{self.seminal}"


_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'re", "n't", "'ve", "'ll", "'d",
                    "'m", "'S", "N'T", "...", "’s", "’re", "’ve", "’ll", "’d", "’m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "£", "€"}
_QUOTES = {"``", "''", '"', "“", "”"}
_URL_DATE = (re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)"), re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)"))


def url_date(url: str) -> dt.date | None:
    """The publication date a URL holds (``/2013/05/03/`` or ``2013-05-03``), else None."""
    for rx in _URL_DATE:
        m = rx.search(url)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def detokenise(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """One sentence's tokens as text, and each token's (start, end) in it. ECB+ splits "box-office"
    and "8:13" into three tokens: a lone "-" or "/" between two word characters, or ":" or "."
    between two digits, is joined to both."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    quote_open = False
    glue_next = False
    for i, tok in enumerate(tokens):
        t = tok
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        if t in _QUOTES:
            t = '"'
            if quote_open:
                space = False
            quote_open = not quote_open
            glue_next = quote_open
        else:
            glue_next = t in _NO_SPACE_AFTER
        if t in _NO_SPACE_BEFORE or (t.startswith(("'", "’")) and t[1:].lower() in {"s", "re", "ve", "ll", "d", "m"}):
            space = False
        if (t in {"-", "/", "’"} and prev[-1:].isalnum() and nxt[:1].isalnum()) or (
                t in {":", "."} and prev[-1:].isdigit() and nxt[:1].isdigit()):
            space, glue_next = False, True
        if space:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(t)))
        out.append(t)
        pos += len(t)
    return "".join(out), spans


def parse_cromer(xml: str, name: str) -> Doc:
    """A CROMER XML document (ECB+): its detokenised text (one sentence a line; a first sentence that
    is the document's URL left out of the text, kept as ``url``), and its action mentions with their
    instance: the CROSS_DOC_COREF note, else an INTRA_DOC_COREF chain of the document, else itself."""
    root = ET.fromstring(xml)
    m = re.match(r"(\d+)_(\d+)(ecbplus|ecb)", name)
    topic, seminal = (m.group(1), m.group(3)) if m else ("", "")
    sentences: dict[int, list[tuple[str, str]]] = collections.defaultdict(list)
    for tok in root.iter("token"):
        sentences[int(tok.get("sentence", "0"))].append((tok.get("t_id", ""), tok.text or ""))
    url = None
    lines: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos = 0
    for sid in sorted(sentences):
        toks = sentences[sid]
        words = [w for _t, w in toks]
        if not lines and url is None and words and words[0].lower() in {"http", "https"}:
            url = "".join(words)
            continue
        line, spans = detokenise(words)
        for (t_id, _w), (s, e) in zip(toks, spans, strict=True):
            offsets[t_id] = (pos + s, pos + e)
        lines.append(line)
        pos += len(line) + 1
    text = "\n".join(lines) + "\n"
    markables = root.find("Markables")
    anchored: dict[str, tuple[str, list[str]]] = {}
    for mk in markables if markables is not None else []:
        t_ids = [a.get("t_id", "") for a in mk.findall("token_anchor")]
        if t_ids:
            anchored[mk.get("m_id", "")] = (mk.tag, t_ids)
    instance: dict[str, tuple[str, bool]] = {}
    relations = root.find("Relations")
    for rel in relations if relations is not None else []:
        for src in rel.findall("source"):
            if rel.tag == "CROSS_DOC_COREF":
                instance[src.get("m_id", "")] = (rel.get("note", ""), True)
            elif rel.tag == "INTRA_DOC_COREF":
                instance.setdefault(src.get("m_id", ""), (f"{name}:intra{rel.get('r_id', '')}", False))
    doc = Doc(name, topic, seminal, text, url, url_date(url) if url else None)
    for m_id, (tag, t_ids) in anchored.items():
        if not tag.startswith(("ACTION", "NEG_ACTION")):
            continue
        spans = [offsets[t] for t in t_ids if t in offsets]
        start, end = (min(s for s, _e in spans), max(e for _s, e in spans)) if spans else (-1, -1)
        inst, cross = instance.get(m_id, (f"{name}:m{m_id}", False))
        doc.mentions.append(Mention(m_id, tag, start, end, inst, cross))
    return doc


def load_docs(path: Path, topics: list[str]) -> list[Doc]:
    base = path / "ECB+" if (path / "ECB+").is_dir() else path
    docs = []
    for topic in topics:
        folder = base / topic
        if not folder.is_dir():
            raise SystemExit(f"{folder}: not found (give the ECB-parser clone, or the unzipped ECB+ folder)")
        files = sorted(folder.glob("*.xml"), key=lambda p: (
            "ecbplus" in p.name, int(re.match(r"\d+_(\d+)", p.name).group(1))))  # type: ignore[union-attr]
        docs += [parse_cromer(p.read_text(encoding="utf-8"), p.stem) for p in files]
    return docs


# -- scoring --------------------------------------------------------------------------------------
def _bench(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def instances_of(ev: dict[str, Any], doc: Doc) -> set[str]:
    evd = ev.get("evidence") or {}
    s, e = evd.get("trigger_start"), evd.get("trigger_end")
    if s is None or e is None:
        s, e = evd.get("start"), evd.get("end")
    if s is None or e is None:
        return set()
    return {m.instance for m in doc.mentions if m.start >= 0 and m.start < e and s < m.end}


def brief(ev: dict[str, Any], doc: Doc) -> str:
    evd = ev.get("evidence") or {}
    loc = (ev.get("location") or {}).get("name")
    date = (ev.get("date") or {}).get("start") if isinstance(ev.get("date"), dict) else ev.get("date")
    return (f"{doc.name} {ev['plover_type']} [{evd.get('trigger')}] {date} {loc} "
            f"| {str(evd.get('sentence', ''))[:110]!r}")


def score(docs: list[Doc], evs: list[dict[str, Any]], doc_of: dict[str, Doc]) -> dict[str, Any]:
    mapped = [(ev, instances_of(ev, doc_of[ev["article_id"]])) for ev in evs]
    kinds = {d.name: TOPICS[d.topic][0] for d in docs}
    rep: dict[str, Any] = {"documents": len(docs), "events": len(evs),
                           "events_mapped": sum(1 for _e, i in mapped if i)}
    # cross-document action instances (mentioned in two documents or more) and how many the coder finds
    inst_docs: dict[str, set[str]] = collections.defaultdict(set)
    for d in docs:
        for m in d.mentions:
            if m.cross_doc and m.start >= 0:
                inst_docs[m.instance].add(d.name)
    multi = {i for i, ds in inst_docs.items() if len(ds) > 1}
    found = {i for _e, ins in mapped for i in ins} & multi
    rep["cross_doc_instances"] = len(multi)
    rep["cross_doc_instances_found"] = len(found)
    pairs = collections.Counter()
    lists: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {"missed": [], "false": []}
    for (a, ia), (b, ib) in itertools.combinations([m for m in mapped if m[1]], 2):
        da, db = doc_of[a["article_id"]], doc_of[b["article_id"]]
        if da.name == db.name:
            continue
        linked = a.get("incident_id") is not None and a.get("incident_id") == b.get("incident_id")
        gold = bool(ia & ib)
        where = ("one seminal event" if da.event_key == db.event_key else
                 "one topic, two seminal events" if da.topic == db.topic else "two topics")
        pairs[("gold link" if gold else "gold non-link", linked, where)] += 1
        if gold and not linked:
            lists["missed"].append((a, b))
        elif linked and not gold:
            lists["false"].append((a, b))
    tp = sum(v for (g, lk, _w), v in pairs.items() if g == "gold link" and lk)
    fp = sum(v for (g, lk, _w), v in pairs.items() if g == "gold non-link" and lk)
    gold_n = sum(v for (g, _lk, _w), v in pairs.items() if g == "gold link")
    p = tp / (tp + fp) if tp + fp else None
    r = tp / gold_n if gold_n else None
    f1 = 2 * p * r / (p + r) if p and r else None
    # A link between two ECB+ instances of one seminal event (the shooting and the killing, the
    # arrest and the charge) may be one incident to an analyst; one between two seminal events or
    # two topics never is: the precision counting only those as false.
    fp_across = sum(v for (g, lk, w), v in pairs.items() if g == "gold non-link" and lk and w != "one seminal event")
    p_across = tp / (tp + fp_across) if tp + fp_across else None
    rep["pairs"] = {"gold_links": gold_n, "gold_non_links": sum(pairs.values()) - gold_n, "linked_gold": tp,
                    "linked_non_links": fp, "precision": p, "recall": r, "f1": f1,
                    "linked_across_incidents": fp_across, "precision_across_incidents": p_across,
                    "by_where": {f"{g} / {w} / {'linked' if lk else 'not linked'}": v
                                 for (g, lk, w), v in sorted(pairs.items())}}
    # document level
    incs: dict[str, set[str]] = collections.defaultdict(set)
    for ev in evs:
        if ev.get("incident_id"):
            incs[ev["article_id"]].add(ev["incident_id"])
    by_name = {doc_of[aid].name: i for aid, i in incs.items()}
    dl = collections.Counter()
    merged_topics = set()
    for da, db in itertools.combinations(docs, 2):
        share = bool(by_name.get(da.name, set()) & by_name.get(db.name, set()))
        kind = kinds[da.name] if kinds[da.name] == kinds[db.name] else "mixed"
        where = ("one seminal event" if da.event_key == db.event_key else
                 "one topic, two seminal events" if da.topic == db.topic else "two topics")
        dl[(kind, where, "pairs")] += 1
        dl[(kind, where, "share an incident")] += share
        if share and where == "one topic, two seminal events":
            merged_topics.add(da.topic)
    rep["documents_level"] = {f"{k} / {w} / {what}": v for (k, w, what), v in sorted(dl.items())}
    rep["topics_with_a_false_merge"] = sorted(merged_topics, key=int)
    rep["_lists"] = lists
    return rep


def print_report(half: str, rep: dict[str, Any]) -> None:
    pr = rep["pairs"]

    def f(x: float | None) -> str:
        return "-" if x is None else f"{x:.2f}"

    print(f"== half {half}: {rep['documents']} documents, {rep['events']} events, {rep['events_mapped']} mapped to "
          f"ECB+ action mentions; cross-document action instances {rep['cross_doc_instances']}, "
          f"{rep['cross_doc_instances_found']} with an event in some document")
    print(f"   event pairs across documents: gold links {pr['gold_links']}, gold non-links {pr['gold_non_links']}; "
          f"linked {pr['linked_gold']} gold + {pr['linked_non_links']} non-links: precision {f(pr['precision'])} "
          f"recall {f(pr['recall'])} F1 {f(pr['f1'])}; counting only links between two seminal events or topics "
          f"as false ({pr['linked_across_incidents']}): precision {f(pr['precision_across_incidents'])}")
    for k, v in pr["by_where"].items():
        print(f"     {k}: {v}")
    print("   documents (pairs that share an incident / pairs):")
    dl = rep["documents_level"]
    for k in dl:
        if k.endswith("/ pairs"):
            base = k[: -len("/ pairs")]
            print(f"     {base}: {dl[base + '/ share an incident']} / {dl[k]}")
    print(f"   topics whose two seminal events share an incident: {rep['topics_with_a_false_merge'] or 'none'}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="a clone of github.com/cltl/ECB-parser (or the ECB+ folder)")
    ap.add_argument("--half", choices=["A", "B"], action="append")
    ap.add_argument("--errors", action="store_true", help="half A: list missed and false links with their stage")
    ap.add_argument("--cache", type=Path, help="keep the pipeline's results here between runs")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    halves = a.half or ["A", "B"]
    if a.errors and halves != ["A"]:
        raise SystemExit("--errors reads half A only (half B is only scored)")
    ie = _bench("incidents_eval")
    from eventwire.incidents import context
    from eventwire.sources import article_from_text

    out = {}
    for half in halves:
        topics = sorted((t for t in TOPICS if half_of(t) == half), key=int)
        docs = load_docs(a.path, topics)
        arts, doc_of = [], {}
        for d in docs:
            art = article_from_text(d.text, f"ecbplus:{d.name}", published=d.published, url=d.url,
                                    check_language=False)
            arts.append(art)
            doc_of[art.article_id] = d
        t0 = time.process_time()
        results = ie.results_for(arts, a.cache)
        coded = time.process_time() - t0
        with tempfile.TemporaryDirectory(prefix="ew-ecbplus-") as tmp:
            evs = ie.ingest(results, f"sqlite:///{tmp}/store.db")
        rep = score(docs, evs, doc_of)
        rep["topics"] = topics
        rep["dated_documents"] = sum(1 for d in docs if d.published)
        lists = rep.pop("_lists")
        out[half] = rep
        if a.json:
            continue
        print(f"(topics {', '.join(topics)}; {rep['dated_documents']} of {len(docs)} documents dated by their URL; "
              f"coded in {coded:.0f} s CPU)")
        print_report(half, rep)
        if a.errors:
            names = {art.article_id: context.names(art.text) for art in arts}
            order = {art.article_id: i for i, art in enumerate(arts)}
            ie.mark_homes(evs)
            for kind in ("missed", "false"):
                print(f"-- {kind} links ({len(lists[kind])})")
                for x, y in lists[kind]:
                    new, old = (x, y) if order[x["article_id"]] > order[y["article_id"]] else (y, x)
                    stage, detail = ie.pair_stage(new, old, names)
                    print(f"   [{stage}] {detail}\n      {brief(new, doc_of[new['article_id']])}\n"
                          f"      ~ {brief(old, doc_of[old['article_id']])}")
    if a.json:
        print(json.dumps(out, indent=1))


if __name__ == "__main__":
    sys.exit(main())
