"""Inputs that break a law of tests/reconcile/test_laws.py, kept as explicit cases.

Found by the mutation runs (docs/mutation.md): hypothesis, searching on behalf of
many mutants, stored inputs that failed the unmutated engine too. Each failed until
the engine was fixed (the first: margin 0.1 -> 0.2 of the leader's score).
"""

from __future__ import annotations

import negotiations as ng
from negotiations.reconcile import VerdictStatus
from tests.reconcile._build import actor, date_value, day, say
from tests.reconcile.test_laws import run

P = ng.Predicate
M = ng.Modality


def test_one_confirmed_denial_does_not_overturn_a_head_two_sources_report() -> None:
    at = day(14)
    head = (P.HEAD, actor("person_a"))
    data = [
        say("event_a", P.CHAIR, actor("person_c"), source="source_1", modality=M.EXPECTED, at=at),
        say("event_a", P.CHAIR, actor("person_c"), source="source_2", modality=M.EXPECTED, at=at),
        say(
            "event_a",
            P.DATE,
            date_value("day 15 or 16", ng.DateRange(start=day(15), end=day(16))),
            source="source_1",
            modality=M.EXPECTED,
            at=at,
        ),
        say(
            "delegation_a",
            P.MEMBER,
            actor("person_a"),
            source="source_1",
            modality=M.EXPECTED,
            at=at,
        ),
        say(
            "event_a",
            P.PARTICIPANT,
            actor("person_a"),
            source="source_1",
            modality=M.EXPECTED,
            at=at,
        ),
        say("delegation_a", *head, source="source_1", modality=M.DENIED, at=at),
        say("event_b", P.CHAIR, actor("person_a"), source="source_1", modality=M.EXPECTED, at=at),
        say("delegation_a", *head, source="source_2", at=at),
        say("delegation_a", *head, source="source_3", at=at),
        say("delegation_a", *head, source="source_2", at=at),
    ]
    before = {v.key: v for v in run(data).verdicts}
    (key,) = [k for k in before if (k.subject, k.predicate) == ("delegation_a", "head")]
    assert before[key].status is VerdictStatus.ACCEPTED
    denial = say(
        "delegation_a", *head, source="source_new", modality=M.CONFIRMED, negative=True, at=at
    )
    after = {v.key: v for v in run([*data, denial]).verdicts}[key]
    assert after.status in (VerdictStatus.ACCEPTED, VerdictStatus.CONTESTED)
