"""The picture of execution: `summary --to html`, bars of plan against actual by program."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR, ROOT
from municipal_reports import (
    Council,
    Financing,
    Measure,
    Money,
    Percent,
    Program,
    ProgramReport,
    Report,
    ReportingPeriod,
    ReportKind,
    ReportMeta,
    Section,
    Task,
    dump,
)
from municipal_reports.bulk.picture import execution_page, program_execution
from municipal_reports.cli import main

CHROMIUM = Path("/usr/bin/chromium")
WIDTH, HEIGHT = 1200, 320


def _program(
    title: str, annual: str, actual: str, declared: str, year: int = 2022
) -> ProgramReport:
    measure = Measure(
        "захід", Financing(annual=Money(annual), actual=Money(actual)), Percent(declared)
    )
    return ProgramReport(
        Program(title), ReportingPeriod.year(year), (Task("завдання", (measure,)),)
    )


def _write(path: Path, council: str, *reports: ProgramReport) -> None:
    meta = ReportMeta("Звіт", Council(council), reports[0].period, ReportKind.PROGRAM_EXECUTION)
    dump(Report(meta, tuple(Section(f"розділ {i}", (), (r,)) for i, r in enumerate(reports))), path)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two programs in one council, one spelled two ways, and one program elsewhere."""
    # «Освіта»: 100 of 400 (25%), declared right; «Спорт»: 300 of 400 in two spellings,
    # one declaring 100% against 50% computed (an error).
    _write(
        tmp_path / "a.json",
        "Житомирська міська рада",
        _program("Освіта", "400", "100", "25"),
        _program("Спорт для всіх", "200", "100", "100"),
    )
    _write(
        tmp_path / "b.json",
        "Житомирська міська рада",
        _program("«Спорт для всiх»", "200", "200", "100"),
    )
    _write(tmp_path / "c.json", "Криворізька міська рада", _program("Освіта", "100", "90", "90"))
    return tmp_path


def test_spellings_of_one_program_are_one_row(corpus: Path) -> None:
    """«Спорт для всіх» and «Спорт для всiх» (a Latin i) sum as one program: 300 of 400."""
    rows = program_execution([corpus])
    sport = [r for r in rows if "Спорт" in r.program]
    assert len(sport) == 1
    assert sport[0].planned == Money("400")
    assert sport[0].actual == Money("300")
    assert sport[0].percentage == Percent("75.00")  # 300 / 400 × 100
    assert sport[0].reports == 2
    assert sport[0].errors == 1  # the 100% declared against 50%


def test_worst_executed_come_first(corpus: Path) -> None:
    """Rows are sorted by percentage, lowest first: 25%, 75%, 90%."""
    rows = program_execution([corpus])
    assert [r.percentage for r in rows] == [Percent("25.00"), Percent("75.00"), Percent("90.00")]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and re.match(r"(https?:)?//", value):
                self.external.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_page_is_self_contained_with_a_bar_per_program(corpus: Path) -> None:
    """One inline SVG a program, no script and nothing fetched from elsewhere; a section a
    council and year, named by the council when there are several."""
    page = execution_page(program_execution([corpus]), locale="uk")
    parser = _Page()
    parser.feed(page)
    assert parser.tags.count("svg") == 3
    assert parser.tags.count("section") == 2
    assert "script" not in parser.tags
    assert "link" not in parser.tags
    assert parser.external == []
    text = "".join(parser.text)
    assert "Житомирська міська рада: 2022 рік" in text
    assert "75,00%" in text


def test_summary_to_html_writes_the_page(corpus: Path, tmp_path: Path) -> None:
    """`summary PATH --to html -o OUT` writes the page; English under --locale en."""
    out = tmp_path / "picture.html"
    assert main(["summary", str(corpus), "--to", "html", "--locale", "en", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert "Execution of programs" in page


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium package")
def test_the_picture_in_headless_chromium(tmp_path: Path) -> None:
    """Chromium opens the picture of the examples and takes a screenshot of the window."""
    page = tmp_path / "picture.html"
    page.write_text(
        execution_page(program_execution([EXAMPLES_DIR]), locale="uk"), encoding="utf-8"
    )
    shot = tmp_path / "picture.png"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            f"--window-size={WIDTH},{HEIGHT}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (WIDTH, HEIGHT)
    if os.environ.get("MR_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "execution-summary.png")
