"""Hedged numbers as intervals: "less than two hours", "about 90 minutes", "more than 1,000".

A report rarely gives an exact figure. Each hedge word maps to a :class:`Bound`,
and a bound turns the stated number into the interval of values the words allow.
Two hedged figures are compatible when their intervals overlap; one refines the
other when its interval lies inside the other's.

Tolerances (``v`` is the stated number; ``step`` is one unit of the largest unit
written, e.g. one hour in "1 hour 45 minutes"; it is used for durations only):

============  ==========================================  ====================
bound         words                                        interval
============  ==========================================  ====================
EXACT         "90 minutes", "just 90 minutes", "exactly"   [v, v]
APPROXIMATELY "about", "around", "approximately", "some"   [v - t, v + t], t = 10 % of v
                                                           (a single-unit duration: half
                                                           a unit; a clock time: 15 min)
NEARLY        "nearly", "almost", "just under"             [v - t, v), t = 10 % of v
                                                           (durations: one step)
JUST_OVER     "just over", "slightly more than"            (v, v + t], as NEARLY
OVER          "over", "more than", "upwards of"            (v, inf)
UNDER         "less than", "under", "fewer than"           [0, v)
AT_LEAST      "at least", "no less than"                   [v, inf)
AT_MOST       "at most", "no more than", "up to"           [0, v]
============  ==========================================  ====================
"""

from __future__ import annotations

import enum
import math

from attrs import frozen


class Bound(enum.Enum):
    """How a reported number is hedged; see the module docstring for each interval."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    NEARLY = "nearly"
    JUST_OVER = "just_over"
    OVER = "over"
    UNDER = "under"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


#: The share of the stated number that "about", "nearly" and "just over" allow.
RELATIVE_TOLERANCE = 0.10


@frozen
class Interval:
    """A set of reals ``low..high``; each end open or closed."""

    low: float
    high: float
    low_closed: bool = True
    high_closed: bool = True

    @property
    def width(self) -> float:
        """How wide the interval is (infinite for an open end)."""
        return self.high - self.low

    def overlaps(self, other: Interval) -> bool:
        """Could one value lie in both?"""
        if self.low > other.low or (self.low == other.low and not self.low_closed):
            low, low_closed = self.low, self.low_closed
        else:
            low, low_closed = other.low, other.low_closed
        if self.high < other.high or (self.high == other.high and not self.high_closed):
            high, high_closed = self.high, self.high_closed
        else:
            high, high_closed = other.high, other.high_closed
        return low < high or (low == high and low_closed and high_closed)

    def contains(self, other: Interval) -> bool:
        """Does every value of ``other`` lie in this interval?"""
        low_ok = self.low < other.low or (
            self.low == other.low and (self.low_closed or not other.low_closed)
        )
        high_ok = other.high < self.high or (
            self.high == other.high and (self.high_closed or not other.high_closed)
        )
        return low_ok and high_ok


def hedge_interval(value: float, bound: Bound, tolerance: float | None = None) -> Interval:
    """The interval a hedged ``value`` allows; ``tolerance`` overrides the 10 % slack
    of APPROXIMATELY, NEARLY and JUST_OVER (durations pass their unit step)."""
    slack = abs(value) * RELATIVE_TOLERANCE if tolerance is None else tolerance
    relative = (Bound.APPROXIMATELY, Bound.NEARLY, Bound.JUST_OVER)
    if bound is Bound.EXACT or (bound in relative and slack <= 0):
        # "Nearly zero" leaves no room to hedge: the figure itself, never an empty set.
        return Interval(value, value)
    if bound is Bound.APPROXIMATELY:
        return Interval(value - slack, value + slack)
    if bound is Bound.NEARLY:
        return Interval(value - slack, value, True, False)
    if bound is Bound.JUST_OVER:
        return Interval(value, value + slack, False, True)
    if bound is Bound.OVER:
        return Interval(value, math.inf, False, True)
    # Reported figures are counts, lengths and clock times: "less than v" starts at
    # zero, unless v itself is not above zero, where the words set no lower bound.
    floor = 0.0 if value > 0 else -math.inf
    if bound is Bound.UNDER:
        return Interval(floor, value, True, False)
    if bound is Bound.AT_LEAST:
        return Interval(value, math.inf)
    return Interval(floor, value)


__all__ = ["RELATIVE_TOLERANCE", "Bound", "Interval", "hedge_interval"]
