"""Reading hedged numbers and times of day as reporters write them.

"1,000 prisoners of war", "a 12-member", "more than two hundred people",
"around 13:35", "1:35 p.m. local time", "around 1220 GMT", "approximately 12
o'clock". The hedge word sets the :class:`~negotiations.model.Bound` (its
tolerance is the model's, see docs/annotation-format.md); the number and the unit
or time zone are read from the words, which are kept as written.
"""

from __future__ import annotations

import re

from negotiations.errors import ModelError, UnresolvableValueError
from negotiations.model import Bound, ClockTime, Quantity

#: Hedge words, longest first; each is followed by a number, a duration or a time.
HEDGES: tuple[tuple[str, Bound], ...] = tuple(
    sorted(
        (
            ("exactly", Bound.EXACT),
            ("precisely", Bound.EXACT),
            ("approximately", Bound.APPROXIMATELY),
            ("approx.", Bound.APPROXIMATELY),
            ("approx", Bound.APPROXIMATELY),
            ("about", Bound.APPROXIMATELY),
            ("around", Bound.APPROXIMATELY),
            ("roughly", Bound.APPROXIMATELY),
            ("some", Bound.APPROXIMATELY),
            ("circa", Bound.APPROXIMATELY),
            ("около", Bound.APPROXIMATELY),
            ("примерно", Bound.APPROXIMATELY),
            ("приблизно", Bound.APPROXIMATELY),
            ("близько", Bound.APPROXIMATELY),
            ("nearly", Bound.NEARLY),
            ("almost", Bound.NEARLY),
            ("just under", Bound.NEARLY),
            ("close to", Bound.NEARLY),
            ("почти", Bound.NEARLY),
            ("майже", Bound.NEARLY),
            ("just over", Bound.JUST_OVER),
            ("slightly more than", Bound.JUST_OVER),
            ("a little over", Bound.JUST_OVER),
            ("over", Bound.OVER),
            ("more than", Bound.OVER),
            ("upwards of", Bound.OVER),
            ("in excess of", Bound.OVER),
            ("более", Bound.OVER),
            ("больше", Bound.OVER),
            ("понад", Bound.OVER),
            ("under", Bound.UNDER),
            ("less than", Bound.UNDER),
            ("fewer than", Bound.UNDER),
            ("менее", Bound.UNDER),
            ("меньше", Bound.UNDER),
            ("менше", Bound.UNDER),
            ("at least", Bound.AT_LEAST),
            ("no less than", Bound.AT_LEAST),
            ("no fewer than", Bound.AT_LEAST),
            ("не менее", Bound.AT_LEAST),
            ("щонайменше", Bound.AT_LEAST),
            ("at most", Bound.AT_MOST),
            ("no more than", Bound.AT_MOST),
            ("not more than", Bound.AT_MOST),
            ("up to", Bound.AT_MOST),
            ("не более", Bound.AT_MOST),
            ("до", Bound.AT_MOST),
        ),
        key=lambda pair: -len(pair[0]),
    )
)
#: Further hedges of a time of day ("shortly after 13:00").
CLOCK_HEDGES: tuple[tuple[str, Bound], ...] = (
    ("shortly after", Bound.JUST_OVER),
    ("just after", Bound.JUST_OVER),
    ("shortly before", Bound.NEARLY),
    ("just before", Bound.NEARLY),
    ("after", Bound.OVER),
    ("before", Bound.UNDER),
)


def fold(text: str) -> str:
    """Lower case, one space between words, one apostrophe."""
    return " ".join(text.casefold().replace("’", "'").replace("ʼ", "'").split())


def take_hedge(s: str, extra: tuple[tuple[str, Bound], ...] = ()) -> tuple[Bound, str]:
    """The bound a leading hedge word sets (EXACT without one), and the words after it."""
    for words, bound in (*extra, *HEDGES):
        if s.startswith(words) and (len(s) == len(words) or s[len(words)] in " \u00a0"):
            return bound, s[len(words) :].lstrip()
    return Bound.EXACT, s


_SMALL = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    word: 10 * n
    for n, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_WORD = re.compile(r"([a-z]+)(?:[\s-]+|$)")


def take_number(s: str) -> tuple[float, str] | None:
    """A leading number in digits ("1,000", "12", "2.5") or English words ("two hundred",
    "twenty-five", "a dozen", "a thousand"), and the words after it; None if there is none."""
    match = _DIGITS.match(s)
    if match:
        return float(match.group(1).replace(",", "") + (match.group(2) or "")), s[match.end() :]
    total, current, position, seen = 0, 0, 0, False
    while True:
        word = _WORD.match(s, position)
        if word is None:
            break
        token = word.group(1)
        if token in _SMALL:
            current += _SMALL[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token in ("a", "an") and not seen:
            following = _WORD.match(s, word.end())
            if following is None or following.group(1) not in (*_SCALES, "dozen"):
                break
            current = 1
        elif token == "dozen" and seen:
            current *= 12
        elif token in _SCALES and seen:
            scale = _SCALES[token]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        elif token == "and" and seen:
            pass
        else:
            break
        seen = True
        position = word.end()
    if not seen:
        return None
    return float(total + current), s[position:]


_EACH = re.compile(r"\s+(?:each|apiece|per side|on each side|from each side|on both sides)$")


def parse_quantity(text: str) -> Quantity:
    """ "more than 1,000 prisoners" -> Quantity(1000, "prisoners", OVER)."""
    s = fold(text)
    bound, s = take_hedge(s)
    s = re.sub(r"^(?:an?|the)\s+(?=\d)", "", s)  # "a 12-member"
    taken = take_number(s)
    if taken is None:
        raise UnresolvableValueError(
            f"{text!r} is not a number like '1,000 prisoners', 'a 12-member' or "
            "'more than two hundred'; give {text, amount, unit} for other wordings"
        )
    amount, rest = taken
    unit = _EACH.sub("", rest.strip(" -")).strip() or None
    if unit is not None and re.search(r"\d", unit):
        raise UnresolvableValueError(
            f"{text!r} holds more than one number; give {{text, amount, unit}} to say which"
        )
    try:
        return Quantity(amount=amount, unit=unit, bound=bound)
    except ModelError as error:
        raise UnresolvableValueError(f"{text!r}: {error}") from None


#: Zones reporters name, in minutes east of UTC. "Kyiv time" is not here: it is +2 or +3.
ZONES: dict[str, int] = {
    "gmt": 0,
    "utc": 0,
    "z": 0,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "moscow time": 180,
    "по московскому времени": 180,
    "за московським часом": 180,
    "istanbul time": 180,
    "turkish time": 180,
    "trt": 180,
    "est": -300,
    "edt": -240,
}
_OFFSET = re.compile(r"^(?:(?:utc|gmt)\s*)?([+-−])(\d{1,2})(?::?(\d{2}))?$")
_CLOCK = re.compile(
    r"^(?:(?P<h>\d{1,2})[:.](?P<m>\d{2})|(?P<hhmm>\d{4})(?=\s|$)|(?P<bare>\d{1,2})(?=\s*(?:a\.?m\.?|p\.?m\.?|o'clock)))"
    r"(?:\s*o'clock)?(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\s|$))?"
)
_LEADING_AT = re.compile(r"^(?:at|в|у|о|об|around at)\s+")


def parse_offset(text: str) -> int | None:
    """A zone as written ("+03:00", "UTC+3", "GMT", "Moscow time") in minutes east of UTC;
    None when the words name no zone ("local time", nothing)."""
    s = fold(text)
    if s in ("", "local time", "local", "local times"):
        return None
    if s in ZONES:
        return ZONES[s]
    match = _OFFSET.match(s)
    if match is None:
        raise UnresolvableValueError(
            f"{text!r} is not a time zone like '+03:00', 'UTC+3', 'GMT' or 'Moscow time'"
        )
    sign = -1 if match.group(1) in "-−" else 1
    return sign * (int(match.group(2)) * 60 + int(match.group(3) or 0))


def parse_clock(text: str) -> tuple[ClockTime, bool]:
    """ "around 1:35 p.m. GMT" -> (ClockTime(13, 35, 0, APPROXIMATELY), True): the time,
    and whether the words state its zone."""
    s = _LEADING_AT.sub("", fold(text))
    bound, s = take_hedge(s, CLOCK_HEDGES)
    s = _LEADING_AT.sub("", s)
    if s.startswith(("noon", "midday", "midnight")):
        hour, minute, ampm = (0 if s.startswith("midnight") else 12), 0, None
        rest = s.split(" ", 1)[1] if " " in s else ""
    else:
        match = _CLOCK.match(s)
        if match is None:
            raise UnresolvableValueError(
                f"{text!r} is not a time of day like '13:35', 'around 1:35 p.m.', "
                "'1220 GMT' or '12 o'clock'"
            )
        if match.group("hhmm"):
            hour, minute = int(match.group("hhmm")[:2]), int(match.group("hhmm")[2:])
        else:
            hour = int(match.group("h") or match.group("bare"))
            minute = int(match.group("m") or 0)
        ampm = (match.group("ampm") or "").replace(".", "") or None
        rest = s[match.end() :].strip()
    if ampm is not None:
        if not 1 <= hour <= 12:
            raise UnresolvableValueError(f"{text!r}: {hour} is not an hour of a 12-hour clock")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    offset = parse_offset(rest)
    try:
        return ClockTime(hour=hour, minute=minute, utc_offset=offset, bound=bound), (
            offset is not None
        )
    except ModelError as error:
        raise UnresolvableValueError(f"{text!r}: {error}") from None
