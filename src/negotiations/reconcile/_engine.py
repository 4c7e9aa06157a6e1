"""The reconciliation engine: statistics once, then each group decided on its own."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import attrs
from attrs import frozen

from negotiations.errors import ReconciliationError
from negotiations.model import Assertion
from negotiations.reconcile._claims import (
    PROSPECTIVE,
    Claim,
    ClaimKey,
    claims_conflict,
    form_claims,
    group_of,
    precision_rank,
    subsumes,
)
from negotiations.reconcile._context import Context
from negotiations.reconcile._policy import Policy
from negotiations.reconcile._rules import Candidate
from negotiations.reconcile._verdicts import Side, SideStatus, TraceStep, Verdict, VerdictStatus


@frozen(kw_only=True)
class Statistics:
    """Corpus-wide statistics, one entry per rule name, computed before any decision.

    Reconciling parts of the input with the statistics of the whole gives the
    same verdicts as reconciling the whole.
    """

    by_rule: Mapping[str, Any] = attrs.field(factory=dict)


def compute_statistics(
    assertions: Iterable[Assertion], policy: Policy, context: Context
) -> Statistics:
    """Every rule's corpus-wide statistics over *all* assertions.

    For a distributed run, compute this once over the whole input and pass it to
    each part (``reconcile(part, statistics=...)``); split the input only along
    :func:`groups`, never inside a group.
    """
    return _prepare(form_claims(_unique(assertions), context, policy.title_window), policy, context)


def _prepare(claims: Sequence[Claim], policy: Policy, context: Context) -> Statistics:
    return Statistics(by_rule={rule.name: rule.prepare(claims, context) for rule in policy.rules})


def _unique(assertions: Iterable[Assertion]) -> list[Assertion]:
    """Drop exact repeats; refuse two *different* assertions under one content id
    (keeping either would silently lose the other and depend on input order)."""
    by_id: dict[str, Assertion] = {}
    clashes: set[str] = set()
    for assertion in assertions:
        kept = by_id.setdefault(assertion.id, assertion)
        if kept != assertion:
            clashes.add(assertion.id)
    if clashes:
        listing = ", ".join(sorted(clashes)[:5]) + (" ..." if len(clashes) > 5 else "")
        raise ReconciliationError(
            f"{len(clashes)} id(s) carry different assertions (same source, subject, predicate, "
            f"value and quote, but different modality, attribution, time or note): {listing}"
        )
    return sorted(by_id.values(), key=lambda a: a.id)


def groups(assertions: Iterable[Assertion], context: Context) -> dict[Hashable, list[Assertion]]:
    """Partition assertions into independent decision groups."""
    out: dict[Hashable, list[Assertion]] = defaultdict(list)
    for assertion in _unique(assertions):
        out[group_of(assertion, context)].append(assertion)
    return dict(out)


def decide(
    assertions: Iterable[Assertion],
    policy: Policy,
    context: Context,
    statistics: Statistics | None = None,
) -> tuple[Verdict, ...]:
    """Verdicts for every question the assertions raise, sorted by key."""
    unique = _unique(assertions)
    # Claims are formed once for the whole input: eras and complete lists never
    # cross groups, so partitioning the claims equals forming them per group.
    claims = form_claims(unique, context, policy.title_window)
    if statistics is None:
        statistics = _prepare(claims, policy, context)
    by_group: dict[Hashable, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_group[group_of(claim.assertion, context)].append(claim)
    verdicts: list[Verdict] = []
    for _, members in sorted(by_group.items(), key=lambda kv: repr(kv[0])):
        verdicts.extend(_decide_group(members, policy, context, statistics))
    return tuple(sorted(verdicts, key=lambda v: v.key.order))


def _candidates(claims: Sequence[Claim]) -> list[Candidate]:
    grouped: dict[tuple[ClaimKey, str, bool], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.key, claim.answer, claim.positive)].append(claim)
    ordered = sorted(grouped, key=lambda k: (k[0].order, k[1], k[2]))
    return [Candidate(claims=tuple(grouped[k])) for k in ordered]


def _conflict(a: Candidate, b: Candidate, context: Context) -> bool:
    return any(claims_conflict(x, y, context) for x in a.claims for y in b.claims)


def _decide_group(
    claims: Sequence[Claim], policy: Policy, context: Context, statistics: Statistics
) -> list[Verdict]:
    candidates = _candidates(claims)
    conflicts = {
        (a.ident, b.ident)
        for a, b in itertools.combinations(candidates, 2)
        if _conflict(a, b, context)
    }

    def rivals(x: Candidate, pool: Iterable[Candidate]) -> list[Candidate]:
        return [
            y for y in pool if (x.ident, y.ident) in conflicts or (y.ident, x.ident) in conflicts
        ]

    alive = list(candidates)
    eliminated: dict[tuple[Any, str, bool], str] = {}
    trace: dict[ClaimKey, list[TraceStep]] = defaultdict(list)
    for rule in policy.rules:
        pairs = [
            (a, b) for a, b in itertools.combinations(alive, 2) if (a.ident, b.ident) in conflicts
        ]
        if not pairs:
            break
        losers: dict[tuple[Any, str, bool], str] = {}
        for a, b in pairs:
            decision = rule.compare(a, b, statistics.by_rule.get(rule.name), context)
            if decision.prefer is None:
                step = TraceStep(
                    rule=rule.name,
                    decision=f"no preference between {a.label} and {b.label}",
                    reason=decision.reason,
                )
            else:
                winner, loser = (a, b) if decision.prefer == 0 else (b, a)
                losers.setdefault(loser.ident, f"{rule.name} (in favour of {winner.label})")
                step = TraceStep(
                    rule=rule.name,
                    decision=f"prefers {winner.label} over {loser.label}",
                    reason=decision.reason,
                )
            for key in {a.key, b.key}:
                trace[key].append(step)
        eliminated.update(losers)
        alive = [c for c in alive if c.ident not in losers]

    return [
        _verdict(
            key,
            [c for c in candidates if c.key == key],
            candidates,
            alive,
            eliminated,
            rivals,
            trace[key],
        )
        for key in sorted({c.key for c in candidates}, key=lambda k: k.order)
    ]


def _factual(candidate: Candidate) -> bool:
    return any(c.assertion.modality not in PROSPECTIVE for c in candidate.claims)


def _assertions(candidates: Iterable[Candidate]) -> tuple[Assertion, ...]:
    found = {c.assertion.id: c.assertion for cand in candidates for c in cand.claims}
    return tuple(found[i] for i in sorted(found))


def _verdict(
    key: ClaimKey,
    own: list[Candidate],
    everyone: list[Candidate],
    alive: list[Candidate],
    eliminated: Mapping[tuple[Any, str, bool], str],
    rivals: Any,
    trace: list[TraceStep],
) -> Verdict:
    alive_ids = {c.ident for c in alive}
    standing = [c for c in own if c.ident in alive_ids]
    contested = [c for c in standing if rivals(c, alive)]
    positives = sorted(
        (c for c in standing if c.positive and c not in contested),
        key=lambda c: precision_rank(c.claims[0].value),
    )
    # CompatibleValues: the most precise positive answer stands for those it refines.
    head = positives[0] if positives else None
    subsumed = [
        c
        for c in positives[1:]
        if head is not None and subsumes(c.claims[0].value, head.claims[0].value)
    ]
    foreign = {r.ident: r for c in own for r in rivals(c, everyone) if r.key != key}

    def side(c: Candidate, status: SideStatus) -> Side:
        return Side(
            key=c.key,
            label=c.label,
            value=c.claims[0].value,
            positive=c.positive,
            status=status,
            assertions=_assertions([c]),
            eliminated_by=eliminated.get(c.ident),
        )

    def own_status(c: Candidate) -> SideStatus:
        if c.ident in eliminated:
            return SideStatus.ELIMINATED
        if c in contested:
            return SideStatus.CONTESTED
        if c in subsumed:
            return SideStatus.SUBSUMED
        return SideStatus.STANDS if _factual(c) else SideStatus.UNCONFIRMED

    sides = [side(c, own_status(c)) for c in own]
    sides += [
        side(
            r,
            SideStatus.ELIMINATED
            if r.ident in eliminated
            else SideStatus.CONTESTED
            if r.ident in alive_ids
            else SideStatus.STANDS,
        )
        for r in foreign.values()
    ]
    dropped = [c for c in own if c.ident in eliminated]
    foreign_alive = [r for r in foreign.values() if r.ident in alive_ids]
    foreign_dropped = [r for r in foreign.values() if r.ident not in alive_ids]

    if contested:
        return Verdict(
            key=key,
            status=VerdictStatus.CONTESTED,
            value=None,
            positive=True,
            supporting=_assertions(standing),
            opposing=_assertions(dropped + foreign_alive + foreign_dropped),
            sides=tuple(sides),
            trace=tuple(trace),
        )
    chosen = head if head is not None else next((c for c in standing if not c.positive), None)
    if chosen is None:
        # Every answer here lost to a rival question (e.g. another holder of a
        # single-holder office): the claim is rejected in the rival's favour.
        lost = next((c for c in own if c.positive), own[0])
        return Verdict(
            key=key,
            status=VerdictStatus.REJECTED,
            value=lost.claims[0].value,
            positive=False,
            supporting=_assertions(foreign_alive),
            opposing=_assertions(own + foreign_dropped),
            sides=tuple(sides),
            trace=tuple(trace),
        )
    if chosen.positive:
        status = VerdictStatus.ACCEPTED if _factual(chosen) else VerdictStatus.UNCONFIRMED
    else:
        status = VerdictStatus.REJECTED if _factual(chosen) else VerdictStatus.UNCONFIRMED
    # Standing answers that do not contradict the chosen one (less precise, or a
    # compatible denial of another value) support it; the rest oppose it.
    supporting = [c for c in standing if c is chosen or not rivals(c, [chosen])]
    opposing = (
        dropped + [c for c in standing if c not in supporting] + foreign_dropped + foreign_alive
    )
    return Verdict(
        key=key,
        status=status,
        value=chosen.claims[0].value,
        positive=chosen.positive,
        supporting=_assertions(supporting),
        opposing=_assertions(opposing),
        sides=tuple(sides),
        trace=tuple(trace),
    )


__all__ = ["Statistics", "compute_statistics", "decide", "groups"]
