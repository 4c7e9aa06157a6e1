"""Posts and their occupancy, kept apart (Popolo: a post is held through a membership)."""

from __future__ import annotations

import attrs
from attrs import frozen

from negotiations.model import _validators as v
from negotiations.model._ids import ActorId, AssertionId, OfficeId
from negotiations.model._time import DateRange


@frozen(kw_only=True)
class Office:
    """A post such as "Minister of Defence of Ukraine".

    ``single_holder`` says whether only one person holds it at a time; reconciliation
    uses it to see that two people named to it at once contradict each other.
    """

    id: OfficeId = attrs.field(validator=v.identifier)
    name: str = attrs.field(validator=v.text)
    organization: ActorId = attrs.field(validator=v.identifier)
    single_holder: bool = attrs.field(validator=v.instance_of(bool))
    aliases: frozenset[str] = attrs.field(
        factory=frozenset, validator=v.collection_of(frozenset, v.text), repr=v.sorted_repr
    )
    #: Offices that may be held together with this one (e.g. a minister who also
    #: chairs a council of the same government); others of the same organisation
    #: hierarchy exclude each other at any one time.
    combines_with: frozenset[OfficeId] = attrs.field(
        factory=frozenset, validator=v.collection_of(frozenset, v.identifier)
    )

    def names(self) -> tuple[str, ...]:
        """Every name it goes by: the canonical one first, then the aliases, sorted."""
        return (self.name, *sorted(self.aliases))


@frozen(kw_only=True)
class OfficeTerm:
    """Who held an office when, as far as the evidence says (ends may be open)."""

    holder: ActorId = attrs.field(validator=v.identifier)
    office: OfficeId = attrs.field(validator=v.identifier)
    valid: DateRange = attrs.field(factory=DateRange, validator=v.instance_of(DateRange))
    evidence: tuple[AssertionId, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.identifier)
    )
