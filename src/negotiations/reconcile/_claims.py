"""From assertions to claims: the question each assertion answers, and how.

This is the *conflict model* of reconciliation. It decides which assertions
answer the same question (a :class:`ClaimKey`), which answers contradict each
other and which are merely less precise, before any preference rule runs:

* **CompatibleValues** - a value that overlaps another ("Thursday or Friday" vs
  "Friday"; "over three years" vs "three years and two months") is not opposed
  to it; the most precise one stands for both.
* **TimeQualifiedTitles** - a title is a claim about the time it is about (its
  ``time`` qualifier, else when it was asserted), widened by the policy's
  ``title_window``; "former X" at T is the claim "not X at T". Claims about
  times that do not overlap never conflict.
* **SingleHolderOffices** - two different people holding the same single-holder
  office over overlapping time contradict each other.
* **CompleteLists** - a member list presented as complete ("accompanied by A,
  B and C") is evidence against every other member asserted elsewhere.
* **OpposingStances** - an actor's favourable and unfavourable stances on the
  same issue contradict each other; stances on one side coexist.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence

import attrs
from attrs import frozen

from negotiations.corpus._gazetteer import fold
from negotiations.model import (
    ActorValue,
    Assertion,
    Cardinality,
    DateRange,
    DateValue,
    DurationValue,
    EventValue,
    Modality,
    ModeValue,
    OfficeValue,
    PartialDate,
    PlaceValue,
    Polarity,
    PositionValue,
    Precision,
    Predicate,
    StatusValue,
    TextValue,
    TimeValue,
    TitleTiming,
    Value,
    time_contains,
    time_overlaps,
)
from negotiations.reconcile._context import Context

#: Modalities that only anticipate or guess: never enough to accept a claim.
PROSPECTIVE = frozenset({Modality.EXPECTED, Modality.SPECULATED})


@frozen(order=True)
class ClaimKey:
    """A question the evidence answers.

    ``value`` is set for many-valued predicates ("is X a member?") and for
    positions (the stance); ``scope`` narrows time-qualified questions to an era.
    """

    subject: str
    predicate: str
    value: str = ""
    scope: str = ""

    @property
    def order(self) -> tuple[str, str, str, str]:
        """A plain tuple to sort by (much faster than attrs' generated comparisons)."""
        return (self.subject, self.predicate, self.value, self.scope)

    def __str__(self) -> str:
        parts = [self.subject, self.predicate]
        if self.value:
            parts.append(self.value)
        if self.scope:
            parts.append(f"@{self.scope}")
        return " ".join(parts)


@frozen(kw_only=True)
class Claim:
    """One assertion read as an answer to one question.

    ``implied_by`` names the rule when the claim is derived (e.g. a complete list
    that leaves a member out) rather than stated.
    """

    key: ClaimKey
    answer: str
    positive: bool
    value: Value
    assertion: Assertion
    window: tuple[dt.datetime, dt.datetime] | None = None
    implied_by: str | None = None

    @property
    def source(self) -> str:
        return self.assertion.source


def value_key(value: Value) -> str:
    """A canonical string: two values with the same key are the same answer."""
    if isinstance(value, ActorValue):
        return value.actor
    if isinstance(value, PlaceValue):
        return value.place
    if isinstance(value, OfficeValue):
        return value.office
    if isinstance(value, EventValue):
        return value.event
    if isinstance(value, TextValue):
        return fold(value.text)
    if isinstance(value, DateValue):
        resolved = value.expression.value
        return resolved.isoformat() if resolved is not None else "?" + fold(value.expression.text)
    if isinstance(value, DurationValue):
        return str(value.duration)
    if isinstance(value, StatusValue):
        return value.status.value
    if isinstance(value, ModeValue):
        return value.mode.value
    assert isinstance(value, PositionValue)
    return f"{value.issue.value}:{value.stance.value}"


def compatible(a: Value, b: Value) -> bool:
    """Could both values be true at once (one merely less precise)?"""
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        ta, tb = a.expression.value, b.expression.value
        if ta is not None and tb is not None:
            return time_overlaps(ta, tb)
    if isinstance(a, DurationValue) and isinstance(b, DurationValue):
        return a.duration.overlaps(b.duration)
    if isinstance(a, PositionValue) and isinstance(b, PositionValue):
        return a.issue is b.issue and a.stance.favourable == b.stance.favourable
    return value_key(a) == value_key(b)


def precision_rank(value: Value) -> tuple[float, str]:
    """Smaller is more precise; used to let the most precise compatible value stand."""
    if isinstance(value, DateValue) and value.expression.value is not None:
        start, end = value.expression.value.span()
        return ((end - start).total_seconds(), value_key(value))
    if isinstance(value, DurationValue):
        low, high, _, _ = value.duration.range()
        return (high - low, value_key(value))
    return (0.0, value_key(value))


def subsumes(outer: Value, inner: Value) -> bool:
    if isinstance(outer, DateValue) and isinstance(inner, DateValue):
        to, ti = outer.expression.value, inner.expression.value
        return to is not None and ti is not None and time_contains(to, ti)
    if isinstance(outer, DurationValue) and isinstance(inner, DurationValue):
        return outer.duration.contains(inner.duration)
    return value_key(outer) == value_key(inner)


def _day_span(value: TimeValue | None) -> tuple[dt.datetime, dt.datetime] | None:
    return value.span() if value is not None else None


def title_window(
    assertion: Assertion, window: dt.timedelta
) -> tuple[dt.datetime, dt.datetime] | None:
    """The time a title claim is about, widened by ``window`` on both sides."""
    about = assertion.qualifiers.time.value if assertion.qualifiers.time is not None else None
    if about is None:
        about = assertion.asserted_at
    span = _day_span(about)
    if span is None:
        return None
    start, end = span
    return (
        max(dt.datetime.min + window, start) - window,
        min(dt.datetime.max - window, end) + window,
    )


def windows_overlap(
    a: tuple[dt.datetime, dt.datetime] | None, b: tuple[dt.datetime, dt.datetime] | None
) -> bool:
    """Unknown times are assumed to overlap: absence of a date is not evidence of difference."""
    if a is None or b is None:
        return True
    return a[0] < b[1] and b[0] < a[1]


def _era_scope(window: tuple[dt.datetime, dt.datetime] | None) -> str:
    if window is None:
        return "undated"
    start, end = window
    return DateRange(
        start=PartialDate.of(start, Precision.DAY),
        end=PartialDate.of(end - dt.timedelta(microseconds=1), Precision.DAY),
    ).isoformat()


def group_of(assertion: Assertion, context: Context) -> Hashable:
    """The independent unit of decision an assertion belongs to.

    Assertions in different groups can never affect each other's verdicts (given
    the corpus-wide statistics), so groups can be reconciled separately.
    """
    predicate = assertion.predicate
    if predicate is Predicate.HOLDS_OFFICE:
        assert isinstance(assertion.value, OfficeValue)
        office = assertion.value.office
        if office in context.single_holder_offices:
            return ("office", office)
        return ("holds", assertion.subject, office)
    if predicate is Predicate.MEMBER:
        return ("members", assertion.subject)
    if predicate is Predicate.HEAD:
        # A complete list's implied exclusions consult the same document's head.
        return ("members", assertion.subject)
    if predicate is Predicate.POSITION:
        assert isinstance(assertion.value, PositionValue)
        return ("position", assertion.subject, assertion.value.issue.value)
    if predicate.cardinality is Cardinality.ONE:
        return ("one", assertion.subject, predicate.value)
    return ("many", assertion.subject, predicate.value, value_key(assertion.value))


def form_claims(
    assertions: Sequence[Assertion], context: Context, window: dt.timedelta
) -> list[Claim]:
    """Read every assertion as claims; derive the implied ones. Order-independent."""
    claims: list[Claim] = []
    office_claims: list[Claim] = []
    for assertion in assertions:
        claim = _claim(assertion, window)
        (office_claims if assertion.predicate is Predicate.HOLDS_OFFICE else claims).append(claim)
    claims.extend(_scope_eras(office_claims))
    claims.extend(_complete_list_exclusions(assertions))
    return sorted(
        claims,
        key=lambda c: (c.key.order, c.answer, c.positive, c.assertion.id, c.implied_by or ""),
    )


def _claim(assertion: Assertion, window: dt.timedelta) -> Claim:
    predicate, value = assertion.predicate, assertion.value
    positive = assertion.polarity is Polarity.POSITIVE
    if predicate is Predicate.HOLDS_OFFICE:
        if assertion.qualifiers.timing is TitleTiming.FORMER:
            positive = not positive  # "former X" at T: not X at T
        key = ClaimKey(assertion.subject, predicate.value, value_key(value))
        return Claim(
            key=key,
            answer="holds",
            positive=positive,
            value=value,
            assertion=assertion,
            window=title_window(assertion, window),
        )
    if predicate is Predicate.POSITION:
        assert isinstance(value, PositionValue)
        key = ClaimKey(assertion.subject, predicate.value, value_key(value))
        return Claim(key=key, answer="yes", positive=positive, value=value, assertion=assertion)
    if predicate.cardinality is Cardinality.ONE:
        key = ClaimKey(assertion.subject, predicate.value)
        return Claim(
            key=key, answer=value_key(value), positive=positive, value=value, assertion=assertion
        )
    key = ClaimKey(assertion.subject, predicate.value, value_key(value))
    return Claim(key=key, answer="yes", positive=positive, value=value, assertion=assertion)


def _scope_eras(claims: list[Claim]) -> Iterable[Claim]:
    """Split each (person, office) question into eras of overlapping claim windows."""
    by_key: dict[ClaimKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_key[claim.key].append(claim)
    for key, items in by_key.items():
        dated = sorted(
            (c for c in items if c.window is not None), key=lambda c: (c.window, c.assertion.id)
        )
        eras: list[tuple[tuple[dt.datetime, dt.datetime], list[Claim]]] = []
        for claim in dated:
            assert claim.window is not None
            if eras and claim.window[0] < eras[-1][0][1]:
                (start, end), members = eras[-1]
                eras[-1] = ((start, max(end, claim.window[1])), [*members, claim])
            else:
                eras.append((claim.window, [claim]))
        for span, members in eras:
            for claim in members:
                yield attrs.evolve(claim, key=attrs.evolve(key, scope=_era_scope(span)))
        for claim in items:
            if claim.window is None:
                yield attrs.evolve(claim, key=attrs.evolve(key, scope="undated"))


def _complete_list_exclusions(assertions: Sequence[Assertion]) -> Iterable[Claim]:
    """A complete member list from one source opposes members it leaves out."""
    members: dict[str, set[str]] = defaultdict(set)
    listed: dict[tuple[str, str], set[str]] = defaultdict(set)
    complete: dict[tuple[str, str], list[Assertion]] = defaultdict(list)
    for a in assertions:
        if a.predicate in (Predicate.MEMBER, Predicate.HEAD) and a.polarity is Polarity.POSITIVE:
            member = value_key(a.value)
            if a.predicate is Predicate.MEMBER:
                members[a.subject].add(member)
            listed[(a.subject, a.source)].add(member)
            if (
                a.predicate is Predicate.MEMBER
                and a.qualifiers.complete
                and a.modality not in PROSPECTIVE
            ):
                complete[(a.subject, a.source)].append(a)
    for (delegation, source), list_assertions in sorted(complete.items()):
        for member in sorted(members[delegation] - listed[(delegation, source)]):
            for a in sorted(list_assertions, key=lambda x: x.id):
                key = ClaimKey(delegation, Predicate.MEMBER.value, member)
                yield Claim(
                    key=key,
                    answer="yes",
                    positive=False,
                    value=ActorValue(actor=member),  # type: ignore[arg-type]
                    assertion=a,
                    implied_by="CompleteLists",
                )


def claims_conflict(a: Claim, b: Claim, context: Context) -> bool:
    """Do two claims contradict each other (under the conflict model above)?"""
    if a.key == b.key:
        if a.key.predicate == Predicate.HOLDS_OFFICE.value:
            return a.positive != b.positive and windows_overlap(a.window, b.window)
        if a.answer == b.answer:
            return a.positive != b.positive
        if a.positive and b.positive:
            return not compatible(a.value, b.value)
        return False
    if a.key.predicate != b.key.predicate or not (a.positive and b.positive):
        return False
    if a.key.predicate == Predicate.HOLDS_OFFICE.value:
        # SingleHolderOffices: two holders of one single-holder office at once.
        return (
            a.key.value == b.key.value
            and a.key.subject != b.key.subject
            and a.key.value in context.single_holder_offices
            and windows_overlap(a.window, b.window)
        )
    if a.key.predicate == Predicate.POSITION.value:
        # OpposingStances: same holder, same issue, opposite sides.
        return a.key.subject == b.key.subject and not compatible(a.value, b.value)
    return False
