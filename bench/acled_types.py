"""ACLED sub-event typing on the hand-written event descriptions of tests/data/acled_notes: per-type
precision, recall, F1 and support, accuracy, macro-F1, support-weighted F1 and the confusions.

Usage: .venv/bin/python bench/acled_types.py [--file tests/data/acled_notes/holdout.jsonl] [--show]
Each description has one gold sub-event type. The prediction is the sub-event type of the extracted event
whose evidence starts earliest in the text, or "(no event)" when nothing was extracted.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.evaluate.labels import accuracy, confusions, label_tallies, macro_f1, support, weighted_f1
from eventdesk.extract import Extractor
from eventdesk.records import Article, Event, Result

NOTES = Path(__file__).resolve().parents[1] / "tests" / "data" / "acled_notes"
NO_EVENT = "(no event)"


def read_notes(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evidence_start(event: Event) -> float:
    return min((span.start for span in event.evidence), default=float("inf"))


def predicted_label(result: Result) -> str:
    if not result.events:
        return NO_EVENT
    return min(result.events, key=evidence_start).sub_event_type


def print_report(pairs: list[tuple[str, str]]) -> None:
    tallies = label_tallies(pairs)
    print(f"{'sub-event type':36} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}")
    for label in sorted(tallies, key=lambda name: (not support(tallies[name]), name)):
        tally = tallies[label]
        p, r, f = (value or 0.0 for value in (tally.precision, tally.recall, tally.f1))
        print(f"{label:36} {p:5.2f} {r:5.2f} {f:5.2f} {support(tally):4}")
    print("confusions (gold -> predicted: count):")
    for gold, predicted, count in confusions(pairs):
        print(f"  {gold} -> {predicted}: {count}")
    print(
        f"items {len(pairs)}  accuracy {accuracy(pairs):.3f}  macro-F1 {macro_f1(tallies):.3f}  "
        f"weighted-F1 {weighted_f1(tallies):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, default=NOTES / "dev.jsonl", help="jsonl of descriptions")
    parser.add_argument("--show", action="store_true", help="print each wrong item with gold and prediction")
    args = parser.parse_args()
    notes = read_notes(args.file)
    articles = [Article(id=n["id"], text=n["text"], published=n.get("published")) for n in notes]
    results = Extractor(Settings()).extract_many(articles)
    pairs = [(n["sub_event_type"], predicted_label(r)) for n, r in zip(notes, results, strict=True)]
    if args.show:
        for note, (gold, predicted) in zip(notes, pairs, strict=True):
            if gold != predicted:
                print(f"{note['id']}: gold={gold} predicted={predicted}\n    {note['text']}")
    print_report(pairs)


if __name__ == "__main__":
    main()
