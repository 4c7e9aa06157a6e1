"""Messages a fuzzing pass found misleading, kept as cases: each says what is wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import negotiations as ng
from negotiations.claims import ColumnMappingError, Columns
from negotiations.errors import ModelError, RegistryError, UnknownNameError


@pytest.mark.parametrize(
    ("assignments", "constants", "message"),
    [
        (["source"], [], "'source': expected ROLE=COLUMN; source is given no column"),
        ([], ["predicate="], "'predicate=': expected ROLE=VALUE; predicate is given no value"),
        (["subjet=x"], [], "did you mean 'subject'"),
    ],
)
def test_a_mapping_error_says_what_the_assignment_lacks(
    assignments: list[str], constants: list[str], message: str
) -> None:
    with pytest.raises(ColumnMappingError) as info:
        Columns.parse(assignments, constants)
    assert message in str(info.value)
    assert "did you mean 'source'" not in str(info.value)


def test_a_precision_given_as_text_is_refused_not_read_as_a_day() -> None:
    with pytest.raises(ModelError, match="Precision"):
        ng.PartialDate.of(dt.date(2025, 5, 16), "year")  # type: ignore[arg-type]
    with pytest.raises(ModelError, match="a date or datetime"):
        ng.PartialDate.of("2025")  # type: ignore[arg-type]


def test_an_unknown_name_is_shown_cut_short() -> None:
    error = UnknownNameError("x" * 100_000, "actor")
    assert len(str(error)) < 400


def test_an_id_used_twice_reads_as_english() -> None:
    person = ng.Person(id=ng.ActorId("kyiv"), name="Kyiv")
    place = ng.Place(id=ng.PlaceId("kyiv"), name="Kyiv", kind=ng.model.PlaceKind.CITY)
    with pytest.raises(RegistryError, match="names an actor and a place"):
        ng.Registry(actors=(person,), places=(place,))


def test_validating_a_file_says_it_is_a_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a corpus")
    with pytest.raises(ng.CorpusValidationError, match="a file, not a corpus folder"):
        ng.load_corpus(path)
