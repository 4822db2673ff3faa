"""Direct quotations against a hand-marked gold set (tests/data/quotes/*.jsonl, format below).

Each gold line: {"id", "collection", "title", "url", "text", "quotes": [{"speaker", "start", "end", "text"}]},
offsets into "text". A predicted direct statement matches a gold quote when their character spans overlap by
at least half of the shorter one (gold quotes may mark only the opening words of a long quotation); pairs
are one to one. Reported: content precision / recall / F1, the same with the speaker required to match
(same surname after folding case, accents and punctuation), and speaker accuracy over matched quotes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.evaluate.matching import fold
from eventdesk.evaluate.metrics import Tally
from eventdesk.records import Article, Result

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
    quotes = tuple(GoldQuote(q["speaker"], int(q["start"]), int(q["end"])) for q in data.get("quotes", []))
    return GoldDocument(str(data["id"]), data["text"], quotes, data.get("url"))


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
