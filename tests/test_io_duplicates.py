"""The duplicate-key check of ``loads`` is a cheap screen (one compare, or colon counts) in
front of an exact search: it must never let a key held twice through, whatever the keys and
strings hold and however the text is laid out."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import StructureError, dump, dumps, load, loads
from municipal_reports.io.json import _duplicate_key
from test_io_roundtrip import program_reports

# Characters that could fool a count of colons or quotes: colons, quotes, backslashes,
# braces, the letters of «u003a», a Cyrillic letter, white space.
_TRICKY = st.text(alphabet=':"\\{}[],u03aAЖ \n\t', max_size=6)

# A JSON object as a list of (key, value) pairs, so that a key may repeat.
_Pairs = list[tuple[str, Any]]


def _objects() -> st.SearchStrategy[_Pairs]:
    scalars = st.one_of(_TRICKY, st.integers(-5, 5), st.none(), st.booleans())
    return st.recursive(
        st.lists(st.tuples(_TRICKY, scalars), max_size=4),
        lambda inner: st.lists(
            st.tuples(_TRICKY, st.one_of(scalars, inner, st.lists(inner, max_size=2))),
            max_size=4,
        ),
        max_leaves=12,
    )


def _is_pairs(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(p, tuple) for p in value)


def _write(value: Any, layout: dict[str, Any]) -> str:
    """JSON text of ``value`` (pairs are objects), in ``layout``: separators, indent, escapes."""
    ascii_, space, colon = layout["ascii"], layout["space"], layout["colon"]
    if isinstance(value, tuple):  # a list of objects, written as an array
        return "[" + ("," + space).join(_write(v, layout) for v in value) + "]"
    if _is_pairs(value):
        members = [json.dumps(k, ensure_ascii=ascii_) + colon + _write(v, layout) for k, v in value]
        return "{" + space + ("," + space).join(members) + space + "}"
    return json.dumps(value, ensure_ascii=ascii_)


def _layouts() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "ascii": st.booleans(),
            "space": st.sampled_from(["", " ", "\n", "\n  ", "\t"]),
            "colon": st.sampled_from([":", ": ", " :", " : ", "\n:\t"]),
        }
    )


def _has_duplicate(value: Any) -> bool:
    if isinstance(value, tuple):
        return any(_has_duplicate(v) for v in value)
    if _is_pairs(value):
        keys = [k for k, _ in value]
        return len(set(keys)) < len(keys) or any(_has_duplicate(v) for _, v in value)
    return False


def _arrays(value: Any) -> Any:
    """``value`` with every list of objects as a tuple (so that ``_write`` writes an array)."""
    if _is_pairs(value):
        return [(k, _arrays(v)) for k, v in value]
    if isinstance(value, list):
        return tuple(_arrays(v) for v in value)
    return value


@given(_objects(), _layouts())
def test_the_screen_never_misses_a_duplicate_key(pairs: _Pairs, layout: dict[str, Any]) -> None:
    """For any object in any layout, a path is reported exactly when some object repeats a key."""
    text = _write(_arrays(pairs), layout)
    found = _duplicate_key(text, orjson.loads(text))
    assert (found is not None) == _has_duplicate(_arrays(pairs))
    assert (_duplicate_key(text.encode(), orjson.loads(text)) is not None) == (found is not None)


@given(_objects(), st.booleans())
def test_orjson_text_with_a_repeated_member_is_caught(pairs: _Pairs, indent: bool) -> None:
    """orjson's own text, compact or indented as dump() writes it, with one member written
    twice: the one-compare fast path does not hide the duplicate."""
    decoded = orjson.loads(_write(_arrays(pairs), {"ascii": False, "space": "", "colon": ":"}))
    if not isinstance(decoded, dict) or not decoded:
        decoded = {"a": 1}
    option = orjson.OPT_INDENT_2 if indent else 0
    text = orjson.dumps(decoded, option=option)
    assert _duplicate_key(text, orjson.loads(text)) is None
    key = next(iter(decoded))
    member = orjson.dumps({key: decoded[key]})[1:-1]
    doubled = text[:1] + member + b"," + text[1:]
    if indent:
        doubled = b"{\n  " + member + b"," + text[1:]
    assert _duplicate_key(doubled, orjson.loads(doubled)) is not None


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": 2}',
        '{"a" : 1, "a": 2}',  # a key with a space before its colon, another without
        '{"a\\":": 1, "a" : 2, "a": 3}',  # a key ending «":» inside its string
        '{"\\u0022": 1, "\\"": 2}',  # one key, written once escaped by code, once by quote
        '{"\\u003a": 1, ":": 2}',  # one key, colon written as an escape and plain
        '{"x": {"b": [1, {"c": 1, "c": 1}]}}',
    ],
)
def test_tricky_duplicates_are_refused_with_a_path(text: str) -> None:
    """Keys that spell quotes and colons as escapes, or space before the colon, are still
    caught as duplicates; the error names the object's key."""
    assert _duplicate_key(text, orjson.loads(text)) is not None
    with pytest.raises(StructureError, match="duplicate key"):
        loads(text)


@given(report=program_reports)
def test_files_written_by_dump_take_the_one_compare_path(
    tmp_path_factory: Any, report: Any
) -> None:
    """A report written by dump() (indented) and by dumps() (compact) loads back equal."""
    path = tmp_path_factory.mktemp("dump") / "report.json"
    dump(report, path)
    text = path.read_bytes()
    assert _duplicate_key(text, orjson.loads(text)) is None
    assert load(path) == report
    compact = dumps(report).encode()
    assert _duplicate_key(compact, orjson.loads(compact)) is None
