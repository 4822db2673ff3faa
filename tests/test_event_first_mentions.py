"""An incident first told as what a reaction or a claim of responsibility is about ("condemned Sunday's
bombing of a market in Kano, which killed 14 people") is reported there; one told before is only referred
to, and a killing told in a clause that describes the incident is its toll."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor


def test_an_incident_first_told_in_a_condemnation_is_an_event(extractor: Extractor) -> None:
    text = (
        "The foreign ministry condemned the twin suicide bombings at a bus station in Quetta on Friday, "
        "which killed 19 passengers."
    )
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]
    assert events[0].fatalities.best == 19


def test_a_condemnation_of_an_incident_told_before_adds_no_event(extractor: Extractor) -> None:
    text = (
        "Gunmen stormed a hotel in Bamako on Tuesday, killing three guards. "
        "The African Union condemned the attack on the hotel in Bamako."
    )
    assert len(extract_text(extractor, text).events) == 1


def test_a_condemnation_without_details_adds_no_event(extractor: Extractor) -> None:
    assert extract_text(extractor, "The embassy condemned the bombing, a spokesman said.").events == []


def test_an_incident_first_told_in_its_claim_is_done_by_the_claimant(extractor: Extractor) -> None:
    text = (
        "Al-Shabaab claimed the bombing of a police station in Baidoa on Monday, which killed six officers."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].actor1 is not None and "Shabaab" in events[0].actor1
    assert events[0].fatalities.best == 6


def test_a_claim_of_an_incident_told_before_credits_it(extractor: Extractor) -> None:
    text = (
        "A car bomb exploded outside a courthouse in Mogadishu on Sunday, killing five people. "
        "Al-Shabaab claimed the bombing in a statement."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].actor1 is not None and "Shabaab" in events[0].actor1


def test_the_agent_of_a_passive_claim_is_the_claimant(extractor: Extractor) -> None:
    text = "A blast claimed by the Islamic State tore through a crowded market in Kandahar on Sunday."
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].actor1 == "Islamic State"


def test_an_unclaimed_incident_first_told_in_the_denial_is_an_event(extractor: Extractor) -> None:
    text = "No group has claimed the bombing of a bus depot in Peshawar on Sunday, which killed seven people."
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert events[0].fatalities.best == 7


def test_no_claim_of_an_incident_told_before_adds_nothing(extractor: Extractor) -> None:
    text = (
        "A car bomb exploded outside a courthouse in Mogadishu on Sunday, killing five people. "
        "No group has claimed the bombing."
    )
    events = extract_text(extractor, text).events
    assert len(events) == 1 and events[0].fatalities.best == 5


def test_the_place_and_date_of_a_reaction_are_not_an_incident(extractor: Extractor) -> None:
    text = "The Security Council condemned the attack in a statement issued in New York on Friday."
    assert extract_text(extractor, text).events == []
