"""Who did it to whom: actor1/actor2 of events, read as ACLED coders read them, one or more sentences per
construction (unnamed perpetrators, a state's weapons, passives, nominals, possessives, "between", positions,
victims and targets)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.extract.event_fill import register_sides
from eventdesk.records import Action, Article, Event, Plover, Result


def _only_event(extractor: Extractor, text: str) -> Event:
    events = extract_text(extractor, text).events
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    return events[0]


def _actor1_text(event: Event) -> str | None:
    return event.actor1_text.text if event.actor1_text else None


# --- an attack whose perpetrator the text does not name: Unidentified Armed Group (country of the event) ---


@pytest.mark.parametrize(
    ("text", "actor1", "phrase"),
    [
        (
            "A roadside bomb killed four policemen near Kandahar, Afghanistan, on Tuesday.",
            "Unidentified Armed Group (Afghanistan)",
            "roadside bomb",
        ),
        (
            "Two soldiers died when their truck struck a landmine in Mali's Mopti region.",
            "Unidentified Armed Group (Mali)",
            "landmine",
        ),
        (
            "Three children were killed by a mine explosion in Yemen's Taiz province.",
            "Unidentified Armed Group (Yemen)",
            "mine explosion",
        ),
        (
            "A suicide attack on a mosque in Kunduz, Afghanistan, killed 50 worshippers.",
            "Unidentified Armed Group (Afghanistan)",
            "suicide attack",
        ),
        (
            "Mortar shells fell on a market in Mogadishu, killing five people.",
            "Unidentified Armed Group (Somalia)",
            "Mortar shells",
        ),
        (
            "An improvised explosive device wounded three Nigerian soldiers in Borno state.",
            "Unidentified Armed Group (Nigeria)",
            "improvised explosive device",
        ),
    ],
)
def test_an_instrument_without_a_doer_is_an_unidentified_armed_group(
    extractor: Extractor, text: str, actor1: str, phrase: str
) -> None:
    event = _only_event(extractor, text)
    assert event.event_type == "Explosions/Remote violence"
    assert (event.actor1, event.inter1, _actor1_text(event)) == (actor1, 3, phrase)


def test_unnamed_attackers_who_throw_a_grenade_are_the_doers(extractor: Extractor) -> None:
    event = _only_event(extractor, "Unknown assailants threw a grenade at a bus station in Nairobi.")
    assert event.sub_event_type == "Grenade"
    assert (event.actor1, _actor1_text(event)) == ("Unidentified Armed Group (Kenya)", "Unknown assailants")


def test_a_claimed_bombing_keeps_the_claimant_not_an_unidentified_group(extractor: Extractor) -> None:
    event = _only_event(
        extractor,
        "A car bomb exploded near a police station in Mogadishu on Sunday, killing four people. "
        "Al-Shabaab claimed responsibility for the blast.",
    )
    assert event.actor1 == "al-Shabaab"


def test_an_air_strike_without_a_doer_names_no_group(extractor: Extractor) -> None:
    """Aircraft point to a state's forces, which the text must name; no group is invented."""
    event = _only_event(extractor, "An airstrike hit a market in Idlib, Syria, killing nine people.")
    assert event.actor1 is None and event.actor2 == "Civilians (Syria)"


# --- a state's adjective or name on an attack noun or weapon: that state's military forces -----------------


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "US drone strikes killed five militants in North Waziristan, Pakistan.",
            "Military Forces of the United States",
        ),
        ("Israeli shelling killed three civilians in southern Lebanon.", "Military Forces of Israel"),
        ("Russian missiles hit an apartment block in Kharkiv overnight.", "Military Forces of Russia"),
        (
            "A Turkish airstrike killed two Kurdish fighters near Qamishli in Syria.",
            "Military Forces of Turkey",
        ),
        (
            "An American airstrike killed a senior ISIS commander in eastern Syria.",
            "Military Forces of the United States",
        ),
        (
            "The US carried out an airstrike against al-Shabaab near Jilib, Somalia.",
            "Military Forces of the United States",
        ),
    ],
)
def test_a_state_that_strikes_strikes_with_its_military(extractor: Extractor, text: str, actor1: str) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 == actor1
    assert event.actor1_text is not None and event.actor1_text.text in text


def test_a_coalition_on_the_jets_is_the_doer(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Saudi-led coalition jets bombed a wedding party in Hajjah province, Yemen."
    )
    assert event.actor1 == "Saudi-led coalition" and event.target == "wedding party"


def test_a_state_in_a_signing_stays_the_state(extractor: Extractor) -> None:
    result = extract_text(extractor, "The United States and Iran signed a prisoner exchange deal in Doha.")
    sides = [e.actor1 for e in result.events] + [a.actor1 for a in result.actions]
    assert sides == ["United States"]


def test_soldiers_of_a_state_named_by_its_short_name_are_its_forces(extractor: Extractor) -> None:
    event = _only_event(extractor, "A roadside bomb killed two US soldiers near Kirkuk, Iraq.")
    assert event.actor2 == "Military Forces of the United States"


# --- passives, nominals, possessives ------------------------------------------------------------------------


def test_the_by_phrase_of_a_passive_is_the_doer(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "A police patrol was ambushed by al-Shabaab militants near Kismayo on Tuesday."
    )
    assert (event.actor1, event.actor2) == ("al-Shabaab", "Police Forces of Somalia")
    abducted = _only_event(
        extractor, "Three journalists were abducted by armed men in Idlib province, Syria."
    )
    assert (abducted.actor1, abducted.actor2) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


def test_an_attack_by_one_on_another(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "An attack by al-Shabaab on an army base in Somalia left ten soldiers dead."
    )
    assert (event.actor1, event.actor2) == ("al-Shabaab", "Military Forces of Somalia")


def test_a_possessive_names_the_doer_without_its_ending(extractor: Extractor) -> None:
    event = _only_event(extractor, "ISWAP's attack on a military base in Borno killed seven soldiers.")
    assert event.actor1 == "Islamic State West Africa Province" and _actor1_text(event) == "ISWAP"
    raid = _only_event(extractor, "The militia's raid on a village in Ituri, Congo, left 14 civilians dead.")
    assert raid.actor1 is not None and raid.actor1.startswith("Unidentified Armed Group")
    assert _actor1_text(raid) == "militia"


def test_an_offensive_against_someone(extractor: Extractor) -> None:
    event = _only_event(extractor, "The army's offensive against the rebels in Darfur killed dozens.")
    assert (event.actor1, event.actor2) == ("Military Forces of Sudan", "Unidentified Armed Group (Sudan)")


def test_the_sides_between_which_fighting_happened(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Fighting between the Sudanese army and the RSF killed 20 civilians in El Fasher."
    )
    assert (event.actor1, event.actor2) == ("Military Forces of Sudan", "Rapid Support Forces")


def test_in_a_riot_the_crowd_acts_first_as_rioters(extractor: Extractor) -> None:
    """ "Police clashed with rioters": ACLED codes the violent crowd as actor1."""
    event = _only_event(extractor, "Police clashed with rioters in Lagos, Nigeria, on Friday.")
    assert event.event_type == "Riots"
    assert (event.actor1, event.inter1) == ("Rioters (Nigeria)", 5)
    assert event.actor2 == "Police Forces of Nigeria"


def test_who_kills_protesters_acts_first_as_in_violence_against_civilians(extractor: Extractor) -> None:
    event = _only_event(extractor, "Soldiers opened fire on protesters in Yangon, killing three.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.actor1, event.actor2) == ("Military Forces of Myanmar", "Protesters (Myanmar)")
    assert (event.inter1, event.inter2, event.interaction) == (1, 6, 16)


def test_who_disperses_protesters_without_lethal_force_is_the_protests_second_side(
    extractor: Extractor,
) -> None:
    text = "Police used tear gas to disperse hundreds of protesters in Nairobi on Monday."
    event = _only_event(extractor, text)
    assert event.sub_event_type == "Protest with intervention"
    assert (event.actor1, event.actor2) == ("Protesters (Kenya)", "Police Forces of Kenya")


def test_coordinated_doers_lead_and_associate(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Malian soldiers and Wagner fighters killed 30 civilians near Mopti, Mali."
    )
    assert event.actor1 == "Military Forces of Mali" and event.assoc_actor1 == ["Wagner Group"]
    assert event.actor2 == "Civilians (Mali)"


def test_an_apposition_does_not_replace_the_doer(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Taliban fighters, the group's elite unit, attacked a police checkpoint in Kunduz."
    )
    assert event.actor1 == "Taliban" and event.actor2 == "Police Forces of Afghanistan"


def test_the_holder_of_a_position_partly_taken_is_the_other_side(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Ethiopian troops captured part of a TPLF stronghold in Tigray after days of fighting."
    )
    assert event.actor1 == "Military Forces of Ethiopia"
    assert event.actor2 == "Tigray People's Liberation Front"


# --- victims and targets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Gunmen abducted a priest in Kaduna, Nigeria, on Sunday.", "Civilians (Nigeria)"),
        ("A bomb blast ripped through a market in Baghdad, killing 12 shoppers.", "Civilians (Iraq)"),
        ("Five villagers were killed by Boko Haram fighters in Borno state.", "Civilians (Nigeria)"),
    ],
)
def test_civilian_victims_are_civilians_of_the_country(extractor: Extractor, text: str, actor2: str) -> None:
    event = _only_event(extractor, text)
    assert (event.actor2, event.inter2) == (actor2, 7)


def test_a_name_the_victim_is_against_is_not_the_victim(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "An anti-government blogger was shot dead in Dhaka, Bangladesh, on Monday."
    )
    # the blogger hit is a civilian (ACLED), not the government the word "anti-government" names
    assert event.actor2 == "Civilians (Bangladesh)"
    assert event.actor2_text is not None and event.actor2_text.text == "anti-government blogger"
    assert event.sub_event_type == "Attack"


def test_a_thing_hit_is_the_target_not_an_actor(extractor: Extractor) -> None:
    event = _only_event(extractor, "Russian missiles hit an apartment block in Kharkiv overnight.")
    assert event.actor2 is None and event.target == "apartment block"


def test_people_named_by_nationality_alone_are_civilians(extractor: Extractor) -> None:
    event = _only_event(extractor, "British aircraft killed four Iraqis near Basra, Iraq.")
    assert (event.actor2, event.inter2) == ("Civilians (Iraq)", 7)


@pytest.mark.parametrize("stance", ["anti-Iran", "anti- Iran", "pro-Iran"])
def test_a_country_a_victim_is_against_is_not_their_country(extractor: Extractor, stance: str) -> None:
    event = _only_event(extractor, f"An outspoken {stance} lawyer was killed by a roadside bomb in Kirkuk.")
    assert event.actor2 == "Civilians (Iraq)"


def test_guerrillas_of_a_named_group_are_that_group(extractor: Extractor) -> None:
    event = _only_event(extractor, "Shabaab guerrillas ambushed a convoy of trucks outside Mogadishu.")
    assert event.actor1 == "al-Shabaab"


def test_a_two_word_nationality_is_not_its_last_word(extractor: Extractor) -> None:
    event = _only_event(extractor, "South Sudanese troops clashed with rebels near Juba.")
    assert event.actor1 == "Military Forces of South Sudan"
    assert event.actor2 == "Unidentified Armed Group (South Sudan)"


@pytest.mark.parametrize(
    ("text", "actor1", "phrase"),
    [
        (
            "The ambush, carried out by al-Shabaab, killed eight soldiers near Baidoa, Somalia.",
            "al-Shabaab",
            "al-Shabaab",
        ),
        (
            "Two children were killed by a mine laid by the militia in Taiz, Yemen.",
            "Unidentified Armed Group (Yemen)",
            "militia",
        ),
        (
            "A bomb planted by militants exploded near a bus in Quetta, Pakistan, killing four passengers.",
            "Unidentified Armed Group (Pakistan)",
            "militants",
        ),
    ],
)
def test_the_agent_of_a_participle_on_the_incident_or_weapon_is_the_doer(
    extractor: Extractor, text: str, actor1: str, phrase: str
) -> None:
    event = _only_event(extractor, text)
    assert (event.actor1, _actor1_text(event)) == (actor1, phrase)


def test_who_fired_a_weapon_and_at_what(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Iranian-backed militias fired rockets at an army base near Baghdad, Iraq."
    )
    assert event.actor1 == "Unidentified Armed Group (Iraq)"  # the backer's country is not theirs
    assert event.actor2 == "Military Forces of Iraq"


def test_a_capital_hit_is_a_place_not_its_government(extractor: Extractor) -> None:
    event = _only_event(extractor, "Russian missiles struck the capital Kyiv on Monday.")
    assert event.actor2 is None and event.target == "capital Kyiv"
    attack = _only_event(extractor, "Russia's missile attack on Kyiv killed three people.")
    assert attack.actor1 == "Military Forces of Russia" and attack.actor2 != "Government of Ukraine"


def test_every_side_of_an_event_is_among_the_actors(extractor: Extractor) -> None:
    result = extract_text(extractor, "A roadside bomb killed two US soldiers near Kirkuk, Iraq.")
    actors = {actor.name: actor for actor in result.actors}
    sides = {name for e in result.events for name in (e.actor1, e.actor2, *e.assoc_actor1) if name}
    assert sides and sides <= actors.keys()
    bomber = actors["Unidentified Armed Group (Iraq)"]
    assert (bomber.type, bomber.country, bomber.inter) == ("political_militia", "IQ", 3)
    assert "roadside bomb" in [m.text for m in bomber.mentions]


def test_every_side_of_an_action_joins_the_actors(extractor: Extractor) -> None:
    result = Result(article=Article(id="t", text="Insurgents told the army to leave Gao."))
    demand = Action(
        Plover(event="REQUEST"), actor1="Unidentified Armed Group (Mali)", actor2="Military Forces of Mali"
    )
    result.actions.append(demand)
    register_sides(result, extractor.knowledge)
    actors = {actor.name: actor for actor in result.actors}
    assert actors.keys() == {"Unidentified Armed Group (Mali)", "Military Forces of Mali"}
    assert actors["Unidentified Armed Group (Mali)"].country == "ML"


def test_an_unnamed_group_is_named_after_the_country_where_it_acts(extractor: Extractor) -> None:
    event = _only_event(extractor, "A Somali suicide bomber killed five people at a hotel in Nairobi, Kenya.")
    assert event.actor1 == "Unidentified Armed Group (Kenya)"
    assert _actor1_text(event) == "Somali suicide bomber"


@pytest.mark.parametrize(
    "text",
    [
        "A man detonated an explosive vest at a wedding in Kabul, killing 20 guests.",
        "Two men opened fire on worshippers at a mosque in Quetta, Pakistan.",
    ],
)
def test_unnamed_people_who_attack_are_an_armed_group(extractor: Extractor, text: str) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 is not None and event.actor1.startswith("Unidentified Armed Group (")
    assert event.actor2 is not None and event.actor2.startswith("Civilians (")


def test_a_mob_is_rioters(extractor: Extractor) -> None:
    event = _only_event(extractor, "Villagers lynched a suspected thief in Kisumu, Kenya.")
    assert event.sub_event_type == "Mob violence"
    assert (event.actor1, event.inter1) == ("Rioters (Kenya)", 5)


@pytest.mark.parametrize(
    "text",
    [
        "The Kabul attack killed 13 soldiers, officials said.",
        "The Baghdad bombing killed 30 people.",
    ],
)
def test_a_place_before_an_attack_noun_is_where_not_who(extractor: Extractor, text: str) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 is None or event.actor1.startswith("Unidentified Armed Group")


def test_a_town_attacked_is_no_actor(extractor: Extractor) -> None:
    event = _only_event(extractor, "A Syrian army attack on Idlib killed five civilians.")
    assert event.actor1 == "Military Forces of Syria" and event.actor2 == "Civilians (Syria)"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Mortar shells fell on a market in Mogadishu, killing five people.", "market"),
        ("Gunmen attacked a church in Burkina Faso, killing 14 worshippers.", "church"),
    ],
)
def test_the_victims_are_actor2_and_the_place_hit_the_target(
    extractor: Extractor, text: str, target: str
) -> None:
    event = _only_event(extractor, text)
    assert event.actor2 is not None and event.actor2.startswith("Civilians (")
    assert event.target == target


def test_the_unnamed_perpetrator_rules_come_from_the_knowledge_in_use(extractor: Extractor) -> None:
    text = "A roadside bomb killed four policemen near Kandahar, Afghanistan, on Tuesday."
    kb = extractor.knowledge
    packaged = kb.unnamed_perpetrators
    kb.__dict__["unnamed_perpetrators"] = replace(packaged, sub_event_types=frozenset())
    try:
        assert _only_event(extractor, text).actor1 is None
    finally:
        kb.__dict__["unnamed_perpetrators"] = packaged
    assert _only_event(extractor, text).actor1 == "Unidentified Armed Group (Afghanistan)"


@pytest.mark.parametrize("dash", ["-", "—", "–"])
def test_the_place_of_a_wire_dateline_is_no_doer_whatever_its_dash(extractor: Extractor, dash: str) -> None:
    text = f"NAIROBI (AP) {dash} A roadside bomb exploded near a bus station on Sunday, killing four people."
    event = _only_event(extractor, text)
    assert event.actor1 == "Unidentified Armed Group (Kenya)"  # not the capital as the state


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("MOGADISHU, Somalia (AP) — Gunmen killed two soldiers on Monday.", "Unidentified Armed Group"),
        ("GAO, Mali (AP) — JNIM fighters ambushed an army convoy on Monday.", "Jama'at Nusrat al-Islam"),
    ],
)
def test_a_doer_the_parser_hangs_on_the_dateline_is_still_the_doer(
    extractor: Extractor, text: str, doer: str
) -> None:
    event = _only_event(extractor, text)
    assert event.actor1 is not None and event.actor1.startswith(doer)


@pytest.mark.parametrize(
    ("text", "force"),
    [
        ("Riot police beat demonstrators with batons in Abidjan on Friday.", "Police Forces of Ivory Coast"),
        ("Police fired rubber bullets at protesters in Yerevan on Friday.", "Police Forces of Armenia"),
    ],
)
def test_force_used_on_protesters_codes_the_protesters_first(
    extractor: Extractor, text: str, force: str
) -> None:
    events = extract_text(extractor, text).events
    assert [e.event_type for e in events] == ["Protests"]
    assert events[0].actor1 is not None and events[0].actor1.startswith("Protesters (")
    assert events[0].actor2 == force


def test_lethal_force_on_protesters_codes_the_force_first(extractor: Extractor) -> None:
    events = extract_text(extractor, "Troops shot at demonstrators in Kano on Friday, killing four.").events
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert (events[0].actor1, events[0].actor2) == ("Military Forces of Nigeria", "Protesters (Nigeria)")


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers detained her at a roadblock in Bamako on Friday.",
        "Two suicide bombers blew themselves up at a bus station in Maiduguri, killing 9.",
        "Herders and farmers clashed with knives near Makurdi on Tuesday.",
        "Troops fired live rounds at a crowd of mourners in Khartoum on Friday.",
    ],
)
def test_a_target_is_never_a_pronoun_a_number_or_a_weapon(extractor: Extractor, text: str) -> None:
    targets = [e.target for e in extract_text(extractor, text).events]
    wrong = {"her", "9", "knives", "live rounds"}
    assert targets and all(t is None or t.lower() not in wrong for t in targets)


def test_a_place_that_holds_weapons_is_a_target(extractor: Extractor) -> None:
    text = "Rockets hit an ammunition depot near Kherson on Monday, killing a guard."
    events = extract_text(extractor, text).events
    assert [e.target for e in events] == ["ammunition depot"]
