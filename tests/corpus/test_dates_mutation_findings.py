"""Behaviours of date resolution that the mutation run of ``_dates.py`` found untested.

Each test states what a curator relies on: what an expression resolves to, the name
of the step that resolved it, and the exact message of a refusal (curators read it).
"""

from __future__ import annotations

import pytest

import negotiations as ng
from negotiations.corpus import resolve_date
from negotiations.corpus._dates import Direction
from negotiations.errors import UnresolvableDateError

MONDAY = ng.PartialDate(year=2025, month=5, day=12)
WEDNESDAY = ng.PartialDate(year=2025, month=5, day=14)
THURSDAY = ng.PartialDate(year=2025, month=5, day=15)
FRIDAY = ng.PartialDate(year=2025, month=5, day=16)
MAY_2025 = ng.PartialDate(year=2025, month=5)
NO_FORM = (
    " matches no known date form (weekday, today/yesterday, 'May 13', 'May 14–15', "
    "'March 2022', '2022', 'early 2025', 'N days ago', 'Thursday or Friday', "
    "or a Russian or Ukrainian date)"
)


def day(year: int, month: int, day_: int) -> ng.PartialDate:
    return ng.PartialDate(year=year, month=month, day=day_)


def days(start: ng.PartialDate, end: ng.PartialDate) -> ng.DateRange:
    return ng.DateRange(start=start, end=end)


def refusal(text: str, anchor: ng.PartialDate | None, direction: Direction = None) -> str:
    with pytest.raises(UnresolvableDateError) as info:
        resolve_date(text, anchor, direction)
    return str(info.value)


# -- a refusal says what is wrong, not that the calendar ends ------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "message"),
    [
        ("soon", FRIDAY, "'soon'" + NO_FORM),
        (
            "yesterday",
            None,
            "'yesterday' is relative and needs a publication date known to the day",
        ),
        ("May 30-32", FRIDAY, "'May 30-32': day is out of range for month"),
        (
            "May 15–14",
            FRIDAY,
            "'May 15–14': a day range must run forward (the second day after the first)",
        ),
        ("May 14–15", None, "'May 14–15' has no year and there is no publication date"),
        ("вчера", MAY_2025, "'вчера' is relative and needs a publication date known to the day"),
        ("блабла", FRIDAY, "'блабла' matches no known date form in Russian or Ukrainian"),
    ],
)
def test_a_refusal_names_the_expression_and_what_is_wrong_with_it(
    text: str, anchor: ng.PartialDate | None, message: str
) -> None:
    # Before the fix every refusal began "... cannot be placed in the calendar (years 1
    # to 9999) from ...": UnresolvableDateError is a ValueError and was wrapped again.
    assert refusal(text, anchor) == message


@pytest.mark.parametrize(
    ("text", "anchor", "message"),
    [
        (
            "tomorrow",
            day(9999, 12, 31),
            "'tomorrow' cannot be placed in the calendar (years 1 to 9999) from 9999-12-31: "
            "date value out of range",
        ),
        (
            "вчера",
            day(1, 1, 1),
            "'вчера' cannot be placed in the calendar (years 1 to 9999) from 0001-01-01",
        ),
    ],
)
def test_a_known_form_beyond_the_calendar_is_refused_as_such(
    text: str, anchor: ng.PartialDate, message: str
) -> None:
    assert refusal(text, anchor) == message


def test_dateparser_leaving_the_calendar_is_refused_as_such() -> None:
    # "at 15:00" in the past of 0001-01-01 00:00: dateparser's own arithmetic overflows.
    assert refusal("в 15:00", day(1, 1, 1), "past") == (
        "'в 15:00' cannot be placed in the calendar (years 1 to 9999) from 0001-01-01: "
        "date value out of range"
    )


# -- a Russian or Ukrainian day without a year needs a publication date ------------


@pytest.mark.parametrize("direction", [None, "past", "future"])
@pytest.mark.parametrize("text", ["29 февраля", "29 лютого"])
def test_the_29th_of_february_without_a_year_or_anchor_is_refused(
    text: str, direction: Direction
) -> None:
    # Before the fix it resolved to 2000-02-29: read from 2001-01-01 and from 2002-07-02
    # alike, the nearest 29 February is in 2000, so it did not look relative.
    assert refusal(text, None, direction) == (
        f"'{text}' is relative and needs a publication date known to the day"
    )


def test_the_29th_of_february_with_its_year_needs_no_anchor() -> None:
    assert resolve_date("29 февраля 2024 года", None).value == day(2024, 2, 29)
