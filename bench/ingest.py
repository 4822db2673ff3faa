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


def best_rate(run: Callable[[], int], repeat: int) -> float:
    rates = []
    for _ in range(repeat):
        started = time.perf_counter()
        count = run()
        rates.append(count / (time.perf_counter() - started))
    return max(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a JSONL file of articles (default: samples/ x --copies)")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--pg", default=os.environ.get("EVENTDESK_TEST_PG", PG_DEFAULT))
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    extractor = Extractor(Settings())
    with tempfile.TemporaryDirectory() as folder:
        corpus = args.corpus or sample_corpus(args.copies, Path(folder) / "corpus.jsonl")
        extraction_only(extractor, corpus)  # warm-up: model, gazetteer and caches loaded
        rates = {"extraction only": best_rate(lambda: extraction_only(extractor, corpus), args.repeat)}
        runs = iter(range(10_000))
        rates["ingest sqlite"] = best_rate(
            lambda: ingest_into(f"sqlite:///{folder}/bench-{next(runs)}.db", extractor, corpus), args.repeat)

        def into_postgres() -> int:
            with postgres_schema(args.pg) as url:
                return ingest_into(url, extractor, corpus)

        rates["ingest postgresql"] = best_rate(into_postgres, args.repeat)
    report(rates, corpus)


def report(rates: dict[str, float], corpus: Path) -> None:
    base = rates["extraction only"]
    print(f"corpus: {corpus.name}")
    for name, rate in rates.items():
        cost = "" if name == "extraction only" else f"  storage costs {1 - rate / base:6.1%}"
        print(f"{name:<20} {rate:8.1f} articles/s{cost}")
    worst = max(1 - rate / base for name, rate in rates.items() if name != "extraction only")
    verdict = {"rates": rates, "worst_storage_cost": round(worst, 4), "within_budget": worst <= BUDGET}
    print(json.dumps(verdict))


if __name__ == "__main__":
    main()
