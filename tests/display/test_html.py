"""Notebook HTML: names, quotes in their sentences, titles on the day, escaping."""

from __future__ import annotations

import attrs
import pytest

import negotiations as ng
from negotiations.display import Labels, conflict_groups
from negotiations.display.html import (
    contested,
    contested_html,
    meeting_html,
    quote_in_sentence,
    verdict_html,
)
from negotiations.reconcile import Reconciliation


def test_the_reconciliation_summary_shows_counts_legend_contested_and_meetings(
    rec: Reconciliation, undecided: Reconciliation
) -> None:
    html = rec._repr_html_()
    assert f"{len(rec.verdicts)} verdicts" in html
    assert "the rules cannot decide" in html  # the legend
    assert "Russia–Ukraine direct talks in Istanbul, May 2025" in html
    assert "Volodymyr Zelenskyy did not attend" in html
    assert "igor_kostyukov" not in html
    groups = conflict_groups(undecided.contested, overlapping=True)
    assert f"Contested ({len(groups)})" in undecided._repr_html_()
    assert len(groups) < len(undecided.contested)  # each conflict once


def test_a_meeting_shows_its_delegations_with_titles_on_the_day(rec: Reconciliation) -> None:
    html = meeting_html(rec.meeting("istanbul_talks_2025"), rec)
    assert "Vladimir Medinsky" in html
    assert "Hakan Fidan" in html
    fomin = html.split("Alexander Fomin", 1)[1].split("</tr>", 1)[0]
    assert "Deputy Minister of Defence of Russia" in fomin


def test_a_meetings_own_repr_finds_the_reconciliation_it_came_from(rec: Reconciliation) -> None:
    rec._repr_html_()  # a notebook shows the reconciliation first
    html = rec.meeting("istanbul_talks_2025")._repr_html_()
    assert "Deputy Minister of Defence of Russia" in html


def test_a_verdict_highlights_each_quote_in_its_sentence(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    verdict = rec.verdict("istanbul_talks_2025", "date")
    assert verdict is not None
    html = verdict_html(verdict, corpus)
    assert "took place on 2025-05-16" in html
    assert "<mark>began in Istanbul on Friday</mark>" in html
    assert "The first direct talks between Ukraine and Russia since" in html  # the sentence
    assert html.count("<mark>") == len(verdict.supporting) + len(verdict.opposing)


def test_quotes_and_names_are_escaped(rec: Reconciliation, corpus: ng.Corpus) -> None:
    verdict = rec.verdict("istanbul_talks_2025", "date")
    assert verdict is not None
    first = verdict.supporting[0]
    assert isinstance(first.evidence, ng.TextAnchor)
    n = len(first.evidence.exact)
    hostile = ("<script>&" + "x" * n)[:n]
    edited = attrs.evolve(first, evidence=attrs.evolve(first.evidence, exact=hostile))
    assert "&lt;script&gt;&amp;" in quote_in_sentence(edited, Labels())
    html = verdict_html(attrs.evolve(verdict, supporting=(edited,)), rec)
    assert "<script>" not in html


def test_the_contested_list_names_each_side_and_its_reports(undecided: Reconciliation) -> None:
    html = contested_html(undecided)
    assert "Igor Kostyukov held the office" in html
    assert "Valery Gerasimov held the office" in html
    assert "report 004, 2025-05-16" in html
    assert contested(undecided)._repr_html_() == html


def test_a_verdict_shows_the_contributions_that_decided_it(
    rec: Reconciliation, corpus: ng.Corpus
) -> None:
    verdict = rec.verdict("istanbul_talks_2025", "date")
    assert verdict is not None
    assert verdict.contributions
    html = verdict_html(verdict, corpus)
    assert "Contributions" in html
    for contribution in verdict.contributions:
        assert f"{contribution.amount:+.2f}" in html


def test_a_verdict_shown_alone_names_what_its_corpus_names(
    corpus: ng.Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a notebook, ``rec.verdicts[i]`` is displayed without its reconciliation:
    reconciling a corpus lets the display find the names (and the sentences) again."""
    from negotiations.display import _labels

    monkeypatch.setattr(_labels, "_seen", [])  # nothing displayed before
    rec = ng.reconcile(corpus)
    (chair,) = (
        v for v in rec.verdicts if v.predicate == "chair" and v.key.subject == "istanbul_talks_2025"
    )
    html = chair._repr_html_()
    assert "Hakan Fidan chaired" in html
    assert "hakan_fidan" not in html
    assert "004_0463d2aba5b1d448" not in html
