"""Words per second of the full eventdesk extraction beside bare spaCy `nlp.pipe`, same model, same texts.

    .venv/bin/python bench/throughput.py [--words 200000] [--repeats 1]

Texts: the re3d documents (../shared/data/re3d), repeated until about --words words. The bare run and the
eventdesk run (Extractor.extract_many: normalisation, the pipeline with the actor matcher, every extraction
component) alternate --repeats times in the same process; the best time of each is kept. Goal: ratio >= 0.80.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from eventdesk.analyse.pipeline import load_nlp
from eventdesk.config import Settings
from eventdesk.evaluate.re3d import read_re3d
from eventdesk.extract import Extractor
from eventdesk.records import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def corpus(words: int) -> list[str]:
    texts = [d.text for d in read_re3d(SHARED / "data" / "re3d")]
    out: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            out.append(text)
            total += len(text.split())
            if total >= words:
                break
    return out


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    settings = Settings()
    texts = corpus(args.words)
    words = sum(len(t.split()) for t in texts)
    bare = load_nlp(settings.model)
    extractor = Extractor(settings)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    extractor.extract(articles[0])  # load knowledge and components before timing

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=settings.batch_size):
            pass

    def run_eventdesk() -> None:
        for _ in extractor.extract_many(articles):
            pass

    bare_best = eventdesk_best = float("inf")
    for _ in range(args.repeats):
        bare_best = min(bare_best, timed(run_bare))
        eventdesk_best = min(eventdesk_best, timed(run_eventdesk))
    bare_wps, eventdesk_wps = words / bare_best, words / eventdesk_best
    print(f"texts: {len(texts)} re3d documents, {words} words; model {settings.model}")
    print(f"bare spaCy nlp.pipe : {bare_wps:9.0f} words/s ({bare_best:.1f} s)")
    print(f"eventdesk extraction: {eventdesk_wps:9.0f} words/s ({eventdesk_best:.1f} s)")
    print(f"ratio               : {eventdesk_wps / bare_wps:.3f} (goal >= 0.80)")


if __name__ == "__main__":
    main()
