"""Bad files are refused with the file, the path and exit 2: never a traceback, never a partial result."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES_DIR
from municipal_reports import (
    FORMAT_VERSION,
    MunicipalReportsError,
    StructureError,
    loads,
)
from municipal_reports.cli import main

SECRETARY = EXAMPLES_DIR / "zhytomyr-secretary-2023.json"
FUND = "$.sections[4].facts[0].fund_total"


def _edit(change: Callable[[dict[str, Any]], object]) -> Callable[[], bytes]:
    """A good document (the secretary's report) with one change made to it."""

    def make() -> bytes:
        data = copy.deepcopy(json.loads(SECRETARY.read_text(encoding="utf-8")))
        change(data)
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    return make


def _fund(data: dict[str, Any]) -> dict[str, Any]:
    fund: dict[str, Any] = data["sections"][4]["facts"][0]
    assert fund["type"] == "deputy_fund_allocation"
    return fund


def _raw_fund(literal: str) -> Callable[[], bytes]:
    """The fund total written as a raw JSON literal (not a string)."""

    def make() -> bytes:
        marked = _edit(lambda d: _fund(d).__setitem__("fund_total", "@@"))()
        return marked.replace(b'"@@"', literal.encode())

    return make


# (id, the file's bytes, the path the message must name, a word the message must contain)
BAD: list[tuple[str, Callable[[], bytes], str, str]] = [
    ("empty file", lambda: b"", "$", "empty"),
    ("only white space", lambda: b"  \n", "$", "empty"),
    ("invalid JSON", lambda: b'{"format_version": 1,', "$", "not valid JSON"),
    ("top-level array", lambda: b"[]", "$", "JSON object"),
    ("top-level string", lambda: b'"report"', "$", "JSON object"),
    (
        "wrong type",
        _edit(lambda d: d["meta"].__setitem__("title", 12)),
        "$.meta.title",
        "must be a string",
    ),
    (
        "array where an object is",
        _edit(lambda d: d.__setitem__("meta", [])),
        "$.meta",
        "must be an object",
    ),
    ("money as a JSON float", _raw_fund("400000.0"), FUND, "must be a string"),
    ("money as a JSON int", _raw_fund("400000"), FUND, "must be a string"),
    ("NaN as a string", _edit(lambda d: _fund(d).__setitem__("fund_total", "NaN")), FUND, "amount"),
    ("NaN literal", _raw_fund("NaN"), "$", "not valid JSON"),
    (
        "exponent as a string",
        _edit(lambda d: _fund(d).__setitem__("fund_total", "1e999999999")),
        FUND,
        "amount",
    ),
    ("exponent literal", _raw_fund("1e999999999"), "$", "not valid JSON"),
    (
        "200-digit string",
        _edit(lambda d: _fund(d).__setitem__("fund_total", "9" * 200)),
        FUND,
        "amount",
    ),
    ("200-digit literal", _raw_fund("9" * 200), FUND, "must be a string"),
    (
        "three decimals",
        _edit(lambda d: _fund(d).__setitem__("fund_total", "1.005")),
        FUND,
        "amount",
    ),
    (
        "negative amount",
        _edit(lambda d: _fund(d).__setitem__("fund_total", "-400000.00")),
        FUND,
        ">= 0",
    ),
    (
        "date 31.02",
        _edit(lambda d: d["meta"]["period"].__setitem__("end", "2023-02-31")),
        "$.meta.period.end",
        "calendar date",
    ),
    (
        "date not ISO",
        _edit(lambda d: d["meta"]["period"].__setitem__("end", "31.12.2023")),
        "$.meta.period.end",
        "ISO date",
    ),
    (
        "missing format_version",
        _edit(lambda d: d.pop("format_version")),
        "$.format_version",
        "missing",
    ),
    (
        "newer format_version",
        _edit(lambda d: d.__setitem__("format_version", FORMAT_VERSION + 1)),
        "$.format_version",
        "newer",
    ),
    (
        "format_version not a number",
        _edit(lambda d: d.__setitem__("format_version", "1")),
        "$.format_version",
        "integer",
    ),
    ("unknown document type", _edit(lambda d: d.__setitem__("type", "memo")), "$.type", "one of"),
    (
        "unknown key",
        _edit(lambda d: _fund(d)["items"][2].__setitem__("colour", "red")),
        "$.sections[4].facts[0].items[2].colour",
        "unknown key",
    ),
    (
        "missing field",
        _edit(lambda d: _fund(d)["items"][2].pop("purpose")),
        "$.sections[4].facts[0].items[2].purpose",
        "missing",
    ),
    (
        "unknown fact type",
        _edit(lambda d: _fund(d).__setitem__("type", "rumour")),
        "$.sections[4].facts[0].type",
        "kind of fact",
    ),
    (
        "unknown enum value",
        _edit(lambda d: d["meta"].__setitem__("kind", "poem")),
        "$.meta.kind",
        "one of",
    ),
    (
        "string where an array is",
        _edit(lambda d: d["sections"][0].__setitem__("paragraphs", "abc")),
        "$.sections[0].paragraphs",
        "array",
    ),
    (
        "boolean where a count is",
        _edit(lambda d: d["sections"][0]["facts"][0].__setitem__("plenary_meetings", True)),
        "$.sections[0].facts[0].plenary_meetings",
        "integer",
    ),
    (
        "invalid UTF-8",
        lambda: b'{"format_version": 1, "type": "report", "meta": "\xff"}',
        "$",
        "not valid JSON",
    ),
]
IDS = [case[0] for case in BAD]


@pytest.mark.parametrize(("label", "make", "path", "word"), BAD, ids=IDS)
def test_loads_refuses_bad_input_with_the_path(
    label: str, make: Callable[[], bytes], path: str, word: str
) -> None:
    """loads() raises StructureError (a ValueError) naming the bad value's path and why."""
    with pytest.raises(StructureError) as info:
        loads(make(), source="bad.json")
    error = info.value
    assert isinstance(error, MunicipalReportsError)
    assert isinstance(error, ValueError)
    assert any(
        p.path == path and word in line
        for p, line in zip(error.problems, error.lines(), strict=True)
    )
    assert "bad.json" in str(error)


@pytest.mark.parametrize(("label", "make", "path", "word"), BAD, ids=IDS)
def test_cli_exits_2_naming_file_and_path(
    label: str,
    make: Callable[[], bytes],
    path: str,
    word: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`audit` on a bad file prints the file and path to stderr, no findings, and exits 2."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(make())
    assert main(["audit", "--format", "json", str(bad)]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out) == []
    assert f"{bad}: " in err
    assert f"@ {path}" in err
    assert word in err
    assert "Traceback" not in err


def test_every_problem_is_listed_at_once() -> None:
    """Three faults in three places are three lines, each with its own path."""

    def change(d: dict[str, Any]) -> None:
        d["meta"]["title"] = ""
        d["sections"][0]["paragraphs"] = "abc"
        _fund(d)["fund_total"] = 1.5

    with pytest.raises(StructureError) as info:
        loads(_edit(change)())
    assert sorted(p.path for p in info.value.problems) == sorted(
        ["$.meta.title", "$.sections[0].paragraphs", FUND]
    )


def test_fifty_megabytes_of_nested_arrays_fail_fast(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 50 MB file of nested arrays is refused as too deep, with exit 2 and no crash."""
    deep = tmp_path / "deep.json"
    half = 25 * 1024 * 1024
    deep.write_bytes(b"[" * half + b"]" * half)
    assert main(["audit", str(deep)]) == 2
    _, err = capsys.readouterr()
    assert str(deep) in err
    assert "depth" in err
    assert "Traceback" not in err


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that does not exist is named on stderr and the exit status is 2."""
    missing = tmp_path / "missing.json"
    assert main(["audit", str(missing)]) == 2
    _, err = capsys.readouterr()
    assert str(missing) in err
    assert "cannot be read" in err


def test_a_bad_file_does_not_hide_the_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With one bad file among good ones, the good ones are audited and the exit is 2."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"[]")
    assert main(["audit", "--format", "json", str(bad), str(SECRETARY)]) == 2
    out, _ = capsys.readouterr()
    assert {row["file"] for row in json.loads(out)} == {str(SECRETARY)}
