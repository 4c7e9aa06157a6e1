"""Verdicts: what the record says for each question, and why."""

from __future__ import annotations

import enum

import attrs
from attrs import frozen

from negotiations.model import Assertion, Value
from negotiations.reconcile._claims import ClaimKey


class VerdictStatus(enum.Enum):
    """ACCEPTED: the answer stands. REJECTED: the claim was outweighed, or only its
    denial stands. CONTESTED: the rules cannot decide. UNCONFIRMED: only ever
    expected or speculated, never reported as fact."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CONTESTED = "contested"
    UNCONFIRMED = "unconfirmed"


class SideStatus(enum.Enum):
    STANDS = "stands"
    SUBSUMED = "subsumed"
    ELIMINATED = "eliminated"
    CONTESTED = "contested"
    UNCONFIRMED = "unconfirmed"


@frozen(kw_only=True)
class TraceStep:
    """One rule's decision on one pair of conflicting answers, in words."""

    rule: str
    decision: str
    reason: str

    def __str__(self) -> str:
        return f"{self.rule}: {self.decision} - {self.reason}"


@frozen(kw_only=True)
class Contribution:
    """What one rule added to (or, for the runner-up, took from) the winning margin.

    ``amount`` is signed: the contributions of a verdict add up to its ``margin``.
    """

    rule: str
    answer: str
    amount: float
    reason: str

    def __str__(self) -> str:
        return f"{self.amount:+.2f} {self.rule} ({self.answer}): {self.reason}"


def trace_of(contributions: tuple[Contribution, ...]) -> tuple[TraceStep, ...]:
    """The rule trace that states ``contributions`` in words, one step each."""
    return tuple(
        TraceStep(rule=c.rule, decision=f"{c.amount:+.2f} for {c.answer}", reason=c.reason)
        for c in contributions
    )


@frozen(kw_only=True)
class Side:
    """One answer to the question (or a rival answer to a related one) and its evidence."""

    key: ClaimKey
    label: str
    value: Value
    positive: bool
    status: SideStatus
    assertions: tuple[Assertion, ...]
    eliminated_by: str | None = None
    #: The weight of evidence for this answer (sum over its independent origins).
    score: float = 0.0


@frozen(kw_only=True, repr=False)
class Verdict:
    """The reconciled answer to one question, with its evidence and the rule trace.

    ``value``/``positive`` give the answer that stands (``None`` when contested);
    ``supporting`` and ``opposing`` together account for every assertion that
    bears on the question; ``sides`` keeps each rival answer's evidence.
    """

    key: ClaimKey
    status: VerdictStatus
    value: Value | None
    positive: bool
    supporting: tuple[Assertion, ...]
    opposing: tuple[Assertion, ...]
    sides: tuple[Side, ...]
    #: The rule trace given at construction when it is not the contributions' own;
    #: None when it is (derived on access: a large run does not hold each step twice).
    #: Passed and read as ``trace``.
    _trace: tuple[TraceStep, ...] | None = attrs.field(default=None, alias="trace")
    #: Signed contributions of each rule: they add up to ``margin``.
    contributions: tuple[Contribution, ...] = attrs.field(default=())
    #: How far the answer led its strongest rival (its whole weight when unopposed);
    #: None when nothing was weighed.
    margin: float | None = None

    def __attrs_post_init__(self) -> None:
        # One stored form per trace, so that equality and hashing do not depend on
        # whether the steps were given or derived.
        if self._trace is not None and self._trace == trace_of(self.contributions):
            object.__setattr__(self, "_trace", None)

    @property
    def trace(self) -> tuple[TraceStep, ...]:
        """Each rule's decision in words: one step per contribution unless the verdict
        was given steps of its own."""
        return self._trace if self._trace is not None else trace_of(self.contributions)

    def __repr__(self) -> str:
        margin = f", margin {self.margin:.2f}" if self.margin is not None else ""
        return (
            f"<Verdict {self.status.value}: {self.label}{margin}; "
            f"{len(self.supporting)} for, {len(self.opposing)} against>"
        )

    @property
    def subject(self) -> str:
        """The id of what the question is about."""
        return self.key.subject

    @property
    def predicate(self) -> str:
        """The predicate the question asks."""
        return self.key.predicate

    @property
    def label(self) -> str:
        """The answer in words, e.g. ``Russia–Ukraine direct talks in Istanbul, May 2025 chair
        Hakan Fidan`` (a rejected claim: ``NOT ...``; a contested question: ``contested:``
        and each rival answer, joined by ``or``)."""
        if self.value is None:
            # The rival answers in words, as the sides name them (the key's ids only
            # when a verdict was built without sides).
            rivals = dict.fromkeys(s.label for s in self.sides)
            return f"contested: {' or '.join(rivals)}" if rivals else f"{self.key} (contested)"
        opposite = None
        for side in self.sides:
            if side.key == self.key and side.value == self.value:
                if side.positive == self.positive:
                    return side.label
                opposite = side.label
        if opposite is not None:  # the claim rejected: its side says it in words
            return opposite.removeprefix("NOT ") if self.positive else f"NOT {opposite}"
        return f"{'' if self.positive else 'NOT '}{self.key}"

    @property
    def conflicted(self) -> bool:
        """Whether any evidence opposed the answer (resolved or not)."""
        return bool(self.opposing) or self.status is VerdictStatus.CONTESTED

    def _repr_html_(self) -> str:
        """Notebook display (delegates to :mod:`negotiations.display.html`)."""
        from negotiations.display.html import verdict_html

        return verdict_html(self)
