"""Event typing read from the fifth development set (dev5): fire traded and gunfire between sides, mutilation
and slashing, charges set off and bombs thrown by hand, symptoms of poisoning, overflights and warning shots,
kettling and baton charges, commemorations broken up, courts and police stations set up, contractors hired,
captives handed to mediators, soldiers who take over an administration, and the words that must stay no such
event. Sentences written for these tests from the ACLED codebook's definitions."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


def _first_type(extractor: Extractor, text: str) -> str | None:
    events = extract_text(extractor, text).events
    return min(events, key=lambda e: min(s.start for s in e.evidence)).sub_event_type if events else None


# --- battles: fire traded, gunfire between two sides, sides that engage each other --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 May 2022, Indian and Pakistani troops traded artillery fire across the frontier.",
            "Shelling/artillery/missile attack",
        ),
        (
            "On 9 June 2021, soldiers and ELN guerrillas traded gunfire for an hour outside Tame (Arauca).",
            "Armed clash",
        ),
        (
            "Intense gunfire erupted between Wagner fighters and rebels near Bambari on Friday.",
            "Armed clash",
        ),
        (
            "On 1 April 2024, Al Shabaab and Somali troops engaged each other near Bulo Burde (Hiraan).",
            "Armed clash",
        ),
    ],
)
def test_fire_traded_or_exchanged_between_sides(extractor: Extractor, text: str, expected: str) -> None:
    assert _first_type(extractor, text) == expected


def test_goods_traded_are_no_fight(extractor: Extractor) -> None:
    assert _first_type(extractor, "Merchants in Gao traded grain and salt with herders on Monday.") is None


# --- violence against civilians: mutilation and slashing ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels cut off the ears of two traders near Bamenda on Sunday for defying a curfew, residents said.",
        "On 4 March 2025, an assailant slashed a shopkeeper with a machete in Kisumu (Kisumu).",
    ],
)
def test_mutilating_or_slashing_people_is_an_attack(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Attack"


def test_supplies_cut_off_are_no_attack(extractor: Extractor) -> None:
    text = "The government cut off fuel supplies to the northern provinces on Monday, officials said."
    assert _first_type(extractor, text) is None


# --- explosions: a charge set off by its carrier, bombs thrown by hand, vehicle bombs driven in ------------


def test_a_bomber_who_triggers_his_vest_is_a_suicide_bomb(extractor: Extractor) -> None:
    text = "On 2 July 2020, an IS militant triggered his explosive vest at a checkpoint in Tikrit."
    assert _first_type(extractor, text) == "Suicide bomb"


def test_protests_triggered_are_no_blast(extractor: Extractor) -> None:
    text = "The fuel price rise triggered anger among traders in Kano on Monday, a union leader said."
    assert _first_type(extractor, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "On 5 April 2021, party workers hurled crude bombs at a rival candidate's office in Howrah.",
        "Gang members tossed an explosive device at a bar in Cuernavaca (Morelos) on 2 May 2022. 2 injured.",
    ],
)
def test_bombs_thrown_by_hand_are_grenade_attacks(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Grenade"


def test_a_petrol_bomb_thrown_is_no_grenade(extractor: Extractor) -> None:
    text = "On 5 April 2021, youths threw petrol bombs at a police post in Derry (Northern Ireland)."
    assert _first_type(extractor, text) == "Violent demonstration"  # a riot against the police


def test_a_vehicle_borne_bomb_driven_into_a_gate_is_a_suicide_bomb(extractor: Extractor) -> None:
    text = "On 3 March 2023, Al Shabaab fighters drove a vehicle-borne explosive device into an army base."
    assert _first_type(extractor, text) == "Suicide bomb"


# --- chemical weapons: munitions carrying an agent, symptoms of poisoning ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2024, Russian troops used grenades containing a toxic irritant against Ukrainian "
        "positions near Robotyne (Zaporizhia).",
        "Army helicopters bombed rebel trenches near Hpakant on 2 June 2023; the rebels reported "
        "vomiting and dizziness afterwards.",
    ],
)
def test_toxic_munitions_or_poisoning_symptoms_are_chemical(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Chemical weapon"


# --- protests met with force: kettling, baton charges, removal, a march ended, counter-protesters ----------


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2023, police kettled climate activists marching in London and held them for hours.",
        "On 6 May 2022, teachers demanding unpaid salaries were baton-charged by police in Lahore (Punjab).",
        "On 8 June 2021, police removed villagers who were blocking a mining road near Tete (Tete).",
        "On 1 July 2023, activists marched in Tbilisi against a foreign agents bill, and riot police "
        "ended the rally.",
        "On 2 June 2024, counter-protesters pushed and insulted women marching for equal pay in Skopje.",
    ],
)
def test_protests_kettled_charged_removed_or_ended_are_met_with_intervention(
    extractor: Extractor, text: str
) -> None:
    assert _first_type(extractor, text) == "Protest with intervention"


def test_people_laying_flowers_detained_are_a_protest_met_with_arrests(extractor: Extractor) -> None:
    text = "On 3 March 2024, police in Samara detained 12 students laying flowers in memory of a dissident."
    assert _first_type(extractor, text) == "Protest with intervention"


def test_an_official_laying_flowers_is_no_protest(extractor: Extractor) -> None:
    text = "On 9 May 2024, the president laid flowers at the war memorial in Minsk."
    assert _first_type(extractor, text) is None


# --- strategic developments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 7 May 2023, Turkish fighter jets flew in formation near the Syrian border, a monitor said.",
            "Other",
        ),
        (
            "On 4 June 2022, navy sailors fired warning shots at a fishing boat that entered Korean waters.",
            "Other",
        ),
        (
            "On 9 April 2024, Hayat Tahrir al-Sham installed a sharia court in Kafr Takharim (Idlib).",
            "Headquarters or base established",
        ),
        (
            "On 2 April 2022, Police Forces of Nigeria inaugurated a police station in Damboa (Borno).",
            "Headquarters or base established",
        ),
        (
            "On 5 March 2024, the junta signed a contract with a Russian private security company to protect "
            "gold mines, local sources said.",
            "Change to group/activity",
        ),
        (
            "On Friday a Shan militia was formally placed under the command of the army.",
            "Change to group/activity",
        ),
        (
            "On 5 June 2024, the army redeployed several thousand soldiers from the capital to the northern "
            "border.",
            "Change to group/activity",
        ),
        (
            "On 8 May 2023, ISWAP handed over four aid workers it had held for a month to a humanitarian "
            "commission, officials said.",
            "Agreement",
        ),
        (
            "Two rival clans in Galkayo agreed on Sunday to stop fighting over grazing land, elders said.",
            "Agreement",
        ),
        (
            "On 6 August 2023, soldiers detained a provincial governor and took over the administration "
            "of Agadez; no shots were fired.",
            "Other",
        ),
    ],
)
def test_less_obvious_strategic_developments(extractor: Extractor, text: str, expected: str) -> None:
    assert _first_type(extractor, text) == expected


def test_a_contract_for_a_road_is_no_change_to_a_group(extractor: Extractor) -> None:
    text = "On 5 March 2024, the ministry signed a contract with a Chinese company to build a road."
    assert _first_type(extractor, text) is None


# --- territory ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 4 July 2024, the Myanmar army reoccupied Hpasawng town (Kayah) after heavy fighting.",
            "Government regains territory",
        ),
        (
            "On 6 June 2023, Somali troops drove Al Shabaab fighters from two villages near Bulo Burde.",
            "Government regains territory",
        ),
        (
            "On 3 May 2025, the army overran an ISWAP encampment near Malam Fatori (Borno) after a gunfight.",
            "Government regains territory",
        ),
        (
            "On 2 February 2025, M23 gained Nyabibwe (Kalehe, South Kivu) after fighting FARDC soldiers.",
            "Non-state actor overtakes territory",
        ),
        (
            "On Monday Taliban fighters took charge of Khas Uruzgan district after a militia handed it over.",
            "Non-violent transfer of territory",
        ),
        (
            "Rebels entered the town of Mindat after soldiers left; according to residents no shots "
            "were fired.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_territory_taken_retaken_or_handed_over(extractor: Extractor, text: str, expected: str) -> None:
    assert _first_type(extractor, text) == expected


def test_a_detention_occupiers_do_not_acknowledge_is_a_disappearance(extractor: Extractor) -> None:
    text = (
        "On 4 May 2023, Russian forces detained a priest in Melitopol (Zaporizhia). The occupation "
        "authorities have not acknowledged holding him."
    )
    assert _first_type(extractor, text) == "Abduction/forced disappearance"


# --- typing by who acted: looters, militias throwing stones, a simple past read as a modifier ---------------


def test_looters_emptying_shops_loot(extractor: Extractor) -> None:
    text = "Looters emptied warehouses in a Khartoum suburb on Monday after the army withdrew."
    assert _first_type(extractor, text) == "Looting/property destruction"


def test_a_mob_torching_shops_is_still_mob_violence(extractor: Extractor) -> None:
    text = "On 4 May 2022, a mob torched three shops in Kaduna (Kaduna) after a dispute over a debt."
    assert _first_type(extractor, text) == "Mob violence"


def test_settlers_stoning_farmers_attack_civilians(extractor: Extractor) -> None:
    text = "On 2 November 2023, Israeli settlers threw stones at Palestinian shepherds near Sinjil."
    assert _first_type(extractor, text) == "Attack"


def test_demonstrators_stoning_police_still_riot(extractor: Extractor) -> None:
    text = "On 2 November 2023, students protesting fee rises threw stones at police in Nairobi (Nairobi)."
    assert _first_type(extractor, text) == "Violent demonstration"


def test_a_weapon_of_a_past_tense_read_as_a_modifier_types_the_attack(extractor: Extractor) -> None:
    text = (
        "On 3 June 2021, Military Forces of India (2014-) targeted Pakistani posts near Kotli (Azad Kashmir) "
        "with mortars."
    )
    assert _first_type(extractor, text) == "Shelling/artillery/missile attack"


# --- finds and departures ----------------------------------------------------------------------------------


def test_bodies_found_with_their_killers_unknown_are_other(extractor: Extractor) -> None:
    text = (
        "Police found the bodies of four herders in a ditch near Djibo on Sunday but did not say who "
        "had killed them."
    )
    assert _first_type(extractor, text) == "Other"


def test_killers_named_in_a_relative_clause_still_killed(extractor: Extractor) -> None:
    text = "On 5 May 2022, gunmen, who killed four traders near Zaria (Kaduna), escaped on motorbikes."
    assert _first_type(extractor, text) == "Attack"


def test_a_gang_leaving_an_area_hands_it_over(extractor: Extractor) -> None:
    text = "On 3 August 2023, members of the 400 Mawozo gang left the Croix-des-Bouquets area quietly."
    assert _first_type(extractor, text) == "Non-violent transfer of territory"


def test_residents_leaving_a_town_hand_nothing_over(extractor: Extractor) -> None:
    text = "On 3 August 2023, residents left the town of Bria for the capital."
    assert _first_type(extractor, text) is None


def test_a_place_whose_province_has_a_particle_is_a_place(extractor: Extractor) -> None:
    text = "On 2 March 2024, JNIM entered Solenzo (Banwa, Boucle du Mouhoun) unopposed."
    assert _first_type(extractor, text) == "Non-violent transfer of territory"


# --- a crowd's demand read as the sentence's verb ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2024, traders demanding lower market fees attacked the town hall in Bouake (Gbeke).",
        "On 9 June 2023, Rioters (Kenya) demanding the release of a detained MP looted shops in Kisumu.",
    ],
)
def test_a_crowd_demanding_something_did_what_follows(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Violent demonstration"


# --- crowds punishing suspects --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 3 August 2021, a mob set upon a woman accused of witchcraft in Kilifi (Kilifi).",
        "On 2 May 2023, vigilantes beat two men suspected of stealing a motorbike in Gulu (Gulu).",
    ],
)
def test_a_mob_or_vigilantes_punishing_suspects_is_mob_violence(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Mob violence"


def test_vigilantes_beating_people_who_refused_a_levy_attack_them(extractor: Extractor) -> None:
    text = "On 2 May 2023, vigilantes beat two men who refused to pay a levy in Gulu (Gulu)."
    assert _first_type(extractor, text) == "Attack"


# --- words of violence in their everyday senses ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The finance ministry slashed fuel subsidies by half on Monday.",
        "Hail pelted the town of Gao on Monday.",
        "The new commander took charge of operations in the district on Monday.",
        "Doctors amputated the leg of a boy in Gaza on Monday.",
    ],
)
def test_everyday_senses_are_no_events(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) is None


def test_jets_violating_airspace_show_force(extractor: Extractor) -> None:
    text = "Two Russian fighter jets violated Finnish airspace on Friday, the defence ministry said."
    assert _first_type(extractor, text) == "Other"


def test_aircraft_entering_an_air_defence_zone_show_force(extractor: Extractor) -> None:
    text = "On 4 March 2024, Chinese military aircraft entered Taiwan's air defence identification zone."
    assert _first_type(extractor, text) == "Other"


def test_a_campaign_to_recruit_fighters_changes_the_group(extractor: Extractor) -> None:
    text = "On 3 March 2024, the Burkinabe army launched a campaign to recruit 5,000 VDP auxiliaries."
    assert _first_type(extractor, text) == "Change to group/activity"


def test_a_depot_blast_under_investigation_is_other(extractor: Extractor) -> None:
    text = "On 6 June 2024, an explosion hit an army depot in Tambov; its cause is under investigation."
    assert _first_type(extractor, text) == "Other"


def test_foreign_contractors_arriving_change_the_group(extractor: Extractor) -> None:
    text = "On 1 June 2023, Wagner contractors arrived in Bangui to train the national army, sources said."
    assert _first_type(extractor, text) == "Change to group/activity"


def test_reinforcements_arriving_are_no_change_to_a_group(extractor: Extractor) -> None:
    text = "On 1 June 2023, a few police reinforcements arrived in Bangui, a spokesman said."
    assert _first_type(extractor, text) is None


# --- crowds against the state, protests disrupted, airspace crossed ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 4 March 2023, angry motorcycle taxi riders attacked a police post in Lagos after an officer shot "
        "a colleague.",
        "On 4 March 2023, villagers angry over a killing by officers attacked a police station in Kogi.",
    ],
)
def test_a_crowd_attacking_the_police_riots(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Violent demonstration"


def test_a_crowd_attacking_a_settlement_is_a_mob(extractor: Extractor) -> None:
    text = "On 4 March 2023, villagers attacked a Fulani settlement in Kogi, killing 4."
    assert _first_type(extractor, text) == "Mob violence"


def test_a_sit_in_disrupted_by_rivals_is_met_with_intervention(extractor: Extractor) -> None:
    text = "On 4 March 2023, pro-government supporters disrupted a sit-in by opposition activists in Lome."
    assert _first_type(extractor, text) == "Protest with intervention"


def test_a_drone_crossing_into_airspace_shows_force(extractor: Extractor) -> None:
    text = "On 4 March 2023, a North Korean drone crossed into South Korean airspace and returned north."
    assert _first_type(extractor, text) == "Other"


def test_migrants_crossing_into_a_country_are_no_event(extractor: Extractor) -> None:
    text = "On 4 March 2023, about 200 migrants crossed into Poland from Belarus."
    assert _first_type(extractor, text) is None


# --- demonstrations named by what the crowd does ----------------------------------------------------------


def test_activists_holding_placards_detained_are_a_protest_met_with_arrests(extractor: Extractor) -> None:
    text = "On 3 March 2024, police detained 9 activists holding placards outside parliament in Baku."
    assert _first_type(extractor, text) == "Protest with intervention"


def test_shops_shut_for_a_strike_call_are_a_protest(extractor: Extractor) -> None:
    text = "On 3 March 2024, traders closed their shops in Srinagar after a strike call by separatists."
    assert _first_type(extractor, text) == "Peaceful protest"


def test_shops_closed_for_a_holiday_are_no_protest(extractor: Extractor) -> None:
    text = "On 3 March 2024, traders closed their shops in Srinagar for the Eid holiday."
    assert _first_type(extractor, text) is None


def test_a_rocket_propelled_grenade_is_shelling(extractor: Extractor) -> None:
    text = "On 3 March 2024, insurgents fired a rocket-propelled grenade at a checkpoint in Mosul."
    assert _first_type(extractor, text) == "Shelling/artillery/missile attack"


def test_a_hand_grenade_is_a_grenade(extractor: Extractor) -> None:
    text = "On 3 March 2024, insurgents threw a hand grenade at a checkpoint in Mosul."
    assert _first_type(extractor, text) == "Grenade"


# --- territory entered by force, brawls between armies ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian troops advanced into the village of Krasnohorivka on Tuesday after heavy fighting.",
            "Non-state actor overtakes territory",
        ),
        (
            "Al Shabaab fighters wrested control of the town of Mahas from government troops on Sunday.",
            "Non-state actor overtakes territory",
        ),
        (
            "Ukrainian troops pushed into the village of Klishchiivka on Monday after days of fighting.",
            "Government regains territory",
        ),
    ],
)
def test_places_advanced_or_pushed_into_are_taken(extractor: Extractor, text: str, expected: str) -> None:
    assert _first_type(extractor, text) == expected


def test_talks_advanced_into_a_new_phase_take_nothing(extractor: Extractor) -> None:
    text = "Talks between the two sides advanced into a new phase on Monday, mediators said."
    assert _first_type(extractor, text) is None


def test_armies_brawling_at_a_border_clash(extractor: Extractor) -> None:
    text = "Indian and Chinese troops brawled with sticks and stones along the disputed border on Friday."
    assert _first_type(extractor, text) == "Armed clash"


def test_sides_agreeing_to_release_detainees_reach_an_agreement(extractor: Extractor) -> None:
    text = "On 5 May 2024, the TPLF and the Ethiopian government agreed to release detainees in Mekelle."
    assert _first_type(extractor, text) == "Agreement"


def test_a_court_agreeing_to_release_a_man_on_bail_is_no_agreement(extractor: Extractor) -> None:
    text = "On 5 May 2024, a court in Harare agreed to release an opposition leader on bail."
    assert _first_type(extractor, text) is None


# --- killings in a gunfight, fighters "neutralised" -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2024, police shot dead three suspected armed robbers in a shootout in Onitsha.",
        "On 5 May 2024, troops neutralised 5 terrorists in an ambush near Diffa.",
    ],
)
def test_killings_in_a_gunfight_or_fighters_neutralised_are_clashes(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Armed clash"


def test_a_bomb_neutralised_is_disrupted(extractor: Extractor) -> None:
    text = "On 5 May 2024, army engineers neutralised a roadside bomb near Gao."
    assert _first_type(extractor, text) == "Disrupted weapons use"


def test_a_shooting_without_a_gunfight_stays_an_attack(extractor: Extractor) -> None:
    text = "On 5 May 2024, police shot dead a street vendor in Onitsha."
    assert _first_type(extractor, text) == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "A cargo ship crossed into international waters on Monday.",
        "The government signed a contract with a security software company to protect its networks.",
        "Residents laid flowers at the scene of the car crash in Leeds.",
        "Police opened a new traffic station in Kigali on Monday.",
        "The president inaugurated a new bridge in Dakar on Tuesday.",
        "Shoppers emptied supermarket shelves ahead of the lockdown.",
        "The foreign minister left Kabul for Doha on Monday.",
    ],
)
def test_civilian_senses_of_the_new_words_are_no_events(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) is None


# --- "Other" in its less obvious forms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2024, mutinous soldiers took over the state broadcaster in Bamako and sacked the cabinet.",
        "On 5 May 2024, a fire of unknown origin destroyed part of a military warehouse in Belgorod.",
        "On 5 May 2024, Russian bombers flew close to Estonia, and NATO scrambled jets to meet them.",
        "On 5 May 2024, Hezbollah fighters paraded with rifles through the streets of southern Beirut.",
        "On 5 May 2024, two Chinese jets flew dangerously close to an Australian patrol aircraft.",
    ],
)
def test_coups_unexplained_fires_overflights_and_parades_are_other(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Other"


@pytest.mark.parametrize(
    "text",
    [
        "A fire destroyed 20 homes in a slum in Nairobi on Monday.",
        "The army paraded tanks through Pyongyang on Monday.",
    ],
)
def test_an_ordinary_fire_or_a_state_parade_is_no_event(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) is None
