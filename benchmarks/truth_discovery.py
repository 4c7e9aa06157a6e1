"""Truth discovery on Flight and Book: the library against majority vote and the literature.

Run:  python benchmarks/truth_discovery.py [--data ../shared/truthdata] [--sets flight book]
          [--flight-days YYYY-MM-DD ...] [--json]

Flight runs on every crawl day its folder holds (``DAY-data.txt`` with its
``DAY-truth.txt``; the shipped set has 2011-12-01), each day a result of its own.

Both data sets are read through the public claims loader
(:func:`negotiations.claims.read_tsv`) with user-declared predicates and the
parsers below; the gold files go through the same loader and the same parsers,
so a gold value and a claimed value are compared after the same normalisation.

Normalisation (also in docs/claims.md):

* **Flight times** (scheduled/actual departure/arrival) are written some thirty
  ways ("2:07 PMDec 01", "12/1/11 2:06 PM (-05:00)", "2011-12-01 02:46PM EST",
  "Thu., Dec.01, 2011 1:55 p.m.", "1:55pDec 1", "2011-12-01 13:52"). Each becomes a
  ``ClockValue`` with the local wall-clock time, the day it names (year 2011 when
  the cell gives none: the crawl day's year, 2011 for 2011-12-01) and canonical text
  "YYYY-MM-DD HH:MM". Zone labels and offsets are dropped: in this file they are
  always the local zone of the airport concerned (no flight attribute carries two
  different offsets across sources), so they add nothing and would only keep
  equal times apart. A cell with no time ("Contact Airline", "Cancelled") is no claim.
* **Gates** ("F78", " C20 ", "Term C - C44", "47B/T4", "C-45", "Gate 12", "39?")
  become the gate alone, upper case, letters and digits only ("C44", "47B", "C45");
  a cell naming only a terminal or no gate ("Terminal 3", "--", "TBA", "Not
  provided by airline", "CHK") is no claim.
* **Author lists** ("Knuth, Donald E.", "Peter Aiken, M. David Allen",
  "Aiken, Peter/ Allen, David M.", "By (author) Pooley, Rob By (author) Wilcox,
  Pauline", "HORNICK, MARK F. MARCADE, ERIK VENKAYALA, SUNIL", HTML entities) become
  the sorted set of the authors' surnames (ASCII, lower case, letters only), written
  "aiken; allen". Surnames only: first names and initials are the part stores
  abbreviate differently ("M. David" / "David M."); role words ("(Joint Author)",
  "ed.", "et al") are dropped.
* Missing values ("", "Not Available", and the no-claim cells above) are not claims.

The input every method sees: one claim per source and item (the first a source
gives, in file order; later rows of the same source about the same item are
dropped and counted), as (source, item, canonical value).

Precision: of the gold items (a flight attribute, or a book's author list, whose
gold value is present after normalisation), the fraction whose reconciled value
equals the gold value. An item a method gives no answer for counts as wrong. A
contested verdict counts with the engine's leading answer: the verdict's side with the
highest ``score`` (the weight of evidence the engine gives it); an engine that did not
score sides would have it counted as wrong. The table also reports how many verdicts
were contested. Ties (majority vote, and the
peers' equal beliefs) go to the smallest canonical value, so runs are deterministic.

Peers: the ``truthdiscovery`` package (GPL; benchmark-only, never a dependency of
the library, its code never copied): Sums, AverageLog, Investment,
PooledInvestment, TruthFinder with their default parameters. Install it into the
benchmark environment with ``pip install --no-deps truthdiscovery`` plus numpy,
scipy, bidict, pyyaml, imageio and matplotlib; its unused ``cairo`` import is
satisfied by an empty stub module this script writes to a temporary directory at
run time. Without the package those rows print "not installed".

Wall time is measured around each method only (building its input included,
loading the files not), best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib
import importlib.util
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from anyascii import anyascii

import negotiations as ng
from negotiations.claims import ClaimSet, Columns, Constant, Parser, read_tsv
from negotiations.model import (
    Cardinality,
    ClockTime,
    ClockValue,
    PartialDate,
    PredicateSpec,
    SubjectKind,
    TextValue,
    Value,
    Vocabulary,
)

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "truthdata"
PEERS = ("Sums", "AverageLog", "Investment", "PooledInvestment", "TruthFinder")
LIBRARY = "negotiations (default policy)"
MAJORITY = "majority vote"

# -- Flight: times -----------------------------------------------------------------

_TIME = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm]?\.?(?![a-z]))?")
_MONTH_DAY = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*-?(\d{1,2})(?![\d:])"
    r"|(?<!\d)(\d{1,2})-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"(?<![\d-])(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\d:/])")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}
CRAWL_YEAR = 2011


def _date_of(text: str, crawl_year: int) -> tuple[int, int, int] | None:
    """(year, month, day) named in a cell, in the order month-name, m/d[/y], ISO; a
    date without its year is in the crawl's year.

    A month/day after an ISO date wins ("2011-12-01 11/30 5:20 PM" is the 30th):
    the ISO part is the crawl day, the m/d part the flight's.
    """
    named = _MONTH_DAY.search(text)
    if named:
        if named[1]:
            return (crawl_year, _MONTHS[named[1].casefold()], int(named[2]))
        return (crawl_year, _MONTHS[named[4].casefold()], int(named[3]))
    numeric = _NUMERIC_DATE.search(text)
    if numeric:
        year = int(numeric[3]) if numeric[3] else crawl_year
        return (year + 2000 if year < 100 else year, int(numeric[1]), int(numeric[2]))
    iso = _ISO_DATE.search(text)
    if iso:
        return (int(iso[1]), int(iso[2]), int(iso[3]))
    return None


def flight_time(cell: str, crawl_year: int = CRAWL_YEAR) -> ClockValue | None:
    """A Flight time cell -> a ClockValue "YYYY-MM-DD HH:MM" (local time); None if no time.
    ``crawl_year``: the year of a date the cell writes without one (the file's day)."""
    found = _TIME.search(cell)
    if found is None:
        return None
    hour, minute, half = int(found[1]), int(found[2]), found[3]
    if half is not None:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with a.m./p.m.")
        hour = hour % 12 + (12 if half in "Pp" else 0)
    date = _date_of(cell[: found.start()] + " " + cell[found.end() :], crawl_year)
    clock = ClockTime(hour=hour, minute=minute)
    if date is None:
        return ClockValue(text=f"{hour:02d}:{minute:02d}", time=clock)
    year, month, day = date
    return ClockValue(
        text=f"{year:04d}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}",
        time=clock,
        date=PartialDate(year=year, month=month, day=day),
    )


# -- Flight: gates -----------------------------------------------------------------

_TERMINAL_PREFIX = re.compile(r"^.*\bterm(?:inal)?\b.*?-\s*", re.IGNORECASE)
_GATE_WORD = re.compile(r"\bgate\b", re.IGNORECASE)
_NOT_ALNUM = re.compile(r"[^A-Z0-9]")


def flight_gate(cell: str) -> TextValue | None:
    """A gate cell -> the gate ("C44"); None for a terminal alone or no gate."""
    text = _TERMINAL_PREFIX.sub("", cell.strip())  # "Term C - C44" -> "C44"
    if re.search(r"\bterm(?:inal)?\b", text, re.IGNORECASE):
        return None  # a terminal without a gate
    text = text.split("/")[0]  # travelocity writes gate/terminal: "47B/T4"
    gate = _NOT_ALNUM.sub("", _GATE_WORD.sub("", text).upper())
    if not any(ch.isdigit() for ch in gate):
        return None  # "--", "TBA", "CHK", "HOLD", "Not provided by airline"
    return TextValue(text=gate)


# -- Book: author lists ------------------------------------------------------------

_ROLE = re.compile(
    r"\((?:joint\s+)?(?:author|editor|ed|eds|illustrator|translator|compiler)s?\.?\)"
    r"|\bby\b|\bedited\b|\bet\.? al\.?",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\([^)]*\)")
_PERSONS = re.compile(r"\s*(?:;|/|&|\||\band\b|\bwith\b|\n)\s*", re.IGNORECASE)
_NOT_LETTER = re.compile(r"[^a-z]")
_NOT_A_NAME = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "phd", "ed", "eds", "editor", "author", "dr", "prof"}
)


def _name_words(piece: str) -> list[str]:
    words = (_NOT_LETTER.sub("", w) for w in anyascii(piece).casefold().split())
    return [w for w in words if w and w not in _NOT_A_NAME]


def surnames(cell: str) -> list[str]:
    """The surnames in an author list, however the store writes it.

    Persons are separated by ";", "/", "&", "and", role words or parentheses. Within
    one part, commas separate either "Last, First" (then every other piece is a
    surname), or "First Last, First Last" (every piece has two words or more: the
    last word is the surname), or the run-together "Last, First Last2, First2"
    (the middle pieces end with the next surname).
    """
    text = _PARENTHESIS.sub(";", _ROLE.sub(";", html.unescape(cell)))
    found: set[str] = set()
    for part in _PERSONS.split(text):
        pieces = [words for words in map(_name_words, part.split(",")) if words]
        if not pieces:
            continue
        if len(pieces) == 1:
            found.add(pieces[0][-1])
        elif all(len(words) >= 2 for words in pieces):
            found.update(words[-1] for words in pieces)
        elif len(pieces) > 2 and all(len(words) >= 2 for words in pieces[1:-1]):
            found.add("".join(pieces[0]))
            found.update(words[-1] for words in pieces[1:-1])
        else:
            found.update("".join(words) for words in pieces[0::2])
    return sorted(found)


def book_authors(cell: str) -> TextValue | None:
    """An author-list cell -> the sorted surnames, "aiken; allen"; None if no name."""
    names = surnames(cell)
    return TextValue(text="; ".join(names)) if names else None


# -- the two data sets through the claims loader -------------------------------------

FLIGHT_FIELDS = (
    "scheduled_departure",
    "actual_departure",
    "departure_gate",
    "scheduled_arrival",
    "actual_arrival",
    "arrival_gate",
)
FLIGHT_DAY = "2011-12-01"  # the day shipped in ../shared/truthdata
_DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})-data\.txt$")


def flight_days(data: Path) -> list[str]:
    """Every crawl day in ``data/flight`` with both its claims and its gold
    (``DAY-data.txt`` and ``DAY-truth.txt``), in date order: the benchmark runs on
    each day a folder holds, not only the one it ships with."""
    folder = data / "flight"
    found = (_DAY_FILE.match(path.name) for path in folder.glob("*-data.txt"))
    return sorted(
        match[1] for match in found if match and (folder / f"{match[1]}-truth.txt").is_file()
    )


def _spec(name: str, value_type: type, description: str) -> PredicateSpec:
    return PredicateSpec(
        name=name,
        subjects=frozenset({SubjectKind.ANY}),
        value_type=value_type,
        cardinality=Cardinality.ONE,
        description=description,
    )


def flight_vocabulary() -> Vocabulary:
    vocab = Vocabulary.builtin()
    for field in FLIGHT_FIELDS:
        is_gate = field.endswith("gate")
        words = field.replace("_", " ")
        vocab = vocab.declare(
            _spec(field, TextValue if is_gate else ClockValue, f"the flight's {words}")
        )
    return vocab


def book_vocabulary() -> Vocabulary:
    return Vocabulary.builtin().declare(
        _spec("authors", TextValue, "the book's authors, as the sorted set of their surnames")
    )


def flight_parsers(day: str = FLIGHT_DAY) -> dict[str, Parser]:
    """The parsers of one crawl day's cells (times without a year are in its year)."""
    time = partial(flight_time, crawl_year=int(day[:4]))
    return {f: flight_gate if f.endswith("gate") else time for f in FLIGHT_FIELDS}


def load_flight(data: Path, day: str = FLIGHT_DAY) -> tuple[ClaimSet, ClaimSet]:
    """One day's Flight claims and its gold standard, both through :func:`read_tsv`."""
    folder = data / "flight"
    columns = Columns(source="source", subject="flight", values={f: f for f in FLIGHT_FIELDS})
    common: dict[str, Any] = {
        "encoding": "latin-1",
        "vocabulary": flight_vocabulary(),
        "parsers": flight_parsers(day),
    }
    claims = read_tsv(
        folder / f"{day}-data.txt",
        columns,
        dataset="flight",
        header=("source", "flight", *FLIGHT_FIELDS),
        **common,
    )
    gold = read_tsv(
        folder / f"{day}-truth.txt",
        Columns(source=Constant("gold"), subject="flight", values={f: f for f in FLIGHT_FIELDS}),
        dataset="flight-gold",
        header=("flight", *FLIGHT_FIELDS),
        **common,
    )
    return claims, gold


def load_book(data: Path) -> tuple[ClaimSet, ClaimSet]:
    """The Book claims and its gold standard, both through :func:`read_tsv`."""
    folder = data / "book"
    common: dict[str, Any] = {
        "encoding": "latin-1",
        "vocabulary": book_vocabulary(),
        "parsers": {"authors": book_authors},
    }
    claims = read_tsv(
        folder / "book.txt",
        Columns(source="source", subject="isbn", predicate=Constant("authors"), value="authors"),
        dataset="book",
        header=("source", "isbn", "title", "authors"),
        **common,
    )
    gold = read_tsv(
        folder / "book_golden.txt",
        Columns(
            source=Constant("gold"), subject="isbn", predicate=Constant("authors"), value="authors"
        ),
        dataset="book-gold",
        header=("isbn", "authors"),
        **common,
    )
    return claims, gold


# -- the methods ---------------------------------------------------------------------

Item = tuple[str, str]  # (subject, predicate)
Answers = dict[Item, str]


def canonical(value: Value) -> str:
    """The canonical text the parsers above give every value (what precision compares)."""
    if isinstance(value, ClockValue | TextValue):
        return value.text
    raise TypeError(f"no canonical text for {type(value).__name__}")


def one_claim_per_source(claims: ClaimSet) -> tuple[tuple[ng.Assertion, ...], int]:
    """The first claim each source makes about each item, and how many later ones were dropped."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[ng.Assertion] = []
    for assertion in claims.assertions:
        key = (assertion.source, assertion.subject, assertion.predicate)
        if key not in seen:
            seen.add(key)
            kept.append(assertion)
    return tuple(kept), len(claims.assertions) - len(kept)


def _best(scores: Mapping[str, float]) -> str:
    """The highest-scoring value; ties go to the smallest value, for determinism."""
    return min(scores.items(), key=lambda item: (-item[1], item[0]))[0]


def majority_vote(assertions: Sequence[ng.Assertion]) -> Answers:
    """The weak baseline every truth-discovery paper reports: the most frequent value wins."""
    votes: dict[Item, Counter[str]] = defaultdict(Counter)
    for a in assertions:
        votes[(a.subject, a.predicate)][canonical(a.value)] += 1
    return {item: _best(counter) for item, counter in votes.items()}


def leading_answer(verdict: ng.Verdict) -> str | None:
    """The verdict's answer; for a contested one, the answer its engine scores highest.

    The engine scores every side (``Side.score``: the weight of evidence for it), so a
    contested verdict still has a leading answer; it counts like any other answer.
    """
    if verdict.value is not None:
        return canonical(verdict.value) if verdict.positive else None
    scores: dict[str, float] = {}
    for side in verdict.sides:
        if side.positive and side.key == verdict.key:
            label = canonical(side.value)
            scores[label] = max(scores.get(label, float("-inf")), side.score)
    return _best(scores) if scores else None


def library(
    assertions: Sequence[ng.Assertion], claims: ClaimSet, contested: set[Item] | None = None
) -> Answers:
    """``negotiations.reconcile`` with its default policy, given the loader's vocabulary and
    sources; the items whose verdict was contested are added to ``contested``."""
    rec = ng.reconcile(assertions, vocabulary=claims.vocabulary, sources=claims.sources)
    answers: Answers = {}
    for verdict in rec.verdicts:
        item = (verdict.key.subject, verdict.key.predicate)
        if contested is not None and verdict.status is ng.VerdictStatus.CONTESTED:
            contested.add(item)
        answer = leading_answer(verdict)
        if answer is not None:
            answers[item] = answer
    return answers


@contextmanager
def _cairo_stub() -> Iterator[None]:
    """An empty ``cairo`` module on sys.path while truthdiscovery is imported (it only
    draws graphs with it), unless a real one is installed."""
    if importlib.util.find_spec("cairo") is not None:
        yield
        return
    with tempfile.TemporaryDirectory(prefix="cairo-stub-") as folder:
        (Path(folder) / "cairo.py").write_text(
            '"""Stub: truthdiscovery imports cairo only to draw."""\n'
        )
        sys.path.insert(0, folder)
        try:
            yield
        finally:
            sys.path.remove(folder)
            sys.modules.pop("cairo", None)


def truthdiscovery() -> ModuleType | None:
    """The ``truthdiscovery`` package, or None when it is not installed."""
    if importlib.util.find_spec("truthdiscovery") is None:
        return None
    with _cairo_stub():
        return importlib.import_module("truthdiscovery")


def peer(package: ModuleType, name: str) -> Callable[[Sequence[ng.Assertion]], Answers]:
    """One of the package's algorithms, run on (source, item, canonical value) triples."""

    def run(assertions: Sequence[ng.Assertion]) -> Answers:
        items = {(a.subject, a.predicate): f"{a.subject} {a.predicate}" for a in assertions}
        labels = {label: item for item, label in items.items()}
        triples = [
            (a.source, items[(a.subject, a.predicate)], canonical(a.value)) for a in assertions
        ]
        dataset = package.Dataset(triples)
        result = getattr(package, name)().run(dataset)
        return {
            labels[label]: _best({str(v): float(s) for v, s in beliefs.items()})
            for label, beliefs in result.belief.items()
            if beliefs
        }

    return run


# -- the run -------------------------------------------------------------------------


def precision(answers: Answers, gold: Mapping[Item, str]) -> tuple[int, float]:
    correct = sum(1 for item, value in gold.items() if answers.get(item) == value)
    return correct, correct / len(gold) if gold else float("nan")


def timed(repeat: int, run: Callable[[], Answers]) -> tuple[Answers, float]:
    best = float("inf")
    answers: Answers = {}
    for _ in range(repeat):
        start = time.perf_counter()
        answers = run()
        best = min(best, time.perf_counter() - start)
    return answers, best


def gold_answers(gold: ClaimSet) -> dict[Item, str]:
    """Each gold item's canonical value (what precision compares answers with)."""
    return {(a.subject, a.predicate): canonical(a.value) for a in gold.assertions}


def data_sets(
    data: Path, names: Sequence[str], days: Sequence[str] | None = None
) -> Iterator[tuple[str, dict[str, str], Callable[[], tuple[ClaimSet, ClaimSet]]]]:
    """Each set to run, with what tells it apart and its loader: Flight once per crawl
    day (``days``, else every day the folder holds), the others once."""
    for name in names:
        if name == "flight":  # each crawl day is its own set of claims and gold
            for day in days or flight_days(data) or [FLIGHT_DAY]:
                yield name, {"day": day}, partial(load_flight, data, day)
        else:
            yield name, {}, partial(LOADERS[name], data)


def evaluate(
    name: str, claims: ClaimSet, gold: ClaimSet, load_seconds: float, repeat: int
) -> dict[str, Any]:
    """Every method on one data set: precision on the gold items and wall time."""
    assertions, dropped = one_claim_per_source(claims)
    gold_items = gold_answers(gold)
    contested: set[Item] = set()
    methods: list[tuple[str, Callable[[], Answers] | None]] = [
        (LIBRARY, lambda: library(assertions, claims, contested)),
        (MAJORITY, lambda: majority_vote(assertions)),
    ]
    package = truthdiscovery()
    for peer_name in PEERS:
        run_peer = None if package is None else peer(package, peer_name)
        methods.append((peer_name, None if run_peer is None else partial(run_peer, assertions)))
    rows: list[dict[str, Any]] = []
    for method, run in methods:
        if run is None:
            rows.append({"method": method, "status": "not installed"})
            continue
        answers, seconds = timed(repeat, run)
        correct, share = precision(answers, gold_items)
        rows.append(
            {
                "method": method,
                "status": "ok",
                "precision": share,
                "correct": correct,
                "seconds": seconds,
            }
        )
        if method == LIBRARY:
            on_gold = [item for item in gold_items if item in contested]
            rows[-1]["contested_gold_items"] = len(on_gold)
            rows[-1]["contested_correct"] = sum(
                1 for item in on_gold if answers.get(item) == gold_items[item]
            )
    return {
        "set": name,
        "rows": claims.rows,
        "claims": len(assertions),
        "dropped_repeats": dropped,
        "missing_values": claims.missing,
        "sources": len(claims.sources),
        "items": len({(a.subject, a.predicate) for a in assertions}),
        "gold_items": len(gold_items),
        "load_seconds": load_seconds,
        "methods": rows,
    }


LOADERS: dict[str, Callable[[Path], tuple[ClaimSet, ClaimSet]]] = {
    "flight": load_flight,
    "book": load_book,
}


def format_table(results: Sequence[Mapping[str, Any]]) -> str:
    lines = [f"{'set':<7} {'method':<30} {'precision':>9} {'correct':>11} {'seconds':>9}"]
    for result in results:
        day = f"crawl day {result['day']}: " if "day" in result else ""
        lines.append(
            f"{result['set']:<7} ({day}{result['claims']} claims from {result['sources']} sources on "
            f"{result['items']} items; {result['gold_items']} gold items; loaded in "
            f"{result['load_seconds']:.2f} s)"
        )
        for row in result["methods"]:
            if row["status"] != "ok":
                lines.append(f"{result['set']:<7} {row['method']:<30} {row['status']:>9}")
                continue
            lines.append(
                f"{result['set']:<7} {row['method']:<30} {row['precision']:>9.3f} "
                f"{row['correct']:>5}/{result['gold_items']:<5} {row['seconds']:>9.3f}"
            )
            if "contested_gold_items" in row:
                lines.append(
                    f"{'':<8}({row['contested_gold_items']} gold items contested; their leading "
                    f"answer right in {row['contested_correct']})"
                )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the truthdata folder")
    parser.add_argument("--sets", nargs="+", choices=sorted(LOADERS), default=["flight", "book"])
    parser.add_argument(
        "--flight-days",
        nargs="+",
        metavar="DAY",
        help="Flight crawl days to run (YYYY-MM-DD); default: every day the flight folder "
        "holds with both DAY-data.txt and DAY-truth.txt",
    )
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs per method")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    results = []
    for name, extra, load in data_sets(args.data, args.sets, args.flight_days):
        start = time.perf_counter()
        claims, gold = load()
        result = evaluate(name, claims, gold, time.perf_counter() - start, args.repeat)
        results.append({**result, **extra})
    report = {
        "data": str(args.data),
        "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "results": results,
    }
    print(json.dumps(report, indent=2) if args.json else format_table(results))
    return report


if __name__ == "__main__":
    main()
