"""Regression tests for the logic defects the code review of issue 12 found.

Each test failed on the code the review read (before the fixes on main) and states
the behaviour the fix promises.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

import negotiations as ng
from negotiations.corpus import resolve_duration
from negotiations.errors import NegotiationsError, UnresolvableDateError
from negotiations.reconcile._claims import form_claims
from tests.reconcile._build import actor, say

M = ng.Modality
P = ng.Predicate


@pytest.mark.parametrize(
    "make",
    [
        ng.Policy,
        ng.Context,
        ng.ModalityRank,
        lambda: ng.SourceReliability(weights={"source:s1": 2.0, "outlet:tass": 0.5}),
        lambda: ng.Context(source_outlets={ng.SourceId("s"): ng.ActorId("tass")}),
    ],
)
def test_policies_rules_and_contexts_are_values_usable_as_keys(make: Any) -> None:
    # Frozen but holding dicts, these used to raise TypeError on hash().
    first, second = make(), make()
    assert first == second
    assert hash(first) == hash(second)
    assert len({first, second}) == 1


def test_read_only_mappings_cannot_be_changed_in_place() -> None:
    reliability = ng.SourceReliability(weights={"source:s1": 2.0})
    with pytest.raises(TypeError):
        reliability.weights["source:s2"] = 3.0  # type: ignore[index]
    ranks = ng.ModalityRank()
    with pytest.raises(TypeError):
        ranks.ranks[M.REPORTED] = 0.0  # type: ignore[index]


def test_a_rule_whose_methods_take_the_wrong_arguments_is_refused_when_the_policy_is_built() -> (
    None
):
    class Misnamed:
        """Has the protocol's attribute names, with the wrong method signatures."""

        name = "Misnamed"

        def prepare(self) -> None: ...

        def weigh(self) -> ng.Weight:
            return ng.Weight(1.0, "")

    with pytest.raises(ng.PolicyError, match="Misnamed"):
        ng.Policy(rules=(Misnamed(),))  # type: ignore[arg-type]


@pytest.mark.parametrize("bare", ["s1", "tass", "quoted_person"])
def test_a_reliability_weight_must_say_whether_it_is_a_source_an_outlet_or_a_speaker(
    bare: str,
) -> None:
    # A bare id used to apply to source:, outlet: and quoted: alike.
    with pytest.raises(ng.PolicyError, match="must be 'source:<id>'"):
        ng.SourceReliability(weights={bare: 2.0})


def test_a_source_weight_and_an_outlet_weight_of_the_same_id_reach_different_claims() -> None:
    # Source "tass" is TASS's own report; source "other" is published by the outlet tass.
    context = ng.Context(source_outlets={ng.SourceId("other"): ng.ActorId("tass")})
    own, republished = form_claims(
        [
            say("talks", P.CHAIR, actor("a"), source="tass"),
            say("talks", P.CHAIR, actor("b"), source="other"),
        ],
        context,
        dt.timedelta(days=30),
    )
    assert own.assertion.source == "tass"

    def factors(key: str) -> tuple[float, float]:
        rule = ng.SourceReliability(weights={key: 3.0})
        return tuple(rule.weigh(c, None, context).factor for c in (own, republished))  # type: ignore[return-value]

    assert factors("source:tass") == (3.0, 1.0)
    assert factors("outlet:tass") == (1.0, 3.0)


def test_the_json_output_records_every_rule_parameter_the_trust_model_margin_and_window() -> None:
    policy = ng.Policy(
        margin=0.25,
        title_window=dt.timedelta(days=10),
        trust=ng.TrustModel(prior=0.7, rounds=3),
    ).replace(ng.SourceReliability(weights={"source:s1": 2.0}))
    data = [say("talks", P.CHAIR, actor("a"), source="s1")]
    recorded = json.loads(ng.reconcile(data, policy).to_json())["policy"]
    assert recorded == policy.to_data()
    assert recorded["margin"] == 0.25
    assert recorded["title_window_days"] == 10
    assert (recorded["trust"]["prior"], recorded["trust"]["rounds"]) == (0.7, 3)
    rules = {rule["name"]: rule for rule in recorded["rules"]}
    assert list(rules) == list(policy.rule_names)
    assert rules["SourceReliability"]["parameters"]["weights"] == {"source:s1": 2.0}
    assert rules["ModalityRank"]["parameters"]["ranks"] == {
        m.value: w for m, w in ng.ModalityRank().ranks.items()
    }


def test_a_date_that_cannot_be_resolved_is_a_negotiations_error() -> None:
    assert issubclass(UnresolvableDateError, NegotiationsError)
    with pytest.raises(NegotiationsError):
        resolve_duration("a while")


@pytest.mark.parametrize(
    ("text", "bound"),
    [("at least two hours", ng.Bound.AT_LEAST), ("at most two hours", ng.Bound.AT_MOST)],
)
def test_at_least_and_at_most_keep_their_at(text: str, bound: ng.Bound) -> None:
    # A leading "at" used to be stripped as if it were "at 10:00", so these raised.
    duration = resolve_duration(text)
    assert (duration.hours, duration.bound) == (2, bound)
