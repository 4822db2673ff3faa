"""HTML articles: the main text, title and date through trafilatura."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventdesk.config import Settings
from eventdesk.errors import InputError
from eventdesk.records import Article


def article_from_html(
    html: str, stem: str | None, settings: Settings, metadata: Mapping[str, Any], warnings: list[str]
) -> Article:
    from eventdesk.ingest.readers import make_article

    text, meta = extract_main_text(html)
    if not text:
        raise InputError(f"{stem or 'stdin'}: no article text found in the HTML")
    values = {"id": stem, **{k: v for k, v in meta.items() if v}, **{k: v for k, v in metadata.items() if v}}
    return make_article(text, values, settings, warnings)


def extract_main_text(html: str) -> tuple[str | None, dict[str, Any]]:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise InputError(f"HTML could not be parsed ({type(exc).__name__})") from None
    if document is None:
        return None, {}
    data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    meta = {
        "title": data.get("title"),
        "published": data.get("date"),
        "url": data.get("url"),
        "source": data.get("sitename"),
    }
    return data.get("text"), meta
