"""Reconciliation: explicit, named provenance rules that decide what the record says."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol, runtime_checkable

from negotiations.errors import PolicyError, ReconciliationError
from negotiations.model import Assertion, Registry, Source, SourceId, Vocabulary
from negotiations.reconcile._claims import Claim, ClaimKey
from negotiations.reconcile._context import Context, TrustEstimate, TrustEstimates, named_ids
from negotiations.reconcile._engine import Statistics, compute_statistics, decide, groups
from negotiations.reconcile._explain import explain_verdict
from negotiations.reconcile._policy import Policy, TrustModel, default_policy, policy_from_data
from negotiations.reconcile._result import Reconciliation
from negotiations.reconcile._rules import (
    MODALITY_RANKS,
    AfterEventOverBefore,
    FirstPartyStatements,
    IndependentCorroboration,
    ModalityRank,
    PartialStatistics,
    Rule,
    SourceReliability,
    SourceTrust,
    Weight,
    independent_origins,
    is_first_party,
    origin,
)
from negotiations.reconcile._verdicts import (
    Contribution,
    Side,
    SideStatus,
    TraceStep,
    Verdict,
    VerdictStatus,
)


@runtime_checkable
class Evidenced(Protocol):
    """Anything that carries assertions with the registry and sources behind them
    (a :class:`~negotiations.corpus.Corpus` does)."""

    @property
    def assertions(self) -> tuple[Assertion, ...]: ...

    @property
    def registry(self) -> Registry: ...

    @property
    def sources(self) -> Mapping[SourceId, Source]: ...


def reconcile(
    data: Evidenced | Iterable[Assertion],
    policy: Policy | None = None,
    *,
    registry: Registry | None = None,
    sources: Mapping[SourceId, Source] | None = None,
    vocabulary: Vocabulary | None = None,
    context: Context | None = None,
    statistics: Statistics | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Reconciliation:
    """Reconcile a corpus, or any assertions, under ``policy`` (the default if None).

    ``registry`` (actors, offices, events) and ``sources`` (outlets, publication
    dates) are taken from ``data`` when it is a corpus; bare assertions reconcile
    without them, and the rules that need them abstain. ``vocabulary`` declares
    user predicates. ``statistics`` lets a caller reconcile part of the input
    with statistics computed over the whole (:func:`compute_statistics`).
    ``progress`` is called with (claims decided, all claims) as decisions are made.
    """
    policy = policy if policy is not None else default_policy()
    if not isinstance(policy, Policy):
        raise PolicyError(f"reconcile() takes a Policy, found {type(policy).__name__}")
    if progress is not None and not callable(progress):
        raise ReconciliationError(
            f"progress must be a function of (claims decided, all claims), "
            f"found {type(progress).__name__}"
        )
    passages = None
    names = None
    if isinstance(data, Evidenced):
        assertions: tuple[Assertion, ...] = tuple(data.assertions)
        registry = registry if registry is not None else data.registry
        sources = sources if sources is not None else data.sources
        if vocabulary is None:  # a corpus carries the predicates its layers declare
            vocabulary = getattr(data, "vocabulary", None)
        # Sentences documents share word for word: claims quoted from one are one origin.
        passages = getattr(data, "shared_passages", None)
        # A claim table names the ids it folded (``ClaimSet.names``): shown in labels.
        names = named_ids(data)
        _remember_for_display(data)
    else:
        try:
            assertions = tuple(data)
        except TypeError:
            raise ReconciliationError(
                f"reconcile() takes a corpus or assertions, found {type(data).__name__}"
            ) from None
    if context is None:
        context = Context.build(registry, sources, vocabulary, passages, names)
    verdicts = decide(assertions, policy, context, statistics, progress)
    collecting = gc.isenabled()
    gc.disable()  # indexing a million verdicts makes no cycles (see decide)
    try:
        return Reconciliation(
            verdicts=verdicts,
            policy=policy,
            registry=registry,
            sources=sources,
            corpus=data if isinstance(data, Evidenced) else None,
        )
    finally:
        if collecting:
            gc.enable()


def _remember_for_display(data: Evidenced) -> None:
    """Let a verdict shown alone (in a notebook) name what its corpus names: the display
    layer remembers the last corpora it has seen (weakly). Only a loaded corpus is
    remembered; nothing is imported for any other input."""
    corpus_module = sys.modules.get("negotiations.corpus")
    if corpus_module is not None and isinstance(data, corpus_module.Corpus):
        from negotiations.display._labels import remember

        remember(data)


__all__ = [
    "MODALITY_RANKS",
    "AfterEventOverBefore",
    "Claim",
    "ClaimKey",
    "Context",
    "Contribution",
    "Evidenced",
    "FirstPartyStatements",
    "IndependentCorroboration",
    "ModalityRank",
    "PartialStatistics",
    "Policy",
    "Reconciliation",
    "Rule",
    "Side",
    "SideStatus",
    "SourceReliability",
    "SourceTrust",
    "Statistics",
    "TraceStep",
    "TrustEstimate",
    "TrustEstimates",
    "TrustModel",
    "Verdict",
    "VerdictStatus",
    "Weight",
    "compute_statistics",
    "decide",
    "default_policy",
    "explain_verdict",
    "groups",
    "independent_origins",
    "is_first_party",
    "origin",
    "policy_from_data",
    "reconcile",
]
