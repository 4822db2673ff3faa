"""The re3d mention scorer: overlap matching per class, gold read from ../shared."""

from __future__ import annotations

from pathlib import Path

from eventdesk.evaluate.re3d import MIN_CONFIDENCE, read_re3d, score


def mentions(person: list[tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    return {"Person": person, "Organisation": [], "Location": []}


def test_overlap_matches_one_to_one() -> None:
    gold = [mentions([(0, 10), (20, 30), (40, 50)])]
    predicted = [mentions([(5, 8), (6, 12), (29, 35)])]  # two overlap the first gold, one the second
    tally = score(gold, predicted, ["Person"])["Person"]
    assert (tally.tp, tally.fp, tally.fn) == (2, 1, 1)


def test_variant_class_is_scored_against_its_base_class() -> None:
    gold = [{"Person": [], "Organisation": [(0, 5)], "Location": []}]
    predicted = [{"Organisation+NORP": [(1, 3)]}]
    tally = score(gold, predicted, ["Organisation+NORP"])["Organisation+NORP"]
    assert (tally.tp, tally.fp, tally.fn) == (1, 0, 0)


def test_reads_the_ninety_documents(shared: Path) -> None:
    documents = read_re3d(shared / "data" / "re3d")
    assert len(documents) == 90
    assert MIN_CONFIDENCE == 0.5
    for document in documents:
        for spans in document.gold.values():
            for start, end in spans:
                assert 0 <= start < end <= len(document.text)
