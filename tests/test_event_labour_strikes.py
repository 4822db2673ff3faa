"""A labour strike ("went on strike") is a stoppage, never an armed strike; a strike that kills or hits
something is an armed one, whoever reports it ("hospital staff said")."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Dockers at the harbour went on strike in Mombasa on Monday over unpaid wages.",
        "Staff at the state refinery in Kaduna went on strike over pay on Tuesday.",
    ],
)
def test_a_stoppage_is_a_protest_and_no_attack(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert [e.event_type for e in events] == ["Protests"]


@pytest.mark.parametrize(
    "text",
    [
        "Hospital staff said a Russian strike killed 12 people in Kharkiv on Monday.",
        "Medical staff said the strike on the school in Gaza killed 15 people on Monday.",
    ],
)
def test_a_strike_that_kills_is_armed_whoever_reports_it(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert events and all(e.event_type != "Protests" for e in events)


def test_a_drone_strike_stays_an_air_strike(extractor: Extractor) -> None:
    events = extract_text(extractor, "A drone strike hit a compound in Jilib on Monday.").events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Authorities closed all markets in Maiduguri on Monday after a suicide bomber struck a mosque.",
         "Suicide bomb"),
        ("Traders in Kharkiv shut their shops on Monday after a Russian missile strike hit the market.",
         "Shelling/artillery/missile attack"),
        ("Traders shut their shops in Srinagar on Monday in a strike called by separatists.",
         "Peaceful protest"),
    ],
)
def test_shops_shut_in_a_strike_protest_but_not_after_a_bombing(
    extractor: Extractor, text: str, sub_event_type: str
) -> None:
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == [sub_event_type]
