"""PLACEHOLDER during the first session's parallel build: replaced by its real implementation."""

from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.knowledge import Knowledge
from eventdesk.records import Result


def extract_claims(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    return None
