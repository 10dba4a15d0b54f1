"""Nothing lost: faulty files are reported by name while every other file is still done,
every ``-o`` write is atomic, and Ctrl-C stops cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from municipal_reports import dumps, load
from municipal_reports.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
PROGRAM = EXAMPLES / "zhytomyr-program-efficient-power-2022-9m.json"
DEPUTIES = EXAMPLES / "zhytomyr-deputies-department-2017.json"

# A rule pack whose rule kills its worker process on a list titled «KILL ME», and a
# renderer that waits (so a test can interrupt it).
KILLER = (
    "import os, signal\n"
    "from municipal_reports import rule, Severity, ListedItems\n"
    "@rule('XR900', 'zoo-killer', Severity.NOTE, ListedItems, 'never shown')\n"
    "def killer(obj, path):\n"
    "    '''Example: kills its process.'''\n"
    "    if obj.label == 'KILL ME':\n"
    "        os.kill(os.getpid(), signal.SIGKILL)\n"
    "    return ()\n"
    "RULES = (killer,)\n"
)
SLOW = (
    "import os, time\n"
    "class Slow:\n"
    "    name = 'slow'\n"
    "    media_type = 'text/plain'\n"
    "    def __call__(self, obj, *, locale, findings=None):\n"
    "        open(os.environ['MR_STARTED'], 'w').close()\n"
    "        time.sleep(60)\n"
    "        return 'late'\n"
)


def _plugins(folder: Path) -> Path:
    """The killer rule pack and the slow renderer as dist-info folders in ``folder``."""
    folder.mkdir()
    (folder / "zoo_killer.py").write_text(KILLER, encoding="utf-8")
    (folder / "zoo_slow.py").write_text(SLOW, encoding="utf-8")
    for dist, group, entry in [
        ("zoo_killer", "municipal_reports.rules", "killer = zoo_killer:RULES"),
        ("zoo_slow", "municipal_reports.renderers", "slow = zoo_slow:Slow"),
    ]:
        info = folder / f"{dist}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[{group}]\n{entry}\n")
    return folder


@pytest.fixture
def plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The zoo plugins on sys.path (inherited by forked workers), the rule cache reset."""
    from municipal_reports import default_rules

    folder = _plugins(tmp_path / "plugins")
    monkeypatch.syspath_prepend(str(folder))
    default_rules.cache_clear()
    yield folder
    default_rules.cache_clear()
    sys.modules.pop("zoo_killer", None)


def _faulty_folder(root: Path) -> dict[str, str]:
    """A folder of good reports and faulty entries; returns the faulty names and a word of
    the reason each must be reported with."""
    root.mkdir()
    text = PROGRAM.read_text(encoding="utf-8")
    for i in range(4):
        (root / f"good{i}.json").write_text(text, encoding="utf-8")
    (root / "dangling.json").symlink_to(root / "nowhere.json")
    (root / "loop.json").symlink_to(root / "loop.json")
    os.mkfifo(root / "fifo.json")
    (root / "vanish.json").write_text(text, encoding="utf-8")
    return {
        "dangling.json": "dangling",
        "loop.json": "symbolic links",
        "fifo.json": "FIFO",
        "vanish.json": "No such file",
    }


def _vanishing(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """vanish.json disappears right after the folder is listed."""
    from municipal_reports.cli import _files

    real = _files.expand

    def listed_then_gone(paths: list[str]) -> list[str]:
        names = real(paths)
        (root / "vanish.json").unlink()
        return names

    monkeypatch.setattr(_files, "expand", listed_then_gone)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_audit_of_a_folder_reports_each_faulty_file_and_audits_the_rest(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
) -> None:
    """A dangling link, a symlink loop, a FIFO and a file gone after listing: each reported
    by name with its reason; the four good files are audited; exit 2."""
    root = tmp_path / "reports"
    faulty = _faulty_folder(root)
    _vanishing(monkeypatch, root)
    code = main(["audit", str(root), "--jobs", jobs, "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 2
    for i in range(4):
        assert f"good{i}.json" in out
    assert "in 8 file(s)" in out
    for name, reason in faulty.items():
        lines = [line for line in err.splitlines() if name in line]
        assert lines, name
        assert any(reason in line for line in lines), (name, lines)
    assert "Traceback" not in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode")
def test_an_unreadable_file_is_reported_and_the_rest_audited(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file without read permission is one line on stderr; the others are audited."""
    (tmp_path / "a.json").write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    locked = tmp_path / "b.json"
    locked.write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    locked.chmod(0)
    code = main(["audit", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "a.json" in out
    assert "b.json" in err
    assert "Permission denied" in err


def test_summary_of_a_folder_reports_each_faulty_file_and_sums_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """summary sums the good files, names each faulty one with its reason, exits 2."""
    root = tmp_path / "reports"
    faulty = _faulty_folder(root)
    (root / "broken.json").write_text("{not json", encoding="utf-8")
    _vanishing(monkeypatch, root)
    code = main(["summary", str(root), "--by", "year", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "2022" in out
    for name in [*faulty, "broken.json"]:
        assert name in err, name
    assert "Traceback" not in err


def test_summary_of_good_and_bad_files_sums_only_the_good(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The sums of a folder with one bad file equal the sums of its good files alone."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.json").write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["summary", str(good), "--by", "year", "--to", "csv"]) == 0
    expected, _ = capsys.readouterr()
    (good / "b.json").write_text("[]", encoding="utf-8")
    assert main(["summary", str(good), "--by", "year", "--to", "csv"]) == 2
    out, err = capsys.readouterr()
    assert out == expected
    assert "b.json" in err


def test_a_killed_worker_loses_only_its_own_file(
    plugins: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--jobs 2: the file whose worker is killed is reported by name; the others audited."""
    root = tmp_path / "reports"
    root.mkdir()
    text = PROGRAM.read_text(encoding="utf-8")
    for i in range(5):
        (root / f"good{i}.json").write_text(text, encoding="utf-8")
    killer = dumps(load(DEPUTIES)).replace('"label":"постійні комісії"', '"label":"KILL ME"')
    assert "KILL ME" in killer
    (root / "killer.json").write_text(killer, encoding="utf-8")
    code = main(["audit", str(root), "--jobs", "2", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 2
    for i in range(5):
        assert f"good{i}.json" in out
    (line,) = [line for line in err.splitlines() if "killer.json" in line]
    assert "worker process died" in line


# -- -o: atomic, never onto an input, one clear error ------------------------------------------


def test_output_onto_an_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """render -o onto the file it reads is refused, and the file is left whole."""
    source = tmp_path / "r.json"
    source.write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    assert main(["render", str(source), "--to", "json", "-o", str(source)]) == 2
    _, err = capsys.readouterr()
    assert len(err.splitlines()) == 1
    assert "input" in err
    assert source.read_bytes() == before


def test_summary_output_onto_a_file_of_an_input_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """summary -o onto a report inside the folder it reads is refused."""
    source = tmp_path / "r.json"
    source.write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    assert main(["summary", str(tmp_path), "-o", str(source)]) == 2
    assert source.read_bytes() == before
    _, err = capsys.readouterr()
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("where", ["folder", "missing/out.html", "file/under-a-file.html"])
def test_output_to_a_folder_or_nowhere_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    """-o to a folder, into a missing folder or under a file: one line, exit 2."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    source = tmp_path / "r.json"
    source.write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    for argv in (
        ["render", str(source), "--to", "html", "-o", str(tmp_path / where)],
        ["summary", str(source), "-o", str(tmp_path / where)],
        ["import", str(EXAMPLES.parent / "README.md"), "-o", str(tmp_path / where)],
    ):
        code = main(argv)
        _, err = capsys.readouterr()
        if argv[0] == "import" and code == 2 and "output" not in err and "write" not in err:
            continue  # the README is no table: refused before writing, which is fine too
        assert code == 2, argv
        assert len(err.splitlines()) == 1, err
        assert "Traceback" not in err
    assert sorted(p.name for p in (tmp_path / "folder").iterdir()) == []


def _run_cli(
    args: list[str], env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.Popen[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "municipal_reports", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=full_env,
        **kwargs,  # type: ignore[call-overload]
    )


def _limit_file_size() -> None:
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_write_that_fails_midway_leaves_the_earlier_file_whole(tmp_path: Path) -> None:
    """-o past the file-size limit: exit 2, one line, the old output whole, no temp files."""
    source = tmp_path / "r.json"
    source.write_text(DEPUTIES.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out" / "page.html"
    out.parent.mkdir()
    out.write_text("OLD PAGE", encoding="utf-8")
    proc = _run_cli(
        ["render", str(source), "--to", "html", "-o", str(out)], preexec_fn=_limit_file_size
    )
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "OLD PAGE"
    assert [p.name for p in out.parent.iterdir()] == ["page.html"]


def test_ctrl_c_is_one_line_exit_130_and_no_half_written_output(tmp_path: Path) -> None:
    """SIGINT while rendering: «interrupted», exit 130, no traceback, the old output whole."""
    folder = _plugins(tmp_path / "plugins")
    started = tmp_path / "started"
    source = tmp_path / "r.json"
    source.write_text(PROGRAM.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.txt"
    out.write_text("OLD", encoding="utf-8")
    env = {"PYTHONPATH": str(folder), "MR_STARTED": str(started)}
    proc = _run_cli(["render", str(source), "--to", "slow", "-o", str(out)], env=env)
    deadline = time.monotonic() + 60
    while not started.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.splitlines() == ["municipal-reports: interrupted"]
    assert out.read_text(encoding="utf-8") == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "plugins", "r.json", "started"]


def test_ctrl_c_with_workers_is_one_line_too(tmp_path: Path) -> None:
    """SIGINT to the whole process group during audit --jobs 2: one line, exit 130."""
    root = tmp_path / "reports"
    root.mkdir()
    text = PROGRAM.read_text(encoding="utf-8")
    for i in range(400):
        (root / f"r{i:03}.json").write_text(text, encoding="utf-8")
    proc = _run_cli(["audit", str(root), "--jobs", "2", "--no-progress"], start_new_session=True)
    time.sleep(1.5)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 130:
        assert err.splitlines() == ["municipal-reports: interrupted"]
    else:  # finished before the signal came: nothing to check but a clean run
        assert proc.returncode in (0, 1), err
        assert "Traceback" not in err
