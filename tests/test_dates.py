"""Date expressions resolved against a publication date. Expected ranges worked out by hand on a calendar:
2023-03-01 is a Wednesday, 2024-05-10 a Friday (2024 is a leap year)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from eventdesk.analyse.dates import find_date_phrases, resolve_date, resolve_relative
from eventdesk.analyse.pipeline import load_nlp
from eventdesk.config import Settings

WED = date(2023, 3, 1)
FRI = date(2024, 5, 10)


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        ("March 3, 2023", FRI, "2023-03-03", "2023-03-03", 1),
        ("3 March", FRI, "2024-03-03", "2024-03-03", 1),
        ("the 3rd of March", FRI, "2024-03-03", "2024-03-03", 1),
        ("2023-03-03", None, "2023-03-03", "2023-03-03", 1),
        ("Friday, May 3", FRI, "2024-05-03", "2024-05-03", 1),
        ("Thursday, March 2", WED, "2023-03-02", "2023-03-02", 1),
        ("Wednesday 2 March", WED, "2022-03-02", "2022-03-02", 1),
        ("on Tuesday", FRI, "2024-05-07", "2024-05-07", 1),
        ("on Friday", FRI, "2024-05-10", "2024-05-10", 1),
        ("last Friday", FRI, "2024-05-03", "2024-05-03", 1),
        ("on Monday night", FRI, "2024-05-06", "2024-05-06", 1),
        ("Tuesday's", WED, "2023-02-28", "2023-02-28", 1),
        ("yesterday", FRI, "2024-05-09", "2024-05-09", 1),
        ("yesterday morning", WED, "2023-02-28", "2023-02-28", 1),
        ("two days ago", FRI, "2024-05-08", "2024-05-08", 1),
        ("overnight", FRI, "2024-05-09", "2024-05-10", 2),
        ("last night", WED, "2023-02-28", "2023-02-28", 1),
        ("last week", FRI, "2024-04-29", "2024-05-05", 2),
        ("over the weekend", FRI, "2024-05-04", "2024-05-05", 2),
        ("May 1-3", FRI, "2024-05-01", "2024-05-03", 2),
        ("early March", FRI, "2024-03-01", "2024-03-10", 3),
        ("mid-March", WED, "2022-03-11", "2022-03-20", 3),
        ("late February", FRI, "2024-02-21", "2024-02-29", 3),
        ("earlier this month", FRI, "2024-05-01", "2024-05-10", 3),
        ("in the early hours of Sunday", FRI, "2024-05-05", "2024-05-05", 1),
        ("this past weekend", FRI, "2024-05-04", "2024-05-05", 2),
        ("in the past 24 hours", FRI, "2024-05-09", "2024-05-10", 2),
        ("early last week", FRI, "2024-04-29", "2024-05-01", 2),
        ("late last month", FRI, "2024-04-21", "2024-04-30", 3),
        ("the first week of April", FRI, "2024-04-01", "2024-04-07", 2),
        ("the last week of February", FRI, "2024-02-23", "2024-02-29", 2),
        ("the first quarter of 2024", FRI, "2024-01-01", "2024-03-31", 3),
        ("the first half of last year", FRI, "2023-01-01", "2023-06-30", 3),
        ("between 2019 and 2021", None, "2019-01-01", "2021-12-31", 3),
        ("the 1990s", None, "1990-01-01", "1999-12-31", 3),
        ("a few days ago", FRI, "2024-05-04", "2024-05-08", 2),
        ("several weeks ago", FRI, "2024-03-25", "2024-04-28", 3),
        ("last October", FRI, "2023-10-01", "2023-10-31", 3),
        ("last April", FRI, "2024-04-01", "2024-04-30", 3),
        ("Friday to Tuesday", FRI, "2024-05-03", "2024-05-07", 2),
        ("the late 1980s", None, "1987-01-01", "1989-12-31", 3),
        ("last month", WED, "2023-02-01", "2023-02-28", 3),
        ("in January", FRI, "2024-01-01", "2024-01-31", 3),
        ("in June", FRI, "2023-06-01", "2023-06-30", 3),
        ("December 2022", FRI, "2022-12-01", "2022-12-31", 3),
        ("January and February of last year", WED, "2022-01-01", "2022-02-28", 3),
        ("between March and May 2021", FRI, "2021-03-01", "2021-05-31", 3),
        ("the beginning of this year", WED, "2023-01-01", "2023-02-28", 3),
        ("the end of last year", FRI, "2023-11-01", "2023-12-31", 3),
        ("mid-2022", FRI, "2022-05-01", "2022-08-31", 3),
        ("last year", WED, "2022-01-01", "2022-12-31", 3),
        ("this year", FRI, "2024-01-01", "2024-05-10", 3),
        ("in 2021", None, "2021-01-01", "2021-12-31", 3),
        ("since March", FRI, "2024-03-01", "2024-05-10", 3),
        ("since Tuesday", FRI, "2024-05-07", "2024-05-10", 2),
        ("last summer", WED, "2022-06-01", "2022-08-31", 3),
        ("three months ago", FRI, "2024-02-01", "2024-02-29", 3),
        ("the past two weeks", FRI, "2024-04-26", "2024-05-10", 3),
    ],
)
def test_resolves_expressions(
    text: str, published: date | None, start: str, end: str, precision: int
) -> None:
    resolved = resolve_date(text, published)
    assert resolved is not None, text
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)
    assert resolved.text == text


@pytest.mark.parametrize(
    "text",
    ["several hours", "nearly seven years", "47-minute", "two days", "three years", "a long time", "ISIS"],
)
def test_durations_and_non_dates_give_none(text: str) -> None:
    assert resolve_date(text, WED) is None


@pytest.mark.parametrize("text", ["last year", "on Tuesday", "in January", "yesterday"])
def test_relative_expressions_need_a_publication_date(text: str) -> None:
    assert resolve_date(text, None) is None


def test_dates_are_never_after_publication_for_past_phrases() -> None:
    resolved = resolve_date("this month", WED)
    assert resolved is not None and resolved.end == "2023-03-01"


def test_future_phrases_resolve_after_publication() -> None:
    assert resolve_date("tomorrow", FRI).start == "2024-05-11"  # type: ignore[union-attr]
    later = resolve_date("later this year", FRI)
    assert later is not None and (later.start, later.end) == ("2024-05-11", "2024-12-31")


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp(Settings().model)


def test_find_date_phrases_in_a_sentence(nlp: Language) -> None:
    doc = nlp("Officials said on Tuesday that the two attacks took place at the beginning of this year.")
    found = {
        doc.text[start:end]: (r.start, r.end) for start, end, r in find_date_phrases(next(doc.sents), WED)
    }
    assert found == {
        "on Tuesday": ("2023-02-28", "2023-02-28"),
        "the beginning of this year": ("2023-01-01", "2023-02-28"),
    }


def test_find_date_phrases_catches_what_the_model_misses_and_skips_durations(nlp: Language) -> None:
    doc = nlp("Gunmen attacked a checkpoint overnight in a clash that lasted several hours.")
    found = [(doc.text[start:end], r.start) for start, end, r in find_date_phrases(next(doc.sents), FRI)]
    assert found == [("overnight", "2024-05-09")]


def test_find_date_phrases_keeps_the_longest_phrase_and_ignores_the_verb_may(nlp: Language) -> None:
    doc = nlp("Militants may strike again, as they did in January and February of last year.")
    found = [
        (doc.text[start:end], r.start, r.end) for start, end, r in find_date_phrases(next(doc.sents), WED)
    ]
    assert found == [("January and February of last year", "2022-01-01", "2022-02-28")]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the next day", "2024-05-07", "2024-05-07"),
        ("the following morning", "2024-05-07", "2024-05-07"),
        ("the day before", "2024-05-05", "2024-05-05"),
        ("the previous night", "2024-05-05", "2024-05-05"),
        ("on the same day", "2024-05-06", "2024-05-06"),
        ("two days later", "2024-05-08", "2024-05-08"),
        ("three days earlier", "2024-05-03", "2024-05-03"),
        ("a week later", "2024-05-13", "2024-05-19"),
        ("the following week", "2024-05-13", "2024-05-19"),
    ],
)
def test_phrases_relative_to_another_date(text: str, start: str, end: str) -> None:
    resolved = resolve_relative(text, date(2024, 5, 6))  # a Monday
    assert resolved is not None and (resolved.start, resolved.end) == (start, end)


def test_relative_phrases_are_not_dates_without_an_anchor() -> None:
    assert resolve_date("the next day", FRI) is None
    assert resolve_relative("last year", date(2024, 5, 6)) is None
