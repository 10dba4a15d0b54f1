"""Every built-in rule: a consistent case raises nothing, each way to break it is found at its path."""

from __future__ import annotations

import datetime as dt

import pytest

from municipal_reports import (
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
    Part,
    ParticipatoryBudget,
    Percent,
    Program,
    ProgramReport,
    ProjectCap,
    Qualifier,
    Quantity,
    Report,
    ReportingPeriod,
    ReportMeta,
    Section,
    Session,
    Task,
    YearSpan,
    audit,
    default_rules,
)

TERM = YearSpan(2021, 2025)
PERIOD = ReportingPeriod.nine_months(2022)
TH1 = MoneyFormat(MoneyUnit.THOUSAND, 1)
THOUSANDS = ColumnFormats(TH1, TH1, TH1)


def th(x: str) -> Money:
    """Thousands of hryvnias."""
    return Money.from_thousands(x)


def measure(plan: str, actual: str, pct: str | None, indicative: str | None = None) -> Measure:
    """A measure with amounts in thousands."""
    return Measure(
        "Захід",
        Financing(th(indicative or plan), th(plan), th(actual)),
        Percent(pct) if pct is not None else None,
    )


def program_report(
    *measures: Measure,
    total: Financing | None = None,
    pct: str | None = None,
    columns: ColumnFormats = THOUSANDS,
    period: ReportingPeriod = PERIOD,
    program: Program | None = None,
) -> ProgramReport:
    """A one-task program report."""
    return ProgramReport(
        program or Program("Програма", Decision(dt.date(2020, 12, 24), "31"), term=TERM),
        period,
        (Task("Завдання", measures),),
        total=total,
        total_percent=Percent(pct) if pct else None,
        columns=columns,
    )


def found(obj: object, code: str) -> list[tuple[str, object, object]]:
    """The (path, expected, found) of each finding of rule ``code``."""
    return [(f.path, f.expected, f.found) for f in audit(obj, select=[code])]


M0 = "$.tasks[0].measures[0]"


# ---- MR101 / MR102 totals -------------------------------------------------------------------


def test_total_row_that_its_measures_make_is_silent() -> None:
    """«Всього» equal to the sum of each column raises nothing."""
    r = program_report(
        measure("100.0", "50.0", "50"),
        measure("300.0", "30.0", "10"),
        total=Financing(th("400.0"), th("400.0"), th("80.0")),
        pct="20",
    )
    assert audit(r) == []


@pytest.mark.parametrize("column", ["indicative", "annual", "actual"])
def test_total_row_off_in_one_column_is_an_error_there(column: str) -> None:
    """A «Всього» column that misses its measures by more than the band is MR101 at that cell."""
    good = {"indicative": th("400.0"), "annual": th("400.0"), "actual": th("80.0")}
    bad = dict(good, **{column: good[column] + th("1.0")})
    r = program_report(
        measure("100.0", "50.0", "50"), measure("300.0", "30.0", "10"), total=Financing(**bad)
    )
    assert found(r, "MR101") == [(f"$.total.{column}", good[column], bad[column])]


def test_rounded_columns_may_miss_within_the_band() -> None:
    """Three «тис. грн» parts with one decimal may miss by (3+1)×50 грн: a note, not an error."""
    r = program_report(
        measure("0.1", "0.1", "100"),
        measure("0.1", "0.1", "100"),
        measure("0.1", "0.1", "100"),
        total=Financing(actual=th("0.5")),
    )
    assert found(r, "MR101") == []
    assert found(r, "MR102") == [("$.total.actual", th("0.3"), th("0.5"))]
    r = program_report(
        measure("0.1", "0.1", "100"),
        measure("0.1", "0.1", "100"),
        measure("0.1", "0.1", "100"),
        total=Financing(actual=th("0.6")),
    )
    assert found(r, "MR101") == [("$.total.actual", th("0.3"), th("0.6"))]


def test_kopeck_columns_have_no_band() -> None:
    """Figures written to the kopeck must meet exactly: one kopeck off is an error."""
    exact = ColumnFormats()
    r = program_report(
        Measure("Захід", Financing(actual=Money("0.10"))),
        columns=exact,
        total=Financing(actual=Money("0.11")),
    )
    assert found(r, "MR101") == [("$.total.actual", Money("0.10"), Money("0.11"))]


def test_breakdowns_and_funds_are_totals_too() -> None:
    """Counts, program sections and deputy funds follow the same rule."""
    counts = Breakdown(
        "листи", 1715, (Part("громадян", 847), Part("юросіб", 566), Part("органів", 301))
    )
    assert found(counts, "MR101") == [("$.total", 1714, Quantity(1715))]
    money = MoneyBreakdown(
        "видатки", Money("10.00"), (MoneyPart("1", Money("4.00")), MoneyPart("2", Money("6.00")))
    )
    assert found(money, "MR101") == []
    fund = DeputyFundAllocation(Money(400000), (FundItem(Money(385000), "допомога"),))
    assert found(fund, "MR101") == [("$.fund_total", Money(385000), Money(400000))]


def test_approximate_parts_are_intervals() -> None:
    """«близько 3000» and 2 000 may make a total of 5 100; they cannot make 6 000."""
    parts = (Part("a", Quantity(3000, Qualifier.ABOUT)), Part("b", 2000))
    assert found(Breakdown("x", 5100, parts), "MR101") == []
    assert [p for p, _, _ in found(Breakdown("x", 6000, parts), "MR101")] == ["$.total"]


# ---- MR2xx percentages ----------------------------------------------------------------------


def test_declared_percent_outside_its_band_is_an_error() -> None:
    """25% for 33,9 of 141,0 (24.04%) is wrong; 24% is right."""
    assert found(program_report(measure("141.0", "33.9", "24")), "MR201") == []
    assert found(program_report(measure("141.0", "33.9", "25")), "MR201") == [
        (f"{M0}.declared_percent", Percent("24.04"), Percent("25"))
    ]


def test_percent_from_unrounded_amounts_is_a_note_in_rounded_columns() -> None:
    """«24,02%» of 33,9 / 141,0 тис. грн fits raw amounts that round to them: MR205, not MR201."""
    r = program_report(measure("141.0", "33.9", "24.02"))
    assert found(r, "MR201") == []
    assert found(r, "MR205") == [(f"{M0}.declared_percent", Percent("24.04"), Percent("24.02"))]
    exact = program_report(
        Measure("Захід", Financing(annual=Money(141000), actual=Money(33900)), Percent("24.02")),
        columns=ColumnFormats(),
    )
    assert [f.code for f in audit(exact, select=["MR2"])] == ["MR201"]


def test_total_percent_comes_from_the_totals_not_the_mean() -> None:
    """The mean of 50% and 10% is 30%, but 80 of 400 is 20%."""
    ms = (measure("100.0", "50.0", "50"), measure("300.0", "30.0", "10"))
    assert found(program_report(*ms, pct="20"), "MR202") == []
    assert found(program_report(*ms, pct="30"), "MR202") == [
        ("$.total_percent", Percent("20.00"), Percent("30"))
    ]


def test_percent_against_a_zero_plan_is_a_warning_unless_harmless() -> None:
    """«0%» with nothing planned or spent is fine; «100%» of a zero plan is not."""
    assert found(program_report(measure("0.0", "0.0", "0")), "MR203") == []
    assert found(program_report(measure("0.0", "0.0", "100")), "MR203") == [
        (f"{M0}.declared_percent", None, Percent("100"))
    ]


def test_share_percent_against_its_count() -> None:
    """81% of 301 is 243.81; a share of 244 agrees, a share of 200 does not."""
    ok = AwardBatch(awarded=301, shares=(AwardShare("військові", Percent("81"), 244),))
    assert found(ok, "MR204") == []
    bad = AwardBatch(awarded=301, shares=(AwardShare("військові", Percent("81"), 200),))
    assert found(bad, "MR204") == [("$.shares[0].percent", Percent("66.45"), Percent("81"))]


# ---- MR3xx parts against wholes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("obj", "code", "expected"),
    [
        (
            CouncilActivity(plenary_meetings=14, extraordinary_meetings=15),
            "MR301",
            ("$.extraordinary_meetings", 14, 15),
        ),
        (
            CouncilActivity(session_count=15, plenary_meetings=14),
            "MR302",
            ("$.session_count", 14, 15),
        ),
        (
            AwardBatch(nominated=561, awarded=562),
            "MR303",
            ("$.awarded", Quantity(561), Quantity(562)),
        ),
        (AwardBatch(awarded=5, posthumous=6), "MR304", ("$.posthumous", Quantity(5), 6)),
        (
            AwardBatch(awarded=5, shares=(AwardShare("x", count=6),)),
            "MR305",
            ("$.shares[0].count", Quantity(5), 6),
        ),
        (ParticipatoryBudget(submitted=104, admitted=105), "MR306", ("$.admitted", 104, 105)),
        (ParticipatoryBudget(admitted=80, winners=81), "MR307", ("$.winners", 80, 81)),
        (
            ListedItems("навчання", ("a", "b"), declared_count=5),
            "MR308",
            ("$.declared_count", 2, 5),
        ),
        (
            CouncilActivity(decisions_adopted=380, drafts=DraftFlow(407, 79, 56)),
            "MR309",
            ("$.decisions_adopted", 384, 380),
        ),
        (
            CouncilActivity(session_count=3, sessions=(Session(1), Session(2))),
            "MR310",
            ("$.session_count", 2, 3),
        ),
        (
            ParticipatoryBudget(voters=(Quantity(100),), votes=Quantity(500), votes_per_voter=4),
            "MR311",
            ("$.votes", 400, Quantity(500)),
        ),
    ],
)
def test_parts_larger_than_wholes_are_found(
    obj: object, code: str, expected: tuple[str, object, object]
) -> None:
    """Each part-against-whole rule fires at the part, with the whole as the expected bound."""
    assert found(obj, code) == [expected]


@pytest.mark.parametrize(
    "obj",
    [
        CouncilActivity(
            session_count=12,
            plenary_meetings=14,
            extraordinary_meetings=9,
            decisions_adopted=384,
            drafts=DraftFlow(407, 79, 56),
        ),
        AwardBatch(nominated=561, awarded=301, posthumous=0, shares=(AwardShare("x", count=301),)),
        AwardBatch(nominated=Quantity(500, Qualifier.ABOUT), awarded=540),
        ParticipatoryBudget(
            submitted=104,
            admitted=80,
            winners=19,
            voters=(Quantity(12527),),
            votes=Quantity(32000, Qualifier.MORE_THAN),
            votes_per_voter=4,
        ),
        ListedItems("навчання", ("a", "b"), declared_count=2),
        CouncilActivity(
            session_count=2,
            plenary_meetings=3,
            decisions_adopted=10,
            sessions=(
                Session(1, plenary_meetings=2, decisions_adopted=4),
                Session(2, plenary_meetings=1, decisions_adopted=6),
            ),
        ),
    ],
)
def test_consistent_wholes_raise_nothing(obj: object) -> None:
    """The seeds' consistent figures (and approximate ones that may hold) raise no finding."""
    assert audit(obj) == []


def test_listed_sessions_must_add_up_to_the_totals() -> None:
    """Listed sessions' plenary meetings and decisions are summed against the summary."""
    activity = CouncilActivity(
        session_count=2,
        plenary_meetings=4,
        decisions_adopted=10,
        sessions=(
            Session(1, plenary_meetings=2, decisions_adopted=4),
            Session(2, plenary_meetings=1, decisions_adopted=6),
        ),
    )
    assert found(activity, "MR310") == [("$.plenary_meetings", 3, 4)]


# ---- MR4xx plausibility ---------------------------------------------------------------------


def test_funding_plausibility_warnings() -> None:
    """Actual above plan, plan above indicative, and 100% with nothing spent are warnings."""
    assert found(program_report(measure("200.0", "249.0", None)), "MR401") == [
        (f"{M0}.financing.actual", th("200.0"), th("249.0"))
    ]
    assert found(program_report(measure("40.0", "0.0", None, indicative="20.0")), "MR402") == [
        (f"{M0}.financing.annual", th("20.0"), th("40.0"))
    ]
    assert found(program_report(measure("4.0", "0.00", "100")), "MR403") == [
        (f"{M0}.declared_percent", None, Percent("100"))
    ]
    assert found(program_report(measure("4.0", "4.0", "100")), "MR403") == []


def test_project_caps_hold_under_either_reading_of_the_reserve() -> None:
    """1 500 000 = 1 350 000 + 10% of the cap; 1 485 000 = 1 350 000 + 10% of the base; 1 600 000 is neither."""

    def cap(limit: int) -> ProjectCap:
        return ProjectCap("великі", Money(limit), Money(1_350_000), Percent("10"))

    assert found(cap(1_500_000), "MR404") == []
    assert found(cap(1_485_000), "MR404") == []
    assert found(cap(1_600_000), "MR404") == [("$.limit", Money(1_485_000), Money(1_600_000))]


# ---- MR5xx references -----------------------------------------------------------------------


def test_period_and_measure_terms_inside_the_program_term() -> None:
    """A 2026 report on a 2021–2025 program is an error; a measure running to 2027 a warning."""
    r = program_report(measure("1.0", "1.0", "100"), period=ReportingPeriod.year(2026))
    assert found(r, "MR501") == [("$.period", TERM, ReportingPeriod.year(2026))]
    long = Measure("Захід", term=YearSpan(2021, 2027))
    assert found(program_report(long), "MR502") == [(f"{M0}.term", TERM, YearSpan(2021, 2027))]


def test_amendment_before_approval() -> None:
    """An amendment dated before the approval is an error at its date."""
    p = Program(
        "П", Decision(dt.date(2020, 12, 24), "31"), (Decision(dt.date(2019, 9, 23), "279"),)
    )
    assert found(p, "MR503") == [
        ("$.amendments[0].date", dt.date(2020, 12, 24), dt.date(2019, 9, 23))
    ]


def _report(*programs: Program) -> Report:
    meta = ReportMeta("Звіт", Council("Рада"), PERIOD)
    return Report(
        meta,
        tuple(Section(str(i), facts=(program_report(program=p),)) for i, p in enumerate(programs)),
    )


def test_one_program_cited_with_two_approvals_or_two_dates() -> None:
    """Matched by title despite spelling; a date-only reference matches a full one."""
    a = Program(
        "Ефективна влада. Конкурентне місто",
        Decision(dt.date(2020, 12, 24), "31"),
        (Decision(dt.date(2021, 9, 23), "279"),),
    )
    b = Program(
        "«Ефективна влада. Конкурентне  місто»",
        Decision(dt.date(2020, 12, 24)),
        (Decision(dt.date(2021, 9, 23), "279"),),
    )
    c = Program(
        "ефективна влада конкурентне місто",
        Decision(dt.date(2020, 12, 2), "1430"),
        (Decision(dt.date(2022, 9, 23), "279"),),
    )
    assert audit(_report(a, b), select=["MR5"]) == []
    report = _report(a, b, c)
    assert found(report, "MR504") == [
        ("$.sections[2].facts[0].program.approved_by", a.approved_by, c.approved_by)
    ]
    assert found(report, "MR505") == [
        (
            "$.sections[2].facts[0].program.amendments[0].date",
            dt.date(2021, 9, 23),
            dt.date(2022, 9, 23),
        )
    ]


# ---- MR6xx / MR7xx --------------------------------------------------------------------------


def test_figures_for_one_thing_must_overlap() -> None:
    """12 527 and «близько 9 тисяч» contradict; 12 527 and «більше 12 000» do not."""
    assert found(Figure("учасники", (12527, Quantity(12000, Qualifier.MORE_THAN))), "MR601") == []
    assert found(Figure("учасники", (12527, Quantity(9000, Qualifier.ABOUT))), "MR601") == [
        ("$.values[1]", Quantity(12527), Quantity(9000, Qualifier.ABOUT))
    ]


def test_mixed_script_words() -> None:
    """«Конку rentне» has a mixed word; a Latin 'о' inside a Cyrillic word folds back."""
    assert found(Program("Ефективна влада. Конку rentне місто"), "MR701") == [
        ("$.title", None, "rentне")
    ]
    assert found(Task("Кoнкурс"), "MR701") == [("$.title", "Конкурс", "Кoнкурс")]
    assert found(Task("Конкурс ISO 9001 та Mavic 3"), "MR701") == []


def _one_broken_case_per_rule() -> dict[str, object]:
    """For every built-in rule code, an object that breaks that rule."""
    approved = Program(
        "Ефективна влада. Конкурентне місто",
        Decision(dt.date(2020, 12, 24), "31"),
        (Decision(dt.date(2021, 9, 23), "279"),),
    )
    other = Program(
        "ефективна влада конкурентне місто",
        Decision(dt.date(2020, 12, 2), "1430"),
        (Decision(dt.date(2022, 9, 23), "279"),),
    )
    tenth = measure("0.1", "0.1", "100")
    return {
        "MR101": DeputyFundAllocation(Money(400000), (FundItem(Money(385000), "допомога"),)),
        "MR102": program_report(tenth, tenth, tenth, total=Financing(actual=th("0.5"))),
        "MR201": program_report(measure("141.0", "33.9", "25")),
        "MR202": program_report(
            measure("100.0", "50.0", "50"), measure("300.0", "30.0", "10"), pct="30"
        ),
        "MR203": program_report(measure("0.0", "0.0", "100")),
        "MR204": AwardBatch(awarded=301, shares=(AwardShare("військові", Percent("81"), 200),)),
        "MR205": program_report(measure("141.0", "33.9", "24.02")),
        "MR301": CouncilActivity(plenary_meetings=14, extraordinary_meetings=15),
        "MR302": CouncilActivity(session_count=15, plenary_meetings=14),
        "MR303": AwardBatch(nominated=561, awarded=562),
        "MR304": AwardBatch(awarded=5, posthumous=6),
        "MR305": AwardBatch(awarded=5, shares=(AwardShare("x", count=6),)),
        "MR306": ParticipatoryBudget(submitted=104, admitted=105),
        "MR307": ParticipatoryBudget(admitted=80, winners=81),
        "MR308": ListedItems("навчання", ("a", "b"), declared_count=5),
        "MR309": CouncilActivity(decisions_adopted=380, drafts=DraftFlow(407, 79, 56)),
        "MR310": CouncilActivity(session_count=3, sessions=(Session(1), Session(2))),
        "MR311": ParticipatoryBudget(
            voters=(Quantity(100),), votes=Quantity(500), votes_per_voter=4
        ),
        "MR401": program_report(measure("200.0", "249.0", None)),
        "MR402": program_report(measure("40.0", "0.0", None, indicative="20.0")),
        "MR403": program_report(measure("4.0", "0.00", "100")),
        "MR404": ProjectCap("великі", Money(1_600_000), Money(1_350_000), Percent("10")),
        "MR501": program_report(measure("1.0", "1.0", "100"), period=ReportingPeriod.year(2026)),
        "MR502": program_report(Measure("Захід", term=YearSpan(2021, 2027))),
        "MR503": Program(
            "П", Decision(dt.date(2020, 12, 24), "31"), (Decision(dt.date(2019, 9, 23), "279"),)
        ),
        "MR504": _report(approved, other),
        "MR505": _report(approved, other),
        "MR601": Figure("учасники", (12527, Quantity(9000, Qualifier.ABOUT))),
        "MR701": Task("Кoнкурс"),
    }


def test_every_rule_is_exercised_here() -> None:
    """Every registered built-in rule has a case here, and the audit of that case finds it."""
    cases = _one_broken_case_per_rule()
    assert sorted(cases) == sorted(r.code for r in default_rules())
    missed = [code for code, obj in cases.items() if code not in {f.code for f in audit(obj)}]
    assert missed == []
