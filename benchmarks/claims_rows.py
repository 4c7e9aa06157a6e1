"""Claims loader throughput: rows per second against a plain ``csv.reader`` pass.

Run:  python benchmarks/claims_rows.py [--rows 200000] [--repeat 3] [--json]

A synthetic claims table in the default layout (source, subject, predicate,
value, modality, time) is written to a temporary file; in this one process we time

* ``csv.reader``: reading every row of the file and nothing else (the floor);
* ``read_csv``: the same file into assertions (parse, ids, predicates, values,
  ``RecordRef`` evidence, one content hash per assertion);
* ``from_rows``: the same rows, already in memory as tuples, into assertions
  (the builder alone, without file reading).

and print rows/s for each and each one's time as a multiple of the ``csv.reader``
pass. The multiple is what to compare between machines; absolute rows/s vary.
Values repeat as in real feeds (a few thousand distinct values per predicate),
so the loader's per-distinct-cell caches are exercised as they would be.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from negotiations.claims import Columns, from_rows, read_csv
from negotiations.model import (
    Cardinality,
    ClockValue,
    PredicateSpec,
    SubjectKind,
    TextValue,
    Vocabulary,
)

HEADER = ("source", "subject", "predicate", "value", "modality", "time")
PREDICATES = {"departure": ClockValue, "arrival": ClockValue, "gate": TextValue}


def vocabulary() -> Vocabulary:
    vocab = Vocabulary.builtin()
    for name, value_type in PREDICATES.items():
        vocab = vocab.declare(
            PredicateSpec(
                name=name,
                subjects=frozenset({SubjectKind.ANY}),
                value_type=value_type,
                cardinality=Cardinality.ONE,
                description=f"a synthetic flight's {name}",
            )
        )
    return vocab


def synthetic_rows(count: int, seed: int = 7) -> list[tuple[str, ...]]:
    """``count`` claims by 40 sources about count/20 subjects, values from small pools."""
    rng = random.Random(seed)
    subjects = [f"XY-{n}-AAA-BBB" for n in range(max(1, count // 20))]
    modalities = ("reported", "confirmed")
    rows: list[tuple[str, ...]] = []
    for _ in range(count):
        predicate = rng.choice(tuple(PREDICATES))
        if predicate == "gate":
            value = f"{rng.choice('ABCDE')}{rng.randint(1, 60)}"
        else:
            value = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        rows.append(
            (
                f"source {rng.randint(1, 40)}",
                rng.choice(subjects),
                predicate,
                value,
                rng.choice(modalities),
                f"2011-12-{rng.randint(1, 3):02d}",
            )
        )
    return rows


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    rows = synthetic_rows(args.rows)
    vocab = vocabulary()
    with tempfile.TemporaryDirectory(prefix="claims-rows-") as folder:
        path = Path(folder) / "claims.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADER)
            writer.writerows(rows)

        def plain_csv() -> int:
            with path.open(newline="", encoding="utf-8") as handle:
                return sum(1 for _ in csv.reader(handle))

        loaded = read_csv(path, vocabulary=vocab)
        assertions = len(loaded.assertions)
        baseline = best_of(args.repeat, plain_csv)
        from_file = best_of(args.repeat, lambda: read_csv(path, vocabulary=vocab))
        in_memory = best_of(
            args.repeat,
            lambda: from_rows(
                rows, Columns.default(HEADER), header=HEADER, dataset="claims.csv", vocabulary=vocab
            ),
        )
    measured = [("csv.reader", baseline), ("read_csv", from_file), ("from_rows", in_memory)]
    report: dict[str, Any] = {
        "rows": args.rows,
        "assertions": assertions,
        "repeat": args.repeat,
        "results": [
            {
                "method": name,
                "seconds": seconds,
                "rows_per_s": args.rows / seconds,
                "ratio": seconds / baseline,
            }
            for name, seconds in measured
        ],
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{args.rows} rows -> {assertions} assertions (best of {args.repeat})")
        print(f"{'method':<12} {'seconds':>9} {'rows/s':>12} {'x csv.reader':>13}")
        for row in report["results"]:
            print(
                f"{row['method']:<12} {row['seconds']:>9.3f} {row['rows_per_s']:>12,.0f} {row['ratio']:>13.1f}"
            )
    return report


if __name__ == "__main__":
    main()
