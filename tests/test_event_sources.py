"""Who an event is attributed to (contract: "according to X", "X said"): speakers by name, by organisation,
or, when the text names neither, as it describes them, for an analyst weighs "residents said" and "the army
said" differently."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Gunmen shot dead three farmers near Bama on Sunday, residents said.", "residents"),
        ("According to a hospital doctor, the blast in Bosaso on Monday killed six.", "hospital doctor"),
        ("Rebels overran the town of Kitchanga on Friday, the army said in a statement.", "army"),
    ],
)
def test_a_speaker_the_text_only_describes_is_still_a_source(
    extractor: Extractor, text: str, source: str
) -> None:
    events = extract_text(extractor, text).events
    assert len(events) == 1
    assert any(s.startswith(source) for s in events[0].sources)


def test_an_event_nobody_is_said_to_report_has_no_source(extractor: Extractor) -> None:
    events = extract_text(extractor, "Gunmen shot dead three farmers near Bama on Sunday.").events
    assert len(events) == 1 and events[0].sources == []
