"""How far a truth-discovery lead holds: every method on resampled parts of Flight and Book.

Run:  python benchmarks/resampling.py [--data ../shared/truthdata] [--sets flight book]
          [--flight-days YYYY-MM-DD ...] [--seeds 5] [--fractions 0.3 0.5 0.7] [--json]

Flight runs on every crawl day its folder holds, as in ``truth_discovery.py``.

One score on one data set can hide a method that only works for that set's mix of
sources. Here each set is also cut down, at random (seeded, so every run is the same):

* ``sources N%``: N % of the sources (which copy blocs and accurate camps survive
  changes from seed to seed);
* ``half the items``: half the subjects (flights, books);
* ``half the questions``: half the (subject, attribute) pairs, for sets with several
  attributes;
* ``ATTRIBUTE alone``: one attribute, for sets with several (trust learned from it alone).

Every method sees the same claims in each condition: the engine with its default policy,
majority vote, and the ``truthdiscovery`` package's methods when installed (as in
``truth_discovery.py``, whose loading, normalisation and precision this reuses). The gold
items of a condition are those still claimed by someone. The table gives, per condition,
each method's mean and worst precision over the seeds; ``--json`` every run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script, too
import negotiations as ng
from benchmarks import truth_discovery as td

Condition = tuple[str, tuple[ng.Assertion, ...]]  # (its group's name, the claims kept)


def _kept(
    assertions: Sequence[ng.Assertion], part: Callable[[ng.Assertion], str], share: float, seed: int
) -> tuple[ng.Assertion, ...]:
    """The assertions whose ``part`` (source, subject, question) is in a random ``share``."""
    parts = sorted({part(a) for a in assertions})
    keep = set(random.Random(seed).sample(parts, max(1, round(share * len(parts)))))
    return tuple(a for a in assertions if part(a) in keep)


def conditions(
    assertions: Sequence[ng.Assertion], seeds: int, fractions: Sequence[float]
) -> Iterator[Condition]:
    """The whole input, then each resampled condition (seeds 1000+, 2000+, 3000+)."""
    yield "whole input", tuple(assertions)
    for fraction in fractions:
        for seed in range(seeds):
            kept = _kept(assertions, lambda a: a.source, fraction, 1000 + seed)
            yield f"sources {round(fraction * 100)}%", kept
    for seed in range(seeds):
        yield "half the items", _kept(assertions, lambda a: a.subject, 0.5, 2000 + seed)
    predicates = sorted({a.predicate for a in assertions})
    if len(predicates) > 1:
        for seed in range(seeds):
            kept = _kept(assertions, lambda a: f"{a.subject}\n{a.predicate}", 0.5, 3000 + seed)
            yield "half the questions", kept
        for predicate in predicates:
            yield f"{predicate} alone", tuple(a for a in assertions if a.predicate == predicate)


def methods(claims: Any) -> list[tuple[str, Callable[[Sequence[ng.Assertion]], td.Answers]]]:
    """The engine, majority vote and the installed peers, each a function of the claims."""
    found: list[tuple[str, Callable[[Sequence[ng.Assertion]], td.Answers]]] = [
        (td.LIBRARY, lambda assertions: td.library(assertions, claims)),
        (td.MAJORITY, td.majority_vote),
    ]
    package = td.truthdiscovery()
    if package is not None:
        found += [(name, td.peer(package, name)) for name in td.PEERS]
    return found


def run_set(
    name: str,
    claims: Any,
    gold: Any,
    seeds: int,
    fractions: Sequence[float],
    extra: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Every method on every condition of one data set: a row per run (``extra``,
    such as a Flight crawl day, added to each)."""
    assertions, _ = td.one_claim_per_source(claims)
    gold_items = td.gold_answers(gold)
    runners = methods(claims)
    rows = []
    for group, kept in conditions(assertions, seeds, fractions):
        items = {(a.subject, a.predicate) for a in kept}
        on_gold: dict[td.Item, str] = {
            item: value for item, value in gold_items.items() if item in items
        }
        precision = {method: td.precision(run(kept), on_gold)[1] for method, run in runners}
        rows.append(
            {
                "set": name,
                "condition": group,
                "sources": len({a.source for a in kept}),
                "claims": len(kept),
                "gold_items": len(on_gold),
                "precision": precision,
                **(extra or {}),
            }
        )
    return rows


def summary(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Per set and condition: each method's mean and worst precision, and the runs."""
    grouped: dict[tuple[str, str, str], list[Mapping[str, Any]]] = {}
    for row in rows:
        grouped.setdefault((row["set"], row.get("day", ""), row["condition"]), []).append(row)
    out = []
    for (name, day, condition), runs in grouped.items():
        found = [r["precision"] for r in runs]
        out.append(
            {
                "set": name,
                **({"day": day} if day else {}),
                "condition": condition,
                "runs": len(runs),
                "mean": {m: statistics.fmean(p[m] for p in found) for m in found[0]},
                "worst": {m: min(p[m] for p in found) for m in found[0]},
            }
        )
    return out


def format_table(summaries: Sequence[Mapping[str, Any]]) -> str:
    """One line per condition: mean / worst precision of each method (the best mean in *)."""
    if not summaries:
        return "no conditions"
    names = list(summaries[0]["mean"])
    short = {td.LIBRARY: "negotiations", td.MAJORITY: "majority"}
    labels = [f"{e['set']} {e['day']}" if "day" in e else e["set"] for e in summaries]
    width = max(len("set"), *map(len, labels))
    header = f"{'set':<{width}} {'condition':<28} {'runs':>4} " + " ".join(
        f"{short.get(n, n):>16}" for n in names
    )
    lines = [header]
    for label, entry in zip(labels, summaries, strict=True):
        best = max(entry["mean"].values())
        cells = []
        for n in names:
            mark = "*" if entry["mean"][n] == best else " "
            cells.append(f"{entry['mean'][n]:.3f}/{entry['worst'][n]:.3f}{mark}".rjust(16))
        lines.append(
            f"{label:<{width}} {entry['condition']:<28} {entry['runs']:>4} " + " ".join(cells)
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=td.DEFAULT_DATA, help="the truthdata folder")
    parser.add_argument("--sets", nargs="+", choices=sorted(td.LOADERS), default=["flight", "book"])
    parser.add_argument(
        "--flight-days", nargs="+", metavar="DAY", help="Flight crawl days (default: every day)"
    )
    parser.add_argument("--seeds", type=int, default=5, help="random draws per condition")
    parser.add_argument(
        "--fractions", type=float, nargs="+", default=[0.3, 0.5, 0.7], help="shares of sources"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    for name, extra, load in td.data_sets(args.data, args.sets, args.flight_days):
        claims, gold = load()
        rows += run_set(name, claims, gold, args.seeds, args.fractions, extra)
    report: dict[str, Any] = {"data": str(args.data), "summary": summary(rows), "runs": rows}
    print(json.dumps(report, indent=2) if args.json else format_table(report["summary"]))
    return report


if __name__ == "__main__":
    main()
