"""Typed values from annotation YAML: ids, text, dates, durations, positions..."""

from __future__ import annotations

from typing import Any

from negotiations.corpus._anchoring import Anchoring
from negotiations.corpus._dates import (
    Direction,
    UnresolvableDateError,
    resolve_date,
    resolve_duration,
)
from negotiations.corpus._fields import Fields
from negotiations.corpus._yaml import YamlMap
from negotiations.errors import (
    DateExpressionError,
    ValueTypeError,
)
from negotiations.model import (
    ActorId,
    ActorValue,
    DateValue,
    DurationValue,
    EventId,
    EventValue,
    MeetingMode,
    MeetingStatus,
    ModeValue,
    OfficeId,
    OfficeValue,
    PartialDate,
    PlaceId,
    PlaceValue,
    PositionValue,
    Predicate,
    StatusValue,
    TextAnchor,
    TextValue,
    TimeExpression,
    Value,
)
from negotiations.model._positions import Issue, Stance


class ValueReader(Anchoring):
    """The value of an assertion, typed by its predicate's value type."""

    def date_expression(
        self, f: Fields, key: str, raw: Any, anchor: PartialDate | None, within: str, where: str
    ) -> TimeExpression | None:
        direction: Direction = None
        if isinstance(raw, YamlMap):
            df = Fields(raw, f.file, self.problems, f"{f.what} {key}", raw.line)
            text = df.string("text", required=True)
            dir_raw = df.raw("direction")
            if dir_raw not in (None, "past", "future"):
                df.error(
                    ValueTypeError,
                    "direction",
                    "bad direction",
                    expected="past or future",
                    found=dir_raw,
                )
            else:
                direction = dir_raw
            df.done()
        elif isinstance(raw, str):
            text = raw
        else:
            f.error(
                ValueTypeError,
                key,
                "a date expression must be text or {text, direction}",
                expected="text",
                found=raw,
            )
            return None
        if text is None:
            return None
        if not self.words_of(f, key, "date expression", text, within, where):
            return None
        try:
            return resolve_date(text, anchor, direction)
        except UnresolvableDateError as error:
            f.error(DateExpressionError, key, str(error))
            return None

    def value(
        self,
        f: Fields,
        predicate: Predicate,
        raw: Any,
        anchor: TextAnchor | None,
        published: PartialDate | None,
    ) -> Value | None:
        value_type = predicate.value_type
        kinds = {
            ActorValue: "actor",
            PlaceValue: "place",
            OfficeValue: "office",
            EventValue: "event",
        }
        if value_type in kinds:
            identifier = f.identifier("value", required=True)
            if identifier is None or not self.check_kind(
                f, "value", identifier, (kinds[value_type],)
            ):
                return None
            if value_type is ActorValue:
                return ActorValue(actor=ActorId(identifier))
            if value_type is PlaceValue:
                return PlaceValue(place=PlaceId(identifier))
            if value_type is OfficeValue:
                return OfficeValue(office=OfficeId(identifier))
            return EventValue(event=EventId(identifier))
        if value_type is TextValue:
            text = f.string("value", required=True)
            return TextValue(text=text) if text else None
        if value_type is DateValue:
            f.raw("value", required=True)
            if raw is None or anchor is None:
                return None
            expression = self.date_expression(f, "value", raw, published, anchor.exact, "quote")
            return DateValue(expression=expression) if expression else None
        if value_type is DurationValue:
            text = f.string("value", required=True)
            if text is None or anchor is None:
                return None
            if not self.words_of(f, "value", "duration", text, anchor.exact, "quote"):
                return None
            try:
                return DurationValue(text=text, duration=resolve_duration(text))
            except UnresolvableDateError as error:
                f.error(DateExpressionError, "value", str(error))
                return None
        if value_type is StatusValue:
            status = f.choice("value", MeetingStatus, required=True)
            return StatusValue(status=status) if status else None
        if value_type is ModeValue:
            mode = f.choice("value", MeetingMode, required=True)
            return ModeValue(mode=mode) if mode else None
        assert value_type is PositionValue
        raw = f.raw("value", required=True)
        if raw is None:
            return None
        pf = Fields(
            raw,
            f.file,
            self.problems,
            f"{f.what} position",
            raw.line if isinstance(raw, YamlMap) else f.line_of("value"),
        )
        issue = pf.choice("issue", Issue, required=True)
        stance = pf.choice("stance", Stance, required=True)
        terms = pf.string("terms")
        pf.done()
        return PositionValue(issue=issue, stance=stance, terms=terms) if issue and stance else None
