"""What reconciliation needs to know beyond the assertions themselves."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from attrs import frozen

from negotiations.model import (
    ActorId,
    EntityId,
    EventId,
    OfficeId,
    PredicateSpec,
    Registry,
    Source,
    SourceId,
    Vocabulary,
)


@frozen(kw_only=True)
class Context:
    """Registry facts the rules consult: which offices have one holder, which
    event a delegation belongs to and whose it is, which outlet published a source,
    and the vocabulary that says how each predicate's answers conflict.

    Built with :meth:`build` from a registry and sources; an empty context (no
    registry) is valid and simply makes the rules that need one abstain.
    """

    single_holder_offices: frozenset[OfficeId] = frozenset()
    delegation_events: Mapping[EntityId, tuple[EventId, ActorId]] = attrs.field(factory=dict)
    source_outlets: Mapping[SourceId, ActorId] = attrs.field(factory=dict)
    vocabulary: Vocabulary = attrs.field(factory=Vocabulary.builtin)

    @classmethod
    def build(
        cls,
        registry: Registry | None = None,
        sources: Mapping[SourceId, Source] | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> Context:
        registry = registry if registry is not None else Registry()
        return cls(
            single_holder_offices=frozenset(o.id for o in registry.offices if o.single_holder),
            delegation_events={EntityId(d.id): (d.event, d.party) for d in registry.delegations()},
            source_outlets={
                sid: source.outlet
                for sid, source in (sources or {}).items()
                if source.outlet is not None
            },
            vocabulary=vocabulary if vocabulary is not None else Vocabulary.builtin(),
        )

    @classmethod
    def from_corpus(cls, corpus: Any, vocabulary: Vocabulary | None = None) -> Context:
        """The context of anything with a ``registry`` and ``sources`` (a Corpus)."""
        return cls.build(corpus.registry, corpus.sources, vocabulary)

    def spec(self, predicate: str) -> PredicateSpec:
        return self.vocabulary.spec(predicate)

    def listed_with(self, predicate: str) -> tuple[str, ...]:
        """The complete-list predicates that count ``predicate``'s values as listed."""
        return tuple(
            spec.name
            for spec in self.vocabulary.specs.values()
            if spec.complete_lists and predicate in spec.lists_with
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
