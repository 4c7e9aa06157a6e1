"""Passages that two documents share word for word: the trace of a copy.

Outlets republish wire copy ("the same wire sentences in two outlets"), often
cut at different places. Two documents that share a run of at least
:data:`SHINGLE` consecutive words (compared after folding case, accents and
punctuation) carry the same passage; a claim quoted from inside such a passage
is not independent of claims quoted from the same passage elsewhere, and
reconciliation counts them as one origin.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from negotiations.model._names import fold
from negotiations.model._provenance import Document

#: How many consecutive words two documents must share for a passage to count as copied.
SHINGLE = 12

_WORD = re.compile(r"\w+", re.UNICODE)

#: A shared passage in one document: (start, end, key); the key is the same in every
#: document that carries the passage.
Passage = tuple[int, int, str]


def _words(text: str) -> list[tuple[str, int, int]]:
    out = []
    for match in _WORD.finditer(text):
        folded = fold(match.group())
        if folded:
            out.append((folded, match.start(), match.end()))
    return out


def _hash(words: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def shared_passages(documents: Iterable[Document]) -> Mapping[str, tuple[Passage, ...]]:
    """For each document id, the runs of words it shares with at least one other document."""
    tokens: dict[str, list[tuple[str, int, int]]] = {
        str(document.id): _words(document.text) for document in documents
    }
    where: dict[str, set[str]] = defaultdict(set)
    shingles: dict[str, list[str]] = {}
    for doc, words in tokens.items():
        hashes = [
            _hash(w for w, _, _ in words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)
        ]
        shingles[doc] = hashes
        for h in hashes:
            where[h].add(doc)
    out: dict[str, list[Passage]] = {}
    for doc, hashes in shingles.items():
        words = tokens[doc]
        runs: list[Passage] = []
        i = 0
        while i < len(hashes):
            if len(where[hashes[i]]) < 2:
                i += 1
                continue
            j = i
            while j + 1 < len(hashes) and len(where[hashes[j + 1]]) >= 2:
                j += 1
            # The same run of words has the same smallest shingle in every copy.
            key = "passage:" + min(hashes[i : j + 1])
            runs.append((words[i][1], words[j + SHINGLE - 1][2], key))
            i = j + 1
        if runs:
            out[doc] = runs
    return {doc: tuple(runs) for doc, runs in sorted(out.items())}


__all__ = ["SHINGLE", "Passage", "shared_passages"]
