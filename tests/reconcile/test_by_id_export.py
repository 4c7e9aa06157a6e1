"""The by-id JSON and the JSON Lines export carry exactly what ``to_json()`` carries."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import negotiations as ng
from negotiations.corpus import load_corpus
from negotiations.reconcile._result import BY_ID_SCHEMA, LINES_SCHEMA
from negotiations.testing import office_history, scale_input


def _inflate(by_id: dict[str, Any]) -> list[dict[str, Any]]:
    """The verdicts of the by-id form with each id replaced by its assertion."""
    table = {a["id"]: a for a in by_id["assertions"]}
    verdicts = []
    for verdict in by_id["verdicts"]:
        verdict = dict(verdict)
        verdict["supporting"] = [table[i] for i in verdict["supporting"]]
        verdict["opposing"] = [table[i] for i in verdict["opposing"]]
        verdict["sides"] = [
            {**side, "assertions": [table[i] for i in side["assertions"]]}
            for side in verdict["sides"]
        ]
        verdicts.append(verdict)
    return verdicts


def _results() -> list[ng.Reconciliation]:
    generated = scale_input(400, seed=5)
    offices = office_history(30, seed=1)
    return [
        ng.reconcile(load_corpus()),
        ng.reconcile(generated.build(), registry=generated.registry),
        ng.reconcile(offices.build(), registry=offices.registry),
    ]


def test_by_id_json_inflates_to_the_full_json_and_names_each_assertion_once() -> None:
    for result in _results():
        full = json.loads(result.to_json())
        by_id = json.loads(result.to_json(by_id=True))
        assert by_id["schema"] == BY_ID_SCHEMA
        assert by_id["policy"] == full["policy"]
        ids = [a["id"] for a in by_id["assertions"]]
        assert ids == sorted(set(ids))
        assert _inflate(by_id) == full["verdicts"]
        assert len(result.to_json(by_id=True)) < len(result.to_json())


def test_json_lines_hold_the_by_id_form_one_object_a_line(tmp_path: Path) -> None:
    result = _results()[1]
    buffer = io.StringIO()
    written = result.to_jsonl(buffer)
    lines = buffer.getvalue().splitlines()
    assert written == len(lines)
    header, *rest = (json.loads(line) for line in lines)
    by_id = json.loads(result.to_json(by_id=True))
    assert header["schema"] == LINES_SCHEMA
    assert header["policy"] == by_id["policy"]
    assert (header["assertions"], header["verdicts"]) == (
        len(by_id["assertions"]),
        len(by_id["verdicts"]),
    )
    assert [line["assertion"] for line in rest if "assertion" in line] == by_id["assertions"]
    assert [line["verdict"] for line in rest if "verdict" in line] == by_id["verdicts"]
    path = tmp_path / "out.jsonl"
    assert result.to_jsonl(path) == written
    assert path.read_text(encoding="utf-8") == buffer.getvalue()
