"""The annotated article sets under tests/data/articles follow the gold/1 format (../shared/gold/README.md):
every snippet stands in its text, types are spelled as the contract spells them, and every side an event
names is among the article's actors, so that `eventdesk eval` scores what the annotators meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.evaluate.gold import GOLD_FORMAT, GoldArticle, read_gold_article
from eventdesk.evaluate.matching import SnippetFinder
from eventdesk.knowledge.event_types import load_event_lexicon

SETS = Path(__file__).resolve().parent / "data" / "articles"
GOLD_FILES = sorted(SETS.glob("*/*.gold.json"))


@pytest.fixture(scope="module")
def sub_event_types() -> dict[str, str]:
    return load_event_lexicon().sub_event_types


def test_both_sets_are_there() -> None:
    assert {path.parent.name for path in GOLD_FILES} == {"dev", "holdout"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_article_gold_is_well_formed(path: Path, sub_event_types: dict[str, str]) -> None:
    gold = read_gold_article(path)
    assert gold.gold["format"] == GOLD_FORMAT
    assert gold.article().published
    assert not _snippets_missing(gold)
    for event in gold.gold["events"]:
        types = event.get("event_type_any") or [event["event_type"]]
        assert set(types) <= set(sub_event_types.values()), event["id"]
        if event.get("sub_event_type") is not None:
            assert sub_event_types[event["sub_event_type"]] in types, event["id"]
        named = {actor["canonical"] for actor in gold.gold.get("actors", [])}
        assert {event.get("actor1"), event.get("actor2")} - {None} <= named, event["id"]


def _snippets_missing(gold: GoldArticle) -> list[str]:
    finder = SnippetFinder(gold.text)
    snippets = [s for event in gold.gold["events"] for s in event["evidence"]]
    snippets += [item["text"] for item in gold.gold.get("not_events", [])]
    return [snippet for snippet in snippets if finder.find(snippet) is None]
