"""A catalogue of hostile corpus inputs (issue 10).

Each case breaks the small valid corpus of ``_corpora`` in one way and names the
exact error class, file and line expected. After every case the test checks that
no input file changed, that a second load in the same process reports the same
problems, and that a valid corpus still loads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import negotiations as ng
from negotiations.corpus import Limits
from negotiations.errors import (
    InconsistentRegistryError,
    LimitExceededError,
    UnsafePathError,
    ValueExpressionError,
)
from tests.corpus._corpora import (
    ACTORS,
    ANNOTATION,
    ANNOTATION_FILE,
    ANNOTATION_TEXT,
    ARTICLE,
    DOC,
    EVENTS,
    FOLDER,
    OFFICES,
    PLACES,
    line_number,
    with_assertion,
    write_corpus,
)

ACTORS_FILE = f"{FOLDER}/registry/actors.yaml"
PLACES_FILE = f"{FOLDER}/registry/places.yaml"
OFFICES_FILE = f"{FOLDER}/registry/offices.yaml"
EVENTS_FILE = f"{FOLDER}/registry/events.yaml"
PREDICATES_FILE = f"{FOLDER}/registry/predicates.yaml"
ARTICLE_FILE = f"{FOLDER}/{DOC}.txt"


@dataclass(frozen=True)
class Case:
    """One hostile input: files to write over the valid corpus, and the problem expected."""

    name: str
    files: dict[str, str | None]
    cls: type[ng.CorpusError]
    file: str
    line: int | None
    setup: Callable[[Path], None] | None = None
    limits: Limits | None = None
    raw: dict[str, bytes] = field(default_factory=dict)


def locate(text: str, needle: str | int | None) -> int | None:
    """The line of ``needle`` in ``text``; an int is a line given outright; None: no line."""
    if needle is None or isinstance(needle, int):
        return needle
    return line_number(text, needle)


def in_annotation(
    name: str, old: str, new: str, cls: type[ng.CorpusError], needle: str | int | None
) -> Case:
    """The annotation with ``old`` replaced by ``new``; the problem is on ``needle``'s line."""
    assert ANNOTATION_TEXT.count(old) == 1, old
    text = ANNOTATION_TEXT.replace(old, new)
    return Case(name, {ANNOTATION: text}, cls, ANNOTATION_FILE, locate(text, needle))


def added(
    name: str,
    block: list[str],
    cls: type[ng.CorpusError],
    offset: int,
    article: str | None = None,
) -> Case:
    """One more assertion; the problem is on line ``offset`` of the added block."""
    text, start = with_assertion(block)
    files: dict[str, str | None] = {ANNOTATION: text}
    if article is not None:
        files[f"{DOC}.txt"] = article
    return Case(name, files, cls, ANNOTATION_FILE, start + offset)


def in_registry(
    name: str, registry: str, text: str, cls: type[ng.CorpusError], needle: str | int | None
) -> Case:
    file = f"{FOLDER}/registry/{registry}.yaml"
    return Case(name, {f"registry/{registry}.yaml": text}, cls, file, locate(text, needle))


def event_block(predicate: str, value: str, quote: str, *extra: str) -> list[str]:
    return [
        "  - subject: istanbul_talks",
        f"    predicate: {predicate}",
        f"    value: {value}",
        "    modality: reported",
        f'    quote: "{quote}"',
        *extra,
    ]


def symlink(relative: str, target: str | Callable[[Path], Path]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target(root) if callable(target) else target)

    return make


def outside_file(root: Path) -> Path:
    secret = root.parent / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    return secret


def replaced_by_link(relative: str) -> Callable[[Path], None]:
    """``relative`` becomes a link to a file outside the corpus folder."""

    def make(root: Path) -> None:
        (root / relative).unlink()
        symlink(relative, outside_file)(root)

    return make


def fifo(relative: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        os.mkfifo(root / relative)

    return make


def directory(relative: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / relative).mkdir(parents=True)

    return make


EXTRA = (
    "The session began around 1:35 p.m. and ended at 15:20, lasting less than two hours. "
    "A 12-member team swapped 1,000 prisoners. It had been 0 days. Talks 25:70.\n"
)
LONG = ARTICLE + EXTRA
BOMB = (
    "["
    + ", ".join(
        ['&l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        + [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
    )
    + "]"
)
DEEP = "[" * 200 + "]" * 200
MANY_ALIASES = "[&a x, " + ", ".join(["*a"] * 150) + "]"

# -- YAML ------------------------------------------------------------------------------------
YAML_CASES = [
    in_registry("tab indentation", "places", "places:\n\t- {id: x}\n", ng.MalformedFileError, "\t"),
    in_registry(
        "unclosed quote",
        "places",
        "places:\n  - {id: 'kyiv, name: Kyiv}\n",
        ng.MalformedFileError,
        3,  # noticed at the end of the text; the message names line 2, where it starts
    ),
    in_registry(
        "unclosed flow list",
        "places",
        "places: [\n  {id: kyiv}\nother: 1\n",
        ng.MalformedFileError,
        "other",
    ),
    in_registry("top level is a list", "places", "- places\n", ng.MalformedFileError, "- places"),
    in_registry("top level is a scalar", "places", "places\n", ng.MalformedFileError, "places"),
    in_registry("empty file", "offices", "", ng.MalformedFileError, 1),
    in_registry(
        "duplicate key",
        "places",
        "places: []\nplaces: []\n",
        ng.DuplicateIdError,
        2,
    ),
    in_registry("non-string key", "places", "places: []\n12: x\n", ng.MalformedFileError, "12: x"),
    in_registry("NUL byte", "places", "places: []\n# \x00\n", ng.MalformedFileError, "\x00"),
    in_registry("bell character", "places", "places: []\nx: \x07\n", ng.MalformedFileError, "\x07"),
    in_registry(
        "escaped lone surrogate in a name",
        "actors",
        ACTORS.replace("name: Dmitry Peskov", 'name: "Dmitry \\udcff Peskov"'),
        ng.MalformedFileError,
        "udcff",
    ),
    in_registry(
        "escaped NUL in a name",
        "places",
        'places:\n  - {id: istanbul, name: "Istan\\0bul", kind: city, aliases: []}\n',
        ng.MalformedFileError,
        "Istan",
    ),
    in_registry(
        "python tag",
        "places",
        "places: !!python/object:os.system ls\n",
        ng.MalformedFileError,
        "python",
    ),
    in_registry("unknown tag", "places", "places: !custom [1]\n", ng.MalformedFileError, "custom"),
    in_registry(
        "undefined alias", "places", "places: *nowhere\n", ng.MalformedFileError, "nowhere"
    ),
    in_registry(
        "two documents", "places", "places: []\n---\nplaces: []\n", ng.MalformedFileError, "---"
    ),
    in_registry(
        "merge of a scalar",
        "places",
        "places:\n  - <<: 3\n    id: x\n",
        ng.MalformedFileError,
        "<<",
    ),
    in_registry("billion laughs", "places", f"places: {BOMB}\n", LimitExceededError, "places"),
    in_registry(
        "too many aliases", "places", f"places: {MANY_ALIASES}\n", LimitExceededError, "places"
    ),
    in_registry("deep flow nesting", "places", f"places: {DEEP}\n", LimitExceededError, "places"),
    in_registry(
        "deep block nesting",
        "places",
        "places:\n" + "".join("  " * i + "-\n" for i in range(1, 80)),
        LimitExceededError,
        51,  # the 51st level
    ),
    in_registry(
        "entries are a mapping", "places", "places: {id: kyiv}\n", ng.ValueTypeError, "places"
    ),
    in_registry("entry is text", "places", "places:\n  - kyiv\n", ng.ValueTypeError, "- kyiv"),
    in_registry("registry key missing", "places", "cities: []\n", ng.MissingKeyError, 1),
    in_annotation(
        "unknown top-level key", "assertions:", "assertion:", ng.UnknownKeyError, "assertion:"
    ),
]
# -- text and anchors ---------------------------------------------------------------------------
ANCHOR_CASES = [
    in_annotation(
        "quote not in the article",
        'quote: "Kremlin spokesman Dmitry Peskov"',
        'quote: "Kremlin spokesperson Dmitry Peskov"',
        ng.AnchorNotFoundError,
        "spokesperson",
    ),
    added(
        "ambiguous quote",
        event_block("city", "istanbul", "talks in Istanbul"),
        ng.AmbiguousAnchorError,
        4,
    ),
    in_annotation(
        "empty quote",
        'quote: "Kremlin spokesman Dmitry Peskov"',
        'quote: ""',
        ng.ValueTypeError,
        'quote: ""',
    ),
    in_annotation(
        "blank quote",
        'quote: "Kremlin spokesman Dmitry Peskov"',
        'quote: "   "',
        ng.ValueTypeError,
        'quote: "   "',
    ),
    in_annotation(
        "quote is a list",
        'quote: "Kremlin spokesman Dmitry Peskov"',
        "quote: [Kremlin]",
        ng.ValueTypeError,
        "quote: [Kremlin]",
    ),
    added(
        "prefix is a number",
        [*event_block("city", "istanbul", "talks in Istanbul"), "    prefix: 12"],
        ng.ValueTypeError,
        5,
    ),
    in_annotation(
        "prefix wraps around",
        '    quote: "Russian President Vladimir Putin"\n',
        '    quote: "Russian President Vladimir Putin"\n    prefix: "2 hours.\\n"\n',
        ng.AnchorNotFoundError,
        'quote: "Russian President',
    ),
    added(
        "suffix does not follow",
        [*event_block("city", "istanbul", "talks in Istanbul"), '    suffix: " ended"'],
        ng.AnchorNotFoundError,
        4,
    ),
    in_annotation(
        "straight for curly quotes",
        'quote: "Kremlin spokesman Dmitry Peskov"',
        'quote: "Kremlin spokesman Dmitry Peskov said. ’The"',
        ng.AnchorNotFoundError,
        "’The",
    ),
    added(
        "one letter in a long article",
        event_block("agenda", "a", "a"),
        ng.AmbiguousAnchorError,
        4,
        article=ARTICLE + "a" * 200_000 + "\n",
    ),
    in_annotation(
        "evidence in an unknown article",
        "  evidence: []\nassertions:",
        '  evidence:\n    - {quote: "x", document: no_such_article}\nassertions:',
        ng.UnknownReferenceError,
        "no_such_article",
    ),
    in_annotation(
        "title not words of the quote",
        "title: Kremlin spokesman",
        "title: Kremlin press secretary",
        ng.ValueTypeError,
        "press secretary",
    ),
    in_annotation(
        "date not words of the quote",
        "value: Thursday",
        "value: Friday",
        ng.ValueTypeError,
        "value: Friday",
    ),
    in_annotation(
        "duration not words of the quote",
        "value: approximately 2 hours",
        "value: approximately 3 hours",
        ng.ValueTypeError,
        "3 hours",
    ),
    added(
        "quantity not words of the quote",
        event_block("size", '"2,000 prisoners"', "swapped 1,000 prisoners"),
        ng.ValueTypeError,
        2,
        article=LONG,
    ),
    in_annotation(
        "document id differs from the file name",
        f"document: {DOC}",
        "document: other_name",
        ng.ValueTypeError,
        "other_name",
    ),
    Case(
        "annotation without article",
        {f"{DOC}.txt": None},
        ng.UnknownReferenceError,
        ANNOTATION_FILE,
        1,
    ),
    Case(
        "article without annotation",
        {"999_lonely.txt": "Lonely article.\n"},
        ng.MalformedFileError,
        f"{FOLDER}/annotations/999_lonely.yaml",
        None,
    ),
    Case(
        "empty article",
        {f"{DOC}.txt": ""},
        ng.AnchorNotFoundError,
        ANNOTATION_FILE,
        line_number(ANNOTATION_TEXT, 'quote: "Russian President Vladimir Putin"'),
    ),
    Case(
        "article not UTF-8",
        {},
        ng.MalformedFileError,
        ARTICLE_FILE,
        2,
        raw={f"{DOC}.txt": b"ok\n\xff\n"},
    ),
    Case(
        "annotation not UTF-8",
        {},
        ng.MalformedFileError,
        ANNOTATION_FILE,
        1,
        raw={ANNOTATION: b"\xfe"},
    ),
]
# -- references and files -----------------------------------------------------------------------
REFERENCE_CASES = [
    in_annotation(
        "unknown subject",
        "  - subject: vladimir_putin\n    predicate: holds_office",
        "  - subject: vladimir_poutine\n    predicate: holds_office",
        ng.UnknownReferenceError,
        "vladimir_poutine",
    ),
    in_annotation(
        "subject of the wrong kind",
        "  - subject: vladimir_putin\n    predicate: holds_office",
        "  - subject: istanbul_talks_russia\n    predicate: holds_office",
        ng.ValueTypeError,
        "istanbul_talks_russia",
    ),
    in_annotation(
        "office where an actor belongs",
        "    value: vladimir_putin\n    polarity",
        "    value: russia_spokesman\n    polarity",
        ng.ValueTypeError,
        line_number(ANNOTATION_TEXT, "value: vladimir_putin"),
    ),
    in_annotation(
        "unknown quoted actor",
        "quoted: dmitry_peskov",
        "quoted: dmitri_peskov",
        ng.UnknownReferenceError,
        "dmitri_peskov",
    ),
    in_annotation(
        "on behalf of a place",
        "on_behalf_of: russia",
        "on_behalf_of: istanbul",
        ng.ValueTypeError,
        "on_behalf_of: istanbul",
    ),
    in_annotation(
        "unknown predicate",
        "predicate: status",
        "predicate: statuss",
        ng.UnknownReferenceError,
        "statuss",
    ),
    in_annotation(
        "unknown assertion key",
        "    predicate: status\n",
        "    predicate: status\n    colour: red\n",
        ng.UnknownKeyError,
        "colour",
    ),
    in_annotation(
        "missing modality",
        "    value: held\n    modality: reported\n",
        "    value: held\n",
        ng.MissingKeyError,
        line_number(ANNOTATION_TEXT, "predicate: status") - 1,  # the assertion's first line
    ),
    Case(
        "missing registry file",
        {"registry/offices.yaml": None},
        ng.MalformedFileError,
        OFFICES_FILE,
        None,
    ),
    in_registry(
        "id used twice across registries",
        "places",
        PLACES + "  - {id: russia, name: Russia, kind: country}\n",
        ng.DuplicateIdError,
        "id: russia",
    ),
    in_registry(
        "id not snake case",
        "places",
        PLACES + "  - {id: Kyiv-City, name: Kyiv, kind: city}\n",
        ng.ValueTypeError,
        "Kyiv-City",
    ),
    in_registry(
        "unknown actor type",
        "actors",
        ACTORS + "  - {id: nato, type: alliance, name: NATO}\n",
        ng.ValueTypeError,
        "nato",
    ),
    in_registry(
        "unknown place kind",
        "places",
        PLACES + "  - {id: kyiv, name: Kyiv, kind: metropolis}\n",
        ng.ValueTypeError,
        "metropolis",
    ),
    in_registry(
        "office without single_holder",
        "offices",
        OFFICES + "  - {id: aide, name: Aide, organization: kremlin}\n",
        ng.MissingKeyError,
        "id: aide",
    ),
    in_registry(
        "delegation of an unknown party",
        "events",
        EVENTS.replace("party: russia", "party: ruritania"),
        ng.UnknownReferenceError,
        "ruritania",
    ),
    in_registry(
        "own parent",
        "actors",
        ACTORS + "  - {id: gru, type: organization, name: GRU, parent: gru}\n",
        InconsistentRegistryError,
        "id: gru",
    ),
    in_registry(
        "parent cycle",
        "actors",
        ACTORS
        + "  - {id: org_a, type: organization, name: Org A, parent: org_b}\n"
        + "  - {id: org_b, type: organization, name: Org B, parent: org_a}\n",
        InconsistentRegistryError,
        "id: org_a",
    ),
    in_registry(
        "alias of another actor",
        "actors",
        ACTORS + "  - {id: other, type: person, name: Other Person, aliases: [Peskov]}\n",
        InconsistentRegistryError,
        "Other Person",
    ),
    in_registry(
        "country of the wrong kind",
        "places",
        PLACES + "  - {id: kyiv, name: Kyiv, kind: city, country: kremlin}\n",
        ng.ValueTypeError,
        "country: kremlin",
    ),
    in_registry(
        "office of a person",
        "offices",
        OFFICES + "  - {id: aide, name: Aide, organization: dmitry_peskov, single_holder: false}\n",
        ng.ValueTypeError,
        "id: aide",
    ),
    Case(
        "article linked from outside",
        {"zzz.txt": None},
        UnsafePathError,
        f"{FOLDER}/zzz.txt",
        None,
        setup=symlink("zzz.txt", outside_file),
    ),
    Case(
        "registry linked from outside",
        {},
        UnsafePathError,
        PLACES_FILE,
        None,
        setup=replaced_by_link("registry/places.yaml"),
    ),
    Case(
        "link to a device",
        {},
        UnsafePathError,
        f"{FOLDER}/zero.txt",
        None,
        setup=symlink("zero.txt", "/dev/zero"),
    ),
    Case(
        "dangling link",
        {},
        UnsafePathError,
        f"{FOLDER}/gone.txt",
        None,
        setup=symlink("gone.txt", "/nonexistent/x"),
    ),
    Case("fifo article", {}, UnsafePathError, f"{FOLDER}/pipe.txt", None, setup=fifo("pipe.txt")),
    Case(
        "directory named like an article",
        {},
        UnsafePathError,
        f"{FOLDER}/dir.txt",
        None,
        setup=directory("dir.txt"),
    ),
    Case(
        "directory named like an annotation",
        {},
        UnsafePathError,
        f"{FOLDER}/annotations/dir.yaml",
        None,
        setup=directory("annotations/dir.yaml"),
    ),
    Case(
        "file over the size limit",
        {f"{DOC}.txt": ARTICLE + "x" * 5000},
        LimitExceededError,
        ARTICLE_FILE,
        None,
        limits=Limits(max_file_bytes=4096),
    ),
    Case(
        "too many articles",
        {"001_second.txt": "Second.\n"},
        LimitExceededError,
        FOLDER,
        None,
        limits=Limits(max_files=1),
    ),
]

# -- dates ------------------------------------------------------------------------------------------


def published(date: str, basis: str = "stated", evidence: str = "[]") -> str:
    return ANNOTATION_TEXT.replace(
        '  date: "2025-05-15"\n  basis: stated\n  evidence: []\n',
        f'  date: "{date}"\n  basis: {basis}\n  evidence: {evidence}\n',
    )


def dated_case(name: str, date: str, cls: type[ng.CorpusError], needle: str) -> Case:
    text = published(date)
    return Case(name, {ANNOTATION: text}, cls, ANNOTATION_FILE, line_number(text, needle))


YESTERDAY_TEXT, YESTERDAY_START = with_assertion(event_block("date", "yesterday", "yesterday"))
TOMORROW_TEXT, TOMORROW_START = with_assertion(event_block("date", "tomorrow", "tomorrow"))

DATE_CASES = [
    added(
        "unresolvable date",
        event_block("date", '"the talks in"', "the talks in Istanbul on"),
        ng.DateExpressionError,
        2,
    ),
    Case(
        "yesterday of year one",
        {
            ANNOTATION: YESTERDAY_TEXT.replace('date: "2025-05-15"', 'date: "0001-01-01"'),
            f"{DOC}.txt": ARTICLE + "It was yesterday, or tomorrow.\n",
        },
        ng.DateExpressionError,
        ANNOTATION_FILE,
        YESTERDAY_START + 2,
    ),
    Case(
        "tomorrow of 9999-12-31",
        {
            ANNOTATION: TOMORROW_TEXT.replace('date: "2025-05-15"', 'date: "9999-12-31"'),
            f"{DOC}.txt": ARTICLE + "It was yesterday, or tomorrow.\n",
        },
        ng.DateExpressionError,
        ANNOTATION_FILE,
        TOMORROW_START + 2,
    ),
    added(
        "999999999 days ago",
        event_block("date", '"999999999 days ago"', "999999999 days ago"),
        ng.DateExpressionError,
        2,
        article=ARTICLE + "It happened 999999999 days ago.\n",
    ),
    added(
        # December 9999 is a date (its end is the end of Python's calendar); the year
        # after it is not.
        "December 10000",
        event_block("date", '"December 10000"', "December 10000"),
        ng.DateExpressionError,
        2,
        article=ARTICLE + "It happens in December 10000.\n",
    ),
    in_annotation(
        "bad direction",
        "value: Thursday",
        "value: {text: Thursday, direction: sideways}",
        ng.ValueTypeError,
        "sideways",
    ),
    in_annotation(
        "date mapping without text",
        "value: Thursday",
        "value: {direction: past}",
        ng.MissingKeyError,
        "direction: past",
    ),
    dated_case("publication date not ISO", "May 15", ng.ValueTypeError, 'date: "May 15"'),
    dated_case(
        "publication date that does not exist", "2025-02-30", ng.ValueTypeError, "2025-02-30"
    ),
    Case(
        "unknown basis",
        {ANNOTATION: published("2025-05-15", "guessed")},
        ng.ValueTypeError,
        ANNOTATION_FILE,
        line_number(published("2025-05-15", "guessed"), "guessed"),
    ),
    Case(
        "inferred without evidence",
        {ANNOTATION: published("2025-05-15", "inferred")},
        ng.ValueTypeError,
        ANNOTATION_FILE,
        line_number(published("2025-05-15", "inferred"), "basis: inferred") + 1,  # its evidence
    ),
    Case(
        "dateline without evidence",
        {ANNOTATION: published("2025-05-15", "dateline")},
        ng.MissingKeyError,
        ANNOTATION_FILE,
        line_number(published("2025-05-15", "dateline"), "dateline"),
    ),
    added(
        "zero duration",
        event_block("duration", '"0 days"', "0 days"),
        ng.DateExpressionError,
        2,
        article=LONG,
    ),
    dated_case(
        "weekday with a month-only publication date",
        "2025-05",
        ng.DateExpressionError,
        "value: Thursday",
    ),
    added(
        "backward day range",
        event_block("date", '"May 15–14"', "May 15–14"),
        ng.DateExpressionError,
        2,
        article=ARTICLE + "Held May 15–14.\n",
    ),
]
RUSSIAN_TEXT, RUSSIAN_START = with_assertion(event_block("date", "вчера", "вчера"))
DATE_CASES.append(
    Case(
        "Russian relative date with a month-only anchor",
        {
            ANNOTATION: RUSSIAN_TEXT.replace('date: "2025-05-15"', 'date: "2025-05"'),
            f"{DOC}.txt": ARTICLE + "Это было вчера.\n",
        },
        ng.DateExpressionError,
        ANNOTATION_FILE,
        RUSSIAN_START + 2,
    )
)

# A report cannot call held what it dates after its own publication (docs/limits.md).
EXPLICIT_TEXT, EXPLICIT_START = with_assertion(event_block("date", '"May 20"', "on May 20"))
DATE_CASES += [
    Case(
        "held on a weekday after the publication date",
        {ANNOTATION: published("2025-05-05")},  # "Thursday" resolves to 2025-05-08
        ng.ChronologyError,
        ANNOTATION_FILE,
        line_number(ANNOTATION_TEXT, "value: Thursday") - 2,  # the assertion's first line
    ),
    Case(
        "held on an explicit date after the publication date",
        {ANNOTATION: EXPLICIT_TEXT, f"{DOC}.txt": ARTICLE + "A second session on May 20.\n"},
        ng.ChronologyError,
        ANNOTATION_FILE,
        EXPLICIT_START,
    ),
]

# -- values and the vocabulary ---------------------------------------------------------------------------
VALUE_CASES = [
    added(
        "quantity without a number",
        event_block("size", "prisoners", "prisoners"),
        ValueExpressionError,
        2,
        LONG,
    ),
    added(
        "impossible time",
        event_block("start_time", '"25:70"', "25:70"),
        ValueExpressionError,
        2,
        LONG,
    ),
    added(
        "timezone contradicting the text",
        event_block("start_time", '{text: "1:35 p.m. GMT", timezone: "+03:00"}', "1:35 p.m. GMT"),
        ng.ValueTypeError,
        2,
        ARTICLE + "At 1:35 p.m. GMT.\n",
    ),
    added(
        "unknown timezone",
        event_block("end_time", '{text: "15:20", timezone: "Mars time"}', "ended at 15:20"),
        ValueExpressionError,
        2,
        LONG,
    ),
    added(
        "amount that is not a number",
        event_block("size", '{text: "A 12-member", amount: twelve}', "A 12-member"),
        ng.ValueTypeError,
        2,
        LONG,
    ),
    added(
        "record without a dataset",
        [*event_block("status", "held", "x")[:4], "    record: {id: 7}"],
        ng.MissingKeyError,
        4,
    ),
    added(
        "record beside a quote",
        [*event_block("status", "held", "ended at 15:20"), "    record: {dataset: log, id: 7}"],
        ng.ValueTypeError,
        4,
        LONG,
    ),
    added(
        "record id that is a boolean",
        [*event_block("status", "held", "x")[:4], "    record: {dataset: log, id: true}"],
        ng.ValueTypeError,
        4,
    ),
    added(
        "record retrieved not ISO",
        [
            *event_block("status", "held", "x")[:4],
            "    record: {dataset: log, id: 7, retrieved: yesterday}",
        ],
        ng.ValueTypeError,
        4,
    ),
    in_annotation(
        "denial with positive polarity",
        "    polarity: negative\n    modality: expected\n",
        "    polarity: positive\n    modality: denied\n",
        ng.ValueTypeError,
        "polarity: positive",
    ),
    added(
        "title on a predicate without titles",
        [*event_block("status", "held", "were held"), "    title: President"],
        ng.ValueTypeError,
        5,
    ),
    added(
        "complete on a predicate without lists",
        [*event_block("status", "held", "were held"), "    complete: true"],
        ng.ValueTypeError,
        5,
    ),
    added("unknown status", event_block("status", "adjourned", "were held"), ng.ValueTypeError, 2),
    added(
        "unknown position issue",
        [
            "  - subject: russia",
            "    predicate: position",
            "    value: {issue: weather, stance: demand}",
            "    modality: reported",
            '    quote: "Kremlin spokesman"',
        ],
        ng.ValueTypeError,
        2,
    ),
    Case(
        "predicate declared twice differently",
        {
            "registry/predicates.yaml": "predicates:\n  - {name: date, value: text, cardinality: many, subjects: [event]}\n"
        },
        ng.DuplicateIdError,
        PREDICATES_FILE,
        2,
    ),
    Case(
        "predicate of an unknown value type",
        {
            "registry/predicates.yaml": "predicates:\n  - {name: n, value: colour, cardinality: one, subjects: [any]}\n"
        },
        ng.ValueTypeError,
        PREDICATES_FILE,
        2,
    ),
]

CASES = YAML_CASES + ANCHOR_CASES + REFERENCE_CASES + DATE_CASES + VALUE_CASES


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every entry under ``root``: file bytes, or what a link points to, or the kind of entry."""
    out: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            out[key] = f"link to {os.readlink(path)}"
        elif path.is_file():
            out[key] = path.read_bytes()
        else:
            out[key] = "directory" if path.is_dir() else "special"
    return out


def test_the_catalogue_has_at_least_80_distinct_cases() -> None:
    assert len(CASES) >= 80
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def valid_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("valid"))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_hostile_input_gets_its_error_at_its_place(
    case: Case, tmp_path: Path, valid_root: Path
) -> None:
    if case.setup is not None and not hasattr(os, "mkfifo"):
        pytest.skip("links and fifos need a POSIX system")
    root = write_corpus(tmp_path, case.files)
    for relative, data in case.raw.items():
        (root / relative).write_bytes(data)
    if case.setup is not None:
        case.setup(root)
    before = snapshot(root)
    problems = ng.validate_corpus(root, limits=case.limits)
    listing = "\n".join(f"{type(p).__name__} {p.file}:{p.line} {p.message}" for p in problems)
    assert any(
        type(p) is case.cls and p.file == case.file and p.line == case.line for p in problems
    ), f"expected {case.cls.__name__} at {case.file}:{case.line}, got\n{listing}"
    assert all(len(str(p)) < 2_000 for p in problems)
    again = ng.validate_corpus(root, limits=case.limits)
    assert [(type(p), p.file, p.line, p.message) for p in again] == [
        (type(p), p.file, p.line, p.message) for p in problems
    ]
    assert snapshot(root) == before
    assert ng.validate_corpus(valid_root) == ()
