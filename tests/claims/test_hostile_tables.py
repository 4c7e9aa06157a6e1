"""Hostile claim tables (issue 10): each bad file gets a library error naming its row and
column (or line), or a documented skip; nothing is changed and a second read works."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from negotiations.claims import (
    ClaimsError,
    ClaimSet,
    ClaimsValidationError,
    ColumnMappingError,
    read_csv,
)
from negotiations.errors import NegotiationsError

HEADER = "source,subject,predicate,value,modality,time\n"
GOOD = "TASS,Istanbul talks 2025,city,Istanbul,reported,2025-05-16\n"
VALID = (HEADER + GOOD).encode()


@dataclass(frozen=True)
class TableCase:
    """A file's bytes, the error class expected and where: (row, column) of a cell, or a
    text the message must hold (a line, for errors before any cell is read)."""

    name: str
    data: bytes
    cls: type[NegotiationsError]
    where: tuple[int, str] | str


TABLE_CASES = [
    TableCase(
        "a short row",
        (HEADER + "TASS,Istanbul talks\n").encode(),
        ClaimsValidationError,
        (2, "predicate"),
    ),
    TableCase(
        "filled cells past the header",
        (HEADER + GOOD.rstrip() + ",x,y\n").encode(),
        ClaimsValidationError,
        (2, "6"),
    ),
    TableCase(
        "a NUL byte in a cell",
        (HEADER + "TA\x00SS" + GOOD[4:]).encode(),
        ClaimsValidationError,
        (2, "source"),
    ),
    TableCase(
        "a NUL byte in a later row",
        (HEADER + GOOD + GOOD.replace("Istanbul,", "Ist\x00anbul,")).encode(),
        ClaimsValidationError,
        (3, "value"),
    ),
    TableCase(
        "a quoted cell past csv's field limit",
        (HEADER + 'TASS,talks,city,"' + "x" * 200_000 + '",reported,2025\n').encode(),
        ClaimsError,
        "line 2: malformed delimited text",
    ),
    TableCase(
        "an unquoted cell past csv's field limit",
        (HEADER + GOOD + "TASS,talks,city," + "x" * 200_000 + "\n").encode(),
        ClaimsError,
        "line 3: malformed delimited text",
    ),
    TableCase(
        "Latin-1 bytes read as UTF-8",
        (HEADER + GOOD + "TASS,talks,city,Ist\xe9nbul,reported,2025\n").encode("latin-1"),
        ClaimsError,
        "line 3: not valid utf-8",
    ),
    TableCase(
        "UTF-16 read as UTF-8",
        (HEADER + GOOD).encode("utf-16"),
        ClaimsError,
        "line 1: not valid utf-8",
    ),
    TableCase(
        "an encoded lone surrogate",
        VALID + b"TASS,talks,city,\xed\xb3\xbf\n",
        ClaimsError,
        "line 3: not valid utf-8",
    ),
    TableCase(
        "a header naming a column twice",
        ("source,subject,predicate,value,value\n" + "TASS,talks,city,Istanbul,Kyiv\n").encode(),
        ColumnMappingError,
        "'value' appears 2 times in the header",
    ),
    TableCase("an empty file", b"", ColumnMappingError, "the file is empty"),
    TableCase(
        "a header of 100,000 unknown names",
        (",".join(f"c{i}" for i in range(100_000)) + "\n").encode(),
        ColumnMappingError,
        "['c0', 'c1', 'c2', 'c3', 'c4', 'c5', ...]",
    ),
    TableCase(
        "a formula as the source, a bad time",
        (HEADER + '=HYPERLINK("http://x"),talks,city,Istanbul,reported,=NOW()\n').encode(),
        ClaimsValidationError,
        (2, "time"),
    ),
    TableCase(
        # A quote never closed would end its cell at the end of the file, holding every
        # row after it: refused, at the line the quote opens on.
        "a quote left open",
        (HEADER + 'TASS,"talks,city\n' + GOOD * 50).encode(),
        ClaimsError,
        "line 2: malformed delimited text",
    ),
    TableCase(
        "an unknown predicate in a record spanning lines",
        (HEADER + 'TASS,"Istanbul\ntalks",town,Istanbul,reported,2025-05-16\n' + GOOD).encode(),
        ClaimsValidationError,
        (2, "predicate"),
    ),
]


def read(path: Path) -> object:
    started = time.perf_counter()
    try:
        return read_csv(path)
    finally:
        assert time.perf_counter() - started < 3


def test_the_table_family_has_distinct_cases() -> None:
    assert len({case.name for case in TABLE_CASES}) == len(TABLE_CASES) >= 12


@pytest.mark.parametrize("case", TABLE_CASES, ids=[case.name for case in TABLE_CASES])
def test_a_hostile_table_gets_its_error_at_its_place(case: TableCase, tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(case.data)
    with pytest.raises(case.cls) as info:
        read(path)
    assert type(info.value) is case.cls
    assert len(str(info.value)) < 3_000
    if isinstance(case.where, tuple):
        assert isinstance(info.value, ClaimsValidationError)
        row, column = case.where
        assert (row, column) in {(p.row, p.column) for p in info.value.problems}, str(info.value)
    else:
        assert case.where in str(info.value)
    assert path.read_bytes() == case.data
    with pytest.raises(case.cls) as again:
        read(path)
    assert str(again.value) == str(info.value)
    good = tmp_path / "good.csv"
    good.write_bytes(VALID)
    assert read_csv(good).rows == 1


def test_a_million_empty_rows_are_skipped_in_bounded_time(tmp_path: Path) -> None:
    """A spreadsheet's trailing ``,,,,,`` rows and blank lines hold no claim (documented skip)."""
    path = tmp_path / "claims.csv"
    path.write_bytes(VALID + b",,,,,\n" * 1_000_000 + b"\n" * 100_000 + b" , ,\n")
    started = time.perf_counter()
    claims = read_csv(path)
    assert time.perf_counter() - started < 5
    assert (claims.rows, len(claims.assertions)) == (1, 1)


def test_empty_cells_past_the_header_are_not_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes((HEADER + GOOD.rstrip() + ",,\n").encode())
    assert len(read_csv(path).assertions) == 1


def test_a_byte_order_mark_is_not_part_of_the_first_cell(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    claims = read_csv(path, header=["source", "subject", "predicate", "value", "modality", "time"])
    assert [s.title for s in claims.sources.values()] == ["TASS"]


def test_formula_like_cells_are_read_as_text_never_evaluated(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes((HEADER + "=cmd|' /C calc'!A0,talks,city,@SUM(1),reported,\n").encode())
    claims = read_csv(path)
    assert [s.title for s in claims.sources.values()] == ["=cmd|' /C calc'!A0"]
    assert claims.assertions[0].value.key() == "sum-1"  # an id folded from the words


def test_a_bad_row_is_skipped_with_its_place_under_skip(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes((HEADER + "TA\x00SS" + GOOD[4:] + GOOD + GOOD.rstrip() + ",x\n").encode())
    claims = read_csv(path, on_error="skip")
    assert len(claims.assertions) == 1
    assert [(p.row, p.column) for p in claims.skipped] == [(2, "source"), (4, "6")]


@pytest.mark.parametrize(
    ("options", "cls"),
    [
        ({"encoding": "no-such-codec"}, ClaimsError),
        ({"delimiter": ",,"}, ColumnMappingError),
        ({"encoding": None}, ColumnMappingError),
        # UTF-16 without its byte-order mark fails as a UnicodeError, not a decode error.
        ({"encoding": "utf-16"}, ClaimsError),
    ],
)
def test_bad_reader_options_are_library_errors(
    options: dict[str, str | None], cls: type[ClaimsError], tmp_path: Path
) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(VALID)
    with pytest.raises(cls):
        read_csv(path, **options)  # type: ignore[arg-type]


# -- fuzzing -------------------------------------------------------------------------------------

CELL_PIECES = st.sampled_from(
    [
        ",",
        '"',
        "\n",
        "\r",
        "\t",
        "\x00",
        "\ufeff",
        "=",
        "@",
        "é",
        "talks",
        "city",
        "date",
        "2025",
        "held",
        "",
        " ",
        "n/a",
        "\udcff",
    ]
)


@st.composite
def tables(draw: st.DrawFn) -> bytes:
    """A header (mostly the default one) and a few rows of cells built from awkward pieces."""
    header = draw(st.sampled_from([HEADER, "source,subject,predicate,value\n", "a,b\n", ""]))
    rows = draw(
        st.lists(
            st.lists(st.lists(CELL_PIECES, max_size=4).map("".join), max_size=8).map(",".join),
            max_size=6,
        )
    )
    text = header + "".join(f"{row}\n" for row in rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1"]))
    return text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")


@given(tables())
def test_any_table_gives_claims_or_a_library_error(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.csv"
        path.write_bytes(data)
        for on_error in ("raise", "skip"):  # both modes of OnError
            started = time.perf_counter()
            outcome: object
            try:
                outcome = read_csv(path, on_error=on_error)
            except ClaimsError as error:
                outcome = error
            if isinstance(outcome, ClaimsError):
                assert len(str(outcome)) < 5_000
            else:
                assert isinstance(outcome, ClaimSet)
                assert len(outcome.assertions) <= outcome.rows
            assert time.perf_counter() - started < 2
        assert path.read_bytes() == data


def test_blank_lines_before_the_header_hold_nothing(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(b"\n \n" + VALID)
    claims = read_csv(path)
    assert [a.evidence.record for a in claims.assertions] == ["4"]  # type: ignore[union-attr]


def test_a_nul_in_the_header_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(VALID.replace(b"source", b"sou\x00rce", 1))
    with pytest.raises(ColumnMappingError, match="line 1: the header holds a NUL"):
        read_csv(path)


def test_a_file_cut_inside_a_character_names_its_last_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_bytes(VALID.decode().encode("utf-16")[:-1])  # half of the last character
    with pytest.raises(ClaimsError, match="line 2: not valid utf-16"):
        read_csv(path, encoding="utf-16")


@pytest.mark.parametrize("name", ["a\x00b.csv", "a\tb.csv", "a\nb.csv"])
def test_a_path_with_unprintable_characters_is_quoted_in_the_message(
    name: str, tmp_path: Path
) -> None:
    """A NUL, a tab or a newline in a path is shown escaped, never sent raw to a terminal."""
    with pytest.raises(ClaimsError) as raised:
        read_csv(tmp_path / name)
    message = str(raised.value)
    assert repr(str(tmp_path / name)) in message
    assert message.isprintable()
