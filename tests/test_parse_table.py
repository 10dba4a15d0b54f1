"""The three tables of seed 2 import into the reports of the example file, with findings for
every decision the importer had to make."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES_DIR, SEEDS_DIR
from municipal_reports import (
    Money,
    MoneyFormat,
    MoneyUnit,
    ParseError,
    ProgramReport,
    Report,
    ReportingPeriod,
    audit,
    import_table,
    load,
)
from municipal_reports.cli import main
from municipal_reports.parse import ImportResult, import_tables

SEED = "zhytomyr-program-efficient-power-2022-9m"
COUNCIL = "Житомирська міська рада"

pytestmark = pytest.mark.skipif(
    not (SEEDS_DIR / f"{SEED}.txt").exists(), reason="shared/seeds is not beside this checkout"
)


@pytest.fixture(scope="module")
def imported() -> tuple[ImportResult, ...]:
    """The seed's three tables, imported."""
    text = (SEEDS_DIR / f"{SEED}.txt").read_text(encoding="utf-8")
    return import_tables(text, council=COUNCIL)


@pytest.fixture(scope="module")
def expected() -> list[ProgramReport]:
    """The three reports as the example file holds them."""
    report = load(EXAMPLES_DIR / f"{SEED}.json")
    assert isinstance(report, Report)
    facts = [s.facts[0] for s in report.sections]
    assert all(isinstance(f, ProgramReport) for f in facts)
    return facts  # type: ignore[return-value]


def test_the_seed_holds_three_tables(imported: tuple[ImportResult, ...]) -> None:
    """Each table with its header block and signature becomes one report."""
    assert len(imported) == 3
    assert [len(r.report.tasks) for r in imported] == [5, 7, 1]


@pytest.mark.parametrize("i", [0, 1, 2])
@pytest.mark.parametrize(
    "field", ["program", "period", "executor", "total", "total_percent", "signatory", "columns"]
)
def test_report_fields_equal_the_example(
    imported: tuple[ImportResult, ...], expected: list[ProgramReport], i: int, field: str
) -> None:
    """Program header, period, executor, «Всього», signatory and column formats are exact."""
    assert getattr(imported[i].report, field) == getattr(expected[i], field)


@pytest.mark.parametrize("i", [0, 1, 2])
def test_tasks_and_measures_equal_the_example(
    imported: tuple[ImportResult, ...], expected: list[ProgramReport], i: int
) -> None:
    """Tasks, measures, financing, percents, terms and executors are exact; notes are
    imported verbatim where the example abbreviates them (see docs/parsing.md)."""
    got, want = imported[i].report, expected[i]
    assert [(t.number, t.title) for t in got.tasks] == [(t.number, t.title) for t in want.tasks]
    for task, want_task in zip(got.tasks, want.tasks, strict=True):
        assert len(task.measures) == len(want_task.measures)
        for m, w in zip(task.measures, want_task.measures, strict=True):
            assert (m.content, m.financing, m.declared_percent, m.term, m.executors, m.number) == (
                w.content,
                w.financing,
                w.declared_percent,
                w.term,
                w.executors,
                w.number,
            )


@pytest.mark.parametrize("i", [0, 1, 2])
def test_audit_gives_the_same_findings(
    imported: tuple[ImportResult, ...], expected: list[ProgramReport], i: int
) -> None:
    """Auditing an imported report finds exactly what auditing the example finds."""
    got = [(f.code, f.path) for f in audit(imported[i].report)]
    want = [(f.code, f.path) for f in audit(expected[i])]
    assert got == want
    assert got  # each of the three tables contradicts itself somewhere


def _codes(result: ImportResult) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in result.findings]


def test_first_table_needs_no_decision(imported: tuple[ImportResult, ...]) -> None:
    """A clean «тис. грн» table with a page-break continuation imports without findings."""
    assert _codes(imported[0]) == []
    note = imported[0].report.tasks[3].measures[0].note
    assert note.endswith("у зв'язку із введенням воєнного стану.")


def test_second_table_units_are_decided_by_the_total(imported: tuple[ImportResult, ...]) -> None:
    """Columns 6/7 say «грн» but hold thousands: the «Всього» decides, and a finding says so;
    column 8 mixes «0,0» with «249 000,00», and the total confirms hryvnias."""
    findings = {f.path: f for f in imported[1].findings if f.code.startswith("IMP1")}
    assert set(findings) == {"$.columns.indicative", "$.columns.annual", "$.columns.actual"}
    indicative = findings["$.columns.indicative"]
    assert indicative.code == "IMP101"
    assert "тис. грн" in indicative.reading
    assert any(c.text == "200,0" and c.column == 6 for c in indicative.cells)
    assert any("2 080 000, 00" in c.text for c in indicative.cells)
    actual = findings["$.columns.actual"]
    assert actual.code == "IMP103"
    assert {c.text for c in actual.cells} >= {"0,0", "00,0", "513 537,84"}
    report = imported[1].report
    assert report.columns.actual == MoneyFormat(MoneyUnit.HRYVNIA, 2)
    assert report.tasks[2].measures[0].financing.actual == Money("249000.00")
    assert report.tasks[2].measures[0].financing.annual == Money("480000.00")


def test_second_table_misaligned_rows_are_reported(imported: tuple[ImportResult, ...]) -> None:
    """The shifted continuation row and the shifted «Всього» row each get a finding."""
    assert ("IMP202", "$.tasks[6].measures[0]") in _codes(imported[1])
    assert ("IMP202", "$.total") in _codes(imported[1])


def test_awards_table_reports_text_in_cells_and_two_periods(
    imported: tuple[ImportResult, ...],
) -> None:
    """«402,70 відповідно до рішення…» and «64% Нагороджено 64 особи» keep their words in
    the note; «за 9 місяців» beside «За 2022 рік» is a period conflict, the title winning."""
    codes = _codes(imported[2])
    assert ("IMP201", "$.tasks[0].measures[0].financing.annual") in codes
    assert ("IMP201", "$.tasks[0].measures[0].declared_percent") in codes
    assert ("IMP301", "$.period") in codes
    measure = imported[2].report.tasks[0].measures[0]
    assert "Нагороджено 64 особи" in measure.note
    assert "Попередня сума 202,70" in measure.note
    assert imported[2].report.period == ReportingPeriod.nine_months(2022)


def test_a_caller_period_overrides_the_title_with_a_finding() -> None:
    """period= wins over the title, and the disagreement is a finding."""
    text = (SEEDS_DIR / f"{SEED}.txt").read_text(encoding="utf-8")
    first = text[: text.index("Лілія СТЕПАНЮК") + len("Лілія СТЕПАНЮК")]
    result = import_table(first, period=ReportingPeriod.year(2022))
    assert result.report.period == ReportingPeriod.year(2022)
    assert [f.code for f in result.findings] == ["IMP301"]


def test_import_table_refuses_several_tables() -> None:
    """import_table takes one table; a document of three says to use import_tables."""
    text = (SEEDS_DIR / f"{SEED}.txt").read_text(encoding="utf-8")
    with pytest.raises(ParseError, match="import_tables"):
        import_table(text)


def test_text_without_a_table_is_a_parse_error() -> None:
    """Prose without a header row is refused with a ParseError."""
    with pytest.raises(ParseError, match="header row"):
        import_table("Звіт про виконання програми за 2022 рік")


HEADER = (
    "Звіт «Програма» за 2022 рік\n"
    "№ з/п\tПріоритетні завдання\tЗміст заходів\tТермін виконання\tВиконавці\t"
    "Орієнтовний обсяг, тис. грн\tРічний обсяг, тис. грн\tФактично профінансовано, тис. грн\t"
    "Відсоток виконання заходу, %\tІнформація про виконання\n"
)


def test_mixed_column_is_split_by_the_total() -> None:
    """A «тис. грн» column holding «200,0» beside «249 000,00» is read mixed when only that
    reading sums to the «Всього»; the finding names the cells."""
    text = HEADER + (
        "1\tЗавдання\tЗахід А\t2021-2025\tВідділ\t200,0\t200,0\t249 000,00\t\t\n"
        "2\tЗавдання Б\tЗахід Б\t2021-2025\tВідділ\t100,0\t100,0\t50,0\t\t\n"
        "\t\t\t\tВсього:\t300,0\t300,0\t299,0\t\t\n"
    )
    result = import_table(text)
    fin = [t.measures[0].financing.actual for t in result.report.tasks]
    assert fin == [Money("249000.00"), Money("50000.00")]
    (mixed,) = [f for f in result.findings if f.code == "IMP102"]
    assert mixed.path == "$.columns.actual"
    assert {c.text for c in mixed.cells} == {"249 000,00", "50,0", "299,0"}


def test_total_matching_no_reading_keeps_the_header_unit() -> None:
    """When no reading sums to the «Всього», the header's unit stays and a finding says the
    audit will report the difference."""
    text = HEADER + (
        "1\tЗавдання\tЗахід\t2021-2025\tВідділ\t200,0\t200,0\t10,0\t5%\t\n"
        "\t\t\t\tВсього:\t200,0\t200,0\t77,7\t\t\n"
    )
    result = import_table(text)
    assert result.report.tasks[0].measures[0].financing.actual == Money("10000.00")
    assert [(f.code, f.path) for f in result.findings] == [("IMP104", "$.columns.actual")]


def test_cli_import_writes_a_report_and_prints_findings(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import FILE --council … -o OUT.json` exits 0, writes a loadable report and prints
    the import findings to stderr."""
    out = tmp_path / "out.json"  # type: ignore[operator]
    code = main(["import", str(SEEDS_DIR / f"{SEED}.txt"), "--council", COUNCIL, "-o", str(out)])
    assert code == 0
    report = load(out)
    assert isinstance(report, Report)
    assert len(report.sections) == 3
    assert "IMP101" in capsys.readouterr().err


def test_cli_import_of_several_tables_needs_a_council(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without --council a document of three tables cannot be bundled: exit 2, a message."""
    assert main(["import", str(SEEDS_DIR / f"{SEED}.txt")]) == 2
    assert "--council" in capsys.readouterr().err


def test_cli_import_of_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable file is an error message and exit 2, not a traceback."""
    assert main(["import", "/nonexistent/table.txt"]) == 2
    assert "cannot read" in capsys.readouterr().err
