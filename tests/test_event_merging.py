"""One incident, many mentions: later mentions and the acts told as parts of an incident join it (ACLED codes
one event by its main type), while incidents with their own place, date or acts stay apart. Each merged pair
has a must-stay-separate pair beside it."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event


def _types(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.sub_event_type) for e in events]


def _told_in(event: Event, words: str) -> bool:
    return any(words in span.text for span in event.evidence)


def test_weapons_seized_by_the_attackers_during_the_attack_are_part_of_it(extractor: Extractor) -> None:
    text = "Militants killed nine soldiers and seized weapons and ammunition in an attack on a base in Bama."
    events = extract_text(extractor, text).events
    assert _types(events) == [("Battles", "Armed clash")]


def test_a_bomb_defused_later_elsewhere_stays_its_own_event(extractor: Extractor) -> None:
    text = (
        "A car bomb exploded outside a hotel in Mogadishu on Friday, killing seven people, police said. "
        "The blast shattered windows along the avenue. Residents said ambulances arrived within minutes. "
        "Two hours later, a police bomb disposal team defused a second device found in a parked van near "
        "the port."
    )
    types = _types(extract_text(extractor, text).events)
    assert ("Explosions/Remote violence", "Remote explosive/landmine/IED") in types
    assert ("Strategic developments", "Disrupted weapons use") in types


def test_arrests_told_right_after_a_protest_end_it(extractor: Extractor) -> None:
    text = (
        "Hundreds of teachers gathered outside the education ministry in Harare on Thursday to demand "
        "their unpaid salaries. Riot police fired tear gas to push them back. Five people were arrested."
    )
    events = extract_text(extractor, text).events
    assert _types(events) == [("Protests", "Protest with intervention")]
    assert _told_in(events[0], "Five people were arrested")


def test_a_riot_keeps_its_type_when_police_break_it_up_and_arrest_people(extractor: Extractor) -> None:
    text = (
        "Youths burned tyres and threw stones at police in Nakuru on Tuesday over fuel prices. "
        "Police fired tear gas. Eleven people were arrested."
    )
    events = extract_text(extractor, text).events
    assert _types(events) == [("Riots", "Violent demonstration")]
    assert events[0].actor2 is not None and events[0].actor2.startswith("Police Forces")


def test_arrests_after_a_battle_are_not_folded_into_it(extractor: Extractor) -> None:
    text = (
        "Soldiers clashed with militants near Gao on Monday, killing four of them. "
        "Police arrested two men suspected of arms smuggling in Bamako on Wednesday."
    )
    types = {e.event_type for e in extract_text(extractor, text).events}
    assert types == {"Battles", "Strategic developments"}


def test_the_massacre_named_again_belongs_to_the_massacre_not_to_the_next_fight(extractor: Extractor) -> None:
    text = (
        "Gunmen killed 18 villagers in a hamlet near Djibo on Thursday, residents said. "
        "The massacre was followed on Saturday by clashes near Arbinda, where volunteer fighters battled "
        "militants for several hours."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 2
    killing = next(e for e in events if e.event_type == "Violence against civilians")
    assert _told_in(killing, "The massacre was followed")
    assert next(e for e in events if e.event_type == "Battles").date.start != killing.date.start


def test_a_recalled_attack_with_its_own_date_and_place_stays_apart(extractor: Extractor) -> None:
    text = (
        "Gunmen killed 18 villagers in a hamlet near Djibo on Thursday, residents said. "
        "Several houses near the market were hit by stray bullets. "
        "In June 2021, gunmen killed at least 130 people in Solhan, a mining village."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 2
    recalled = next(e for e in events if _told_in(e, "Solhan"))
    assert recalled.date.start == "2021-06-01"
    assert not _told_in(recalled, "stray bullets")


def test_a_plain_attack_that_a_bomb_carried_out_is_an_explosion(extractor: Extractor) -> None:
    text = (
        "Two assailants attacked the gate of a police academy in Quetta on Sunday. "
        "One detonated an explosive vest at the entrance and guards shot the other."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].event_type == "Explosions/Remote violence"


def test_an_attack_without_explosives_stays_an_attack(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a minibus carrying farm workers near Quetta on Sunday, killing five passengers. "
        "They fled into the hills, police said."
    )
    types = _types(extract_text(extractor, text).events)
    assert types == [("Violence against civilians", "Attack")]


def test_fighting_no_one_is_said_to_do_is_the_setting_of_the_shelling(extractor: Extractor) -> None:
    text = (
        "Rockets fired by the paramilitary Rapid Support Forces hit a crowded bus station in Omdurman on "
        "Tuesday, killing at least nine people, medics said, as fighting for the city grew heavier."
    )
    events = extract_text(extractor, text).events
    assert _types(events) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_a_separate_incident_in_another_town_is_kept(extractor: Extractor) -> None:
    text = (
        "Rockets fired by the paramilitary Rapid Support Forces hit a crowded bus station in Omdurman on "
        "Tuesday, killing at least nine people, medics said. In a separate incident, army jets bombed a "
        "market in Nyala on Wednesday, killing four civilians."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_nearness_counts_from_the_latest_mention_of_the_incident(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on worshippers leaving a mosque in Kano on Friday, killing three men. "
        "The shooting lasted several minutes, the imam said. "
        "Police have cordoned off the street. "
        "Several shops nearby were hit by stray bullets, a trader said."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert _told_in(events[0], "stray bullets")


def test_a_raid_with_rapes_is_not_part_of_a_shelling_by_the_same_side(extractor: Extractor) -> None:
    text = (
        "Shells fired by the Rapid Support Forces struck a market in El Fasher on Sunday, killing 11 people. "
        "A charity said on Monday that militiamen who stormed a camp outside El Fasher last week had raped "
        "four women."
    )
    events = extract_text(extractor, text).events
    assert _types(events) == [
        ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ("Violence against civilians", "Sexual violence"),
    ]
    assert not _told_in(events[0], "raped")


BASE_ATTACK = (
    "Nigerian troops repelled an attack by Boko Haram fighters on a base in Monguno on Sunday. "
    "Residents said the shooting lasted hours. "
)


def test_a_claim_dated_by_its_telling_restates_the_attack(extractor: Extractor) -> None:
    text = BASE_ATTACK + "In a video released on Monday, Boko Haram said its fighters had killed 14 soldiers."
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].date.start == "2024-05-05"  # Sunday, the attack's day, not Monday's statement
    assert _told_in(events[0], "had killed 14 soldiers")


def test_a_claim_of_an_ambush_on_another_day_stays_apart(extractor: Extractor) -> None:
    text = (
        BASE_ATTACK
        + "In a video released on Monday, Boko Haram said its fighters had killed 14 soldiers in an "
        + "ambush on Friday."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_an_undated_claim_by_the_named_bomber_joins_the_bombing(extractor: Extractor) -> None:
    text = (
        "A bomb tore through a minibus in western Kabul on Monday, killing six passengers, police said. "
        "Ambulances took the wounded to hospital. Shops in the area closed early. "
        "Islamic State Khorasan Province claimed the bombing, saying it had targeted Shiites."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert _told_in(events[0], "claimed the bombing")


def test_an_undated_report_of_another_group_far_from_the_bombing_stays_apart(extractor: Extractor) -> None:
    text = (
        "A bomb tore through a minibus in western Kabul on Monday, killing six passengers, police said. "
        "Ambulances took the wounded to hospital. Shops in the area closed early. "
        "Taliban fighters shot dead two men at a checkpoint in Herat, officials said."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_a_district_inside_the_province_of_the_lead_is_the_same_place(extractor: Extractor) -> None:
    text = (
        "Insurgents killed five villagers in a raid on a village in Mozambique's Cabo Delgado province on "
        'Friday. "They came at dawn and killed the men," the administrator of Macomia district said.'
    )
    assert len(extract_text(extractor, text).events) == 1


def test_killings_in_two_districts_stay_apart(extractor: Extractor) -> None:
    text = (
        "Insurgents killed five villagers in Macomia district on Friday. "
        "Militants also killed three fishermen in Muidumbe district, the administrator said."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_shots_in_the_air_right_after_a_protest_are_its_intervention(extractor: Extractor) -> None:
    text = (
        "A few dozen women gathered outside the governor's office in Herat on Tuesday to demand the right to "
        "work. Taliban guards fired shots into the air and drove the women off, a witness said."
    )
    events = extract_text(extractor, text).events
    assert _types(events) == [("Protests", "Protest with intervention")]


def test_a_withdrawal_and_the_other_side_taking_the_place_are_one_change_of_hands(
    extractor: Extractor,
) -> None:
    text = (
        "Kyiv's general staff said its soldiers had pulled out of the village of Berdychi under constant "
        "attack. Moscow's defence ministry said on Sunday that Russian units had taken the village."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].event_type == "Battles"


def test_a_withdrawal_and_a_town_taken_elsewhere_on_its_own_day_stay_apart(extractor: Extractor) -> None:
    text = (
        "Kyiv's general staff said its soldiers had pulled out of the village of Berdychi under constant "
        "attack. Moscow's defence ministry said Russian units had taken the town of Ocheretyne on Friday."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_a_report_with_its_own_place_and_date_does_not_join_an_unplaced_undated_one(
    extractor: Extractor,
) -> None:
    text = (
        "The gang has laid mines on farm tracks as it battles rivals for control of the valley. "
        "In Sonora, gunmen broke into a home in Hermosillo on Monday and killed a shopkeeper, "
        "prosecutors said."
    )
    events = extract_text(extractor, text).events
    shooting = next(e for e in events if _told_in(e, "Hermosillo"))
    assert not _told_in(shooting, "laid mines")


def test_details_told_after_a_placed_and_dated_lead_still_join_it(extractor: Extractor) -> None:
    text = (
        "Gunmen killed a family in a house in Culiacan on Monday, police said. "
        "The attackers fired more than 40 rounds at the house, a neighbour said."
    )
    assert len(extract_text(extractor, text).events) == 1


def test_the_dead_of_both_sides_told_in_one_sentence_add_up(extractor: Extractor) -> None:
    text = (
        "Militants attacked an army post near Bama on Sunday, killing three soldiers, and troops killed "
        "eight of the attackers, the army said."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].fatalities is not None and events[0].fatalities.best == 11


def test_two_sources_with_different_tolls_give_the_lower_and_keep_the_higher(extractor: Extractor) -> None:
    text = (
        "Gunmen killed 12 villagers in Zamfara on Sunday, police said. "
        "Residents said the gunmen killed 20 people."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    toll = events[0].fatalities
    assert toll is not None and (toll.best, toll.low, toll.high) == (12, 12, 20)


def test_two_sources_with_the_same_toll_do_not_add_up(extractor: Extractor) -> None:
    text = (
        "Gunmen killed 12 villagers in Zamfara on Sunday, police said. "
        "Residents said the gunmen had killed 12 people."
    )
    toll = extract_text(extractor, text).events[0].fatalities
    assert toll is not None and toll.best == 12


def test_a_sentence_that_turns_elsewhere_starts_another_incident(extractor: Extractor) -> None:
    text = (
        "Gunmen killed four farmers near Jos on Sunday, police said. "
        "Elsewhere, gunmen killed two traders on a highway."
    )
    tolls = sorted(e.fatalities.best for e in extract_text(extractor, text).events if e.fatalities)
    assert tolls == [2, 4]


def test_a_sentence_without_such_a_turn_still_adds_to_the_incident(extractor: Extractor) -> None:
    text = (
        "Gunmen killed four farmers near Jos on Sunday, police said. "
        "The gunmen also burned two houses, a resident said."
    )
    assert len(extract_text(extractor, text).events) == 1


def test_a_definite_noun_with_its_own_month_and_town_is_another_incident(extractor: Extractor) -> None:
    text = (
        "Gunmen killed five worshippers at a mosque in Kano on Friday, police said. "
        "The March bombing of a church in Kaduna was carried out by the same group, officials said."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 2
    assert _types(events)[0] == ("Violence against civilians", "Attack")


def test_a_definite_noun_without_them_refers_back(extractor: Extractor) -> None:
    text = (
        "A bomb exploded outside a church in Kaduna on Sunday, killing three people, police said. "
        "Church leaders met the governor on Monday. The bombing was carried out by a local cell, "
        "officials said."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert _told_in(events[0], "The bombing was carried out")


def test_a_march_whose_crowd_then_throws_stones_is_one_riot(extractor: Extractor) -> None:
    text = (
        "Thousands of people marched through Lagos on Friday to protest against fuel prices. "
        "Some protesters threw stones at police and set a bus on fire."
    )
    events = extract_text(extractor, text).events
    assert _types(events) == [("Riots", "Violent demonstration")]
    assert events[0].actor2 is not None and events[0].actor2.startswith("Police Forces")


def test_stones_thrown_in_another_city_two_days_later_are_another_riot(extractor: Extractor) -> None:
    text = (
        "Thousands of people marched through Lagos on Friday to protest against fuel prices. "
        "Shops along the route stayed open. "
        "On Sunday, youths in Kano threw stones at police and set a bus on fire."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_a_reference_does_not_lend_the_incident_the_date_of_what_followed(extractor: Extractor) -> None:
    text = (
        "Gunmen killed 18 villagers in a hamlet near Djibo, residents said. "
        "The massacre was followed on Saturday by clashes near Arbinda, where volunteer fighters battled "
        "militants for hours."
    )
    events = extract_text(extractor, text).events
    killing = next(e for e in events if e.event_type == "Violence against civilians")
    clash = next(e for e in events if e.event_type == "Battles")
    assert _told_in(killing, "The massacre was followed")
    assert killing.date.start != clash.date.start


def test_houses_torched_by_the_attackers_are_part_of_the_raid(extractor: Extractor) -> None:
    text = (
        "Suspected ADF rebels killed 20 villagers in an overnight raid in Beni territory, a local official "
        "said on Tuesday. The attackers also torched houses and looted shops."
    )
    assert _types(extract_text(extractor, text).events) == [("Violence against civilians", "Attack")]


def test_houses_burned_the_next_day_in_another_village_are_their_own_event(extractor: Extractor) -> None:
    text = (
        "Insurgents killed four villagers in a raid on Mucojo on Friday. "
        "On Saturday, a day later, the same insurgents burned some 30 homes in Chai."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_police_arrests_right_after_a_lynching_are_part_of_it(extractor: Extractor) -> None:
    text = "A mob lynched a man accused of blasphemy in Sialkot on Sunday. Police arrested ten people."
    assert _types(extract_text(extractor, text).events) == [("Riots", "Mob violence")]


def test_arrests_days_later_in_another_city_are_not_part_of_the_lynching(extractor: Extractor) -> None:
    text = (
        "A mob lynched a man accused of blasphemy in Sialkot on Sunday. "
        "On Wednesday, police arrested two suspects in Lahore."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_a_toll_for_the_province_and_another_for_a_town_in_it_are_two_incidents(extractor: Extractor) -> None:
    text = (
        "Gunmen killed five people in Borno State on Monday. "
        "Gunmen killed three farmers in Maiduguri, residents said."
    )
    tolls = sorted(e.fatalities.best for e in extract_text(extractor, text).events if e.fatalities)
    assert tolls == [3, 5]


def test_a_statement_set_apart_by_separately_still_tells_the_strike(extractor: Extractor) -> None:
    text = (
        "Kurdish officials said a Turkish drone hit a pickup near Kobani on Tuesday, killing three fighters. "
        "Ankara's defence ministry said separately that its forces had neutralised militants there."
    )
    assert len(extract_text(extractor, text).events) == 1


def test_an_incident_set_apart_by_separately_is_another(extractor: Extractor) -> None:
    text = (
        "Gunmen killed four farmers near Jos on Sunday, police said. "
        "Separately, gunmen killed two traders on a highway."
    )
    assert len(extract_text(extractor, text).events) == 2


MENAKA_STRIKE = (
    "Malian army drones struck a market near Menaka on Sunday, killing nine herders, local officials said. "
    "Residents buried the dead on Monday. Families have demanded an inquiry. "
)


def test_the_doers_own_undated_account_is_its_version_of_the_strike(extractor: Extractor) -> None:
    text = MENAKA_STRIKE + (
        "The army said in a statement that an air operation in the Menaka area had neutralised terrorists."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert _told_in(events[0], "neutralised terrorists")


def test_the_doers_account_of_arrests_is_not_the_strike(extractor: Extractor) -> None:
    text = MENAKA_STRIKE + (
        "The army said in a statement that its troops had arrested five suspects in the Menaka area."
    )
    assert len(extract_text(extractor, text).events) == 2


def test_a_sentence_that_only_says_where_the_incident_was_places_it(extractor: Extractor) -> None:
    text = (
        "A suicide bomber drove a car into a police checkpoint in northwest Pakistan on Thursday, killing"
        " nine officers. The attack took place in the Bannu district of Khyber Pakhtunkhwa province, police"
        " said."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1 and events[0].location is not None
    assert events[0].location.name == "Bannu District"


def test_a_place_outside_the_one_told_does_not_move_the_incident(extractor: Extractor) -> None:
    text = "Gunmen attacked a church in Kaduna on Sunday. The attack took place in Lagos, police said."
    events = extract_text(extractor, text).events
    assert events and events[0].location is not None and events[0].location.name == "Kaduna"
