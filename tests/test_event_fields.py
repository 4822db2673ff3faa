"""The fields of an event (where, when, how many dead, who) as ACLED's notes and wire leads state them."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event, Result


def _first(result: Result) -> Event:
    assert result.events, "no event extracted"
    return min(result.events, key=lambda e: min(s.start for s in e.evidence))


# --- where: a town followed by its district and province in brackets ---------------------------------


def test_town_with_its_province_in_brackets_is_placed(extractor: Extractor) -> None:
    text = "On 4 March 2022, Russian troops shot two cyclists in Bucha (Kyiv) during the occupation."
    location = _first(extract_text(extractor, text)).location
    assert location.country == "UA"
    assert location.name == "Bucha"


def test_bracketed_province_after_a_capital_does_not_hide_the_place(extractor: Extractor) -> None:
    text = "On 8 June 2023, gendarmes detained a trade unionist in Bamako (Bamako) for insulting the army."
    assert _first(extract_text(extractor, text)).location.country == "ML"


# --- how many dead: the count line of a note ---------------------------------------------------------


def test_note_count_line_without_a_verb_gives_the_fatalities(extractor: Extractor) -> None:
    text = "On 2 June 2021, army troops retook Kafr Nabl (Idleb) from rebel factions. 11 fatalities."
    event = _first(extract_text(extractor, text))
    assert event.fatalities.best == 11


def test_reported_fatalities_line_gives_the_fatalities(extractor: Extractor) -> None:
    text = "On 7 May 2020, two militias fought with rifles near Bama (Borno). At least 5 fatalities reported."
    assert _first(extract_text(extractor, text)).fatalities.best == 5


def test_counted_dead_without_a_killer_are_the_toll_not_a_new_attack(extractor: Extractor) -> None:
    text = (
        "On 9 April 2023, Russian forces shelled Orikhiv (Zaporizhzhia) with artillery. 4 civilians killed."
    )
    result = extract_text(extractor, text)
    assert len(result.events) == 1
    assert result.events[0].fatalities.best == 4


def test_stated_killer_with_counted_subject_still_makes_an_incident(extractor: Extractor) -> None:
    text = (
        "Police dispersed a crowd in the capital on Monday. Three gunmen killed a shopkeeper in the market."
    )
    result = extract_text(extractor, text)
    assert any(e.fatalities.best == 1 and e.actor1 for e in result.events)


# --- who: ACLED's crowd actors ------------------------------------------------------------------------


def test_force_used_at_a_rally_leaves_the_protesters_first(extractor: Extractor) -> None:
    text = "On 12 March 2022, police detained 40 people at a banned rally in Minsk (Minsk). [size=hundreds]"
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Protests"
    assert (event.actor1 or "").startswith("Protesters")
    assert (event.actor2 or "").startswith("Police Forces")


def test_party_holding_a_protest_is_the_protesters_associate(extractor: Extractor) -> None:
    text = "On 6 May 2024, members of the Awami League held a rally in Dhaka (Dhaka) to demand new elections."
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Protesters (Bangladesh)"
    assert "Awami League" in event.assoc_actor1


def test_force_acting_on_a_crowd_described_as_protesting_is_actor2(extractor: Extractor) -> None:
    text = "Police used water cannon to scatter dozens of nurses protesting over pay in Accra on Monday."
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Protests"
    assert event.actor1 == "Protesters (Ghana)"
    assert (event.actor2 or "").startswith("Police Forces of Ghana")


def test_a_sit_in_stormed_with_killings_is_excessive_force(extractor: Extractor) -> None:
    text = (
        "Militiamen stormed a sit-in outside the governor's office in Juba on Monday, killing seven people."
    )
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Excessive force against protesters"


def test_arrests_said_not_to_have_happened_leave_a_protest_peaceful(extractor: Extractor) -> None:
    for text in (
        "Farmers marched through Lusaka on Tuesday against seed prices and no arrests were reported.",
        "Farmers marched through Lusaka on Tuesday against seed prices without any arrests.",
    ):
        assert _first(extract_text(extractor, text)).sub_event_type == "Peaceful protest"


def test_arrests_of_the_crowd_in_the_next_sentence_are_the_protest_outcome(extractor: Extractor) -> None:
    text = "Nurses protested over unpaid wages in Kisumu on Tuesday. Police detained twelve of them."
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]
    assert (events[0].actor2 or "").startswith("Police Forces of Kenya")


def test_unrelated_arrests_after_a_protest_stay_apart(extractor: Extractor) -> None:
    text = (
        "Nurses protested over unpaid wages in Kisumu on Tuesday. "
        "In Mombasa, police detained two robbery suspects."
    )
    types = [e.sub_event_type for e in extract_text(extractor, text).events]
    assert types == ["Peaceful protest", "Arrests"]


def test_a_civilian_office_holder_attacked_is_a_civilian(extractor: Extractor) -> None:
    for text in (
        "Gunmen shot dead the mayor of Chilapa on Sunday, state prosecutors said.",
        "Unknown attackers killed a provincial governor in Ghazni on Monday.",
    ):
        event = _first(extract_text(extractor, text))
        assert event.sub_event_type == "Attack"
        assert event.inter2 == 7 and (event.actor2 or "").startswith("Civilians")


def test_soldiers_who_protest_are_protesters_with_their_force_as_associate(extractor: Extractor) -> None:
    text = "Dozens of police officers held a sit-in over unpaid allowances in Niamey on Monday."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Peaceful protest"
    assert event.actor1 == "Protesters (Niger)"
    assert any(name.startswith("Police Forces of Niger") for name in event.assoc_actor1)


def test_crowd_in_a_riot_is_named_rioters(extractor: Extractor) -> None:
    text = "On 1 July 2022, a crowd set fire to a police post in Butembo (North Kivu) and beat two officers."
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Riots"
    assert (event.actor1 or "").startswith("Rioters")


def test_who_fired_a_chemical_munition_is_actor1(extractor: Extractor) -> None:
    text = "On 4 June 2024, Russian troops fired chemical munitions at Ukrainian trenches near Kupiansk."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Chemical weapon"
    assert event.actor1 == "Military Forces of Russia"


def test_who_dropped_munitions_holding_a_gas_is_actor1(extractor: Extractor) -> None:
    text = "Russian soldiers dropped grenades containing chloropicrin on a dugout near Toretsk on Friday."
    assert _first(extract_text(extractor, text)).actor1 == "Military Forces of Russia"


def test_parties_agreeing_to_a_truce_are_both_sides(extractor: Extractor) -> None:
    text = "Israel and Hezbollah agreed to a ten-day truce along the border, mediators said on Tuesday."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Agreement"
    assert event.actor1 is not None and event.actor2 is not None


def test_air_defence_that_intercepts_drones_is_the_state(extractor: Extractor) -> None:
    text = (
        "On 2 May 2024, Ukrainian air defence shot down 9 drones over Odesa (Odesa). No damage was reported."
    )
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Military Forces of Ukraine"


def test_who_dropped_canisters_of_a_choking_agent_is_actor1(extractor: Extractor) -> None:
    text = "Russian troops dropped canisters of chloropicrin on a trench near Chasiv Yar, officials said."
    assert _first(extract_text(extractor, text)).actor1 == "Military Forces of Russia"


def test_who_drove_out_the_rebels_before_entering_is_actor1(extractor: Extractor) -> None:
    text = "On 3 May 2020, Syrian government forces entered Kafr Zita (Hama) after driving out HTS fighters."
    assert _first(extract_text(extractor, text)).actor1 == "Military Forces of Syria"


def test_who_subjected_people_to_abuse_is_actor1(extractor: Extractor) -> None:
    text = "On 9 June 2024, gang members subjected 4 girls to sexual violence in Croix-des-Bouquets (Ouest)."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Sexual violence"
    assert event.actor1 is not None


def test_toll_after_a_line_naming_the_suspects_counts_for_the_incident(extractor: Extractor) -> None:
    text = "On 2 July 2021, a suicide bomber struck a mosque in Gwoza (Borno). ISWAP suspected. 6 fatalities."
    assert _first(extract_text(extractor, text)).fatalities.best == 6


def test_note_total_replaces_a_smaller_count_from_the_lead(extractor: Extractor) -> None:
    text = "On 5 May 2020, an air strike killed a commander and his guards near Sirte (Sirte). 7 fatalities."
    assert _first(extract_text(extractor, text)).fatalities.best == 7


# --- when and how many: ranges of days and years beside counts ----------------------------------------


def test_range_of_days_opening_a_note_gives_start_and_end(extractor: Extractor) -> None:
    text = "Between 7 and 9 April 2023, Fano militiamen raided villages near Lalibela (North Wollo, Amhara)."
    date_range = _first(extract_text(extractor, text)).date
    assert (date_range.start, date_range.end, date_range.precision) == ("2023-04-07", "2023-04-09", 2)


def test_year_of_a_date_before_killed_is_no_death_toll(extractor: Extractor) -> None:
    text = "An ambush on 8 May 2022 killed 6 gendarmes near Kaya, the army said."
    assert _first(extract_text(extractor, text)).fatalities.best == 6


def test_one_force_read_as_both_sides_leaves_the_protesters_first(extractor: Extractor) -> None:
    text = (
        "Kenyan riot police arrested scores of people at a march in Nairobi on Tuesday, "
        "and fired water cannon to scatter the crowd."
    )
    event = _first(extract_text(extractor, text))
    assert event.actor1 != event.actor2
