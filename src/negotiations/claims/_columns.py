"""The column mapping: which column of a table holds which part of a claim."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
from attrs import frozen

from negotiations.claims._errors import ColumnMappingError
from negotiations.errors import short_repr


def _constant_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ColumnMappingError(f"Constant: expected a non-empty text, found {short_repr(value)}")


@frozen
class Constant:
    """A value that holds for every row (e.g. ``predicate=Constant("scheduled_departure")``)."""

    value: str = attrs.field(validator=_constant_text)


#: A column by header name or 0-based position, or one value for the whole table.
ColumnRef = str | int | Constant

ROLES = ("source", "subject", "predicate", "value", "time", "modality", "record")
#: The layout used when no mapping is given (e.g. ``negotiations reconcile --claims``).
DEFAULT_LAYOUT = ("source", "subject", "predicate", "value", "modality", "time")


def _ref(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # (``True`` is an int to Python, position 1 to a mapping: refused.)
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, str | int | Constant)
    ):
        raise ColumnMappingError(
            f"{attribute.name}: expected a column name, a 0-based position or a Constant, "
            f"found {value!r}"
        )


def _pairs(values: Mapping[str, str | int] | None) -> tuple[tuple[str, str | int], ...]:
    if not values:
        return ()
    if not isinstance(values, Mapping):
        raise ColumnMappingError(
            f"values: expected a mapping {{predicate: column}}, found {short_repr(values)}"
        )
    for name, ref in values.items():
        if not isinstance(name, str) or isinstance(ref, bool) or not isinstance(ref, str | int):
            raise ColumnMappingError(
                f"values: expected predicate names mapped to a column name or a 0-based "
                f"position, found {short_repr(name)}: {short_repr(ref)}"
            )
    return tuple(values.items())


@frozen(kw_only=True)
class Columns:
    """Where each part of a claim is found in a row.

    A *long* table has one claim per row: map ``predicate`` and ``value``.
    A *wide* table has one claim per value column (Flight: one row per source and
    flight, one column per attribute): map ``values={predicate: column, ...}``.
    ``time`` is when the source stated the claim (``Assertion.asserted_at``, an ISO
    date); ``record`` names the row in :class:`~negotiations.model.RecordRef`
    evidence (default: the row number). Any role may be a :class:`Constant`.
    """

    source: ColumnRef = attrs.field(validator=_ref)
    subject: ColumnRef = attrs.field(validator=_ref)
    predicate: ColumnRef | None = attrs.field(default=None, validator=_ref)
    value: ColumnRef | None = attrs.field(default=None, validator=_ref)
    values: tuple[tuple[str, str | int], ...] = attrs.field(default=(), converter=_pairs)
    time: ColumnRef | None = attrs.field(default=None, validator=_ref)
    modality: ColumnRef | None = attrs.field(default=None, validator=_ref)
    record: ColumnRef | None = attrs.field(default=None, validator=_ref)

    def __attrs_post_init__(self) -> None:
        long = self.predicate is not None or self.value is not None
        if long and self.values:
            raise ColumnMappingError("map either predicate and value, or values, not both")
        if not self.values and (self.predicate is None or self.value is None):
            raise ColumnMappingError(
                "map predicate and value (one claim per row) or values={predicate: column}"
            )
        if isinstance(self.value, Constant):
            raise ColumnMappingError("value cannot be a Constant: it is what a row claims")

    @property
    def references(self) -> tuple[ColumnRef, ...]:
        """Every column this mapping reads (constants included)."""
        roles = (self.source, self.subject, self.predicate, self.value)
        optional = (self.time, self.modality, self.record)
        found = [r for r in (*roles, *optional) if r is not None]
        return (*found, *(ref for _, ref in self.values))

    @classmethod
    def default(cls, header: Sequence[str]) -> Columns:
        """The documented default layout, read from a header that names its columns."""
        present = set(header)
        missing = [role for role in DEFAULT_LAYOUT[:4] if role not in present]
        if missing:
            raise ColumnMappingError(
                f"the default layout needs columns {', '.join(DEFAULT_LAYOUT[:4])} "
                f"(optional: modality, time, record); missing {', '.join(missing)} "
                f"in header {short_repr(list(header))}"
            )
        return cls(
            source="source",
            subject="subject",
            predicate="predicate",
            value="value",
            time="time" if "time" in present else None,
            modality="modality" if "modality" in present else None,
            record="record" if "record" in present else None,
        )

    @classmethod
    def parse(cls, assignments: Sequence[str], constants: Sequence[str] = ()) -> Columns:
        """A mapping from ``ROLE=COLUMN`` strings (and ``ROLE=TEXT`` constants), as on the CLI.

        A column that is all digits is a 0-based position; anything else a header name.
        ``source``, ``subject``, ``predicate`` and ``value`` not given fall back to the
        column of the same name.
        """
        mapping: dict[str, ColumnRef] = {}
        for text, constant in [(a, False) for a in assignments] + [(c, True) for c in constants]:
            if not isinstance(text, str):
                raise ColumnMappingError(
                    f"expected ROLE=COLUMN as a string, found {short_repr(text)}"
                )
            role, sep, column = text.partition("=")
            role = role.strip()
            form = "ROLE=VALUE" if constant else "ROLE=COLUMN"
            if role in ROLES and (not sep or not column.strip()):
                raise ColumnMappingError(
                    f"{short_repr(text)}: expected {form}; {role} is given no "
                    f"{'value' if constant else 'column'}"
                )
            if not sep or role not in ROLES:
                close = difflib.get_close_matches(role, ROLES, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise ColumnMappingError(
                    f"{short_repr(text)}: expected {form} with ROLE one of {', '.join(ROLES)}{hint}"
                )
            column = column.strip()
            mapping[role] = Constant(column) if constant else _column_ref(text, column)
        return cls(
            source=mapping.get("source", "source"),
            subject=mapping.get("subject", "subject"),
            predicate=mapping.get("predicate", "predicate"),
            value=mapping.get("value", "value"),
            time=mapping.get("time"),
            modality=mapping.get("modality"),
            record=mapping.get("record"),
        )


#: Digits a column position may have (a billion columns is already no table).
_POSITION_DIGITS = 9


def _column_ref(text: str, column: str) -> ColumnRef:
    """A 0-based position for ASCII digits, else a header name (``٣`` is a name)."""
    if not (column.isascii() and column.isdigit()):
        return column
    if len(column) > _POSITION_DIGITS:
        raise ColumnMappingError(
            f"{short_repr(text)}: a column position has at most {_POSITION_DIGITS} digits"
        )
    return int(column)
