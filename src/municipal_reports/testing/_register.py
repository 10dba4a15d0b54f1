"""Type strategies for every value and entity, registered when hypothesis loads.

``pyproject.toml`` names :func:`_hypothesis_setup_hook` in the ``hypothesis`` entry point
group, so that with municipal-reports installed, ``st.from_type(Measure)`` and
``st.builds(ProgramReport)`` give valid objects with no set-up.

``st.builds`` draws each required argument on its own, so the registered strategies agree
among themselves: periods fall in 2021–2025 (a convocation's term) and programs' terms
cover those years, so a period and a program drawn apart still fit together (MR501).
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

from municipal_reports.domain import (
    AwardBatch,
    AwardShare,
    Breakdown,
    ColumnFormats,
    Council,
    CouncilActivity,
    Decision,
    DeputyFundAllocation,
    DraftFlow,
    Figure,
    Financing,
    FundItem,
    Interval,
    ListedItems,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFormat,
    MoneyPart,
    MoneyUnit,
    Organization,
    Part,
    ParticipatoryBudget,
    Percent,
    Person,
    Program,
    ProgramReport,
    ProjectCap,
    Quantity,
    Report,
    ReportingPeriod,
    ReportMeta,
    Section,
    Session,
    Signatory,
    Task,
    YearSpan,
)
from municipal_reports.testing import _entities as e
from municipal_reports.testing import _text
from municipal_reports.testing import _values as v

__all__ = ["REGISTERED_TYPES", "registered_strategies"]

#: The years of registered reporting periods; registered programs' terms cover them.
FIRST_YEAR, LAST_YEAR = 2021, 2025


@st.composite
def _covering_terms(draw: st.DrawFn) -> YearSpan:
    return YearSpan(
        draw(st.integers(FIRST_YEAR - 5, FIRST_YEAR)), draw(st.integers(LAST_YEAR, LAST_YEAR + 5))
    )


@st.composite
def _project_caps(draw: st.DrawFn) -> ProjectCap:
    base = Money.from_kopecks(draw(st.integers(1, 30_000)) * 10_000)
    reserve = draw(st.integers(0, 15))
    limit = Money.from_kopecks(base.kopecks * (100 + reserve) // 100)
    return ProjectCap(
        draw(st.sampled_from(("малі проєкти", "великі проєкти"))), limit, base, Percent(reserve)
    )


@st.composite
def _draft_flows(draw: st.DrawFn) -> DraftFlow:
    received = draw(st.integers(0, 600))
    return DraftFlow(received, draw(st.integers(0, received)), draw(st.integers(0, 100)))


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    low = draw(st.integers(0, 10_000))
    return Interval(low, draw(st.none() | st.integers(low, low + 10_000)))


def registered_strategies() -> dict[type, st.SearchStrategy[object]]:
    """The strategy registered for each type (built when asked, not at import)."""
    return {
        Money: v.moneys(),
        Percent: v.percents(),
        Quantity: v.quantities(),
        Interval: _intervals(),
        ReportingPeriod: v.reporting_periods(min_year=FIRST_YEAR, max_year=LAST_YEAR),
        YearSpan: v.year_spans(),
        Decision: v.decisions(),
        Person: v.people(),
        Signatory: v.signatories(),
        Organization: v.organizations(),
        MoneyFormat: st.sampled_from(
            (
                MoneyFormat(),
                MoneyFormat(e.COLUMN_FORMATS[1].annual.unit, 1),
                MoneyFormat(MoneyUnit.MILLION, 1),
            )
        ),
        ColumnFormats: e.column_formats(),
        Financing: e.financings(),
        Measure: e.measures(),
        Task: e.tasks(),
        Program: e.programs(terms=_covering_terms()),
        ProgramReport: e.program_reports(),
        Session: e.sessions(),
        DraftFlow: _draft_flows(),
        CouncilActivity: e.council_activities(),
        Part: st.builds(Part, st.sampled_from(_text.COMMITTEES), v.quantities()),
        Breakdown: e.breakdowns(),
        MoneyPart: st.builds(MoneyPart, st.sampled_from(_text.MONEY_LABELS), v.moneys()),
        MoneyBreakdown: e.money_breakdowns(),
        AwardShare: st.builds(AwardShare, st.sampled_from(_text.SHARE_LABELS), v.percents()),
        AwardBatch: e.award_batches(),
        FundItem: st.builds(
            FundItem,
            v.moneys(max_value=Money(400_000)),
            st.sampled_from(_text.FUND_PURPOSES),
            st.sampled_from(_text.FUND_RECIPIENTS),
        ),
        DeputyFundAllocation: e.deputy_fund_allocations(),
        ProjectCap: _project_caps(),
        ParticipatoryBudget: e.participatory_budgets(),
        Figure: e.figures(),
        ListedItems: e.listed_items(),
        Section: e.sections(),
        Council: st.builds(
            Council,
            st.sampled_from([c for c, _ in _text.CITIES]),
            st.none() | st.integers(6, 9),
        ),
        ReportMeta: e.reports(max_sections=0, max_program_reports=0).map(lambda r: r.meta),
        Report: e.reports(max_sections=3, max_measures=5),
    }


#: Every type that gets a strategy.
REGISTERED_TYPES: tuple[type, ...] = (
    AwardBatch,
    AwardShare,
    Breakdown,
    ColumnFormats,
    Council,
    CouncilActivity,
    Decision,
    DeputyFundAllocation,
    DraftFlow,
    Figure,
    Financing,
    FundItem,
    Interval,
    ListedItems,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFormat,
    MoneyPart,
    Organization,
    Part,
    ParticipatoryBudget,
    Percent,
    Person,
    Program,
    ProgramReport,
    ProjectCap,
    Quantity,
    Report,
    ReportMeta,
    ReportingPeriod,
    Section,
    Session,
    Signatory,
    Task,
    YearSpan,
)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every type (called by hypothesis through its entry point)."""
    for kind, strategy in registered_strategies().items():
        if attrs.has(kind):
            # The domain writes annotations as strings; st.builds reads ``Attribute.type``,
            # which attrs fills with the classes once asked to (the audit's walk does too).
            attrs.resolve_types(kind)
        st.register_type_strategy(kind, strategy)
