"""Hostile rows and arguments for the in-memory table readers (``from_rows``,
``from_arrow``): each gets a library error or a row problem naming its place, never a
bare Python exception, and nothing is lost without being counted."""

from __future__ import annotations

import decimal
from typing import Any

import pytest

from negotiations.claims import (
    ClaimsError,
    ClaimsValidationError,
    ColumnMappingError,
    Columns,
    Constant,
    from_arrow,
    from_rows,
)

BY_POSITION = Columns(source=0, subject=1, predicate=2, value=3)
GOOD = ("TASS", "Istanbul talks", "city", "Istanbul")


def problems(rows: list[Any], **options: Any) -> list[tuple[int, str]]:
    with pytest.raises(ClaimsValidationError) as info:
        from_rows(rows, BY_POSITION, dataset="t", **options)
    return [(p.row, p.column) for p in info.value.problems]


@pytest.mark.parametrize(
    "bad",
    ["ABCD", b"ABCD", None, 5, {"a", "b", "c", "d"}, {"source": "TASS"}],
    ids=["a string", "bytes", "None", "a number", "a set", "a mapping among tuples"],
)
def test_a_row_of_another_kind_is_a_problem_of_that_row(bad: Any) -> None:
    assert problems([GOOD, bad, GOOD]) == [(2, "(row)")]
    skipped = from_rows([GOOD, bad, GOOD], BY_POSITION, dataset="t", on_error="skip")
    assert (skipped.rows, len(skipped.skipped)) == (3, 1)


def test_a_tuple_among_mappings_is_a_problem_of_that_row() -> None:
    names = Columns(source="s", subject="t", predicate="p", value="v")
    row = {"s": "TASS", "t": "talks", "p": "city", "v": "Istanbul"}
    with pytest.raises(ClaimsValidationError, match="mapping column names") as info:
        from_rows([row, GOOD], names, dataset="t")
    assert [(p.row, p.column) for p in info.value.problems] == [(2, "(row)")]


@pytest.mark.parametrize(
    ("cell", "column"),
    [("Istan\x00bul", "3"), ("Istan\udcffbul", "3"), ("TA\x00SS", "0")],
    ids=["NUL in a value", "lone surrogate in a value", "NUL in a source"],
)
def test_text_no_output_can_hold_is_refused_at_its_cell(cell: str, column: str) -> None:
    row = (*GOOD[:3], cell) if column == "3" else (cell, *GOOD[1:])
    assert problems([row]) == [(1, column)]


def test_a_record_name_no_output_can_hold_is_refused_at_its_cell() -> None:
    with pytest.raises(ClaimsValidationError, match="lone surrogates") as info:
        from_rows(
            [(*GOOD, "r\udcff")],
            Columns(source=0, subject=1, predicate=2, value=3, record=4),
            dataset="t",
        )
    assert [(p.row, p.column) for p in info.value.problems] == [(1, "4")]


def test_a_number_too_long_to_write_is_a_bad_cell() -> None:
    assert problems([(*GOOD[:3], 10**5000)]) == [(1, "3")]


@pytest.mark.parametrize(
    "nan", [decimal.Decimal("NaN"), float("nan")], ids=["Decimal NaN", "float NaN"]
)
def test_not_a_number_of_any_type_is_a_missing_value(nan: object) -> None:
    claims = from_rows([(*GOOD[:3], nan), GOOD], BY_POSITION, dataset="t")
    assert (len(claims.assertions), claims.missing) == (1, 1)


def test_numpy_nan_is_a_missing_value() -> None:
    np = pytest.importorskip("numpy")
    claims = from_rows([(*GOOD[:3], np.float32("nan")), GOOD], BY_POSITION, dataset="t")
    assert (len(claims.assertions), claims.missing) == (1, 1)


def test_one_missing_text_given_alone_is_that_text() -> None:
    claims = from_rows(
        [(*GOOD[:3], "n/a"), (*GOOD[:3], "a")], BY_POSITION, dataset="t", missing="n/a"
    )
    assert (claims.missing, [a.value.label() for a in claims.assertions]) == (1, ["a"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"missing": [None]}, "missing: expected texts"),
        ({"vocabulary": "x"}, "vocabulary: expected a Vocabulary"),
        ({"parsers": [1]}, "parsers: expected a mapping"),
        ({"parsers": {"city": 5}}, "parsers: expected a mapping"),
        ({"dataset": ""}, "dataset: expected a name"),
        ({"dataset": "t\x00"}, "dataset: expected a name"),
    ],
)
def test_arguments_of_the_wrong_kind_are_refused_by_name(
    options: dict[str, Any], message: str
) -> None:
    arguments: dict[str, Any] = {"dataset": "t", **options}
    with pytest.raises(ColumnMappingError, match=message):
        from_rows([GOOD], BY_POSITION, **arguments)


@pytest.mark.parametrize(
    "make",
    [
        lambda: Constant(None),  # type: ignore[arg-type]
        lambda: Constant(""),
        lambda: Columns(source=True, subject=1, predicate=2, value=3),
        lambda: Columns(source=0, subject=1, values=[("city", 3)]),  # type: ignore[arg-type]
        lambda: Columns(source=0, subject=1, values="abc"),  # type: ignore[arg-type]
        lambda: Columns(source=0, subject=1, values={"city": 1.5}),  # type: ignore[dict-item]
    ],
    ids=[
        "Constant(None)",
        "Constant('')",
        "True as a position",
        "values as a list",
        "values as a string",
        "a fractional position",
    ],
)
def test_a_mapping_of_the_wrong_kind_is_refused_when_made(make: Any) -> None:
    with pytest.raises(ColumnMappingError):
        make()


def test_an_unmapped_arrow_column_python_cannot_hold_does_not_spoil_the_read() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.table(
        {
            "source": ["TASS"],
            "subject": ["talks"],
            "predicate": ["city"],
            "value": ["Istanbul"],
            "junk": pa.array([2**62], pa.timestamp("s")),
        }
    )
    assert len(from_arrow(table, dataset="d").assertions) == 1
    mapped = Columns(source="source", subject="subject", predicate="predicate", value="junk")
    with pytest.raises(ClaimsError, match="column 'junk'"):
        from_arrow(table, mapped, dataset="d")
