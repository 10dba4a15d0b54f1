"""The JSON Schema (draft 2020-12) of the report file format, made from the entities.

It is derived from the attrs classes, the checks their fields declare (bounds, non-empty
text and lists, non-negative amounts: the same declarations construction and the loader
read) and the patterns the converter enforces, so it cannot drift from what
:func:`~municipal_reports.loads` accepts. Checks that a schema cannot express (a total that
its parts must meet, a date that exists, a check beyond the fields' declarations) stay with
the library: a file that validates may still be refused, never the other way round.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any

import attrs

from municipal_reports.domain import Check, Money, Percent, Quantity, declared_checks
from municipal_reports.domain.text import BLANK
from municipal_reports.io.converter import (
    DATE_PATTERN,
    FACT_TAGS,
    MONEY_PATTERN,
    PERCENT_PATTERN,
    TAG_KEY,
    Fact,
)
from municipal_reports.io.json import DOCUMENT_TYPES, FORMAT_VERSION, VERSION_KEY

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://municipal-reports.invalid/schema/report-v2.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a report file (a fresh copy: changing it changes nothing here).

    >>> json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    return copy.deepcopy(_build())


@functools.cache
def _build() -> dict[str, Any]:
    defs: dict[str, Any] = {
        "Money": {
            "description": 'Hryvnias as a string, at most two decimals: "2080000.00".',
            "type": "string",
            "pattern": f"^{MONEY_PATTERN}$",
        },
        "Percent": {
            "description": "A percentage as a string, with the decimals it was written with.",
            "type": "string",
            "pattern": f"^{PERCENT_PATTERN}$",
        },
        "Date": {
            "type": "string",
            "format": "date",
            "pattern": f"^{DATE_PATTERN}$",
        },
    }
    maker = _Maker(defs)
    count = _constrained({"type": "integer"}, dict(declared_checks(Quantity))["value"])
    defs["Quantity"] = {
        "description": 'An exact count, or {"value": 3000, "qualifier": "about"}.',
        "oneOf": [count, maker.object_of(Quantity)],
    }
    defs["Fact"] = {
        "oneOf": [
            {"$ref": f"#/$defs/{maker.tagged(cls, tag, {})}"} for cls, tag in FACT_TAGS.items()
        ]
    }
    version = {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION}
    documents = [
        {"$ref": f"#/$defs/{maker.tagged(cls, tag, {VERSION_KEY: version}, 'Document')}"}
        for tag, cls in DOCUMENT_TYPES.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "municipal-reports document",
        "description": "A report or a single program report, as municipal-reports writes it.",
        "oneOf": documents,
        "$defs": dict(sorted(defs.items())),
    }


class _Maker:
    """Turns entity types into schemas, filling ``defs`` with one entry a class."""

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs

    def of(self, t: Any) -> dict[str, Any]:
        if t is str:
            return {"type": "string"}
        if t is int:
            return {"type": "integer"}
        if t is bool:
            return {"type": "boolean"}
        if t is Money or t is Percent or t is Quantity:
            return {"$ref": f"#/$defs/{t.__name__}"}
        if t is dt.date:
            return {"$ref": "#/$defs/Date"}
        if t == Fact:
            return {"$ref": "#/$defs/Fact"}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            self.defs.setdefault(t.__name__, {"enum": [m.value for m in t]})
            return {"$ref": f"#/$defs/{t.__name__}"}
        origin = typing.get_origin(t)
        if origin is tuple:
            return {"type": "array", "items": self.of(typing.get_args(t)[0])}
        if origin in (typing.Union, types.UnionType):
            args = typing.get_args(t)
            inner = [a for a in args if a is not type(None)]
            if len(inner) == 1 and len(args) == 2:
                return {"anyOf": [self.of(inner[0]), {"type": "null"}]}
        if attrs.has(t):
            if t.__name__ not in self.defs:
                self.defs[t.__name__] = {}  # reserve the name against recursion
                self.defs[t.__name__] = self.object_of(t)
            return {"$ref": f"#/$defs/{t.__name__}"}
        raise TypeError(f"no JSON Schema for {t!r}")  # a new field type: teach it here

    def object_of(self, cls: type, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        checks = dict(declared_checks(cls))
        properties = dict(extra or {})
        properties.update(
            {f.name: _constrained(self.of(hints[f.name]), checks.get(f.name)) for f in fields}
        )
        required = [*(extra or {}), *(f.name for f in fields if f.default is attrs.NOTHING)]
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if cls.__doc__:
            schema["description"] = cls.__doc__.strip().split("\n\n")[0]
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def tagged(self, cls: type, tag: str, extra: dict[str, Any], suffix: str = "Fact") -> str:
        name = f"{cls.__name__}{suffix}"
        self.defs[name] = self.object_of(cls, {TAG_KEY: {"const": tag}, **extra})
        return name


def _not_blank() -> str:
    """A pattern for text that shows something: one character outside
    :data:`~municipal_reports.domain.text.BLANK` (white space, controls, invisible format
    characters), as the construction checks require. Characters beyond the BMP are left
    out of the class: ECMA patterns without the ``u`` flag see them as surrogate pairs."""
    codes = sorted(ord(c) for c in BLANK if ord(c) <= 0xFFFF)
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = (f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return f"[^{''.join(parts)}]"


#: Text with something besides white space and invisible characters.
_NOT_BLANK = _not_blank()
#: A negative amount or percentage: a minus before anything but zero («-0.00» is zero).
_NEGATIVE = r"^-(?!0(?:\.0+)?$)"


def _constrained(schema: dict[str, Any], check: Check | None) -> dict[str, Any]:
    """``schema`` (a field's, from its type) with what the field's declared ``check`` adds."""
    if check is None:
        return schema
    if "anyOf" in schema:  # optional: the constraints are the non-null branch's
        value, null = schema["anyOf"]
        return {**schema, "anyOf": [_constrained(value, check), null]}
    extra: dict[str, Any] = {}
    if check.sequence:
        if check.non_empty:
            extra["minItems"] = 1
        if check.items_non_empty:
            extra["items"] = {**schema["items"], "pattern": _NOT_BLANK}
    elif check.types == (str,) and check.non_empty:
        extra["pattern"] = _NOT_BLANK
    elif check.types == (int,):
        if check.minimum is not None:
            extra["minimum"] = check.minimum
        if check.maximum is not None:
            extra["maximum"] = check.maximum
    elif check.types in ((Money,), (Percent,)) and check.minimum == 0:
        extra["not"] = {"pattern": _NEGATIVE}
    return {**schema, **extra}
