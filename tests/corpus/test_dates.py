"""Resolving date and duration expressions as reporters write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import negotiations as ng
from negotiations.corpus import resolve_date, resolve_duration
from negotiations.errors import UnresolvableDateError

THURSDAY = ng.PartialDate(year=2025, month=5, day=15)
WEDNESDAY = ng.PartialDate(year=2025, month=5, day=14)
MONDAY = ng.PartialDate(year=2025, month=5, day=12)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day(year: int, month: int, day_: int) -> ng.PartialDate:
    return ng.PartialDate(year=year, month=month, day=day_)


def days(start: ng.PartialDate, end: ng.PartialDate) -> ng.DateRange:
    return ng.DateRange(start=start, end=end)


# -- weekdays ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thursday", day(2025, 5, 15)),  # the anchor day itself
        ("on Friday", day(2025, 5, 16)),  # one day ahead, not six back
        ("Wednesday night", day(2025, 5, 14)),  # one day back, not six ahead
        ("Monday", day(2025, 5, 12)),  # three days back, not four ahead
        ("Sunday", day(2025, 5, 18)),  # three days ahead, not four back
    ],
)
def test_a_weekday_is_the_nearest_such_day_to_the_anchor(
    text: str, expected: ng.PartialDate
) -> None:
    assert resolve_date(text, THURSDAY).value == expected


@pytest.mark.parametrize(
    ("direction", "expected"),
    [(None, day(2025, 5, 15)), ("past", day(2025, 5, 8)), ("future", day(2025, 5, 15))],
)
def test_a_direction_picks_the_past_or_future_weekday(
    direction: str | None, expected: ng.PartialDate
) -> None:
    # Anchored on a Wednesday: Thursday is tomorrow, or eight days ago when told "past".
    assert resolve_date("Thursday", WEDNESDAY, direction).value == expected  # type: ignore[arg-type]


def test_last_and_next_set_the_direction() -> None:
    assert resolve_date("last Thursday", WEDNESDAY).value == day(2025, 5, 8)
    assert resolve_date("next Tuesday", WEDNESDAY).value == day(2025, 5, 20)


def test_two_weekdays_are_an_interval_over_both_days() -> None:
    assert resolve_date("Thursday or Friday", THURSDAY).value == days(
        day(2025, 5, 15), day(2025, 5, 16)
    )


def test_two_adjacent_weekdays_stay_adjacent_whatever_the_anchor() -> None:
    value = resolve_date("Thursday or Friday", MONDAY).value
    assert isinstance(value, ng.DateRange)
    assert value.start is not None
    assert value.end is not None
    start, end = value.start.as_date(), value.end.as_date()
    assert start is not None
    assert end is not None
    assert end - start == dt.timedelta(days=1)


def test_a_weekday_needs_an_anchor_known_to_the_day() -> None:
    with pytest.raises(UnresolvableDateError):
        resolve_date("Thursday", ng.PartialDate(year=2025, month=5))


# -- relative days, calendar dates, months, years --------------------------------


def test_yesterday_evening_is_the_day_before_the_anchor() -> None:
    assert resolve_date("yesterday evening", THURSDAY).value == day(2025, 5, 14)


def test_tomorrow_is_the_day_after_the_anchor() -> None:
    assert resolve_date("tomorrow", day(2025, 12, 31)).value == day(2026, 1, 1)


@pytest.mark.parametrize("text", ["May 13", "13 May", "on May 13"])
def test_a_day_and_month_take_the_anchor_year(text: str) -> None:
    assert resolve_date(text, day(2024, 12, 1)).value == day(2024, 5, 13)


def test_a_day_month_and_year_keep_their_year() -> None:
    assert resolve_date("May 13, 2022", THURSDAY).value == day(2022, 5, 13)


def test_a_month_and_year_are_known_to_the_month() -> None:
    value = resolve_date("March 2022", THURSDAY).value
    assert value == ng.PartialDate(year=2022, month=3)
    assert isinstance(value, ng.PartialDate)
    assert value.precision is ng.Precision.MONTH


def test_a_bare_year_is_known_to_the_year() -> None:
    assert resolve_date("2022", THURSDAY).value == ng.PartialDate(year=2022)


@pytest.mark.parametrize(
    ("text", "first_month", "last_month"),
    [("early 2025", 1, 4), ("mid 2025", 5, 8), ("late 2025", 9, 12)],
)
def test_part_of_a_year_is_an_interval_of_months(
    text: str, first_month: int, last_month: int
) -> None:
    assert resolve_date(text, THURSDAY).value == days(
        ng.PartialDate(year=2025, month=first_month),
        ng.PartialDate(year=2025, month=last_month),
    )


def test_hours_ago_span_the_anchor_day_and_the_day_before() -> None:
    assert resolve_date("12 hours ago", THURSDAY).value == days(day(2025, 5, 14), day(2025, 5, 15))


def test_days_ago_count_back_from_the_anchor() -> None:
    assert resolve_date("3 days ago", THURSDAY).value == day(2025, 5, 12)


def test_this_week_is_monday_to_sunday_of_the_anchor_week() -> None:
    assert resolve_date("this week", THURSDAY).value == days(day(2025, 5, 12), day(2025, 5, 18))


def test_the_raw_text_and_the_anchor_are_kept() -> None:
    expression = resolve_date("on Thursday", WEDNESDAY)
    assert expression.text == "on Thursday"
    assert expression.anchor == WEDNESDAY
    assert expression.value == THURSDAY
    assert expression.method != "unresolved"


@pytest.mark.parametrize("text", ["soon", "Istanbul", "the day after the talks", ""])
def test_an_unresolvable_expression_raises(text: str) -> None:
    with pytest.raises(UnresolvableDateError):
        resolve_date(text, THURSDAY)


def test_a_relative_expression_without_an_anchor_raises() -> None:
    with pytest.raises(UnresolvableDateError):
        resolve_date("yesterday", None)


# -- durations -----------------------------------------------------------------


def test_approximately_one_hour_and_45_minutes() -> None:
    duration = resolve_duration("approximately 1 hour and 45 minutes")
    assert duration == ng.Duration(hours=1, minutes=45, bound=ng.DurationBound.APPROXIMATELY)
    assert duration.total_minutes() == 105
    assert duration.overlaps(ng.Duration(minutes=100))
    assert not duration.overlaps(ng.Duration(hours=3))


def test_number_words_are_numbers() -> None:
    assert resolve_duration("nearly two years") == ng.Duration(
        years=2, bound=ng.DurationBound.NEARLY
    )
    assert resolve_duration("over three years") == ng.Duration(years=3, bound=ng.DurationBound.OVER)


@pytest.mark.parametrize(
    ("first", "second"),
    [("nearly two years", "over three years"), ("nearly three years", "over three years")],
)
def test_nearly_and_over_do_not_overlap(first: str, second: str) -> None:
    a, b = resolve_duration(first), resolve_duration(second)
    assert not a.overlaps(b)
    assert not b.overlaps(a)


def test_over_three_years_overlaps_three_years_and_two_months() -> None:
    over = resolve_duration("over three years")
    exact = resolve_duration("3 years and 2 months")
    assert exact == ng.Duration(years=3, months=2)
    assert over.overlaps(exact)
    assert exact.overlaps(over)


def test_over_three_years_does_not_overlap_exactly_three_years() -> None:
    assert not resolve_duration("over three years").overlaps(resolve_duration("three years"))


@pytest.mark.parametrize("text", ["a while", "several years", "three", "two years and more"])
def test_an_unresolvable_duration_raises(text: str) -> None:
    with pytest.raises(UnresolvableDateError):
        resolve_duration(text)


# -- properties ----------------------------------------------------------------


@given(
    anchor=st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9999, 12, 24)),
    weekday=st.sampled_from(WEEKDAYS),
)
def test_a_weekday_resolves_to_that_weekday_within_three_days(
    anchor: dt.date, weekday: str
) -> None:
    value = resolve_date(weekday, ng.PartialDate.of(anchor)).value
    assert isinstance(value, ng.PartialDate)
    resolved = value.as_date()
    assert resolved is not None
    assert resolved.strftime("%A") == weekday
    assert abs((resolved - anchor).days) <= 3


def test_a_weekday_at_the_edge_of_the_calendar_resolves() -> None:
    assert resolve_date("Tuesday", day(1, 1, 1)).value == day(1, 1, 2)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("since March 2022", ng.PartialDate(year=2022, month=3), None),
        ("from May 14", day(2025, 5, 14), None),
        ("after May 2025", ng.PartialDate(year=2025, month=6), None),
        ("after May 14", day(2025, 5, 15), None),
        ("until Friday", None, day(2025, 5, 16)),
        ("by Friday", None, day(2025, 5, 16)),
        ("before 2020", None, ng.PartialDate(year=2019)),
        ("before May 14", None, day(2025, 5, 13)),
        ("since May 14-15", day(2025, 5, 14), None),
    ],
)
def test_since_until_before_and_after_make_open_ranges(
    text: str, start: ng.PartialDate | None, end: ng.PartialDate | None
) -> None:
    """ "Since March 2022" is March 2022 and after, not March 2022: the word was dropped."""
    resolved = resolve_date(text, THURSDAY)
    assert resolved.value == ng.DateRange(start=start, end=end)
    assert "open range" in (resolved.method or "")


def test_from_a_range_is_the_range_and_open_ends_stay_in_the_calendar() -> None:
    assert resolve_date("from May 14 to 16", THURSDAY).value == days(
        day(2025, 5, 14), day(2025, 5, 16)
    )
    for text in ("after 9999", "before 0001-01-01"):
        with pytest.raises(UnresolvableDateError, match="calendar"):
            resolve_date(text, THURSDAY)
