"""Networks of the reconciled record (needs the ``graph`` extra: networkx).

* :func:`record_graph` — people, parties, meetings and offices, with dated edges:
  ``attended`` (role head / member / participant / chair / mediator), ``delegate_of``
  (the party a person represented at a meeting), ``absent``, ``held`` (an office,
  with the start and end its evidence covers).
* :func:`met_graph` — who met whom: an edge between two people who attended the same
  held meeting, with the meetings and their dates.
* :func:`write_graphml` — either graph as GraphML for Gephi, yEd or Cytoscape.

Every node carries a ``label`` (its name) and a ``kind``; every attribute is a
string, a number or a boolean, as GraphML requires ("" where unknown).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from negotiations._extras import require
from negotiations.display.text import meetings_in_order
from negotiations.model import Actor, Meeting, MeetingStatus, Organization, Person
from negotiations.reconcile import Reconciliation

require("networkx", "graph", "negotiations.graph")  # fail at import, naming the extra


if TYPE_CHECKING:
    import networkx as nx


def _nx() -> Any:
    return require("networkx", "graph", "negotiations.graph")


def _kind(actor: Actor) -> str:
    if isinstance(actor, Person):
        return "person"
    if isinstance(actor, Organization):
        return "organization"
    return "state"


def _date(meeting: Meeting) -> str:
    return str(meeting.when) if meeting.when is not None else ""


def _attendance(meeting: Meeting) -> Iterator[tuple[Actor, str, Actor | None]]:
    """(actor, role, party) for everyone the record says attended ``meeting``."""
    seen: set[str] = set()
    for delegation in meeting.delegations:
        people = [(delegation.head, "head")] if delegation.head is not None else []
        people += [(m, "member") for m in delegation.members]
        for person, role in people:
            assert person is not None
            seen.add(person.id)
            yield person, role, delegation.party
    for role, actors in (
        ("chair", (meeting.chair,) if meeting.chair is not None else ()),
        ("mediator", meeting.mediators),
        ("participant", meeting.participants),
    ):
        for actor in actors:
            if actor.id not in seen:
                seen.add(actor.id)
                yield actor, role, None


def record_graph(rec: Reconciliation) -> nx.MultiDiGraph[str]:
    """People, parties, meetings and offices with dated edges (see the module docstring)."""
    nx_ = _nx()
    graph: nx.MultiDiGraph[str] = nx_.MultiDiGraph(name="negotiations record")

    def actor_node(actor: Actor) -> str:
        graph.add_node(actor.id, label=actor.name, kind=_kind(actor))
        return actor.id

    for meeting in meetings_in_order(rec):
        graph.add_node(
            meeting.id,
            label=meeting.name,
            kind="meeting",
            date=_date(meeting),
            status=meeting.status.value if meeting.status else "",
        )
        for actor, role, party in _attendance(meeting):
            graph.add_edge(
                actor_node(actor),
                meeting.id,
                key="attended",
                relation="attended",
                role=role,
                date=_date(meeting),
                party=party.name if party else "",
            )
            if party is not None:
                graph.add_edge(
                    actor.id,
                    actor_node(party),
                    key=f"delegate_of:{meeting.id}",
                    relation="delegate_of",
                    date=_date(meeting),
                    meeting=meeting.name,
                )
        for actor in meeting.absent:
            graph.add_edge(
                actor_node(actor),
                meeting.id,
                key="absent",
                relation="absent",
                role="",
                date=_date(meeting),
                party="",
            )
    registry = rec.registry
    for term in rec.terms():
        holder = registry.actor(term.holder) if registry is not None else None
        office = registry.office(term.office) if registry is not None else None
        if holder is not None:
            actor_node(holder)
        graph.add_node(term.office, label=office.name if office else term.office, kind="office")
        graph.add_edge(
            term.holder,
            term.office,
            key=f"held:{term.valid}",
            relation="held",
            start=str(term.valid.start or ""),
            end=str(term.valid.end or ""),
            evidence=len(term.evidence),
        )
    return graph


def met_graph(rec: Reconciliation) -> nx.Graph[str]:
    """Who met whom: people who attended the same held meeting, with when and where."""
    nx_ = _nx()
    graph: nx.Graph[str] = nx_.Graph(name="who met whom")
    for meeting in meetings_in_order(rec):
        if meeting.status is not MeetingStatus.HELD:
            continue
        people = [a for a, _, _ in _attendance(meeting) if isinstance(a, Person)]
        for person in people:
            graph.add_node(person.id, label=person.name, kind="person")
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                if graph.has_edge(a.id, b.id):
                    data = graph.edges[a.id, b.id]
                    data["meetings"] += f"; {meeting.name}"
                    data["dates"] += f"; {_date(meeting)}"
                    data["count"] += 1
                else:
                    graph.add_edge(a.id, b.id, meetings=meeting.name, dates=_date(meeting), count=1)
    return graph


def write_graphml(
    rec: Reconciliation, path: str | Path, which: Literal["record", "met"] = "record"
) -> Path:
    """Write :func:`record_graph` (or :func:`met_graph`) as GraphML; returns the path."""
    nx_ = _nx()
    graph = record_graph(rec) if which == "record" else met_graph(rec)
    target = Path(path)
    nx_.write_graphml(graph, target)
    return target


__all__ = ["met_graph", "record_graph", "write_graphml"]
