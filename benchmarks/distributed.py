"""Dask benchmark: reconcile generated sets in process and on Dask; same verdicts?

Run:  python benchmarks/distributed.py [--sizes 10000 100000] [--partitions 8]
      [--schedulers sync threads processes] [--json]

Per size and scheduler it prints the in-process ``reconcile`` time, the Dask
``reconcile_bag`` time, their ratio, and whether the two JSON outputs are byte
for byte the same (they must be). The input is ``negotiations.testing.scale_input``
(see benchmarks/scale.py). Needs the ``dask`` extra. No time is asserted anywhere.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections.abc import Sequence
from typing import Any

import dask
import dask.bag as db

import negotiations as ng
from negotiations.distributed import reconcile_bag
from negotiations.testing import scale_input


def measure(
    size: int, schedulers: Sequence[str], partitions: int, seed: int
) -> list[dict[str, Any]]:
    data = scale_input(size, seed=seed)
    assertions = data.build()
    gc.collect()
    start = time.perf_counter()
    expected = ng.reconcile(assertions, registry=data.registry).to_json()
    in_process = time.perf_counter() - start
    rows = []
    for scheduler in schedulers:
        bag = db.from_sequence(assertions, npartitions=partitions)  # type: ignore[no-untyped-call]
        gc.collect()
        start = time.perf_counter()
        with dask.config.set(scheduler=scheduler):
            got = reconcile_bag(bag, registry=data.registry).to_json()
        on_dask = time.perf_counter() - start
        rows.append(
            {
                "assertions": len(assertions),
                "scheduler": scheduler,
                "partitions": partitions,
                "in_process_s": round(in_process, 3),
                "dask_s": round(on_dask, 3),
                "ratio": round(on_dask / in_process, 2),
                "identical_json": got == expected,
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> list[dict[str, Any]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument(
        "--schedulers", nargs="+", default=["sync", "threads"], help="Dask local schedulers"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    args = parser.parse_args(argv)
    rows = []
    if not args.json:
        print(
            f"{'assertions':>10} {'scheduler':>10} {'parts':>5} {'in-process s':>12} "
            f"{'dask s':>8} {'ratio':>6} {'same JSON':>9}"
        )
    for size in args.sizes:
        for row in measure(size, args.schedulers, args.partitions, args.seed):
            rows.append(row)
            if not args.json:
                print(
                    f"{row['assertions']:>10} {row['scheduler']:>10} {row['partitions']:>5} "
                    f"{row['in_process_s']:>12.2f} {row['dask_s']:>8.2f} {row['ratio']:>6.2f} "
                    f"{'yes' if row['identical_json'] else 'NO':>9}"
                )
    if args.json:
        print(json.dumps({"benchmark": "distributed", "runs": rows}))
    return rows


if __name__ == "__main__":
    main()
