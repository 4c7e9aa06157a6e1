"""docs/claims.md runs as written (through the same runner as the other documentation)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.test_docs as docs


def test_bring_your_own_claims_runs_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # The page's paths are relative to a checkout, where a reader runs it.
    monkeypatch.chdir(Path(docs.ROOT))
    docs.check_page("docs/claims.md")
