"""Typed assertion values; a predicate declares which of these it takes."""

from __future__ import annotations

import attrs
from attrs import frozen

from negotiations.model import _validators as v
from negotiations.model._events import MeetingMode, MeetingStatus
from negotiations.model._ids import ActorId, EventId, OfficeId, PlaceId
from negotiations.model._positions import Issue, Stance
from negotiations.model._time import Duration, TimeExpression


@frozen(kw_only=True)
class ActorValue:
    actor: ActorId = attrs.field(validator=v.identifier)


@frozen(kw_only=True)
class PlaceValue:
    place: PlaceId = attrs.field(validator=v.identifier)


@frozen(kw_only=True)
class OfficeValue:
    office: OfficeId = attrs.field(validator=v.identifier)


@frozen(kw_only=True)
class EventValue:
    event: EventId = attrs.field(validator=v.identifier)


@frozen(kw_only=True)
class TextValue:
    text: str = attrs.field(validator=v.text)


@frozen(kw_only=True)
class DateValue:
    """A date expression with its resolution."""

    expression: TimeExpression = attrs.field(validator=v.instance_of(TimeExpression))


@frozen(kw_only=True)
class DurationValue:
    text: str = attrs.field(validator=v.text)
    duration: Duration = attrs.field(validator=v.instance_of(Duration))


@frozen(kw_only=True)
class StatusValue:
    status: MeetingStatus = attrs.field(validator=v.instance_of(MeetingStatus))


@frozen(kw_only=True)
class ModeValue:
    mode: MeetingMode = attrs.field(validator=v.instance_of(MeetingMode))


@frozen(kw_only=True)
class PositionValue:
    issue: Issue = attrs.field(validator=v.instance_of(Issue))
    stance: Stance = attrs.field(validator=v.instance_of(Stance))
    terms: str | None = attrs.field(default=None, validator=v.optional(v.text))


#: Any assertion value; serialised as a tagged union with a ``type`` key.
Value = (
    ActorValue
    | PlaceValue
    | OfficeValue
    | EventValue
    | TextValue
    | DateValue
    | DurationValue
    | StatusValue
    | ModeValue
    | PositionValue
)

VALUE_TYPES: tuple[type, ...] = (
    ActorValue,
    PlaceValue,
    OfficeValue,
    EventValue,
    TextValue,
    DateValue,
    DurationValue,
    StatusValue,
    ModeValue,
    PositionValue,
)
