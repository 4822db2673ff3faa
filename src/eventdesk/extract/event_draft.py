"""An incident while it is being read: what one clause says, before reports of the same incident merge
(event_merge)."""

from __future__ import annotations

from dataclasses import dataclass, field

from eventdesk.extract.event_roles import Party
from eventdesk.extract.event_typing import Typing
from eventdesk.knowledge.event_types import Frame
from eventdesk.records import Count, DateRange, EventLocation, Span

PROTESTS, PEACEFUL = "Protests", "Peaceful protest"  # ACLED names, defined once
EXCESSIVE_FORCE = "Excessive force against protesters"
NEARBY_SENTENCES = 2


@dataclass(slots=True)
class Draft:
    typing: Typing
    trigger: Span
    frame: Frame
    sentence: int  # index of the sentence in the article, for distance between reports
    agent: Party | None = None
    patient: Party | None = None
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    actor1_text: Span | None = None
    actor2_text: Span | None = None
    target: str | None = None
    date: DateRange = field(default_factory=DateRange)
    location: EventLocation | None = None
    fatalities: Count | None = None
    injuries: Count | None = None
    sources: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    anaphoric: bool = False  # the report refers back ("those explosions", "the attack")
    told_on: bool = False  # its date is when a source told it ("said on Monday that ..."), not the act's
    root: int = -1  # token index of the clause the report was read from
    actor1_named: bool = False  # actor1 is a named actor, not "gunmen" or "unidentified armed group"
    lemmas: frozenset[str] = frozenset()  # the lemmas of the sentence it was read from
    new_story: bool = False  # its sentence turns to another incident ("Elsewhere, ...", "In another raid")
    assoc1: list[str] = field(default_factory=list)  # sides acting with actor1 ("US and British warplanes")
    assoc2: list[str] = field(default_factory=list)  # what actor2 is besides ("Journalists (Somalia)")

    def sides(self) -> set[str]:
        return {name for name in (self.actor1, self.actor2) if name}

    def swap_sides(self) -> None:
        """Who is told as acting becomes the second side ("police clashed with rioters": the rioters lead)."""
        self.actor1, self.actor2 = self.actor2, self.actor1
        self.inter1, self.inter2 = self.inter2, self.inter1
        self.actor1_text, self.actor2_text = self.actor2_text, self.actor1_text
        self.assoc1, self.assoc2 = self.assoc2, self.assoc1
