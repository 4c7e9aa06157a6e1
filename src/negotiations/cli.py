"""The ``negotiations`` command: validate a corpus, reconcile it, explain verdicts."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from negotiations.corpus import Corpus, bundled_corpus_path, load_corpus, validate_corpus
from negotiations.errors import CorpusValidationError, NegotiationsError
from negotiations.model import Assertion
from negotiations.reconcile import Reconciliation, Verdict, VerdictStatus, reconcile
from negotiations.reconcile._explain import explain_verdict


def _line(verdict: Verdict) -> str:
    def sources(items: Sequence[Assertion]) -> int:
        return len({a.source for a in items})

    return (
        f"{verdict.status.value.upper():<11} {verdict.label}"
        f"  [{sources(verdict.supporting)} for / {sources(verdict.opposing)} against]"
    )


def print_reconciliation(rec: Reconciliation, corpus: Corpus, out: TextIO, show_all: bool) -> None:
    counts = Counter(v.status.value for v in rec.verdicts)
    out.write(f"Corpus: {corpus.summary()}\n")
    out.write(f"Policy: {' > '.join(rec.policy_rules)}\n")
    out.write(
        f"Verdicts: {len(rec.verdicts)} ("
        + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        + f"); {len(rec.conflicts)} had conflicting evidence\n\n"
    )
    out.write("Meetings\n--------\n")
    for meeting in rec.meetings:
        if meeting.status is None and meeting.when is None:
            continue
        where = ", ".join(p.name for p in (meeting.venue, meeting.city) if p is not None)
        out.write(f"* {meeting.name}\n")
        out.write(
            f"  date: {meeting.date or meeting.when or '?'}  status: {meeting.status.value if meeting.status else '?'}"
            f"  mode: {meeting.mode.value if meeting.mode else '?'}  where: {where or '?'}\n"
        )
        if meeting.chair is not None:
            out.write(f"  chair: {meeting.chair.name}\n")
        if meeting.duration is not None:
            out.write(f"  duration: {meeting.duration}\n")
        for delegation in meeting.delegations:
            members = ", ".join(m.name for m in delegation.members) or "—"
            head = delegation.head.name if delegation.head else "?"
            out.write(f"  {delegation.party.name} delegation: head {head}; members {members}\n")
        if meeting.absent:
            out.write(f"  not attending: {', '.join(a.name for a in meeting.absent)}\n")
    out.write("\nContested (the rules cannot decide)\n-----------------------------------\n")
    for verdict in rec.contested:
        out.write(f"* {verdict.key}\n")
        for side in verdict.sides:
            sources = ", ".join(sorted({a.source for a in side.assertions}))
            out.write(f"    {side.status.value:<10} {side.label}  <- {sources}\n")
    out.write("\nSettled conflicts\n-----------------\n")
    for verdict in rec.conflicts:
        if verdict.status is not VerdictStatus.CONTESTED:
            decided_by = next(
                (s.rule for s in reversed(verdict.trace) if s.decision.startswith("prefers")),
                "the conflict model",
            )
            out.write(f"* {_line(verdict)}  by {decided_by}\n")
    if show_all:
        out.write("\nAll verdicts\n------------\n")
        for verdict in rec.verdicts:
            out.write(f"* {_line(verdict)}\n")


def _load(path: str | None) -> Corpus:
    return load_corpus(path)


def _layers(args: argparse.Namespace) -> list[str | Path]:
    """The corpus folder (default: the seeds), then each ``--layer``, then the bundled reports."""
    layers: list[str | Path] = [args.path or bundled_corpus_path()]
    layers += args.layer or []
    if args.with_reports:
        layers.append(bundled_corpus_path("reports"))
    return layers


def _add_layer_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--layer", action="append", metavar="PATH", help="a further corpus layer (repeatable)"
    )
    command.add_argument(
        "--with-reports", action="store_true", help="add the bundled reports corpus as a layer"
    )


# -- claims from a table (negotiations.claims; kept apart from the corpus commands) ---------


def _add_claims_options(parser: argparse.ArgumentParser) -> None:
    from negotiations.claims._cli import add_claims_options

    add_claims_options(parser)


def _reconcile_claims(args: argparse.Namespace, out: TextIO) -> int:
    """``reconcile --claims FILE``: reconcile the rows of a CSV/TSV file instead of a corpus."""
    from negotiations.claims._cli import print_claims_reconciliation, read_claims_file

    claims = read_claims_file(args)
    rec = reconcile(claims, vocabulary=claims.vocabulary)
    if args.format == "json":
        out.write(rec.to_json(indent=2) + "\n")
    else:
        print_claims_reconciliation(claims, rec, out)
    return 0


# ------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="negotiations",
        description="Typed, sourced, reconciled records of diplomatic negotiations from news reports.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p_validate = commands.add_parser(
        "validate", help="report every problem in a corpus (exit 1 if any)"
    )
    p_validate.add_argument(
        "path", nargs="?", help="corpus folder (default: the bundled seed corpus)"
    )
    p_rec = commands.add_parser("reconcile", help="reconcile a corpus and print verdicts")
    p_rec.add_argument("path", nargs="?", help="corpus folder (default: the bundled seed corpus)")
    _add_layer_options(p_validate)
    _add_layer_options(p_rec)
    p_rec.add_argument("--format", choices=("text", "json"), default="text")
    p_rec.add_argument("--all", action="store_true", help="list every verdict, not only conflicts")
    _add_claims_options(p_rec)
    p_explain = commands.add_parser("explain", help="explain the verdicts about one subject")
    p_explain.add_argument(
        "subject", help="a name in any spelling, or an id (actor, event, delegation)"
    )
    p_explain.add_argument("predicate", nargs="?", help="e.g. holds_office, date, member")
    p_explain.add_argument("--corpus", help="corpus folder (default: the bundled seed corpus)")
    p_cov = commands.add_parser("coverage", help="assertions per predicate per article (Markdown)")
    p_cov.add_argument("path", nargs="?", help="corpus folder (default: the bundled seed corpus)")
    args = parser.parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "validate":
            problems = validate_corpus(*_layers(args))
            for problem in problems:
                out.write(f"{problem}\n")
            out.write(f"{len(problems)} problem(s)\n" if problems else "corpus is valid\n")
            return 1 if problems else 0
        if args.command == "reconcile" and args.claims:
            return _reconcile_claims(args, out)
        corpus = (
            load_corpus(*_layers(args))
            if args.command == "reconcile"
            else _load(args.path if args.command != "explain" else args.corpus)
        )
        if args.command == "coverage":
            from negotiations.corpus._coverage import coverage_markdown

            out.write(coverage_markdown(corpus))
            return 0
        rec = reconcile(corpus)
        if args.command == "reconcile":
            if args.format == "json":
                out.write(rec.to_json(indent=2) + "\n")
            else:
                print_reconciliation(rec, corpus, out, args.all)
            return 0
        verdicts = rec.about(args.subject, args.predicate)
        if not verdicts:
            out.write(
                f"no verdicts about {args.subject!r}"
                + (f" for {args.predicate}" if args.predicate else "")
                + "\n"
            )
            return 1
        out.write(
            "\n\n".join(explain_verdict(v, corpus.registry, corpus.sources) for v in verdicts)
            + "\n"
        )
        return 0
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except CorpusValidationError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    except NegotiationsError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
