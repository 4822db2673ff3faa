"""One spaCy pipeline per process; articles go through `nlp.pipe` in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from eventdesk.errors import EventdeskError
from eventdesk.ingest.normalise import NormalisedText, normalise
from eventdesk.records import Article, Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


@dataclass(slots=True)
class AnalysedArticle:
    """An article with its normalised text and spaCy Doc. Offsets inside `doc` are normalised offsets;
    `span()` turns them into contract Spans over the original text."""

    article: Article
    norm: NormalisedText
    doc: Doc
    published: date | None
    annotations: dict[str, Any] = field(default_factory=dict)  # intermediate results shared by extractors

    def span(self, start: int, end: int) -> Span:
        return self.norm.original_span(start, end)

    def span_of(self, item: SpacySpan | Token) -> Span:
        if hasattr(item, "idx") and not hasattr(item, "start_char"):
            return self.span(item.idx, item.idx + len(item))
        return self.span(item.start_char, item.end_char)


TEXT_KEY = "eventdesk_text"  # Doc.user_data: the Doc's text, built once
PLACE_TOKENS_KEY = "eventdesk_place_tokens"  # Doc.user_data: indices of the tokens of resolved place names


def mark_place_tokens(doc: Doc, indices: frozenset[int]) -> None:
    """Record which tokens the places component read as place names, for later components to consult."""
    doc.user_data[PLACE_TOKENS_KEY] = indices


def is_place_token(token: Token) -> bool:
    """Whether the places component read this token as (part of) a place name ("captured Wad Madani", with
    the town tagged PERSON by the model, still acts on a place)."""
    return token.i in token.doc.user_data.get(PLACE_TOKENS_KEY, ())


def doc_text(doc: Doc) -> str:
    """The Doc's text: spaCy rebuilds `Doc.text` from the tokens on every access, so it is kept once."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def load_nlp(model: str) -> Language:
    """A freshly loaded spaCy pipeline (callers keep it: loading takes about a second)."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError:
        raise EventdeskError(
            f"spaCy model {model!r} is not installed; install it or set EVENTDESK_MODEL to an installed model"
        ) from None
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def analyse(articles: Iterable[Article], nlp: Language, batch_size: int = 32) -> Iterator[AnalysedArticle]:
    """Normalise and parse articles in one streaming `nlp.pipe`; order is kept."""

    def prepared() -> Iterator[tuple[str, tuple[Article, NormalisedText]]]:
        for article in articles:
            norm = normalise(article.text)
            yield norm.text, (article, norm)

    for doc, (article, norm) in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        if "(" in norm.text or ")" in norm.text:
            split_at_open_brackets(doc)
        yield AnalysedArticle(article, norm, doc, _published(article))


def split_at_open_brackets(doc: Doc) -> None:
    """An entity that a bracket cuts in two ("Walikale (North Kivu" ORG, from "in Walikale (North Kivu)")
    is two names the model ran together: each side of the bracket becomes an entity of its own, with the
    label the model gave. Entities whose brackets close ("Police Forces of Peru (2021-)") are kept."""
    from spacy.tokens import Span as SpacySpan

    mended: list[SpacySpan] = []
    for ent in doc.ents:
        if ent.text.count("(") == ent.text.count(")"):
            mended.append(ent)
            continue
        start = ent.start
        for token in ent:
            if token.text in ("(", ")"):
                mended += [SpacySpan(doc, start, token.i, label=ent.label_)] if token.i > start else []
                start = token.i + 1
        mended += [SpacySpan(doc, start, ent.end, label=ent.label_)] if start < ent.end else []
    doc.ents = mended


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None
