"""The ``negotiations`` command line, run through its real entry point
(``python -m negotiations.cli``, in a subprocess, as a user's shell runs it)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
COVERAGE_DOC = ROOT / "docs" / "coverage.md"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), *filter(None, [env.get("PYTHONPATH")])])
    env.update(extra)
    return env


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "negotiations.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=_env(**env),
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def broken_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The seed corpus with one unknown predicate, and the line it is on."""
    root = tmp_path_factory.mktemp("cli") / "broken"
    shutil.copytree(SEEDS, root)
    annotation = root / "annotations" / "003_d60056486152d228.yaml"
    text = annotation.read_text(encoding="utf-8").replace(
        "predicate: ", "predicate: not_a_predicate_", 1
    )
    annotation.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "not_a_predicate_" in row)
    return root, line


@pytest.fixture(scope="module")
def reconcile_text() -> str:
    done = run("reconcile")
    assert done.returncode == 0, done.stderr
    return done.stdout


# -- validate -------------------------------------------------------------------------


def test_validate_exits_0_on_the_seed_corpus() -> None:
    done = run("validate")
    assert (done.returncode, done.stdout) == (0, "corpus is valid\n")


def test_validate_exits_1_and_prints_file_and_line_on_a_broken_corpus(
    broken_corpus: tuple[Path, int],
) -> None:
    root, line = broken_corpus
    done = run("validate", str(root))
    assert done.returncode == 1
    assert f"broken/annotations/003_d60056486152d228.yaml:{line}: " in done.stdout
    assert "problem(s)" in done.stdout


def test_validate_piped_into_head_still_exits_1(broken_corpus: tuple[Path, int]) -> None:
    root, _ = broken_corpus
    command = f"{sys.executable} -m negotiations.cli validate {root} | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_a_reader_that_closes_the_pipe_early_keeps_the_status_and_no_traceback(
    broken_corpus: tuple[Path, int],
) -> None:
    root, _ = broken_corpus
    process = subprocess.Popen(
        [sys.executable, "-m", "negotiations.cli", "validate", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # gone before the command writes anything
    error = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in error
    assert "BrokenPipe" not in error


# -- reconcile --------------------------------------------------------------------------


def test_reconcile_names_people_offices_and_outlets_not_ids(reconcile_text: str) -> None:
    assert "Igor Kostyukov" in reconcile_text
    assert "TRT World" in reconcile_text
    assert "igor_kostyukov" not in reconcile_text
    assert "russia_chief_of_general_staff" not in reconcile_text
    assert "istanbul_talks_2025" not in reconcile_text


def test_reconcile_prints_a_one_line_legend_of_the_statuses(reconcile_text: str) -> None:
    legend = [line for line in reconcile_text.splitlines() if line.startswith("Statuses:")]
    assert len(legend) == 1
    for status in ("accepted", "rejected", "contested", "unconfirmed"):
        assert f"{status}:" in legend[0]


def test_reconcile_lists_contested_first_and_each_conflict_once() -> None:
    done = run("reconcile", "--rules", "")  # no rules: every conflict stays contested
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    order = [lines.index(h) for h in ("Contested (the rules cannot decide)", "Settled conflicts")]
    assert order == sorted(order)
    assert lines.index("Meetings (in date order)") > order[0]
    contested = done.stdout.split("Contested (", 1)[1].split("Meetings", 1)[0]
    chief = "held the office of Chief of the General Staff of the Armed Forces of Russia"
    # the rival holders of a single-holder office: one item, each side once
    assert sum(chief in item for item in contested.split("* Contested:")) == 1
    assert contested.count(f"Igor Kostyukov {chief}") == 1
    assert contested.count(f"Valery Gerasimov {chief}") == 1


def test_an_unknown_rule_is_a_usage_error_naming_the_rules() -> None:
    done = run("reconcile", "--rules", "Majority")
    assert done.returncode == 2
    assert "AfterEventOverBefore" in done.stderr


def test_reconcile_says_negative_answers_as_negatives(reconcile_text: str) -> None:
    settled = reconcile_text.split("Settled conflicts", 1)[1]
    line = next(row for row in settled.splitlines() if "Volodymyr Zelenskyy did" in row)
    assert line.startswith(
        "* Volodymyr Zelenskyy did not attend the Russia–Ukraine direct talks in Istanbul,"
        " May 2025 (settled: "
    )
    assert line.endswith(", 2 reports against 1)")
    assert "NOT " not in reconcile_text


def test_reconcile_lists_meetings_in_date_order(reconcile_text: str) -> None:
    meetings = reconcile_text.split("Meetings (in date order)", 1)[1].split("Settled", 1)[0]
    dates = [
        line.split("date ", 1)[1].split(" ", 1)[0]
        for line in meetings.splitlines()
        if "· status" in line
    ]
    known = [d for d in dates if d != "unknown"]
    assert known == sorted(known)
    assert dates.index("2022-03") < dates.index("2025-05-16")
    assert dates[len(known) :] == ["unknown"] * (len(dates) - len(known))


def test_reconcile_says_not_stated_for_what_an_article_does_not_state(
    reconcile_text: str,
) -> None:
    reports = reconcile_text.split("Reports\n", 1)[1]
    assert (
        "TRT World · published 2025-05-15 (inferred) · title: Istanbul talks: A last chance"
        " for peace? · URL: not stated" in reports
    )
    assert "report 000 · published 2025-05-15 (inferred) · title: not stated" in reports
    assert "outlet: not stated" in reports
    assert "untitled" not in reconcile_text


def test_reconcile_with_ids_shows_ids_beside_names() -> None:
    done = run("reconcile", "--ids")
    assert done.returncode == 0
    assert "Igor Kostyukov [igor_kostyukov]" in done.stdout


def test_reconcile_markdown_has_headings_and_the_legend() -> None:
    done = run("reconcile", "--format", "md")
    assert done.returncode == 0
    assert done.stdout.startswith("# Reconciliation\n")
    assert "## Contested (the rules cannot decide)" in done.stdout
    assert "Statuses: accepted:" in done.stdout


def test_reconcile_csv_has_one_row_per_verdict_with_ids_beside_labels() -> None:
    done = run("reconcile", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    as_json = json.loads(run("reconcile", "--format", "json").stdout)
    assert len(rows) == len(as_json["verdicts"])
    kostyukov = [r for r in rows if r["subject_id"] == "igor_kostyukov"]
    assert kostyukov
    assert {r["subject"] for r in kostyukov} == {"Igor Kostyukov"}
    conflicted = [r for r in rows if r["conflict"]]
    assert len({r["conflict"] for r in conflicted}) <= len(conflicted)
    assert all(r["opposing_reports"] != "0" for r in conflicted)
    assert all(r["opposing_reports"] != "0" for r in rows if r["decided_by"])


def test_reconcile_json_carries_a_label_beside_every_id() -> None:
    done = run("reconcile", "--format", "json")
    data = json.loads(done.stdout)
    assert data["verdicts"]
    assert data["labels"]["igor_kostyukov"] == "Igor Kostyukov"
    assert data["labels"]["trt_world"] == "TRT World"
    subjects = {v["key"]["subject"] for v in data["verdicts"]}
    assert subjects <= set(data["labels"])


# -- explain ---------------------------------------------------------------------------


def test_explain_prints_the_answer_then_the_evidence_then_the_reasons() -> None:
    done = run("explain", "Igor Kostyukov", "holds_office")
    assert done.returncode == 0
    out = done.stdout
    assert out.startswith("Igor Kostyukov ")
    first = out.split("\n\n", 1)[0]
    assert first.index("Evidence for") < first.index("Evidence against") < first.index("Reasons")
    # the quote is printed whole (never wrapped), with the outlet (or report) and its date
    assert "“Russian Armed Forces General Staff Head Igor Kostyukov”" in out
    assert "report 004, 2025-05-16" in out


def test_explain_shows_a_contested_question_once() -> None:
    done = run("explain", "Igor Kostyukov", "holds_office", "--rules", "")
    assert done.returncode == 0
    assert done.stdout.startswith("Contested: Igor Kostyukov held the office of")
    blocks = done.stdout.split("\n\n")
    assert len(blocks) == len(set(blocks))


def test_explain_finds_what_a_person_did_when_they_are_the_answer() -> None:
    done = run("explain", "Zelensky", "participant")
    assert done.returncode == 0
    assert done.stdout.startswith(
        "Volodymyr Zelenskyy did not attend the Russia–Ukraine direct talks in Istanbul"
    )
    assert "for “no”" in done.stdout  # the reasons name the answers, not claim ids


def test_explain_formats_md_csv_json() -> None:
    md = run("explain", "Kostyukov", "holds_office", "--format", "md").stdout
    assert md.startswith("### Igor Kostyukov ")
    assert "> Russian Armed Forces General Staff Head Igor Kostyukov" in md
    rows = list(
        csv.DictReader(
            io.StringIO(run("explain", "Kostyukov", "holds_office", "--format", "csv").stdout)
        )
    )
    assert {r["role"] for r in rows} == {"supporting", "opposing"}
    assert any(r["source_id"] == "004_0463d2aba5b1d448" for r in rows)
    data = json.loads(run("explain", "Kostyukov", "holds_office", "--format", "json").stdout)
    assert data["verdicts"][0]["sentence"].startswith("Igor Kostyukov ")
    assert data["labels"]["igor_kostyukov"] == "Igor Kostyukov"


def test_explain_an_unknown_name_exits_2_with_suggestions() -> None:
    done = run("explain", "Kostukov", "holds_office")
    assert done.returncode == 2
    assert "Kostukov" in done.stderr
    assert "Igor Kostyukov" in done.stderr


def test_explain_a_misspelled_predicate_exits_2_with_the_close_match() -> None:
    done = run("explain", "Kostyukov", "holds_ofice")
    assert done.returncode == 2
    assert "did you mean holds_office" in done.stderr


# -- the rest -----------------------------------------------------------------------------


def test_version_prints_the_package_version() -> None:
    from negotiations import __version__

    done = run("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"negotiations {__version__}")


def test_an_unknown_command_is_a_usage_error() -> None:
    assert run("bogus").returncode == 2


def test_coverage_output_is_the_committed_coverage_doc() -> None:
    done = run("coverage")
    assert done.returncode == 0
    assert done.stdout == COVERAGE_DOC.read_text(encoding="utf-8")


def test_a_closed_stdout_is_not_a_traceback() -> None:
    done = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m negotiations.cli reconcile >&-"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert done.returncode == 0
    assert "Traceback" not in done.stderr


def test_a_full_disk_exits_3_with_a_message_not_a_traceback() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    done = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m negotiations.cli reconcile > /dev/full"],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert done.returncode == 3
    assert "cannot write the output" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_ascii_only_stdout_gets_transliterated_names() -> None:
    done = run("reconcile", PYTHONIOENCODING="ascii")
    assert done.returncode == 0, done.stderr
    assert "hosted by Turkiye" in done.stdout
    assert done.stdout.isascii()


def test_python_dash_m_negotiations_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "negotiations", "validate"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("validate").stdout != ""


def test_validating_a_layer_alone_says_how_to_validate_it_on_top_of_the_seeds() -> None:
    reports = Path(__file__).resolve().parents[1] / "reports"
    alone = run("validate", str(reports))
    assert alone.returncode == 1
    hint = alone.stdout.splitlines()[-1]
    assert hint.startswith("hint: ")
    assert "ids the bundled seed corpus defines" in hint
    assert f"negotiations validate --layer {reports} (0 problem(s) that way)" in hint
    stacked = run("validate", "--layer", str(reports))
    assert stacked.returncode == 0
    assert "hint" not in stacked.stdout


def test_no_layer_hint_when_the_seeds_would_not_resolve_the_ids(tmp_path: Path) -> None:
    """A corpus whose unknown ids nobody defines gets its problems, and no hint."""
    root = tmp_path / "own"
    shutil.copytree(SEEDS, root)
    annotation = root / "annotations" / "003_d60056486152d228.yaml"
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(
        text.replace("- subject: vladimir_putin", "- subject: nobody_defines_this_id", 1),
        encoding="utf-8",
    )
    done = run("validate", str(root))
    assert done.returncode == 1
    assert "refers to no known" in done.stdout
    assert "hint:" not in done.stdout
