"""Reading the registries: actors, places, offices and events (with delegations)."""

from __future__ import annotations

from collections.abc import Callable

from negotiations.corpus._fields import Fields
from negotiations.corpus._state import LoaderState
from negotiations.errors import (
    DuplicateIdError,
    InconsistentRegistryError,
    ModelError,
    ValueTypeError,
)
from negotiations.model import (
    Actor,
    ActorId,
    ActorValue,
    Cardinality,
    ClockValue,
    DateValue,
    DelegationId,
    DelegationRef,
    DurationValue,
    Event,
    EventId,
    EventKind,
    EventValue,
    ModeValue,
    Office,
    OfficeId,
    OfficeValue,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceId,
    PlaceKind,
    PlaceValue,
    PositionValue,
    PredicateSpec,
    QuantityValue,
    State,
    StatusValue,
    SubjectKind,
    TextValue,
)
from negotiations.model._names import fold

#: Value type names a predicates.yaml may give ("quantity" or "QuantityValue").
VALUE_TYPE_NAMES: dict[str, type] = {
    "actor": ActorValue,
    "place": PlaceValue,
    "office": OfficeValue,
    "event": EventValue,
    "text": TextValue,
    "date": DateValue,
    "duration": DurationValue,
    "quantity": QuantityValue,
    "clock": ClockValue,
    "status": StatusValue,
    "mode": ModeValue,
    "position": PositionValue,
}


class RegistryReader(LoaderState):
    """Registry files of one layer; references resolve once every id of the layer is known."""

    def records(self, name: str, *, optional: bool = False) -> list[tuple[Fields, str]]:
        path = self.root / "registry" / f"{name}.yaml"
        if (optional or not self.first_layer) and not (path.exists() or path.is_symlink()):
            return []  # later layers add only the registries they need
        data = self.read(path)
        if data is None:
            return []
        top = Fields(data, self.display(path), self.problems, f"{name}.yaml")
        out = []
        for i, entry in enumerate(top.items(name, required=True)):
            line = top.item_line(name, i, entry)
            ident = entry.get("id") if isinstance(entry, dict) else None
            f = Fields(
                entry,
                self.display(path),
                self.problems,
                f"{name[:-1]} {ident or '#' + str(i + 1)}",
                line,
            )
            out.append((f, name))
        top.done()
        return out

    def load_registries(self) -> None:
        for f, _ in self.records("predicates", optional=True):
            self.predicate_record(f)
        pending: list[Callable[[], None]] = []
        for f, _ in self.records("actors"):
            pending.append(self.actor_record(f))
        for f, _ in self.records("places"):
            pending.append(self.place_record(f))
        for f, _ in self.records("offices"):
            pending.append(self.office_record(f))
        for f, _ in self.records("events"):
            pending.append(self.event_record(f))
        layer_ids = set(self.kinds) - set(self.layer_start_ids)
        for finish in pending:  # references resolve once every id is known
            finish()
        self.check_cycles(layer_ids)
        self.layer_start_ids = set(self.kinds)

    def check_names(self, f: Fields, kind: str, identifier: str, names: tuple[str, ...]) -> None:
        """One spelling names one record of a kind, or lookups by that name would fail."""
        index = self.names.setdefault(kind, {})
        for name in names:
            key = fold(name)
            other = index.setdefault(key, identifier)
            if other != identifier:
                _, other_file, other_line = self.kinds[other]
                f.error(
                    InconsistentRegistryError,
                    "name" if name == f.data.get("name") else "aliases",
                    f"the name {name!r} also names {other} ({other_file}:{other_line}); "
                    "give each record spellings of its own",
                    expected="a name no other record goes by",
                    found=name,
                )

    def check_cycles(self, identifiers: set[str]) -> None:
        """No organisation is its own parent, however far up; no place lies within itself."""
        links: dict[str, str | None] = {
            **{a.id: a.parent for a in self.actors.values() if isinstance(a, Organization)},
            **{p.id: p.within for p in self.places.values()},
        }
        reported: set[str] = set()
        for start in sorted(identifiers & set(links)):
            chain = [start]
            step = links.get(start)
            while step is not None and step not in chain and step not in reported:
                chain.append(step)
                step = links.get(step)
            if step != start:
                continue
            reported.update(chain)
            kind, file, line = self.kinds[start]
            what = "parent" if kind == "actor" else "within"
            loop = " -> ".join([*chain, start])
            self.problems.add(
                InconsistentRegistryError(
                    f"{kind} {start}: {what!r} leads back to itself ({loop})",
                    file=file,
                    line=line,
                    expected=f"a {what} chain that ends",
                    found=loop,
                )
            )

    def predicate_record(self, f: Fields) -> None:
        """A predicate a layer declares: name, value type, cardinality, subjects, description."""
        name = f.identifier("name", required=True)
        value_name = f.raw("value", required=True)
        value_type = None
        if value_name is not None:
            value_type = VALUE_TYPE_NAMES.get(str(value_name).removesuffix("Value").casefold())
            if value_type is None:
                f.error(
                    ValueTypeError,
                    "value",
                    "unknown value type",
                    expected="one of " + ", ".join(VALUE_TYPE_NAMES),
                    found=value_name,
                )
        cardinality = f.choice("cardinality", Cardinality, required=True)
        subjects = []
        for subject in f.strings("subjects"):
            try:
                subjects.append(SubjectKind(subject))
            except ValueError:
                f.error(
                    ValueTypeError,
                    "subjects",
                    "unknown subject kind",
                    expected="actor, event, delegation or any",
                    found=subject,
                )
        if not subjects and "subjects" not in f.data:
            f.raw("subjects", required=True)
        description = f.string("description") or ""
        f.done()
        if name is None or value_type is None or cardinality is None or not subjects:
            return
        spec = self.build(
            f,
            "name",
            lambda: PredicateSpec(
                name=name,
                subjects=frozenset(subjects),
                value_type=value_type,
                cardinality=cardinality,
                description=description,
            ),
        )
        if spec is None:
            return
        try:
            self.vocabulary = self.vocabulary.declare(spec)
        except ModelError:
            f.error(
                DuplicateIdError,
                "name",
                f"predicate {name!r} is already declared differently "
                "(a built-in predicate or an earlier declaration)",
            )

    def actor_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        kind = f.raw("type", required=True)
        name = f.string("name", required=True)
        aliases = frozenset(f.strings("aliases"))
        org_kind = country = parent = None
        if kind == "organization":
            org_kind = f.choice("kind", OrganizationKind) or OrganizationKind.OTHER
        elif kind not in ("person", "state"):
            f.error(
                ValueTypeError,
                "type",
                "unknown actor type",
                expected="person, organization or state",
                found=kind,
            )
            kind = None
        ok = identifier is not None and self.register(identifier, "actor", f)
        if ok and identifier and kind:
            self.actor_types[identifier] = kind

        def finish() -> None:
            nonlocal country, parent
            if kind == "organization":
                country = self.reference(f, "country", ("state",))
                parent = self.reference(f, "parent", ("organization",))
            f.done()
            if not (ok and kind and name and identifier):
                return
            aid = ActorId(identifier)

            def make() -> Actor:
                if kind == "person":
                    return Person(id=aid, name=name, aliases=aliases)
                if kind == "state":
                    return State(id=aid, name=name, aliases=aliases)
                assert org_kind is not None
                return Organization(
                    id=aid,
                    name=name,
                    aliases=aliases,
                    kind=org_kind,
                    country=ActorId(country) if country else None,
                    parent=ActorId(parent) if parent else None,
                )

            actor: Actor | None = self.build(f, "id", make)
            if actor is not None:
                self.actors[identifier] = actor
                self.check_names(f, "actor", actor.id, actor.names())

        return finish

    def place_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        name = f.string("name", required=True)
        kind = f.choice("kind", PlaceKind, required=True)
        aliases = frozenset(f.strings("aliases"))
        ok = identifier is not None and self.register(identifier, "place", f)

        def finish() -> None:
            country = self.reference(f, "country", ("state",))
            within = self.reference(f, "within", ("place",))
            f.done()
            if ok and identifier and name and kind:
                place = self.build(
                    f,
                    "id",
                    lambda: Place(
                        id=PlaceId(identifier),
                        name=name,
                        kind=kind,
                        aliases=aliases,
                        country=ActorId(country) if country else None,
                        within=PlaceId(within) if within else None,
                    ),
                )
                if place is not None:
                    self.places[identifier] = place
                    self.check_names(f, "place", place.id, place.names())

        return finish

    def office_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        name = f.string("name", required=True)
        single = f.boolean("single_holder")
        if single is None and "single_holder" not in f.data:
            f.raw("single_holder", required=True)
        aliases = frozenset(f.strings("aliases"))
        ok = identifier is not None and self.register(identifier, "office", f)

        def finish() -> None:
            organization = self.reference(
                f, "organization", ("organization", "state"), required=True
            )
            f.done()
            if ok and identifier and name and organization and single is not None:
                office = self.build(
                    f,
                    "id",
                    lambda: Office(
                        id=OfficeId(identifier),
                        name=name,
                        organization=ActorId(organization),
                        single_holder=single,
                        aliases=aliases,
                    ),
                )
                if office is not None:
                    self.offices[identifier] = office
                    self.check_names(f, "office", office.id, office.names())

        return finish

    def event_record(self, f: Fields) -> Callable[[], None]:
        identifier = f.identifier("id", required=True)
        name = f.string("name", required=True)
        kind = f.choice("kind", EventKind, required=True)
        ok = identifier is not None and self.register(identifier, "event", f)
        delegation_fields = []
        for i, entry in enumerate(f.items("delegations")):
            line = f.item_line("delegations", i, entry)
            df = Fields(
                entry, f.file, self.problems, f"delegation #{i + 1} of event {identifier}", line
            )
            did = df.identifier("id", required=True)
            if did is not None and self.register(did, "delegation", df):
                delegation_fields.append((df, did))

        def finish() -> None:
            refs = []
            for df, did in delegation_fields:
                party = self.reference(df, "party", ("state", "organization"), required=True)
                df.done()
                if party and identifier:
                    ref = DelegationRef(
                        id=DelegationId(did), party=ActorId(party), event=EventId(identifier)
                    )
                    self.delegations[did] = ref
                    refs.append(ref)
            f.done()
            if ok and identifier and name and kind:
                event = self.build(
                    f,
                    "id",
                    lambda: Event(
                        id=EventId(identifier), name=name, kind=kind, delegations=tuple(refs)
                    ),
                )
                if event is not None:
                    self.events[identifier] = event
                    self.check_names(f, "event", event.id, event.names())

        return finish
