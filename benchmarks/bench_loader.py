"""How long loading takes, and that it grows linearly with the corpus.

Run: ``PYTHONPATH=src python benchmarks/bench_loader.py``. Prints the load time of the
bundled corpora, then of synthetic corpora of 1x..16x the same shape (one article and
one annotation file per unit), and of one article of growing length quoted with a
one-letter quote (the ambiguous-quote path, bounded by design).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import negotiations as ng
from negotiations.corpus import Limits

ACTORS = """\
actors:
  - {id: vladimir_putin, type: person, name: Vladimir Putin, aliases: [Putin]}
  - {id: russia, type: state, name: Russia}
"""
PLACES = "places:\n  - {id: istanbul, name: Istanbul, kind: city}\n"
OFFICES = (
    "offices:\n  - {id: president, name: President, organization: russia, single_holder: true}\n"
)
EVENTS = "events:\n  - {id: talks, name: Talks, kind: meeting}\n"
ARTICLE = (
    "Russian President Vladimir Putin will not attend the talks in Istanbul on Thursday {n}. "
    "The talks were held for approximately 2 hours.\n"
)
ANNOTATION = """\
document: doc_{n}
source: {{kind: unknown}}
published: {{date: "2025-05-15", basis: stated}}
assertions:
  - {{subject: talks, predicate: city, value: istanbul, modality: reported, quote: "talks in Istanbul"}}
  - {{subject: talks, predicate: date, value: Thursday, modality: expected, quote: "on Thursday {n}"}}
  - {{subject: talks, predicate: duration, value: approximately 2 hours, modality: reported, quote: "held for approximately 2 hours"}}
  - {{subject: vladimir_putin, predicate: holds_office, value: president, title: Russian President, modality: reported, quote: "Russian President Vladimir Putin"}}
"""


def synthetic(root: Path, units: int) -> Path:
    (root / "registry").mkdir(parents=True)
    (root / "annotations").mkdir()
    for name, text in (
        ("actors", ACTORS),
        ("places", PLACES),
        ("offices", OFFICES),
        ("events", EVENTS),
    ):
        (root / "registry" / f"{name}.yaml").write_text(text, encoding="utf-8")
    for n in range(units):
        (root / f"doc_{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
        (root / "annotations" / f"doc_{n}.yaml").write_text(
            ANNOTATION.format(n=n), encoding="utf-8"
        )
    return root


def timed(*layers: Path | str | None, limits: Limits | None = None) -> float:
    started = time.perf_counter()
    ng.validate_corpus(*layers, limits=limits)
    return time.perf_counter() - started


def main() -> None:
    print(f"seeds:            {timed():.3f} s")
    print(
        f"seeds + reports:  {timed(ng.bundled_corpus_path(), ng.bundled_corpus_path('reports')):.3f} s"
    )
    base = None
    for units in (250, 500, 1000, 2000, 4000):
        with tempfile.TemporaryDirectory() as folder:
            seconds = timed(synthetic(Path(folder) / "c", units))
        per = seconds / (units * 4) * 1e6
        base = base or per
        print(
            f"{units:5d} articles, {units * 4:6d} assertions: {seconds:6.2f} s, "
            f"{per:6.1f} µs/assertion (x{per / base:.2f} of the smallest)"
        )
    for megabytes in (1, 4, 16):
        with tempfile.TemporaryDirectory() as folder:
            root = synthetic(Path(folder) / "c", 1)
            (root / "doc_0.txt").write_text(
                ARTICLE.format(n=0) + "a" * (megabytes << 20), encoding="utf-8"
            )
            text = (
                ANNOTATION.format(n=0)
                + '  - {subject: talks, predicate: agenda, value: a, modality: reported, quote: "a"}\n'
            )
            (root / "annotations" / "doc_0.yaml").write_text(text, encoding="utf-8")
            seconds = timed(root, limits=Limits(max_file_bytes=64 << 20))
            problems = ng.validate_corpus(root, limits=Limits(max_file_bytes=64 << 20))
            size = max(len(str(p)) for p in problems)
        print(
            f"one-letter quote in a {megabytes:2d} MB article: {seconds:.3f} s, longest message {size} chars"
        )


if __name__ == "__main__":
    main()
