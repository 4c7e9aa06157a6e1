"""attrs validators that raise :class:`~negotiations.errors.ModelError`.

attrs' own validators raise TypeError/ValueError; ours name the class, the field
and the value, and belong to the library's hierarchy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from negotiations.errors import ModelError
from negotiations.model._ids import ID_PATTERN

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(instance: object, attribute: attrs.Attribute[Any], value: object, expected: str) -> None:
    raise ModelError(type(instance).__name__, attribute.name, value, expected)


#: Ids already found well-formed (a million assertions name a few thousand ids).
_VALID_IDS: set[str] = set()
_VALID_IDS_MAX = 100_000


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is str and (value in _VALID_IDS or is_new_id(value)):
        return
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        fail(instance, attribute, value, "an id matching [a-z0-9][a-z0-9_.:-]*")


def is_new_id(value: str) -> bool:
    """Whether a plain string not yet in ``_VALID_IDS`` is an id :func:`identifier`
    accepts (remembered if so): for a fast path that checks ``value in _VALID_IDS`` first."""
    if ID_PATTERN.fullmatch(value) is None:
        return False
    if len(_VALID_IDS) < _VALID_IDS_MAX:
        _VALID_IDS.add(value)
    return True


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        fail(instance, attribute, value, "a non-empty string")
    elif not writable(value):
        fail(
            instance, attribute, value, "text without lone surrogates (no UTF-8 output holds them)"
        )


def writable(value: str) -> bool:
    """Whether UTF-8 can hold ``value`` (no lone surrogate such as ``"\\udcff"``): text
    any JSON or YAML file the library writes can carry."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def instance_of(*types: type) -> Validator:
    names = " or ".join(t.__name__ for t in types)
    no_bool = bool not in types

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, types) or (no_bool and type(value) is bool):
            fail(instance, attribute, value, f"a {names}")

    return check


def optional(validator: Validator) -> Validator:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def collection_of(container: type, element: Validator) -> Validator:
    """Validate an immutable container (tuple/frozenset) and each element."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, container):
            fail(instance, attribute, value, f"a {container.__name__}")
        assert isinstance(value, tuple | frozenset)
        for item in value:
            element(instance, attribute, item)

    return check


def non_negative_int(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or value < 0:
        fail(instance, attribute, value, "a non-negative int")


def sorted_repr(value: frozenset[str]) -> str:
    """A set's repr in a stable order (set iteration order changes from run to run)."""
    if not value:
        return "frozenset()"
    return "frozenset({" + ", ".join(repr(x) for x in sorted(value)) + "})"
