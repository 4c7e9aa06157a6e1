"""Name resolution: every spelling of an actor or place leads to one record.

Matching is case-, diacritic- and transliteration-insensitive in two steps: an
exact match of the ASCII-folded name or alias, then a match of a phonetic
"skeleton" that folds the usual Cyrillic romanisation variants
(Zelensky/Zelenskyy/Zelenskiy, Sergey/Sergei, Aleksandr/Alexandr).
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar

from negotiations.errors import AmbiguousNameError, UnknownNameError


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    def names(self) -> tuple[str, ...]: ...


N = TypeVar("N", bound=Named)


def to_ascii(text: str) -> str:
    """``text`` transliterated to ASCII ("Zürich" -> "Zurich", "Москва" -> "Moskva").

    anyascii is imported on the first text that needs it: importing it costs about a
    fifth of ``import negotiations``, and most names are ASCII already."""
    if text.isascii():
        return text
    from anyascii import anyascii

    return anyascii(text)


def fold(name: str) -> str:
    """ASCII, lower case, punctuation dropped, spaces collapsed."""
    ascii_name = to_ascii(name).casefold().replace("'", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_name).split())


_SKELETON_RULES = [
    (r"ks", "x"),
    (r"kh", "h"),
    (r"zh", "j"),
    (r"ph", "f"),
    (r"w", "v"),
    (r"[yj]", "i"),
    (r"(.)\1+", r"\1"),
    (r"ii", "i"),
]


def skeleton(name: str) -> str:
    """A transliteration-insensitive key: ``skeleton("Zelenskyy") == skeleton("Zelensky")``."""
    out = fold(name)
    for pattern, replacement in _SKELETON_RULES:
        out = re.sub(pattern, replacement, out)
    return out


class Gazetteer(Generic[N]):
    """Index records of one kind by every name they go by."""

    def __init__(self, kind: str, records: Iterable[N]) -> None:
        self.kind = kind
        self.by_id: dict[str, N] = {}
        self._folded: dict[str, set[str]] = defaultdict(set)
        self._skeletons: dict[str, set[str]] = defaultdict(set)
        for record in records:
            self.by_id[record.id] = record
            for name in (*record.names(), record.id.replace("_", " ")):
                self._folded[fold(name)].add(record.id)
                self._skeletons[skeleton(name)].add(record.id)

    def resolve(self, name: str) -> N:
        """The one record called ``name``; raises with suggestions when there is none."""
        if not isinstance(name, str):
            raise UnknownNameError(repr(name), self.kind)
        if name in self.by_id:
            return self.by_id[name]
        for index, key in ((self._folded, fold(name)), (self._skeletons, skeleton(name))):
            ids = index.get(key, set())
            if len(ids) == 1:
                return self.by_id[next(iter(ids))]
            if len(ids) > 1:
                raise AmbiguousNameError(name, self.kind, sorted(self.by_id[i].name for i in ids))
        close = difflib.get_close_matches(fold(name), list(self._folded), n=3, cutoff=0.6)
        suggestions = sorted({self.by_id[i].name for key in close for i in self._folded[key]})
        raise UnknownNameError(name, self.kind, suggestions)

    def get(self, identifier: str) -> N | None:
        return self.by_id.get(identifier)
