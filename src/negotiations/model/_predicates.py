"""The closed vocabulary of predicates: what can be asserted, about what, how often."""

from __future__ import annotations

import enum

import attrs
from attrs import frozen

from negotiations.model._values import (
    ActorValue,
    DateValue,
    DurationValue,
    EventValue,
    ModeValue,
    OfficeValue,
    PlaceValue,
    PositionValue,
    StatusValue,
    TextValue,
)


class SubjectKind(enum.Enum):
    ACTOR = "actor"
    EVENT = "event"
    DELEGATION = "delegation"


class Cardinality(enum.Enum):
    """ONE: a single value at a time (others compete). MANY: values coexist."""

    ONE = "one"
    MANY = "many"


@frozen
class PredicateSpec:
    subjects: frozenset[SubjectKind]
    value_type: type
    cardinality: Cardinality
    description: str = attrs.field(eq=False)


_A, _E, _D = SubjectKind.ACTOR, SubjectKind.EVENT, SubjectKind.DELEGATION
_ONE, _MANY = Cardinality.ONE, Cardinality.MANY


def _spec(
    subjects: tuple[SubjectKind, ...], value: type, card: Cardinality, doc: str
) -> PredicateSpec:
    return PredicateSpec(frozenset(subjects), value, card, doc)


class Predicate(enum.Enum):
    """Every predicate the library knows; each declares its value type and cardinality."""

    HOLDS_OFFICE = "holds_office"
    DESCRIBED_AS = "described_as"
    STATED = "stated"
    POSITION = "position"
    TRAVELS_TO = "travels_to"
    DATE = "date"
    CITY = "city"
    VENUE = "venue"
    HOST = "host"
    STATUS = "status"
    MODE = "mode"
    DURATION = "duration"
    CHAIR = "chair"
    MEDIATOR = "mediator"
    PARTY = "party"
    PARTICIPANT = "participant"
    OBSERVER = "observer"
    AGENDA = "agenda"
    OUTCOME = "outcome"
    LED_TO = "led_to"
    PREVIOUS_ROUND = "previous_round"
    TIME_SINCE_PREVIOUS = "time_since_previous"
    HEAD = "head"
    MEMBER = "member"
    APPOINTED_BY = "appointed_by"
    SUPPORT_STAFF = "support_staff"

    @property
    def spec(self) -> PredicateSpec:
        return PREDICATES[self]

    @property
    def cardinality(self) -> Cardinality:
        return PREDICATES[self].cardinality

    @property
    def value_type(self) -> type:
        return PREDICATES[self].value_type


P = Predicate
PREDICATES: dict[Predicate, PredicateSpec] = {
    P.HOLDS_OFFICE: _spec((_A,), OfficeValue, _MANY, "a person holds an office"),
    P.DESCRIBED_AS: _spec((_A,), TextValue, _MANY, "a descriptor that is not an office"),
    P.STATED: _spec((_A,), TextValue, _MANY, "the subject said these words"),
    P.POSITION: _spec((_A,), PositionValue, _MANY, "the subject's stance on an issue"),
    P.TRAVELS_TO: _spec((_A, _D), PlaceValue, _MANY, "the subject travels to / arrives at a place"),
    P.DATE: _spec((_E,), DateValue, _ONE, "when the event takes place or begins"),
    P.CITY: _spec((_E,), PlaceValue, _ONE, "the city the event takes place in"),
    P.VENUE: _spec((_E,), PlaceValue, _ONE, "the building or site"),
    P.HOST: _spec((_E,), ActorValue, _ONE, "the state or body hosting the event"),
    P.STATUS: _spec((_E,), StatusValue, _ONE, "planned, held, cancelled or postponed"),
    P.MODE: _spec((_E,), ModeValue, _ONE, "bilateral, trilateral, summit, phone..."),
    P.DURATION: _spec((_E,), DurationValue, _ONE, "how long the event lasted"),
    P.CHAIR: _spec((_E,), ActorValue, _ONE, "who chaired"),
    P.MEDIATOR: _spec((_E,), ActorValue, _MANY, "who mediated"),
    P.PARTY: _spec((_E,), ActorValue, _MANY, "a party to the event"),
    P.PARTICIPANT: _spec((_E,), ActorValue, _MANY, "who attends (negative: who stays away)"),
    P.OBSERVER: _spec((_E,), ActorValue, _MANY, "who observes"),
    P.AGENDA: _spec((_E,), TextValue, _MANY, "a topic on the agenda"),
    P.OUTCOME: _spec((_E,), TextValue, _MANY, "what came of the event"),
    P.LED_TO: _spec((_E,), EventValue, _MANY, "a later event this one led to"),
    P.PREVIOUS_ROUND: _spec((_E,), EventValue, _ONE, "the previous round of the same talks"),
    P.TIME_SINCE_PREVIOUS: _spec((_E,), DurationValue, _ONE, "time since the previous round"),
    P.HEAD: _spec((_D,), ActorValue, _ONE, "who leads the delegation"),
    P.MEMBER: _spec((_D,), ActorValue, _MANY, "a member of the delegation"),
    P.APPOINTED_BY: _spec((_D,), ActorValue, _ONE, "who appointed or approved the delegation"),
    P.SUPPORT_STAFF: _spec((_D,), TextValue, _MANY, "supporting experts, as described"),
}
