"""The bulk road's screens never miss: where a screen says a rule cannot fire, the exact
rule finds nothing, and the bulk road's findings are always the exact road's."""

from __future__ import annotations

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import municipal_reports.testing as mt
from municipal_reports import (
    ColumnFormats,
    Measure,
    MoneyFormat,
    MoneyUnit,
    ProgramReport,
    audit,
    default_rules,
    dumps,
    loads,
)
from municipal_reports.audit import Hit, RuleSet, Severity, in_document_order, rule
from municipal_reports.audit.screens import SCREENS, screens_for
from municipal_reports.bulk import audit_document
from municipal_reports.domain import Financing, declared_checks
from municipal_reports.errors import StructureError
from municipal_reports.io.columns import program_columns, read_fields
from municipal_reports.paths import Path

#: The rules that run on a program report and ship a screen.
_SCREENED = (
    "MR101", "MR102", "MR201", "MR202", "MR203", "MR205", "MR401",
    "MR402", "MR403", "MR501", "MR502", "MR503", "MR701",
)  # fmt: skip

_FORMATS = st.builds(
    ColumnFormats,
    *(
        st.one_of(
            st.just(MoneyFormat()),
            st.builds(MoneyFormat, st.just(MoneyUnit.THOUSAND), st.integers(0, 3)),
        )
        for _ in range(3)
    ),
)
_REPORTS = mt.program_reports(max_measures=8, columns=_FORMATS)
_BREAKABLE = [c for c in mt.BREAKABLE_RULES if c in _SCREENED]
_DOCUMENTS = st.one_of(
    _REPORTS,
    mt.program_reports(max_measures=8, with_total=False),
    mt.broken(_REPORTS, rules=_BREAKABLE).map(lambda b: b.obj),
)


def _bytes(report: ProgramReport) -> bytes:
    return dumps(report).encode()


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_DOCUMENTS)
def test_no_screen_misses_a_finding(report: ProgramReport) -> None:
    """A screen that says "clean" is never contradicted by its rules' exact findings."""
    raw = _bytes(report)
    columns = program_columns(raw)
    if columns is None:  # the library's own output is of the common shape, unless a text
        assert b'\\":' in raw  # holds «":», which the key count cannot tell from a key
        return
    screens = screens_for(default_rules())
    assert screens is not None
    found = {f.code for f in audit(loads(raw))}
    could_fire = {r.code for screen, screened in screens if screen(columns) for r in screened}
    assert found <= could_fire


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(_DOCUMENTS)
def test_bulk_road_finds_what_the_exact_road_finds(report: ProgramReport) -> None:
    """audit_document gives the exact audit's findings, in the document's order."""
    raw = _bytes(report)
    document = loads(raw)
    assert list(audit_document(raw).findings) == in_document_order(audit(document), document)


def test_every_rule_of_a_program_report_ships_a_screen() -> None:
    """Each built-in rule that runs on program reports has its screen."""
    rules = default_rules()
    for code in _SCREENED:
        assert rules[code].function in SCREENS


def test_a_rule_without_a_screen_sends_every_document_the_exact_way() -> None:
    """A plugin rule on measures with no screen turns the screens off."""

    def always(measure: Measure, path: Path) -> tuple[Hit, ...]:
        return (Hit(path / "content", None, measure.content),)

    plugin = rule("XX001", "always", Severity.NOTE, Measure, "always")(always)
    assert screens_for(RuleSet((*default_rules(), plugin))) is None
    assert screens_for(default_rules()) is not None


_GOOD = {
    "format_version": 1,
    "type": "program_report",
    "program": {"title": "Програма", "term": {"first": 2021, "last": 2025}},
    "period": {"kind": "year", "start": "2022-01-01", "end": "2022-12-31"},
    "tasks": [
        {
            "title": "Завдання",
            "measures": [
                {
                    "content": "Захід",
                    "financing": {"annual": "400.00", "actual": "100.00"},
                    "declared_percent": "25",
                    "executors": ["відділ"],
                }
            ],
        }
    ],
    "total": {"annual": "400.00", "actual": "100.00"},
}


def _with(change: str, value: object) -> bytes:
    data = orjson.loads(orjson.dumps(_GOOD))
    *parents, last = change.split(".")
    node = data
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    if value is _DROP:
        del node[last]
    else:
        node[last] = value
    return orjson.dumps(data)


_DROP = object()
_M = "tasks.0.measures.0"


def test_a_clean_document_takes_no_exact_road() -> None:
    """The consistent sample is screened clean and its audit is empty."""
    raw = orjson.dumps(_GOOD)
    assert program_columns(raw) is not None
    assert audit_document(raw).findings == ()
    assert audit(loads(raw)) == []


@pytest.mark.parametrize(
    ("change", "value"),
    [
        (f"{_M}.financing.actual", "-1.00"),  # negative money
        (f"{_M}.financing.actual", 100),  # money as a JSON number
        (f"{_M}.financing.actual", "100.001"),  # a fraction of a kopeck
        (f"{_M}.financing.actual", "100.00\n1.00"),  # two values in one
        (f"{_M}.declared_percent", "25\n1"),
        (f"{_M}.financing", None),  # financing is not optional
        (f"{_M}.content", "   "),  # empty text
        (f"{_M}.content", "\u200b\ufeff"),  # invisible text is empty too
        (f"{_M}.executors", ["\u202e"]),
        ("tasks.0.title", "\u00a0"),
        (f"{_M}.content", _DROP),  # a required field missing
        (f"{_M}.executors", ["  "]),
        (f"{_M}.executors", "відділ"),
        (f"{_M}.note", None),
        (f"{_M}.number", ""),
        (f"{_M}.declared_percent", "-5"),
        (f"{_M}.declared_percent", "1e2"),
        (f"{_M}.term", {"first": 2025, "last": 2021}),
        (f"{_M}.extra", 1),  # an unknown key
        ("tasks.0.title", ""),
        ("period.start", "2022-13-01"),
        ("total_percent", "25%"),
        ("format_version", 3),  # newer than the library reads (FORMAT_VERSION is 2)
    ],
)
def test_a_bad_document_takes_the_exact_road(change: str, value: object) -> None:
    """Anything the loader refuses is not read by the column reader, and the bulk road
    reports the loader's problems."""
    raw = _with(change, value)
    assert program_columns(raw) is None
    result = audit_document(raw)
    assert not result.loaded


@pytest.mark.parametrize(
    ("change", "value", "code"),
    [
        (f"{_M}.declared_percent", "30", "MR201"),
        (f"{_M}.financing.actual", "500.00", "MR401"),
        (f"{_M}.content", "Кoнкурс", "MR701"),  # a Latin «o»
        ("total.annual", "400.01", "MR101"),
        ("program.term", {"first": 2023, "last": 2025}, "MR501"),
    ],
)
def test_a_fault_is_found_by_the_bulk_road(change: str, value: object, code: str) -> None:
    """A seeded fault passes the screens and the exact rule reports it."""
    raw = _with(change, value)
    found = audit_document(raw).findings
    document = loads(raw)
    assert [f.code for f in found] == [f.code for f in in_document_order(audit(document), document)]
    assert code in {f.code for f in found}


#: What the column reader assumes each field declares (a change of a declaration must be
#: taught to io/columns.py first).
_DECLARED = {
    "ProgramReport": {
        "program": "<instance_of (<class 'municipal_reports.domain.program.Program'>,)>",
        "period": "<instance_of (<class 'municipal_reports.domain.period.ReportingPeriod'>,) or None>",
        "tasks": "<tuple of (<class 'municipal_reports.domain.program.Task'>,)>",
        "executor": "<instance_of (<class 'str'>,)>",
        "total": "<instance_of (<class 'municipal_reports.domain.program.Financing'>,) or None>",
        "total_percent": "<Percent >= 0>",
        "signatory": "<instance_of (<class 'municipal_reports.domain.references.Signatory'>,) or None>",
        "columns": "<instance_of (<class 'municipal_reports.domain.program.ColumnFormats'>,)>",
        "total_columns": "<instance_of (<class 'municipal_reports.domain.program.ColumnFormats'>,) or None>",
    },
    "Task": {
        "title": "<non-empty text>",
        "measures": "<tuple of (<class 'municipal_reports.domain.program.Measure'>,)>",
        "number": "<non-empty text>",
    },
    "Measure": {
        "content": "<non-empty text>",
        "financing": "<instance_of (<class 'municipal_reports.domain.program.Financing'>,)>",
        "declared_percent": "<Percent >= 0>",
        "term": "<instance_of (<class 'municipal_reports.domain.period.YearSpan'>,) or None>",
        "executors": "<tuple of non-empty text>",
        "note": "<instance_of (<class 'str'>,)>",
        "number": "<non-empty text>",
    },
    "Financing": {"indicative": "<Money >= 0>", "annual": "<Money >= 0>", "actual": "<Money >= 0>"},
}


def test_the_column_reader_knows_every_field_it_reads() -> None:
    """The fields the column reader checks are the classes' fields, each declared as the
    reader assumes (a field added to a class fails here until the reader is taught)."""
    fields = read_fields()
    assert {cls.__name__ for cls in fields} == set(_DECLARED)
    for cls, names in fields.items():
        assert names == {f.name for f in attrs.fields(cls)}, cls
        declared = {name: repr(check) for name, check in declared_checks(cls)}
        assert declared == _DECLARED[cls.__name__]


def test_a_float_year_is_refused_after_an_equal_int_one() -> None:
    """A term of 2020.0 is refused even where an equal term of ints came before it: the
    values read once and reused are told apart by type too."""
    data = orjson.loads(orjson.dumps(_GOOD))
    measure = data["tasks"][0]["measures"][0]
    data["tasks"][0]["measures"] = [
        {**measure, "term": {"first": 2021, "last": 2025}},
        {**measure, "term": {"first": 2021.0, "last": 2025}},
    ]
    raw = orjson.dumps(data)
    assert program_columns(raw) is None
    with pytest.raises(StructureError):
        loads(raw)
    assert not audit_document(raw).loaded


def test_a_key_held_twice_takes_the_exact_road() -> None:
    """A document holding a key twice is refused by the loader, so by the bulk road too."""
    raw = orjson.dumps(_GOOD)[:-1] + b',"executor":"a","executor":"b"}'
    assert program_columns(raw) is None
    with pytest.raises(StructureError):
        loads(raw)
    assert not audit_document(raw).loaded


def test_a_truncated_percent_is_found_by_the_bulk_road() -> None:
    """200 of 300 is 66,67 %: a declared «66» passes MR201's screen and the bulk road reports
    MR206, as the exact road does."""
    data = orjson.loads(orjson.dumps(_GOOD))
    measure = data["tasks"][0]["measures"][0]
    measure["financing"] = {"annual": "300.00", "actual": "200.00"}
    measure["declared_percent"] = "66"
    data["total"] = {"annual": "300.00", "actual": "200.00"}
    raw = orjson.dumps(data)
    found = audit_document(raw).findings
    assert [f.code for f in found] == [f.code for f in audit(loads(raw))] == ["MR206"]


def test_the_column_readers_field_list_cannot_be_changed_by_a_caller() -> None:
    """read_fields() is shared by every caller, so it is read-only."""
    fields = read_fields()
    with pytest.raises(TypeError):
        fields[Financing] = frozenset()  # type: ignore[index]
    assert read_fields()[Financing] == {f.name for f in attrs.fields(Financing)}
