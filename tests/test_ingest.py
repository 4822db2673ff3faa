"""`eventdesk ingest`: every kind of source, hostile input rejected with a clear message while the rest of
the batch is stored, and idempotency (known articles skipped before extraction)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.config import Settings
from eventdesk.ingest.fetch import FetchPolicy
from eventdesk.ingest.pipeline import Progress, estimate_total, ingest
from eventdesk.ingest.sources import SourceReader, expand_path
from eventdesk.store import Store
from support_store import LocalServer, Route, db_url  # noqa: F401

REPORTS = [
    "Gunmen opened fire on a minibus in the Dand district of Kandahar province on Sunday, killing three "
    "passengers, a provincial police spokesman said.",
    "Security forces arrested four suspected militants in a raid on a house in Peshawar on Tuesday, "
    "police said.",
    "A roadside bomb struck an army patrol near the town of Marawi on Wednesday, wounding five soldiers, the "
    "military said in a statement.",
    "Hundreds of people protested in Basra on Friday against power cuts; police fired tear gas to "
    "disperse them.",
    "Two rockets landed near the airport in Mogadishu late on Thursday, causing no casualties, "
    "officials said.",
    "Militants attacked a checkpoint in Borno state overnight, killing two members of a local "
    "vigilante group.",
    "An air strike hit a market in the town of Maarat al-Numan on Monday, killing at least seven civilians.",
    "Armed men abducted a village chief in the Menaka region of Mali on Saturday, residents said.",
    "Police in Dhaka detained 12 opposition activists after clashes outside the party office on Monday.",
]
ENTITY_BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
              for i in range(1, 10))
    + ']>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>\n'
)


def rss(entries: list[tuple[str, str, str | None]], title: str = "Regional Wire") -> str:
    """An RSS 2.0 feed; each entry is (title, link, full text or None for a summary-only entry)."""
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate>"
        + (f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded>" if text else
           "<description>Short summary.</description>")
        + "</item>"
        for t, link, text in entries
    )
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>https://wire.example/</link>{items}</channel></rss>")


def html_page(title: str, text: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{text}</p><p>{text.split(',')[0]}, according to local officials who spoke to reporters "
            "at the scene.</p></article></body></html>")


def warc_with_broken_middle(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO(html.encode())
        record = writer.create_warc_record(url, "response", payload=payload, http_headers=headers)
        writer.write_record(record)
    data = buffer.getvalue()
    second = data.index(b"WARC/1.", 10)
    return data[:second] + b"WARC/1.0\r\nContent-Length: twelve\r\n" + data[second + len(b"WARC/1.0\r\n"):]


def corpus(folder: Path) -> None:
    """A folder with one of every kind of source, hostile ones included."""
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(REPORTS[0], encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"id": "b", "text": REPORTS[1], "url": "https://news.example/b",
                                               "published": "2024-05-07"}), encoding="utf-8")
    (folder / "sub" / "c.html").write_text(html_page("Patrol hit", REPORTS[2]), encoding="utf-8")
    lines = [json.dumps({"id": "d1", "text": REPORTS[3]}), "{not json",
             json.dumps({"id": "d2", "text": REPORTS[4]})]
    (folder / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    feed = rss([("Checkpoint", "https://wire.example/5", REPORTS[5]),
                ("Strike", "https://wire.example/6", REPORTS[6])])
    (folder / "feed.xml").write_text(feed, encoding="utf-8")
    (folder / "bomb.rss").write_text(ENTITY_BOMB, encoding="utf-8")
    pages = [(f"https://archive.example/{i}", html_page(f"Report {i}", REPORTS[i])) for i in (7, 0, 8)]
    (folder / "crawl.warc").write_bytes(warc_with_broken_middle(pages))
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "README.md").write_text("Notes about this folder, not an article.", encoding="utf-8")
    (folder / ".hidden.txt").write_text(REPORTS[8], encoding="utf-8")


def run_ingest(sources: list[str], store: Store, extractor, **policy: object):
    reader = SourceReader(Settings(), FetchPolicy(**policy), known_url=store.known_url)  # type: ignore[arg-type]
    with reader:
        return ingest(sources, store, extractor, reader, Progress(quiet=True, total=None))


def test_folder_of_mixed_sources(db_url: str, extractor, tmp_path: Path, monkeypatch) -> None:  # noqa: F811
    corpus(tmp_path / "in")
    store = Store(db_url)
    summary = run_ingest([str(tmp_path / "in")], store, extractor)
    assert summary.stored == 9, summary.lines()
    failures = "\n".join(summary.failed)
    assert "bomb.rss: feed refused, unsafe XML" in failures
    assert "photo.txt: binary data, not text" in failures
    assert "crawl.warc: WARC record after byte" in failures and "is broken" in failures
    assert "d.jsonl: line 2: not valid JSON" in failures
    assert len(summary.failed) == 4
    assert {"Checkpoint", "Strike", "Patrol hit"} <= _titles(store)
    assert store.integrity_problems() == []

    calls: list[str] = []
    monkeypatch.setattr(extractor, "extract_analysed", lambda analysed: calls.append(analysed.article.id))
    again = run_ingest([str(tmp_path / "in")], store, extractor)
    assert again.stored == 0 and sum(again.skipped.values()) == 9 and calls == []
    assert store.counts()["articles"] == 9


def _titles(store: Store) -> set[str]:
    return {document["article"]["title"] for document in store.documents()}


def test_feed_and_pages_from_urls(extractor, tmp_path: Path) -> None:
    routes = {
        "/feed": Route(body=b"", headers=(("Content-Type", "application/rss+xml"),)),
        "/news/1": Route(body=html_page("Minibus attack", REPORTS[0]).encode()),
        "/news/2": Route(body=html_page("Raid in Peshawar", REPORTS[1]).encode()),
        "/bomb": Route(body=ENTITY_BOMB.encode(), headers=(("Content-Type", "application/rss+xml"),)),
        "/meta": Route(status=302, headers=(("Location", "http://169.254.169.254/latest/meta-data/"),)),
        "/huge": Route(body=lambda: iter([b"<p>" + b"x" * 65536] * 20000)),
    }
    store = Store(f"sqlite:///{tmp_path / 'e.db'}")
    with LocalServer(routes) as server:
        feed = rss([("Minibus attack", server.url("/news/1"), None), ("Raid", server.url("/news/2"), None),
                    ("Too big", server.url("/huge"), None)])
        routes["/feed"].body = feed.encode()
        sources = [server.url("/feed"), server.url("/bomb"), server.url("/meta")]
        summary = run_ingest(sources, store, extractor, allow_private=True, max_bytes=2_000_000)
        assert summary.stored == 2, summary.lines()
        failures = "\n".join(summary.failed)
        assert "/bomb: feed refused, unsafe XML" in failures
        assert "169.254.169.254, a cloud metadata address" in failures
        assert "/huge: over the limit of 2000000 bytes" in failures
        assert server.sent["/huge"] < 20_000_000
        stored = {d["article"]["url"]: d["article"] for d in store.documents()}
        assert stored[server.url("/news/1")]["source"] == "Regional Wire"
        assert stored[server.url("/news/1")]["published"] == "2024-05-06"

        routes.pop("/news/1"), routes.pop("/news/2")  # known URLs must not be fetched again
        again = run_ingest([server.url("/feed")], store, extractor, allow_private=True, max_bytes=2_000_000)
    assert again.skipped["already stored (same URL)"] == 2 and again.stored == 0


def test_private_urls_are_refused_by_default(extractor, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'e.db'}")
    with LocalServer({"/a": Route(body=html_page("A", REPORTS[0]).encode())}) as server:
        summary = run_ingest([server.url("/a")], store, extractor)
    assert summary.stored == 0 and "a loopback address" in summary.failed[0]


def test_expand_paths_globs_and_missing(tmp_path: Path) -> None:
    corpus(tmp_path)
    names = sorted(p.name for p in expand_path(str(tmp_path)))  # type: ignore[union-attr]
    assert "README.md" not in names and ".hidden.txt" not in names and "c.html" in names
    assert [p.name for p in expand_path(str(tmp_path / "*.jsonl"))] == ["d.jsonl"]  # type: ignore[union-attr]
    assert [str(e) for e in expand_path(str(tmp_path / "*.csv"))] == [f"{tmp_path / '*.csv'}: no files match"]
    assert "no such file or folder" in str(next(expand_path(str(tmp_path / "nope.txt"))))
    assert estimate_total([str(tmp_path)]) == 10  # 7 files as one each, the JSONL as its 3 lines


def test_ingest_command_stores_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, text in enumerate(REPORTS[:3]):
        (folder / f"r{number}.txt").write_text(text, encoding="utf-8")
    (folder / "blob.dat").write_bytes(b"\x00\x01\x02" * 1000)
    db = f"sqlite:///{tmp_path / 'e.db'}"
    assert main(["ingest", str(folder), "--db", db]) == 0
    err = capsys.readouterr().err
    assert "stored 3 article(s)" in err and "failed 1" in err and "blob.dat: binary data, not text" in err
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["ingest", str(tmp_path / "missing"), "--db", db]) == 2
    assert "no such file or folder" in capsys.readouterr().err
