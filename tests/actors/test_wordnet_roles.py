"""Role nouns compiled from WordNet (scripts/build_wordnet_roles.py): the build on a tiny WordNet in its
own file format, and what the compiled file adds to the resolver."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, kb

ROOT = Path(__file__).resolve().parents[2]


def _module():
    spec = importlib.util.spec_from_file_location("build_wordnet_roles", ROOT / "scripts" / "build_wordnet_roles.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def _synset(offset: int, words: list[str], hypernyms: list[int], usage: bool = False) -> str:
    ptrs = [f"@ {h:08d} n 0000" for h in hypernyms] + ([f";u {99:08d} n 0000"] if usage else [])
    lemmas = " ".join(f"{w} 0" for w in words)
    return f"{offset:08d} 18 n {len(words):02x} {lemmas} {len(ptrs):03d} {' '.join(ptrs)} | a gloss"


def _index(entries: dict[str, list[int]]) -> str:
    return "\n".join(f"{lemma} n {len(offs)} 0 {len(offs)} 0 {' '.join(f'{o:08d}' for o in offs)}"
                     for lemma, offs in sorted(entries.items())) + "\n"


@pytest.fixture()
def tiny_wordnet(tmp_path: Path) -> Path:
    data = [
        "  1 licence header line",
        _synset(1, ["person"], []),
        _synset(2, ["soldier"], [1]),
        _synset(3, ["paratrooper", "para"], [2]),
        _synset(4, ["plant"], []),  # a factory: the word's first sense
        _synset(5, ["plant"], [6]),  # a planted spy
        _synset(6, ["spy"], [1]),
        _synset(7, ["grunt"], [2], usage=True),  # slang: left out
        _synset(8, ["irregular"], [2]),
        _synset(9, ["chaplain"], [2, 10]),  # under two anchors of different sectors
        _synset(10, ["clergyman"], [1]),
        _synset(11, ["Gurkha"], [2]),  # a capitalised lemma names a people, not a role
    ]
    (tmp_path / "data.noun").write_text("\n".join(data) + "\n", encoding="latin-1")
    (tmp_path / "index.noun").write_text(_index({
        "person": [1], "soldier": [2], "paratrooper": [3], "para": [3], "plant": [4, 5], "spy": [6], "grunt": [7],
        "irregular": [8], "chaplain": [9], "clergyman": [10], "gurkha": [11]}), encoding="latin-1")
    (tmp_path / "index.adj").write_text("irregular a 1 0 1 0 00000100\n", encoding="latin-1")
    (tmp_path / "noun.exc").write_text("paratroopers paratrooper\n", encoding="latin-1")
    return tmp_path


def test_build_places_nouns_under_their_nearest_anchor(tiny_wordnet: Path) -> None:
    anchors = {"soldier.n.01": ("MIL", None), "spy.n.01": ("SPY", None), "clergyman.n.01": ("REL", None)}
    roles = _module().build(tiny_wordnet, anchors, frozenset())
    assert roles["paratrooper"] == ("MIL", None) and roles["paratroopers"] == ("MIL", None)
    assert roles["soldier"] == ("MIL", None) and roles["spy"] == ("SPY", None)
    assert "plant" not in roles  # mostly a factory: its first sense is under no anchor
    assert "grunt" not in roles  # WordNet marks the sense as slang
    assert "irregular" not in roles and roles["irregulars"] == ("MIL", None)  # also an adjective: plural only
    assert "chaplain" not in roles  # MIL and REL parents: no single reading
    assert "gurkha" not in roles and "person" not in roles


def test_compiled_file_rows_name_their_source() -> None:
    rows = list(kb.parsed_rows(kb.WORDNET_FILE))
    assert sum(len(row["aliases"]) for _, row in rows) > 2000
    assert all(row["source"].startswith("wordnet:") for _, row in rows)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kenyan stevedores", ("KEN", "LAB")),
        ("Russian infantrymen", ("RUS", "MIL")),
        ("Brazilian epidemiologists", ("BRA", "EDU")),
    ],
)
def test_a_head_noun_only_wordnet_knows_gives_the_sector(text: str, expected: tuple[str, str]) -> None:
    full = ActorResolver.load()
    m = full.resolve(text)
    assert m is not None and (m.country, m.sector) == expected, m
    # the description model is fitted on the same nouns ("infantrymen" MIL): off, to see what the file adds
    bare = ActorResolver(kb.build(hide=lambda k, e: e.source == kb.WORDNET_FILE),
                         disabled=frozenset(["learned-description"]))
    m = bare.resolve(text)
    assert m is not None and (m.country, m.sector) == (expected[0], None), m


def test_curated_and_cameo_nouns_keep_their_entries() -> None:
    index = kb.load().index
    assert all(e.source != kb.WORDNET_FILE for e in index["soldiers"])
    assert all(e.source != kb.WORDNET_FILE for e in index["tycoons"])
