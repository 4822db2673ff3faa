"""Who was hit: ACLED codes unarmed victims as "Civilians (Country)", with what they are (journalists,
teachers, health workers...) as associate actor; armed men and party leaders hit are no civilians."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event, Result


def _first(result: Result) -> Event:
    assert result.events, "no event extracted"
    return min(result.events, key=lambda e: min(s.start for s in e.evidence))


# --- named private persons -------------------------------------------------------------------------------


def test_named_journalist_shot_is_a_civilian_with_journalists_as_associate(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Gunmen shot dead journalist Musa Ali in Mogadishu on Tuesday."))
    assert event.actor2 == "Civilians (Somalia)" and event.inter2 == 7
    assert event.assoc_actor2 == ["Journalists (Somalia)"]
    # the words the side was read from stay its mention, without the verb's "dead"
    assert event.actor2_text is not None and event.actor2_text.text == "journalist Musa Ali"


def test_trade_told_in_an_apposition_names_the_associate(extractor: Extractor) -> None:
    text = "Suspected militants abducted Hauwa Bello, a primary school teacher, near Maiduguri on Friday."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Abduction/forced disappearance"
    assert event.actor2 == "Civilians (Nigeria)"
    assert event.assoc_actor2 == ["Teachers (Nigeria)"]
    assert event.actor2_text is not None and event.actor2_text.text == "Hauwa Bello"


def test_a_named_person_with_no_title_is_a_civilian_without_associate(extractor: Extractor) -> None:
    text = "Gunmen killed Abdi Warsame outside his home in Kismayo on Wednesday."
    event = _first(extract_text(extractor, text))
    assert event.actor2 == "Civilians (Somalia)"
    assert event.assoc_actor2 == []
    assert event.target is None


def test_a_person_named_again_keeps_the_trade_told_first(extractor: Extractor) -> None:
    text = (
        "Halima Osman, a doctor who ran a clinic for displaced families, had worked in Baidoa since 2019. "
        "Gunmen shot Osman outside the clinic on Monday evening."
    )
    event = _first(extract_text(extractor, text))
    assert event.actor2 == "Civilians (Somalia)"
    assert event.assoc_actor2 == ["Health Workers (Somalia)"]


def test_the_associate_is_registered_as_a_civilian_actor(extractor: Extractor) -> None:
    result = extract_text(extractor, "Gunmen shot dead journalist Musa Ali in Mogadishu on Tuesday.")
    journalists = next(a for a in result.actors if a.name == "Journalists (Somalia)")
    assert journalists.type == "civilians" and journalists.inter == 7 and journalists.country == "SO"


# --- groups named by their trade -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "civilians", "associate"),
    [
        ("Armed men killed five farmers in Benue on Sunday.", "Civilians (Nigeria)", "Farmers (Nigeria)"),
        (
            "Gunmen kidnapped 30 students from a boarding school in Kaduna on Thursday.",
            "Civilians (Nigeria)",
            "Students (Nigeria)",
        ),
        (
            "Two reporters were beaten by soldiers at a checkpoint in Goma on Monday.",
            "Civilians (Democratic Republic of Congo)",
            "Journalists (Democratic Republic of Congo)",
        ),
        (
            "Unknown attackers stabbed a nurse to death at a clinic in Bunia on Monday.",
            "Civilians (Democratic Republic of Congo)",
            "Health Workers (Democratic Republic of Congo)",
        ),
        (
            "Gunmen attacked aid workers delivering food near Kajo Keji on Sunday, killing two.",
            "Civilians (South Sudan)",
            "Aid Workers (South Sudan)",
        ),
        (
            "Militiamen raped two women near Kalehe on Sunday.",
            "Civilians (Democratic Republic of Congo)",
            "Women (Democratic Republic of Congo)",
        ),
    ],
)
def test_civilians_named_by_trade_take_the_trade_as_associate(
    extractor: Extractor, text: str, civilians: str, associate: str
) -> None:
    event = _first(extract_text(extractor, text))
    assert event.actor2 == civilians
    assert event.assoc_actor2 == [associate]


def test_civilians_of_no_listed_trade_have_no_associate(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Gunmen killed six villagers near Kidal on Sunday."))
    assert event.actor2 == "Civilians (Mali)"
    assert event.assoc_actor2 == []


def test_office_holders_stay_civilians_without_a_trade(extractor: Extractor) -> None:
    text = "Unknown gunmen shot dead Governor Ahmed Said in Jowhar on Sunday."
    event = _first(extract_text(extractor, text))
    assert event.actor2 == "Civilians (Somalia)"
    assert event.assoc_actor2 == []


# --- who must not become a civilian ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Troops killed Abu Musa, a senior Boko Haram commander, near Bama on Sunday.",
        "Al-Shabaab fighters killed Colonel Ahmed Nur, a senior Somali army officer, in Baidoa on Monday.",
        "Police shot dead Omar Ali, a suspected member of al-Shabaab, in Mombasa on Sunday.",
        "Gunmen killed police officer Ali Hassan in Mosul on Sunday.",
        "Soldiers killed rebel commander Jean Kabila in a raid near Beni on Monday.",
    ],
)
def test_armed_men_named_by_rank_or_group_are_no_civilians(extractor: Extractor, text: str) -> None:
    event = _first(extract_text(extractor, text))
    assert not (event.actor2 or "").startswith("Civilians")
    assert event.assoc_actor2 == []


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot dead opposition leader Moses Kuria of the Jubilee Party in Nairobi on Monday.",
        "Security forces arrested opposition leader Kizza Besigye in Kampala on Monday.",
    ],
)
def test_named_political_leaders_are_no_civilians(extractor: Extractor, text: str) -> None:
    event = _first(extract_text(extractor, text))
    assert not (event.actor2 or "").startswith("Civilians")


def test_a_named_attacker_is_not_made_a_civilian(extractor: Extractor) -> None:
    text = "Yusuf Bala opened fire on worshippers at a mosque in Kano on Friday, killing three."
    event = _first(extract_text(extractor, text))
    assert not (event.actor1 or "").startswith("Civilians")
    assert event.actor2 == "Civilians (Nigeria)"


# --- the same groups when they protest or riot -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "associate"),
    [
        ("Hundreds of teachers marched through Nairobi over unpaid salaries on Monday.", "Teachers (Kenya)"),
        ("Police fired tear gas at students protesting in Dhaka on Monday.", "Students (Bangladesh)"),
    ],
)
def test_protesters_of_a_trade_take_it_as_associate(extractor: Extractor, text: str, associate: str) -> None:
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Protests"
    assert (event.actor1 or "").startswith("Protesters")
    assert event.assoc_actor1 == [associate]


def test_a_crowd_of_no_trade_has_no_civilian_associate(extractor: Extractor) -> None:
    for text in (
        "Hundreds of residents protested in Kisumu over power cuts on Monday.",
        "On 3 May 2023, villagers beat a suspected thief to death in Onitsha.",
    ):
        event = _first(extract_text(extractor, text))
        assert not any(name.startswith("Civilians") for name in event.assoc_actor1), text


# --- people named by what they are said to have done -----------------------------------------------------


def test_suspects_beaten_by_a_crowd_are_civilians(extractor: Extractor) -> None:
    text = "A crowd beat two suspected thieves to death in Onitsha on Sunday."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Mob violence"
    assert event.actor2 == "Civilians (Nigeria)"


def test_suspected_militants_killed_stay_armed(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Troops killed two suspected militants near Bama on Sunday."))
    assert not (event.actor2 or "").startswith("Civilians")


def test_a_suspect_arrested_is_not_made_a_civilian(extractor: Extractor) -> None:
    text = "Police arrested a fifth suspect in the kidnapping case on Sunday in Zamboanga City."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Arrests"
    assert not (event.actor2 or "").startswith("Civilians")


def test_a_town_the_tagger_took_for_a_person_is_no_civilian(extractor: Extractor) -> None:
    text = "M23 rebels captured Rubaya on Tuesday after two days of fighting with the Congolese army."
    event = _first(extract_text(extractor, text))
    assert not (event.actor2 or "").startswith("Civilians")
