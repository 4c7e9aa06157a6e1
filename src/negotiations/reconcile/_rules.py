"""Provenance rules: named, bounded contributions to the weight of each claim.

A rule does not eliminate anything. For every claim it gives a *factor* with a
reason ("reported after the meeting: x1", "only expected: x0.35"); the engine
multiplies the factors of a policy's rules in order, starting from one unit per
independent origin, and records what each rule added or took away, so that the
contributions listed in a verdict add up exactly to the margin that decided it.
An origin weighs at most one unit: no single report can outweigh two others of
the same standing (see docs/reconciliation.md, "the weight of an origin").

Rules may compute corpus-wide statistics once, in :meth:`Rule.prepare`, before any
per-question decision, so a partitioned run that shares them decides alike. A rule
that can compute them in parts (:class:`PartialStatistics`: ``collect`` on each part
of the input, ``combine`` of the parts) runs on Dask too (:mod:`negotiations.distributed`).
"""

from __future__ import annotations

import difflib
import inspect
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

import attrs
from attrs import frozen

from negotiations.errors import PolicyError
from negotiations.model import Modality, Predicate, SourceId
from negotiations.reconcile._claims import PROSPECTIVE, Claim
from negotiations.reconcile._context import Context, TrustEstimates
from negotiations.reconcile._union_find import UnionFind

#: The most a single rule may multiply a claim's weight by (the origin cap still applies).
MAX_FACTOR = 4.0


@frozen
class Weight:
    """A rule's word on one claim: a factor in [0, MAX_FACTOR] and the reason, in words."""

    factor: float = attrs.field()
    reason: str = attrs.field()

    @factor.validator
    def _check(self, attribute: attrs.Attribute[float], value: float) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not 0 <= value <= MAX_FACTOR
        ):
            raise PolicyError(
                f"a rule's factor must be a number in 0..{MAX_FACTOR}, found {value!r}"
            )

    @reason.validator
    def _check_reason(self, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str):
            raise PolicyError(f"a rule's reason must be text, found {type(value).__name__}")


_WEIGHTS: dict[tuple[float, str], Weight] = {}


def _weight(factor: float, reason: str) -> Weight:
    """A built-in rule's weight, made (and checked) once per factor and reason: weights
    are frozen, and a million claims share a few hundred of them."""
    found = _WEIGHTS.get((factor, reason))
    if found is None:
        if len(_WEIGHTS) > 100_000:
            _WEIGHTS.clear()
        found = _WEIGHTS[(factor, reason)] = Weight(factor, reason)
    return found


@runtime_checkable
class Rule(Protocol):
    """What a provenance rule implements. ``name`` must be unique in a policy."""

    @property
    def name(self) -> str:
        """The rule's name, unique in a policy (it labels contributions)."""
        ...

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        """Corpus-wide statistics, computed once over all claims (or None)."""
        ...

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """How much this claim counts for its answer, by this rule's lights, and why."""
        ...


@runtime_checkable
class PartialStatistics(Protocol):
    """A rule whose statistics can be computed in parts: ``collect`` on each part of
    the input (parts split by subject), then ``combine`` of what the parts collected.
    The law: ``combine([collect(a), collect(b)])`` equals ``prepare(a + b)``."""

    def collect(self, claims: Sequence[Claim], context: Context) -> Any:
        """What this part of the input contributes to the statistics."""
        ...

    def combine(self, parts: Sequence[Any], context: Context) -> Any:
        """The statistics of the whole input from what each part collected."""
        ...


def check_rule(rule: object) -> None:
    """Refuse, naming the rule, anything that does not implement :class:`Rule` with
    the right method signatures (a bare attribute check would let a wrong
    ``weigh(self, claim)`` through to fail later with a bare TypeError)."""
    name = getattr(rule, "name", None)
    if not isinstance(rule, Rule) or not isinstance(name, str) or not name:
        raise PolicyError(f"{rule!r} does not implement the Rule protocol (name, prepare, weigh)")
    for method, arity in (("prepare", 2), ("weigh", 3)):
        try:
            signature = inspect.signature(getattr(rule, method))
            signature.bind(*([None] * arity))
        except (TypeError, ValueError):
            raise PolicyError(
                f"rule {name!r}: {method}() must accept {arity} positional arguments "
                f"({'claims, context' if arity == 2 else 'claim, statistics, context'})"
            ) from None


def _event_of(claim: Claim, context: Context) -> str:
    return context.event_of(claim.assertion.subject) or claim.assertion.subject


class _Static:
    """Helper base: no statistics unless a rule needs them."""

    __slots__ = ()

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        """Corpus-wide statistics this rule needs, computed once over all claims."""
        return None

    def collect(self, claims: Sequence[Claim], context: Context) -> Any:
        """Nothing to collect (see :class:`PartialStatistics`)."""
        return None

    def combine(self, parts: Sequence[Any], context: Context) -> Any:
        """No statistics (see :class:`PartialStatistics`)."""
        return None


# -- learned and configured trust ----------------------------------------------


@frozen
class SourceTrust(_Static):
    """How far each publisher's reports have agreed with the reconciled record, learned
    from the whole input (see :class:`~negotiations.reconcile.TrustModel`): a claim
    counts in proportion to its publisher's trust. Without learned trust (``trust=None``
    in the policy) every publisher weighs the prior."""

    name = "SourceTrust"

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """This rule's factor for ``claim``, with its reason (see the class docstring)."""
        trust = context.trust
        if trust is None:
            return _weight(1.0, "no trust learned: every publisher counts alike")
        key = trust_key(claim, context)
        known = context._trust_weights
        found = known.get(key)
        if found is None:
            found = known[key] = self._publisher_weight(key, trust, context)
        return found

    @staticmethod
    def _publisher_weight(key: str, trust: TrustEstimates, context: Context) -> Weight:
        estimate = trust.estimates.get(key)
        if estimate is None:
            return _weight(trust.vote(trust.prior), f"{context.label(key)}: no record, prior trust")
        return _weight(
            trust.vote(estimate.accuracy),
            f"{context.label(key)}: trust {estimate.accuracy:.2f} from "
            f"{estimate.questions} question(s) shared with other publishers",
        )


def trust_key(claim: Claim, context: Context) -> str:
    """Whose record a claim adds to: the source's outlet when known, else the source."""
    source = claim.assertion.source
    outlet = context.source_outlets.get(SourceId(source))
    return outlet if outlet else source


def _check_weights(
    instance: object, attribute: attrs.Attribute[Any], value: Mapping[str, float]
) -> None:
    for key, weight in value.items():
        if not isinstance(key, str) or key.split(":", 1)[0] not in ("source", "outlet", "quoted"):
            raise PolicyError(
                f"SourceReliability weight key {key!r} must be 'source:<id>', 'outlet:<id>' "
                "or 'quoted:<id>'"
            )
        if (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not (0 <= weight <= MAX_FACTOR)
        ):
            raise PolicyError(
                f"SourceReliability weight for {key!r} must be a number in 0..{MAX_FACTOR}, "
                f"found {weight!r}"
            )


def _frozen_weights(value: Mapping[str, float]) -> Mapping[str, float]:
    if not isinstance(value, Mapping):
        raise PolicyError(
            "SourceReliability.weights must map origin labels (text) to factors, "
            f"found {type(value).__name__}"
        )
    # (Keys are checked by the validator, which names a key of the wrong kind.)
    return MappingProxyType(dict(sorted(value.items(), key=lambda item: str(item[0]))))


@frozen
class SourceReliability:
    """Configured trust: a factor per source, outlet or quoted speaker
    (``{"outlet:tass": 0.5, "source:004_...": 2}``), applied on top of learned trust.
    A key that names nothing in the input is an error, with close matches."""

    name = "SourceReliability"
    weights: Mapping[str, float] = attrs.field(
        factory=dict, converter=_frozen_weights, validator=_check_weights
    )

    def __hash__(self) -> int:
        return hash((self.name, tuple(self.weights.items())))

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        """Check that every configured key names something in the input (no statistics)."""
        return self.combine([self.collect(claims, context)], context)

    def collect(self, claims: Sequence[Claim], context: Context) -> Any:
        """The configured keys this part of the input names, and whether it has claims."""
        if not self.weights:
            return None
        known = {label for claim in claims for label in origin_labels(claim, context)}
        return (frozenset(known), bool(claims))

    def combine(self, parts: Sequence[Any], context: Context) -> Any:
        """Refuse keys that name nothing in any part (a misspelt outlet or source)."""
        if not self.weights:
            return None
        collected = [part for part in parts if part is not None]
        known: set[str] = set().union(*(labels for labels, _ in collected))
        unknown = sorted(set(self.weights) - known)
        if unknown and any(has_claims for _, has_claims in collected):
            hints = []
            for key in unknown[:5]:
                close = difflib.get_close_matches(key, sorted(known), n=2)
                hints.append(f"{key!r}" + (f" (did you mean {', '.join(close)}?)" if close else ""))
            raise PolicyError(
                "SourceReliability weights name nothing in the input: " + "; ".join(hints)
            )
        return None

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """This rule's factor for ``claim``, with its reason (see the class docstring)."""
        if not self.weights:
            return _weight(1.0, "no configured weights")
        matched = [
            (label, self.weights[label])
            for label in sorted(origin_labels(claim, context))
            if label in self.weights
        ]
        if not matched:
            return _weight(1.0, "no configured weight")
        label, weight = max(matched, key=lambda item: item[1])
        return _weight(float(weight), f"configured weight {weight:g} for {label}")


# -- how firmly, when, and by whom --------------------------------------------


#: Default strength of each modality: what share of a unit a claim of it carries.
MODALITY_RANKS: Mapping[Modality, float] = MappingProxyType(
    {
        Modality.CONFIRMED: 1.0,
        Modality.REPORTED: 0.85,
        Modality.DENIED: 0.85,
        Modality.CLAIMED: 0.6,
        Modality.EXPECTED: 0.35,
        Modality.SPECULATED: 0.15,
    }
)


def _all_modalities(
    instance: object, attribute: attrs.Attribute[Any], value: Mapping[Modality, float]
) -> None:
    missing = [m.value for m in Modality if m not in value]
    if missing:
        raise PolicyError(
            f"ModalityRank.ranks must rank every modality; missing: {', '.join(missing)}"
        )
    for modality, rank in value.items():
        if isinstance(rank, bool) or not isinstance(rank, int | float) or not 0 <= rank <= 1:
            raise PolicyError(
                f"ModalityRank.ranks[{modality.value}] must be in 0..1, found {rank!r}"
            )


def _frozen_ranks(value: Mapping[Any, float]) -> Mapping[Modality, float]:
    """The ranks keyed by modality; a modality's name ("confirmed") is read as it."""
    if not isinstance(value, Mapping):
        raise PolicyError(
            f"ModalityRank.ranks must map each modality to a rank, found {type(value).__name__}"
        )
    ranks: dict[Modality, float] = {}
    for key, rank in value.items():
        try:
            ranks[key if isinstance(key, Modality) else Modality(key)] = rank
        except ValueError:
            raise PolicyError(
                f"ModalityRank.ranks: {key!r} is no modality "
                f"({', '.join(m.value for m in Modality)})"
            ) from None
    return MappingProxyType(ranks)


@frozen
class ModalityRank:
    """Confirmed and reported facts count fully; claims less; expectations and
    speculation little, and nothing at all on a question that some report answers as
    fact (an expectation is evidence about a plan, not about what happened)."""

    name = "ModalityRank"
    ranks: Mapping[Modality, float] = attrs.field(
        factory=lambda: dict(MODALITY_RANKS), converter=_frozen_ranks, validator=_all_modalities
    )

    def __hash__(self) -> int:
        return hash((self.name, tuple(sorted((m.value, r) for m, r in self.ranks.items()))))

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        """The questions that some claim answers as fact."""
        return self.collect(claims, context)

    def collect(self, claims: Sequence[Claim], context: Context) -> Any:
        """The questions this part answers as fact."""
        return frozenset(
            claim.key.question for claim in claims if claim.assertion.modality not in PROSPECTIVE
        )

    def combine(self, parts: Sequence[Any], context: Context) -> Any:
        """The questions any part answers as fact."""
        return frozenset().union(*parts)

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """This rule's factor for ``claim``, with its reason (see the class docstring)."""
        modality = claim.assertion.modality
        if modality in PROSPECTIVE and statistics and claim.key.question in statistics:
            return _weight(0.0, f"{modality.value}, superseded by reports of fact")
        return _weight(self.ranks[modality], modality.value)


@frozen
class AfterEventOverBefore:
    """Once an event is reported as held, what reports said about it beforehand
    (who would attend, how long, in what format) no longer corroborates what
    happened: factual claims about the event or its delegations from sources that
    do not report it held count ``before`` (default half)."""

    name = "AfterEventOverBefore"
    before: float = attrs.field(default=0.5)

    @before.validator
    def _check(self, attribute: attrs.Attribute[float], value: float) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise PolicyError(f"AfterEventOverBefore.before must be in 0..1, found {value!r}")

    def prepare(self, claims: Sequence[Claim], context: Context) -> Any:
        """The sources that report each event as held."""
        return self.combine([self.collect(claims, context)], context)

    def collect(self, claims: Sequence[Claim], context: Context) -> Any:
        """The sources this part of the input reports each event held by."""
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

    def combine(self, parts: Sequence[Any], context: Context) -> Any:
        """The sources any part reports each event held by."""
        held: dict[str, frozenset[str]] = {}
        for part in parts:
            for event, sources in part.items():
                held[event] = held.get(event, frozenset()) | sources
        return MappingProxyType({event: held[event] for event in sorted(held)})

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """This rule's factor for ``claim``, with its reason (see the class docstring)."""
        event = _event_of(claim, context)
        reporters = statistics.get(event) if statistics else None
        if not reporters:
            return _weight(1.0, "not about an event any source reports as held")
        if claim.source in reporters:
            return _weight(1.0, "reported after the event")
        if claim.assertion.modality in PROSPECTIVE:
            return _weight(1.0, "an expectation (weighed by modality)")
        return _weight(self.before, "said before the event was reported held")


def concerned_parties(claim: Claim, context: Context) -> frozenset[str]:
    """Who a claim is about: its subject; for a delegation, the party it represents;
    for a fact whose value names actors (a participant, a member, a head), those."""
    subject = claim.assertion.subject
    concerned: set[str] = {subject}
    party = context.party_of(subject)
    if party:
        concerned.add(party)
    concerned.update(claim.value.refers_to())
    return frozenset(concerned)


def is_first_party(claim: Claim, context: Context) -> bool:
    """Does the claim come from the party it concerns (itself or its spokesperson)?"""
    attribution = claim.assertion.attribution
    speakers = {attribution.quoted, attribution.on_behalf_of} - {None}
    return bool(speakers & concerned_parties(claim, context))


@frozen
class FirstPartyStatements(_Static):
    """An actor's own word (or its spokesperson's) on its own delegation, office,
    attendance or position counts as confirmation, however the report words it;
    hedged first-party words (expected, speculated) gain nothing."""

    name = "FirstPartyStatements"

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """This rule's factor for ``claim``, with its reason (see the class docstring)."""
        modality = claim.assertion.modality
        if modality in PROSPECTIVE or not is_first_party(claim, context):
            return _weight(1.0, "not a factual statement by the party concerned")
        base = MODALITY_RANKS[modality]
        return _weight(min(MAX_FACTOR, 1.0 / base), "stated by the party concerned")


# -- independent origins -----------------------------------------------------------


def origin_labels(claim: Claim, context: Context) -> frozenset[str]:
    """Where a claim comes from: its source, the source's outlet, the speaker it quotes,
    the documents it copies and the agencies it cites, and any copy group detected."""
    return context.origin_labels(claim.assertion)


def independent_origins(claims: Iterable[Claim], context: Context) -> list[frozenset[str]]:
    """Group claims into independent origins: claims that share a source, an outlet,
    a quoted speaker, a copied document, a cited agency or a detected copy group
    are one origin (two articles quoting one spokesperson count once)."""
    return [labels for labels, _ in group_origins(claims, context)]


def group_origins(
    claims: Iterable[Claim], context: Context
) -> list[tuple[frozenset[str], list[Claim]]]:
    """Independent origins with their claims, in a stable order (union-find on labels)."""
    joined: UnionFind[str] = UnionFind()
    labelled = context.sorted_origin_labels
    items = [(claim, labelled(claim.assertion)) for claim in claims]
    for _, (labels, _) in items:
        joined.add(labels[0])
        for label in labels[1:]:
            joined.union(labels[0], label)
    groups: dict[str, tuple[set[str], list[Claim]]] = {}
    for claim, (labels, as_set) in items:
        root = joined.find(labels[0])
        entry = groups.get(root)
        if entry is None:
            entry = groups[root] = (set(), [])
        entry[0].update(as_set)
        entry[1].append(claim)
    return [(frozenset(labels), members) for _, (labels, members) in sorted(groups.items())]


def origin(claim: Claim, context: Context) -> str:
    """A short name for a claim's origin: the quoted speaker, else the outlet, else the source."""
    labels = context.sorted_origin_labels(claim.assertion)[0]
    for prefix in ("quoted:", "outlet:", "source:"):
        for label in labels:
            if label.startswith(prefix):
                return label
    raise AssertionError("a claim always has a source")  # pragma: no cover


@frozen
class IndependentCorroboration(_Static):
    """Agreement counts per independent origin, not per sentence: each origin adds at
    most one unit, whatever it says how often. (The unit is the start of every
    claim's weight; this rule contributes it.)"""

    name = "IndependentCorroboration"

    def weigh(self, claim: Claim, statistics: Any, context: Context) -> Weight:
        """This rule's factor for ``claim``, with its reason (see the class docstring)."""
        return _weight(1.0, f"one independent origin ({origin(claim, context)})")


def default_rules() -> tuple[Rule, ...]:
    return (
        IndependentCorroboration(),
        SourceTrust(),
        ModalityRank(),
        AfterEventOverBefore(),
        FirstPartyStatements(),
        SourceReliability(),
    )


def vote_weight(accuracy: float, ceiling: float) -> float:
    """ACCU-style vote of a publisher of ``accuracy``: its log-odds, scaled so that the
    ``ceiling`` accuracy votes one unit; at most 1, at least 0."""
    accuracy = min(max(accuracy, 0.5), ceiling)
    return math.log(accuracy / (1 - accuracy)) / math.log(ceiling / (1 - ceiling))


__all__ = [
    "MAX_FACTOR",
    "MODALITY_RANKS",
    "AfterEventOverBefore",
    "FirstPartyStatements",
    "IndependentCorroboration",
    "ModalityRank",
    "Rule",
    "SourceReliability",
    "SourceTrust",
    "Weight",
    "check_rule",
    "concerned_parties",
    "default_rules",
    "group_origins",
    "independent_origins",
    "is_first_party",
    "origin",
    "origin_labels",
    "trust_key",
    "vote_weight",
]
