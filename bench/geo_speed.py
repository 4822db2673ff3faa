"""Geoparsing speed on one core.

    .venv/bin/python bench/geo_speed.py [--articles N]

1. Resolution alone: gold toponym spans of LGL and TR-News (../shared/data/geo, evaluation only) resolved
   article by article with a fresh gazetteer (cold: every name looked up in SQLite), then again (warm).
   Target: 2,000 toponyms/s or more.
2. The places component beside the spaCy parse it runs on (GWN-dev texts): its share of the time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventdesk.geo.evaluation import read_corpus, resolve_gold
from eventdesk.geo.gazetteer import Gazetteer, ensure_index

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=140, help="GWN-dev articles for the component timing")
    args = parser.parse_args()
    articles = [a for name in ("lgl.xml", "TR-News.xml") for a in read_corpus(SHARED / "data" / "geo" / name)]
    gaz = Gazetteer(ensure_index())
    for label in ("cold", "warm"):
        count, started = 0, time.perf_counter()
        for article in articles:
            count += len(resolve_gold(gaz, article, article.toponyms))
        took = time.perf_counter() - started
        print(f"resolution ({label}): {count} toponyms in {took:.2f} s = {count / took:,.0f} toponyms/s")
    component_share(args.articles)


def component_share(limit: int) -> None:
    from eventdesk.analyse.pipeline import analyse
    from eventdesk.config import Settings
    from eventdesk.extract import Extractor
    from eventdesk.geo.places import extract_places
    from eventdesk.records import Article, Result

    extractor = Extractor(Settings(), components=["places"])
    texts = [
        Article(id=a.id, text=a.text) for a in read_corpus(SHARED / "data" / "geo" / "GWN-dev.xml")[:limit]
    ]
    extract_places(next(analyse(texts[:1], extractor.nlp)), extractor.knowledge, Result(texts[0]))  # warm-up
    started = time.perf_counter()
    analysed = list(analyse(texts, extractor.nlp))
    parse_time = time.perf_counter() - started
    started = time.perf_counter()
    for item in analysed:
        extract_places(item, extractor.knowledge, Result(item.article))
    places_time = time.perf_counter() - started
    print(
        f"{len(texts)} articles: parse {parse_time:.2f} s, places component {places_time:.2f} s "
        f"({100 * places_time / parse_time:.1f}% of the parse)"
    )


if __name__ == "__main__":
    main()
