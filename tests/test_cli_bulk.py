"""The commands over many files: `summary`, and `audit` on directories with --jobs."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES_DIR
from municipal_reports import audit, load
from municipal_reports.audit import in_document_order, locate
from municipal_reports.bulk import execution_table, iter_reports
from municipal_reports.cli import COMMAND_MODULES, main


def test_summary_is_registered() -> None:
    """summary is a command of the one parser."""
    assert "summary" in COMMAND_MODULES


def test_summary_csv_is_the_library_table(capsys: pytest.CaptureFixture[str]) -> None:
    """`summary --to csv` prints execution_table's rows, exact, grouped as asked."""
    code = main(["summary", str(EXAMPLES_DIR), "--by", "council,executor", "--to", "csv"])
    assert code == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    rows = execution_table(iter_reports([EXAMPLES_DIR]), by=("council", "executor"))
    assert [(r["council"], r["executor"], r["planned"], r["percentage"]) for r in table] == [
        (row.key[0], row.key[1], str(row.planned), str(row.percentage or "")) for row in rows
    ]


def test_summary_json_and_jobs_agree(capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 2 gives the same JSON as one process; money stays a string."""
    main(["summary", str(EXAMPLES_DIR), "--to", "json"])
    serial = json.loads(capsys.readouterr().out)
    code = main(["summary", str(EXAMPLES_DIR), "--to", "json", "--jobs", "2", "--no-progress"])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == serial
    assert serial
    assert all(isinstance(r["planned"], str) and "year" in r for r in serial)


def test_summary_table_names_its_columns(capsys: pytest.CaptureFixture[str]) -> None:
    """The readable table has a header with the keys and the figures."""
    assert main(["summary", str(EXAMPLES_DIR), "--by", "year"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split()
    assert header == ["year", "planned", "actual", "%", "reports", "measures"]


def test_summary_parquet_round_trips(tmp_path: Path) -> None:
    """--to parquet writes decimal columns that read back equal to the rows."""
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "t.parquet"
    assert main(["summary", str(EXAMPLES_DIR), "--to", "parquet", "-o", str(out)]) == 0
    rows = execution_table(iter_reports([EXAMPLES_DIR]))
    assert pq.read_table(out).column("actual").to_pylist() == [r.actual.amount for r in rows]


def test_summary_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown keys are a usage error; a bad file exits 2 naming it and its path."""
    with pytest.raises(SystemExit):
        main(["summary", str(EXAMPLES_DIR), "--by", "colour"])
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 1, "type": "program_report"}', encoding="utf-8")
    assert main(["summary", str(tmp_path)]) == 2
    assert f"{bad}: required field missing @ $.program" in capsys.readouterr().err
    assert main(["summary", str(EXAMPLES_DIR), "--to", "parquet"]) == 2


def test_audit_over_a_directory_with_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`audit DIR --jobs 2` lists the findings of every file in document order, with their
    places, and names a bad one."""
    for example in EXAMPLES_DIR.glob("*.json"):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    (tmp_path / "bad.json").write_text("[]", encoding="utf-8")
    code = main(["audit", str(tmp_path), "--format", "json", "--jobs", "2", "--no-progress"])
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    files = sorted(p for p in tmp_path.glob("*.json") if p.name != "bad.json")
    docs = {p: load(p) for p in files}
    assert [(r["file"], r["code"], r["path"]) for r in rows] == [
        (str(p), f.code, f.path)
        for p, doc in docs.items()
        for f in in_document_order(audit(doc), doc)
    ]
    assert [r["place"] for r in rows] == [
        locate(doc, f.path).describe("en")
        for doc in docs.values()
        for f in in_document_order(audit(doc), doc)
    ]
    assert code == 2
    assert f"{tmp_path / 'bad.json'}: a report file must be a JSON object" in captured.err


def test_progress_bar_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    """--progress draws a bar on stderr (tqdm installed) and leaves stdout to the table."""
    pytest.importorskip("tqdm")
    assert main(["summary", str(EXAMPLES_DIR), "--by", "year", "--to", "csv", "--progress"]) == 0
    captured = capsys.readouterr()
    assert f"{len(list(EXAMPLES_DIR.glob('*.json')))}/" in captured.err
    assert captured.out.startswith("year,planned")
