"""`eventdesk eval GOLD...`: scores the extractor against gold files (shared/gold/README.md) or PLOVER
gold-standard records, and prints per-field precision, recall and F1."""

from __future__ import annotations

import argparse
import json
import sys

from eventdesk.commands import settings_from


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "gold", nargs="+", metavar="GOLD", help="gold files, folders of *.gold.json, PLOVER files"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--max-misses", type=int, default=200, help="misses listed per set (default 200)")


def run(args: argparse.Namespace) -> int:
    from eventdesk.evaluate.gold import load_gold
    from eventdesk.evaluate.report import per_article_table, render
    from eventdesk.evaluate.runner import evaluate
    from eventdesk.extract import Extractor

    gold = load_gold(args.gold)
    evaluation = evaluate(Extractor(settings_from(args)), gold)
    for error in evaluation.errors:
        print(f"eventdesk eval: warning: {error}", file=sys.stderr)
    if args.json:
        json.dump(evaluation.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if gold.articles:
        sys.stdout.write(render("gold articles", evaluation.articles, args.max_misses))
    if len(evaluation.per_article) > 1:
        sys.stdout.write(
            "\nF1 of finding items, per article\n\n"
            + "\n".join(per_article_table(evaluation.per_article))
            + "\n"
        )
    if evaluation.plover is not None:
        sys.stdout.write("\n" + render("PLOVER records", evaluation.plover, args.max_misses))
    return 0
