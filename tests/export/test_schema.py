"""The shipped JSON Schema describes ``Reconciliation.to_json()`` exactly (jsonschema)."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from negotiations.export import schema
from negotiations.reconcile import Reconciliation

jsonschema = pytest.importorskip("jsonschema")

REGENERATE = "python -m negotiations.export.schema --write"


def validator() -> Any:
    shipped = schema.load()
    jsonschema.Draft202012Validator.check_schema(shipped)
    return jsonschema.Draft202012Validator(shipped)


def test_the_shipped_schema_is_current() -> None:
    regenerated = schema.generate(schema.default_samples())
    assert regenerated == schema.load(), (
        f"Reconciliation.to_json() changed shape: review, then run `{REGENERATE}`"
    )


def test_real_output_validates(rec: Reconciliation) -> None:
    errors = sorted(validator().iter_errors(json.loads(rec.to_json())), key=str)
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}; {REGENERATE}"


def test_the_command_lines_json_with_labels_validates(rec: Reconciliation) -> None:
    from negotiations.display import Labels, labels_of

    data = json.loads(rec.to_json())
    data["labels"] = labels_of(rec, Labels(rec))
    validator().validate(data)


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("verdicts", 0, "status"), "maybe"),
        (("verdicts", 0, "positive"), "yes"),
        (("schema",), "negotiations.reconciliation/0"),
        (("verdicts", 0, "supporting", 0, "modality"), "rumoured"),
    ],
)
def test_the_schema_rejects_wrong_values(
    rec: Reconciliation, path: tuple[str | int, ...], bad: object
) -> None:
    data = json.loads(rec.to_json())
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = bad
    assert not validator().is_valid(data)


def test_the_schema_rejects_unknown_and_missing_keys(rec: Reconciliation) -> None:
    data = json.loads(rec.to_json())
    extra = copy.deepcopy(data)
    extra["verdicts"][0]["confidence"] = 0.9
    assert not validator().is_valid(extra)
    missing = copy.deepcopy(data)
    del missing["verdicts"][0]["key"]
    assert not validator().is_valid(missing)


def test_a_claim_tables_output_validates() -> None:
    """Record evidence, clock, quantity and text values (a table's output) are in the
    schema, not only what the seed corpus holds."""
    from pathlib import Path

    import negotiations as ng
    from negotiations.claims import read_csv

    claims = read_csv(Path(__file__).resolve().parents[2] / "examples" / "claims.csv")
    data = json.loads(ng.reconcile(claims, vocabulary=claims.vocabulary).to_json())
    errors = sorted(validator().iter_errors(data), key=str)
    assert not errors, f"{errors[0].message} at {list(errors[0].absolute_path)}; {REGENERATE}"
