"""Provenance rules: small named preferences between conflicting answers.

Each rule compares two answers that contradict each other and either prefers
one, with a reason in words, or abstains. A :class:`~negotiations.Policy` runs
the rules in order; an answer a rule prefers against eliminates the other.
Rules may compute corpus-wide statistics once, in :meth:`Rule.prepare`,
before any per-question decision (so a distributed run can share them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs
from attrs import frozen

from negotiations.model import Modality, Predicate, SourceId
from negotiations.reconcile._claims import PROSPECTIVE, Claim
from negotiations.reconcile._context import Context


@frozen(kw_only=True)
class Candidate:
    """One distinct answer to a question, with the claims that give it."""

    claims: tuple[Claim, ...]

    @property
    def key(self) -> Any:
        return self.claims[0].key

    @property
    def answer(self) -> str:
        return self.claims[0].answer

    @property
    def positive(self) -> bool:
        return self.claims[0].positive

    @property
    def ident(self) -> tuple[Any, str, bool]:
        return (self.key, self.answer, self.positive)

    @property
    def label(self) -> str:
        claim = self.claims[0]
        text = f"{claim.key.subject} {claim.key.predicate} {claim.key.value or claim.answer}"
        raw = _raw_text(claim)
        if raw:
            text += f" ({raw!r})"
        return text if claim.positive else f"NOT {text}"

    @property
    def sources(self) -> frozenset[str]:
        return frozenset(c.source for c in self.claims)


def _raw_text(claim: Claim) -> str | None:
    value = claim.value
    expression = getattr(value, "expression", None)
    if expression is not None:
        return str(expression.text)
    return (
        getattr(value, "text", None)
        if claim.key.predicate in ("duration", "time_since_previous")
        else None
    )


@frozen
class Decision:
    """A rule's word on a pair: ``prefer`` is 0 (the first), 1 (the second) or None."""

    prefer: int | None
    reason: str


@runtime_checkable
class Rule(Protocol):
    """What a provenance rule implements. ``name`` must be unique in a policy."""

    @property
    def name(self) -> str: ...

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        """Corpus-wide statistics, computed once over all claims (or None)."""
        ...

    def compare(self, a: Candidate, b: Candidate, statistics: Any, context: Context) -> Decision:
        """Prefer one of two contradicting answers, or abstain, saying why."""
        ...


class _ScoreRule:
    """Helper for rules that score each answer and prefer the strictly higher score."""

    name = "score"
    margin: float = 0

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        return None

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        raise NotImplementedError

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        return f"{score:g}"

    def compare(self, a: Candidate, b: Candidate, statistics: Any, context: Context) -> Decision:
        sa, sb = self.score(a, statistics, context), self.score(b, statistics, context)
        detail = (
            f"{a.label}: {self.explain(a, sa, statistics, context)}; "
            f"{b.label}: {self.explain(b, sb, statistics, context)}"
        )
        if sa - sb > self.margin:
            return Decision(0, detail)
        if sb - sa > self.margin:
            return Decision(1, detail)
        return Decision(None, detail)


def _event_of(claim: Claim, context: Context) -> str:
    return context.event_of(claim.assertion.subject) or claim.assertion.subject


@frozen
class AfterEventOverBefore(_ScoreRule):
    """Reports published after an event took place outrank expectations, plans and
    announcements made before it. A document counts as *after* an event when it
    reports the event as held; its factual (not expected or speculated) claims
    about that event or its delegations are then post-event evidence."""

    name = "AfterEventOverBefore"

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        held: dict[str, set[str]] = defaultdict(set)
        for claim in claims:
            a = claim.assertion
            if (
                a.predicate is Predicate.STATUS
                and claim.answer == "held"
                and claim.positive
                and a.modality not in PROSPECTIVE
            ):
                held[a.subject].add(a.source)
        return {event: frozenset(sources) for event, sources in held.items()}

    def _post_event(self, claim: Claim, statistics: Any, context: Context) -> bool:
        sources = statistics.get(_event_of(claim, context), frozenset())
        return claim.source in sources and claim.assertion.modality not in PROSPECTIVE

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        return float(any(self._post_event(c, statistics, context) for c in candidate.claims))

    def compare(self, a: Candidate, b: Candidate, statistics: Any, context: Context) -> Decision:
        events = {_event_of(c, context) for c in (*a.claims, *b.claims)}
        if not events & set(statistics):
            return Decision(None, "not about an event that any source reports as held")
        return super().compare(a, b, statistics, context)

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        if score:
            sources = sorted(
                c.source for c in candidate.claims if self._post_event(c, statistics, context)
            )
            return f"reported after the event by {', '.join(sources)}"
        return "only from before the event (or from sources that do not report it held)"


#: Default firmness of each modality; a denial by the party concerned ranks with confirmation.
MODALITY_RANKS: Mapping[Modality, int] = {
    Modality.CONFIRMED: 5,
    Modality.DENIED: 4,
    Modality.REPORTED: 4,
    Modality.CLAIMED: 3,
    Modality.EXPECTED: 2,
    Modality.SPECULATED: 1,
}


def concerned_parties(claim: Claim, context: Context) -> frozenset[str]:
    """Who a claim is about: its subject, and for a delegation, the party it represents."""
    subject = claim.assertion.subject
    party = context.party_of(subject)
    return frozenset({subject, party} if party else {subject})


def is_first_party(claim: Claim, context: Context) -> bool:
    """Does the claim come from the party it concerns (itself or its spokesperson)?"""
    attribution = claim.assertion.attribution
    speakers = {attribution.quoted, attribution.on_behalf_of} - {None}
    return bool(speakers & concerned_parties(claim, context))


@frozen
class ModalityRank(_ScoreRule):
    """Confirmed and reported facts outrank expectations and plans, which outrank
    speculation. A denial by the party concerned counts as confirmation."""

    name = "ModalityRank"
    ranks: Mapping[Modality, int] = attrs.field(factory=lambda: dict(MODALITY_RANKS))

    def _rank(self, claim: Claim, context: Context) -> int:
        modality = claim.assertion.modality
        if modality is Modality.DENIED and is_first_party(claim, context):
            return self.ranks[Modality.CONFIRMED]
        return self.ranks[modality]

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        return max(self._rank(c, context) for c in candidate.claims)

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        best = max(candidate.claims, key=lambda c: self._rank(c, context))
        return f"at best {best.assertion.modality.value}"


@frozen
class FirstPartyStatements(_ScoreRule):
    """An actor's own statement (or its spokesperson's) about its own delegation,
    office or position outranks what others say about it."""

    name = "FirstPartyStatements"

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        return float(any(is_first_party(c, context) for c in candidate.claims))

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        return "stated by the party concerned" if score else "not from the party concerned"


def origin(claim: Claim, context: Context) -> str:
    """The independent origin of a claim: the person or body quoted, else the outlet
    (else the source). Two articles quoting one spokesperson are one origin."""
    attribution = claim.assertion.attribution
    if attribution.quoted is not None:
        return f"quoted:{attribution.quoted}"
    outlet = context.source_outlets.get(SourceId(claim.assertion.source))
    return f"outlet:{outlet}" if outlet else f"source:{claim.assertion.source}"


@frozen
class IndependentCorroboration(_ScoreRule):
    """Agreement counts per independent origin, not per sentence: an answer backed
    by at least ``margin`` more independent origins than its rival prevails. The
    same source saying a thing twice counts once."""

    name = "IndependentCorroboration"
    margin: float = 0.5

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        return float(len({origin(c, context) for c in candidate.claims}))

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        origins = sorted({origin(c, context) for c in candidate.claims})
        return f"{int(score)} independent origin(s): {', '.join(origins)}"


@frozen
class SourceReliability(_ScoreRule):
    """Configured trust in sources, outlets or quoted speakers (weight per origin id,
    e.g. ``{"outlet:tass": 0.5}``), summed over independent origins. With no
    configured weights every origin weighs ``default`` and the rule abstains
    where corroboration was tied; it decides only what the rules above left open."""

    name = "SourceReliability"
    weights: Mapping[str, float] = attrs.field(factory=dict)
    default: float = 1.0

    def _weight(self, key: str) -> float:
        return self.weights.get(key, self.weights.get(key.split(":", 1)[-1], self.default))

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        return sum(self._weight(o) for o in {origin(c, context) for c in candidate.claims})

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        return f"reliability {score:g}"


def default_rules() -> tuple[Rule, ...]:
    return (
        AfterEventOverBefore(),
        FirstPartyStatements(),
        ModalityRank(),
        IndependentCorroboration(),
        SourceReliability(),
    )


__all__ = [
    "AfterEventOverBefore",
    "Candidate",
    "Decision",
    "FirstPartyStatements",
    "IndependentCorroboration",
    "ModalityRank",
    "Rule",
    "SourceReliability",
    "default_rules",
    "origin",
]
