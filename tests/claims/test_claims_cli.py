"""``negotiations reconcile --claims FILE``: the command line on a table of claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from negotiations.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "claims.csv"
BAD = Path(__file__).parent / "data" / "bad_claims.csv"


def test_the_default_layout_reconciles_and_names_sources_as_written(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["reconcile", "--claims", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "10 rows -> 9 assertions from 5 sources" in out
    assert "ACCEPTED    Istanbul talks 2025 | city: Istanbul" in out  # as written
    assert "venue: Dolmabahce Palace" in out
    assert "against: Kyiv Independent" in out


@pytest.mark.parametrize("form", ["md", "csv", "json"])
def test_every_format_names_what_the_table_named(
    form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """People read names in every format, as the table wrote them, not folded ids."""
    assert main(["reconcile", "--claims", str(EXAMPLE), "--format", form]) == 0
    out = capsys.readouterr().out
    if form == "json":
        labels = json.loads(out)["labels"]
        assert labels["istanbul-talks-2025"] == "Istanbul talks 2025"
        assert labels["dolmabahce-palace"] == "Dolmabahce Palace"
        assert labels["reuters"] == "Reuters"  # was "report reuters"
        return
    assert "Istanbul talks 2025 was held in Istanbul" in out
    assert "Istanbul-talks-2025" not in out
    assert "held in istanbul" not in out
    if form == "md":  # the list of reports leads with each source's name, not its id
        reports = out.split("## Reports\n", 1)[1].split("\n## ", 1)[0]
        assert "- Kyiv Independent · published not stated · URL: not stated" in reports
        assert "kyiv-independent" not in reports


def test_explain_names_sources_and_origins_and_finds_a_subject_by_its_name() -> None:
    import negotiations as ng
    from negotiations.claims import read_csv

    claims = read_csv(EXAMPLE)
    rec = ng.reconcile(claims, vocabulary=claims.vocabulary)
    text = rec.explain("Istanbul talks 2025", "city")  # the name as the table wrote it
    assert "one independent origin (Kyiv Independent)" in text
    assert "- Reuters, reported" in text
    assert "kyiv-independent" not in text
    assert "report reuters" not in text


def test_json_output_carries_record_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile", "--claims", str(EXAMPLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    evidence = data["verdicts"][0]["supporting"][0]["evidence"]
    assert evidence["type"] == "RecordRef"
    assert evidence["dataset"] == "claims.csv"


def test_bad_rows_fail_with_every_row_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile", "--claims", str(BAD)]) == 2
    err = capsys.readouterr().err
    assert "5 bad cells in bad_claims.csv" in err
    assert "row 7, column 'time'" in err


def test_skip_bad_rows_reconciles_the_rest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["reconcile", "--claims", str(BAD), "--skip-bad-rows"]) == 0
    out = capsys.readouterr().out
    assert "5 skipped" in out
    assert out.count("  skipped: row") == 5


def test_columns_and_constants_map_any_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "cities.tsv"
    table.write_text("outlet\tmeeting\twhere\nTASS\tround one\tIstanbul\nAP\tround one\tIstanbul\n")
    argv = ["reconcile", "--claims", str(table), "--column", "source=outlet"]
    argv += [
        "--column",
        "subject=meeting",
        "--column",
        "value=where",
        "--constant",
        "predicate=city",
    ]
    assert main(argv) == 0
    assert "round one | city: Istanbul" in capsys.readouterr().out
