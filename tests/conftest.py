"""Shared test setup: hypothesis profiles and the seed corpus, loaded once."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

import negotiations as ng

settings.register_profile("fast", max_examples=30, deadline=None)
settings.register_profile(
    "thorough", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True)
# Mutation runs (benchmarks/mutation.py): the same examples for every mutant, and no
# example database, so a mutant's failing input is not replayed against the next one.
settings.register_profile(
    "mutation", max_examples=30, deadline=None, derandomize=True, database=None
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


@pytest.fixture(scope="session")
def seed_corpus() -> ng.Corpus:
    return ng.load_corpus()


@pytest.fixture(scope="session")
def seed_reconciliation(seed_corpus: ng.Corpus) -> ng.Reconciliation:
    return ng.reconcile(seed_corpus)
