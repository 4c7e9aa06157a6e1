"""Reconciliation on Dask gives the in-process result, byte for byte (issue 11)."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiations as ng
from negotiations.errors import PolicyError, ReconciliationError
from negotiations.reconcile import Context, PartialStatistics, Policy, Weight, default_policy
from negotiations.reconcile._claims import form_claims
from negotiations.testing import LAW_CONTEXT, reconciliation_inputs, scale_input

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
pd = pytest.importorskip("pandas")
distributed = pytest.importorskip("negotiations.distributed")

# dask's own Parquet reader calls a pandas method pandas has deprecated.
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword")


@pytest.fixture(scope="module")
def generated() -> tuple[ng.testing.ScaleInput, tuple[ng.Assertion, ...], str]:
    data = scale_input(3000, seed=3)
    assertions = tuple(data.build())
    return data, assertions, ng.reconcile(assertions, registry=data.registry).to_json()


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
@pytest.mark.parametrize("partitions", [1, 3, 8])
def test_a_generated_set_gives_byte_identical_json_on_dask(
    generated: tuple[ng.testing.ScaleInput, tuple[ng.Assertion, ...], str],
    scheduler: str,
    partitions: int,
) -> None:
    data, assertions, expected = generated
    shuffled = list(assertions)
    random.Random(partitions).shuffle(shuffled)
    bag = db.from_sequence(shuffled, npartitions=partitions)
    with dask.config.set(scheduler=scheduler):
        result = distributed.reconcile_bag(bag, registry=data.registry)
    assert result.to_json() == expected


def test_the_bundled_corpus_gives_the_same_verdicts_on_dask() -> None:
    """Seeds and reports: offices with one holder, hierarchies, complete lists, copied
    passages; decision groups that span subjects."""
    corpus = ng.load_corpus(ng.bundled_corpus_path(), ng.bundled_corpus_path("reports"))
    context = Context.build(
        corpus.registry, corpus.sources, corpus.vocabulary, corpus.shared_passages
    )
    bag = db.from_sequence(corpus.assertions, npartitions=5)
    with dask.config.set(scheduler="sync"):
        result = distributed.reconcile_bag(
            bag, registry=corpus.registry, sources=corpus.sources, context=context
        )
    assert result.to_json() == ng.reconcile(corpus).to_json()
    assert len(result.verdicts) > 300


def test_worker_processes_give_the_same_json() -> None:
    """Every object crosses a process boundary (pickled) and comes back the same."""
    data = scale_input(300, seed=4)
    assertions = data.build()
    expected = ng.reconcile(assertions, registry=data.registry).to_json()
    bag = db.from_sequence(assertions, npartitions=2)
    with dask.config.set(scheduler="processes", num_workers=2):
        result = distributed.reconcile_bag(bag, registry=data.registry)
    assert result.to_json() == expected


@pytest.mark.parametrize(
    "policy",
    [
        Policy(),
        # Twins (TrustModel.twin_min) found on these small inputs: summed per shard,
        # they give the in-process trust.
        Policy(trust=ng.TrustModel(twin_min=1, twin_share=0.6)),
    ],
    ids=["default", "twins"],
)
@settings(max_examples=25, deadline=None)
@given(
    assertions=reconciliation_inputs(min_size=1, max_size=30),
    partitions=st.integers(1, 4),
)
def test_law_dask_and_in_process_agree_on_any_input(
    policy: Policy, assertions: list[ng.Assertion], partitions: int
) -> None:
    expected = ng.reconcile(assertions, policy, context=LAW_CONTEXT).to_json()
    bag = db.from_sequence(assertions, npartitions=min(partitions, len(assertions)))
    with dask.config.set(scheduler="sync"):
        got = distributed.reconcile_bag(bag, policy, context=LAW_CONTEXT, partitions=partitions)
    assert got.to_json() == expected


def test_twins_on_dask_give_the_in_process_json() -> None:
    """A generated set with twins found (low thresholds), on three shards."""
    data = scale_input(600, seed=5)
    assertions = tuple(data.build())
    policy = Policy(trust=ng.TrustModel(twin_min=3, twin_share=0.9))
    expected = ng.reconcile(assertions, policy, registry=data.registry).to_json()
    bag = db.from_sequence(assertions, npartitions=3)
    with dask.config.set(scheduler="sync"):
        result = distributed.reconcile_bag(bag, policy, registry=data.registry)
    assert result.to_json() == expected


@settings(max_examples=60, deadline=None)
@given(assertions=reconciliation_inputs(min_size=0, max_size=30), shards=st.integers(1, 4))
def test_law_every_built_in_rule_combines_its_parts_into_the_whole(
    assertions: list[ng.Assertion], shards: int
) -> None:
    window = default_policy().title_window
    by_shard: dict[int, list[ng.Assertion]] = defaultdict(list)
    for a in assertions:
        by_shard[hash(a.subject) % shards].append(a)
    parts = [form_claims(members, LAW_CONTEXT, window) for members in by_shard.values()]
    whole = form_claims(assertions, LAW_CONTEXT, window)
    for rule in default_policy().rules:
        assert isinstance(rule, PartialStatistics)
        collected = [rule.collect(claims, LAW_CONTEXT) for claims in parts]
        assert rule.combine(collected, LAW_CONTEXT) == rule.prepare(whole, LAW_CONTEXT), rule.name


def test_a_rule_that_cannot_combine_parts_is_refused_by_name(
    generated: tuple[ng.testing.ScaleInput, tuple[ng.Assertion, ...], str],
) -> None:
    class Whole:
        name = "WholeOnly"

        def prepare(self, claims: object, context: object) -> None:
            return None

        def weigh(self, claim: object, statistics: object, context: object) -> Weight:
            return Weight(1.0, "always")

    policy = Policy(rules=(*default_policy().rules, Whole()))
    bag = db.from_sequence(generated[1][:50], npartitions=2)
    with pytest.raises(PolicyError, match="WholeOnly cannot compute their statistics in parts"):
        distributed.reconcile_bag(bag, policy)


def test_reconcile_bag_refuses_what_is_not_a_bag_of_assertions() -> None:
    with pytest.raises(ReconciliationError, match=r"takes a dask\.bag\.Bag"):
        distributed.reconcile_bag([1, 2])
    with dask.config.set(scheduler="sync"), pytest.raises(ReconciliationError, match="found a int"):
        distributed.reconcile_bag(db.from_sequence([1, 2], npartitions=1))


def _rows_frame(count: int) -> Any:
    data = scale_input(count, seed=5)
    return pd.DataFrame(
        [
            {
                "source": source,
                "subject": subject,
                "predicate": str(predicate),
                "value": value,
                "modality": modality.value,
                "time": f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}",
                "record": record,
            }
            for source, subject, predicate, value, modality, day, record in data.rows
        ]
    )


def _columns(record: bool) -> ng.claims.Columns:
    return ng.claims.Columns(
        source="source",
        subject="subject",
        predicate="predicate",
        value="value",
        modality="modality",
        time="time",
        record="record" if record else None,
    )


@pytest.mark.parametrize("kind", ["csv", "parquet"])
@pytest.mark.parametrize("record", [True, False], ids=["named-records", "numbered-rows"])
def test_claims_read_from_partitioned_files_reconcile_like_one_table(
    tmp_path: Path, kind: str, record: bool
) -> None:
    if kind == "parquet":
        pytest.importorskip("pyarrow")
    frame = _rows_frame(1200)
    for i, start in enumerate(range(0, len(frame), 500)):
        part = frame.iloc[start : start + 500]
        if kind == "csv":
            part.to_csv(tmp_path / f"part{i}.csv", index=False)
        else:
            part.to_parquet(tmp_path / f"part{i}.parquet", index=False)
    columns = _columns(record)
    whole = ng.claims.from_dataframe(frame.astype(str), columns, dataset="feed")
    expected = ng.reconcile(whole.assertions, sources=whole.sources).to_json()

    with dask.config.set(scheduler="sync"):
        read = distributed.read_claims(
            str(tmp_path / f"part*.{kind}"), columns, dataset="feed", blocksize=None
        )
        assert read.partitions == 3
        assert read.rows == len(frame)
        assert dict(read.sources) == dict(whole.sources)
        got = distributed.reconcile_bag(read.assertions, sources=read.sources)
    assert got.to_json() == expected
    assert sorted(a.id for a in got.verdicts[0].supporting)  # evidence survives the trip


def test_to_bag_keeps_every_assertion_and_an_empty_input_gives_no_verdicts(
    generated: tuple[ng.testing.ScaleInput, tuple[ng.Assertion, ...], str],
) -> None:
    assertions = generated[1][:100]
    bag = distributed.to_bag(assertions, partitions=7)
    assert bag.npartitions == 7
    with dask.config.set(scheduler="sync"):
        assert sorted(a.id for a in bag.compute()) == sorted(a.id for a in assertions)
        empty = distributed.reconcile_bag(distributed.to_bag([]))
    assert empty.verdicts == ()
    assert empty.to_json() == ng.reconcile([]).to_json()


def test_read_claims_reads_a_file_whose_name_holds_glob_characters(tmp_path: Path) -> None:
    header = "source,subject,predicate,value\n"
    (tmp_path / "data[1].csv").write_text(header + "A,talks,city,Bracket\n")
    (tmp_path / "data1.csv").write_text(header + "B,talks,city,Plain\n")

    def cities(path: str) -> list[str]:
        read = distributed.read_claims(path, dataset="d")
        return sorted(a.value.label() for a in read.assertions.compute())

    assert cities(str(tmp_path / "data[1].csv")) == ["bracket"]  # the file, not data1.csv
    assert cities(str(tmp_path / "data1.csv")) == ["plain"]
    assert cities(str(tmp_path / "data*.csv")) == ["bracket", "plain"]


@pytest.mark.parametrize("blocksize", [-1, 0, True, 1.5])
def test_read_claims_refuses_a_blocksize_that_is_no_size(tmp_path: Path, blocksize: Any) -> None:
    _rows_frame(5).to_csv(tmp_path / "part0.csv", index=False)
    with pytest.raises(ng.claims.ClaimsError, match="blocksize must be"):
        distributed.read_claims(str(tmp_path / "part0.csv"), dataset="d", blocksize=blocksize)


def test_read_claims_names_the_paths_that_match_no_file(tmp_path: Path) -> None:
    _rows_frame(20).to_csv(tmp_path / "part0.csv", index=False)
    missing = str(tmp_path / "nothing*.csv")
    with pytest.raises(ng.claims.ClaimsError, match=r"no files match \['.*nothing\*\.csv'\]"):
        distributed.read_claims([str(tmp_path / "part0.csv"), missing], dataset="feed")
    with pytest.raises(ng.claims.ClaimsError, match="no files match"):
        distributed.read_claims([], dataset="feed")
