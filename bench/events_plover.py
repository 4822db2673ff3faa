"""PLOVER gold records (../shared/data/plover) against eventdesk's events and actions: per-type precision,
recall and F1 (one prediction set per sentence), actor text match on ASSAULT records, exact `dead`.

Usage: .venv/bin/python bench/events_plover.py [--show TYPE]
Labels of PLOVER 0.5 are mapped to today's: FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE -> ACCUSE;
INVESTIGATE and DOCUMENT are left out.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.records import Article, Result

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.json"
RENAMED = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE"}
LEFT_OUT = {"INVESTIGATE", "DOCUMENT"}
STOP = {"the", "a", "an", "of", "in", "and", "'s", "s"}


def gold_records() -> list[dict]:
    records = json.loads(GOLD.read_text(encoding="utf-8"))
    kept = [r for r in records if r.get("text") and r["event"] not in LEFT_OUT]
    for record in kept:
        record["event"] = RENAMED.get(record["event"], record["event"])
    return kept


def predicted_types(result: Result) -> set[str]:
    return {e.plover.event for e in result.events if e.plover.event} | {
        a.plover.event for a in result.actions if a.plover.event
    }


def words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (text or "").lower()) if w not in STOP}


def text_match(gold: list[dict] | str | None, predicted: list[str | None]) -> bool:
    gold_texts = [g.get("actorText", "") for g in gold] if isinstance(gold, list) else []
    return any(words(g) & words(p) for g in gold_texts for p in predicted if p)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the sentences of this PLOVER type that were missed or wrong")
    parser.add_argument(
        "--actors", action="store_true", help="print ASSAULT records whose actors do not match"
    )
    args = parser.parse_args()
    records = gold_records()
    texts = sorted({r["text"] for r in records})
    extractor = Extractor(Settings())
    articles = [Article(id=str(i), text=t, published=None) for i, t in enumerate(texts)]
    results = dict(zip(texts, extractor.extract_many(articles), strict=True))
    gold_by_text: dict[str, set[str]] = defaultdict(set)
    for record in records:
        gold_by_text[record["text"]].add(record["event"])
    counts: dict[str, Counter] = defaultdict(Counter)
    for text, gold in gold_by_text.items():
        predicted = predicted_types(results[text])
        for kind in gold | predicted:
            counts[kind]["tp" if kind in gold and kind in predicted else "fn" if kind in gold else "fp"] += 1
        if args.show and args.show in gold ^ predicted:
            verdict = "MISSED" if args.show in gold else "WRONG"
            print(f"{verdict} gold={sorted(gold)} pred={sorted(predicted)}: {text}")
    print(f"{'type':10} {'P':>5} {'R':>5} {'F1':>5}   tp fp fn")
    for kind in sorted(counts):
        c = counts[kind]
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:10} {p:5.2f} {r:5.2f} {f:5.2f}   {c['tp']:2} {c['fp']:2} {c['fn']:2}")
    _actor_and_dead_scores(records, results, args.actors)


def _actor_and_dead_scores(records: list[dict], results: dict[str, Result], show: bool) -> None:
    """Actor text match on ASSAULT records, over all of them (a record whose gold names no actor counts as
    a miss) and over the records whose gold names one; exact `dead`."""
    hits, given = Counter(), Counter()
    assault = dead_ok = dead_total = 0
    for record in records:
        events = results[record["text"]].events
        if record["event"] == "ASSAULT":
            assault += 1
            ones = [t for e in events for t in (e.actor1, e.actor1_text.text if e.actor1_text else None)]
            twos = [
                t for e in events for t in (e.actor2, e.target, e.actor2_text.text if e.actor2_text else None)
            ]
            matched = {
                "source": text_match(record.get("source"), ones),
                "target": text_match(record.get("target"), twos),
            }
            for role, hit in matched.items():
                hits[role] += hit
                given[role] += _names_actor(record.get(role))
            if show and not all(matched.values()):
                gold = [[g.get("actorText") for g in record.get(k) or []] for k in ("source", "target")]
                print(f"ACTORS gold={gold} pred={ones}/{twos}: {record['text']}")
        if record.get("dead") is not None:
            dead_total += 1
            dead_ok += any(e.fatalities.best == int(record["dead"]) for e in events)
    source, target = hits["source"], hits["target"]
    print(f"ASSAULT actor1 text match {source}/{assault}, actor2/target match {target}/{assault}")
    print(
        f"  over records whose gold names the actor: actor1 {source}/{given['source']}, "
        f"actor2/target {target}/{given['target']}"
    )
    print(f"dead exact {dead_ok}/{dead_total}")


def _names_actor(gold: list[dict] | str | None) -> bool:
    return isinstance(gold, list) and any(words(g.get("actorText", "")) for g in gold)


if __name__ == "__main__":
    main()
