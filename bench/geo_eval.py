"""Geoparsing quality on the research corpora in ../shared/data/geo (evaluation only, never shipped).

    .venv/bin/python bench/geo_eval.py [--corpus GWN-dev] [--split dev|held|all] [--limit N]
                                       [--no-recognition]

Resolution with gold toponym spans given: exact GeoNames id and within 161 km, mean and median error, for
the project's resolver beside a largest-population baseline (computed here) and the published Mordecai 3
figures (held-out 30% of each corpus, so only roughly comparable). Rules are tuned on the development half
of each corpus (even article indices, `--split dev`); `--split held` scores the odd ones, kept for checking
that a change generalises (the default `all` scores both halves and each on its own). Then end-to-end
recognition on GWN-dev and on the re3d defence documents (Location entities).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.geo.evaluation import (
    RecognitionScore,
    gwn_targets,
    largest_population,
    re3d_targets,
    read_corpus,
    read_re3d,
    resolve_gold,
    score_resolution,
)
from eventdesk.geo.gazetteer import load_gazetteer

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPORA = {"GWN-dev": "GWN-dev.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml"}
SPLITS = ("all", "dev", "held")
MORDECAI3 = {"GWN-dev": (0.901, 0.941), "LGL": (0.794, 0.827), "TR-News": (0.843, 0.873)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--split", choices=SPLITS, default="all", help="dev: even articles, held: odd ones")
    parser.add_argument("--limit", type=int, help="only the first N articles of each corpus")
    parser.add_argument("--no-recognition", action="store_true")
    args = parser.parse_args()
    gaz = load_gazetteer(())
    header = f"{'corpus':9} {'split':5} {'system':18} {'n':>5} {'exact':>6} {'161km':>6} {'mean km':>8}"
    print(f"{header} {'median':>7}")
    splits = SPLITS if args.split == "all" else (args.split,)
    for name in args.corpus or CORPORA:
        articles = read_corpus(SHARED / "data" / "geo" / CORPORA[name])[: args.limit]
        for split in splits:
            part = split_half(articles, split)
            for system, resolver in (("eventdesk", resolve_gold), ("largest-population", largest_population)):
                started = time.perf_counter()
                s = score_resolution(gaz, part, resolver).summary()
                took = time.perf_counter() - started
                print(
                    f"{name:9} {split:5} {system:18} {s['toponyms']:5d} {s['exact']:6.3f} "
                    f"{s['within_161km']:6.3f} {s['mean_km']:8.0f} {s['median_km']:7.1f}  "
                    f"({s['unresolved']} unresolved, {s['fallback']} by fallback, {took:.1f} s)"
                )
        exact, within = MORDECAI3[name]
        print(f"{name:9} {'':5} {'Mordecai 3 (publ.)':18} {'':5} {exact:6.3f} {within:6.3f}")
    if not args.no_recognition:
        print_recognition(args.limit)


def split_half(articles: list, split: str) -> list:
    """The development half (even article indices), the held-out half (odd ones) or all articles."""
    if split == "all":
        return articles
    return articles[split == "held" :: 2]


def print_recognition(limit: int | None) -> None:
    """End-to-end recognition: GeoWebNews (general news) and re3d (defence and security documents)."""
    gwn = read_corpus(SHARED / "data" / "geo" / CORPORA["GWN-dev"])[:limit]
    print_recognition_score("GWN-dev (literal toponyms)", gwn, gwn_targets)
    re3d = [
        a
        for folder in sorted((SHARED / "data" / "re3d").iterdir())
        if folder.is_dir()
        for a in read_re3d(folder)
    ]
    print_recognition_score("re3d (Location names)", re3d[:limit], re3d_targets)


def print_recognition_score(label: str, articles: list, targets: Callable) -> None:
    from eventdesk.analyse.pipeline import analyse
    from eventdesk.extract import Extractor
    from eventdesk.records import Article

    extractor = Extractor(Settings(), components=["places"])
    score = RecognitionScore()
    texts = [Article(id=a.id, text=a.text) for a in articles]
    for article, analysed in zip(articles, analyse(texts, extractor.nlp), strict=True):
        result = extractor.extract_analysed(analysed)
        predicted = [(m.start, m.end) for place in result.places for m in place.mentions]
        score.add(*targets(article), predicted)
    s = score.summary()
    print(
        f"recognition {label}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} "
        f"({s['predicted']} predicted, {s['gold']} targets; overlap match)"
    )


if __name__ == "__main__":
    main()
