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
from municipal_reports.domain.band import Band, Fit, parts_fit
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent, shares_fit
from municipal_reports.domain.period import ReportingPeriod
from municipal_reports.domain.program import EXACT, MoneyFormat
from municipal_reports.domain.quantity import (
    Interval,
    Quantity,
    interval_sum,
    to_optional_quantity,
    to_quantities,
    to_quantity,
)
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
    "Share",
    "Shares",
    "WrittenMoney",
]


@declared
@attrs.frozen
class Part:
    """One named part of a :class:`Breakdown`: «з питань бюджету … – 27 засідань», with
    its declared share of the whole where the document gives one («54 (52%)»)."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    value: Quantity = attrs.field(converter=to_quantity, metadata=declare(instance_of(Quantity)))
    share: Percent | None = attrs.field(
        default=None, metadata=declare(non_negative(Percent, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Breakdown:
    """A named count and the named parts it is made of: committee meetings by committee,
    letters by sender, self-organisation bodies by district.

    ``complete`` says whether the document presents the parts as the whole of it (a
    «Всього» row, «з них» by channel) or only as some of them («зокрема», «серед них»,
    «найбільше»): a complete list must make the total, a partial one must not exceed it.
    A sub-part («з 19 звернень 17 розглянуто») is a partial breakdown with one part.
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    total: Quantity = attrs.field(converter=to_quantity, metadata=declare(instance_of(Quantity)))
    parts: tuple[Part, ...] = attrs.field(default=(), metadata=declare(tuple_of(Part)))
    complete: bool = attrs.field(default=True, metadata=declare(instance_of(bool)))

    __attrs_post_init__ = check_declared

    def parts_sum(self) -> Interval:
        """The counts the parts can add up to (approximate parts as intervals)."""
        return interval_sum(p.value for p in self.parts)

    def fit(self) -> Fit:
        """How the total fits its parts: :attr:`Fit.MISMATCH` when no reading of the
        figures makes the relation hold (parts = total when complete, parts ≤ total when
        partial), else :attr:`Fit.EQUAL` (counts have no rounding band).

        >>> Breakdown("appeals", 19, (Part("answered", 17),), complete=False).fit()
        <Fit.EQUAL: 'equal'>
        >>> Breakdown("appeals", 19, (Part("answered", 20),), complete=False).fit()
        <Fit.MISMATCH: 'mismatch'>
        """
        summed, total = self.parts_sum(), self.total.interval
        if self.complete:
            return Fit.EQUAL if summed.overlaps(total) else Fit.MISMATCH
        exceeds = total.high is not None and summed.low > total.high
        return Fit.MISMATCH if exceeds else Fit.EQUAL

    def shares_fit(self) -> Fit | None:
        """How the parts' declared shares fit 100 % (``None`` unless every part declares
        one): a complete list's shares make 100 % within their rounding band.

        >>> parts = (Part("a", 1, Percent(33)), Part("b", 2, Percent(67)))
        >>> Breakdown("votes", 3, parts).shares_fit()
        <Fit.EQUAL: 'equal'>
        """
        return _shares_fit([p.share for p in self.parts], self.complete)


@declared
@attrs.frozen
class WrittenMoney:
    """An amount as the document wrote it: the hryvnias, and the unit and decimals shown
    («7,6 млн» is 7 600 000,00 грн written to 0,1 млн), which is the step it was rounded to.

    >>> from municipal_reports.domain.program import MoneyUnit
    >>> WrittenMoney(Money(7_600_000), MoneyFormat(MoneyUnit.MILLION, 1)).step
    10000000
    """

    amount: Money = attrs.field(metadata=declare(non_negative(Money)))
    written: MoneyFormat = attrs.field(default=EXACT, metadata=declare(instance_of(MoneyFormat)))

    __attrs_post_init__ = check_declared

    @property
    def step(self) -> int:
        """The step the figure was rounded to, in kopecks."""
        return self.written.step_kopecks


@declared
@attrs.frozen
class MoneyPart:
    """One named amount of a :class:`MoneyBreakdown`: a program section's spending.

    ``written`` is how this figure was written where it differs from the breakdown's
    (a list in млрд грн with some items in млн грн); ``share`` its declared share of the
    total («5,3 млрд (34,2%)»).
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    amount: Money = attrs.field(metadata=declare(non_negative(Money)))
    written: MoneyFormat | None = attrs.field(
        default=None, metadata=declare(instance_of(MoneyFormat, optional=True))
    )
    share: Percent | None = attrs.field(
        default=None, metadata=declare(non_negative(Percent, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class MoneyBreakdown:
    """A named amount and the named amounts it is made of: a program's spending by section,
    a budget's revenue by fund.

    ``written`` says how the document wrote the figures (to the kopeck, or in «тис. грн»
    with a decimal), which decides whether the parts must meet the total exactly; a part
    (:attr:`MoneyPart.written`) or the total (``total_written``) written otherwise says so
    itself. ``complete`` is ``False`` for a list of only some parts («у тому числі»,
    «зокрема»): their sum must then not exceed the total.
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    total: Money = attrs.field(metadata=declare(non_negative(Money)))
    parts: tuple[MoneyPart, ...] = attrs.field(default=(), metadata=declare(tuple_of(MoneyPart)))
    written: MoneyFormat = attrs.field(
        default=MoneyFormat(), metadata=declare(instance_of(MoneyFormat))
    )
    complete: bool = attrs.field(default=True, metadata=declare(instance_of(bool)))
    total_written: MoneyFormat | None = attrs.field(
        default=None, metadata=declare(instance_of(MoneyFormat, optional=True))
    )

    __attrs_post_init__ = check_declared

    def parts_sum(self) -> Money:
        """The parts' amounts added up (exact)."""
        return Money._unchecked(sum([p.amount.kopecks for p in self.parts]))

    @property
    def total_format(self) -> MoneyFormat:
        """How the total was written."""
        return self.written if self.total_written is None else self.total_written

    def format_of(self, part: MoneyPart) -> MoneyFormat:
        """How ``part`` was written: its own format, else the breakdown's."""
        return self.written if part.written is None else part.written

    @property
    def band(self) -> Band:
        """How far the parts may miss the total through rounding: each written figure's
        half-step, the total's included (none when written to the kopeck)."""
        steps = [self.format_of(p).step_kopecks for p in self.parts]
        return Band.of_total(steps, self.total_format.step_kopecks)

    def fit(self) -> Fit:
        """How the total fits its parts under the one rule for totals (see
        :func:`~municipal_reports.domain.band.parts_fit`).

        >>> parts = (MoneyPart("a", Money(100)), MoneyPart("b", Money(200)))
        >>> MoneyBreakdown("spending", Money(300), parts).fit()
        <Fit.EQUAL: 'equal'>
        """
        return parts_fit(
            self.total.kopecks,
            self.total_format.step_kopecks,
            [(p.amount.kopecks, self.format_of(p).step_kopecks) for p in self.parts],
            complete=self.complete,
        )

    def shares_fit(self) -> Fit | None:
        """How the parts' declared shares fit 100 % (``None`` unless every part declares
        one)."""
        return _shares_fit([p.share for p in self.parts], self.complete)


def _shares_fit(shares: list[Percent | None], complete: bool) -> Fit | None:
    if not shares or None in shares:
        return None
    return shares_fit([s for s in shares if s is not None], complete=complete)


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
    count: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )

    def __attrs_post_init__(self) -> None:
        extra = []
        if self.percent is None and self.count is None:
            extra.append(Problem("$", self, "a share needs a percent, a count or both"))
        check_declared(self, extra)


@declared
@attrs.frozen
class AwardBatch:
    """The awards of a period: the commission's meetings, petitions (клопотання), people
    nominated and awarded, posthumous awards, shares of the awarded, and spending.

    ``shares_complete`` says the shares divide all of the awarded among them (their counts
    make the awarded, their percentages 100 %); by default they are some groups among the
    awarded («з яких 32 – кавалери знака»), which may overlap, so only each one is checked.
    """

    label: str = attrs.field(default="", metadata=declare(instance_of(str)))
    commission_meetings: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    petitions: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
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
    posthumous: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    shares: tuple[AwardShare, ...] = attrs.field(default=(), metadata=declare(tuple_of(AwardShare)))
    spending: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    shares_complete: bool = attrs.field(default=False, metadata=declare(instance_of(bool)))

    __attrs_post_init__ = check_declared

    def shares_count_fit(self) -> Fit | None:
        """How complete shares' counts fit the awarded (``None`` unless the shares are
        complete and every one gives a count): equal when some reading of the figures
        makes them the awarded, else a mismatch.

        >>> shares = (AwardShare("a", count=2), AwardShare("b", count=3))
        >>> AwardBatch(awarded=5, shares=shares, shares_complete=True).shares_count_fit()
        <Fit.EQUAL: 'equal'>
        """
        counts = [s.count for s in self.shares]
        if not self.shares_complete or self.awarded is None or not counts or None in counts:
            return None
        summed = interval_sum(c for c in counts if c is not None)
        return Fit.EQUAL if summed.overlaps(self.awarded.interval) else Fit.MISMATCH

    def shares_fit(self) -> Fit | None:
        """How complete shares' percentages fit 100 % (``None`` unless the shares are
        complete and every one gives a percentage)."""
        if not self.shares_complete:
            return None
        return _shares_fit([s.percent for s in self.shares], True)


@declared
@attrs.frozen
class FundItem:
    """One spending of a deputy fund: the amount, what for, and for whom; ``written`` is
    how the amount was written where it differs from the fund's."""

    amount: Money = attrs.field(metadata=declare(non_negative(Money)))
    purpose: str = attrs.field(metadata=declare(non_empty_text()))
    recipient: str = attrs.field(default="", metadata=declare(instance_of(str)))
    written: MoneyFormat | None = attrs.field(
        default=None, metadata=declare(instance_of(MoneyFormat, optional=True))
    )

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class DeputyFundAllocation:
    """How a deputy spent the district fund (депутатські кошти на потреби виборчого округу).

    ``written`` is how the document wrote the fund and, unless they say otherwise, its
    items (to the kopeck by default); ``total_written`` the fund's own writing where it
    differs («400,0 тис. грн» over items to the kopeck). ``complete`` is ``False`` when
    only some items are listed («зокрема»): they must then not exceed the fund.

    >>> from municipal_reports.domain.program import MoneyUnit
    >>> items = (FundItem(Money("181341.98"), "ремонт"), FundItem(Money("218700.00"), "техніка"))
    >>> DeputyFundAllocation(Money(400_000), items, total_written=MoneyFormat(MoneyUnit.THOUSAND, 1)).fit()
    <Fit.ROUNDING: 'rounding'>
    """

    fund_total: Money = attrs.field(metadata=declare(non_negative(Money)))
    items: tuple[FundItem, ...] = attrs.field(default=(), metadata=declare(tuple_of(FundItem)))
    deputy: Person | None = attrs.field(
        default=None, metadata=declare(instance_of(Person, optional=True))
    )
    period: ReportingPeriod | None = attrs.field(
        default=None, metadata=declare(instance_of(ReportingPeriod, optional=True))
    )
    written: MoneyFormat = attrs.field(default=EXACT, metadata=declare(instance_of(MoneyFormat)))
    complete: bool = attrs.field(default=True, metadata=declare(instance_of(bool)))
    total_written: MoneyFormat | None = attrs.field(
        default=None, metadata=declare(instance_of(MoneyFormat, optional=True))
    )

    __attrs_post_init__ = check_declared

    def items_sum(self) -> Money:
        """The items' amounts added up (exact)."""
        return Money._unchecked(sum([i.amount.kopecks for i in self.items]))

    @property
    def total_format(self) -> MoneyFormat:
        """How the fund total was written."""
        return self.written if self.total_written is None else self.total_written

    def format_of(self, item: FundItem) -> MoneyFormat:
        """How ``item``'s amount was written: its own format, else the fund's."""
        return self.written if item.written is None else item.written

    def fit(self) -> Fit:
        """How the fund total fits its items under the one rule for totals: items and a
        fund written to the kopeck must meet exactly; rounded figures within their band."""
        return parts_fit(
            self.fund_total.kopecks,
            self.total_format.step_kopecks,
            [(i.amount.kopecks, self.format_of(i).step_kopecks) for i in self.items],
            complete=self.complete,
        )


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
    submitted: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    submitted_amount: Money | None = attrs.field(
        default=None, metadata=declare(non_negative(Money, optional=True))
    )
    admitted: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
    )
    winners: Quantity | None = attrs.field(
        default=None,
        converter=to_optional_quantity,
        metadata=declare(instance_of(Quantity, optional=True)),
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


@declared
@attrs.frozen
class Share:
    """One declared share of a whole: «46-65 років – 52%»."""

    label: str = attrs.field(metadata=declare(non_empty_text()))
    percent: Percent = attrs.field(metadata=declare(non_negative(Percent)))

    __attrs_post_init__ = check_declared


@declared
@attrs.frozen
class Shares:
    """Shares of one whole given as percentages only (питома вага, частка голосів, «% від
    загальної кількості»): ``complete`` when they make the whole (they must sum to 100 %
    within their rounding band), else only some of them (they must not exceed 100 %).

    >>> Shares("дохід", (Share("податки", Percent("79.8")), Share("інше", Percent("20.2")))).fit()
    <Fit.EQUAL: 'equal'>
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    shares: tuple[Share, ...] = attrs.field(metadata=declare(tuple_of(Share, non_empty=True)))
    complete: bool = attrs.field(default=True, metadata=declare(instance_of(bool)))

    __attrs_post_init__ = check_declared

    def fit(self) -> Fit:
        """How the shares fit 100 % (see :func:`~municipal_reports.domain.percent.shares_fit`)."""
        return shares_fit([s.percent for s in self.shares], complete=self.complete)


@declared
@attrs.frozen
class MoneyFigure:
    """One amount the document states more than once: a headline and the table's «Всього»,
    «17,5 млн» and «17 мільйонів 440 тисяч», an amount in тис. грн and again in грн. Like
    :class:`Figure` for counts; each value keeps how it was written, and two values must
    agree within the band of their writings.
    """

    label: str = attrs.field(metadata=declare(non_empty_text()))
    values: tuple[WrittenMoney, ...] = attrs.field(
        metadata=declare(tuple_of(WrittenMoney, non_empty=True))
    )

    __attrs_post_init__ = check_declared

    def fits(self) -> list[tuple[int, int, Fit]]:
        """Each later value against each earlier one: (later, earlier, fit), the band being
        both writings' half-steps (the coarser one's alone when the other is exact).

        >>> from municipal_reports.domain.program import MoneyUnit
        >>> a = WrittenMoney(Money(7_600_000), MoneyFormat(MoneyUnit.MILLION, 1))
        >>> b = WrittenMoney(Money(7_600_000), MoneyFormat(MoneyUnit.THOUSAND, 0))
        >>> MoneyFigure("fund", (a, b)).fits()
        [(1, 0, <Fit.EQUAL: 'equal'>)]
        """
        return [
            (
                j,
                i,
                Band.of((earlier.step, later.step)).fit(
                    earlier.amount.kopecks, later.amount.kopecks
                ),
            )
            for j, later in enumerate(self.values)
            for i, earlier in enumerate(self.values[:j])
        ]
