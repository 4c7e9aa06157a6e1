"""The registry: who and what the evidence talks about, apart from the evidence.

Reconciliation and every view that needs names depend on a :class:`Registry`
(actors, places, offices, events, and the name resolution over them), never on
the corpus that happened to supply it: claims from a table, a feed or code can
bring a registry of their own, or none.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from attrs import frozen

from negotiations.errors import RegistryError, UnknownNameError
from negotiations.model import _validators as v
from negotiations.model._actors import Actor, Organization, Person, Place, State
from negotiations.model._events import DelegationRef, Event
from negotiations.model._names import Gazetteer
from negotiations.model._offices import Office


@frozen(kw_only=True, repr=False)
class Registry:
    """Actors, places, offices and events, with lookups that accept any spelling."""

    actors: tuple[Actor, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(Person, Organization, State))
    )
    places: tuple[Place, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(Place))
    )
    offices: tuple[Office, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(Office))
    )
    events: tuple[Event, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(Event))
    )
    _actor_index: Gazetteer[Actor] = attrs.field(init=False, eq=False, repr=False)
    _place_index: Gazetteer[Place] = attrs.field(init=False, eq=False, repr=False)
    _office_index: Gazetteer[Office] = attrs.field(init=False, eq=False, repr=False)
    _event_index: Gazetteer[Event] = attrs.field(init=False, eq=False, repr=False)
    _delegations: dict[str, DelegationRef] = attrs.field(init=False, eq=False, repr=False)
    _labels: dict[str, str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        labels: dict[str, str] = {}
        delegations: dict[str, DelegationRef] = {}
        records: list[tuple[str, str, str]] = [
            *((a.id, a.name, "actor") for a in self.actors),
            *((p.id, p.name, "place") for p in self.places),
            *((o.id, o.name, "office") for o in self.offices),
            *((e.id, e.name, "event") for e in self.events),
        ]
        for event in self.events:
            for ref in event.delegations:
                delegations[ref.id] = ref
                records.append((ref.id, f"{event.name}: delegation of {ref.party}", "delegation"))
        kinds: dict[str, str] = {}
        for identifier, name, kind in records:
            if identifier in kinds:
                first, second = kinds[identifier], kind
                both = (
                    f"two {first}s"
                    if first == second
                    else f"{_a(first)} {first} and {_a(second)} {second}"
                )
                raise RegistryError(
                    f"id {identifier!r} names {both}; ids must be unique across the registry"
                )
            kinds[identifier] = kind
            labels[identifier] = name
        object.__setattr__(self, "_actor_index", Gazetteer("actor", self.actors))
        object.__setattr__(self, "_place_index", Gazetteer("place", self.places))
        object.__setattr__(self, "_office_index", Gazetteer("office", self.offices))
        object.__setattr__(self, "_event_index", Gazetteer("event", self.events))
        object.__setattr__(self, "_delegations", delegations)
        object.__setattr__(self, "_labels", labels)

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

    def delegations(self) -> Iterator[DelegationRef]:
        """Every delegation of every event, in registry order."""
        for event in self.events:
            yield from event.delegations

    def delegation(self, identifier: str) -> DelegationRef:
        """A delegation by id; raises :class:`UnknownNameError` with close ids."""
        if not isinstance(identifier, str):
            raise UnknownNameError(repr(identifier), "delegation")
        found = self._delegations.get(identifier)
        if found is None:
            import difflib

            close = difflib.get_close_matches(identifier, list(self._delegations), n=3)
            raise UnknownNameError(identifier, "delegation", close)
        return found

    def knows(self, identifier: str) -> bool:
        """Whether ``identifier`` is the id of anything in the registry."""
        return identifier in self._labels

    def label(self, identifier: str) -> str:
        """The human name of any registry id; the id itself when the registry lacks it."""
        if identifier in self._delegations:
            ref = self._delegations[identifier]
            party = self._labels.get(ref.party, ref.party)
            return f"{party} delegation ({self._labels.get(ref.event, ref.event)})"
        return self._labels.get(identifier, identifier)

    def extend(self, other: Registry) -> Registry:
        """This registry with ``other``'s records added (a later corpus layer)."""
        return Registry(
            actors=(*self.actors, *other.actors),
            places=(*self.places, *other.places),
            offices=(*self.offices, *other.offices),
            events=(*self.events, *other.events),
        )

    def __len__(self) -> int:
        return len(self.actors) + len(self.places) + len(self.offices) + len(self.events)

    def __repr__(self) -> str:
        return f"<Registry: {self.summary()}>"

    def summary(self) -> str:
        """How many records of each kind, in words."""
        return (
            f"{len(self.actors)} actors, {len(self.places)} places, "
            f"{len(self.offices)} offices, {len(self.events)} events"
        )


__all__ = ["Registry"]


def _a(noun: str) -> str:
    """The indefinite article of a kind ("an actor", "a place")."""
    return "an" if noun[:1] in "aeiou" else "a"
