"""Reconciliation: explicit, named provenance rules that decide what the record says."""

from __future__ import annotations

from collections.abc import Iterable

from negotiations.corpus import Corpus
from negotiations.model import Assertion
from negotiations.reconcile._claims import Claim, ClaimKey, group_of
from negotiations.reconcile._context import Context
from negotiations.reconcile._engine import Statistics, compute_statistics, decide, groups
from negotiations.reconcile._explain import explain_verdict
from negotiations.reconcile._policy import Policy, default_policy
from negotiations.reconcile._result import Reconciliation
from negotiations.reconcile._rules import (
    MODALITY_RANKS,
    AfterEventOverBefore,
    Candidate,
    Decision,
    FirstPartyStatements,
    IndependentCorroboration,
    ModalityRank,
    Rule,
    SourceReliability,
    independent_origins,
    origin,
)
from negotiations.reconcile._verdicts import Side, SideStatus, TraceStep, Verdict, VerdictStatus


def reconcile(
    data: Corpus | Iterable[Assertion],
    policy: Policy | None = None,
    *,
    context: Context | None = None,
    statistics: Statistics | None = None,
) -> Reconciliation:
    """Reconcile a corpus (or bare assertions) under ``policy`` (the default if None).

    ``statistics`` lets a caller reconcile part of the input with statistics
    computed over the whole (:func:`compute_statistics`), as a distributed run would.
    """
    policy = policy if policy is not None else default_policy()
    corpus = data if isinstance(data, Corpus) else None
    assertions = corpus.assertions if corpus is not None else tuple(data)  # type: ignore[arg-type]
    if context is None:
        context = Context.from_corpus(corpus) if corpus is not None else Context()
    verdicts = decide(assertions, policy, context, statistics)
    return Reconciliation(verdicts=verdicts, policy_rules=policy.rule_names, corpus=corpus)


__all__ = [
    "MODALITY_RANKS",
    "AfterEventOverBefore",
    "Candidate",
    "Claim",
    "ClaimKey",
    "Context",
    "Decision",
    "FirstPartyStatements",
    "IndependentCorroboration",
    "ModalityRank",
    "Policy",
    "Reconciliation",
    "Rule",
    "Side",
    "SideStatus",
    "SourceReliability",
    "Statistics",
    "TraceStep",
    "Verdict",
    "VerdictStatus",
    "compute_statistics",
    "decide",
    "default_policy",
    "explain_verdict",
    "group_of",
    "groups",
    "independent_origins",
    "origin",
    "reconcile",
]
