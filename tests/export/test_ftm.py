"""FollowTheMoney export, checked by the followthemoney library itself."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from negotiations.reconcile import Reconciliation

followthemoney = pytest.importorskip("followthemoney")

from negotiations.export import ftm  # noqa: E402 - after the skip


def test_every_entity_validates_against_its_ftm_schema(rec: Reconciliation) -> None:
    model = followthemoney.model
    entities = ftm.entities(rec)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None
        assert schema.validate(data) is None, data
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.id == data["id"]
    kinds = Counter(e["schema"] for e in entities)
    for wanted in ("Person", "Position", "Occupancy", "Membership", "Event", "Article"):
        assert kinds[wanted] > 0, wanted
    assert kinds["Organization"] + kinds["PublicBody"] > 0


def test_every_entity_reference_resolves_to_an_entity_of_the_right_schema(
    rec: Reconciliation,
) -> None:
    model = followthemoney.model
    entities = {e["id"]: e for e in ftm.entities(rec)}
    for data in entities.values():
        schema = model.get(data["schema"])
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (data["schema"], name)
            if prop.type.name != "entity":
                continue
            for value in values:
                assert value in entities, (data["schema"], name)
                assert model.get(entities[value]["schema"]).is_a(prop.range), (name, value)


def test_relations_carry_their_provenance(rec: Reconciliation) -> None:
    entities = ftm.entities(rec)
    for data in entities:
        if data["schema"] in ("Occupancy", "Membership"):
            assert data["properties"].get("proof"), data
            assert any("“" in d for d in data["properties"]["description"])
    names = {e["properties"]["name"][0] for e in entities if e["schema"] == "Person"}
    assert {"Vladimir Medinsky", "Rustem Umerov"} <= names


def test_only_accepted_office_holdings_are_exported_as_occupancies(rec: Reconciliation) -> None:
    entities = {e["id"]: e for e in ftm.entities(rec)}

    def name(entity_id: str) -> str:
        return str(entities[entity_id]["properties"]["name"][0])

    occupied = {
        (name(o["properties"]["holder"][0]), name(o["properties"]["post"][0]))
        for o in entities.values()
        if o["schema"] == "Occupancy"
    }
    registry = rec.registry
    assert registry is not None
    for verdict in rec.verdicts:
        if verdict.key.predicate != "holds_office":
            continue
        pair = (registry.label(verdict.key.subject), registry.label(verdict.key.value))
        accepted = verdict.status.value == "accepted" and verdict.positive
        if not accepted and not any(
            v.key.subject == verdict.key.subject
            and v.key.value == verdict.key.value
            and v.status.value == "accepted"
            for v in rec.verdicts
        ):
            assert pair not in occupied, pair
    assert ("Marco Rubio", "United States Secretary of State") in occupied


def test_the_line_file_reads_back(rec: Reconciliation, tmp_path: Path) -> None:
    path = ftm.write(rec, tmp_path / "record.ftm.json")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == ftm.entities(rec)
