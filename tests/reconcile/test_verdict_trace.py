"""A verdict's trace: the contributions in words unless the verdict was given its own.

The engine does not store the steps (they are derived when read, so a large run does
not hold each one twice); a trace given at construction, as a user or a loaded JSON
file may give one, is kept and written back.
"""

from __future__ import annotations

import attrs
from hypothesis import given

import negotiations as ng
from negotiations.reconcile import Contribution, TraceStep, VerdictStatus
from negotiations.reconcile._claims import ClaimKey
from negotiations.testing import reconciliation_inputs
from tests.reconcile.test_laws import run

CONTRIBUTIONS = (
    Contribution(rule="ModalityRank", answer="talks city Istanbul", amount=0.5, reason="confirmed"),
    Contribution(rule="SourceTrust", answer="talks city Ankara", amount=-0.25, reason="one report"),
)


def _verdict(**extra: object) -> ng.Verdict:
    return ng.Verdict(
        key=ClaimKey(subject="talks", predicate="city"),
        status=VerdictStatus.ACCEPTED,
        value=None,
        positive=True,
        supporting=(),
        opposing=(),
        sides=(),
        contributions=CONTRIBUTIONS,
        **extra,  # type: ignore[arg-type]
    )


def test_the_trace_states_each_contribution_in_words() -> None:
    assert _verdict().trace == (
        TraceStep(
            rule="ModalityRank", decision="+0.50 for talks city Istanbul", reason="confirmed"
        ),
        TraceStep(rule="SourceTrust", decision="-0.25 for talks city Ankara", reason="one report"),
    )


def test_a_trace_given_equal_to_the_derived_one_is_the_same_verdict() -> None:
    derived = _verdict()
    given_steps = _verdict(trace=derived.trace)
    assert given_steps == derived
    assert hash(given_steps) == hash(derived)


def test_a_trace_of_its_own_is_kept_compared_and_written() -> None:
    own = (TraceStep(rule="Curator", decision="kept Istanbul", reason="see the note"),)
    verdict = _verdict(trace=own)
    assert verdict.trace == own
    assert verdict != _verdict()
    assert ng.from_json(ng.to_json(verdict), ng.Verdict) == verdict
    assert '"decision": "kept Istanbul"' in ng.to_json(verdict, indent=1)
    # An empty trace given on purpose is a trace of its own too.
    assert _verdict(trace=()).trace == ()
    assert ng.from_json(ng.to_json(_verdict(trace=())), ng.Verdict).trace == ()


def test_evolve_keeps_a_derived_trace_derived() -> None:
    changed = attrs.evolve(_verdict(), contributions=CONTRIBUTIONS[:1])
    assert len(changed.trace) == 1


@given(reconciliation_inputs())
def test_the_written_trace_is_the_derived_one(assertions: list[ng.Assertion]) -> None:
    for verdict in run(assertions).verdicts:
        data = ng.serialize.unstructure(verdict)
        assert [step["rule"] for step in data["trace"]] == [c.rule for c in verdict.contributions]
        assert "_trace" not in data
