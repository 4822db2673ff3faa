"""Events told the way ACLED's notes and wire leads tell them: ACLED's own actor names, and the constructions
of strategic developments, territory, protests and weapons that the typing reads (issue 3)."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Result


def _types(result: Result) -> list[str]:
    return [e.sub_event_type for e in result.events]


def _first_type(extractor: Extractor, text: str) -> str | None:
    events = extract_text(extractor, text).events
    return min(events, key=lambda e: min(s.start for s in e.evidence)).sub_event_type if events else None


# --- ACLED's actor names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 March 2022, Police Forces of Peru (2021-) detained four union leaders in Cusco.", "Arrests"),
        (
            "On 9 June 2021, Military Forces of Chad (2021-) exchanged fire with FACT rebels near Mao.",
            "Armed clash",
        ),
    ],
)
def test_a_state_force_named_as_acled_names_it_is_the_state(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


def test_the_years_of_an_actor_name_are_not_the_date(extractor: Extractor) -> None:
    text = "On 5 May 2020, Police Forces of Kenya (2013-2022) traded fire with cattle raiders near Baragoi."
    (event,) = extract_text(extractor, text).events
    assert event.date.start == "2020-05-05"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 3 June 2019, Rioters (Nigeria) beat a suspected thief to death in Ikeja.", "Mob violence"),
        ("On 8 July 2023, Rioters (France) torched a row of parked cars in Nanterre.", "Mob violence"),
    ],
)
def test_acled_generic_group_names_keep_their_actor_type(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_settlers_destroying_property_is_looting(extractor: Extractor) -> None:
    text = "On 4 April 2023, Israeli settlers burned two farm sheds and cut down vines near Turmus Ayya."
    assert _first_type(extractor, text) == "Looting/property destruction"


# --- weapons -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("A man flung a grenade at a bus stop in Bujumbura on Monday, wounding three people.", "Grenade"),
        (
            "A car bomber rammed a police checkpoint in Mogadishu on Monday, killing four officers.",
            "Suicide bomb",
        ),
        (
            "Troops fired artillery shells filled with a choking agent at trenches near Bakhmut on Friday.",
            "Chemical weapon",
        ),
        (
            "The rebels launched drones at an airbase near Kassala on Monday, hitting a hangar.",
            "Air/drone strike",
        ),
        (
            "Soldiers stopped a man wearing an explosives belt at a market gate in Maiduguri on Friday.",
            "Disrupted weapons use",
        ),
    ],
)
def test_weapons_used_or_stopped(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The ministry launched drones to survey flood damage along the river.",
        "The group threatened to fling grenades at any patrol entering the valley.",
    ],
)
def test_drones_for_survey_and_threatened_grenades_are_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


@pytest.mark.parametrize(
    "text",
    [
        "A mysterious blast destroyed a weapons depot at an army base near Isfahan on Sunday.",
        "On Monday an unexplained fire broke out in a munitions store at an army base outside Lviv.",
    ],
)
def test_an_unexplained_blast_or_fire_at_a_military_site_is_other(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Other"


def test_a_fire_nobody_calls_unexplained_is_no_incident(extractor: Extractor) -> None:
    assert not extract_text(extractor, "A fire broke out at a market in Kano on Monday.").events


def test_an_explosion_that_destroys_is_an_explosion(extractor: Extractor) -> None:
    text = "An explosion destroyed a bus in Quetta on Monday, killing six."
    assert _first_type(extractor, text) == "Remote explosive/landmine/IED"


# --- territory ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rebels moved in without fighting after soldiers abandoned the garrison town of Ber on Sunday.",
        "Army units entered the town of Kaya on Monday after the militants withdrew, residents said.",
    ],
)
def test_a_place_entered_after_the_other_side_left_is_a_non_violent_transfer(
    extractor: Extractor, text: str
) -> None:
    assert _first_type(extractor, text) == "Non-violent transfer of territory"


# --- strategic developments --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The junta hired foreign military contractors to guard the gold mines in the north on Monday.",
        "Three breakaway rebel units declared their split from the central command on Friday.",
        "The militia appointed a new field commander for the western front on Sunday.",
        "Three rebel factions formed a new joint unit in Darfur on Monday.",
        "The mercenaries' operations were taken over by a new defence ministry corps on Monday.",
    ],
)
def test_changes_to_an_armed_group(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "The company hired 300 workers at its new plant in Lagos.",
        "Analysts pointed to a split in the ruling party over the budget.",
        "The bank appointed a new chief financial officer on Monday.",
    ],
)
def test_hiring_splits_and_appointments_outside_conflict_are_no_incident(
    extractor: Extractor, text: str
) -> None:
    assert not extract_text(extractor, text).events


@pytest.mark.parametrize(
    "text",
    [
        "The army and the rebels agreed on Sunday to halt hostilities for the Eid holiday, mediators said.",
        "The two governments initialled a border accord in Doha on Monday.",
    ],
)
def test_agreements_halting_hostilities_or_initialled(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Agreement"


@pytest.mark.parametrize(
    "text", ["The rebels refused to halt hostilities.", "The two sides may initial a truce next week."]
)
def test_a_refused_or_possible_agreement_is_no_incident(extractor: Extractor, text: str) -> None:
    assert "Agreement" not in _types(extract_text(extractor, text))


def test_warplanes_flown_across_a_line_are_a_show_of_force(extractor: Extractor) -> None:
    text = "The air force flew fighter jets across the maritime line near the islands on Monday."
    assert _first_type(extractor, text) == "Other"


def test_someone_bundled_into_a_car_is_abducted(extractor: Extractor) -> None:
    text = "A student leader was bundled into a pickup by masked men in Harare on Friday."
    assert _first_type(extractor, text) == "Abduction/forced disappearance"


# --- protests ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Police beat students staging a sit-in at the university in Conakry on Monday, leaving a dozen "
            "hospitalised with fractures.",
            "Excessive force against protesters",
        ),
        (
            "Rival party supporters chased away demonstrators holding a rally for better wages in Accra.",
            "Protest with intervention",
        ),
        (
            "Riot police pushed back students trying to reach parliament, using pepper spray, in Belgrade.",
            "Protest with intervention",
        ),
        (
            "Farmers drove a tractor convoy through central Madrid on Monday over fuel prices.",
            "Peaceful protest",
        ),
    ],
)
def test_how_a_protest_was_met(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_forces_pushing_back_rebels_still_regain_ground(extractor: Extractor) -> None:
    text = "Government troops pushed back rebels from the outskirts of Goma on Monday after heavy fighting."
    assert _first_type(extractor, text) == "Government regains territory"


# --- readings of the parse ---------------------------------------------------------------------------------


def test_what_a_protest_is_about_is_no_outcome(extractor: Extractor) -> None:
    text = (
        "On 2 May 2023, taxi drivers protesting the killing of a colleague blocked the highway with burning "
        "tyres in Bukavu (Bukavu, Sud-Kivu)."
    )
    assert _first_type(extractor, text) == "Violent demonstration"


def test_a_protest_about_a_death_is_still_peaceful(extractor: Extractor) -> None:
    text = "Hundreds of nurses protested the killing of a colleague outside the health ministry in Nairobi."
    assert _first_type(extractor, text) == "Peaceful protest"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 5 March 2024, ISWAP militants seized Marte (Marte, Borno) after fighting with the army.",
            "Non-state actor overtakes territory",
        ),
        ("On 5 March 2024, ISWAP militants seized a trader in Marte.", "Abduction/forced disappearance"),
        # a person's age and trade in brackets are no districts
        ("Gunmen seized Chidi Eze (38, a pharmacist) in Awka on Monday.", "Abduction/forced disappearance"),
    ],
)
def test_a_name_placed_by_its_districts_in_brackets_is_a_place(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


def test_foreign_troops_retaking_a_town_beside_the_local_army_regain_it(extractor: Extractor) -> None:
    text = (
        "Kenyan and Somali troops recaptured the town of Bardhere in Somalia from al-Shabaab militants on "
        "Monday, officials said."
    )
    assert _first_type(extractor, text) == "Government regains territory"


def test_foreign_troops_taking_a_town_alone_overtake_it(extractor: Extractor) -> None:
    text = "Russian troops recaptured the village of Robotyne in Ukraine from Ukrainian forces on Monday."
    assert _first_type(extractor, text) == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Troops found a bomb workshop and destroyed dozens of improvised explosive devices.",
            "Disrupted weapons use",
        ),
        (
            "Turkish advisers moved into part of the naval base at Tripoli on Monday.",
            "Headquarters or base established",
        ),
    ],
)
def test_what_a_part_or_an_amount_counts_is_what_is_acted_on(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


def test_tear_gas_on_trenches_is_a_chemical_weapon(extractor: Extractor) -> None:
    text = "Enemy drones released tear gas over infantry trenches east of Siversk, a brigade spokesman said."
    assert _first_type(extractor, text) == "Chemical weapon"


def test_tear_gas_on_demonstrators_is_an_intervention(extractor: Extractor) -> None:
    text = "Troops fired tear gas to disperse a crowd of demonstrators in Khartoum on Monday."
    assert _first_type(extractor, text) == "Protest with intervention"


def test_a_retaking_told_in_a_note_is_a_regain(extractor: Extractor) -> None:
    text = (
        "On 4 June 2022, Military Forces of Mali (2021-) retook Boulkessi (Douentza, Mopti) from JNIM "
        "following two days of fighting."
    )
    assert _first_type(extractor, text) == "Government regains territory"


# --- precision: what did not happen or is only shown --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Police said they had foiled no plot and had arrested no one in the city.",
        "The army said its patrol found nothing in the abandoned camp.",
        "A propaganda video released by the group shows its fighters attacking an army convoy.",
        "A video published by the militants shows fighters storming a checkpoint.",
    ],
)
def test_acts_on_nothing_and_released_footage_are_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Police officers came under fire from suspected gang members in Lae on Monday and returned fire.",
            "Armed clash",
        ),
        (
            "On 6 February 2023, cattle rustlers stole 80 cows from herders in Rumbek on Sunday.",
            "Looting/property destruction",
        ),
        (
            "Armed raiders drove off hundreds of goats from a village near Kapoeta; nobody was hurt.",
            "Looting/property destruction",
        ),
    ],
)
def test_returned_fire_and_cattle_raids(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_gunmen_who_drive_off_only_leave(extractor: Extractor) -> None:
    text = "Gunmen shot a shopkeeper in Gao on Monday and drove off on motorbikes."
    assert _types(extract_text(extractor, text)) == ["Attack"]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 March 2023, the Houthi authorities detained 12 teachers in Ibb.", "Arrests"),
        (
            "On 2 March 2023, Houthi gunmen seized 12 teachers at a checkpoint near Ibb.",
            "Abduction/forced disappearance",
        ),
    ],
)
def test_the_authorities_an_armed_group_runs_arrest(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_several_air_strikes_on_one_day_are_one_incident(extractor: Extractor) -> None:
    text = "On 3 May 2021, coalition jets carried out several airstrikes on rebel positions near Marib."
    assert _first_type(extractor, text) == "Air/drone strike"


@pytest.mark.parametrize(
    "text",
    [
        "The coalition has carried out more than 20,000 airstrikes since 2015, the monitor said.",
        "Russian jets carried out dozens of airstrikes in Idlib last year.",
    ],
)
def test_air_strikes_counted_over_years_are_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


# --- news leads: shared subjects, clauses told before a denial, planned events --------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Bandits stopped a minibus near Zaria on Sunday and took away 14 travellers, police said.",
            "Abduction/forced disappearance",
        ),
        (
            "Men in plain clothes took a blogger from a cafe in Kampala; police denied holding him.",
            "Abduction/forced disappearance",
        ),
        (
            "Militiamen entered the town of Pinga on Monday without firing a shot after soldiers withdrew.",
            "Non-violent transfer of territory",
        ),
        ("Residents set ablaze two suspected robbers in Onitsha on Tuesday, police said.", "Mob violence"),
        (
            "Counter-protesters attacked a student encampment in Sydney overnight, police said.",
            "Protest with intervention",
        ),
        ("Rival fans fought with knives and bottles outside a stadium in Cali on Sunday.", "Mob violence"),
    ],
)
def test_news_leads(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_planned_rally_is_no_protest(extractor: Extractor) -> None:
    text = "Police arrested an opposition leader in Mbeya on Monday ahead of a planned rally."
    assert _types(extract_text(extractor, text)) == ["Arrests"]


def test_a_denial_still_governs_what_it_denies(extractor: Extractor) -> None:
    text = "The army denied that its soldiers had abducted three herders near Gao."
    assert not extract_text(extractor, text).events


def test_fighting_with_guns_and_no_named_side_stays_a_clash(extractor: Extractor) -> None:
    text = "Heavy fighting with guns and rockets erupted in the town of Sake on Monday."
    assert _first_type(extractor, text) == "Armed clash"


# --- burning told around its object; one act told by participles --------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Demonstrators against a tax law set the town hall on fire in Kisumu on Tuesday.",
            "Violent demonstration",
        ),
        ("Rioters set a police station ablaze in Eldoret on Monday.", "Violent demonstration"),
        ("A mob set two suspected robbers on fire in Onitsha on Sunday.", "Mob violence"),
    ],
)
def test_set_on_fire_around_its_object(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The court set a date for the trial of the former minister.",
        "The rebels set new conditions for talks.",
    ],
)
def test_setting_a_date_or_conditions_is_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


def test_participles_of_one_raid_are_one_incident(extractor: Extractor) -> None:
    text = (
        "Gunmen stormed the village of Dansadau on Sunday, shooting at residents and setting shops on fire."
    )
    assert _types(extract_text(extractor, text)) == ["Attack"]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 7 March 2024, the air force downed two enemy jets near Avdiivka.", "Disrupted weapons use"),
        ("An explosion of undetermined origin hit an army depot near Tula on Monday.", "Other"),
    ],
)
def test_jets_downed_and_blasts_of_undetermined_origin(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- large deployments -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Friday Peru sent thousands of troops into the southern highlands to restore order.",
        "On 4 April 2024, the army sent two additional battalions to Beni to reinforce its positions.",
    ],
)
def test_a_large_deployment_changes_the_group_activity(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "Police deployed officers to the stadium ahead of the match.",
        "The government said it would deploy thousands of soldiers to the border next month.",
    ],
)
def test_routine_or_announced_deployments_are_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Forensic teams exhumed a mass grave holding 25 bodies near Bucha on Tuesday.", "Other"),
        (
            "On 3 May 2024, Turkish troops took up positions at the airport of Misrata.",
            "Headquarters or base established",
        ),
        (
            "Peruvian troops drove dissidents out of the hamlet of Vizcatan on Saturday after clashes.",
            "Government regains territory",
        ),
        (
            "The militia's fighters were absorbed into the national army on Monday.",
            "Change to group/activity",
        ),
        (
            "Former rebels were integrated into the police force in Bouar on Friday.",
            "Change to group/activity",
        ),
    ],
)
def test_graves_positions_and_integrations(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_planned_exhumation_is_no_incident(extractor: Extractor) -> None:
    assert not extract_text(extractor, "Investigators plan to exhume the bodies next week.").events


def test_a_result_told_by_a_participle_is_its_own_report(extractor: Extractor) -> None:
    text = "On 2 May 2021, the militia welcomed back a breakaway faction, reuniting the movement in Ituri."
    assert _first_type(extractor, text) == "Change to group/activity"


def test_what_a_condemnation_is_about_is_not_reported_again(extractor: Extractor) -> None:
    assert not extract_text(extractor, "The minister condemned the attack, calling it cowardly.").events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The junta and the opposition signed a power-sharing declaration in Khartoum on Sunday.",
            True,
        ),
        ("The president issued a declaration of national mourning on Sunday.", False),
    ],
)
def test_a_signed_declaration_is_an_agreement(extractor: Extractor, text: str, expected: bool) -> None:
    assert ("Agreement" in _types(extract_text(extractor, text))) == expected


# --- nominal and passive reports, found bodies -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "A detainee exchange between the army and the rebels was completed in Marib on Friday.",
            "Agreement",
        ),
        (
            "Three militias announced the creation of a joint force in Kadugli on Monday.",
            "Change to group/activity",
        ),
        ("Gunmen dumped the bodies of three abducted herders near Gusau on Sunday, police said.", "Other"),
        (
            "A gas attack on a rebel-held town killed dozens of people on Saturday, medics said.",
            "Chemical weapon",
        ),
    ],
)
def test_nominal_and_found_reports(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The government announced the creation of a new ministry.",
        "Protesters dumped rubbish outside the town hall.",
    ],
)
def test_a_ministry_created_or_rubbish_dumped_is_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 30 April 2024, the militia converted a school into barracks in Kadugli.",
            "Headquarters or base established",
        ),
        ("On 16 June 2022, a fire broke out at an army arms depot for unknown reasons near Gulu.", "Other"),
    ],
)
def test_barracks_made_and_fires_for_unknown_reasons(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators failed to agree on a ceasefire in Doha on Monday.",
        "The rebels failed to take the town of Tawila despite two days of assaults.",
    ],
)
def test_what_failed_did_not_happen(extractor: Extractor, text: str) -> None:
    types = _types(extract_text(extractor, text))
    assert "Agreement" not in types and "Non-state actor overtakes territory" not in types


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Soldiers opened fire on students sitting peacefully at a campus in Kano, killing three.",
            "Excessive force against protesters",
        ),
        ("Soldiers opened fire on villagers in a market near Kano on Monday, killing three.", "Attack"),
    ],
)
def test_forces_firing_on_people_sitting_peacefully_meet_a_protest(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


# --- other strategic developments ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Unidentified drones were spotted over an army base in Bamako overnight, officials said.", "Other"),
        ("An arms depot near Lviv caught fire on Sunday for reasons that were not clear.", "Other"),
        (
            "On 18 August 2020, soldiers mutinied at a camp near the capital and detained the president.",
            "Other",
        ),
        ("The defence ministry took command of the militia's units on Friday.", "Change to group/activity"),
    ],
)
def test_sightings_fires_mutinies_and_commands(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers were spotted near the border.",
        "A kitchen caught fire in a restaurant in Kano on Monday.",
    ],
)
def test_people_spotted_and_kitchen_fires_are_no_incident(extractor: Extractor, text: str) -> None:
    assert not extract_text(extractor, text).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The government denied reports that soldiers had burned houses in the village of Kiwanja.", []),
        (
            "Reports said soldiers burned houses in the village of Kiwanja on Monday.",
            ["Looting/property destruction"],
        ),
    ],
)
def test_a_denied_report_tells_no_incident(extractor: Extractor, text: str, expected: list[str]) -> None:
    assert _types(extract_text(extractor, text)) == expected


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 17 May 2022, Military Forces of Cameroon (1982-) engaged separatists near Bamenda.",
            "Armed clash",
        ),
        (
            "On 25 May 2024, a minibus struck an IED planted on the road near Djibo.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_forces_engaging_rebels_and_acronym_weapons(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_sides_engaged_in_talks_fight_nobody(extractor: Extractor) -> None:
    assert not extract_text(extractor, "The two sides engaged in talks in Doha on Monday.").events


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 3 May 2021, vigilantes beat three suspected goat thieves to death near Maroua.", "Mob violence"),
        ("Gunmen shot dead two suspected robbers in Kano on Monday.", "Attack"),
    ],
)
def test_suspects_punished_by_vigilantes_are_mob_violence(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "Police stopped the march after a bomb threat in Lagos on Monday.",
        "Floodwaters swept into the town of Derna on Sunday.",
    ],
)
def test_a_march_stopped_for_a_bomb_threat_and_floods_are_no_weapon_or_takeover(
    extractor: Extractor, text: str
) -> None:
    types = _types(extract_text(extractor, text))
    assert "Disrupted weapons use" not in types and "Non-state actor overtakes territory" not in types


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Rebel fighters swept into the town of Kalehe on Thursday after days of battles.",
            "Non-state actor overtakes territory",
        ),
        ("Protesters were bundled into police vans in Minsk on Sunday.", "Arrests"),
    ],
)
def test_fighters_sweeping_in_and_protesters_bundled_into_vans(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


def test_protesters_hospitalised_by_tear_gas_met_an_intervention(extractor: Extractor) -> None:
    text = "Police fired tear gas at protesters in Accra; several were hospitalised after inhaling the gas."
    assert _first_type(extractor, text) == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "Police in Ankara detained more than 100 people trying to hold a march for women's rights on Sunday.",
        "Police in Kampala arrested 45 young people who tried to march on parliament on Tuesday.",
        "Riot police pushed back teenagers who tried to block a ring road in Kragujevac.",
    ],
)
def test_a_protest_tried_and_stopped_is_a_protest_with_intervention(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Protest with intervention"


def test_a_protest_people_are_trying_to_organise_is_no_event(extractor: Extractor) -> None:
    assert not extract_text(extractor, "Activists are trying to organise a protest next week.").events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 May 2022, two rebel factions announced an alliance against the army in Rutshuru.", True),
        ("The two countries signed a defence alliance in Paris on Monday.", False),
    ],
)
def test_an_alliance_of_armed_groups_changes_them(extractor: Extractor, text: str, expected: bool) -> None:
    assert ("Change to group/activity" in _types(extract_text(extractor, text))) == expected


def test_a_crowd_burning_tyres_demonstrates(extractor: Extractor) -> None:
    text = "On 12 July 2023, Rioters (Kenya) clashed with police and burned tyres in Kisumu. 2 fatalities."
    assert _first_type(extractor, text) == "Violent demonstration"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Militants lobbed mortar rounds at an army base near Gao on Monday.",
            "Shelling/artillery/missile attack",
        ),
        ("On 2 May 2021, gunmen killed 12 traders returning from a weekly market near Tera.", "Attack"),
    ],
)
def test_mortar_rounds_and_weekly_markets(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_stockpiled_rounds_are_no_attack(extractor: Extractor) -> None:
    assert not extract_text(extractor, "The army said it had stockpiled mortar rounds at the depot.").events


def test_a_toll_over_the_past_years_is_no_incident(extractor: Extractor) -> None:
    text = "Gunmen have killed more than 3,000 people in the region over the past two years, police said."
    assert not extract_text(extractor, text).events


def test_suspected_doers_read_as_the_verb_still_act(extractor: Extractor) -> None:
    text = "In Maridi, suspected NAS rebels gang-raped a girl who was fetching water on 4 May 2020."
    assert _first_type(extractor, text) == "Sexual violence"


def test_a_suspicion_with_a_subject_still_governs(extractor: Extractor) -> None:
    assert not extract_text(extractor, "Police suspected that rebels had raped a woman in Yei.").events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 October 2023, settlers uprooted dozens of olive trees near Burin.",
            ["Looting/property destruction"],
        ),
        ("Farmers uprooted their old vines to plant maize.", []),
    ],
)
def test_trees_uprooted_by_settlers_are_destroyed_property(
    extractor: Extractor, text: str, expected: list[str]
) -> None:
    assert _types(extract_text(extractor, text)) == expected
