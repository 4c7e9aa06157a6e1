"""Who acts: people, organisations and states, plus the places they act in."""

from __future__ import annotations

import enum

import attrs
from attrs import frozen

from negotiations.model import _validators as v
from negotiations.model._ids import ActorId, PlaceId

_aliases = v.collection_of(frozenset, v.text)


@frozen(kw_only=True)
class Person:
    """A natural person, with every spelling of their name the sources use."""

    id: ActorId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    aliases: frozenset[str] = attrs.field(factory=frozenset, validator=_aliases, repr=v.sorted_repr)

    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the canonical one first, then the aliases, sorted."""
        return (self.name, *sorted(self.aliases))


class OrganizationKind(enum.Enum):
    GOVERNMENT = "government"
    MINISTRY = "ministry"
    AGENCY = "agency"
    INTELLIGENCE_SERVICE = "intelligence_service"
    ARMED_FORCES = "armed_forces"
    PRESIDENTIAL_OFFICE = "presidential_office"
    INTERGOVERNMENTAL = "intergovernmental"
    ALLIANCE = "alliance"
    MEDIA_OUTLET = "media_outlet"
    NEWS_AGENCY = "news_agency"
    OTHER = "other"


@frozen(kw_only=True)
class Organization:
    """A body that acts collectively: ministry, agency, armed force, alliance, outlet."""

    id: ActorId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    aliases: frozenset[str] = attrs.field(factory=frozenset, validator=_aliases, repr=v.sorted_repr)
    kind: OrganizationKind = attrs.field(
        default=OrganizationKind.OTHER, validator=v.instance_of(OrganizationKind)
    )
    country: ActorId | None = attrs.field(default=None, validator=v.optional(v.identifier))
    parent: ActorId | None = attrs.field(default=None, validator=v.optional(v.identifier))

    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the canonical one first, then the aliases, sorted."""
        return (self.name, *sorted(self.aliases))


@frozen(kw_only=True)
class State:
    """A sovereign state as a party to negotiations."""

    id: ActorId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    aliases: frozenset[str] = attrs.field(factory=frozenset, validator=_aliases, repr=v.sorted_repr)

    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the canonical one first, then the aliases, sorted."""
        return (self.name, *sorted(self.aliases))


#: Any actor; serialised as a tagged union with a ``type`` key.
Actor = Person | Organization | State


class PlaceKind(enum.Enum):
    CITY = "city"
    VENUE = "venue"
    AIRPORT = "airport"
    REGION = "region"
    COUNTRY = "country"


@frozen(kw_only=True)
class Place:
    """A location: a city, a venue within it, a region."""

    id: PlaceId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    kind: PlaceKind = attrs.field(validator=v.instance_of(PlaceKind))
    aliases: frozenset[str] = attrs.field(factory=frozenset, validator=_aliases, repr=v.sorted_repr)
    country: ActorId | None = attrs.field(default=None, validator=v.optional(v.identifier))
    within: PlaceId | None = attrs.field(default=None, validator=v.optional(v.identifier))

    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the canonical one first, then the aliases, sorted."""
        return (self.name, *sorted(self.aliases))
