"""Synthetic claims with a known truth, at any size, for the scale benchmark.

What makes reconciliation hard at scale is modelled, deterministically from a seed:

* **sources of given accuracy**: each independent source answers a question right
  with its own probability (drawn from ``accuracy``), else picks one of a few
  plausible wrong answers (so mistakes collide, as they do in real feeds);
* **copying sources**: a share of the sources repeat another source's answers
  (its mistakes included), undeclared, so only copy detection can find them;
* **pre/post-event timing**: every event has a date; a share of the claims is
  published before it, as expectations (which are less accurate), the rest after,
  as reports, alongside "the meeting was held" status reports;
* **a power-law number of claims per question**: a few questions draw thousands
  of claims, most only a handful (Pareto-distributed sizes).

The rows are plain tuples; :meth:`ScaleInput.build` turns them into assertions the
way a table loader does (values interned, one shared empty qualifier and attribution),
so a benchmark can time building apart from generating.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
from collections.abc import Mapping

from attrs import frozen

from negotiations.model import (
    Actor,
    ActorId,
    ActorValue,
    Assertion,
    DateValue,
    MeetingStatus,
    Modality,
    Office,
    OfficeId,
    OfficeValue,
    PartialDate,
    Person,
    PlaceId,
    PlaceValue,
    Predicate,
    Registry,
    State,
    StatusValue,
    TimeExpression,
    Value,
)

#: (source, subject, predicate, value key, modality, publication day offset, record).
Row = tuple[str, str, str, str, Modality, int, str]

_BASE = dt.date(2025, 1, 1)
_EPOCH = 2**32


def _mix(*numbers: int) -> float:
    """A cheap deterministic hash of integers into [0, 1) (no Random per question)."""
    h = 0x9E3779B9
    for n in numbers:
        h = ((h ^ n) * 0x01000193 + 0x7F4A7C15) % _EPOCH
        h = ((h ^ (h >> 15)) * 0x2C1B3C6D) % _EPOCH
    return h / _EPOCH


@frozen
class ScaleInput:
    """Generated rows, the known truth of every question, and the registry they need."""

    rows: tuple[Row, ...]
    #: (subject, predicate) -> the key of the true answer.
    truth: Mapping[tuple[str, str], str]
    registry: Registry
    #: The accuracy each source was given (copiers: that of the source they copy).
    accuracy: Mapping[str, float]
    #: Copier -> the source it copies.
    copies: Mapping[str, str]

    def __len__(self) -> int:
        return len(self.rows)

    def build(self) -> list[Assertion]:
        """The rows as assertions, made the way a table loader makes them: values
        interned, through one :meth:`Assertion.record_maker` for the dataset."""
        collecting = gc.isenabled()
        gc.disable()  # as the table loader does: building makes no reference cycles
        try:
            return self._build()
        finally:
            if collecting:
                gc.enable()

    def _build(self) -> list[Assertion]:
        values: dict[tuple[str, str], Value] = {}
        dates: dict[int, PartialDate] = {}
        make = Assertion.record_maker("scale")
        out: list[Assertion] = []
        append = out.append
        for source, subject, predicate, answer, modality, day, record in self.rows:
            if type(predicate) is not str:
                # A plain-string predicate name, as a table loader has it: a ``Predicate``
                # member as the record's field would put its enum repr into the id, and
                # the assertion's JSON (which has the plain name) would not reproduce it.
                predicate = str(predicate)
            value = values.get((predicate, answer))
            if value is None:
                value = values[(predicate, answer)] = _value(predicate, answer)
            published = dates.get(day)
            if published is None:
                published = dates[day] = PartialDate.of(_BASE + dt.timedelta(days=day))
            # Ids are plain strings at run time (``SourceId(x)`` is ``x``).
            append(make(source, subject, predicate, value, modality, record, predicate, published))  # type: ignore[arg-type]
        return out


def _value(predicate: str, answer: str) -> Value:
    if predicate == Predicate.DATE:
        day = dt.date.fromisoformat(answer)
        return DateValue(expression=TimeExpression(text=f"on {answer}", value=PartialDate.of(day)))
    if predicate == Predicate.CITY:
        return PlaceValue(place=PlaceId(answer))
    if predicate == Predicate.STATUS:
        return StatusValue(status=MeetingStatus(answer))
    if predicate == Predicate.HOLDS_OFFICE:
        return OfficeValue(office=OfficeId(answer))
    return ActorValue(actor=ActorId(answer))


def _day(n: int) -> str:
    return (_BASE + dt.timedelta(days=n)).isoformat()


def scale_input(
    count: int,
    *,
    seed: int = 0,
    sources: int | None = None,
    accuracy: tuple[float, float] = (0.55, 0.95),
    copiers: float = 0.1,
    before_event: float = 0.2,
    tail: float = 1.3,
) -> ScaleInput:
    """About ``count`` rows (exactly ``count``) on event questions with a known truth.

    ``sources`` defaults to the square root of ``count`` (at least 10): hundreds of
    outlets for a million claims. ``tail`` is the Pareto shape of the number of
    claims per question (smaller: heavier tail).
    """
    rng = random.Random(seed)
    n_sources = sources if sources is not None else max(10, int(count**0.5))
    names = [f"src{i}" for i in range(n_sources)]
    given = {name: round(rng.uniform(*accuracy), 3) for name in names}
    copies: dict[str, str] = {}
    independent = names[: max(2, int(n_sources * (1 - copiers)))]
    for name in names[len(independent) :]:
        copies[name] = rng.choice(independent)
        given[name] = given[copies[name]]
    index = {name: i for i, name in enumerate(names)}
    predicates = tuple(
        str(p) for p in (Predicate.DATE, Predicate.CITY, Predicate.CHAIR, Predicate.STATUS)
    )
    rows: list[Row] = []
    truth: dict[tuple[str, str], str] = {}
    question = 0
    while len(rows) < count:
        event, predicate = f"ev{question // 4}", predicates[question % 4]
        event_day = (question // 4 * 3) % 700
        options = _options(predicate, question, event_day)
        truth[(event, predicate)] = options[0]
        size = min(count - len(rows), max(1, int(rng.paretovariate(tail))))
        for _ in range(size):
            source = rng.choice(names)
            speaker = copies.get(source, source)
            before = rng.random() < before_event
            # Copiers repeat their model's answer most of the time; anyone may slip.
            draw = _mix(index[speaker], question, seed)
            if copies.get(source) and rng.random() < 0.2:
                draw = rng.random()
            right = given[speaker] * (0.7 if before else 1.0)
            if predicate == Predicate.STATUS:
                answer = "planned" if before else ("held" if draw < right else "postponed")
            elif draw < right:
                answer = options[0]
            else:
                answer = options[1 + int(_mix(question, index[speaker], 7) * (len(options) - 1))]
            day = event_day - 1 - rng.randrange(30) if before else event_day + rng.randrange(60)
            modality = (
                Modality.EXPECTED
                if before
                else (Modality.CONFIRMED if rng.random() < 0.2 else Modality.REPORTED)
            )
            rows.append((source, event, predicate, answer, modality, max(0, day), f"r{len(rows)}"))
        question += 1
    registry = Registry(
        actors=tuple(Person(id=ActorId(f"p{i}"), name=f"Person {i}") for i in range(_PEOPLE)),
    )
    return ScaleInput(
        rows=tuple(rows), truth=truth, registry=registry, accuracy=given, copies=copies
    )


_PEOPLE = 50


def _options(predicate: str, question: int, event_day: int) -> tuple[str, ...]:
    """The true answer first, then the plausible wrong ones."""
    if predicate == Predicate.DATE:
        return tuple(_day(event_day + shift) for shift in (0, 1, -1, 7))
    if predicate == Predicate.CITY:
        return tuple(f"city{(question + k * 13) % 97}" for k in range(4))
    if predicate == Predicate.STATUS:
        return ("held", "planned", "postponed")
    return tuple(f"p{(question + k * 7) % _PEOPLE}" for k in range(4))


def office_history(holders: int, *, claims_per_holder: int = 3, seed: int = 0) -> ScaleInput:
    """The worst case for single-holder offices: one office, ``holders`` people in
    succession (a 30-day term each), every term reported by a few sources, some of
    which name the previous holder late (a conflict only with its neighbour)."""
    rng = random.Random(seed)
    office = OfficeId("office_top")
    rows: list[Row] = []
    truth: dict[tuple[str, str], str] = {}
    for h in range(holders):
        person = f"p{h}"
        truth[(person, Predicate.HOLDS_OFFICE)] = office
        for c in range(claims_per_holder):
            day = h * 30 + rng.randrange(30)
            rows.append(
                (
                    f"src{rng.randrange(20)}",
                    person,
                    Predicate.HOLDS_OFFICE,
                    office,
                    Modality.REPORTED,
                    day,
                    f"r{len(rows)}",
                )
            )
            if c == 0 and h > 0 and rng.random() < 0.3:
                # A late report still naming the previous holder.
                rows.append(
                    (
                        f"src{rng.randrange(20)}",
                        f"p{h - 1}",
                        Predicate.HOLDS_OFFICE,
                        office,
                        Modality.REPORTED,
                        day,
                        f"r{len(rows)}",
                    )
                )
    people: tuple[Actor, ...] = tuple(
        Person(id=ActorId(f"p{h}"), name=f"Person {h}") for h in range(holders)
    )
    registry = Registry(
        actors=(*people, State(id=ActorId("state"), name="State")),
        offices=(
            Office(
                id=office, name="Head of State", organization=ActorId("state"), single_holder=True
            ),
        ),
    )
    return ScaleInput(rows=tuple(rows), truth=truth, registry=registry, accuracy={}, copies={})


def crowded_question(sources: int, *, seed: int = 0) -> ScaleInput:
    """The worst case for one question: ``sources`` sources each answer it (and a
    few other questions, so that trust has something to learn from)."""
    rng = random.Random(seed)
    rows: list[Row] = []
    truth: dict[tuple[str, str], str] = {}
    for q in range(5):
        event = f"ev{q}"
        options = _options(Predicate.DATE, q, q * 10)
        truth[(event, Predicate.DATE)] = options[0]
        for s in range(sources if q == 0 else 20):
            answer = options[0] if rng.random() < 0.8 else rng.choice(options[1:])
            rows.append(
                (
                    f"src{s}",
                    event,
                    Predicate.DATE,
                    answer,
                    Modality.REPORTED,
                    q * 10 + 1,
                    f"r{len(rows)}",
                )
            )
    return ScaleInput(rows=tuple(rows), truth=truth, registry=Registry(), accuracy={}, copies={})


__all__ = ["Row", "ScaleInput", "crowded_question", "office_history", "scale_input"]
