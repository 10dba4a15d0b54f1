"""The render command: every format, to stdout or a file, with and without the audit."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from municipal_reports import audit, load, render
from municipal_reports.cli import COMMAND_MODULES, main

PROGRAM = str(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")


def test_render_is_a_command() -> None:
    """render is registered among the CLI's commands."""
    assert "render" in COMMAND_MODULES


@pytest.mark.parametrize("fmt", ["html", "markdown", "text", "csv", "json"])
@pytest.mark.parametrize("locale", ["uk", "en"])
def test_stdout_is_the_library_rendering(
    fmt: str, locale: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    """The command prints exactly what render() gives for the loaded file."""
    assert main(["render", PROGRAM, "--to", fmt, "--locale", locale]) == 0
    expected = render(load(PROGRAM), to=fmt, locale=locale)
    assert isinstance(expected, str)
    assert capsysbinary.readouterr().out == expected.encode("utf-8")


def test_with_audit_adds_the_findings(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """--with-audit renders the findings of audit() with the report."""
    assert main(["render", PROGRAM, "--to", "html", "--with-audit"]) == 0
    document = load(PROGRAM)
    expected = render(document, to="html", locale="uk", findings=audit(document))
    assert isinstance(expected, str)
    out = capsysbinary.readouterr().out
    assert out == expected.encode("utf-8")
    assert b'class="marked' in out


def test_docx_to_a_file(tmp_path: Path) -> None:
    """-o writes the .docx bytes, a zip holding the document part."""
    target = tmp_path / "report.docx"
    assert main(["render", PROGRAM, "--to", "docx", "-o", str(target)]) == 0
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(target.read_bytes())).namelist()


def test_bad_file_and_bad_format_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing or invalid file, or an unknown format, exits 2 with a message on stderr."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "type": "report"}')
    assert main(["render", str(tmp_path / "missing.json"), "--to", "html"]) == 2
    assert main(["render", str(bad), "--to", "html"]) == 2
    assert "not a valid report" in capsys.readouterr().err
    assert main(["render", PROGRAM, "--to", "pdf"]) == 2
    assert "pdf" in capsys.readouterr().err
