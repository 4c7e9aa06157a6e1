"""Hedged figures and durations, stated exactly: each hedge word's interval, end by end.

These pin the tolerances documented in ``negotiations.model._bounds`` (the table in
its docstring) and what a duration prints and allows; a change to a tolerance or to
an end's openness fails here (issue 12, mutation testing).
"""

from __future__ import annotations

import math
import re

import pytest

import negotiations as ng
from negotiations.errors import ModelError
from negotiations.model._bounds import RELATIVE_TOLERANCE, Interval, hedge_interval

B = ng.Bound
INF = math.inf


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        (B.EXACT, Interval(100, 100)),
        (B.APPROXIMATELY, Interval(90, 110)),
        (B.NEARLY, Interval(90, 100, True, False)),
        (B.JUST_OVER, Interval(100, 110, False, True)),
        (B.OVER, Interval(100, INF, False, True)),
        (B.UNDER, Interval(0, 100, True, False)),
        (B.AT_LEAST, Interval(100, INF)),
        (B.AT_MOST, Interval(0, 100)),
    ],
)
def test_each_hedge_allows_the_documented_interval_of_100(
    bound: ng.Bound, expected: Interval
) -> None:
    assert hedge_interval(100, bound) == expected


def test_the_relative_tolerance_is_ten_percent_and_a_given_tolerance_replaces_it() -> None:
    assert pytest.approx(0.10) == RELATIVE_TOLERANCE
    assert hedge_interval(-50, B.APPROXIMATELY) == Interval(-55, -45)  # 10 % of |v|
    assert hedge_interval(100, B.APPROXIMATELY, 30) == Interval(70, 130)
    assert hedge_interval(100, B.NEARLY, 60) == Interval(40, 100, True, False)
    assert hedge_interval(100, B.JUST_OVER, 60) == Interval(100, 160, False, True)


def test_a_small_figure_is_still_hedged() -> None:
    # "about 5": half a unit either side, not the figure itself.
    assert hedge_interval(5, B.APPROXIMATELY) == Interval(4.5, 5.5)
    assert hedge_interval(100, B.NEARLY, 0.5) == Interval(99.5, 100, True, False)


@pytest.mark.parametrize("bound", [B.APPROXIMATELY, B.NEARLY, B.JUST_OVER])
def test_a_hedge_with_no_room_is_the_figure_itself(bound: ng.Bound) -> None:
    assert hedge_interval(0, bound) == Interval(0, 0)
    assert hedge_interval(100, bound, 0) == Interval(100, 100)


def test_less_than_a_figure_not_above_zero_has_no_lower_bound() -> None:
    assert hedge_interval(0, B.UNDER) == Interval(-INF, 0, True, False)
    assert hedge_interval(-5, B.AT_MOST) == Interval(-INF, -5)
    assert hedge_interval(0.5, B.AT_MOST) == Interval(0, 0.5)


def test_an_interval_has_its_width() -> None:
    assert Interval(2, 7).width == 5


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        (Interval(0, 10), Interval(10, 20), True),  # closed ends touch
        (Interval(0, 10, True, False), Interval(10, 20), False),  # [0,10) and [10,20]
        (Interval(0, 10), Interval(10, 20, False, True), False),  # [0,10] and (10,20]
        (Interval(0, 10), Interval(5, 20), True),
        (Interval(0, 10), Interval(11, 20), False),
        (Interval(0, 10), Interval(0, 10, False, False), True),
        (Interval(5, 5), Interval(0, 10, False, False), True),  # a point inside
        (Interval(0, 0), Interval(0, 10, False, True), False),  # a point at an open end
        (Interval(10, 10), Interval(0, 10, True, False), False),
    ],
)
def test_overlap_is_symmetric_and_respects_open_ends(
    a: Interval, b: Interval, overlap: bool
) -> None:
    assert a.overlaps(b) is overlap
    assert b.overlaps(a) is overlap


@pytest.mark.parametrize(
    ("outer", "inner", "inside"),
    [
        (Interval(0, 10), Interval(0, 10), True),
        (Interval(0, 10), Interval(0, 10, False, False), True),
        (Interval(0, 10, False, True), Interval(0, 10), False),  # 0 is outside (0,10]
        (Interval(0, 10, True, False), Interval(0, 10), False),  # 10 is outside [0,10)
        (Interval(0, 10, False, False), Interval(0, 10, False, False), True),
        (Interval(0, 10), Interval(-1, 5), False),
        (Interval(0, 10), Interval(5, 11), False),
        (Interval(0, 10), Interval(2, 8), True),
    ],
)
def test_containment_respects_open_ends(outer: Interval, inner: Interval, inside: bool) -> None:
    assert outer.contains(inner) is inside


# -- durations -----------------------------------------------------------------


def test_about_a_single_unit_allows_half_that_unit_either_side() -> None:
    # "about two hours": 10 % would be 12 minutes; half an hour is wider.
    assert ng.Duration(hours=2, bound=B.APPROXIMATELY).interval() == Interval(90, 150)
    # "about ten hours": 10 % (an hour) is wider than half an hour.
    assert ng.Duration(hours=10, bound=B.APPROXIMATELY).interval() == Interval(540, 660)


def test_about_several_units_allows_ten_percent() -> None:
    # "approximately 1 hour, 45 minutes": 10 % of 105 minutes.
    interval = ng.Duration(hours=1, minutes=45, bound=B.APPROXIMATELY).interval()
    assert (interval.low, interval.high) == pytest.approx((94.5, 115.5))


def test_nearly_and_just_over_a_duration_allow_one_largest_unit() -> None:
    assert ng.Duration(years=3, bound=B.NEARLY).range() == pytest.approx(
        (2 * 525960, 3 * 525960, True, False)
    )
    assert ng.Duration(hours=1, minutes=30, bound=B.JUST_OVER).range() == (90, 150, False, True)


def test_a_duration_counts_every_unit_in_minutes() -> None:
    d = ng.Duration(years=1, months=1, weeks=1, days=1, hours=1, minutes=1)
    assert d.total_minutes() == pytest.approx(525960 + 43830 + 10080 + 1440 + 60 + 1)


@pytest.mark.parametrize(
    ("duration", "words"),
    [
        (ng.Duration(hours=2), "2 hours"),
        (ng.Duration(hours=1), "1 hour"),
        (
            ng.Duration(hours=1, minutes=45, bound=B.APPROXIMATELY),
            "approximately 1 hour, 45 minutes",
        ),
        (ng.Duration(years=3, bound=B.NEARLY), "nearly 3 years"),
        (ng.Duration(days=1, minutes=2), "1 day, 2 minutes"),
    ],
)
def test_a_duration_prints_its_words_singular_for_one(duration: ng.Duration, words: str) -> None:
    assert str(duration) == words


def test_a_duration_needs_a_non_zero_component() -> None:
    with pytest.raises(
        ModelError,
        match=r"^Duration\.components: expected at least one non-zero component, found Duration\(",
    ):
        ng.Duration()


def test_overlap_and_containment_of_durations_follow_their_intervals() -> None:
    about_two = ng.Duration(hours=2, bound=B.APPROXIMATELY)
    assert about_two.contains(ng.Duration(minutes=100))
    assert not about_two.contains(ng.Duration(minutes=80))
    assert about_two.overlaps(ng.Duration(hours=2, bound=B.OVER))
    assert not ng.Duration(hours=2, bound=B.UNDER).overlaps(ng.Duration(hours=2))


# -- dates ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2025-05-16", "2025-05-14/2025-05-16/2025-05-18", ""])
def test_a_date_range_needs_exactly_one_slash_and_says_so(text: str) -> None:
    with pytest.raises(
        ModelError,
        match=r"^DateRange\.iso: expected START/END with '\.\.' for an open end, found "
        + re.escape(repr(text)),
    ):
        ng.DateRange.parse(text)


def test_a_date_range_parses_open_ends() -> None:
    r = ng.DateRange.parse("../2025-05-16")
    assert r.start is None
    assert r.end == ng.PartialDate(year=2025, month=5, day=16)
    assert ng.DateRange.parse("2025-05/..").isoformat() == "2025-05/.."


@pytest.mark.parametrize("text", ["16 May 2025", "2025-5-16", 20250516])
def test_a_partial_date_parses_iso_text_only_and_says_what_it_expected(text: object) -> None:
    with pytest.raises(
        ModelError,
        match=r"^PartialDate\.iso: expected YYYY, YYYY-MM, YYYY-MM-DD or \.\.\.THH:MM, found "
        + re.escape(repr(text)),
    ):
        ng.PartialDate.parse(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value"),
    [("month", 13), ("month", 0), ("day", 32), ("day", 0)],
)
def test_a_partial_date_refuses_a_month_or_day_out_of_range(field: str, value: int) -> None:
    kwargs = {"year": 2025, "month": 5, "day": 16, field: value}
    with pytest.raises(ModelError, match=rf"PartialDate\.{field}: expected an int in"):
        ng.PartialDate(**kwargs)
