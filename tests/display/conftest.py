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


@pytest.fixture(scope="session")
def undecided(corpus: ng.Corpus) -> Reconciliation:
    """A policy without rules: every conflict in the evidence stays contested."""
    return ng.reconcile(corpus, ng.Policy(rules=()))
