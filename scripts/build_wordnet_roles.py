#!/usr/bin/env python3
"""Compile role nouns (people and groups that give a PLOVER sector) from Princeton WordNet 3.0.

Issue 11 asks for breadth from data: the curated role table and the CAMEO agents dictionary miss many
everyday nouns for the people news names ("youths", "scientists", "smugglers", "constables"). WordNet
arranges nouns under hypernyms; a short table (``ANCHORS``) names the synsets whose whole subtree
(hyponyms, not named instances) is one sector: every soldier is MIL, every criminal CRM, every student
EDU. The nearest anchor above a synset decides (a military chaplain is REL under clergyman, not MIL).

A word is written only when every one of its noun senses that falls under some anchor falls under
anchors of one sector, and its first (most frequent) sense is one of them: "plant" has a sense under
"spy" but is mostly a factory or a flower, so it is left out; "syndicate" is both a business group and
a crime group, so it is left out too. Multi-word lemmas are kept; capitalised lemmas (proper nouns,
nationalities) are not. Plurals come from WordNet's own exception list (noun.exc) and regular
English endings.

The output (``compiled_wordnet_roles.tsv``) is loaded under every other file: a spelling any other file
holds keeps that file's entry.

    apt-get install wordnet-base            # Debian: /usr/share/wordnet (WordNet 3.0 licence)
    .venv/bin/python scripts/build_wordnet_roles.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "actors" / "data" / "compiled_wordnet_roles.tsv"

# lemma.n.NN (WordNet sense numbers) -> (sector, sector_2). The nearest anchor above a synset decides.
ANCHORS: dict[str, tuple[str, str | None]] = {
    # armed forces
    "serviceman.n.01": ("MIL", None),
    "military_officer.n.01": ("MIL", None),
    "soldier.n.01": ("MIL", None),
    "military_unit.n.01": ("MIL", None),
    "armed_forces.n.01": ("MIL", None),
    "mercenary.n.01": ("MIL", None),
    "militia.n.01": ("PRM", None),
    "paramilitary.n.01": ("PRM", None),
    # police and the courts
    "policeman.n.01": ("COP", None),
    "lawman.n.01": ("COP", None),
    "police.n.01": ("COP", None),
    "judge.n.01": ("JUD", None),
    "prosecutor.n.01": ("JUD", None),
    "court.n.01": ("JUD", None),
    "court.n.08": ("JUD", None),
    # crime, rebellion, spying
    "criminal.n.01": ("CRM", None),
    "gangster.n.01": ("CRM", None),
    "smuggler.n.01": ("CRM", None),
    "thief.n.01": ("CRM", None),
    "organized_crime.n.01": ("CRM", None),
    "rebel.n.02": ("REB", None),
    "insurgent.n.01": ("REB", None),
    "guerrilla.n.01": ("REB", None),
    "spy.n.01": ("SPY", None),
    "intelligence.n.02": ("SPY", None),
    "secret_agent.n.01": ("SPY", None),
    # government and legislatures
    "legislator.n.01": ("LEG", None),
    "legislature.n.01": ("LEG", None),
    "diplomat.n.01": ("GOV", None),
    "head_of_state.n.01": ("GOV", None),
    "civil_servant.n.01": ("GOV", None),
    # society
    "clergyman.n.01": ("REL", None),
    "religious.n.01": ("REL", None),
    "clergy.n.01": ("REL", None),
    "journalist.n.01": ("JRN", None),
    "health_professional.n.01": ("MED", None),
    "medical_practitioner.n.01": ("MED", None),
    "student.n.01": ("EDU", None),
    "educator.n.01": ("EDU", None),
    "scientist.n.01": ("EDU", None),
    "scholar.n.01": ("EDU", None),
    "expert.n.01": ("EDU", None),  # "experts", "analysts": as the curated table and NGEC code them
    "farmer.n.01": ("AGR", None),
    "farmhand.n.01": ("AGR", None),
    "businessman.n.01": ("BUS", None),
    "businessperson.n.01": ("BUS", None),
    "capitalist.n.02": ("BUS", None),
    "laborer.n.01": ("LAB", None),
    "union.n.01": ("LAB", None),
    "refugee.n.01": ("REF", None),
    "civilian.n.01": ("CVL", None),
    "inhabitant.n.01": ("CVL", None),
    "juvenile.n.01": ("CVL", None),
    "villager.n.01": ("CVL", None),
    "demonstrator.n.03": ("OPP", None),
    "dissident.n.01": ("OPP", None),
    # round 8: where the curated role table had no public stand-in (its role nouns no compiled file held,
    # read from the knowledge base itself, not from evaluation cases): religious leaders and places of
    # worship, candidates for office, herders, medical institutions
    "spiritual_leader.n.01": ("REL", None),
    "religious_leader.n.01": ("REL", None),
    "place_of_worship.n.01": ("REL", None),
    "candidate.n.01": ("PTY", None),
    "herder.n.02": ("AGR", None),
    "medical_institution.n.01": ("MED", None),
}

# Words too general to carry a sector alone, whatever their WordNet sense ("man", "member", "official",
# "leader" take the sector of what they go with: docs/actors.md, inherit nouns).
STOP = frozenset(["man", "men", "woman", "women", "member", "members", "official", "officials", "leader",
                  "leaders", "people", "person", "group", "groups", "body", "head", "chief", "agent",
                  "agents", "party", "parties", "force", "forces", "unit", "units", "court", "courts",
                  "spokesman", "spokeswoman", "spokesperson", "representative", "representatives",
                  "worker", "workers", "staff", "minister", "ministers", "secretary", "president", "state",
                  "states", "government", "governments", "ruler", "rulers", "authority", "authorities",
                  "service", "services", "post", "house", "chamber", "assembly", "council", "congress",
                  "union", "unions", "organization", "organisation", "company", "firm", "establishment",
                  "band", "ring", "mob", "family", "pack", "crew", "team", "cell", "wing", "corps", "guard",
                  "guards", "watch", "patrol", "detail", "section", "element", "outfit", "command", "base",
                  "station", "post", "general", "private", "major", "marshal", "captain", "colonel",
                  "lieutenant", "sergeant", "corporal", "admiral", "commander", "commodore"])


# Anchors whose subtree is too wide to read whole: only the anchor and its direct hyponyms ("expert",
# "authority", "specialist"; not the appraisers and decorators further down).
SHALLOW = frozenset(["expert.n.01"])


def _read_data(path: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
    """offset -> lemmas, offset -> hypernym offsets (``@``; instance hypernyms ``@i`` are left out:
    named people and places are no role nouns), and the synsets WordNet marks with a usage domain
    (``;u``: slang, disparagement, ethnic slurs), which are left out."""
    lemmas: dict[str, list[str]] = {}
    hypernyms: dict[str, list[str]] = {}
    marked: set[str] = set()
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # licence header
        head = line.split(" | ", 1)[0].split()
        offset, n_words = head[0], int(head[3], 16)
        words = [head[4 + 2 * i] for i in range(n_words)]
        pos = 4 + 2 * n_words
        n_ptr = int(head[pos])
        ups = []
        for i in range(n_ptr):
            symbol, target, tpos = head[pos + 1 + 4 * i: pos + 4 + 4 * i]
            if symbol == "@" and tpos == "n":
                ups.append(target)
            elif symbol == ";u":
                marked.add(offset)
        lemmas[offset] = words
        hypernyms[offset] = ups
    return lemmas, hypernyms, marked


def _read_index(path: Path) -> dict[str, list[str]]:
    """lemma -> its noun synset offsets, most frequent sense first."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        f = line.split()
        lemma, synset_cnt, p_cnt = f[0], int(f[2]), int(f[3])
        out[lemma] = f[6 + p_cnt: 6 + p_cnt + synset_cnt]
    return out


def _plurals(word: str, irregular: dict[str, list[str]]) -> list[str]:
    """The plural forms of a (possibly multi-word) noun: the last word inflected."""
    *front, last = word.split(" ")
    forms = list(irregular.get(last, []))
    if not forms:
        if last.endswith(("s", "x", "z", "ch", "sh")):
            forms = [last + "es"]
        elif last.endswith("y") and last[-2:-1] not in "aeiou":
            forms = [last[:-1] + "ies"]
        elif last.endswith("man"):
            forms = [last[:-3] + "men"]
        else:
            forms = [last + "s"]
    return [" ".join([*front, f]) for f in forms]


def build(wordnet: Path, anchors: dict[str, tuple[str, str | None]] | None = None,
          shallow_anchors: frozenset[str] = SHALLOW) -> dict[str, tuple[str, str | None]]:
    """word -> (sector, sector_2) for every noun the anchors place (``ANCHORS`` by default)."""
    lemmas, hypernyms, marked = _read_data(wordnet / "data.noun")
    index = _read_index(wordnet / "index.noun")
    # a word that is also an adjective ("irregular", "expert") would make a modifier a role noun: its
    # plural only
    adjectives = set(_read_index(wordnet / "index.adj"))
    anchor_of: dict[str, tuple[str, str | None]] = {}
    shallow: set[str] = set()
    for name, sector in (ANCHORS if anchors is None else anchors).items():
        lemma, _, sense = name.rsplit(".", 2)
        offsets = index.get(lemma)
        if not offsets or int(sense) > len(offsets):
            raise SystemExit(f"anchor {name} not in this WordNet")
        anchor_of[offsets[int(sense) - 1]] = sector
        if name in shallow_anchors:
            shallow.add(offsets[int(sense) - 1])

    memo: dict[str, tuple[int, tuple[str, str | None]] | None] = {}

    def _under(offset: str, anchors: set[str], depth: int) -> bool:
        """Whether the nearest anchor ``depth`` levels up is one of ``anchors``."""
        level = {offset}
        for _ in range(depth):
            level = {u for o in level for u in hypernyms.get(o, [])}
        return bool(level & anchors)

    def nearest(offset: str, depth: int = 0) -> tuple[int, tuple[str, str | None]] | None:
        """(distance, sector) of the nearest anchor at or above a synset."""
        if offset in memo:
            return memo[offset]
        memo[offset] = None  # cycle guard
        if offset in anchor_of:
            found: tuple[int, tuple[str, str | None]] | None = (0, anchor_of[offset])
        else:
            ups = [n for n in (nearest(u, depth + 1) for u in hypernyms.get(offset, [])) if n is not None]
            found = min(((d + 1, s) for d, s in ups), key=lambda x: x[0]) if ups else None
            if ups and len({s for _, s in ups}) > 1:
                found = None  # two parents of different sectors: no single reading
            if found is not None and found[0] > 1 and _under(offset, shallow, found[0]):
                found = None
        memo[offset] = found
        return found

    irregular: dict[str, list[str]] = defaultdict(list)
    for line in (wordnet / "noun.exc").read_text(encoding="latin-1").splitlines():
        f = line.split()
        if len(f) == 2:
            irregular[f[1]].append(f[0].replace("_", " "))

    out: dict[str, tuple[str, str | None]] = {}
    for lemma, offsets in index.items():
        word = lemma.replace("_", " ")
        if (word in STOP or not word.replace(" ", "").replace("-", "").isalpha() or len(word) < 3
                or word.startswith(("ex-", "former "))):
            continue
        sectors = [None if o in marked else nearest(o) for o in offsets]
        placed = {s[1] for s in sectors if s is not None}
        if len(placed) != 1 or sectors[0] is None:
            continue  # senses of several sectors, or mostly something else
        # a capitalised lemma (a nationality, a named group) is a proper noun: not a role
        if any(w[:1].isupper() for o in offsets for w in lemmas[o] if w.lower() == lemma):
            continue
        sector = placed.pop()
        if lemma not in adjectives:  # "experts" is a noun, "expert" may be an adjective
            out[word] = sector
        for plural in _plurals(word, irregular):
            if plural not in STOP:
                out.setdefault(plural, sector)
    return out


def write(roles: dict[str, tuple[str, str | None]], out: Path) -> None:
    by_sector: dict[tuple[str, str | None], list[str]] = defaultdict(list)
    for word, sector in roles.items():
        by_sector[sector].append(word)
    lines = [
        "# Compiled by scripts/build_wordnet_roles.py from Princeton WordNet 3.0 (WordNet 3.0 licence:",
        "# \"WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\" Permission to use,",
        "# copy, modify and distribute for any purpose without fee, with this notice; see data/README.md).",
        "# Nouns under the anchor synsets of the script, by the nearest anchor's sector. Do not edit: rebuild.",
        "aliases\tsector\tsector_2\tsource",
    ]
    for (code, code_2), words in sorted(by_sector.items(), key=lambda x: (x[0][0], x[0][1] or "")):
        for i in range(0, len(words), 40):  # rows of 40 aliases: readable diffs
            chunk = sorted(words)[i:i + 40]
            lines.append(f"{'|'.join(chunk)}\t{code}\t{code_2 or ''}\twordnet:3.0")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    roles = build(a.wordnet)
    write(roles, a.out)
    counts: dict[str, int] = defaultdict(int)
    for s, _ in roles.values():
        counts[s] += 1
    print(f"{len(roles)} role nouns: {dict(sorted(counts.items()))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
