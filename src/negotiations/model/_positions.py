"""Stances: what an actor demands, proposes, accepts or rejects, on which issue."""

from __future__ import annotations

import enum

import attrs
from attrs import frozen

from negotiations.model import _validators as v
from negotiations.model._actors import Actor, Organization, Person, State
from negotiations.model._ids import AssertionId
from negotiations.model._time import PartialDate


class Issue(enum.Enum):
    CEASEFIRE = "ceasefire"
    TERRITORY = "territory"
    ROOT_CAUSES = "root_causes"
    SECURITY_GUARANTEES = "security_guarantees"
    PRISONER_EXCHANGE = "prisoner_exchange"
    DEMILITARISATION = "demilitarisation"
    DENAZIFICATION = "denazification"
    NEGOTIATIONS = "negotiations"
    PEACE_AGREEMENT = "peace_agreement"
    SANCTIONS = "sanctions"
    WEAPONS_WITHDRAWAL = "weapons_withdrawal"
    CEASEFIRE_MONITORING = "ceasefire_monitoring"
    LEADERS_SUMMIT = "leaders_summit"
    THIRD_PARTY_PARTICIPATION = "third_party_participation"
    OTHER = "other"


class Stance(enum.Enum):
    """PLOVER/CAMEO-style stance categories."""

    DEMAND = "demand"
    PROPOSE = "propose"
    ACCEPT = "accept"
    SUPPORT = "support"
    CONCEDE = "concede"
    REJECT = "reject"
    OPPOSE = "oppose"

    @property
    def favourable(self) -> bool:
        """Whether the stance is for (rather than against) the issue's terms."""
        return self not in (Stance.REJECT, Stance.OPPOSE)


@frozen(kw_only=True)
class Position:
    """A reconciled position: holder, issue, stance, terms, and the assertions behind it."""

    holder: Actor = attrs.field(validator=v.instance_of(Person, Organization, State))
    issue: Issue = attrs.field(validator=v.instance_of(Issue))
    stance: Stance = attrs.field(validator=v.instance_of(Stance))
    terms: tuple[str, ...] = attrs.field(default=(), validator=v.collection_of(tuple, v.text))
    evidence: tuple[AssertionId, ...] = attrs.field(
        default=(), validator=v.collection_of(tuple, v.identifier)
    )
    #: When the position was first stated, as far as the evidence dates it.
    stated_at: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
