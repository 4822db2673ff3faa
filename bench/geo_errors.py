"""Where the resolver misses by more than 161 km, by kind of error (gold toponym spans given).

    .venv/bin/python bench/geo_errors.py [--corpus LGL] [--split dev|held] [--show N]

Counts each miss in one bucket: the gazetteer lacks the gold place (and a namesake was chosen, or a
fallback point was too far), the right place with a point far from the gold one, the right name but
another place of the same level (in the same or another country), a confusion of levels (province for
town, country for province), a name not linked to its place, a demonym. `--show N` lists up to N misses
per bucket, on the development split only: the held-out split is for checking, its misses stay unread.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from eventdesk.geo.evaluation import ACCURATE_KM, GoldArticle, GoldToponym, read_corpus
from eventdesk.geo.gazetteer import GazEntry, Gazetteer, load_gazetteer
from eventdesk.geo.resolve import Toponym, distance_km, level, make_toponym, resolve_toponyms

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPORA = {"GWN-dev": "GWN-dev.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml"}
LEVEL_NAMES = {0: "country", 1: "admin1", 2: "admin2", 3: "town"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--split", choices=("dev", "held"), default="dev")
    parser.add_argument("--show", type=int, default=0, help="misses listed per bucket (dev split only)")
    args = parser.parse_args()
    if args.show and args.split == "held":
        parser.error("the held-out split's misses are not listed")
    gaz = load_gazetteer(())
    total: Counter[str] = Counter()
    for name in args.corpus or CORPORA:
        articles = read_corpus(SHARED / "data" / "geo" / CORPORA[name])[args.split == "held" :: 2]
        buckets: Counter[str] = Counter()
        shown: dict[str, list[str]] = defaultdict(list)
        for article in articles:
            for gold, toponym in misses(gaz, article):
                bucket = classify(gaz, gold, toponym)
                buckets[bucket] += 1
                if len(shown[bucket]) < args.show:
                    shown[bucket].append(describe(article, gold, toponym))
        for bucket, count in buckets.most_common():
            print(f"{name:8} {count:5d}  {bucket}")
            for line in shown[bucket]:
                print(f"{'':16}{line}")
        total.update(buckets)
    for bucket, count in total.most_common():
        print(f"{'all':8} {count:5d}  {bucket}")


def misses(gaz: Gazetteer, article: GoldArticle) -> list[tuple[GoldToponym, Toponym]]:
    gold = sorted((t for t in article.toponyms if t.geonameid is not None), key=lambda t: t.start)
    toponyms = [make_toponym(t.start, t.end, article.text[t.start : t.end], gaz) for t in gold]
    resolve_toponyms(gaz, article.text, toponyms)
    return [(g, t) for g, t in zip(gold, toponyms, strict=True) if not within(g, t.entry or t.fallback)]


def within(gold: GoldToponym, place: GazEntry | None) -> bool:
    if place is None or gold.lat is None or gold.lon is None:
        return False
    return distance_km(gold.lat, gold.lon, place.lat, place.lon) <= ACCURATE_KM


def classify(gaz: Gazetteer, gold: GoldToponym, toponym: Toponym) -> str:
    truth, picked = gaz.get(gold.geonameid), toponym.entry
    listed = any(c.entry.id == gold.geonameid for c in toponym.candidates)
    if toponym.demonym is not None or gaz.is_demonym(toponym.text):
        return "demonym or adjective"
    if picked is None and toponym.fallback is None:
        return "unresolved: no candidate, no fallback"
    if truth is None:
        return "gazetteer lacks the place: " + ("namesake chosen" if picked else "fallback point too far")
    if picked is not None and picked.id == truth.id:
        return f"right place, point over 161 km from the gold one ({kind(truth)})"
    if not listed:
        return "place in the gazetteer, name not linked to it"
    if picked is None:
        return "right place among the candidates, none chosen"
    if kind(picked) != kind(truth):
        return f"level confusion: gold {kind(truth)}, chosen {kind(picked)}"
    where = "same country" if picked.country == truth.country else "another country"
    return f"same name, wrong {kind(truth)} ({where})"


def kind(entry: GazEntry) -> str:
    if not (entry.is_town or entry.is_point or entry.is_admin or entry.is_country):
        return "area"
    return LEVEL_NAMES.get(level(entry), "town")


def describe(article: GoldArticle, gold: GoldToponym, toponym: Toponym) -> str:
    place = toponym.entry or toponym.fallback
    chosen = f"{place.name} ({place.feature}, {place.country})" if place else "nothing"
    return f"{article.id}: {gold.text!r} gold {gold.geonameid}, chosen {chosen}"


if __name__ == "__main__":
    main()
