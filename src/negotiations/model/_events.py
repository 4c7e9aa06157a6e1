"""Meetings and other events, their delegations, and the reconciled meeting record."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs
from attrs import frozen

from negotiations.errors import UnknownNameError
from negotiations.model import _validators as v
from negotiations.model._actors import Actor, Organization, Person, Place, State
from negotiations.model._ids import ActorId, DelegationId, EventId
from negotiations.model._names import fold
from negotiations.model._time import DateRange, Duration, PartialDate, TimeValue


class EventKind(enum.Enum):
    MEETING = "meeting"
    AGREEMENT = "agreement"
    EXCHANGE = "exchange"
    VISIT = "visit"
    OTHER = "other"


class MeetingMode(enum.Enum):
    """How the parties meet (PLOVER-style modes; no direction implied)."""

    BILATERAL = "bilateral"
    TRILATERAL = "trilateral"
    MULTILATERAL = "multilateral"
    SUMMIT = "summit"
    PHONE = "phone"
    INTERNAL = "internal"
    VISIT = "visit"
    OTHER = "other"


class MeetingStatus(enum.Enum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    POSTPONED = "postponed"


@frozen(kw_only=True)
class DelegationRef:
    """A delegation's identity: the party it represents at one meeting."""

    id: DelegationId = attrs.field(validator=v.identifier)
    party: ActorId = attrs.field(validator=v.identifier)
    event: EventId = attrs.field(validator=v.identifier)


@frozen(kw_only=True)
class Event:
    """An event's identity as curated; every fact about it is an assertion."""

    id: EventId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    kind: EventKind = attrs.field(validator=v.instance_of(EventKind))
    delegations: tuple[DelegationRef, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(DelegationRef))
    )

    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the curated name first."""
        return (self.name,)


_actor = v.instance_of(Person, Organization, State)
_actors = v.collection_of(tuple, _actor)


@frozen(kw_only=True)
class Delegation:
    """A reconciled delegation: who represented a party, led by whom."""

    id: DelegationId = attrs.field(validator=v.identifier)
    party: Actor = attrs.field(validator=_actor)
    head: Actor | None = attrs.field(default=None, validator=v.optional(_actor))
    members: tuple[Actor, ...] = attrs.field(default=(), validator=_actors)
    appointed_by: Actor | None = attrs.field(default=None, validator=v.optional(_actor))


@frozen(kw_only=True)
class Meeting:
    """A reconciled meeting: every field comes from accepted verdicts.

    Fields whose verdict is contested or missing are ``None``/empty; the verdicts
    themselves say why.
    """

    id: EventId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    mode: MeetingMode | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(MeetingMode))
    )
    status: MeetingStatus | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(MeetingStatus))
    )
    when: TimeValue | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate, DateRange))
    )
    city: Place | None = attrs.field(default=None, validator=v.optional(v.instance_of(Place)))
    venue: Place | None = attrs.field(default=None, validator=v.optional(v.instance_of(Place)))
    host: Actor | None = attrs.field(default=None, validator=v.optional(_actor))
    chair: Actor | None = attrs.field(default=None, validator=v.optional(_actor))
    duration: Duration | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Duration))
    )
    mediators: tuple[Actor, ...] = attrs.field(default=(), validator=_actors)
    parties: tuple[Actor, ...] = attrs.field(default=(), validator=_actors)
    participants: tuple[Actor, ...] = attrs.field(default=(), validator=_actors)
    observers: tuple[Actor, ...] = attrs.field(default=(), validator=_actors)
    absent: tuple[Actor, ...] = attrs.field(default=(), validator=_actors)
    delegations: tuple[Delegation, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(Delegation))
    )

    @property
    def date(self) -> dt.date | None:
        """The day the meeting took (or takes) place, when known to the day."""
        return self.when.as_date() if isinstance(self.when, PartialDate) else None

    @property
    def delegations_by_party(self) -> Mapping[ActorId, Delegation]:
        """The delegations keyed by the id of the party each represents (read-only)."""
        return MappingProxyType({d.party.id: d for d in self.delegations})

    def delegation(self, party: Actor | str) -> Delegation | None:
        """The delegation of ``party``: an actor, its id, or any of its names ("Russia",
        "russia", "Russian Federation"). None when the party sent none to this meeting;
        a name that is no party's raises :class:`UnknownNameError` with close matches."""
        if not isinstance(party, str):
            return next((d for d in self.delegations if d.party.id == party.id), None)
        for d in self.delegations:
            if party == d.party.id or fold(party) in {fold(n) for n in d.party.names()}:
                return d
        names = [n for d in self.delegations for n in d.party.names()]
        close = difflib.get_close_matches(fold(party), [fold(n) for n in names], n=3, cutoff=0.6)
        if close or not self.delegations:
            suggestions = sorted({n for n in names if fold(n) in close})
            raise UnknownNameError(party, "delegation party", suggestions)
        return None

    def _repr_html_(self) -> str:
        """Notebook display (delegates to :mod:`negotiations.display.html`)."""
        from negotiations.display.html import meeting_html

        return meeting_html(self)
