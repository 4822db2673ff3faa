"""Statement quality on the hand-marked gold sets of tests/data/quotes: direct quotations
(re3d_quotes.jsonl) and reported speech / "according to" attributions (indirect_attributions.jsonl).

    .venv/bin/python bench/quotes.py [--direct GOLD.jsonl] [--indirect GOLD.jsonl] [--misses]

For each kind, prints matched statements (precision / recall / F1), the same with the speaker required,
the content overlap in characters (precision / recall / F1) and speaker accuracy; for direct quotations
also the earlier content / content_and_speaker summary. With --misses, each gold statement missed or given
the wrong speaker and each statement found that the gold lacks.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.evaluate.quotes import GoldDocument, read_gold, score_quotes, score_spans, speaker_matches
from eventdesk.extract import Extractor
from eventdesk.records import Result

QUOTE_COMPONENTS = ("actors", "statements")  # what statements depend on
GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes"
DIRECT_GOLD = GOLD_DIR / "re3d_quotes.jsonl"
INDIRECT_GOLD = GOLD_DIR / "indirect_attributions.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--direct", type=Path, default=DIRECT_GOLD)
    parser.add_argument("--indirect", type=Path, default=INDIRECT_GOLD)
    parser.add_argument("--misses", action="store_true", help="list missed and spurious statements")
    args = parser.parse_args()
    extractor = Extractor(Settings(), components=QUOTE_COMPONENTS)
    summary = {}
    for kind, path in (("direct", args.direct), ("indirect", args.indirect)):
        documents = read_gold(path)
        began = time.perf_counter()
        results = list(extractor.extract_many(d.article() for d in documents))
        elapsed = time.perf_counter() - began
        direct = kind == "direct"
        scores = score_spans(documents, results, direct=direct).to_dict()
        if direct:
            scores |= score_quotes(documents, results).to_dict()
        summary[kind] = {"documents": len(documents), "seconds": round(elapsed, 2), **scores}
        for collection in sorted({d.collection for d in documents if d.collection}):
            pairs = [(d, r) for d, r in zip(documents, results, strict=True) if d.collection == collection]
            part = score_spans([d for d, _ in pairs], [r for _, r in pairs], direct=direct).to_dict()
            summary[kind][f"by_collection:{collection}"] = part
        if args.misses:
            for gold, result in zip(documents, results, strict=True):
                _print_misses(gold, result, direct)
    print(json.dumps(summary, indent=2))
    return 0


def _print_misses(gold: GoldDocument, result: Result, direct: bool) -> None:
    found = [s for s in result.statements if s.direct == direct]
    lines = []
    for quote in gold.quotes:
        hits = [s for s in found if s.content.start < quote.end and quote.start < s.content.end]
        if not hits or not any(speaker_matches(quote.speaker, s.speaker) for s in hits):
            speakers = [(s.speaker.name, s.speaker.role) for s in hits]
            words = gold.text[quote.start : quote.end][:70]
            lines.append(f"  gold {quote.speaker!r} got {speakers}: {words!r}")
    for statement in found:
        if not any(statement.content.start < q.end and q.start < statement.content.end for q in gold.quotes):
            speaker = statement.speaker.name or statement.speaker.role
            lines.append(f"  extra {speaker!r}: {statement.content.text[:70]!r}")
    if lines:
        print(f"== {gold.id}\n" + "\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
