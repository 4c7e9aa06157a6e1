"""The vocabulary of predicates: what can be asserted, about what, how often, and how
answers to it conflict.

The built-in predicates cover negotiations reporting; a :class:`Vocabulary` adds
a user's own (a departure time, an author list, a casualty count) with the same
standing: reconciliation reads each predicate's :class:`PredicateSpec` instead of
knowing predicate names, as FollowTheMoney's schema is consulted for properties.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs
from attrs import frozen

from negotiations.errors import ModelError, UnknownPredicateError
from negotiations.model import _validators as v
from negotiations.model._ids import ID_PATTERN
from negotiations.model._values import (
    VALUE_TYPES,
    ActorValue,
    ClockValue,
    DateValue,
    DurationValue,
    EventValue,
    ModeValue,
    OfficeValue,
    PlaceValue,
    PositionValue,
    QuantityValue,
    StatusValue,
    TextValue,
)

if TYPE_CHECKING:
    from negotiations.model._assertions import Assertion


class SubjectKind(enum.Enum):
    ACTOR = "actor"
    EVENT = "event"
    DELEGATION = "delegation"
    #: Any id at all: the subjects of a user's table (a flight, a book).
    ANY = "any"


class Cardinality(enum.Enum):
    """ONE: a single value at a time (others compete). MANY: values coexist."""

    ONE = "one"
    MANY = "many"


def _value_type(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in VALUE_TYPES:
        names = ", ".join(t.__name__ for t in VALUE_TYPES)
        v.fail(instance, attribute, value, f"one of the value types {names}")


def _name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        v.fail(instance, attribute, value, "a predicate name matching [a-z0-9][a-z0-9_.:-]*")


def _kinds(value: Iterable[SubjectKind]) -> frozenset[SubjectKind]:
    return frozenset(value)


def _names(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@frozen(kw_only=True)
class PredicateSpec:
    """A predicate and its conflict model.

    ``time_scoped``: a claim holds around the time it is about (a title), and claims
    about times that do not overlap never conflict. ``exclusive_holders``: for a
    value the registry marks single-holder (an office), two subjects holding it at
    once conflict. ``complete_lists``: a list a source presents as complete is
    evidence against values it leaves out. ``stances``: values are stances that
    conflict when on opposite sides of the same issue.
    """

    name: str = attrs.field(validator=_name)
    subjects: frozenset[SubjectKind] = attrs.field(
        converter=_kinds, validator=v.collection_of(frozenset, v.instance_of(SubjectKind))
    )
    value_type: type = attrs.field(validator=_value_type)
    cardinality: Cardinality = attrs.field(validator=v.instance_of(Cardinality))
    description: str = attrs.field(default="", eq=False, validator=v.instance_of(str))
    time_scoped: bool = attrs.field(default=False, validator=v.instance_of(bool))
    exclusive_holders: bool = attrs.field(default=False, validator=v.instance_of(bool))
    complete_lists: bool = attrs.field(default=False, validator=v.instance_of(bool))
    stances: bool = attrs.field(default=False, validator=v.instance_of(bool))
    #: With ``complete_lists``: predicates whose values the same source also counts as
    #: on its list (a delegation's head is on its complete member list).
    lists_with: frozenset[str] = attrs.field(
        default=frozenset(), converter=_names, validator=v.collection_of(frozenset, _name)
    )

    @property
    def value(self) -> str:
        """The predicate name (so a spec reads like the former enum member)."""
        return self.name


class Predicate(enum.StrEnum):
    """The built-in predicate names; each is a plain string (``Predicate.DATE == "date"``)."""

    HOLDS_OFFICE = "holds_office"
    DESCRIBED_AS = "described_as"
    STATED = "stated"
    POSITION = "position"
    TRAVELS_TO = "travels_to"
    DATE = "date"
    START_TIME = "start_time"
    END_TIME = "end_time"
    CITY = "city"
    VENUE = "venue"
    HOST = "host"
    STATUS = "status"
    MODE = "mode"
    DURATION = "duration"
    SIZE = "size"
    CHAIR = "chair"
    MEDIATOR = "mediator"
    PARTY = "party"
    PARTICIPANT = "participant"
    OBSERVER = "observer"
    AGENDA = "agenda"
    OUTCOME = "outcome"
    AGREED = "agreed"
    LED_TO = "led_to"
    PREVIOUS_ROUND = "previous_round"
    TIME_SINCE_PREVIOUS = "time_since_previous"
    HEAD = "head"
    MEMBER = "member"
    APPOINTED_BY = "appointed_by"
    SUPPORT_STAFF = "support_staff"

    @property
    def spec(self) -> PredicateSpec:
        """The built-in spec of this predicate."""
        return PREDICATES[self]

    @property
    def cardinality(self) -> Cardinality:
        """ONE (answers compete) or MANY (each value is its own question)."""
        return PREDICATES[self].cardinality

    @property
    def value_type(self) -> type:
        """The value class this predicate takes."""
        return PREDICATES[self].value_type


_A, _E, _D = SubjectKind.ACTOR, SubjectKind.EVENT, SubjectKind.DELEGATION
_ONE, _MANY = Cardinality.ONE, Cardinality.MANY
P = Predicate


def _spec(
    name: Predicate,
    subjects: tuple[SubjectKind, ...],
    value: type,
    card: Cardinality,
    doc: str,
    **flags: Any,
) -> PredicateSpec:
    return PredicateSpec(
        name=name.value,
        subjects=frozenset(subjects),
        value_type=value,
        cardinality=card,
        description=doc,
        **flags,
    )


_BUILTIN: tuple[PredicateSpec, ...] = (
    _spec(
        P.HOLDS_OFFICE,
        (_A,),
        OfficeValue,
        _MANY,
        "a person holds an office",
        time_scoped=True,
        exclusive_holders=True,
    ),
    _spec(P.DESCRIBED_AS, (_A,), TextValue, _MANY, "a descriptor that is not an office"),
    _spec(P.STATED, (_A,), TextValue, _MANY, "the subject said these words"),
    _spec(
        P.POSITION, (_A,), PositionValue, _MANY, "the subject's stance on an issue", stances=True
    ),
    _spec(P.TRAVELS_TO, (_A, _D), PlaceValue, _MANY, "the subject travels to / arrives at a place"),
    _spec(P.DATE, (_E,), DateValue, _ONE, "when the event takes place or begins"),
    _spec(P.START_TIME, (_E,), ClockValue, _ONE, "the time of day the event began"),
    _spec(P.END_TIME, (_E,), ClockValue, _ONE, "the time of day the event ended"),
    _spec(P.CITY, (_E,), PlaceValue, _ONE, "the city the event takes place in"),
    _spec(P.VENUE, (_E,), PlaceValue, _ONE, "the building or site"),
    _spec(P.HOST, (_E,), ActorValue, _ONE, "the state or body hosting the event"),
    _spec(P.STATUS, (_E,), StatusValue, _ONE, "planned, held, cancelled or postponed"),
    _spec(P.MODE, (_E,), ModeValue, _ONE, "bilateral, trilateral, summit, phone..."),
    _spec(P.DURATION, (_E,), DurationValue, _ONE, "how long the event lasted"),
    _spec(
        P.SIZE,
        (_E, _D),
        QuantityValue,
        _ONE,
        "how many: members of a delegation, people exchanged per side",
    ),
    _spec(P.CHAIR, (_E,), ActorValue, _ONE, "who chaired"),
    _spec(P.MEDIATOR, (_E,), ActorValue, _MANY, "who mediated"),
    _spec(P.PARTY, (_E,), ActorValue, _MANY, "a party to the event"),
    _spec(P.PARTICIPANT, (_E,), ActorValue, _MANY, "who attends (negative: who stays away)"),
    _spec(P.OBSERVER, (_E,), ActorValue, _MANY, "who observes"),
    _spec(P.AGENDA, (_E,), TextValue, _MANY, "a topic on the agenda"),
    _spec(P.OUTCOME, (_E,), TextValue, _MANY, "what came of the event"),
    _spec(P.AGREED, (_E,), EventValue, _MANY, "an agreement or deal reached at the event"),
    _spec(P.LED_TO, (_E,), EventValue, _MANY, "a later event this one led to"),
    _spec(P.PREVIOUS_ROUND, (_E,), EventValue, _ONE, "the previous round of the same talks"),
    _spec(P.TIME_SINCE_PREVIOUS, (_E,), DurationValue, _ONE, "time since the previous round"),
    _spec(P.HEAD, (_D,), ActorValue, _ONE, "who leads the delegation"),
    _spec(
        P.MEMBER,
        (_D,),
        ActorValue,
        _MANY,
        "a member of the delegation",
        complete_lists=True,
        lists_with=frozenset({"head"}),
    ),
    _spec(P.APPOINTED_BY, (_D,), ActorValue, _ONE, "who appointed or approved the delegation"),
    _spec(P.SUPPORT_STAFF, (_D,), TextValue, _MANY, "supporting experts, as described"),
)

#: The built-in specs by predicate.
PREDICATES: Mapping[Predicate, PredicateSpec] = MappingProxyType(
    {Predicate(spec.name): spec for spec in _BUILTIN}
)


def _specs(
    instance: object, attribute: attrs.Attribute[Any], value: Mapping[str, PredicateSpec]
) -> None:
    for name, spec in value.items():
        if not isinstance(spec, PredicateSpec) or spec.name != name:
            v.fail(instance, attribute, spec, f"the PredicateSpec named {name!r}")


def _freeze(specs: Mapping[str, PredicateSpec]) -> Mapping[str, PredicateSpec]:
    return MappingProxyType(dict(sorted(specs.items())))


@frozen
class Vocabulary:
    """The predicates a corpus, a table of claims and reconciliation agree on.

    >>> vocabulary = Vocabulary.builtin().declare(
    ...     PredicateSpec(name="departure", subjects={SubjectKind.ANY},
    ...                   value_type=ClockValue, cardinality=Cardinality.ONE))
    >>> "departure" in vocabulary, "date" in vocabulary
    (True, True)
    """

    specs: Mapping[str, PredicateSpec] = attrs.field(converter=_freeze, validator=_specs)

    def __hash__(self) -> int:
        return hash(tuple(self.specs.values()))

    @classmethod
    def builtin(cls) -> Vocabulary:
        """The built-in predicates only."""
        return _BUILTIN_VOCABULARY

    def declare(self, *specs: PredicateSpec) -> Vocabulary:
        """A vocabulary with ``specs`` added; a name already declared differently is an error."""
        merged = dict(self.specs)
        for spec in specs:
            known = merged.get(spec.name)
            if known is not None and known != spec:
                raise ModelError(
                    "Vocabulary", "specs", spec.name, "a name not yet declared with another spec"
                )
            merged[spec.name] = spec
        return Vocabulary(merged)

    @property
    def names(self) -> tuple[str, ...]:
        """Every declared predicate name, sorted."""
        return tuple(self.specs)

    def __contains__(self, name: object) -> bool:
        return name in self.specs

    def __iter__(self) -> Iterator[PredicateSpec]:
        return iter(self.specs.values())

    def __len__(self) -> int:
        return len(self.specs)

    def spec(self, name: str) -> PredicateSpec:
        """The spec of ``name``; an unknown name raises with the closest known names."""
        found = self.specs.get(name)
        if found is None:
            close = difflib.get_close_matches(str(name), list(self.specs), n=3, cutoff=0.6)
            raise UnknownPredicateError(str(name), close)
        return found

    def check(self, assertion: Assertion) -> None:
        """Raise :class:`ModelError` when the assertion's value does not fit its predicate."""
        spec = self.spec(assertion.predicate)
        if not isinstance(assertion.value, spec.value_type):
            raise ModelError(
                "Assertion",
                "value",
                type(assertion.value).__name__,
                f"a {spec.value_type.__name__} for {spec.name}",
            )

    def __repr__(self) -> str:
        return f"<Vocabulary: {len(self.specs)} predicates>"


_BUILTIN_VOCABULARY = Vocabulary({spec.name: spec for spec in _BUILTIN})
