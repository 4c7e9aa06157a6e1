"""Networks: who met whom, delegations, offices, dated edges; GraphML that reads back."""

from __future__ import annotations

from pathlib import Path

import pytest

from negotiations.reconcile import Reconciliation

nx = pytest.importorskip("networkx")

import negotiations.graph as graph  # noqa: E402 - after the skip


def test_delegation_edges_carry_role_party_and_date(rec: Reconciliation) -> None:
    g = graph.record_graph(rec)
    edge = g.edges["vladimir_medinsky", "istanbul_talks_2025", "attended"]
    assert (edge["role"], edge["party"], edge["date"]) == ("head", "Russia", "2025-05-16")
    assert g.nodes["vladimir_medinsky"]["label"] == "Vladimir Medinsky"
    assert g.has_edge("vladimir_medinsky", "russia")


def test_office_edges_are_only_accepted_holdings(rec: Reconciliation) -> None:
    g = graph.record_graph(rec)
    held = {(u, v) for u, v, data in g.edges(data=True) if data["relation"] == "held"}
    assert ("marco_rubio", "us_secretary_of_state") in held
    accepted = {
        (v.key.subject, v.key.value)
        for v in rec.verdicts
        if v.key.predicate == "holds_office" and v.status.value == "accepted" and v.positive
    }
    assert held == accepted
    assert len(held) == len({(t.holder, t.office) for t in rec.terms()})


def test_who_met_whom_joins_people_at_the_same_held_meeting(rec: Reconciliation) -> None:
    g = graph.met_graph(rec)
    assert g.has_edge("vladimir_medinsky", "rustem_umerov")
    assert "2025-05-16" in g.edges["vladimir_medinsky", "rustem_umerov"]["dates"]
    assert not g.has_edge("vladimir_medinsky", "volodymyr_zelenskyy")


def test_graphml_reads_back_with_labels(rec: Reconciliation, tmp_path: Path) -> None:
    for which in ("record", "met"):
        path = graph.write_graphml(rec, tmp_path / f"{which}.graphml", which=which)
        back = nx.read_graphml(path)
        original = graph.record_graph(rec) if which == "record" else graph.met_graph(rec)
        assert back.number_of_nodes() == original.number_of_nodes()
        assert back.number_of_edges() == original.number_of_edges()
        assert back.nodes["vladimir_medinsky"]["label"] == "Vladimir Medinsky"


def test_an_office_nobody_is_accepted_in_gets_no_holder(undecided: Reconciliation) -> None:
    g = graph.record_graph(undecided)
    held = {(u, v) for u, v, data in g.edges(data=True) if data["relation"] == "held"}
    contested = {
        (v.key.subject, v.key.value)
        for v in undecided.contested
        if v.key.predicate == "holds_office"
    }
    assert contested
    assert not held & contested
