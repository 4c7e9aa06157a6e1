"""The ``negotiations`` command line: validate, reconcile, explain, coverage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from negotiations.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
COVERAGE_DOC = ROOT / "docs" / "coverage.md"


def test_validate_exits_0_on_the_seed_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "corpus is valid" in capsys.readouterr().out


def test_validate_exits_1_and_prints_file_and_line_on_a_broken_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "broken"
    shutil.copytree(SEEDS, root)
    annotation = root / "annotations" / "003_d60056486152d228.yaml"
    text = annotation.read_text(encoding="utf-8")
    old = "predicate: "
    text = text.replace(old, "predicate: not_a_predicate_", 1)
    annotation.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "not_a_predicate_" in row)

    assert main(["validate", str(root)]) == 1
    out = capsys.readouterr().out
    assert f"broken/annotations/003_d60056486152d228.yaml:{line}: " in out
    assert "problem(s)" in out


def test_reconcile_lists_settled_conflicts_by_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile"]) == 0
    out = capsys.readouterr().out
    assert "Contested" in out
    settled = out.split("Settled conflicts", 1)[1]
    assert "Valery Gerasimov holds office Chief of the General Staff" in settled


def test_reconcile_json_is_valid_json_with_verdicts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    assert isinstance(data["verdicts"], list)
    assert data["verdicts"]


def test_explain_shows_the_rejected_office_and_its_quote(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["explain", "Igor Kostyukov", "holds_office"]) == 0
    out = capsys.readouterr().out
    assert "REJECTED" in out
    # the quote is printed whole (never wrapped), so it can be searched for
    assert "“Russian Armed Forces General Staff Head Igor Kostyukov”" in out


def test_explain_an_unknown_subject_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "Nobody Atall", "holds_office"]) != 0
    captured = capsys.readouterr()
    assert "Nobody Atall" in captured.out + captured.err


def test_coverage_output_is_the_committed_coverage_doc(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["coverage"]) == 0
    assert capsys.readouterr().out == COVERAGE_DOC.read_text(encoding="utf-8")
