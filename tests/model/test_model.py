"""The model: immutable, validated with the library's own errors, lossless through JSON."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiations as ng
from negotiations import serialize
from negotiations.testing import (
    actors,
    assertions,
    date_ranges,
    delegation_refs,
    delegations,
    documents,
    durations,
    events,
    meetings,
    model_objects,
    office_terms,
    offices,
    partial_dates,
    places,
    positions,
    publication_dates,
    sources,
    text_anchors,
    time_expressions,
)
from tests.model._build import ANCHOR, chair_assertion

STRATEGIES: dict[str, tuple[st.SearchStrategy[Any], Any]] = {
    "Actor": (actors(), ng.Actor),
    "Place": (places(), ng.Place),
    "Office": (offices(), ng.Office),
    "OfficeTerm": (office_terms(), ng.OfficeTerm),
    "Event": (events(), ng.Event),
    "DelegationRef": (delegation_refs(), ng.DelegationRef),
    "Delegation": (delegations(), ng.Delegation),
    "Meeting": (meetings(), ng.Meeting),
    "Position": (positions(), ng.Position),
    "Source": (sources(), ng.Source),
    "PublicationDate": (publication_dates(), ng.PublicationDate),
    "Document": (documents(), ng.Document),
    "TextAnchor": (text_anchors(), ng.TextAnchor),
    "Assertion": (assertions(), ng.Assertion),
    "Duration": (durations(), ng.Duration),
    "PartialDate": (partial_dates(), ng.PartialDate),
    "DateRange": (date_ranges(), ng.DateRange),
    "TimeExpression": (time_expressions(), ng.TimeExpression),
}


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_json_round_trip_is_lossless(name: str) -> None:
    strategy, cls = STRATEGIES[name]

    @given(strategy)
    def law(obj: Any) -> None:
        data = serialize.unstructure(obj, cls)
        assert serialize.structure(data, cls) == obj
        text = json.dumps(data, sort_keys=True)
        assert serialize.structure(json.loads(text), cls) == obj
        assert serialize.from_json(serialize.to_json(obj, as_type=cls), cls) == obj

    law()


@given(model_objects())
def test_every_model_object_is_immutable(obj: Any) -> None:
    field = attrs.fields(type(obj))[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(obj, field.name, getattr(obj, field.name))


@given(model_objects())
def test_every_model_object_is_hashable_and_equal_to_its_copy(obj: Any) -> None:
    assert hash(obj) == hash(attrs.evolve(obj))
    assert obj == attrs.evolve(obj)


BAD_VALUES: list[tuple[str, Callable[[], object], str]] = [
    ("Person", lambda: ng.Person(id=ng.ActorId("Bad Id"), name="x"), "id"),
    ("Person", lambda: ng.Person(id=ng.ActorId("p"), name="  "), "name"),
    ("Person", lambda: ng.Person(id=ng.ActorId("p"), name="x", aliases=["a"]), "aliases"),  # type: ignore[arg-type]
    (
        "Organization",
        lambda: ng.Organization(id=ng.ActorId("o"), name="x", kind="ministry"),  # type: ignore[arg-type]
        "kind",
    ),
    ("Place", lambda: ng.Place(id=ng.PlaceId("p"), name="x", kind="town"), "kind"),  # type: ignore[arg-type]
    (
        "Office",
        lambda: ng.Office(
            id=ng.OfficeId("o"),
            name="x",
            organization=ng.ActorId("a"),
            single_holder=1,  # type: ignore[arg-type]
        ),
        "single_holder",
    ),
    ("PartialDate", lambda: ng.PartialDate(year=2025, month=13), "month"),
    ("PartialDate", lambda: ng.PartialDate(year=2025, month=2, day=30), "day"),
    ("PartialDate", lambda: ng.PartialDate(year=2025, day=3), "precision"),
    (
        "DateRange",
        lambda: ng.DateRange(start=ng.PartialDate(year=2025), end=ng.PartialDate(year=2024)),
        "end",
    ),
    ("Duration", lambda: ng.Duration(), "components"),
    ("Duration", lambda: ng.Duration(days=-1), "days"),
    (
        "TextAnchor",
        lambda: ng.TextAnchor(document=ng.DocumentId("d"), exact="abc", start=0, end=2),
        "end",
    ),
    (
        "Document",
        lambda: ng.Document(
            id=ng.DocumentId("d"),
            source=ng.Source(id=ng.SourceId("d")),
            text="t",
            checksum="sha256:0",
        ),
        "checksum",
    ),
    (
        "PublicationDate",
        lambda: ng.PublicationDate(value=ng.PartialDate(year=2025), basis=ng.DateBasis.INFERRED),
        "evidence",
    ),
    ("Meeting", lambda: ng.Meeting(id=ng.EventId("m"), name="m", participants=[]), "participants"),  # type: ignore[arg-type]
    (
        "Assertion",
        lambda: ng.Assertion.create(
            source=ng.SourceId("doc"),
            subject=ng.EntityId("e"),
            predicate=ng.Predicate.DATE,
            value=ng.ActorValue(actor=ng.ActorId("a")),
            evidence=ANCHOR,
            modality=ng.Modality.REPORTED,
        ),
        "value",
    ),
    (
        "Assertion",
        lambda: ng.Assertion.create(
            source=ng.SourceId("doc"),
            subject=ng.EntityId("e"),
            predicate=ng.Predicate.PARTICIPANT,
            value=ng.ActorValue(actor=ng.ActorId("a")),
            evidence=ANCHOR,
            modality=ng.Modality.DENIED,
        ),
        "polarity",
    ),
]


@pytest.mark.parametrize(("cls_name", "make", "field"), BAD_VALUES)
def test_bad_values_raise_model_error_naming_the_field(
    cls_name: str, make: Callable[[], object], field: str
) -> None:
    with pytest.raises(ng.ModelError) as raised:
        make()
    assert raised.value.cls_name == cls_name
    assert raised.value.field == field
    assert f"{cls_name}.{field}" in str(raised.value)
    assert isinstance(raised.value, ng.NegotiationsError)


def test_assertion_id_is_a_content_hash_of_its_key_fields() -> None:
    base = chair_assertion()
    assert chair_assertion().id == base.id
    # modality is not a key field
    assert chair_assertion(modality=ng.Modality.EXPECTED).id == base.id
    assert chair_assertion(value=ng.ActorValue(actor=ng.ActorId("other"))).id != base.id
    assert chair_assertion(polarity=ng.Polarity.NEGATIVE).id != base.id
    assert chair_assertion(source=ng.SourceId("other")).id != base.id


def test_assertion_ids_are_stable_across_versions() -> None:
    # Ids are kept in users' files and cited by verdicts: these values must never change.
    quote = ng.TextAnchor(document=ng.DocumentId("doc"), exact="Fidan chaired", start=4, end=17)
    chair = ng.ActorValue(actor=ng.ActorId("fidan"))
    reported = ng.Assertion.create(
        source=ng.SourceId("doc"),
        subject=ng.EntityId("meeting"),
        predicate=ng.Predicate.CHAIR,
        value=chair,
        evidence=quote,
        modality=ng.Modality.REPORTED,
    )
    denied = ng.Assertion.create(
        source=ng.SourceId("doc"),
        subject=ng.EntityId("meeting"),
        predicate="chair",
        value=chair,
        evidence=quote,
        modality=ng.Modality.DENIED,
        polarity=ng.Polarity.NEGATIVE,
        qualifiers=ng.Qualifiers(
            title="Foreign Minister", timing=ng.TitleTiming.FORMER, complete=True
        ),
    )
    day = ng.PartialDate.of(dt.date(2025, 5, 16))
    row = ng.Assertion.create(
        source=ng.SourceId("feed"),
        subject=ng.EntityId("ev1"),
        predicate="date",
        value=ng.DateValue(expression=ng.TimeExpression(text="on 2025-05-16", value=day)),
        evidence=ng.RecordRef(
            dataset="feed.csv",
            record="r7",
            field="date",
            retrieved=dt.datetime(2025, 5, 17, 9, 30),
        ),
        modality=ng.Modality.EXPECTED,
        asserted_at=ng.PartialDate.of(dt.date(2025, 5, 1)),
        note="a note",
    )
    assert reported.id == "a-4276b036af3a827cd33dc15bf0a5666a"
    assert denied.id == "a-4f6843fd9d93272b998f4d2b7c018925"
    assert row.id == "a-451f3a05934ef5053887943bc0f68454"


def test_assertion_with_a_forged_id_is_rejected() -> None:
    base = chair_assertion()
    with pytest.raises(ng.ModelError, match="content hash"):
        attrs.evolve(base, id=ng.AssertionId("a-forged"))


def test_structuring_rejects_unknown_keys_naming_the_path() -> None:
    data = serialize.unstructure(chair_assertion())
    data["qualifiers"]["titel"] = "typo"
    with pytest.raises(ng.SerializationError) as raised:
        serialize.structure(data, ng.Assertion)
    assert "titel" in str(raised.value)
    assert "qualifiers" in str(raised.value)


def test_structuring_reports_model_errors_in_the_libraries_words() -> None:
    data = serialize.unstructure(ng.Person(id=ng.ActorId("p"), name="P"), ng.Actor)
    data["id"] = "Not An Id"
    with pytest.raises(ng.SerializationError, match=r"Person\.id"):
        serialize.structure(data, ng.Actor)


def test_actors_round_trip_through_the_tagged_union() -> None:
    state = ng.State(id=ng.ActorId("turkey"), name="Türkiye", aliases=frozenset({"Turkey"}))
    data = serialize.unstructure(state, ng.Actor)
    assert data["type"] == "State"
    assert serialize.structure(data, ng.Actor) == state


@given(partial_dates())
def test_partial_date_iso_round_trip(date: ng.PartialDate) -> None:
    assert ng.PartialDate.parse(date.isoformat()) == date
    start, end = date.span()
    assert start < end


@given(date_ranges())
def test_date_range_start_never_after_end(value: ng.DateRange) -> None:
    start, end = value.span()
    assert start < end
    assert ng.DateRange.parse(value.isoformat()) == value


@given(durations(), durations())
def test_duration_containment_implies_overlap(a: ng.Duration, b: ng.Duration) -> None:
    assert a.overlaps(a)
    if a.contains(b):
        assert a.overlaps(b)
        assert b.overlaps(a)


def test_meeting_date_is_a_calendar_date_only_when_known_to_the_day() -> None:
    day = ng.Meeting(id=ng.EventId("m"), name="M", when=ng.PartialDate(year=2025, month=5, day=16))
    month = ng.Meeting(id=ng.EventId("m"), name="M", when=ng.PartialDate(year=2025, month=5))
    assert day.date == dt.date(2025, 5, 16)
    assert month.date is None
