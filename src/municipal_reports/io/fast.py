"""The fast road for program-report documents, generated from the entities' declarations.

Bulk tools load program reports by the hundred thousand, and most of a load's time went to
generic machinery (cattrs dispatch, a construction check per object). This module reads a
document's objects directly: for each entity class it generates, once, a reader from the
class's attrs fields and the check each field declares (``domain._checks``), the way attrs
generates ``__init__``. The reader checks exactly what the converter and the declared
checks would (types, canonical money and percent text, bounds, non-empty text, no unknown
keys) and builds the object without running those checks a second time; a class with
checks beyond its fields' declarations is built by its constructor, which runs them all.

A program report holds a few hundred objects, so calls count: each class's statements are
written inline in the reader of the class that holds it (one function reads a whole
report), money and percent figures are read once per document (a memo keyed by their
text: an annual plan repeats as the actual, «100.00» repeats everywhere), and small values
(terms, periods, decisions, formats) once per memo.

It never decides that a document is bad: on anything unusual it gives up, and the caller
reads the document with the converter, which builds the same objects or raises the detailed
:class:`~municipal_reports.errors.StructureError`. So the fast road changes the speed and
nothing else; a test compares both roads on good and broken documents.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from municipal_reports.domain import (
    Check,
    Money,
    Percent,
    ProgramReport,
    declared_checks,
    has_only_declared_checks,
)
from municipal_reports.domain.text import BLANK
from municipal_reports.io.converter import DATE_PATTERN

__all__ = ["Reader", "program_report", "reader"]

Structure = Callable[[Any, Any], Any]

_DATE: Final = re.compile(DATE_PATTERN)


class _Unusual(Exception):
    """Not the common shape: let the converter read this document."""


#: How many values a memo of read money or percent texts keeps before it starts afresh (a
#: caller's memo may serve many documents).
_VALUES_LIMIT: Final = 4096


class _Values:
    """The key, in a reader's memo, of the values it has read from each text: an amount
    repeats through a document (the annual plan as the actual), a percent more so («100.00»)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name} read>"


_MONEYS: Final = _Values("moneys")
_PERCENTS: Final = _Values("percents")


def _date(value: Any) -> dt.date:
    if value.__class__ is not str or _DATE.fullmatch(value) is None:
        raise _Unusual
    return dt.date.fromisoformat(value)  # a ValueError gives up too


_BLANK_SET: Final = frozenset(BLANK)


def _shows(text: str) -> str:
    """The expression of whether ``text`` shows something (not
    :func:`~municipal_reports.domain.text.is_blank`): a first character that shows settles
    it, as strip(BLANK) costs 7× a plain strip."""
    return f"(({text} and {text}[0] not in _BLANK_SET) or {text}.strip(_BLANK))"


_SCALARS: Final = (str, int, Money, Percent, dt.date)


def _is_scalar(check: Check) -> bool:
    return not check.sequence and all(
        issubclass(t, _SCALARS) or issubclass(t, enum.Enum) for t in check.types
    )


class _Generator:
    """Writes one reader function per entity class, into one shared namespace."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {
            "_Unusual": _Unusual,
            "_MISSING": attrs.NOTHING,
            "_money": Money.from_canonical,
            "_percent": Percent.from_canonical,
            "_MONEYS": _MONEYS,
            "_PERCENTS": _PERCENTS,
            "_VALUES_LIMIT": _VALUES_LIMIT,
            "_BLANK": BLANK,
            "_BLANK_SET": _BLANK_SET,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_date": _date,
        }
        self.done: set[type] = set()
        #: Every class whose statements were written, inline or in its own reader.
        self.seen: set[type] = set()
        #: The memos of read texts («moneys», «percents») the reader being written uses.
        self.needs: set[str] = set()
        #: The classes whose statements are being written, outermost first.
        self.inlining: list[type] = []

    def name(self, value: object) -> str:
        key = f"_k{len(self.env)}"
        self.env[key] = value
        return key

    def reader(self, cls: type) -> str:
        """The name of ``cls``'s reader, generating it (and those it calls) if needed."""
        fn = f"read_{cls.__name__}"
        if cls not in self.done:
            self.done.add(cls)
            self.generate(cls, fn)
        return fn

    def generate(self, cls: type, fn: str) -> None:
        # A reader may be generated while another is being written: each has its own.
        saved = self.needs, self.inlining
        self.needs, self.inlining = set(), [cls]
        body = self.body(cls, "data", "found", "")
        lines = [f"def {fn}(data, st, memo):"]
        for memo_of in sorted(self.needs):
            lines += [
                f"    {memo_of} = memo.get(_{memo_of.upper()})",
                f"    if {memo_of} is None or len({memo_of}) > _VALUES_LIMIT:",
                f"        {memo_of} = memo[_{memo_of.upper()}] = {{}}",
            ]
        lines += [f"    {line}" for line in body]
        lines.append("    return found")
        self.needs, self.inlining = saved
        source = "\n".join(lines) + "\n"
        exec(compile(source, f"<reader {cls.__name__}>", "exec"), self.env)

    def body(self, cls: type, data: str, out: str, p: str) -> list[str]:
        """Statements that read the raw ``data`` into a ``cls`` object in ``out`` (their
        local names start with ``p``), to stand in a reader function or inline in the
        statements of the class that holds a ``cls`` (no call per object)."""
        self.seen.add(cls)
        checks = dict(declared_checks(cls))
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        get, known = f"{p}get", f"{p}known"
        lines = [
            f"if {data}.__class__ is not dict:",
            "    raise _Unusual",
            # Each field found counts one key: any key left over is unknown (checked below,
            # cheaper than comparing the key sets).
            f"{known} = {len(fields)}",
            f"{get} = {data}.get",
        ]
        trusted = has_only_declared_checks(cls) and not any(f.converter for f in fields)
        scalar = all(f.name in checks and _is_scalar(checks[f.name]) for f in fields)
        memo = not trusted and scalar
        keyed: list[str] = []  # what the memo knows a small value by
        names = [f"{p}v{i}" for i in range(len(fields))]
        for f, value in zip(fields, names, strict=False):
            lines.append(f"{value} = {get}({f.name!r}, _MISSING)")
            lines.append(f"if {value} is _MISSING:")
            if f.default is attrs.NOTHING:
                lines.append("    raise _Unusual")
            else:
                lines.append(f"    {known} -= 1")
                lines.append(f"    {value} = {self.name(f.default)}")
            check = checks.get(f.name)
            if check is not None and check.optional:
                lines.append(f"elif {value} is None:")
                lines.append("    pass")
            lines.append("else:")
            converted = self.convert(value, check, hints[f.name])
            if converted is None:
                trusted = False  # the converter read it: let the constructor check it too
                converted = [f"{value} = st({value}, {self.name(hints[f.name])})"]
                # Its type too: True == 1, but the constructor may refuse one of them.
                keyed.append(f"{value}.__class__")
            keyed.append(value)
            lines += [f"    {line}" for line in converted]
        lines += [f"if len({data}) != {known}:", "    raise _Unusual  # an unknown key"]
        if trusted:
            # Set the fields without the construction checks (the reader made them), as
            # attrs' own __init__ of a frozen class sets them.
            lines.append(f"{out} = _new({self.name(cls)})")
            lines += [f"_set({out}, {f.name!r}, {v})" for f, v in zip(fields, names, strict=False)]
        else:
            made = f"{self.name(cls)}({', '.join(names)})"
            if memo:
                # Small values repeat through a document (terms, periods, formats): build
                # each once, with its constructor's checks. The fields read above are
                # exactly of their declared types, so equal fields make an equal object.
                lines += [
                    f"{p}key = ({self.name(cls)}, {', '.join(keyed)})",
                    f"{out} = memo.get({p}key)",
                    f"if {out} is None:",
                    f"    {out} = memo[{p}key] = {made}",
                ]
            else:
                lines.append(f"{out} = {made}")
        return lines

    def nested(self, kind: type, v: str) -> list[str]:
        """Statements that read the raw ``v`` into a ``kind`` object in ``v``: inline."""
        if kind in self.inlining:  # a class that holds itself: its reader calls itself
            return [f"{v} = {self.reader(kind)}({v}, st, memo)"]
        self.inlining.append(kind)
        try:
            return self.body(kind, v, v, f"{v}_")
        finally:
            self.inlining.pop()

    def convert(self, v: str, check: Check | None, hint: Any) -> list[str] | None:
        """Statements that check the raw ``v`` and turn it into the field's value (raising
        ``_Unusual`` where the converter or the check would refuse it); ``None`` when
        only the converter knows how."""
        if check is None or len(check.types) != 1:
            return None
        (kind,) = check.types
        if check.sequence:
            if check.items_non_empty:
                return [
                    f"if {v}.__class__ is not list:",
                    "    raise _Unusual",
                    f"for item in {v}:",
                    f"    if item.__class__ is not str or not {_shows('item')}:",
                    "        raise _Unusual",
                    f"{v} = tuple({v})",
                ]
            if not attrs.has(kind):
                return None
            item, items = f"{v}_i", f"{v}_items"
            lines = [
                f"if {v}.__class__ is not list:",
                "    raise _Unusual",
                f"{items} = []",
                f"for {item} in {v}:",
                *[f"    {line}" for line in self.nested(kind, item)],
                f"    {items}.append({item})",
                f"{v} = tuple({items})",
            ]
            if check.non_empty:
                lines += [f"if not {v}:", "    raise _Unusual"]
            return lines
        if kind is str:
            test = f"{v}.__class__ is not str"
            if check.non_empty:
                test += f" or not {_shows(v)}"  # invisible text is empty
            return [f"if {test}:", "    raise _Unusual"]
        if kind is int:
            test = f"{v}.__class__ is not int"
            if check.minimum is not None:
                test += f" or {v} < {check.minimum}"
            if check.maximum is not None:
                test += f" or {v} > {check.maximum}"
            return [f"if {test}:", "    raise _Unusual"]
        if kind is Money or kind is Percent:
            if check.minimum != 0:
                return None
            read, memo_of = ("_money", "moneys") if kind is Money else ("_percent", "percents")
            self.needs.add(memo_of)
            return [
                f"value = {memo_of}.get({v}) if {v}.__class__ is str else None",
                "if value is None:",
                # Canonical text is negative exactly when it starts with a minus.
                f"    if {v}.__class__ is not str or {v}[:1] == '-':",
                "        raise _Unusual",
                f"    value = {read}({v})",
                "    if value is None:",
                "        raise _Unusual",
                f"    {memo_of}[{v}] = value",
                f"{v} = value",
            ]
        if kind is dt.date:
            return [f"{v} = _date({v})"]
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            members = self.name({m.value: m for m in kind})
            return [
                f"{v} = {members}.get({v}) if {v}.__class__ is str else None",
                f"if {v} is None:",
                "    raise _Unusual",
            ]
        if attrs.has(kind) and declared_checks(kind):
            return self.nested(kind, v)
        return None


#: A generated reader: the raw value, the converter's ``structure``, the memo of small values.
Reader = Callable[[Any, Structure, dict[Any, Any]], Any]


@functools.cache
def _generator() -> _Generator:
    generator = _Generator()
    generator.reader(ProgramReport)
    # Every class a program report holds gets its own reader too, now: a generator that is
    # complete is never written to again, so threads may share it.
    for cls in sorted(generator.seen - generator.done, key=lambda c: c.__qualname__):
        generator.reader(cls)
    return generator


def reader(cls: type) -> Reader:
    """The generated reader of ``cls`` (an entity a program report holds): it returns the
    object or raises on anything the converter would read otherwise or refuse."""
    generator = _generator()
    found: Reader = generator.env[generator.reader(cls)]
    return found


def _program_report_reader() -> Callable[[Any, Structure, dict[Any, Any]], ProgramReport]:
    """The generated reader of a program report's fields (built on first use)."""
    return reader(ProgramReport)


def program_report(data: dict[str, Any], structure: Structure) -> ProgramReport | None:
    """The program report of the document fields ``data`` (without ``format_version`` and
    ``type``), or ``None`` when it is not of the common shape and must be read by the
    converter. ``structure(value, type)`` reads, with the converter, any field whose
    declaration the generated readers do not cover."""
    try:
        return _program_report_reader()(data, structure, {})
    except Exception:
        # Anything at all: the converter reads the document again and says what is wrong.
        return None
