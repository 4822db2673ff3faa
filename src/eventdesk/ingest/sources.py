"""What `eventdesk ingest` reads: files, folders (recursively), globs, JSONL, HTML, RSS/Atom feeds (files or
URLs), web pages and WARC files, expanded into one stream of items: an article, an error, or a skip."""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.config import Settings
from eventdesk.errors import InputError
from eventdesk.ingest.feeds import Feed, FeedEntry, looks_like_feed, parse_feed
from eventdesk.ingest.fetch import Fetched, Fetcher, FetchPolicy
from eventdesk.records import Article

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
# a folder of articles often carries its own notes; these names are left out when a folder is read
FOLDER_NOTES = ("readme", "attribution", "license", "licence", "notice", "copying", "changelog")
_PAGE_NAMES = {"application/json": "page.json", "text/plain": "page.txt"}


@dataclass(frozen=True, slots=True)
class Item:
    """One thing read from a source: exactly one of article, error, skipped (the reason) is set."""

    origin: str  # the file, line, record or URL it came from
    article: Article | None = None
    error: InputError | None = None
    skipped: str | None = None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@dataclass
class SourceReader:
    """Turns ingest sources into Items; `known_url` lets it skip stored URLs before fetching them."""

    settings: Settings
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    known_url: Callable[[str], str | None] = lambda url: None
    _fetcher: Fetcher | None = None

    def __enter__(self) -> SourceReader:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.policy)
        return self._fetcher

    def read(self, sources: Iterable[str]) -> Iterator[Item]:
        for source in sources:
            if is_url(source):
                yield from self._from_url(source)
            else:
                for path in expand_path(source):
                    yield from self._from_file(path) if isinstance(path, Path) else [Item(source, error=path)]

    def _from_url(self, url: str, defaults: dict[str, Any] | None = None) -> Iterator[Item]:
        reason = self.known_url(url)
        if reason:
            yield Item(url, skipped=reason)
            return
        try:
            fetched = self.fetcher.fetch(url)
        except InputError as exc:
            yield Item(url, error=exc)
            return
        yield from self._from_fetched(url, fetched, defaults or {})

    def _from_fetched(self, url: str, fetched: Fetched, defaults: dict[str, Any]) -> Iterator[Item]:
        if looks_like_feed(fetched.data, fetched.content_type):
            yield from self._from_feed(fetched.data, url)
            return
        if fetched.content_type in ("application/x-ndjson", "application/jsonl"):
            yield from self._from_lines(fetched.data.decode("utf-8", "replace").splitlines(), url)
            return
        from eventdesk.ingest.readers import article_from_bytes

        name = _PAGE_NAMES.get(fetched.content_type, "page.html")
        try:
            metadata = {**defaults, "id": url, "url": url}
            article = article_from_bytes(fetched.data, name, self.settings, metadata)
        except InputError as exc:
            yield Item(url, error=InputError(f"{url}: {str(exc).removeprefix(name + ': ')}"))
            return
        yield Item(url, article=article)

    def _from_file(self, path: Path) -> Iterator[Item]:
        name = path.name.lower()
        if name.endswith(JSONL_SUFFIXES):
            yield from self._from_jsonl_file(path)
        elif name.endswith(WARC_SUFFIXES):
            from eventdesk.ingest.warc import read_warc

            for outcome in read_warc(path, self.settings):
                yield _item(str(path), outcome)
        elif name.endswith(FEED_SUFFIXES) or _sniff_feed(path):
            yield from self._from_feed_file(path)
        else:
            from eventdesk.ingest.readers import read_path

            try:
                yield Item(str(path), article=read_path(str(path), self.settings))
            except InputError as exc:
                yield Item(str(path), error=exc)

    def _from_jsonl_file(self, path: Path) -> Iterator[Item]:
        try:
            handle = path.open("rb")
        except OSError as exc:
            yield Item(str(path), error=InputError(f"{path}: cannot be read ({exc.strerror})"))
            return
        with handle:
            yield from self._from_lines((raw.decode("utf-8", "replace") for raw in handle), str(path))

    def _from_lines(self, lines: Iterable[str], origin: str) -> Iterator[Item]:
        from eventdesk.ingest.readers import article_from_record, read_jsonl

        for number, record, error in read_jsonl(iter(lines)):
            where = f"{origin}:{number}"
            if error:
                yield Item(where, error=InputError(f"{origin}: {error}"))
                continue
            try:
                yield Item(where, article=article_from_record(record, self.settings, {"id": where}))
            except InputError as exc:
                yield Item(where, error=InputError(f"{where}: {exc}"))

    def _from_feed_file(self, path: Path) -> Iterator[Item]:
        if path.stat().st_size > self.settings.max_file_bytes:
            limit = self.settings.max_file_bytes
            yield Item(str(path), error=InputError(f"{path}: larger than {limit} bytes"))
            return
        yield from self._from_feed(path.read_bytes(), str(path))

    def _from_feed(self, data: bytes, origin: str) -> Iterator[Item]:
        try:
            feed = parse_feed(data, origin)
        except InputError as exc:
            yield Item(origin, error=exc)
            return
        for number, entry in enumerate(feed.entries, start=1):
            yield from self._from_entry(feed, entry, f"{origin}#{number}")

    def _from_entry(self, feed: Feed, entry: FeedEntry, origin: str) -> Iterator[Item]:
        """The entry's own text when the feed carries the article; otherwise the linked page."""
        metadata = {"title": entry.title, "url": entry.link, "published": entry.published}
        metadata["source"] = feed.title
        if entry.link and (reason := self.known_url(entry.link)):
            yield Item(entry.link, skipped=reason)
        elif not entry.full and entry.link and is_url(entry.link):
            yield from self._from_url(entry.link, {k: v for k, v in metadata.items() if v and k != "url"})
        elif entry.text:
            yield self._entry_article(entry, metadata, origin)
        else:
            yield Item(origin, error=InputError(f"{origin}: feed entry has neither text nor a link"))

    def _entry_article(self, entry: FeedEntry, metadata: dict[str, Any], origin: str) -> Item:
        from eventdesk.ingest.readers import make_article

        values = {"id": entry.link or origin, **{k: v for k, v in metadata.items() if v}}
        try:
            return Item(origin, article=make_article(entry.text or "", values, self.settings, []))
        except InputError as exc:
            return Item(origin, error=InputError(f"{origin}: {exc}"))


def expand_path(source: str) -> Iterator[Path | InputError]:
    """The files a path, folder or glob stands for, sorted; a folder is read recursively, leaving out hidden
    entries and notes (README, ATTRIBUTION, LICENSE ...)."""
    path = Path(source).expanduser()
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not _left_out(p.relative_to(path)))
    elif path.exists():
        yield path
    elif glob.has_magic(source):
        matches = sorted(Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file())
        yield from matches or [InputError(f"{source}: no files match")]
    else:
        yield InputError(f"{source}: no such file or folder")


def _left_out(relative: Path) -> bool:
    hidden = any(part.startswith(".") for part in relative.parts)
    return hidden or relative.name.lower().split(".")[0] in FOLDER_NOTES


def _sniff_feed(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(2048))
    except OSError:
        return False


def _item(origin: str, outcome: Article | InputError) -> Item:
    return Item(origin, error=outcome) if isinstance(outcome, InputError) else Item(origin, article=outcome)
