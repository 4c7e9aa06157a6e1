"""A document cannot report as done what happened after it was published.

When a report says an event *was held* and dates it after the report's own
publication date, one of the two dates is wrong: most often a weekday resolved
forward instead of back ("on Thursday" in a Wednesday article about a past
meeting), or a publication date taken from the wrong line. Reconciliation would
weigh the wrong date silently, so the loader refuses it, with the line to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from negotiations.errors import ChronologyError
from negotiations.model import (
    Assertion,
    DateValue,
    MeetingStatus,
    Modality,
    Polarity,
    Source,
    SourceId,
    StatusValue,
)

#: Modalities that state a fact as done (not expected, claimed by a party, or guessed).
FACTUAL = frozenset({Modality.REPORTED, Modality.CONFIRMED})
#: A day's grace: a report dated in a time zone behind the event's may carry the
#: previous day's date (an evening article in Washington about a morning in Istanbul).
GRACE = dt.timedelta(days=1)


def reported_after_publication(
    located: Iterable[tuple[Assertion, str, int]], sources: Mapping[SourceId, Source]
) -> Iterator[ChronologyError]:
    """A problem for each date of an event its own document reports as held (factual,
    positive) that begins more than a day after the document's publication date ends."""
    located = list(located)
    held = {
        (a.source, a.subject): line
        for a, _, line in located
        if a.predicate == "status"
        and isinstance(a.value, StatusValue)
        and a.value.status is MeetingStatus.HELD
        and a.polarity is Polarity.POSITIVE
        and a.modality in FACTUAL
    }
    for assertion, file, line in located:
        value = assertion.value
        if (
            assertion.predicate != "date"
            or assertion.polarity is not Polarity.POSITIVE
            or not isinstance(value, DateValue)
            or value.expression.value is None
        ):
            continue
        held_line = held.get((assertion.source, assertion.subject))
        source = sources.get(assertion.source)
        if held_line is None or source is None or source.published is None:
            continue
        published = source.published.value
        try:
            late = value.expression.value.span()[0] >= published.latest() + GRACE
        except OverflowError:  # published on the calendar's last days: nothing lies after
            continue
        if late:
            yield ChronologyError(
                f"{assertion.subject} is reported as held (line {held_line}) on "
                f"{value.expression.text!r} = {value.expression.value.isoformat()}, after the "
                f"document was published ({published.isoformat()}); check how the date was "
                "resolved, or the publication date",
                file=file,
                line=line,
                expected="the publication date or earlier (a day's grace for time zones)",
                found=value.expression.value.isoformat(),
            )
