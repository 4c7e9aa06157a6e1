"""The one cattrs converter for the whole model, and JSON helpers around it.

Unions are tagged with a ``type`` key, dates are ISO strings, frozensets are
sorted lists (so output is byte-stable), and unknown keys are rejected.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar, overload

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from negotiations.errors import ModelError, NegotiationsError, SerializationError, shorten
from negotiations.model import (
    Actor,
    DateRange,
    Evidence,
    PartialDate,
    TimeValue,
    Value,
    parse_time_value,
)
from negotiations.model._validators import writable
from negotiations.model._values import VALUE_TYPES

T = TypeVar("T")

converter = cattrs.Converter(forbid_extra_keys=True)


# JSON's scalars as they are: cattrs would otherwise coerce (``null`` -> the text
# "None", an object -> its Python repr, ``true`` -> 1.0), and keep the result under
# the same content id.
class _ScalarError(ValueError):
    """A JSON scalar of the wrong kind: its message says what was expected and found."""


def _structure_str(data: Any, _: type) -> str:
    if not isinstance(data, str):
        raise _ScalarError(f"expected a string, found {_json_kind(data)}")
    return data


def _structure_float(data: Any, _: type) -> float:
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise _ScalarError(f"expected a number, found {_json_kind(data)}")
    number = float(data)
    if not math.isfinite(number):
        raise _ScalarError(f"expected a finite number, found {data!r}")
    return number


def _structure_int(data: Any, _: type) -> int:
    if isinstance(data, float):
        if not math.isfinite(data):
            raise OverflowError(f"{data!r} is no whole number")
        if data.is_integer():  # 5.0, as some JSON writers put a whole number
            return int(data)
        raise _ScalarError(f"expected a whole number, found {data!r}")
    if isinstance(data, bool) or not isinstance(data, int):
        raise _ScalarError(f"expected a whole number, found {_json_kind(data)}")
    return data


def _structure_bool(data: Any, _: type) -> bool:
    if not isinstance(data, bool):
        raise _ScalarError(f"expected true or false, found {_json_kind(data)}")
    return data


converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(float, _structure_float)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(bool, _structure_bool)


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


def _verdict_hooks() -> None:
    """A verdict's trace is written and read as ``trace``, derived steps included
    (the verdict stores only steps of its own, as ``_trace``)."""
    from negotiations.reconcile._verdicts import TraceStep, Verdict

    base = make_dict_unstructure_fn(Verdict, converter, _trace=override(omit=True))

    def unstructure_verdict(verdict: Verdict) -> dict[str, Any]:
        data = base(verdict)
        data["trace"] = converter.unstructure(verdict.trace, tuple[TraceStep, ...])
        return data

    converter.register_unstructure_hook(Verdict, unstructure_verdict)
    converter.register_structure_hook(
        Verdict, make_dict_structure_fn(Verdict, converter, _trace=override(rename="trace"))
    )


_verdict_hooks()


#: Python type names as a JSON reader would say them, for "expected a JSON object, found …".
_JSON_KINDS = {
    "str": "a string",
    "list": "an array",
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "NoneType": "null",
    "dict": "an object",
}


def _json_kind(data: object) -> str:
    if isinstance(data, float) and not math.isfinite(data):
        return repr(data)
    return _JSON_KINDS.get(type(data).__name__, type(data).__name__)


_NOT_A_MAPPING = re.compile(r"'(\w+)' object has no attribute '(?:keys|copy|items|get)'")


def _describe(error: BaseException) -> str:
    """One short line for an error raised while structuring, whatever its class."""
    if isinstance(error, NegotiationsError):
        return shorten(str(error), 300)
    if isinstance(error, AttributeError):
        found = _NOT_A_MAPPING.search(str(error))
        if found is not None:
            return f"expected a JSON object, found {_JSON_KINDS.get(found[1], found[1])}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    if isinstance(error, OverflowError):
        return f"number out of range ({shorten(str(error), 100)})"
    if isinstance(error, KeyError):
        return f"missing key {shorten(repr(error.args[0]) if error.args else '', 100)}"
    return shorten(str(error), 300)


def _format_exception(error: BaseException, type_: Any) -> str:
    if isinstance(error, _ScalarError):
        return str(error)
    if isinstance(error, NegotiationsError | AttributeError | RecursionError | OverflowError):
        return _describe(error)
    return shorten(cattrs.v.format_exception(error, type_), 300)


def _name(cls: Any) -> str:
    return getattr(cls, "__name__", None) or shorten(str(cls), 100)


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
    """Plain data -> model object; any problem raises :class:`SerializationError`.

    Each problem names its JSON path (``Assertion.evidence.start``); a value in a
    message is cut short, so a hostile input cannot make a huge message.
    """
    name = _name(cls)
    # (A few model classes, dates among them, are written as strings: those pass.)
    if attrs.has(cls) and not isinstance(data, Mapping | str):
        kind = _JSON_KINDS.get(type(data).__name__, type(data).__name__)
        raise SerializationError(name, [f"expected a JSON object, found {kind} @ {name}"])
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as error:
        problems = cattrs.transform_error(error, path=name, format_exception=_format_exception)
        raise SerializationError(name, problems) from error
    except (
        ValueError,
        TypeError,
        KeyError,
        AttributeError,
        RecursionError,
        OverflowError,
    ) as error:
        # ModelError (a ValueError) and the other library errors raised by model validators.
        raise SerializationError(name, [f"{_describe(error)} @ {name}"]) from error


def to_json(obj: object, *, as_type: Any = None, indent: int | None = None) -> str:
    """Deterministic JSON (sorted keys, sorted sets); strict JSON: a number that is not
    finite (NaN, infinity), which JSON cannot write, is refused."""
    try:
        return json.dumps(
            unstructure(obj, as_type),
            sort_keys=True,
            ensure_ascii=False,
            indent=indent,
            allow_nan=False,
        )
    except ValueError as error:
        raise SerializationError(
            _name(type(obj)), [f"cannot be written as JSON: {error}"]
        ) from error


#: A ``\\uXXXX`` escape of a surrogate; only looked at further when one occurs.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogates(data: Any, root: str) -> Iterator[str]:
    """JSON paths of strings (or keys) holding a lone surrogate, which no UTF-8 text can carry."""
    stack: list[tuple[str, Any]] = [(root, data)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            if not writable(item):
                yield path
        elif isinstance(item, dict):
            for key, value in item.items():
                if not writable(key):
                    yield f"{path} (a key)"
                stack.append((f"{path}.{shorten(key, 40)}", value))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", value) for i, value in enumerate(item))


@overload
def from_json(text: str | bytes, cls: type[T]) -> T: ...
@overload
def from_json(text: str | bytes, cls: Any) -> Any: ...


def from_json(text: str | bytes, cls: Any) -> Any:
    """JSON text -> model object; any problem raises :class:`SerializationError`.

    Malformed JSON, numbers too long to read, nesting deeper than Python's stack
    and lone surrogates (``"\\udcff"``: text no UTF-8 file can hold, so no output
    could write it) are all refused here, with a JSON path where there is one.
    """
    name = _name(cls)
    try:
        data = json.loads(text)
    except RecursionError:
        raise SerializationError(name, ["JSON nested too deeply to read"]) from None
    except (ValueError, TypeError) as error:  # JSONDecodeError, int digits limit, bad bytes
        raise SerializationError(name, [_describe(error)]) from error
    probe = text if isinstance(text, str) else text.decode("utf-8", "replace")
    if _SURROGATE_ESCAPE.search(probe) is not None or not writable(probe):
        paths = list(_lone_surrogates(data, name))
        if paths:
            raise SerializationError(
                name, [f"a lone surrogate (text no UTF-8 file can hold) @ {p}" for p in paths]
            )
    return structure(data, cls)
