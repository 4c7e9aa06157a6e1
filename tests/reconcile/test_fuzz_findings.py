"""Inputs a fuzzing pass over the public API found crashing or misleading, kept as cases.

Each failed before its fix: an open-ended office term, dates at the end of Python's
calendar, a trust ceiling of one, a rule's ``prepare`` emptying the engine's claims,
a title window past the calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import negotiations as ng
from negotiations.model import (
    Assertion,
    DateRange,
    Modality,
    OfficeValue,
    PartialDate,
    PlaceValue,
    Qualifiers,
    RecordRef,
    TimeExpression,
)
from negotiations.reconcile import policy_from_data


def _holds(source: str, person: str, since: PartialDate) -> Assertion:
    return Assertion.create(
        source=ng.SourceId(source),
        subject=ng.EntityId(person),
        predicate="holds_office",
        value=OfficeValue(office=ng.OfficeId("minister")),
        evidence=RecordRef(dataset="d", record=source),
        modality=Modality.REPORTED,
        qualifiers=Qualifiers(time=TimeExpression(text="since then", value=DateRange(start=since))),
    )


def test_an_office_held_since_a_date_with_no_end_is_reconciled_with_an_open_scope() -> None:
    result = ng.reconcile([_holds("s1", "p1", PartialDate(year=2022, month=3))])
    [verdict] = result.verdicts
    assert verdict.status is ng.VerdictStatus.ACCEPTED
    assert verdict.key.scope.endswith("/..")  # open, as the claim was


@pytest.mark.parametrize(
    "date",
    [
        PartialDate(year=9999),
        PartialDate(year=9999, month=12),
        PartialDate(year=9999, month=12, day=31),
        PartialDate(year=9999, month=12, day=31, hour=23, minute=59),
    ],
    ids=["year", "month", "day", "minute"],
)
def test_the_last_dates_of_the_calendar_end_where_python_can_count(date: PartialDate) -> None:
    assert date.latest() == dt.datetime.max
    assert DateRange(start=PartialDate(year=2020), end=date).end == date


def _cities(*pairs: tuple[str, str]) -> list[Assertion]:
    return [
        Assertion.create(
            source=ng.SourceId(source),
            subject=ng.EntityId("talks"),
            predicate="city",
            value=PlaceValue(place=ng.PlaceId(place)),
            evidence=RecordRef(dataset="d", record=source),
            modality=Modality.REPORTED,
        )
        for source, place in pairs
    ]


def test_a_trust_ceiling_of_one_is_refused_when_made() -> None:
    with pytest.raises(ng.PolicyError, match="ceiling"):
        ng.TrustModel(ceiling=1.0)
    assert ng.TrustModel(ceiling=0.999).ceiling == 0.999


class _Greedy:
    """A user's rule whose ``prepare`` empties the list it is given."""

    name = "Greedy"

    def prepare(self, claims: object, context: object) -> None:
        getattr(claims, "clear", lambda: None)()

    def weigh(self, claim: object, statistics: object, context: object) -> ng.Weight:
        return ng.Weight(factor=1.0, reason="neutral")


def test_a_rule_cannot_change_the_claims_the_engine_decides() -> None:
    data = _cities(("s1", "istanbul"), ("s2", "istanbul"), ("s3", "ankara"))
    plain = ng.reconcile(data)
    greedy = ng.reconcile(data, ng.default_policy().with_rule(_Greedy()))
    assert len(greedy.verdicts) == len(plain.verdicts) > 0


def test_a_title_window_past_the_calendar_is_refused_when_made() -> None:
    with pytest.raises(ng.PolicyError, match="title_window"):
        ng.Policy(title_window=dt.timedelta(days=4_000_000))


def test_trust_of_the_wrong_kind_is_refused_when_made() -> None:
    with pytest.raises(ng.PolicyError, match="trust"):
        ng.Policy(trust="x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"trust": [1]}, "trust must be a mapping"),
        ({"title_window_days": "abc"}, "title_window_days must be a number"),
        ({"title_window_days": float("nan")}, "title_window_days must be a number"),
        ({"title_window_days": 1e12}, "past the calendar"),
    ],
)
def test_policy_data_of_the_wrong_kind_is_refused_not_read_as_something_else(
    change: dict[str, object], message: str
) -> None:
    data = {**ng.default_policy().to_data(), **change}
    with pytest.raises(ng.PolicyError, match=message):
        policy_from_data(data)


def test_rule_parameters_that_are_not_a_mapping_are_refused() -> None:
    data = ng.default_policy().to_data()
    data["rules"][0] = {**data["rules"][0], "parameters": [1]}
    with pytest.raises(ng.PolicyError, match="parameters must be a mapping"):
        policy_from_data(data)


@pytest.fixture(scope="module")
def seeds() -> ng.Reconciliation:
    return ng.reconcile(ng.load_corpus())


@pytest.mark.parametrize(
    "ask",
    [
        lambda r: r.about(None),
        lambda r: r.verdict(123, "city"),
        lambda r: r.explain(None),
        lambda r: r.meeting(None),
        lambda r: r.delegation(None),
        lambda r: r.holder(None),
    ],
    ids=["about", "verdict", "explain", "meeting", "delegation", "holder"],
)
def test_asking_a_reconciliation_about_a_non_name_is_a_library_error(
    seeds: ng.Reconciliation, ask: Any
) -> None:
    with pytest.raises(ng.NegotiationsError):
        ask(seeds)


def test_reconcile_refuses_input_and_policy_of_the_wrong_kind() -> None:
    with pytest.raises(ng.ReconciliationError, match="a corpus or assertions"):
        ng.reconcile(None)  # type: ignore[arg-type]
    with pytest.raises(ng.PolicyError, match="takes a Policy"):
        ng.reconcile([], "x")  # type: ignore[arg-type]
    with pytest.raises(ng.ReconciliationError, match="progress must be a function"):
        ng.reconcile([], progress=5)  # type: ignore[arg-type]


def test_statistics_of_another_policy_are_refused() -> None:
    data = _cities(("s1", "istanbul"), ("s2", "istanbul"), ("s3", "ankara"))
    context = ng.Context.build()
    of_default = ng.compute_statistics(data, ng.default_policy(), context)
    with pytest.raises(ng.PolicyError, match="other rules"):
        ng.reconcile(data, ng.Policy(rules=()), statistics=of_default)
    untrusting = ng.compute_statistics(data, ng.Policy(trust=None), context)
    with pytest.raises(ng.PolicyError, match="no learned trust"):
        ng.reconcile(data, ng.default_policy(), statistics=untrusting)
    same = ng.reconcile(data, ng.default_policy(), statistics=of_default)
    assert same.to_json() == ng.reconcile(data).to_json()


def test_a_duration_longer_than_the_calendar_is_refused_when_made() -> None:
    from negotiations.errors import ModelError
    from negotiations.model import Duration

    for years in (10**400, 10_001):
        with pytest.raises(ModelError, match="at most 10,000 years"):
            Duration(years=years)
    assert str(Duration(years=10_000)) == "10000 years"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: ng.ModalityRank(ranks={"sure": 1}), "'sure' is no modality"),
        (lambda: ng.ModalityRank(ranks=[1]), "must map each modality"),  # type: ignore[arg-type]
        (lambda: ng.SourceReliability(weights=[1]), "must map origin labels"),  # type: ignore[arg-type]
        (lambda: ng.Weight(factor=1.0, reason=None), "reason must be text"),  # type: ignore[arg-type]
    ],
    ids=["unknown modality", "ranks as a list", "weights as a list", "reason None"],
)
def test_rule_settings_of_the_wrong_kind_are_refused_by_name(make: Any, message: str) -> None:
    with pytest.raises(ng.PolicyError, match=message):
        make()


def test_ranks_may_name_modalities_by_their_names() -> None:
    names = {m.value: 0.5 for m in ng.Modality}
    rule = ng.ModalityRank(ranks=names)
    assert rule.ranks[ng.Modality.CONFIRMED] == 0.5


def test_policy_data_ranks_are_read_by_the_rule_itself() -> None:
    data = ng.default_policy().to_data()
    assert policy_from_data(data) == ng.default_policy()
    ranked = next(r for r in data["rules"] if r["class"] == "ModalityRank")
    ranked["parameters"]["ranks"] = {**ranked["parameters"]["ranks"], "sure": 1.0}
    with pytest.raises(ng.PolicyError, match="'sure' is no modality"):
        policy_from_data(data)
