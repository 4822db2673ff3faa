"""Geoparsing: the gazetteer, recognition, resolution and event placement (geo/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from anyascii import anyascii

from eventdesk.analyse.pipeline import AnalysedArticle, analyse
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.geo.gazetteer import Gazetteer, ensure_index, load_gazetteer
from eventdesk.geo.places import PlaceMention, place_event
from eventdesk.geo.resolve import make_toponym, resolve_toponyms
from eventdesk.records import Article, Place, Result

SEED_ID = "thereference-21499"


@pytest.fixture(scope="module")
def places_only() -> Extractor:
    return Extractor(Settings(), components=["places"])


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(())


def parse(extractor: Extractor, text: str) -> tuple[AnalysedArticle, Result]:
    analysed = next(analyse([Article(id="t", text=text)], extractor.nlp))
    return analysed, extractor.extract_analysed(analysed)


def by_name(result: Result) -> dict[str, Place]:
    return {place.name: place for place in result.places}


def sentence_range(analysed: AnalysedArticle, words: str) -> tuple[int, int]:
    for sentence in analysed.doc.sents:
        if words in sentence.text:
            return sentence.start_char, sentence.end_char
    raise AssertionError(f"no sentence with {words!r}")


# --- gazetteer ---------------------------------------------------------------------------------------


def test_gazetteer_spelling_variants_meet(gaz: Gazetteer) -> None:
    ids = {
        name: {c.entry.id for c in gaz.candidates(name)} for name in ("Karte Naw", "Kart-e Naw", "Karte Now")
    }
    assert ids["Karte Naw"] == ids["Kart-e Naw"] == ids["Karte Now"]
    assert len(ids["Karte Naw"]) == 1


def test_gazetteer_has_countries_admin_units_regions_and_demonyms(gaz: Gazetteer) -> None:
    def features(name: str) -> set[str]:
        return {c.entry.feature for c in gaz.candidates(name)}

    assert 1138958 in {c.entry.geonameid for c in gaz.candidates("Kabul")}
    assert "PCLI" in features("Afghanistan")
    assert "ADM1" in features("Helmand")
    assert "REGION" in features("the Sahel")
    assert "CONT" in features("Africa")
    assert gaz.demonym_country("Afghan") == "AF"
    assert gaz.demonym_country("Kabul") is None
    assert {(c.entry.country, c.entry.feature) for c in gaz.candidates("Calif.")} >= {("US", "ADM1")}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Khan Younis", "Khan Yunis"),
        ("Lower Shabelle", "Lower Shabeelle"),
        ("Tal Afar", "Tall Afar"),
        ("Qandahar", "Kandahar"),
        ("Deir Ezzor", "Deir ez-Zor"),
    ],
)
def test_transliteration_variants_meet(gaz: Gazetteer, one: str, other: str) -> None:
    assert {c.entry.id for c in gaz.candidates(one)} & {c.entry.id for c in gaz.candidates(other)}


def test_user_supplement_file_adds_a_place(tmp_path: Path) -> None:
    name = "Qaryat Tal Wardiyat"
    assert not load_gazetteer(()).candidates(name)
    supplement = tmp_path / "my_places.tsv"
    supplement.write_text(
        "name\taliases\tcountry\tadmin1\twithin\tfeature\tlat\tlon\tgeonameid\tsource\n"
        f"{name}\tTal Wardiyat\tSY\tAl-Hasakah\t\tPPL\t36.10\t40.90\t\tmy field notes\n",
        encoding="utf-8",
    )
    gaz = Gazetteer(ensure_index(), (str(supplement),))
    [candidate] = gaz.candidates("Tal Wardiyat")
    assert (candidate.entry.name, candidate.entry.country, candidate.entry.admin1) == (name, "SY", "01")
    assert candidate.entry.geonameid is None


# --- the seed report ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(places_only: Extractor, shared: Path) -> tuple[AnalysedArticle, Result]:
    text = (shared / "gold" / "seed" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    return parse(places_only, text)


def test_seed_places(seed: tuple[AnalysedArticle, Result]) -> None:
    places = by_name(seed[1])
    assert places["Kabul"].geonameid == 1138958
    assert places["Kabul"].precision == 1
    assert places["Afghanistan"].geonameid == 1149361
    karte_naw = places["Karte Naw"]
    assert (karte_naw.country, karte_naw.admin1) == ("AF", "Kabul")
    assert places["Central Asia"].feature == places["South Asia"].feature == "REGION"


def test_seed_central_and_south_asia_is_two_regions(seed: tuple[AnalysedArticle, Result]) -> None:
    analysed, result = seed
    text = analysed.article.text
    places = by_name(result)
    for span in places["South Asia"].mentions:
        before = text[: span.start].rstrip()
        if before.endswith("and"):
            central = [m for m in places["Central Asia"].mentions if m.end <= span.start]
            assert central and text[central[-1].start : central[-1].end] == "Central"
            return
    raise AssertionError("no 'Central and South Asia' mention")


def test_seed_neighbourhood_places_the_event_in_its_town(seed: tuple[AnalysedArticle, Result]) -> None:
    analysed, _ = seed
    start, end = sentence_range(analysed, "on a road in Karte Naw")
    location = place_event(analysed, start, end)
    assert location is not None
    assert (location.name, location.geonameid, location.precision) == ("Kabul", 1138958, 1)
    assert location.detail == "Karte Naw, District 8"


def test_seed_demonym_is_not_a_place(seed: tuple[AnalysedArticle, Result]) -> None:
    names = {m.text for place in seed[1].places for m in place.mentions}
    assert "Afghan" not in names


# --- recognition and resolution on news sentences --------------------------------------------------------


def test_generic_term_and_article_choose_the_kind_of_place(places_only: Extractor) -> None:
    _, result = parse(
        places_only,
        "Taliban fighters attacked checkpoints across Kandahar province, and a drone was shot down "
        "over the Red Sea near Hodeidah, Yemen.",
    )
    features = {m.text: place.feature for place in result.places for m in place.mentions}
    assert features["Kandahar province"] == "ADM1"
    assert features["Red Sea"] not in ("ADM1", "ADM2") and not features["Red Sea"].startswith("PPL")


def test_name_placed_inside_a_named_place_is_taken(places_only: Extractor) -> None:
    _, result = parse(places_only, "Boko Haram fighters attacked Gwoza in Borno State, killing 18 people.")
    gwoza = [p for p in result.places if any(m.text == "Gwoza" for m in p.mentions)]
    assert gwoza and (gwoza[0].country, gwoza[0].admin1) == ("NG", "Borno State")


def test_namesake_neighbourhood_follows_the_town(places_only: Extractor) -> None:
    analysed, result = parse(places_only, "Two rockets struck the Green Zone in Baghdad on Sunday night.")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.country == "IQ" and location.precision == 1
    assert all(place.country != "AF" for place in result.places)


def test_possessive_town_with_neighbourhood_detail(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "A car bomb exploded outside a hotel in Baghdad's Karrada district.")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.country == "IQ" and location.feature == "PPLC"
    assert location.detail == "Karrada district" and location.text == "Baghdad"


def test_place_used_as_actor_is_not_a_place(places_only: Extractor) -> None:
    _, result = parse(
        places_only,
        "Kabul said on Sunday that it would not allow foreign fighters to use its soil. "
        "Washington warned that sanctions would follow.",
    )
    assert not {"Kabul", "Washington"} & set(by_name(result))


def test_place_names_standing_for_governments_are_not_places(places_only: Extractor) -> None:
    _, result = parse(
        places_only,
        "U.S. forces conducted two strikes near Raqqa, Syria. The Government of Iraq welcomed the "
        "operation, and Turkey's president spoke with the commanders.",
    )
    names = {m.text for place in result.places for m in place.mentions}
    assert "Raqqa" in names and "Syria" in names
    assert not {"U.S.", "Iraq", "Turkey"} & names


def test_comma_container_picks_the_town_in_that_state(places_only: Extractor) -> None:
    _, result = parse(
        places_only, "A gunman opened fire at a church in Paris, Texas, on Sunday, police said."
    )
    paris = by_name(result)["Paris"]
    assert (paris.country, paris.admin1) == ("US", "Texas")


def test_paris_alone_in_a_french_story_is_the_capital(places_only: Extractor) -> None:
    _, result = parse(
        places_only, "French police arrested three men in Paris after a knife attack near a station."
    )
    assert by_name(result)["Paris"].geonameid == 2988507


def test_article_context_chooses_the_country(places_only: Extractor) -> None:
    _, result = parse(
        places_only,
        "Two soldiers were killed in Kandahar province. Another attack hit a police post in Kunduz, "
        "Afghan officials said, while fighting continued in Helmand.",
    )
    places = by_name(result)
    assert places["Kunduz"].country == "AF"


# --- event placement -----------------------------------------------------------------------------------


def test_place_event_precision_rules(places_only: Extractor) -> None:
    analysed, _ = parse(
        places_only,
        "A roadside bomb exploded near Kandahar on Tuesday, killing two soldiers.\n\n"
        "Clashes were reported in Helmand province on Wednesday.\n\n"
        "Gunmen stormed a police station in Jalalabad. The attackers fled after an hour.",
    )
    near = place_event(analysed, *sentence_range(analysed, "roadside bomb"))
    assert near is not None and (anyascii(near.name), near.feature, near.precision) == ("Kandahar", "PPLA", 2)
    province = place_event(analysed, *sentence_range(analysed, "Clashes"))
    assert province is not None and (province.feature, province.precision) == ("ADM1", 3)
    assert province.admin1 == "Helmand"
    town = place_event(analysed, *sentence_range(analysed, "Gunmen stormed"))
    assert town is not None and (anyascii(town.name), town.precision, town.country) == ("Jalalabad", 1, "AF")
    unnamed = place_event(analysed, *sentence_range(analysed, "attackers fled"))
    assert unnamed is not None and (unnamed.name, unnamed.precision) == (town.name, 2)


def test_place_event_district_and_paragraph_fallback(places_only: Extractor) -> None:
    analysed, _ = parse(
        places_only,
        "Clashes erupted in Helmand province on Monday. Later, a checkpoint in Nad Ali district came "
        "under fire, and a bomb went off in Lashkar Gah. Three policemen were wounded in the attacks.",
    )
    district = place_event(analysed, *sentence_range(analysed, "checkpoint"))
    assert district is not None and district.country == "AF"
    assert district.text == "Lashkar Gah" and district.precision == 1  # the finest place of the clause
    start = analysed.doc.text.index("a checkpoint")
    only_district = place_event(analysed, start, analysed.doc.text.index(", and a bomb"))
    assert only_district is not None and only_district.text == "Nad Ali district"
    # GeoNames has no town for this district, so it has only Helmand's point: the province's precision
    assert only_district.precision == 3
    back = place_event(analysed, *sentence_range(analysed, "policemen were wounded"))
    assert back is not None and back.text == "Lashkar Gah" and back.precision == 2


def test_unknown_village_in_a_known_province_is_the_detail(places_only: Extractor) -> None:
    analysed, result = parse(
        places_only, "Gunmen killed five farmers in the village of Tudun Biri in Kaduna state on Sunday."
    )
    assert "Tudun Biri" not in {p.name for p in result.places}  # no coordinates are made up for it
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.feature == "ADM1" and location.country == "NG"
    assert location.detail == "Tudun Biri" and location.precision == 2  # part of the region


def test_place_event_skips_the_place_of_origin(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "A convoy from Kabul was ambushed in Logar province on Tuesday.")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.feature == "ADM1" and location.admin1 == "Logar"


def test_place_event_without_places_is_none(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "The group said it had carried out the attack.")
    assert place_event(analysed, 0, len(analysed.doc.text)) is None


def test_annotations_carry_resolved_mentions(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "Fighting broke out in Aleppo and spread to Idlib.")
    mentions = analysed.annotations["places"]
    assert all(isinstance(m, PlaceMention) for m in mentions)
    assert [analysed.doc.text[m.start : m.end] for m in mentions] == ["Aleppo", "Idlib"]


# --- ACLED admin chains, stated containers, actor names (second round) --------------------------------


def test_acled_chain_unknown_village_falls_back_to_its_district(places_only: Extractor) -> None:
    analysed, _ = parse(
        places_only,
        "On 2 June 2023, gunmen abducted 12 farmers in Tudun Wadan Kwari village (Kauru, Kaduna).",
    )
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and (location.country, location.admin1) == ("NG", "Kaduna State")
    assert location.detail == "Tudun Wadan Kwari" and location.precision == 2
    assert "Kauru" in location.name


@pytest.mark.parametrize(
    ("text", "country", "admin1"),
    [
        ("On 7 July 2023, RSF fighters looted shops in Bara (Bara, North Kordofan).", "SD", "North Kordofan"),
        ("On 11 February 2024, M23 and FARDC clashed in Sake (Masisi, North Kivu).", "CD", "North Kivu"),
    ],
)
def test_acled_chain_places_the_town_within_its_units(
    places_only: Extractor, text: str, country: str, admin1: str
) -> None:
    analysed, _ = parse(places_only, text)
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and (location.country, location.admin1) == (country, admin1)
    assert location.precision == 1 and location.feature is not None and location.feature.startswith("PPL")


def test_acled_chain_rules_out_a_namesake_abroad(places_only: Extractor) -> None:
    # GeoNames knows only the Turkish Solhan; the chain says the place lies in Burkina Faso's Sahel
    analysed, result = parse(
        places_only, "On 5 June 2021, JNIM militants killed 132 civilians in Solhan (Sebba, Yagha, Sahel)."
    )
    assert {p.country for p in result.places} == {"BF"}
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.country == "BF"
    assert location.detail == "Solhan" and location.precision == 2


def test_stated_province_rules_out_a_town_abroad(places_only: Extractor) -> None:
    analysed, result = parse(places_only, "Gunmen killed 132 villagers in Solhan, Sahel region, overnight.")
    assert "TR" not in {p.country for p in result.places}
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and (location.country, location.feature, location.detail) == (
        "BF",
        "ADM1",
        "Solhan",
    )


def test_a_listed_state_is_no_container(gaz: Gazetteer) -> None:
    text = "Rallies were held in Orlando, West Palm Beach, New York, and Chicago on Saturday."
    names = ["Orlando", "West Palm Beach", "New York", "Chicago"]
    toponyms = [make_toponym(text.index(n), text.index(n) + len(n), n, gaz) for n in names]
    resolve_toponyms(gaz, text, toponyms)
    west_palm = toponyms[1].entry
    assert west_palm is not None and west_palm.country == "US" and west_palm.name == "West Palm Beach"


def test_place_words_in_actor_names_are_no_places(extractor: Extractor) -> None:
    _, result = parse(
        extractor,
        "Fighters of the Islamic State West Africa Province attacked a market in Monguno, Borno State, on "
        "Monday, killing six traders.",
    )
    assert {p.country for p in result.places} == {"NG"}
    assert not any(p.feature in ("REGION", "CONT") for p in result.places)


def test_hyphenated_town_the_model_cut_short(places_only: Extractor) -> None:
    analysed, _ = parse(
        places_only, "Gunmen opened fire on a bus in Birnin-Gwari, Kaduna State, killing five."
    )
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.text == "Birnin-Gwari" and location.precision == 1
    assert (location.country, location.admin1) == ("NG", "Kaduna State")


def test_hyphen_between_two_known_places_keeps_both(places_only: Extractor) -> None:
    _, result = parse(places_only, "Smugglers used the Syria-Iraq border to move weapons, officials said.")
    assert {"SY", "IQ"} <= {p.country for p in result.places}


def test_resident_of_a_town_names_a_place(places_only: Extractor) -> None:
    _, result = parse(
        places_only, "Hassan Omar, a resident of Baiji, told reporters that Iraqi troops shelled the town."
    )
    assert any(p.country == "IQ" and anyascii(p.name) == "Bayji" for p in result.places)


def test_district_without_a_point_of_its_own_has_province_precision(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "A drone strike killed two militants in South Waziristan on Wednesday.")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.feature == "ADM2" and location.country == "PK"
    assert location.precision == 3


def test_conflict_towns_missing_from_geonames_come_from_the_supplement(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "M23 rebels shelled Kibumba, north of Goma, on Tuesday, killing three.")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and (location.name, location.country, location.precision) == (
        "Kibumba",
        "CD",
        1,
    )
    assert abs(location.lat - (-1.51)) < 0.2 and abs(location.lon - 29.35) < 0.2


def test_oceans_outrank_namesake_towns(gaz: Gazetteer) -> None:
    text = "The navy intercepted a boat carrying weapons in the Atlantic on Friday."
    start = text.index("Atlantic")
    toponym = make_toponym(start, start + len("Atlantic"), "Atlantic", gaz)
    resolve_toponyms(gaz, text, [toponym])
    assert toponym.entry is not None and toponym.entry.feature == "OCN"


def test_supplement_town_tagged_as_a_modifier_is_found(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "Soldiers reinforced the Minova military camp on Monday, officials said")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and (location.name, location.country) == ("Minova", "CD")


def test_village_in_a_district_without_a_point_keeps_province_precision(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "Rebels captured the village of Kalembe in Masisi territory on Saturday")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.country == "CD" and location.detail == "Kalembe"
    assert location.precision == 3  # the district has only its province's point


# --- facility names, hometowns, directions, a dominant country (third round) ---------------------------


def test_town_name_in_a_facility_name_is_no_place_of_its_own(places_only: Extractor) -> None:
    analysed, result = parse(
        places_only, "Gunmen stormed the Victoria hospital in Mogadishu on Friday, Somali police said."
    )
    assert "Victoria" not in {p.name for p in result.places}  # no town in Canada or the Seychelles
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and anyascii(location.name) == "Mogadishu" and location.country == "SO"


def test_facility_named_after_a_town_of_the_story_stays_that_town(places_only: Extractor) -> None:
    _, result = parse(
        places_only,
        "A suicide bomber struck the gates of Kandahar airport on Thursday. Afghan officials in Kabul "
        "said the attacker was stopped at a checkpoint.",
    )
    assert any(anyascii(p.name) == "Kandahar" and p.country == "AF" for p in result.places)


def test_hometown_after_a_person_is_not_where_the_event_happened(places_only: Extractor) -> None:
    analysed, _ = parse(
        places_only,
        "Sergeant Maria Lopez, 29, of El Paso, Texas, was killed Monday in eastern Afghanistan when her "
        "patrol hit a mine.",
    )
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.country == "AF" and location.feature == "PCLI"
    assert location.precision == 3 and location.detail == "eastern"


def test_a_native_of_a_town_is_an_origin(places_only: Extractor) -> None:
    analysed, _ = parse(
        places_only, "The corporal, a native of Tulsa, Oklahoma, died of wounds in southern Iraq on Sunday."
    )
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and location.country == "IQ" and location.detail == "southern"


def test_direction_before_a_town_is_its_detail(places_only: Extractor) -> None:
    analysed, _ = parse(places_only, "Iraqi troops fought their way through West Mosul on Sunday.")
    location = place_event(analysed, 0, len(analysed.doc.text))
    assert location is not None and anyascii(location.name) == "Mosul" and location.detail == "West"


def resolve_names(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, str | None]:
    toponyms = [make_toponym(text.index(n), text.index(n) + len(n), n, gaz) for n in names]
    resolve_toponyms(gaz, text, toponyms)
    return {t.text: t.entry.country if t.entry else None for t in toponyms}


def test_dominant_country_vetoes_an_alternate_name_abroad(gaz: Gazetteer) -> None:
    text = "Shells fell on Damascus, Homs and Hama overnight, and later on Salem, residents said."
    countries = resolve_names(gaz, text, ["Damascus", "Homs", "Hama", "Salem"])
    assert countries["Salem"] != "IL"  # not Jerusalem, whose other name Salem is


def test_dominant_country_keeps_a_large_city_named_by_its_own_name(gaz: Gazetteer) -> None:
    text = "After the strikes on Damascus, Homs and Hama, ministers met in Paris."
    assert resolve_names(gaz, text, ["Damascus", "Homs", "Hama", "Paris"])["Paris"] == "FR"


def test_a_persons_surname_alone_is_no_town(places_only: Extractor) -> None:
    _, result = parse(
        places_only,
        "Staff Sergeant James Austin was killed in Kandahar. Austin had served two tours, and the general "
        "sent condolences to Austin's family.",
    )
    assert "Austin" not in {p.name for p in result.places}
    assert any(anyascii(p.name) == "Kandahar" for p in result.places)
