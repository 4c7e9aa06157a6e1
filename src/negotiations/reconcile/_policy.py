"""A policy: the ordered provenance rules and the conflict model's parameters."""

from __future__ import annotations

import datetime as dt

import attrs
from attrs import frozen

from negotiations.errors import PolicyError
from negotiations.reconcile._rules import Rule, default_rules


def _check_rules(
    instance: object, attribute: attrs.Attribute[tuple[Rule, ...]], rules: tuple[Rule, ...]
) -> None:
    if not isinstance(rules, tuple):
        raise PolicyError(f"Policy.rules must be a tuple, found {type(rules).__name__}")
    names: list[str] = []
    for rule in rules:
        name = getattr(rule, "name", None)
        if not isinstance(rule, Rule) or not isinstance(name, str):
            raise PolicyError(
                f"{rule!r} does not implement the Rule protocol (name, prepare, compare)"
            )
        names.append(name)
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise PolicyError(
            f"rule names must be unique in a policy; repeated: {', '.join(duplicates)}"
        )


def _check_window(
    instance: object, attribute: attrs.Attribute[dt.timedelta], value: dt.timedelta
) -> None:
    if not isinstance(value, dt.timedelta) or value < dt.timedelta(0):
        raise PolicyError(f"Policy.title_window must be a non-negative timedelta, found {value!r}")


@frozen(kw_only=True)
class Policy:
    """Ordered rules (earlier rules decide first) plus ``title_window``: how far
    around its date a title claim is taken to hold when comparing it with others.

    >>> Policy().rule_names
    ('AfterEventOverBefore', 'FirstPartyStatements', 'ModalityRank', 'IndependentCorroboration', 'SourceReliability')
    """

    rules: tuple[Rule, ...] = attrs.field(factory=default_rules, validator=_check_rules)
    title_window: dt.timedelta = attrs.field(default=dt.timedelta(days=30), validator=_check_window)

    @property
    def rule_names(self) -> tuple[str, ...]:
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


def default_policy() -> Policy:
    """The documented default policy (see docs/reconciliation.md)."""
    return Policy()
