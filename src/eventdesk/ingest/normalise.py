"""Text normalisation with an offset map back to the text as given.

News text arrives hard-wrapped, with CRLF line ends, odd spaces and curly quotes. The analysis wants
paragraphs: lines of one paragraph joined by single spaces, paragraphs separated by a blank line, headings
("Constant threat": short lines without final punctuation) kept as paragraphs of their own.
`NormalisedText.original_span` turns offsets in the normalised text into offsets in the original.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from eventdesk.records import Span

_SENTENCE_END = tuple(".!?:;\"'’”)]…")
_HEADING_MAX_WORDS = 10
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\f\v]+")
_BULLET = re.compile(r"^\s*([-*•·–—]|\d{1,3}[.)])\s+")


@dataclass(frozen=True, slots=True)
class NormalisedText:
    original: str
    text: str
    offsets: array  # offsets[i] = index in `original` of normalised character i; len(text) + 1 entries

    def original_offset(self, index: int) -> int:
        return self.offsets[index]

    def original_span(self, start: int, end: int) -> Span:
        """The Span in the original text covering normalised characters [start, end)."""
        if end <= start:
            begin = self.offsets[start]
            return Span(begin, begin, "")
        begin = self.offsets[start]
        finish = self.offsets[end - 1] + 1
        return Span(begin, finish, self.original[begin:finish])

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph in the normalised text."""
        spans, start = [], 0
        for match in re.finditer(r"\n\n", self.text):
            spans.append((start, match.start()))
            start = match.end()
        spans.append((start, len(self.text)))
        return [(s, e) for s, e in spans if e > s]


def normalise(original: str) -> NormalisedText:
    lines = [_strip(original, start, end) for start, end in _split_lines(original)]
    width = _wrap_width(original, lines)
    out: list[str] = []
    offsets = array("l")
    previous: tuple[int, int] | None = None
    previous_heading = False
    blank_since_previous = False
    for index, (start, end) in enumerate(lines):
        if start == end:
            blank_since_previous = previous is not None
            continue
        line = original[start:end]
        heading = _is_heading(original, lines, index, previous)
        if previous is not None:
            joined = not (blank_since_previous or heading or previous_heading or _BULLET.match(line)) and (
                _continues_sentence(original[previous[0] : previous[1]], line)
                or (width is not None and not _ends_paragraph(original[previous[0] : previous[1]], width))
            )
            for ch in " " if joined else "\n\n":
                out.append(ch)
                offsets.append(max(start - 1, 0))
        _append_collapsed(original, start, end, out, offsets)
        previous, previous_heading, blank_since_previous = (start, end), heading, False
    offsets.append(len(original))
    return NormalisedText(original, "".join(out), offsets)


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width the text is hard-wrapped at, or None when lines are whole paragraphs."""
    lengths = sorted(end - start for start, end in lines if end > start)
    if len(lengths) < 3:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    return width if width <= 120 else None


def _continues_sentence(previous: str, line: str) -> bool:
    return not previous.endswith(_SENTENCE_END) and line[0].islower()


def _ends_paragraph(line: str, width: int) -> bool:
    return line.endswith(_SENTENCE_END) and len(line) < 0.75 * width


def _is_heading(
    text: str, lines: list[tuple[int, int]], index: int, previous: tuple[int, int] | None
) -> bool:
    start, end = lines[index]
    line = text[start:end]
    words = line.split()
    if len(words) > _HEADING_MAX_WORDS + 6 or line.endswith(_SENTENCE_END) or line.endswith(","):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or words[-1].lower() in _OPEN_ENDINGS:
        return False
    mid_sentence = previous is not None and not text[previous[0] : previous[1]].endswith(_SENTENCE_END)
    if mid_sentence and (len(words) > _HEADING_MAX_WORDS or "," in line):
        return False
    following = next(((s, e) for s, e in lines[index + 1 :] if e > s), None)
    return following is None or text[following[0]].isupper() or text[following[0]] in "\"“‘'"


_OPEN_ENDINGS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "is",
        "was",
        "were",
        "are",
        "be",
        "has",
        "have",
        "had",
        "its",
        "their",
        "his",
        "her",
        "this",
        "these",
        "those",
        "into",
        "onto",
        "after",
        "before",
        "during",
        "between",
    ]
)


def _split_lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\r\n|\r|\n|\u2028|\u2029", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _append_collapsed(original: str, start: int, end: int, out: list[str], offsets: array) -> None:
    position = start
    for match in _SPACE.finditer(original, start, end):
        _append_chars(original, position, match.start(), out, offsets)
        out.append(" ")
        offsets.append(match.start())
        position = match.end()
    _append_chars(original, position, end, out, offsets)


_CHAR_MAP = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ad": "-"})


def _append_chars(original: str, start: int, end: int, out: list[str], offsets: array) -> None:
    out.append(original[start:end].translate(_CHAR_MAP))
    offsets.extend(range(start, end))
