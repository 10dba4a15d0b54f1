"""The other facts a report states: breakdowns, awards, deputy funds, participatory budgets,
standalone figures and announced lists."""

from __future__ import annotations

import attrs

from municipal_reports.domain._checks import (
    check_declared,
    declare,
    declared,
    instance_of,
    int_at_least,
    non_empty_text,
    non_negative,
    tuple_of,
    tuple_of_text,
)
from municipal_reports.domain.band import Band, Fit
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent
from municipal_reports.domain.period import ReportingPeriod
from municipal_reports.domain.program import MoneyFormat
from municipal_reports.domain.quantity import Quantity
from municipal_reports.domain.references import Person
from municipal_reports.errors import Problem

__all__ = [
    "AwardBatch",
    "AwardShare",
    "Breakdown",
    "DeputyFundAllocation",
    "Figure",
    "FundItem",
    "ListedItems",
    "MoneyBreakdown",
    "MoneyPart",
    "Part",
    "ParticipatoryBudget",
    "ProjectCap",
]


def to_quantity(value: Quantity | int) -> Quantity:
    """Accept a bare int where a count is meant: ``8`` is ``Quantity(8)``."""
    if isinstance(value, Quantity):
        return value
    return Quantity(value)


def to_optional_quantity(value: Quantity | int | None) -> Quantity | None:
    """:func:`to_quantity`, letting ``None`` through."""
    return None if value is None else to_quantity(value)


def to_quantities(value: Quantity | int | tuple[Quantity | int, ...]) -> tuple[Quantity, ...]:
    """One count or a tuple of counts, as a tuple of quantities."""
    if isinstance(value, tuple):
        return tuple(to_quantity(v) for v in value)
    return (to_quantity(value),)


@declared
@attrs.frozen
class Part:
    """One named part of a :class:`Breakdown`: «з питань бюджету … – 27 засідань»."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    value: Quantity = attrs.field(converter=to_quantity, metadata=declare(instance_of(Quantity)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Breakdown:
    """A named count and the named parts it is made of: committee meetings by committee,
    letters by sender, self-organisation bodies by district."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    total: Quantity = attrs.field(converter=to_quantity, metadata=declare(instance_of(Quantity)))
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=declare(tuple_of(Part)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class MoneyPart:
    """One named amount of a :class:`MoneyBreakdown`: a program section's spending."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    amount: Money = attrs.field(metadata=declare(non_negative(Money)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class MoneyBreakdown:
    """A named amount and the named amounts it is made of: a program's spending by section.

    ``written`` says how the document wrote the figures (to the kopeck, or in «тис. грн»
    with a decimal), which decides whether the parts must meet the total exactly.
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    total: Money = attrs.field(metadata=declare(non_negative(Money)))
    parts: tuple[MoneyPart, ...] = attrs.field(default=(), metadata=declare(tuple_of(MoneyPart)))
    written: MoneyFormat = attrs.field(
        default=MoneyFormat(), metadata=declare(instance_of(MoneyFormat))
    )

    __attrs_post_init__ = check_declared

    def parts_sum(self) -> Money:
        """The parts' amounts added up (exact)."""
        return Money._unchecked(sum([p.amount.kopecks for p in self.parts]))

    @property
    def band(self) -> Band:
        """How far the parts may miss the total through rounding: each written figure's
        half-step, the total's included (none when written to the kopeck)."""
        step = self.written.step_kopecks
        return Band.of_total([step] * len(self.parts), step)

    def fit(self) -> Fit:
        """How the total fits its parts under the one rule for totals.

        >>> parts = (MoneyPart("a", Money(100)), MoneyPart("b", Money(200)))
        >>> MoneyBreakdown("spending", Money(300), parts).fit()
        <Fit.EQUAL: 'equal'>
        """
        return self.band.fit(self.total.kopecks, self.parts_sum().kopecks)


@declared
@attrs.frozen
class AwardShare:
    """A part of those awarded: «81% – військовослужбовці», «32 – кавалери знака».

    The percentage, the count or both may be given; both are checked against each other.
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    percent: Percent | None = attrs.field(
        default=None, metadata=declare(non_negative(Percent, optional=True))
    )
    count: int | None = attrs.field(default=None, metadata=declare(int_at_least(0, optional=True)))

    def __attrs_post_init__(self) -> None:
        extra = []
        if self.percent is None and self.count is None:
            extra.append(Problem("$", self, "a share needs a percent, a count or both"))
        check_declared(self, extra)


@declared
@attrs.frozen
class AwardBatch:
    """The awards of a period: the commission's meetings, petitions (клопотання), people
    nominated and awarded, posthumous awards, shares of the awarded, and spending."""

    label: str = attrs.field(default="", metadata=declare(instance_of(str)))
    commission_meetings: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    petitions: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    nominated: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    awarded: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    posthumous: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    shares: tuple[AwardShare, ...] = attrs.field(default=(), metadata=declare(tuple_of(AwardShare)))
    spending: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class FundItem:
    """One spending of a deputy fund: the amount, what for, and for whom."""

    amount: Money = attrs.field(metadata=declare(non_negative(Money)))
    purpose: str = attrs.field(metadata=declare(non_empty_text()))
    recipient: str = attrs.field(default="", metadata=declare(instance_of(str)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class DeputyFundAllocation:
    """How a deputy spent the district fund (депутатські кошти на потреби виборчого округу)."""

    fund_total: Money = attrs.field(metadata=declare(non_negative(Money)))
    items: tuple[FundItem, ...] = attrs.field(default=(), metadata=declare(tuple_of(FundItem)))
    deputy: Person | None = attrs.field(
        default=None, metadata=declare(instance_of(Person, optional=True))
    )
    period: ReportingPeriod | None = attrs.field(
        default=None, metadata=declare(instance_of(ReportingPeriod, optional=True))
    )

    __attrs_post_init__ = check_declared

    def items_sum(self) -> Money:
        """The items' amounts added up (exact)."""
        return Money._unchecked(sum([i.amount.kopecks for i in self.items]))

    def fit(self) -> Fit:
        """How the fund total fits its items: they are written to the kopeck, so only
        equality fits."""
        return Band().fit(self.fund_total.kopecks, self.items_sum().kopecks)


@declared
@attrs.frozen
class ProjectCap:
    """The most a project category may cost: «великі – до 1 млн 500 тис грн (1 млн 350 тис
    грн + 10% резерву)». ``base`` and ``reserve`` are given when the document splits it."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    limit: Money = attrs.field(metadata=declare(non_negative(Money)))
    base: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    reserve: Percent | None = attrs.field(
        default=None, metadata=declare(non_negative(Percent, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class ParticipatoryBudget:
    """A participatory budget (бюджет участі) round: money, caps, projects and votes.

    ``voters`` holds every figure the document gives for the number of voters (real text
    sometimes gives two that disagree); ``votes_per_voter`` is the most votes one person
    could cast.
    """

    budget: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    caps: tuple[ProjectCap, ...] = attrs.field(default=(), metadata=declare(tuple_of(ProjectCap)))
    submitted: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    submitted_amount: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    admitted: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    winners: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )
    voters: tuple[Quantity, ...] = attrs.field(
        default=(), converter=to_quantities, metadata=declare(tuple_of(Quantity))
    )
    votes: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    votes_per_voter: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(1, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Figure:
    """A count the text states about one thing: «близько 3000 публікацій».

    ``values`` holds every figure the document gives for that same thing; two that cannot
    both be true (an exact 12 527 and «близько 9 тисяч») are a finding.
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    values: tuple[Quantity, ...] = attrs.field(
        converter=to_quantities, metadata=declare(tuple_of(Quantity, non_empty=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class ListedItems:
    """A list the text announces with a count: «проведено 5 навчань: 1. … 7. …»."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    items: tuple[str, ...] = attrs.field(default=(), metadata=declare(tuple_of_text()))
    declared_count: int | None = attrs.field(
        default=None, metadata=declare(int_at_least(0, optional=True))
    )

    __attrs_post_init__ = check_declared
