"""Numbers and vague amounts in news text, read under ACLED's counting rules (shared/CONTRACT.md section 3).

`parse_count` gives a Count (best/low/high) for fatalities and injuries; `parse_quantity` gives
(value, qualifier) for claims; `find_counts` finds the figure attached to words like "killed" in a sentence.

Decisions (ACLED codebook: "the most conservative reported figure"; vague plurals get fixed figures):
- an exact figure N: best = low = high = N.
- "at least N", "more than N", "over N": ACLED codes the stated figure: best = low = N, high unknown.
- "up to N", "as many as N": the only figure stated, so best = high = N, low unknown; a lower figure
  reported elsewhere wins when reports are merged (most conservative).
- "nearly / about N": best = N; "nearly" and "almost" also bound it: high = N.
- "between A and B", "A to B", "A-B": low = A, high = B, best = A (the conservative end).
- "dozens" 12, "tens" 10, "scores" 20, "hundreds" 100, "thousands" 1000: best = low = that figure.
- "a number of", "several", "some", "many", "a few": low = 2, best = null: no number, no guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from eventdesk.analyse.pipeline import doc_text
from eventdesk.records import Count

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

UNITS = {
    "zero": 0,
    "no": 0,
    "none": 0,
    "no one": 0,
    "nobody": 0,
    "one": 1,
    "a single": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a couple of": 2,
    "a couple": 2,
    "a pair of": 2,
    "a dozen": 12,
    "half a dozen": 6,
    "a score of": 20,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
QUALIFIERS = ("approximately", "at least", "at most", "exactly")


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount as stated: value (None for a vague plural), its qualifier, an upper figure for ranges."""

    value: int | float | None
    qualifier: str | None
    high: int | float | None = None
    vague_figure: bool = False  # "dozens" and the like: a conventional figure, not a stated one
    vague_plural: bool = False  # "several", "a number of": at least two, no figure
    end: int = 0  # characters of the text the amount used


@dataclass(frozen=True, slots=True)
class Lexicon:
    vague_figures: dict[str, int]
    vague_plurals: tuple[str, ...]
    qualifiers: dict[str, str]
    collective_nouns: frozenset[str]
    pattern: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    text = resources.files("eventdesk.knowledge").joinpath("data/quantity_words.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return Lexicon(
        vague_figures={k.lower(): int(v) for k, v in data["vague_figures"].items()},
        vague_plurals=tuple(sorted((p.lower() for p in data["vague_plurals"]), key=len, reverse=True)),
        qualifiers={k.lower(): v for k, v in data["qualifiers"].items()},
        collective_nouns=frozenset(n.lower() for n in data.get("collective_nouns") or []),
        pattern=_amount_pattern(),
    )


_NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "and", "a"], key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _amount_pattern() -> re.Pattern[str]:
    words = rf"(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*"
    return re.compile(
        rf"(?P<digits>{_DIGITS})(?:\s*(?P<scale>million|thousand|hundred|m|k)\b)?|(?P<words>{words})\b"
    )


def parse_number(text: str) -> int | float | None:
    """A figure written in digits or words: "1,200", "twenty-one", "two hundred", "3.5 million", "a dozen"."""
    match = lexicon().pattern.match(text.strip().lower())
    if not match or match.end() != len(text.strip()):
        return None
    return _number_of(match)


def _number_of(match: re.Match[str]) -> int | float | None:
    if match.group("digits"):
        value = float(match.group("digits").replace(",", ""))
        scale = {"million": 1_000_000, "m": 1_000_000, "thousand": 1000, "k": 1000, "hundred": 100}
        value *= scale.get(match.group("scale") or "", 1)
        return int(value) if value.is_integer() else value
    return _words_value(match.group("words"))


def _words_value(words: str) -> int | None:
    tokens = re.split(r"[\s-]+", words.strip())
    text = " ".join(tokens)
    if text in UNITS:
        return UNITS[text]
    total, current, seen = 0, 0, False
    for position, token in enumerate(tokens):
        if token in ("a", "and"):
            if token == "a" and position == 0 and len(tokens) > 1 and tokens[1] in SCALES:
                current, seen = 1, True
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token in SCALES:
            current = max(current, 1) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0
        else:
            return None
        seen = True
    return total + current if seen else None


def read_amount(text: str) -> Amount | None:
    """The amount that `text` starts with (after an optional qualifier), or None."""
    lower = " ".join(text.lower().replace("\u2013", "-").split())
    lex = lexicon()
    figure = _vague_figure(lower, lex)
    if figure:
        return figure
    qualifier, rest, offset = _strip_qualifier(lower, lex)
    low_match = lex.pattern.match(rest)
    if low_match and _number_of(low_match) is not None:
        return _amount_from_number(rest, low_match, qualifier, offset)
    if qualifier is None or rest.startswith(("dozens", "tens", "scores", "hundreds", "thousands")):
        figure = _vague_figure(rest, lex)
        if figure:
            return Amount(figure.value, qualifier or figure.qualifier, None, True, False, offset + figure.end)
    for phrase in lex.vague_plurals:
        if lower == phrase or lower.startswith(phrase + " "):
            return Amount(None, None, vague_plural=True, end=len(phrase))
    return None


def _vague_figure(lower: str, lex: Lexicon) -> Amount | None:
    for phrase in sorted(lex.vague_figures, key=len, reverse=True):
        if lower == phrase or lower.startswith((phrase + " ", phrase + ",")):
            return Amount(lex.vague_figures[phrase], "approximately", vague_figure=True, end=len(phrase))
    return None


def _strip_qualifier(lower: str, lex: Lexicon) -> tuple[str | None, str, int]:
    between = re.match(r"between\s+", lower)
    if between:
        return None, lower[between.end() :], between.end()
    for phrase in sorted(lex.qualifiers, key=len, reverse=True):
        if lower.startswith(phrase + " "):
            return lex.qualifiers[phrase], lower[len(phrase) + 1 :], len(phrase) + 1
    return None, lower, 0


def _amount_from_number(rest: str, match: re.Match[str], qualifier: str | None, offset: int) -> Amount:
    value = _number_of(match)
    range_match = re.match(rf"\s*(?:-|to|and|or)\s*({_DIGITS}|[a-z]+(?:-[a-z]+)?)\b", rest[match.end() :])
    if range_match:
        high = parse_number(range_match.group(1))
        if high is not None and value is not None and high > value:
            return Amount(value, qualifier, high, end=offset + match.end() + range_match.end())
    if qualifier is None and re.match(r"\s*(?:or more|\+|plus)\b|\+", rest[match.end() :]):
        qualifier = "at least"
    return Amount(value, qualifier, end=offset + match.end())


def parse_quantity(text: str) -> tuple[int | float | None, str | None]:
    """(value, qualifier) for a claim: "nearly 24" -> (24, "approximately"), "only two" -> (2, "exactly"),
    "more than 300" -> (300, "at least"); a vague plural gives (None, None)."""
    amount = read_amount(text)
    if amount is None or amount.value is None:
        return None, None
    return amount.value, amount.qualifier


def parse_count(text: str) -> Count | None:
    """A fatality or injury count under ACLED's rules (see the module notes), or None when `text` states
    no amount."""
    amount = read_amount(text)
    if amount is None:
        return None
    return count_of(amount, text.strip())


def count_of(amount: Amount, text: str | None) -> Count:
    if amount.vague_plural or amount.value is None:
        return Count(best=None, low=2, high=None, text=text)
    value = int(amount.value)
    if amount.high is not None:
        return Count(best=value, low=value, high=int(amount.high), text=text)
    if amount.vague_figure or amount.qualifier == "at least":
        return Count(best=value, low=value, high=None, text=text)
    if amount.qualifier == "at most":
        return Count(best=value, low=None, high=value, text=text)
    if amount.qualifier == "approximately":
        bounded = text is not None and re.match(r"(?i)\s*(nearly|almost|just under)\b", text) is not None
        return Count(best=value, low=None, high=value if bounded else None, text=text)
    return Count(best=value, low=value, high=value, text=text)


# --- counts in a parsed sentence -------------------------------------------------------------------

COUNT_DEPS = frozenset({"nummod", "quantmod"})
VICTIM_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
SINGULAR_DETS = frozenset({"a", "an", "one", "the", "his", "her", "their", "its", "another"})
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})


def find_counts(
    sent: SpacySpan, head_lemmas: frozenset[str] | set[str]
) -> list[tuple[int, int, Count, Token]]:
    """Figures attached to the words in `head_lemmas` ("kill", "dead", "wound"...) in one spaCy sentence:
    "at least 20 people were killed", "killing 20", "20 dead", "the death toll rose to 20",
    "a number of ISIS members were killed". Returns (start_char, end_char, Count, head token) with
    character offsets into the Doc's text; the Count's `text` is the amount's words."""
    found: list[tuple[int, int, Count, Token]] = []
    for token in sent:
        if token.lemma_.lower() in head_lemmas or token.lower_ in head_lemmas:
            hit = _count_for_head(token)
            if hit:
                found.append((hit[0], hit[1], hit[2], token))
    return found


def _count_for_head(head: Token) -> tuple[int, int, Count] | None:
    adjacent = _adjacent_figure(head)
    if adjacent:
        return adjacent
    for noun in _counted_nouns(head):
        victim = noun.head.i in (head.i, _fatal_verb(head).i) and noun.dep_ in VICTIM_DEPS
        hit = _count_on_head(head) if noun.i == head.i else _count_on_noun(noun, single=victim)
        if hit:
            return _with_conjuncts(noun, hit)
    return None


def _fatal_verb(head: Token) -> Token:
    """The verb whose object is the victim: "beat" of "beat to death a suspected thief", else the head."""
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.pos_ == "VERB":
        return head.head.head
    return head


def _count_on_head(head: Token) -> tuple[int, int, Count] | None:
    """A figure that modifies the head word itself: "five killed", "dozens dead"."""
    figure = next((c for c in head.lefts if c.dep_ in COUNT_DEPS or c.like_num), None)
    return _count_on_noun(figure) if figure is not None else None


def _adjacent_figure(head: Token) -> tuple[int, int, Count] | None:
    """A figure right before the head word: "7 dead", "more than 40 wounded"."""
    if head.i == 0 or head.pos_ not in ("ADJ", "VERB"):
        return None
    before = head.doc[head.i - 1]
    if not before.like_num or before.i < head.sent.start or before.ent_type_ == "DATE":
        return None  # not the year of a date: "fighting on 5 March 2024 killed 12 soldiers"
    return _count_on_noun(before)


def _with_conjuncts(noun: Token, hit: tuple[int, int, Count]) -> tuple[int, int, Count]:
    """ "eleven soldiers and three civilians", "himself and 14 others": the conjuncts' counts added up,
    when every conjunct has one."""
    if noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return hit
    conjuncts = [c for c in noun.conjuncts if c.i > noun.i]
    counts = [_count_on_noun(c, single=True) for c in conjuncts]
    if not conjuncts or any(c is None for c in counts):
        return hit
    parts = [hit[2], *(c[2] for c in counts if c)]
    end = max(c.idx + len(c) for c in conjuncts)
    total = Count(
        best=_sum(p.best for p in parts),
        low=_sum(p.low for p in parts),
        high=_sum(p.high for p in parts),
        text=doc_text(noun.doc)[hit[0] : end],
    )
    return hit[0], end, total


def _sum(values: Iterable[int | None]) -> int | None:
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def _counted_nouns(head: Token) -> list[Token]:
    """Nouns whose number counts the victims: the subject of "were killed", the object of "killing",
    the noun "dead" modifies, or the head itself ("20 dead", "five killed")."""
    has_object = any(c.dep_ == "dobj" for c in head.children)  # "bombers killed 23": the object counts
    nouns: list[Token] = [] if has_object else [head]
    nouns.extend(
        c
        for c in head.children
        if c.dep_ in ("nsubjpass", "nsubj", "dobj", "attr", "pobj", "npadvmod")
        and not (c.dep_ == "nsubj" and has_object)
    )
    if head.pos_ == "NOUN":  # "the deaths of 12 people"; not "killed by two gunmen", "killed in two attacks"
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            nouns.extend(c for c in prep.children if c.dep_ == "pobj")
    if head.dep_ in ("amod", "acl", "relcl", "appos", "compound"):
        nouns.append(head.head)
    if head.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):  # "left 5 people dead", "two men were shot dead"
        nouns.extend(c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass"))
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.pos_ == "VERB":  # "beat to death"
        nouns.extend(c for c in head.head.head.children if c.dep_ in ("dobj", "nsubjpass"))
    if head.dep_ == "pobj" and head.head.lower_ == "among":  # "four officers were among the dead"
        nouns.extend(c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    holder = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head  # "number of dead"
    if holder.pos_ == "NOUN" and holder.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "the death toll rose to 45"
        nouns.extend(_figures_of_verb(holder.head))
    return nouns


def _figures_of_verb(verb: Token) -> list[Token]:
    figures = [c for c in verb.children if c.dep_ in ("attr", "dobj") and c.like_num]
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at")):
        figures.extend(c for c in prep.children if c.dep_ == "pobj" and c.like_num)
    return figures


def _count_on_noun(noun: Token, single: bool = False) -> tuple[int, int, Count] | None:
    """The amount at the left of a noun ("at least 20 people", "a number of militants"); with `single`,
    a singular victim counts one ("a policeman")."""
    tokens = [t for t in noun.subtree if t.i <= noun.i]
    figures = (t for t in tokens if t.dep_ in COUNT_DEPS or t.like_num or t.lower_ in ("dozens", "hundreds"))
    numeric = [t for t in figures if not _measures_time(t)]
    start_token = numeric[0] if numeric else _vague_determiner(tokens)
    if start_token is None:
        return _single(noun) if single else None
    doc = noun.doc
    end = max(noun.idx + len(noun), noun.right_edge.idx + len(noun.right_edge))
    for start in range(_extend_left(start_token), start_token.i + 1):
        text = doc_text(doc)[doc[start].idx : end]
        amount = read_amount(text)
        if amount is not None:
            amount_text = text[: amount.end].strip() if amount.end else text
            return doc[start].idx, doc[start].idx + len(amount_text), count_of(amount, amount_text)
    return None


def _measures_time(token: Token) -> bool:
    """ "a seven-year-old boy", "a 12-hour siege": the number is an age or a length of time, no count."""
    doc = token.doc
    after = doc[token.i + 1 : token.i + 3]
    return len(after) == 2 and after[0].text == "-" and after[1].lemma_.lower() in TIME_UNITS


def _single(noun: Token) -> tuple[int, int, Count] | None:
    """One person: "a policeman was killed", "killed the governor", "killed himself"."""
    end = noun.idx + len(noun)
    if noun.lower_ in ("himself", "herself"):
        return noun.idx, end, Count(best=1, low=1, high=1, text=noun.text)
    if noun.tag_ != "NN" or noun.lemma_.lower() in lexicon().collective_nouns:
        return None
    determiner = next(
        (c for c in noun.children if c.dep_ in ("det", "poss") and c.lower_ in SINGULAR_DETS), None
    )
    if determiner is None:
        return None
    return determiner.idx, end, Count(best=1, low=1, high=1, text=doc_text(noun.doc)[determiner.idx : end])


def _vague_determiner(tokens: list[Token]) -> Token | None:
    for token in tokens:
        if token.lower_ in (
            "several",
            "many",
            "some",
            "numerous",
            "multiple",
            "few",
            "number",
            "dozens",
            "scores",
        ):
            return token
    return None


def _extend_left(token: Token) -> int:
    """Take in the qualifier words before a figure ("at least", "more than", "a number of")."""
    start = token.i
    doc = token.doc
    while start > 0 and doc[start - 1].lower_ in (
        "at",
        "least",
        "more",
        "than",
        "up",
        "to",
        "as",
        "many",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
        "over",
        "only",
        "a",
        "approximately",
        "roughly",
        "an",
        "estimated",
        "between",
        "no",
        "fewer",
        "less",
        "just",
    ):
        start -= 1
    return start
