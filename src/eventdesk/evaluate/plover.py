"""Scoring against the PLOVER gold-standard records (shared/data/plover): each record's sentence is run as
an article; its predicted event is the most confident event that carries a PLOVER type (or none).

PLOVER 0.5 labels map to today's 16 types (FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE);
INVESTIGATE and DOCUMENT records are left out (shared/gold/README.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from eventdesk.evaluate.matching import fold
from eventdesk.evaluate.metrics import Miss, Scores, Tally
from eventdesk.records import Article

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
OLD_LABELS = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}
LEFT_OUT = {"INVESTIGATE", "DOCUMENT"}
SECTION = "plover"
_STOP = frozenset({"the", "a", "an", "of", "and", "in", "for", "to", "on", "its", "his", "her", "their"})


def gold_type(record: dict[str, Any]) -> str | None:
    label = str(record.get("event") or "").upper()
    if label in LEFT_OUT:
        return None
    label = OLD_LABELS.get(label, label)
    return label if label in PLOVER_TYPES else None


def scored_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in records if gold_type(r) is not None]


def record_article(record: dict[str, Any]) -> Article:
    published = record.get("date") if re.fullmatch(r"\d{4}-\d\d-\d\d", str(record.get("date"))) else None
    return Article(id=str(record["id"]), text=str(record["text"]), published=published)


def top_event(result: dict[str, Any]) -> dict[str, Any] | None:
    """The most confident PLOVER-typed item among the events and the PLOVER-only `actions`."""
    items = [*(result.get("events") or []), *(result.get("actions") or [])]
    typed = [e for e in items if (e.get("plover") or {}).get("event")]
    return max(typed, key=lambda e: e.get("confidence") or 0.0) if typed else None


def score_plover(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]) -> Scores:
    """Per-type P/R/F1 (section "plover", one field per type) and their macro average, actor1/actor2
    overlap with `source`/`target` on ASSAULT records, and exact `dead` counts."""
    scores = Scores()
    for record, result in pairs:
        scores.articles += 1
        expected, event = gold_type(record), top_event(result)
        predicted = str((event or {}).get("plover", {}).get("event") or "").upper() or None
        _score_type(scores, record, expected, predicted, event)
        if expected == "ASSAULT":
            _score_actor(scores, "actor1~source", record.get("source"), event, "actor1", result)
            _score_actor(scores, "actor2~target", record.get("target"), event, "actor2", result)
        if record.get("dead") not in (None, ""):
            _score_dead(scores, record, event)
    scores.summary["plover_macro_f1"] = macro_f1(scores)
    return scores


def macro_f1(scores: Scores) -> float:
    tallies = scores.sections.get(SECTION, {})
    return sum(tallies.get(t, Tally()).f1 or 0.0 for t in PLOVER_TYPES) / len(PLOVER_TYPES)


def _score_type(
    scores: Scores, record: dict[str, Any], expected: str | None, predicted: str | None, event: Any
) -> None:
    for label in PLOVER_TYPES:
        scores.tally(SECTION, label)
    scores.confusion[(expected or "-", predicted or "-")] += 1
    if predicted == expected:
        scores.hit(SECTION, str(expected))
        return
    scores.miss(SECTION, str(expected))
    if predicted in PLOVER_TYPES:
        scores.false_alarm(SECTION, predicted)
    scores.misses.append(
        Miss(str(record["id"]), SECTION, "type", "wrong", expected, predicted, record["text"])
    )


def _score_actor(
    scores: Scores, name: str, gold: Any, event: dict[str, Any] | None, role: str, result: dict[str, Any]
) -> None:
    texts = [a.get("actorText") for a in _actors(gold) if a.get("actorText")]
    predicted = (event or {}).get(role)
    tally = scores.tally("plover_actors", name)
    if not texts:
        tally.fp += predicted is not None
        return
    if predicted is None:
        tally.fn += 1
        return
    if any(_words_overlap(words, texts) for words in _actor_words(predicted, event, role, result)):
        tally.tp += 1
        return
    tally.fp += 1
    tally.fn += 1


def _actors(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _actor_words(name: str, event: dict[str, Any] | None, role: str, result: dict[str, Any]) -> list[str]:
    """The predicted actor's name, the words the event names it with, and its mentions."""
    named = ((event or {}).get(f"{role}_text") or {}).get("text")
    words = [name, named] if named else [name]
    for actor in result.get("actors") or []:
        if actor.get("name") == name:
            words += [m.get("text", "") for m in actor.get("mentions") or []] + list(
                actor.get("aliases") or []
            )
    return words


def _words_overlap(predicted: str, gold_texts: list[str]) -> bool:
    predicted_words = set(fold(predicted).split()) - _STOP
    return any(predicted_words & (set(fold(text).split()) - _STOP) for text in gold_texts)


def _score_dead(scores: Scores, record: dict[str, Any], event: dict[str, Any] | None) -> None:
    try:
        expected = int(str(record["dead"]).strip())
    except ValueError:
        return
    best = ((event or {}).get("fatalities") or {}).get("best")
    tally = scores.tally("plover_dead", "exact")
    if best == expected:
        tally.tp += 1
        return
    tally.fn += 1
    tally.fp += best is not None
    scores.misses.append(
        Miss(str(record["id"]), "plover_dead", "dead", "wrong", expected, best, record["text"])
    )
