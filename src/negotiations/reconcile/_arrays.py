"""Leave-one-out agreement for every question at once, in arrays (numpy).

Trust learning asks, round after round, how far each publisher agrees with the
evidence of the *other* origins on every question it answers
(:func:`~negotiations.reconcile._engine.tally_agreement`). The questions do not
change between rounds, only the votes: here they are laid out once as flat arrays
(origins, the cells of each publisher's view of each answer, the answers each
publisher gave and what agrees with them), and each round is a dozen array
operations instead of a Python loop over every claim.

The result is the same, integer for integer, as the Python loop's: every sum is
taken with ``numpy.add.at``, which adds in the order of its indices, so each float
is the sum of the same terms in the same order; products, maxima and minima are
exact, and ``numpy.rint`` rounds half to even as ``round`` does. A law test in
``tests/reconcile/test_agreement_arrays.py`` compares the two on generated
questions and votes.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from negotiations._extras import optional

if TYPE_CHECKING:
    from negotiations.reconcile._engine import _Question

#: Below this many questions the Python loop is as fast, and numpy is not imported.
ARRAYS_FROM = 1_000


def numpy_or_none() -> Any:
    """numpy, when installed (it comes with the ``pandas`` and ``dask`` extras)."""
    return optional("numpy")


class AgreementArrays:
    """The questions of one tally, laid out for :meth:`tally`."""

    def __init__(self, questions: Sequence[_Question], np: Any, unit: int) -> None:
        self.np, self.unit = np, unit
        index: dict[str, int] = {}
        origin_answer = array("q")  # each origin's answer (over all questions)
        origin_start = array("q")  # where each origin's entries start
        entry_publisher = array("q")
        entry_weight = array("d")
        cell_answer = array("q")  # each (publisher, answer) cell's answer
        cell_pair = array("q")  # ... and its (question, publisher) pair
        loss_cell = array("q")  # each of a publisher's own origins: its cell
        loss_origin = array("q")  # ... and the origin
        share_pair = array("q")  # each answer a publisher gave: its pair
        part_share = array("q")  # each answer agreeing with one given: its share
        part_cell = array("q")  # ... and its cell
        pair_publisher = array("q")
        pair_shares = array("q")
        answers_seen = 0
        for question in questions:
            first_origin = len(origin_answer)
            for answer, entries in question.origins:
                origin_answer.append(answers_seen + answer)
                origin_start.append(len(entry_publisher))
                for key, weight in entries:
                    entry_publisher.append(index.setdefault(key, len(index)))
                    entry_weight.append(weight)
            width = len(question.answers)
            for (key, given), own in zip(question.said, question.own, strict=True):
                pair = len(pair_publisher)
                pair_publisher.append(index.setdefault(key, len(index)))
                pair_shares.append(len(given))
                first_cell = len(cell_answer)
                cell_answer.extend(range(answers_seen, answers_seen + width))
                cell_pair.extend(array("q", [pair]) * width)
                for o in own:
                    loss_cell.append(first_cell + question.origins[o][0])
                    loss_origin.append(first_origin + o)
                for i in given:
                    share = len(share_pair)
                    share_pair.append(pair)
                    for j in question.agree[i]:
                        part_share.append(share)
                        part_cell.append(first_cell + j)
            answers_seen += width
        self.publishers = list(index)
        self.answers = answers_seen
        # Built as compact ``array`` buffers (eight bytes an item, not a Python int
        # each), then viewed by numpy without a copy.
        ints = np.int64
        self.origin_answer = np.frombuffer(origin_answer, dtype=ints)
        self.origin_start = np.frombuffer(origin_start, dtype=ints)
        self.entry_publisher = np.frombuffer(entry_publisher, dtype=ints)
        self.entry_weight = np.frombuffer(entry_weight, dtype=np.float64)
        self.cell_answer = np.frombuffer(cell_answer, dtype=ints)
        self.cell_pair = np.frombuffer(cell_pair, dtype=ints)
        self.loss_cell = np.frombuffer(loss_cell, dtype=ints)
        self.loss_origin = np.frombuffer(loss_origin, dtype=ints)
        self.share_pair = np.frombuffer(share_pair, dtype=ints)
        self.part_share = np.frombuffer(part_share, dtype=ints)
        self.part_cell = np.frombuffer(part_cell, dtype=ints)
        self.pair_publisher = np.frombuffer(pair_publisher, dtype=ints)
        self.pair_shares = np.frombuffer(pair_shares, dtype=ints).astype(np.float64)

    def tally(self, votes: Mapping[str, float]) -> tuple[dict[str, int], dict[str, int]]:
        """Summed leave-one-out agreement and questions counted, per publisher: what
        :func:`~negotiations.reconcile._engine.tally_agreement` gives."""
        np = self.np
        if not len(self.origin_start):
            return {}, {}
        vote = np.array([votes[key] for key in self.publishers], dtype=np.float64)
        # Each origin's strongest claim, capped at one unit.
        top = np.maximum.reduceat(vote[self.entry_publisher] * self.entry_weight, self.origin_start)
        top = np.minimum(top, 1.0)
        totals = np.zeros(self.answers)
        np.add.at(totals, self.origin_answer, top)
        # Each publisher's view: every answer's total less its own origins.
        loss = np.zeros(len(self.cell_answer))
        np.add.at(loss, self.loss_cell, top[self.loss_origin])
        others = totals[self.cell_answer] - loss
        whole = np.zeros(len(self.pair_publisher))
        np.add.at(whole, self.cell_pair, others)
        part = np.zeros(len(self.share_pair))
        np.add.at(part, self.part_share, others[self.part_cell])
        with np.errstate(divide="ignore", invalid="ignore"):  # pairs left out below
            share = part / whole[self.share_pair]
        shares = np.zeros(len(self.pair_publisher))
        np.add.at(shares, self.share_pair, share)
        counted_pair = whole > 1e-12
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = shares[counted_pair] / self.pair_shares[counted_pair]
        points = np.rint(mean * float(self.unit)).astype(np.int64)
        publisher = self.pair_publisher[counted_pair]
        agreement = np.zeros(len(self.publishers), dtype=np.int64)
        np.add.at(agreement, publisher, points)
        counted = np.bincount(publisher, minlength=len(self.publishers))
        keys = self.publishers
        return (
            {keys[i]: int(agreement[i]) for i in np.flatnonzero(counted)},
            {keys[i]: int(counted[i]) for i in np.flatnonzero(counted)},
        )


#: Publishers paired in arrays at most (two square count matrices of this side).
ALIKE_MAX_PUBLISHERS = 2_048
#: Pairs listed at most per block of questions (about 50 bytes each while counted;
#: a block ends after the question that reaches it).
_ALIKE_BLOCK = 1 << 16


def alike_counts(
    questions: Sequence[tuple[tuple[tuple[str, tuple[int, ...]], ...], bool]],
    among: frozenset[str],
    np: Any,
    *,
    block: int = _ALIKE_BLOCK,
    most: int = ALIKE_MAX_PUBLISHERS,
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]] | None:
    """Per pair of publishers in ``among``, the disputed questions both answer and those
    they answer alike: :func:`~negotiations.reconcile._engine.tally_alike` in arrays,
    counting for each block of questions the pairs of publishers who answered one
    (both answer) and who gave one the same answers (alike). Counts are whole
    numbers, so they are the loop's exactly. ``questions``: each question's ``said``
    and whether it is disputed; ``block``: pairs per block. None when more than
    ``most`` publishers would be paired (the loop then counts them)."""
    index: dict[str, int] = {}
    answered: list[tuple[array[int], array[int]]] = []  # per block: (row, publisher)
    alike: list[tuple[array[int], array[int]]] = []  # per block: (answer group, publisher)
    rows, row_cols, groups, group_cols = array("q"), array("q"), array("q"), array("q")
    row = group = pairs = 0
    for said, disputed in questions:
        if not disputed:
            continue
        present = [(key, given) for key, given in said if key in among]
        if len(present) < 2:
            continue
        seen: dict[tuple[int, ...], int] = {}
        for key, given in present:
            column = index.setdefault(key, len(index))
            rows.append(row)
            row_cols.append(column)
            found = seen.get(given)
            if found is None:
                found = seen[given] = group
                group += 1
            groups.append(found)
            group_cols.append(column)
        row += 1
        pairs += len(present) * (len(present) - 1) // 2
        if pairs >= block:
            answered.append((rows, row_cols))
            alike.append((groups, group_cols))
            rows, row_cols, groups, group_cols = array("q"), array("q"), array("q"), array("q")
            row = group = pairs = 0
    if row:
        answered.append((rows, row_cols))
        alike.append((groups, group_cols))
    width = len(index)
    if width > most:
        return None
    both = _gram(answered, width, np)
    same = _gram(alike, width, np)
    keys = list(index)
    first, second = np.nonzero(both)  # (counts sit above the diagonal: i < j)
    shared_out: dict[tuple[str, str], int] = {}
    same_out: dict[tuple[str, str], int] = {}
    for i, j in zip(first.tolist(), second.tolist(), strict=True):
        pair = (keys[i], keys[j]) if keys[i] < keys[j] else (keys[j], keys[i])
        shared_out[pair] = int(both[i, j])
        if same[i, j]:
            same_out[pair] = int(same[i, j])
    return shared_out, same_out


def _gram(blocks: Sequence[tuple[array[int], array[int]]], width: int, np: Any) -> Any:
    """For every pair of columns (i < j, upper triangle), how many rows of the blocks
    hold both: each block given by its (row, column) cells. The pairs within each row
    are listed and counted (``bincount``), with no matrix product: whole numbers, one
    thread, whatever BLAS the machine has."""
    total = np.zeros(width * width, dtype=np.int64)
    for rows, columns in blocks:
        order = np.argsort(np.frombuffer(rows, dtype=np.int64), kind="stable")
        row = np.frombuffer(rows, dtype=np.int64)[order]
        column = np.frombuffer(columns, dtype=np.int64)[order]
        cells = len(row)
        starts = np.flatnonzero(np.concatenate(([True], row[1:] != row[:-1])))
        ends = np.append(starts[1:], cells)
        # Each cell pairs with the cells after it in its row.
        later = np.repeat(ends, ends - starts) - np.arange(cells) - 1
        pairs = int(later.sum())
        first = np.repeat(column, later)
        begins = np.repeat(np.arange(1, cells + 1) - (np.cumsum(later) - later), later)
        second = column[np.arange(pairs) + begins]
        low, high = np.minimum(first, second), np.maximum(first, second)
        total += np.bincount(low * width + high, minlength=width * width)
    return total.reshape(width, width)
