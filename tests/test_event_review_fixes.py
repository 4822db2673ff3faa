"""Fixes from a review of the event rules: a cue read only where it belongs (its own clause, its own phrase,
the crowd it describes), not anywhere in the sentence. Sentences written for these tests from ACLED's
definitions."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.extract.event_draft import Draft
from eventdesk.extract.event_merge import absorb
from eventdesk.extract.event_typing import Typing
from eventdesk.knowledge.event_types import load_event_lexicon
from eventdesk.records import Event, Plover, Span


def _events(extractor: Extractor, text: str) -> list[Event]:
    return sorted(extract_text(extractor, text).events, key=lambda e: min(s.start for s in e.evidence))


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.sub_event_type for e in _events(extractor, text)]


# --- 'another' opens a new incident only on an incident noun ------------------------------------------------


def test_another_on_a_count_of_victims_adds_to_the_raid(extractor: Extractor) -> None:
    text = (
        "Armed men overran Tungan Daji village in Sokoto on Friday and shot dead seven farmers. "
        "The raiders seized another four girls before riding off."
    )
    assert _types(extractor, text) == ["Attack"]


def test_another_on_a_count_of_fighters_stays_the_battle(extractor: Extractor) -> None:
    text = (
        "Soldiers fought off an assault by jihadists on their camp near Menaka on Sunday. "
        "The troops killed another nine fighters as they pushed the assailants back."
    )
    assert _types(extractor, text) == ["Armed clash"]


def test_another_on_an_incident_noun_tells_a_second_incident(extractor: Extractor) -> None:
    text = (
        "Armed men raided Tungan Daji village in Sokoto on Friday, killing seven farmers. "
        "In another attack, armed men shot two herders."
    )
    assert _types(extractor, text) == ["Attack", "Attack"]


def test_an_act_added_without_another_story_merges(extractor: Extractor) -> None:
    text = (
        "Armed men raided Tungan Daji village in Sokoto on Friday, killing seven farmers. "
        "Armed men also shot two herders."
    )
    assert _types(extractor, text) == ["Attack"]


# --- harm makes property destruction an attack only when the destruction's own clauses tell it --------------


def test_a_killing_in_a_time_clause_leaves_a_demolition_property_destruction(extractor: Extractor) -> None:
    text = "Troops razed a family home in Nablus on Tuesday, three years after the son shot a border guard."
    assert _types(extractor, text)[0] == "Looting/property destruction"


def test_a_killing_in_a_relative_clause_on_a_person_leaves_a_demolition(extractor: Extractor) -> None:
    text = "Troops razed the home of a teacher who had killed two guards, in Nablus on Tuesday."
    assert _types(extractor, text)[0] == "Looting/property destruction"


def test_people_killed_by_the_burning_itself_make_it_an_attack(extractor: Extractor) -> None:
    text = "Militiamen torched a minibus near Bunia on Tuesday, killing four of its passengers."
    assert _types(extractor, text) == ["Attack"]


# --- a protest held back only through 'from' ----------------------------------------------------------------


def test_kept_marching_is_a_protest_that_went_on(extractor: Extractor) -> None:
    text = "Thousands of nurses kept marching through Kampala on Thursday in spite of a downpour."
    assert _types(extractor, text) == ["Peaceful protest"]


def test_kept_from_marching_is_no_protest(extractor: Extractor) -> None:
    text = "Police kept thousands of nurses from marching through Kampala on Thursday."
    assert _types(extractor, text) == []


# --- an agreement is coded when it is reached, not when it is kept ------------------------------------------


def test_a_truce_kept_is_no_agreement(extractor: Extractor) -> None:
    for text in (
        "Both sides observed the truce along the front in Zaporizhzhia on Sunday, observers reported.",
        "The rival militias honoured the ceasefire in Tripoli on Friday.",
    ):
        assert _types(extractor, text) == [], text


def test_a_truce_extended_is_an_agreement(extractor: Extractor) -> None:
    text = "The rival militias extended the ceasefire in Tripoli on Friday."
    assert _types(extractor, text) == ["Agreement"]


# --- an -ing word that governs its own complement keeps governing it ----------------------------------------


def test_an_attack_only_threatened_is_no_attack(extractor: Extractor) -> None:
    text = "Gunmen threatening to attack churches in Kaduna on Friday."
    assert _types(extractor, text) == []


def test_a_participle_describing_the_doers_leaves_their_act(extractor: Extractor) -> None:
    text = "Traders demanding lower taxes clashed with police in Kumasi on Sunday."
    assert _types(extractor, text) == ["Violent demonstration"]


# --- a crowd's grievance is its own; civilians turning on the state riot only with one ----------------------


def test_a_grievance_of_the_victim_leaves_a_mob_killing_mob_violence(extractor: Extractor) -> None:
    text = "A crowd beat a butcher to death in Jos on Saturday after he demanded payment of a debt."
    assert _types(extractor, text)[0] == "Mob violence"


def test_a_grievance_the_crowd_voices_makes_a_riot(extractor: Extractor) -> None:
    text = "Youths protesting a fuel price hike torched a bus station in Jos on Saturday."
    assert _types(extractor, text)[0] == "Violent demonstration"


def test_civilians_killing_a_soldier_without_a_grievance_are_a_mob(extractor: Extractor) -> None:
    text = "Three herders killed a gendarme near Gao on Saturday."
    assert _types(extractor, text) == ["Mob violence"]


def test_a_crowd_turning_on_the_police_over_a_death_riots(extractor: Extractor) -> None:
    text = "Residents stormed a police station in Jos on Saturday after a detained trader died in a cell."
    assert _types(extractor, text)[0] == "Violent demonstration"


# --- a typing taken over by a merge is the incident's own copy ----------------------------------------------


def test_a_typing_taken_over_is_a_copy() -> None:
    lx = load_event_lexicon()
    burning = Typing("Riots", "Looting/property destruction", Plover("ASSAULT", None, ["economic"]), False)
    killing = Typing("Violence against civilians", "Attack", Plover("ASSAULT", None, ["economic"]), True)
    kept = Draft(typing=burning, trigger=Span(0, 6, "burned"), frame=lx.frames["destruction"], sentence=0)
    other = Draft(typing=killing, trigger=Span(20, 26, "killed"), frame=lx.frames["attack"], sentence=0)
    absorb(kept, other, lx)
    assert kept.typing == killing
    kept.typing.sub_event_type = "Abduction/forced disappearance"
    kept.typing.plover.context.append("political")
    assert other.typing.sub_event_type == "Attack"
    assert other.typing.plover.context == ["economic"]


# --- a phrase cue matches its words told together, in order -----------------------------------------------


def test_no_harm_phrase_scattered_over_the_sentence_is_no_cue(extractor: Extractor) -> None:
    text = (
        "Militiamen burned thirty huts near Bunia on Sunday; one woman was injured, and no arrests were made."
    )
    assert _types(extractor, text)[0] == "Attack"


def test_no_harm_phrase_told_together_leaves_property_destruction(extractor: Extractor) -> None:
    text = "Militiamen set fire to thirty huts near Bunia on Sunday; no one was injured."
    assert _types(extractor, text)[0] == "Looting/property destruction"


def test_an_investigation_under_way_leaves_a_roadside_bomb_an_ied(extractor: Extractor) -> None:
    text = "A roadside bomb hit a bus near Mopti on Sunday, causing damage; an investigation is under way."
    assert _types(extractor, text)[0] == "Remote explosive/landmine/IED"


# --- a raid and the looting told with it are one incident, also when someone was hurt ----------------------


def test_a_raid_with_looting_and_a_wounded_herder_is_one_attack(extractor: Extractor) -> None:
    text = "Bandits raided a village near Gusau on Friday and stole sheep; a herder was injured."
    assert _types(extractor, text) == ["Attack"]


def test_a_raid_with_looting_and_none_hurt_is_one_looting(extractor: Extractor) -> None:
    text = "Bandits raided a village near Gusau on Friday and stole sheep."
    assert _types(extractor, text) == ["Looting/property destruction"]
