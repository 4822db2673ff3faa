"""Where the quotations are: quotation marks paired inside each paragraph, with the original text's curly
marks telling openings from closings, and quoted speech told from quoted names and titles."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventdesk.analyse.pipeline import AnalysedArticle

OPENING_MARKS = frozenset("“„«")
CLOSING_MARKS = frozenset("”»")
MIN_SPEECH_WORDS = 4  # shorter quotes without final punctuation are names, titles or scare quotes


@dataclass(slots=True)
class Quote:
    open_at: int  # the opening mark
    start: int  # content, between the marks
    end: int
    close_at: int | None  # the closing mark; None when the quote runs on into the next paragraph
    paragraph: int
    speech: bool = True


MarkKind = Callable[[int], str | None]  # "open", "close" or None (a straight mark) for a normalised offset


def find_quotes(text: str, paragraphs: list[tuple[int, int]], typed: MarkKind) -> list[Quote]:
    """Quoted stretches inside each paragraph. Straight marks pair off one by one; curly marks (`typed`
    tells an opening from a closing one in the original text) repair what a missing mark would shift: an
    opening mark inside a quotation ends it (a typo for a closing one after "," or "."; otherwise the
    quotation was left open and ends at its last full stop), a closing mark outside one is ignored. A
    quotation still open at the paragraph's end runs to it (it goes on in the next paragraph)."""
    quotes: list[Quote] = []
    for number, (start, end) in enumerate(paragraphs):
        opened: int | None = None
        for mark in _marks(text, start, end):
            kind = typed(mark)
            if opened is None:
                if kind != "close":
                    opened = mark
                continue
            if kind == "open" and text[:mark].rstrip()[-1:] not in (",", ".", "!", "?"):
                quotes.append(Quote(opened, opened + 1, _last_stop(text, opened, mark), None, number))
                opened = mark
                continue
            quotes.append(Quote(opened, opened + 1, mark, mark, number))
            opened = None
        if opened is not None and _opens(text, opened, end):
            quotes.append(Quote(opened, opened + 1, end, None, number))
    for quote in quotes:
        quote.speech = is_speech(text[quote.start : quote.end])
    return [q for q in quotes if q.end > q.start]


def _last_stop(text: str, start: int, end: int) -> int:
    """The end of the last sentence in text[start:end], for a quotation whose closing mark is missing."""
    stop = max(text.rfind(". ", start, end), text.rfind("? ", start, end), text.rfind("! ", start, end))
    return stop + 1 if stop > start else end


def mark_kinds(art: AnalysedArticle) -> MarkKind:
    """Whether the original character behind a normalised quotation mark opens or closes (curly), or
    could do either (straight)."""
    original, offsets = art.norm.original, art.norm.offsets

    def kind(index: int) -> str | None:
        char = original[offsets[index]] if offsets[index] < len(original) else '"'
        return "open" if char in OPENING_MARKS else "close" if char in CLOSING_MARKS else None

    return kind


def _marks(text: str, start: int, end: int) -> list[int]:
    marks, position = [], text.find('"', start, end)
    while position >= 0:
        marks.append(position)
        position = text.find('"', position + 1, end)
    return marks


def _opens(text: str, mark: int, end: int) -> bool:
    return mark + 1 < end and not text[mark + 1].isspace()


def is_speech(content: str) -> bool:
    """Speech, not a name or title in quotes: a question or exclamation, or more than one word, long enough
    or cut off by a comma or a full stop ("J.D." is a nickname), and not all capitalised like a title."""
    words = content.split()
    ending = content.rstrip()[-1:]
    if ending in {"!", "?"}:
        return True
    if len(words) < 2:
        return False
    if ending not in {",", "."} and all(w[:1].isupper() or len(w) <= 3 for w in words):
        return False  # a title in quotes: "How Do You Hug a Tiger"
    return len(words) >= MIN_SPEECH_WORDS or ending in {",", "."}
