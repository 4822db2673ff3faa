"""A heading is a short line without final punctuation that the text breaks after; a sentence the parser
cut in the middle of a line is no heading, and the incident it tells is still read."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventdesk.analyse.pipeline import load_nlp
from eventdesk.config import Settings
from eventdesk.extract.event_detect import is_heading


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(Settings().model)


def test_a_short_line_before_a_break_is_a_heading(nlp: Language) -> None:
    doc = nlp("Gunmen kill three farmers in Borno\n\nGunmen killed three farmers near Bama on Sunday.")
    assert is_heading(doc[0:6])


def test_the_first_part_of_a_line_cut_by_the_parser_is_no_heading(nlp: Language) -> None:
    doc = nlp("Gunmen killed three farmers near Bama on Sunday and burned their homes, residents said.")
    assert not is_heading(doc[0:6])  # "Gunmen killed three farmers near Bama" goes on in the same line
