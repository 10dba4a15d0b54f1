"""Money: exact hryvnias, held as integer kopecks.

Integer kopecks make sums exact and cheap (a sum of ints, not of Decimals); the public face
is still Decimal (:attr:`Money.amount`). A float is refused outright: it is wrong here, not
just imprecise (0.1 + 0.2 is not 0.3, and float rounding disagrees with half-up).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

from municipal_reports.errors import InvalidTypeError, InvalidValueError, Problem

__all__ = ["MAX_HRYVNIAS", "PLAIN_MONEY", "WHOLE_HRYVNIAS", "ZERO", "Money"]

#: The largest magnitude a Money may have, in hryvnias (a quadrillion). Ukraine's state
#: budget is a few trillion; anything larger is a unit mistake or hostile input, and
#: refusing it early keeps ``Decimal('1e999999999')`` from becoming a billion-digit int.
MAX_HRYVNIAS: Final = 10**15
_MAX_KOPECKS: Final = MAX_HRYVNIAS * 100


#: The hryvnias of a written amount as a regular expression: no sign, no leading zeros, at
#: most 15 digits (below :data:`MAX_HRYVNIAS`), ASCII only. The readers' patterns build on it.
WHOLE_HRYVNIAS: Final = rf"(?:0|[1-9][0-9]{{0,{len(str(MAX_HRYVNIAS)) - 2}}})"
#: An amount in its common written form: :data:`WHOLE_HRYVNIAS` and exactly two decimals.
PLAIN_MONEY: Final = rf"{WHOLE_HRYVNIAS}\.[0-9]{{2}}"
_TWO_DECIMALS: Final = re.compile(PLAIN_MONEY)
_two_decimals: Final = _TWO_DECIMALS.fullmatch
_new: Final = object.__new__
_set: Final = object.__setattr__


def _canonical_kopecks(text: str) -> int | None:
    """The kopecks of an amount in canonical text, else None.

    Canonical is what JSON files hold and ``str(Money)`` writes: an optional minus, 1–15
    digits without leading zeros, and at most two decimals after a dot («2080000.00», «5»,
    «-0.5»). int() on the digits is several times cheaper than a Decimal and just as exact.
    """
    if _TWO_DECIMALS.fullmatch(text) is not None:
        return int(text.replace(".", ""))  # the common form, «2080000.00»: one C scan
    digits = text[1:] if text[:1] == "-" else text
    whole, dot, frac = digits.partition(".")
    if not (
        digits.isascii()
        and whole.isdigit()
        and len(whole) <= 15
        and (whole[0] != "0" or whole == "0")
    ):
        return None
    if not dot:
        kopecks = int(whole) * 100
    elif frac.isdigit() and len(frac) <= 2:
        kopecks = int(whole) * 100 + int(frac) * (10 if len(frac) == 1 else 1)
    else:
        return None
    if digits is not text:
        # «-0.00» is no canonical amount: it would be written back as «0.00».
        return -kopecks if kopecks else None
    return kopecks


def _refuse(value: object, reason: str, *, is_type: bool = False) -> Exception:
    problem = Problem("$", value, reason, is_type)
    if is_type:
        return InvalidTypeError([problem], subject="Money")
    return InvalidValueError([problem], subject="Money")


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)):
        raise _refuse(value, "must be Decimal, int or str, never float or bool", is_type=True)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            raise _refuse(value, "is not a decimal number") from None
    raise _refuse(value, "must be Decimal, int or str", is_type=True)


def _kopecks_of(value: Decimal, original: object, per_unit: int = 100) -> int:
    """The kopecks in ``value`` units of ``per_unit`` kopecks each, computed exactly.

    Integer arithmetic on the Decimal's digits: the default decimal context keeps 28 digits
    and would round a fraction of a kopeck at the 29th digit away unseen.
    """
    if not value.is_finite():
        raise _refuse(original, "must be a finite number")
    if value.is_zero():
        if value.is_signed():
            raise _refuse(original, "is a negative zero (write 0)")
        return 0
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    kept = len(digits)
    while digits[kept - 1] == 0:  # trailing zeros say nothing; a non-zero digit ends them
        kept -= 1
    exponent += len(digits) - kept
    kopecks_exponent = exponent + len(str(per_unit)) - 1  # per_unit is a power of ten
    top = value.adjusted() + len(str(per_unit)) - 1  # the place of the first digit, in kopecks
    if top >= 17:
        raise _refuse(original, f"must be less than {MAX_HRYVNIAS:,} UAH in magnitude")
    if kopecks_exponent < 0:
        raise _refuse(original, "has a fraction of a kopeck (more than two decimals of a hryvnia)")
    kopecks: int = int("".join(map(str, digits[:kept]))) * int(10**kopecks_exponent)
    if kopecks >= _MAX_KOPECKS:
        raise _refuse(original, f"must be less than {MAX_HRYVNIAS:,} UAH in magnitude")
    return -kopecks if sign else kopecks


class Money:
    """An exact amount of hryvnias with kopeck precision.

    Built from ``Decimal``, ``int`` (whole hryvnias) or a decimal string; never from a
    float. Sums, differences and negation stay exact, and ``sum()`` works:

    >>> sum([Money("0.10"), Money("0.20")]) == Money("0.30")
    True
    >>> Money.from_thousands("20,0".replace(",", "."))
    Money('20000.00')
    >>> -Money(5)
    Money('-5.00')
    """

    # A slot read by name, not a property: sums and audits read it by the hundred thousand.
    # Assigning it raises, as everything else on a Money does.
    __slots__ = ("kopecks",)

    kopecks: int
    """The amount in kopecks."""

    def __init__(self, amount: Decimal | int | str) -> None:
        if type(amount) is str and (kopecks := _canonical_kopecks(amount)) is not None:
            object.__setattr__(self, "kopecks", kopecks)
            return
        object.__setattr__(self, "kopecks", _kopecks_of(_to_decimal(amount), amount))

    @classmethod
    def from_canonical(cls, text: str) -> Money | None:
        """The amount written in canonical text («2080000.00»), or None for any other text.

        The JSON format and ``str(Money)`` use this form; the JSON layer reads money with it.

        >>> Money.from_canonical("513537.84"), Money.from_canonical("1 000,00")
        (Money('513537.84'), None)
        """
        money = _new(cls)
        if _two_decimals(text) is not None:
            # The common form, «2080000.00», in one call: files hold hundreds of thousands.
            _set(money, "kopecks", int(text.replace(".", "")))
            return money
        kopecks = _canonical_kopecks(text)
        if kopecks is None:
            return None
        _set(money, "kopecks", kopecks)
        return money

    @classmethod
    def from_kopecks(cls, kopecks: int) -> Money:
        """The amount of ``kopecks`` kopecks (an int)."""
        if not isinstance(kopecks, int) or isinstance(kopecks, bool):
            raise _refuse(kopecks, "kopecks must be int", is_type=True)
        if abs(kopecks) >= _MAX_KOPECKS:
            raise _refuse(kopecks, f"must be less than {MAX_HRYVNIAS:,} UAH in magnitude")
        return cls._unchecked(kopecks)

    @classmethod
    def _unchecked(cls, kopecks: int) -> Money:
        money = object.__new__(cls)
        object.__setattr__(money, "kopecks", kopecks)
        return money

    @classmethod
    def from_thousands(cls, thousands: Decimal | int | str) -> Money:
        """The amount written as ``thousands`` in a «тис. грн» column.

        >>> Money.from_thousands("92.8")
        Money('92800.00')
        """
        return cls._unchecked(_kopecks_of(_to_decimal(thousands), thousands, 100_000))

    @classmethod
    def from_decimal(cls, value: Decimal, per_unit: int) -> Money:
        """The amount of ``value`` units of ``per_unit`` kopecks each (100 for hryvnias,
        100 000 for thousands), computed exactly: a fraction of a kopeck is refused however
        far to the right it lies.

        >>> Money.from_decimal(Decimal("20.5"), 100_000)
        Money('20500.00')
        """
        if not isinstance(value, Decimal):
            raise _refuse(value, "must be Decimal", is_type=True)
        if type(per_unit) is not int or per_unit < 1 or str(per_unit).rstrip("0") != "1":
            raise _refuse(per_unit, "per_unit must be a power of ten (100, 100_000)")
        return cls._unchecked(_kopecks_of(value, value, per_unit))

    @property
    def amount(self) -> Decimal:
        """The amount in hryvnias, always with two decimals."""
        return Decimal(self.kopecks).scaleb(-2)

    @property
    def thousands(self) -> Decimal:
        """The amount in thousands of hryvnias (exact, five decimals)."""
        return Decimal(self.kopecks).scaleb(-5)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Money is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("Money is immutable")

    def __reduce__(self) -> tuple[object, tuple[int]]:
        # Unchecked: sums are not bounded (a total of two 9·10**14 грн measures exists), and
        # every Money the library made must cross a process boundary, as a worker's findings do.
        return (Money._unchecked, (self.kopecks,))

    # Arithmetic: Money with Money only; ``0 + m`` so that ``sum()`` works.
    def __add__(self, other: object) -> Money:
        if isinstance(other, Money):
            return Money._unchecked(self.kopecks + other.kopecks)
        return NotImplemented

    def __radd__(self, other: object) -> Money:
        if isinstance(other, Money):
            return Money._unchecked(self.kopecks + other.kopecks)
        if type(other) is int and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if isinstance(other, Money):
            return Money._unchecked(self.kopecks - other.kopecks)
        return NotImplemented

    def __mul__(self, other: object) -> Money:
        if type(other) is int:
            return Money.from_kopecks(self.kopecks * other)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money._unchecked(-self.kopecks)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money._unchecked(abs(self.kopecks))

    def __bool__(self) -> bool:
        return self.kopecks != 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.kopecks == other.kopecks
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Money", self.kopecks))

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.kopecks < other.kopecks
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.kopecks <= other.kopecks
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.kopecks > other.kopecks
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self.kopecks >= other.kopecks
        return NotImplemented

    def __str__(self) -> str:
        """The canonical text: hryvnias, a dot, two decimals (``'2080000.00'``)."""
        sign = "-" if self.kopecks < 0 else ""
        whole, kop = divmod(abs(self.kopecks), 100)
        return f"{sign}{whole}.{kop:02d}"

    def __repr__(self) -> str:
        return f"Money('{self}')"


ZERO: Final = Money._unchecked(0)
