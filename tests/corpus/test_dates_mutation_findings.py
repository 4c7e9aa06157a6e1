"""Behaviours of date resolution that the mutation run of ``_dates.py`` found untested.

Each test states what a curator relies on: what an expression resolves to, the name
of the step that resolved it, and the exact message of a refusal (curators read it).
"""

from __future__ import annotations

import pytest

import negotiations as ng
from negotiations.corpus import resolve_date, resolve_duration
from negotiations.corpus._dates import Direction
from negotiations.errors import UnresolvableDateError

MONDAY = ng.PartialDate(year=2025, month=5, day=12)
WEDNESDAY = ng.PartialDate(year=2025, month=5, day=14)
THURSDAY = ng.PartialDate(year=2025, month=5, day=15)
FRIDAY = ng.PartialDate(year=2025, month=5, day=16)
MAY_2025 = ng.PartialDate(year=2025, month=5)
NO_FORM = (
    " matches no known date form (weekday, today/yesterday, 'May 13', 'May 14–15', "
    "'March 2022', '2022', 'early 2025', 'N days ago', 'Thursday or Friday', "
    "or a Russian or Ukrainian date)"
)


def day(year: int, month: int, day_: int) -> ng.PartialDate:
    return ng.PartialDate(year=year, month=month, day=day_)


def days(start: ng.PartialDate, end: ng.PartialDate) -> ng.DateRange:
    return ng.DateRange(start=start, end=end)


def refusal(text: str, anchor: ng.PartialDate | None, direction: Direction = None) -> str:
    with pytest.raises(UnresolvableDateError) as info:
        resolve_date(text, anchor, direction)
    return str(info.value)


# -- a refusal says what is wrong, not that the calendar ends ------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "message"),
    [
        ("soon", FRIDAY, "'soon'" + NO_FORM),
        (
            "yesterday",
            None,
            "'yesterday' is relative and needs a publication date known to the day",
        ),
        ("May 30-32", FRIDAY, "'May 30-32': day is out of range for month"),
        (
            "May 15–14",
            FRIDAY,
            "'May 15–14': a day range must run forward (the second day after the first)",
        ),
        ("May 14–15", None, "'May 14–15' has no year and there is no publication date"),
        ("вчера", MAY_2025, "'вчера' is relative and needs a publication date known to the day"),
        ("блабла", FRIDAY, "'блабла' matches no known date form in Russian or Ukrainian"),
    ],
)
def test_a_refusal_names_the_expression_and_what_is_wrong_with_it(
    text: str, anchor: ng.PartialDate | None, message: str
) -> None:
    # Before the fix every refusal began "... cannot be placed in the calendar (years 1
    # to 9999) from ...": UnresolvableDateError is a ValueError and was wrapped again.
    assert refusal(text, anchor) == message


@pytest.mark.parametrize(
    ("text", "anchor", "message"),
    [
        (
            "tomorrow",
            day(9999, 12, 31),
            "'tomorrow' cannot be placed in the calendar (years 1 to 9999) from 9999-12-31: "
            "date value out of range",
        ),
        (
            "вчера",
            day(1, 1, 1),
            "'вчера' cannot be placed in the calendar (years 1 to 9999) from 0001-01-01",
        ),
        # the year 1 as anchor: yesterday of its last day is in the calendar, of its first not
        (
            "вчера",
            ng.PartialDate(year=1),
            "'вчера' cannot be placed in the calendar (years 1 to 9999) from 0001",
        ),
    ],
)
def test_a_known_form_beyond_the_calendar_is_refused_as_such(
    text: str, anchor: ng.PartialDate, message: str
) -> None:
    assert refusal(text, anchor) == message


def test_dateparser_leaving_the_calendar_is_refused_as_such() -> None:
    # "at 15:00" in the past of 0001-01-01 00:00: dateparser's own arithmetic overflows.
    assert refusal("в 15:00", day(1, 1, 1), "past") == (
        "'в 15:00' cannot be placed in the calendar (years 1 to 9999) from 0001-01-01: "
        "date value out of range"
    )


# -- a Russian or Ukrainian day without a year needs a publication date ------------


@pytest.mark.parametrize("direction", [None, "past", "future"])
@pytest.mark.parametrize("text", ["29 февраля", "29 лютого"])
def test_the_29th_of_february_without_a_year_or_anchor_is_refused(
    text: str, direction: Direction
) -> None:
    # Before the fix it resolved to 2000-02-29: read from 2001-01-01 and from 2002-07-02
    # alike, the nearest 29 February is in 2000, so it did not look relative.
    assert refusal(text, None, direction) == (
        f"'{text}' is relative and needs a publication date known to the day"
    )


def test_the_29th_of_february_with_its_year_needs_no_anchor() -> None:
    assert resolve_date("29 февраля 2024 года", None).value == day(2024, 2, 29)


# -- a weekday: which rule placed it is named ------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "direction", "expected", "method"),
    [
        ("Thursday", THURSDAY, None, THURSDAY, "weekday, the anchor day itself"),
        ("Friday", THURSDAY, None, FRIDAY, "weekday, nearest to the anchor"),
        ("Monday", THURSDAY, None, MONDAY, "weekday, nearest to the anchor"),
        ("Thursday", THURSDAY, "past", THURSDAY, "weekday, most recent (tense: past)"),
        ("Thursday", THURSDAY, "future", THURSDAY, "weekday, next (tense: future)"),
        ("last Thursday", WEDNESDAY, None, day(2025, 5, 8), "weekday, most recent (tense: past)"),
        ("next Tuesday", WEDNESDAY, None, day(2025, 5, 20), "weekday, next (tense: future)"),
        # the calendar starts on Monday 0001-01-01 and ends on Friday 9999-12-31
        (
            "Sunday",
            day(1, 1, 1),
            None,
            day(1, 1, 7),
            "weekday, nearest to the anchor within the calendar",
        ),
        (
            "Saturday",
            day(9999, 12, 31),
            None,
            day(9999, 12, 25),
            "weekday, nearest to the anchor within the calendar",
        ),
    ],
)
def test_a_weekday_names_the_rule_that_placed_it(
    text: str,
    anchor: ng.PartialDate,
    direction: Direction,
    expected: ng.PartialDate,
    method: str,
) -> None:
    expression = resolve_date(text, anchor, direction)
    assert (expression.value, expression.method) == (expected, method)


# -- "Thursday or Friday": the span of days nearest the anchor -----------------------


@pytest.mark.parametrize(
    ("text", "anchor", "direction", "expected"),
    [
        # across the end of the week: Sunday then Monday, one day apart, not two
        ("Sunday or Monday", THURSDAY, None, days(day(2025, 5, 11), day(2025, 5, 12))),
        ("Sunday or Monday", FRIDAY, None, days(day(2025, 5, 18), day(2025, 5, 19))),
        ("Friday or Monday", WEDNESDAY, None, days(day(2025, 5, 9), day(2025, 5, 12))),
        # a span that starts on the anchor day contains it, whatever lies nearer after it
        ("Monday or Sunday", MONDAY, None, days(day(2025, 5, 12), day(2025, 5, 18))),
        ("Monday or Tuesday", MONDAY, "past", days(day(2025, 5, 12), day(2025, 5, 13))),
        # the tense moves both days
        ("Thursday or Friday", WEDNESDAY, "past", days(day(2025, 5, 8), day(2025, 5, 9))),
        ("Monday or Tuesday", WEDNESDAY, "future", days(day(2025, 5, 19), day(2025, 5, 20))),
    ],
)
def test_weekday_alternatives_are_the_span_nearest_the_anchor_in_the_tense(
    text: str, anchor: ng.PartialDate, direction: Direction, expected: ng.DateRange
) -> None:
    expression = resolve_date(text, anchor, direction)
    assert expression.value == expected
    assert expression.method == "weekday alternatives, nearest to the anchor"


# -- a long expression is shortened in a message, a short one is not --------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("x" * 79, "x" * 79),
        ("x" * 80, "x" * 80),
        ("x" * 81, "x" * 80 + "…"),
        ("y" * 5000, "y" * 80 + "…"),
    ],
)
def test_a_refusal_shows_the_expression_up_to_80_characters(text: str, shown: str) -> None:
    assert refusal(text, FRIDAY) == f"'{shown}'" + NO_FORM


# -- the step that resolved an expression is named -------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected", "method"),
    [
        (
            "May 14–15",
            FRIDAY,
            days(day(2025, 5, 14), day(2025, 5, 15)),
            "day range, year of the anchor",
        ),
        (
            "14-15 May",
            FRIDAY,
            days(day(2025, 5, 14), day(2025, 5, 15)),
            "day range, year of the anchor",
        ),
        ("May 14–15, 2024", FRIDAY, days(day(2024, 5, 14), day(2024, 5, 15)), "day range"),
        ("14-15 May 2024", None, days(day(2024, 5, 14), day(2024, 5, 15)), "day range"),
        ("15 мая", FRIDAY, day(2025, 5, 15), "dateparser (ru), day"),
        ("16 травня", FRIDAY, day(2025, 5, 16), "dateparser (uk), day"),
        ("мая 2025", None, ng.PartialDate(year=2025, month=5), "dateparser (ru), month"),
        ("травня 2025", None, ng.PartialDate(year=2025, month=5), "dateparser (uk), month"),
        ("2025 год", None, ng.PartialDate(year=2025), "dateparser (ru), year"),
        (
            "на прошлой неделе",
            FRIDAY,
            days(day(2025, 5, 5), day(2025, 5, 11)),
            "dateparser (ru), week",
        ),
        (
            "14–15 мая",
            FRIDAY,
            days(day(2025, 5, 14), day(2025, 5, 15)),
            "day range, dateparser (ru), day",
        ),
    ],
)
def test_the_resolving_step_is_named_with_its_language_and_precision(
    text: str, anchor: ng.PartialDate | None, expected: ng.TimeValue, method: str
) -> None:
    expression = resolve_date(text, anchor)
    assert (expression.value, expression.method) == (expected, method)
    assert (expression.text, expression.anchor) == (text, anchor)


# -- Russian and Ukrainian weekdays: "last" and "next" set the tense ------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected", "method"),
    [
        ("минулого четверга", WEDNESDAY, day(2025, 5, 8), "weekday, most recent (tense: past)"),
        ("у минулий четвер", WEDNESDAY, day(2025, 5, 8), "weekday, most recent (tense: past)"),
        ("в прошлый четверг", FRIDAY, day(2025, 5, 15), "weekday, most recent (tense: past)"),
        ("в следующий четверг", FRIDAY, day(2025, 5, 22), "weekday, next (tense: future)"),
        ("наступного четверга", WEDNESDAY, day(2025, 5, 15), "weekday, next (tense: future)"),
        ("в этот четверг", FRIDAY, day(2025, 5, 15), "weekday, nearest to the anchor"),
        ("в четверг", WEDNESDAY, day(2025, 5, 15), "weekday, nearest to the anchor"),
        # the apostrophe of "п'ятниця" typed as ' or ’ (U+2019) or ʼ (U+02BC), or left out
        ("у п'ятницю", WEDNESDAY, FRIDAY, "weekday, nearest to the anchor"),
        ("у п\u2019ятницю", WEDNESDAY, FRIDAY, "weekday, nearest to the anchor"),
        ("у п\u02bcятницю", WEDNESDAY, FRIDAY, "weekday, nearest to the anchor"),
        ("у пятницю", WEDNESDAY, FRIDAY, "weekday, nearest to the anchor"),
    ],
)
def test_a_slavic_last_or_next_sets_the_tense_of_a_weekday(
    text: str, anchor: ng.PartialDate, expected: ng.PartialDate, method: str
) -> None:
    expression = resolve_date(text, anchor)
    assert (expression.value, expression.method) == (expected, method)


# -- Russian and Ukrainian refusals ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "message"),
    [
        (
            "в пятницу",
            None,
            "'в пятницу' is relative and needs a publication date known to the day",
        ),
        (
            "14–15 мая",
            None,
            "'14–15 мая' is relative and needs a publication date known to the day",
        ),
        ("1-2 месяца назад", FRIDAY, "'1-2 месяца назад' is not a range of days in one month"),
        ("1-2 недели назад", FRIDAY, "'1-2 недели назад' is not a range of days in one month"),
        ("1-2 года назад", FRIDAY, "'1-2 года назад' is not a range of days in one month"),
        (
            "15-14 мая",
            FRIDAY,
            "'15-14 мая': a day range must run forward (the second day after the first)",
        ),
        # "неделя" is "week" in Russian (no date), "Sunday" in Bulgarian: not read as such
        ("неделя", FRIDAY, "'неделя' matches no known date form in Russian or Ukrainian"),
    ],
)
def test_a_slavic_refusal_names_the_expression_and_what_is_wrong_with_it(
    text: str, anchor: ng.PartialDate | None, message: str
) -> None:
    assert refusal(text, anchor) == message


# -- the tense reaches dateparser -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "direction", "expected"),
    [
        ("15 мая", FRIDAY, None, day(2025, 5, 15)),
        ("15 мая", FRIDAY, "future", day(2026, 5, 15)),
        ("15 мая", WEDNESDAY, "past", day(2024, 5, 15)),
        ("14–15 мая", FRIDAY, "future", days(day(2026, 5, 14), day(2026, 5, 15))),
        ("14–15 мая", WEDNESDAY, "past", days(day(2024, 5, 14), day(2024, 5, 15))),
        # an anchor known to the month: the same day however late in May it was written
        ("15 апреля", MAY_2025, "future", day(2026, 4, 15)),
        ("15 июня", MAY_2025, "past", day(2024, 6, 15)),
        ("15 июня", MAY_2025, None, day(2025, 6, 15)),
    ],
)
def test_the_tense_picks_the_year_of_a_slavic_day_and_month(
    text: str, anchor: ng.PartialDate, direction: Direction, expected: ng.TimeValue
) -> None:
    assert resolve_date(text, anchor, direction).value == expected


# -- an anchor known to the month or the year -------------------------------------------


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("15 мая", ng.PartialDate(year=2025), day(2025, 5, 15)),
        ("14–15 мая", ng.PartialDate(year=2025), days(day(2025, 5, 14), day(2025, 5, 15))),
        ("31 мая", MAY_2025, day(2025, 5, 31)),
        ("15 мая", day(1, 1, 1), day(1, 5, 15)),  # the calendar's first day is an anchor too
        ("14–15 мая", day(1, 1, 1), days(day(1, 5, 14), day(1, 5, 15))),
    ],
)
def test_a_slavic_day_and_month_take_the_year_every_day_of_the_anchor_agrees_on(
    text: str, anchor: ng.PartialDate, expected: ng.TimeValue
) -> None:
    assert resolve_date(text, anchor).value == expected


def test_a_slavic_day_the_days_of_a_month_anchor_disagree_on_is_refused() -> None:
    # Written in May 2025 about the past: 31 May 2025 if on the 31st, else 31 May 2024.
    assert refusal("31 мая", MAY_2025, "past") == (
        "'31 мая' is relative and needs a publication date known to the day"
    )


# -- English forms: what each resolves to, and the step named -------------------------


def month(year: int, month_: int) -> ng.PartialDate:
    return ng.PartialDate(year=year, month=month_)


@pytest.mark.parametrize(
    ("text", "expected", "method"),
    [
        ("2025-05-13", day(2025, 5, 13), "explicit ISO date"),
        ("2025-05", month(2025, 5), "explicit ISO date"),
        ("2022", ng.PartialDate(year=2022), "explicit ISO date"),
        ("in 2022", ng.PartialDate(year=2022), "explicit ISO date"),
        ("today", THURSDAY, "relative: the anchor day"),
        ("tonight", THURSDAY, "relative: the anchor day"),
        ("this morning", THURSDAY, "relative: the anchor day"),
        ("this afternoon", THURSDAY, "relative: the anchor day"),
        ("this evening", THURSDAY, "relative: the anchor day"),
        ("today evening", THURSDAY, "relative: the anchor day"),
        ("in recent hours", THURSDAY, "relative: the anchor day"),
        ("recent hours", THURSDAY, "relative: the anchor day"),
        ("now", THURSDAY, "relative: the anchor day"),
        ("right now", THURSDAY, "relative: the anchor day"),
        ("yesterday", WEDNESDAY, "relative: yesterday"),
        ("yesterday morning", WEDNESDAY, "relative: yesterday"),
        ("tomorrow", FRIDAY, "relative: tomorrow"),
        ("tomorrow night", FRIDAY, "relative: tomorrow"),
        ("last night", WEDNESDAY, "relative: last night"),
        ("12 hours ago", days(WEDNESDAY, THURSDAY), "relative: hours before the anchor day"),
        ("an hour ago", days(WEDNESDAY, THURSDAY), "relative: hours before the anchor day"),
        ("24 hours ago", days(WEDNESDAY, THURSDAY), "relative: hours before the anchor day"),
        ("25 hours ago", days(day(2025, 5, 13), THURSDAY), "relative: hours before the anchor day"),
        ("48 hours ago", days(day(2025, 5, 13), THURSDAY), "relative: hours before the anchor day"),
        ("49 hours ago", days(MONDAY, THURSDAY), "relative: hours before the anchor day"),
        ("3 days ago", MONDAY, "relative: days before the anchor"),
        ("a day ago", WEDNESDAY, "relative: days before the anchor"),
        ("twelve days ago", day(2025, 5, 3), "relative: days before the anchor"),
        ("1 week ago", day(2025, 5, 8), "relative: weeks before the anchor"),
        ("two weeks ago", day(2025, 5, 1), "relative: weeks before the anchor"),
        ("this week", days(MONDAY, day(2025, 5, 18)), "relative: anchor week"),
        ("early 2025", days(month(2025, 1), month(2025, 4)), "part of year (early)"),
        ("mid 2025", days(month(2025, 5), month(2025, 8)), "part of year (mid)"),
        ("mid-2025", days(month(2025, 5), month(2025, 8)), "part of year (mid-)"),
        ("late 2025", days(month(2025, 9), month(2025, 12)), "part of year (late)"),
        ("in the early 2025", days(month(2025, 1), month(2025, 4)), "part of year (early)"),
        ("March 2022", month(2022, 3), "explicit month (dateutil)"),
        ("Sept. 2022", month(2022, 9), "explicit month (dateutil)"),
        ("March, 2022", month(2022, 3), "explicit month (dateutil)"),
        ("May 13", day(2025, 5, 13), "day and month, year of the anchor (dateutil)"),
        ("13 May", day(2025, 5, 13), "day and month, year of the anchor (dateutil)"),
        ("on Sept 13", day(2025, 9, 13), "day and month, year of the anchor (dateutil)"),
        ("May 13, 2022", day(2022, 5, 13), "explicit day (dateutil)"),
        ("13 May 2022", day(2022, 5, 13), "explicit day (dateutil)"),
        ("  On   THURSDAY  ", THURSDAY, "weekday, the anchor day itself"),
    ],
)
def test_an_english_form_resolves_and_names_its_step(
    text: str, expected: ng.TimeValue, method: str
) -> None:
    expression = resolve_date(text, THURSDAY)
    assert (expression.value, expression.method) == (expected, method)
    assert (expression.text, expression.anchor) == (text, THURSDAY)


@pytest.mark.parametrize("anchor", [None, MAY_2025], ids=["no anchor", "anchor May 2025"])
@pytest.mark.parametrize(
    "text",
    [
        "today",
        "yesterday",
        "Thursday",
        "next Friday",
        "Thursday or Friday",
        "3 days ago",
        "12 hours ago",
        "this week",
    ],
)
def test_an_english_relative_form_needs_an_anchor_known_to_the_day(
    text: str, anchor: ng.PartialDate | None
) -> None:
    assert refusal(text, anchor) == (
        f"'{text}' is relative and needs a publication date known to the day"
    )


def test_a_day_and_month_without_year_or_anchor_is_refused() -> None:
    assert refusal("May 13", None) == "'May 13' has no year and there is no publication date"


def test_a_day_and_month_take_a_month_anchor_s_year() -> None:
    assert resolve_date("May 13", MAY_2025).value == day(2025, 5, 13)


def test_a_day_the_month_does_not_have_is_refused_with_dateutil_s_reason() -> None:
    assert refusal("February 30", THURSDAY) == (
        "'February 30': day is out of range for month: february 30"
    )


# -- durations ------------------------------------------------------------------------------

NOT_A_DURATION = (
    " is not a duration like 'approximately 1 hour and 45 minutes' or 'nearly three years'"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the leading "for", "in", "after", "within", "lasting", "of" are dropped, any case
        ("for two hours", ng.Duration(hours=2)),
        ("FOR 3 DAYS", ng.Duration(days=3)),
        ("for in 3 days", ng.Duration(days=3)),
        ("within 3 days", ng.Duration(days=3)),
        ("lasting 90 minutes", ng.Duration(minutes=90)),
        ("of 12 weeks", ng.Duration(weeks=12)),
        # thousands separators
        ("after 1,000 days", ng.Duration(days=1000)),
        ("12,345 minutes", ng.Duration(minutes=12345)),
        ("nearly 1,000 days", ng.Duration(days=1000, bound=ng.DurationBound.NEARLY)),
        # hyphenated adjectives
        ("two-hour", ng.Duration(hours=2)),
        ("90-minute", ng.Duration(minutes=90)),
        ("a two-day", ng.Duration(days=2)),
        ("hour-long", ng.Duration(hours=1)),
        ("an hour-long", ng.Duration(hours=1)),
        ("week-long", ng.Duration(weeks=1)),
        ("a day", ng.Duration(days=1)),
        # several components
        ("1 year, 2 months and 3 days", ng.Duration(years=1, months=2, days=3)),
        ("3 days, and 2 hours", ng.Duration(days=3, hours=2)),
        ("about 3 hours", ng.Duration(hours=3, bound=ng.DurationBound.APPROXIMATELY)),
    ],
)
def test_a_duration_is_read_with_its_components_and_bound(text: str, expected: ng.Duration) -> None:
    assert resolve_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("day", "day"),  # a unit without a number
        ("a while", "a while"),
        ("3 hours and more", "3 hours and more"),
        ("1,5 days", "1,5 days"),
        ("3 hours-long", "3 hours-long"),
        ("x" * 100, "x" * 80 + "…"),
    ],
)
def test_words_that_are_not_a_duration_are_refused_with_an_example(text: str, shown: str) -> None:
    with pytest.raises(UnresolvableDateError) as info:
        resolve_duration(text)
    assert str(info.value) == f"'{shown}'" + NOT_A_DURATION


def test_a_duration_of_nothing_is_refused_as_no_length_of_time() -> None:
    with pytest.raises(UnresolvableDateError) as info:
        resolve_duration("0 days")
    assert str(info.value).startswith("'0 days' is not a length of time: ")
    assert "at least one non-zero component" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected", "method"),
    [
        ("May 13, 2022", day(2022, 5, 13), "explicit day (dateutil)"),
        ("13 May 2022", day(2022, 5, 13), "explicit day (dateutil)"),
        ("March 2022", month(2022, 3), "explicit month (dateutil)"),
        ("early 2025", days(month(2025, 1), month(2025, 4)), "part of year (early)"),
        ("2025-05-13", day(2025, 5, 13), "explicit ISO date"),
    ],
)
def test_an_english_form_that_states_its_year_needs_no_anchor(
    text: str, expected: ng.TimeValue, method: str
) -> None:
    expression = resolve_date(text, None)
    assert (expression.value, expression.method, expression.anchor) == (expected, method, None)


@pytest.mark.parametrize(
    "text", ["3 days and", "and 3 days", "3 days, and", "1 hour and and 45 minutes"]
)
def test_a_duration_with_a_dangling_joiner_is_refused(text: str) -> None:
    """Components joined by commas and "and", nothing left over at either end."""
    with pytest.raises(UnresolvableDateError, match="is not a duration like"):
        resolve_duration(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 hour and 45 minutes", "1 hour, 45 minutes"),
        ("1 hour, and 45 minutes", "1 hour, 45 minutes"),
        ("1 hour 45 minutes", "1 hour, 45 minutes"),
        ("3 days, 2 hours", "3 days, 2 hours"),
    ],
)
def test_components_joined_by_commas_and_and_are_one_duration(text: str, expected: str) -> None:
    assert str(resolve_duration(text)) == expected
