"""One exception hierarchy for the whole library.

Every error a user can trigger is a :class:`NegotiationsError`, so callers can
catch one root; each subclass says what kind of input was wrong and where.
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Sequence

#: Longest message text a corpus error keeps; longer text is cut with "…".
MAX_MESSAGE_CHARS = 2000
#: Problems a CorpusValidationError lists in its message (all stay in ``problems``).
MAX_PROBLEMS_LISTED = 100


class _ShortRepr(reprlib.Repr):
    """reprlib dispatches on the exact type name, so subclasses of list and dict (the YAML
    reader's line-aware containers) would get a full ``repr``: exponential for an alias
    bomb. Treat them as the containers they are."""

    def repr1(self, x: object, level: int) -> str:
        if isinstance(x, dict) and type(x) is not dict:
            return self.repr_dict(x, level)
        if isinstance(x, list) and type(x) is not list:
            return self.repr_list(x, level)
        if isinstance(x, tuple) and type(x) is not tuple:
            return self.repr_tuple(x, level)
        return super().repr1(x, level)


_short = _ShortRepr()
_short.maxstring = 160
_short.maxother = 160
_short.maxlevel = 2
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = 6


def shorten(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, so a message stays small whatever the input."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_repr(value: object) -> str:
    """A bounded repr: nested structures (even YAML alias bombs) are shown a few levels deep."""
    return shorten(_short.repr(value), 300)


class NegotiationsError(Exception):
    """Root of every error raised by :mod:`negotiations`."""


class ModelError(NegotiationsError, ValueError):
    """A model object was given a value its field does not accept."""

    def __init__(self, cls_name: str, field: str, value: object, expected: str) -> None:
        self.cls_name = cls_name
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{cls_name}.{field}: expected {expected}, found {value!r}")


class SerializationError(NegotiationsError, ValueError):
    """Data could not be structured into model objects (wrong shape, unknown keys, bad JSON).

    Each problem names its JSON path where there is one and is cut to 500 characters;
    the message lists the first :data:`MAX_PROBLEMS_LISTED`."""

    def __init__(self, cls_name: str, problems: Sequence[str]) -> None:
        self.cls_name = cls_name
        self.problems = tuple(shorten(problem, 500) for problem in problems)
        listing = "\n  ".join(self.problems[:MAX_PROBLEMS_LISTED])
        if len(self.problems) > MAX_PROBLEMS_LISTED:
            listing += f"\n  … and {len(self.problems) - MAX_PROBLEMS_LISTED} more (see .problems)"
        super().__init__(f"cannot structure {cls_name}:\n  {listing}")


class CorpusError(NegotiationsError):
    """One problem in a corpus file, with the file and line a curator must fix."""

    def __init__(
        self,
        message: str,
        *,
        file: str,
        line: int | None = None,
        expected: str | None = None,
        found: object = None,
    ) -> None:
        self.message = shorten(message)
        self.file = shorten(file, 500)
        self.line = line
        self.expected = None if expected is None else shorten(expected, 500)
        self.found = found
        where = f"{self.file}:{line}" if line is not None else self.file
        detail = self.message
        if expected is not None:
            detail += f" (expected {self.expected}, found {short_repr(found)})"
        super().__init__(f"{where}: {detail}")


class MalformedFileError(CorpusError):
    """A corpus file is missing, is not valid YAML, or is not laid out as documented."""


class UnsafePathError(MalformedFileError):
    """A corpus path is not a regular file inside the corpus folder (a link out, a fifo, a device)."""


class LimitExceededError(MalformedFileError):
    """A file exceeds a resource limit (size, YAML aliases, nesting depth); see docs/limits.md."""


class UnknownKeyError(CorpusError):
    """A mapping has a key the format does not define (often a typo)."""


class MissingKeyError(CorpusError):
    """A required key is absent."""


class UnknownReferenceError(CorpusError):
    """An id refers to no actor, place, office, event, delegation, document or predicate."""


class ValueTypeError(CorpusError):
    """A value has the wrong type for where it stands (e.g. an office where an actor belongs)."""


class DuplicateIdError(CorpusError):
    """Two records (or two identical assertions) share one id."""


class InconsistentRegistryError(CorpusError):
    """Registry records contradict each other: an organisation that is its own parent, a
    cycle of parents or of places within places, one name or alias for two records."""


class AnchorError(CorpusError):
    """A quote does not anchor to exactly one place in its document."""


class AnchorNotFoundError(AnchorError):
    """The quote (with its prefix/suffix) does not occur in the document."""


class AmbiguousAnchorError(AnchorError):
    """The quote occurs more than once; add a prefix or suffix."""


class AnchorOutOfRangeError(AnchorError):
    """Stored offsets run past the end of the document text."""


class ChecksumMismatchError(AnchorError):
    """The document text changed since offsets were computed."""


class ValueExpressionError(CorpusError):
    """Words that state a value (a number, a time of day, a date, a duration) cannot be read."""


class ChronologyError(CorpusError):
    """A document reports as held an event it dates after its own publication date."""


class DateExpressionError(ValueExpressionError):
    """A date or duration expression cannot be resolved."""


class UnresolvableValueError(NegotiationsError, ValueError):
    """Words that should state a number, a time of day, a date or a duration cannot be read."""


class UnresolvableDateError(UnresolvableValueError):
    """A date or duration expression matches no known form, or falls outside the calendar.

    Raised by the public :func:`negotiations.corpus.resolve_date` and
    :func:`negotiations.corpus.resolve_duration`; the loader reports it as a
    :class:`DateExpressionError` with file and line.
    """


class CorpusValidationError(NegotiationsError):
    """A corpus has problems; all of them are listed, not only the first."""

    def __init__(self, problems: Iterable[CorpusError]) -> None:
        self.problems: tuple[CorpusError, ...] = tuple(problems)
        count = len(self.problems)
        listing = "\n".join(str(p) for p in self.problems[:MAX_PROBLEMS_LISTED])
        if count > MAX_PROBLEMS_LISTED:
            listing += f"\n… and {count - MAX_PROBLEMS_LISTED} more (see .problems)"
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in corpus:\n{listing}")


class UnknownNameError(NegotiationsError, LookupError):
    """A name matches no entry of the gazetteer; close matches are suggested."""

    def __init__(self, name: str, kind: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.kind = kind
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(map(repr, self.suggestions))}?" if suggestions else ""
        super().__init__(f"no {kind} named {shorten(repr(name), 200)}{hint}")


class AmbiguousNameError(NegotiationsError, LookupError):
    """A name matches more than one entry of the gazetteer."""

    def __init__(self, name: str, kind: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.kind = kind
        self.candidates = tuple(candidates)
        super().__init__(f"{kind} name {name!r} is ambiguous: {', '.join(self.candidates)}")


class ReconciliationError(NegotiationsError, ValueError):
    """The input to reconciliation is inconsistent (e.g. one id, two different assertions)."""


class PolicyError(NegotiationsError, ValueError):
    """A reconciliation policy is malformed (duplicate rule names, bad parameters)."""


class UnknownPredicateError(NegotiationsError, LookupError):
    """A predicate name no vocabulary declares; the message lists the closest names."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"unknown predicate {name!r}{hint}")


class RegistryError(NegotiationsError, ValueError):
    """A registry is inconsistent: a duplicate id, a reference to nothing or to the
    wrong kind of record, a cycle, an alias that names two records."""
