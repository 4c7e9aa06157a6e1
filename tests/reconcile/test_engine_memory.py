"""What keeps a large run's peak memory down: the engine holds recurring small
pieces once (docs/performance.md). Each test would fail if the sharing were lost."""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiations as ng
from negotiations.reconcile import Claim, default_policy
from negotiations.reconcile._claims import form_claims
from negotiations.reconcile._context import TrustEstimate, TrustEstimates
from negotiations.reconcile._engine import (
    Statistics,
    Weigher,
    _chain,
    _factors,
    _LocalTally,
    prepare_keyed_questions,
    prepare_questions,
)
from negotiations.reconcile._rules import SourceTrust, Weight
from negotiations.testing import LAW_CONTEXT, reconciliation_inputs
from tests.reconcile._build import date_value, day, say

P = ng.Predicate


def _claims() -> list[Claim]:
    """Two meetings, each dated by the same two sources, who disagree on both."""
    assertions = [
        say(meeting, P.DATE, date_value("Friday", day(16 + offset)), source=source)
        for meeting in ("talks", "follow_up")
        for offset, source in ((0, "a"), (1, "b"))
    ]
    return form_claims(assertions, ng.Context(), default_policy().title_window)


def test_questions_share_the_pieces_they_have_in_common() -> None:
    claims = _claims()
    first, second = prepare_questions(claims, lambda claim: 1.0, ng.Context())
    assert first.said == second.said
    assert all(x is y for x, y in zip(first.said, second.said, strict=True))
    assert all(x is y for x, y in zip(first.origins, second.origins, strict=True))
    assert first.agree is second.agree


def test_claims_weighed_alike_share_one_record() -> None:
    claims = _claims()
    weigher = Weigher(default_policy())
    statistics = Statistics(by_rule={})
    context = ng.Context()
    weights = [weigher.static_weight(c, statistics, context) for c in claims]
    assert weights == [weigher.static(c) for c in claims]
    assert len(weigher.records) < len(claims)
    records = {id(weigher.kept[id(c)]) for c in claims}
    assert len(records) == len(weigher.records)


def _learned(context: ng.Context, accuracy: float) -> ng.Context:
    trust = TrustEstimates(
        estimates={key: TrustEstimate(accuracy=accuracy, questions=3) for key in ("a", "b")}
    )
    return attrs.evolve(context, trust=trust)


def test_claims_weighed_alike_share_their_increments() -> None:
    """Each distinct weighing's chain of increments is worked out once and shared, and
    it is the chain of the claim's own factors."""
    claims = _claims()
    statistics = Statistics(by_rule={})
    context = _learned(ng.Context(), 0.9)
    weigher, afresh = Weigher(default_policy()), Weigher(default_policy())
    for weighing in (weigher, afresh):
        for c in claims:
            weighing.static_weight(c, statistics, context)
    chains = [weigher.increments(c, statistics, context) for c in claims]
    rules = afresh.rules
    assert chains == [_chain(_factors(rules, None, c, statistics, context)) for c in claims]
    assert len({id(chain) for chain in chains}) == len(weigher.chains) < len(claims)


def test_learned_trust_is_weighed_again_under_other_trust() -> None:
    """SourceTrust's weight is kept per publisher for one context only: the same claim
    under other learned trust gets that trust's weight."""
    claim = _claims()[0]
    rule = SourceTrust()
    statistics = Statistics(by_rule={})
    high = rule.weigh(claim, statistics, _learned(ng.Context(), 0.95))
    low = rule.weigh(claim, statistics, _learned(ng.Context(), 0.55))
    assert high.factor > low.factor
    assert "0.95" in high.reason
    assert "0.55" in low.reason


def test_a_rule_with_new_weights_each_time_is_not_given_stale_increments() -> None:
    """A user's rule may return a new (equal or different) Weight on every call: each
    claim's increments are still its own."""
    calls: list[int] = []

    @attrs.frozen
    class Counting:
        name: str = "Counting"

        def prepare(self, claims: object, context: object) -> None:
            return None

        def weigh(self, claim: Claim, statistics: object, context: object) -> Weight:
            calls.append(1)
            return Weight(factor=0.5 if len(calls) % 2 else 0.25, reason=f"call {len(calls)}")

    policy = attrs.evolve(default_policy(), rules=(*default_policy().rules, Counting()))
    claims = _claims()
    statistics = Statistics(by_rule={})
    context = _learned(ng.Context(), 0.9)
    weigher = Weigher(policy)
    for c in claims:
        weigher.static_weight(c, statistics, context)
    for c in claims:
        chain = weigher.increments(c, statistics, context)
        assert chain[-1][2] == f"call {len(calls)}"


def test_regrouping_prepares_again_only_the_questions_a_copier_answers() -> None:
    """Copy groups change the origins of the questions their members answer; every
    other question is taken as it was (the same object), and the result is what
    preparing everything again gives."""
    assertions = [
        say(meeting, P.DATE, date_value("Friday", day(16 + offset)), source=source)
        for meeting, sources in (("talks", ("a", "b")), ("follow_up", ("c", "d")))
        for offset, source in enumerate(sources)
    ]
    context = ng.Context()
    claims = form_claims(assertions, context, default_policy().title_window)
    tally = _LocalTally(claims, lambda claim: 1.0, context)
    before = dict(tally.by_key)
    regrouped = tally.regrouped({"a": "a", "b": "a"})
    touched = [key for key in before if key.subject == "talks"]
    untouched = [key for key in before if key.subject == "follow_up"]
    assert touched
    assert untouched
    assert all(regrouped.by_key[key] is before[key] for key in untouched)
    assert all(regrouped.by_key[key] is not before[key] for key in touched)
    grouped = attrs.evolve(context, copy_groups={"a": "a", "b": "a"})
    assert regrouped.by_key == prepare_keyed_questions(claims, lambda claim: 1.0, grouped)


@settings(max_examples=60, deadline=None)
@given(reconciliation_inputs(), st.data())
def test_regrouped_questions_are_those_prepared_afresh(
    assertions: list[ng.Assertion], data: st.DataObject
) -> None:
    """Law: whatever the copy groups, the regrouped tally's questions are exactly the
    questions prepared from scratch under them (reused or not)."""
    claims = form_claims(assertions, LAW_CONTEXT, default_policy().title_window)
    publishers = sorted({LAW_CONTEXT.publisher(a) for a in assertions})
    copiers = data.draw(st.lists(st.sampled_from(publishers), unique=True)) if publishers else []
    groups = dict.fromkeys(copiers, min(copiers, default=""))
    tally = _LocalTally(claims, lambda claim: 1.0, LAW_CONTEXT)
    regrouped = tally.regrouped(groups)
    grouped = attrs.evolve(LAW_CONTEXT, copy_groups=groups)
    assert regrouped.by_key == prepare_keyed_questions(claims, lambda claim: 1.0, grouped)
