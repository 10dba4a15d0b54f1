"""Rendering a piece at a time: render_to() and render_chunks() give render()'s bytes, the
form's rows are made as they are drawn, and the CLI's -o writer takes pieces atomically."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import EXAMPLES, EXAMPLES_DIR
from municipal_reports import (
    Financing,
    Finding,
    Measure,
    Money,
    PluginRuntimeError,
    Program,
    ProgramReport,
    Severity,
    Task,
    audit,
    load,
    render,
    render_to,
)
from municipal_reports.cli import main
from municipal_reports.cli._output import write_output
from municipal_reports.render import render_chunks
from municipal_reports.render.layout import PathIndex, Row, Rows, Table, layout
from test_io_roundtrip import program_reports


def _streamed(obj: object, to: str, locale: str, findings: object = None) -> bytes:
    out = io.BytesIO()
    render_to(obj, out, to=to, locale=locale, findings=findings)  # type: ignore[arg-type]
    return out.getvalue()


def _bytes(obj: object, to: str, locale: str, findings: object = None) -> bytes:
    out = render(obj, to=to, locale=locale, findings=findings)  # type: ignore[arg-type]
    return out.encode("utf-8") if isinstance(out, str) else out


@pytest.mark.parametrize("locale", ["uk", "en"])
@pytest.mark.parametrize("example", EXAMPLES)
def test_render_to_writes_the_html_of_render(example: str, locale: str) -> None:
    """For every example, with its findings, render_to's HTML is render()'s, byte for byte."""
    document = load(EXAMPLES_DIR / f"{example}.json")
    findings = audit(document)
    assert _streamed(document, "html", locale, findings) == _bytes(
        document, "html", locale, findings
    )


@pytest.mark.parametrize("to", ["html", "text", "csv"])
@given(report=program_reports, locale=st.sampled_from(["uk", "en"]))
def test_any_program_report_streams_as_it_renders(
    to: str, report: ProgramReport, locale: str
) -> None:
    """Any program report, in every text format, streams to exactly render()'s bytes."""
    assert _streamed(report, to, locale) == _bytes(report, to, locale)


def _big(measures: int) -> ProgramReport:
    money = Financing(annual=Money("100.00"), actual=Money("50.00"))
    items = tuple(Measure(f"Захід {i}", money) for i in range(measures))
    return ProgramReport(Program("Програма"), tasks=(Task("Завдання", items),))


def test_a_big_page_comes_in_many_pieces_that_join_to_the_page() -> None:
    """3 000 measures give many pieces (never one page-sized string), joined the page itself."""
    report = _big(3000)
    pieces = list(render_chunks(report, to="html", locale="uk"))
    assert len(pieces) > 10
    assert max(map(len, pieces)) < len(b"".join(pieces)) // 10
    assert b"".join(pieces) == _bytes(report, "html", "uk")


def test_the_form_rows_are_made_as_they_are_drawn() -> None:
    """The form's rows are a Rows: its length is the rows it makes, equal to their tuple."""
    report = _big(3)
    form = next(t for t in layout(report, locale="uk").tables() if t.form)
    assert isinstance(form.rows, Rows)
    made = tuple(form.rows)
    assert len(form.rows) == len(made) == 1 + 3  # the column numbers and a row a measure
    assert form.rows == made
    assert form.rows[1] == made[1]
    assert form.rows[-1] == made[-1]
    assert form == Table(form.headers, made, form.caption, form=True)
    assert hash(form) == hash(Table(form.headers, made, form.caption, form=True))
    empty = ProgramReport(Program("Програма"), tasks=(Task("Завдання"),))
    rows = next(t for t in layout(empty, locale="uk").tables() if t.form).rows
    assert len(rows) == len(tuple(rows)) == 2  # a task without measures is one row


def test_rows_are_made_again_each_time() -> None:
    """Each iteration calls the maker again: nothing of the rows is kept between them."""
    calls: list[int] = []

    def make() -> Iterator[Row]:
        calls.append(1)
        return iter(())

    rows = Rows(make, 0)
    assert list(rows) == list(rows) == []
    assert len(calls) == 2


class Failing:
    """A renderer whose pieces fail after the first."""

    name = "failing"
    media_type = "text/plain"

    def __call__(self, obj: object, *, locale: str, findings: object = None) -> str:
        return "x"

    def chunks(self, obj: object, *, locale: str, findings: object = None) -> Iterator[str]:
        yield "first"
        raise RuntimeError("boom")


def _failing_html(monkeypatch: pytest.MonkeyPatch) -> None:
    from municipal_reports.render import registry

    def checked(to: str, locale: str) -> tuple[object, object]:
        return registry._entry_point("html"), Failing()

    monkeypatch.setattr(registry, "_checked", checked)


def test_a_renderer_that_fails_midway_is_a_plugin_runtime_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A chunk maker that raises after its first piece surfaces as PluginRuntimeError."""
    _failing_html(monkeypatch)
    pieces = render_chunks(_big(1), to="html", locale="uk")
    assert next(pieces) == b"first"
    with pytest.raises(PluginRuntimeError):
        next(pieces)


@pytest.mark.parametrize("to_file", [True, False])
def test_the_cli_says_so_when_a_renderer_fails_midway(
    to_file: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """A renderer failing midway: one error line and exit 2; an -o file keeps its content."""
    _failing_html(monkeypatch)
    out = tmp_path / "out.html"
    out.write_bytes(b"earlier")
    example = str(EXAMPLES_DIR / f"{EXAMPLES[0]}.json")
    argv = ["render", example, "--to", "html"] + (["-o", str(out)] if to_file else [])
    assert main(argv) == 2
    captured = capsysbinary.readouterr()
    assert captured.err.count(b"\n") == 1
    assert b"municipal-reports render" in captured.err
    assert out.read_bytes() == b"earlier"
    assert captured.out == (b"" if to_file else b"first")


def test_write_output_writes_pieces_and_keeps_the_old_file_on_a_fault(tmp_path: Path) -> None:
    """Pieces are written in order; a fault midway leaves the earlier file and no temporary."""
    target = tmp_path / "out.html"
    write_output(str(target), iter([b"a", b"b", b"c"]))
    assert target.read_bytes() == b"abc"

    def failing() -> Iterator[bytes]:
        yield b"new"
        raise RuntimeError("midway")

    with pytest.raises(RuntimeError):
        write_output(str(target), failing())
    assert target.read_bytes() == b"abc"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html"]


@pytest.mark.parametrize("to", ["html", "csv", "docx"])
def test_the_cli_writes_with_o_what_it_prints(
    to: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """`render -o` writes the bytes `render` prints (and render() returns)."""
    example = EXAMPLES_DIR / f"{EXAMPLES[0]}.json"
    out = tmp_path / "out"
    assert main(["render", str(example), "--to", to, "--with-audit", "-o", str(out)]) == 0
    document = load(example)
    assert out.read_bytes() == _bytes(document, to, "uk", audit(document))
    if to != "docx":
        capsysbinary.readouterr()
        assert main(["render", str(example), "--to", to, "--with-audit"]) == 0
        assert capsysbinary.readouterr().out == out.read_bytes()


_PATH = st.text(alphabet="ab.[]0", max_size=12).map(lambda tail: "$" + tail)


@given(st.lists(_PATH, max_size=12), _PATH)
def test_a_finding_marks_the_cells_at_and_above_its_path(paths: list[str], cell: str) -> None:
    """The findings that concern a cell are those at its path or going on from it with «.»
    or «[», in the findings' order: the sorted index keeps the rule of the pass over every
    finding it replaced."""
    expected = [
        i for i, at in enumerate(paths) if at == cell or at.startswith((cell + ".", cell + "["))
    ]
    assert PathIndex(paths).at_or_below(cell) == expected


def test_each_of_many_findings_marks_its_own_cell() -> None:
    """Every finding of a report of 2 000 measures marks its cells (a finding a measure)."""
    report = _big(2000)
    paths = [f"$.tasks[0].measures[{i}].financing.actual" for i in range(2000)]
    findings = [
        Finding("MR999", "x", Severity.WARNING, p, 1, 2, "{found} {expected}") for p in paths
    ]
    page = layout(report, locale="uk", findings=findings)
    form = next(t for t in page.tables() if t.form)
    marked = [c.path for r in form.rows for c in r.cells if c.marked]
    assert marked == paths
