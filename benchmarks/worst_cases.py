"""Worst cases that grow one group: a complete member list, and one question with many answers.

Run:  python benchmarks/worst_cases.py [--lists 250 500 1000] [--answers 1250 2500 5000]
      [--repeat 1] [--json]

Both cases put all their assertions under one subject, so no partitioning helps:

* ``complete list``: two sources each present a delegation's member list of ``n``
  people as complete; the lists overlap by 90 %, so each leaves out ``n / 10``
  people the other names, and every left-out person is opposed by the list that
  leaves them out (``CompleteLists``). ``2 n`` assertions.
* ``answers``: one single-valued question (a delegation's head) answered ``n``
  different ways by ``n`` sources. ``n`` assertions, ``n`` candidate answers.

Reported: seconds per size and the growth factor between consecutive sizes beside
the growth of the input. Linear time keeps the growth near the input's (2.0 when
the size doubles); quadratic time makes it near its square (4.0). No time is
asserted anywhere (issue 12).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections.abc import Callable, Sequence
from typing import TypedDict

import negotiations as ng

_PUBLISHED = ng.PartialDate(year=2025, month=5, day=15)


class Row(TypedDict):
    case: str
    size: int
    assertions: int
    verdicts: int
    seconds: float
    growth: float | None
    input_growth: float | None


def _assertion(
    source: str, subject: str, predicate: str, value: ng.Value, n: int, **kw: object
) -> ng.Assertion:
    exact = f"quote {n}"
    return ng.Assertion.create(
        source=ng.SourceId(source),
        subject=ng.EntityId(subject),
        predicate=predicate,
        value=value,
        evidence=ng.TextAnchor(
            document=ng.DocumentId(source), exact=exact, start=n, end=n + len(exact)
        ),
        modality=ng.Modality.REPORTED,
        qualifiers=ng.Qualifiers(**kw),  # type: ignore[arg-type]
        asserted_at=_PUBLISHED,
    )


def complete_lists(size: int) -> list[ng.Assertion]:
    """Two complete member lists of ``size`` people each, overlapping by 90 %."""
    shift = max(1, size // 10)
    data: list[ng.Assertion] = []
    for source, first in (("list_a", 0), ("list_b", shift)):
        for person in range(first, first + size):
            value = ng.ActorValue(actor=ng.ActorId(f"member_{person}"))
            data.append(_assertion(source, "delegation", "member", value, len(data), complete=True))
    return data


def many_answers(size: int) -> list[ng.Assertion]:
    """One question (a delegation's head) with ``size`` different answers."""
    return [
        _assertion(
            f"source_{n}", "delegation", "head", ng.ActorValue(actor=ng.ActorId(f"head_{n}")), n
        )
        for n in range(size)
    ]


CASES: dict[str, Callable[[int], list[ng.Assertion]]] = {
    "complete list": complete_lists,
    "answers": many_answers,
}


def measure(case: str, sizes: Sequence[int], repeat: int) -> list[Row]:
    rows: list[Row] = []
    for size in sizes:
        data = CASES[case](size)
        best = float("inf")
        verdicts = 0
        for _ in range(repeat):
            start = time.perf_counter()
            verdicts = len(ng.reconcile(data).verdicts)
            best = min(best, time.perf_counter() - start)
        previous = rows[-1] if rows else None
        rows.append(
            {
                "case": case,
                "size": size,
                "assertions": len(data),
                "verdicts": verdicts,
                "seconds": best,
                "growth": best / previous["seconds"] if previous else None,
                "input_growth": size / previous["size"] if previous else None,
            }
        )
    return rows


def main(argv: Sequence[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--lists", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--answers", type=int, nargs="+", default=[1250, 2500, 5000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    started = dt.datetime.now(dt.UTC)
    rows = [
        *measure("complete list", args.lists, args.repeat),
        *measure("answers", args.answers, args.repeat),
    ]
    if args.json:
        print(json.dumps({"started": started.isoformat(), "rows": rows}, indent=2))
        return rows
    print(
        f"{'case':<14} {'size':>6} {'assertions':>10} {'verdicts':>8} {'seconds':>9} {'growth':>7} {'input':>6}"
    )
    for row in rows:
        growth = f"{row['growth']:.2f}" if row["growth"] is not None else "-"
        grown = f"{row['input_growth']:.2f}" if row["input_growth"] is not None else "-"
        print(
            f"{row['case']:<14} {row['size']:>6} {row['assertions']:>10} {row['verdicts']:>8} "
            f"{row['seconds']:>9.3f} {growth:>7} {grown:>6}"
        )
    return rows


if __name__ == "__main__":
    main()
