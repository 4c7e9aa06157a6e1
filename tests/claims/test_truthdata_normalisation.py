"""The truth-discovery benchmark's value normalisation, on the spellings the data uses."""

from __future__ import annotations

import pytest
from benchmarks.truth_discovery import book_authors, flight_gate, flight_time, surnames


@pytest.mark.parametrize(
    "cell",
    [
        "12/01/2011 01:55 PM",
        "1:55 PMDec 01",
        "1:55 PM, Dec 01",
        "2011-12-01 01:55PM EST",
        "12/1/11 1:55 PM (-05:00)",
        "01:55 PM  Thu 01-Dec-2011",
        "1:55pDec 1",
        "Dec 01 - 1:55pm",
        "Thu, Dec 1 1:55 PM",
        "Thu., Dec.01, 2011 1:55 p.m.",
        "12/1/2011 1:55PM EST",
        "2011-12-01 13:55 ",
        "2011-12-01 1:55 PM (Estimated)",
    ],
)
def test_every_way_flight_times_are_written_reads_as_one_clock_value(cell: str) -> None:
    value = flight_time(cell)
    assert value is not None
    assert value.text == "2011-12-01 13:55"
    assert value.time.utc_offset is None


def test_a_month_day_after_the_crawl_date_is_the_flights_day() -> None:
    value = flight_time("2011-12-01 11/30 5:20 PM")
    assert value is not None
    assert value.text == "2011-11-30 17:20"


def test_after_midnight_arrivals_keep_their_day() -> None:
    value = flight_time("12:23aDec 2")
    assert value is not None
    assert value.text == "2011-12-02 00:23"


@pytest.mark.parametrize("cell", ["Dec 01 - Contact Airline", "Not Available", "Cancelled"])
def test_a_time_cell_without_a_time_is_no_claim(cell: str) -> None:
    assert flight_time(cell) is None


@pytest.mark.parametrize(
    ("cell", "gate"),
    [
        ("F78", "F78"),
        (" C20 ", "C20"),
        ("Term C - C44", "C44"),
        ("Terminal T4 - 47A", "47A"),
        ("47B/T4", "47B"),
        ("C-45", "C45"),
        ("39?", "39"),
        ("Gate 12", "12"),
    ],
)
def test_gates_are_the_gate_alone(cell: str, gate: str) -> None:
    value = flight_gate(cell)
    assert value is not None
    assert value.text == gate


@pytest.mark.parametrize("cell", ["Terminal 3", "--", "TBA", "Not provided by airline", "CHK"])
def test_a_gate_cell_without_a_gate_is_no_claim(cell: str) -> None:
    assert flight_gate(cell) is None


@pytest.mark.parametrize(
    "cell",
    [
        "aiken, peter ;  allen, m. david;",
        "Peter Aiken, M. David Allen",
        "Aiken, Peter/ Allen, David M.",
        "Aiken,Peter; Allen,M. David",
        "By (author) Aiken, Peter By (author) Allen, M. David",
        "AIKEN, PETER ALLEN, M.D.",
        "M. David Allen, Peter Aiken",
        "Aiken, Peter (Author) Allen, M. David (Joint Author)",
    ],
)
def test_author_lists_in_any_order_and_format_are_one_set_of_surnames(cell: str) -> None:
    assert surnames(cell) == ["aiken", "allen"]


def test_accents_and_html_entities_fold_to_ascii() -> None:
    assert surnames("Marcad&eacute;, Erik") == ["marcade"]
    assert surnames("Lemaître, Éric") == ["lemaitre"]


def test_an_author_cell_without_a_name_is_no_claim() -> None:
    assert book_authors(" ; ") is None
    value = book_authors("Knuth, Donald E.")
    assert value is not None
    assert value.text == "knuth"
