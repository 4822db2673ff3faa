"""Toponym recognition alone, end to end (recognise + resolve), on GWN-dev and re3d, split by article index.

    .venv/bin/python bench/geo_recognition.py [--cache FILE] [--errors even|odd|all] [--full]

Even article indices are the development half, odd ones the held-out half; both and the whole are printed.
GWN-dev is scored twice: lenient (a prediction overlapping any located toponym, metonyms and demonyms
included, is right) and strict (only a prediction overlapping a literal toponym is right). `--errors` lists
the misses and false positives of a split with their context and the spaCy label of their words; `--cache`
keeps the parsed documents in a pickle so that repeated runs skip the parser (delete it when the pipeline
changes); `--full` runs every extraction component, as the product does, instead of places alone.
The corpora are read from ../shared and never shipped.
"""

from __future__ import annotations

import argparse
import pickle
from collections.abc import Callable
from pathlib import Path

from eventdesk.analyse.pipeline import AnalysedArticle, analyse
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.geo.evaluation import (
    GoldArticle,
    GoldToponym,
    RecognitionScore,
    gwn_targets,
    re3d_targets,
    read_corpus,
    read_re3d,
)
from eventdesk.geo.recognise import recognise
from eventdesk.records import Article

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
Targets = Callable[[GoldArticle], tuple[list[GoldToponym], list[GoldToponym]]]
Spans = list[tuple[int, int]]


def gwn_strict(article: GoldArticle) -> tuple[list[GoldToponym], list[GoldToponym]]:
    _, literal = gwn_targets(article)
    return literal, literal


def corpora() -> dict[str, list[GoldArticle]]:
    re3d = [
        a
        for folder in sorted((SHARED / "data" / "re3d").iterdir())
        if folder.is_dir()
        for a in read_re3d(folder)
    ]
    return {"GWN-dev": read_corpus(SHARED / "data" / "geo" / "GWN-dev.xml"), "re3d": re3d}


def parsed(articles: dict[str, list[GoldArticle]], extractor: Extractor, cache: Path | None) -> dict:
    if cache is not None and cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle)
    docs = {
        name: list(analyse([Article(id=a.id, text=a.text) for a in items], extractor.nlp))
        for name, items in articles.items()
    }
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(docs, handle)
    return docs


def predictions(extractor: Extractor, analysed: AnalysedArticle) -> Spans:
    analysed.annotations.clear()
    result = extractor.extract_analysed(analysed)
    return sorted((m.start, m.end) for place in result.places for m in place.mentions)


def score(articles: list[GoldArticle], predicted: list[Spans], targets: Targets, parity: int | None) -> str:
    total = RecognitionScore()
    for index, (article, spans) in enumerate(zip(articles, predicted, strict=True)):
        if parity is None or index % 2 == parity:
            total.add(*targets(article), spans)
    s = total.summary()
    counts = f"({s['predicted']} pred, {s['gold']} gold)"
    return f"P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} {counts}"


def print_errors(
    article: GoldArticle, analysed: AnalysedArticle, spans: Spans, targets: Targets, extractor: Extractor
) -> None:
    """FN lines say whether the recogniser found the name (R:its text) but it was left unresolved or
    unsupported."""
    annotated, wanted = targets(article)
    text = article.text
    recognised = [
        analysed.span(t.start, t.end) for t in recognise(analysed.doc, extractor.knowledge.gazetteer).toponyms
    ]
    for gold in wanted:
        if not any(s < gold.end and gold.start < e for s, e in spans):
            found = next(
                (f"R:{r.text}" for r in recognised if r.start < gold.end and gold.start < r.end), "-"
            )
            where = context(text, gold.start, gold.end)
            print(f"FN {article.id} {found} [{label(analysed, gold.start, gold.end)}] {where}")
    for start, end in spans:
        if not any(start < g.end and g.start < end for g in annotated):
            kinds = {g.kind for g in article.toponyms if start < g.end and g.start < end}
            print(f"FP {article.id} {sorted(k or '' for k in kinds)} {context(text, start, end)}")


def label(analysed: AnalysedArticle, start: int, end: int) -> str:
    """The spaCy entity label and part of speech of each word of an original-text range."""
    words = []
    for token in analysed.doc:
        span = analysed.span(token.idx, token.idx + len(token))
        if span.start < end and start < span.end:
            words.append(f"{token.ent_type_ or '-'}/{token.pos_}")
    return " ".join(words)


def context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start].replace("\n", " ")
    after = text[end : end + 30].replace("\n", " ")
    return f"…{before}[[{text[start:end]}]]{after}…"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--errors", choices=["even", "odd", "all"])
    parser.add_argument("--corpus", choices=["GWN-dev", "re3d"], action="append")
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args()
    extractor = Extractor(Settings()) if args.full else Extractor(Settings(), components=["places"])
    articles = corpora()
    docs = parsed(articles, extractor, args.cache)
    scorers: list[tuple[str, str, Targets]] = [
        ("GWN-dev", "GWN-dev lenient", gwn_targets),
        ("GWN-dev", "GWN-dev strict", gwn_strict),
        ("re3d", "re3d", re3d_targets),
    ]
    for corpus in args.corpus or articles:
        predicted = [predictions(extractor, analysed) for analysed in docs[corpus]]
        for name, title, targets in scorers:
            if name != corpus:
                continue
            for split, parity in (("even", 0), ("odd", 1), ("all", None)):
                print(f"{title:16} {split:4} {score(articles[corpus], predicted, targets, parity)}")
        if args.errors:
            parity = {"even": 0, "odd": 1}.get(args.errors)
            targets = gwn_targets if corpus == "GWN-dev" else re3d_targets
            for index, (article, analysed) in enumerate(zip(articles[corpus], docs[corpus], strict=True)):
                if parity is None or index % 2 == parity:
                    print_errors(article, analysed, predicted[index], targets, extractor)


if __name__ == "__main__":
    main()
