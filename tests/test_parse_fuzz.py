"""Hostile input: no parser raises anything but ParseError, and none takes more than
linear time on long input."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from municipal_reports import ParseError, import_table
from municipal_reports import parse as P

PARSERS: list[Callable[[str], object]] = [
    P.parse_number,
    P.parse_optional_number,
    P.parse_percent,
    P.parse_money,
    P.parse_quantity,
    P.parse_date,
    P.parse_date_range,
    P.parse_decision,
    P.find_decisions,
    P.parse_period,
    P.parse_year_span,
    P.parse_person,
    lambda t: P.parse_number(t, locale="en"),
    lambda t: P.parse_money(t, locale="en"),
    lambda t: P.parse_date(t, year=2022),
    P.normalize_text,
    import_table,
]
NAMES = [getattr(f, "__name__", "lambda") for f in PARSERS]

# Text built from the pieces real documents are made of, so that hypothesis reaches deep
# into the grammars rather than failing on the first character.
PIECES = st.sampled_from(
    [
        "0", "1", "2", "9", "12", "2022", " ", "\u00a0", "\u202f", ",", ".", "-", "–", "%",
        "№", "від", "р.", "року", "рік", "млн", "тис.", "грн", "коп.", "близько", "більше",
        "до", "жовтня", "з", "по", "I", "квартал", "півріччя", "9 місяців", "за", "\t", "\n",
        "Всього:", "№ з/п", "«", "»", "СТЕПАНЮК", "Лілія", "О.", "-", "'", "ʼ",
    ]
)  # fmt: skip
DOCUMENT_TEXT = st.lists(PIECES, max_size=40).map("".join)


@pytest.mark.parametrize("parse", PARSERS, ids=NAMES)
@given(text=st.one_of(st.text(max_size=200), DOCUMENT_TEXT))
def test_only_parse_errors_escape(parse: Callable[[str], object], text: str) -> None:
    """Whatever the text, a parser returns a value or raises ParseError, nothing else."""
    error: ParseError | None = None
    try:
        parse(text)
    except ParseError as exc:
        error = exc
    if error is not None:
        assert isinstance(error.text, str)
        assert 0 <= error.position <= max(len(error.text), len(text))


def _seconds(parse: Callable[[str], object], text: str) -> float:
    """The best of five CPU times of one parse: the process's own time (time.process_time),
    which a busy machine delays but does not add to, as it adds to wall-clock time."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        with contextlib.suppress(ParseError):
            parse(text)
        best = min(best, time.process_time() - start)
    return best


def _calls(parse: Callable[[str], object], text: str) -> int:
    """How many calls and returns (Python and C) one parse makes: a count of the work
    done, the same on every run and on any machine."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        with contextlib.suppress(ParseError):
            parse(text)
    finally:
        sys.setprofile(previous)
    return count


# Inputs that make backtracking regexes explode: long runs of what a pattern repeats, with
# a character at the end that makes the match fail.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n + "x",
    "groups": lambda n: "1 000" * (n // 5) + ",x",
    "spaces": lambda n: "1" + " " * n + "x",
    "dates": lambda n: "24.12.2020 " * (n // 11) + "№",
    "words": lambda n: "тис " * (n // 4) + "1",
    "numbers-and-units": lambda n: "1 тис " * (n // 6) + "x",
    "tabs": lambda n: "1\t" * (n // 2),
}


@pytest.mark.parametrize("parse", PARSERS, ids=NAMES)
@pytest.mark.parametrize("shape", list(ADVERSARIAL))
def test_time_grows_linearly(parse: Callable[[str], object], shape: str) -> None:
    """Ten times the input costs at most about ten times the CPU time (generous: 40×).

    A backtracking regex costs 100× and more here every time; it runs in C, where no count
    of calls sees it, so this one measures time: CPU time, best of five a size, the ratio
    taken up to three times, so a loaded machine cannot spoil it.
    """
    make = ADVERSARIAL[shape]
    small, large = make(10_000), make(100_000)
    ratios = []
    for _ in range(3):
        t_small = max(_seconds(parse, small), 1e-4)
        ratios.append(_seconds(parse, large) / t_small)
        if ratios[-1] <= 40:
            break
    assert min(ratios) <= 40, (shape, ratios)


def _tab_table(rows: int) -> str:
    lines = [f"{k}\tЗавдання {k}\tЗахід {k}\t2021-2025\tВідділ\t1 200,0\t100,0\t50,0\t50,00\t"
             for k in range(1, rows + 1)]  # fmt: skip
    total = f"\t\t\t\tВсього:\t{1200 * rows},0\t{100 * rows},0\t{50 * rows},0\t50,00\t"
    return "Звіт «Програма» за 2022 рік\n" + HEADER + "\n" + "\n".join([*lines, total]) + "\n"


def _pdf_table(rows: int) -> str:
    lines = [f"{k} Утримання бібліотек {k} 12 405,7 6 118,2 49,32" for k in range(1, rows + 1)]
    return "Виконання програми за I півріччя 2020 року\n" + SPACED_HEADER + "\n" + "\n".join(lines)


@pytest.mark.parametrize(
    ("make", "parse"),
    [
        *((ADVERSARIAL[s], import_table) for s in ADVERSARIAL),
        (_tab_table, import_table),
        (_pdf_table, P.import_tables),
    ],
    ids=[*ADVERSARIAL, "tab-table", "pdf-table"],
)
def test_import_work_grows_linearly(
    make: Callable[[int], str], parse: Callable[[str], object]
) -> None:
    """Ten times the rows cost at most 15 times the calls the importer makes (a linear
    importer makes about 10×, a quadratic one about 100×): counted, so never flaky. The
    time itself is a benchmark: bench/import_tables.py."""
    _calls(parse, make(50))  # the first import pays for lazy imports
    small, large = _calls(parse, make(200)), _calls(parse, make(2000))
    assert large <= 15 * small, (small, large)


def test_the_call_count_sees_quadratic_work() -> None:
    """The count that test_import_work_grows_linearly bounds grows 100× for a quadratic
    function of ten times the input, so that test can fail."""

    def quadratic(text: str) -> None:
        for a in text:
            for _ in text:
                a.isdigit()

    assert _calls(quadratic, "x" * 2000) > 15 * _calls(quadratic, "x" * 200)


HEADER = (
    "№ з/п\tПріоритетні завдання\tЗміст заходів\tТермін виконання\tВиконавці\t"
    "Орієнтовний обсяг, тис. грн\tРічний обсяг, грн\tФактично профінансовано, грн\t"
    "Відсоток виконання заходу, %\tІнформація про виконання"
)
CELL = st.one_of(PIECES, DOCUMENT_TEXT.map(lambda t: t.replace("\n", " ")))
ROW = st.lists(CELL, min_size=0, max_size=12).map("\t".join)


@given(rows=st.lists(ROW, max_size=8), title=st.sampled_from(["", "Звіт «Програма» за 2022 рік\n"]))
def test_table_importer_raises_only_parse_errors(rows: list[str], title: str) -> None:
    """A real header above arbitrary rows imports or raises ParseError, nothing else."""
    text = title + HEADER + "\n" + "\n".join(rows)
    try:
        result = import_table(text)
    except ParseError:
        return
    assert all(f.code.startswith("IMP") for f in result.findings)


SPACED_HEADER = "№ Назва Заплановано на рік тис. грн Виконано тис. грн % виконання"
SPACED_ROW = st.lists(
    st.one_of(PIECES, st.sampled_from(["1", "12", "405", "000", "7,5", "49,32", "х", "Всього"])),
    max_size=10,
).map(" ".join)


@given(rows=st.lists(SPACED_ROW, max_size=8), title=st.sampled_from(["", "Звіт за 2022 рік\n"]))
def test_pdf_text_reader_raises_only_parse_errors(rows: list[str], title: str) -> None:
    """Text pasted from a PDF (single spaces) under a real header imports or raises
    ParseError, nothing else."""
    text = title + SPACED_HEADER + "\n" + "\n".join(rows)
    try:
        import_table(text)
    except ParseError:
        return


@given(
    rows=st.lists(st.lists(CELL, max_size=12), max_size=8),
    merged=st.sets(st.integers(0, 11), max_size=4),
)
def test_cell_sources_raise_only_parse_errors(rows: list[list[str]], merged: set[int]) -> None:
    """Rows of cells as a .docx or .xlsx source gives them (merged copies included) under a
    real header import or raise ParseError, nothing else."""
    from municipal_reports.parse import SourceRow, import_rows

    source = [
        SourceRow.paragraph(1, "Звіт «Програма» за 2022 рік"),
        SourceRow(2, tuple(HEADER.split("\t")), table=1),
        *(
            SourceRow(3 + i, tuple(cells), table=1, copies=frozenset(merged))
            for i, cells in enumerate(rows)
        ),
    ]
    try:
        import_rows(source)
    except ParseError:
        return


GRID_LINE = st.one_of(
    st.just("+------+------+-----------+"),
    st.just("+======+======+===========+"),
    st.lists(st.one_of(PIECES, st.sampled_from(["1", "580,0", "Всього:", "х"])), max_size=3).map(
        lambda cells: "| " + " | ".join(c[:12].ljust(4) for c in cells) + " |"
    ),
)


@given(lines=st.lists(GRID_LINE, max_size=12))
def test_text_grid_reader_raises_only_parse_errors(lines: list[str]) -> None:
    """Arbitrary grid lines («+---+» rules and «|» rows) under a title import or raise
    ParseError, nothing else."""
    head = "+------+------+-----------+\n| № з/п | Назва | Заплановано, грн | Виконано, грн |\n"
    text = "Звіт «Програма» за 2022 рік\n" + head + "\n".join(lines)
    try:
        import_table(text)
    except ParseError:
        return
