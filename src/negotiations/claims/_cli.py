"""``negotiations reconcile --claims FILE``: the command line's door to table claims.

Kept here, beside the loaders, so ``cli.py`` only registers the options and
hands over; the options map columns the way :meth:`Columns.parse` reads them.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TextIO

from negotiations.claims._build import ClaimSet
from negotiations.claims._columns import DEFAULT_LAYOUT, Columns
from negotiations.claims._errors import ColumnMappingError
from negotiations.claims._readers import read_csv
from negotiations.model import Assertion, EntityId
from negotiations.reconcile import Reconciliation

_TAB_SUFFIXES = (".tsv", ".tab")


def add_claims_options(parser: argparse.ArgumentParser) -> None:
    """Register ``--claims`` and its mapping options on the ``reconcile`` command."""
    group = parser.add_argument_group(
        "claims from a table",
        f"reconcile the rows of a CSV/TSV file instead of a corpus; default layout: a header "
        f"naming {', '.join(DEFAULT_LAYOUT[:4])} (optional: {', '.join(DEFAULT_LAYOUT[4:])}, record)",
    )
    group.add_argument("--claims", metavar="FILE", help="a CSV (or .tsv) file of claims")
    group.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="ROLE=COLUMN",
        help="map a role (source, subject, predicate, value, time, modality, record) to a "
        "header name or 0-based position; repeatable",
    )
    group.add_argument(
        "--constant",
        action="append",
        default=[],
        metavar="ROLE=VALUE",
        help="one value for every row, e.g. predicate=date; repeatable",
    )
    group.add_argument(
        "--delimiter",
        help="field separator: one character, or \\t (tab), \\s (space) "
        "(default: tab for .tsv/.tab, else comma)",
    )
    group.add_argument("--encoding", default="utf-8", help="file encoding (default utf-8)")
    group.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="load the good rows and count the bad ones instead of refusing the file",
    )


def read_claims_file(args: argparse.Namespace) -> ClaimSet:
    """The table named by ``--claims``, read with the mapping options."""
    path = Path(args.claims)
    tab = path.suffix.casefold() in _TAB_SUFFIXES
    delimiter = args.delimiter if args.delimiter is not None else "\t" if tab else ","
    columns = Columns.parse(args.column, args.constant) if args.column or args.constant else None
    return read_csv(
        path,
        columns,
        delimiter=typed_delimiter(delimiter),
        encoding=args.encoding,
        on_error="skip" if args.skip_bad_rows else "raise",
    )


#: Separators typed on a shell as their escapes.
_ESCAPES = {"\\t": "\t", "tab": "\t", "\\\\": "\\", "\\s": " ", "space": " "}


def typed_delimiter(text: str) -> str:
    """The separator ``--delimiter`` names: one character as typed, or an escape a shell
    user types for one that is awkward to type (``\\t`` or ``tab``, ``\\s`` or ``space``)."""
    found = _ESCAPES.get(text.casefold() if text.isalpha() else text, text)
    if len(found) != 1:
        raise ColumnMappingError(
            f"--delimiter {text!r}: expected one character, or one of "
            f"{', '.join(repr(e) for e in _ESCAPES)}"
        )
    return found


def _sources(assertions: tuple[Assertion, ...], claims: ClaimSet) -> str:
    names = sorted({claims.sources[a.source].title or a.source for a in assertions})
    return ", ".join(names) if names else "-"


def print_claims_reconciliation(claims: ClaimSet, rec: Reconciliation, out: TextIO) -> None:
    """Every verdict, one line each, with the sources for and against in their own names."""
    out.write(f"Claims: {claims.summary()}\n")
    for problem in claims.skipped:
        out.write(f"  skipped: {problem}\n")
    counts = Counter(v.status.value for v in rec.verdicts)
    out.write(
        f"Verdicts: {len(rec.verdicts)} ("
        + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        + ")\n\n"
    )
    for verdict in rec.verdicts:
        subject = claims.subject_names.get(EntityId(verdict.key.subject), (verdict.key.subject,))[0]
        if verdict.value is None:
            answer = "(no answer stands)"
        else:
            answer = ("" if verdict.positive else "NOT ") + claims.name_of(verdict.value)
        out.write(
            f"{verdict.status.value.upper():<11} {subject} | {verdict.key.predicate}: {answer}\n"
            f"{'':<12}for: {_sources(verdict.supporting, claims)}"
            f"; against: {_sources(verdict.opposing, claims)}\n"
        )
