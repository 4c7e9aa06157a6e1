"""Copy detection counts shared mistakes only between publishers that have made at
least ``copy_min`` mistakes each: the copy groups are those of counting every pair."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiations as ng
from negotiations.reconcile import TrustModel
from negotiations.reconcile._engine import (
    Votes,
    _copy_groups,
    _learn_trust,
    _LocalTally,
    copy_groups_of,
)
from negotiations.testing import LAW_CONTEXT, reconciliation_inputs
from tests.reconcile._build import local_tally, say

P = ng.Predicate


_tally = local_tally


def _every_pair_groups(tally: _LocalTally, votes: Votes, model: TrustModel) -> dict[str, str]:
    """Copy groups from the shared mistakes of every pair of publishers (no pruning)."""
    everyone = frozenset(key for q in tally.questions for key, _ in q.said)
    return copy_groups_of(*tally.mistakes(votes, everyone), model)


def _both(
    assertions: list[ng.Assertion], model: TrustModel
) -> tuple[dict[str, str], dict[str, str]]:
    tally = _tally(assertions, LAW_CONTEXT)
    trust = _learn_trust(tally, model)
    votes = Votes(
        {key: trust.vote(e.accuracy) for key, e in trust.estimates.items()}, trust.vote(trust.prior)
    )
    return _copy_groups(tally, trust, model), _every_pair_groups(tally, votes, model)


def _city(meeting: str, city: str, source: str) -> ng.Assertion:
    return say(meeting, P.CITY, ng.PlaceValue(place=ng.PlaceId(city)), source=source)


def test_two_publishers_sharing_exactly_copy_min_mistakes_are_one_group() -> None:
    """At the threshold: each has exactly ``copy_min`` mistakes, all shared."""
    assertions = [
        _city(f"m{i}", "right", source)
        for i in range(4)
        for source in ("honest0", "honest1", "honest2")
    ]
    assertions += [_city(f"m{i}", "wrong", s) for i in range(2) for s in ("copier0", "copier1")]
    assertions += [_city(f"m{i}", "right", s) for i in (2, 3) for s in ("copier0", "copier1")]
    pruned, every_pair = _both(assertions, TrustModel(copy_min=2))
    assert pruned == every_pair
    assert set(pruned) == {"copier0", "copier1"}
    # One more mistake needed than they made: no group, either way.
    pruned, every_pair = _both(assertions, TrustModel(copy_min=3))
    assert pruned == every_pair == {}


@settings(max_examples=60, deadline=None)
@given(reconciliation_inputs(), st.integers(1, 4), st.sampled_from([0.3, 0.5, 1.0]))
def test_pruned_pairs_give_the_copy_groups_of_every_pair(
    assertions: list[ng.Assertion], copy_min: int, copy_share: float
) -> None:
    model = TrustModel(copy_min=copy_min, copy_share=copy_share)
    pruned, every_pair = _both(assertions, model)
    assert pruned == every_pair


def test_the_crowded_question_counts_no_pair_of_one_time_mistakes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hundreds of sources wrong once each: nobody reaches copy_min, no pair is counted."""
    assertions = [_city("m", "right" if i % 5 else "wrong", f"s{i}") for i in range(300)]
    tally = _tally(assertions, LAW_CONTEXT)
    trust = _learn_trust(tally, TrustModel())
    asked: list[frozenset[str]] = []
    real = tally.mistakes

    def spy(votes: Votes, among: frozenset[str]) -> object:
        asked.append(among)
        return real(votes, among)

    monkeypatch.setattr(tally, "mistakes", spy)
    assert _copy_groups(tally, trust, TrustModel()) == {}
    assert asked == [frozenset()]
