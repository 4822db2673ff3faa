"""Words per second of the full eventdesk extraction beside bare spaCy `nlp.pipe`, same model, same texts.

    .venv/bin/python bench/throughput.py [--words 200000] [--repeats 1]

Texts: the re3d documents (../shared/data/re3d), repeated until about --words words. The bare run and the
eventdesk run (Extractor.extract_many: normalisation, the pipeline with the actor matcher, every extraction
component) alternate --repeats times in the same process; the best time of each is kept. Both wall-clock and
process CPU time are reported (on a shared machine the CPU-time ratio is steadier). Goal: ratio >= 0.80.
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


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """(wall seconds, process CPU seconds) of one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


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

    bare_best = eventdesk_best = (float("inf"), float("inf"))
    for _ in range(args.repeats):
        bare_best = _best(bare_best, timed(run_bare))
        eventdesk_best = _best(eventdesk_best, timed(run_eventdesk))
    print(f"texts: {len(texts)} re3d documents, {words} words; model {settings.model}")
    for label, index in (("wall", 0), ("cpu", 1)):
        bare_wps, eventdesk_wps = words / bare_best[index], words / eventdesk_best[index]
        print(f"{label:4} bare spaCy nlp.pipe : {bare_wps:8.0f} words/s ({bare_best[index]:.1f} s)")
        print(f"{label:4} eventdesk extraction: {eventdesk_wps:8.0f} words/s ({eventdesk_best[index]:.1f} s)")
        print(f"{label:4} ratio               : {eventdesk_wps / bare_wps:.3f} (goal >= 0.80)")


def _best(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), min(a[1], b[1])

if __name__ == "__main__":
    main()
