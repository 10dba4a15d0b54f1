"""Strategies for entities: valid by construction, totals derived from their parts.

Every strategy here draws parts first and derives what the audit checks against them
(totals, declared percentages, counts), so no draw is ever rejected: that keeps generation
fast and shrinking direct. The defaults also avoid every warning the audit knows (actual ≤
annual ≤ indicative, periods inside terms, text in one script).
"""

from __future__ import annotations

from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from municipal_reports.domain.council import CouncilActivity, DraftFlow, Session, SessionKind
from municipal_reports.domain.document import Council, Fact, Report, ReportKind, ReportMeta, Section
from municipal_reports.domain.facts import (
    AwardBatch,
    AwardShare,
    Breakdown,
    DeputyFundAllocation,
    Figure,
    FundItem,
    ListedItems,
    MoneyBreakdown,
    MoneyPart,
    Part,
    ParticipatoryBudget,
    ProjectCap,
)
from municipal_reports.domain.money import Money
from municipal_reports.domain.percent import Percent
from municipal_reports.domain.period import PeriodKind, ReportingPeriod, YearSpan
from municipal_reports.domain.program import (
    ColumnFormats,
    Financing,
    Measure,
    MoneyFormat,
    MoneyUnit,
    Program,
    ProgramReport,
    Task,
)
from municipal_reports.domain.quantity import Qualifier, Quantity
from municipal_reports.testing import _text
from municipal_reports.testing._declared import least
from municipal_reports.testing._packed import (
    HEADER,
    PROGRAM,
    ROW,
    Reader,
    financing_from,
    measure_from,
    period_from,
    program_from,
    signatory_from,
)
from municipal_reports.testing._values import (
    DEFAULT_MAX_MONEY,
    correct_percent,
    decisions,
    draw_kopecks,
    people,
    reporting_periods,
    signatories,
)

__all__ = [
    "COLUMN_FORMATS",
    "award_batches",
    "breakdowns",
    "column_formats",
    "council_activities",
    "deputy_fund_allocations",
    "figures",
    "financings",
    "listed_items",
    "measures",
    "money_breakdowns",
    "participatory_budgets",
    "program_reports",
    "programs",
    "reports",
    "sections",
    "sessions",
    "tasks",
]

T = TypeVar("T")

_THOUSANDS_1 = MoneyFormat(MoneyUnit.THOUSAND, 1)
_THOUSANDS_2 = MoneyFormat(MoneyUnit.THOUSAND, 2)
_HRYVNIAS = MoneyFormat()
_MILLIONS_3 = MoneyFormat(MoneyUnit.MILLION, 3)

#: Every money column written to the kopeck (the default of the row strategies).
EXACT_COLUMNS = ColumnFormats()

#: The column formats real tables use: all to the kopeck; all in «тис. грн» with one
#: decimal (or two); plans in «тис. грн» and the financed amount to the kopeck.
COLUMN_FORMATS = (
    EXACT_COLUMNS,
    ColumnFormats(_THOUSANDS_1, _THOUSANDS_1, _THOUSANDS_1),
    ColumnFormats(_THOUSANDS_2, _THOUSANDS_2, _THOUSANDS_2),
    ColumnFormats(_THOUSANDS_1, _THOUSANDS_1, _HRYVNIAS),
    ColumnFormats(_MILLIONS_3, _MILLIONS_3, _MILLIONS_3),
)

_DECIMAL_CHOICES = (0, 2, 1)
_PERCENT_DECIMALS = st.sampled_from(_DECIMAL_CHOICES)

#: The years of the registered strategies' periods: a convocation's term. Programs drawn for
#: ``st.from_type(Program)`` cover them, so ``st.builds(ProgramReport)`` is valid.
_REGISTERED_FIRST, _REGISTERED_LAST = 2021, 2025


def column_formats() -> st.SearchStrategy[ColumnFormats]:
    """The money formats of a program table's columns 6–8, as real tables write them."""
    return st.sampled_from(COLUMN_FORMATS)


def _resolve(
    value: T | st.SearchStrategy[T] | None, default: st.SearchStrategy[T]
) -> st.SearchStrategy[T]:
    """A strategy for a part a caller may fix (a value), vary (a strategy) or leave to us."""
    if value is None:
        return default
    if isinstance(value, st.SearchStrategy):
        return value
    return st.just(value)


def _check_sizes(low_name: str, low: object, high_name: str, high: object) -> None:
    for name, value in ((low_name, low), (high_name, high)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidArgument(f"{name}={value!r} must be a non-negative int")
    if low > high:  # type: ignore[operator]
        raise InvalidArgument(f"{low_name}={low!r} is greater than {high_name}={high!r}")


def financings(
    *, columns: ColumnFormats = EXACT_COLUMNS, max_value: Money = DEFAULT_MAX_MONEY
) -> st.SearchStrategy[Financing]:
    """A measure's money, with actual ≤ annual ≤ indicative ≤ ``max_value``, each a figure
    its column (``columns``) could show; fully executed more often than by chance."""
    if not isinstance(columns, ColumnFormats):
        raise InvalidArgument(f"columns={columns!r} must be ColumnFormats")
    if not isinstance(max_value, Money) or max_value.kopecks < 0:
        raise InvalidArgument(f"max_value={max_value!r} must be a non-negative Money")
    return _FINANCING_ROW.map(lambda b: financing_from(Reader(b), columns, max_value.kopecks))


_FINANCING_ROW = st.binary(min_size=10, max_size=10)


def measures(
    *,
    financing: st.SearchStrategy[Financing] | None = None,
    columns: ColumnFormats = EXACT_COLUMNS,
    with_percent: bool = True,
    term: YearSpan | None = None,
) -> st.SearchStrategy[Measure]:
    """Measures (one row of the official table) with a realistic content, financing from
    ``financing`` (default :func:`financings` for ``columns``), a declared percent that is
    a correct rounding of actual / plan when ``with_percent``, and a term inside ``term``."""
    if financing is not None and not isinstance(financing, st.SearchStrategy):
        raise InvalidArgument(f"financing={financing!r} must be a strategy of Financing")
    if not isinstance(columns, ColumnFormats):
        raise InvalidArgument(f"columns={columns!r} must be ColumnFormats")
    if term is not None and not isinstance(term, YearSpan):
        raise InvalidArgument(f"term={term!r} must be a YearSpan or None")
    if not isinstance(with_percent, bool):
        raise InvalidArgument(f"with_percent={with_percent!r} must be a bool")

    @st.composite
    def draw_measure(draw: st.DrawFn) -> Measure:
        fin = draw(financing) if financing is not None else None
        return measure_from(
            Reader(draw(ROW)),
            columns,
            DEFAULT_MAX_MONEY.kopecks,
            with_percent=with_percent,
            term=term,
            financing=fin,
        )

    return draw_measure()


def _draw_tasks(
    draw: st.DrawFn,
    min_measures: int,
    max_measures: int,
    columns: ColumnFormats,
    term: YearSpan | None,
    measure_strategy: st.SearchStrategy[Measure] | None,
) -> tuple[Task, ...]:
    # One draw of bytes per row (see _packed); a list, so that shrinking drops rows.
    rows = draw(st.lists(ROW, min_size=min_measures, max_size=max_measures))
    groups: list[tuple[str, list[Measure]]] = []
    for row in rows:
        # The last byte: a new task one time in four (never, once shrunk), and its title.
        place = row[-1]
        if not groups or place % 4 == 3:
            groups.append((_text.TASK_TITLES[place // 4 % len(_text.TASK_TITLES)], []))
        measures_so_far = groups[-1][1]
        if measure_strategy is not None:
            measure = draw(measure_strategy)
        else:
            number = f"{len(groups)}.{len(measures_so_far) + 1}"
            measure = measure_from(
                Reader(row), columns, DEFAULT_MAX_MONEY.kopecks, term=term, number=number
            )
        measures_so_far.append(measure)
    return tuple(Task(title, tuple(group), str(i + 1)) for i, (title, group) in enumerate(groups))


def tasks(
    *,
    min_measures: int = 1,
    max_measures: int = 5,
    columns: ColumnFormats = EXACT_COLUMNS,
    term: YearSpan | None = None,
) -> st.SearchStrategy[Task]:
    """Priority tasks with ``min_measures`` to ``max_measures`` numbered measures."""
    _check_sizes("min_measures", min_measures, "max_measures", max_measures)

    @st.composite
    def draw_task(draw: st.DrawFn) -> Task:
        count = draw(st.integers(min_measures, max_measures))
        rows = [Reader(draw(ROW)) for _ in range(count)]
        return Task(
            draw(st.sampled_from(_text.TASK_TITLES)),
            tuple(
                measure_from(r, columns, DEFAULT_MAX_MONEY.kopecks, term=term, number=f"1.{j + 1}")
                for j, r in enumerate(rows)
            ),
            "1",
        )

    return draw_task()


def programs(
    *,
    terms: st.SearchStrategy[YearSpan] | None = None,
    titles: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Program]:
    """Target programs: a title (from ``titles``), a term (from ``terms``; by default 1 to
    6 years within 2015–2030), the decision that approved it, dated in the half-year before
    the term starts, and up to three amendments dated after it, each decision with its own
    number."""
    if terms is not None and not isinstance(terms, st.SearchStrategy):
        raise InvalidArgument(f"terms={terms!r} must be a strategy of YearSpan")
    if titles is not None and not isinstance(titles, st.SearchStrategy):
        raise InvalidArgument(f"titles={titles!r} must be a strategy of str")

    @st.composite
    def draw_program(draw: st.DrawFn) -> Program:
        term = draw(terms) if terms is not None else None
        title = draw(titles) if titles is not None else None
        return program_from(Reader(draw(PROGRAM)), term, title)

    return draw_program()


def program_reports(
    *,
    programs: st.SearchStrategy[Program] | None = None,
    periods: st.SearchStrategy[ReportingPeriod] | None = None,
    min_measures: int = 1,
    max_measures: int = 30,
    columns: ColumnFormats | st.SearchStrategy[ColumnFormats] | None = None,
    measures: st.SearchStrategy[Measure] | None = None,
    executors: str | st.SearchStrategy[str] | None = None,
    with_total: bool = True,
) -> st.SearchStrategy[ProgramReport]:
    """Execution reports of a program: a period inside the program's term (from
    ``periods`` if given: keep it inside the term), ``min_measures`` to ``max_measures``
    measures grouped in tasks, and, when ``with_total``, the «Всього» row derived from
    them with a correct total percent. ``columns`` fixes or varies the table's money
    formats; ``measures`` replaces our measures (their financing must then fit ``columns``)."""
    _check_sizes("min_measures", min_measures, "max_measures", max_measures)
    if programs is not None and not isinstance(programs, st.SearchStrategy):
        raise InvalidArgument(f"programs={programs!r} must be a strategy of Program")
    if periods is not None and not isinstance(periods, st.SearchStrategy):
        raise InvalidArgument(f"periods={periods!r} must be a strategy of ReportingPeriod")
    column_strategy = None if columns is None else _resolve(columns, column_formats())
    executor_strategy = None if executors is None else _resolve(executors, st.nothing())

    @st.composite
    def draw_report(draw: st.DrawFn) -> ProgramReport:
        # One draw for the program and the header, unless the caller gave strategies.
        header = Reader(draw(_REPORT_HEADER))
        program = draw(programs) if programs is not None else program_from(header, None)
        term = program.term
        if periods is not None:
            period = draw(periods)
        elif term is not None:
            period = period_from(header, term.first, term.last)
        else:
            period = period_from(header, _REGISTERED_FIRST, _REGISTERED_LAST)
        cols = header.pick(COLUMN_FORMATS)
        cols = draw(column_strategy) if column_strategy is not None else cols
        executor = header.pick(_text.EXECUTORS)
        executor = draw(executor_strategy) if executor_strategy is not None else executor
        report_tasks = _draw_tasks(draw, min_measures, max_measures, cols, term, measures)
        total: Financing | None = None
        total_percent: Percent | None = None
        if with_total:
            # The «Всього» row as the domain totals the measures (the report has none yet).
            total = ProgramReport(program, period, report_tasks).totals().financing
            plan, actual = total.plan, total.actual
            shown = header.uint(1)
            if plan and actual is not None and shown % 4:
                total_percent = correct_percent(actual, plan, _DECIMAL_CHOICES[shown % 3])
        return ProgramReport(
            program=program,
            period=period,
            tasks=report_tasks,
            executor=executor,
            total=total,
            total_percent=total_percent,
            signatory=signatory_from(header),
            columns=cols,
        )

    return draw_report()


_programs = programs
_REPORT_HEADER = st.binary(min_size=32, max_size=32)


def sessions(*, kind: SessionKind | None = None) -> st.SearchStrategy[Session]:
    """Council sessions: a number, a kind, one to three plenary meetings, decisions."""
    kinds = st.sampled_from(SessionKind) if kind is None else st.just(kind)
    return st.builds(
        Session,
        number=st.integers(least(Session, "number"), 80),
        kind=kinds,
        plenary_meetings=st.integers(1, 3),
        decisions_adopted=st.integers(0, 80),
    )


def council_activities(*, max_sessions: int = 6) -> st.SearchStrategy[CouncilActivity]:
    """What a council did in a period: sessions (sometimes listed one by one, then the
    summary counts are their sums), plenary meetings ≥ sessions and ≥ extraordinary
    ones, and a draft flow that leads to the decisions adopted."""
    _check_sizes("max_sessions", max_sessions, "max_sessions", max_sessions)

    @st.composite
    def draw_activity(draw: st.DrawFn) -> CouncilActivity:
        listed = tuple(draw(st.lists(sessions(), max_size=max_sessions)))
        if listed:
            session_count = len(listed)
            plenary = sum(s.plenary_meetings or 0 for s in listed)
            extraordinary = sum(
                s.plenary_meetings or 0 for s in listed if s.kind is SessionKind.EXTRAORDINARY
            )
            decisions = sum(s.decisions_adopted or 0 for s in listed)
        else:
            session_count = draw(st.integers(0, 30))
            plenary = session_count + draw(st.integers(0, 5))
            extraordinary = draw(st.integers(0, plenary))
            decisions = draw(st.integers(0, 600))
        drafts = None
        if draw(st.booleans()):
            withdrawn = draw(st.integers(0, 100))
            added = draw(st.integers(0, min(100, decisions + withdrawn)))
            drafts = DraftFlow(decisions + withdrawn - added, withdrawn, added)
        return CouncilActivity(
            period=draw(st.none() | reporting_periods(kinds=[PeriodKind.YEAR])),
            session_count=session_count,
            plenary_meetings=plenary,
            extraordinary_meetings=extraordinary,
            decisions_adopted=decisions,
            petitions_considered=draw(st.none() | st.integers(0, 200)),
            deputies=draw(st.none() | st.integers(26, 64)),
            drafts=drafts,
            sessions=listed,
        )

    return draw_activity()


def breakdowns(*, max_parts: int = 6) -> st.SearchStrategy[Breakdown]:
    """A count and its named parts (committee meetings by committee); the total is their sum."""
    _check_sizes("max_parts", max_parts, "max_parts", max_parts)

    @st.composite
    def draw_breakdown(draw: st.DrawFn) -> Breakdown:
        labels = draw(st.lists(st.sampled_from(_text.COMMITTEES), max_size=max_parts, unique=True))
        parts = tuple(Part(label, draw(st.integers(0, 2000))) for label in labels)
        total = sum(p.value.value for p in parts) if parts else draw(st.integers(0, 5000))
        return Breakdown(draw(st.sampled_from(_text.BREAKDOWN_LABELS)), total, parts)

    return draw_breakdown()


def money_breakdowns(
    *, written: MoneyFormat | st.SearchStrategy[MoneyFormat] | None = None, max_parts: int = 6
) -> st.SearchStrategy[MoneyBreakdown]:
    """An amount and its named parts (a program's spending by section), each a figure the
    format ``written`` could show; the total is their sum."""
    _check_sizes("max_parts", max_parts, "max_parts", max_parts)
    formats = _resolve(written, st.sampled_from((_HRYVNIAS, _THOUSANDS_1)))

    @st.composite
    def draw_money_breakdown(draw: st.DrawFn) -> MoneyBreakdown:
        fmt = draw(formats)
        step = fmt.step.kopecks
        labels = draw(
            st.lists(
                st.sampled_from(_text.MONEY_LABELS + _text.TASK_TITLES),
                min_size=1,
                max_size=max_parts,
                unique=True,
            )
        )
        parts = tuple(
            MoneyPart(label, Money.from_kopecks(draw_kopecks(draw, 0, 10**10, step)))
            for label in labels
        )
        total = sum((p.amount for p in parts), Money(0))
        return MoneyBreakdown(draw(st.sampled_from(_text.MONEY_LABELS)), total, parts, fmt)

    return draw_money_breakdown()


def award_batches() -> st.SearchStrategy[AwardBatch]:
    """The awards of a period: nominated ≥ awarded ≥ posthumous, shares that are parts of
    the awarded with percentages that are correct roundings of their counts."""

    @st.composite
    def draw_batch(draw: st.DrawFn) -> AwardBatch:
        awarded = draw(st.integers(0, 3000))
        nominated = awarded + draw(st.integers(0, 500))
        shares: list[AwardShare] = []
        labels = draw(st.lists(st.sampled_from(_text.SHARE_LABELS), max_size=2, unique=True))
        for label in labels:
            count = draw(st.integers(0, awarded))
            form = draw(st.integers(0, 2)) if awarded else 1
            percent = (
                correct_percent(count, awarded, draw(_PERCENT_DECIMALS)) if form != 1 else None
            )
            shares.append(AwardShare(label, percent, None if form == 0 else count))
        spending = draw(st.none() | st.builds(Money.from_kopecks, st.integers(0, 10**9)))
        return AwardBatch(
            label=draw(st.sampled_from(_text.AWARD_LABELS)),
            commission_meetings=draw(st.none() | st.integers(0, 60)),
            petitions=draw(st.none() | st.integers(0, 500)),
            nominated=nominated,
            awarded=awarded,
            posthumous=draw(st.none() | st.integers(0, awarded)),
            shares=tuple(shares),
            spending=spending,
        )

    return draw_batch()


def deputy_fund_allocations(*, max_items: int = 8) -> st.SearchStrategy[DeputyFundAllocation]:
    """A deputy's district fund and its spending, item by item to the kopeck; the fund is
    the sum of its items."""
    _check_sizes("max_items", max_items, "max_items", max_items)

    @st.composite
    def draw_fund(draw: st.DrawFn) -> DeputyFundAllocation:
        count = draw(st.integers(0, max_items))
        items = tuple(
            FundItem(
                Money.from_kopecks(draw_kopecks(draw, 0, 40_000_000)),
                draw(st.sampled_from(_text.FUND_PURPOSES)),
                draw(st.sampled_from(_text.FUND_RECIPIENTS)),
            )
            for _ in range(count)
        )
        return DeputyFundAllocation(
            fund_total=sum((i.amount for i in items), Money(0)),
            items=items,
            deputy=draw(st.none() | people()),
            period=draw(st.none() | reporting_periods(kinds=[PeriodKind.YEAR])),
        )

    return draw_fund()


def _round_thousands(n: int) -> int:
    return (n + 500) // 1000 * 1000


def _consistent_values(draw: st.DrawFn, exact: int) -> tuple[Quantity, ...]:
    """``exact``, sometimes with a second figure for it that can hold at the same time."""
    values = [Quantity(exact)]
    extra = draw(st.integers(0, 3))
    if extra == 1 and exact >= 10_000:
        values.append(Quantity(_round_thousands(exact), Qualifier.ABOUT))
    elif extra == 2 and exact >= 1:
        values.append(Quantity(exact - draw(st.integers(1, exact)), Qualifier.MORE_THAN))
    elif extra == 3:
        values.append(Quantity(exact + draw(st.integers(0, 100)), Qualifier.UP_TO))
    return tuple(values)


def participatory_budgets() -> st.SearchStrategy[ParticipatoryBudget]:
    """Participatory budget rounds: submitted ≥ admitted ≥ winners, voters' figures that
    agree, votes within what the voters could cast, caps that follow from base + reserve."""

    @st.composite
    def draw_budget(draw: st.DrawFn) -> ParticipatoryBudget:
        winners = draw(st.integers(0, 60))
        admitted = winners + draw(st.integers(0, 60))
        submitted = admitted + draw(st.integers(0, 40))
        voters = draw(st.integers(0, 40_000))
        per_voter = draw(st.integers(least(ParticipatoryBudget, "votes_per_voter"), 4))
        caps = []
        for label in draw(
            st.lists(st.sampled_from(("малі проєкти", "великі проєкти")), max_size=2, unique=True)
        ):
            base = Money.from_kopecks(draw(st.integers(1, 30_000)) * 10_000)  # hundreds of грн
            reserve = draw(st.integers(0, 15))
            limit = Money.from_kopecks(base.kopecks * (100 + reserve) // 100)
            caps.append(ProjectCap(label, limit, base, Percent(reserve)))
        return ParticipatoryBudget(
            budget=draw(
                st.none()
                | st.builds(Money.from_kopecks, st.integers(0, 10**10).map(lambda n: n * 100))
            ),
            caps=tuple(caps),
            submitted=submitted,
            submitted_amount=draw(
                st.none() | st.builds(Money.from_kopecks, st.integers(0, 10**11))
            ),
            admitted=admitted,
            winners=winners,
            voters=_consistent_values(draw, voters),
            votes=Quantity(draw(st.integers(0, voters * per_voter))),
            votes_per_voter=per_voter,
        )

    return draw_budget()


def figures() -> st.SearchStrategy[Figure]:
    """A count stated about one thing, sometimes twice in ways that can both be true
    («12 527» and «близько 13 тисяч»)."""

    @st.composite
    def draw_figure(draw: st.DrawFn) -> Figure:
        exact = draw(st.integers(0, 50_000))
        return Figure(draw(st.sampled_from(_text.FIGURE_LABELS)), _consistent_values(draw, exact))

    return draw_figure()


def listed_items(*, max_items: int = 6) -> st.SearchStrategy[ListedItems]:
    """A list announced with its count («проведено 5 навчань: …»); the count, when given,
    is the number of items."""
    _check_sizes("max_items", max_items, "max_items", max_items)

    @st.composite
    def draw_listed(draw: st.DrawFn) -> ListedItems:
        items = tuple(
            draw(st.lists(st.sampled_from(_text.LIST_ITEMS), max_size=max_items, unique=True))
        )
        declared = len(items) if draw(st.integers(0, 3)) else None
        return ListedItems(draw(st.sampled_from(_text.LIST_LABELS)), items, declared)

    return draw_listed()


def _simple_facts() -> st.SearchStrategy[Fact]:
    return st.one_of(
        figures(),
        listed_items(),
        breakdowns(),
        money_breakdowns(),
        award_batches(),
        deputy_fund_allocations(),
        council_activities(),
        participatory_budgets(),
        sessions(),
        decisions(),
    )


def sections(
    *, facts: st.SearchStrategy[Fact] | None = None, max_facts: int = 3
) -> st.SearchStrategy[Section]:
    """Titled sections of a report with a few paragraphs and up to ``max_facts`` facts from
    ``facts`` (default: every kind of fact, program reports included)."""
    _check_sizes("max_facts", max_facts, "max_facts", max_facts)
    fact_strategy = (
        facts if facts is not None else st.one_of(_simple_facts(), program_reports(max_measures=5))
    )
    return st.builds(
        Section,
        title=st.sampled_from(_text.SECTION_TITLES),
        paragraphs=st.lists(st.sampled_from(_text.PARAGRAPHS), max_size=2, unique=True).map(tuple),
        facts=st.lists(fact_strategy, max_size=max_facts).map(tuple),
    )


def reports(
    *,
    min_sections: int = 0,
    max_sections: int = 4,
    sections: st.SearchStrategy[Section] | None = None,
    min_program_reports: int = 0,
    max_program_reports: int = 3,
    max_measures: int = 10,
) -> st.SearchStrategy[Report]:
    """Whole report documents: metadata, sections of facts, and, in a last section, up to
    ``max_program_reports`` execution reports of one program by different executors for
    the report's period (so that the program is cited with one approval throughout), at
    least ``min_program_reports`` of them."""
    _check_sizes("min_sections", min_sections, "max_sections", max_sections)
    _check_sizes(
        "min_program_reports", min_program_reports, "max_program_reports", max_program_reports
    )
    _check_sizes("max_measures", max_measures, "max_measures", max_measures)
    if max_program_reports > len(_text.EXECUTORS):
        raise InvalidArgument(
            f"max_program_reports={max_program_reports!r}: at most {len(_text.EXECUTORS)} "
            "executors report on one program"
        )
    section_strategy = sections if sections is not None else _sections(facts=_simple_facts())

    @st.composite
    def draw_report(draw: st.DrawFn) -> Report:
        program = draw(programs())
        assert program.term is not None
        period = period_from(Reader(draw(HEADER)), program.term.first, program.term.last)
        council_name, city = draw(st.sampled_from(_text.CITIES))
        kind = draw(st.sampled_from(ReportKind))
        body = tuple(draw(st.lists(section_strategy, min_size=min_sections, max_size=max_sections)))
        executors = draw(
            st.lists(
                st.sampled_from(_text.EXECUTORS),
                min_size=min_program_reports,
                max_size=max_program_reports,
                unique=True,
            )
        )
        if executors:
            executions = tuple(
                draw(
                    program_reports(
                        programs=st.just(program),
                        periods=st.just(period),
                        max_measures=max_measures,
                        executors=executor,
                    )
                )
                for executor in executors
            )
            body += (Section("Виконання міських цільових програм", (), executions),)
        author = draw(st.sampled_from(_text.EXECUTORS))
        meta = ReportMeta(
            title=f"Звіт про роботу ({author}) виконавчих органів міської ради міста {city} за {period.name_uk}",
            council=Council(council_name, draw(st.none() | st.integers(6, 9))),
            period=period,
            kind=kind,
            author=author,
            signatory=draw(st.none() | signatories()),
        )
        return Report(meta, body)

    return draw_report()


_sections = sections
