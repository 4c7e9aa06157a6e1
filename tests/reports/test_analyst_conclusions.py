"""What a careful analyst concludes from the seed articles plus the 17 reports (issue 8).

These are outcomes of the general rules on a development set, not rules tuned to it:
each test names the evidence that should carry the conclusion.
"""

from __future__ import annotations

import datetime as dt

import pytest

import negotiations as ng
from negotiations.reconcile import VerdictStatus

FRIDAY = dt.date(2025, 5, 16)
TALKS = "istanbul_talks_2025"


@pytest.fixture(scope="module")
def corpus() -> ng.Corpus:
    return ng.load_corpus(ng.bundled_corpus_path(), ng.bundled_corpus_path("reports"))


@pytest.fixture(scope="module")
def rec(corpus: ng.Corpus) -> ng.Reconciliation:
    return ng.reconcile(corpus)


def accepted(rec: ng.Reconciliation, subject: str, predicate: str) -> ng.Value:
    verdict = rec.verdict(subject, predicate)
    assert verdict is not None, (subject, predicate)
    assert verdict.status is VerdictStatus.ACCEPTED, verdict
    assert verdict.value is not None
    return verdict.value


def clock(hour: int, minute: int) -> ng.ClockValue:
    return ng.ClockValue(text=f"{hour}:{minute:02d}", time=ng.ClockTime(hour=hour, minute=minute))


def test_the_talks_began_on_friday_16_may_not_thursday(rec: ng.Reconciliation) -> None:
    meeting = rec.meeting(TALKS)
    assert meeting.date == FRIDAY
    verdict = rec.verdict(TALKS, "date")
    assert verdict is not None
    assert verdict.status is VerdictStatus.ACCEPTED
    assert verdict.opposing, "the Thursday expectations stay on record as opposing evidence"


def test_the_talks_were_at_the_dolmabahce_office_opened_by_fidan(
    rec: ng.Reconciliation,
) -> None:
    meeting = rec.meeting(TALKS)
    assert meeting.venue is not None
    assert "Dolmabahçe" in meeting.venue.name
    assert meeting.chair is not None
    assert meeting.chair.name == "Hakan Fidan"


def test_the_talks_ran_from_about_13_35_to_about_15_20_under_two_hours(
    rec: ng.Reconciliation,
) -> None:
    start = accepted(rec, TALKS, "start_time")
    end = accepted(rec, TALKS, "end_time")
    assert start.compatible(clock(13, 35))
    assert end.compatible(clock(15, 20))
    assert end.compatible(clock(15, 30))
    duration = accepted(rec, TALKS, "duration")
    under_two_hours = ng.DurationValue(
        text="under two hours", duration=ng.Duration(hours=2, bound=ng.Bound.UNDER)
    )
    assert under_two_hours.contains(duration)


def test_a_separate_turkiye_us_ukraine_meeting_took_place_that_morning_with_rubio(
    rec: ng.Reconciliation,
) -> None:
    meeting = rec.meeting("us_turkey_ukraine_meeting_istanbul")
    assert meeting.date == FRIDAY
    start = accepted(rec, "us_turkey_ukraine_meeting_istanbul", "start_time")
    assert isinstance(start, ng.ClockValue)
    assert start.time.hour < 12
    attendees = {a.name for a in meeting.participants}
    assert "Marco Rubio" in attendees


def test_a_report_placing_that_meeting_on_the_15th_is_outweighed(
    rec: ng.Reconciliation,
) -> None:
    verdict = rec.verdict("us_turkey_ukraine_meeting_istanbul", "date")
    assert verdict is not None
    assert verdict.status is VerdictStatus.ACCEPTED
    assert "r12" in {a.source for a in verdict.opposing}
    assert "r12" not in {a.source for a in verdict.supporting}


def test_rubio_and_us_officials_were_not_at_the_russia_ukraine_table(
    rec: ng.Reconciliation,
) -> None:
    absent = {a.name for a in rec.meeting(TALKS).absent}
    assert {"Marco Rubio", "United States"} <= absent
    present = {a.name for a in rec.meeting(TALKS).participants}
    assert "Marco Rubio" not in present


def test_fidan_met_the_russian_delegation_separately_on_the_15th(
    rec: ng.Reconciliation,
) -> None:
    meeting = rec.meeting("fidan_russian_delegation_meeting")
    assert meeting.date == dt.date(2025, 5, 15)
    assert meeting.status is ng.MeetingStatus.HELD


def test_the_russian_delegation(rec: ng.Reconciliation) -> None:
    russia = rec.meeting(TALKS).delegation(ng.ActorId("russia"))
    assert russia is not None
    assert russia.head is not None
    assert russia.head.name == "Vladimir Medinsky"
    assert {"Mikhail Galuzin", "Alexander Fomin", "Igor Kostyukov"} <= {
        m.name for m in russia.members
    }
    experts = [
        v
        for v in rec.about("istanbul_talks_2025_russia", "support_staff")
        if v.status is VerdictStatus.ACCEPTED
    ]
    assert experts


def test_kostyukov_heads_the_gru_and_gerasimov_is_chief_of_the_general_staff(
    corpus: ng.Corpus, rec: ng.Reconciliation
) -> None:
    offices = {o.id for o in rec.offices(corpus.actor("Kostyukov"), at=FRIDAY)}
    assert "russia_gru_head" in offices
    assert "russia_chief_of_general_staff" not in offices
    chief = rec.holder("russia_chief_of_general_staff", at=FRIDAY)
    assert chief is not None
    assert chief.name == "Valery Gerasimov"


def test_the_ukrainian_delegation_is_the_one_reported_after_the_meeting(
    rec: ng.Reconciliation,
) -> None:
    ukraine = rec.meeting(TALKS).delegation(ng.ActorId("ukraine"))
    assert ukraine is not None
    assert ukraine.head is not None
    assert ukraine.head.name == "Rustem Umerov"
    members = {m.name for m in ukraine.members}
    assert {"Serhiy Kyslytsia", "Oleksandr Poklad", "Oleh Luhovskyi"} <= members
    assert "Andriy Yermak" not in members


def test_the_sides_agreed_a_1000_for_1000_prisoner_exchange(rec: ng.Reconciliation) -> None:
    agreed = [
        v
        for v in rec.about(TALKS, "agreed")
        if v.status is VerdictStatus.ACCEPTED and v.key.value == "prisoner_exchange_1000_for_1000"
    ]
    assert agreed
    size = accepted(rec, "prisoner_exchange_1000_for_1000", "size")
    assert isinstance(size, ng.QuantityValue)
    assert size.quantity.amount == 1000
