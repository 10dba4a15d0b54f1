"""Issue 12's facts and rules: generated documents of each shape are consistent, and the audit
flags exactly what lies beyond the rounding band and nothing inside it.

Every expected verdict here is computed by arithmetic written in the test with fractions: a
figure written to a step ``s`` stands for every value within ``s / 2`` of it (a figure
written to its last unit, a kopeck or one count, for itself alone); a percentage written to
``d`` decimals for every value within half a unit of its last place.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import municipal_reports.testing as mt
from municipal_reports import (
    Breakdown,
    Council,
    CouncilActivity,
    DeputyFundAllocation,
    DraftFlow,
    Fact,
    Financing,
    FundItem,
    Measure,
    Money,
    MoneyBreakdown,
    MoneyFigure,
    MoneyFormat,
    MoneyPart,
    MoneyUnit,
    Part,
    ParticipatoryBudget,
    Percent,
    Program,
    ProgramReport,
    Qualifier,
    Quantity,
    Report,
    ReportingPeriod,
    ReportMeta,
    Section,
    Severity,
    Share,
    Shares,
    Task,
    WrittenMoney,
    audit,
    bulk,
    dumps,
    loads,
    render,
)
from municipal_reports.cli import main
from municipal_reports.io.json import structure, unstructure

FORMATS = st.sampled_from(
    [
        MoneyFormat(),
        MoneyFormat(MoneyUnit.HRYVNIA, 0),
        MoneyFormat(MoneyUnit.THOUSAND, 1),
        MoneyFormat(MoneyUnit.THOUSAND, 3),
        MoneyFormat(MoneyUnit.MILLION, 1),
    ]
)


def half_step(fmt: MoneyFormat) -> Fraction:
    """Half the step a figure was rounded to, in kopecks; none for a kopeck."""
    unit = {"UAH": 100, "thousand UAH": 100_000, "million UAH": 10**8, "billion UAH": 10**11}
    step = unit[fmt.unit.value] // 10**fmt.decimals
    return Fraction(step, 2) if step > 1 else Fraction(0)


def codes(obj: object, select: str) -> list[str]:
    """The codes the audit finds on ``obj`` among the rules starting with ``select``."""
    return [f.code for f in audit(obj, select=[select])]


@given(
    st.one_of(
        mt.breakdowns(),
        mt.money_breakdowns(),
        mt.deputy_fund_allocations(),
        mt.share_lists(),
        mt.money_figures(),
    )
)
def test_generated_facts_have_no_fault(fact: object) -> None:
    """Every generated breakdown, fund, share list and amount stated twice audits with
    notes at most: no error, no warning."""
    assert [f for f in audit(fact) if f.severity is not Severity.NOTE] == []


@given(
    parts=st.lists(st.tuples(st.integers(0, 10**9), FORMATS), min_size=1, max_size=5),
    total=st.integers(0, 5 * 10**9),
    total_format=FORMATS,
    complete=st.booleans(),
)
def test_money_list_is_judged_by_every_figure_own_half_step(
    parts: list[tuple[int, MoneyFormat]], total: int, total_format: MoneyFormat, complete: bool
) -> None:
    """A money list mixing formats: equal is silent, within the sum of every figure's half
    step a note (MR102), beyond it an error (MR101 complete, MR103 partial); a partial list
    below its whole is silent."""
    breakdown = MoneyBreakdown(
        "видатки",
        Money.from_kopecks(total),
        tuple(MoneyPart(f"p{i}", Money.from_kopecks(k), fmt) for i, (k, fmt) in enumerate(parts)),
        MoneyFormat(),
        complete=complete,
        total_written=total_format,
    )
    summed = sum(k for k, _ in parts)
    band = sum(half_step(fmt) for _, fmt in parts) + half_step(total_format)
    gap = summed - total
    if gap == 0 or (not complete and gap < 0):
        expected = []
    elif abs(gap) <= band:
        expected = ["MR102"]
    else:
        expected = ["MR101" if complete else "MR103"]
    assert codes(breakdown, "MR1") == expected


@given(
    items=st.lists(st.integers(0, 10**8), max_size=5),
    total=st.integers(0, 6 * 10**8),
    total_format=FORMATS,
    complete=st.booleans(),
)
def test_deputy_fund_in_its_own_writing(
    items: list[int], total: int, total_format: MoneyFormat, complete: bool
) -> None:
    """A fund written in its own format over items to the kopeck misses them by at most its
    own half-step before it is wrong."""
    fund = DeputyFundAllocation(
        Money.from_kopecks(total),
        tuple(FundItem(Money.from_kopecks(k), "ремонт") for k in items),
        complete=complete,
        total_written=total_format,
    )
    gap = sum(items) - total
    if gap == 0 or (not complete and gap < 0):
        expected = []
    elif abs(gap) <= half_step(total_format):
        expected = ["MR102"]
    else:
        expected = ["MR101" if complete else "MR103"]
    assert codes(fund, "MR1") == expected


@given(
    counts=st.lists(st.integers(0, 500), min_size=1, max_size=5),
    whole=st.integers(0, 2500),
    complete=st.booleans(),
)
def test_count_list_complete_or_partial(counts: list[int], whole: int, complete: bool) -> None:
    """Counts have no band: a complete list must make its whole, a partial one not exceed it."""
    b = Breakdown(
        "звернення", whole, tuple(Part(f"p{i}", c) for i, c in enumerate(counts)), complete
    )
    if complete:
        expected = [] if sum(counts) == whole else ["MR101"]
    else:
        expected = [] if sum(counts) <= whole else ["MR103"]
    assert codes(b, "MR1") == expected


@given(
    percents=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 2)), min_size=1, max_size=6),
    complete=st.booleans(),
)
def test_shares_sum_to_100_within_their_half_units(
    percents: list[tuple[int, int]], complete: bool
) -> None:
    """Shares make 100 % within the sum of their half-units (MR209), beyond it MR208; a
    partial list only must not exceed 100 %."""
    shares = [Percent.from_units(u, d) for u, d in percents]
    fact = Shares("вік", tuple(Share(f"s{i}", p) for i, p in enumerate(shares)), complete)
    summed = sum(Fraction(u, 10**d) for u, d in percents)
    band = sum(Fraction(1, 2 * 10**d) for _, d in percents)
    gap = summed - 100
    if gap == 0 or (not complete and gap < 0):
        expected = []
    elif abs(gap) <= band:
        expected = ["MR209"]
    else:
        expected = ["MR208"]
    assert codes(fact, "MR2") == expected


@given(
    part=st.integers(0, 5000),
    extra=st.integers(1, 5000),
    units=st.integers(0, 10_000),
    decimals=st.integers(0, 2),
)
def test_a_share_is_right_truncated_or_wrong(
    part: int, extra: int, units: int, decimals: int
) -> None:
    """A declared share of part / whole: within half a unit of its last place it is right;
    else equal to the exact value cut after its decimals it is MR206; else MR207."""
    whole = part + extra
    share = Percent.from_units(units, decimals)
    b = Breakdown("голоси", whole, (Part("a", part, share),), complete=False)
    exact = Fraction(100 * part, whole)
    declared = Fraction(units, 10**decimals)
    if abs(declared - exact) <= Fraction(1, 2 * 10**decimals):
        expected = []
    elif units == (100 * part * 10**decimals) // whole:
        expected = ["MR206"]
    else:
        expected = ["MR207"]
    found = [c for c in codes(b, "MR2") if c not in ("MR208", "MR209")]
    assert found == expected


@given(
    a=st.integers(0, 10**10),
    b=st.integers(0, 10**10),
    fa=FORMATS,
    fb=FORMATS,
)
def test_an_amount_stated_twice_agrees_within_both_half_steps(
    a: int, b: int, fa: MoneyFormat, fb: MoneyFormat
) -> None:
    """Two writings of one amount differ by at most the sum of their half-steps (the
    coarser one's when the other is to the kopeck): within it MR603, beyond it MR602."""
    fact = MoneyFigure(
        "фонд", (WrittenMoney(Money.from_kopecks(a), fa), WrittenMoney(Money.from_kopecks(b), fb))
    )
    gap = abs(a - b)
    if gap == 0:
        expected = []
    elif gap <= half_step(fa) + half_step(fb):
        expected = ["MR603"]
    else:
        expected = ["MR602"]
    assert codes(fact, "MR6") == expected


@given(st.one_of(mt.share_lists(), mt.money_figures(), mt.money_breakdowns(), mt.breakdowns()))
def test_the_new_facts_render_in_every_locale(fact: object) -> None:
    """Text and HTML show every new fact in Ukrainian and English."""
    for locale in ("uk", "en"):
        assert render(fact, to="text", locale=locale)
        assert render(fact, to="html", locale=locale)


def test_every_count_is_a_quantity_and_plain_ints_still_work() -> None:
    """Sessions, decisions, petitions, submitted projects and the like are quantities: an int
    is an exact one, and an approximate one is judged as its interval."""
    activity = CouncilActivity(
        session_count=12,
        plenary_meetings=Quantity(14, Qualifier.ABOUT),  # 13..15
        extraordinary_meetings=15,
        decisions_adopted=Quantity(380, Qualifier.MORE_THAN),
        drafts=DraftFlow(407, 79, 56),  # 384 decisions: more than 380
    )
    assert activity.session_count == Quantity(12)
    assert audit(activity) == []
    budget = ParticipatoryBudget(submitted=Quantity(100, Qualifier.MORE_THAN), admitted=101)
    assert budget.admitted == Quantity(101)
    assert audit(budget) == []
    assert [f.code for f in audit(attrs.evolve(budget, admitted=102))] == []
    over = ParticipatoryBudget(submitted=Quantity(100, Qualifier.UP_TO), admitted=101)
    assert [f.code for f in audit(over)] == ["MR306"]


def test_counts_read_from_json_as_ints_or_qualified_objects() -> None:
    """A version 1 file's plain ints and a qualified count read into the same type."""
    data = {
        "type": "council_activity",
        "session_count": 12,
        "decisions_adopted": {"value": 100, "qualifier": "more_than"},
    }
    activity = structure(data, Fact)
    assert activity == CouncilActivity(
        session_count=Quantity(12), decisions_adopted=Quantity(100, Qualifier.MORE_THAN)
    )
    assert unstructure(activity)["session_count"] == 12


def test_a_document_that_names_no_period_is_modelled_and_shown_without_one() -> None:
    """A report and a program report with no period load, audit and render, the period
    absent from every rendering."""
    program = ProgramReport(Program("Програма"), tasks=(Task("Завдання"),))
    report = Report(ReportMeta("Звіт", Council("Рада")), (Section("Розділ", (), (program,)),))
    assert report.meta.period is None
    assert program.period is None
    for document in (report, program):
        text_ = dumps(document)
        assert '"period"' not in text_
        assert loads(text_) == document
        assert audit(document) == []
        for to in ("text", "markdown", "html", "csv", "json"):
            for locale in ("uk", "en"):
                shown = render(document, to=to, locale=locale)
                shown = shown if isinstance(shown, str) else shown.decode("utf-8")
                assert "Звітний період" not in shown
                assert "Reporting period" not in shown


@given(mt.program_reports(periods=st.none(), max_measures=4))
def test_generated_program_reports_without_a_period_are_consistent(report: ProgramReport) -> None:
    """program_reports(periods=st.none()) gives reports that name no period, with no fault,
    and that survive JSON."""
    assert report.period is None
    assert [f for f in audit(report) if f.severity is not Severity.NOTE] == []
    assert loads(dumps(report)) == report


def test_bulk_tables_group_reports_without_a_period_apart() -> None:
    """Execution tables, their CSV and Arrow forms keep a report with no period as a group
    of its own, with an empty year and period."""
    measure = Measure("захід", Financing(annual=Money(100), actual=Money(50)))
    dated = ProgramReport(Program("П"), ReportingPeriod.year(2022), (Task("т", (measure,)),))
    undated = attrs.evolve(dated, period=None)
    found = [f for d in (dated, undated) for f in bulk.reports_of("x.json", d)]
    rows = bulk.execution_table(found, by=("year", "period"))
    assert [r.key for r in rows] == [(None, None), (2022, "2022-01-01/2022-12-31")]
    assert bulk.to_csv(rows).splitlines()[1].startswith(",,100.00,50.00,")
    pytest.importorskip("pyarrow")
    table = bulk.to_arrow(rows)
    assert table.column("year").to_pylist() == [None, 2022]


def test_the_command_line_audits_a_version_2_file_with_the_new_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`municipal-reports audit` reads a version 2 file and reports a partial list that
    exceeds its whole (MR103) and a fund's display rounding as a note (MR102)."""
    partial = Breakdown("звернення", 90, (Part("a", 26), Part("b", 41), Part("c", 33)), False)
    fund = DeputyFundAllocation(
        Money(400_000),
        (FundItem(Money("200000.00"), "ремонт"), FundItem(Money("199950.00"), "техніка")),
        total_written=MoneyFormat(MoneyUnit.THOUSAND, 1),
    )
    report = Report(ReportMeta("Звіт", Council("Рада")), (Section("Розділ", (), (partial, fund)),))
    path = tmp_path / "report.json"
    path.write_text(dumps(report), encoding="utf-8")
    code = main(["audit", "--format", "json", str(path)])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(r["code"], r["path"]) for r in rows] == [
        ("MR103", "$.sections[0].facts[0].total"),
        ("MR102", "$.sections[0].facts[1].fund_total"),
    ]
