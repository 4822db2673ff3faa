import json
from pathlib import Path

import pytest

from eventdesk.config import Settings
from eventdesk.errors import InputError
from eventdesk.ingest.readers import article_from_bytes, article_from_record, read_path

SETTINGS = Settings()
HTML = b"""<!DOCTYPE html><html><head><title>Blast hits market in Mogadishu</title>
<meta property="og:site_name" content="Example News"><meta name="date" content="2024-02-11"></head>
<body><nav>Home | World | Africa</nav><article><h1>Blast hits market in Mogadishu</h1>
<p>A car bomb exploded at a busy market in Mogadishu on Saturday, killing at least seven people and wounding
dozens of others, police said. The al-Shabaab militant group claimed responsibility for the attack.</p>
<p>Witnesses said the explosion destroyed several shops and vehicles parked near the entrance of the market,
and ambulances took the wounded to hospitals across the city.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "report-17.txt"
    path.write_text("Gunmen attacked a checkpoint near Kano on Monday.\n", encoding="utf-8")
    article = read_path(str(path), SETTINGS, {"published": "2024-03-04"})
    assert article.id == "report-17"
    assert article.text.startswith("Gunmen attacked")
    assert article.published == "2024-03-04"
    assert len(article.text_sha256) == 64


def test_html_gives_main_text_title_and_date() -> None:
    article = article_from_bytes(HTML, "page.html", SETTINGS, {})
    assert "car bomb exploded" in article.text
    assert "Home | World" not in article.text and "Copyright" not in article.text
    assert article.title == "Blast hits market in Mogadishu"
    assert article.published == "2024-02-11"


def test_html_is_sniffed_without_extension() -> None:
    article = article_from_bytes(HTML, "download", SETTINGS, {})
    assert "<p>" not in article.text


def test_json_article_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    record = {
        "id": "x1",
        "text": "Troops clashed with rebels.",
        "published": "2024-01-02",
        "url": "https://e.org/1",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    article = read_path(str(path), SETTINGS)
    assert (article.id, article.url, article.published) == ("x1", "https://e.org/1", "2024-01-02")


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ([1, 2, 3], "expected an object"),
        ({"title": "no text"}, 'no "text"'),
        ({"text": 42}, 'no "text"'),
        ({"text": "   "}, "empty text"),
        ({"text": "ok", "published": "last Tuesday"}, "not YYYY-MM-DD"),
        ({"text": "ok", "published": "2023-02-30"}, "not a valid date"),
    ],
)
def test_json_that_is_not_an_article(record: object, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        article_from_record(record, SETTINGS)


def test_invalid_utf8_is_replaced_and_reported() -> None:
    article = article_from_bytes("Attaque à Gao.".encode("latin-1"), "fr.txt", SETTINGS, {})
    assert "\ufffd" in article.text
    assert article.warnings and "invalid UTF-8" in article.warnings[0]


def test_utf8_bom_is_dropped() -> None:
    article = article_from_bytes("\ufeffTroops clashed.".encode(), "bom.txt", SETTINGS, {})
    assert article.text == "Troops clashed."


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary")],
)
def test_empty_and_binary_input(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        article_from_bytes(data, "bad.txt", SETTINGS, {})


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(str(tmp_path / "nope.txt"), SETTINGS)
    with pytest.raises(InputError, match="is a folder"):
        read_path(str(tmp_path), SETTINGS)


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(InputError, match="larger than the limit"):
        read_path(str(path), SETTINGS)


def test_text_longer_than_max_chars_is_refused() -> None:
    with pytest.raises(InputError, match="more than the limit"):
        article_from_record({"text": "word " * 300_000}, SETTINGS)


def test_broken_html_still_gives_its_text() -> None:
    broken = (
        b"<html><body><div><p>Rebels <b>stormed <i>the barracks at dawn, the army said.<table><tr><td>"
        + b"<" * 50
    )
    article = article_from_bytes(broken, "broken.html", SETTINGS, {})
    assert "stormed" in article.text and "<" not in article.text


def test_html_without_text_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_bytes(
            b"<html><body><div><script>var x = 1;</script></div></body></html>", "e.html", SETTINGS, {}
        )
