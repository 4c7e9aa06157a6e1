"""The benchmarks run (on a tiny input); timing itself is never asserted."""

from __future__ import annotations

from benchmarks import bench_reconcile


def test_scale_benchmark_runs_on_a_tiny_input() -> None:
    rows = bench_reconcile.main(["--sizes", "40", "80", "--repeat", "1"])
    assert [row["size"] for row in rows] == [40, 80]
    assert all(row["verdicts"] > 0 and row["ratio"] > 0 for row in rows)


def test_majority_vote_baseline_picks_the_most_frequent_value() -> None:
    from negotiations.testing import synthetic_assertions

    data = synthetic_assertions(60, seed=1)
    votes = bench_reconcile.majority_vote(data)
    assert len(votes) == len({(a.subject, a.predicate) for a in data})
