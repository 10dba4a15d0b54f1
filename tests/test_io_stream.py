"""A big program report is read a task at a time: the same entity as loads(), the same error
with the same path on every bad input, and the file's tasks built before the file is read."""

from __future__ import annotations

import copy
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import (
    InputFileError,
    MunicipalReportsError,
    ProgramReport,
    dumps,
    load,
    loads,
)
from municipal_reports.io import json as json_io
from municipal_reports.io.stream import read_members, share_texts
from test_io_bad_input import BAD, IDS
from test_io_fast import BROKEN, _typical
from test_io_roundtrip import program_reports

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from generate import make_report  # the benchmark's generator, in bench/


def _streamed(data: bytes, *, chunk: int = 16, max_size: int = 1 << 30) -> object:
    return json_io._streamed(io.BytesIO(data), max_size, chunk=chunk)


def _document(fields: dict[str, Any]) -> bytes:
    return orjson.dumps({"format_version": 2, "type": "program_report", **fields})


@given(program_reports, st.booleans(), st.integers(1, 64))
def test_a_streamed_report_equals_loads(report: ProgramReport, indent: bool, chunk: int) -> None:
    """Any program report, indented or not, read in any chunk size, equals loads()'s reading."""
    text = dumps(report, indent=indent).encode("utf-8")
    assert _streamed(text, chunk=chunk) == loads(text) == report


@pytest.mark.parametrize("index", range(6))
def test_the_benchmark_reports_are_streamed_equal(index: int) -> None:
    """The benchmark's realistic reports (planted faults and all) stream to loads()'s entity."""
    text = orjson.dumps(make_report(index))
    streamed = _streamed(text, chunk=256)
    assert streamed is not None
    assert streamed == loads(text)


def test_repeated_texts_are_kept_once() -> None:
    """Equal texts of different tasks become one string; figures and dates are left alone."""
    data = _typical()
    data["tasks"].append(copy.deepcopy(data["tasks"][0]))
    report = _streamed(_document(data))
    assert isinstance(report, ProgramReport)
    first, second = (t.measures[0] for t in report.tasks)
    assert first.content == second.content == "Придбання техніки"
    assert first.content is second.content
    assert first.executors[0] is second.executors[0]
    texts: dict[str, str] = {}
    shared = share_texts({"a": ["2022-01-01", "-1", "x"], "b": {"c": "x"}}, texts)
    assert texts == {"x": "x"}
    assert shared == {"a": ["2022-01-01", "-1", "x"], "b": {"c": "x"}}


def _bad_variants() -> dict[str, bytes]:
    """Program report files that loads() refuses, raw-text faults among them."""
    good = _document(_typical())
    cases: dict[str, bytes] = {}
    for name, change in BROKEN.items():
        data = _typical()
        change(data)
        cases[name] = _document(data)
    annual = b'"annual":"100.00"'
    cases |= {
        "duplicate key in a measure": good.replace(b'"note":""', b'"note":"","note":"x"', 1),
        "duplicate key at the top": good.replace(b'"executor":', b'"executor":"a","executor":'),
        "duplicate escaped key": good.replace(b'"note":""', b'"note":"","no\\u0074e":""', 1),
        "negative zero money": good.replace(annual, b'"annual":"-0.00"', 1),
        "negative zero percent": good.replace(
            b'"declared_percent":"80.50"', b'"declared_percent":"-0"'
        ),
        "29 digits": good.replace(annual, b'"annual":"' + b"1" * 27 + b'.00"', 1),
        "a task title of invisible characters": good.replace(
            '"title":"Завдання"'.encode(), '"title":"\u200b\u200f"'.encode()
        ),
        "a content of a byte-order mark": good.replace(
            '"content":"Придбання техніки"'.encode(), '"content":"\ufeff"'.encode()
        ),
        "escaped invisible content": good.replace(
            '"content":"Придбання техніки"'.encode(), b'"content":"\\u200b"'
        ),
        "invalid JSON in a task": good.replace(b'"note":""', b'"note":""]', 1),
        "a raw control character": good.replace(b'"note":""', b'"note":"\x01"', 1),
        "truncated": good[: len(good) // 2],
        "truncated after the object": good[:-1],
        "trailing text": good + b"x",
        "two documents": good + good,
        "a byte-order mark": b"\xef\xbb\xbf" + good,
        "invalid UTF-8 in a task": good.replace(b'"note":""', b'"note":"\xff"', 1),
        "a number as a key": good.replace(b'"executor":', b'1:0,"executor":', 1),
        "tasks as a string": good.replace(b'"tasks":[', b'"tasks":"[', 1),
        "unknown type": good.replace(b'"program_report"', b'"memo"'),
        "newer version": good.replace(b'"format_version":2', b'"format_version":3'),
        "version as text": good.replace(b'"format_version":2', b'"format_version":"2"'),
        "version missing": good.replace(b'"format_version":2,', b""),
        "empty": b"",
        "an array": b"[" + good + b"]",
    }
    return cases


BAD_PROGRAMS = _bad_variants()


def _error(read: Callable[[], object]) -> tuple[type[BaseException], list[tuple[str, str]]]:
    with pytest.raises(MunicipalReportsError) as caught:
        read()
    error = caught.value
    problems = [(p.path, line) for p, line in zip(error.problems, error.lines(), strict=True)]  # type: ignore[attr-defined]
    return type(error), problems


@pytest.mark.parametrize("name", sorted(BAD_PROGRAMS))
def test_a_bad_program_report_is_not_streamed_and_load_says_what_loads_says(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every fault gives up the streamed road, and load() raises loads()'s error and paths."""
    text = BAD_PROGRAMS[name]
    assert _streamed(text) is None
    path = tmp_path / "bad.json"
    path.write_bytes(text)
    monkeypatch.setattr(json_io, "STREAM_FROM", 0)
    assert _error(lambda: load(path)) == _error(lambda: loads(text, source=str(path)))


@pytest.mark.parametrize(("label", "make", "path", "word"), BAD, ids=IDS)
def test_the_bad_inputs_raise_the_same_error_through_load(
    label: str,
    make: Callable[[], bytes],
    path: str,
    word: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each bad input of the loads() tests raises the same error from load() with streaming on."""
    text = make()
    file = tmp_path / "bad.json"
    file.write_bytes(text)
    monkeypatch.setattr(json_io, "STREAM_FROM", 0)
    assert _error(lambda: load(file)) == _error(lambda: loads(text, source=str(file)))


def test_past_the_size_limit_the_stream_gives_up_and_load_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file one byte over max_size is refused by load() (InputFileError); at the limit it loads."""
    text = _document(_typical())
    assert _streamed(text, max_size=len(text) - 1) is None
    assert _streamed(text, max_size=len(text)) == loads(text)
    path = tmp_path / "big.json"
    path.write_bytes(text)
    monkeypatch.setattr(json_io, "STREAM_FROM", 0)
    assert load(path, max_size=len(text)) == loads(text)
    with pytest.raises(InputFileError):
        load(path, max_size=len(text) - 1)


class _Counting(io.BytesIO):
    """A file that remembers how many bytes were read from it."""

    read_so_far = 0

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self.read_so_far += len(chunk)
        return chunk


def test_tasks_are_built_while_the_file_is_still_being_read() -> None:
    """The first task's entity is built after a few chunks, not after the whole file."""
    data = _typical()
    data["tasks"] = [copy.deepcopy(data["tasks"][0]) for _ in range(200)]
    text = _document(data)
    handle = _Counting(text)
    seen: list[int] = []

    def read_item(raw: Any) -> Any:
        seen.append(handle.read_so_far)
        return raw

    members = read_members(
        handle,
        stream_key="tasks",
        read_item=read_item,
        duplicated=lambda raw, value: False,
        max_size=len(text),
        chunk=1024,
    )
    assert members is not None
    assert len(members["tasks"]) == 200
    assert seen[0] <= 2 * 1024  # a task is about 400 bytes: two chunks at most
    assert seen[-1] == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b'{"t":[]}', {"t": ()}),
        (
            b' { "a" : "]}\\"[{" , "t" : [ {"b":"}"} , 1 ] } \n',
            {"a": ']}"[{', "t": ({"b": "}"}, 1)},
        ),
        (b"{}", {}),
        (b'{"t":[1,]}', None),
        (b'{"t":[1 2]}', None),
        (b'{"a":1 "t":[]}', None),
        (b'{"t":[]}}', None),
        (b'{"a":}', None),
        (b'{"a":[}]}', None),
    ],
)
def test_members_are_cut_where_json_says(text: bytes, expected: object) -> None:
    """Brackets and quotes inside strings do not cut a value; malformed JSON gives up."""
    for chunk in (1, 2, 3, 1024):
        found = read_members(
            io.BytesIO(text),
            stream_key="t",
            read_item=lambda raw: raw,
            duplicated=lambda raw, value: False,
            max_size=len(text),
            chunk=chunk,
        )
        assert found == expected


def test_a_seekable_file_object_is_streamed_from_where_it_stands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """load() of an open file reads on from its position: a good report equals loads()'s,
    a bad one is read again whole and raises loads()'s error."""
    monkeypatch.setattr(json_io, "STREAM_FROM", 0)
    streamed: list[object] = []
    real = json_io._streamed

    def spy(handle: Any, max_size: int) -> object:
        streamed.append(real(handle, max_size))
        return streamed[-1]

    monkeypatch.setattr(json_io, "_streamed", spy)
    good = _document(_typical())
    handle = io.BytesIO(b"xyz" + good)
    handle.seek(3)
    assert load(handle) == loads(good)
    assert streamed == [loads(good)]
    bad = BAD_PROGRAMS["duplicate key in a measure"]
    handle = io.BytesIO(b"xyz" + bad)
    handle.seek(3)
    assert _error(lambda: load(handle)) == _error(lambda: loads(bad))
    assert streamed[-1] is None


def test_an_unseekable_file_object_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe-like object that cannot seek is read as before, whole."""
    monkeypatch.setattr(json_io, "STREAM_FROM", 0)
    good = _document(_typical())

    class Pipe(io.BytesIO):
        def seekable(self) -> bool:
            return False

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("streamed")

    monkeypatch.setattr(json_io, "_streamed", refuse)
    assert load(Pipe(good)) == loads(good)
