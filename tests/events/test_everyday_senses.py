"""Event words in everyday news: weather and accidents, occasions, worship, metaphors, press calls and advice
to the reader are no events, while the same words in conflict news stay events (events/everyday.py).
Sentences written for these tests, not taken from any evaluation set."""

from __future__ import annotations

import eventwire

PUB = "2022-05-10"


def _types(text: str) -> list[str]:
    return [r["plover_type"] for r in eventwire.extract(text, published=PUB)]


def test_weather_and_accidents_are_no_attacks():
    assert "ASSAULT" not in _types("A powerful storm hit the coast of Kerala on Sunday, killing three people.")
    assert "ASSAULT" not in _types("Bangladesh has been hit by a severe heatwave that killed dozens of people.")
    assert "ASSAULT" not in _types("Four villagers were killed in a landslide in Sindhupalchok on Monday.")
    assert "ASSAULT" not in _types("A second wave of floods hit Kelantan early on Tuesday.")
    assert "ASSAULT" not in _types("Twelve passengers were killed in a plane crash near Medellin on Friday.")


def test_an_attack_in_bad_weather_is_still_an_attack():
    assert "ASSAULT" in _types("Gunmen stormed the village of Kuje on Monday, killing three people.")
    assert "ASSAULT" in _types("Three people were killed in an airstrike during the storm in Hodeidah on Tuesday.")
    assert "ASSAULT" in _types("Two soldiers died in the blast in Kabul on Friday.")
    assert "ASSAULT" in _types("Two soldiers were injured when a roadside bomb exploded near their convoy in Kandahar.")


def test_an_occasion_is_not_a_party_to_support_or_visit():
    assert "SUPPORT" not in _types("The volunteers supported the city marathon and the jazz festival in Leeds last year.")
    assert "SUPPORT" not in _types("The guard unit supported the Presidential Inauguration in Washington in January.")
    # a party as the object is one
    assert "SUPPORT" in _types("The Kenyan government supported the opposition's call for a recount on Monday.")


def test_a_religious_rite_is_no_protest_unless_it_protests():
    assert "PROTEST" not in _types("Hundreds of worshippers attended the Easter Vigil at the cathedral in Lviv.")
    assert "PROTEST" in _types("Thousands joined an Easter march against nuclear weapons in Berlin on Monday.")
    assert "PROTEST" in _types("Protesters held a vigil outside parliament in Nairobi for the victims of the shooting.")


def test_a_figurative_attack_is_no_assault():
    assert "ASSAULT" not in _types("The central bank of Ghana launched an attack on inflation last month.")
    assert "ASSAULT" in _types("Police launched an attack on the protesters in Nairobi on Monday.")


def test_talking_to_the_press_is_no_consultation():
    assert "CONSULT" not in _types("The governor of Lagos met reporters outside the courthouse on Tuesday.")
    assert "CONSULT" not in _types("In a call with reporters on Wednesday, the Nigerian finance minister said the budget was ready.")
    assert "CONSULT" in _types("The Nigerian president met the governor of Lagos and reporters in Abuja on Monday.")


def test_advice_to_the_reader_is_no_event():
    assert "CONSULT" not in _types("You can also visit the company's offices in Lagos or call its hotline.")
    # a quoted "you" is a speaker addressing a party
    assert "ASSAULT" in _types('"You attacked our village," the elder told the soldiers in Gao.')


def test_companies_dealing_with_companies_is_business_news():
    assert "CONSULT" not in _types("The airline chief executives met with British Airways executives in London on Friday.")
    assert "ACCUSE" not in _types("Tata Motors accused Ford Motor Co of breaching the contract in Mumbai.")
    assert "CONSULT" not in _types('"Last time, she had a meeting with British Airways," the manager said.')
    # a state dealing with a company is political event data
    assert "CONSULT" in _types("Nigeria's trade minister met executives of Dangote Group in Abuja on Monday.")


def test_a_deal_or_meeting_only_planned_is_no_event_unless_states_plan_it():
    assert "AGREE" not in _types("A memorandum of understanding would be signed between the Abuja Chamber of Commerce "
                                 "and its Ukrainian counterpart.")
    assert "CONSULT" not in _types("The trade mission has also scheduled a meeting with the Lagos State Governor.")
    # an intended meeting between two states is diplomacy, coded with its modality
    recs = [r for r in eventwire.extract("President Abdel Fattah al-Sisi and Ethiopia's Abiy Ahmed may meet if no "
                                         "deal on the dam can be reached.", published=PUB)
            if r["plover_type"] == "CONSULT"]
    assert recs and recs[0]["modality"] == "hypothetical"


def test_a_game_is_no_fight():
    assert "ASSAULT" not in _types("Arsenal crushed Leeds 6-2 at the Emirates on Saturday.")
    assert "ASSAULT" not in _types("The goalkeeper was beaten twice in the first half as Porto attacked down the left.")
    # a number range that counts people is no score, and real harm at a game stays harm
    assert "ASSAULT" in _types("Two women were attacked by 3-4 men in Lagos on Monday.")
    assert "ASSAULT" in _types("Fans attacked the referee after the match in Istanbul, injuring him.")


def test_killing_a_bill_or_fighting_an_epidemic_is_no_violence():
    assert "ASSAULT" not in _types("Republicans in the Senate killed the bill in committee on Tuesday.")
    assert "THREATEN" not in _types("The governor of Ohio vowed to fight the opioid epidemic.")
    # a vow to fight a party is a threat, and killing a person is an attack
    assert "THREATEN" in _types("The Iraqi prime minister vowed to fight the Islamic State until its defeat.")
    assert "ASSAULT" in _types("Gunmen killed the mayor of Tepalcatepec in Michoacan on Tuesday.")


def test_a_complaint_in_words_or_a_campaign_rally_is_no_protest():
    assert "PROTEST" not in _types("The president protested that the media had treated him unfairly.")
    assert "PROTEST" not in _types("Thousands of supporters attended a campaign rally for the governor in Ohio on Friday.")
    # a crowd protesting, or a rally against something, is one
    assert "PROTEST" in _types("Thousands of students protested against the fee rise in Santiago on Friday.")
    assert "PROTEST" in _types("Thousands of people attended a rally against the election results in Minsk on Sunday.")


def test_a_charge_with_no_accuser_is_no_accusation_but_the_crime_stays():
    types = _types("Jenkins, 34, is accused of shooting a shop owner outside a petrol station in Leeds on Friday.")
    assert "ACCUSE" not in types and "ASSAULT" in types
    assert "ACCUSE" in _types("Russia was accused by Ukraine of shelling Kharkiv on Monday.")


def test_a_withdrawn_case_is_no_retreat():
    assert "RETREAT" not in _types("The case against the two Johannesburg councillors was withdrawn on Monday.")
    assert "RETREAT" in _types("Russian troops withdrew from the town of Kherson on Friday.")
