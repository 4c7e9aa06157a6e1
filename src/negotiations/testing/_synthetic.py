"""Deterministic synthetic corpora for benchmarks: many events, sources and conflicts."""

from __future__ import annotations

import datetime as dt
import random

from negotiations.model import (
    ActorId,
    ActorValue,
    Assertion,
    Attribution,
    DateValue,
    DocumentId,
    EntityId,
    MeetingStatus,
    Modality,
    OfficeId,
    OfficeValue,
    PartialDate,
    Polarity,
    Predicate,
    Qualifiers,
    SourceId,
    StatusValue,
    TextAnchor,
    TimeExpression,
)


def synthetic_assertions(
    count: int, *, seed: int = 0, events: int | None = None
) -> list[Assertion]:
    """``count`` assertions about ``events`` meetings from ~count/20 sources, with
    conflicting dates, chairs, participants and office holders (seeded, reproducible)."""
    rng = random.Random(seed)
    events = events or max(1, count // 25)
    sources = [f"s{i}" for i in range(max(2, count // 20))]
    people = [f"p{i}" for i in range(max(3, count // 10))]
    offices = [f"o{i}" for i in range(max(2, count // 40))]
    base = dt.date(2025, 1, 1)
    out: list[Assertion] = []
    for n in range(count):
        source = rng.choice(sources)
        event = f"e{rng.randrange(events)}"
        published = base + dt.timedelta(days=rng.randrange(200))
        kind = rng.random()
        modality = rng.choice(
            [Modality.REPORTED, Modality.REPORTED, Modality.EXPECTED, Modality.CONFIRMED]
        )
        predicate: Predicate
        if kind < 0.25:
            predicate, subject = Predicate.DATE, event
            day = base + dt.timedelta(days=(int(event[1:]) * 7 + rng.choice([0, 0, 0, 1])) % 365)
            value: object = DateValue(
                expression=TimeExpression(
                    text=f"day {day.isoformat()}",
                    value=PartialDate(year=day.year, month=day.month, day=day.day),
                )
            )
        elif kind < 0.35:
            predicate, subject = Predicate.STATUS, event
            value = StatusValue(status=rng.choice([MeetingStatus.HELD, MeetingStatus.PLANNED]))
        elif kind < 0.5:
            predicate, subject = Predicate.CHAIR, event
            value = ActorValue(actor=ActorId(rng.choice(people[:5])))
        elif kind < 0.75:
            predicate, subject = Predicate.PARTICIPANT, event
            value = ActorValue(actor=ActorId(rng.choice(people)))
        else:
            predicate, subject = Predicate.HOLDS_OFFICE, rng.choice(people)
            value = OfficeValue(office=OfficeId(rng.choice(offices)))
        exact = f"quote {n}"
        out.append(
            Assertion.create(
                source=SourceId(source),
                subject=EntityId(subject),
                predicate=predicate,
                value=value,  # type: ignore[arg-type]
                evidence=TextAnchor(
                    document=DocumentId(source), exact=exact, start=n * 10, end=n * 10 + len(exact)
                ),
                modality=modality,
                polarity=Polarity.NEGATIVE if rng.random() < 0.1 else Polarity.POSITIVE,
                qualifiers=Qualifiers(title="Title")
                if predicate is Predicate.HOLDS_OFFICE
                else Qualifiers(),
                attribution=Attribution(),
                asserted_at=PartialDate(
                    year=published.year, month=published.month, day=published.day
                ),
            )
        )
    return out
