"""Dates in Russian and Ukrainian, day ranges, bounds with "at", and calendar edges."""

from __future__ import annotations

import subprocess
import sys

import pytest

import negotiations as ng
from negotiations.corpus import resolve_date, resolve_duration
from negotiations.errors import NegotiationsError, UnresolvableDateError

FRIDAY = ng.PartialDate(year=2025, month=5, day=16)
WEDNESDAY = ng.PartialDate(year=2025, month=5, day=14)


def day(year: int, month: int, day_: int) -> ng.PartialDate:
    return ng.PartialDate(year=year, month=month, day=day_)


def days(start: ng.PartialDate, end: ng.PartialDate) -> ng.DateRange:
    return ng.DateRange(start=start, end=end)


# -- issue 12: the error is the library's own ----------------------------------


def test_an_unresolvable_date_is_a_library_error() -> None:
    assert issubclass(UnresolvableDateError, NegotiationsError)
    with pytest.raises(NegotiationsError):
        resolve_date("the day the music died", FRIDAY)
    with pytest.raises(NegotiationsError):
        resolve_duration("a long while")


# -- issue 12: "at least" / "at most" were stripped of their "at" ----------------


@pytest.mark.parametrize(
    ("text", "bound", "hours"),
    [
        ("at least two hours", ng.DurationBound.AT_LEAST, 2),
        ("at most two hours", ng.DurationBound.AT_MOST, 2),
        ("for at least 3 hours", ng.DurationBound.AT_LEAST, 3),
    ],
)
def test_at_least_and_at_most_keep_their_bound(
    text: str, bound: ng.DurationBound, hours: int
) -> None:
    duration = resolve_duration(text)
    assert (duration.bound, duration.hours) == (bound, hours)


def test_at_least_and_at_most_bound_opposite_sides() -> None:
    at_least, at_most = (
        resolve_duration("at least two hours"),
        resolve_duration("at most two hours"),
    )
    assert at_least.range()[:2] == (120, float("inf"))
    assert at_most.range()[:2] == (0, 120)


# -- Russian and Ukrainian -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 мая", day(2025, 5, 15)),  # ru, genitive month, year of the anchor
        ("16 травня", day(2025, 5, 16)),  # uk
        ("16 травня 2025 року", day(2025, 5, 16)),
        ("15 мая 2025 года", day(2025, 5, 15)),
        ("вчера", day(2025, 5, 15)),
        ("вчора", day(2025, 5, 15)),
        ("сегодня", day(2025, 5, 16)),
        ("сьогодні", day(2025, 5, 16)),
        ("завтра", day(2025, 5, 17)),
        ("позавчора", day(2025, 5, 14)),
        ("3 дня назад", day(2025, 5, 13)),
        ("мая 2025", ng.PartialDate(year=2025, month=5)),
    ],
)
def test_russian_and_ukrainian_dates_resolve_against_the_anchor(
    text: str, expected: ng.PartialDate
) -> None:
    expression = resolve_date(text, FRIDAY)
    assert expression.value == expected
    assert expression.text == text  # the raw words are kept
    assert expression.anchor == FRIDAY


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("у п'ятницю", FRIDAY, day(2025, 5, 16)),  # the anchor day itself
        ("у пʼятницю", WEDNESDAY, day(2025, 5, 16)),  # modifier apostrophe, two days ahead
        ("в пятницу", WEDNESDAY, day(2025, 5, 16)),
        ("в четверг", FRIDAY, day(2025, 5, 15)),
        ("у четвер", FRIDAY, day(2025, 5, 15)),
        ("в понедельник", WEDNESDAY, day(2025, 5, 12)),
        ("в среду вечером", FRIDAY, day(2025, 5, 14)),
        ("в прошлый четверг", WEDNESDAY, day(2025, 5, 8)),
        ("наступного четверга", FRIDAY, day(2025, 5, 22)),
        ("у неділю", FRIDAY, day(2025, 5, 18)),
    ],
)
def test_russian_and_ukrainian_weekdays_follow_the_nearest_weekday_rule(
    text: str, anchor: ng.PartialDate, expected: ng.PartialDate
) -> None:
    assert resolve_date(text, anchor).value == expected


def test_a_russian_weekday_takes_the_direction_hint() -> None:
    assert resolve_date("в четверг", WEDNESDAY, "past").value == day(2025, 5, 8)
    assert resolve_date("в четверг", WEDNESDAY, "future").value == day(2025, 5, 15)


def test_last_week_in_ukrainian_is_monday_to_sunday() -> None:
    assert resolve_date("минулого тижня", FRIDAY).value == days(day(2025, 5, 5), day(2025, 5, 11))


@pytest.mark.parametrize("text", ["15 мая", "вчера", "у п'ятницю"])
def test_a_russian_or_ukrainian_expression_without_year_or_anchor_is_refused(text: str) -> None:
    with pytest.raises(UnresolvableDateError, match="needs a publication date"):
        resolve_date(text, None)


def test_a_russian_date_with_its_year_needs_no_anchor() -> None:
    assert resolve_date("15 мая 2025 года", None).value == day(2025, 5, 15)


def test_a_month_anchor_suffices_for_a_day_and_month() -> None:
    assert resolve_date("15 мая", ng.PartialDate(year=2025, month=5)).value == day(2025, 5, 15)


@pytest.mark.parametrize("text", ["блабла", "в", "пятница тринадцатое или около того"])
def test_unknown_cyrillic_words_are_refused(text: str) -> None:
    with pytest.raises(UnresolvableDateError):
        resolve_date(text, FRIDAY)


# -- day ranges --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 14–15", days(day(2025, 5, 14), day(2025, 5, 15))),
        ("May 14-15", days(day(2025, 5, 14), day(2025, 5, 15))),
        ("14-15 May", days(day(2025, 5, 14), day(2025, 5, 15))),
        ("on May 14 to 16, 2024", days(day(2024, 5, 14), day(2024, 5, 16))),
        ("14–15 мая", days(day(2025, 5, 14), day(2025, 5, 15))),
        ("14-16 травня", days(day(2025, 5, 14), day(2025, 5, 16))),
    ],
)
def test_a_day_range_covers_both_days(text: str, expected: ng.DateRange) -> None:
    assert resolve_date(text, FRIDAY).value == expected


@pytest.mark.parametrize("text", ["May 15–14", "May 30-32", "15–15 May", "30-31 February"])
def test_a_backward_or_impossible_day_range_is_refused(text: str) -> None:
    with pytest.raises(UnresolvableDateError):
        resolve_date(text, FRIDAY)


def test_a_day_range_without_year_needs_an_anchor() -> None:
    with pytest.raises(UnresolvableDateError, match="no year"):
        resolve_date("May 14–15", None)


# -- issue 10, case 4: calendar edges ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor"),
    [
        ("yesterday", day(1, 1, 1)),
        ("tomorrow", day(9999, 12, 31)),
        ("999999999 days ago", FRIDAY),
        ("99999999999999999999 days ago", FRIDAY),
        ("вчера", day(1, 1, 1)),
    ],
)
def test_calendar_edges_are_library_errors(text: str, anchor: ng.PartialDate | None) -> None:
    with pytest.raises(UnresolvableDateError, match="calendar"):
        resolve_date(text, anchor)


def test_the_last_month_of_the_calendar_is_a_date_like_any_other() -> None:
    # Its end is the end of Python's calendar (it was refused: its span overflowed).
    resolved = resolve_date("December 9999", None)
    assert resolved.value == ng.PartialDate(year=9999, month=12)


def test_an_error_message_is_short_whatever_the_expression() -> None:
    with pytest.raises(UnresolvableDateError) as info:
        resolve_date("Thursday " * 100_000, FRIDAY)
    assert len(str(info.value)) < 500


def test_importing_the_library_does_not_import_dateparser() -> None:
    code = "import sys, negotiations; print('dateparser' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
