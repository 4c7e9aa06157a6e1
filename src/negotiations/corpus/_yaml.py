"""YAML with line numbers, so every problem can name the line a curator must fix.

A safe loader whose mappings remember where each key stands. Implicit typing is
narrowed: dates stay strings (kept as written), and only ``true``/``false`` are
booleans (YAML 1.1 would read ``no`` as False).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from negotiations.errors import DuplicateIdError, MalformedFileError


class YamlMap(dict[str, Any]):
    """A mapping that knows the line of itself and of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    pass


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


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> YamlMap:
    loader.flatten_mapping(node)
    mapping = YamlMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise MalformedFileError(
                "mapping keys must be strings", file=loader.name, line=line, found=key
            )
        if key in mapping:
            raise DuplicateIdError(
                f"key {key!r} appears twice in one mapping (first at line {mapping.key_lines[key]})",
                file=loader.name,
                line=line,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, display: str) -> YamlMap:
    """Read one YAML file whose top level must be a mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MalformedFileError("file is missing", file=display) from None
    except UnicodeDecodeError as error:
        raise MalformedFileError(f"file is not UTF-8 ({error.reason})", file=display) from None
    loader = _LineLoader(text)
    loader.name = display
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise MalformedFileError(
            f"invalid YAML: {error.problem}",
            file=display,
            line=mark.line + 1 if mark is not None else None,
        ) from None
    except yaml.YAMLError as error:
        raise MalformedFileError(f"invalid YAML: {error}", file=display) from None
    finally:
        loader.dispose()
    if not isinstance(data, YamlMap):
        raise MalformedFileError(
            "top level must be a mapping", file=display, line=1, expected="a mapping", found=data
        )
    return data
