"""Twins (TrustModel.twin_min): publishers that answer every disputed question they
share alike are found without the record, and leave each other out of their
leave-one-out agreement; only learned trust changes."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import combinations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiations as ng
from negotiations.errors import PolicyError
from negotiations.reconcile import TrustModel
from negotiations.reconcile._engine import (
    _disputed,
    _LocalTally,
    compute_statistics,
    find_twins,
    prepare_keyed_questions,
    tally_agreement,
)
from negotiations.testing import LAW_CONTEXT, reconciliation_inputs
from tests.reconcile._build import local_tally, say

P = ng.Predicate


_tally = local_tally


def _city(meeting: str, city: str, source: str) -> ng.Assertion:
    return say(meeting, P.CITY, ng.PlaceValue(place=ng.PlaceId(city)), source=source)


def _bloc(questions: int) -> list[ng.Assertion]:
    """Two copies that agree on everything, and three honest publishers, each of
    which slips alone on a few questions; the copies are wrong on a third."""
    assertions = []
    for i in range(questions):
        for copier in ("copy0", "copy1"):
            assertions.append(_city(f"m{i}", "wrong" if i % 3 == 0 else "right", copier))
        for h in range(3):
            slipped = i % 10 == h + 1
            assertions.append(_city(f"m{i}", f"slip{h}" if slipped else "right", f"honest{h}"))
    return assertions


def test_identical_publishers_on_enough_disputed_questions_are_twins() -> None:
    assertions = _bloc(60)
    assert find_twins(_tally(assertions, LAW_CONTEXT), TrustModel(twin_min=30)) == {
        "copy0": frozenset({"copy1"}),
        "copy1": frozenset({"copy0"}),
    }
    # Fewer disputed questions in common than asked for: none.
    assert find_twins(_tally(assertions, LAW_CONTEXT), TrustModel(twin_min=60)) == {}


def test_twins_do_not_vouch_for_each_other() -> None:
    """A copy's agreement leaves out its twin: its accuracy falls below the honest
    ones' (trust learning alone: copy detection would find these copies as well)."""
    assertions = _bloc(60)
    alone = TrustModel(copy_detection=False)
    plain = compute_statistics(assertions, ng.Policy(trust=alone), LAW_CONTEXT)
    with_twins = ng.Policy(trust=TrustModel(copy_detection=False, twin_min=30))
    twinned = compute_statistics(assertions, with_twins, LAW_CONTEXT)
    assert plain.trust is not None
    assert twinned.trust is not None
    before, after = plain.trust.estimates, twinned.trust.estimates
    assert after["copy0"].accuracy < before["copy0"].accuracy
    assert after["copy0"].accuracy < min(after[f"honest{h}"].accuracy for h in range(3))


def _every_pair_twins(tally: _LocalTally, model: TrustModel) -> dict[str, frozenset[str]]:
    """Twins from every pair of publishers (no pruning by disputed questions)."""
    shared: dict[tuple[str, str], int] = defaultdict(int)
    same: dict[tuple[str, str], int] = defaultdict(int)
    for question in tally.questions:
        if not _disputed(question):
            continue
        for (a, x), (b, y) in combinations(question.said, 2):
            shared[(a, b)] += 1
            same[(a, b)] += x == y
    found: dict[str, set[str]] = defaultdict(set)
    for (a, b), count in shared.items():
        if count >= model.twin_min and same[(a, b)] >= model.twin_share * count:
            found[a].add(b)
            found[b].add(a)
    return {key: frozenset(twins) for key, twins in found.items()}


@settings(max_examples=60, deadline=None)
@given(reconciliation_inputs(), st.integers(1, 3), st.sampled_from([0.6, 0.9, 1.0]))
def test_law_pruned_pairs_give_the_twins_of_every_pair(
    assertions: list[ng.Assertion], twin_min: int, twin_share: float
) -> None:
    model = TrustModel(twin_min=twin_min, twin_share=twin_share)
    tally = _tally(assertions, LAW_CONTEXT)
    assert find_twins(tally, model) == _every_pair_twins(tally, model)


@settings(max_examples=40, deadline=None)
@given(reconciliation_inputs(), st.integers(0, 2**16))
def test_law_learned_trust_with_twins_ignores_the_order_of_the_input(
    assertions: list[ng.Assertion], seed: int
) -> None:
    policy = ng.Policy(trust=TrustModel(twin_min=1, twin_share=0.6))
    shuffled = list(assertions)
    random.Random(seed).shuffle(shuffled)
    first = compute_statistics(assertions, policy, LAW_CONTEXT)
    second = compute_statistics(shuffled, policy, LAW_CONTEXT)
    assert first == second


@settings(max_examples=40, deadline=None)
@given(reconciliation_inputs())
def test_law_twinned_questions_are_those_prepared_afresh(assertions: list[ng.Assertion]) -> None:
    """The tally with twins is what preparing every question afresh with the twins
    gives, and a publisher's agreement stays within its questions counted."""
    tally = _tally(assertions, LAW_CONTEXT)
    claims, static = tally.claims, tally.static
    twins = find_twins(tally, TrustModel(twin_min=1, twin_share=0.6))
    twinned = tally.with_twins(twins)
    assert twinned.by_key == prepare_keyed_questions(claims, static, LAW_CONTEXT, None, twins)
    agreement, counted = tally_agreement(twinned.questions, defaultdict(lambda: 0.5))
    assert all(0 <= agreement.get(k, 0) <= n * (1 << 32) for k, n in counted.items())


@pytest.mark.parametrize(
    "fields",
    [
        {"twin_min": -1},
        {"twin_min": 1.5},
        {"twin_min": True},
        {"twin_share": 0.5},
        {"twin_share": 1.1},
    ],
)
def test_twin_settings_out_of_range_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(PolicyError, match="twin_"):
        TrustModel(**fields)  # type: ignore[arg-type]
