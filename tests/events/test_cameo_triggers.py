"""Verb triggers compiled from PETRARCH2's CAMEO dictionary (scripts/build_cameo_triggers.py ->
events/data/cameo_verb_triggers.tsv): what the build reads from the dictionary, and what the coder codes
with it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from eventwire.events import lexicon as lx

ROOT = Path(__file__).resolve().parents[2]

# A dictionary in PETRARCH2's format, small enough to read: a synonym set, two verb blocks, patterns
# with a comment naming the verb they were written for, an appeal code (02x) and a statement (01x).
DICTIONARY = """\
####### SYNONYM SETS #######
&WEAPON
+GUN
+MISSILES

####### VERB PATTERNS #######
---  CONFINE   [170]  ---
DETAIN [173]
CONTAIN
- * &WEAPON                                     [1711]        # DETAIN
- * (TO BORDER)                                 [154]         # CONTAIN

---  SUGGEST   [020]  ---
SUGGEST
+CALL_OFF
- * TALKS                                       [026]         # SUGGEST
- * STATEMENT                                   [010]         # SUGGEST

---  PREPARE   [---]  ---
LAY
- * GROUNDWORK (FOR ASSAULT)                    [154]         # LAY
- * FORCES                                      [154]         # LAY

---  SET   [---]  ---
SET
- * OFF BOMB                                    [183]         # SET

---  LIFT   [---]  ---
LIFT
EASE
- * SANCTIONS                                   [085]         # LIFT
- * EMBARGO                                     [085]         # EASE

---  MAINTAIN   [---]  ---
MAINTAIN
CONTINUE
- * SANCTIONS                                   [163]         # MAINTAIN
- * EMBARGO                                     [163]         # CONTINUE
"""

TABLE = """\
10: REQUEST
100: REQUEST,  ,  # REQUEST
106: REQUEST, meet, diplomatic # Demand meeting, negotiation
15: MOBILIZE
154: MOBILIZE, troops, military # Mobilize or increase armed forces
17: COERCE
170: COERCE, ,    # Coerce
171: COERCE, seize, human_security    # Seize or damage property
1711: COERCE, seize, human_security   # Confiscate property
173: COERCE, arrest, legal            # Arrest, detain, or charge with legal action
085: RETREAT, ease,   economic # Ease economic sanctions, boycott, embargo
163: COERCE, restrict,   diplomatic # Impose embargo, boycott, or sanctions
18: ASSAULT
183: ASSAULT, explosives, military # Conduct suicide, car, or other non-military bombing
"""


def _build() -> object:
    spec = importlib.util.spec_from_file_location("build_cameo_triggers", ROOT / "scripts/build_cameo_triggers.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _compiled(tmp_path: Path) -> list[list[str]]:
    (tmp_path / "cameo.txt").write_text(DICTIONARY, encoding="latin-1")
    (tmp_path / "table.txt").write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out.tsv"
    _build().main(str(tmp_path / "cameo.txt"), str(tmp_path / "table.txt"), out)  # type: ignore[attr-defined]
    lines = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def test_build_reads_defaults_patterns_synonym_sets_and_appeals(tmp_path: Path) -> None:
    rows = {(r[0], r[1], r[2], r[3], r[4]) for r in _compiled(tmp_path)}
    # a verb's own code beats its block's, a synonym takes the block's
    assert ("detain", "COERCE", "arrest", "", "") in rows
    assert ("contain", "COERCE", "", "", "") in rows
    # a synonym set stands for its members, made singular as the coder's lemmas are
    assert ("detain", "COERCE", "seize", "", "gun|missile") in rows
    # a prepositional pattern needs its preposition and noun
    assert ("contain", "MOBILIZE", "troops", "to", "border") in rows
    # CAMEO 02 "appeal" is REQUEST, with the mode of the 10x code of the same request
    assert ("suggest", "REQUEST", "", "", "") in rows
    assert ("suggest", "REQUEST", "meet", "", "talk") in rows


def test_build_gives_a_pattern_only_to_the_verb_it_was_written_for(tmp_path: Path) -> None:
    rows = _compiled(tmp_path)
    # "- * &WEAPON # DETAIN": not "contain weapons"; "- * (TO BORDER) # CONTAIN": not "detain ... to the border"
    assert not any(r[0] == "contain" and r[4] for r in rows if r[3] == "")
    assert not any(r[0] == "detain" and r[3] == "to" for r in rows)
    # CAMEO 01 (statements) maps to no PLOVER type; verb + particle entries keep the particle
    assert not any(r[4] == "statement" for r in rows)
    assert any(r[0] == "call" and r[3] == "off" for r in rows)


def test_build_reads_phrasal_objects_conditions_overrides_and_object_classes(tmp_path: Path) -> None:
    rows = {(r[0], r[1], r[2], r[3]): r[4] for r in _compiled(tmp_path)}
    # "- * OFF BOMB": the particle, then the verb's object ("set off a bomb"), not 'off' as an object
    assert rows.get(("set", "ASSAULT", "explosives", "off")) == "bomb"
    # "- * GROUNDWORK (FOR ASSAULT)" holds only with its phrase: "laid the groundwork for talks" is no
    # mobilisation, so the row is left out; the plain pattern of the same verb stays
    assert rows.get(("lay", "MOBILIZE", "troops", "")) == "force"
    # CAMEO 163 sanctions and embargoes are SANCTION for the coder (scripts/data/cameo_coder_overrides.tsv)
    assert ("maintain", "COERCE", "restrict", "") not in rows
    # the objects a code's description names hold for each of its patterns: SANCTIONS for MAINTAIN and
    # EMBARGO for CONTINUE -> both read "sanction|embargo"; LIFT's SANCTIONS also reads EASE's "embargo"
    assert set(rows[("maintain", "SANCTION", "discontinue", "")].split("|")) >= {"sanction", "embargo"}
    assert set(rows[("continue", "SANCTION", "discontinue", "")].split("|")) >= {"sanction", "embargo"}
    assert "embargo" in rows[("lift", "RETREAT", "ease", "")].split("|")


def test_benchmark_mapping_keeps_the_table(tmp_path: Path) -> None:
    # the override is the coder's reading only: the PETRARCH gold benchmark maps codes by the table
    (tmp_path / "table.txt").write_text(TABLE, encoding="utf-8")
    from eventwire.taxonomy.cameo import read_cameo2plover

    assert _build().to_plover("163", read_cameo2plover(tmp_path / "table.txt")) == ("COERCE", "restrict")  # type: ignore[attr-defined]


def test_compiled_file_is_what_the_coder_reads() -> None:
    cameo = [t for t in lx.VERB_TRIGGERS if t.source == "cameo"]
    assert cameo, "no CAMEO trigger loaded"
    assert {t.plover_type for t in cameo} <= lx.CAMEO_TRIGGER_TYPES | {t for t, _ in lx.CAMEO_TRIGGER_MODES} | (
        lx.CAMEO_CORROBORATED_TYPES)
    # a type left out for its precision is read only with the model's backing
    assert all(t.corroborate for t in cameo if t.plover_type in lx.CAMEO_CORROBORATED_TYPES)
    assert not {t.plover_type for t in cameo} & {"ASSAULT", "PROTEST"}
    # a verb the hand-written lexicon lists keeps its frames: CAMEO adds object patterns only
    hand = {t.lemma for t in lx.VERB_TRIGGERS if t.source == "lexicon"}
    assert all(t.objects for t in cameo if t.lemma in hand)


def _types(pipeline, text: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.plover_type, e.plover_mode, dict(e.rules).get("type")) for e in pipeline.extract(text, published="2020-03-02")]


def test_object_pattern_codes_what_the_verb_does_to_its_object(pipeline) -> None:  # type: ignore[no-untyped-def]
    if "COERCE" not in lx.CAMEO_TRIGGER_TYPES:
        pytest.skip("COERCE patterns switched off")
    got = _types(pipeline, "The Iraqi government imposed a curfew on Baghdad on Sunday after the protests.")
    assert ("COERCE", "curfew", "cameo:impose +object") in got
    # the same verb with an object no pattern names is no COERCE event
    got = _types(pipeline, "The Iraqi government imposed a new tax on imported cars on Sunday.")
    assert not any(t == "COERCE" for t, _, _ in got)


def test_default_reading_needs_a_named_party_on_each_side(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "we want", "they need": CAMEO lists these as defaults of AGREE and REQUEST; with nobody named on
    # either side they are no event
    got = _types(pipeline, "We want peace and we need time, the farmers said on Monday.")
    assert not any(rule and rule.startswith("cameo:") for _, _, rule in got)


def test_sanctions_and_embargoes_imposed_or_lifted(pipeline) -> None:  # type: ignore[no-untyped-def]
    if "SANCTION" not in lx.CAMEO_TRIGGER_TYPES:
        pytest.skip("SANCTION patterns switched off")
    got = _types(pipeline, "Russian President Vladimir Putin extended the embargo on European food imports on Monday.")
    assert [t for t, _, _ in got].count("SANCTION") == 1  # the verb's event, the embargo not coded again
    assert not any(t == "COERCE" for t, _, _ in got)
    got = _types(pipeline, "The United States lifted its arms embargo on Vietnam on Monday.")
    assert any(t == "RETREAT" for t, _, _ in got)
    assert not any(t == "SANCTION" for t, _, _ in got)


def test_nominal_form_of_a_pattern(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = _types(pipeline, "Vietnam welcomed the lifting of the US arms embargo on Monday.")
    assert any(t == "RETREAT" and rule and rule.startswith("cameo:lifting") for t, _, rule in got)
    # a nominal with no object its verb's patterns name is no event
    got = _types(pipeline, "Vietnam welcomed the lifting of the fog over Hanoi on Monday.")
    assert not any(rule and rule.startswith("cameo:lifting") for _, _, rule in got)


def test_groundwork_is_no_mobilisation(pipeline) -> None:  # type: ignore[no-untyped-def]
    got = _types(pipeline, "The president laid the groundwork for the Republicans obstructing him on Monday.")
    assert not any(t == "MOBILIZE" for t, _, _ in got)


def test_left_out_types_need_the_model_to_back_them(pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if "SUPPORT" not in lx.CAMEO_CORROBORATED_TYPES:
        pytest.skip("SUPPORT readings not corroborated")
    def cameo_support(text: str) -> list[str | None]:
        return [rule for t, _, rule in _types(pipeline, text) if t == "SUPPORT" and rule and rule.startswith("cameo:")]

    # the dictionary's reading of 'encourage' (CAMEO 051) holds only where the trigger model gives SUPPORT
    # some weight
    text = "The United States strongly encouraged Ukraine on Monday, officials said."
    monkeypatch.setattr(lx, "CAMEO_SUPPORT", 1.01)
    assert not cameo_support(text)
    monkeypatch.setattr(lx, "CAMEO_SUPPORT", 0.0)
    assert cameo_support(text)
    # ... and not where the verb asks its object for an act: that is an appeal, not praise
    assert not cameo_support("The United States strongly encouraged Ukraine to hold elections on Monday, officials said.")


def test_nominal_forms_are_act_nouns_wordnet_derives_from_the_verb(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_cameo_nominals", ROOT / "scripts/build_cameo_nominals.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    # WordNet 3.0's data format: 'impose' links to 'imposition' (noun.act, lexicographer file 04) and to
    # 'imposer' (noun.person, 18); only the act names the event
    (tmp_path / "data.verb").write_text(
        "02000001 41 v 01 impose 0 002 + 01000001 n 0101 + 10000001 n 0101 01 + 08 00 | impose a tax\n",
        encoding="latin-1")
    (tmp_path / "data.noun").write_text(
        "01000001 04 n 01 imposition 0 001 + 02000001 v 0101 | the act of imposing\n"
        "10000001 18 n 01 imposer 0 001 + 02000001 v 0101 | someone who imposes\n",
        encoding="latin-1")
    assert mod.derived_nouns(tmp_path) == {"impose": {"imposition"}}
    assert mod.gerund("lift") == "lifting" and mod.gerund("ease") == "easing"
