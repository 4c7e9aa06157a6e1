"""Scale benchmark: reconciliation against a majority-vote baseline, as ratios.

Run:  python benchmarks/bench_reconcile.py [--sizes 1000 4000 16000] [--repeat 3]

Both methods run in this process on the same synthetic assertions
(:func:`negotiations.testing.synthetic_assertions`). Reported: seconds, the ratio
reconcile/baseline at each size, and each method's growth factor between sizes
(4x the input should cost about 4x the time if scaling is linear). No absolute
time is asserted anywhere.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import negotiations as ng
from negotiations.testing import synthetic_assertions


def majority_vote(assertions: Sequence[ng.Assertion]) -> dict[tuple[str, str], str]:
    """The weak baseline every truth-discovery paper reports: most frequent value wins."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for a in assertions:
        votes[(a.subject, a.predicate)][a.value.key()] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> list[dict[str, float]]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    rows: list[dict[str, float]] = []
    print(
        f"{'assertions':>10} {'verdicts':>9} {'reconcile s':>12} {'baseline s':>11} {'ratio':>7} {'growth':>7}"
    )
    for size in args.sizes:
        data = synthetic_assertions(size, seed=size)
        verdicts = len(ng.reconcile(data).verdicts)
        ours = best_of(args.repeat, lambda data=data: ng.reconcile(data))  # type: ignore[misc]
        base = best_of(args.repeat, lambda data=data: majority_vote(data))  # type: ignore[misc]
        growth = ours / rows[-1]["reconcile_s"] if rows else float("nan")
        rows.append(
            {
                "size": size,
                "verdicts": verdicts,
                "reconcile_s": ours,
                "baseline_s": base,
                "ratio": ours / base,
            }
        )
        print(
            f"{size:>10} {verdicts:>9} {ours:>12.4f} {base:>11.4f} {ours / base:>7.1f} {growth:>7.2f}"
        )
    return rows


if __name__ == "__main__":
    main()
