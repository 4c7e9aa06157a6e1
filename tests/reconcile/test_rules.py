"""One small hand-made case per rule of the default policy and per conflict-model step."""

from __future__ import annotations

from typing import Any

import pytest

import negotiations as ng
from negotiations.reconcile import Candidate, Decision, VerdictStatus
from negotiations.reconcile._claims import PROSPECTIVE

from ._build import actor, date_value, day, say

P = ng.Predicate
M = ng.Modality
CONTEXT = ng.Context(
    single_holder_offices=frozenset({ng.OfficeId("chief")}),
    delegation_events={ng.EntityId("talks_ru"): (ng.EventId("talks"), ng.ActorId("russia"))},
)


def only(*rules: ng.Rule) -> ng.Policy:
    return ng.Policy(rules=tuple(rules))


def verdict(rec: ng.Reconciliation, subject: str, predicate: str, value: str = "") -> ng.Verdict:
    found = [v for v in rec.about(subject, predicate) if not value or v.key.value == value]
    assert len(found) == 1, found
    return found[0]


def decided_by(v: ng.Verdict) -> set[str]:
    return {step.rule for step in v.trace if step.decision.startswith("prefers")}


# -- preference rules ---------------------------------------------------------


def test_after_event_reports_outrank_earlier_expectations() -> None:
    data = [
        say("talks", P.DATE, date_value("Thursday", day(15)), source="before", modality=M.EXPECTED),
        say(
            "talks", P.DATE, date_value("Thursday", day(15)), source="before2", modality=M.EXPECTED
        ),
        say(
            "talks",
            P.STATUS,
            ng.StatusValue(status=ng.MeetingStatus.HELD),
            source="after",
            at=day(16),
        ),
        say("talks", P.DATE, date_value("on Friday", day(16)), source="after", at=day(16)),
    ]
    rec = ng.reconcile(data, only(ng.AfterEventOverBefore()), context=CONTEXT)
    v = verdict(rec, "talks", "date")
    assert v.status is VerdictStatus.ACCEPTED
    assert v.value == date_value("on Friday", day(16))
    assert decided_by(v) == {"AfterEventOverBefore"}
    assert {a.source for a in v.opposing} == {"before", "before2"}


def test_after_event_rule_covers_delegations_of_the_event() -> None:
    data = [
        say("talks", P.STATUS, ng.StatusValue(status=ng.MeetingStatus.HELD), source="after"),
        say("talks_ru", P.HEAD, actor("medinsky"), source="after"),
        say("talks_ru", P.HEAD, actor("lavrov"), source="before", modality=M.REPORTED),
    ]
    rec = ng.reconcile(data, only(ng.AfterEventOverBefore()), context=CONTEXT)
    assert verdict(rec, "talks_ru", "head").value == actor("medinsky")


def test_after_event_rule_abstains_where_no_source_reports_the_event_held() -> None:
    data = [
        say("talks", P.CHAIR, actor("a"), source="s1"),
        say("talks", P.CHAIR, actor("b"), source="s2"),
    ]
    rec = ng.reconcile(data, only(ng.AfterEventOverBefore()), context=CONTEXT)
    assert verdict(rec, "talks", "chair").status is VerdictStatus.CONTESTED


def test_modality_rank_prefers_reported_over_speculated() -> None:
    data = [
        say("talks", P.CHAIR, actor("fidan"), source="s1", modality=M.REPORTED),
        say("talks", P.CHAIR, actor("erdogan"), source="s2", modality=M.SPECULATED),
        say("talks", P.CHAIR, actor("erdogan"), source="s3", modality=M.SPECULATED),
    ]
    rec = ng.reconcile(data, only(ng.ModalityRank()), context=CONTEXT)
    v = verdict(rec, "talks", "chair")
    assert v.value == actor("fidan")
    assert decided_by(v) == {"ModalityRank"}


def test_a_denial_by_the_party_concerned_ranks_as_confirmation() -> None:
    claim = say(
        "putin",
        P.HOLDS_OFFICE,
        ng.OfficeValue(office=ng.OfficeId("tsar")),
        source="s1",
        modality=M.CONFIRMED,
    )
    denial = say(
        "putin",
        P.HOLDS_OFFICE,
        ng.OfficeValue(office=ng.OfficeId("tsar")),
        source="s2",
        modality=M.DENIED,
        quoted="putin",
    )
    third_party_denial = say(
        "putin",
        P.HOLDS_OFFICE,
        ng.OfficeValue(office=ng.OfficeId("tsar")),
        source="s3",
        modality=M.DENIED,
        quoted="someone",
    )
    tied = ng.reconcile([claim, denial], only(ng.ModalityRank()), context=CONTEXT)
    assert verdict(tied, "putin", "holds_office").status is VerdictStatus.CONTESTED
    lost = ng.reconcile([claim, third_party_denial], only(ng.ModalityRank()), context=CONTEXT)
    assert verdict(lost, "putin", "holds_office").status is VerdictStatus.ACCEPTED


def test_first_party_statements_about_their_own_delegation_prevail() -> None:
    data = [
        say("talks_ru", P.HEAD, actor("lavrov"), source="s1"),
        say("talks_ru", P.HEAD, actor("lavrov"), source="s2"),
        say(
            "talks_ru",
            P.HEAD,
            actor("medinsky"),
            source="s3",
            modality=M.CLAIMED,
            quoted="peskov",
            on_behalf_of="russia",
        ),
    ]
    rec = ng.reconcile(data, only(ng.FirstPartyStatements()), context=CONTEXT)
    v = verdict(rec, "talks_ru", "head")
    assert v.value == actor("medinsky")
    assert decided_by(v) == {"FirstPartyStatements"}


def test_independent_corroboration_counts_origins_not_sentences() -> None:
    two_sources = [
        say("talks", P.CHAIR, actor("a"), source="s1"),
        say("talks", P.CHAIR, actor("a"), source="s2"),
        say("talks", P.CHAIR, actor("b"), source="s3"),
    ]
    rec = ng.reconcile(two_sources, only(ng.IndependentCorroboration()), context=CONTEXT)
    assert verdict(rec, "talks", "chair").value == actor("a")

    one_source_twice = [
        say("talks", P.CHAIR, actor("a"), source="s1"),
        say("talks", P.CHAIR, actor("a"), source="s1"),
        say("talks", P.CHAIR, actor("b"), source="s3"),
    ]
    rec = ng.reconcile(one_source_twice, only(ng.IndependentCorroboration()), context=CONTEXT)
    assert verdict(rec, "talks", "chair").status is VerdictStatus.CONTESTED

    one_speaker_twice = [
        say("talks", P.CHAIR, actor("a"), source="s1", quoted="peskov"),
        say("talks", P.CHAIR, actor("a"), source="s2", quoted="peskov"),
        say("talks", P.CHAIR, actor("b"), source="s3"),
    ]
    rec = ng.reconcile(one_speaker_twice, only(ng.IndependentCorroboration()), context=CONTEXT)
    assert verdict(rec, "talks", "chair").status is VerdictStatus.CONTESTED


def test_source_reliability_weights_decide_a_tie() -> None:
    data = [
        say("talks", P.CHAIR, actor("a"), source="wire"),
        say("talks", P.CHAIR, actor("b"), source="blog"),
    ]
    equal = ng.reconcile(data, only(ng.SourceReliability()), context=CONTEXT)
    assert verdict(equal, "talks", "chair").status is VerdictStatus.CONTESTED
    trusted = ng.reconcile(
        data, only(ng.SourceReliability(weights={"source:wire": 2.0})), context=CONTEXT
    )
    v = verdict(trusted, "talks", "chair")
    assert v.value == actor("a")
    assert decided_by(v) == {"SourceReliability"}


def test_earlier_rules_decide_before_later_ones() -> None:
    data = [
        say("talks", P.CHAIR, actor("a"), source="s1", modality=M.CONFIRMED),
        say("talks", P.CHAIR, actor("b"), source="s2", modality=M.REPORTED),
        say("talks", P.CHAIR, actor("b"), source="s3", modality=M.REPORTED),
    ]
    rec = ng.reconcile(data, context=CONTEXT)
    v = verdict(rec, "talks", "chair")
    assert v.value == actor("a")
    assert decided_by(v) == {"ModalityRank"}


# -- the conflict model ---------------------------------------------------------


def test_compatible_values_are_subsumed_not_opposed() -> None:
    either = date_value("Thursday or Friday", ng.DateRange(start=day(15), end=day(16)))
    friday = date_value("Friday", day(16))
    rec = ng.reconcile(
        [say("talks", P.DATE, either, source="s1"), say("talks", P.DATE, friday, source="s2")],
        context=CONTEXT,
    )
    v = verdict(rec, "talks", "date")
    assert v.status is VerdictStatus.ACCEPTED
    assert v.value == friday
    assert v.opposing == ()
    assert {a.source for a in v.supporting} == {"s1", "s2"}
    assert v.trace == ()


def test_former_title_conflicts_with_a_current_one_about_the_same_time() -> None:
    office = ng.OfficeValue(office=ng.OfficeId("secstate"))
    data = [
        say("rubio", P.HOLDS_OFFICE, office, source="s1"),
        say("rubio", P.HOLDS_OFFICE, office, source="s2", at=day(16)),
        say("rubio", P.HOLDS_OFFICE, office, source="s3", timing=ng.TitleTiming.FORMER),
    ]
    v = verdict(ng.reconcile(data, context=CONTEXT), "rubio", "holds_office")
    assert v.status is VerdictStatus.ACCEPTED
    assert v.positive
    assert {a.source for a in v.opposing} == {"s3"}


def test_then_title_about_another_time_does_not_conflict() -> None:
    office = ng.OfficeValue(office=ng.OfficeId("uk_pm"))
    data = [
        say(
            "johnson",
            P.HOLDS_OFFICE,
            office,
            source="s1",
            timing=ng.TitleTiming.THEN,
            time=ng.PartialDate(year=2022, month=3),
        ),
        say("johnson", P.HOLDS_OFFICE, office, source="s2", timing=ng.TitleTiming.FORMER),
    ]
    verdicts = ng.reconcile(data, context=CONTEXT).about("johnson", "holds_office")
    assert len(verdicts) == 2  # two eras, two questions
    assert {(v.status, v.positive) for v in verdicts} == {
        (VerdictStatus.ACCEPTED, True),
        (VerdictStatus.REJECTED, False),
    }
    assert all(v.opposing == () for v in verdicts)


def test_two_holders_of_a_single_holder_office_conflict() -> None:
    chief = ng.OfficeValue(office=ng.OfficeId("chief"))
    data = [
        say("kostyukov", P.HOLDS_OFFICE, chief, source="s1"),
        say("gerasimov", P.HOLDS_OFFICE, chief, source="s2"),
    ]
    rec = ng.reconcile(data, context=CONTEXT)
    for person, rival in (("kostyukov", "s2"), ("gerasimov", "s1")):
        v = verdict(rec, person, "holds_office")
        assert v.status is VerdictStatus.CONTESTED
        assert {a.source for a in v.opposing} == {rival}
        assert len(v.sides) == 2


def test_a_corroborated_holder_unseats_a_rival_for_a_single_holder_office() -> None:
    chief = ng.OfficeValue(office=ng.OfficeId("chief"))
    data = [
        say("gerasimov", P.HOLDS_OFFICE, chief, source="s1"),
        say("gerasimov", P.HOLDS_OFFICE, chief, source="s2"),
        say("kostyukov", P.HOLDS_OFFICE, chief, source="s3"),
    ]
    rec = ng.reconcile(data, context=CONTEXT)
    assert verdict(rec, "gerasimov", "holds_office").status is VerdictStatus.ACCEPTED
    loser = verdict(rec, "kostyukov", "holds_office")
    assert loser.status is VerdictStatus.REJECTED
    assert {a.source for a in loser.opposing} == {"s3"}


def test_distinct_offices_held_at_once_do_not_conflict() -> None:
    data = [
        say(
            "kostyukov", P.HOLDS_OFFICE, ng.OfficeValue(office=ng.OfficeId("gru_head")), source="s1"
        ),
        say(
            "kostyukov",
            P.HOLDS_OFFICE,
            ng.OfficeValue(office=ng.OfficeId("deputy_chief")),
            source="s2",
        ),
    ]
    verdicts = ng.reconcile(data, context=CONTEXT).about("kostyukov", "holds_office")
    assert [v.status for v in verdicts] == [VerdictStatus.ACCEPTED, VerdictStatus.ACCEPTED]


def test_many_holders_of_a_multi_holder_office_coexist() -> None:
    deputy = ng.OfficeValue(office=ng.OfficeId("deputy_minister"))
    data = [
        say("galuzin", P.HOLDS_OFFICE, deputy, source="s1"),
        say("fomin", P.HOLDS_OFFICE, deputy, source="s2"),
    ]
    rec = ng.reconcile(data, context=CONTEXT)
    assert all(v.status is VerdictStatus.ACCEPTED for v in rec.verdicts)


def test_a_complete_list_after_the_event_excludes_members_announced_before() -> None:
    data = [
        say("talks", P.STATUS, ng.StatusValue(status=ng.MeetingStatus.HELD), source="after"),
        say("talks_ru", P.MEMBER, actor("galuzin"), source="after", complete=True),
        say("talks_ru", P.MEMBER, actor("fomin"), source="after", complete=True),
        say(
            "talks_ru",
            P.MEMBER,
            actor("lavrov"),
            source="before",
            modality=M.EXPECTED,
            complete=False,
        ),
        say(
            "talks_ru",
            P.MEMBER,
            actor("fomin"),
            source="before",
            modality=M.EXPECTED,
            complete=False,
        ),
    ]
    rec = ng.reconcile(data, context=CONTEXT)
    lavrov = verdict(rec, "talks_ru", "member", "lavrov")
    assert lavrov.status is VerdictStatus.REJECTED
    assert {a.source for a in lavrov.supporting} == {"after"}
    assert verdict(rec, "talks_ru", "member", "fomin").status is VerdictStatus.ACCEPTED


def test_a_partial_list_excludes_nobody() -> None:
    data = [
        say("talks_ru", P.MEMBER, actor("galuzin"), source="s1", complete=False),
        say("talks_ru", P.MEMBER, actor("lavrov"), source="s2"),
    ]
    rec = ng.reconcile(data, context=CONTEXT)
    assert all(v.status is VerdictStatus.ACCEPTED and v.opposing == () for v in rec.verdicts)


def test_opposite_stances_on_one_issue_conflict_and_same_side_ones_coexist() -> None:
    def stance(s: ng.Stance) -> ng.PositionValue:
        return ng.PositionValue(issue=ng.Issue.CEASEFIRE, stance=s)

    data = [
        say("ukraine", P.POSITION, stance(ng.Stance.DEMAND), source="s1"),
        say("ukraine", P.POSITION, stance(ng.Stance.SUPPORT), source="s2"),
        say("ukraine", P.POSITION, stance(ng.Stance.REJECT), source="s3"),
    ]
    rec = ng.reconcile(data, only(ng.IndependentCorroboration()), context=CONTEXT)
    statuses = {v.key.value: v.status for v in rec.about("ukraine", "position")}
    assert statuses == {
        "ceasefire:demand": VerdictStatus.CONTESTED,
        "ceasefire:support": VerdictStatus.CONTESTED,
        "ceasefire:reject": VerdictStatus.CONTESTED,
    }


def test_claims_only_ever_expected_are_unconfirmed() -> None:
    data = [
        say("talks", P.PARTICIPANT, actor("trump"), source=s, modality=M.EXPECTED)
        for s in ("s1", "s2")
    ]
    v = verdict(ng.reconcile(data, context=CONTEXT), "talks", "participant", "trump")
    assert v.status is VerdictStatus.UNCONFIRMED
    assert M.EXPECTED in PROSPECTIVE


def test_a_reported_absence_is_a_rejected_participation() -> None:
    data = [say("talks", P.PARTICIPANT, actor("putin"), source="s1", negative=True)]
    v = verdict(ng.reconcile(data, context=CONTEXT), "talks", "participant", "putin")
    assert v.status is VerdictStatus.REJECTED
    assert not v.positive


# -- policies and custom rules -----------------------------------------------


class PreferNamedSpeakers:
    """Answers quoted from a named speaker outrank unattributed ones."""

    name = "PreferNamedSpeakers"

    def prepare(self, claims: Any, context: ng.Context) -> None:
        return None

    def compare(self, a: Candidate, b: Candidate, statistics: Any, context: ng.Context) -> Decision:
        def named(c: Candidate) -> bool:
            return any(claim.assertion.attribution.quoted for claim in c.claims)

        if named(a) != named(b):
            return Decision(0 if named(a) else 1, "one side is quoted from a named speaker")
        return Decision(None, "both or neither quoted")


def test_a_custom_rule_plugs_in_through_the_protocol() -> None:
    rule = PreferNamedSpeakers()
    assert isinstance(rule, ng.Rule)
    policy = ng.Policy().with_rule(rule, before="ModalityRank")
    assert (
        policy.rule_names.index("PreferNamedSpeakers")
        == policy.rule_names.index("ModalityRank") - 1
    )
    data = [
        say("talks", P.CHAIR, actor("a"), source="s1", modality=M.CONFIRMED),
        say("talks", P.CHAIR, actor("b"), source="s2", quoted="fidan"),
    ]
    v = verdict(ng.reconcile(data, policy, context=CONTEXT), "talks", "chair")
    assert v.value == actor("b")
    assert decided_by(v) == {"PreferNamedSpeakers"}


def test_rule_statistics_are_computed_once_over_the_whole_input() -> None:
    seen: list[int] = []

    class Counting(PreferNamedSpeakers):
        name = "Counting"

        def prepare(self, claims: Any, context: ng.Context) -> None:
            seen.append(len(list(claims)))

    data = [say("talks", P.CHAIR, actor(x), source=x) for x in ("a", "b", "c")]
    ng.reconcile(data, ng.Policy(rules=(Counting(),)), context=CONTEXT)
    assert seen == [3]


def test_policies_reject_duplicate_and_malformed_rules() -> None:
    with pytest.raises(ng.PolicyError, match="unique"):
        ng.Policy(rules=(ng.ModalityRank(), ng.ModalityRank()))
    with pytest.raises(ng.PolicyError, match="protocol"):
        ng.Policy(rules=(object(),))  # type: ignore[arg-type]
    with pytest.raises(ng.PolicyError, match="no rule named"):
        ng.Policy().without("Nope")
    assert "ModalityRank" not in ng.Policy().without("ModalityRank").rule_names


def test_claims_keep_their_assertion() -> None:
    a = say("talks", P.CHAIR, actor("a"))
    v = verdict(ng.reconcile([a], context=CONTEXT), "talks", "chair")
    assert v.supporting == (a,)


def test_two_different_assertions_under_one_id_are_refused() -> None:
    a = say("talks", P.CHAIR, actor("a"), modality=M.REPORTED)
    b = ng.Assertion.create(
        source=a.source,
        subject=a.subject,
        predicate=a.predicate,
        value=a.value,
        evidence=a.evidence,
        modality=M.EXPECTED,
        asserted_at=a.asserted_at,
    )
    assert a.id == b.id
    assert a != b
    with pytest.raises(ng.ReconciliationError, match="different assertions"):
        ng.reconcile([a, b], context=CONTEXT)
    assert len(ng.reconcile([a, a], context=CONTEXT).verdicts) == 1


def test_an_article_and_a_speaker_it_quotes_are_one_origin() -> None:
    data = [
        say("talks", P.CHAIR, actor("a"), source="s1"),
        say("talks", P.CHAIR, actor("a"), source="s1", quoted="fidan"),
        say("talks", P.CHAIR, actor("b"), source="s2"),
    ]
    rec = ng.reconcile(data, only(ng.IndependentCorroboration()), context=CONTEXT)
    assert verdict(rec, "talks", "chair").status is VerdictStatus.CONTESTED


def test_an_actors_own_word_on_its_participation_is_first_party() -> None:
    data = [
        say("talks", P.PARTICIPANT, actor("zelenskyy"), source="s1"),
        say("talks", P.PARTICIPANT, actor("zelenskyy"), source="s2"),
        say(
            "talks",
            P.PARTICIPANT,
            actor("zelenskyy"),
            source="s3",
            negative=True,
            quoted="zelenskyy",
            modality=M.CLAIMED,
        ),
    ]
    rec = ng.reconcile(data, only(ng.FirstPartyStatements()), context=CONTEXT)
    assert verdict(rec, "talks", "participant", "zelenskyy").status is VerdictStatus.REJECTED


def test_rule_parameters_and_decisions_are_validated() -> None:
    with pytest.raises(ng.PolicyError, match="missing"):
        ng.ModalityRank(ranks={M.REPORTED: 1})
    with pytest.raises(ng.PolicyError, match="no rule named"):
        ng.Policy().with_rule(PreferNamedSpeakers(), before="Nope")
    with pytest.raises(ng.PolicyError, match="prefer"):
        Decision(2, "bad")
