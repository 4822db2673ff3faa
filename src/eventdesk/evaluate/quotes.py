"""Statements against hand-marked gold sets (tests/data/quotes/*.jsonl, format below).

Each gold line: {"id", "collection", "title", "url", "text", "quotes": [{"speaker", "start", "end", "text"}]}
for direct quotations, or the same with "attributions" (each also with its "cue") for reported speech and
"according to" attributions; offsets into "text". A predicted statement matches a gold one when their
character spans overlap by at least half of the shorter one (gold quotes may mark only the opening words of
a long quotation); pairs are one to one. Reported: content precision / recall / F1, the same with the
speaker required to match (same surname after folding case, accents and punctuation), speaker accuracy over
matched statements, and (`score_spans`) the content overlap in characters as precision / recall / F1.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.evaluate.matching import fold
from eventdesk.evaluate.metrics import Tally
from eventdesk.records import Article, Result, Speaker, Statement

MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class GoldQuote:
    speaker: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    quotes: tuple[GoldQuote, ...]
    url: str | None = None
    collection: str | None = None

    def article(self) -> Article:
        return Article(id=self.id, text=self.text, url=self.url)


@dataclass(slots=True)
class QuoteScores:
    content: Tally = field(default_factory=Tally)
    with_speaker: Tally = field(default_factory=Tally)
    speaker_right: int = 0

    @property
    def speaker_accuracy(self) -> float | None:
        return self.speaker_right / self.content.tp if self.content.tp else None

    def add(self, other: QuoteScores) -> None:
        self.content.add(other.content)
        self.with_speaker.add(other.with_speaker)
        self.speaker_right += other.speaker_right

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.speaker_accuracy
        return {
            "content": self.content.to_dict(),
            "content_and_speaker": self.with_speaker.to_dict(),
            "speaker_accuracy": round(accuracy, 4) if accuracy is not None else None,
        }


def read_gold(path: Path) -> list[GoldDocument]:
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                documents.append(_document(json.loads(line)))
    return documents


def _document(data: dict[str, Any]) -> GoldDocument:
    marked = data.get("quotes", []) + data.get("attributions", [])
    quotes = tuple(GoldQuote(q["speaker"], int(q["start"]), int(q["end"])) for q in marked)
    return GoldDocument(str(data["id"]), data["text"], quotes, data.get("url"), data.get("collection"))


def score_document(gold: GoldDocument, result: Result) -> QuoteScores:
    predicted = [s for s in result.statements if s.direct]
    scores = QuoteScores()
    used: set[int] = set()
    for quote in gold.quotes:
        index = _best_match(quote, predicted, used)
        if index is None:
            scores.content.fn += 1
            scores.with_speaker.fn += 1
            continue
        used.add(index)
        scores.content.tp += 1
        if same_speaker(quote.speaker, predicted[index].speaker.name):
            scores.speaker_right += 1
            scores.with_speaker.tp += 1
        else:
            scores.with_speaker.fn += 1
            scores.with_speaker.fp += 1
    unmatched = len(predicted) - len(used)
    scores.content.fp += unmatched
    scores.with_speaker.fp += unmatched
    return scores


def _best_match(quote: GoldQuote, predicted: list[Any], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for index, statement in enumerate(predicted):
        if index in used:
            continue
        start, end = statement.content.start, statement.content.end
        overlap = min(quote.end, end) - max(quote.start, start)
        shorter = min(quote.end - quote.start, end - start)
        if shorter > 0 and overlap >= MIN_OVERLAP * shorter and overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def same_speaker(gold: str, predicted: str | None) -> bool:
    """Same person: equal folded names or the same surname ("Cook" and "Peter Cook")."""
    gold_words, predicted_words = fold(gold).split(), fold(predicted).split()
    return bool(gold_words and predicted_words) and gold_words[-1] == predicted_words[-1]


def score_quotes(documents: Iterable[GoldDocument], results: Iterable[Result]) -> QuoteScores:
    total = QuoteScores()
    for gold, result in zip(documents, results, strict=True):
        total.add(score_document(gold, result))
    return total


@dataclass(slots=True)
class SpanScores:
    """Statements of one kind (direct or reported) against gold spans: matched statements, matched with the
    right speaker, and the content overlap counted in characters (tp: gold characters a matched prediction
    covers; fp: predicted characters outside its gold span, and all of an unmatched prediction; fn: gold
    characters left uncovered)."""

    matched: Tally = field(default_factory=Tally)
    with_speaker: Tally = field(default_factory=Tally)
    overlap: Tally = field(default_factory=Tally)
    speaker_right: int = 0

    def add(self, other: SpanScores) -> None:
        self.matched.add(other.matched)
        self.with_speaker.add(other.with_speaker)
        self.overlap.add(other.overlap)
        self.speaker_right += other.speaker_right

    def to_dict(self) -> dict[str, Any]:
        accuracy = self.speaker_right / self.matched.tp if self.matched.tp else None
        return {
            "statements": self.matched.to_dict(),
            "statements_and_speaker": self.with_speaker.to_dict(),
            "content_overlap": self.overlap.to_dict(),
            "speaker_accuracy": round(accuracy, 4) if accuracy is not None else None,
        }


def score_spans(documents: Iterable[GoldDocument], results: Iterable[Result], direct: bool) -> SpanScores:
    """Direct (`direct=True`) or reported statements of every result against its gold document."""
    total = SpanScores()
    for gold, result in zip(documents, results, strict=True):
        total.add(_span_scores(gold, [s for s in result.statements if s.direct == direct]))
    return total


def _span_scores(gold: GoldDocument, predicted: list[Statement]) -> SpanScores:
    scores = SpanScores()
    used: set[int] = set()
    for quote in gold.quotes:
        index = _best_match(quote, predicted, used)
        if index is None:
            scores.matched.fn += 1
            scores.with_speaker.fn += 1
            scores.overlap.fn += quote.end - quote.start
            continue
        used.add(index)
        content = predicted[index].content
        shared = max(0, min(quote.end, content.end) - max(quote.start, content.start))
        scores.overlap.tp += shared
        scores.overlap.fn += quote.end - quote.start - shared
        scores.overlap.fp += content.end - content.start - shared
        scores.matched.tp += 1
        if speaker_matches(quote.speaker, predicted[index].speaker):
            scores.speaker_right += 1
            scores.with_speaker.tp += 1
        else:
            scores.with_speaker.fn += 1
            scores.with_speaker.fp += 1
    for index, statement in enumerate(predicted):
        if index not in used:
            scores.matched.fp += 1
            scores.with_speaker.fp += 1
            scores.overlap.fp += statement.content.end - statement.content.start
    return scores


def speaker_matches(gold: str, speaker: Speaker) -> bool:
    """The gold speaker names the predicted one: its name, or for an unnamed source or an organisation its
    description or organisation ("release" and "Defense Department news release")."""
    texts = (speaker.name, speaker.role, speaker.organization)
    return any(same_speaker(gold, text) for text in texts if text)
