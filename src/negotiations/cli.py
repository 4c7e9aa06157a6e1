"""The ``negotiations`` command: validate a corpus, reconcile it, explain verdicts, draw them.

Exit statuses (also in the README and docs/cli.md):

== ==========================================================================
0  success
1  the corpus has problems (``validate``, or a corpus that does not load), or
   ``explain`` found nothing about the subject
2  usage error: a bad option, an unknown name or predicate, a missing extra
3  the output could not be written (disk full, ...); a reader that goes away
   early (``| head``) is not an error: the command keeps its own status
== ==========================================================================
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import difflib
import importlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from negotiations._extras import optional
from negotiations.corpus import Corpus, bundled_corpus_path, load_corpus, validate_corpus
from negotiations.display import (
    Labels,
    evidence_records,
    explain_markdown,
    explain_text,
    labels_of,
    reconciliation_text,
    verdict_records,
)
from negotiations.errors import (
    CorpusError,
    CorpusValidationError,
    NegotiationsError,
    UnknownReferenceError,
)
from negotiations.model._names import to_ascii
from negotiations.reconcile import Policy, default_policy, reconcile

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
FORMATS = ("text", "md", "csv", "json")


class UsageError(NegotiationsError):
    """A command line the program cannot act on (exit status 2)."""


class OutputError(NegotiationsError):
    """A file the command was asked to write could not be written (exit status 3)."""


def _version() -> str:
    from negotiations import __version__

    return __version__


def _csv(records: Iterable[dict[str, object]]) -> str:
    rows = list(records)
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _load(path: str | None) -> Corpus:
    return load_corpus(_corpus_path(path))


def _corpus_path(path: str | None) -> str | Path:
    """The folder given, or the bundled seeds when none is; an empty one (an unset
    shell variable, most often) is refused rather than read as the current folder."""
    if path is None:
        return bundled_corpus_path()
    if not path.strip():
        raise UsageError("an empty corpus path: give a folder, or none for the bundled seeds")
    return path


def _layers(args: argparse.Namespace) -> list[str | Path]:
    """The corpus folder (default: the seeds), then each ``--layer``, then the bundled reports."""
    layers: list[str | Path] = [_corpus_path(args.path)]
    layers += [_corpus_path(layer) for layer in args.layer or []]
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


def _reconcile_claims(args: argparse.Namespace) -> tuple[int, str]:
    """``reconcile --claims FILE``: reconcile the rows of a CSV/TSV file instead of a corpus."""
    from negotiations.claims._cli import print_claims_reconciliation, read_claims_file

    ignored = [
        option
        for option, given in (
            ("a corpus PATH", args.path),
            ("--layer", args.layer),
            ("--with-reports", args.with_reports),
        )
        if given
    ]
    if ignored:
        raise UsageError(
            f"--claims reconciles a table alone; {', '.join(ignored)} cannot apply to it"
        )
    claims = read_claims_file(args)
    rec = reconcile(
        claims, _policy(args.rules), vocabulary=claims.vocabulary, progress=_progress_bar()
    )
    labels = Labels(rec, ids=args.ids)
    if args.format == "json":
        data = json.loads(rec.to_json())
        data["labels"] = labels_of(rec, Labels(rec))
        return EXIT_OK, _json(data)
    if args.format == "csv":
        return EXIT_OK, _csv(verdict_records(rec.verdicts, labels))
    if args.format == "md":
        return EXIT_OK, reconciliation_text(rec, labels, show_all=True, markdown=True)
    buffer = io.StringIO()
    print_claims_reconciliation(claims, rec, buffer)
    return EXIT_OK, buffer.getvalue()


def _known_predicates() -> tuple[str, ...]:
    from negotiations.model import Predicate

    return tuple(str(p.value) for p in Predicate)


def _check_predicate(predicate: str | None) -> None:
    known = _known_predicates()
    if predicate is None or predicate in known:
        return
    close = difflib.get_close_matches(predicate, known, n=3)
    hint = f"; did you mean {' or '.join(close)}?" if close else f"; known: {', '.join(known)}"
    raise UsageError(f"unknown predicate {predicate!r}{hint}")


def _policy(rules: str | None) -> Policy | None:
    """The default policy, or one keeping only the named rules (``--rules``)."""
    if rules is None:
        return None
    defaults = default_policy().rules
    known = {rule.name: rule for rule in defaults}
    wanted = [name.strip() for name in rules.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise UsageError(f"unknown rule {unknown[0]!r}; the default policy has {', '.join(known)}")
    return Policy(rules=tuple(known[name] for name in wanted))


def _run_validate(args: argparse.Namespace) -> tuple[int, str]:
    layers = _layers(args)
    problems = validate_corpus(*layers)
    lines = [f"{problem}" for problem in problems]
    lines.append(f"{len(problems)} problem(s)" if problems else "corpus is valid")
    hint = _layer_hint(layers, problems)
    if hint:
        lines.append(hint)
    return (EXIT_PROBLEMS if problems else EXIT_OK), "\n".join(lines) + "\n"


def _layer_hint(layers: Sequence[str | Path], problems: Sequence[CorpusError]) -> str | None:
    """When one folder was validated alone and ids it does not define are among its
    problems, whether it is a layer over the bundled seeds: then say how to validate it
    on top of them (a layer alone cannot resolve the ids it borrows)."""
    seeds = bundled_corpus_path()
    if len(layers) != 1 or Path(layers[0]).resolve() == Path(seeds).resolve():
        return None
    unknown = sum(isinstance(p, UnknownReferenceError) for p in problems)
    if not unknown:
        return None
    stacked = validate_corpus(seeds, layers[0])
    left = sum(isinstance(p, UnknownReferenceError) for p in stacked)
    if left >= unknown:
        return None
    return (
        f"hint: {unknown - left} of the {unknown} unknown references are ids the bundled seed "
        f"corpus defines; if {layers[0]} is a layer over the seeds, validate it on top of them: "
        f"negotiations validate --layer {layers[0]} ({len(stacked)} problem(s) that way)"
    )


#: Runs with fewer claims finish before a progress bar would tell anything.
PROGRESS_FROM = 50_000


def _progress_bar() -> Callable[[int, int], None] | None:
    """A tqdm bar on standard error for a long run, when tqdm (the ``progress`` extra)
    is installed and standard error is a terminal; otherwise nothing."""
    if not sys.stderr.isatty():
        return None
    progress = optional("tqdm")
    if progress is None:
        return None
    tqdm = progress.tqdm
    bar: list[Any] = []

    def update(done: int, total: int) -> None:
        if total < PROGRESS_FROM:
            return
        if not bar:
            bar.append(tqdm(total=total, unit="claim", desc="reconciling", file=sys.stderr))
        bar[0].update(done - bar[0].n)
        if done >= total:
            bar[0].close()

    return update


def _run_reconcile(args: argparse.Namespace) -> tuple[int, str]:
    if args.claims:
        return _reconcile_claims(args)
    corpus = load_corpus(*_layers(args))
    rec = reconcile(corpus, _policy(args.rules), progress=_progress_bar())
    labels = Labels(corpus, ids=args.ids)
    if args.format == "json":
        data = json.loads(rec.to_json())
        data["labels"] = labels_of(rec, Labels(corpus))
        return EXIT_OK, _json(data)
    if args.format == "csv":
        return EXIT_OK, _csv(verdict_records(rec.verdicts, labels))
    markdown = args.format == "md"
    return EXIT_OK, reconciliation_text(rec, labels, show_all=args.all, markdown=markdown)


def _run_explain(args: argparse.Namespace) -> tuple[int, str]:
    _check_predicate(args.predicate)
    corpus = _load(args.corpus)
    rec = reconcile(corpus, _policy(args.rules))
    verdicts = rec.concerning(args.subject, args.predicate)
    if not verdicts:
        what = f"{args.subject!r}" + (f" for {args.predicate}" if args.predicate else "")
        return EXIT_PROBLEMS, f"no verdicts about {what}\n"
    labels = Labels(corpus, ids=args.ids)
    if args.format == "json":
        from negotiations.display import verdict_sentence
        from negotiations.serialize import unstructure

        plain = Labels(corpus)
        data = {
            "verdicts": [
                {
                    "sentence": verdict_sentence(v, plain),
                    "verdict": unstructure(v),
                }
                for v in verdicts
            ],
            "labels": {
                k: val
                for k, val in labels_of(rec, plain).items()
                if any(k in json.dumps(unstructure(v)) for v in verdicts)
            },
        }
        return EXIT_OK, _json(data)
    if args.format == "csv":
        return EXIT_OK, _csv(evidence_records(verdicts, labels))
    if args.format == "md":
        return EXIT_OK, explain_markdown(verdicts, labels)
    return EXIT_OK, explain_text(verdicts, labels) + "\n"


def _run_coverage(args: argparse.Namespace) -> tuple[int, str]:
    from negotiations.corpus._coverage import coverage_markdown

    return EXIT_OK, coverage_markdown(_load(args.path))


def _run_plot(args: argparse.Namespace) -> tuple[int, str]:
    try:
        plot = importlib.import_module("negotiations.plot")
    except ImportError as missing:
        raise UsageError(f"{missing}") from None
    corpus = _load(args.corpus)
    rec = reconcile(corpus)
    try:
        written: str = plot.save(args.kind, rec, args.output)
    except OSError as error:  # a missing folder, a directory, a name too long...
        raise OutputError(f"cannot write {args.output}: {error.strerror or error}") from None
    return EXIT_OK, f"wrote {written}\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="negotiations",
        description="Typed, sourced, reconciled records of diplomatic negotiations from news reports.",
        epilog="exit status: 0 ok, 1 problems found (or nothing to explain), 2 usage error, "
        "3 output could not be written",
    )
    parser.add_argument("--version", action="version", version=f"negotiations {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    corpus_help = "corpus folder (default: the bundled seed corpus)"
    rules_help = (
        "keep only these rules of the default policy, comma-separated "
        "(e.g. AfterEventOverBefore,ModalityRank; '' for none: every conflict stays contested)"
    )

    p_validate = commands.add_parser(
        "validate", help="report every problem in a corpus (exit 1 if any)"
    )
    p_validate.add_argument("path", nargs="?", help=corpus_help)
    _add_layer_options(p_validate)

    p_rec = commands.add_parser("reconcile", help="reconcile a corpus and print what it says")
    p_rec.add_argument("path", nargs="?", help=corpus_help)
    p_rec.add_argument("--format", choices=FORMATS, default="text")
    p_rec.add_argument("--all", action="store_true", help="list every verdict, not only conflicts")
    p_rec.add_argument("--ids", action="store_true", help="show ids beside names")
    p_rec.add_argument("--rules", help=rules_help)
    _add_layer_options(p_rec)
    _add_claims_options(p_rec)

    p_explain = commands.add_parser("explain", help="explain the verdicts about one subject")
    p_explain.add_argument("subject", help="a name in any spelling, or an id (actor, event)")
    p_explain.add_argument("predicate", nargs="?", help="e.g. holds_office, date, participant")
    p_explain.add_argument("--corpus", help=corpus_help)
    p_explain.add_argument("--format", choices=FORMATS, default="text")
    p_explain.add_argument("--ids", action="store_true", help="show ids beside names")
    p_explain.add_argument("--rules", help=rules_help)

    p_cov = commands.add_parser("coverage", help="assertions per predicate per article (Markdown)")
    p_cov.add_argument("path", nargs="?", help=corpus_help)

    p_plot = commands.add_parser("plot", help="draw a chart to PNG or SVG (needs the plot extra)")
    p_plot.add_argument("kind", choices=("timeline", "delegations", "contested"))
    p_plot.add_argument("-o", "--output", required=True, help="FILE.png or FILE.svg")
    p_plot.add_argument("--corpus", help=corpus_help)
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace], tuple[int, str]]] = {
    "validate": _run_validate,
    "reconcile": _run_reconcile,
    "explain": _run_explain,
    "coverage": _run_coverage,
    "plot": _run_plot,
}


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: what the stream cannot encode, in ASCII ("ü" -> "u"); a lone
    surrogate (a non-UTF-8 file name, say) as its escape ``\\udce9``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return (
        "".join(f"\\u{ord(c):04x}" if "\ud800" <= c <= "\udfff" else to_ascii(c) for c in chunk),
        error.end,
    )


codecs.register_error("negotiations.transliterate", _transliterate)


def _printable(text: str, stream: TextIO) -> str:
    """The text as the stream can encode it: only what it cannot hold is transliterated
    ("Türkiye" -> "Turkiye" on an ASCII stream), never a UnicodeEncodeError."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except LookupError:
        encoding = "ascii"
    except UnicodeEncodeError:
        pass
    else:
        return text
    return text.encode(encoding, "negotiations.transliterate").decode(encoding)


def _write(text: str, stream: TextIO | None) -> None:
    if stream is None:  # started with stdout closed: nothing to write to
        return
    stream.write(_printable(text, stream))
    stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (see the module docstring)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse: --help / --version (0) or a usage error (2)
        return int(exit_.code) if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        status, text = _COMMANDS[args.command](args)
    except CorpusValidationError as error:
        _write_error(f"{error}\n")
        return EXIT_PROBLEMS
    except OutputError as error:
        _write_error(f"error: {error}\n")
        return EXIT_OUTPUT
    except NegotiationsError as error:
        _write_error(f"error: {error}\n")
        return EXIT_USAGE
    try:
        _write(text, sys.stdout)
    except BrokenPipeError:
        # The reader went away (e.g. `| head -1`): stop quietly, as Unix tools do, and
        # keep the command's own status; point stdout at /dev/null so that Python's
        # final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return status
    except OSError as error:
        _write_error(f"error: cannot write the output: {error.strerror or error}\n")
        _silence_stdout()
        return EXIT_OUTPUT
    return status


def _write_error(text: str) -> None:
    with contextlib.suppress(OSError):
        _write(text, sys.stderr)


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def console() -> None:  # pragma: no cover - the console-script entry point
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
