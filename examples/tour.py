"""A tour of the seed corpus: what the reconciled record says about the Istanbul talks.

Run it from anywhere::

    python examples/tour.py

It uses the seed corpus bundled with the package, so it needs no arguments.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from collections.abc import Iterable

import negotiations as ng

TALKS = "istanbul_talks_2025"
DAY_OF_TALKS = dt.date(2025, 5, 16)


def heading(title: str) -> None:
    print(f"\n{title}\n{'-' * len(title)}")


def names(actors: Iterable[ng.Actor]) -> str:
    return ", ".join(actor.name for actor in actors) or "-"


def show_overview(corpus: ng.Corpus, rec: ng.Reconciliation) -> None:
    heading("Corpus and policy")
    print(f"corpus:   {corpus.summary()}")
    print(f"policy:   {' > '.join(rec.policy_rules)}")
    counts = Counter(verdict.status.value for verdict in rec.verdicts)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(
        f"verdicts: {len(rec.verdicts)} ({summary}); {len(rec.conflicts)} had conflicting evidence"
    )


def show_meeting(meeting: ng.Meeting) -> None:
    heading(f"Meeting: {meeting.name}")
    print(f"date:         {meeting.date}")
    print(f"status:       {meeting.status.value if meeting.status else '?'}")
    print(f"mode:         {meeting.mode.value if meeting.mode else '?'}")
    print(f"city:         {meeting.city.name if meeting.city else '?'}")
    print(f"venue:        {meeting.venue.name if meeting.venue else '?'}")
    print(f"host:         {meeting.host.name if meeting.host else '?'}")
    print(f"chair:        {meeting.chair.name if meeting.chair else '?'}")
    print(f"duration:     {meeting.duration if meeting.duration else '?'}")
    print(f"parties:      {names(meeting.parties)}")
    print(f"participants: {names(meeting.participants)}")


def show_delegations(meeting: ng.Meeting) -> None:
    heading("Delegations")
    for delegation in meeting.delegations:
        head = delegation.head.name if delegation.head else "?"
        print(f"{delegation.party.name}: head {head}; members {names(delegation.members)}")
        if delegation.appointed_by is not None:
            print(f"    appointed by {delegation.appointed_by.name}")


def show_absent(meeting: ng.Meeting) -> None:
    heading("Not attending (a denial stands)")
    for actor in meeting.absent:
        print(f"* {actor.name}")


def show_contested(rec: ng.Reconciliation) -> None:
    heading("Contested verdicts (the rules cannot decide)")
    for verdict in rec.contested:
        print(f"* {verdict.key}")
        for side in verdict.sides:
            sources = ", ".join(sorted({a.source for a in side.assertions}))
            print(f"    {side.status.value:<10} {side.label}  <- {sources}")


def show_explanation(rec: ng.Reconciliation) -> None:
    heading("Why the talks are dated Friday 16 May")
    print(rec.explain(TALKS, "date"))


def show_offices(rec: ng.Reconciliation) -> None:
    heading(f"Igor Kostyukov's offices on {DAY_OF_TALKS}")
    for office in rec.offices("Igor Kostyukov", at=DAY_OF_TALKS):
        print(f"* {office.name}")
    holder = rec.holder("russia_chief_of_general_staff", at=DAY_OF_TALKS)
    print(f"Chief of the General Staff: {holder.name if holder else 'unknown or contested'}")


def show_holder(rec: ng.Reconciliation) -> None:
    heading("Who is US Secretary of State")
    holder = rec.holder("us_secretary_of_state", at=DAY_OF_TALKS)
    print(f"on {DAY_OF_TALKS}: {holder.name if holder else 'unknown or contested'}")
    verdict = next(
        v
        for v in rec.about("Marco Rubio", "holds_office")
        if v.key.value == "us_secretary_of_state"
    )
    # Each rule's signed contribution; together they add up to the winning margin.
    print(f"verdict: {verdict.status.value}, margin {verdict.margin:.2f}:")
    for contribution in verdict.contributions:
        print(
            textwrap.fill(str(contribution), 100, initial_indent="    ", subsequent_indent="      ")
        )


def show_positions(rec: ng.Reconciliation, *holders: str) -> None:
    heading("Positions")
    for position in rec.positions:
        if position.holder.id in holders:
            print(f"{position.holder.name} {position.stance.value}s {position.issue.value}")
            for terms in position.terms:
                print(f"    - {terms}")


def main() -> None:
    corpus = ng.load_corpus()  # the bundled seed corpus
    rec = ng.reconcile(corpus)  # the default policy
    meeting = rec.meeting(TALKS)
    show_overview(corpus, rec)
    show_meeting(meeting)
    show_delegations(meeting)
    show_absent(meeting)
    show_contested(rec)
    show_explanation(rec)
    show_offices(rec)
    show_holder(rec)
    show_positions(rec, "ukraine", "russia")


if __name__ == "__main__":
    main()
