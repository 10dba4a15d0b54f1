"""Many reports at once: streaming, the execution table, CSV/Arrow, and executors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES_DIR
from municipal_reports import (
    Decision,
    Financing,
    Measure,
    Money,
    Program,
    ProgramReport,
    Report,
    ReportingPeriod,
    StructureError,
    Task,
    audit,
    dumps,
    load,
    percentage,
)
from municipal_reports.audit import in_document_order
from municipal_reports.bulk import (
    GROUP_KEYS,
    ExecutionSums,
    audit_many,
    execution_table,
    expand,
    iter_reports,
    summarise_many,
    to_csv,
)

texts = st.sampled_from(["Ремонт доріг", "Придбання техніки", "Навчання", "Друк газет"])
amounts = st.none() | st.integers(min_value=0, max_value=10**11).map(Money.from_kopecks)


@st.composite
def measures(draw: st.DrawFn) -> Measure:
    """A measure with any mix of empty and filled money cells."""
    return Measure(draw(texts), Financing(draw(amounts), draw(amounts), draw(amounts)))


@st.composite
def program_reports(draw: st.DrawFn) -> ProgramReport:
    """A program report of a few tasks, for one of two councils, programs and years."""
    year = draw(st.integers(min_value=2019, max_value=2021))
    council = draw(st.sampled_from(["Житомирська міська рада", "Криворізька міська рада"]))
    tasks = tuple(
        Task(title, tuple(draw(st.lists(measures(), max_size=4))))
        for title in draw(st.lists(texts, max_size=3, unique=True))
    )
    return ProgramReport(
        Program(
            draw(st.sampled_from(["Ефективна влада", "Цифрова громада"])),
            approved_by=Decision(dt.date(2018, 12, 24), "31", council),
        ),
        draw(st.sampled_from([ReportingPeriod.year(year), ReportingPeriod.nine_months(year)])),
        tasks,
        executor=draw(st.sampled_from(["відділ", "управління"])),
    )


def _write(folder: Path, reports: list[ProgramReport]) -> None:
    for i, report in enumerate(reports):
        sub = folder / f"{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:03d}.json").write_text(dumps(report), encoding="utf-8")


def _plan(m: Measure) -> Money | None:
    f = m.financing
    return f.annual if f.annual is not None else f.indicative


many_reports = st.lists(program_reports(), max_size=8)
_files = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@_files
@given(many_reports)
def test_iter_reports_streams_every_file_of_a_directory_in_order(
    tmp_path_factory: pytest.TempPathFactory, reports: list[ProgramReport]
) -> None:
    """A directory yields every report of its files (recursively), in sorted file order."""
    folder = tmp_path_factory.mktemp("reports")
    _write(folder, reports)
    found = list(iter_reports([folder]))
    names = sorted(str(p) for p in folder.rglob("*.json"))
    assert [f.source for f in found] == names
    assert sorted(dumps(f.report) for f in found) == sorted(dumps(r) for r in reports)


@given(many_reports)
def test_json_lines_hold_one_document_a_line(reports: list[ProgramReport]) -> None:
    """A .jsonl file yields its documents in order, each named file:line."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "all.jsonl"
        path.write_text("".join(dumps(r) + "\n\n" for r in reports), encoding="utf-8")
        found = list(iter_reports([path]))
    assert [f.report for f in found] == reports
    assert [f.source.rsplit(":", 1)[1] for f in found] == [
        str(2 * i + 1) for i in range(len(reports))
    ]


def test_a_whole_report_yields_its_program_reports_with_its_council() -> None:
    """A Report file gives each ProgramReport it holds, with the council of its meta."""
    path = EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json"
    document = load(path)
    assert isinstance(document, Report)
    found = list(iter_reports([path]))
    expected = [f for s in document.sections for f in s.facts if isinstance(f, ProgramReport)]
    assert [f.report for f in found] == expected
    assert {f.council for f in found} == {document.meta.council.name}


def test_a_bare_program_report_takes_the_council_that_approved_it(tmp_path: Path) -> None:
    """A file holding a bare ProgramReport names its council by the approving body."""
    report = ProgramReport(
        Program(
            "Цифрова громада",
            approved_by=Decision(dt.date(2020, 1, 2), "5", "Вінницька міська рада"),
        ),
        ReportingPeriod.year(2021),
    )
    (tmp_path / "r.json").write_text(dumps(report), encoding="utf-8")
    assert [f.council for f in iter_reports([tmp_path])] == ["Вінницька міська рада"]


def test_a_missing_path_and_a_bad_document_raise_the_library_errors(tmp_path: Path) -> None:
    """A missing path is FileNotFoundError; a bad document a StructureError naming it."""
    with pytest.raises(FileNotFoundError):
        expand([tmp_path / "nowhere"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "type": "program_report"}', encoding="utf-8")
    with pytest.raises(StructureError) as caught:
        list(iter_reports([bad]))
    assert caught.value.source == str(bad)


@given(many_reports, st.lists(st.sampled_from(GROUP_KEYS), max_size=3, unique=True))
def test_the_table_sums_every_measure_exactly_under_any_grouping(
    reports: list[ProgramReport], by: list[str]
) -> None:
    """Whatever the grouping, the rows' plans and actuals add up to all the measures'."""
    from municipal_reports.bulk import reports_of

    rows = execution_table((f for r in reports for f in reports_of("x", r)), by=by)
    every = [m for r in reports for m in r.measures()]
    assert sum((r.planned for r in rows), Money(0)) == sum(
        (p for m in every if (p := _plan(m)) is not None), Money(0)
    )
    assert sum((r.actual for r in rows), Money(0)) == sum(
        (a for m in every if (a := m.financing.actual) is not None), Money(0)
    )
    assert sum(r.measures for r in rows) == len(every)
    assert len({r.key for r in rows}) == len(rows)
    for row in rows:
        assert len(row.key) == len(by)
        # The group's percentage is total actual over total plan, not a mean of rows.
        assert row.percentage == percentage(row.actual, row.planned)


def test_a_group_with_nothing_planned_has_an_undefined_percentage() -> None:
    """A zero plan gives percentage None (an empty CSV cell), never 0."""
    report = ProgramReport(
        Program("П"),
        ReportingPeriod.year(2020),
        (Task("Т", (Measure("М", Financing(annual=Money(0), actual=Money(5))),)),),
    )
    from municipal_reports.bulk import reports_of

    (row,) = execution_table(reports_of("x", report), by=["year"])
    assert row.percentage is None
    table = list(csv.reader(io.StringIO(to_csv([row]))))
    assert table == [
        ["year", "planned", "actual", "percentage", "reports", "measures"],
        ["2020", "0.00", "5.00", "", "1", "1"],
    ]


def test_grouping_by_an_unknown_key_is_refused() -> None:
    """An unknown key is a ValueError naming the keys that exist."""
    with pytest.raises(ValueError, match="council"):
        execution_table([], by=["colour"])
    with pytest.raises(TypeError):
        execution_table([], by="year")


@given(many_reports, many_reports)
def test_sums_merge_exactly_and_survive_pickling(
    a: list[ProgramReport], b: list[ProgramReport]
) -> None:
    """Merging the pickled sums of two halves gives the table of the whole."""
    from municipal_reports.bulk import reports_of

    by = ("council", "year", "task")
    left, right = ExecutionSums(by), ExecutionSums(by)
    for r in a:
        left.add(next(reports_of("x", r)))
    for r in b:
        right.add(next(reports_of("x", r)))
    merged = pickle.loads(pickle.dumps(left))
    merged.merge(pickle.loads(pickle.dumps(right)))
    whole = execution_table((next(reports_of("x", r)) for r in a + b), by=by)
    assert merged.rows() == whole


def test_csv_writes_exact_decimal_text(tmp_path: Path) -> None:
    """CSV cells hold money and percentages as exact decimals, never floats."""
    rows = execution_table(iter_reports([EXAMPLES_DIR]), by=("executor",))
    text = to_csv(rows)
    table = list(csv.DictReader(io.StringIO(text)))
    assert [r["executor"] for r in table] == [row.key[0] for row in rows]
    assert [Money(r["planned"]) for r in table] == [row.planned for row in rows]
    assert all(r["percentage"] == "" or len(r["percentage"].split(".")[1]) == 2 for r in table)


def test_arrow_table_has_decimal_columns() -> None:
    """The Arrow table keeps money and percentages as decimal128, equal to the rows."""
    pa = pytest.importorskip("pyarrow")
    from municipal_reports.bulk import to_arrow

    rows = execution_table(iter_reports([EXAMPLES_DIR]), by=("council", "year"))
    table = to_arrow(rows)
    assert table.schema.field("planned").type == pa.decimal128(18, 2)
    assert table.schema.field("year").type == pa.int64()
    assert table.column("planned").to_pylist() == [r.planned.amount for r in rows]
    assert table.column("percentage").to_pylist() == [
        None if r.percentage is None else r.percentage.value for r in rows
    ]
    assert to_arrow([], by=("year",)).column_names[0] == "year"


def _archive(folder: Path) -> list[ProgramReport]:
    """A small archive: the examples, generated reports, a JSON Lines file, one bad file."""
    reports = [
        ProgramReport(
            Program(
                f"Програма {i % 3}", approved_by=Decision(dt.date(2018, 1, 1), "1", f"Рада {i % 2}")
            ),
            ReportingPeriod.year(2018 + i % 4),
            (
                Task(
                    "Завдання",
                    tuple(
                        Measure(
                            f"Захід {j}", Financing(Money(100 * j + i), Money(10 * j), Money(7 * j))
                        )
                        for j in range(1, 6)
                    ),
                ),
            ),
            executor=f"виконавець {i % 2}",
        )
        for i in range(12)
    ]
    _write(folder / "generated", reports)
    with (folder / "lines.jsonl").open("w", encoding="utf-8") as handle:
        for r in reports[:4]:
            handle.write(dumps(r) + "\n")
    for example in EXAMPLES_DIR.glob("*.json"):
        (folder / example.name).write_bytes(example.read_bytes())
    return reports


def test_audit_many_on_a_process_pool_equals_the_serial_run(tmp_path: Path) -> None:
    """A process pool finds exactly the serial findings, in the same order."""
    _archive(tmp_path)
    (tmp_path / "broken.json").write_text(
        '{"format_version": 1, "type": "nothing"}', encoding="utf-8"
    )
    serial = audit_many([tmp_path], chunk_files=3)
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = audit_many([tmp_path], pool, chunk_files=3)
    assert parallel == serial
    assert [s.source for s in serial] == [s.source for s in audit_many([tmp_path])]
    by_source = {s.source: s for s in serial}
    example = str(tmp_path / "zhytomyr-program-efficient-power-2022-9m.json")
    document = load(example)
    assert list(by_source[example].findings) == in_document_order(audit(document), document)
    broken = by_source[str(tmp_path / "broken.json")]
    assert not broken.loaded
    assert broken.problems[0].path == "$.type"


def test_summarise_many_on_a_process_pool_equals_the_serial_table(tmp_path: Path) -> None:
    """A process pool gives exactly the serial table; progress counts every file."""
    _archive(tmp_path)
    done: list[int] = []
    serial = execution_table(iter_reports([tmp_path]), by=("council", "year", "program"))
    with ProcessPoolExecutor(max_workers=2) as pool:
        parallel = summarise_many(
            [tmp_path], pool, by=("council", "year", "program"), chunk_files=4, progress=done.append
        )
    assert parallel == serial
    assert done[-1] == len(expand([tmp_path]))
    assert done == sorted(done)


def test_summarise_many_on_a_dask_cluster_equals_the_serial_table(tmp_path: Path) -> None:
    """A dask.distributed LocalCluster's executor gives the serial table and findings."""
    distributed = pytest.importorskip("distributed")
    _archive(tmp_path)
    by = ("year", "executor")
    serial_rows = summarise_many([tmp_path], by=by)
    serial_findings = audit_many([tmp_path])
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        executor = client.get_executor()
        assert summarise_many([tmp_path], executor, by=by, chunk_files=3) == serial_rows
        assert audit_many([tmp_path], executor, chunk_files=3) == serial_findings


def test_findings_of_sums_past_the_largest_amount_come_back_from_a_worker(tmp_path: Path) -> None:
    """Two measures of 9·10**14 грн sum past MAX_HRYVNIAS; the MR101 findings holding that sum
    reach the parent process intact instead of a «worker process died»."""

    def measure(amount: str) -> dict[str, object]:
        return {
            "content": "Захід",
            "financing": {"annual": amount, "actual": amount},
            "executors": ["відділ"],
            "number": "1",
        }

    document = {
        "format_version": 1,
        "type": "program_report",
        "program": {"title": "Програма"},
        "period": {"kind": "year", "start": "2022-01-01", "end": "2022-12-31"},
        "tasks": [
            {
                "title": "Завдання",
                "measures": [measure("900000000000000.00"), measure("900000000000000.00")],
                "number": "1",
            }
        ],
        "executor": "відділ",
        "total": {"annual": "1.00", "actual": "1.00"},
    }
    path = tmp_path / "big.json"
    path.write_bytes(orjson.dumps(document))
    serial = audit_many([path])
    with ProcessPoolExecutor(max_workers=1) as pool:
        parallel = audit_many([path], pool)
    assert parallel == serial
    (result,) = parallel
    assert not result.error
    expected = Money.from_kopecks(9 * 10**16) + Money.from_kopecks(9 * 10**16)
    assert [(f.code, f.path, f.expected) for f in result.findings] == [
        ("MR101", "$.total.annual", expected),
        ("MR101", "$.total.actual", expected),
    ]
