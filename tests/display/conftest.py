"""One reconciled seed corpus for the display tests (loading it takes a moment)."""

from __future__ import annotations

import pytest

import negotiations as ng
from negotiations.reconcile import Reconciliation


@pytest.fixture(scope="session")
def corpus() -> ng.Corpus:
    return ng.load_corpus()


@pytest.fixture(scope="session")
def rec(corpus: ng.Corpus) -> Reconciliation:
    return ng.reconcile(corpus)
