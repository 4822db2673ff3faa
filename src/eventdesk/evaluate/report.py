"""The text report of `eventdesk eval`: a precision / recall / F1 table per field, a confusion table of
event types, and the misses with the words they come from."""

from __future__ import annotations

import json
from typing import Any

from eventdesk.evaluate.metrics import Miss, Scores

COLUMNS = ("section", "field", "tp", "fp", "fn", "precision", "recall", "f1")


def render(title: str, scores: Scores, max_misses: int) -> str:
    lines = [f"== {title}: {scores.articles} scored", ""]
    lines += field_table(scores)
    for name, value in scores.summary.items():
        lines.append(f"{name}: {value:.3f}")
    if scores.confusion:
        lines += ["", "Event types, gold (rows) against predicted (columns); '-' = no event", ""]
        lines += confusion_table(scores)
    if scores.misses:
        shown = scores.misses[:max_misses]
        lines += ["", f"Misses ({len(shown)} of {len(scores.misses)})", ""]
        lines += [describe(miss) for miss in shown]
    return "\n".join(lines) + "\n"


def per_article_table(per_article: dict[str, Scores]) -> list[str]:
    """F1 of finding events, statements, claims and media, one row per article."""
    sections = ("events", "statements", "claims", "media")
    rows = [("article", *sections)]
    for article, scores in per_article.items():
        found = [scores.sections.get(section, {}).get("found") for section in sections]
        rows.append((article, *(_figure(tally.f1) if tally else "-" for tally in found)))
    return _aligned(rows)


def field_table(scores: Scores) -> list[str]:
    rows = [COLUMNS]
    for section, fields in scores.sections.items():
        for name, tally in fields.items():
            if not tally.tp + tally.fp + tally.fn:
                continue
            rows.append(
                (section, name, str(tally.tp), str(tally.fp), str(tally.fn),
                 _figure(tally.precision), _figure(tally.recall), _figure(tally.f1))
            )  # fmt: skip
    return _aligned(rows)


def confusion_table(scores: Scores) -> list[str]:
    gold_labels = sorted({g for g, _ in scores.confusion})
    predicted_labels = sorted({p for _, p in scores.confusion})
    legend = [f"  [{n}] {label}" for n, label in enumerate(predicted_labels, 1)]
    rows = [("gold \\ predicted", *(f"[{n}]" for n in range(1, len(predicted_labels) + 1)))]
    for gold in gold_labels:
        rows.append((gold, *(str(scores.confusion.get((gold, p), 0) or ".") for p in predicted_labels)))
    return [*_aligned(rows), "", "columns:", *legend]


def describe(miss: Miss) -> str:
    values = f"gold={_short(miss.gold)} predicted={_short(miss.predicted)}"
    head = f"[{miss.article}] {miss.section}.{miss.field} {miss.kind}: {values}"
    return f"{head}\n      | {miss.text}" if miss.text else head


def _short(value: Any) -> str:
    if isinstance(value, dict) and {"start", "end", "text"} <= value.keys():  # a Span: its words
        value = " ".join(str(value["text"]).split())
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if v is not None and k not in ("span", "mentions")}
    if isinstance(value, set):
        value = sorted(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 120 else text[:119] + "…"


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _aligned(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
