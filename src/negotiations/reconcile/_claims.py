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
from collections.abc import Iterable, Sequence

import attrs
from attrs import frozen

from negotiations.model import (
    Assertion,
    Cardinality,
    DateRange,
    Modality,
    PartialDate,
    Polarity,
    Precision,
    PredicateSpec,
    TimeValue,
    TitleTiming,
    Value,
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
    def question(self) -> tuple[str, str, str]:
        """The question regardless of era: who, what, which value."""
        return (self.subject, self.predicate, self.value)

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
    # An open end (a holder "since March 2022") runs to the end of the calendar: the
    # scope leaves it open, as the claim did.
    return DateRange(
        start=None if start == dt.datetime.min else PartialDate.of(start, Precision.DAY),
        end=(
            None
            if end == dt.datetime.max
            else PartialDate.of(end - dt.timedelta(microseconds=1), Precision.DAY)
        ),
    ).isoformat()


def form_claims(
    assertions: Sequence[Assertion], context: Context, window: dt.timedelta
) -> list[Claim]:
    """Read every assertion as claims; derive the implied ones. Order-independent."""
    claims: list[Claim] = []
    scoped: list[Claim] = []
    for assertion in assertions:
        spec = context.spec(assertion.predicate)
        claim = _claim(assertion, spec, window)
        (scoped if spec.time_scoped else claims).append(claim)
    claims.extend(_scope_eras(scoped))
    claims.extend(_complete_list_exclusions(assertions, context))
    return sorted(claims, key=claim_order)


def claim_order(claim: Claim) -> tuple[tuple[str, str, str, str], str, bool, str, str]:
    """The order claims are decided in, whatever order the input came in."""
    return (
        claim.key.order,
        claim.answer,
        claim.positive,
        claim.assertion.id,
        claim.implied_by or "",
    )


def _claim(assertion: Assertion, spec: PredicateSpec, window: dt.timedelta) -> Claim:
    predicate, value = assertion.predicate, assertion.value
    positive = assertion.polarity is Polarity.POSITIVE
    if spec.time_scoped:
        if assertion.qualifiers.timing is TitleTiming.FORMER:
            positive = not positive  # "former X" at T: not X at T
        return Claim(
            key=ClaimKey(assertion.subject, predicate, value.key()),
            answer="holds",
            positive=positive,
            value=value,
            assertion=assertion,
            window=title_window(assertion, window),
        )
    if spec.cardinality is Cardinality.ONE and not spec.stances:
        return Claim(
            key=ClaimKey(assertion.subject, predicate),
            answer=value.key(),
            positive=positive,
            value=value,
            assertion=assertion,
        )
    return Claim(
        key=ClaimKey(assertion.subject, predicate, value.key()),
        answer="yes",
        positive=positive,
        value=value,
        assertion=assertion,
    )


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


def _complete_list_exclusions(assertions: Sequence[Assertion], context: Context) -> Iterable[Claim]:
    """A complete list from one source opposes the values it leaves out (CompleteLists)."""
    values: dict[tuple[str, str], dict[str, Value]] = defaultdict(dict)
    listed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    complete: dict[tuple[str, str, str], list[Assertion]] = defaultdict(list)
    for a in assertions:
        if a.polarity is not Polarity.POSITIVE:
            continue
        spec = context.spec(a.predicate)
        for list_predicate in context.listed_with(a.predicate):
            listed[(a.subject, list_predicate, a.source)].add(a.value.key())
        if not spec.complete_lists:
            continue
        values[(a.subject, a.predicate)][a.value.key()] = a.value
        listed[(a.subject, a.predicate, a.source)].add(a.value.key())
        if a.qualifiers.complete and a.modality not in PROSPECTIVE:
            complete[(a.subject, a.predicate, a.source)].append(a)
    for (subject, predicate, source), list_assertions in sorted(complete.items()):
        known = values[(subject, predicate)]
        # One exclusion per value the list leaves out, citing the list (its first
        # assertion stands for it): a list of n against m others gives m claims, not n*m.
        cited = min(list_assertions, key=lambda x: x.id)
        for left_out in sorted(set(known) - listed[(subject, predicate, source)]):
            yield Claim(
                key=ClaimKey(subject, predicate, left_out),
                answer="yes",
                positive=False,
                value=known[left_out],
                assertion=cited,
                implied_by="CompleteLists",
            )
