"""Rendering for people and downstream tools: sentences, HTML, flat records.

Everything here reads the public API (a :class:`~negotiations.Reconciliation`
and its corpus) and never changes it.
"""

from negotiations.display._labels import NOT_STATED, Labels, remember, short_id
from negotiations.display.records import (
    EVIDENCE_COLUMNS,
    VERDICT_COLUMNS,
    evidence_records,
    labels_of,
    verdict_records,
)
from negotiations.display.text import (
    LEGEND,
    answer_sentence,
    claim_sentence,
    conflict_groups,
    explain_markdown,
    explain_text,
    meetings_in_order,
    reconciliation_text,
    status_note,
    value_text,
    verdict_sentence,
)

__all__ = [
    "EVIDENCE_COLUMNS",
    "LEGEND",
    "NOT_STATED",
    "VERDICT_COLUMNS",
    "Labels",
    "answer_sentence",
    "claim_sentence",
    "conflict_groups",
    "evidence_records",
    "explain_markdown",
    "explain_text",
    "labels_of",
    "meetings_in_order",
    "reconciliation_text",
    "remember",
    "short_id",
    "status_note",
    "value_text",
    "verdict_records",
    "verdict_sentence",
]
