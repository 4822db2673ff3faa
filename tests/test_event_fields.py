"""The fields of an event (where, when, how many dead, who) as ACLED's notes and wire leads state them."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event, Result


def _first(result: Result) -> Event:
    assert result.events, "no event extracted"
    return min(result.events, key=lambda e: min(s.start for s in e.evidence))


# --- where: a town followed by its district and province in brackets ---------------------------------


def test_town_with_its_province_in_brackets_is_placed(extractor: Extractor) -> None:
    text = "On 4 March 2022, Russian troops shot two cyclists in Bucha (Kyiv) during the occupation."
    location = _first(extract_text(extractor, text)).location
    assert location.country == "UA"
    assert location.name == "Bucha"


def test_bracketed_province_after_a_capital_does_not_hide_the_place(extractor: Extractor) -> None:
    text = "On 8 June 2023, gendarmes detained a trade unionist in Bamako (Bamako) for insulting the army."
    assert _first(extract_text(extractor, text)).location.country == "ML"
