"""Why a text gives the events it gives: each sentence's trigger words, the frame each resolves to, and the
not-event tests that drop it; then the events extracted. A debugging aid for the event lexicon.

Usage: .venv/bin/python scripts/event_trace.py "Gunmen abducted five people..." [--parse]
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from eventdesk.analyse.pipeline import analyse
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.extract.attribution import sentence_units
from eventdesk.extract.event_detect import (
    Trigger,
    claimed_by,
    is_aggregate,
    is_anchored,
    is_background,
    is_depicted,
    is_heading,
    is_practice,
    is_recalled,
    match_at,
    resolve_frame,
    unreal_reason,
    without_dateline,
)
from eventdesk.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventdesk.knowledge.event_types import EventLexicon, Frame


def verdicts(text: str, extractor: Extractor, show_parse: bool) -> None:
    lx = extractor.knowledge.event_lexicon
    analysed = next(analyse([Article(id="trace", text=text)], extractor.nlp))
    for unit in sentence_units(analysed.doc):
        sentence = without_dateline(unit)
        print(f"- {sentence.text!r}{'  [heading]' if is_heading(sentence) else ''}")
        if show_parse:
            print("   ", " ".join(_token_parse(t, sentence.start) for t in sentence))
        lemmas = frozenset(t.lemma_.lower() for t in sentence)
        for i in range(sentence.start, sentence.end):
            match = match_at(analysed.doc, i, sentence.end, lx)
            if match is None:
                continue
            entry, head = match
            frame = resolve_frame(entry, head, lx, lemmas)
            sense = frame.name if frame else "no sense"
            print(f"    {' '.join(entry.phrase)!r} -> {sense}: {_drop(head, frame, lx)}")


def _token_parse(token: Token, start: int) -> str:
    return f"{token.text}/{token.lemma_}/{token.pos_}/{token.dep_}<{token.head.i - start}"


def _drop(head: Token, frame: Frame | None, lx: EventLexicon) -> str:
    """The not-event tests that drop a trigger, with what each found."""
    if frame is None:
        return "dropped (no sense rule holds)"
    trigger = Trigger(head, head.i, head.i + 1, frame, head.lemma_)
    tests = [
        ("unreal", lambda: unreal_reason(trigger, lx)),
        ("background", lambda: is_background(trigger, lx)),
        ("not anchored", lambda: frame.acled is not None and not is_anchored(trigger, lx)),
        ("aggregate", lambda: is_aggregate(trigger, lx)),
        ("claimed", lambda: claimed_by(trigger, lx)),
        ("practice", lambda: is_practice(trigger, lx)),
        ("depicted", lambda: is_depicted(trigger, lx)),
        ("recalled", lambda: is_recalled(trigger, lx)),
    ]
    reasons = [f"{name} ({value})" for name, test in tests if (value := test())]
    return "; ".join(reasons) or "kept"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("texts", nargs="+")
    parser.add_argument("--parse", action="store_true", help="print each token's lemma, tag and head")
    args = parser.parse_args()
    extractor = Extractor(Settings())
    for text in args.texts:
        verdicts(text, extractor, args.parse)
        for event in extractor.extract(Article(id="trace", text=text)).events:
            print(f"  EVENT {event.sub_event_type}: {event.actor1} / {event.actor2} / {event.target}")
        print()


if __name__ == "__main__":
    main()
