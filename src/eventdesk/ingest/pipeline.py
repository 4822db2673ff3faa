"""The ingest run: items from the sources, known articles skipped before extraction, the rest extracted in
batches (nlp.pipe) and stored one article per transaction, so an interrupted run resumes where it stopped."""

from __future__ import annotations

import sys
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from sqlalchemy.exc import SQLAlchemyError

from eventdesk.errors import EventdeskError
from eventdesk.ingest.sources import JSONL_SUFFIXES, Item, SourceReader, expand_path, is_url
from eventdesk.records import Article, Result
from eventdesk.store.repository import content_hash

if TYPE_CHECKING:
    from eventdesk.extract import Extractor
    from eventdesk.store import Store

LOG_EVERY_S = 10.0
MAX_LISTED_FAILURES = 25


@dataclass
class IngestSummary:
    stored: int = 0
    events: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return self.stored + sum(self.skipped.values()) + len(self.failed)

    def lines(self) -> list[str]:
        rate = self.stored / self.seconds if self.seconds > 0 else 0.0
        head = (f"stored {self.stored} article(s) with {self.events} event(s), "
                f"skipped {sum(self.skipped.values())}, failed {len(self.failed)} "
                f"({self.seconds:.1f} s, {rate:.1f} stored articles/s)")
        skips = [f"  skipped {n}: {reason}" for reason, n in self.skipped.most_common()]
        failures = [f"  failed: {reason}" for reason in self.failed[:MAX_LISTED_FAILURES]]
        if len(self.failed) > MAX_LISTED_FAILURES:
            failures.append(f"  ... and {len(self.failed) - MAX_LISTED_FAILURES} more failures")
        return [head, *skips, *failures]


class Progress:
    """A tqdm bar (articles/s, ETA) on a terminal, else a log line every few seconds; nothing if quiet."""

    def __init__(self, quiet: bool, total: int | None, stream: TextIO = sys.stderr) -> None:
        self.stream, self.quiet, self.bar = stream, quiet, None
        self.last_log = time.monotonic()
        if not quiet and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=stream, dynamic_ncols=True, smoothing=0.1)

    def advance(self, summary: IngestSummary) -> None:
        if self.bar is not None:
            if self.bar.total is not None and self.bar.n + 1 > self.bar.total:
                self.bar.total = self.bar.n + 1
            self.bar.set_postfix(stored=summary.stored, skipped=sum(summary.skipped.values()),
                                 failed=len(summary.failed), refresh=False)
            self.bar.update(1)
        elif not self.quiet and time.monotonic() - self.last_log >= LOG_EVERY_S:
            self.last_log = time.monotonic()
            line = f"eventdesk ingest: {summary.done} read, {summary.stored} stored"
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def estimate_total(sources: Iterable[str]) -> int:
    """About how many articles the sources hold (JSONL lines counted; a feed, URL or WARC counts as one)."""
    total = 0
    for source in sources:
        if is_url(source):
            total += 1
            continue
        paths = [p for p in expand_path(source) if isinstance(p, Path)]
        total += sum(_lines_in(p) if p.name.lower().endswith(JSONL_SUFFIXES) else 1 for p in paths)
    return total


def _lines_in(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def ingest(sources: list[str], store: Store, extractor: Extractor, reader: SourceReader,
           progress: Progress) -> IngestSummary:
    from eventdesk.extract import extract_or_error

    summary, started = IngestSummary(), time.monotonic()
    pending: deque[Item] = deque()
    seen: set[str] = set()

    def new_articles() -> Iterator[Article]:
        for item in reader.read(sources):
            reason = item.skipped or (item.article and _already_known(item.article, store, seen))
            if reason:
                summary.skipped[reason] += 1
            elif item.error is not None:
                summary.failed.append(str(item.error))
            else:
                pending.append(item)
                yield item.article  # type: ignore[misc]
                continue
            progress.advance(summary)

    for outcome in extract_or_error(extractor, new_articles()):
        item = pending.popleft()
        _store_outcome(item, outcome, store, summary)
        progress.advance(summary)
    summary.seconds = time.monotonic() - started
    return summary


def _already_known(article: Article, store: Store, seen: set[str]) -> str | None:
    keys = [f"text:{content_hash(article.text)}"] + ([f"url:{article.url}"] if article.url else [])
    if any(key in seen for key in keys):
        return "repeated in this run"
    seen.update(keys)
    return store.known(article)


def _store_outcome(item: Item, outcome: Result | EventdeskError, store: Store, summary: IngestSummary,
                   ) -> None:
    if isinstance(outcome, EventdeskError):
        summary.failed.append(f"{item.origin}: {outcome}")
        return
    try:
        stored = store.add(outcome, item.origin)
    except SQLAlchemyError as exc:  # this article's records do not fit the database; the batch goes on
        summary.failed.append(f"{item.origin}: not stored ({type(exc).__name__}: {_first_line(exc)})")
        return
    if stored is None:
        summary.skipped["already stored (stored meanwhile)"] += 1
        return
    summary.stored += 1
    summary.events += len(outcome.events)


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else ""
