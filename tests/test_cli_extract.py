"""`eventdesk extract`: both forms of the contract, and every kind of bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventdesk.cli import main

REPORT = (
    "Gunmen attacked a police checkpoint near Maiduguri on Monday, killing two officers, "
    "the Nigerian army said in a statement.\n"
)


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "eventdesk.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def assert_one_line_error(process: subprocess.CompletedProcess[bytes], reason: str) -> None:
    stderr = process.stderr.decode()
    assert process.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert reason in stderr
    assert process.stdout == b""


def test_single_article_gives_one_contract_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    code = main(
        ["extract", str(path), "--published", "2024-05-06", "--title", "Checkpoint attack", "--source", "X"]
    )
    document = json.loads(capsys.readouterr().out)
    assert code == 0
    assert document["schema"] == "eventdesk/1"
    assert document["article"]["published"] == "2024-05-06"
    assert document["article"]["title"] == "Checkpoint attack"
    assert document["article"]["id"] == "report"
    for key in ("events", "actors", "people", "places", "statements", "claims", "media"):
        assert isinstance(document[key], list)


def test_every_span_points_into_the_text_as_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrapped = (
        "Gunmen attacked a police checkpoint near\nMaiduguri on Monday, killing two officers,\n"
        "the army said.\n"
    )
    path = tmp_path / "wrapped.txt"
    path.write_text(wrapped, encoding="utf-8")
    main(["extract", str(path)])
    document = json.loads(capsys.readouterr().out)
    spans = list(_spans(document))
    assert spans, "the article names places and actors: some spans are expected"
    for span in spans:
        assert wrapped[span["start"] : span["end"]] == span["text"]


def _spans(node: object):
    if isinstance(node, dict):
        if set(node) == {"start", "end", "text"}:
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def test_batch_keeps_order_and_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": REPORT, "published": "2024-05-06"}),
        "this is not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "f", "text": "Protesters marched in Bamako.", "published": "someday"}),
        json.dumps({"id": "g", "text": "Troops clashed with rebels in Goma on Friday."}),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = run_cli("extract", "--jsonl", str(source), "--out", str(out))
    assert process.returncode == 0, process.stderr.decode()
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["a", "line-2", "c", "d", "line-5", "f", "g"]
    assert [("error" in r) for r in results] == [False, True, True, True, True, True, False]
    assert results[0]["schema"] == "eventdesk/1" and results[6]["schema"] == "eventdesk/1"
    assert "not valid JSON" in results[1]["error"]
    assert "empty text" in results[2]["error"]
    assert "YYYY-MM-DD" in results[5]["error"]


def test_batch_from_stdin_with_invalid_utf8_line() -> None:
    data = (
        json.dumps({"id": "ok", "text": "Rebels seized the town."}).encode()
        + b"\n"
        + b'{"id": "bad", "text": "\xff"}\n'
    )
    process = run_cli("extract", "--jsonl", "-", stdin=data)
    results = [json.loads(line) for line in process.stdout.decode().splitlines()]
    assert [r["id"] for r in results] == ["ok", "bad"]


def test_missing_file() -> None:
    assert_one_line_error(run_cli("extract", "/nonexistent/article.txt"), "no such file")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert_one_line_error(run_cli("extract", str(tmp_path / "empty.txt")), "empty input")


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 64)
    assert_one_line_error(run_cli("extract", str(tmp_path / "image.txt")), "binary data")


def test_fifty_megabyte_text(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"Troops clashed with rebels. " * (50 * 1024 * 1024 // 28 + 1))
    assert_one_line_error(run_cli("extract", str(path)), "larger than the limit")


def test_json_that_is_not_an_article(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text("[1, 2, 3]", encoding="utf-8")
    assert_one_line_error(run_cli("extract", str(tmp_path / "list.json")), "not a JSON article")
    (tmp_path / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    assert_one_line_error(run_cli("extract", str(tmp_path / "broken.json")), "not valid JSON")


def test_bad_published_date() -> None:
    assert_one_line_error(run_cli("extract", "-", "--published", "03/01/2023", stdin=b"text"), "YYYY-MM-DD")


def test_usage_errors() -> None:
    assert_one_line_error(run_cli("extract"), "give either FILE")
    assert run_cli().returncode == 2


def test_invalid_utf8_is_processed_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Militants attacked a village near Ménaka on Sunday.".encode("latin-1"))
    process = run_cli("extract", str(path))
    assert process.returncode == 0
    assert "invalid UTF-8" in process.stderr.decode()
    document = json.loads(process.stdout)
    assert "invalid UTF-8" in document["article"]["warnings"][0]
