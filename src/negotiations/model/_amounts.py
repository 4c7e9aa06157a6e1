"""Numbers and clock times as reports give them: hedged, with a unit or a time zone.

"1,000 prisoners each", "a 12-member delegation", "began around 13:35 and ended
at 15:20 local time": each becomes a value whose :meth:`interval` says what the
words allow (see :mod:`negotiations.model._bounds` for the hedge tolerances).
"""

from __future__ import annotations

import math
from typing import Any

import attrs
from attrs import frozen

from negotiations.errors import ModelError
from negotiations.model import _validators as v
from negotiations.model._bounds import Bound, Interval, hedge_interval

#: "around 13:35" allows this many minutes either side.
CLOCK_TOLERANCE_MINUTES = 15.0


def _to_float(value: object) -> float:
    """Amounts are floats (so 1000 and 1000.0 are one claim, also after JSON)."""
    if type(value) not in (int, float) or not math.isfinite(value):  # type: ignore[arg-type]
        raise ModelError("Quantity", "amount", value, "a finite number")
    return float(value)  # type: ignore[arg-type]


def _unit(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or value != value.strip() or not value):
        v.fail(instance, attribute, value, "a unit word without surrounding spaces, or None")


@frozen(kw_only=True)
class Quantity:
    """A count or measure: ``amount`` of ``unit`` (None for a bare number), hedged by ``bound``.

    Quantities in different units never compare equal or compatible: the unit is
    part of what is claimed ("1,000 prisoners" is not "1,000 people").
    """

    amount: float = attrs.field(converter=_to_float)
    unit: str | None = attrs.field(default=None, validator=_unit)
    bound: Bound = attrs.field(default=Bound.EXACT, validator=v.instance_of(Bound))

    def interval(self) -> Interval:
        """The amounts the hedged figure allows."""
        return hedge_interval(float(self.amount), self.bound)

    def __str__(self) -> str:
        number = f"{self.amount:,.0f}" if float(self.amount).is_integer() else f"{self.amount:g}"
        words = f"{number} {self.unit}" if self.unit else number
        return words if self.bound is Bound.EXACT else f"{self.bound.value} {words}"


def _offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not -18 * 60 <= value <= 18 * 60):
        v.fail(instance, attribute, value, "minutes east of UTC in -1080..1080, or None")


def _hour(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 0 <= value <= 23:
        v.fail(instance, attribute, value, "an hour in 0..23")


def _minute(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 0 <= value <= 59:
        v.fail(instance, attribute, value, "a minute in 0..59")


@frozen(kw_only=True)
class ClockTime:
    """A time of day, with the UTC offset the report states (None: not stated).

    Two times compare in UTC when both state an offset, and as written otherwise
    (a report that gives no zone is taken to use the same clock as the other).
    """

    hour: int = attrs.field(validator=_hour)
    minute: int = attrs.field(default=0, validator=_minute)
    utc_offset: int | None = attrs.field(default=None, validator=_offset)
    bound: Bound = attrs.field(default=Bound.EXACT, validator=v.instance_of(Bound))

    def minutes(self) -> int:
        """Minutes since midnight on the clock as written."""
        return self.hour * 60 + self.minute

    def interval(self, other: ClockTime | None = None) -> Interval:
        """The minutes of the day the words allow; in UTC when this and ``other`` state zones."""
        base = float(self.minutes())
        if other is not None and self.utc_offset is not None and other.utc_offset is not None:
            base -= self.utc_offset
        return hedge_interval(base, self.bound, CLOCK_TOLERANCE_MINUTES)

    def __str__(self) -> str:
        text = f"{self.hour:02d}:{self.minute:02d}"
        if self.utc_offset is not None:
            sign = "+" if self.utc_offset >= 0 else "-"
            hours, minutes = divmod(abs(self.utc_offset), 60)
            text += f"{sign}{hours:02d}:{minutes:02d}"
        return text if self.bound is Bound.EXACT else f"{self.bound.value} {text}"


__all__ = ["CLOCK_TOLERANCE_MINUTES", "ClockTime", "Quantity"]
