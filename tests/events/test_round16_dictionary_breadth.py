"""Round 16's dictionary breadth (events/frames.py cameo_dyad, second_sides, _AGENT_NOUNS): a CAMEO object
pattern of a type the learned model must otherwise corroborate holds where the verb names both sides, the
second side receiving the act; the state's one-word agents of PETRARCH2's agent dictionary
("detectives", "the cabinet") name a party; a pattern's evidence covers its object."""

from __future__ import annotations

import eventwire

PUBLISHED = "2011-05-04"


def _events(text: str, plover_type: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUBLISHED) if r["plover_type"] == plover_type]


def _sides(r: dict) -> tuple[set[str | None], set[str | None]]:
    return ({a["country"] for a in r["actors"] if a["role"] == "actor"},
            {a["country"] for a in r["actors"] if a["role"] == "recipient"})


def test_aid_sent_from_one_state_to_another() -> None:
    evs = _events("Germany sent humanitarian aid to Syria on Monday.", "AID")
    assert [_sides(r) for r in evs] == [({"DEU"}, {"SYR"})]


def test_the_second_side_receives_not_the_object() -> None:
    evs = _events("Germany sent humanitarian aid to Syria on Monday.", "AID")
    assert evs and all(a["text"] != "humanitarian aid" for a in evs[0]["actors"])


def test_evidence_presented_against_a_state_is_an_accusation() -> None:
    evs = _events("France presented evidence against Russia at the Security Council on Tuesday.", "ACCUSE")
    assert [_sides(r) for r in evs] == [({"FRA"}, {"RUS"})]


def test_an_agreement_ratified_with_a_union() -> None:
    evs = _events("Moldova ratified a trade agreement with the European Union on Friday.", "SUPPORT")
    assert evs and _sides(evs[0])[0] == {"MDA"}


def test_one_side_alone_is_no_aid() -> None:
    # a supplier and what it supplies, with no party it passes to: trade as often as aid
    assert _events("The firm supplied arms last year, its annual report shows.", "AID") == []


def test_a_state_agent_names_a_party_for_a_pattern() -> None:
    evs = _events("Detectives issued arrest warrants for three Somali men in Nairobi on Tuesday.", "COERCE")
    assert evs and _sides(evs[0])[1] == {"SOM"}


def test_a_pattern_evidence_covers_its_object() -> None:
    text = "Detectives issued arrest warrants for three Somali men in Nairobi on Tuesday."
    evs = _events(text, "COERCE")
    assert evs and "warrants" in text[evs[0]["evidence"]["start"]:evs[0]["evidence"]["end"]]
