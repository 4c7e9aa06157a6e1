"""The benchmarks run (on a tiny input); timing itself is never asserted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from benchmarks import bench_reconcile, claims_rows, resampling, truth_discovery, worst_cases

import negotiations as ng


def test_scale_benchmark_runs_on_a_tiny_input() -> None:
    rows = bench_reconcile.main(["--sizes", "40", "80", "--repeat", "1"])
    assert [row["size"] for row in rows] == [40, 80]
    assert all(row["verdicts"] > 0 and row["ratio"] > 0 for row in rows)


def test_majority_vote_baseline_picks_the_most_frequent_value() -> None:

    from tests.reconcile._build import actor, say

    chair = ng.Predicate.CHAIR
    counts = {"talks": {"fidan": 3, "lavrov": 1, "rubio": 2}, "summit": {"erdogan": 1, "kalin": 2}}
    data = [
        say(event, chair, actor(name), source=f"{event}_{name}_{n}")
        for event, names in counts.items()
        for name, times in names.items()
        for n in range(times)
    ]
    votes = bench_reconcile.majority_vote(data)
    assert votes == {
        ("talks", chair): actor("fidan").key(),
        ("summit", chair): actor("kalin").key(),
    }


def test_worst_cases_grow_one_group_and_report_each_size(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = worst_cases.main(["--lists", "10", "20", "--answers", "10", "20", "--json"])
    assert json.loads(capsys.readouterr().out)["rows"] == rows
    lists = [r for r in rows if r["case"] == "complete list"]
    answers = [r for r in rows if r["case"] == "answers"]
    # Two overlapping complete lists of n: 2n assertions about n + n/10 people.
    assert [(r["assertions"], r["verdicts"]) for r in lists] == [(20, 11), (40, 22)]
    # One question, n answers: one verdict.
    assert [(r["assertions"], r["verdicts"]) for r in answers] == [(10, 1), (20, 1)]
    assert [r["input_growth"] for r in rows] == [None, 2.0, None, 2.0]
    assert all(r["seconds"] > 0 for r in rows)


def test_truth_discovery_benchmark_runs_on_tiny_fixtures_in_the_real_formats(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = Path(__file__).parent / "claims" / "data" / "truthdata"
    report = truth_discovery.main(["--data", str(data), "--json"])
    assert json.loads(capsys.readouterr().out) == report
    results = {r["set"]: r for r in report["results"]}
    flight, book = results["flight"], results["book"]
    # 3 flights x 6 attributes, one gold gate missing ("--"); 3 books.
    assert (flight["gold_items"], book["gold_items"]) == (17, 3)
    methods = {row["method"]: row for row in flight["methods"]}
    # Three sources share one wrong arrival time: majority vote gets 16 of 17.
    assert methods[truth_discovery.MAJORITY]["correct"] == 16
    # Every item on which all sources agree (15 of them) must come out right.
    assert methods[truth_discovery.LIBRARY]["correct"] >= 15
    book_methods = {row["method"]: row for row in book["methods"]}
    # Two stores list the first author only: majority vote gets 2 of 3.
    assert book_methods[truth_discovery.MAJORITY]["correct"] == 2
    for row in [*flight["methods"], *book["methods"]]:
        assert row["status"] in ("ok", "not installed")
        assert row["status"] == "not installed" or 0 <= row["precision"] <= 1


def test_truth_discovery_runs_every_flight_day_the_folder_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another crawl day dropped beside the shipped one is a result of its own (its
    undated times in its own year); a day without its gold is not a set."""
    fixture = Path(__file__).parent / "claims" / "data" / "truthdata"
    shutil.copytree(fixture, tmp_path / "truthdata")
    flight = tmp_path / "truthdata" / "flight"
    for kind in ("data", "truth"):
        shutil.copy(flight / f"2011-12-01-{kind}.txt", flight / f"2012-01-03-{kind}.txt")
    shutil.copy(flight / "2011-12-01-data.txt", flight / "2012-01-04-data.txt")  # no gold
    assert truth_discovery.flight_days(tmp_path / "truthdata") == ["2011-12-01", "2012-01-03"]
    report = truth_discovery.main(["--data", str(tmp_path / "truthdata"), "--sets", "flight"])
    days = [(r["set"], r["day"], r["gold_items"]) for r in report["results"]]
    assert days == [("flight", "2011-12-01", 17), ("flight", "2012-01-03", 17)]
    assert "crawl day 2012-01-03:" in capsys.readouterr().out
    only = truth_discovery.main(
        ["--data", str(tmp_path / "truthdata"), "--sets", "flight", "--flight-days", "2012-01-03"]
    )
    assert [r["day"] for r in only["results"]] == ["2012-01-03"]
    time = truth_discovery.flight_time("1:55pDec 1", crawl_year=2012)
    assert time is not None
    assert time.text == "2012-12-01 13:55"


def test_claims_rows_benchmark_runs_on_a_tiny_input(capsys: pytest.CaptureFixture[str]) -> None:
    report = claims_rows.main(["--rows", "300", "--repeat", "1"])
    assert "x csv.reader" in capsys.readouterr().out
    assert report["assertions"] == 300
    assert [r["method"] for r in report["results"]] == ["csv.reader", "read_csv", "from_rows"]
    assert all(r["rows_per_s"] > 0 for r in report["results"])


def test_scale_benchmark_runs_on_tiny_sizes(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import scale

    report = scale.main(["--sizes", "300", "600", "--worst", "10", "20", "--json"])
    assert json.loads(capsys.readouterr().out) == report
    assert [row["assertions"] for row in report["sizes"]] == [300, 600]
    for row in report["sizes"]:
        assert row["verdicts"] > 0
        assert row["ratio"] > 0
        assert row["peak_bytes_per_assertion"] > 0
        assert 0 < row["precision"] <= 1
        # Accepted answers are a part of all: right on accepted ones is at least as often.
        assert 0 < row["accepted_share"] <= 1
        assert row["accepted_precision"] * row["accepted_share"] == pytest.approx(
            row["precision"], abs=1e-3
        )
        assert 0 <= row["bare_on_accepted"] <= 1
    assert [(row["case"][:10], row["n"]) for row in report["worst"]] == [
        ("one single", 10),
        ("one single", 20),
        ("one questi", 10),
        ("one questi", 20),
    ]


def test_scale_benchmark_can_time_building_alone(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import scale

    report = scale.main(["--sizes", "300", "600", "--build-only", "--json"])
    assert json.loads(capsys.readouterr().out) == report
    assert [row["assertions"] for row in report["sizes"]] == [300, 600]
    assert all(row["built_per_s"] > 0 for row in report["sizes"])
    assert all(row["build_peak_bytes_per_assertion"] > 0 for row in report["sizes"])
    assert report["worst"] == []


def test_scale_input_has_a_known_truth_that_reliable_sources_mostly_give() -> None:
    from negotiations.testing import scale_input

    data = scale_input(2000, seed=4, accuracy=(0.9, 0.9), copiers=0.0, before_event=0.0)
    assertions = data.build()
    assert len(assertions) == 2000 == len({a.id for a in assertions})
    right = sum(
        a.value.key() == data.truth[(a.subject, a.predicate)]
        for a in assertions
        if a.predicate != "status"
    )
    others = sum(a.predicate != "status" for a in assertions)
    # Sources of accuracy 0.9 give the true answer about 9 times in 10.
    assert 0.85 < right / others < 0.95


def test_distributed_benchmark_runs_on_a_tiny_input(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("dask.bag")
    from benchmarks import distributed

    rows = distributed.main(
        ["--sizes", "300", "--partitions", "3", "--schedulers", "sync", "--json"]
    )
    assert [(r["assertions"], r["scheduler"], r["identical_json"]) for r in rows] == [
        (300, "sync", True)
    ]
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"benchmark": "distributed", "runs": rows}


def test_generated_assertions_round_trip_through_json_with_their_ids() -> None:
    from negotiations import serialize
    from negotiations.testing import crowded_question, office_history, scale_input

    for data in (scale_input(300, seed=2), office_history(5), crowded_question(10)):
        for assertion in data.build():
            assert type(assertion.predicate) is str
            assert type(assertion.evidence.field) is str  # type: ignore[union-attr]
            back = serialize.from_json(serialize.to_json(assertion), ng.Assertion)
            assert back == assertion
            assert back.id == assertion.id


def test_resampling_benchmark_runs_on_tiny_fixtures(capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(__file__).parent / "claims" / "data" / "truthdata"
    report = resampling.main(["--data", str(data), "--seeds", "2", "--fractions", "0.5"])
    table = capsys.readouterr().out
    conditions = {(s["set"], s["condition"]): s for s in report["summary"]}
    assert conditions[("flight", "whole input")]["runs"] == 1
    assert conditions[("flight", "whole input")]["day"] == "2011-12-01"
    assert conditions[("flight", "sources 50%")]["runs"] == 2
    assert ("flight", "actual_departure alone") in conditions
    assert ("book", "half the questions") not in conditions  # one attribute only
    whole = conditions[("flight", "whole input")]["mean"]
    # The whole input is the truth_discovery benchmark's own run: majority 16 of 17.
    assert whole[truth_discovery.MAJORITY] == 16 / 17
    for run in report["runs"]:
        assert run["gold_items"] > 0
        assert all(0 <= p <= 1 for p in run["precision"].values())
    assert "sources 50%" in table
