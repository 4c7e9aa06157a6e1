"""Shared loader state: problems, ids and their kinds, article texts, references.

Every reader of the loader (registries, anchors, values, annotations) records its
problems here and resolves ids through :meth:`LoaderState.reference`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from negotiations.corpus._fields import CORPUS_ID, Fields, Problems
from negotiations.corpus._limits import Limits
from negotiations.corpus._yaml import YamlMap, load_yaml
from negotiations.errors import (
    CorpusError,
    DuplicateIdError,
    ModelError,
    UnknownReferenceError,
    ValueTypeError,
)
from negotiations.model import (
    Actor,
    DelegationRef,
    Event,
    Office,
    Place,
    Vocabulary,
)

T = TypeVar("T")


class LoaderState:
    """What every part of the loader shares while one (layered) corpus is read."""

    def __init__(self, roots: list[Path], limits: Limits) -> None:
        self.limits = limits
        self.roots = [root.resolve() for root in roots]
        self.root = self.roots[0]  # the layer being read
        self.first_layer = True
        self.problems = Problems()
        self.kinds: dict[str, tuple[str, str, int]] = {}  # id -> (kind, file, line)
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}
        self.offices: dict[str, Office] = {}
        self.events: dict[str, Event] = {}
        self.delegations: dict[str, DelegationRef] = {}
        self.texts: dict[str, str] = {}
        self.checksums: dict[str, str] = {}  # document stem -> checksum of its text
        self.text_files: dict[str, str] = {}  # document stem -> file it was read from
        self.layer_texts: set[str] = set()  # stems of the layer being read
        self.names: dict[str, dict[str, str]] = {}  # kind -> folded name -> id
        self.layer_start_ids: set[str] = set()  # ids known before the layer being read
        self.actor_types: dict[str, str] = {}  # actor id -> person | organization | state
        self.vocabulary = Vocabulary.builtin()  # grows with each layer's predicates.yaml

    def display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> YamlMap | None:
        try:
            return load_yaml(path, self.display(path), self.root, self.limits)
        except CorpusError as error:
            self.problems.add(error)
            return None

    def build(self, f: Fields, key: str, make: Callable[[], T]) -> T | None:
        try:
            return make()
        except ModelError as error:
            f.error(
                ValueTypeError,
                key,
                f"invalid {error.field}",
                expected=error.expected,
                found=error.value,
            )
            return None

    def register(self, identifier: str, kind: str, f: Fields) -> bool:
        if identifier in self.kinds:
            other_kind, other_file, other_line = self.kinds[identifier]
            f.error(
                DuplicateIdError,
                "id",
                f"id {identifier!r} is already used by a {other_kind} at {other_file}:{other_line}",
            )
            return False
        self.kinds[identifier] = (kind, f.file, f.line_of("id"))
        return True

    def reference(
        self, f: Fields, key: str, kinds: tuple[str, ...], *, required: bool = False
    ) -> str | None:
        identifier = f.identifier(key, required=required)
        if identifier is None:
            return None
        self.check_kind(f, key, identifier, kinds)
        return identifier

    def check_identifier(
        self, f: Fields, key: str, identifier: str, kinds: tuple[str, ...]
    ) -> bool:
        """A listed id (``cites: [...]``): a valid id of one of ``kinds``."""
        if not CORPUS_ID.fullmatch(identifier):
            f.error(
                ValueTypeError,
                key,
                f"{key!r} lists an invalid id",
                expected="snake_case id",
                found=identifier,
            )
            return False
        return self.check_kind(f, key, identifier, kinds)

    def check_kind(self, f: Fields, key: str, identifier: str, kinds: tuple[str, ...]) -> bool:
        """``identifier`` must be a known id of one of ``kinds``: a registry kind (actor,
        place, office, event, delegation) or an actor type (person, organization, state)."""
        found = self.kinds.get(identifier)
        wanted = " or ".join(kinds)
        if found is None:
            f.error(
                UnknownReferenceError,
                key,
                f"{key!r} refers to no known {wanted}",
                expected=f"a {wanted} id",
                found=identifier,
            )
            return False
        kind = found[0]
        subtype = self.actor_types.get(identifier) if kind == "actor" else None
        if kind not in kinds and subtype not in kinds:
            f.error(
                ValueTypeError,
                key,
                f"{key!r} refers to a {subtype or kind}",
                expected=f"a {wanted} id",
                found=identifier,
            )
            return False
        return True
