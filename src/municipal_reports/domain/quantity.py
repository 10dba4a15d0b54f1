"""Counts as real text gives them: exact, or «близько», «більше», «до», «майже»."""

from __future__ import annotations

import enum
from collections.abc import Iterable

import attrs

from municipal_reports.domain._checks import (
    check_declared,
    declare,
    declared,
    instance_of,
    int_at_least,
)

__all__ = ["Interval", "Qualifier", "Quantity", "interval_sum"]


class Qualifier(enum.Enum):
    """How a count was qualified in the text."""

    EXACT = "exact"
    #: «близько», «приблизно», «орієнтовно»: within ±10% of the value.
    ABOUT = "about"
    #: «більше», «понад», «понад як»: strictly more than the value.
    MORE_THAN = "more_than"
    #: «не менше», «щонайменше»: the value or more.
    AT_LEAST = "at_least"
    #: «до», «не більше»: from zero up to the value.
    UP_TO = "up_to"
    #: «майже»: a little under the value (within 10% below it).
    ALMOST = "almost"


@attrs.frozen
class Interval:
    """A closed interval of whole numbers; ``high`` is ``None`` when unbounded."""

    low: int
    high: int | None

    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share at least one number."""
        if self.high is not None and other.low > self.high:
            return False
        return not (other.high is not None and self.low > other.high)

    def __contains__(self, n: object) -> bool:
        if not isinstance(n, int):
            return False
        return self.low <= n and (self.high is None or n <= self.high)

    def __add__(self, other: Interval) -> Interval:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(self.low + other.low, high)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


@declared
@attrs.frozen
class Quantity:
    """A non-negative count with the qualifier the text gave it.

    Checks treat a quantity as the interval of counts it allows:

    >>> Quantity(3000, Qualifier.ABOUT).interval
    Interval(low=2700, high=3300)
    >>> Quantity(11854, Qualifier.MORE_THAN).interval
    Interval(low=11855, high=None)
    >>> Quantity(12).is_exact
    True
    """

    value: int = attrs.field(metadata=declare(int_at_least(0)))
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT, metadata=declare(instance_of(Qualifier))
    )

    __attrs_post_init__ = check_declared

    @property
    def is_exact(self) -> bool:
        """Whether the count was given exactly."""
        return self.qualifier is Qualifier.EXACT

    @property
    def interval(self) -> Interval:
        """The counts this quantity allows."""
        v, q = self.value, self.qualifier
        if q is Qualifier.EXACT:
            return Interval(v, v)
        if q is Qualifier.ABOUT:
            return Interval(_ceil_div(9 * v, 10), (11 * v) // 10)
        if q is Qualifier.MORE_THAN:
            return Interval(v + 1, None)
        if q is Qualifier.AT_LEAST:
            return Interval(v, None)
        if q is Qualifier.UP_TO:
            return Interval(0, v)
        return Interval(_ceil_div(9 * v, 10), v)  # ALMOST

    def __str__(self) -> str:
        if self.is_exact:
            return str(self.value)
        return f"{self.qualifier.value} {self.value}"


def interval_sum(quantities: Iterable[Quantity]) -> Interval:
    """The interval that a sum of the given quantities can take."""
    total = Interval(0, 0)
    for q in quantities:
        total = total + q.interval
    return total
