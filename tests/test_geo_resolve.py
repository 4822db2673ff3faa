"""Toponym resolution on given spans (geo/resolve.py): fallback points for names the gazetteer lacks,
derived demonyms, and the split of the geoparsing benchmark."""

from __future__ import annotations

from collections import Counter

import pytest

from eventdesk.geo.build import centre, core_towns, generic_terms, read_admin1_points, without_generic_term
from eventdesk.geo.gazetteer import Gazetteer, load_gazetteer
from eventdesk.geo.names import key_variants
from eventdesk.geo.places import precision_of
from eventdesk.geo.resolve import (
    Context,
    Toponym,
    best_reading,
    candidate_score,
    distance_km,
    dominant_country,
    make_toponym,
    resolve_toponyms,
)
from eventdesk.geo.sources import PlaceRecord, read_geonames_codes


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer(())


def resolve(gaz: Gazetteer, text: str, names: list[str]) -> dict[str, Toponym]:
    toponyms, start = [], 0
    for name in names:
        start = text.index(name, start)
        toponyms.append(make_toponym(start, start + len(name), name, gaz))
        start += len(name)
    resolve_toponyms(gaz, text, toponyms)
    return {t.text: t for t in toponyms}


def test_a_street_in_a_story_about_one_town_falls_back_to_that_town(gaz: Gazetteer) -> None:
    text = "Police in Nairobi closed Wambugu Lane after the blast. Nairobi officials said the lane reopened."
    found = resolve(gaz, text, ["Nairobi", "Wambugu Lane", "Nairobi"])
    lane = found["Wambugu Lane"]
    assert lane.entry is None  # never taken for the place itself
    assert lane.fallback is not None and lane.fallback.name == "Nairobi"
    assert lane.fallback_by == "article"


def test_a_place_named_inside_an_unknown_name_is_its_point(gaz: Gazetteer) -> None:
    text = "Dockers at the Port of Mombasa went on strike, and Kenya's ports authority said talks failed."
    found = resolve(gaz, text, ["Port of Mombasa", "Kenya"])
    port = found["Port of Mombasa"]
    assert port.entry is None
    assert port.fallback is not None and port.fallback.name == "Mombasa" and port.fallback_by == "part"


def test_a_direction_word_makes_a_province_a_fair_point(gaz: Gazetteer) -> None:
    found = resolve(gaz, "Fires spread across Northern Ontario this week.", ["Northern Ontario"])
    assert found["Northern Ontario"].fallback is not None
    assert found["Northern Ontario"].fallback.feature == "ADM1"


def test_a_province_is_no_point_for_a_facility_named_after_it(gaz: Gazetteer) -> None:
    found = resolve(gaz, "Shares fell at the Bank of Ontario on Friday.", ["Bank of Ontario"])
    assert found["Bank of Ontario"].fallback is None or found["Bank of Ontario"].fallback.feature != "ADM1"


def test_a_national_body_named_after_its_country_falls_back_to_the_country(gaz: Gazetteer) -> None:
    text = "Markets rallied after the Bank of Japan held rates, and the US Federal Reserve said nothing."
    found = resolve(gaz, text, ["Bank of Japan", "US Federal Reserve"])
    for name, country in (("Bank of Japan", "JP"), ("US Federal Reserve", "US")):
        point = found[name].fallback
        assert (
            found[name].entry is None and point is not None and point.is_country and point.country == country
        )


def test_a_head_noun_ending_a_name_is_no_place(gaz: Gazetteer) -> None:
    """ "Union" closes "Fishermen's Union": it is the kind of thing named, not a town called Union."""
    found = resolve(gaz, "The Tiber Fishermen Union met.", ["Tiber Fishermen Union"])
    assert found["Tiber Fishermen Union"].fallback is None


def test_people_of_a_place_resolve_to_the_place(gaz: Gazetteer) -> None:
    text = "Many Minnesotans and Ohioans travelled to the rally."
    found = resolve(gaz, text, ["Minnesotans", "Ohioans"])
    assert found["Minnesotans"].entry is not None and found["Minnesotans"].entry.name == "Minnesota"
    assert found["Ohioans"].entry is not None and found["Ohioans"].entry.name == "Ohio"


def test_a_county_abbreviated_co_is_the_county(gaz: Gazetteer) -> None:
    text = "Deputies in Butler Co., Ohio, arrested two men."
    found = resolve(gaz, text, ["Butler Co.", "Ohio"])
    assert found["Butler Co."].entry is not None and found["Butler Co."].entry.feature == "ADM2"


def test_a_fallback_point_counts_for_distance_never_as_exact(gaz: Gazetteer) -> None:
    from eventdesk.geo.evaluation import GoldToponym, ResolutionScore

    town = gaz.get(gaz._find_town("Mombasa", "KE"))
    assert town is not None
    score = ResolutionScore()
    score.add(GoldToponym(0, 4, "Port", town.id, town.lat, town.lon), town, fallback=True)
    assert (score.exact, score.within, score.fallback) == (0, 1, 1)


def test_the_benchmark_halves_split_articles_by_index() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "bench" / "geo_eval.py"
    spec = importlib.util.spec_from_file_location("geo_eval", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    articles = list("abcde")
    assert bench.split_half(articles, "dev") == ["a", "c", "e"]
    assert bench.split_half(articles, "held") == ["b", "d"]
    assert bench.split_half(articles, "all") == articles


def test_a_county_lies_at_its_towns_not_at_its_state_point(gaz: Gazetteer) -> None:
    found = resolve(gaz, "Floods hit Tarrant County, Texas.", ["Tarrant County", "Texas"])
    county = found["Tarrant County"].entry
    fort_worth = gaz.get(gaz._find_town("Fort Worth", "US"))
    assert county is not None and county.feature == "ADM2" and fort_worth is not None
    assert distance_km(county.lat, county.lon, fort_worth.lat, fort_worth.lon) < 50


def test_the_article_before_a_name_favours_a_sea_over_a_town(gaz: Gazetteer) -> None:
    text = "Forecasters in Iowa expect three storms to form in the Pacific before July."
    found = resolve(gaz, text, ["Iowa", "Pacific"])
    assert found["Pacific"].entry is not None and not found["Pacific"].entry.is_town


def test_an_article_and_a_describing_word_favour_a_sea_over_a_town(gaz: Gazetteer) -> None:
    text = "Forecasters in Colorado said warm water built up in the tropical Atlantic through the summer."
    found = resolve(gaz, text, ["Colorado", "Atlantic"])
    assert found["Atlantic"].entry is not None and not found["Atlantic"].entry.is_town


def test_the_town_of_a_name_gives_no_article_to_the_name(gaz: Gazetteer) -> None:
    text = "Floods reached the town of Atlantic in Iowa on Sunday."
    found = resolve(gaz, text, ["Atlantic", "Iowa"])
    assert not found["Atlantic"].article


def test_the_article_before_a_modifying_name_keeps_the_city(gaz: Gazetteer) -> None:
    found = resolve(gaz, "Officials cancelled the Moscow flights on Monday.", ["Moscow"])
    assert found["Moscow"].entry is not None and found["Moscow"].entry.country == "RU"


def test_towns_near_the_article_s_other_names_win_over_larger_namesakes(gaz: Gazetteer) -> None:
    text = (
        "Deputies from Butler County searched Hamilton and Oxford overnight; Middletown police and "
        "Fairfield firefighters joined them."
    )
    found = resolve(gaz, text, ["Butler County", "Hamilton", "Oxford", "Middletown", "Fairfield"])
    assert {found[name].entry.admin1 for name in ("Hamilton", "Oxford")} == {"OH"}


def test_a_small_town_abroad_that_nothing_points_to_is_no_reading(gaz: Gazetteer) -> None:
    text = "Germany and France asked Congress for more time, officials in Berlin said."
    found = resolve(gaz, text, ["Germany", "France", "Congress", "Berlin"])
    assert found["Congress"].entry is None or found["Congress"].entry.country in ("DE", "FR")
    assert found["Berlin"].entry is not None and found["Berlin"].entry.country == "DE"


def test_geoparse_gives_a_fallback_point_without_an_id_of_its_own(gaz: Gazetteer) -> None:
    from eventdesk.geo.geoparse import resolve_spans

    text = "Dockers at the Port of Mombasa went on strike in Kenya."
    start = text.index("Port of Mombasa")
    kenya = text.index("Kenya")
    items = resolve_spans(gaz, text, [(start, start + len("Port of Mombasa")), (kenya, kenya + 5)])
    port = items[0]
    assert port["name"] == "Port of Mombasa" and port["geonameid"] is None
    assert port["within"]["name"] == "Mombasa" and port["within"]["by"] == "part"
    assert port["precision"] >= 2 and port["lat"] is not None
    assert "within" not in items[1]


def test_an_area_named_after_a_place_falls_back_to_the_article_not_to_its_namesake(gaz: Gazetteer) -> None:
    text = "Crews from Nashville fought the fire; Nashville officials said it reached Biloxi Creek."
    found = resolve(gaz, text, ["Nashville", "Nashville", "Biloxi Creek"])
    creek = found["Biloxi Creek"]
    assert creek.fallback is not None and creek.fallback.name == "Nashville"
    assert creek.fallback_by == "article"


def test_a_plural_term_after_a_list_says_the_kind_of_each_place(gaz: Gazetteer) -> None:
    text = "Gunmen raided villages in Zamfara and Katsina states; floods hit Marion and Hamilton counties."
    found = resolve(gaz, text, ["Zamfara", "Katsina", "Marion", "Hamilton"])
    assert found["Katsina"].entry is not None and found["Katsina"].entry.feature == "ADM1"
    assert found["Marion"].entry is not None and found["Marion"].entry.feature == "ADM2"
    assert found["Hamilton"].entry is not None and found["Hamilton"].entry.feature == "ADM2"


def test_a_state_abbreviation_with_a_full_stop_is_the_state(gaz: Gazetteer) -> None:
    found = resolve(gaz, "A storm flooded streets in Lafayette, La., on Sunday.", ["Lafayette", "La."])
    assert found["La."].entry is not None and found["La."].entry.name == "Louisiana"


def test_admin_units_named_in_the_country_language_are_found_by_their_bare_name(gaz: Gazetteer) -> None:
    found = resolve(gaz, "Jihadists attacked a convoy in Yagha province.", ["Yagha province"])
    assert found["Yagha province"].entry is not None and found["Yagha province"].entry.country == "BF"


def test_a_town_whose_state_is_stated_once_is_that_town_at_its_other_mentions(gaz: Gazetteer) -> None:
    text = "Columbus police said a fan of an Ohio team was shot after the game in Columbus, Ga., on Sunday."
    toponyms, start = [], 0
    for name in ("Columbus", "Ohio", "Columbus", "Ga."):
        start = text.index(name, start)
        toponyms.append(make_toponym(start, start + len(name), name, gaz))
        start += len(name)
    resolve_toponyms(gaz, text, toponyms)
    assert toponyms[2].entry is not None and toponyms[2].entry.admin1 == "GA"
    assert toponyms[0].entry is toponyms[2].entry


def test_a_stray_town_does_not_move_its_province_s_point() -> None:
    """A town filed under the wrong province code, far from the others, is left out of the middle."""
    towns = [
        PlaceRecord(n, f"T{n}", "CN", "04", None, 32 + n / 10, 119 + n / 10, 1000, "PPL") for n in range(20)
    ]
    stray = PlaceRecord(99, "Stray", "CN", "04", None, 33.0, 100.0, 1000, "PPL")
    lat, lon = centre(core_towns([*towns, stray]))
    assert abs(lat - 32.95) < 0.01 and abs(lon - 119.95) < 0.01


def test_a_name_with_city_is_the_city_not_its_province(gaz: Gazetteer) -> None:
    text = "Fares rose in Calgary, Winnipeg, Montreal, Quebec City and Halifax this winter."
    found = resolve(gaz, text, ["Calgary", "Winnipeg", "Montreal", "Quebec City", "Halifax"])
    assert found["Quebec City"].entry is not None and found["Quebec City"].entry.is_town


def test_a_name_inside_a_list_holds_no_name_before_it(gaz: Gazetteer) -> None:
    """In "Montreal, Quebec, Toronto" the commas list places: Quebec's province reading gets nothing for
    holding Montreal, as it would in "Montreal, Quebec." """
    text = "Flights to Montreal, Quebec, Toronto and Ottawa were cancelled."
    found = resolve(gaz, text, ["Montreal", "Quebec", "Toronto", "Ottawa"])
    quebec, montreal = found["Quebec"], found["Montreal"]
    province = next(c for c in quebec.candidates if c.entry.feature == "ADM1")
    alone = candidate_score(province, quebec, Context(Counter()), None, None)
    assert candidate_score(province, quebec, Context(Counter()), None, montreal) == alone


def test_korean_alone_points_to_south_korea(gaz: Gazetteer) -> None:
    assert gaz.demonym_country("Korean") == "KR" and gaz.demonym_country("North Korean") == "KP"


def test_readings_that_pull_each_other_settle_on_the_article_s_country(gaz: Gazetteer) -> None:
    """Round by round, Cambridge and Newmarket each favoured the other's American or Canadian reading and
    the picks flipped; with the evidence of the rounds added up they settle in England."""
    text = (
        "Racing fans from Cambridge drove to Newmarket; later the trainers in Cambridge and Chesterton "
        "met in England."
    )
    found = resolve(gaz, text, ["Cambridge", "Newmarket", "Cambridge", "Chesterton", "England"])
    assert found["Newmarket"].entry is not None and found["Newmarket"].entry.country == "GB"


def test_mt_and_ft_are_spelled_out_in_name_keys(gaz: Gazetteer) -> None:
    assert key_variants("Mt. Pleasant") == key_variants("Mount Pleasant")
    assert key_variants("Ft Worth") == key_variants("Fort Worth")
    assert any(c.entry.name == "Fort Worth" for c in gaz.candidates("Ft. Worth"))


def test_a_name_that_calls_its_place_a_state_falls_back_to_the_state(gaz: Gazetteer) -> None:
    text = "Students at Colorado State University marched to Denver on Friday."
    found = resolve(gaz, text, ["Colorado State University", "Denver"])
    point = found["Colorado State University"].fallback
    assert point is not None and point.feature == "ADM1" and point.admin1 == "CO"


def test_a_name_spelled_as_written_beats_one_that_only_shares_its_key(gaz: Gazetteer) -> None:
    """ "Cooke" and "Coke" share a name key (doubled letters merge); the county spelled as written wins."""
    text = "Deputies in Cooke County found the stolen truck near Gainesville on Sunday."
    found = resolve(gaz, text, ["Cooke County", "Gainesville"])
    assert found["Cooke County"].entry is not None and found["Cooke County"].entry.name == "Cooke County"


def test_a_district_abroad_that_nothing_points_to_is_no_reading(gaz: Gazetteer) -> None:
    text = "Police in Cairo and Giza said the march through Haram ended; Alexandria and Luxor stayed calm."
    found = resolve(gaz, text, ["Cairo", "Giza", "Haram", "Alexandria", "Luxor"])
    haram = found["Haram"].entry
    assert haram is None or haram.country == "EG"


def test_district_names_lose_long_and_leading_english_terms() -> None:
    terms = generic_terms()
    assert without_generic_term("Cariboo Regional District", terms) == ["Cariboo"]
    assert without_generic_term("District Municipality of Muskoka", terms, english_of=True) == ["Muskoka"]
    assert without_generic_term("District of Columbia", terms) == []  # a province keeps its whole name


def test_a_district_without_a_point_of_its_own_takes_the_article_s_town_in_its_province(
    gaz: Gazetteer,
) -> None:
    text = "Flooding closed roads across Middlesex County, Ontario; crews from London and Strathroy worked."
    found = resolve(gaz, text, ["Middlesex County", "Ontario", "London", "Strathroy"])
    county, london = found["Middlesex County"].entry, found["London"].entry
    assert county is not None and county.feature == "ADM2" and county.country == "CA"
    assert london is not None and distance_km(county.lat, county.lon, london.lat, london.lon) < 50
    assert precision_of(county.feature, county.source) == 3


def test_a_country_named_twice_is_no_more_dominant_after_several_rounds() -> None:
    """The rounds add their counts up; two names in one country stay two names however many rounds ran,
    and three in one round are as dominant added up over three rounds."""
    two = Context(Counter({"KE": 2}))
    added_up = two.merged(two).merged(two)
    assert dominant_country(two) is None and dominant_country(added_up) is None
    three = Context(Counter({"KE": 3}))
    assert dominant_country(three) == "KE" and dominant_country(three.merged(three).merged(three)) == "KE"


def test_seen_from_one_name_merged_rounds_still_count_as_several() -> None:
    """The view from one name keeps the number of rounds, so its dominance test is per round too."""
    rounds = Context(Counter({"KE": 2})).merged(Context(Counter({"KE": 2})))
    seen = rounds.seen_from(Toponym(0, 4, "Embu", "Embu"))
    assert seen.rounds == 2 and dominant_country(seen) is None


def test_a_larger_town_by_its_own_name_beats_a_seat_known_by_it_as_an_alternate(gaz: Gazetteer) -> None:
    """The Afghan city is called Jalalabad; a smaller Kyrgyz provincial seat merely lists the name among
    its other ones, and being a seat should not let it win."""
    found = resolve(gaz, "Shops in Jalalabad stayed shut after the bombing on Monday.", ["Jalalabad"])
    assert found["Jalalabad"].entry is not None and found["Jalalabad"].entry.country == "AF"


def test_a_town_spelled_as_written_beats_a_larger_one_that_only_shares_its_key(gaz: Gazetteer) -> None:
    """Keys merge double letters, so "Samarra" and "Samara" meet; the Iraqi town is spelled as written
    and the larger Russian city is not."""
    found = resolve(gaz, "Militants fired mortars at a checkpoint outside Samarra overnight.", ["Samarra"])
    assert found["Samarra"].entry is not None and found["Samarra"].entry.country == "IQ"


def test_context_still_picks_the_respelled_reading(gaz: Gazetteer) -> None:
    """The exact spelling gives way when the article's other names point to the other reading."""
    text = "Flights from Moscow to Samarra and Kazan, Russia, were delayed by snow."
    found = resolve(gaz, text, ["Moscow", "Samarra", "Kazan", "Russia"])
    assert found["Samarra"].entry is not None and found["Samarra"].entry.country == "RU"


def test_a_tie_goes_to_the_reading_named_in_full(gaz: Gazetteer) -> None:
    """Two districts with the same score: the one whose own name is the whole text wins, whatever the
    order of the gazetteer's rows."""
    toponym = make_toponym(0, 12, "Grant County", gaz)
    full = next(c for c in gaz.candidates("Grant County") if c.entry.name == "Grant County")
    short = next(c for c in gaz.candidates("Grant") if c.entry.name == "Grant" and c.entry.feature == "ADM2")
    for order in ([(1.0, short), (1.0, full)], [(1.0, full), (1.0, short)]):
        assert best_reading(order, toponym, Context(Counter()))[1] is full


def test_a_province_with_a_known_area_lies_at_its_centre_not_among_its_towns(gaz: Gazetteer) -> None:
    """Most of Ontario's towns lie on the lakes in the far south; the centre of its area is well north of
    the 49th parallel, and that is the province's point."""
    ontario = next(c.entry for c in gaz.candidates("Ontario") if c.entry.feature == "ADM1")
    assert (ontario.lat, ontario.lon) == read_admin1_points()["CA.08"]
    assert ontario.lat > 49.0


def test_every_area_centre_belongs_to_a_geonames_province() -> None:
    codes = {code for code, *_ in read_geonames_codes("admin1CodesASCII.txt")}
    points = read_admin1_points()
    assert points and set(points) <= codes
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points.values())


def test_a_nation_of_the_united_kingdom_is_its_own_demonym_place(gaz: Gazetteer) -> None:
    """ "Welsh" is Wales and "English" England; both still give the United Kingdom as the context country."""
    wales, england = gaz.demonym_place("Welsh"), gaz.demonym_place("English")
    assert wales is not None and wales.name == "Wales" and wales.country == "GB"
    assert england is not None and england.name == "England" and gaz.demonym_country("Scots") == "GB"
    assert gaz.demonym_place("British") == gaz.country("GB")


def test_mountains_deserts_and_oceans_rank_as_regions(gaz: Gazetteer) -> None:
    """A desert or a range named with its article is the natural area, not a town that shares the name."""
    text = "Smugglers crossed the Sahara before the storm reached the Alps and the Atlantic."
    found = resolve(gaz, text, ["Sahara", "Alps", "Atlantic"])
    assert [found[name].entry.feature for name in ("Sahara", "Alps", "Atlantic")] == ["DSRT", "MTS", "OCN"]


def test_a_generic_term_after_the_name_says_its_kind(gaz: Gazetteer) -> None:
    """Only the name is the toponym; the word after it still says which place: Kandahar province is no
    city, and a state's part of the National Guard is the US state, not the country of the same name."""
    text = "Fighting spread across Kandahar province while the Georgia National Guard sent a team."
    found = resolve(gaz, text, ["Kandahar", "Georgia"])
    kandahar, georgia = found["Kandahar"].entry, found["Georgia"].entry
    assert kandahar is not None and (kandahar.feature, kandahar.country) == ("ADM1", "AF")
    assert georgia is not None and (georgia.feature, georgia.country) == ("ADM1", "US")


def test_the_sahel_region_stays_the_wider_area(gaz: Gazetteer) -> None:
    found = resolve(gaz, "Armed groups move freely across the Sahel region.", ["Sahel"])
    assert found["Sahel"].entry is not None and found["Sahel"].entry.feature == "REGION"


def test_an_unknown_name_falls_back_to_the_main_town_of_the_country_named_most(gaz: Gazetteer) -> None:
    """Liverpool is the town named most, but Egypt is the country named most: the unknown village lies
    near Cairo, not on the Mersey."""
    text = (
        "Fans in Liverpool cheered, and in Liverpool the club praised him. In Egypt, in Cairo, Egypt's "
        "press followed his village of Qaryat Zzyx."
    )
    found = resolve(gaz, text, ["Liverpool", "Liverpool", "Egypt", "Cairo", "Egypt", "Qaryat Zzyx"])
    village = found["Qaryat Zzyx"]
    assert village.entry is None and village.fallback is not None and village.fallback.name == "Cairo"


def test_with_no_town_the_fallback_is_the_place_named_most(gaz: Gazetteer) -> None:
    text = "Across Syria the drought hit farms; Syria's east and the hamlet of Qaryat Zzyx suffered most."
    found = resolve(gaz, text, ["Syria", "Syria", "Qaryat Zzyx"])
    village = found["Qaryat Zzyx"]
    assert (
        village.fallback is not None
        and village.fallback.feature == "PCLI"
        and village.fallback.country == "SY"
    )


def test_a_body_named_by_a_people_word_falls_back_to_its_country(gaz: Gazetteer) -> None:
    """The embassy is no place the gazetteer knows; the people-word opening its name gives its country as
    an approximate point, marked so that events do not count it as a mention of that country."""
    text = "Talks resumed at the Norwegian Embassy and later at the Council of Europe."
    found = resolve(gaz, text, ["Norwegian Embassy", "Council of Europe"])
    embassy, council = found["Norwegian Embassy"], found["Council of Europe"]
    assert embassy.entry is None and embassy.fallback is not None and embassy.fallback.country == "NO"
    assert embassy.fallback_by == "demonym"
    assert (
        council.fallback is not None and council.fallback.feature == "CONT" and council.fallback_by == "part"
    )
