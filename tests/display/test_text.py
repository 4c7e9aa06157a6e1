"""Verdicts in words: names, sentences, negatives, conflicts once, articles."""

from __future__ import annotations

import negotiations as ng
from negotiations.display import (
    NOT_STATED,
    Labels,
    claim_sentence,
    conflict_groups,
    explain_text,
    meetings_in_order,
    verdict_sentence,
)
from negotiations.reconcile import Reconciliation, VerdictStatus


def test_a_negative_answer_reads_as_a_negative(rec: Reconciliation, corpus: ng.Corpus) -> None:
    labels = Labels(corpus)
    for verdict in rec.verdicts:
        if verdict.status is VerdictStatus.CONTESTED or verdict.value is None:
            continue
        key = verdict.key
        yes = claim_sentence(key.subject, key.predicate, verdict.value, True, labels, key.scope)
        no = claim_sentence(key.subject, key.predicate, verdict.value, False, labels, key.scope)
        assert yes != no
        assert " not " in no.replace(yes, "") or "did not" in no
        expected = yes if verdict.positive else no
        assert verdict_sentence(verdict, labels).startswith(expected + " (")


def test_every_sentence_names_its_subject_not_its_id(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    labels = Labels(corpus)
    known = {a.id for a in corpus.actors} | {e.id for e in corpus.events}
    for verdict in rec.verdicts:
        if verdict.key.subject in known:
            sentence = verdict_sentence(verdict, labels)
            assert verdict.key.subject not in sentence
            assert labels.plain(verdict.key.subject) in sentence


def test_ids_appear_beside_labels_on_request(rec: Reconciliation, corpus: ng.Corpus) -> None:
    (verdict,) = rec.about("igor_kostyukov", "holds_office")[:1]
    assert "Igor Kostyukov [igor_kostyukov]" in verdict_sentence(verdict, Labels(corpus, ids=True))


def test_every_conflict_is_in_exactly_one_group(
    rec: Reconciliation, undecided: Reconciliation
) -> None:
    for verdicts in (rec.conflicts, undecided.contested):
        for overlapping in (False, True):
            groups = conflict_groups(verdicts, overlapping=overlapping)
            assert sorted(id(v) for g in groups for v in g) == sorted(id(v) for v in verdicts)


def test_the_rival_holders_of_one_office_are_one_contested_group(
    undecided: Reconciliation,
) -> None:
    office = "russia_chief_of_general_staff"
    rivals = [v for v in undecided.contested if v.key.value == office]
    assert {v.key.subject for v in rivals} == {"igor_kostyukov", "valery_gerasimov"}
    groups = conflict_groups(undecided.contested, overlapping=True)
    assert sum(any(v.key.value == office for v in g) for g in groups) == 1


def test_explain_puts_the_answer_before_the_evidence_and_the_reasons(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    text = explain_text(rec.about("istanbul_talks_2025", "date"), Labels(corpus))
    assert text.startswith(
        "The Russia–Ukraine direct talks in Istanbul, May 2025 took place on 2025-05-16"
    )
    assert text.index("Evidence for") < text.index("Evidence against") < text.index("Reasons")


def test_meetings_come_in_date_order_undated_last(rec: Reconciliation) -> None:
    meetings = meetings_in_order(rec)
    starts = [m.when.span()[0] for m in meetings if m.when is not None]
    assert starts == sorted(starts)
    dated = [m.when is not None for m in meetings]
    assert dated == sorted(dated, reverse=True)


def test_articles_say_not_stated_and_what_they_state_is_in_their_text(
    corpus: ng.Corpus,
) -> None:
    labels = Labels(corpus)
    for document in corpus.documents:
        info = labels.article(document.source)
        for field in ("title", "outlet", "url"):
            assert info[field]
        if document.source.title is not None:
            assert document.source.title in document.text
        else:
            assert info["title"] == NOT_STATED
        if document.source.outlet is not None:
            assert any(
                name in document.text for name in corpus.actor(document.source.outlet).names()
            )
        else:
            assert info["outlet"] == NOT_STATED
    trt = labels.article(corpus.document("002_8e6f3d70e62d65ea").source)
    assert (trt["title"], trt["outlet"]) == (
        "Istanbul talks: A last chance for peace?",
        "TRT World",
    )


def test_a_settled_conflict_names_the_rule_that_contributed_most(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    from negotiations.display.text import RULE_REASONS

    for verdict in rec.conflicts:
        if verdict.status is VerdictStatus.CONTESTED or not verdict.contributions:
            continue
        top = max(verdict.contributions, key=lambda c: c.amount)
        note = verdict_sentence(verdict, Labels(corpus))
        assert f"settled: {RULE_REASONS[top.rule]}" in note
