"""The loaded corpus: a registry, the documents, and the assertions they support."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType

import attrs
from attrs import frozen

from negotiations.corpus._anchors import verify_anchor
from negotiations.errors import (
    CorpusError,
    CorpusValidationError,
    DuplicateIdError,
    UnknownReferenceError,
)
from negotiations.model import (
    Actor,
    Assertion,
    DelegationRef,
    Document,
    DocumentId,
    EntityId,
    Event,
    Office,
    Place,
    Registry,
    Source,
    SourceId,
    SubjectKind,
    TextAnchor,
    Vocabulary,
)
from negotiations.model import _validators as v
from negotiations.model._passages import Passage, shared_passages


@frozen(kw_only=True, repr=False)
class Corpus:
    """Everything a corpus says, immutable: a :class:`Registry` plus documents plus
    assertions. Lookups resolve any spelling of a name."""

    registry: Registry = attrs.field(validator=v.instance_of(Registry))
    documents: tuple[Document, ...] = attrs.field(
        validator=v.collection_of(tuple, v.instance_of(Document))
    )
    assertions: tuple[Assertion, ...] = attrs.field(
        validator=v.collection_of(tuple, v.instance_of(Assertion))
    )
    #: The predicates the assertions use: the built-ins plus a layer's registry/predicates.yaml.
    vocabulary: Vocabulary = attrs.field(
        factory=Vocabulary.builtin, validator=v.instance_of(Vocabulary)
    )
    _documents: dict[str, Document] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Document] = {}
        for document in self.documents:
            by_id[document.id] = document
            by_id.setdefault(document.source.id, document)
        object.__setattr__(self, "_documents", by_id)
        problems = [*self._integrity_problems(), *self._anchor_problems()]
        if problems:
            raise CorpusValidationError(problems)

    def _integrity_problems(self) -> Iterator[CorpusError]:
        """Unique documents and assertions, and references to what the corpus holds,
        however the corpus was built (loaded, in code, from JSON)."""
        seen_documents: set[str] = set()
        for document in self.documents:
            if document.id in seen_documents:
                yield DuplicateIdError(f"two documents with id {document.id!r}", file="documents")
            seen_documents.add(document.id)
        seen: set[str] = set()
        for assertion in self.assertions:
            where = f"assertion {assertion.id}"
            if assertion.id in seen:
                yield DuplicateIdError(f"{where} appears twice", file=where)
                continue
            seen.add(assertion.id)
            if assertion.source not in self._documents:
                yield UnknownReferenceError(
                    f"{where}: its source {assertion.source!r} is no document of the corpus",
                    file=where,
                )
            if assertion.predicate not in self.vocabulary:
                yield UnknownReferenceError(
                    f"{where}: predicate {assertion.predicate!r} is not in the vocabulary",
                    file=where,
                )
                continue
            spec = self.vocabulary.spec(assertion.predicate)
            names = set(assertion.value.refers_to())
            if SubjectKind.ANY not in spec.subjects:
                names.add(assertion.subject)
            for name in sorted(names):
                if not self.registry.knows(name):
                    yield UnknownReferenceError(
                        f"{where}: {name!r} is not in the registry", file=where, found=name
                    )

    def _anchor_problems(self) -> Iterator[CorpusError]:
        """Every anchor must hold in its document (offsets, quote and text checksum),
        also for a corpus rebuilt from JSON rather than loaded from annotations."""
        anchors: list[tuple[str, TextAnchor]] = [
            (f"assertion {a.id}", a.evidence)
            for a in self.assertions
            if isinstance(a.evidence, TextAnchor)
        ]
        for document in self.documents:
            published = document.source.published
            anchors += [
                (f"publication date of {document.id}", e)
                for e in (published.evidence if published else ())
            ]
            anchors += [(f"source of {document.id}", e) for e in document.source.evidence]
        for where, anchor in anchors:
            target = self._documents.get(anchor.document)
            if target is None:
                yield UnknownReferenceError(f"{where}: no document {anchor.document!r}", file=where)
                continue
            problem = verify_anchor(target, anchor)
            if problem is not None:
                error_class, message = problem
                yield error_class(message, file=where)

    # -- the registry, for convenience --------------------------------------------
    @property
    def actors(self) -> tuple[Actor, ...]:
        """The registry's actors."""
        return self.registry.actors

    @property
    def places(self) -> tuple[Place, ...]:
        """The registry's places."""
        return self.registry.places

    @property
    def offices(self) -> tuple[Office, ...]:
        """The registry's offices."""
        return self.registry.offices

    @property
    def events(self) -> tuple[Event, ...]:
        """The registry's events."""
        return self.registry.events

    def actor(self, name: str) -> Actor:
        """The actor any spelling refers to ("Zelensky", "Zelenskyy", "zelenskiy")."""
        return self.registry.actor(name)

    def place(self, name: str) -> Place:
        """The place any spelling refers to ("Kiev", "Kyiv")."""
        return self.registry.place(name)

    def office(self, name: str) -> Office:
        """An office by id or name ("us_secretary_of_state", "United States Secretary of State")."""
        return self.registry.office(name)

    def event(self, name: str) -> Event:
        """An event by id or curated name."""
        return self.registry.event(name)

    def delegations(self) -> Iterator[DelegationRef]:
        """Every delegation of every event, in registry order."""
        return self.registry.delegations()

    # -- documents and assertions -------------------------------------------------
    @property
    def sources(self) -> Mapping[SourceId, Source]:
        """Every document's source, by source id (what reconciliation needs of documents)."""
        return MappingProxyType({d.source.id: d.source for d in self.documents})

    @cached_property
    def shared_passages(self) -> Mapping[str, tuple[Passage, ...]]:
        """Sentences each document shares word for word with another (copied wire text):
        claims quoted from one such sentence count as one origin in reconciliation."""
        return MappingProxyType(dict(shared_passages(self.documents)))

    def document(self, identifier: DocumentId | SourceId | str) -> Document:
        """A document by its id or its source's id."""
        found = self._documents.get(identifier)
        if found is None:
            raise KeyError(identifier)
        return found

    def about(self, subject: EntityId | str, predicate: str | None = None) -> tuple[Assertion, ...]:
        """Assertions about ``subject`` (optionally of one predicate), in corpus order."""
        return tuple(
            a
            for a in self.assertions
            if a.subject == subject and (predicate is None or a.predicate == predicate)
        )

    def __repr__(self) -> str:
        return f"<Corpus: {self.summary()}>"

    def summary(self) -> str:
        """How many documents, assertions and records, in words."""
        return (
            f"{len(self.documents)} documents, {len(self.assertions)} assertions, "
            f"{self.registry.summary()}"
        )
