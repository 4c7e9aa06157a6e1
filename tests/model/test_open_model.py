"""The open model: hedged values as intervals, clock times, records as evidence,
a user vocabulary and a registry apart from any corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

import negotiations as ng
from negotiations import serialize
from negotiations.model import _assertions
from negotiations.testing import assertions, clock_values, predicate_specs, quantity_values

B = ng.Bound


def duration(text: str, bound: ng.Bound = B.EXACT, **parts: int) -> ng.DurationValue:
    return ng.DurationValue(text=text, duration=ng.Duration(bound=bound, **parts))


LESS_THAN_TWO_HOURS = duration("less than two hours", B.UNDER, hours=2)
ABOUT_1H45 = duration("about 1 hour 45 minutes", B.APPROXIMATELY, hours=1, minutes=45)
NINETY_MINUTES = duration("just 90 minutes", minutes=90)
ONE_HOUR_45 = duration("1 hour 45 minutes", hours=1, minutes=45)


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        (LESS_THAN_TWO_HOURS, ABOUT_1H45, True),
        (LESS_THAN_TWO_HOURS, NINETY_MINUTES, True),
        (NINETY_MINUTES, ONE_HOUR_45, False),
        (NINETY_MINUTES, ABOUT_1H45, False),  # 10 % of 105 min does not reach 90
        (duration("just over an hour", B.JUST_OVER, hours=1), NINETY_MINUTES, True),
        (duration("just over an hour", B.JUST_OVER, hours=1), duration("an hour", hours=1), False),
        (duration("nearly two hours", B.NEARLY, hours=2), duration("two hours", hours=2), False),
        (duration("at least two hours", B.AT_LEAST, hours=2), duration("2 h", hours=2), True),
        (duration("at most two hours", B.AT_MOST, hours=2), duration("3 h", hours=3), False),
        (duration("over three years", B.OVER, years=3), duration("five years", years=5), True),
    ],
)
def test_hedged_durations_are_compatible_exactly_when_their_intervals_overlap(
    a: ng.DurationValue, b: ng.DurationValue, compatible: bool
) -> None:
    assert a.compatible(b) is compatible
    assert b.compatible(a) is compatible


def test_a_hedged_value_contains_the_precise_values_it_allows() -> None:
    assert LESS_THAN_TWO_HOURS.contains(ABOUT_1H45)
    assert not ABOUT_1H45.contains(LESS_THAN_TWO_HOURS)
    assert ABOUT_1H45.spread() < LESS_THAN_TWO_HOURS.spread()


def quantity(text: str, amount: float, unit: str | None, bound: ng.Bound) -> ng.QuantityValue:
    return ng.QuantityValue(text=text, quantity=ng.Quantity(amount=amount, unit=unit, bound=bound))


def test_quantities_compare_as_intervals_within_one_unit() -> None:
    thousand = quantity("1,000 prisoners", 1000, "prisoners", B.EXACT)
    more = quantity("more than 1,000 prisoners", 1000, "prisoners", B.OVER)
    about = quantity("about 1,000 prisoners", 1000, "prisoners", B.APPROXIMATELY)
    people = quantity("1,000 people", 1000, "people", B.EXACT)
    assert not thousand.compatible(more)  # "more than 1,000" excludes 1,000 itself
    assert about.compatible(thousand)
    assert about.contains(thousand)
    assert more.compatible(quantity("1,200", 1200, "prisoners", B.EXACT))
    assert not thousand.compatible(people)  # another unit is another claim


def clock(text: str, hour: int, minute: int, offset: int | None = None) -> ng.ClockValue:
    return ng.ClockValue(
        text=text, time=ng.ClockTime(hour=hour, minute=minute, utc_offset=offset, bound=B.EXACT)
    )


def test_clock_times_compare_in_utc_only_when_both_state_a_zone() -> None:
    local = clock("13:35 local time", 13, 35, 180)
    utc = clock("10:35 GMT", 10, 35, 0)
    unzoned = clock("13:35", 13, 35)
    assert local.compatible(utc)
    assert local.compatible(unzoned)  # no zone: the same clock is assumed
    assert not utc.compatible(unzoned)
    around = ng.ClockValue(
        text="around 13:35", time=ng.ClockTime(hour=13, minute=45, bound=B.APPROXIMATELY)
    )
    assert around.compatible(unzoned)
    assert not around.compatible(clock("14:20", 14, 20))


def test_clock_values_on_different_dates_are_not_compatible() -> None:
    friday = ng.PartialDate(year=2025, month=5, day=16)
    thursday = ng.PartialDate(year=2025, month=5, day=15)
    a = ng.ClockValue(text="13:35", time=ng.ClockTime(hour=13, minute=35), date=friday)
    b = ng.ClockValue(text="13:35", time=ng.ClockTime(hour=13, minute=35), date=thursday)
    assert not a.compatible(b)
    assert a.compatible(clock("13:35", 13, 35))


@given(quantity_values(), quantity_values())
def test_compatibility_is_symmetric_and_containment_implies_it(
    a: ng.QuantityValue, b: ng.QuantityValue
) -> None:
    assert a.compatible(b) == b.compatible(a)
    if a.contains(b):
        assert a.compatible(b)


@given(clock_values())
def test_every_clock_value_is_compatible_with_and_contains_itself(value: ng.ClockValue) -> None:
    assert value.compatible(value)
    assert value.contains(value)


def row_claim(**overrides: object) -> ng.Assertion:
    fields: dict[str, object] = {
        "source": ng.SourceId("aa"),
        "subject": ng.EntityId("ua-1234"),
        "predicate": "departure",
        "value": clock("7:15 PM", 19, 15),
        "evidence": ng.RecordRef(
            dataset="flight.tsv",
            record="17",
            field="departure",
            retrieved=dt.datetime(2011, 12, 1, 9, 0),
        ),
        "modality": ng.Modality.REPORTED,
    }
    fields.update(overrides)
    return ng.Assertion.create(**fields)  # type: ignore[arg-type]


def test_an_assertion_from_a_table_row_needs_no_quote_and_round_trips() -> None:
    claim = row_claim()
    back = serialize.from_json(serialize.to_json(claim), ng.Assertion)
    assert back == claim
    assert "record 17 of flight.tsv, field departure" in ng.RecordRef.describe(
        claim.evidence  # type: ignore[arg-type]
    )


def test_a_record_field_is_part_of_the_content_id() -> None:
    other = row_claim(evidence=ng.RecordRef(dataset="flight.tsv", record="17", field="arrival"))
    assert other.id != row_claim().id


def test_create_hashes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    original = _assertions._assertion_id

    def counting(*args: object) -> ng.AssertionId:
        calls.append(args)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(_assertions, "_assertion_id", counting)
    row_claim()
    assert len(calls) == 1


def test_a_json_assertion_with_a_changed_key_field_is_refused() -> None:
    data = serialize.unstructure(row_claim())
    data["subject"] = "ua-9999"
    with pytest.raises(ng.SerializationError, match="content hash"):
        serialize.structure(data, ng.Assertion)


def test_unknown_predicates_are_refused_with_close_matches() -> None:
    with pytest.raises(ng.UnknownPredicateError, match="did you mean 'holds_office'"):
        ng.Vocabulary.builtin().spec("hold_office")


def test_a_declared_predicate_checks_its_value_type() -> None:
    spec = ng.PredicateSpec(
        name="departure",
        subjects={ng.SubjectKind.ANY},
        value_type=ng.ClockValue,
        cardinality=ng.Cardinality.ONE,
        description="scheduled departure time",
    )
    vocabulary = ng.Vocabulary.builtin().declare(spec)
    vocabulary.check(row_claim())
    with pytest.raises(ng.ModelError, match="a ClockValue for departure"):
        vocabulary.check(row_claim(value=ng.TextValue(text="gate 7")))
    with pytest.raises(ng.ModelError):
        vocabulary.declare(
            ng.PredicateSpec(
                name="departure",
                subjects={ng.SubjectKind.ANY},
                value_type=ng.TextValue,
                cardinality=ng.Cardinality.ONE,
            )
        )


@given(predicate_specs().flatmap(lambda spec: assertions(predicate=spec)))
def test_assertions_of_declared_predicates_round_trip(assertion: ng.Assertion) -> None:
    assert serialize.from_json(serialize.to_json(assertion), ng.Assertion) == assertion


def test_a_registry_resolves_names_without_a_corpus() -> None:
    registry = ng.Registry(
        actors=(
            ng.Person(
                id=ng.ActorId("volodymyr_zelenskyy"),
                name="Volodymyr Zelenskyy",
                aliases=frozenset({"Zelensky"}),
            ),
        ),
        events=(
            ng.Event(
                id=ng.EventId("talks"),
                name="The talks",
                kind=ng.EventKind.MEETING,
                delegations=(
                    ng.DelegationRef(
                        id=ng.DelegationId("talks_ukraine"),
                        party=ng.ActorId("volodymyr_zelenskyy"),
                        event=ng.EventId("talks"),
                    ),
                ),
            ),
        ),
    )
    assert registry.actor("Zelenskyy").name == "Volodymyr Zelenskyy"
    assert registry.label("talks_ukraine") == "Volodymyr Zelenskyy delegation (The talks)"
    assert registry.label("unknown_id") == "unknown_id"
    with pytest.raises(ng.UnknownNameError, match="talks_ukraine"):
        registry.delegation("talks_ukrain")


def test_a_registry_refuses_one_id_for_two_records() -> None:
    person = ng.Person(id=ng.ActorId("x"), name="X")
    with pytest.raises(ng.RegistryError, match="'x'"):
        ng.Registry(
            actors=(person,),
            places=(ng.Place(id=ng.PlaceId("x"), name="X", kind=ng.PlaceKind.CITY),),
        )


def test_reconcile_takes_bare_assertions_with_a_vocabulary() -> None:
    spec = ng.PredicateSpec(
        name="departure",
        subjects={ng.SubjectKind.ANY},
        value_type=ng.ClockValue,
        cardinality=ng.Cardinality.ONE,
    )
    claims = [
        row_claim(source=ng.SourceId(s), evidence=ng.RecordRef(dataset="f", record=s))
        for s in ("a", "b")
    ] + [
        row_claim(
            source=ng.SourceId("c"),
            value=clock("19:40", 19, 40),
            evidence=ng.RecordRef(dataset="f", record="c"),
        )
    ]
    rec = ng.reconcile(claims, vocabulary=ng.Vocabulary.builtin().declare(spec))
    (verdict,) = rec.verdicts
    assert verdict.status is ng.VerdictStatus.ACCEPTED
    assert verdict.value == clock("7:15 PM", 19, 15)
    with pytest.raises(ng.NegotiationsError, match="needs a registry"):
        _ = rec.meetings
