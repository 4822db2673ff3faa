"""Throughput of `eventdesk ingest` into SQLite and PostgreSQL against extraction alone on the same corpus;
storage (idempotency checks, the transaction per article, incident linking) should cost at most 15%.

    .venv/bin/python bench/ingest.py [--corpus FILE.jsonl] [--copies 10] [--pg URL] [--repeat 2]

Without --corpus the bundled samples/ articles are used, each repeated --copies times with a numbered
line appended (so no copy is skipped as already stored). Timings exclude loading the spaCy model.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.ingest.fetch import FetchPolicy
from eventdesk.ingest.pipeline import Progress, ingest
from eventdesk.ingest.readers import article_from_record, read_jsonl
from eventdesk.ingest.sources import SourceReader
from eventdesk.store import Store

ROOT = Path(__file__).resolve().parents[1]
PG_DEFAULT = "postgresql://postgres@127.0.0.1:5432/test"
BUDGET = 0.15


def sample_corpus(copies: int, target: Path) -> Path:
    with target.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for path in sorted((ROOT / "samples").glob("*.json")):
                record = json.loads(path.read_text(encoding="utf-8"))
                record["id"] = f"{record['id']}-{copy}"
                record["url"] = f"{record['url']}#copy{copy}"
                record["text"] += f"\n\nDesk copy {copy}."
                out.write(json.dumps(record) + "\n")
    return target


def extraction_only(extractor: Extractor, corpus: Path) -> int:
    with corpus.open(encoding="utf-8") as lines:
        articles = (article_from_record(r, extractor.settings) for _, r, _ in read_jsonl(lines) if r)
        return sum(1 for _ in extractor.extract_many(articles))


def ingest_into(url: str, extractor: Extractor, corpus: Path) -> int:
    store = Store(url)
    with SourceReader(extractor.settings, FetchPolicy(), known_url=store.known_url) as reader:
        summary = ingest([str(corpus)], store, extractor, reader, Progress(quiet=True, total=None))
    if summary.failed or summary.skipped:
        raise SystemExit(f"ingest into {url} was not clean: {summary.lines()}")
    return summary.stored


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    from eventdesk.store.db import database_url

    engine, schema = create_engine(database_url(base)), f"bench_{uuid.uuid4().hex[:10]}"
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def measure(run: Callable[[], int]) -> tuple[float, float]:
    """(articles per second of wall time, milliseconds of this process's CPU per article)."""
    wall, cpu = time.perf_counter(), time.process_time()
    count = run()
    return count / (time.perf_counter() - wall), (time.process_time() - cpu) * 1000 / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a JSONL file of articles (default: samples/ x --copies)")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--pg", default=os.environ.get("EVENTDESK_TEST_PG", PG_DEFAULT))
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best round of each mode counts")
    args = parser.parse_args()
    extractor = Extractor(Settings())
    with tempfile.TemporaryDirectory() as folder:
        corpus = args.corpus or sample_corpus(args.copies, Path(folder) / "corpus.jsonl")
        extraction_only(extractor, corpus)  # warm-up: model, gazetteer and caches loaded

        def into_sqlite() -> int:
            return ingest_into(f"sqlite:///{folder}/bench-{uuid.uuid4().hex}.db", extractor, corpus)

        def into_postgres() -> int:
            with postgres_schema(args.pg) as url:
                return ingest_into(url, extractor, corpus)

        modes: dict[str, Callable[[], int]] = {
            "extraction only": lambda: extraction_only(extractor, corpus),
            "ingest sqlite": into_sqlite,
            "ingest postgresql": into_postgres,
        }
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in modes}
        for _ in range(args.repeat):  # rounds interleave the modes, so a busy machine hurts all alike
            for name, run in modes.items():
                results[name].append(measure(run))
    report({name: max(rates) for name, rates in results.items()}, corpus)


def report(best: dict[str, tuple[float, float]], corpus: Path) -> None:
    base_rate, base_cpu = best["extraction only"]
    print(f"corpus: {corpus.name}")
    costs = {}
    for name, (rate, cpu) in best.items():
        line = f"{name:<20} {rate:8.1f} articles/s {cpu:8.1f} ms CPU/article"
        if name != "extraction only":
            costs[name] = 1 - rate / base_rate
            line += f"   storage costs {costs[name]:6.1%} of throughput, {cpu / base_cpu - 1:6.1%} more CPU"
        print(line)
    worst = max(costs.values())
    verdict = {"rates": {n: r for n, (r, _) in best.items()}, "worst_storage_cost": round(worst, 4),
               "within_budget": worst <= BUDGET}
    print(json.dumps(verdict))


if __name__ == "__main__":
    main()
