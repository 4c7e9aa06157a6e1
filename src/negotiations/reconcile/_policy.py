"""A policy: the rules that weigh evidence, how trust is learned, and when a lead decides."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import frozen

from negotiations.errors import PolicyError
from negotiations.reconcile._rules import Rule, check_rule, default_rules


def _check_rules(
    instance: object, attribute: attrs.Attribute[tuple[Rule, ...]], rules: tuple[Rule, ...]
) -> None:
    if not isinstance(rules, tuple):
        raise PolicyError(f"Policy.rules must be a tuple, found {type(rules).__name__}")
    names: list[str] = []
    for rule in rules:
        check_rule(rule)
        names.append(rule.name)
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise PolicyError(
            f"rule names must be unique in a policy; repeated: {', '.join(duplicates)}"
        )


def _check_window(
    instance: object, attribute: attrs.Attribute[dt.timedelta], value: dt.timedelta
) -> None:
    if not isinstance(value, dt.timedelta) or not dt.timedelta(0) <= value <= _LONGEST_WINDOW:
        raise PolicyError(
            f"Policy.title_window must be a timedelta from 0 to {_LONGEST_WINDOW.days:,} days "
            f"(a window wider than the calendar cannot be placed on it), found {value!r}"
        )


#: The widest title window: a thousand years either side of a date.
_LONGEST_WINDOW = dt.timedelta(days=365_250)


def _check_trust(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, TrustModel):
        raise PolicyError(
            f"Policy.trust must be a TrustModel or None (no trust learned), "
            f"found {type(value).__name__}"
        )


def _in(low: float, high: float, *, low_open: bool = False, high_open: bool = False) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not (low < value if low_open else low <= value)
            or not (value < high if high_open else value <= high)
        ):
            left, right = "(" if low_open else "[", ")" if high_open else "]"
            raise PolicyError(
                f"{type(instance).__name__}.{attribute.name} must be a number in "
                f"{left}{low}, {high}{right}, found {value!r}"
            )

    return check


def _whole(low: int, high: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is not int or not low <= value <= high:
            raise PolicyError(
                f"{type(instance).__name__}.{attribute.name} must be a whole number in "
                f"{low}..{high}, found {value!r}"
            )

    return check


@frozen(kw_only=True)
class TrustModel:
    """How publishers' trust is learned from their agreement with the record.

    Each publisher starts at ``prior`` accuracy. Every round, each question that two
    or more publishers answer gives each of them the share of the evidence behind
    its answer (and behind answers compatible with it); a publisher's accuracy is
    that share averaged over its questions, smoothed towards the prior by
    ``smoothing`` pseudo-questions. Its vote is the log-odds of its accuracy, scaled
    so ``ceiling`` votes one unit. After ``rounds`` rounds, two publishers that gave the
    same answer the record finds unlikely on at least ``copy_min`` questions, covering
    at least ``copy_share`` of the mistakes of the one that errs less, are one copy
    group (Dong et al.'s insight: independent sources rarely make the same mistakes),
    and trust is learned again with each group counting once.

    ``twin_min`` (0: off; 50 by default) guards trust learning against copies the
    record cannot show (a bloc of copies that outvotes the rest makes the record its
    own, and copy detection then finds the *accurate* publishers sharing "mistakes"). Two
    publishers are *twins* when they give the very same answers on at least
    ``twin_share`` of the disputed questions (where two answers contradict each
    other) both answer, and on at least ``twin_min`` of them; twins are found without
    the record. Each publisher's agreement then leaves out its twins' origins as well
    as its own, so copies cannot vouch for each other. Twins only change learned
    trust: answers are still scored by origins and detected copy groups. Independent
    publishers agree on a disputed question only when both are right (or wrong
    alike), so being identical on 50 of them by chance takes agreeing on some 95 % or
    more of such questions each time (0.95 ** 50 < 0.08, 0.9 ** 50 < 0.006): twins at
    ``twin_min=50, twin_share=1.0`` are copies, or near-perfect publishers that lose
    only each other's vote.
    """

    prior: float = attrs.field(default=0.8, validator=_in(0.5, 1.0, low_open=True))
    smoothing: float = attrs.field(default=2.0, validator=_in(0.0, 1e6))
    rounds: int = attrs.field(default=8, validator=_whole(1, 100))
    # (A ceiling of 1 would be infinite log-odds: every vote would be zero over zero.)
    ceiling: float = attrs.field(
        default=0.99, validator=_in(0.5, 1.0, low_open=True, high_open=True)
    )
    copy_detection: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    copy_min: int = attrs.field(default=3, validator=_whole(1, 10**6))
    copy_share: float = attrs.field(default=0.5, validator=_in(0.0, 1.0, low_open=True))
    twin_min: int = attrs.field(default=50, validator=_whole(0, 10**6))
    twin_share: float = attrs.field(default=1.0, validator=_in(0.5, 1.0, low_open=True))


@frozen(kw_only=True)
class Policy:
    """The rules that weigh each claim (in order: each rule's contribution is what it
    changes of the weight the earlier ones gave), the learned-trust model (None: every
    publisher counts alike), ``margin``: the share of its own score by which an answer
    must lead every standing rival to be accepted (0.2: a rival with 80 % of its weight
    or more leaves both contested), and ``title_window``: how far around
    its date a title claim is taken to hold.

    >>> Policy().rule_names
    ('IndependentCorroboration', 'SourceTrust', 'ModalityRank', 'AfterEventOverBefore', 'FirstPartyStatements', 'SourceReliability')
    """

    rules: tuple[Rule, ...] = attrs.field(factory=default_rules, validator=_check_rules)
    trust: TrustModel | None = attrs.field(factory=TrustModel, validator=_check_trust)
    margin: float = attrs.field(default=0.2, validator=_in(0.0, 1.0))
    title_window: dt.timedelta = attrs.field(default=dt.timedelta(days=30), validator=_check_window)

    @property
    def rule_names(self) -> tuple[str, ...]:
        """The rules' names, in order."""
        return tuple(rule.name for rule in self.rules)

    def with_rule(self, rule: Rule, *, before: str | None = None) -> Policy:
        """A copy with ``rule`` added (at the end, or before the named rule)."""
        rules = list(self.rules)
        if before is not None and before not in self.rule_names:
            raise PolicyError(
                f"no rule named {before!r} in this policy: {', '.join(self.rule_names)}"
            )
        index = len(rules) if before is None else self.rule_names.index(before)
        rules.insert(index, rule)
        return attrs.evolve(self, rules=tuple(rules))

    def without(self, name: str) -> Policy:
        """A copy without the named rule."""
        if name not in self.rule_names:
            raise PolicyError(
                f"no rule named {name!r} in this policy: {', '.join(self.rule_names)}"
            )
        return attrs.evolve(self, rules=tuple(r for r in self.rules if r.name != name))

    def replace(self, rule: Rule) -> Policy:
        """A copy with the rule of the same name replaced (e.g. re-parameterised)."""
        if rule.name not in self.rule_names:
            raise PolicyError(
                f"no rule named {rule.name!r} in this policy: {', '.join(self.rule_names)}"
            )
        return attrs.evolve(
            self, rules=tuple(rule if r.name == rule.name else r for r in self.rules)
        )

    def to_data(self) -> dict[str, Any]:
        """The whole policy as plain data: every rule with its parameters, the trust model,
        the margin and the title window, so a run can be reproduced from its output."""
        from negotiations.serialize import unstructure

        def rule_data(rule: Rule) -> dict[str, Any]:
            parameters: dict[str, Any] = {}
            if attrs.has(type(rule)):
                parameters = {
                    name: unstructure(value)
                    if not isinstance(value, dict | type(attrs.NOTHING))
                    else value
                    for name, value in attrs.asdict(rule, recurse=False).items()  # type: ignore[arg-type]
                }
                parameters = {
                    k: (
                        {(m.value if hasattr(m, "value") else m): x for m, x in v.items()}
                        if hasattr(v, "items")
                        else v
                    )
                    for k, v in parameters.items()
                }
            return {"name": rule.name, "class": type(rule).__qualname__, "parameters": parameters}

        return {
            "rules": [rule_data(rule) for rule in self.rules],
            "trust": attrs.asdict(self.trust) if self.trust is not None else None,
            "margin": self.margin,
            "title_window_days": self.title_window.total_seconds() / 86400,
        }


def policy_from_data(data: Any, extra_rules: Mapping[str, type] | None = None) -> Policy:
    """The policy :meth:`Policy.to_data` wrote (the ``policy`` of a reconciliation's JSON),
    so a run can be reproduced from its own output plus the assertions.

    Built-in rules are known by class name; pass ``extra_rules`` ({class name: class})
    for custom ones. Anything else raises :class:`PolicyError` naming what is wrong.
    """
    from negotiations.reconcile import _rules

    known: dict[str, type] = {
        cls.__name__: cls
        for cls in (
            _rules.IndependentCorroboration,
            _rules.SourceTrust,
            _rules.ModalityRank,
            _rules.AfterEventOverBefore,
            _rules.FirstPartyStatements,
            _rules.SourceReliability,
        )
    }
    known.update(extra_rules or {})
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise PolicyError("policy data must be a mapping with a 'rules' list (Policy.to_data())")
    rules: list[Rule] = []
    for entry in data["rules"]:
        if not isinstance(entry, Mapping):
            raise PolicyError(f"a rule must be a mapping, found {type(entry).__name__}")
        cls = known.get(str(entry.get("class")))
        if cls is None:
            raise PolicyError(f"unknown rule class {entry.get('class')!r}: pass it in extra_rules")
        parameters = entry.get("parameters") or {}
        if not isinstance(parameters, Mapping):
            raise PolicyError(
                f"rule {entry.get('class')!r}: parameters must be a mapping, "
                f"found {type(parameters).__name__}"
            )
        try:
            # (ModalityRank reads its ranks' modality names itself.)
            rules.append(cls(**parameters))
        except TypeError as error:
            raise PolicyError(f"rule {entry.get('class')!r}: {error}") from None
    trust = data.get("trust")
    if trust is not None and not isinstance(trust, Mapping):
        # (Anything else read as "no trust" would silently turn trust learning off.)
        raise PolicyError(
            f"policy data: trust must be a mapping (TrustModel's fields) or null, "
            f"found {type(trust).__name__}"
        )
    days = data.get("title_window_days", 30)
    if isinstance(days, bool) or not isinstance(days, int | float) or not math.isfinite(days):
        raise PolicyError(f"policy data: title_window_days must be a number, found {days!r}")
    try:
        window = dt.timedelta(days=days)
    except OverflowError:
        raise PolicyError(f"policy data: title_window_days {days!r} is past the calendar") from None
    try:
        return Policy(
            rules=tuple(rules),
            trust=TrustModel(**trust) if trust is not None else None,
            margin=data.get("margin", 0.2),
            title_window=window,
        )
    except TypeError as error:
        raise PolicyError(f"policy data: {error}") from None


def default_policy() -> Policy:
    """The documented default policy (see docs/reconciliation.md)."""
    return Policy()
