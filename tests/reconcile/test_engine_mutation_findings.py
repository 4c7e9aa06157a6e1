"""Behaviours of the engine that a sampled mutation run of ``reconcile/_engine.py``
found unstated (issue 12; docs/mutation.md)."""

from __future__ import annotations

import attrs
from hypothesis import given, settings

import negotiations as ng
from negotiations.reconcile import (
    SideStatus,
    TrustModel,
    compute_statistics,
    default_policy,
    groups,
)
from negotiations.reconcile._claims import form_claims
from negotiations.reconcile._engine import (
    AGREEMENT_UNIT,
    Votes,
    _candidates,
    _conflicts,
    _partition,
    _Question,
    _Rivals,
    prepare_questions,
    tally_agreement,
)
from negotiations.testing import LAW_CONTEXT, reconciliation_inputs
from tests.reconcile._build import date_value, day, say

P = ng.Predicate
CHIEF = ng.OfficeValue(office=ng.OfficeId("chief"))
CONTEXT = ng.Context(single_holder_offices=frozenset({ng.OfficeId("chief")}))


def test_an_undated_holder_of_a_single_holder_office_conflicts_with_every_dated_one() -> None:
    """No date is no evidence of another time: an undated claim overlaps any window."""
    undated = attrs.evolve(say("gerasimov", P.HOLDS_OFFICE, CHIEF, source="a"), asserted_at=None)
    assert undated.asserted_at is None
    assert undated.qualifiers.time is None
    early = say("kostyukov", P.HOLDS_OFFICE, CHIEF, source="b", at=day(15, year=2015))
    late = say("ivanov", P.HOLDS_OFFICE, CHIEF, source="c", at=day(15, year=2025))
    rec = ng.reconcile([undated, early, late], ng.Policy(trust=None), context=CONTEXT)
    rivals = {
        v.subject: {s.key.subject for s in v.sides if s.key.subject != v.subject}
        for v in rec.verdicts
    }
    assert rivals == {"gerasimov": {"kostyukov", "ivanov"}, "kostyukov": {"gerasimov"},
                      "ivanov": {"gerasimov"}}  # fmt: skip


def test_groups_split_the_input_into_independent_questions_each_assertion_once() -> None:
    holders = [
        say("gerasimov", P.HOLDS_OFFICE, CHIEF, source="a", at=day(15)),
        say("kostyukov", P.HOLDS_OFFICE, CHIEF, source="b", at=day(16)),
    ]
    city = say("talks", P.CITY, ng.PlaceValue(place=ng.PlaceId("istanbul")), source="a")
    date = say("talks", P.CHAIR, ng.ActorValue(actor=ng.ActorId("fidan")), source="b")
    ceasefire = say(
        "russia",
        P.POSITION,
        ng.PositionValue(issue=ng.Issue.CEASEFIRE, stance=ng.Stance.REJECT),
        source="a",
    )
    territory = say(
        "russia",
        P.POSITION,
        ng.PositionValue(issue=ng.Issue.TERRITORY, stance=ng.Stance.DEMAND),
        source="a",
    )
    found = groups([*holders, city, date, ceasefire, territory], CONTEXT)
    members = sorted(sorted(a.subject + " " + a.predicate for a in g) for g in found.values())
    assert members == [
        ["gerasimov holds_office", "kostyukov holds_office"],  # one office: one group
        ["russia position"],  # stances on different issues do not constrain each other
        ["russia position"],
        ["talks chair"],
        ["talks city"],
    ]
    assert len(set(found)) == 5


def test_groups_of_the_seed_corpus_hold_every_assertion_exactly_once(
    seed_corpus: ng.Corpus,
) -> None:
    context = ng.Context.build(seed_corpus.registry, seed_corpus.sources)
    found = groups(seed_corpus.assertions, context)
    ids = [a.id for members in found.values() for a in members]
    assert sorted(ids) == sorted(a.id for a in seed_corpus.assertions)
    assert len(found) > 50


def _question() -> _Question:
    """Publisher x gives answer 0 through two origins (two quoted speakers); y gives 1."""
    return _Question(
        answers=(("a", True), ("b", True)),
        agree=((0,), (1,)),
        origins=((0, (("x", 1.0),)), (0, (("x", 1.0),)), (1, (("y", 1.0),))),
        said=(("x", (0,)), ("y", (1,))),
        own=((0, 1), (2,)),
        asserted=(("x", (0,)), ("y", (1,))),
    )


def test_leave_one_out_leaves_out_every_origin_of_the_publisher() -> None:
    """x's two origins are both its own: what is left agrees with x not at all."""
    agreement, counted = tally_agreement([_question()], Votes({}, 0.5))
    assert agreement == {"x": 0, "y": 0}
    assert counted == {"x": 1, "y": 1}


def test_leave_one_out_counts_the_share_of_others_evidence_that_agrees() -> None:
    question = _Question(
        answers=(("a", True), ("b", True)),
        agree=((0,), (1,)),
        origins=((0, (("x", 1.0),)), (0, (("z", 1.0),)), (1, (("y", 1.0),))),
        said=(("x", (0,)), ("y", (1,)), ("z", (0,))),
        own=((0,), (2,), (1,)),
        asserted=(("x", (0,)), ("y", (1,)), ("z", (0,))),
    )
    agreement, _ = tally_agreement([question], Votes({}, 0.5))
    # x: z agrees (0.5), y does not (0.5): half; y: both others disagree.
    assert agreement == {"x": AGREEMENT_UNIT // 2, "z": AGREEMENT_UNIT // 2, "y": 0}


def _copiers_and_independents() -> list[ng.Assertion]:
    """Five independent sources agree on six cities; three copy one another's wrong ones."""
    out = []
    for q in range(6):
        right = ng.PlaceValue(place=ng.PlaceId(f"right{q}"))
        wrong = ng.PlaceValue(place=ng.PlaceId(f"wrong{q}"))
        out += [say(f"talks{q}", P.CITY, right, source=f"independent{i}") for i in range(5)]
        out += [say(f"talks{q}", P.CITY, wrong, source=f"copier{i}") for i in range(3)]
    return out


def test_detected_copy_groups_change_learned_trust() -> None:
    """Copiers that share every mistake become one origin: they no longer vouch for
    one another, so their learned accuracy falls."""
    assertions = _copiers_and_independents()
    with_copies = compute_statistics(assertions, default_policy(), ng.Context())
    policy = default_policy()
    without = ng.Policy(rules=policy.rules, trust=TrustModel(copy_detection=False))
    alone = compute_statistics(assertions, without, ng.Context())
    assert set(with_copies.copy_groups) == {"copier0", "copier1", "copier2"}
    assert len(set(with_copies.copy_groups.values())) == 1
    assert alone.copy_groups == {}
    assert with_copies.trust is not None
    assert alone.trust is not None
    copier = with_copies.trust.estimates["copier0"].accuracy
    assert copier < alone.trust.estimates["copier0"].accuracy
    independent = with_copies.trust.estimates["independent0"].accuracy
    assert independent > copier


def test_no_claim_weighs_more_than_one_unit_however_its_rules_multiply() -> None:
    """Factors above one (a configured reliability of 4) lift a claim to the cap, never
    past it: no single report can outweigh two others of the same standing."""
    confirmed = say("talks", P.CITY, ng.PlaceValue(place=ng.PlaceId("istanbul")),
                    source="s1", modality=ng.Modality.CONFIRMED)  # fmt: skip
    rules = tuple(r for r in default_policy().rules if r.name != "SourceReliability")
    reliable = ng.SourceReliability(weights={"source:s1": 4.0})
    policy = ng.Policy(rules=(*rules, reliable), trust=None)
    (verdict,) = ng.reconcile([confirmed], policy).verdicts
    assert verdict.margin == 1.0
    assert sum(c.amount for c in verdict.contributions) == 1.0


def test_a_rule_with_many_reasons_lists_four_and_counts_the_rest() -> None:
    istanbul = ng.PlaceValue(place=ng.PlaceId("istanbul"))
    sources = [f"s{i}" for i in range(6)]
    reports = [say("talks", P.CITY, istanbul, source=s) for s in sources]
    weights = {f"source:{s}": 1.0 + i / 10 for i, s in enumerate(sources)}
    policy = ng.Policy(rules=(ng.SourceReliability(weights=weights),), trust=None)
    (verdict,) = ng.reconcile(reports, policy).verdicts
    (contribution,) = verdict.contributions
    assert contribution.reason == (
        "configured weight 1 for source:s0; configured weight 1.1 for source:s1; "
        "configured weight 1.2 for source:s2; configured weight 1.3 for source:s3; "
        "and 2 more"
    )
    four = ng.Policy(rules=(ng.SourceReliability(weights=dict(list(weights.items())[:4])),))
    (verdict,) = ng.reconcile(reports[:4], ng.Policy(rules=four.rules, trust=None)).verdicts
    assert verdict.contributions[0].reason.count(";") == 3  # four reasons, nothing "more"
    assert "more" not in verdict.contributions[0].reason


def test_trust_learning_counts_a_compatible_answer_as_agreement() -> None:
    """ "Thursday or Friday" agrees with "Friday"; "Saturday" agrees with neither."""
    friday = say("talks", P.DATE, date_value("Friday", day(16)), source="a")
    either = say("talks", P.DATE, date_value("Thursday or Friday",
                 ng.DateRange(start=day(15), end=day(16))), source="b")  # fmt: skip
    saturday = say("talks", P.DATE, date_value("Saturday", day(17)), source="c")
    context = ng.Context()
    claims = form_claims([friday, either, saturday], context, default_policy().title_window)
    (question,) = prepare_questions(claims, lambda claim: 1.0, context)
    text = {i: claims_of[0] for i, claims_of in enumerate(question.answers)}
    agrees = {text[i]: sorted(text[j] for j in question.agree[i]) for i in text}
    assert agrees == {
        "2025-05-15/2025-05-16": ["2025-05-15/2025-05-16", "2025-05-16"],
        "2025-05-16": ["2025-05-15/2025-05-16", "2025-05-16"],
        "2025-05-17": ["2025-05-17"],
    }


def test_each_answer_is_labelled_by_subject_predicate_and_value_in_words() -> None:
    registry = ng.Registry(
        actors=(
            ng.Person(id=ng.ActorId("fidan"), name="Hakan Fidan"),
            ng.Person(id=ng.ActorId("umerov"), name="Rustem Umerov"),
        )
    )
    context = ng.Context.build(registry)
    assertions = [
        say("talks", P.CITY, ng.PlaceValue(place=ng.PlaceId("istanbul")), source="a"),
        say("talks", P.CHAIR, ng.ActorValue(actor=ng.ActorId("fidan")), source="a"),
        say("ua", P.MEMBER, ng.ActorValue(actor=ng.ActorId("umerov")), source="a"),
        say("ua", P.MEMBER, ng.ActorValue(actor=ng.ActorId("umerov")), source="b", negative=True),
        say("talks", P.AGENDA, ng.TextValue(text="Prisoner Exchange"), source="a"),
    ]
    rec = ng.reconcile(assertions, ng.Policy(trust=None), context=context)
    labels = sorted(side.label for v in rec.verdicts for side in v.sides)
    assert labels == [
        "NOT ua member Rustem Umerov",
        "talks agenda Prisoner Exchange",
        "talks chair Hakan Fidan",  # a single-valued answer names the actor it gives
        "talks city istanbul",  # an id the registry does not know is shown as it is
        "ua member Rustem Umerov",
    ]


def assert_rivals_are_every_conflicting_pair(
    assertions: list[ng.Assertion], context: ng.Context = LAW_CONTEXT
) -> None:
    claims = form_claims(assertions, context, default_policy().title_window)
    for group in _partition(claims, context):
        candidates = _candidates(group)
        rivals = _Rivals.index(candidates, context)
        for a in candidates:
            found = {b.ident for b in rivals.of(a)}
            every_pair = {b.ident for b in candidates if b is not a and _conflicts(a, b, context)}
            assert found == every_pair, a.ident


@settings(max_examples=150, deadline=None)
@given(assertions=reconciliation_inputs(min_size=2, max_size=30))
def test_law_the_rivals_index_finds_exactly_the_pairs_that_conflict(
    assertions: list[ng.Assertion],
) -> None:
    """Found through pools and buckets, the rivals of every answer are exactly the
    answers the conflict model calls contradictory, as comparing every pair would find."""
    assert_rivals_are_every_conflicting_pair(assertions)


def test_a_range_conflicts_with_a_date_it_excludes_whatever_answers_lie_between() -> None:
    """Four answers that are not all exact (a range, a denial): the range's conflict
    with the third must be found, not only with its neighbours."""
    assertions = [
        say(
            "talks",
            P.DATE,
            date_value("early May", ng.DateRange(start=day(1), end=day(2))),
            source="a",
        ),
        say("talks", P.DATE, date_value("10 May", day(10)), source="b", negative=True),
        say("talks", P.DATE, date_value("16 May", day(16)), source="c"),
        say("talks", P.DATE, date_value("17 May", day(17)), source="d"),
    ]
    assert_rivals_are_every_conflicting_pair(assertions, ng.Context())


def test_a_holder_outweighed_by_another_holder_is_rejected_with_the_winner_as_evidence() -> None:
    """Three reports name Gerasimov chief, one names Kostyukov, on the same day: the
    verdict on Kostyukov cites Gerasimov's reports, and its margin is the difference."""
    winner = [
        say("gerasimov", P.HOLDS_OFFICE, CHIEF, source=s, at=day(16)) for s in ("a", "b", "c")
    ]
    loser = say("kostyukov", P.HOLDS_OFFICE, CHIEF, source="d", at=day(16))
    rec = ng.reconcile([*winner, loser], ng.Policy(trust=None), context=CONTEXT)
    (verdict,) = [v for v in rec.verdicts if v.subject == "kostyukov"]
    assert verdict.status is ng.VerdictStatus.REJECTED
    assert not verdict.positive
    assert verdict.value == CHIEF
    assert sorted(a.id for a in verdict.supporting) == sorted(a.id for a in winner)
    (own,) = [side for side in verdict.sides if side.key.subject == "kostyukov"]
    assert own.status is SideStatus.ELIMINATED
    assert own.eliminated_by == "gerasimov holds office chief"
    assert [a.id for a in verdict.opposing] == [loser.id]
    scores = {side.key.subject: side.score for side in verdict.sides}
    assert verdict.margin == round(scores["gerasimov"] - scores["kostyukov"], 9)
    assert verdict.margin is not None
    assert verdict.margin > 0
    assert round(sum(c.amount for c in verdict.contributions), 6) == round(verdict.margin, 6)
    assert {c.answer for c in verdict.contributions} == {
        "gerasimov holds office chief",
        "kostyukov holds office chief",
    }


def test_of_two_standing_denials_the_stronger_decides_and_the_other_opposes() -> None:
    """ "Not in Ankara" (two reports) and "not in Istanbul" (one), nothing affirmed."""
    ankara = ng.PlaceValue(place=ng.PlaceId("ankara"))
    istanbul = ng.PlaceValue(place=ng.PlaceId("istanbul"))
    not_ankara = [say("talks", P.CITY, ankara, source=s, negative=True) for s in ("a", "b")]
    not_istanbul = say("talks", P.CITY, istanbul, source="c", negative=True)
    rec = ng.reconcile([*not_ankara, not_istanbul], ng.Policy(trust=None))
    (verdict,) = rec.verdicts
    assert verdict.status is ng.VerdictStatus.REJECTED
    assert verdict.value == ankara
    assert sorted(a.id for a in verdict.supporting) == sorted(a.id for a in not_ankara)
    assert [a.id for a in verdict.opposing] == [not_istanbul.id]


def test_a_lead_of_exactly_the_margin_is_not_enough() -> None:
    """Scores 1.25 and 1.0: a lead of 0.25, exactly 0.2 of the leader's score."""
    istanbul = ng.PlaceValue(place=ng.PlaceId("istanbul"))
    ankara = ng.PlaceValue(place=ng.PlaceId("ankara"))
    reports = [
        say("talks", P.CITY, istanbul, source="a1"),
        say("talks", P.CITY, istanbul, source="a2"),
        say("talks", P.CITY, ankara, source="b1"),
    ]
    policy = ng.Policy(rules=(ng.SourceReliability(weights={"source:a2": 0.25}),), trust=None)
    (verdict,) = ng.reconcile(reports, policy).verdicts
    assert sorted(side.score for side in verdict.sides) == [1.0, 1.25]
    assert verdict.status is ng.VerdictStatus.CONTESTED
    raised = ng.SourceReliability(weights={"source:a2": 0.26})
    (settled,) = ng.reconcile(reports, ng.Policy(rules=(raised,), trust=None)).verdicts
    assert settled.status is ng.VerdictStatus.ACCEPTED


def test_an_answer_only_ever_expected_stands_unconfirmed_and_its_rival_falls() -> None:
    expected = ng.Modality.EXPECTED
    istanbul = ng.PlaceValue(place=ng.PlaceId("istanbul"))
    ankara = ng.PlaceValue(place=ng.PlaceId("ankara"))
    reports = [
        say("talks", P.CITY, istanbul, source="a", modality=expected),
        say("talks", P.CITY, istanbul, source="b", modality=expected),
        say("talks", P.CITY, istanbul, source="c", modality=expected),
        say("talks", P.CITY, ankara, source="d", modality=expected),
    ]
    (verdict,) = ng.reconcile(reports, ng.Policy(trust=None)).verdicts
    assert verdict.status is ng.VerdictStatus.UNCONFIRMED
    statuses = {side.value: side.status for side in verdict.sides}
    assert statuses == {istanbul: SideStatus.UNCONFIRMED, ankara: SideStatus.ELIMINATED}


def test_a_standing_denial_does_not_settle_a_contested_question() -> None:
    """ "Not Thursday or Friday" stands (nothing affirms that range), but Thursday and
    Friday are contested between themselves: the question stays contested."""
    thursday = say("talks", P.DATE, date_value("Thursday", day(15)), source="a")
    friday = say("talks", P.DATE, date_value("Friday", day(16)), source="b")
    neither = say("talks", P.DATE, date_value("Thursday or Friday",
                  ng.DateRange(start=day(15), end=day(16))), source="c", negative=True)  # fmt: skip
    (verdict,) = ng.reconcile([thursday, friday, neither], ng.Policy(trust=None)).verdicts
    assert verdict.status is ng.VerdictStatus.CONTESTED
    assert verdict.value is None
