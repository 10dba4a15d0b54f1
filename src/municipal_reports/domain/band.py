"""The rounding band of written figures: the one rule for totals.

A figure written rounded to a step ``u`` («20,0 тис. грн» rounds to 100 грн) is within
``u / 2`` of the raw value it stands for; a figure written to its last unit (a kopeck, a
single count) is exact. Figures that should agree (parts and their total, a sum and the
percentage computed from it) may then miss each other by the sum of every figure's
half-step, the total's included: ``n`` parts and a total all rounded to ``u`` give
``(n + 1) × u / 2``. Each figure brings its own step, so a row that mixes steps is measured
as it was written.

Steps and differences are whole numbers of the figures' smallest unit (kopecks for money,
one for counts); the band is kept as its *width* (the sum of the steps, twice the band), so
that every comparison stays in integers.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs

__all__ = ["Band", "Fit", "fit"]


class Fit(enum.Enum):
    """How a declared figure fits the one computed from others (a total and its parts)."""

    EQUAL = "equal"
    #: Not equal, but within the band that rounding each written figure allows.
    ROUNDING = "rounding"
    MISMATCH = "mismatch"


def _error_width(step: int) -> int:
    # A step of one unit is no rounding at all: the figure is the value.
    return step if step > 1 else 0


@attrs.frozen
class Band:
    """How far figures written rounded may stray, together, from the raw values.

    ``width`` is the sum of the steps of the figures that carry rounding error; the band is
    ``±width / 2``.

    >>> Band.of([10_000, 10_000, 10_000]).allows(15_000)  # 3 figures of 100 грн: ±150 грн
    True
    >>> Band.of([1, 1]).width  # written to the kopeck: exact
    0
    """

    width: int = 0

    @classmethod
    def of(cls, steps: Iterable[int]) -> Band:
        """The band of figures rounded to ``steps`` (one step a figure)."""
        return cls(sum(_error_width(s) for s in steps))

    @classmethod
    def uniform(cls, count: int, step: int) -> Band:
        """The band of ``count`` figures all rounded to ``step``.

        >>> Band.uniform(3, 10_000) == Band.of([10_000] * 3)
        True
        """
        return cls(count * _error_width(step))

    @classmethod
    def of_total(cls, part_steps: Iterable[int], total_step: int) -> Band:
        """The band within which parts rounded to ``part_steps`` may miss a total rounded to
        ``total_step``: every part's half-step, and the total's.

        >>> Band.of_total([10_000, 10_000], 10_000).width  # (2 + 1) × 100 грн
        30000
        """
        return cls.of(part_steps) + cls.of((total_step,))

    @property
    def is_exact(self) -> bool:
        """Whether no figure carries rounding error: only equality fits."""
        return self.width == 0

    def allows(self, difference: int | Decimal) -> bool:
        """Whether figures may differ by ``difference`` through rounding alone (a Decimal
        where a reading of the figures is still being tried, as the table importer does)."""
        twice = difference + difference
        return -self.width <= twice <= self.width

    def fit(self, declared: int, computed: int) -> Fit:
        """How ``declared`` fits ``computed`` within this band.

        >>> Band.uniform(3, 10_000).fit(8_431_050_000, 8_431_060_000)
        <Fit.ROUNDING: 'rounding'>
        """
        return fit(declared, computed, self)

    def __add__(self, other: Band) -> Band:
        if not isinstance(other, Band):
            return NotImplemented
        return Band(self.width + other.width)


def fit(declared: int, computed: int, band: Band) -> Fit:
    """How a ``declared`` figure fits the ``computed`` one (a total and its parts' sum):
    equal, a rounding difference inside ``band``, or a mismatch.

    >>> fit(100, 100, Band()), fit(100, 101, Band())
    (<Fit.EQUAL: 'equal'>, <Fit.MISMATCH: 'mismatch'>)
    """
    difference = computed - declared
    if difference == 0:
        return Fit.EQUAL
    return Fit.ROUNDING if band.allows(difference) else Fit.MISMATCH
