"""Typed assertion values, each knowing how it compares with another.

Every value answers four questions the conflict model asks, so that no other
module dispatches on value types: its matching :meth:`key` (two values with the
same key are the same answer), whether it is :meth:`compatible` with another
(both could be true at once: "less than two hours" and "about 1 hour 45 minutes"),
whether it :meth:`contains` another (the other is a refinement of it), and its
:meth:`spread` (how imprecise it is; the most precise compatible answer stands
for the others).
"""

from __future__ import annotations

import math

import attrs
from attrs import frozen

from negotiations.model import _validators as v
from negotiations.model._amounts import ClockTime, Quantity
from negotiations.model._events import MeetingMode, MeetingStatus
from negotiations.model._ids import ActorId, EventId, OfficeId, PlaceId
from negotiations.model._names import fold
from negotiations.model._positions import Issue, Stance
from negotiations.model._time import (
    Duration,
    PartialDate,
    TimeExpression,
    time_contains,
    time_overlaps,
)


class _Exact:
    """Behaviour of values that are either the same answer or a different one."""

    __slots__ = ()

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        raise NotImplementedError

    def compatible(self, other: object) -> bool:
        """Could both values be true at once?"""
        return isinstance(other, _Exact) and self.key() == other.key()

    def contains(self, other: object) -> bool:
        """Is every state of affairs ``other`` allows also allowed by this value?"""
        return isinstance(other, _Exact) and self.key() == other.key()

    def spread(self) -> float:
        """How imprecise the value is (0 for an exact answer)."""
        return 0.0

    def refers_to(self) -> frozenset[str]:
        """Registry ids the value names (an actor, a place ...)."""
        return frozenset()

    def label(self) -> str:
        """The value in words, as a person reads it."""
        return self.key()


@frozen(kw_only=True)
class ActorValue(_Exact):
    actor: ActorId = attrs.field(validator=v.identifier)

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return self.actor

    def refers_to(self) -> frozenset[str]:
        return frozenset((self.actor,))


@frozen(kw_only=True)
class PlaceValue(_Exact):
    place: PlaceId = attrs.field(validator=v.identifier)

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return self.place

    def refers_to(self) -> frozenset[str]:
        return frozenset((self.place,))


@frozen(kw_only=True)
class OfficeValue(_Exact):
    office: OfficeId = attrs.field(validator=v.identifier)

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return self.office

    def refers_to(self) -> frozenset[str]:
        return frozenset((self.office,))


@frozen(kw_only=True)
class EventValue(_Exact):
    event: EventId = attrs.field(validator=v.identifier)

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return self.event

    def refers_to(self) -> frozenset[str]:
        return frozenset((self.event,))


@frozen(kw_only=True)
class TextValue(_Exact):
    """Free text as written; texts match when they fold to the same words."""

    text: str = attrs.field(validator=v.text)

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return fold(self.text)

    def label(self) -> str:
        """The value in words, as a person reads it."""
        return self.text


@frozen(kw_only=True)
class StatusValue(_Exact):
    status: MeetingStatus = attrs.field(validator=v.instance_of(MeetingStatus))

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return self.status.value


@frozen(kw_only=True)
class ModeValue(_Exact):
    mode: MeetingMode = attrs.field(validator=v.instance_of(MeetingMode))

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return self.mode.value


@frozen(kw_only=True)
class PositionValue(_Exact):
    """A stance on an issue; stances on the same side of an issue are compatible."""

    issue: Issue = attrs.field(validator=v.instance_of(Issue))
    stance: Stance = attrs.field(validator=v.instance_of(Stance))
    terms: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return f"{self.issue.value}:{self.stance.value}"

    def compatible(self, other: object) -> bool:
        return (
            isinstance(other, PositionValue)
            and self.issue is other.issue
            and self.stance.favourable == other.stance.favourable
        )

    def label(self) -> str:
        """The value in words, as a person reads it."""
        return f"{self.stance.value} {self.issue.value.replace('_', ' ')}"


class _Ranged:
    """Behaviour of values that denote a range: compatible when the ranges overlap."""

    __slots__ = ()

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        raise NotImplementedError

    def _overlaps(self, other: object) -> bool | None:
        raise NotImplementedError

    def _contains(self, other: object) -> bool | None:
        raise NotImplementedError

    def compatible(self, other: object) -> bool:
        found = self._overlaps(other)
        return found if found is not None else self.key() == getattr(other, "key", str)()

    def contains(self, other: object) -> bool:
        found = self._contains(other)
        return found if found is not None else self.key() == getattr(other, "key", str)()

    def spread(self) -> float:
        """How imprecise the value is (the width of what it allows; 0 when exact)."""
        raise NotImplementedError

    def refers_to(self) -> frozenset[str]:
        return frozenset()

    def label(self) -> str:
        """The value in words, as a person reads it."""
        text: str = getattr(self, "text", self.key())
        return text


@frozen(kw_only=True)
class DateValue(_Ranged):
    """A date expression with its resolution; unresolved dates match by their words."""

    expression: TimeExpression = attrs.field(validator=v.instance_of(TimeExpression))

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        resolved = self.expression.value
        return resolved.isoformat() if resolved is not None else "?" + fold(self.expression.text)

    def _overlaps(self, other: object) -> bool | None:
        if isinstance(other, DateValue) and None not in (
            self.expression.value,
            other.expression.value,
        ):
            return time_overlaps(self.expression.value, other.expression.value)  # type: ignore[arg-type]
        return None

    def _contains(self, other: object) -> bool | None:
        if isinstance(other, DateValue) and None not in (
            self.expression.value,
            other.expression.value,
        ):
            return time_contains(self.expression.value, other.expression.value)  # type: ignore[arg-type]
        return None

    def spread(self) -> float:
        """How imprecise the value is (the width of what it allows; 0 when exact)."""
        if self.expression.value is None:
            return math.inf
        start, end = self.expression.value.span()
        return (end - start).total_seconds()

    def label(self) -> str:
        """The value in words, as a person reads it."""
        return self.expression.text


@frozen(kw_only=True)
class DurationValue(_Ranged):
    """A length of time as written ("less than two hours") and as an interval of minutes."""

    text: str = attrs.field(validator=v.text)
    duration: Duration = attrs.field(validator=v.instance_of(Duration))

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return str(self.duration)

    def _overlaps(self, other: object) -> bool | None:
        if isinstance(other, DurationValue):
            return self.duration.overlaps(other.duration)
        return None

    def _contains(self, other: object) -> bool | None:
        if isinstance(other, DurationValue):
            return self.duration.contains(other.duration)
        return None

    def spread(self) -> float:
        """How imprecise the value is (the width of what it allows; 0 when exact)."""
        return self.duration.interval().width


@frozen(kw_only=True)
class QuantityValue(_Ranged):
    """A number as written ("more than 1,000 prisoners") and what it allows."""

    text: str = attrs.field(validator=v.text)
    quantity: Quantity = attrs.field(validator=v.instance_of(Quantity))

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return str(self.quantity)

    def _same_unit(self, other: object) -> bool:
        return isinstance(other, QuantityValue) and (
            fold(self.quantity.unit or "") == fold(other.quantity.unit or "")
        )

    def _overlaps(self, other: object) -> bool | None:
        if not isinstance(other, QuantityValue):
            return None
        return self._same_unit(other) and self.quantity.interval().overlaps(
            other.quantity.interval()
        )

    def _contains(self, other: object) -> bool | None:
        if not isinstance(other, QuantityValue):
            return None
        return self._same_unit(other) and self.quantity.interval().contains(
            other.quantity.interval()
        )

    def spread(self) -> float:
        """How imprecise the value is (the width of what it allows; 0 when exact)."""
        return self.quantity.interval().width


@frozen(kw_only=True)
class ClockValue(_Ranged):
    """A time of day as written ("around 13:35"), optionally on a known date (an instant)."""

    text: str = attrs.field(validator=v.text)
    time: ClockTime = attrs.field(validator=v.instance_of(ClockTime))
    date: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )

    def key(self) -> str:
        """The matching key: two values with the same key are the same answer."""
        return f"{self.date.isoformat()}T{self.time}" if self.date else str(self.time)

    def _dates_agree(self, other: ClockValue, *, inside: bool) -> bool:
        if self.date is None or other.date is None:
            return self.date is None or not inside
        if inside:
            return time_contains(self.date, other.date)
        return time_overlaps(self.date, other.date)

    def _overlaps(self, other: object) -> bool | None:
        if not isinstance(other, ClockValue):
            return None
        return self._dates_agree(other, inside=False) and self.time.interval(other.time).overlaps(
            other.time.interval(self.time)
        )

    def _contains(self, other: object) -> bool | None:
        if not isinstance(other, ClockValue):
            return None
        return self._dates_agree(other, inside=True) and self.time.interval(other.time).contains(
            other.time.interval(self.time)
        )

    def spread(self) -> float:
        """How imprecise the value is (the width of what it allows; 0 when exact)."""
        width = self.time.interval().width
        return width if self.date is not None else width + 24 * 60


#: Any assertion value; serialised as a tagged union with a ``type`` key.
Value = (
    ActorValue
    | PlaceValue
    | OfficeValue
    | EventValue
    | TextValue
    | DateValue
    | DurationValue
    | QuantityValue
    | ClockValue
    | StatusValue
    | ModeValue
    | PositionValue
)

#: The values that are a registry id (an actor, place, office or event): shown to a
#: reader by the name the registry, or the table they came from, gives them.
ID_VALUE_TYPES: tuple[type[ActorValue], type[PlaceValue], type[OfficeValue], type[EventValue]] = (
    ActorValue,
    PlaceValue,
    OfficeValue,
    EventValue,
)

VALUE_TYPES: tuple[type, ...] = (
    ActorValue,
    PlaceValue,
    OfficeValue,
    EventValue,
    TextValue,
    DateValue,
    DurationValue,
    QuantityValue,
    ClockValue,
    StatusValue,
    ModeValue,
    PositionValue,
)
