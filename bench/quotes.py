"""Direct-quotation quality on the hand-marked public-domain gold set (tests/data/quotes).

    .venv/bin/python bench/quotes.py [GOLD.jsonl] [--misses]

Prints content precision / recall / F1, the same with the speaker required, and speaker accuracy; with
--misses, each gold quote missed or given the wrong speaker and each quote found that the gold lacks.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.evaluate.quotes import GoldDocument, read_gold, same_speaker, score_document, score_quotes
from eventdesk.extract import Extractor
from eventdesk.records import Result

QUOTE_COMPONENTS = ("actors", "statements")  # what direct quotations depend on
DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes" / "re3d_quotes.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", action="store_true", help="list missed and spurious quotes")
    args = parser.parse_args()
    documents = read_gold(args.gold)
    extractor = Extractor(Settings(), components=QUOTE_COMPONENTS)
    began = time.perf_counter()
    results = list(extractor.extract_many(d.article() for d in documents))
    elapsed = time.perf_counter() - began
    scores = score_quotes(documents, results)
    summary = {"documents": len(documents), "seconds": round(elapsed, 2), **scores.to_dict()}
    print(json.dumps(summary, indent=2))
    if args.misses:
        for gold, result in zip(documents, results, strict=True):
            _print_misses(gold, result)
    return 0


def _print_misses(gold: GoldDocument, result: Result) -> None:
    scores = score_document(gold, result)
    if not (scores.content.fn or scores.content.fp or scores.with_speaker.fn):
        return
    print(f"== {gold.id}")
    found = [s for s in result.statements if s.direct]
    for quote in gold.quotes:
        hits = [s for s in found if s.content.start < quote.end and quote.start < s.content.end]
        speakers = [s.speaker.name for s in hits]
        if not hits or not any(same_speaker(quote.speaker, name) for name in speakers):
            print(f"  gold {quote.speaker!r} got {speakers}: {gold.text[quote.start:quote.end][:70]!r}")
    for statement in found:
        if not any(statement.content.start < q.end and q.start < statement.content.end for q in gold.quotes):
            print(f"  extra {statement.speaker.name!r}: {statement.content.text[:70]!r}")


if __name__ == "__main__":
    raise SystemExit(main())
