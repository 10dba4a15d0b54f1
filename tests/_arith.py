"""Reference arithmetic for the tests, written apart from the library with Fraction.

The tests compare the library with these functions, so an expected value never comes from
the code under test. Each follows docs/percentages.md and the domain's rules literally, by
the slowest obvious route.
"""

from __future__ import annotations

from fractions import Fraction


def percent_half_away(part: int, whole: int) -> Fraction:
    """``part / whole × 100`` to 2 decimals: the magnitude rounded half-up, the sign kept."""
    exact = Fraction(100 * part, whole)
    magnitude = int(abs(exact) * 100 + Fraction(1, 2))  # floor(|x|·100 + ½)
    return Fraction(-magnitude if exact < 0 else magnitude, 100)


def declared_band(units: int, decimals: int) -> tuple[Fraction, Fraction]:
    """The exact values a percentage written as ``units × 10**-decimals`` may stand for."""
    half = Fraction(1, 2 * 10**decimals)
    value = Fraction(units, 10**decimals)
    return value - half, value + half


def fits_rounding(
    units: int, decimals: int, part: int, whole: int, part_step: int = 0, whole_step: int = 0
) -> bool:
    """Whether some part and whole that round to the written ones (each within half its
    step; a part is never negative, a whole must be positive) give a percentage that the
    declared one is a correct rounding of. Without steps: the exact value only."""
    low, high = declared_band(units, decimals)
    if not part_step and not whole_step:
        if whole == 0:
            return False
        exact = Fraction(100 * part, whole)
        return low <= exact <= high
    part_low = max(Fraction(0), part - Fraction(part_step, 2))
    part_high = part + Fraction(part_step, 2)
    whole_low = whole - Fraction(whole_step, 2)
    whole_high = whole + Fraction(whole_step, 2)
    if part_high < 0 or whole_high <= 0:
        return False
    # 100·part/whole over the box: the least at (part_low, whole_high); the most at
    # (part_high, whole_low), or without bound when the whole can come near zero.
    least = 100 * part_low / whole_high
    if whole_low > 0:
        most: Fraction | None = 100 * part_high / whole_low
    else:
        most = None if part_high > 0 else Fraction(0)
    return least <= high and (most is None or most >= low)


def total_band(count: int, step: int) -> Fraction:
    """How far ``count`` parts and their total, each rounded to ``step``, may miss."""
    return (count + 1) * Fraction(step, 2)
