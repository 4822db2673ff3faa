"""Statements: direct quotations, reported speech ("confirmed that ...") and source attributions
("according to ..."), each with its speaker, cue, venue and the content span it attributes.

Direct quotes are found on the characters (curly quotes are straight in the normalised text) and paired
inside one paragraph, so one unbalanced mark never disturbs another paragraph. Reported speech is read from
the dependency parse of the reporting verb. Leaves `art.annotations["statements"]`: (start, end, Statement)
with normalised content offsets, for claims and media.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.extract.attribution import (
    SUBJECTS,
    AttributionLexicon,
    Resolved,
    SpeakerResolver,
    actor_names_in,
    article_units,
    ends_sentence,
    noun_phrase,
    token_starts,
    trimmed,
)
from eventdesk.extract.attribution_quotes import Quote, find_quotes, mark_kinds
from eventdesk.knowledge import Knowledge
from eventdesk.records import Result, Speaker, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

STATEMENTS = "statements"  # key in AnalysedArticle.annotations
MIN_CONTENT_TOKENS = 3
PARENTHETICAL_LEAD_IN = 8  # tokens before "X said," kept in the content ("Also on Monday, X said, ...")
THAT_LOOKAHEAD = 14  # tokens between a reporting verb and its "that" ("said in a statement to X that")
ATTRIBUTION_DEPS = frozenset(("prep", "advmod", "npadvmod", "dative", "prt", "punct", "aux", "neg"))
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}):[ \t]+(?=\S)")
FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))
BLOCK_INTRO_TAIL = 4  # tokens before the colon where "said" may stand ("said today:")
BLOCK_MAX_PARAGRAPHS = 8
GOVERNING_DEPTH = 4  # verbs climbed from a participle to find the one with a subject
APPOSITION_MAX = 12  # tokens of a description between commas after a named source
CUE_LOOKAHEAD = 3  # tokens after a closing quotation mark where "according to" may start
VENUE_PREPOSITIONS = frozenset(("in", "during", "at", "to", "before", "with"))
RELATIVE_TAGS = frozenset(("WP", "WDT", "WP$"))
JOINED_CLAUSE_DEPS = frozenset(("advcl", "conj", "ccomp", "parataxis", "ROOT"))
JOINERS = frozenset(("while", "but", "and", "whereas", "although", "though", "as", ";"))
CLAUSE_DEPS = frozenset(("ccomp", "xcomp", "dobj", "advcl", "conj"))


@dataclass(slots=True)
class Found:
    """A statement with its normalised content offsets and the token index of its cue."""

    statement: Statement
    start: int
    end: int
    cue_index: int | None


def extract_statements(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    lex = kb.attribution
    units = article_units(art)
    resolver = SpeakerResolver(art, result, lex, units)
    quotes = find_quotes(art.norm.text, art.norm.paragraphs(), mark_kinds(art))
    reader = _Reader(art, lex, resolver, units, quotes)
    found = reader.direct() + reader.transcript() + reader.blocks()
    found += reader.indirect({f.cue_index for f in found if f.cue_index is not None}, found)
    found += reader.attach_pending(found)
    found = _distinct(found)
    _complete_speakers([f.statement for f in found])
    result.statements.extend(f.statement for f in found)
    art.annotations[STATEMENTS] = [(f.start, f.end, f.statement) for f in found]


class _Reader:
    def __init__(
        self,
        art: AnalysedArticle,
        lex: AttributionLexicon,
        resolver: SpeakerResolver,
        units: list[SpacySpan],
        quotes: list[Quote],
    ) -> None:
        self.art, self.doc, self.lex, self.resolver = art, art.doc, lex, resolver
        self.text = art.norm.text  # the Doc's text, without rebuilding it on every access
        self.units, self.quotes = units, quotes
        self.speech = [q for q in quotes if q.speech]
        self.quoted = bytearray(len(art.norm.text) + 1)  # 1 where a character is inside quoted speech
        for quote in self.speech:
            self.quoted[quote.start : quote.end] = b"\x01" * (quote.end - quote.start)
        self.starts = token_starts(art)
        self.cue_starts = {cue[0] for cue in lex.source_cues}
        self.pending: list[Quote] = []  # quotations with no attribution of their own
        self.paragraphs = art.norm.paragraphs()

    # direct quotations

    def direct(self) -> list[Found]:
        found: list[Found] = []
        previous: Found | None = None
        for position, quote in enumerate(self.speech):
            attribution = self._attribution(position, quote)
            if attribution is None and previous is not None and self._continues(previous, quote):
                attribution = (previous.statement.speaker, previous.statement.cue, None, previous)
            if attribution is None:
                if quote.speech:
                    self.pending.append(quote)
                continue
            speaker, cue, verb, source = attribution
            start, end = trimmed(self.text, quote.start, quote.end)
            if end <= start:
                continue
            statement = Statement(
                speaker=Speaker(speaker.name, speaker.role, speaker.organization),
                cue=cue,
                direct=True,
                content=self.art.span(start, end),
                speaker_span=source.statement.speaker_span if isinstance(source, Found) else source,
                venue=self._venue(verb) if verb is not None else None,
                about=actor_names_in(self.art, start, end),
            )
            previous = Found(statement, start, end, verb.i if verb is not None else None)
            found.append(previous)
        return found

    def _attribution(self, position: int, quote: Quote) -> tuple | None:
        after = self._frame_after(position, quote)
        if after and self._closed_sentence(quote) and not self._bare_attribution(after):
            after = []
        before = self._frame_before(position, quote)
        verb = self._verb_in(after, first=True) if after else None
        if verb is None and before:
            verb = self._verb_in(before, first=False)
            if verb is not None and _reported_clause_before(verb, quote):
                self._embed(quote)  # words quoted inside reported speech: 'said he was taken "from Lebanon"'
                return None
        if verb is None:
            return self._cue_in(after) or self._colon_intro(quote, before)
        frame = after if after and after[0].i <= verb.i <= after[-1].i else before
        resolved = self._speaker_of(verb, frame, quote.open_at)
        if resolved is None:
            return None
        return resolved.speaker, _cue(verb), verb, resolved.span

    def _embed(self, quote: Quote) -> None:
        """Treat a quotation as words inside the surrounding sentence, not as speech of its own."""
        quote.speech = False
        self.quoted[quote.start : quote.end] = bytes(quote.end - quote.start)

    def _cue_in(self, frame: list[Token]) -> tuple | None:
        """ '"...," according to the governor's office.' """
        for index, token in enumerate(frame[:CUE_LOOKAHEAD]):
            cue = self._cue_at(token, token.sent)
            if cue is None:
                continue
            phrase = self._cue_phrase(frame[index + len(cue) :])
            resolved = self.resolver.resolve_phrase(phrase) if phrase else None
            if resolved is not None:
                return resolved.speaker, self.doc[token.i : token.i + len(cue)].text, token, resolved.span
        return None

    def _frame_after(self, position: int, quote: Quote) -> list[Token]:
        if quote.close_at is None:
            return []
        limit = self.paragraphs[quote.paragraph][1]
        if position + 1 < len(self.speech) and self.speech[position + 1].paragraph == quote.paragraph:
            limit = self.speech[position + 1].open_at
        tokens = self._tokens(quote.close_at + 1, limit)
        ends = [index for index, token in enumerate(tokens) if ends_sentence(token)]
        if not ends:
            return tokens
        if ends[0] <= 2 and len(ends) > 1 and self.lex.is_reporting_verb(tokens[ends[0] - 1]):
            return tokens[: ends[1]]  # a stray full stop: '," said. Col. David Lyons, the commander.'
        return tokens[: ends[0]]

    def _closed_sentence(self, quote: Quote) -> bool:
        """ '"We ran with nothing." The army later said ...': a quotation ending in a full stop is a sentence
        of its own, and the next sentence's speaker is not its speaker (that one continues the previous)."""
        inside = self.text[quote.start : quote.end].rstrip()
        if not inside.endswith("."):
            return False
        following = self.text[(quote.close_at or quote.end) + 1 :].lstrip(" ")
        return following[:1].isupper()

    def _bare_attribution(self, frame: list[Token]) -> bool:
        """ '"We will not go back." Amina Yusuf said.': the next sentence only names the speaker."""
        verb = self._verb_in(frame, first=True)
        return verb is not None and not any(c.dep_ in CLAUSE_DEPS for c in verb.children)

    def _frame_before(self, position: int, quote: Quote) -> list[Token]:
        start = self.paragraphs[quote.paragraph][0]
        if position > 0 and self.speech[position - 1].paragraph == quote.paragraph:
            start = (self.speech[position - 1].close_at or start) + 1
        tokens = self._tokens(start, quote.open_at)
        for index in range(len(tokens) - 1, -1, -1):
            if ends_sentence(tokens[index]):
                return tokens[index + 1 :]
        return tokens

    def _tokens(self, start: int, end: int) -> list[Token]:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [t for t in self.doc[first:last] if not t.is_space and not self._quoted_speech(t)]

    def _quoted_speech(self, token: Token) -> bool:
        return bool(self.quoted[token.idx]) or token.text == '"'

    def _verb_in(self, frame: list[Token], first: bool) -> Token | None:
        verbs = [t for t in frame if self.lex.is_reporting_verb(t)]
        if not verbs:
            return None
        return verbs[0] if first else verbs[-1]

    def _speaker_of(self, verb: Token, frame: list[Token], quote_start: int) -> Resolved | None:
        indices = {t.i for t in frame}
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i in indices), None)
        if subject is None and (verb.tag_ == "VBG" or verb.dep_ == "conj"):
            unit = verb.doc[min(t.i for t in frame) : max(t.i for t in frame) + 1]
            subject = _governing_subject(verb, verb.sent) or _governing_subject(verb, unit)
        if subject is None:
            subject = next((t for t in frame if t.i > verb.i and t.pos_ in ("PROPN", "NOUN", "PRON")), None)
            subject = _head_within(subject, indices) if subject is not None else None
        if subject is None:
            subject = next((t for t in reversed(frame) if t.i < verb.i and t.pos_ in ("PROPN", "NOUN")), None)
        return self.resolver.resolve(subject, quote_start) if subject is not None else None

    def _colon_intro(self, quote: Quote, before: list[Token]) -> tuple | None:
        """ "X released the following statement:" followed by the quote, here or in the next paragraph."""
        intro = before
        if not intro and quote.paragraph > 0 and self._paragraph_starts_with(quote):
            intro = self._tokens(*self.paragraphs[quote.paragraph - 1])
        if not intro or intro[-1].text != ":":
            return None
        root = intro[-1].sent.root if intro[-1].head == intro[-1] else intro[-1].head
        while root.dep_ not in ("ROOT",) and root.head != root and root.head.i in {t.i for t in intro}:
            root = root.head
        subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
        resolved = self.resolver.resolve(subject) if subject is not None else None
        if resolved is None:
            return None
        return resolved.speaker, _cue(root), root, resolved.span

    def _paragraph_starts_with(self, quote: Quote) -> bool:
        return self.paragraphs[quote.paragraph][0] == quote.open_at

    def _continues(self, previous: Found, quote: Quote) -> bool:
        """An unattributed quote right after an attributed one, in its paragraph or opening the next."""
        prior = next((q for q in self.speech if q.start <= previous.start < q.end + 1), None)
        if prior is None:
            return False
        return prior.paragraph == quote.paragraph or (
            prior.paragraph == quote.paragraph - 1 and self._paragraph_starts_with(quote)
        )

    def attach_pending(self, found: list[Found]) -> list[Found]:
        """A quotation with no attribution of its own goes to the speaker of the statement just before it,
        in its paragraph or ending the previous one ("Mujahid said the town had fallen. "We hold it."")."""
        attached = []
        for quote in self.pending:
            earlier = [f for f in found if f.end <= quote.open_at and self._near(f, quote)]
            if not earlier:
                continue
            previous = max(earlier, key=lambda f: f.end)
            start, end = trimmed(self.text, quote.start, quote.end)
            if end <= start:
                continue
            statement = Statement(
                speaker=Speaker(previous.statement.speaker.name, previous.statement.speaker.role,
                                previous.statement.speaker.organization),
                cue=previous.statement.cue,
                direct=True,
                content=self.art.span(start, end),
                speaker_span=previous.statement.speaker_span,
                about=actor_names_in(self.art, start, end),
            )
            attached.append(Found(statement, start, end, None))
        return attached

    def _near(self, earlier: Found, quote: Quote) -> bool:
        paragraph_start, _ = self.paragraphs[quote.paragraph]
        if earlier.start >= paragraph_start:
            return True
        return quote.paragraph > 0 and self._paragraph_starts_with(quote) and (
            earlier.end >= self.paragraphs[quote.paragraph - 1][0]
        )

    # speech in paragraphs of its own, after "X said:" (press releases)

    def blocks(self) -> list[Found]:
        found: list[Found] = []
        for number, (start, end) in enumerate(self.paragraphs[:-1]):
            verb = self._block_intro(start, end)
            if verb is None:
                continue
            unit = next((u for u in self.units if u.start <= verb.i < u.end), None)
            subject = _subject(verb, unit) if unit is not None else None
            resolved = self.resolver.resolve(subject) if subject is not None else None
            if resolved is None:
                continue
            for block_start, block_end in self._block_paragraphs(number + 1):
                content_start, content_end = trimmed(self.text, block_start, block_end)
                statement = Statement(
                    speaker=resolved.speaker,
                    cue=_cue(verb),
                    direct=True,
                    content=self.art.span(content_start, content_end),
                    speaker_span=resolved.span,
                    about=actor_names_in(self.art, content_start, content_end),
                )
                found.append(Found(statement, content_start, content_end, verb.i))
        return found

    def _block_intro(self, start: int, end: int) -> Token | None:
        """The reporting verb of a paragraph ending "..., Tobias Ellwood, said:" and no quotation after."""
        text = self.text
        if text[end - 1 : end] != ":" or text[end : end + 4].strip().startswith('"'):
            return None
        tokens = self._tokens(max(start, end - 40), end)
        verbs = [t for t in tokens[-BLOCK_INTRO_TAIL:] if self.lex.is_reporting_verb(t)]
        return verbs[-1] if verbs else None

    def _block_paragraphs(self, first: int) -> list[tuple[int, int]]:
        """Paragraphs of speech after an intro: up to a heading, a quotation mark or the next intro."""
        text = self.text
        blocks = []
        for start, end in self.paragraphs[first : first + BLOCK_MAX_PARAGRAPHS]:
            paragraph = text[start:end]
            complete = paragraph.rstrip().endswith((".", "!", "?"))
            if '"' in paragraph or paragraph.endswith(":") or not complete:
                break
            blocks.append((start, end))
        return blocks

    # transcripts

    def transcript(self) -> list[Found]:
        """Turns of a transcript: paragraphs opening with a speaker label in capitals ("SECRETARY KERRY:")."""
        text = self.text
        turns = [(m, s, e) for s, e in self.paragraphs if (m := TRANSCRIPT_LABEL.match(text, s, e))]
        is_transcript = any(m.group(1).lower() in self.lex.transcript_markers for m, _, _ in turns)
        found = []
        for match, _, end in turns:
            speaker = self._label_speaker(match.group(1), is_transcript)
            start, stop = trimmed(self.text, match.end(), end)
            if speaker is None or stop <= start:
                continue
            statement = Statement(
                speaker=speaker,
                cue=None,
                direct=True,
                content=self.art.span(start, stop),
                speaker_span=self.art.span(match.start(1), match.end(1)),
                about=actor_names_in(self.art, start, stop),
            )
            found.append(Found(statement, start, stop, None))
        return found

    def _label_speaker(self, label: str, is_transcript: bool) -> Speaker | None:
        if label.lower() in self.lex.transcript_unnamed_labels:
            return None
        words = label.split()
        titles = [w for w in words if w.lower() in self.lex.titles]
        names = [w for w in words if w.lower() not in self.lex.titles]
        if not names or not (titles or is_transcript):
            return None
        name = " ".join(w.capitalize() for w in names)
        return Speaker(name=name, role=" ".join(w.capitalize() for w in titles) or None)

    # reported speech and source cues

    def indirect(self, used: set[int], direct: list[Found]) -> list[Found]:
        found: list[Found] = []
        for unit in self.units:
            for token in unit:
                if token.i in used or self._quoted_speech(token):
                    continue
                item = self._cued(token, unit) or self._reported(token, unit)
                if item is not None:
                    found.append(item)
        return _outermost(found, direct, self.doc)

    def _reported(self, verb: Token, unit: SpacySpan) -> Found | None:
        if not self.lex.is_reporting_verb(verb):
            return None
        content = self._content(verb, unit)
        if content is None:
            return None
        speaking = self._speaking_ancestor(verb) if self._adding(verb) else None
        subject = _subject(speaking or verb, unit)
        resolved = self.resolver.resolve(subject) if subject is not None else None
        if resolved is None:
            return None
        return self._found(resolved, _cue(verb), content, verb, direct_venue=self._venue(verb))

    def _speaking_ancestor(self, verb: Token) -> Token | None:
        """The reporting verb "adding that ..." continues ("confirmed that X died, noting that ...")."""
        return next((a for a in verb.ancestors if self.lex.is_reporting_verb(a)), None)

    def _content(self, verb: Token, unit: SpacySpan) -> tuple[int, int] | None:
        return (
            self._content_after(verb, unit)
            or self._content_before(verb, unit)
            or self._content_around(verb, unit)
        )

    def _content_after(self, verb: Token, unit: SpacySpan) -> tuple[int, int] | None:
        start = None
        for token in self.doc[verb.i + 1 : min(unit.end, verb.i + 1 + THAT_LOOKAHEAD)]:
            if token.lower_ == "that" and _complementizer(token, verb):
                start = token.i + 1
                break
            if token.is_punct and token.text not in "-'":
                break
        if start is None:
            clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
            if clause is None:
                return self._object_content(verb, unit)
            start = next((t.i for t in clause.subtree if t.dep_ != "mark"), clause.i)
        return self._span_to_end(start, unit, verb)

    def _object_content(self, verb: Token, unit: SpacySpan) -> tuple[int, int] | None:
        """ "announced on Tuesday the suspension of its operations": the noun object is the content."""
        if verb.lemma_.lower() not in self.lex.object_content_verbs:
            return None
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if thing is None or thing.pos_ != "NOUN" or thing.lemma_.lower() in self.lex.non_content_objects:
            return None
        return self._span_to_end(thing.left_edge.i, unit, verb)

    def _span_to_end(self, start: int, unit: SpacySpan, own: Token | None = None) -> tuple[int, int] | None:
        if start >= unit.end or self._quoted_speech(self.doc[start]):
            return None  # the words are a quotation, already a direct statement
        end = unit.end
        for token in self.doc[start : unit.end]:
            if token.text == '"' and any(q.open_at == token.idx and q.speech for q in self.speech):
                end = token.i
                break
        end = self._before_next_attribution(start, end, own)
        if end - start < MIN_CONTENT_TOKENS:
            return None
        last = self.doc[end - 1]
        return trimmed(self.text, self.doc[start].idx, last.idx + len(last))

    def _before_next_attribution(self, start: int, end: int, own: Token | None) -> int:
        """ "that talks had stalled, while sources close to the talks said ...": the content stops before a
        second speaker's clause joined to it (its reporting verb has its own subject and is no part of the
        content's own clause)."""
        for verb in self.doc[start:end]:
            if verb == own or not self.lex.is_reporting_verb(verb) or verb.dep_ not in JOINED_CLAUSE_DEPS:
                continue
            subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i > start), None)
            if subject is None or not self._joined_by(verb, subject.left_edge.i):
                continue
            return self._cut_before(start, subject.left_edge.i)
        return end

    def _cut_before(self, start: int, cut: int) -> int:
        while cut > start and (self.doc[cut - 1].is_punct or self.doc[cut - 1].lower_ in JOINERS):
            cut -= 1
        return cut

    def _adding(self, verb: Token) -> bool:
        """ "..., adding that one person was killed": a participle of speech after a comma. Inside content
        after the cue ("said that X, noting that Y") it continues that content; after a cue that closes the
        sentence ("X, the army said, adding that Y") Y is a statement of its own by the same speaker."""
        previous = self.doc[verb.i - 1] if verb.i > 0 else None
        return verb.tag_ == "VBG" and previous is not None and previous.text == ","

    def _joined_by(self, verb: Token, left: int) -> bool:
        """A conjunction or a comma stands right before the second clause."""
        previous = self.doc[left - 1]
        return previous.is_punct or previous.lower_ in JOINERS or any(
            c.dep_ in ("mark", "cc") and c.i < left for c in verb.children
        )

    def _content_before(self, verb: Token, unit: SpacySpan) -> tuple[int, int] | None:
        """ "A, X said." and "A, X told reporters": the content precedes the attribution."""
        subject = _subject(verb, unit)
        if subject is None or subject.i > verb.i:
            left = verb.i if subject is None else min(verb.i, subject.left_edge.i)
        else:
            left = subject.left_edge.i
        if not self._closes_sentence(verb, unit) or _takes_object(verb):
            return None
        cut_at_title = left != (left := self._before_titles(left, unit))
        if left - unit.start < MIN_CONTENT_TOKENS or self.doc[left - 1].text not in ",":
            return None
        content = self.doc[unit.start : left]
        if not (_reported_clause(verb, content) or (cut_at_title and _finite(content))):
            return None
        first = self.doc[unit.start]
        start, end = trimmed(self.text, first.idx, self.doc[left - 1].idx)
        return (start, end) if end > start else None

    def _before_titles(self, left: int, unit: SpacySpan) -> int:
        """ "..., press operations director Navy Capt. Jeff Davis said": where the source's words start when
        the parse cut them at a title's full stop (back to the comma before them)."""
        previous = self.doc[left - 1] if left > unit.start else None
        if previous is None or previous.text != "." or ends_sentence(previous):
            return left
        for index in range(left - 2, max(unit.start, left - 1 - APPOSITION_MAX) - 1, -1):
            if self.doc[index].text == ",":
                return index + 1
        return left

    def _content_around(self, verb: Token, unit: SpacySpan) -> tuple[int, int] | None:
        """ "Also on Monday, Davis said, the coalition conducted five airstrikes": the attribution sits
        inside the content; the main clause after it is the content, with a short lead-in before it."""
        if verb.dep_ != "parataxis" or _takes_object(verb):
            return None
        subject = _subject(verb, unit)
        first = min(verb.i, subject.left_edge.i) if subject is not None else verb.i
        last = max(i for i in self._attribution_chunk(verb) if i >= verb.i)
        if first <= unit.start or last + 1 >= unit.end or self.doc[first - 1].text != ",":
            return None
        start = unit.start if first - unit.start <= PARENTHETICAL_LEAD_IN else last + 1
        return self._span_to_end(start, unit, verb)

    def _attribution_chunk(self, verb: Token) -> set[int]:
        """Token indices of the verb with its subject and the words that only frame it."""
        attached = {verb.i}
        for child in verb.children:
            told = verb.lemma_ == "tell" and child.dep_ == "dobj"
            speech = child.dep_ in ("advcl", "conj") and self.lex.is_reporting_verb(child)
            adding = speech and child.i > verb.i
            if (child.dep_ in SUBJECTS | ATTRIBUTION_DEPS or told or adding) and child.dep_ != "punct":
                attached.update(t.i for t in child.subtree)
        return attached

    def _closes_sentence(self, verb: Token, unit: SpacySpan) -> bool:
        """Nothing but the attribution follows the verb: its subject, "in a statement", "told reporters"."""
        attached = self._attribution_chunk(verb)
        tail = [t for t in self.doc[verb.i + 1 : unit.end] if not (t.is_space or t.is_punct)]
        return all(t.i in attached for t in tail)

    def _cued(self, token: Token, unit: SpacySpan) -> Found | None:
        """ "..., according to the regional daily Al-Sabah." """
        cue = self._cue_at(token, unit)
        if cue is None:
            return None
        phrase = self._cue_phrase(list(self.doc[token.i + len(cue) : unit.end]))
        resolved = self.resolver.resolve_phrase(phrase) if phrase else None
        if resolved is None:
            return None
        content = self._cued_content(token, phrase, unit)
        if content is None:
            return None
        return self._found(resolved, self.doc[token.i : token.i + len(cue)].text, content, token, None)

    def _cue_phrase(self, tokens: list[Token]) -> list[Token]:
        """The source named after "according to": up to punctuation or a verb."""
        phrase = []
        for candidate in tokens:
            if (candidate.is_punct and candidate.text not in "-'") or candidate.is_space:
                break
            if candidate.pos_ in ("VERB", "AUX") and candidate.dep_ not in ("compound", "amod"):
                break
            if candidate.tag_ in RELATIVE_TAGS:
                break  # "a UN official who spoke on condition of anonymity"
            phrase.append(candidate)
        return phrase

    def _cue_at(self, token: Token, unit: SpacySpan) -> tuple[str, ...] | None:
        if token.lower_ not in self.cue_starts:
            return None
        for cue in self.lex.source_cues:
            words = self.doc[token.i : min(unit.end, token.i + len(cue))]
            if tuple(t.lower_ for t in words) == cue:
                return cue
        return None

    def _cued_content(self, cue: Token, phrase: list[Token], unit: SpacySpan) -> tuple[int, int] | None:
        if cue.i - unit.start <= 1:
            return self._span_to_end(self._past_apposition(phrase[-1].i + 1, unit), unit)
        first = self.doc[unit.start]
        start, end = trimmed(self.text, first.idx, cue.idx)
        return (start, end) if cue.i - unit.start >= MIN_CONTENT_TOKENS and end > start else None

    def _past_apposition(self, index: int, unit: SpacySpan) -> int:
        """ "According to Frederick Wu, president of DeltaTrak, the deal ...": the content starts after the
        description set off by commas."""
        if index >= unit.end:
            return index
        relative = self.doc[index].tag_ in RELATIVE_TAGS
        if self.doc[index].text != "," and not relative:
            return index
        for token in self.doc[index + 1 : min(unit.end, index + 1 + APPOSITION_MAX)]:
            if token.pos_ in ("VERB", "AUX") and not relative:
                return index
            if token.text == ",":
                return token.i + 1
        return index

    def _found(
        self, resolved: Resolved, cue: str, content: tuple[int, int], token: Token, direct_venue: str | None
    ) -> Found:
        start, end = content
        statement = Statement(
            speaker=resolved.speaker,
            cue=cue,
            direct=False,
            content=self.art.span(start, end),
            speaker_span=resolved.span,
            venue=direct_venue,
            about=actor_names_in(self.art, start, end),
        )
        return Found(statement, start, end, token.i)

    def _venue(self, verb: Token) -> str | None:
        """ "in a speech to parliament", "during a visit to ...", "told reporters"."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in VENUE_PREPOSITIONS:
                venue = self._venue_in(child)
                if venue:
                    return venue
            if verb.lemma_ == "tell" and child.dep_ in ("dative", "dobj") and child.pos_ == "PROPN":
                return self._proper_name(child)
        return None

    def _venue_in(self, preposition: Token) -> str | None:
        for occasion in (c for c in preposition.children if c.dep_ == "pobj"):
            if occasion.lower_ not in self.lex.venue_nouns:
                continue
            for inner in occasion.children:
                if inner.dep_ != "prep" or inner.lower_ not in VENUE_PREPOSITIONS | {"of"}:
                    continue
                place = next((c for c in inner.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
                if place is not None:
                    return self._proper_name(place)
        return None

    def _proper_name(self, head: Token) -> str | None:
        words = [t for t in noun_phrase(head) if t.dep_ != "det" and not t.is_punct]
        if not words:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        names = actor_names_in(self.art, start, end)
        if names:
            return names[0]
        titled = len(words) == 1 and words[0].i > 0 and self.doc[words[0].i - 1].lower_ == "the"
        return ("The " if titled else "") + self.text[start:end]  # a one-word title: "The Reference"


def _distinct(found: list[Found]) -> list[Found]:
    """In text order, one statement per content span (the first reading of it wins)."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for item in sorted(found, key=lambda f: (f.start, f.end)):
        if (item.start, item.end) not in seen:
            seen.add((item.start, item.end))
            kept.append(item)
    return kept


def _complementizer(that: Token, verb: Token) -> bool:
    """ "said that ...", not the relative pronoun of "the attack that killed 44 people"."""
    if that.head.i <= that.i:
        return False
    return that.dep_ == "mark" or (that.dep_ in ("nsubj", "dobj") and that.head.dep_ == "ccomp")


def _takes_object(verb: Token) -> bool:
    """ "claimed responsibility", "described the attack": an object, not speech, follows the verb."""
    return verb.lemma_ != "tell" and any(c.dep_ == "dobj" for c in verb.children)


def _cue(verb: Token) -> str:
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    return verb.text + (" " + particle.text if particle is not None else "")


def _reported_clause_before(verb: Token, quote: Quote) -> bool:
    """A reported clause ("that ...", or a finite verb) opens between the reporting verb and the quotation."""
    between = [t for t in verb.doc[verb.i + 1 :] if t.idx < quote.open_at]
    return any((t.lower_ == "that" and t.dep_ == "mark") or t.tag_ in FINITE_TAGS for t in between)


def _finite(content: SpacySpan) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in content)


def _reported_clause(verb: Token, content: SpacySpan) -> bool:
    """The words before "X said" are what X said: a clause with a finite verb that the reporting verb
    governs or is appended to, not a lead-in ("Speaking today, X said:", "Since the war began, X ...")."""
    finite = _finite(content)
    clause_deps = ("ccomp", "parataxis")
    governed = any(t.head == verb and t.dep_ in clause_deps for t in content)
    appended = verb.dep_ in clause_deps and content.start <= verb.head.i < content.end
    return finite and (governed or appended)


def _complete_speakers(statements: list[Statement]) -> None:
    """Give "Cook" and "he" the full name, role and organisation their person got elsewhere ("Peter Cook,
    the Pentagon press secretary")."""
    best: dict[str, Speaker] = {}
    for statement in statements:
        speaker = statement.speaker
        if speaker.name and " " in speaker.name:
            known = best.get(speaker.name)
            if known is None or _filled(speaker) > _filled(known):
                best[speaker.name] = speaker
    for statement in statements:
        name = statement.speaker.name
        if name and not any(c.isalpha() for c in name):
            statement.speaker.name = name = None  # a mark the tagger took for a name
        if not name:
            continue
        full = best.get(name) or next((s for n, s in best.items() if n.endswith(" " + name)), None)
        if full is not None:
            own = statement.speaker
            role, organization = own.role or full.role, own.organization or full.organization
            statement.speaker = Speaker(full.name, role, organization)


def _filled(speaker: Speaker) -> int:
    return (speaker.role is not None) + (speaker.organization is not None)


def _subject(verb: Token, unit: SpacySpan) -> Token | None:
    """The subject of a reporting verb inside its sentence unit; when the parse lost it (a heading glued to
    the sentence), the noun phrase just before the verb, past an apposition in commas."""
    own = _own_subject(verb, unit)
    if own is not None:
        return own
    if verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG"):
        return _governing_subject(verb, unit)  # "ISKP claimed the attack, saying ..."
    position = verb.i - 1
    while position >= unit.start and verb.doc[position].pos_ in ("ADV", "AUX", "PART"):
        position -= 1
    if position >= unit.start and verb.doc[position].text == ",":
        opening = next((i for i in range(position - 1, max(unit.start, position - 16) - 1, -1)
                        if verb.doc[i].text == ","), None)
        position = opening - 1 if opening is not None else -1
    if position < unit.start:
        return None
    candidate = verb.doc[position]
    return candidate if candidate.pos_ in ("PROPN", "NOUN", "PRON") else None


def _own_subject(verb: Token, unit: SpacySpan) -> Token | None:
    inside = [c for c in verb.children if c.dep_ in SUBJECTS and unit.start <= c.i < unit.end]
    return min(inside, key=lambda c: abs(c.i - verb.i)) if inside else None


def _governing_subject(verb: Token, unit: SpacySpan) -> Token | None:
    """The subject of the verbs a participle or a conjoined verb hangs from ("the policeman shot him and
    appeared to condemn ..., shouting")."""
    current = verb
    for _ in range(GOVERNING_DEPTH):
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.head == current:
            return None
        current = current.head
        if current.i < unit.start or current.pos_ not in ("VERB", "AUX"):
            return None
        subject = _own_subject(current, unit)
        if subject is not None:
            return subject
    return None


def _head_within(token: Token, indices: set[int]) -> Token:
    while token.dep_ in ("compound", "flat", "amod") and token.head.i in indices and token.head != token:
        token = token.head
    return token


def _outermost(found: list[Found], direct: list[Found], doc: Doc) -> list[Found]:
    """Drop reported speech whose cue sits in other content ("noting that ..." inside "confirmed that ...",
    "he said" inside a quotation)."""
    kept = []
    for item in found:
        cue_at = doc[item.cue_index].idx if item.cue_index is not None else item.start
        outer = [o for o in found + direct if o is not item and o.start <= cue_at < o.end]
        if not outer or (not any(o in direct for o in outer) and _named_subject(item, doc)):
            kept.append(item)
    return kept


def _named_subject(item: Found, doc: Doc) -> bool:
    """ "A spokesman told El Tiempo the group announced that ...": reported speech of a named speaker
    inside other reported speech is a statement of its own (nested attribution)."""
    if item.cue_index is None:
        return False
    verb = doc[item.cue_index]
    named = any(c.dep_ in SUBJECTS and c.pos_ in ("PROPN", "NOUN") for c in verb.children)
    return verb.tag_ != "VBG" and named
