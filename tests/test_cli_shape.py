"""One shape of command: --to for the output format, -o for the file, --from for input,
binary formats refused on a terminal, and one table printer that measures display width."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR, SEEDS_DIR
from municipal_reports.cli import main
from municipal_reports.cli._table import display_width, format_table

SECRETARY = str(EXAMPLES_DIR / "zhytomyr-secretary-2023.json")
POWER = str(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")


class _Terminal(io.TextIOWrapper):
    """A stdout that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_audit_writes_to_the_file_o_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`audit --to json -o OUT` writes the findings to OUT and nothing to stdout."""
    out = tmp_path / "findings.json"
    assert main(["audit", SECRETARY, "--to", "json", "-o", str(out)]) == 1
    assert capsys.readouterr().out == ""
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["code"] for r in rows] == ["MR101"]


def test_audit_format_is_the_old_spelling_of_to(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` still gives what `--to json` gives."""
    main(["audit", SECRETARY, "--to", "json"])
    new = capsys.readouterr().out
    main(["audit", SECRETARY, "--format", "json"])
    assert capsys.readouterr().out == new


def test_audit_in_ukrainian_translates_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    """Under --locale uk the headers, severity words and rule names are Ukrainian."""
    main(["audit", SECRETARY, "--locale", "uk"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["Файл", "Рівень", "Код"]
    assert "помилка" in lines[1]
    assert "сума складових не дорівнює підсумку" in lines[1]
    assert "розділ «Депутатські кошти на потреби виборчого округу», Обсяг коштів" in lines[1]
    assert "400\u00a0000,00\u00a0грн" in lines[1]


def test_audit_json_has_the_place_and_the_rules_name(capsys: pytest.CaptureFixture[str]) -> None:
    """Each JSON finding carries `place` in the document's terms and the rule's `title`."""
    main(["audit", POWER, "--to", "json", "--locale", "uk"])
    rows = json.loads(capsys.readouterr().out)
    mr201 = [r for r in rows if r["code"] == "MR201"]
    assert mr201[0]["place"] == "таблиця 1, завдання 1, захід 1, графа 9"
    assert mr201[0]["title"] == "відсоток виконання не збігається"


def test_a_binary_format_to_a_terminal_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`render --to xlsx` without -o on a terminal exits 2 and writes nothing."""
    buffer = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", _Terminal(buffer, encoding="utf-8"))
    assert main(["render", POWER, "--to", "xlsx"]) == 2
    assert buffer.getvalue() == b""
    assert "write it with -o" in capsys.readouterr().err


def test_render_csv_in_the_excel_dialect(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """`render --to csv --dialect excel` writes the UTF-8 BOM first and semicolons."""
    assert main(["render", POWER, "--to", "csv", "--dialect", "excel"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf")
    assert b";" in out.splitlines()[0]


def test_render_xlsx_to_a_file(tmp_path: Path) -> None:
    """`render --to xlsx -o OUT` writes a zip (an xlsx is one)."""
    out = tmp_path / "form.xlsx"
    assert main(["render", POWER, "--to", "xlsx", "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"


def test_import_reads_the_input_format_from_from(tmp_path: Path) -> None:
    """`import --from text` is the input format's flag (`--format tsv` still works)."""
    source = SEEDS_DIR / "zhytomyr-program-efficient-power-2022-9m.txt"
    if not source.exists():
        pytest.skip("the seeds are not beside the repository")
    out = tmp_path / "out.json"
    args = ["import", str(source), "--council", "Рада", "-o", str(out)]
    assert main([*args, "--from", "text"]) == 0
    assert main([*args, "--format", "tsv"]) == 0


def test_schema_writes_to_the_file_o_names(tmp_path: Path) -> None:
    """`schema -o OUT` writes the JSON Schema to OUT."""
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["$schema"].startswith("https://json-schema")


def test_display_width_counts_terminal_cells() -> None:
    """A combining mark takes no cell, a wide character two, a Cyrillic letter one."""
    assert display_width("Всього") == 6
    assert display_width("и\u0306") == 1  # «й» written as и + combining breve
    assert display_width("表格") == 4
    assert display_width("") == 0


def test_format_table_aligns_by_display_width() -> None:
    """Columns line up whatever the text: each cell is padded to the widest cell's width."""
    text = format_table(
        ["a", "b"], [["и\u0306и\u0306", "1"], ["表", "22"], ["xyz", "3"]], right={1}
    )
    lines = text.splitlines()
    # Every second column starts at the same display column: the widest first cell (3) + 2.
    assert [display_width(line[: line.rindex(" ") + 1]) for line in lines] == [
        3 + 2 + 1,  # "a" padded to 3, two spaces, "b" right-aligned in a width of 2
        3 + 2 + 1,
        3 + 2,
        3 + 2 + 1,
    ]
    assert lines[2].endswith("22")


@pytest.mark.parametrize(
    ("command", "flags"),
    [
        ("audit", ("--to", "-o")),
        ("render", ("--to", "-o")),
        ("summary", ("--to", "-o")),
        ("schema", ("-o",)),
        ("import", ("--from", "-o")),
    ],
)
def test_every_command_that_writes_speaks_one_way(
    command: str, flags: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    """--to names the output format, -o the file, --from import's input format."""
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    usage = capsys.readouterr().out
    for flag in flags:
        assert re.search(rf"(^|\s|\[){re.escape(flag)}[\s,]", usage), (command, flag)
    assert "--format" not in usage  # the old spellings work but are not advertised
