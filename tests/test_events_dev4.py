"""Strategic developments and weapons in their less obvious forms (issue 3, dev4): forces recruited or
brought in, groups that unite or are absorbed, bases erected or pitched, and the plans and refusals that
stay no event. Sentences written for these tests from the ACLED codebook's definitions."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


def _first_type(extractor: Extractor, text: str) -> str | None:
    events = extract_text(extractor, text).events
    return min(events, key=lambda e: min(s.start for s in e.evidence)).sub_event_type if events else None


# --- forces grown or brought in: a change to the group's activity ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 8 August 2021, the Mai-Mai militia recruited dozens of young men in Walikale territory.",
        "On 2 April 2023, Ansar al-Sunna fighters conscripted teenagers in villages around Macomia.",
        "On 1 March 2023, the junta called up 10,000 reservists for military service.",
        "On 5 May 2021, the government brought in foreign military contractors to train its army in Bangui.",
    ],
)
def test_forces_recruited_called_up_or_brought_in_change_the_group(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "Three armed factions in Tibesti united under a single coalition on Monday, a spokesman said.",
        "On 4 July 2022, dissident commanders of the ELN formed a breakaway front in Arauca.",
        "On 6 May 2020, former guerrilla commanders announced a return to arms, forming the Frente Sur.",
        "The militia's fighters were absorbed into the national army on Sunday, officials said.",
    ],
)
def test_groups_united_formed_or_absorbed_change_the_group(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        # a plan to recruit, parties of one view: no change told
        "The junta plans to recruit volunteers next year, a minister said.",
        "The two parties united in condemning the verdict on Monday.",
    ],
)
def test_a_plan_or_a_shared_view_is_no_change(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) is None


# --- bases erected, pitched, installed or made -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2022, al-Shabaab fighters erected an outpost outside Jowhar (Middle Shabelle).",
        "On 9 September 2021, ADF rebels pitched a camp in the forest near Eringeti (Beni, North Kivu).",
        "On 12 March 2024, the militia made Kamituga (Mwenga, South Kivu) its headquarters.",
        "The rebels installed their command in a school in Kiwanja on Friday, residents said.",
        "On 6 June 2023, foreign instructors arrived in Bamako and set up quarters at the airport.",
    ],
)
def test_bases_erected_pitched_installed_or_made(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Headquarters or base established"


@pytest.mark.parametrize(
    "text",
    [
        "Engineers erected a new bridge over the river on Monday.",
        "The rebels plan to pitch a camp near the border, a local official said.",
    ],
)
def test_a_bridge_erected_or_a_planned_camp_is_no_base(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) is None


# --- weapons: the bomber who dies, gas on combatants, ordnance made safe, blasts no one explains ------------


@pytest.mark.parametrize(
    "text",
    [
        "On 3 April 2021, a man detonated his vest at a wedding hall in Kabul, killing 12 guests.",
        "On 9 May 2020, a woman detonated explosives strapped to her body in Maiduguri, killing five.",
        "On 2 February 2022, militants drove a van packed with explosives into an army base near Gao.",
        "On 1 July 2019, an assailant detonated a bomb inside a police station in Quetta, killing "
        "himself and three officers.",
    ],
)
def test_a_bomber_who_dies_in_the_blast_is_a_suicide_bomb(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Suicide bomb"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a car bomb left and set off from afar; a gunman who then kills himself
        (
            "On 6 March 2021, a car packed with explosives was parked outside a hotel in Mogadishu and "
            "detonated by remote control.",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 4 May 2023, a gunman shot dead five people at a school before killing himself.",
            "Attack",
        ),
    ],
)
def test_a_parked_car_bomb_or_a_gunman_is_no_suicide_bomb(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "On 7 July 2024, Russian troops dropped gas grenades on Ukrainian trenches near Bakhmut.",
        "Ukrainian infantry were hit by tear gas rounds fired from grenade launchers near Avdiivka on "
        "Friday, the army said.",
        "On 2 August 2024, Russian drones released a toxic agent over army positions near Pokrovsk.",
        "On 2 May 2023, shells filled with an irritant gas hit army positions near Bakhmut (Donetsk).",
    ],
)
def test_gas_used_on_combatants_is_a_chemical_weapon(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Chemical weapon"


def test_tear_gas_on_protesters_is_an_intervention(extractor: Extractor) -> None:
    text = "Police fired tear gas at protesters marching in Lagos on Monday."
    assert _first_type(extractor, text) == "Protest with intervention"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # captives freed through mediation; freed hostages told by police are no deal
        (
            "After talks mediated by clerics, the militants freed 9 hostages in Zamfara on Monday.",
            "Agreement",
        ),
        ("Gunmen freed the two hostages in Kaduna on Monday, according to police.", "Other"),
        (
            "On 4 May 2022, army engineers carried out a controlled detonation of a bomb found near Baidoa.",
            "Disrupted weapons use",
        ),
        ("An explosion of unclear cause struck an ammunition depot near Balakliia on Sunday.", "Other"),
    ],
)
def test_releases_detonations_and_unexplained_blasts(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- territory: a place taken in the fight for it, taken back, or handed over -------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the fight for a place and its taking, told in one sentence, are one incident: the taking
        (
            "On 3 May 2021, JNIM fighters attacked Boulkessi and took control of the town after hours of "
            "fighting with soldiers.",
            "Non-state actor overtakes territory",
        ),
        (
            "Rebels stormed the army barracks in Bunia on Friday and claimed control of the city.",
            "Non-state actor overtakes territory",
        ),
        (
            "On 2 June 2022, government troops seized back Ouallam from jihadists after clashes.",
            "Government regains territory",
        ),
        # taken without a fight: left, handed over under a drawdown or a deal
        (
            "The army took back the town of Boni without a battle after the militants pulled back on Sunday.",
            "Non-violent transfer of territory",
        ),
        (
            "On 1 March 2023, the army took over a camp in Tessalit from UN troops under the drawdown.",
            "Non-violent transfer of territory",
        ),
        (
            "Government forces entered the town of Tal Tamr on Monday under an agreement with a militia.",
            "Non-violent transfer of territory",
        ),
        # fighting told: no handover, though one side withdrew
        (
            "The rebels took control of Kalehe on Monday after heavy fighting, and the army withdrew.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_territory_taken_retaken_or_handed_over(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- agreements: captives swapped, deals on an armed group's future, pacts adopted ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 5 May 2021, Armenia and Azerbaijan exchanged 15 prisoners of war each at the border.",
        "The SDF reached a deal with the government on Monday to integrate its units into the army.",
        "Clan elders in Galmudug adopted a pact on Sunday to end the fighting over grazing land.",
    ],
)
def test_swaps_integration_deals_and_pacts_are_agreements(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Agreement"


# --- protests, riots and crowds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 3 June 2023, police dispersed Protesters (Ghana) in Accra with water cannon.",
            "Protest with intervention",
        ),
        (
            "Police fired rubber bullets at a rally in Bogota on Monday, blinding two students.",
            "Excessive force against protesters",
        ),
        (
            "On 4 July 2022, rioters set up burning barricades in Gonaives over fuel shortages.",
            "Violent demonstration",
        ),
        (
            "Thousands of pupils skipped school in Brussels on Thursday to demand climate action.",
            "Peaceful protest",
        ),
        (
            "Students held an encampment on a campus in Leeds on Monday; police cleared it and detained 20.",
            "Protest with intervention",
        ),
        (
            "Groups of youths beat visiting football fans in Marseille after a match on Sunday.",
            "Mob violence",
        ),
    ],
)
def test_protest_riot_and_crowd_constructions(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- sides that confront each other, warrants, cells, graves, captives, arson -----------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 9 May 2021, ELN guerrillas and FARC dissidents confronted each other near Tibu.",
            "Armed clash",
        ),
        (
            "On 3 March 2025, investigators executed an arrest warrant against the former minister in Lima.",
            "Arrests",
        ),
        ("Police dismantled a smuggling network in Tangier on Monday, arresting six people.", "Arrests"),
        ("Army engineers dismantled a bomb found near Kunduz on Monday.", "Disrupted weapons use"),
        ("Officials said they had found a burial site with dozens of graves near Bucha.", "Other"),
        (
            "On 2 March 2020, separatists carried off a headmaster in Bamenda (Mezam, North-West).",
            "Abduction/forced disappearance",
        ),
        (
            "Arsonists set fire to a mobile phone mast in Liverpool on Monday, police said.",
            "Looting/property destruction",
        ),
    ],
)
def test_confrontations_warrants_cells_graves_captives_and_arson(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


def test_a_resident_confronting_an_official_is_no_clash(extractor: Extractor) -> None:
    assert _first_type(extractor, "Residents confronted the mayor over water shortages on Monday.") is None
