"""No hostile bytes out: control characters are escaped visibly in every render and CLI line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from municipal_reports import (
    Financing,
    Measure,
    Money,
    Problem,
    ProgramReport,
    StructureError,
    Task,
    dumps,
    load,
    render,
)
from municipal_reports.cli import main
from municipal_reports.safe_text import spreadsheet_cell, visible

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROGRAM = EXAMPLES / "zhytomyr-program-efficient-power-2022-9m.json"

# ESC (a terminal escape that clears the screen), BEL, NUL, a C1 CSI, and a bidi override.
HOSTILE = "A\x1b[2J\x07\x00\x9b31m\u202eB\u2066C\u2069"
RAW = ("\x1b", "\x07", "\x00", "\x9b", "\u202e", "\u2066", "\u2069")


def _hostile_report() -> ProgramReport:
    first = load(PROGRAM).sections[0].facts[0]
    assert isinstance(first, ProgramReport)
    task = Task(
        f"Завдання {HOSTILE}",
        (Measure(f"Захід {HOSTILE}", Financing(annual=Money(10), actual=Money(5)), note=HOSTILE),),
    )
    return ProgramReport(first.program, first.period, (task,), executor=HOSTILE)


def test_visible_escapes_every_dangerous_character_and_nothing_else() -> None:
    """visible() writes ESC as «\\u001b» and so on; letters, tabs and newlines stay."""
    assert visible("a\x1bb") == "a\\u001bb"
    assert visible("\u202e") == "\\u202e"
    assert visible("\x9b") == "\\u009b"
    assert visible("рядок 1\n\tрядок 2") == "рядок 1\n\tрядок 2"
    assert visible("рядок 1\nрядок 2", single_line=True) == "рядок 1\\u000aрядок 2"
    assert visible("Київ’ «так» 100\u00a0000,00") == "Київ’ «так» 100\u00a0000,00"


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "html"])
def test_renders_hold_no_raw_control_characters(fmt: str) -> None:
    """Text, Markdown, CSV and HTML show the hostile characters escaped, never raw."""
    output = render(_hostile_report(), to=fmt, locale="uk")
    assert isinstance(output, str)
    for ch in RAW:
        assert ch not in output, (fmt, ch)
    assert "\\u001b" in output


def test_docx_renders_hostile_text_without_failing() -> None:
    """DOCX (XML cannot hold most controls) renders the same report instead of raising."""
    import zipfile

    output = render(_hostile_report(), to="docx", locale="uk")
    assert isinstance(output, bytes)
    with zipfile.ZipFile(io.BytesIO(output)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    for ch in RAW:
        assert ch not in xml
    assert "\\u001b" in xml


def test_json_render_keeps_the_data_exact() -> None:
    """JSON is data: it keeps every character (escaped by JSON itself), so it round-trips."""
    output = render(_hostile_report(), to="json", locale="uk")
    assert isinstance(output, str)
    assert "\x1b" not in output  # JSON escapes controls as \u001b


def test_error_lines_cannot_be_forged_by_a_newline() -> None:
    """A key holding a newline stays on its problem's line in the error's text."""
    problem = Problem("$.meta\nfake.json: everything is fine", 1, "unknown key\x1b[2J")
    error = StructureError([problem, Problem("$.b", 2, "bad")], source="f\nx")
    lines = str(error).splitlines()
    assert len(lines) == 3
    assert all("\x1b" not in line for line in lines)
    assert len(error.lines()) == 2
    assert "\n" not in str(problem)


@pytest.mark.parametrize(
    "text",
    [
        "=1+2",
        "+1",
        "-1",
        "@SUM(A1)",
        " =1+2",
        "\t=1+2",
        "\n=1+2",
        "\r=1+2",
        "\uff1d1+2",
        "\uff0b1",
        "\uff0d1",
        "\uff20SUM(A1)",
        "  \uff1dHYPERLINK()",
    ],
)
def test_spreadsheet_cells_defuse_every_formula_start(text: str) -> None:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe."""
    assert spreadsheet_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Захід", "1 000,00", "a=b", "", "'=x"])
def test_spreadsheet_cells_leave_plain_text_alone(text: str) -> None:
    """Just outside: text that starts with no formula sign is written as it is."""
    assert spreadsheet_cell(text) == text


def test_csv_render_defuses_full_width_and_spaced_formulas() -> None:
    """The CSV renderer's text cells starting « =», «＝» or a tab come out as text."""
    base = _hostile_report()
    task = Task(" =HYPERLINK(1)", (Measure("\uff1dcmd", note="\t=1"),))
    report = ProgramReport(base.program, base.period, (task,))
    output = render(report, to="csv", locale="uk")
    assert isinstance(output, str)
    rows = list(csv.reader(io.StringIO(output)))
    cells = {c for row in rows for c in row}
    assert "' =HYPERLINK(1)" in cells
    assert "'\uff1dcmd" in cells
    assert "'\t=1" in cells


def _write_report(path: Path) -> None:
    path.write_text(dumps(_hostile_report()), encoding="utf-8")


def test_cli_audit_table_shows_no_raw_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file name and findings holding ESC are escaped in the audit table."""
    name = tmp_path / "a\x1b[2Jb.json"
    _write_report(name)
    main(["audit", str(name)])
    out, err = capsys.readouterr()
    for ch in RAW:
        assert ch not in out
        assert ch not in err


def test_cli_error_lines_cannot_be_forged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown key and a file name holding newlines stay on their own lines on stderr."""
    name = tmp_path / "x\ny.json"
    data = json.loads(dumps(_hostile_report()))
    data["evil\nfake.json: all fine\x1b[2J"] = 1
    name.write_text(json.dumps(data), encoding="utf-8")
    assert main(["audit", str(name)]) == 2
    _, err = capsys.readouterr()
    lines = err.splitlines()
    assert all(line.startswith(str(tmp_path)) for line in lines), lines
    assert not any("\x1b" in line for line in lines)


def test_cli_summary_table_shows_no_raw_control_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The summary table escapes a program title holding ESC and a bidi override."""
    _write_report(tmp_path / "r.json")
    main(["summary", str(tmp_path / "r.json"), "--by", "executor"])
    out, _ = capsys.readouterr()
    for ch in RAW:
        assert ch not in out


def test_summary_csv_defuses_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The summary's CSV defuses a group key that starts like a formula."""
    base = _hostile_report()
    report = ProgramReport(base.program, base.period, base.tasks, executor="=cmd|' /C calc'!A0")
    (tmp_path / "r.json").write_text(dumps(report), encoding="utf-8")
    main(["summary", str(tmp_path / "r.json"), "--by", "executor", "--to", "csv"])
    out, _ = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][0].startswith("'=")
