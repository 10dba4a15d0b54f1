"""The batch screen (pyarrow's JSON reader and compute kernels over many documents at once)
never misses and never lets a bad document through: a batch's findings and problems are
each document's by the exact road, with pyarrow and without it."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import municipal_reports.io.batch as batch_module
from municipal_reports import (
    InvalidTypeError,
    ProgramReport,
    StructureError,
    audit,
    default_rules,
    dumps,
    loads,
)
from municipal_reports.audit import in_document_order
from municipal_reports.audit.screens import (
    _actual_above_annual,
    _annual_above_indicative,
    _full_with_nothing_spent,
    _measure_percents_wrong,
    _percent_of_zero_plan,
    screens_for,
)
from municipal_reports.bulk import audit_document, audit_documents, audit_files
from municipal_reports.domain.columns import ProgramColumns
from municipal_reports.io.batch import batch_columns

pytest.importorskip("pyarrow")

from test_screens import _DOCUMENTS, _DROP, _GOOD, _M, _with

_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _bytes(report: ProgramReport) -> bytes:
    return dumps(report).encode()


def _exact(raw: bytes) -> list[tuple[str, str]]:
    document = loads(raw)
    return [(f.code, f.path) for f in in_document_order(audit(document), document)]


@_SETTINGS
@given(st.lists(_DOCUMENTS, min_size=1, max_size=6))
def test_a_batch_screen_never_misses(reports: list[ProgramReport]) -> None:
    """Where the batch's columns make every screen say "clean" for a document, the exact
    audit of that document finds nothing of the rules screened."""
    raws = [_bytes(r) for r in reports]
    screens = screens_for(default_rules())
    assert screens is not None
    for raw, columns in zip(raws, batch_columns(raws), strict=True):
        if columns is None:  # only a text holding «":» is not read (see test_screens)
            assert b'\\":' in raw
            continue
        found = {f.code for f in audit(loads(raw))}
        could_fire = {r.code for screen, screened in screens if screen(columns) for r in screened}
        assert found <= could_fire


@_SETTINGS
@given(st.lists(_DOCUMENTS, min_size=1, max_size=6))
def test_a_batch_finds_what_the_exact_road_finds(reports: list[ProgramReport]) -> None:
    """audit_documents gives each document the exact audit's findings, in its order."""
    raws = [_bytes(r) for r in reports]
    results = audit_documents([(str(i), raw) for i, raw in enumerate(raws)])
    assert [r.source for r in results] == [str(i) for i in range(len(raws))]
    assert [[(f.code, f.path) for f in r.findings] for r in results] == list(map(_exact, raws))


@_SETTINGS
@given(st.lists(_DOCUMENTS, min_size=1, max_size=4))
def test_without_pyarrow_a_batch_finds_the_same(
    reports: list[ProgramReport],
) -> None:
    """With pyarrow hidden (its import fails) the batch is screened document by document,
    and the findings are the same as with pyarrow."""
    raws = [("", _bytes(r)) for r in reports]
    with_arrow = audit_documents(raws)
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "pyarrow", None)
        without = audit_documents(raws)
    assert without == with_arrow


def test_good_documents_are_read_by_pyarrow_not_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch of good documents is read whole by pyarrow: the one-document reader is
    never called, and each document's columns are those it would give."""
    raws = [orjson.dumps(_GOOD), _with(f"{_M}.declared_percent", "30")]
    alone = [batch_module.program_columns(raw) for raw in raws]

    def refuse(*args: object) -> None:
        raise AssertionError("read one by one")

    monkeypatch.setattr(batch_module, "program_columns", refuse)
    read = batch_columns(raws)
    assert [c is not None for c in read] == [True, True]
    for got, want in zip(read, alone, strict=True):
        assert got is not None
        assert want is not None
        assert (got.actual, got.annual, got.declared, got.terms) == (
            want.actual,
            want.annual,
            want.declared,
            want.terms,
        )
        assert got.program == want.program
        assert got.period == want.period


_GOOD_RAW = orjson.dumps(_GOOD)

#: Documents the loader refuses, in the ways pyarrow's reader could take them.
_BAD = {
    "a key twice": _GOOD_RAW[:-1] + b',"executor":"a","executor":"b"}',
    "a measure key twice": _GOOD_RAW.replace(b'"content":', b'"note":"x","note":"y","content":'),
    "note null": _with(f"{_M}.note", None),
    "executors null": _with(f"{_M}.executors", None),
    "financing null": _with(f"{_M}.financing", None),
    "tasks null": _with("tasks", None),
    "a null key escaped": _GOOD_RAW.replace(b'"tasks":', b'"not\\u0065":null,"tasks":'),
    "a null executor": _with(f"{_M}.executors", ["відділ", None]),
    "a null measure": _with("tasks.0.measures", [None]),
    "a null task": _with("tasks", [None]),
    "a term without its last year": _with(f"{_M}.term", {"first": 2021}),
    "an empty term": _with(f"{_M}.term", {}),
    "a term ending before it starts": _with(f"{_M}.term", {"first": 2025, "last": 2021}),
    "a float year": _with(f"{_M}.term", {"first": 2021.0, "last": 2025}),
    "a year past int64": _with(f"{_M}.term", {"first": 2021, "last": 2025}).replace(
        b"2025", b"9" * 20
    ),
    "a byte-order mark": b"\xef\xbb\xbf" + _GOOD_RAW,
    "two objects": _GOOD_RAW + b" " + _GOOD_RAW,
    "an unknown key": _with(f"{_M}.extra", 1),
    "money as a number": _with(f"{_M}.financing.actual", 100),
    "negative money": _with(f"{_M}.financing.actual", "-1.00"),
    "negative zero": _with(f"{_M}.financing.actual", "-0.00"),
    "money with a line break": _with(f"{_M}.financing.actual", "100.00\n"),
    "a percent with a line break": _with(f"{_M}.declared_percent", "25\n"),
    "money with a leading zero": _with(f"{_M}.financing.actual", "0100.00"),
    "blank content": _with(f"{_M}.content", "\u200b "),
    "blank number": _with(f"{_M}.number", " "),
    "no content": _with(f"{_M}.content", _DROP),
    "empty": b"",
    "a lone surrogate": _GOOD_RAW.replace("Захід".encode(), b"\\udc00"),
    "invalid UTF-8": _GOOD_RAW.replace("Захід".encode(), b"\xff"),
    "a surrogate in UTF-8": _GOOD_RAW.replace("Захід".encode(), b"\xed\xa0\x80"),
    "overlong UTF-8": _GOOD_RAW.replace("Захід".encode(), b"\xc0\xaf"),
    "invalid UTF-8 in a header": _GOOD_RAW.replace("Програма".encode(), b"\xff"),
    "a raw tab in text": _GOOD_RAW.replace("Захід".encode(), b"a\tb"),
    "a newer version": _with("format_version", 3),
    "not a program report": _with("type", "report"),
    "a bad period": _with("period.start", "2022-13-01"),
    "a bad total percent": _with("total_percent", "25%"),
}


@pytest.mark.parametrize("name", sorted(_BAD))
def test_a_bad_document_in_a_batch_is_reported_as_alone(name: str) -> None:
    """A document the loader refuses, batched between good ones, is reported with the
    problems the one-document bulk road reports; its neighbours are screened as usual."""
    raw = _BAD[name]
    neighbour = _with(f"{_M}.declared_percent", "30")  # one MR201 finding
    results = audit_documents([("a", _GOOD_RAW), ("b", raw), ("c", neighbour)])
    assert results[1] == audit_document(raw, "b")
    assert not results[1].loaded
    assert results[0].loaded
    assert results[0].findings == ()
    assert [f.code for f in results[2].findings] == ["MR201"]


@pytest.mark.parametrize(
    "raw",
    [
        _with(
            f"{_M}.declared_percent", "1" * 13 + "." + "1" * 12
        ),  # 25 digits: Python ints, no bound
        _with(f"{_M}.declared_percent", "9" * 13 + "." + "9" * 4),  # a large percent
        _with(f"{_M}.number", None),  # a null where null is allowed
        _with(f"{_M}.financing.actual", "999999999999999.99"),  # the largest canonical money
    ],
)
def test_an_unusual_good_document_is_audited_as_alone(raw: bytes) -> None:
    """A valid document at the edges of what the kernels take is audited as the
    one-document bulk road audits it."""
    results = audit_documents([("a", _GOOD_RAW), ("b", raw)])
    assert results[1] == audit_document(raw, "b")
    assert results[1].loaded


def test_a_pretty_printed_document_is_read_alone_and_audited() -> None:
    """A document written over several lines cannot be a line of the batch: it is read by
    itself, with the same findings."""
    raw = orjson.dumps(
        orjson.loads(_with(f"{_M}.declared_percent", "30")), option=orjson.OPT_INDENT_2
    )
    results = audit_documents([("a", raw), ("b", _GOOD_RAW)])
    assert results[0] == audit_document(raw, "a")
    assert [f.code for f in results[0].findings] == ["MR201"]


@pytest.mark.parametrize(
    ("raw", "refused"),
    [
        (b'{"note":null}', True),
        (b'{"note" :\t null}', True),
        (b'{"not\\u0065":null}', True),  # an escaped key: cannot be told for sure
        (b'{"number":null}', False),  # a field that may be null
        (b'{"a":"null"}', False),  # text
        (b'{"a":"x: null"}', False),  # text that reads like a value
        (b'{"x":[null]}', False),  # an item of a list: the kernels judge it
        (b'{"notes":null}', False),  # only the exact name
    ],
)
def test_a_null_is_refused_only_where_the_loader_refuses_it(raw: bytes, refused: bool) -> None:
    """A key written null is caught where the field may not be null (pyarrow would read it
    as missing), and only there."""
    assert batch_module._refused_null(raw, frozenset({b"note", b"title"})) is refused


def test_the_schema_names_every_field_that_may_not_be_null() -> None:
    """The fields refused as null are read from the entities: a measure's note and
    executors, a task's title, not a measure's number or declared percent."""
    _, not_null = batch_module._schema()
    assert {b"note", b"executors", b"title", b"content", b"financing", b"tasks"} <= not_null
    assert not {b"number", b"declared_percent", b"term", b"total"} & not_null


def test_a_large_document_is_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document above LARGEST_BATCHED bytes is read by itself, with the same columns."""
    raws = [_GOOD_RAW, _with(f"{_M}.declared_percent", "25.0")]
    alone: list[bytes] = []
    monkeypatch.setattr(batch_module, "LARGEST_BATCHED", len(_GOOD_RAW))
    monkeypatch.setattr(batch_module, "program_columns", _counting(alone))
    read = batch_columns(raws)
    assert alone == [raws[1]]  # two bytes over the limit: alone; the other batched
    assert all(c is not None for c in read)


def _counting(calls: list[bytes]) -> object:
    from municipal_reports.io.columns import program_columns

    def one(raw: bytes, memo: dict[object, object] | None = None) -> object:
        calls.append(raw)
        return program_columns(raw, memo)

    return one


def test_a_file_that_cannot_be_read_keeps_its_place_between_batches(tmp_path: Path) -> None:
    """audit_files gives one result a document in the order of the files, an unreadable
    file's among them, whatever the batches."""
    names = []
    for i in range(5):
        path = tmp_path / f"{i}.json"
        path.write_bytes(_with(f"{_M}.declared_percent", "30") if i % 2 else _GOOD_RAW)
        names.append(str(path))
    names.insert(2, str(tmp_path / "missing.json"))
    results = audit_files(names)
    assert [r.source for r in results] == names
    assert results[2].error.startswith("cannot be read")
    assert [[f.code for f in r.findings] for r in results] == [[], ["MR201"], [], [], ["MR201"], []]


def test_a_document_of_another_kind_costs_a_few_reads_not_the_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A program report with a key pyarrow refuses, among 40 good ones, is read alone
    after the batch is read again in halves: the others are still read by pyarrow."""
    raws = [_GOOD_RAW] * 40
    raws[17] = _with(f"{_M}.extra", 1)  # an unknown key: pyarrow refuses the whole batch
    alone: list[bytes] = []
    monkeypatch.setattr(batch_module, "program_columns", _counting(alone))
    read = batch_columns(raws)
    assert read[17] is None
    assert all(c is not None for i, c in enumerate(read) if i != 17)
    assert 1 <= len(alone) <= batch_module._SMALLEST_HALF
    assert raws[17] in alone


def test_the_example_reports_in_a_batch_are_audited_as_alone() -> None:
    """Whole reports and program reports of the examples (pretty-printed, of both kinds),
    batched with compact good documents, get the one-document road's results."""
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))
    documents = [(p.name, p.read_bytes()) for p in examples]
    documents += [
        (f"{p.name} compact", orjson.dumps(orjson.loads(d)))
        for p, (_, d) in zip(examples, documents, strict=True)
    ]
    documents.append(("good", _GOOD_RAW))
    results = audit_documents(documents)
    assert results == [audit_document(data, source) for source, data in documents]
    assert any(r.findings for r in results)


_TOKENS = st.sampled_from(
    [b"null", b'"', b":", b"{", b"}", b"[", b"]", b",", b"0", b"1", b"-", b".", b" ", b"\\u00", b"e",
     b'"note"', b'"title"', b'"actual"', b"\xd0", b"\xff", b"\t", b"\n", b"true", b'"x"']
)  # fmt: skip


@_SETTINGS
@given(st.integers(0, len(_GOOD_RAW)), st.integers(0, 8), st.lists(_TOKENS, max_size=4))
def test_a_garbled_document_in_a_batch_gets_the_one_document_result(
    at: int, cut: int, tokens: list[bytes]
) -> None:
    """A good document with a few bytes cut and JSON-ish tokens put in their place, batched
    between good ones, gets exactly the one-document road's result (its problems when the
    loader refuses it), and never screens clean where that road does not."""
    raw = _GOOD_RAW[:at] + b"".join(tokens) + _GOOD_RAW[at + cut :]
    neighbour = _with(f"{_M}.declared_percent", "30")
    results = audit_documents([("a", _GOOD_RAW), ("b", raw), ("c", neighbour)])
    assert results == [
        audit_document(_GOOD_RAW, "a"),
        audit_document(raw, "b"),
        audit_document(neighbour, "c"),
    ]


def test_whole_reports_are_read_alone_without_a_batch_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whole reports as the library writes them (their type first; some hold program
    reports) are read alone at once: pyarrow is not asked to read a batch it would refuse."""
    examples = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.json"))
    reports = [orjson.dumps(orjson.loads(p.read_bytes())) for p in examples]
    reports = [r for r in reports if b'"sections"' in r]
    assert reports

    def refuse(*args: object) -> None:
        raise AssertionError("a batch read")

    monkeypatch.setattr(batch_module, "_read", refuse)
    assert batch_columns(reports) == [None] * len(reports)


@pytest.mark.parametrize(
    ("select", "ignore"), [(["MR201"], []), (["MR101", "MR701"], []), (None, ["MR201"])]
)
def test_a_selection_screens_a_batch_as_it_does_one_document(
    select: list[str] | None, ignore: list[str]
) -> None:
    """select and ignore give a batch each document's findings of the one-document road."""
    raws = [
        _GOOD_RAW,
        _with(f"{_M}.declared_percent", "30"),  # MR201
        _with(f"{_M}.content", "Кoнкурс"),  # MR701: a Latin «o»
        _with("total.annual", "400.01"),  # MR101
    ]
    documents = [(str(i), raw) for i, raw in enumerate(raws)]
    results = audit_documents(documents, select=select, ignore=ignore)
    assert results == [
        audit_document(raw, source, select=select, ignore=ignore) for source, raw in documents
    ]
    assert any(r.findings for r in results)


_WHITE_SPACE = st.text(alphabet=" \t\n\r", max_size=3)


@_SETTINGS
@given(_DOCUMENTS, _WHITE_SPACE, _WHITE_SPACE, st.booleans())
def test_a_key_held_twice_is_refused_on_both_bulk_roads_whatever_the_white_space(
    report: ProgramReport, before_first: str, before_second: str, pyarrow_hidden: bool
) -> None:
    """A measure's «actual» written twice, with any JSON white space before either colon,
    is refused by audit_document and audit_documents with loads()'s path, never audited as
    the value orjson kept."""
    raw = _bytes(report)
    at = raw.find(b'"actual":')
    if at < 0:
        return  # a report without measures has no «actual» to repeat
    bad = (
        raw[:at]
        + b'"actual"'
        + before_first.encode()
        + b':"1.00",'
        + b'"actual"'
        + before_second.encode()
        + raw[at + len(b'"actual"') :]
    )
    with pytest.raises(StructureError) as refused:
        loads(bad)
    expected = [(p.path, p.reason) for p in refused.value.problems]
    one = audit_document(bad)
    assert [(p.path, p.reason) for p in one.problems] == expected
    assert one.findings == ()
    with pytest.MonkeyPatch.context() as patch:
        if pyarrow_hidden:
            patch.setitem(sys.modules, "pyarrow", None)
        (batched,) = audit_documents([("bad", bad)])
    assert [(p.path, p.reason) for p in batched.problems] == expected


_MEASURE_SCREENS = (
    _measure_percents_wrong,
    _percent_of_zero_plan,
    _actual_above_annual,
    _annual_above_indicative,
    _full_with_nothing_spent,
)


def _python_screens_fire(columns: ProgramColumns) -> bool:
    """Whether a measure-level screen fires when it looks at the columns itself."""
    looked = attrs.evolve(columns, measures_clean=False)
    return any(screen(looked) for screen in _MEASURE_SCREENS)


@_SETTINGS
@given(st.lists(_DOCUMENTS, min_size=1, max_size=6))
def test_the_kernels_call_clean_only_what_the_measure_screens_call_clean(
    reports: list[ProgramReport],
) -> None:
    """A document whose measures the batch's kernels find clean is one where each
    measure-level screen, looking at the figures itself, finds nothing."""
    for columns in batch_columns([_bytes(r) for r in reports]):
        if columns is not None and columns.measures_clean:
            assert not _python_screens_fire(columns)


# Plan 3.00 (300 kopecks), actual 1.00: 100/300 = 33.333…%. A declared percent is clean
# where 2·|units·300 − 100·100·scale| ≤ 300: «33.33» gives 2·|999 900 − 1 000 000| = 200,
# «33.3» 2·|99 900 − 100 000| = 200, «33.34» 400 and «33.32» 800 (outside), «33» 2·|9 900 −
# 10 000| = 200 (inside: a whole percent is a correct rounding too).
@pytest.mark.parametrize(
    ("declared", "clean"),
    [("33.33", True), ("33.3", True), ("33", True), ("33.34", False), ("33.32", False)],
)
def test_the_kernels_judge_a_percent_at_the_rounding_band(declared: str, clean: bool) -> None:
    """The kernels call a measure's percent clean just inside the band of its written
    digits, and not just outside it, as the Python screen does."""
    data = orjson.loads(_with(f"{_M}.financing", {"annual": "3.00", "actual": "1.00"}))
    data["tasks"][0]["measures"][0]["declared_percent"] = declared
    (columns,) = batch_columns([orjson.dumps(data)])
    assert columns is not None
    assert columns.measures_clean is clean
    assert _python_screens_fire(columns) is not clean


@pytest.mark.parametrize(
    ("change", "value"),
    [
        (f"{_M}.financing", {"annual": "400.00", "actual": "400.01"}),  # MR401
        (f"{_M}.financing", {"indicative": "399.99", "annual": "400.00", "actual": "1.00"}),
        (f"{_M}.financing", {"annual": "0.00", "actual": "0.00"}),  # MR203
        (f"{_M}.financing", {"annual": "400.00", "actual": "0.00"}),  # MR201, not MR403
        (f"{_M}.declared_percent", "100"),  # 100% of 400.00 with 100.00 financed
    ],
)
def test_the_kernels_send_each_measure_fault_to_the_screens(change: str, value: object) -> None:
    """Each measure-level fault makes the kernels unsure of its document (and only of it:
    the clean document beside it in the batch stays clean)."""
    faulty, good = batch_columns([_with(change, value), orjson.dumps(_GOOD)])
    assert faulty is not None
    assert good is not None
    assert not faulty.measures_clean
    assert _python_screens_fire(faulty)
    assert good.measures_clean


@pytest.mark.parametrize(
    ("financing", "declared"),
    [
        # 2 500 × 9 999 999 999 999 999 kopecks is above 2**63 ≈ 9.2·10**18: it overflows.
        ({"annual": "99999999999999.99", "actual": "25000000000000.00"}, "25.00"),
        # units of 2**62 and more (here 10**8 % in 12 decimals: 10**20) are not taken at all
        ({"annual": "400.00", "actual": "100.00"}, "10000000.000000000000"),
    ],
)
def test_figures_beyond_int64_leave_the_whole_batch_to_the_screens(
    financing: dict[str, str], declared: str
) -> None:
    """Where a figure or product does not fit in int64 the kernels call no document of the
    batch clean (the Python screens judge them with unbounded ints)."""
    data = orjson.loads(_with(f"{_M}.financing", financing))
    data["tasks"][0]["measures"][0]["declared_percent"] = declared
    big, good = batch_columns([orjson.dumps(data), orjson.dumps(_GOOD)])
    assert big is not None
    assert good is not None
    assert not big.measures_clean
    assert not good.measures_clean


@pytest.mark.parametrize(
    ("declared", "batched"),
    [
        ("1000000000000", True),  # 13 integer digits
        ("10000000000000", True),  # 14: the old batch pattern sent it to be read alone
        ("9999999999999999999", True),  # 19: just inside the domain's bound, 10**19 %
        ("9999999999999999999.999999999999", True),  # with 12 decimals
        ("10000000000000000000", False),  # 20: at the bound, the loader refuses it
    ],
)
def test_the_batch_takes_every_percent_the_domain_takes(
    monkeypatch: pytest.MonkeyPatch, declared: str, batched: bool
) -> None:
    """A declared percent up to the domain's bound is read by pyarrow with the columns it
    has read alone; one at the bound is not taken by the batch."""
    raw = _with(f"{_M}.declared_percent", declared)
    alone = batch_module.program_columns(raw)
    asked: list[bytes] = []

    def record(source: bytes, *args: object) -> object:
        asked.append(source)
        return alone

    monkeypatch.setattr(batch_module, "program_columns", record)
    (read,) = batch_columns([raw])
    if batched:
        assert asked == []
        assert read is not None
        assert alone is not None
        assert read.declared == alone.declared
    else:  # not taken: left to the exact road (None), or to the one-document reader
        assert read is None or asked == [raw]


@pytest.mark.parametrize(
    "document",
    [_GOOD_RAW, ("a",), ("a", _GOOD_RAW, "b"), (b"a", _GOOD_RAW), ("a", _GOOD_RAW.decode())],
)
def test_audit_documents_of_anything_but_source_and_bytes_pairs_says_which(
    document: object,
) -> None:
    """audit_documents() names the item that is no (source, bytes) pair, with its index,
    instead of failing inside; the good pair before it is no fault."""
    with pytest.raises(
        InvalidTypeError, match=r"must be a \(source, bytes\) pair \(got .{1,60}\) @ \$\[1\]$"
    ):
        audit_documents([("good", _GOOD_RAW), document])  # type: ignore[list-item]
