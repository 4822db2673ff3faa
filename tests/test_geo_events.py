"""Event placement on conflict-news sentences written for these tests: each event's place, admin1 and ACLED
precision (1 the town itself, 2 near or in part of a town or district, 3 a province or larger)."""

from __future__ import annotations

import pytest
from anyascii import anyascii

from eventdesk.analyse.pipeline import analyse
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.geo.places import place_event
from eventdesk.records import Article, EventLocation


@pytest.fixture(scope="module")
def places_only() -> Extractor:
    return Extractor(Settings(), components=["places"])


def locate(extractor: Extractor, text: str) -> EventLocation | None:
    analysed = next(analyse([Article(id="t", text=text)], extractor.nlp))
    extractor.extract_analysed(analysed)
    return place_event(analysed, 0, len(analysed.doc.text))


# text, place name (ASCII), admin1 (ASCII, None: not checked), precision
PLACEMENTS = [
    # ACLED-note style, with the admin chain in brackets
    (
        "On 2 May 2024, gunmen abducted 14 traders in Gidan Maza village (Gada, Sokoto). 1 fatality.",
        "Gada",
        "Sokoto",
        2,
    ),
    (
        "On 5 April 2024, JNIM attacked a gendarmerie post in Boni (Hombori, Douentza, Mopti). 3 fatalities.",
        "Boni",
        "Mopti",
        1,
    ),
    (
        "On 3 February 2024, Mai-Mai fighters ambushed a patrol in Walikale (North Kivu). 2 fatalities.",
        "Walikale",
        "North Kivu",
        3,
    ),
    ("On 9 May 2024, bandits kidnapped five farmers in Bama (Borno).", "Bama", "Borno State", 1),
    (
        "On 8 June 2024, a roadside bomb killed a shepherd near Tal Afar (Tal Afar, Ninewa). 1 fatality.",
        "Tall 'Afar",
        "Nineveh",
        2,
    ),
    (
        "On 11 January 2024, Fano militia fought the army in Lalibela town (Lasta, North Wollo, Amhara).",
        "Lalibela",
        "Amhara",
        1,
    ),
    # multiword and foreign generic terms
    (
        "Jihadists killed nine herders in Mansila commune in Yagha province, residents said.",
        "Province du Yagha",
        "Sahel",
        2,
    ),
    (
        "Gunmen attacked a farm settlement in Chikun local government area of Kaduna State.",
        "Chikun",
        "Kaduna State",
        3,
    ),
    (
        "Insurgents overran an army base in Monguno local government area of Borno State on Friday.",
        "Monguno",
        "Borno State",
        2,
    ),
    (
        "Raiders burned a health centre in Bugoye sub-county in Kasese district, officials said.",
        "Kasese District",
        None,
        2,
    ),
    ("Gunmen killed two police officers in Tessit commune, Gao region, on Thursday.", "Tessit", "Gao", 2),
    (
        "Russian artillery hit the village of Vovchansk in Kharkiv oblast on Tuesday.",
        "Vovchansk",
        "Kharkivs'ka Oblast'",
        1,
    ),
    (
        "Armed men looted shops in Tillaberi region of Niger on Monday.",
        "Tillaberi Region",
        "Tillaberi Region",
        3,
    ),
    ("An attack in eastern DR Congo's Ituri province killed 30 people.", "Ituri", "Ituri", 3),
    ("Clashes erupted in west Darfur on Sunday, aid workers said.", "Western Darfur", "Western Darfur", 3),
    # towns and parts of towns
    ("Warplanes struck targets in the port of Hodeidah on Saturday.", "Al Hudaydah", None, 1),
    ("A car bomb exploded at the southern entrance of Beledweyne on Monday.", "Beledweyne", None, 1),
    # a known town whose last words the model took for a person's name
    ("A bomb exploded in Dera Ismail Khan on Monday.", "Dera Ismail Khan", "Khyber Pakhtunkhwa", 1),
    # a capital named like its province opens the sentence as its setting: the other town places the event
    ("In Kano, gunmen attacked a mosque in Wudil on Friday.", "Wudil", "Kano State", 1),
    ("In Zacatecas, searchers found a grave outside Fresnillo on Friday.", "Fresnillo", "Zacatecas", 2),
    ("Gunmen attacked a mosque in Kano, officials in Wudil said.", "Kano", "Kano State", 1),
    (
        "KABUL, Jan. 5 (Reuters) - A bomb at a mosque in the northern city of Mazar-i-Sharif killed 20.",
        "Mazar-e Sharif",
        "Balkh",
        1,
    ),
    (
        "Protesters blocked the main road in Bamenda, the capital of Cameroon's North West region.",
        "Bamenda",
        "North-West",
        1,
    ),
    ("Rebel columns advanced towards Sake, a town west of Goma, on Saturday.", "Sake", "North Kivu", 1),
    (
        "A car bomb exploded near Afgooye, about 30 km west of Mogadishu, killing three soldiers.",
        "Afgooye",
        None,
        2,
    ),
    ("Israeli tanks shelled Camp Salam in Rafah on Wednesday, witnesses said.", "Rafah", "Gaza Strip", 2),
    (
        "A rocket landed inside the Green Zone in Baghdad overnight, the military said.",
        "Baghdad",
        "Baghdad",
        1,
    ),
    ("A drone struck the Kherson railway station on Monday, killing a woman.", "Kherson", "Kherson", 1),
    (
        "Drones hit the Zaporizhzhia nuclear power plant again on Saturday, Ukrainian officials said.",
        "Zaporizhzhya",
        "Zaporizhzhia",
        1,
    ),
    ("A gunman shot two people near Kabul airport on Friday, Afghan police said.", "Kabul", "Kabul", 2),
    ("Drones targeted the Goma airport overnight.", "Goma", "North Kivu", 1),
    ("Rebels shelled the Kidal military camp at dawn.", "Kidal", "Kidal", 1),
    ("Relatives waited outside the Al Shifa hospital in Gaza City.", "Gaza", "Gaza Strip", 1),
    ("Police used tear gas on marchers in Portland, Ore., late on Friday.", "Portland", "Oregon", 1),
    (
        "Police closed a school in Springfield, Mass., after a shooting on Tuesday.",
        "Springfield",
        "Massachusetts",
        1,
    ),
    ("A bomb went off in a shop in Lafayette, La., on Sunday, police said.", "Lafayette", "Louisiana", 1),
    ("Gunmen shot dead a village chief in Kasese district, western Uganda.", "Kasese District", None, 2),
]


@pytest.mark.parametrize(("text", "name", "admin1", "precision"), PLACEMENTS)
def test_event_is_placed_with_acled_precision(
    places_only: Extractor, text: str, name: str, admin1: str | None, precision: int
) -> None:
    location = locate(places_only, text)
    assert location is not None and location.name is not None
    assert anyascii(location.name).replace("`", "'") == name
    if admin1 is not None:
        assert anyascii(location.admin1 or "").replace("`", "'") == admin1
    assert location.precision == precision


def test_unknown_village_in_a_district_is_placed_in_the_district_with_the_village_as_detail(
    places_only: Extractor,
) -> None:
    location = locate(places_only, "On 9 May 2024, bandits raided Tudun Kaya (Chikun, Kaduna). 2 fatalities.")
    assert location is not None and location.name == "Chikun" and location.admin1 == "Kaduna State"
    assert location.detail == "Tudun Kaya" and location.precision >= 2


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Militants ambushed a supply convoy near Gajiram on Sunday.", "Gajiram"),  # a village, by its name
        ("Gunmen attacked worshippers in Izium on Sunday evening.", "Izyum"),  # another spelling of it
    ],
)
def test_village_named_as_the_scene_keeps_its_reading_with_no_country_named(
    places_only: Extractor, text: str, name: str
) -> None:
    location = locate(places_only, text)
    assert location is not None and location.name == name and location.precision in (1, 2)


def test_small_namesake_without_a_place_cue_is_still_dropped(places_only: Extractor) -> None:
    assert locate(places_only, "Gajiram said on Sunday that the talks had failed.") is None


def test_a_name_cut_by_the_event_range_still_places_the_event(places_only: Extractor) -> None:
    text = "A car bomb in the city of Mazar-i-Sharif killed six people on Friday."
    analysed = next(analyse([Article(id="t", text=text)], places_only.nlp))
    places_only.extract_analysed(analysed)
    start = analysed.doc.text.index("Sharif")
    location = place_event(analysed, start, len(analysed.doc.text))
    assert location is not None and location.admin1 == "Balkh" and location.precision == 1


def test_two_entities_the_gazetteer_knows_as_one_name_are_one_place(places_only: Extractor) -> None:
    analysed = next(
        analyse([Article(id="t", text="Rebels advanced in eastern DR Congo on Monday.")], places_only.nlp)
    )
    result = places_only.extract_analysed(analysed)
    assert [place.country for place in result.places] == ["CD"]


def test_a_village_described_as_lying_in_a_province_is_placed_there(places_only: Extractor) -> None:
    location = locate(places_only, "Gunmen killed 11 people in Tudun Kaya, a remote village in Kaduna State.")
    assert location is not None and location.admin1 == "Kaduna State"
    assert location.detail == "Tudun Kaya" and location.precision == 2


def test_the_first_part_of_an_unknown_compound_name_is_no_place_of_its_own(places_only: Extractor) -> None:
    text = "Police raided a house in the nearby Qala-e-Nazir area and detained two men. Kabul was quiet."
    analysed = next(analyse([Article(id="t", text=text)], places_only.nlp))
    result = places_only.extract_analysed(analysed)
    assert [(place.name, place.country) for place in result.places] == [("Kabul", "AF")]  # no Angolan "Qala"
