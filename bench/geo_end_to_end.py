"""Geoparsing end to end: eventdesk's own recognition and resolution, scored against the gold places.

    .venv/bin/python bench/geo_end_to_end.py [--cache FILE] [--corpus GWN-dev|LGL|TR-News]

For each corpus and half (dev: even article indices, held: odd ones), of the gold toponyms with a GeoNames
id: how many a kept prediction overlaps (found), and how many of all are resolved to the gold id (exact) or
within 161 km; the same two as shares of the found ones; and how many kept predictions overlap no gold
toponym at all. Unlike bench/geo_eval.py (gold spans given), a name left out by recognition or by
`supported` counts against it here. `--cache` keeps the parsed documents in a pickle (delete it when the
pipeline changes). The corpora are read from ../shared and never shipped.
"""

from __future__ import annotations

import argparse
import pickle
from dataclasses import dataclass
from pathlib import Path

from eventdesk.analyse.pipeline import AnalysedArticle, analyse
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.geo.evaluation import ACCURATE_KM, GoldArticle, read_corpus
from eventdesk.geo.gazetteer import GazEntry, Gazetteer
from eventdesk.geo.recognise import recognise
from eventdesk.geo.resolve import distance_km, resolve_toponyms, supported
from eventdesk.records import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPORA = {"GWN-dev": "GWN-dev.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml"}


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    exact: int = 0
    near: int = 0
    predicted: int = 0
    stray: int = 0

    def line(self) -> str:
        share = max(self.gold, 1)
        of_found = max(self.found, 1)
        return (
            f"gold {self.gold:5} found {self.found:5} "
            f"exact {self.exact / share:.3f} 161km {self.near / share:.3f}"
            f"  (of found: {self.exact / of_found:.3f} / {self.near / of_found:.3f})"
            f"  predicted {self.predicted}, {self.stray} overlap no gold toponym"
        )


def predictions(gaz: Gazetteer, analysed: AnalysedArticle) -> list[tuple[int, int, GazEntry]]:
    found = recognise(analysed.doc, gaz)
    resolve_toponyms(gaz, analysed.doc.text, found.toponyms, found.demonyms)
    kept = [t for t in supported(found.toponyms, found.demonyms) if t.entry is not None]
    return [(*_original(analysed, t.start, t.end), t.entry) for t in kept if t.entry is not None]


def _original(analysed: AnalysedArticle, start: int, end: int) -> tuple[int, int]:
    span = analysed.span(start, end)
    return span.start, span.end


def add(score: Score, article: GoldArticle, predicted: list[tuple[int, int, GazEntry]]) -> None:
    score.predicted += len(predicted)
    for gold in (g for g in article.toponyms if g.geonameid):
        score.gold += 1
        hit = next((e for s, t, e in predicted if s < gold.end and gold.start < t), None)
        if hit is None:
            continue
        score.found += 1
        score.exact += int(hit.geonameid == gold.geonameid)
        if gold.lat is not None and gold.lon is not None:
            score.near += int(distance_km(gold.lat, gold.lon, hit.lat, hit.lon) <= ACCURATE_KM)
    score.stray += sum(
        1 for s, t, _ in predicted if not any(s < g.end and g.start < t for g in article.toponyms)
    )


def parsed(names: list[str], extractor: Extractor, cache: Path | None) -> dict[str, list[AnalysedArticle]]:
    docs: dict[str, list[AnalysedArticle]] = {}
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            docs = pickle.load(handle)
    missing = [name for name in names if name not in docs]
    for name in missing:
        articles = read_corpus(SHARED / "data" / "geo" / CORPORA[name])
        docs[name] = list(analyse([Article(id=a.id, text=a.text) for a in articles], extractor.nlp))
    if cache is not None and missing:
        with cache.open("wb") as handle:
            pickle.dump(docs, handle)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    args = parser.parse_args()
    names = args.corpus or list(CORPORA)
    extractor = Extractor(Settings(), components=["places"])
    gaz = extractor.knowledge.gazetteer
    docs = parsed(names, extractor, args.cache)
    for name in names:
        articles = read_corpus(SHARED / "data" / "geo" / CORPORA[name])
        halves = {"dev": Score(), "held": Score()}
        for index, (article, analysed) in enumerate(zip(articles, docs[name], strict=True)):
            add(halves["held" if index % 2 else "dev"], article, predictions(gaz, analysed))
        for half, score in halves.items():
            print(f"{name:8} {half:4} {score.line()}")


if __name__ == "__main__":
    main()
