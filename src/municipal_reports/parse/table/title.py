"""The lines around a table: the title block above it (program, period, approving
decisions, responsible executors, term, a unit caption) and the signature below it."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
from typing import Final

from municipal_reports.domain import Decision, MoneyUnit, ReportingPeriod, Signatory, YearSpan
from municipal_reports.errors import MunicipalReportsError, ParseError
from municipal_reports.parse.table.model import SourceRow
from municipal_reports.parse.values import (
    find_decisions,
    is_person,
    parse_as_of,
    parse_period,
    parse_person,
    parse_year_span,
)

__all__ = [
    "Title",
    "caption_unit",
    "clean",
    "period_before",
    "read_signatory",
    "read_title",
    "signature_line",
    "split_bodies",
]

_SPAN_IN_TEXT: Final = re.compile(r"\d{4}\s?[-–—]\s?\d{4}")
_ZA: Final = re.compile(r"(?:^|\s)за\s", re.I)
_AS_OF: Final = re.compile(r"(?:^|\s)(станом\s+на)\s", re.I)
# «про результати виконання … у 2023 році»: a year named without «за».
_IN_YEAR: Final = re.compile(r"(?:^|\s)у\s+(\d{4})\s+році\b", re.I)
_GUILLEMETS: Final = re.compile(r"«([^«»]{1,500})»")
_CAPTION: Final = re.compile(
    r"^\(?\s*(?:одиниця\s+виміру:?\s*)?(?:у\s+|в\s+)?(тис\.?|тисяч\w*|млн\.?|мільйон\w*)?\s*"
    r"(грн|гривень)\.?\s*\)?$",
    re.I,
)
# Cyrillic «І», «ІІ» in a period («за І півріччя») read as the Roman numerals they are.
_CYRILLIC_ROMAN: Final = re.compile(r"^(І{1,3}|ІV|V)(?=\s)")


@dataclasses.dataclass
class Title:
    """What the title block says."""

    title: str = ""
    periods: list[tuple[SourceRow, ReportingPeriod]] = dataclasses.field(default_factory=list)
    # The «станом на» dates among ``periods``: the period's index -> the date as written.
    as_of: dict[int, tuple[str, dt.date]] = dataclasses.field(default_factory=dict)
    decisions: list[Decision] = dataclasses.field(default_factory=list)
    responsible: tuple[str, ...] = ()
    term: YearSpan | None = None
    lines: list[str] = dataclasses.field(default_factory=list)
    named_program: str = ""
    executor: str = ""
    council: str = ""

    @property
    def program(self) -> str:
        """The program's name: a «Програма: …» line, else the quoted name in the title,
        else one quoted on a line of the block (a passport's «3. 0114082 «…»»), else the
        whole title."""
        if self.named_program:
            return self.named_program
        for text in (self.title, *self.lines):
            m = _GUILLEMETS.search(text)
            if m is not None:
                return m.group(1)
        return self.title


def clean(text: str) -> str:
    """A line with markdown marks (emphasis, escapes, a heading's «#», a list's «- ») and
    runs of spaces and underscores removed."""
    text = text.replace("**", "").replace("\\_", "_").replace("\\*", "*")
    text = " ".join(text.split()).strip(" _")
    if text.startswith(("# ", "## ", "### ", "- ")):
        text = text.split(" ", 1)[1].strip()
    return text


# A council named on a line of its own («ТЕПЛОДАРСЬКА МІСЬКА РАДА», «Борщівська міська рада»).
_COUNCIL: Final = re.compile(
    r"^[А-ЯІЇЄҐ][А-ЯІЇЄҐа-яіїєґ'’ʼ-]+\s+(?:міська|сільська|селищна|обласна|районна)\s+рада$", re.I
)


# Labelled lines of the title block, as the official form and our renderers write them.
_LABELLED: Final = (
    ("program", "програма:"),
    ("period", "звітний період:"),
    ("executor", "виконавець:"),
)


_BODY_START: Final = re.compile(
    r"[,;]\s*(?=(?:управлінн|відділ|департамент|служб|комунальн|центр|виконавч|сектор|інспекці"
    r"|апарат|секретаріат|головн|міськ|сільськ|селищн|КП|КНП|КУ)\w*)",
    re.I,
)


def split_bodies(text: str) -> tuple[str, ...]:
    """Executors named in one cell or line: split at a comma or semicolon only where the
    next name starts like a body («…, управління …»), so «управління у справах сім'ї,
    молоді та спорту» stays one."""
    return tuple(p.strip() for p in _BODY_START.split(text) if p.strip())


def signature_line(text: str) -> tuple[str, str] | None:
    """A signature written on one line («Начальник відділу ____ Ім'я ПРІЗВИЩЕ», or with
    a wide gap): the position and the person, if the line ends with a person's name."""
    body = clean(text.replace("\t", " "))
    body = re.sub(r"_{2,}", " ", body)
    words = body.split()
    for k in (3, 2):
        if len(words) > k:
            person = " ".join(words[-k:])
            if words[-k][:1].isupper() and is_person(person):
                return " ".join(words[:-k]).strip(" _"), person
    return None


def _after_label(text: str, label: str) -> str:
    rest = text[len(label) :] if text.lower().startswith(label.lower()) else text
    return rest.lstrip(" :").strip()


def _period(phrase: str) -> ReportingPeriod:
    try:
        return parse_period(phrase)
    except ParseError:
        latin = _CYRILLIC_ROMAN.sub(lambda m: m.group().replace("І", "I"), phrase)
        if latin == phrase:
            raise
        return parse_period(latin)


def period_before(day: dt.date) -> ReportingPeriod:
    """The period figures given «станом на» ``day`` cover: the year so far. A first of a
    month is the start of that day («станом на 01.07.2024» closes 30 June; 1 January, the
    whole previous year), a last of a month its end («станом на 31.12.2023» is the year);
    any other day, up to the day before. Whole months make the named kind.

    >>> period_before(dt.date(2024, 7, 1)).name_uk, period_before(dt.date(2018, 1, 1)).name_uk
    ('I півріччя 2024 року', '2017 рік')
    >>> period_before(dt.date(2023, 12, 31)).name_uk
    '2023 рік'
    """
    following = day + dt.timedelta(days=1)
    last = day if following.day == 1 else day - dt.timedelta(days=1)
    if last.month == (last + dt.timedelta(days=1)).month:
        return ReportingPeriod.between(dt.date(last.year, 1, 1), last)
    return ReportingPeriod.months(last.year, 1, last.month)


def _as_of_in(text: str, start: int) -> tuple[str, dt.date] | None:
    """The «станом на» date that starts at ``start``, as written, or ``None``."""
    words = text[start:].split()[:6]
    for k in range(len(words), 2, -1):
        phrase = " ".join(words[:k]).rstrip(".,;")
        try:
            return phrase, parse_as_of(phrase)
        except ParseError:
            continue
    return None


def _periods_in(
    row: SourceRow, text: str
) -> list[tuple[SourceRow, ReportingPeriod, tuple[str, dt.date] | None]]:
    """The periods a title line names, in the order it names them; a «станом на» date
    comes with its period, as written."""
    found: list[tuple[int, ReportingPeriod, tuple[str, dt.date] | None]] = []
    for m in _ZA.finditer(text):
        words = text[m.end() :].split()[:6]
        for k in range(len(words), 0, -1):
            phrase = " ".join(words[:k]).rstrip(".,;")
            try:
                found.append((m.start(), _period(phrase), None))
                break
            except ParseError:
                continue
    for m in _IN_YEAR.finditer(text):
        with contextlib.suppress(ParseError, MunicipalReportsError):
            found.append((m.start(), ReportingPeriod.year(int(m.group(1))), None))
    for m in _AS_OF.finditer(text):
        read = _as_of_in(text, m.start(1))
        # A date at the edge of the calendar (01.01 of the first year) makes no period.
        with contextlib.suppress(MunicipalReportsError, OverflowError):
            if read is not None:
                found.append((m.start(), period_before(read[1]), read))
    return [(row, p, a) for _, p, a in sorted(found, key=lambda f: f[0])]


def caption_unit(preamble: list[SourceRow]) -> tuple[MoneyUnit | None, SourceRow | None]:
    """The unit a caption just above the table names («тис. грн», «(грн)», «млн грн»,
    «Одиниця виміру: грн»), if any."""
    for row in reversed(preamble[-3:]):
        text = clean(row.text).replace("\t", " ").strip()
        m = _CAPTION.match(text) if len(text) < 30 else None
        if m is not None:
            scale = (m.group(1) or "").lower()
            if scale.startswith(("млн", "мільйон")):
                return MoneyUnit.MILLION, row
            return (MoneyUnit.THOUSAND if scale else MoneyUnit.HRYVNIA), row
    return None, None


def read_title(preamble: list[SourceRow], council: str) -> Title:
    """The title block: title lines up to the first labelled line, then the labelled
    lines (decisions, responsible executor, term)."""
    head = Title()
    title_lines: list[str] = []
    section = "title"
    decision_text: list[str] = []
    for row in preamble:
        text = clean(row.text.replace("\t", " "))
        if not text:
            continue
        head.lines.append(text)
        low = text.lower()
        named = _COUNCIL.match(text)
        if named is not None and not head.council:
            head.council = named.group(0).strip()
        label = next((f for f, start in _LABELLED if low.startswith(start)), None)
        if label is not None:
            value = text.split(":", 1)[1].strip()
            if label == "program" and value:
                head.named_program = value
            elif label == "executor":
                head.executor = value
            elif label == "period":
                with contextlib.suppress(ParseError):
                    head.periods.insert(0, (row, _period(value.rstrip("."))))
                    head.as_of = {k + 1: v for k, v in head.as_of.items()}
            section = "other"
            continue
        if low.startswith("дата і номер"):
            section = "decisions"
        elif low.startswith("відповідальний виконавець"):
            section = "responsible"
            rest = _after_label(text, "Відповідальний виконавець Програми")
            head.responsible = split_bodies(rest.rstrip("."))
            continue
        elif low.startswith("термін реалізації"):
            section = "term"
            span = _SPAN_IN_TEXT.search(text)
            if span is not None:
                head.term = parse_year_span(span.group())
            continue
        elif re.match(r"\d+\.\s", text) or _CAPTION.match(text):
            section = "other"
        if section == "title":
            title_lines.append(text)
        elif section == "decisions":
            decision_text.append(text)
        for at, period, as_of in _periods_in(row, text) if section == "title" else []:
            if as_of is not None:
                head.as_of[len(head.periods)] = as_of
            head.periods.append((at, period))
    joined = " ".join(decision_text)
    if ":" in joined:
        joined = joined.split(":", 1)[1]
    if not joined:
        # No «Дата і номер рішення…» line: the approving decision named in the title
        # («…, затвердженої рішенням міської ради від 24.12.2020 № 31»).
        joined = " ".join(t for t in title_lines if "рішенн" in t.lower())
    head.decisions = find_decisions(joined, body=council or head.council)
    head.title = " ".join(title_lines)
    return head


def read_signatory(rows: list[SourceRow]) -> Signatory | None:
    """The signature block: the position lines, then the person's name."""
    texts = [clean(r.text.replace("\t", " ")) for r in rows if r.text.strip()]
    if len(texts) == 1 or (texts and not is_person(texts[-1])):
        one = signature_line(rows[-1].text)
        if one is not None:
            texts = [*texts[:-1], *(t for t in one if t)]
    if len(texts) < 2:
        return None
    return Signatory(" ".join(texts[:-1]), parse_person(texts[-1]))
