"""Resolving date and duration expressions as reporters write them.

"on Thursday", "yesterday evening", "May 13", "early 2025", "Thursday or Friday",
"approximately 1 hour and 45 minutes", "nearly three years", "May 14–15", and
Russian and Ukrainian dates ("15 мая", "16 травня", "у п'ятницю", "вчера"). The raw
words are kept beside the resolved value and the anchor (the publication date)
they were resolved against, with the name of the step that resolved them.

English follows a small explicit grammar (below). Weekdays in Russian and
Ukrainian follow the same nearest-weekday rule through a table of their forms;
other Russian and Ukrainian expressions go to ``dateparser`` (imported lazily:
it takes a tenth of a second to import), which knows every case form of month
names and relative words in both languages.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from negotiations.corpus._amounts import take_hedge
from negotiations.errors import ModelError, UnresolvableDateError
from negotiations.model import (
    DateRange,
    Duration,
    PartialDate,
    Precision,
    TimeExpression,
    TimeValue,
)

Direction = Literal["past", "future"] | None


__all__ = ["Direction", "UnresolvableDateError", "resolve_date", "resolve_duration"]

_WEEKDAYS: dict[str, weekday] = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_LEADING = re.compile(r"^(?:on|in|since|by|from|until|before|after|at|the|of)\s+")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_DAY = re.compile(
    rf"^(?:(\d{{1,2}})\s+({_MONTHS})|({_MONTHS})\.?\s+(\d{{1,2}}))(?:,?\s+(\d{{4}}))?$"
)
_MONTH_YEAR = re.compile(rf"^({_MONTHS})\.?,?\s+(\d{{4}})$")
_SEASON = re.compile(r"^(early|mid|mid-|late)\s*(\d{4})$")
_AGO = re.compile(
    r"^(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(hour|day|week)s?\s+ago$"
)


def _fold(text: str) -> str:
    """Lower case, one space between words, one apostrophe (’ and ʼ are common in Ukrainian)."""
    return " ".join(text.casefold().replace("’", "'").replace("ʼ", "'").split())


def _clean(text: str) -> str:
    out = _fold(text)
    previous = None
    while previous != out:
        previous = out
        out = _LEADING.sub("", out)
    return out


def _day(value: dt.date) -> PartialDate:
    return PartialDate.of(value, Precision.DAY)


def _resolve_weekday(name: str, anchor: dt.date, direction: Direction) -> tuple[dt.date, str]:
    wd = _WEEKDAYS[name]
    past, future = _shift(anchor, wd(-1)), _shift(anchor, wd(+1))
    if direction == "past" and past is not None:
        return past, "weekday, most recent (tense: past)"
    if direction == "future" and future is not None:
        return future, "weekday, next (tense: future)"
    if past is not None and past == future:
        return past, "weekday, the anchor day itself"
    if past is None or future is None:
        found = past or future
        if found is None:
            raise UnresolvableDateError(f"{name!r} falls outside the calendar from {anchor}")
        return found, "weekday, nearest to the anchor within the calendar"
    nearest = past if (anchor - past) <= (future - anchor) else future
    return nearest, "weekday, nearest to the anchor"


def _shift(anchor: dt.date, wd: weekday) -> dt.date | None:
    try:
        shifted: dt.date = anchor + relativedelta(weekday=wd)
    except (OverflowError, ValueError):
        return None
    return shifted


def _weekday_span(
    first: str, second: str, anchor: dt.date, direction: Direction
) -> tuple[dt.date, dt.date]:
    """ "Thursday or Friday": consecutive candidate days, the span nearest the anchor."""
    gap = dt.timedelta(days=(_WEEKDAYS[second].weekday - _WEEKDAYS[first].weekday) % 7)
    start, _ = _resolve_weekday(first, anchor, direction)
    end, _ = _resolve_weekday(second, anchor, direction)
    options = [(start, start + gap), (end - gap, end)]

    def distance(span: tuple[dt.date, dt.date]) -> int:
        low, high = span
        return (
            0 if low <= anchor <= high else min(abs((low - anchor).days), abs((high - anchor).days))
        )

    return min(options, key=lambda span: (distance(span), span[0]))


_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def resolve_date(
    text: str, anchor: PartialDate | None, direction: Direction = None
) -> TimeExpression:
    """Resolve ``text`` against ``anchor``; raise :class:`UnresolvableDateError` if it cannot be."""
    try:
        value, method = _resolve(text, anchor, direction)
        value.span()  # a value whose span leaves the calendar could not be compared later
    except UnresolvableDateError:
        raise  # it already says what is wrong (it is a ValueError too: not the calendar's fault)
    except (OverflowError, ValueError) as error:  # ModelError is a ValueError
        raise UnresolvableDateError(
            f"{_short(text)} cannot be placed in the calendar (years 1 to 9999) from {anchor}: {error}"
        ) from None
    return TimeExpression(text=text, value=value, anchor=anchor, method=method)


def _short(text: str, limit: int = 80) -> str:
    """The expression for an error message, shortened: messages stay small whatever the input."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _need_day(anchor: PartialDate | None, text: str) -> dt.date:
    day = anchor.as_date() if anchor is not None else None
    if day is None:
        raise UnresolvableDateError(
            f"{text!r} is relative and needs a publication date known to the day"
        )
    return day


#: Words that make a date one end of an open range: "since March 2022" is March 2022
#: and every day after it, not March 2022 (a holder's term, a deadline, a wait).
_OPEN_START = re.compile(r"^(since|from|after)\s+(.+)$")
_OPEN_END = re.compile(r"^(until|till|by|before)\s+(.+)$")


def _resolve(text: str, anchor: PartialDate | None, direction: Direction) -> tuple[TimeValue, str]:
    folded = _fold(text)
    opening = _OPEN_START.match(folded) or _OPEN_END.match(folded)
    if opening is not None:
        word, rest = opening.groups()
        value, method = _resolve_point(rest, anchor, direction)
        opened = _open_range(word, value, text)
        return opened, (method if opened is value else f"{method}; '{word}': an open range")
    return _resolve_point(text, anchor, direction)


def _open_range(word: str, value: TimeValue, text: str) -> TimeValue:
    """``value`` as the named end of an open range (``from`` a range is the range)."""
    if isinstance(value, DateRange):
        if word == "from":  # "from May 14 to 16": the range itself
            return value
        first, last = value.start, value.end
    else:
        first = last = value
    if word in ("since", "from", "after"):
        if first is None:
            raise UnresolvableDateError(f"{_short(text)}: an open range needs a start")
        if word == "after":  # the first unit after it, at its precision
            after = last if last is not None else first
            following = after.latest()
            if following == dt.datetime.max:
                raise UnresolvableDateError(
                    f"{_short(text)} cannot be placed in the calendar (years 1 to 9999)"
                )
            first = PartialDate.of(following, after.precision)
        return DateRange(start=first, end=None)
    if last is None:
        raise UnresolvableDateError(f"{_short(text)}: an open range needs an end")
    if word == "before":  # the last unit before it, at its precision
        start = first if first is not None else last
        last = PartialDate.of(start.earliest() - dt.timedelta(microseconds=1), start.precision)
    return DateRange(start=None, end=last)


def _resolve_point(
    text: str, anchor: PartialDate | None, direction: Direction
) -> tuple[TimeValue, str]:
    s = _clean(text)
    if _CYRILLIC.search(s):
        return _resolve_slavic(text, anchor, direction)
    match = _DAY_RANGE.fullmatch(s)
    if match:
        return _day_range(text, match, anchor)
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s):
        return PartialDate.parse(s), "explicit ISO date"
    if re.fullmatch(rf"(today|tonight|this (morning|afternoon|evening)){_PART_OF_DAY}", s) or s in (
        "in recent hours",
        "recent hours",
        "now",
        "right now",
    ):
        return _day(_need_day(anchor, text)), "relative: the anchor day"
    match = re.fullmatch(rf"(yesterday|tomorrow|last night){_PART_OF_DAY}", s)
    if match:
        step = 1 if match.group(1) == "tomorrow" else -1
        return _day(
            _need_day(anchor, text) + dt.timedelta(days=step)
        ), f"relative: {match.group(1)}"
    days = "|".join(_WEEKDAYS)
    match = re.fullmatch(rf"({days}){_PART_OF_DAY}\s+or\s+({days}){_PART_OF_DAY}", s)
    if match:
        day = _need_day(anchor, text)
        lo, hi = _weekday_span(match.group(1), match.group(2), day, direction)
        return DateRange(
            start=_day(lo), end=_day(hi)
        ), "weekday alternatives, nearest to the anchor"
    match = re.fullmatch(rf"(?:(last|next|this)\s+)?({days}){_PART_OF_DAY}", s)
    if match:
        hint: Direction = {"last": "past", "next": "future"}.get(match.group(1) or "", direction)  # type: ignore[assignment]
        resolved, method = _resolve_weekday(match.group(2), _need_day(anchor, text), hint)
        return _day(resolved), method
    match = _AGO.fullmatch(s)
    if match:
        n, unit = _number(match.group(1)), match.group(2)
        day = _need_day(anchor, text)
        if unit == "hour":
            start = day - dt.timedelta(days=(n + 23) // 24)
            return DateRange(
                start=_day(start), end=_day(day)
            ), "relative: hours before the anchor day"
        delta = dt.timedelta(days=n) if unit == "day" else dt.timedelta(weeks=n)
        return _day(day - delta), f"relative: {unit}s before the anchor"
    if s == "this week":
        day = _need_day(anchor, text)
        monday = day - dt.timedelta(days=day.weekday())
        return DateRange(
            start=_day(monday), end=_day(monday + dt.timedelta(days=6))
        ), "relative: anchor week"
    match = _SEASON.fullmatch(s)
    if match:
        year = int(match.group(2))
        first_month, last_month = {"early": (1, 4), "late": (9, 12)}.get(match.group(1), (5, 8))
        return (
            DateRange(
                start=PartialDate(year=year, month=first_month),
                end=PartialDate(year=year, month=last_month),
            ),
            f"part of year ({match.group(1)})",
        )
    if re.fullmatch(r"\d{4}", s):
        return PartialDate(year=int(s)), "explicit year"
    if _MONTH_YEAR.fullmatch(s):
        parsed = date_parser.parse(s, default=dt.datetime(2000, 1, 1))
        return PartialDate(year=parsed.year, month=parsed.month), "explicit month (dateutil)"
    match = _MONTH_DAY.fullmatch(s)
    if match:
        has_year = match.group(5) is not None
        if not has_year and anchor is None:
            raise UnresolvableDateError(f"{text!r} has no year and there is no publication date")
        default_year = anchor.year if anchor is not None else 2000
        try:
            parsed = date_parser.parse(s, default=dt.datetime(default_year, 1, 1))
        except (ValueError, OverflowError) as error:
            raise UnresolvableDateError(f"{text!r}: {error}") from None
        method = (
            "explicit day (dateutil)"
            if has_year
            else "day and month, year of the anchor (dateutil)"
        )
        return _day(parsed.date()), method
    raise UnresolvableDateError(
        f"{_short(text)} matches no known date form (weekday, today/yesterday, 'May 13', "
        "'May 14–15', 'March 2022', '2022', 'early 2025', 'N days ago', 'Thursday or Friday', "
        "or a Russian or Ukrainian date)"
    )


_DASH = r"\s*(?:-|–|—|to)\s*"
_DAY_RANGE = re.compile(
    rf"^(?:({_MONTHS})\.?\s+(\d{{1,2}}){_DASH}(\d{{1,2}})|(\d{{1,2}}){_DASH}(\d{{1,2}})\s+({_MONTHS}))"
    r"(?:,?\s+(\d{4}))?$"
)
_MONTH_NUMBER = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _day_range(
    text: str, match: re.Match[str], anchor: PartialDate | None
) -> tuple[TimeValue, str]:
    """ "May 14–15", "14-15 May", "May 14 to 15, 2025": both days, in the anchor's year if none."""
    month_name = match.group(1) or match.group(6)
    first, last = (match.group(2), match.group(3)) if match.group(1) else match.group(4, 5)
    if match.group(7) is None and anchor is None:
        raise UnresolvableDateError(f"{_short(text)} has no year and there is no publication date")
    year = int(match.group(7)) if match.group(7) else anchor.year if anchor else 0
    return _range_of_days(text, year, _MONTH_NUMBER[month_name], int(first), int(last)), (
        "day range" if match.group(7) else "day range, year of the anchor"
    )


def _range_of_days(text: str, year: int, month: int, first: int, last: int) -> DateRange:
    try:
        start, end = dt.date(year, month, first), dt.date(year, month, last)
    except ValueError as error:
        raise UnresolvableDateError(f"{_short(text)}: {error}") from None
    if end <= start:
        raise UnresolvableDateError(
            f"{_short(text)}: a day range must run forward (the second day after the first)"
        )
    return DateRange(start=_day(start), end=_day(end))


# -- Russian and Ukrainian ------------------------------------------------------

_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_SLAVIC_WEEKDAYS = {
    "monday": r"понедельник|понеділ(?:ок|ка)",
    "tuesday": r"вторник|вівтор(?:ок|ка)",
    "wednesday": r"сред[аыу]|серед[аиу]",
    "thursday": r"четверг|четвер(?:га)?",
    "friday": r"пятниц[аыу]|п'?ятниц[яію]",
    "saturday": r"суббот[аыу]|субот[аиу]",
    "sunday": r"воскресень[ея]|неділ[яію]",
}
_SLAVIC_PART_OF_DAY = (
    r"(?:\s+(?:утром|днём|днем|вечером|ночью|вранці|вдень|ввечері|увечері|вночі))?"
)
_SLAVIC_WEEKDAY = re.compile(
    r"^(?:(?:в|во|у|на)\s+)?"
    r"(?:(прошл\w*|минул\w*|следующ\w*|наступн\w*|эт\w+|цю|цей|цього|цієї)\s+)?"
    rf"({'|'.join(f'(?P<{day}>{forms})' for day, forms in _SLAVIC_WEEKDAYS.items())})"
    rf"{_SLAVIC_PART_OF_DAY}$"
)
_SLAVIC_DAY_RANGE = re.compile(r"^(\d{1,2})\s*[-–—]\s*(\d{1,2})\s+(\S.*)$")
_PERIODS = {"day": Precision.DAY, "month": Precision.MONTH, "year": Precision.YEAR}


def _resolve_slavic(
    text: str, anchor: PartialDate | None, direction: Direction
) -> tuple[TimeValue, str]:
    s = _fold(text)
    match = _SLAVIC_WEEKDAY.fullmatch(s)
    if match:
        name = next(day for day in _WEEKDAYS if match.group(day))
        qualifier = match.group(1) or ""
        hint: Direction = direction
        if qualifier.startswith(("прошл", "минул")):
            hint = "past"
        elif qualifier.startswith(("следующ", "наступн")):
            hint = "future"
        resolved, method = _resolve_weekday(name, _need_day(anchor, text), hint)
        return _day(resolved), method
    match = _SLAVIC_DAY_RANGE.fullmatch(s)
    if match:
        last, method = _dateparser(text, f"{match.group(2)} {match.group(3)}", anchor, direction)
        if not isinstance(last, PartialDate) or last.day is None or last.month is None:
            raise UnresolvableDateError(f"{_short(text)} is not a range of days in one month")
        value = _range_of_days(text, last.year, last.month, int(match.group(1)), last.day)
        return value, f"day range, {method}"
    return _dateparser(text, s, anchor, direction)


def _dateparser(
    text: str, s: str, anchor: PartialDate | None, direction: Direction
) -> tuple[TimeValue, str]:
    """A Russian or Ukrainian expression through dateparser, at the precision it states.

    The expression is read against two reference days (the first and last day the
    anchor allows, or two far-apart days without one); if the readings differ it
    is relative and needs a publication date known to the day. The two days without
    an anchor lie in different leap-year cycles: "29 февраля" reads as the nearest
    29 February, which from 2001 and from 2002 alike is in 2000.
    """
    if anchor is None:
        bases = [dt.datetime(2001, 1, 1), dt.datetime(2006, 7, 2)]
    else:
        low, high = anchor.span()
        bases = [low, max(low, high - dt.timedelta(days=1))]
    first, precision, locale = _parse_with(s, bases[0], direction)
    second, _, _ = _parse_with(s, bases[1], direction)
    if first is None or second is None:
        if anchor is not None and _parse_with(s, dt.datetime(2001, 1, 1), direction)[0]:
            # dateparser reads it, but not from this anchor: "вчера" from 0001-01-01
            raise UnresolvableDateError(
                f"{_short(text)} cannot be placed in the calendar (years 1 to 9999) from {anchor}"
            )
        raise UnresolvableDateError(
            f"{_short(text)} matches no known date form in Russian or Ukrainian"
        )
    if _truncate(first, precision) != _truncate(second, precision):
        day = _need_day(anchor, text)
        first, precision, locale = _parse_with(s, dt.datetime.combine(day, dt.time()), direction)
        assert first is not None
    method = f"dateparser ({locale}), {precision}"
    return _truncate(first, precision), method


def _truncate(value: dt.datetime, precision: str) -> TimeValue:
    if precision == "week":
        monday = value.date() - dt.timedelta(days=value.weekday())
        return DateRange(start=_day(monday), end=_day(monday + dt.timedelta(days=6)))
    return PartialDate.of(value, _PERIODS.get(precision, Precision.DAY))


def _parse_with(
    s: str, base: dt.datetime, direction: Direction
) -> tuple[dt.datetime | None, str, str]:
    from dateparser.date import DateDataParser  # lazy: keeps `import negotiations` fast

    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(
            direction or "", "current_period"
        ),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        data = DateDataParser(languages=["ru", "uk"], settings=settings).get_date_data(s)
    except (ValueError, OverflowError, TypeError) as error:
        raise UnresolvableDateError(  # dateparser's date arithmetic left the calendar
            f"{_short(s)} cannot be placed in the calendar (years 1 to 9999) from {base.date()}: "
            f"{error}"
        ) from None
    return data.date_obj, data.period or "day", data.locale or "ru/uk"


_UNITS = {
    "year": "years",
    "month": "months",
    "week": "weeks",
    "day": "days",
    "hour": "hours",
    "minute": "minutes",
}
_COMPONENT = re.compile(
    r"(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(year|month|week|day|hour|minute)s?"
)
#: Components (each replaced by NUL) joined by commas and "and", as a whole duration.
_JOINED = re.compile(r"\s*\x00(?:\s*(?:,\s*)?(?:and\s+)?\x00)*\s*")
#: "two-hour", "90-minute", "hour-long", "a two-day": the hyphenated adjective forms.
_HYPHENATED = re.compile(
    r"^(?:an?\s+)?(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-)?"
    r"(year|month|week|day|hour|minute)(?:s)?(?:-long)?$"
)


def resolve_duration(text: str) -> Duration:
    """Parse a reported duration; raise :class:`UnresolvableDateError` if it cannot be."""
    s = _fold(text)
    s = re.sub(r"^(?:(?:for|in|after|within|lasting|of)\s+)+", "", s)
    bound, s = take_hedge(s)
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)  # "1,000 days"
    hyphenated = _HYPHENATED.fullmatch(s)
    if hyphenated and (hyphenated.group(1) or s.endswith("-long")):
        s = f"{hyphenated.group(1) or 'one'} {hyphenated.group(2)}"
    components: dict[str, int] = {}

    def take(match: re.Match[str]) -> str:
        components[_UNITS[match.group(2)]] = _number(match.group(1))
        return "\x00"

    # Components joined by commas and "and" ("1 hour, and 45 minutes"), nothing else:
    # not a dangling "and" ("3 days and"), nor words between them.
    if not _JOINED.fullmatch(_COMPONENT.sub(take, s)):
        raise UnresolvableDateError(
            f"{_short(text)} is not a duration like 'approximately 1 hour and 45 minutes' or 'nearly three years'"
        )
    try:
        return Duration(bound=bound, **components)
    except ModelError as error:  # "0 days": a duration of nothing
        raise UnresolvableDateError(f"{_short(text)} is not a length of time: {error}") from None
