"""Counts of hits, false alarms and misses, and the precision / recall / F1 they give."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


def _rounded(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


@dataclass(slots=True)
class Miss:
    """One thing a person should look at: a gold item not found, a prediction not in the gold, or a field
    with the wrong value, with the words it comes from."""

    article: str
    section: str
    field: str
    kind: str  # "missed", "spurious", "wrong", "not-event"
    gold: Any
    predicted: Any
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "section": self.section,
            "field": self.field,
            "kind": self.kind,
            "gold": _plain(self.gold),
            "predicted": _plain(self.predicted),
            "text": self.text,
        }


def _plain(value: Any) -> Any:
    """A value JSON can hold: sets become sorted lists."""
    return sorted(value, key=str) if isinstance(value, (set, frozenset)) else value


@dataclass(slots=True)
class Scores:
    """Per section ("events", "statements"...), per field, a Tally; plus misses and an event-type confusion
    table (gold type, predicted type) -> count, where "-" stands for no event."""

    sections: dict[str, dict[str, Tally]] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    articles: int = 0
    summary: dict[str, float] = field(default_factory=dict)  # single figures such as a macro-F1

    def tally(self, section: str, name: str) -> Tally:
        return self.sections.setdefault(section, {}).setdefault(name, Tally())

    def hit(self, section: str, name: str) -> None:
        self.tally(section, name).tp += 1

    def false_alarm(self, section: str, name: str) -> None:
        self.tally(section, name).fp += 1

    def miss(self, section: str, name: str) -> None:
        self.tally(section, name).fn += 1

    def merge(self, other: Scores) -> None:
        for section, fields_ in other.sections.items():
            for name, tally in fields_.items():
                self.tally(section, name).add(tally)
        self.confusion.update(other.confusion)
        self.misses.extend(other.misses)
        self.articles += other.articles
        self.summary.update(other.summary)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "summary": {name: round(value, 4) for name, value in self.summary.items()},
            "sections": {
                section: {name: tally.to_dict() for name, tally in fields_.items()}
                for section, fields_ in self.sections.items()
            },
            "confusion": [
                {"gold": gold, "predicted": predicted, "count": count}
                for (gold, predicted), count in sorted(self.confusion.items())
            ],
            "misses": [miss.to_dict() for miss in self.misses],
        }
