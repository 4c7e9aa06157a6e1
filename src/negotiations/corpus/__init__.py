"""Loading curated corpora: article texts, registries and quote-anchored assertions."""

from negotiations.corpus._corpus import Corpus
from negotiations.corpus._dates import resolve_date, resolve_duration
from negotiations.corpus._limits import Limits
from negotiations.corpus._loader import bundled_corpus_path, load_corpus, validate_corpus
from negotiations.model._names import fold, skeleton

__all__ = [
    "Corpus",
    "Limits",
    "bundled_corpus_path",
    "fold",
    "load_corpus",
    "resolve_date",
    "resolve_duration",
    "skeleton",
    "validate_corpus",
]
