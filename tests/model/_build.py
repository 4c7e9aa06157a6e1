"""One well-formed assertion to vary field by field, for the model's tests."""

from __future__ import annotations

from typing import Any

import negotiations as ng

ANCHOR = ng.TextAnchor(document=ng.DocumentId("doc"), exact="x", start=0, end=1)


def chair_assertion(**changes: Any) -> ng.Assertion:
    """'fidan chaired the meeting', as reported in ``doc``, with ``changes`` applied."""
    fields: dict[str, Any] = {
        "source": ng.SourceId("doc"),
        "subject": ng.EntityId("meeting"),
        "predicate": ng.Predicate.CHAIR,
        "value": ng.ActorValue(actor=ng.ActorId("fidan")),
        "evidence": ANCHOR,
        "modality": ng.Modality.REPORTED,
    }
    fields.update(changes)
    return ng.Assertion.create(**fields)
