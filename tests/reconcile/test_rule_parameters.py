"""What a rule's parameters accept and refuse, at their edges, with the message a user sees.

A policy is configured by hand (or read back from a run's JSON); a weight or rank
out of range must be refused when the rule is built, naming the key and the range.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import negotiations as ng
from negotiations.reconcile._rules import MAX_FACTOR

M = ng.Modality
RANKS = dict.fromkeys(M, 0.5)


@pytest.mark.parametrize(
    "key", ["source:s1", "outlet:tass", "quoted:fidan", "source:doc:with:colons"]
)
def test_a_reliability_weight_may_name_a_source_an_outlet_or_a_speaker(key: str) -> None:
    assert ng.SourceReliability(weights={key: 2.0}).weights == {key: 2.0}


@pytest.mark.parametrize("key", ["s1", "publisher:tass", "Source:s1", ":s1", 7])
def test_any_other_reliability_key_is_refused_with_the_three_forms(key: Any) -> None:
    with pytest.raises(
        ng.PolicyError,
        match=rf"^SourceReliability weight key {key!r} must be 'source:<id>', "
        r"'outlet:<id>' or 'quoted:<id>'$",
    ):
        ng.SourceReliability(weights={key: 2.0})


@pytest.mark.parametrize("weight", [0, 0.5, 1, MAX_FACTOR])
def test_a_reliability_weight_may_be_anything_from_zero_to_the_maximum(weight: float) -> None:
    assert ng.SourceReliability(weights={"source:s1": weight}).weights["source:s1"] == weight


@pytest.mark.parametrize("weight", [-0.1, MAX_FACTOR + 0.1, float("nan"), True, "2", None])
def test_a_reliability_weight_out_of_range_or_not_a_number_is_refused(weight: Any) -> None:
    with pytest.raises(
        ng.PolicyError,
        match=rf"^SourceReliability weight for 'source:s1' must be a number in 0\.\.4\.0, "
        rf"found {weight!r}$",
    ):
        ng.SourceReliability(weights={"source:s1": weight})


def test_a_modality_rank_must_rank_every_modality_and_names_the_missing_ones() -> None:
    with pytest.raises(
        ng.PolicyError,
        match=r"^ModalityRank\.ranks must rank every modality; missing: expected, claimed, "
        r"speculated, denied$",
    ):
        ng.ModalityRank(ranks={M.CONFIRMED: 1.0, M.REPORTED: 0.8})


@pytest.mark.parametrize("rank", [0, 0.35, 1])
def test_a_modality_rank_may_be_anything_from_zero_to_one(rank: float) -> None:
    assert ng.ModalityRank(ranks={**RANKS, M.CLAIMED: rank}).ranks[M.CLAIMED] == rank


@pytest.mark.parametrize("rank", [-0.1, 1.5, 2, True, "high", float("nan")])
def test_a_modality_rank_out_of_range_or_not_a_number_is_refused(rank: Any) -> None:
    with pytest.raises(
        ng.PolicyError,
        match=rf"^ModalityRank\.ranks\[claimed\] must be in 0\.\.1, found {rank!r}$",
    ):
        ng.ModalityRank(ranks={**RANKS, M.CLAIMED: rank})


def test_rules_with_different_parameters_are_told_apart_as_keys() -> None:
    weights = {ng.SourceReliability(weights={"source:s1": w}) for w in (1.0, 2.0, 3.0)}
    ranks = {ng.ModalityRank(ranks={**RANKS, M.CLAIMED: r}) for r in (0.1, 0.2, 0.3)}
    assert len({hash(rule) for rule in weights}) == 3
    assert len({hash(rule) for rule in ranks}) == 3


class _Named:
    """A rule in every way but its name."""

    def __init__(self, name: object) -> None:
        self.name = name

    def prepare(self, claims: Any, context: ng.Context) -> None:
        return None

    def weigh(self, claim: Any, statistics: Any, context: ng.Context) -> ng.Weight:
        return ng.Weight(1.0, "neutral")


def test_a_rule_named_by_a_non_empty_string_is_accepted() -> None:
    assert ng.Policy(rules=(_Named("Neutral"),), trust=None).rule_names == ("Neutral",)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["", 3, None])
def test_a_rule_without_a_usable_name_is_refused(name: object) -> None:
    with pytest.raises(ng.PolicyError, match="does not implement the Rule protocol"):
        ng.Policy(rules=(_Named(name),), trust=None)  # type: ignore[arg-type]


def test_a_claim_adds_to_its_outlets_record_when_the_outlet_is_known() -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from negotiations.reconcile._rules import trust_key
    from tests.reconcile._build import actor, say

    context = ng.Context(source_outlets={ng.SourceId("tass_article"): ng.ActorId("tass")})
    by_outlet, alone = form_claims(
        [
            say("talks", ng.Predicate.CHAIR, actor("a"), source="tass_article"),
            say("talks", ng.Predicate.CHAIR, actor("b"), source="blog"),
        ],
        context,
        dt.timedelta(days=30),
    )
    assert (trust_key(by_outlet, context), trust_key(alone, context)) == ("tass", "blog")


def test_a_publishers_vote_is_its_log_odds_scaled_so_the_ceiling_votes_one() -> None:
    from negotiations.reconcile._rules import vote_weight

    # log(0.9 / 0.1) / log(0.99 / 0.01)
    assert vote_weight(0.9, 0.99) == pytest.approx(math.log(9) / math.log(99))
    assert vote_weight(0.99, 0.99) == pytest.approx(1.0)
    assert vote_weight(0.999, 0.99) == pytest.approx(1.0)  # no more than the ceiling
    assert vote_weight(0.5, 0.99) == 0.0  # a coin toss adds nothing
    assert vote_weight(0.2, 0.99) == 0.0  # nor does a worse one: never negative
    assert vote_weight(0.75, 0.9) == pytest.approx(0.5)  # log 3 / log 9


def test_a_publisher_that_disagreed_with_the_record_elsewhere_loses_a_tie() -> None:
    from tests.reconcile._build import actor, say

    chair = ng.Predicate.CHAIR
    # Six earlier questions: four publishers agree, one ("bad") always says otherwise.
    history = [
        say(f"talks{n}", chair, actor(answer), source=source)
        for n in range(6)
        for source, answer in (*((f"good{g}", "a") for g in range(4)), ("bad", "b"))
    ]
    tie = [
        say("summit", chair, actor("x"), source="good0"),
        say("summit", chair, actor("y"), source="bad"),
    ]
    alone = say("dinner", chair, actor("z"), source="loner")
    learned = ng.reconcile([*history, *tie, alone], ng.Policy())
    (summit,) = learned.about("summit", "chair")
    assert (summit.status, summit.value) == (ng.VerdictStatus.ACCEPTED, actor("x"))
    reasons = {c.reason for c in summit.contributions if c.rule == "SourceTrust"}
    assert reasons == {
        "good0: trust 0.82 from 7 question(s) shared with other publishers",
        "bad: trust 0.16 from 7 question(s) shared with other publishers",
    }
    (dinner,) = learned.about("dinner", "chair")
    assert [c.reason for c in dinner.contributions if c.rule == "SourceTrust"] == [
        "loner: no record, prior trust"
    ]
    # Without learned trust the same two reports are one against one.
    (alike,) = ng.reconcile([*history, *tie], ng.Policy(trust=None)).about("summit", "chair")
    assert alike.status is ng.VerdictStatus.CONTESTED


def test_without_learned_trust_every_publisher_weighs_alike_and_says_so() -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from tests.reconcile._build import actor, say

    (claim,) = form_claims(
        [say("talks", ng.Predicate.CHAIR, actor("a"))], ng.Context(), dt.timedelta(days=30)
    )
    assert ng.SourceTrust().weigh(claim, None, ng.Context()) == ng.Weight(
        1.0, "no trust learned: every publisher counts alike"
    )


def test_after_event_over_before_says_why_a_claim_keeps_its_weight_or_loses_half() -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from tests.reconcile._build import actor, say

    p = ng.Predicate
    held = ng.StatusValue(status=ng.MeetingStatus.HELD)
    data = [
        say("talks", p.STATUS, held, source="after"),
        say("talks", p.CHAIR, actor("a"), source="after"),
        say("talks", p.CHAIR, actor("b"), source="before"),
        say("talks", p.CHAIR, actor("c"), source="guess", modality=M.EXPECTED),
        say("summit", p.CHAIR, actor("d"), source="before"),
    ]
    claims = form_claims(data, ng.Context(), dt.timedelta(days=30))
    rule = ng.AfterEventOverBefore()
    statistics = rule.prepare(claims, ng.Context())
    reasons = {
        (c.key.subject, c.source): rule.weigh(c, statistics, ng.Context())
        for c in claims
        if c.key.predicate == p.CHAIR
    }
    assert reasons == {
        ("talks", "after"): ng.Weight(1.0, "reported after the event"),
        ("talks", "before"): ng.Weight(0.5, "said before the event was reported held"),
        ("talks", "guess"): ng.Weight(1.0, "an expectation (weighed by modality)"),
        ("summit", "before"): ng.Weight(1.0, "not about an event any source reports as held"),
    }


def test_a_delegations_party_and_the_actors_a_claim_names_are_concerned_by_it() -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from negotiations.reconcile._rules import concerned_parties
    from tests.reconcile._build import actor, say

    context = ng.Context(
        delegation_events={ng.EntityId("talks_ru"): (ng.EventId("talks"), ng.ActorId("russia"))}
    )
    (claim,) = form_claims(
        [say("talks_ru", ng.Predicate.HEAD, actor("medinsky"))], context, dt.timedelta(days=30)
    )
    assert concerned_parties(claim, context) == {"talks_ru", "russia", "medinsky"}
    assert concerned_parties(claim, ng.Context()) == {"talks_ru", "medinsky"}


class _BadPrepare(_Named):
    def prepare(self) -> None:  # type: ignore[override]
        return None


class _BadWeigh(_Named):
    def weigh(self, claim: Any) -> ng.Weight:  # type: ignore[override]
        return ng.Weight(1.0, "neutral")


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            _BadPrepare("P"),
            "rule 'P': prepare() must accept 2 positional arguments (claims, context)",
        ),
        (
            _BadWeigh("W"),
            "rule 'W': weigh() must accept 3 positional arguments (claim, statistics, context)",
        ),
    ],
)
def test_a_rule_with_the_wrong_method_signature_is_told_which_arguments_to_take(
    rule: _Named, message: str
) -> None:
    with pytest.raises(ng.PolicyError) as raised:
        ng.Policy(rules=(rule,), trust=None)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_a_claims_origin_is_its_quoted_speaker_else_its_outlet_else_its_source() -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from negotiations.reconcile._rules import origin
    from tests.reconcile._build import actor, say

    context = ng.Context(source_outlets={ng.SourceId("tass_article"): ng.ActorId("tass")})
    chair = ng.Predicate.CHAIR
    claims = form_claims(
        [
            say("a", chair, actor("x"), source="tass_article", quoted="peskov"),
            say("b", chair, actor("x"), source="tass_article"),
            say("c", chair, actor("x"), source="blog"),
        ],
        context,
        dt.timedelta(days=30),
    )
    assert [origin(c, context) for c in claims] == ["quoted:peskov", "outlet:tass", "source:blog"]


@pytest.mark.parametrize(
    ("modality", "quoted", "expected"),
    [
        (M.REPORTED, "russia", ng.Weight(1 / 0.85, "stated by the party concerned")),
        (M.CLAIMED, "russia", ng.Weight(1 / 0.6, "stated by the party concerned")),
        (M.CONFIRMED, "russia", ng.Weight(1.0, "stated by the party concerned")),
        (M.EXPECTED, "russia", ng.Weight(1.0, "not a factual statement by the party concerned")),
        (M.REPORTED, "ukraine", ng.Weight(1.0, "not a factual statement by the party concerned")),
    ],
)
def test_a_partys_own_factual_word_counts_as_confirmation(
    modality: ng.Modality, quoted: str, expected: ng.Weight
) -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from tests.reconcile._build import actor, say

    context = ng.Context(
        delegation_events={ng.EntityId("talks_ru"): (ng.EventId("talks"), ng.ActorId("russia"))}
    )
    (claim,) = form_claims(
        [say("talks_ru", ng.Predicate.HEAD, actor("medinsky"), modality=modality, quoted=quoted)],
        context,
        dt.timedelta(days=30),
    )
    weight = ng.FirstPartyStatements().weigh(claim, None, context)
    assert weight.reason == expected.reason
    assert weight.factor == pytest.approx(expected.factor)


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({}, ng.Weight(1.0, "no configured weights")),
        ({"source:other": 3.0}, ng.Weight(1.0, "no configured weight")),
        (
            {"source:tass_article": 0.5},
            ng.Weight(0.5, "configured weight 0.5 for source:tass_article"),
        ),
        (
            {"source:tass_article": 0.5, "outlet:tass": 2.0},
            ng.Weight(2.0, "configured weight 2 for outlet:tass"),
        ),
        (
            {"source:tass_article": 3.0, "outlet:tass": 2.0},
            ng.Weight(3.0, "configured weight 3 for source:tass_article"),
        ),
    ],
)
def test_the_largest_configured_weight_of_a_claims_origins_applies(
    weights: dict[str, float], expected: ng.Weight
) -> None:
    import datetime as dt

    from negotiations.reconcile._claims import form_claims
    from tests.reconcile._build import actor, say

    context = ng.Context(source_outlets={ng.SourceId("tass_article"): ng.ActorId("tass")})
    (claim,) = form_claims(
        [say("talks", ng.Predicate.CHAIR, actor("x"), source="tass_article")],
        context,
        dt.timedelta(days=30),
    )
    assert ng.SourceReliability(weights=weights).weigh(claim, None, context) == expected


def test_each_independent_origin_adds_one_unit_whatever_it_repeats() -> None:
    from tests.reconcile._build import actor, say

    chair = ng.Predicate.CHAIR
    data = [
        say("talks", chair, actor("x"), source="one"),
        say("talks", chair, actor("x"), source="one"),  # the same origin again
        say("talks", chair, actor("x"), source="two"),
    ]
    rules = (ng.IndependentCorroboration(), ng.ModalityRank())
    (talks,) = ng.reconcile(data, ng.Policy(rules=rules, trust=None)).verdicts
    # Two origins, one unit each, a reported fact counting 0.85 of it, in either order.
    assert talks.margin == pytest.approx(2 * 0.85)
    swapped = ng.Policy(rules=rules[::-1], trust=None)
    assert ng.reconcile(data, swapped).verdicts[0].margin == pytest.approx(2 * 0.85)
    assert [(c.rule, round(c.amount, 6)) for c in talks.contributions] == [
        ("IndependentCorroboration", 2.0),
        ("ModalityRank", -0.3),
    ]


def test_claims_sharing_a_source_or_a_quoted_speaker_are_one_independent_origin() -> None:
    import datetime as dt

    from negotiations.reconcile import independent_origins
    from negotiations.reconcile._claims import form_claims
    from tests.reconcile._build import actor, say

    chair = ng.Predicate.CHAIR
    claims = form_claims(
        [
            say("talks", chair, actor("x"), source="a"),
            say("talks", chair, actor("x"), source="a"),
            say("talks", chair, actor("x"), source="b", quoted="peskov"),
            say("talks", chair, actor("x"), source="c", quoted="peskov"),
            say("talks", chair, actor("x"), source="d"),
        ],
        ng.Context(),
        dt.timedelta(days=30),
    )
    assert sorted(sorted(o) for o in independent_origins(claims, ng.Context())) == [
        ["quoted:peskov", "source:b", "source:c"],
        ["source:a"],
        ["source:d"],
    ]
