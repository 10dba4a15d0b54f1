"""The benchmark: every pipeline on the same files, side by side, at several sizes.

    python bench/run.py --sizes 2000,4000,8000 [--seed 7] [--data DIR] [--markdown]

For each size it generates (or reuses) the data set, reads every file into memory once, and
runs all pipelines in one process, alternating every ``--chunk`` reports so that drifts of
this machine's speed (other processes share the cores) hit all of them alike. It checks
that the pipelines doing the same work (the arithmetic rules; the full rules) found the
same inconsistencies, then prints seconds, measures per second, the ratio to the floor
(``orjson.loads`` alone) and to the msgspec and pydantic peers doing the same work.

A memory pass (``tracemalloc``, on the smallest size) gives each pipeline's peak while
streaming and the bytes retained per measure when every object is kept.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_dataset
from peers import ARITHMETIC, FULL, PIPELINES, Findings

FLOOR = "orjson floor"

Hits = dict[str, set[tuple[int, str, str]]]


def disagreements(found: Hits, group: dict[str, Callable[[bytes], Findings]]) -> list[str]:
    """One line for each pipeline of ``group`` whose findings differ from the group's
    first pipeline's (empty when they all agree)."""
    names = [name for name in group if name in found]
    if not names:
        return []
    reference = found[names[0]]
    lines = []
    for name in names[1:]:
        differ = found[name] ^ reference
        if differ:
            lines.append(f"MISMATCH {name} vs {names[0]}: {len(differ)} differ, e.g. {sorted(differ)[:3]}")
    return lines


def _available() -> dict[str, Callable[[bytes], Findings]]:
    try:
        import municipal_reports

        has_io = hasattr(municipal_reports, "loads")
    except ImportError:
        has_io = False
    return {k: v for k, v in PIPELINES.items() if has_io or not k.startswith("ours")}


#: Bumped whenever generate.py changes the data, so that a stale data set is not reused.
DATA_VERSION = 2


def _dataset(root: Path, reports: int, seed: int) -> list[bytes]:
    folder = root / f"v{DATA_VERSION}-n{reports}-s{seed}"
    marker = folder / "COMPLETE"
    if not marker.exists():
        write_dataset(folder, reports, seed=seed)
        marker.write_text("ok\n")
    return [p.read_bytes() for p in sorted(folder.rglob("*.json"))]


def _measures(docs: list[bytes]) -> int:
    return sum(len(m) for d in docs for t in orjson.loads(d)["tasks"] for m in [t["measures"]])


def _time(
    pipelines: dict[str, Callable[[bytes], Findings]], docs: list[bytes], chunk: int
) -> tuple[dict[str, float], Hits]:
    seconds = dict.fromkeys(pipelines, 0.0)
    found: dict[str, set[tuple[int, str, str]]] = {k: set() for k in pipelines}
    names = list(pipelines)
    for fn in pipelines.values():  # warm up: imports, caches, converters built on first use
        batch = getattr(fn, "batch", None)
        if batch is not None:
            batch(docs[:chunk])
        for d in docs[:chunk]:
            fn(d)
    for n, start in enumerate(range(0, len(docs), chunk)):
        part = docs[start : start + chunk]
        # Rotate the order too: no pipeline always runs first after a pause.
        for name in names[n % len(names) :] + names[: n % len(names)]:
            fn, hits = pipelines[name], found[name]
            batch = getattr(fn, "batch", None)  # a batch pipeline takes the turn at once
            t0 = time.perf_counter()
            results = batch(part) if batch is not None else [fn(d) for d in part]
            seconds[name] += time.perf_counter() - t0
            for i, result in enumerate(results, start):
                hits.update((i, code, path) for code, path in result)
    return seconds, found


def _memory(
    fn: Callable[[bytes], Any], docs: list[bytes], load: Callable[[bytes], Any]
) -> tuple[int, int]:
    """(peak bytes while streaming ``fn`` over ``docs``, bytes retained keeping every object)."""
    gc.collect()
    tracemalloc.start()
    batch = getattr(fn, "batch", None)
    for start in range(0, len(docs), 500):
        part = docs[start : start + 500]
        if batch is not None:  # a batch pipeline streams a batch at a time
            batch(part)
        else:
            for d in part:
                fn(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    kept = [load(d) for d in docs]
    retained = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    del kept
    return peak, retained


def _loaders() -> dict[str, Callable[[bytes], Any]]:
    import peers

    loaders: dict[str, Callable[[bytes], Any]] = {
        FLOOR: orjson.loads,
        "msgspec, full rules": peers._MS_DECODER.decode,
        "pydantic v2, full rules": peers.PdProgramReport.model_validate_json,
    }
    try:
        from municipal_reports import loads
    except ImportError:
        return loaders
    loaders["ours exact road, full"] = loads
    loaders["ours bulk road, full"] = loads
    loaders["ours bulk, no pyarrow"] = loads
    return loaders


def _table(seconds: dict[str, float], measures: int, group: dict[str, Any], label: str) -> None:
    floor = seconds[FLOOR]
    peers = [k for k in group if k.startswith(("msgspec", "pydantic")) and k in seconds]
    print(f"   -- {label}")
    header = f"   {'pipeline':26} {'s':>7} {'measures/s':>11} {'µs/measure':>10} {'× floor':>8}"
    header += "".join(f" {'× ' + p.split(',')[0].split()[0]:>11}" for p in peers)
    print(header)
    for name in [FLOOR, *group]:
        if name not in seconds:
            continue
        s = seconds[name]
        line = f"   {name:26} {s:7.2f} {measures / s:11,.0f} {s / measures * 1e6:10.2f} {s / floor:8.2f}"
        line += "".join(f" {s / seconds[p]:11.2f}" for p in peers)
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmark the pipelines against the floor.")
    parser.add_argument("--sizes", default="2000,4000,8000", help="report counts, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk", type=int, default=500, help="reports per turn")
    parser.add_argument("--data", type=Path, default=Path("bench/data"), help="where data sets go")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory pass")
    parser.add_argument(
        "--only", default="", help="run only the pipelines whose name contains one of these (comma-separated)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    pipelines = _available()
    if args.only:
        wanted = args.only.split(",")
        pipelines = {k: v for k, v in pipelines.items() if k == FLOOR or any(w in k for w in wanted)}
    if not args.only and len(pipelines) < len(PIPELINES):
        print("note: municipal_reports.loads is not available; 'ours' is left out\n")

    mismatch = False
    for size in sizes:
        docs = _dataset(args.data, size, args.seed)
        measures = _measures(docs)
        megabytes = sum(map(len, docs)) / 1e6
        seconds, found = _time(pipelines, docs, args.chunk)
        print(f"== {size} reports, {measures} measures, {megabytes:.1f} MB")
        for group, label in ((ARITHMETIC, "arithmetic rules"), (FULL, "full rules")):
            first = next((k for k in group if k in found), None)
            codes = sorted({code for _, code, _ in found[first]}) if first else []
            print(
                f"   {label}: {len(found[first]) if first else 0} inconsistencies ({', '.join(codes)})"
            )
            for line in disagreements(found, group):
                mismatch = True
                print("   " + line)
        _table(seconds, measures, ARITHMETIC, "arithmetic rules")
        _table(seconds, measures, FULL, "full rules")
        print()

    if not args.no_memory:
        docs = _dataset(args.data, sizes[0], args.seed)
        measures = _measures(docs)
        print(f"== memory ({sizes[0]} reports, {measures} measures, tracemalloc)")
        print(f"   {'pipeline':26} {'peak streaming':>15} {'retained/measure':>17}")
        for name, load in _loaders().items():
            if name not in pipelines:
                continue
            peak, retained = _memory(pipelines[name], docs, load)
            print(f"   {name:26} {peak / 1e6:12.1f} MB {retained / measures:14,.0f} B")
        if any(hasattr(pipelines[name], "batch") for name in pipelines):
            # pyarrow allocates outside tracemalloc's sight: its pool's own peak, this run.
            import pyarrow

            arrow_peak = pyarrow.default_memory_pool().max_memory()
            print(f"   pyarrow pool peak (batches of {args.chunk}, not in tracemalloc): {arrow_peak / 1e6:.1f} MB")
        print()
    if mismatch:
        print("the pipelines disagree on the inconsistencies: see MISMATCH above")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
