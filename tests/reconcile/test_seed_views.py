"""Reconciled views of the seed corpus: what the five articles, reconciled, say."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import negotiations as ng
from negotiations.reconcile import VerdictStatus

FRIDAY = dt.date(2025, 5, 16)


def names(actors: tuple[ng.Actor, ...]) -> set[str]:
    return {a.name for a in actors}


def test_the_istanbul_talks_began_on_friday_not_thursday(
    seed_reconciliation: ng.Reconciliation,
) -> None:
    meeting = seed_reconciliation.meeting("istanbul_talks_2025")
    assert meeting.date == FRIDAY
    verdict = seed_reconciliation.verdict("istanbul_talks_2025", ng.Predicate.DATE)
    assert verdict is not None
    assert {a.source[:3] for a in verdict.opposing} == {"000", "002", "003"}
    # "on Thursday" was only ever expected: superseded once reports state the date as fact.
    thursday = [
        c for c in verdict.contributions if c.rule == "ModalityRank" and "Thursday" in c.answer
    ]
    assert verdict.margin is not None
    assert verdict.margin > 0
    assert sum(c.amount for c in verdict.contributions) == pytest.approx(verdict.margin)
    assert all("superseded" in c.reason for c in thursday)


def test_istanbul_meeting_view(seed_reconciliation: ng.Reconciliation) -> None:
    m = seed_reconciliation.meeting("istanbul_talks_2025")
    assert m.city is not None
    assert m.city.name == "Istanbul"
    assert m.venue is not None
    assert m.venue.id == "dolmabahce_working_office"
    assert m.chair is not None
    assert m.chair.name == "Hakan Fidan"
    assert m.status is ng.MeetingStatus.HELD
    assert m.mode is ng.MeetingMode.TRILATERAL
    assert m.duration == ng.Duration(hours=1, minutes=45, bound=ng.DurationBound.APPROXIMATELY)
    assert {"Vladimir Putin", "Volodymyr Zelenskyy"} <= names(m.absent)
    assert "İbrahim Kalın" in names(m.participants)


def test_delegations_are_reconciled_per_party(seed_reconciliation: ng.Reconciliation) -> None:
    m = seed_reconciliation.meeting("istanbul_talks_2025")
    russia = m.delegation(ng.ActorId("russia"))
    ukraine = m.delegation(ng.ActorId("ukraine"))
    assert russia is not None
    assert ukraine is not None
    assert russia.head is not None
    assert russia.head.name == "Vladimir Medinsky"
    assert names(russia.members) == {"Mikhail Galuzin", "Igor Kostyukov", "Alexander Fomin"}
    assert ukraine.head is not None
    assert ukraine.head.name == "Rustem Umerov"
    # 002's list announced before the talks ("include") loses to 004's complete list after them.
    assert names(ukraine.members) == {"Serhiy Kyslytsia", "Oleksandr Poklad", "Oleh Luhovskyi"}
    yermak = [
        v
        for v in seed_reconciliation.about("istanbul_talks_2025_ukraine", "member")
        if v.key.value == "andriy_yermak"
    ]
    assert [v.status for v in yermak] == [VerdictStatus.REJECTED]


def test_kostyukov_heads_the_gru_so_gerasimov_remains_chief_of_the_general_staff(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    # Three reports call Kostyukov head of the GRU, one "General Staff Head": one
    # person holds one office of a hierarchy at a time, so the GRU wins, and the
    # single-holder office stays with Gerasimov, its only other claimant.
    kostyukov = seed_corpus.actor("Kostyukov")
    offices = {o.id for o in seed_reconciliation.offices(kostyukov, at=FRIDAY)}
    assert offices == {"russia_gru_head"}
    statuses = {v.key.value: v.status for v in seed_reconciliation.about(kostyukov, "holds_office")}
    assert statuses["russia_chief_of_general_staff"] is VerdictStatus.REJECTED
    chief = seed_reconciliation.holder("russia_chief_of_general_staff", at=FRIDAY)
    assert chief is not None
    assert chief.name == "Valery Gerasimov"


def test_garbled_former_titles_are_outweighed(seed_reconciliation: ng.Reconciliation) -> None:
    rubio = seed_reconciliation.holder("us_secretary_of_state", at=FRIDAY)
    trump = seed_reconciliation.holder("us_president", at=FRIDAY)
    assert rubio is not None
    assert rubio.name == "Marco Rubio"
    assert trump is not None
    assert trump.name == "Donald Trump"


def test_positions_carry_terms_and_evidence(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    ukraine = seed_corpus.actor("Ukraine")
    ceasefire = [
        p
        for p in seed_reconciliation.positions
        if p.holder == ukraine and p.issue is ng.Issue.CEASEFIRE
    ]
    assert any("unconditional ceasefire" in t for p in ceasefire for t in p.terms)
    assert all(p.evidence for p in seed_reconciliation.positions)


def test_explain_prints_a_readable_trace(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    text = seed_reconciliation.explain(seed_corpus.actor("Igor Kostyukov"), "holds_office")
    assert text.startswith(
        "Igor Kostyukov did not hold the office of Chief of the General Staff of the Armed Forces"
    )
    assert "SourceTrust" in text
    assert "IndependentCorroboration" in text
    assert "Russian Armed Forces General Staff Head Igor Kostyukov" in text
    assert "GRU intelligence chief Igor Kostyukov" in text
    # For a reader: names, reports and dates, no ids and no origin labels.
    assert "igor_kostyukov" not in text
    assert "russia_chief_of_general_staff" not in text
    assert "source:" not in text
    assert "one independent origin (report 004, 2025-05-16)" in text
    with_ids = seed_reconciliation.explain("Igor Kostyukov", "holds_office", ids=True)
    assert "Igor Kostyukov [igor_kostyukov]" in with_ids


def test_a_quoted_origin_reads_as_the_speaker_quoted(
    seed_reconciliation: ng.Reconciliation,
) -> None:
    texts = [
        seed_reconciliation.explain(v.subject, v.predicate) for v in seed_reconciliation.verdicts
    ]
    reasons = [line for text in texts for line in text.splitlines() if "independent origin" in line]
    assert any(", quoted)" in line for line in reasons)
    assert not any("quoted:" in line or "outlet:" in line for line in reasons)


def test_every_seed_assertion_is_accounted_for(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    accounted = {a.id for v in seed_reconciliation.verdicts for a in (*v.supporting, *v.opposing)}
    assert accounted == {a.id for a in seed_corpus.assertions}


def test_json_output_is_deterministic_and_documented(seed_corpus: ng.Corpus) -> None:
    first = ng.reconcile(seed_corpus).to_json()
    assert ng.reconcile(ng.load_corpus()).to_json() == first
    data = json.loads(first)
    assert data["schema"] == "negotiations.reconciliation/1"
    assert set(data["verdicts"][0]) >= {
        "key",
        "status",
        "value",
        "supporting",
        "opposing",
        "sides",
        "trace",
    }


def test_delegations_are_also_keyed_by_party(seed_reconciliation: ng.Reconciliation) -> None:
    m = seed_reconciliation.meeting("istanbul_talks_2025")
    by_party = m.delegations_by_party
    assert set(by_party) == {"russia", "ukraine", "turkey"}
    assert by_party[ng.ActorId("russia")] == m.delegation(ng.ActorId("russia"))


def test_office_terms_span_the_evidence(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    terms = seed_reconciliation.terms(seed_corpus.actor("Marco Rubio"))
    assert [t.office for t in terms] == ["us_secretary_of_state"]
    start, end = terms[0].valid.span()
    assert start <= dt.datetime(2025, 5, 15)
    assert dt.datetime(2025, 5, 17) <= end
    assert len(terms[0].evidence) >= 3


def test_positions_are_dated_by_their_earliest_evidence(
    seed_reconciliation: ng.Reconciliation,
) -> None:
    dated = [p for p in seed_reconciliation.positions if p.stated_at is not None]
    assert dated
    assert all(p.stated_at is not None and p.stated_at.year >= 2022 for p in dated)


def test_lookups_take_what_a_person_types(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    meeting = seed_reconciliation.meeting("istanbul_talks_2025")
    russia = meeting.delegation("Russia")
    assert russia is not None
    assert russia.party.id == "russia"
    assert meeting.delegation("russia") == russia
    with pytest.raises(ng.UnknownNameError, match="did you mean 'Russia'"):
        meeting.delegation("Rusia")
    by_text = seed_reconciliation.offices("Kostyukov", at="2025-05-16")
    assert by_text == seed_reconciliation.offices("Kostyukov", at=FRIDAY)
    with pytest.raises(ng.ModelError, match="ISO date"):
        seed_reconciliation.offices("Kostyukov", at="16 May")
    with pytest.raises(ng.UnknownPredicateError, match="did you mean 'holds_office'"):
        seed_reconciliation.about("Kostyukov", "hold_office")


def test_reprs_are_short_and_stable(
    seed_corpus: ng.Corpus, seed_reconciliation: ng.Reconciliation
) -> None:
    assert repr(seed_reconciliation) == "<Reconciliation: 281 verdicts, 3 contested>"
    assert repr(seed_corpus).startswith("<Corpus: 5 documents, 458 assertions")
    verdict = seed_reconciliation.verdict("istanbul_talks_2025", "date")
    assert verdict is not None
    assert len(repr(verdict)) < 200
    zelenskyy = repr(seed_corpus.actor("Zelensky"))
    aliases = zelenskyy.split("aliases=")[1]
    assert aliases.index("'Vladimir Zelensky'") < aliases.index("'Zelensky'")  # sorted


def test_verdict_labels_name_what_they_reject_and_whose_delegation(
    seed_reconciliation: ng.Reconciliation,
) -> None:
    """A rejected claim reads as the claim in words, negated; a delegation is named."""
    labels = {v.label for v in seed_reconciliation.verdicts}
    assert (
        "NOT Igor Kostyukov holds office Chief of the General Staff of the Armed Forces of Russia"
        in labels
    )
    assert any(label.startswith("Ukraine delegation (") for label in labels)
    assert not any("igor_kostyukov" in label for label in labels)
    sides = {side.label for v in seed_reconciliation.contested for side in v.sides}
    assert "Volodymyr Zelenskyy position accept negotiations" in sides  # a stance in words


def test_contested_verdict_labels_name_the_rival_answers(
    seed_reconciliation: ng.Reconciliation,
) -> None:
    """A contested question reads as its rival answers in words, not as the key's ids."""
    assert seed_reconciliation.contested
    for verdict in seed_reconciliation.contested:
        assert verdict.label.startswith("contested: ")
        assert "volodymyr_zelenskyy" not in verdict.label
        for side in verdict.sides:
            assert side.label in verdict.label
    assert "Volodymyr Zelenskyy position accept negotiations or " in "".join(
        v.label for v in seed_reconciliation.contested
    )


def test_explain_finds_verdicts_by_their_answer_as_the_command_line_does() -> None:
    """Zelenskyy is no meeting's subject: "Zelensky participant" is about the meetings
    he is the answer of, in the API as in ``negotiations explain``."""
    import io
    from contextlib import redirect_stdout

    from negotiations.cli import main

    rec = ng.reconcile(ng.load_corpus())
    found = rec.concerning("Zelensky", "participant")
    assert found
    assert all(v.key.predicate == "participant" for v in found)
    assert rec.about("Zelensky", "participant") == ()
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["explain", "Zelensky", "participant"]) == 0
    assert out.getvalue().strip() == rec.explain("Zelensky", "participant").strip()
