"""Progress reports: every claim counted once, in order, ending at the total."""

from __future__ import annotations

import negotiations as ng
from negotiations.testing import scale_input


def test_progress_counts_up_to_every_claim_and_changes_no_verdict() -> None:
    data = scale_input(500, seed=2)
    assertions = data.build()
    calls: list[tuple[int, int]] = []
    with_bar = ng.reconcile(
        assertions, registry=data.registry, progress=lambda d, t: calls.append((d, t))
    )
    assert calls
    totals = {total for _, total in calls}
    assert len(totals) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert done[-1] == totals.pop()
    assert len(set(done)) == len(done)
    assert with_bar.to_json() == ng.reconcile(assertions, registry=data.registry).to_json()
