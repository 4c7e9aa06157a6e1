"""One verdict in words, for a reader: the display layer's account, callable without a
:class:`~negotiations.Reconciliation` at hand."""

from __future__ import annotations

from collections.abc import Mapping

from negotiations.model import Registry, Source, SourceId
from negotiations.reconcile._verdicts import Verdict


def explain_verdict(
    verdict: Verdict,
    registry: Registry | None = None,
    sources: Mapping[SourceId, Source] | None = None,
    *,
    ids: bool = False,
) -> str:
    """The answer in words, the evidence (quotes with outlet or report and date), then
    the reasons, naming actors, offices and places from ``registry`` and outlets and
    dates from ``sources`` (ids, when neither knows them). ``ids=True`` puts each id
    beside its name."""
    from negotiations.display import Labels
    from negotiations.display.text import explain_text
    from negotiations.reconcile._result import Reconciliation

    alone = Reconciliation(verdicts=(verdict,), registry=registry, sources=sources)
    return explain_text((verdict,), Labels(alone, ids=ids))
