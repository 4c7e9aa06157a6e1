"""From rows to assertions: one pass, one content hash per assertion, every problem kept.

The loop is the hot path of every table loader, so it does per distinct cell
what can be done once (ids, predicates, parsed values are cached by raw text)
and per row only what must be: look up cells, build the evidence, create the
assertion. Problems are collected, never raised mid-way, so a caller gets all
of them at once and nothing is half-loaded.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Literal, Protocol, cast

import attrs
from attrs import frozen

from negotiations.claims._columns import ColumnRef, Columns, Constant
from negotiations.claims._errors import (
    ClaimsValidationError,
    ColumnMappingError,
    RowProblem,
)
from negotiations.claims._ids import normalise_id
from negotiations.claims._parsers import Parser, default_parser
from negotiations.errors import NegotiationsError
from negotiations.model import (
    Assertion,
    EntityId,
    Modality,
    PartialDate,
    RecordRef,
    Source,
    SourceId,
    Value,
    Vocabulary,
)

#: Cell texts that mean "no value here" (compared after stripping and casefolding).
DEFAULT_MISSING: frozenset[str] = frozenset({"", "n/a", "not available", "null"})

OnError = Literal["raise", "skip"]
Row = Sequence[object] | Mapping[str, object]


class _Missing:
    """The parsed form of a cell that holds no claim."""


_MISSING = _Missing()
_ABSENT = object()


@frozen(kw_only=True)
class ClaimSet:
    """The assertions read from a table, the sources that made them, and what was left out.

    Pass ``assertions``, ``sources`` and ``vocabulary`` to ``reconcile``.
    ``subject_names`` keeps every spelling in the table that became each subject id
    (ids are folded; people read names). ``skipped`` lists the problems of the
    cells left out under ``on_error="skip"`` (empty otherwise).
    """

    dataset: str
    assertions: tuple[Assertion, ...]
    sources: Mapping[SourceId, Source]
    vocabulary: Vocabulary = attrs.field(repr=False)
    subject_names: Mapping[EntityId, tuple[str, ...]] = attrs.field(repr=False)
    rows: int
    missing: int
    duplicates: int
    skipped: tuple[RowProblem, ...] = ()

    def summary(self) -> str:
        return (
            f"{self.dataset}: {self.rows} rows -> {len(self.assertions)} assertions from "
            f"{len(self.sources)} sources about {len(self.subject_names)} subjects; "
            f"{self.missing} missing values, {self.duplicates} duplicates, "
            f"{len(self.skipped)} skipped"
        )


@frozen
class _Slot:
    """Where a role's cell is: a constant, a position, or a key of a mapping row."""

    name: str
    constant: str | None = None
    index: int = -1


def _resolve(role: str, ref: ColumnRef, header: Sequence[str] | None, mapping_rows: bool) -> _Slot:
    if isinstance(ref, Constant):
        return _Slot(name=role, constant=ref.value)
    if mapping_rows:
        if isinstance(ref, int):
            raise ColumnMappingError(
                f"{role}: rows are mappings; name the column, not position {ref}"
            )
        return _Slot(name=ref)
    if isinstance(ref, int):
        if ref < 0 or (header is not None and ref >= len(header)):
            width = f" (the table has {len(header)} columns)" if header is not None else ""
            raise ColumnMappingError(f"{role}: no column at position {ref}{width}")
        return _Slot(name=header[ref] if header is not None else str(ref), index=ref)
    if header is None:
        raise ColumnMappingError(
            f"{role}: column {ref!r} is a name but the rows have no header; "
            "give positions or header=[names]"
        )
    if ref not in header:
        close = difflib.get_close_matches(ref, list(header), n=3)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ColumnMappingError(f"{role}: no column {ref!r} in header {list(header)}{hint}")
    return _Slot(name=ref, index=list(header).index(ref))


def _text(cell: object) -> str | None:
    """The cell as text, or None for an empty cell of a typed table (None, NaN, pandas NA)."""
    if isinstance(cell, str):
        return cell
    if cell is None or cell is _ABSENT or (isinstance(cell, float) and math.isnan(cell)):
        return None
    if type(cell).__name__ in ("NAType", "NaTType"):
        return None
    return str(cell)


@frozen
class _Bad:
    """Why a cell could not be read (cached like a good value, reported per row)."""

    expected: str


def _short_row() -> _Bad:
    return _Bad("a column here (the row is short)")


class _Builder:
    """The state of one load: caches by raw text, problems, and the assertions so far."""

    def __init__(
        self,
        *,
        vocabulary: Vocabulary,
        parsers: Mapping[str, Parser],
        missing: frozenset[str],
    ) -> None:
        self.vocabulary = vocabulary
        self.parsers = parsers
        self.missing = missing
        self.problems: list[RowProblem] = []
        self.sources: dict[str, SourceId | _Bad] = {}
        self.source_names: dict[SourceId, str] = {}
        self.subjects: dict[str, EntityId | _Bad] = {}
        self.subject_names: dict[EntityId, list[str]] = {}
        self.predicates: dict[str, tuple[str, type, Parser] | _Bad] = {}
        self.values: dict[tuple[str, str], Value | _Missing | _Bad] = {}
        self.modalities: dict[str, Modality | _Bad] = {}
        self.times: dict[object, PartialDate | _Bad] = {}
        self.missing_count = 0

    def problem(self, row: int, column: str, value: object, bad: _Bad) -> None:
        self.problems.append(
            RowProblem(row=row, column=column, value=value, message=f"expected {bad.expected}")
        )

    # -- per distinct cell text (the results are cached by the callers) ------------
    def source(self, raw: str) -> SourceId | _Bad:
        ident = normalise_id(raw)
        if not ident:
            return _Bad("a source name with at least one letter or digit")
        sid = SourceId(ident)
        self.source_names.setdefault(sid, " ".join(raw.split()))
        return sid

    def subject(self, raw: str) -> EntityId | _Bad:
        ident = normalise_id(raw)
        if not ident:
            return _Bad("a subject name with at least one letter or digit")
        eid = EntityId(ident)
        self.subject_names.setdefault(eid, []).append(raw)
        return eid

    def predicate(self, raw: str) -> tuple[str, type, Parser] | _Bad:
        try:
            spec = self.vocabulary.spec(raw.strip())
        except LookupError as error:  # UnknownPredicateError names the close matches
            return _Bad(f"a declared predicate: {error}")
        parser = self.parsers.get(spec.name) or default_parser(spec.value_type)
        if parser is None:
            return _Bad(
                f"a parser for predicate {spec.name!r}: its values are "
                f"{spec.value_type.__name__}, which has no default parser; pass parsers={{...}}"
            )
        return (spec.name, spec.value_type, parser)

    def value(self, predicate: tuple[str, type, Parser], raw: str) -> Value | _Missing | _Bad:
        if raw.strip().casefold() in self.missing:
            return _MISSING
        name, value_type, parser = predicate
        try:
            parsed = parser(raw)
        except (ValueError, TypeError, NegotiationsError) as error:
            return _Bad(f"a value for {name}: {error}")
        if parsed is None:
            return _MISSING
        if not isinstance(parsed, value_type):
            return _Bad(
                f"a {value_type.__name__} for {name}; the parser returned a {type(parsed).__name__}"
            )
        return parsed

    def modality(self, raw: str) -> Modality | _Bad:
        try:
            return Modality(raw.strip().casefold())
        except ValueError:
            return _Bad(f"a modality ({', '.join(m.value for m in Modality)})")

    def time(self, cell: object) -> PartialDate | _Bad:
        try:
            if isinstance(cell, dt.date):  # datetime too (a pandas Timestamp is one)
                return PartialDate.of(cell)
            return PartialDate.parse(str(cell).strip())
        except (ValueError, NegotiationsError):
            return _Bad("an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): when the source said it")


def _sequence_cell(row: Row, where: _Slot) -> object:
    if where.constant is not None:
        return where.constant
    try:
        return cast("Sequence[object]", row)[where.index]
    except IndexError:
        return _ABSENT


def _mapping_cell(row: Row, where: _Slot) -> object:
    if where.constant is not None:
        return where.constant
    return cast("Mapping[str, object]", row).get(where.name, _ABSENT)


class LineNumbered(Protocol):
    """Something that knows the line of the row it just gave (a ``csv.reader``)."""

    @property
    def line_num(self) -> int: ...


def build(
    rows: Iterable[Row],
    columns: Columns,
    *,
    header: Sequence[str] | None,
    dataset: str,
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
    lines: LineNumbered | None = None,
    mapping_rows: bool = False,
) -> ClaimSet:
    """Build a :class:`ClaimSet` from rows (the shared core of every loader).

    ``lines`` gives each row's line number (a ``csv.reader``); without it rows
    are numbered from 1. In ``skip`` mode a bad value cell drops that claim only;
    a bad source, subject, time, modality or a short row drops the whole row.
    """
    if on_error not in ("raise", "skip"):
        raise ColumnMappingError(f"on_error must be 'raise' or 'skip', found {on_error!r}")
    vocab = vocabulary if vocabulary is not None else Vocabulary.builtin()
    parsers = dict(parsers or {})
    unknown = [name for name in parsers if name not in vocab]
    if unknown:
        raise ColumnMappingError(
            f"parsers given for predicates the vocabulary does not declare: {', '.join(unknown)}"
        )
    b = _Builder(
        vocabulary=vocab,
        parsers=parsers,
        missing=frozenset(m.strip().casefold() for m in missing),
    )

    def slot(role: str, ref: ColumnRef | None) -> _Slot | None:
        return None if ref is None else _resolve(role, ref, header, mapping_rows)

    source_slot = _resolve("source", columns.source, header, mapping_rows)
    subject_slot = _resolve("subject", columns.subject, header, mapping_rows)
    time_slot = slot("time", columns.time)
    modality_slot = slot("modality", columns.modality)
    record_slot = slot("record", columns.record)
    # (predicate, value) slots per claim in a row: one for a long table, one per column for a wide one.
    claim_slots: list[tuple[_Slot, _Slot]] = []
    if columns.values:
        for name, ref in columns.values:
            claim_slots.append(
                (_Slot(name="predicate", constant=name), _resolve(name, ref, header, mapping_rows))
            )
    elif columns.predicate is not None and columns.value is not None:  # checked by Columns
        claim_slots.append(
            (
                _resolve("predicate", columns.predicate, header, mapping_rows),
                _resolve("value", columns.value, header, mapping_rows),
            )
        )
    for pred_slot, _ in claim_slots:
        if pred_slot.constant is not None:
            checked = b.predicate(pred_slot.constant)
            if isinstance(checked, _Bad):
                raise ColumnMappingError(
                    f"predicate {pred_slot.constant!r}: expected {checked.expected}"
                )
            b.predicates[pred_slot.constant] = checked

    cell = _mapping_cell if mapping_rows else _sequence_cell
    skip = on_error == "skip"
    assertions: dict[str, Assertion] = {}
    duplicates = 0
    count = 0
    row_number = 0
    sources, subjects, predicates, values = b.sources, b.subjects, b.predicates, b.values
    create = Assertion.create

    for row in rows:
        count += 1
        row_number = lines.line_num if lines is not None else row_number + 1
        bad_row = False
        # Source and subject: without them a row claims nothing.
        raw = cell(row, source_slot)
        text = _text(raw)
        source = _short_row() if raw is _ABSENT else sources.get(text) if text is not None else None
        if source is None:
            source = b.source(text) if text is not None else _Bad("a source")
            if text is not None:
                sources[text] = source
        if isinstance(source, _Bad):
            b.problem(row_number, source_slot.name, None if raw is _ABSENT else raw, source)
            bad_row = True
        raw = cell(row, subject_slot)
        text = _text(raw)
        subject = (
            _short_row() if raw is _ABSENT else subjects.get(text) if text is not None else None
        )
        if subject is None:
            subject = b.subject(text) if text is not None else _Bad("a subject")
            if text is not None:
                subjects[text] = subject
        if isinstance(subject, _Bad):
            b.problem(row_number, subject_slot.name, None if raw is _ABSENT else raw, subject)
            bad_row = True
        asserted_at: PartialDate | None = None
        if time_slot is not None:
            raw = cell(row, time_slot)
            text = _text(raw)
            if raw is _ABSENT:
                b.problem(row_number, time_slot.name, None, _short_row())
                bad_row = True
            elif text is not None and text.strip().casefold() not in b.missing:
                key = raw if isinstance(raw, dt.date) else text
                when = b.times.get(key)
                if when is None:
                    when = b.times[key] = b.time(raw)
                if isinstance(when, _Bad):
                    b.problem(row_number, time_slot.name, raw, when)
                    bad_row = True
                else:
                    asserted_at = when
        row_modality = modality
        if modality_slot is not None:
            raw = cell(row, modality_slot)
            text = _text(raw)
            if raw is _ABSENT:
                b.problem(row_number, modality_slot.name, None, _short_row())
                bad_row = True
            elif text is not None and text.strip():
                how = b.modalities.get(text)
                if how is None:
                    how = b.modalities[text] = b.modality(text)
                if isinstance(how, _Bad):
                    b.problem(row_number, modality_slot.name, raw, how)
                    bad_row = True
                else:
                    row_modality = how
        record = str(row_number)
        if record_slot is not None:
            text = _text(cell(row, record_slot))
            if text is not None and text.strip():
                record = text.strip()
        if bad_row and skip:
            continue
        for pred_slot, value_slot in claim_slots:
            raw = cell(row, pred_slot)
            text = _text(raw)
            if text is None:
                b.problem(
                    row_number,
                    pred_slot.name,
                    None,
                    _short_row() if raw is _ABSENT else _Bad("a predicate"),
                )
                continue
            predicate = predicates.get(text)
            if predicate is None:
                predicate = predicates[text] = b.predicate(text)
            if isinstance(predicate, _Bad):
                b.problem(row_number, pred_slot.name, raw, predicate)
                continue
            raw = cell(row, value_slot)
            text = _text(raw)
            if text is None:
                if raw is _ABSENT:
                    b.problem(row_number, value_slot.name, None, _short_row())
                else:
                    b.missing_count += 1
                continue
            value = values.get((predicate[0], text))
            if value is None:
                value = values[(predicate[0], text)] = b.value(predicate, text)
            if isinstance(value, _Missing):
                b.missing_count += 1
                continue
            if isinstance(value, _Bad):
                b.problem(row_number, value_slot.name, raw, value)
                continue
            if bad_row:
                continue
            try:
                assertion = create(
                    source=cast(SourceId, source),
                    subject=cast(EntityId, subject),
                    predicate=predicate[0],
                    value=value,
                    evidence=RecordRef(
                        dataset=dataset, record=record, field=value_slot.name, retrieved=retrieved
                    ),
                    modality=row_modality,
                    asserted_at=asserted_at,
                )
            except NegotiationsError as error:
                b.problem(row_number, value_slot.name, raw, _Bad(f"a valid claim: {error}"))
                continue
            if assertion.id in assertions:
                duplicates += 1
            else:
                assertions[assertion.id] = assertion
    if b.problems and not skip:
        raise ClaimsValidationError(b.problems, source=dataset)
    used_sources = {a.source for a in assertions.values()}
    used_subjects = {a.subject for a in assertions.values()}
    return ClaimSet(
        dataset=dataset,
        assertions=tuple(assertions.values()),
        sources=MappingProxyType(
            {
                sid: Source(id=sid, title=name)
                for sid, name in b.source_names.items()
                if sid in used_sources
            }
        ),
        vocabulary=vocab,
        subject_names=MappingProxyType(
            {
                eid: tuple(dict.fromkeys(names))
                for eid, names in b.subject_names.items()
                if eid in used_subjects
            }
        ),
        rows=count,
        missing=b.missing_count,
        duplicates=duplicates,
        skipped=tuple(b.problems),
    )
