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
import gc
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Number
from operator import itemgetter
from types import MappingProxyType
from typing import Any, Literal, Protocol

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
from negotiations.errors import NegotiationsError, short_repr
from negotiations.model import (
    Assertion,
    EntityId,
    Modality,
    PartialDate,
    Polarity,
    Registry,
    Source,
    SourceId,
    Value,
    Vocabulary,
)
from negotiations.model._validators import writable
from negotiations.model._values import ID_VALUE_TYPES

#: Cell texts that mean "no value here" (compared after stripping and casefolding).
DEFAULT_MISSING: frozenset[str] = frozenset({"", "n/a", "not available", "null"})

OnError = Literal["raise", "skip"]
Row = Sequence[object] | Mapping[str, object]


class _Missing:
    """The parsed form of a cell that holds no claim."""


_MISSING = _Missing()
_NO_REGISTRY = Registry()
_ABSENT = object()


@frozen(kw_only=True)
class ClaimSet:
    """The assertions read from a table, the sources that made them, and what was left out.

    Pass ``assertions``, ``sources`` and ``vocabulary`` to ``reconcile``.
    ``subject_names`` keeps every spelling in the table that became each subject id
    (ids are folded; people read names), and ``value_names`` each spelling that became
    an actor, place, office or event a claim answers with ("Dolmabahce Palace" for
    ``dolmabahce-palace``). ``skipped`` lists the problems of the cells left out
    under ``on_error="skip"`` (empty otherwise).
    """

    dataset: str
    assertions: tuple[Assertion, ...] = attrs.field(repr=False)
    sources: Mapping[SourceId, Source] = attrs.field(repr=False)
    vocabulary: Vocabulary = attrs.field(repr=False)
    subject_names: Mapping[EntityId, tuple[str, ...]] = attrs.field(repr=False)
    rows: int
    missing: int
    duplicates: int
    skipped: tuple[RowProblem, ...] = ()
    value_names: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, repr=False)

    def name_of(self, value: Value) -> str:
        """A value as the table wrote it (an id-valued answer's first spelling), else
        the value's own words."""
        if isinstance(value, ID_VALUE_TYPES):
            names = self.value_names.get(value.key())
            if names:
                return names[0]
        return value.label()

    @property
    def names(self) -> Mapping[str, str]:
        """Each id the table made, with the name a person reads: a subject's or an
        answer's first spelling in the table, a source's name as written. ``reconcile``
        and the displays show these instead of the folded ids."""
        found: dict[str, str] = {}
        for ident, spellings in self.subject_names.items():
            if spellings:
                found.setdefault(ident, " ".join(spellings[0].split()))
        for key, written in self.value_names.items():
            if written:
                found.setdefault(key, written[0])
        for sid, source in self.sources.items():
            if source.title:
                found.setdefault(sid, source.title)
        return found

    @property
    def registry(self) -> Registry:
        """An empty registry: a table names subjects by id, not through a gazetteer.

        With it a claim set reads like a corpus, so ``reconcile(claims,
        vocabulary=claims.vocabulary)`` takes its assertions and sources directly.
        """
        return _NO_REGISTRY

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
        raise ColumnMappingError(
            f"{role}: no column {ref!r} in header {short_repr(list(header))}{hint}"
        )
    places = [i for i, name in enumerate(header) if name == ref]
    if len(places) > 1:  # which of them holds the claims? Refuse rather than guess.
        raise ColumnMappingError(
            f"{role}: column {ref!r} appears {len(places)} times in the header "
            f"(positions {short_repr(places)}); rename one or map the column by position"
        )
    return _Slot(name=ref, index=places[0])


def _text(cell: object) -> str | None:
    """The cell as text, or None for an empty cell of a typed table (None, NaN of any
    number type, pandas NA)."""
    if isinstance(cell, str):
        return cell
    if cell is None or cell is _ABSENT or type(cell).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(cell, Number) and cell != cell:  # NaN of any number type
        return None
    try:
        return str(cell)
    except ValueError:  # an int past Python's 4,300-digit limit
        return _UNWRITABLE


#: The text of a cell that has none (see ``_text``): no parser or id accepts it.
_UNWRITABLE = "\x00(a number too long to write)"


def _unwritable(text: str) -> str | None:
    """Why ``text`` cannot be kept (a NUL, a lone surrogate no UTF-8 output can hold),
    or None."""
    if text is _UNWRITABLE:
        return "a number short enough to write (Python's 4,300-digit limit)"
    if "\x00" in text:
        return "text without NUL characters"
    if not writable(text):
        return "text without lone surrogates (no UTF-8 file can hold them)"
    return None


@frozen
class _Bad:
    """Why a cell could not be read (cached like a good value, reported per row)."""

    expected: str


def _short_row() -> _Bad:
    return _Bad("a column here (the row is short)")


def _shown(raw: object) -> object:
    """A cell as a problem report shows it (None for a cell the row does not have)."""
    return None if raw is _ABSENT else raw


def _lookup(
    raw: object,
    cache: dict[str, Any],
    make: Callable[[str], Any],
    expected: str,
) -> Any:
    """A cell read through its cache (misses are made and cached); empty cells are bad."""
    if raw is _ABSENT:
        return _short_row()
    text = _text(raw)
    if text is None:
        return _Bad(expected)
    found = cache.get(text)
    if found is None:
        found = cache[text] = make(text)
    return found


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
        self.value_names: dict[str, list[str]] = {}
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
        why = _unwritable(raw)
        if why is not None:
            return _Bad(why)
        ident = normalise_id(raw)
        if not ident:
            return _Bad("a source name with at least one letter or digit")
        sid = SourceId(ident)
        self.source_names.setdefault(sid, " ".join(raw.split()))
        return sid

    def subject(self, raw: str) -> EntityId | _Bad:
        why = _unwritable(raw)
        if why is not None:
            return _Bad(why)
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
        why = _unwritable(raw)
        if why is not None:
            return _Bad(f"{why} for {name}")
        try:
            parsed = parser(raw)
        except (ValueError, TypeError, NegotiationsError) as error:
            return _Bad(f"a value for {name} ({error})")
        except Exception as error:  # a parser's own failure (a KeyError from a lookup...)
            return _Bad(f"a value for {name} (the parser failed: {type(error).__name__}: {error})")
        if parsed is None:
            return _MISSING
        if not isinstance(parsed, value_type):
            return _Bad(
                f"a {value_type.__name__} for {name}; the parser returned a {type(parsed).__name__}"
            )
        if isinstance(parsed, ID_VALUE_TYPES):
            self.value_names.setdefault(parsed.key(), []).append(" ".join(raw.split()))
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


class LineNumbered(Protocol):
    """Something that knows the line of the row it just gave (a ``csv.reader``)."""

    @property
    def line_num(self) -> int: ...


class _WrongRowError(Exception):
    """A row that is not of the table's kind (what it should be is the message)."""


class _Cells:
    """Reads every mapped cell of a row at once.

    One ``operator.itemgetter`` call fetches all columns (by position or by key);
    a short row (or a mapping without a key) falls back to one cell at a time,
    marking the absent ones. Constants never touch the row.
    """

    def __init__(self, slots: Sequence[_Slot], mapping_rows: bool) -> None:
        self.slots = tuple(slots)
        self.mapping_rows = mapping_rows
        keys: list[str | int] = []
        self.where: list[int] = []  # per slot: its place in the fetched cells, or -1 for a constant
        for where in self.slots:
            if where.constant is None:
                self.where.append(len(keys))
                keys.append(where.name if mapping_rows else where.index)
            else:
                self.where.append(-1)
        self.keys = tuple(keys)
        self.getter = itemgetter(*keys) if len(keys) > 1 else None

    def fetch(self, row: Row) -> tuple[object, ...]:
        """The row's mapped cells; raises :class:`_WrongRowError` for a row of another kind
        (a string, a number, a mapping among tuples...)."""
        try:
            if self.getter is not None:
                cells: tuple[object, ...] = self.getter(row)
            else:
                cells = tuple(row[k] for k in self.keys)  # type: ignore[index]
        except (IndexError, KeyError):
            if isinstance(row, Mapping) is not self.mapping_rows:  # a mapping among tuples
                raise _WrongRowError(self.expected) from None
            cells = tuple(self._one(row, k) for k in self.keys)
        except TypeError:
            raise _WrongRowError(self.expected) from None
        if isinstance(row, str | bytes):  # indexable, but one cell, not a row
            raise _WrongRowError(self.expected)
        return cells

    @property
    def expected(self) -> str:
        if self.mapping_rows:
            return "a row mapping column names to cells (as the first row)"
        return "a row as a sequence of cells (a tuple or list, as the first row)"

    @staticmethod
    def _one(row: Row, key: str | int) -> object:
        try:
            return row[key]  # type: ignore[index]
        except (IndexError, KeyError):
            return _ABSENT

    def read(self, cells: tuple[object, ...], index: int) -> object:
        place = self.where[index]
        return self.slots[index].constant if place < 0 else cells[place]


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
    problems: list[RowProblem] | None = None,
    first_row: int = 1,
) -> ClaimSet:
    """Build a :class:`ClaimSet` from rows (the shared core of every loader).

    ``lines`` gives each row's line number (a ``csv.reader``); without it rows
    are numbered from ``first_row`` (a later chunk of one table goes on counting). In ``skip`` mode a bad value cell drops that claim only;
    a bad source, subject, time, modality or a short row drops the whole row.
    ``problems`` holds the reader's own problems (rows it dropped), kept in row order
    with the builder's.
    """
    if on_error not in ("raise", "skip"):
        raise ColumnMappingError(f"on_error must be 'raise' or 'skip', found {on_error!r}")
    if isinstance(first_row, bool) or not isinstance(first_row, int) or first_row < 1:
        raise ColumnMappingError(f"first_row must be a whole number from 1, found {first_row!r}")
    if not isinstance(dataset, str) or not dataset.strip() or _unwritable(dataset):
        raise ColumnMappingError(
            f"dataset: expected a name (text without NUL characters or lone surrogates), "
            f"found {short_repr(dataset)}"
        )
    if vocabulary is not None and not isinstance(vocabulary, Vocabulary):
        raise ColumnMappingError(
            f"vocabulary: expected a Vocabulary, found {type(vocabulary).__name__}"
        )
    if parsers is not None and not (
        isinstance(parsers, Mapping)
        and all(isinstance(k, str) and callable(f) for k, f in parsers.items())
    ):
        raise ColumnMappingError(
            f"parsers: expected a mapping of predicate names to functions, "
            f"found {short_repr(parsers)}"
        )
    # One missing-value text given alone is that text, not its characters.
    missing = (missing,) if isinstance(missing, str) else tuple(missing)
    if not all(isinstance(m, str) for m in missing):
        raise ColumnMappingError(f"missing: expected texts, found {short_repr(missing)}")
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
    if problems is not None:
        b.problems = problems  # the reader appends to it as it drops rows

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

    # Slots in a fixed order: source, subject, time, modality, record, then (predicate, value) pairs.
    optional = [time_slot, modality_slot, record_slot]
    fixed = [source_slot, subject_slot, *(x for x in optional if x is not None)]
    slots = [*fixed, *(x for pair in claim_slots for x in pair)]
    cells_of = _Cells(slots, mapping_rows)
    read = cells_of.read
    n_time = 2 if time_slot is not None else -1
    n_modality = 2 + (time_slot is not None) if modality_slot is not None else -1
    n_record = len(fixed) - 1 if record_slot is not None else -1
    claim_at = [(len(fixed) + 2 * i, pred, value) for i, (pred, value) in enumerate(claim_slots)]
    # The hot cells' places in the fetched tuple (-1: a constant), read inline below.
    source_at, subject_at = cells_of.where[0], cells_of.where[1]
    value_at = {at: cells_of.where[at + 1] for at, _, _ in claim_at}

    skip = on_error == "skip"
    assertions: dict[str, Assertion] = {}
    duplicates = 0
    count = 0
    row_number = first_row - 1
    sources, subjects, predicates, values = b.sources, b.subjects, b.predicates, b.values
    missing_texts = b.missing
    NEGATIVE, POSITIVE, DENIED = Polarity.NEGATIVE, Polarity.POSITIVE, Modality.DENIED  # noqa: N806
    # Every table claim has the same (empty) qualifiers and attribution and the same
    # dataset: checked and written into the ids once, by one maker for the table.
    make = Assertion.record_maker(dataset, retrieved=retrieved)

    # The cyclic garbage collector would rescan every assertion built so far, again and
    # again, as they accumulate (40 % of the time at 400,000 rows); the loop makes no
    # cycles, so it is paused for the loop and restored (and run by Python as usual) after.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for row in rows:
            count += 1
            row_number = lines.line_num if lines is not None else row_number + 1
            try:
                cells = cells_of.fetch(row)
            except _WrongRowError as wrong:
                b.problem(row_number, "(row)", short_repr(row), _Bad(str(wrong)))
                continue
            bad_row = False
            # Source and subject: without them a row claims nothing.
            raw = cells[source_at] if source_at >= 0 else source_slot.constant
            source = sources.get(raw) if type(raw) is str else None
            if source is None:
                source = _lookup(raw, sources, b.source, "a source")
            if type(source) is _Bad:
                b.problem(row_number, source_slot.name, _shown(raw), source)
                bad_row = True
            raw = cells[subject_at] if subject_at >= 0 else subject_slot.constant
            subject = subjects.get(raw) if type(raw) is str else None
            if subject is None:
                subject = _lookup(raw, subjects, b.subject, "a subject")
            if type(subject) is _Bad:
                b.problem(row_number, subject_slot.name, _shown(raw), subject)
                bad_row = True
            asserted_at: PartialDate | None = None
            if n_time >= 0 and time_slot is not None:
                raw = read(cells, n_time)
                text = _text(raw)
                if raw is _ABSENT:
                    b.problem(row_number, time_slot.name, None, _short_row())
                    bad_row = True
                elif text is not None and text.strip().casefold() not in missing_texts:
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
            if n_modality >= 0 and modality_slot is not None:
                raw = read(cells, n_modality)
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
            if n_record >= 0:
                raw = read(cells, n_record)
                text = _text(raw)
                if text is not None and text.strip():
                    record = text.strip()
                    why = _unwritable(record)
                    if why is not None:
                        b.problem(row_number, record_slot.name, raw, _Bad(why))  # type: ignore[union-attr]
                        bad_row = True
            if bad_row and skip:
                continue
            for at, pred_slot, value_slot in claim_at:
                raw = read(cells, at)
                predicate = predicates.get(raw) if type(raw) is str else None
                if predicate is None:
                    predicate = _lookup(raw, predicates, b.predicate, "a predicate")
                if type(predicate) is _Bad:
                    b.problem(row_number, pred_slot.name, _shown(raw), predicate)
                    continue
                name = predicate[0]  # type: ignore[index]
                place = value_at[at]
                raw = cells[place] if place >= 0 else value_slot.constant
                value = values.get((name, raw)) if type(raw) is str else None
                if value is None:
                    text = _text(raw)
                    if text is None:
                        if raw is _ABSENT:
                            b.problem(row_number, value_slot.name, None, _short_row())
                        else:
                            b.missing_count += 1
                        continue
                    value = values.get((name, text))
                    if value is None:
                        value = values[(name, text)] = b.value(predicate, text)  # type: ignore[arg-type]
                if value is _MISSING:
                    b.missing_count += 1
                    continue
                if type(value) is _Bad:
                    b.problem(row_number, value_slot.name, raw, value)
                    continue
                if bad_row:
                    continue
                try:
                    assertion = make(
                        source,  # type: ignore[arg-type]
                        subject,  # type: ignore[arg-type]
                        name,
                        value,  # type: ignore[arg-type]
                        row_modality,
                        record,
                        value_slot.name,
                        asserted_at,
                        # A denial is the claim that the value does not hold.
                        NEGATIVE if row_modality is DENIED else POSITIVE,
                    )
                except NegotiationsError as error:
                    b.problem(row_number, value_slot.name, raw, _Bad(f"a valid claim: {error}"))
                    continue
                if assertion.id in assertions:
                    duplicates += 1
                else:
                    assertions[assertion.id] = assertion
    finally:
        if collecting:
            gc.enable()

    if b.problems and not skip:
        raise ClaimsValidationError(b.problems, source=dataset)
    used_sources = {a.source for a in assertions.values()}
    used_subjects = {a.subject for a in assertions.values()}
    used_values = {
        a.value.key() for a in assertions.values() if isinstance(a.value, ID_VALUE_TYPES)
    }
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
        value_names=MappingProxyType(
            {
                key: tuple(dict.fromkeys(names))
                for key, names in b.value_names.items()
                if key in used_values
            }
        ),
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
