"""What reconciliation needs to know beyond the assertions themselves."""

from __future__ import annotations

from collections.abc import Mapping

import attrs
from attrs import frozen

from negotiations.corpus import Corpus
from negotiations.model import ActorId, EntityId, EventId, OfficeId, SourceId


@frozen(kw_only=True)
class Context:
    """Registry facts the rules consult: which offices have one holder, which
    event a delegation belongs to and whose it is, which outlet published a source.

    Built from a corpus with :meth:`from_corpus`; an empty context (no registry)
    is valid and simply makes those rules abstain.
    """

    single_holder_offices: frozenset[OfficeId] = frozenset()
    delegation_events: Mapping[EntityId, tuple[EventId, ActorId]] = attrs.field(factory=dict)
    source_outlets: Mapping[SourceId, ActorId] = attrs.field(factory=dict)

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Context:
        return cls(
            single_holder_offices=frozenset(o.id for o in corpus.offices if o.single_holder),
            delegation_events={EntityId(d.id): (d.event, d.party) for d in corpus.delegations()},
            source_outlets={
                d.source.id: d.source.outlet
                for d in corpus.documents
                if d.source.outlet is not None
            },
        )

    def event_of(self, subject: EntityId) -> EventId | None:
        """The event a fact about ``subject`` concerns (itself, or its delegation's)."""
        if subject in self.delegation_events:
            return self.delegation_events[subject][0]
        return None

    def party_of(self, subject: EntityId) -> ActorId | None:
        """The party a delegation represents."""
        entry = self.delegation_events.get(subject)
        return entry[1] if entry else None
