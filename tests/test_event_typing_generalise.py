"""Event typing that generalises over the ways conflict news tells each ACLED sub-event type: aircraft
that only fly, bursts of blasts, leaders chosen, boycotts, defections and changes of tactics, territory
cleared or re-entered, crowds with and without a grievance, raids for loot or for arrests, chemical agents
on troops and bombers stopped before the blast. Sentences written for these tests from the ACLED codebook's
definitions, each with what must not change beside it."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


def _first_type(extractor: Extractor, text: str) -> str | None:
    events = extract_text(extractor, text).events
    return min(events, key=lambda e: min(s.start for s in e.evidence)).sub_event_type if events else None


# --- aircraft and bursts of blasts ------------------------------------------------------------------------


def test_bombers_that_only_fly_are_no_strike_nor_bombing(extractor: Extractor) -> None:
    text = "Russian long-range bombers flew along the Norwegian coast on Tuesday, the air force said."
    strikes = ("Air/drone strike", "Remote explosive/landmine/IED", "Suicide bomb")
    assert _first_type(extractor, text) not in strikes


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the aircraft that struck: an air strike
        (
            "Russian strategic bombers struck a power plant in Kharkiv overnight, killing two workers.",
            "Air/drone strike",
        ),
        # a person with a bomb is still a bomber
        (
            "A bomber blew himself up at a bus station in Quetta on Monday, killing six passengers.",
            "Suicide bomb",
        ),
    ],
)
def test_a_bomber_is_an_aircraft_only_with_words_of_flight(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_series_of_blasts_is_one_incident_with_its_toll(extractor: Extractor) -> None:
    events = extract_text(
        extractor, "A series of explosions killed nine people at a market in Quetta on Monday."
    ).events
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].fatalities.best == 9


def test_a_series_of_attacks_over_a_month_stays_a_count(extractor: Extractor) -> None:
    text = "A series of attacks on villages in Borno over the past month killed 60 people."
    assert extract_text(extractor, text).events == []


# --- changes to a group: leaders, boycotts, defections, tactics, contractors -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 2 March, the Macina Liberation Front chose a new commander for its forces in Mopti.",
        "On 2 March, the Taliban elected a new deputy leader in Kandahar.",
        "On 2 March, a senior fighter took over as leader of the CODECO militia in Djugu (Ituri).",
        "On 2 March, an ADF commander succeeded the group's slain leader in Beni.",
        "On 2 March, Hezbollah named a new secretary-general in Beirut.",
    ],
)
def test_a_group_that_picks_a_leader_changes(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "The government appointed a new finance minister on Monday.",
        "Real Madrid chose a new coach on Monday.",
    ],
)
def test_a_minister_or_a_coach_chosen_is_no_conflict_event(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_a_boycott_of_an_election_announced_changes_the_group(extractor: Extractor) -> None:
    text = (
        "On 2 March, the main opposition alliance announced a boycott of the presidential runoff in Conakry."
    )
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a boycott on a condition is a threat, no event
        ("The opposition said it would boycott the vote in Lome unless the electoral roll is revised.", None),
        # goods boycotted: a protest
        (
            "Shoppers boycotted French products in Algiers on Monday to denounce the cartoons.",
            "Peaceful protest",
        ),
    ],
)
def test_other_boycotts_keep_their_reading(extractor: Extractor, text: str, sub: str | None) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    "text",
    [
        "On 2 March, a colonel of the RSF and his troops switched sides and joined the army in Sennar.",
        "On 2 March, 30 soldiers deserted and joined the rebels in Rakhine.",
        "On 2 March, the Mai-Mai group announced a change of tactics in Masisi.",
        "On 2 March, the junta hired a private security company from Russia to protect its gold mines.",
        "On 2 March, the ELN halted its attacks on oil pipelines in Arauca.",
        "On 2 March, Wagner announced it would leave Mali and hand its operations to Africa Corps.",
    ],
)
def test_defections_tactics_and_contractors_change_the_group(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


def test_a_company_halting_work_is_no_change_to_an_armed_group(extractor: Extractor) -> None:
    assert extract_text(extractor, "The company halted operations at the mine on Monday.").events == []


def test_a_stash_of_rifles_recovered_is_a_disrupted_weapons_use(extractor: Extractor) -> None:
    text = "On 2 March, soldiers recovered a stash of rifles and grenades in a cave in Kunar."
    assert _first_type(extractor, text) == "Disrupted weapons use"


# --- territory retaken in other words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 March, soldiers cleared al-Shabaab fighters from Bulo Burte (Hiiraan).",
            "Government regains territory",
        ),
        (
            "Nigerian troops re-entered Malam Fatori (Borno) after two days of fighting with ISWAP.",
            "Government regains territory",
        ),
        (
            "On 2 March, troops reasserted control over Gwoza (Borno) after battles with Boko Haram.",
            "Government regains territory",
        ),
        (
            "On 2 March, the army pushed ISWAP out of Marte (Borno) after a battle.",
            "Government regains territory",
        ),
        # the same words for a rebel group: it overtakes the place
        (
            "On 2 March, M23 rebels re-entered Rubaya after fighting with the army.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_territory_cleared_reentered_or_reasserted(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- crowds: a grievance or a fight with the police makes a riot, not a mob --------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Traders furious over a tax increase smashed the windows of the revenue office in Kano on "
            "Monday and burned two vehicles.",
            "Violent demonstration",
        ),
        (
            "Fans of the ruling party stormed the national assembly in Bissau on Monday, breaking doors and "
            "clashing with police.",
            "Violent demonstration",
        ),
        # an angry crowd punishing a suspect has no demonstration
        (
            "An angry crowd beat to death a man suspected of stealing a motorbike in Kisumu on Monday.",
            "Mob violence",
        ),
        # suspects seized by villagers are no arrest
        (
            "On 2 March, villagers seized two suspected cattle thieves in Mubende and handed them to police.",
            "Mob violence",
        ),
    ],
)
def test_crowd_violence_by_its_grievance(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- raids: for loot, for arrests, or with people killed ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 March, gunmen raided a market in Zurmi (Zamfara) and carted away goods; nobody was hurt.",
            "Looting/property destruction",
        ),
        (
            "On 2 March, armed Lou Nuer youths raided a cattle camp in Akobo (Jonglei) and drove away 300 "
            "cows. No casualties were reported.",
            "Looting/property destruction",
        ),
        (
            "On 2 March, gunmen raided a market in Zurmi (Zamfara), killing four traders and carting away "
            "goods.",
            "Attack",
        ),
        (
            "On 2 March, police raided the offices of an opposition newspaper in Harare and detained four "
            "editors.",
            "Arrests",
        ),
        (
            "On 2 March, police raided a hideout in Enugu, killing three suspected kidnappers.",
            "Armed clash",
        ),
    ],
)
def test_a_raid_is_typed_by_what_it_did(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


# --- chemical agents, stopped bombers, forced sex ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Drones dropped canisters of tear gas on Ukrainian troops in their dugouts near Bakhmut on "
            "Sunday, a commander said.",
            "Chemical weapon",
        ),
        (
            "On 2 March, Russian troops used chemical-filled grenades on Ukrainian infantry near Siversk.",
            "Chemical weapon",
        ),
        (
            "On 2 March, the army shelled a village in Idlib; residents said the shells released a strange "
            "smoke causing vomiting and breathing difficulties.",
            "Chemical weapon",
        ),
        # tear gas on a march polices a protest
        (
            "On 2 March, riot police fired tear gas at students marching in Nairobi.",
            "Protest with intervention",
        ),
        # a plant hit by shells is no chemical attack
        (
            "Rebel artillery shelled a chemical plant near Homs on Tuesday, killing two guards.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_chemical_agents_by_their_target_and_effects(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 2 March, a would-be suicide bomber was arrested by soldiers at a checkpoint in Maiduguri "
            "before he could detonate his explosives.",
            "Disrupted weapons use",
        ),
        (
            "On 2 March, a suicide bomber detonated his vest at a checkpoint in Maiduguri, killing three "
            "soldiers.",
            "Suicide bomb",
        ),
        ("Police arrested a suspected bomber in Kano on Monday.", "Arrests"),
    ],
)
def test_a_bomber_stopped_before_the_blast(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_sex_forced_at_gunpoint_is_sexual_violence(extractor: Extractor) -> None:
    text = "On 2 March, militiamen forced a teenage girl into sex at gunpoint in Djugu (Ituri)."
    assert _first_type(extractor, text) == "Sexual violence"


# --- notes in ACLED's own form: coded actor names, one district in brackets, a leader named "as" ------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # the coded name's years make the tagger read the verb as a modifier of the place
        (
            "On 4 April, Military Forces of Russia (2000-) captured Vuhledar town (Donetsk) following "
            "fighting with Ukrainian defenders.",
            "Non-state actor overtakes territory",
        ),
        # a place with one district in brackets is still a place
        (
            "On 4 April, JNIM fighters took Boulkessi (Soum) after heavy fighting with the army.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_territory_in_the_form_of_acled_notes(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_group_name_with_its_region_in_brackets_is_no_place(extractor: Extractor) -> None:
    text = "On 4 April, soldiers took Islamic State (Sahel) fighters captive near Menaka."
    assert _first_type(extractor, text) != "Government regains territory"


def test_a_leader_named_as_its_new_head(extractor: Extractor) -> None:
    text = "On 4 April, Hezbollah named a senior cleric as its new secretary-general."
    assert _first_type(extractor, text) == "Change to group/activity"


# --- the tagger's misreadings: a participle as the main verb, a past tense as a noun ------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # "demanding" read as the sentence's verb must not govern the clash
        (
            "On 4 April, protesters demanding jobs clashed with police in Kasserine and burned tyres.",
            "Violent demonstration",
        ),
        ("Workers demanding unpaid wages marched to the ministry in Abuja on Monday.", "Peaceful protest"),
    ],
)
def test_a_participle_describing_the_crowd_governs_nothing(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_long_line_ending_in_a_full_stop_is_read_without_a_tagged_verb(extractor: Extractor) -> None:
    text = "On 4 April, the army retook Ouro (Seno) from JNIM."
    assert _first_type(extractor, text) == "Government regains territory"


def test_a_short_title_without_a_verb_stays_a_heading(extractor: Extractor) -> None:
    assert extract_text(extractor, "Renewed fighting in the north").events == []


# --- more changes to a group: formed, withdrawn from a deal, commanders dismissed, mobilised, rebranded ---


@pytest.mark.parametrize(
    "text",
    [
        "On 4 April, a new self-defence militia announced in Walikale that it had been formed.",
        "On 4 April, the CMA withdrew from the Algiers peace agreement in Kidal.",
        "On 4 April, the FDLR dismissed its military commander in Rutshuru.",
        "On 4 April, the junta declared a general mobilisation of men aged 18 to 40.",
        "On 4 April, Wagner's units in the Central African Republic were rebranded as Africa Corps.",
    ],
)
def test_less_obvious_changes_to_a_group(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "The minister dismissed the claims as lies on Monday.",
        "The company announced a rebranding of its products on Monday.",
        "The US withdrew its troops from Niger under the agreement on Monday.",
    ],
)
def test_the_same_words_outside_an_armed_group_change_nothing(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) != "Change to group/activity"


def test_a_bomb_workshop_found_is_a_disrupted_weapons_use(extractor: Extractor) -> None:
    text = "On 4 April, soldiers discovered a bomb-making workshop in a house in Kano."
    assert _first_type(extractor, text) == "Disrupted weapons use"


# --- a protest that forces kept people from holding, with arrests: a protest with intervention ---


@pytest.mark.parametrize(
    "text",
    [
        "On 4 April, soldiers stopped opposition activists from holding a rally in Lome and detained nine.",
        "On 4 April, police prevented students from marching to the ministry in Kinshasa and arrested 20.",
    ],
)
def test_a_protest_prevented_by_arrests_is_an_intervention(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "The court banned the opposition from holding rallies until the election.",
        "Police prevented opposition supporters from holding a rally in Conakry on Monday.",
    ],
)
def test_a_protest_only_kept_from_happening_is_no_event(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


# --- civilians killed in crossfire; crowds over a grievance; property smashed -----------------------------


def test_civilians_killed_in_crossfire_are_a_clash(extractor: Extractor) -> None:
    text = "On 4 April, three civilians were killed in crossfire between soldiers and rebels in Masisi."
    assert _first_type(extractor, text) == "Armed clash"


def test_crossfire_of_words_is_no_event(extractor: Extractor) -> None:
    assert (
        extract_text(extractor, "The minister was caught in the crossfire of a political row.").events == []
    )


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 4 April, a group of students set fire to a lecture hall in Dhaka over a fee increase.",
            "Violent demonstration",
        ),
        (
            "Residents angry over water shortages smashed the windows of the water board office in Mombasa.",
            "Violent demonstration",
        ),
        # no grievance told: a crowd's violence
        ("An angry crowd smashed the windows of a bus in Nairobi on Monday.", "Mob violence"),
    ],
)
def test_crowd_damage_over_a_grievance_is_a_riot(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_ring_smashed_by_police_is_no_property_destruction(extractor: Extractor) -> None:
    assert extract_text(extractor, "Police smashed a drug trafficking ring in Lagos on Monday.").events == []


# --- what a later clause or a passive with nobody says of an incident --------------------------------------


def test_a_clause_after_a_semicolon_does_not_negate_the_one_before(extractor: Extractor) -> None:
    text = "On 4 April, agents detained a blogger in Oran; his lawyer has not been told where he is."
    assert _first_type(extractor, text) in ("Arrests", "Abduction/forced disappearance")


def test_a_detention_of_nobody_did_not_happen(extractor: Extractor) -> None:
    text = "Police said they would detain the strike leaders; none were detained."
    assert extract_text(extractor, text).events == []


def test_nobody_hurt_leaves_the_blast_told_with_it(extractor: Extractor) -> None:
    text = "Nobody was hurt when a bomb went off at a bus stop in Kano on Monday."
    assert _first_type(extractor, text) == "Remote explosive/landmine/IED"


# --- explosives on property; mortars lobbed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # an armed group bombing infrastructure: a remote explosive
        (
            "On 4 April, ELN rebels blew up a section of an oil pipeline near Saravena (Arauca).",
            "Remote explosive/landmine/IED",
        ),
        # forces demolishing a house with explosives: property destruction
        (
            "Israeli forces blew up the family home of a Palestinian gunman in Jenin on Monday.",
            "Looting/property destruction",
        ),
    ],
)
def test_property_blown_up_by_who_did_it(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_mortar_rounds_lobbed_by_a_group_named_in_two_words(extractor: Extractor) -> None:
    text = "On 25 March 2020, Al Shabaab lobbed mortar rounds at the port area in Kismayo (Lower Juba)."
    assert _first_type(extractor, text) == "Shelling/artillery/missile attack"


# --- violence on civilians told with words of fighting or destruction: an attack ----------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 4 April, militiamen invaded the village of Kwall (Plateau) and killed nine residents.",
            "Attack",
        ),
        (
            "On 4 April, gunmen set a minibus on fire with its passengers inside near Mopti, killing four.",
            "Attack",
        ),
        ("On 4 April, RSF fighters looted shops and killed six civilians in Nyala.", "Attack"),
        # nobody hurt: property destroyed
        ("On 4 April, rebels burned 40 houses in Kibirizi; no one was hurt.", "Looting/property destruction"),
        # two armed sides: a clash
        ("On 4 April, soldiers clashed with Dozo militiamen near Mopti, killing five.", "Armed clash"),
    ],
)
def test_violence_on_civilians_is_an_attack(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_bombers_on_a_flyover_are_no_incident(extractor: Extractor) -> None:
    text = "US B-1 bombers made a flyover of the Korean peninsula on Monday."
    assert extract_text(extractor, text).events == []


# --- a death that moved people to protest is no lethal force on them ----------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "On 4 April, police fired tear gas at protesters angry over the death of a man in custody.",
            "Protest with intervention",
        ),
        (
            "On 4 April, a protester was beaten to death by police during a march in Conakry.",
            "Excessive force against protesters",
        ),
        ("On 4 April, police shot dead two protesters in Nairobi.", "Excessive force against protesters"),
    ],
)
def test_lethal_force_is_read_from_what_was_done_to_the_protest(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


# --- recruits graduated, fighters demobilised, leaders stepping down, commands reshuffled ---


@pytest.mark.parametrize(
    "text",
    [
        "On 5 April, the Twirwaneho militia graduated 300 new recruits at a camp in Minembwe.",
        "On 5 April, 250 former M23 fighters were demobilised at a camp in Rumangabo.",
        "On 5 April, the leader of the Kamuina Nsapu militia stepped down in Kananga.",
        "On 5 April, the junta reshuffled the army's top command in Niamey.",
    ],
)
def test_forces_and_leaders_that_change(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Change to group/activity"


@pytest.mark.parametrize(
    "text",
    [
        "The minister resigned over the corruption scandal on Monday.",
        "The prime minister reshuffled his cabinet on Monday.",
        "She graduated from a university in Nairobi in 2010.",
    ],
)
def test_politics_and_careers_are_no_change_to_an_armed_group(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_a_crowd_storming_a_police_post_to_free_a_suspect_is_mob_violence(extractor: Extractor) -> None:
    text = "On 4 April, a crowd stormed a police post in Bukavu to free a detained suspect."
    assert _first_type(extractor, text) == "Mob violence"


def test_a_crowd_attacking_a_police_post_over_a_shooting_riots(extractor: Extractor) -> None:
    text = "Youths attacked a police post in Goma on Monday after a boy was shot by an officer."
    assert _first_type(extractor, text) == "Violent demonstration"


# --- buildings made into bases ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On 6 April, JNIM fighters occupied an empty school near Djenne and used it as a base.",
        "On 6 April, RSF fighters stationed themselves in a hospital in Omdurman.",
    ],
)
def test_a_building_occupied_as_a_base(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Headquarters or base established"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Rebels occupied the town of Bunagana on Monday after heavy fighting.",
            "Non-state actor overtakes territory",
        ),
        ("The US stationed 2,000 troops in Poland in 2023.", None),
    ],
)
def test_a_town_occupied_or_troops_stationed_abroad_are_no_base(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


# --- weapons made safe: controlled explosions, mines cleared, sea drones destroyed ---


@pytest.mark.parametrize(
    "text",
    [
        "On 7 April, soldiers blew up an unexploded artillery shell in a controlled explosion near Izium.",
        "On 7 April, deminers cleared 120 landmines from farmland near Kharkiv.",
        "On 7 April, the navy destroyed an unmanned surface vessel approaching the port of Novorossiysk.",
    ],
)
def test_weapons_made_safe_are_a_disrupted_weapons_use(extractor: Extractor, text: str) -> None:
    assert _first_type(extractor, text) == "Disrupted weapons use"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "A roadside bomb exploded in a rebel-controlled area of Idlib on Monday, killing two.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Rebels destroyed a boat carrying food aid on the river near Kindu.",
            "Looting/property destruction",
        ),
    ],
)
def test_bombs_that_went_off_and_boats_destroyed_are_not(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_a_remote_controlled_bomb_detonated_is_no_controlled_detonation(extractor: Extractor) -> None:
    text = "On 7 April, militants detonated a remote-controlled bomb against a police van in Turbat."
    assert _first_type(extractor, text) == "Remote explosive/landmine/IED"
