"""Table readers: CSV/TSV files, iterables of rows, pandas DataFrames, pyarrow tables.

Each reader only turns its input into rows and a header and hands them to the one
builder, so every input kind gets the same checks, caches and error reports.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import importlib
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from negotiations.claims._build import DEFAULT_MISSING, ClaimSet, OnError, Row, build
from negotiations.claims._columns import Columns
from negotiations.claims._errors import (
    ClaimsError,
    ColumnMappingError,
    MissingExtraError,
    RowProblem,
)
from negotiations.claims._parsers import Parser
from negotiations.model import Modality, Vocabulary


def _optional(package: str, extra: str) -> ModuleType:
    """An optional dependency, or an error naming the extra that installs it."""
    try:
        return importlib.import_module(package)
    except ImportError as error:
        raise MissingExtraError(package, extra) from error


def from_rows(
    rows: Iterable[Row],
    columns: Columns,
    *,
    dataset: str,
    header: Sequence[str] | None = None,
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
) -> ClaimSet:
    """Claims from an iterable of mappings (columns by key) or of tuples (by position).

    Tuples may be given names with ``header``. Rows are numbered from 1.
    ``dataset`` names the table in every assertion's :class:`RecordRef`.
    """
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:  # nothing to look at: read named columns as keys, positions as positions
        as_mappings = header is None and not any(isinstance(r, int) for r in columns.references)
    else:
        as_mappings = isinstance(first, Mapping)
    return build(
        itertools.chain(() if first is None else (first,), iterator),
        columns,
        header=header,
        dataset=dataset,
        vocabulary=vocabulary,
        parsers=parsers,
        missing=missing,
        on_error=on_error,
        modality=modality,
        retrieved=retrieved,
        mapping_rows=as_mappings,
    )


def read_csv(
    path: str | Path,
    columns: Columns | None = None,
    *,
    dataset: str | None = None,
    header: bool | Sequence[str] = True,
    delimiter: str = ",",
    quoted: bool = True,
    encoding: str = "utf-8",
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
) -> ClaimSet:
    """Claims from a delimited text file, read with the standard library's ``csv``.

    ``header=True``: the first line names the columns; ``False``: no header
    (map columns by 0-based position); a sequence: the names of a headerless
    file's columns. Without ``columns`` the header must follow the default
    layout (:meth:`Columns.default`). Row numbers in errors are file lines.
    ``quoted=False`` reads quote characters as data (``csv.QUOTE_NONE``).
    ``dataset`` defaults to the file name.
    """
    path = Path(path)
    where = shown_path(path)
    name = dataset if dataset is not None else path.name
    if not (header is True or header is False or _is_names(header)):
        raise ColumnMappingError(
            f"header must be True (the first line names the columns), False (no header) "
            f"or the columns' names as strings; found {header!r}"
        )
    if not isinstance(encoding, str):
        raise ColumnMappingError(f"encoding: expected a codec name, found {encoding!r}")
    problems: list[RowProblem] = []
    # "utf-8-sig" drops a spreadsheet's byte-order mark (and reads plain UTF-8 alike).
    opened_as = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    try:
        handle = path.open(newline="", encoding=opened_as)
    except LookupError as error:  # an encoding Python does not know
        raise ClaimsError(f"{where}: unknown encoding {encoding!r}") from error
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        raise ClaimsError(
            f"cannot read {where}: {getattr(error, 'strerror', None) or error}"
        ) from error
    with _cell_limit(MAX_CELL_CHARS), handle:
        # ``strict``: a quote left open at the end of the file is an error, where csv
        # would otherwise end the cell there, holding every line after it.
        try:
            reader = csv.reader(
                handle,
                delimiter=delimiter,
                quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE,
                strict=True,
            )
        except (TypeError, csv.Error) as error:  # a delimiter csv refuses ("", ",,")
            raise ColumnMappingError(
                f"cannot read {where} with delimiter {delimiter!r}: {error}"
            ) from error
        records = _Records(reader)
        # Only reading fails here: the parsers' own failures are bad cells (``build``).
        try:
            names: Sequence[str] | None
            if header is True:
                # The first line with text names the columns (blank lines before it, as
                # rows of only empty cells after it, hold nothing).
                names = next((row for row in _lines(records, where) if "".join(row).strip()), None)
                if names is None:
                    raise ColumnMappingError(f"{where}: the file is empty; expected a header line")
                names = [n.strip().lstrip("\ufeff") for n in names]
                if any("\x00" in n for n in names):
                    raise ColumnMappingError(
                        f"{where}, line {records.line_num}: the header holds a NUL character "
                        "(a binary file, or one in another encoding?)"
                    )
            elif header is False:
                names = None
            else:
                names = list(header)
            mapping = columns if columns is not None else Columns.default(names or ())
            return build(
                _checked(records, where, names, problems),
                mapping,
                header=names,
                dataset=name,
                vocabulary=vocabulary,
                parsers=parsers,
                missing=missing,
                on_error=on_error,
                modality=modality,
                retrieved=retrieved,
                lines=records,
                problems=problems,
            )
        except UnicodeError as error:
            reason = getattr(error, "reason", None) or error
            raise ClaimsError(
                f"{where}, line {_undecodable_line(path, opened_as)}: not valid {encoding} "
                f"({reason}); pass the file's encoding, e.g. encoding='latin-1'"
            ) from error
        except OSError as error:
            raise ClaimsError(f"cannot read {where}: {error.strerror or error}") from error


def _is_names(header: object) -> bool:
    return (
        isinstance(header, Sequence)
        and not isinstance(header, str)
        and all(isinstance(name, str) for name in header)
    )


#: Longest cell a delimited file may hold (csv's own default), so that one unclosed
#: quote cannot read a whole large file into one cell.
MAX_CELL_CHARS = 131_072


@contextlib.contextmanager
def _cell_limit(limit: int) -> Iterator[None]:
    """csv's field limit is process-wide and other libraries raise it on import
    (followthemoney sets it to the maximum): set ours for the read, then restore it."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


class _Records:
    """A csv reader's records, each numbered by the line it starts on (``line_num``):
    csv numbers a record by its last line, and a quoted cell may span many."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.line_num = 0
        #: The line the record being read starts on.
        self.starting = 1

    def __iter__(self) -> _Records:
        return self

    def __next__(self) -> list[str]:
        self.starting = self.reader.line_num + 1
        row: list[str] = next(self.reader)
        self.line_num = self.starting
        return row


def _lines(records: _Records, where: str) -> Iterator[list[str]]:
    """The records, their errors (a cell past csv's field limit, a quote left open...)
    named by the line the record starts on."""
    try:
        yield from records
    except csv.Error as error:
        if "field limit" in str(error):
            hint = f" (a cell longer than {MAX_CELL_CHARS:,} characters; often an unclosed quote)"
        elif "end of data" in str(error):
            hint = " (a quote opened on this line is never closed)"
        else:
            hint = ""
        raise ClaimsError(
            f"{where}, line {records.starting}: malformed delimited text: {error}{hint}"
        ) from error


def _checked(
    records: _Records, where: str, header: Sequence[str] | None, problems: list[RowProblem]
) -> Iterator[list[str]]:
    """Rows worth building: blank and all-empty rows (a spreadsheet's trailing ``,,,,``)
    hold no claim and are skipped; a row with a NUL character or with filled cells
    past the header's last column is dropped and reported (row and column)."""
    width = len(header) if header is not None else None
    for row in _lines(records, where):
        joined = "".join(row)
        if not joined or joined.isspace():
            continue
        if "\x00" in joined:
            at = next(i for i, cell in enumerate(row) if "\x00" in cell)
            problems.append(
                RowProblem(
                    row=records.line_num,
                    column=_column(header, at),
                    value=row[at],
                    message="expected text without NUL characters (a binary file?)",
                )
            )
            continue
        if width is not None and len(row) > width and "".join(row[width:]).strip():
            at = next(i for i in range(width, len(row)) if row[i].strip())
            problems.append(
                RowProblem(
                    row=records.line_num,
                    column=_column(header, at),
                    value=row[at],
                    message=f"expected at most {width} cells, as in the header; found {len(row)}",
                )
            )
            continue
        yield row


def shown_path(path: Path) -> str:
    """A path as a message shows it: as typed, or quoted with its escapes when it holds
    a character a terminal would not print (a NUL, a tab, a newline)."""
    text = str(path)
    return text if text.isprintable() else repr(text)


def _undecodable_line(path: Path, encoding: str) -> int | str:
    """The first line of ``path`` that does not decode (one more pass, line by line)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    number = 0
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    decoder.decode(line)
                except UnicodeError:  # (UTF-16 without a byte-order mark is not a decode error)
                    return number
            decoder.decode(b"", final=True)  # a file cut inside a character: its last line
    except UnicodeError:
        return number
    except OSError:
        pass
    return "?"


def _column(header: Sequence[str] | None, index: int) -> str:
    """A column as a user finds it: its header name, else its 0-based position."""
    if header is not None and index < len(header):
        return header[index]
    return str(index)


def read_tsv(
    path: str | Path,
    columns: Columns | None = None,
    *,
    dataset: str | None = None,
    header: bool | Sequence[str] = True,
    encoding: str = "utf-8",
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
) -> ClaimSet:
    """:func:`read_csv` for tab-separated files, which are rarely quoted: quote
    characters are kept as data (``csv.QUOTE_NONE``)."""
    return read_csv(
        path,
        columns,
        dataset=dataset,
        header=header,
        delimiter="\t",
        quoted=False,
        encoding=encoding,
        vocabulary=vocabulary,
        parsers=parsers,
        missing=missing,
        on_error=on_error,
        modality=modality,
        retrieved=retrieved,
    )


def from_dataframe(
    frame: Any,
    columns: Columns | None = None,
    *,
    dataset: str,
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
    first_row: int = 1,
) -> ClaimSet:
    """Claims from a pandas DataFrame (needs the ``pandas`` extra).

    Rows are numbered by position from ``first_row`` (map ``record`` to a column to
    name them otherwise; a later chunk of one table passes its first row's number); empty cells (None, NaN, NA) are missing values; non-text cells
    reach the parsers as ``str(cell)``, dates in ``time`` as dates.
    """
    pd = _optional("pandas", "pandas")
    if not isinstance(frame, pd.DataFrame):
        raise ColumnMappingError(f"expected a pandas DataFrame, found {type(frame).__name__}")
    header = [str(c) for c in frame.columns]
    return build(
        frame.itertuples(index=False, name=None),
        columns if columns is not None else Columns.default(header),
        header=header,
        dataset=dataset,
        vocabulary=vocabulary,
        parsers=parsers,
        missing=missing,
        on_error=on_error,
        modality=modality,
        retrieved=retrieved,
        first_row=first_row,
    )


def from_arrow(
    table: Any,
    columns: Columns | None = None,
    *,
    dataset: str,
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
) -> ClaimSet:
    """Claims from a pyarrow Table (needs the ``arrow`` extra); read batch by batch.

    Rows are numbered by position from 1; nulls are missing values.
    """
    pa = _optional("pyarrow", "arrow")
    if not isinstance(table, pa.Table):
        raise ColumnMappingError(f"expected a pyarrow Table, found {type(table).__name__}")
    header = [str(c) for c in table.column_names]
    mapping = columns if columns is not None else Columns.default(header)
    # Only the mapped columns become Python values (an unmapped timestamp out of
    # Python's range cannot spoil the read); the others are None in each row.
    used = _used_columns(mapping, header)

    def cells(column: Any, at: int, length: int) -> list[object]:
        if at not in used:
            return [None] * length
        try:
            return column.to_pylist()  # type: ignore[no-any-return]
        except Exception as error:  # out-of-range timestamps, unknown time zones...
            raise ClaimsError(
                f"column {header[at]!r} ({column.type}): its values cannot be read as Python "
                f"values ({type(error).__name__}: {error}); cast the column, or leave it unmapped"
            ) from error

    def rows() -> Iterator[tuple[object, ...]]:
        for batch in table.to_batches():
            n = batch.num_rows
            yield from zip(
                *(cells(column, at, n) for at, column in enumerate(batch.columns)), strict=True
            )

    return build(
        rows(),
        mapping,
        header=header,
        dataset=dataset,
        vocabulary=vocabulary,
        parsers=parsers,
        missing=missing,
        on_error=on_error,
        modality=modality,
        retrieved=retrieved,
    )


def _used_columns(columns: Columns, header: Sequence[str]) -> set[int]:
    """The positions of the columns a mapping reads (by position, or every column of a
    mapped name)."""
    used: set[int] = set()
    for ref in columns.references:
        if isinstance(ref, int):
            used.add(ref)
        elif isinstance(ref, str):
            used.update(i for i, name in enumerate(header) if name == ref)
    return used
