"""A mutation fuzz over every example: only library errors, and nothing silently changed.

Each example file is mutated many times, at the byte level (a byte flipped, dropped,
doubled or inserted) and at the value level (one value in the tree replaced by a hostile
one: a negative zero, a float, a number too long, invisible text, a duplicate key, a
control character...). Loading a mutant either raises the library's own error, or gives a
document that dumps back to the same content: every key the mutant held is in the dump
with the same value (same type, same text), or was a default (the document loads the same
without it), and the dump loads back to an equal document.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest

from municipal_reports import MunicipalReportsError, dumps, loads

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.json"))
MUTANTS_PER_EXAMPLE = 250

HOSTILE_VALUES: list[Any] = [
    "-0",
    "-0.00",
    "-0.0",
    "0.00",
    "1e3",
    "1E+2",
    " 1.00",
    "1.00 ",
    "1.001",
    "99999999999999.99000000000000000000001",
    "1000000000000000.00",
    "١٢٣",
    "１２",
    "NaN",
    "Infinity",
    "",
    " ",
    "\u200b",
    "\ufeff",
    "\u202e\u202c",
    "\x1b[2J",
    "a\nb",
    "2022-02-30",
    "2022-13-01",
    "0001-01-01",
    "9999-12-31",
    -1,
    0,
    1,
    2**63,
    -(2**63) - 1,
    10**30,
    1.5,
    -0.0,
    True,
    False,
    None,
    [],
    {},
    [None],
    {"": None},
    "x" * 300,
]


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in the tree (objects and arrays included)."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, (*path, i))


def _set(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = json.loads(json.dumps(tree))
    node = copy
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return copy


def _byte_mutant(data: bytes, rng: random.Random) -> bytes:
    pos = rng.randrange(len(data))
    kind = rng.randrange(4)
    if kind == 0:
        return data[:pos] + bytes([rng.randrange(256)]) + data[pos + 1 :]
    if kind == 1:
        return data[:pos] + data[pos + 1 :]
    if kind == 2:
        return data[:pos] + data[pos : pos + 1] * 2 + data[pos + 1 :]
    return (
        data[:pos]
        + rng.choice([b"-", b"0", b"\\", b'"', b",", b"{}", b"\x00", b"\xff"])
        + data[pos:]
    )


def _value_mutant(tree: Any, rng: random.Random) -> bytes:
    paths = list(_leaves(tree))
    path = rng.choice(paths)
    if rng.random() < 0.1 and isinstance(tree, dict):
        # A duplicate key: the same key written twice in one object, the second different.
        text = orjson.dumps(tree).decode("utf-8")
        head, brace, rest = text.partition("{")
        key = rng.choice(list(tree))
        extra = json.dumps({key: rng.choice(HOSTILE_VALUES)}, ensure_ascii=False)[1:-1]
        return f"{head}{brace}{extra},{rest}".encode()
    # The stdlib writes what orjson cannot (integers beyond 64 bits).
    return json.dumps(_set(tree, path, rng.choice(HOSTILE_VALUES)), ensure_ascii=False).encode()


def _without(tree: Any, path: tuple[Any, ...]) -> Any:
    copy = json.loads(json.dumps(tree))
    node = copy
    for step in path[:-1]:
        node = node[step]
    del node[path[-1]]
    return copy


def _differences(
    given: Any, written: Any, path: tuple[Any, ...] = ()
) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Where ``written`` does not hold what ``given`` held: ("extra", path) for a key only
    ``given`` has, ("changed", path) for a value written differently."""
    if isinstance(given, dict) and isinstance(written, dict):
        for key, value in given.items():
            if key not in written:
                yield ("extra", (*path, key))
            else:
                yield from _differences(value, written[key], (*path, key))
        for key in written:
            if key not in given:
                yield ("changed", (*path, key))
        return
    if isinstance(given, list) and isinstance(written, list) and len(given) == len(written):
        for i, (a, b) in enumerate(zip(given, written, strict=True)):
            yield from _differences(a, b, (*path, i))
        return
    differs = type(given) is not type(written) or given != written
    if differs and not _same_money(given, written):
        yield ("changed", path)


def _same_money(given: Any, written: Any) -> bool:
    """«4920000» and «4920000.00» are one amount (money keeps no written precision; the
    column formats do): the same value in canonical text, whichever way it was written."""
    pattern = r"-?[0-9]{1,15}(?:\.[0-9]{1,2})?"
    if not (isinstance(given, str) and isinstance(written, str)):
        return False
    if not (re.fullmatch(pattern, given) and re.fullmatch(pattern, written)):
        return False
    # The sign counts: «-0.00» written back as «0.00» is a change.
    return Decimal(given) == Decimal(written) and given[:1] == written[:1]


def _has_duplicate_key(mutant: bytes) -> bool:
    found = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal found
        found = found or len({k for k, _ in items}) != len(items)
        return dict(items)

    try:
        json.loads(mutant, object_pairs_hook=pairs)
    except ValueError:
        return False
    return found


def _check(mutant: bytes) -> None:
    try:
        document = loads(mutant)
    except MunicipalReportsError:
        return  # refused, with the library's own error: fine
    assert not _has_duplicate_key(mutant), f"a duplicate key was accepted: {mutant[:300]!r}"
    written = dumps(document)
    assert loads(written) == document, "the dump does not load back to the same document"
    given = json.loads(mutant)
    for kind, path in _differences(given, orjson.loads(written)):
        assert kind == "extra", f"silently changed at {path}: {mutant[:300]!r}"
        # A key the dump leaves out must have held its default: the document is the same
        # without it.
        assert loads(json.dumps(_without(given, path))) == document, (
            f"silently dropped {path}: {mutant[:300]!r}"
        )


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_byte_mutants_raise_only_library_errors(example: Path) -> None:
    """A byte flipped, dropped, doubled or inserted: a library error, or no silent change."""
    data = example.read_bytes()
    rng = random.Random(f"bytes:{example.name}")
    for _ in range(MUTANTS_PER_EXAMPLE):
        _check(_byte_mutant(data, rng))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_value_mutants_raise_only_library_errors(example: Path) -> None:
    """A hostile value anywhere in the tree: a library error, or no silent change."""
    tree = orjson.loads(example.read_bytes())
    rng = random.Random(f"values:{example.name}")
    for _ in range(MUTANTS_PER_EXAMPLE):
        _check(_value_mutant(tree, rng))


def test_the_examples_themselves_round_trip_exactly() -> None:
    """Just inside: every unmutated example loads and dumps back to the same content."""
    for example in EXAMPLES:
        _check(example.read_bytes())
