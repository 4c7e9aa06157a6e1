"""Flat records (one dict per item, ids beside labels) for CSV, JSON and DataFrames.

Machine output always carries the id *and* the label of everything it names, as
Wikidata and FollowTheMoney carry a label or caption beside every id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from negotiations.display._labels import Labels
from negotiations.display.text import (
    answer_sentence,
    conflict_groups,
    deciding_rule,
    evidence_quote,
    status_note,
    value_text,
    verdict_sentence,
)
from negotiations.model import (
    ActorValue,
    Assertion,
    EventValue,
    OfficeValue,
    PlaceValue,
)
from negotiations.reconcile import Reconciliation, Verdict

#: Columns of :func:`verdict_records`, in order, with what each holds.
VERDICT_COLUMNS: dict[str, str] = {
    "status": "accepted, rejected, contested or unconfirmed",
    "sentence": "the answer and why, in words",
    "subject_id": "id of what the question is about",
    "subject": "its name",
    "predicate": "the predicate asked about",
    "value_id": "id of the answer's value (actor, place, office, event), else empty",
    "value": "the value in words",
    "positive": "False when the answer that stands is a negative one",
    "scope": "the era a time-qualified question is about (start/end), else empty",
    "supporting_reports": "how many reports support the answer",
    "opposing_reports": "how many reports oppose it",
    "decided_by": "the rule that contributed most to settling a conflict, else empty",
    "conflict": "an id shared by the verdicts that weigh the same conflicting evidence",
}

#: Columns of :func:`evidence_records`.
EVIDENCE_COLUMNS: dict[str, str] = {
    "question": "the verdict's question (subject predicate [value] [@scope], ids)",
    "answer": "the verdict's answer in words",
    "role": "supporting or opposing",
    "assertion_id": "the assertion's content id",
    "source_id": "the report's id",
    "source": "outlet (or report number) and publication date",
    "published": "publication date (ISO), empty when unknown",
    "modality": "how firmly the report puts it",
    "positive": "False for a denial",
    "quote": "the exact words of the report",
    "says": "the assertion in words",
}


def value_id(value: object) -> str:
    """The id inside a value that refers to a registry entry, else ''."""
    if isinstance(value, ActorValue):
        return value.actor
    if isinstance(value, PlaceValue):
        return value.place
    if isinstance(value, OfficeValue):
        return value.office
    if isinstance(value, EventValue):
        return value.event
    return ""


def verdict_records(verdicts: Iterable[Verdict], labels: Labels) -> Iterator[dict[str, object]]:
    """One record per verdict, ids beside labels; see :data:`VERDICT_COLUMNS`."""
    verdicts = tuple(verdicts)
    group_of: dict[int, str] = {}
    for group in conflict_groups(v for v in verdicts if v.conflicted):
        name = str(group[0].key)
        for verdict in group:
            group_of[id(verdict)] = name
    for verdict in verdicts:
        key = verdict.key
        value = verdict.value
        yield {
            "status": verdict.status.value,
            "sentence": verdict_sentence(verdict, labels),
            "subject_id": key.subject,
            "subject": labels.plain(key.subject),
            "predicate": key.predicate,
            "value_id": value_id(value) if value is not None else key.value,
            "value": value_text(value, labels) if value is not None else "",
            "positive": verdict.positive,
            "scope": key.scope if key.scope != "undated" else "",
            "supporting_reports": len({a.source for a in verdict.supporting}),
            "opposing_reports": len({a.source for a in verdict.opposing}),
            "decided_by": (deciding_rule(verdict) or "") if verdict.opposing else "",
            "conflict": group_of.get(id(verdict), ""),
        }


def assertion_says(assertion: Assertion, labels: Labels) -> str:
    from negotiations.display.text import claim_sentence

    return claim_sentence(
        assertion.subject, assertion.predicate, assertion.value, assertion.is_positive, labels
    )


def evidence_records(verdicts: Iterable[Verdict], labels: Labels) -> Iterator[dict[str, object]]:
    """One record per piece of evidence of each verdict; see :data:`EVIDENCE_COLUMNS`."""
    for verdict in verdicts:
        answer = f"{answer_sentence(verdict, labels)} ({status_note(verdict)})"
        for role, items in (("supporting", verdict.supporting), ("opposing", verdict.opposing)):
            for assertion in items:
                published = labels.published(assertion.source)
                yield {
                    "question": str(verdict.key),
                    "answer": answer,
                    "role": role,
                    "assertion_id": assertion.id,
                    "source_id": assertion.source,
                    "source": labels.source(assertion.source),
                    "published": str(published) if published is not None else "",
                    "modality": assertion.modality.value,
                    "positive": assertion.is_positive,
                    "quote": evidence_quote(assertion),
                    "says": assertion_says(assertion, labels),
                }


def labels_of(rec: Reconciliation, labels: Labels) -> dict[str, str]:
    """Every id the verdicts mention, with its label (for JSON beside the ids)."""
    found: dict[str, str] = {}
    for verdict in rec.verdicts:
        ids = [verdict.key.subject]
        if verdict.value is not None:
            ids.append(value_id(verdict.value))
        for assertion in (*verdict.supporting, *verdict.opposing):
            ids += [assertion.subject, value_id(assertion.value), assertion.source]
            ids += [assertion.attribution.quoted or "", assertion.attribution.on_behalf_of or ""]
            source = labels.source_of(assertion.source)
            if source is not None and source.outlet:
                ids.append(source.outlet)
        for identifier in ids:
            if identifier and identifier not in found:
                label = labels.plain(identifier)
                if label == identifier and labels.source_of(identifier) is not None:
                    label = labels.source(identifier)
                found[identifier] = label
    return dict(sorted(found.items()))
