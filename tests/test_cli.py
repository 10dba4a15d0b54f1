"""The command line through its entry point: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, EXAMPLES_DIR
from municipal_reports import Money, Severity, __version__, audit, json_schema, load, percentage
from municipal_reports.audit import in_document_order
from municipal_reports.cli import COMMAND_MODULES, main

FILES = [str(EXAMPLES_DIR / f"{name}.json") for name in EXAMPLES]
SECRETARY = str(EXAMPLES_DIR / "zhytomyr-secretary-2023.json")
KRYVYI_RIH = str(EXAMPLES_DIR / "kryvyi-rih-self-government-program-2023.json")
KEYS = {
    "file",
    "code",
    "name",
    "title",
    "severity",
    "path",
    "place",
    "expected",
    "found",
    "message",
}


def _json_audit(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, list[dict[str, object]]]:
    code = main(["audit", "--format", "json", *args])
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return code, rows


def test_commands_are_registered() -> None:
    """audit, percent and schema are commands of the one parser."""
    assert {"audit", "percent", "schema"} <= set(COMMAND_MODULES)


def test_audit_json_lists_exactly_the_library_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """`audit --format json` gives one object per finding of audit(), in document order."""
    code, rows = _json_audit(capsys, *FILES)
    docs = {name: load(name) for name in FILES}
    expected = [
        (name, f.code, f.path, f.severity.value)
        for name, doc in docs.items()
        for f in in_document_order(audit(doc), doc)
    ]
    assert [(r["file"], r["code"], r["path"], r["severity"]) for r in rows] == expected
    assert all(set(r) == KEYS for r in rows)
    assert code == 1  # the seeds hold real contradictions


def test_audit_json_writes_money_as_strings(capsys: pytest.CaptureFixture[str]) -> None:
    """The deputy-fund finding carries expected and found as exact money strings."""
    code, rows = _json_audit(capsys, SECRETARY)
    assert code == 1
    (row,) = rows
    assert (row["code"], row["expected"], row["found"]) == ("MR101", "385000.00", "400000.00")


def test_audit_exits_0_without_error_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """Kryvyi Rih has only a warning: the exit status is 0."""
    code, rows = _json_audit(capsys, KRYVYI_RIH)
    assert code == 0
    assert [r["severity"] for r in rows] == [Severity.WARNING.value]


def test_audit_table_has_the_columns_and_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """The default output is a table headed by its columns, one row a finding, then a summary."""
    assert main(["audit", SECRETARY]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == [
        "File",
        "Severity",
        "Code",
        "Rule",
        "Place",
        "Path",
        "Expected",
        "Found",
        "Message",
    ]
    assert "MR101" in lines[1]
    assert "$.sections[4].facts[0].fund_total" in lines[1]
    assert lines[-1].startswith("1 finding(s), 1 error(s)")


@pytest.mark.parametrize(
    ("option", "codes"),
    [
        (["--select", "MR7"], {"MR701"}),
        (["--select", "mixed-script-word,MR2"], {"MR701", "MR201"}),
        (["--ignore", "MR7,MR5"], {"MR201", "MR403"}),
    ],
)
def test_select_and_ignore(
    option: list[str], codes: set[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """--select and --ignore take comma-separated codes, prefixes or names."""
    program = str(EXAMPLES_DIR / "zhytomyr-program-efficient-power-2022-9m.json")
    _, rows = _json_audit(capsys, *option, program)
    assert {r["code"] for r in rows} == codes


def test_unknown_rule_selector_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A selector that names no rule is a usage error, not an empty audit."""
    assert main(["audit", "--select", "MR999", SECRETARY]) == 2
    assert "MR999" in capsys.readouterr().err


def test_locale_chooses_the_message_language(capsys: pytest.CaptureFixture[str]) -> None:
    """--locale uk gives the finding's Ukrainian message (English where none exists)."""
    (finding,) = audit(load(SECRETARY))
    _, rows = _json_audit(capsys, "--locale", "uk", SECRETARY)
    assert rows[0]["message"] == finding.message("uk")


def test_percent_prints_the_one_rule(capsys: pytest.CaptureFixture[str]) -> None:
    """`percent 513537.84 2080000` prints what percentage() gives: 24.69."""
    assert main(["percent", "513537.84", "2080000"]) == 0
    assert capsys.readouterr().out.strip() == str(percentage(Money("513537.84"), Money("2080000")))


def test_percent_of_zero_plan_is_undefined(capsys: pytest.CaptureFixture[str]) -> None:
    """A zero plan prints nothing on stdout and exits 1."""
    assert main(["percent", "5", "0"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "undefined" in err


@pytest.mark.parametrize("bad", ["NaN", "abc", "1.005"])
def test_percent_refuses_what_is_not_an_amount(
    bad: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """An amount that is not hryvnias with at most two decimals exits 2 with a message."""
    assert main(["percent", bad, "100"]) == 2
    assert repr(bad) in capsys.readouterr().err


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """`schema` prints json_schema() as JSON."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the program and version; --help lists the commands; both exit 0."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"municipal-reports {__version__}"
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in ("audit", "percent", "schema"))


def test_python_dash_m_is_the_entry_point() -> None:
    """`python -m municipal_reports audit` runs in a fresh process with the same exit codes."""
    result = subprocess.run(
        [sys.executable, "-m", "municipal_reports", "audit", "--format", "json", SECRETARY],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert [row["code"] for row in json.loads(result.stdout)] == ["MR101"]


def test_a_closed_pipe_ends_the_command_quietly(tmp_path: Path) -> None:
    """`audit … | head -1` stops without a traceback when the reader goes away."""
    script = (
        "import subprocess, sys;"
        "p = subprocess.Popen([sys.executable, '-m', 'municipal_reports', 'audit', *sys.argv[1:]],"
        " stdout=subprocess.PIPE, stderr=subprocess.PIPE);"
        "p.stdout.readline(); p.stdout.close(); err = p.stderr.read(); p.wait();"
        "print(err.decode())"
    )
    files = [str(p) for p in sorted(EXAMPLES_DIR.glob("*.json"))] * 200
    out = subprocess.run(
        [sys.executable, "-c", script, *files], capture_output=True, text=True, check=True
    )
    assert "Traceback" not in out.stdout
