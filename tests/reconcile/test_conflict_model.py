"""The conflict model, law by law: which assertions contradict each other and which do not.

Each law is checked on the smallest input: two assertions reconciled together are in
conflict when a verdict records disagreement (``rec.conflicts``). A change to one
branch of the model (issue 12: dropping the time check of single-holder offices
passed every test) fails here. How assertions become claims (``form_claims``: eras,
title windows, the exclusions a complete list implies) is checked on the claims.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

import negotiations as ng
from negotiations.reconcile._claims import (
    Claim,
    ClaimKey,
    form_claims,
    title_window,
    windows_overlap,
)
from tests.reconcile._build import actor, date_value, day, say

P = ng.Predicate
M = ng.Modality
WINDOW = dt.timedelta(days=30)
CONTEXT = ng.Context(single_holder_offices=frozenset({ng.OfficeId("chief")}))


def claims(*assertions: ng.Assertion, context: ng.Context = CONTEXT) -> list[Claim]:
    return form_claims(list(assertions), context, WINDOW)


_sources = itertools.count()


def said(*args: Any, **kwargs: Any) -> ng.Assertion:
    """An assertion from a source of its own (a source may not contradict itself)."""
    return say(*args, source=f"source_{next(_sources)}", **kwargs)


def one_each(*assertions: ng.Assertion) -> tuple[ng.Assertion, ...]:
    return assertions


def conflict(a: ng.Assertion, b: ng.Assertion, context: ng.Context = CONTEXT) -> bool:
    """Do the two disagree (some verdict records the disagreement)? Symmetric by law."""
    both = bool(ng.reconcile([a, b], ng.Policy(trust=None), context=context).conflicts)
    assert bool(ng.reconcile([b, a], ng.Policy(trust=None), context=context).conflicts) is both
    return both


def office(name: str) -> ng.OfficeValue:
    return ng.OfficeValue(office=ng.OfficeId(name))


def position(issue: ng.Issue, stance: ng.Stance) -> ng.PositionValue:
    return ng.PositionValue(issue=issue, stance=stance)


# -- SingleHolderOffices -------------------------------------------------------


def test_two_people_in_one_single_holder_office_at_the_same_time_conflict() -> None:
    a, b = one_each(
        said("gerasimov", P.HOLDS_OFFICE, office("chief"), at=day(15)),
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(16)),
    )
    assert conflict(a, b)


def test_two_people_in_one_single_holder_office_years_apart_do_not_conflict() -> None:
    a, b = one_each(
        said("gerasimov", P.HOLDS_OFFICE, office("chief"), at=day(15, year=2015)),
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15, year=2025)),
    )
    assert not conflict(a, b)


def test_two_people_in_an_office_that_has_several_holders_do_not_conflict() -> None:
    a, b = one_each(
        said("kalin", P.HOLDS_OFFICE, office("deputy"), at=day(15)),
        said("fidan", P.HOLDS_OFFICE, office("deputy"), at=day(15)),
    )
    assert not conflict(a, b)


def test_two_single_holder_offices_do_not_exclude_each_other_by_themselves() -> None:
    context = ng.Context(
        single_holder_offices=frozenset({ng.OfficeId("chief"), ng.OfficeId("head")})
    )
    a, b = one_each(
        said("gerasimov", P.HOLDS_OFFICE, office("chief"), at=day(15)),
        said("kostyukov", P.HOLDS_OFFICE, office("head"), at=day(15)),
    )
    assert not conflict(a, b, context)


def test_a_denied_holder_does_not_compete_for_the_office() -> None:
    a, b = one_each(
        said("gerasimov", P.HOLDS_OFFICE, office("chief"), at=day(15)),
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15), negative=True),
    )
    assert not conflict(a, b)


# -- TimeQualifiedTitles ------------------------------------------------------


def test_holding_and_not_holding_an_office_conflict_only_over_the_same_time() -> None:
    holds, former, former_later = one_each(
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15)),
        said(
            "kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(16), timing=ng.TitleTiming.FORMER
        ),
        said(
            "kostyukov",
            P.HOLDS_OFFICE,
            office("chief"),
            at=day(15, year=2027),
            timing=ng.TitleTiming.FORMER,
        ),
    )
    assert conflict(holds, former)  # "former chief" at T: not chief at T
    assert not conflict(holds, former_later)


def test_two_reports_of_the_same_title_agree() -> None:
    a, b = one_each(
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15)),
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(16)),
    )
    assert not conflict(a, b)


def test_a_title_is_about_its_time_qualifier_widened_by_the_window() -> None:
    stated = say("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15), time=day(1, month=3))
    assert title_window(stated, WINDOW) == (
        dt.datetime(2025, 3, 1) - WINDOW,
        dt.datetime(2025, 3, 2) + WINDOW,
    )
    undated = say("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15))
    assert title_window(undated, dt.timedelta(0)) == (
        dt.datetime(2025, 5, 15),
        dt.datetime(2025, 5, 16),
    )


def test_titles_in_overlapping_windows_share_an_era_and_others_get_their_own() -> None:
    same, overlapping, later = claims(
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(1)),
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(20)),
        said("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15, month=12)),
    )
    assert same.key == overlapping.key
    assert same.key.scope == "2025-04-01/2025-06-19"
    assert later.key.scope == "2025-11-15/2026-01-14"


def test_titles_whose_windows_only_touch_are_separate_eras() -> None:
    # 1 March widened by 30 days ends on 1 April; 1 May widened by 30 days starts there.
    march, may = claims(
        say("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(1, month=3)),
        say("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(1, month=5)),
    )
    assert (march.key.scope, may.key.scope) == ("2025-01-30/2025-03-31", "2025-04-01/2025-05-31")


def test_a_title_with_no_date_at_all_is_its_own_undated_era() -> None:
    dated = say("kostyukov", P.HOLDS_OFFICE, office("chief"), at=day(15))
    undated = ng.Assertion.create(
        **{f: getattr(dated, f) for f in ("source", "subject", "predicate", "value", "evidence")},
        modality=dated.modality,
        qualifiers=dated.qualifiers,
    )
    assert title_window(undated, WINDOW) is None
    (claim,) = claims(undated)
    assert claim.key.scope == "undated"
    assert claims(dated)[0].key.scope == "2025-04-15/2025-06-14"


def test_windows_touching_end_to_start_do_not_overlap_and_unknown_times_do() -> None:
    a = (dt.datetime(2025, 1, 1), dt.datetime(2025, 2, 1))
    b = (dt.datetime(2025, 2, 1), dt.datetime(2025, 3, 1))
    c = (dt.datetime(2025, 1, 31), dt.datetime(2025, 3, 1))
    assert (windows_overlap(a, b), windows_overlap(b, a)) == (False, False)
    assert (windows_overlap(a, c), windows_overlap(c, a)) == (True, True)
    assert (windows_overlap(None, a), windows_overlap(a, None), windows_overlap(None, None)) == (
        True,
        True,
        True,
    )


# -- single-valued questions and CompatibleValues ------------------------------


def test_two_different_answers_to_a_single_valued_question_conflict() -> None:
    a, b = one_each(said("talks", P.CHAIR, actor("fidan")), said("talks", P.CHAIR, actor("lavrov")))
    assert conflict(a, b)


def test_an_answer_and_its_denial_conflict() -> None:
    a, b = one_each(
        said("talks", P.CHAIR, actor("fidan")),
        said("talks", P.CHAIR, actor("fidan"), negative=True),
    )
    assert conflict(a, b)


def test_a_less_precise_date_does_not_contradict_a_precise_one() -> None:
    either = ng.DateRange(start=day(15), end=day(16))
    a, b, c = one_each(
        said("talks", P.DATE, date_value("Thursday or Friday", either)),
        said("talks", P.DATE, date_value("Friday", day(16))),
        said("talks", P.DATE, date_value("Wednesday", day(14))),
    )
    assert not conflict(a, b)
    assert conflict(a, c)
    assert conflict(b, c)


def test_claims_about_different_questions_never_conflict() -> None:
    a, b = one_each(
        said("talks", P.CHAIR, actor("fidan")), said("summit", P.CHAIR, actor("lavrov"))
    )
    assert not conflict(a, b)
    c, d = one_each(
        said("talks", P.CHAIR, actor("fidan")),
        said("talks", P.CITY, ng.PlaceValue(place=ng.PlaceId("istanbul"))),
    )
    assert not conflict(c, d)


# -- OpposingStances ----------------------------------------------------------


def test_favourable_and_unfavourable_stances_of_one_holder_on_one_issue_conflict() -> None:
    demand, reject, accept, other_issue, other_holder = one_each(
        said("ukraine", P.POSITION, position(ng.Issue.CEASEFIRE, ng.Stance.DEMAND)),
        said("ukraine", P.POSITION, position(ng.Issue.CEASEFIRE, ng.Stance.REJECT)),
        said("ukraine", P.POSITION, position(ng.Issue.CEASEFIRE, ng.Stance.ACCEPT)),
        said("ukraine", P.POSITION, position(ng.Issue.TERRITORY, ng.Stance.REJECT)),
        said("russia", P.POSITION, position(ng.Issue.CEASEFIRE, ng.Stance.REJECT)),
    )
    assert conflict(demand, reject)
    assert not conflict(demand, accept)  # the same side
    assert not conflict(demand, other_issue)
    assert not conflict(demand, other_holder)


def test_a_denied_stance_does_not_oppose_the_other_side() -> None:
    demand, not_reject = one_each(
        said("ukraine", P.POSITION, position(ng.Issue.CEASEFIRE, ng.Stance.DEMAND)),
        said("ukraine", P.POSITION, position(ng.Issue.CEASEFIRE, ng.Stance.REJECT), negative=True),
    )
    assert not conflict(demand, not_reject)


# -- CompleteLists -------------------------------------------------------------


def members(
    *names: str, source: str, complete: bool | None = True, **kw: object
) -> list[ng.Assertion]:
    return [
        say("delegation", P.MEMBER, actor(n), source=source, complete=complete, **kw)  # type: ignore[arg-type]
        for n in names
    ]


def excluded(formed: list[Claim]) -> set[tuple[str, str]]:
    """(left-out member, source of the list) of every exclusion a complete list implies."""
    return {
        (c.key.value, c.source)
        for c in formed
        if c.implied_by == "CompleteLists" and not c.positive
    }


def test_a_complete_list_opposes_every_member_it_leaves_out() -> None:
    formed = claims(
        *members("umerov", "kyslytsia", source="list"),
        *members("umerov", "poklad", "luhovskyi", source="other", complete=None),
    )
    assert excluded(formed) == {
        (actor("poklad").key(), "list"),
        (actor("luhovskyi").key(), "list"),
    }


def test_the_member_a_complete_list_leaves_out_is_opposed_by_that_list() -> None:
    data = [
        *members("umerov", "kyslytsia", source="list"),
        *members("poklad", source="other", complete=None),
    ]
    rec = ng.reconcile(data, ng.Policy(trust=None), context=CONTEXT)
    (poklad,) = [v for v in rec.verdicts if v.key.value == actor("poklad").key()]
    # One source says he was a member, one list says he was not: neither outweighs.
    assert poklad.status is ng.VerdictStatus.CONTESTED
    assert sorted(side.label for side in poklad.sides) == [
        "NOT delegation member poklad",
        "delegation member poklad",
    ]


def test_a_list_not_presented_as_complete_opposes_nobody() -> None:
    formed = claims(
        *members("umerov", source="a", complete=None),
        *members("poklad", source="b", complete=False),
    )
    assert excluded(formed) == set()


def test_an_expected_list_opposes_nobody() -> None:
    formed = claims(
        *members("umerov", source="list", modality=M.EXPECTED),
        *members("poklad", source="other", complete=None),
    )
    assert excluded(formed) == set()


def test_the_head_counts_as_on_the_list_of_the_same_source() -> None:
    formed = claims(
        *members("kyslytsia", source="list"),
        say("delegation", P.HEAD, actor("umerov"), source="list"),
        *members("umerov", source="other", complete=None),
    )
    assert excluded(formed) == set()


def test_a_denied_member_is_neither_on_a_list_nor_left_out() -> None:
    formed = claims(
        *members("umerov", source="list"),
        say("delegation", P.MEMBER, actor("poklad"), source="other", negative=True),
    )
    assert excluded(formed) == set()


def test_a_denial_read_first_does_not_hide_a_complete_list() -> None:
    formed = claims(
        say("delegation", P.MEMBER, actor("medinsky"), source="third", negative=True),
        *members("umerov", source="list"),
        *members("poklad", source="other", complete=None),
    )
    assert excluded(formed) == {(actor("poklad").key(), "list")}


# -- keys ----------------------------------------------------------------------


def test_a_claim_key_reads_as_its_question() -> None:
    key = ClaimKey("kostyukov", "holds_office", "chief", "2025-04-15/2025-06-14")
    assert str(key) == "kostyukov holds_office chief @2025-04-15/2025-06-14"
    assert str(ClaimKey("talks", "chair")) == "talks chair"
    assert key.question == ("kostyukov", "holds_office", "chief")
    assert key.order == ("kostyukov", "holds_office", "chief", "2025-04-15/2025-06-14")


@pytest.mark.parametrize("reverse", [False, True])
def test_claims_come_out_in_one_order_whatever_the_input_order(reverse: bool) -> None:
    data = [
        say("talks", P.CHAIR, actor("fidan")),
        say("talks", P.CHAIR, actor("lavrov")),
        *members("umerov", source="list"),
        *members("poklad", source="other", complete=None),
    ]
    assert claims(*(reversed(data) if reverse else data)) == claims(*data)
