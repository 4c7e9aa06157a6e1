"""YAML with line numbers, so every problem can name the line a curator must fix.

A safe loader whose mappings remember where each key stands. Implicit typing is
narrowed: dates stay strings (kept as written), and only ``true``/``false`` are
booleans (YAML 1.1 would read ``no`` as False). Alias expansion and nesting
depth are bounded (:class:`Limits`), so a small hostile file cannot exhaust
memory or the stack.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from negotiations.corpus._files import read_text
from negotiations.corpus._limits import DEFAULT_LIMITS, Limits
from negotiations.errors import DuplicateIdError, LimitExceededError, MalformedFileError

_CParser: Any  # libyaml's parser, where PyYAML was built with it (its wheels are)
try:
    from yaml import cyaml

    _CParser = cyaml.CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a PyYAML built without libyaml
    _CParser = None


class YamlMap(dict[str, Any]):
    """A mapping that knows the line of itself and of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlList(list[Any]):
    """A list that knows the line of each of its items (a scalar item has no line of its own)."""

    line: int
    item_lines: list[int]

    def line_of_item(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class _TooBigError(Exception):
    """Raised inside the composer when a limit is hit; load_yaml reports it with its line."""

    def __init__(self, message: str, line: int, expected: str) -> None:
        super().__init__(message)
        self.line = line
        self.expected = expected


class _Counting(Composer):
    """A composer that counts what it composes: aliases, depth and expanded size."""

    if TYPE_CHECKING:  # the parser's (Python or C), which the stubs do not give a composer

        def peek_event(self) -> Any: ...
        def check_event(self, *choices: Any) -> bool: ...

    def _start_counting(self, limits: Limits) -> None:
        self.limits = limits
        self.aliases = 0
        self.depth = 0
        self.expanded = 0  # nodes, counting each alias as the whole subtree it stands for
        self.sizes: dict[int, int] = {}

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        line = self.peek_event().start_mark.line + 1
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > self.limits.max_yaml_aliases:
                raise _TooBigError(
                    f"more than {self.limits.max_yaml_aliases} aliases",
                    line,
                    f"at most {self.limits.max_yaml_aliases} aliases (Limits.max_yaml_aliases)",
                )
            node = super().compose_node(parent, index)
            self.expanded += self.sizes.get(id(node), 1)
        else:
            self.depth += 1
            if self.depth > self.limits.max_yaml_depth:
                raise _TooBigError(
                    f"nesting deeper than {self.limits.max_yaml_depth} levels",
                    line,
                    f"at most {self.limits.max_yaml_depth} levels (Limits.max_yaml_depth)",
                )
            start = self.expanded
            self.expanded += 1
            try:
                node = super().compose_node(parent, index)
            finally:
                self.depth -= 1
            self.sizes[id(node)] = self.expanded - start
        if self.expanded > self.limits.max_yaml_nodes:
            raise _TooBigError(
                f"aliases expand to more than {self.limits.max_yaml_nodes} values",
                line,
                f"at most {self.limits.max_yaml_nodes} values (Limits.max_yaml_nodes)",
            )
        return node


class _LineLoader(_Counting, yaml.SafeLoader):
    """A safe loader, all in Python, that counts what it composes (where PyYAML was
    built without libyaml)."""

    def __init__(self, stream: str, limits: Limits = DEFAULT_LIMITS) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self._start_counting(limits)


_LineLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag
        not in (
            "tag:yaml.org,2002:timestamp",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        )
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# YAML 1.2 core schema: no yes/no booleans, no base-60 numbers ("10:30" stays text).
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)


if _CParser is not None:

    class _CLineLoader(_Counting, _CParser, SafeConstructor, Resolver):  # type: ignore[misc]
        """The same loader with libyaml's scanner and parser (C) under the counting
        composer: the corpus's YAML is read about four times as fast, with the same
        values, lines, limits and errors (tests/corpus/test_yaml_reader.py)."""

        def __init__(self, stream: str, limits: Limits = DEFAULT_LIMITS) -> None:
            _CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._start_counting(limits)


def _read(loader_class: type[Any], text: str, display: str, limits: Limits) -> Any:
    loader = loader_class(text, limits)
    loader.name = display
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _read_fast(text: str, display: str, limits: Limits) -> Any:
    """The document read by libyaml's parser, or ``_UNREAD`` when it finds fault (or is
    missing): the pure-Python parser then reads the file again, so that a curator sees
    the same message whichever parser this PyYAML has."""
    if _CParser is None or "\ufeff" in text:
        # libyaml drops a byte-order mark wherever it stands; PyYAML keeps one that is
        # not at the start as a character of the text (a key "\ufeffname", say).
        return _UNREAD
    try:
        return _read(_CLineLoader, text, display, limits)
    except yaml.YAMLError:
        return _UNREAD


_UNREAD = object()


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMap:
    explicit = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)
    merged = len(node.value) - explicit  # merged keys come first; explicit keys override them
    mapping = YamlMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    explicit_keys: set[str] = set()
    for position, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise MalformedFileError(
                "mapping keys must be strings", file=loader.name, line=line, found=key
            )
        if position < merged:  # from a `<<` merge: a later explicit key may override it
            mapping[key] = loader.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
            continue
        if key in explicit_keys:
            raise DuplicateIdError(
                f"key {key!r} appears twice in one mapping (first at line {mapping.key_lines[key]})",
                file=loader.name,
                line=line,
            )
        explicit_keys.add(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> YamlList:
    items = YamlList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


#: What an escape in a quoted string could smuggle past the reader's character check:
#: control characters (a NUL...) and lone surrogates ("\\udcff", text no UTF-8 file can hold).
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _construct_text(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    assert isinstance(text, str)
    found = _UNWRITABLE.search(text)
    if found is not None:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"an escaped character {found[0]!r} that text may not hold "
            "(a control character or a lone surrogate)",
            node.start_mark,
        )
    return text


_LineLoader.add_constructor("tag:yaml.org,2002:str", _construct_text)
if _CParser is not None:
    _CLineLoader.yaml_implicit_resolvers = _LineLoader.yaml_implicit_resolvers
    _CLineLoader.yaml_constructors = _LineLoader.yaml_constructors


def load_yaml(path: Path, display: str, root: Path, limits: Limits = DEFAULT_LIMITS) -> YamlMap:
    """Read one YAML file (a regular file inside ``root``) whose top level must be a mapping."""
    text = read_text(path, root, display, limits)
    return parse_yaml(text, display, limits)


def parse_yaml(text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> YamlMap:
    """Parse YAML text whose top level must be a mapping; every failure is a CorpusError."""
    try:
        yaml.reader.Reader(text)  # the pure-Python reader checks the characters
        data = _read_fast(text, display, limits)
        if data is _UNREAD:
            data = _read(_LineLoader, text, display, limits)
    except _TooBigError as error:
        raise LimitExceededError(
            str(error), file=display, line=error.line, expected=error.expected, found="more"
        ) from None
    except yaml.MarkedYAMLError as error:
        mark, context = error.problem_mark, error.context_mark
        where = ""
        if error.context and context is not None and mark is not None and context.line != mark.line:
            where = f" ({error.context} that starts at line {context.line + 1})"
        raise MalformedFileError(
            f"invalid YAML: {error.problem}{where}",
            file=display,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise MalformedFileError(
            f"invalid YAML: character {error.character!r} is not allowed",
            file=display,
            line=line,
        ) from None
    except yaml.YAMLError as error:
        raise MalformedFileError(f"invalid YAML: {error}", file=display) from None
    except RecursionError:
        raise LimitExceededError(
            "nesting too deep for the YAML reader", file=display, expected="shallower nesting"
        ) from None
    if not isinstance(data, YamlMap):
        raise MalformedFileError(
            "top level must be a mapping", file=display, line=1, expected="a mapping", found=data
        )
    return data
