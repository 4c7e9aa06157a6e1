"""Default cell parsers: from the text of a cell to a model value, by value type.

A user supplies a parser per predicate when the table writes values its own way
(Flight's "2:07 PMDec 01"); these defaults cover the plain spellings a
hand-made claims table uses, so the documented default layout needs no code.
A parser returns ``None`` for a cell that holds no claim ("Contact Airline")
and raises ``ValueError`` (or a library error) for a cell it cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from negotiations.claims._ids import normalise_id
from negotiations.model import (
    ActorId,
    ActorValue,
    ClockTime,
    ClockValue,
    DateValue,
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
    Quantity,
    QuantityValue,
    StatusValue,
    TextValue,
    TimeExpression,
    Value,
    parse_time_value,
)

#: From the text of one cell to a value; ``None`` means "no claim in this cell".
Parser = Callable[[str], Value | None]


def parse_text(cell: str) -> TextValue:
    """The cell's words with runs of white space collapsed."""
    return TextValue(text=" ".join(cell.split()))


def _id(cell: str) -> str:
    ident = normalise_id(cell)
    if not ident:
        raise ValueError("no letter or digit to make an id of")
    return ident


def parse_actor(cell: str) -> ActorValue:
    return ActorValue(actor=ActorId(_id(cell)))


def parse_place(cell: str) -> PlaceValue:
    return PlaceValue(place=PlaceId(_id(cell)))


def parse_office(cell: str) -> OfficeValue:
    return OfficeValue(office=OfficeId(_id(cell)))


def parse_event(cell: str) -> EventValue:
    return EventValue(event=EventId(_id(cell)))


def parse_date(cell: str) -> DateValue:
    """An ISO date or interval ("2025-05-16", "2025-05", "2025-05-14/2025-05-15")."""
    text = cell.strip()
    return DateValue(
        expression=TimeExpression(text=text, value=parse_time_value(text), method="iso")
    )


_CLOCK = re.compile(
    r"(?:(?P<date>\d{4}-\d{2}-\d{2})[T ])?(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}(?:\.\d+)?))?"
    r"(?:(?P<z>Z)|(?P<sign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2}))?"
)


def parse_clock(cell: str) -> ClockValue:
    """A 24-hour time "HH:MM", optionally after an ISO date and before a UTC offset.

    "13:35", "13:35+03:00", "2025-05-16T13:35Z" (the offset is kept in minutes east of UTC).
    Zero seconds ("13:35:00", as a database or Arrow writes a time) are read; other
    seconds are refused, as a clock value holds minutes and would lose them.
    """
    text = cell.strip()
    match = _CLOCK.fullmatch(text)
    if match is None:
        raise ValueError("a time HH:MM (24-hour), optionally YYYY-MM-DD before it, +HH:MM after it")
    if match["s"] is not None and float(match["s"]) != 0:
        raise ValueError(f"a time to the minute (a clock value holds no seconds), found {text!r}")
    offset: int | None = None
    if match["z"]:
        offset = 0
    elif match["sign"]:
        offset = (int(match["oh"]) * 60 + int(match["om"])) * (-1 if match["sign"] == "-" else 1)
    date = PartialDate.parse(match["date"]) if match["date"] else None
    time = ClockTime(hour=int(match["h"]), minute=int(match["m"]), utc_offset=offset)
    return ClockValue(text=text, time=time, date=date)


_QUANTITY = re.compile(r"(?P<amount>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>.*)")


def parse_quantity(cell: str) -> QuantityValue:
    """A number with an optional unit after it: "12", "1,000 prisoners", "2.5 hours"."""
    text = " ".join(cell.split())
    match = _QUANTITY.fullmatch(text)
    if match is None:
        raise ValueError("a number, optionally followed by a unit (e.g. '1,000 prisoners')")
    amount = float(match["amount"].replace(",", ""))
    return QuantityValue(text=text, quantity=Quantity(amount=amount, unit=match["unit"] or None))


def parse_status(cell: str) -> StatusValue:
    return StatusValue(status=MeetingStatus(cell.strip().casefold()))


def parse_mode(cell: str) -> ModeValue:
    return ModeValue(mode=MeetingMode(cell.strip().casefold()))


DEFAULT_PARSERS: dict[type, Parser] = {
    TextValue: parse_text,
    ActorValue: parse_actor,
    PlaceValue: parse_place,
    OfficeValue: parse_office,
    EventValue: parse_event,
    DateValue: parse_date,
    ClockValue: parse_clock,
    QuantityValue: parse_quantity,
    StatusValue: parse_status,
    ModeValue: parse_mode,
}


def default_parser(value_type: type) -> Parser | None:
    """The parser used for a predicate of this value type when the user gives none."""
    return DEFAULT_PARSERS.get(value_type)
