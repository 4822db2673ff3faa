"""Words of violence that report no incident (extract/event_generic.py): platforms, descriptions of a side,
campaigns, definitions, running tallies, drills and mentions of an incident already told; each beside a
sentence of the same shape that does report one."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


def _types(extractor: Extractor, text: str) -> list[str]:
    return [e.sub_event_type for e in extract_text(extractor, text).events]


@pytest.mark.parametrize(
    "text",
    [
        # a weapon platform, not an attack
        "The air force sent attack, transport and reconnaissance helicopters to the northern base on Friday.",
        "Allied planes flew 40 sorties using bomber and fighter aircraft over the Gulf on Monday.",
        # a side described, not a clash
        "Kurdish units fighting the Islamic State near Hasakah asked for more ammunition, a commander said.",
        "Militias battling the army in the hills have recruited hundreds of teenagers, the report said.",
        # a campaign joined or going on
        "Four fighter jets landed in Jordan on Sunday to join the fight against the Islamic State.",
        "The president thanked the police for their role in the ongoing battle for Marawi.",
        "Parliament voted on Tuesday to fund the war against the insurgents in the north.",
        # a definition
        "An engagement, as the task force uses the term, means any exchange of fire with hostile forces.",
        # a running tally of a campaign
        "The airstrikes have destroyed 120 trucks, 35 bunkers and 9 command posts, the spokesman said.",
        # an activity, not an incident
        "Countries which have conducted strikes in Yemen include Britain and the United States.",
        # not a killing
        "The crews are ready to execute the evacuation plan, a pilot said on Monday.",
        # a campaign's goal, not yet done
        "In the campaign to liberate Raqqa, the allied forces have made steady progress, the envoy said.",
        "Officers called the mission to recapture Kidal the priority of the year, a spokesman said.",
        # a verb of taking part says who took part, not that the parties fought each other
        "Both armies have engaged in talks on a prisoner exchange, the mediators said.",
        # a drill
        "Gunners fired live rounds during a training exercise near Tapa on Tuesday, the army said.",
        "Our crews shot at mock targets for three days before the exercise, a sergeant said.",
    ],
)
def test_mentions_that_report_no_incident(extractor: Extractor, text: str) -> None:
    assert _types(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Militants attacked a police patrol near Hasakah on Tuesday, killing four officers.", "Armed clash"),
        ("Attack helicopters fired rockets at rebel positions near Sake on Friday.", "Air/drone strike"),
        ("Kurdish units fought Islamic State militants near Hasakah on Monday.", "Armed clash"),
        ("The battle for the airport began on Monday when rebels stormed the terminal.", "Armed clash"),
        ("A coalition airstrike destroyed a militant checkpoint near Tabqa on Sunday.", "Air/drone strike"),
        ("Gunmen executed four farm workers near Maiduguri on Tuesday, residents said.", "Attack"),
        ("Gunmen seized twenty passengers from a train near Kaduna.", "Abduction/forced disappearance"),
        ("Warplanes have conducted strikes on rebel depots near Hama since Monday.", "Air/drone strike"),
        ("Striking miners have staged rallies in Rustenburg against the wage offer.", "Peaceful protest"),
    ],
)
def test_same_shapes_that_report_an_incident(extractor: Extractor, text: str, expected: str) -> None:
    assert expected in _types(extractor, text)


def test_a_demonstrative_mention_adds_evidence_to_the_incident_told_before(extractor: Extractor) -> None:
    text = (
        "Gunmen opened fire on a wedding party in Zurmi on Saturday, killing nine guests. "
        "This attack shows that the gangs no longer fear the state, the governor said."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert any("This attack shows" in span.text for span in events[0].evidence)


def test_a_demonstrative_mention_with_nothing_told_before_is_kept(extractor: Extractor) -> None:
    text = "This attack on a school in Kabul on Monday killed six pupils, officials said."
    assert _types(extractor, text) != []


def _type_told_in(extractor: Extractor, text: str, sentence_start: str) -> list[str]:
    events = extract_text(extractor, text).events
    return [e.sub_event_type for e in events if any(s.text.startswith(sentence_start) for s in e.evidence)]


def test_an_ambiguous_word_keeps_the_sense_the_article_gave_it(extractor: Extractor) -> None:
    text = (
        "Allied warplanes carried out six strikes against militant targets in Anbar on Sunday. "
        "Near Rutba, one strike hit a militant fighting position."
    )
    assert _type_told_in(extractor, text, "Near Rutba") == ["Air/drone strike"]


def test_a_labour_strike_does_not_carry_over_to_a_deadly_strike(extractor: Extractor) -> None:
    text = (
        "Port workers in Ashdod began a strike over pay on Monday. "
        "Separately, an Israeli strike killed four people in Rafah on Tuesday."
    )
    assert not any(
        t.startswith("Peaceful") or "protesters" in t for t in _type_told_in(extractor, text, "Separately")
    )


def test_a_bombing_that_hits_leads_its_clause(extractor: Extractor) -> None:
    text = "A roadside blast hit an army truck near Gao on Thursday, killing two soldiers."
    assert _types(extractor, text) == ["Remote explosive/landmine/IED"]


def test_what_a_strike_destroyed_is_not_the_weapon_used(extractor: Extractor) -> None:
    text = (
        "Coalition warplanes carried out strikes near Baiji on Friday. "
        "Near Hawija, one strike destroyed a VBIED workshop and two mortar tubes."
    )
    assert _type_told_in(extractor, text, "Near Hawija") == ["Air/drone strike"]
