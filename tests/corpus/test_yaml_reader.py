"""The YAML reader gives the same values, lines and errors with libyaml's parser as
with PyYAML's pure-Python one.

libyaml scans and parses; the composer that counts aliases, depth and size and the
constructors that keep each key's line stay in Python. Whatever libyaml finds fault
with is read again by the pure-Python parser, so a curator sees one wording of each
error whichever parser the installed PyYAML has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from negotiations.corpus import _yaml
from negotiations.errors import NegotiationsError

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted(
    p
    for folder in ("seeds", "reports", "src/negotiations")
    for p in (ROOT / folder).rglob("*.yaml")
)

needs_libyaml = pytest.mark.skipif(_yaml._CParser is None, reason="PyYAML without libyaml")


def _shape(value: Any) -> Any:
    """The value with every line it knows (a mapping's and each key's, a list's and each
    item's), for comparing two reads exactly."""
    if isinstance(value, _yaml.YamlMap):
        return ("map", value.line, value.key_lines, {k: _shape(v) for k, v in value.items()})
    if isinstance(value, _yaml.YamlList):
        return ("list", value.line, value.item_lines, [_shape(v) for v in value])
    return (type(value).__name__, value)


def _outcome(text: str) -> tuple[Any, ...]:
    try:
        return ("read", _shape(_yaml.parse_yaml(text, "f.yaml")))
    except NegotiationsError as error:
        return ("refused", type(error).__name__, str(error))


def _pure_python_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(_yaml, "_CParser", None)
        return _outcome(text)


@needs_libyaml
def test_libyaml_is_used_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[type] = []
    original = _yaml._read

    def spy(loader_class: type[Any], *args: Any) -> Any:
        used.append(loader_class)
        return original(loader_class, *args)

    monkeypatch.setattr(_yaml, "_read", spy)
    _yaml.parse_yaml("a: 1\nb: [x, y]\n", "f.yaml")
    assert used == [_yaml._CLineLoader]


@needs_libyaml
@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_every_bundled_file_reads_the_same_with_either_parser(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    fast = _outcome(text)
    assert fast[0] == "read"
    assert fast == _pure_python_outcome(text, monkeypatch)


@needs_libyaml
@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('name: "\\udcff"\n', "an escaped character '\\udcff'"),  # libyaml: its own words
        ("a: 1\na: 2\n", "key 'a' appears twice"),
        ("a: [1, 2\n", "invalid YAML"),
        ("a:\n\t- b\n", "invalid YAML"),
        ("- just\n- a list\n", "top level must be a mapping"),
        ("a: &x [1]\nb: *y\n", "invalid YAML: found undefined alias"),
    ],
)
def test_a_fault_is_worded_as_the_pure_python_parser_words_it(
    text: str, says: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _outcome(text)
    assert fast[0] == "refused"
    assert says in fast[2]
    assert fast == _pure_python_outcome(text, monkeypatch)


@needs_libyaml
@pytest.mark.parametrize(
    "text",
    ["\n\ufeffa: 1\n", "# note\n\ufeffa: 1\n", "\ufeffa: 1\n", "a: x\u2028y\n", "a: x\x85y\n"],
    ids=[
        "a byte-order mark after a blank line",
        "a byte-order mark after a comment",
        "a byte-order mark first",
        "line separator",
        "NEL",
    ],
)
def test_where_libyaml_reads_otherwise_the_pure_python_reading_stands(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libyaml drops a byte-order mark wherever it stands; PyYAML keeps one inside the
    text. Such a text is read by the pure-Python parser."""
    assert _outcome(text) == _pure_python_outcome(text, monkeypatch)


#: Pieces of YAML, good and bad, that a generated document is made of.
_PIECES = [
    "a: 1",
    "b: two words",
    "c: 'quoted: text'",
    'd: "esc\\taped \\u00e9"',
    'e: "\\udcff"',
    "f: [x, y, {g: h}]",
    "i: {j: k, l: [m]}",
    "- item",
    "  - nested",
    "n:\n  o: p\n  q: r",
    "s: &anchor {t: u}",
    "v: *anchor",
    "w: *nowhere",
    "<<: *anchor",
    "x: |\n  block\n  text",
    "y: >\n  folded",
    "z: 2025-05-16",
    "z: yes",
    "a: 1.5e3",
    "? complex\n: key",
    "\tindented: with a tab",
    "k: [unclosed",
    "k: {unclosed",
    "k: 'unclosed",
    "%YAML 1.1\n---",
    "---",
    "...",
    "# a comment",
    "key with spaces: v",
    "dup: 1\ndup: 2",
    "!!str tagged: v",
    "t: !!int '3'",
    "t: !custom x",
    "%YAML 1.2\n---",
    "%TAG !e! tag:example.com,2000:\n---",
    "u: @reserved",
    "u: `backtick",
    "[a, b]: flow key",
    "&a &b x: y",
    "v: !<tag:yaml.org,2002:str> verbatim",
    "? |\n  block key\n: v",
    "w: !!binary aGVsbG8=",
    "w: !!set {x, y}",
    "w: !!omap [x: 1]",
    "- - nested",
    "a: b: c",
    "k" * 1100 + ": long key",
    "q: 'it''s'",
    "\ufeffbom: 1",
    "nel: a\x85b",
    "ls: a\u2028b",
    'x: "\\x41\\N\\_\\L"',
    "x: 'multi\n  line'",
    'x: "unterminated',
    "x: [a,, b]",
    "x: {a: 1, a: 2}",
    "<<: [*anchor, *anchor]",
    "y: .inf",
    "y: 0x1F",
    "y: 1_000",
    "y: ~",
    "",
]


@needs_libyaml
@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8), st.booleans())
def test_any_document_reads_or_fails_the_same_with_either_parser(
    pieces: list[str], indent: bool
) -> None:
    text = "\n".join(("  " + p if indent and i % 2 else p) for i, p in enumerate(pieces)) + "\n"
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _outcome(text) == _pure_python_outcome(text, monkeypatch)
