"""Where facts come from: sources, documents and W3C-style text anchors."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from typing import Any

import attrs
from attrs import frozen

from negotiations.errors import ModelError
from negotiations.model import _validators as v
from negotiations.model._ids import ActorId, DocumentId, SourceId
from negotiations.model._time import PartialDate


def text_checksum(text: str) -> str:
    """The checksum a document's anchors are verified against."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@frozen(kw_only=True)
class TextAnchor:
    """A quote located in a document: TextQuote (exact/prefix/suffix) + TextPosition.

    ``start``/``end`` are character offsets into the document text; the quote's
    identity does not depend on them, but the loader verifies them.
    """

    document: DocumentId = attrs.field(validator=v.identifier)
    exact: str = attrs.field(validator=v.text)
    start: int = attrs.field(validator=v.non_negative_int)
    end: int = attrs.field(validator=v.non_negative_int)
    prefix: str = attrs.field(default="", validator=v.instance_of(str))
    suffix: str = attrs.field(default="", validator=v.instance_of(str))
    #: The checksum of the document text the offsets were computed against.
    checksum: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        if self.end - self.start != len(self.exact):
            raise ModelError(
                "TextAnchor",
                "end",
                self.end,
                f"start + len(exact) = {self.start + len(self.exact)}",
            )


def _plain_text(value: Any) -> Any:
    """A str subclass (an enum member such as ``Predicate.DATE``) as the plain string it
    equals: its repr must not reach the content id, or the assertion would not load
    back from its own JSON."""
    return str.__str__(value) if isinstance(value, str) and type(value) is not str else value


@frozen(kw_only=True, init=False)
class RecordRef:
    """A claim's place in a dataset or feed: a row of a table, a record of an event feed.

    The counterpart of :class:`TextAnchor` for machine-made and tabular claims:
    ``dataset`` names the file or feed, ``record`` the row or record id,
    ``field`` the column the value came from, ``retrieved`` when it was read.
    """

    dataset: str = attrs.field(converter=_plain_text, validator=v.text)
    record: str = attrs.field(converter=_plain_text, validator=v.text)
    field: str | None = attrs.field(
        default=None, converter=_plain_text, validator=v.optional(v.text)
    )
    retrieved: dt.datetime | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(dt.datetime))
    )

    def __init__(
        self,
        *,
        dataset: str,
        record: str,
        field: str | None = None,
        retrieved: dt.datetime | None = None,
    ) -> None:
        # A table loader makes one of these per claim: plain non-blank strings (and an
        # exact datetime, if any) are stored without attrs' per-field validator calls;
        # anything else goes through the generated ``__attrs_init__``, which validates
        # every field and raises the same errors as ever.
        if (
            type(dataset) is str
            and type(record) is str
            and dataset.strip() != ""
            and record.strip() != ""
            and (field is None or (type(field) is str and field.strip() != ""))
            and (retrieved is None or type(retrieved) is dt.datetime)
            # (Anything not ASCII is checked for lone surrogates by the validators.)
            and dataset.isascii()
            and record.isascii()
            and (field is None or field.isascii())
        ):
            _set_dataset(self, dataset)
            _set_record(self, record)
            _set_field(self, field)
            _set_retrieved(self, retrieved)
        else:
            self.__attrs_init__(dataset=dataset, record=record, field=field, retrieved=retrieved)

    def describe(self) -> str:
        """The record in words, for an explanation that has no quote to show."""
        where = f"record {self.record} of {self.dataset}"
        if self.field:
            where += f", field {self.field}"
        if self.retrieved is not None:
            where += f" (retrieved {self.retrieved.isoformat(timespec='minutes')})"
        return where


# The slots' own setters (the class is frozen: ``setattr`` would refuse).
_set_dataset, _set_record, _set_field, _set_retrieved = (
    RecordRef.__dict__[f.name].__set__ for f in attrs.fields(RecordRef)
)

#: Where an assertion's words or data are: a quote in a document, or a record in a dataset.
Evidence = TextAnchor | RecordRef


class OutletKind(enum.Enum):
    NEWS_AGENCY = "news_agency"
    BROADCASTER = "broadcaster"
    NEWSPAPER = "newspaper"
    ONLINE = "online"
    GOVERNMENT = "government"
    UNKNOWN = "unknown"


class DateBasis(enum.Enum):
    """How a publication date is known."""

    STATED = "stated"
    INFERRED = "inferred"
    #: Read from the document's dateline ("ISTANBUL, May 16 (Reuters) -").
    DATELINE = "dateline"
    #: Read from the document's URL (".../2025/05/16/...").
    URL = "url"


@frozen(kw_only=True)
class PublicationDate:
    """When a document was published, how that is known, and the quotes it rests on."""

    value: PartialDate = attrs.field(validator=v.instance_of(PartialDate))
    basis: DateBasis = attrs.field(validator=v.instance_of(DateBasis))
    reasoning: str | None = attrs.field(default=None, validator=v.optional(v.text))
    evidence: tuple[TextAnchor, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(TextAnchor))
    )

    def __attrs_post_init__(self) -> None:
        if self.basis is DateBasis.INFERRED and not self.evidence:
            raise ModelError(
                "PublicationDate", "evidence", self.evidence, "quotes for an inference"
            )


@frozen(kw_only=True)
class Source:
    """Who published a report, what it is called, and when it appeared."""

    id: SourceId = attrs.field(validator=v.identifier)
    outlet: ActorId | None = attrs.field(default=None, validator=v.optional(v.identifier))
    title: str | None = attrs.field(default=None, validator=v.optional(v.text))
    kind: OutletKind = attrs.field(default=OutletKind.UNKNOWN, validator=v.instance_of(OutletKind))
    url: str | None = attrs.field(default=None, validator=v.optional(v.text))
    published: PublicationDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PublicationDate))
    )
    evidence: tuple[TextAnchor, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.instance_of(TextAnchor))
    )
    #: Documents this one republishes or rewrites: with them it is one origin.
    derived_from: tuple[SourceId, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.identifier)
    )
    #: Outlets or agencies it says it draws on ("citing Anadolu").
    cites: tuple[ActorId, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.identifier)
    )


@frozen(kw_only=True)
class Document:
    """A source's text, with a checksum that anchors are verified against."""

    id: DocumentId = attrs.field(validator=v.identifier)
    source: Source = attrs.field(validator=v.instance_of(Source))
    text: str = attrs.field(validator=v.instance_of(str), repr=False)
    checksum: str = attrs.field(validator=v.text)

    def __attrs_post_init__(self) -> None:
        if self.checksum != text_checksum(self.text):
            raise ModelError("Document", "checksum", self.checksum, text_checksum(self.text))

    @classmethod
    def from_text(cls, id: DocumentId, source: Source, text: str) -> Document:
        """A document with the checksum of ``text`` computed."""
        return cls(id=id, source=source, text=text, checksum=text_checksum(text))

    def quote(self, anchor: TextAnchor) -> str:
        """The document text at the anchor's offsets."""
        return self.text[anchor.start : anchor.end]
