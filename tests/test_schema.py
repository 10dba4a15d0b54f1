"""The JSON Schema describes the files the library writes, and refuses what it refuses."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from conftest import EXAMPLES, EXAMPLES_DIR
from municipal_reports import (
    ProgramReport,
    Report,
    StructureError,
    dumps,
    json_schema,
    loads,
)
from municipal_reports.io.converter import FACT_TAGS
from test_io_roundtrip import program_reports, reports


def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES_DIR / f"{name}.json").read_text("utf-8"))
    return data


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself passes the draft 2020-12 meta-schema."""
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_example_validates(name: str) -> None:
    """Each example file is valid against the schema."""
    _validator().validate(_example(name))


@given(report=reports)
def test_every_written_report_validates(report: Report) -> None:
    """Whatever dumps() writes for a report, the schema accepts."""
    _validator().validate(json.loads(dumps(report)))


@given(report=program_reports)
def test_every_written_program_report_validates(report: ProgramReport) -> None:
    """A single program report as a document is valid too."""
    _validator().validate(json.loads(dumps(report)))


@pytest.mark.parametrize(
    ("label", "value"),
    [
        ("float", 400000.0),
        ("int", 400000),
        ("NaN", "NaN"),
        ("exponent", "1e5"),
        ("3 decimals", "1.005"),
    ],
)
def test_schema_refuses_money_that_is_not_a_decimal_string(label: str, value: object) -> None:
    """A money value as a JSON number, NaN, an exponent or three decimals is invalid."""
    data = _example("zhytomyr-secretary-2023")
    data["sections"][4]["facts"][0]["fund_total"] = value
    assert not _validator().is_valid(data)


def test_schema_refuses_unknown_keys_and_a_missing_version() -> None:
    """Extra keys and a missing format_version are invalid, as loads() says too."""
    extra = _example("zhytomyr-secretary-2023")
    extra["meta"]["colour"] = "red"
    missing = _example("zhytomyr-secretary-2023")
    del missing["format_version"]
    assert not _validator().is_valid(extra)
    assert not _validator().is_valid(missing)


def test_schema_names_every_fact_type() -> None:
    """The fact union lists one tagged object per kind of fact."""
    schema = json_schema()
    tags = {
        schema["$defs"][ref["$ref"].rsplit("/", 1)[1]]["properties"]["type"]["const"]
        for ref in schema["$defs"]["Fact"]["oneOf"]
    }
    assert tags == set(FACT_TAGS.values())


def test_json_schema_returns_a_fresh_copy() -> None:
    """Changing the returned schema does not change the next one."""
    json_schema()["$defs"].clear()
    assert json_schema()["$defs"]


def _program_document() -> dict[str, Any]:
    return {
        "format_version": 1,
        "type": "program_report",
        "program": {"title": "Програма", "term": {"first": 2021, "last": 2025}},
        "period": {"kind": "year", "start": "2022-01-01", "end": "2022-12-31"},
        "tasks": [
            {
                "title": "Завдання",
                "measures": [{"content": "Захід", "financing": {"actual": "0.00"}}],
            }
        ],
    }


def _changed(path: tuple[Any, ...], value: object) -> dict[str, Any]:
    data = _program_document()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("path", "bad", "good"),
    [
        # A declared non-empty text: blank is refused, one letter is enough.
        (("program", "title"), " \t", "П"),
        # A declared bound: the year just outside and at the bound.
        (("program", "term", "first"), 1899, 1900),
        (("program", "term", "last"), 2200, 2199),
        # A declared non-negative amount: one kopeck below zero; zero is the edge.
        (("tasks", 0, "measures", 0, "financing", "actual"), "-0.01", "0.00"),
        # «-0.00» is no canonical amount (it would be written back as «0.00»).
        (("tasks", 0, "measures", 0, "financing", "actual"), "-0.00", "0.00"),
        # Declared non-empty items of a list of text.
        (("tasks", 0, "measures", 0, "executors"), ["відділ", " "], ["відділ"]),
    ],
)
def test_the_schema_states_each_declared_check(
    path: tuple[Any, ...], bad: object, good: object
) -> None:
    """The schema refuses what a field's declared check refuses, and accepts its edge, as
    loads() does (the same declaration)."""
    assert not _validator().is_valid(_changed(path, bad))
    with pytest.raises(StructureError):
        loads(json.dumps(_changed(path, bad)))
    assert _validator().is_valid(_changed(path, good))
    loads(json.dumps(_changed(path, good)))
