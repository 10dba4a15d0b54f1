"""Peak memory of one big report: audit and HTML render of a ~200 MB file, each in a fresh
process, against the file's size (targets: audit ≤ 3×, HTML ≤ 4×).

The report is generated on the fly (one program report whose tasks come from
``bench/generate.py``'s reports) and written to a temporary file, streamed so the generator
itself stays small. Each step runs in a subprocess that reports its peak resident set
(``ru_maxrss``) and the resident set after the imports, so the figures are the step's own.

    python bench/big_report.py                 # 200 MB, audit and html
    python bench/big_report.py --size-mb 50 --steps audit
    python bench/big_report.py --steps load,audit,html,html-string

Steps: ``load`` (``load(path)``), ``audit`` (``load`` then ``audit``), ``html`` (what
``municipal-reports render FILE --to html -o OUT`` does, run in the child), ``html-audit``
(the same with ``--with-audit``), ``html-string`` (``load`` then the string-returning
``render(doc, to="html")``, for comparison).

Figures (issue 15; 2 shared cores, Python 3.11; peak RSS against the file's size):

    200 MB program report        before (main e576533)     after (stream + exact merged)
    load                         -                         224 MB  1.12×
    load + audit                 1 279 MB  6.4×            442 MB  2.21×   (target ≤ 3×)
    render --to html -o          2 789 MB 13.6× (string)   236 MB  1.18×   (target ≤ 4×)
    render --with-audit -o       not run¹                  573 MB  2.86×
    render() to one string       2 789 MB 13.6×            1 076 MB 5.38× (before exact)

¹ marking the cells was a pass over every finding per cell, quadratic: a 2 MB report with
its 3 644 findings took 117 s, now 1.3 s. Loading took as long either way (13 s for 200 MB, measured before exact).

Where the memory went before (50 MB file, RSS after each stage): the bytes 50 MB, orjson's
tree +171 MB (3.4×; +262 MB at its peak), the duplicate-key check's re-encoding +83 MB, the
entities +85 MB beside the tree (their strings are the tree's); the laid-out page +250 MB
(5×), the page as one string +100 MB (Cyrillic makes it 2 bytes a character), then its
UTF-8 bytes. After:
``load`` reads a big program report a task at a time (``io/stream.py``: no whole tree; texts
repeated across tasks kept once, which halved the entities: 3.6× → 1.9× at 50 MB); the
form's rows are made as the template draws them (``layout.Rows``) and the page is written
out in pieces (``render_to`` / ``render_chunks``); the audit's findings hold paths and
references to the entities' values (about 0.4× the file at the bench's finding rate), no
copies of the tree.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import make_report  # noqa: E402  (the bench's own generator, beside this file)

STEPS = {
    "load": "doc = load(path, max_size=1 << 40)",
    "audit": "doc = load(path, max_size=1 << 40)\nfindings = audit(doc)",
    # What ``municipal-reports render FILE --to html -o OUT`` does, in this process.
    "html": "code = main(['render', path, '--to', 'html', '-o', out, '--max-size', '1T'])\n"
    "assert code == 0, code",
    # The same with the findings marked and listed (``--with-audit``).
    "html-audit": "code = main(['render', path, '--to', 'html', '--with-audit', '-o', out,"
    " '--max-size', '1T'])\nassert code == 0, code",
    # The string-returning API, for comparison: the page is one string, then its bytes.
    "html-string": "doc = load(path, max_size=1 << 40)\nout = render(doc, to='html', locale='uk')",
}

CHILD = """
import resource, sys, json
from municipal_reports import audit, load, render
from municipal_reports.cli import main
def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0
base = rss_kb()
path, out = sys.argv[1], sys.argv[2]
{step}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"base_kb": base, "peak_kb": peak}}))
"""


def write_report(path: Path, size_mb: int) -> int:
    """Write one program report of about ``size_mb`` MB to ``path``; return its size."""
    target = size_mb * 1024 * 1024
    first = make_report(0)
    head = {k: v for k, v in first.items() if k not in ("tasks", "total", "total_percent")}
    with open(path, "wb") as out:
        out.write(orjson.dumps(head)[:-1] + b',"tasks":[')
        written, index, comma = 0, 0, b""
        while written < target:
            for task in make_report(index)["tasks"]:
                chunk = comma + orjson.dumps(task)
                out.write(chunk)
                written += len(chunk)
                comma = b","
            index += 1
        out.write(b"]}")
    return path.stat().st_size


def measure(step: str, path: Path) -> dict[str, int]:
    """Run ``step`` on ``path`` in a fresh interpreter; its resident-set figures in KB."""
    code = CHILD.format(step=STEPS[step])
    result = subprocess.run(
        [sys.executable, "-c", code, str(path), str(path.with_suffix(".html"))],
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, int] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--steps", default="audit,html", help=f"of {', '.join(STEPS)}")
    parser.add_argument("--keep", metavar="FILE", help="write the report here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.keep) if args.keep else Path(folder) / "big.json"
        size = write_report(path, args.size_mb)
        print(f"report: {size / 1024**2:,.1f} MB ({path.name})")
        print(f"{'step':8} {'peak RSS MB':>12} {'× file':>8} {'after imports MB':>17} {'(peak − imports) × file':>24}")
        for step in args.steps.split(","):
            f = measure(step, path)
            peak, base = f["peak_kb"] * 1024, f["base_kb"] * 1024
            print(
                f"{step:8} {peak / 1024**2:12,.0f} {peak / size:8.2f} {base / 1024**2:17,.0f}"
                f" {(peak - base) / size:24.2f}"
            )
        for made in (path, path.with_suffix(".html")):
            if made.exists() and (made != path or not args.keep):
                made.unlink()


if __name__ == "__main__":
    main()
