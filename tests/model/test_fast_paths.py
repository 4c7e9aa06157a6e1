"""``Assertion.create``'s fast path gives exactly what the validating constructor gives.

``create`` builds the common case (exact types, ids already found well-formed) without
attrs' per-field validator calls; everything else goes through the attrs-generated
``Assertion(...)``. Whatever the input, the two must agree: the same assertion (``==``
and the same id) or the same error, type and message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiations as ng
from negotiations.testing import assertions, record_refs
from tests.model._build import ANCHOR, chair_assertion

FIELDS = tuple(f.name for f in attrs.fields(ng.Assertion) if f.name != "id")


class _Name(str):
    """A str subclass: well-formed, but not a plain str (the fast path leaves it alone)."""


class _Assertion(ng.Assertion):
    """A subclass with a rule of its own: ``create`` must build one through its constructor."""

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.modality is ng.Modality.SPECULATED:
            raise ng.ModelError("_Assertion", "modality", self.modality, "no speculation")


#: Values that are wrong for most fields and right for some: each test swaps a few in.
JUNK: list[object] = [
    None,
    "",
    "   ",
    "Bad Id",
    "chair",
    "departure",
    "unseen-id-for-the-fast-path",
    _Name("named"),
    ng.Predicate.CHAIR,
    3,
    True,
    1.5,
    b"bytes",
    ng.Modality.DENIED,
    ng.Modality.REPORTED,
    ng.Polarity.POSITIVE,
    ng.Polarity.NEGATIVE,
    ng.Qualifiers(),
    ng.Qualifiers(title="Minister"),
    ng.Attribution(),
    ANCHOR,
    ng.RecordRef(dataset="t.csv", record="1"),
    ng.ActorValue(actor=ng.ActorId("fidan")),
    ng.PlaceValue(place=ng.PlaceId("istanbul")),
    ng.PartialDate.of(dt.date(2025, 5, 16)),
    dt.date(2025, 5, 16),
    "a note",
]


def _fields(assertion: ng.Assertion) -> dict[str, Any]:
    return {name: getattr(assertion, name) for name in FIELDS}


def _outcome(build: Callable[[], object]) -> tuple[object, ...]:
    try:
        made = build()
    except Exception as error:  # the error itself is what is compared
        return ("error", type(error), str(error))
    return ("made", type(made), made, getattr(made, "id", None))


def _general(cls: type[ng.Assertion], fields: dict[str, Any]) -> ng.Assertion:
    """The validating path: the attrs-generated constructor, with ``create``'s defaults."""
    given_fields = dict(fields)
    if given_fields.get("qualifiers") is None:
        given_fields["qualifiers"] = ng.Qualifiers()
    if given_fields.get("attribution") is None:
        given_fields["attribution"] = ng.Attribution()
    return cls(**given_fields)


@given(assertions())
def test_create_gives_the_assertion_the_validating_constructor_gives(
    assertion: ng.Assertion,
) -> None:
    fields = _fields(assertion)
    made = ng.Assertion.create(**fields)
    assert made == ng.Assertion(**fields) == assertion
    assert made.id == assertion.id
    assert type(made) is ng.Assertion


@given(
    assertions(),
    st.dictionaries(st.sampled_from(FIELDS), st.sampled_from(JUNK), max_size=3),
    st.sampled_from([ng.Assertion, _Assertion]),
)
def test_create_and_the_validating_constructor_agree_on_any_input(
    assertion: ng.Assertion, junk: dict[str, object], cls: type[ng.Assertion]
) -> None:
    fields = {**_fields(assertion), **junk}
    assert _outcome(lambda: cls.create(**fields)) == _outcome(lambda: _general(cls, fields))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"source": "Bad Id"}, "Assertion.source: expected an id matching"),
        ({"source": 3}, "Assertion.source: expected an id matching"),
        ({"subject": ""}, "Assertion.subject: expected an id matching"),
        ({"predicate": "Not A Predicate"}, "Assertion.predicate: expected a predicate name"),
        ({"predicate": None}, "Assertion.predicate: expected a predicate name"),
        ({"value": "fidan"}, "Assertion.value: expected an assertion value"),
        (
            {"predicate": "departure", "value": "fidan"},
            "Assertion.value: expected an assertion value",
        ),
        ({"value": ng.PlaceValue(place=ng.PlaceId("x"))}, "expected a ActorValue for chair"),
        ({"evidence": "doc"}, "Assertion.evidence: expected a TextAnchor or RecordRef"),
        ({"modality": "reported"}, "Assertion.modality: expected a Modality"),
        ({"polarity": True}, "Assertion.polarity: expected a Polarity"),
        ({"qualifiers": ng.Attribution()}, "Assertion.qualifiers: expected a Qualifiers"),
        ({"attribution": ng.Qualifiers()}, "Assertion.attribution: expected a Attribution"),
        ({"asserted_at": dt.date(2025, 5, 16)}, "Assertion.asserted_at: expected a PartialDate"),
        ({"note": "  "}, "Assertion.note: expected a non-empty string"),
        ({"modality": ng.Modality.DENIED}, "Assertion.polarity: expected negative for a denial"),
    ],
)
def test_bad_input_to_create_raises_the_model_error_it_always_raised(
    changes: dict[str, object], message: str
) -> None:
    good = _fields(chair_assertion())
    ng.Assertion.create(**{**good, "predicate": "departure"})  # all ids known: the fast path
    with pytest.raises(ng.ModelError) as raised:
        ng.Assertion.create(**{**good, **changes})
    assert message in str(raised.value)
    with pytest.raises(ng.ModelError) as general:
        _general(ng.Assertion, {**good, **changes})
    assert str(raised.value) == str(general.value)


def test_well_formed_input_is_built_without_the_validating_constructor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = chair_assertion()  # finds the ids well-formed
    calls: list[object] = []
    original = ng.Assertion.__init__

    def counting(self: ng.Assertion, **fields: Any) -> None:
        calls.append(fields)
        original(self, **fields)

    monkeypatch.setattr(ng.Assertion, "__init__", counting)
    again = chair_assertion()
    assert calls == []
    assert again == first
    assert again.id == first.id
    # Ids and predicate names never seen before are matched on the fast path too.
    unseen = chair_assertion(
        source=ng.SourceId("fast-path-source"),
        subject=ng.EntityId("fast-path-subject"),
        predicate="fast_path_predicate",
    )
    assert calls == []
    monkeypatch.undo()
    fields = _fields(unseen)
    assert unseen == ng.Assertion(**fields)
    monkeypatch.setattr(ng.Assertion, "__init__", counting)
    with pytest.raises(ng.ModelError):
        chair_assertion(source="Bad Id")
    assert len(calls) == 1  # bad input went through the validating constructor


def test_create_without_qualifiers_or_attribution_shares_one_empty_instance() -> None:
    a, b = chair_assertion(), chair_assertion(subject=ng.EntityId("another"))
    assert a.qualifiers == ng.Qualifiers()
    assert a.attribution == ng.Attribution()
    assert a.qualifiers is b.qualifiers
    assert a.attribution is b.attribution


def test_every_way_of_making_an_assertion_shares_the_empty_instances() -> None:
    """The constructor and JSON loading too: a million loaded assertions do not hold a
    million empty qualifiers (nor fill the content-id cache with them)."""
    made = chair_assertion()
    direct = ng.Assertion(
        **{f: getattr(made, f) for f in FIELDS if f not in ("qualifiers", "attribution")},
    )
    given_empty = attrs.evolve(made, qualifiers=ng.Qualifiers(), attribution=ng.Attribution())
    loaded = ng.from_json(ng.to_json(made), ng.Assertion)
    for other in (direct, given_empty, loaded):
        assert other == made
        assert other.qualifiers is made.qualifiers
        assert other.attribution is made.attribution
    titled = attrs.evolve(made, qualifiers=ng.Qualifiers(title="Minister"), id=ng.AssertionId(""))
    assert titled.qualifiers is not made.qualifiers
    with pytest.raises(ng.ModelError, match="qualifiers"):
        attrs.evolve(made, qualifiers="Minister")


def test_a_subclass_is_built_by_its_own_constructor() -> None:
    made = _Assertion.create(**_fields(chair_assertion()))
    assert type(made) is _Assertion
    assert made.id == chair_assertion().id
    with pytest.raises(ng.ModelError, match="no speculation"):
        _Assertion.create(**_fields(chair_assertion(modality=ng.Modality.SPECULATED)))


#: Values for a RecordRef's fields: right for some, wrong for others.
RECORD_JUNK: list[object] = [
    None,
    "",
    "  ",
    "t.csv",
    "17",
    _Name("named"),
    ng.Predicate.DATE,
    17,
    False,
    dt.datetime(2025, 5, 17, 9, 30),
    dt.date(2025, 5, 17),
]
RECORD_FIELDS = tuple(f.name for f in attrs.fields(ng.RecordRef))


def _validated_record_ref(**fields: Any) -> ng.RecordRef:
    """The attrs-generated constructor (every field's validator), which
    ``RecordRef.__init__`` hands anything but plain strings and datetimes to."""
    ref = object.__new__(ng.RecordRef)
    ref.__attrs_init__(**fields)
    return ref


@given(
    record_refs(),
    st.dictionaries(st.sampled_from(RECORD_FIELDS), st.sampled_from(RECORD_JUNK), max_size=2),
)
def test_a_record_ref_is_what_the_validating_constructor_makes_of_any_input(
    ref: ng.RecordRef, junk: dict[str, object]
) -> None:
    fields = {**{name: getattr(ref, name) for name in RECORD_FIELDS}, **junk}
    made = _outcome(lambda: ng.RecordRef(**fields))
    assert made == _outcome(lambda: _validated_record_ref(**fields))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"dataset": "  "}, "RecordRef.dataset: expected a non-empty string, found '  '"),
        ({"record": 17}, "RecordRef.record: expected a non-empty string, found 17"),
        ({"record": " "}, "RecordRef.record: expected a non-empty string, found ' '"),
        ({"field": ""}, "RecordRef.field: expected a non-empty string, found ''"),
        ({"retrieved": dt.date(2025, 5, 17)}, "RecordRef.retrieved: expected a datetime"),
    ],
)
def test_a_bad_record_ref_raises_the_model_error_it_always_raised(
    changes: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {"dataset": "t.csv", "record": "17", "field": "date"}
    with pytest.raises(ng.ModelError) as raised:
        ng.RecordRef(**{**fields, **changes})  # type: ignore[arg-type]
    assert message in str(raised.value)
    with pytest.raises(ng.ModelError) as validated:
        _validated_record_ref(**{**fields, **changes})
    assert str(raised.value) == str(validated.value)


def test_evolving_a_record_ref_still_validates() -> None:
    ref = ng.RecordRef(dataset="t.csv", record="17")
    assert attrs.evolve(ref, field="date") == ng.RecordRef(
        dataset="t.csv", record="17", field="date"
    )
    with pytest.raises(ng.ModelError, match=r"RecordRef\.field"):
        attrs.evolve(ref, field=" ")


def test_an_enum_member_in_a_record_field_is_the_plain_string_it_equals() -> None:
    """``field=Predicate.CITY`` once hashed the member's repr: the assertion differed
    from the same one built with ``"city"`` and did not load back from its own JSON."""
    from negotiations.model import RecordRef

    def made(field: str) -> ng.Assertion:
        return ng.Assertion.create(
            source=ng.SourceId("s"),
            subject=ng.EntityId("talks"),
            predicate=ng.Predicate.CITY,
            value=ng.PlaceValue(place=ng.PlaceId("istanbul")),
            evidence=RecordRef(dataset="d", record="1", field=field),
            modality=ng.Modality.REPORTED,
        )

    member, plain = made(ng.Predicate.CITY), made("city")
    assert type(member.evidence.field) is str  # type: ignore[union-attr]
    assert member == plain
    assert member.id == plain.id
    assert ng.from_json(ng.to_json(member), ng.Assertion) == member
