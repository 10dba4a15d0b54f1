"""A table's header rows, read by meaning: which role each column plays, whatever its order
and wording, and which of them the model keeps.

Councils word the same column many ways («Річний обсяг фінансування», «Заплановано на рік»,
«План на рік з урахуванням змін», «Затверджено», «Передбачено») and put columns in any
order, some in groups by fund (загальний / спеціальний фонд / разом) under a merged cell.
:func:`read_layout` joins a multi-row header column by column and gives each column a
:class:`Role`; a column it does not know stays in the table (its text goes to the note).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Final

import attrs

from municipal_reports.domain import MoneyUnit
from municipal_reports.parse.table.model import SourceRow

__all__ = [
    "MONEY_ROLES",
    "Column",
    "Fund",
    "Layout",
    "Role",
    "is_column_numbers",
    "is_header",
    "is_subheader",
    "read_layout",
    "role_of",
]


class Role(enum.Enum):
    """What a column of an execution table holds."""

    NUMBER = "number"
    TASK = "task"
    CONTENT = "content"
    TERM = "term"
    EXECUTORS = "executors"
    SOURCE = "funding source"
    INDICATIVE = "indicative"
    PLAN = "annual plan"
    ACTUAL = "actual"
    DEVIATION = "deviation"
    PERCENT = "percent"
    SHARE = "share"
    NOTE = "note"
    PROGRAM = "program"
    REPORTER = "report's executor"
    COMPUTED = "computed percent"
    AUDIT = "audit remarks"
    UNKNOWN = "unknown"


class Fund(enum.Enum):
    """The fund group a money column belongs to, where the table groups them."""

    GENERAL = "general fund"
    SPECIAL = "special fund"
    TOTAL = "total"


# Each role's words, tried in this order on the lower-cased label: the first match wins,
# so the specific wordings come before the general ones («% виконання» before «виконано»).
_ROLE_PATTERNS: Final[tuple[tuple[Role, re.Pattern[str]], ...]] = tuple(
    (role, re.compile(pattern))
    for role, pattern in (
        # A budget code (КПКВК, ККД, КФКВК) numbers its row as «№» does.
        (
            Role.NUMBER,
            r"^(№|n|номер|no\.?)\s*(з/п|п/п|з\\п)?\s*$|^№|^з/п$|^код\b|^кпквк|^кфквк|^ккд|^ктпквк",
        ),
        # A flat table of many reports (our CSV): the program and the report's executor
        # in every row, the computed percent and the audit's remarks beside the declared.
        (Role.PROGRAM, r"^програма$"),
        (Role.REPORTER, r"^виконавець$"),
        (Role.COMPUTED, r"^обчислене"),
        (Role.AUDIT, r"^зауваження\s+перевірки"),
        (Role.SHARE, r"питома\s+вага|частка"),
        (
            Role.DEVIATION,
            r"відхилення|(не)?виконання\s*\(\s*[+]|різниця|^\(\s*\+\s*[,/]\s*[-−–]\s*\)",
        ),
        (Role.PERCENT, r"%|відсот|рівень\s+виконання"),
        (Role.NOTE, r"інформаці|стан\s+виконання|результат|примітк|причини|пояснення"),
        (Role.INDICATIVE, r"орієнтовн|індикатив"),
        (
            Role.ACTUAL,
            r"фактичн|виконано|касов|використано|профінансовано|освоєно|надійшло",
        ),
        # «Обсяги фінансування на 2023 рік, передбачені Програмою»: one year's plan, not
        # the program's whole term.
        (Role.PLAN, r"на\s+\d{4}\s+рік\b"),
        (Role.INDICATIVE, r"відповідно\s+до\s+програми|передбачен\w*\s+програмою"),
        (
            Role.PLAN,
            r"річний|на\s+рік|план|затверджено|передбачено|уточнен|призначен|заплановано"
            r"|обсяг\s+фінансування|кошторисн",
        ),
        (Role.TERM, r"термін|строк|період\s+виконання|роки\s+виконання"),
        (Role.EXECUTORS, r"виконав|розпорядник|відповідальн|учасник"),
        (Role.SOURCE, r"джерел"),
        (Role.CONTENT, r"зміст|захід|заходи|заходів|найменування\s+заходу"),
        (
            Role.TASK,
            r"завдан|напрям|найменування|назва|показник|програм|об.?єкт"
            r"|стаття|галуз|підпрограм|доход|надходжен|видатк",
        ),
    )
)
_FUNDS: Final = (
    (Fund.GENERAL, re.compile(r"загальн\w*\s+фонд|загальний")),
    (Fund.SPECIAL, re.compile(r"спеціальн\w*\s+фонд|спеціальний|бюджет\w*\s+розвитку")),
    (Fund.TOTAL, re.compile(r"\bразом\b|\bусього\b|\bвсього\b")),
)
_FIGURE: Final = re.compile(r"[-−]?\d[\d \u00a0\u202f]*(?:[,.]\s?\d+)?\s*%?")
_LONGEST_LABEL: Final = 200
MONEY_ROLES: Final = (Role.INDICATIVE, Role.PLAN, Role.ACTUAL)
_FIELDS: Final = {Role.INDICATIVE: "indicative", Role.PLAN: "annual", Role.ACTUAL: "actual"}


# A header cell that is only a fund's name («Загальний фонд»).
_FUND_NAME: Final = re.compile(r"(загальний|спеціальний)\s+фонд\w*")
# A plan for a part of the year («План на січень-березень», «Уточнений план на період»).
_PART_OF_YEAR: Final = re.compile(
    r"січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листоп|груд|квартал|півріч"
    r"|місяц|на\s+період|звітн\w*\s+період"
)


# A word broken by a hyphen where Word hyphenated it («Профінан-совано», «фінансу-вання»).
_BROKEN_WORD: Final = re.compile(r"(?<=[а-яіїєґ])-\s?(?=[а-яіїєґ])")


def role_of(label: str) -> Role:
    """The role a header cell's words give its column (:attr:`Role.UNKNOWN` for none).

    >>> role_of("Профінан-совано за 2023 рік (тис. грн)").value
    'actual'
    """
    low = " ".join(label.lower().replace("’", "'").split())
    low = _BROKEN_WORD.sub("", low)
    if not low:
        return Role.UNKNOWN
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(low):
            return role
    return Role.UNKNOWN


def _fund_of(label: str) -> Fund | None:
    low = label.lower()
    for fund, pattern in _FUNDS:
        if pattern.search(low):
            return fund
    return None


def _unit_of(label: str) -> MoneyUnit | None:
    low = label.lower()
    if "млрд" in low or "мільярд" in low:
        return MoneyUnit.BILLION
    if "млн" in low or "мільйон" in low:
        return MoneyUnit.MILLION
    if "тис" in low:
        return MoneyUnit.THOUSAND
    if "грн" in low or "гривень" in low:
        return MoneyUnit.HRYVNIA
    return None


def _is_figure(text: str) -> bool:
    return _FIGURE.fullmatch(text.strip()) is not None


def is_header(row: SourceRow) -> bool:
    """Whether a row reads as an execution table's header row: no figures, and either a
    name column with at least one money column (plan, actual or indicative), or two money
    columns (a table of a program's own figures, by fund)."""
    if not row.tabular or len(row.cells) < 3:
        return False
    cells = [c for c in row.cells if c.strip()]
    # Labels are short and hold no figures; a row of prose (a page-broken note) is no header.
    if not cells or any(_is_figure(c) or len(c) > _LONGEST_LABEL for c in cells):
        return False
    roles = {role_of(c) for c in cells}
    names = roles & {Role.TASK, Role.CONTENT, Role.NUMBER}
    money = roles & set(MONEY_ROLES)
    return (
        (bool(names) and bool(money) and len(roles - {Role.UNKNOWN}) >= 3)
        or (len(money) >= 2 and len(cells) >= 3)
        or (len(cells) >= 3 and "з/п" in cells[0] and 0 not in row.copies)
    )


def is_column_numbers(row: SourceRow) -> bool:
    """Whether a row is the header's row of column numbers («1 2 3 … 10»)."""
    cells = [c.strip() for c in row.cells]
    return len(cells) > 3 and all(c == str(i + 1) for i, c in enumerate(cells))


def is_subheader(row: SourceRow) -> bool:
    """Whether a row continues the header above: no figures, and its words name funds,
    funding sources or roles (the second row of a merged header)."""
    if not row.tabular:
        return False
    cells = [c.strip() for c in row.body_cells() if c.strip()]
    if not cells or any(_is_figure(c) for c in cells):
        return False
    return all(
        _fund_of(c) is not None
        or role_of(c) in (*MONEY_ROLES, Role.PERCENT, Role.SHARE, Role.DEVIATION, Role.SOURCE)
        or re.search(r"бюджет|джерел|у тому числі|в т\.\s*ч", c.lower()) is not None
        for c in cells
    )


@attrs.frozen
class Column:
    """One column of the table: its 0-based index, its joined header label, its role,
    its fund group, the unit its label names and the top header cell above it (the group
    a merged cell makes, «Виконання з початку року»)."""

    index: int
    label: str
    role: Role
    fund: Fund | None = None
    unit: MoneyUnit | None = None
    group: str = ""


@attrs.frozen
class Layout:
    """Which column the model reads for each of its fields, and the columns it does not
    keep (reported, never dropped silently)."""

    ncols: int
    columns: tuple[Column, ...]
    money: dict[str, int]
    units: dict[str, MoneyUnit | None]
    percent: int
    deviation: int
    note: int
    number: int
    task: int
    content: int
    term: int
    executors: int
    source: int
    program: int
    reporter: int
    extra_notes: tuple[Column, ...]
    unkept: tuple[Column, ...]

    def money_role(self, field: str) -> Role:
        """The role of a model field's money column."""
        return {v: k for k, v in _FIELDS.items()}[field]


def _spread(top: list[str], below: list[str]) -> list[str]:
    """The top header row stretched over the columns of the row below it, where the
    source wrote a merged cell once (pasted text): the columns the lower row leaves blank
    at its start and end keep the top cells one to one, the rest share the remaining top
    cells equally."""
    if len(top) >= len(below):
        return top + [""] * (len(below) - len(top))
    lead = 0
    while lead < len(below) and not below[lead].strip() and lead < len(top) - 1:
        lead += 1
    trail = 0
    while (
        trail < len(below) - lead
        and not below[len(below) - 1 - trail].strip()
        and lead + trail < len(top) - 1
    ):
        trail += 1
    rest_top, rest_below = len(top) - lead - trail, len(below) - lead - trail
    if rest_top <= 0 or rest_below % rest_top:
        return top + [""] * (len(below) - len(top))
    span = rest_below // rest_top
    middle = [t for t in top[lead : len(top) - trail] for _ in range(span)]
    return top[:lead] + middle + top[len(top) - trail :]


def read_layout(header: Sequence[SourceRow], caption_unit: MoneyUnit | None = None) -> Layout:
    """The layout of a table from its header rows (one, or several joined column by
    column). A column whose label names no unit takes ``caption_unit`` (a «тис. грн»
    caption above the table)."""
    rows = [list(r.cells) for r in header]
    width = max(len(r) for r in rows)
    joined = [""] * width
    groups = [""] * width
    for k, cells in enumerate(rows):
        if k + 1 < len(rows) and len(cells) < len(rows[k + 1]):
            cells = _spread(cells, rows[k + 1])
        if k == 0 and len(rows) > 1:
            groups = [" ".join(c.split()) for c in cells] + [""] * (width - len(cells))
        for i, text in enumerate(cells):
            text = " ".join(text.split())
            if text and text not in joined[i]:
                joined[i] = f"{joined[i]} {text}".strip()
    columns = []
    for i, label in enumerate(joined):
        role = role_of(label)
        unit = _unit_of(label) or caption_unit
        columns.append(Column(i, label, role, _fund_of(label), unit, groups[i]))
    first = columns[0] if columns else None
    if (
        first is not None
        and first.role is Role.UNKNOWN
        and _FUND_NAME.fullmatch(first.label.lower())
        and not any(c.role in (Role.TASK, Role.CONTENT) for c in columns)
    ):
        # Kotelva's «Загальний фонд» over the names of the taxes: the first column, headed
        # by the fund its rows belong to, is the rows' name column.
        columns[0] = Column(0, first.label, Role.TASK, first.fund, first.unit, first.group)
    return _choose(width, columns)


def _pick(columns: list[Column], role: Role) -> tuple[Column | None, list[Column]]:
    """The column the model reads for a role (the «разом» group where funds are split)
    and the others of that role."""
    same = [c for c in columns if c.role is role]
    if not same:
        return None, []
    order = {Fund.TOTAL: 0, None: 1, Fund.GENERAL: 2, Fund.SPECIAL: 3}
    chosen = min(same, key=lambda c: (order[c.fund], c.index))
    return chosen, [c for c in same if c is not chosen]


def _plan_beside_actual(
    columns: list[Column],
    money: dict[str, int],
    units: dict[str, MoneyUnit | None],
    unkept: list[Column],
) -> None:
    """Where the kept plan stands outside the actual's header group and another plan of
    its fund stands inside it (an annual plan, then «Виконання з початку року» over the
    period's plan, the actual, the deviation and the percent), keep the one inside: the
    plan the group's percent and deviation are written against. Under a one-row header
    the same holds for a plan named for a part of the year between the year's plan and
    the actual."""
    if "annual" not in money or "actual" not in money:
        return
    plan, actual = columns[money["annual"]], columns[money["actual"]]
    if actual.group and plan.group != actual.group:
        nearer = [
            c
            for c in unkept
            if c.role is Role.PLAN
            and c.fund is plan.fund
            and c.group == actual.group
            and c.index < actual.index
        ]
    else:
        # One header row: «План на рік», «План на січень-березень», «Фактично надійшло за
        # січень-березень»: the plan for the part of the year stands between the year's
        # plan and the actual, and the percent beside the actual is written against it.
        nearer = [
            c
            for c in unkept
            if c.role is Role.PLAN
            and c.fund is plan.fund
            and plan.index < c.index < actual.index
            and _PART_OF_YEAR.search(c.label.lower())
        ]
    if not nearer:
        return
    chosen = max(nearer, key=lambda c: c.index)
    unkept[unkept.index(chosen)] = plan
    money["annual"], units["annual"] = chosen.index, chosen.unit


def _choose(width: int, columns: list[Column]) -> Layout:
    money: dict[str, int] = {}
    units: dict[str, MoneyUnit | None] = {}
    unkept: list[Column] = []
    for role in MONEY_ROLES:
        chosen, others = _pick(columns, role)
        unkept.extend(others)
        if chosen is not None:
            money[_FIELDS[role]] = chosen.index
            units[_FIELDS[role]] = chosen.unit
    _plan_beside_actual(columns, money, units, unkept)
    # The percent of the kept fund group: the one nearest after the actual column.
    percent, others = _pick(columns, Role.PERCENT)
    actual = money.get("actual", -1)
    pcts = [c for c in columns if c.role is Role.PERCENT]
    if len(pcts) > 1 and actual >= 0:
        after = [c for c in pcts if c.index > actual]
        percent = min(after, key=lambda c: c.index) if after else percent
        others = [c for c in pcts if c is not percent]
    unkept.extend(others)
    for role in (Role.DEVIATION, Role.SHARE, Role.COMPUTED, Role.AUDIT):
        unkept.extend(c for c in columns if c.role is role)
    # The deviation of the kept fund group, checked against plan − actual.
    plan = columns[money["annual"]] if "annual" in money else None
    devs = [c for c in columns if c.role is Role.DEVIATION]
    same = [c for c in devs if plan is not None and c.fund is plan.fund]
    deviation = same[0] if same else (devs[0] if len(devs) == 1 else None)
    first: dict[Role, int] = {}
    extra: list[Column] = []
    for c in columns:
        if c.role in (*MONEY_ROLES, Role.PERCENT, Role.DEVIATION, Role.SHARE, Role.COMPUTED):
            continue
        if c.role is Role.AUDIT:
            continue
        if c.role is Role.UNKNOWN or c.role in first:
            if c.role is Role.TASK and Role.CONTENT not in first and Role.TASK in first:
                first[Role.CONTENT] = c.index
                continue
            extra.append(c)
            continue
        first[c.role] = c.index
    return Layout(
        ncols=width,
        columns=tuple(columns),
        money=money,
        units=units,
        percent=percent.index if percent is not None else -1,
        deviation=deviation.index if deviation is not None else -1,
        note=first.get(Role.NOTE, -1),
        number=first.get(Role.NUMBER, -1),
        task=first.get(Role.TASK, -1),
        content=first.get(Role.CONTENT, -1),
        term=first.get(Role.TERM, -1),
        executors=first.get(Role.EXECUTORS, -1),
        source=first.get(Role.SOURCE, -1),
        program=first.get(Role.PROGRAM, -1),
        reporter=first.get(Role.REPORTER, -1),
        extra_notes=tuple(extra),
        unkept=tuple(unkept),
    )
