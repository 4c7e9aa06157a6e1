"""W3C PROV export, read back by the prov library itself."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from negotiations.reconcile import Reconciliation

prov_model = pytest.importorskip("prov.model")

from negotiations.export import prov  # noqa: E402 - after the skip


def test_the_prov_json_reads_back_as_the_same_document(rec: Reconciliation) -> None:
    text = prov.to_json(rec)
    back = prov_model.ProvDocument.deserialize(content=text, format="json")
    assert back == prov.document(rec)


def test_each_verdict_is_derived_from_each_of_its_assertions(rec: Reconciliation) -> None:
    data = json.loads(prov.to_json(rec))
    derived = Counter(d["prov:generatedEntity"] for d in data["wasDerivedFrom"].values())
    for verdict in rec.verdicts:
        weighed = {a.id for a in (*verdict.supporting, *verdict.opposing)}
        assert derived[f"ng:{prov.verdict_local_id(verdict)}"] == len(weighed)


def test_each_verdict_is_attributed_to_the_publishers_of_its_sources(
    rec: Reconciliation,
) -> None:
    data = json.loads(prov.to_json(rec))
    attributed: dict[str, set[str]] = {}
    for relation in data["wasAttributedTo"].values():
        attributed.setdefault(relation["prov:entity"], set()).add(relation["prov:agent"])
    date = rec.verdict("istanbul_talks_2025", "date")
    assert date is not None
    agents = attributed[f"ng:{prov.verdict_local_id(date)}"]
    assert "ng:publisher-004_0463d2aba5b1d448" in agents
    labels = {k: v.get("prov:label") for k, v in data["agent"].items()}
    assert labels["ng:actor-trt_world"] == "TRT World"


def test_assertions_are_quoted_from_their_reports(rec: Reconciliation) -> None:
    data = json.loads(prov.to_json(rec))
    quotations = [
        d
        for d in data["wasDerivedFrom"].values()
        if d.get("prov:type", {}).get("$") == "prov:Quotation"
    ]
    quoted = {q["prov:generatedEntity"] for q in quotations}
    assertions = {k for k, v in data["entity"].items() if k.startswith("ng:assertion-")}
    assert quoted == assertions
    assert all(q["prov:usedEntity"].startswith("ng:report-") for q in quotations)
