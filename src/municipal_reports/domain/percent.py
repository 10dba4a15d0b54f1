"""Percentages: the precision they were written with, and the one rule that computes them.

Everything that computes an execution percentage calls :func:`percentage`; everything that
judges a declared one calls :func:`is_correct_rounding`. Both work in integers, so they are
exact and cheap: a percentage is ``units × 10**-decimals``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Context, Decimal, InvalidOperation
from typing import Final

from municipal_reports.domain.band import Band, Fit, fit
from municipal_reports.domain.money import Money
from municipal_reports.errors import InvalidTypeError, InvalidValueError, Problem
from municipal_reports.paths import ROOT

__all__ = [
    "PLAIN_PERCENT",
    "Percent",
    "is_correct_rounding",
    "is_truncation",
    "percentage",
    "shares_fit",
]

_MAX_DECIMALS: Final = 12
# The bound: every percentage of two valid Money values must fit. The largest is a part of
# 10**17 − 1 kopecks (just under MAX_HRYVNIAS) over a whole of 1 kopeck:
# (10**17 − 1) / 1 × 100 % = 10**19 − 100 %, written by percentage() with 2 decimals as
# 9999999999999999900.00: 19 integer digits. So a Percent is below 10**19 % in magnitude
# (its first digit at most at 10**18).
_MAX_ADJUSTED: Final = 18
_LIMIT: Final = 10 ** (_MAX_ADJUSTED + 1)
# Exact for every Percent: 19 integer digits and 12 decimals are 31 digits, more than the
# default context's 28 (which would round the 29th away unseen).
_EXACT: Final = Context(prec=_MAX_ADJUSTED + 1 + _MAX_DECIMALS)
# percentage()'s results, in hundredths of a percent, are below this.
_LIMIT_HUNDREDTHS: Final = _LIMIT * 100
# Powers of ten for the decimals a percent may have (``10**d`` is typed Any by mypy).
_POW10: Final[tuple[int, ...]] = tuple(int(10**i) for i in range(_MAX_DECIMALS + 1))


#: A percent without its sign as a regular expression: 1–19 integer digits without leading
#: zeros (below the bound) and up to 12 decimals, ASCII only. The readers' patterns build on it.
PLAIN_PERCENT: Final = rf"(?:0|[1-9][0-9]{{0,{_MAX_ADJUSTED}}})(?:\.[0-9]{{1,{_MAX_DECIMALS}}})?"
# The common canonical form, exactly two decimals, read by one match.
_two_decimals: Final = re.compile(rf"(?:0|[1-9][0-9]{{0,{_MAX_ADJUSTED}}})\.[0-9]{{2}}").fullmatch
_new: Final = object.__new__
_set: Final = object.__setattr__


def _canonical(text: str) -> tuple[int, int] | None:
    """(units, decimals) of a percentage in canonical text («24.69», «64», «-0.5»), else None.

    Canonical: an optional minus, 1–19 digits without leading zeros, and at most 12 decimals
    after a dot; what JSON files hold and ``str(Percent)`` writes.
    """
    digits = text[1:] if text[:1] == "-" else text
    whole, dot, frac = digits.partition(".")
    if not (
        digits.isascii()
        and whole.isdigit()
        and len(whole) <= _MAX_ADJUSTED + 1
        and (whole[0] != "0" or whole == "0")
    ):
        return None
    if not dot:
        units, decimals = int(whole), 0
    elif frac.isdigit() and len(frac) <= _MAX_DECIMALS:
        units, decimals = int(whole + frac), len(frac)
    else:
        return None
    if digits is not text:
        # «-0.00» is no canonical percentage: it would be written back as «0.00».
        return (-units, decimals) if units else None
    return units, decimals


_TOO_LARGE: Final = f"must be less than {_LIMIT:,} % in magnitude"


def _refuse(value: object, reason: str, *, is_type: bool = False) -> Exception:
    problem = Problem("$", value, reason, is_type)
    if is_type:
        return InvalidTypeError([problem], subject="Percent")
    return InvalidValueError([problem], subject="Percent")


class Percent:
    """A percentage that keeps the precision it was written with.

    «64%» has no decimals and «51,88%» has two; the two are different facts, so equality
    compares the precision too (ordering compares only the values). It has at most 12
    decimals and is below 10**19 % in magnitude: every :func:`percentage` of two amounts fits.

    >>> Percent("51.88").decimals, Percent("64").decimals
    (2, 0)
    >>> Percent("64") == Percent("64.00"), Percent("64") < Percent("64.01")
    (False, True)
    """

    # Slots read by name, not properties: audits read them by the hundred thousand.
    # Assigning them raises, as everything else on a Percent does.
    __slots__ = ("decimals", "units")

    units: int
    """The value in units of its last decimal place (51.88% → 5188)."""
    decimals: int
    """How many decimals it was written with."""

    def __init__(self, value: Decimal | int | str) -> None:
        if type(value) is str and (parsed := _canonical(value)) is not None:
            object.__setattr__(self, "units", parsed[0])
            object.__setattr__(self, "decimals", parsed[1])
            return
        if isinstance(value, (bool, float)):
            raise _refuse(value, "must be Decimal, int or str, never float or bool", is_type=True)
        if isinstance(value, int):
            dec = Decimal(value)
        elif isinstance(value, Decimal):
            dec = value
        elif isinstance(value, str):
            try:
                dec = Decimal(value.strip())
            except InvalidOperation:
                raise _refuse(value, "is not a decimal number") from None
        else:
            raise _refuse(value, "must be Decimal, int or str", is_type=True)
        if not dec.is_finite():
            raise _refuse(value, "must be a finite number")
        if dec.is_zero() and dec.is_signed():
            raise _refuse(value, "is a negative zero (write 0)")
        if dec != 0 and dec.adjusted() > _MAX_ADJUSTED:
            raise _refuse(value, _TOO_LARGE)
        exponent = dec.as_tuple().exponent
        assert isinstance(exponent, int)  # finite, checked above
        decimals = max(0, -exponent)
        if decimals > _MAX_DECIMALS:
            raise _refuse(value, f"has more than {_MAX_DECIMALS} decimals")
        # Exact: at most 19 + 12 digits, inside the wide context's 31.
        object.__setattr__(self, "units", int(dec.scaleb(decimals, _EXACT)))
        object.__setattr__(self, "decimals", decimals)

    @classmethod
    def from_canonical(cls, text: str) -> Percent | None:
        """The percentage written in canonical text («24.69», «64»), or None for other text.

        >>> Percent.from_canonical("51.88"), Percent.from_canonical("51,88%")
        (Percent('51.88'), None)
        """
        percent = _new(cls)
        if _two_decimals(text) is not None:
            # The common form, «24.69», in one call: files hold one a measure.
            _set(percent, "units", int(text.replace(".", "")))
            _set(percent, "decimals", 2)
            return percent
        parsed = _canonical(text)
        if parsed is None:
            return None
        _set(percent, "units", parsed[0])
        _set(percent, "decimals", parsed[1])
        return percent

    @classmethod
    def from_units(cls, units: int, decimals: int) -> Percent:
        """The percentage ``units × 10**-decimals`` (``from_units(2469, 2)`` is 24.69%)."""
        if not isinstance(units, int) or isinstance(units, bool):
            raise _refuse(units, "units must be int", is_type=True)
        if type(decimals) is not int or not 0 <= decimals <= _MAX_DECIMALS:
            raise _refuse(decimals, f"decimals must be an int from 0 to {_MAX_DECIMALS}")
        if abs(units) >= 10 ** (_MAX_ADJUSTED + 1 + decimals):
            raise _refuse(units, _TOO_LARGE)
        return cls._unchecked(units, decimals)

    @classmethod
    def _unchecked(cls, units: int, decimals: int) -> Percent:
        pct = object.__new__(cls)
        object.__setattr__(pct, "units", units)
        object.__setattr__(pct, "decimals", decimals)
        return pct

    @property
    def value(self) -> Decimal:
        """The percentage as a Decimal with its written number of decimals.

        Exact, with up to 31 digits: arithmetic on it in Decimal's default 28-digit context
        rounds the longest (19 integer digits and 12 decimals); compare ``units`` instead.
        """
        return Decimal(self.units).scaleb(-self.decimals, _EXACT)

    @property
    def scale(self) -> int:
        """``10 ** decimals``: how many units make one percent."""
        return _POW10[self.decimals]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Percent is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Percent is immutable")

    def __reduce__(self) -> tuple[object, tuple[int, int]]:
        return (Percent.from_units, (self.units, self.decimals))

    def _key(self, other: Percent) -> tuple[int, int]:
        # Both values scaled to the finer of the two precisions, for ordering.
        d = max(self.decimals, other.decimals)
        return (
            self.units * 10 ** (d - self.decimals),
            other.units * 10 ** (d - other.decimals),
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Percent):
            return self.units == other.units and self.decimals == other.decimals
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Percent", self.units, self.decimals))

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Percent):
            a, b = self._key(other)
            return a < b
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Percent):
            a, b = self._key(other)
            return a <= b
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Percent):
            a, b = self._key(other)
            return a > b
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Percent):
            a, b = self._key(other)
            return a >= b
        return NotImplemented

    def same_value(self, other: Percent) -> bool:
        """Whether the two are equal as numbers, whatever their written precision."""
        a, b = self._key(other)
        return a == b

    def __str__(self) -> str:
        """The canonical text: a dot before the written decimals (``'24.69'``, ``'64'``)."""
        if self.decimals == 0:
            return str(self.units)
        sign = "-" if self.units < 0 else ""
        whole, frac = divmod(abs(self.units), 10**self.decimals)
        return f"{sign}{whole}.{frac:0{self.decimals}d}"

    def __repr__(self) -> str:
        return f"Percent('{self}')"


def _units_of(value: Money | int, name: str) -> int:
    if isinstance(value, Money):
        return value.kopecks
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InvalidTypeError([Problem(f"$.{name}", value, "must be Money or int", True)])


def _same_kind(part: Money | int, whole: Money | int) -> tuple[int, int]:
    if isinstance(part, Money) != isinstance(whole, Money):
        raise InvalidTypeError(
            [Problem("$", (part, whole), "part and whole must both be Money or both int", True)]
        )
    return _units_of(part, "part"), _units_of(whole, "whole")


def percentage(part: Money | int, whole: Money | int) -> Percent | None:
    """The one rule: ``part / whole × 100``, rounded half-up to 2 decimals.

    ``None`` when ``whole`` is zero: the percentage is undefined, never 0 and never an
    exception. Part and whole are both :class:`Money` or both counts (int). A negative
    quotient (a deviation «(+, -)», or a negative whole) keeps its sign and rounds half away
    from zero, as Decimal's ``ROUND_HALF_UP`` does: the magnitude rounds as a positive
    one would, so a value and its negation are always rounded alike.

    >>> percentage(Money("513537.84"), Money("2080000.00"))
    Percent('24.69')
    >>> percentage(1, 8)  # 12.5 exactly: half-up, not half-even
    Percent('12.50')
    >>> percentage(-1, 8), percentage(1, -800)  # half away from zero: −12.5, −0.125
    (Percent('-12.50'), Percent('-0.13'))
    >>> percentage(Money(5), Money(0)) is None
    True

    Every percentage of two :class:`Money` values is a valid :class:`Percent` (below
    10**19 %); counts, and sums of Money beyond ``MAX_HRYVNIAS``, whose percentage would not
    be, are refused with :class:`~municipal_reports.errors.InvalidValueError`.
    """
    if part.__class__ is Money and whole.__class__ is Money:
        p, w = part.kopecks, whole.kopecks  # the common case, without the type dispatch
    else:
        p, w = _same_kind(part, whole)
    if w == 0:
        return None
    num = p * 10_000
    # Round the magnitude, then restore the sign: half away from zero for negative quotients.
    negative = (num < 0) != (w < 0)
    q, r = divmod(abs(num), abs(w))
    if 2 * r >= abs(w):
        q += 1
    if q >= _LIMIT_HUNDREDTHS:
        raise InvalidValueError(
            [Problem("$.part", part, f"over the whole {whole!r} is not below {_LIMIT:,} %")],
            subject="percentage",
        )
    return Percent._unchecked(-q if negative else q, 2)


def _declared(value: object, path: str = "$.declared") -> Percent:
    if not isinstance(value, Percent):
        raise InvalidTypeError([Problem(path, value, "must be Percent", True)])
    return value


def _steps(value: Money | int | None) -> int:
    if value is None:
        return 0
    return _units_of(value, "step")


def is_correct_rounding(
    declared: Percent,
    part: Money | int,
    whole: Money | int,
    *,
    part_step: Money | int | None = None,
    whole_step: Money | int | None = None,
) -> bool:
    """Whether ``declared`` is a correct rounding of the exact ``part / whole × 100``.

    Correct means within half a unit of the declared value's last decimal place:
    «64%» covers [63.5, 64.5], «51,88%» covers [51.875, 51.885]. An undefined percentage
    (``whole`` zero) has no correct rounding: the answer is ``False``.

    Where the part and whole were themselves written rounded (a «тис. грн» column with one
    decimal rounds to ``step`` = 100 грн), the document computed its percentage from figures
    the reader cannot see; it is then correct if it is a correct rounding of what any figures
    that round to the written ones would give.

    >>> is_correct_rounding(Percent("51.88"), Money("249000"), Money("480000"))
    True
    >>> is_correct_rounding(Percent("25"), Money("33900"), Money("141000"))
    False
    >>> is_correct_rounding(Percent("24.02"), Money("33900"), Money("141000"))
    False
    >>> step = Money(100)
    >>> is_correct_rounding(Percent("24.02"), Money("33900"), Money("141000"), part_step=step, whole_step=step)
    True
    """
    if declared.__class__ is not Percent:
        _declared(declared)
    if part.__class__ is Money and whole.__class__ is Money:
        p, w = part.kopecks, whole.kopecks
    else:
        p, w = _same_kind(part, whole)
    sp, sw = _steps(part_step), _steps(whole_step)
    if not (sp or sw):
        if w == 0:
            return False
        # |U / 10^d − 100 p / w| ≤ 1 / (2 · 10^d)   ⇔   2 |U w − 100 p 10^d| ≤ |w|
        return 2 * abs(declared.units * w - 100 * p * declared.scale) <= abs(w)
    # Doubled to stay in integers: the part lies in [2p − sp, 2p + sp] / 2, the whole in
    # [2w − sw, 2w + sw] / 2; the declared value covers [(2U − 1), (2U + 1)] / (2 · 10^d).
    part_low, part_high = max(0, 2 * p - sp), 2 * p + sp
    whole_low, whole_high = 2 * w - sw, 2 * w + sw
    if whole_high <= 0 or part_high < 0:
        return False
    scale, units = 200 * declared.scale, declared.units
    if whole_low <= 0:
        # The whole may come near zero, so every ratio above the least is reachable; but a
        # part that can only be zero gives 0 % whatever the whole.
        below_max = part_high > 0 or units <= 0
    else:
        below_max = (2 * units - 1) * whole_low <= scale * part_high
    above_min = scale * part_low <= (2 * units + 1) * whole_high
    return below_max and above_min


def is_truncation(declared: Percent, part: Money | int, whole: Money | int) -> bool:
    """Whether ``declared`` is ``part / whole × 100`` cut after its written decimals but
    not a correct rounding of it: some sources truncate instead of rounding.

    >>> is_truncation(Percent("19.5"), Money("158700000"), Money("811300000"))  # 19.561
    True
    >>> is_truncation(Percent("19.6"), Money("158700000"), Money("811300000"))  # rounded
    False
    """
    if declared.__class__ is not Percent:
        _declared(declared)
    if part.__class__ is Money and whole.__class__ is Money:
        p, w = part.kopecks, whole.kopecks
    else:
        p, w = _same_kind(part, whole)
    if w == 0 or is_correct_rounding(declared, part, whole):
        return False
    num = 100 * p * declared.scale
    # Cut toward zero: the magnitude's floor, with the quotient's sign.
    cut = abs(num) // abs(w)
    return declared.units == (-cut if (num < 0) != (w < 0) else cut)


def shares_fit(shares: Sequence[Percent], *, complete: bool = True) -> Fit:
    """How shares of one whole fit 100 % by the one rule for totals: each share written to
    ``d`` decimals carries up to half a unit of its last place of rounding error, so shares
    that make the whole may sum to 100 within the sum of those half-steps. A ``complete``
    list must make 100 %; a partial one must not exceed it.

    >>> shares_fit([Percent("79.8"), Percent("17.5"), Percent("2.7")])
    <Fit.EQUAL: 'equal'>
    >>> shares_fit([Percent(3), Percent(10), Percent(30), Percent(52), Percent(6)])  # 101
    <Fit.ROUNDING: 'rounding'>
    >>> shares_fit([Percent(40), Percent(56)])
    <Fit.MISMATCH: 'mismatch'>
    """
    for i, share in enumerate(shares):
        _declared(share, str(ROOT / "shares" / i))
    # One decimal finer than the finest share, so every share's step is more than one unit
    # (the band counts a step of one unit as no rounding).
    finest = max((s.decimals for s in shares), default=0) + 1
    summed = sum(s.units * 10 ** (finest - s.decimals) for s in shares)
    whole = 100 * 10**finest
    if not complete and summed <= whole:
        return Fit.EQUAL
    return fit(whole, summed, Band.of(10 ** (finest - s.decimals) for s in shares))
