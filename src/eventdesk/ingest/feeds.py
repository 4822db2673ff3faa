"""RSS and Atom feeds: checked with defusedxml first (entity declarations, i.e. entity bombs, and external
entities are refused), then read with feedparser; each entry becomes article metadata and, where the feed
carries it, the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from eventdesk.errors import InputError

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_FEED_TYPES = ("rss", "atom", "rdf")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "section")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")


@dataclass(frozen=True, slots=True)
class FeedEntry:
    title: str | None
    link: str | None
    published: str | None  # ISO date
    text: str | None  # the entry's text as plain text
    full: bool  # True when the text is the article itself (content), not a summary


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: list[FeedEntry]


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    if any(kind in content_type for kind in _FEED_TYPES):
        return True
    return bool(_FEED_ROOT.search(data[:2048]))


def parse_feed(data: bytes, name: str) -> Feed:
    check_xml_safety(data, name)
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise InputError(f"{name}: not a readable RSS/Atom feed ({type(reason).__name__}: {reason})")
    return Feed(title=parsed.feed.get("title") or None, entries=[_entry(e) for e in parsed.entries])


def check_xml_safety(data: bytes, name: str) -> None:
    """Refuse XML that declares entities (the billion-laughs bomb) or refers to external ones."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(f"{name}: feed refused, unsafe XML ({type(exc).__name__}: entity declarations "
                         "or external references are not accepted)") from None
    except ParseError as exc:
        raise InputError(f"{name}: not well-formed XML ({exc})") from None


def _entry(entry: dict) -> FeedEntry:  # type: ignore[type-arg]
    content = entry.get("content") or []
    body = content[0].get("value") if content else None
    summary = entry.get("summary")
    return FeedEntry(
        title=entry.get("title") or None,
        link=entry.get("link") or None,
        published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        text=html_text(body or summary or ""),
        full=bool(body),
    )


def _date(parsed: object) -> str | None:
    if not parsed:
        return None
    try:
        return date(*parsed[:3]).isoformat()  # type: ignore[index]
    except (TypeError, ValueError):
        return None


def html_text(fragment: str) -> str | None:
    """Plain text of an HTML fragment, paragraphs separated by a blank line."""
    if not fragment.strip():
        return None
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return None
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    text = _BLANK_LINES.sub("\n\n", _SPACES.sub(" ", root.text_content()))
    return text.strip() or None
