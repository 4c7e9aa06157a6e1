"""negotiations: news reporting on diplomatic negotiations as a typed, sourced, reconciled record.

>>> import negotiations as ng
>>> corpus = ng.load_corpus()
>>> rec = ng.reconcile(corpus)
>>> rec.meeting("istanbul_talks_2025").date
datetime.date(2025, 5, 16)
"""

from typing import TYPE_CHECKING, Any

from negotiations._extras import MissingExtraError
from negotiations.errors import (
    AmbiguousAnchorError,
    AmbiguousNameError,
    AnchorError,
    AnchorNotFoundError,
    AnchorOutOfRangeError,
    ChecksumMismatchError,
    CorpusError,
    CorpusValidationError,
    DateExpressionError,
    DuplicateIdError,
    InconsistentRegistryError,
    LimitExceededError,
    MalformedFileError,
    MissingKeyError,
    ModelError,
    NegotiationsError,
    PolicyError,
    ReconciliationError,
    RegistryError,
    SerializationError,
    UnknownKeyError,
    UnknownNameError,
    UnknownPredicateError,
    UnknownReferenceError,
    UnresolvableDateError,
    UnresolvableValueError,
    UnsafePathError,
    ValueExpressionError,
    ValueTypeError,
)
from negotiations.model import *  # noqa: F403 - the model is part of the front door
from negotiations.model import __all__ as _model_all
from negotiations.reconcile import (
    AfterEventOverBefore,
    Context,
    Contribution,
    FirstPartyStatements,
    IndependentCorroboration,
    ModalityRank,
    Policy,
    Reconciliation,
    Rule,
    SourceReliability,
    SourceTrust,
    Statistics,
    TraceStep,
    TrustModel,
    Verdict,
    VerdictStatus,
    Weight,
    compute_statistics,
    default_policy,
    reconcile,
)

if TYPE_CHECKING:
    from negotiations.corpus import Corpus, bundled_corpus_path, load_corpus, validate_corpus
    from negotiations.corpus._limits import Limits
    from negotiations.serialize import from_json, structure, to_json, unstructure

__version__ = "0.1.0"

#: Names imported on first use: the corpus loader (YAML, dateutil) and the cattrs
#: converter are not needed to reconcile assertions, and would double import time.
_LAZY = {
    "Corpus": "negotiations.corpus",
    "bundled_corpus_path": "negotiations.corpus",
    "load_corpus": "negotiations.corpus",
    "validate_corpus": "negotiations.corpus",
    "Limits": "negotiations.corpus._limits",
    "from_json": "negotiations.serialize",
    "structure": "negotiations.serialize",
    "to_json": "negotiations.serialize",
    "unstructure": "negotiations.serialize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'negotiations' has no attribute {name!r}")
    import importlib

    found = getattr(importlib.import_module(module), name)
    globals()[name] = found
    return found


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    *_model_all,
    "AfterEventOverBefore",
    "AmbiguousAnchorError",
    "AmbiguousNameError",
    "AnchorError",
    "AnchorNotFoundError",
    "AnchorOutOfRangeError",
    "ChecksumMismatchError",
    "Context",
    "Corpus",
    "Limits",
    "CorpusError",
    "CorpusValidationError",
    "DateExpressionError",
    "DuplicateIdError",
    "FirstPartyStatements",
    "IndependentCorroboration",
    "MalformedFileError",
    "MissingKeyError",
    "ModalityRank",
    "MissingExtraError",
    "ModelError",
    "NegotiationsError",
    "Policy",
    "PolicyError",
    "ReconciliationError",
    "RegistryError",
    "Reconciliation",
    "Rule",
    "SerializationError",
    "SourceReliability",
    "Contribution",
    "Weight",
    "TrustModel",
    "SourceTrust",
    "Statistics",
    "TraceStep",
    "UnknownKeyError",
    "UnknownNameError",
    "UnresolvableDateError",
    "UnresolvableValueError",
    "ValueExpressionError",
    "InconsistentRegistryError",
    "LimitExceededError",
    "UnsafePathError",
    "UnknownPredicateError",
    "UnknownReferenceError",
    "ValueTypeError",
    "Verdict",
    "VerdictStatus",
    "bundled_corpus_path",
    "compute_statistics",
    "default_policy",
    "from_json",
    "load_corpus",
    "reconcile",
    "structure",
    "to_json",
    "unstructure",
    "validate_corpus",
]
