"""Sourced assertions: one fact, as one report states it, in its exact words.

Following FollowTheMoney's statement model, an assertion's id is a hash of its
key fields, so the same fact from the same evidence is the same assertion, and
conflicting assertions coexist until reconciliation chooses between them.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from typing import Any, Protocol, cast

import attrs
from attrs import frozen

from negotiations.errors import ModelError
from negotiations.model import _validators as v
from negotiations.model._ids import ID_PATTERN, ActorId, AssertionId, EntityId, SourceId
from negotiations.model._predicates import PREDICATES, Predicate
from negotiations.model._provenance import Evidence, RecordRef, TextAnchor
from negotiations.model._time import PartialDate, TimeExpression
from negotiations.model._values import VALUE_TYPES, Value


class Modality(enum.Enum):
    """How firmly the report puts the fact (a PLOVER-style modality, not a separate fact)."""

    EXPECTED = "expected"
    REPORTED = "reported"
    CONFIRMED = "confirmed"
    CLAIMED = "claimed"
    SPECULATED = "speculated"
    DENIED = "denied"


class Polarity(enum.Enum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


# Module constants: reading a member off an Enum class (``Polarity.NEGATIVE``) goes
# through the enum machinery, about ten times the cost of a global, once per assertion.
_POSITIVE, _NEGATIVE, _DENIED = Polarity.POSITIVE, Polarity.NEGATIVE, Modality.DENIED


class TitleTiming(enum.Enum):
    """The temporal colouring of a title: "former", "then-", "newly appointed"."""

    CURRENT = "current"
    FORMER = "former"
    THEN = "then"
    NEWLY_APPOINTED = "newly_appointed"
    ACTING = "acting"


@frozen(kw_only=True)
class Qualifiers:
    """What narrows a fact: when it holds, the title as written, a role, list completeness."""

    title: str | None = attrs.field(default=None, validator=v.optional(v.text))
    timing: TitleTiming | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(TitleTiming))
    )
    time: TimeExpression | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(TimeExpression))
    )
    role: str | None = attrs.field(default=None, validator=v.optional(v.text))
    complete: bool | None = attrs.field(default=None, validator=v.optional(v.instance_of(bool)))


@frozen(kw_only=True)
class Attribution:
    """Who the report quotes (PROV: attributed to / on behalf of), apart from who reports it."""

    quoted: ActorId | None = attrs.field(default=None, validator=v.optional(v.identifier))
    on_behalf_of: ActorId | None = attrs.field(default=None, validator=v.optional(v.identifier))
    text: str | None = attrs.field(default=None, validator=v.optional(v.text))
    said_at: TimeExpression | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(TimeExpression))
    )


#: The empty qualifiers and attribution of an assertion that has none: one of each,
#: shared (they are frozen), rather than two new objects per assertion, whether it is
#: made by ``create``, by the constructor or loaded from JSON.
_NO_QUALIFIERS = Qualifiers()
_NO_ATTRIBUTION = Attribution()


def _shared_if_empty(value: object) -> object:
    """The shared empty instance for an empty ``Qualifiers``/``Attribution`` (anything
    else unchanged, for the validator to judge)."""
    if type(value) is Qualifiers and value == _NO_QUALIFIERS:
        return _NO_QUALIFIERS
    if type(value) is Attribution and value == _NO_ATTRIBUTION:
        return _NO_ATTRIBUTION
    return value


_FIELDS: dict[type, tuple[str, ...]] = {}


def _encode(obj: object) -> object:
    """A stable, hashable rendering of model values: plain tuples of plain scalars.

    Cheaper than JSON canonicalisation (no dicts, no sorting of keys) and stable
    across runs: attrs classes become their name and field values in declaration
    order, enums their value, sets their sorted elements.
    """
    kind = type(obj)
    if kind is str or kind is int or kind is bool or obj is None:
        return obj
    names = _FIELDS.get(kind)
    if names is None and attrs.has(kind):
        names = tuple(f.name for f in attrs.fields(kind))
        _FIELDS[kind] = names
    if names is not None:
        return (kind.__name__, *(_encode(getattr(obj, name)) for name in names))
    if isinstance(obj, enum.Enum):
        return obj.value
    if kind is float:
        return repr(obj)
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, frozenset | set):
        return ("set", *sorted((_encode(x) for x in obj), key=repr))
    if isinstance(obj, tuple | list):
        return tuple(_encode(x) for x in obj)
    if isinstance(obj, dict):
        return ("map", *sorted((str(k), _encode(x)) for k, x in obj.items()))
    raise ModelError("content_id", "value", kind.__name__, "a model value, str, number or None")


#: id(object) -> (the object, kept alive so the id stays its own; its encoding's repr).
_ENCODED: dict[int, tuple[object, str]] = {}
_ENCODED_MAX = 200_000


def _encoded_repr(obj: object) -> str:
    """``repr(_encode(obj))`` of a frozen value or qualifier, computed once per object:
    a table loader shares one value object among every row that gives the same answer,
    and encoding it again for each row was most of the cost of building assertions."""
    found = _ENCODED.get(id(obj))
    if found is not None and found[0] is obj:
        return found[1]
    encoded = repr(_encode(obj))
    if len(_ENCODED) >= _ENCODED_MAX:
        _ENCODED.clear()
    _ENCODED[id(obj)] = (obj, encoded)
    return encoded


def content_id(**key_fields: object) -> AssertionId:
    """A stable id from the fields that make a fact the same fact."""
    blob = repr(tuple(sorted((name, _encode(x)) for name, x in key_fields.items())))
    return AssertionId("a-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32])


def _evidence_repr(evidence: Evidence) -> str:
    """The repr of the evidence's key, ``("text", document, start, end)`` or
    ``("record", dataset, record, field)``, written out (no tuple built per assertion)."""
    if isinstance(evidence, TextAnchor):
        return f"('text', {evidence.document!r}, {evidence.start!r}, {evidence.end!r})"
    return f"('record', {evidence.dataset!r}, {evidence.record!r}, {evidence.field!r})"


_sha256 = hashlib.sha256


def _assertion_id(
    source: SourceId,
    subject: EntityId,
    predicate: str,
    value: Value,
    polarity: Polarity,
    qualifiers: Qualifiers,
    evidence: Evidence,
) -> AssertionId:
    # Key fields: who says (source), what (subject/predicate/value/polarity/qualifiers),
    # from which words or record (document + offsets, or dataset + record + field).
    # Modality and attribution are not key: the same words curated twice with
    # different modalities is a duplicate to resolve, not two facts.
    # The repr of the tuple (source, subject, predicate, value, polarity, qualifiers,
    # evidence), written out so that the value's and qualifiers' parts are reused
    # (``_encoded_repr``'s look-up inlined: this runs once per assertion).
    found = _ENCODED.get(id(qualifiers))
    qualifiers_part = (
        found[1] if found is not None and found[0] is qualifiers else _encoded_repr(qualifiers)
    )
    where = _evidence_repr(evidence)
    return AssertionId(
        _hashed_id(source, subject, predicate, value, polarity, qualifiers_part, where)
    )


def _hashed_id(
    source: str,
    subject: str,
    predicate: str,
    value: Value,
    polarity: Polarity,
    qualifiers_part: str,
    where: str,
) -> str:
    """The id's text: the hash of the key's tuple written out, given its qualifiers' and
    its evidence's parts (which a caller may have written once for many assertions).
    A plain ``str`` (an ``AssertionId`` at run time), without the ``NewType`` call: the
    table maker calls this once per row."""
    found = _ENCODED.get(id(value))
    value_part = found[1] if found is not None and found[0] is value else _encoded_repr(value)
    # ``repr(polarity.value)``, without the enum's Python-level ``value`` property.
    said = "'positive'" if polarity is _POSITIVE else repr(polarity.value)
    blob = (
        f"({source!r}, {subject!r}, {str(predicate)!r}, {value_part}, "
        f"{said}, {qualifiers_part}, {where})"
    )
    return "a-" + _sha256(blob.encode("utf-8")).hexdigest()[:32]


def _value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, VALUE_TYPES):
        v.fail(instance, attribute, value, "an assertion value (ActorValue, DateValue, ...)")


def _predicate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is str and (value in _PREDICATE_NAMES or _is_new_predicate(value)):
        return
    if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
        v.fail(instance, attribute, value, "a predicate name matching [a-z0-9][a-z0-9_.:-]*")


def _is_new_predicate(value: str) -> bool:
    """Whether a plain string not yet in ``_PREDICATE_NAMES`` is a name :func:`_predicate`
    accepts (remembered if so)."""
    if ID_PATTERN.fullmatch(value) is None:
        return False
    if len(_PREDICATE_NAMES) < _PREDICATE_NAMES_MAX:
        _PREDICATE_NAMES.add(value)
    return True


_BUILTIN_SPECS = {str(name): spec for name, spec in PREDICATES.items()}
#: Predicate names already found well-formed: the built-in ones and those seen since.
_PREDICATE_NAMES: set[str] = set(_BUILTIN_SPECS)
_PREDICATE_NAMES_MAX = 10_000


def _id_or_unset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value != "":
        v.identifier(instance, attribute, value)


@frozen(kw_only=True)
class Assertion:
    """One fact as one source states it, anchored to the words that state it."""

    source: SourceId = attrs.field(validator=v.identifier)
    subject: EntityId = attrs.field(validator=v.identifier)
    predicate: str = attrs.field(validator=_predicate)
    value: Value = attrs.field(validator=_value)
    evidence: Evidence = attrs.field(validator=v.instance_of(TextAnchor, RecordRef))
    modality: Modality = attrs.field(validator=v.instance_of(Modality))
    polarity: Polarity = attrs.field(default=Polarity.POSITIVE, validator=v.instance_of(Polarity))
    qualifiers: Qualifiers = attrs.field(
        default=_NO_QUALIFIERS, converter=_shared_if_empty, validator=v.instance_of(Qualifiers)
    )
    attribution: Attribution = attrs.field(
        default=_NO_ATTRIBUTION, converter=_shared_if_empty, validator=v.instance_of(Attribution)
    )
    asserted_at: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))
    #: The content hash of the key fields: computed (once) when not given, and
    #: checked when given (from JSON, or by ``attrs.evolve``).
    id: AssertionId = attrs.field(default=AssertionId(""), validator=_id_or_unset)

    def __attrs_post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", self.content_id())
        else:
            self.verify()
        builtin = _BUILTIN_SPECS.get(self.predicate)
        if builtin is not None and not isinstance(self.value, builtin.value_type):
            raise ModelError(
                "Assertion",
                "value",
                type(self.value).__name__,
                f"a {builtin.value_type.__name__} for {self.predicate}",
            )
        if self.modality is _DENIED and self.polarity is not _NEGATIVE:
            raise ModelError("Assertion", "polarity", self.polarity, "negative for a denial")

    def verify(self) -> None:
        """Raise :class:`ModelError` unless ``id`` is the content hash of the key fields."""
        expected = self.content_id()
        if self.id != expected:
            raise ModelError("Assertion", "id", self.id, f"the content hash {expected}")

    def content_id(self) -> AssertionId:
        """The content hash of the key fields (what ``id`` must be)."""
        return _assertion_id(
            self.source,
            self.subject,
            self.predicate,
            self.value,
            self.polarity,
            self.qualifiers,
            self.evidence,
        )

    @classmethod
    def create(
        cls,
        *,
        source: SourceId,
        subject: EntityId,
        predicate: str,
        value: Value,
        evidence: Evidence,
        modality: Modality,
        polarity: Polarity = Polarity.POSITIVE,
        qualifiers: Qualifiers | None = None,
        attribution: Attribution | None = None,
        asserted_at: PartialDate | None = None,
        note: str | None = None,
    ) -> Assertion:
        """Build an assertion, computing its content-hash id (once)."""
        if qualifiers is None:
            qualifiers = _NO_QUALIFIERS
        if attribution is None:
            attribution = _NO_ATTRIBUTION
        # The common case, checked with exact types and well-formed names (looked up in
        # the sets of those already seen, else matched and remembered), is built without
        # attrs' per-field validator calls. Anything else (a subclass, a malformed id, a
        # str subclass, a wrong type, a denial without negative polarity, a value of the
        # wrong type for a built-in predicate, ...) takes the general path below, which
        # validates everything and raises the same errors as before.
        if (
            cls is Assertion
            and type(source) is str
            and (source in _VALID_IDS or _is_new_id(source))
            and type(subject) is str
            and (subject in _VALID_IDS or _is_new_id(subject))
            and type(value) in _VALUE_TYPES
            and type(modality) is Modality
            and type(polarity) is Polarity
            and (polarity is _NEGATIVE or modality is not _DENIED)
            and type(qualifiers) is Qualifiers
            and type(attribution) is Attribution
            and (type(evidence) is RecordRef or type(evidence) is TextAnchor)
            and (asserted_at is None or type(asserted_at) is PartialDate)
            and (note is None or (type(note) is str and note.strip() != ""))
        ):
            kind = type(predicate)
            spec = _BUILTIN_SPECS.get(predicate) if kind is str or kind is Predicate else None
            if (
                isinstance(value, spec.value_type)
                if spec is not None
                else kind is str and (predicate in _PREDICATE_NAMES or _is_new_predicate(predicate))
            ):
                return _filled(
                    source,
                    subject,
                    predicate,
                    value,
                    evidence,
                    modality,
                    polarity,
                    qualifiers,
                    attribution,
                    asserted_at,
                    note,
                    _assertion_id(
                        source, subject, predicate, value, polarity, qualifiers, evidence
                    ),
                )
        return cls(
            source=source,
            subject=subject,
            predicate=predicate,
            value=value,
            evidence=evidence,
            modality=modality,
            polarity=polarity,
            qualifiers=qualifiers,
            attribution=attribution,
            asserted_at=asserted_at,
            note=note,
        )

    @staticmethod
    def record_maker(
        dataset: str,
        *,
        retrieved: dt.datetime | None = None,
        qualifiers: Qualifiers | None = None,
        attribution: Attribution | None = None,
    ) -> RecordAssertionMaker:
        """A function making this dataset's assertions row by row, as ``create`` would
        (see :func:`record_maker`): for building from a table of many rows."""
        return record_maker(
            dataset, retrieved=retrieved, qualifiers=qualifiers, attribution=attribution
        )

    @property
    def is_positive(self) -> bool:
        """Whether the assertion affirms (rather than denies) its fact."""
        return self.polarity is _POSITIVE


_VALID_IDS = v._VALID_IDS
_is_new_id = v.is_new_id
_VALUE_TYPES = frozenset(VALUE_TYPES)
_new = object.__new__
# The slots' own setters: what attrs' generated ``__init__`` assigns through, minus
# the lookup of each name (the class is frozen, so ``setattr`` itself would refuse).
(
    _set_source,
    _set_subject,
    _set_predicate,
    _set_value,
    _set_evidence,
    _set_modality,
    _set_polarity,
    _set_qualifiers,
    _set_attribution,
    _set_asserted_at,
    _set_note,
    _set_id,
) = (Assertion.__dict__[field.name].__set__ for field in attrs.fields(Assertion))


class RecordAssertionMaker(Protocol):
    """Makes one assertion from one record of a table or feed (see
    :meth:`Assertion.record_maker`)."""

    def __call__(
        self,
        source: SourceId,
        subject: EntityId,
        predicate: str,
        value: Value,
        modality: Modality,
        record: str,
        field: str | None,
        asserted_at: PartialDate | None = None,
        polarity: Polarity = Polarity.POSITIVE,
        /,
    ) -> Assertion: ...


def record_maker(
    dataset: str,
    *,
    retrieved: dt.datetime | None = None,
    qualifiers: Qualifiers | None = None,
    attribution: Attribution | None = None,
) -> RecordAssertionMaker:
    """A function making assertions from the records of one dataset, row after row
    (also :meth:`Assertion.record_maker`).

    ``make(source, subject, predicate, value, modality, record, field, asserted_at,
    polarity)`` returns what ``Assertion.create`` returns for the same fields, with
    ``evidence=RecordRef(dataset=dataset, record=record, field=field,
    retrieved=retrieved)`` and the given ``qualifiers`` and ``attribution``: the same
    assertion, the same id and, for bad input, the same error. What the rows share
    (the dataset, the qualifiers, their part of the id) is checked and written once,
    and the arguments are positional: a table of millions of rows is built about half
    again as fast as through ``create`` (benchmarks/scale.py).
    """
    # Typed as given; anything else is judged by ``create``, row by row (below).
    shared_qualifiers = cast(
        Qualifiers, _shared_if_empty(_NO_QUALIFIERS if qualifiers is None else qualifiers)
    )
    shared_attribution = cast(
        Attribution, _shared_if_empty(_NO_ATTRIBUTION if attribution is None else attribution)
    )
    # What every row shares is checked once: when it is not of the common kind, each
    # row takes ``create`` (which refuses it, or accepts an unusual but valid kind).
    shared_ok = (
        type(dataset) is str
        and dataset.strip() != ""
        and v.writable(dataset)
        and (retrieved is None or type(retrieved) is dt.datetime)
        and type(shared_qualifiers) is Qualifiers
        and type(shared_attribution) is Attribution
    )
    qualifiers_part = _encoded_repr(shared_qualifiers) if shared_ok else ""
    dataset_part = repr(dataset)
    valid_ids, is_new_id, value_types = _VALID_IDS, _is_new_id, _VALUE_TYPES
    specs, predicate_names, is_new_predicate = _BUILTIN_SPECS, _PREDICATE_NAMES, _is_new_predicate
    hashed_id, new, writable = _hashed_id, _new, v.writable
    positive, negative, denied = _POSITIVE, _NEGATIVE, _DENIED
    set_dataset, set_record, set_field, set_retrieved = _RECORD_SETTERS
    create = Assertion.create

    def make(
        source: SourceId,
        subject: EntityId,
        predicate: str,
        value: Value,
        modality: Modality,
        record: str,
        field: str | None,
        asserted_at: PartialDate | None = None,
        polarity: Polarity = positive,
        /,
    ) -> Assertion:
        # The same checks as ``create``'s common case, minus what was checked once.
        if (
            shared_ok
            and type(source) is str
            and (source in valid_ids or is_new_id(source))
            and type(subject) is str
            and (subject in valid_ids or is_new_id(subject))
            and type(predicate) is str
            and type(value) in value_types
            and type(modality) is Modality
            and (polarity is positive or polarity is negative)
            and (polarity is negative or modality is not denied)
            and type(record) is str
            and record.strip() != ""
            and (record.isascii() or writable(record))
            and (field is None or (type(field) is str and field.strip() != "" and writable(field)))
            and (asserted_at is None or type(asserted_at) is PartialDate)
        ):
            spec = specs.get(predicate)
            if (
                isinstance(value, spec.value_type)
                if spec is not None
                else predicate in predicate_names or is_new_predicate(predicate)
            ):
                evidence = new(RecordRef)
                set_dataset(evidence, dataset)
                set_record(evidence, record)
                set_field(evidence, field)
                set_retrieved(evidence, retrieved)
                # ``_evidence_repr`` of the RecordRef, the dataset's part written once.
                where = f"('record', {dataset_part}, {record!r}, {field!r})"
                return _filled(
                    source,
                    subject,
                    predicate,
                    value,
                    evidence,
                    modality,
                    polarity,
                    shared_qualifiers,
                    shared_attribution,
                    asserted_at,
                    None,
                    hashed_id(source, subject, predicate, value, polarity, qualifiers_part, where),
                )
        return create(
            source=source,
            subject=subject,
            predicate=predicate,
            value=value,
            evidence=RecordRef(dataset=dataset, record=record, field=field, retrieved=retrieved),
            modality=modality,
            polarity=polarity,
            qualifiers=shared_qualifiers,
            attribution=shared_attribution,
            asserted_at=asserted_at,
        )

    return make


def _filled(
    source: SourceId,
    subject: EntityId,
    predicate: str,
    value: Value,
    evidence: Evidence,
    modality: Modality,
    polarity: Polarity,
    qualifiers: Qualifiers,
    attribution: Attribution,
    asserted_at: PartialDate | None,
    note: str | None,
    id: str,
) -> Assertion:
    """An assertion with its fields stored as given: for fields already checked (the
    fast paths of ``create`` and ``record_maker``), without attrs' validator calls."""
    self = _new(Assertion)
    _set_source(self, source)
    _set_subject(self, subject)
    _set_predicate(self, predicate)
    _set_value(self, value)
    _set_evidence(self, evidence)
    _set_modality(self, modality)
    _set_polarity(self, polarity)
    _set_qualifiers(self, qualifiers)
    _set_attribution(self, attribution)
    _set_asserted_at(self, asserted_at)
    _set_note(self, note)
    _set_id(self, id)
    return self


_RECORD_SETTERS = tuple(RecordRef.__dict__[field.name].__set__ for field in attrs.fields(RecordRef))
