"""Every built-in rule: a consistent case raises nothing, each way to break it is found at its path."""

from __future__ import annotations

import datetime as dt

import attrs
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
    MoneyFigure,
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
    Share,
    Shares,
    Task,
    WrittenMoney,
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
            ("$.extraordinary_meetings", Quantity(14), Quantity(15)),
        ),
        (
            CouncilActivity(session_count=15, plenary_meetings=14),
            "MR302",
            ("$.session_count", Quantity(14), Quantity(15)),
        ),
        (
            AwardBatch(nominated=561, awarded=562),
            "MR303",
            ("$.awarded", Quantity(561), Quantity(562)),
        ),
        (AwardBatch(awarded=5, posthumous=6), "MR304", ("$.posthumous", Quantity(5), Quantity(6))),
        (
            AwardBatch(awarded=5, shares=(AwardShare("x", count=6),)),
            "MR305",
            ("$.shares[0].count", Quantity(5), Quantity(6)),
        ),
        (
            ParticipatoryBudget(submitted=104, admitted=105),
            "MR306",
            ("$.admitted", Quantity(104), Quantity(105)),
        ),
        (
            ParticipatoryBudget(admitted=80, winners=81),
            "MR307",
            ("$.winners", Quantity(80), Quantity(81)),
        ),
        (
            ListedItems("навчання", ("a", "b"), declared_count=5),
            "MR308",
            ("$.declared_count", 2, 5),
        ),
        (
            CouncilActivity(decisions_adopted=380, drafts=DraftFlow(407, 79, 56)),
            "MR309",
            ("$.decisions_adopted", 384, Quantity(380)),
        ),
        (
            CouncilActivity(session_count=3, sessions=(Session(1), Session(2))),
            "MR310",
            ("$.session_count", 2, Quantity(3)),
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
    assert found(activity, "MR310") == [("$.plenary_meetings", 3, Quantity(4))]


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


# ---- issue 12: partial lists, per-figure writing, shares, truncation, amounts twice ----------


def test_partial_list_is_parts_at_most_whole_never_equality() -> None:
    """«зокрема» 26 + 11 + 23 of 90 is fine (MR101 does not ask for 90); 26 + 41 + 33 = 100 is MR103."""
    some = (Part("a", 26), Part("b", 11), Part("c", 23))
    assert audit(Breakdown("звернення", 90, some, complete=False), select=["MR1"]) == []
    too_many = (Part("a", 26), Part("b", 41), Part("c", 33))
    assert found(Breakdown("звернення", 90, too_many, complete=False), "MR103") == [
        ("$.total", 26 + 41 + 33, Quantity(90))
    ]
    # The boundary: parts equal to the whole are still some of it.
    exact = (Part("a", 50), Part("b", 40))
    assert audit(Breakdown("звернення", 90, exact, complete=False), select=["MR1"]) == []


def test_sub_part_is_a_partial_list_of_one() -> None:
    """17 of 19 appeals answered holds, 20 of 19 does not; «близько 20» of 19 may hold."""
    assert (
        found(Breakdown("звернення", 19, (Part("розглянуто", 17),), complete=False), "MR103") == []
    )
    assert found(
        Breakdown("звернення", 19, (Part("розглянуто", 20),), complete=False), "MR103"
    ) == [("$.total", 20, Quantity(19))]
    about = Part("розглянуто", Quantity(20, Qualifier.ABOUT))  # 18..22
    assert found(Breakdown("звернення", 19, (about,), complete=False), "MR103") == []


def test_partial_money_list_may_exceed_only_by_its_band() -> None:
    """Parts in тис. грн with one decimal (±50 грн each, total's too) may exceed a partial whole by 150 грн."""

    def fund(total: str) -> MoneyBreakdown:
        parts = (MoneyPart("a", th("100.0")), MoneyPart("b", th("50.0")))
        return MoneyBreakdown("дохід", th(total), parts, TH1, complete=False)

    assert audit(fund("150.0"), select=["MR1"]) == []  # equal
    assert audit(fund("200.0"), select=["MR1"]) == []  # below
    # 150 000 over 149 850: 150 грн over, the band (2 + 1) × 100 / 2 = 150 грн: a note.
    at_edge = MoneyBreakdown(
        "дохід",
        Money(149_850),
        fund("150.0").parts,
        TH1,
        complete=False,
        total_written=MoneyFormat(),
    )
    assert [f.code for f in audit(at_edge, select=["MR1"])] == ["MR103"]  # total exact: band 100
    edge = MoneyBreakdown(
        "дохід",
        Money(149_900),
        fund("150.0").parts,
        TH1,
        complete=False,
        total_written=MoneyFormat(),
    )
    assert [f.code for f in audit(edge, select=["MR1"])] == ["MR102"]


def test_mixed_precision_row_gets_each_figure_own_band() -> None:
    """5 347,241 + 421,06 тис. грн = 5 768,301 under 5 768,305: steps of 1, 10 and 1 грн allow 6 грн, the gap is 4."""
    th3, th2 = MoneyFormat(MoneyUnit.THOUSAND, 3), MoneyFormat(MoneyUnit.THOUSAND, 2)
    parts = (MoneyPart("a", th("5347.241")), MoneyPart("b", th("421.06"), written=th2))
    row = MoneyBreakdown("видатки", th("5768.305"), parts, th3)
    # Steps 1 грн, 10 грн, 1 грн: band (1 + 10 + 1) / 2 = 6 грн; the difference is 4 грн.
    assert found(row, "MR102") == [("$.total", th("5768.301"), th("5768.305"))]
    assert found(row, "MR101") == []
    # Read as uniformly three decimals the band is 1,5 грн and 4 грн would be an error.
    uniform = MoneyBreakdown(
        "видатки", th("5768.305"), (parts[0], MoneyPart("b", th("421.06"))), th3
    )
    assert [f.code for f in audit(uniform, select=["MR1"])] == ["MR101"]


def test_program_total_written_otherwise_than_its_rows_brings_its_own_step() -> None:
    """Rows in тис. грн to three decimals under a «Всього» to two: the band is 0,5 + 0,5 грн
    for the rows and 5 грн for the total, ±6 грн; the same total read at three decimals
    would allow only ±1,5 грн."""
    th3, th2 = MoneyFormat(MoneyUnit.THOUSAND, 3), MoneyFormat(MoneyUnit.THOUSAND, 2)
    ms = (
        Measure("a", Financing(annual=th("11148.559"))),
        Measure("b", Financing(annual=th("436.06"))),
    )

    def report(total: str, total_columns: ColumnFormats | None) -> ProgramReport:
        return attrs.evolve(
            program_report(*ms, columns=ColumnFormats(th3, th3, th3)),
            total=Financing(annual=th(total)),
            total_columns=total_columns,
        )

    written = ColumnFormats(th2, th2, th2)
    assert found(report("11584.62", written), "MR102") == [
        ("$.total.annual", th("11584.619"), th("11584.62"))
    ]
    # 11 584,63 is 11 грн over the rows' 11 584,619: beyond ±6 грн.
    assert [f.code for f in audit(report("11584.63", written), select=["MR1"])] == ["MR101"]
    # 11 584,625 is 6 грн over: beyond ±1,5 грн when the total is written like the rows…
    assert [f.code for f in audit(report("11584.625", None), select=["MR1"])] == ["MR101"]
    # …and exactly at the edge of ±6 грн when it is written to two decimals.
    assert [f.code for f in audit(report("11584.625", written), select=["MR1"])] == ["MR102"]


def test_fund_in_thousands_missing_its_items_by_display_rounding_is_a_note() -> None:
    """A fund of «400,0 тис. грн» over items to the kopeck summing to 399 950,00 is MR102; 399 949,99 is MR101."""

    def fund(last: str) -> DeputyFundAllocation:
        items = (FundItem(Money("200000.00"), "ремонт"), FundItem(Money(last), "техніка"))
        return DeputyFundAllocation(Money(400_000), items, total_written=TH1)

    assert found(fund("199950.00"), "MR102") == [
        ("$.fund_total", Money("399950.00"), Money(400_000))
    ]
    assert found(fund("199950.00"), "MR101") == []
    assert found(fund("199949.99"), "MR101") == [
        ("$.fund_total", Money("399949.99"), Money(400_000))
    ]


def test_part_shares_against_part_over_whole() -> None:
    """64 of 92 declared 70% is right (69.57), 60% is MR207; in млрд with a decimal 34,2% of 5,3 / 15,4 is MR205."""
    right = Breakdown("голоси", 92, (Part("a", 64, Percent("70")), Part("b", 28, Percent("30"))))
    assert audit(right, select=["MR2"]) == []
    wrong = Breakdown("голоси", 92, (Part("a", 64, Percent("60")), Part("b", 28, Percent("30"))))
    assert found(wrong, "MR207") == [("$.parts[0].share", Percent("69.57"), Percent("60"))]
    bn1 = MoneyFormat(MoneyUnit.BILLION, 1)
    b = Money(10**9)
    budget = MoneyBreakdown(
        "видатки",
        b * 15 + Money(400_000_000),
        (MoneyPart("a", b * 5 + Money(300_000_000), share=Percent("34.2")),),
        bn1,
        complete=False,
    )
    # 5,3 / 15,4 = 34.42%; 5,25 / 15,45 = 33.98% … 5,35 / 15,35 = 34.85%: 34,2 fits.
    assert found(budget, "MR205") == [("$.parts[0].share", Percent("34.42"), Percent("34.2"))]
    assert found(budget, "MR207") == []


def test_truncated_percent_is_its_own_warning() -> None:
    """158,7 of 811,3 млн is 19,561%: «19,5» is MR206 (truncated), «19,4» MR201, «19,6» nothing."""
    mn1, mn3 = MoneyFormat(MoneyUnit.MILLION, 1), MoneyFormat(MoneyUnit.MILLION, 3)
    columns = ColumnFormats(mn1, mn1, mn3)

    def report(pct: str) -> ProgramReport:
        m = Measure(
            "видатки", Financing(annual=Money(811_300_000), actual=Money(158_700_000)), Percent(pct)
        )
        return program_report(m, columns=columns)

    assert audit(report("19.6"), select=["MR2"]) == []
    assert found(report("19.5"), "MR206") == [
        (f"{M0}.declared_percent", Percent("19.56"), Percent("19.5"))
    ]
    assert found(report("19.5"), "MR201") == []
    assert [f.code for f in audit(report("19.4"), select=["MR2"])] == ["MR201"]
    # Shares too: 2 of 3 is 66.67%, «66» is truncated.
    assert found(Breakdown("x", 3, (Part("a", 2, Percent("66")),), complete=False), "MR206") == [
        ("$.parts[0].share", Percent("66.67"), Percent("66"))
    ]


def test_shares_sum_to_100_within_their_band() -> None:
    """Five whole-percent shares making 101 are MR209 (band ±2,5); 96 of two is MR208; 100 nothing."""

    def shares(*ps: str, complete: bool = True) -> Shares:
        return Shares("вік", tuple(Share(f"s{i}", Percent(p)) for i, p in enumerate(ps)), complete)

    assert audit(shares("79.8", "17.5", "2.7"), select=["MR2"]) == []
    assert found(shares("3", "10", "30", "52", "6"), "MR209") == [
        ("$.shares", Percent(100), Percent(101))
    ]
    assert found(shares("40", "56"), "MR208") == [("$.shares", Percent(100), Percent(96))]
    # The boundary: two whole percents allow ±1: 99 is rounding, 98.9 not.
    assert [f.code for f in audit(shares("40", "59"), select=["MR2"])] == ["MR209"]
    assert [f.code for f in audit(shares("40.0", "58.9"), select=["MR2"])] == ["MR208"]
    # A partial list must only not exceed 100 %.
    assert audit(shares("40", "20", complete=False), select=["MR2"]) == []
    assert found(shares("60", "50", complete=False), "MR208") == [
        ("$.shares", Percent(100), Percent(110))
    ]


def test_amount_stated_twice_agrees_within_the_coarser_band() -> None:
    """«7,6 млн» and 7 600 тис. agree; 17,5 млн and 17 440 тис. do not (MR602); 7,6 млн and 7 578 400 грн round (MR603)."""
    mn1, th0 = MoneyFormat(MoneyUnit.MILLION, 1), MoneyFormat(MoneyUnit.THOUSAND, 0)
    same = MoneyFigure(
        "фонд", (WrittenMoney(Money(7_600_000), mn1), WrittenMoney(Money(7_600_000), th0))
    )
    assert audit(same, select=["MR6"]) == []
    apart = MoneyFigure(
        "програма", (WrittenMoney(Money(17_500_000), mn1), WrittenMoney(Money(17_440_000), th0))
    )
    assert found(apart, "MR602") == [("$.values[1].amount", Money(17_500_000), Money(17_440_000))]
    near = MoneyFigure(
        "фонд", (WrittenMoney(Money(7_600_000), mn1), WrittenMoney(Money("7578400.00")))
    )
    assert found(near, "MR603") == [("$.values[1].amount", Money(7_600_000), Money("7578400.00"))]
    # The boundary: 50 000 грн from a «0,1 млн» figure is within it, 50 000,01 is not.
    edge = MoneyFigure("x", (WrittenMoney(Money(7_600_000), mn1), WrittenMoney(Money(7_550_000))))
    assert [f.code for f in audit(edge, select=["MR6"])] == ["MR603"]
    out = MoneyFigure("x", (WrittenMoney(Money(7_600_000), mn1), WrittenMoney(Money("7549999.99"))))
    assert [f.code for f in audit(out, select=["MR6"])] == ["MR602"]


def test_complete_award_shares_make_the_awarded_and_100_percent() -> None:
    """Shares marked complete must count the awarded (MR101) and make 100 % (MR208); partial
    shares, which may overlap, are only each checked."""

    def batch(*shares: tuple[str, int], complete: bool = True) -> AwardBatch:
        return AwardBatch(
            awarded=10,
            shares=tuple(AwardShare(f"s{c}", Percent(p), c) for p, c in shares),
            shares_complete=complete,
        )

    assert audit(batch(("40", 4), ("60", 6))) == []
    assert [(f.code, f.path) for f in audit(batch(("40", 4), ("50", 5)))] == [
        ("MR208", "$.shares"),
        ("MR101", "$.awarded"),
    ]
    assert found(batch(("40", 4), ("50", 5)), "MR101") == [("$.awarded", 9, Quantity(10))]
    # Overlapping groups among the awarded: 80 % and 70 % are both possible.
    assert audit(batch(("80", 8), ("70", 7), complete=False)) == []


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
        "MR103": Breakdown("звернення", 90, (Part("a", 60), Part("b", 41)), complete=False),
        "MR102": program_report(tenth, tenth, tenth, total=Financing(actual=th("0.5"))),
        "MR201": program_report(measure("141.0", "33.9", "25")),
        "MR202": program_report(
            measure("100.0", "50.0", "50"), measure("300.0", "30.0", "10"), pct="30"
        ),
        "MR203": program_report(measure("0.0", "0.0", "100")),
        "MR204": AwardBatch(awarded=301, shares=(AwardShare("військові", Percent("81"), 200),)),
        "MR205": program_report(measure("141.0", "33.9", "24.02")),
        "MR206": Breakdown("x", 3, (Part("a", 2, Percent("66")),), complete=False),
        "MR207": Breakdown("голоси", 92, (Part("a", 64, Percent("60")),), complete=False),
        "MR208": Shares("вік", (Share("a", Percent(40)), Share("b", Percent(56)))),
        "MR209": Shares("вік", (Share("a", Percent(40)), Share("b", Percent(59)))),
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
        "MR602": MoneyFigure(
            "програма",
            (
                WrittenMoney(Money(17_500_000), MoneyFormat(MoneyUnit.MILLION, 1)),
                WrittenMoney(Money(17_440_000)),
            ),
        ),
        "MR603": MoneyFigure(
            "фонд",
            (
                WrittenMoney(Money(7_600_000), MoneyFormat(MoneyUnit.MILLION, 1)),
                WrittenMoney(Money("7578400.00")),
            ),
        ),
        "MR701": Task("Кoнкурс"),
    }


def test_every_rule_is_exercised_here() -> None:
    """Every registered built-in rule has a case here, and the audit of that case finds it."""
    cases = _one_broken_case_per_rule()
    assert sorted(cases) == sorted(r.code for r in default_rules())
    missed = [code for code, obj in cases.items() if code not in {f.code for f in audit(obj)}]
    assert missed == []
