"""One reconciled seed corpus for the export tests."""

from __future__ import annotations

import pytest

import negotiations as ng
from negotiations.reconcile import Reconciliation


@pytest.fixture(scope="session")
def rec() -> Reconciliation:
    return ng.reconcile(ng.load_corpus())
