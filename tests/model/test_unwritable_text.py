"""Text no UTF-8 output can hold (a lone surrogate) is refused where a model object is
made, as ``from_json`` and the readers refuse it: before, it was accepted and an export
(``to_jsonl``) failed part-way through its file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import negotiations as ng
from negotiations.errors import ModelError
from negotiations.model import RecordRef, TextValue

LONE = "\udcff"


@pytest.mark.parametrize(
    "make",
    [
        lambda: TextValue(text=f"x{LONE}"),
        lambda: ng.Person(id=ng.ActorId("a"), name=f"A{LONE}"),
        lambda: RecordRef(dataset=f"d{LONE}", record="1"),
        lambda: RecordRef(dataset="d", record=f"r{LONE}"),
        lambda: RecordRef(dataset="d", record="1", field=f"f{LONE}"),
    ],
    ids=["text value", "person name", "dataset", "record", "field"],
)
def test_a_lone_surrogate_is_refused_when_made(make: Callable[[], object]) -> None:
    with pytest.raises(ModelError, match="lone surrogates"):
        make()


def test_a_record_maker_refuses_what_create_refuses() -> None:
    make = ng.Assertion.record_maker("d")
    with pytest.raises(ModelError, match="lone surrogates"):
        make(
            ng.SourceId("s"),
            ng.EntityId("t"),
            "city",
            ng.PlaceValue(place=ng.PlaceId("kyiv")),
            ng.Modality.REPORTED,
            f"r{LONE}",
            None,
        )
    with pytest.raises(ModelError, match="lone surrogates"):
        ng.Assertion.record_maker(f"d{LONE}")(
            ng.SourceId("s"),
            ng.EntityId("t"),
            "city",
            ng.PlaceValue(place=ng.PlaceId("kyiv")),
            ng.Modality.REPORTED,
            "r",
            None,
        )


def test_text_beyond_ascii_is_kept() -> None:
    assert RecordRef(dataset="données", record="é").record == "é"
    assert TextValue(text="Dolmabahçe").text == "Dolmabahçe"
