"""The event lexicon: ACLED and PLOVER vocabulary, trigger frames and typing cues, read from
`knowledge/data/event_types.yaml` plus any user files (lists appended, maps merged)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from eventdesk.errors import InputError

DATA_FILE = Path(__file__).parent / "data" / "event_types.yaml"

Phrase = tuple[str, ...]  # lemmas, lower case


@dataclass(frozen=True, slots=True)
class Frame:
    """What a trigger word means: its PLOVER event and mode and, for incidents, its default ACLED type."""

    name: str
    plover_event: str
    plover_mode: str | None
    acled: tuple[str, str] | None  # (event_type, sub_event_type); None: a PLOVER action, no incident
    violent: bool
    priority: int
    armed_agent: bool = False  # an incident only when done by an armed or crowd actor
    armed_side: bool = False  # an incident only with an armed side or in a military or terrorist setting


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    phrase: Phrase
    frames: tuple[str, ...]
    pos: str | None  # "VERB" / "NOUN" when the word is restricted to one part of speech


@dataclass(frozen=True, slots=True)
class SenseRule:
    frame: str
    near: frozenset[str] = frozenset()
    object: str | None = None  # "place" | "weapon" | "person"
    subject: frozenset[str] = frozenset()  # entity labels or lemmas of the doer
    pos: str | None = None  # the trigger's part of speech
    objects: frozenset[str] = frozenset()  # head lemmas of what the trigger acts on ("set up a base")
    unless: frozenset[str] = frozenset()  # lemmas of the sentence that rule it out ("bombers flew over")


@dataclass(frozen=True, slots=True)
class Instrument:
    cues: tuple[Phrase, ...]
    sub_event_type: str | None
    mode: str | None
    sentence_wide: bool = False  # a cue anywhere in the sentence decides, even for a direct attack
    frames: frozenset[str] = frozenset()  # the frames it types; empty: every weapon frame
    agentless: bool = False  # it types only incidents no one is said to have done
    near: frozenset[str] = frozenset()  # the sentence must also hold one of these lemmas; empty: no condition


@dataclass(slots=True)
class EventLexicon:
    event_types: dict[str, dict[str, str]]  # ACLED event type -> sub-event type -> definition
    sub_event_types: dict[str, str]  # sub-event type -> event type
    inter_codes: dict[int, str]
    inter_by_actor_type: dict[str, int]
    plover_events: dict[str, list[str]]  # PLOVER event -> modes
    plover_contexts: list[str]
    context_cues: dict[str, list[str]]  # lemma -> contexts
    frames: dict[str, Frame]
    triggers: dict[str, list[TriggerEntry]]  # key lemma -> entries
    senses: dict[str, list[SenseRule]]
    instruments: list[Instrument]
    fatal_words: frozenset[str]
    injury_words: frozenset[str]
    casualty_frame: str
    casualty_incident_words: frozenset[str]
    frame_anchors: dict[str, frozenset[str]]  # frame -> verbs a noun trigger of it needs as governor
    participants: dict[str, int]  # head noun (lemma or phrase) -> inter code
    armed_targets: frozenset[str]
    object_kinds: dict[str, str]  # noun lemma -> "place" | "weapon" | "person"
    protest_outcomes: list[tuple[tuple[Phrase, ...], str, str]]  # (cues, event type, sub-event type)
    summaries: dict[str, str]  # sub-event type -> sentence template
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    instrument_agents: frozenset[str] = frozenset()  # head lemmas/phrases of a doer that is a weapon
    instrument_agent_frames: frozenset[str] = frozenset()  # frames whose type such a doer decides
    instrument_agent_event: str | None = None  # the PLOVER event of an incident such a doer did
    word_forms: dict[str, str] = field(default_factory=dict)  # form -> lemma, where the tagger errs

    def words(self, name: str) -> frozenset[str]:
        """A modality word list by name (modal_verbs, negations, governors, reporting_verbs, ...)."""
        return self.modality.get(name, frozenset())

    def lemma_of(self, lemma: str, form: str) -> str:
        """A token's lemma, lower case, corrected where the tagger is known to err."""
        return self.word_forms.get(form) or lemma.lower()

    def event_type_of(self, sub_event_type: str) -> str:
        return self.sub_event_types[sub_event_type]


def load_event_lexicon(user_files: tuple[str, ...] = ()) -> EventLexicon:
    data = _read(DATA_FILE)
    for path in user_files:
        data = _merge(data, _read(Path(path)))
    return _build(data)


def _read(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read event-type file {path}: {exc}") from None
    if not isinstance(loaded, dict):
        raise InputError(f"event-type file {path} must hold a mapping")
    return loaded


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def _build(data: dict[str, Any]) -> EventLexicon:
    acled = data["acled"]
    event_types = {etype: dict(subs) for etype, subs in acled["event_types"].items()}
    frames = {name: _frame(name, spec) for name, spec in data["frames"].items()}
    casualties = data.get("casualties", {})
    return EventLexicon(
        event_types=event_types,
        sub_event_types={sub: etype for etype, subs in event_types.items() for sub in subs},
        inter_codes={int(code): label for code, label in acled["inter_codes"].items()},
        inter_by_actor_type={str(k): int(v) for k, v in acled.get("actor_types", {}).items()},
        plover_events={event: list(modes) for event, modes in data["plover"]["events"].items()},
        plover_contexts=list(data["plover"]["contexts"]),
        context_cues=_invert(data["plover"].get("context_cues", {})),
        frames=frames,
        triggers=_trigger_index(data["frames"]),
        senses={word: [_sense(rule) for rule in rules] for word, rules in data.get("senses", {}).items()},
        instruments=[_instrument(spec) for spec in data.get("instruments", [])],
        fatal_words=frozenset(casualties.get("fatal", [])),
        injury_words=frozenset(casualties.get("injured", [])),
        casualty_frame=casualties.get("own_frame", "attack"),
        casualty_incident_words=frozenset(casualties.get("incident_words", [])),
        frame_anchors={n: frozenset(f["anchors"]) for n, f in data["frames"].items() if f.get("anchors")},
        participants={str(word): int(code) for code, words in data["participants"].items() for word in words},
        armed_targets=frozenset(data.get("armed_targets", [])),
        protest_outcomes=[
            (_phrases(spec["cues"]), spec["event_type"], spec["sub"])
            for spec in data.get("protest_outcomes", [])
        ],
        summaries={str(sub): str(template) for sub, template in data.get("summaries", {}).items()},
        object_kinds={str(w): kind for kind, words in data.get("object_kinds", {}).items() for w in words},
        modality={name: frozenset(str(w) for w in words) for name, words in data.get("modality", {}).items()},
        instrument_agents=_lower_set(data.get("instrument_agents", {}).get("heads", [])),
        instrument_agent_frames=_lower_set(data.get("instrument_agents", {}).get("frames", [])),
        instrument_agent_event=data.get("instrument_agents", {}).get("plover_event"),
        word_forms={str(form).lower(): str(lemma) for form, lemma in data.get("word_forms", {}).items()},
    )


def _frame(name: str, spec: dict[str, Any]) -> Frame:
    event, mode = [*spec["plover"], None][:2]
    acled = spec.get("acled")
    return Frame(
        name=name,
        plover_event=event,
        plover_mode=mode,
        acled=(acled[0], acled[1]) if acled else None,
        violent=bool(spec.get("violent", False)),
        priority=int(spec.get("priority", 1)),
        armed_agent=bool(spec.get("armed_agent", False)),
        armed_side=bool(spec.get("armed_side", False)),
    )


def _trigger_index(frame_specs: dict[str, Any]) -> dict[str, list[TriggerEntry]]:
    """Index every trigger phrase on its first word; a pass over tokens then checks the words after it."""
    frames_of: dict[tuple[Phrase, str | None], list[str]] = {}
    for name, spec in frame_specs.items():
        for word in spec.get("words", []):
            text, _, pos = str(word).partition("/")
            key = (tuple(text.lower().split()), pos or None)
            frames_of.setdefault(key, []).append(name)
    index: dict[str, list[TriggerEntry]] = {}
    for (phrase, pos), names in frames_of.items():
        index.setdefault(phrase[0], []).append(TriggerEntry(phrase, tuple(names), pos))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.phrase))  # longest phrase first
    return index


def _sense(rule: dict[str, Any]) -> SenseRule:
    return SenseRule(
        frame=rule["frame"],
        near=frozenset(rule.get("near", [])),
        object=rule.get("object"),
        subject=frozenset(rule.get("subject", [])),
        pos=rule.get("pos"),
        objects=frozenset(rule.get("objects", [])),
        unless=frozenset(rule.get("unless", [])),
    )


def _instrument(spec: dict[str, Any]) -> Instrument:
    return Instrument(
        cues=_phrases(spec["cues"]),
        sub_event_type=spec.get("sub"),
        mode=spec.get("mode"),
        sentence_wide=bool(spec.get("sentence", False)),
        frames=frozenset(spec.get("frames", [])),
        agentless=bool(spec.get("agentless", False)),
        near=_lower_set(spec.get("near", [])),
    )


def _lower_set(words: list[Any]) -> frozenset[str]:
    return frozenset(str(word).lower() for word in words)


def _phrases(words: list[Any]) -> tuple[Phrase, ...]:
    return tuple(tuple(str(word).lower().split()) for word in words)


def _invert(cues: dict[str, list[str]]) -> dict[str, list[str]]:
    inverted: dict[str, list[str]] = {}
    for context, words in cues.items():
        for word in words:
            inverted.setdefault(str(word).lower(), []).append(context)
    return inverted
