"""Mention-level NER quality on DSTL re3d (shared/data/re3d/*/documents.json + entities.json, JSON lines).

Gold: Person, Organisation and Location entities with confidence >= 0.5. A predicted mention is right when
it overlaps a gold mention of the same class that no other prediction has taken (one-to-one, so precision
and recall count the same matches). Two systems are scored on the same documents: eventdesk (people ->
Person, actors -> Organisation, places -> Location) and the bare spaCy model's own entities.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from eventdesk.evaluate.metrics import Tally
from eventdesk.records import Article, Result

if TYPE_CHECKING:
    from spacy.language import Language

CLASSES = ("Person", "Organisation", "Location")
MIN_CONFIDENCE = 0.5
# the bare model's labels per class; "Organisation+NORP" is reported as a variant
SPACY_LABELS = {
    "Person": frozenset({"PERSON"}),
    "Organisation": frozenset({"ORG"}),
    "Organisation+NORP": frozenset({"ORG", "NORP"}),
    "Location": frozenset({"GPE", "LOC", "FAC"}),
}

Mentions = dict[str, list[tuple[int, int]]]  # class -> (start, end) character offsets


@dataclass(slots=True)
class Re3dDocument:
    id: str
    folder: str
    text: str
    gold: Mentions


def read_re3d(root: Path) -> list[Re3dDocument]:
    """All documents under root/*/ with their gold mentions, in a stable order."""
    documents: list[Re3dDocument] = []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").is_file()):
        gold = _gold_mentions(folder / "entities.json")
        for record in _json_lines(folder / "documents.json"):
            doc_id = record["_id"]
            documents.append(Re3dDocument(doc_id, folder.name, record["text"], gold.get(doc_id, _empty())))
    return documents


def _json_lines(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _empty() -> Mentions:
    return {name: [] for name in CLASSES}


def _gold_mentions(path: Path) -> dict[str, Mentions]:
    gold: dict[str, Mentions] = {}
    for entity in _json_lines(path):
        if entity["type"] in CLASSES and float(entity.get("confidence", 1)) >= MIN_CONFIDENCE:
            mentions = gold.setdefault(entity["documentId"], _empty())
            mentions[entity["type"]].append((entity["begin"], entity["end"]))
    return gold


def eventdesk_mentions(result: Result, fallback_places: Mentions | None = None) -> Mentions:
    """People, actors and places of one eventdesk result as re3d classes."""
    mentions = _empty()
    mentions["Person"] = [(s.start, s.end) for p in result.people for s in p.mentions]
    mentions["Organisation"] = [(s.start, s.end) for a in result.actors for s in a.mentions]
    places = [(s.start, s.end) for p in result.places for s in p.mentions]
    mentions["Location"] = places if fallback_places is None else fallback_places["Location"]
    return mentions


def spacy_mentions(docs: Iterable, labels: dict[str, frozenset[str]] = SPACY_LABELS) -> Iterator[Mentions]:
    for doc in docs:
        ents = [(e.label_, e.start_char, e.end_char) for e in doc.ents]
        yield {name: [(s, e) for label, s, e in ents if label in kept] for name, kept in labels.items()}


def score(
    gold: list[Mentions], predicted: list[Mentions], classes: Iterable[str] = CLASSES
) -> dict[str, Tally]:
    """Overlap-matched tallies per class; `predicted` may use a variant class ("Organisation+NORP")."""
    tallies: dict[str, Tally] = {}
    for name in classes:
        gold_class = name.split("+")[0]
        tally = tallies[name] = Tally()
        for gold_doc, predicted_doc in zip(gold, predicted, strict=True):
            tally.add(_tally(gold_doc[gold_class], predicted_doc.get(name, [])))
    return tallies


def _tally(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> Tally:
    """One-to-one: each prediction takes the first gold mention it overlaps that no other prediction took."""
    free = sorted(set(gold))
    hits = 0
    for p in sorted(set(predicted)):
        match = next((g for g in free if _overlap(p, g)), None)
        if match is not None:
            free.remove(match)
            hits += 1
    return Tally(tp=hits, fp=len(set(predicted)) - hits, fn=len(free))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    documents: list[Re3dDocument], results: list[Result], bare_nlp: Language
) -> dict[str, dict[str, Tally]]:
    """Scores of eventdesk and of the bare spaCy model on the same documents."""
    gold = [d.gold for d in documents]
    bare = list(spacy_mentions(bare_nlp.pipe(d.text for d in documents)))
    has_places = any(r.places for r in results)
    ours = [eventdesk_mentions(r, None if has_places else b) for r, b in zip(results, bare, strict=True)]
    return {"eventdesk": score(gold, ours), "spacy": score(gold, bare, SPACY_LABELS)}


def articles(documents: list[Re3dDocument]) -> list[Article]:
    return [Article(id=d.id, text=d.text, source=d.folder) for d in documents]
