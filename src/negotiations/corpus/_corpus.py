"""The loaded corpus: documents, registries and assertions, with lookups."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from attrs import frozen

from negotiations.corpus._anchors import verify_anchor
from negotiations.corpus._gazetteer import Gazetteer
from negotiations.errors import CorpusError, CorpusValidationError, UnknownReferenceError
from negotiations.model import (
    Actor,
    Assertion,
    DelegationRef,
    Document,
    DocumentId,
    EntityId,
    Event,
    Office,
    Organization,
    Person,
    Place,
    Predicate,
    SourceId,
    State,
)
from negotiations.model import _validators as v


@frozen(kw_only=True)
class Corpus:
    """Everything a corpus says, immutable; lookups resolve any spelling of a name."""

    documents: tuple[Document, ...] = attrs.field(
        validator=v.collection_of(tuple, v.instance_of(Document))
    )
    actors: tuple[Actor, ...] = attrs.field(
        validator=v.collection_of(tuple, v.instance_of(Person, Organization, State))
    )
    places: tuple[Place, ...] = attrs.field(validator=v.collection_of(tuple, v.instance_of(Place)))
    offices: tuple[Office, ...] = attrs.field(
        validator=v.collection_of(tuple, v.instance_of(Office))
    )
    events: tuple[Event, ...] = attrs.field(validator=v.collection_of(tuple, v.instance_of(Event)))
    assertions: tuple[Assertion, ...] = attrs.field(
        validator=v.collection_of(tuple, v.instance_of(Assertion))
    )
    _actor_index: Gazetteer[Actor] = attrs.field(init=False, eq=False, repr=False)
    _place_index: Gazetteer[Place] = attrs.field(init=False, eq=False, repr=False)
    _office_index: Gazetteer[Office] = attrs.field(init=False, eq=False, repr=False)
    _event_index: Gazetteer[Event] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        problems = list(self._anchor_problems())
        if problems:
            raise CorpusValidationError(problems)
        object.__setattr__(self, "_actor_index", Gazetteer("actor", self.actors))
        object.__setattr__(self, "_place_index", Gazetteer("place", self.places))
        object.__setattr__(self, "_office_index", Gazetteer("office", self.offices))
        object.__setattr__(self, "_event_index", Gazetteer("event", self.events))

    def _anchor_problems(self) -> Iterator[CorpusError]:
        """Every anchor must hold in its document (offsets, quote and text checksum),
        also for a corpus rebuilt from JSON rather than loaded from annotations."""
        documents = {d.id: d for d in self.documents}
        anchors = [(f"assertion {a.id}", a.evidence) for a in self.assertions]
        for document in self.documents:
            published = document.source.published
            anchors += [
                (f"publication date of {document.id}", e)
                for e in (published.evidence if published else ())
            ]
            anchors += [(f"source of {document.id}", e) for e in document.source.evidence]
        for where, anchor in anchors:
            target = documents.get(anchor.document)
            if target is None:
                yield UnknownReferenceError(f"{where}: no document {anchor.document!r}", file=where)
                continue
            problem = verify_anchor(target, anchor)
            if problem is not None:
                error_class, message = problem
                yield error_class(message, file=where)

    def actor(self, name: str) -> Actor:
        """The actor any spelling refers to ("Zelensky", "Zelenskyy", "zelenskiy")."""
        return self._actor_index.resolve(name)

    def place(self, name: str) -> Place:
        """The place any spelling refers to ("Kiev", "Kyiv")."""
        return self._place_index.resolve(name)

    def office(self, name: str) -> Office:
        """An office by id or name ("us_secretary_of_state", "United States Secretary of State")."""
        return self._office_index.resolve(name)

    def event(self, name: str) -> Event:
        """An event by id or curated name."""
        return self._event_index.resolve(name)

    def document(self, identifier: DocumentId | SourceId | str) -> Document:
        for document in self.documents:
            if identifier in (document.id, document.source.id):
                return document
        raise KeyError(identifier)

    def delegations(self) -> Iterator[DelegationRef]:
        for event in self.events:
            yield from event.delegations

    def about(
        self, subject: EntityId | str, predicate: Predicate | None = None
    ) -> tuple[Assertion, ...]:
        """Assertions about ``subject`` (optionally of one predicate), in corpus order."""
        return tuple(
            a
            for a in self.assertions
            if a.subject == subject and (predicate is None or a.predicate is predicate)
        )

    def summary(self) -> str:
        return (
            f"{len(self.documents)} documents, {len(self.assertions)} assertions, "
            f"{len(self.actors)} actors, {len(self.places)} places, {len(self.offices)} offices, "
            f"{len(self.events)} events"
        )
