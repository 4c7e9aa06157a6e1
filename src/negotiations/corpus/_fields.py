"""Reading typed fields out of YAML mappings, collecting every problem on the way.

Validation reports all problems of a corpus at once, so readers never raise:
they record a :class:`CorpusError` and return ``None``.
"""

from __future__ import annotations

import enum
import re
from typing import Any, TypeVar

from negotiations.corpus._yaml import YamlList, YamlMap
from negotiations.errors import (
    CorpusError,
    MissingKeyError,
    UnknownKeyError,
    ValueTypeError,
)

#: Curated ids are snake_case (stricter than the model's ids, which also allow ".:-").
CORPUS_ID = re.compile(r"[a-z0-9][a-z0-9_]*")

E = TypeVar("E", bound=enum.Enum)


class Problems:
    """An accumulator of corpus problems."""

    def __init__(self) -> None:
        self.items: list[CorpusError] = []

    def add(self, error: CorpusError) -> None:
        self.items.append(error)

    def __bool__(self) -> bool:
        return bool(self.items)


class Fields:
    """Typed access to one YAML mapping; ``done()`` reports keys nobody read."""

    def __init__(
        self, data: object, file: str, problems: Problems, what: str, line: int = 1
    ) -> None:
        self.file = file
        self.problems = problems
        self.what = what
        self.ok = isinstance(data, YamlMap)
        self.data: YamlMap
        if isinstance(data, YamlMap):
            self.data = data
        else:
            self.data = YamlMap()
            self.data.line, self.data.key_lines = line, {}
            problems.add(
                ValueTypeError(
                    f"{what} must be a mapping",
                    file=file,
                    line=line,
                    expected="a mapping",
                    found=data,
                )
            )
        self.read: set[str] = set()

    @property
    def line(self) -> int:
        return self.data.line

    def line_of(self, key: str) -> int:
        return self.data.line_of(key)

    def item_line(self, key: str, index: int, item: object) -> int:
        """The line of item ``index`` of the list under ``key`` (a mapping knows its own)."""
        if isinstance(item, YamlMap):
            return item.line
        items = self.data.get(key)
        if isinstance(items, YamlList):
            return items.line_of_item(index)
        return self.line_of(key)

    def error(self, cls: type[CorpusError], key: str, message: str, **kw: Any) -> None:
        self.problems.add(
            cls(f"{self.what}: {message}", file=self.file, line=self.line_of(key), **kw)
        )

    def raw(self, key: str, *, required: bool = False) -> Any:
        self.read.add(key)
        if key not in self.data or self.data[key] is None:
            if required and self.ok:
                self.problems.add(
                    MissingKeyError(
                        f"{self.what}: missing required key {key!r}", file=self.file, line=self.line
                    )
                )
            return None
        return self.data[key]

    def string(self, key: str, *, required: bool = False) -> str | None:
        value = self.raw(key, required=required)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.error(
                ValueTypeError, key, f"{key!r} must be non-empty text", expected="text", found=value
            )
            return None
        return value

    def identifier(self, key: str, *, required: bool = False) -> str | None:
        value = self.string(key, required=required)
        if value is not None and not CORPUS_ID.fullmatch(value):
            self.error(
                ValueTypeError,
                key,
                f"{key!r} is not a valid id",
                expected="snake_case id",
                found=value,
            )
            return None
        return value

    def boolean(self, key: str) -> bool | None:
        value = self.raw(key)
        if value is not None and not isinstance(value, bool):
            self.error(
                ValueTypeError,
                key,
                f"{key!r} must be true or false",
                expected="true/false",
                found=value,
            )
            return None
        return value

    def choice(self, key: str, enum_type: type[E], *, required: bool = False) -> E | None:
        value = self.raw(key, required=required)
        if value is None:
            return None
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum_type)
            self.error(
                ValueTypeError,
                key,
                f"{key!r} has no such value",
                expected=f"one of {allowed}",
                found=value,
            )
            return None

    def items(self, key: str, *, required: bool = False) -> list[Any]:
        value = self.raw(key, required=required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(
                ValueTypeError, key, f"{key!r} must be a list", expected="a list", found=value
            )
            return []
        return value

    def strings(self, key: str) -> list[str]:
        out = []
        for index, item in enumerate(self.items(key)):
            if isinstance(item, str) and item.strip():
                out.append(item)
            else:
                self.problems.add(
                    ValueTypeError(
                        f"{self.what}: {key!r} must list text",
                        file=self.file,
                        line=self.item_line(key, index, item),
                        expected="text",
                        found=item,
                    )
                )
        return out

    def done(self) -> None:
        if not self.ok:
            return
        for key in self.data:
            if key not in self.read:
                self.problems.add(
                    UnknownKeyError(
                        f"{self.what}: unknown key {key!r}",
                        file=self.file,
                        line=self.line_of(key),
                        expected="one of " + ", ".join(sorted(self.read)),
                        found=key,
                    )
                )
