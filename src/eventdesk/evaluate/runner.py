"""Runs the extractor over gold data and scores what it gives: the logic behind `eventdesk eval`.
An article whose extraction fails is scored as an empty result and its error is kept in `errors`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from eventdesk.errors import EventdeskError
from eventdesk.evaluate.articles import score_article
from eventdesk.evaluate.gold import GoldSets
from eventdesk.evaluate.metrics import Scores
from eventdesk.evaluate.plover import record_article, score_plover, scored_records
from eventdesk.extract import Extractor, extract_or_error
from eventdesk.records import Article, Result


@dataclass(slots=True)
class Evaluation:
    articles: Scores = field(default_factory=Scores)
    plover: Scores | None = None
    errors: list[str] = field(default_factory=list)
    per_article: dict[str, Scores] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": self.articles.to_dict(),
            "per_article": {
                article: {section: fields["found"].to_dict() for section, fields in scores.sections.items()
                          if "found" in fields}
                for article, scores in self.per_article.items()
            },
            "errors": list(self.errors),
        }  # fmt: skip
        if self.plover is not None:
            data["plover"] = self.plover.to_dict()
        return data


def evaluate(extractor: Extractor, gold: GoldSets) -> Evaluation:
    evaluation = Evaluation()
    articles = [g.article() for g in gold.articles]
    for gold_article, result in zip(gold.articles, _results(extractor, articles, evaluation), strict=True):
        scores = score_article(gold_article, result)
        evaluation.per_article[gold_article.id] = scores
        evaluation.articles.merge(scores)
    if gold.plover:
        records = scored_records(gold.plover)
        results = _results(extractor, [record_article(r) for r in records], evaluation)
        evaluation.plover = score_plover(zip(records, results, strict=True))
    return evaluation


def _results(
    extractor: Extractor, articles: list[Article], evaluation: Evaluation
) -> Iterator[dict[str, Any]]:
    outcomes: Iterable[Result | EventdeskError] = extract_or_error(extractor, articles)
    for article, outcome in zip(articles, outcomes, strict=True):
        if isinstance(outcome, EventdeskError):
            evaluation.errors.append(f"{article.id}: {outcome}")
            yield Result(article=article).to_dict()
        else:
            yield outcome.to_dict()
