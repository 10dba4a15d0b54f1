"""Errors cross process boundaries: a worker's error reaches the parent as itself."""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from municipal_reports import (
    AuditError,
    InputFileError,
    InvalidTypeError,
    InvalidValueError,
    ParseError,
    PluginError,
    PluginRuntimeError,
    Problem,
    StructureError,
)
from municipal_reports.bulk import summarise_many


class _Unpicklable(Exception):
    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("cannot pickle this")


ERRORS = [
    InputFileError("r.json", "is a FIFO (named pipe), not a regular file"),
    PluginError("g", "pack", ValueError("x"), distribution="zoo"),
    PluginRuntimeError("g", "XR1", "zoo", ZeroDivisionError("division by zero")),
    StructureError([Problem("$.a", 1, "bad")], source="r.json"),
    InvalidValueError([Problem("$", -1, "must be >= 0")], subject="Money"),
    InvalidTypeError([Problem("$", 1.5, "must be Decimal", True)], subject="Money"),
    ParseError("12,3,4", 4, "a second decimal separator", expected="a number"),
    AuditError([]),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_every_library_error_survives_pickling(error: Exception) -> None:
    """Pickled and loaded, an error keeps its class and its message."""
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)


def test_an_unpicklable_cause_is_carried_as_its_description() -> None:
    """A plugin error whose cause cannot be pickled still crosses, naming that cause."""
    again = pickle.loads(pickle.dumps(PluginError("g", "pack", _Unpicklable("inside"))))
    assert type(again) is PluginError
    assert "_Unpicklable: inside" in str(again)


def test_a_bad_document_in_a_worker_raises_in_the_parent(tmp_path: Path) -> None:
    """summarise_many on a process pool raises the worker's StructureError, naming the file
    (it is not taken for a worker that died)."""
    (tmp_path / "bad.json").write_text('{"format_version": 1, "type": "program_report"}')
    with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(StructureError) as info:
        summarise_many([tmp_path], pool)
    assert "bad.json" in str(info.value)
