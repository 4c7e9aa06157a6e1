"""Errors of the table loaders: every bad cell named by row and column, all at once.

They live beside the loaders (not in :mod:`negotiations.errors`) because only
``negotiations.claims`` raises them; all are :class:`NegotiationsError`, so one
``except`` still catches everything the library raises.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from negotiations import _extras
from negotiations.errors import NegotiationsError

#: How many problems an error message lists before it only counts the rest.
SHOWN_PROBLEMS = 20


@frozen(kw_only=True)
class RowProblem:
    """One bad cell (or row): where it is, what it held, and what was expected.

    ``row`` is the 1-based row number as a user would find it: the line of a
    CSV file (the header is line 1), else the position in the input (first row 1).
    """

    row: int
    column: str
    value: object
    message: str

    def __str__(self) -> str:
        try:
            shown = repr(self.value)
        except ValueError:  # an int past Python's 4,300-digit limit for writing it
            shown = f"<a number of {getattr(self.value, 'bit_length', lambda: '?')()} bits>"
        if len(shown) > 60:
            shown = shown[:57] + "..."
        return f"row {self.row}, column {self.column!r}: {self.message} (found {shown})"


class ClaimsError(NegotiationsError):
    """Root of the errors raised while reading claims from a table."""


class ColumnMappingError(ClaimsError, ValueError):
    """The column mapping does not fit the table or the vocabulary (checked before any row)."""


class ClaimsValidationError(ClaimsError, ValueError):
    """Some rows are bad; every problem is kept in ``problems``, nothing was loaded.

    The message lists the first :data:`SHOWN_PROBLEMS` and counts the rest, so a
    million bad rows cannot produce a million-line message.
    """

    def __init__(self, problems: Iterable[RowProblem], *, source: str) -> None:
        self.problems: tuple[RowProblem, ...] = tuple(problems)
        self.source = source
        count = len(self.problems)
        listing = "\n".join(f"  {p}" for p in self.problems[:SHOWN_PROBLEMS])
        more = count - SHOWN_PROBLEMS
        tail = f"\n  ... and {more} more" if more > 0 else ""
        super().__init__(
            f"{count} bad cell{'s' if count != 1 else ''} in {source}; nothing was loaded "
            f"(on_error='skip', or --skip-bad-rows, loads the good rows):\n{listing}{tail}"
        )


class MissingExtraError(ClaimsError, _extras.MissingExtraError):
    """An optional dependency is not installed; the message names the extra to install.

    Also a :class:`negotiations.MissingExtraError`, so one ``except`` catches a
    missing extra wherever the library needs it."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"reading this input needs {package}, which is not installed; "
            f"install it with: pip install 'negotiations[{extra}]'"
        )
