"""Big inputs: /dev/zero, a FIFO with no writer and a file over the size limit are one clear
error, never a hang or a MemoryError."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from municipal_reports import InputFileError, MunicipalReportsError, load
from municipal_reports.bulk import documents_of, iter_documents
from municipal_reports.cli import main
from municipal_reports.io import DEFAULT_MAX_SIZE, read_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "zhytomyr-secretary-2023.json"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a subprocess, killed after 60 s: a hang fails the test."""
    return subprocess.run(
        [sys.executable, "-m", "municipal_reports", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("command", [["audit"], ["render", "--to", "text"], ["summary"]])
def test_a_fifo_with_no_writer_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    """A FIFO named like a report: one line naming it, exit 2, no hang."""
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    argv = [command[0], str(fifo), *command[1:]]
    result = _cli(*argv)
    assert result.returncode == 2
    assert "FIFO" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["audit"], ["render", "--to", "text"], ["import"]])
def test_dev_zero_is_refused_at_once(command: list[str]) -> None:
    """/dev/zero never ends: refused as a device before a byte is read."""
    result = _cli(command[0], "/dev/zero", *command[1:])
    assert result.returncode == 2
    assert "character device" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_2_gb_file_is_refused_by_the_size_limit(tmp_path: Path) -> None:
    """A sparse 2 GB file (no disk used): refused by its size, naming the option to raise it."""
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(2 * 1024**3)
    result = _cli("audit", str(big))
    assert result.returncode == 2
    assert "larger than the limit" in result.stderr
    assert "--max-size" in result.stderr
    with pytest.raises(InputFileError):
        load(big)


def test_the_limit_is_exact_and_can_be_raised(tmp_path: Path) -> None:
    """A file of exactly max_size bytes reads; one byte more is refused; --max-size raises it."""
    data = EXAMPLE.read_bytes()
    path = tmp_path / "r.json"
    path.write_bytes(data)
    assert read_bytes(path, max_size=len(data)) == data
    with pytest.raises(InputFileError, match="larger than the limit"):
        read_bytes(path, max_size=len(data) - 1)
    assert main(["audit", str(path), "--max-size", str(len(data) - 1)]) == 2
    assert main(["audit", str(path), "--max-size", "1M"]) in (0, 1)
    assert DEFAULT_MAX_SIZE >= 200 * 1024**2  # a 200 MB report reads by default


def test_a_long_line_of_json_lines_is_refused(tmp_path: Path) -> None:
    """A JSON Lines file holding a line over the limit is refused, naming file and line."""
    path = tmp_path / "many.jsonl"
    path.write_bytes(b"{}\n" + b"x" * 1000 + b"\n")
    with pytest.raises(InputFileError, match=r"many\.jsonl:2"):
        list(documents_of(str(path), max_size=100))
    with pytest.raises(InputFileError, match=r"many\.jsonl:1"):
        list(iter_documents([path], max_size=1))


def test_load_of_a_fifo_raises_the_library_error(tmp_path: Path) -> None:
    """load() of a FIFO with no writer raises InputFileError (an OSError too), at once."""
    fifo = tmp_path / "r.json"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError) as info:
        load(fifo)
    assert isinstance(info.value, MunicipalReportsError)
    assert isinstance(info.value, OSError)


def test_load_of_a_folder_and_a_dangling_link_say_so(tmp_path: Path) -> None:
    """A folder and a dangling link are named as such."""
    with pytest.raises(InputFileError, match="folder"):
        load(tmp_path)
    link = tmp_path / "gone.json"
    link.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(InputFileError, match="dangling"):
        load(link)
