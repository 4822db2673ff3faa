"""Actor recall on the PLOVER gold-standard sentences (../shared/data/plover, CC BY-SA 4.0).

    .venv/bin/python bench/plover_actors.py [--misses]

For each record, each source and target `actorText` found in the sentence counts as found when an eventdesk
actor or person mention overlaps it; the bare spaCy model's ORG/NORP/GPE/PERSON entities are scored the same
way for comparison. Recall only: the records do not mark every actor of a sentence.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eventdesk.analyse.pipeline import load_nlp
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.records import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
BARE_LABELS = frozenset({"ORG", "NORP", "GPE", "PERSON"})


def gold_actors(record: dict) -> list[tuple[int, int]]:
    spans = []
    for role in ("source", "target"):
        for actor in record.get(role) or []:
            text = actor.get("actorText") if isinstance(actor, dict) else None
            start = record["text"].find(text) if text else -1
            if start >= 0:
                spans.append((start, start + len(text)))
    return spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    data = json.loads((SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    records = [r for r in data if r.get("text")]
    settings = Settings()
    results = Extractor(settings, components=["actors"]).extract_many(
        Article(id=r["id"], text=r["text"]) for r in records
    )
    bare_docs = load_nlp(settings.model).pipe(r["text"] for r in records)
    found = bare_found = total = 0
    for record, result, doc in zip(records, results, bare_docs, strict=True):
        ours = [(m.start, m.end) for a in [*result.actors, *result.people] for m in a.mentions]
        bare = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in BARE_LABELS]
        for start, end in gold_actors(record):
            total += 1
            hit = any(s < end and start < e for s, e in ours)
            found += hit
            bare_found += any(s < end and start < e for s, e in bare)
            if args.misses and not hit:
                print(f"  missed {record['text'][start:end]!r} in {record['text'][:120]!r}")
    print(f"PLOVER gold actors found in text: {total}")
    print(f"eventdesk actor/person mention recall: {found / total:.3f}")
    print(f"bare spaCy ORG/NORP/GPE/PERSON recall: {bare_found / total:.3f}")


if __name__ == "__main__":
    main()
