"""Fixes from a review of the event rules: a cue read only where it belongs (its own clause, its own phrase,
the crowd it describes), not anywhere in the sentence. Sentences written for these tests from ACLED's
definitions."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event


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
