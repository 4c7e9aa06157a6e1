"""A compact way to write hand-made assertions for rule tests."""

from __future__ import annotations

import datetime as dt
import itertools

import negotiations as ng
from negotiations.reconcile._claims import form_claims
from negotiations.reconcile._engine import Statistics, Weigher, _LocalTally

_counter = itertools.count()
DAY = {14: dt.date(2025, 5, 14), 15: dt.date(2025, 5, 15), 16: dt.date(2025, 5, 16)}


def day(d: int, month: int = 5, year: int = 2025) -> ng.PartialDate:
    return ng.PartialDate(year=year, month=month, day=d)


def date_value(text: str, value: ng.TimeValue) -> ng.DateValue:
    return ng.DateValue(expression=ng.TimeExpression(text=text, value=value))


def actor(name: str) -> ng.ActorValue:
    return ng.ActorValue(actor=ng.ActorId(name))


def say(
    subject: str,
    predicate: ng.Predicate,
    value: ng.Value,
    *,
    source: str = "s1",
    modality: ng.Modality = ng.Modality.REPORTED,
    negative: bool = False,
    quoted: str | None = None,
    on_behalf_of: str | None = None,
    at: ng.PartialDate | None = None,
    timing: ng.TitleTiming | None = None,
    time: ng.TimeValue | None = None,
    complete: bool | None = None,
) -> ng.Assertion:
    """One assertion with a fresh anchor (so repeated calls are distinct assertions)."""
    n = next(_counter)
    exact = f"quote {n}"
    title = "Title" if predicate is ng.Predicate.HOLDS_OFFICE else None
    return ng.Assertion.create(
        source=ng.SourceId(source),
        subject=ng.EntityId(subject),
        predicate=predicate,
        value=value,
        evidence=ng.TextAnchor(
            document=ng.DocumentId(source), exact=exact, start=n, end=n + len(exact)
        ),
        modality=modality,
        polarity=ng.Polarity.NEGATIVE
        if negative or modality is ng.Modality.DENIED
        else ng.Polarity.POSITIVE,
        qualifiers=ng.Qualifiers(
            title=title,
            timing=timing,
            time=ng.TimeExpression(text="then", value=time) if time is not None else None,
            complete=complete,
        ),
        attribution=ng.Attribution(
            quoted=ng.ActorId(quoted) if quoted else None,
            on_behalf_of=ng.ActorId(on_behalf_of) if on_behalf_of else None,
        ),
        asserted_at=at or day(15),
    )


def local_tally(assertions: list[ng.Assertion], context: ng.Context) -> _LocalTally:
    """The default policy's trust-learning tally of ``assertions`` (static weights only)."""
    policy = ng.default_policy()
    claims = form_claims(assertions, context, policy.title_window)
    static = Weigher(policy).static_weights(claims, Statistics(by_rule={}), context)
    return _LocalTally(claims, static, context)
