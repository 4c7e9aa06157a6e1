"""Default cell parsers, the column-mapping syntax, and the id folding law."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiations.claims import (
    ColumnMappingError,
    Columns,
    Constant,
    from_rows,
    normalise_id,
    parse_clock,
    parse_date,
    parse_quantity,
)
from negotiations.model import PartialDate
from negotiations.model._ids import ID_PATTERN


@given(st.text())
def test_normalised_ids_match_the_model_pattern_or_are_empty(raw: str) -> None:
    ident = normalise_id(raw)
    assert ident == "" or ID_PATTERN.fullmatch(ident)


@given(st.text())
def test_normalising_an_id_twice_changes_nothing(raw: str) -> None:
    assert normalise_id(normalise_id(raw)) == normalise_id(raw)


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_names_differing_only_in_case_are_one_id(raw: str) -> None:
    assert normalise_id(raw.upper()) == normalise_id(raw.lower())


def test_normalisation_examples_from_the_docs() -> None:
    assert normalise_id("AA-1007-TPA-MIA") == "aa-1007-tpa-mia"
    assert normalise_id("Powell's  Books") == "powell-s-books"
    assert normalise_id("Zürich") == "zurich"
    assert normalise_id("Москва") == "moskva"


def test_clock_cells_keep_the_stated_offset_and_date() -> None:
    plain = parse_clock("13:35")
    assert (plain.time.hour, plain.time.minute, plain.time.utc_offset) == (13, 35, None)
    zoned = parse_clock("2025-05-16T15:20+03:00")
    assert zoned.time.utc_offset == 180
    assert zoned.date == PartialDate(year=2025, month=5, day=16)
    assert parse_clock("09:05Z").time.utc_offset == 0
    with pytest.raises(ValueError, match="HH:MM"):
        parse_clock("quarter past one")


def test_clock_cells_read_zero_seconds_and_refuse_others() -> None:
    # As a database or an Arrow time column writes a time: the same minute.
    assert parse_clock("13:35:00").time == parse_clock("13:35").time
    assert parse_clock("2025-05-16T15:20:00.000+03:00").time.utc_offset == 180
    for lossy in ("13:35:20", "13:35:00.5"):
        with pytest.raises(ValueError, match="no seconds"):
            parse_clock(lossy)


def test_quantity_cells_read_thousands_separators_and_units() -> None:
    value = parse_quantity("1,000 prisoners")
    assert (value.quantity.amount, value.quantity.unit) == (1000.0, "prisoners")
    assert parse_quantity("12").quantity.unit is None
    with pytest.raises(ValueError, match="number"):
        parse_quantity("a dozen")


def test_date_cells_are_iso_dates_or_intervals() -> None:
    assert parse_date("2025-05-16").expression.value == PartialDate(year=2025, month=5, day=16)
    assert parse_date("2025-05-14/2025-05-15").expression.text == "2025-05-14/2025-05-15"


def test_cli_mapping_syntax_reads_names_positions_and_constants() -> None:
    columns = Columns.parse(["source=outlet", "subject=2", "value=reported"], ["predicate=date"])
    assert columns.source == "outlet"
    assert columns.subject == 2
    assert columns.predicate == Constant("date")
    assert columns.value == "reported"


def test_cli_mapping_syntax_suggests_the_role_meant() -> None:
    with pytest.raises(ColumnMappingError, match="did you mean 'subject'"):
        Columns.parse(["subjet=x"])


def test_cli_mapping_syntax_reads_only_ascii_digits_as_positions() -> None:
    # "٣" (Arabic-Indic three) and "²" are header names, not positions 3 and 2.
    assert Columns.parse(["source=٣", "subject=²"]).source == "٣"
    assert Columns.parse(["source=٣", "subject=²"]).subject == "²"
    with pytest.raises(ColumnMappingError, match="at most 9 digits"):
        Columns.parse(["source=" + "9" * 5000])
    with pytest.raises(ColumnMappingError, match="as a string, found 5"):
        Columns.parse([5])  # type: ignore[list-item]


def test_the_cli_delimiter_is_one_character_or_a_named_escape() -> None:
    from negotiations.claims._cli import typed_delimiter

    assert [typed_delimiter(t) for t in ("\\t", "TAB", "\\s", ";", "é", "\\")] == [
        "\t",
        "\t",
        " ",
        ";",
        "é",
        "\\",
    ]
    for bad in ("\\x", "\\u12", ",,", ""):
        with pytest.raises(ColumnMappingError, match="expected one character"):
            typed_delimiter(bad)


def test_a_mapping_needs_a_predicate_and_value_or_a_wide_values_map() -> None:
    with pytest.raises(ColumnMappingError):
        Columns(source="s", subject="x", predicate="p")
    with pytest.raises(ColumnMappingError):
        Columns(source="s", subject="x", predicate="p", value="v", values={"city": "c"})


rows_strategy = st.lists(
    st.tuples(
        st.sampled_from(["TASS", "AP", "", "Reuters"]),
        st.sampled_from(["talks", "  ", "round two"]),
        st.sampled_from(["city", "cty", "venue"]),
        st.sampled_from(["Istanbul", "Not Available", "", "Ankara", "!!"]),
    ),
    max_size=30,
)


@given(rows_strategy)
def test_every_claim_cell_is_an_assertion_a_duplicate_a_missing_value_or_a_problem(
    rows: list[tuple[str, str, str, str]],
) -> None:
    """Conservation: skipping never loses a row silently."""
    claims = from_rows(
        rows, Columns(source=0, subject=1, predicate=2, value=3), dataset="t", on_error="skip"
    )
    bad_rows = {p.row for p in claims.skipped}
    assert claims.rows == len(rows)
    accounted = len(claims.assertions) + claims.duplicates
    assert accounted == sum(
        1
        for number, (source, subject, predicate, value) in enumerate(rows, 1)
        if number not in bad_rows and value.strip().casefold() not in ("", "not available")
    )


@given(rows_strategy, st.randoms())
def test_the_order_of_rows_does_not_change_what_is_claimed(
    rows: list[tuple[str, str, str, str]], rng: random.Random
) -> None:
    shuffled = list(rows)
    rng.shuffle(shuffled)

    def claimed(table: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
        claims = from_rows(
            table, Columns(source=0, subject=1, predicate=2, value=3), dataset="t", on_error="skip"
        )
        return sorted((a.source, a.subject, a.predicate, str(a.value)) for a in claims.assertions)

    assert claimed(rows) == claimed(shuffled)
