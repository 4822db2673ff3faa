"""Extraction: components run in order over one analysed article and fill the contract's Result.

Each component is a function (AnalysedArticle, Knowledge, Result) -> None that fills its own part of the
Result; what later components need from earlier ones beyond the Result sits in `AnalysedArticle.annotations`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from importlib import import_module
from typing import TYPE_CHECKING

from eventdesk.analyse.pipeline import AnalysedArticle, analyse, load_nlp
from eventdesk.config import Settings
from eventdesk.errors import EventdeskError
from eventdesk.knowledge import Knowledge
from eventdesk.records import Article, Result

if TYPE_CHECKING:
    from spacy.language import Language

Component = Callable[[AnalysedArticle, Knowledge, Result], None]

# name -> "module:function"; order matters: later components read what earlier ones found.
COMPONENTS: dict[str, str] = {
    "actors": "eventdesk.extract.actors:extract_actors",
    "places": "eventdesk.geo.places:extract_places",
    "statements": "eventdesk.extract.statements:extract_statements",
    "claims": "eventdesk.extract.claims:extract_claims",
    "media": "eventdesk.extract.media:extract_media",
    "events": "eventdesk.extract.events:extract_events",
}


def load_component(name: str) -> Component:
    module_name, function = COMPONENTS[name].split(":")
    return getattr(import_module(module_name), function)


class Extractor:
    """Turns Articles into Results. Load once, use for one article or a million."""

    def __init__(self, settings: Settings, components: Iterable[str] | None = None) -> None:
        self.settings = settings
        self.knowledge = _shared_knowledge(settings)
        self.components = [load_component(name) for name in (components or COMPONENTS)]
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = _prepared_pipeline(self.settings, self.knowledge)
        return self._nlp

    def extract(self, article: Article) -> Result:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Result]:
        for analysed in analyse(articles, self.nlp, self.settings.batch_size):
            yield self.extract_analysed(analysed)

    def extract_analysed(self, analysed: AnalysedArticle) -> Result:
        result = Result(article=analysed.article)
        for component in self.components:
            component(analysed, self.knowledge, result)
        return result


KnowledgeKey = tuple[object, ...]
# The settings a Knowledge (and the pipeline prepared from it) is built from.
KNOWLEDGE_SETTINGS = ("model", "user_actors", "user_places", "user_event_types", "user_reporting_verbs",
                      "user_claim_counts", "user_media_lexicon")
_KNOWLEDGE: dict[KnowledgeKey, Knowledge] = {}
_PIPELINES: dict[KnowledgeKey, Language] = {}


def _knowledge_key(settings: Settings) -> KnowledgeKey:
    return tuple(getattr(settings, name) for name in KNOWLEDGE_SETTINGS)


def _shared_knowledge(settings: Settings) -> Knowledge:
    """One Knowledge per model and data files, so that every Extractor with the same settings shares the
    loaded data and the pipeline prepared from it (the pipeline's actor matcher compiles that dictionary)."""
    return _KNOWLEDGE.setdefault(_knowledge_key(settings), Knowledge(settings))


def _prepared_pipeline(settings: Settings, knowledge: Knowledge) -> Language:
    """The spaCy pipeline with the knowledge-driven components, built once per knowledge key."""
    key = _knowledge_key(settings)
    if key not in _PIPELINES:
        _PIPELINES[key] = knowledge.prepare_pipeline(load_nlp(settings.model))
    return _PIPELINES[key]


def extract_or_error(
    extractor: Extractor, items: Iterable[Article | EventdeskError]
) -> Iterator[Result | EventdeskError]:
    """Like extract_many, but errors (unreadable input, or a failure inside extraction) pass through in
    order as values, so one bad article never stops a batch."""
    errors: dict[int, EventdeskError] = {}

    def articles() -> Iterator[Article]:
        for position, item in enumerate(items):
            if isinstance(item, EventdeskError):
                errors[position] = item
                yield Article(id=f"__error__{position}", text="")
            else:
                yield item

    for position, analysed in enumerate(analyse(articles(), extractor.nlp, extractor.settings.batch_size)):
        if position in errors:
            yield errors.pop(position)
            continue
        try:
            yield extractor.extract_analysed(analysed)
        except Exception as exc:  # one article's failure is reported, not fatal to the batch
            yield EventdeskError(f"extraction failed: {type(exc).__name__}: {exc}")
