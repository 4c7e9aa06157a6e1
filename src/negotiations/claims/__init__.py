"""Claims from tables: build sourced assertions from rows, files and data frames.

The curated corpus anchors every fact in an article's words; a feed, a
spreadsheet or a benchmark gives facts as rows. This package reads such rows
with a column mapping and per-predicate parsers into assertions whose evidence
is a :class:`~negotiations.model.RecordRef` (dataset, record, field), checked
against a :class:`~negotiations.model.Vocabulary`, ready for ``reconcile``::

    claims = read_csv("claims.csv")
    rec = reconcile(claims.assertions, vocabulary=claims.vocabulary, sources=claims.sources)
"""

from negotiations.claims._build import DEFAULT_MISSING, ClaimSet, OnError
from negotiations.claims._columns import DEFAULT_LAYOUT, ColumnRef, Columns, Constant
from negotiations.claims._errors import (
    ClaimsError,
    ClaimsValidationError,
    ColumnMappingError,
    MissingExtraError,
    RowProblem,
)
from negotiations.claims._ids import normalise_id
from negotiations.claims._parsers import (
    DEFAULT_PARSERS,
    Parser,
    default_parser,
    parse_actor,
    parse_clock,
    parse_date,
    parse_event,
    parse_mode,
    parse_office,
    parse_place,
    parse_quantity,
    parse_status,
    parse_text,
)
from negotiations.claims._readers import from_arrow, from_dataframe, from_rows, read_csv, read_tsv

__all__ = [
    "DEFAULT_LAYOUT",
    "DEFAULT_MISSING",
    "DEFAULT_PARSERS",
    "ClaimSet",
    "ClaimsError",
    "ClaimsValidationError",
    "ColumnMappingError",
    "ColumnRef",
    "Columns",
    "Constant",
    "MissingExtraError",
    "OnError",
    "Parser",
    "RowProblem",
    "default_parser",
    "from_arrow",
    "from_dataframe",
    "from_rows",
    "normalise_id",
    "parse_actor",
    "parse_clock",
    "parse_date",
    "parse_event",
    "parse_mode",
    "parse_office",
    "parse_place",
    "parse_quantity",
    "parse_status",
    "parse_text",
    "read_csv",
    "read_tsv",
]
