"""Toponym recognition: which words of a text are taken as place names, before resolution."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.analyse.pipeline import analyse
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.geo.recognise import recognise
from eventdesk.records import Article


@pytest.fixture(scope="module")
def places_only() -> Extractor:
    return Extractor(Settings(), components=["places"])


def names(extractor: Extractor, text: str) -> list[str]:
    """The recognised toponyms of `text`, as written."""
    analysed = next(analyse([Article(id="t", text=text)], extractor.nlp))
    return [t.text for t in recognise(analysed.doc, extractor.knowledge.gazetteer).toponyms]


def test_dateline_in_capitals_is_a_place(places_only: Extractor) -> None:
    found = names(places_only, "MOGADISHU, Somalia — Gunmen stormed a hotel on Friday, police said.")
    assert found[:2] == ["MOGADISHU", "Somalia"]


def test_dateline_without_punctuation_needs_two_words(places_only: Extractor) -> None:
    assert "SAN ANTONIO" in names(
        places_only, "SAN ANTONIO Local Police Chief Maria Gomez resigned on Monday."
    )
    assert "U.S." not in names(places_only, "U.S. Army General Smith visited the base on Monday.")


def test_capitals_heading_that_is_no_place_is_left_alone(places_only: Extractor) -> None:
    assert names(places_only, "QUESTION: Were any civilians hurt in the strike?") == []


def test_hyphenated_pair_of_countries_is_two_places(places_only: Extractor) -> None:
    found = names(places_only, "Shells landed near the Syria-Turkey border overnight.")
    assert found == ["Syria", "Turkey"]


def test_hyphenated_country_name_stays_one_place(places_only: Extractor) -> None:
    assert names(places_only, "Soldiers mutinied in Guinea-Bissau on Tuesday.") == ["Guinea-Bissau"]


def test_several_direction_words_are_detail_not_name(places_only: Extractor) -> None:
    found = names(places_only, "A teenager was stabbed in north west London on Sunday.")
    assert found == ["London"]


def test_arabic_article_joins_a_split_name(places_only: Extractor) -> None:
    text = "Airstrikes hit the outskirts of Dayr az Zawr, Syria, residents said."
    assert "Dayr az Zawr" in names(places_only, text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The militants were driven out of Kobane in January.",
        "Aid convoys reached the town after the siege of Sinjar ended.",
        "Fighters gathered 20 km north of Kobane before dawn.",
    ],
)
def test_words_before_of_make_a_known_name_a_place(places_only: Extractor, sentence: str) -> None:
    assert any(name in ("Kobane", "Sinjar") for name in names(places_only, sentence))


def test_government_of_a_country_stays_an_actor(places_only: Extractor) -> None:
    assert names(places_only, "The Government of Iraq condemned the bombing.") == []


def test_known_place_after_a_cue_and_article_is_a_place(places_only: Extractor) -> None:
    found = names(places_only, "Fishing quotas are set in the EU and announced at the White House.")
    assert "EU" in found


def test_hometown_after_a_name_and_age_is_a_place(places_only: Extractor) -> None:
    found = names(places_only, "The driver, Tom Reeve, 34, of Hayes, was arrested at the scene.")
    assert "Hayes" in found


def test_surname_after_to_stays_a_person(places_only: Extractor) -> None:
    text = "Senator Mark Bolton spoke first. The chair then handed the floor to Bolton for questions."
    assert "Bolton" not in names(places_only, text)


def test_name_after_a_title_stays_a_person(places_only: Extractor) -> None:
    text = "The operation was led by Major General Hassan, the army said."
    assert "Hassan" not in names(places_only, text)


def test_wire_dateline_before_the_agency_is_a_place(places_only: Extractor) -> None:
    found = names(
        places_only, "Kandahar, March 3 (Reuters) - Kandahar police say gunmen attacked a checkpoint."
    )
    assert found[0] == "Kandahar"


def test_objects_of_verbs_done_to_places_are_places(places_only: Extractor) -> None:
    found = names(places_only, "Jihadists overran Monguno and then attacked Damasak at dawn.")
    assert "Monguno" in found
    assert "Damasak" in found


def test_capitalised_word_before_a_generic_term_is_a_place(places_only: Extractor) -> None:
    assert "Beni territory" in names(places_only, "Peacekeepers were sent to Beni territory last week.")


def actor_uses(extractor: Extractor, text: str) -> list[str]:
    analysed = next(analyse([Article(id="t", text=text)], extractor.nlp))
    found = recognise(analysed.doc, extractor.knowledge.gazetteer)
    return [text[start:end] for start, end in found.actor_uses]


def test_country_that_attacks_is_an_actor(places_only: Extractor) -> None:
    text = "Russia attacked the power grid of Ukraine overnight."
    assert actor_uses(places_only, text) == ["Russia"]
    assert names(places_only, text) == ["Ukraine"]


def test_coordinated_subjects_are_all_actors(places_only: Extractor) -> None:
    text = "Ethiopia and Eritrea signed a ceasefire in Jeddah."
    assert actor_uses(places_only, text) == ["Ethiopia", "Eritrea"]
    assert names(places_only, text) == ["Jeddah"]


def test_towns_joined_by_a_hyphen_name_a_road(places_only: Extractor) -> None:
    found = names(places_only, "Insurgents ambushed a convoy on the Maiduguri-Damboa road.")
    assert found == ["Maiduguri", "Damboa"]


def test_acronyms_joined_by_a_hyphen_are_no_places(places_only: Extractor) -> None:
    assert names(places_only, "Coaches from the PSC-PSI programme met at noon.") == []


def test_state_after_a_dateline_is_a_place(places_only: Extractor) -> None:
    found = names(places_only, "FRESNO, Calif. -- Two deputies were wounded in a shootout on Friday.")
    assert found[:2] == ["FRESNO", "Calif."]


def test_armed_group_attacked_is_no_place(places_only: Extractor) -> None:
    assert names(places_only, "Fighter jets struck Hamas overnight, the army said.") == []
    assert names(places_only, "Government troops attacked the Taliban at dawn.") == []
    text = "After the capture of Hamas commanders, fighters from Hamas fired near Taliban checkpoints."
    assert names(places_only, text) == []


def test_town_captured_by_rebels_is_no_actor_or_person(extractor: Extractor) -> None:
    result = extract_text(extractor, "Rebels recaptured Saraqeb and then attacked Monguno and Damasak.")
    found = {a.name for a in result.actors} | {p.name for p in result.people}
    assert not found & {"Saraqeb", "Monguno", "Damasak"}


def test_country_the_actor_dictionary_also_knows_is_a_place_where_visited(extractor: Extractor) -> None:
    result = extract_text(extractor, "The envoy fled Sudan in May and is now visiting Kenya, officials said.")
    assert {"Sudan", "Kenya"} <= {p.name for p in result.places}


def test_country_that_speaks_stays_no_place(extractor: Extractor) -> None:
    result = extract_text(extractor, "Kenya said the envoy had left.")
    assert "Kenya" not in {p.name for p in result.places}


def test_stance_towards_a_state_is_no_place(places_only: Extractor) -> None:
    text = "Pro-government and pro-Iran militias clashed in Basra."
    assert names(places_only, text) == ["Basra"]


def test_abbreviated_countries_opening_a_paragraph_are_no_dateline(places_only: Extractor) -> None:
    found = names(places_only, "Talks ended.\n\nUS, UK and French officials said the talks had failed.")
    assert "US" not in found


def test_double_barrelled_surname_is_no_pair_of_towns(places_only: Extractor) -> None:
    text = "The motion was backed by Ambassador Anthony Phillips-Spencer of the mission."
    assert names(places_only, text) == []


def test_every_country_of_a_listed_subject_is_an_actor(places_only: Extractor) -> None:
    assert actor_uses(places_only, "Russia, China and Iran said they would veto it.") == [
        "Russia",
        "China",
        "Iran",
    ]


def test_capitals_dateline_after_a_byline(places_only: Extractor) -> None:
    found = names(places_only, "By Jane Doe, The Associated Press. WASHINGTON (AP) - Talks resumed.")
    assert found[0] == "WASHINGTON"


def test_big_city_the_actor_dictionary_knows_is_still_a_place(places_only: Extractor) -> None:
    assert "London" in names(places_only, "Storms delayed the first Dublin-London ferry of the week.")


@pytest.mark.parametrize(
    "text",
    ["Fighting broke out in Al, a village west of Raqqa.", "Residents fled from Al after the shelling."],
)
def test_an_arabic_article_alone_is_no_place_even_when_tagged_as_one(
    places_only: Extractor, text: str
) -> None:
    assert "Al" not in names(places_only, text)


@pytest.mark.parametrize("stance", ["anti-Iran", "anti- Iran", "Pro-Iran"])
def test_a_country_after_a_stance_word_is_no_place(places_only: Extractor, stance: str) -> None:
    assert names(places_only, f"A {stance} lawyer was shot in Kirkuk.") == ["Kirkuk"]


def test_a_province_in_brackets_after_a_town_is_a_place(places_only: Extractor) -> None:
    """ACLED notes write "Town (Province)"; the model may take the bracketed province for an organisation."""
    found = names(places_only, "Militia fighters looted shops in Walikale (North Kivu) on 2 June 2024.")
    assert found == ["Walikale", "North Kivu"]


def test_an_acronym_in_brackets_is_no_place(places_only: Extractor) -> None:
    found = names(places_only, "The Allied Democratic Forces (ADF) raided farms near Beni at night.")
    assert "ADF" not in found
