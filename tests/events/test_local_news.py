"""Local news (issue 10, round 14): meetings and help among civic sides, a person named by age, a death by
illness. Sentences written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import eventwire

PUB = "2009-03-10"


def _of(text: str, ptype: str) -> list[dict]:
    return [r for r in eventwire.extract(text, published=PUB) if r["plover_type"] == ptype]


def test_a_meeting_of_civic_sides_is_no_consultation():
    # gates.private_matter: a school committee, land owners, a charity and residents are no political side
    assert not _of("Members of the Lincoln School District curriculum committee met with parents on Monday.", "CONSULT")
    assert not _of("The developer is negotiating with the farm's owners, the county said Tuesday.", "CONSULT")
    assert not _of("The volunteers will meet with local charities and residents during the visit.", "CONSULT")


def test_a_meeting_with_a_political_side_stays_a_consultation():
    recs = _of("Kenya's foreign minister met with Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday.",
               "CONSULT")
    assert recs
    assert _of("The mayor of Springfield met with church leaders on Monday to discuss the shooting.", "CONSULT")


def test_support_as_help_is_no_endorsement():
    # data/support_senses.tsv: "support" names help unless a side endorses a placed party
    assert not _of("The city of Greenville supports the new Trees for Tomorrow project.", "SUPPORT")
    assert not _of("She works two jobs supporting her kids.", "SUPPORT")
    assert not _of("He was killed on March 22 while supporting combat operations in Helmand province.", "SUPPORT")


def test_support_for_a_party_stays_an_endorsement():
    assert _of("China and Russia support the government of South Korea in the talks, the ministry said.", "SUPPORT")


def test_a_person_named_by_age_is_a_party():
    # arguments._age_noun: the tagger reads "19-year-old" as a date; local news names victims and suspects so
    recs = _of("A 19-year-old was stabbed multiple times in a fight at a party early Saturday.", "ASSAULT")
    assert recs and any("19-year-old" in r["text"] for r in recs[0]["actors"] if r["role"] == "recipient")
    assert _of("A 17-year-old was arrested Friday on a charge of burglary.", "COERCE")


def test_a_death_by_illness_is_no_attack():
    # data/medical_modifiers.tsv keeps "heart attack" out of the died-in-an-attack frame
    assert not _of("The man died of a heart attack at his home on Sunday.", "ASSAULT")
    assert not _of("She died after an asthma attack at school.", "ASSAULT")
    assert _of("He died in the attack on the convoy near Kandahar on Sunday.", "ASSAULT")


def test_an_accident_by_fire_or_vehicle_is_no_attack():
    # everyday.accidental_cause (data/accident_causes.tsv): a fire named by where it burned, or a vehicle as
    # the subject of the harm, with no arson, ramming, bomb or attack word in the sentence
    assert not _of("Three children died in a trailer fire on Sunday.", "ASSAULT")
    assert not _of("Two people were killed in a house fire early Saturday.", "ASSAULT")
    assert not _of("A man was killed when his pickup truck struck a utility pole on Monday.", "ASSAULT")
    assert not _of("A pedestrian was struck and killed by a car on Main Street.", "ASSAULT")
    assert not _of("A truck slammed into a house, injuring three people.", "ASSAULT")


def test_arson_ramming_and_shooting_stay_attacks():
    assert _of("A man set fire to the mosque on Sunday, police said.", "ASSAULT")
    assert _of("Two people were killed in an arson attack on a house in Paris.", "ASSAULT")
    assert _of("A driver rammed into protesters in Charlottesville, killing a woman.", "ASSAULT")
    assert _of("A truck plowed into a crowd at a Christmas market in Berlin, killing 12 people.", "ASSAULT")
    assert _of("A car bomb killed six soldiers in Kabul on Monday.", "ASSAULT")
    assert _of("Gunmen opened fire on a bus, killing six passengers.", "ASSAULT")
