#!/usr/bin/env python3
"""Compile the nominal forms of the CAMEO verbs: which event nouns name the act of which verb.

The CAMEO verb dictionary (data/cameo_verb_triggers.tsv, scripts/build_cameo_triggers.py) codes verbs
with their objects ("imposed sanctions", "lifted the embargo", "expelled diplomats"); news reports the
same acts as nouns with an of-phrase ("the imposition of sanctions on Russia", "the lifting of the arms
embargo", "the expulsion of diplomats"). This script lists, for every verb with an object pattern, its
nominal forms:
- the nouns Princeton WordNet 3.0 links to the verb as derivationally related forms ('+' pointers of
  data.verb), kept only where the noun sense is an act or event (lexicographer files noun.act and
  noun.event): 'impose' -> 'imposition', 'deploy' -> 'deployment', 'release' -> 'release'; not
  'deployer' (noun.person);
- the gerund ("the lifting of", "the easing of"), the verb's regular -ing form as the coder inflects it.

Sources: WordNet 3.0 (Princeton University, WordNet 3.0 licence, BSD-like; Debian package wordnet-base,
/usr/share/wordnet), read at build time and not redistributed; the compiled CAMEO verb triggers (MIT,
see that file's header). Output: src/eventwire/events/data/cameo_nominal_triggers.tsv (noun, verb, how).

    .venv/bin/python scripts/build_cameo_nominals.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "events" / "data"
OUT = DATA / "cameo_nominal_triggers.tsv"
EVENT_LEXFILES = {"04", "11"}  # noun.act, noun.event


def _synsets(path: Path) -> dict[str, tuple[str, list[str], list[tuple[str, str, str, str]]]]:
    """offset -> (lexicographer file, words, pointers (symbol, offset, pos, source/target))."""
    out = {}
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split(" | ")[0].split()
            offset, lexfile, n = f[0], f[1], int(f[3], 16)
            words = [f[4 + 2 * k].lower() for k in range(n)]
            k = 4 + 2 * n
            pcount = int(f[k])
            ptrs = [(f[k + 1 + 4 * j], f[k + 2 + 4 * j], f[k + 3 + 4 * j], f[k + 4 + 4 * j]) for j in range(pcount)]
            out[offset] = (lexfile, words, ptrs)
    return out


def derived_nouns(wordnet: Path) -> dict[str, set[str]]:
    """verb -> the act/event nouns WordNet derives from it (word-to-word '+' pointers)."""
    verbs = _synsets(wordnet / "data.verb")
    nouns = _synsets(wordnet / "data.noun")
    out: dict[str, set[str]] = defaultdict(set)
    for _lexfile, words, ptrs in verbs.values():
        for sym, off, pos, st in ptrs:
            if sym != "+" or pos != "n" or off not in nouns:
                continue
            src, tgt = int(st[:2], 16), int(st[2:], 16)
            nlexfile, nwords, _ = nouns[off]
            if nlexfile not in EVENT_LEXFILES or not src or not tgt:
                continue
            verb, noun = words[src - 1], nwords[tgt - 1]
            if "_" not in verb and "_" not in noun:
                out[verb].add(noun)
    return out


def gerund(verb: str) -> str:
    """The coder's regular -ing form (events/common._inflections): 'lift' -> 'lifting', 'ease' -> 'easing'."""
    return (verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb) + "ing"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    a = ap.parse_args(argv)
    with (DATA / "cameo_verb_triggers.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t"))
    verbs = sorted({r["lemma"] for r in rows if r["objects"] and not r["particle"]})
    derived = derived_nouns(a.wordnet)
    pairs: set[tuple[str, str, str]] = set()
    for v in verbs:
        for n in derived.get(v, ()):
            pairs.add((n, v, "wordnet"))
        pairs.add((gerund(v), v, "gerund"))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write("# Compiled by scripts/build_cameo_nominals.py from Princeton WordNet 3.0 (WordNet 3.0 licence)\n")
        fh.write("# derivational links and the verbs of data/cameo_verb_triggers.tsv. Do not edit by hand.\n")
        fh.write("# noun: a nominal form of the CAMEO verb; how: 'wordnet' (derivationally related act/event noun)\n")
        fh.write("# or 'gerund' (the verb's -ing form used as a noun).\n")
        fh.write("noun\tverb\thow\n")
        for n, v, how in sorted(pairs):
            fh.write(f"{n}\t{v}\t{how}\n")
    print(f"{len(pairs)} nominal forms of {len(verbs)} verbs -> {OUT}")


if __name__ == "__main__":
    main()
