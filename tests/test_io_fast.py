"""The fast road for program reports builds exactly what the converter builds, and gives up
(so the converter explains) on anything the converter or the construction checks refuse."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import municipal_reports.testing as mt
from municipal_reports import Measure, Money, Percent, ProgramReport, StructureError, dumps, loads
from municipal_reports.io import structure
from municipal_reports.io.converter import converter
from municipal_reports.io.fast import _Unusual, program_report
from municipal_reports.io.fast import reader as fast_reader
from test_io_roundtrip import program_reports


def _fields(report: ProgramReport) -> dict[str, Any]:
    data: dict[str, Any] = orjson.loads(dumps(report))
    del data["format_version"], data["type"]
    return data


@given(program_reports)
def test_the_fast_road_builds_what_the_converter_builds(report: ProgramReport) -> None:
    """For any program report, the fast road's object equals the converter's and the original."""
    data = _fields(report)
    fast = program_report(copy.deepcopy(data), converter().structure)
    assert fast == structure(data, ProgramReport) == report
    assert loads(dumps(report)) == report


def _typical() -> dict[str, Any]:
    measure = {
        "content": "Придбання техніки",
        "financing": {"indicative": "500.00", "annual": "100.00", "actual": "80.5"},
        "declared_percent": "80.50",
        "term": {"first": 2021, "last": 2025},
        "executors": ["відділ"],
        "note": "",
        "number": "1.1",
    }
    return {
        "program": {"title": "Програма"},
        "period": {"kind": "year", "start": "2022-01-01", "end": "2022-12-31"},
        "tasks": [{"title": "Завдання", "measures": [measure], "number": "1"}],
        "executor": "відділ",
        "total": {"annual": "100.00", "actual": "80.50"},
        "total_percent": "80.5",
    }


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


M = ("tasks", 0, "measures", 0)
BROKEN = {
    "negative money": _set((*M, "financing", "actual"), "-1.00"),
    "money as a number": _set((*M, "financing", "annual"), 100.0),
    "three decimals": _set((*M, "financing", "annual"), "1.005"),
    "a leading zero": _set((*M, "financing", "annual"), "01.00"),
    "arabic-indic digits": _set((*M, "financing", "annual"), "١٠.00"),
    "negative percent": _set((*M, "declared_percent"), "-5"),
    "percent as a number": _set((*M, "declared_percent"), 5),
    "empty content": _set((*M, "content"), "   "),
    "content missing": lambda d: d["tasks"][0]["measures"][0].pop("content"),
    "unknown measure key": _set((*M, "colour"), "red"),
    "unknown financing key": _set((*M, "financing", "planned"), "1.00"),
    "null financing": _set((*M, "financing"), None),
    "null note": _set((*M, "note"), None),
    "empty executor": _set((*M, "executors"), [""]),
    "executors as text": _set((*M, "executors"), "відділ"),
    "term backwards": _set((*M, "term"), {"first": 2025, "last": 2021}),
    "year as bool": _set((*M, "term"), {"first": True, "last": 2021}),
    "empty task title": _set(("tasks", 0, "title"), ""),
    "tasks as object": _set(("tasks",), {}),
    "negative total": _set(("total", "annual"), "-100.00"),
    "unknown report key": _set(("colour",), "red"),
    "executor as number": _set(("executor",), 5),
}


def test_the_typical_document_takes_the_fast_road() -> None:
    """The common shape is read by the fast road, equal to the converter's reading."""
    data = _typical()
    fast = program_report(copy.deepcopy(data), converter().structure)
    assert fast is not None
    assert fast == structure(data, ProgramReport)
    assert isinstance(fast.tasks[0].measures[0], Measure)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_fast_road_gives_up_on_what_the_converter_refuses(name: str) -> None:
    """A refused document is left to the converter, which raises StructureError with a path."""
    data = _typical()
    BROKEN[name](data)
    assert program_report(copy.deepcopy(data), converter().structure) is None
    text = orjson.dumps({"format_version": 1, "type": "program_report", **data})
    with pytest.raises(StructureError) as caught:
        loads(text)
    assert all(p.path.startswith("$") for p in caught.value.problems)


@given(st.sampled_from(sorted(BROKEN)), program_reports)
def test_broken_variants_of_any_report_never_pass_the_fast_road(
    name: str, report: ProgramReport
) -> None:
    """Breaking any report with measures never yields an object from the fast road."""
    if not report.measures():
        return
    data = _fields(report)
    t = next(i for i, task in enumerate(data.get("tasks", [])) if task.get("measures"))
    data["tasks"].insert(0, data["tasks"].pop(t))
    data.setdefault("total", {})
    measure = data["tasks"][0]["measures"][0]
    measure.setdefault("financing", {})
    BROKEN[name](data)
    assert program_report(data, converter().structure) is None


def test_the_fast_road_is_generated_from_the_declarations() -> None:
    """Every entity of a program report gets a generated reader (the measures' stand inline
    in the tasks'); the measures' and tasks' build without a second check, classes with
    checks beyond their fields' declarations through their constructors."""
    from municipal_reports.domain import Financing, Task, YearSpan, has_only_declared_checks
    from municipal_reports.io import fast

    generator = fast._Generator()
    generator.reader(ProgramReport)
    assert "read_Measure" not in generator.env  # inline in read_Task
    for cls in (Measure, Financing, Task, YearSpan):
        assert callable(generator.env[generator.reader(cls)])
    assert has_only_declared_checks(Measure)
    assert not has_only_declared_checks(YearSpan)  # its last year must not precede the first


def test_the_fast_road_refuses_what_a_declared_bound_refuses() -> None:
    """A term year outside the declared bounds leaves the fast road; the converter explains."""
    data = _typical()
    data["tasks"][0]["measures"][0]["term"] = {"first": 1899, "last": 2025}
    assert program_report(copy.deepcopy(data), converter().structure) is None
    with pytest.raises(StructureError, match="must be from 1900 to 2199"):
        structure(data, ProgramReport)


@given(
    mt.broken(
        mt.program_reports(max_measures=5),
        rules=[c for c in mt.BREAKABLE_RULES if c[:4] in ("MR10", "MR20", "MR40", "MR50", "MR70")],
    )
)
def test_broken_on_purpose_reports_read_as_the_converter_reads_them(b: mt.Broken[Any]) -> None:
    """A report that contradicts itself (audit faults, not format faults) takes the fast
    road, and the object equals the converter's and the original, figure for figure."""
    data = _fields(b.obj)
    fast = program_report(copy.deepcopy(data), converter().structure)
    assert fast is not None
    assert fast == structure(data, ProgramReport) == b.obj


def test_one_memo_serves_many_documents_without_mixing_kinds() -> None:
    """A memo kept across documents (as a batch keeps it) gives equal objects, reads «100»
    as money in one field and as a percent in another, and still refuses a bad figure."""
    memo: dict[Any, Any] = {}
    data = _typical()
    data["tasks"][0]["measures"][0]["financing"] = {"annual": "100", "actual": "100"}
    data["tasks"][0]["measures"][0]["declared_percent"] = "100"
    first = program_report(copy.deepcopy(data), converter().structure)
    reader_ = fast_reader(ProgramReport)
    again = reader_(copy.deepcopy(data), converter().structure, memo)
    twice = reader_(copy.deepcopy(data), converter().structure, memo)
    assert first == again == twice == structure(data, ProgramReport)
    measure = twice.tasks[0].measures[0]
    assert measure.financing.actual == Money(100)
    assert measure.declared_percent == Percent("100")
    data["tasks"][0]["measures"][0]["financing"]["actual"] = "-100"
    with pytest.raises(_Unusual):  # the reader gives up; the converter explains
        reader_(copy.deepcopy(data), converter().structure, memo)


def test_a_money_figure_just_inside_and_outside_the_canonical_forms() -> None:
    """«0.00» and the largest amount take the fast road; «-0.00», «00.00», «1.000» and an
    amount one digit too long leave it, as the converter refuses them."""
    largest = "9" * 15 + ".99"
    for good in ("0.00", "0", "0.5", largest):
        data = _typical()
        data["total"]["annual"] = good
        assert program_report(data, converter().structure) is not None, good
    for bad in ("-0.00", "00.00", "1.000", "9" * 16 + ".99", "1.", ".5", " 1.00"):
        data = _typical()
        data["total"]["annual"] = bad
        assert program_report(data, converter().structure) is None, bad


def test_the_shared_generator_is_complete_once_built() -> None:
    """Every class a program report holds has its reader once the shared generator is built,
    so asking for one (as the bulk road does, from any thread) writes nothing more."""
    from municipal_reports.domain import Financing, Person, ReportingPeriod, Signatory, Task
    from municipal_reports.io import fast

    generator = fast._generator()
    names = dict(generator.env)
    for cls in (Measure, Financing, Task, Person, Signatory, ReportingPeriod, ProgramReport):
        assert callable(fast.reader(cls))
    assert generator.env == names
