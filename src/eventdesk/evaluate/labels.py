"""Scores for single-label classification (one gold and one predicted label per item): per-label tallies,
accuracy, macro-F1 and support-weighted F1, and the list of confusions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from eventdesk.evaluate.metrics import Tally


def label_tallies(pairs: Iterable[tuple[str, str]]) -> dict[str, Tally]:
    """Per label: a right prediction is a hit; a wrong one is a miss of the gold label and a false alarm of
    the predicted one."""
    tallies: dict[str, Tally] = {}
    for gold, predicted in pairs:
        if gold == predicted:
            tallies.setdefault(gold, Tally()).tp += 1
        else:
            tallies.setdefault(gold, Tally()).fn += 1
            tallies.setdefault(predicted, Tally()).fp += 1
    return tallies


def support(tally: Tally) -> int:
    """How many gold items carry the label."""
    return tally.tp + tally.fn


def accuracy(pairs: Iterable[tuple[str, str]]) -> float:
    outcomes = [gold == predicted for gold, predicted in pairs]
    return sum(outcomes) / len(outcomes) if outcomes else 0.0


def macro_f1(tallies: dict[str, Tally]) -> float:
    """Unweighted mean F1 over the labels found in the gold; an undefined F1 counts as 0."""
    gold_labels = [t for t in tallies.values() if support(t)]
    return sum(t.f1 or 0.0 for t in gold_labels) / len(gold_labels) if gold_labels else 0.0


def weighted_f1(tallies: dict[str, Tally]) -> float:
    """Mean F1 over the gold labels weighted by their support; an undefined F1 counts as 0."""
    total = sum(support(t) for t in tallies.values())
    return sum(support(t) * (t.f1 or 0.0) for t in tallies.values()) / total if total else 0.0


def confusions(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """(gold, predicted, count) for the wrong predictions, most frequent first."""
    counts = Counter((gold, predicted) for gold, predicted in pairs if gold != predicted)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(gold, predicted, n) for (gold, predicted), n in ranked]
