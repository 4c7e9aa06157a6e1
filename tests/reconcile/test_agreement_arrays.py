"""Leave-one-out agreement in arrays gives the Python loop's integers, exactly.

Trust learning tallies, every round, how far each publisher agrees with the other
origins' evidence. With numpy installed and many questions the tally runs on flat
arrays (``_arrays.AgreementArrays``); the law: whatever the questions and votes,
it returns what ``tally_agreement`` returns, integer for integer, so learned trust
and every verdict are the same with numpy or without.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotiations as ng
from negotiations.reconcile import _arrays
from negotiations.reconcile._engine import (
    AGREEMENT_UNIT,
    Votes,
    _disputed,
    _Question,
    alike_loop,
    tally_agreement,
)
from negotiations.testing import scale_input

np = pytest.importorskip("numpy")

PUBLISHERS = [f"p{i}" for i in range(6)]
WEIGHTS = st.one_of(
    st.sampled_from([0.0, 0.5, 1.0, 1.5, 0.1, 0.3]),
    st.floats(min_value=0.0, max_value=2.0, allow_nan=False),
)


@st.composite
def questions(draw: st.DrawFn) -> _Question:
    """A question as trust learning prepares it: answers, which agree, and origins of
    (publisher, weight) entries; what each publisher said and its own origins follow."""
    width = draw(st.integers(1, 4))
    answers = tuple((f"a{i}", True) for i in range(width))
    agree = tuple(
        tuple(sorted({i} | set(draw(st.lists(st.integers(0, width - 1), max_size=2)))))
        for i in range(width)
    )
    origins = []
    for _ in range(draw(st.integers(1, 6))):
        answer = draw(st.integers(0, width - 1))
        entries = tuple(
            (draw(st.sampled_from(PUBLISHERS)), draw(WEIGHTS))
            for _ in range(draw(st.integers(1, 3)))
        )
        origins.append((answer, entries))
    origins.sort(key=lambda origin: origin[0])
    said: dict[str, set[int]] = {}
    own: dict[str, list[int]] = {}
    for index, (answer, entries) in enumerate(origins):
        for key in sorted({key for key, _ in entries}):
            said.setdefault(key, set()).add(answer)
            own.setdefault(key, []).append(index)
    keys = sorted(said)
    return _Question(
        answers=answers,
        agree=agree,
        origins=tuple(origins),
        said=tuple((key, tuple(sorted(said[key]))) for key in keys),
        own=tuple(tuple(own[key]) for key in keys),
        asserted=tuple((key, tuple(sorted(said[key]))) for key in keys),
        lonely=all(len(a) == 1 for a in agree),
    )


votes = st.builds(
    Votes,
    st.dictionaries(
        st.sampled_from(PUBLISHERS),
        st.one_of(
            st.sampled_from([0.0, 0.25, 1.0, 1.2]),
            st.floats(min_value=0.0, max_value=1.5, allow_nan=False),
        ),
    ),
    st.floats(min_value=0.0, max_value=1.5, allow_nan=False),
)


@settings(max_examples=400)
@given(st.lists(questions(), max_size=12), votes)
def test_the_arrays_tally_what_the_loop_tallies(prepared: list[_Question], votes: Votes) -> None:
    arrays = _arrays.AgreementArrays(prepared, np, AGREEMENT_UNIT)
    assert arrays.tally(votes) == tally_agreement(prepared, votes)


@given(st.lists(questions(), min_size=1, max_size=6), st.lists(votes, min_size=2, max_size=4))
def test_one_layout_serves_every_round(prepared: list[_Question], rounds: list[Votes]) -> None:
    """The arrays are laid out once and asked again with each round's votes."""
    arrays = _arrays.AgreementArrays(prepared, np, AGREEMENT_UNIT)
    for round_votes in rounds:
        assert arrays.tally(round_votes) == tally_agreement(prepared, round_votes)


def _reconciled(monkeypatch: pytest.MonkeyPatch, arrays_from: int, numpy: Any) -> str:
    data = scale_input(3_000, seed=5)
    with monkeypatch.context() as patch:
        patch.setattr(_arrays, "ARRAYS_FROM", arrays_from)
        patch.setattr(_arrays, "numpy_or_none", lambda: numpy)
        return ng.reconcile(data.build(), registry=data.registry).to_json()


def test_verdicts_are_the_same_with_numpy_or_without(monkeypatch: pytest.MonkeyPatch) -> None:
    used: list[int] = []
    original = _arrays.AgreementArrays.tally

    def counting(self: _arrays.AgreementArrays, votes: Any) -> Any:
        used.append(1)
        return original(self, votes)

    monkeypatch.setattr(_arrays.AgreementArrays, "tally", counting)
    with_arrays = _reconciled(monkeypatch, 0, np)
    assert used  # the arrays did the tallying
    used.clear()
    assert _reconciled(monkeypatch, 0, None) == with_arrays  # numpy not installed
    assert _reconciled(monkeypatch, 10**9, np) == with_arrays  # too few questions
    assert not used


def test_a_small_input_is_tallied_without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Below ``ARRAYS_FROM`` questions (the seed corpus) numpy is not even looked for."""
    asked: list[int] = []
    monkeypatch.setattr(_arrays, "numpy_or_none", lambda: asked.append(1))
    assert ng.reconcile(ng.load_corpus()).verdicts
    assert asked == []


@settings(max_examples=300)
@given(
    st.lists(questions(), max_size=12),
    st.frozensets(st.sampled_from(PUBLISHERS)),
    st.integers(1, 20),
)
def test_the_arrays_count_alike_what_the_loop_counts(
    prepared: list[_Question], among: frozenset[str], block: int
) -> None:
    """Twins' counts in arrays, in blocks of any size, are the loop's."""
    said = [(question.said, _disputed(question)) for question in prepared]
    assert _arrays.alike_counts(said, among, np, block=block) == alike_loop(prepared, among)


def test_too_many_publishers_to_pair_in_arrays_are_left_to_the_loop() -> None:
    both = (("p0", (0,)), ("p1", (1,)), ("p2", (0,)))
    said = [(both, True)] * 3
    assert _arrays.alike_counts(said, frozenset(PUBLISHERS), np, most=2) is None
    shared, same = _arrays.alike_counts(said, frozenset(PUBLISHERS), np, most=3) or ({}, {})
    assert shared == {("p0", "p1"): 3, ("p0", "p2"): 3, ("p1", "p2"): 3}
    assert same == {("p0", "p2"): 3}
