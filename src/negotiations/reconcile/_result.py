"""The outcome of reconciliation: verdicts, and the reconciled views built from them."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import IO, Any

import attrs
from attrs import frozen

from negotiations.errors import (
    ModelError,
    NegotiationsError,
    ReconciliationError,
    UnknownNameError,
    UnknownPredicateError,
)
from negotiations.model import (
    Actor,
    ActorId,
    ActorValue,
    Assertion,
    DateRange,
    DateValue,
    Delegation,
    DelegationId,
    DurationValue,
    EventKind,
    Meeting,
    ModeValue,
    Office,
    OfficeId,
    OfficeTerm,
    PartialDate,
    PlaceValue,
    Position,
    PositionValue,
    Predicate,
    Registry,
    Source,
    SourceId,
    StatusValue,
    Value,
    Vocabulary,
    time_contains,
)
from negotiations.model._values import ID_VALUE_TYPES
from negotiations.reconcile._claims import ClaimKey
from negotiations.reconcile._context import named_ids
from negotiations.reconcile._policy import Policy
from negotiations.reconcile._verdicts import Verdict, VerdictStatus

P = Predicate


@frozen(kw_only=True, repr=False)
class Reconciliation:
    """Every verdict, plus views that read the accepted ones as model objects."""

    verdicts: tuple[Verdict, ...]
    policy: Policy = attrs.field(factory=Policy, eq=False, repr=False)
    registry: Registry | None = attrs.field(default=None, eq=False, repr=False)
    sources: Mapping[SourceId, Source] | None = attrs.field(default=None, eq=False, repr=False)
    #: What was reconciled, when it was a corpus (displays show quotes in their sentences).
    corpus: Any = attrs.field(default=None, eq=False, repr=False)
    _index: dict[tuple[str, str], list[Verdict]] = attrs.field(init=False, eq=False, repr=False)
    #: The subjects and predicates of the verdicts (a lookup is then O(1), not a scan).
    _subjects: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    _predicates: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str, str], list[Verdict]] = defaultdict(list)
        for verdict in self.verdicts:
            index[(verdict.key.subject, verdict.key.predicate)].append(verdict)
        object.__setattr__(self, "_index", dict(index))
        object.__setattr__(self, "_subjects", frozenset(key[0] for key in index))
        object.__setattr__(
            self, "_predicates", frozenset(Vocabulary.builtin().names) | {key[1] for key in index}
        )

    @property
    def policy_rules(self) -> tuple[str, ...]:
        """The names of the policy's rules, in order."""
        return self.policy.rule_names

    # -- verdict access ------------------------------------------------------
    @property
    def conflicts(self) -> tuple[Verdict, ...]:
        """Verdicts where evidence disagreed, whether the rules settled it or not."""
        return tuple(v for v in self.verdicts if v.conflicted)

    @property
    def contested(self) -> tuple[Verdict, ...]:
        """Verdicts the rules could not decide."""
        return tuple(v for v in self.verdicts if v.status is VerdictStatus.CONTESTED)

    def __repr__(self) -> str:
        return f"<Reconciliation: {len(self.verdicts)} verdicts, {len(self.contested)} contested>"

    def about(
        self, subject: Actor | str, predicate: Predicate | str | None = None
    ) -> tuple[Verdict, ...]:
        """Verdicts about a subject (an actor, an id or any name the registry knows),
        optionally of one predicate; a misspelled predicate raises with close matches."""
        sid = self._subject_id(subject)
        pred = self._predicate_name(predicate) if predicate is not None else None
        if pred is not None:
            return tuple(self._index.get((sid, pred), ()))
        return tuple(v for v in self.verdicts if v.key.subject == sid)

    def concerning(
        self, name: Actor | str, predicate: Predicate | str | None = None
    ) -> tuple[Verdict, ...]:
        """The verdicts about ``name`` (:meth:`about`) or, when there are none, those
        whose answer is that actor ("Zelenskyy participant": did Zelenskyy attend an
        event?), as ``negotiations explain`` finds them."""
        found = self.about(name, predicate)
        if found or self.registry is None:
            return found
        try:
            actor = name.id if not isinstance(name, str) else self.registry.actor(name).id
        except NegotiationsError:
            return ()
        pred = self._predicate_name(predicate) if predicate is not None else None
        return tuple(
            v
            for v in self.verdicts
            if (pred is None or v.key.predicate == pred)
            and (
                v.key.value == actor
                or (isinstance(v.value, ID_VALUE_TYPES) and v.value.key() == actor)
            )
        )

    def verdict(self, subject: Actor | str, predicate: Predicate | str) -> Verdict | None:
        """The verdict of a single-valued question (e.g. a meeting's date)."""
        found = self.about(subject, predicate)
        return found[0] if len(found) == 1 else None

    def _predicate_name(self, predicate: Predicate | str) -> str:
        name = str(predicate)
        if name not in self._predicates:
            known = self._predicates
            close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
            raise UnknownPredicateError(name, close)
        return name

    def _subject_id(self, subject: Actor | str) -> str:
        if not isinstance(subject, str):
            found = getattr(subject, "id", None)
            if not isinstance(found, str):
                raise ReconciliationError(
                    f"expected a subject's id or name, or an Actor; found {type(subject).__name__}"
                )
            return found
        if subject in self._subjects:
            return subject
        # A name a claim table wrote for a subject it folded ("Istanbul talks 2025"):
        # looked up only when the text is no subject id (a table's names are few
        # beside its rows, and an unknown subject is rare).
        named = named_ids(self.corpus) or {}
        by_name = [ident for ident, name in named.items() if name == subject]
        by_name = [ident for ident in by_name if ident in self._subjects]
        if len(by_name) == 1:
            return by_name[0]
        if self.registry is not None:
            try:
                return self.registry.actor(subject).id
            except UnknownNameError as not_an_actor:
                try:
                    return self.registry.event(subject).id
                except UnknownNameError:
                    raise not_an_actor from None  # keep the actor suggestions
        return subject

    # -- views ---------------------------------------------------------------
    def _need_registry(self) -> Registry:
        if self.registry is None:
            raise NegotiationsError(
                "this view needs a registry (actors, places, offices, events): reconcile a "
                "Corpus, or pass registry= to reconcile()"
            )
        return self.registry

    def _accepted(self, subject: str, predicate: Predicate) -> list[Value]:
        return [
            v.value
            for v in self._index.get((subject, predicate.value), ())
            if v.status is VerdictStatus.ACCEPTED and v.positive and v.value is not None
        ]

    def _actor(self, value: Value) -> Actor | None:
        registry = self._need_registry()
        return registry.actor(value.actor) if isinstance(value, ActorValue) else None

    def _actors(self, values: Iterable[Value]) -> tuple[Actor, ...]:
        found = (self._actor(v) for v in values)
        return tuple(sorted((a for a in found if a is not None), key=lambda a: a.id))

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """Reconciled meetings: each field from accepted verdicts only."""
        registry = self._need_registry()
        return tuple(self.meeting(e.id) for e in registry.events if e.kind is EventKind.MEETING)

    def meeting(self, name: str) -> Meeting:
        """The reconciled meeting ``name`` (an event id or name): each field from accepted verdicts."""
        registry = self._need_registry()
        event = registry.event(name)

        def one(predicate: Predicate) -> Value | None:
            values = self._accepted(event.id, predicate)
            return values[0] if len(values) == 1 else None

        date, status, mode = one(P.DATE), one(P.STATUS), one(P.MODE)
        city, venue, duration = one(P.CITY), one(P.VENUE), one(P.DURATION)
        chair, host = one(P.CHAIR), one(P.HOST)
        absent = [
            v.value
            for v in self._index.get((event.id, P.PARTICIPANT.value), ())
            if v.status is VerdictStatus.REJECTED and v.value is not None
        ]
        return Meeting(
            id=event.id,
            name=event.name,
            when=date.expression.value if isinstance(date, DateValue) else None,
            status=status.status if isinstance(status, StatusValue) else None,
            mode=mode.mode if isinstance(mode, ModeValue) else None,
            city=registry.place(city.place) if isinstance(city, PlaceValue) else None,
            venue=registry.place(venue.place) if isinstance(venue, PlaceValue) else None,
            duration=duration.duration if isinstance(duration, DurationValue) else None,
            chair=self._actor(chair) if chair is not None else None,
            host=self._actor(host) if host is not None else None,
            mediators=self._actors(self._accepted(event.id, P.MEDIATOR)),
            parties=self._actors(self._accepted(event.id, P.PARTY)),
            participants=self._actors(self._accepted(event.id, P.PARTICIPANT)),
            observers=self._actors(self._accepted(event.id, P.OBSERVER)),
            absent=self._actors(absent),
            delegations=tuple(self.delegation(ref.id) for ref in event.delegations),
        )

    def delegation(self, identifier: DelegationId | str) -> Delegation:
        """The reconciled delegation: its head and members from accepted verdicts."""
        registry = self._need_registry()
        ref = registry.delegation(identifier)
        heads = self._accepted(ref.id, P.HEAD)
        appointed = self._accepted(ref.id, P.APPOINTED_BY)
        head = self._actor(heads[0]) if len(heads) == 1 else None
        members = [
            a
            for a in self._actors(self._accepted(ref.id, P.MEMBER))
            if head is None or a.id != head.id
        ]
        return Delegation(
            id=ref.id,
            party=registry.actor(ref.party),
            head=head,
            members=tuple(members),
            appointed_by=self._actor(appointed[0]) if len(appointed) == 1 else None,
        )

    def _office_verdicts(self, at: dt.date | str | None) -> Iterable[Verdict]:
        at = _as_date(at)
        for verdict in self.verdicts:
            if (
                verdict.key.predicate == P.HOLDS_OFFICE.value
                and verdict.status is VerdictStatus.ACCEPTED
                and verdict.positive
                and (at is None or _era_contains(verdict.key, at))
            ):
                yield verdict

    def offices(self, person: Actor | str, at: dt.date | str | None = None) -> tuple[Office, ...]:
        """Offices the accepted verdicts say ``person`` held (at ``at``, if given)."""
        registry = self._need_registry()
        pid = self._subject_id(person)
        ids = sorted({v.key.value for v in self._office_verdicts(at) if v.key.subject == pid})
        return tuple(registry.office(i) for i in ids)

    def terms(self, person: Actor | str | None = None) -> tuple[OfficeTerm, ...]:
        """Accepted office holdings as terms: holder, office, the span the evidence covers
        (each title's date widened by the policy's title window), and the assertions."""
        pid = self._subject_id(person) if person is not None else None
        return tuple(
            OfficeTerm(
                holder=ActorId(v.key.subject),
                office=OfficeId(v.key.value),
                valid=DateRange.parse(v.key.scope) if "/" in v.key.scope else DateRange(),
                evidence=tuple(a.id for a in v.supporting),
            )
            for v in self._office_verdicts(None)
            if pid is None or v.key.subject == pid
        )

    def holders(self, office: Office | str, at: dt.date | str | None = None) -> tuple[Actor, ...]:
        """Who the accepted verdicts say held ``office`` (at ``at``, if given)."""
        registry = self._need_registry()
        oid = office.id if isinstance(office, Office) else registry.office(office).id
        ids = sorted({v.key.subject for v in self._office_verdicts(at) if v.key.value == oid})
        return tuple(registry.actor(i) for i in ids)

    def holder(self, office: Office | str, at: dt.date | str | None = None) -> Actor | None:
        """The one holder of a single-holder office at ``at`` (None if unknown or contested)."""
        found = self.holders(office, at)
        return found[0] if len(found) == 1 else None

    @property
    def positions(self) -> tuple[Position, ...]:
        """Accepted positions: holder, issue, stance, every wording of the terms, evidence."""
        registry = self._need_registry()
        out = []
        for verdict in self.verdicts:
            if (
                verdict.key.predicate != P.POSITION.value
                or verdict.status is not VerdictStatus.ACCEPTED
            ):
                continue
            value = verdict.value
            assert isinstance(value, PositionValue)
            terms = sorted(
                {
                    a.value.terms
                    for a in verdict.supporting
                    if isinstance(a.value, PositionValue)
                    and a.value.terms
                    and a.value.stance is value.stance
                }
            )
            holder = registry.actor(verdict.key.subject)
            out.append(
                Position(
                    holder=holder,
                    issue=value.issue,
                    stance=value.stance,
                    terms=tuple(terms),
                    evidence=tuple(a.id for a in verdict.supporting),
                    stated_at=_earliest(a.asserted_at for a in verdict.supporting),
                )
            )
        return tuple(out)

    # -- explanation and export ----------------------------------------------------
    def explain(
        self, subject: Actor | str, predicate: Predicate | str | None = None, *, ids: bool = False
    ) -> str:
        """A readable account of the verdicts about ``subject``: the answer in words,
        the evidence (each quote with its outlet or report and date), then the reasons.
        Names, titles and outlets throughout; ``ids=True`` puts each id beside its name
        (the same text as ``negotiations explain``)."""
        from negotiations.display import Labels
        from negotiations.display.text import explain_text

        verdicts = self.concerning(subject, predicate)
        if not verdicts:
            return f"no assertions about {subject!r}" + (
                f" with predicate {predicate}" if predicate else ""
            )
        return explain_text(verdicts, Labels(self, ids=ids))

    def to_data(self) -> dict[str, Any]:
        """Plain data for JSON: the schema tag, the whole policy, every verdict."""
        from negotiations.serialize import unstructure

        return {
            "schema": "negotiations.reconciliation/1",
            "policy": self.policy.to_data(),
            "verdicts": [unstructure(v) for v in self.verdicts],
        }

    def to_json(self, *, indent: int | None = None, by_id: bool = False) -> str:
        """Every verdict with its evidence and trace; byte-identical for the same input.

        With ``by_id=True`` every assertion is written once, in ``assertions``, and the
        verdicts name them by id (``supporting``, ``opposing``, each side's
        ``assertions``): about a third of the size on a large run, where the default
        embeds each assertion again in every verdict and side that cites it.
        """
        data = self._data_by_id() if by_id else self.to_data()
        return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=indent)

    def to_jsonl(self, target: str | os.PathLike[str] | IO[str]) -> int:
        """Write the by-id form as JSON Lines, one object per line, to a path or an
        open text file; returns the number of lines. Streamable: a reader can take the
        assertions, then one verdict at a time, without holding the whole output.

        The first line is the header (``schema``, ``policy`` and the counts), then one
        ``{"assertion": ...}`` line per assertion (sorted by id), then one
        ``{"verdict": ...}`` line per verdict (in the order of :attr:`verdicts`), each
        naming its assertions by id as in ``to_json(by_id=True)``.
        """
        if isinstance(target, str | os.PathLike):
            with open(target, "w", encoding="utf-8") as out:
                return self._write_lines(out)
        return self._write_lines(target)

    def _write_lines(self, out: IO[str]) -> int:
        from negotiations.serialize import unstructure

        assertions = self._cited()
        header = {
            "schema": LINES_SCHEMA,
            "policy": self.policy.to_data(),
            "assertions": len(assertions),
            "verdicts": len(self.verdicts),
        }
        dump = functools.partial(json.dumps, sort_keys=True, ensure_ascii=False)
        out.write(dump(header) + "\n")
        for assertion in assertions:
            out.write(dump({"assertion": unstructure(assertion)}) + "\n")
        for verdict in self.verdicts:
            out.write(dump({"verdict": _verdict_by_id(verdict)}) + "\n")
        return 1 + len(assertions) + len(self.verdicts)

    def _cited(self) -> list[Assertion]:
        """Every assertion a verdict cites, once each, sorted by id."""
        found: dict[str, Assertion] = {}
        for verdict in self.verdicts:
            for assertion in (*verdict.supporting, *verdict.opposing):
                found.setdefault(assertion.id, assertion)
            for side in verdict.sides:
                for assertion in side.assertions:
                    found.setdefault(assertion.id, assertion)
        return [found[i] for i in sorted(found)]

    def _data_by_id(self) -> dict[str, Any]:
        from negotiations.serialize import unstructure

        return {
            "schema": BY_ID_SCHEMA,
            "policy": self.policy.to_data(),
            "assertions": [unstructure(a) for a in self._cited()],
            "verdicts": [_verdict_by_id(v) for v in self.verdicts],
        }

    def _repr_html_(self) -> str:
        """Notebook display (delegates to :mod:`negotiations.display.html`)."""
        from negotiations.display.html import reconciliation_html

        return reconciliation_html(self)


#: The ``schema`` of ``to_json(by_id=True)`` and of the header line of ``to_jsonl``.
BY_ID_SCHEMA = "negotiations.reconciliation-by-id/1"
LINES_SCHEMA = "negotiations.reconciliation-lines/1"


def _verdict_by_id(verdict: Verdict) -> dict[str, Any]:
    """A verdict's data with its assertions (and its sides') replaced by their ids."""
    from negotiations.serialize import unstructure

    bare = attrs.evolve(
        verdict,
        supporting=(),
        opposing=(),
        sides=tuple(attrs.evolve(side, assertions=()) for side in verdict.sides),
    )
    data: dict[str, Any] = unstructure(bare)
    data["supporting"] = [a.id for a in verdict.supporting]
    data["opposing"] = [a.id for a in verdict.opposing]
    for side_data, side in zip(data["sides"], verdict.sides, strict=True):
        side_data["assertions"] = [a.id for a in side.assertions]
    return data


def _earliest(dates: Iterable[PartialDate | None]) -> PartialDate | None:
    known = [d for d in dates if d is not None]
    return min(known, key=lambda d: d.span()) if known else None


def _as_date(at: dt.date | str | None) -> dt.date | None:
    """``at=`` as a person types it: a date, a datetime or an ISO string (2025-05-16)."""
    if at is None or isinstance(at, dt.date):
        return at.date() if isinstance(at, dt.datetime) else at
    if isinstance(at, str):
        try:
            return dt.date.fromisoformat(at.strip())
        except ValueError:
            pass
    raise ModelError("Reconciliation", "at", at, "a date, or an ISO date string YYYY-MM-DD")


def _era_contains(key: ClaimKey, at: dt.date) -> bool:
    if not key.scope or key.scope == "undated":
        return False
    era = DateRange.parse(key.scope)
    return time_contains(era, PartialDate.of(at))


__all__ = ["Reconciliation"]
