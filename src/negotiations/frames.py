"""pandas DataFrames: one row per item, ids beside names (needs the ``pandas`` extra).

=================  =====================================================================
function           one row per
=================  =====================================================================
``assertions``     assertion (what one report states, in its exact words)
``verdicts``       verdict (the reconciled answer to one question)
``terms``          accepted office holding (holder, office, the span its evidence covers)
``delegations``    person in a meeting's delegation (head or member)
``positions``      accepted position (holder, issue, stance)
=================  =====================================================================

Each function's ``COLUMNS`` mapping (e.g. :data:`ASSERTION_COLUMNS`) names and
explains its columns, in order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from negotiations._extras import MissingExtraError, require
from negotiations.corpus import Corpus
from negotiations.display import Labels
from negotiations.display.records import VERDICT_COLUMNS, value_id, verdict_records
from negotiations.display.text import evidence_quote, meetings_in_order, value_text
from negotiations.reconcile import Reconciliation

require("pandas", "pandas", "negotiations.frames")  # fail at import, naming the extra


if TYPE_CHECKING:
    import pandas


def _pandas() -> Any:
    return require("pandas", "pandas", "negotiations.frames")


ASSERTION_COLUMNS: dict[str, str] = {
    "assertion_id": "the assertion's content id",
    "source_id": "the report's id",
    "source": "outlet (or report number) and publication date",
    "published": "the report's publication date (ISO), None when unknown",
    "subject_id": "id of what the assertion is about",
    "subject": "its name",
    "predicate": "what is asserted (holds_office, date, member, ...)",
    "value_id": "id of the value when it is an actor, place, office or event, else None",
    "value": "the value in words",
    "positive": "False for a denial or a negative ('did not attend')",
    "modality": "expected, reported, confirmed, claimed, speculated or denied",
    "quoted_id": "id of the person or body the report quotes, else None",
    "quoted": "their name",
    "title": "the title as written, for office holdings",
    "quote": "the exact words of the report",
}

TERM_COLUMNS: dict[str, str] = {
    "holder_id": "the office holder's id",
    "holder": "their name",
    "office_id": "the office's id",
    "office": "its name",
    "start": "start of the span the evidence covers (ISO), None when open",
    "end": "end of that span (ISO), None when open",
    "evidence": "how many assertions support the holding",
}

DELEGATION_COLUMNS: dict[str, str] = {
    "meeting_id": "the meeting's id",
    "meeting": "its name",
    "date": "its date (ISO), None when unknown",
    "delegation_id": "the delegation's id",
    "party_id": "the party it represents",
    "party": "the party's name",
    "person_id": "the member's id",
    "person": "the member's name",
    "role": "head or member",
    "titles": "the offices the person held on the day ('; '-separated), '' when unknown",
}

POSITION_COLUMNS: dict[str, str] = {
    "holder_id": "who holds the position",
    "holder": "their name",
    "issue": "what it is about (ceasefire, territory, ...)",
    "stance": "demand, propose, accept, support, concede, reject or oppose",
    "terms": "every wording of the terms, '; '-separated",
    "stated_at": "when the position was first stated (ISO), None when undated",
    "evidence": "how many assertions support it",
}


def _frame(rows: Sequence[Mapping[str, object]], columns: Mapping[str, str]) -> pandas.DataFrame:
    frame: pandas.DataFrame = _pandas().DataFrame(rows, columns=list(columns))
    return frame


def assertions(corpus: Corpus) -> pandas.DataFrame:
    """Every assertion of the corpus; see :data:`ASSERTION_COLUMNS`."""
    labels = Labels(corpus)
    rows = []
    for a in corpus.assertions:
        published = labels.published(a.source)
        vid = value_id(a.value)
        quoted = a.attribution.quoted
        rows.append(
            {
                "assertion_id": a.id,
                "source_id": a.source,
                "source": labels.source(a.source),
                "published": str(published) if published is not None else None,
                "subject_id": a.subject,
                "subject": labels.plain(a.subject),
                "predicate": str(getattr(a.predicate, "value", a.predicate)),
                "value_id": vid or None,
                "value": value_text(a.value, labels),
                "positive": a.is_positive,
                "modality": a.modality.value,
                "quoted_id": quoted,
                "quoted": labels.plain(quoted) if quoted else None,
                "title": a.qualifiers.title,
                "quote": evidence_quote(a),
            }
        )
    return _frame(rows, ASSERTION_COLUMNS)


def verdicts(rec: Reconciliation) -> pandas.DataFrame:
    """Every verdict, with name columns beside the ids; see
    :data:`negotiations.display.VERDICT_COLUMNS`."""
    return _frame(list(verdict_records(rec.verdicts, Labels(rec))), VERDICT_COLUMNS)


def terms(rec: Reconciliation) -> pandas.DataFrame:
    """Accepted office holdings; see :data:`TERM_COLUMNS`."""
    labels = Labels(rec)
    rows = []
    for term in rec.terms():
        rows.append(
            {
                "holder_id": term.holder,
                "holder": labels.plain(term.holder),
                "office_id": term.office,
                "office": labels.plain(term.office),
                "start": str(term.valid.start) if term.valid.start is not None else None,
                "end": str(term.valid.end) if term.valid.end is not None else None,
                "evidence": len(term.evidence),
            }
        )
    return _frame(rows, TERM_COLUMNS)


def delegations(rec: Reconciliation) -> pandas.DataFrame:
    """Each person in each reconciled delegation, meetings in date order; see
    :data:`DELEGATION_COLUMNS`."""
    rows = []
    for meeting in meetings_in_order(rec):
        for delegation in meeting.delegations:
            people = [(delegation.head, "head")] if delegation.head is not None else []
            people += [(m, "member") for m in delegation.members]
            for person, role in people:
                assert person is not None
                titles = (
                    "; ".join(o.name for o in rec.offices(person, at=meeting.date))
                    if meeting.date is not None
                    else ""
                )
                rows.append(
                    {
                        "meeting_id": meeting.id,
                        "meeting": meeting.name,
                        "date": str(meeting.when) if meeting.when is not None else None,
                        "delegation_id": delegation.id,
                        "party_id": delegation.party.id,
                        "party": delegation.party.name,
                        "person_id": person.id,
                        "person": person.name,
                        "role": role,
                        "titles": titles,
                    }
                )
    return _frame(rows, DELEGATION_COLUMNS)


def positions(rec: Reconciliation) -> pandas.DataFrame:
    """Accepted positions; see :data:`POSITION_COLUMNS`."""
    rows = [
        {
            "holder_id": p.holder.id,
            "holder": p.holder.name,
            "issue": p.issue.value,
            "stance": p.stance.value,
            "terms": "; ".join(p.terms),
            "stated_at": str(p.stated_at) if p.stated_at is not None else None,
            "evidence": len(p.evidence),
        }
        for p in rec.positions
    ]
    return _frame(rows, POSITION_COLUMNS)


__all__ = [
    "ASSERTION_COLUMNS",
    "DELEGATION_COLUMNS",
    "POSITION_COLUMNS",
    "TERM_COLUMNS",
    "VERDICT_COLUMNS",
    "MissingExtraError",
    "assertions",
    "delegations",
    "positions",
    "terms",
    "verdicts",
]
