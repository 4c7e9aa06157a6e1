"""The reconciliation engine: weigh the evidence for every answer, learn whom to trust,
then accept the answers that lead every standing rival by the policy's margin.

1. *Claims*: every assertion is read as an answer to a question (``_claims``).
2. *Weights*: each claim's weight is one unit times the factors of the policy's
   rules, capped at one unit; an answer's *score* is the sum, over its independent
   origins, of each origin's strongest claim for it or for an answer it contains
   ("less than two hours" is supported by every "about 1 hour 45 minutes").
3. *Trust*: publishers' accuracy is learned over the whole input (``TrustModel``),
   copy groups detected, before any decision: these are the statistics.
4. *Decisions*: within each group of questions that constrain one another, answers
   are taken in order of score; an answer that leads every rival still standing by
   more than the margin (a share of its own score) is accepted and its rivals rejected; otherwise it and the
   close rivals are contested. An answer is only ever rejected in favour of an
   accepted rival.
"""

from __future__ import annotations

import gc
import heapq
from collections import defaultdict
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any, Protocol, TypeVar

import attrs
from attrs import frozen

from negotiations.errors import NegotiationsError, PolicyError, ReconciliationError
from negotiations.model import Assertion
from negotiations.model._values import ID_VALUE_TYPES
from negotiations.reconcile import _arrays
from negotiations.reconcile._arrays import AgreementArrays
from negotiations.reconcile._claims import (
    PROSPECTIVE,
    Claim,
    ClaimKey,
    form_claims,
    windows_overlap,
)
from negotiations.reconcile._context import Context, TrustEstimate, TrustEstimates
from negotiations.reconcile._policy import Policy, TrustModel
from negotiations.reconcile._rules import (
    AfterEventOverBefore,
    FirstPartyStatements,
    IndependentCorroboration,
    ModalityRank,
    Rule,
    SourceReliability,
    SourceTrust,
    Weight,
    group_origins,
)
from negotiations.reconcile._union_find import UnionFind
from negotiations.reconcile._verdicts import (
    Contribution,
    Side,
    SideStatus,
    Verdict,
    VerdictStatus,
)

T = TypeVar("T")

#: The rule whose factor is learned trust: its weight varies while trust is learned.
TRUST_RULE = "SourceTrust"


@frozen(kw_only=True)
class Statistics:
    """Corpus-wide statistics, computed before any decision: each rule's own, the
    learned trust of every publisher, and the detected copy groups.

    Reconciling parts of the input with the statistics of the whole gives the
    same verdicts as reconciling the whole.
    """

    by_rule: Mapping[str, Any] = attrs.field(factory=dict)
    trust: TrustEstimates | None = None
    copy_groups: Mapping[str, str] = attrs.field(factory=dict)

    def apply(self, context: Context) -> Context:
        """The context with this run's learned trust and copy groups."""
        return attrs.evolve(context, trust=self.trust, copy_groups=self.copy_groups)


def check_statistics(statistics: object, policy: Policy) -> None:
    """Refuse statistics that are not this policy's: computed under other rules, or
    without the learned trust the policy weighs (they would decide other verdicts
    without a word)."""
    if not isinstance(statistics, Statistics):
        raise PolicyError(f"statistics must be Statistics, found {type(statistics).__name__}")
    computed, wanted = set(statistics.by_rule), set(policy.rule_names)
    if computed != wanted:
        raise PolicyError(
            "statistics were computed under other rules "
            f"({', '.join(sorted(computed)) or 'none'}) than this policy's "
            f"({', '.join(sorted(wanted)) or 'none'}): compute them with the same policy"
        )
    if learns_trust(policy) and statistics.trust is None:
        raise PolicyError(
            "statistics hold no learned trust, which this policy weighs: compute them with "
            "the same policy"
        )


def compute_statistics(
    assertions: Iterable[Assertion], policy: Policy, context: Context
) -> Statistics:
    """Every rule's corpus-wide statistics, and learned trust, over *all* assertions.

    For a distributed run, compute this once over the whole input and pass it to
    each part (``reconcile(part, statistics=...)``); split the input only along
    :func:`groups`, never inside a group.
    """
    claims = form_claims(unique_assertions(assertions), context, policy.title_window)
    return _prepare(claims, policy, context, Weigher(policy))


def _call(rule: Rule, method: str, *args: Any) -> Any:
    """Run a rule's method; anything it raises is reported naming the rule."""
    try:
        return getattr(rule, method)(*args)
    except NegotiationsError:
        raise
    except Exception as error:
        raise PolicyError(
            f"rule {rule.name!r} failed in {method}(): {type(error).__name__}: {error}"
        ) from error


def _prepare(
    claims: Sequence[Claim], policy: Policy, context: Context, weigher: Weigher
) -> Statistics:
    # Each rule sees the claims as a tuple: a user's rule cannot change what is decided.
    shown = tuple(claims)
    by_rule = {rule.name: _call(rule, "prepare", shown, context) for rule in policy.rules}
    base = Statistics(by_rule=by_rule)
    if not learns_trust(policy):
        return base
    static = weigher.static_weights(claims, base, context)
    return learn_statistics(by_rule, _LocalTally(claims, static, context), policy)


def learns_trust(policy: Policy) -> bool:
    """Does the policy learn publishers' trust (a trust model and the SourceTrust rule)?"""
    return policy.trust is not None and any(r.name == TRUST_RULE for r in policy.rules)


class Tally(Protocol):
    """The corpus-wide sums trust learning needs, over every question of the input.

    In process one object holds all the questions; on Dask each partition sums its
    own and the sums are added (:mod:`negotiations.distributed`). The sums are
    integers, so they are the same in any order and any partitioning.
    """

    def agreement(self, votes: Votes) -> tuple[Mapping[str, int], Mapping[str, int]]:
        """Per publisher: summed agreement (in units of ``1 / AGREEMENT_UNIT``) and
        the number of questions it was counted on."""
        ...

    def mistakes(
        self, votes: Votes, among: frozenset[str]
    ) -> tuple[Mapping[str, int], Mapping[tuple[str, str], int]]:
        """Per publisher, the questions it answered unlikely; per pair of publishers in
        ``among``, the questions on which both did, with a common unlikely answer."""
        ...

    def regrouped(self, copy_groups: Mapping[str, str]) -> Tally:
        """The same tally with copy groups counted as one origin each."""
        ...

    def disputed(self) -> Mapping[str, int]:
        """Per publisher, the disputed questions it answers (:func:`tally_disputed`)."""
        ...

    def alike(
        self, among: frozenset[str]
    ) -> tuple[Mapping[tuple[str, str], int], Mapping[tuple[str, str], int]]:
        """Per pair of publishers in ``among``, the disputed questions both answer and
        those they answer alike (:func:`tally_alike`)."""
        ...

    def with_twins(self, twins: Mapping[str, frozenset[str]]) -> Tally:
        """The same tally where each publisher's agreement also leaves out the origins
        of its twins."""
        ...


def learn_statistics(by_rule: Mapping[str, Any], tally: Tally, policy: Policy) -> Statistics:
    """Learned trust and copy groups from ``tally``, beside each rule's statistics."""
    model = policy.trust
    assert model is not None
    if model.twin_min:
        # Copies the record cannot show (a bloc that outvotes the rest) would vouch
        # for each other: twins, found without the record, leave each other out.
        twins = find_twins(tally, model)
        if twins:
            tally = tally.with_twins(twins)
    trust = _learn_trust(tally, model)
    copy_groups: dict[str, str] = {}
    if model.copy_detection:
        copy_groups = _copy_groups(tally, trust, model)
        if copy_groups:
            trust = _learn_trust(tally.regrouped(copy_groups), model)
    return Statistics(by_rule=by_rule, trust=trust, copy_groups=copy_groups)


class _LocalTally:
    """Every question of the input, in this process."""

    def __init__(
        self,
        claims: Sequence[Claim],
        static: Callable[[Claim], float],
        context: Context,
        previous: Mapping[ClaimKey, _Question] | None = None,
        twins: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.claims, self.static, self.context = claims, static, context
        self.twins = twins
        self.by_key = prepare_keyed_questions(claims, static, context, previous, twins)
        self._arrays: AgreementArrays | None = None

    @property
    def questions(self) -> Iterable[_Question]:
        return self.by_key.values()

    def agreement(self, votes: Votes) -> tuple[Mapping[str, int], Mapping[str, int]]:
        # Many questions: laid out in arrays once, then each round in a few array
        # operations (numpy, when installed); the same integers as the loop below.
        if self._arrays is None and len(self.by_key) >= _arrays.ARRAYS_FROM:
            np = _arrays.numpy_or_none()
            if np is not None:
                self._arrays = AgreementArrays(list(self.questions), np, AGREEMENT_UNIT)
        if self._arrays is not None:
            return self._arrays.tally(votes)
        return tally_agreement(self.questions, votes)

    def mistakes(
        self, votes: Votes, among: frozenset[str]
    ) -> tuple[Mapping[str, int], Mapping[tuple[str, str], int]]:
        return tally_mistakes(self.questions, votes, among)

    def regrouped(self, copy_groups: Mapping[str, str]) -> _LocalTally:
        # Only the questions a copier answers change: the others are taken as they are.
        # This tally is not asked again, so its questions are let go once the regrouped
        # ones are prepared.
        grouped = attrs.evolve(self.context, copy_groups=copy_groups)
        regrouped = _LocalTally(self.claims, self.static, grouped, self.by_key, self.twins)
        self.by_key, self._arrays = {}, None
        return regrouped

    def disputed(self) -> Mapping[str, int]:
        return tally_disputed(self.questions)

    def alike(
        self, among: frozenset[str]
    ) -> tuple[Mapping[tuple[str, str], int], Mapping[tuple[str, str], int]]:
        return tally_alike(self.questions, among)

    def with_twins(self, twins: Mapping[str, frozenset[str]]) -> _LocalTally:
        # Only the questions a publisher with twins answers change (their ``own``).
        twinned = _LocalTally(self.claims, self.static, self.context, self.by_key, twins)
        self.by_key, self._arrays = {}, None
        return twinned


def unique_assertions(assertions: Iterable[Assertion]) -> list[Assertion]:
    """Drop exact repeats; refuse two *different* assertions under one content id
    (keeping either would silently lose the other and depend on input order)."""
    by_id: dict[str, Assertion] = {}
    clashes: set[str] = set()
    for assertion in assertions:
        if not isinstance(assertion, Assertion):
            raise ReconciliationError(
                f"reconcile() takes Assertions, found a {type(assertion).__name__}"
            )
        kept = by_id.setdefault(assertion.id, assertion)
        if kept is not assertion and kept != assertion:
            clashes.add(assertion.id)
    if clashes:
        listing = ", ".join(sorted(clashes)[:5]) + (" ..." if len(clashes) > 5 else "")
        raise ReconciliationError(
            f"{len(clashes)} id(s) carry different assertions (same source, subject, predicate, "
            f"value and evidence, but different modality, attribution, time or note): {listing}"
        )
    return sorted(by_id.values(), key=lambda a: a.id)


# -- weights ----------------------------------------------------------------------------


#: Built-in rules whose weights depend neither on learned trust nor on copy groups:
#: weighed once per claim, while trust is learned, and reused for the decisions.
_TRUST_FREE: frozenset[type] = frozenset(
    {
        IndependentCorroboration,
        ModalityRank,
        AfterEventOverBefore,
        FirstPartyStatements,
        SourceReliability,
    }
)


#: The built-in rules: they return Weights, so they are called without the checks a
#: rule of the user's gets (a call per rule per claim: millions on a large input).
_BUILT_IN: frozenset[type] = _TRUST_FREE | {SourceTrust}


def _weigh(rule: Rule, claim: Claim, statistics: Statistics, context: Context) -> Weight:
    if type(rule) in _BUILT_IN:
        try:
            return rule.weigh(claim, statistics.by_rule.get(rule.name), context)
        except Exception:  # weighed again below, which names the rule in its error
            pass
    weight = _call(rule, "weigh", claim, statistics.by_rule.get(rule.name), context)
    if not hasattr(weight, "factor") or not hasattr(weight, "reason"):
        raise PolicyError(
            f"rule {rule.name!r}: weigh() must return a Weight, found {type(weight).__name__}"
        )
    return weight  # type: ignore[no-any-return]


class Weigher:
    """Each claim's factors, each computed once: the factors that do not depend on
    learned trust are kept from the statistics pass (which needs their product) for
    the decisions; learned trust, and any rule not known to ignore it, is weighed
    with the final context."""

    def __init__(self, policy: Policy) -> None:
        self.rules = policy.rules
        #: Per claim (by id), the kept weights and the product of every factor but
        #: learned trust. The built-in rules share their Weight objects, so few claims
        #: differ: each distinct record is held once (``records``), a claim costs an entry.
        self.kept: dict[int, tuple[tuple[Weight | None, ...], float]] = {}
        self.records: dict[
            tuple[tuple[Weight | None, ...], float], tuple[tuple[Weight | None, ...], float]
        ] = {}
        #: One copy of each contribution's reason text (the same few rules give the
        #: same reasons across thousands of verdicts).
        self.texts: dict[str, str] = {}
        #: Each distinct weighing's increments (:meth:`increments`), with its weights.
        self.chains: dict[tuple[int, ...], tuple[list[Weight], list[tuple[str, float, str]]]] = {}

    def shared(self, text: str) -> str:
        return self.texts.setdefault(text, text)

    def static_weight(self, claim: Claim, statistics: Statistics, context: Context) -> float:
        """The product of every factor but learned trust (fixed while trust is learned)."""
        product = 1.0
        kept: list[Weight | None] = []
        for rule in self.rules:
            if rule.name == TRUST_RULE:
                kept.append(None)
                continue
            weight = _weigh(rule, claim, statistics, context)
            kept.append(weight if type(rule) in _TRUST_FREE else None)
            product *= float(weight.factor)
        record = (tuple(kept), product)
        self.kept[id(claim)] = self.records.setdefault(record, record)
        return product

    def static(self, claim: Claim) -> float:
        """The product :meth:`static_weight` found for ``claim``."""
        return self.kept[id(claim)][1]

    def static_weights(
        self, claims: Iterable[Claim], statistics: Statistics, context: Context
    ) -> Callable[[Claim], float]:
        """Weigh every claim but for learned trust (what trust learning reads); the
        weights are then looked up with :meth:`static`."""
        for claim in claims:
            self.static_weight(claim, statistics, context)
        return self.static

    def increments(
        self, claim: Claim, statistics: Statistics, context: Context
    ) -> list[tuple[str, float, str]]:
        """:func:`_chain` of the claim's :func:`_factors`, worked out once per distinct weighing:
        claims with one kept record whose other rules give the very same weights
        (learned trust gives one per publisher) share one list, which is only read."""
        record = self.kept.pop(id(claim), None)
        if record is None:
            return _chain(_factors(self.rules, None, claim, statistics, context))
        kept = record[0]
        fresh = [
            _weigh(rule, claim, statistics, context) if found is None else found
            for rule, found in zip(self.rules, kept, strict=True)
        ]
        # Ids are safe keys: the record is held in ``records`` and the weights in the
        # entry itself, so no id is reused while its entry lives.
        key = (id(record), *map(id, fresh))
        found = self.chains.get(key)
        if found is not None:
            return found[1]
        chain = _chain(_factors(self.rules, fresh, claim, statistics, context))
        if len(self.chains) < _CHAINS_MAX:  # a rule making new weights each time: no reuse
            self.chains[key] = (fresh, chain)
        return chain


#: At most this many distinct weighings are remembered by a Weigher.
_CHAINS_MAX = 100_000


def _factors(
    rules: Sequence[Rule],
    weights: Sequence[Weight | None] | None,
    claim: Claim,
    statistics: Statistics,
    context: Context,
) -> list[tuple[str, float, str]]:
    """Each rule's (name, factor, reason): ``weights`` gives those known (None: to weigh)."""
    out = []
    for i, rule in enumerate(rules):
        found = weights[i] if weights is not None else None
        if found is None:
            found = _weigh(rule, claim, statistics, context)
        out.append((rule.name, float(found.factor), str(found.reason)))
    return out


def _chain(factors: Sequence[tuple[str, float, str]]) -> list[tuple[str, float, str]]:
    """Each rule's increment as a claim's weight is built rule by rule from one unit
    (the first rule's increment is the unit it keeps), capped at one unit; the
    increments add up to the claim's weight."""
    increments = []
    before, weight = 0.0, 1.0
    for name, factor, reason in factors:
        weight = min(1.0, weight * factor)
        increments.append((name, weight - before, reason))
        before = weight
    return increments


# -- learned trust ------------------------------------------------------------------------


@frozen
class _Question:
    """One question prepared for trust learning: its answers, which agree, and the
    independent origins behind each answer as (publisher, static weight) pairs."""

    answers: tuple[tuple[str, bool], ...]
    agree: tuple[tuple[int, ...], ...]
    origins: tuple[tuple[int, tuple[tuple[str, float], ...]], ...]
    #: What each publisher said (answer indices), sorted by publisher.
    said: tuple[tuple[str, tuple[int, ...]], ...]
    #: The origins (indices into ``origins``, ascending) of each publisher of ``said``,
    #: in its order: what is left out when the publisher is weighed against the rest.
    own: tuple[tuple[int, ...], ...]
    #: What each publisher said with some weight (superseded expectations are no mistakes).
    asserted: tuple[tuple[str, tuple[int, ...]], ...]
    #: Whether every answer agrees with itself alone (exact answers: no ranges).
    lonely: bool = False


def prepare_questions(
    claims: Sequence[Claim],
    static: Callable[[Claim], float],
    context: Context,
    twins: Mapping[str, frozenset[str]] | None = None,
) -> list[_Question]:
    """Every question two or more publishers answer, prepared once for all rounds.

    ``static`` gives a claim's weight but for learned trust. The small tuples that
    recur from question to question (a publisher with its weight, the answers one
    publisher gave) are held once each: the questions are the peak of a large run."""
    return list(prepare_keyed_questions(claims, static, context, None, twins).values())


def prepare_keyed_questions(
    claims: Sequence[Claim],
    static: Callable[[Claim], float],
    context: Context,
    previous: Mapping[ClaimKey, _Question] | None = None,
    twins: Mapping[str, frozenset[str]] | None = None,
) -> dict[ClaimKey, _Question]:
    """:func:`prepare_questions` by question. A question of ``previous`` that no
    publisher of ``context.copy_groups`` (nor of ``twins``) answers is taken as it is:
    its origins are what they were before the copy groups were found.

    ``twins`` (publisher -> its twins, :func:`find_twins`): each publisher's ``own``
    origins, left out of its agreement, also hold those of its twins."""
    copiers = context.copy_groups
    twins = twins or {}
    pool: dict[Any, Any] = {}

    def shared(item: T) -> T:
        return pool.setdefault(item, item)  # type: ignore[no-any-return]

    by_question: dict[ClaimKey, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.implied_by is None:
            by_question[claim.key].append(claim)
    publisher = context.publisher
    prepared: dict[ClaimKey, _Question] = {}
    for question_key, members in sorted(by_question.items(), key=lambda kv: kv[0].order):
        publishers = [publisher(claim.assertion) for claim in members]
        distinct = set(publishers)
        if len(distinct) < 2:
            continue
        before = previous.get(question_key) if previous is not None else None
        if (
            before is not None
            and copiers.keys().isdisjoint(distinct)
            and twins.keys().isdisjoint(distinct)
        ):
            prepared[question_key] = before
            continue
        # Each claim as (publisher, static weight), once: the entry its origin holds.
        entry = {}
        for claim, key in zip(members, publishers, strict=True):
            pair = (key, static(claim))
            entry[id(claim)] = pool.setdefault(pair, pair)
        values: dict[tuple[str, bool], Any] = {}
        by_answer: dict[tuple[str, bool], list[Claim]] = defaultdict(list)
        for claim in members:
            answer = (claim.answer, claim.positive)
            values.setdefault(answer, claim.value)
            by_answer[answer].append(claim)
        if before is not None:
            # Copy groups only join origins: the answers, which agree, and what each
            # publisher said are what they were; the origins are grouped again.
            prepared[question_key] = _regrouped(before, by_answer, entry, context, shared, twins)
            continue
        answers = tuple(sorted(values))
        index = {answer: i for i, answer in enumerate(answers)}
        # Answer indices as sorted tuples, not frozensets: a question is held for every
        # round of trust learning, and a frozenset costs four times a small tuple.
        agree = shared(
            tuple(
                shared(
                    tuple(
                        j
                        for j, other in enumerate(answers)
                        if other == answer
                        or (answer[1] and other[1] and values[answer].compatible(values[other]))
                    )
                )
                for answer in answers
            )
        )
        origins, own = _origins(answers, by_answer, entry, context, shared, twins)
        said: dict[str, set[int]] = defaultdict(set)
        asserted: dict[str, set[int]] = defaultdict(set)
        for claim in members:
            answer_index = index[(claim.answer, claim.positive)]
            key, weight = entry[id(claim)]
            said[key].add(answer_index)
            if weight > 0:
                asserted[key].add(answer_index)
        prepared[question_key] = _Question(
            answers=answers,
            agree=agree,
            origins=origins,
            said=_shared_answers(said, shared),
            own=tuple(shared(tuple(own[key])) for key in sorted(said)),
            asserted=_shared_answers(asserted, shared),
            lonely=all(len(a) == 1 for a in agree),
        )
    return prepared


def _origins(
    answers: Sequence[tuple[str, bool]],
    by_answer: Mapping[tuple[str, bool], list[Claim]],
    entry: Mapping[int, tuple[str, float]],
    context: Context,
    shared: Callable[[Any], Any],
    twins: Mapping[str, frozenset[str]],
) -> tuple[tuple[tuple[int, tuple[tuple[str, float], ...]], ...], dict[str, list[int]]]:
    """A question's independent origins, by answer, each as (answer index, its claims'
    entries), and each publisher's own origins (indices, ascending): those it is
    behind, and those a twin of its is behind."""
    origins = tuple(
        shared((i, shared(tuple(entry[id(c)] for c in origin_claims))))
        for i, answer in enumerate(answers)
        for _, origin_claims in group_origins(by_answer[answer], context)
    )
    own: dict[str, list[int]] = defaultdict(list)
    for i, (_, entries) in enumerate(origins):
        behind = {key for key, _ in entries}
        for key in list(behind):
            behind.update(twins.get(key, ()))
        for key in behind:
            own[key].append(i)
    return origins, own


def _regrouped(
    before: _Question,
    by_answer: Mapping[tuple[str, bool], list[Claim]],
    entry: Mapping[int, tuple[str, float]],
    context: Context,
    shared: Callable[[Any], Any],
    twins: Mapping[str, frozenset[str]],
) -> _Question:
    """``before`` with its origins grouped again under ``context``'s copy groups."""
    origins, own = _origins(before.answers, by_answer, entry, context, shared, twins)
    return attrs.evolve(
        before,
        origins=origins,
        own=tuple(shared(tuple(own[key])) for key, _ in before.said),
    )


def _shared_answers(
    by_publisher: Mapping[str, set[int]], shared: Callable[[Any], Any]
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """(publisher, its answers' indices) pairs, sorted, each pair held once."""
    return tuple(
        shared((key, shared(tuple(sorted(answers)))))
        for key, answers in sorted(by_publisher.items())
    )


#: Agreement is summed in fixed point, units of 2**-32 of a question: integer sums are
#: exact, so learned trust is the same whatever the order or partitioning of the input.
AGREEMENT_UNIT = 1 << 32


class Votes(dict[str, float]):
    """Each publisher's vote; one without a record votes as the average publisher."""

    def __init__(self, votes: Mapping[str, float], fallback: float) -> None:
        super().__init__(votes)
        self.fallback = fallback

    def __missing__(self, key: str) -> float:
        return self.fallback

    def __reduce__(self) -> Any:  # pickled whole, fallback included (Dask workers)
        return (Votes, (dict(self), self.fallback))


def _learn_trust(tally: Tally, model: TrustModel) -> TrustEstimates:
    """Iterate: score answers with current trust; a publisher's accuracy is the share of
    the evidence from other origins that agrees with it, over every question two or
    more publishers answer (so a newcomer cannot vouch for itself)."""
    estimates = TrustEstimates(prior=model.prior, ceiling=model.ceiling)
    votes = Votes({}, estimates.vote(model.prior))
    accuracy: dict[str, float] = {}
    mean = model.prior
    counted: Mapping[str, int] = {}
    for _ in range(model.rounds):
        agreement, counted = tally.agreement(votes)
        # Empirical Bayes: each estimate is smoothed towards the population's mean
        # agreement (the fixed prior only while nobody has a record), so a publisher
        # with little record gets the average trust, never more than the established.
        total = sum(counted.values())
        mean = sum(agreement.values()) / AGREEMENT_UNIT / total if total else model.prior
        accuracy = {
            key: (agreement.get(key, 0) / AGREEMENT_UNIT + model.smoothing * mean)
            / (counted[key] + model.smoothing)
            for key in sorted(counted)
        }
        votes = _votes(estimates, mean, accuracy)
    return TrustEstimates(
        estimates={
            key: TrustEstimate(accuracy=round(accuracy[key], 6), questions=counted[key])
            for key in sorted(counted)
        },
        prior=round(mean, 6),
        ceiling=model.ceiling,
    )


def _votes(estimates: TrustEstimates, mean: float, accuracy: Mapping[str, float]) -> Votes:
    """Each publisher's vote; one without a record votes as the average publisher."""
    return Votes({key: estimates.vote(a) for key, a in accuracy.items()}, estimates.vote(mean))


def tally_agreement(
    questions: Iterable[_Question], votes: Mapping[str, float]
) -> tuple[dict[str, int], dict[str, int]]:
    """Summed leave-one-out agreement and questions counted, per publisher."""
    agreement: defaultdict[str, int] = defaultdict(int)
    counted: defaultdict[str, int] = defaultdict(int)
    for question in questions:
        _leave_one_out(question, votes, agreement, counted)
    return dict(agreement), dict(counted)


def _leave_one_out(
    question: _Question,
    votes: Mapping[str, float],
    agreement: defaultdict[str, int],
    counted: defaultdict[str, int],
) -> None:
    """For each publisher: the share of the evidence from *other origins* that agrees
    with its answers, added to ``agreement`` (and the question to ``counted``).
    Leaving out the publisher's whole origin (its copies, the speaker it quotes)
    keeps a publisher from vouching for itself through them."""
    origins = question.origins
    totals = [0.0] * len(question.answers)
    tops = []
    for answer, entries in origins:
        # The origin's strongest claim, capped at one unit (a loop: most origins are one
        # claim, and a generator per origin per round was a tenth of the run).
        top = -1.0
        for key, weight in entries:
            vote = votes[key] * weight
            if vote > top:
                top = vote
        if top > 1.0:
            top = 1.0
        totals[answer] += top
        tops.append(top)
    # Each publisher's own origins are subtracted one by one, in the order of the
    # origins (the same float operations whatever the shape of the question).
    if len(totals) == 1:
        # One answer: every publisher agrees with all the evidence there is.
        for (key, _), own in zip(question.said, question.own, strict=True):
            lost = 0.0
            for o in own:
                lost += tops[o]
            if totals[0] - lost > 1e-12:
                agreement[key] += AGREEMENT_UNIT
                counted[key] += 1
        return
    agree, lonely = question.agree, question.lonely
    for (key, answers), own in zip(question.said, question.own, strict=True):
        if len(own) == 1:
            others = totals.copy()
            at = origins[own[0]][0]
            others[at] = totals[at] - tops[own[0]]
        else:
            loss: dict[int, float] = {}
            for o in own:
                at = origins[o][0]
                loss[at] = loss.get(at, 0.0) + tops[o]
            others = [total - loss.get(i, 0.0) for i, total in enumerate(totals)]
        whole = sum(others)
        if whole <= 1e-12:
            continue
        if lonely:
            shares = [others[i] / whole for i in answers]
        else:
            shares = [sum(others[j] for j in agree[i]) / whole for i in answers]
        agreement[key] += round(sum(shares) / len(shares) * AGREEMENT_UNIT)
        counted[key] += 1


def tally_mistakes(
    questions: Iterable[_Question], votes: Mapping[str, float], among: Container[str] = ()
) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Per publisher, the questions it answered unlikely (below the best-supported
    answer); per pair of publishers in ``among``, the questions where both gave a
    common unlikely answer."""
    errors: defaultdict[str, int] = defaultdict(int)
    false_together: defaultdict[tuple[str, str], int] = defaultdict(int)
    for question in questions:
        totals = [0.0] * len(question.answers)
        for answer, entries in question.origins:
            totals[answer] += max(min(1.0, votes[key] * weight) for key, weight in entries)
        best = max(totals)
        unlikely = {i for i, total in enumerate(totals) if total < best}
        wrong = [
            (key, hit)
            for key, answers in question.asserted
            if (hit := unlikely.intersection(answers))
        ]
        for key, _ in wrong:
            errors[key] += 1
        paired = [item for item in wrong if item[0] in among]
        for i, (first, first_wrong) in enumerate(paired):
            for second, second_wrong in paired[i + 1 :]:
                if first_wrong & second_wrong:
                    false_together[(first, second)] += 1
    return dict(errors), dict(false_together)


def _disputed(question: _Question) -> bool:
    """Do two of the question's answers contradict each other?"""
    width = len(question.answers)
    return any(len(agreeing) < width for agreeing in question.agree)


def tally_disputed(questions: Iterable[_Question]) -> dict[str, int]:
    """Per publisher, the disputed questions (:func:`_disputed`) it answers."""
    counts: defaultdict[str, int] = defaultdict(int)
    for question in questions:
        if _disputed(question):
            for key, _ in question.said:
                counts[key] += 1
    return dict(counts)


def tally_alike(
    questions: Iterable[_Question], among: frozenset[str]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """Per pair of publishers in ``among``: the disputed questions both answer, and
    those on which both gave the very same answers. Many questions are counted in
    arrays (numpy, when installed): the same counts as the loop."""
    questions = list(questions)
    if len(questions) >= _arrays.ARRAYS_FROM:
        np = _arrays.numpy_or_none()
        if np is not None:
            counted = _arrays.alike_counts(
                [(question.said, _disputed(question)) for question in questions], among, np
            )
            if counted is not None:
                return counted
    return alike_loop(questions, among)


def alike_loop(
    questions: Iterable[_Question], among: Container[str]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """:func:`tally_alike`, one pair at a time."""
    shared: defaultdict[tuple[str, str], int] = defaultdict(int)
    same: defaultdict[tuple[str, str], int] = defaultdict(int)
    for question in questions:
        if not _disputed(question):
            continue
        present = [item for item in question.said if item[0] in among]
        for i, (first, first_said) in enumerate(present):
            for second, second_said in present[i + 1 :]:
                shared[(first, second)] += 1
                if first_said == second_said:
                    same[(first, second)] += 1
    return dict(shared), dict(same)


def find_twins(tally: Tally, model: TrustModel) -> dict[str, frozenset[str]]:
    """Publishers that answer alike where answers are disputed, on at least
    ``model.twin_min`` such questions both answer and at least ``model.twin_share`` of
    them: each with its twins. Read without the record (no trust, no votes)."""
    disputed = tally.disputed()
    # A pair shares at most as many disputed questions as the one that answers fewer:
    # only publishers with ``twin_min`` of their own are paired (a question answered
    # by thousands of publishers once each pairs none of them).
    among = frozenset(key for key, count in disputed.items() if count >= model.twin_min)
    if len(among) < 2:
        return {}
    shared, same = tally.alike(among)
    found: defaultdict[str, set[str]] = defaultdict(set)
    for (first, second), count in sorted(shared.items()):
        if count >= model.twin_min and same.get((first, second), 0) >= model.twin_share * count:
            found[first].add(second)
            found[second].add(first)
    return {key: frozenset(twins) for key, twins in sorted(found.items())}


def _copy_groups(tally: Tally, trust: TrustEstimates, model: TrustModel) -> dict[str, str]:
    """Publishers that repeatedly give the same answer where the record finds it unlikely
    copy each other (independent sources rarely share mistakes: Dong et al.)."""
    votes = _votes(trust, trust.prior, {key: e.accuracy for key, e in trust.estimates.items()})
    errors, _ = tally.mistakes(votes, frozenset())
    # Two publishers share at most as many mistakes as the one that errs less: pairs are
    # counted only among those with ``copy_min`` mistakes of their own, so a question
    # answered by thousands of sources is not a million pairs when few of them err often.
    among = frozenset(key for key, count in errors.items() if count >= model.copy_min)
    false_together = tally.mistakes(votes, among)[1] if len(among) > 1 else {}
    return copy_groups_of(errors, false_together, model)


def copy_groups_of(
    errors: Mapping[str, int], false_together: Mapping[tuple[str, str], int], model: TrustModel
) -> dict[str, str]:
    """Each copying publisher's group (by its root), from the mistakes counted."""
    copies: UnionFind[str] = UnionFind()
    for pair, together in sorted(false_together.items()):
        # Most of the mistakes of the one that errs less are the other's mistakes too.
        fewer = min(errors[pair[0]], errors[pair[1]])
        if together >= model.copy_min and together / fewer >= model.copy_share:
            copies.union(pair[0], pair[1])
    return {key: copies.find(key) for key in copies.keys()}  # noqa: SIM118 - sorted


# -- groups and decisions -----------------------------------------------------------------


def group_labels(claim: Claim, context: Context) -> list[tuple[str, ...]]:
    """The decision groups a claim ties together (joined by union-find)."""
    assertion = claim.assertion
    spec = context.spec(assertion.predicate)
    subject, predicate = assertion.subject, assertion.predicate
    if spec.time_scoped:
        value = assertion.value.key()
        labels: list[tuple[str, ...]] = [("scoped", subject, predicate, value)]
        if spec.exclusive_holders and value in context.single_holder_offices:
            labels.append(("holder", predicate, value))
        hierarchy = context.office_hierarchies.get(value)
        if spec.exclusive_holders and hierarchy is not None:
            labels.append(("hierarchy", subject, predicate, hierarchy))
        return labels
    if spec.complete_lists:
        return [("list", subject, predicate)]
    listed = context.listed_with(predicate)
    if listed:
        return [("list", subject, other) for other in listed]
    if spec.stances:
        issue = getattr(assertion.value, "issue", None)
        return [("stance", subject, predicate, str(getattr(issue, "value", "")))]
    return [("question", *claim.key.question)]


def join_groups(label_lists: Iterable[Sequence[tuple[str, ...]]]) -> UnionFind[tuple[str, ...]]:
    """Decision groups from each claim's labels (:func:`group_labels`): a claim's labels
    are one group, named by its first label's root."""
    joined: UnionFind[tuple[str, ...]] = UnionFind()
    for labels in label_lists:
        joined.add(labels[0])
        for label in labels[1:]:
            joined.union(labels[0], label)
    return joined


def _partition(claims: Sequence[Claim], context: Context) -> list[list[Claim]]:
    labels = [group_labels(claim, context) for claim in claims]
    joined = join_groups(labels)
    grouped: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for claim, own in zip(claims, labels, strict=True):
        grouped[joined.find(own[0])].append(claim)
    return sorted(grouped.values(), key=lambda g: min(c.key.order for c in g))


def groups(assertions: Iterable[Assertion], context: Context) -> dict[Hashable, list[Assertion]]:
    """Partition assertions into independent decision groups (split input only along these)."""
    unique = unique_assertions(assertions)
    claims = form_claims(unique, context, _default_window())
    out: dict[Hashable, list[Assertion]] = {}
    for index, members in enumerate(_partition(claims, context)):
        seen: dict[str, Assertion] = {}
        for claim in members:
            seen.setdefault(claim.assertion.id, claim.assertion)
        out[index] = sorted(seen.values(), key=lambda a: a.id)
    # An assertion whose claims fall in two groups joins them: merge such groups.
    return _merge_shared(out)


def _merge_shared(parts: dict[Hashable, list[Assertion]]) -> dict[Hashable, list[Assertion]]:
    owner: dict[str, Hashable] = {}
    merged: dict[Hashable, dict[str, Assertion]] = {}
    for key, members in parts.items():
        target = next((owner[a.id] for a in members if a.id in owner), key)
        bucket = merged.setdefault(target, {})
        for a in members:
            bucket[a.id] = a
            owner[a.id] = target
    return {k: sorted(v.values(), key=lambda a: a.id) for k, v in merged.items()}


def _default_window() -> Any:
    return Policy.__attrs_attrs__.title_window.default


@frozen(kw_only=True)
class _Candidate:
    """One distinct answer to a question, the claims that give it and its weight."""

    key: ClaimKey
    answer: str
    positive: bool
    claims: tuple[Claim, ...]

    @property
    def ident(self) -> tuple[ClaimKey, str, bool]:
        return (self.key, self.answer, self.positive)

    @property
    def value(self) -> Any:
        return self.claims[0].value

    @cached_property
    def factual(self) -> bool:
        return any(c.assertion.modality not in PROSPECTIVE for c in self.claims)

    @cached_property
    def window(self) -> tuple[Any, Any] | None:
        windows = [c.window for c in self.claims if c.window is not None]
        if not windows:
            return None
        return (min(w[0] for w in windows), max(w[1] for w in windows))

    def label(self, context: Context) -> str:
        subject = context.label(self.key.subject)
        predicate = self.key.predicate.replace("_", " ")
        # A many-valued question names its value by the registry's name for it (a
        # member, an office); any answer that is an actor, place, office or event is
        # named from the registry; any other value (a date, a text, a stance) is shown
        # in its own words.
        named = self.key.value and not (self.answer == "yes" and hasattr(self.value, "text"))
        if named and self.key.value in context.labels:
            shown = context.labels[self.key.value]
        elif isinstance(self.value, ID_VALUE_TYPES):
            shown = context.label(self.value.key())
        else:
            shown = self.value.label()
        text = f"{subject} {predicate} {shown}"
        return text if self.positive else f"NOT {text}"


def decide(
    assertions: Iterable[Assertion],
    policy: Policy,
    context: Context,
    statistics: Statistics | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Verdict, ...]:
    """Verdicts for every question the assertions raise, sorted by key.

    ``progress``, if given, is called with (claims decided, all claims) after each
    decision group (a progress bar on a long run)."""
    # The cyclic garbage collector would rescan every claim and verdict made so far,
    # again and again as they accumulate (a third of the time at 100,000 assertions);
    # reconciliation makes no reference cycles, so the collector is paused for the run
    # and restored after (Python then runs it as usual).
    collecting = gc.isenabled()
    gc.disable()
    try:
        unique = unique_assertions(assertions)
        claims = form_claims(unique, context, policy.title_window)
        weigher = Weigher(policy)
        if statistics is None:
            statistics = _prepare(claims, policy, context, weigher)
        else:
            check_statistics(statistics, policy)
        context = statistics.apply(context)
        verdicts: list[Verdict] = []
        done, total = 0, len(claims)
        # Each group's claims are let go once it is decided (the verdicts keep only
        # assertions): the peak is then the verdicts, not the verdicts and every claim.
        pending = _partition(claims, context)
        del claims
        pending.reverse()
        while pending:
            members = pending.pop()
            verdicts.extend(decide_group(members, policy, context, statistics, weigher))
            if progress is not None:
                done += len(members)
                progress(done, total)
            del members
        return tuple(sorted(verdicts, key=lambda v: v.key.order))
    finally:
        if collecting:
            gc.enable()


def _candidates(claims: Sequence[Claim]) -> list[_Candidate]:
    grouped: dict[tuple[ClaimKey, str, bool], list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[(claim.key, claim.answer, claim.positive)].append(claim)
    ordered = sorted(grouped, key=lambda k: (k[0].order, k[1], k[2]))
    return [
        _Candidate(key=k[0], answer=k[1], positive=k[2], claims=tuple(grouped[k])) for k in ordered
    ]


def _conflicts(a: _Candidate, b: _Candidate, context: Context) -> bool:
    """Do two answers contradict each other (the conflict model)?"""
    spec = context.spec(a.key.predicate)
    if a.key == b.key:
        if a.answer == b.answer:
            return a.positive != b.positive and (
                not spec.time_scoped or windows_overlap(a.window, b.window)
            )
        return a.positive and b.positive and not a.value.compatible(b.value)
    if a.key.predicate != b.key.predicate or not (a.positive and b.positive):
        return False
    if spec.time_scoped:
        if not windows_overlap(a.window, b.window):
            return False
        if spec.exclusive_holders and a.key.subject != b.key.subject:
            # SingleHolderOffices: two holders of one single-holder office at once.
            return a.key.value == b.key.value and a.key.value in context.single_holder_offices
        # OneOfficePerHierarchy: one person, two offices of one hierarchy, at once.
        return (
            spec.exclusive_holders
            and a.key.subject == b.key.subject
            and context.same_hierarchy(a.key.value, b.key.value)
        )
    if spec.stances:
        # OpposingStances: same holder, same issue, opposite sides.
        return a.key.subject == b.key.subject and not a.value.compatible(b.value)
    return False


def decide_group(
    claims: Sequence[Claim],
    policy: Policy,
    context: Context,
    statistics: Statistics,
    weigher: Weigher,
) -> list[Verdict]:
    candidates = _candidates(claims)
    weights = {id(c): weigher.increments(c, statistics, context) for c in claims}
    rivals = _Rivals.index(candidates, context)
    # Each answer's label once: its side, the contributions and the sides it beat share it.
    labels = {id(c): c.label(context) for c in candidates}
    by_key: dict[ClaimKey, list[_Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_key[candidate.key].append(candidate)
    support = {id(c): _support(c, by_key[c.key], context) for c in candidates}
    scored = {id(c): _score(support[id(c)], weights, context) for c in candidates}
    score = {key: total for key, (total, _) in scored.items()}

    status: dict[int, SideStatus] = {}
    beaten_by: dict[int, _Candidate] = {}
    # Facts before expectations: an answer only ever expected never outranks one
    # reported as fact, whatever their scores (a plan is not evidence of what happened).
    order = sorted(
        candidates,
        key=lambda c: (not c.factual, -score[id(c)], c.key.order, c.answer, c.positive),
    )
    for candidate in order:
        if id(candidate) in status:
            continue
        standing = [r for r in rivals.of(candidate) if status.get(id(r)) != SideStatus.ELIMINATED]
        close = [
            r
            for r in standing
            if r.factual > candidate.factual
            or (
                r.factual == candidate.factual
                and score[id(candidate)] - score[id(r)] <= policy.margin * score[id(candidate)]
            )
        ]
        if not close:
            status[id(candidate)] = SideStatus.STANDS
            for rival in standing:
                status[id(rival)] = SideStatus.ELIMINATED
                beaten_by[id(rival)] = candidate
        else:
            status[id(candidate)] = SideStatus.CONTESTED
            for rival in close:
                status.setdefault(id(rival), SideStatus.CONTESTED)
    for candidate in candidates:
        if status[id(candidate)] is SideStatus.STANDS and not candidate.factual:
            status[id(candidate)] = SideStatus.UNCONFIRMED

    made: dict[int, Side] = {}

    def side(c: _Candidate) -> Side:
        """Each answer's side, made once: every verdict that shows it (its own, and
        those of the questions it rivals) holds the same one."""
        found = made.get(id(c))
        if found is None:
            winner = beaten_by.get(id(c))
            found = made[id(c)] = Side(
                key=c.key,
                label=labels[id(c)],
                value=c.value,
                positive=c.positive,
                status=status[id(c)],
                assertions=_assertions([c]),
                eliminated_by=labels[id(winner)] if winner is not None else None,
                score=round(score[id(c)], 6),
            )
        return found

    verdicts = []
    for key in sorted(by_key, key=lambda k: k.order):
        own = by_key[key]
        verdicts.append(
            _verdict(key, own, rivals, status, beaten_by, scored, side, labels, weigher.shared)
        )
    return verdicts


class _Rivals:
    """Which answers contradict which, found through an index rather than by comparing
    every pair: answers to one question are compared within the question (exact
    values pooled: any two different exact answers contradict each other), and
    answers to different questions only within the buckets the conflict model
    relates (one single-holder office, one person's offices of one hierarchy, one
    holder's stances on one issue)."""

    def __init__(self) -> None:
        self.pools: dict[int, tuple[_Candidate, ...]] = {}
        self.explicit: dict[int, list[_Candidate]] = defaultdict(list)
        self.cross: dict[int, list[_Candidate]] = defaultdict(list)

    def add(self, a: _Candidate, b: _Candidate) -> None:
        """Two answers to one question that contradict each other (answers to
        different questions are added by :meth:`index`, in bucket order)."""
        self.explicit[id(a)].append(b)
        self.explicit[id(b)].append(a)

    def of(self, candidate: _Candidate) -> Iterator[_Candidate]:
        for rival in self.pools.get(id(candidate), ()):
            if rival is not candidate:
                yield rival
        yield from self.explicit.get(id(candidate), ())

    def across(self, candidate: _Candidate) -> list[_Candidate]:
        """Rivals that answer another question (another holder, another office)."""
        return self.cross.get(id(candidate), [])

    @classmethod
    def index(cls, candidates: Sequence[_Candidate], context: Context) -> _Rivals:
        rivals = cls()
        by_key: dict[ClaimKey, list[_Candidate]] = defaultdict(list)
        related: dict[Hashable, list[_Candidate]] = defaultdict(list)
        for candidate in candidates:
            by_key[candidate.key].append(candidate)
            for bucket in _cross_buckets(candidate, context):
                related[bucket].append(candidate)
        for members in by_key.values():
            exact = tuple(c for c in members if c.positive and c.value.spread() == 0)
            for c in exact:
                rivals.pools[id(c)] = exact
            pooled = {id(c) for c in exact}
            for i, a in enumerate(members):
                for b in members[i + 1 :]:
                    if id(a) in pooled and id(b) in pooled:
                        continue
                    if _conflicts(a, b, context):
                        rivals.add(a, b)
        for bucket, members in related.items():
            if isinstance(bucket, tuple) and bucket[0] == "stance":
                pairs: Iterable[tuple[int, int]] = (
                    (i, j) for i in range(len(members)) for j in range(i + 1, len(members))
                )
            else:
                pairs = _overlapping(members)
            found: dict[int, list[int]] = defaultdict(list)
            for i, j in pairs:
                a, b = members[i], members[j]
                if a.key != b.key and _conflicts(a, b, context):
                    found[i].append(j)
                    found[j].append(i)
            # Each answer's rivals in the order of the bucket (as comparing every pair
            # in order would list them), whatever order the sweep met them in.
            for i in sorted(found):
                a = members[i]
                for j in sorted(found[i]):
                    rivals.explicit[id(a)].append(members[j])
                    rivals.cross[id(a)].append(members[j])
        return rivals


def _overlapping(members: Sequence[_Candidate]) -> Iterator[tuple[int, int]]:
    """The pairs (by index) of time-scoped answers whose windows may overlap: a sweep
    over the windows sorted by start, so that a single-holder office held by a
    thousand people in succession compares neighbours, not every pair. An answer
    without a window (an undated claim) may overlap any other."""
    undated = [i for i, c in enumerate(members) if c.window is None]
    dated = sorted(
        (i for i, c in enumerate(members) if c.window is not None),
        key=lambda i: members[i].window[0],  # type: ignore[index]
    )
    for i in undated:
        for j in range(len(members)):
            if j != i and (members[j].window is not None or j > i):
                yield (min(i, j), max(i, j))
    active: list[tuple[Any, int]] = []
    for i in dated:
        start, end = members[i].window  # type: ignore[misc]
        while active and active[0][0] <= start:
            heapq.heappop(active)
        for _, j in active:
            yield (min(i, j), max(i, j))
        heapq.heappush(active, (end, i))


def _cross_buckets(candidate: _Candidate, context: Context) -> list[Hashable]:
    """The buckets in which answers to different questions may contradict each other."""
    if not candidate.positive:
        return []
    key = candidate.key
    spec = context.spec(key.predicate)
    buckets: list[Hashable] = []
    if spec.time_scoped and spec.exclusive_holders:
        if key.value in context.single_holder_offices:
            buckets.append(("holder", key.predicate, key.value))
        hierarchy = context.office_hierarchies.get(key.value)
        if hierarchy is not None:
            buckets.append(("hierarchy", key.subject, key.predicate, hierarchy))
    if spec.stances:
        buckets.append(
            ("stance", key.subject, key.predicate, getattr(candidate.value, "issue", ""))
        )
    return buckets


def _support(
    candidate: _Candidate, candidates: Sequence[_Candidate], context: Context
) -> list[Claim]:
    """The claims for ``candidate``: its own, and those of the answers it contains."""
    found = list(candidate.claims)
    if candidate.positive and candidate.answer != "yes" and candidate.value.spread() > 0:
        for other in candidates:
            if (
                other is not candidate
                and other.key == candidate.key
                and other.positive
                and candidate.value.contains(other.value)
            ):
                found.extend(other.claims)
    return found


def _score(
    claims: Sequence[Claim],
    weights: Mapping[int, list[tuple[str, float, str]]],
    context: Context,
) -> tuple[float, list[tuple[str, float, str]]]:
    """Sum over independent origins of the strongest claim's weight, with its increments."""
    total = 0.0
    parts: list[tuple[str, float, str]] = []
    for _, members in group_origins(claims, context):
        best = max(members, key=lambda c: (sum(x[1] for x in weights[id(c)]), c.assertion.id))
        increments = weights[id(best)]
        total += sum(x[1] for x in increments)
        parts.extend(increments)
    return total, parts


def _assertions(candidates: Iterable[_Candidate]) -> tuple[Assertion, ...]:
    found = {c.assertion.id: c.assertion for cand in candidates for c in cand.claims}
    return tuple(found[i] for i in sorted(found))


def _contributions(
    parts: Sequence[tuple[str, float, str]],
    answer: str,
    sign: float,
    shared: Callable[[str], str],
) -> list[Contribution]:
    """One contribution per rule (summed over origins), reasons listed once each."""
    by_rule: dict[str, float] = defaultdict(float)
    reasons: dict[str, dict[str, None]] = defaultdict(dict)
    for name, amount, reason in parts:
        by_rule[name] += amount
        reasons[name][reason] = None
    return [
        Contribution(
            rule=name,
            answer=answer,
            amount=round(sign * amount, 9),
            reason=shared(
                "; ".join(list(reasons[name])[:4])
                + (f"; and {len(reasons[name]) - 4} more" if len(reasons[name]) > 4 else "")
            ),
        )
        for name, amount in by_rule.items()
        if amount != 0
    ]


def _verdict(
    key: ClaimKey,
    own: list[_Candidate],
    rivals: _Rivals,
    status: Mapping[int, SideStatus],
    beaten_by: Mapping[int, _Candidate],
    scored: Mapping[int, tuple[float, list[tuple[str, float, str]]]],
    side: Callable[[_Candidate], Side],
    labels: Mapping[int, str],
    shared: Callable[[str], str],
) -> Verdict:
    def held(candidates: list[_Candidate]) -> tuple[Assertion, ...]:
        """The candidates' assertions: one answer's are its side's (the same tuple)."""
        return side(candidates[0]).assertions if len(candidates) == 1 else _assertions(candidates)

    foreign = {r.ident: r for c in own for r in rivals.across(c)}
    sides = tuple(side(c) for c in [*own, *foreign.values()])
    standing = [c for c in own if status[id(c)] in (SideStatus.STANDS, SideStatus.UNCONFIRMED)]
    contested = [c for c in own if status[id(c)] is SideStatus.CONTESTED]
    # The most precise standing answer; a contested precise question still settles
    # any coarser answer that contains every contender ("less than two hours").
    standing.sort(key=lambda c: (c.value.spread(), -scored[id(c)][0], c.answer, not c.positive))
    chosen = standing[0] if standing else None
    if (
        contested
        and chosen is not None
        and not all(
            chosen.positive and c.positive and chosen.value.contains(c.value) for c in contested
        )
    ):
        chosen = None

    def build(
        status_: VerdictStatus,
        value: Any,
        positive: bool,
        supporting: Iterable[_Candidate],
        opposing: Iterable[_Candidate],
        margin: float | None,
        contributions: Sequence[Contribution],
    ) -> Verdict:
        backing = held(list(supporting))
        support_ids = {a.id for a in backing}
        rest = [a for a in held(list(opposing)) if a.id not in support_ids]
        # The trace is derived from the contributions when read (Verdict.trace).
        return Verdict(
            key=key,
            status=status_,
            value=value,
            positive=positive,
            supporting=backing,
            opposing=tuple(rest),
            sides=sides,
            contributions=tuple(contributions),
            margin=None if margin is None else round(margin, 9),
        )

    everyone = [*own, *foreign.values()]
    if chosen is None and contested:
        return build(
            VerdictStatus.CONTESTED,
            None,
            True,
            contested,
            [c for c in everyone if id(c) not in {id(x) for x in contested}],
            None,
            (),
        )
    if chosen is None:
        # Every answer here lost to an accepted rival (another holder of the office).
        lost = next((c for c in own if c.positive), own[0])
        winner = beaten_by.get(id(lost))
        winners = [winner] if winner is not None else []
        margin, contributions = (
            _lead(winner, lost, scored, labels, shared) if winner else (None, [])
        )
        # Outweighed by a rival only ever expected: nothing is established either way.
        settled = winner is not None and winner.factual
        status_ = VerdictStatus.REJECTED if settled else VerdictStatus.UNCONFIRMED
        return build(status_, lost.value, False, winners, own, margin, contributions)
    rival_list = list(rivals.of(chosen))
    rival_ids = {id(r) for r in rival_list}
    runner_up = max(rival_list, key=lambda r: (scored[id(r)][0], r.answer), default=None)
    margin, contributions = _lead(chosen, runner_up, scored, labels, shared)
    factual = chosen.factual
    if chosen.positive:
        status_ = VerdictStatus.ACCEPTED if factual else VerdictStatus.UNCONFIRMED
    else:
        status_ = VerdictStatus.REJECTED if factual else VerdictStatus.UNCONFIRMED
    compatible = [
        c
        for c in own
        if c is chosen
        or (
            c.positive == chosen.positive
            and status[id(c)] is not SideStatus.ELIMINATED
            and id(c) not in rival_ids
            and (c.value.compatible(chosen.value) if c.positive else c.answer == chosen.answer)
        )
    ]
    agreeing = {id(c) for c in compatible}
    opposing = [c for c in everyone if id(c) not in agreeing]
    return build(
        status_, chosen.value, chosen.positive, compatible, opposing, margin, contributions
    )


def _lead(
    winner: _Candidate,
    runner_up: _Candidate | None,
    scored: Mapping[int, tuple[float, list[tuple[str, float, str]]]],
    labels: Mapping[int, str],
    shared: Callable[[str], str],
) -> tuple[float, list[Contribution]]:
    """The margin of ``winner`` over ``runner_up`` and the contributions that make it:
    the winner's (positive) and the runner-up's (negative)."""
    total, parts = scored[id(winner)]
    contributions = _contributions(parts, labels[id(winner)], 1.0, shared)
    if runner_up is None:
        return total, contributions
    rival_total, rival_parts = scored[id(runner_up)]
    rival = _contributions(rival_parts, labels[id(runner_up)], -1.0, shared)
    return total - rival_total, contributions + rival


__all__ = ["Statistics", "compute_statistics", "decide", "groups"]
