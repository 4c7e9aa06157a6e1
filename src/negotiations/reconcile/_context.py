"""What reconciliation needs to know beyond the assertions themselves."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

import attrs
from attrs import frozen

from negotiations.model import (
    Assertion,
    EntityId,
    EventId,
    Office,
    OfficeId,
    Organization,
    PredicateSpec,
    Registry,
    Source,
    SourceId,
    Vocabulary,
)


def _frozen_map(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(value))


@frozen(kw_only=True)
class TrustEstimate:
    """A publisher's learned accuracy and the number of questions it rests on."""

    accuracy: float
    questions: int


@frozen(kw_only=True)
class TrustEstimates:
    """Learned trust for every publisher (outlet, or source without an outlet)."""

    estimates: Mapping[str, TrustEstimate] = attrs.field(factory=dict, converter=_frozen_map)
    prior: float = 0.8
    ceiling: float = 0.99
    floor: float = 0.02

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.estimates.items())), self.prior, self.ceiling))

    def vote(self, accuracy: float) -> float:
        from negotiations.reconcile._rules import vote_weight

        return max(self.floor, vote_weight(accuracy, self.ceiling))


@frozen(kw_only=True)
class Context:
    """Registry facts the rules consult: which offices have one holder and which can be
    held together, which event a delegation belongs to and whose it is, which outlet
    published a source and what it copies or cites; the vocabulary that says how each
    predicate's answers conflict; and, once learned, trust and detected copy groups.

    Built with :meth:`build` from a registry and sources; an empty context (no
    registry) is valid and simply makes the rules that need one abstain. Every
    mapping is read-only, so a context is hashable and cannot change under a run.
    """

    single_holder_offices: frozenset[OfficeId] = frozenset()
    delegation_events: Mapping[EntityId, tuple[EventId, str]] = attrs.field(
        factory=dict, converter=_frozen_map
    )
    source_outlets: Mapping[SourceId, str] = attrs.field(factory=dict, converter=_frozen_map)
    #: Extra origin labels of each source: the documents it copies, the agencies it cites.
    source_links: Mapping[SourceId, frozenset[str]] = attrs.field(
        factory=dict, converter=_frozen_map
    )
    #: The root of each office's organisation hierarchy (offices in one cannot be held at once).
    office_hierarchies: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map)
    #: Pairs of offices the registry says may be held together.
    combinable_offices: frozenset[frozenset[str]] = frozenset()
    labels: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map, repr=False)
    vocabulary: Vocabulary = attrs.field(factory=Vocabulary.builtin)
    trust: TrustEstimates | None = None
    #: Document -> the sentences it shares with other documents (start, end, key).
    passages: Mapping[str, tuple[tuple[int, int, str], ...]] = attrs.field(
        factory=dict, converter=_frozen_map, repr=False
    )
    #: Publisher -> its detected copy group (publishers that share false values).
    copy_groups: Mapping[str, str] = attrs.field(factory=dict, converter=_frozen_map)

    def __hash__(self) -> int:
        return hash(
            (
                self.single_holder_offices,
                tuple(sorted(self.delegation_events.items())),
                tuple(sorted(self.source_outlets.items())),
                tuple(sorted(self.office_hierarchies.items())),
                self.vocabulary,
                self.trust,
                tuple(sorted(self.copy_groups.items())),
            )
        )

    @classmethod
    def build(
        cls,
        registry: Registry | None = None,
        sources: Mapping[SourceId, Source] | None = None,
        vocabulary: Vocabulary | None = None,
        passages: Mapping[str, tuple[tuple[int, int, str], ...]] | None = None,
        names: Mapping[str, str] | None = None,
    ) -> Context:
        """A context from a registry, sources, a vocabulary, shared passages and names
        for ids no registry holds (a claim table's spellings), each optional."""
        registry = registry if registry is not None else Registry()
        sources = sources or {}
        links = {
            sid: frozenset(
                [f"source:{d}" for d in source.derived_from] + [f"outlet:{c}" for c in source.cites]
            )
            for sid, source in sources.items()
            if source.derived_from or source.cites
        }
        labels: dict[str, str] = {
            **{a.id: a.name for a in registry.actors},
            **{o.id: o.name for o in registry.offices},
            **{e.id: e.name for e in registry.events},
            **{p.id: p.name for p in registry.places},
            # "Ukraine delegation (Istanbul talks)": answers about a delegation name it.
            **{d.id: registry.label(d.id) for d in registry.delegations()},
        }
        for ident, name in (names or {}).items():
            labels.setdefault(ident, name)
        for sid, source in sources.items():
            labels.setdefault(sid, source.title or sid)
        return cls(
            single_holder_offices=frozenset(o.id for o in registry.offices if o.single_holder),
            delegation_events={EntityId(d.id): (d.event, d.party) for d in registry.delegations()},
            source_outlets={
                sid: source.outlet for sid, source in sources.items() if source.outlet is not None
            },
            source_links=links,
            office_hierarchies=_hierarchies(registry),
            combinable_offices=frozenset(
                frozenset((o.id, other)) for o in registry.offices for other in o.combines_with
            ),
            labels=labels,
            vocabulary=vocabulary if vocabulary is not None else Vocabulary.builtin(),
            passages=passages or {},
        )

    @classmethod
    def from_corpus(cls, corpus: Any, vocabulary: Vocabulary | None = None) -> Context:
        """The context of anything with a ``registry`` and ``sources`` (a Corpus), with
        its shared passages when it has them."""
        if vocabulary is None:
            vocabulary = getattr(corpus, "vocabulary", None)
        return cls.build(
            corpus.registry, corpus.sources, vocabulary, getattr(corpus, "shared_passages", None)
        )

    def spec(self, predicate: str) -> PredicateSpec:
        """The spec of ``predicate`` in this context's vocabulary."""
        return self._specs.get(predicate) or self.vocabulary.spec(predicate)

    @cached_property
    def _trust_weights(self) -> dict[str, Any]:
        """SourceTrust's weight for each publisher, worked out once for this context (its
        trust does not change): a run asks it for every claim."""
        return {}

    @cached_property
    def _specs(self) -> dict[str, PredicateSpec]:
        return dict(self.vocabulary.specs)

    @cached_property
    def _listed_with(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for spec in self.vocabulary.specs.values():
            if spec.complete_lists:
                for other in spec.lists_with:
                    out.setdefault(other, []).append(spec.name)
        return {k: tuple(sorted(v)) for k, v in out.items()}

    def listed_with(self, predicate: str) -> tuple[str, ...]:
        """The complete-list predicates that count ``predicate``'s values as listed."""
        return self._listed_with.get(predicate, ())

    def label(self, identifier: str) -> str:
        """A human name for an id the registry or sources know (else the id)."""
        return self.labels.get(identifier, identifier)

    def event_of(self, subject: EntityId | str) -> EventId | None:
        """The event a fact about ``subject`` concerns (its delegation's event)."""
        entry = self.delegation_events.get(EntityId(subject))
        return entry[0] if entry else None

    def party_of(self, subject: EntityId | str) -> str | None:
        """The party a delegation represents."""
        entry = self.delegation_events.get(EntityId(subject))
        return entry[1] if entry else None

    def same_hierarchy(self, office_a: str, office_b: str) -> bool:
        """Two offices of one organisation hierarchy that the registry does not combine."""
        if office_a == office_b:
            return False
        root_a = self.office_hierarchies.get(office_a)
        return (
            root_a is not None
            and root_a == self.office_hierarchies.get(office_b)
            and frozenset((office_a, office_b)) not in self.combinable_offices
        )

    def publisher(self, assertion: Assertion) -> str:
        """Whose record an assertion adds to: the source's outlet when known, else the source."""
        return self.source_outlets.get(SourceId(assertion.source)) or assertion.source

    def origin_labels(self, assertion: Assertion) -> frozenset[str]:
        """Where an assertion comes from: its source, outlet, quoted speaker, the documents
        it copies, the agencies it cites, and its publisher's detected copy group."""
        return self.sorted_origin_labels(assertion)[1]

    @cached_property
    def _origin_cache(self) -> dict[tuple[str, str | None], tuple[tuple[str, ...], frozenset[str]]]:
        return {}

    def sorted_origin_labels(self, assertion: Assertion) -> tuple[tuple[str, ...], frozenset[str]]:
        """:meth:`origin_labels`, sorted and as a set, computed once per source and
        quoted speaker (unless the evidence lies in a passage shared with other documents)."""
        evidence = assertion.evidence
        if self.passages and getattr(evidence, "document", "") in self.passages:
            labels = self._origin_labels(assertion)
            return tuple(sorted(labels)), labels
        key = (assertion.source, assertion.attribution.quoted)
        found = self._origin_cache.get(key)
        if found is None:
            labels = self._origin_labels(assertion)
            found = self._origin_cache[key] = (tuple(sorted(labels)), labels)
        return found

    def _origin_labels(self, assertion: Assertion) -> frozenset[str]:
        source = SourceId(assertion.source)
        labels = {f"source:{source}"}
        outlet = self.source_outlets.get(source)
        if outlet:
            labels.add(f"outlet:{outlet}")
        if assertion.attribution.quoted is not None:
            labels.add(f"quoted:{assertion.attribution.quoted}")
        labels.update(self.source_links.get(source, ()))
        evidence = assertion.evidence
        for start, end, key in self.passages.get(getattr(evidence, "document", ""), ()):
            if getattr(evidence, "start", end) < end and start < getattr(evidence, "end", start):
                labels.add(key)  # quoted from a passage another document carries too
        group = self.copy_groups.get(outlet or source)
        if group is not None:
            labels.add(f"copies:{group}")
        return frozenset(labels)


def _hierarchies(registry: Registry) -> dict[str, str]:
    """Each office's hierarchy: the topmost organisation above the office's organisation
    (through ``parent``); an office of a state itself, or of an organisation with no
    parent, forms its hierarchy with its organisation alone. Cycles stop where they close."""
    organizations: dict[str, Organization] = {
        a.id: a for a in registry.actors if isinstance(a, Organization)
    }
    out: dict[str, str] = {}
    for office in registry.offices:
        out[office.id] = _root(office, organizations)
    return out


def _root(office: Office, organizations: Mapping[str, Organization]) -> str:
    current: str = office.organization
    seen = {current}
    while current in organizations and organizations[current].parent is not None:
        parent = organizations[current].parent
        assert parent is not None
        if parent in seen:
            break
        seen.add(parent)
        current = parent
    return current


def named_ids(data: object) -> Mapping[str, str] | None:
    """The names ``data`` gives the ids it uses beyond its registry (a claim table's
    spellings: ``ClaimSet.names``), if any."""
    names = getattr(data, "names", None)
    return names if isinstance(names, Mapping) else None
