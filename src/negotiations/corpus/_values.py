"""Typed values from annotation YAML: ids, text, dates, durations, positions..."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from negotiations.corpus._amounts import fold, parse_clock, parse_offset, parse_quantity, take_hedge
from negotiations.corpus._anchoring import Anchoring
from negotiations.corpus._dates import Direction, resolve_date, resolve_duration
from negotiations.corpus._fields import Fields
from negotiations.corpus._yaml import YamlMap
from negotiations.errors import (
    DateExpressionError,
    UnresolvableValueError,
    ValueExpressionError,
    ValueTypeError,
)
from negotiations.model import (
    ActorId,
    ActorValue,
    Bound,
    ClockValue,
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
    PredicateSpec,
    Quantity,
    QuantityValue,
    StatusValue,
    TextValue,
    TimeExpression,
    Value,
)
from negotiations.model._positions import Issue, Stance

#: Value types that hold a registry id: the kind of record and how to wrap the id.
_ID_KINDS: dict[type, tuple[str, Callable[[str], Value]]] = {
    ActorValue: ("actor", lambda i: ActorValue(actor=ActorId(i))),
    PlaceValue: ("place", lambda i: PlaceValue(place=PlaceId(i))),
    OfficeValue: ("office", lambda i: OfficeValue(office=OfficeId(i))),
    EventValue: ("event", lambda i: EventValue(event=EventId(i))),
}


class ValueReader(Anchoring):
    """The value of an assertion, typed by its predicate's value type."""

    def date_expression(
        self,
        f: Fields,
        key: str,
        raw: Any,
        anchor: PartialDate | None,
        within: str | None,
        where: str,
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
        except UnresolvableValueError as error:
            f.error(DateExpressionError, key, str(error))
            return None

    def value(
        self,
        f: Fields,
        spec: PredicateSpec,
        within: str | None,
        published: PartialDate | None,
    ) -> Value | None:
        """The value of ``spec``'s type; ``within`` is the quote its words must come from
        (None for record evidence)."""
        value_type = spec.value_type
        if value_type in _ID_KINDS:
            kind, make = _ID_KINDS[value_type]
            identifier = f.identifier("value", required=True)
            if identifier is None or not self.check_kind(f, "value", identifier, (kind,)):
                return None
            return make(identifier)
        if value_type is TextValue:
            text = f.string("value", required=True)
            return TextValue(text=text) if text else None
        if value_type is DateValue:
            raw = f.raw("value", required=True)
            if raw is None:
                return None
            expression = self.date_expression(f, "value", raw, published, within, "quote")
            return DateValue(expression=expression) if expression else None
        if value_type is DurationValue:
            text = f.string("value", required=True)
            if text is None or not self.words_of(f, "value", "duration", text, within, "quote"):
                return None
            try:
                return DurationValue(text=text, duration=resolve_duration(text))
            except UnresolvableValueError as error:
                f.error(DateExpressionError, "value", str(error))
                return None
        if value_type is QuantityValue:
            return self.quantity(f, within)
        if value_type is ClockValue:
            return self.clock(f, within)
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

    def _text_or_mapping(self, f: Fields, form: str) -> tuple[str | None, Fields | None]:
        """A value written as text, or as a mapping with ``text`` and further keys."""
        raw = f.raw("value", required=True)
        if isinstance(raw, YamlMap):
            vf = Fields(raw, f.file, self.problems, f"{f.what} value", raw.line)
            return vf.string("text", required=True), vf
        if raw is None:
            return None, None
        if not isinstance(raw, str) or not raw.strip():
            f.error(
                ValueTypeError,
                "value",
                f"the value must be text or {form}",
                expected="text",
                found=raw,
            )
            return None, None
        return raw, None

    def quantity(self, f: Fields, within: str | None) -> QuantityValue | None:
        """ "1,000 prisoners", "a 12-member", or {text, amount, unit, bound}."""
        text, vf = self._text_or_mapping(f, "{text, amount, unit, bound}")
        amount = unit = bound = None
        if vf is not None:
            amount = vf.raw("amount")
            if amount is not None and (
                isinstance(amount, bool) or not isinstance(amount, (int, float))
            ):
                vf.error(
                    ValueTypeError,
                    "amount",
                    "'amount' must be a number",
                    expected="a number",
                    found=amount,
                )
                amount = None
            unit = vf.string("unit")
            bound = vf.choice("bound", Bound)
            vf.done()
        if text is None or not self.words_of(f, "value", "quantity", text, within, "quote"):
            return None
        where = vf if vf is not None else f
        key = "text" if vf is not None else "value"
        if amount is None:
            try:
                quantity: Quantity | None = parse_quantity(text)
            except UnresolvableValueError as error:
                where.error(ValueExpressionError, key, str(error))
                return None
            if unit is not None or bound is not None:
                where.error(
                    ValueTypeError,
                    "unit" if unit is not None else "bound",
                    "'unit' and 'bound' go with 'amount' (without it they are read from the text)",
                    expected="amount beside unit/bound",
                    found=unit or bound,
                )
                return None
        else:
            hedge, _ = take_hedge(fold(text))
            given = amount
            quantity = self.build(
                where, "amount", lambda: Quantity(amount=given, unit=unit, bound=bound or hedge)
            )
        return QuantityValue(text=text, quantity=quantity) if quantity is not None else None

    def clock(self, f: Fields, within: str | None) -> ClockValue | None:
        """ "around 13:35", "1:35 p.m. GMT", or {text, timezone, date}."""
        text, vf = self._text_or_mapping(f, "{text, timezone, date}")
        zone = day = None
        if vf is not None:
            zone = vf.string("timezone")
            day = vf.string("date")
            vf.done()
        if text is None or not self.words_of(f, "value", "time", text, within, "quote"):
            return None
        where = vf if vf is not None else f
        key = "text" if vf is not None else "value"
        try:
            time, stated = parse_clock(text)
        except UnresolvableValueError as error:
            where.error(ValueExpressionError, key, str(error))
            return None
        if zone is not None:
            assert vf is not None
            try:
                offset = parse_offset(zone)
            except UnresolvableValueError as error:
                vf.error(ValueExpressionError, "timezone", str(error))
                return None
            if stated and offset != time.utc_offset:
                vf.error(
                    ValueTypeError,
                    "timezone",
                    "the timezone differs from the zone the text states",
                    expected=f"{time.utc_offset} minutes east of UTC, as the text says",
                    found=zone,
                )
                return None
            time = attrs.evolve(time, utc_offset=offset)
        date = None
        if day is not None:
            assert vf is not None
            date = self.build(vf, "date", lambda: PartialDate.parse(day))
            if date is None:
                return None
        return ClockValue(text=text, time=time, date=date)
