"""Text pasted from a PDF, where single spaces both separate cells and group thousands.

«3 Утримання бібліотек 12 405,7 6 118,2 49,32» reads as 12 405,7 | 6 118,2 | 49,32, or as
12 | 405,7 | 6 118,2 …: the tokens alone cannot tell. The header names the figure columns
in order (plan, actual, percent, deviation); of the ways to group a row's trailing tokens
into that many figures, the reader keeps the one under which the row's own arithmetic
holds (actual / plan = percent through the domain's :func:`percentage` rule, plan − actual
= deviation), and says so in a finding. Two readings that both hold, or several of which
none holds, are refused with the candidates listed. Each row is read on its own, so the
time is linear in the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from municipal_reports.domain import Percent, is_correct_rounding, is_truncation
from municipal_reports.errors import ParseError
from municipal_reports.parse.table.header import Role
from municipal_reports.parse.table.model import Cell, ImportFinding, SourceRow

__all__ = ["looks_spaced", "rows_from_spaced_text"]

_FIGURE_ROLES: Final = (Role.INDICATIVE, Role.PLAN, Role.ACTUAL, Role.DEVIATION, Role.PERCENT)
_ROLE_WORDS: Final = (
    (Role.INDICATIVE, re.compile(r"орієнтовн\w*")),
    (Role.PERCENT, re.compile(r"%\s*виконання|відсоток\s+виконання|%")),
    (Role.DEVIATION, re.compile(r"відхилення")),
    (
        Role.ACTUAL,
        re.compile(r"виконано|фактично\s+\w+|касові\s+видатки|використано|профінансовано"),
    ),
    (
        Role.PLAN,
        re.compile(r"заплановано|план\w*|затверджено|передбачено|річний\s+обсяг"),
    ),
)
_NAME_WORDS: Final = re.compile(r"назва|найменування|напрям|зміст|захід|завдання|показник", re.I)
_TOKEN: Final = re.compile(r"^(?:\d+(?:,\d+)?%?|[-–—хx]|тис\.?|грн\.?)$")
_UNIT: Final = re.compile(r"^(?:тис\.?|грн\.?)$")
_ROW: Final = re.compile(r"^\s*(?:(\d{1,3}(?:\.\d{1,2})*)\.?\s+)?(\S.*)$")
_TOTAL: Final = re.compile(r"^(?:всього|разом|усього)\b", re.I)
# A row's figures are few; a tail longer than this is not a row of this table.
_MAX_TAIL: Final = 24
_MAX_READINGS: Final = 256


def _roles_in(header: str) -> list[Role]:
    """The figure columns a header line names, in the order it names them."""
    low = header.lower()
    found: list[tuple[int, Role]] = []
    taken: list[tuple[int, int]] = []
    for role, pattern in _ROLE_WORDS:
        for m in pattern.finditer(low):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), role))
            break
    return [r for _, r in sorted(found)]


def looks_spaced(text: str) -> bool:
    """Whether ``text`` holds a header line naming figure columns but no tab-separated or
    markdown table (text pasted from a PDF)."""
    if "\t" in text or "\n|" in text or text.startswith("|"):
        return False
    lines = text.splitlines()[:200]
    return any(
        _NAME_WORDS.search(line) and len(_roles_in(" ".join(lines[i : i + 6]))) >= 2
        for i, line in enumerate(lines)
    )


def _with_units(tokens: Sequence[str]) -> list[str]:
    """The tokens with a unit word («тис.», «грн») joined to the figure before it."""
    out: list[str] = []
    for token in tokens:
        if _UNIT.match(token) and out and out[-1][:1].isdigit() and " " not in out[-1]:
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out


def _figures(tokens: Sequence[str]) -> Iterator[list[str]]:
    """Every way to read ``tokens`` as consecutive figures written with spaces between
    groups of three digits (a figure's decimals, or its unit, end it)."""
    if not tokens:
        yield []
        return
    first = tokens[0]
    if not first[0].isdigit():
        for rest in _figures(tokens[1:]):
            yield [first, *rest]
        return
    whole = first.split(" ")[0].split(",")[0].rstrip("%")
    if len(whole) > 1 and whole.startswith("0"):
        return  # no figure starts with a zero but zero itself («0,5», never «080»)
    figure = [first]
    done = "," in first or first.endswith("%") or " " in first
    for rest in _figures(tokens[1:]):
        yield [first, *rest]
    if done or len(whole) > 3:
        return
    for k in range(1, len(tokens)):
        token = tokens[k]
        digits = token.split(" ")[0].split(",")[0].rstrip("%")
        if len(digits) != 3 or not digits.isdigit():
            return
        figure.append(token)
        for rest in _figures(tokens[k + 1 :]):
            yield [" ".join(figure), *rest]
        if "," in token or token.endswith("%") or " " in token:
            return


def _value(text: str) -> Decimal | None:
    """A figure's value in hryvnias where it names «тис.» (else as written)."""
    words = text.split(" ")
    scale = 1000 if words[-1].startswith("тис") else 1
    body = "".join(w for w in words if not _UNIT.match(w)).rstrip("%").replace(",", ".")
    try:
        return Decimal(body) * scale
    except ArithmeticError:
        return None


def _holds(
    roles: Sequence[Role], figures: Sequence[str], *, truncated: bool = False
) -> bool | None:
    """Whether a reading's arithmetic holds (``None``: the row gives nothing to check).

    Every figure counts as the interval it was rounded from (its step: a unit of its last
    decimal, in thousands where it says «тис.»), as the domain's rounding rule does. With
    ``truncated`` a percent cut after its decimals instead of rounded also holds (open-budget
    pages write 84,446 as 84,44): the digits are kept as written, and the audit reports
    them (MR206)."""
    written = dict(zip(roles, figures, strict=True))
    if Role.PLAN not in written or Role.ACTUAL not in written:
        return None
    values = {r: _value(f) for r, f in written.items()}
    plan, actual = values[Role.PLAN], values[Role.ACTUAL]
    if plan is None or actual is None:
        return None
    steps = {r: _step(f) for r, f in written.items()}
    scale = 10 ** max(_places(f) for f in written.values())
    p, a = int(plan * scale), int(actual * scale)
    step_p, step_a = int(steps[Role.PLAN] * scale), int(steps[Role.ACTUAL] * scale)
    checks: list[bool] = []
    pct = values.get(Role.PERCENT)
    if pct is not None:
        declared = Percent(pct)
        checks.append(
            p != 0
            and (
                is_correct_rounding(declared, a, p, part_step=step_a, whole_step=step_p)
                or (truncated and is_truncation(declared, a, p))
            )
        )
    dev = values.get(Role.DEVIATION)
    if dev is not None:
        band = (step_p + step_a + int(steps[Role.DEVIATION] * scale)) / 2
        checks.append(abs(dev * scale - (p - a)) <= band)
    return all(checks) if checks else None


def _bare(text: str) -> str:
    return " ".join(w for w in text.split(" ") if not _UNIT.match(w)).rstrip("%")


def _places(text: str) -> int:
    """The decimals a figure is written with."""
    body = _bare(text)
    return len(body.split(",")[1]) if "," in body else 0


def _step(text: str) -> Decimal:
    """The amount a figure was rounded to: a unit of its last decimal, times a thousand
    where it says «тис.»."""
    scale = 1000 if text.split(" ")[-1].startswith("тис") else 1
    return Decimal(1).scaleb(-_places(text)) * scale


def rows_from_spaced_text(
    text: str,
) -> tuple[list[SourceRow], list[tuple[int, ImportFinding]]]:
    """The rows of a table pasted from a PDF, as cells, with a finding for every row whose
    figures had more than one reading."""
    lines = text.splitlines()
    rows: list[SourceRow] = []
    findings: list[tuple[int, ImportFinding]] = []
    roles: list[Role] = []
    header_at = -1
    pending: list[str] = []
    carry: tuple[int, str] | None = None
    unit = ""
    for no, line in enumerate(lines, start=1):
        if header_at < 0:
            joined = " ".join([*pending, line]) if pending else line
            if _NAME_WORDS.search(line) and not pending:
                pending = [line]
                found = _roles_in(line)
            elif pending:
                pending.append(line)
                found = _roles_in(joined)
            else:
                rows.append(SourceRow.paragraph(no, line))
                continue
            if len(found) >= 2 and _starts_row(lines, no, len(found)):
                roles = found
                header_at = no
                low = joined.lower()
                unit = ", тис. грн" if "тис" in low else ", грн" if "грн" in low else ""
                labels = [
                    "№",
                    "Назва",
                    *(_LABELS[r] + ("" if r is Role.PERCENT else unit) for r in roles),
                ]
                rows.append(SourceRow(no, tuple(labels)))
                pending = []
            elif len(pending) > 6:
                rows.extend(
                    SourceRow.paragraph(no - len(pending) + 1 + k, t) for k, t in enumerate(pending)
                )
                pending = []
            continue
        if carry is not None:
            # The line before had no figures: the start of this row's name, wrapped.
            row = _read_row(no, f"{carry[1]} {line}", roles, findings)
            if row is None:
                rows.append(SourceRow.paragraph(*carry))
                rows.append(SourceRow.paragraph(no, line))
            else:
                rows.append(row)
            carry = None
            continue
        row = _read_row(no, line, roles, findings)
        if row is None and line.strip() and not _TOTAL.match(line.strip()):
            carry = (no, line)
            continue
        rows.append(row if row is not None else SourceRow.paragraph(no, line))
    if carry is not None:
        rows.append(SourceRow.paragraph(*carry))
    return rows, findings


_LABELS: Final = {
    Role.INDICATIVE: "Орієнтовний обсяг",
    Role.PLAN: "Заплановано",
    Role.ACTUAL: "Виконано",
    Role.DEVIATION: "Відхилення",
    Role.PERCENT: "% виконання",
}


def _starts_row(lines: list[str], no: int, count: int) -> bool:
    """Whether the line after line ``no`` (1-based) reads as a table row."""
    if no >= len(lines):
        return False
    tail = _with_units(_tail(lines[no].split())[0])
    return sum(t[:1].isdigit() for t in tail) >= count


def _tail(words: list[str]) -> tuple[list[str], int]:
    """A line's trailing run of figure tokens, and its length."""
    k = len(words)
    while k > 0 and _TOKEN.match(words[k - 1]) and len(words) - k < _MAX_TAIL:
        k -= 1
    tail = words[k:]
    return tail, len(tail)


def _read_row(
    no: int, line: str, roles: list[Role], findings: list[tuple[int, ImportFinding]]
) -> SourceRow | None:
    words = line.split()
    tail, size = _tail(words)
    if size < len(roles):
        return None
    head = words[: len(words) - size]
    m = _ROW.match(" ".join(head)) if head else None
    number, name = (m.group(1) or "", m.group(2)) if m else ("", "")
    if not name and head:
        name = " ".join(head)
    readings: list[tuple[list[str], list[str]]] = []
    tail = _with_units(tail)
    size = len(tail)
    for skip in range(0, size - len(roles) + 1):
        # Leading tokens may end the name («Школа № 5»): every split is a reading.
        for figures in _figures(tail[skip:]):
            if len(figures) == len(roles):
                readings.append((tail[:skip], figures))
            if len(readings) > _MAX_READINGS:
                break
    if not readings:
        return None
    if len(readings) > 1:
        holding = [r for r in readings if _holds(roles, r[1])]
        cut = ""
        if not holding:
            # Only where no reading holds by rounding: a percent truncated, not rounded.
            holding = [r for r in readings if _holds(roles, r[1], truncated=True)]
            cut = "; its percent is truncated, not rounded (the audit's MR206)" if holding else ""
        if len(holding) != 1:
            listed = "; ".join(" | ".join(f) for _, f in readings[:8])
            why = "two or more readings" if holding else "no reading"
            raise ParseError(
                line,
                0,
                f"line {no}: {why} of the figures make the row's arithmetic hold "
                f"(actual / plan = percent, plan − actual = deviation); candidates: {listed}",
                expected="one reading of a row pasted from a PDF",
            )
        extra, figures = holding[0]
        findings.append(
            (
                no,
                ImportFinding(
                    "IMP205",
                    "spaced-figures",
                    "",
                    (Cell(no, 0, line),),
                    " | ".join(figures),
                    f"the row's figures are separated by single spaces, as are their "
                    f"thousands; of {len(readings)} readings only this one makes the row's "
                    f"arithmetic hold{cut}",
                ),
            )
        )
    else:
        extra, figures = readings[0]
    if extra:
        name = " ".join([name, *extra]).strip()
    if _TOTAL.match(number or name):
        return SourceRow(no, ("", name, *figures))
    return SourceRow(no, (number, name, *figures))
