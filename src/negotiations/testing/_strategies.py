"""Hypothesis strategies that build valid model objects (and only valid ones)."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from hypothesis import strategies as st

from negotiations.model import (
    Actor,
    ActorId,
    ActorValue,
    Assertion,
    Attribution,
    Bound,
    Cardinality,
    ClockTime,
    ClockValue,
    DateBasis,
    DateRange,
    DateValue,
    Delegation,
    DelegationId,
    DelegationRef,
    Document,
    DocumentId,
    Duration,
    DurationValue,
    EntityId,
    Event,
    EventId,
    EventKind,
    EventValue,
    Issue,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Modality,
    ModeValue,
    Office,
    OfficeId,
    OfficeTerm,
    OfficeValue,
    Organization,
    OrganizationKind,
    OutletKind,
    PartialDate,
    Person,
    Place,
    PlaceId,
    PlaceKind,
    PlaceValue,
    Polarity,
    Position,
    PositionValue,
    Predicate,
    PredicateSpec,
    PublicationDate,
    Qualifiers,
    Quantity,
    QuantityValue,
    RecordRef,
    Source,
    SourceId,
    Stance,
    State,
    StatusValue,
    SubjectKind,
    TextAnchor,
    TextValue,
    TimeExpression,
    TimeValue,
    TitleTiming,
    Value,
    Vocabulary,
)
from negotiations.reconcile import Context

_ID_RE = r"[a-z][a-z0-9_]{0,11}"


def identifiers() -> st.SearchStrategy[str]:
    """Valid ids (``[a-z0-9][a-z0-9_.:-]*``)."""
    return st.from_regex(_ID_RE, fullmatch=True)


_NAME_ALPHABET = st.characters(
    whitelist_categories=("Lu", "Ll"), whitelist_characters=" -'’", max_codepoint=0x17F
)


def names() -> st.SearchStrategy[str]:
    """Human-ish names, diacritics included."""
    return st.text(_NAME_ALPHABET, min_size=1, max_size=24).filter(lambda s: bool(s.strip()))


def _aliases() -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(names(), max_size=3)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1990, max_year: int = 2030) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    depth = draw(st.integers(0, 3))
    if depth == 0:
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if depth == 1:
        return PartialDate(year=year, month=month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if depth == 2:
        return PartialDate(year=year, month=month, day=day)
    return PartialDate(
        year=year,
        month=month,
        day=day,
        hour=draw(st.integers(0, 23)),
        minute=draw(st.integers(0, 59)),
    )


@st.composite
def date_ranges(draw: st.DrawFn) -> DateRange:
    start = draw(st.none() | partial_dates())
    end = draw(st.none() | partial_dates())
    if start is not None and end is not None and start.earliest() >= end.latest():
        start, end = end, start
        if start.earliest() >= end.latest():
            end = None
    return DateRange(start=start, end=end)


def time_values() -> st.SearchStrategy[TimeValue]:
    return st.one_of(partial_dates(), date_ranges())


def time_expressions() -> st.SearchStrategy[TimeExpression]:
    return st.builds(
        TimeExpression,
        text=names(),
        value=st.none() | time_values(),
        anchor=st.none() | partial_dates(),
        method=st.sampled_from(["explicit", "weekday, nearest to the anchor", "unresolved"]),
    )


@st.composite
def durations(draw: st.DrawFn) -> Duration:
    parts = draw(
        st.fixed_dictionaries(
            {},
            optional={
                u: st.integers(0, 50)
                for u in ("years", "months", "weeks", "days", "hours", "minutes")
            },
        ).filter(lambda d: any(d.values()))
    )
    return Duration(bound=draw(st.sampled_from(Bound)), **parts)


def quantities() -> st.SearchStrategy[Quantity]:
    """Hedged counts and measures, with or without a unit."""
    return st.builds(
        Quantity,
        amount=st.integers(0, 10**7) | st.floats(0, 1e7, allow_nan=False, allow_infinity=False),
        unit=st.none() | st.sampled_from(["prisoners", "people", "members", "days", "km"]),
        bound=st.sampled_from(Bound),
    )


def quantity_values() -> st.SearchStrategy[QuantityValue]:
    return st.builds(QuantityValue, text=names(), quantity=quantities())


def clock_times() -> st.SearchStrategy[ClockTime]:
    """Times of day, with a stated UTC offset or none."""
    return st.builds(
        ClockTime,
        hour=st.integers(0, 23),
        minute=st.integers(0, 59),
        utc_offset=st.none() | st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15),
        bound=st.sampled_from(Bound),
    )


def clock_values() -> st.SearchStrategy[ClockValue]:
    return st.builds(ClockValue, text=names(), time=clock_times(), date=st.none() | partial_dates())


def record_refs() -> st.SearchStrategy[RecordRef]:
    """Evidence from a dataset row rather than a quote."""
    return st.builds(
        RecordRef,
        dataset=names(),
        record=st.integers(1, 10**6).map(str) | identifiers(),
        field=st.none() | identifiers(),
        retrieved=st.none()
        | st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2030, 1, 1)),
    )


def predicate_specs() -> st.SearchStrategy[PredicateSpec]:
    """User-declared predicates (names that no built-in predicate uses)."""
    builtin = set(Vocabulary.builtin().names)
    return st.builds(
        PredicateSpec,
        name=identifiers().map(lambda n: "x_" + n).filter(lambda n: n not in builtin),
        subjects=st.just(frozenset({SubjectKind.ANY})),
        value_type=st.sampled_from(
            [TextValue, QuantityValue, ClockValue, DurationValue, DateValue, ActorValue]
        ),
        cardinality=st.sampled_from(Cardinality),
        description=names(),
    )


def persons() -> st.SearchStrategy[Person]:
    return st.builds(Person, id=identifiers().map(ActorId), name=names(), aliases=_aliases())


def organizations() -> st.SearchStrategy[Organization]:
    return st.builds(
        Organization,
        id=identifiers().map(ActorId),
        name=names(),
        aliases=_aliases(),
        kind=st.sampled_from(OrganizationKind),
        country=st.none() | identifiers().map(ActorId),
        parent=st.none() | identifiers().map(ActorId),
    )


def states() -> st.SearchStrategy[State]:
    return st.builds(State, id=identifiers().map(ActorId), name=names(), aliases=_aliases())


def actors() -> st.SearchStrategy[Actor]:
    return st.one_of(persons(), organizations(), states())


def places() -> st.SearchStrategy[Place]:
    return st.builds(
        Place,
        id=identifiers().map(PlaceId),
        name=names(),
        kind=st.sampled_from(PlaceKind),
        aliases=_aliases(),
        country=st.none() | identifiers().map(ActorId),
        within=st.none() | identifiers().map(PlaceId),
    )


def offices() -> st.SearchStrategy[Office]:
    return st.builds(
        Office,
        id=identifiers().map(OfficeId),
        name=names(),
        organization=identifiers().map(ActorId),
        single_holder=st.booleans(),
        aliases=_aliases(),
    )


def office_terms() -> st.SearchStrategy[OfficeTerm]:
    return st.builds(
        OfficeTerm,
        holder=identifiers().map(ActorId),
        office=identifiers().map(OfficeId),
        valid=date_ranges(),
        evidence=st.lists(identifiers(), max_size=3).map(tuple),
    )


def delegation_refs() -> st.SearchStrategy[DelegationRef]:
    return st.builds(
        DelegationRef,
        id=identifiers().map(DelegationId),
        party=identifiers().map(ActorId),
        event=identifiers().map(EventId),
    )


def events() -> st.SearchStrategy[Event]:
    return st.builds(
        Event,
        id=identifiers().map(EventId),
        name=names(),
        kind=st.sampled_from(EventKind),
        delegations=st.lists(delegation_refs(), max_size=3).map(tuple),
    )


def delegations() -> st.SearchStrategy[Delegation]:
    return st.builds(
        Delegation,
        id=identifiers().map(DelegationId),
        party=actors(),
        head=st.none() | actors(),
        members=st.lists(actors(), max_size=3).map(tuple),
        appointed_by=st.none() | actors(),
    )


def meetings() -> st.SearchStrategy[Meeting]:
    small = st.lists(actors(), max_size=2).map(tuple)
    return st.builds(
        Meeting,
        id=identifiers().map(EventId),
        name=names(),
        mode=st.none() | st.sampled_from(MeetingMode),
        status=st.none() | st.sampled_from(MeetingStatus),
        when=st.none() | time_values(),
        city=st.none() | places(),
        venue=st.none() | places(),
        host=st.none() | actors(),
        chair=st.none() | actors(),
        duration=st.none() | durations(),
        mediators=small,
        parties=small,
        participants=small,
        observers=small,
        absent=small,
        delegations=st.lists(delegations(), max_size=2).map(tuple),
    )


def position_values() -> st.SearchStrategy[PositionValue]:
    return st.builds(
        PositionValue,
        issue=st.sampled_from(Issue),
        stance=st.sampled_from(Stance),
        terms=st.none() | names(),
    )


def positions() -> st.SearchStrategy[Position]:
    return st.builds(
        Position,
        holder=actors(),
        issue=st.sampled_from(Issue),
        stance=st.sampled_from(Stance),
        terms=st.lists(names(), max_size=2).map(tuple),
        evidence=st.lists(identifiers(), max_size=2).map(tuple),
    )


@st.composite
def text_anchors(draw: st.DrawFn, document: str | None = None) -> TextAnchor:
    exact = draw(names())
    start = draw(st.integers(0, 5000))
    return TextAnchor(
        document=DocumentId(document or draw(identifiers())),
        exact=exact,
        start=start,
        end=start + len(exact),
        prefix=draw(st.text(max_size=5)),
        suffix=draw(st.text(max_size=5)),
    )


def publication_dates() -> st.SearchStrategy[PublicationDate]:
    return st.builds(
        PublicationDate,
        value=partial_dates(),
        basis=st.just(DateBasis.INFERRED),
        reasoning=st.none() | names(),
        evidence=st.lists(text_anchors(), min_size=1, max_size=2).map(tuple),
    ) | st.builds(PublicationDate, value=partial_dates(), basis=st.just(DateBasis.STATED))


def sources() -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        id=identifiers().map(SourceId),
        outlet=st.none() | identifiers().map(ActorId),
        title=st.none() | names(),
        kind=st.sampled_from(OutletKind),
        url=st.none() | st.just("https://example.org/a"),
        published=st.none() | publication_dates(),
        evidence=st.lists(text_anchors(), max_size=2).map(tuple),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    source = draw(sources())
    text = draw(st.text(max_size=200))
    return Document.from_text(DocumentId(source.id), source, text)


def actor_values() -> st.SearchStrategy[ActorValue]:
    return st.builds(ActorValue, actor=identifiers().map(ActorId))


def date_values() -> st.SearchStrategy[DateValue]:
    return st.builds(DateValue, expression=time_expressions())


def values(
    predicate: Predicate | PredicateSpec | None = None,
) -> st.SearchStrategy[Value]:
    """Values of the type ``predicate`` takes (any value type when None)."""
    by_type: dict[type, st.SearchStrategy[Any]] = {
        ActorValue: actor_values(),
        PlaceValue: st.builds(PlaceValue, place=identifiers().map(PlaceId)),
        OfficeValue: st.builds(OfficeValue, office=identifiers().map(OfficeId)),
        EventValue: st.builds(EventValue, event=identifiers().map(EventId)),
        TextValue: st.builds(TextValue, text=names()),
        DateValue: date_values(),
        DurationValue: st.builds(DurationValue, text=names(), duration=durations()),
        QuantityValue: quantity_values(),
        ClockValue: clock_values(),
        StatusValue: st.builds(StatusValue, status=st.sampled_from(MeetingStatus)),
        ModeValue: st.builds(ModeValue, mode=st.sampled_from(MeetingMode)),
        PositionValue: position_values(),
    }
    if predicate is not None:
        return by_type[predicate.value_type]
    return st.one_of(*by_type.values())


def qualifiers() -> st.SearchStrategy[Qualifiers]:
    return st.builds(
        Qualifiers,
        title=st.none() | names(),
        timing=st.none() | st.sampled_from(TitleTiming),
        time=st.none() | time_expressions(),
        role=st.none() | names(),
        complete=st.none() | st.booleans(),
    )


def attributions() -> st.SearchStrategy[Attribution]:
    return st.builds(
        Attribution,
        quoted=st.none() | identifiers().map(ActorId),
        on_behalf_of=st.none() | identifiers().map(ActorId),
        text=st.none() | names(),
        said_at=st.none() | time_expressions(),
    )


@st.composite
def assertions(
    draw: st.DrawFn,
    predicate: Predicate | PredicateSpec | None = None,
    evidence: st.SearchStrategy[TextAnchor | RecordRef] | None = None,
) -> Assertion:
    """Any valid assertion (content-hash id included): a built-in predicate or a
    user-declared one (``predicate_specs()``), with a quote or a record as evidence."""
    chosen = predicate or draw(st.sampled_from(Predicate))
    modality = draw(st.sampled_from(Modality))
    polarity = Polarity.NEGATIVE if modality is Modality.DENIED else draw(st.sampled_from(Polarity))
    source = draw(identifiers())
    return Assertion.create(
        source=SourceId(source),
        subject=EntityId(draw(identifiers())),
        predicate=chosen.name if isinstance(chosen, PredicateSpec) else chosen,
        value=draw(values(chosen)),
        evidence=draw(evidence or st.one_of(text_anchors(document=source), record_refs())),
        modality=modality,
        polarity=polarity,
        qualifiers=draw(qualifiers()),
        attribution=draw(attributions()),
        asserted_at=draw(st.none() | partial_dates()),
        note=draw(st.none() | names()),
    )


def model_objects() -> st.SearchStrategy[Any]:
    """Any model object, for round-trip tests across the whole model."""
    return st.one_of(
        actors(),
        places(),
        offices(),
        office_terms(),
        events(),
        delegations(),
        meetings(),
        positions(),
        sources(),
        documents(),
        assertions(),
        predicate_specs().flatmap(lambda spec: assertions(predicate=spec)),
        durations(),
        quantities(),
        clock_times(),
        record_refs(),
        time_expressions(),
    )


# -- reconciliation inputs: a small universe so that questions collide -------

#: The registry facts matching :func:`reconciliation_inputs`' universe.
LAW_CONTEXT = Context(
    single_holder_offices=frozenset({OfficeId("office_single")}),
    delegation_events={EntityId("delegation_a"): (EventId("event_a"), ActorId("party_a"))},
)

_EVENTS = ["event_a", "event_b"]
_PEOPLE = ["person_a", "person_b", "person_c"]
_SOURCES = ["source_1", "source_2", "source_3", "source_4"]
_DAYS = [dt.date(2025, 5, 14), dt.date(2025, 5, 15), dt.date(2025, 5, 16)]


def _day(day: dt.date) -> PartialDate:
    return PartialDate(year=day.year, month=day.month, day=day.day)


@st.composite
def _law_value(draw: st.DrawFn, predicate: Predicate) -> tuple[str, Value]:
    if predicate is Predicate.DATE:
        if draw(st.booleans()):
            day = draw(st.sampled_from(_DAYS))
            return f"day {day.day}", DateValue(
                expression=TimeExpression(text=f"day {day.day}", value=_day(day))
            )
        first, second = _DAYS[1], _DAYS[2]
        span = DateRange(start=_day(first), end=_day(second))
        return "day 15 or 16", DateValue(expression=TimeExpression(text="day 15 or 16", value=span))
    if predicate is Predicate.STATUS:
        return "status", StatusValue(
            status=draw(st.sampled_from([MeetingStatus.PLANNED, MeetingStatus.HELD]))
        )
    if predicate is Predicate.HOLDS_OFFICE:
        return "office", OfficeValue(
            office=OfficeId(draw(st.sampled_from(["office_single", "office_many"])))
        )
    if predicate is Predicate.POSITION:
        return "position", PositionValue(
            issue=Issue.CEASEFIRE,
            stance=draw(st.sampled_from([Stance.DEMAND, Stance.REJECT, Stance.SUPPORT])),
        )
    return "actor", ActorValue(actor=ActorId(draw(st.sampled_from(_PEOPLE))))


_LAW_SUBJECTS: dict[Predicate, list[str]] = {
    Predicate.DATE: _EVENTS,
    Predicate.STATUS: _EVENTS,
    Predicate.CHAIR: _EVENTS,
    Predicate.PARTICIPANT: _EVENTS,
    Predicate.HOLDS_OFFICE: _PEOPLE,
    Predicate.POSITION: ["party_a", "person_a"],
    Predicate.MEMBER: ["delegation_a"],
    Predicate.HEAD: ["delegation_a"],
}


@st.composite
def law_assertions(draw: st.DrawFn, sources: list[str] | None = None) -> Assertion:
    """One assertion from the small universe of :data:`LAW_CONTEXT`."""
    predicate = draw(st.sampled_from(sorted(_LAW_SUBJECTS, key=lambda p: p.value)))
    subject = draw(st.sampled_from(_LAW_SUBJECTS[predicate]))
    text, value = draw(_law_value(predicate))
    source = draw(st.sampled_from(sources or _SOURCES))
    modality = draw(st.sampled_from(Modality))
    polarity = (
        Polarity.NEGATIVE
        if modality is Modality.DENIED
        else draw(st.sampled_from([Polarity.POSITIVE, Polarity.POSITIVE, Polarity.NEGATIVE]))
    )
    start = draw(st.integers(0, 40))
    exact = f"{text} #{start}"
    timing = (
        draw(st.none() | st.sampled_from(TitleTiming))
        if predicate is Predicate.HOLDS_OFFICE
        else None
    )
    title = "Title" if predicate is Predicate.HOLDS_OFFICE else None
    complete = draw(st.none() | st.booleans()) if predicate is Predicate.MEMBER else None
    speaker = draw(st.none() | st.sampled_from(["party_a", "person_a", "person_b"]))
    return Assertion.create(
        source=SourceId(source),
        subject=EntityId(subject),
        predicate=predicate,
        value=value,
        evidence=TextAnchor(
            document=DocumentId(source), exact=exact, start=start, end=start + len(exact)
        ),
        modality=modality,
        polarity=polarity,
        qualifiers=Qualifiers(title=title, timing=timing, complete=complete),
        attribution=Attribution(quoted=ActorId(speaker) if speaker else None),
        asserted_at=_day(draw(st.sampled_from(_DAYS))),
    )


def reconciliation_inputs(
    min_size: int = 0, max_size: int = 30
) -> st.SearchStrategy[list[Assertion]]:
    """Assertion lists over a small universe (see :data:`LAW_CONTEXT`), dense in conflicts:
    few subjects, values, days and sources, every modality and polarity."""
    return st.lists(
        law_assertions(), min_size=min_size, max_size=max_size, unique_by=lambda a: a.id
    )
