"""A small valid corpus written from scratch, and helpers to break it one thing at a time.

Line numbers are computed from the text written, never hard-coded.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

import negotiations as ng

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

FOLDER = "corpus"
DOC = "000_minimal"
ANNOTATION = f"annotations/{DOC}.yaml"
ANNOTATION_FILE = f"{FOLDER}/{ANNOTATION}"

ARTICLE = (
    "Russian President Vladimir Putin will not attend the talks in Istanbul on Thursday, "
    "Kremlin spokesman Dmitry Peskov said. "
    "The talks in Istanbul were held for approximately 2 hours.\n"
)

ACTORS = """\
actors:
  - {id: vladimir_putin, type: person, name: Vladimir Putin, aliases: [Putin]}
  - {id: dmitry_peskov, type: person, name: Dmitry Peskov, aliases: [Peskov]}
  - {id: russia, type: state, name: Russia, aliases: []}
  - {id: kremlin, type: organization, name: Kremlin, kind: presidential_office, country: russia}
"""

PLACES = """\
places:
  - {id: istanbul, name: Istanbul, kind: city, aliases: []}
"""

OFFICES = """\
offices:
  - {id: russia_president, name: President of Russia, organization: russia, single_holder: true}
  - {id: russia_spokesman, name: Kremlin spokesman, organization: kremlin, single_holder: true}
"""

EVENTS = """\
events:
  - id: istanbul_talks
    name: Talks in Istanbul
    kind: meeting
    delegations:
      - {id: istanbul_talks_russia, party: russia}
"""

ANNOTATION_TEXT = f"""\
document: {DOC}
source:
  outlet: null
  title: null
  kind: unknown
  url: null
  evidence: []
published:
  date: "2025-05-15"
  basis: stated
  evidence: []
assertions:
  - subject: vladimir_putin
    predicate: holds_office
    value: russia_president
    title: Russian President
    modality: reported
    quote: "Russian President Vladimir Putin"
  - subject: istanbul_talks
    predicate: participant
    value: vladimir_putin
    polarity: negative
    modality: expected
    quoted: dmitry_peskov
    on_behalf_of: russia
    quote: "Vladimir Putin will not attend"
  - subject: istanbul_talks
    predicate: date
    value: Thursday
    modality: expected
    quote: "the talks in Istanbul on Thursday"
  - subject: istanbul_talks
    predicate: status
    value: held
    modality: reported
    quote: "The talks in Istanbul were held"
  - subject: istanbul_talks
    predicate: duration
    value: approximately 2 hours
    modality: reported
    quote: "held for approximately 2 hours"
  - subject: dmitry_peskov
    predicate: holds_office
    value: russia_spokesman
    title: Kremlin spokesman
    modality: reported
    quote: "Kremlin spokesman Dmitry Peskov"
"""

BASE_ASSERTIONS = 6


def write_corpus(tmp_path: Path, files: Mapping[str, str | None] | None = None) -> Path:
    """A small valid corpus in ``tmp_path/corpus``; ``files`` replaces (or, with None, drops) files."""
    contents: dict[str, str | None] = {
        f"{DOC}.txt": ARTICLE,
        "registry/actors.yaml": ACTORS,
        "registry/places.yaml": PLACES,
        "registry/offices.yaml": OFFICES,
        "registry/events.yaml": EVENTS,
        ANNOTATION: ANNOTATION_TEXT,
    }
    contents.update(files or {})
    root = tmp_path / FOLDER
    for relative, text in contents.items():
        if text is None:
            continue
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def copy_seeds(tmp_path: Path) -> Path:
    root = tmp_path / FOLDER
    shutil.copytree(SEEDS, root)
    return root


def line_number(text: str, needle: str) -> int:
    """The 1-based number of the one line of ``text`` that contains ``needle``."""
    numbers = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(numbers) == 1, f"{needle!r} is on lines {numbers}"
    return numbers[0]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def with_assertion(block: Sequence[str]) -> tuple[str, int]:
    """The annotation with one more assertion, and the line the new assertion starts on."""
    start = ANNOTATION_TEXT.count("\n") + 1
    return ANNOTATION_TEXT + "".join(f"{line}\n" for line in block), start


def load_problems(root: Path) -> tuple[ng.CorpusError, ...]:
    """Loading fails with CorpusValidationError and returns nothing half-loaded."""
    loaded: ng.Corpus | None = None
    with pytest.raises(ng.CorpusValidationError) as info:
        loaded = ng.load_corpus(root)
    assert loaded is None
    assert info.value.problems, "a CorpusValidationError must list its problems"
    return info.value.problems


def problem_at(
    root: Path, cls: type[ng.CorpusError], file: str, line: int | None
) -> ng.CorpusError:
    """The one problem of class ``cls`` reported at ``file:line``."""
    problems = load_problems(root)
    matching = [p for p in problems if isinstance(p, cls) and p.file == file and p.line == line]
    listing = "\n".join(f"{type(p).__name__}: {p}" for p in problems)
    assert len(matching) == 1, f"no single {cls.__name__} at {file}:{line} among\n{listing}"
    return matching[0]
