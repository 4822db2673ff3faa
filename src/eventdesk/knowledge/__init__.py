"""Knowledge: data files loaded once and passed to the extractors (actors, event types, gazetteer)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from eventdesk.config import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from eventdesk.geo.gazetteer import Gazetteer
    from eventdesk.knowledge.actors import ActorDictionary
    from eventdesk.knowledge.event_types import EventLexicon


class Knowledge:
    """Lazily loaded: a command that needs no gazetteer never loads it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def actors(self) -> ActorDictionary:
        from eventdesk.knowledge.actors import load_actor_dictionary

        return load_actor_dictionary(self.settings.user_actors)

    @cached_property
    def event_lexicon(self) -> EventLexicon:
        from eventdesk.knowledge.event_types import load_event_lexicon

        return load_event_lexicon(self.settings.user_event_types)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from eventdesk.geo.gazetteer import load_gazetteer

        return load_gazetteer(self.settings.user_places)

    def prepare_pipeline(self, nlp: Language) -> Language:
        """Add the knowledge-driven spaCy components (actor patterns) to a loaded pipeline."""
        from eventdesk.knowledge.actors import add_actor_patterns

        add_actor_patterns(nlp, self.actors)
        return nlp
