"""Time as news reports give it: partial dates, open intervals, vague durations.

A report says "March 2022", "on Thursday", "nearly three years": each is kept
at the precision it was given, beside the words it came from, so that a less
precise value can be recognised as compatible with a more precise one.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from typing import Any

import attrs
from attrs import frozen

from negotiations.errors import ModelError
from negotiations.model import _validators as v
from negotiations.model._bounds import Bound, Interval, hedge_interval

_MIN = dt.datetime.min
_MAX = dt.datetime.max


class Precision(enum.Enum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?")


def _int_in(lo: int, hi: int) -> v.Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int or not lo <= value <= hi:
            v.fail(instance, attribute, value, f"an int in {lo}..{hi}")

    return check


@frozen(kw_only=True)
class PartialDate:
    """A calendar date known to the year, month, day or minute.

    Components below the precision are ``None``; a day without a month is invalid.
    """

    year: int = attrs.field(validator=_int_in(1, 9999))
    month: int | None = attrs.field(default=None, validator=v.optional(_int_in(1, 12)))
    day: int | None = attrs.field(default=None, validator=v.optional(_int_in(1, 31)))
    hour: int | None = attrs.field(default=None, validator=v.optional(_int_in(0, 23)))
    minute: int | None = attrs.field(default=None, validator=v.optional(_int_in(0, 59)))

    def __attrs_post_init__(self) -> None:
        parts = (self.month, self.day, self.hour, self.minute)
        known = [p is not None for p in parts]
        if known != sorted(known, reverse=True) or (self.hour is None) != (self.minute is None):
            raise ModelError("PartialDate", "precision", self, "components filled from year down")
        if self.day is not None:
            assert self.month is not None
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ModelError(
                    "PartialDate", "day", self.day, f"a day that exists in {self.year}-{self.month}"
                ) from None

    @classmethod
    def of(cls, value: dt.date | dt.datetime, precision: Precision = Precision.DAY) -> PartialDate:
        """Truncate a date or datetime to ``precision``."""
        if not isinstance(precision, Precision):  # "year" would silently mean a day
            raise ModelError(
                "PartialDate", "precision", precision, "a Precision (Precision.YEAR...)"
            )
        if not isinstance(value, dt.date):
            raise ModelError("PartialDate", "value", value, "a date or datetime")
        if precision is Precision.YEAR:
            return cls(year=value.year)
        if precision is Precision.MONTH:
            return cls(year=value.year, month=value.month)
        if precision is Precision.DAY or not isinstance(value, dt.datetime):
            return cls(year=value.year, month=value.month, day=value.day)
        return cls(
            year=value.year, month=value.month, day=value.day, hour=value.hour, minute=value.minute
        )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``."""
        match = _ISO.fullmatch(text.strip()) if isinstance(text, str) else None
        if match is None:
            raise ModelError("PartialDate", "iso", text, "YYYY, YYYY-MM, YYYY-MM-DD or ...THH:MM")
        y, m, d, hh, mm = (int(g) if g is not None else None for g in match.groups())
        assert y is not None
        return cls(year=y, month=m, day=d, hour=hh, minute=mm)

    @property
    def precision(self) -> Precision:
        """How much of the date is known: year, month, day or minute."""
        if self.minute is not None:
            return Precision.MINUTE
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def isoformat(self) -> str:
        """The ISO form (``2025-05``, ``2025-05-16``; ``START/END`` for a range, ``..`` when open)."""
        out = f"{self.year:04d}"
        if self.month is not None:
            out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        if self.hour is not None:
            out += f"T{self.hour:02d}:{self.minute:02d}"
        return out

    def __str__(self) -> str:
        return self.isoformat()

    def earliest(self) -> dt.datetime:
        """The first instant this date could denote."""
        return dt.datetime(
            self.year, self.month or 1, self.day or 1, self.hour or 0, self.minute or 0
        )

    def latest(self) -> dt.datetime:
        """The first instant *after* this date (exclusive end)."""
        start = self.earliest()
        try:
            if self.minute is not None:
                return start + dt.timedelta(minutes=1)
            if self.day is not None:
                return start + dt.timedelta(days=1)
            if self.month is not None:
                return dt.datetime(self.year + self.month // 12, self.month % 12 + 1, 1)
            return dt.datetime(self.year + 1, 1, 1)
        except (OverflowError, ValueError):  # the last of year 9999: past Python's calendar
            return _MAX

    def as_date(self) -> dt.date | None:
        """The calendar date, when known to the day."""
        if self.day is None:
            return None
        return dt.date(self.year, self.month or 1, self.day)

    def span(self) -> tuple[dt.datetime, dt.datetime]:
        """The instants it may denote: ``(first, first after)``."""
        return (self.earliest(), self.latest())


@frozen(kw_only=True)
class DateRange:
    """An interval between two partial dates; ``None`` leaves that end open.

    "Thursday or Friday" is a range of two days; "since March 2022" has an open end.
    """

    start: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    end: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.start is not None
            and self.end is not None
            and self.start.earliest() >= self.end.latest()
        ):
            raise ModelError("DateRange", "end", self.end, f"an end not before start {self.start}")

    def span(self) -> tuple[dt.datetime, dt.datetime]:
        """The instants it may denote: ``(first, first after)``."""
        return (
            self.start.earliest() if self.start is not None else _MIN,
            self.end.latest() if self.end is not None else _MAX,
        )

    def isoformat(self) -> str:
        """The ISO form (``2025-05``, ``2025-05-16``; ``START/END`` for a range, ``..`` when open)."""
        start = self.start.isoformat() if self.start else ".."
        end = self.end.isoformat() if self.end else ".."
        return f"{start}/{end}"

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def parse(cls, text: str) -> DateRange:
        """Parse ``START/END`` where either side may be ``..`` (open)."""
        if not isinstance(text, str) or text.count("/") != 1:
            raise ModelError("DateRange", "iso", text, "START/END with '..' for an open end")
        start, end = text.split("/")
        return cls(
            start=None if start == ".." else PartialDate.parse(start),
            end=None if end == ".." else PartialDate.parse(end),
        )


#: A resolved point or span of time.
TimeValue = PartialDate | DateRange


def time_contains(outer: TimeValue, inner: TimeValue) -> bool:
    """True when every instant ``inner`` may denote lies within ``outer``."""
    o_start, o_end = outer.span()
    i_start, i_end = inner.span()
    return o_start <= i_start and i_end <= o_end


def time_overlaps(a: TimeValue, b: TimeValue) -> bool:
    """True when some instant may be denoted by both."""
    a_start, a_end = a.span()
    b_start, b_end = b.span()
    return a_start < b_end and b_start < a_end


def parse_time_value(text: str) -> TimeValue:
    """Inverse of ``isoformat`` for both time value kinds."""
    return DateRange.parse(text) if "/" in text else PartialDate.parse(text)


#: The former name of :class:`Bound`, kept for existing callers.
DurationBound = Bound


_UNIT_MINUTES = {
    "years": 365.25 * 24 * 60,
    "months": 30.4375 * 24 * 60,
    "weeks": 7 * 24 * 60,
    "days": 24 * 60,
    "hours": 60,
    "minutes": 1,
}


#: The longest duration: ten thousand years (the whole calendar), in minutes.
_LONGEST_MINUTES = 10_000 * 525_960


@frozen(kw_only=True)
class Duration:
    """A length of time as reported: calendar components plus a hedge."""

    years: int = attrs.field(default=0, validator=v.non_negative_int)
    months: int = attrs.field(default=0, validator=v.non_negative_int)
    weeks: int = attrs.field(default=0, validator=v.non_negative_int)
    days: int = attrs.field(default=0, validator=v.non_negative_int)
    hours: int = attrs.field(default=0, validator=v.non_negative_int)
    minutes: int = attrs.field(default=0, validator=v.non_negative_int)
    bound: Bound = attrs.field(default=Bound.EXACT, validator=v.instance_of(Bound))

    def __attrs_post_init__(self) -> None:
        try:
            total = self.total_minutes()
        except OverflowError:
            total = math.inf
        if total == 0:
            raise ModelError("Duration", "components", self, "at least one non-zero component")
        if total > _LONGEST_MINUTES:  # its length must compare with others as a number
            raise ModelError("Duration", "components", self, "a length of at most 10,000 years")

    def _components(self) -> list[tuple[str, int]]:
        return [(u, getattr(self, u)) for u in _UNIT_MINUTES if getattr(self, u)]

    def total_minutes(self) -> float:
        """The stated length in minutes (calendar units at their average length)."""
        return sum(n * _UNIT_MINUTES[u] for u, n in self._components())

    def interval(self) -> Interval:
        """The minutes the phrase allows (see :mod:`negotiations.model._bounds`).

        "approximately" allows 10 % or, for a single-unit duration ("about two
        hours"), half that unit, whichever is wider; "nearly"/"just over" allow
        one unit of the largest unit written.
        """
        total = self.total_minutes()
        largest = _UNIT_MINUTES[self._components()[0][0]]
        if self.bound is Bound.APPROXIMATELY:
            single = len(self._components()) == 1
            slack = max(0.1 * total, largest / 2 if single else 0.1 * total)
            return hedge_interval(total, self.bound, slack)
        return hedge_interval(total, self.bound, largest)

    def range(self) -> tuple[float, float, bool, bool]:
        """``(low, high, low_closed, high_closed)`` in minutes: :meth:`interval` as a tuple."""
        i = self.interval()
        return (i.low, i.high, i.low_closed, i.high_closed)

    def overlaps(self, other: Duration) -> bool:
        """Could one length be what both phrases say?"""
        return self.interval().overlaps(other.interval())

    def contains(self, other: Duration) -> bool:
        """Does this phrase allow every length ``other`` allows?"""
        return self.interval().contains(other.interval())

    def __str__(self) -> str:
        words = ", ".join(f"{n} {u if n != 1 else u[:-1]}" for u, n in self._components())
        return words if self.bound is DurationBound.EXACT else f"{self.bound.value} {words}"


@frozen(kw_only=True)
class TimeExpression:
    """A date expression as written, beside what it was resolved to and against what.

    ``anchor`` is the reference date (usually the publication date) and ``method``
    names the resolution step, so an analyst can re-check "on Thursday".
    """

    text: str = attrs.field(validator=v.text)
    value: TimeValue | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate, DateRange))
    )
    anchor: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    method: str = attrs.field(default="unresolved", validator=v.text)
