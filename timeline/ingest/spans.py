"""Occupied stretches of a text, asked "is this free?" in log time.

The entity linker asks, for every candidate name, whether a name already found overlaps it. A
list scanned per question makes a whole document quadratic (a 4 MB file spent most of its time
there); this keeps the stretches merged and sorted, so a question is two bisections.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Occupied:
    """Disjoint, sorted [start, end) stretches; stretches that overlap are merged when added."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans or []):
            self.add(start, end)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some stretch shares a character with [start, end)."""
        i = bisect_left(self._starts, end) - 1  # the last stretch starting before ``end``
        return i >= 0 and self._ends[i] > start

    def covers(self, position: int) -> bool:
        """Whether ``position`` lies inside some stretch."""
        return self.overlaps(position, position + 1)

    def inside(self, start: int, end: int) -> bool:
        """Whether every stretch overlapping [start, end) lies within it."""
        lo, hi = self._range(start, end)
        return all(start <= self._starts[i] and self._ends[i] <= end for i in range(lo, hi))

    def add(self, start: int, end: int) -> None:
        """Occupy [start, end), merged with the stretches it overlaps."""
        if end <= start:
            return
        lo, hi = self._range(start, end)
        if lo < hi:
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def remove_within(self, start: int, end: int) -> None:
        """Free the stretches that lie wholly inside [start, end)."""
        lo, hi = self._range(start, end)
        keep = [i for i in range(lo, hi) if not (start <= self._starts[i] and self._ends[i] <= end)]
        self._starts[lo:hi] = [self._starts[i] for i in keep]
        self._ends[lo:hi] = [self._ends[i] for i in keep]

    def _range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [lo, hi) of the stretches that overlap [start, end)."""
        lo = bisect_right(self._ends, start)  # first stretch ending after ``start``
        hi = bisect_left(self._starts, end)  # stretches starting before ``end``
        return lo, max(lo, hi)


class Placed(Generic[T]):
    """Values placed at [start, end) stretches (which may overlap), sorted by start, to take out
    the ones inside a stretch in log time plus what is taken."""

    def __init__(self) -> None:
        self._keys: list[tuple[int, int, int]] = []  # (start, order added, end)
        self._values: list[T] = []
        self._added = 0

    def __iter__(self) -> Iterator[T]:
        return iter(self._values)

    def add(self, start: int, end: int, value: T) -> None:
        key = (start, self._added, end)
        self._added += 1
        i = bisect_left(self._keys, key)
        self._keys.insert(i, key)
        self._values.insert(i, value)

    def within(self, start: int, end: int, strictly: bool = False) -> list[T]:
        """The values whose stretch lies inside [start, end) (and ends before ``end``: strictly)."""
        return [self._values[i] for i in self._indices(start, end, strictly)]

    def remove_within(self, start: int, end: int, which: Callable[[T], bool] = lambda value: True) -> None:
        """Take out the values inside [start, end) that ``which`` picks."""
        lo, hi = self._bounds(start, end)
        gone = {i for i in self._indices(start, end, False) if which(self._values[i])}
        if gone:
            self._keys[lo:hi] = [self._keys[i] for i in range(lo, hi) if i not in gone]
            self._values[lo:hi] = [self._values[i] for i in range(lo, hi) if i not in gone]

    def _bounds(self, start: int, end: int) -> tuple[int, int]:
        return bisect_left(self._keys, (start, -1, -1)), bisect_left(self._keys, (end, -1, -1))

    def _indices(self, start: int, end: int, strictly: bool) -> list[int]:
        lo, hi = self._bounds(start, end)
        return [i for i in range(lo, hi) if (self._keys[i][2] < end if strictly else self._keys[i][2] <= end)]
