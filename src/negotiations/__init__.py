"""negotiations: news reporting on diplomatic negotiations as a typed, sourced, reconciled record.

Start here:

- ``load_corpus()`` the bundled seed corpus (``load_corpus(bundled_corpus_path(), bundled_corpus_path("reports"), folder)``
  layers more); ``negotiations.claims`` builds assertions from any table.
- ``reconcile(corpus)`` weighs the evidence and returns a :class:`Reconciliation`:
  ``meeting()``, ``delegation()``, ``offices()``, ``holder()``, ``positions``,
  ``contested``, ``explain()``, ``to_json()``.
- The model (``Assertion``, ``TextAnchor``/``RecordRef``, values, ``Registry``,
  ``Vocabulary``), the rules (``Policy``, ``TrustModel``, ``SourceReliability`` …) and the
  errors (all under ``NegotiationsError``) are re-exported here; displays, tables,
  graphs, plots and exports live in ``negotiations.display``, ``.frames``, ``.graph``,
  ``.plot`` and ``.export``; hypothesis strategies in ``negotiations.testing``.

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
    ChronologyError,
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
    """Import a lazily loaded name (see ``_LAZY``) on first use, then keep it here."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'negotiations' has no attribute {name!r}")
    import importlib

    found = getattr(importlib.import_module(module), name)
    globals()[name] = found
    return found


def __dir__() -> list[str]:
    """Every name of the package, the lazily loaded ones included."""
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
    "ChronologyError",
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
