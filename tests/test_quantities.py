"""Counts under ACLED's rules (shared/CONTRACT.md section 3) and quantities for claims."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventdesk.analyse.pipeline import load_nlp
from eventdesk.analyse.quantities import find_counts, parse_count, parse_number, parse_quantity
from eventdesk.config import Settings


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two", 2),
        ("twenty-one", 21),
        ("a dozen", 12),
        ("one", 1),
        ("1,200", 1200),
        ("two hundred and five", 205),
        ("3.5 million", 3_500_000),
        ("no one", 0),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("several", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "best", "low", "high"),
    [
        ("12 people", 12, 12, 12),
        ("twenty-one soldiers", 21, 21, 21),
        ("dozens", 12, 12, None),
        ("tens of people", 10, 10, None),
        ("hundreds of civilians", 100, 100, None),
        ("scores of fighters", 20, 20, None),
        ("a number of ISIS members", None, 2, None),
        ("several", None, 2, None),
        ("some civilians", None, 2, None),
        ("many", None, 2, None),
        ("at least 20", 20, 20, None),
        ("more than 30 people", 30, 30, None),
        ("up to 20", 20, None, 20),
        ("as many as 20", 20, None, 20),
        ("between 10 and 15", 10, 10, 15),
        ("10-15 people", 10, 10, 15),
        ("nearly 24", 24, None, 24),
        ("about 40", 40, None, None),
        ("a dozen", 12, 12, 12),
    ],
)
def test_parse_count_follows_acled_rules(
    text: str, best: int | None, low: int | None, high: int | None
) -> None:
    count = parse_count(text)
    assert count is not None
    assert (count.best, count.low, count.high) == (best, low, high)


@pytest.mark.parametrize("text", ["ISIS members", "the attack", ""])
def test_parse_count_without_an_amount(text: str) -> None:
    assert parse_count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nearly 24 attacks", (24, "approximately")),
        ("only two attacks", (2, "exactly")),
        ("nearly two dozen attacks", (24, "approximately")),
        ("more than 300", (300, "at least")),
        ("at least 5", (5, "at least")),
        ("up to 1,000 fighters", (1000, "at most")),
        ("some 300 families", (300, "approximately")),
        ("24 attacks", (24, None)),
        ("several attacks", (None, None)),
    ],
)
def test_parse_quantity_for_claims(text: str, expected: tuple[int | None, str | None]) -> None:
    assert parse_quantity(text) == expected


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(Settings().model)


HEADS = frozenset({"kill", "dead", "wound", "injure"})


def _counts(nlp: Language, text: str) -> list[tuple[str, int | None, int | None, str]]:
    return _counts_with(nlp, text, HEADS)


def test_find_counts_passive_subject(nlp: Language) -> None:
    found = _counts(nlp, "At least 20 people were killed in the bombing in Mosul on Sunday.")
    assert found == [("At least 20", 20, 20, "kill")]


def test_find_counts_object_of_killing(nlp: Language) -> None:
    found = _counts(nlp, "A car bomb exploded near a market in Kabul, killing five civilians.")
    assert [(text, best) for text, best, _, _ in found] == [("five", 5)]


def test_find_counts_vague_plural(nlp: Language) -> None:
    found = _counts(nlp, "Police said a number of militants were killed in the raid.")
    assert [(text, best, low) for text, best, low, _ in found] == [("a number of", None, 2)]


def test_find_counts_ignores_sentences_without_figures(nlp: Language) -> None:
    assert _counts(nlp, "The group threatened to kill the hostages.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll rose to 45, officials said.", [("45", 45)]),
        ("A policeman was killed in the blast.", [("A policeman", 1)]),
        ("The attack left scores of people dead.", [("scores", 20)]),
        ("Four police officers were among the dead.", [("Four", 4)]),
        ("Fifteen civilians, including five children, were killed.", [("Fifteen", 15)]),
        ("Three people were killed and 12 others wounded in the attack.", [("Three", 3), ("12", 12)]),
        ("Two gunmen killed three soldiers.", [("three", 3)]),
        ("The soldiers were killed by two gunmen in three separate attacks.", []),
        ("The deaths of 12 people were confirmed.", [("12", 12)]),
        (
            "The militants killed the governor and his two bodyguards.",
            [("the governor and his two bodyguards", 3)],
        ),
        ("A suicide bomber killed himself and 14 others.", [("himself and 14 others", 15)]),
        ("The shell killed a seven-year-old boy.", [("a seven-year-old boy", 1)]),
        ("A 12-year-old girl was killed by a stray bullet.", [("A 12-year-old girl", 1)]),
        ("Two 19-year-old students were killed.", [("Two", 2)]),
        ("The airstrike killed the family.", []),
        ("The number of dead has risen to 32.", [("32", 32)]),
        ("Hospital officials put the death toll at 15.", [("15", 15)]),
        (
            "The clashes left at least 12 people dead and more than 40 wounded.",
            [("at least 12", 12), ("more than 40", 40)],
        ),
    ],
)
def test_find_counts_in_news_sentences(nlp: Language, sentence: str, expected: list[tuple[str, int]]) -> None:
    heads = frozenset({"kill", "dead", "wound", "toll", "death"})
    assert [(text, best) for text, best, _, _ in _counts_with(nlp, sentence, heads)] == expected


def _counts_with(
    nlp: Language, text: str, heads: frozenset[str]
) -> list[tuple[str, int | None, int | None, str]]:
    doc = nlp(text)
    return [
        (doc.text[start:end], count.best, count.low, head.lemma_)
        for sent in doc.sents
        for start, end, count, head in find_counts(sent, heads)
    ]
