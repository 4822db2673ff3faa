"""Single-label scores used by bench/acled_types.py, on a hand-made case, and the shape of the hand-written
ACLED-style description sets in tests/data/acled_notes."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import CONTRACT_SUB_EVENT_TYPES
from eventdesk.evaluate.labels import accuracy, confusions, label_tallies, macro_f1, support, weighted_f1

# gold A x3, B x1; predictions: A right twice, A taken for B once, B taken for C once.
PAIRS = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "C")]
NOTES = Path(__file__).parent / "data" / "acled_notes"


def test_tallies_count_a_wrong_label_as_a_miss_and_a_false_alarm() -> None:
    tallies = label_tallies(PAIRS)
    assert (tallies["A"].tp, tallies["A"].fp, tallies["A"].fn) == (2, 0, 1)
    assert (tallies["B"].tp, tallies["B"].fp, tallies["B"].fn) == (0, 1, 1)
    assert (tallies["C"].tp, tallies["C"].fp, tallies["C"].fn) == (0, 1, 0)
    assert [support(tallies[label]) for label in "ABC"] == [3, 1, 0]


def test_per_label_precision_recall_f1() -> None:
    a = label_tallies(PAIRS)["A"]
    assert a.precision == 1.0
    assert a.recall == pytest.approx(2 / 3)
    assert a.f1 == pytest.approx(0.8)  # 2 * 1 * 2/3 / (5/3)


def test_summary_figures() -> None:
    tallies = label_tallies(PAIRS)
    assert accuracy(PAIRS) == 0.5
    assert macro_f1(tallies) == pytest.approx(0.4)  # (0.8 + 0) / 2 gold labels; C is not in the gold
    assert weighted_f1(tallies) == pytest.approx(0.6)  # (3 * 0.8 + 1 * 0) / 4


def test_confusions_list_only_wrong_predictions_most_frequent_first() -> None:
    pairs = [*PAIRS, ("B", "C")]
    assert confusions(pairs) == [("B", "C", 2), ("A", "B", 1)]


def test_empty_input_scores_zero() -> None:
    assert accuracy([]) == 0.0
    assert weighted_f1({}) == 0.0
    assert macro_f1({}) == 0.0


@pytest.mark.parametrize(
    ("name", "per_type"), [("dev.jsonl", 10), ("holdout.jsonl", 8), ("holdout2.jsonl", 8)]
)
def test_description_sets_are_balanced_and_labelled_as_in_the_contract(name: str, per_type: int) -> None:
    path = NOTES / name
    if not path.exists():
        pytest.skip(f"{name} not written yet")
    parent = {sub: event for event, subs in CONTRACT_SUB_EVENT_TYPES.items() for sub in subs}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len({row["id"] for row in rows}) == len(rows)
    assert all(parent[row["sub_event_type"]] == row["event_type"] for row in rows)
    assert all(row["style"] in {"note", "news"} and len(row["published"]) == 10 for row in rows)
    assert Counter(row["sub_event_type"] for row in rows) == dict.fromkeys(parent, per_type)
