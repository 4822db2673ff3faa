"""Person / Organisation / Location mention F1 on the 90 re3d documents: eventdesk beside bare spaCy.

    .venv/bin/python bench/re3d_ner.py [--misses Organisation] [--limit N]

Both systems run in the same process on the same texts (evaluation only: the texts stay in ../shared).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from eventdesk.analyse.pipeline import load_nlp
from eventdesk.config import Settings
from eventdesk.evaluate.re3d import CLASSES, articles, evaluate, eventdesk_mentions, read_re3d
from eventdesk.extract import Extractor

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
NER_COMPONENTS = ("actors", "places")  # what the scores read; the other components need not run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--misses", choices=CLASSES, help="print missed and spurious mentions of a class")
    args = parser.parse_args()
    settings = Settings()
    documents = read_re3d(SHARED / "data" / "re3d")[: args.limit]
    results = list(Extractor(settings, components=NER_COMPONENTS).extract_many(articles(documents)))
    scores = evaluate(documents, results, load_nlp(settings.model))
    print(f"re3d: {len(documents)} documents, gold confidence >= 0.5, one-to-one overlap match")
    print(f"{'system':10} {'class':18} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for system, tallies in scores.items():
        for name, tally in tallies.items():
            p, r, f = (_fmt(v) for v in (tally.precision, tally.recall, tally.f1))
            gold, predicted = tally.tp + tally.fn, tally.tp + tally.fp
            print(f"{system:10} {name:18} {gold:5} {predicted:5} {p:>6} {r:>6} {f:>6}")
    if args.misses:
        print_misses(documents, results, args.misses)


def _fmt(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "-"


def print_misses(documents: list, results: list, name: str) -> None:
    for document, result in zip(documents, results, strict=True):
        predicted = eventdesk_mentions(result)[name]
        gold = document.gold[name]
        text = document.text
        for g in gold:
            if not any(p[0] < g[1] and g[0] < p[1] for p in predicted):
                print(f"  missed   {text[g[0]:g[1]]!r}")
        for p in predicted:
            if not any(p[0] < g[1] and g[0] < p[1] for g in gold):
                print(f"  spurious {text[p[0]:p[1]]!r}")


if __name__ == "__main__":
    main()
