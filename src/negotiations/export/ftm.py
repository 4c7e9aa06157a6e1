"""The reconciled record as FollowTheMoney entities (needs the ``export`` extra).

Only what the reconciliation *accepted* becomes an entity or a relation
(occupancies, memberships, events); each relation names the reports it rests
on (``proof``: the ``Article`` entities) and quotes their words (``description``),
so a reader in Aleph or an FtM pipeline can follow every fact to its source.
Ids are stable: the same record exports the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from negotiations._extras import require
from negotiations.display import Labels
from negotiations.display.text import evidence_quote, meetings_in_order
from negotiations.model import Actor, Assertion, Organization, OrganizationKind, Person
from negotiations.reconcile import Reconciliation

require("followthemoney", "export", "negotiations.export.ftm")  # fail at import, naming the extra


_PUBLIC = {
    OrganizationKind.GOVERNMENT,
    OrganizationKind.MINISTRY,
    OrganizationKind.AGENCY,
    OrganizationKind.INTELLIGENCE_SERVICE,
    OrganizationKind.ARMED_FORCES,
    OrganizationKind.PRESIDENTIAL_OFFICE,
}


def _model() -> Any:
    return require("followthemoney", "export", "negotiations.export.ftm").model


class _Builder:
    def __init__(self, rec: Reconciliation) -> None:
        self.model = _model()
        self.rec = rec
        self.labels = Labels(rec)
        self.entities: dict[str, Any] = {}

    def make(self, schema: str, *key: str) -> Any:
        entity = self.model.make_entity(schema)
        entity.make_id("negotiations", schema, *key)
        found = self.entities.get(entity.id)
        if found is not None:
            return found
        self.entities[entity.id] = entity
        return entity

    def article(self, source_id: str) -> Any:
        entity = self.make("Article", source_id)
        source = self.labels.source_of(source_id)
        entity.add("name", source.title if source and source.title else f"report {source_id}")
        if source is not None:
            entity.add("title", source.title)
            entity.add("publisher", self.labels.outlet(source_id))
            entity.add("sourceUrl", source.url)
            if source.published is not None:
                entity.add("publishedAt", source.published.value.isoformat())
        return entity

    def actor(self, actor: Actor) -> Any:
        if isinstance(actor, Person):
            schema = "Person"
        elif isinstance(actor, Organization) and actor.kind in _PUBLIC:
            schema = "PublicBody"
        else:
            schema = "Organization"
        entity = self.make(schema, actor.id)
        entity.add("name", actor.name)
        entity.add("alias", sorted(actor.aliases))
        if not isinstance(actor, Person | Organization):
            entity.add("description", "a state")
        return entity

    def prove(self, entity: Any, assertions: Iterable[Assertion]) -> None:
        for assertion in assertions:
            entity.add("proof", self.article(assertion.source).id)
            quote = evidence_quote(assertion)
            entity.add("description", f"{self.labels.source(assertion.source)}: “{quote}”")

    def build(self) -> list[Any]:
        registry = self.rec.registry
        for term in self.rec.terms():
            if registry is None:
                break
            holder = registry.actor(term.holder)
            if not isinstance(holder, Person):
                continue
            office = registry.office(term.office)
            position = self.make("Position", office.id)
            position.add("name", office.name)
            position.add("organization", self.actor(registry.actor(office.organization)).id)
            occupancy = self.make("Occupancy", term.holder, term.office, str(term.valid))
            occupancy.add("holder", self.actor(holder).id)
            occupancy.add("post", position.id)
            # The reports date the holding, they do not bound it: their dates go to
            # ``date`` (when it was observed), never to start/end of the term.
            evidence = set(term.evidence)
            supporting = [
                a
                for v in self.rec.about(term.holder, "holds_office")
                for a in v.supporting
                if a.id in evidence
            ]
            for assertion in supporting:
                if assertion.asserted_at is not None:
                    occupancy.add("date", assertion.asserted_at.isoformat())
            self.prove(occupancy, supporting)
        for meeting in meetings_in_order(self.rec):
            if meeting.when is None and meeting.status is None:
                continue
            event = self.make("Event", meeting.id)
            event.add("name", meeting.name)
            if meeting.when is not None:
                event.add("date", str(meeting.when).split("/", 1)[0])
            places = [p.name for p in (meeting.venue, meeting.city) if p is not None]
            if places:
                event.add("location", ", ".join(places))
            if meeting.host is not None:
                event.add("organizer", self.actor(meeting.host).id)
            involved = [*meeting.parties, *meeting.participants, *meeting.mediators]
            if meeting.chair is not None:
                involved.append(meeting.chair)
            for actor in involved:
                event.add("involved", self.actor(actor).id)
            self.prove(event, (a for v in self.rec.about(meeting.id) for a in v.supporting[:1]))
            for delegation in meeting.delegations:
                body = self.make("Organization", delegation.id)
                body.add("name", self.labels.plain(delegation.id))
                body.add("parent", self.actor(delegation.party).id)
                event.add("involved", body.id)
                people = [(delegation.head, "head")] if delegation.head else []
                people += [(m, "member") for m in delegation.members]
                for person, role in people:
                    assert person is not None
                    membership = self.make("Membership", delegation.id, person.id)
                    membership.add("member", self.actor(person).id)
                    membership.add("organization", body.id)
                    membership.add("role", role)
                    if meeting.date is not None:
                        membership.add("date", meeting.date.isoformat())
                    predicate = "head" if role == "head" else "member"
                    self.prove(
                        membership,
                        (
                            a
                            for v in self.rec.about(delegation.id, predicate)
                            if v.value is not None and getattr(v.value, "actor", None) == person.id
                            for a in v.supporting
                        ),
                    )
        return sorted(self.entities.values(), key=lambda e: (e.schema.name, e.id))


def entities(rec: Reconciliation) -> list[dict[str, Any]]:
    """Every entity as FtM's dict form (``id``, ``schema``, ``properties``), sorted."""
    return [entity.to_dict() for entity in _Builder(rec).build()]


def iter_lines(rec: Reconciliation) -> Iterator[str]:
    """The entities as line-delimited JSON, FtM's exchange format."""
    for entity in entities(rec):
        yield json.dumps(entity, ensure_ascii=False, sort_keys=True)


def write(rec: Reconciliation, path: str | Path) -> Path:
    """Write the entities to ``path`` as line-delimited JSON (``ftm import``-able)."""
    target = Path(path)
    target.write_text("".join(line + "\n" for line in iter_lines(rec)), encoding="utf-8")
    return target


__all__ = ["entities", "iter_lines", "write"]
