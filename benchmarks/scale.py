"""Scale benchmark: build and reconcile 10k, 100k and 1M assertions with a known truth.

Run:  python benchmarks/scale.py [--sizes 10000 100000 1000000] [--worst 100 1000] [--json]
      python benchmarks/scale.py --build-only --sizes 1000000   # building alone

The input comes from :func:`negotiations.testing.scale_input` (sources of given
accuracy, copying sources, pre/post-event timing, a power-law number of claims per
question). Per size it prints: the time to build the assertions from plain rows
(and assertions built per second), the time to reconcile them (and assertions
reconciled per second), the ratio of that time to a *bare pass* over the same
assertions in the same process (group them by question in a dict and count each
answer: a majority vote), the growth of reconcile time from the previous size,
the peak memory per assertion of building and reconciling (tracemalloc, in a
separate run so that tracing does not slow the timed one), and the precision
against the known truth (the share of questions whose accepted answer is the true
one; a contested or unconfirmed question counts as wrong), beside the bare pass's
majority answer's; then, where the engine commits, the share of questions with an
accepted answer, the share of those it got right and the majority's on the same.

With ``--build-only``, only the assertions are built (no reconciliation, no
worst cases): per size the build time, assertions built per second and the peak
memory of building per assertion (the model's own objects).

The worst cases follow: one single-holder office held by ``n`` people in
succession, and one question answered by ``5 n`` sources; each at two sizes,
with the growth factor (10x the input should cost about 10x the time).
No time is asserted anywhere.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import negotiations as ng
from negotiations.reconcile import VerdictStatus
from negotiations.testing import ScaleInput, crowded_question, office_history, scale_input


def bare_pass(assertions: Sequence[ng.Assertion]) -> dict[tuple[str, str], str]:
    """Group by question in a dict and count each answer (a majority vote)."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for a in assertions:
        votes[(a.subject, a.predicate)][a.value.key()] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _accepted_keys(result: ng.Reconciliation, subject: str, predicate: str) -> set[str]:
    return {
        v.value.key()
        for v in result.about(subject, predicate)
        if v.status is VerdictStatus.ACCEPTED and v.positive and v.value is not None
    }


def precision(
    result: ng.Reconciliation, data: ScaleInput, majority: dict[tuple[str, str], str]
) -> dict[str, float]:
    """Against the known truth: the share of questions whose accepted answer is the
    true one; and where the engine commits, the share of questions with an accepted
    answer, the share of those it got right, and the bare majority's share right on
    the same questions (the rest are unconfirmed, expectations only, or contested)."""
    accepted = right = bare_right = 0
    for (subject, predicate), answer in data.truth.items():
        keys = _accepted_keys(result, subject, predicate)
        if keys:
            accepted += 1
            right += answer in keys
            bare_right += majority.get((subject, predicate)) == answer
    return {
        "precision": round(right / len(data.truth), 4) if data.truth else 1.0,
        "accepted_share": round(accepted / len(data.truth), 4) if data.truth else 1.0,
        "accepted_precision": round(right / accepted, 4) if accepted else 1.0,
        "bare_on_accepted": round(bare_right / accepted, 4) if accepted else 1.0,
    }


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    out = run()
    return time.perf_counter() - start, out


def peak_bytes(run: Callable[[], Any]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(data: ScaleInput, *, memory: bool = True) -> dict[str, Any]:
    """Build, reconcile and bare-pass ``data``; the figures of one size."""
    build_s, assertions = timed(data.build)
    reconcile_s, result = timed(lambda: ng.reconcile(assertions, registry=data.registry))
    bare_s, majority = timed(lambda: bare_pass(assertions))
    bare_right = sum(majority.get(question) == answer for question, answer in data.truth.items())
    row: dict[str, Any] = {
        "assertions": len(assertions),
        "questions": len(data.truth),
        "verdicts": len(result.verdicts),
        "build_s": round(build_s, 4),
        "built_per_s": round(len(assertions) / build_s),
        "reconcile_s": round(reconcile_s, 4),
        "reconciled_per_s": round(len(assertions) / reconcile_s),
        "bare_s": round(bare_s, 4),
        "ratio": round(reconcile_s / bare_s, 1),
        "bare_precision": round(bare_right / len(data.truth), 4) if data.truth else 1.0,
        **precision(result, data, majority),
    }
    if memory:
        peak = peak_bytes(lambda: ng.reconcile(data.build(), registry=data.registry))
        row["peak_bytes_per_assertion"] = round(peak / len(data))
    return row


def measure_build(data: ScaleInput, *, memory: bool = True) -> dict[str, Any]:
    """Only build the assertions of ``data``: the time, and the peak memory of building."""
    build_s, assertions = timed(data.build)
    row: dict[str, Any] = {
        "assertions": len(assertions),
        "build_s": round(build_s, 4),
        "built_per_s": round(len(assertions) / build_s),
    }
    del assertions
    if memory:
        row["build_peak_bytes_per_assertion"] = round(peak_bytes(data.build) / len(data))
    return row


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument(
        "--worst",
        type=int,
        nargs="*",
        default=[100, 1000],
        help="office holders in the worst cases (the crowded question has 5x as many sources)",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")
    parser.add_argument(
        "--build-only",
        action="store_true",
        help="only build the assertions (time and peak memory): no reconciliation, no worst cases",
    )
    args = parser.parse_args(argv)

    def say(*parts: object) -> None:
        if not args.json:
            print(*parts)

    if args.build_only:
        built: list[dict[str, Any]] = []
        say(f"{'assertions':>10} {'build s':>8} {'built/s':>9} {'B/assert':>8}")
        for size in args.sizes:
            row = measure_build(scale_input(size, seed=args.seed), memory=not args.no_memory)
            built.append(row)
            say(
                f"{row['assertions']:>10} {row['build_s']:>8.2f} {row['built_per_s']:>9} "
                f"{row.get('build_peak_bytes_per_assertion', ''):>8}"
            )
        report = {"sizes": built, "worst": []}
        if args.json:
            print(json.dumps(report, indent=2))
        return report

    sizes: list[dict[str, Any]] = []
    say(
        f"{'assertions':>10} {'build s':>8} {'built/s':>9} {'reconcile s':>11} {'recon/s':>8} "
        f"{'bare s':>7} {'ratio':>6} {'growth':>6} {'B/assert':>8} {'precision':>9} {'(bare)':>6} "
        f"{'accepted':>8} {'prec. acc.':>10} {'(bare)':>6}"
    )
    for size in args.sizes:
        row = measure(scale_input(size, seed=args.seed), memory=not args.no_memory)
        previous = sizes[-1] if sizes else None
        row["growth"] = round(row["reconcile_s"] / previous["reconcile_s"], 2) if previous else None
        sizes.append(row)
        say(
            f"{row['assertions']:>10} {row['build_s']:>8.2f} {row['built_per_s']:>9} "
            f"{row['reconcile_s']:>11.2f} {row['reconciled_per_s']:>8} {row['bare_s']:>7.3f} "
            f"{row['ratio']:>6.1f} {row['growth'] or '':>6} "
            f"{row.get('peak_bytes_per_assertion', ''):>8} {row['precision']:>9.3f} "
            f"{row['bare_precision']:>6.3f} {row['accepted_share']:>8.3f} "
            f"{row['accepted_precision']:>10.3f} {row['bare_on_accepted']:>6.3f}"
        )
    worst: list[dict[str, Any]] = []
    if args.worst:
        say(f"\n{'worst case':<34} {'assertions':>10} {'reconcile s':>11} {'growth':>6}")
    cases: tuple[tuple[str, Callable[[int], ScaleInput]], ...] = (
        ("one single-holder office, n holders", lambda n: office_history(n, seed=args.seed)),
        ("one question, 5n sources", lambda n: crowded_question(5 * n, seed=args.seed)),
    )
    for name, make in cases:
        previous_s: float | None = None
        for n in args.worst:
            data = make(n)
            row = measure(data, memory=False)
            growth = round(row["reconcile_s"] / previous_s, 2) if previous_s else None
            previous_s = row["reconcile_s"]
            worst.append({"case": name, "n": n, **row, "growth": growth})
            say(
                f"{name + f' (n={n})':<34} {row['assertions']:>10} "
                f"{row['reconcile_s']:>11.3f} {growth or '':>6}"
            )
    report = {"sizes": sizes, "worst": worst}
    if args.json:
        print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
