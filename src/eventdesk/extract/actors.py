"""Actors and people: dictionary and NER mentions, light coreference, people with roles.

Leaves `art.annotations["mentions"]`: a list of `Mention` (normalised offsets) sorted by start, so later
components can ask with `mentions_in` which actor or person a span of the text refers to.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.knowledge import Knowledge
from eventdesk.records import Actor, Result

MENTIONS = "mentions"  # key in AnalysedArticle.annotations


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor or a person; start/end are offsets into the normalised text (art.doc)."""

    start: int
    end: int
    kind: str  # "actor" | "person"
    name: str  # canonical name, as in Result.actors / Result.people
    type: str | None = None  # actor type (see knowledge.actors.ACTOR_TYPES); None for people and unknowns
    coref: bool = False  # True for a description resolved to a named actor ("the organization")


def mentions_in(art: AnalysedArticle, start: int, end: int, kind: str | None = None) -> list[Mention]:
    """The mentions overlapping normalised offsets [start, end), optionally of one kind, in text order."""
    mentions: list[Mention] = art.annotations.get(MENTIONS, [])
    starts, longest = art.annotations.get(_INDEX) or _index(mentions)
    first, last = bisect_left(starts, start - longest), bisect_left(starts, end)
    window = mentions[first:last]
    return [m for m in window if m.end > start and m.start < end and kind in (None, m.kind)]


_INDEX = "mentions.index"  # (sorted starts, longest mention length): lets mentions_in bisect


def _index(mentions: list[Mention]) -> tuple[list[int], int]:
    return [m.start for m in mentions], max((m.end - m.start for m in mentions), default=0)


def extract_actors(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    mentions: list[Mention] = []
    actors: dict[str, Actor] = {}
    for ent in art.doc.ents:
        if ent.label_ in ("ORG", "NORP"):
            actor = actors.setdefault(ent.text, Actor(name=ent.text))
            actor.mentions.append(art.span_of(ent))
            mentions.append(Mention(ent.start_char, ent.end_char, "actor", ent.text))
    result.actors.extend(actors.values())
    _publish(art, mentions)


def _publish(art: AnalysedArticle, mentions: list[Mention]) -> None:
    mentions.sort(key=lambda m: (m.start, -m.end))
    art.annotations[MENTIONS] = mentions
    art.annotations[_INDEX] = _index(mentions)
