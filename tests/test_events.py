"""Events: what is an incident and what is not, how one is filled, and the seed article's gold events."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.knowledge.event_types import load_event_lexicon
from eventdesk.records import Event, Result

SEED_GOLD = Path("gold") / "seed" / "thereference-21499.gold.json"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _evidence_of(event: Event) -> str:
    return " | ".join(_squash(span.text) for span in event.evidence)


def _events_with(result: Result, snippet: str) -> list[Event]:
    return [e for e in result.events if any(snippet in _squash(s.text) for s in e.evidence)]


# --- the seed article (shared/gold/seed) ---------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_gold(shared: Path) -> dict:
    return json.loads((shared / SEED_GOLD).read_text(encoding="utf-8"))


def test_seed_raid_and_fight_are_one_armed_clash(seed_result: Result) -> None:
    clashes = _events_with(seed_result, "organization's hideouts")
    assert len(clashes) == 1
    event = clashes[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor1 == "Taliban" and event.actor2 is not None and "Khorasan" in event.actor2
    evidence = _evidence_of(event)
    assert "Zabihullah Mujahid confirmed" in evidence and "An armed fight broke out" in evidence
    assert (event.fatalities.low, event.fatalities.best) == (2, None)
    assert event.location.name is not None and "Kabul" in event.location.name
    assert event.plover.event == "ASSAULT"


def test_seed_clash_without_a_date_takes_the_publication_window(seed_result: Result) -> None:
    event = _events_with(seed_result, "An armed fight broke out")[0]
    assert event.date.assumed and event.date.precision in (2, 3)
    assert date(2023, 1, 1) <= date.fromisoformat(event.date.start) <= date.fromisoformat(event.date.end)
    assert event.date.end == "2023-03-01"


@pytest.mark.parametrize("target", ["Kabul airport", "Ministry of Foreign Affairs"])
def test_seed_enumerated_attacks_are_single_incidents(seed_result: Result, target: str) -> None:
    events = [e for e in seed_result.events if e.target and target in e.target]
    assert len(events) == 1
    event = events[0]
    assert event.actor1 is not None and "Khorasan" in event.actor1
    assert event.date.start >= "2023-01-01" and event.date.end <= "2023-02-28" and not event.date.assumed


def test_seed_has_exactly_the_three_gold_incidents(seed_result: Result) -> None:
    assert len(seed_result.events) == 3


def test_seed_not_events_make_no_event(seed_result: Result, seed_gold: dict) -> None:
    for item in seed_gold["not_events"]:
        snippet = _squash(item["text"])
        overlapping = [
            e for e in seed_result.events if any(_overlaps(_squash(s.text), snippet) for s in e.evidence)
        ]
        assert not overlapping, (item["why"], [e.summary for e in overlapping])


def _overlaps(evidence: str, snippet: str) -> bool:
    words = snippet.split()
    middle = " ".join(words[len(words) // 3 : 2 * len(words) // 3])
    return middle in evidence


def test_seed_events_carry_sources_and_summaries(seed_result: Result) -> None:
    clash = _events_with(seed_result, "An armed fight broke out")[0]
    assert {"Zabihullah Mujahid", "Hasht-e Subh"} <= set(clash.sources)
    for event in seed_result.events:
        assert event.summary.endswith(".") and 0.0 <= event.confidence <= 1.0


# --- what is not an incident -----------------------------------------------------------------------------

NOT_INCIDENTS = [
    "The car was unable to stop before striking a parked truck on the highway.",
    "Zamalek ended their losing run by beating Enppi 1-0 on Sunday.",
    "The developer demolished the old apartment blocks to make way for a shopping centre.",
    "He has prior arrests for trespassing and theft.",
    "The militants threatened to attack the army base in Gao if the troops did not leave.",
    "The army may launch an offensive against the rebels next week, a commander said.",
    "Rebels did not attack the town on Sunday, the governor said.",
    "The group will carry out more bombings in the capital, its leader warned.",
    "The Islamic State carried out 24 attacks in the province last year, according to the report.",
    "The Taliban denied carrying out the attack on the convoy.",
    "Officials fear that al-Shabaab is planning to attack hotels in Mogadishu.",
    "The operation aims to prevent the insurgents from seizing the town.",
    "A clash between the two militias has become inevitable, analysts said.",
]


@pytest.mark.parametrize("text", NOT_INCIDENTS)
def test_modal_future_negated_and_aggregate_mentions_are_no_incident(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_threat_is_a_plover_action_not_an_event(extractor: Extractor) -> None:
    result = extract_text(extractor, "The rebels threatened to storm the capital within days.")
    assert result.events == []
    assert [a.plover.event for a in result.actions] == ["THREATEN"]
    assert "actions" in result.to_dict()


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The government will release 200 political prisoners next week, the minister said.", "AGREE"),
        ("The rebels vowed to attack the capital before the elections.", "THREATEN"),
    ],
)
def test_commitments_are_pledges_or_threats_not_events(extractor: Extractor, text: str, plover: str) -> None:
    result = extract_text(extractor, text)
    assert result.events == []
    assert [a.plover.event for a in result.actions] == [plover]


def test_demand_and_condemnation_are_actions(extractor: Extractor) -> None:
    demand = extract_text(extractor, "Protesters demanded the release of the jailed journalist.")
    assert "REQUEST" in {a.plover.event for a in demand.actions}
    condemned = extract_text(extractor, "The United Nations condemned the attack on the convoy.")
    assert condemned.events == [] and [a.plover.event for a in condemned.actions] == ["ACCUSE"]


def test_background_incident_is_not_reported_again(extractor: Extractor) -> None:
    result = extract_text(
        extractor, "The two sides agreed to a truce after three days of fighting in the city."
    )
    assert [e.sub_event_type for e in result.events] == ["Agreement"]


# --- filling ------------------------------------------------------------------------------------------------


def test_actors_victims_and_counts(extractor: Extractor) -> None:
    result = extract_text(
        extractor,
        "Gunmen killed 23 people and wounded five others in an attack on a bus station in Kano on Monday, "
        "police said.",
    )
    event = result.events[0]
    assert event.actor1 is not None and event.actor1_text is not None and event.actor1_text.text == "Gunmen"
    assert (event.fatalities.best, event.injuries.best) == (23, 5)
    assert event.date.start == event.date.end == "2024-05-06"
    assert event.civilian_targeting


def test_vague_toll_gives_a_low_bound_only(extractor: Extractor) -> None:
    result = extract_text(
        extractor, "A number of soldiers were killed in an ambush near Tillaberi on Sunday."
    )
    event = result.events[0]
    assert (event.fatalities.best, event.fatalities.low) == (None, 2)


def test_two_reports_of_one_incident_merge(extractor: Extractor) -> None:
    text = (
        "Islamic State fighters attacked an army checkpoint near Raqqa on Tuesday, the army said. "
        "The attack on the checkpoint killed three soldiers, a monitoring group said."
    )
    result = extract_text(extractor, text)
    assert len(result.events) == 1
    assert len(result.events[0].evidence) == 2
    assert result.events[0].fatalities.best == 3


def test_different_incidents_stay_apart(extractor: Extractor) -> None:
    text = (
        "Rebels kidnapped four aid workers near Goma on Monday. "
        "In a separate incident, a roadside bomb killed two policemen in Beni on Tuesday."
    )
    subs = sorted(e.sub_event_type for e in extract_text(extractor, text).events)
    assert subs == ["Abduction/forced disappearance", "Remote explosive/landmine/IED"]


def test_no_published_date_and_no_date_in_text_leaves_the_date_empty(extractor: Extractor) -> None:
    result = extract_text(extractor, "Militants ambushed a patrol near the border.", published=None)
    event = result.events[0]
    assert event.date.start is None and event.date.assumed


# --- a wire report, end to end --------------------------------------------------------------------------

WIRE_REPORT = """Gunmen kill 12 in attack on Nigerian village

KANO, Nigeria, March 4 (Reuters) - Gunmen killed at least 12 people and abducted dozens of others in an \
overnight raid on a village in northwestern Nigeria's Zamfara state, police and residents said on Monday.

The attackers, riding on motorcycles, stormed Kurya village late on Sunday, shooting sporadically and \
setting houses on fire, resident Musa Abubakar told Reuters by phone.

"They came in large numbers and started shooting at anyone they saw," he said.

Police spokesman Mohammed Shehu confirmed the attack and said security forces had been deployed to the area.

Armed gangs, known locally as bandits, have killed more than 3,000 people in northwestern Nigeria since \
2020, according to Amnesty International.

Separately, the army said its troops killed 15 insurgents during a clash with Islamic State West Africa \
Province fighters near Monguno in Borno state on Saturday. Two soldiers were wounded in the fighting, it said.

Hundreds of people protested in Gusau, the state capital, on Monday to demand better security. Police \
fired tear gas to disperse the crowd.
"""


@pytest.fixture(scope="module")
def wire(extractor: Extractor) -> Result:
    return extract_text(extractor, WIRE_REPORT, published="2024-03-04")


def test_wire_report_has_one_event_per_incident(wire: Result) -> None:
    subs = sorted(e.sub_event_type for e in wire.events)
    assert subs == ["Armed clash", "Attack", "Protest with intervention"]


def test_wire_raid_told_four_times_is_one_attack(wire: Result) -> None:
    attack = next(e for e in wire.events if e.sub_event_type == "Attack")
    assert attack.fatalities.best == 12 and len(attack.evidence) >= 3
    assert attack.date.start == "2024-03-03"  # "overnight" before a Monday publication, not the dateline
    assert all("3,000" not in span.text for span in attack.evidence)  # the count since 2020 is no incident


def test_wire_clash_keeps_its_wounded(wire: Result) -> None:
    clash = next(e for e in wire.events if e.sub_event_type == "Armed clash")
    assert (clash.fatalities.best, clash.injuries.best) == (15, 2)
    assert clash.actor2 is not None and "West Africa" in clash.actor2
    assert clash.date.start == clash.date.end == "2024-03-02"


def test_wire_dispersal_told_next_is_the_protest_outcome(wire: Result) -> None:
    protest = next(e for e in wire.events if e.event_type == "Protests")
    assert len(protest.evidence) == 2 and "tear gas" in protest.evidence[1].text


# --- sides -------------------------------------------------------------------------------------------------


def test_forces_abroad_taking_a_village_are_external(extractor: Extractor) -> None:
    text = "Russian forces captured the village of Ocheretyne in the Donetsk region of Ukraine on Sunday."
    event = extract_text(extractor, text).events[0]
    assert event.sub_event_type == "Non-state actor overtakes territory"
    assert event.inter1 == 8


def test_weapon_owner_is_the_attacker(extractor: Extractor) -> None:
    text = "Russian missiles struck a residential district of Kharkiv on Sunday, killing five people."
    event = extract_text(extractor, text).events[0]
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1_text is not None and event.actor1_text.text == "Russian"
    assert event.fatalities.best == 5 and event.civilian_targeting


def test_habits_and_self_claims_are_no_incidents(extractor: Extractor) -> None:
    habit = "Al-Shabaab frequently carries out such attacks in the capital."
    assert extract_text(extractor, habit).events == []
    claim = 'Al-Shabaab said in a statement that it had killed "dozens" of soldiers.'
    assert extract_text(extractor, claim).events == []


# --- second round: generalisation (sentences written for these tests, not taken from any corpus) ---------


def _only_event(extractor: Extractor, text: str) -> Event:
    events = extract_text(extractor, text).events
    assert len(events) == 1, [(e.sub_event_type, e.trigger.text if e.trigger else None) for e in events]
    return events[0]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Three traders were shot dead by gunmen at a cattle market in Maiduguri on Monday.", 3),
        ("Two policemen were hacked to death by a mob in the town of Ilorin on Friday.", 2),
        ("A crowd lynched a suspected thief in the town of Bunia on Friday, local media reported.", 1),
        ("Residents beat to death two men accused of stealing a motorbike in Kisumu on Sunday.", 2),
    ],
)
def test_death_verbs_give_fatalities(extractor: Extractor, text: str, dead: int) -> None:
    assert _only_event(extractor, text).fatalities.best == dead


def test_a_death_in_the_setting_clause_is_not_the_incidents(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "Protesters blocked a highway in Karachi on Monday after a student died in police custody."
    )
    assert event.fatalities.best is None
    assert event.sub_event_type == "Peaceful protest"


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State published photos on Sunday depicting its fighters executing four men in Borno.",
        "Al-Shabaab released footage on Friday that shows its fighters storming an army base near Baidoa.",
        "Monday marks five years since gunmen killed 40 worshippers at a mosque in Christchurch.",
        "Villagers gathered on Sunday to commemorate the massacre of 80 farmers in Yelwata.",
        "No group has claimed responsibility for the blast at the market in Peshawar on Wednesday.",
        "The group carried out three attacks last year, one of which targeted a military convoy in Kidal.",
        "ISWAP said it killed 45 soldiers over the past month in a series of raids in Borno.",
    ],
)
def test_depicted_recalled_claimed_and_yearly_are_no_incidents(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_claim_of_responsibility_names_the_earlier_attacker(extractor: Extractor) -> None:
    text = (
        "A suicide bomber blew himself up at a tea shop in Kismayo on Tuesday, killing at least 9 people. "
        "Al-Shabaab claimed responsibility for the bombing."
    )
    event = _only_event(extractor, text)
    assert event.actor1 == "al-Shabaab"
    assert event.fatalities.best == 9


def test_destruction_by_the_attackers_is_part_of_the_attack(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked the village of Tawari on Sunday, killing 12 people. "
        "They also looted shops and burned huts."
    )
    event = _only_event(extractor, text)
    assert event.event_type == "Violence against civilians"
    assert event.fatalities.best == 12
    assert len(event.evidence) == 2


def test_looting_and_burning_in_one_sentence_is_one_event(extractor: Extractor) -> None:
    event = _only_event(extractor, "Militants looted a health centre and torched homes in Kajuru on Monday.")
    assert event.sub_event_type == "Looting/property destruction"


def test_undated_continuation_inherits_the_date(extractor: Extractor) -> None:
    clash = "Soldiers clashed with insurgents near Gwoza on 3 May 2025. "
    continued = extract_text(
        extractor, clash + "Hours later, rebels shelled a camp in Bama.", published="2025-05-10"
    )
    assert len(continued.events) == 2
    assert {e.date.start for e in continued.events} == {"2025-05-03"}
    separate = extract_text(
        extractor, clash + "Separately, rebels shelled a camp in Bama.", published="2025-05-10"
    )
    assert [e.date.assumed for e in separate.events] == [False, True]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "The Zomi Revolutionary Army captured the village of Tonzang on Saturday.",
            "Non-state actor overtakes territory",
        ),
        (
            "The militia said it would suspend all military operations in the region.",
            "Change to group/activity",
        ),
        (
            "The armed group announced the dissolution of its military wing on Friday.",
            "Change to group/activity",
        ),
        (
            "The rebels set up a new camp near the border town of Moreh on Tuesday.",
            "Headquarters or base established",
        ),
        (
            "Russian troops established a forward base outside Kupiansk on Sunday.",
            "Headquarters or base established",
        ),
    ],
)
def test_named_rebels_changes_and_bases_are_typed(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    assert _only_event(extractor, text).sub_event_type == sub_event_type


def test_base_words_need_a_base(extractor: Extractor) -> None:
    assert (
        extract_text(extractor, "The ministry set up a committee to study fuel prices on Monday.").events
        == []
    )


def test_sides_named_by_prepositions_and_coordination(extractor: Extractor) -> None:
    retaken = _only_event(
        extractor, "The Malian army retook the town of Anefis from separatist rebels on Wednesday."
    )
    assert (retaken.actor1, retaken.actor2) == ("Military Forces of Mali", "Unidentified Armed Group")
    handed = _only_event(
        extractor, "French troops handed over the Ansongo base to the Malian army on Monday."
    )
    assert handed.actor2 == "Military Forces of Mali" and handed.target == "Ansongo base"
    fight = _only_event(
        extractor, "Sudan's army and the Rapid Support Forces exchanged heavy fire in Omdurman."
    )
    assert fight.actor2 == "Rapid Support Forces" and fight.sub_event_type == "Armed clash"


def test_coordinated_owners_of_the_weapon_are_associates(extractor: Extractor) -> None:
    event = _only_event(extractor, "US and British warplanes struck rebel positions near Sanaa on Friday.")
    assert event.actor1 == "United States" and len(event.assoc_actor1) == 1
    joint = _only_event(
        extractor, "Chadian and Nigerien troops attacked a Boko Haram camp near Lake Chad on Sunday."
    )
    assert (joint.actor1, joint.assoc_actor1) == ("Military Forces of Chad", ["Military Forces of Niger"])


def test_unknown_named_defence_force_is_not_a_state(extractor: Extractor) -> None:
    event = _only_event(
        extractor, "The Karenni Nationalities Defence Force overran a junta outpost on Monday."
    )
    assert event.inter1 == 2
    assert event.sub_event_type == "Non-state actor overtakes territory"


@pytest.mark.parametrize(
    ("text", "incidents"),
    [
        ("Jihadists killed 30 soldiers in the past month in attacks across Borno, the newsletter said.", 0),
        ("RSF fighters raped dozens of women in El Geneina between June and November last year.", 0),
        ("Gunmen killed 12 villagers in Zurmi earlier this month, residents said.", 1),
    ],
)
def test_counts_over_a_stretch_of_time_are_no_incident(
    extractor: Extractor, text: str, incidents: int
) -> None:
    assert len(extract_text(extractor, text).events) == incidents


@pytest.mark.parametrize(
    ("text", "actor1", "inter1"),
    [
        (
            "Hundreds of people marched in Port Sudan on Thursday to demand an end to the war.",
            "Protesters (Sudan)",
            6,
        ),
        (
            "Around 300 nurses held a sit-in outside the health ministry in Nairobi on Monday.",
            "Protesters (Kenya)",
            6,
        ),
    ],
)
def test_who_protests_is_protesters(extractor: Extractor, text: str, actor1: str, inter1: int) -> None:
    event = _only_event(extractor, text)
    assert (event.actor1, event.inter1) == (actor1, inter1)


def test_unnamed_parties_get_acled_names(extractor: Extractor) -> None:
    event = _only_event(extractor, "Al-Shabaab fighters attacked an army checkpoint near Baidoa on Thursday.")
    assert event.actor2 == "Military Forces of Somalia" and event.sub_event_type == "Armed clash"
    bomb = _only_event(extractor, "A roadside bomb killed four soldiers in Kurram, Pakistan, on Monday.")
    assert bomb.actor1 == "Unidentified Armed Group (Pakistan)"  # ACLED: an unnamed bomber
    assert bomb.actor2 == "Military Forces of Pakistan"


def test_parties_signing_an_agreement_abroad(extractor: Extractor) -> None:
    text = (
        "Ethiopia's government and the Tigray People's Liberation Front signed a peace agreement in Pretoria."
    )
    event = _only_event(extractor, text)
    assert (event.actor1, event.actor2) == ("Government of Ethiopia", "Tigray People's Liberation Front")
    assert event.inter1 == 1


def test_the_side_fought_in_the_setting_is_the_counterpart(extractor: Extractor) -> None:
    text = "Syrian troops recaptured Saraqeb on Monday after days of fighting with Hayat Tahrir al-Sham."
    event = _only_event(extractor, text)
    assert event.sub_event_type == "Government regains territory"
    assert event.actor2 is not None and "Tahrir al-Sham" in event.actor2


@pytest.mark.parametrize(
    "text",
    [
        "The group claimed 14 attacks in March, one of which killed a district governor in Kunar.",
        "Rebels staged five ambushes last year, two of them on army convoys near Beni.",
    ],
)
def test_items_of_a_counted_set_are_no_incidents(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_footage_nobody_released_is_evidence_of_an_incident(extractor: Extractor) -> None:
    text = "Security camera footage showed gunmen opening fire on shoppers at a mall in Nairobi on Saturday."
    assert len(extract_text(extractor, text).events) == 1


@pytest.mark.parametrize(
    ("text", "incidents"),
    [
        ("Police recalled that gunmen had killed three officers at a checkpoint in Bauchi on Tuesday.", 1),
        (
            "Rival militias clashed in Tripoli on Sunday, fighting that marked the worst violence this year.",
            1,
        ),
        (
            "Jihadists killed 20 civilians in Tin-Akoff on Sunday, ten years after the village was attacked.",
            1,
        ),
    ],
)
def test_recall_rules_keep_reported_incidents(extractor: Extractor, text: str, incidents: int) -> None:
    assert len(extract_text(extractor, text).events) == incidents


def test_from_phrase_on_the_place_names_the_side_it_was_taken_from(extractor: Extractor) -> None:
    text = "Troops recaptured the village of Koki in the Kwara district from Boko Haram fighters on Friday."
    event = _only_event(extractor, text)
    assert event.actor2 == "Boko Haram"
    assert event.target == "village of Koki"


def test_first_direct_object_is_the_victim_not_a_postposed_reporter(extractor: Extractor) -> None:
    text = "Prison guards sexually abused Eritrean migrants for months, an aid group charged on Monday."
    event = _only_event(extractor, text)
    assert event.actor2 == "Civilians (Eritrea)"
    assert event.actor2_text is not None and event.actor2_text.text == "Eritrean migrants"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Turkish tanks fired two shell bombs at targets in Afrin on Tuesday, residents said.", "Afrin"),
        ("Russian jets struck positions near Kherson on Monday.", "Kherson"),
    ],
)
def test_weapon_object_gives_way_to_the_target_and_its_place(
    extractor: Extractor, text: str, target: str
) -> None:
    event = _only_event(extractor, text)
    assert event.target is not None and target in event.target
    assert event.actor2 is None


def test_attempt_names_whom_it_was_aimed_at(extractor: Extractor) -> None:
    text = "Police said they thwarted an attempt to assassinate the mayor of Kismayo on Sunday."
    event = _only_event(extractor, text)
    # a civilian office holder is an actor (contract: target is what was hit when not an actor)
    assert event.actor2 == "Civilians (Somalia)"
    assert event.actor2_text is not None and event.actor2_text.text.startswith("mayor")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ethiopia launched an invasion of the Tigray region on Wednesday, diplomats said.", "Tigray region"),
        ("Houthi fighters carried out the shelling of Marib city on Friday, residents said.", "Marib city"),
    ],
)
def test_of_phrase_of_an_invasion_or_shelling_is_its_target(
    extractor: Extractor, text: str, target: str
) -> None:
    event = _only_event(extractor, text)
    assert event.target == target


def test_taking_part_against_someone_names_the_victims(extractor: Extractor) -> None:
    text = "Local militiamen were involved in a massacre against Hutu villagers near Goma on Monday."
    event = _only_event(extractor, text)
    assert event.actor2 is not None and event.actor2.startswith("Civilians")
    assert event.actor2_text is not None and event.actor2_text.text == "Hutu villagers"


def test_who_held_someone_who_died_in_custody_is_the_first_side(extractor: Extractor) -> None:
    text = "A journalist died in army detention in Bamenda after being tortured, his lawyer said on Monday."
    event = _only_event(extractor, text)
    assert event.actor1_text is not None and event.actor1_text.text == "army"
    assert event.inter1 == 1
    assert event.actor2_text is not None and event.actor2_text.text == "journalist"


@pytest.mark.parametrize(
    ("text", "inter2", "target"),
    [
        ("Rioters torched a police station in Kisumu on Tuesday, witnesses said.", None, "police station"),
        ("Gunmen attacked a police station in Kisumu on Tuesday, witnesses said.", 1, None),
    ],
)
def test_building_burnt_by_rioters_is_the_target_attacked_by_gunmen_its_owner(
    extractor: Extractor, text: str, inter2: int | None, target: str | None
) -> None:
    event = _only_event(extractor, text)
    assert (event.inter2, event.target) == (inter2, target)


def test_death_in_a_setting_clause_is_not_the_side_hit(extractor: Extractor) -> None:
    text = "A mob burnt a police station in Kisumu on Tuesday after a man died in custody, police said."
    event = _only_event(extractor, text)
    assert event.actor2 is None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen carried out an attack on a mosque that killed seven worshippers in Kano on Friday.",
        "Rebels shelled a market that killed 12 traders in Goma on Friday, residents said.",
    ],
)
def test_thing_a_relative_clause_hangs_on_is_no_killer(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert events
    assert all(e.actor1 not in ("mosque", "market") for e in events)
    assert all(e.actor1_text is None or e.actor1_text.text not in ("mosque", "market") for e in events)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Villagers beat to death a suspected thief near Eldoret on Friday, police said.", 1),
        ("A mob beat to death two suspected robbers near Eldoret on Friday, police said.", 2),
    ],
)
def test_object_of_beat_to_death_is_counted(extractor: Extractor, text: str, dead: int) -> None:
    assert _only_event(extractor, text).fatalities.best == dead


def test_up_to_a_figure_misread_as_a_particle_still_names_the_victims(extractor: Extractor) -> None:
    text = (
        "Militants have abducted up to 25 Pakistani civilian contractors from a village market, "
        "police said today."
    )
    event = _only_event(extractor, text)
    assert event.actor2_text is not None and event.actor2_text.text == "Pakistani civilian contractors"


def test_nationality_of_a_doer_word_in_the_trigger_names_its_forces(extractor: Extractor) -> None:
    text = "Syrian tanks fired shells at the village of Kafr Nabl on Monday, activists said."
    event = _only_event(extractor, text)
    assert event.actor1 == "Military Forces of Syria"
    assert event.actor1_text is not None and event.actor1_text.text == "Syrian tanks"


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("We shelled their positions near Kharkiv on Monday, a unit commander told reporters.", "We"),
        ("Those fighting the army ambushed a patrol near Gao on Monday, officials said.", "Those"),
        ("Police are still investigating last week's bombings in Peshawar, officials said.", "last week's"),
        ("Repeated raids killed four herders near Maiduguri on Sunday, residents said.", "Repeated raids"),
    ],
)
def test_pronouns_dates_and_activities_are_no_side(extractor: Extractor, text: str, junk: str) -> None:
    events = extract_text(extractor, text).events
    texts = [s.text for e in events for s in (e.actor1_text, e.actor2_text) if s is not None]
    names = [n for e in events for n in (e.actor1, e.actor2) if n]
    assert junk not in texts and junk not in names


@pytest.mark.parametrize(
    "text",
    [
        "Part of the recruits' training includes responding to ambushes by insurgents near the border.",
        "Recruits are training to fight in urban areas near Tapa, the army said.",
        "Instructors said they were targeting the training at small units in Kenya.",
    ],
)
def test_a_drill_is_no_incident(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_a_real_attack_on_a_training_camp_is_an_incident(extractor: Extractor) -> None:
    text = "Gunmen attacked a police training camp in Kano on Friday, killing three recruits, police said."
    assert extract_text(extractor, text).events


def test_an_undated_past_use_is_no_incident(extractor: Extractor) -> None:
    text = "The militia has used barrel bombs in the past, and it could do so again, a commander said."
    assert extract_text(extractor, text).events == []


# --- PLOVER actions that are no ACLED incidents ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The two navies began joint war games in the Baltic Sea on Monday.", "COOPERATE"),
        ("Kenya extradited a suspected arms dealer to Belgium on Friday.", "COOPERATE"),
        ("Jordan shared intelligence with Iraq about the smuggling network.", "COOPERATE"),
        ("Japan sent food and medicine to the flooded provinces of Pakistan.", "AID"),
        ("Turkey is supplying drones and training to the Somali army.", "AID"),
        ("Medical volunteers evacuated injured civilians from the shelled district on Sunday.", "AID"),
        ("The army strengthened its forces along the northern border on Tuesday.", "MOBILIZE"),
        ("Security forces stayed on alert in Dakar before the election results were announced.", "MOBILIZE"),
        ("The ministry lifted the ban on opposition newspapers on Wednesday.", "CONCEDE"),
        ("The government accepted the demands of the striking doctors on Monday.", "CONCEDE"),
        ("Chile and Bolivia restored diplomatic ties after a ten-year break.", "SUPPORT"),
        ("The charity reduced medicine shipments to the clinics after a dispute with officials.", "SANCTION"),
    ],
)
def test_plover_actions_given_shared_or_eased(extractor: Extractor, text: str, plover: str) -> None:
    result = extract_text(extractor, text)
    assert result.events == []
    assert plover in {a.plover.event for a in result.actions}


@pytest.mark.parametrize(
    "text",
    [
        "Relief workers in Goma said the border crossing had reopened.",
        "Aid agencies and support groups met in Geneva on Monday.",
    ],
)
def test_a_noun_naming_a_kind_is_no_action(extractor: Extractor, text: str) -> None:
    assert {a.plover.event for a in extract_text(extractor, text).actions} <= {"CONSULT"}


@pytest.mark.parametrize(
    "text",
    [
        "The opposition said it would boycott the elections in Lome.",
        "The government will extend the curfew in the capital, the minister announced on Monday.",
        "The union will withdraw its members from the talks unless the employers raise wages.",
    ],
)
def test_coercion_announced_for_the_future_is_a_threat(extractor: Extractor, text: str) -> None:
    result = extract_text(extractor, text)
    assert result.events == []
    assert "THREATEN" in {a.plover.event for a in result.actions}


def test_help_announced_for_the_future_is_a_pledge(extractor: Extractor) -> None:
    text = "Norway will send food and medicine to the flooded region, the minister said."
    result = extract_text(extractor, text)
    assert {a.plover.event for a in result.actions} == {"AGREE"}


def test_what_a_speaker_says_another_must_do_is_a_demand(extractor: Extractor) -> None:
    text = "The European Union said on Monday that Belarus must release all political prisoners."
    result = extract_text(extractor, text)
    demands = [a for a in result.actions if a.plover.event == "REQUEST"]
    assert len(demands) == 1 and demands[0].actor2 and "Belarus" in demands[0].actor2


def test_we_must_is_no_demand(extractor: Extractor) -> None:
    result = extract_text(extractor, "The minister said we must remain calm.")
    assert "REQUEST" not in {a.plover.event for a in result.actions}


def test_a_toll_after_an_incident_is_its_toll(extractor: Extractor) -> None:
    text = "On 2 May 2023, militants attacked an army post near Gao. At least 7 killed."
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].fatalities.low == 7


def test_a_toll_sentence_is_evidence_of_the_incident_it_counts(extractor: Extractor) -> None:
    text = "Bandits raided a police outpost near Katsina on Sunday. Four officers were killed."
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].fatalities.best == 4
    assert any(span.contains(events[0].fatalities.span) for span in events[0].evidence)


def test_killings_told_with_their_own_place_and_day_are_another_incident(extractor: Extractor) -> None:
    text = (
        "Bandits raided a farming village in Sokoto on Sunday. "
        "Three police officers were killed in Jos on Wednesday."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 2
    village, officers = sorted(events, key=lambda e: e.evidence[0].start)
    assert village.fatalities.best is None
    assert officers.fatalities.best == 3 and officers.location.name == "Jos"


def test_a_toll_after_a_protest_tells_its_outcome(extractor: Extractor) -> None:
    text = "On 4 June 2022, troops fired at protesters outside the governor's office in Kano. 3 killed."
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert "3 killed." in _evidence_of(events[0])


def test_no_one_killed_after_a_protest_is_no_lethal_force(extractor: Extractor) -> None:
    text = "On 4 June 2022, police fired tear gas at protesters in Kano. No one was killed."
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_no_is_read_as_a_negation_word() -> None:
    assert "no" in load_event_lexicon().words("negations")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen have abducted dozens of travellers on the Abuja road over the past month, residents said.",
        "The minister said police had seized more than 3,000 weapons this year.",
        "Farmers burned crop residue in the fields near Amritsar, worsening the smog.",
    ],
)
def test_counts_over_a_stretch_and_field_burning_are_no_events(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


@pytest.mark.parametrize(
    "text",
    [
        "Earlier this year, gunmen kidnapped a priest near Kaduna, police said.",
        "Gunmen kidnapped a priest near Kaduna last week, police said.",
    ],
)
def test_a_vague_date_still_dates_one_incident(extractor: Extractor, text: str) -> None:
    assert len(extract_text(extractor, text).events) == 1


def test_a_leader_detained_in_a_coup_is_part_of_the_coup(extractor: Extractor) -> None:
    text = "On 3 August 2023, soldiers detained the president and seized power in Bissau."
    assert [e.sub_event_type for e in extract_text(extractor, text).events] == ["Other"]


def test_the_sides_of_actions_are_listed_actors(extractor: Extractor) -> None:
    result = extract_text(extractor, "The opposition coalition said the army must leave the capital.")
    assert result.actions, "a demand is a PLOVER action"
    names = {actor.name for actor in result.actors}
    sides = {side for action in result.actions for side in (action.actor1, action.actor2) if side}
    assert sides and sides <= names


@pytest.mark.parametrize(
    "text",
    [
        "The movement remains committed to carrying out attacks on the capital, its leader said.",
        "The rebels are determined to seize the port before the rains.",
        "The faction is keen to ambush the convoys that supply the garrison.",
    ],
)
def test_a_commitment_to_violence_is_no_incident(extractor: Extractor, text: str) -> None:
    assert extract_text(extractor, text).events == []


def test_an_attack_committed_is_still_an_incident(extractor: Extractor) -> None:
    text = "Militants committed an attack on a police checkpoint in Kandahar on Monday."
    events = extract_text(extractor, text).events
    assert [(e.sub_event_type, e.actor2) for e in events] == [("Armed clash", "Police Forces of Afghanistan")]
