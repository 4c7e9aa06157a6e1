"""Disjoint sets, for everything reconciliation joins: decision groups, independent
origins, copy groups. One implementation, with path halving; the smaller of two
roots stays the root, so representatives do not depend on the order of unions."""

from __future__ import annotations

from typing import Generic, TypeVar

#: Keys are labels: strings, or tuples of strings (both hashable and ordered).
K = TypeVar("K", str, tuple[str, ...])


class UnionFind(Generic[K]):
    """Sets of keys that can be joined; ``find`` gives a set's representative."""

    __slots__ = ("parent",)

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def add(self, key: K) -> None:
        """Make ``key`` a set of its own if it is not known yet."""
        self.parent.setdefault(key, key)

    def find(self, key: K) -> K:
        """The representative of ``key``'s set (adding ``key`` if new)."""
        parent = self.parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> K:
        """Join the sets of ``a`` and ``b``; returns the joined set's representative."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return root_a
        low, high = (root_a, root_b) if root_a < root_b else (root_b, root_a)
        self.parent[high] = low
        return low

    def __contains__(self, key: object) -> bool:
        return key in self.parent

    def keys(self) -> list[K]:
        """Every key, sorted."""
        return sorted(self.parent)
