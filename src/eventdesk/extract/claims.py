"""Claims: counts over periods ("some 30 raids in March and April of this year"), with who did
them (subject), what is counted (quantity), the figure and its qualifier, the period, and the source whose
statement carries them. A count with no period, or over a single day, is left to the events extractor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from eventdesk.analyse.dates import resolve_date
from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.analyse.quantities import parse_quantity
from eventdesk.extract.actors import mentions_in
from eventdesk.extract.attribution import SUBJECTS, article_units, read_lexicon, statement_source
from eventdesk.knowledge import Knowledge
from eventdesk.records import Claim, DateRange, Result

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

MIN_PEOPLE_PERIOD_DAYS = 32  # a count of people killed over a month or less reads as one incident
PERIOD_WINDOW = 14  # tokens after the counted noun where its period may start
DATE_JOINERS = frozenset(("and", "to", "-", "–", "through", "until", "till"))


@dataclass(frozen=True, slots=True)
class CountLexicon:
    count_nouns: frozenset[str]
    people_nouns: frozenset[str]
    outcome_verbs: frozenset[str]
    period_openers: frozenset[str]
    rolling_period_words: frozenset[str]


@cache
def count_lexicon(user_files: tuple[str, ...] = ()) -> CountLexicon:
    """The packaged count words merged with the user's files (setting `user_claim_counts`)."""
    data = read_lexicon("claim_counts.yaml", user_files)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key, []))

    return CountLexicon(
        words("count_nouns"),
        words("people_nouns"),
        words("outcome_verbs"),
        words("period_openers"),
        words("rolling_period_words"),
    )


def extract_claims(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    lex = kb.count_words
    for unit in article_units(art):
        subject: str | None = None
        for token in unit:
            claim = _claim_at(art, token, unit, lex, subject)
            if claim is not None:
                subject = claim.subject
                result.claims.append(claim)


def _claim_at(
    art: AnalysedArticle, noun: Token, unit: SpacySpan, lex: CountLexicon, previous_subject: str | None
) -> Claim | None:
    quantity = _quantity(noun, lex)
    if quantity is None:
        return None
    number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is None:
        return None
    figure = art.doc[number.left_edge.i : number.i + 1]
    value, qualifier = parse_quantity(figure.text)
    period = _period(noun, unit, lex)
    if value is None or period is None:
        return None
    dates = resolve_date(period.text, art.published) or DateRange(text=period.text)
    if not _long_enough(dates, period, lex, counts_incidents=noun.lemma_.lower() in lex.count_nouns):
        return None
    agent = _agent(noun, unit)
    subject = _actor_name(art, agent) if agent is not None else previous_subject
    start = figure.start_char
    if agent is not None and agent.i >= unit.start:
        start = min(start, agent.idx)
    evidence = art.span(min(start, period.start_char), max(period.end_char, noun.idx + len(noun)))
    dates.span = art.span(period.start_char, period.end_char)
    source = statement_source(art, figure.start_char, period.end_char)
    return Claim(subject, quantity, value, qualifier, dates, source, evidence)


def _long_enough(dates: DateRange, period: SpacySpan, lex: CountLexicon, counts_incidents: bool) -> bool:
    """A count over a period, not one incident: incidents counted over more than a day ("24 attacks in
    January"), people over more than a month or from a starting point ("300 fighters killed since March");
    "killed five people in March" is an incident."""
    if period[0].lower_ in lex.period_openers or dates.start is None or dates.end is None:
        return True
    if _rolling(period, lex):
        return True
    days = (date.fromisoformat(dates.end) - date.fromisoformat(dates.start)).days
    return days >= (1 if counts_incidents else MIN_PEOPLE_PERIOD_DAYS)


def _rolling(period: SpacySpan, lex: CountLexicon) -> bool:
    """ "the past month", "the last two weeks": a period counted back from the report."""
    words = [t.lower_ for t in period]
    return any(w in lex.rolling_period_words for w in words) or "the last" in " ".join(words)


def _quantity(noun: Token, lex: CountLexicon) -> str | None:
    """What is counted, as written: "attacks", or "fighters killed"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = noun.lemma_.lower()
    if lemma in lex.count_nouns:
        return noun.text
    if lemma not in lex.people_nouns:
        return None
    verbs = lex.outcome_verbs
    outcomes = [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in verbs]
    outcome = outcomes[0] if outcomes else None
    if outcome is None and noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_.lower() in verbs:
        outcome = noun.head
    return f"{noun.text} {outcome.text}" if outcome is not None else None


def _period(noun: Token, unit: SpacySpan, lex: CountLexicon) -> SpacySpan | None:
    """The date phrase after the counted noun: adjacent DATE entities joined ("January and February of last
    year"), with an opening "since"/"between" kept."""
    doc = noun.doc
    limit = min(unit.end, noun.i + 1 + PERIOD_WINDOW)
    first = next((t for t in doc[noun.i + 1 : limit] if t.ent_type_ == "DATE"), None)
    if first is None:
        first = _opening_period(noun, unit, lex)
    if first is None:
        return None
    start = first.i
    while start > unit.start and doc[start - 1].ent_type_ == "DATE":
        start -= 1
    if start > unit.start and doc[start - 1].lower_ in lex.period_openers:
        start -= 1
    end = first.i + 1
    while end < unit.end and (
        doc[end].ent_type_ == "DATE"
        or (doc[end].lower_ in DATE_JOINERS and end + 1 < unit.end and doc[end + 1].ent_type_ == "DATE")
    ):
        end += 1
    return doc[start:end]


def _opening_period(noun: Token, unit: SpacySpan, lex: CountLexicon) -> Token | None:
    """A period that opens the clause instead: "Since January, the group has carried out 150 attacks"."""
    opener = next((t for t in unit[:PERIOD_WINDOW] if t.lower_ in lex.period_openers | {"in"}), None)
    if opener is None or opener.i > noun.i:
        return None
    following = opener.doc[opener.i + 1] if opener.i + 1 < unit.end else None
    return following if following is not None and following.ent_type_ == "DATE" else None


def _agent(noun: Token, unit: SpacySpan) -> Token | None:
    """Who carried the counted acts out: the subject of the verb governing the count, or a possessor."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    verb = noun.head if noun.dep_ in ("dobj", "attr") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and unit.start <= c.i < unit.end), None)
    return subject


def _actor_name(art: AnalysedArticle, token: Token) -> str | None:
    found = mentions_in(art, token.idx, token.idx + len(token), kind="actor")
    if found:
        return found[0].name
    if token.pos_ == "PRON":
        before = [m for m in mentions_in(art, 0, token.idx, kind="actor") if m.end <= token.idx]
        return before[-1].name if before else None
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return token.text
    return None
