"""Sourced assertions: one fact, as one report states it, in its exact words.

Following FollowTheMoney's statement model, an assertion's id is a hash of its
key fields, so the same fact from the same evidence is the same assertion, and
conflicting assertions coexist until reconciliation chooses between them.
"""

from __future__ import annotations

import enum
import hashlib
import json
from typing import Any, cast

import attrs
from attrs import frozen

from negotiations.errors import ModelError
from negotiations.model import _validators as v
from negotiations.model._ids import ActorId, AssertionId, EntityId, SourceId
from negotiations.model._predicates import Predicate
from negotiations.model._provenance import TextAnchor
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


def _canonical(obj: object) -> Any:
    if attrs.has(type(obj)):
        out: dict[str, Any] = {"@": type(obj).__name__}
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            out[field.name] = _canonical(getattr(obj, field.name))
        return out
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, frozenset):
        return sorted((_canonical(x) for x in obj), key=lambda x: json.dumps(x, sort_keys=True))
    if isinstance(obj, dict):
        return {str(k): _canonical(x) for k, x in obj.items()}
    if isinstance(obj, tuple | list):
        return [_canonical(x) for x in obj]
    return obj


def content_id(**key_fields: object) -> AssertionId:
    """A stable id from the fields that make a fact the same fact."""
    blob = json.dumps(_canonical(key_fields), sort_keys=True, ensure_ascii=False)
    return AssertionId("a-" + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32])


def _assertion_id(
    source: SourceId,
    subject: EntityId,
    predicate: Predicate,
    value: Value,
    polarity: Polarity,
    qualifiers: Qualifiers,
    evidence: TextAnchor,
) -> AssertionId:
    # Key fields: who says (source), what (subject/predicate/value/polarity/qualifiers),
    # from which words (document + offsets). Modality and attribution are not key:
    # the same words curated twice with different modalities is a duplicate to resolve.
    return content_id(
        source=source,
        subject=subject,
        predicate=predicate,
        value=value,
        polarity=polarity,
        qualifiers=qualifiers,
        document=evidence.document,
        start=evidence.start,
        end=evidence.end,
    )


def _value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, VALUE_TYPES):
        v.fail(instance, attribute, value, "an assertion value (ActorValue, DateValue, ...)")


@frozen(kw_only=True)
class Assertion:
    """One fact as one source states it, anchored to the words that state it."""

    id: AssertionId = attrs.field(validator=v.identifier)
    source: SourceId = attrs.field(validator=v.identifier)
    subject: EntityId = attrs.field(validator=v.identifier)
    predicate: Predicate = attrs.field(validator=v.instance_of(Predicate))
    value: Value = attrs.field(validator=_value)
    evidence: TextAnchor = attrs.field(validator=v.instance_of(TextAnchor))
    modality: Modality = attrs.field(validator=v.instance_of(Modality))
    polarity: Polarity = attrs.field(default=Polarity.POSITIVE, validator=v.instance_of(Polarity))
    qualifiers: Qualifiers = attrs.field(factory=Qualifiers, validator=v.instance_of(Qualifiers))
    attribution: Attribution = attrs.field(
        factory=Attribution, validator=v.instance_of(Attribution)
    )
    asserted_at: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    note: str | None = attrs.field(default=None, validator=v.optional(v.text))

    def __attrs_post_init__(self) -> None:
        expected_type = self.predicate.value_type
        if not isinstance(self.value, expected_type):
            raise ModelError(
                "Assertion",
                "value",
                self.value,
                f"a {expected_type.__name__} for {self.predicate.value}",
            )
        if self.modality is Modality.DENIED and self.polarity is not Polarity.NEGATIVE:
            raise ModelError("Assertion", "polarity", self.polarity, "negative for a denial")
        if self.id != self.content_id():
            raise ModelError("Assertion", "id", self.id, f"the content hash {self.content_id()}")

    def content_id(self) -> AssertionId:
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
        predicate: Predicate,
        value: Value,
        evidence: TextAnchor,
        modality: Modality,
        polarity: Polarity = Polarity.POSITIVE,
        qualifiers: Qualifiers | None = None,
        attribution: Attribution | None = None,
        asserted_at: PartialDate | None = None,
        note: str | None = None,
    ) -> Assertion:
        """Build an assertion, computing its content-hash id."""
        qualifiers = qualifiers if qualifiers is not None else Qualifiers()
        return cls(
            id=_assertion_id(source, subject, predicate, value, polarity, qualifiers, evidence),
            source=source,
            subject=subject,
            predicate=predicate,
            value=value,
            evidence=evidence,
            modality=modality,
            polarity=polarity,
            qualifiers=qualifiers,
            attribution=attribution if attribution is not None else Attribution(),
            asserted_at=asserted_at,
            note=note,
        )

    @property
    def is_positive(self) -> bool:
        return self.polarity is Polarity.POSITIVE
