"""Reading quantities and times of day from reporters' words."""

from __future__ import annotations

import pytest

import negotiations as ng
from negotiations.corpus._amounts import parse_clock, parse_offset, parse_quantity
from negotiations.errors import NegotiationsError, UnresolvableValueError

B = ng.Bound


@pytest.mark.parametrize(
    ("text", "amount", "unit", "bound"),
    [
        ("1,000 prisoners of war", 1000, "prisoners of war", B.EXACT),
        ("909 fallen soldiers", 909, "fallen soldiers", B.EXACT),
        ("a 12-member", 12, "member", B.EXACT),
        ("more than 1,000", 1000, None, B.OVER),
        ("some 1,000 prisoners each", 1000, "prisoners", B.APPROXIMATELY),
        ("two hundred people", 200, "people", B.EXACT),
        ("twenty-five", 25, None, B.EXACT),
        ("a dozen diplomats", 12, "diplomats", B.EXACT),
        ("three thousand two hundred and five", 3205, None, B.EXACT),
        ("at least 300", 300, None, B.AT_LEAST),
        ("no more than 50 people", 50, "people", B.AT_MOST),
        ("up to 50 people", 50, "people", B.AT_MOST),
        ("fewer than ten", 10, None, B.UNDER),
        ("just over 2.5 million", 2.5, "million", B.JUST_OVER),
        ("almost 900", 900, None, B.NEARLY),
        ("около 1000 пленных", 1000, "пленных", B.APPROXIMATELY),
    ],
)
def test_a_quantity_is_hedge_number_and_unit(
    text: str, amount: float, unit: str | None, bound: ng.Bound
) -> None:
    assert parse_quantity(text) == ng.Quantity(amount=amount, unit=unit, bound=bound)


@pytest.mark.parametrize("text", ["prisoners", "1000 for 1000", "", "many"])
def test_words_that_are_not_one_quantity_are_refused(text: str) -> None:
    with pytest.raises(UnresolvableValueError):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "hour", "minute", "offset", "bound"),
    [
        ("13:35", 13, 35, None, B.EXACT),
        ("around 1:35 p.m.", 13, 35, None, B.APPROXIMATELY),
        ("10:00 a.m. local time", 10, 0, None, B.EXACT),
        ("9:00 a.m. GMT", 9, 0, 0, B.EXACT),
        ("at around 10:45", 10, 45, None, B.APPROXIMATELY),
        ("approximately 12 o'clock", 12, 0, None, B.APPROXIMATELY),
        ("around 1220 GMT", 12, 20, 0, B.APPROXIMATELY),
        ("12 a.m.", 0, 0, None, B.EXACT),
        ("12 p.m.", 12, 0, None, B.EXACT),
        ("noon", 12, 0, None, B.EXACT),
        ("shortly after 13:00 UTC+3", 13, 0, 180, B.JUST_OVER),
        ("before 9.30 Moscow time", 9, 30, 180, B.UNDER),
        ("около 13:35", 13, 35, None, B.APPROXIMATELY),
        ("в 13:35 по московскому времени", 13, 35, 180, B.EXACT),
    ],
)
def test_a_time_of_day_is_hedge_time_and_zone(
    text: str, hour: int, minute: int, offset: int | None, bound: ng.Bound
) -> None:
    time, stated = parse_clock(text)
    assert time == ng.ClockTime(hour=hour, minute=minute, utc_offset=offset, bound=bound)
    assert stated is (offset is not None)


@pytest.mark.parametrize("text", ["25:00", "13 p.m.", "half past one", "13:61", "13:35 Mars time"])
def test_impossible_or_unknown_times_are_refused(text: str) -> None:
    with pytest.raises(NegotiationsError):
        parse_clock(text)


@pytest.mark.parametrize(
    ("zone", "minutes"),
    [("+03:00", 180), ("-04:00", -240), ("UTC+3", 180), ("GMT", 0), ("+0530", 330), ("", None)],
)
def test_a_zone_is_minutes_east_of_utc(zone: str, minutes: int | None) -> None:
    assert parse_offset(zone) == minutes
