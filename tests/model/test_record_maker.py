"""``Assertion.record_maker`` makes exactly what ``Assertion.create`` makes.

The maker checks what a table's rows share once and writes the rest of each row
straight into its slots; whatever the input, the outcome must be ``create``'s with
``evidence=RecordRef(dataset=..., record=..., field=..., retrieved=...)``: the same
assertion (``==`` and the same id) or the same error, type and message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiations as ng
from negotiations.serialize import from_json, to_json
from negotiations.testing import assertions
from tests.model.test_fast_paths import JUNK, _outcome

OUTLET, TALKS = ng.SourceId("outlet"), ng.EntityId("talks")
ROW = (
    "source",
    "subject",
    "predicate",
    "value",
    "modality",
    "record",
    "field",
    "asserted_at",
    "polarity",
)
SHARED = ("dataset", "retrieved", "qualifiers", "attribution")
#: What the rows share, in the common case: a dataset and nothing else.
PLAIN_SHARED: dict[str, Any] = {
    "dataset": "feed.csv",
    "retrieved": None,
    "qualifiers": None,
    "attribution": None,
}
ROW_JUNK: list[object] = [*JUNK, "r1", "value", "2025-05-16"]
SHARED_JUNK: list[object] = [
    None,
    "",
    " ",
    "feed.csv",
    3,
    dt.datetime(2025, 5, 16, 12, 0),
    dt.date(2025, 5, 16),
    ng.Qualifiers(),
    ng.Qualifiers(title="Minister"),
    ng.Attribution(),
    ng.Attribution(quoted=ng.ActorId("fidan")),
]


def _row_of(assertion: ng.Assertion, record: str, field: str | None) -> dict[str, Any]:
    return {
        "source": assertion.source,
        "subject": assertion.subject,
        "predicate": assertion.predicate,
        "value": assertion.value,
        "modality": assertion.modality,
        "record": record,
        "field": field,
        "asserted_at": assertion.asserted_at,
        "polarity": assertion.polarity,
    }


def _created(shared: dict[str, Any], row: dict[str, Any]) -> ng.Assertion:
    """What ``create`` makes of the same fields: the meaning the maker must keep."""
    return ng.Assertion.create(
        source=row["source"],
        subject=row["subject"],
        predicate=row["predicate"],
        value=row["value"],
        evidence=ng.RecordRef(
            dataset=shared["dataset"],
            record=row["record"],
            field=row["field"],
            retrieved=shared["retrieved"],
        ),
        modality=row["modality"],
        polarity=row["polarity"],
        qualifiers=shared["qualifiers"],
        attribution=shared["attribution"],
        asserted_at=row["asserted_at"],
    )


def _made(shared: dict[str, Any], row: dict[str, Any]) -> ng.Assertion:
    make = ng.Assertion.record_maker(
        shared["dataset"],
        retrieved=shared["retrieved"],
        qualifiers=shared["qualifiers"],
        attribution=shared["attribution"],
    )
    return make(
        row["source"],
        row["subject"],
        row["predicate"],
        row["value"],
        row["modality"],
        row["record"],
        row["field"],
        row["asserted_at"],
        row["polarity"],
    )


@given(
    assertions(),
    st.text(min_size=1).filter(str.strip),
    st.none() | st.text(min_size=1).filter(str.strip),
)
def test_the_maker_makes_what_create_makes(
    assertion: ng.Assertion, record: str, field: str | None
) -> None:
    shared = {
        "dataset": "feed.csv",
        "retrieved": None,
        "qualifiers": assertion.qualifiers,
        "attribution": assertion.attribution,
    }
    row = _row_of(assertion, record, field)
    made = _made(shared, row)
    created = _created(shared, row)
    assert made == created
    assert made.id == created.id == made.content_id()
    assert type(made) is ng.Assertion
    assert type(made.evidence) is ng.RecordRef
    assert from_json(to_json(made), ng.Assertion) == made  # it loads back as itself


@given(
    assertions(),
    st.dictionaries(st.sampled_from(ROW), st.sampled_from(ROW_JUNK), max_size=3),
    st.dictionaries(st.sampled_from(SHARED), st.sampled_from(SHARED_JUNK), max_size=2),
)
def test_the_maker_and_create_agree_on_any_input(
    assertion: ng.Assertion, row_junk: dict[str, object], shared_junk: dict[str, object]
) -> None:
    shared: dict[str, Any] = {**PLAIN_SHARED, **shared_junk}
    row = {**_row_of(assertion, "r1", "value"), **row_junk}
    assert _outcome(lambda: _made(shared, row)) == _outcome(lambda: _created(shared, row))


def test_a_maker_is_used_row_after_row_with_the_shared_parts_written_once() -> None:
    make = ng.Assertion.record_maker("feed.csv", qualifiers=ng.Qualifiers(title="Minister"))
    value = ng.ActorValue(actor=ng.ActorId("fidan"))
    rows = [
        (ng.SourceId(f"outlet-{i % 3}"), ng.EntityId("istanbul-talks"), f"r{i}") for i in range(30)
    ]
    made = [make(s, e, "chair", value, ng.Modality.REPORTED, r, "chair") for s, e, r in rows]
    assert len({a.id for a in made}) == 30  # the record is part of each id
    assert {a.qualifiers for a in made} == {ng.Qualifiers(title="Minister")}
    assert {a.evidence for a in made} == {
        ng.RecordRef(dataset="feed.csv", record=f"r{i}", field="chair") for i in range(30)
    }
    s, e, r = rows[4]
    again = make(s, e, "chair", value, ng.Modality.REPORTED, r, "chair")
    assert again == made[4]  # the same row, the same assertion


def test_a_denial_without_negative_polarity_is_refused_as_create_refuses_it() -> None:
    make = ng.Assertion.record_maker("feed.csv")
    value = ng.ActorValue(actor=ng.ActorId("fidan"))
    with pytest.raises(ng.ModelError, match="negative for a denial"):
        make(OUTLET, TALKS, "chair", value, ng.Modality.DENIED, "r1", "chair")
    denied = make(
        OUTLET,
        TALKS,
        "chair",
        value,
        ng.Modality.DENIED,
        "r1",
        "chair",
        None,
        ng.Polarity.NEGATIVE,
    )
    assert not denied.is_positive


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"record": ""}, "RecordRef.record: expected a non-empty string"),
        ({"record": "   "}, "RecordRef.record: expected a non-empty string"),
        ({"field": " "}, "RecordRef.field: expected a non-empty string"),
        ({"source": "Bad Id"}, "Assertion.source: expected an id matching"),
        ({"predicate": "Not A Predicate"}, "Assertion.predicate: expected a predicate name"),
        ({"value": ng.PlaceValue(place=ng.PlaceId("x"))}, "expected a ActorValue for chair"),
        ({"asserted_at": dt.date(2025, 5, 16)}, "Assertion.asserted_at: expected a PartialDate"),
        ({"polarity": True}, "Assertion.polarity: expected a Polarity"),
    ],
)
def test_bad_rows_are_refused_as_create_refuses_them(
    changes: dict[str, object], message: str
) -> None:
    shared = PLAIN_SHARED
    good = {
        "source": "outlet",
        "subject": "talks",
        "predicate": "chair",
        "value": ng.ActorValue(actor=ng.ActorId("fidan")),
        "modality": ng.Modality.REPORTED,
        "record": "r1",
        "field": "chair",
        "asserted_at": None,
        "polarity": ng.Polarity.POSITIVE,
    }
    _made(shared, good)  # every id known: the fast path
    with pytest.raises(ng.ModelError) as raised:
        _made(shared, {**good, **changes})
    assert message in str(raised.value)
    assert _outcome(lambda: _made(shared, {**good, **changes})) == _outcome(
        lambda: _created(shared, {**good, **changes})
    )


@pytest.mark.parametrize("polarity", list(ng.Polarity))
def test_the_polarity_is_part_of_the_id(polarity: ng.Polarity) -> None:
    make = ng.Assertion.record_maker("feed.csv")
    value = ng.ActorValue(actor=ng.ActorId("fidan"))
    made = make(OUTLET, TALKS, "chair", value, ng.Modality.REPORTED, "r1", "chair", None, polarity)
    assert made.polarity is polarity
    assert made.id == made.content_id()
