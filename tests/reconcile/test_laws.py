"""Laws of reconciliation, checked over generated assertion sets.

The inputs come from :func:`negotiations.testing.reconciliation_inputs`: a small
universe (two events, three people, one single-holder office, one delegation,
four sources) so that questions collide and every rule and conflict fires.
"""

from __future__ import annotations

import attrs
from hypothesis import assume, given, note
from hypothesis import strategies as st

import negotiations as ng
from negotiations.reconcile import SideStatus, VerdictStatus, compute_statistics, groups
from negotiations.reconcile._claims import PROSPECTIVE
from negotiations.testing import LAW_CONTEXT, law_assertions, reconciliation_inputs

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
    assume(accepted)
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


# -- laws of the weighted engine (issue 8) ---------------------------------------------------

FACTUAL = (ng.Modality.CONFIRMED, ng.Modality.REPORTED)
WEAK = (ng.Modality.EXPECTED, ng.Modality.SPECULATED)


def _origins(assertions: list[ng.Assertion], context: ng.Context) -> list[set[str]]:
    """Independent origins: assertions sharing any origin label are one."""
    groups_: list[set[str]] = []
    for labels in (set(context.origin_labels(a)) for a in assertions):
        merged = [g for g in groups_ if g & labels]
        for g in merged:
            groups_.remove(g)
            labels |= g
        groups_.append(labels)
    return groups_


def _trusted_publishers(assertions: list[ng.Assertion]) -> set[str]:
    """Publishers whose learned trust is at least the median."""
    statistics = compute_statistics(assertions, POLICY, LAW_CONTEXT)
    assert statistics.trust is not None
    estimates = statistics.trust.estimates
    if not estimates:
        return set()
    ranked = sorted(e.accuracy for e in estimates.values())
    median = ranked[(len(ranked) - 1) // 2]
    return {key for key, e in estimates.items() if e.accuracy >= median}


def _rival_of(model: ng.Assertion, source: str, modality: ng.Modality, n: int) -> ng.Assertion:
    """The same question answered the other way, from ``source``."""
    flipped = (
        ng.Polarity.POSITIVE if model.polarity is ng.Polarity.NEGATIVE else ng.Polarity.NEGATIVE
    )
    if modality is ng.Modality.DENIED:
        flipped = ng.Polarity.NEGATIVE
    exact = f"rival #{n}"
    return ng.Assertion.create(
        source=ng.SourceId(source),
        subject=model.subject,
        predicate=model.predicate,
        value=model.value,
        evidence=ng.TextAnchor(
            document=ng.DocumentId(source), exact=exact, start=0, end=len(exact)
        ),
        modality=modality,
        polarity=flipped,
        qualifiers=attrs.evolve(model.qualifiers, timing=None),
        asserted_at=model.asserted_at,
    )


def _backed(model: ng.Assertion, sources: list[str]) -> list[ng.Assertion]:
    """``model`` stated as fact, unattributed, by each of ``sources``."""
    return [
        attrs.evolve(
            _rival_of(
                _rival_of(model, source, ng.Modality.REPORTED, n), source, ng.Modality.REPORTED, n
            ),
            id=ng.AssertionId(""),
        )
        for n, source in enumerate(sources)
    ]


@st.composite
def well_backed_inputs(draw: st.DrawFn) -> tuple[list[ng.Assertion], ng.Assertion]:
    """Generated inputs plus one fact that two or more sources report independently."""
    assertions = draw(reconciliation_inputs())
    model = draw(law_assertions())
    sources = draw(
        st.lists(
            st.sampled_from(["source_1", "source_2", "source_3", "source_4"]),
            min_size=2,
            max_size=4,
            unique=True,
        )
    )
    backed = _backed(model, sources)
    merged = {a.id: a for a in [*assertions, *backed]}
    return list(merged.values()), backed[0]


@given(well_backed_inputs(), st.data())
def test_robustness_one_new_source_cannot_overturn_a_well_backed_verdict(
    case: tuple[list[ng.Assertion], ng.Assertion], data: st.DataObject
) -> None:
    assertions, model = case
    rec = run(assertions)
    trusted = _trusted_publishers(assertions)
    found = [
        v
        for v in rec.verdicts
        if v.status is VerdictStatus.ACCEPTED
        and model in v.supporting
        and len(
            _origins(
                [a for a in v.supporting if a.source in trusted and a.modality in FACTUAL],
                LAW_CONTEXT,
            )
        )
        >= 2
    ]
    assume(found)
    verdict = found[0]
    modality = data.draw(st.sampled_from(ng.Modality))
    extra = _rival_of(model, "source_new", modality, 0)
    note(f"challenging {verdict.key} with {extra}")
    after = {v.key: v for v in run([*assertions, extra]).verdicts}[verdict.key]
    assert after.status in (VerdictStatus.ACCEPTED, VerdictStatus.CONTESTED)
    if after.status is VerdictStatus.ACCEPTED:
        assert (after.value, after.positive) == (verdict.value, verdict.positive)


@given(well_backed_inputs(), st.data())
def test_no_weak_veto(case: tuple[list[ng.Assertion], ng.Assertion], data: st.DataObject) -> None:
    assertions, model = case
    rec = run(assertions)
    trusted = _trusted_publishers(assertions)
    backed = [
        v
        for v in rec.verdicts
        if v.status is VerdictStatus.ACCEPTED
        and model in v.supporting
        and all(a.modality in FACTUAL and a.source in trusted for a in v.supporting)
    ]
    assume(backed)
    verdict = data.draw(st.sampled_from(backed))
    model = verdict.supporting[0]
    weak = [
        _rival_of(model, f"weak_{n}", data.draw(st.sampled_from(WEAK)), n)
        for n in range(data.draw(st.integers(1, 6)))
    ]
    hedged_first_party = attrs.evolve(
        _rival_of(model, "source_y", ng.Modality.EXPECTED, 99),
        attribution=ng.Attribution(quoted=ng.ActorId(model.subject)),
        id=ng.AssertionId(""),
    )
    after = {v.key: v for v in run([*assertions, *weak, hedged_first_party]).verdicts}
    assert after[verdict.key].status is not VerdictStatus.REJECTED
    if after[verdict.key].status is VerdictStatus.ACCEPTED:
        assert after[verdict.key].value == verdict.value


@given(reconciliation_inputs())
def test_only_standing_rivals_eliminate(assertions: list[ng.Assertion]) -> None:
    rec = run(assertions)
    accepted = {
        side.label
        for v in rec.verdicts
        for side in v.sides
        if side.key == v.key
        and v.status is VerdictStatus.ACCEPTED
        and side.value == v.value
        and side.positive == v.positive
    }
    for verdict in rec.verdicts:
        if verdict.status is not VerdictStatus.REJECTED:
            continue
        own_denial = any(
            s.key == verdict.key and not s.positive and s.status is SideStatus.STANDS
            for s in verdict.sides
        )
        if own_denial:
            continue
        eliminated = [s for s in verdict.sides if s.key == verdict.key and s.eliminated_by]
        assert eliminated, verdict
        assert all(s.eliminated_by in accepted for s in eliminated), verdict


@given(reconciliation_inputs())
def test_explanation_completeness(assertions: list[ng.Assertion]) -> None:
    for verdict in run(assertions).verdicts:
        if verdict.margin is None:
            continue
        assert abs(sum(c.amount for c in verdict.contributions) - verdict.margin) < 1e-6, verdict
