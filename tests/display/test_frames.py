"""DataFrames: one row per item, the documented columns, names beside ids."""

from __future__ import annotations

import pytest

import negotiations as ng
from negotiations.reconcile import Reconciliation

pytest.importorskip("pandas")

import negotiations.frames as frames


def test_every_frame_has_exactly_its_documented_columns(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    assert list(frames.assertions(corpus).columns) == list(frames.ASSERTION_COLUMNS)
    assert list(frames.verdicts(rec).columns) == list(frames.VERDICT_COLUMNS)
    assert list(frames.terms(rec).columns) == list(frames.TERM_COLUMNS)
    assert list(frames.delegations(rec).columns) == list(frames.DELEGATION_COLUMNS)
    assert list(frames.positions(rec).columns) == list(frames.POSITION_COLUMNS)


def test_one_row_per_item(rec: Reconciliation, corpus: ng.Corpus) -> None:
    assert len(frames.assertions(corpus)) == len(corpus.assertions)
    assert len(frames.verdicts(rec)) == len(rec.verdicts)
    assert len(frames.terms(rec)) == len(rec.terms())
    assert len(frames.positions(rec)) == len(rec.positions)
    people = sum(len(d.members) + (d.head is not None) for m in rec.meetings for d in m.delegations)
    assert len(frames.delegations(rec)) == people


def test_names_sit_beside_ids_and_match_the_registry(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    verdicts = frames.verdicts(rec)
    actors = {a.id: a.name for a in corpus.actors}
    for subject_id, subject in zip(verdicts["subject_id"], verdicts["subject"], strict=True):
        if subject_id in actors:
            assert subject == actors[subject_id]
    kostyukov = verdicts[verdicts["subject_id"] == "igor_kostyukov"]
    assert set(kostyukov["status"]) == {v.status.value for v in rec.about("igor_kostyukov")}


def test_the_delegation_frame_gives_titles_on_the_day(rec: Reconciliation) -> None:
    delegations = frames.delegations(rec)
    row = delegations[
        (delegations["meeting_id"] == "istanbul_talks_2025")
        & (delegations["person"] == "Vladimir Medinsky")
    ]
    assert list(row["role"]) == ["head"]
    assert list(row["party"]) == ["Russia"]
    umerov = delegations[delegations["person"] == "Rustem Umerov"]
    assert "Minister of Defence of Ukraine" in umerov["titles"].iloc[0]


def test_the_assertion_frame_keeps_the_exact_quote(corpus: ng.Corpus) -> None:
    frame = frames.assertions(corpus)
    for quote, assertion in zip(frame["quote"], corpus.assertions, strict=True):
        assert isinstance(assertion.evidence, ng.TextAnchor)
        assert quote == assertion.evidence.exact
    assert frame["subject"].str.contains("Zelenskyy").any()
