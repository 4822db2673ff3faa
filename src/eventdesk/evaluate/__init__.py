"""Scoring the extractor against gold data: `gold/1` article files (shared/gold/README.md) and the PLOVER
gold-standard records. Scorers read only the contract's output (`Result.to_dict()`)."""
