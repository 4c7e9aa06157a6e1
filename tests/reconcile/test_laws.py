"""Laws of reconciliation, checked over generated assertion sets.

The inputs come from :func:`negotiations.testing.reconciliation_inputs`: a small
universe (two events, three people, one single-holder office, one delegation,
four sources) so that questions collide and every rule and conflict fires.
"""

from __future__ import annotations

import attrs
from hypothesis import given, note
from hypothesis import strategies as st

import negotiations as ng
from negotiations.reconcile import VerdictStatus, compute_statistics, groups
from negotiations.reconcile._claims import PROSPECTIVE
from negotiations.testing import LAW_CONTEXT, reconciliation_inputs

POLICY = ng.Policy()


def run(assertions: list[ng.Assertion], **kw: object) -> ng.Reconciliation:
    return ng.reconcile(assertions, POLICY, context=LAW_CONTEXT, **kw)  # type: ignore[arg-type]


@given(reconciliation_inputs(), st.randoms(use_true_random=False))
def test_order_independence(assertions: list[ng.Assertion], random: st.Random) -> None:  # type: ignore[name-defined]
    shuffled = list(assertions)
    random.shuffle(shuffled)
    assert run(shuffled).to_json() == run(assertions).to_json()


@given(reconciliation_inputs(min_size=1), st.data())
def test_repeating_an_assertion_changes_nothing(
    assertions: list[ng.Assertion], data: st.DataObject
) -> None:
    repeated = data.draw(st.lists(st.sampled_from(assertions), min_size=1))
    assert run(assertions + repeated).to_json() == run(assertions).to_json()


def _anchor(assertion: ng.Assertion) -> ng.TextAnchor:
    assert isinstance(assertion.evidence, ng.TextAnchor)
    return assertion.evidence


@given(reconciliation_inputs())
def test_provenance_completeness(assertions: list[ng.Assertion]) -> None:
    rec = run(assertions)
    accounted = {a.id for v in rec.verdicts for a in (*v.supporting, *v.opposing)}
    assert {a.id for a in assertions} <= accounted
    for verdict in rec.verdicts:
        if verdict.status is VerdictStatus.ACCEPTED:
            asserted = {(a.subject, a.predicate, a.value) for a in assertions}
            assert (verdict.key.subject, verdict.key.predicate, verdict.value) in asserted
            assert verdict.supporting, verdict


@given(st.data())
def test_unanimity(data: st.DataObject) -> None:
    base = data.draw(reconciliation_inputs(min_size=1, max_size=1))[0]
    modality = data.draw(
        st.sampled_from(sorted(set(ng.Modality) - PROSPECTIVE - {ng.Modality.DENIED}, key=str))
    )
    count = data.draw(st.integers(1, 4))
    same = [
        attrs.evolve(
            ng.Assertion.create(
                source=ng.SourceId(f"source_{i}"),
                subject=base.subject,
                predicate=base.predicate,
                value=base.value,
                evidence=attrs.evolve(_anchor(base), document=ng.DocumentId(f"source_{i}")),
                modality=modality,
                polarity=ng.Polarity.POSITIVE,
                qualifiers=attrs.evolve(base.qualifiers, timing=None),
                asserted_at=base.asserted_at,
            )
        )
        for i in range(count)
    ]
    rec = run(same)
    assert len(rec.verdicts) == 1
    verdict = rec.verdicts[0]
    assert verdict.status is VerdictStatus.ACCEPTED
    assert verdict.value == base.value
    assert verdict.positive


@given(reconciliation_inputs(), st.data())
def test_independent_corroboration_never_unseats_an_accepted_value(
    assertions: list[ng.Assertion], data: st.DataObject
) -> None:
    rec = run(assertions)
    accepted = [v for v in rec.verdicts if v.status is VerdictStatus.ACCEPTED]
    if not accepted:
        return
    verdict = data.draw(st.sampled_from(accepted))
    model = data.draw(st.sampled_from(verdict.supporting))
    extra = ng.Assertion.create(
        source=ng.SourceId("source_new"),
        subject=model.subject,
        predicate=model.predicate,
        value=model.value,
        evidence=attrs.evolve(_anchor(model), document=ng.DocumentId("source_new")),
        modality=model.modality,
        polarity=model.polarity,
        qualifiers=model.qualifiers,
        asserted_at=model.asserted_at,
    )
    note(f"corroborating {verdict.key} with {extra}")
    after = {v.key: v for v in run([*assertions, extra]).verdicts}
    assert after[verdict.key].status is VerdictStatus.ACCEPTED
    assert after[verdict.key].value == verdict.value
    assert after[verdict.key].positive == verdict.positive


@given(reconciliation_inputs(), st.data())
def test_partition_invariance(assertions: list[ng.Assertion], data: st.DataObject) -> None:
    parts = list(groups(assertions, LAW_CONTEXT).values())
    chosen = data.draw(st.lists(st.booleans(), min_size=len(parts), max_size=len(parts)))
    left = [a for part, pick in zip(parts, chosen, strict=True) if pick for a in part]
    right = [a for part, pick in zip(parts, chosen, strict=True) if not pick for a in part]
    statistics = compute_statistics(assertions, POLICY, LAW_CONTEXT)
    merged = sorted(
        (*run(left, statistics=statistics).verdicts, *run(right, statistics=statistics).verdicts),
        key=lambda v: v.key,
    )
    assert tuple(merged) == run(assertions).verdicts


@given(reconciliation_inputs())
def test_determinism_byte_identical_json(assertions: list[ng.Assertion]) -> None:
    first = run(assertions).to_json()
    assert run(list(reversed(assertions))).to_json() == first
    assert run(list(assertions)).to_json() == first


@given(reconciliation_inputs())
def test_verdicts_round_trip_through_json(assertions: list[ng.Assertion]) -> None:
    for verdict in run(assertions).verdicts:
        assert ng.from_json(ng.to_json(verdict), ng.Verdict) == verdict
