"""Knowledge: data files loaded once and passed to the extractors (actors, event types, gazetteer, the
attribution, count and media lexicons), each merged with the user's files named in Settings."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from eventdesk.config import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from eventdesk.extract.attribution import AttributionLexicon
    from eventdesk.extract.claims import CountLexicon
    from eventdesk.extract.media import MediaLexicon
    from eventdesk.geo.gazetteer import Gazetteer
    from eventdesk.knowledge.actors import ActorDictionary
    from eventdesk.knowledge.event_types import EventLexicon
    from eventdesk.knowledge.unnamed_perpetrators import UnnamedPerpetrators


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
    def unnamed_perpetrators(self) -> UnnamedPerpetrators:
        from eventdesk.knowledge.unnamed_perpetrators import load_unnamed_perpetrators

        return load_unnamed_perpetrators()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from eventdesk.geo.gazetteer import load_gazetteer

        return load_gazetteer(self.settings.user_places)

    @cached_property
    def attribution(self) -> AttributionLexicon:
        from eventdesk.extract.attribution import attribution_lexicon

        return attribution_lexicon(self.settings.user_reporting_verbs)

    @cached_property
    def count_words(self) -> CountLexicon:
        from eventdesk.extract.claims import count_lexicon

        return count_lexicon(self.settings.user_claim_counts)

    @cached_property
    def media_words(self) -> MediaLexicon:
        from eventdesk.extract.media import media_lexicon

        media = media_lexicon(self.settings.user_media_lexicon)
        return replace(media, attack_nouns=self.count_words.count_nouns)

    def prepare_pipeline(self, nlp: Language) -> Language:
        """Add the knowledge-driven spaCy components (actor patterns) to a loaded pipeline."""
        from eventdesk.knowledge.actors import add_actor_patterns

        add_actor_patterns(nlp, self.actors)
        return nlp
