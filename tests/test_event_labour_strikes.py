"""A labour strike ("went on strike") is a stoppage, never an armed strike: whoever stops work, no attack is
read from it; a strike by a drone or aircraft stays one."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "Dockers at the harbour went on strike on Monday over unpaid wages.",
        "Staff at the state refinery in Kaduna went on strike over pay on Tuesday.",
    ],
)
def test_a_stoppage_is_no_attack(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert all(e.event_type not in ("Violence against civilians", "Battles") for e in events)


def test_a_drone_strike_stays_an_air_strike(extractor: Extractor) -> None:
    events = extract_text(extractor, "A drone strike hit a compound in Jilib on Monday.").events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
