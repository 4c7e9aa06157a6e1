"""Reconciliation on Dask: the same verdicts as :func:`~negotiations.reconcile.reconcile`,
for inputs larger than one process handles (needs the ``dask`` extra).

The work is split where it can be without changing a single verdict:

1. **Shards by subject.** Assertions are shuffled so that each subject's are in one
   shard; everything that reads an assertion as claims (eras of a title, the
   members a complete list leaves out) only looks at one subject, so each shard
   forms its claims alone.
2. **Statistics over the whole input.** Each rule collects its part per shard and
   combines the parts (:class:`~negotiations.reconcile.PartialStatistics`); learned
   trust sums, round by round, each shard's agreement counts, in whole numbers, so
   the sums are exact in any order; copy detection sums each shard's shared mistakes.
3. **Decision groups.** Questions that constrain one another (two holders of one
   office) may span subjects: each shard names the groups its claims belong to, the
   groups are joined once over the whole input, and claims are shuffled by group.
   Each group is decided alone, with the statistics of the whole.

::

    import dask.bag as db
    from negotiations.distributed import reconcile_bag, read_claims

    claims = read_claims("claims/*.parquet", dataset="feed")
    rec = reconcile_bag(claims.assertions, sources=claims.sources,
                        vocabulary=claims.vocabulary)

Any Dask scheduler runs it; the result is a plain :class:`~negotiations.reconcile.Reconciliation`
collected in this process, byte for byte the JSON of the in-process run.
"""

from __future__ import annotations

import datetime as dt
import functools
import glob
import itertools
import os
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
from attrs import frozen

from negotiations._extras import require
from negotiations.claims import (
    DEFAULT_MISSING,
    ClaimsError,
    ClaimSet,
    Columns,
    OnError,
)
from negotiations.claims import from_dataframe as _claims_from_frame
from negotiations.claims._parsers import Parser
from negotiations.errors import PolicyError, ReconciliationError
from negotiations.model import Assertion, Modality, Registry, Source, SourceId, Vocabulary
from negotiations.reconcile import (
    Context,
    PartialStatistics,
    Policy,
    Reconciliation,
    Statistics,
    default_policy,
)
from negotiations.reconcile._claims import Claim, claim_order, form_claims
from negotiations.reconcile._engine import (
    Votes,
    Weigher,
    decide_group,
    group_labels,
    join_groups,
    learn_statistics,
    learns_trust,
    prepare_questions,
    tally_agreement,
    tally_alike,
    tally_disputed,
    tally_mistakes,
    unique_assertions,
)


def _dask(module: str) -> ModuleType:
    return require(module, "dask", "negotiations.distributed")


# -- shards ------------------------------------------------------------------------------


def _shard_of(count: int, assertion: object) -> int:
    """A subject's shard: a hash that is the same in every worker process (Python's
    own string hash is salted per process)."""
    if not isinstance(assertion, Assertion):
        raise ReconciliationError(
            f"reconcile_bag() takes Assertions, found a {type(assertion).__name__}"
        )
    return zlib.crc32(assertion.subject.encode("utf-8")) % count


def _claims_of(
    grouped: Iterable[tuple[int, list[Assertion]]], context: Context, window: dt.timedelta
) -> list[tuple[Claim, ...]]:
    """One shard's claims (a partition of the grouped bag holds whole subjects)."""
    assertions = [a for _, members in grouped for a in members]
    return [tuple(form_claims(unique_assertions(assertions), context, window))]


def _collect(
    shards: Iterable[tuple[Claim, ...]], rules: Sequence[Any], context: Context
) -> list[tuple[Any, ...]]:
    return [tuple(rule.collect(claims, context) for rule in rules) for claims in shards]


def _questions(
    shards: Iterable[tuple[Claim, ...]],
    policy: Policy,
    statistics: Statistics,
    context: Context,
    twins: Mapping[str, frozenset[str]] | None,
) -> list[list[Any]]:
    """Each shard's questions, prepared for trust learning (shards hold whole questions)."""
    out = []
    for claims in shards:
        static = Weigher(policy).static_weights(claims, statistics, context)
        out.append(prepare_questions(claims, static, context, twins))
    return out


def _disputed_counts(
    questions: Iterable[Any], votes: None
) -> tuple[dict[str, int], dict[str, int]]:
    return tally_disputed(questions), {}


def _alike(
    questions: Iterable[Any], votes: None, among: frozenset[str]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    return tally_alike(questions, among)


def _added(
    parts: Iterable[tuple[Mapping[Any, int], Mapping[Any, int]]],
) -> tuple[dict[Any, int], dict[Any, int]]:
    """Pairs of counts added key by key (whole numbers: any order gives the same)."""
    first: Counter[Any] = Counter()
    second: Counter[Any] = Counter()
    for a, b in parts:
        first.update(a)
        second.update(b)
    return dict(first), dict(second)


def _tallied(
    parts: Iterable[list[Any]], tally: Callable[..., Any], votes: Votes | None, *args: Any
) -> list[tuple[dict[Any, int], dict[Any, int]]]:
    """A partition's sums of ``tally`` (agreement, mistakes, disputed questions or alike
    pairs) over its shards' questions."""
    return [_added(tally(questions, votes, *args) for questions in parts)]


class _BagTally:
    """The :class:`~negotiations.reconcile._engine.Tally` of a sharded input: each round
    is one Dask computation over the shards' prepared questions."""

    def __init__(
        self,
        shards: Any,
        policy: Policy,
        statistics: Statistics,
        context: Context,
        twins: Mapping[str, frozenset[str]] | None = None,
    ) -> None:
        self.shards, self.policy, self.statistics, self.context = (
            shards,
            policy,
            statistics,
            context,
        )
        self.twins = twins
        self.questions = shards.map_partitions(
            _questions, policy, statistics, context, twins
        ).persist()

    def agreement(self, votes: Votes) -> tuple[Mapping[str, int], Mapping[str, int]]:
        return _added(self.questions.map_partitions(_tallied, tally_agreement, votes).compute())

    def mistakes(
        self, votes: Votes, among: frozenset[str]
    ) -> tuple[Mapping[str, int], Mapping[tuple[str, str], int]]:
        return _added(
            self.questions.map_partitions(_tallied, tally_mistakes, votes, among).compute()
        )

    def regrouped(self, copy_groups: Mapping[str, str]) -> _BagTally:
        grouped = attrs.evolve(self.context, copy_groups=copy_groups)
        return _BagTally(self.shards, self.policy, self.statistics, grouped, self.twins)

    def disputed(self) -> Mapping[str, int]:
        return _added(self.questions.map_partitions(_tallied, _disputed_counts, None).compute())[0]

    def alike(
        self, among: frozenset[str]
    ) -> tuple[Mapping[tuple[str, str], int], Mapping[tuple[str, str], int]]:
        return _added(self.questions.map_partitions(_tallied, _alike, None, among).compute())

    def with_twins(self, twins: Mapping[str, frozenset[str]]) -> _BagTally:
        return _BagTally(self.shards, self.policy, self.statistics, self.context, twins)


# -- decision groups ---------------------------------------------------------------------


def _labels(shards: Iterable[tuple[Claim, ...]], context: Context) -> list[set[tuple[Any, ...]]]:
    """The distinct label lists of a partition's claims (what joins decision groups)."""
    found: set[tuple[Any, ...]] = set()
    for claims in shards:
        for claim in claims:
            found.add(tuple(group_labels(claim, context)))
    return [found]


def _tagged(
    shards: Iterable[tuple[Claim, ...]], group_of: Mapping[tuple[str, ...], int], context: Context
) -> list[tuple[int, Claim]]:
    return [
        (group_of[group_labels(claim, context)[0]], claim) for claims in shards for claim in claims
    ]


def _decide(
    grouped: Iterable[tuple[int, list[tuple[int, Claim]]]],
    policy: Policy,
    context: Context,
    statistics: Statistics,
) -> list[Any]:
    by_group: dict[int, list[Claim]] = defaultdict(list)
    for _, tagged in grouped:
        for group, claim in tagged:
            by_group[group].append(claim)
    weigher = Weigher(policy)
    verdicts = []
    for group in sorted(by_group):
        members = sorted(by_group[group], key=claim_order)
        verdicts.extend(decide_group(members, policy, context, statistics, weigher))
    return verdicts


def _modulo(count: int, item: tuple[int, Claim]) -> int:
    return item[0] % count


def _partial_rules(policy: Policy) -> list[Any]:
    missing = [rule.name for rule in policy.rules if not isinstance(rule, PartialStatistics)]
    if missing:
        raise PolicyError(
            f"rule(s) {', '.join(missing)} cannot compute their statistics in parts: give them "
            "collect(claims, context) and combine(parts, context) "
            "(negotiations.reconcile.PartialStatistics) to run on Dask"
        )
    return list(policy.rules)


def to_bag(assertions: Iterable[Assertion], partitions: int = 8) -> Any:
    """A Dask bag of ``assertions`` in about ``partitions`` parts (held in this process:
    for input that does not fit, build the bag from files, e.g. :func:`read_claims`)."""
    items = list(assertions)
    return _dask("dask.bag").from_sequence(items, npartitions=max(1, min(partitions, len(items))))


def reconcile_bag(
    assertions: Any,
    policy: Policy | None = None,
    *,
    registry: Registry | None = None,
    sources: Mapping[SourceId, Source] | None = None,
    vocabulary: Vocabulary | None = None,
    context: Context | None = None,
    partitions: int | None = None,
) -> Reconciliation:
    """Reconcile a Dask bag of assertions; the same result as ``reconcile`` in process.

    ``registry``, ``sources`` and ``vocabulary`` are as for
    :func:`~negotiations.reconcile.reconcile` (a corpus's ``shared_passages`` go in
    through ``context=Context.build(...)``). ``partitions`` is the number of shards
    (default: the bag's partitions). The scheduler is Dask's current one
    (``dask.config.set(scheduler=...)`` or a ``distributed.Client``).
    """
    db = _dask("dask.bag")
    delayed = _dask("dask").delayed
    if not isinstance(assertions, db.Bag):
        raise ReconciliationError(
            f"reconcile_bag() takes a dask.bag.Bag of Assertions, found "
            f"{type(assertions).__name__} (use reconcile() for a list)"
        )
    policy = policy if policy is not None else default_policy()
    if context is None:
        context = Context.build(registry, sources, vocabulary, None)
    count = partitions or assertions.npartitions
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise ReconciliationError(f"partitions must be a whole number from 1, found {count!r}")
    rules = _partial_rules(policy)

    shards = (
        assertions.groupby(functools.partial(_shard_of, count), npartitions=count, shuffle="tasks")
        .map_partitions(_claims_of, context, policy.title_window)
        .persist()
    )
    collected = shards.map_partitions(_collect, rules, context).compute()
    by_rule = {
        rule.name: rule.combine([part[i] for part in collected], context)
        for i, rule in enumerate(rules)
    }
    statistics = Statistics(by_rule=by_rule)
    if learns_trust(policy):
        tally = _BagTally(shards, policy, statistics, context)
        statistics = learn_statistics(by_rule, tally, policy)
    context = statistics.apply(context)

    found = shards.map_partitions(_labels, context).compute()
    joined = join_groups(labels for part in found for labels in sorted(part))
    roots = sorted({joined.find(label) for label in joined.keys()})  # noqa: SIM118
    number = {root: i for i, root in enumerate(roots)}
    group_of = {label: number[joined.find(label)] for label in joined.keys()}  # noqa: SIM118

    verdicts = (
        shards.map_partitions(_tagged, delayed(group_of, traverse=False), context)
        .groupby(functools.partial(_modulo, count), npartitions=count, shuffle="tasks")
        .map_partitions(_decide, policy, context, statistics)
        .compute()
    )
    return Reconciliation(
        verdicts=tuple(sorted(verdicts, key=lambda v: v.key.order)),
        policy=policy,
        registry=registry,
        sources=sources,
        corpus=None,
    )


# -- claims from partitioned tables ------------------------------------------------------


@frozen(kw_only=True)
class DistributedClaims:
    """Claims read from a partitioned table: a bag of assertions and what reconciling
    them needs. ``rows``, ``missing`` and ``duplicates`` add up the partitions'
    counts (a row repeated in two partitions is dropped when reconciled)."""

    dataset: str
    assertions: Any = attrs.field(repr=False)
    sources: Mapping[SourceId, Source] = attrs.field(repr=False)
    vocabulary: Vocabulary = attrs.field(repr=False)
    partitions: int
    rows: int
    missing: int
    duplicates: int
    skipped: int


def _read_part(
    frame: Any,
    first_row: int,
    columns: Columns | None,
    options: Mapping[str, Any],
) -> ClaimSet:
    return _claims_from_frame(frame, columns, first_row=first_row, **options)


def _assertions_of(claims: ClaimSet) -> list[Assertion]:
    return list(claims.assertions)


def _counts(claims: ClaimSet) -> tuple[Mapping[SourceId, Source], int, int, int, int]:
    return (claims.sources, claims.rows, claims.missing, claims.duplicates, len(claims.skipped))


def read_claims(
    path: str | Path | Sequence[str | Path],
    columns: Columns | None = None,
    *,
    dataset: str,
    format: str | None = None,
    vocabulary: Vocabulary | None = None,
    parsers: Mapping[str, Parser] | None = None,
    missing: Iterable[str] = DEFAULT_MISSING,
    on_error: OnError = "raise",
    modality: Modality = Modality.REPORTED,
    retrieved: dt.datetime | None = None,
    blocksize: int | str | None = "64MB",
) -> DistributedClaims:
    """Claims from Parquet or CSV files (a path, a glob or a list), one Dask partition
    at a time, each read as :func:`negotiations.claims.from_dataframe` reads a frame.

    Rows are numbered across the files in order, as if they were one table (map
    ``record`` to a column to name them yourself). ``format`` is ``"parquet"`` or
    ``"csv"`` (default: from the first file's suffix). CSV cells are read as text.
    """
    dask = _dask("dask")
    dd = _dask("dask.dataframe")
    db = _dask("dask.bag")
    names = [str(p) for p in ([path] if isinstance(path, str | Path) else path)]
    # A file that exists is that file, even when its name holds glob characters
    # ("data[1].csv"); anything else is a pattern.
    matched = {name: [name] if os.path.isfile(name) else glob.glob(name) for name in names}
    unmatched = [name for name, found in matched.items() if not found]
    if unmatched or not names:
        raise ClaimsError(f"read_claims: no files match {unmatched or names!r}")
    files = sorted(f for found in matched.values() for f in found)
    if (
        blocksize is not None
        and not isinstance(blocksize, str)
        and (isinstance(blocksize, bool) or not isinstance(blocksize, int) or blocksize < 1)
    ):
        raise ClaimsError(
            f"read_claims: blocksize must be a positive number of bytes, a size such as "
            f"'64MB', or None (one partition per file); found {blocksize!r}"
        )
    kind = format or ("csv" if files[0].endswith((".csv", ".csv.gz", ".tsv")) else "parquet")
    # Dask reads each name as a pattern again: the names found are escaped for it.
    escaped = [glob.escape(f) for f in files]
    if kind == "parquet":
        frame = dd.read_parquet(escaped)
    elif kind == "csv":
        frame = dd.read_csv(
            escaped,
            dtype=str,
            keep_default_na=False,
            blocksize=blocksize,
            sep="\t" if files[0].endswith(".tsv") else ",",
        )
    else:
        raise ClaimsError(f"read_claims: format must be 'parquet' or 'csv', found {format!r}")
    lengths = [int(length) for length in frame.map_partitions(len).compute()]
    starts = list(itertools.accumulate(lengths[:-1], initial=1))
    options = {
        "dataset": dataset,
        "vocabulary": vocabulary,
        "parsers": parsers,
        "missing": tuple(missing),
        "on_error": on_error,
        "modality": modality,
        "retrieved": retrieved,
    }
    read = dask.delayed(_read_part)
    parts = dask.persist(
        *[
            read(part, start, columns, options)
            for part, start in zip(frame.to_delayed(), starts, strict=True)
        ]
    )
    counted = dask.compute(*[dask.delayed(_counts)(part) for part in parts])
    sources: dict[SourceId, Source] = {}
    for part_sources, *_ in counted:
        for key, source in part_sources.items():
            sources.setdefault(key, source)
    vocab = vocabulary if vocabulary is not None else Vocabulary.builtin()
    return DistributedClaims(
        dataset=dataset,
        assertions=db.from_delayed([dask.delayed(_assertions_of)(part) for part in parts]),
        sources={key: sources[key] for key in sorted(sources)},
        vocabulary=vocab,
        partitions=len(parts),
        rows=sum(c[1] for c in counted),
        missing=sum(c[2] for c in counted),
        duplicates=sum(c[3] for c in counted),
        skipped=sum(c[4] for c in counted),
    )


__all__ = ["DistributedClaims", "read_claims", "reconcile_bag", "to_bag"]
