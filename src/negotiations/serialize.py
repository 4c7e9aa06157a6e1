"""The one cattrs converter for the whole model, and JSON helpers around it.

Unions are tagged with a ``type`` key, dates are ISO strings, frozensets are
sorted lists (so output is byte-stable), and unknown keys are rejected.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, TypeVar, overload

import cattrs
from cattrs.strategies import configure_tagged_union

from negotiations.errors import ModelError, SerializationError
from negotiations.model import (
    Actor,
    DateRange,
    Evidence,
    PartialDate,
    TimeValue,
    Value,
    parse_time_value,
)
from negotiations.model._values import VALUE_TYPES

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True)


def _tag(cls: type) -> str:
    return cls.__name__


def _structure_partial_date(data: Any, _: type) -> PartialDate:
    if not isinstance(data, str):
        raise ModelError("PartialDate", "iso", data, "an ISO date string")
    return PartialDate.parse(data)


def _structure_date_range(data: Any, _: type) -> DateRange:
    if not isinstance(data, str):
        raise ModelError("DateRange", "iso", data, "an ISO interval string START/END")
    return DateRange.parse(data)


def _structure_time_value(data: Any, _: Any) -> TimeValue:
    if not isinstance(data, str):
        raise ModelError("TimeValue", "iso", data, "an ISO date or interval string")
    return parse_time_value(data)


converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
converter.register_structure_hook(PartialDate, _structure_partial_date)
converter.register_unstructure_hook(DateRange, DateRange.isoformat)
converter.register_structure_hook(DateRange, _structure_date_range)


def _structure_optional_time_value(data: Any, _: Any) -> TimeValue | None:
    return None if data is None else _structure_time_value(data, TimeValue)


def _structure_datetime(data: Any, _: type) -> dt.datetime:
    if not isinstance(data, str):
        raise ModelError("datetime", "iso", data, "an ISO date-time string")
    try:
        return dt.datetime.fromisoformat(data)
    except ValueError:
        raise ModelError("datetime", "iso", data, "an ISO date-time string") from None


converter.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
converter.register_structure_hook(dt.datetime, _structure_datetime)
converter.register_structure_hook(TimeValue, _structure_time_value)
converter.register_structure_hook(TimeValue | None, _structure_optional_time_value)


def _sort_key(item: Any) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _unstructure_frozenset(value: frozenset[Any]) -> list[Any]:
    return sorted((converter.unstructure(x) for x in value), key=_sort_key)


converter.register_unstructure_hook_func(
    lambda t: t is frozenset or getattr(t, "__origin__", None) is frozenset,
    _unstructure_frozenset,
)


def _structure_value_type(name: Any, _: Any) -> type:
    """A predicate's value type is written by class name ("QuantityValue")."""
    for value_type in VALUE_TYPES:
        if value_type.__name__ == name:
            return value_type
    raise ModelError("PredicateSpec", "value_type", name, "the name of a value type")


# A corpus carries its vocabulary; a spec's value type is serialised by name.
converter.register_unstructure_hook(type, lambda value_type: value_type.__name__)
converter.register_structure_hook(type, _structure_value_type)


# Unions last: configure_tagged_union builds member hooks eagerly.
configure_tagged_union(Actor, converter, tag_generator=_tag, tag_name="type")
configure_tagged_union(Value, converter, tag_generator=_tag, tag_name="type")
configure_tagged_union(Evidence, converter, tag_generator=_tag, tag_name="type")


def _optional_union(union: Any) -> None:
    """``Union | None`` fields go through the union's tagged hooks."""
    structure_hook = converter.get_structure_hook(union)
    unstructure_hook = converter.get_unstructure_hook(union)
    converter.register_structure_hook(
        union | None, lambda data, _: None if data is None else structure_hook(data, union)
    )
    converter.register_unstructure_hook(
        union | None, lambda value: None if value is None else unstructure_hook(value)
    )


_optional_union(Actor)
_optional_union(Value)


def _format_exception(error: BaseException, type_: Any) -> str:
    if isinstance(error, ModelError):
        return str(error)
    return cattrs.v.format_exception(error, type_)


def unstructure(obj: object, as_type: Any = None) -> Any:
    """Model object -> plain JSON-compatible data.

    Pass ``as_type`` (e.g. ``Actor``) to unstructure through a union, adding its tag.
    """
    return converter.unstructure(obj, unstructure_as=as_type)


@overload
def structure(data: Any, cls: type[T]) -> T: ...
@overload
def structure(data: Any, cls: Any) -> Any: ...


def structure(data: Any, cls: Any) -> Any:
    """Plain data -> model object; any problem raises :class:`SerializationError`."""
    try:
        return converter.structure(data, cls)
    except ModelError as error:
        raise SerializationError(getattr(cls, "__name__", str(cls)), [str(error)]) from error
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        problems = (
            cattrs.transform_error(
                error, path=getattr(cls, "__name__", "$"), format_exception=_format_exception
            )
            if isinstance(error, cattrs.BaseValidationError)
            else [f"missing key {error}" if isinstance(error, KeyError) else str(error)]
        )
        raise SerializationError(getattr(cls, "__name__", str(cls)), problems) from error


def to_json(obj: object, *, as_type: Any = None, indent: int | None = None) -> str:
    """Deterministic JSON (sorted keys, sorted sets)."""
    return json.dumps(unstructure(obj, as_type), sort_keys=True, ensure_ascii=False, indent=indent)


@overload
def from_json(text: str, cls: type[T]) -> T: ...
@overload
def from_json(text: str, cls: Any) -> Any: ...


def from_json(text: str, cls: Any) -> Any:
    """JSON text -> model object; any problem raises :class:`SerializationError`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SerializationError(getattr(cls, "__name__", str(cls)), [str(error)]) from error
    return structure(data, cls)
