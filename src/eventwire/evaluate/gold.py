"""Gold articles in the ``eventwire-gold/1`` format (docs/evaluation.md)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..records import Article


@dataclass(frozen=True)
class GoldArticle:
    path: Path
    text_path: Path
    text: str
    meta: dict[str, Any]
    events: tuple[dict[str, Any], ...]
    not_events: tuple[dict[str, Any], ...]

    def article(self, *, check_language: bool = True) -> Article:
        from ..sources import article_from_text

        return article_from_text(
            self.text,
            str(self.text_path),
            published=self.meta.get("published") or None,
            source=self.meta.get("source") or None,
            url=self.meta.get("url") or None,
            check_language=check_language,
        )


def _record_text(ref: dict[str, Any], base: Path) -> tuple[Path, str]:
    """The text of a record of a JSONL dataset (``article.text_ref``): referenced, never copied."""
    src = (base / ref["file"]).resolve()
    with src.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if str(rec.get("id")) == str(ref["id"]):
                return src, rec[ref.get("field", "text")]
    raise ValueError(f"no record {ref['id']!r} in {src}")


def load_gold(path: str | Path) -> GoldArticle:
    p = Path(path)
    g = json.loads(p.read_text(encoding="utf-8"))
    ref = g["article"].get("text_ref")
    if ref:
        text_path, text = _record_text(ref, p.parent)
        text_path = text_path.with_name(f"{text_path.name}#{ref['id']}")
    else:
        text_path = (p.parent / g["article"]["text_file"]).resolve()
        text = text_path.read_text(encoding="utf-8")
    events = []
    for e in g["events"]:
        i = text.find(e["evidence"])
        if i < 0:
            raise ValueError(f"{p}: evidence of {e['id']} is not in the text: {e['evidence'][:60]!r}")
        events.append({**e, "_span": (i, i + len(e["evidence"]))})
    return GoldArticle(p, text_path, text, g["article"], tuple(events), tuple(g.get("not_events", [])))


@lru_cache(maxsize=16)
def _ids_the_shared_scorer_reads(src: Path) -> frozenset[str]:
    # The shared scorers read a dataset with str.splitlines(), which also splits at U+0085 and U+2028; a
    # record holding one breaks there, and so does every record after it (lgl/dev.jsonl from 38543581 on).
    ids = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            ids.add(str(json.loads(line).get("id")))
        except ValueError:
            break
    return frozenset(ids)


def shared_scorer_reads(path: Path) -> bool:
    """Whether ``shared/tools/score_*.py`` can load this gold file's text (eval/corpus/README.md: LGL)."""
    ref = json.loads(path.read_text(encoding="utf-8"))["article"].get("text_ref")
    if not ref:
        return True
    return str(ref["id"]) in _ids_the_shared_scorer_reads((path.parent / ref["file"]).resolve())


def shared_dir() -> Path | None:
    """The ``shared/`` folder beside the checkout (or $EVENTWIRE_SHARED), if there is one."""
    env = os.environ.get("EVENTWIRE_SHARED")
    candidates = [Path(env)] if env else []
    here = Path(__file__).resolve()
    candidates += [parent / "shared" for parent in here.parents] + [Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "gold").is_dir():
            return c
    return None


def gold_files(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    """Gold files named directly or found in the folders named (``*.gold.json``, sorted)."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.gold.json")) if p.is_dir() else [p])
    return out


def listed_stems(path: Path) -> frozenset[str]:
    """The article stems a corpus listing names (``dev_round9.txt``, ``dev_untouched.txt``): one per line,
    '#' lines are comments."""
    return frozenset(x.strip() for x in path.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("#"))


def untouched_stems(corpus: Path) -> frozenset[str]:
    """Stems of the dev articles kept untouched (``dev_untouched.txt`` beside the corpus folder): no learned
    part trains on them and nobody reads them, so a figure on them is held out from every kind of tuning."""
    listing = corpus.parent / f"{corpus.name}_untouched.txt"
    return listed_stems(listing) if listing.is_file() else frozenset()


def training_gold_files(corpus: Path) -> list[Path]:
    """The gold files of a team-corpus folder a learned part may train on (sorted): all but the untouched."""
    keep_out = untouched_stems(corpus)
    return [p for p in sorted(corpus.glob("*.gold.json")) if p.name.removesuffix(".gold.json") not in keep_out]


def untouched_gold_files(corpus: Path) -> list[Path]:
    """The gold files of the untouched articles (sorted): scored in aggregate only."""
    keep = untouched_stems(corpus)
    return [p for p in sorted(corpus.glob("*.gold.json")) if p.name.removesuffix(".gold.json") in keep]


def find_default_gold() -> Path | None:
    s = shared_dir()
    return s / "gold" / "seed" if s else None


def outlet_group(group: str) -> str:
    """The registrable part of a web-domain outlet group (two labels; three under a country's second level, as
    bbc.co.uk or news.com.au), so that an outlet's sub-domains are the outlet (edition.cnn.com is cnn.com); other
    groups (an incident's name) are themselves. The split keeps each outlet on one side (eval/corpus/README.md)."""
    labels = group.lower().removeprefix("www.").split(".")
    if len(labels) < 2 or " " in group:
        return group
    second_level = {"co", "com", "org", "net", "gov", "ac"}
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in second_level else 2
    return ".".join(labels[-keep:])


def annotated_records(corpus: Path) -> set[tuple[str, str]]:
    """(dataset file name, record id) of every record the team corpus annotates anywhere: its splits and every
    annotator's own files in ``raw/`` (second annotations and passages left out included). A new annotation
    round picks outside these by record id, not by file name: file stems shorten the ids."""
    out: set[tuple[str, str]] = set()
    for path in [*corpus.glob("dev/*.gold.json"), *corpus.glob("test/*.gold.json"), *corpus.glob("raw/*/*.gold.json")]:
        ref = json.loads(path.read_text(encoding="utf-8")).get("article", {}).get("text_ref") or {}
        if ref.get("id") is not None:
            out.add((Path(ref.get("file", "")).name, str(ref["id"])))
    return out
