"""Provenance rules: small named preferences between conflicting answers.

Each rule compares two answers that contradict each other and either prefers
one, with a reason in words, or abstains. A :class:`~negotiations.Policy` runs
the rules in order; an answer a rule prefers against eliminates the other.
Rules may compute corpus-wide statistics once, in :meth:`Rule.prepare`,
before any per-question decision (so a distributed run can share them).
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs
from attrs import frozen

from negotiations.errors import PolicyError
from negotiations.model import ActorValue, Modality, Predicate, SourceId, TextValue
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
    def sources(self) -> frozenset[str]:
        """The documents that give this answer (part of the rule-authoring API)."""
        return frozenset(c.source for c in self.claims)

    @property
    def ident(self) -> tuple[Any, str, bool]:
        return (self.key, self.answer, self.positive)

    @property
    def label(self) -> str:
        claim = self.claims[0]
        shown = claim.key.value or claim.answer
        if isinstance(claim.value, TextValue):  # the words as written, not the matching key
            shown = "“" + textwrap.shorten(claim.value.text, 80, placeholder=" …") + "”"
        text = f"{claim.key.subject} {claim.key.predicate} {shown}"
        raw = _raw_text(claim)
        if raw:
            text += f" ({raw!r})"
        return text if claim.positive else f"NOT {text}"


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


def _prefer(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in (0, 1, None) or isinstance(value, bool):
        raise PolicyError(f"Decision.prefer must be 0, 1 or None, found {value!r}")


@frozen
class Decision:
    """A rule's word on a pair: ``prefer`` is 0 (the first), 1 (the second) or None."""

    prefer: int | None = attrs.field(validator=_prefer)
    reason: str = attrs.field(validator=attrs.validators.instance_of(str))


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
                a.predicate == Predicate.STATUS
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
                {c.source for c in candidate.claims if self._post_event(c, statistics, context)}
            )
            return f"reported after the event by {', '.join(sources)}"
        return "only from before the event (or from sources that do not report it held)"


def _all_modalities(
    instance: object, attribute: attrs.Attribute[Any], value: Mapping[Modality, int]
) -> None:
    missing = [m.value for m in Modality if m not in value]
    if missing:
        raise PolicyError(
            f"ModalityRank.ranks must rank every modality; missing: {', '.join(missing)}"
        )


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
    """Who a claim is about: its subject; for a delegation, the party it represents;
    for a fact whose value is an actor (a participant, a member, a head), that actor."""
    subject = claim.assertion.subject
    concerned: set[str] = {subject}
    party = context.party_of(subject)
    if party:
        concerned.add(party)
    if isinstance(claim.value, ActorValue):
        concerned.add(claim.value.actor)
    return frozenset(concerned)


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
    ranks: Mapping[Modality, int] = attrs.field(
        factory=lambda: dict(MODALITY_RANKS), validator=_all_modalities
    )

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


def origin_labels(claim: Claim, context: Context) -> frozenset[str]:
    """Where a claim comes from: its source, the source's outlet, the speaker it quotes."""
    labels = {f"source:{claim.assertion.source}"}
    outlet = context.source_outlets.get(SourceId(claim.assertion.source))
    if outlet:
        labels.add(f"outlet:{outlet}")
    if claim.assertion.attribution.quoted is not None:
        labels.add(f"quoted:{claim.assertion.attribution.quoted}")
    return frozenset(labels)


def independent_origins(claims: Iterable[Claim], context: Context) -> list[frozenset[str]]:
    """Group claims into independent origins: claims that share a source, an outlet or
    a quoted speaker are one origin (two articles quoting one spokesperson count
    once; so does one article saying a thing itself and through a speaker it quotes).
    Returns each origin's labels, sorted."""
    components: list[set[str]] = []
    for labels in sorted({origin_labels(c, context) for c in claims}, key=sorted):
        merged = set(labels)
        rest = []
        for component in components:
            if component & merged:
                merged |= component
            else:
                rest.append(component)
        components = [*rest, merged]
    return sorted((frozenset(c) for c in components), key=sorted)


def origin(claim: Claim, context: Context) -> str:
    """A short name for a claim's origin: the quoted speaker, else the outlet, else the source."""
    labels = origin_labels(claim, context)
    for prefix in ("quoted:", "outlet:", "source:"):
        for label in sorted(labels):
            if label.startswith(prefix):
                return label
    raise AssertionError("a claim always has a source")  # pragma: no cover


@frozen
class IndependentCorroboration(_ScoreRule):
    """Agreement counts per independent origin, not per sentence: an answer backed
    by at least ``margin`` more independent origins than its rival prevails. The
    same source saying a thing twice counts once; claims sharing a source, an outlet
    or a quoted speaker are one origin."""

    name = "IndependentCorroboration"
    margin: float = 0.5

    def score(self, candidate: Candidate, statistics: Any, context: Context) -> float:
        return float(len(independent_origins(candidate.claims, context)))

    def explain(self, candidate: Candidate, score: float, statistics: Any, context: Context) -> str:
        origins = ["+".join(sorted(o)) for o in independent_origins(candidate.claims, context)]
        return f"{int(score)} independent origin(s): {'; '.join(origins)}"


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
        # One weight per independent origin: the most trusted of its labels.
        return sum(
            max(self._weight(label) for label in labels)
            for labels in independent_origins(candidate.claims, context)
        )

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
    "independent_origins",
    "origin",
    "origin_labels",
]
