"""Every entity survives JSON exactly: structure(unstructure(x)) == x, written precision included."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    FORMAT_VERSION,
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
    PeriodKind,
    Person,
    Program,
    ProgramReport,
    ProjectCap,
    Qualifier,
    Quantity,
    Report,
    ReportingPeriod,
    ReportKind,
    ReportMeta,
    Section,
    Session,
    SessionKind,
    Signatory,
    Task,
    YearSpan,
    dumps,
    loads,
)
from municipal_reports.domain.text import is_blank
from municipal_reports.io import structure, unstructure

# Small local strategies (the public municipal_reports.testing is built elsewhere).
text = st.text(min_size=1, max_size=12).filter(lambda t: not is_blank(t))
any_text = st.text(max_size=12)
counts = st.integers(min_value=0, max_value=10**6)
money = st.integers(min_value=0, max_value=10**17 - 1).map(Money.from_kopecks)
percents = st.builds(
    Percent.from_units,
    st.integers(min_value=0, max_value=10**6),
    st.integers(min_value=0, max_value=4),
)
quantities = st.builds(Quantity, counts, st.sampled_from(Qualifier))
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2199, 12, 31))
years = st.integers(min_value=1900, max_value=2199)


@st.composite
def periods(draw: st.DrawFn) -> ReportingPeriod:
    """Any reporting period of any kind."""
    year = draw(years)
    kind = draw(st.sampled_from(PeriodKind))
    if kind is PeriodKind.YEAR:
        return ReportingPeriod.year(year)
    if kind is PeriodKind.NINE_MONTHS:
        return ReportingPeriod.nine_months(year)
    if kind is PeriodKind.HALF_YEAR:
        return ReportingPeriod.half_year(year, draw(st.integers(1, 2)))
    if kind is PeriodKind.QUARTER:
        return ReportingPeriod.quarter(year, draw(st.integers(1, 4)))
    if kind is PeriodKind.MONTH:
        return ReportingPeriod.month(year, draw(st.integers(1, 12)))
    start, end = sorted(draw(st.lists(dates, min_size=2, max_size=2)))
    return ReportingPeriod.between(start, end)


@st.composite
def year_spans(draw: st.DrawFn) -> YearSpan:
    """A term of whole years."""
    first, last = sorted(draw(st.lists(years, min_size=2, max_size=2)))
    return YearSpan(first, last)


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    """A decision reference with a date, a number or both."""
    date = draw(st.none() | dates)
    number = draw(text if date is None else st.none() | text)
    return Decision(date, number, body=draw(any_text), title=draw(any_text))


def small(strategy: st.SearchStrategy[Any], most: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    """Short tuples of ``strategy``."""
    return st.lists(strategy, max_size=most).map(tuple)


persons = st.builds(Person, any_text, text, any_text)
signatories = st.builds(Signatory, text, persons)
organizations = st.builds(
    Organization, text, st.none() | st.sampled_from(["32436208", "04053915", "00022473"])
)
money_formats = st.one_of(
    st.builds(MoneyFormat, st.just(MoneyUnit.HRYVNIA), st.integers(0, 2)),
    st.builds(MoneyFormat, st.just(MoneyUnit.THOUSAND), st.integers(0, 5)),
)
column_formats = st.builds(ColumnFormats, money_formats, money_formats, money_formats)
financings = st.builds(Financing, st.none() | money, st.none() | money, st.none() | money)
measures = st.builds(
    Measure,
    text,
    financings,
    st.none() | percents,
    st.none() | year_spans(),
    small(text),
    any_text,
    st.none() | text,
)
tasks = st.builds(Task, text, small(measures), st.none() | text)
programs = st.builds(
    Program,
    text,
    st.none() | decisions(),
    small(decisions()),
    small(text),
    st.none() | year_spans(),
)
program_reports = st.builds(
    ProgramReport,
    programs,
    periods(),
    small(tasks),
    any_text,
    st.none() | financings,
    st.none() | percents,
    st.none() | signatories,
    column_formats,
)
sessions = st.builds(
    Session, st.none() | st.integers(1, 99), st.sampled_from(SessionKind), st.none() | counts
)
draft_flows = st.builds(DraftFlow, counts, counts, counts)
council_activities = st.builds(
    CouncilActivity,
    st.none() | periods(),
    *[st.none() | counts] * 6,
    st.none() | draft_flows,
    small(sessions),
)
parts = st.builds(Part, text, quantities)
breakdowns = st.builds(Breakdown, text, quantities, small(parts))
money_parts = st.builds(MoneyPart, text, money)
money_breakdowns = st.builds(MoneyBreakdown, text, money, small(money_parts), money_formats)
award_shares = st.one_of(
    st.builds(AwardShare, text, percents, st.none() | counts),
    st.builds(AwardShare, text, st.none() | percents, counts),
)
award_batches = st.builds(
    AwardBatch,
    any_text,
    st.none() | counts,
    st.none() | counts,
    st.none() | quantities,
    st.none() | quantities,
    st.none() | counts,
    small(award_shares),
    st.none() | money,
)
fund_items = st.builds(FundItem, money, text, any_text)
deputy_funds = st.builds(
    DeputyFundAllocation, money, small(fund_items), st.none() | persons, st.none() | periods()
)
project_caps = st.builds(ProjectCap, text, money, st.none() | money, st.none() | percents)
participatory_budgets = st.builds(
    ParticipatoryBudget,
    st.none() | money,
    small(project_caps),
    st.none() | counts,
    st.none() | money,
    st.none() | counts,
    st.none() | counts,
    small(quantities),
    st.none() | quantities,
    st.none() | st.integers(1, 20),
)
figures = st.builds(Figure, text, st.lists(quantities, min_size=1, max_size=3).map(tuple))
listed = st.builds(ListedItems, text, small(text), st.none() | counts)
facts = st.one_of(
    program_reports,
    council_activities,
    sessions,
    breakdowns,
    money_breakdowns,
    award_batches,
    deputy_funds,
    participatory_budgets,
    figures,
    listed,
    decisions(),
)
katottg = st.from_regex(r"UA[0-9]{17}", fullmatch=True)
councils = st.builds(Council, text, st.none() | st.integers(1, 9), st.none() | katottg)
metas = st.builds(
    ReportMeta,
    text,
    councils,
    periods(),
    st.sampled_from(ReportKind),
    any_text,
    st.none() | signatories,
)
sections = st.builds(Section, any_text, small(text), small(facts))
reports = st.builds(Report, metas, small(sections))

ENTITIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Money, money),
    (Percent, percents),
    (Quantity, quantities),
    (ReportingPeriod, periods()),
    (YearSpan, year_spans()),
    (Decision, decisions()),
    (Person, persons),
    (Signatory, signatories),
    (Organization, organizations),
    (MoneyFormat, money_formats),
    (ColumnFormats, column_formats),
    (Financing, financings),
    (Measure, measures),
    (Task, tasks),
    (Program, programs),
    (ProgramReport, program_reports),
    (Session, sessions),
    (DraftFlow, draft_flows),
    (CouncilActivity, council_activities),
    (Part, parts),
    (Breakdown, breakdowns),
    (MoneyPart, money_parts),
    (MoneyBreakdown, money_breakdowns),
    (AwardShare, award_shares),
    (AwardBatch, award_batches),
    (FundItem, fund_items),
    (DeputyFundAllocation, deputy_funds),
    (ProjectCap, project_caps),
    (ParticipatoryBudget, participatory_budgets),
    (Figure, figures),
    (ListedItems, listed),
    (Council, councils),
    (ReportMeta, metas),
    (Section, sections),
    (Report, reports),
]


def _floats(data: Any) -> list[float]:
    if isinstance(data, float):
        return [data]
    if isinstance(data, dict):
        return [f for v in data.values() for f in _floats(v)]
    if isinstance(data, list):
        return [f for v in data for f in _floats(v)]
    return []


@pytest.mark.parametrize(("cls", "strategy"), ENTITIES, ids=[c.__name__ for c, _ in ENTITIES])
@given(data=st.data())
def test_every_entity_round_trips_through_json(
    cls: type, strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """An entity written as JSON text and read back is equal to the original."""
    original = data.draw(strategy)
    decoded = orjson.loads(orjson.dumps(unstructure(original)))
    assert structure(decoded, cls) == original


@given(report=reports)
def test_report_round_trips_through_dumps_and_loads(report: Report) -> None:
    """loads(dumps(report)) is the same report, and its JSON has no float anywhere."""
    text_ = dumps(report)
    assert loads(text_) == report
    assert loads(text_.encode("utf-8")) == report
    assert _floats(orjson.loads(text_)) == []


@given(report=program_reports)
def test_program_report_round_trips_as_a_top_level_document(report: ProgramReport) -> None:
    """A single program report is a document of its own ("type": "program_report")."""
    decoded = orjson.loads(dumps(report, indent=True))
    assert decoded["type"] == "program_report"
    assert decoded["format_version"] == FORMAT_VERSION
    assert loads(dumps(report)) == report


@given(pct=percents)
def test_percent_keeps_its_written_precision(pct: Percent) -> None:
    """A percentage is written as a string with exactly the decimals it had."""
    written = unstructure(pct)
    assert isinstance(written, str)
    assert len(written.partition(".")[2]) == pct.decimals
    assert structure(written, Percent).decimals == pct.decimals


@given(amount=money)
def test_money_is_written_with_two_decimals(amount: Money) -> None:
    """An amount is a string of hryvnias with exactly two decimals, never a number."""
    written = unstructure(amount)
    assert isinstance(written, str)
    assert len(written.partition(".")[2]) == 2
    assert structure(written, Money) == amount


def test_exact_quantity_is_a_bare_count_and_a_qualified_one_an_object() -> None:
    """Quantity(12) is written 12; «близько 3000» is {"value": 3000, "qualifier": "about"}."""
    assert unstructure(Quantity(12)) == 12
    assert unstructure(Quantity(3000, Qualifier.ABOUT)) == {"value": 3000, "qualifier": "about"}
    assert structure({"value": 3000, "qualifier": "about"}, Quantity) == Quantity(
        3000, Qualifier.ABOUT
    )
    assert structure({"value": 7}, Quantity) == Quantity(7)


def test_every_fact_type_has_a_tag() -> None:
    """Each kind of fact a section may hold is written with its own "type" tag."""
    from municipal_reports import FACT_TYPES
    from municipal_reports.io.converter import FACT_TAGS

    assert set(FACT_TAGS) == set(FACT_TYPES)
    assert len(set(FACT_TAGS.values())) == len(FACT_TAGS)


def test_dumps_refuses_what_is_not_a_document() -> None:
    """Only a Report or a ProgramReport is a document of its own."""
    with pytest.raises(TypeError):
        dumps(Money(1))  # type: ignore[arg-type]


def test_the_json_api_is_public() -> None:
    """load, loads, dump, dumps, json_schema, FORMAT_VERSION and StructureError are exported."""
    import municipal_reports
    import municipal_reports.io

    names = {"FORMAT_VERSION", "StructureError", "dump", "dumps", "json_schema", "load", "loads"}
    assert names <= set(municipal_reports.__all__)
    # The project's order: CONSTANTS, then Classes, then functions, each sorted.
    order = sorted(
        municipal_reports.io.__all__, key=lambda n: (not n.isupper(), not n[0].isupper(), n)
    )
    assert municipal_reports.io.__all__ == order
    assert issubclass(municipal_reports.StructureError, municipal_reports.MunicipalReportsError)
    assert issubclass(municipal_reports.StructureError, ValueError)
